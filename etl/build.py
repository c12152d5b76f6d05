"""Validate sources and build the warehouse atomically (``warehouse.building``)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

import warehouse
from attainment import vocabulary
from attainment.compute import compute_status
from etl.problems import InvalidInput
from etl.schema import FORMAT_VERSION
from etl.sources import LoadedFile, load_pending, stage_sources
from etl.validate import prepare, validate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = warehouse.default_path()
EXAMPLE_SOURCE = ROOT / "data" / "example"

# Tables written by the build, in the order they are reported.
WAREHOUSE_TABLES = (
    "settings",
    "organisation",
    "goals",
    "goal_links",
    "goal_closure",
    "goal_responsibility",
    "indicators",
    "goal_indicators",
    "targets",
    "outcomes",
    "outcome_series",
    "assessments",
    "periods",
    "load_log",
    "statuses",
    "rule_presets",
    "indicator_status",
    "goal_status",
)

Report = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    path: Path
    row_counts: dict[str, int]
    files: list[LoadedFile]


def check(paths: list[Path], report: Report = lambda _: None) -> list[LoadedFile]:
    """Validate sources without writing anything; raise ``InvalidInput`` listing every problem."""
    with warehouse.scratch() as con:
        return _stage_and_validate(con, paths, report)


def build(paths: list[Path], db_path: Path, report: Report = lambda _: None) -> BuildResult:
    """Validate ``paths`` and replace the warehouse at ``db_path`` with a new build."""
    db_path = db_path.resolve()
    with warehouse.building(db_path, progress=os.isatty(1)) as con:
        files, counts = load_warehouse(con, paths, report)
    report(f"Klart: {db_path}")
    return BuildResult(db_path, counts, files)


def load_warehouse(
    con: duckdb.DuckDBPyConnection, paths: list[Path], report: Report = lambda _: None
) -> tuple[list[LoadedFile], dict[str, int]]:
    """Validate ``paths`` and create the warehouse tables on ``con`` (an empty database)."""
    files = _stage_and_validate(con, paths, report)
    report("Bygger lagret …")
    warehouse.script(con, "warehouse/load")
    _write_load_log(con, files)
    # The vocabulary the engine scores by, with the model's own scores (settings.partly_score).
    warehouse.execute(con, "warehouse/insert_statuses", path=str(vocabulary.STATUSES_CSV))
    warehouse.execute(con, "warehouse/insert_rule_presets", path=str(vocabulary.RULE_PRESETS_CSV))
    report("Beräknar måluppfyllelse …")
    compute_status(con)
    counts = {
        table: count
        for _, table, count in warehouse.rows(
            con, "warehouse/row_counts", template={"tables": WAREHOUSE_TABLES}
        )
    }
    for table in WAREHOUSE_TABLES:
        report(f"  {table:<20} {counts[table]:>12,} rader".replace(",", " "))
    return files, counts


def _stage_and_validate(
    con: duckdb.DuckDBPyConnection, paths: list[Path], report: Report
) -> list[LoadedFile]:
    report(f"Läser {len(paths)} källa/källor …")
    files, problems, pending = stage_sources(con, paths)
    # The warehouse tables exist from the start: a large outcomes file that passes the fast
    # path's checks is written straight into its table (etl/bulk.py).
    warehouse.script(con, "warehouse/schema")
    prepare(con)
    if load_pending(con, pending, problems):
        prepare(con)  # outcomes were staged row by row after all
    for file in files:
        for table, rows in file.rows.items():
            report(f"  {file.path}: {table} {rows:,} rader".replace(",", " "))
    report("Kontrollerar …")
    problems += validate(con)
    if problems:
        raise InvalidInput(problems)
    return files


def _write_load_log(con: duckdb.DuckDBPyConnection, files: list[LoadedFile]) -> None:
    built_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as UTC
    rows = [
        {
            "source_path": file.path,
            "sha256": file.sha256,
            "table_name": table,
            "row_count": count,
            "built_at": built_at,
            "format_version": FORMAT_VERSION,
        }
        for file in files
        for table, count in (sorted(file.rows.items()) or [(None, None)])
    ]
    warehouse.insert_rows(con, "warehouse/insert_load_log", rows)
