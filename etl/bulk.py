"""The fast path for outcomes files.

The row-by-row path (``etl/sources.py`` → ``etl/validate.py`` → ``warehouse/load.sql``) keeps
every cell as text with its row number, so that each problem can be named by file, row and
column. For a file of forty million outcomes that means six passes and three copies in memory.
Most such files are machine-made extracts with nothing wrong in them, so they are first tried
the way a plain DuckDB load reads a file: typed by the CSV reader and inserted straight into the
warehouse table ``outcomes`` (``queries/etl/bulk/outcomes.sql``), one file after the other, then
checked together on the stored rows, each repeating value once (``outcome_checks.sql``), and for
repeated keys, within a file or across files, with a bitmap (``outcome_repeats.sql``).

The fast path only ever says yes or "don't know": if an insert fails or any check finds
something, the rows of every file are removed and the files are staged row by row like any
other, which finds and names every problem (a repeated key by the file and row of both rows),
or, for a valid file in an unusual form, such as decimal commas or spaces around cells, loads
it. The outcomes a fast load stores are the ones the row-by-row path would store, in the files'
order instead of key order; ``tests/test_bulk.py`` compares the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

import warehouse
from etl.schema import GENDERS, MAX_CELL, TABLES

BULK_TABLE = "outcomes"

# The largest key bitmap the repeat test builds (bits; 128 MiB per thread). A model with more
# indicators × subjects × periods × genders than this takes the row-by-row path.
MAX_KEY_BITS = 1 << 30


# The numbered distinct values of each key column (outcome_code.sql), by their tables' names
# in outcome_checks.sql and outcome_repeats.sql.
_DICTIONARIES = {
    "indicator_id": "bulk_indicators",
    "subject": "bulk_subjects",
    "period": "bulk_periods",
    "gender": "bulk_genders",
}


@dataclass(frozen=True)
class BulkFile:
    """A CSV file of the bulk table whose header names only the format's columns (every
    required one among them)."""

    path: Path
    columns: tuple[str, ...]  # the format column of each field, in the file's order
    delimiter: str


def plain_columns(header: list[str], whitespace: str) -> tuple[str, ...] | None:
    """The header as format column names, or None when the row-by-row path must read it (an
    unknown, blank, repeated or x_ column, or a required one missing: it reports those)."""
    table = TABLES[BULK_TABLE]
    names = tuple(h.strip(whitespace).lower() for h in header)
    known = {c.name for c in table.columns}
    if len(set(names)) != len(names) or not set(names) <= known:
        return None
    if not set(table.required) <= set(names):
        return None
    return names


def load(con: duckdb.DuckDBPyConnection, files: list[BulkFile]) -> list[int] | None:
    """Insert ``files`` into ``outcomes`` if every check passes and return the row count of
    each; else remove what they stored and return None. Rows already in ``outcomes`` (those an
    incremental build keeps) take part in the checks. Needs the staged tables other than
    outcomes (``etl.validate.stage``)."""
    counts: list[int] = []
    for file in files:
        rows = _insert(con, file)
        if rows is None:
            break
        counts.append(rows)
    paths = [str(file.path) for file in files]
    if len(counts) == len(files) and (not sum(counts) or _valid(con, paths)):
        return counts
    warehouse.execute(con, "etl/bulk/discard_outcomes", paths=paths)
    return None


def _insert(con: duckdb.DuckDBPyConnection, file: BulkFile) -> int | None:
    """Insert one file; None (and nothing stored) when the statement fails."""
    fields = {name: f"c{i}" for i, name in enumerate(file.columns)}
    shape = {
        "columns": [
            {"name": c.name, "field": fields.get(c.name)} for c in TABLES[BULK_TABLE].columns
        ]
    }
    # Every field is read as text and outcomes.sql casts the value: the reader's own typing
    # reads "1_000" as 1000, which the format refuses.
    types = {f"c{i}": "varchar" for i in range(len(file.columns))}
    warehouse.execute(con, "etl/bulk/keep_file_order")
    try:
        rows = warehouse.value(
            con,
            "etl/bulk/outcomes",
            template=shape,
            path=str(file.path),
            delim=file.delimiter,
            columns=types,
        )
    except (duckdb.ConstraintException, duckdb.ConversionException, duckdb.InvalidInputException):
        return None  # the failed statement changed nothing
    finally:
        warehouse.execute(con, "etl/bulk/reset_optimizers")
    return int(rows)


def _valid(con: duckdb.DuckDBPyConnection, paths: list[str]) -> bool:
    """Whether the rows of ``paths`` hold nothing the row-by-row path would refuse or store
    otherwise, and no key twice (among them, or beside a row already in the table)."""
    for column, table in _DICTIONARIES.items():
        warehouse.create_table(
            con,
            table,
            "etl/bulk/outcome_code",
            temporary=True,
            template={"column": column},
            paths=paths,
        )
    [counts] = warehouse.rows(
        con, "etl/bulk/outcome_checks", genders=list(GENDERS), paths=paths, max_cell=MAX_CELL
    )
    if any(counts):
        return False
    [(indicators, subjects, periods, genders)] = warehouse.rows(con, "etl/bulk/outcome_code_counts")
    keys = indicators * subjects * periods * genders
    if keys > MAX_KEY_BITS:
        return False
    [(repeats,)] = warehouse.rows(
        con,
        "etl/bulk/outcome_repeats",
        subjects=subjects,
        periods=periods,
        genders=genders,
        keys=keys,
    )
    return repeats == 0
