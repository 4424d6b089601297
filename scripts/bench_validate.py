#!/usr/bin/env python3
"""Benchmark: load and validate a synthetic dataset of N record files (default 10,000).

Prints figures; it is not a test. Run: .venv/bin/python scripts/bench_validate.py [N]
Target (issue: records in git, validated): 10,000 records in under 3 s on 2 cores.
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ogp.cli.synthetic import write_dataset


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    # Proportions of a large national repository: many evidence items per commitment.
    sizes = dict(plans=5, commitments=total // 5, evidence=total * 6 // 10, meetings=total * 15 // 100)
    sizes["organisations"] = total - sum(sizes.values())
    with tempfile.TemporaryDirectory() as tmp:
        counts = write_dataset(Path(tmp), milestones_per_commitment=4, **sizes)
        files = sum(counts.values())
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            result = subprocess.run([str(Path(sys.executable).parent / "ogp"), "validate", "--root", tmp],
                                    capture_output=True, text=True)
            runs.append(time.perf_counter() - started)
            if result.returncode != 0:
                sys.exit("synthetic data did not validate:\n" + result.stdout[:2000])
        print(f"record files: {files} ({counts}) + {counts['commitments'] * 4} milestones")
        print(f"ogp validate, whole process: min {min(runs):.2f} s, median {sorted(runs)[1]:.2f} s, max {max(runs):.2f} s")


if __name__ == "__main__":
    main()
