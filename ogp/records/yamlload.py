"""Read a YAML record into plain values, with the line and column of every value.

PyYAML's usual loaders guess types (``no`` becomes False, ``0012`` becomes 10,
``2024-13-01`` raises with no line), accept duplicate keys and forget where a
value came from. Here the document is only *composed* (the C parser, no object
construction, so no tags run) and every scalar stays the string the editor
typed; the schema decides its type later. Each value's position is kept in a
dict keyed by its path, e.g. ``("milestones", 0, "due") -> (12, 10)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ogp.records.errors import Problem
from ogp.words import per_language, say, words

try:  # the C parser is ~4x faster; fall back where libyaml is missing
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _TextOnly(_Parser):
    """A composer that tags every scalar as text: no YAML 1.1 type guessing at all.

    Skipping the resolver also skips its regular expressions, a third of the
    time of reading a record.
    """

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        return "tag:yaml.org,2002:str"  # never read: the node's class says what it is


def compose(text: str):
    """The node tree of ``text`` (one document), every scalar left as text."""
    parser = _TextOnly(text)
    try:
        return parser.get_single_node()
    finally:
        if hasattr(parser, "dispose"):
            parser.dispose()

# A small record has tens of values; aliases can multiply a tiny file into
# millions. Stop long before that.
MAX_VALUES = 20_000
MAX_DEPTH = 20
NULLS = {"", "~", "null", "Null", "NULL"}

Path_ = tuple  # a path into a record: keys and list indexes


@dataclass
class Document:
    """A loaded record: its values, its node tree (for positions) and the problems met."""

    file: str
    data: object = None
    node: object = None
    problems: list[Problem] = field(default_factory=list)
    path: Path | None = None  # read again for positions when ``node`` was not kept

    def where(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest parent that has one.

        Positions are looked up in the node tree only when a message needs one:
        most records have no problem, and recording every position up front
        cost more than reading the file.
        """
        if self.node is None and self.path is not None and self.data is not None:
            self.node = compose(read_text(self.path, self.file, Document(self.file)) or "")
        node, shown = self.node, self.node
        if node is None:
            return (None, None)
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                        # A text value is shown where it is; a list or group where its key is.
                        child, shown = value_node, value_node if isinstance(value_node, yaml.ScalarNode) else key_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                child = shown = node.value[step]
            if child is None:
                break
            node = child
        return _mark(shown)


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


def load_yaml(path: Path, shown: str, keep_node: bool = True) -> Document:
    """Load the YAML file at ``path``; ``shown`` is the name used in messages.

    With ``keep_node=False`` the node tree is dropped (it is big, and cannot
    cross processes cheaply); positions are then found by reading the file
    again, which only happens for files that have problems.
    """
    doc = Document(shown, path=path)
    text = read_text(path, shown, doc)
    if text is None:
        return doc
    return parse_text(text, shown, keep_node, doc)


# PyYAML's reasons, in words of the catalogue (``yaml.<key>``); any other is said in English only.
_REASONS = [
    (re.compile(r"did not find expected ',' or '\]'"), "unclosed-list"),
    (re.compile(r"did not find expected ',' or '\}'"), "unclosed-mapping"),
    (re.compile(r"mapping values are not allowed"), "colon"),
    (re.compile(r"found unexpected end of stream"), "unclosed-quote"),
    (re.compile(r"could not find expected ':'"), "no-colon"),
    (re.compile(r"expected <block end>|did not find expected key|expected <block mapping start>"), "indentation"),
]


def _reason(text: str):
    """PyYAML's reason for a syntax error, per language: the catalogue's words when it is a known one."""
    for pattern, key in _REASONS:
        if pattern.search(text):
            return words(f"yaml.{key}")
    return per_language(lambda lang: text if lang == "en" else say("yaml.other", lang))


def parse_text(text: str, shown: str, keep_node: bool = True, doc: Document | None = None) -> Document:
    """Parse YAML ``text`` (already decoded) with the same rules and limits as a record file."""
    doc = doc or Document(shown)
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        doc.problems.append(Problem("empty-file", shown, 1, 1))
        return doc
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and mark.line >= text.count("\n"):
            mark = err.context_mark  # "unclosed [" is found at the end of the file; point at the [
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        detail = _reason((err.problem or str(err)).strip())
        if mark and _tab_near(text, mark.line):
            doc.problems.append(Problem("yaml-tab", shown, line, col))
        else:
            doc.problems.append(Problem("yaml-syntax", shown, line, col, params={"detail": detail}))
        return doc
    except yaml.YAMLError as err:  # errors without a position (rare)
        doc.problems.append(Problem("yaml-syntax", shown, 1, None, params={"detail": _reason(str(err))}))
        return doc
    if not isinstance(node, yaml.MappingNode):
        line, col = _mark(node)
        doc.problems.append(Problem("not-a-mapping", shown, line, col))
        return doc
    doc.node = node if keep_node else None
    counter = [0]
    try:
        doc.data = _convert(node, doc, counter, 0)
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


def _convert(node, doc: Document, counter: list[int], depth: int):
    counter[0] += 1
    if counter[0] > MAX_VALUES:
        raise _TooBig("too-many-values", node, MAX_VALUES)
    if depth > MAX_DEPTH:
        raise _TooBig("too-deep", node, MAX_DEPTH)
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in NULLS:  # plain style: None (Python parser) or "" (C parser)
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, doc, counter, depth + 1) for item in node.value]
    result: dict[str, object] = {}
    first_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, col = _mark(key_node)
            doc.problems.append(Problem("bad-key", doc.file, line, col))
            continue
        key = key_node.value
        if key in result:
            line, col = _mark(key_node)
            doc.problems.append(Problem("duplicate-key", doc.file, line, col, key, {"first_line": first_lines[key]}))
            continue
        first_lines[key] = key_node.start_mark.line + 1
        result[key] = _convert(value_node, doc, counter, depth + 1)
    return result
