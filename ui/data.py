"""Cached data access for the pages.

Pages call ``fetch("app/<query>", param=…)``. Results are cached on the query name, the (small)
parameters and the warehouse version, never on DataFrames, so a new build is picked up on the
next rerun without restarting the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import queries

BUILD_COMMAND = "python -m etl build --example"


def warehouse_path() -> Path:
    return queries.default_warehouse()


def version() -> str | None:
    """The current warehouse version; None when no warehouse has been built."""
    return queries.warehouse_version(warehouse_path())


# Two entries: the current build and the one before it, which a rerun that started before the
# swap may still be reading. Older instances are dropped and closed.
@st.cache_resource(max_entries=2, show_spinner=False, on_release=lambda con: con.close())
def _connection(path: str, version: str):
    return queries.open_warehouse(Path(path))


@st.cache_data(max_entries=512, show_spinner=False)
def _fetch(name: str, params: tuple[tuple[str, Any], ...], path: str, version: str) -> pd.DataFrame:
    con = _connection(path, version)
    return queries.run(queries.cursor(con), name, **dict(params))


def fetch(name: str, **params: Any) -> pd.DataFrame:
    """Rows of ``queries/<name>.sql`` from the current warehouse."""
    current = version()
    if current is None:
        raise FileNotFoundError(warehouse_path())
    return _fetch(name, tuple(sorted(params.items())), str(warehouse_path()), current)


def require_warehouse() -> None:
    """Stop the page with a helpful message when there is no warehouse yet."""
    if version() is None:
        st.error(
            f"Det finns inget datalager på {warehouse_path()}. "
            f"Bygg exempelkommunen med `{BUILD_COMMAND}` (eller `make run`), "
            "eller bygg från egna filer med `python -m etl build KÄLLA…`."
        )
        st.stop()
