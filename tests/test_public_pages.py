"""The public dashboard (ROD_TRAD_MODE=public) under AppTest: its frame, each public page's
numbers against the public warehouse, "hittades inte" for unknown and internal ids alike, and
the sentences of ui/public_text.py. Leaks: tests/test_public_leaks.py; the pages in Chromium:
tests/test_public_browser.py."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.publish import publish
from tests.conftest import (
    odd_warehouse,
    public_rows,
    rendered,
    run_page,
    run_public_page,
)
from ui import format as fmt
from ui import public_frame, public_text
from ui import status as st_status
from ui.data import CRASH_MESSAGE
from warehouse.files import public_path

PUBLIC_PAGES = [file for file, _, _ in public_frame.PAGES]
# A page and an id it shows, for each public page.
VIEWS = {
    "pages/public_start.py": {},
    "pages/omrade.py": {"id": "O1"},
    "pages/mal.py": {"id": "KF1.1"},
    "pages/indikator.py": {"id": "N15505"},
    "pages/om.py": {},
    "pages/oppna_data.py": {},
}
YEAR = "2025"  # the latest annual report of the example
# Words of the analysts' pages that the "hittades inte" page must not show.
ANALYST_WORDS = {"Datakvalitet", "Målkedjan", "Period"}


def texts(at) -> str:
    return "\n".join(rendered(at))


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_renders_with_the_data_notice(page, public_example_db, monkeypatch):
    at = run_public_page(page, public_example_db, monkeypatch, **VIEWS[page])
    assert not at.exception, at.exception
    assert not at.error  # run_in_frame shows an exception in public mode as an error
    assert at.title
    assert not at.sidebar.children  # nothing in a sidebar, developer text least of all
    # Synthetic example data says so on the page itself, never crediting Kolada.
    [notice] = [i.value for i in at.info if "Exempeldata" in i.value]
    assert "syntetiska" in notice and "python -m" not in notice
    assert "Källa\\: Kolada" not in texts(at)


def test_the_start_page_has_one_line_per_area_as_the_public_warehouse_counts(
    public_example_db, monkeypatch
):
    at = run_public_page("pages/public_start.py", public_example_db, monkeypatch)
    expected = public_rows(
        public_example_db,
        "select a.title, count(*), count(*) filter (where s.effective_status = 'uppfyllt'), "
        "count(*) filter (where s.effective_status = 'delvis') "
        "from goals a join goal_links l on l.parent_id = a.goal_id "
        "join goal_status s on s.goal_id = l.child_id and s.period = $year "
        "where a.level = 'område' group by a.goal_id, a.title order by a.goal_id",
        year=YEAR,
    )
    lines = [
        m.value for m in at.markdown if " mål uppfyllda " in m.value or "mål uppfyllt" in m.value
    ]
    assert lines == [
        f"**{reached} av {total} mål uppfyllda {YEAR}**" for _, total, reached, _ in expected
    ]
    captions = [c.value for c in at.caption]
    for _, _, reached, partly in expected:
        assert any(
            f"✔\xa0{reached} uppfyllda" in c or f"✔\xa0{reached} uppfyllt" in c for c in captions
        )
        if partly:
            assert any(f"½\xa0{partly} delvis" in c for c in captions)
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert headings == [f"#### {fmt.literal(title)}" for title, *_ in expected]
    links = [p.proto.query_string for p in at.get("page_link") if p.proto.page == "omrade"]
    areas = public_rows(
        public_example_db, "select goal_id from goals where level = 'område' order by 1"
    )
    assert links == [f"id={a}" for (a,) in areas]
    assert any("Sjövik – den trygga" in m.value for m in at.markdown)  # the vision


def test_an_area_page_lists_its_goals_with_their_statuses(public_example_db, monkeypatch):
    at = run_public_page("pages/omrade.py", public_example_db, monkeypatch, id="O1")
    assert [t.value for t in at.title] == ["Utbildning och livslångt lärande"]
    goals = public_rows(
        public_example_db,
        "select g.goal_id, g.title, s.effective_status from goal_links l "
        "join goals g on g.goal_id = l.child_id "
        "join goal_status s on s.goal_id = g.goal_id and s.period = $year "
        "where l.parent_id = 'O1' order by g.level_rank, g.goal_id",
        year=YEAR,
    )
    links = [
        (p.proto.query_string, p.proto.label) for p in at.get("page_link") if p.proto.page == "mal"
    ]
    assert links == [
        (f"id={goal_id}", f"{st_status.text(status)} · {fmt.literal(title)}")
        for goal_id, title, status in goals
    ]


@pytest.mark.parametrize("goal_id", ["KF1.2", "BUN2"])
def test_a_goal_page_shows_its_status_assessment_and_indicators(
    goal_id, public_example_db, monkeypatch
):
    at = run_public_page("pages/mal.py", public_example_db, monkeypatch, id=goal_id)
    [(title, status, analysis, hidden)] = public_rows(
        public_example_db,
        "select g.title, s.effective_status, a.analysis, h.goal_id is not null "
        "from goals g join goal_status s on s.goal_id = g.goal_id and s.period = $year "
        "left join assessments a on a.goal_id = g.goal_id and a.period = $year "
        "left join hidden_basis h on h.goal_id = g.goal_id and h.period = $year "
        "where g.goal_id = $goal",
        year=YEAR,
        goal=goal_id,
    )
    assert [t.value for t in at.title] == [title]
    shown = [m.value for m in at.markdown]
    assert f"#### Bedömning {YEAR}: {st_status.badge(status)}" in shown
    assert fmt.literal(analysis) in shown
    assert (public_text.HIDDEN_BASIS in shown) == hidden
    indicators = public_rows(
        public_example_db,
        "select distinct indicator_id from indicator_status "
        "where goal_id = $goal and period = $year",
        goal=goal_id,
        year=YEAR,
    )
    linked = {p.proto.query_string for p in at.get("page_link") if p.proto.page == "indikator"}
    assert linked == {f"id={i}" for (i,) in indicators}
    history = at.table[0].value  # earlier assessments, newest first
    expected = public_rows(
        public_example_db,
        "select s.period, s.effective_status from goal_status s join periods p using (period) "
        "where s.goal_id = $goal and p.period_type = 'year' order by p.period_end desc",
        goal=goal_id,
    )
    assert list(history["Period"]) == [p for p, _ in expected]
    assert list(history["Bedömning"]) == [st_status.text(s) for _, s in expected]


def test_the_example_has_a_goal_with_a_hidden_basis_and_one_without(public_example_db):
    """So that the goal page test above checks both sides of the sentence."""
    hidden = public_rows(
        public_example_db,
        "select goal_id from hidden_basis where period = $year and goal_id in ('KF1.2', 'BUN2')",
        year=YEAR,
    )
    assert hidden == [("BUN2",)]


def test_an_indicator_page_draws_its_series_and_says_it_in_words(public_example_db, monkeypatch):
    at = run_public_page("pages/indikator.py", public_example_db, monkeypatch, id="N15505")
    [chart] = at.get("plotly_chart")
    values = public_rows(
        public_example_db,
        "select period, value from outcomes where indicator_id = 'N15505' and subject = '9999' "
        "and gender = 'T' and period_type = 'year' order by period_end",
    )
    (first, first_value), (last, last_value) = values[0], values[-1]
    [words] = [m.value for m in at.markdown if m.value.startswith("**Diagrammet i ord:**")]
    for value, period in ((first_value, first), (last_value, last)):
        assert fmt.literal(f"{fmt.number(value, 1)}\xa0meritpoäng ({period})") in words
    assert chart.proto.alt and chart.proto.alt in words.replace("\\", "")
    table = at.table[0].value
    assert (
        len(table)
        == public_rows(
            public_example_db,
            "select count(*) from outcomes where indicator_id = 'N15505' and period_type = 'year' "
            "and (subject = '9999' or subject in ('0000', 'G99999') and gender = 'T')",
        )[0][0]
    )
    assert any("Källa\\: syntetisk" in c.value for c in at.caption)
    goals = {p.proto.query_string for p in at.get("page_link") if p.proto.page == "mal"}
    assert goals == {"id=KF1.1", "id=BUN2"}


def test_an_indicator_with_values_from_kolada_credits_kolada(tmp_path, monkeypatch):
    from etl.build import build
    from tests.conftest import minimal_tables, write_csv_source
    from tests.test_real_kolada import kolada_rows  # skips when the real extracts are missing

    tables = minimal_tables()  # Testkommun, municipality code 0180: Stockholm's values
    tables["indicators"][0] |= {"source": "kolada", "kolada_kpi": "N15505"}
    tables["outcomes"] = kolada_rows("N15505")
    db = build([write_csv_source(tmp_path / "source", tables)], tmp_path / "w.duckdb", public=True)
    at = run_public_page("pages/indikator.py", db.path, monkeypatch, id="N15505")
    assert not at.exception and not at.error
    notes = " ".join(c.value for c in at.caption)
    assert "Källa\\: Kolada" in notes and "krediteras" not in notes
    [(period, value)] = public_rows(
        db.path,
        "select period, value from outcomes where subject = '0180' and gender = 'T' "
        "and value is not null order by period_end desc limit 1",
    )
    [words] = [m.value for m in at.markdown if m.value.startswith("**Diagrammet i ord:**")]
    assert fmt.literal(f"till {fmt.number(value, 2)} ({period})") in words


@pytest.mark.parametrize(
    ("page", "internal"),
    [
        ("pages/mal.py", "BUN8"),  # a nämndmål the example marks public = nej
        ("pages/omrade.py", "BUN8"),
        ("pages/omrade.py", "KF1.1"),  # public, but not an area
        ("pages/indikator.py", "BU-SJUK"),  # an indicator marked public = nej
    ],
)
def test_an_internal_id_gives_exactly_what_an_unknown_id_gives(
    page, internal, public_example_db, monkeypatch
):
    hidden = run_public_page(page, public_example_db, monkeypatch, id=internal)
    unknown = run_public_page(page, public_example_db, monkeypatch, id="FINNS-INTE")
    missing = run_public_page(page, public_example_db, monkeypatch)
    assert not hidden.exception and not unknown.exception
    assert "hittades inte" in hidden.title[0].value
    assert rendered(hidden) == rendered(unknown) == rendered(missing)


def test_the_ids_used_above_are_in_the_whole_warehouse(public_example_db):
    from tests.conftest import warehouse_rows

    rows = warehouse_rows(
        public_example_db,
        "select (select is_public from goals where goal_id = 'BUN8'), "
        "(select is_public from indicators where indicator_id = 'BU-SJUK')",
    )
    assert rows == [(False, False)]


def test_the_analysts_pages_are_not_registered(public_example_db, monkeypatch):
    at = run_public_page("pages/public_start.py", public_example_db, monkeypatch)
    for page in ("pages/data_quality.py", "pages/start.py", "pages/goal_chain.py"):
        with pytest.raises(ValueError, match="navigation page"):
            at.switch_page(page)


@pytest.mark.parametrize("page", ["pages/data_quality.py", "pages/goal_chain.py"])
def test_an_analysts_page_asked_for_by_its_hash_is_not_found(page, public_example_db, monkeypatch):
    # AppTest's first run asks for a page by the hash of its file's stem, as the rerun out of
    # Streamlit's legacy pages/ mode does on a fresh server.
    at = run_public_page(page, public_example_db, monkeypatch)
    assert not at.exception
    assert [t.value for t in at.title] == ["Sidan hittades inte"]
    assert ANALYST_WORDS.isdisjoint(" ".join(rendered(at)).split())


def test_public_mode_reads_only_the_public_warehouse(public_example_db, tmp_path, monkeypatch):
    alone = tmp_path / "w.duckdb"  # never written: only its public file is there
    public_path(alone).write_bytes(public_path(public_example_db).read_bytes())
    at = run_public_page("pages/mal.py", alone, monkeypatch, id="KF1.1")
    assert not at.exception and not at.error
    assert at.title[0].value == "Alla elever ska ges förutsättningar att nå kunskapsmålen"


def test_without_a_public_warehouse_the_page_says_so_without_its_path(
    public_example_db, tmp_path, monkeypatch
):
    at = run_public_page(
        "pages/public_start.py", public_example_db.parent / "x.duckdb", monkeypatch
    )
    assert not at.exception
    [error] = at.error
    assert "kan inte visas just nu" in error.value
    assert str(public_example_db.parent) not in texts(at)
    # The internal app beside it still builds it for the operator: the whole warehouse exists.
    internal = run_page("pages/start.py", public_example_db, monkeypatch)
    assert not internal.exception


def test_a_page_that_fails_says_so_in_swedish(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    public_path(db).write_bytes(b"not a database " * 100)
    at = run_public_page("pages/public_start.py", db, monkeypatch)
    assert [e.value for e in at.error] == [CRASH_MESSAGE]  # logged, not shown
    assert str(tmp_path) not in texts(at)


@pytest.mark.parametrize("value", ["publik", "PUBLIC ", "intern"])
def test_a_bad_mode_is_named_in_swedish(value, public_example_db, monkeypatch):
    monkeypatch.setenv("ROD_TRAD_MODE", value)
    at = run_page("pages/public_start.py", public_example_db, monkeypatch)
    if value.strip().lower() == "public":
        assert not at.error  # case and spaces do not matter
        return
    assert not at.exception
    [error] = at.error
    assert "ROD_TRAD_MODE" in error.value and f"”{value}”" in error.value
    assert "internal" in error.value and "public" in error.value


@pytest.mark.parametrize("case", ["no_assessments", "no_outcomes", "single_goal"])
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_renders_on_odd_warehouses(page, case, tmp_path, monkeypatch):
    db = {
        "no_assessments": lambda: odd_warehouse(tmp_path, without=("assessments",)),
        "no_outcomes": lambda: odd_warehouse(tmp_path, without=("outcomes",)),
        "single_goal": lambda: odd_warehouse(tmp_path, goals_only=True),
    }[case]()
    publish(db, public_path(db))
    params = {"pages/mal.py": {"id": "V"}, "pages/omrade.py": {"id": "V"}}.get(page, {})
    at = run_public_page(page, db, monkeypatch, **params)
    assert not at.exception, at.exception
    assert not at.error


def test_an_unknown_address_gets_a_swedish_page_the_way_streamlit_names_it():
    """ui/public_frame.py learns the address asked for from the page manager's
    ``intended_page_name`` and ``intended_page_script_hash``, the hash being ``calc_hash`` of
    the address; should Streamlit change these, unknown addresses would show Streamlit's
    English dialog again, or the start page."""
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.util import calc_hash

    from tests.conftest import ROOT

    manager = PagesManager(str(ROOT / "dashboard.py"), setup_watcher=False)
    manager.set_script_intent(calc_hash("data_quality"), "data_quality")
    assert manager.intended_page_name == "data_quality"
    assert manager.intended_page_script_hash == calc_hash("data_quality")
    assert st.Page.__dict__["_script_hash"].fget.__code__.co_names[-2:] == (
        "calc_hash",
        "_url_path",
    )


# --- the words ---------------------------------------------------------------------------------


def test_a_line_per_area_counts_goals_in_words():
    counts = {"uppfyllt": 7, "delvis": 1, "ej uppfyllt": 4}
    assert public_text.reached_line(counts, 12, "2025") == "7 av 12 mål uppfyllda 2025"
    assert public_text.reached_line({"uppfyllt": 1}, 1, "2025") == "1 av 1 mål uppfyllt 2025"
    assert public_text.counts_line(counts) == (
        "✔\xa07 uppfyllda · ½\xa01 delvis uppfyllt · ✖\xa04 ej uppfyllda"
    )
    assert public_text.counts_line({}) == ""


def series(values: list[float | None], *, role="kommun", gender="T", start=2019) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "role": role,
            "gender": gender,
            "subject": {"kommun": "9999", "riket": "0000"}[role],
            "series_label": {"kommun": "Testkommun", "riket": "Riket"}[role],
            "period": [str(start + i) for i in range(len(values))],
            "period_end": [pd.Timestamp(start + i, 12, 31) for i in range(len(values))],
            "value": values,
            "is_preliminary": False,
        }
    )


def targets(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "subject": "9999",
            "gender": "T",
            "period": [p for p, _, _ in rows],
            "period_end": [pd.Timestamp(int(p), 12, 31) for p, _, _ in rows],
            "comparator": [c for _, c, _ in rows],
            "value": [v for _, _, v in rows],
            "low": None,
            "high": None,
            "is_carried": False,
        }
    )


def test_the_chart_in_words_tells_the_trend_the_extremes_the_target_and_riket():
    frame = pd.concat(
        [series([10.0, 14.0, 9.0, 12.5]), series([11.0, 11.0, 11.0, 11.5], role="riket")]
    )
    text = public_text.trend_text(
        frame,
        targets([("2022", ">=", 12.0), ("2023", ">=", 13.0)]),
        direction="higher",
        decimals=1,
        unit="%",
    )
    assert text == (
        "För Testkommun har värdet ökat från 10,0\xa0% (2019) till 12,5\xa0% (2022). "
        "Lägst var det 9,0\xa0% (2021) och högst 14,0\xa0% (2020). "
        "Från 2021 till 2022 ökade värdet med 3,5\xa0%. "
        "Högre värden är bättre. "
        "Målvärdet för 2022 är minst 12,0\xa0%. Målvärdet för 2023 är minst 13,0\xa0%. "
        "Riket hade 11,5\xa0% samma år."
    )


def test_the_chart_in_words_of_a_falling_series_and_of_a_single_value():
    falling = public_text.trend_text(
        series([5.0, 4.0]), targets([]), direction="lower", decimals=0, unit=None
    )
    assert (
        falling
        == "För Testkommun har värdet minskat från 5 (2019) till 4 (2020). Lägre värden är bättre."
    )
    single = public_text.trend_text(
        series([None, 3.0]), targets([]), direction=None, decimals=0, unit="st"
    )
    assert single == "Det finns ett värde för Testkommun: 3\xa0st (2020)."
    assert "inga värden" in public_text.trend_text(
        series([None]), targets([]), direction=None, decimals=0, unit=None
    )


def test_every_goal_status_is_explained_with_its_symbol():
    glossary = dict(public_text.status_glossary())
    assert list(glossary) == [st_status.text(code) for code in st_status.GOAL_STATUSES]
    assert all(glossary.values())
