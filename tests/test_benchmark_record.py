"""The benchmarks' synthetic record must stay a valid record, or the benchmark measures a failed build."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_synthetic_benchmark_record_validates(tmp_path):
    out = tmp_path / "record"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate_record.py"), "--releases", "14", str(out)],
        check=True, capture_output=True, text=True,
    )
    result = subprocess.run(
        [sys.executable, "-m", "sec_release.cli", "validate", str(out), "--as-of", "2026-11-26"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 errors, 0 warnings" in result.stdout
