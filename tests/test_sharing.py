"""A page shared or found: its own description, the feed of its language, Open Graph and Twitter cards, robots.txt."""
from __future__ import annotations

import re

from conftest import ROOT

from ogp.render.md import summary


def pages(site):
    return [p for p in site.rglob("index.html") if "assets" not in p.parts]


def test_every_page_has_its_own_description_and_the_feed_of_its_language(build):
    descriptions = {}
    for page in pages(build.site):
        html = page.read_text("utf-8")
        english = page.relative_to(build.site).parts[0] == "en"
        found = re.findall(r'<meta name="description" content="([^"]*)"', html)
        assert len(found) == 1 and found[0], page
        descriptions[page] = found[0]
        feed = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', html)
        assert feed and feed.group(1).endswith("en/feed.xml" if english else "feed.xml"), page
        assert (english and "/en/" in feed.group(1) or not english and "en/" not in feed.group(1)), (page, feed.group(1))
        for prop in ("og:title", "og:type", "og:locale", "og:description"):
            assert f'<meta property="{prop}" content="' in html, (page, prop)
        assert '<meta name="twitter:card" content="summary">' in html
    # Not one description for the whole site: most pages say something of their own.
    assert len(set(descriptions.values())) > 0.6 * len(descriptions), len(set(descriptions.values()))


def test_robots_txt_names_the_sitemap(build):
    robots = (build.site / "robots.txt").read_text("utf-8")
    assert robots.startswith("User-agent: *\nAllow: /\n") and re.search(r"^Sitemap: https?://\S+/sitemap\.xml$", robots, re.M)


def test_the_summary_of_a_page_is_its_first_paragraph_in_plain_text():
    text = "# Title\n\n| a | b |\n|---|---|\n\n!!! note\n    x\n\nSee [the **plan**](plans/index.md) and `code`. " + "word " * 60
    got = summary(text)
    assert got.startswith("See the plan and code. word") and got.endswith("…") and len(got) <= 160
    assert summary("# Only a title\n") == "" and summary((ROOT / "content/index.en.md").read_text("utf-8")).startswith("This is")


def test_titles_fit_a_search_result_and_the_footer_speaks_the_page_s_language(build):
    import html as html_module

    for page in pages(build.site):
        text = page.read_text("utf-8")
        title = html_module.unescape(re.search(r"<title>([^<]*)</title>", text).group(1))
        assert len(title) <= 70, (page, title)
        footer = text[text.index('class="md-copyright"'):]
        english = page.relative_to(build.site).parts[0] == "en"
        assert "Made with" not in footer, page
        assert ("Built with" in footer) == english and ("хэрэгслээр бүтээв" in footer) == (not english), page


def test_a_description_written_by_an_editor_cannot_break_out_of_its_attribute(tmp_path):
    from conftest import mkdocs_build, tiny_project

    hostile = '---\ndescription: \'Budget" onmouseover="alert(1)\'\n---\n\n# Нүүр\n\nТекст.\n'
    project = tiny_project(tmp_path / "p", {"content/index.mn.md": hostile, "content/index.en.md": "# Home\n\nText with \"quotes\" & <b>tags</b>.\n"})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    mn = (tmp_path / "site/index.html").read_text("utf-8")
    en = (tmp_path / "site/en/index.html").read_text("utf-8")
    assert '<meta name="description" content="Budget&quot; onmouseover=&quot;alert(1)">' in mn
    assert 'onmouseover="alert' not in mn
    assert '<meta name="description" content="Text with &quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;.">' in en


def test_the_sitemap_dates_a_record_page_by_its_record_s_last_change_not_by_the_build(tmp_path):
    import datetime as dt
    import os
    import subprocess

    from conftest import copy_project, mkdocs_build

    root = copy_project(tmp_path / "p")

    def commit(message: str, when: str) -> None:
        env = dict(os.environ, GIT_AUTHOR_NAME="E", GIT_AUTHOR_EMAIL="e@example.org", GIT_COMMITTER_NAME="E",
                   GIT_COMMITTER_EMAIL="e@example.org", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, check=True, env=env)

    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    commit("sample", "2026-11-01T10:00:00+08:00")
    path = root / "data/meetings/2024-05-20-ngo-round-table.yml"
    path.write_text(path.read_text("utf-8").replace("title_en: ", "title_en: Renamed - ", 1), "utf-8")
    commit("rename a meeting", "2026-11-10T10:00:00+08:00")
    assert mkdocs_build(root, tmp_path / "site").returncode == 0
    sitemap = (tmp_path / "site/sitemap.xml").read_text("utf-8")
    rows = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))
    meeting = next(loc for loc in rows if loc.endswith("/meetings/2024-05-20-ngo-round-table/") and "/en/" not in loc)
    assert rows[meeting] == "2026-11-10"  # the day its record changed
    other = next(loc for loc in rows if "/meetings/2023-07-04-forum-meeting/" in loc)
    assert rows[other] == "2026-11-01"
    assert max(v for v in rows.values() if v) <= dt.date.today().isoformat()
    contact = next(loc for loc in rows if loc.endswith("/contact/"))
    assert rows[contact] == ""  # a hand-written page: no date rather than the build's
