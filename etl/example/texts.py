"""The Swedish sentences of the generated assessments."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from attainment.rules import EPSILON
from etl.example.model import Indicator
from etl.example.series import seeded
from etl.example.statuses import Check

NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")
MONTH_RANGES = {1: "januari–april", 2: "januari–augusti", 3: "januari–december"}
TERTIAL_ENDS = {1: "30 april", 2: "31 augusti", 3: "31 december"}
STATUS_SINGULAR = {
    "uppfyllt": "uppfyllt",
    "delvis": "delvis uppfyllt",
    "ej uppfyllt": "ej uppfyllt",
}
STATUS_PLURAL = {
    "uppfyllt": "uppfyllda",
    "delvis": "delvis uppfyllda",
    "ej uppfyllt": "ej uppfyllda",
}
UNITS = {
    "%": " procent",
    "antal": "",
    "index": "",
    "antal/100 000 inv": " per 100 000 invånare",
    "antal/1000 inv": " per 1 000 invånare",
}


def format_number(value: float, decimals: int) -> str:
    """Swedish number formatting for prose: decimal comma, space as thousands separator."""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    negative = value < 0 and round(value, decimals) != 0
    return ("−" if negative else "") + text


def with_unit(indicator: Indicator, value: float) -> str:
    number = format_number(value, indicator.decimals)
    return number + UNITS.get(indicator.unit, f" {indicator.unit}")


def period_name(period: str, indicator: Indicator) -> str:
    """'2025', 'januari–augusti 2026' or, for point-in-time indicators, '31 augusti 2026'."""
    if "-T" not in period:
        return period
    tertial, year = int(period[-1]), period[:4]
    if indicator.point_in_time:
        return f"{TERTIAL_ENDS[tertial]} {year}"
    return f"helåret {year}" if tertial == 3 else f"{MONTH_RANGES[tertial]} {year}"


def period_phrase(period: str, indicator: Indicator) -> str:
    """The period as an adverbial: 'år 2025', 'för januari–augusti 2026', 'per 30 april 2026'."""
    if "-T" not in period:
        return f"år {period}"
    preposition = "per" if indicator.point_in_time else "för"
    return f"{preposition} {period_name(period, indicator)}"


def report_phrase(report: str) -> str:
    if "-T" in report:
        return f"delårsrapporten per {MONTH_RANGES[int(report[-1])].split('–')[1]} {report[:4]}"
    return f"årsredovisningen {report}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def variant(key: str, options: Sequence[str]) -> str:
    # A stable, spread-out choice of phrasing so that the texts do not all read the same. It
    # uses a seeded generator because hash() of a string changes between processes.
    return options[seeded("variant", key).randrange(len(options))]


def _group(check: Check) -> str:
    """'pojkarna', 'kvinnorna' … for a gender-specific target, '' for the total."""
    if check.gender == "T":
        return ""
    school = check.indicator.indicator_id.startswith(("N15", "N17"))
    if check.gender == "K":
        return "flickorna" if school else "kvinnorna"
    return "pojkarna" if school else "männen"


def indicator_sentence(check: Check, report: str, mention_latest: bool = True) -> str:
    """One sentence on an indicator's latest outcome against its target.

    mention_latest adds "(senast tillgängliga utfall)" when a yearly value is used in an
    interim report, which explains why a 2025 value appears in the report per August 2026.
    """
    ind = check.indicator
    group = _group(check)
    if check.latest is None:
        about = lower_first(ind.phrase) + (f" bland {group}" if group else "")
        if check.stale:
            return (
                f"Det senaste utfallet för {about} avser {period_name(check.stale, ind)} och "
                "är för gammalt för att ligga till grund för en bedömning."
            )
        return f"Det saknas utfall för {about}."
    period, value = check.latest
    when = period_phrase(period, ind)
    if mention_latest and "-T" in report and "-T" not in period:
        when += " (senast tillgängliga utfall)"
    amount = with_unit(ind, value)
    if group:
        head = f"Bland {group} uppgick {lower_first(ind.phrase)} till {amount} {when}"
    else:
        head = f"{ind.phrase} uppgick till {amount} {when}"
    if check.comparator is None:
        return f"{head}; indikatorn saknar målvärde."
    if check.comparator in ("increase", "decrease"):
        if check.previous is None:
            return f"{head}."
        before, earlier = check.previous
        if value == earlier:
            return f"{head}, oförändrat jämfört med {period_name(before, ind)}."
        moved = "en ökning" if value > earlier else "en minskning"
        return f"{head}, {moved} från {with_unit(ind, earlier)} {period_phrase(before, ind)}."
    if check.comparator == "between":
        assert check.low is not None and check.high is not None
        where = "inom" if check.status == "uppfyllt" else "utanför"
        span = f"{format_number(check.low, ind.decimals)}–{with_unit(ind, check.high)}"
        return f"{head}, {where} målintervallet {span}."
    goal_value = check.target_value
    assert goal_value is not None
    aim = with_unit(ind, goal_value)
    higher_is_aim = check.comparator == ">="
    if check.status == "uppfyllt":
        if abs(value - goal_value) < EPSILON:
            return f"{head}, vilket motsvarar målvärdet."
        return f"{head}, vilket är {'över' if higher_is_aim else 'under'} målvärdet {aim}."
    within = abs(value - goal_value) <= check.tolerance + EPSILON
    if check.status == "delvis" and within:
        return f"{head}, vilket är nära men inte når målvärdet {aim}."
    if check.status == "delvis" and check.previous:
        # Partly reached because the outcome improved, although it is outside the tolerance.
        before, earlier = check.previous
        side = "under" if higher_is_aim else "över"
        return (
            f"{head}, en förbättring från {with_unit(ind, earlier)} "
            f"{period_phrase(before, ind)} men fortfarande {side} målvärdet {aim}."
        )
    return f"{head}, jämfört med målvärdet {aim}."


def conclusion_sentence(goal_id: str, status: str, report: str) -> str:
    year = report[:4]
    if status == "ej bedömt":
        return f"Målet bedöms inte i {report_phrase(report)}."
    key = f"{goal_id}:{report}"
    if "-T" in report:
        options = {
            "uppfyllt": (
                f"Prognosen är att målet uppfylls för {year}.",
                "Målet bedöms kunna uppfyllas vid årets slut.",
            ),
            "delvis": (
                f"Prognosen är att målet delvis uppfylls för {year}.",
                "Målet bedöms delvis kunna uppfyllas vid årets slut.",
            ),
            "ej uppfyllt": (
                f"Prognosen är att målet inte uppfylls för {year}.",
                "Målet bedöms bli svårt att uppfylla under året.",
            ),
        }
    else:
        options = {
            "uppfyllt": (
                f"Sammantaget bedöms målet som uppfyllt för {year}.",
                f"Målet bedöms som uppfyllt för {year}.",
            ),
            "delvis": (
                f"Sammantaget bedöms målet som delvis uppfyllt för {year}.",
                f"Målet bedöms som delvis uppfyllt för {year}.",
            ),
            "ej uppfyllt": (
                f"Sammantaget bedöms målet inte som uppfyllt för {year}.",
                f"Målet bedöms inte som uppfyllt för {year}.",
            ),
        }
    return variant(key, options[status])


def children_sentence(statuses: Sequence[str]) -> str:
    """Summary of the nämnd goals feeding a KF goal, e.g. 'två som uppfyllda och ett som ...'."""
    total = len(statuses)
    counts = Counter(statuses)
    unassessed = counts.pop("ej bedömt", 0)
    if total == 1:
        if unassessed:
            return "Det nämndmål som bidrar till målet har inte kunnat bedömas."
        return f"Det nämndmål som bidrar till målet bedöms som {STATUS_SINGULAR[statuses[0]]}."
    if unassessed == total:
        return (
            f"Inget av de {NUMBER_WORDS[total]} nämndmål som bidrar till målet har kunnat bedömas."
        )
    if len(counts) == 1 and not unassessed:
        (status,) = counts
        everyone = "Båda nämndmålen" if total == 2 else f"Samtliga {NUMBER_WORDS[total]} nämndmål"
        return f"{everyone} som bidrar till målet bedöms som {STATUS_PLURAL[status]}."
    parts = []
    for status in ("uppfyllt", "delvis", "ej uppfyllt"):
        n = counts.get(status, 0)
        if n:
            words = STATUS_SINGULAR if n == 1 else STATUS_PLURAL
            parts.append(f"{NUMBER_WORDS[n]} som {words[status]}")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    sentence = f"Av de {NUMBER_WORDS[total]} nämndmål som bidrar till målet bedöms {listed}"
    if unassessed:
        sentence += f", medan {NUMBER_WORDS[unassessed]} inte har kunnat bedömas"
    return sentence + "."
