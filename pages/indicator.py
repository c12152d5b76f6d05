"""Indikator: what does this indicator measure, how has it developed against its target, and
how does it compare with riket and similar municipalities?"""

import pandas as pd
import streamlit as st

from ui import charts, kolada, tables
from ui import format as fmt
from ui import indicator_view as view
from ui.data import fetch, page_fragment, require_warehouse
from ui.state import period_labels, select, select_in_area, select_period, select_period_type

require_warehouse()
period = select_period()


# A fragment: a choice on the page reruns only the page, not the sidebar (docs/pages.md).
@page_fragment
def indicator_page() -> None:
    indicator = select_in_area("indicator", help="Indikatorerna som mäter områdets mål.")
    if indicator is None:
        st.title("Indikator")
        st.info(
            "Datalagret har inga indikatorer ännu. Lägg till indikatorer (indicators) och deras "
            "utfall (outcomes) i underlaget och bygg om."
        )
        st.stop()
    meta = fetch("app/indicator_meta", indicator=indicator).iloc[0]
    decimals = view.shown_decimals(meta.decimals)

    # --- title and metadata ---------------------------------------------------------------------
    st.title(fmt.plain(meta.title))
    if meta.description:
        st.markdown(fmt.plain(meta.description))
    facts = [
        f"**Id:** {fmt.plain(meta.indicator_id)}",
        f"**Enhet:** {fmt.plain(meta.unit or '–')}",
        f"**Riktning:** {meta.direction_text}",
        f"**Decimaler:** {meta.decimals if pd.notna(meta.decimals) else '–'}",
        f"**Kolada-id:** {fmt.plain(meta.kolada_kpi or '–')}",
        f"**Typ av källa i målmodellen:** {meta.source_text or '–'}",
    ]
    st.markdown(" · ".join(facts))
    if not meta.is_public:
        st.caption(":material/lock: Indikatorn är markerad som intern (inte publik) i målmodellen.")
    view.kolada_about(fetch("app/indicator_kolada", indicator=indicator))

    # --- the goals it measures ------------------------------------------------------------------
    goals = fetch("app/indicator_goals", indicator=indicator, period=period)
    st.subheader("Mål som indikatorn mäter")
    if goals.empty:
        st.info("Indikatorn är inte kopplad till något mål. Den visas som sammanhang.")
    else:
        link_params = {"period": period} if period is not None else {}
        for goal in goals.itertuples():
            st.page_link(
                "pages/goal_chain.py",
                label=f"{tables.level_label(goal.level)} · {fmt.plain(goal.label)}",
                icon=":material/account_tree:",
                query_params={"goal": goal.goal_id, **link_params},
            )

    # --- status in the selected period ----------------------------------------------------------
    if period is not None and not goals.empty:
        st.subheader(f"Status {period_labels().get(period, period)}")
        status = fetch("app/indicator_period_status", indicator=indicator, period=period)
        if status.empty:
            st.info("Inget av indikatorns mål gäller för den valda perioden.")
        else:
            tables.static(view.status_table(status, decimals, period), key="status", markdown=True)
            st.caption(
                "Status och trend enligt de publicerade reglerna för måluppfyllelse, beräknade av "
                "Röd tråd (inte av källan)."
            )

    # --- Kolada: riket, the län and similar municipalities --------------------------------------
    comparisons = fetch("app/indicator_comparisons", indicator=indicator)
    compared = kolada.chosen_year(comparisons, period)
    kolada.section(comparisons, compared, decimals, meta.unit, key="indicator_kolada")
    if compared is not None:
        peers = fetch("app/indicator_peer_values", indicator=indicator, period=compared.period)
        kolada.peer_list(peers, compared, decimals, key="indicator_kolada")

    # --- the time series ------------------------------------------------------------------------
    st.subheader("Utveckling över tid")
    types = fetch("app/indicator_period_types", indicator=indicator, period=period)
    if types.empty:
        st.info(
            "Det finns inga utfall för indikatorn, varken för kommunen, riket, jämförelsegrupper "
            "eller kommunens egna enheter."
        )
        st.stop()

    period_type = select_period_type(types, "Periodtyp", key="indicator_period_type")
    period_type_label = types.set_index("period_type").label[period_type]

    # Which goal's target line to draw: a choice only when the goals' targets differ. By default
    # a goal that is valid in the selected period.
    with_targets = goals[goals.target_count > 0]
    target_goal = None
    same: list[str] = []
    if not with_targets.empty:
        goal_options = dict(zip(with_targets.goal_id, with_targets.label, strict=True))
        valid = with_targets[with_targets.is_valid].goal_id
        default_goal = valid.iloc[0] if not valid.empty else with_targets.goal_id.iloc[0]
        wanted = st.query_params.get("goal")
        if wanted is not None and wanted not in goal_options:
            # A goal id left in the URL by another indicator is dropped quietly; one that came
            # with a link gets a word.
            if wanted in set(goals.goal_id):
                st.info(f"Målet {fmt.plain(wanted)} har inga målvärden för indikatorn.")
            elif st.session_state.get("indicator_last") in (None, indicator):
                st.warning(
                    f"Målet ”{fmt.plain(wanted)}” mäts inte med den här indikatorn eller finns "
                    "inte i "
                    "datalagret. Diagrammet visar målvärdet för ett av indikatorns mål.",
                    icon=":material/link_off:",
                )
            del st.query_params["goal"]
            wanted = None
        if with_targets.target_set_count.iloc[0] > 1:
            target_goal = select(
                "Visa målvärdet för",
                goal_options,
                "goal",
                default=default_goal,
                help="Indikatorn mäter flera mål med olika målvärden.",
            )
        else:
            target_goal = wanted or default_goal
            same = list(with_targets.goal_id)
    st.session_state["indicator_last"] = indicator

    targets = fetch(
        "app/indicator_targets",
        indicator=indicator,
        goal=target_goal,
        period_type=period_type,
    )
    series = fetch(
        "app/indicator_series",
        indicator=indicator,
        period_type=period_type,
        max_points=charts.MAX_POINTS - len(targets),
    )
    if series.empty:
        st.info("Utfallen är för många för att visas i ett diagram.")
        st.stop()

    periods = fetch("app/periods").set_index("period")
    charts.show(
        view.figure(
            series,
            targets,
            decimals=decimals,
            unit=meta.unit,
            selected_period=period,
            selected_period_end=(
                pd.Timestamp(periods.period_end[period]) if period in periods.index else None
            ),
        )
    )

    notes = view.source_notes(series, meta.source)
    if target_goal is None:
        notes.append("Indikatorn har inga målvärden.")
    elif len(same) > 1:
        notes.append(f"Målvärdet är detsamma för målen {fmt.plain(', '.join(same))}.")
    else:
        notes.append(f"Målvärdet gäller målet {fmt.plain(target_goal)}.")
    notes += view.target_notes(targets)
    if series.role.eq("grupp").any():
        notes.append("Grupper (G…) är ovägda medelvärden av kommunerna i gruppen, som i Kolada.")
    if series.series_kept.iloc[0] < series.series_total.iloc[0]:
        notes.append(
            f"Diagrammet visar {series.series_kept.iloc[0]} av {series.series_total.iloc[0]} "
            f"serier för att hålla sig under {charts.MAX_POINTS:,} punkter.".replace(",", " ")
        )
    st.caption("  \n".join(notes))

    # --- the data as a table and CSV ------------------------------------------------------------
    table = view.value_table(series, decimals, meta.unit)
    # Drawn only while open: even closed, the data grid made every indicator pick ~35 ms slower
    # in the browser (bench/pages.py, large model). Opening it reruns the page.
    values = st.expander(
        f"Värden i diagrammet ({len(table)} rader)", key="indicator_values", on_change="rerun"
    )
    if values.open:
        values.dataframe(table, hide_index=True)
    view.kolada_revisions(fetch("app/indicator_kolada_revisions", indicator=indicator), decimals)
    view.forecasts(fetch("app/indicator_forecasts", indicator=indicator), decimals, meta.unit)
    view.csv_download(table, indicator, period_type_label, key="indicator_csv")


indicator_page()
