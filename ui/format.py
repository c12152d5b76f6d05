"""Swedish (sv-SE) formatting: decimal comma, space as thousands separator, local time."""

from __future__ import annotations

import datetime as dt
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
