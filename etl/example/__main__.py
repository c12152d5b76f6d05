"""``python -m etl.example``: generate the example municipality into data/example/."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from etl.example.generate import DEFAULT_OUT, build_tables, status_summary, write_tables


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m etl.example",
        description="Generate the fictional example municipality Sjöviks kommun (synthetic data).",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})"
    )
    parser.add_argument(
        "--summary", action="store_true", help="also print the assessment statuses per period"
    )
    args = parser.parse_args(argv)
    tables, assessments = build_tables()
    counts = write_tables(tables, args.out)
    for name, count in counts.items():
        print(f"{name}.csv: {count} rows")
    if args.summary:
        print(status_summary(assessments))


if __name__ == "__main__":
    main()
