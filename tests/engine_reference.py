"""An independent, plain-Python reference implementation of ``docs/rules.md``.

It exists only to check the attainment engine (SQL in ``queries/engine/``) in
``tests/test_engine_property.py``. It shares no code with the engine or the ETL: periods are
parsed here, defaults are applied here, and every rule is written out as literally as the
rules page states it, with clarity preferred over speed.

Input is a :class:`Model` of plain dataclasses (already typed: numbers are floats, a blank
cell is ``None``). Output is two dicts shaped like the engine's tables::

    indicator_status[(goal_id, indicator_id, period, subject, gender)] = {column: value, ...}
    goal_status[(goal_id, period)] = {column: value, ...}

Readings of the rules page that needed a decision:

* "ends before P ends" (target carry-forward, prev) is strict: a target for ``2024`` is not
  used for ``2024-T3`` (same end date, not before it).
* Indicator status rows are produced only for goals valid in P (like goal status rows).
* A row without target has ``comparator``, ``target_value``, ``target_low`` and ``target_high``
  ``None`` and ``tolerance`` 0 (the tolerance its trend uses); its value, prev and trend are
  still computed on the municipality's ``T`` series.
* ``n_inputs`` counts input rows (a link with two target rows gives two inputs).
* An outcome row with an empty value still makes its period an evaluated period.
* "N years before P ends, same month and day" for 29 February falls back to 28 February.
* ``better_than``: the reference is the value of the target's subject for exactly the period of
  v (same indicator and gender); for a group without one, the median of the values its
  members (each listed member once) have for that period. Its ``prev`` and trend are those of
  the municipality's own series, like any row's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

EPS = 1e-9

UPPFYLLT = "uppfyllt"
DELVIS = "delvis"
EJ_UPPFYLLT = "ej uppfyllt"
EJ_BEDOMT = "ej bedömt"
SAKNAR_MALVARDE = "saknar målvärde"
SAKNAR_UTFALL = "saknar utfall"

BATTRE = "bättre"
OFORANDRAT = "oförändrat"
SAMRE = "sämre"
EJ_JAMFORBART = "ej jämförbart"

ASSESSABLE = (UPPFYLLT, DELVIS, EJ_UPPFYLLT)
# worst_of: ej uppfyllt < delvis < uppfyllt
_STATUS_RANK = {EJ_UPPFYLLT: 0, DELVIS: 1, UPPFYLLT: 2}

PRESET_THRESHOLDS = {"two_thirds": (2 / 3, 1 / 3), "majority": (1 / 2, 1 / 4)}

DEFAULT_SETTINGS = {
    "rule_preset": "two_thirds",
    "partly_score": 0.5,
    "min_coverage": 0.5,
    "max_outcome_age_years": 1.0,
}


# --- comparisons with the absolute tolerance ε ----------------------------------------------


def ge(a: float, b: float) -> bool:
    """a ≥ b holds when a ≥ b − ε."""
    return a >= b - EPS


def le(a: float, b: float) -> bool:
    """a ≤ b holds when a ≤ b + ε."""
    return a <= b + EPS


def gt(a: float, b: float) -> bool:
    """A strict a > b needs a > b + ε."""
    return a > b + EPS


def lt(a: float, b: float) -> bool:
    """A strict a < b needs a < b − ε."""
    return a < b - EPS


# --- periods ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    code: str
    type: str  # year, tertial, quarter, month
    year: int
    start: dt.date
    end: dt.date


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> Period:
    """``YYYY``, ``YYYY-T1..T3`` (cumulative from 1 January), ``YYYY-H1..H2`` (January–June,
    July–December), ``YYYY-Q1..Q4`` or ``YYYY-MM``."""
    code = text.replace(" ", "").upper()
    if len(code) == 4 and code.isdigit():
        year = int(code)
        return Period(code, "year", year, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if len(code) != 7 or not code[:4].isdigit() or code[4] != "-":
        raise ValueError(f"not a period: {text!r}")
    year, rest = int(code[:4]), code[5:]
    if rest[0] == "T" and rest[1] in "123":
        end_month = 4 * int(rest[1])
        return Period(code, "tertial", year, dt.date(year, 1, 1), _last_day(year, end_month))
    if rest[0] == "H" and rest[1] in "12":
        first_month = 1 if rest[1] == "1" else 7
        return Period(
            code, "half", year, dt.date(year, first_month, 1), _last_day(year, first_month + 5)
        )
    if rest[0] == "Q" and rest[1] in "1234":
        end_month = 3 * int(rest[1])
        return Period(
            code, "quarter", year, dt.date(year, end_month - 2, 1), _last_day(year, end_month)
        )
    if rest.isdigit() and 1 <= int(rest) <= 12:
        month = int(rest)
        return Period(code, "month", year, dt.date(year, month, 1), _last_day(year, month))
    raise ValueError(f"not a period: {text!r}")


def years_before(day: dt.date, years: float) -> dt.date:
    """The same month and day ``years`` years earlier (29 February → 28 February)."""
    if years != int(years):
        raise ValueError(f"the reference handles whole years only, got {years}")
    year = day.year - int(years)
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def tie_key(period: Period, preferred: str | None = None) -> tuple:
    """Sort key: latest end first; then ``preferred`` (= P); then longer; then smaller code."""
    return (
        -period.end.toordinal(),
        0 if period.code == preferred else 1,
        period.start.toordinal(),  # earlier start = longer period
        period.code,
    )


# --- the model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    goal_id: str
    parent_ids: tuple[str, ...] = ()
    valid_from: int | None = None
    valid_to: int | None = None
    weight: float = 1.0

    def valid_in(self, period: Period) -> bool:
        return (self.valid_from is None or self.valid_from <= period.year) and (
            self.valid_to is None or period.year <= self.valid_to
        )


@dataclass(frozen=True)
class Link:
    goal_id: str
    indicator_id: str
    weight: float = 1.0


@dataclass(frozen=True)
class Target:
    goal_id: str
    indicator_id: str
    period: str
    comparator: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    tolerance: float | None = None  # None = blank = 0
    subject: str | None = None  # None = the municipality
    gender: str | None = None  # None = T


@dataclass(frozen=True)
class Outcome:
    indicator_id: str
    period: str
    value: float | None
    subject: str | None = None
    gender: str | None = None


@dataclass(frozen=True)
class Assessment:
    goal_id: str
    period: str
    status: str


@dataclass
class Model:
    settings: dict[str, str | float]
    goals: list[Goal]
    indicators: dict[str, str]  # indicator_id -> direction (higher, lower, neutral)
    links: list[Link]
    targets: list[Target] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    # Kolada group id -> its members' area codes (the warehouse's kolada_group_members)
    group_members: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _number(value: str | float) -> float:
    if isinstance(value, str):
        text = value.replace(" ", "").replace("\u00a0", "").replace(",", ".")
        return float(text.replace("\u2212", "-"))
    return float(value)


@dataclass(frozen=True)
class Rules:
    municipality: str
    preset: str
    full_threshold: float
    partial_threshold: float
    partly_score: float
    min_coverage: float
    max_age_years: float

    @classmethod
    def from_settings(cls, settings: dict[str, str | float]) -> Rules:
        s = {k.lower(): v for k, v in settings.items()}
        preset = str(s.get("rule_preset", DEFAULT_SETTINGS["rule_preset"])).strip().lower()
        full, partial = PRESET_THRESHOLDS.get(preset, (None, None))
        if preset in PRESET_THRESHOLDS:
            if "full_threshold" in s:
                full = _number(s["full_threshold"])
            if "partial_threshold" in s:
                partial = _number(s["partial_threshold"])
        return cls(
            municipality=str(s["municipality_code"]).strip(),
            preset=preset,
            full_threshold=full,
            partial_threshold=partial,
            partly_score=_number(s.get("partly_score", DEFAULT_SETTINGS["partly_score"])),
            min_coverage=_number(s.get("min_coverage", DEFAULT_SETTINGS["min_coverage"])),
            max_age_years=_number(
                s.get("max_outcome_age_years", DEFAULT_SETTINGS["max_outcome_age_years"])
            ),
        )


# --- 1. indicator status ---------------------------------------------------------------------


def select_targets(targets: Iterable[Target], period: Period) -> list[Target]:
    """The target rows of one (G, I) that apply in ``period`` (rules §1 *Target*)."""
    targets = list(targets)
    exact = [t for t in targets if parse_period(t.period).code == period.code]
    if exact:
        return exact
    earlier = [t for t in targets if parse_period(t.period).end < period.end]
    if not earlier:
        return []
    chosen = min((parse_period(t.period) for t in earlier), key=tie_key)
    return [t for t in earlier if parse_period(t.period).code == chosen.code]


def select_outcome(
    outcomes: Iterable[Outcome], period: Period, max_age_years: float
) -> Outcome | None:
    """Outcome v of one series for ``period`` (rules §1 *Outcome v*)."""
    oldest = years_before(period.end, max_age_years)
    candidates = [
        o
        for o in outcomes
        if o.value is not None and oldest <= parse_period(o.period).end <= period.end
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda o: tie_key(parse_period(o.period), period.code))


def select_prev(outcomes: Iterable[Outcome], v: Outcome) -> Outcome | None:
    """The previous outcome: same series, same period type as v, ends before v ends."""
    pv = parse_period(v.period)
    candidates = [
        o
        for o in outcomes
        if o.value is not None
        and parse_period(o.period).type == pv.type
        and parse_period(o.period).end < pv.end
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda o: tie_key(parse_period(o.period)))


def compare(
    comparator: str,
    v: float,
    prev: float | None,
    value: float | None,
    low: float | None,
    high: float | None,
    tol: float,
) -> str:
    """The status table of rules §1 (v is known)."""
    if comparator == ">=":
        if ge(v, value):
            return UPPFYLLT
        if ge(v, value - tol) or (prev is not None and gt(v, prev)):
            return DELVIS
        return EJ_UPPFYLLT
    if comparator == "<=":
        if le(v, value):
            return UPPFYLLT
        if le(v, value + tol) or (prev is not None and lt(v, prev)):
            return DELVIS
        return EJ_UPPFYLLT
    if comparator == "between":
        if ge(v, low) and le(v, high):
            return UPPFYLLT
        if ge(v, low - tol) and le(v, high + tol):
            return DELVIS
        return EJ_UPPFYLLT
    if comparator in ("increase", "decrease"):
        if prev is None:
            return SAKNAR_UTFALL
        d = v - prev
        if comparator == "increase" and gt(d, tol):
            return UPPFYLLT
        if comparator == "decrease" and lt(d, -tol):
            return UPPFYLLT
        if le(abs(d), tol):
            return DELVIS
        return EJ_UPPFYLLT
    raise ValueError(f"unknown comparator {comparator!r}")


def better_than(direction: str, v: float, reference: float, tol: float) -> str:
    """better_than (rules §1): strictly better than the reference in the indicator's
    direction → uppfyllt; worse by at most tol (equal included) → delvis."""
    if direction == "higher":
        if gt(v, reference):
            return UPPFYLLT
        return DELVIS if ge(v, reference - tol) else EJ_UPPFYLLT
    if direction == "lower":
        if lt(v, reference):
            return UPPFYLLT
        return DELVIS if le(v, reference + tol) else EJ_UPPFYLLT
    raise ValueError(f"better_than needs a direction, got {direction!r}")


def reference_of(
    model: Model, rules: Rules, indicator_id: str, area: str, gender: str, period: str
) -> tuple[float | None, int | None]:
    """(reference value, number of members whose median it is, or None for the area's own
    value) of better_than for the period of v (rules §1 *Reference*)."""

    def value_of(subject: str) -> float | None:
        for o in model.outcomes:
            if (
                o.indicator_id == indicator_id
                and (o.subject or rules.municipality) == subject
                and (o.gender or "T") == gender
                and parse_period(o.period).code == period
                and o.value is not None
            ):
                return o.value
        return None

    own = value_of(area)
    if own is not None:
        return own, None
    values = [value_of(m) for m in sorted(set(model.group_members.get(area, ())))]
    values = [v for v in values if v is not None]
    if not values:
        return None, None
    return statistics.median(values), len(values)


def trend(direction: str, v: float | None, prev: float | None, tol: float) -> str:
    """Trend of v against prev in the indicator's direction (rules §1 *Trend*)."""
    if v is None or prev is None:
        return EJ_JAMFORBART
    d = v - prev
    if le(abs(d), tol):
        return OFORANDRAT
    if direction == "neutral":
        return EJ_JAMFORBART
    right_way = gt(d, tol) if direction == "higher" else lt(d, -tol)
    wrong_way = lt(d, -tol) if direction == "higher" else gt(d, tol)
    if right_way:
        return BATTRE
    if wrong_way:
        return SAMRE
    return EJ_JAMFORBART  # unreachable: |d| > tol means it moved one way or the other


