"""Every branch and boundary of docs/rules.md, hand-computed, through `python -m etl status`.

Each model below is a handful of rows written as a `|`-separated table (the helper writes them
as real `;`-separated CSV files with decimal commas, the input format, and builds them). The
expected output is the CLI's CSV, line by line, computed by hand from the rules page; the
comment next to each case shows the computation. Numbers are chosen so that every score and
coverage is exactly representable or is one plain division (2/3 prints 0.6666666666666666).

Where the CLI output alone cannot show a rule (which outcome, which previous outcome, the
trend), the test also reads `indicator_status` from the warehouse, opened read-only.

The CLI takes about a second to start, so one model serves several tests, each (warehouse,
period) is run once (`cli_status` caches), and a model's fixture starts the runs its tests need
side by side (`prefetch`).

Models:
- COMPARATORS (period 2024): >=, <=, between, increase, decrease, zero and float targets.
- TIME (periods 2023–2025-Q2): outcome age, periods ending on the same day (year/tertial,
  quarter/month), empty values, carried-forward and later targets, periods evaluated on demand,
  malformed periods.
- ROLLUP (periods 2022–2023): weights, gender rows, shared children, coverage, overrides,
  validity.
- PRESETS (period 2024): the same goals under each rule_preset and threshold override.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import warehouse_rows, write_csv_source

# The models are built once per module: its tests run on one worker under pytest-xdist.
pytestmark = pytest.mark.xdist_group("engine_rules")

ROOT = Path(__file__).resolve().parents[1]
MUNICIPALITY = "0180"
GOAL_COLUMNS = [
    "goal_id", "period", "computed_status", "assessed_status", "effective_status", "score",
    "coverage",
]  # fmt: skip
INDICATOR_COLUMNS = [
    "goal_id", "indicator_id", "period", "subject", "gender", "comparator", "target_value",
    "target_low", "target_high", "tolerance", "value", "value_period", "prev_value", "status",
    "trend", "reference_value",
]  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------


def table(text: str) -> list[dict[str, str]]:
    """Rows of a `|`-separated table with a header line; `#` starts a comment.

    Cells are stripped; a row may leave out trailing empty cells.
    """
    lines = [line.split("#", 1)[0].strip() for line in textwrap.dedent(text).splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return []
    header = [cell.strip() for cell in lines[0].split("|")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        assert len(cells) <= len(header), f"more cells than columns: {line!r}"
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return rows


def build_model(
    folder: Path,
    *,
    indicators: str = "",
    targets: str = "",
    outcomes: str = "",
    goals: str | None = None,
    goal_indicators: str | None = None,
    assessments: str = "",
    settings: dict[str, str] | None = None,
) -> Path:
    """Write a tiny model as `;`-separated CSV files under ``folder`` and build it.

    Defaults keep the tables short: without ``goal_indicators`` every (goal, indicator) pair of
    ``targets`` is linked with weight 1; without ``goals`` every linked goal is a nämndmål with
    no parent. Titles default to the id. Returns the warehouse path.
    """
    tables = {
        "settings": [
            {"key": "municipality_code", "value": MUNICIPALITY},
            *({"key": k, "value": v} for k, v in (settings or {}).items()),
        ],
        "organisation": [{"org_id": "KF", "name": "Kommunfullmäktige", "type": "fullmäktige"}],
        "indicators": [{"title": r["indicator_id"], **r} for r in table(indicators)],
        "targets": table(targets),
        "outcomes": table(outcomes),
        "assessments": table(assessments),
    }
    if goal_indicators is None:
        pairs = dict.fromkeys((r["goal_id"], r["indicator_id"]) for r in tables["targets"])
        tables["goal_indicators"] = [{"goal_id": g, "indicator_id": i} for g, i in pairs]
    else:
        tables["goal_indicators"] = table(goal_indicators)
    if goals is None:
        linked = dict.fromkeys(r["goal_id"] for r in tables["goal_indicators"])
        tables["goals"] = [{"goal_id": g, "level": "nämndmål"} for g in linked]
    else:
        tables["goals"] = table(goals)
    tables["goals"] = [{"title": r["goal_id"], **r} for r in tables["goals"]]
    source = write_csv_source(
        folder / "source", {name: rows for name, rows in tables.items() if rows}, sep=";"
    )
    db = folder / "warehouse.duckdb"
    build([source], db)
    return db


def cli_argv(db: Path, period: str, indicators: bool = False) -> list[str]:
    argv = [sys.executable, "-m", "etl", "status", "--db", str(db), "--period", period]
    return argv + (["--indicators"] if indicators else [])


def run_cli(*requests: tuple[Path, str, bool]) -> list[subprocess.CompletedProcess[str]]:
    """Run `python -m etl status` for each (db, period, indicators), several at a time.

    The CLI spends most of its second starting Python, DuckDB and pandas, so the runs overlap.
    """
    results = []
    batch = max(2, os.cpu_count() or 1)
    for start in range(0, len(requests), batch):
        running = [
            (argv, subprocess.Popen(
                argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, encoding="utf-8", env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            ))
            for argv in (cli_argv(*r) for r in requests[start : start + batch])
        ]  # fmt: skip
        for argv, process in running:
            stdout, stderr = process.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(argv, process.returncode, stdout, stderr))
    return results


_CLI_OUTPUT: dict[tuple[Path, str, bool], tuple[tuple[str, ...], ...]] = {}


def prefetch(db: Path, *periods: str, indicators: tuple[str, ...] = ()) -> None:
    """Run the CLI now, in parallel, for the periods that the tests of a model will read."""
    requests = [(db, p, False) for p in periods] + [(db, p, True) for p in indicators]
    for request, result in zip(requests, run_cli(*requests), strict=True):
        _CLI_OUTPUT[request] = parse_cli(result, request[2])


def parse_cli(
    result: subprocess.CompletedProcess[str], indicators: bool
) -> tuple[tuple[str, ...], ...]:
    assert result.returncode == 0, result.stderr
    header, *rows = csv.reader(io.StringIO(result.stdout))
    assert header == (INDICATOR_COLUMNS if indicators else GOAL_COLUMNS)
    return tuple(tuple(row) for row in rows)


def cli_status(db: Path, period: str, indicators: bool = False) -> tuple[tuple[str, ...], ...]:
    """The CSV rows (without the header) printed by `python -m etl status` for ``period``."""
    request = (db, period, indicators)
    if request not in _CLI_OUTPUT:
        _CLI_OUTPUT[request] = parse_cli(run_cli(request)[0], indicators)
    return _CLI_OUTPUT[request]


def csv_lines(*lines: str) -> list[tuple[str, ...]]:
    """Expected CLI lines, written as CSV text."""
    return [tuple(row) for row in csv.reader(lines)]


def goal_lines(db: Path, period: str, *goal_ids: str) -> list[tuple[str, ...]]:
    """The CLI's goal_status lines of ``period`` for ``goal_ids`` (in the CLI's order)."""
    return [row for row in cli_status(db, period) if row[0] in goal_ids]


def indicator_rows(db: Path, period: str, goal_id: str, columns: str) -> list[tuple]:
    """``columns`` of the goal's indicator_status rows stored in the warehouse for ``period``."""
    return warehouse_rows(
        db,
        f"select {columns} from indicator_status "  # noqa: S608 - columns are test constants
        "where goal_id = $goal and period = $period order by indicator_id, subject, gender",
        {"goal": goal_id, "period": period},
    )


