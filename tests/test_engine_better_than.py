"""The comparator better_than (docs/rules.md §1 *Reference*), hand-computed, through the build
and `python -m etl status`.

The municipality (0180) is compared with riket, two län, other municipalities and Kolada groups
in P = 2024. No source fills `kolada_group_members` yet, so the test writes the groups' members
into the built warehouse and runs the engine on it again, as a build with a Kolada source
would; a period outside the warehouse is evaluated on demand from the same tables.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import warehouse
from attainment.compute import compute_status
from attainment.explain import explain
from tests.test_engine_rules import (
    build_model,
    cli_status,
    csv_lines,
    goal_lines,
    indicator_rows,
    prefetch,
)
from tests.test_explanations import check_warehouse

pytestmark = pytest.mark.xdist_group("engine_rules")

INDICATORS = """
    indicator_id | direction
    bh           | higher    # ours: 2023 = 80, 2024 = 83,1
    bl           | lower     # ours: 2024 = 5
    bk           | higher    # ours, women: 2024 = 50
    bp           | higher    # ours: 2024 = 10; riket only 2023
    bm           | higher    # no value of ours
    bo           | higher    # ours only 2022: too old in 2024
"""
OUTCOMES = """
    indicator_id | period | value | subject | gender
    bh           | 2023   | 80    |         |
    bh           | 2024   | 83,1  |         |
    bh           | 2023   | 79    | 0000    |
    bh           | 2024   | 83,1  | 0000    |
    bh           | 2024   | 80    | 0001    |
    bh           | 2024   | 84    | 0002    |
    bh           | 2024   | 83    | G1      # the group's own value
    bh           | 2024   | 100   | 2001    # a member of G1: its median would be 100
    bl           | 2024   | 5     |         |
    bl           | 2024   | 6     | 0000    |
    bl           | 2024   | 1     | 2001    |
    bl           | 2024   | 3     | 2002    |
    bl           | 2024   | 8     | 2003    |
    bl           | 2024   |       | 2004    # empty: missing
    bk           | 2024   | 50    |         | K
    bk           | 2024   | 49    | 0000    | K
    bk           | 2024   | 60    | 0000    | T
    bp           | 2024   | 10    |         |
    bp           | 2023   | 5     | 0000    |
    bm           | 2024   | 1     | 0000    |
    bo           | 2022   | 7     |         |
    bo           | 2024   | 6     | 0000    |
"""
TARGETS = """
    goal_id     | indicator_id | period | comparator  | value | tolerance | subject | gender
    EQUAL       | bh           | 2024   | better_than |       |           | 0000
    TOL         | bh           | 2024   | better_than |       | 0,9       | 0002
    WORSE       | bh           | 2024   | better_than |       | 0,5       | 0002
    LAN         | bh           | 2024   | better_than |       |           | 0001
    GROUP_OWN   | bh           | 2024   | better_than |       |           | G1
    LOWER       | bl           | 2024   | better_than |       |           | 0000
    MEDIAN_ODD  | bl           | 2024   | better_than |       | 2         | G2
    MEDIAN_EVEN | bl           | 2024   | better_than |       |           | G3
    NO_MEMBER   | bl           | 2024   | better_than |       |           | G4
    NO_GROUP    | bl           | 2024   | better_than |       |           | G5
    GENDER      | bk           | 2024   | better_than |       |           | 0000    | K
    OTHER_YEAR  | bp           | 2024   | better_than |       |           | 0000
    NO_OWN      | bm           | 2024   | better_than |       |           | 0000
    TOO_OLD     | bo           | 2024   | better_than |       |           | 0000
    TWO         | bh           | 2024   | >=          | 80
    TWO         | bh           | 2024   | better_than |       |           | 0000
