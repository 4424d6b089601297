"""The browser checks of the pages a change adds or changes: axe, nothing from another host, nothing sideways at 360 px.

A pull request that touches only records and pages runs just these (``scripts/ci-content-checks.sh``),
on the addresses ``ogp diff --pages`` gives in ``OGP_PAGES``; without it, on the home pages, so that
``make test`` runs them too.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

PAGES = [p for p in os.environ.get("OGP_PAGES", "").split() if p.startswith("/")] or ["/", "/en/"]


@pytest.mark.browser
@pytest.mark.parametrize("address", PAGES)
def test_a_changed_page_passes_the_browser_checks(browser, served_site, address):
    from sweep import axe_violations

    own = urlsplit(served_site).netloc
    foreign: list[str] = []
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != own
            and foreign.append(r.url))
    response = page.goto(served_site.rstrip("/") + address, wait_until="networkidle")
    assert response is not None and response.status == 200, address
    assert axe_violations(page) == [], address
    assert foreign == [], address
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1, address
    page.close()