# --- §1 comparators --------------------------------------------------------------------------
# One outcome series per indicator, shared by goals whose targets differ. All in P = 2024, so the
# age window is [2023-12-31, 2024-12-31] and v is the 2024 value, prev the 2023 value.

COMPARATOR_INDICATORS = """
    indicator_id | direction
    hi           | higher    # v = 229, prev = 228, d = +1
    flat         | higher    # v = 229, prev = 229, d = 0
    lo           | lower     # v = 12,  prev = 13,  d = −1
    lo_worse     | lower     # v = 12,  prev = 10,  d = +2
    single       | lower     # v = 21,18, no prev
    sum_hi       | higher    # v = 0.1 + 0.2 = 0.30000000000000004, no prev
    sum_lo       | higher    # v = 0.7 − 0.4 = 0.29999999999999993, no prev
    zero         | lower     # v = 0, no prev
    neg          | higher    # v = −0,5, no prev
    mid          | neutral   # v = 25, prev = 22, d = +3
"""
COMPARATOR_OUTCOMES = f"""
    indicator_id | period | value
    hi           | 2023   | 228
    hi           | 2024   | 229
    flat         | 2023   | 229
    flat         | 2024   | 229
    lo           | 2023   | 13
    lo           | 2024   | 12
    lo_worse     | 2023   | 10
    lo_worse     | 2024   | 12
    single       | 2024   | 21,18
    sum_hi       | 2024   | {repr(0.1 + 0.2).replace(".", ",")}
    sum_lo       | 2024   | {repr(0.7 - 0.4).replace(".", ",")}
    zero         | 2024   | 0
    neg          | 2024   | -0,5
    mid          | 2023   | 22
    mid          | 2024   | 25
"""
COMPARATOR_TARGETS = """
    goal_id      | indicator_id | period | comparator | value       | low  | high | tolerance
    GE_EQ        | hi           | 2024   | >=         | 229
    GE_TOL       | hi           | 2024   | >=         | 231         |      |      | 2
    GE_IMPROVED  | hi           | 2024   | >=         | 240
    GE_OUT       | flat         | 2024   | >=         | 231         |      |      | 1,5
    LE_EQ        | single       | 2024   | <=         | 21,18
    LE_TOL       | lo_worse     | 2024   | <=         | 10          |      |      | 2
    LE_IMPROVED  | lo           | 2024   | <=         | 10
    LE_OUT       | lo_worse     | 2024   | <=         | 10          |      |      | 1,5
    ZERO_LE      | zero         | 2024   | <=         | 0
    ZERO_GE      | neg          | 2024   | >=         | 0
    FLOAT_LE     | sum_hi       | 2024   | <=         | 0,3
    FLOAT_GE     | sum_lo       | 2024   | >=         | 0,3
    FLOAT_LE_OUT | sum_hi       | 2024   | <=         | 0,299999998
    BTW_INSIDE   | mid          | 2024   | between    |             | 20   | 30
    BTW_LOW      | mid          | 2024   | between    |             | 25   | 30
    BTW_HIGH     | mid          | 2024   | between    |             | 20   | 25
    BTW_TOL_LOW  | mid          | 2024   | between    |             | 27   | 30   | 2
    BTW_TOL_HIGH | mid          | 2024   | between    |             | 20   | 22   | 3
    BTW_OUT_LOW  | mid          | 2024   | between    |             | 27,5 | 30   | 2
    BTW_OUT_HIGH | mid          | 2024   | between    |             | 20   | 22,5 | 2
    INC_UPP      | hi           | 2024   | increase   |             |      |      |
    INC_TOL      | hi           | 2024   | increase   |             |      |      | 1
    INC_EJ       | lo           | 2024   | increase   |             |      |      | 0,5
    INC_NOPREV   | single       | 2024   | increase
    DEC_UPP      | lo           | 2024   | decrease   |             |      |      | 0,5
    DEC_TOL      | flat         | 2024   | decrease
    DEC_EJ       | hi           | 2024   | decrease
    DEC_NOPREV   | single       | 2024   | decrease
"""


