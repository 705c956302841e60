"""Read the region and systems sheets of a workbook cell by cell, exactly as they were saved.

openpyxl's reader finds the workbook's parts (the sheets by name, the date styles) and its
sheet parser streams each sheet's XML; this module reads the shared strings and the cells
itself, because openpyxl turns every number through binary floating point and drops a
formula's stored value. A number keeps the decimal text it was saved as (more than 15
significant digits, which no spreadsheet shows, is noise); a formula is read by its stored
value (none stored is a finding); a date style makes a whole number a date. Only the sheets
named for the region and the systems (in either language) are read; more than 10,000 rows or
500,000 filled cells in one stops the reading (E005).
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import (
    FORMULA_TAG,
    INLINE_STRING,
    VALUE_TAG,
    WorkSheetParser,
)
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from migrasi.core.columns import fits_a_cell
from migrasi.core.findings import Cell, Finding
from migrasi.core.values import YDate, YDecimal, YInt, kept

MAX_ROWS = 10_000
MAX_CELLS = 500_000

SHEETS = {
    "region": ("wilayah", "region"),
    "systems": ("sistem", "systems"),
}
"""Sheet names by role, Indonesian and English, compared without case and outer spaces."""

TEXT = "text"
NUMBER = "number"
BOOL = "bool"
DATE = "date"
ERROR = "error"
NOISE = "noise"
FORMULA = "formula"

BROKEN = (
    KeyError, ValueError, TypeError, IndexError, AttributeError, LookupError, SyntaxError,
    zipfile.BadZipFile, zlib.error, struct.error, OSError, EOFError, NotImplementedError,
    OverflowError, RecursionError, InvalidFileException,
)  # fmt: skip
"""What openpyxl and the XML parser raise on a damaged workbook that passed the archive checks
(SyntaxError covers ElementTree's ParseError): each is E002, never a traceback."""


@dataclass(frozen=True, slots=True)
class Value:
    """One filled cell: its kind, its value as the inventory reads it, the text it shows."""

    kind: str
    value: object
    shown: str


@dataclass
class Sheet:
    """The filled cells of one sheet by (row, column), 1-based, and its merged ranges."""

    name: str
    cells: dict[tuple[int, int], Value] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(first row, first column, last row, last column) of each merged range."""


@dataclass
class Workbook:
    """The sheets read, by role (``region``, ``systems``), and what stopped a reading."""

    sheets: dict[str, Sheet]
    findings: list[Finding] = field(default_factory=list)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescaped(text: str) -> str:
    """Text of a cell with the workbook format's escapes read (``_x000D_`` is a carriage
    return, ``_x005F_`` an underscore), as Excel reads them."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _text(content: str) -> Value | None:
    text = unescaped(content)
    return Value(TEXT, text, text) if text else None


def number(raw: str) -> Value:
    """A number cell's saved text as an exact number, or noise past 15 significant digits."""
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        return Value(TEXT, raw, raw)
    if not value.is_finite():
        return Value(TEXT, raw, raw)
    if not fits_a_cell(value):
        return Value(NOISE, None, raw)
    if value == value.to_integral_value() and value.adjusted() < 18:
        whole = int(value)
        return Value(NUMBER, kept(YInt(whole), str(whole)), str(whole))
    shown = format(value, "f") if value.adjusted() > -20 else str(value)
    return Value(NUMBER, kept(YDecimal(shown), shown), shown)


class _Parser(WorkSheetParser):
    """openpyxl's sheet parser with migrasi's cells: exact numbers, stored formula values."""

    def __init__(self, src: Any, strings: Any, epoch: datetime, dates: Any) -> None:
        super().__init__(src, strings, data_only=False, epoch=epoch, date_formats=dates)

    def parse_cell(self, element: Any) -> dict[str, object]:
        """One ``<c>`` element as (row, column, Value or None when empty)."""
        coordinate = element.get("r")
        if coordinate:
            row, column = coordinate_to_tuple(coordinate)
            self.col_counter = column
        else:
            self.col_counter += 1
            row, column = self.row_counter, self.col_counter
        return {"row": row, "column": column, "value": self._value(element)}

    def _value(self, element: Any) -> Value | None:
        kind = element.get("t", "n")
        raw = element.findtext(VALUE_TAG)
        if kind == "inlineStr":
            child = element.find(INLINE_STRING)
            inline = Text.from_tree(child) if child is not None else None
            return _text(str(inline.content) if inline is not None else "")
        formula = element.find(FORMULA_TAG) is not None
        if raw is None or (raw == "" and kind != "str"):
            return Value(FORMULA, None, "") if formula else None
        if kind == "s":
            return _text(str(self.shared_strings[int(raw)]))
        if kind == "str":
            return _text(raw)
        if kind == "b":
            return Value(BOOL, raw.strip() == "1", "TRUE" if raw.strip() == "1" else "FALSE")
        if kind == "e":
            return Value(ERROR, None, raw)
        if kind == "d":
            return _iso_date(raw)
        read = number(raw)
        style = int(element.get("s", 0) or 0)
        if read.kind == NUMBER and style in self.date_formats:
            return _serial_date(read.value, self.epoch) or read
        return read


