"""Start (public): how is the municipality doing with its goals? The vision, and one line per
strategic area."""

import streamlit as st

from ui import format as fmt
from ui import public_text, public_view
from ui.data import fetch, require_warehouse

require_warehouse()
about = public_view.summary()
periods = public_view.reported_periods()

st.title(fmt.plain(about.municipality_name or "Kommunens mål"))
st.subheader("Så går det för kommunens mål", anchor=False)
public_view.data_notice(about)
if about.vision:
    st.markdown(f"**Kommunens vision:** {fmt.plain(about.vision)}")

period = periods[0] if periods else None
public_view.stop_if_unassessed(period, about)
when = public_view.period_name(period)
areas = fetch("public_app/areas", period=period, area=None)
st.markdown(
    f"Kommunfullmäktige har beslutat om mål inom {fmt.number(len(areas))} områden. Varje år "
    f"bedömer kommunen om målen är uppfyllda. Här är bedömningen för {when}."
)
if areas.empty:
    st.info(f"Det finns inga områden med mål för {when}.")
for area in areas.itertuples():
    with st.container(border=True):
        st.markdown(f"#### {fmt.literal(area.title)}", anchors=False)
        st.markdown(f"**{public_text.reached_line(area.status_counts, area.goal_count, when)}**")
        st.caption(public_text.counts_line(area.status_counts))
        public_view.area_link(area.area_id)

st.markdown("##### Vad betyder orden?")
public_view.glossary(("Mål", "Nämnd"))
public_view.footer(about)
