"""Check staged sources and list every problem in one run.

Three layers, all set-wise SQL over the staged tables:

1. cell checks, generated from ``etl/schema.py``: required values, enum values, numbers, years,
   booleans, periods, dates, Agenda 2030 codes;
2. duplicate keys, also generated from the schema (naming the first occurrence);
3. cross-table checks in ``queries/etl/checks/*.sql``: references, goal levels, cycles, targets
   and settings.

Only identifiers from the schema are formatted into the generated SQL; values are parameters.
"""

from __future__ import annotations

import duckdb

import queries
from etl.problems import Problem
from etl.schema import GOAL_LEVELS, TABLES, Column, Kind, Table

CHECKS = ("settings", "references", "goal_chain", "goal_cycles", "targets")

# Kind -> (SQL predicate that holds for a valid non-empty cell "v", what we expected).
_CELL_RULES: dict[Kind, tuple[str, str]] = {
    Kind.NUMBER: ("parse_number(v) is not null", "ett tal, t.ex. 12,5"),
    Kind.POSITIVE: ("parse_number(v) > 0", "ett tal större än 0"),
    Kind.NON_NEGATIVE: ("parse_number(v) >= 0", "ett tal som är 0 eller större"),
    Kind.INTEGER: ("parse_integer(v) is not null", "ett heltal"),
    Kind.YEAR: ("parse_year(v) is not null", "ett årtal, t.ex. 2024"),
    Kind.BOOL: ("parse_bool(v) is not null", "ja eller nej"),
    Kind.PERIOD: (
        "parse_period(v) is not null",
        "en period: ÅÅÅÅ, ÅÅÅÅ-T1…T3, ÅÅÅÅ-Q1…Q4 eller ÅÅÅÅ-MM, t.ex. 2024-T2",
    ),
    Kind.DATE: ("parse_date(v) is not null", "ett datum ÅÅÅÅ-MM-DD"),
    Kind.SDG_LIST: (
        "list_bool_and(list_transform(split_list(v), lambda x: is_sdg(x)))",
        "Agenda 2030-mål eller delmål åtskilda med ;, t.ex. 4;4.1;11.a",
    ),
}


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Create the parser macros and the typed staging tables ``stg_<table>``."""
    queries.script(con, "etl/macros")
    # The level order lives in etl/schema.py; SQL reads it from this table.
    con.execute("create or replace temp table goal_levels (level varchar, level_rank integer)")
    con.executemany(
        "insert into goal_levels values (?, ?)", [(lvl, i + 1) for i, lvl in enumerate(GOAL_LEVELS)]
    )
    queries.script(con, "etl/stage/macros")
    for name in TABLES:
        queries.script(con, f"etl/stage/{name}")


def validate(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every problem in the staged sources (``prepare`` must have run)."""
    problems: list[Problem] = []
    for table in TABLES.values():
        for column in table.columns:
            problems += _cell_problems(con, table, column)
        problems += _duplicate_problems(con, table)
    for check in CHECKS:
        problems += [Problem(*row) for row in queries.rows(con, f"etl/checks/{check}")]
    return problems


def normalised(column: Column) -> str:
    """The SQL that normalises an enum cell ``v`` the way the stage queries do."""
    if column.name == "gender":
        return "upper(v)"
    if column.name == "comparator":
        return "normalise_comparator(v)"
    return "lower(v)"


def _cell_problems(con: duckdb.DuckDBPyConnection, table: Table, column: Column) -> list[Problem]:
    checks: list[tuple[str, str, str]] = []  # (predicate on a bad cell v, found, expected)
    if column.required:
        checks.append(("v is null", "'värde saknas'", "ett värde (kolumnen är obligatorisk)"))
    if column.kind is Kind.ENUM:
        predicate = f"not list_contains($choices, {normalised(column)})"
        checks.append(
            (predicate, "format('okänt värde \"{}\"', v)", "ett av: " + ", ".join(column.choices))
        )
    elif column.kind in _CELL_RULES:
        valid, expected = _CELL_RULES[column.kind]
        checks.append((f"not coalesce({valid}, false)", "format('\"{}\"', v)", expected))
    problems: list[Problem] = []
    for predicate, found, expected in checks:
        if predicate != "v is null":
            predicate = f"v is not null and {predicate}"
        params: dict[str, object] = {"column": column.name, "expected": expected}
        if "$choices" in predicate:
            params["choices"] = list(column.choices)
        query = (
            f"select _file, _sheet, _row, $column, {found}, $expected "  # noqa: S608 - schema identifiers only
            f'from (select *, "{column.name}" as v from raw_{table.name}) where {predicate}'
        )
        problems += [Problem(*row) for row in con.execute(query, params).fetchall()]
    return problems


def _duplicate_problems(con: duckdb.DuckDBPyConnection, table: Table) -> list[Problem]:
    """Rows whose key repeats an earlier row (in file order), naming where it first appeared."""
    key = ", ".join(f'"{k}"' for k in table.key)
    shown = " || ' / ' || ".join(f"coalesce(\"{k}\"::varchar, '')" for k in table.key)
    query = f"""
        with keyed as (
            select _file, _sheet, _row, {shown} as key_text,
                first_value(_file || coalesce(', blad ' || _sheet, '') || ', rad ' || _row)
                    over w as first_at,
                row_number() over w as n,
            from stg_{table.name}
            where {" and ".join(f'"{k}" is not null' for k in table.key)}
            window w as (partition by {key} order by _file, _sheet, _row)
        )
        select _file, _sheet, _row, $column,
            format('"{{}}" finns redan ({{}})', key_text, first_at),
            $expected,
        from keyed where n > 1
    """  # noqa: S608 - schema identifiers only
    expected = (
        "ett unikt värde"
        if len(table.key) == 1
        else f"en unik kombination av {', '.join(table.key)}"
    )
    params = {"column": ", ".join(table.key), "expected": expected}
    return [Problem(*row) for row in con.execute(query, params).fetchall()]
