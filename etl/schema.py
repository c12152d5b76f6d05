"""The interchange format, version 1.1, as data.

This module is the single source of truth for which tables and columns a source may hold, which
are required and what kind of value each column takes. Validation, the reader and the docs
(``docs/format.md``, checked by ``tests/test_docs.py``) all follow it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from attainment import vocabulary

FORMAT_VERSION = 1
# Version 1.1 added the optional tables assignments and assignment_status; every version 1
# source is a valid 1.1 source with the same results (docs/format.md, "Changes").
FORMAT_MINOR_VERSION = 1

# The longest cell the format holds: Excel's own limit (characters). A longer one is junk (a
# paste gone wrong), and it would be shown whole wherever its column is.
MAX_CELL = 32_767
# The most decimals an indicator's values are shown with (indicators.decimals).
MAX_DECIMALS = 6

# Columns whose name starts with this prefix are kept as extra attributes instead of rejected.
EXTRA_PREFIX = "x_"


class Kind(Enum):
    """What a cell may contain. Each kind has a parser macro in ``queries/etl/macros.sql`` (periods:
    ``queries/shared/periods.sql``)."""

    ID = "id"  # non-empty text, compared exactly after trimming
    TEXT = "text"
    ENUM = "enum"  # one of Column.choices, case-insensitive
    NUMBER = "number"
    POSITIVE = "positive"  # number > 0
    NON_NEGATIVE = "non_negative"  # number >= 0
    INTEGER = "integer"
    YEAR = "year"
    BOOL = "bool"  # ja/nej/true/false/1/0
    PERIOD = "period"  # YYYY, YYYY-T1..T3, YYYY-H1..H2, YYYY-Q1..Q4, YYYY-MM
    DATE = "date"  # YYYY-MM-DD (or an Excel date)
    ID_LIST = "id_list"  # ids separated by ';'
    SDG_LIST = "sdg_list"  # Agenda 2030 goals/targets separated by ';', e.g. 4;4.1;11.a


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # columns that must be unique together (after defaults are applied)
    doc: str = ""

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


# The organisation types, with their Swedish words and which of them set goals of their own
# (the Nämnder page's "nämnder"): organisation_types.csv beside this module is their one source.
ORGANISATION_TYPES_CSV = Path(__file__).resolve().parent / "organisation_types.csv"
with ORGANISATION_TYPES_CSV.open(encoding="utf-8", newline="") as _file:
    ORG_TYPES = tuple(row["type"] for row in csv.DictReader(_file))
# The kinds of period (year, tertial, half, quarter, month) with their Swedish words.
PERIOD_TYPES_CSV = Path(__file__).resolve().parent / "period_types.csv"
# The 17 global goals of Agenda 2030 with their Swedish names (goals.agenda2030 names them).
SDG_GOALS_CSV = Path(__file__).resolve().parent / "agenda2030_goals.csv"
# Ordered from the top of the goal chain to the bottom; the position is the level's rank.
GOAL_LEVELS = ("vision", "område", "kf-mål", "nämndmål", "verksamhetsmål", "åtagande")
DIRECTIONS = ("higher", "lower", "neutral")
INDICATOR_SOURCES = ("kolada", "egen", "scb", "enkät", "ekonomi")
COMPARATORS = (">=", "<=", "between", "increase", "decrease", "better_than")
GENDERS = ("T", "K", "M")
# A nämnd assesses a goal with the statuses a goal can have (attainment/statuses.csv).
ASSESSMENT_STATUSES = vocabulary.GOAL_STATUSES
RULE_PRESETS = tuple(vocabulary.PRESETS)
ASSIGNMENT_KINDS = ("uppdrag", "aktivitet")
# The statuses of an uppdrag or an aktivitet, with their Swedish words and symbols: the file
# assignment_statuses.csv beside this module is their one source.
ASSIGNMENT_STATUSES_CSV = Path(__file__).resolve().parent / "assignment_statuses.csv"
with ASSIGNMENT_STATUSES_CSV.open(encoding="utf-8", newline="") as _file:
    ASSIGNMENT_STATUSES = tuple(row["code"] for row in csv.DictReader(_file))

# The licences a model may publish its open data under (settings key licence), with the page
# that states each one. Matched without regard to case, and "-" or "_" as a space, so the SPDX
# ids (CC-BY-4.0) are accepted too; stored as written here.
LICENCES = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.sv",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.sv",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
}
DEFAULT_LICENCE = "CC BY 4.0"

# The settings keys. Their values are checked by queries/etl/checks/settings.sql.
SETTING_KEYS = (
    "municipality_code",
    "municipality_name",
    "data_notice",
    "rule_preset",
    "full_threshold",
    "partial_threshold",
    "partly_score",
    "min_coverage",
    "max_outcome_age_years",
    "licence",
    "kolada_peer_group",
    "headline_levels",
)
# The goal levels Översikt's headline figures and its trend count, unless headline_levels says
# otherwise (Katrineholm counts its åtaganden too).
DEFAULT_HEADLINE_LEVELS = ("kf-mål", "nämndmål")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "settings",
            (
                Column("key", Kind.ENUM, True, SETTING_KEYS, "setting name"),
                Column("value", Kind.TEXT, True, doc="its value"),
            ),
            key=("key",),
            doc="Municipality and rule parameters, one row per key.",
        ),
        Table(
            "organisation",
            (
                Column("org_id", Kind.ID, True),
                Column("name", Kind.TEXT, True),
                Column("type", Kind.ENUM, True, ORG_TYPES),
                Column("parent_id", Kind.ID, doc="org_id of the parent in the line organisation"),
                Column("short_name", Kind.TEXT),
            ),
            key=("org_id",),
            doc="Fullmäktige, styrelse, utskott, nämnder, förbund, förvaltningar, enheter, bolag.",
        ),
        Table(
            "goals",
            (
                Column("goal_id", Kind.ID, True),
                Column("title", Kind.TEXT, True),
                Column("level", Kind.ENUM, True, GOAL_LEVELS),
                Column("parent_ids", Kind.ID_LIST, doc="goal_ids this goal feeds"),
                Column("responsible", Kind.ID_LIST, doc="org_ids responsible for the goal"),
                Column("valid_from", Kind.YEAR),
                Column("valid_to", Kind.YEAR),
                Column("description", Kind.TEXT),
                Column("agenda2030", Kind.SDG_LIST),
                Column("public", Kind.BOOL, doc="default ja"),
                Column("weight", Kind.POSITIVE, doc="weight in each parent's roll-up, default 1"),
            ),
            key=("goal_id",),
            doc="The goal chain from the vision down to åtaganden.",
        ),
        Table(
            "indicators",
            (
                Column("indicator_id", Kind.ID, True),
                Column("title", Kind.TEXT, True),
                Column("direction", Kind.ENUM, True, DIRECTIONS),
                Column("unit", Kind.TEXT),
                Column("decimals", Kind.INTEGER),
                Column("source", Kind.ENUM, choices=INDICATOR_SOURCES),
                Column("kolada_kpi", Kind.ID, doc="e.g. N15505"),
                Column("description", Kind.TEXT),
                Column("public", Kind.BOOL, doc="default ja"),
            ),
            key=("indicator_id",),
            doc="Indicators (nyckeltal) and their metadata.",
        ),
        Table(
            "goal_indicators",
            (
                Column("goal_id", Kind.ID, True),
                Column("indicator_id", Kind.ID, True),
                Column("weight", Kind.POSITIVE, doc="default 1"),
            ),
            key=("goal_id", "indicator_id"),
            doc="Which indicators measure which goal.",
        ),
        Table(
            "targets",
            (
                Column("goal_id", Kind.ID, True),
                Column("indicator_id", Kind.ID, True),
                Column("period", Kind.PERIOD, True),
                Column("comparator", Kind.ENUM, True, COMPARATORS),
                Column("value", Kind.NUMBER),
                Column("low", Kind.NUMBER),
                Column("high", Kind.NUMBER),
                Column("tolerance", Kind.NON_NEGATIVE, doc="default 0"),
                Column(
                    "subject",
                    Kind.ID,
                    doc="default: the municipality; for better_than the reference area",
                ),
                Column("gender", Kind.ENUM, choices=GENDERS, doc="default T"),
            ),
            key=("goal_id", "indicator_id", "period", "subject", "gender"),
            doc="Target values (målvärden) per goal, indicator and period.",
        ),
        Table(
            "outcomes",
            (
                Column("indicator_id", Kind.ID, True),
                Column("period", Kind.PERIOD, True),
                Column("value", Kind.NUMBER, doc="empty = missing, never 0"),
                Column("subject", Kind.ID, doc="default: the municipality_code"),
                Column("gender", Kind.ENUM, choices=GENDERS, doc="default T"),
                Column("preliminary", Kind.BOOL),
                Column("source", Kind.TEXT),
            ),
            key=("indicator_id", "period", "subject", "gender"),
            doc="Measured values (utfall).",
        ),
        Table(
            "forecasts",
            (
                Column("indicator_id", Kind.ID, True),
                Column("period", Kind.PERIOD, True, doc="the year forecast, e.g. 2025"),
                Column("made_in", Kind.PERIOD, True, doc="the delår it was made at, e.g. 2025-T2"),
                Column("value", Kind.NUMBER, True),
                Column("subject", Kind.ID, doc="default: the municipality_code"),
                Column("gender", Kind.ENUM, choices=GENDERS, doc="default T"),
                Column("comment", Kind.TEXT),
            ),
            key=("indicator_id", "period", "made_in", "subject", "gender"),
            doc="Forecasts (prognoser) of a year's outcome made at a delår; never an outcome.",
        ),
        Table(
            "assessments",
            (
                Column("goal_id", Kind.ID, True),
                Column("period", Kind.PERIOD, True),
                Column("status", Kind.ENUM, True, ASSESSMENT_STATUSES),
                Column("assessed_by", Kind.ID, doc="org_id"),
                Column("analysis", Kind.TEXT),
                Column("actions", Kind.TEXT),
                Column("override_reason", Kind.TEXT),
                Column("assessed_on", Kind.DATE),
            ),
            key=("goal_id", "period"),
            doc="The nämnd's own assessment of a goal for a period.",
        ),
        Table(
            "assignments",
            (
                Column("assignment_id", Kind.ID, True),
                Column("title", Kind.TEXT, True),
                Column("kind", Kind.ENUM, choices=ASSIGNMENT_KINDS, doc="default uppdrag"),
                Column("responsible", Kind.ID_LIST, doc="org_ids that carry it out"),
                Column("decided_by", Kind.ID, doc="org_id of the body that gave it"),
                Column("decided_on", Kind.DATE),
                Column("deadline", Kind.DATE),
                Column("goal_ids", Kind.ID_LIST, doc="goal_ids it serves"),
                Column("description", Kind.TEXT),
                Column("public", Kind.BOOL, doc="default ja"),
            ),
            key=("assignment_id",),
            doc="Särskilda uppdrag and activities: work decided, followed up, never a goal.",
        ),
        Table(
            "assignment_status",
            (
                Column("assignment_id", Kind.ID, True),
                Column("period", Kind.PERIOD, True),
                Column("status", Kind.ENUM, True, ASSIGNMENT_STATUSES),
                Column("comment", Kind.TEXT),
                Column("reported_on", Kind.DATE),
            ),
            key=("assignment_id", "period"),
            doc="How far an uppdrag or aktivitet has come, reported in a follow-up period.",
        ),
    )
}

# The order tables are loaded and checked in; references point to earlier tables.
TABLE_ORDER = tuple(TABLES)
