"""Keyboard, small screens, zoom and no JavaScript, in Debian's Chromium."""
from __future__ import annotations

import pytest
from conftest import GENERATED_SAMPLES, LANGS, hand_written_stems, page_url
from sweep import sideways

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PATHS = [page_url(stem) for stem in hand_written_stems()] + GENERATED_SAMPLES


def urls(served_site: str) -> list[str]:
    return [served_site + ("" if lang == "mn" else "en/") + path for path in PATHS for lang in LANGS]


def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "contact/", wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href'), "
                            "visible: document.activeElement.getBoundingClientRect().height > 0})")
    assert "md-skip" in focused["cls"] and focused["href"].startswith("#") and focused["visible"]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).boxShadow")
    assert outline.strip() not in ("none none", "none"), "the focused element must show a visible focus"
    page.close()


def test_language_switcher_and_search_work_from_the_keyboard(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(served_site + "contact/", wait_until="networkidle")
    for _ in range(40):  # Tab until the English link of the language switcher has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "en":
            break
    else:
        pytest.fail("the language switcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/contact/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    # Only type once the search box has focus: Material reads single keys as shortcuts
    # elsewhere ("n" goes to the next page).
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("contact")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    # The result link carries the highlighted words (?h=contact): the page it opens is English.
    page.wait_for_url(lambda url: "/en/" in url and "h=contact" in url)
    page.wait_for_load_state("networkidle")
    assert "/en/" in page.url
    page.goto("about:blank")  # closing while Material's search worker is busy can hang Chromium's context
    context.close()


@pytest.mark.parametrize("width", ["320px", "200%-zoom"])
def test_nothing_scrolls_sideways(sweep, width):
    # 200 % zoom of a 1280 px window is a 640 CSS px viewport: the sweep narrows each loaded page to it.
    assert sweep.visited and sweep.overflow[width] == {}


def test_no_word_breaks_in_a_table_cell_on_a_phone(sweep):
    # Tables of three or more columns are cards on a phone (ogp/render/tables.py): every word fits its line.
    assert sweep.visited and sweep.split_words == {}


def test_axe_finds_nothing_at_phone_width(sweep):
    assert sweep.visited and sweep.axe_phone == {}


def test_printed_pages_keep_every_column(sweep):
    # On paper the page is about 680 CSS px wide: nothing may stick out of it (a cut-off column).
    assert sweep.visited and sweep.printed == {}


def test_the_split_word_check_sees_a_word_too_wide_for_its_cell(browser, served_site):
    from sweep import SPLIT_WORDS

    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto(served_site + "en/plans/", wait_until="networkidle")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', "
                  "'<table><tr><td style=\"width:3em;max-width:3em\">Extraordinarily</td><td>b</td></tr></table>')")
    assert page.evaluate(SPLIT_WORDS) == ["Extraordinarily"]
    page.close()


def test_the_sideways_check_sees_a_page_that_is_too_wide(browser, served_site):
    # A check that cannot fail is a defect: a 1000 px wide block must show as overflow after narrowing.
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served_site + "contact/", wait_until="networkidle")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<div style=\"width:1000px\">x</div>')")
    assert sideways(page, 320) > 0 and sideways(page, 640) > 0
    page.close()


def test_every_page_is_readable_without_javascript(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    empty, wide = [], {}
    for url in urls(served_site):
        page.goto(url)
        text = page.locator("article").inner_text()
        if not page.locator("article h1").count() or len(text) < 100:
            empty.append(url)
        # Without JavaScript Material wraps no table in a scrolling box: the page itself must fit 320 px.
        if (over := page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")) > 0:
            wide[url] = over
    context.close()
    assert empty == [] and wide == {}, (empty, wide)
