"""``migrasi progress --format md``: a monthly report that is also a pull-request comment.

The summary, the money and the burn-up (a Mermaid chart GitHub draws) come first, then the
systems that need attention; the regions, every system and the burn-up month by month are
folded. The text stays within :data:`MD_LIMIT` characters (GitHub refuses longer comments):
rows that do not fit are left out, those of every system first, then the regions' (their total
stays), then those needing attention, with a note saying how many.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from migrasi.core.progress_report import ProgressReport
from migrasi.render.catalog import text as t
from migrasi.render.diff_text import MD_LIMIT
from migrasi.render.escape import markdown_cell, md_row, md_table
from migrasi.render.numbers import group_digits
from migrasi.render.plan_md import CHART_COLOUR, CHART_PERIODS, period_labels
from migrasi.render.progress_rows import (
    Reported,
    as_of_month,
    attention,
    burnup_head,
    burnup_rows,
    counts_line,
    money_head,
    money_rows,
    region_head,
    region_rows,
    shown_order,
    system_head,
    system_row,
)

BURNUP_PERIODS = ((1, 12), *CHART_PERIODS)
"""A point per month while there are at most 12, else per quarter, half-year or year, as the
cumulative chart of plan.md chooses."""
BURNUP_COLOURS = ("#2e7d32", "#757575", CHART_COLOUR)
"""The bars (actual), the baseline plan's line and the forecast's line, in the order they are
drawn; the legend under the chart names them."""
BURNUP_CONFIG = {
    "xyChart": {"width": 900, "height": 450},
    "themeVariables": {"xyChart": {"plotColorPalette": ", ".join(BURNUP_COLOURS)}},
}


def burnup_points(report: ProgressReport, lang: str) -> list[tuple[str, int, int, int]]:
    """The burn-up at the end of each period, with its label: (label, baseline, actual,
    forecast); the actual count of a period after the as-of month is 0."""
    months = [b.month for b in report.burnup]
    points: dict[str, tuple[int, int, int]] = {}
    actual = 0
    for label, b in zip(period_labels(months, lang, BURNUP_PERIODS), report.burnup, strict=True):
        if label not in points:
            actual = 0
        if b.actual is not None:
            actual = b.actual
        points[label] = (b.baseline, actual, b.forecast)
    return [(label, *values) for label, values in points.items()]


def _chart(report: ProgressReport, lang: str) -> list[str]:
    points = burnup_points(report, lang)
    labels = ", ".join(f'"{label}"' for label, *_ in points)
    top = max([1, *(max(values) for _, *values in points)])
    series = [", ".join(str(p[i]) for p in points) for i in (2, 1, 3)]
    config = json.dumps(BURNUP_CONFIG, sort_keys=True)
    axis = t("progress.burnup_axis", lang)
    return [
        "```mermaid",
        f"%%{{init: {config}}}%%",
        "xychart-beta",
        f'    title "{t("progress.burnup", lang)}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{axis}" 0 --> {top}',
        f"    bar [{series[0]}]",
        f"    line [{series[1]}]",
        f"    line [{series[2]}]",
        "```",
        "",
        f"_{t('progress.burnup_legend', lang)}_",
    ]


def _cells(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    return [[markdown_cell(c) for c in row] for row in rows]


def _top(r: Reported, lang: str) -> list[str]:
    report = r.report
    out = [f"## {t('progress.title', lang)}", ""]
    out.append(f"{t('progress.baseline', lang)}: {markdown_cell(r.baseline)}  ")
    out.append(f"{t('progress.current', lang)}: {markdown_cell(r.current)}  ")
    out += [f"{t('progress.as_of', lang)}: {report.as_of.isoformat()}", ""]
    out += [f"**{markdown_cell(counts_line(report, lang))}**", ""]
    out += md_table(money_head(lang), _cells(money_rows(report, lang)), {1, 2, 3})
    month = as_of_month(report, lang)
    out += ["", f"_{markdown_cell(t('progress.money_note', lang, month=month))}_", ""]
    out += [f"### {t('progress.burnup', lang)}", "", *_chart(report, lang)]
    return out


def _folded(title: str, rows: int, body: list[str], lang: str) -> list[str]:
    summary = t("progress.details", lang, title=title, rows=group_digits(rows, lang))
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>"]


def _systems_block(head: list[str], rows: list[str], any_at_all: bool, lang: str) -> list[str]:
    if not any_at_all:
        return [t("progress.none", lang)]
    return [*md_table(head, [], {5}), *rows]


@dataclass(frozen=True)
class _Rows:
    """The rows of the tables that may be cut: systems needing attention, regions (the total
    row is always kept), every system."""

    urgent: list[str]
    regions: list[str]
    every: list[str]

    def count(self) -> int:
        return len(self.urgent) + len(self.regions) + len(self.every)


def _assemble(r: Reported, lang: str, rows: _Rows, note: str) -> str:
    report = r.report
    head = _cells([system_head(lang)])[0]
    count = len(attention(report))
    parts = [
        _top(r, lang),
        [
            f"### {t('progress.attention', lang)} ({count})",
            "",
            *_systems_block(head, rows.urgent, count > 0, lang),
        ],
    ]
    if note:
        parts.append([note])
    total = md_row(_cells(region_rows(report, lang)[-1:])[0])
    regions = [*md_table(region_head(lang), [], set(range(1, 9))), *rows.regions, total]
    parts.append(_folded(t("progress.by_region", lang), len(report.regions), regions, lang))
    every_title = t("progress.every_system", lang)
    body = _systems_block(head, rows.every, bool(report.systems), lang)
    parts.append(_folded(every_title, len(report.systems), body, lang))
    burnup = md_table(burnup_head(lang), _cells(burnup_rows(report)), {1, 2, 3})
    burnup += ["", f"_{t('progress.burnup_note', lang)}_"]
    parts.append(_folded(t("progress.burnup", lang), len(report.burnup), burnup, lang))
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


def _note(shown: int, total: int, left: int, limit: int, lang: str) -> str:
    numbers = {"shown": shown, "total": total, "left": left, "limit": limit}
    return (
        "_"
        + t("progress.cut", lang, **{k: group_digits(v, lang) for k, v in numbers.items()})
        + "_"
    )


def progress_markdown(r: Reported, lang: str, limit: int = MD_LIMIT) -> str:
    """The report as Markdown of at most ``limit`` characters."""
    report = r.report
    rows = _Rows(
        urgent=[md_row(_cells([system_row(s, lang)])[0]) for s in attention(report)],
        regions=[md_row(row) for row in _cells(region_rows(report, lang)[:-1])],
        every=[md_row(_cells([system_row(s, lang)])[0]) for s in shown_order(report)],
    )
    whole = _assemble(r, lang, rows, "")
    if len(whole) <= limit:
        return whole
    total = rows.count()
    worst = _note(total, total, total, limit, lang)  # the longest the note can be
    budget = limit - len(_assemble(r, lang, _Rows([], [], []), worst))
    kept = _Rows([], [], [])
    pairs = ((rows.urgent, kept.urgent), (rows.regions, kept.regions), (rows.every, kept.every))
    for row, into in ((row, into) for have, into in pairs for row in have):
        if len(row) + 1 > budget:
            break  # in order: once a row is left out, so is everything after it
        into.append(row)
        budget -= len(row) + 1
    left = total - kept.count()
    return _assemble(r, lang, kept, _note(kept.count(), total, left, limit, lang))
