#!/usr/bin/env python3
"""Print where one strict build's time goes, per process (``ogp/build/tracing.py``). Figures, not a test.

Run: .venv/bin/python scripts/trace_build.py [PROJECT_DIR [SITE_DIR]]
(default: this repository, into a temporary folder). Set OGP_TODAY to compare runs of the same day.
"""
import sys
import tempfile
from pathlib import Path

from ogp.build.tracing import trace_build

if __name__ == "__main__":
    project = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])
    with tempfile.TemporaryDirectory() as tmp:
        print(trace_build(project, sys.argv[2] if len(sys.argv) > 2 else Path(tmp) / "site"))
