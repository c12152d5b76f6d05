"""Nämnder: how is one nämnd (styrelse, bolag …) doing on its goals, and where does its own
assessment differ from what the indicators say?"""

import pandas as pd
import streamlit as st

from ui import assignments, charts, downloads, status, tables
from ui import format as fmt
from ui.data import fetch, page_fragment, require_warehouse
from ui.links import link_column, page_url
from ui.state import period_labels, select, select_period, stop_without_periods

NO_REASON = "⚠ Ingen motivering angiven"
ROW_HEIGHT = 35  # st.dataframe's default row height in pixels


def status_or_dash(value: str | None) -> str:
    """A status as symbol and word; a dash when there is none (no own assessment)."""
    return "–" if pd.isna(value) else status.text(value)


require_warehouse()
period = select_period()


# A fragment: a choice on the page reruns only the page, not the sidebar (docs/pages.md).
@page_fragment
def committees_page() -> None:
    st.title("Nämnder")

    options = fetch("app/committee_options")
    if options.empty:
        st.info(
            "Inga mål har någon ansvarig nämnd eller styrelse. Ange ansvariga i kolumnen "
            "`responsible` i målen (goals) och bygg om datalagret."
        )
        st.stop()
    names = dict(zip(options.org_id, options.name, strict=True))
    namnd = select(
        "Nämnd eller styrelse",
        names,
        "namnd",
        help=(
            "Organisationer som ansvarar för minst ett mål eller uppdrag. Först de som sätter "
            "egna mål: styrelse, utskott, nämnder, kommunalförbund och bolag."
        ),
    )
    name = names[namnd]
    if period is None:
        stop_without_periods()
    period_label = period_labels().get(period, period)

    name = fmt.plain(name)
    st.subheader(name)
    st.caption(f"Mål som {name} ansvarar för · {period_label}")

    # --- headline: how many goals, with which effective status ------------------------------------
    counts = fetch("engine/org_status_counts", period=period)
    mine = counts[counts.org_id == namnd]
    if mine.empty:
        st.info(f"{name} har inga mål som gäller {period_label}. Välj en annan period i sidomenyn.")
    else:
        row = mine.iloc[0]
        with st.container(horizontal=True):
            st.metric("Mål i perioden", fmt.number(row.goal_count), border=True)
            for code in status.GOAL_STATUSES:
                count = status.count(row.status_counts, code)
                st.metric(status.text(code), fmt.number(count), border=True)
            st.metric(
                "Egen bedömning avviker",
                fmt.number(row.differs_count),
                help=(
                    "Mål där nämndens egen bedömning skiljer sig från den beräknade statusen; "
                    f"{fmt.number(row.differs_without_reason_count)} av dem saknar motivering."
                ),
                border=True,
            )
        st.caption(
            "Antalen avser gällande status: nämndens egen bedömning när den finns, annars den "
            "status som beräknats från indikatorerna och de underliggande målen."
        )

    # --- the goals ------------------------------------------------------------------------------
    goals = fetch("app/committee_goals", namnd=namnd, period=period)
    if not goals.empty:
        st.subheader("Målen")
        tables.grid(
            pd.DataFrame(
                {
                    "Mål": [page_url("goal_chain", goal=g, period=period) for g in goals.goal_id],
                    "Nivå": goals.level.map(tables.level_label),
                    "Titel": goals.title,
                    "Beräknad status": goals.computed_status.map(status_or_dash),
                    "Nämndens bedömning": goals.assessed_status.map(status_or_dash),
                    "Gällande status": goals.effective_status.map(status_or_dash),
                    "Poäng": goals.score.map(lambda v: fmt.number(v, 2)),
                }
            ),
            file_name=downloads.file_name("mal", namnd, period, suffix="csv"),
            empty=f"{name} har inga mål som gäller {period_label}.",
            hide_index=True,
            width="stretch",
            height=ROW_HEIGHT * (len(goals) + 1) + 3,  # every goal, no inner scrolling
            column_config={
                "Mål": link_column(
                    "goal_chain", "goal", help="Öppna målet i målkedjan för perioden."
                ),
                "Titel": st.column_config.TextColumn(width=330),
                "Nämndens bedömning": st.column_config.TextColumn(
                    help="Nämndens egen bedömning i uppföljningen; – när den inte har bedömt målet."
                ),
                "Gällande status": st.column_config.TextColumn(
                    help="Nämndens bedömning när den finns, annars den beräknade statusen."
                ),
                "Poäng": st.column_config.TextColumn(
                    help="Beräknad poäng 0–1: vägt medelvärde av de bedömbara indikatorerna och "
                    "underliggande målen (– när inget gick att bedöma)."
                ),
            },
        )

    assignments.committee_section(namnd, names[namnd], period, period_labels())

    # --- over time ------------------------------------------------------------------------------
    st.subheader("Över tid")
    shares = fetch("app/committee_status_shares", namnd=namnd, period=period)
    if shares.empty:
        st.info(f"{name} har inga mål med status i perioder av samma slag som {period_label}.")
    else:
        st.caption(
            f"Andel av målen som {name} ansvarar för, per gällande status, i varje period av "
            "samma slag som den valda (helår eller tertial). Antalet mål kan skilja mellan "
            "perioderna när mål tillkommer eller upphör."
        )
        charts.show(charts.status_shares(shares, period_labels("short_label")))

    # --- where the nämnd's own assessment differs -----------------------------------------------
    st.subheader("Där nämndens bedömning avviker")
    deviations = fetch("app/committee_deviations", namnd=namnd, period=period)
    if deviations.empty:
        st.info(
            f"Inga avvikelser {period_label}: där {name} har bedömt sina mål stämmer bedömningen "
            "med den beräknade statusen."
        )
    else:
        st.caption(
            "Mål där nämndens egen bedömning skiljer sig från den status som reglerna ger. "
            "Bedömningen gäller, men den ska motiveras."
        )
    for goal in deviations.itertuples():
        with st.container(border=True):
            heading = fmt.plain(f"{goal.goal_id} {goal.title}")
            st.markdown(f"**{heading}** · {tables.level_label(goal.level)}")
            st.markdown(
                f"Beräknad status {status.badge(goal.computed_status)} "
                f"(poäng {fmt.number(goal.score, 2)}) → nämndens bedömning "
                f"{status.badge(goal.assessed_status)}"
            )
            if pd.isna(goal.override_reason):
                st.markdown(
                    f"**{NO_REASON}.** Nämnden har satt en annan status än den beräknade utan "
                    "att skriva varför."
                )
            else:
                st.markdown(f"**Motivering:** {fmt.plain(goal.override_reason)}")
            if not pd.isna(goal.analysis):
                st.markdown(f"**Analys:** {fmt.plain(goal.analysis)}")
            if not pd.isna(goal.actions):
                st.markdown(f"**Åtgärder:** {fmt.plain(goal.actions)}")
            byline = []
            if not pd.isna(goal.assessed_by):
                byline.append(f"Bedömt av {fmt.plain(goal.assessed_by)}")
            if not pd.isna(goal.assessed_on):
                byline.append(f"{goal.assessed_on:%Y-%m-%d}")
            if byline:
                st.caption(" · ".join(byline))
            st.page_link(
                "pages/goal_chain.py",
                label="Visa i målkedjan",
                icon=":material/account_tree:",
                query_params={"goal": goal.goal_id, "period": period},
            )


committees_page()
