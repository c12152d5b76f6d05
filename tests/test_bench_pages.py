"""Smoke test of the page benchmark (bench/pages.py): its AppTest part runs on the tiny fixture
and the report names every page. Figures are not checked; the benchmark is not a timed test."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from bench import charts, scenarios
from bench import pages as bench_pages
from etl.build import build
from tests.conftest import areas_of

# Each test runs the page benchmark on a model: left out of make test-fast.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def test_every_registered_page_is_benchmarked():
    """Every page of the internal mode (dashboard.py's st.Page calls) is benchmarked; the
    other files in pages/ are the public pages, registered by ui/public_frame.py."""
    from ui.public_frame import PAGES as PUBLIC_PAGES

    scripts = {page.script for page in scenarios.registered_pages()}
    public = {file for file, _, _ in PUBLIC_PAGES}
    assert not scripts & public
    assert scripts | public == {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py")
    }
    assert sum(page.default for page in scenarios.registered_pages()) == 1


def test_the_apptest_part_reports_every_page(tmp_path):
    db = build([TINY], tmp_path / "tiny.duckdb").path
    report = bench_pages.run_benchmark(db, "tiny", runs=2, browser=False, log=lambda _: None)

    for page in scenarios.registered_pages():
        assert f"| {page.title} |" in report, page.title
    assert "exception" not in report
    assert "## 1. Warm rerun (AppTest)" in report
    assert "## 5. Chart points" in report
    assert (tmp_path / "tiny.duckdb").exists()


def test_chart_points_count_lists_and_typed_arrays():
    typed = {"dtype": "f8", "bdata": "AAAAAAAA8D8AAAAAAAAAQAAAAAAAAAhA"}  # [1.0, 2.0, 3.0]
    figure = {
        "data": [
            {"type": "scatter", "x": [1, 2], "y": [3, 4]},
            {"type": "bar", "x": typed, "y": typed},
            {"type": "sunburst", "ids": ["a", "b", "c", "d"], "parents": ["", "a", "a", "b"]},
        ]
    }
    assert charts.chart_points(figure) == 2 + 3 + 4


def test_interaction_values_alternate_first_visits_and_revisits():
    options = [scenarios.Option(v, v, v) for v in "abcdefgh"]
    picks = [o.value for o in scenarios.interaction_values(options, "a", 6)]
    assert picks[:3] == picks[3:] and "a" not in picks and len(set(picks)) == 3
    two = [o.value for o in scenarios.interaction_values(options[:2], "a", 4)]
    assert two == ["b", "a", "b", "a"]
    assert scenarios.interaction_values(options[:1], "a", 4) == []
    assert [o.value for o in scenarios.interaction_values(options[1:2], None, 4)] == ["b"]


def test_goals_and_indicators_are_picked_within_the_area_in_the_url(example_db):
    plan = scenarios.scenario(example_db)
    pages = {page.stem: page for page in scenarios.registered_pages()}
    for stem, param in [("goal_chain", "goal"), ("over_time", "goal"), ("indicator", "indicator")]:
        params = plan.params_for(pages[stem])
        area = params["area"]
        assert list(params).index("area") < list(params).index(param)
        assert area == areas_of(example_db, param, params[param])[0]
        picks = [o.value for o in plan.options[param]]
        assert params[param] in picks and 1 < len(picks) < 20
        assert all(area in areas_of(example_db, param, pick) for pick in picks)
