"""Site search in a real browser: Mongolian finds Mongolian, English finds English, each in its own site."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def search(browser, served_site: str, lang: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box and return the result links."""
    page = browser.new_page()
    page.goto(served_site + ("" if lang == "mn" else "en/"), wait_until="networkidle")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
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
