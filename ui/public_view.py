"""What the public pages share on screen: the notice on the data, the period they report, links
between them, "hittades inte", the words explained and the footer.

Text from the sources (titles, analyses, the data notice) is shown as written, through
``ui.format.literal``. A status always carries its symbol and word (ui.status).
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import streamlit as st

from ui import format as fmt
from ui import public_text
from ui import status as st_status
from ui.data import build, fetch
from ui.indicator_view import shown_decimals
from ui.state import period_labels

START = "pages/public_start.py"
AREA = "pages/omrade.py"
GOAL = "pages/mal.py"
INDICATOR = "pages/indikator.py"
ABOUT = "pages/om.py"
# Session state, set by ui/public_frame.py on each run: whether the page is the one shown before.
SAME_PAGE = "_public_same_page"


def summary() -> SimpleNamespace:
    """The municipality, its vision, the data notice and when the data was updated: the row of
    app/summary, its columns as attributes."""
    return _summary(*build())


def reported_periods() -> list[str]:
    """The periods the public pages report on, newest first (public_app/report_periods)."""
    return _reported_periods(*build())


# Every public page reads these two on every run; kept as plain values, which the cache copies
# about a hundred times faster than the one-row frames they come from.
@st.cache_data(max_entries=4, show_spinner=False)
def _summary(path: str, version: str) -> SimpleNamespace:
    return SimpleNamespace(**fetch("app/summary").iloc[0].to_dict())


@st.cache_data(max_entries=4, show_spinner=False)
def _reported_periods(path: str, version: str) -> list[str]:
    return list(fetch("public_app/report_periods").period)


def period_name(period: str) -> str:
    """A period as a resident reads it: "2025", "2026 tertial 2 (jan–aug)"."""
    return period_names().get(period, period)


def period_names() -> dict[str, str]:
    """``period_name`` of every evaluated period, by period code; a year is just the year."""
    return _period_names(*build())


@st.cache_data(max_entries=4, show_spinner=False)
def _period_names(path: str, version: str) -> dict[str, str]:
    return {code: code if code.isdigit() else label for code, label in period_labels().items()}


def requested_id() -> str | None:
    """The id in the address (``?id=KF1.1``).

    A page link to the page already shown (from a goal to its sub-goal) runs the page with the
    link's id, but Streamlit 1.67 leaves the browser's address as it was, naming the goal
    before; so then the id is written back to the address. Only then: written while the
    browser is still changing to another page, it would land on the address of the page left.
    """
    value = st.query_params.get("id")
    if value is not None and st.session_state.get(SAME_PAGE):
        st.query_params["id"] = value
    return value


def requested_row(what: str, query: str, param: str, about: SimpleNamespace, **params) -> pd.Series:
    """The row of ``query`` for the id in the address (passed as ``param``), or, when there is
    none, the "hittades inte" page (``what`` hittades inte) and the end of the page."""
    wanted = requested_id()
    found = fetch(query, **{param: wanted}, **params) if wanted else None
    if found is None or found.empty:
        not_found(what)
        footer(about)
        st.stop()
    return found.iloc[0]


def stop_if_unassessed(period: str | None, about: SimpleNamespace) -> None:
    """End the page with a word when there is no period to report (nothing assessed yet)."""
    if period is None:
        st.info("Kommunen har inte bedömt några mål ännu.")
        footer(about)
        st.stop()


def data_notice(about: SimpleNamespace) -> None:
    """The model's own notice on its data (synthetic example data says so), on the page itself."""
    if isinstance(about.data_notice, str) and about.data_notice:
        st.info(fmt.literal(about.data_notice), icon=":material/science:")


def not_found(what: str) -> None:
    """The page for an address or an id that is not public: the same whatever the reason, so
    that nothing can be told from it, not even whether the id exists."""
    st.title(f"{what} hittades inte")
    st.markdown(
        "Det finns inget att visa på den här adressen. Adressen kan vara felskriven, eller så "
        "finns sidan inte längre."
    )
    st.page_link(START, label="Till startsidan", icon=":material/home:")


def goal_link(goal_id: str, title: str, status: str | None = None) -> None:
    """A link to a goal's page, labelled with its title and, when given, its status (symbol and
    word)."""
    label = fmt.literal(title)
    if status is not None:
        label = f"{st_status.text(status)} · {label}"
    st.page_link(GOAL, label=label, query_params={"id": goal_id})


def area_link(area_id: str) -> None:
    st.page_link(
        AREA,
        label="Visa områdets mål",
        icon=":material/arrow_forward:",
        icon_position="right",
        query_params={"id": area_id},
    )


