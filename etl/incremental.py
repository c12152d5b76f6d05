"""The incremental build: reuse the current warehouse when only outcome files differ.

New outcomes usually arrive as a file of their own (a period's extract, a folder beside the
model) or as a corrected outcomes file, while the goal model, the targets and most outcome files
stay as they were. ``plan`` compares the sources with the warehouse's load log, and the build
reuses the warehouse when

- it was built by this very code (``load_log.code_sha256``, see ``code_sha256``): then every
  row in it is the one this code would store for the same file;
- every source file that is not an outcomes CSV file is there, unchanged (the same path and
  SHA-256), and no other file gave outcomes;
- at least one outcomes file is unchanged; the others are new, changed or gone.

The build then starts from a copy of the warehouse (``warehouse.building(…,
from_current=True)``), and ``reuse`` keeps what did not change: the tables of the goal model
(settings … targets, assessments: they come from the model's files alone) and the outcome rows
of the unchanged files. It deletes the rows of the outcome files that changed or are gone (each
row's ``source_path``), checks that the rows it keeps are the ones the load log counts, and
empties the tables that depend on the outcomes (periods; the load log). The build's steps then
read only the new and changed outcome files; they take the fast path (``etl/bulk.py``), checked
against the kept model (``etl/reuse/model_ids.sql``) and the kept outcomes (a key repeated
across an old and a new file); periods, the load log and every status are made anew.

Anything doubtful raises ``NotReusable`` (an outcomes file the fast path declines, a problem in
the sources, a warehouse changed since it was built or since the plan was made), and
``etl.build`` starts again with a full build, which names every problem. Either way the result
is what a full build gives (``tests/test_incremental.py`` compares every table), and the old
warehouse stays as it was until the new file replaces it.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

import warehouse
from etl.bulk import BULK_TABLE
from etl.schema import FORMAT_VERSION
from etl.sources import Sources

ROOT = Path(__file__).resolve().parents[1]

# The code whose change may change what a build stores: everything under these folders.
_CODE = ("etl", "warehouse", "attainment", "queries/etl", "queries/warehouse", "queries/shared",
         "queries/engine", "queries/door")  # fmt: skip
_CODE_SUFFIXES = (".py", ".sql", ".csv")


class NotReusable(Exception):
    """The warehouse cannot be reused after all; the message says why, in Swedish."""


@dataclass(frozen=True)
class Reuse:
    """How a build reuses the warehouse."""

    previous: tuple[tuple, ...]  # the load log the plan was made from (etl/reuse/load_log.sql)
    kept: dict[str, dict[str, int]]  # every file not read again -> its rows per table
    read: tuple[str, ...]  # outcome files to read: new or changed
    removed: tuple[str, ...]  # outcome files that are no longer among the sources

    @property
    def kept_outcomes(self) -> dict[str, int]:
        """Unchanged outcome file -> its rows, kept in the warehouse."""
        return {path: rows[BULK_TABLE] for path, rows in self.kept.items() if BULK_TABLE in rows}

    def summary(self) -> str:
        """What the build keeps and reads, for the user."""
        kept = _count(len(self.kept_outcomes), "1 oförändrad fil", "{} oförändrade filer")
        parts = [f"behåller målmodellen och utfallen från {kept}"]
        if self.read:
            read = _count(len(self.read), "1 ny eller ändrad fil", "{} nya eller ändrade filer")
            parts.append(f"läser {read}")
        if self.removed:
            gone = _count(len(self.removed), "1 fil", "{} filer")
            parts.append(f"tar bort utfallen från {gone} som inte längre är med")
        listed = ", ".join(parts[:-1]) + " och " + parts[-1] if len(parts) > 1 else parts[0]
        return f"Återanvänder lagret: {listed}."


def _count(count: int, one: str, many: str) -> str:
    return one if count == 1 else many.format(count)


def plan(db_path: Path, sources: Sources) -> Reuse | None:
    """How to reuse the warehouse at ``db_path`` for ``sources``, or None for a full build."""
    previous = _load_log(db_path)
    if not previous or sources.problems:
        return None
    files = {str(f.path): f.sha256 for f in sources.files}
    if len(files) != len(sources.files):  # a file given twice: the full build reports it
        return None
    logged: dict[str, tuple[str, dict[str, int]]] = {}
    for path, sha256, table, rows, format_version, code in previous:
        if format_version != FORMAT_VERSION or code != code_sha256():
            return None
        tables = logged.setdefault(path, (sha256, {}))[1]
        if table is not None:  # a file that gave no table (an x_ file) has one row of NULLs
            tables[table] = rows
    model_now = {p: sha for p, sha in files.items() if not _is_outcome_file(p)}
    model_then = {p: sha for p, (sha, _) in logged.items() if not _is_outcome_file(p)}
    if model_now != model_then or any(BULK_TABLE in logged[p][1] for p in model_then):
        return None
    kept = {p: tables for p, (sha, tables) in logged.items() if files.get(p) == sha}
    if not any(_is_outcome_file(p) for p in kept):
        return None
    return Reuse(
        previous=previous,
        kept=kept,
        read=tuple(p for p in files if p not in kept),
        removed=tuple(p for p in logged if p not in files),
    )


def reuse(con: duckdb.DuckDBPyConnection, plan: Reuse) -> None:
    """Turn ``con``, a copy of the warehouse, into the warehouse of the model and the kept
    outcome rows (the build's steps add the rest)."""
    if tuple(warehouse.rows(con, "etl/reuse/load_log")) != plan.previous:
        raise NotReusable("lagret byttes ut medan bygget pågick")
    kept = plan.kept_outcomes
    warehouse.execute(con, "etl/reuse/keep_outcomes", paths=list(kept))
    stored = dict(warehouse.rows(con, "etl/reuse/outcome_files"))
    expected: dict[str, int] = {}
    for tables in plan.kept.values():
        for table, rows in tables.items():
            if table != BULK_TABLE:
                expected[table] = expected.get(table, 0) + rows
    counts = warehouse.rows(con, "warehouse/row_counts", template={"tables": sorted(expected)})
    model = {table: rows for _, table, rows in counts}
    if stored != {path: rows for path, rows in kept.items() if rows} or model != expected:
        raise NotReusable("lagret stämmer inte med dess inläsningslogg")
    warehouse.script(con, "etl/reuse/clear_derived")


@functools.cache
def code_sha256() -> str:
    """A fingerprint of the code that builds the warehouse (and of DuckDB's version), stored in
    the load log: a warehouse built by other code is never reused."""
    digest = hashlib.sha256(f"duckdb {duckdb.__version__}\n".encode())
    for folder in _CODE:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in _CODE_SUFFIXES and path.is_file():
                digest.update(f"{path.relative_to(ROOT).as_posix()}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _is_outcome_file(path: str) -> bool:
    """An outcomes CSV file, the only kind whose rows an incremental build keeps or replaces."""
    name = Path(path)
    return name.suffix.lower() == ".csv" and name.stem.strip().lower() == BULK_TABLE


def _load_log(db_path: Path) -> tuple[tuple, ...] | None:
    """The load log of the warehouse at ``db_path``; None when there is none to read (no file,
    another kind of file, or a warehouse from before the load log named its code)."""
    if not db_path.is_file():
        return None
    try:
        con = warehouse.open_read_only(db_path)
    except duckdb.Error:
        return None
    try:
        return tuple(warehouse.rows(warehouse.cursor(con), "etl/reuse/load_log"))
    except duckdb.Error:
        return None
    finally:
        con.close()
