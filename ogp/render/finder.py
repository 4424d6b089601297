"""The finder: commitments, milestones, meetings and evidence, searchable and filterable on a phone.

Its index is built here, at build time, with the Python ``lunr`` package (one
per language) and loaded as it is by lunr.js in the browser, which therefore
never builds an index. Words are indexed as they are (lowercased, trimmed of
punctuation by Python's Unicode-aware trimmer): no English stemmer, so that a
prefix finds English and Mongolian words alike, and an empty search pipeline
in the serialised index, so that no JavaScript trimmer (which strips Cyrillic)
runs at query time.
"""
from __future__ import annotations

import hashlib
import json

from lunr.builder import Builder
from lunr.trimmer import trimmer

from ogp.facts.model import Model, commitment_status
from ogp.records.rules import milestone_key
from ogp.render.alongside import Alongside
from ogp.render.labels import label
from ogp.render.pages import v
from ogp.words import languages, words

# lunr.js 2.3.9 as MkDocs ships it: served from the site, no CDN, no Node toolchain.

_F = {
    "title": words("finder.title"),
    "intro": words("finder.intro"),
    "needs_js": words("finder.needs_js"),
}
UI = {
    "query": words("finder.query"),
    "plan": words("finder.plan"),
    "commitment": words("finder.commitment"),
    "kind": words("finder.kind"),
    "year": words("finder.year"),
    "language": words("finder.language"),
    "status": words("finder.status"),
    "all": words("finder.all"),
    "count": words("finder.count"),
    "form": words("finder.form"),
    "type_commitment": words("finder.type_commitment"),
    "type_milestone": words("finder.type_milestone"),
    "type_meeting": words("finder.type_meeting"),
    "type_evidence": words("finder.type_evidence"),
}


def _plain(text: str | None) -> str:
    return " ".join((text or "").split())


def items(model: Model, lang: str) -> list[dict]:
    """Every findable record in ``lang``, with the values the filters use; urls relative to the finder page."""
    out = []
    for c in model.commitments.values():
        out.append({"id": f"c:{c.id}", "type": "commitment", "kind": UI["type_commitment"][lang],
                    "title": f"{c.values['number']}. {_plain(v(c, 'title', lang))}", "url": f"../commitments/{c.id}/",
                    "text": _plain(f"{v(c, 'problem', lang)} {v(c, 'description', lang)}"), "plan": c.values["plan"],
                    "commitment": c.id, "year": str(model.plans[c.values['plan']].values["start"].year) if c.values["plan"] in model.plans else "",
                    "languages": [], "status": label("status", commitment_status(model, c), lang), "date": ""})
        for m in model.milestones_of(c):
            out.append({"id": f"m:{milestone_key(m)}", "type": "milestone", "kind": UI["type_milestone"][lang],
                        "title": _plain(v(m, "title", lang)), "url": f"../commitments/{c.id}/",
                        "text": _plain(v(m, "output", lang)), "plan": c.values["plan"], "commitment": c.id,
                        "year": str(m.values["due"].year) if m.values["due"] else "", "languages": [],
                        "status": label("status", m.values["status"], lang),
                        "date": m.values["due"].isoformat() if m.values["due"] else ""})
    for m in model.meetings.values():
        out.append({"id": f"g:{m.id}", "type": "meeting", "kind": label("type", m.values["type"], lang),
                    "title": _plain(v(m, "title", lang)), "url": f"../meetings/{m.id}/",
                    "text": _plain(f"{v(m, 'agenda', lang) or ''} {v(m, 'decisions', lang) or ''}"), "plan": m.values.get("plan") or "",
                    "commitment": "", "year": str(m.values["date"].year), "languages": [], "status": "",
                    "date": m.values["date"].isoformat()})
    for e in model.evidence.values():
        plans = sorted(set(e.values.get("plans") or []) | {model.commitments[c].values["plan"] for c in e.values.get("commitments") or [] if c in model.commitments})
        out.append({"id": f"e:{e.id}", "type": "evidence", "kind": f"{UI['type_evidence'][lang]}: {label('kind', e.values['kind'], lang)}",
                    "title": _plain(v(e, "title", lang)), "url": f"../evidence/{model.evidence_home(e.id) or 'other'}/#{e.id}", "text": _plain(v(e, "description", lang)),
                    "plan": ";".join(plans), "commitment": ";".join(e.values.get("commitments") or []),
                    "year": str(e.values["date"].year), "languages": [label("language", x, lang) for x in e.values.get("languages") or []],
                    "status": "", "date": e.values["date"].isoformat()})
    return sorted(out, key=lambda item: item["id"])


