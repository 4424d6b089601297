"""The issue forms and the pull-request template of a repository, in the repository's languages.

GitHub offers ``.github/ISSUE_TEMPLATE/*.yml`` (issue forms) to whoever reports evidence, a meeting, a
milestone's progress or a problem with the site, and ``.github/pull_request_template.md`` to whoever opens
a pull request. Their structure (form ids, field types and ids, required flags, coded option values,
labels) is the data below, the same for every member; every word comes from the catalogue (``forms.*``),
said in each language of the repository and joined with " / " in the repository's order, so that one
form serves readers of every language. A field written once per language (``title_mn``, ``title_en``)
becomes one field per configured language. ``ogp init`` writes these files for a new member;
``scripts/forms.py`` writes them again after the catalogue changes.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from ogp.records.errors import language_name
from ogp.words import has, joined, say

TEMPLATES = ".github/ISSUE_TEMPLATE"
PULL_REQUEST = ".github/pull_request_template.md"
# Placeholders show an example address, never a member's own (the sample's would say "ogp-mongolia").
EXAMPLE_SITE = "https://example.github.io/ogp/"

# Each form: its GitHub labels (scripts/issue-labels.sh creates them), the Markdown at its top (paragraphs
# said once per language, then a notice in bold, joined) and its fields. A field's words are the
# catalogue's forms.<form>.<id>, <id>-description and <id>-options.<value>; "per_language" makes it
# <id>_<code> for every language, "coded" (the default for a dropdown) starts each option with its value,
# which the maintainer copies into the record.
FORMS: dict[str, dict] = {
    "evidence": {"labels": ["evidence"], "paragraphs": "intro", "notice": "public", "fields": [
        {"type": "input", "id": "title", "per_language": True, "required": True},
        {"type": "input", "id": "date", "required": True, "placeholder": "2026-11-10"},
        {"type": "dropdown", "id": "kind", "required": True, "options": [
            "plan", "minutes", "report", "photo", "dataset", "letter", "order", "presentation", "video", "webpage", "other"]},
        {"type": "dropdown", "id": "languages", "required": True, "multiple": True, "options": "languages"},
        {"type": "dropdown", "id": "where", "required": True, "options": ["web", "upload"], "coded": False},
        {"type": "input", "id": "link", "required": False, "placeholder": "https://"},
        {"type": "textarea", "id": "file", "required": False},
        {"type": "textarea", "id": "proves", "required": True, "placeholder": "nap5-01.m2", "example": True},
    ]},
    "meeting": {"labels": ["meeting"], "paragraphs": "intro", "notice": "public", "fields": [
        {"type": "input", "id": "date", "required": True, "placeholder": "2026-10-15"},
        {"type": "dropdown", "id": "type", "required": True, "options": [
            "forum", "civil-society", "outreach", "consultation", "working-group", "other"]},
        {"type": "dropdown", "id": "format", "required": True, "options": ["online", "in-person", "hybrid"]},
        {"type": "input", "id": "title", "per_language": True, "required": True},
        {"type": "input", "id": "plan", "required": False, "placeholder": "nap5"},
        {"type": "textarea", "id": "organisations", "required": True, "placeholder": "cabinet-secretariat", "example": True},
        {"type": "textarea", "id": "minutes", "per_language": True, "required": False},
        {"type": "checkboxes", "id": "checks", "options": [("personal", True)]},
    ]},
    "milestone-status": {"labels": ["milestone-status"], "paragraphs": "intro", "fields": [
        {"type": "input", "id": "commitment", "required": True, "placeholder": "nap5-01"},
        {"type": "input", "id": "milestone", "required": True, "placeholder": "m2"},
        {"type": "dropdown", "id": "status", "required": True, "options": [
            "not-started", "in-progress", "completed", "delayed", "cancelled"]},
        {"type": "input", "id": "progress", "required": False, "placeholder": "60"},
        {"type": "input", "id": "completed", "required": False, "placeholder": "2026-11-10"},
        {"type": "textarea", "id": "evidence", "required": True, "placeholder": "nap5-01-m2-open-data-report"},
        {"type": "textarea", "id": "note", "required": False},
    ]},
    "problem": {"labels": ["problem"], "paragraphs": "public", "fields": [
        {"type": "input", "id": "page", "required": True, "placeholder": EXAMPLE_SITE + "meetings/"},
        {"type": "textarea", "id": "what", "required": True},
        {"type": "checkboxes", "id": "accessibility", "options": [("option", False)]},
        {"type": "input", "id": "device", "required": False},
    ]},
}


def _key(form: str, name: str) -> str:
    """The catalogue key of ``name`` for ``form``: the form's own text when it has one, else the one all forms share."""
    return f"{form}.{name}" if has(f"forms.{form}.{name}") else name


