"""The site's languages in ``mkdocs.yml`` must be the repository's (``ogp.yml``), in the same order.

mkdocs-static-i18n reads its languages from ``mkdocs.yml``; everything else (records,
pages, words, feeds) from ``ogp.yml``. ``ogp init`` writes both; this check stops a
build whose two lists have drifted apart, naming the line of ``mkdocs.yml`` to change.
"""
from __future__ import annotations

from pathlib import Path

from ogp.build.upstream import I18N_PLUGIN
from ogp.records.errors import Problem


def language_problems(config, languages: tuple[str, ...]) -> list[Problem]:
    """A problem when the i18n languages (default first) or ``theme.language`` differ from ``languages``."""
    plugin = config.plugins.get(I18N_PLUGIN)
    if plugin is None:
        return [_problem(config, "plugins", [], languages)]
    configured = sorted(plugin.config["languages"], key=lambda item: not item["default"])
    locales = [item["locale"] for item in configured]
    if locales != list(languages):
        return [_problem(config, "languages", locales, languages)]
    theme = config.theme.get("language") or "en"
    if theme != languages[0]:
        return [_problem(config, "theme.language", [theme], languages)]
    return []


def _problem(config, field: str, found: list[str], languages: tuple[str, ...]) -> Problem:
    path = Path(config.config_file_path)
    line = None
    key = field.split(".")[-1] + ":"
    for number, text in enumerate(path.read_text("utf-8").splitlines(), 1):
        if text.strip().startswith(key):
            line = number
            break
    return Problem("settings-languages-differ", path.name, line, None, field,
                   {"found": ", ".join(found) or "—", "expected": ", ".join(languages)})
