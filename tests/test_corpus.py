"""The corpus of bad inputs: each case breaks a small valid dataset in one way.

A case (``tests/corpus/<name>.yml``) says how to change the dataset in
``tests/fixtures/base`` and which problems must come out, as
``[file, line, field, code]``. Its whole English output is kept beside it as
``<name>.out`` (a golden file); ``OGP_UPDATE_GOLDEN=1`` rewrites the goldens
for review. Every case is also rendered in Mongolian and as GitHub annotations
and JSON, which must work for every message.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from ogp.records.errors import CATALOGUE
from ogp.records.validate import render, validate

HERE = Path(__file__).parent
BASE = HERE / "fixtures" / "base"
CASES = sorted((HERE / "corpus").glob("*.yml"))
TODAY = dt.date(2026, 11, 22)


def apply_case(case: dict, root: Path) -> None:
    """Copy the base dataset to ``root`` and change it as the case says."""
    shutil.copytree(BASE, root)
    for rel in case.get("delete", []):
        (root / rel).unlink()
    for rel, pairs in (case.get("replace") or {}).items():
        path = root / rel
        text = path.read_text("utf-8")
        for old, new in pairs:
            assert old in text, f"{rel}: {old!r} not found"
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    for rel, text in (case.get("files") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    for rel, data in (case.get("binary") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(base64.b64decode(data))
    for rel, target in (case.get("symlinks") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).symlink_to(target)


def test_base_dataset_is_valid():
    _, problems = validate(BASE, TODAY)
    assert problems == []


def test_corpus_is_large_and_covers_the_catalogue():
    assert len(CASES) >= 30
    codes = set()
    for path in CASES:
        codes |= {row[3] for row in yaml.safe_load(path.read_text("utf-8"))["expect"]}
    # Page, setting and link codes are shown by tests/test_translations.py, tests/test_settings.py and
    # tests/test_irm_commands.py (a corpus case cannot hold a symlink).
    data_codes = set(CATALOGUE) - {"missing-translation", "page-without-language", "bad-setting", "linked-file",
                                    "example-record",  # every fixture record is example data: tests/test_cli.py
                                    "settings-bad-value", "settings-unknown-key", "settings-languages-differ",
                                    # links are checked against the built pages: tests/test_content_links.py
                                    "link-not-found", "link-no-anchor", "link-absolute", "link-unrecognized", "link-empty"}
    assert data_codes - codes == set(), "codes no corpus case shows"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tmp_path: Path, monkeypatch):
    case = yaml.safe_load(path.read_text("utf-8"))
    for name, value in (case.get("env") or {}).items():
        monkeypatch.setenv(name, value)
    root = tmp_path / "repo"
    apply_case(case, root)
    data, problems = validate(root, TODAY)
    # Warnings too, but the one that every fixture record (all marked as example data) would bring.
    problems = sorted(problems + [w for w in data.warnings if w.code != "example-record"], key=lambda p: (p.file, p.line or 0, p.col or 0, p.code))
    assert [list(p.key()) for p in problems] == case["expect"]
    text = render(problems, "text", "en") + "\n"
    golden = path.with_suffix(".out")
    if os.environ.get("OGP_UPDATE_GOLDEN") == "1":
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")
    # Every message renders in Mongolian and in the machine formats, with no placeholder left.
    mongolian = render(problems, "text", "mn")
    assert "{" not in mongolian.replace("{#", "") and "Traceback" not in mongolian
    assert len(json.loads(render(problems, "json", "mn"))["problems"]) == len(problems)
    annotations = render(problems, "github", "en").splitlines()
    assert len(annotations) == len(problems)
    assert all(a.startswith("::warning file=" if p.is_warning else "::error file=") for a, p in zip(annotations, problems))
