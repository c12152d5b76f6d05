"""The tables of the example source as rows of text, and writing them as CSV files."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from etl.example.config import (
    ASSESSMENT_PERIODS,
    DATA_NOTICE,
    GENDER_ORDER,
    INTERNAL_PERIODS,
    KOLADA_YEARS,
    LATEST_TERTIAL,
    MUNICIPALITY_CODE,
    MUNICIPALITY_NAME,
    PEER_GROUP,
    RIKET,
    SOURCE_LABEL,
    SUBJECTS,
    period_end,
)
from etl.example.model import ExampleModel
from etl.example.series import Outcome
from etl.example.targets import Target
from etl.schema import TABLES

Row = dict[str, str]


def yes_no(value: bool) -> str:
    return "ja" if value else "nej"


def number(value: float | None, decimals: int) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def model_tables(
    model: ExampleModel, targets: Sequence[Target], outcomes: Sequence[Outcome]
) -> dict[str, list[Row]]:
    """Every table of the example source except the assessments, keyed by table name."""
    return {
        "settings": settings_rows(),
        "organisation": organisation_rows(model),
        "goals": goal_rows(model),
        "indicators": indicator_rows(model),
        "goal_indicators": goal_indicator_rows(model),
        "targets": target_rows(model, targets),
        "outcomes": outcome_rows(model, outcomes),
    }


def settings_rows() -> list[Row]:
    return [
        {"key": "municipality_code", "value": MUNICIPALITY_CODE},
        {"key": "municipality_name", "value": MUNICIPALITY_NAME},
        {"key": "data_notice", "value": DATA_NOTICE},
        {"key": "rule_preset", "value": "two_thirds"},
    ]


def organisation_rows(model: ExampleModel) -> list[Row]:
    return [
        {
            "org_id": o.org_id,
            "name": o.name,
            "type": o.type,
            "parent_id": o.parent_id,
            "short_name": o.short_name,
        }
        for o in model.organisation
    ]


def goal_rows(model: ExampleModel) -> list[Row]:
    return [
        {
            "goal_id": g.goal_id,
            "title": g.title,
            "level": g.level,
            "parent_ids": ";".join(g.parents),
            "responsible": ";".join(g.responsible),
            "valid_from": str(g.valid_from),
            "valid_to": "" if g.valid_to is None else str(g.valid_to),
            "description": g.description,
            "agenda2030": g.agenda2030,
            "public": yes_no(g.public),
            "weight": str(g.weight),
        }
        for g in model.goals
    ]


def indicator_rows(model: ExampleModel) -> list[Row]:
    return [
        {
            "indicator_id": i.indicator_id,
            "title": i.title,
            "direction": i.direction,
            "unit": i.unit,
            "decimals": str(i.decimals),
            "source": i.source,
            "kolada_kpi": i.indicator_id if i.is_kolada else "",
            "description": i.description,
            "public": yes_no(i.public),
        }
        for i in model.indicators
    ]


def goal_indicator_rows(model: ExampleModel) -> list[Row]:
    return [
        {"goal_id": link.goal_id, "indicator_id": link.indicator_id, "weight": str(link.weight)}
        for link in model.links
    ]


def target_rows(model: ExampleModel, targets: Iterable[Target]) -> list[Row]:
    ordered = sorted(
        targets,
        key=lambda t: (
            model.goal_order[t.spec.goal_id],
            model.indicator_order[t.spec.indicator_id],
            GENDER_ORDER.index(t.spec.gender),
            t.period,
        ),
    )
    rows = []
    for t in ordered:
        spec = t.spec
        rows.append(
            {
                "goal_id": spec.goal_id,
                "indicator_id": spec.indicator_id,
                "period": t.period,
                "comparator": spec.comparator,
                "value": number(t.value(), t.decimals),
                "low": number(spec.low, t.decimals),
                "high": number(spec.high, t.decimals),
                "tolerance": number(spec.tolerance, t.decimals) if spec.tolerance else "",
                "subject": MUNICIPALITY_CODE,
                "gender": spec.gender,
            }
        )
    return rows


def outcome_rows(model: ExampleModel, outcomes: Iterable[Outcome]) -> list[Row]:
    ordered = sorted(
        outcomes,
        key=lambda o: (
            model.indicator_order[o.indicator_id],
            SUBJECTS.index(o.subject),
            GENDER_ORDER.index(o.gender),
            period_end(o.period),
        ),
    )
    return [
        {
            "indicator_id": o.indicator_id,
            "period": o.period,
            "value": number(o.value, model.indicator_by_id[o.indicator_id].decimals),
            "subject": o.subject,
            "gender": o.gender,
            "preliminary": yes_no(o.period == LATEST_TERTIAL),
            "source": SOURCE_LABEL,
        }
        for o in ordered
    ]


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            unknown = set(row) - set(columns)
            if unknown:
                raise ValueError(f"{path.name}: columns not in the schema: {sorted(unknown)}")
            writer.writerow([row.get(column, "") for column in columns])
            count += 1
    return count


def write_csv_tables(tables: dict[str, list[Row]], out_dir: Path) -> dict[str, int]:
    """Write one CSV per table, with the schema's columns in order; returns the row counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name, rows in tables.items():
        columns = [column.name for column in TABLES[name].columns]
        counts[name] = write_csv(out_dir / f"{name}.csv", columns, rows)
    return counts