def _texts(key: str, languages: list[str], **params) -> list[str]:
    """``forms.<key>`` in each language, each text once: a language still in English repeats none."""
    return list(dict.fromkeys(say(f"forms.{key}", lang, **params) for lang in languages))


def _joined(key: str, languages: list[str], **params) -> str:
    return " / ".join(_texts(key, languages, **params))


def _name(code: str, lang: str) -> str:
    # Capitalised: an option begins with it ("mn — Монгол"); the catalogue writes names as inside a sentence.
    name = language_name(code, lang)
    return name[:1].upper() + name[1:]


def _field(form: str, spec: dict, languages: list[str]) -> list[dict]:
    """One body element of a form, or one per language for a field written per language."""
    kind, ident = spec["type"], spec["id"]
    if spec.get("per_language"):
        fields = []
        for i, code in enumerate(languages):
            names = {lang: language_name(code, lang) for lang in languages}
            description = f"{ident}-description"
            if has(f"forms.{form}.{description}-one"):  # "write it in every language" only when there are several
                description += "-one" if len(languages) == 1 else "-first" if i == 0 else "-more"
            attributes = {"label": _per(_key(form, f"{ident}-in"), languages, names),
                          "description": _per(f"{form}.{description}", languages, names)}
            fields.append(_element(kind, f"{ident}_{code}", attributes, spec))
        return fields
    attributes = {"label": _joined(_key(form, ident), languages),
                  "description": _joined(_key(form, f"{ident}-description"), languages)}
    if spec.get("multiple"):
        attributes["multiple"] = True
    if spec.get("options") == "languages":
        attributes["options"] = [f"{code} — {' / '.join(dict.fromkeys(_name(code, lang) for lang in languages))}"
                                 for code in languages] + [f"other — {_joined(f'{form}.{ident}-other', languages)}"]
    elif kind == "checkboxes":
        attributes["options"] = [{"label": _joined(f"{form}.{ident}-{name}", languages), "required": required}
                                 for name, required in spec["options"]]
    elif "options" in spec:
        coded = spec.get("coded", True)
        attributes["options"] = [(f"{value} — " if coded else "") + _joined(f"{form}.{ident}-options.{value}", languages)
                                 for value in spec["options"]]
    if "placeholder" in spec:
        example = f"\n{_joined(f'{form}.{ident}-example', languages)}\n" if spec.get("example") else ""
        attributes["placeholder"] = spec["placeholder"] + example
    return [_element(kind, ident, attributes, spec)]


def _per(key: str, languages: list[str], names: dict[str, str]) -> str:
    """A per-language field's text, naming its language in each language ("Title in Spanish")."""
    return " / ".join(dict.fromkeys(say(f"forms.{key}", lang, language=names[lang]) for lang in languages))


def _element(kind: str, ident: str, attributes: dict, spec: dict) -> dict:
    element = {"type": kind, "id": ident, "attributes": attributes}
    if kind != "checkboxes":  # a checkbox says itself whether it must be ticked
        element["validations"] = {"required": spec["required"]}
    return element


def issue_form(form: str, languages: list[str]) -> dict:
    """The issue form ``form`` (a key of :data:`FORMS`) as data, in ``languages``."""
    spec = FORMS[form]
    paragraphs = _texts(_key(form, spec["paragraphs"]), languages)
    if "notice" in spec:
        paragraphs.append(f"**{_joined(_key(form, spec['notice']), languages)}**")
    body = [{"type": "markdown", "attributes": {"value": "\n\n".join(paragraphs) + "\n"}}]
    for field in spec["fields"]:
        body += _field(form, field, languages)
    return {"name": _joined(f"{form}.name", languages), "description": _joined(f"{form}.description", languages),
            "title": _joined(f"{form}.title", languages) + ": ", "labels": tuple(spec["labels"]), "body": body}


