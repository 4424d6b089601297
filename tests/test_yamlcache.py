"""The project's own YAML files parsed once per change (ogp/words/yamlcache.py)."""
from __future__ import annotations

import datetime as dt
import marshal
import os
from pathlib import Path

import pytest

from ogp.words import yamlcache


@pytest.fixture
def package(tmp_path: Path, monkeypatch) -> Path:
    """A folder that stands for the ``ogp`` package: its files get kept copies."""
    monkeypatch.setattr(yamlcache, "PACKAGE", tmp_path.resolve())
    return tmp_path


def test_a_file_is_parsed_once_then_read_from_its_kept_copy(package: Path):
    source = package / "words.yml"
    source.write_text("months:\n  1: January\n  2: February\nname: Монгол\n", encoding="utf-8")
    first = yamlcache.load(source)
    assert first == {"months": {1: "January", 2: "February"}, "name": "Монгол"}
    kept = package / "__pycache__" / "words.yml.marshal"
    assert kept.is_file()
    # The copy is what is read next time while the stamp fits: a copy changed behind its back shows it.
    stamp, data = marshal.loads(kept.read_bytes())
    kept.write_bytes(marshal.dumps((stamp, dict(data, name="from the copy"))))
    assert yamlcache.load(source)["name"] == "from the copy"


def test_a_changed_source_is_parsed_again_even_at_the_same_size(package: Path):
    source = package / "words.yml"
    source.write_text("a: one\n", encoding="utf-8")
    assert yamlcache.load(source) == {"a": "one"}
    source.write_text("a: two\n", encoding="utf-8")  # the same size: only the time differs
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert yamlcache.load(source) == {"a": "two"}
    assert yamlcache.load(source) == {"a": "two"}


def test_a_damaged_copy_is_replaced(package: Path):
    source = package / "words.yml"
    source.write_text("a: one\n", encoding="utf-8")
    yamlcache.load(source)
    kept = package / "__pycache__" / "words.yml.marshal"
    kept.write_bytes(b"\x00cut")
    assert yamlcache.load(source) == {"a": "one"}
    assert marshal.loads(kept.read_bytes())[1] == {"a": "one"}


def test_what_cannot_be_kept_is_parsed_each_time(package: Path, tmp_path_factory):
    dated = package / "dated.yml"
    dated.write_text("day: 2024-06-01\n", encoding="utf-8")
    assert yamlcache.load(dated) == {"day": dt.date(2024, 6, 1)}
    assert not (package / "__pycache__" / "dated.yml.marshal").exists()
    # A folder where nothing can be written (here: a file in the way of __pycache__; root writes anywhere).
    blocked = package / "blocked"
    blocked.mkdir()
    (blocked / "__pycache__").write_text("not a folder", encoding="utf-8")
    (blocked / "words.yml").write_text("a: one\n", encoding="utf-8")
    assert yamlcache.load(blocked / "words.yml") == {"a": "one"}
    assert sorted(p.name for p in blocked.iterdir()) == ["__pycache__", "words.yml"]  # no partial copy left
    # Outside the package (a repository's own words) nothing is written.
    outside = tmp_path_factory.mktemp("repository") / "en.yml"
    outside.write_text("a: one\n", encoding="utf-8")
    assert yamlcache.load(outside) == {"a": "one"}
    assert not (outside.parent / "__pycache__").exists()


def test_the_shipped_catalogues_and_schemas_load_the_same_from_their_copies():
    import yaml

    from ogp.records.schema import SCHEMA_DIR
    from ogp.words import HERE

    for path in [*HERE.glob("*.yml"), *SCHEMA_DIR.glob("*.yaml")]:
        parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert yamlcache.load(path) == parsed, path.name
        assert yamlcache.load(path) == parsed, path.name  # the second time from the copy, where one could be written