def readme_text(tables: dict[str, list[Row]]) -> str:
    """The English README of the example folder, with counts taken from the tables."""
    levels = Counter(row["level"] for row in tables["goals"])
    kolada = sum(row["source"] == "kolada" for row in tables["indicators"])
    nämnd_bodies = {row["responsible"] for row in tables["goals"] if row["level"] == "nämndmål"}
    replaced = [row["goal_id"] for row in tables["goals"] if row["valid_to"] == "2022"]
    overrides = sum(row["override_reason"] != "" for row in tables["assessments"])
    lines = [
        "# Example data: Sjöviks kommun (fictional)",
        "",
        "This folder is a complete source in interchange format v1 (see `etl/schema.py`).",
        "",
        "**Everything here is fictional and synthetic.** Sjöviks kommun does not exist; its",
        f"municipality code {MUNICIPALITY_CODE} is not used by any real kommun. All outcomes,",
        "targets and assessments were generated by `python -m etl.example` from seeded random",
        f"series. The comparison series for riket ({RIKET}) and for the peer group {PEER_GROUP}",
        "(a fictional group of similar municipalities) are invented as well.",
        "",
        "Indicators with `source = kolada` carry real Kolada KPI ids and titles so that the ETL",
        "and the dashboard can be shown with realistic metadata, but their **values are not",
        'Kolada\'s**. Never credit these values to Kolada ("Källa: Kolada") or present them as',
        "statistics about any real municipality. Every outcome row has",
        f"`source = {SOURCE_LABEL}`.",
        "",
        "Do not edit these files by hand. Change the hand-written model in `etl/example/model/`",
        "(or the generator in `etl/example/`) and regenerate:",
        "",
        "```",
        "python -m etl.example            # writes data/example/",
        "python -m etl.example --out DIR  # writes somewhere else",
        "python -m etl.example --summary  # also prints the assessment statuses per period",
        "```",
        "",
        "The output is byte-identical on every run (`tests/test_example_data.py` checks it).",
        "",
        "## Contents",
        "",
        "| file | data rows |",
        "|---|---:|",
        *(f"| `{name}.csv` | {len(rows)} |" for name, rows in tables.items()),
        "",
        f"- Goal chain: {levels['vision']} vision, {levels['område']} areas (område), "
        f"{levels['kf-mål']} KF goals,",
        f"  {levels['nämndmål']} nämnd goals set by {len(nämnd_bodies)} bodies (six nämnder, "
        "kommunstyrelsen and",
        f"  the housing company) and {levels['verksamhetsmål']} verksamhetsmål. Two mandate "
        "periods, 2019–2022 and",
        f"  2023–2026; the KF goals {', '.join(replaced[:3])} were replaced at the 2023 mandate.",
        f"- {len(tables['indicators'])} indicators: {kolada} Kolada-type (yearly outcomes "
        f"{KOLADA_YEARS[0]}–{KOLADA_YEARS[-1]}",
        "  for 9999, 0000 and G99999, by gender where Kolada divides the KPI by gender) and",
        f"  {len(tables['indicators']) - kolada} internal ones (tertial outcomes "
        f"{INTERNAL_PERIODS[0]}–{LATEST_TERTIAL}; the {LATEST_TERTIAL}",
        "  values are marked preliminary).",
        f"- Assessments for the årsredovisningar {', '.join(ASSESSMENT_PERIODS[:-1])} and "
        f"the delårsrapport {LATEST_TERTIAL};",
        f"  {overrides} of them carry an `override_reason`.",
        "",
        "Deliberate data-quality cases, so that those pages have something to show:",
        "",
        "- nämnd goals without indicators (SN5, KFN4, MBN4) and goal–indicator links without",
        "  targets (for example KS8);",
        "- empty outcome values (for example U21468 and U23471 in 2021, when the survey was not",
        "  carried out);",
        "- an indicator whose latest outcome is more than a year old (SB-GC, last 2024-T2);",
        "- assessments that differ from what the indicators say, some with an",
        "  `override_reason` and some without.",
        "",
    ]
    return "\n".join(lines)