def forms(languages: list[str]) -> dict[str, str]:
    """Every issue form, the issue chooser (``config.yml``) and the pull-request template, as
    ``{relative path: text}``, for a repository in ``languages`` (its order: the default first)."""
    languages = list(languages)
    header = "".join(f"# {text}\n" for text in _texts("generated", languages))
    files = {f"{TEMPLATES}/{form}.yml": header + dump(issue_form(form, languages)) for form in FORMS}
    chooser = {"blank_issues_enabled": True, "contact_links": [
        {"name": _joined("config.contact", languages), "#": _texts("config.placeholder", languages),
         "url": EXAMPLE_SITE + "contact/", "about": _joined("config.contact-about", languages)}]}
    comment = "".join(f"# {text}\n" for text in _texts("config.comment", languages))
    files[f"{TEMPLATES}/config.yml"] = header + comment + dump(chooser)
    files[PULL_REQUEST] = pull_request_template(languages)
    return files


def pull_request_template(languages: list[str]) -> str:
    """The checklist a pull request opens with: a heading for the change, then what to check."""
    suffixes = {lang: joined([f"`_{code}`" for code in languages], lang) for lang in languages}
    filled = "pr.check-language" if len(languages) == 1 else "pr.check-languages"
    checks = [" / ".join(dict.fromkeys(say(f"forms.{filled}", lang, suffixes=suffixes[lang]) for lang in languages))]
    checks += [_joined(f"pr.{key}", languages) for key in ("check-valid", "check-linked", "check-personal")]
    lines = [f"<!-- {text} -->" for text in _texts("generated", languages) + _texts("pr.intro", languages)]
    lines += ["", f"## {_joined('pr.changed', languages)}", "", "", "", f"## {_joined('pr.checklist', languages)}", ""]
    return "\n".join(lines + [f"- [ ] {check}" for check in checks]) + "\n"


def write(root: Path, languages: list[str]) -> list[Path]:
    """Write :func:`forms` under ``root``, replacing what is there; the paths written."""
    written = []
    for relative, text in forms(languages).items():
        path = Path(root) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def dump(value, indent: int = 0) -> str:
    """``value`` as block-style YAML that reads like a hand-written form.

    Not yaml.safe_dump: scripts/issue-labels.sh reads ``labels: [...]`` on one line (a tuple here), a
    comment (``"#"`` key) must sit next to the setting it explains, and long texts stay on one line.
    """
    return "".join(line + "\n" for line in _lines(value, indent))


def _lines(value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if key == "#":
                lines += [f"{pad}# {text}" for text in ([item] if isinstance(item, str) else item)]
            elif isinstance(item, (dict, list)):
                lines += [f"{pad}{key}:", *_lines(item, indent + 2)]
            else:
                lines += _scalar(f"{pad}{key}: ", item, indent + 2)
        return lines
    lines = []
    for item in value:
        if isinstance(item, dict):
            inner = _lines(item, indent + 2)
            lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
        else:
            lines += _scalar(f"{pad}- ", item, indent + 2)
    return lines


def _scalar(prefix: str, value, indent: int) -> list[str]:
    if isinstance(value, bool):
        return [prefix + ("true" if value else "false")]
    if isinstance(value, tuple):
        return [prefix + json.dumps(list(value), ensure_ascii=False)]
    if "\n" in value:  # a literal block, kept as typed; "|-" when the text does not end with a new line
        body = [(" " * indent + line) if line else "" for line in value.rstrip("\n").split("\n")]
        return [prefix + ("|" if value.endswith("\n") else "|-"), *body]
    try:  # plain when YAML reads it back as the same text, quoted otherwise (": ", a leading `, a date)
        plain = yaml.safe_load("x: " + value) == {"x": value}
    except yaml.YAMLError:
        plain = False
    return [prefix + (value if plain else json.dumps(value, ensure_ascii=False))]