# Language -> (digest of its items, finished index): a preview server rebuilds on every save,
# and most saves (a page, a meeting's minutes) leave the finder's items as they were.
_last: dict[str, tuple[str, bytes]] = {}
_pending: list[tuple[Model, Alongside]] = []  # indexes being built in another process, and for which model
_given: list = [None, {}]  # the model whose indexes came from another process, and those indexes by language


def finder_index(model: Model, lang: str) -> bytes:
    """The JSON the finder page loads: the prebuilt lunr index, the items and the interface words.

    Building the lunr index is most of the cost; the last result per language
    is kept and returned again while the items are unchanged. Indexes started
    by :func:`start_indexing` for this very model are taken as they are.
    """
    while _pending:
        made_for, work = _pending.pop()
        results = work.result()
        _last.update(results)
        _given[:] = [made_for, {code: index for code, (_, index) in results.items()}]
    if _given[0] is model and lang in _given[1]:
        return _given[1][lang]
    return _indexed(model, lang)[1]


def _indexed(model: Model, lang: str) -> tuple[str, bytes]:
    found = items(model, lang)
    digest = hashlib.sha256(json.dumps(found, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    if lang not in _last or _last[lang][0] != digest:
        _last[lang] = (digest, _build_index(found, lang))
    return _last[lang]


def start_indexing(model: Model, size: int) -> None:
    """Build every language's index in another process alongside the rest of the build, when the repository is
    large enough for that to pay (see ``ogp.render.alongside``), for :func:`finder_index` to take later;
    otherwise nothing is started, and each language's index is made when it is asked for. The indexes of an
    earlier, failed build are dropped first."""
    stop_indexing()
    work = Alongside(lambda: {lang: _indexed(model, lang) for lang in languages()}, size)
    if work.elsewhere:  # otherwise each language's index is made when asked for, by the process that builds it
        _pending.append((model, work))


def indexed(lang: str) -> tuple[str, bytes] | None:
    """The last index made in this process for ``lang``, with the digest of its items."""
    return _last.get(lang)


def remember_indexes(made: dict[str, tuple[str, bytes]]) -> None:
    """Keep indexes another process made (:func:`indexed` there), as if made here."""
    _last.update({lang: entry for lang, entry in made.items() if entry})


def indexing_alongside() -> bool:
    """Whether :func:`start_indexing` started indexes in another process that :func:`finder_index` has not taken yet."""
    return bool(_pending)


def stop_indexing() -> None:
    """Drop the indexes being built (a build that failed before it needed them)."""
    while _pending:
        _pending.pop()[1].cancel()
    _given[:] = [None, {}]


def _build_index(found: list[dict], lang: str) -> bytes:
    builder = Builder()
    builder.pipeline.add(trimmer)
    builder.ref("id")
    builder.field("title", boost=10)
    builder.field("text")
    for item in found:
        builder.add({"id": item["id"], "title": item["title"], "text": item["text"]})
    index = builder.build() if found else None  # lunr cannot build an index of nothing (a new repository)
    for item in found:
        del item["text"]  # only the index needs the long text
    payload = {"index": index.serialize() if index else None, "items": found, "ui": {key: value[lang] for key, value in UI.items()}}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def finder_pages() -> dict[str, str]:
    """``finder.<lang>.md``: the page the script fills; without JavaScript it points to the lists."""
    return {f"finder.{lang}.md": "\n".join([f"# {_F['title'][lang]}", "", _F["intro"][lang], "",
                                            '<div id="ogp-finder"></div>', "", _F["needs_js"][lang], "{: .ogp-needs-js }", ""])
            for lang in languages()}
