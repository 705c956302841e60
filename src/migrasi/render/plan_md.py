"""``plan.md``: the plan for engineers and reviewers, with Mermaid charts GitHub renders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from migrasi.core.findings import Finding
from migrasi.core.plan import Plan
from migrasi.render.catalog import text
from migrasi.render.escape import markdown_cell
from migrasi.render.explain_text import reasons_short
from migrasi.render.messages import message
from migrasi.render.numbers import money, money_short, plain


def month_name(label: str | None, lang: str) -> str:
    """``2028-09`` as ``September 2028``; None as the words for none."""
    if label is None:
        return text("plan.none", lang)
    year, month = label.split("-")
    return f"{text(f'month.{int(month)}', lang)} {year}"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    out = ["| " + " | ".join(head) + " |"]
    out.append("| " + " | ".join("---:" if i in right else "---" for i in range(len(head))) + " |")
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out


def _summary(plan: Plan, dc_name: str, lang: str) -> list[str]:
    t = plan.totals
    statuses = [s.status for s in plan.systems.values()]
    planned = sum(s != "retained" for s in statuses)
    rows = [
        (text("plan.npv", lang), f"{money_short(t.npv, lang)} ({money(t.npv, lang)})"),
        (text("plan.net", lang, months=plan.timeline.horizon), money(t.net_savings, lang)),
        (text("plan.baseline", lang), money(t.baseline, lang)),
        (text("plan.one_time", lang), money(t.one_time, lang)),
        (text("plan.fees", lang), money(t.termination_fees, lang)),
        (text("plan.kept", lang), money(t.kept_in_jambi, lang)),
        (text("plan.payback", lang), month_name(t.payback_month, lang)),
        (
            text("plan.bound", lang),
            f"{money(plan.bound_npv, lang)} ({plain(plan.gap * 100, lang)}%)",
        ),
        (
            text("plan.systems", lang),
            text(
                "plan.systems_text",
                lang,
                planned=planned,
                scheduled=statuses.count("scheduled"),
                unscheduled=statuses.count("unscheduled"),
                late=sum(s.late for s in plan.systems.values()),
                retained=statuses.count("retained"),
            ),
        ),
        (text("plan.mode", lang), text(f"plan.mode.{plan.mode}", lang)),
    ]
    out = [f"# {text('plan.title', lang, dc=markdown_cell(dc_name))}", ""]
    out += [f"## {text('plan.summary', lang)}", ""]
    out += _table(["", ""], [(a, b) for a, b in rows], {1})
    return out


def _waves(plan: Plan, lang: str) -> list[str]:
    head = [text(f"col.{k}", lang) for k in
            ("wave", "start", "cutover", "state", "systems", "critical", "effort", "transfer",
             "vcpu", "ram", "storage")]  # fmt: skip
    rows = []
    for w in plan.waves:
        state = "pilot" if w.wave.pilot else "open" if w.wave.open else "closed"
        rows.append([
            str(w.wave.number), w.wave.start.isoformat(), w.wave.cutover.isoformat(),
            text(f"state.{state}", lang), str(len(w.systems)), str(w.critical),
            plain(w.effort_days, lang), plain(w.transfer_hours, lang), plain(w.vcpu, lang),
            plain(w.ram_gb, lang), plain(w.storage_gb, lang),
        ])  # fmt: skip
    return [f"## {text('plan.waves', lang)}", "", *_table(head, rows, set(range(4, 11)))]


def _gantt(plan: Plan, lang: str) -> list[str]:
    out = [f"## {text('plan.gantt', lang)}", "", "```mermaid", "gantt"]
    out += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m", "    todayMarker off"]
    if plan.waves:
        first, last = plan.waves[0].wave.start, plan.waves[-1].wave.cutover
        span = (last.year - first.year) * 12 + last.month - first.month + 1
        every = next((n for n in (1, 3, 6, 12) if span <= 12 * n), -(-span // 12))
        out.append(f"    tickInterval {every}month")
    out.append(f"    section {text('plan.waves', lang)}")
    for w in plan.waves:
        label = text("wave.short", lang, n=w.wave.number)
        if w.wave.pilot:
            label += f" {text('state.pilot', lang)}"
        label += f" ({len(w.systems)})"
        tag = "crit, " if not w.wave.open else "active, " if w.wave.pilot else ""
        start = w.wave.start.isoformat()
        end = w.wave.cutover.isoformat()
        out.append(f"    {label} :{tag}w{w.wave.number}, {start}, {end}")
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
    if months == 3:
        return text("chart.quarter", lang, q=(mo - 1) // 3 + 1, year=y)
    if months == 6:
        return text("chart.half", lang, h=(mo - 1) // 6 + 1, year=y)
    span = months // 12
    first = first_year + (y - first_year) // span * span
    return str(first) if span == 1 else f"{first}–{first + span - 1}"


def chart_points(plan: Plan, lang: str) -> list[tuple[str, Decimal]]:
    """The cumulative saving at the end of each period of the horizon, with its label: the
    shortest period of :data:`CHART_PERIODS` that keeps the labels few enough to read."""
    t = plan.timeline
    cumulative: list[Decimal] = []
    running = Decimal(0)
    for saving in plan.totals.monthly:
        running += saving
        cumulative.append(running)
    months = [(int(t.label(m)[:4]), int(t.label(m)[5:])) for m in range(len(cumulative))]
    first_year = months[0][0] if months else 0
    years = len({y for y, _ in months})
    choices = [*CHART_PERIODS, (12 * -(-years // 12), 12)]
    for period, most in choices:
        labels = [_period_label(y, mo, period, first_year, lang) for y, mo in months]
        if len(set(labels)) <= most:
            break
    points: dict[str, Decimal] = {}
    for label, value in zip(labels, cumulative, strict=True):
        points[label] = value
    return list(points.items())


def _cumulative(plan: Plan, lang: str) -> list[str]:
    points = chart_points(plan, lang)
    labels = ", ".join(f'"{label}"' for label, _ in points)
    values = ", ".join(f"{(v / 1_000_000).quantize(Decimal('0.1'))}" for _, v in points)
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


def _regions(plan: Plan, names: dict[str, str], lang: str) -> list[str]:
    head = [text(f"col.{k}", lang) for k in ("region", "baseline", "net", "npv", "kept")]
    rows = []
    keys = ("baseline", "net_savings", "npv", "kept_in_jambi")
    for region, figures in plan.totals.by_region.items():
        name = markdown_cell(names.get(region, region))
        rows.append([name, *(money(figures[k], lang) for k in keys)])
    t = plan.totals
    total = [t.baseline, t.net_savings, t.npv, t.kept_in_jambi]
    rows.append([f"**{text('col.total', lang)}**", *(f"**{money(v, lang)}**" for v in total)])
    return [f"## {text('plan.regions', lang)}", "", *_table(head, rows, {1, 2, 3, 4})]


def _systems(plan: Plan, lang: str) -> list[str]:
    head = [text(f"col.{k}", lang) for k in
            ("ref", "owner", "strategy", "status", "wave", "cutover", "npv", "why")]  # fmt: skip
    rows = []
    for s in plan.systems.values():
        status = text(f"status.{s.status}", lang)
        if s.late:
            status += f" ({text('status.late', lang)})"
        why = reasons_short(s.blocked_by, lang) if s.status != "retained" else ""
        rows.append([
            markdown_cell(s.ref), markdown_cell(s.owner), s.strategy, status,
            str(s.wave or ""), s.cutover.isoformat() if s.cutover else "",
            money(s.money.npv, lang), markdown_cell(why),
        ])  # fmt: skip
    return [f"## {text('plan.all_systems', lang)}", "", *_table(head, rows, {4, 6})]


def _warnings(findings: Sequence[Finding], lang: str) -> list[str]:
    out = [f"## {text('plan.warnings', lang)}", ""]
    if not findings:
        return [*out, text("plan.no_warnings", lang)]
    head = [text(f"col.{k}", lang) for k in ("place", "code", "message")]
    rows = [
        [markdown_cell(f"{f.file}:{f.line}:{f.column}"), f.code, markdown_cell(message(f, lang))]
        for f in findings
    ]
    return out + _table(head, rows, set())


def plan_markdown(
    plan: Plan, findings: Sequence[Finding], dc_name: str, names: dict[str, str], lang: str
) -> str:
    """The whole ``plan.md`` text."""
    parts = [
        _summary(plan, dc_name, lang),
        _waves(plan, lang),
        _gantt(plan, lang),
        _cumulative(plan, lang),
        _regions(plan, names, lang),
        _systems(plan, lang),
        _warnings(findings, lang),
    ]
    return "\n\n".join("\n".join(p) for p in parts) + "\n"
