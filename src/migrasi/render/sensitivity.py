"""``migrasi sensitivity``: the tornado of what moves the NPV, as text, Markdown (with a Mermaid
bar chart), JSON or a workbook (with a bar chart)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from migrasi.render.catalog import text
from migrasi.render.compare import DASH, axis, millions, month_name
from migrasi.render.escape import markdown_cell, md_table, mermaid_label, text_columns
from migrasi.render.numbers import money, plain

if TYPE_CHECKING:  # the command line offers these formats without loading the models
    from migrasi.core.sensitivity import Change, Row, Sensitivity
    from migrasi.core.whatif import Outcome

SIDE = ("sens.npv", "sens.repriced", "sens.payback")
"""The columns of each side (low, high), after the change itself."""


def change_cell(change: Change, lang: str) -> str:
    """A scale as the percentage it moves (``-20%``, ``+20%``); the discount rate as itself."""
    from migrasi.core.sensitivity import RATE

    if change.name == RATE:
        return f"{plain(change.value * 100, lang)}%"
    moved = (change.value - 1) * 100
    return f"{'+' if moved > 0 else ''}{plain(moved, lang)}%"


def side_cells(change: Change, o: Outcome, lang: str) -> list[str]:
    """One side of a row: its change, NPV re-planned, NPV of the unchanged waves, payback."""
    if o.figures is None:
        return [change_cell(change, lang), f"{DASH} ({', '.join(o.errors)})", DASH, DASH]
    repriced = money(o.repriced, lang) if o.repriced is not None else DASH
    payback = month_name(o.figures.payback_month, lang)
    return [change_cell(change, lang), money(o.figures.npv, lang), repriced, payback]


def label(row: Row, lang: str) -> str:
    """The assumption a row varies, in words."""
    return text(f"sens.{row.name}", lang)


def heads(lang: str) -> list[str]:
    """The column headings of the tornado's table."""
    side = [text(k, lang) for k in SIDE]
    low, high = text("sens.low", lang), text("sens.high", lang)
    return [text("sens.assumption", lang), low, *side, high, *side, text("sens.swing", lang)]


def rows(s: Sensitivity, lang: str) -> list[list[str]]:
    """Every row of the tornado as cells, in its order."""
    return [
        [
            label(r, lang),
            *side_cells(r.low, r.low_outcome, lang),
            *side_cells(r.high, r.high_outcome, lang),
            money(r.swing, lang) if r.swing is not None else DASH,
        ]
        for r in s.rows
    ]


def intro(s: Sensitivity, lang: str) -> list[str]:
    """The lines above the tornado: the unchanged NPV, the variations, the timeline."""
    f = s.base.figures
    assert f is not None
    base = text("sens.base", lang, npv=money(f.npv, lang),
                payback=month_name(f.payback_month, lang))  # fmt: skip
    rate = f"{plain(s.rate * 100, lang)}%"
    spread = text("sens.range", lang, range=plain(s.range_percent, lang), rate=rate,
                  points=plain(s.rate_points, lang))  # fmt: skip
    timeline = text("cmp.timeline", lang, month=month_name(s.month0, lang), months=s.horizon)
    return [base, spread, timeline]


def sensitivity_text(s: Sensitivity, lang: str) -> str:
    """The tornado for a terminal."""
    right = set(range(1, 11))
    out = [text("sens.title", lang), "", *intro(s, lang), ""]
    out += text_columns(heads(lang), rows(s, lang), right)
    return "\n".join([*out, "", text("sens.note", lang)]) + "\n"


COLOURS = "#2e7d32, #c62828, #ffffff"
"""Green above the unchanged NPV, red below it, and white (the chart's background) over what
lies left of the lower end: the bars of a Mermaid chart start at the axis, so three bars drawn
over each other leave each row's span between its low and high NPV."""
CHART_CONFIG = {
    "xyChart": {"width": 900, "height": 500},
    "themeVariables": {"xyChart": {"backgroundColor": "#ffffff", "plotColorPalette": COLOURS}},
}


def _chart(s: Sensitivity, lang: str) -> list[str]:
    f = s.base.figures
    assert f is not None
    shown = [(r, r.low_outcome.figures, r.high_outcome.figures) for r in s.rows]
    spans = [(r, min(lo.npv, hi.npv), max(lo.npv, hi.npv))
             for r, lo, hi in shown if lo is not None and hi is not None]  # fmt: skip
    if not spans:
        return []
    floor, top = axis(
        min(f.npv, *(lo for _, lo, _ in spans)), max(f.npv, *(hi for *_, hi in spans))
    )
    labels = ", ".join(f'"{mermaid_label(label(r, lang))}"' for r, _, _ in spans)

    def bar(values: list[int]) -> str:
        return f"    bar [{', '.join(str(millions(v)) for v in values)}]"

    return [
        "```mermaid",
        f"%%{{init: {json.dumps(CHART_CONFIG, sort_keys=True)}}}%%",
        "xychart-beta horizontal",
        f'    title "{mermaid_label(text("sens.chart", lang))}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{mermaid_label(text("plan.cumulative_axis", lang))}" {floor} --> {top}',
        bar([hi for _, _, hi in spans]),
        bar([min(f.npv, hi) for _, _, hi in spans]),
        bar([lo for _, lo, _ in spans]),
        "```",
        "",
        text("sens.chart_note", lang),
    ]


def sensitivity_markdown(s: Sensitivity, lang: str) -> str:
    """The tornado in Markdown, with a Mermaid bar chart."""
    out = [f"## {text('sens.title', lang)}", ""]
    for line in intro(s, lang):
        out += [markdown_cell(line), ""]
    cells = [[markdown_cell(c) for c in row] for row in rows(s, lang)]
    out += [*md_table([markdown_cell(h) for h in heads(lang)], cells, set(range(1, 11))), ""]
    out += [*_chart(s, lang), "", text("sens.note", lang)]
    return "\n".join(out) + "\n"


def _side_json(change: Change, o: Outcome) -> dict[str, object]:
    f = o.figures
    return {
        "value": str(change.value),
        "npv": f.npv if f else None,
        "payback_month": f.payback_month if f else None,
        "repriced_npv": o.repriced,
        "errors": list(o.errors),
    }


def sensitivity_json(s: Sensitivity) -> str:
    """The tornado for machines: fixed key order, ``indent=2``, a final newline."""
    f = s.base.figures
    assert f is not None
    doc = {
        "schema": "migrasi/sensitivity/v1",
        "month_0": s.month0,
        "horizon_months": s.horizon,
        "range_percent": str(s.range_percent),
        "rate_points": str(s.rate_points),
        "base": {"npv": f.npv, "payback_month": f.payback_month, "discount_rate": str(s.rate)},
        "rows": [
            {
                "name": r.name,
                "swing": r.swing,
                "low": _side_json(r.low, r.low_outcome),
                "high": _side_json(r.high, r.high_outcome),
            }
            for r in s.rows
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
