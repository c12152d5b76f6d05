"""The public warehouse holds what is public and nothing else (etl/publish.py).

A model with a marker text ("HEMLIG…") in every field that must not be published: the ids,
titles, descriptions, units and sources of goals and indicators marked ``public = nej``, their
targets, outcomes and assessments, an organisation responsible only for internal goals, and the
internal notes of public rows (x_ columns, who assessed, the reason for an override). Every cell
of every table of the public file is searched for the marker.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import warehouse
from etl.build import build
from tests.conftest import minimal_tables, write_csv_source

# The module's models are built once: its tests run on one worker under pytest-xdist.
pytestmark = pytest.mark.xdist_group("publish")

MARKER = "HEMLIG"


def marked_model() -> dict:
    tables = minimal_tables()
    tables["organisation"].append(
        {"org_id": "HEMLIGORG", "name": "HEMLIG nämnd", "type": "nämnd", "parent_id": "KF"}
    )
    tables["goals"][2] |= {"x_anteckning": "HEMLIG anteckning"}  # N1, public
    tables["goals"] += [
        {"goal_id": "HEMLIG-K2", "title": "HEMLIG kf-mål", "level": "kf-mål",
         "parent_ids": "V", "responsible": "KF", "description": "HEMLIG beskrivning",
         "public": "nej"},
        # A public goal whose only parent is internal: it hangs under the vision instead.
        {"goal_id": "N2", "title": "Öppet mål", "level": "nämndmål", "parent_ids": "HEMLIG-K2",
         "responsible": "BUN"},
        {"goal_id": "HEMLIG-N3", "title": "HEMLIG nämndmål", "level": "nämndmål",
         "parent_ids": "K1", "responsible": "HEMLIGORG", "public": "nej"},
    ]  # fmt: skip
    tables["indicators"] += [
        {"indicator_id": "HEMLIG-I", "title": "HEMLIG indikator", "direction": "higher",
         "unit": "HEMLIG enhet", "description": "HEMLIG om indikatorn", "public": "nej"},
        {"indicator_id": "OPPEN", "title": "Öppen indikator", "direction": "lower"},
    ]  # fmt: skip
    tables["goal_indicators"] += [
        {"goal_id": "N1", "indicator_id": "HEMLIG-I"},
        {"goal_id": "N2", "indicator_id": "OPPEN"},
        {"goal_id": "HEMLIG-N3", "indicator_id": "OPPEN"},
    ]
    tables["targets"] += [
        {"goal_id": "N1", "indicator_id": "HEMLIG-I", "period": "2024", "comparator": ">=",
         "value": "50"},
        {"goal_id": "N2", "indicator_id": "OPPEN", "period": "2024", "comparator": "<=",
         "value": "10"},
        {"goal_id": "HEMLIG-N3", "indicator_id": "OPPEN", "period": "2024", "comparator": "<=",
         "value": "12"},
    ]  # fmt: skip
    tables["outcomes"] = [row | {"source": "Öppen källa"} for row in tables["outcomes"]] + [
        {"indicator_id": "HEMLIG-I", "period": "2024", "value": "55", "source": "HEMLIG källa"},
        {"indicator_id": "OPPEN", "period": "2024", "value": "9", "source": "Öppen källa"},
    ]
    # A forecast of a public indicator with a public comment, and one of the internal indicator.
    tables["forecasts"] = [
        {"indicator_id": "OPPEN", "period": "2025", "made_in": "2025-T2", "value": "8",
         "comment": "Öppen prognos"},
        {"indicator_id": "HEMLIG-I", "period": "2025", "made_in": "2025-T2", "value": "56",
         "comment": "HEMLIG prognos"},
    ]  # fmt: skip
    tables["assessments"] = [
        {"goal_id": "N1", "period": "2024", "status": "delvis", "assessed_by": "HEMLIGORG",
         "analysis": "Öppen analys", "actions": "Öppna åtgärder",
         "override_reason": "HEMLIG motivering"},
        {"goal_id": "HEMLIG-N3", "period": "2024", "status": "ej uppfyllt",
         "analysis": "HEMLIG analys", "actions": "HEMLIG åtgärd"},
    ]  # fmt: skip
    # A public uppdrag on a public goal, with internal parts; an internal one on the same goal;
    # a public one that serves only an internal goal.
    tables["assignments"] = [
        {"assignment_id": "U1", "title": "Öppet uppdrag", "responsible": "BUN;HEMLIGORG",
         "decided_by": "HEMLIGORG", "goal_ids": "N1;HEMLIG-K2", "description": "Öppen text",
         "x_anteckning": "HEMLIG anteckning"},
        {"assignment_id": "HEMLIG-U2", "title": "HEMLIG uppdrag", "responsible": "BUN",
         "decided_by": "KF", "deadline": "2024-06-30", "goal_ids": "N1",
         "description": "HEMLIG om uppdraget", "public": "nej"},
        {"assignment_id": "HEMLIG-U3", "title": "HEMLIG uppdrag på internt mål",
         "goal_ids": "HEMLIG-N3"},
    ]  # fmt: skip
    tables["assignment_status"] = [
        {"assignment_id": "U1", "period": "2024", "status": "pågår", "comment": "Öppen kommentar"},
        {"assignment_id": "HEMLIG-U2", "period": "2024", "status": "pågår",
         "comment": "HEMLIG kommentar"},
        {"assignment_id": "HEMLIG-U3", "period": "2024", "status": "genomfört"},
    ]  # fmt: skip
    return tables


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("publish")
    source = write_csv_source(folder / "source", marked_model())
    db = build([source], folder / "w.duckdb", public=True).path
    return db, warehouse.files.public_path(db)


def cells_with(db: Path, text: str) -> list[str]:
    """table.column = value of every cell of ``db`` that contains ``text``."""
    found = []
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()]
        for table in tables:
            columns = [c for (c, *_) in con.execute(f'describe "{table}"').fetchall()]
            for column in columns:
                query = (
                    f'select distinct "{column}"::varchar from "{table}" '  # noqa: S608 - names from the file
                    f'where contains("{column}"::varchar, ?)'
                )
                hits = con.execute(query, [text]).fetchall()
                found += [f"{table}.{column} = {value}" for (value,) in hits]
    return found


def test_the_whole_warehouse_holds_the_markers(built):
    """The check below can fail: every marker field does reach the whole warehouse."""
    whole, _ = built
    found = " ".join(cells_with(whole, MARKER))
    for field in (
        "goals.goal_id",
        "goals.title",
        "goals.description",
        "goals.extra",
        "indicators.title",
        "indicators.unit",
        "indicators.description",
        "outcomes.source",
        "assessments.assessed_by",
        "assessments.override_reason",
        "assessments.analysis",
        "organisation.name",
        "indicator_status.indicator_id",
        "assignments.assignment_id",
        "assignments.title",
        "assignments.description",
        "assignments.decided_by",
        "assignments.extra",
        "assignment_responsibility.org_id",
        "assignment_goals.goal_id",
        "assignment_status.comment",
        "assignment_period_status.assignment_id",
    ):
        assert field in found, field  # fmt: skip


def test_the_public_warehouse_holds_nothing_marked_internal(built):
    _, public = built
    assert cells_with(public, MARKER) == []


def test_the_public_warehouse_holds_every_public_goal_and_indicator_with_its_data(built):
    _, public = built
    with duckdb.connect(str(public), read_only=True) as con:
        goals = {g for (g,) in con.execute("select goal_id from goals").fetchall()}
        indicators = {i for (i,) in con.execute("select indicator_id from indicators").fetchall()}
        statuses = con.execute(
            "select goal_id, effective_status from goal_status where period = '2024' order by 1"
        ).fetchall()
        [(analysis, assessed_by, reason)] = con.execute(
            "select analysis, assessed_by, override_reason from assessments"
        ).fetchall()
        links = set(con.execute("select parent_id, child_id from goal_links").fetchall())
        hidden = set(con.execute("select goal_id from hidden_basis").fetchall())
        [(outcomes,)] = con.execute("select count(*) from outcomes").fetchall()
    assert goals == {"V", "K1", "N1", "N2"}
    assert indicators == {"N15505", "OPPEN"}
    assert ("N1", "delvis") in statuses  # the nämnd's assessment, public with its goal
    assert (analysis, assessed_by, reason) == ("Öppen analys", None, None)
    assert ("V", "N2") in links  # its internal parent left out, under the nearest public one
    # N1 has an internal indicator, K1 an internal child goal, and the vision rests on both;
    # N2's only indicator is public.
    assert hidden == {("N1",), ("K1",), ("V",)}
    assert outcomes == 3


def test_every_table_of_the_warehouse_has_its_public_counterpart(built):
    """A new warehouse table must be given a place in queries/public/copy.sql (or be left out
    there on purpose): the public file has the same tables, plus hidden_basis."""
    whole, public = built

    def tables(db: Path) -> set[str]:
        with duckdb.connect(str(db), read_only=True) as con:
            return {t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()}

    assert tables(public) == tables(whole) | {"hidden_basis"}


def test_a_later_build_keeps_the_public_warehouse_in_step(built, tmp_path):
    whole, public = built
    copy = tmp_path / "w.duckdb"
    copy.write_bytes(whole.read_bytes())
    warehouse.files.public_path(copy).write_bytes(public.read_bytes())
    tables = marked_model()
    tables["settings"][1]["value"] = "Nytt namn"
    build([write_csv_source(tmp_path / "source", tables)], copy)  # without public=True
    with duckdb.connect(str(warehouse.files.public_path(copy)), read_only=True) as con:
        [(name,)] = con.execute(
            "select value from settings where key = 'municipality_name'"
        ).fetchall()
    assert name == "Nytt namn"


def test_the_default_file_name_can_be_published(tmp_path):
    """data/warehouse.duckdb, the default: its public build attaches it as "warehouse", the
    name DuckDB would also give a build file called .warehouse.public.duckdb…"""
    source = write_csv_source(tmp_path / "source", minimal_tables())
    db = tmp_path / "warehouse.duckdb"
    build([source], db, public=True)
    assert warehouse.files.public_path(db).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "source", "warehouse.duckdb", "warehouse.public.duckdb"
    ]  # fmt: skip
