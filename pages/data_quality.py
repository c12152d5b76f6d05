"""Datakvalitet: what should the analyst fix in the goal model, targets, outcomes and
assessments before the analysseminarium?"""

import streamlit as st

from ui import downloads, status, tables
from ui.data import fetch, require_warehouse
from ui.links import link_column, page_url
from ui.state import period_labels, select_period

require_warehouse()
period = select_period()

st.title("Datakvalitet")
if period is None:
    period_label = None
    st.caption(
        "Listor att gå igenom före analysseminariet. Datalagret har inga utfall eller "
        "bedömningar ännu, så bara listorna som inte gäller en viss period visas."
    )
else:
    period_label = period_labels().get(period, period)
    st.caption(
        f"Listor att gå igenom före analysseminariet om {period_label}. Varje rad länkar till "
        "målet i målkedjan eller till indikatorn."
    )

GOAL_LINK = link_column("goal_chain", "goal", "Mål", help="Öppna målet i målkedjan", width="small")
INDICATOR_LINK = link_column(
    "indicator", "indicator", "Indikator", help="Öppna indikatorsidan", width="small"
)


def section(title: str, rule: str, frame, columns: dict, links: dict | None = None) -> None:
    """A heading with the count, the rule in a caption, and the table or a ✔ line."""
    st.subheader(f"{title} ({len(frame)})")
    st.caption(rule)
    if frame.empty:
        st.markdown(":green[✔ Inga problem]")
        return
    if "level" in frame:
        frame = frame.assign(level=frame.level.map(tables.level_label))
    tables.grid(
        frame[list(columns)].rename(columns=columns),
        file_name=downloads.file_name("datakvalitet", title.lower(), period, suffix="csv"),
        empty="Inga problem.",
        hide_index=True,
        column_config={columns[k]: v for k, v in (links or {}).items()},
    )


def with_goal_links(frame):
    """``frame`` with ``goal_url``: each goal in the goal chain, for the selected period."""
    return frame.assign(
        goal_url=[page_url("goal_chain", goal=g, period=period) for g in frame.goal_id]
    )


def with_indicator_links(frame, *, to_goal: bool = False):
    """``frame`` with ``indicator_url``: each indicator's page for the selected period (with
    the row's goal, whose target the chart then shows, if ``to_goal``)."""
    goals = frame.goal_id if to_goal else [None] * len(frame)
    return frame.assign(
        indicator_url=[
            page_url("indicator", indicator=i, goal=g, period=period)
            for i, g in zip(frame.indicator_id, goals, strict=True)
        ]
    )


def no_period(title: str) -> None:
    st.subheader(title)
    st.info(
        "Listan gäller en period, och datalagret har inga perioder med utfall eller bedömningar."
    )


# --- goals without indicators ---------------------------------------------------------------
section(
    "Mål utan indikatorer",
    "Mål som varken har indikatorer eller undermål. Ett mål som har undermål (t.ex. ett "
    "strategiskt område) får sin status från dem och behöver inga egna indikatorer. Utan "
    "indikatorer och undermål beräknas målet alltid som ○ Ej bedömt; det kan bara bedömas "
    "för hand. Gäller hela målmodellen, oavsett period.",
    with_goal_links(fetch("app/dq_goals_without_indicators")),
    {
        "goal_url": "Mål",
        "title": "Målets namn",
        "level": "Nivå",
        "responsible": "Ansvarig",
        "valid_years": "Gäller år",
    },
    {"goal_url": GOAL_LINK},
)

# --- goals without an assessment ------------------------------------------------------------
if period is None:
    no_period("Mål utan bedömning")
else:
    frame = with_goal_links(fetch("app/dq_goals_without_assessment", period=period))
    frame["computed_status"] = frame.computed_status.map(status.text)
    section(
        "Mål utan bedömning",
        f"KF-mål och nämndmål som gäller {period_label} men saknar nämndens bedömning för "
        "perioden. Utan bedömning visas den beräknade statusen.",
        frame,
        {
            "goal_url": "Mål",
            "title": "Målets namn",
            "level": "Nivå",
            "responsible": "Ansvarig",
            "computed_status": "Beräknad status",
        },
        {"goal_url": GOAL_LINK},
    )

# --- indicators without targets -------------------------------------------------------------
section(
    "Indikatorer utan målvärden",
    "Indikatorer som mäter minst ett mål men inte har något målvärde för något av sina mål, "
    "i någon period. De får status – Saknar målvärde och räknas inte i målens poäng. "
    "Indikatorer som inte mäter något mål visas bara som sammanhang och listas inte.",
    with_indicator_links(fetch("app/dq_indicators_without_targets")),
    {"indicator_url": "Indikator", "title": "Indikatorns namn", "goals": "Mäter målen"},
    {"indicator_url": INDICATOR_LINK},
)

# --- indicators without outcomes ------------------------------------------------------------
section(
    "Indikatorer utan utfall",
    "Indikatorer som inte har något utfall med ett värde för kommunen själv, i någon period. "
    "Tomma värden räknas inte. Finns det värden för andra (riket, grupper, enheter) kan "
    "kommunkoden i utfallsfilen vara fel.",
    with_indicator_links(fetch("app/dq_indicators_without_outcomes")),
    {
        "indicator_url": "Indikator",
        "title": "Indikatorns namn",
        "goals": "Mäter målen",
        "own_empty": "Tomma värden för kommunen",
        "other_values": "Värden för andra",
    },
    {"indicator_url": INDICATOR_LINK},
)

# --- outcomes too old -----------------------------------------------------------------------
if period is None:
    no_period("För gamla utfall")
else:
    frame = with_goal_links(
        with_indicator_links(fetch("app/dq_outcomes_too_old", period=period), to_goal=True)
    )
    age = (
        f" ({frame.max_outcome_age_years.iloc[0]:g} år)".replace(".", ",")
        if not frame.empty
        else ""
    )
    section(
        "För gamla utfall",
        f"Indikatorer som har status – Saknar utfall {period_label} fast det finns utfall: "
        "det senaste utfallet är äldre än inställningen max_outcome_age_years tillåter"
        f"{age} och räknas därför inte. Lägg in nyare utfall eller ändra inställningen.",
        frame,
        {
            "indicator_url": "Indikator",
            "indicator_title": "Indikatorns namn",
            "goal_url": "Mål",
            "series_text": "Avser",
            "latest_period": "Senaste utfall",
        },
        {"indicator_url": INDICATOR_LINK, "goal_url": GOAL_LINK},
    )

# --- overrides without a reason -------------------------------------------------------------
if period is None:
    no_period("Avvikande bedömningar utan motivering")
else:
    frame = with_goal_links(fetch("app/dq_overrides_without_reason", period=period))
    frame["computed_status"] = frame.computed_status.map(status.text)
    frame["assessed_status"] = frame.assessed_status.map(status.text)
    section(
        "Avvikande bedömningar utan motivering",
        f"Mål där nämndens bedömning {period_label} skiljer sig från den beräknade statusen "
        "utan att override_reason anger varför. Bedömningen gäller ändå; skriv in motiveringen.",
        frame,
        {
            "goal_url": "Mål",
            "title": "Målets namn",
            "level": "Nivå",
            "computed_status": "Beräknad status",
            "assessed_status": "Bedömd status",
            "assessed_by": "Bedömd av",
            "assessed_on": "Bedömd den",
        },
        {"goal_url": GOAL_LINK},
    )
