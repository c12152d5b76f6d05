"""The rule parameters of the engine, read from the warehouse's settings."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

import warehouse
from attainment.vocabulary import PRESETS

EPSILON = 1e-9  # absolute tolerance of every comparison (docs/rules.md)


@dataclass(frozen=True)
class Rules:
    municipality: str = "0000"
    preset: str = "two_thirds"
    full_threshold: float = 2 / 3
    partial_threshold: float = 1 / 3
    partly_score: float = 0.5
    min_coverage: float = 0.5
    max_outcome_age_years: float = 1.0

    @classmethod
    def from_settings(cls, settings: dict[str, str]) -> Rules:
        """Rules from settings key/value text; explicit thresholds override the preset's."""
        preset = settings.get("rule_preset", cls.preset)
        full, partial = PRESETS[preset].full_threshold, PRESETS[preset].partial_threshold

        def number(key: str, default: float) -> float:
            return float(settings[key]) if key in settings else default

        return cls(
            municipality=settings.get("municipality_code", cls.municipality),
            preset=preset,
            full_threshold=number("full_threshold", full),
            partial_threshold=number("partial_threshold", partial),
            partly_score=number("partly_score", cls.partly_score),
            min_coverage=number("min_coverage", cls.min_coverage),
            max_outcome_age_years=number("max_outcome_age_years", cls.max_outcome_age_years),
        )

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Rules:
        return cls.from_settings(dict(warehouse.rows(con, "engine/settings")))
