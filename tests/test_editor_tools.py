"""`ogp new` starts records that validate once their blanks are filled; `ogp check-links` finds dead links."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, build_env, ogp, write_files

OGP = Path(sys.executable).parent / "ogp"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return ogp(*args, cwd=cwd)


def data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    return root


def fill_blanks(path: Path, extra: dict[str, str] | None = None) -> None:
    text = path.read_text("utf-8")
    text = re.sub(r'^(\s*-?\s*)(\w+): ""$', lambda m: f"{m.group(1)}{m.group(2)}: Бичвэр {m.group(2)}", text, flags=re.M)
    for old, new in (extra or {}).items():
        text = text.replace(old, new)
    path.write_text(text, "utf-8")


def test_new_records_validate_once_filled(tmp_path: Path):
    root = data_copy(tmp_path)
    for args in (["meeting", "budget talk"], ["commitment", "nap5"], ["milestone", "nap5-02"],
                 ["evidence", "board photo", "--url", "https://example.org/photo.jpg"]):
        result = run("new", *args, "--date", "2026-11-20", "--root", str(root), cwd=root)
        assert result.returncode == 0, result.stderr
    # As written, the blanks are exactly what validation asks for, each with file and line.
    before = run("validate", "--root", str(root), "--today", "2026-11-22", cwd=root)
    assert before.returncode == 2 and "[missing-field]" in before.stdout and "Traceback" not in before.stderr
    # Choices ogp new cannot know are blanks too: the meeting's type and format, the evidence's kind, a due date.
    for field in ("type", "format"):
        assert "2026-11-20-budget-talk.yml:" in before.stdout and f"`{field}`" in before.stdout
    fill_blanks(root / "data/meetings/2026-11-20-budget-talk.yml", {"type: Бичвэр type": "type: civil-society",
                                                                      "format: Бичвэр format": "format: online"})
    due = {"due: Бичвэр due": "due: 2027-06-30"}
    fill_blanks(root / "data/commitments/nap5/nap5-10.yml", {"lead_agency: Бичвэр lead_agency": "lead_agency: cabinet-secretariat", **due})
    fill_blanks(root / "data/commitments/nap5/nap5-02.yml", due)
    fill_blanks(root / "data/evidence/board-photo.yml", {"meetings: []": "meetings: [2026-11-20-budget-talk]", "kind: Бичвэр kind": "kind: photo"})
    after = run("validate", "--root", str(root), "--today", "2026-11-22", cwd=root)
    assert after.returncode == 0, after.stdout


def test_new_refuses_to_overwrite(tmp_path: Path):
    root = data_copy(tmp_path)
    assert run("new", "meeting", "x", "--date", "2026-11-20", "--root", str(root), cwd=root).returncode == 0
    again = run("new", "meeting", "x", "--date", "2026-11-20", "--root", str(root), cwd=root)
    assert again.returncode == 2 and "exists already" in again.stderr
    bare = run("new", "commitment", "--root", str(root), cwd=root)
    assert bare.returncode == 2 and "Name the plan" in bare.stderr and "nap5" in bare.stderr  # never "data/plans/.yml"
    assert "ийм" not in bare.stderr  # one language: the editor's


class Pages(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


def test_check_links_reports_the_broken_ones(tmp_path: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    write_files(tmp_path, {
        "data/organisations/a.yml": f"id: a\nwebsite: {base}/ok\n",
        "content/page.en.md": f"# Page\n\nSee [the report]({base}/gone) and <{base}/ok>.\n",
    })
    summary = tmp_path / "summary.md"
    # The weekly workflow's reader is unknown (no OGP_LANG, a C locale): every language, English first.
    result = ogp("check-links", "--root", str(tmp_path), "--format", "github", "--summary", str(summary), cwd=tmp_path,
                 OGP_LANG="", LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
    assert result.returncode == 0  # reported, never blocking
    assert result.stdout.strip() == f"::warning file=content/page.en.md,line=3,title=broken link::{base}/gone (404)"
    assert "### External links: 2, broken: 1 / Гадаад холбоос: 2, эвдэрсэн: 1" in summary.read_text("utf-8")
    assert "| Link / Холбоос | Answer / Серверийн хариу | Where / Байршил |" in summary.read_text("utf-8")
    assert f"| {base}/gone | 404 | content/page.en.md:3 |" in summary.read_text("utf-8")
    mongolian = ogp("check-links", "--root", str(tmp_path), "--format", "markdown", cwd=tmp_path, OGP_LANG="mn")
    server.shutdown()
    assert mongolian.stdout.startswith("### Гадаад холбоос: 2, эвдэрсэн: 1\n") and "Link" not in mongolian.stdout


@pytest.mark.slow
def test_preview_rebuilds_when_a_record_changes(tmp_path: Path):
    import socket
    import time
    import urllib.request

    from conftest import copy_project

    project = copy_project(tmp_path / "p")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
                              str(project / "mkdocs.yml")], cwd=project, env=build_env(),
                             stdout=log, stderr=subprocess.STDOUT)

    def page() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/meetings/2024-05-20-ngo-round-table/", timeout=5) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(text: str, seconds: float = 120) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if text in page():
                return True
            time.sleep(1)
        return False

    try:
        assert wait_for("round table"), "the preview did not start"
        record = project / "data/meetings/2024-05-20-ngo-round-table.yml"
        text = record.read_text("utf-8")
        # Saved in one step, as many editors do: an in-place write can reach the watcher as two
        # changes far enough apart to mean two rebuilds, which is not what is counted below.
        saved = tmp_path / "saved.yml"
        saved.write_text(re.sub(r"^title_en: .*$", "title_en: Changed round table title", text, count=1, flags=re.M), "utf-8")
        os.replace(saved, record)
        assert wait_for("Changed round table title"), "the preview did not rebuild after a record changed"
        time.sleep(3)
        printed = (tmp_path / "serve.log").read_text("utf-8")
        # One rebuild for one saved record: the generated pages the rebuild wrote do not start another.
        assert printed.count("Building documentation...") == 2, printed
        assert re.search(r"ogp: \d+ pages reused, \d+ rendered", printed), printed
        # A page written by hand is still watched.
        contact = project / "content/contact.en.md"
        contact.write_text(contact.read_text("utf-8") + "\nA line added in the preview.\n", "utf-8")
        end = time.monotonic() + 120
        while "A line added in the preview." not in _fetch(port, "en/contact/"):
            assert time.monotonic() < end, "the preview did not rebuild after a page changed"
            time.sleep(1)
    finally:
        serve.terminate()
        serve.wait(timeout=30)
        log.close()


def _fetch(port: int, path: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_a_cyrillic_name_is_written_in_latin_letters_not_dropped(tmp_path: Path):
    root = data_copy(tmp_path)
    result = run("new", "meeting", "Төсвийн хэлэлцүүлэг", "--date", "2026-11-20", "--root", str(root), cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "data/meetings/2026-11-20-tosviin-kheleltsuuleg.yml").is_file()
