"""The hand-written model of Sjöviks kommun, read from the CSV files in etl/example/model/.

The files hold everything that is chosen rather than generated: the organisation, the goal
chain, the indicators with the parameters of their synthetic series, which indicators measure
which goal, the targets, and the goal-specific sentences of the assessments. Their columns are
described in etl/example/model/README.md.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from etl.example.config import GOAL_YEARS
from etl.schema import TABLES

MODEL_DIR = Path(__file__).resolve().parent / "model"

# Kolada-type indicators keep their real KPI id and title; the description always says that
# the values are not Kolada's, so the model files cannot leave it out.
KOLADA_DESCRIPTION = "Kolada-nyckeltal {kpi}. Värdena i exemplet är syntetiska, inte Koladas."


@dataclass(frozen=True)
class Org:
    org_id: str
    name: str
    type: str
    parent_id: str
    short_name: str
    annual_report_day: int | None  # the day in February it adopts the årsredovisning's assessments
    interim_report_date: str  # the date it adopts the assessments of the latest delårsrapport


@dataclass(frozen=True)
class Goal:
    goal_id: str
    title: str
    level: str
    parents: tuple[str, ...]
    responsible: tuple[str, ...]
    valid_from: int
    valid_to: int | None
    description: str
    agenda2030: str
    public: bool
    weight: int

    def valid_in(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


@dataclass(frozen=True)
class SeriesModel:
    """Parameters of a synthetic series: start + trend * years + shifts + seasonal + noise.

    Years are counted from the first generated period (2017 for Kolada-type indicators, 2019-T1
    for internal ones). `riket` and `riket_trend` give the 0000 series; `peer` places the
    fictional peer group relative to riket.
    """

    start: float
    trend: float = 0.0
    noise: float = 0.0
    riket: float | None = None
    riket_trend: float = 0.0
    peer: float = 0.0
    peer_start: float | None = None  # absolute peer level, for counts that riket dwarfs
    gender_gap: float = 0.0  # women minus men, in the indicator's unit
    women_share: float | None = None  # for counts split by gender (population)
    shifts: tuple[tuple[int, int, float], ...] = ()  # (from year, to year, delta)
    seasonal: tuple[float, float, float] = (0.0, 0.0, 0.0)  # added in T1, T2, T3
    held_from: tuple[int, ...] = ()  # years a value is measured and then repeated (elections)
    missing: frozenset[str] = frozenset()  # periods without a value for any subject
    missing_own: frozenset[str] = frozenset()  # periods without a value for the municipality
    last_period: str | None = None  # a series that stopped: nothing after this period


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    title: str
    direction: str
    unit: str
    decimals: int
    source: str
    public: bool
    by_gender: bool
    point_in_time: bool  # a state at the end of a tertial ("per 31 augusti"), not a flow
    phrase: str  # definite Swedish noun phrase used as a subject in generated analysis texts
    description: str
    series: SeriesModel

    @property
    def is_kolada(self) -> bool:
        return self.source == "kolada"


@dataclass(frozen=True)
class Link:
    goal_id: str
    indicator_id: str
    weight: int


@dataclass(frozen=True)
class TargetSpec:
    """The target of one goal, indicator and gender; `value` is the 2019 level, moved by `step`
    per year. It applies in every year the goal is valid."""

    goal_id: str
    indicator_id: str
    gender: str
    comparator: str
    value: float | None = None
    step: float = 0.0
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None

    def value_in(self, year: int) -> float | None:
        return None if self.value is None else self.value + self.step * (year - GOAL_YEARS[0])


@dataclass(frozen=True)
class Notes:
    """Goal-specific sentences for the analysis: what helps, what hinders, what is done, and
    (optionally) why the goal cannot be assessed for lack of current data."""

    positive: str
    negative: str
    actions: str
    no_data: str


@dataclass(frozen=True)
class ExampleModel:
    organisation: tuple[Org, ...]
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    links: tuple[Link, ...]
    targets: tuple[TargetSpec, ...]
    notes: dict[str, Notes]
    # Statuses of goals without indicators, set on the nämnd's own follow-up: (goal, period).
    manual_status: dict[tuple[str, str], str]
    # Assessments that move the computed status `shift` steps: (goal, period) -> (shift, reason).
    overrides: dict[tuple[str, str], tuple[int, str]]

    @functools.cached_property
    def org_by_id(self) -> dict[str, Org]:
        return {org.org_id: org for org in self.organisation}

    @functools.cached_property
    def goal_by_id(self) -> dict[str, Goal]:
        return {goal.goal_id: goal for goal in self.goals}

    @functools.cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {indicator.indicator_id: indicator for indicator in self.indicators}

    @functools.cached_property
    def goal_order(self) -> dict[str, int]:
        return {goal.goal_id: n for n, goal in enumerate(self.goals)}

    @functools.cached_property
    def indicator_order(self) -> dict[str, int]:
        return {indicator.indicator_id: n for n, indicator in enumerate(self.indicators)}

    @functools.cached_property
    def link_order(self) -> dict[tuple[str, str], int]:
        return {(link.goal_id, link.indicator_id): n for n, link in enumerate(self.links)}

    @functools.cached_property
    def children(self) -> dict[str, list[str]]:
        """The child goals of each goal, in goal order."""
        found: dict[str, list[str]] = {}
        for goal in self.goals:
            for parent in goal.parents:
                found.setdefault(parent, []).append(goal.goal_id)
        return found


def read_model(folder: Path = MODEL_DIR) -> ExampleModel:
    """Read every model file in ``folder``; raise ValueError on a file with unexpected columns."""
    return ExampleModel(
        organisation=tuple(_org(row) for row in _read(folder, "organisation", ORG_COLUMNS)),
        goals=tuple(_goal(row) for row in _read(folder, "goals", GOAL_COLUMNS)),
        indicators=_indicators(folder),
        links=tuple(
            Link(row["goal_id"], row["indicator_id"], int(row["weight"]))
            for row in _read(folder, "goal_indicators", ("goal_id", "indicator_id", "weight"))
        ),
        targets=tuple(_target(row) for row in _read(folder, "targets", TARGET_COLUMNS)),
        notes={
            row["goal_id"]: Notes(row["positive"], row["negative"], row["actions"], row["no_data"])
            for row in _read(folder, "goal_notes", NOTE_COLUMNS)
        },
        manual_status={
            (row["goal_id"], row["period"]): row["status"]
            for row in _read(folder, "manual_status", ("goal_id", "period", "status"))
        },
        overrides={
            (row["goal_id"], row["period"]): (int(row["shift"]), row["reason"])
            for row in _read(folder, "overrides", ("goal_id", "period", "shift", "reason"))
        },
    )


ORG_COLUMNS = (
    "org_id", "name", "type", "parent_id", "short_name", "annual_report_day",
    "interim_report_date",
)  # fmt: skip
GOAL_COLUMNS = (
    "goal_id", "title", "level", "parent_ids", "responsible", "valid_from", "valid_to",
    "description", "agenda2030", "public", "weight",
)  # fmt: skip
INDICATOR_COLUMNS = (
    "indicator_id", "title", "direction", "unit", "decimals", "source", "public", "by_gender",
    "point_in_time", "phrase", "description",
)  # fmt: skip
SERIES_NUMBERS = (
    "start", "trend", "noise", "riket", "riket_trend", "peer", "peer_start", "gender_gap",
    "women_share",
)  # fmt: skip
SERIES_COLUMNS = (
    "indicator_id", *SERIES_NUMBERS, "shifts", "seasonal", "held_from", "missing",
    "missing_own", "last_period",
)  # fmt: skip
TARGET_COLUMNS = (
    "goal_id", "indicator_id", "gender", "comparator", "value", "step", "tolerance", "low", "high",
)  # fmt: skip
NOTE_COLUMNS = ("goal_id", "positive", "negative", "actions", "no_data")


def read_assignments(folder: Path = MODEL_DIR) -> dict[str, list[dict[str, str]]]:
    """The hand-written särskilda uppdrag and their reports, and the forecasts, in the
    format's columns, written to the example as they are."""
    return {
        name: _read(folder, name, tuple(column.name for column in TABLES[name].columns))
        for name in ("assignments", "assignment_status", "forecasts")
    }


