"""The word catalogue: one file per language, complete, consistent, and every text the code asks for exists."""
from __future__ import annotations

import ast
import re
import string

import pytest
import yaml
from conftest import ROOT

import ogp.words as w
from ogp.words.plurals import plural_form

CODE = [*(ROOT / "ogp").rglob("*.py"), *(ROOT / "hooks").glob("*.py")]
# say("key"…), words("key"…), t("key", lang) (a page text), a failure (Said("key"…), HistoryError("key"…)),
# with the key written out.
LITERAL = re.compile(r'\b(say|say_text|words|t|has|Said|[A-Z]\w*Error)\(\s*["\']([A-Za-z0-9_.-]+)["\']')
# Keys built at run time ("errors.{code}", "labels.{group}.{value}"): every key under the prefix counts as used.
DYNAMIC = re.compile(r'\b(?:say|say_text|words|has)\(\s*f["\']([A-Za-z0-9_.-]+)\{')


def placeholders(text) -> set[str]:
    texts = text.values() if isinstance(text, dict) else [text]
    return {name.split(".")[0].split("[")[0] for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


def test_every_shipped_language_has_every_key():
    english = w.keys("en")
    assert len(english) > 500
    for lang in w.shipped():
        assert w.keys(lang) == english, f"{lang}: missing {sorted(english - w.keys(lang))[:5]}, extra {sorted(w.keys(lang) - english)[:5]}"


def test_languages_use_only_placeholders_the_code_fills():
    # The code fills the same names for every language; a translation may leave one out, never invent one.
    for key in w.keys("en"):
        given = set().union(*(placeholders(w.lookup(key, lang)) for lang in ("en", "mn")))
        for lang in w.shipped():
            assert placeholders(w.lookup(key, lang)) <= given, f"{key} in {lang}"


def test_plural_texts_have_the_forms_their_language_needs():
    for key in w.keys("en"):
        for lang in w.shipped():
            text = w.lookup(key, lang)
            if w.is_plural(text):
                assert "other" in text, f"{key} in {lang}"
                if w.language(lang)["plural"] == "one-other":
                    assert "one" in text, f"{key} in {lang}: a singular form is needed"


def test_no_text_is_empty_or_left_in_english_in_mongolian():
    for key in w.keys("en"):
        mn = w.lookup(key, "mn")
        for text in (mn.values() if isinstance(mn, dict) else [mn]):
            if key in ("load.no-suggestion",):
                continue
            assert text.strip(), f"{key} is empty in Mongolian"
            # A sentence of three or more Latin words and no Cyrillic is English left behind.
            latin = re.sub(r"`[^`]*`|\{[^}]*\}|https?://\S+|[\w.-]+\.(?:yml|md|json|csv|ics|xml)\b", "", text)
            if len(re.findall(r"\b[a-zA-Z]{3,}\b", latin)) >= 3:
                assert re.search("[а-яөүА-ЯӨҮ]", text), f"{key}: {text!r}"


def test_every_key_the_code_asks_for_exists_and_every_key_is_used():
    source = "\n".join(path.read_text("utf-8") for path in CODE)
    asked = {("pages." + key if fn == "t" else key) for fn, key in LITERAL.findall(source)}
    asked = {key for key in asked if "." in key}
    assert asked, "no keys found: the pattern above is out of date"
    assert sorted(asked - w.keys("en")) == []
    prefixes = set(DYNAMIC.findall(source))
    assert "errors." in prefixes and "labels." in prefixes, prefixes
    named = set(re.findall(r'"([a-z_]+\.[A-Za-z0-9_.-]+)"', source))  # keys passed along before they are said
    unused = [key for key in sorted(w.keys("en")) if key not in asked | named and not key.startswith(tuple(prefixes))]
    assert unused == [], f"texts nothing uses (delete them): {unused[:10]}"


def test_no_sentence_is_written_in_python():
    # Words live in the catalogue, so that a member's languages get them: a Cyrillic string in the code is a
    # text only Mongolian readers get. Data, not sentences, is allowed: the transliteration table, the sample's
    # settings before any ogp.yml is read, the bench's synthetic records and the Mongolian stemmer's endings.
    allowed = {"ogp/records/editor_rules.py", "ogp/records/repository.py", "ogp/words/__init__.py", "ogp/cli/synthetic.py",
               "ogp/render/mnstem.py"}
    found = []
    for path in CODE:
        name = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                    and re.search("[\u0400-\u04ff]", node.value) and name not in allowed:
                found.append(f"{name}:{node.lineno}: {node.value[:40]!r}")
    assert found == []


def test_a_failure_is_said_in_the_readers_language_or_in_every_one():
    from ogp.facts.history import ShallowCloneError
    from ogp.records.errors import for_reader

    err = ShallowCloneError("history.shallow", root="/x")
    assert for_reader(err, {"OGP_LANG": "mn"}).startswith("/x нь хэсэгчилсэн") and "\n" not in for_reader(err, {"OGP_LANG": "mn"})
    both = for_reader(err, {"LANG": "C.UTF-8"}).split("\n")
    assert both[0].startswith("/x is a shallow clone") and both[1].startswith("/x нь") and len(both) == 2
    try:
        w.use_languages(["es"])  # a Spanish repository with no Spanish words yet: English, said once
        assert for_reader(err, {}) == err.told("en") and str(err) == err.told("en")
    finally:
        w.use_languages(["mn", "en"])


def test_plural_rules():
    assert [plural_form("one-other", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_form("slavic", n) for n in (1, 2, 5, 11, 21, 22, 112)] == ["one", "few", "many", "many", "one", "few", "many"]
    assert [plural_form("arabic", n) for n in (0, 1, 2, 3, 11, 100)] == ["zero", "one", "two", "few", "many", "other"]
    assert [plural_form("zero-one-other", n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert plural_form("other", 1) == "other" and plural_form("one-other", "x") == "other"
    assert w.say("dates.days", "en", n=1) == "1 day" and w.say("dates.days", "en", n=2) == "2 days"
    assert w.say("dates.days", "mn", n=1) == "1 хоног"


def test_a_repository_adds_a_language_and_overrides_words(tmp_path):
    folder = tmp_path / "words"
    folder.mkdir()
    (folder / "es.yml").write_text(yaml.safe_dump({"pages": {"plans": "Planes de acción"}}, allow_unicode=True), "utf-8")
    (folder / "en.yml").write_text("pages:\n  plan: Action plan\n", "utf-8")
    try:
        w.use_languages(["es", "en"], folder)
        assert w.languages() == ("es", "en") and w.path_prefix("es") == "" and w.path_prefix("en") == "en/"
        assert w.say("pages.plans", "es") == "Planes de acción"
        assert w.say("pages.plan", "en") == "Action plan"            # the repository's own wording wins
        assert w.say("pages.commitments", "es") == "Commitments"     # untranslated: English, and listed
        assert "pages.commitments" in w.missing("es") and "pages.plans" not in w.missing("es")
        assert w.missing("mn") == []
        assert dict(w.words("pages.plans")) == {"es": "Planes de acción", "en": "Action plans"}
    finally:
        w.use_languages(["mn", "en"])


def test_unknown_keys_fail_at_once_and_languages_are_described():
    with pytest.raises(KeyError):
        w.words("pages.no-such-text")
    assert w.language("ar")["dir"] == "rtl" and w.language("mn")["dir"] == "ltr"
    assert w.language("xx") == {"name": "xx", "dir": "ltr", "plural": "one-other", "lunr": ""}


def test_every_text_can_be_said_in_every_language():
    # A literal brace must be doubled ({{ }}): a single one breaks the text the first time it is said.
    for key in w.keys("en"):
        for lang in w.shipped():
            w.say(key, lang, n=2)
