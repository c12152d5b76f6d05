"""Tables shared by the pages: what the engine returned, in words, symbols and sv-SE numbers."""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from ui import downloads
from ui import format as fmt
from ui import status as st_status
from ui.links import page_url

COMPARATOR_WORDS = {"increase": "ökning", "decrease": "minskning"}
LEVEL_LABELS = {
    "vision": "Vision",
    "område": "Område",
    "kf-mål": "KF-mål",
    "nämndmål": "Nämndmål",
    "verksamhetsmål": "Verksamhetsmål",
    "åtagande": "Åtagande",
}


def grid(frame: pd.DataFrame, *, file_name: str, empty: str, **dataframe_kwargs) -> None:
    """A data grid of ``frame`` (``st.dataframe`` with ``dataframe_kwargs``) with our own CSV
    download under it, or the Swedish sentence ``empty`` when there are no rows. Streamlit's
    own toolbar (English, and its CSV is not for Swedish Excel) is hidden by ui/chrome.css, and
    a missing text is shown as "–", never as the grid's "None".

    On a narrow screen (a phone) the grid gives way to the same rows stacked, one card per row
    with every column's name beside its value (ui/chrome.css switches between the two): a grid
    wider than the screen would hide its right-hand columns, often the status, off-screen."""
    if frame.empty:
        st.info(empty)
        return
    texts = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    shown = frame.astype({c: object for c in texts}).fillna({c: "–" for c in texts})
    with st.container(key=f"rt_grid_{file_name}"):
        st.dataframe(shown, **dataframe_kwargs)
    st.html(stacked_rows(shown, dataframe_kwargs.get("column_config")))
    _csv_button(shown, file_name, dataframe_kwargs.get("column_config"))


def static(
    frame: pd.DataFrame,
    *,
    key: str,
    markdown: bool = False,
    file_name: str | None = None,
    csv_frame: pd.DataFrame | None = None,
) -> None:
    """A static table of ``frame`` (``st.table``, no index): every row and column in view, its
    headings and cells wrapping instead of scrolling sideways, read well by a screen reader.
    Its cells and headings are plain text shown as written, or Markdown where ``markdown`` (a
    link); with a ``file_name`` our CSV download goes under it, of ``csv_frame`` when given (the
    same table in plain text, where ``frame`` holds Markdown).

    On a narrow screen (a phone) each row stacks as a card, the first column its heading and
    every other cell under its column's name (ui/chrome.css; the names are set here, per
    table, as the labels of its cells). ``key`` names the table on its page (letters, digits,
    "_")."""
    if frame.index.name is not None:
        frame = frame.reset_index()
    # st.table reads its headers as Markdown too: plain ones are escaped like the cells.
    shown = (
        frame
        if markdown
        else frame.map(lambda cell: fmt.literal(str(cell))).rename(
            columns=lambda column: fmt.literal(str(column))
        )
    )
    name = f"rt_table_{key}"
    labels = "".join(
        f".st-key-{name} td:nth-child({number}) {{ --rt-label: {_css_string(column)}; }}"
        for number, column in enumerate(frame.columns, start=1)
        if number > 1
    )
    with st.container(key=name):
        st.html(f"<style>{labels}</style>")
        st.table(shown, hide_index=True)
        if file_name is not None:
            _csv_button(frame if csv_frame is None else csv_frame, file_name)


def _css_string(text: object) -> str:
    """``text`` as a quoted CSS string: a column name as a label of the cells under it."""
    escaped = "".join(c if c.isalnum() or c in " -–()" else f"\\{ord(c):x} " for c in str(text))
    return f'"{escaped}"'


def _csv_button(shown: pd.DataFrame, file_name: str, column_config: Mapping | None = None):
    downloads.button(
        "Ladda ner tabellen (CSV)",
        downloads.shown_csv_bytes(shown, column_config),
        file_name,
        key=f"csv_{file_name}",
        help=downloads.CSV_HELP,
        tertiary=True,
    )


