"""A savings view as CSV, JSON, Markdown or a terminal table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from migrasi.core.terms import Status
from migrasi.render.catalog import text
from migrasi.render.escape import DANGEROUS, markdown_cell, md_table, terminal
from migrasi.render.formats import Format
from migrasi.render.numbers import money
from migrasi.render.savings import Column, View, heading, view

if TYPE_CHECKING:
    from migrasi.core.plandoc import PlanDoc
    from migrasi.render.fit import FitTable


def machine_key(c: Column) -> str:
    """The column key machines read (English, never translated)."""
    return c.key[1:] if c.key.startswith("y") and c.key[1:].isdigit() else c.key


def csv_cell(value: object) -> str:
    """A CSV field: numbers plain; text that a spreadsheet would run as a formula gets a ``'``."""
    if isinstance(value, int):
        return str(value)
    text_value = str(value)
    return "'" + text_value if text_value.startswith(DANGEROUS) else text_value


def as_csv(v: View) -> str:
    """RFC 4180 CSV (CRLF line ends) with English headers and plain integers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([machine_key(c) for c in v.columns])
    for row in v.rows:
        writer.writerow([csv_cell(x) for x in row])
    writer.writerow([csv_cell(x) if x != "" else "total" if i == 0 else "" for i, x in
                     enumerate(v.total)])  # fmt: skip
    return buffer.getvalue()


def as_json(v: View) -> str:
    """The view as JSON: English keys, plain integers, the total apart."""
    keys = [machine_key(c) for c in v.columns]
    doc = {
        "view": v.name,
        "columns": keys,
        "rows": [dict(zip(keys, row, strict=True)) for row in v.rows],
        "total": {k: x for k, x in zip(keys, v.total, strict=True) if x != ""},
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _shown(c: Column, value: object, lang: str, names: Mapping[str, str] | None = None) -> str:
    if c.key == "region" and names and isinstance(value, str):
        return names.get(value, value)
    if c.kind == "money" and isinstance(value, int):
        return money(value, lang)
    if c.key == "status" and value:
        return text(f"status.{value}", lang)
    return str(value)


def as_markdown(v: View, lang: str) -> str:
    """A Markdown table with a bold total row."""
    head = [markdown_cell(heading(c, lang)) for c in v.columns]
    rows = [
        [markdown_cell(_shown(c, x, lang, v.names)) for c, x in zip(v.columns, row, strict=True)]
        for row in v.rows
    ]
    total = [
        f"**{_shown(c, x, lang)}**" if x != "" else ""
        for c, x in zip(v.columns, v.total, strict=True)
    ]
    total[0] = f"**{text('view.total', lang)}**"
    right = {i for i, c in enumerate(v.columns) if c.kind != "text"}
    lines = [f"## {text(f'view.{v.name}', lang)}", "", *md_table(head, [*rows, total], right)]
    return "\n".join(lines) + "\n"


WHOLE_TEXT = ("year", "cutover")
"""Text columns whose values must never be cut: years and days."""


def as_table(v: View, lang: str) -> FitTable:
    """A terminal table of the compact columns: money right-aligned and never cut, long names
    folded; on a narrow terminal headings shorten and the last columns go first."""
    from migrasi.render.fit import FitColumn, FitTable

    columns = [(i, c) for i, c in enumerate(v.columns) if c.compact]
    fit = [
        FitColumn(
            heading(c, lang),
            justify="left" if c.kind == "text" else "right",
            whole=c.kind != "text" or c.key in WHOLE_TEXT,
            footer=text("view.total", lang) if n == 0 else _shown(c, v.total[i], lang),
        )
        for n, (i, c) in enumerate(columns)
    ]
    rows = [[terminal(_shown(c, row[i], lang, v.names)) for i, c in columns] for row in v.rows]
    drop = list(range(len(columns) - 1, 0, -1))
    return FitTable(text(f"view.{v.name}", lang), fit, rows, drop=drop, footer=True)


def savings_csv(doc: PlanDoc) -> str:
    """``savings.csv``: one row per planned system and calendar year, plain integers, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["ref", "region", "owner", "strategy", "status", "wave", "year", "savings"])
    for s in doc.systems:
        if s.status is Status.RETAINED:
            continue
        for year, value in sorted(s.money.by_year.items()):
            writer.writerow([csv_cell(s.ref), csv_cell(s.region), csv_cell(s.owner),
                             s.strategy, s.status.value, s.wave or "", year, value])  # fmt: skip
    return buffer.getvalue()


@dataclass(frozen=True)
class Savings:
    """What ``migrasi savings`` shows: a plan document and the view asked for."""

    doc: PlanDoc
    by: str


def _workbook(s: Savings, lang: str) -> bytes:
    from migrasi.render.xlsx import workbook

    return workbook(s.doc, lang)


FORMATS: dict[str, Format[Savings]] = {
    "table": Format(lambda s, lang: as_table(view(s.doc, s.by), lang)),
    "csv": Format(lambda s, lang: as_csv(view(s.doc, s.by))),
    "json": Format(lambda s, lang: as_json(view(s.doc, s.by))),
    "md": Format(lambda s, lang: as_markdown(view(s.doc, s.by), lang)),
    "xlsx": Format(_workbook, binary=True),
}
"""The formats of ``migrasi savings --format``: one view, or the whole workbook (xlsx)."""
