"""Terminal tables that keep every date, amount and count whole at the console's width.

Rich fits a table that is too wide by cutting cells with an ellipsis, which turns a cutover day
into ``2027-01…``. A :class:`FitTable` is laid out when it is printed, for the width it gets:
as it is when it fits; else with short headings, then with headings cut; then without the
columns it may drop, in their order. A value that must stay whole is never cut; text such as a
name may fold onto more lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.table import Table
from rich.text import Text

FOLD_MIN = 10
"""Text that may fold gets at least this many columns."""


@dataclass(frozen=True)
class FitColumn:
    """One column: its heading (and a shorter one), how it aligns, and whether it may fold."""

    heading: str
    short: str | None = None
    justify: Literal["left", "right"] = "right"
    whole: bool = True
    """Dates, money and counts: never cut. False for text that may fold (names)."""
    footer: str = ""


@dataclass(frozen=True)
class FitTable:
    """A table that chooses its layout for the width it is printed at."""

    title: str
    columns: Sequence[FitColumn]
    rows: Sequence[Sequence[str]]
    drop: Sequence[int] = ()
    """Indexes of the columns that may go when even cut headings do not fit, first to go first."""
    footer: bool = False
    header_style: str = "bold"
    cells: dict[int, list[int]] = field(default_factory=dict, compare=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Table]:
        """Lay the table out for ``options.max_width``."""
        yield self.table(options.max_width)

    def table(self, width: int) -> Table:
        """The rich table for ``width`` columns of terminal."""
        keep = list(range(len(self.columns)))
        drop = list(self.drop)
        while True:
            fit = self._widths(keep, width)
            if fit is not None or not drop:
                return self._build(keep, fit)
            keep.remove(drop.pop(0))

    def _value_width(self, i: int) -> int:
        if i not in self.cells:
            values = [row[i] for row in self.rows] + [self.columns[i].footer]
            self.cells[i] = [max((cell_len(v) for v in values), default=0)]
        return self.cells[i][0]

    def _widths(self, keep: Sequence[int], width: int) -> tuple[dict[int, int], bool] | None:
        """Each kept column's content width and whether the short headings are used; empty
        widths when the table fits as it is; None when its values cannot all stay whole."""
        room = width - 3 * len(keep) - 1
        cols = {i: self.columns[i] for i in keep}
        value = {i: self._value_width(i) for i in keep}
        full = {i: cell_len(c.heading) for i, c in cols.items()}
        if sum(max(value[i], full[i]) for i in keep) <= room:
            return {}, False
        least = {i: value[i] if cols[i].whole else min(value[i], FOLD_MIN) for i in keep}
        if sum(least.values()) > room:
            return None
        for short in (False, True):
            word = {i: _longest_word(c.short if short and c.short else c.heading) for i, c in
                    cols.items()}  # fmt: skip
            widths = {i: max(least[i], word[i]) for i in keep}
            if sum(widths.values()) <= room:
                break
        else:
            widths = dict(least)  # headings are cut: the narrowest needs first
            for i in sorted(keep, key=lambda i: word[i] - least[i]):
                widths[i] += max(min(word[i] - widths[i], room - sum(widths.values())), 0)
        for i in keep:  # text takes what is left, up to its longest line
            if not cols[i].whole:
                widths[i] += max(
                    min(max(value[i], full[i]) - widths[i], room - sum(widths.values())), 0
                )
        return widths, short

    def _build(self, keep: Sequence[int], fit: tuple[dict[int, int], bool] | None) -> Table:
        table = Table(title=self.title, header_style=self.header_style, show_footer=self.footer)
        widths, short = fit if fit is not None else ({}, False)
        for i in keep:
            c = self.columns[i]
            table.add_column(
                Text(c.short if short and c.short else c.heading, no_wrap=False),
                footer=Text(c.footer),
                justify=c.justify,
                no_wrap=c.whole,
                overflow="ellipsis" if c.whole else "fold",
                width=widths.get(i),
            )
        for row in self.rows:
            table.add_row(*(Text(row[i]) for i in keep))
        return table


def _longest_word(text: str) -> int:
    return max((cell_len(w) for w in text.split()), default=0)