def status_block(status: str | None, period: str) -> None:
    """The status of a goal in a period, with what the status means."""
    style = st_status.style(status)
    st.markdown(f"#### Bedömning {period}: {st_status.badge(status)}")
    st.caption(style.explanation)


def glossary(terms: tuple[str, ...] | None = None) -> None:
    """The words explained (all of them, or ``terms``), then the goal statuses."""
    lines = [
        f"- **{term}**: {text}"
        for term, text in public_text.GLOSSARY
        if terms is None or term in terms
    ]
    lines += [f"- **{label}**: {text}" for label, text in public_text.status_glossary()]
    st.markdown("\n".join(lines))


def footer(about: SimpleNamespace) -> None:
    st.divider()
    st.caption(f"Uppgifterna uppdaterades {fmt.local_time(about.built_at_utc)}.")
    with st.container(horizontal=True):
        st.page_link(START, label="Startsidan", icon=":material/home:")
        st.page_link(ABOUT, label="Om siffrorna och orden", icon=":material/help:")


def breadcrumbs(goal_id: str) -> None:
    """Where a goal sits, as links: start page › area › … › the goal's parent. Page links, not
    Markdown links, which Streamlit opens in a new tab."""
    chains = fetch("app/goal_breadcrumbs", goal_id=goal_id)
    if chains.empty:
        return
    chain = chains.iloc[0]
    crumbs = list(zip(chain.goal_ids, chain.titles, chain.levels, chain.is_areas, strict=True))
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.page_link(START, label="Start")
        for crumb, title, level, is_area in crumbs[:-1]:
            if level == "vision":
                continue  # the start page shows the vision
            st.caption("›", width="content")
            page = AREA if is_area else GOAL
            st.page_link(page, label=fmt.literal(title), query_params={"id": crumb})


def valid_years(goal: pd.Series) -> str:
    """``"Målet gällde 2019–2022."``"""
    start = "" if pd.isna(goal.valid_from) else str(int(goal.valid_from))
    end = "" if pd.isna(goal.valid_to) else str(int(goal.valid_to))
    if start and end:
        return f"Målet gällde {start}–{end}."
    if end:
        return f"Målet gällde till och med {end}."
    return f"Målet gäller från {start}." if start else ""


def indicator_link(indicator_id: str, title: str) -> None:
    st.page_link(
        INDICATOR,
        label=fmt.literal(title),
        icon=":material/monitoring:",
        query_params={"id": indicator_id},
    )


def lines_by(
    query: str, by: str, title: str, *, shown: tuple[str | None, int] | None = None, **params
) -> list[tuple[str, str, str]]:
    """The status lines (``indicator_lines``) of the rows of ``query``, one entry per value of
    column ``by`` in the rows' order: (that value, its column ``title``, its lines).
    ``shown``: the (unit, decimals) of every row, when the rows do not carry their own. Made
    once per build and parameters, for every session: the texts depend on nothing else."""
    return _lines_by(query, by, title, shown, tuple(sorted(params.items())), *build())


@st.cache_data(max_entries=1024, show_spinner=False)
def _lines_by(query, by, title, shown, params, path: str, version: str):
    rows = fetch(query, **dict(params))
    if shown is not None:
        rows = rows.assign(unit=shown[0], decimals=shown[1])
    return [
        (key, group[title].iloc[0], indicator_lines(group))
        for key, group in rows.groupby(by, sort=False)
    ]


def indicator_lines(rows: pd.DataFrame) -> str:
    """One line per status row of an indicator (the municipality in total, women, men …):
    status, outcome and target, as Markdown."""
    lines = []
    for r in rows.itertuples():
        decimals = shown_decimals(r.decimals)
        unit = r.unit if isinstance(r.unit, str) else None
        who = public_text.subject_words(r.subject_text, r.gender)
        value = public_text.with_unit(r.value, decimals, unit)
        when = f" ({period_name(r.value_period)})" if isinstance(r.value_period, str) else ""
        target = public_text.target_words(
            r.comparator, r.target_value, r.target_low, r.target_high, decimals=decimals,
            unit=unit, reference_name=r.reference_name, reference_value=r.reference_value,
        )  # fmt: skip
        if not who and len(rows) > 1:
            who = "totalt"
        prefix = f"{who.capitalize()}: " if who else ""
        text = f"{prefix}{st_status.text(r.status)} · utfall {value}{when} · målvärde {target}"
        lines.append(f"- {fmt.literal(text)}")
    return "\n".join(lines)
