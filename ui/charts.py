"""Plotly figures shared by the pages, built with graph_objects (plotly.express costs ~35 ms a
call on this kind of machine, go ~2 ms). Every status trace is named with its symbol and word,
so the legend never relies on colour alone."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from ui import format as fmt
from ui import status as st_status

FONT = {"family": "Source Sans Pro, sans-serif", "size": 14}
MAX_POINTS = 10_000
SUNBURST_DEPTH = 3  # rings shown at a time: more are unreadable and tell a reader nothing more
SUNBURST_MAX_SECTORS = 1500  # goals sent to the browser; deeper rings are left out beyond it
# No modebar (its buttons are English), and no "Double-click to zoom back out" tip either.
CONFIG = {"displayModeBar": False, "displaylogo": False, "showTips": False}


def _template() -> go.layout.Template:
    """plotly_white's look, for the trace types we draw. A figure gets a deep copy of its
    template whenever one is set, and plotly_white's defaults for some forty other trace types
    made those copies more than a third of the time it took to build the indicator chart (12
    of 31 ms), and 3.7 kB of every chart message."""
    white = pio.templates["plotly_white"]
    return go.layout.Template(
        layout=white.layout, data={"bar": white.data.bar, "scatter": white.data.scatter}
    )


TEMPLATE = "rod_trad"
pio.templates[TEMPLATE] = _template()
# Also the template of every new go.Figure, which otherwise starts with a copy of "plotly".
pio.templates.default = TEMPLATE


def layout(fig: go.Figure, *, height: int = 360, **kwargs) -> go.Figure:
    settings = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "font": FONT,
        # The look comes from the default template, TEMPLATE (our own plain look instead of
        # Streamlit's chart theme, see show); setting it here again would copy it again.
        "separators": ", ",  # decimal comma, space between thousands (sv-SE)
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    }
    fig.update_layout(settings | kwargs)
    return fig


def show(fig: go.Figure, *, alt: str | None = None) -> None:
    """Draw a figure on the page. Streamlit's chart theme is switched off: the browser spends
    about 100 ms applying it to every new figure (measured with bench/pages.py on the large
    model), and ``layout`` gives the figures their look. Plotly's buttons are switched off:
    their words ("Download plot as a png", "Zoom", "Autoscale" …) are English; a page that
    offers a chart's data does so with a Swedish download (ui/downloads.py). Dragging still
    zooms and a double click zooms back out. ``alt``: the chart in words, as its accessible
    name for a screen reader."""
    st.plotly_chart(fig, theme=None, config=CONFIG, alt=alt)


def hline(y: float, text: str, *, line: dict, font: dict) -> tuple[dict, dict]:
    """A horizontal reference line across the plot, labelled to its right (as ``add_hline``
    with ``annotation_position="right"`` draws it); for ``reference_lines``."""
    shape = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y}
    label = {"xref": "x domain", "x": 1, "xanchor": "left", "yref": "y", "y": y}
    return shape | {"line": line}, label | _label(text, font, yanchor="middle", align="left")


def vline(x: float, text: str, *, line: dict, font: dict) -> tuple[dict, dict]:
    """A vertical reference line through the plot, labelled at its top right (as ``add_vline``
    with ``annotation_position="top right"`` draws it) along the line: lines a few periods
    apart on a phone would have their labels written over each other; for
    ``reference_lines``."""
    shape = {"type": "line", "xref": "x", "x0": x, "x1": x, "yref": "y domain", "y0": 0, "y1": 1}
    label = {"xref": "x", "x": x, "xanchor": "left", "yref": "y domain", "y": 1}
    return shape | {"line": line}, label | _label(text, font, yanchor="top", textangle=-90)


def _label(text: str, font: dict, **kwargs) -> dict:
    return {"text": text, "showarrow": False, "font": font, **kwargs}


def reference_lines(fig: go.Figure, lines: list[tuple[dict, dict]]) -> go.Figure:
    """Draw ``hline``/``vline`` reference lines and their labels in one layout update: each
    ``add_hline``/``add_vline`` call validates and copies the layout again (~5 ms a line)."""
    if lines:
        shapes, labels = zip(*lines, strict=True)
        fig.update_layout(
            shapes=[*fig.layout.shapes, *shapes], annotations=[*fig.layout.annotations, *labels]
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


def goal_sunburst(tree: pd.DataFrame) -> go.Figure:
    """The goal chain as a sunburst, each goal coloured by status and labelled with its symbol.

    Three rings at a time (vision, areas, KF goals): deeper rings are unreadable at this size.
    A click on a goal shows the rings beneath it, down to the bottom of the chain, as long as the
    chart holds at most SUNBURST_MAX_SECTORS goals: a model of thousands of goals would make
    every rerun send them all, and then the deepest rings are left out.
    """
    per_depth = tree.depth.value_counts().sort_index().cumsum()
    deepest = max(
        [SUNBURST_DEPTH - 1, *per_depth.index[per_depth <= SUNBURST_MAX_SECTORS]], default=0
    )
    tree = tree[tree.depth <= deepest]
    styles = tree.effective_status.map(st_status.style)
    fig = go.Figure(
        go.Sunburst(
            ids=tree.path_id,
            parents=tree.parent_path_id.fillna(""),
            labels=[
                fmt.chart_text(f"{s.symbol} {g}") for s, g in zip(styles, tree.goal_id, strict=True)
            ],
            marker={"colors": [s.colour for s in styles], "line": {"color": "white", "width": 1}},
            customdata=list(
                zip(tree.title.map(fmt.chart_text), [s.label for s in styles], strict=True)
            ),
            hovertemplate="<b>%{label}</b><br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            insidetextorientation="radial",
            maxdepth=SUNBURST_DEPTH,
        )
    )
    return layout(fig, height=420, margin={"l": 0, "r": 0, "t": 0, "b": 0})
