"""Shared fixtures: real `mkdocs build` runs of the project and of small copies of it."""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What a project copy needs to build: the configuration and everything it refers to.
PROJECT_PARTS = ["mkdocs.yml", "ogp.yml", "content", "data", "hooks", "theme_overrides"]
LANGS = ("mn", "en")


def build_env(**extra: str) -> dict[str, str]:
    """Environment for a build: quiet Material banner, English messages unless asked."""
    env = dict(os.environ)
    env.pop("OGP_SITE_URL", None)
    env.update({"NO_MKDOCS_2_WARNING": "1", "OGP_LANG": "en", "OGP_TODAY": "2026-11-22"})
    env.update(extra)
    return env


def ogp(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """Run the ``ogp`` command line in this process, as a subprocess would see it.

    The environment is :func:`build_env` (plus ``env``) for the call only; output is captured and
    ``SystemExit`` (argparse, ``--version``) gives the exit status. Seconds saved per call: about one.
    """
    from ogp.cli.main import main

    saved, here = dict(os.environ), Path.cwd()
    out, err = io.StringIO(), io.StringIO()
    try:
        os.environ.clear()
        os.environ.update(build_env(**env))
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as stop:
                status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["ogp", *args], status, out.getvalue(), err.getvalue())


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a real ``mkdocs build --strict`` of ``project`` into ``site_dir``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(dest: Path) -> Path:
    """Copy the parts of this repository a build needs into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def write_files(root: Path, files: dict[str, str]) -> None:
    """Write a dict of ``relative path -> text`` under ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def tiny_project(dest: Path, files: dict[str, str]) -> Path:
    """A project with this repository's configuration but only the pages in ``files``.

    The nav is dropped so that any set of pages is valid.
    """
    copy_project(dest)
    shutil.rmtree(dest / "content")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n(?:[ \t]+.*\n|\n)*", "", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_files(dest, files)
    return dest


def page_url(stem: str) -> str:
    """Site path of a page stem: ``index`` -> ``""``, ``news/index`` -> ``news/``, ``x`` -> ``x/``."""
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def built_html(site: Path, stem: str, lang: str) -> Path:
    """The HTML file of page ``stem`` in ``lang`` (Mongolian at the root, English under en/)."""
    prefix = "" if lang == "mn" else "en/"
    return site / (prefix + page_url(stem)) / "index.html"


@dataclass(frozen=True)
class Build:
    """A finished build: the site folder and everything the build printed."""

    site: Path
    log: str


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    """The real project, built once per test session with a strict build."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(site, result.stdout + result.stderr)


CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep Chromium from calling home on a machine with no network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's headless Chromium driven by Playwright. Missing browser = failure, not skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does this.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sweep(browser, served_site):
    """Every page visited once in Chromium, with every per-page check's findings (tests/sweep.py)."""
    from sweep import sweep_site

    return sweep_site(browser, served_site)


@contextlib.contextmanager
def serve(folder: Path):
    """``folder`` served over HTTP on a free localhost port; yields the base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(build):
    """The session's build served over HTTP on a free localhost port; yields the base URL."""
    with serve(build.site) as url:
        yield url


def hand_written_stems() -> list[str]:
    """Stems of the pages people wrote in content/ (generated pages, if present, excluded)."""
    from ogp.records.translations import page_languages
    from ogp.render.write import is_generated

    return sorted(stem for stem, files in page_languages(ROOT / "content").items()
                  if not any(is_generated(path) for path in files.values()))


# One page of each generated template, checked in the browser like the hand-written ones.
GENERATED_SAMPLES = ["plans/", "plans/nap5/", "commitments/nap5-01/", "meetings/", "meetings/2024-05-20-ngo-round-table/",
                     "finder/", "compliance/", "updates/",
                     "evidence/", "evidence/nap5-01/", "cocreation/nap5/", "organisations/", "irm-reports/", "data-reference/"]


@pytest.fixture(autouse=True)
def _sample_repository():
    """Every test starts and ends in the sample's settings (a test may read another repository's ogp.yml)."""
    from ogp.records.repository import use_repository

    use_repository(ROOT)
    yield
    use_repository(ROOT)
