"""Översikt: are we reaching our goals? The picture for leadership in thirty seconds."""

import pandas as pd
import streamlit as st

from attainment.vocabulary import BEST
from etl.schema import DEFAULT_HEADLINE_LEVELS
from ui import charts, downloads, status, tables
from ui import format as fmt
from ui.data import fetch, require_warehouse
from ui.state import period_labels, select_period, stop_without_periods

require_warehouse()
period = select_period()
summary = fetch("app/summary").iloc[0]

st.title("Översikt")
if summary.vision:
    st.markdown(f"**Vision:** {fmt.plain(summary.vision)}")
if period is None:
    stop_without_periods()

labels = period_labels()
st.caption(f"Måluppfyllelse {labels[period]}")

levels = fetch("app/level_status_counts", period=period)
headline = list(fetch("app/headline_levels", default=list(DEFAULT_HEADLINE_LEVELS)).level)
with st.container(horizontal=True):
    for row in levels[levels.level.isin(headline)].itertuples():
        st.metric(
            f"{tables.level_label(row.level)} uppfyllda",
            f"{fmt.number(status.count(row.status_counts, BEST))} av {fmt.number(row.goal_count)}",
            help=tables.counts_text(levels.loc[row.Index]),
            border=True,
        )

# Strategic areas, or in a model without them the goals of the highest level under the vision.
area_level = summary.area_level if isinstance(summary.area_level, str) else "område"
st.subheader(tables.level_plural(area_level))
under = "området" if area_level == "område" else "målet"
areas = fetch("engine/area_status_counts", period=period)
if areas.empty:
    st.info("Målmodellen har inga mål under visionen som gäller perioden.")
for start in range(0, len(areas), 3):
    row = areas.iloc[start : start + 3]
    for column, (_, area) in zip(st.columns(3), row.iterrows(), strict=False):
        with column.container(border=True):
            st.markdown(f"**{fmt.plain(area.area_title)}**")
            st.markdown(status.badge(area.status))
            change = area.score_change if pd.notna(area.score_change) else None
            since = labels.get(area.previous_period, area.previous_period)
            st.metric(
                "Poäng",
                fmt.number(area.score, 2),
                delta=None if change is None else fmt.number(change, 2),
                delta_arrow=status.change_arrow(change),
                delta_color={"up": "green", "down": "red"}.get(status.change_arrow(change), "gray"),
                delta_description=f"sedan {since}" if change is not None else None,
            )
            count = fmt.number(area.goal_count)
            st.caption(f"{count} mål under {under}: {tables.counts_text(area)}")
            st.page_link(
                "pages/goal_chain.py",
                label="Visa i målkedjan",
                icon=":material/account_tree:",
                query_params={"goal": area.area_id, "period": period},
            )

st.subheader("Nämnder och områden")
matrix = fetch("app/org_area_matrix", period=period)
if matrix.empty:
    st.info("Inga nämnder är ansvariga för mål under de strategiska områdena den här perioden.")
else:
    st.caption("Status för de mål under varje område som nämnden ansvarar för: " + status.legend())
    table = (
        matrix.assign(cell=matrix.apply(tables.counts_text, axis=1))
        .pivot(index="org_name", columns="area_title", values="cell")
        .rename_axis(index="Nämnd", columns=None)
    )
    # A static table: its area names wrap, so every area's column is in view beside the sidebar.
    tables.static(
        table.fillna("–"),
        key="org_area",
        file_name=downloads.file_name("namnder-och-omraden", period, suffix="csv"),
    )

st.subheader("Utveckling över tid")
shares = fetch("app/status_shares_over_time", period=period, levels=headline)
if shares.empty:
    st.info("Det finns ännu inga bedömda perioder att jämföra.")
else:
    counted = " och ".join(
        ", ".join(tables.level_plural(level) for level in headline).rsplit(", ", 1)
    )
    st.caption(f"Andel {counted} per status, perioder av samma slag som den valda.")
    charts.show(charts.status_shares(shares, period_labels("short_label")))
