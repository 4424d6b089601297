#!/usr/bin/env python3
"""Benchmark: what a visitor's phone downloads for a page, and Lighthouse's mobile scores where it runs.

Prints figures; it is not a test. Run after a build: .venv/bin/python scripts/bench_pages.py [SITE_DIR]
(default site/). Each page is opened in Debian's Chromium at 360 px; every file it fetches, until the
network is quiet, is counted at its gzip size (level 6, what GitHub Pages sends), the page itself
included. Then, if `npx lighthouse` runs here (Node.js with the lighthouse package; set LIGHTHOUSE to
its command), Lighthouse's default mobile run (simulated slow 4G, a mid-range phone) gives the
performance, accessibility, best-practices and SEO scores of the same pages.
Targets (the public-site issue): a typical page at most 80 KB gzipped; performance at least 95.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

PAGES = ["", "en/", "commitments/nap5-01/", "en/commitments/nap5-01/", "compliance/", "en/compliance/",
         "finder/", "en/finder/", "meetings/", "plans/nap5/"]
CHROMIUM = "/usr/bin/chromium"


def _gzipped(site: Path, url: str) -> int:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    path = path / "index.html" if path.is_dir() else path
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def weights(site: Path, base: str) -> dict[str, tuple[int, int]]:
    """``{page: (gzipped bytes fetched, requests)}`` at 360 px, search closed."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for page_path in PAGES:
            context = browser.new_context(viewport={"width": 360, "height": 800})
            urls: list[str] = []
            context.on("request", lambda request: urls.append(request.url))
            page = context.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            page.wait_for_timeout(300)
            fetched = list(dict.fromkeys(urls))
            found[page_path or "/"] = (sum(_gzipped(site, url) for url in fetched), len(fetched))
            context.close()
        browser.close()
    return found


def lighthouse(base: str) -> dict[str, dict[str, int]] | None:
    """Lighthouse's mobile scores per page (0-100), or None where Lighthouse does not run."""
    command = shlex.split(os.environ.get("LIGHTHOUSE", "npx --no-install lighthouse"))
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for page_path in PAGES:
            out = Path(tmp) / "report.json"
            run = subprocess.run([*command, base + page_path, "--quiet", "--output=json", f"--output-path={out}",
                                  "--chrome-flags=--headless=new --no-sandbox", "--only-categories=performance,"
                                  "accessibility,best-practices,seo"],
                                 capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
            if run.returncode != 0 or not out.exists():
                return None if not scores else scores
            report = json.loads(out.read_text("utf-8"))
            scores[page_path or "/"] = {name: round(100 * category["score"]) for name, category in report["categories"].items()}
    return scores


class _Gzipping(http.server.SimpleHTTPRequestHandler):
    """Files as GitHub Pages sends them: gzipped when the browser accepts it (Lighthouse times the transfer)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzipping, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        sizes = weights(site, base)
        scores = lighthouse(base)
    finally:
        server.shutdown()
    width = max(len(page) for page in sizes)
    for page, (size, requests) in sizes.items():
        line = f"{page:<{width}}  {size / 1024:6.1f} KB gzipped  {requests:2d} requests"
        if scores and page in scores:
            line += "  " + "  ".join(f"{name} {value}" for name, value in scores[page].items())
        print(line)
    typical = sorted(size for page, (size, _) in sizes.items() if "finder" not in page)
    print(f"typical page (median, finder aside): {typical[len(typical) // 2] / 1024:.1f} KB gzipped (target <= 80)")
    if scores is None:
        print("Lighthouse: not run here (install it with `npm install lighthouse` or set LIGHTHOUSE)")


if __name__ == "__main__":
    main()
