"""A copy of a filled-in workbook with every finding as a comment on its cell, highlighted.

The person who filled the workbook in sees what to fix where they typed it. Everything else of
the workbook stays as openpyxl carries it over (values, formulas, styles, validations); a
finding of no cell goes on the first cell of the first sheet. The copy is byte-identical for
the same workbook and findings: fixed document times, fixed times in the archive.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime

from migrasi.core.findings import Finding
from migrasi.render.messages import message

FIXED_TIME = datetime(2026, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}
AUTHOR = "migrasi"


def _note(f: Finding, lang: str) -> str:
    return f"{f.code} ({f.severity}): {message(f, lang)}"


def annotated(raw: bytes, findings: Sequence[Finding], lang: str) -> bytes:
    """The workbook ``raw`` with the findings as comments on highlighted cells."""
    import warnings

    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    from openpyxl.writer.excel import ExcelWriter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(io.BytesIO(raw), data_only=False, keep_links=False)
    notes: dict[tuple[str, int, int], list[Finding]] = {}
    first = wb.worksheets[0].title
    for f in findings:
        key = (f.cell.sheet, f.cell.row, f.cell.column) if f.cell is not None else (first, 1, 1)
        notes.setdefault(key, []).append(f)
    for (sheet, row, column), found in sorted(notes.items()):
        if sheet not in wb.sheetnames:
            continue
        cell = wb[sheet].cell(row=row, column=column)
        words = "\n".join(_note(f, lang) for f in found)
        lines = words.count("\n") + 1 + len(words) // 40
        cell.comment = Comment(words, AUTHOR, height=min(20 + 15 * lines, 400), width=320)
        worst = "error" if any(f.severity == "error" for f in found) else "warning"
        cell.fill = PatternFill("solid", fgColor=FILLS[worst])
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so that the bytes repeat."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()
