"""``ogp init``: a member that is not Mongolia gets a repository in its own languages that builds and tests itself."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CHROMIUM, ROOT, ogp, serve

from ogp.cli.init import member_mkdocs
from ogp.words import use_languages

# (languages, countries, time zone, prefix): one language; three, with a language Material has no words
# for (Kyrgyz); right to left.
MEMBERS = {
    "es": (["es"], ["República de Ejemplo"], "America/Bogota", "EJ"),
    "ky-ru-en": (["ky", "ru", "en"], ["Kyrgyz Republic", "ky=Кыргыз Республикасы", "ru=Кыргызская Республика"], "Asia/Bishkek", "KG"),
    "ar-fr": (["ar", "fr"], ["ar=جمهورية المثال", "fr=République d'exemple"], "Africa/Tunis", "TN"),
}
GIT = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
       "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_AUTHOR_DATE": "2026-11-30T10:00:00+00:00",
       "GIT_COMMITTER_DATE": "2026-11-30T10:00:00+00:00"}


class Tagged(yaml.SafeLoader):
    """mkdocs.yml as data: its !ENV and python tags read as plain values."""


Tagged.add_multi_constructor("", lambda loader, suffix, node: loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
                             else loader.construct_mapping(node) if isinstance(node, yaml.MappingNode) else loader.construct_scalar(node))


def test_the_members_mkdocs_yml_is_the_samples_with_its_own_words():
    sample = (ROOT / "mkdocs.yml").read_text("utf-8")
    ours, made = yaml.load(sample, Tagged), yaml.load(member_mkdocs(sample, ["mn", "en"]), Tagged)
    news = next(entry for entry in ours["nav"] if "Мэдээ" in entry)
    news["Мэдээ"].remove("news/2024-05-20-ngo-round-table.md")  # the sample's one news item
    for config in (ours, made):
        config.pop("site_description")  # the sample's own wording
        config["plugins"][1]["i18n"]["languages"][1].pop("site_description")
    assert made == ours


def init(tmp_path: Path, name: str) -> Path:
    languages, countries, zone, prefix = MEMBERS[name]
    args = ["init", str(tmp_path / name), "--languages", ",".join(languages), "--timezone", zone, "--member-prefix", prefix]
    for country in countries:
        args += ["--country", country]
    result = ogp(*args, **GIT)
    assert result.returncode == 0, result.stderr
    return tmp_path / name


def test_init_refuses_what_it_cannot_do_in_one_line(tmp_path: Path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full/x").write_text("", "utf-8")
    cases = [(["init", str(tmp_path / "full"), "--country", "X", "--languages", "es", "--timezone", "UTC"], "not empty"),
             (["init", str(tmp_path / "a"), "--country", "X", "--languages", "es,es", "--timezone", "UTC"], "--languages"),
             (["init", str(tmp_path / "b"), "--country", "X", "--languages", "es,en,fr,ru,ky", "--timezone", "UTC"], "--languages"),
             (["init", str(tmp_path / "c"), "--country", "X", "--languages", "es", "--timezone", "Mars/Olympus"], "timezone")]
    for args, said in cases:
        result = ogp(*args)
        assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)


def test_a_new_repository_has_its_settings_pages_and_no_sample_record(tmp_path: Path):
    repo = init(tmp_path, "ky-ru-en")
    settings = yaml.safe_load((repo / "ogp.yml").read_text("utf-8"))
    assert settings["languages"] == ["ky", "ru", "en"] and settings["country"]["ru"] == "Кыргызская Республика"
    assert settings["country"]["en"] == "Kyrgyz Republic" and settings["member_prefix"] == "KG"
    pages = sorted(p.relative_to(repo / "content").as_posix() for p in (repo / "content").rglob("*.md"))
    assert len(pages) == 7 * 3 and "news/index.ru.md" in pages and "forum.ky.md" in pages
    assert not [p for p in (repo / "data").rglob("*") if p.is_file() and p.name != ".gitkeep"]
    assert "Kyrgyz Republic" in (repo / "content/index.en.md").read_text("utf-8")
    assert (repo / "theme_overrides/partials/languages/ky.html").is_file()  # Material has no Kyrgyz words
    assert not (repo / "theme_overrides/partials/languages/ru.html").exists()
    evidence = (repo / ".github/ISSUE_TEMPLATE/evidence.yml").read_text("utf-8")  # the forms in its languages
    assert "id: title_ky" in evidence and "title_mn" not in evidence and "Нотлох" not in evidence
    readme = (repo / "README.md").read_text("utf-8")
    assert "make site" in readme and "Before you go live" in readme and "ky:" in readme  # untranslated counts
    log = subprocess.run(["git", "-C", str(repo), "log", "--format=%s"], capture_output=True, text=True).stdout
    assert log.strip() == "New OGP repository (ogp init)"
    use_languages(["mn", "en"])


def build(repo: Path, site: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(repo), OGP_TODAY="2026-12-01", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=repo,
                          env=env, capture_output=True, text=True)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(MEMBERS))
def test_each_new_repository_builds_strictly_with_its_languages_marked(tmp_path: Path, name):
    repo = init(tmp_path, name)
    result = build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    languages = MEMBERS[name][0]
    for code in languages:
        base = tmp_path / "site" / ("" if code == languages[0] else code)
        assert (base / "search/search_index.json").is_file() and (base / "finder/index.json").is_file()
        pages = [p for p in base.rglob("index.html") if code != languages[0] or p.relative_to(base).parts[0] not in languages]
        assert len(pages) >= 16
        direction = "rtl" if code == "ar" else "ltr"
        for page in pages:
            html = page.read_text("utf-8")
            assert f'<html lang="{code}"' in html and f'<body dir="{direction}"' in html, page
            if "mn" not in languages:  # nothing of the sample's member on another member's pages
                assert not re.findall(r"Mongolia|Монгол|National Council|Үндэсний зөвлөл|\.mn\.md", html), page
    missing = (tmp_path / "site/404.html").read_text("utf-8")  # every language's words, none of the sample's
    assert all(f'<div lang="{code}" dir=' in missing for code in languages[1:]) and "Хуудас" not in missing
    if name == "es":  # its own tests pass too (make test runs them)
        env = dict(os.environ, PYTHONPATH=str(repo))
        tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=repo, env=env,
                               capture_output=True, text=True)
        assert tests.returncode == 0, tests.stdout[-2000:]


@pytest.mark.slow
@pytest.mark.browser
def test_axe_finds_nothing_on_new_repositories_right_to_left_and_in_three_languages(tmp_path: Path, browser):
    from sweep import axe_violations

    assert CHROMIUM.exists()
    found = {}
    for name in ("ar-fr", "ky-ru-en"):
        repo = init(tmp_path, name)
        site = tmp_path / f"site-{name}"
        assert build(repo, site).returncode == 0
        with serve(site) as url:
            page = browser.new_page()
            for code in MEMBERS[name][0]:
                prefix = "" if code == MEMBERS[name][0][0] else f"{code}/"
                for path in ("", "compliance/", "plans/", "contact/"):
                    page.goto(url + prefix + path)
                    found[f"{name}:{prefix}{path}"] = axe_violations(page)
                    assert page.evaluate("document.body.dir") == ("rtl" if code == "ar" else "ltr")
            page.close()
    assert {key: value for key, value in found.items() if value} == {}
    assert len(found) == 4 * 5 and re.match(r"ar-fr:", next(iter(found)))


def test_a_language_the_project_does_not_ship_is_listed_and_can_be_translated_in_the_repository(tmp_path: Path):
    repo = init(tmp_path, "es")
    before = ogp("words", cwd=repo).stdout
    count = int(re.search(r"es: (\d+) of (\d+)", before).group(1))
    assert count > 500
    listing = ogp("words", "es", cwd=repo).stdout
    assert '# pages.plans: "Action plans"' in listing
    (repo / "words").mkdir()
    (repo / "words/es.yml").write_text("pages.plans: Planes de acción\npages:\n  plan: Plan\n", "utf-8")
    after = ogp("words", cwd=repo).stdout
    assert f"es: {count - 2} of" in after and "# pages.plans:" not in ogp("words", "es", cwd=repo).stdout
    from ogp.render.texts import t

    assert t("plans", "es") == "Planes de acción"
    use_languages(["mn", "en"])
