"""Nämnder: the page shows what the engine holds for one nämnd, is addressable by URL and
renders on odd warehouses."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import engine, figure, odd_warehouse, unescaped, values
from tests.conftest import run_page as open_page
from ui import status

PAGE = "pages/committees.py"
NO_REASON = "Ingen motivering angiven"


def run_page(db: Path, monkeypatch, **params: str):
    return open_page(PAGE, db, monkeypatch, **params)


def score_text(score: float | None) -> str:
    return "–" if score is None else f"{score:.2f}".replace(".", ",")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def deviation_texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


# --- on the example ---------------------------------------------------------------------------


def test_renders_on_the_example_with_the_first_body_by_default(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch)
    assert not at.exception, at.exception
    assert at.title[0].value == "Nämnder"
    # Styrelse, nämnder and bolag come before förvaltningar: Kommunstyrelsen first.
    assert at.selectbox(key="url_namnd").value == "KS"
    assert at.query_params["namnd"] == "KS"
    assert not at.warning


def test_options_are_the_responsible_bodies_nämnder_first(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch)
    options = at.selectbox(key="url_namnd").options
    rows = engine(
        example_db,
        "select o.name, o.type from organisation o "
        "where o.org_id in (select org_id from goal_responsibility)",
    )
    assert sorted(options) == sorted(name for name, _ in rows)
    types = dict(rows)
    first_other = next(i for i, o in enumerate(options) if types[o] not in BODY_TYPES)
    assert all(types[o] in BODY_TYPES for o in options[:first_other])
    assert all(types[o] not in BODY_TYPES for o in options[first_other:])


BODY_TYPES = {"nämnd", "styrelse", "bolag"}


def test_headline_and_goal_table_equal_the_engine(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, namnd="SN", period="2025")
    assert not at.exception, at.exception
    assert at.subheader[0].value == "Socialnämnden"
    rows = engine(
        example_db,
        "select s.goal_id, s.computed_status, s.assessed_status, s.effective_status, s.score "
        "from goal_status s join goal_responsibility r using (goal_id) join goals g "
        "using (goal_id) where r.org_id = 'SN' and s.period = '2025' "
        "order by g.level_rank, s.goal_id",
    )
    effective = [r[3] for r in rows]
    assert metric(at, "Mål i perioden") == str(len(rows))
    for key in status.GOAL_STATUSES:
        assert metric(at, status.text(key)) == str(effective.count(key))
    differs = sum(1 for r in rows if r[2] is not None and r[2] != r[1])
    assert metric(at, "Egen bedömning avviker") == str(differs)

    table = at.dataframe[0].value
    assert list(table["Mål"]) == [f"goal_chain?goal={r[0]}&period=2025" for r in rows]
    assert list(table["Beräknad status"]) == [status.text(r[1]) for r in rows]
    assert list(table["Nämndens bedömning"]) == [
        "–" if r[2] is None else status.text(r[2]) for r in rows
    ]
    assert list(table["Gällande status"]) == [status.text(r[3]) for r in rows]
    assert list(table["Poäng"]) == [score_text(r[4]) for r in rows]


def test_shares_over_time_equal_the_engine_for_periods_of_the_same_type(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, namnd="BUN", period="2024-T2")
    assert not at.exception, at.exception
    rows = engine(
        example_db,
        "select s.period, s.effective_status, count(*) from goal_status s "
        "join goal_responsibility r using (goal_id) join periods p using (period) "
        "where r.org_id = 'BUN' and p.period_type = 'tertial' group by all",
    )
    totals: dict[str, int] = {}
    for period, _, n in rows:
        totals[period] = totals.get(period, 0) + n
    fig = figure(at)
    labels = values(fig["data"][0]["x"])
    assert labels[0] == "2019 T1" and len(labels) == len(totals)  # tertials only, oldest first
    for trace in fig["data"]:
        key = next(k for k in status.GOAL_STATUSES if status.text(k) == trace["name"])
        expected = {p: n / totals[p] for p, s, n in rows if s == key}
        shown = dict(zip(values(trace["x"]), values(trace["y"]), strict=True))
        for period in totals:
            label = period.replace("-", " ")
            assert shown[label] == pytest.approx(expected.get(period, 0.0))


def test_deviation_with_a_reason_shows_reason_and_analysis(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, namnd="SN", period="2025")
    rows = engine(
        example_db,
        "select s.goal_id, a.override_reason, a.analysis from goal_status s "
        "join goal_responsibility r using (goal_id) "
        "join assessments a using (goal_id, period) "
        "where r.org_id = 'SN' and s.period = '2025' and s.status_differs order by s.goal_id",
    )
    assert rows, "the example has overridden SN goals in 2025"
    texts = deviation_texts(at)
    for goal_id, reason, analysis in rows:
        assert any(t.startswith(f"**{goal_id} ") for t in texts)
        assert f"**Motivering:** {reason}" in map(unescaped, texts)
        assert f"**Analys:** {analysis}" in map(unescaped, texts)
    assert not any(NO_REASON in t for t in texts)


def test_deviation_without_a_reason_is_flagged_in_words(example_db, monkeypatch):
    [(goal_id,)] = engine(
        example_db,
        "select s.goal_id from goal_status s join goal_responsibility r using (goal_id) "
        "where r.org_id = 'VON' and s.period = '2025' and s.status_differs "
        "and not s.has_override_reason",
    )
    at = run_page(example_db, monkeypatch, namnd="VON", period="2025")
    assert not at.exception, at.exception
    texts = deviation_texts(at)
    start = next(i for i, t in enumerate(texts) if t.startswith(f"**{goal_id} "))
    assert any(f"⚠ {NO_REASON}" in t for t in texts[start:])
    [(differs, without_reason)] = engine(
        example_db,
        "select count(*) filter (where status_differs), "
        "count(*) filter (where status_differs and not has_override_reason) "
        "from goal_status s join goal_responsibility r using (goal_id) "
        "where r.org_id = 'VON' and s.period = '2025'",
    )
    headline = next(m for m in at.metric if m.label == "Egen bedömning avviker")
    assert headline.value == str(differs)
    assert f"{without_reason} av dem saknar motivering" in headline.proto.help


def test_no_deviations_gives_a_message(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, namnd="BUN", period="2024")
    assert not at.exception, at.exception
    assert any("Inga avvikelser" in i.value for i in at.info)


def test_a_body_without_goals_in_the_period_gets_a_message(example_db, monkeypatch):
    # SOF's only goal (SOF-V1) applies from 2023.
    at = run_page(example_db, monkeypatch, namnd="SOF", period="2021")
    assert not at.exception, at.exception
    assert any("har inga mål som gäller" in i.value for i in at.info)


def test_choosing_another_body_rewrites_the_url(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, namnd="SN", period="2025")
    at.selectbox(key="url_namnd").set_value("VON").run()
    assert not at.exception
    assert at.query_params["namnd"] == "VON"
    assert at.query_params["period"] == "2025"
    assert unescaped(at.subheader[0].value) == "Vård- och omsorgsnämnden"


def test_unknown_body_in_the_url_gives_a_friendly_warning(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, namnd="FINNS-INTE", period="2025")
    assert not at.exception, at.exception
    assert any("FINNS-INTE" in unescaped(w.value) and "finns inte" in w.value for w in at.warning)
    assert at.selectbox(key="url_namnd").value == "KS"


# --- odd warehouses -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["tiny", "no_assessments", "no_outcomes"])
def test_renders_on_the_tiny_model(case, tmp_path, monkeypatch):
    without = {"tiny": (), "no_assessments": ("assessments",), "no_outcomes": ("outcomes",)}
    db = odd_warehouse(tmp_path, without=without[case])
    at = run_page(db, monkeypatch, namnd="BUN")
    assert not at.exception, at.exception
    assert unescaped(at.subheader[0].value) == "Barn- och utbildningsnämnden"
    assert metric(at, "Mål i perioden") == "1"


def test_tiny_override_without_reason_is_flagged(tmp_path, monkeypatch):
    db = odd_warehouse(tmp_path)
    [(computed, assessed, reason)] = engine(
        db, "select computed_status, assessed_status, has_override_reason from goal_status "
        "where goal_id = 'N1' and period = '2024'",
    )  # fmt: skip
    at = run_page(db, monkeypatch, namnd="BUN", period="2024")
    assert not at.exception, at.exception
    flagged = any(NO_REASON in m.value for m in at.markdown)
    assert flagged == (computed != assessed and not reason)


def test_renders_without_any_responsible_body(tmp_path, monkeypatch):
    db = odd_warehouse(tmp_path, goals_only=True)
    at = run_page(db, monkeypatch, namnd="BUN")
    assert not at.exception, at.exception
    assert any("ansvarig" in i.value for i in at.info)


def test_says_how_to_build_a_missing_warehouse(tmp_path, monkeypatch):
    at = run_page(tmp_path / "missing.duckdb", monkeypatch)
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)
