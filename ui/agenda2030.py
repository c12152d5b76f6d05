"""A goal's Agenda 2030 goals and targets in words, for the goal's pages in both modes."""

from __future__ import annotations

from ui import format as fmt
from ui.data import fetch


def goal_line(goal_id: str) -> str | None:
    """``"Agenda 2030: 4, 4.1 God utbildning för alla · 11 Hållbara städer och samhällen"``
    (plain text), or None when the goal names no global goal."""
    codes = fetch("app/goal_agenda2030", goal_id=goal_id)
    if codes.empty:
        return None
    parts = [
        f"{', '.join(group.code)} {group.title.iloc[0]}"
        for _, group in codes.groupby("sdg", sort=True)
    ]
    return fmt.plain("Agenda 2030: " + " · ".join(parts))
