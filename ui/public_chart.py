"""The public Indikator page's chart, with everything made from the same rows: the chart in
words, the notes under it, the values as a table and their CSV.

All of it depends only on the indicator, the kind of period, the goal whose targets are drawn
and the build, never on the session, so it is made once per build and shared by every session:
without the cache, a click on the page spent most of its CPU rebuilding the same figure and
texts (docs/performance.md, "Load"). ``st.cache_resource`` shares the objects themselves:
``st.cache_data`` would copy them on every read, and copying a plotly figure back from a pickle
validates it again, which costs about what building it does. Nothing that reads them changes
them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import charts, downloads, public_text, public_view
from ui import format as fmt
from ui import indicator_view as view
from ui.data import build, fetch


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    words: str  # the chart in words: its accessible name, and shown under it
    source_notes: list[str]  # Markdown: where the values come from
    more_notes: list[str]  # Markdown: targets said in words, the comparison group
    table: pd.DataFrame  # the values, every cell shown as written
    csv: bytes  # the values for Swedish Excel


def indicator_chart(
    indicator: str,
    goal: str | None,
    period_type: str,
    *,
    decimals: int,
    unit: str | None,
    direction: str | None,
    source: str | None,
) -> Chart:
    """The chart of ``indicator`` per ``period_type``, with the targets of ``goal``."""
    return _indicator_chart(indicator, goal, period_type, decimals, unit, direction, source,
                            *build())  # fmt: skip


@st.cache_resource(max_entries=1024, show_spinner=False)
def _indicator_chart(
    indicator: str,
    goal: str | None,
    period_type: str,
    decimals: int,
    unit: str | None,
    direction: str | None,
    source: str | None,
    path: str,
    version: str,
) -> Chart:
    targets = fetch(
        "app/indicator_targets", indicator=indicator, goal=goal, period_type=period_type
    )
    series = fetch(
        "app/indicator_series",
        indicator=indicator,
        period_type=period_type,
        max_points=charts.MAX_POINTS - len(targets),
    )
    words = public_text.trend_text(
        series,
        targets,
        direction=direction,
        decimals=decimals,
        unit=unit,
        labels=public_view.period_names(),
    )
    more_notes = view.target_notes(targets)
    if series.role.eq("grupp").any():
        more_notes.append(
            "Jämförelsegruppen är ett ovägt medelvärde av liknande kommuner, som i Kolada."
        )
    table = view.value_table(series, decimals, unit)
    return Chart(
        figure=view.figure(series, targets, decimals=decimals, unit=unit),
        words=words,
        source_notes=view.source_notes(series, source),
        more_notes=more_notes,
        table=table.map(lambda cell: fmt.literal(str(cell))),
        csv=downloads.shown_csv_bytes(table),
    )
