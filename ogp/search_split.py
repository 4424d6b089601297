"""One search index per language, so a search on /en/ lists English pages only.

static-i18n writes a single ``search/search_index.json`` holding every
language, and Material's search on an English page loads it from the site
root: a Mongolian reader got English results and the reverse. After the build,
the index is split: the default language keeps ``search/search_index.json``,
each other language gets ``<lang>/search/search_index.json`` with its page
addresses made relative to ``<lang>/``, and the pages of that language are
pointed at their own root (Material finds the index through ``base``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_CONFIG_BASE = re.compile(r'("base": ")([^"]*)(")')


def split_search_index(site_dir: Path, other_languages: list[str]) -> dict[str, int]:
    """Split ``search/search_index.json``; return the number of entries per language."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.exists():
        return {}
    index = json.loads(path.read_text(encoding="utf-8"))
    by_lang: dict[str, list] = {lang: [] for lang in other_languages}
    default = []
    for doc in index["docs"]:
        lang = doc["location"].split("/", 1)[0]
        if lang in by_lang:
            by_lang[lang].append({**doc, "location": doc["location"][len(lang) + 1:]})
        else:
            default.append(doc)
    counts = {"": len(default)}
    for lang, docs in by_lang.items():
        target = Path(site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    path.write_text(json.dumps({**index, "docs": default}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return counts


def point_page_at_language_root(html: str, lang: str) -> str:
    """Make Material's ``base`` of a page in ``lang`` the language's root (``<base>/<lang>/``).

    The trailing slash matters: Material resolves ``search/search_index.json``
    against it, and ``/en`` without it would resolve to the site root.
    """
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", html, count=1)