def indicator_rows(
    model: Model, rules: Rules, link: Link, period: Period
) -> list[tuple[tuple, dict]]:
    """The indicator status rows of one link in one period, as (key, row) pairs."""
    direction = model.indicators[link.indicator_id]
    own_targets = [
        t
        for t in model.targets
        if t.goal_id == link.goal_id and t.indicator_id == link.indicator_id
    ]
    chosen = select_targets(own_targets, period)
    rows = []
    for target in chosen or [None]:
        subject = (target.subject if target else None) or rules.municipality
        gender = (target.gender if target else None) or "T"
        # better_than names the reference in subject and judges the municipality's own value
        is_better_than = target is not None and target.comparator == "better_than"
        judged = rules.municipality if is_better_than else subject
        series = [
            o
            for o in model.outcomes
            if o.indicator_id == link.indicator_id
            and (o.subject or rules.municipality) == judged
            and (o.gender or "T") == gender
        ]
        v = select_outcome(series, period, rules.max_age_years)
        prev = select_prev(series, v) if v is not None else None
        v_value = v.value if v is not None else None
        prev_value = prev.value if prev is not None else None
        tol = (target.tolerance or 0.0) if target is not None else 0.0
        reference, members = None, None
        if is_better_than and v is not None:
            reference, members = reference_of(
                model, rules, link.indicator_id, subject, gender, parse_period(v.period).code
            )
        if target is None:
            status = SAKNAR_MALVARDE
        elif v is None:
            status = SAKNAR_UTFALL
        elif is_better_than:
            status = (
                SAKNAR_UTFALL
                if reference is None
                else better_than(direction, v_value, reference, tol)
            )
        else:
            status = compare(
                target.comparator, v_value, prev_value, target.value, target.low, target.high, tol
            )
        row = {
            "goal_id": link.goal_id,
            "indicator_id": link.indicator_id,
            "period": period.code,
            "subject": subject,
            "gender": gender,
            "comparator": target.comparator if target else None,
            "target_value": target.value if target else None,
            "target_low": target.low if target else None,
            "target_high": target.high if target else None,
            "tolerance": tol,
            "value": v_value,
            "value_period": parse_period(v.period).code if v is not None else None,
            "prev_value": prev_value,
            "status": status,
            "trend": trend(direction, v_value, prev_value, tol),
            "reference_value": reference,
            "reference_members": members,
            # Not a column of the engine's table: the input weight of this row.
            "_weight": link.weight / len(chosen or [None]),
        }
        rows.append(((link.goal_id, link.indicator_id, period.code, subject, gender), row))
    return rows