def _read(folder: Path, name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    path = folder / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise ValueError(f"{path}: the columns must be {', '.join(columns)}")
        return list(reader)


def _yes(text: str) -> bool:
    if text not in ("ja", "nej"):
        raise ValueError(f"expected ja or nej, got {text!r}")
    return text == "ja"


def _number(text: str) -> float | None:
    return float(text) if text else None


def _list(text: str) -> list[str]:
    return text.split(";") if text else []


def _org(row: dict[str, str]) -> Org:
    day = row["annual_report_day"]
    return Org(
        row["org_id"],
        row["name"],
        row["type"],
        row["parent_id"],
        row["short_name"],
        int(day) if day else None,
        row["interim_report_date"],
    )


def _goal(row: dict[str, str]) -> Goal:
    return Goal(
        row["goal_id"],
        row["title"],
        row["level"],
        tuple(_list(row["parent_ids"])),
        tuple(_list(row["responsible"])),
        int(row["valid_from"]),
        int(row["valid_to"]) if row["valid_to"] else None,
        row["description"],
        row["agenda2030"],
        _yes(row["public"]),
        int(row["weight"]),
    )


def _indicators(folder: Path) -> tuple[Indicator, ...]:
    series = {row["indicator_id"]: row for row in _read(folder, "series", SERIES_COLUMNS)}
    indicators = []
    for row in _read(folder, "indicators", INDICATOR_COLUMNS):
        indicator_id = row["indicator_id"]
        description = row["description"]
        if row["source"] == "kolada":
            if description:
                raise ValueError(f"{indicator_id}: a Kolada-type description is generated")
            description = KOLADA_DESCRIPTION.format(kpi=indicator_id)
        if indicator_id not in series:
            raise ValueError(f"{indicator_id}: no row in series.csv")
        indicators.append(
            Indicator(
                indicator_id,
                row["title"],
                row["direction"],
                row["unit"],
                int(row["decimals"]),
                row["source"],
                _yes(row["public"]),
                _yes(row["by_gender"]),
                _yes(row["point_in_time"]),
                row["phrase"],
                description,
                _series(series.pop(indicator_id)),
            )
        )
    if series:
        raise ValueError(f"series.csv has rows for unknown indicators: {sorted(series)}")
    return tuple(indicators)


def _series(row: dict[str, str]) -> SeriesModel:
    """A row of series.csv; an empty cell keeps the default (0, or no such series)."""
    numbers = {name: float(row[name]) for name in SERIES_NUMBERS if row[name]}
    shifts = []
    for item in _list(row["shifts"]):  # "2020-2021:1.5" adds 1.5 in 2020 and 2021
        years, delta = item.split(":")
        first, last = years.split("-")
        shifts.append((int(first), int(last), float(delta)))
    seasonal = tuple(float(v) for v in _list(row["seasonal"])) or (0.0, 0.0, 0.0)
    if len(seasonal) != 3:
        raise ValueError(f"{row['indicator_id']}: seasonal needs three values (T1;T2;T3)")
    return SeriesModel(
        **numbers,
        shifts=tuple(shifts),
        seasonal=seasonal,  # type: ignore[arg-type]
        held_from=tuple(int(year) for year in _list(row["held_from"])),
        missing=frozenset(_list(row["missing"])),
        missing_own=frozenset(_list(row["missing_own"])),
        last_period=row["last_period"] or None,
    )


def _target(row: dict[str, str]) -> TargetSpec:
    return TargetSpec(
        row["goal_id"],
        row["indicator_id"],
        row["gender"],
        row["comparator"],
        value=_number(row["value"]),
        step=_number(row["step"]) or 0.0,
        tolerance=_number(row["tolerance"]) or 0.0,
        low=_number(row["low"]),
        high=_number(row["high"]),
    )
