"""A savings view as CSV, JSON, Markdown or a terminal table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from rich.table import Table
from rich.text import Text

from migrasi.render.catalog import text
from migrasi.render.escape import FORMULA_START, markdown_cell, terminal
from migrasi.render.numbers import money
from migrasi.render.savings import Column, View

DANGEROUS = FORMULA_START


def heading(c: Column, lang: str) -> str:
    """The column heading people read."""
    if c.key.startswith("y") and c.key[1:].isdigit():
        return c.key[1:]
    return text(f"col.{c.key}", lang)


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
    head = [heading(c, lang) for c in v.columns]
    lines = [f"## {text(f'view.{v.name}', lang)}", ""]
    lines.append("| " + " | ".join(markdown_cell(h) for h in head) + " |")
    lines.append("| " + " | ".join("---:" if c.kind != "text" else "---" for c in v.columns) + " |")
    for row in v.rows:
        cells = [
            markdown_cell(_shown(c, x, lang, v.names)) for c, x in zip(v.columns, row, strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    total = [
        f"**{_shown(c, x, lang)}**" if x != "" else ""
        for c, x in zip(v.columns, v.total, strict=True)
    ]
    total[0] = f"**{text('view.total', lang)}**"
    lines.append("| " + " | ".join(total) + " |")
    return "\n".join(lines) + "\n"


def as_table(v: View, lang: str) -> Table:
    """A terminal table of the compact columns: money right-aligned, long names folded."""
    columns = [(i, c) for i, c in enumerate(v.columns) if c.compact]
    table = Table(title=text(f"view.{v.name}", lang), header_style="bold", show_footer=True)
    for n, (i, c) in enumerate(columns):
        footer = Text(text("view.total", lang) if n == 0 else _shown(c, v.total[i], lang))
        if c.kind == "text":
            table.add_column(heading(c, lang), footer=footer, overflow="fold", ratio=1)
        else:
            table.add_column(heading(c, lang), footer=footer, justify="right", no_wrap=True)
    for row in v.rows:
        table.add_row(*(Text(terminal(_shown(c, row[i], lang, v.names))) for i, c in columns))
    return table


def savings_csv(doc: Mapping[str, Any]) -> str:
    """``savings.csv``: one row per planned system and calendar year, plain integers, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["ref", "region", "owner", "strategy", "status", "wave", "year", "savings"])
    for s in doc["systems"]:
        if s["status"] == "retained":
            continue
        for year, value in sorted(s["money"]["by_year"].items()):
            writer.writerow([csv_cell(s["ref"]), csv_cell(s["region"]), csv_cell(s["owner"]),
                             s["strategy"], s["status"], s["wave"] or "", year, value])  # fmt: skip
    return buffer.getvalue()
