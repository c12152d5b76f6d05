"""Smoke test of the benchmark (bench/) at a tiny scale, so it cannot rot unnoticed."""

from __future__ import annotations

import json

import pytest

from bench.generate import Size, generate
from bench.run import PAGE_QUERIES, run_benchmark
from etl.build import check

TINY = 0.001


@pytest.fixture(scope="module")
def bench_out(tmp_path_factory):
    """A work folder holding the tiny source where ``run_benchmark`` will reuse it."""
    out = tmp_path_factory.mktemp("bench")
    generate(out / "source-tiny", fraction=TINY)
    return out


def test_generated_source_is_valid(bench_out):
    summary = json.loads((bench_out / "source-tiny" / "GENERATED.json").read_text())
    assert summary["rows"]["outcomes"] == Size.of(TINY).outcome_rows
    assert summary["rows"]["goals"] == Size.of(TINY).goals
    files = check([bench_out / "source-tiny"])  # raises InvalidInput on any problem
    assert {t for f in files for t in f.rows} == {
        "settings", "organisation", "goals", "indicators", "goal_indicators", "targets",
        "outcomes", "assessments",
    }  # fmt: skip


def test_large_scale_is_about_forty_million_outcomes():
    large = Size.of(1.0)
    assert 39e6 < large.outcome_rows < 42e6
    assert (large.goals, large.indicators) == (1000, 3000)


def test_report_covers_build_status_and_every_page_query(bench_out):
    report, results = run_benchmark(
        "tiny", TINY, bench_out, runs=2, status_runs=1, plain_runs=1, log=lambda _: None
    )
    assert results["source"]["reused"]
    for name in PAGE_QUERIES:
        assert f"`{name.removeprefix('engine/')}`" in report
    assert "Build throughput" in report
    assert "compute_status" in report
    assert results["build"]["outcome_rows"] == Size.of(TINY).outcome_rows
    assert results["build"]["phases"]  # the build's progress messages were recognised
    json.dumps(results, default=str)  # the raw results can be written as JSON
