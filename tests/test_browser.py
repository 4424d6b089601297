"""In a real browser, pages load nothing from other hosts and nothing that is missing."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import LANGS, ROOT, page_url

from ogp.translations import page_languages

STEMS = sorted(page_languages(ROOT / "content"))
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_pages_request_only_their_own_host(browser, served_site):
    own = urlsplit(served_site).netloc
    context = browser.new_context()
    foreign, failed = [], []
    context.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https")
               and urlsplit(r.url).netloc != own and foreign.append(r.url))
    context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page = context.new_page()
    visited = 0
    for stem in STEMS:
        for lang in LANGS:
            url = served_site + ("" if lang == "mn" else "en/") + page_url(stem)
            response = page.goto(url, wait_until="networkidle")
            assert response.status == 200, url
            visited += 1
    context.close()
    assert visited == 2 * len(STEMS) > 0
    assert foreign == [], foreign
    assert failed == [], failed
