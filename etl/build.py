"""Validate sources and build the warehouse atomically.

The warehouse is one DuckDB file. A build writes a new file beside it, checkpoints and closes
it, then replaces the old file with one ``os.replace``. A reader therefore sees either the old
warehouse or the new one, never a half-built one, and a build killed at any moment leaves the
previous warehouse complete: the only trace is a ``.<name>.building-<pid>`` file that the next
build removes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

import queries
from attainment.compute import compute_status
from etl.problems import InvalidInput
from etl.schema import FORMAT_VERSION
from etl.sources import LoadedFile, load_pending, stage_sources
from etl.validate import prepare, validate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = queries.default_warehouse()
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
    with duckdb.connect() as con:
        return _stage_and_validate(con, paths, report)


def build(paths: list[Path], db_path: Path, report: Report = lambda _: None) -> BuildResult:
    """Validate ``paths`` and replace the warehouse at ``db_path`` with a new build."""
    db_path = db_path.resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(db_path)
    building = db_path.with_name(f".{db_path.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    try:
        with duckdb.connect(building) as con:
            # DuckDB draws its own progress bar on the terminal for statements over two seconds.
            con.execute("set enable_progress_bar = $on", {"on": os.isatty(1)})
            files, counts = load_warehouse(con, paths, report)
            con.execute("checkpoint")
        _fsync(building)
        os.replace(building, db_path)
        _fsync(db_path.parent)
    finally:
        building.unlink(missing_ok=True)
        Path(f"{building}.wal").unlink(missing_ok=True)
    report(f"Klart: {db_path}")
    return BuildResult(db_path, counts, files)


def load_warehouse(
    con: duckdb.DuckDBPyConnection, paths: list[Path], report: Report = lambda _: None
) -> tuple[list[LoadedFile], dict[str, int]]:
    """Validate ``paths`` and create the warehouse tables on ``con`` (an empty database)."""
    files = _stage_and_validate(con, paths, report)
    report("Bygger lagret …")
    queries.script(con, "warehouse/load")
    _write_load_log(con, files)
    report("Beräknar måluppfyllelse …")
    compute_status(con)
    counts = {
        t: con.execute(f"select count(*) from {t}").fetchone()[0]  # noqa: S608 - fixed names
        for t in WAREHOUSE_TABLES
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
    queries.script(con, "warehouse/schema")
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
        (file.path, file.sha256, table, count, built_at, FORMAT_VERSION)
        for file in files
        for table, count in (sorted(file.rows.items()) or [(None, None)])
    ]
    con.executemany("insert into load_log values (?, ?, ?, ?, ?, ?)", rows)


def _remove_abandoned_builds(db_path: Path) -> None:
    """Delete leftovers of builds that were killed (their process no longer exists)."""
    for leftover in db_path.parent.glob(f".{db_path.name}.building-*"):
        pid = leftover.name.rsplit("-", 1)[-1].removesuffix(".wal")
        if pid.isdigit() and not _process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    """Flush a file or a directory entry to disk so the rename survives a power cut too."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
