"""The real project builds strictly, in both languages, with the switcher and anchors right."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from conftest import LANGS, ROOT, built_html, hand_written_stems, mkdocs_build, page_url

STEMS = hand_written_stems()


class Tags(HTMLParser):
    """Collects start tags as (name, attrs dict)."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_project_has_pages():
    # Guards the tests below against passing on an empty content folder.
    assert {"index", "participate", "forum", "contact", "accessibility", "news/index"} <= set(STEMS)


def test_strict_build_prints_no_warning(build):
    assert "WARNING" not in build.log, build.log
    assert "ERROR" not in build.log, build.log


def test_every_page_exists_in_both_languages_with_its_lang(build):
    for stem in STEMS:
        for lang in LANGS:
            html = built_html(build.site, stem, lang)
            assert html.is_file(), f"{stem} has no {lang} page at {html}"
            root = Tags(html.read_text(encoding="utf-8")).find("html")
            assert root and root[0].get("lang") == lang, f"{html}: <html lang> is {root[0].get('lang')!r}"


def test_mongolian_pages_are_mongolian(build):
    # The lang attribute alone could lie: the text under / must be Cyrillic, under /en/ Latin.
    for stem in STEMS:
        mn = built_html(build.site, stem, "mn").read_text(encoding="utf-8")
        en = built_html(build.site, stem, "en").read_text(encoding="utf-8")
        mn_h1 = re.search(r"<h1[^>]*>(.*?)</h1>", mn, re.S).group(1)
        en_h1 = re.search(r"<h1[^>]*>(.*?)</h1>", en, re.S).group(1)
        assert re.search("[А-Яа-яӨөҮүЁё]", mn_h1), f"{stem}: Mongolian title {mn_h1!r}"
        assert not re.search("[А-Яа-яӨөҮү]", en_h1), f"{stem}: English title {en_h1!r}"


def test_language_switcher_links_each_page_to_its_counterpart(build):
    for stem in STEMS:
        for lang in LANGS:
            html = built_html(build.site, stem, lang)
            page = "/" + ("" if lang == "mn" else "en/") + page_url(stem)
            links = {a["hreflang"]: a["href"] for a in Tags(html.read_text("utf-8")).find("a", **{"class": "md-select__link"})}
            assert set(links) == set(LANGS), f"{html}: switcher offers {sorted(links)}"
            for other in LANGS:
                target = "/" + ("" if other == "mn" else "en/") + page_url(stem)
                assert urljoin(page, links[other]) == target, f"{html}: {other} link {links[other]}"


def test_cyrillic_headings_get_readable_anchors(build):
    ids = []
    for stem in STEMS:
        text = built_html(build.site, stem, "mn").read_text("utf-8")
        ids += [unquote(i) for i in re.findall(r'<h[2-6] id="([^"]+)"', text)]
    assert ids, "no h2-h6 headings with ids on Mongolian pages"
    numbered = [i for i in ids if re.fullmatch(r"_\d+", i)]
    assert not numbered, f"anchors without words: {numbered}"
    assert any(re.search("[а-яөү]", i) for i in ids)


def test_search_dialog_has_a_name_in_each_language(build):
    for lang, label in (("mn", "Сайтаас хайх"), ("en", "Search this site")):
        html = built_html(build.site, "index", lang).read_text("utf-8")
        dialogs = Tags(html).find("div", role="dialog")
        assert dialogs and dialogs[0].get("aria-label") == label


def test_footer_copyright_contrast_fix_is_published(build):
    css = (build.site / "assets/stylesheets/ogp.css").read_text("utf-8")
    assert re.search(r"\.md-copyright\s*{[^}]*--md-footer-fg-color--light\)", css)
    for lang in LANGS:
        html = built_html(build.site, "contact", lang).read_text("utf-8")
        stylesheets = [a["href"] for a in Tags(html).find("link", rel="stylesheet")]
        assert any(h.endswith("assets/stylesheets/ogp.css") for h in stylesheets), stylesheets


@pytest.mark.slow
def test_site_url_comes_from_the_environment(tmp_path: Path):
    result = mkdocs_build(ROOT, tmp_path / "site", OGP_SITE_URL="https://example.org/ogp-mn/")
    assert result.returncode == 0, result.stderr
    mn = (tmp_path / "site/contact/index.html").read_text("utf-8")
    en = (tmp_path / "site/en/contact/index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://example.org/ogp-mn/contact/">' in mn
    assert '<link rel="canonical" href="https://example.org/ogp-mn/en/contact/">' in en


def test_inline_english_in_mongolian_pages_is_marked(build):
    html = built_html(build.site, "news/2024-05-20-ngo-round-table", "mn").read_text("utf-8")
    assert '<span lang="en">The Asia Foundation</span>' in html
