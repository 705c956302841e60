"""``savings.xlsx``: the finance workbook, built from a plan document, byte-identical per plan.

Every text is written as a string cell (never a formula); one that a spreadsheet would run
(``=``, ``+``, ``-``, ``@``, tab, carriage return first) carries the quote-prefix style too.
Numbers are numbers with a Rupiah format; totals are SUM formulas with their cached values.
A figure a spreadsheet would change (15 digits or more) is text with a note (``xlsx_exact``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from migrasi.core.plandoc import Assumptions, PlanDoc, RunningCostDoc, dec4
from migrasi.render.catalog import text
from migrasi.render.escape import DANGEROUS
from migrasi.render.savings import Column, View, heading, view, year_region_matrix
from migrasi.render.summary import summary_rows
from migrasi.render.xlsx_cells import Sheet
from migrasi.render.xlsx_exact import EXACT_BELOW, ExactSheet

FIXED_TIME = datetime(2026, 1, 1)


class Book:
    """A workbook being built and its formats (money in Rupiah, headings, totals), for every
    workbook of plan figures."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        rupiah = '"Rp"#,##0;-"Rp"#,##0' if lang == "id" else '"IDR "#,##0;-"IDR "#,##0'
        self.money = self.wb.add_format({"num_format": rupiah})
        self.money_bold = self.wb.add_format({"num_format": rupiah, "bold": True, "top": 1})
        self.total = self.wb.add_format({"bold": True, "top": 1})
        self.head = self.wb.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.quoted = self.wb.add_format({"quote_prefix": True})
        self.number = self.wb.add_format({"num_format": "#,##0"})
        self.big = self.wb.add_format({"align": "right"})

    def string(self, ws: Any, row: int, col: int, value: str, fmt: Any = None) -> None:
        """A text cell that can never run as a formula."""
        if value.startswith(DANGEROUS):
            fmt = self.quoted
        ws.write_string(row, col, value, fmt)

    def cell(self, ws: Any, row: int, col: int, value: object, kind: str) -> None:
        """A cell of a table: money and integers as numbers, the rest as text."""
        if isinstance(value, int) and not isinstance(value, bool):
            ws.write_number(row, col, value, self.money if kind == "money" else self.number)
        elif value is None or value == "":
            ws.write_blank(row, col, None)
        else:
            self.string(ws, row, col, str(value))

    def sheet(self, name_key: str, widths: Sequence[int]) -> Any:
        """A new sheet with print setup: landscape, fit to width, header row repeated."""
        sheet = self.wb.add_worksheet(text(name_key, self.lang)[:31], worksheet_class=Sheet)
        ws = ExactSheet(sheet, self.lang, (self.money, self.money_bold), self.big)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        for i, w in enumerate(widths):
            ws.set_column(i, i, w)
        return ws

    def finish(self, title: str) -> bytes:
        self.wb.set_properties(
            {"title": title, "author": "migrasi", "company": "", "created": FIXED_TIME}
        )
        self.wb.close()
        return self.buffer.getvalue()


def _table(book: Book, name_key: str, v: View) -> None:
    widths = [{"text": 28, "money": 18}.get(c.kind, max(10, len(heading(c, book.lang)) + 2))
              for c in v.columns]  # fmt: skip
    ws = book.sheet(name_key, widths)
    for col, c in enumerate(v.columns):
        book.string(ws, 0, col, heading(c, book.lang), book.head)
    _rows(book, ws, v)
    last = len(v.rows)
    total_row = last + 1
    book.string(ws, total_row, 0, text("view.total", book.lang), book.total)
    for col, (c, x) in enumerate(zip(v.columns, v.total, strict=True)):
        if col == 0 or x == "":
            continue
        letter = xl_col_to_name(col)
        formula = f"=SUM({letter}2:{letter}{last + 1})" if last else "=0"
        fmt = book.money_bold if c.kind == "money" else book.total
        ws.write_formula(total_row, col, formula, fmt, x)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(last, 1), len(v.columns) - 1)


