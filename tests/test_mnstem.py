"""The Mongolian search stemmer: the labelled fixture in Python, and the browser's copy agreeing with Python on every site word."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from ogp.render.mnstem import site_words, stem

FIXTURE = yaml.safe_load((ROOT / "tests/fixtures/mn-stems.yml").read_text(encoding="utf-8"))
PLUGIN = ROOT / "theme_overrides/assets/javascripts/lunr/min/lunr.mn.min.js"


def merged(group: list[str]) -> bool:
    return len({stem(word) for word in group}) == 1


@pytest.mark.parametrize("group", FIXTURE["groups"], ids=lambda g: g[0])
def test_forms_of_a_word_share_a_stem(group):
    assert merged(group), {word: stem(word) for word in group}


@pytest.mark.parametrize("pair", FIXTURE["pairs"], ids=lambda p: "/".join(p))
def test_different_words_keep_different_stems(pair):
    assert stem(pair[0]) != stem(pair[1]), pair


@pytest.mark.parametrize("group", FIXTURE["known_misses"], ids=lambda g: g[0])
def test_known_misses_are_still_missed(group):
    # When a rule change merges one of these, it belongs in groups: move it there.
    assert not merged(group), f"{group} now merges: move it from known_misses to groups"


@pytest.mark.parametrize("pair", FIXTURE["known_false_merges"], ids=lambda p: "/".join(p))
def test_known_false_merges_are_still_merged(pair):
    assert stem(pair[0]) == stem(pair[1]), f"{pair} is now apart: move it from known_false_merges to pairs"


def test_pairs_kept_apart_are_at_least_95_percent():
    apart, wrong = len(FIXTURE["pairs"]), len(FIXTURE["known_false_merges"])
    assert apart / (apart + wrong) >= 0.95


def test_words_that_are_not_mongolian_stay_whole():
    assert [stem(w) for w in ["ogp", "git", "2024", "нзт", "нь", "mkdocs"]] == ["ogp", "git", "2024", "нзт", "нь", "mkdocs"]


def test_site_words_are_lowercase_cyrillic_and_include_the_budget():
    words = site_words(ROOT)
    assert "төсөв" in words and "төсвийн" in words
    assert all(word == word.lower() and word.isalpha() for word in words)


@pytest.mark.browser
def test_browser_stemmer_agrees_with_python_on_every_site_word(browser):
    import material

    from ogp.build.upstream import LUNR_JS

    support = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.stemmer.support.min.js"
    fixture_words = [w for key in ("groups", "pairs", "known_misses", "known_false_merges") for g in FIXTURE[key] for w in g]
    words = sorted(set(site_words(ROOT)) | set(fixture_words) | {"ogp", "constructor", "2024"})
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset=utf-8><title>lunr.mn</title>")
        for script in (LUNR_JS, support, PLUGIN):
            page.add_script_tag(path=str(script))
        js = page.evaluate("words => words.map(w => lunr.mn.stem(w))", words)
        differ = {w: (stem(w), j) for w, j in zip(words, js) if stem(w) != j}
        assert not differ, f"{len(differ)} of {len(words)} words differ (python, js): {differ}"
        # The plugin as Material's worker uses it: an index of one page, searched with another form of its word.
        found = page.evaluate("""() => {
            const idx = lunr(function () {
                this.use(lunr.mn)
                this.ref("id"); this.field("text")
                this.add({id: "budget", text: "Улсын төсөв, ба нээлттэй байдал."})
            })
            return [idx.search("төсвийн").length, idx.search("ба").length, idx.search("нээлт").length]
        }""")
        assert found == [1, 0, 0]
    finally:
        page.close()
