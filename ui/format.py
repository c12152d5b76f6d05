"""Swedish (sv-SE) formatting: decimal comma, space as thousands separator, local time."""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

NBSP = "\u00a0"  # keeps "1 234" on one line
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def number(value: float | int | None, decimals: int = 0) -> str:
    """``1234.5`` → ``"1 234,5"``; missing values are shown as a dash, never as 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")


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
