"""One visit of every page in Chromium, for every per-page check (own host, axe, sideways scroll).

Each page is loaded once, at a desktop width, with the request log on; axe runs on it; then the
same loaded page is narrowed to 320 CSS px and to 640 CSS px (what 200 % zoom of a 1280 px window
leaves) and its sideways overflow is read, and the table cells a word would have to break in are
listed; at 360 CSS px (a common phone) axe runs again; and as printed (print media, the width of an
A4 page's text) its overflow is read once more. The tests assert on what the sweep saw: visiting
every page again for each check took a third of the whole suite.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from conftest import GENERATED_SAMPLES, LANGS, hand_written_stems, page_url

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"320px": 320, "200%-zoom": 640}
PHONE = 360
PRINTED = 680  # CSS px of text on an A4 page with Chromium's default print margins (210 mm - 2 x 10 mm)
# Cells whose longest word is wider than the cell: there a word would break in the middle. A web
# address may break anywhere; it is left out.
SPLIT_WORDS = """() => {
  const style = document.createElement('style');
  style.textContent = 'td, th { overflow-wrap: normal !important; hyphens: manual !important; word-break: normal !important; }';
  document.head.appendChild(style);
  const found = [...document.querySelectorAll('article td, article th')]
    .filter(c => c.scrollWidth > c.clientWidth + 1 && !/\\S*:\\/\\/|@/.test(c.textContent))
    .map(c => c.textContent.trim().slice(0, 40));
  style.remove();
  return found;
}"""


def all_pages(served_site: str) -> list[str]:
    """Every hand-written page and one of each generated template, in both languages."""
    paths = [page_url(stem) for stem in hand_written_stems()] + GENERATED_SAMPLES
    return [served_site + ("" if lang == "mn" else "en/") + path for path in paths for lang in LANGS]


def axe_violations(page) -> list[str]:
    """Run axe-core (bundled with axe-playwright-python, no download) on the open page."""
    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def sideways(page, width: int) -> int:
    """How far the loaded page scrolls sideways once narrowed to ``width`` CSS px."""
    page.set_viewport_size({"width": width, "height": 800})
    page.wait_for_timeout(50)  # let resize handlers run before the layout is read
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@dataclass
class Sweep:
    """What one visit of every page found."""

    visited: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=dict)
    overflow: dict[str, dict[str, int]] = field(default_factory=dict)  # width name -> url -> px
    split_words: dict[str, list[str]] = field(default_factory=dict)  # url -> cells where a word breaks, at 320 px
    axe_phone: dict[str, list[str]] = field(default_factory=dict)  # axe at 360 px
    printed: dict[str, int] = field(default_factory=dict)  # url -> px of sideways overflow on paper


def sweep_site(browser, served_site: str) -> Sweep:
    """Visit every page once and run every per-page check on it."""
    own = urlsplit(served_site).netloc
    found = Sweep(overflow={name: {} for name in WIDTHS})
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https")
               and urlsplit(r.url).netloc != own and found.foreign.append(r.url))
    context.on("response", lambda r: r.status >= 400 and found.failed.append(f"{r.status} {r.url}"))
    page = context.new_page()
    for url in all_pages(served_site):
        response = page.goto(url, wait_until="networkidle")
        found.visited.append(url)
        found.statuses[url] = response.status
        if problems := axe_violations(page):
            found.axe[url] = problems
        for name, width in WIDTHS.items():
            if (wide := sideways(page, width)) > 0:
                found.overflow[name][url] = wide
            if width == 320 and (split := page.evaluate(SPLIT_WORDS)):
                found.split_words[url] = split
        page.set_viewport_size({"width": PHONE, "height": 800})
        page.wait_for_timeout(50)
        if problems := axe_violations(page):
            found.axe_phone[url] = problems
        page.emulate_media(media="print")
        if (wide := sideways(page, PRINTED)) > 0:
            found.printed[url] = wide
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1280, "height": 800})
    context.close()
    return found
