"""The fast path for a large outcomes file.

The row-by-row path (``etl/sources.py`` → ``etl/validate.py`` → ``warehouse/load.sql``) keeps
every cell as text with its row number, so that each problem can be named by file, row and
column. For a file of forty million outcomes that means six passes and three copies in memory.
Most such files are machine-made extracts with nothing wrong in them, so they are first tried
the way a plain DuckDB load reads a file: typed by the CSV reader and inserted straight into the
warehouse table ``outcomes`` (``queries/etl/bulk/outcomes.sql``), then checked on the stored
rows, each repeating value once (``outcome_checks.sql``), and for repeated keys with a bitmap
(``outcome_repeats.sql``).

The fast path only ever says yes or "don't know": if the insert fails or any check finds
something, the rows are removed and the file is staged row by row like any other, which finds
and names every problem (or, for a valid file in an unusual form, such as decimal commas or
spaces around cells, loads it). The outcomes a fast load stores are the ones the row-by-row
path would store, in the file's order instead of key order; ``tests/test_bulk.py`` compares the
two.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

import queries
from etl.schema import GENDERS, TABLES

BULK_TABLE = "outcomes"

# The largest key bitmap the repeat test builds (bits; 128 MiB per thread). A model with more
# indicators × subjects × periods × genders than this takes the row-by-row path.
MAX_KEY_BITS = 1 << 30

_TYPES = {"value": "double"}  # every other column is read as text


@dataclass(frozen=True)
class BulkFile:
    """A CSV file of the bulk table whose header names exactly the format's columns."""

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


def load(con: duckdb.DuckDBPyConnection, file: BulkFile) -> int | None:
    """Insert ``file`` into ``outcomes`` if every check passes and return its row count; else
    leave ``outcomes`` as it was and return None. Needs the staged tables (``prepare``)."""
    columns = {f"c{i}": _TYPES.get(name, "varchar") for i, name in enumerate(file.columns)}
    source = con.read_csv(
        str(file.path),
        header=True,
        sep=file.delimiter,
        quotechar='"',
        escapechar='"',
        columns=columns,
        auto_detect=False,
        encoding="utf-8",
    )
    # Identifiers only (from etl/schema.py); the path and the types travel as values.
    present = dict(zip(file.columns, columns, strict=True))
    projection = ", ".join(
        f"{present[c.name]} as {c.name}"
        if c.name in present
        else f"null::{_TYPES.get(c.name, 'varchar')} as {c.name}"
        for c in TABLES[BULK_TABLE].columns
    )
    source.project(projection).create_view("bulk_source", replace=True)
    # DuckDB guesses a few dozen rows for a CSV file read with given columns, and would hash
    # the file and probe it with the period codes: the rows would come out in hash order,
    # scattering each indicator's rows over the whole table (and its zone maps). Keep the file
    # as the probe side, so that the rows are stored in the file's order.
    con.execute("set disabled_optimizers = 'build_side_probe_side'")
    try:
        [(rows,)] = con.execute(queries.sql("etl/bulk/outcomes")).fetchall()
    except (duckdb.ConstraintException, duckdb.ConversionException, duckdb.InvalidInputException):
        return None  # the failed statement changed nothing
    finally:
        con.execute("reset disabled_optimizers")
        con.execute("drop view bulk_source")
    if rows and not _valid(con):
        con.execute("delete from outcomes")
        return None
    return int(rows)


def _valid(con: duckdb.DuckDBPyConnection) -> bool:
    queries.script(con, "etl/bulk/outcome_codes")
    [counts] = queries.rows(con, "etl/bulk/outcome_checks", genders=list(GENDERS))
    if any(counts):
        return False
    [(indicators, subjects, periods, genders)] = queries.rows(con, "etl/bulk/outcome_code_counts")
    keys = indicators * subjects * periods * genders
    if keys > MAX_KEY_BITS:
        return False
    [(repeats,)] = queries.rows(
        con,
        "etl/bulk/outcome_repeats",
        subjects=subjects,
        periods=periods,
        genders=genders,
        keys=keys,
    )
    return repeats == 0
