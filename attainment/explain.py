"""Why a goal has its status: its inputs, what was left out, and the distance to the next status.

Every fact here comes from the engine: the status, score and coverage from goal_status, the
inputs from engine/goal_inputs.sql, and what would change the status from
engine/goal_what_if.sql, which runs the engine's own roll-up (engine/roll_up.sql) on the goal's
inputs with some of them changed. This module only picks the answer and puts it in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

import warehouse
from attainment.rules import EPSILON, Rules
from attainment.vocabulary import BEST, NOT_ASSESSED, STATUSES
from ui import format as fmt

_NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")


@dataclass(frozen=True)
class Lift:
    """The fewest inputs that, turned ``uppfyllt``, give the goal a better status (taken
    greedily, the greatest gain first), and the status they give."""

    count: int
    status: str
    kinds: tuple[str, ...]  # "indikator" or "mål", per input
    input_ids: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    goal_id: str
    period: str
    computed_status: str
    assessed_status: str | None
    effective_status: str
    score: float | None
    coverage: float | None
    inputs: pd.DataFrame
    lift: Lift | None = None
    # For a goal that cannot be assessed: how many more inputs with data (heaviest first) it
    # needs to be assessed.
    data_needed: int | None = None
    sentences: list[str] = field(default_factory=list)


def explain(con: duckdb.DuckDBPyConnection, goal_id: str, period: str) -> Explanation | None:
    """The explanation of ``goal_id`` in ``period``; None if the goal is not valid then."""
    status = warehouse.run(con, "engine/goal_status_one", goal_id=goal_id, period=period)
    if status.empty:
        return None
    row = status.iloc[0]
    rules = Rules.read(con)
    inputs = warehouse.run(con, "engine/goal_inputs", goal_id=goal_id, period=period)
    what_if = warehouse.run(
        con,
        "engine/goal_what_if",
        goal_id=goal_id,
        period=period,
        preset=rules.preset,
        full_threshold=rules.full_threshold,
        partial_threshold=rules.partial_threshold,
        min_coverage=rules.min_coverage,
        eps=EPSILON,
    )
    lift = _lift(what_if, row.computed_status)
    data_needed = _data_needed(what_if) if row.computed_status == NOT_ASSESSED else None
    sentences = _describe(inputs, rules, row, lift, data_needed)
    if row.assessed_status is not None and row.assessed_status != row.computed_status:
        sentences.append(
            f"Nämndens bedömning ({row.assessed_status}) avviker från den beräknade statusen "
            f"({row.computed_status}) och gäller. "
            + (
                f"Motivering: {row.override_reason}"
                if row.override_reason
                else "Ingen motivering till avvikelsen har angetts."
            )
        )
    return Explanation(
        goal_id, period, row.computed_status, _none(row.assessed_status), row.effective_status,
        _none(row.score), _none(row.coverage), inputs, lift, data_needed, sentences,
    )  # fmt: skip


def _lift(what_if: pd.DataFrame, computed: str) -> Lift | None:
    """The first 'lift' scenario whose status is better than the goal's, if any."""
    if computed in (BEST, NOT_ASSESSED):
        return None
    rank = STATUSES[computed].rank
    for s in what_if[(what_if.kind == "lift") & (what_if.k > 0)].itertuples():
        better = STATUSES[s.computed_status].rank
        if better is not None and better > rank:
            return Lift(int(s.k), s.computed_status, tuple(s.changed_kinds), tuple(s.changed_ids))
    return None


def _data_needed(what_if: pd.DataFrame) -> int | None:
    """The fewest 'data' scenario inputs after which the goal can be assessed."""
    data = what_if[what_if.kind == "data"]
    assessed = data[data.computed_status != NOT_ASSESSED]
    if not assessed.empty:
        return int(assessed.k.min())
    return int(data.k.max()) if not data.empty else None


def _describe(
    inputs: pd.DataFrame, rules: Rules, row: pd.Series, lift: Lift | None, data_needed: int | None
) -> list[str]:
    if inputs.empty:
        return ["Målet har inga indikatorer och inga delmål som gäller perioden och kan därför "
                "inte bedömas."]  # fmt: skip
    sentences = [f"Den beräknade statusen bygger på {_count_words(inputs)}."]
    left_out = inputs[~inputs.is_assessable]
    if not left_out.empty:
        reasons = "; ".join(f"{r.input_title} {_left_out_reason(r)}" for r in left_out.itertuples())
        sentences.append(
            f"{_capitalised(_number(len(left_out)))} underlag räknas inte: {reasons}. "
            f"Täckningen är {_percent(row.coverage)} (minst {_percent(rules.min_coverage)} krävs)."
        )
    sentences += _comparisons(inputs)
    if row.computed_status == NOT_ASSESSED and not left_out.empty and data_needed is not None:
        sentences.append(
            f"Målvärde och utfall för {_number(data_needed)} underlag till behövs för att målet "
            "ska kunna bedömas."
        )
    elif lift is not None:
        sentences.append(
            f"{_capitalised(_number(lift.count))} {_noun(lift.kinds)} till som uppfyllt gör "
            f"målet {STATUSES[lift.status].phrase}."
        )
    elif row.computed_status == BEST:
        sentences.append("Målet når redan den högsta statusen.")
    return sentences


def _comparisons(inputs: pd.DataFrame) -> list[str]:
    """What each better_than input was compared with, and how it came out; nothing for an
    input without an outcome of its own (its reason for being left out says so)."""
    sentences = []
    for r in inputs[inputs.comparator == "better_than"].itertuples():
        if pd.isna(r.value):
            continue
        if pd.isna(r.reference_value):
            sentences.append(
                f"{r.input_title} ska vara bättre än {r.reference_name}, som saknar värde för "
                f"{r.value_period}."
            )
        else:
            d = int(r.decimals)
            sentences.append(
                f"{r.input_title} ska vara bättre än {r.reference_name} "
                f"({fmt.number(r.reference_value, d)}): utfallet är {fmt.number(r.value, d)} "
                f"({r.value_period}), {STATUSES[r.status].phrase}."
            )
    return sentences


def _left_out_reason(r) -> str:
    """Why an input does not score: its status's reason, or for better_than with an outcome
    of our own, that the reference has none."""
    if r.comparator == "better_than" and not pd.isna(r.value):
        return "saknar jämförelsevärde"
    return STATUSES[r.status].not_assessable_reason


def _count_words(inputs: pd.DataFrame) -> str:
    indicators = int((inputs.input_kind == "indikator").sum())
    goals = len(inputs) - indicators
    parts = []
    if indicators:
        parts.append("en indikator" if indicators == 1 else f"{_number(indicators)} indikatorer")
    if goals:
        parts.append(f"{_number(goals)} delmål")
    return " och ".join(parts)


def _noun(kinds: tuple[str, ...]) -> str:
    if set(kinds) == {"indikator"}:
        return "indikatorutfall"
    return "delmål" if set(kinds) == {"mål"} else "underlag"


def _number(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _percent(share: float) -> str:
    return f"{round(share * 100)}\u00a0%"


def _none(value: object) -> object:
    """pandas gives NaN/NA for SQL NULL; the explanation speaks of None."""
    return None if pd.isna(value) else value