# --- 2. goal status --------------------------------------------------------------------------


def score_of(status: str, rules: Rules) -> float:
    return {UPPFYLLT: 1.0, DELVIS: rules.partly_score, EJ_UPPFYLLT: 0.0}[status]


def roll_up(inputs: list[tuple[str, float]], rules: Rules) -> dict:
    """Computed status, score and coverage of one goal from its (status, weight) inputs."""
    assessable = [(s, w) for s, w in inputs if s in ASSESSABLE]
    total = sum(w for _, w in inputs)
    assessable_weight = sum(w for _, w in assessable)
    coverage = assessable_weight / total if inputs else None
    score = (
        sum(w * score_of(s, rules) for s, w in assessable) / assessable_weight
        if assessable
        else None
    )
    result = {"score": score, "coverage": coverage, "n_inputs": len(inputs)}
    result["n_assessable"] = len(assessable)
    if not inputs or not assessable or lt(coverage, rules.min_coverage):
        result["computed_status"] = EJ_BEDOMT
        return result
    if rules.preset in PRESET_THRESHOLDS:
        if ge(score, rules.full_threshold):
            status = UPPFYLLT
        elif ge(score, rules.partial_threshold):
            status = DELVIS
        else:
            status = EJ_UPPFYLLT
    elif rules.preset == "all":
        if all(s == UPPFYLLT for s, _ in assessable):
            status = UPPFYLLT
        elif gt(score, 0.0):
            status = DELVIS
        else:
            status = EJ_UPPFYLLT
    elif rules.preset == "worst_of":
        status = min((s for s, _ in assessable), key=_STATUS_RANK.__getitem__)
    else:
        raise ValueError(f"unknown preset {rules.preset!r}")
    result["computed_status"] = status
    return result


