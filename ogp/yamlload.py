"""Read a YAML record into plain values, with the line and column of every value.

PyYAML's usual loaders guess types (``no`` becomes False, ``0012`` becomes 10,
``2024-13-01`` raises with no line), accept duplicate keys and forget where a
value came from. Here the document is only *composed* (the C parser, no object
construction, so no tags run) and every scalar stays the string the editor
typed; the schema decides its type later. Each value's position is kept in a
dict keyed by its path, e.g. ``("milestones", 0, "due") -> (12, 10)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem

try:  # the C parser is ~4x faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

# A small record has tens of values; aliases can multiply a tiny file into
# millions. Stop long before that.
MAX_VALUES = 20_000
MAX_DEPTH = 20
NULLS = {"", "~", "null", "Null", "NULL"}

Path_ = tuple  # a path into a record: keys and list indexes


@dataclass
class Document:
    """A loaded record: its values, where each came from, and the problems met."""

    file: str
    data: object = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (None, None))


def read_text(path: Path, shown: str, doc: Document) -> str | None:
    """Read ``path`` as UTF-8 text (a BOM and CRLF are fine); report anything else."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        doc.problems.append(Problem("not-utf8", shown, line, col))
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        doc.problems.append(Problem("not-utf8", shown, line, None))
        return None
    return text.replace("\r\n", "\n")


def load_yaml(path: Path, shown: str) -> Document:
    """Load the YAML file at ``path``; ``shown`` is the name used in messages."""
    doc = Document(shown)
    text = read_text(path, shown, doc)
    if text is None:
        return doc
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        doc.problems.append(Problem("empty-file", shown, 1, 1))
        return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and mark.line >= text.count("\n"):
            mark = err.context_mark  # "unclosed [" is found at the end of the file; point at the [
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        detail = (err.problem or str(err)).strip()
        if mark and _tab_near(text, mark.line):
            doc.problems.append(Problem("yaml-tab", shown, line, col))
        else:
            doc.problems.append(Problem("yaml-syntax", shown, line, col, params={"detail": detail}))
        return doc
    except yaml.YAMLError as err:  # errors without a position (rare)
        doc.problems.append(Problem("yaml-syntax", shown, 1, None, params={"detail": str(err)}))
        return doc
    if not isinstance(node, yaml.MappingNode):
        line, col = _mark(node)
        doc.problems.append(Problem("not-a-mapping", shown, line, col))
        return doc
    counter = [0]
    try:
        doc.data = _convert(node, (), doc, counter, 0)
    except _TooBig as big:
        doc.data = None
        doc.problems.append(Problem(big.code, shown, big.line, big.col, params={"limit": big.limit}))
    return doc


def _tab_near(text: str, line_index: int) -> bool:
    """True when the failing line (or the one before) is indented with a tab."""
    lines = text.split("\n")
    for i in (line_index, line_index - 1):
        if 0 <= i < len(lines):
            indent = lines[i][: len(lines[i]) - len(lines[i].lstrip(" \t"))]
            if "\t" in indent:
                return True
    return False


class _TooBig(Exception):
    def __init__(self, code, node, limit):
        self.code, self.limit = code, limit
        self.line, self.col = _mark(node)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node, path: Path_, doc: Document, counter: list[int], depth: int):
    counter[0] += 1
    if counter[0] > MAX_VALUES:
        raise _TooBig("too-many-values", node, MAX_VALUES)
    if depth > MAX_DEPTH:
        raise _TooBig("too-deep", node, MAX_DEPTH)
    doc.positions.setdefault(path, _mark(node))
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), doc, counter, depth + 1) for i, item in enumerate(node.value)]
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, col = _mark(key_node)
            doc.problems.append(Problem("bad-key", doc.file, line, col))
            continue
        key = key_node.value
        if key in result:
            line, col = _mark(key_node)
            first = doc.positions[path + (key,)][0]
            doc.problems.append(Problem("duplicate-key", doc.file, line, col, key, {"first_line": first}))
            continue
        doc.positions[path + (key,)] = _mark(key_node)
        result[key] = _convert(value_node, path + (key,), doc, counter, depth + 1)
        if isinstance(value_node, yaml.ScalarNode):
            # Point at the value, not the key, for scalar values: that is what is wrong.
            doc.positions[path + (key,)] = _mark(value_node)
    return result
