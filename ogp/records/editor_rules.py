"""What an editor most often gets wrong that a reader would see: said before the site shows it.

These are the rules CONTRIBUTING states and that used to pass silently: a date
written ``2024-5-20``, HTML pasted into a text (the page shows the tags), an
evidence file named in Cyrillic or with spaces, a blank left by ``ogp new``, a
meeting recorded ahead of its day, a record still marked as example data.
The first is an error; the others are warnings (``ogp validate --strict``
fails on them too), each with the fix.
"""
from __future__ import annotations

import datetime as dt
import re

from ogp.records.errors import Problem
from ogp.records.load import Dataset, Record
from ogp.records.schema import load_schemas

# Mongolian Cyrillic in Latin letters, for file names and ids (which must be Latin): Ө and Ү as o and u.
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "ye", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "y", "ь": "i", "э": "e", "ю": "yu", "я": "ya",
})
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RAW_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*\b[^>]*|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
_EMBED = re.compile(r"<(?:iframe|video|audio|embed|object)\b", re.I)  # become links (ogp.render.md): fine
_SAFE_FILE = re.compile(r"[A-Za-z0-9._/-]+")


def latin(text: str, fallback: str = "record") -> str:
    """A Latin file-name part of ``text``; Cyrillic is written in Latin letters, never dropped."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_LATIN)).strip("-")
    return slug or fallback


def latin_path(path: str) -> str:
    """``data/files/Төсөв 2024.pdf`` as ``data/files/tosov-2024.pdf``: the folders kept, the name made Latin."""
    folder, _, name = path.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, suffix) if dot else (name, "")
    new = latin(stem, "file") + (f".{latin(suffix, '')}" if suffix else "")
    return f"{folder}/{new}" if folder else new


def editor_problems(data: Dataset, today: dt.date) -> list[Problem]:
    """The errors and warnings above, for every record of ``data``."""
    schemas = load_schemas()
    problems: list[Problem] = []
    examples = []
    for kind, records in data.records.items():
        fields = schemas[kind].fields
        for record in records:
            problems += _dates(record, fields) + _texts(record, fields) + _blanks(record, fields)
            if record.values.get("example") and record.parent is None:
                examples.append(record)
            if kind == "meeting" and record.values.get("date") and record.values["date"] > today:
                problems.append(record.problem("meeting-in-future", "date", value=record.values["date"], today=today))
            if kind == "evidence" and _plain_path(record.values.get("file")) and not _SAFE_FILE.fullmatch(record.values["file"]):
                problems.append(record.problem("file-name", "file", value=record.values["file"],
                                               suggestion=latin_path(record.values["file"])))
    if examples:  # one warning for all: the sample is example data on purpose, a real record is one line to delete
        examples.sort(key=lambda r: r.file)
        problems.append(examples[0].problem("example-record", "example", n=len(examples)))
    return problems


def _plain_path(path) -> bool:
    """A path inside data/files/ with nothing else wrong: a traversal or a Windows path is another problem."""
    return isinstance(path, str) and path.startswith("data/files/") and not any(bad in path for bad in ("..", "\\", "%", "\x00"))


def _dates(record: Record, fields: dict) -> list[Problem]:
    # Frictionless reads 2024-5-20 as a date; CONTRIBUTING (and every other tool) wants 2024-05-20.
    return [record.problem("date-not-iso", name, value=record.raw[name].strip(), suggestion=record.values[name].isoformat())
            for name, spec in fields.items()
            if spec["type"] == "date" and not spec.get("partial") and isinstance(record.raw.get(name), str)
            and record.values.get(name) is not None and not _ISO_DATE.fullmatch(record.raw[name].strip())]


def _texts(record: Record, fields: dict) -> list[Problem]:
    problems = []
    for name, spec in fields.items():
        value = record.values.get(name)
        if spec.get("text") and isinstance(value, str) and _RAW_TAG.search(_EMBED.sub("", value)):
            problems.append(record.problem("raw-html", name, value=_RAW_TAG.search(_EMBED.sub("", value)).group(0)))
    return problems


def _blanks(record: Record, fields: dict) -> list[Problem]:
    # A required blank is already an error (missing-field); an optional one is a choice left open.
    return [record.problem("blank-field", name) for name, spec in fields.items()
            if record.raw.get(name) == "" and not spec.get("constraints", {}).get("required")
            and spec.get("required_by") != "current"]
