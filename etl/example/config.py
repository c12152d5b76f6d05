"""The fixed choices of the example: codes, seed, and which periods have outcomes and reports."""

from __future__ import annotations

SEED = 20261121

MUNICIPALITY_CODE = "9999"
MUNICIPALITY_NAME = "Sjöviks kommun"
RIKET = "0000"
PEER_GROUP = "G99999"
SUBJECTS = (MUNICIPALITY_CODE, RIKET, PEER_GROUP)
GENDER_ORDER = ("T", "K", "M")

KOLADA_YEARS = tuple(range(2017, 2026))  # yearly Kolada-type outcomes, 2017–2025
GOAL_YEARS = tuple(range(2019, 2027))  # two mandate periods: 2019–2022 and 2023–2026
LATEST_TERTIAL = "2026-T2"  # the delårsrapport per 31 August 2026 is the latest report
ASSESSMENT_PERIODS = ("2022", "2023", "2024", "2025", LATEST_TERTIAL)
FULL_TEXT_PERIODS = ("2025", LATEST_TERTIAL)  # older assessments get shorter texts

SOURCE_LABEL = "syntetisk"

DATA_NOTICE = (
    "Exempeldata: Sjöviks kommun är en påhittad kommun. Alla utfall, målvärden och bedömningar "
    "är syntetiska exempeldata, framtagna för att visa hur verktyget fungerar. De är inte verklig "
    "statistik och kommer inte från Kolada. Nyckeltalens id och namn följer Kolada, men värdena "
    "gör det inte. Jämförelseserierna för riket (0000) och för G99999, en påhittad grupp av "
    "liknande kommuner, är också påhittade."
)


def tertial_periods(first_year: int, last: str) -> list[str]:
    """All tertial periods from first_year-T1 up to and including `last`."""
    periods: list[str] = []
    year = first_year
    while True:
        for tertial in (1, 2, 3):
            period = f"{year}-T{tertial}"
            periods.append(period)
            if period == last:
                return periods
        year += 1


INTERNAL_PERIODS = tuple(tertial_periods(GOAL_YEARS[0], LATEST_TERTIAL))


def period_year(period: str) -> int:
    return int(period[:4])


def period_end(period: str) -> tuple[int, int]:
    """(year, month) of the last month in the period; tertials end in April, August, December."""
    if "-T" in period:
        return period_year(period), 4 * int(period[-1])
    return period_year(period), 12


def period_time(period: str) -> float:
    """The period as a fractional year, used as the x axis of the synthetic series."""
    if "-T" in period:
        return period_year(period) + (int(period[-1]) - 1) / 3
    return float(period_year(period))
