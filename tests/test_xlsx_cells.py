"""The worksheet's short way for number and text cells writes exactly xlsxwriter's bytes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from migrasi.api import plan_document
from migrasi.render import xlsx
from migrasi.render.xlsx_cells import Sheet

SHIPPED = Path(__file__).parent.parent / "inventories"


def _book(sheet_class: type[Worksheet]) -> bytes:
    """A workbook with every kind of cell, and cells styled by themselves, their row, their
    column, or nothing."""
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "#,##0"})
    ws = wb.add_worksheet("Lembar & <uji>", worksheet_class=sheet_class)
    ws.set_column(1, 1, 12, money)
    ws.set_column(2, 2, 30)
    ws.set_row(3, None, bold)
    for row in range(6):
        ws.write_number(row, 0, row * 1_234_567.5)
        ws.write_number(row, 1, -row)
        ws.write_string(row, 2, f'teks "{row}" <&> \n baris')
        ws.write_string(row, 3, "=SUM(A1)", bold)
        ws.write_number(row, 4, 10**15 + row, money)
        ws.write_blank(row, 5, None, bold)
        ws.write_formula(row, 6, f"=A{row + 1}*2", money, row * 2)
        ws.write_boolean(row, 7, row % 2 == 0)
    ws.write_number(1_000, 30, 0.1)
    wb.set_properties({"created": xlsx.FIXED_TIME})
    wb.close()
    return buffer.getvalue()


def test_every_kind_of_cell_is_written_as_xlsxwriter_writes_it() -> None:
    """Numbers and strings with any style, and every other cell, give xlsxwriter's bytes."""
    assert _book(Sheet) == _book(Worksheet)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_workbook_of_a_plan_is_xlsxwriters(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """savings.xlsx of the shipped province is the same with xlsxwriter's own worksheet."""
    doc = plan_document([SHIPPED])
    fast = xlsx.workbook(doc, lang)
    original = xlsxwriter.Workbook.add_worksheet

    def plain(self: Any, name: str | None = None, worksheet_class: Any = None) -> Any:
        return original(self, name)

    monkeypatch.setattr(xlsxwriter.Workbook, "add_worksheet", plain)
    assert xlsx.workbook(doc, lang) == fast
