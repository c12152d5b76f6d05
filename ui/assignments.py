"""Särskilda uppdrag and aktiviteter as the pages show them: the rows of ``app/assignments`` in
words, for the page Uppdrag, a goal in Målkedjan and the Nämnder page. They are not goals and
are never shown with goal statuses or counted with them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import downloads, tables
from ui import format as fmt
from ui.data import fetch
from ui.links import markdown_link

NO_REPORT = "Ingen rapport"
KIND_LABELS = {"uppdrag": "Uppdrag", "aktivitet": "Aktivitet"}
PASSED = "⚠ Ja, sista dagen har passerat"
NOT_PASSED = "Nej"
NB_HYPHEN, NBSP = "\u2011", "\u00a0"

EXPLANATION = (
    "Särskilda uppdrag och aktiviteter är inte mål: de räknas aldrig in i måluppfyllelsen. "
    "Statusen är den senaste rapporten till och med perioden; ett genomfört uppdrag står kvar "
    "som genomfört tills en senare rapport säger något annat. Sista dag passerad: sista dagen "
    "ligger före periodens slut och uppdraget är varken genomfört eller avbrutet."
)


def status_text(row) -> str:
    """The status as symbol and word ("● Genomfört"), or that none is reported yet."""
    if pd.isna(row.status):
        return NO_REPORT
    return f"{row.status_symbol} {row.status_label}"


def _date(value) -> str:
    return "–" if pd.isna(value) else f"{value:%Y-%m-%d}"


def _decided(row) -> str:
    """Who decided it and when ("Kommunfullmäktige 2023-02-20"), as far as the model says."""
    parts = [] if pd.isna(row.decided_by_name) else [str(row.decided_by_name)]
    if not pd.isna(row.decided_on):
        parts.append(_date(row.decided_on))
    return " ".join(parts) or "–"


def _comment(row, period: str, labels: dict[str, str]) -> str:
    """The report's comment, saying which period it was reported in when that is earlier."""
    comment = "" if pd.isna(row.comment) else str(row.comment)
    if pd.isna(row.reported_period) or row.reported_period == period:
        return comment or "–"
    earlier = f"Senaste rapport: {labels.get(row.reported_period, row.reported_period)}"
    return f"{comment} · {earlier}" if comment else earlier


def frame(
    rows: pd.DataFrame, period: str, labels: dict[str, str], *, goals: bool = True
) -> pd.DataFrame:
    """The table of ``rows`` (app/assignments) in plain text, as the CSV download holds it;
    the goals it serves as their ids (left out with ``goals=False``, on the goal's own view)."""
    shown = {
        "Uppdrag": [f"{r.assignment_id} {r.title}" for r in rows.itertuples()],
        "Slag": [KIND_LABELS.get(k, k) for k in rows.kind],
        "Ansvarig": [n or "–" for n in rows.responsible_names],
        "Beslutat av": [_decided(r) for r in rows.itertuples()],
        "Status": [status_text(r) for r in rows.itertuples()],
        "Sista dag": [_date(d) for d in rows.deadline],
        "Sista dag passerad": [PASSED if p else NOT_PASSED for p in rows.deadline_passed],
        "Kommentar": [_comment(r, period, labels) for r in rows.itertuples()],
    }
    if goals:
        shown["Mål"] = [", ".join(ids) or "–" for ids in rows.goal_ids]
    return pd.DataFrame(shown)


def show(
    rows: pd.DataFrame,
    period: str,
    labels: dict[str, str],
    *,
    key: str,
    file_parts: tuple[str | None, ...],
    goals: bool = True,
) -> None:
    """The assignments as a static table (cards on a phone), text shown as written and the goals
    as links to Målkedjan, with the plain table as CSV under it."""
    plain = frame(rows, period, labels, goals=goals)
    marked = plain.map(fmt.literal)
    # A date kept on one line in a narrow column: non-breaking hyphens on screen only.
    marked["Sista dag"] = plain["Sista dag"].str.replace("-", NB_HYPHEN)
    marked["Status"] = [fmt.literal(text).replace(" ", NBSP, 1) for text in plain["Status"]]
    if goals:
        marked["Mål"] = [
            ", ".join(markdown_link(g, "goal_chain", goal=g, period=period) for g in ids) or "–"
            for ids in rows.goal_ids
        ]
    tables.static(
        marked,
        key=key,
        markdown=True,
        file_name=downloads.file_name("uppdrag", *file_parts, period, suffix="csv"),
        csv_frame=plain,
    )


def goal_section(goal_id: str, period: str, labels: dict[str, str]) -> None:
    """ "Uppdrag för målet" on a goal in Målkedjan: the assignments serving it, when it has any
    (a model without assignments shows nothing)."""
    _section(
        fetch("app/assignments", period=period, goal=goal_id, org=None),
        "#### Uppdrag för målet",
        "Särskilda uppdrag och aktiviteter som ska bidra till målet. De räknas inte in i målets "
        "status.",
        period,
        labels,
        key=f"goal_{goal_id}",
        file_parts=(goal_id,),
        goals=False,
    )


def committee_section(org_id: str, name: str, period: str, labels: dict[str, str]) -> None:
    """The assignments a nämnd is responsible for, on the Nämnder page, when it has any."""
    _section(
        fetch("app/assignments", period=period, goal=None, org=org_id),
        "### Uppdrag",
        f"Särskilda uppdrag och aktiviteter som {fmt.plain(name)} ansvarar för. De räknas inte "
        "in i målens status eller i antalen ovan.",
        period,
        labels,
        key=f"committee_{org_id}",
        file_parts=(org_id,),
    )


def _section(
    rows: pd.DataFrame, heading: str, caption: str, period: str, labels: dict[str, str], **shown
) -> None:
    if rows.empty:
        return
    st.markdown(heading)
    st.caption(caption)
    show(rows, period, labels, **shown)


def public_goal_section(goal_id: str, period: str, when: str) -> None:
    """The public uppdrag of a goal on its public page (pages/mal.py), one box each in plain
    sentences; the public warehouse holds only those marked public that serve a public goal."""
    rows = fetch("app/assignments", period=period, goal=goal_id, org=None)
    if rows.empty:
        return
    st.subheader("Uppdrag för målet")
    st.caption(
        "Särskilda uppdrag som politiken har gett för att nå målet, så som de redovisades "
        f"{when}. Uppdragen räknas inte in i om målet är nått. Här visas de uppdrag som "
        "kommunen har publicerat."
    )
    for row in rows.itertuples():
        with st.container(border=True):
            st.markdown(f"**{fmt.plain(row.title)}**")
            st.markdown(f"Status {when}: **{status_text(row)}**")
            facts = []
            if row.responsible_names:
                facts.append(f"Ansvarig: {fmt.plain(row.responsible_names)}")
            if not pd.isna(row.deadline):
                facts.append(f"Ska vara klart senast {_date(row.deadline)}")
            if facts:
                st.markdown(" · ".join(facts))
            if row.deadline_passed:
                st.markdown("⚠ **Sista dagen har passerat** och uppdraget är inte genomfört.")
            if not pd.isna(row.comment):
                st.markdown(fmt.plain(row.comment))
