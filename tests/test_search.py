"""Site search in a real browser: Mongolian finds Mongolian, English finds English, each in its own site."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


READY = ["Хайлтын үгээ бичнэ үү", "Type to start searching"]  # Material's search.result.placeholder in mn, en


def search(browser, served_site: str, lang: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box and return the result links."""
    page = browser.new_page()
    page.goto(served_site + ("" if lang == "mn" else "en/"), wait_until="networkidle")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    # Opening the search loads its index (search-on-demand.html); the line above the results says
    # "initializing" until the index is built, then "type to search" (Material's words): wait for that.
    page.wait_for_function("words => words.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
                           arg=READY, timeout=10000)
    placeholder = meta.text_content()
    box.fill(query)
    box.press("End")  # Playwright's fill() of Cyrillic sends no keyup; Material searches on keyup
    # The line above the results changes from "type to search" to a count or "no match".
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent !== p", arg=placeholder,
                           timeout=10000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    page.close()
    return links


@pytest.mark.parametrize("query", ["амлалт", "амл", "АМЛАЛТ", "Үүрэг", "өгөгдөл"])
def test_mongolian_queries_find_mongolian_pages_only(browser, served_site, query):
    links = search(browser, served_site, "mn", query)
    assert links, f"nothing found for {query!r}"
    assert all(served_site in link and f"{served_site}en/" not in link for link in links), links


@pytest.mark.parametrize("query", ["commitment", "commit", "COMMITMENT", "open data"])
def test_english_queries_find_english_pages_only(browser, served_site, query):
    links = search(browser, served_site, "en", query)
    assert links, f"nothing found for {query!r}"
    assert all(link.startswith(f"{served_site}en/") for link in links), links


def test_an_english_word_is_not_found_on_the_mongolian_site(browser, served_site):
    # "oversight" appears only in English pages (the Mongolian ones say "хяналт"): with one
    # joint index, the Mongolian site used to list the English pages.
    assert search(browser, served_site, "mn", "oversight") == []
    assert search(browser, served_site, "en", "oversight")


def finder_count(page) -> int:
    text = page.locator("#ogp-finder p[aria-live]").text_content()
    return int(text.split()[0])


def test_finder_index_is_prebuilt_without_a_trimmer(build):
    import json

    for lang in ("", "en/"):
        data = json.loads((build.site / f"{lang}finder/index.json").read_text("utf-8"))
        assert data["index"]["pipeline"] == []  # no JS trimmer: it would strip Cyrillic at query time
        assert data["index"]["invertedIndex"] and data["items"]
    assert (build.site / "assets/javascripts/lunr.js").read_text("utf-8").startswith("/**\n * lunr")


def test_finder_finds_mongolian_prefixes_and_filters_shareably(browser, served_site):
    import yaml
    from conftest import ROOT

    milestones = [m for p in (ROOT / "data/commitments").glob("*/*.yml") for m in yaml.safe_load(p.read_text("utf-8"))["milestones"]]
    completed = sum(1 for m in milestones if m["status"] == "completed")
    page = browser.new_page()
    page.goto(served_site + "finder/", wait_until="networkidle")
    everything = finder_count(page)
    assert everything > len(milestones)
    box = page.get_by_label("Хайх үг")
    box.fill("АМЛ")
    box.press("End")
    assert 0 < finder_count(page) < everything
    box.fill("")
    box.press("End")
    page.locator("select[name=kind]").select_option("Хүрэх үе шат")
    page.locator("select[name=status]").select_option("Биелсэн")
    assert finder_count(page) == completed
    shared = page.url
    assert "kind=" in shared and "status=" in shared
    page.goto(shared, wait_until="networkidle")
    assert finder_count(page) == completed
    page.close()


def test_finder_in_english_lists_english_titles(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "en/finder/?kind=Commitment", wait_until="networkidle")
    assert finder_count(page) == 9
    page.goto(served_site + "en/finder/?find=transparen&kind=Commitment", wait_until="networkidle")
    assert 0 < finder_count(page) < 9  # a prefix of an English word
    titles = page.locator(".ogp-finder__results a").all_text_contents()
    assert all(not any("а" <= ch <= "я" for ch in t.lower()) for t in titles), titles
    assert page.locator(".ogp-needs-js").is_hidden()
    page.close()


@pytest.mark.parametrize("forms", [("budget", "budgets"), ("publish", "published", "publishing")])
def test_english_search_finds_every_form_of_a_word(browser, served_site, forms):
    # lunr's English stemmer in the English index: a plural or a tense finds the same pages.
    found = [{link.split("?")[0] + link.partition("#")[1] + link.partition("#")[2] for link in search(browser, served_site, "en", word)}
             for word in forms]  # the ?h=word of a result link differs by query
    assert found[0] and all(links == found[0] for links in found), dict(zip(forms, map(len, found)))


@pytest.mark.parametrize("forms", [("төсөв", "төсвийн"), ("амлалт", "амлалтын", "амлалтууд")])
def test_mongolian_search_finds_every_form_of_a_word(browser, served_site, forms):
    # The project's Mongolian stemmer (ogp/render/mnstem.py, lunr.mn.min.js) in the Mongolian index.
    found = [{link.split("?")[0] + link.partition("#")[1] + link.partition("#")[2] for link in search(browser, served_site, "mn", word)}
             for word in forms]
    assert found[0] and all(links == found[0] for links in found), dict(zip(forms, map(len, found)))


def test_the_search_index_and_worker_load_only_when_the_search_is_opened(browser, served_site):
    # About 45 KB a visitor who never searches no longer downloads (theme_overrides/partials/search-on-demand.html).
    page = browser.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(served_site + "en/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert not [url for url in asked if "search_index.json" in url or "/workers/search." in url], asked
    page.keyboard.press("/")
    page.wait_for_function("words => words.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
                           arg=READY, timeout=10000)
    assert any("en/search/search_index.json" in url for url in asked) and any("/workers/search." in url for url in asked)
    page.close()


def test_lunr_is_served_compact_with_its_licence_and_still_runs(browser):
    from ogp.build import upstream
    from ogp.build.theme_fixes import compact_script

    compact = compact_script(Path(upstream.LUNR_JS).read_text("utf-8"))
    assert compact.startswith("/**\n * lunr") and "@license MIT" in compact and len(compact) < 0.5 * Path(upstream.LUNR_JS).stat().st_size
    page = browser.new_page()
    page.set_content("<p>x</p>")
    page.add_script_tag(content=compact)
    found = page.evaluate("""() => lunr(function () { this.ref('id'); this.field('t');
        this.add({id: 'a', t: 'budgets were published'}); this.add({id: 'b', t: 'minutes'}); }).search('budget publish*').map(r => r.ref)""")
    assert found == ["a"]
    page.close()
