"""Över tid: how has one goal or strategic area fared across every evaluated period, when did
its status change, and was it valid all along?"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from attainment.rules import Rules
from attainment.vocabulary import PRESETS
from ui import charts, downloads, status, tables
from ui import format as fmt
from ui.data import fetch, page_fragment, require_warehouse
from ui.state import period_labels, select_in_area

NO_SCORE_Y = -0.06  # where a status without a score is drawn: just below 0, not at 0
ROW_HEIGHT = 35  # st.dataframe's default row height in pixels


def status_or_dash(value: str | None) -> str:
    return "–" if pd.isna(value) else status.text(value)


def score_chart(
    series: pd.DataFrame, boundaries: pd.DataFrame, rules: Rules, labels: dict[str, str]
) -> go.Figure:
    """The computed score per period, markers shaped and labelled by the effective status,
    with the rule thresholds and the starts of mandate periods."""
    fig = go.Figure()
    fig.add_scatter(
        x=series.x,
        y=series.score,
        mode="lines",
        line={"color": "#666666", "width": 2},
        name="Poäng (beräknad)",
        hoverinfo="skip",
    )
    for key in status.GOAL_STATUSES:
        rows = series[series.effective_status == key]
        if rows.empty:
            continue
        style = status.style(key)
        fig.add_scatter(
            x=rows.x,
            y=rows.score.fillna(NO_SCORE_Y),
            mode="markers+text",
            name=status.text(key),
            marker={
                # A shape per status, so the chart can be read without colour.
                "symbol": style.marker,
                "size": 13,
                "color": style.colour,
                "line": {"width": 2, "color": style.colour},
            },
            text=[style.symbol] * len(rows),
            textposition="top center",
            textfont={"color": style.colour, "size": 15},
            customdata=list(
                zip(
                    rows.period.map(lambda p: labels.get(p, p)),
                    rows.score.map(lambda v: fmt.number(v, 2)),
                    rows.computed_status.map(status_or_dash),
                    rows.assessed_status.map(status_or_dash),
                    rows.coverage.map(fmt.percent),
                    strict=True,
                )
            ),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>"
                f"Gällande status: {status.text(key)}<br>"
                "Poäng: %{customdata[1]}<br>"
                "Beräknad status: %{customdata[2]}<br>"
                "Bedömd status: %{customdata[3]}<br>"
                "Täckning: %{customdata[4]}<extra></extra>"
            ),
        )
    lines = []
    if PRESETS[rules.preset].uses_thresholds:
        lines += [
            charts.hline(
                y,
                f"{what}<br>från {fmt.number(y, 2)}",
                line={"dash": "dash", "width": 1, "color": status.style(key).colour},
                font={"size": 12, "color": "#444444"},
            )
            for y, key, what in [
                (rules.full_threshold, "uppfyllt", "Uppfyllt"),
                (rules.partial_threshold, "delvis", "Delvis uppfyllt"),
            ]
        ]
    lines += [
        charts.vline(
            boundary.x,
            boundary.label,
            line={"dash": "dot", "width": 1.5, "color": "#333333"},
            font={"size": 12, "color": "#333333"},
        )
        for boundary in boundaries.itertuples()
    ]
    charts.reference_lines(fig, lines)
    charts.layout(
        fig,
        height=420,
        xaxis={
            "tickmode": "array",
            "tickvals": series.x.tolist(),
            "ticktext": series.tick_label.tolist(),
            "range": [-0.5, len(series) - 0.5],
            "showgrid": False,
        },
        yaxis={
            "range": [NO_SCORE_Y - 0.06, 1.12],
            "tickvals": [0, 0.25, 0.5, 0.75, 1],
            "tickformat": ".2f",
            "title": {"text": "Poäng"},
            "zeroline": False,
        },
        hovermode="closest",
        margin={"l": 10, "r": 120, "t": 30, "b": 10},  # room for the threshold labels
    )
    return fig


require_warehouse()


# A fragment: a choice on the page reruns only the page, not the sidebar (docs/pages.md).
@page_fragment
def over_time_page() -> None:
    st.title("Över tid")

    goal_id = select_in_area(
        "goal", help="Området självt och dess mål, uppifrån: KF-mål, nämndmål …"
    )
    if goal_id is None:
        st.info("Målmodellen har inga mål ännu. Lägg till mål (goals) och bygg om datalagret.")
        st.stop()

    goal = fetch("app/history_goal", goal=goal_id).iloc[0]
    st.subheader(fmt.plain(f"{goal.goal_id} {goal.title}"))
    facts = [tables.level_label(goal.level)]
    if not pd.isna(goal.responsible):
        facts.append(f"ansvar: {fmt.plain(goal.responsible)}")
    st.caption(" · ".join(facts))
    if not pd.isna(goal.description):
        st.markdown(fmt.plain(goal.description))

    types = fetch("app/history_period_types", goal=goal_id)
    if types.empty:
        st.info(
            "Målet har ingen status i någon av de perioder som har bedömts, eftersom det inte "
            "gäller under dem (se giltighetsåren i målmodellen) eller för att det saknas utfall "
            "och bedömningar."
        )
        st.stop()

    type_labels = dict(zip(types.period_type, types.type_label, strict=True))
    period_type = st.segmented_control(
        "Periodtyp",
        list(type_labels),
        format_func=lambda t: type_labels.get(t, t),
        default=types.period_type.iloc[0],
        required=True,
        key="over_time_period_type",
        help=(
            "Helår från årsredovisningen, tertial från delårsrapporterna (kumulativa från januari)."
        ),
    )
    if period_type not in type_labels:  # a type kept from another goal that this one lacks
        period_type = types.period_type.iloc[0]

    labels = period_labels()
    series = fetch("app/history_goal_series", goal=goal_id, period_type=period_type)
    boundaries = fetch("app/history_mandate_boundaries", period_type=period_type)
    rules = Rules.from_settings(dict(fetch("app/history_rules").itertuples(index=False)))

    charts.show(score_chart(series, boundaries, rules, labels))
    notes = [
        "Linjen är den beräknade poängen (0–1); markören och symbolen visar gällande status: "
        "den bedömda statusen när en bedömning finns, annars den beräknade."
    ]
    full, partial = fmt.number(rules.full_threshold, 2), fmt.number(rules.partial_threshold, 2)
    if PRESETS[rules.preset].uses_thresholds:
        notes.append(
            f"De streckade linjerna är reglernas gränser: poäng från {full} ger uppfyllt och "
            f"från {partial} delvis uppfyllt."
        )
    else:
        notes.append(
            f"Regeluppsättningen ”{rules.preset}” använder inga poänggränser, så inga "
            "gränslinjer visas."
        )
    if (series.effective_status.notna() & series.score.isna()).any():
        notes.append("En markör under nollan betyder att ingen poäng kunde räknas för perioden.")
    st.caption(" ".join(notes))

    # --- validity -------------------------------------------------------------------------------
    valid_from = None if pd.isna(goal.valid_from) else int(goal.valid_from)
    valid_to = None if pd.isna(goal.valid_to) else int(goal.valid_to)
    last_year = series.period_end.max().year
    first_year = series.period_end.min().year
    if valid_from is None and valid_to is None:
        validity = "Målet har ingen begränsad giltighetstid."
    elif valid_to is None:
        validity = f"Målet gäller från {valid_from}."
    elif valid_from is None:
        validity = f"Målet gäller till och med {valid_to}."
    else:
        validity = f"Målet gäller {valid_from}–{valid_to}."
    if valid_from is not None and valid_from > first_year:
        validity += f" Det har ingen status före {valid_from}: där börjar serien."
    if valid_to is not None and valid_to < last_year:
        validity += (
            f" Efter {valid_to} gäller målet inte längre, så serien slutar där: det är inte data "
            "som saknas."
        )
    st.info(validity, icon=":material/event:")

    # --- table ----------------------------------------------------------------------------------
    st.subheader("Status och poäng per period")
    tables.grid(
        pd.DataFrame(
            {
                "Period": series.period.map(lambda p: labels.get(p, p)),
                "Gäller": series.is_valid.map({True: "ja", False: "nej"}),
                "Beräknad status": series.computed_status.map(status_or_dash),
                "Bedömd status": series.assessed_status.map(status_or_dash),
                "Gällande status": series.effective_status.map(status_or_dash),
                "Poäng": series.score.map(lambda v: fmt.number(v, 2)),
                "Täckning": series.coverage.map(fmt.percent),
                "Förändring": series.status_changed.map({True: "↻ ändrad", False: ""}),
            }
        ),
        file_name=downloads.file_name(
            "status-over-tid", goal_id, type_labels[period_type].lower(), suffix="csv"
        ),
        empty="Målet har ingen status i perioderna.",
        hide_index=True,
        width="stretch",
        height=ROW_HEIGHT * (len(series) + 1) + 3,  # every period, no inner scrolling
        column_config={
            "Period": st.column_config.TextColumn(width=175),
            "Gäller": st.column_config.TextColumn(
                width=60,
                help="Om målet gäller perioden enligt sina giltighetsår (valid_from–valid_to).",
            ),
            "Beräknad status": st.column_config.TextColumn(width=125),
            "Bedömd status": st.column_config.TextColumn(
                width=125,
                help="Den ansvariga nämndens eller styrelsens egen bedömning; – när ingen finns.",
            ),
            "Gällande status": st.column_config.TextColumn(width=125),
            "Poäng": st.column_config.TextColumn(width=60),
            "Täckning": st.column_config.TextColumn(
                width=75,
                help="Andel av underlagets vikt som gick att bedöma (indikatorer med utfall och "
                "målvärde, underliggande mål med status).",
            ),
            "Förändring": st.column_config.TextColumn(
                width=90,
                help="Den gällande statusen skiljer sig från målets föregående period av samma "
                "slag (raden ovanför, eller den senaste perioden då målet gällde).",
            ),
        },
    )
    if not pd.isna(goal.latest_period):
        latest = labels.get(goal.latest_period, goal.latest_period)
        st.page_link(
            "pages/goal_chain.py",
            label=f"Visa målet i målkedjan för {latest}",
            icon=":material/account_tree:",
            query_params={"goal": goal.goal_id, "period": goal.latest_period},
        )


over_time_page()
