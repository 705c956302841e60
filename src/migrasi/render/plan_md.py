"""``plan.md``: the plan for engineers and reviewers, with Mermaid charts GitHub renders."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal

from migrasi.core.exact import rounded
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
    out += ["    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m"]
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


def _cumulative(plan: Plan, lang: str) -> list[str]:
    t = plan.timeline
    running = Decimal(0)
    points: list[str] = []
    for saving in plan.totals.monthly:
        running += saving
        points.append(f"{rounded(running / 1_000_000, Decimal('0.1'), ROUND_HALF_EVEN)}")
    labels = ", ".join(f'"{t.label(m)}"' for m in range(t.horizon))
    return [
        f"## {text('plan.cumulative', lang)}",
        "",
        "```mermaid",
        "xychart-beta",
        f'    title "{text("plan.cumulative", lang)} ({text("plan.cumulative_axis", lang)})"',
        f"    x-axis [{labels}]",
        f'    y-axis "{text("plan.cumulative_axis", lang)}"',
        f"    line [{', '.join(points)}]",
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
