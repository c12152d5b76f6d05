"""Start: which municipality this is, its vision, and how much the warehouse holds."""

import streamlit as st

from ui import format as fmt
from ui import tables
from ui.data import fetch, require_warehouse

require_warehouse()
summary = fetch("app/summary").iloc[0]

st.title(fmt.plain(summary.municipality_name or "Måluppfyllelse"))

if summary.vision:
    st.subheader("Vision")
    st.markdown(f"> {fmt.plain(summary.vision)}")
else:
    st.warning("Målmodellen saknar en vision (ett mål på nivån vision).")

with st.container(horizontal=True):
    st.metric("Mål", fmt.number(summary.goal_count), border=True)
    st.metric("Strategiska områden", fmt.number(summary.area_count), border=True)
    st.metric("Indikatorer", fmt.number(summary.indicator_count), border=True)
    st.metric(
        "Utfallsrader",
        fmt.number(summary.outcome_rows),
        border=True,
        help="Rader i utfallstabellen, för kommunen, riket, jämförelsegrupper och enheter. "
        "Rader utan värde räknas med.",
    )
    st.metric("Senaste period", summary.latest_period or "–", border=True)

levels = fetch("app/goal_level_counts")
if not levels.empty:
    st.subheader("Målkedjan")
    tables.grid(
        levels.rename(columns={"level": "Nivå", "goal_count": "Antal mål"}),
        file_name="mal-per-niva.csv",
        empty="Målmodellen har inga mål ännu.",
        hide_index=True,
        width="content",
    )

st.caption(
    f"Kommunkod {summary.municipality_code or '–'} · "
    f"lagret byggdes {fmt.local_time(summary.built_at_utc)}"
)
