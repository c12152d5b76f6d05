"""The indicator page's figure and tables, built from the rows of its queries.

Kept out of ``pages/indicator.py`` so the page stays thin: inputs → one data call per visual →
these functions → render. Nothing here queries the warehouse or decides a status.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import charts, downloads, tables
from ui import format as fmt
from ui import status as st_status
from ui.links import markdown_link

# Okabe–Ito colours, the same palette as ui/status.py; each line also has its own dash and a
# name in the legend, so no series is told apart by colour alone.
_SERIES_STYLE = {
    ("kommun", "T"): {"color": "#0072B2", "width": 3.5, "dash": "solid"},
    ("kommun", "K"): {"color": "#CC79A7", "width": 2, "dash": "dash"},
    ("kommun", "M"): {"color": "#56B4E9", "width": 2, "dash": "dot"},
    ("riket", "T"): {"color": "#000000", "width": 1.5, "dash": "solid"},
    ("grupp", "T"): {"color": "#E69F00", "width": 2, "dash": "dashdot"},
}
_UNIT_COLOURS = ("#8C8C8C", "#D55E00", "#009E73", "#F0E442")
_TARGET_COLOURS = {"T": "#009E73", "K": "#CC79A7", "M": "#56B4E9"}
_BAND_FILL = "rgba(0, 158, 115, 0.15)"
_MAX_TICKS = 12
_COMPARATOR_WORDS = {">=": "≥", "<=": "≤"}


def shown_decimals(decimals: float | int | None) -> int:
    """The indicator's decimals, or 2 when the model does not say."""
    return 2 if pd.isna(decimals) else int(decimals)


def status_table(frame: pd.DataFrame, decimals: int, period: str) -> pd.DataFrame:
    """The indicator's status per goal in ``period``, for ``st.table``: every cell is Markdown,
    and "Mål" links to the goal in the goal chain. A static table, not a data grid: it has a
    few rows, reads well with a screen reader, and draws ~40 ms faster on each indicator pick
    (bench/pages.py, large model)."""
    rows = list(frame.itertuples())

    def cells(texts, *, one_line: bool = True) -> list[str]:
        # Short cells on one line each ("✓ Uppfyllt", "79,3 (2025)"); long ones wrap.
        escaped = [fmt.literal(text) for text in texts]
        return [text.replace(" ", fmt.NBSP) for text in escaped] if one_line else escaped

    return pd.DataFrame(
        {
            "Mål": [
                markdown_link(r.goal_id, "goal_chain", goal=r.goal_id, period=period) for r in rows
            ],
            "Status": cells(map(st_status.text, frame.status)),
            "Målvärde": cells(
                (
                    tables.target_text(r, decimals)
                    + (f" för {r.target_period}" if _missing_to_none(r.target_period) else "")
                    for r in rows
                ),
                one_line=False,
            ),
            "Utfall": cells(_value_in(r.value, r.value_period, decimals) for r in rows),
            "Föregående utfall": cells(
                _value_in(r.prev_value, r.prev_period, decimals) for r in rows
            ),
            "Trend": cells(map(st_status.trend, frame.trend)),
            "Avser": cells(_who(r.subject_text, r.gender) for r in rows),
            "Målets namn": cells(frame.goal_title, one_line=False),
        }
    )


def value_table(series: pd.DataFrame, decimals: int, unit: str | None) -> pd.DataFrame:
    """The plotted values as a table: period, subject, gender, value (sv-SE), preliminary,
    source. Its CSV download is ``ui.downloads.shown_csv_bytes`` of it."""
    return pd.DataFrame(
        {
            "Period": series.period,
            "Avser": series.subject_label,
            "Kön": series.gender_label,
            _value_header(unit): [fmt.number(v, decimals) for v in series.value],
            "Preliminärt": series.is_preliminary.map({True: "ja", False: "nej"}),
            "Källa": series.source.fillna("–"),
        }
    ).reset_index(drop=True)


def csv_download(
    table: pd.DataFrame,
    indicator_id: str,
    period_type_label: str,
    *,
    key: str,
    label: str = "Ladda ner som CSV",
) -> None:
    """A button that downloads the plotted values ``table`` for Swedish Excel (ui/downloads.py),
    in a file named for the indicator and the kind of period: ``utfall-N15505-ar.csv``."""
    csv_button(downloads.shown_csv_bytes(table), indicator_id, period_type_label, key=key,
               label=label)  # fmt: skip


def csv_button(
    csv: bytes,
    indicator_id: str,
    period_type_label: str,
    *,
    key: str,
    label: str = "Ladda ner som CSV",
) -> None:
    """``csv_download`` of CSV bytes already made (``downloads.shown_csv_bytes``)."""
    downloads.button(
        label,
        csv,
        downloads.file_name("utfall", indicator_id, period_type_label.lower(), suffix="csv"),
        key=key,
        help=downloads.CSV_HELP,
    )


