"""The frame drawn around every page: the bar at its top, and what Streamlit draws with English
words, hidden.

The top bar holds the period selector (``ui.state.select_period`` puts it there) and the data
notice, so both are seen on a phone without opening the sidebar, which is closed there.

Streamlit's English words:

Streamlit 1.67 cannot translate its own controls. Those a user meets are either switched off
in ``.streamlit/config.toml`` (the main menu: ``toolbarMode = "minimal"``) or hidden by
``ui/chrome.css`` (a data grid's toolbar and column menu, a chart's fullscreen button), and the
pages offer Swedish ones instead: ``ui.tables.grid`` puts a CSV download under each table.
Plotly's own buttons are switched off in ``ui.charts.show``. docs/pages.md lists the rest.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

import streamlit as st

from ui import format as fmt

CSS = Path(__file__).with_name("chrome.css")
# The place in this run's top bar for the period selector: dashboard.py makes it before the
# page runs, the page's ``select_period`` fills it.
_period_slot: ContextVar = ContextVar("period_slot", default=None)


def hide_untranslated_controls() -> None:
    """Send the style sheet; call once per run, from dashboard.py."""
    st.html(CSS)


def top_bar(data_notice: str | None) -> None:
    """The bar at the top of every page: a place for the period selector, then the data
    notice (synthetic or not, and where the data comes from). Call once per run, from
    dashboard.py, before the page runs. On a narrow screen the two stack."""
    bar = st.container(horizontal=True, vertical_alignment="top", gap="medium", key="top_bar")
    _period_slot.set(bar.empty())  # nothing shows on a page without periods
    if data_notice:
        bar.caption(f":material/science: {fmt.plain(data_notice)}")


def period_slot():
    """Where the page's period selector goes: the top bar, or the page itself outside the
    frame (a test running a page on its own)."""
    slot = _period_slot.get()
    return slot if slot is not None else st