def _day(text: str) -> YDate:
    """The day ``YYYY-MM-DD``, remembering its text; ValueError when there is no such day."""
    parsed = date.fromisoformat(text)
    return kept(YDate(parsed.year, parsed.month, parsed.day), text)


def _iso_date(raw: str) -> Value:
    day = raw.strip()[:10]
    try:
        return Value(DATE, _day(day), day)
    except ValueError:
        return Value(TEXT, raw, raw)


def _serial_date(serial: object, epoch: datetime) -> Value | None:
    """A date cell's serial number as a day; a day and a time as text."""
    if not isinstance(serial, int) or not 0 < serial <= 2_958_465:
        return None
    try:
        moment = from_excel(serial, epoch)
    except (OverflowError, ValueError):
        return None
    if not isinstance(moment, datetime):
        return None
    day = moment.date().isoformat()
    return Value(DATE, _day(day), day)


def read_workbook(file: str, raw: bytes) -> Workbook | Finding:
    """The region and systems sheets of a workbook that passed ``xlsx_guard``, or E002."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read(file, raw)
    except BROKEN as exc:
        return Finding("E002", file, args={"why": "broken", "detail": type(exc).__name__})


def _read(file: str, raw: bytes) -> Workbook:
    """openpyxl's reader for the workbook's parts (the manifest, the sheets and their paths,
    the date styles), never for its sheets: opening one, openpyxl reads it all to find its
    size when it does not state one."""
    reader: Any = ExcelReader(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    try:
        reader.read_manifest()
        reader.read_workbook()
        wb = reader.wb
        apply_stylesheet(reader.archive, wb)
        found: dict[str, Sheet] = {}
        findings: list[Finding] = []
        strings: list[str] | None = None
        for entry, rel in reader.parser.find_sheets():
            name = str(entry.name)
            role = next(
                (r for r, names in SHEETS.items() if name.strip().casefold() in names), None
            )
            usable = rel.target in reader.valid_files and "chartsheet" not in rel.Type
            if role is None or role in found or not usable:
                continue
            sheet = found[role] = Sheet(name)
            if strings is None:
                strings = _shared_strings(reader.archive, reader.package)
            with reader.archive.open(rel.target) as src:
                parser = _Parser(src, strings, wb.epoch, wb._date_formats)
                problem = _cells(file, sheet, parser)
            if problem is not None:
                findings.append(problem)
        return Workbook(found, findings)
    finally:
        reader.archive.close()


def _shared_strings(archive: zipfile.ZipFile, manifest: Any) -> list[str]:
    """The workbook's shared strings as saved, escapes and all (openpyxl's own reading drops
    every ``x005F_``, which breaks both escapes and text that holds those letters)."""
    part = manifest.find(SHARED_STRINGS)
    if part is None:
        return []
    strings: list[str] = []
    item = f"{{{SHEET_MAIN_NS}}}si"
    with archive.open(part.PartName[1:]) as src:
        for _, node in iterparse(src):
            if node.tag == item:
                text = Text.from_tree(node)
                strings.append(str(text.content) if text is not None else "")
                node.clear()
    return strings


def _cells(file: str, sheet: Sheet, parser: _Parser) -> Finding | None:
    count = rows = 0
    for index, cells in parser.parse():
        rows += 1
        if index > MAX_ROWS or rows > MAX_ROWS:
            where = Cell(sheet.name, MAX_ROWS + 1, 1)
            return Finding("E005", file, args={"why": "rows", "max": MAX_ROWS}, cell=where)
        for item in cells:
            value = item["value"]
            if value is None:
                continue
            count += 1
            if count > MAX_CELLS:
                return Finding("E005", file, args={"why": "cells", "max": MAX_CELLS})
            sheet.cells[(int(item["row"]), int(item["column"]))] = value
    merged = parser.merged_cells
    for ref in getattr(merged, "mergeCell", None) or []:
        first_col, first_row, last_col, last_row = range_boundaries(ref.ref)
        if first_col and first_row and last_col and last_row:
            sheet.merged.append((first_row, first_col, last_row, last_col))
    return None
