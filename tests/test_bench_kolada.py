"""Smoke test of bench/kolada.py at a small size, so it cannot rot unnoticed."""

from __future__ import annotations

import pytest

from bench.kolada import kpi_set, run_benchmark


def test_the_synthetic_kpis_are_real_values_times_a_factor_under_ids_of_their_own():
    ids, derived = kpi_set(50)
    assert len(ids) == len(set(ids)) == 50 and len(derived) == 33
    assert all(k.startswith("N99") for k in derived) and not set(derived) & set(ids[:17])
    assert derived["N99001"] == (ids[0], 1.05) and derived["N99018"] == (ids[0], 1.1)


@pytest.mark.slow
def test_the_kolada_benchmark_measures_fetch_rerun_and_builds(tmp_path):
    report, results = run_benchmark(kpis=19, years=(2021, 2022), runs=1, out=tmp_path,
                                    log=lambda _: None)  # fmt: skip
    [fetch], [rerun] = results["runs"]["new / fetch"], results["runs"]["new / rerun"]
    # the areas, the peer group, one list of KPIs, then one request per KPI
    assert fetch["requests"] == fetch["client_requests"] == 3 + 19
    assert rerun["requests"] == 1 and rerun["rows"] == results["revised_values"] > 0
    assert fetch["peak_rss_mib"] > 30 and fetch["cpu_seconds"] > 0
    [after] = results["builds"]["rerun"]
    assert after["revised"] == results["revised_values"]
    assert after["kolada_values"] == results["builds"]["fetch"][0]["kolada_values"] > 10_000
    assert "2 synthetic" in report and "(✅)" in report
