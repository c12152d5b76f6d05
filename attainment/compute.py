"""Compute indicator_status and goal_status for every goal and evaluation period, set-wise.

One statement for all indicator statuses, then one statement per height of the goal chain
(bottom-up), each covering every goal of that height in every period at once.
"""

from __future__ import annotations

import duckdb

import queries
from attainment.rules import EPSILON, Rules

STATUS_TABLES = ("indicator_status", "goal_status")


def compute_status(con: duckdb.DuckDBPyConnection, periods: list[str] | None = None) -> Rules:
    """Create ``indicator_status`` and ``goal_status`` on ``con``.

    ``periods`` are the evaluation periods; by default every period of the warehouse that has
    outcomes or assessments (a period that only has targets lies ahead). The
    connection needs the warehouse tables and the parser macros (queries/etl/macros.sql).
    """
    rules = Rules.read(con)
    _create_eval_periods(con, periods)
    con.execute(
        "create or replace table indicator_status as " + queries.sql("engine/indicator_status"),
        {
            "municipality": rules.municipality,
            "max_age_months": round(rules.max_outcome_age_years * 12),
            "eps": EPSILON,
        },
    )
    con.execute(
        "create or replace temp table goal_heights as " + queries.sql("engine/goal_heights")
    )
    pass_sql = queries.sql("engine/goal_status_pass")
    queries.script(con, "engine/goal_status_table")
    (max_height,) = con.execute("select coalesce(max(height), -1) from goal_heights").fetchone()
    for height in range(max_height + 1):
        con.execute("insert into goal_status " + pass_sql, _pass(rules, height))
    # Stored in key order so two builds from the same sources give identical tables.
    con.execute("create or replace table goal_status as from goal_status order by all")
    return rules


def _pass(rules: Rules, height: int) -> dict[str, object]:
    return {
        "height": height,
        "partly_score": rules.partly_score,
        "full_threshold": rules.full_threshold,
        "partial_threshold": rules.partial_threshold,
        "preset": rules.preset,
        "min_coverage": rules.min_coverage,
        "eps": EPSILON,
    }


def _create_eval_periods(con: duckdb.DuckDBPyConnection, periods: list[str] | None) -> None:
    if periods is None:
        con.execute(
            "create or replace temp table eval_periods as "
            "select period, period_type, year, period_start, period_end "
            "from periods where is_evaluated"
        )
        return
    con.execute(
        "create or replace temp table eval_periods as "
        "select parse_period(p) as period, period_type(p) as period_type, period_year(p) as year, "
        "period_start(p) as period_start, period_end(p) as period_end "
        "from unnest($periods::varchar[]) as u(p)",
        {"periods": periods},
    )
