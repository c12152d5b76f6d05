"""Every page renders, on the example and on odd warehouses; overview and goal chain show the
engine's numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import engine, odd_warehouse, run_page, unescaped
from ui import format as fmt
from ui import public_frame

ROOT = Path(__file__).resolve().parents[1]
# The analysts' pages; the public ones (ROD_TRAD_MODE=public) are tested in test_public_pages.py.
PUBLIC_PAGES = {file for file, _, _ in public_frame.PAGES}
PAGES = sorted(
    page
    for page in (p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
    if page not in PUBLIC_PAGES
)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_example(page, example_db, monkeypatch):
    at = run_page(page, example_db, monkeypatch)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    for chart in at.get("plotly_chart"):
        # Our plain look (ui.charts.TEMPLATE, plotly_white's) on every chart: neither plotly's
        # default template nor Streamlit's chart theme.
        assert json.loads(chart.proto.spec)["layout"]["template"]["layout"]["plot_bgcolor"] == (
            "white"
        )
        assert chart.proto.theme == ""


@pytest.mark.parametrize("case", ["no_assessments", "no_outcomes", "single_goal"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_odd_warehouses(page, case, tmp_path, monkeypatch):
    db = {
        "no_assessments": lambda: odd_warehouse(tmp_path, without=("assessments",)),
        "no_outcomes": lambda: odd_warehouse(tmp_path, without=("outcomes",)),
        "single_goal": lambda: odd_warehouse(tmp_path, goals_only=True),
    }[case]()
    at = run_page(page, db, monkeypatch)
    assert not at.exception, at.exception


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_how_to_build_a_missing_warehouse(page, tmp_path, monkeypatch):
    at = run_page(page, tmp_path / "missing.duckdb", monkeypatch)
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)


def test_overview_shows_the_engines_area_scores_and_counts(example_db, monkeypatch):
    at = run_page("pages/overview.py", example_db, monkeypatch, period="2025")
    assert not at.exception
    areas = engine(
        example_db,
        "select g.title, s.score from goal_status s join goals g using (goal_id) "
        "where s.period = '2025' and g.level = 'område' order by g.goal_id",
    )
    shown = [m.value for m in at.metric if m.label == "Poäng"]
    assert shown == [f"{score:.2f}".replace(".", ",") for _, score in areas]
    [(kf_total, kf_reached)] = engine(
        example_db,
        "select count(*), count(*) filter (where effective_status = 'uppfyllt') "
        "from goal_status join goals using (goal_id) where period = '2025' and level = 'kf-mål'",
    )
    kf = next(m for m in at.metric if m.label == "KF-mål uppfyllda")
    assert kf.value == f"{kf_reached} av {kf_total}"


def test_overview_period_follows_the_url(example_db, monkeypatch):
    at = run_page("pages/overview.py", example_db, monkeypatch, period="2024-T2")
    assert at.selectbox(key="url_period").value == "2024-T2"
    assert at.query_params["period"] == "2024-T2"


def test_goal_chain_shows_the_engines_status_and_explanation(example_db, monkeypatch):
    at = run_page("pages/goal_chain.py", example_db, monkeypatch, goal="BUN1", period="2025")
    assert not at.exception
    [(effective, score)] = engine(
        example_db,
        "select effective_status, score from goal_status where goal_id = 'BUN1' "
        "and period = '2025'",
    )
    assert at.selectbox(key="url_goal").value == "BUN1"
    assert any(effective.capitalize() in m.value for m in at.markdown if "Status" in m.value)
    assert next(m for m in at.metric if m.label == "Poäng").value == f"{score:.2f}".replace(
        ".", ","
    )
    indicators = next(d.value for d in at.dataframe if "Indikator" in d.value.columns)
    rows = engine(
        example_db,
        "select count(*) from indicator_status where goal_id = 'BUN1' and period = '2025'",
    )
    assert len(indicators) == rows[0][0]
    statuses = engine(
        example_db,
        "select status from indicator_status where goal_id = 'BUN1' and period = '2025' "
        "order by indicator_id, subject, gender",
    )
    assert [s.split(" ", 1)[1].lower() for s in indicators["Status"]] == [
        {"delvis": "delvis uppfyllt"}.get(s, s) for (s,) in statuses
    ]


def test_unknown_goal_in_the_url_gives_a_friendly_warning(example_db, monkeypatch):
    at = run_page("pages/goal_chain.py", example_db, monkeypatch, goal="FINNS-INTE")
    assert not at.exception
    assert any("FINNS-INTE" in unescaped(w.value) and "finns inte" in w.value for w in at.warning)


def test_every_page_shows_municipality_size_and_build_time_in_the_sidebar(example_db, monkeypatch):
    at = run_page("pages/overview.py", example_db, monkeypatch)
    sidebar = " ".join(c.value for c in at.sidebar.caption)
    [(goals, indicators)] = engine(
        example_db, "select (select count(*) from goals), (select count(*) from indicators)"
    )
    assert "Sjöviks kommun" in sidebar
    assert f"{goals} mål · {indicators} indikatorer" in sidebar
    assert "lagret byggdes 20" in sidebar
    assert any("Vision" in m.value for m in at.markdown)


def test_start_page_counts_the_outcome_rows(example_db, monkeypatch):
    at = run_page("pages/start.py", example_db, monkeypatch)
    [(rows,)] = engine(example_db, "select count(*) from outcomes")
    shown = next(m for m in at.metric if m.label == "Utfallsrader")
    assert shown.value == fmt.number(rows)
