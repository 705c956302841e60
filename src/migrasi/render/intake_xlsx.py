"""The inventory workbook of ``migrasi template`` and ``export``: instructions, region, systems.

The columns come from ``core.columns`` (the models). Every value is data: text as string cells
in text-formatted columns (a text that a spreadsheet would run as a formula also carries the
quote-prefix style), numbers as number cells written with their exact decimal digits (one
with more than 15 significant digits, which a spreadsheet cannot hold, as text, which
``import`` reads as a number), dates as date cells, booleans as boolean cells. Every fixed set
of values has a drop-down list; dates, numbers and booleans are validated. The bytes are the
same for the same inventory and language.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from migrasi.core.columns import (
    BOOLEAN,
    DATE,
    ENUM,
    INTEGER,
    LIST,
    NUMBER,
    REQUIRED,
    WITH_GROUP,
    Column,
    fits_a_cell,
    region_columns,
    system_columns,
)
from migrasi.core.models import Inventory
from migrasi.render.catalog import text
from migrasi.render.escape import DANGEROUS
from migrasi.render.intake_words import bounds_words, describe, kind_words, values_words

FIXED_TIME = datetime(2026, 1, 1)
FIRST_ROW = 3
"""The first row of systems (1-based): rows 1 and 2 are the header."""
VALIDATED_ROWS = 10_000
"""Rows of the systems sheet that carry the drop-down lists and checks (the import limit)."""

HEAD = {"bold": True, "font_color": "#FFFFFF", "valign": "top", "border": 1}
FILL = {REQUIRED: "#9C2A2A", WITH_GROUP: "#B7672B"}
FILL_OPTIONAL = "#1F4E79"
EXAMPLE = {"italic": True, "font_color": "#7F7F7F"}
INPUT = {"bg_color": "#FFF8DC", "border": 1, "border_color": "#BFBFBF", "valign": "top"}
DATE_FORMAT = "yyyy-mm-dd"
NUMBER_FORMATS = {DATE: DATE_FORMAT, BOOLEAN: "", INTEGER: "", NUMBER: ""}
"""The cell format of a column by kind: text (``@``, so that ``007`` or ``15.10`` stay as typed)
unless named here; numbers General, so that a cell shows every digit it holds."""


def sheet_name(kind: str, lang: str) -> str:
    """The name of the instructions, region or systems sheet in ``lang``."""
    return text(f"intake.sheet.{kind}", lang)


class _Book:
    """The workbook, its formats (made once each) and the language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_numbers": False})
        self.formats: dict[tuple[tuple[str, object], ...], Any] = {}

    def fmt(self, **props: object) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self.formats:
            self.formats[key] = self.wb.add_format(dict(props))
        return self.formats[key]

    def string(self, ws: Any, row: int, col: int, value: str, **props: object) -> None:
        """A text cell that can never run as a formula (xlsxwriter writes control characters
        and text that spells an escape, ``_x0041_``, as escapes that read back as written)."""
        if value.startswith(DANGEROUS):
            props["quote_prefix"] = True
        ws.write_string(row, col, value, self.fmt(**props))

    def value(self, ws: Any, row: int, col: int, c: Column, value: object, **props: object) -> None:
        """One typed value of column ``c``, as data."""
        if value is None or value in ([], ""):
            return
        if c.kind == LIST and isinstance(value, list):
            self.string(ws, row, col, ", ".join(str(v) for v in value), num_format="@", **props)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, self.fmt(**props))
        elif isinstance(value, date):
            day = datetime(value.year, value.month, value.day)
            ws.write_datetime(row, col, day, self.fmt(num_format=DATE_FORMAT, **props))
        elif isinstance(value, int | Decimal) and c.kind in (INTEGER, NUMBER):
            if fits_a_cell(value):
                ws.write_number(row, col, value, self.fmt(**props))
            else:
                self.string(ws, row, col, format(Decimal(value), "f"), **props)
        else:
            self.string(ws, row, col, str(value), num_format="@", **props)

    def finish(self, title: str) -> bytes:
        self.wb.set_properties(
            {"title": title, "author": "migrasi", "company": "", "created": FIXED_TIME}
        )
        self.wb.close()
        return self.buffer.getvalue()


