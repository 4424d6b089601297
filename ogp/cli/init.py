"""``ogp init PATH``: a new, empty repository for an OGP member, ready for ``make site`` and ``make test``.

The new repository holds a copy of the tool (the ``ogp`` package, the hooks, the
theme overrides, the scripts, the Makefile, the pins, the workflows) taken from
the clone ``ogp`` runs from, and the member's own parts written fresh: ``ogp.yml``,
``mkdocs.yml`` (the sample's, with the member's names, languages and menu),
starting pages in each language, empty ``data/`` folders, a README, CONTRIBUTING,
a test of its own site, and the issue forms and pull-request template in its
languages (:mod:`ogp.cli.forms`). No sample record is copied. Texts come from the
word catalogue; a language the project does not ship starts in English, and the
build lists what is left to translate.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ogp.build.upstream import MATERIAL_LANGUAGES
from ogp.cli.forms import write as write_forms
from ogp.records.repository import LANGUAGE, MAX_LANGUAGES, site_names
from ogp.words import language, missing, say, shipped, use_languages
from ogp.words.said import Said

TOOL_ROOT = Path(__file__).resolve().parents[2]
# What a member's repository shares with the tool, copied as it is.
TOOL_PARTS = ["ogp", "hooks", "theme_overrides", "scripts", "Makefile", "pyproject.toml", "requirements.txt",
              "requirements-dev.txt", "requirements-uv.txt", ".gitignore", ".github"]
DATA_FOLDERS = ["plans", "commitments", "meetings", "evidence", "organisations", "cocreation", "irm-reports", "files"]
PAGES = ["index", "participate", "forum", "contact", "accessibility", "open-data", "news/index"]
# The menu: (catalogue key, page) or (catalogue key, [entries]); the same shape as the sample's.
NAV = [("home", "index.md"),
       ("repository", [("plans", "plans/index.md"), ("meetings", "meetings/index.md"), ("evidence", "evidence/index.md"),
                       ("organisations", "organisations/index.md"), ("irm-reports", "irm-reports/index.md"),
                       ("finder", "finder.md"), ("open-data", "open-data.md"), ("compliance", "compliance.md"),
                       ("updates", "updates.md")]),
       ("participate", "participate.md"), ("forum", "forum.md"), ("news", [("all-news", "news/index.md")]),
       ("contact", "contact.md"), ("accessibility", "accessibility.md"), ("data-reference", "data-reference.md")]


class InitError(Said):
    """The repository cannot be created as asked; ``init.error-*`` says why and what to do."""


def names(values: list[str], languages: list[str]) -> dict[str, str]:
    """``--country NAME`` names it in every language, ``--country ky=NAME`` in one (it wins); "" where none is given."""
    coded = {code: text.strip() for code, sep, text in (v.partition("=") for v in values) if sep and code in languages}
    plain = [v.strip() for v in values if v.partition("=")[0] not in coded]
    return {code: coded.get(code) or (plain[-1] if plain else "") for code in languages}


def init(path: Path, country: list[str], languages: list[str], timezone: str, prefix: str = "",
         forum: list[str] | None = None, today: dt.date | None = None) -> Path:
    """Create the repository at ``path``; InitError when it cannot (a non-empty folder, bad options)."""
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        raise InitError("init.error-not-empty", path=path)
    if not 1 <= len(languages) <= MAX_LANGUAGES or len(set(languages)) != len(languages) or \
            not all(LANGUAGE.fullmatch(code) for code in languages):
        raise InitError("init.error-languages", codes=",".join(languages), max=MAX_LANGUAGES)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InitError("init.error-timezone", timezone=timezone) from None
    if not (TOOL_ROOT / "hooks").is_dir():
        raise InitError("init.error-no-clone", tool=TOOL_ROOT)
    use_languages(languages)  # the catalogue's words in the new languages, for the texts written below
    forum_names = {code: name or say("init.forum_default", code) for code, name in names(forum or [], languages).items()}
    site = {"country": names(country, languages), "forum": forum_names}
    if not all(site["country"].values()):
        raise InitError("init.error-country")
    use_languages(languages, None, site_names(site["country"], site["forum"], timezone))
    for part in TOOL_PARTS:
        source, target = TOOL_ROOT / part, path / part
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    write_forms(path, languages)  # the copied issue forms are the sample's, in Mongolian and English
    _write(path / "ogp.yml", settings_file(site, languages, timezone, prefix))
    _write(path / "mkdocs.yml", member_mkdocs((TOOL_ROOT / "mkdocs.yml").read_text("utf-8"), languages))
    day = (today or dt.date.today()).isoformat()
    for page in PAGES:
        for code in languages:
            title = say("init.site_name", code)
            _write(path / "content" / f"{page}.{code}.md", say(f"init.pages.{page.replace('/', '-')}", code, site_name=title, date=day))
    for folder in DATA_FOLDERS:
        _write(path / "data" / folder / ".gitkeep", "")
    for code in languages:
        partial = path / "theme_overrides/partials/languages" / f"{code}.html"
        if not (MATERIAL_LANGUAGES / f"{code}.html").is_file() and not partial.is_file():
            # Material has no words for it: its own direction, and English for the rest (partials/language.html).
            _write(partial, '{% macro t(key) %}{{ {"language": "' + code + '", "direction": "' + language(code)["dir"]
                   + '"}[key] }}{% endmacro %}\n')
    _write(path / "tests/test_site.py", (Path(__file__).parent / "templates/test_site.py").read_text("utf-8"))
    _write(path / "README.md", readme(site, languages))
    _write(path / "CONTRIBUTING.md", "\n\n".join(say("init.contributing", code) for code in languages))
    _git(path)
    return path


def settings_file(site: dict, languages: list[str], timezone: str, prefix: str) -> str:
    """The member's ``ogp.yml``."""
    def mapping(values: dict) -> str:
        return "\n".join(f"  {code}: {json.dumps(text, ensure_ascii=False)}" for code, text in values.items())
    lines = ["# The member's settings; every key is explained in README.md of the tool (\"Settings file\").",
             "country:", mapping(site["country"]), f"member_prefix: {prefix}" if prefix else "# member_prefix: XX",
             f"languages: [{', '.join(languages)}]", f"timezone: {timezone}", "forum:", mapping(site["forum"]),
             'repository: ""', "updates:", "  year: calendar", "  halves: false", ""]
    return "\n".join(lines)


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def member_mkdocs(sample: str, languages: list[str]) -> str:
    """The sample's ``mkdocs.yml`` with the member's site texts, languages and menu (every other key kept)."""
    first = languages[0]

    def swap(pattern: str, new: str, text: str) -> str:
        changed, count = re.subn(pattern, lambda _: new, text, count=1, flags=re.M | re.S)
        if count != 1:
            raise InitError("init.error-outdated", pattern=repr(pattern))
        return changed

    text = sample
    for key in ("site_name", "site_description", "copyright"):
        text = swap(rf"^{key}: .*?$", f"{key}: {_yaml(say(f'init.{key}', first))}", text)
    text = swap(r"^  language: \w+$", f"  language: {first}", text)
    block = []
    for code in languages:
        block += [f"        - locale: {code}", f"          name: {_yaml(language(code)['name'])}"]
        block += ["          default: true"] if code == first else []
        block += ["          build: true"]
        if code != first:
            block += [f"          {key}: {_yaml(say(f'init.{key}', code))}" for key in ("site_name", "site_description", "copyright")]
            block += ["          nav_translations:"]
            block += [f"            {_yaml(say(f'init.nav.{key}', first))}: {_yaml(say(f'init.nav.{key}', code))}"
                      for key in _nav_keys()]
    text = swap(r"^      languages:\n.*?(?=\n\nnav:)", "      languages:\n" + "\n".join(block), text)
    nav = ["nav:"]
    for key, target in NAV:
        if isinstance(target, str):
            nav.append(f"  - {_yaml(say(f'init.nav.{key}', first))}: {target}")
        else:
            nav.append(f"  - {_yaml(say(f'init.nav.{key}', first))}:")
            nav += [f"      - {_yaml(say(f'init.nav.{sub}', first))}: {page}" for sub, page in target]
    return swap(r"^nav:\n.*?(?=\n\n)", "\n".join(nav), text)


def _nav_keys() -> list[str]:
    keys = []
    for key, target in NAV:
        keys.append(key)
        if not isinstance(target, str):
            keys += [sub for sub, _ in target]
    return keys


def readme(site: dict, languages: list[str]) -> str:
    """The member repository's README: the two commands and what to do before going live."""
    first = languages[0]
    untranslated = [code for code in languages if code not in shipped()]
    lang = "en" if "en" in languages else first
    text = say("init.readme", lang, site_name=say("init.site_name", first))
    if untranslated:
        counts = ", ".join(f"{code}: {len(missing(code))}" for code in untranslated)
        text += "\n" + say("init.readme_untranslated", lang, counts=counts) + "\n"
    return text


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _git(path: Path) -> None:
    """``git init`` on ``main``, and a first commit when git knows who is committing."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    who = subprocess.run(["git", "-C", str(path), "var", "GIT_COMMITTER_IDENT"], capture_output=True, text=True)
    if who.returncode == 0:
        subprocess.run(["git", "-C", str(path), "add", "-A"], check=True)
        subprocess.run(["git", "-C", str(path), "commit", "-q", "-m", "New OGP repository (ogp init)"], check=True)