def _rows(book: Book, ws: ExactSheet, v: View) -> None:
    """The table's rows, cell by cell as :meth:`Book.cell` writes them (most cells of a large
    plan's workbook are here, so a number that fits and a text go straight to the sheet)."""
    numbers = [book.money if c.kind == "money" else book.number for c in v.columns]
    shows = [_shown(book, v, c) for c in v.columns]
    put_number, put_string = ws.sheet.write_number, ws.sheet.write_string
    for r, row in enumerate(v.rows, start=1):
        if len(row) != len(v.columns):
            raise ValueError(f"row {r} of {v.name} has {len(row)} cells, not {len(v.columns)}")
        for col, given in enumerate(row):
            show = shows[col]
            x = given if show is None else show(given)
            if isinstance(x, int) and not isinstance(x, bool):
                if -EXACT_BELOW < x < EXACT_BELOW:
                    put_number(r, col, x, numbers[col])
                else:
                    ws.write_number(r, col, x, numbers[col])
            elif x is None or x == "":
                ws.write_blank(r, col, None)
            else:
                value = str(x)
                put_string(r, col, value, book.quoted if value.startswith(DANGEROUS) else None)


def _shown(book: Book, v: View, c: Column) -> Callable[[object], object] | None:
    """What a cell of column ``c`` shows of its value: a status in words, a region's name."""
    if c.key == "status":
        return lambda x: text(f"status.{x}", book.lang) if x else x
    if c.key == "region":
        return lambda x: v.names.get(x, x) if isinstance(x, str) else x
    return None


def _summary(book: Book, doc: PlanDoc, monthly_sheet: str, months: int) -> None:
    lang = book.lang
    ws = book.sheet("xlsx.summary", [46, 34])
    book.string(ws, 0, 0, text("xlsx.title", lang, dc=doc.assumptions.datacenter), book.title)
    book.string(ws, 1, 0, text("xlsx.note", lang))
    book.string(ws, 3, 0, text("xlsx.figure", lang), book.head)
    book.string(ws, 3, 1, text("xlsx.value", lang), book.head)
    row = 4
    for r in summary_rows(doc, lang):
        book.string(ws, row, 0, r.label)
        book.cell(ws, row, 1, r.amount if r.amount is not None else r.words, "money")
        row += 1
    row += 1
    book.string(ws, row, 0, text("xlsx.assumptions", lang), book.head)
    book.string(ws, row, 1, text("xlsx.value", lang), book.head)
    row += 1
    for label, value, kind in _assumptions(doc.assumptions, lang):
        book.string(ws, row, 0, label)
        book.cell(ws, row, 1, value, kind)
        row += 1
    chart = book.wb.add_chart({"type": "line"})
    chart.add_series(
        {
            "name": text("xlsx.cumulative", lang),
            "categories": [monthly_sheet, 1, 0, months, 0],
            "values": [monthly_sheet, 1, 2, months, 2],
            "line": {"color": "#1F4E79", "width": 2.25},
        }
    )
    chart.set_title({"name": text("plan.cumulative", lang)})
    chart.set_legend({"none": True})
    chart.set_y_axis({"num_format": book.money.num_format, "major_gridlines": {"visible": True}})
    chart.set_x_axis({"interval_unit": 6})
    chart.set_size({"width": 760, "height": 360})
    ws.insert_chart(3, 3, chart)
    ws.freeze_panes(4, 0)


