"""Område (public, /omrade?id=O1): how is the municipality doing in one strategic area? Its
goals, each with its status."""

import streamlit as st

from ui import format as fmt
from ui import public_text, public_view
from ui.data import fetch, require_warehouse

require_warehouse()
about = public_view.summary()
periods = public_view.reported_periods()
period = periods[0] if periods else None
area = public_view.requested_row("Området", "public_app/areas", "area", about, period=period)
st.page_link(public_view.START, label="Alla områden", icon=":material/arrow_back:")
st.title(fmt.plain(area.title))
public_view.data_notice(about)
if area.description:
    st.markdown(fmt.plain(area.description))
public_view.stop_if_unassessed(period, about)

when = public_view.period_name(period)
st.markdown(f"#### {public_text.reached_line(area.status_counts, area.goal_count, when)}")
st.caption(public_text.counts_line(area.status_counts))

goals = fetch("public_app/goal_children", goal=area.area_id, period=period)
if goals.empty:
    st.info(f"Området har inga mål som gäller {when}.")
for goal in goals.itertuples():
    with st.container(border=True):
        public_view.goal_link(goal.goal_id, goal.title, goal.status)
        who = f" · Ansvarig: {fmt.literal(goal.responsible)}" if goal.responsible else ""
        st.caption(f"{public_text.level_word(goal.level)}{who}")

st.markdown("##### Vad betyder orden?")
public_view.glossary(("Mål",))
public_view.footer(about)
