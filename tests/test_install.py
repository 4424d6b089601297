"""The install (scripts/pip.sh): pinned files by their hashes, with uv or pip, offline on a wheel made here."""

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINS = ("requirements.txt", "requirements-dev.txt", "requirements-uv.txt")
# The interpreter that made .venv, as `make`'s PYTHON: it has the pip that scripts/pip.sh points at a venv.
PYTHON = getattr(sys, "_base_executable", sys.executable)


def _entries(text: str) -> list[str]:
    """Each requirement of a requirements file, its continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", PINS)
def test_every_pin_carries_the_hashes_of_its_files(name):
    entries = _entries((ROOT / name).read_text("utf-8"))
    assert entries
    for entry in entries:
        if entry.startswith("-r "):
            assert name == "requirements-dev.txt" and entry == "-r requirements.txt"
            continue
        assert re.match(r"^[a-z0-9][a-z0-9._-]*==[^\s;]+ ", entry), f"{name}: not an exact pin: {entry[:60]}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]+)", entry)
        assert hashes and all(len(h) == 64 for h in hashes), f"{name}: {entry.split()[0]} has no sha256: run make lock"
    if name == "requirements-uv.txt":
        assert [e.split("==")[0] for e in entries] == ["uv"], "the installer's file pins uv alone"


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _wheel(folder: Path) -> Path:
    """A real one-module wheel, ``tinypkg`` 1.0, written by hand (nothing to build, nothing to download)."""
    files = {
        "tinypkg/__init__.py": b"ANSWER = 42\n",
        "tinypkg-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n",
        "tinypkg-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{path},{_digest(data)},{len(data)}\n" for path, data in files.items())
    record += "tinypkg-1.0.dist-info/RECORD,,\n"
    path = folder / "tinypkg-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("tinypkg-1.0.dist-info/RECORD", record)
    return path


def _uv() -> str | None:
    """A uv to test with: on the PATH, or the one scripts/uv.sh fetched for this checkout's .venv."""
    local = sorted((ROOT / ".venv/.uv").glob("*/bin/uv"))
    return shutil.which("uv") or (str(local[0]) if local else None)


def _install(tmp_path: Path, installer: str, digest: str, path_dirs: list[str]) -> tuple[subprocess.CompletedProcess, Path]:
    """scripts/pip.sh installing tinypkg by its hash from a local folder into a new venv without pip."""
    wheels = tmp_path / "wheels"
    wheels.mkdir(exist_ok=True)
    _wheel(wheels)
    pins = tmp_path / "pins.txt"
    pins.write_text(f"tinypkg==1.0 --hash=sha256:{digest}\n", encoding="utf-8")
    venv = tmp_path / f"venv-{installer}-{digest[:8]}"
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "OGP_INSTALLER"}
    env["PATH"] = os.pathsep.join([*path_dirs, "/usr/bin", "/bin"])
    if installer != "auto":
        env["OGP_INSTALLER"] = installer
    done = subprocess.run(["bash", str(ROOT / "scripts/pip.sh"), PYTHON, str(venv), "--no-index",
                           "--find-links", str(wheels), "--require-hashes", "-r", str(pins)],
                          env=env, capture_output=True, text=True, timeout=120)
    return done, venv


def _imports(venv: Path) -> bool:
    probe = subprocess.run([str(venv / "bin/python"), "-c", "import tinypkg; assert tinypkg.ANSWER == 42"],
                           capture_output=True)
    return probe.returncode == 0


def _good_digest(tmp_path: Path) -> str:
    folder = tmp_path / "reference"
    folder.mkdir()
    return hashlib.sha256(_wheel(folder).read_bytes()).hexdigest()


@pytest.mark.slow
def test_pip_installs_a_file_that_matches_its_hash_and_refuses_one_that_does_not(tmp_path):
    done, venv = _install(tmp_path, "pip", _good_digest(tmp_path), [])
    assert done.returncode == 0, done.stderr
    assert _imports(venv)
    done, venv = _install(tmp_path, "pip", "0" * 64, [])
    assert done.returncode != 0 and "HASH" in done.stderr.upper()
    assert not _imports(venv)


@pytest.fixture
def uv_folder() -> str:
    """The folder of the uv to test with (``make site`` fetched one); the test is skipped where there is none."""
    uv = _uv()
    if uv is None:
        pytest.skip("no uv here: neither on the PATH nor in .venv/.uv")
    return str(Path(uv).parent)


@pytest.mark.slow
def test_uv_installs_by_hash_and_refuses_a_mismatch_without_falling_back(tmp_path, uv_folder):
    done, venv = _install(tmp_path, "uv", _good_digest(tmp_path), [uv_folder])
    assert done.returncode == 0, done.stderr
    assert _imports(venv)
    done, venv = _install(tmp_path, "uv", "0" * 64, [uv_folder])
    assert done.returncode != 0 and "trying again with pip" not in done.stderr
    assert not _imports(venv)


@pytest.mark.slow
def test_a_failing_uv_hands_over_to_pip_which_refuses_the_mismatch_too(tmp_path, uv_folder):
    done, venv = _install(tmp_path, "auto", "0" * 64, [uv_folder])
    assert done.returncode != 0
    assert "trying again with pip" in done.stderr and "pip-ээр дахин оролдож" in done.stderr
    assert not _imports(venv)


def test_an_unknown_installer_is_refused_in_both_languages(tmp_path):
    env = dict(os.environ, OGP_INSTALLER="conda")
    done = subprocess.run(["bash", str(ROOT / "scripts/pip.sh"), PYTHON, str(tmp_path / "none"), "x"],
                          env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert "OGP_INSTALLER=conda is not known" in done.stderr and "танигдахгүй" in done.stderr


def test_a_venv_where_uv_could_not_be_fetched_goes_to_pip_without_trying_again(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(venv)], check=True)
    (venv / ".uv").mkdir()
    (venv / ".uv/unavailable").write_text("what pip said when the fetch failed\n", encoding="utf-8")
    env = dict(os.environ, PATH="/usr/bin:/bin")
    env.pop("OGP_INSTALLER", None)
    done = subprocess.run(["bash", str(ROOT / "scripts/uv.sh"), PYTHON, str(venv / ".uv")],
                          env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1 and done.stdout == "" and done.stderr == ""
    assert sorted(p.name for p in (venv / ".uv").iterdir()) == ["unavailable"], "no fetch was tried"


@pytest.mark.slow
def test_a_fetch_that_fails_leaves_nothing_half_made_and_says_where_to_look(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(venv)], check=True)
    # No index at all: pip cannot fetch uv, as on a machine with no way to PyPI.
    env = dict(os.environ, PATH="/usr/bin:/bin", PIP_NO_INDEX="1", PIP_FIND_LINKS=str(tmp_path))
    env.pop("OGP_INSTALLER", None)
    done = subprocess.run(["bash", str(ROOT / "scripts/uv.sh"), PYTHON, str(venv / ".uv")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert "uv could not be fetched" in done.stderr and "uv-г татаж авч чадсангүй" in done.stderr
    assert sorted(p.name for p in (venv / ".uv").iterdir()) == ["unavailable"]
    assert "uv" in (venv / ".uv/unavailable").read_text("utf-8")  # pip's own words on why