def _value(value: object) -> object:
    """A setting as a cell holds it: whole numbers as numbers, dates and decimals as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else dec4(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _assumptions(a: Assumptions, lang: str) -> list[tuple[str, object, str]]:
    """Every setting as (label, value, kind): ``money`` for Rupiah figures, ``int`` else."""
    none = text("a.none", lang)
    plain = (
        "datacenter",
        "start",
        "wave_weeks",
        "waves",
        "team_days",
        "link_mbps",
        "transfer_hours",
        "max_critical",
        "compliance_deadline",
        "horizon_months",
    )
    out = [(text(f"a.{key}", lang), getattr(a, key), "int") for key in plain]
    out.append((text("a.discount_rate", lang), dec4(a.discount_rate), "int"))
    out.append((text("a.labour_cost_per_day", lang), a.labour_cost_per_day, "money"))
    out = [(label, none if v is None else _value(v), kind) for label, v, kind in out]
    pilot = a.pilot
    out.append((text("a.pilot", lang), none if not pilot else
                f"{pilot.max_systems} × {', '.join(pilot.criticality)}", "int"))  # fmt: skip
    shown = "; ".join(f"{b.from_} – {b.to} ({b.reason})" for b in a.blackouts)
    out.append((text("a.blackouts", lang), shown or none, "int"))
    for currency, rate in a.fx.items():
        out.append((text("a.fx", lang, currency=currency), _value(rate), "money"))
    rc = a.running_cost
    in_rupiah = "money" if rc.currency == "IDR" else "int"
    for what in RunningCostDoc.model_fields:
        value = _value(getattr(rc, what))
        out.append((text("a.running_cost", lang, what=what), value, in_rupiah))
    for strategy, days in a.effort_days.items():
        out.append((text("a.effort_days", lang, strategy=strategy), _value(days), "int"))
    return out


def _years_regions(book: Book, doc: PlanDoc) -> None:
    years, regions, cells = year_region_matrix(doc)
    ws = book.sheet("xlsx.years", [10, *([18] * (len(regions) + 1))])
    book.string(ws, 0, 0, text("col.year", book.lang), book.head)
    for j, r in enumerate(regions, start=1):
        book.string(ws, 0, j, r, book.head)
    book.string(ws, 0, len(regions) + 1, text("view.total", book.lang), book.head)
    for i, y in enumerate(years, start=1):
        book.string(ws, i, 0, y)
        for j, value in enumerate(cells[i - 1], start=1):
            ws.write_number(i, j, value, book.money)
        first, last = xl_rowcol_to_cell(i, 1), xl_rowcol_to_cell(i, len(regions))
        ws.write_formula(i, len(regions) + 1, f"=SUM({first}:{last})", book.money_bold,
                         sum(cells[i - 1]))  # fmt: skip
    total_row = len(years) + 1
    book.string(ws, total_row, 0, text("view.total", book.lang), book.total)
    for j in range(1, len(regions) + 2):
        letter = xl_col_to_name(j)
        value = (sum(row[j - 1] for row in cells) if j <= len(regions)
                 else sum(sum(row) for row in cells))  # fmt: skip
        ws.write_formula(total_row, j, f"=SUM({letter}2:{letter}{total_row})", book.money_bold,
                         value)  # fmt: skip
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, len(years), len(regions) + 1)


def _monthly(book: Book, doc: PlanDoc) -> tuple[str, int]:
    m = doc.monthly
    regions = sorted(m.by_region)
    ws = book.sheet("xlsx.monthly", [10, 18, 18, *([18] * len(regions))])
    heads = [text("xlsx.month", book.lang), text("xlsx.programme", book.lang),
             text("xlsx.cumulative", book.lang), *regions]  # fmt: skip
    for j, h in enumerate(heads):
        book.string(ws, 0, j, h, book.head)
    running = 0
    for i, label in enumerate(m.months, start=1):
        book.string(ws, i, 0, label)
        ws.write_number(i, 1, m.programme[i - 1], book.money)
        running += m.programme[i - 1]
        formula = f"=B{i + 1}" if i == 1 else f"=C{i}+B{i + 1}"
        ws.write_formula(i, 2, formula, book.money, running)
        for j, r in enumerate(regions, start=3):
            ws.write_number(i, j, m.by_region[r][i - 1], book.money)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(m.months), 1), len(heads) - 1)
    return ws.get_name(), len(m.months)


def workbook(doc: PlanDoc, lang: str) -> bytes:
    """The whole workbook as bytes."""
    book = Book(lang)
    monthly_sheet = text("xlsx.monthly", lang)[:31]
    _summary(book, doc, monthly_sheet, len(doc.monthly.months))
    _table(book, "xlsx.region", view(doc, "region"))
    _table(book, "xlsx.system", view(doc, "system"))
    _table(book, "xlsx.opd", view(doc, "opd"))
    _years_regions(book, doc)
    _table(book, "xlsx.year", view(doc, "year"))
    _table(book, "xlsx.wave", view(doc, "wave"))
    _monthly(book, doc)
    title = text("xlsx.title", lang, dc=doc.assumptions.datacenter)
    return book.finish(title)
