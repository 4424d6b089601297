"""`ogp bench` runs end to end and reports every figure (its numbers are read by people, not asserted)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_env

FIGURES = {"build_seconds", "pages", "seconds_per_page", "peak_rss_mb", "site_mb", "kb_per_page",
           "search_index_mn_kb", "search_index_mn_gzip_kb", "search_index_en_kb", "search_index_en_gzip_kb",
           "validation_seconds", "history_seconds", "preview_after_one_edit_seconds", "preview_peak_rss_mb", "floor_seconds", "ratio_to_floor"}


@pytest.mark.slow
def test_bench_national_reports_every_figure(tmp_path: Path):
    out = tmp_path / "bench.json"
    result = subprocess.run([str(Path(sys.executable).parent / "ogp"), "bench", "--size", "national", "--json", str(out)],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text("utf-8"))
    assert FIGURES <= set(figures)
    assert figures["pages"] > 100 and figures["floor_seconds"] > 0
