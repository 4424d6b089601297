"""The issue forms and the pull-request template: made from the catalogue in the repository's languages."""
from __future__ import annotations

import contextlib
import re

import pytest
import yaml
from conftest import ROOT

import ogp.words as w
from ogp.cli.forms import FORMS, PULL_REQUEST, TEMPLATES, dump, forms
from ogp.records.repository import site_names, use_repository

ID = re.compile(r"[A-Za-z0-9_-]+")
CYRILLIC = re.compile("[\u0400-\u04ff]")


@contextlib.contextmanager
def member(languages: list[str], country: dict, forum: dict, words_folder=None):
    """The catalogue set for another member (as ``ogp init`` sets it), and the sample's again afterwards."""
    try:
        w.use_languages(languages, words_folder, site_names(country, forum, "UTC"))
        yield forms(languages)
    finally:
        use_repository(ROOT)  # languages, words and names: use_languages(["mn", "en"]) alone keeps the member's names


def issue_forms(files: dict[str, str]) -> dict[str, dict]:
    """Every issue form, read as YAML and checked against GitHub's issue-form schema (the keys it requires)."""
    read = {}
    for form in FORMS:
        data = yaml.safe_load(files[f"{TEMPLATES}/{form}.yml"])
        assert list(data) == ["name", "description", "title", "labels", "body"], form
        assert all(isinstance(data[key], str) and data[key].strip() for key in ("name", "description", "title"))
        ids = [item["id"] for item in data["body"] if "id" in item]
        assert len(ids) == len(set(ids)) and all(ID.fullmatch(ident) for ident in ids), form
        for item in data["body"]:
            assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
            attributes = item["attributes"]
            if item["type"] == "markdown":
                assert set(item) == {"type", "attributes"} and attributes["value"].strip()
                continue
            assert attributes["label"].strip() and "id" in item, (form, item)
            if item["type"] == "checkboxes":
                assert all(set(option) == {"label", "required"} for option in attributes["options"])
            else:
                assert isinstance(item["validations"]["required"], bool)
            if item["type"] == "dropdown":
                options = attributes["options"]
                assert options and len(options) == len(set(options)) and all(isinstance(o, str) and o for o in options)
        read[form] = data
    return read


def test_the_samples_committed_forms_are_the_generated_ones():
    # Nobody edits them by hand: change ogp/words/*.yml (forms.*) and run scripts/forms.py.
    files = forms(["mn", "en"])
    for relative, text in files.items():
        assert (ROOT / relative).read_text("utf-8") == text, f"{relative}: run scripts/forms.py"
    assert {p.relative_to(ROOT).as_posix() for p in (ROOT / TEMPLATES).iterdir()} | {PULL_REQUEST} == set(files)
    sample = issue_forms(files)
    assert [item.get("id") for item in sample["evidence"]["body"]][1:3] == ["title_mn", "title_en"]
    assert sample["meeting"]["name"] == "Хурал, уулзалт / Meeting" and sample["evidence"]["title"] == "Нотлох баримт / Evidence: "
    config = yaml.safe_load(files[f"{TEMPLATES}/config.yml"])
    assert config["blank_issues_enabled"] is True and set(config["contact_links"][0]) == {"name", "url", "about"}
    assert "# Replace this placeholder" in files[f"{TEMPLATES}/config.yml"]


