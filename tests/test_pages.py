"""Pages generated from the records: one per record in both languages, dashboard numbers, open data."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, mkdocs_build
from frictionless import validate as frictionless_validate

DATA = ROOT / "data"


def ids(folder: str, pattern: str = "*.yml") -> list[str]:
    return sorted(p.stem for p in (DATA / folder).glob(pattern))


def page(site: Path, path: str, lang: str) -> str:
    prefix = "" if lang == "mn" else "en/"
    return (site / prefix / path / "index.html").read_text("utf-8")


def test_every_record_has_its_page_in_both_languages(build):
    expected = [f"plans/{i}/" for i in ids("plans")] + [f"meetings/{i}/" for i in ids("meetings")]
    expected += [f"commitments/{p.stem}/" for p in DATA.glob("commitments/*/*.yml")]
    expected += [f"cocreation/{i}/" for i in ids("cocreation")]
    expected += ["plans/", "meetings/", "evidence/", "organisations/", "irm-reports/", "data-reference/", "open-data/"]
    assert len(expected) > 25
    for path in expected:
        for lang in ("mn", "en"):
            html = page(build.site, path, lang)
            assert f'<html lang="{lang}"' in html, f"{lang} {path}"


def test_titles_come_from_the_records_in_each_language(build):
    record = yaml.safe_load((DATA / "commitments/nap5/nap5-02.yml").read_text("utf-8"))
    for lang in ("mn", "en"):
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page(build.site, "commitments/nap5-02", lang), re.S).group(1)
        assert record[f"title_{lang}"] in h1


def test_every_evidence_item_is_in_a_folder_page_and_files_are_published(build):
    index = page(build.site, "evidence", "mn")
    folders = {p.parent.name: p.read_text("utf-8") for p in (build.site / "evidence").glob("*/index.html")}
    # One page per folder (a commitment, co-creation, the rest), each listed on the index.
    assert "nap5-01" in folders and all(f'href="{key}/"' in index for key in folders)
    for item in ids("evidence"):
        assert any(f'id="{item}"' in html for html in folders.values()), item
        record = yaml.safe_load((DATA / "evidence" / f"{item}.yml").read_text("utf-8"))
        if record.get("file"):
            published = build.site / record["file"][len("data/"):]
            assert published.read_bytes() == (ROOT / record["file"]).read_bytes()
            assert not (build.site / "en" / record["file"][len("data/"):]).exists(), "evidence files are not copied twice"


def test_dashboard_numbers_match_the_records(build):
    milestones = [m for p in DATA.glob("commitments/nap5/*.yml")
                  for m in yaml.safe_load(p.read_text("utf-8"))["milestones"]]
    done = sum(1 for m in milestones if m["status"] == "completed")
    overdue = sum(1 for m in milestones if m["status"] not in ("completed", "cancelled") and str(m["due"]) < "2026-11-22")
    for lang in ("mn", "en"):
        html = page(build.site, "", lang)
        assert f"({done} / {len(milestones)})" in html
        assert f'<progress value="{round(100 * done / len(milestones))}" max="100"' in html
        section = html.split('id="overdue-milestones"' if lang == "en" else 'id="хугацаа-хэтэрсэн-үе-шатууд"')[1].split("<h3")[0]
        assert len(re.findall(r"<tr[ >]", section)) - 1 == overdue
        # The chart is text in the page's font: each status and its number, as in the table after it.
        chart = re.search(r'<ul class="ogp-bars">(.*?)</ul>', html).group(1)
        bars = re.findall(r'ogp-bars__label">([^<]+)</span>.*?ogp-bars__value">(\d+)<', chart)
        table = html.split('<ul class="ogp-bars">')[1].split("</table>")[0]
        assert bars and all(f">{n}</td>" in table for _, n in bars)
        assert all(label in table for label, _ in bars)


def test_open_data_is_published_and_valid(build):
    report = frictionless_validate(build.site / "data/datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert (build.site / "feed.xml").read_text("utf-8").count("<entry>") > 5
    assert 'xml:lang="en"' in (build.site / "en/feed.xml").read_text("utf-8")
    assert (build.site / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    for lang in ("mn", "en"):
        assert re.search(r'href="(\.\./)+data/meeting\.csv"', page(build.site, "meetings", lang))


@pytest.mark.slow
def test_removed_record_loses_its_pages(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    assert mkdocs_build(project, tmp_path / "site1").returncode == 0
    meeting = "2023-07-04-round-table"
    assert (project / f"content/meetings/{meeting}.mn.md").exists()
    (project / f"data/meetings/{meeting}.yml").unlink()
    result = mkdocs_build(project, tmp_path / "site2")
    assert result.returncode == 0, result.stderr
    assert not (project / f"content/meetings/{meeting}.mn.md").exists()
    assert not (tmp_path / f"site2/meetings/{meeting}/index.html").exists()
    assert meeting not in (tmp_path / "site2/data/meeting.csv").read_text("utf-8")


def test_generated_pages_never_replace_hand_written_ones(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    shutil.rmtree(project / "content/plans", ignore_errors=True)
    hand = project / "content/plans/nap5.mn.md"
    hand.parent.mkdir(parents=True)
    hand.write_text("# Гараар бичсэн\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "content/plans/nap5.mn.md" in result.stderr and "Traceback" not in result.stderr
    assert hand.read_text("utf-8") == "# Гараар бичсэн\n"


def test_readers_see_dates_in_words_and_names_not_ids_on_the_compliance_page(build):
    # ISO dates stay in data files and attributes; the page's text says them as a reader reads them.
    for lang, words_of_a_date in (("mn", "2023 оны 12 дугаар сарын 20"), ("en", "20 December 2023")):
        html = page(build.site, "compliance", lang)
        text = re.sub(r"<code>.*?</code>|<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))
        assert words_of_a_date in text
        assert not re.search(r"\b(id|file|opens|closes|date): ", text), re.search(r".{40}\b(id|file|opens|closes|date): .{40}", text)
        prose = re.sub(r"git checkout \S+ &amp;&amp; ogp compliance --as-of \S+|--format='[^']*'", "", html)
        assert not re.search(r"(?<![\w/-])\d{4}-\d\d-\d\d(?![\w/-])", re.sub(r"<[^>]+>", " ", prose)), lang


def test_wide_tables_get_labelled_cells_and_narrow_ones_stay_as_they_are():
    from ogp.render.tables import stackable_tables

    wide = ('<table>\n<thead>\n<tr>\n<th>Date</th>\n<th style="text-align: left;">Say "hi" &amp; <em>go</em></th>\n'
            '<th>N</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1 May</td>\n<td style="text-align: left;">x</td>\n<td>3</td>\n</tr>\n'
            '</tbody>\n</table>')
    out = stackable_tables(wide)
    assert out.startswith('<table role="table" data-ogp-stack="">') and out.count('role="row"') == 2
    assert '<td role="cell" data-label="Date">1 May</td>' in out
    assert '<td role="cell" data-label="Say &quot;hi&quot; &amp; go" style="text-align: left;">x</td>' in out
    assert '<th role="columnheader" style="text-align: left;">' in out and "<thead role=\"rowgroup\">" in out
    narrow = "<table>\n<thead>\n<tr>\n<th>Fact</th>\n<th>Value</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>"
    assert stackable_tables(narrow) == narrow


def test_coded_values_are_words_on_a_commitment_page(build):
    for lang, area in (("mn", "Олборлох үйлдвэрлэл"), ("en", "Extractive industries")):
        html = page(build.site, "commitments/nap5-01", lang)
        assert area in html and "extractive-industries" not in re.sub(r"<[^>]+>", " ", html)
        assert '<h3 id="m1">1. ' in html  # the milestone's number, its id kept as the anchor
    from ogp.render.labels import label
    assert label("policy_area", "water-supply", "mn") == "Water supply"  # a member's own key, read as words
