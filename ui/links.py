"""Links between pages that open the same view when mailed: ``goal_chain?goal=KF1&period=2025``.

Pages are registered in dashboard.py under their file names, so a page's URL path is the file
stem. ``link_column`` shows only the id of such a link in a data grid, ``markdown_link`` writes
one for Markdown (a ``st.table`` cell).
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from ui import format as fmt


def page_url(page: str, **params: str | None) -> str:
    """The relative URL of ``pages/<page>.py`` with the given query parameters; a parameter
    given as None is left out."""
    given = {name: value for name, value in params.items() if value is not None}
    return f"{page}?{urlencode(given)}" if given else page


def link_column(page: str, param: str, label: str | None = None, **kwargs):
    """A table column of ``page_url(page, param=id, …)`` links that displays the id."""
    return st.column_config.LinkColumn(
        label, display_text=rf"{page}\?(?:.*&)?{param}=([^&]*)", **kwargs
    )


def markdown_link(text: str, page: str, **params: str | None) -> str:
    """``[text](page_url(page, …))``, with ``text`` shown as written."""
    return f"[{fmt.literal(text)}]({page_url(page, **params)})"
