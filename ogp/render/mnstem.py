"""A small rule-based stemmer for Mongolian (Cyrillic) search words.

The search index and the search box must agree on every word, so the same rules
live twice: here (tests, benchmarks) and in
``theme_overrides/assets/javascripts/lunr/min/lunr.mn.min.js`` (the browser). They
are kept to what both languages say the same way: fixed suffix lists, a
one-character-class test on what precedes a suffix, and string slicing.

``stem`` works in two parts:

1. Suffixes are cut from the end in three rounds, at most one suffix a round:
   the reflexive possessive (``-аа``, ``-гаа``, ``-хаа`` after a case ending), a
   case ending (genitive, accusative, dative-locative, ablative, instrumental,
   directive), then a plural. Within a round the longest suffix whose condition
   holds wins. The comitative ``-тай/-тэй/-той`` and ``-гүй`` are not cut: on this
   site they make adjectives (``нээлттэй`` "open" is not ``нээлт`` "opening").
2. The rest is normalised so that the forms of a word agree even where Mongolian
   changes the stem: a final ``-н`` goes (``тайлан``/``тайланг``,
   ``хугацаа``/``хугацааны``), then a final long vowel after a consonant on a long
   enough stem (``саналаа`` "one's own proposal", ``хэмжээ``/``хэмжээг``), then a
   final soft sign (``хууль``/``хуулийн``), and last every short vowel after the
   first syllable that does not touch another vowel or ``й`` is removed. That last
   step is the fleeting vowel made symmetric: ``төсөв`` and ``төсвийн`` both become
   ``төсв``, ``хуудас`` and ``хуудсанд`` both ``хуудс``. Vowel harmony makes those
   vowels predictable, so little is lost.

Words with a letter outside Mongolian Cyrillic (Latin, digits) and words shorter
than three letters are returned unchanged.
"""
from __future__ import annotations

import re
from pathlib import Path

