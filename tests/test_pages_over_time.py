"""Över tid: one goal across every evaluated period, as the engine holds it; the rule
thresholds and mandate periods on the chart; URL addressing and odd warehouses."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
import streamlit as st

import warehouse
from etl.build import build
from tests.conftest import built, engine, figure, unescaped, values
from tests.conftest import run_page as open_page
from ui import status

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
PAGE = "pages/over_time.py"


def run_page(db: Path, monkeypatch, **params: str):
    return open_page(PAGE, db, monkeypatch, **params)


def score_text(score: float | None) -> str:
    return "–" if score is None else f"{score:.2f}".replace(".", ",")


def status_or_dash(value: str | None) -> str:
    return "–" if value is None else status.text(value)


def hlines(fig: dict) -> list[float]:
    return sorted(s["y0"] for s in fig["layout"].get("shapes", []) if s["y0"] == s["y1"])


def vlines(fig: dict) -> list[float]:
    return sorted(s["x0"] for s in fig["layout"].get("shapes", []) if s["x0"] == s["x1"])


def annotations(fig: dict) -> list[str]:
    return [a["text"] for a in fig["layout"].get("annotations", [])]


# --- on the example ---------------------------------------------------------------------------


def test_renders_the_first_area_by_default(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch)
    assert not at.exception, at.exception
    assert at.title[0].value == "Över tid"
    [(first_area,)] = engine(example_db, "select min(goal_id) from goals where level = 'område'")
    assert at.selectbox(key="url_area").value == first_area
    assert at.selectbox(key="url_goal").value == first_area  # the area itself
    assert at.query_params["goal"] == first_area
    assert not at.warning


def test_goal_options_are_labelled_with_their_level(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch)
    box = at.selectbox(key="url_goal")
    [(title,)] = engine(example_db, "select title from goals where goal_id = 'KF1.1'")
    assert f"KF-mål · KF1.1 {title}" in box.options
    assert box.options[0].startswith("Område · O1 ")
    areas = at.selectbox(key="url_area").options
    assert areas[0].startswith("O1 ") and areas[-1] == "Vision och mål utanför målområdena"


def test_table_and_chart_equal_the_engine_across_all_years(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="KF2.2")
    assert not at.exception, at.exception
    assert at.button_group[0].value == "year"
    rows = engine(
        example_db,
        "select p.period, s.computed_status, s.assessed_status, s.effective_status, s.score, "
        "s.coverage from periods p left join goal_status s on s.period = p.period "
        "and s.goal_id = 'KF2.2' where p.is_evaluated and p.period_type = 'year' "
        "order by p.period_end",
    )
    table = at.dataframe[0].value
    assert len(table) == len(rows)  # every evaluated year, also those the goal is not valid in
    assert list(table["Beräknad status"]) == [status_or_dash(r[1]) for r in rows]
    assert list(table["Bedömd status"]) == [status_or_dash(r[2]) for r in rows]
    assert list(table["Gällande status"]) == [status_or_dash(r[3]) for r in rows]
    assert list(table["Poäng"]) == [score_text(r[4]) for r in rows]
    valid = [int(r[0]) in range(2019, 2023) for r in rows]
    assert list(table["Gäller"]) == ["ja" if v else "nej" for v in valid]
    assert [r[3] is not None for r in rows] == valid  # statuses exactly in the valid years

    fig = figure(at)
    line = fig["data"][0]
    shown = values(line["y"])
    for (_, _, _, _, score, _), y in zip(rows, shown, strict=True):
        assert (score is None and math.isnan(y)) or y == pytest.approx(score)
    ticks = fig["layout"]["xaxis"]["ticktext"]
    assert ticks == [r[0] for r in rows]  # ordered by end date


def test_points_carry_their_status_as_trace_symbol_and_word(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="O1")
    rows = dict(
        engine(
            example_db,
            "select s.period, s.effective_status from goal_status s join periods p "
            "using (period) where s.goal_id = 'O1' and p.period_type = 'year'",
        )
    )
    fig = figure(at)
    ticks = fig["layout"]["xaxis"]["ticktext"]
    for trace in fig["data"][1:]:
        key = next(k for k in status.GOAL_STATUSES if status.text(k) == trace["name"])
        symbol = status.style(key).symbol
        assert set(trace["text"]) == {symbol}
        assert f"Gällande status: {status.text(key)}" in trace["hovertemplate"]
        for x in values(trace["x"]):
            assert rows[ticks[int(x)]] == key


def test_status_changes_are_marked(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="O1")
    rows = engine(
        example_db,
        "select s.effective_status from goal_status s join periods p using (period) "
        "where s.goal_id = 'O1' and p.period_type = 'year' order by p.period_end",
    )
    table = at.dataframe[0].value
    valid = table[table["Gäller"] == "ja"]
    expected = [""] + [
        "↻ ändrad" if before != after else ""
        for (before,), (after,) in zip(rows, rows[1:], strict=False)
    ]
    assert list(valid["Förändring"]) == expected and "↻ ändrad" in expected


def test_default_thresholds_and_mandate_periods_on_the_chart(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="KF2.2")
    fig = figure(at)
    assert hlines(fig) == pytest.approx([1 / 3, 2 / 3])
    # Years 2017–2025 on the axis: new mandates between 2018 | 2019 and 2022 | 2023.
    ticks = fig["layout"]["xaxis"]["ticktext"]
    assert vlines(fig) == [ticks.index("2019") - 0.5, ticks.index("2023") - 0.5]
    assert "Ny mandatperiod 2019" in annotations(fig)
    assert "Ny mandatperiod 2023" in annotations(fig)


def test_reference_lines_are_drawn_as_plotly_draws_them_one_by_one():
    import plotly.graph_objects as go

    from ui import charts

    line, font = {"dash": "dot", "width": 1.5, "color": "#333333"}, {"size": 12}
    one_by_one = go.Figure()
    one_by_one.add_hline(
        y=0.5,
        line=line,
        annotation_text="Delvis",
        annotation_position="right",
        annotation_align="left",
        annotation_font=font,
    )
    one_by_one.add_vline(
        x=1.5,
        line=line,
        annotation_text="Ny mandatperiod 2019",
        annotation_position="top right",
        annotation_font=font,
        annotation_textangle=-90,
    )
    together = charts.reference_lines(
        go.Figure(),
        [
            charts.hline(0.5, "Delvis", line=line, font=font),
            charts.vline(1.5, "Ny mandatperiod 2019", line=line, font=font),
        ],
    )
    assert together.to_plotly_json()["layout"] == one_by_one.to_plotly_json()["layout"]


def test_tertials_as_a_separate_choice(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="KF2.2")
    at.button_group[0].set_value("tertial").run()
    assert not at.exception, at.exception
    [(count,)] = engine(
        example_db,
        "select count(*) from periods where is_evaluated and period_type = 'tertial'",
    )
    table = at.dataframe[0].value
    assert len(table) == count
    assert all("tertial" in p for p in table["Period"])
    fig = figure(at)
    ticks = fig["layout"]["xaxis"]["ticktext"]
    assert ticks[0] == "T1<br>2019" and ticks[1] == "T2"
    [boundary] = vlines(fig)
    assert ticks[int(boundary + 0.5)] == "T1<br>2023"


def test_validity_is_explained_for_a_goal_that_ended(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="KF2.2")
    [(valid_from, valid_to)] = engine(
        example_db, "select valid_from, valid_to from goals where goal_id = 'KF2.2'"
    )
    text = " ".join(i.value for i in at.info)
    assert f"{valid_from}–{valid_to}" in text
    assert f"Efter {valid_to} gäller målet inte längre" in text


def test_validity_is_explained_for_a_goal_that_started_later(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="KF2.4")
    text = " ".join(i.value for i in at.info)
    assert "Målet gäller 2023–2026" in text
    assert "ingen status före 2023" in text


def test_mandate_boundaries_are_every_fourth_year_from_2019(example_db):
    con = warehouse.open_read_only(example_db)
    try:
        cur = warehouse.cursor(con)
        years = warehouse.run(cur, "app/history_mandate_boundaries", period_type="year")
        tertials = warehouse.run(cur, "app/history_mandate_boundaries", period_type="tertial")
    finally:
        con.close()
    assert list(years.year) == [2019, 2023]
    assert list(years.x) == [1.5, 5.5]  # between 2018 | 2019 and 2022 | 2023
    assert list(tertials.label) == ["Ny mandatperiod 2023"]  # 2019-T1 is the first tertial


def test_choosing_another_goal_rewrites_the_url(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="KF2.2")
    assert at.query_params["area"] == "O2"
    at.selectbox(key="url_area").set_value("O1").run()
    assert not at.exception
    assert at.query_params["goal"] == "O1" and at.query_params["area"] == "O1"
    at.selectbox(key="url_goal").set_value("BUN1").run()
    assert not at.exception
    assert at.query_params["goal"] == "BUN1"
    assert at.subheader[0].value.startswith("BUN1 ")


def test_unknown_goal_in_the_url_gives_a_friendly_warning(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, goal="FINNS-INTE")
    assert not at.exception, at.exception
    assert any("FINNS-INTE" in unescaped(w.value) and "finns inte" in w.value for w in at.warning)


# --- rules and odd warehouses ---------------------------------------------------------------


def tiny_source(tmp_path: Path, without: tuple[str, ...] = (), settings: str = "") -> Path:
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    for table in without:
        (source / f"{table}.csv").unlink()
    if settings:
        with (source / "settings.csv").open("a", encoding="utf-8") as f:
            f.write(settings)
    return source


def test_thresholds_come_from_the_settings(tmp_path, monkeypatch):
    source = tiny_source(tmp_path, settings="full_threshold;0,8\npartial_threshold;0,4\n")
    db = built(source, tmp_path)
    at = run_page(db, monkeypatch, goal="N1")
    assert not at.exception, at.exception
    assert hlines(figure(at)) == pytest.approx([0.4, 0.8])
    assert any("0,80" in c.value and "0,40" in c.value for c in at.caption)


def test_a_preset_without_thresholds_draws_no_threshold_lines(tmp_path, monkeypatch):
    source = tiny_source(tmp_path, settings="rule_preset;worst_of\n")
    db = built(source, tmp_path)
    at = run_page(db, monkeypatch, goal="N1")
    assert not at.exception, at.exception
    assert hlines(figure(at)) == []
    assert any("inga poänggränser" in c.value for c in at.caption)


@pytest.mark.parametrize("case", ["tiny", "no_assessments", "no_outcomes"])
def test_renders_on_the_tiny_model(case, tmp_path, monkeypatch):
    without = {"tiny": (), "no_assessments": ("assessments",), "no_outcomes": ("outcomes",)}
    db = build([tiny_source(tmp_path, without[case])], tmp_path / "w.duckdb").path
    for goal in ("O1", "N1", "V"):
        st.cache_data.clear()
        at = run_page(db, monkeypatch, goal=goal)
        assert not at.exception, (goal, at.exception)
        assert at.subheader[0].value.startswith(f"{goal} ")


def test_a_goal_with_only_tertial_statuses_after_one_with_years(tmp_path, monkeypatch):
    """The period type chosen for one goal may not exist for the next one."""
    source = tiny_source(tmp_path)
    with (source / "goals.csv").open("a", encoding="utf-8") as f:
        f.write("N2;Nytt nämndmål;nämndmål;K1;BUN;2025;2026;\n")
    with (source / "outcomes.csv").open("a", encoding="utf-8") as f:
        f.write("N15505;2025-T1;232,0;T\n")
    db = built(source, tmp_path)
    at = run_page(db, monkeypatch, goal="N1")
    assert at.button_group[0].value == "year"
    at.selectbox(key="url_goal").set_value("N2").run()
    assert not at.exception, at.exception
    assert at.button_group[0].options == ["Tertial"]
    assert list(at.dataframe[0].value["Period"]) == [
        "2024 tertial 2 (jan–aug)",
        "2025 tertial 1 (jan–apr)",
    ]


def test_a_goal_without_any_status_gets_a_message(tmp_path, monkeypatch):
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    for file in source.glob("*.csv"):
        if file.stem not in ("settings", "goals", "organisation"):
            file.unlink()
    (source / "goals.csv").write_text("goal_id;title;level\nV;Visionen;vision\n", "utf-8")
    db = built(source, tmp_path)
    at = run_page(db, monkeypatch)
    assert not at.exception, at.exception
    assert any("ingen status" in i.value for i in at.info)


def test_says_how_to_build_a_missing_warehouse(tmp_path, monkeypatch):
    at = run_page(tmp_path / "missing.duckdb", monkeypatch)
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)
