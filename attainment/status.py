"""Statuses of one period from a built warehouse, for the command line and for tests.

The build stores statuses for every period that occurs in the data; any other period code is
evaluated on demand in a scratch in-memory database that reads the warehouse through views.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

import queries
from attainment.compute import compute_status

_INPUT_TABLES = (
    "settings", "goals", "goal_links", "indicators", "goal_indicators", "targets", "outcomes",
    "assessments", "periods",
)  # fmt: skip


class UnknownPeriod(ValueError):
    """The period code is not one of YYYY, YYYY-T1..3, YYYY-Q1..4, YYYY-MM."""


def period_status(db: Path, period: str, indicators: bool = False) -> pd.DataFrame:
    """goal_status (or indicator_status) rows of ``period``, as documented in warehouse.md."""
    con = queries.open_warehouse(db)
    try:
        queries.script(con, "etl/macros")
        (code,) = con.execute("select parse_period($p)", {"p": period}).fetchone()
        if code is None:
            raise UnknownPeriod(period)
        name = "indicator_status_for_period" if indicators else "goal_status_for_period"
        cur = queries.cursor(con)
        if not queries.rows(cur, "engine/has_period", period=code)[0][0]:
            cur = _evaluate_on_demand(con, code)
        return queries.run(cur, f"engine/{name}", period=code)
    finally:
        con.close()


def _evaluate_on_demand(con: duckdb.DuckDBPyConnection, period: str) -> duckdb.DuckDBPyConnection:
    for table in _INPUT_TABLES:
        con.execute(f"create temp view {table} as from {queries.WAREHOUSE_SCHEMA}.{table}")
    compute_status(con, [period])
    return con