@pytest.fixture(scope="module")
def comparators(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_model(
        tmp_path_factory.mktemp("comparators"),
        indicators=COMPARATOR_INDICATORS,
        outcomes=COMPARATOR_OUTCOMES,
        targets=COMPARATOR_TARGETS,
    )
    prefetch(db, "2024")
    return db


SUM_HI, SUM_LO = 0.1 + 0.2, 0.7 - 0.4
# (goal line printed by the CLI, indicator row (value, value_period, prev_value, status, trend)).
# A goal with one indicator scores 1.0 / 0.5 / 0.0 for uppfyllt / delvis / ej uppfyllt, coverage
# 1.0; saknar utfall is not assessable → ej bedömt, no score, coverage 0/1 = 0.0.
COMPARATOR_CASES = [
    # >=
    pytest.param(  # 229 ≥ 229 → uppfyllt; trend d = +1 > 0, higher → bättre
        "GE_EQ,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (229.0, "2024", 228.0, "uppfyllt", "bättre"),
        id="ge-equal",
    ),
    pytest.param(  # 229 < 231 but 229 ≥ 231 − 2 (boundary) → delvis; |d| = 1 ≤ 2 → oförändrat
        "GE_TOL,2024,delvis,,delvis,0.5,1.0",
        (229.0, "2024", 228.0, "delvis", "oförändrat"),
        id="ge-within-tolerance",
    ),
    pytest.param(  # 229 < 240 − 0, but prev exists and 229 > 228 → delvis; bättre
        "GE_IMPROVED,2024,delvis,,delvis,0.5,1.0",
        (229.0, "2024", 228.0, "delvis", "bättre"),
        id="ge-improved",
    ),
    pytest.param(  # 229 < 231 − 1.5 and 229 = prev (not >) → ej uppfyllt; d = 0 → oförändrat
        "GE_OUT,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (229.0, "2024", 229.0, "ej uppfyllt", "oförändrat"),
        id="ge-outside-and-unchanged",
    ),
    # <= (lower is better)
    pytest.param(  # 21.18 ≤ 21.18 → uppfyllt; no prev → ej jämförbart
        "LE_EQ,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (21.18, "2024", None, "uppfyllt", "ej jämförbart"),
        id="le-equal",
    ),
    pytest.param(  # 12 > 10 but 12 ≤ 10 + 2 (boundary) → delvis (v > prev, so not via prev);
        # trend |d| = 2 ≤ tol 2 → oförändrat
        "LE_TOL,2024,delvis,,delvis,0.5,1.0",
        (12.0, "2024", 10.0, "delvis", "oförändrat"),
        id="le-within-tolerance",
    ),
    pytest.param(  # 12 > 10 + 0, but prev exists and 12 < 13 → delvis; d = −1, lower → bättre
        "LE_IMPROVED,2024,delvis,,delvis,0.5,1.0",
        (12.0, "2024", 13.0, "delvis", "bättre"),
        id="le-improved",
    ),
    pytest.param(  # 12 > 10 + 1.5 and 12 > prev 10 → ej uppfyllt; d = +2 > 1.5, lower → sämre
        "LE_OUT,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (12.0, "2024", 10.0, "ej uppfyllt", "sämre"),
        id="le-outside-and-worse",
    ),
    # zero target
    pytest.param(  # 0 ≤ 0 → uppfyllt (a target of 0 is a target, an outcome of 0 a value)
        "ZERO_LE,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (0.0, "2024", None, "uppfyllt", "ej jämförbart"),
        id="zero-target-le",
    ),
    pytest.param(  # −0.5 < 0, no prev → ej uppfyllt (not saknar målvärde)
        "ZERO_GE,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (-0.5, "2024", None, "ej uppfyllt", "ej jämförbart"),
        id="zero-target-ge",
    ),
    # floating-point sums within ε = 1e-9
    pytest.param(  # 0.1 + 0.2 = 0.30000000000000004 ≤ 0.3 + ε → uppfyllt
        "FLOAT_LE,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (SUM_HI, "2024", None, "uppfyllt", "ej jämförbart"),
        id="float-sum-le",
    ),
    pytest.param(  # 0.7 − 0.4 = 0.29999999999999993 ≥ 0.3 − ε → uppfyllt
        "FLOAT_GE,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (SUM_LO, "2024", None, "uppfyllt", "ej jämförbart"),
        id="float-sum-ge",
    ),
    pytest.param(  # 0.30000000000000004 > 0.299999998 + 1e-9 (2e-9 above) → ej uppfyllt
        "FLOAT_LE_OUT,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (SUM_HI, "2024", None, "ej uppfyllt", "ej jämförbart"),
        id="float-beyond-epsilon",
    ),
    # between, v = 25; neutral direction: |d| = 3 > tol → ej jämförbart
    pytest.param(  # 20 ≤ 25 ≤ 30 → uppfyllt
        "BTW_INSIDE,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (25.0, "2024", 22.0, "uppfyllt", "ej jämförbart"),
        id="between-inside",
    ),
    pytest.param(  # 25 ≤ 25 ≤ 30 (low boundary) → uppfyllt
        "BTW_LOW,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (25.0, "2024", 22.0, "uppfyllt", "ej jämförbart"),
        id="between-low-boundary",
    ),
    pytest.param(  # 20 ≤ 25 ≤ 25 (high boundary) → uppfyllt
        "BTW_HIGH,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (25.0, "2024", 22.0, "uppfyllt", "ej jämförbart"),
        id="between-high-boundary",
    ),
    pytest.param(  # 25 < 27, 27 − 2 = 25 ≤ 25 (boundary) → delvis
        "BTW_TOL_LOW,2024,delvis,,delvis,0.5,1.0",
        (25.0, "2024", 22.0, "delvis", "ej jämförbart"),
        id="between-tolerance-below",
    ),
    pytest.param(  # 25 > 22, 25 ≤ 22 + 3 (boundary) → delvis; |d| = 3 ≤ tol 3 → oförändrat
        "BTW_TOL_HIGH,2024,delvis,,delvis,0.5,1.0",
        (25.0, "2024", 22.0, "delvis", "oförändrat"),
        id="between-tolerance-above",
    ),
    pytest.param(  # 25 < 27.5 − 2 = 25.5 → ej uppfyllt
        "BTW_OUT_LOW,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (25.0, "2024", 22.0, "ej uppfyllt", "ej jämförbart"),
        id="between-outside-below",
    ),
    pytest.param(  # 25 > 22.5 + 2 = 24.5 → ej uppfyllt
        "BTW_OUT_HIGH,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (25.0, "2024", 22.0, "ej uppfyllt", "ej jämförbart"),
        id="between-outside-above",
    ),
    # increase / decrease, d = v − prev
    pytest.param(  # d = 229 − 228 = 1 > 0 → uppfyllt; bättre
        "INC_UPP,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (229.0, "2024", 228.0, "uppfyllt", "bättre"),
        id="increase-met",
    ),
    pytest.param(  # d = 1, not > tol 1; |d| = 1 ≤ 1 (boundary) → delvis; oförändrat
        "INC_TOL,2024,delvis,,delvis,0.5,1.0",
        (229.0, "2024", 228.0, "delvis", "oförändrat"),
        id="increase-within-tolerance",
    ),
    pytest.param(  # d = 12 − 13 = −1, |d| > 0.5 → ej uppfyllt; lower direction → bättre
        "INC_EJ,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (12.0, "2024", 13.0, "ej uppfyllt", "bättre"),
        id="increase-not-met",
    ),
    pytest.param(  # no prev → saknar utfall → goal ej bedömt, coverage 0
        "INC_NOPREV,2024,ej bedömt,,ej bedömt,,0.0",
        (21.18, "2024", None, "saknar utfall", "ej jämförbart"),
        id="increase-without-prev",
    ),
    pytest.param(  # d = −1 < −0.5 → uppfyllt; bättre
        "DEC_UPP,2024,uppfyllt,,uppfyllt,1.0,1.0",
        (12.0, "2024", 13.0, "uppfyllt", "bättre"),
        id="decrease-met",
    ),
    pytest.param(  # d = 229 − 229 = 0, |d| ≤ 0 (boundary) → delvis; oförändrat
        "DEC_TOL,2024,delvis,,delvis,0.5,1.0",
        (229.0, "2024", 229.0, "delvis", "oförändrat"),
        id="decrease-within-tolerance",
    ),
    pytest.param(  # d = +1, |d| > 0 → ej uppfyllt; higher direction → bättre
        "DEC_EJ,2024,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        (229.0, "2024", 228.0, "ej uppfyllt", "bättre"),
        id="decrease-not-met",
    ),
    pytest.param(  # no prev → saknar utfall
        "DEC_NOPREV,2024,ej bedömt,,ej bedömt,,0.0",
        (21.18, "2024", None, "saknar utfall", "ej jämförbart"),
        id="decrease-without-prev",
    ),
]


@pytest.mark.parametrize(("line", "indicator"), COMPARATOR_CASES)
def test_comparator(comparators: Path, line: str, indicator: tuple) -> None:
    goal_id = line.split(",", 1)[0]
    assert goal_lines(comparators, "2024", goal_id) == csv_lines(line)
    assert indicator_rows(
        comparators, "2024", goal_id, "value, value_period, prev_value, status, trend"
    ) == [indicator]


# --- §1 periods: age, ties, empty values, target choice ---------------------------------------

TIME_INDICATORS = """
    indicator_id | direction
    lag          | higher
    gap          | higher
    tie          | higher
    cf           | higher
    qm           | higher
"""
TIME_OUTCOMES = """
    indicator_id | period  | value
    lag          | 2020    | 4
    lag          | 2022    | 7      # no row for 2021
    lag          | 2023    |        # empty: missing
    gap          | 2022    | 6
    gap          | 2023    | 8
    gap          | 2024    |        # empty value in the newest period
    tie          | 2023    | 45
    tie          | 2024-T2 | 44     # ends 2024-08-31
    tie          | 2024-T3 | 40     # ends 2024-12-31, like 2024
    tie          | 2024    | 50
    cf           | 2023    | 10
    cf           | 2024    | 11
    cf           | 2025    | 12
    qm           | 2024-Q3 | 25
    qm           | 2024-Q4 | 30     # starts 2024-10-01, ends 2024-12-31
    qm           | 2024-11 | 22
    qm           | 2024-12 | 20     # starts 2024-12-01, ends 2024-12-31
"""
TIME_TARGETS = """
    goal_id    | indicator_id | period  | comparator | value | tolerance
    LAG        | lag          | 2023    | >=         | 6
    GAP        | gap          | 2024    | >=         | 10
    TIE        | tie          | 2023    | >=         | 45
    TARGET_TIE | tie          | 2024    | >=         | 52    | 2
    TARGET_TIE | tie          | 2024-T3 | >=         | 40
    CARRY      | cf           | 2023    | >=         | 12    # the only target, used in 2025
    LATER      | cf           | 2026    | >=         | 0     # never used before 2026
    LONGER     | qm           | 2024    | >=         | 30
    LONGER_TGT | qm           | 2024-Q4 | >=         | 30
    LONGER_TGT | qm           | 2024-12 | >=         | 31
"""
# Indicator columns read from the warehouse in this section.
TIME_COLUMNS = "target_value, value, value_period, prev_value, status, trend"


@pytest.fixture(scope="module")
def time_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_model(
        tmp_path_factory.mktemp("time"),
        indicators=TIME_INDICATORS,
        outcomes=TIME_OUTCOMES,
        targets=TIME_TARGETS,
    )
    prefetch(db, "2023", "2024", "2024-T3", "2025", "2025-T1", "2025-Q2", indicators=("2025-Q2",))
    return db


def test_outcome_one_year_old_is_used_across_a_missing_year(time_model: Path) -> None:
    # P = 2023, window [2022-12-31, 2023-12-31]: 2023 is empty, 2022 ends on the window's first
    # day (inclusive) → v = 7 (2022). prev = latest year before 2022 with a value = 2020 (2021
    # has no row) = 4. 7 ≥ 6 → uppfyllt; d = +3 → bättre.
    assert goal_lines(time_model, "2023", "LAG") == csv_lines("LAG,2023,uppfyllt,,uppfyllt,1.0,1.0")
    assert indicator_rows(time_model, "2023", "LAG", TIME_COLUMNS) == [
        (6.0, 7.0, "2022", 4.0, "uppfyllt", "bättre")
    ]


def test_outcome_two_years_old_is_too_old(time_model: Path) -> None:
    # P = 2024, window [2023-12-31, 2024-12-31]: 2022 ends before it → saknar utfall (target 2023
    # carried forward). No v → no prev, trend ej jämförbart. Goal: no assessable input → ej
    # bedömt, coverage 0/1 = 0.0.
    assert goal_lines(time_model, "2024", "LAG") == csv_lines("LAG,2024,ej bedömt,,ej bedömt,,0.0")
    assert indicator_rows(time_model, "2024", "LAG", TIME_COLUMNS) == [
        (6.0, None, None, None, "saknar utfall", "ej jämförbart")
    ]


def test_empty_newest_value_falls_back_within_the_age_window(time_model: Path) -> None:
    # P = 2024: the 2024 row has no value and is never used; 2023 (= 8) is in the window.
    # prev = 2022 = 6. 8 < 10 but 8 > 6 → delvis; d = +2 → bättre.
    assert goal_lines(time_model, "2024", "GAP") == csv_lines("GAP,2024,delvis,,delvis,0.5,1.0")
    assert indicator_rows(time_model, "2024", "GAP", TIME_COLUMNS) == [
        (10.0, 8.0, "2023", 6.0, "delvis", "bättre")
    ]


def test_year_and_tertial_tie_in_year_period(time_model: Path) -> None:
    # P = 2024: 2024 and 2024-T3 both end 2024-12-31; 2024 equals P → v = 50. prev: the latest
    # year before 2024 = 2023 = 45. 50 ≥ 45 (target 2023 carried) → uppfyllt; d = +5 → bättre.
    assert goal_lines(time_model, "2024", "TIE") == csv_lines("TIE,2024,uppfyllt,,uppfyllt,1.0,1.0")
    assert indicator_rows(time_model, "2024", "TIE", TIME_COLUMNS) == [
        (45.0, 50.0, "2024", 45.0, "uppfyllt", "bättre")
    ]


def test_year_and_tertial_tie_in_tertial_period(time_model: Path) -> None:
    # P = 2024-T3: 2024-T3 equals P → v = 40. prev: the latest *tertial* before it = 2024-T2 =
    # 44. 40 < 45 and 40 < 44 → ej uppfyllt; d = −4 → sämre.
    assert goal_lines(time_model, "2024-T3", "TIE") == csv_lines(
        "TIE,2024-T3,ej uppfyllt,,ej uppfyllt,0.0,1.0"
    )
    assert indicator_rows(time_model, "2024-T3", "TIE", TIME_COLUMNS) == [
        (45.0, 40.0, "2024-T3", 44.0, "ej uppfyllt", "sämre")
    ]


def test_year_and_tertial_tie_in_a_later_period_takes_the_year(time_model: Path) -> None:
    # P = 2025-T1 (ends 2025-04-30, not in the warehouse), window [2024-04-30, 2025-04-30]:
    # 2024 and 2024-T3 tie on 2024-12-31, neither is P; both start 2024-01-01 (tertials are
    # cumulative), so the smaller code decides: 2024 → v = 50, prev 45. 50 ≥ 45 → uppfyllt
    # (with 2024-T3 it would be 40 < 45 → ej uppfyllt).
    assert goal_lines(time_model, "2025-T1", "TIE") == csv_lines(
        "TIE,2025-T1,uppfyllt,,uppfyllt,1.0,1.0"
    )


def test_longer_period_wins_a_tie_before_the_period_code(time_model: Path) -> None:
    # P = 2025-T1: 2024-Q4 and 2024-12 tie on 2024-12-31; the quarter starts earlier, so it is
    # the longer one and wins although its code is larger ("2024-12" < "2024-Q4").
    # Outcome: v = 30 (2024-Q4), prev = 2024-Q3 = 25; target 2024 (≥ 30) → uppfyllt
    #   (2024-12 would give v = 20 < 30, below prev 22 → ej uppfyllt).
    # Target: 2024-Q4 (≥ 30) over 2024-12 (≥ 31); v = 30 → uppfyllt
    #   (the 2024-12 target would give 30 < 31, above prev 25 → delvis).
    assert goal_lines(time_model, "2025-T1", "LONGER", "LONGER_TGT") == csv_lines(
        "LONGER,2025-T1,uppfyllt,,uppfyllt,1.0,1.0",
        "LONGER_TGT,2025-T1,uppfyllt,,uppfyllt,1.0,1.0",
    )


def test_target_of_the_period_itself_wins(time_model: Path) -> None:
    # P = 2024: the 2024 target (≥ 52, tol 2) is P's own; v = 50 ≥ 52 − 2 → delvis
    # (the 2024-T3 target, ≥ 40, would give uppfyllt). Trend: d = +5 > tol 2 → bättre.
    # P = 2024-T3: the 2024-T3 target (≥ 40) is P's own; 2024 does not end *before* 2024-T3.
    # v = 40 ≥ 40 → uppfyllt; trend d = 40 − 44 = −4 → sämre.
    assert goal_lines(time_model, "2024", "TARGET_TIE") == csv_lines(
        "TARGET_TIE,2024,delvis,,delvis,0.5,1.0"
    )
    assert goal_lines(time_model, "2024-T3", "TARGET_TIE") == csv_lines(
        "TARGET_TIE,2024-T3,uppfyllt,,uppfyllt,1.0,1.0"
    )
    assert indicator_rows(time_model, "2024", "TARGET_TIE", TIME_COLUMNS) == [
        (52.0, 50.0, "2024", 45.0, "delvis", "bättre")
    ]
    assert indicator_rows(time_model, "2024-T3", "TARGET_TIE", TIME_COLUMNS) == [
        (40.0, 40.0, "2024-T3", 44.0, "uppfyllt", "sämre")
    ]


def test_target_tie_in_a_later_period_takes_the_longer(time_model: Path) -> None:
    # P = 2025-T1: targets 2024 and 2024-T3 both end 2024-12-31, before P → the longer, 2024
    # (≥ 52, tol 2). v = 50 (2024) ≥ 50 → delvis (with the 2024-T3 target: 50 ≥ 40 → uppfyllt).
    assert goal_lines(time_model, "2025-T1", "TARGET_TIE") == csv_lines(
        "TARGET_TIE,2025-T1,delvis,,delvis,0.5,1.0"
    )


def test_target_ending_on_the_same_day_as_p_is_not_used(time_model: Path) -> None:
    # P = 2024-T3: GAP's only target is for 2024, which is not P and does not end *before*
    # 2024-T3 (both end 2024-12-31) → saknar målvärde → ej bedömt. The outcome is still
    # reported: window [2023-12-31, 2024-12-31], 2024 is empty → v = 8 (2023), prev 6 → bättre.
    assert goal_lines(time_model, "2024-T3", "GAP") == csv_lines(
        "GAP,2024-T3,ej bedömt,,ej bedömt,,0.0"
    )
    assert indicator_rows(time_model, "2024-T3", "GAP", TIME_COLUMNS) == [
        (None, 8.0, "2023", 6.0, "saknar målvärde", "bättre")
    ]


def test_target_is_carried_forward(time_model: Path) -> None:
    # P = 2025: no 2025 or 2024 target; the latest earlier one is 2023 (≥ 12). v = 12 (2025),
    # prev = 11. 12 ≥ 12 → uppfyllt; d = +1 → bättre.
    assert goal_lines(time_model, "2025", "CARRY") == csv_lines(
        "CARRY,2025,uppfyllt,,uppfyllt,1.0,1.0"
    )
    assert indicator_rows(time_model, "2025", "CARRY", TIME_COLUMNS) == [
        (12.0, 12.0, "2025", 11.0, "uppfyllt", "bättre")
    ]


def test_target_for_a_later_period_is_not_used(time_model: Path) -> None:
    # P = 2025: the only target is for 2026 → saknar målvärde; goal ej bedömt, coverage 0.0.
    # The outcome, prev and trend are still reported (tol 0): v = 12, prev 11 → bättre.
    assert goal_lines(time_model, "2025", "LATER") == csv_lines(
        "LATER,2025,ej bedömt,,ej bedömt,,0.0"
    )
    assert warehouse_rows(
        time_model,
        "select subject, gender, comparator, target_value, tolerance, value, value_period, "
        "prev_value, status, trend from indicator_status where goal_id = 'LATER' "
        "and period = '2025'",
    ) == [(MUNICIPALITY, "T", None, None, 0.0, 12.0, "2025", 11.0, "saknar målvärde", "bättre")]


def test_period_not_in_the_warehouse_is_evaluated_on_demand(time_model: Path) -> None:
    assert ("2025-Q2",) not in warehouse_rows(time_model, "select period from periods")
    # P = 2025-Q2 ends 2025-06-30; window [2024-06-30, 2025-06-30]; targets ending before it.
    assert cli_status(time_model, "2025-Q2") == tuple(
        csv_lines(
            # cf: 2025 ends after P → v = 2024 = 11, prev 10; 11 < 12 (2023 target) but 11 > 10
            # → delvis
            "CARRY,2025-Q2,delvis,,delvis,0.5,1.0",
            # gap: 2023 ends before the window, 2024 is empty → saknar utfall
            "GAP,2025-Q2,ej bedömt,,ej bedömt,,0.0",
            # lag: 2022 is far too old → saknar utfall
            "LAG,2025-Q2,ej bedömt,,ej bedömt,,0.0",
            # 2026 target not used → saknar målvärde
            "LATER,2025-Q2,ej bedömt,,ej bedömt,,0.0",
            # v = 2024-Q4 (longer than 2024-12) = 30 ≥ 30; target 2024 / 2024-Q4 → uppfyllt
            "LONGER,2025-Q2,uppfyllt,,uppfyllt,1.0,1.0",
            "LONGER_TGT,2025-Q2,uppfyllt,,uppfyllt,1.0,1.0",
            # target 2024 (longer than 2024-T3), v = 2024 (longer) = 50 ≥ 52 − 2 → delvis
            "TARGET_TIE,2025-Q2,delvis,,delvis,0.5,1.0",
            # target 2023 ≥ 45, v = 50 → uppfyllt
            "TIE,2025-Q2,uppfyllt,,uppfyllt,1.0,1.0",
        )
    )
    assert cli_status(time_model, "2025-Q2", indicators=True) == tuple(
        csv_lines(
            "CARRY,cf,2025-Q2,0180,T,>=,12.0,,,0.0,11.0,2024,10.0,delvis,bättre,",
            "GAP,gap,2025-Q2,0180,T,>=,10.0,,,0.0,,,,saknar utfall,ej jämförbart,",
            "LAG,lag,2025-Q2,0180,T,>=,6.0,,,0.0,,,,saknar utfall,ej jämförbart,",
            "LATER,cf,2025-Q2,0180,T,,,,,0.0,11.0,2024,10.0,saknar målvärde,bättre,",
            # prev of a quarter is the previous quarter, 2024-Q3 = 25
            "LONGER,qm,2025-Q2,0180,T,>=,30.0,,,0.0,30.0,2024-Q4,25.0,uppfyllt,bättre,",
            "LONGER_TGT,qm,2025-Q2,0180,T,>=,30.0,,,0.0,30.0,2024-Q4,25.0,uppfyllt,bättre,",
            # d = 50 − 45 = 5 > tol 2 → bättre
            "TARGET_TIE,tie,2025-Q2,0180,T,>=,52.0,,,2.0,50.0,2024,45.0,delvis,bättre,",
            "TIE,tie,2025-Q2,0180,T,>=,45.0,,,0.0,50.0,2024,45.0,uppfyllt,bättre,",
        )
    )


def test_malformed_period_exits_with_status_2(time_model: Path) -> None:
    # There is no fourth tertial; 2024/25 is no period format at all.
    for result in run_cli((time_model, "2024-T4", False), (time_model, "2024/25", False)):
        assert (result.returncode, result.stdout) == (2, ""), result.stderr
        assert result.args[-1] in result.stderr  # the message names the bad code


# --- §2–3 roll-up ------------------------------------------------------------------------------
# Indicators a, b = 10 in 2023 (a = 9 in 2022); the target decides each input's status:
# ≥ 10 → uppfyllt (U), ≥ 11 tol 1 → delvis (D), ≥ 20 → ej uppfyllt (E). Period 2023.

ROLLUP_GOALS = """
    goal_id      | level    | parent_ids   | valid_from | valid_to | weight
    WEIGHTED     | nämndmål
    TWO_THIRDS   | nämndmål
    GENDER       | nämndmål
    EMPTY        | nämndmål
    COV_HALF     | nämndmål
    COV_BELOW    | nämndmål
    K1           | kf-mål
    K2           | kf-mål
    SHARED       | nämndmål | K1;K2        |            |          | 3
    K1_OTHER     | nämndmål | K1
    OVR_PARENT   | kf-mål
    OVR          | nämndmål | OVR_PARENT
    OVR_EMPTY    | nämndmål | OVR_PARENT
    VALID_PARENT | kf-mål
    OLD          | nämndmål | VALID_PARENT |            | 2022
    CUR          | nämndmål | VALID_PARENT
"""
ROLLUP_INDICATORS = """
    indicator_id | direction
    a            | higher
    b            | higher
    g            | higher
    nodata       | higher    # no outcomes at all
"""
ROLLUP_LINKS = """
    goal_id    | indicator_id | weight
    WEIGHTED   | a
    WEIGHTED   | b
    TWO_THIRDS | a            | 2
    TWO_THIRDS | b
    GENDER     | a            | 2
    GENDER     | g            | 2
    COV_HALF   | a
    COV_HALF   | nodata
    COV_BELOW  | a            | 49
    COV_BELOW  | b            | 51     # no target → saknar målvärde
    SHARED     | a
    K1_OTHER   | b
    OVR        | a
    CUR        | b
    OLD        | a
"""
ROLLUP_TARGETS = """
    goal_id    | indicator_id | period | comparator | value | tolerance | gender
    WEIGHTED   | a            | 2023   | >=         | 10                       # U
    WEIGHTED   | b            | 2023   | >=         | 11    | 1                # D
    TWO_THIRDS | a            | 2023   | >=         | 10                       # U
    TWO_THIRDS | b            | 2023   | >=         | 20                       # E
    GENDER     | a            | 2023   | >=         | 10                       # U
    GENDER     | g            | 2023   | >=         | 50    |           | K    # 52 → U
    GENDER     | g            | 2023   | >=         | 50    |           | M    # 48 → E
    COV_HALF   | a            | 2023   | >=         | 10                       # U
    COV_HALF   | nodata       | 2023   | >=         | 1                        # saknar utfall
    COV_BELOW  | a            | 2023   | >=         | 10                       # U
    SHARED     | a            | 2023   | >=         | 10                       # U
    K1_OTHER   | b            | 2023   | >=         | 20                       # E
    OVR        | a            | 2023   | >=         | 10                       # U
    CUR        | b            | 2023   | >=         | 20                       # E
    OLD        | a            | 2022   | >=         | 9                        # U in 2022
"""
ROLLUP_OUTCOMES = """
    indicator_id | period | value | gender
    a            | 2022   | 9
    a            | 2023   | 10
    b            | 2023   | 10
    g            | 2023   | 49    | T
    g            | 2023   | 52    | K
    g            | 2023   | 48    | M
"""
ROLLUP_ASSESSMENTS = """
    goal_id   | period | status
    OVR       | 2023   | ej uppfyllt
    OVR_EMPTY | 2023   | delvis
"""


@pytest.fixture(scope="module")
def rollup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_model(
        tmp_path_factory.mktemp("rollup"),
        goals=ROLLUP_GOALS,
        indicators=ROLLUP_INDICATORS,
        goal_indicators=ROLLUP_LINKS,
        targets=ROLLUP_TARGETS,
        outcomes=ROLLUP_OUTCOMES,
        assessments=ROLLUP_ASSESSMENTS,
    )
    prefetch(db, "2022", "2023")
    return db


def test_weighted_score_with_a_partial_input(rollup: Path) -> None:
    # score = (1·1 + 0.5·1)/2 = 0.75 ≥ 2/3 → uppfyllt; coverage 2/2 = 1.0
    assert goal_lines(rollup, "2023", "WEIGHTED") == csv_lines(
        "WEIGHTED,2023,uppfyllt,,uppfyllt,0.75,1.0"
    )


def test_score_exactly_two_thirds_is_uppfyllt(rollup: Path) -> None:
    # score = (1·2 + 0·1)/3 = 2/3 ≥ 2/3 → uppfyllt
    assert goal_lines(rollup, "2023", "TWO_THIRDS") == csv_lines(
        "TWO_THIRDS,2023,uppfyllt,,uppfyllt,0.6666666666666666,1.0"
    )


def test_gender_targets_use_their_series_and_share_the_link_weight(rollup: Path) -> None:
    # g has targets for K and M → two rows on the K (52) and M (48) series, not T (49); the link
    # weight 2 is shared: 1 each. score = (1·2 [a] + 1·1 [K] + 0·1 [M]) / 4 = 0.75 → uppfyllt.
    # (Unshared: 4/6; on the T series: 2/4.)
    assert goal_lines(rollup, "2023", "GENDER") == csv_lines(
        "GENDER,2023,uppfyllt,,uppfyllt,0.75,1.0"
    )
    assert indicator_rows(
        rollup, "2023", "GENDER", "indicator_id, subject, gender, value, status, weight"
    ) == [
        ("a", MUNICIPALITY, "T", 10.0, "uppfyllt", 2.0),
        ("g", MUNICIPALITY, "K", 52.0, "uppfyllt", 1.0),
        ("g", MUNICIPALITY, "M", 48.0, "ej uppfyllt", 1.0),
    ]


def test_goal_without_inputs_is_ej_bedomt_without_score_or_coverage(rollup: Path) -> None:
    assert goal_lines(rollup, "2023", "EMPTY") == csv_lines("EMPTY,2023,ej bedömt,,ej bedömt,,")


def test_coverage_exactly_min_coverage_is_assessed(rollup: Path) -> None:
    # a: U (w 1), nodata: saknar utfall (w 1) → coverage 1/2 = 0.5 ≥ 0.5; score 1/1 → uppfyllt
    assert goal_lines(rollup, "2023", "COV_HALF") == csv_lines(
        "COV_HALF,2023,uppfyllt,,uppfyllt,1.0,0.5"
    )


def test_coverage_below_min_coverage_is_ej_bedomt(rollup: Path) -> None:
    # a: U (w 49), b: saknar målvärde (w 51) → coverage 49/100 = 0.49 < 0.5 → ej bedömt; the
    # score of the assessable inputs is still reported: 49·1/49 = 1.0
    assert goal_lines(rollup, "2023", "COV_BELOW") == csv_lines(
        "COV_BELOW,2023,ej bedömt,,ej bedömt,1.0,0.49"
    )


def test_shared_child_counts_fully_in_each_parent(rollup: Path) -> None:
    # SHARED (uppfyllt, weight 3) feeds K1 and K2 with its full weight in both.
    # K1 = (1·3 + 0·1 [K1_OTHER]) / 4 = 0.75 → uppfyllt  (a split weight 1.5 would give 0.6)
    # K2 = 1·3 / 3 = 1.0 → uppfyllt
    assert goal_lines(rollup, "2023", "K1", "K2", "SHARED") == csv_lines(
        "K1,2023,uppfyllt,,uppfyllt,0.75,1.0",
        "K2,2023,uppfyllt,,uppfyllt,1.0,1.0",
        "SHARED,2023,uppfyllt,,uppfyllt,1.0,1.0",
    )


def test_assessment_overrides_and_parent_uses_effective_status(rollup: Path) -> None:
    # OVR: computed uppfyllt (a: U), assessed ej uppfyllt → effective ej uppfyllt.
    # OVR_EMPTY: computed ej bedömt (no inputs), assessed delvis → effective delvis.
    # OVR_PARENT from the effective statuses: (0·1 + 0.5·1)/2 = 0.25 < 1/3 → ej uppfyllt
    # (from the computed ones it would be 1/1 at coverage 0.5 → uppfyllt).
    assert goal_lines(rollup, "2023", "OVR", "OVR_EMPTY", "OVR_PARENT") == csv_lines(
        "OVR,2023,uppfyllt,ej uppfyllt,ej uppfyllt,1.0,1.0",
        "OVR_EMPTY,2023,ej bedömt,delvis,delvis,,",
        "OVR_PARENT,2023,ej uppfyllt,,ej uppfyllt,0.25,1.0",
    )


def test_validity_of_goals_and_children(rollup: Path) -> None:
    # 2022: OLD is valid: a = 9 ≥ 9 → uppfyllt. CUR's only target is for 2023 → saknar målvärde
    # → ej bedömt. VALID_PARENT = 1/1 at coverage 1/2 = 0.5 → uppfyllt.
    assert goal_lines(rollup, "2022", "CUR", "OLD", "VALID_PARENT") == csv_lines(
        "CUR,2022,ej bedömt,,ej bedömt,,0.0",
        "OLD,2022,uppfyllt,,uppfyllt,1.0,1.0",
        "VALID_PARENT,2022,uppfyllt,,uppfyllt,1.0,0.5",
    )
    # 2023: OLD (valid_to 2022) has no row and is no input; VALID_PARENT = CUR only: 0/1 → ej
    # uppfyllt at coverage 1.0 (with OLD it would be 1/2 → delvis).
    assert goal_lines(rollup, "2023", "CUR", "OLD", "VALID_PARENT") == csv_lines(
        "CUR,2023,ej uppfyllt,,ej uppfyllt,0.0,1.0",
        "VALID_PARENT,2023,ej uppfyllt,,ej uppfyllt,0.0,1.0",
    )


def test_every_valid_goal_has_one_row_sorted_by_goal_id(rollup: Path) -> None:
    assert [row[0] for row in cli_status(rollup, "2023")] == [
        "COV_BELOW", "COV_HALF", "CUR", "EMPTY", "GENDER", "K1", "K1_OTHER", "K2", "OVR",
        "OVR_EMPTY", "OVR_PARENT", "SHARED", "TWO_THIRDS", "VALID_PARENT", "WEIGHTED",
    ]  # fmt: skip


# --- §2 presets ------------------------------------------------------------------------------
# Each M_* goal has child goals whose effective statuses are fixed by the nämnd's assessment
# (§3), so they are the same under every preset; the letters name them: U = uppfyllt,
# D = delvis, E = ej uppfyllt, X = ej bedömt (no inputs, not assessable). Period 2024.

PRESET_GOALS = """
    goal_id | level    | parent_ids
    M_DE    | kf-mål
    M_DEE   | kf-mål
    M_EE    | kf-mål
    M_UE    | kf-mål
    M_UEE   | kf-mål
    M_UU    | kf-mål
    M_UUD   | kf-mål
    M_UUE   | kf-mål
    M_UUUE  | kf-mål
    M_UX    | kf-mål
    U1      | nämndmål | M_UU;M_UUD;M_UUUE;M_UUE;M_UE;M_UEE;M_UX
    U2      | nämndmål | M_UU;M_UUD;M_UUUE;M_UUE
    U3      | nämndmål | M_UUUE
    D1      | nämndmål | M_UUD;M_DE;M_DEE
    E1      | nämndmål | M_UUUE;M_UUE;M_UE;M_UEE;M_DE;M_DEE;M_EE
    E2      | nämndmål | M_UEE;M_DEE;M_EE
    X       | nämndmål | M_UX
"""
PRESET_ASSESSMENTS = """
    goal_id | period | status
    U1      | 2024   | uppfyllt
    U2      | 2024   | uppfyllt
    U3      | 2024   | uppfyllt
    D1      | 2024   | delvis
    E1      | 2024   | ej uppfyllt
    E2      | 2024   | ej uppfyllt
"""
PRESET_SETTINGS = {
    "two_thirds": {},  # the default: uppfyllt ≥ 2/3, delvis ≥ 1/3
    "majority": {"rule_preset": "majority"},  # ≥ 1/2, ≥ 1/4
    "all": {"rule_preset": "all"},  # every assessable input U; delvis when score > 0
    "worst_of": {"rule_preset": "worst_of"},  # the worst assessable input
    "full_.8": {"full_threshold": "0,8"},  # two_thirds with ≥ 0.8, ≥ 1/3
    "maj_.75_.3": {  # majority with ≥ 0.75, ≥ 0.3
        "rule_preset": "majority",
        "full_threshold": "0,75",
        "partial_threshold": "0,3",
    },
}
# score = mean of the children's scores (U = 1, D = ½, E = 0; X is left out but counts in the
# coverage): M_DE = (½ + 0)/2, M_DEE = ½/3, M_EE = 0/2, M_UE = 1/2, M_UEE = 1/3, M_UU = 2/2,
# M_UUD = 2.5/3, M_UUE = 2/3, M_UUUE = 3/4, M_UX = 1/1 at coverage 1/2.
PRESET_EXPECTED = table("""
goal   | score               | cov | two_thirds | majority | all | worst_of | full_.8 | maj_.75_.3
M_DE   | 0.25                | 1.0 | E          | D        | D   | E        | E       | E
M_DEE  | 0.16666666666666666 | 1.0 | E          | E        | D   | E        | E       | E
M_EE   | 0.0                 | 1.0 | E          | E        | E   | E        | E       | E
M_UE   | 0.5                 | 1.0 | D          | U        | D   | E        | D       | D
M_UEE  | 0.3333333333333333  | 1.0 | D          | D        | D   | E        | D       | D
M_UU   | 1.0                 | 1.0 | U          | U        | U   | U        | U       | U
M_UUD  | 0.8333333333333334  | 1.0 | U          | U        | D   | D        | U       | U
M_UUE  | 0.6666666666666666  | 1.0 | U          | U        | D   | E        | D       | D
M_UUUE | 0.75                | 1.0 | U          | U        | D   | E        | D       | U
M_UX   | 1.0                 | 0.5 | U          | U        | U   | U        | U       | U
""")  # fmt: skip
STATUS_OF = {"U": "uppfyllt", "D": "delvis", "E": "ej uppfyllt"}


@pytest.fixture(scope="module")
def preset_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The preset model built once per settings variant, all CLI runs started together."""
    dbs = {
        preset: build_model(
            tmp_path_factory.mktemp(preset),
            goals=PRESET_GOALS,
            assessments=PRESET_ASSESSMENTS,
            settings=settings,
        )
        for preset, settings in PRESET_SETTINGS.items()
    }
    requests = [(db, "2024", False) for db in dbs.values()]
    for request, result in zip(requests, run_cli(*requests), strict=True):
        _CLI_OUTPUT[request] = parse_cli(result, indicators=False)
    return dbs


@pytest.mark.slow  # a model per preset, each through the CLI
@pytest.mark.parametrize("preset", list(PRESET_SETTINGS))
def test_preset(preset_models: dict[str, Path], preset: str) -> None:
    expected = [
        f"{r['goal']},2024,{STATUS_OF[r[preset]]},,{STATUS_OF[r[preset]]},{r['score']},{r['cov']}"
        for r in PRESET_EXPECTED
    ]
    goals = [r["goal"] for r in PRESET_EXPECTED]
    assert goal_lines(preset_models[preset], "2024", *goals) == csv_lines(*expected)
