"""Statuses of the generated example, computed by the dashboard's own engine.

The generator never decides a status itself. It writes the tables it has so far to a
temporary folder, builds them into an in-memory warehouse with the build's own steps
(``etl.build.load_warehouse``: staging, validation, loading and ``compute_status``) and reads
``indicator_status`` and ``goal_status``. The assessments it writes therefore describe exactly
what the dashboard will compute from the same files.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import warehouse
from etl.build import load_warehouse
from etl.example.config import GENDER_ORDER
from etl.example.model import ExampleModel, Indicator
from etl.example.tables import Row, write_csv_tables


@dataclass(frozen=True)
class Check:
    """One row of the engine's indicator_status: a link's target row in a report period."""

    indicator: Indicator
    gender: str
    status: str
    comparator: str | None  # None: the link has no target
    target_value: float | None
    low: float | None
    high: float | None
    tolerance: float
    latest: tuple[str, float] | None  # (period, value) of the outcome used
    previous: tuple[str, float] | None  # the one before it, of the same period type
    stale: str | None  # period of the latest outcome when it is too old to count


@dataclass(frozen=True)
class GoalStatus:
    computed: str
    effective: str
    height: int  # 0 for a goal without children, else one more than its highest child


@dataclass(frozen=True)
class Statuses:
    goals: dict[tuple[str, str], GoalStatus]  # (goal, period); only goals valid in the period
    checks: dict[tuple[str, str], list[Check]]  # (goal, period), in link then gender order


def evaluate(model: ExampleModel, tables: dict[str, list[Row]], periods: Sequence[str]) -> Statuses:
    """Build ``tables`` into an in-memory warehouse and read the statuses of ``periods``."""
    with tempfile.TemporaryDirectory(prefix="example-") as folder, warehouse.scratch() as con:
        write_csv_tables(tables, Path(folder))
        load_warehouse(con, [Path(folder)])
        goal_rows = warehouse.rows(con, "etl/example/goal_statuses", periods=list(periods))
        check_rows = warehouse.rows(con, "etl/example/checks", periods=list(periods))
    goals = {(g, p): GoalStatus(c, e, h) for g, p, c, e, h in goal_rows}
    unevaluated = set(periods) - {period for _, period in goals}
    if unevaluated:
        raise ValueError(f"the engine evaluated no goal in {sorted(unevaluated)}")
    checks: dict[tuple[str, str], list[Check]] = {}
    for row in check_rows:
        checks.setdefault((row[0], row[1]), []).append(_check(model, row))
    for (goal_id, _), found in checks.items():
        found.sort(
            key=lambda c: (
                model.link_order[(goal_id, c.indicator.indicator_id)],
                GENDER_ORDER.index(c.gender),
            )
        )
    return Statuses(goals, checks)


def _check(model: ExampleModel, row: tuple) -> Check:
    (
        _, _, indicator_id, gender, status, comparator, target_value, low, high, tolerance,
        value, value_period, prev_value, prev_period, latest_period,
    ) = row  # fmt: skip
    latest = None if value is None else (value_period, value)
    return Check(
        model.indicator_by_id[indicator_id],
        gender,
        status,
        comparator,
        target_value,
        low,
        high,
        tolerance,
        latest,
        None if latest is None or prev_value is None else (prev_period, prev_value),
        latest_period if latest is None else None,
    )
