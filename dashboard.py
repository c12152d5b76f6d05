"""Röd tråd: the Streamlit entry point.

This file is the frame shared by every page: page config, navigation, the sidebar note on the
municipality and the bar at the top of every page (the period and the data notice, see
``ui.chrome.top_bar``). Pages are registered here with ``st.navigation`` (the ``pages/`` folder
is not auto-discovered once ``st.navigation`` is used). ``ROD_TRAD_MODE=public`` serves the
public pages instead, on the public warehouse only (ui/mode.py, ui/public_frame.py).
"""

import streamlit as st

from ui import chrome, mode, public_frame
from ui import format as fmt
from ui.data import fetch, run_in_frame, version

chrome.hide_untranslated_controls()

try:
    public = mode.is_public()
except mode.BadMode as problem:
    st.set_page_config(page_title="Röd tråd", page_icon=":material/flag:")
    st.error(str(problem))
    st.stop()

if public:
    # Centred: the public pages are mostly text, read on a phone as often as on a desktop.
    st.set_page_config(page_title="Måluppfyllelse", page_icon=":material/flag:")
    run_in_frame(public_frame.navigation())
    st.stop()

st.set_page_config(
    page_title="Röd tråd – måluppfyllelse", page_icon=":material/flag:", layout="wide"
)

PAGES = [
    st.Page("pages/overview.py", title="Översikt", icon=":material/dashboard:",
            default=True),
    st.Page("pages/goal_chain.py", title="Målkedjan", icon=":material/account_tree:"),
    st.Page("pages/committees.py", title="Nämnder", icon=":material/groups:"),
    st.Page("pages/over_time.py", title="Över tid", icon=":material/timeline:"),
    st.Page("pages/indicator.py", title="Indikator", icon=":material/monitoring:"),
    st.Page("pages/agenda2030.py", title="Agenda 2030", icon=":material/public:"),
    st.Page("pages/assignments.py", title="Uppdrag", icon=":material/assignment:"),
    st.Page("pages/data_quality.py", title="Datakvalitet", icon=":material/fact_check:"),
    st.Page("pages/open_data.py", title="Öppna data", icon=":material/download:"),
    st.Page("pages/start.py", title="Om datalagret", icon=":material/database:"),
]  # fmt: skip
page = st.navigation(PAGES)

summary = fetch("app/summary").iloc[0] if version() is not None else None
chrome.top_bar(summary.data_notice if summary is not None else None)
if summary is not None:
    with st.sidebar:
        st.caption(f"**{fmt.plain(summary.municipality_name or 'Kommunen')}**")
        st.caption(
            f"{fmt.number(summary.goal_count)} mål · {fmt.number(summary.indicator_count)} "
            f"indikatorer · lagret byggdes {fmt.local_time(summary.built_at_utc)}."
        )

run_in_frame(page)
