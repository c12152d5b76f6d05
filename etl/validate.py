"""Check staged sources and list every problem in one run.

Three layers, all set-wise SQL over the staged tables:

1. cell checks, generated from ``etl/schema.py``: required values, enum values, numbers, years,
   booleans, periods, dates, Agenda 2030 codes;
2. duplicate keys, also generated from the schema (naming the first occurrence);
3. cross-table checks in ``queries/etl/checks/*.sql``: references, goal levels, cycles, targets,
   indicators and settings. A reference to an id that is not there suggests the id it was
   probably meant as ("menade du N1?"); references into a table the reader refused are left
   out, since every one of them would be reported for the one fault in its header.

The generated checks are templates in ``queries/etl/checks/``: only identifiers from the schema
shape them; values are parameters.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

import duckdb

import warehouse
from etl.bulk import BULK_TABLE
from etl.problems import Problem, suggestion
from etl.schema import GOAL_LEVELS, LICENCES, MAX_CELL, MAX_DECIMALS, TABLES, Column, Kind, Table

CHECKS = (
    "settings",
    "goal_chain",
    "goal_cycles",
    "targets",
    "indicators",
    "assignments",
    "forecasts",
)

# Suggestions are looked for among this many distinct unknown ids at most: a file of a million
# outcomes of a misspelt indicator repeats one, and a file of all-wrong ids needs none.
_MAX_SUGGESTED = 500

# An Excel date where a period belongs, as the reader writes it (ISO, maybe with a time).
_DATE_TEXT = re.compile(r'^"\d{4}-\d{2}-\d{2}( [0-9:.]+)?"$')
_ENUM_TEXT = re.compile(r'^okänt värde "(.*)"$', re.DOTALL)
_DATE_HINT = (
    "; cellen är ett datum: Excel gör 2024-05 till ett datum. Formatera kolumnen som Text "
    "och skriv perioden igen"
)

# What a valid non-empty cell of each kind looks like, as the messages say it. The test itself
# is in queries/etl/checks/cells.sql.
_EXPECTED: dict[Kind, str] = {
    Kind.NUMBER: "ett tal, t.ex. 12,5",
    Kind.POSITIVE: "ett tal större än 0",
    Kind.NON_NEGATIVE: "ett tal som är 0 eller större",
    Kind.INTEGER: "ett heltal",
    Kind.YEAR: "ett årtal, t.ex. 2024",
    Kind.BOOL: "ja eller nej",
    Kind.PERIOD: "en period: ÅÅÅÅ, ÅÅÅÅ-T1…T3, ÅÅÅÅ-H1…H2, ÅÅÅÅ-Q1…Q4 eller ÅÅÅÅ-MM, t.ex. 2024-T2",
    Kind.DATE: "ett datum ÅÅÅÅ-MM-DD",
    Kind.SDG_LIST: "Agenda 2030-mål eller delmål åtskilda med ;, t.ex. 4;4.1;11.a",
}


def stage(con: duckdb.DuckDBPyConnection) -> None:
    """Create the period codes and the typed staging tables ``stg_<table>`` of every table but
    outcomes, whose staging waits for the fast path's decision (``stage_outcomes``). The raw
    tables and the parser macros come from ``etl.sources.read``."""
    # The level order lives in etl/schema.py; SQL reads it from this table.
    warehouse.create_table(
        con, "goal_levels", "etl/goal_levels", temporary=True, levels=list(GOAL_LEVELS)
    )
    warehouse.create_table(con, "licences", "etl/licences", temporary=True, licences=list(LICENCES))
    warehouse.script(con, "etl/stage/macros")
    warehouse.create_table(
        con,
        "period_codes",
        "etl/stage/period_codes",
        temporary=True,
        template={
            "tables": ["targets", "assessments", "assignment_status", "forecasts"],
            "also_made_in": ["forecasts"],  # the delår a forecast was made at
            "adding": False,
        },
    )
    for name in TABLES:
        if name != BULK_TABLE:
            warehouse.script(con, f"etl/stage/{name}")


def stage_outcomes(con: duckdb.DuckDBPyConnection) -> None:
    """Stage the outcomes read row by row (``stg_outcomes``, empty when the fast path took every
    outcomes file), after adding their period texts to the period codes."""
    warehouse.insert_into(
        con,
        "period_codes",
        "etl/stage/period_codes",
        template={"tables": [BULK_TABLE], "also_made_in": [], "adding": True},
    )
    warehouse.script(con, f"etl/stage/{BULK_TABLE}")


def validate(con: duckdb.DuckDBPyConnection, refused: Collection[str] = ()) -> list[Problem]:
    """Every problem in the staged sources (``stage`` and ``stage_outcomes`` must have run).
    ``refused``: the tables of which a file or sheet was refused as a whole."""
    problems: list[Problem] = []
    for table in TABLES.values():
        problems += _cell_problems(con, table)
        problems += _duplicate_problems(con, table)
    problems += _reference_problems(con, sorted(refused))
    params = {
        "settings": {"refused": sorted(refused)},
        "indicators": {"max_decimals": MAX_DECIMALS},
    }
    for check in CHECKS:
        found = warehouse.rows(con, f"etl/checks/{check}", **params.get(check, {}))
        problems += [Problem(*row) for row in found]
    return problems


def _reference_problems(con: duckdb.DuckDBPyConnection, refused: list[str]) -> list[Problem]:
    """References to ids that do not exist, each with the id it was probably meant as."""
    rows = warehouse.rows(con, "etl/checks/references", refused=refused)
    if not rows:
        return []
    known: dict[str, list[str]] = {}
    for table, id_ in warehouse.rows(con, "etl/checks/known_ids"):
        known.setdefault(table, []).append(id_)
    meant: dict[tuple[str, str], str] = {}
    for *_, unknown, table in rows:
        if table and (table, unknown) not in meant and len(meant) < _MAX_SUGGESTED:
            meant[table, unknown] = suggestion(unknown, known.get(table, ()))
    return [
        Problem(file, sheet, row, column, found + meant.get((table, unknown), ""), expected)
        for file, sheet, row, column, found, expected, unknown, table in rows
    ]


def _cell_problems(con: duckdb.DuckDBPyConnection, table: Table) -> list[Problem]:
    """Every bad cell of a table, from one scan of its staged rows (etl/checks/cells.sql)."""
    checks: list[dict[str, object]] = []
    params: dict[str, object] = {}

    def add(column: Column, rule: str, found: str, expected: str) -> int:
        n = len(checks)
        checks.append({"column": column.name, "rule": rule, "n": n})
        params.update({f"column_{n}": column.name, f"found_{n}": found, f"expected_{n}": expected})
        return n

    for column in table.columns:
        add(
            column,
            "length",
            "cellen har {} tecken",
            f"högst {MAX_CELL:,} tecken (Excels gräns för en cell)".replace(",", " "),
        )
        if column.required:
            add(column, "required", "värde saknas", "ett värde (kolumnen är obligatorisk)")
        if column.kind is Kind.ENUM:
            n = add(column, "enum", 'okänt värde "{}"', "ett av: " + ", ".join(column.choices))
            params[f"choices_{n}"] = list(column.choices)
        elif column.kind in _EXPECTED:
            add(column, column.kind.value, '"{}"', _EXPECTED[column.kind])
    if not checks:
        return []
    params["max_cell"] = MAX_CELL
    shape = {"table": table.name, "checks": checks}
    found = [
        Problem(*row) for row in warehouse.rows(con, "etl/checks/cells", template=shape, **params)
    ]
    periods = {c.name for c in table.columns if c.kind is Kind.PERIOD}
    choices = {c.name: c.choices for c in table.columns if c.kind is Kind.ENUM}
    return [
        _with_date_hint(p)
        if p.column in periods
        else _with_choice(p, choices[p.column])
        if p.column in choices
        else p
        for p in found
    ]


def _with_choice(problem: Problem, choices: tuple[str, ...]) -> Problem:
    """An unknown value that is a typo of an allowed one (nämdmål) says which."""
    value = _ENUM_TEXT.match(problem.found)
    if not value:
        return problem
    return replace(problem, found=problem.found + suggestion(value.group(1), choices))


def _with_date_hint(problem: Problem) -> Problem:
    """A period that is a date was most likely typed into a general cell that Excel made a
    date of: say so, and how to keep it text."""
    if not _DATE_TEXT.match(problem.found):
        return problem
    return replace(problem, expected=problem.expected + _DATE_HINT)


def _duplicate_problems(con: duckdb.DuckDBPyConnection, table: Table) -> list[Problem]:
    """Rows whose key repeats an earlier row (in file order), naming where it first appeared."""
    expected = (
        "ett unikt värde"
        if len(table.key) == 1
        else f"en unik kombination av {', '.join(table.key)}"
    )
    found = warehouse.rows(
        con,
        "etl/checks/duplicates",
        template={"table": table.name, "key": table.key},
        column=", ".join(table.key),
        expected=expected,
    )
    return [Problem(*row) for row in found]