def _lookup(data: Mapping[str, Any], path: Sequence[str]) -> object:
    value: object = data
    for part in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _validate(book: _Book, ws: Any, rows: tuple[int, int], col: int, c: Column) -> None:
    """A drop-down list or a type check on column ``c`` of ``rows`` (0-based, inclusive)."""
    lang = book.lang
    bounds = bounds_words(c, lang)
    options: dict[str, Any] = {
        "ignore_blank": True,
        "input_title": c.name[-32:],
        "error_title": text("intake.error.title", lang),
    }
    if c.kind == ENUM:
        options |= {"validate": "list", "source": list(c.values)}
    elif c.kind == BOOLEAN:
        options |= {"validate": "list", "source": ["true", "false"]}
    elif c.kind in (INTEGER, NUMBER):
        kind = "integer" if c.kind == INTEGER else "decimal"
        options |= {"validate": kind, "criteria": ">=", "value": c.minimum or 0}
    elif c.kind == DATE:
        options |= {"validate": "date", "criteria": "between", "minimum": date(1900, 1, 1),
                    "maximum": date(9999, 12, 31)}  # fmt: skip
    else:
        return
    options["input_message"] = text(f"intake.prompt.{c.kind}", lang, bounds=bounds)
    options["error_message"] = text(f"intake.error.{c.kind}", lang, bounds=bounds)
    ws.data_validation(rows[0], col, rows[1], col, options)


def _lines(value: str, width: int) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide."""
    per_line = max(int(width * 1.25), 1)  # a column unit holds a bit more than one character
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _width(c: Column, lang: str) -> int:
    if c.kind == ENUM:
        return max(12, *(len(v) + 4 for v in c.values), len(c.name) + 2)
    if c.name == "id":
        return 20
    if c.free:
        return 46 if c.name == "name" else 34 if c.name == "notes" or c.group else 30
    if c.kind == LIST:
        return 28
    return max(12, min(len(c.name) + 2, 22))


def _region(book: _Book, inv: Inventory | None) -> None:
    lang = book.lang
    ws = book.wb.add_worksheet(sheet_name("region", lang))
    ws.set_column(0, 0, 16)
    ws.set_column(1, 1, 34, book.fmt(num_format="@"))
    ws.set_column(2, 2, 80)
    heads = ("intake.col.field", "intake.col.value", "intake.col.description")
    for col, key in enumerate(heads):
        book.string(ws, 0, col, text(key, lang), bg_color=FILL_OPTIONAL, **HEAD)
    data = inv.region.model_dump(by_alias=True) if inv is not None else {}
    for row, c in enumerate(region_columns(), start=1):
        color = FILL.get(c.required, FILL_OPTIONAL)
        book.string(ws, row, 0, c.name, bold=True, font_color=color, valign="top")
        ws.write_blank(row, 1, None, book.fmt(num_format="@", **INPUT))
        book.value(ws, row, 1, c, data.get(c.name), **INPUT)
        meaning = describe(c, lang, region=True)
        book.string(ws, row, 2, meaning, text_wrap=True, valign="top")
        ws.set_row(row, 15 * _lines(meaning, 80))
        _validate(book, ws, (row, row), 1, c)
    ws.freeze_panes(1, 1)
    ws.ignore_errors({"number_stored_as_text": "B1:B100"})
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def _systems(book: _Book, inv: Inventory | None) -> None:
    lang = book.lang
    ws = book.wb.add_worksheet(sheet_name("systems", lang))
    columns = system_columns()
    for col, c in enumerate(columns):
        shown = NUMBER_FORMATS.get(c.kind, "@")
        fmt = book.fmt(num_format=shown) if shown else None
        ws.set_column(col, col, _width(c, lang), fmt)
        fill = FILL.get(c.required, FILL_OPTIONAL)
        book.string(ws, 0, col, c.name, bg_color=fill, **HEAD)
        book.string(ws, 1, col, describe(c, lang), text_wrap=True, valign="top", italic=True,
                    bg_color="#F2F2F2", border=1, font_size=9)  # fmt: skip
        _validate(book, ws, (FIRST_ROW - 1, VALIDATED_ROWS - 1), col, c)
    ws.set_row(1, 64)
    systems: list[dict[str, Any]]
    example = inv is None
    if inv is None:
        systems = [example_system(lang)]
    else:
        systems = [s.model_dump(by_alias=True) for s in inv.systems]
    for r, system in enumerate(systems, start=FIRST_ROW - 1):
        for col, c in enumerate(columns):
            props = EXAMPLE if example else {}
            book.value(ws, r, col, c, _lookup(system, c.path), **props)
    ws.freeze_panes(FIRST_ROW - 1, 1)
    last = xl_col_to_name(len(columns) - 1)
    ws.ignore_errors({"number_stored_as_text": f"A1:{last}{VALIDATED_ROWS}"})
    ws.set_landscape()
    ws.set_paper(9)
    ws.repeat_rows(0, 1)
    ws.repeat_columns(0)
    ws.set_print_scale(70)


def example_system(lang: str) -> dict[str, Any]:
    """The example row of the empty template (the system of the inputs page), first cell ``#``."""
    return {
        "id": text("intake.example.id", lang),
        "name": "SIMPEG (Sistem Informasi Manajemen Kepegawaian)",
        "owner": "BKPSDM",
        "service": "administrasi",
        "criticality": "tinggi",
        "classification": "terbatas",
        "personal_data": True,
        "hosting": {"provider": "PT Contoh Awan Nusantara", "type": "vps", "location": "indonesia"},
        "cost": {"amount": 4500000, "per": "month", "currency": "IDR",
                 "contract_end": date(2027, 6, 30), "termination_fee": 12000000},
        "resources": {"vcpu": 4, "ram_gb": 16, "storage_gb": 500},
        "migration": {"strategy": "rehost", "effort_days": 12, "data_gb": 350,
                      "not_before": date(2027, 3, 1), "not_after": date(2027, 12, 31),
                      "freeze_months": [6, 7]},
        "depends_on": ["db-kepegawaian", "prov-jambi/sso"],
        "accepted_warnings": {"W302": text("intake.example.reason", lang)},
        "notes": text("intake.example.notes", lang),
    }  # fmt: skip


