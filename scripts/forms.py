#!/usr/bin/env python3
"""Write the issue forms and the pull-request template of a repository in its languages (ogp/cli/forms.py).

They are made from the word catalogue (``forms.*`` in ogp/words/<code>.yml and words/<code>.yml); run this
after changing those texts, or the languages in ogp.yml. Run: .venv/bin/python scripts/forms.py [ROOT]
(ROOT: the repository, by default the one this script is in).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this repository's ogp, not another clone's installed in the virtualenv

from ogp.cli.forms import write  # noqa: E402
from ogp.records.repository import use_repository  # noqa: E402


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    for path in write(root, list(use_repository(root).languages)):
        print(path.relative_to(root))


if __name__ == "__main__":
    main()
