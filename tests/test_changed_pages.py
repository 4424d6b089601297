"""The browser checks of the pages a change adds or changes: axe, nothing from another host, nothing sideways at 360 px.

A pull request that touches only records and pages runs just these (``scripts/ci-content-checks.sh``),
on the addresses ``ogp diff --pages`` gives in ``OGP_PAGES``, in the site its ``make site`` built
(``OGP_BUILT_SITE``: the pull request's own site, with today's date, not built a second time); without
them, on the home pages of the tests' own build, so that ``make test`` runs them too.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

PAGES = [p for p in os.environ.get("OGP_PAGES", "").split() if p.startswith("/")] or ["/", "/en/"]


@pytest.fixture(scope="module")
def checked_site(request):
    """The base URL of the site to check: ``OGP_BUILT_SITE`` served, or else the tests' own build."""
    built = os.environ.get("OGP_BUILT_SITE")
    if not built:
        yield request.getfixturevalue("served_site")
        return
    from conftest import serve

    site = Path(built).resolve()
    assert (site / "index.html").is_file(), f"OGP_BUILT_SITE={built}: no built site there (run make site first)"
    with serve(site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("address", PAGES)
def test_a_changed_page_passes_the_browser_checks(browser, checked_site, address):
    from sweep import axe_violations

    own = urlsplit(checked_site).netloc
    foreign: list[str] = []
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != own
            and foreign.append(r.url))
    response = page.goto(checked_site.rstrip("/") + address, wait_until="networkidle")
    assert response is not None and response.status == 200, address
    assert axe_violations(page) == [], address
    assert foreign == [], address
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1, address
    page.close()
