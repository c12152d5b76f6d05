"""Smoke test of the benchmark (bench/) at a tiny scale, so it cannot rot unnoticed."""

from __future__ import annotations

import json

import pytest

from bench.compare import run_compare
from bench.generate import CITY_FRACTION, CITY_GOAL_FRACTION, Size, generate
from bench.run import PAGE_QUERIES, run_benchmark
from etl.build import check

# The module's models are built once: its tests run on one worker under pytest-xdist.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bench")]

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


def test_goal_fraction_scales_the_goals_alone():
    city = Size.of(CITY_FRACTION, CITY_GOAL_FRACTION)
    assert 9_900 < city.goals < 10_100
    assert city.indicators == 300
    assert 3.9e6 < city.outcome_rows < 4.1e6
    assert Size.of(0.1) == Size.of(0.1, 0.1)


def test_compare_report_puts_two_engines_and_their_page_queries_side_by_side(bench_out):
    # HEAD's engine beside the working tree's: the harness must find both identical here.
    report, results = run_compare(
        "tiny", base="HEAD", out=bench_out, runs=1, query_runs=2, build_runs=1, log=lambda _: None
    )
    assert results["source"]["reused"]
    runs = results["engine"]["runs"]
    assert [len(runs["base"]), len(runs["new"])] == [1, 1]
    assert all(r["peak_rss_mib"] > 0 and r["seconds"] > 0 for side in runs.values() for r in side)
    assert {t: s["identical"] for t, s in results["engine"]["same"].items()} == {
        "indicator_status": True,
        "goal_status": True,
    }
    assert results["engine"]["model"]["goals"] == Size.of(TINY).goals
    assert "| `indicator_status` |" in report
    assert set(results["pages"]) == set(PAGE_QUERIES)
    assert all(r["differing"] == 0 and r["runs"] == 2 for r in results["pages"].values())
    assert not any(r["reshaped"] for r in results["pages"].values())
    # The whole build by a clone at the base and by the working tree, once each.
    builds = results["builds"]
    assert [len(builds["base"]), len(builds["new"])] == [1, 1]
    assert all(r["seconds"] > 0 and r["cpu_seconds"] > 0 for side in builds.values() for r in side)
    assert "## Build" in report and "Now / before" in report
