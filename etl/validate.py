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

# Kind -> (SQL that holds for a valid non-empty cell {v}, what we expected).
_CELL_RULES: dict[Kind, tuple[str, str]] = {
    Kind.NUMBER: ("parse_number({v}) is not null", "ett tal, t.ex. 12,5"),
    Kind.POSITIVE: ("parse_number({v}) > 0", "ett tal större än 0"),
    Kind.NON_NEGATIVE: ("parse_number({v}) >= 0", "ett tal som är 0 eller större"),
    Kind.INTEGER: ("parse_integer({v}) is not null", "ett heltal"),
    Kind.YEAR: ("parse_year({v}) is not null", "ett årtal, t.ex. 2024"),
    Kind.BOOL: ("parse_bool({v}) is not null", "ja eller nej"),
    Kind.PERIOD: (
        # Periods repeat: they were parsed once per distinct text into period_codes.
        "{v} in (select raw from period_codes where period is not null)",
        "en period: ÅÅÅÅ, ÅÅÅÅ-T1…T3, ÅÅÅÅ-Q1…Q4 eller ÅÅÅÅ-MM, t.ex. 2024-T2",
    ),
    Kind.DATE: ("parse_date({v}) is not null", "ett datum ÅÅÅÅ-MM-DD"),
    Kind.SDG_LIST: (
        "list_bool_and(list_transform(split_list({v}), lambda x: is_sdg(x)))",
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
    queries.script(con, "etl/stage/period_codes")
    for name in TABLES:
        queries.script(con, f"etl/stage/{name}")


def validate(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every problem in the staged sources (``prepare`` must have run)."""
    problems: list[Problem] = []
    for table in TABLES.values():
        problems += _cell_problems(con, table)
        problems += _duplicate_problems(con, table)
    for check in CHECKS:
        problems += [Problem(*row) for row in queries.rows(con, f"etl/checks/{check}")]
    return problems


def normalised(column: Column, v: str) -> str:
    """The SQL that normalises an enum cell ``v`` the way the stage queries do."""
    if column.name == "gender":
        return f"upper({v})"
    if column.name == "comparator":
        return f"normalise_comparator({v})"
    return f"lower({v})"


def _cell_problems(con: duckdb.DuckDBPyConnection, table: Table) -> list[Problem]:
    """Every bad cell of a table in one scan: a cheap filter keeps the bad rows, and only for
    those are the messages built (a table of forty million outcomes is read once)."""
    checks: list[tuple[str, str, str, str]] = []  # (column, SQL true if bad, found, expected)
    params: dict[str, object] = {}
    for column in table.columns:
        v = f'"{column.name}"'
        if column.required:
            required = "ett värde (kolumnen är obligatorisk)"
            checks.append((column.name, f"{v} is null", "'värde saknas'", required))
        if column.kind is Kind.ENUM:
            params[f"choices_{len(checks)}"] = list(column.choices)
            bad = f"not list_contains($choices_{len(checks)}, {normalised(column, v)})"
            expected = "ett av: " + ", ".join(column.choices)
            found = f"format('okänt värde \"{{}}\"', {v})"
            checks.append((column.name, f"{v} is not null and {bad}", found, expected))
        elif column.kind in _CELL_RULES:
            valid, expected = _CELL_RULES[column.kind]
            bad = f"{v} is not null and not coalesce({valid.format(v=v)}, false)"
            checks.append((column.name, bad, f"format('\"{{}}\"', {v})", expected))
    if not checks:
        return []
    entries = []
    for n, (column, bad, found, expected) in enumerate(checks):
        params |= {f"column_{n}": column, f"expected_{n}": expected}
        entries.append(
            f"case when {bad} then {{'column': $column_{n}, 'found': {found}, "
            f"'expected': $expected_{n}}} end"
        )
    any_bad = " or ".join(f"({bad})" for _, bad, _, _ in checks)
    query = (
        f"select _file, _sheet, _row, p.column, p.found, p.expected "  # noqa: S608 - schema identifiers only
        f"from (select _file, _sheet, _row, unnest([{', '.join(entries)}]) as p "
        f"from raw_{table.name} where {any_bad}) where p is not null"
    )
    return [Problem(*row) for row in con.execute(query, params).fetchall()]


def _duplicate_problems(con: duckdb.DuckDBPyConnection, table: Table) -> list[Problem]:
    """Rows whose key repeats an earlier row (in file order), naming where it first appeared."""
    key = ", ".join(f'"{k}"' for k in table.key)
    shown = " || ' / ' || ".join(f"coalesce(\"{k}\"::varchar, '')" for k in table.key)
    query = f"""
        with
        repeated as (
            -- Few keys repeat. Aggregating one 64-bit hash of the key is much cheaper than
            -- aggregating the key's text columns; a hash collision only adds a candidate,
            -- which the exact partition below then sees as a single row.
            select hash({key}) as key_hash from stg_{table.name}
            where {" and ".join(f'"{k}" is not null' for k in table.key)}
            group by key_hash having count(*) > 1
        ),
        keyed as (
            select _file, _sheet, _row, {shown} as key_text,
                first_value(_file || coalesce(', blad ' || _sheet, '') || ', rad ' || _row)
                    over w as first_at,
                row_number() over w as n,
            from stg_{table.name}
            where hash({key}) in (select key_hash from repeated)
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
