"""Problems found in the user's data, as values: collected, sorted and reported all at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum

from migrasi.core.codes import CODES, Severity

Path = tuple[str | int, ...]
"""A place inside a document, as pydantic names it: ``('systems', 3, 'depends_on', 1)``."""


class Anchor(Enum):
    """Which node of a path a finding points at."""

    VALUE = "value"
    """The value node at the path (a wrong value, a ref, an id)."""
    KEY = "key"
    """The key node whose value is at the path (an unknown or repeated key)."""
    FIRST_KEY = "first_key"
    """The first key of the mapping at the path (a missing key)."""
    NONE = "none"
    """No place in a file (E205 when there is no data-center file)."""


def column_letters(column: int) -> str:
    """The spreadsheet name of a 1-based column number: 1 → ``A``, 28 → ``AB``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, order=True)
class Cell:
    """A place in a workbook instead of a line: a sheet and a cell (or a range of cells)."""

    sheet: str
    row: int
    column: int
    last_row: int = 0
    last_column: int = 0

    def __str__(self) -> str:
        first = f"{column_letters(self.column)}{self.row}"
        if self.last_row and (self.last_row, self.last_column) != (self.row, self.column):
            first += f":{column_letters(self.last_column)}{self.last_row}"
        return f"{self.sheet}!{first}"


@dataclass(frozen=True, eq=False)
class Finding:
    """One problem at one place: a code, the arguments of its message, and where it is."""

    code: str
    file: str | None
    path: Path = ()
    args: Mapping[str, object] = field(default_factory=dict)
    anchor: Anchor = Anchor.VALUE
    line: int | None = None
    column: int | None = None
    reason: str | None = None
    """For an accepted warning: the reason the region gave."""
    cell: Cell | None = None
    """For a workbook: the sheet and cell, shown instead of ``line:column``."""

    @property
    def severity(self) -> Severity:
        """The code's severity (codes.py), or ``accepted`` when its region gave a reason."""
        return "accepted" if self.reason is not None else CODES[self.code].severity

    def at(self, line: int | None, column: int | None) -> Finding:
        """Return this finding placed at ``line:column``."""
        return replace(self, line=line, column=column)

    def accepted(self, reason: str) -> Finding:
        """Return this warning marked as accepted by its region, with the reason."""
        return replace(self, reason=reason)


def path_text(path: Path) -> str:
    """Render a path the way messages show it: ``systems[3].depends_on[1]``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(("." if out else "") + part)
    return "".join(out)


NO_CELL = Cell("", 0, 0)

SortKey = tuple[str, int, int, Cell, str, str, str]


def sort_key(f: Finding) -> SortKey:
    """Order findings by file, line, column (or sheet and cell), code, then path and arguments."""
    return (
        f.file or "",
        f.line if f.line is not None else 0,
        f.column if f.column is not None else 0,
        f.cell or NO_CELL,
        f.code,
        path_text(f.path),
        repr(sorted((k, str(v)) for k, v in f.args.items())),
    )


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings in report order, without exact repeats."""
    unique: dict[tuple[SortKey, str], Finding] = {}
    for f in findings:
        unique.setdefault((sort_key(f), f.severity), f)
    return [unique[k] for k in sorted(unique)]


def tally(findings: Iterable[Finding], severity: Severity) -> int:
    """How many of ``findings`` have ``severity`` (accepted warnings count as ``accepted``)."""
    return sum(f.severity == severity for f in findings)
