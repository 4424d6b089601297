"""In a real browser, pages load nothing from other hosts and nothing that is missing."""
from __future__ import annotations

import pytest
from conftest import GENERATED_SAMPLES, LANGS, hand_written_stems
from sweep import axe_violations

STEMS = hand_written_stems()
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_pages_request_only_their_own_host(sweep):
    assert sweep.visited and len(sweep.visited) == 2 * (len(STEMS) + len(GENERATED_SAMPLES))
    assert [url for url, status in sweep.statuses.items() if status != 200] == []
    assert sweep.foreign == [], sweep.foreign
    assert sweep.failed == [], sweep.failed


def test_axe_finds_nothing_on_any_page(sweep):
    assert sweep.axe == {}


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_with_the_search_dialog_open(browser, served_site, lang):
    page = browser.new_page()
    page.goto(served_site + ("" if lang == "mn" else "en/"), wait_until="networkidle")
    page.keyboard.press("/")  # Material's keyboard shortcut opens search
    page.wait_for_function("document.getElementById('__search').checked")
    assert axe_violations(page) == []
    page.close()


def test_meeting_filter_by_year_and_type(browser, served_site):
    import yaml
    from conftest import ROOT

    meetings = [yaml.safe_load(p.read_text("utf-8")) for p in (ROOT / "data/meetings").glob("*.yml")]
    forums_2023 = sum(1 for m in meetings if m["type"] == "forum" and str(m["date"]).startswith("2023"))
    page = browser.new_page()
    page.goto(served_site + "en/meetings/", wait_until="networkidle")
    rows = page.locator(".md-content tbody tr")
    assert rows.count() == len(meetings)
    page.get_by_label("Year").select_option("2023")
    page.get_by_label("Type").select_option("Forum meeting")
    assert sum(1 for i in range(rows.count()) if rows.nth(i).is_visible()) == forums_2023 > 0
    assert "year=2023" in page.url and "type=Forum+meeting" in page.url
    # The address is shareable: opening it applies the same filter.
    page.goto(page.url, wait_until="networkidle")
    assert sum(1 for i in range(rows.count()) if rows.nth(i).is_visible()) == forums_2023
    assert page.get_by_text(f"{forums_2023} meetings shown").is_visible()
    page.close()


def test_the_404_page_speaks_both_languages_and_axe_finds_nothing(browser, served_site):
    # GitHub Pages serves /404.html for every missing address, under /en/ too: the root one is
    # the Mongolian page with an English part marked lang="en"; its links lead to both home pages.
    page = browser.new_page()
    page.goto(served_site + "404.html", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "mn"
    assert page.locator("article h1").text_content().strip() == "Хуудас олдсонгүй"
    assert page.locator('article [lang="en"] h2').text_content().strip() == "Page not found"
    links = page.eval_on_selector_all("article a, a.md-select__link", "els => els.map(e => e.getAttribute('href'))")
    assert set(links) == {"/", "/en/"}, links
    assert axe_violations(page) == []
    page.goto(served_site + "en/404.html", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").text_content().strip() == "Page not found"
    assert page.locator('article [lang="mn"] h2').text_content().strip() == "Хуудас олдсонгүй"
    assert axe_violations(page) == []
    page.close()
