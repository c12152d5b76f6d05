"""The one door to the warehouse: every read and every write of DuckDB goes through here.

- **Opening.** ``open_read_only(path)`` for the dashboard (locked down: no files, URLs or
  extensions, no settings changed); ``building(path)`` for a build, a read-write connection to a
  new file that replaces the warehouse atomically when the block ends without an error;
  ``building(path, from_current=True)`` for an incremental build, which starts from a copy of
  the current warehouse instead of an empty file; ``scratch()`` for an in-memory database
  (checking sources, evaluating a period on demand, what-if passes). ``cursor(con)`` for each
  thread.
- **The version** of the warehouse file, ``version(path)``, on which the app caches.
- **Running query files** (``queries/<group>/<name>.sql``; ``run_other`` for another copy of it):
  ``run`` (a DataFrame), ``arrow`` (an Arrow table), ``rows``
  (tuples), ``value`` (one value), ``execute`` (a statement), ``script`` (several statements
  without parameters), ``create_table`` and ``insert_into`` (a query's rows stored),
  ``insert_rows`` (one statement per row of Python data).

No SQL text lives in Python anywhere else (``tests/test_sql_in_files.py`` checks it). The period
parsers of ``queries/shared/periods.sql`` exist on every connection opened for writing and on
every scratch connection, so the engine does not depend on the build's own parser macros.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse import files
from warehouse.queries import QUERY_DIR, checked, parameters, parameters_in, sql, sql_in

if TYPE_CHECKING:  # DuckDB imports pandas itself for .df(); a plain load need not carry it
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "QUERY_DIR",
    "SCHEMA",
    "arrow",
    "attach_read_only",
    "building",
    "create_table",
    "cursor",
    "default_path",
    "execute",
    "insert_into",
    "insert_rows",
    "open_read_only",
    "parameters",
    "parameters_in",
    "rows",
    "run",
    "run_other",
    "scratch",
    "script",
    "sql",
    "sql_in",
    "traced",
    "value",
    "version",
]

if TYPE_CHECKING:  # DuckDB imports pandas itself for .df(); a build never needs it
    import pandas as pd

SCHEMA = "warehouse"  # the attached warehouse, in connections that read it
default_path = files.default_path
version = files.version

Connection = duckdb.DuckDBPyConnection
Template = Mapping[str, Any] | None
# Wraps every statement the door runs while set (traced): observer(query name, statement text).
Observer = Callable[[str, str], contextlib.AbstractContextManager]
_observer: Observer | None = None


# --- opening -----------------------------------------------------------------------------------


def open_read_only(path: Path) -> Connection:
    """Open the warehouse read-only, locked down for a public-facing app.

    DuckDB keeps one database instance per path and process, so ``duckdb.connect(path)`` after
    a rebuild would hand back the old instance. Attaching the file to a fresh in-memory
    database opens whatever file is at ``path`` now. Queries must run on ``cursor(con)``.
    """
    if not path.exists():
        raise FileNotFoundError(path)
    con = duckdb.connect(
        ":memory:",
        config={"autoload_known_extensions": False, "autoinstall_known_extensions": False},
    )
    attach_read_only(con, path)
    script(con, "door/lock_down")
    return con


def attach_read_only(con: Connection, path: Path) -> None:
    """Attach the warehouse at ``path`` to ``con`` as the schema ``warehouse``, read-only."""
    execute(con, "door/attach_read_only", path=str(path))


def cursor(con: Connection) -> Connection:
    """A cursor on the attached warehouse for one thread; a DuckDB connection must not be shared
    across threads."""
    cur = con.cursor()
    execute(cur, "door/use_warehouse")
    return cur


def scratch() -> Connection:
    """A fresh in-memory database with the shared period parsers."""
    con = duckdb.connect()
    script(con, "shared/periods")
    return con


@contextlib.contextmanager
def building(
    db_path: Path,
    *,
    progress: bool = False,
    from_current: bool = False,
    before_swap: Callable[[Path], None] | None = None,
) -> Iterator[Connection]:
    """A read-write connection to a new warehouse file that replaces ``db_path`` when the block
    ends without an error; on an error (or a kill) the old warehouse stays as it was.

    ``progress``: DuckDB's own progress bar on the terminal for long statements.
    ``from_current``: the new file starts as a copy of the warehouse at ``db_path`` instead of
    empty (an incremental build, ``etl/incremental.py``); the warehouse itself is only read.
    ``before_swap``: called with the finished, closed new file before it replaces the old one
    (the build writes the public warehouse from it); if it fails, nothing is replaced.
    """
    db_path = db_path.resolve()
    new = files.building_path(db_path)
    try:
        if from_current:
            files.copy(db_path, new)
        with duckdb.connect(new) as con:
            execute(con, "door/progress_bar", on=progress)
            script(con, "shared/periods")
            yield con
            execute(con, "door/checkpoint")
        if before_swap is not None:
            before_swap(new)
        files.swap_in(new, db_path)
    finally:
        files.discard(new)


# --- running query files -----------------------------------------------------------------------


def run(con: Connection, name: str, *, template: Template = None, **params: Any) -> pd.DataFrame:
    """The rows of one query file as a DataFrame."""
    return _execute(con, name, template, params).df()


def arrow(con: Connection, name: str, *, template: Template = None, **params: Any) -> pa.Table:
    """The rows of one query file as an Arrow table, each column typed as DuckDB types it (a
    column of NULLs stays text, a date a date): for files written from them (the open data)."""
    text = sql(name, template)
    given = checked(name, text, params)
    # con.sql, not con.execute: Arrow from an execute() result costs an extra copy of the rows.
    return _traced(lambda: con.sql(text, params=given).to_arrow_table(), name, text)


def run_other(con: Connection, folder: Path, name: str, **params: Any) -> pd.DataFrame:
    """The rows of query file ``name`` of another copy of queries/ (``folder``), as a
    DataFrame: an older checkout's version of a query, which bench/compare.py times beside this
    one."""
    return _run_text(con, name, sql_in(folder, name), params).df()


def rows(con: Connection, name: str, *, template: Template = None, **params: Any) -> list[tuple]:
    """The rows of one query file as tuples (for the ETL and the command line)."""
    return _execute(con, name, template, params).fetchall()


def value(con: Connection, name: str, *, template: Template = None, **params: Any) -> Any:
    """The single value of a query file that returns one row of one column."""
    [(result,)] = rows(con, name, template=template, **params)
    return result


def execute(con: Connection, name: str, *, template: Template = None, **params: Any) -> None:
    """Run one statement of a query file (a write, a setting)."""
    # fetchall, not leaving the result open: DuckDB 2 keeps a half-read result, and the next
    # con.register() on the connection then fails with "connection has an unfinished result".
    _execute(con, name, template, params).fetchall()


def script(con: Connection, name: str, *, template: Template = None) -> None:
    """Run a file of several statements without parameters (DDL, macros)."""
    text = sql(name, template)
    if _observer is None:
        con.execute(text)
        return
    for statement in con.extract_statements(text):  # traced one statement at a time
        _traced(lambda s=statement: con.execute(s.query), name, statement.query)


def create_table(
    con: Connection,
    table: str,
    name: str,
    *,
    temporary: bool = False,
    template: Template = None,
    **params: Any,
) -> None:
    """Store the rows of query file ``name`` as the table ``table`` (replacing it)."""
    query = sql(name, template)
    shape = {"table": table, "query": query, "temporary": temporary}
    _run_text(con, name, sql("door/create_table", shape), params).fetchall()


def insert_into(
    con: Connection, table: str, name: str, *, template: Template = None, **params: Any
) -> int:
    """Append the rows of query file ``name`` to ``table``; returns how many."""
    text = sql("door/insert_into", {"table": table, "query": sql(name, template)})
    [(count,)] = _run_text(con, name, text, params).fetchall()
    return int(count)


def insert_rows(con: Connection, name: str, data: Iterable[Mapping[str, Any]]) -> None:
    """Run the statement of query file ``name`` once for each mapping of parameters in ``data``
    (e.g. the load log's rows)."""
    text = sql(name)
    batch = [checked(name, text, dict(row)) for row in data]
    if batch:
        _traced(lambda: con.executemany(text, batch), name, text)


@contextlib.contextmanager
def traced(observer: Observer) -> Iterator[None]:
    """Run every statement the door runs in this block (scripts one statement at a time)
    inside ``observer(query name, statement text)``, a context manager: the build profiler in
    bench/ times each statement this way."""
    global _observer
    previous, _observer = _observer, observer
    try:
        yield
    finally:
        _observer = previous


def _execute(con: Connection, name: str, template: Template, params: dict[str, Any]):
    return _run_text(con, name, sql(name, template), params)


def _run_text(con: Connection, name: str, text: str, params: dict[str, Any]):
    given = checked(name, text, params)
    return _traced(lambda: con.execute(text, given), name, text)


def _traced(call: Callable[[], Any], name: str, text: str) -> Any:
    if _observer is None:
        return call()
    with _observer(name, text):
        return call()
