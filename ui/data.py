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

import warehouse
from attainment.explain import Explanation, explain

BUILD_COMMAND = "python -m etl build --example"


def warehouse_path() -> Path:
    return warehouse.default_path()


def version() -> str | None:
    """The current warehouse version; None when no warehouse has been built."""
    return warehouse.version(warehouse_path())


# Two entries: the current build and the one before it, which a rerun that started before the
# swap may still be reading. Older instances are dropped and closed.
@st.cache_resource(max_entries=2, show_spinner=False, on_release=lambda con: con.close())
def _connection(path: str, version: str):
    return warehouse.open_read_only(Path(path))


@st.cache_data(max_entries=512, show_spinner=False)
def _fetch(name: str, params: tuple[tuple[str, Any], ...], path: str, version: str) -> pd.DataFrame:
    con = _connection(path, version)
    return warehouse.run(warehouse.cursor(con), name, **dict(params))


def fetch(name: str, **params: Any) -> pd.DataFrame:
    """Rows of ``queries/<name>.sql`` from the current warehouse."""
    current = version()
    if current is None:
        raise FileNotFoundError(warehouse_path())
    return _fetch(name, tuple(sorted(params.items())), str(warehouse_path()), current)


def require_warehouse() -> None:
    """Start a page: run it inside the app's navigation, and stop with a helpful message when
    there is no warehouse yet. Every page calls this first."""
    _leave_legacy_navigation()
    if version() is None:
        st.error(
            f"Det finns inget datalager på {warehouse_path()}. "
            f"Bygg exempelkommunen med `{BUILD_COMMAND}` (eller `make run`), "
            "eller bygg från egna filer med `python -m etl build KÄLLA…`."
        )
        st.stop()


@st.cache_data(max_entries=256, show_spinner=False)
def _explanation(goal_id: str, period: str, path: str, version: str) -> Explanation | None:
    con = _connection(path, version)
    return explain(warehouse.cursor(con), goal_id, period)


def explanation(goal_id: str, period: str) -> Explanation | None:
    """Why ``goal_id`` has its status in ``period`` (attainment.explain), cached like fetch."""
    current = version()
    if current is None:
        raise FileNotFoundError(warehouse_path())
    return _explanation(goal_id, period, str(warehouse_path()), current)


def _leave_legacy_navigation() -> None:
    """Make a deep link (``/goal_chain?goal=KF1``) work on a freshly started server.

    Because a ``pages/`` folder sits beside dashboard.py, Streamlit starts every process in its
    legacy multipage mode and, until some session has run dashboard.py (which calls
    ``st.navigation``), runs a requested page on its own: no navigation, no page config.
    Leaving that mode and rerunning makes Streamlit run dashboard.py, which then runs the
    requested page with its query parameters intact. (The project card fixes the folder name;
    Streamlit's own advice is to avoid ``pages/`` with ``st.navigation`` for this reason.)
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
