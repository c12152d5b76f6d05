"""What Streamlit draws around the pages with English words, hidden on every page.

Streamlit 1.67 cannot translate its own controls. Those a user meets are either switched off
in ``.streamlit/config.toml`` (the main menu: ``toolbarMode = "minimal"``) or hidden by
``ui/chrome.css`` (a data grid's toolbar and column menu, a chart's fullscreen button), and the
pages offer Swedish ones instead: ``ui.tables.grid`` puts a CSV download under each table.
Plotly's own buttons are switched off in ``ui.charts.show``. docs/pages.md lists the rest.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

CSS = Path(__file__).with_name("chrome.css")


def hide_untranslated_controls() -> None:
    """Send the style sheet; call once per run, from dashboard.py."""
    st.html(CSS)
