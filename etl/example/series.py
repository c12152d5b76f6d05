"""Synthetic outcomes: a seeded random series per indicator, subject and gender."""

from __future__ import annotations

import random
from dataclasses import dataclass

from etl.example.config import (
    INTERNAL_PERIODS,
    KOLADA_YEARS,
    MUNICIPALITY_CODE,
    PEER_GROUP,
    RIKET,
    SEED,
    SUBJECTS,
    period_time,
    period_year,
)
from etl.example.model import ExampleModel, Indicator


@dataclass(frozen=True)
class Outcome:
    indicator_id: str
    period: str
    subject: str
    gender: str
    value: float | None


def seeded(*parts: str) -> random.Random:
    """A generator seeded from the identity of what it draws.

    One generator per series, so that adding an indicator or a subject never changes the values
    of the others. String seeds hash with SHA-512 and are stable across runs and processes.
    """
    return random.Random(":".join((str(SEED), *parts)))


def generate_outcomes(model: ExampleModel) -> list[Outcome]:
    """Every outcome row: Kolada-type indicators for all subjects, internal ones for 9999."""
    outcomes: list[Outcome] = []
    for indicator in model.indicators:
        subjects = SUBJECTS if indicator.is_kolada else (MUNICIPALITY_CODE,)
        for subject in subjects:
            by_gender = _gender_series(indicator, subject, _series(indicator, subject))
            for gender, values in by_gender.items():
                for period, raw in values.items():
                    value = None
                    if not _is_missing(indicator, period, subject):
                        value = round(_clamp(indicator, raw), indicator.decimals)
                    outcomes.append(Outcome(indicator.indicator_id, period, subject, gender, value))
    return outcomes


def _shift(indicator: Indicator, year: int) -> float:
    return sum(delta for first, last, delta in indicator.series.shifts if first <= year <= last)


def _noise(rng: random.Random, sd: float, count: int, phi: float = 0.6) -> list[float]:
    """AR(1) noise: real series drift rather than jump independently from period to period."""
    values: list[float] = []
    state = 0.0
    for _ in range(count):
        state = phi * state + (1 - phi**2) ** 0.5 * rng.gauss(0.0, sd)
        values.append(state)
    return values


def _clamp(indicator: Indicator, value: float) -> float:
    if indicator.unit == "%":
        return min(max(value, 0.0), 100.0)
    if indicator.unit == "mnkr":
        return value  # budget deviations and results can be negative
    return max(value, 0.0)


def _periods_of(indicator: Indicator) -> tuple[str, ...]:
    if indicator.is_kolada:
        return tuple(str(year) for year in KOLADA_YEARS)
    last = indicator.series.last_period
    periods = INTERNAL_PERIODS
    return periods[: periods.index(last) + 1] if last else periods


def _level(indicator: Indicator, subject: str, period: str) -> float:
    """The noise-free level of a series in a period."""
    model = indicator.series
    elapsed = period_time(period) - period_time(_periods_of(indicator)[0])
    seasonal = model.seasonal[int(period[-1]) - 1] if "-T" in period else 0.0
    if subject == MUNICIPALITY_CODE:
        base = model.start + model.trend * elapsed
    elif subject == PEER_GROUP and model.peer_start is not None:
        base = model.peer_start + model.trend * elapsed
    else:
        if model.riket is None:
            raise ValueError(f"{indicator.indicator_id}: comparison series need a riket level")
        base = model.riket + model.riket_trend * elapsed
        if subject == PEER_GROUP:
            base += model.peer
    return base + _shift(indicator, period_year(period)) + seasonal


def _series(indicator: Indicator, subject: str) -> dict[str, float]:
    """The gender-total series of one subject, before rounding and gaps."""
    model = indicator.series
    periods = _periods_of(indicator)
    # Comparison series are averages over many municipalities, so they are much smoother.
    scale = {MUNICIPALITY_CODE: 1.0, RIKET: 0.3, PEER_GROUP: 0.5}[subject]
    rng = seeded(indicator.indicator_id, subject, "T")
    noise = _noise(rng, model.noise * scale, len(periods))
    values = {p: _level(indicator, subject, p) + e for p, e in zip(periods, noise, strict=True)}
    if model.held_from:
        # Election results are repeated every year until the next election, as in Kolada.
        for period in periods:
            year = period_year(period)
            election = max(y for y in model.held_from if y <= year)
            values[period] = _level(indicator, subject, str(election))
    return values


def _gender_series(
    indicator: Indicator, subject: str, total: dict[str, float]
) -> dict[str, dict[str, float]]:
    """T plus, for indicators divided by gender, K and M around it."""
    model = indicator.series
    series = {"T": total}
    if not indicator.by_gender:
        return series
    if model.women_share is not None:
        series["K"] = {p: v * model.women_share for p, v in total.items()}
        series["M"] = {p: v - series["K"][p] for p, v in total.items()}
        return series
    wobble = 0.0 if model.held_from else model.noise * 0.6
    for gender, sign in (("K", 0.5), ("M", -0.5)):
        rng = seeded(indicator.indicator_id, subject, gender)
        series[gender] = {
            p: v + sign * model.gender_gap + rng.gauss(0.0, wobble) for p, v in total.items()
        }
    return series


def _is_missing(indicator: Indicator, period: str, subject: str) -> bool:
    if period in indicator.series.missing:
        return True
    return subject == MUNICIPALITY_CODE and period in indicator.series.missing_own
