"""Target rows: each target of the model, in every year its goal is valid."""

from __future__ import annotations

from dataclasses import dataclass

from etl.example.config import GOAL_YEARS, period_year
from etl.example.model import ExampleModel, TargetSpec


@dataclass(frozen=True)
class Target:
    spec: TargetSpec
    period: str
    decimals: int

    def value(self) -> float | None:
        value = self.spec.value_in(period_year(self.period))
        return None if value is None else round(value, self.decimals)


def generate_targets(model: ExampleModel) -> list[Target]:
    """One target per target of the model and year in which its goal is valid."""
    targets: list[Target] = []
    for spec in model.targets:
        if (spec.goal_id, spec.indicator_id) not in model.link_order:
            raise ValueError(f"target for {spec.goal_id}/{spec.indicator_id}, which is no link")
        goal = model.goal_by_id[spec.goal_id]
        decimals = model.indicator_by_id[spec.indicator_id].decimals
        for year in GOAL_YEARS:
            if goal.valid_in(year):
                targets.append(Target(spec, str(year), decimals))
    return targets
