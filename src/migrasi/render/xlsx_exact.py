"""Worksheets whose numbers never lose a digit.

A spreadsheet holds a number in binary floating point and shows and saves it to 15 significant
digits, so a figure of 10^15 Rupiah or more (2^53 is 9.007 × 10^15) would come back with
digits changed. Such a figure is written as text instead — the digits grouped as the number
format would show them, right-aligned — with a note saying why; a formula on a sheet that
holds such a text (or whose value is such a figure) is written as its value, since the text
would not add up in it.
"""

from __future__ import annotations

from typing import Any

from migrasi.render.catalog import text
from migrasi.render.numbers import group_digits, money

EXACT_BELOW = 10**15
"""Whole numbers below this (15 digits) keep every digit in a spreadsheet; larger are text."""


def fits(value: object) -> bool:
    """Whether a spreadsheet keeps every digit of ``value``."""
    return not isinstance(value, int) or abs(value) < EXACT_BELOW


class ExactSheet:
    """A worksheet (every other method passes through) whose numbers keep every digit."""

    def __init__(self, ws: Any, lang: str, money_formats: tuple[Any, ...], shown: Any) -> None:
        self._ws = ws
        self.sheet = ws
        """The worksheet itself: numbers that :func:`fits` and texts may go straight to it."""
        self._lang = lang
        self._money = money_formats
        self._shown = shown
        self.texted = False
        """Whether a figure on this sheet went as text (its formulas then go as values)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ws, name)

    def write_number(self, row: int, col: int, value: Any, fmt: Any = None) -> Any:
        """A number cell, or the figure as text with a note when a spreadsheet would change it."""
        if fits(value):
            return self._ws.write_number(row, col, value, fmt)
        self.texted = True
        shown = money(value, self._lang) if fmt in self._money else group_digits(value, self._lang)
        self._ws.write_string(row, col, shown, self._shown)
        note = text("xlsx.as_text", self._lang, digits=len(str(abs(value))))
        return self._ws.write_comment(row, col, note, {"author": "migrasi"})

    def write_formula(
        self, row: int, col: int, formula: str, fmt: Any = None, value: Any = 0
    ) -> Any:
        """A formula with its cached value, or that value alone beside figures written as text."""
        if self.texted or not fits(value):
            return self.write_number(row, col, value, fmt)
        return self._ws.write_formula(row, col, formula, fmt, value)