"""
# (group, member): G2 has three members with values, 2003 listed twice (it counts once); G3
# two; G4 one with an empty value and one with no row; G5 has no members at all.
MEMBERS = [
    ("G1", "2001"),
    ("G2", "2001"), ("G2", "2002"), ("G2", "2003"), ("G2", "2003"),
    ("G3", "2001"), ("G3", "2002"),
    ("G4", "2004"), ("G4", "2005"),
]  # fmt: skip
COLUMNS = "subject, value, value_period, reference_value, reference_members, status, trend"


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_model(
        tmp_path_factory.mktemp("better_than"),
        indicators=INDICATORS,
        outcomes=OUTCOMES,
        targets=TARGETS,
    )
    with duckdb.connect(str(db)) as con:
        # The build has run the engine without members: G2's rows have no reference yet.
        assert con.execute(
            "select status from indicator_status where goal_id = 'MEDIAN_ODD' and period = '2024'"
        ).fetchall() == [("saknar utfall",)]
        con.executemany(
            "insert into kolada_group_members values (?, 'Liknande kommuner', ?, 'test')", MEMBERS
        )
        compute_status(con)
    prefetch(db, "2024", "2025", indicators=("2025",))
    return db


# (goal line printed by the CLI, the goal's indicator rows: COLUMNS). A goal with one indicator
# scores 1.0 / 0.5 / 0.0 for uppfyllt / delvis / ej uppfyllt; saknar utfall → ej bedömt.
CASES = [
    pytest.param(  # 83,1 = riket's 83,1: equal is not better; worse by 0 ≤ tol 0 → delvis;
        # trend d = 83,1 − 80 = 3,1 > 0 → bättre
        "EQUAL,2024,delvis,,delvis,0.5,1.0",
        [("0000", 83.1, "2024", 83.1, None, "delvis", "bättre")],
        id="equal-is-not-better",
    ),
    pytest.param(  # 83,1 < 84, worse by 0,9 ≤ tol 0,9 (boundary) → delvis
        "TOL,2024,delvis,,delvis,0.5,1.0",
        [("0002", 83.1, "2024", 84.0, None, "delvis", "bättre")],
        id="worse-within-tolerance",
    ),
    pytest.param(  # worse by 0,9 > tol 0,5 → ej uppfyllt
        "WORSE,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        [("0002", 83.1, "2024", 84.0, None, "ej uppfyllt", "bättre")],
        id="worse-beyond-tolerance",
    ),
    pytest.param(  # 83,1 > län 0001's 80 → uppfyllt
        "LAN,2024,uppfyllt,,uppfyllt,1.0,1.0",
        [("0001", 83.1, "2024", 80.0, None, "uppfyllt", "bättre")],
        id="better-than-a-lan",
    ),
    pytest.param(  # G1's own 83 counts, not its members' median (100): 83,1 > 83 → uppfyllt
        "GROUP_OWN,2024,uppfyllt,,uppfyllt,1.0,1.0",
        [("G1", 83.1, "2024", 83.0, None, "uppfyllt", "bättre")],
        id="group-with-its-own-value",
    ),
    pytest.param(  # lower is better: 5 < riket's 6 → uppfyllt; no prev → ej jämförbart
        "LOWER,2024,uppfyllt,,uppfyllt,1.0,1.0",
        [("0000", 5.0, "2024", 6.0, None, "uppfyllt", "ej jämförbart")],
        id="lower-is-better",
    ),
    pytest.param(  # median(1, 3, 8) = 3 (2003 once); 5 is worse by 2 ≤ tol 2 → delvis
        "MEDIAN_ODD,2024,delvis,,delvis,0.5,1.0",
        [("G2", 5.0, "2024", 3.0, 3, "delvis", "ej jämförbart")],
        id="median-of-three-members",
    ),
    pytest.param(  # median(1, 3) = 2; 5 worse by 3 > 0 → ej uppfyllt
        "MEDIAN_EVEN,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        [("G3", 5.0, "2024", 2.0, 2, "ej uppfyllt", "ej jämförbart")],
        id="median-of-two-members",
    ),
    pytest.param(  # G4's members have no value for 2024 → no reference → saknar utfall
        "NO_MEMBER,2024,ej bedömt,,ej bedömt,,0.0",
        [("G4", 5.0, "2024", None, None, "saknar utfall", "ej jämförbart")],
        id="members-without-values",
    ),
    pytest.param(  # G5: no value, no members → saknar utfall
        "NO_GROUP,2024,ej bedömt,,ej bedömt,,0.0",
        [("G5", 5.0, "2024", None, None, "saknar utfall", "ej jämförbart")],
        id="group-without-members",
    ),
    pytest.param(  # women: 50 > riket's women 49 → uppfyllt (riket in total, 60, is not used)
        "GENDER,2024,uppfyllt,,uppfyllt,1.0,1.0",
        [("0000", 50.0, "2024", 49.0, None, "uppfyllt", "ej jämförbart")],
        id="the-targets-gender",
    ),
    pytest.param(  # ours is 2024; riket has only 2023 (within the age window, but another
        # period) → no reference → saknar utfall
        "OTHER_YEAR,2024,ej bedömt,,ej bedömt,,0.0",
        [("0000", 10.0, "2024", None, None, "saknar utfall", "ej jämförbart")],
        id="reference-of-another-period-is-not-used",
    ),
    pytest.param(  # no value of ours → saknar utfall, though riket has one
        "NO_OWN,2024,ej bedömt,,ej bedömt,,0.0",
        [("0000", None, None, None, None, "saknar utfall", "ej jämförbart")],
        id="no-value-of-our-own",
    ),
    pytest.param(  # two rows share the link's weight: 83,1 ≥ 80 → uppfyllt, equal to riket →
        # delvis; score (1 + 0,5) / 2 = 0,75 ≥ 2/3 → uppfyllt
        "TWO,2024,uppfyllt,,uppfyllt,0.75,1.0",
        [
            ("0000", 83.1, "2024", 83.1, None, "delvis", "bättre"),
            ("0180", 83.1, "2024", None, None, "uppfyllt", "bättre"),
        ],
        id="beside-a-target-of-our-own",
    ),
]


@pytest.mark.parametrize(("line", "rows"), CASES)
def test_better_than(model: Path, line: str, rows: list[tuple]) -> None:
    goal_id = line.split(",", 1)[0]
    assert goal_lines(model, "2024", goal_id) == csv_lines(line)
    assert indicator_rows(model, "2024", goal_id, COLUMNS) == rows


def test_a_period_evaluated_on_demand_uses_the_members_too(model: Path) -> None:
    # 2025 has no outcomes, so it is not stored and `etl status` evaluates it from the
    # warehouse's tables: the 2024 targets carried forward, ours 2024 (one year old), and the
    # references of 2024, G2's and G3's from their members.
    assert goal_lines(model, "2025", "MEDIAN_ODD", "MEDIAN_EVEN", "NO_MEMBER") == csv_lines(
        "MEDIAN_EVEN,2025,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        "MEDIAN_ODD,2025,delvis,,delvis,0.5,1.0",
        "NO_MEMBER,2025,ej bedömt,,ej bedömt,,0.0",
    )
    # The command line prints the reference last.
    printed = [row for row in cli_status(model, "2025", indicators=True) if row[0] == "MEDIAN_ODD"]
    assert printed == csv_lines(
        "MEDIAN_ODD,bl,2025,G2,T,better_than,,,,2.0,5.0,2024,,delvis,ej jämförbart,3.0"
    )


def test_explanations_name_the_reference(model: Path) -> None:
    with duckdb.connect(str(model), read_only=True) as con:
        # every sentence of every goal checked against the engine's tables, as for any model
        problems, checked = check_warehouse(con)
        assert problems == [], "\n".join(problems)
        assert ("MEDIAN_ODD", "2024") in checked
        said = {g: explain(con, g, "2024").sentences for g in ("EQUAL", "MEDIAN_ODD", "NO_MEMBER")}
    assert said["EQUAL"][1] == (
        "bh ska vara bättre än riket (83,1): utfallet är 83,1 (2024), delvis uppfyllt."
    )
    assert said["MEDIAN_ODD"][1] == (
        "bl ska vara bättre än medianen för Liknande kommuner (3,0): utfallet är 5,0 (2024), "
        "delvis uppfyllt."
    )
    # G4's members have no value: the group has no reference for 2024, and its own value of
    # 5 is there, so the input lacks a comparison value, not an outcome.
    assert "bl saknar jämförelsevärde" in said["NO_MEMBER"][1]
    assert said["NO_MEMBER"][2] == (
        "bl ska vara bättre än Liknande kommuner, som saknar värde för 2024."
    )


def test_data_quality_names_our_own_outcome_as_too_old(model: Path) -> None:
    # TOO_OLD lacks an outcome because ours (2022) is too old, not riket's (2024, current)
    with duckdb.connect(str(model), read_only=True) as con:
        rows = warehouse.run(con, "app/dq_outcomes_too_old", period="2024")
    assert rows[["goal_id", "subject", "series_text", "latest_period"]].values.tolist() == [
        ["TOO_OLD", "0000", "Kommunen, totalt", "2022"]
    ]


def test_rows_are_stored_in_key_order(model: Path) -> None:
    # The engine stores indicator_status in key order; a better_than row's key subject is its
    # reference (0000), which sorts before the municipality (0180) of the link's other row.
    with duckdb.connect(str(model), read_only=True) as con:
        stored = con.execute(
            "select goal_id, indicator_id, period, subject, gender from indicator_status "
            "order by rowid"
        ).fetchall()
    assert stored == sorted(stored)
    assert [r[3] for r in stored if r[:3] == ("TWO", "bh", "2024")] == ["0000", "0180"]
