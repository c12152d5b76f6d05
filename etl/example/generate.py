"""Generating the whole example: model, synthetic series, targets, assessments, files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from etl.example.assessments import Assessment, assessment_rows, generate_assessments
from etl.example.config import ASSESSMENT_PERIODS
from etl.example.model import MODEL_DIR, read_assignments, read_model
from etl.example.series import generate_outcomes
from etl.example.tables import Row, model_tables, readme_text, write_csv_tables
from etl.example.targets import generate_targets

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "example"


def build_tables(model_dir: Path = MODEL_DIR) -> tuple[dict[str, list[Row]], list[Assessment]]:
    """All tables of the example source, keyed by table name, plus the raw assessments."""
    model = read_model(model_dir)
    tables = model_tables(model, generate_targets(model), generate_outcomes(model))
    assessments = generate_assessments(model, tables)
    rows = {**tables, "assessments": assessment_rows(model, assessments)}
    return {**rows, **read_assignments(model_dir)}, assessments


def write_example(out_dir: Path) -> dict[str, int]:
    """Generate the example and write it to out_dir; returns the row count per table."""
    return write_tables(build_tables()[0], out_dir)


def write_tables(tables: dict[str, list[Row]], out_dir: Path) -> dict[str, int]:
    """Write one CSV per table plus the README."""
    counts = write_csv_tables(tables, out_dir)
    (out_dir / "README.md").write_text(readme_text(tables), encoding="utf-8", newline="\n")
    return counts


def status_summary(assessments: Sequence[Assessment]) -> str:
    """Computed and final statuses per report period, for tuning the synthetic series."""
    lines = []
    for report in ASSESSMENT_PERIODS:
        of_report = [a for a in assessments if a.period == report]
        computed = Counter(a.computed for a in of_report)
        final = Counter(a.status for a in of_report)
        differ = sum(a.computed != a.status for a in of_report)
        lines.append(
            f"{report:8} n={len(of_report):3}  computed {dict(sorted(computed.items()))}  "
            f"final {dict(sorted(final.items()))}  differ={differ}"
        )
    return "\n".join(lines)