def sources_text(series: pd.DataFrame) -> str:
    """Where the plotted values come from, from the rows' own ``source``: ``"Källa: Kolada"``
    only for rows that say Kolada, e.g. ``"Källa: syntetisk"`` or
    ``"Källa: Kolada (Riket); Skolverket (Norrskolan (NORR))"``."""
    labels = series.source_label.fillna("uppgift saknas")
    distinct = list(dict.fromkeys(labels))
    if len(distinct) <= 1:
        return f"Källa: {distinct[0] if distinct else 'uppgift saknas'}"
    parts = []
    for label in distinct:
        who = list(dict.fromkeys(series.loc[labels == label, "series_label"]))
        parts.append(f"{label} ({', '.join(who)})")
    return "Källa: " + "; ".join(parts)


def source_notes(series: pd.DataFrame, indicator_source: str | None) -> list[str]:
    """Markdown: where the values come from (``sources_text``), and a warning when the model
    calls the indicator a Kolada KPI but its values do not say they come from Kolada: those
    values must not be credited to Kolada."""
    sources = sources_text(series)
    notes = [fmt.plain(sources)]  # the sources are the rows' own text
    if indicator_source == "kolada" and sources != "Källa: Kolada":
        notes.append(
            "Indikatorn är ett Kolada-nyckeltal, men värdena här anges inte komma från Kolada "
            "och ska inte krediteras Kolada."
        )
    return notes


def kolada_about(kolada: pd.DataFrame) -> None:
    """Kolada's own words about the indicator's KPI, when a Kolada folder brought them: its
    title, description, operating area and publication dates, and a warning when Kolada no
    longer publishes the series."""
    if kolada.empty:
        return
    kpi = kolada.iloc[0]
    if kpi.is_discontinued:
        st.warning(
            f"Kolada publicerar inte längre nyckeltalet {fmt.plain(kpi.kpi)} "
            f"(”{fmt.plain(kpi.title)}”): nya värden kommer inte.",
            icon=":material/history:",
        )
    with st.expander(f"Om nyckeltalet {fmt.plain(kpi.kpi)} i Kolada"):
        st.markdown(f"**{fmt.plain(kpi.title)}**")
        if kpi.description:
            st.markdown(fmt.plain(kpi.description))
        facts = [
            f"Verksamhetsområde: {fmt.plain(kpi.operating_area or '–')}",
            f"Senast publicerade period: {fmt.plain(kpi.publ_period or '–')}",
        ]
        for label, day in (
            ("Nästa publicering (slutliga värden)", kpi.publication_date),
            ("Nästa publicering (preliminära värden)", kpi.prel_publication_date),
        ):
            if pd.notna(day):
                facts.append(f"{label}: {pd.Timestamp(day):%Y-%m-%d}")
        if pd.notna(kpi.fetched_at):
            facts.append(f"Hämtad: {pd.Timestamp(kpi.fetched_at):%Y-%m-%d}")
        # One fact a line: run together with "·" they wrapped mid-fact on a phone.
        st.caption("  \n".join([*facts, "Källa: Kolada"]))


_MAX_REVISIONS = 10


def kolada_revisions(revisions: pd.DataFrame, decimals: int) -> None:
    """Kolada's revisions of the values shown (``app/indicator_kolada_revisions``), below them,
    one line each: "Säter 2020: reviderat 2025-03-02: 84,1 → 83,7" (the earlier fetch's value,
    then the later one's, on the day of the later fetch). Nothing when Kolada changed none."""
    if revisions.empty:
        return
    lines = [
        f"{fmt.plain(r.series_label)} {r.year}: reviderat {pd.Timestamp(r.revised_at):%Y-%m-%d}: "
        f"{fmt.number(_missing_to_none(r.revised_from), decimals)}{fmt.NBSP}→{fmt.NBSP}"
        f"{fmt.number(_missing_to_none(r.value), decimals)}"  # the pair on one line
        for r in revisions.head(_MAX_REVISIONS).itertuples()
    ]
    if len(revisions) > _MAX_REVISIONS:
        lines.append(f"… och {fmt.number(len(revisions) - _MAX_REVISIONS)} till.")
    st.caption(
        "**Reviderade värden:** Kolada har ändrat dem sedan en tidigare hämtning (tidigare värde "
        "→ nytt värde).  \n" + "  \n".join(lines) + "  \nKälla: Kolada"
    )


