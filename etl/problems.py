"""A problem found in the input, located the way the user sees the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a source, with enough context to find and fix it.

    ``row`` is the row number as a spreadsheet shows it: the header is row 1.
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    found: str
    expected: str

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"blad {self.sheet}")
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column:
            where.append(f"kolumn {self.column}")
        return f"{', '.join(where)}: {self.found} – förväntat: {self.expected}"


class InvalidInput(Exception):
    """Raised when sources fail validation; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(f"{len(self.problems)} problem i indata")


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.sheet or "", p.row or 0, p.column or "", p.found)
