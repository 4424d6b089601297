"""``ogp bench``: build a synthetic repository of a given size and print what it costs.

Figures, not a test: full strict build time, pages, peak memory, site size,
search index sizes per language, validation and history times, the rebuild
after editing one record, and, in the same run, the floor of this stack:
plain Python-Markdown + Jinja over the same Markdown.
"""
from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ogp.cli.synthetic import write_dataset
from ogp.words import languages, path_prefix

SIZES = {
    "national": dict(plans=1, commitments=15, milestones_per_commitment=7, meetings=50, evidence=500, organisations=30),
    "large": dict(plans=5, commitments=1000, milestones_per_commitment=4, meetings=250, evidence=3000, organisations=200),
    "ogp": dict(plans=25, commitments=5000, milestones_per_commitment=4, meetings=1000, evidence=10000, organisations=800),
}
# Whole builds (each of a fresh copy of the project) and floors timed per size, the median reported:
# a national build takes about 2 s, and a single figure moved by a fifth from run to run here.
RUNS = {"national": 3}
PROJECT = Path(__file__).resolve().parents[2]
PARTS = ["mkdocs.yml", "ogp.yml", "hooks", "theme_overrides"]


def _git(root: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def make_project(root: Path, size: str) -> None:
    """A project with this repository's configuration, its hand-written pages and synthetic records."""
    for part in PARTS:
        source = PROJECT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    for rel in _hand_written_pages():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / rel, root / rel)
    write_dataset(root, **SIZES[size])
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "synthetic records")


def _hand_written_pages() -> list[str]:
    """The files of content/ that people wrote: what git tracks there."""
    listed = subprocess.run(["git", "ls-files", "content"], cwd=PROJECT, capture_output=True, text=True, check=True)
    return [line for line in listed.stdout.splitlines() if line]