# --- the whole evaluation --------------------------------------------------------------------


@dataclass
class Result:
    indicator_status: dict[tuple, dict]
    goal_status: dict[tuple, dict]


def warehouse_periods(model: Model) -> list[Period]:
    """The evaluated periods: every period that has outcomes or assessments, by end date.

    A period that only has targets lies ahead and is not evaluated. An outcome row with an
    empty value still makes its period one that has outcomes.
    """
    codes = {parse_period(x.period).code for x in (*model.outcomes, *model.assessments)}
    return sorted((parse_period(c) for c in codes), key=lambda p: (p.end, p.code))


def heights(goals: list[Goal]) -> dict[str, int]:
    """Length of the longest path down to a goal without children."""
    children: dict[str, list[str]] = {g.goal_id: [] for g in goals}
    for g in goals:
        for parent in g.parent_ids:
            children[parent].append(g.goal_id)
    memo: dict[str, int] = {}

    def height(goal_id: str) -> int:
        if goal_id not in memo:
            memo[goal_id] = max((1 + height(c) for c in children[goal_id]), default=0)
        return memo[goal_id]

    return {g.goal_id: height(g.goal_id) for g in goals}


def evaluate_period(model: Model, period: Period | str, rules: Rules | None = None) -> Result:
    """Indicator and goal statuses of every goal valid in one period."""
    period = parse_period(period) if isinstance(period, str) else period
    rules = rules or Rules.from_settings(model.settings)
    valid = {g.goal_id: g for g in model.goals if g.valid_in(period)}
    assessed = {a.goal_id: a.status for a in model.assessments if parse_period(a.period) == period}

    indicator_status: dict[tuple, dict] = {}
    inputs: dict[str, list[tuple[str, float]]] = {goal_id: [] for goal_id in valid}
    for link in model.links:
        if link.goal_id not in valid:
            continue
        for key, row in indicator_rows(model, rules, link, period):
            inputs[link.goal_id].append((row["status"], row.pop("_weight")))
            indicator_status[key] = row

    goal_status: dict[tuple, dict] = {}
    height = heights(model.goals)
    for goal_id in sorted(valid, key=lambda g: (height[g], g)):  # bottom-up, one height a pass
        goal_inputs = list(inputs[goal_id])
        for child in model.goals:
            if goal_id in child.parent_ids and child.goal_id in valid:
                effective = goal_status[(child.goal_id, period.code)]["effective_status"]
                goal_inputs.append((effective, child.weight))
        row = {"goal_id": goal_id, "period": period.code, **roll_up(goal_inputs, rules)}
        row["assessed_status"] = assessed.get(goal_id)
        row["effective_status"] = row["assessed_status"] or row["computed_status"]
        goal_status[(goal_id, period.code)] = row
    return Result(indicator_status, goal_status)


def evaluate(model: Model) -> Result:
    """Both tables for every evaluated period of the warehouse."""
    rules = Rules.from_settings(model.settings)
    result = Result({}, {})
    for period in warehouse_periods(model):
        one = evaluate_period(model, period, rules)
        result.indicator_status.update(one.indicator_status)
        result.goal_status.update(one.goal_status)
    return result
