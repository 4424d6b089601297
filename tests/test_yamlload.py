"""YAML 1.1 traps are neutralised and every value keeps its position."""
from __future__ import annotations

from pathlib import Path

from ogp.records.yamlload import load_yaml


def load(tmp_path: Path, text: str):
    path = tmp_path / "r.yml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "r.yml")


def test_scalars_stay_the_text_the_editor_typed(tmp_path: Path):
    doc = load(tmp_path, "id: 0012\nstatus: no\nok: yes\nd: 2024-05-20\nn: 1e3\nempty:\nq: ''\n")
    assert doc.problems == []
    assert doc.data == {"id": "0012", "status": "no", "ok": "yes", "d": "2024-05-20", "n": "1e3", "empty": None, "q": ""}


def test_positions_point_at_values(tmp_path: Path):
    doc = load(tmp_path, "# c\nid: x\nmilestones:\n  - id: m1\n    due: 2024-13-01\n")
    assert doc.where(("id",)) == (2, 5)
    assert doc.where(("milestones", 0)) == (4, 5)
    assert doc.where(("milestones", 0, "due")) == (5, 10)
    assert doc.where(("milestones", 0, "missing")) == (4, 5)


def test_tags_are_never_constructed(tmp_path: Path):
    doc = load(tmp_path, "a: !!python/object/apply:os.system ['echo hacked']\n")
    assert doc.problems == [] and doc.data == {"a": ["echo hacked"]}


def test_duplicate_key_names_both_lines(tmp_path: Path):
    doc = load(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [(p.code, p.line, p.field, p.params["first_line"]) for p in doc.problems] == [("duplicate-key", 3, "a", 1)]
    assert doc.data == {"a": "1", "b": "2"}
