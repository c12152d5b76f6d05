"""Swedish (sv-SE) formatting: decimal comma, space as thousands separator, local time."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from zoneinfo import ZoneInfo

NBSP = "\u00a0"  # keeps "1 234" on one line
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def number(value: float | int | None, decimals: int = 0) -> str:
    """``1234.5`` → ``"1 234,5"``; missing values are shown as a dash, never as 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")


# Every ASCII punctuation character Markdown, or Streamlit's additions to it (:material/…:,
# :red[…], $…$), could read as syntax; a backslash before it always means the character itself.
_MARKDOWN_SYNTAX = re.compile(r"([!-/:-@\[-`{-~])")


def literal(text: str) -> str:
    """``text`` escaped for Markdown (a ``st.table`` cell, a link text), so it shows exactly
    as written: ``"Kostnad (kr)*"`` → ``"Kostnad \\(kr\\)\\*"``."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", text)


def plain(text: object) -> str:
    """Text from the goal model (a title, an analysis, a name) for a Markdown element, shown
    exactly as written: every Markdown character escaped, its line breaks kept. Streamlit
    renders titles, captions, labels and messages as Markdown, so a title like ``**x**``,
    ``[x](javascript:…)`` or ``$x$`` would otherwise be formatted, linked or typeset."""
    return literal(str(text)).replace("\r\n", "\n").replace("\n", "  \n")


def chart_text(text: object) -> str:
    """Text from the goal model for a plotly chart (a trace name, hover data, an axis title),
    shown exactly as written: plotly reads a subset of HTML (``<b>``, ``<a href>``, ``<br>``) in
    every text, and ``%{…}`` in a hover template, so both are neutralised."""
    return html.escape(str(text), quote=False).replace("%{", "%\u200b{")


def percent(share: float | None, decimals: int = 0) -> str:
    """``0.5`` → ``"50 %"`` (Swedish puts a space before the per cent sign)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{number(share * 100, decimals)}{NBSP}%"


def local_time(utc: dt.datetime | None) -> str:
    """A UTC timestamp from the load log as Swedish local time, e.g. ``2026-11-21 kl. 23.36``."""
    if utc is None:
        return "–"
    local = utc.replace(tzinfo=dt.UTC).astimezone(STOCKHOLM)
    return f"{local:%Y-%m-%d} kl. {local:%H.%M}"
