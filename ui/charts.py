"""Plotly figures shared by the pages, built with graph_objects (plotly.express costs ~35 ms a
call on this kind of machine, go ~2 ms). Every status trace is named with its symbol and word,
so the legend never relies on colour alone."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import format as fmt
from ui import status as st_status

FONT = {"family": "Source Sans Pro, sans-serif", "size": 14}
MAX_POINTS = 10_000  # per chart: more makes the browser slow and tells a reader nothing more


def layout(fig: go.Figure, *, height: int = 360, **kwargs) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        font=FONT,
        separators=", ",  # decimal comma, space between thousands (sv-SE)
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        **kwargs,
    )
    return fig


def status_shares(frame: pd.DataFrame, period_labels: dict[str, str]) -> go.Figure:
    """Stacked bars: the share of goals per status in each period."""
    fig = go.Figure()
    periods = list(dict.fromkeys(frame.period))
    for status in st_status.GOAL_STATUSES:
        rows = frame[frame.status == status].set_index("period").reindex(periods)
        style = st_status.style(status)
        fig.add_bar(
            x=[period_labels.get(p, p) for p in periods],
            y=rows.share.fillna(0).tolist(),
            name=st_status.text(status),
            marker_color=style.colour,
            customdata=rows.goal_count.fillna(0).astype(int).tolist(),
            hovertemplate="%{x}<br>"
            + style.label
            + ": %{y:.0%} (%{customdata} mål)<extra></extra>",
        )
    layout(fig, barmode="stack", yaxis={"tickformat": ".0%", "range": [0, 1]})
    return fig


def counts_text(row: pd.Series) -> str:
    """``"✔ 6 · ◐ 4 · ✖ 2 · ○ 0"``: a status distribution as plain text."""
    parts = [
        f"{st_status.style(s).symbol}\u00a0{fmt.number(row[_count_column(s)])}"
        for s in st_status.GOAL_STATUSES
    ]
    return " · ".join(parts)


def _count_column(status: str) -> str:
    return {
        "uppfyllt": "uppfyllt_count",
        "delvis": "delvis_count",
        "ej uppfyllt": "ej_uppfyllt_count",
        "ej bedömt": "ej_bedomt_count",
    }[status]
