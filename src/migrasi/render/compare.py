"""``migrasi compare``: the unchanged inputs and each scenario side by side, as text, Markdown
(with a Mermaid bar chart of the NPV), JSON or a workbook, and the systems whose wave changes
most."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from migrasi.core.decimals import rounded
from migrasi.render.catalog import text
from migrasi.render.escape import markdown_cell, md_table, mermaid_label, terminal, text_columns
from migrasi.render.numbers import money

if TYPE_CHECKING:  # the command line offers these formats without loading the models
    from migrasi.core.comparison import Comparison, Moved
    from migrasi.core.whatif import Figures, Outcome

DASH = "—"
SHOWN_MOVED = 10
"""The systems whose wave changes most that text and Markdown show (JSON and xlsx: all)."""

ROWS: tuple[tuple[str, str, str], ...] = (
    ("npv", "plan.npv", "money"),
    ("net_savings", "col.net", "money"),
    ("one_time", "plan.one_time", "money"),
    ("termination_fees", "plan.fees", "money"),
    ("kept_in_jambi", "plan.kept", "money"),
    ("dc_running_cost", "col.dc_running_cost", "money"),
    ("payback_month", "plan.payback", "month"),
    ("last_wave", "cmp.last_wave", "wave"),
    ("scheduled", "cmp.scheduled", "count"),
    ("unscheduled", "cmp.unscheduled", "count"),
    ("late", "cmp.late", "count"),
)
"""Every figure of a comparison, in the order shown: (field of Figures, label, kind)."""


def month_name(label: str | None, lang: str) -> str:
    """A month as people read it (the summary's words)."""
    from migrasi.render.summary import month_name as words

    return words(label, lang)


def figure_cell(figures: Figures | None, key: str, kind: str, lang: str) -> str:
    """One figure as people read it; a dash for a plan that could not be made."""
    if figures is None:
        return DASH
    value = getattr(figures, key)
    if kind == "money":
        return money(value, lang)
    if kind == "month":
        return month_name(value, lang)
    if kind == "wave":
        if value is None:
            return DASH
        return f"{text('wave.short', lang, n=value)} ({figures.last_cutover})"
    return str(value)


def outcomes(c: Comparison) -> list[Outcome]:
    """The unchanged inputs' outcome, then each scenario's."""
    return [c.base, *(col.outcome for col in c.columns)]


def heads(c: Comparison, lang: str) -> list[str]:
    """The column headings: the unchanged inputs, then each scenario's name."""
    return [text("cmp.base", lang), *(col.name for col in c.columns)]


def figure_rows(c: Comparison, lang: str) -> list[list[str]]:
    """Every figure as a row of cells (label first), and the errors' codes when some scenario's
    inputs have errors."""
    every = outcomes(c)
    rows = [
        [text(label, lang), *(figure_cell(o.figures, key, kind, lang) for o in every)]
        for key, label, kind in ROWS
    ]
    if any(o.errors for o in every):
        rows.append([text("cmp.errors", lang), *(", ".join(o.errors) or DASH for o in every)])
    return rows


def wave_cell(wave: int | None, outcome: Outcome, lang: str) -> str:
    """A system's wave under one plan: ``W3``, unscheduled, or a dash (no plan)."""
    if outcome.figures is None:
        return DASH
    if wave is None:
        return text("status.unscheduled", lang)
    return text("wave.short", lang, n=wave)


def moved_rows(c: Comparison, lang: str, shown: int | None) -> list[list[str]]:
    """The systems whose wave changes most, as rows (the first ``shown``, or all)."""
    rows = []
    for m in c.moved[:shown]:
        cells = [wave_cell(w, col.outcome, lang) for w, col in zip(m.waves, c.columns, strict=True)]
        rows.append([m.ref, wave_cell(m.base, c.base, lang), *cells])
    return rows


def _scenario_lines(c: Comparison) -> list[str]:
    return [
        f"{col.name} — {col.description} ({col.file})" if col.description else
        f"{col.name} ({col.file})"
        for col in c.columns
    ]  # fmt: skip


def timeline_note(c: Comparison, lang: str) -> str:
    """The note that every plan's money is counted on the unchanged inputs' timeline."""
    return text("cmp.timeline", lang, month=month_name(c.month0, lang), months=c.horizon)


def compare_text(c: Comparison, lang: str) -> str:
    """The comparison for a terminal; every text from the inputs is escaped."""
    right = set(range(1, len(c.columns) + 2))
    out = [text("cmp.title", lang), "", f"{text('cmp.scenarios', lang)}:"]
    out += [f"  {terminal(line)}" for line in _scenario_lines(c)]
    out += ["", *text_columns(["", *heads(c, lang)], figure_rows(c, lang), right)]
    out += ["", timeline_note(c, lang), "", text("cmp.moved", lang)]
    out += _moved_block(c, lang, lambda h, r: text_columns(h, r, set()))
    return "\n".join(out) + "\n"


Table = Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]
"""Lines of a table from its heading and rows (plain text or Markdown)."""


