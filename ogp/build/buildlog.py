"""The build's own progress lines (``INFO - ogp: …``), in the message language.

Errors go through :mod:`ogp.records.errors`; these lines only say what the build did
and which minimum requirements are missed, which editors read in the build log
of their pull request, so they follow ``OGP_LANG`` like the errors do. One is a
warning: an upstream contract (``ogp.build.upstream``) that no longer holds.
"""
from __future__ import annotations

from ogp.records.errors import message_language

LINES: dict[str, dict[str, str]] = {
    "records_valid": {
        "mn": "ogp: {count} бичлэгийн файл шалгалтыг давлаа ({seconds:.2f} сек)",
        "en": "ogp: {count} record files valid ({seconds:.2f} s)",
    },
    "requirement_missed": {
        "mn": "ogp: зайлшгүй биелүүлэх шаардлага {rid} хангагдаагүй: {found}",
        "en": "ogp: minimum requirement {rid} not met: {found}",
    },
    "deadline_overdue": {
        "mn": "ogp: {plan} төлөвлөгөө — {kind}: {state}",
        "en": "ogp: plan {plan} — {kind}: {state}",
    },
    "pages_reused": {
        "mn": "ogp: {hits} хуудсыг дахин ашиглаж, {misses} хуудсыг шинээр үүсгэлээ",
        "en": "ogp: {hits} pages reused, {misses} rendered",
    },
    "contract_broken": {
        "mn": "ogp: гадны багцын хамаарал {contract} биелэхээ больсон: {detail} "
              "(ogp/build/upstream.py, tests/test_upstream.py-г үзнэ үү)",
        "en": "ogp: upstream contract {contract} no longer holds: {detail} "
              "(see ogp/build/upstream.py, tests/test_upstream.py)",
    },
}


def line(key: str, lang: str | None = None, **values) -> str:
    """The progress line ``key`` in ``lang`` (default: the message language), filled with ``values``."""
    lang = lang or message_language()
    return LINES[key]["mn" if lang == "mn" else "en"].format(**values)
