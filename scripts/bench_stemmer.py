#!/usr/bin/env python3
"""Benchmark: what the Mongolian search stemmer (ogp/render/mnstem.py) does to the site's own words.

Prints figures; it is not a test. Run from the repository root:
    .venv/bin/python scripts/bench_stemmer.py

The word list is every distinct Mongolian word of content/**/*.mn.md and of the
``*_mn`` fields of data/**/*.yml. The labelled fixture tests/fixtures/mn-stems.yml
gives groups (forms that should share a stem) and pairs (different words that
should not).
"""
from collections import defaultdict
from pathlib import Path

import yaml

from ogp.render.mnstem import site_words, stem

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["төсөв", "төсвийн", "амлалт", "амлалтын", "хуралдаан"]


def main() -> None:
    words = site_words(ROOT)
    by_stem = defaultdict(list)
    for word in words:
        by_stem[stem(word)].append(word)
    shared = sum(len(forms) for forms in by_stem.values() if len(forms) > 1)
    print(f"distinct word forms: {len(words)}")
    print(f"distinct stems: {len(by_stem)}")
    print(f"forms sharing a stem with another form: {shared} ({shared / len(words):.0%})")

    fixture = yaml.safe_load((ROOT / "tests/fixtures/mn-stems.yml").read_text(encoding="utf-8"))
    groups = fixture["groups"] + fixture.get("known_misses", [])
    pairs = fixture["pairs"] + fixture.get("known_false_merges", [])
    split = [group for group in groups if len({stem(w) for w in group}) > 1]
    merged = [pair for pair in pairs if stem(pair[0]) == stem(pair[1])]
    print(f"fixture groups fully merged: {len(groups) - len(split)}/{len(groups)} ({1 - len(split) / len(groups):.0%})")
    print(f"fixture pairs kept apart: {len(pairs) - len(merged)}/{len(pairs)} ({1 - len(merged) / len(pairs):.0%})")
    for pair in merged:
        print(f"  false merge: {pair[0]} / {pair[1]} -> {stem(pair[0])}")
    for group in split:
        print("  group not merged: " + ", ".join(f"{w}->{stem(w)}" for w in group))

    print("site words a query matches (without stemmer -> with):")
    for query in QUERIES:
        plain = sum(1 for word in words if word == query)
        stemmed = by_stem.get(stem(query), [])
        print(f"  {query}: {plain} -> {len(stemmed)}  ({' '.join(stemmed)})")


if __name__ == "__main__":
    main()