def _moved_block(c: Comparison, lang: str, table: Table) -> list[str]:
    if not c.moved:
        return [text("cmp.moved_none", lang)]
    head = [text("col.ref", lang), *heads(c, lang)]
    lines = table(head, moved_rows(c, lang, SHOWN_MOVED))
    left = len(c.moved) - SHOWN_MOVED
    return [*lines, text("cmp.moved_more", lang, n=left)] if left > 0 else lines


CHART_CONFIG = {
    "xyChart": {"width": 900, "height": 450},
    "themeVariables": {"xyChart": {"plotColorPalette": "#1565c0"}},
}


def millions(value: int) -> Decimal:
    """Rupiah as millions with one decimal, for a chart's axis."""
    return rounded(Decimal(value) / 1_000_000, Decimal("0.1"), ROUND_HALF_EVEN)


def axis(lowest: int, highest: int) -> tuple[int, int]:
    """The ends of a chart's axis in millions: ``lowest`` and ``highest`` (Rupiah) rounded out
    to a power of ten two orders below their distance (10,200 million: to hundreds)."""
    low, high = millions(lowest), millions(highest)
    step = Decimal(10) ** max(len(str(int(high - low))) - 2, 0)
    floor, top = math.floor(low / step) * step, math.ceil(high / step) * step
    return int(floor), int(top if top > floor else floor + step)


def _chart(c: Comparison, lang: str) -> list[str]:
    named = [(text("cmp.base", lang), c.base), *((col.name, col.outcome) for col in c.columns)]
    shown = [(name, o.figures.npv) for name, o in named if o.figures is not None]
    labels = ", ".join(f'"{mermaid_label(name)}"' for name, _ in shown)
    values = ", ".join(str(millions(v)) for _, v in shown)
    floor, top = axis(min(0, *(v for _, v in shown)), max(0, *(v for _, v in shown)))
    title = text("cmp.chart", lang)
    return [
        "```mermaid",
        f"%%{{init: {json.dumps(CHART_CONFIG, sort_keys=True)}}}%%",
        "xychart-beta",
        f'    title "{mermaid_label(title)}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{mermaid_label(text("plan.cumulative_axis", lang))}" {floor} --> {top}',
        f"    bar [{values}]",
        "```",
    ]


def compare_markdown(c: Comparison, lang: str) -> str:
    """The comparison in Markdown, with a Mermaid bar chart of the NPV."""
    out = [f"## {text('cmp.title', lang)}", ""]
    out += [f"- {markdown_cell(line)}" for line in _scenario_lines(c)]
    head = ["", *(markdown_cell(h) for h in heads(c, lang))]
    rows = [[markdown_cell(cell) for cell in row] for row in figure_rows(c, lang)]
    out += ["", *md_table(head, rows, set(range(1, len(head)))), "", timeline_note(c, lang), ""]
    out += [*_chart(c, lang), "", f"### {text('cmp.moved', lang)}", ""]

    def table(h: Sequence[str], r: Sequence[Sequence[str]]) -> list[str]:
        return md_table([markdown_cell(x) for x in h], [[markdown_cell(x) for x in row]
                                                         for row in r], set())  # fmt: skip

    out += _moved_block(c, lang, table)
    return "\n".join(out) + "\n"


def figures_json(figures: Figures | None) -> dict[str, object] | None:
    """The figures for machines: plain integers, months ``YYYY-MM``, days ISO."""
    if figures is None:
        return None
    out: dict[str, object] = {}
    for key, _, _ in ROWS:
        out[key] = getattr(figures, key)
        if key == "last_wave":
            out["last_cutover"] = figures.last_cutover.isoformat() if figures.last_cutover else None
    return out


def _moved_json(m: Moved) -> dict[str, object]:
    return {"ref": m.ref, "base": m.base, "scenarios": list(m.waves)}


def compare_json(c: Comparison) -> str:
    """The comparison for machines: fixed key order, ``indent=2``, a final newline."""
    doc = {
        "schema": "migrasi/compare/v1",
        "month_0": c.month0,
        "horizon_months": c.horizon,
        "base": figures_json(c.base.figures),
        "scenarios": [
            {
                "name": col.name,
                "file": col.file,
                "sha256": col.sha256,
                "description": col.description,
                "figures": figures_json(col.outcome.figures),
                "errors": list(col.outcome.errors),
            }
            for col in c.columns
        ],
        "moved": [_moved_json(m) for m in c.moved],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
