"""How a status looks, the same everywhere: a word, a symbol and a colour-blind-safe colour,
all from the status vocabulary (attainment/statuses.csv, read by attainment.vocabulary).

A status is never shown by colour alone: every badge, legend and chart label carries the word
and the symbol too.
"""

from __future__ import annotations

from collections.abc import Mapping

from attainment.vocabulary import GOAL_STATUSES, NOT_ASSESSED, STATUSES, Status

__all__ = ["GOAL_STATUSES", "badge", "change_arrow", "count", "legend", "style", "text", "trend"]

TRENDS: dict[str, str] = {
    "bättre": "↑ bättre",
    "oförändrat": "→ oförändrat",
    "sämre": "↓ sämre",
    "ej jämförbart": "· ej jämförbart",
}


def style(status: str | None) -> Status:
    """The vocabulary's entry for ``status``; a missing or unknown status looks like ej bedömt."""
    return STATUSES.get(status or NOT_ASSESSED, STATUSES[NOT_ASSESSED])


def text(status: str | None) -> str:
    """``"✔ Uppfyllt"``: symbol and word, for tables and plain text."""
    s = style(status)
    return f"{s.symbol} {s.label}"


def badge(status: str | None) -> str:
    """Markdown for a coloured badge that also carries the symbol and the word."""
    s = style(status)
    return f":{s.badge_colour}-badge[{s.symbol} {s.label}]"


def legend() -> str:
    """``"✔ uppfyllt · ½ delvis uppfyllt · …"``: what the symbols of the goal statuses mean."""
    return " · ".join(f"{style(s).symbol} {style(s).label.lower()}" for s in GOAL_STATUSES)


def count(counts: Mapping[str, int] | None, status: str) -> int:
    """How many goals have ``status`` in a ``status_counts`` cell of the count queries (a map
    from status to number, without the statuses no goal has)."""
    return int((counts or {}).get(status, 0))


def change_arrow(change: float | None, tolerance: float = 0.005) -> str:
    """Arrow for a change of score: the direction is spelled out, not left to the colour."""
    if change is None or abs(change) < tolerance:
        return "off"
    return "up" if change > 0 else "down"


def trend(value: str | None) -> str:
    return TRENDS.get(value or "ej jämförbart", TRENDS["ej jämförbart"])