def _instructions(book: _Book, inv: Inventory | None) -> None:
    lang = book.lang
    ws = book.wb.add_worksheet(sheet_name("instructions", lang))
    widths = (12, 24, 16, 56, 64)
    for col, w in enumerate(widths):
        ws.set_column(col, col, w)
    last = len(widths) - 1
    title = (text("intake.title", lang, region=inv.region.name) if inv is not None
             else text("intake.title.empty", lang))  # fmt: skip
    book.string(ws, 0, 0, title, bold=True, font_size=14)
    paragraph = book.fmt(text_wrap=True, valign="top")
    ws.merge_range(1, 0, 1, last, "", paragraph)
    book.string(ws, 1, 0, text("intake.intro", lang), text_wrap=True, valign="top")
    ws.set_row(1, 15 * _lines(text("intake.intro", lang), sum(widths)))
    book.string(ws, 2, 0, text("intake.command", lang), font_name="Courier New", bold=True)
    book.string(ws, 4, 0, text("intake.steps", lang), bold=True, font_size=12)
    names = {"region": sheet_name("region", lang), "systems": sheet_name("systems", lang)}
    row = 5
    for step in range(1, 8):
        ws.merge_range(row, 0, row, last, "", paragraph)
        book.string(ws, row, 0, text(f"intake.step.{step}", lang, **names), text_wrap=True,
                    valign="top")  # fmt: skip
        ws.set_row(row, 15 * _lines(text(f"intake.step.{step}", lang, **names), sum(widths)))
        row += 1
    row += 1
    book.string(ws, row, 0, text("intake.fields", lang), bold=True, font_size=12)
    row += 1
    heads = ("sheet", "field", "required", "description", "values")
    for col, key in enumerate(heads):
        book.string(ws, row, col, text(f"intake.col.{key}", lang), bg_color=FILL_OPTIONAL,
                    **HEAD)  # fmt: skip
    ws.freeze_panes(row + 1, 0)
    for sheet, columns in (("region", region_columns()), ("systems", system_columns())):
        for c in columns:
            row += 1
            color = FILL.get(c.required, "#000000")
            book.string(ws, row, 0, names[sheet], valign="top")
            book.string(ws, row, 1, c.name, bold=True, font_color=color, valign="top")
            book.string(ws, row, 2, text(f"intake.required.{c.required}", lang), valign="top",
                        font_color=color)  # fmt: skip
            meaning = describe(c, lang, region=sheet == "region", marked=False)
            book.string(ws, row, 3, meaning, text_wrap=True, valign="top")
            allowed = values_words(c, lang, region=sheet == "region") or kind_words(c, lang)
            if allowed:
                book.string(ws, row, 4, allowed, text_wrap=True, valign="top")
            lines = max(_lines(meaning, widths[3]), _lines(allowed, widths[4]))
            ws.set_row(row, 15 * lines)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.activate()


def workbook(inv: Inventory | None, lang: str) -> bytes:
    """The workbook to fill in: empty (with an example row) or holding ``inv``."""
    book = _Book(lang)
    _instructions(book, inv)
    _region(book, inv)
    _systems(book, inv)
    title = text("intake.title", lang, region=inv.region.name) if inv else text(
        "intake.title.empty", lang)  # fmt: skip
    return book.finish(title)
