"""Särskilda uppdrag and aktiviteter (format 1.1): read and checked with located messages, their
status carried forward over the evaluated periods with a passed deadline flagged, never counted
with the goals, and shown on the page Uppdrag, on a goal in Målkedjan, on the Nämnder page and
(the public ones) on the public goal page. The invented fixture is tests/fixtures/assignments
on top of tests/fixtures/tiny."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import (
    ROOT,
    build_ok,
    minimal_tables,
    problems_of,
    run_page,
    run_public_page,
    unescaped,
    warehouse_rows,
    write_csv_source,
)
from tests.test_publish import MARKER, marked_model

FIXTURES = ROOT / "tests" / "fixtures"
TINY, ASSIGNMENTS = FIXTURES / "tiny", FIXTURES / "assignments"


@pytest.fixture(scope="module")
def with_assignments(tmp_path_factory) -> Path:
    return build_ok(tmp_path_factory.mktemp("assignments"), TINY, ASSIGNMENTS)


@pytest.fixture(scope="module")
def without_assignments(tmp_path_factory) -> Path:
    return build_ok(tmp_path_factory.mktemp("no_assignments"), TINY)


def period_status(db: Path) -> dict[tuple[str, str], tuple]:
    rows = warehouse_rows(
        db,
        "select assignment_id, period, status, reported_period, deadline_passed "
        "from assignment_period_status",
    )
    return {(a, p): (s, r, d) for a, p, s, r, d in rows}


def test_a_finished_uppdrag_stays_finished_in_later_periods(with_assignments):
    found = period_status(with_assignments)
    assert found[("U1", "2023")] == ("genomfört", "2023", False)
    # No later report: the 2023 one carries to 2024-T2 and 2024, deadline or not.
    assert found[("U1", "2024-T2")] == ("genomfört", "2023", False)
    assert found[("U1", "2024")] == ("genomfört", "2023", False)


def test_a_later_report_reopens_it_from_its_own_period_on(with_assignments):
    found = period_status(with_assignments)
    assert found[("U2", "2023")] == ("genomfört", "2023", False)
    assert found[("U2", "2024-T2")] == ("genomfört", "2023", False)  # ends before the reopening
    # Reopened in 2024 and its deadline 2024-10-31 lies before the year's end.
    assert found[("U2", "2024")] == ("pågår", "2024", True)


def test_a_deadline_passed_without_a_report_is_flagged(with_assignments):
    found = period_status(with_assignments)
    assert {found[("U3", p)] for p in ("2023", "2024-T2", "2024")} == {(None, None, True)}


def test_an_uppdrag_is_listed_from_its_decision_on(with_assignments):
    # U4 was decided on 2024-01-10: not in 2023, and first reported in 2024-T2.
    periods = {p for a, p in period_status(with_assignments) if a == "U4"}
    assert periods == {"2024-T2", "2024"}
    evaluated = warehouse_rows(with_assignments, "select period from periods where is_evaluated")
    assert {p for a, p in period_status(with_assignments) if a == "U1"} == {p for (p,) in evaluated}


def test_uppdrag_never_count_in_the_goals(with_assignments, without_assignments):
    everything = "select * from goal_status order by all"
    assert warehouse_rows(with_assignments, everything) == warehouse_rows(
        without_assignments, everything
    )
    periods = "select * from periods order by all"
    assert warehouse_rows(with_assignments, periods) == warehouse_rows(without_assignments, periods)
    assert warehouse_rows(without_assignments, "select count(*) from assignments") == [(0,)]


def test_bad_references_are_located_in_swedish(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ASSIGNMENTS, source)
    assignments = source / "assignments.csv"
    text = assignments.read_text(encoding="utf-8")
    assignments.write_text(
        text.replace(
            "U3;Samla in elevernas synpunkter;aktivitet;BUN;BUN;", "U3;Samla in;ärende;SON;NN;"
        )
        .replace(";N1;Påhittat", ";N9;Påhittat")
        .replace("2024-01-10;2025-12-31", "2024-01-10;2023-12-31"),
        encoding="utf-8",
    )
    status = source / "assignment_status.csv"
    status.write_text(status.read_text(encoding="utf-8") + "U9;2024;klart;;\n", encoding="utf-8")
    found = {(Path(p.file).name, p.row, p.column): p.found for p in problems_of(TINY, source)}
    assert found == {
        ("assignments.csv", 2, "goal_ids"): 'okänt mål "N9"',
        ("assignments.csv", 4, "kind"): 'okänt värde "ärende"',
        ("assignments.csv", 4, "responsible"): 'okänd organisation "SON"',
        ("assignments.csv", 4, "decided_by"): 'okänd organisation "NN"',
        ("assignments.csv", 5, "deadline"): '"2023-12-31" är före beslutsdagen 2024-01-10',
        ("assignment_status.csv", 6, "status"): 'okänt värde "klart"',
        ("assignment_status.csv", 6, "assignment_id"): 'okänt uppdrag "U9"',
    }


def test_the_page_lists_every_uppdrag_with_its_status_in_words(
    with_assignments, monkeypatch, downloaded
):
    at = run_page("pages/assignments.py", with_assignments, monkeypatch, period="2024")
    assert not at.exception, at.exception
    [table] = at.table
    frame = table.value
    ids = [unescaped(title).split(" ")[0] for title in frame["Uppdrag"]]
    assert ids == ["U3", "U2", "U1", "U4"]  # the passed deadlines first, then by deadline
    shown = dict(zip(ids, frame.to_dict("records"), strict=True))
    assert shown["U1"]["Status"] == "●\u00a0Genomfört"  # symbol and word kept together
    assert "Senaste rapport: 2023" in unescaped(shown["U1"]["Kommentar"])
    assert shown["U2"]["Status"] == "◐\u00a0Pågår"
    assert unescaped(shown["U2"]["Sista dag passerad"]).startswith("⚠ Ja")
    assert shown["U3"]["Status"] == "Ingen\u00a0rapport"
    assert unescaped(shown["U1"]["Sista dag passerad"]) == "Nej"
    assert unescaped(shown["U1"]["Ansvarig"]) == "Barn- och utbildningsnämnden"
    assert "goal_chain?goal=N1&period=2024" in shown["U1"]["Mål"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sista dag passerad"] == "2"
    assert metrics["● Genomfört"] == "1"
    # The CSV holds the table in plain text: the goals as ids, no Markdown.
    name, data = downloaded(at, "csv_uppdrag-2024.csv")
    text = data.decode("utf-8-sig")
    assert name == "uppdrag-2024.csv"
    assert "U1 Utred fler förskoleplatser i centrum;Uppdrag;Barn- och utbildningsnämnden;" in text
    assert text.splitlines()[3].endswith(";N1")
    assert "\\" not in text and "](" not in text


def test_a_goal_and_a_namnd_list_their_uppdrag(with_assignments, monkeypatch):
    at = run_page("pages/goal_chain.py", with_assignments, monkeypatch, period="2024", goal="N1")
    assert not at.exception, at.exception
    assert any(m.value == "#### Uppdrag för målet" for m in at.markdown)
    [table] = [t for t in at.table if "Uppdrag" in t.value.columns]
    assert [unescaped(t).split(" ")[0] for t in table.value["Uppdrag"]] == ["U2", "U1"]

    at = run_page("pages/committees.py", with_assignments, monkeypatch, period="2024", namnd="BUN")
    assert not at.exception, at.exception
    [table] = [t for t in at.table if "Uppdrag" in t.value.columns]
    assert {unescaped(t).split(" ")[0] for t in table.value["Uppdrag"]} == {"U1", "U2", "U3", "U4"}


def test_a_body_with_uppdrag_and_no_goals_is_on_the_namnder_page(tmp_path, monkeypatch):
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    for name in ("assignments.csv", "assignment_status.csv"):
        shutil.copy(ASSIGNMENTS / name, source / name)
    with (source / "organisation.csv").open("a", encoding="utf-8") as file:
        file.write("RTF;Räddningstjänstförbundet;kommunalförbund;KF\n")
    with (source / "assignments.csv").open("a", encoding="utf-8") as file:
        file.write("U9;Öva med skolorna;uppdrag;RTF;KF;2023-02-01;2024-06-30;;;ja\n")
    db = build_ok(tmp_path, source)
    at = run_page("pages/committees.py", db, monkeypatch, period="2024", namnd="RTF")
    assert not at.exception, at.exception
    [choice] = [box for box in at.selectbox if box.label == "Nämnd eller styrelse"]
    assert choice.value == "RTF" and "Räddningstjänstförbundet" in choice.options
    [table] = [t for t in at.table if "Uppdrag" in t.value.columns]
    assert [unescaped(t).split(" ")[0] for t in table.value["Uppdrag"]] == ["U9"]


def test_pages_without_uppdrag_say_so_or_show_nothing(without_assignments, monkeypatch):
    at = run_page("pages/assignments.py", without_assignments, monkeypatch, period="2024")
    assert not at.exception, at.exception
    assert "Inga uppdrag" in at.info[0].value
    at = run_page("pages/goal_chain.py", without_assignments, monkeypatch, period="2024", goal="N1")
    assert not at.exception, at.exception
    assert not any("Uppdrag för målet" in m.value for m in at.markdown)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("public_assignments")
    source = write_csv_source(folder / "source", marked_model())
    return build([source], folder / "w.duckdb", public=True).path


def test_the_public_goal_page_shows_its_public_uppdrag_only(published, monkeypatch):
    at = run_public_page("pages/mal.py", published, monkeypatch, id="N1")
    assert not at.exception, at.exception
    shown = " ".join(unescaped(m.value) for m in at.markdown)
    assert "Uppdrag för målet" in [s.value for s in at.subheader]
    assert "Öppet uppdrag" in shown and "Öppen kommentar" in shown
    # Only the public one of its organisations; none of the internal uppdrag or their words.
    assert "Ansvarig: Barn- och utbildningsnämnden" in shown
    assert MARKER not in shown


def test_a_model_without_assignments_builds_as_before(tmp_path):
    """A version 1 source (no assignment tables) still builds, with empty assignment tables."""
    db = build_ok(tmp_path, write_csv_source(tmp_path / "source", minimal_tables()))
    counts = warehouse_rows(
        db,
        "select (select count(*) from assignments), (select count(*) from "
        "assignment_period_status), (select count(*) from assignment_statuses)",
    )
    assert counts == [(0, 0, 4)]


def test_an_incremental_build_carries_the_status_to_a_new_period(tmp_path):
    """New outcomes add an evaluated period: the kept uppdrag get their status there too, as a
    full build gives it."""
    from tests.test_incremental import outcomes_folder, outcomes_of

    tables = minimal_tables(without=("outcomes",))
    tables["assignments"] = [
        {"assignment_id": "U1", "title": "Uppdrag", "responsible": "BUN", "deadline": "2024-06-30"}
    ]
    tables["assignment_status"] = [{"assignment_id": "U1", "period": "2023", "status": "pågår"}]
    model = write_csv_source(tmp_path / "model", tables)
    old = outcomes_folder(tmp_path, "utfall-2023", outcomes_of("2023"))
    db = tmp_path / "w.duckdb"
    build([model, old], db)
    new = outcomes_folder(tmp_path, "utfall-2024", outcomes_of("2024"))
    assert build([model, old, new], db).incremental
    full = build([model, old, new], tmp_path / "full.duckdb", full=True).path
    assert (
        period_status(db)
        == period_status(full)
        == {
            ("U1", "2023"): ("pågår", "2023", False),
            ("U1", "2024"): ("pågår", "2023", True),
        }
    )