def forecasts(rows: pd.DataFrame, decimals: int, unit: str | None) -> None:
    """The forecasts of the year made at a delår (``app/indicator_forecasts``), apart from the
    outcomes and said to be forecasts: "Prognos för helåret 2025, gjord vid 2025 tertial 2:
    84,0 % (totalt)". Nothing when there are none."""
    if rows.empty:
        return
    suffix = f"{fmt.NBSP}{fmt.plain(unit)}" if isinstance(unit, str) and unit else ""
    lines = [
        f"Prognos för helåret {r.period}, gjord vid {r.made_in_label}: "
        f"{fmt.number(r.value, decimals)}{suffix} ({fmt.plain(_who(r.subject_text, r.gender))})"
        + (f" – {fmt.plain(r.comment)}" if isinstance(r.comment, str) and r.comment else "")
        for r in rows.itertuples()
    ]
    st.markdown("**Prognoser**")
    st.caption(
        "  \n".join(lines) + "  \nEn prognos är ingen mätning: den räknas inte in i "
        "måluppfyllelsen och visas inte i diagrammet."
    )


def target_notes(targets: pd.DataFrame) -> list[str]:
    """Targets that are a direction rather than a level (increase, decrease) or a comparison
    with another area (better_than): said in words, because there is no line to draw. Markdown,
    names from the data escaped."""
    notes = []
    for comparator, word in (("increase", "öka"), ("decrease", "minska")):
        rows = targets[(targets.comparator == comparator) & ~targets.is_carried]
        if not rows.empty:
            periods = list(rows.period)
            span = periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"
            notes.append(
                f"Målet är att värdet ska {word} jämfört med föregående period "
                f"(målvärde för {span}); det ritas inte som en linje."
            )
    compared = targets[(targets.comparator == "better_than") & ~targets.is_carried]
    for name, rows in compared.groupby("reference_name", sort=False):
        periods = list(dict.fromkeys(rows.period))
        span = periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"
        notes.append(
            f"Målet är att värdet ska vara bättre än för {fmt.plain(name)} (målvärde för "
            f"{span}); det ritas inte som en linje."
        )
    return notes


def figure(
    series: pd.DataFrame,
    targets: pd.DataFrame,
    *,
    decimals: int,
    unit: str | None,
    selected_period: str | None = None,
    selected_period_end=None,
) -> go.Figure:
    """The time series chart: one line per subject and gender, the target line or band, open
    markers for preliminary values, x = the period's end date, hover with the period code."""
    fig = go.Figure()
    unit_text = f" {fmt.chart_text(unit)}" if unit else ""
    value_format = f"%{{y:,.{decimals}f}}{unit_text}"
    unit_index = 0
    for _, rows in series.groupby("series_rank", sort=True):
        first = rows.iloc[0]
        style = _SERIES_STYLE.get((first.role, first.gender))
        if style is None:
            colour = _UNIT_COLOURS[unit_index % len(_UNIT_COLOURS)]
            style = {"color": colour, "width": 1.5, "dash": "longdash"}
            unit_index += 1
        preliminary = rows.is_preliminary.tolist()
        fig.add_scatter(
            x=rows.period_end,
            y=rows.value,
            name=fmt.chart_text(first.series_label),
            mode="lines+markers",
            line={"color": style["color"], "width": style["width"], "dash": style["dash"]},
            marker={
                "size": 9 if first.role == "kommun" else 6,
                "color": style["color"],
                "symbol": ["circle-open" if p else "circle" for p in preliminary],
                "line": {"width": 2, "color": style["color"]},
            },
            customdata=list(
                zip(
                    rows.period,
                    [" (preliminärt)" if p else "" for p in preliminary],
                    rows.source_label.fillna("uppgift saknas").map(fmt.chart_text),
                    strict=True,
                )
            ),
            hovertemplate=(
                f"<b>%{{fullData.name}}</b><br>%{{customdata[0]}}: {value_format}"
                "%{customdata[1]}<br>Källa: %{customdata[2]}<extra></extra>"
            ),
            connectgaps=False,
        )
    if series.is_preliminary.any():
        # A legend entry that says what an open marker means.
        fig.add_scatter(
            x=[None],
            y=[None],
            name="preliminärt värde",
            mode="markers",
            marker={"symbol": "circle-open", "size": 9, "color": "#555555"},
            hoverinfo="skip",
        )
    _add_targets(fig, targets, decimals, unit_text)
    ticks = _ticks(series, targets)
    fig.update_xaxes(
        type="date",
        tickvals=[t[0] for t in ticks],
        ticktext=[t[1] for t in ticks],
        showgrid=False,
    )
    fig.update_yaxes(
        title_text=fmt.chart_text(unit) if unit else None,
        tickformat=f",.{decimals}f",
        zeroline=False,
    )
    ends = pd.concat([series.period_end, targets.period_end]).map(pd.Timestamp)
    if selected_period_end is not None and ends.min() <= selected_period_end <= ends.max():
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=selected_period_end,
            x1=selected_period_end,
            y0=0,
            y1=1,
            line={"color": "#555555", "width": 1, "dash": "dot"},
        )
        fig.add_annotation(
            x=selected_period_end,
            xref="x",
            y=1,
            yref="paper",
            text=f"vald period {selected_period}",
            showarrow=False,
            xanchor="right",
            yanchor="top",
            font={"size": 12, "color": "#555555"},
        )
    charts.layout(fig, height=440, hovermode="closest")
    # The legend above the plot (charts.layout): below it, it hid the x axis's labels where a
    # narrow chart turns them on end.
    fig.update_layout(margin={"l": 10, "r": 10, "t": 20, "b": 10})
    return fig


