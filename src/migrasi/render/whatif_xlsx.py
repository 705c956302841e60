"""The workbooks of ``migrasi compare`` and ``migrasi sensitivity``, built like savings.xlsx
(every text a string cell, Rupiah formats, frozen headings, fixed metadata), each with a chart:
the NPV by scenario, and the tornado."""

from __future__ import annotations

from typing import Any

from migrasi.core.comparison import Comparison
from migrasi.core.sensitivity import Sensitivity
from migrasi.core.whatif import Outcome
from migrasi.render import compare as cmp
from migrasi.render import sensitivity as sens
from migrasi.render.catalog import text
from migrasi.render.xlsx import Book


def _figure(book: Book, ws: Any, row: int, col: int, o: Outcome, key: str, kind: str) -> None:
    f = o.figures
    value = None if f is None else getattr(f, key)
    if f is not None and kind in ("money", "count"):
        book.cell(ws, row, col, value, "money" if kind == "money" else "int")
    else:
        book.string(ws, row, col, cmp.figure_cell(f, key, kind, book.lang))


def compare_workbook(c: Comparison, lang: str) -> bytes:
    """The comparison: its figures with a chart of the NPV, then every system that moved."""
    book = Book(lang)
    every = cmp.outcomes(c)
    heads = cmp.heads(c, lang)
    ws = book.sheet("xlsx.compare", [34, *([22] * len(heads))])
    book.string(ws, 0, 0, text("xlsx.compare_title", lang), book.title)
    book.string(ws, 1, 0, cmp.timeline_note(c, lang))
    book.string(ws, 3, 0, text("xlsx.figure", lang), book.head)
    for j, head in enumerate(heads, start=1):
        book.string(ws, 3, j, head, book.head)
    for i, (key, label, kind) in enumerate(cmp.ROWS, start=4):
        book.string(ws, i, 0, text(label, lang))
        for j, o in enumerate(every, start=1):
            _figure(book, ws, i, j, o, key, kind)
    row = 4 + len(cmp.ROWS)
    book.string(ws, row, 0, text("cmp.errors", lang))
    for j, o in enumerate(every, start=1):
        book.string(ws, row, j, ", ".join(o.errors) or cmp.DASH)
    row += 2
    for key, values in (("xlsx.description", [col.description or "" for col in c.columns]),
                        ("xlsx.file", [col.file for col in c.columns])):  # fmt: skip
        book.string(ws, row, 0, text(key, lang), book.head)
        for j, value in enumerate(values, start=2):
            book.string(ws, row, j, value)
        row += 1
    chart = book.wb.add_chart({"type": "column"})
    sheet = ws.get_name()
    chart.add_series({
        "name": text("plan.npv", lang),
        "categories": [sheet, 3, 1, 3, len(heads)],
        "values": [sheet, 4, 1, 4, len(heads)],
        "fill": {"color": "#1565c0"},
    })  # fmt: skip
    chart.set_title({"name": text("plan.npv", lang)})
    chart.set_legend({"none": True})
    chart.set_y_axis({"num_format": book.money.num_format, "major_gridlines": {"visible": True}})
    chart.set_size({"width": 720, "height": 360})
    ws.insert_chart(row + 1, 0, chart)
    ws.freeze_panes(4, 1)
    _moved_sheet(book, c)
    return book.finish(text("xlsx.compare_title", lang))


def _moved_sheet(book: Book, c: Comparison) -> None:
    heads = [text("col.ref", book.lang), *cmp.heads(c, book.lang)]
    ws = book.sheet("xlsx.moved", [36, *([18] * (len(heads) - 1))])
    for j, head in enumerate(heads):
        book.string(ws, 0, j, head, book.head)
    for i, cells in enumerate(cmp.moved_rows(c, book.lang, None), start=1):
        for j, cell in enumerate(cells):
            book.string(ws, i, j, cell)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(c.moved), 1), len(heads) - 1)


def sensitivity_workbook(s: Sensitivity, lang: str) -> bytes:
    """The tornado: every row with its figures and NPV changes, and a bar chart of them."""
    book = Book(lang)
    base = s.base.figures
    assert base is not None
    sides = (text("sens.low", lang).lower(), text("sens.high", lang).lower())
    heads = [*sens.heads(lang), *(text("sens.delta", lang, side=side) for side in sides)]
    ws = book.sheet("xlsx.sensitivity", [30, 10, 20, 20, 16, 10, 20, 20, 16, 20, 20, 20])
    book.string(ws, 0, 0, text("xlsx.sensitivity_title", lang), book.title)
    for i, line in enumerate(sens.intro(s, lang), start=1):
        book.string(ws, i, 0, line)
    top = 5
    for j, head in enumerate(heads):
        book.string(ws, top, j, head, book.head)
    for i, r in enumerate(s.rows, start=top + 1):
        book.string(ws, i, 0, sens.label(r, lang))
        for offset, change, o in ((1, r.low, r.low_outcome), (5, r.high, r.high_outcome)):
            book.string(ws, i, offset, sens.change_cell(change, lang))
            f = o.figures
            if f is None:
                book.string(ws, i, offset + 1, f"{cmp.DASH} ({', '.join(o.errors)})")
                continue
            book.cell(ws, i, offset + 1, f.npv, "money")
            book.cell(ws, i, offset + 2, o.repriced if o.repriced is not None else cmp.DASH,
                      "money")  # fmt: skip
            book.string(ws, i, offset + 3, cmp.month_name(f.payback_month, lang))
        book.cell(ws, i, 9, r.swing if r.swing is not None else cmp.DASH, "money")
        for col, o in ((10, r.low_outcome), (11, r.high_outcome)):
            f = o.figures
            book.cell(ws, i, col, f.npv - base.npv if f else cmp.DASH, "money")
    last = top + len(s.rows)
    sheet = ws.get_name()
    chart = book.wb.add_chart({"type": "bar"})
    for col, colour in ((10, "#ef6c00"), (11, "#1565c0")):
        chart.add_series({
            "name": [sheet, top, col],
            "categories": [sheet, top + 1, 0, last, 0],
            "values": [sheet, top + 1, col, last, col],
            "fill": {"color": colour},
            "overlap": 100,
            "gap": 60,
        })  # fmt: skip
    chart.set_title({"name": text("sens.title", lang)})
    chart.set_x_axis({"num_format": book.money.num_format, "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True, "label_position": "low"})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 860, "height": 420})
    ws.insert_chart(last + 3, 0, chart)
    book.string(ws, last + 1, 0, text("sens.note", lang))
    ws.freeze_panes(top + 1, 1)
    return book.finish(text("xlsx.sensitivity_title", lang))
