"""`ogp bench` runs end to end and reports every figure (its numbers are read by people, not asserted)."""
from __future__ import annotations

import json
import re
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


@pytest.mark.slow
def test_the_build_trace_lists_each_process_its_events_and_its_pages(tmp_path: Path):
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/trace_build.py"), str(project), str(tmp_path / "site")],
                            cwd=project, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("configuration loaded in ")
    # The parent and the English child, each with its events and its page totals.
    assert out.count("\nprocess ") == 2 and "(this one)" in out
    assert "pre_build hooks/records.py" in out and "post_build hooks/i18n_guard.py" in out
    pages = re.findall(r"_populate_page \(x(\d+)\)", out)
    assert len(pages) == 2 and all(int(n) > 10 for n in pages), pages
    assert (tmp_path / "site/index.html").exists() and (tmp_path / "site/en/index.html").exists()
