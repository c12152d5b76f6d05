"""Statuses of one period from a built warehouse, for the command line and for tests.

The build stores statuses for every period that occurs in the data; any other period code is
evaluated on demand in a scratch in-memory database that reads the warehouse through views.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import warehouse
from attainment.compute import compute_status


class UnknownPeriod(ValueError):
    """The period code is not one of YYYY, YYYY-T1..3, YYYY-H1..2, YYYY-Q1..4, YYYY-MM."""


def period_status(db: Path, period: str, indicators: bool = False) -> pd.DataFrame:
    """goal_status (or indicator_status) rows of ``period``, as documented in warehouse.md."""
    if not db.exists():
        raise FileNotFoundError(db)
    con = warehouse.scratch()
    try:
        warehouse.attach_read_only(con, db)
        code = warehouse.value(con, "engine/parse_period", period=period)
        if code is None:
            raise UnknownPeriod(period)
        name = "indicator_status_for_period" if indicators else "goal_status_for_period"
        cur = warehouse.cursor(con)
        if not warehouse.value(cur, "engine/has_period", period=code):
            warehouse.script(con, "engine/input_views")
            compute_status(con, [code])
            cur = con
        return warehouse.run(cur, f"engine/{name}", period=code)
    finally:
        con.close()
