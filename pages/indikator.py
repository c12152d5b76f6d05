"""Indikator (public, /indikator?id=N15505): what does this indicator measure, and how has it
developed? A chart, the chart in words, the values as a table, and the goals it measures."""

import streamlit as st

from ui import charts, kolada, public_chart, public_view, tables
from ui import format as fmt
from ui import indicator_view as view
from ui.data import fetch, require_warehouse
from ui.state import select_period_type

require_warehouse()
about = public_view.summary()
periods = public_view.reported_periods()
period = periods[0] if periods else None
meta = public_view.requested_row("Indikatorn", "app/indicator_meta", "indicator", about)
indicator = meta.indicator_id
decimals = view.shown_decimals(meta.decimals)
unit = meta.unit or None
st.title(fmt.plain(meta.title))
facts = ["Indikator"]
if unit:
    facts.append(f"Enhet: {fmt.literal(unit)}")
if meta.direction in ("higher", "lower"):
    facts.append(meta.direction_text.capitalize())
if meta.kolada_kpi:
    facts.append(f"Nyckeltal i Kolada: {fmt.literal(meta.kolada_kpi)}")
st.caption(" · ".join(facts))
public_view.data_notice(about)
if meta.description:
    st.markdown(fmt.plain(meta.description))
view.kolada_about(fetch("app/indicator_kolada", indicator=indicator))

# --- the goals it measures, and how it went for each -------------------------------------------
goals = fetch("app/indicator_goals", indicator=indicator, period=period)
if period is not None and not goals.empty:
    when = public_view.period_name(period)
    st.subheader(f"Mål som indikatorn mäter, {when}")
    status = public_view.lines_by(
        "app/indicator_period_status", "goal_id", "goal_title", shown=(unit, decimals),
        indicator=indicator, period=period,
    )  # fmt: skip
    for goal_id, title, lines in status:
        with st.container(border=True):
            public_view.goal_link(goal_id, title)
            st.markdown(lines)
    for goal in goals[~goals.goal_id.isin([goal_id for goal_id, _, _ in status])].itertuples():
        public_view.goal_link(goal.goal_id, goal.title)

# --- Kolada: riket, the län and similar municipalities ------------------------------------------
comparisons = fetch("app/indicator_comparisons", indicator=indicator)
compared = kolada.chosen_year(comparisons, None)
kolada.section(comparisons, compared, decimals, unit, key="indikator_kolada")
if compared is not None:
    peers = fetch("app/indicator_peer_values", indicator=indicator, period=compared.period)
    kolada.peer_list(peers, compared, decimals, key="indikator_kolada")

# --- the time series -----------------------------------------------------------------------------
st.subheader("Utveckling över tid")
types = fetch("app/indicator_period_types", indicator=indicator, period=period)
if types.empty:
    st.info("Det finns inga värden för indikatorn ännu.")
    public_view.footer(about)
    st.stop()
period_type = select_period_type(types, "Visa värden per", key="indikator_period_type")
period_type_label = types.set_index("period_type").label[period_type]
with_targets = goals[(goals.target_count > 0)]
target_goal = None
if not with_targets.empty:
    valid = with_targets[with_targets.is_valid]
    target_goal = (valid if not valid.empty else with_targets).iloc[0]
chart = public_chart.indicator_chart(
    indicator,
    None if target_goal is None else target_goal.goal_id,
    period_type,
    decimals=decimals,
    unit=unit,
    direction=meta.direction,
    source=meta.source,
)
charts.show(chart.figure, alt=chart.words)
st.markdown(f"**Diagrammet i ord:** {fmt.literal(chart.words)}")
notes = list(chart.source_notes)
if target_goal is not None and len(with_targets) > 1:
    notes.append(f"Målvärdet i diagrammet gäller målet ”{fmt.plain(target_goal.title)}”.")
notes += chart.more_notes
st.caption("  \n".join(notes))  # Markdown: the rows' own texts are escaped where they enter

with st.expander(f"Värdena i tabellform ({fmt.number(len(chart.table))} rader)"):
    # The cells are escaped once, where the chart's rows are built (ui/public_chart.py).
    tables.static(chart.table, key="values", markdown=True)
view.kolada_revisions(fetch("app/indicator_kolada_revisions", indicator=indicator), decimals)
view.forecasts(fetch("app/indicator_forecasts", indicator=indicator), decimals, unit)
view.csv_button(
    chart.csv, indicator, period_type_label, key="indikator_csv", label="Ladda ner värdena (CSV)"
)

st.markdown("##### Vad betyder orden?")
public_view.glossary(("Indikator", "Målvärde"))
public_view.footer(about)
