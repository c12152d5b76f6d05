"""Agenda 2030: which of the 17 global goals our goals serve, how they stand, and which goals
name none."""

import pandas as pd
import streamlit as st

from ui import downloads, public_text, status, tables
from ui import format as fmt
from ui.data import fetch, require_warehouse
from ui.links import link_column, markdown_link, page_url
from ui.state import period_labels, select_period, stop_without_periods

require_warehouse()
period = select_period()

st.title("Agenda 2030")
if period is None:
    stop_without_periods()
period_label = period_labels().get(period, period)
st.caption(
    f"Hur målen som gäller {period_label} bidrar till de 17 globala målen, enligt målens "
    "koppling till Agenda 2030 i målmodellen. Ett mål som bidrar till flera globala mål räknas "
    "under vart och ett."
)

coverage = fetch("app/agenda2030_coverage", period=period)
global_goals = coverage[coverage.sdg.notna()]
served = int((global_goals.goal_count > 0).sum())
st.markdown(f"**{served} av 17 globala mål** har minst ett av kommunens mål kopplat till sig.")
tables.static(
    pd.DataFrame(
        {
            # Markdown cells (the goals are links): "1. …" would become a numbered list.
            "Globalt mål": [
                fmt.literal(f"{int(r.sdg)}. {r.title}") for r in global_goals.itertuples()
            ],
            "Antal mål": [str(int(n)) for n in global_goals.goal_count],
            "Status": [public_text.counts_line(c) or "–" for c in global_goals.status_counts],
            "Mål": [
                ", ".join(markdown_link(g, "goal_chain", goal=g, period=period) for g in ids) or "–"
                for ids in global_goals.goal_ids
            ],
        }
    ),
    key="agenda2030",
    markdown=True,
    file_name=downloads.file_name("agenda2030", period, suffix="csv"),
)

st.subheader("Mål utan koppling till Agenda 2030")
without = fetch("app/goals_without_agenda2030", period=period)
tables.grid(
    without.assign(
        goal_id=[page_url("goal_chain", goal=g, period=period) for g in without.goal_id],
        level=without.level.map(tables.level_label),
        effective_status=without.effective_status.map(status.text),
    ).rename(columns={"title": "Mål", "level": "Nivå", "effective_status": "Status"}),
    file_name=downloads.file_name("mal-utan-agenda2030", period, suffix="csv"),
    empty="Alla mål under visionen är kopplade till minst ett globalt mål.",
    column_config={"goal_id": link_column("goal_chain", "goal", "Id", width="small")},
    hide_index=True,
)
