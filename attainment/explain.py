"""Why a goal has its status: its inputs, what was left out, and the distance to the next status.

The status itself always comes from the engine (goal_status); this module only reads it and
puts it in words. The what-if in ``steps_to_next_status`` re-applies the roll-up of
docs/rules.md §2 to the same inputs with some of them turned ``uppfyllt``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

import warehouse
from attainment.rules import EPSILON, Rules
from attainment.vocabulary import ASSESSABLE as STATUS_ORDER
from attainment.vocabulary import STATUSES

_NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")


@dataclass(frozen=True)
class Input:
    kind: str  # "indikator" or "mål"
    input_id: str
    title: str
    status: str
    weight: float
    score: float | None


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
    sentences: list[str] = field(default_factory=list)


def explain(con: duckdb.DuckDBPyConnection, goal_id: str, period: str) -> Explanation | None:
    """The explanation of ``goal_id`` in ``period``; None if the goal is not valid then."""
    status = warehouse.run(con, "engine/goal_status_one", goal_id=goal_id, period=period)
    if status.empty:
        return None
    row = status.iloc[0]
    rules = Rules.read(con)
    frame = warehouse.run(con, "engine/goal_inputs", goal_id=goal_id, period=period)
    inputs = [
        Input(r.input_kind, r.input_id, r.input_title, r.status, r.weight, _none(r.score))
        for r in frame.itertuples()
    ]
    sentences = _describe(inputs, rules, row.computed_status)
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
        _none(row.score), _none(row.coverage), frame, sentences,
    )  # fmt: skip


def roll_up(inputs: list[Input], rules: Rules) -> str:
    """The computed status of a goal with these inputs (docs/rules.md §2)."""
    total = sum(i.weight for i in inputs)
    assessable = [i for i in inputs if i.score is not None]
    weight = sum(i.weight for i in assessable)
    if not assessable or weight / total < rules.min_coverage - EPSILON:
        return "ej bedömt"
    score = sum(i.weight * i.score for i in assessable) / weight
    if rules.preset == "worst_of":
        return min((i.status for i in assessable), key=STATUS_ORDER.index)
    if rules.preset == "all":
        if all(i.status == "uppfyllt" for i in assessable):
            return "uppfyllt"
        return "delvis" if score > EPSILON else "ej uppfyllt"
    if score >= rules.full_threshold - EPSILON:
        return "uppfyllt"
    return "delvis" if score >= rules.partial_threshold - EPSILON else "ej uppfyllt"


def steps_to_next_status(inputs: list[Input], rules: Rules) -> tuple[int, str, list[Input]] | None:
    """The fewest inputs that, turned ``uppfyllt``, lift the goal to a better status.

    Returns (count, the status reached, the inputs); None when the goal is already uppfyllt or
    nothing can lift it. Inputs are tried greedily, the biggest gain first.
    """
    current = roll_up(inputs, rules)
    if current in ("uppfyllt", "ej bedömt"):
        return None
    rank = STATUS_ORDER.index(current)
    candidates = sorted(
        (i for i in inputs if i.status != "uppfyllt"),
        key=lambda i: -i.weight * (1 - (i.score or 0)),
    )
    changed = list(inputs)
    lifted: list[Input] = []
    for candidate in candidates:
        index = changed.index(candidate)
        changed[index] = Input(**{**candidate.__dict__, "status": "uppfyllt", "score": 1.0})
        lifted.append(candidate)
        status = roll_up(changed, rules)
        if status != "ej bedömt" and STATUS_ORDER.index(status) > rank:
            return len(lifted), status, lifted
    return None


def _describe(inputs: list[Input], rules: Rules, computed: str) -> list[str]:
    if not inputs:
        return ["Målet har inga indikatorer och inga delmål som gäller perioden och kan därför "
                "inte bedömas."]  # fmt: skip
    kinds = _count_words(inputs)
    sentences = [f"Den beräknade statusen bygger på {kinds}."]
    left_out = [i for i in inputs if i.score is None]
    if left_out:
        reasons = "; ".join(
            f"{i.title} {STATUSES[i.status].not_assessable_reason}" for i in left_out
        )
        total = sum(i.weight for i in inputs)
        coverage = 1 - sum(i.weight for i in left_out) / total
        sentences.append(
            f"{_capitalised(_number(len(left_out)))} underlag räknas inte: {reasons}. "
            f"Täckningen är {_percent(coverage)} (minst {_percent(rules.min_coverage)} krävs)."
        )
    step = steps_to_next_status(inputs, rules)
    if computed == "ej bedömt" and left_out:
        missing = _assessable_needed(inputs, rules)
        sentences.append(
            f"Målvärde och utfall för {_number(missing)} underlag till behövs för att målet ska "
            "kunna bedömas."
        )
    elif step:
        count, status, lifted = step
        noun = _noun(lifted)
        sentences.append(
            f"{_capitalised(_number(count))} {noun} till som uppfyllt gör målet "
            f"{STATUSES[status].phrase}."
        )
    elif computed == "uppfyllt":
        sentences.append("Målet når redan den högsta statusen.")
    return sentences


def _assessable_needed(inputs: list[Input], rules: Rules) -> int:
    """How many not-assessable inputs (heaviest first) must get data to reach min_coverage."""
    total = sum(i.weight for i in inputs)
    covered = sum(i.weight for i in inputs if i.score is not None)
    missing = sorted((i.weight for i in inputs if i.score is None), reverse=True)
    for count, weight in enumerate(missing, start=1):
        covered += weight
        if covered / total >= rules.min_coverage - EPSILON:
            return count
    return len(missing)


def _count_words(inputs: list[Input]) -> str:
    indicators = sum(i.kind == "indikator" for i in inputs)
    goals = len(inputs) - indicators
    parts = []
    if indicators:
        parts.append("en indikator" if indicators == 1 else f"{_number(indicators)} indikatorer")
    if goals:
        parts.append(f"{_number(goals)} delmål")
    return " och ".join(parts)


def _noun(lifted: list[Input]) -> str:
    kinds = {i.kind for i in lifted}
    if kinds == {"indikator"}:
        return "indikatorutfall"
    return "delmål" if kinds == {"mål"} else "underlag"


def _number(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _percent(share: float) -> str:
    return f"{round(share * 100)}\u00a0%"


def _none(value: object) -> object:
    """pandas gives NaN/NA for SQL NULL; the explanation speaks of None."""
    return None if pd.isna(value) else value