def stacked_rows(frame: pd.DataFrame, column_config: Mapping | None = None) -> str:
    """HTML of ``frame`` as one card per row: the first column as its heading, then each other
    column's name and value. Every text is escaped, so it shows as written; a link column
    (``ui.links.link_column``) is a link showing the id the grid shows."""
    if frame.index.name is not None:
        frame = frame.reset_index()
    links = {
        name: config["type_config"]["display_text"]
        for name, config in (column_config or {}).items()
        if isinstance(config, Mapping) and config.get("type_config", {}).get("display_text")
    }

    def cell(name: str, value) -> str:
        if name in links and isinstance(value, str):
            text = html.escape(downloads.link_text(links[name], value) or value)
            return f'<a href="{html.escape(value)}" target="_self">{text}</a>'
        if isinstance(value, float):
            value = fmt.number(value, 0 if value.is_integer() else 2)
        return html.escape(str(value))

    first, *rest = frame.columns
    cards = []
    for row in frame.itertuples(index=False):
        values = dict(zip(frame.columns, row, strict=True))
        pairs = "".join(
            f"<dt>{html.escape(str(c))}</dt><dd>{cell(c, values[c])}</dd>" for c in rest
        )
        cards.append(
            f'<div class="rt-row"><div class="rt-row-head">{cell(first, values[first])}</div>'
            f"<dl>{pairs}</dl></div>"
        )
    return f'<div class="rt-rows">{"".join(cards)}</div>'


# As a heading over several goals of a level; the others are the same in the plural.
LEVEL_PLURALS = {"område": "Strategiska områden", "åtagande": "Åtaganden"}


def level_label(level: str) -> str:
    return LEVEL_LABELS.get(level, level)


def level_plural(level: str) -> str:
    return LEVEL_PLURALS.get(level, level_label(level))


def counts_text(row: pd.Series) -> str:
    """``"✔ 6 · ½ 4 · ✖ 2 · ○ 0"``: a status distribution as plain text."""
    parts = [
        f"{st_status.style(s).symbol}\u00a0{fmt.number(st_status.count(row.status_counts, s))}"
        for s in st_status.GOAL_STATUSES
    ]
    return " · ".join(parts)


def tree_table(tree: pd.DataFrame, base_depth: int = 0) -> pd.DataFrame:
    """The goal tree as a table: indented titles, level, status as symbol and word, score."""
    indent = tree.depth.sub(base_depth).clip(lower=0)
    title = [
        "\u2003" * int(d) + ("└ " if d else "") + f"{g} {t}"
        for d, g, t in zip(indent, tree.goal_id, tree.title, strict=True)
    ]
    return pd.DataFrame(
        {
            "Mål": title,
            "Nivå": tree.level.map(level_label),
            "Status": tree.effective_status.map(st_status.text),
            "Poäng": tree.score.map(lambda v: fmt.number(v, 2)),
        }
    )


def target_text(row: pd.Series, decimals: int = 1) -> str:
    """A target as an analyst writes it: "≥ 75,0", "70,0–80,0", "ökning (±0,5)",
    "bättre än riket (83,1)" (with the reference's value in the period of the outcome)."""
    if row.comparator is None or pd.isna(row.comparator):
        return "–"
    if row.comparator == "better_than":
        text = f"bättre än {row.reference_name}"
        if pd.notna(row.reference_value):
            text += f" ({fmt.number(row.reference_value, decimals)})"
        # Only worse counts against it: the tolerance is how much worse is partly met.
        if row.tolerance:
            text += f" (tolerans {fmt.number(row.tolerance, decimals)})"
        return text
    if row.comparator in COMPARATOR_WORDS:
        text = COMPARATOR_WORDS[row.comparator]
    elif row.comparator == "between":
        text = f"{fmt.number(row.target_low, decimals)}–{fmt.number(row.target_high, decimals)}"
    else:
        sign = "≥" if row.comparator == ">=" else "≤"
        text = f"{sign} {fmt.number(row.target_value, decimals)}"
    if row.tolerance:
        text += f" (±{fmt.number(row.tolerance, decimals)})"
    return text


def indicator_table(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """Indicator statuses of one goal: link, title, target, outcome, previous, trend, status."""
    rows = []
    for _, r in frame.iterrows():
        d = int(r.decimals)
        unit = f"\u00a0{r.unit}" if isinstance(r.unit, str) and r.unit else ""
        who = "" if r.gender == "T" else f" ({'kvinnor' if r.gender == 'K' else 'män'})"
        rows.append(
            {
                "Indikator": page_url("indicator", indicator=r.indicator_id, period=period),
                "Status": st_status.text(r.status),
                "Utfall": (
                    f"{fmt.number(r.value, d)}{unit} ({r.value_period})"
                    if pd.notna(r.value)
                    else "–"
                ),
                "Målvärde": target_text(r, d)
                + (unit if r.comparator in (">=", "<=", "between") else ""),
                "Trend": st_status.trend(r.trend),
                "Föregående": fmt.number(r.prev_value, d) if pd.notna(r.prev_value) else "–",
                "Namn": f"{r.title}{who}",
            }
        )
    return pd.DataFrame(rows)
