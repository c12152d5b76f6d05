"""The incremental build: reuse the current warehouse when only outcome files differ.

New outcomes usually arrive as a file of their own (a period's extract, a folder beside the
model) or as a corrected outcomes file, while the goal model, the targets and most outcome files
stay as they were. ``plan`` compares the sources with the warehouse's load log, and the build
reuses the warehouse when

- it was built by this very code (``load_log.code_sha256``, see ``code_sha256``): then its
  outcome rows are the ones this code would store;
- every source file that is not an outcomes CSV file is there, unchanged (the same path and
  SHA-256), and no other file gave outcomes;
- at least one outcomes file is unchanged; the others are new, changed or gone.

The build then starts from a copy of the warehouse (``warehouse.building(…,
from_current=True)``). ``reuse`` drops every table but ``outcomes``, deletes the rows of the
outcome files that changed or are gone (each row's ``source_path``), checks that the rows it
keeps are the ones the load log counts, and creates the other tables anew, empty. The build's
own steps follow, reading every file except the unchanged outcome files: the model is staged
and checked again (it is small), the new outcome files take the fast path (``etl/bulk.py``),
whose checks cover the kept rows too (a key repeated across an old and a new file), and the
tables and statuses are made as in a full build.

Anything doubtful raises ``NotReusable`` (an outcomes file the fast path declines, a problem in
the sources, a warehouse that changed since the plan was made), and ``etl.build`` starts again
with a full build, which names every problem. Either way the result is what a full build gives
(``tests/test_incremental.py`` compares every table), and the old warehouse stays as it was
until the new file replaces it.
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
    kept: dict[str, int]  # unchanged outcome file -> its rows, kept in the warehouse
    read: tuple[str, ...]  # outcome files to read: new or changed
    removed: tuple[str, ...]  # outcome files that are no longer among the sources

    def summary(self) -> str:
        """What the build keeps and reads, for the user."""
        kept = _count(len(self.kept), "1 oförändrad fil", "{} oförändrade filer")
        parts = [f"behåller utfallen från {kept}"]
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
    files = {str(f.path): f for f in sources.files}
    if len(files) != len(sources.files):  # a file given twice: the full build reports it
        return None
    logged: dict[str, tuple[str, dict[str | None, int | None]]] = {}
    for path, sha256, table, rows, format_version, code in previous:
        if format_version != FORMAT_VERSION or code != code_sha256():
            return None
        logged.setdefault(path, (sha256, {}))[1][table] = rows
    model_now = {p: f.sha256 for p, f in files.items() if not _is_outcome_file(p)}
    model_then = {p: sha for p, (sha, _) in logged.items() if not _is_outcome_file(p)}
    if model_now != model_then or any(
        BULK_TABLE in t for p, (_, t) in logged.items() if p in model_then
    ):
        return None
    outcome_files = [p for p in files if _is_outcome_file(p)]
    kept = {
        p: logged[p][1][BULK_TABLE]
        for p in outcome_files
        if p in logged and logged[p][0] == files[p].sha256 and BULK_TABLE in logged[p][1]
    }
    if not kept:
        return None
    return Reuse(
        previous=previous,
        kept=kept,
        read=tuple(p for p in outcome_files if p not in kept),
        removed=tuple(p for p in logged if _is_outcome_file(p) and p not in files),
    )


def reuse(con: duckdb.DuckDBPyConnection, plan: Reuse) -> None:
    """Turn ``con``, a copy of the warehouse, into empty warehouse tables beside the kept
    outcome rows (the build's steps make the rest)."""
    if tuple(warehouse.rows(con, "etl/reuse/load_log")) != plan.previous:
        raise NotReusable("lagret byttes ut medan bygget pågick")
    tables = [table for (table,) in warehouse.rows(con, "etl/reuse/stored_tables")]
    if tables:
        warehouse.script(con, "etl/reuse/drop_tables", template={"tables": tables})
    warehouse.execute(con, "etl/reuse/keep_outcomes", paths=list(plan.kept))
    stored = dict(warehouse.rows(con, "etl/reuse/outcome_files"))
    if stored != {path: rows for path, rows in plan.kept.items() if rows}:
        raise NotReusable("lagrets utfall stämmer inte med dess inläsningslogg")
    warehouse.script(con, "etl/reuse/set_aside_outcomes")
    warehouse.script(con, "warehouse/schema")
    warehouse.script(con, "etl/reuse/restore_outcomes")


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
