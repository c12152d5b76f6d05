"""Check staged sources and list every problem in one run.

Three layers, all set-wise SQL over the staged tables:

1. cell checks, generated from ``etl/schema.py``: required values, enum values, numbers, years,
   booleans, periods, dates, Agenda 2030 codes;
2. duplicate keys, also generated from the schema (naming the first occurrence);
3. cross-table checks in ``queries/etl/checks/*.sql``: references, goal levels, cycles, targets
   and settings.

The generated checks are templates in ``queries/etl/checks/``: only identifiers from the schema
shape them; values are parameters.
"""

from __future__ import annotations

import duckdb

import warehouse
from etl.bulk import BULK_TABLE
from etl.problems import Problem
from etl.schema import GOAL_LEVELS, LICENCES, TABLES, Column, Kind, Table

CHECKS = ("settings", "references", "goal_chain", "goal_cycles", "targets", "assignments")

# What a valid non-empty cell of each kind looks like, as the messages say it. The test itself
# is in queries/etl/checks/cells.sql.
_EXPECTED: dict[Kind, str] = {
    Kind.NUMBER: "ett tal, t.ex. 12,5",
    Kind.POSITIVE: "ett tal större än 0",
    Kind.NON_NEGATIVE: "ett tal som är 0 eller större",
    Kind.INTEGER: "ett heltal",
    Kind.YEAR: "ett årtal, t.ex. 2024",
    Kind.BOOL: "ja eller nej",
    Kind.PERIOD: "en period: ÅÅÅÅ, ÅÅÅÅ-T1…T3, ÅÅÅÅ-Q1…Q4 eller ÅÅÅÅ-MM, t.ex. 2024-T2",
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
        template={"tables": ["targets", "assessments", "assignment_status"], "adding": False},
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
        template={"tables": [BULK_TABLE], "adding": True},
    )
    warehouse.script(con, f"etl/stage/{BULK_TABLE}")


def validate(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every problem in the staged sources (``stage`` and ``stage_outcomes`` must have run)."""
    problems: list[Problem] = []
    for table in TABLES.values():
        problems += _cell_problems(con, table)
        problems += _duplicate_problems(con, table)
    for check in CHECKS:
        problems += [Problem(*row) for row in warehouse.rows(con, f"etl/checks/{check}")]
    return problems


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
        if column.required:
            add(column, "required", "värde saknas", "ett värde (kolumnen är obligatorisk)")
        if column.kind is Kind.ENUM:
            n = add(column, "enum", 'okänt värde "{}"', "ett av: " + ", ".join(column.choices))
            params[f"choices_{n}"] = list(column.choices)
        elif column.kind in _EXPECTED:
            add(column, column.kind.value, '"{}"', _EXPECTED[column.kind])
    if not checks:
        return []
    shape = {"table": table.name, "checks": checks}
    found = warehouse.rows(con, "etl/checks/cells", template=shape, **params)
    return [Problem(*row) for row in found]


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
