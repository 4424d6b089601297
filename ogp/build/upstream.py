"""What the build takes from MkDocs, Material and static-i18n beyond their public options.

Each name here is a file or a private detail of an installed package that
the build relies on; a test checks each one against the installed versions,
so an upgrade that moves it fails there, naming it.
"""
from __future__ import annotations

from pathlib import Path

import mkdocs

# lunr.js as MkDocs ships it for its own search plugin: the finder loads it from the site.
LUNR_JS = Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js"
