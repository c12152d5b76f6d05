"""``python -m etl template FILE.xlsx``: an empty model workbook to fill in, and on request the
example municipality in the same shape.

One sheet per table of the format (etl/schema.py) with its header on row 1, required columns
marked, a note on every column, drop-down lists where a column takes one of a few values
(levels, statuses, directions, comparators, periods, ja/nej …), and the columns for ids, codes,
periods and dates formatted as text, so that Excel does not turn ``0180`` into 180 or
``2024-05`` into a date. The instructions (``x_instruktioner``) and the lists (``x_listor``)
are on sheets whose names start with ``x_``, which the build skips: the workbook loads as it is
once filled in.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from pathlib import Path

from etl.schema import TABLE_ORDER, TABLES, Column, Kind

INSTRUCTIONS = "x_instruktioner"
LISTS = "x_listor"
TEXT_FORMAT = "@"
FIRST_YEAR_BACK, YEARS_AHEAD = 6, 10  # the periods offered in the drop-down, around this year

# What each table holds, as the instructions sheet says it.
TABLE_TEXTS = {
    "settings": "Kommunen och reglerna: en rad per inställning (kommunkod, namn, regelpaket …).",
    "organisation": "Fullmäktige, styrelsen, nämnderna, förvaltningarna, enheterna och bolagen.",
    "goals": "Målkedjan, från visionen ned till åtagandena: en rad per mål.",
    "indicators": "Indikatorerna (nyckeltalen) som mäter målen.",
    "goal_indicators": "Vilka indikatorer som mäter vilket mål.",
    "targets": "Målvärdena: en rad per mål, indikator och period.",
    "outcomes": "Utfallen: ett uppmätt värde per indikator och period.",
    "forecasts": "Prognoser för helåret som gjordes vid ett delår; de räknas aldrig som utfall.",
    "assessments": "Nämndernas egna bedömningar av målen, med analys och åtgärder.",
    "assignments": "Särskilda uppdrag och aktiviteter: vem som ska genomföra dem, till när och "
    "vilka mål de tjänar. De är inte mål och räknas aldrig in i måluppfyllelsen.",
    "assignment_status": "Hur långt uppdragen har kommit: en status per uppdrag och "
    "uppföljningsperiod, med kommentar.",
}

# What a cell of each kind holds, in the column notes.
KIND_TEXTS = {
    Kind.ID: "ett id, skrivet som text",
    Kind.TEXT: "fritext",
    Kind.ENUM: "ett av värdena i listan",
    Kind.NUMBER: "ett tal, t.ex. 12,5",
    Kind.POSITIVE: "ett tal större än 0",
    Kind.NON_NEGATIVE: "ett tal, 0 eller större",
    Kind.INTEGER: "ett heltal",
    Kind.YEAR: "ett årtal, t.ex. 2025",
    Kind.BOOL: "ja eller nej",
    Kind.PERIOD: "en period: 2025, 2025-T1…T3, 2025-H1…H2, 2025-Q1…Q4 eller 2025-01…12, som text",
    Kind.DATE: "ett datum, ÅÅÅÅ-MM-DD",
    Kind.ID_LIST: "id:n åtskilda med semikolon, t.ex. K1;K2",
    Kind.SDG_LIST: "Agenda 2030-mål och delmål åtskilda med semikolon, t.ex. 4;4.1;11.a",
}
# Excel would change these as they are typed: ids with leading zeros, periods, dates, lists.
_TEXT_KINDS = {Kind.ID, Kind.TEXT, Kind.PERIOD, Kind.DATE, Kind.ID_LIST, Kind.SDG_LIST}
_NUMBER_KINDS = {Kind.NUMBER, Kind.POSITIVE, Kind.NON_NEGATIVE, Kind.INTEGER, Kind.YEAR}
_BOOL_CHOICES = ("ja", "nej")

_INSTRUCTIONS = (
    "Mall för en målmodell i Röd tråd",
    "",
    "Fyll i ett blad per tabell. Rad 1 är rubrikraden: låt den stå kvar och skriv ingenting "
    "ovanför den. Varje rad under den är en rad i tabellen. Kolumnernas ordning spelar ingen "
    "roll, och valfria kolumner får lämnas tomma eller tas bort.",
    "Obligatoriska kolumner har mörk rubrik. Håll muspekaren över en rubrik för att se vad "
    "kolumnen ska innehålla.",
    "Kolumner med en lista (nivå, status, riktning, jämförelse, period, ja/nej …) har en "
    "rullgardinsmeny. En period som inte står i listan går ändå att skriva in.",
    "Kolumnerna för id, koder, perioder och datum är formaterade som text, så att Excel inte gör "
    "om 0180 till 180 eller 2025-05 till ett datum. Klistra in med ”Klistra in värden” så att "
    "formatet står kvar.",
    "Blad vars namn börjar med x_ (som det här) läses inte in. Där kan du ha egna anteckningar.",
    "",
    "När bladen är ifyllda: kontrollera arbetsboken med  python -m etl check FIL.xlsx  och bygg "
    "lagret med  python -m etl build FIL.xlsx. Varje problem anges med blad, rad och kolumn.",
    "Formatet beskrivs i sin helhet i docs/format.md.",
    "",
    "Bladen",
)


class TemplateError(Exception):
    """The workbook could not be written; the message is a Swedish line for the user."""


def periods(today: dt.date) -> list[str]:
    """The periods of the drop-down: from a few years back to ten years ahead, each year
    followed by its tertials, halves, quarters and months."""
    out = []
    for year in range(today.year - FIRST_YEAR_BACK, today.year + YEARS_AHEAD + 1):
        out.append(str(year))
        out += [f"{year}-T{t}" for t in range(1, 4)]
        out += [f"{year}-H{h}" for h in range(1, 3)]
        out += [f"{year}-Q{q}" for q in range(1, 5)]
        out += [f"{year}-{m:02d}" for m in range(1, 13)]
    return out


def choices(column: Column, today: dt.date) -> tuple[str, ...]:
    """The values of a column's drop-down; empty when it has none."""
    if column.kind is Kind.ENUM:
        return column.choices
    if column.kind is Kind.BOOL:
        return _BOOL_CHOICES
    if column.kind is Kind.PERIOD:
        return tuple(periods(today))
    return ()


