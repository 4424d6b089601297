"""Problems for GitHub: annotations on their lines, and the job summary that lists every one.

GitHub shows at most ten error and ten warning annotations of a step; the rest
would be lost from view. So the first ten of each are annotations, one notice
says how many more there are, and the summary (Markdown) lists all of them.
When the editor's language cannot be known (a CI runner sets none), every
message is given in each language of the repository.
"""
from __future__ import annotations

from ogp.records.errors import CATALOGUE, Problem, format_problems
from ogp.words import say

ANNOTATIONS = 10  # per kind (error, warning): what GitHub shows of one step


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem], langs: list[str]) -> str:
    """``::error`` / ``::warning`` commands, the first :data:`ANNOTATIONS` of each, in ``langs`` (joined by " / ")."""
    lines, shown = [], {"error": 0, "warning": 0}
    for p in problems:
        kind = "warning" if p.is_warning else "error"
        if shown[kind] >= ANNOTATIONS:
            continue
        shown[kind] += 1
        props = [f"file={_escape_property(p.file)}"]
        if p.line is not None:
            props.append(f"line={p.line}")
            if p.col is not None:
                props.append(f"col={p.col}")
        title = " / ".join(CATALOGUE[p.code].title[lang] for lang in langs)
        props.append(f"title={_escape_property(p.code + ': ' + title)}")
        text = " / ".join(p.message(lang) + " " + p.hint(lang) for lang in langs)
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(text)}")
    more = len(problems) - sum(shown.values())
    if more:
        lines.append("::notice::" + _escape_data(" / ".join(say("ci.more", lang, n=more) for lang in langs)))
    return "\n".join(lines)


def format_markdown(problems: list[Problem], langs: list[str]) -> str:
    """The job summary: a heading, then every problem in each language, in a fence no text can close."""
    if not problems:
        return "### " + " / ".join(say("ci.valid", lang) for lang in langs) + "\n"
    errors = sum(1 for p in problems if not p.is_warning)
    out = ["### " + " / ".join(say("ci.problems" if errors else "ci.warnings", lang) for lang in langs), ""]
    out += [say("ci.where", lang) for lang in langs] + [""]
    for lang in langs:
        text = format_problems(problems, lang, collapse=False)  # the summary lists every one
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        out += [fence + "text", text, fence, ""]
    return "\n".join(out)


def _longest_run(text: str, char: str) -> int:
    best = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        best = max(best, run)
    return best