VOWELS = "аэиоуөүыеёюя"
SHORT = "аэоөи"  # the vowels that come and go inside a Mongolian stem
_WORD = re.compile(r"[а-яёөү]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# What may precede a suffix, as one regular expression tested against the end of the rest.
# Written once and copied verbatim into the JavaScript plugin.
# A long vowel or a diphthong; е, ё, ю, я are not a second half (they begin with a й sound: хаяг).
LONG = "[аэиоуөүыеёюя][аэиоуөүый]"
CONS = "[бвгджзйклмнпрстфхцчшщ]"

# Each rule: (suffix, condition on what precedes it or "", shortest rest allowed).
REFLEXIVE = [
    ("хаа", "н", 3), ("хээ", "н", 3), ("хоо", "н", 3), ("хөө", "н", 3),        # төлөвлөгөөнийхөө
    ("гаа", "(?:" + LONG + "|ы)", 3), ("гээ", "(?:" + LONG + "|ы)", 3),       # өөрийгөө, төлөвлөгөөгөө
    ("гоо", "(?:" + LONG + "|ы)", 3), ("гөө", "(?:" + LONG + "|ы)", 3),
    # after a case ending (-д, -т, -аас, -аар); four letters left so that гэрээ stays гэрээ
    ("аа", "[дтср]", 4), ("ээ", "[дтср]", 4), ("оо", "[дтср]", 4), ("өө", "[дтср]", 4),
]
CASE = [
    ("гийн", "(?:" + LONG + "|н)", 2), ("ийн", "", 2), ("ын", "", 2), ("ий", "", 2), ("ы", "", 2),  # genitive
    ("н", "[аэиоуөүы]й", 2),  # genitive after a diphthong: зүйн, уурхайн
    ("ийг", "", 2), ("ыг", "", 2), ("г", "(?:" + LONG + "|н)", 2),                               # accusative
    ("ад", CONS, 2), ("эд", CONS, 2), ("од", CONS, 2), ("өд", CONS, 2), ("д", "", 2), ("т", "г", 2),  # dative
    ("гаас", LONG, 2), ("гээс", LONG, 2), ("гоос", LONG, 2), ("гөөс", LONG, 2),                  # ablative
    ("иас", "", 2), ("аас", "", 2), ("ээс", "", 2), ("оос", "", 2), ("өөс", "", 2),
    ("гаар", LONG, 2), ("гээр", LONG, 2), ("гоор", LONG, 2), ("гөөр", LONG, 2),                  # instrumental
    ("иар", "", 2), ("аар", "", 2), ("ээр", "", 2), ("оор", "", 2), ("өөр", "", 2),
    ("руу", "", 2), ("рүү", "", 2), ("луу", "", 2), ("лүү", "", 2),                              # directive
    # a plural with no case after it: listed here too so that its -д is not taken for the dative
    ("нууд", "", 2), ("нүүд", "", 2), ("ууд", "", 2), ("үүд", "", 2),
]
PLURAL = [
    ("нууд", "", 2), ("нүүд", "", 2), ("ууд", "", 2), ("үүд", "", 2),
    ("уд", "и", 3), ("ид", "ч", 3), ("д", "[аэиоөуүч]", 3),  # компаниуд, хэрэглэгчид, иргэд(ийн)
]
ROUNDS = [REFLEXIVE, CASE, PLURAL]
# Words whose ending only looks like a suffix: холбоос "link" is not an ablative of холбоо "association".
KEEP = {"холбоос"}


def _has_vowel(text: str) -> bool:
    return any(ch in VOWELS for ch in text)


def _cut(word: str, rules) -> str:
    """``word`` less the longest suffix of ``rules`` whose condition holds, or ``word``."""
    best = None
    for suffix, before, shortest in rules:
        if not word.endswith(suffix) or (best and len(best) >= len(suffix)):
            continue
        rest = word[: len(word) - len(suffix)]
        # The rest must stay a word: long enough and with a vowel (НЗТ-like stems are not cut).
        if len(rest) < shortest or not _has_vowel(rest):
            continue
        if before and not re.search("(?:" + before + ")$", rest):
            continue
        best = suffix
    return word[: len(word) - len(best)] if best else word


def _skeleton(word: str) -> str:
    """Drop every short vowel after the first syllable that touches no other vowel or й."""
    first = next((i for i, ch in enumerate(word) if ch in VOWELS), len(word))
    while first < len(word) and (word[first] in VOWELS or word[first] == "й"):
        first += 1  # the whole first vowel group (ай, уу, ий) stays
    kept = list(word[:first])
    for i in range(first, len(word)):
        ch = word[i]
        before = word[i - 1]
        after = word[i + 1] if i + 1 < len(word) else ""
        if ch in SHORT and before not in VOWELS + "й" and (after == "" or after not in VOWELS + "й"):
            continue
        kept.append(ch)
    return "".join(kept)


def stem(word: str) -> str:
    """The search stem of one lowercase word (see the module's docstring for the rules)."""
    if len(word) < 3 or not _WORD.fullmatch(word):
        return word
    if word in KEEP:
        return _skeleton(word)
    for rules in ROUNDS:
        word = _cut(word, rules)
    # A final -н comes and goes (n-stems, -ны/-нд after a long vowel: хугацааны, хугацаанд).
    # After a long vowel the rest must keep five letters: удаан "slow" is not удаа "time".
    if word.endswith("н") and len(word) > (5 if re.search(LONG + "н$", word) else 3):
        word = word[:-1]
    # A final long vowel after a consonant is either the reflexive -аа or part of a noun
    # (хэмжээ) whose other forms lose it nowhere else; dropping it on both sides keeps them together.
    if len(word) >= 6 and word[-1] == word[-2] and word[-1] in "аэоө" and word[-3] not in VOWELS + "й":
        word = word[:-2]
    if word.endswith("ь") or word.endswith("ъ"):
        word = word[:-1]
    return _skeleton(word)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the search sees them: lowercase, split at anything that is not a letter."""
    return _LETTERS.findall(text.lower())


def _mn_strings(node, key: str = "") -> list[str]:
    """Every string under a ``*_mn`` key of a loaded YAML document."""
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _mn_strings(v, str(k))]
    if isinstance(node, list):
        return [s for v in node for s in _mn_strings(v, key)]
    return [node] if isinstance(node, str) and key.endswith("_mn") else []


def site_words(root: Path) -> list[str]:
    """The distinct Mongolian words of the site, sorted: ``content/**/*.mn.md`` and every ``*_mn`` field of ``data/**/*.yml``."""
    import yaml

    texts = [path.read_text(encoding="utf-8") for path in sorted(root.glob("content/**/*.mn.md"))]
    for path in sorted(root.glob("data/**/*.yml")):
        texts.extend(_mn_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted({word for text in texts for word in tokens(text) if _WORD.fullmatch(word)})
