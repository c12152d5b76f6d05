"""Compute indicator_status and goal_status for every goal and evaluation period, set-wise.

One statement for all indicator statuses, then one statement per height of the goal chain
(bottom-up), each covering every goal of that height in every period at once.
"""

from __future__ import annotations

import duckdb

import warehouse
from attainment.rules import EPSILON, Rules

STATUS_TABLES = ("indicator_status", "goal_status")


def compute_status(con: duckdb.DuckDBPyConnection, periods: list[str] | None = None) -> Rules:
    """Create ``indicator_status`` and ``goal_status`` on ``con``.

    ``periods`` are the evaluation periods; by default every period of the warehouse that has
    outcomes or assessments (a period that only has targets lies ahead and is not evaluated).
    The connection needs the warehouse tables and, for ``periods``, the shared period macros
    (every connection the door opens for writing has them).
    """
    rules = Rules.read(con)
    if periods is None:
        warehouse.create_table(con, "eval_periods", "engine/eval_periods", temporary=True)
    else:
        warehouse.create_table(
            con, "eval_periods", "engine/eval_periods_given", temporary=True, periods=periods
        )
    # Small tables first, so that the big statement's joins are planned on their true sizes:
    # the links and their target choices, one outcome lookup per series and period, and the
    # reference values of better_than targets.
    for table, name, params in (
        ("status_links", "engine/status_links", {}),
        ("target_choices", "engine/target_choices", {}),
        ("status_series", "engine/status_series", {"municipality": rules.municipality}),
        (
            "outcome_lookups",
            "engine/outcome_lookups",
            {"max_age_months": round(rules.max_outcome_age_years * 12)},
        ),
        ("reference_values", "engine/reference_values", {}),
    ):
        warehouse.create_table(con, table, name, temporary=True, **params)
    warehouse.create_table(
        con,
        "indicator_status",
        "engine/indicator_status",
        municipality=rules.municipality,
        eps=EPSILON,
    )
    warehouse.create_table(con, "goal_heights", "engine/goal_heights", temporary=True)
    warehouse.script(con, "engine/goal_status_table")
    for height in range(warehouse.value(con, "engine/max_goal_height") + 1):
        warehouse.insert_into(
            con, "goal_status_rows", "engine/goal_status_pass", **_pass(rules, height)
        )
    warehouse.execute(con, "engine/sort_goal_status")
    return rules


def _pass(rules: Rules, height: int) -> dict[str, object]:
    return {
        "height": height,
        "full_threshold": rules.full_threshold,
        "partial_threshold": rules.partial_threshold,
        "preset": rules.preset,
        "min_coverage": rules.min_coverage,
        "eps": EPSILON,
    }
