"""Uppdrag: how far have the särskilda uppdrag and aktiviteter come, and which are late?"""

import streamlit as st

from ui import assignments
from ui import format as fmt
from ui.data import fetch, require_warehouse
from ui.state import period_labels, select_period, stop_without_periods

require_warehouse()
period = select_period()

st.title("Uppdrag")
if period is None:
    stop_without_periods()
labels = period_labels()
st.caption(f"Särskilda uppdrag och aktiviteter · status {labels.get(period, period)}")

rows = fetch("app/assignments", period=period, goal=None, org=None)
if rows.empty:
    st.info(
        f"Inga uppdrag eller aktiviteter gäller {labels.get(period, period)}. De läses från "
        "tabellerna assignments och assignment_status i målmodellen."
    )
    st.stop()

statuses = fetch("app/assignment_statuses")
with st.container(horizontal=True):
    st.metric("Uppdrag och aktiviteter", fmt.number(len(rows)), border=True)
    for row in statuses.itertuples():
        count = int((rows.status == row.code).sum())
        st.metric(f"{row.symbol} {row.label}", fmt.number(count), border=True)
    if rows.status.isna().any():
        st.metric(assignments.NO_REPORT, fmt.number(int(rows.status.isna().sum())), border=True)
    st.metric("Sista dag passerad", fmt.number(int(rows.deadline_passed.sum())), border=True)
st.caption(assignments.EXPLANATION)

assignments.show(rows, period, labels, key="assignments", file_parts=())

with st.expander("Vad statusarna betyder"):
    for row in statuses.itertuples():
        st.markdown(f"**{row.symbol} {fmt.plain(row.label)}**: {fmt.plain(row.explanation)}")