def column_note(column: Column) -> str:
    required = "Obligatorisk." if column.required else "Valfri."
    listed = f" Värden: {', '.join(column.choices)}." if column.kind is Kind.ENUM else ""
    return f"{required} {KIND_TEXTS[column.kind].capitalize()}.{listed}"


def workbook(today: dt.date, rows: dict[str, list[dict[str, str]]] | None = None):
    """The template as an openpyxl workbook; with ``rows``, each table's rows filled in."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    guide = book.active
    guide.title = INSTRUCTIONS
    for line in _INSTRUCTIONS:
        guide.append([line])
    for name in TABLE_ORDER:
        guide.append([f"{name}: {TABLE_TEXTS[name]}"])
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110
    for (cell,) in guide.iter_rows():
        cell.alignment = Alignment(wrap_text=True, vertical="top")

    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    list_ranges: dict[tuple[str, ...], str] = {}

    def list_range(values: tuple[str, ...]) -> str:
        if values not in list_ranges:
            col = get_column_letter(len(list_ranges) + 1)
            for row, value in enumerate(values, start=1):
                lists[f"{col}{row}"] = value
            list_ranges[values] = f"{LISTS}!${col}$1:${col}${len(values)}"
        return list_ranges[values]

    required_fill = PatternFill("solid", fgColor="1F4E79")
    optional_fill = PatternFill("solid", fgColor="D9E2F3")
    for name in TABLE_ORDER:
        table = TABLES[name]
        sheet = book.create_sheet(name)
        sheet.append([c.name for c in table.columns])
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            header = sheet.cell(row=1, column=index)
            header.font = Font(bold=True, color="FFFFFF" if column.required else "000000")
            header.fill = required_fill if column.required else optional_fill
            header.comment = Comment(column_note(column), "Röd tråd", width=300, height=110)
            dimension = sheet.column_dimensions[letter]
            dimension.width = max(14, len(column.name) + 4)
            if column.kind in _TEXT_KINDS:
                dimension.number_format = TEXT_FORMAT
            values = choices(column, today)
            if values:
                # A warning, not a stop: a value that is not listed (an older period) can be
                # typed anyway; the build checks it.
                check = DataValidation(
                    type="list",
                    formula1=f"={list_range(values)}",
                    allow_blank=True,
                    errorStyle="warning",
                    showErrorMessage=column.kind is not Kind.PERIOD,
                    errorTitle="Inte ett av värdena i listan",
                    error=column_note(column),
                )
                check.add(f"{letter}2:{letter}1048576")
                sheet.add_data_validation(check)
        for row in (rows or {}).get(name, []):
            sheet.append([_cell(column, row.get(column.name, "")) for column in table.columns])
    return book


def _cell(column: Column, text: str) -> object:
    """A value of the example as a spreadsheet holds it: numbers as numbers, the rest as text."""
    if text == "":
        return None
    if column.kind in _NUMBER_KINDS:
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def example_rows(folder: Path) -> dict[str, list[dict[str, str]]]:
    """The example municipality's tables (data/example) as rows of text."""
    out = {}
    for name in TABLE_ORDER:
        path = folder / f"{name}.csv"
        if not path.exists():  # an optional table the example does not use
            continue
        with path.open(encoding="utf-8-sig", newline="") as file:
            out[name] = list(csv.DictReader(file))
    return out


def write(path: Path, today: dt.date, *, example: Path | None = None, force: bool = False) -> None:
    """Write the template to ``path`` (replacing a file only with ``force``), and the example
    municipality in the same shape to ``example`` when given. A file is written beside its
    target and then renamed, so a failed write leaves nothing half written."""
    targets = [(path, None)]
    if example is not None:
        from etl.build import EXAMPLE_SOURCE

        targets.append((example, example_rows(EXAMPLE_SOURCE)))
    for target, _ in targets:
        if target.suffix.lower() != ".xlsx":
            raise TemplateError(f"{target}: filnamnet ska sluta på .xlsx")
        if target.exists() and not force:
            raise TemplateError(
                f"{target} finns redan och skrivs inte över; välj ett annat namn eller ange --force"
            )
    for target, rows in targets:
        _save(workbook(today, rows), target)


def _save(book, target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".mall-", suffix=".xlsx", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise TemplateError(f"{target}: mappen går inte att skriva i ({error.strerror})") from None
    try:
        book.save(temporary)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise TemplateError(f"{target}: filen kunde inte skrivas ({error.strerror})") from None
