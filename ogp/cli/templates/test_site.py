"""This repository's own site: valid records, every page in every language, a strict build that marks each language.

Written by ``ogp init``; ``make test`` runs it. It needs nothing but the repository itself.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ogp.cli.main import main
from ogp.records.repository import use_repository
from ogp.words import language, path_prefix

ROOT = Path(__file__).resolve().parent.parent


def test_the_records_and_the_pages_are_valid():
    assert main(["validate", "--root", str(ROOT)]) == 0
    assert main(["check-translations", "--root", str(ROOT)]) == 0


def test_the_site_builds_strictly_with_every_page_in_its_language(tmp_path: Path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    repository = use_repository(ROOT)
    others = {path_prefix(code).rstrip("/") for code in repository.languages[1:]}
    for code in repository.languages:
        base = site / path_prefix(code)
        assert (base / "search/search_index.json").is_file(), f"{code}: no search index"
        pages = [p for p in base.rglob("index.html") if code != repository.languages[0]
                 or p.relative_to(base).parts[0] not in others]
        assert len(pages) > 10, f"{code}: {len(pages)} pages"
        for page in pages:
            html = page.read_text("utf-8")
            assert re.search(rf'<html lang="{code}"', html), f"{page}: not marked as {code}"
            assert f'<body dir="{language(code)["dir"]}"' in html, f"{page}: not {language(code)['dir']}"
