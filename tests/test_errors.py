"""The error catalogue: complete in every shipped language, and every code the code uses is in it."""
from __future__ import annotations

import re
import string

from conftest import ROOT

from ogp.records.errors import CATALOGUE
from ogp.words import shipped


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages_with_the_same_placeholders():
    for code, entry in CATALOGUE.items():
        for part in ("title", "message", "hint"):
            texts = getattr(entry, part)
            assert all(texts[lang].strip() for lang in shipped()), f"{code}.{part} is empty"
            for lang in shipped():
                assert placeholders(texts[lang]) == placeholders(texts["en"]), f"{code}.{part} in {lang}"


def test_mongolian_texts_are_in_cyrillic():
    for code, entry in CATALOGUE.items():
        assert re.search("[а-яөүА-ЯӨҮ]", entry.message["mn"]), code


def test_every_code_used_in_the_code_is_in_the_catalogue():
    used = set()
    for path in (ROOT / "ogp").rglob("*.py"):
        used |= set(re.findall(r'(?:Problem|problem)\(\s*"([a-z0-9-]+)"', path.read_text("utf-8")))
    assert used, "no codes found: the pattern above is out of date"
    assert used - set(CATALOGUE) == set()
