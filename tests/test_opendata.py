"""Open-data exports on the real sample records: the data package, the Atom feeds and the calendars."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import frictionless
import pytest

from ogp.cli.synthetic import write_dataset
from ogp.records.rules import milestone_key
from ogp.records.validate import validate
from ogp.render.feeds import atom_feed, feed_entries, icalendar
from ogp.render.opendata import list_csv, tables, write_data_package

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
SITE = "https://example.github.io/ogp-mongolia/"
STAMP = dt.datetime(2026, 11, 22, 8, 30, tzinfo=dt.timezone.utc)
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEETING = "data/meetings/2024-05-20-ngo-round-table.yml"
NASTY = "Round table <script>&\"' on budget, audit; review"


def valid_dataset(root: Path):
    data, problems = validate(root, TODAY)
    assert not problems, "\n".join(map(str, problems))
    return data


def assert_valid_package(path: Path):
    report = frictionless.validate(path)
    if not report.valid:
        print(json.dumps(report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"]), indent=1))
    assert report.valid


@pytest.fixture(scope="module")
def sample():
    return valid_dataset(ROOT)


@pytest.fixture(scope="module")
def package(sample, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("package")
    written = write_data_package(sample, out, SITE)
    assert {p.name for p in written} == {"datapackage.json"} | {f"{k}.{ext}" for k in sample.records for ext in ("csv", "json")}
    return out


@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    """A copy of the sample data whose round-table meeting has an English title full of markup and separators."""
    root = tmp_path_factory.mktemp("nasty")
    shutil.copytree(ROOT / "data", root / "data")
    meeting = root / MEETING
    text = meeting.read_text("utf-8")
    changed = re.sub(r"(?m)^title_en: .*$", lambda _: "title_en: " + json.dumps(NASTY), text, count=1)
    assert changed != text
    meeting.write_text(changed, "utf-8")
    return valid_dataset(root)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


# Data package

def test_the_sample_package_is_valid_frictionless(package):
    assert_valid_package(package / "datapackage.json")


def test_package_descriptor_has_keys_and_every_file(package, sample):
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    assert descriptor["name"] == "ogp-repository"
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for kind in sample.records:
        resource = by_name[kind]
        assert (resource["path"], resource["format"], resource["mediatype"], resource["encoding"]) == (
            f"{kind}.csv", "csv", "text/csv", "utf-8")
        assert by_name[f"{kind}-json"]["path"] == f"{kind}.json"
        assert "schema" not in by_name[f"{kind}-json"]
    assert by_name["plan"]["schema"]["primaryKey"] == ["id"]
    assert by_name["milestone"]["schema"]["primaryKey"] == ["commitment", "id"]
    keys = {(kind, fk["fields"][0], fk["reference"]["resource"])
            for kind, r in by_name.items() for fk in r.get("schema", {}).get("foreignKeys", [])}
    assert {("commitment", "plan", "plan"), ("milestone", "commitment", "commitment"), ("meeting", "plan", "plan"),
            ("irm-report", "plan", "plan"), ("cocreation", "plan", "plan")} <= keys
    languages = next(f for f in by_name["evidence"]["schema"]["fields"] if f["name"] == "languages")
    assert languages["type"] == "string" and '";"' in languages["description"] and "constraints" not in languages


def test_frictionless_checks_the_foreign_keys(package, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    commitments = broken / "commitment.csv"
    text = commitments.read_text("utf-8")
    commitments.write_bytes(text.replace(",nap5,", ",nap99,", 1).encode("utf-8"))
    report = frictionless.validate(broken / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_a_dataset_without_some_record_types_gives_a_valid_package(tmp_path):
    write_dataset(tmp_path, commitments=3, milestones_per_commitment=2, meetings=3, evidence=5, organisations=3)
    data = valid_dataset(tmp_path)
    assert not data.records["irm-report"] and not data.records["cocreation"]
    write_data_package(data, tmp_path / "out", SITE)
    assert_valid_package(tmp_path / "out" / "datapackage.json")
    assert len(read_csv(tmp_path / "out" / "irm-report.csv")) == 1  # the header alone
    assert json.loads((tmp_path / "out" / "irm-report.json").read_text("utf-8")) == []


def test_every_record_is_in_its_csv_and_json(package, sample):
    for kind, records in sample.records.items():
        rows = read_csv(package / f"{kind}.csv")
        objects = json.loads((package / f"{kind}.json").read_text("utf-8"))
        assert len(rows) - 1 == len(objects) == len(records), kind
        assert [o["id"] for o in objects] == [row[rows[0].index("id")] for row in rows[1:]]
        assert sorted(o["id"] for o in objects) == sorted(r.id for r in records)


def test_tables_drop_nested_lists_and_lead_with_the_parent(sample):
    all_tables = tables(sample)
    assert "milestones" not in all_tables["commitment"][0]
    assert not {"channels", "inputs"} & set(all_tables["cocreation"][0])
    assert all_tables["milestone"][0][:2] == ["commitment", "id"]
    assert all_tables["channel"][0][0] == all_tables["input"][0][0] == "cocreation"
    keys = [f"{row[0]}.{row[1]}" for row in all_tables["milestone"][1]]
    assert sorted(keys) == sorted(milestone_key(m) for m in sample.records["milestone"])
    assert keys.index("nap5-01.m1") < keys.index("nap5-01.m2") < keys.index("nap5-02.m1")


def test_csv_round_trips_with_cyrillic_and_line_breaks(package, sample):
    rows = read_csv(package / "commitment.csv")
    header, first = rows[0], rows[1]
    record = next(r for r in sample.records["commitment"] if r.id == first[header.index("id")])
    assert first[header.index("title_mn")] == record.values["title_mn"]
    assert "\n" in record.values["problem_mn"]
    assert first[header.index("problem_mn")] == record.values["problem_mn"]
    assert first[header.index("policy_areas")] == ";".join(record.values["policy_areas"])
    assert (package / "commitment.csv").read_bytes().startswith(b"id,plan,number,")  # no BOM, plain header


def test_json_holds_typed_values(package):
    plans = json.loads((package / "plan.json").read_text("utf-8"))
    nap5 = next(p for p in plans if p["id"] == "nap5")
    assert nap5["number"] == 5 and nap5["example"] in (True, None)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", nap5["start"])
    evidence = json.loads((package / "evidence.json").read_text("utf-8"))
    assert all(isinstance(e["languages"], list) for e in evidence)
    assert "Нээлттэй" in (package / "plan.json").read_text("utf-8")  # Cyrillic unescaped


def test_list_csv():
    text = list_csv([{"id": "a", "date": dt.date(2024, 5, 20), "tags": ["x", "y"], "ok": True},
                     {"id": "б, \"в\""}],
                    [("id", "Id"), ("date", "Огноо"), ("tags", "Tags"), ("ok", "OK")])
    assert text.endswith("\r\n")
    assert list(csv.reader(text.splitlines())) == [
        ["Id", "Огноо", "Tags", "OK"], ["a", "2024-05-20", "x;y", "true"], ['б, "в"', "", "", ""]]


# Atom

def feed(data, lang: str) -> ET.Element:
    return ET.fromstring(atom_feed(feed_entries(data), lang, SITE, TODAY))


def test_atom_feeds_parse_and_link_under_their_language(sample):
    completed = [m for m in sample.records["milestone"] if m.values["status"] == "completed"]
    expected = len(sample.records["meeting"]) + len(sample.records["evidence"]) + len(completed)
    assert completed
    for lang, base in (("mn", SITE), ("en", SITE + "en/")):
        root = feed(sample, lang)
        assert root.tag == f"{ATOM}feed" and root.get(XML_LANG) == lang
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == expected
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert len(set(ids)) == len(ids)
        links = [link.get("href") for link in root.iter(f"{ATOM}link")]
        assert links and all(href.startswith(base) for href in links)
        if lang == "mn":
            assert not any(href.startswith(SITE + "en/") for href in links)
        updated = [e.findtext(f"{ATOM}updated") for e in entries]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00\+08:00", u) for u in updated)
        assert updated == sorted(updated, reverse=True)
    titles = [e.findtext(f"{ATOM}title") for e in feed(sample, "mn").findall(f"{ATOM}entry")]
    assert any(re.search("[а-яөү]", t) for t in titles)


def test_the_feed_keeps_the_newest_entries_only(tmp_path):
    from ogp.cli.synthetic import write_dataset

    write_dataset(tmp_path, commitments=2, milestones_per_commitment=1, meetings=80, evidence=90, organisations=2)
    data = valid_dataset(tmp_path)
    entries = feed_entries(data)
    assert len(entries) > 150
    root = ET.fromstring(atom_feed(entries, "en", SITE, TODAY, limit=150))
    ids = [e.findtext(f"{ATOM}id").rsplit("#", 1)[1] for e in root.findall(f"{ATOM}entry")]
    assert ids == [e["id"] for e in entries[:150]]  # newest first: the oldest ones are left out


def test_feed_entries_are_bilingual_and_stable(sample):
    entries = feed_entries(sample)
    assert entries == feed_entries(sample)
    meeting = next(e for e in entries if e["id"] == "meeting:2024-05-20-ngo-round-table")
    assert meeting["path"] == "meetings/2024-05-20-ngo-round-table/"
    assert meeting["summary"]["en"] == "The meeting with civil society was held online."
    assert meeting["summary"]["mn"] == "Иргэний нийгэмтэй хийсэн уулзалт цахимаар болсон."
    milestone = next(e for e in entries if e["id"] == "milestone:nap5-01.m1")
    assert milestone["path"] == "commitments/nap5-01/"
    assert milestone["title"]["en"].startswith("Increasing transparency in the extractive industries: ")


def test_markup_in_a_title_is_escaped_in_the_atom_feed(nasty):
    text = atom_feed(feed_entries(nasty), "en", SITE, TODAY)
    assert "<script>" not in text
    assert "&lt;script&gt;&amp;" in text
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(text).iter(f"{ATOM}entry")]
    assert NASTY in titles


# iCalendar

def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_icalendar_lines_are_crlf_and_folded_at_75_octets(sample):
    for lang in ("mn", "en"):
        text = icalendar(sample, lang, SITE, STAMP)
        assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
        lines = text.split("\r\n")[:-1]
        assert not any("\n" in line or "\r" in line for line in lines)
        assert max(len(line.encode("utf-8")) for line in lines) <= 75
        assert any(line.startswith(" ") for line in lines)  # something long enough to fold
        assert icalendar(sample, lang, SITE, STAMP) == text


def test_icalendar_has_one_event_per_milestone_and_meeting(sample):
    lines = unfold(icalendar(sample, "en", SITE, STAMP))
    uids = [line[4:] for line in lines if line.startswith("UID:")]
    expected = {f"{milestone_key(m)}@ogp-repository" for m in sample.records["milestone"]}
    expected |= {f"{m.id}@ogp-repository" for m in sample.records["meeting"]}
    assert lines.count("BEGIN:VEVENT") == len(uids) == len(expected)
    assert set(uids) == expected
    assert set(line for line in lines if line.startswith("DTSTAMP:")) == {"DTSTAMP:20261122T083000Z"}
    assert {"VERSION:2.0", "PRODID:-//OGP repository//ogp//EN"} <= set(lines)
    start = lines.index("UID:nap5-01.m1@ogp-repository")
    event = lines[start:lines.index("END:VEVENT", start)]
    assert "DTSTART;VALUE=DATE:20241231" in event and "DTEND;VALUE=DATE:20250101" in event
    assert f"URL:{SITE}en/commitments/nap5-01/" in event


def test_a_long_mongolian_summary_survives_folding_exactly(sample):
    summaries = [f"{m.parent.values['title_mn']}: {m.values['title_mn']}" for m in sample.records["milestone"]]
    longest = max(summaries, key=lambda s: len(s.encode("utf-8")))
    assert len(longest.encode("utf-8")) > 150 and "," in longest
    lines = unfold(icalendar(sample, "mn", SITE, STAMP))
    found = [unescape(line[len("SUMMARY:"):]) for line in lines if line.startswith("SUMMARY:")]
    assert longest in found
    assert any("\\," in line for line in lines if line.startswith("SUMMARY:"))


def test_commas_and_semicolons_in_a_title_are_escaped(nasty):
    lines = unfold(icalendar(nasty, "en", SITE, STAMP))
    assert "SUMMARY:Round table <script>&\"' on budget\\, audit\\; review" in lines
