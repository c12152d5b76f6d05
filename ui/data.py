"""Cached data access for the pages.

Pages call ``fetch("app/<query>", param=…)``. Results are cached on the query name, the (small)
parameters and the warehouse version, never on DataFrames, so a new build is picked up on the
next rerun without restarting the app. dashboard.py runs every page with ``run_in_frame``, and
``require_warehouse`` brings a page that Streamlit started on its own back inside it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import warehouse
from attainment.explain import Explanation, explain
from ui import mode

BUILD_COMMAND = "python -m etl build --example"
CRASH_MESSAGE = (
    "Något gick fel när sidan skulle visas. Felet är loggat. Ladda om sidan eller gör ett annat "
    "val; om felet finns kvar, kontakta den som förvaltar Röd tråd."
)
_LOG = logging.getLogger(__name__)


def warehouse_path() -> Path:
    """The file the app reads: the warehouse, or in public mode only the public warehouse
    beside it (ui/mode.py)."""
    path = warehouse.default_path()
    return warehouse.files.public_path(path) if mode.is_public() else path


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
    if version() is None and mode.is_public():
        # Said without the file's path: a resident may be the first to see it.
        st.error("Uppgifterna om kommunens mål kan inte visas just nu. Försök igen om en stund.")
        st.caption(
            "För den som driver webbplatsen: det publika datalagret är inte byggt. Bygg det "
            "med `python -m etl build --public` (exemplet: `make public`)."
        )
        st.stop()
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


# True while dashboard.py runs its page; per thread, as each session runs in its own thread.
_in_frame: ContextVar[bool] = ContextVar("in_frame", default=False)
# Set by a run that asked for a rerun through dashboard.py, cleared by the next run.
_RERUN_ASKED = "_rerun_through_dashboard"


def run_in_frame(page: st.Page) -> None:
    """Run the page ``st.navigation`` picked: dashboard.py's last step. A page started any
    other way (Streamlit's legacy ``pages/`` mode) is run again through dashboard.py, see
    ``_leave_legacy_navigation``."""
    token = _in_frame.set(True)
    try:
        with swedish_errors():
            page.run()
    finally:
        _in_frame.reset(token)


@contextlib.contextmanager
def swedish_errors() -> Iterator[None]:
    """An unexpected error is logged with its traceback and shown as our Swedish message:
    Streamlit's own says in English that the details are redacted. Streamlit's stop and rerun
    are not errors (BaseException) and pass through."""
    try:
        yield
    except Exception:
        _LOG.exception("the page could not be shown")
        st.error(CRASH_MESSAGE, icon=":material/error:")


def page_fragment(body: Callable[[], None]) -> Callable[[], None]:
    """``st.fragment`` for a page's body (a choice on the page reruns only the page, not the
    sidebar), with the page's errors shown in Swedish on the fragment's own reruns too."""

    @st.fragment
    @functools.wraps(body)
    def fragment() -> None:
        with swedish_errors():
            body()

    return fragment


def _leave_legacy_navigation() -> None:
    """Make a deep link (``/goal_chain?goal=KF1``) work on a freshly started server.

    Why: ``pages/`` sits beside dashboard.py (the folder name is fixed), so Streamlit starts
    each server process in its legacy multipage mode, which runs a requested page on its own:
    no navigation, no page config, nothing of dashboard.py. Only ``st.navigation`` ends that
    mode (for all sessions), and in that mode dashboard.py runs only for the root page. So a
    deep link that is a new server's first request, and any session started while that first
    one still runs, would show the page without the app around it. Streamlit 1.67 has no
    config option or public call that skips the legacy mode.

    What this relies on in Streamlit 1.67 (tests/test_deep_links.py fails when it changes):
    - the class attribute ``PagesManager.uses_pages_directory``
      (streamlit/runtime/pages_manager.py): set once per process, at the first session, to
      whether ``pages/`` is beside the entry script; the script runner reads it as each run
      starts and while it is true runs ``_mpa_v1`` (the requested page alone) instead of the
      entry script (streamlit/runtime/scriptrunner/script_runner.py). ``st.navigation`` sets
      it to False (streamlit/commands/navigation.py), as this function does;
    - ``st.rerun()`` keeps the requested page and the query string, and a page's id is derived
      from its URL path in both modes, so the rerun runs dashboard.py, whose ``st.navigation``
      picks the same page, with the same query parameters.

    A run outside dashboard.py reruns once; should that rerun not be inside dashboard.py
    either (a page run as the entry script), the page is shown as it is.
    """
    rerun_asked = st.session_state.pop(_RERUN_ASKED, False)
    if _in_frame.get() or rerun_asked:
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.session_state[_RERUN_ASKED] = True
    st.rerun()
