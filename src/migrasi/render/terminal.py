"""Rich renderables for the terminal: the plan summary with wave loads against limits."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from migrasi.core.models import DataCenter
from migrasi.core.plan import Plan
from migrasi.render.catalog import text
from migrasi.render.fit import FitColumn, FitTable
from migrasi.render.numbers import money, money_short, plain
from migrasi.render.plan_md import month_name

WAVE_COLUMNS = ("wave", "cutover", "state", "systems", "critical", "effort", "transfer", "vcpu")


def waves_table(plan: Plan, dc: DataCenter, lang: str) -> FitTable:
    """Every wave with its loads against the limits of one wave; on a narrow terminal the
    headings shorten and then vCPU, transfer hours and person-days go before a value is cut."""
    s = dc.schedule
    columns = [
        FitColumn(
            text(f"col.{key}", lang),
            short=text("wave.short", lang, n="") if key == "wave" else None,
            justify="left" if key == "state" else "right",
        )
        for key in WAVE_COLUMNS
    ]
    crit_limit = f"/{s.max_critical}" if s.max_critical is not None else ""
    rows = []
    for w in plan.waves:
        state = "pilot" if w.wave.pilot else "open" if w.wave.open else "closed"
        rows.append([
            str(w.wave.number),
            w.wave.cutover.isoformat(),
            text(f"state.{state}", lang),
            str(len(w.systems)),
            f"{w.critical}{crit_limit}",
            f"{plain(w.effort_days, lang)}/{plain(s.team_days, lang)}",
            f"{plain(w.transfer_hours, lang)}/{plain(s.transfer_hours, lang)}",
            plain(w.vcpu, lang),
        ])  # fmt: skip
    drop = [WAVE_COLUMNS.index(k) for k in ("vcpu", "transfer", "effort", "critical", "state")]
    return FitTable(text("plan.waves", lang), columns, rows, drop=drop)


def summary_table(plan: Plan, lang: str) -> Table:
    """The money of the plan in a few lines."""
    t = plan.totals
    table = Table(show_header=False, box=None)
    table.add_column()
    table.add_column(justify="right")
    table.add_row(
        text("plan.npv", lang), Text(f"{money(t.npv, lang)} ({money_short(t.npv, lang)})")
    )
    table.add_row(text("plan.net", lang, months=plan.timeline.horizon), money(t.net_savings, lang))
    table.add_row(text("plan.one_time", lang), money(t.one_time, lang))
    table.add_row(text("plan.kept", lang), money(t.kept_in_jambi, lang))
    table.add_row(text("plan.payback", lang), month_name(t.payback_month, lang))
    table.add_row(
        text("plan.bound", lang), f"{money(plan.bound_npv, lang)} ({plain(plan.gap * 100, lang)}%)"
    )
    statuses = [s.status for s in plan.systems.values()]
    table.add_row(
        text("plan.systems", lang),
        text(
            "plan.systems_text",
            lang,
            planned=sum(x != "retained" for x in statuses),
            scheduled=statuses.count("scheduled"),
            unscheduled=statuses.count("unscheduled"),
            late=sum(s.late for s in plan.systems.values()),
            retained=statuses.count("retained"),
        ),
    )
    return table