def test_a_spanish_member_gets_spanish_forms_with_no_trace_of_mongolia():
    with member(["es"], {"es": "República de Ejemplo"}, {"es": "Mesa de Gobierno Abierto"}) as files:
        read = issue_forms(files)
    sample = issue_forms(forms(["mn", "en"]))
    for relative, text in files.items():
        assert not CYRILLIC.search(text) and " / " not in text, relative
        assert not re.search(r"Mongolia|National Council|ogp-mongolia|_mn\b", text), relative
    for form, data in read.items():
        assert data["labels"] == sample[form]["labels"], form  # scripts/issue-labels.sh creates these
        ids = [item.get("id") for item in data["body"]]
        assert [i for i in ids if i and i.startswith(("title_", "minutes_"))] == [i for i in ids if i and i.endswith("_es")]
    evidence = {item.get("id"): item for item in read["evidence"]["body"]}
    assert "title_es" in evidence and "title_mn" not in evidence
    assert evidence["title_es"]["attributes"]["label"] == "Title in Spanish"
    assert [o.split(" — ")[0] for o in evidence["languages"]["attributes"]["options"]] == ["es", "other"]
    kinds = [o.split(" — ")[0] for o in evidence["kind"]["attributes"]["options"]]
    assert kinds[:2] == ["plan", "minutes"] and kinds[-1] == "other"
    meeting = {item.get("id"): item for item in read["meeting"]["body"]}
    assert "(Mesa de Gobierno Abierto)" in meeting["type"]["attributes"]["options"][0]
    assert "every language" not in meeting["minutes_es"]["attributes"]["description"]  # one language: no "every"
    template = files[PULL_REQUEST]
    assert template.startswith("<!-- ") and "\n## What changed?\n" in template and "\n## Checklist\n" in template
    assert "- [ ] Every text field (`_es`) is filled in\n" in template and template.count("- [ ] ") == 4
    assert yaml.safe_load(files[f"{TEMPLATES}/config.yml"])["contact_links"][0]["url"].startswith("https://example.github.io/ogp/")


def test_three_languages_give_three_fields_and_texts_joined_in_their_order(tmp_path):
    (tmp_path / "ky.yml").write_text("forms:\n  title-in: 'Аталышы ({language})'\n  evidence:\n    name: Далилдер\n", "utf-8")
    (tmp_path / "ru.yml").write_text("forms:\n  title-in: 'Название ({language})'\n  evidence:\n    name: Доказательства\n", "utf-8")
    names = {"ky": "Кыргыз Республикасы", "ru": "Кыргызская Республика", "en": "Kyrgyz Republic"}
    with member(["ky", "ru", "en"], names, {code: w.say("init.forum_default", code) for code in names}, tmp_path) as files:
        read = issue_forms(files)
    evidence = {item.get("id"): item for item in read["evidence"]["body"]}
    assert [i for i in evidence if i and i.startswith("title_")] == ["title_ky", "title_ru", "title_en"]
    assert evidence["title_ky"]["attributes"]["label"] == "Аталышы (Kyrgyz) / Название (Kyrgyz) / Title in Kyrgyz"
    assert evidence["title_en"]["attributes"]["label"] == "Аталышы (English) / Название (English) / Title in English"
    assert read["evidence"]["name"] == "Далилдер / Доказательства / Evidence"
    assert read["meeting"]["name"] == "Meeting"  # two languages still in English: said once, not three times
    assert [o.split(" — ")[0] for o in evidence["languages"]["attributes"]["options"]] == ["ky", "ru", "en", "other"]
    meeting = {item.get("id"): item for item in read["meeting"]["body"]}
    assert [i for i in meeting if i and i.startswith("minutes_")] == ["minutes_ky", "minutes_ru", "minutes_en"]
    assert "every language" in meeting["minutes_ky"]["attributes"]["description"]
    assert meeting["type"]["attributes"]["options"][0] == "forum — Meeting of the multi-stakeholder forum"  # no name of its own
    assert "(`_ky`, `_ru` and `_en`)" in files[PULL_REQUEST]


def test_every_forms_text_is_in_mongolian_too():
    english = {key for key in w.keys("en") if key.startswith("forms.")}
    assert len(english) > 100
    assert sorted(english - w.keys("mn")) == [], "forms.* texts missing in ogp/words/mn.yml"
    for data in issue_forms(forms(["mn"])).values():  # Mongolian only: every label is Mongolian
        labels = [item["attributes"]["label"] for item in data["body"] if "label" in item["attributes"]]
        assert all(CYRILLIC.search(label) for label in [data["name"], *labels]), labels


@pytest.mark.parametrize("value", ["a: b", "`code`", "2026-11-10", "60", "yes", "x #y", "- item", "{a}", "'q'", 'say "hi"',
                                   "line one\nline two\n", "no newline\nat the end", "trailing ", ""])
def test_the_yaml_writer_reads_back_as_written(value):
    data = {"key": value, "list": [value, {"inner": value, "#": "a comment"}], "labels": ("evidence",)}
    assert yaml.safe_load(dump(data)) == {"key": value, "list": [value, {"inner": value}], "labels": ["evidence"]}