def _add_targets(fig: go.Figure, targets: pd.DataFrame, decimals: int, unit_text: str) -> None:
    for (_, gender), rows in targets.groupby(["subject", "gender"], sort=False):
        label = fmt.chart_text(rows.series_label.iloc[0])
        colour = _TARGET_COLOURS.get(gender, "#009E73")
        level = rows.comparator.isin([">=", "<="])
        band = rows.comparator == "between"
        period_text = [
            f"{p} (gäller tills ett nytt målvärde finns)" if c else p
            for p, c in zip(rows.period, rows.is_carried, strict=True)
        ]
        if level.any():
            words = [_COMPARATOR_WORDS.get(c, "") for c in rows.comparator]
            fig.add_scatter(
                x=rows.period_end,
                y=rows.value.where(level),
                name=label,
                mode="lines+markers",
                line={"color": colour, "width": 2, "dash": "dash", "shape": "hv"},
                marker={"size": 10, "symbol": "line-ew-open", "color": colour},
                meta=label,
                customdata=list(zip(period_text, words, strict=True)),
                hovertemplate=(
                    f"<b>%{{meta}}</b><br>%{{customdata[0]}}: %{{customdata[1]}} "
                    f"%{{y:,.{decimals}f}}{unit_text}<extra></extra>"
                ),
                connectgaps=False,
            )
        if band.any():
            group = f"band-{label}"
            fig.add_scatter(
                x=rows.period_end,
                y=rows.low.where(band),
                name=f"{label} (nedre gräns)",
                mode="lines",
                line={"color": colour, "width": 1, "dash": "dash", "shape": "hv"},
                legendgroup=group,
                showlegend=False,
                meta=label,
                customdata=period_text,
                hovertemplate=(
                    f"<b>%{{meta}}</b><br>%{{customdata}}: lägst %{{y:,.{decimals}f}}{unit_text}"
                    "<extra></extra>"
                ),
                connectgaps=False,
            )
            fig.add_scatter(
                x=rows.period_end,
                y=rows.high.where(band),
                name=f"{label}: intervall",
                mode="lines",
                line={"color": colour, "width": 1, "dash": "dash", "shape": "hv"},
                fill="tonexty",
                fillcolor=_BAND_FILL,
                legendgroup=group,
                meta=label,
                customdata=period_text,
                hovertemplate=(
                    f"<b>%{{meta}}</b><br>%{{customdata}}: högst %{{y:,.{decimals}f}}{unit_text}"
                    "<extra></extra>"
                ),
                connectgaps=False,
            )


def _ticks(series: pd.DataFrame, targets: pd.DataFrame) -> list[tuple]:
    """One tick per period end, labelled with its period code. When there are more than
    _MAX_TICKS, only year ends are labelled (``2024``, ``2024-T3``), and if they are still too
    many, every n-th counted back from the latest, so the newest is always labelled."""
    codes: dict = {}
    for frame in (series, targets):
        for end, period in zip(frame.period_end, frame.period, strict=True):
            codes.setdefault(pd.Timestamp(end), period)
    ordered = sorted(codes.items())
    if len(ordered) > _MAX_TICKS:
        year_ends = [t for t in ordered if (t[0].month, t[0].day) == (12, 31)]
        ordered = year_ends or ordered
    step = max(1, math.ceil(len(ordered) / _MAX_TICKS))
    return ordered[::-1][::step][::-1]


def _value_header(unit: str | None) -> str:
    return f"Värde ({unit})" if unit else "Värde"


def _value_in(value, period, decimals: int) -> str:
    if _missing_to_none(value) is None:
        return "–"
    return f"{fmt.number(value, decimals)} ({period})"


def _who(subject_text: str, gender: str) -> str:
    parts = [subject_text] if subject_text else []
    parts.append({"K": "kvinnor", "M": "män"}.get(gender, "totalt"))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _missing_to_none(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value
