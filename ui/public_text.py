"""The public pages' words: plain Swedish for a resident who has never read a goal report.

Pure functions of the rows the pages fetch (no Streamlit, no queries), so the sentences can be
tested on their own. Status words and symbols come from the status vocabulary (ui.status); what
a status *is* was decided by the engine.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ui import format as fmt
from ui import status as st_status

# The levels of the goal chain as a resident would say them.
LEVEL_WORDS = {
    "vision": "Vision",
    "område": "Område",
    "kf-mål": "Kommunfullmäktiges mål",
    "nämndmål": "Nämndens mål",
    "verksamhetsmål": "Verksamhetens mål",
    "åtagande": "Åtagande",
}

# Short explanations of the words the pages use, in the order the glossary lists them.
GLOSSARY = (
    (
        "Vision",
        "Kommunens långsiktiga mål: hur kommunen vill att det ska vara. Alla andra mål ska "
        "bidra till den.",
    ),
    (
        "Område",
        "Ett strategiskt område, till exempel utbildning eller omsorg. Målen är ordnade i områden.",
    ),
    (
        "Mål",
        "Något som kommunen har bestämt ska bli bättre eller nås. Kommunfullmäktige, som är "
        "kommunens högsta beslutande politiska församling, beslutar om de övergripande målen.",
    ),
    (
        "Nämnd",
        "En grupp politiker som ansvarar för en del av kommunens verksamhet, till exempel skolan. "
        "Nämnderna sätter egna mål som ska bidra till fullmäktiges mål.",
    ),
    (
        "Indikator",
        "Ett mått som visar hur det går för ett mål, till exempel andelen elever som är behöriga "
        "till gymnasiet. Ett mål kan mätas med flera indikatorer.",
    ),
    (
        "Målvärde",
        "Det värde som indikatorn ska nå för att målet ska räknas som uppfyllt, till exempel "
        "minst 90 procent.",
    ),
    (
        "Bedömning",
        "Varje år bedömer kommunen om målen är uppfyllda, utifrån indikatorerna och det som har "
        "hänt under året. Bedömningen redovisas i årsredovisningen.",
    ),
)
HIDDEN_BASIS = (
    "En del av underlaget för bedömningen är inte offentligt, och visas därför inte här. "
    "Bedömningen gäller ändå hela underlaget."
)
_COMPARATOR_WORDS = {">=": "minst", "<=": "högst"}
_DIRECTION_WORDS = {"higher": "Högre värden är bättre.", "lower": "Lägre värden är bättre."}


def level_word(level: str) -> str:
    return LEVEL_WORDS.get(level, level)


def status_glossary() -> list[tuple[str, str]]:
    """``("✔ Uppfyllt", "Målet är nått.")`` for every status a goal can have."""
    return [
        (st_status.text(code), st_status.style(code).explanation)
        for code in st_status.GOAL_STATUSES
    ]


def count_of(counts: Mapping[str, int] | None, code: str) -> int:
    return st_status.count(counts, code)


def reached_line(counts: Mapping[str, int] | None, total: int, period: str) -> str:
    """``"7 av 12 mål uppfyllda 2025"``."""
    best = st_status.GOAL_STATUSES[0]
    reached = count_of(counts, best)
    return f"{fmt.number(reached)} av {fmt.number(total)} mål {_words(best, total)} {period}"


def counts_line(counts: Mapping[str, int] | None) -> str:
    """``"✔ 7 uppfyllda · ½ 3 delvis uppfyllda · ✖ 2 ej uppfyllda"``: the statuses some goal
    has, each with its symbol and word, best first."""
    parts = []
    for code in st_status.GOAL_STATUSES:
        n = count_of(counts, code)
        if n:
            style = st_status.style(code)
            parts.append(f"{style.symbol}{fmt.NBSP}{fmt.number(n)} {_words(code, n)}")
    return " · ".join(parts)


def _words(code: str, n: int) -> str:
    """ "uppfyllt" of one goal, "uppfyllda" of several."""
    style = st_status.style(code)
    return style.phrase if n == 1 else style.plural


def with_unit(value: float | None, decimals: int, unit: str | None) -> str:
    """``"79,3 %"``, ``"228,5 meritpoäng"``; a missing value is a dash."""
    text = fmt.number(value, decimals)
    return f"{text}{fmt.NBSP}{unit}" if unit and text != "–" else text


def target_words(
    comparator: str | None,
    value: float | None,
    low: float | None,
    high: float | None,
    *,
    decimals: int,
    unit: str | None,
    reference_name: str | None = None,
    reference_value: float | None = None,
) -> str:
    """A target as a sentence part: "minst 75,0 %", "mellan 10 och 12 %", "att värdet ska öka",
    "bättre än riket (83,1 %)"."""
    if comparator == "better_than":
        text = f"bättre än {reference_name}"
        if reference_value is not None and not pd.isna(reference_value):
            text += f" ({with_unit(reference_value, decimals, unit)})"
        return text
    if comparator == "increase":
        return "att värdet ska öka"
    if comparator == "decrease":
        return "att värdet ska minska"
    if comparator == "between":
        return f"mellan {fmt.number(low, decimals)} och {with_unit(high, decimals, unit)}"
    if comparator in _COMPARATOR_WORDS:
        return f"{_COMPARATOR_WORDS[comparator]} {with_unit(value, decimals, unit)}"
    return "inget målvärde"


def subject_words(subject_text: str | None, gender: str) -> str:
    """Whom a value is about: "" (the municipality in total), "kvinnor", "riket, män" …"""
    parts = [subject_text] if isinstance(subject_text, str) and subject_text else []
    if gender in ("K", "M"):
        parts.append("kvinnor" if gender == "K" else "män")
    return ", ".join(parts)


def trend_text(
    series: pd.DataFrame,
    targets: pd.DataFrame,
    *,
    direction: str | None,
    decimals: int,
    unit: str | None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The chart in words, for those who cannot see it: how the municipality's own value (in
    total) has moved, its lowest and highest, the latest target, riket and women and men in
    the latest period. ``series`` and ``targets`` are the rows of app/indicator_series and
    app/indicator_targets; ``labels`` names periods ("2025 T2")."""
    labels = labels or {}

    def when(period: str) -> str:
        return labels.get(period, period)

    own = _values(series, role="kommun", gender="T")
    if own.empty:
        return "Det finns inga värden för kommunen som helhet att beskriva."
    name = own.series_label.iloc[0]
    first, last = own.iloc[0], own.iloc[-1]
    same = "samma år" if str(last.period).isdigit() else "samma period"
    show = lambda row: with_unit(row.value, decimals, unit)  # noqa: E731
    sentences = []
    if len(own) == 1:
        sentences.append(f"Det finns ett värde för {name}: {show(last)} ({when(last.period)}).")
    else:
        change = round(last.value, decimals) - round(first.value, decimals)
        moved = "ökat" if change > 0 else "minskat" if change < 0 else "legat kvar på samma nivå"
        sentences.append(
            f"För {name} har värdet {moved} från {show(first)} ({when(first.period)}) till "
            f"{show(last)} ({when(last.period)})."
        )
        low, high = own.loc[own.value.idxmin()], own.loc[own.value.idxmax()]
        if low.period not in (first.period, last.period) or high.period not in (
            first.period,
            last.period,
        ):
            sentences.append(
                f"Lägst var det {show(low)} ({when(low.period)}) och högst {show(high)} "
                f"({when(high.period)})."
            )
        before = own.iloc[-2]
        step = round(last.value, decimals) - round(before.value, decimals)
        if len(own) > 2 and step:
            word = "ökade" if step > 0 else "minskade"
            size = with_unit(abs(step), decimals, unit)
            sentences.append(
                f"Från {when(before.period)} till {when(last.period)} {word} värdet med {size}."
            )
    if bool(last.is_preliminary):
        sentences.append("Det senaste värdet är preliminärt.")
    if direction in _DIRECTION_WORDS:
        sentences.append(_DIRECTION_WORDS[direction])
    said = None
    for target in _targets_around(targets, own.subject.iloc[0], last.period_end):
        words = target_words(
            target.comparator, target.value, target.low, target.high, decimals=decimals, unit=unit
        )
        if words != said:
            sentences.append(f"Målvärdet för {when(target.period)} är {words}.")
        said = words
    riket = _values(series, role="riket", gender="T")
    riket = riket[riket.period == last.period]
    if not riket.empty:
        sentences.append(f"Riket hade {show(riket.iloc[0])} {same}.")
    women = _values(series, role="kommun", gender="K")
    men = _values(series, role="kommun", gender="M")
    women, men = women[women.period == last.period], men[men.period == last.period]
    if not women.empty and not men.empty:
        sentences.append(
            f"{same.capitalize()} var värdet {show(women.iloc[0])} bland kvinnor och "
            f"{show(men.iloc[0])} bland män."
        )
    return " ".join(sentences)


def _values(series: pd.DataFrame, *, role: str, gender: str) -> pd.DataFrame:
    rows = series[(series.role == role) & (series.gender == gender)]
    return rows[rows.value.notna()].sort_values("period_end", kind="stable")


def _targets_around(targets: pd.DataFrame, subject: str, latest_end) -> list:
    """The municipality's own targets (in total) worth saying: the one for the latest value's
    period (or the last before it), and the last one set beyond it."""
    rows = targets[(targets.subject == subject) & (targets.gender == "T") & ~targets.is_carried]
    if rows.empty:
        return []
    rows = rows.sort_values("period_end", kind="stable")
    ends = pd.to_datetime(rows.period_end)
    until, after = rows[ends <= pd.Timestamp(latest_end)], rows[ends > pd.Timestamp(latest_end)]
    return [part.iloc[-1] for part in (until, after) if not part.empty]
