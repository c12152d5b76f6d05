"""How a status looks, the same everywhere: a word, a symbol and a colour-blind-safe colour.

A status is never shown by colour alone: every badge, legend and chart label carries the word
and the symbol too. Colours are from the Okabe–Ito palette, which stays distinct for the common
forms of colour blindness.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StatusStyle:
    label: str  # as shown to users
    symbol: str
    colour: str


STYLES: dict[str, StatusStyle] = {
    "uppfyllt": StatusStyle("Uppfyllt", "✔", "#009E73"),
    "delvis": StatusStyle("Delvis uppfyllt", "½", "#E69F00"),
    "ej uppfyllt": StatusStyle("Ej uppfyllt", "✖", "#D55E00"),
    "ej bedömt": StatusStyle("Ej bedömt", "○", "#8C8C8C"),
    "saknar målvärde": StatusStyle("Saknar målvärde", "–", "#BBBBBB"),
    "saknar utfall": StatusStyle("Saknar utfall", "–", "#BBBBBB"),
}
# Goal statuses from best to worst, the order of every legend and stacked chart.
GOAL_STATUSES = ("uppfyllt", "delvis", "ej uppfyllt", "ej bedömt")

TRENDS: dict[str, str] = {
    "bättre": "↑ bättre",
    "oförändrat": "→ oförändrat",
    "sämre": "↓ sämre",
    "ej jämförbart": "· ej jämförbart",
}


def style(status: str | None) -> StatusStyle:
    return STYLES.get(status or "ej bedömt", STYLES["ej bedömt"])


def text(status: str | None) -> str:
    """``"✔ Uppfyllt"``: symbol and word, for tables and plain text."""
    s = style(status)
    return f"{s.symbol} {s.label}"


def badge(status: str | None) -> str:
    """Markdown for a coloured badge that also carries the symbol and the word."""
    s = style(status)
    return f":{_badge_colour(status)}-badge[{s.symbol} {s.label}]"


def legend() -> str:
    """``"✔ uppfyllt · ½ delvis uppfyllt · …"``: what the symbols of the goal statuses mean."""
    return " · ".join(f"{style(s).symbol} {style(s).label.lower()}" for s in GOAL_STATUSES)


def change_arrow(change: float | None, tolerance: float = 0.005) -> str:
    """Arrow for a change of score: the direction is spelled out, not left to the colour."""
    if change is None or abs(change) < tolerance:
        return "off"
    return "up" if change > 0 else "down"


def trend(value: str | None) -> str:
    return TRENDS.get(value or "ej jämförbart", TRENDS["ej jämförbart"])


def _badge_colour(status: str | None) -> str:
    # Streamlit's badges take named colours; these are the closest to the palette above.
    return {"uppfyllt": "green", "delvis": "orange", "ej uppfyllt": "red"}.get(status or "", "gray")
