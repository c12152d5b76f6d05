"""Målkedjan: from a strategic area down to the evidence behind one goal."""

from functools import partial

import pandas as pd
import streamlit as st

from ui import agenda2030, assignments, charts, downloads, kolada, status, tables
from ui import format as fmt
from ui.data import explanation, fetch, page_fragment, require_warehouse
from ui.links import link_column
from ui.state import period_labels, select_in_area, select_period

require_warehouse()
period = select_period()


# A fragment: a choice on the page reruns only the page, not the sidebar (docs/pages.md).
@page_fragment
def goal_chain_page() -> None:
    st.title("Målkedjan")
    if period is None:
        st.info(
            "Det finns inga bedömda perioder ännu: lägg till utfall eller bedömningar och bygg om."
        )
        st.stop()

    tree = fetch("app/goal_tree", period=period)
    if tree.empty:
        st.info("Inga mål gäller den valda perioden.")
        st.stop()

    goals = fetch("app/goal_options")
    goal_id = select_in_area("goal", default=tree.goal_id.iloc[min(1, len(tree) - 1)])

    def choose(key: str, paths: list[str]) -> None:
        """A row picked in a tree table selects that goal (the selectbox is bound to the URL)."""
        rows = st.session_state[key].selection.rows
        if rows:
            st.query_params["goal"] = tree.set_index("path_id").loc[paths[rows[0]], "goal_id"]

    left, right = st.columns([7, 5], gap="large")
    with left:
        explained = explanation(goal_id, period)
        for chain in fetch("app/goal_breadcrumbs", goal_id=goal_id).itertuples():
            st.caption(" › ".join(map(fmt.plain, chain.titles[:-1])) or "Högst upp i målkedjan")
        st.subheader(fmt.plain(f"{goal_id} {goals.set_index('goal_id').loc[goal_id, 'title']}"))
        if sdgs := agenda2030.goal_line(goal_id):
            st.caption(sdgs)
        if explained is None:
            st.info("Målet gäller inte den valda perioden. Välj en annan period i sidomenyn.")
            st.stop()
        line = f"**Status:** {status.badge(explained.effective_status)}"
        if explained.assessed_status is not None:
            line += (
                f" &nbsp; **Beräknad enligt reglerna:** {status.badge(explained.computed_status)}"
            )
        st.markdown(line)
        with st.container(horizontal=True):
            st.metric("Poäng", fmt.number(explained.score, 2), border=True)
            st.metric("Täckning", fmt.percent(explained.coverage), border=True)
        st.markdown("**Varför?**")
        st.markdown("\n".join(f"- {fmt.plain(sentence)}" for sentence in explained.sentences))

        assessment = fetch("app/goal_assessment", goal_id=goal_id, period=period).iloc[0]
        st.markdown("**Nämndens bedömning**")
        if assessment.assessed_status is None:
            st.caption("Ingen bedömning är inlämnad för perioden.")
        else:
            analysis = assessment.analysis
            st.markdown(fmt.plain(analysis) if analysis else "_Ingen analys är skriven._")
            if assessment.actions:
                st.markdown(f"**Åtgärder:** {fmt.plain(assessment.actions)}")
            st.caption(
                f"Bedömd av {fmt.plain(assessment.assessed_by or 'okänd')}"
                + (
                    f" den {assessment.assessed_on:%Y-%m-%d}"
                    if pd.notna(assessment.assessed_on)
                    else ""
                )
            )

    with right:
        charts.show(charts.goal_sunburst(tree))
        st.caption(
            f"Målkedjan {period}: varje mål färgat och märkt med sin status ({status.legend()}). "
            "Klicka på ett mål för att se målen under det, och i mitten för att gå tillbaka."
        )

    st.markdown("#### Indikatorer")
    indicators = fetch("app/goal_indicator_details", goal_id=goal_id, period=period)
    if indicators.empty:
        st.info("Målet mäts inte med några indikatorer; dess status bygger på delmålen.")
    else:
        shown, compared = kolada.with_drill_down(
            tables.indicator_table(indicators, period), indicators
        )
        tables.grid(
            shown,
            file_name=downloads.file_name("indikatorer", goal_id, period, suffix="csv"),
            empty="Målet mäts inte med några indikatorer.",
            hide_index=True,
            width="stretch",
            column_config={
                "Indikator": link_column("indicator", "indicator", width="small"),
                "Namn": st.column_config.TextColumn(width="medium" if compared else "large"),
            },
        )
        if compared:
            st.caption(kolada.DRILL_DOWN_NOTE)
        with st.container(horizontal=True):
            for indicator_id in dict.fromkeys(indicators.indicator_id):
                st.page_link(
                    "pages/indicator.py",
                    label=f"Indikatorsidan {indicator_id}",
                    icon=":material/monitoring:",
                    query_params={"indicator": indicator_id, "period": period},
                )

    st.markdown("#### Delmål")
    children = explained.inputs[explained.inputs.input_kind == "mål"]
    if children.empty:
        st.caption("Målet har inga delmål som gäller perioden.")
    for child in children.itertuples():
        st.page_link(
            "pages/goal_chain.py",
            label=f"{status.text(child.status)} · "
            f"{fmt.plain(f'{child.input_id} {child.input_title}')} "
            f"(vikt {fmt.number(child.weight, 1)}, bidrag {fmt.number(child.contribution, 2)})",
            query_params={"goal": child.input_id, "period": period},
        )

    assignments.goal_section(goal_id, period, period_labels())

    st.markdown("#### Hela målkedjan")
    st.caption(
        "Öppna ett område och välj en rad för att se målet. Ett mål som bidrar till flera mål står "
        "under vart och ett."
    )
    for area in tree[tree.depth == 1].itertuples():
        branch = tree[tree.path_id.str.startswith(area.path_id)]
        label = f"{status.text(area.effective_status)} · {fmt.plain(area.title)}"
        selected_here = goal_id in set(branch.goal_id)
        if selected_here:
            label += " · här finns det valda målet"
        # Closed until opened: the browser draws a closed expander's table only when it is opened,
        # and redrawing an open one of a few hundred goals made every rerun ~150 ms slower
        # (bench/pages.py on the large model).
        with st.expander(label, expanded=False):
            if not selected_here:
                # Only the selected goal's area carries its table: with a thousand goals, sending
                # every area's table on each rerun made the page slow to redraw.
                st.page_link(
                    "pages/goal_chain.py",
                    label=f"Visa områdets {fmt.number(len(branch) - 1)} mål i trädet",
                    icon=":material/account_tree:",
                    query_params={"goal": area.goal_id, "period": period},
                )
                continue
            key = f"goal_chain_tree_{area.goal_id}"
            tables.grid(
                tables.tree_table(branch, base_depth=1),
                file_name=downloads.file_name("malkedjan", area.goal_id, period, suffix="csv"),
                empty="Området har inga mål som gäller perioden.",
                hide_index=True,
                on_select=partial(choose, key, branch.path_id.tolist()),
                selection_mode="single-row",
                key=key,
                width="stretch",
            )


goal_chain_page()
