"""Every fixed word of the project, one catalogue file per language.

``ogp/words/<lang>.yml`` holds, for one language, the error catalogue
(``errors.<code>.title|message|hint``), the words for coded values
(``labels.<group>.<value>``) and every sentence of pages, verdicts and
commands (``<module>.<key>``). A repository may add or override texts in
``words/<lang>.yml`` at its root, for a language the project does not ship or
for its own wording. A text missing in a language falls back to English and is
listed as untranslated (``ogp words``); a key missing in English is an internal
error. Placeholders (``{name}``) are filled with :func:`say`; a text may have
plural forms (``one``, ``few``, ``many``, ``other``...) chosen by the ``n``
parameter with the language's plural rule (:mod:`ogp.words.plurals`).

This is the lowest layer: it imports nothing else of ``ogp``. The languages of
the repository being processed are set once by the settings reader
(:func:`use_languages`); until then they are the sample's, Mongolian and English.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path

from ogp.words import yamlcache
from ogp.words.plurals import PLURAL_FORMS, plural_form

HERE = Path(__file__).parent
FALLBACK = "en"  # the language every key exists in; others fall back to it
# Set by use_languages(); see the module docstring. "site" holds the member's names ({country}, {forum})
# that any text may name, per language.
_state: dict = {"languages": ("mn", "en"), "extra": None,
                "site": {"country": {"mn": "Монгол Улс", "en": "Mongolia"}, "forum": {"mn": "Үндэсний зөвлөл", "en": "National Council"},
                         "forum_named": {"mn": " (Үндэсний зөвлөл)", "en": " (National Council)"}, "timezone": "Asia/Ulaanbaatar"}}

__all__ = ["say", "words", "Texts", "languages", "use_languages", "language", "keys", "missing", "shipped", "per_language", "path_prefix", "joined", "fill", "spell_date", "PLURAL_FORMS"]


def _load(path: Path) -> dict:
    return flatten(yamlcache.load(path) or {})


def is_plural(value) -> bool:
    """True for a mapping of plural forms (``{one: …, other: …}``), a leaf of the catalogue."""
    return isinstance(value, Mapping) and bool(value) and "other" in value and set(value) <= set(PLURAL_FORMS)


def flatten(tree: Mapping, prefix: str = "") -> dict:
    """``{a: {b: text}}`` as ``{"a.b": text}``; plural forms stay one leaf."""
    flat: dict = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not is_plural(value):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


@functools.lru_cache(maxsize=None)
def _shipped(lang: str) -> dict:
    path = HERE / f"{lang}.yml"
    return _load(path) if path.is_file() else {}


@functools.lru_cache(maxsize=None)
def _repository(folder: str, lang: str) -> dict:
    path = Path(folder) / f"{lang}.yml"
    return _load(path) if path.is_file() else {}


def shipped() -> list[str]:
    """The languages the project ships a catalogue for."""
    return sorted(p.stem for p in HERE.glob("*.yml") if p.stem != "languages")


@functools.lru_cache(maxsize=1)
def _languages_table() -> dict:
    return yamlcache.load(HERE / "languages.yml")


def language(code: str) -> dict:
    """What the project knows of a language: its own ``name``, ``dir`` (ltr/rtl), ``plural`` rule, ``lunr``."""
    known = _languages_table().get(code, {})
    return {"name": known.get("name", code), "dir": known.get("dir", "ltr"),
            "plural": known.get("plural", "one-other"), "lunr": known.get("lunr", "")}


def use_languages(codes, words_folder: Path | None = None, site: dict | None = None) -> None:
    """Set the repository's languages (the first is the default), its own ``words/`` folder and its names.

    ``site`` maps a placeholder every text may use (``country``, ``forum``) to its text per language.
    """
    _state["languages"] = tuple(codes)
    _state["extra"] = str(words_folder) if words_folder and Path(words_folder).is_dir() else None
    if site is not None:
        _state["site"] = site
    for memo in (_spelled, _found, _said, _placeholders, _absent):  # another repository's words, names and months
        memo.clear()


def languages() -> tuple[str, ...]:
    """The repository's languages, in order; the first is published at ``/``."""
    return _state["languages"]


def path_prefix(lang: str) -> str:
    """Where a language's pages live under the site root: ``""`` for the first language, else ``"<lang>/"``."""
    return "" if lang == languages()[0] else f"{lang}/"


def lookup(key: str, lang: str):
    """The raw text (or plural forms) of ``key`` in ``lang``: the repository's, the shipped, else English."""
    found = _found.get((key, lang), _found)
    if found is _found:  # pages look up the same few hundred keys hundreds of thousands of times
        found = _found[(key, lang)] = _find(key, lang)
    return found


def _find(key: str, lang: str):
    for table in ((_repository(_state["extra"], lang) if _state["extra"] else {}), _shipped(lang)):
        if key in table:
            return table[key]
    if lang != FALLBACK:
        return _find(key, FALLBACK)
    raise KeyError(f"no text {key!r} in the catalogue (ogp/words/{FALLBACK}.yml)")


def has(key: str) -> bool:
    """True when the catalogue has ``key`` (in English, where every key is)."""
    if key in _absent:  # asked again and again for a member's own values that have no label
        return False
    try:
        lookup(key, FALLBACK)
    except KeyError:
        _absent.add(key)
        return False
    return True


def say(key: str, lang: str, /, **params) -> str:
    """The text ``key`` in ``lang`` with ``{placeholders}`` filled; ``n`` picks a plural form."""
    if not params:  # a fixed text: the same answer until the languages or the member's names change
        said = _said.get((key, lang))
        if said is None:
            said = _said[(key, lang)] = _say(key, lang, {})
        return said
    return _say(key, lang, params)


