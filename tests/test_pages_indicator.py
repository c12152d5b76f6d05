"""The indicator page: addressed by URL, shows the engine's statuses and exactly the outcomes
it should (never other municipalities), credits Kolada only for Kolada rows, offers the plotted
values as a Swedish-Excel CSV, and renders on odd warehouses."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import warehouse
from tests.conftest import built, engine, unescaped
from tests.conftest import run_page as open_page
from tests.support.browser import wait_until_idle
from tests.support.tools import missing
from tools.server import CHROMIUM, CHROMIUM_ARGS, chromium_missing_reason, streamlit_server
from ui import format as fmt
from ui import status as st_status

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
PAGE = "pages/indicator.py"


def run_page(db: Path, monkeypatch, **params: str):
    return open_page(PAGE, db, monkeypatch, **params)


def tiny_variant(tmp_path: Path, *, drop=(), outcomes: str | None = None, extra=None) -> Path:
    """The tiny fixture, optionally without some tables or with other outcomes, built."""
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    for table in drop:
        (source / f"{table}.csv").unlink()
    if outcomes is not None:
        (source / "outcomes.csv").write_text(outcomes, encoding="utf-8")
    for name, text in (extra or {}).items():
        (source / f"{name}.csv").write_text(text, encoding="utf-8")
    return built(source, tmp_path)


def page_text(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info", "warning")
             for e in at.get(kind)]  # fmt: skip
    return unescaped("\n".join(str(p) for p in parts))  # as shown, not as Markdown


def values_table(at: AppTest) -> pd.DataFrame:
    """The plotted values: the table in the expander "Värden i diagrammet", opened first (a
    closed one is not drawn)."""
    if not at.dataframe:
        at.session_state["indicator_values"] = True
        at.run()
    [table] = at.dataframe
    return table.value


def chart(at: AppTest) -> list[dict]:
    """The chart's traces, with plotly's binary-encoded arrays decoded to lists."""
    return [
        {key: _decoded(value) for key, value in trace.items()}
        for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    ]


def _decoded(value):
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, dict):
        return {k: _decoded(v) for k, v in value.items()}
    return value


# --- addressed by URL -----------------------------------------------------------------------


def test_renders_on_the_example_without_parameters(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch)
    assert not at.exception, at.exception
    [(area, first, title)] = engine(
        example_db,
        "select c.ancestor_id, i.indicator_id, i.title from indicators i "
        "join goal_indicators gi using (indicator_id) "
        "join goal_closure c on c.descendant_id = gi.goal_id "
        "join goals a on a.goal_id = c.ancestor_id where a.level = 'område' "
        "order by c.ancestor_id, i.indicator_id limit 1",
    )
    assert at.selectbox(key="url_area").value == area  # the first area, its first indicator
    assert at.selectbox(key="url_indicator").value == first
    assert at.title[0].value == title


def test_indicator_and_period_follow_the_url(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    assert not at.exception
    assert at.selectbox(key="url_indicator").value == "N15505"
    assert at.selectbox(key="url_period").value == "2025"
    assert at.query_params["indicator"] == "N15505"
    [(title, unit)] = engine(
        example_db, "select title, unit from indicators where indicator_id = 'N15505'"
    )
    assert unescaped(at.title[0].value) == title
    facts = next(m.value for m in at.markdown if "**Riktning:**" in m.value)
    assert "högre är bättre" in facts and unit in facts and "N15505" in facts
    labels = at.selectbox(key="url_indicator").options
    assert f"N15505 · {title}" in labels
    assert at.query_params["area"] == at.selectbox(key="url_area").value == "O1"


def test_unknown_indicator_gives_a_warning_not_an_exception(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="FINNS-INTE")
    assert not at.exception
    assert any("FINNS-INTE" in unescaped(w.value) and "finns inte" in w.value for w in at.warning)


def test_unknown_goal_gives_a_warning_and_a_goal_without_targets_a_note(tmp_path, monkeypatch):
    at = run_page(tiny_variant(tmp_path), monkeypatch, indicator="N15505", goal="FINNS-INTE")
    assert not at.exception
    assert any("FINNS-INTE" in unescaped(w.value) for w in at.warning)
    assert "goal" not in at.query_params

    st.cache_data.clear()
    st.cache_resource.clear()
    db = tiny_variant(
        tmp_path / "b",
        extra={"goal_indicators": "goal_id;indicator_id\nN1;N15505\nK1;N15505\n"},
    )
    at = run_page(db, monkeypatch, indicator="N15505", goal="K1")
    assert not at.exception
    assert any("K1 har inga målvärden" in i.value for i in at.info)


# --- the engine's numbers on screen ---------------------------------------------------------


def test_markdown_cells_escape_every_punctuation_character():
    text = "Kostnad (kr)* [1] _a_ :red[b] $5 <i>x</i> 1. #2 | ~ \\ åäö"
    escaped = fmt.literal(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text  # unescaped, exactly the text
    punctuation = [c for c in text if c.isascii() and not c.isalnum() and c != " "]
    assert escaped.count("\\") == len(punctuation) + 1  # each one escaped (the "\\" twice)


def _one_line(text: str) -> str:
    """A short cell of the status table: Markdown, kept on one line."""
    return fmt.literal(text).replace(" ", fmt.NBSP)


def test_status_table_shows_the_engines_indicator_status(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    table = at.table[0].value
    rows = engine(
        example_db,
        "select s.goal_id, s.status, s.trend, s.value, s.value_period, s.target_value "
        "from indicator_status s join goals g using (goal_id) "
        "where s.indicator_id = 'N15505' and s.period = '2025' order by g.level_rank, goal_id",
    )
    assert len(table) == len(rows) == 2
    for shown, (goal, status, trend, value, value_period, target) in zip(
        table.itertuples(), rows, strict=True
    ):
        # Markdown cells, shown as written (a static table, every cell Markdown)
        assert shown.Mål == f"[{fmt.literal(goal)}](goal_chain?goal={goal}&period=2025)"
        assert shown.Status == _one_line(st_status.text(status))
        assert shown.Trend == _one_line(st_status.trend(trend))
        assert shown.Utfall == _one_line(f"{fmt.number(value, 1)} ({value_period})")
        assert fmt.literal(fmt.number(target, 1)) in shown.Målvärde
    assert "Status 2025 (helår)" in [s.value for s in at.subheader]


def test_goals_are_linked_to_the_goal_chain(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    links = [p.proto for p in at.get("page_link")]
    goals = engine(
        example_db,
        "select goal_id from goal_indicators gi join goals using (goal_id) "
        "where indicator_id = 'N15505' order by level_rank, goal_id",
    )
    assert [(p.page, p.query_string) for p in links] == [
        ("goal_chain", f"goal={goal}&period=2025") for (goal,) in goals
    ]


def test_table_holds_exactly_the_plotted_outcomes(example_db, monkeypatch):
    """Municipality in total, women and men; riket and groups in total; nothing else."""
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    table = values_table(at)
    expected = engine(
        example_db,
        "select period, subject, gender, value, is_preliminary from outcomes "
        "where indicator_id = 'N15505' and period_type = 'year' and "
        "(subject = '9999' or gender = 'T' and subject in ('0000', 'G99999'))",
    )
    assert len(table) == len(expected) == 45
    shown = {(r.Period, r.Avser.split(" ")[0].split(",")[0], r.Kön, r._4) for r in
             table.itertuples()}  # fmt: skip
    genders = {"T": "Totalt", "K": "Kvinnor", "M": "Män"}
    names = {"9999": "Sjöviks", "0000": "Riket", "G99999": "G99999"}
    assert shown == {(p, names[s], genders[g], fmt.number(v, 1)) for p, s, g, v, _ in expected}
    assert set(table.Källa) == {"syntetisk"}
    traces = chart(at)
    names_in_chart = [t["name"] for t in traces]
    assert "Riket" in names_in_chart
    assert any("ovägt medel" in n for n in names_in_chart)
    assert sum(len(t["x"]) for t in traces) <= 10_000


def test_plotted_values_are_drawn_when_their_expander_is_opened(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    [box] = [e for e in at.expander if e.label.startswith("Värden i diagrammet")]
    assert box.label == "Värden i diagrammet (45 rader)"
    assert not at.dataframe  # closed: the grid is not sent at all
    assert len(values_table(at)) == 45  # opened (a rerun): the plotted values
    assert at.get("download_button")  # the CSV does not depend on it


def test_other_municipalities_are_never_read_but_units_are(tmp_path, monkeypatch):
    outcomes = (
        "indicator_id;period;value;subject;gender;source\n"
        "N15505;2023;228,1;;T;Kolada\n"
        "N15505;2024;231,5;;T;Kolada\n"
        "N15505;2024;224,0;0000;T;Kolada\n"
        "N15505;2024;226,0;G123;T;Kolada\n"
        "N15505;2024;240,0;0180;T;Kolada\n"  # another municipality: never shown
        "N15505;2024;219,5;BUN;T;Skolverket\n"
    )
    at = run_page(tiny_variant(tmp_path, outcomes=outcomes), monkeypatch, indicator="N15505")
    assert not at.exception
    table = values_table(at)
    assert "0180" not in " ".join(table.Avser)
    assert any("BUN" in a for a in table.Avser)
    assert any("ovägt medel" in a for a in table.Avser)
    assert len(table) == 5
    sources = next(unescaped(c.value) for c in at.caption if c.value.startswith("Källa"))
    assert "Kolada (" in sources and "Skolverket (" in sources


def test_point_limit_keeps_whole_series_in_order(example_db):
    con = warehouse.open_read_only(example_db)
    try:
        cur = warehouse.cursor(con)
        rows = warehouse.run(
            cur, "app/indicator_series", indicator="N15505", period_type="year", max_points=20
        )
    finally:
        con.close()
    assert len(rows) <= 20
    assert list(rows.series_label.unique()) == ["Sjöviks kommun", "Sjöviks kommun, kvinnor"]
    assert rows.series_kept.iloc[0] == 2 and rows.series_total.iloc[0] == 5


# --- Kolada credit --------------------------------------------------------------------------


def test_kolada_is_never_credited_for_synthetic_values(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="N15505")
    text = page_text(at)
    assert "Källa: Kolada" not in text
    assert "Källa: syntetisk" in text
    assert "ska inte krediteras Kolada" in text


def test_kolada_is_credited_when_the_rows_say_kolada(tmp_path, monkeypatch):
    outcomes = (
        "indicator_id;period;value;source\nN15505;2023;228,1;Kolada\nN15505;2024;231,5;kolada\n"
    )
    at = run_page(tiny_variant(tmp_path, outcomes=outcomes), monkeypatch, indicator="N15505")
    text = page_text(at)
    assert "Källa: Kolada" in text
    assert "krediteras" not in text


# --- targets, goals, periods, preliminary values --------------------------------------------


def test_goal_selector_only_when_targets_differ(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    assert not [s for s in at.selectbox if s.key == "url_goal"]
    assert any("detsamma för målen" in c.value for c in at.caption)

    at = run_page(example_db, monkeypatch, indicator="SB-ENERGI", goal="SBN4", period="2022")
    assert not at.exception
    assert at.selectbox(key="url_goal").value == "SBN4"
    [(value,)] = engine(
        example_db,
        "select value from targets where goal_id = 'SBN4' and indicator_id = 'SB-ENERGI' "
        "order by period_end limit 1",
    )
    target_trace = next(t for t in chart(at) if t["name"] == "Målvärde")
    assert target_trace["y"][0] == value
    assert target_trace["line"]["shape"] == "hv"


def test_between_target_is_a_band_and_preliminary_values_are_open_markers(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="BO-VAKANS", period="2025")
    assert not at.exception
    traces = chart(at)
    assert any(t.get("fill") == "tonexty" for t in traces)
    main = traces[0]
    [(prelim_period,)] = engine(
        example_db,
        "select period from outcomes where indicator_id = 'BO-VAKANS' and is_preliminary",
    )
    periods = [c[0] for c in main["customdata"]]
    symbols = dict(zip(periods, main["marker"]["symbol"], strict=True))
    assert symbols[prelim_period] == "circle-open"
    assert {c[0]: c[1] for c in main["customdata"]}[prelim_period] == " (preliminärt)"
    assert "%{customdata[1]}" in main["hovertemplate"]
    table = values_table(at)
    assert table.set_index("Period").loc[prelim_period, "Preliminärt"] == "ja"


def test_increase_target_is_said_in_words(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, indicator="KU-BIBL", period="2025")
    assert not at.exception
    assert any("ska öka" in c.value for c in at.caption)


def test_years_and_tertials_are_chosen_separately(tmp_path, monkeypatch):
    at = run_page(tiny_variant(tmp_path), monkeypatch, indicator="N15505", period="2024")
    control = at.get("button_group")[0]
    assert control.options == ["År", "Tertial"]
    assert list(values_table(at).Period) == ["2023", "2024"]
    control.set_value("tertial").run()
    assert not at.exception
    table = values_table(at)
    assert list(table.Period) == ["2024-T2"]
    assert table.iloc[0, 3] == "–"  # a missing value is shown as missing, never 0


# --- CSV ------------------------------------------------------------------------------------


def test_csv_is_the_table_for_swedish_excel(example_db, monkeypatch, downloaded):
    at = run_page(example_db, monkeypatch, indicator="N15505", period="2025")
    name, data = downloaded(at, "indicator_csv")
    assert name == "utfall-N15505-ar.csv"
    table = values_table(at)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(table.columns)
    assert len(rows) == len(table) + 1
    for row, shown in zip(rows[1:], table.itertuples(index=False), strict=True):
        assert row[0] == shown[0] and row[1] == shown[1] and row[2] == shown[2]
        assert row[3] == shown[3].replace(fmt.NBSP, "")  # decimal comma, no thousands gap
        assert "," in row[3] and "." not in row[3]


def test_csv_writes_a_missing_value_as_an_empty_field(tmp_path, monkeypatch, downloaded):
    at = run_page(tiny_variant(tmp_path), monkeypatch, indicator="N15505", period="2024")
    at.get("button_group")[0].set_value("tertial").run()
    name, data = downloaded(at, "indicator_csv")
    assert name == "utfall-N15505-tertial.csv"
    assert data.decode("utf-8-sig").splitlines()[1].split(";")[3] == ""
    at = run_page(tiny_variant(tmp_path / "b"), monkeypatch, indicator="N15505")
    assert "1231,5" in downloaded(at, "indicator_csv")[1].decode("utf-8-sig")


@pytest.mark.browser
def test_csv_download_in_the_browser(example_db):
    reason = chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    with streamlit_server(example_db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        page.goto(f"{url}/indicator?indicator=N15505&period=2025")
        page.get_by_role("button", name="Ladda ner som CSV").wait_for(timeout=30_000)
        wait_until_idle(page)
        with page.expect_download() as info:
            page.get_by_role("button", name="Ladda ner som CSV").click()
        download = info.value
        data = Path(download.path()).read_bytes()
        browser.close()
    assert download.suggested_filename == "utfall-N15505-ar.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    header, first, *rest = data.decode("utf-8-sig").splitlines()
    assert header == "Period;Avser;Kön;Värde (meritpoäng);Preliminärt;Källa"
    assert len(rest) + 1 == 45
    [(value,)] = engine(
        example_db,
        "select value from outcomes where indicator_id = 'N15505' and subject = '9999' "
        "and gender = 'T' order by period_end limit 1",
    )
    assert first.split(";")[3] == f"{value:.1f}".replace(".", ",")


# --- odd warehouses -------------------------------------------------------------------------


@pytest.mark.parametrize("drop", [(), ("outcomes",), ("assessments",), ("targets",)])
def test_renders_on_odd_warehouses(drop, tmp_path, monkeypatch):
    at = run_page(tiny_variant(tmp_path, drop=drop), monkeypatch, indicator="N15505")
    assert not at.exception, at.exception
    assert at.title[0].value == "Meritvärde"
    if "outcomes" in drop:
        assert any("inga utfall" in i.value for i in at.info)
    if "targets" in drop:
        assert any("inga målvärden" in c.value for c in at.caption)


def test_renders_on_a_single_goal_warehouse(tmp_path, monkeypatch):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(TINY / "settings.csv", source)
    (source / "goals.csv").write_text("goal_id;title;level\nV;Visionen;vision\n", "utf-8")
    at = run_page(built(source, tmp_path), monkeypatch, indicator="X")
    assert not at.exception
    assert any("inga indikatorer" in i.value for i in at.info)


def test_missing_warehouse_says_how_to_build(tmp_path, monkeypatch):
    at = run_page(tmp_path / "missing.duckdb", monkeypatch)
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)
