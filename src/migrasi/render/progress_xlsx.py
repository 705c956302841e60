"""``migrasi progress --format xlsx``: the report as a workbook for finance staff, byte-identical
per report: a summary with the money and the burn-up chart, the regions, every system (with a
filter by class) and the burn-up month by month. Built with the savings workbook's helpers.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from migrasi.core.progress_report import Money
from migrasi.core.terms import Standing
from migrasi.render.catalog import text as t
from migrasi.render.progress_rows import (
    Reported,
    as_of_month,
    burnup_head,
    counts_line,
    money_head,
    month_name,
    months_text,
    region_head,
    shown_order,
    standing_word,
    system_head,
)
from migrasi.render.xlsx import Book

SERIES = (
    ("progress.col.baseline", 1, "#757575", "dash"),
    ("progress.col.actual", 2, "#2e7d32", "solid"),
    ("progress.col.forecast", 3, "#1565c0", "solid"),
)
"""The burn-up chart's lines: heading, column of the burn-up sheet, colour, dash type."""


def _difference(book: Book, ws: Any, row: int, col: int, value: int) -> None:
    """The figure of the cell to the left minus the one before it, as a formula with its value."""
    old, new = xl_rowcol_to_cell(row, col - 2), xl_rowcol_to_cell(row, col - 1)
    ws.write_formula(row, col, f"={new}-{old}", book.money, value)


def _summary(book: Book, r: Reported, burnup_sheet: str) -> None:
    lang, report, m = book.lang, r.report, r.report.programme
    ws = book.sheet("xlsx.summary", [46, 22, 22, 22])
    book.string(ws, 0, 0, t("progress.xlsx.title", lang, dc=r.datacenter), book.title)
    rows = [
        (t("progress.baseline", lang), r.baseline),
        (t("progress.current", lang), r.current),
        (t("progress.as_of", lang), report.as_of.isoformat()),
    ]
    for i, (label, value) in enumerate(rows, start=1):
        book.string(ws, i, 0, label)
        book.string(ws, i, 1, value)
    book.string(ws, 4, 0, counts_line(report, lang))
    for col, head in enumerate(money_head(lang)):
        book.string(ws, 6, col, head, book.head)
    saving = t("progress.saving_before", lang, month=as_of_month(report, lang))
    for row, (label, old, new) in enumerate(
        ((saving, m.promised, m.to_date), (t("plan.npv", lang), m.baseline_npv, m.forecast_npv)),
        start=7,
    ):
        book.string(ws, row, 0, label)
        ws.write_number(row, 1, old, book.money)
        ws.write_number(row, 2, new, book.money)
        _difference(book, ws, row, 3, new - old)
    book.string(ws, 9, 0, t("plan.payback", lang))
    book.string(ws, 9, 1, month_name(m.baseline_payback, lang))
    book.string(ws, 9, 2, month_name(m.forecast_payback, lang))
    book.string(ws, 9, 3, months_text(m.payback_slip, lang))
    book.string(ws, 10, 0, t("progress.money_note", lang, month=as_of_month(report, lang)))
    book.string(ws, 12, 0, t("progress.col.class", lang), book.head)
    book.string(ws, 12, 1, t("col.systems", lang), book.head)
    for row, standing in enumerate(Standing, start=13):
        book.string(ws, row, 0, standing_word(standing, lang))
        ws.write_number(row, 1, report.count(standing), book.number)
    months = len(report.burnup)
    chart = book.wb.add_chart({"type": "line"})
    for key, col, colour, dash in SERIES:
        chart.add_series(
            {
                "name": t(key, lang),
                "categories": [burnup_sheet, 1, 0, months, 0],
                "values": [burnup_sheet, 1, col, months, col],
                "line": {"color": colour, "width": 2.25, "dash_type": dash},
            }
        )
    chart.set_title({"name": t("progress.burnup", lang)})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"min": 0, "major_gridlines": {"visible": True}})
    chart.set_x_axis({"interval_unit": 3 if months > 12 else 1})
    chart.set_size({"width": 760, "height": 360})
    ws.insert_chart(12, 3, chart)


def _money_cells(book: Book, ws: Any, row: int, m: Money, total: bool) -> None:
    """A region's money (the programme's on the total row, each column the sum of the regions
    above it); each difference a formula of the two figures on its left."""
    figures = (m.promised, m.to_date, m.shortfall, m.baseline_npv, m.forecast_npv, m.npv_change)
    fmt = book.money_bold if total else book.money
    for col, value in enumerate(figures, start=1):
        letter = xl_col_to_name(col)
        if total and row > 1:
            ws.write_formula(row, col, f"=SUM({letter}2:{letter}{row})", fmt, value)
        elif col in (3, 6):
            _difference(book, ws, row, col, value)
        else:
            ws.write_number(row, col, value, fmt)
    book.string(ws, row, 7, month_name(m.baseline_payback, book.lang))
    book.string(ws, row, 8, month_name(m.forecast_payback, book.lang))


def _regions(book: Book, r: Reported) -> None:
    report = r.report
    ws = book.sheet("xlsx.region", [28, *([20] * 6), 22, 22])
    for col, head in enumerate(region_head(book.lang)):
        book.string(ws, 0, col, head, book.head)
    for row, region in enumerate(report.regions, start=1):
        book.string(ws, row, 0, region.name)
        _money_cells(book, ws, row, region.money, total=False)
    total = len(report.regions) + 1
    book.string(ws, total, 0, t("col.total", book.lang), book.total)
    _money_cells(book, ws, total, report.programme, total=True)
    ws.freeze_panes(1, 1)


def _systems(book: Book, r: Reported) -> None:
    lang = book.lang
    ws = book.sheet("xlsx.system", [40, 16, 18, 16, 22, 26, 16])
    head = system_head(lang)
    head.insert(1, t("col.region", lang))
    for col, h in enumerate(head):
        book.string(ws, 0, col, h, book.head)
    names = {region.region: region.name for region in r.report.regions}
    systems = shown_order(r.report)
    for row, s in enumerate(systems, start=1):
        book.string(ws, row, 0, s.ref)
        book.string(ws, row, 1, names.get(s.region, s.region))
        book.string(ws, row, 2, standing_word(s.standing, lang))
        book.cell(ws, row, 3, t(f"status.{s.status.value}", lang) if s.status else "", "text")
        book.cell(ws, row, 4, s.baseline.isoformat() if s.baseline else "", "text")
        book.cell(ws, row, 5, s.cutover.isoformat() if s.cutover else "", "text")
        book.cell(ws, row, 6, s.slip_days if s.slip_days is not None else "", "int")
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(systems), 1), len(head) - 1)


def _burnup(book: Book, r: Reported) -> str:
    ws = book.sheet("progress.xlsx.burnup", [12, 18, 18, 18])
    for col, h in enumerate(burnup_head(book.lang)):
        book.string(ws, 0, col, h, book.head)
    for row, b in enumerate(r.report.burnup, start=1):
        book.string(ws, row, 0, b.month)
        for col, value in enumerate((b.baseline, b.actual, b.forecast), start=1):
            book.cell(ws, row, col, value if value is not None else "", "int")
    ws.freeze_panes(1, 1)
    name: str = ws.get_name()
    return name


def progress_workbook(r: Reported, lang: str) -> bytes:
    """The whole workbook as bytes."""
    book = Book(lang)
    burnup_sheet = t("progress.xlsx.burnup", lang)[:31]
    _summary(book, r, burnup_sheet)
    _regions(book, r)
    _systems(book, r)
    _burnup(book, r)
    return book.finish(t("progress.xlsx.title", lang, dc=r.datacenter))