def _build(root: Path, site: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one strict build in a child process.

    No quiet flag: it lowers the log level, so a strict build would never count a warning.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", OGP_TODAY="2026-11-22")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=root, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-2000:] + result.stderr[-2000:])
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def preview_seconds(root: Path, edits: int = 5, timeout: float = 3600) -> list[float]:
    """Seconds from saving an edited record to ``mkdocs serve`` serving the rebuilt page, for each of ``edits`` saves.

    The real preview an editor uses: the server is started and its first build
    awaited (not timed), then one commitment's English title is changed and the
    page is fetched until it shows the new title, ``edits`` times. MkDocs answers
    a request only once a pending rebuild is finished, so each figure includes
    the file watcher, the rebuild and the response.
    """
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", OGP_TODAY="2026-11-22")
    record = sorted((root / "data/commitments/nap1").glob("*.yml"))[0]
    url = f"http://127.0.0.1:{port}/en/commitments/{record.stem}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + timeout
        while not page():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the preview server did not start")
            time.sleep(0.2)
        text = record.read_text(encoding="utf-8")
        times = []
        for n in range(edits):
            marker = f"Previewed commitment {n}"
            record.write_text(text.replace("title_en: Commitment", f"title_en: {marker}", 1), encoding="utf-8")
            started = time.perf_counter()
            while marker not in page():
                if time.monotonic() > deadline:
                    raise RuntimeError("the preview did not rebuild")
                time.sleep(0.02)
            times.append(time.perf_counter() - started)
        return times
    finally:
        server.terminate()
        server.wait(timeout=60)


def floor(root: Path, out: Path) -> float:
    """Seconds for plain Python-Markdown + Jinja over the same Markdown pages (the stack's floor)."""
    import jinja2
    import markdown

    template = jinja2.Template("<!doctype html><html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\"><title>{{ title }}"
                               "</title></head><body><main>{{ body }}</main></body></html>")
    pages = sorted((root / "content").rglob("*.md"))
    started = time.perf_counter()
    for path in pages:
        converter = markdown.Markdown(extensions=["abbr", "admonition", "attr_list", "def_list", "tables", "toc"])
        body = converter.convert(path.read_text(encoding="utf-8"))
        target = out / path.relative_to(root / "content").with_suffix(".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render(lang=path.stem.rsplit(".", 1)[-1], title=path.stem, body=body), encoding="utf-8")
    return time.perf_counter() - started


def _size(path: Path) -> tuple[int, int]:
    data = path.read_bytes() if path.exists() else b""
    return len(data), len(gzip.compress(data, 6))


def run(size: str) -> dict:
    """Every figure for one size, as a dict."""
    from ogp.facts.history import load_commits
    from ogp.facts.updates import updates
    from ogp.records.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        make_project(root, size)
        started = time.perf_counter()
        validate(root)
        validation = time.perf_counter() - started
        started = time.perf_counter()
        updates(load_commits(root))
        history = time.perf_counter() - started
        runs = RUNS.get(size, 1)
        copies = [root] + [Path(tmp) / f"project-{n}" for n in range(1, runs)]
        for copy in copies[1:]:
            shutil.copytree(root, copy, symlinks=True)
        builds = [_build(copy, Path(tmp) / f"site-{n}") for n, copy in enumerate(copies)]
        seconds, rss = statistics.median(b[0] for b in builds), max(b[1] for b in builds)
        site = Path(tmp) / "site-0"
        pages = sum(1 for _ in site.rglob("index.html"))
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        previews = sorted(preview_seconds(root, edits=5 if size == "national" else 3))
        rebuild = previews[len(previews) // 2]
        # The largest child so far: the preview server when it outgrew the build.
        preview_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        floors = [floor(root, Path(tmp) / f"floor-{n}") for n in range(runs)]
        floor_seconds = statistics.median(floors)
        figures = {
            "size": size, "records": SIZES[size], "build_seconds": round(seconds, 2), "pages": pages,
            "seconds_per_page": round(seconds / pages, 4), "peak_rss_mb": round(rss), "site_mb": round(total / 1048576, 1),
            "kb_per_page": round(total / 1024 / pages, 1), "validation_seconds": round(validation, 2),
            "history_seconds": round(history, 3), "preview_after_one_edit_seconds": round(rebuild, 2),
            "preview_runs_seconds": [round(x, 2) for x in previews],
            "preview_peak_rss_mb": round(max(rss, preview_rss)),
            "floor_seconds": round(floor_seconds, 2), "ratio_to_floor": round(seconds / floor_seconds, 2),
        }
        if runs > 1:
            figures["build_runs_seconds"] = [round(b[0], 2) for b in builds]
            figures["floor_runs_seconds"] = [round(x, 2) for x in floors]
        for lang, prefix in ((lang, path_prefix(lang)) for lang in languages()):
            raw, packed = _size(site / prefix / "search/search_index.json")
            figures[f"search_index_{lang}_kb"] = round(raw / 1024)
            figures[f"search_index_{lang}_gzip_kb"] = round(packed / 1024)
            raw, packed = _size(site / prefix / "finder/index.json")
            figures[f"finder_index_{lang}_gzip_kb"] = round(packed / 1024)
        return figures


def _timed(command: list[str], cwd: Path, env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.perf_counter() - started


def install_figures() -> dict:
    """Seconds of what people wait for on a fresh clone of this repository's last commit (``--install``).

    ``make site`` (install and strict build) in one clone; in another, a pull request that changes one
    record, checked the way the ``checks`` workflow checks such a change (``scripts/ci-content-checks.sh``:
    its own ``make site``, the test tools, ``ogp diff --pages``, the changed pages in Chromium).
    """
    with tempfile.TemporaryDirectory() as tmp:
        # A throw-away global git config: the checks script marks the clone safe there, not in the user's.
        env = dict(os.environ, GIT_CONFIG_GLOBAL=str(Path(tmp) / "gitconfig"), BASE_REF="main",
                   GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
                   GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
        env.pop("VIRTUAL_ENV", None)
        clones = [Path(tmp) / "site-clone", Path(tmp) / "pr-clone"]
        for clone in clones:
            subprocess.run(["git", "clone", "-q", "-b", "main", str(PROJECT), str(clone)], check=True, env=env)
        install = _timed(["make", "site"], clones[0], env)
        record = sorted((clones[1] / "data/meetings").glob("*.yml"))[0]
        record.write_text(record.read_text("utf-8").replace("title_en: ", "title_en: (checked) ", 1), "utf-8")
        _git(clones[1], "commit", "-q", "-am", "one record changed")
        checks = _timed(["bash", "scripts/ci-content-checks.sh"], clones[1], env)
    return {"fresh_clone_make_site_seconds": round(install, 1), "data_only_checks_seconds": round(checks, 1)}


def main(size: str, json_path: Path | None, install: bool = False) -> int:
    """Print the figures of ``size`` (and, with ``install``, of a fresh clone's install and checks; as JSON when asked)."""
    figures = run(size)
    if install:
        figures.update(install_figures())
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if json_path:
        json_path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0
