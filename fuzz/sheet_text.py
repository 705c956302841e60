"""Workbooks as text, so that the fuzzer mutates cells rather than zip bytes.

A fuzz input that does not start like a zip archive is read as the region sheet's rows, a line
``---``, then the systems sheet's rows; cells are separated by tabs. A cell is an inline
string unless it is tagged: ``{n}TEXT`` a number cell saved as TEXT, ``{f}F`` a formula without
a stored value, ``{f:V}F`` a formula with the stored number V, ``{b}1`` a boolean, ``{e}#N/A``
an error, ``{s}TEXT`` a string that begins with ``{``. The sheets replace those of the empty
template, so the rest of a real workbook (styles, shared strings, the instructions) stays.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache

SEPARATOR = "---"
REGION_PART = "xl/worksheets/sheet2.xml"
SYSTEMS_PART = "xl/worksheets/sheet3.xml"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAG = re.compile(r"\{(n|f|f:[^}]*|b|e|s)\}")


@cache
def template() -> bytes:
    """The empty template, whose region and systems sheets the text replaces."""
    from migrasi.render.intake_xlsx import workbook

    return workbook(None, "id")


def _xml(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _NOT_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _column(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: str) -> str:
    tag = _TAG.match(value)
    if tag is None:
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_xml(value)}</t></is></c>'
    kind, body = tag.group(1), _xml(value[tag.end() :])
    if kind == "n":
        return f'<c r="{ref}"><v>{body}</v></c>'
    if kind == "f":
        return f'<c r="{ref}"><f>{body}</f></c>'
    if kind.startswith("f:"):
        return f'<c r="{ref}"><f>{body}</f><v>{_xml(kind[2:])}</v></c>'
    if kind == "b":
        return f'<c r="{ref}" t="b"><v>{body}</v></c>'
    if kind == "e":
        return f'<c r="{ref}" t="e"><v>{body}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{body}</t></is></c>'


def _sheet(lines: list[str]) -> bytes:
    rows = []
    for r, line in enumerate(lines, start=1):
        cells = [_cell(f"{_column(c)}{r}", v) for c, v in enumerate(line.split("\t"), 1) if v]
        if cells:
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    return (_HEAD + "".join(rows) + "</sheetData></worksheet>").encode("utf-8")


def to_workbook(data: bytes) -> bytes:
    """The workbook that the text ``data`` describes."""
    text = data.decode("utf-8", "replace")
    region, _, systems = text.partition(f"\n{SEPARATOR}\n")
    parts = {REGION_PART: _sheet(region.split("\n")), SYSTEMS_PART: _sheet(systems.split("\n"))}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, parts.get(info.filename) or source.read(info))
    return out.getvalue()


def to_text(raw: bytes) -> bytes:
    """A workbook as the text ``to_workbook`` reads (for seeds): values as they were saved."""
    from migrasi.loading import xlsx_cells as cells

    book = cells.read_workbook("seed.xlsx", raw)
    if not isinstance(book, cells.Workbook):
        raise ValueError(f"not a readable workbook: {book}")
    out: list[str] = []
    for role in ("region", "systems"):
        sheet = book.sheets[role]
        last = max((r for r, _ in sheet.cells), default=0)
        for r in range(1, last + 1):
            row = [(c, v) for (rr, c), v in sheet.cells.items() if rr == r]
            width = max((c for c, _ in row), default=0)
            values = dict(row)
            out.append("\t".join(_tagged(values.get(c)) for c in range(1, width + 1)))
        if role == "region":
            out.append(SEPARATOR)
    return "\n".join(out).encode("utf-8")


def _tagged(value: object) -> str:
    from migrasi.loading import xlsx_cells as cells

    if not isinstance(value, cells.Value):
        return ""
    if value.kind == cells.NUMBER:
        return "{n}" + value.shown
    if value.kind == cells.BOOL:
        return "{b}" + ("1" if value.value else "0")
    if value.kind == cells.DATE:
        return value.shown
    shown = value.shown.replace("\t", " ").replace("\n", " ")
    return ("{s}" if shown.startswith("{") else "") + shown
