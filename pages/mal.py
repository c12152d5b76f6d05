"""Mål (public, /mal?id=KF1.1): is this goal reached? Its status and what the municipality
wrote about it, the indicators that measure it, its sub-goals and earlier years."""

import pandas as pd
import streamlit as st

from ui import agenda2030, assignments, public_text, public_view, tables
from ui import format as fmt
from ui import status as st_status
from ui.data import fetch, require_warehouse

require_warehouse()
about = public_view.summary()
periods = public_view.reported_periods()
period = periods[0] if periods else None
goal = public_view.requested_row("Målet", "public_app/goal", "goal", about, period=period)
public_view.breadcrumbs(goal.goal_id)
st.title(fmt.plain(goal.title))
facts = [public_text.level_word(goal.level)]
if goal.responsible:
    facts.append(f"Ansvarig: {fmt.literal(goal.responsible)}")
st.caption(" · ".join(facts))
if sdgs := agenda2030.goal_line(goal.goal_id):
    st.caption(sdgs)
public_view.data_notice(about)
if goal.description:
    st.markdown(fmt.plain(goal.description))
public_view.stop_if_unassessed(period, about)

when = public_view.period_name(period)
if not goal.is_valid:
    st.info(f"Målet gällde inte {when}. {public_view.valid_years(goal)}")
else:
    with st.container(border=True):
        public_view.status_block(goal.status, when)
        if goal.has_hidden_basis:
            st.markdown(public_text.HIDDEN_BASIS)
        if goal.analysis:
            st.markdown(fmt.plain(goal.analysis))
        if goal.actions:
            st.markdown(f"**Vad kommunen gör:** {fmt.plain(goal.actions)}")
        if pd.notna(goal.assessed_on):
            st.caption(f"Bedömningen gjordes {goal.assessed_on:%Y-%m-%d}.")

    st.subheader("Så mäts målet")
    indicators = public_view.lines_by(
        "app/goal_indicator_details", "indicator_id", "title", goal_id=goal.goal_id, period=period
    )
    if not indicators:
        st.markdown("Målet mäts inte med några indikatorer här; det bedöms utifrån sina delmål.")
    for indicator_id, title, lines in indicators:
        with st.container(border=True):
            public_view.indicator_link(indicator_id, title)
            st.markdown(lines)

    children = fetch("public_app/goal_children", goal=goal.goal_id, period=period)
    if not children.empty:
        st.subheader("Delmål")
        st.caption("Mål som bidrar till det här målet.")
        for child in children.itertuples():
            public_view.goal_link(child.goal_id, child.title, child.status)

    assignments.public_goal_section(goal.goal_id, period, when)

history = fetch("public_app/goal_history", goal=goal.goal_id, periods=periods)
if len(history) > 1 or (len(history) == 1 and not goal.is_valid):
    st.subheader("Tidigare bedömningar")
    tables.static(
        pd.DataFrame(
            {
                "Period": [public_view.period_name(p) for p in history.period],
                "Bedömning": [st_status.text(s) for s in history.status],
            }
        ),
        key="history",
    )

st.markdown("##### Vad betyder orden?")
public_view.glossary(("Mål", "Indikator", "Målvärde"))
public_view.footer(about)
