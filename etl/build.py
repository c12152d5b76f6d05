"""Validate sources and build the warehouse: read → stage → validate → load → compute → swap.

Each step is a function of the connection to the new warehouse file (``warehouse.building``):

1. **read** (``etl/sources.py``): every file's cells as text into ``raw_<table>``, except the
   outcome CSV files left for the fast path;
2. **stage**: the typed tables ``stg_<table>`` (``etl/validate.py``) around the one decision of
   the build, ``_fast_path``: every outcome file left for it goes straight into the warehouse
   table (``etl/bulk.py``), or, if anything is doubtful, every one is read row by row;
3. **validate**: every problem in the sources, or ``InvalidInput`` listing them;
4. **load**: the warehouse tables (``queries/warehouse/load.sql``, ``periods.sql``) and the load
   log;
5. **compute**: ``indicator_status`` and ``goal_status`` (``attainment/compute.py``);
6. **swap**: the new file replaces the warehouse when the block ends.

After new outcomes arrive, a build may instead start from a copy of the warehouse that keeps
what did not change (``etl/incremental.py``): the same steps then read, check and load only the
new and changed outcome files. If anything is doubtful it starts again as a full build.
``check`` runs the first three steps on a scratch database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

import warehouse
from attainment import vocabulary
from attainment.compute import compute_status
from etl import bulk, incremental, schema
from etl.problems import InvalidInput
from etl.publish import publish
from etl.schema import FORMAT_VERSION
from etl.sources import LoadedFile, Reading, Sources, find_sources, read, read_rows
from etl.validate import stage, stage_outcomes, validate

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
    "kolada_comparisons",
    "assessments",
    "periods",
    "load_log",
    "statuses",
    "rule_presets",
    "indicator_status",
    "goal_status",
    "assignments",
    "assignment_status",
    "assignment_period_status",
)

Report = Callable[[str], None]
Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class BuildResult:
    path: Path
    row_counts: dict[str, int]
    files: list[LoadedFile]
    incremental: bool = False  # the build kept what did not change of the warehouse it replaced


def check(paths: list[Path], report: Report = lambda _: None) -> list[LoadedFile]:
    """Validate sources without writing anything; raise ``InvalidInput`` listing every problem."""
    with _checked(paths, report) as (_, files):
        return files


def kolada_kpis(paths: list[Path]) -> list[str]:
    """The Kolada KPIs (``indicators.kolada_kpi``) of the valid model in ``paths``, in order."""
    with _checked(paths, lambda _: None) as (con, _):
        return [kpi for (kpi,) in warehouse.rows(con, "etl/kolada_kpis")]


@contextlib.contextmanager
def _checked(paths: list[Path], report: Report) -> Iterator[tuple[Connection, list[LoadedFile]]]:
    """A scratch database holding ``paths`` staged and validated."""
    sources = find_sources(paths)
    with warehouse.scratch() as con:
        warehouse.script(con, "warehouse/schema")
        reading = _read(con, sources, report)
        _stage(con, reading, report)
        _validate(con, reading, report)
        yield con, reading.files


def build(
    paths: list[Path],
    db_path: Path,
    report: Report = lambda _: None,
    *,
    full: bool = False,
    public: bool = False,
) -> BuildResult:
    """Validate ``paths`` and replace the warehouse at ``db_path`` with a new build, which keeps
    what did not change of the warehouse when only outcome files differ, unless ``full``.

    The public warehouse (etl/publish.py) is written too when ``public`` is asked for, and by
    every later build once it exists, so that it never lags the whole warehouse.
    """
    db_path = db_path.resolve()
    public_db = warehouse.files.public_path(db_path)
    publish_to = public_db if public or public_db.exists() else None
    sources = find_sources(paths)
    reuse = None if full else incremental.plan(db_path, sources)
    if reuse is not None:
        report(reuse.summary())
        try:
            return _build(db_path, sources, report, publish_to, reuse)
        except incremental.NotReusable as reason:
            report(f"Lagret kan inte återanvändas ({reason}); bygger om det från grunden.")
    return _build(db_path, sources, report, publish_to)


def load_warehouse(
    con: Connection, paths: list[Path], report: Report = lambda _: None
) -> tuple[list[LoadedFile], dict[str, int]]:
    """Validate ``paths`` and create the warehouse tables on ``con`` (an empty database)."""
    warehouse.script(con, "shared/periods")  # as the door does on the connections it opens
    return _steps(con, find_sources(paths), report)


def _build(
    db_path: Path,
    sources: Sources,
    report: Report,
    public_db: Path | None,
    reuse: incremental.Reuse | None = None,
) -> BuildResult:
    def publish_public(built: Path) -> None:
        if public_db is not None:
            report(f"Skriver det publika lagret {public_db} …")
            publish(built, public_db)

    with warehouse.building(
        db_path,
        progress=os.isatty(1),
        from_current=bool(reuse),
        before_swap=publish_public,
    ) as con:
        files, counts = _steps(con, sources, report, reuse)
    report(f"Klart: {db_path}")
    return BuildResult(db_path, counts, files, incremental=reuse is not None)


def _steps(
    con: Connection, sources: Sources, report: Report, reuse: incremental.Reuse | None = None
) -> tuple[list[LoadedFile], dict[str, int]]:
    # The warehouse tables exist from the start: the fast path writes outcomes straight in.
    if reuse is None:
        warehouse.script(con, "warehouse/schema")
    else:
        incremental.reuse(con, reuse)  # the model's tables and the outcomes it keeps
    reading = _read(con, sources, report, reuse)
    _stage(con, reading, report, reuse)
    _validate(con, reading, report, reuse)
    _load(con, reading.files, report, reuse)
    return reading.files, _compute(con, report)


def _read(
    con: Connection, sources: Sources, report: Report, reuse: incremental.Reuse | None = None
) -> Reading:
    report(f"Läser {len(sources.paths)} källa/källor …")
    return read(con, sources, reuse.kept if reuse else None)


def _stage(
    con: Connection, reading: Reading, report: Report, reuse: incremental.Reuse | None = None
) -> None:
    if reuse is not None:  # the model is not read again: its ids for the fast path's checks
        warehouse.script(con, "etl/reuse/model_ids")
    stage(con)
    _fast_path(con, reading, reuse)
    stage_outcomes(con)
    for file in reading.files:
        for table, rows in file.rows.items():
            report(f"  {file.path}: {table} {rows:,} rader".replace(",", " "))


def _fast_path(con: Connection, reading: Reading, reuse: incremental.Reuse | None) -> None:
    """The build's one decision: the fast path takes every outcome file left for it, or none,
    so that keys are compared either all by its bitmap or all row by row (which names the file
    and row of both rows of a repeated key). An incremental build cannot read its kept rows
    row by row: it gives way to a full build instead."""
    pending = reading.pending
    read_by_rows = warehouse.value(con, "etl/read/outcomes_staged")
    if not read_by_rows:
        rows = bulk.load(con, [item.file for item in pending])
        if rows is not None:
            for item, count in zip(pending, rows, strict=True):
                item.loaded.rows[bulk.BULK_TABLE] = count
            pending = []
    if reuse is not None and (pending or read_by_rows):
        raise incremental.NotReusable("de nya utfallen måste kontrolleras rad för rad")
    reading.refused |= read_rows(con, pending, reading.problems)


def _validate(
    con: Connection, reading: Reading, report: Report, reuse: incremental.Reuse | None = None
) -> None:
    report("Kontrollerar …")
    if reuse is not None:
        # Only new outcomes were read, and the fast path has checked them against the model
        # and the kept outcomes; the model itself is what was checked when it was built.
        if reading.problems:
            raise incremental.NotReusable("källorna har problem")
        return
    problems = reading.problems + validate(con, reading.refused)
    if problems:
        raise InvalidInput(problems)


# The tables every build fills from a CSV file of the repository, their one source.
VOCABULARIES = {
    "rule_presets": vocabulary.RULE_PRESETS_CSV,
    "organisation_types": schema.ORGANISATION_TYPES_CSV,
    "period_types": schema.PERIOD_TYPES_CSV,
    "sdg_goals": schema.SDG_GOALS_CSV,
    "assignment_statuses": schema.ASSIGNMENT_STATUSES_CSV,
}


def _load(
    con: Connection, files: list[LoadedFile], report: Report, reuse: incremental.Reuse | None
) -> None:
    report("Bygger lagret …")
    if reuse is None:  # an incremental build keeps the model's tables
        warehouse.script(con, "warehouse/load")
        # The vocabulary the engine scores by, with the model's own scores (partly_score).
        warehouse.execute(con, "warehouse/insert_statuses", path=str(vocabulary.STATUSES_CSV))
        for table, path in VOCABULARIES.items():
            warehouse.execute(
                con, "warehouse/insert_vocabulary", template={"table": table}, path=str(path)
            )
        warehouse.script(con, "warehouse/load_assignments")
    # What depends on the outcomes, as kept and appended.
    warehouse.script(con, "warehouse/periods")
    warehouse.script(con, "warehouse/outcome_series")
    warehouse.script(con, "warehouse/kolada_comparisons")
    # Carried forward over the evaluated periods, which new outcomes can add to.
    warehouse.script(con, "warehouse/assignment_period_status")
    built_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as UTC
    rows = [
        {
            "source_path": file.path,
            "sha256": file.sha256,
            "table_name": table,
            "row_count": count,
            "built_at": built_at,
            "format_version": FORMAT_VERSION,
            "code_sha256": incremental.code_sha256(),
        }
        for file in files
        for table, count in (sorted(file.rows.items()) or [(None, None)])
    ]
    warehouse.insert_rows(con, "warehouse/insert_load_log", rows)


def _compute(con: Connection, report: Report) -> dict[str, int]:
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
    return counts
