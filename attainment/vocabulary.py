"""The status vocabulary and the rule presets, as data: ``statuses.csv`` and ``rule_presets.csv``
beside this module are the one source of both.

Every build copies them into the warehouse tables ``statuses`` and ``rule_presets``
(``queries/warehouse/vocabulary.sql``), where the engine's SQL reads each status's rank and score;
the Python side (the format's allowed values, the rules, the pages' words, symbols and colours)
reads them here. A status is never shown by colour alone: every status has a word and a symbol.
Colours are from the Okabe–Ito palette, which stays distinct for the common forms of colour
blindness.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATUSES_CSV = HERE / "statuses.csv"
RULE_PRESETS_CSV = HERE / "rule_presets.csv"


@dataclass(frozen=True)
class Status:
    code: str  # as stored in the warehouse and written in the format
    rank: int | None  # 3 uppfyllt, 2 delvis, 1 ej uppfyllt; None: not assessable
    score: float | None  # what an input with this status adds to a goal's score (default)
    score_setting: str | None  # the settings key that replaces the default score
    label: str  # as shown to users, capitalised
    phrase: str  # in a sentence: "gör målet delvis uppfyllt"
    plural: str  # of several goals: "3 av 5 mål delvis uppfyllda"
    symbol: str
    colour: str  # hex, Okabe–Ito
    badge_colour: str  # the nearest of Streamlit's named badge colours
    marker: str | None  # plotly marker symbol where a chart draws goal statuses
    sort_order: int  # best first
    is_goal_status: bool  # a goal can have it (legends and counts of goals list these)
    not_assessable_reason: str | None  # why an input with this status is left out of a score
    explanation: str  # what it means, for someone who has never read a goal report


@dataclass(frozen=True)
class Preset:
    preset: str
    full_threshold: float  # the default score for uppfyllt (used when uses_thresholds)
    partial_threshold: float  # the default score for delvis (used when uses_thresholds)
    uses_thresholds: bool  # whether scores become statuses by the thresholds


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _number(text: str) -> float | None:
    return float(text) if text else None


def _status(row: dict[str, str]) -> Status:
    return Status(
        code=row["code"],
        rank=int(row["rank"]) if row["rank"] else None,
        score=_number(row["score"]),
        score_setting=row["score_setting"] or None,
        label=row["label"],
        phrase=row["phrase"],
        plural=row["plural"],
        symbol=row["symbol"],
        colour=row["colour"],
        badge_colour=row["badge_colour"],
        marker=row["marker"] or None,
        sort_order=int(row["sort_order"]),
        is_goal_status=row["is_goal_status"] == "true",
        not_assessable_reason=row["not_assessable_reason"] or None,
        explanation=row["explanation"],
    )


STATUSES: dict[str, Status] = {
    s.code: s for s in sorted(map(_status, _rows(STATUSES_CSV)), key=lambda s: s.sort_order)
}
# Goal statuses from best to worst, the order of every legend and stacked chart.
GOAL_STATUSES: tuple[str, ...] = tuple(s.code for s in STATUSES.values() if s.is_goal_status)
# The statuses that score, from worst to best.
ASSESSABLE: tuple[str, ...] = tuple(
    s.code for s in sorted(STATUSES.values(), key=lambda s: s.rank or 0) if s.rank is not None
)
BEST = ASSESSABLE[-1]
# The computed status of a goal whose inputs do not cover enough weight.
NOT_ASSESSED = next(s.code for s in STATUSES.values() if s.is_goal_status and s.rank is None)

PRESETS: dict[str, Preset] = {
    row["preset"]: Preset(
        row["preset"],
        float(row["full_threshold"]),
        float(row["partial_threshold"]),
        row["uses_thresholds"] == "true",
    )
    for row in _rows(RULE_PRESETS_CSV)
}
