"""``plan.md``: the plan for engineers and reviewers, with Mermaid charts GitHub renders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal

from migrasi.core.decimals import rounded
from migrasi.core.findings import Finding
from migrasi.core.plandoc import PlanDoc, WaveDoc
from migrasi.core.terms import Status
from migrasi.render.catalog import text
from migrasi.render.escape import markdown_cell, md_table
from migrasi.render.explain_text import fixed_by_record, reasons_short
from migrasi.render.messages import message
from migrasi.render.numbers import money, plain
from migrasi.render.summary import shown, summary_rows


def _summary(doc: PlanDoc, lang: str) -> list[str]:
    rows = [
        (markdown_cell(r.label), markdown_cell(shown(r, lang, short_after=False)))
        for r in summary_rows(doc, lang)
        if r.key != "gap"
    ]
    dc_name = doc.assumptions.datacenter
    out = [f"# {text('plan.title', lang, dc=markdown_cell(dc_name))}", ""]
    out += [f"## {text('plan.summary', lang)}", ""]
    out += md_table(["", ""], rows, {1})
    return out


def _waves(doc: PlanDoc, lang: str) -> list[str]:
    head = [text(f"col.{k}", lang) for k in
            ("wave", "start", "cutover", "state", "systems", "critical", "effort", "transfer",
             "vcpu", "ram", "storage")]  # fmt: skip
    rows = []
    for w in doc.waves:
        rows.append([
            str(w.wave), w.start.isoformat(), w.cutover.isoformat(),
            text(f"state.{wave_state(w)}", lang), str(len(w.systems)), str(w.load.critical),
            *(plain(x, lang) for x in (w.load.effort_days, w.load.transfer_hours, w.load.vcpu,
                                      w.load.ram_gb, w.load.storage_gb)),
        ])  # fmt: skip
    return [f"## {text('plan.waves', lang)}", "", *md_table(head, rows, set(range(4, 11)))]


def _gantt(doc: PlanDoc, lang: str) -> list[str]:
    out = [f"## {text('plan.gantt', lang)}", "", "```mermaid", "gantt"]
    out += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m", "    todayMarker off"]
    if doc.waves:
        first, last = doc.waves[0].start, doc.waves[-1].cutover
        span = (last.year - first.year) * 12 + last.month - first.month + 1
        every = next((n for n in (1, 3, 6, 12) if span <= 12 * n), -(-span // 12))
        out.append(f"    tickInterval {every}month")
    out.append(f"    section {text('plan.waves', lang)}")
    for w in doc.waves:
        label = text("wave.short", lang, n=w.wave)
        if w.pilot:
            label += f" {text('state.pilot', lang)}"
        label += f" ({len(w.systems)})"
        tag = "crit, " if not w.open else "active, " if w.pilot else ""
        start = w.start.isoformat()
        end = w.cutover.isoformat()
        out.append(f"    {label} :{tag}w{w.wave}, {start}, {end}")
    out += ["```"]
    return out


CHART_PERIODS = ((3, 12), (6, 12), (12, 24))
"""The cumulative-saving chart has a point per quarter, half-year or year (months, most points),
the first that keeps its labels from running into each other on a page: at most 12 labels as
long as ``TW1 2027``, 24 as long as ``2027``; longer horizons get spans of years."""
CHART_COLOUR = "#1565c0"
"""The line's colour: a dark blue that reads on a white page and on a dark one."""
CHART_CONFIG = {
    "xyChart": {"width": 900, "height": 450},
    "themeVariables": {"xyChart": {"plotColorPalette": CHART_COLOUR}},
}


