"""Fixed words of the generated pages: the ``pages`` section of the word catalogue (``ogp/words/``)."""
from __future__ import annotations

from ogp.words import say


def t(key: str, lang: str) -> str:
    """The fixed text ``pages.<key>`` in ``lang``."""
    return say(f"pages.{key}", lang)
