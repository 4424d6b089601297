"""The member's settings file, ``ogp.yml`` at the repository root: read and checked once, in one place.

It says who the member is and how the repository works: the country (or
local government) in each language, OGP's id prefix of its commitments, its
languages in order (the first is the default, published at ``/``), its time
zone, the forum's name, the source repository's address and the update rule.
A bad value is a located problem (``ogp.yml:4``) in the editor's language, like
a record's. Without the file the sample's settings hold (Mongolia: Mongolian
and English, Ulaanbaatar time); a file must name its own country and time zone. ``OGP_*`` variables override the file
(:mod:`ogp.records.settings`); every key is in the README's "Settings file" table.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ogp.records.errors import Problem, format_problems, message_language
from ogp.records.load import suggestion
from ogp.records.yamlload import load_yaml
from ogp.words import say, use_languages, words

FILE = "ogp.yml"
LANGUAGE = re.compile(r"[a-z]{2,3}")
MAX_LANGUAGES = 4
KEYS = ("country", "member_prefix", "languages", "timezone", "forum", "repository", "updates")
UPDATE_KEYS = ("year", "halves")


class SettingsError(Exception):
    """One or more settings (of ``ogp.yml`` or ``OGP_*`` variables) are invalid; ``problems`` holds each, located."""

    def __init__(self, problems: list[Problem]):
        super().__init__(format_problems(problems, message_language()))
        self.problems = problems


@dataclass(frozen=True)
class Repository:
    """The settings of one repository (the sample's when it has no ``ogp.yml``)."""

    root: Path | None = None
    country: dict = field(default_factory=lambda: {"mn": "Монгол Улс", "en": "Mongolia"})
    member_prefix: str = "MN"
    languages: tuple[str, ...] = ("mn", "en")
    timezone: str = "Asia/Ulaanbaatar"
    forum: dict = field(default_factory=lambda: {"mn": "Үндэсний зөвлөл", "en": "National Council"})
    repository: str = ""
    update_year: str = "calendar"
    update_halves: bool = False


def read_repository(root: Path) -> Repository:
    """The settings of the repository at ``root``; SettingsError when ``ogp.yml`` is invalid."""
    path = Path(root) / FILE
    if not path.is_file():
        return Repository(root=Path(root))
    return _read(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read(path: Path, _mtime: int) -> Repository:
    doc = load_yaml(path, FILE)
    if doc.problems:
        raise SettingsError(doc.problems)
    raw = doc.data if doc.data is not None else {}
    problems: list[Problem] = []

    def bad(key: str, value, expected, at: tuple = ()) -> None:
        line, col = doc.where(at or (key,))
        problems.append(Problem("settings-bad-value", FILE, line, col, key, {"value": str(value), "expected": expected}))

    if not isinstance(raw, dict):
        bad("languages", type(raw).__name__, words("settings.expect-mapping"), ("",))
        raise SettingsError(problems)
    for key in raw:
        if key not in KEYS:
            line, col = doc.where((key,))
            problems.append(Problem("settings-unknown-key", FILE, line, col, str(key),
                                    {"suggestion": suggestion(str(key), KEYS), "names": ", ".join(KEYS)}))
    values: dict = {"root": path.parent}
    languages = raw.get("languages", list(Repository.languages))
    if (not isinstance(languages, list) or not 1 <= len(languages) <= MAX_LANGUAGES
            or not all(isinstance(c, str) and LANGUAGE.fullmatch(c) for c in languages) or len(set(languages)) != len(languages)):
        bad("languages", languages, words("settings.expect-languages", max=MAX_LANGUAGES))
        languages = list(Repository.languages)
    values["languages"] = tuple(languages)
    for key in ("country", "forum"):
        if key in raw:
            texts = raw[key]
            if isinstance(texts, str) and texts.strip():
                texts = {code: texts for code in languages}  # one name for every language
            if not isinstance(texts, dict) or any(not str(texts.get(code) or "").strip() for code in languages):
                bad(key, texts, words("settings.expect-names", codes=", ".join(f"{code}: …" for code in languages)))
            else:
                values[key] = {code: str(texts[code]).strip() for code in languages}
        elif key == "country":  # a repository with its own settings names itself: never the sample's name
            bad(key, "", words("settings.expect-country", codes=", ".join(f"{code}: …" for code in languages)), ())
        else:  # no name given: the generic one, never the sample's forum
            values[key] = {code: say("init.forum_default", code) for code in languages}
    if "member_prefix" in raw:
        prefix = str(raw["member_prefix"] or "")
        if re.fullmatch(r"[A-Z]{2,6}", prefix):
            values["member_prefix"] = prefix
        else:
            bad("member_prefix", prefix, words("settings.expect-prefix"))
    if "timezone" not in raw:  # nor the sample's time zone
        bad("timezone", "", words("settings.expect-timezone"), ())
    else:
        try:
            ZoneInfo(str(raw["timezone"]))
            values["timezone"] = str(raw["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            bad("timezone", raw["timezone"], words("settings.expect-timezone"))
    if raw.get("repository"):
        address = str(raw["repository"]).rstrip("/")
        if address.startswith("https://") and " " not in address:
            values["repository"] = address
        else:
            bad("repository", address, "https://github.com/OWNER/REPO")
    _updates(raw.get("updates"), values, bad)
    if problems:
        raise SettingsError(problems)
    return Repository(**values)


def _updates(updates, values: dict, bad) -> None:
    if updates is None:
        return
    if not isinstance(updates, dict) or set(updates) - set(UPDATE_KEYS):
        bad("updates", updates, "year: calendar | plan, halves: true | false")
        return
    if "year" in updates:
        if updates["year"] in ("calendar", "plan"):
            values["update_year"] = updates["year"]
        else:
            bad("updates.year", updates["year"], "calendar | plan", ("updates", "year"))
    if "halves" in updates:
        halves = str(updates["halves"]).lower()  # YAML booleans are read as written: true, false
        if halves in ("true", "false"):
            values["update_halves"] = halves == "true"
        else:
            bad("updates.halves", updates["halves"], "true | false", ("updates", "halves"))


_active: dict = {"repository": Repository()}  # the repository being processed; see use_repository()


def use_repository(root: Path) -> Repository:
    """Read ``root``'s settings and make them the ones every later step uses (languages, words, time zone).

    Called once by each entry point: the ``ogp`` command, the build's ``on_config``, :func:`validate`.
    """
    repository = read_repository(root)
    _active["repository"] = repository
    use_languages(repository.languages, Path(root) / "words", site_names(repository.country, repository.forum, repository.timezone))
    return repository


def site_names(country: dict, forum: dict, timezone: str) -> dict:
    """The member's names every text may use: ``{country}``, ``{forum}``, ``{timezone}``, and ``{forum_named}``.

    ``{forum_named}`` is " (its name)" after the words "the multi-stakeholder forum", and nothing when
    the forum has no name of its own (the generic one), so that no text says the same thing twice.
    """
    named = {code: "" if name == say("init.forum_default", code) else f" ({name})" for code, name in forum.items()}
    return {"country": country, "forum": forum, "forum_named": named, "timezone": timezone}


def active() -> Repository:
    """The settings of the repository being processed (the sample's until one is read)."""
    return _active["repository"]