def _period_label(y: int, mo: int, months: int, first_year: int, lang: str) -> str:
    if months == 1:
        return f"{y:04d}-{mo:02d}"
    if months == 3:
        return text("chart.quarter", lang, q=(mo - 1) // 3 + 1, year=y)
    if months == 6:
        return text("chart.half", lang, h=(mo - 1) // 6 + 1, year=y)
    span = months // 12
    first = first_year + (y - first_year) // span * span
    return str(first) if span == 1 else f"{first}–{first + span - 1}"


def period_labels(
    months: Sequence[str], lang: str, periods: Sequence[tuple[int, int]] = CHART_PERIODS
) -> list[str]:
    """The label of the period holding each month (``YYYY-MM``): the first of ``periods``
    (months, most labels) that keeps the labels few enough to read, else spans of years."""
    parsed = [(int(m[:4]), int(m[5:7])) for m in months]
    first_year = parsed[0][0] if parsed else 0
    years = len({y for y, _ in parsed})
    labels: list[str] = []
    for period, most in [*periods, (12 * -(-years // 12), 12)]:
        labels = [_period_label(y, mo, period, first_year, lang) for y, mo in parsed]
        if len(set(labels)) <= most:
            break
    return labels


def chart_points(doc: PlanDoc, lang: str) -> list[tuple[str, Decimal]]:
    """The cumulative saving at the end of each period of the horizon, with its label: the
    shortest period of :data:`CHART_PERIODS` that keeps the labels few enough to read."""
    cumulative: list[Decimal] = []
    running = Decimal(0)
    for saving in doc.monthly.programme:
        running += saving
        cumulative.append(running)
    points: dict[str, Decimal] = {}
    for label, value in zip(period_labels(doc.monthly.months, lang), cumulative, strict=True):
        points[label] = value
    return list(points.items())


def _cumulative(doc: PlanDoc, lang: str) -> list[str]:
    points = chart_points(doc, lang)
    labels = ", ".join(f'"{label}"' for label, _ in points)
    values = ", ".join(
        f"{rounded(v / 1_000_000, Decimal('0.1'), ROUND_HALF_EVEN)}" for _, v in points
    )
    config = json.dumps(CHART_CONFIG, sort_keys=True)
    return [
        f"## {text('plan.cumulative', lang)}",
        "",
        "```mermaid",
        f"%%{{init: {config}}}%%",
        "xychart-beta",
        f'    title "{text("plan.cumulative", lang)} ({text("plan.cumulative_axis", lang)})"',
        f"    x-axis [{labels}]",
        f'    y-axis "{text("plan.cumulative_axis", lang)}"',
        f"    line [{values}]",
        "```",
    ]


def _regions(doc: PlanDoc, lang: str) -> list[str]:
    head = [text(f"col.{k}", lang) for k in ("region", "baseline", "net", "npv", "kept")]
    rows = []
    names = doc.region_names()
    for region, f in doc.totals.by_region.items():
        name = markdown_cell(names.get(region, region))
        figures = (f.baseline, f.net_savings, f.npv, f.kept_in_jambi)
        rows.append([name, *(money(v, lang) for v in figures)])
    t = doc.totals
    total = [t.baseline, t.net_savings, t.npv, t.kept_in_jambi]
    rows.append([f"**{text('col.total', lang)}**", *(f"**{money(v, lang)}**" for v in total)])
    return [f"## {text('plan.regions', lang)}", "", *md_table(head, rows, {1, 2, 3, 4})]


def _systems(doc: PlanDoc, lang: str) -> list[str]:
    head = [text(f"col.{k}", lang) for k in
            ("ref", "owner", "strategy", "status", "wave", "cutover", "npv", "why")]  # fmt: skip
    rows = []
    for s in doc.systems:
        status = text(f"status.{s.status.value}", lang)
        if s.late:
            status += f" ({text('status.late', lang)})"
        if s.status is Status.RETAINED:
            why = ""
        elif fixed_by_record(s, doc):  # its place is a fact now, not a choice of the planner
            why = text("why.recorded", lang)
        else:
            why = reasons_short(s.blocked_by, lang)
        rows.append([
            markdown_cell(s.ref), markdown_cell(s.owner), s.strategy, status,
            str(s.wave or ""), s.cutover.isoformat() if s.cutover else "",
            money(s.money.npv, lang), markdown_cell(why),
        ])  # fmt: skip
    return [f"## {text('plan.all_systems', lang)}", "", *md_table(head, rows, {4, 6})]


def _warnings(findings: Sequence[Finding], lang: str) -> list[str]:
    out = [f"## {text('plan.warnings', lang)}", ""]
    if not findings:
        return [*out, text("plan.no_warnings", lang)]
    head = [text(f"col.{k}", lang) for k in ("place", "code", "message")]
    rows = [
        [markdown_cell(f"{f.file}:{f.line}:{f.column}"), f.code, markdown_cell(message(f, lang))]
        for f in findings
    ]
    return out + md_table(head, rows, set())


def wave_state(w: WaveDoc) -> str:
    """``pilot``, ``open`` or ``closed``."""
    if w.ended or w.started:
        return "ended" if w.ended else "started"
    return "pilot" if w.pilot else "open" if w.open else "closed"


def plan_markdown(doc: PlanDoc, findings: Sequence[Finding], lang: str) -> str:
    """The whole ``plan.md`` text; ``findings`` are the plan's diagnostics (in ``lang``)."""
    parts = [
        _summary(doc, lang),
        _waves(doc, lang),
        _gantt(doc, lang),
        _cumulative(doc, lang),
        _regions(doc, lang),
        _systems(doc, lang),
        _warnings(findings, lang),
    ]
    return "\n\n".join("\n".join(p) for p in parts) + "\n"
