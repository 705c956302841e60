"""One cell as the value a YAML file would give the same field, or the E102 it deserves.

What the models check, they check on these values, so that a workbook gets the same codes and
messages as a YAML file. What only a spreadsheet can get wrong is decided here: a formula
without a stored value, an error cell, floating-point noise, a day typed ``31/12/2027`` (with
a hint); a number typed with ``Rp`` or thousands separators gets the models' hint. A number typed as
text is a number; ``true``/``false`` typed as text are booleans; list items are separated by
commas. Text in a free-text column (names, notes) is taken exactly; elsewhere the spaces around
a value, which nobody sees in a cell, are dropped.
"""

from __future__ import annotations

import re

from migrasi.core.columns import BOOLEAN, DATE, INTEGER, LIST, NUMBER, Column
from migrasi.core.hints import date_hint
from migrasi.loading import xlsx_cells as cells
from migrasi.loading.yamlio import resolve_plain

_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Problem = dict[str, object]
"""The arguments of an E102 finding."""


def convert(column: Column, cell: cells.Value) -> tuple[object, Problem | None]:
    """The value of ``cell`` for ``column`` (None: empty), or the problem that stops it."""
    if cell.kind == cells.FORMULA:
        return None, {"why": "m_formula"}
    if cell.kind == cells.ERROR:
        return None, {"why": "m_cell_error", "got": cell.shown}
    if cell.kind == cells.NOISE:
        return None, {"why": "m_noise", "got": cell.shown}
    if column.kind == LIST:
        return _items(column, cell)
    if cell.kind != cells.TEXT or not isinstance(cell.value, str):
        return cell.value, None
    text = cell.value if column.free else cell.value.strip()
    if not text:
        return None, None
    if column.kind in (NUMBER, INTEGER):
        return _number(text)
    if column.kind == DATE:
        return _date(text)
    if column.kind == BOOLEAN and text.lower() in ("true", "false"):
        return text.lower() == "true", None
    return text, None


def _number(text: str) -> tuple[object, Problem | None]:
    """A number typed as text is that number; other text is left to the models, which say how
    to write ``4.500.000`` or ``Rp 4,5 juta`` (E102 with the plain number)."""
    return (resolve_plain(text) if _NUMBER.fullmatch(text) else text), None


def _date(text: str) -> tuple[object, Problem | None]:
    if _DATE.fullmatch(text):
        return resolve_plain(text), None
    hint = date_hint(text)
    if hint is not None:
        return text, {"why": "m_date", "got": text, "suggestion": hint}
    return text, None


def _items(column: Column, cell: cells.Value) -> tuple[object, Problem | None]:
    """A list cell: items separated by commas; a lone number or date is one item."""
    if cell.kind != cells.TEXT or not isinstance(cell.value, str):
        return [cell.value], None
    items: list[object] = []
    for part in cell.value.split(","):
        item = part.strip()
        if not item:
            continue
        if column.item == INTEGER and _NUMBER.fullmatch(item):
            items.append(resolve_plain(item))
        else:
            items.append(item)
    return items or None, None
