"""An indicator's Kolada comparisons (``kolada_comparisons``) in words and tables: the
municipality beside riket, its län and its peer group, the peers' median and range, its rank
among the peers and its place among all kommuner.

Kolada's values are credited "Källa: Kolada"; what the build computed from them (the median,
the range, the rank, the place) says "beräknat av oss från Kolada" instead, never Kolada
(docs/kolada.md#comparisons). Nothing here queries the warehouse or ranks: the numbers come
ready from the build.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ui import format as fmt
from ui import tables

KOLADA = "Källa: Kolada"
OURS = "beräknat av oss från Kolada"
BAND_WORDS = {
    "best": "bästa fjärdedelen",
    "middle": "mellersta hälften",
    "worst": "sämsta fjärdedelen",
}
NO_DIRECTION = (
    "Ingen rangordning: indikatorn har ingen riktning (varken högre eller lägre är bättre), så "
    "ingen kommun är bättre än en annan."
)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _count(value) -> int:
    return 0 if _missing(value) else int(value)


def _value(value, decimals: int, unit: str | None) -> str:
    if _missing(value):
        return "inget värde"
    return fmt.number(value, decimals) + (f"{fmt.NBSP}{unit}" if unit else "")


def chosen_year(frame: pd.DataFrame, period: str | None) -> pd.Series | None:
    """The comparison to tell in words: the selected period's, when it is a year with one;
    else the newest year with the municipality's own value; else the newest."""
    if frame.empty:
        return None
    if period is not None and period in set(frame.period):
        return frame[frame.period == period].iloc[0]
    own = frame[frame.value.notna()]
    return (own if not own.empty else frame).iloc[0]


def rank_text(row: pd.Series) -> str | None:
    """``"bättre än 5 av 10 liknande kommuner med värde (lika med 2, sämre än 3)"``, or None
    when there is no rank (no peer group, no value of ours, or no direction)."""
    if _missing(row.peers_worse) or _count(row.peer_values) == 0:
        return None
    worse, equal, better = (
        _count(row.peers_worse),
        _count(row.peers_equal),
        _count(row.peers_better),
    )
    text = f"bättre än {worse} av {_count(row.peer_values)} liknande kommuner med värde"
    text += f" (lika med {equal}, sämre än {better})" if equal else f" (sämre än {better})"
    return text


def _rank_cell(row: pd.Series) -> str:
    """``"5 av 10 (lika med 2, sämre än 3)"``: ``rank_text`` without the words the column's
    name says."""
    text = rank_text(row)
    if text is None:
        return "–"
    return text.removeprefix("bättre än ").replace(" liknande kommuner med värde", "")


def place_text(row: pd.Series) -> str | None:
    """``"plats 45 av 290 – bästa fjärdedelen"``, or None when there is no place."""
    if _missing(row.place):
        return None
    band = BAND_WORDS.get(row.place_band, "")
    return f"plats {int(row.place)} av {int(row.places)}" + (f" – {band}" if band else "")


def sentences(row: pd.Series, decimals: int, unit: str | None) -> list[str]:
    """The comparison of one year as plain-text lines, each with whose numbers they are."""
    name = str(row.municipality_title)
    lan = str(row.lan_title) if not _missing(row.lan_title) else f"Länet ({row.lan_id})"
    lines = [
        f"{name}: {_value(row.value, decimals, unit)} · {KOLADA}",
        f"Riket: {_value(row.riket_value, decimals, unit)} · {KOLADA}",
        f"{lan}: {_value(row.lan_value, decimals, unit)} · {KOLADA}",
    ]
    if _missing(row.peer_group_id):
        lines.append(
            "Ingen jämförelsegrupp: underlaget har ingen Kolada-grupp med liknande kommuner."
        )
        return lines
    members, values = _count(row.peer_members), _count(row.peer_values)
    group = f"{row.peer_group_title} ({members} kommuner, {values} med värde)"
    if values:
        lines.append(
            f"{group}: median {_value(row.peer_median, decimals, unit)}, lägst "
            f"{_value(row.peer_min, decimals, unit)}, högst {_value(row.peer_max, decimals, unit)}"
            f" · {OURS}"
        )
    else:
        lines.append(f"{group}: inga värden detta år.")
    if row.direction not in ("higher", "lower"):
        lines.append(NO_DIRECTION)
        return lines
    rank = rank_text(row)
    if rank is not None:
        lines.append(f"{name} är {rank} · {OURS}")
    place = place_text(row)
    if place is not None:
        lines.append(f"{name} har {place} bland kommunerna med värde · {OURS}")
    if rank is None and place is None:
        lines.append(f"Ingen rangordning: {name} har inget värde detta år.")
    return lines