def _say(key: str, lang: str, params: dict) -> str:
    text = lookup(key, lang)
    if isinstance(text, dict):  # plural forms (the catalogue's mappings are plain dicts)
        text = text.get(plural_form(language(lang)["plural"], params.get("n", 0)), text["other"])
    return fill(text, lang, **{name: spell_date(value, lang) if _is_day(value) else value for name, value in params.items()})


def _is_day(value) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def spell_date(value: dt.date | None, lang: str) -> str:
    """A date as a reader reads it in ``lang``: "1 June 2024", "2024 оны 6 дугаар сарын 1"; a date known only
    to the month or the year (a ``PartialDate``, whose ``precision`` says so) as that: "June 2024", "2024 он".

    :func:`say` spells every date it is given so; a text that must show ISO 8601 (an editor's file says
    2024-05-20) is given ``value.isoformat()``.
    """
    if not value:
        return ""
    precision = getattr(value, "precision", "day")
    key = (lang, precision, value.year, value.month, value.day)  # not the date alone: 2024 equals 2024-12-31
    if key not in _spelled:  # pages say the same few hundred dates thousands of times
        _spelled[key] = say(f"dates.in-{precision}", lang, year=value.year, day=value.day,
                            month=say(f"dates.months.{value.month}", lang), month_of=say(f"dates.months-of.{value.month}", lang))
    return _spelled[key]


_spelled: dict[tuple, str] = {}
_found: dict[tuple, object] = {}  # (key, lang) -> raw text or plural forms (lookup)
_said: dict[tuple, str] = {}  # (key, lang) -> a text said without values (say)
_placeholders: dict[str, tuple] = {}  # text -> the member's names it mentions (fill)
_absent: set[str] = set()  # keys the catalogue does not have (has)


def fill(text: str, lang: str, /, **params) -> str:
    """``text`` with ``{placeholders}`` filled from ``params`` and the member's names (``{country}``,
    ``{forum}``, ``{languages}``, ``{language_codes}``...): for a text of the catalogue or of a schema's documentation."""
    if "{" not in text:
        return text
    names = _placeholders.get(text)
    if names is None:
        names = _placeholders[text] = tuple(name for name in (*_state["site"], "languages", "language_codes")
                                             if "{" + name + "}" in text)
    values = _Values(params)
    for name in names:
        if name not in params:
            values[name] = _site_value(name, lang)
    return text.format_map(values)


def _name_of(code: str, lang: str) -> str:
    return say(f"languages.{code}", lang) if has(f"languages.{code}") else language(code)["name"]


def _site_value(name: str, lang: str) -> str:
    """A member's name (``country``, ``forum``) in ``lang``, or its languages as a list in words."""
    if name == "languages":
        return joined([_name_of(code, lang) for code in languages()], lang)
    if name == "language_codes":  # "mn — Mongolian, en — English"
        return ", ".join(f"{code} — {_name_of(code, lang)}" for code in languages())
    texts = _state["site"][name]
    if isinstance(texts, str):
        return texts
    return texts.get(lang) or next(iter(texts.values()), "")


class _Unfilled(str):
    """A placeholder nobody filled: it stays as written, format spec and all, for a caller that fills it later."""

    def __format__(self, spec: str) -> str:
        return "{" + self + (":" + spec if spec else "") + "}"


class _Values(dict):
    """The values of a text's placeholders; one not given is kept as written (:class:`_Unfilled`)."""

    def __missing__(self, key: str) -> _Unfilled:
        return _Unfilled(key)


def joined(items: list[str], lang: str) -> str:
    """``a``, ``a and b``, ``a, b and c`` in ``lang`` (its ``lists.pair`` and ``lists.more`` texts)."""
    if len(items) < 2:
        return "".join(items)
    text = lookup("lists.pair", lang).format(first=items[-2], last=items[-1])
    for item in reversed(items[:-2]):
        text = lookup("lists.more", lang).format(first=item, rest=text)
    return text


class Texts(Mapping):
    """One text in every language of the repository, read lazily: ``words(key)["mn"]``."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, params: dict):
        self.key, self.params = key, params

    def __getitem__(self, lang: str) -> str:
        return say(self.key, lang, **self.params)

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())

    def __repr__(self) -> str:
        return f"words({self.key!r})"


def words(key: str, /, **params) -> Texts:
    """The text ``key`` in every language, ``{lang: text}``; it fails at once when the key is unknown."""
    lookup(key, FALLBACK)
    return Texts(key, params)


class Computed(Mapping):
    """A text built from other texts, ``{lang: text_of(lang)}``: listed in the repository's languages, and
    given in any other on demand (a build log in the editor's language, which the site may not have)."""

    __slots__ = ("text_of", "done")

    def __init__(self, text_of):
        self.text_of, self.done = text_of, {}

    def __getitem__(self, lang: str) -> str:
        if lang not in self.done:
            self.done[lang] = self.text_of(lang)
        return self.done[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


def per_language(text_of) -> Computed:
    """``{lang: text_of(lang)}`` for every language: for texts built from other texts."""
    return Computed(text_of)


def keys(lang: str = FALLBACK) -> set[str]:
    """Every key the shipped catalogue of ``lang`` defines."""
    return set(_shipped(lang))


def missing(lang: str) -> list[str]:
    """The keys a language has no text for (shipped or in the repository): they show in English."""
    own = set(_shipped(lang)) | (set(_repository(_state["extra"], lang)) if _state["extra"] else set())
    return sorted(keys() - own)
