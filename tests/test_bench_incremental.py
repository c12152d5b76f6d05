"""Smoke test of bench/incremental.py at a tiny scale, so it cannot rot unnoticed."""

from __future__ import annotations

import pytest

from bench.incremental import CASES, NEW_PERIOD, run_benchmark


@pytest.mark.slow
def test_the_incremental_benchmark_times_every_case_and_compares_the_warehouses(tmp_path):
    report, results = run_benchmark("tiny", 0.001, base="HEAD", runs=1, out=tmp_path,
                                    log=lambda _: None)  # fmt: skip
    assert results["same_as_full"]
    assert 0 < results["new_rows"] < results["source"]["rows"]["outcomes"]
    for code, sources in CASES:
        [run] = results["runs"][f"{code} / {sources}"]
        assert run["incremental"] == (sources == "incremental")
        assert run["seconds"] > 0 and run["peak_rss_mib"] > 0
    assert f"rows of {NEW_PERIOD}" in report
    assert "The incremental build's warehouse equals the full build's, table by table: ✅" in report