def table(frame: pd.DataFrame, decimals: int, unit: str | None) -> pd.DataFrame:
    """Every year's comparison as plain-text cells, each column saying whose numbers it holds."""
    first = frame.iloc[0]
    lan = str(first.lan_title) if not _missing(first.lan_title) else "Länet"
    columns = {
        "År": frame.period,
        f"{first.municipality_title} ({KOLADA})": [fmt.number(v, decimals) for v in frame.value],
        f"Riket ({KOLADA})": [fmt.number(v, decimals) for v in frame.riket_value],
    }
    if frame.lan_value.notna().any():  # many KPIs have no values for the regions
        columns[f"{lan} ({KOLADA})"] = [fmt.number(v, decimals) for v in frame.lan_value]
    if frame.peer_group_id.notna().any():
        columns[f"Liknande kommuner, median ({OURS})"] = [
            fmt.number(v, decimals) for v in frame.peer_median
        ]
        columns[f"Liknande kommuner, lägst–högst ({OURS})"] = [
            "–" if _missing(lo) else f"{fmt.number(lo, decimals)}–{fmt.number(hi, decimals)}"
            for lo, hi in zip(frame.peer_min, frame.peer_max, strict=True)
        ]
    if first.direction in ("higher", "lower"):
        if frame.peer_group_id.notna().any():
            columns[f"Bättre än … av liknande kommuner med värde ({OURS})"] = [
                _rank_cell(r) for _, r in frame.iterrows()
            ]
        columns[f"Plats bland kommunerna ({OURS})"] = [
            (place_text(r) or "–").removeprefix("plats ") for _, r in frame.iterrows()
        ]
    return pd.DataFrame(columns).reset_index(drop=True)


def section(
    frame: pd.DataFrame, row: pd.Series | None, decimals: int, unit: str | None, *, key: str
) -> None:
    """The comparison section of an indicator page: ``row``'s year in words, every year in a
    table. Nothing when the indicator has no Kolada values to compare."""
    if row is None:
        return
    st.subheader("Jämförelse med riket, länet och liknande kommuner")
    with st.container(border=True):
        st.markdown(f"**{fmt.plain(row.period)}**")
        st.markdown("\n".join(f"- {fmt.literal(line)}" for line in sentences(row, decimals, unit)))
    if len(frame) > 1 or row.direction in ("higher", "lower"):
        tables.static(table(frame, decimals, unit), key=f"{key}_years")
    st.caption(
        f"Kommunens, rikets, länets och de liknande kommunernas värden: {KOLADA}. Medianen, "
        f"lägst–högst, rangen och platsen är {OURS}: platsen räknas bland alla kommuner med "
        "värde, och kommuner med samma värde delar den bättre platsen; bästa fjärdedelen är "
        "plats ≤ antalet/4, sämsta fjärdedelen plats > antalet − antalet/4."
    )


def peer_list(peers: pd.DataFrame, row: pd.Series, decimals: int, *, key: str) -> None:
    """The peer group's members and their values in ``row``'s year, in an expander."""
    if peers.empty or _missing(row.peer_group_title):
        return
    with st.expander(f"Kommunerna i {fmt.plain(row.peer_group_title)}, {fmt.plain(row.period)}"):
        tables.static(
            pd.DataFrame(
                {
                    "Kommun": peers.title,
                    f"Värde {row.period} ({KOLADA})": [
                        fmt.number(v, decimals) for v in peers.value
                    ],
                }
            ),
            key=f"{key}_peers",
        )


def with_drill_down(shown: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The goal chain's indicator table ``shown`` (one row per row of ``frame``, the rows of
    app/goal_indicator_details) with riket, the peers' median and the place among the kommuner
    in each row's year before its "Trend" column and the name moved up beside the indicator,
    when any row has a Kolada comparison; and whether it has them."""
    if frame[["riket_value", "peer_median", "place"]].isna().all().all():
        return shown, False
    rows = list(frame.itertuples())
    columns = {
        "Riket": [fmt.number(r.riket_value, int(r.decimals)) for r in rows],
        "Liknande kommuner (median)": [fmt.number(r.peer_median, int(r.decimals)) for r in rows],
        "Plats bland kommunerna": [
            (place_text(pd.Series(r._asdict())) or "–").removeprefix("plats ") for r in rows
        ],
    }
    shown = shown.copy()
    at = list(shown.columns).index("Trend")
    for offset, (name, values) in enumerate(columns.items()):
        shown.insert(at + offset, name, values)
    # The name beside the link: with three more columns the table is wider than the page, and
    # the name at its end would scroll out of view.
    order = ["Indikator", "Namn", *(c for c in shown.columns if c not in ("Indikator", "Namn"))]
    return shown[order], True


DRILL_DOWN_NOTE = (
    f"Riket: {KOLADA}. Liknande kommuner (median) och plats bland kommunerna: {OURS}, för "
    "utfallets år."
)
