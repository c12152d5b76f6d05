"""Generate the fictional example municipality "Sjöviks kommun" in interchange format v1.

Sjöviks kommun does not exist. Its organisation and goal chain are invented, and every outcome,
target and assessment is synthetic: drawn from seeded random series, so that the dashboard has
something realistic to show without any real data. Indicator ids and titles of the Kolada-type
indicators are real Kolada KPI ids and titles; their values are not, and must never be credited
to Kolada. The municipality code 9999 and the comparison group G99999 are fictional too.

What is chosen by hand (organisation, goals, indicators and the parameters of their series,
links, targets, goal-specific sentences, deliberate overrides) is in the CSV files of
``etl/example/model/``; this package only synthesises the series and the texts. The statuses
that the assessments describe come from the dashboard's own engine (``statuses.py``).

The output is byte-identical on every run: all randomness comes from ``random.Random`` seeded
per series with a fixed seed, and every table is written in a fixed order.

Usage::

    python -m etl.example [--out DIR] [--summary]
"""

from etl.example.generate import build_tables, write_example

__all__ = ["build_tables", "write_example"]
