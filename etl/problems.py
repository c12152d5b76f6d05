"""A problem found in the input, located the way the user sees the file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

# A cell's text in a message is cut to this many characters: a 200 kB cell must not become a
# 200 kB line on the terminal.
_SHOWN = 200


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
        found = self.found if len(self.found) <= _SHOWN else self.found[:_SHOWN] + " …"
        return f"{', '.join(where)}: {found} – förväntat: {self.expected}"


class InvalidInput(Exception):
    """Raised when sources fail validation; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(f"{len(self.problems)} problem i indata")


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.sheet or "", p.row or 0, p.column or "", p.found)


def did_you_mean(value: str, known: Iterable[str]) -> str | None:
    """The known name ``value`` was probably meant as: the same letters in another case, else
    the closest spelling (a typo or two), else None."""
    by_lower: dict[str, str] = {}
    for name in known:
        by_lower.setdefault(name.lower(), name)
    wanted = value.lower()
    if wanted in by_lower and by_lower[wanted] != value:
        return by_lower[wanted]
    close = difflib.get_close_matches(wanted, list(by_lower), n=1, cutoff=0.75)
    return by_lower[close[0]] if close and by_lower[close[0]] != value else None


def suggestion(value: str, known: Iterable[str]) -> str:
    """`` (menade du X?)`` for the name ``value`` was probably meant as, else nothing."""
    meant = did_you_mean(value, known)
    return f" (menade du {meant}?)" if meant else ""
