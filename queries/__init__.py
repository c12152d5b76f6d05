"""The only door to the database: SQL files in this folder, run with DuckDB parameters.

Every query lives in ``queries/<group>/<name>.sql`` and starts with a header comment giving its
purpose, grain and parameters. Values always travel as ``$name`` parameters; nothing a user
typed is ever formatted into SQL text.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:  # DuckDB imports pandas itself when a result becomes a DataFrame
    import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


@functools.cache
def sql(name: str) -> str:
    """The text of ``queries/<name>.sql``, e.g. ``sql("app/goal_tree")``."""
    path = (QUERY_DIR / f"{name}.sql").resolve()
    if QUERY_DIR not in path.parents:
        raise ValueError(f"query name outside the queries folder: {name!r}")
    # Without the final ";" a query can be wrapped, e.g. in "create table … as <query>".
    return path.read_text(encoding="utf-8").rstrip().removesuffix(";")


def parameters(name: str) -> set[str]:
    """The ``$parameters`` a query uses (comments stripped first, so headers don't count)."""
    body = "\n".join(line.split("--", 1)[0] for line in sql(name).splitlines())
    return set(_PARAM.findall(body))


def run(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run one query and return its rows as a DataFrame."""
    return con.execute(sql(name), _checked(name, params)).df()


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[tuple]:
    """Run one query and return its rows as tuples (for the ETL and the CLI)."""
    return con.execute(sql(name), _checked(name, params)).fetchall()


def script(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Run a file of several statements without parameters (DDL, macros)."""
    con.execute(sql(name))


def _checked(name: str, params: dict[str, Any]) -> dict[str, Any]:
    expected = parameters(name)
    if set(params) != expected:
        raise TypeError(f"{name} takes {sorted(expected)}, got {sorted(params)}")
    return params


# --- the warehouse, read-only ----------------------------------------------------------------

WAREHOUSE_SCHEMA = "warehouse"
WAREHOUSE_ENV = "ROD_TRAD_DB"


def default_warehouse() -> Path:
    """The warehouse file: $ROD_TRAD_DB, else data/warehouse.duckdb in the repository."""
    return Path(os.environ.get(WAREHOUSE_ENV, QUERY_DIR.parent / "data" / "warehouse.duckdb"))


def warehouse_version(path: Path) -> str | None:
    """A string that changes whenever a build replaces the file (None when there is none).

    A build swaps in a new file with ``os.replace``, so the inode changes with every build.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


def open_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
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
    con.execute(f"attach $path as {WAREHOUSE_SCHEMA} (read_only)", {"path": str(path)})
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor for one thread; a DuckDB connection must not be shared across threads."""
    cur = con.cursor()
    cur.execute(f"use {WAREHOUSE_SCHEMA}")
    return cur
