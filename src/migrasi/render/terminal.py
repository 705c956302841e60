"""Rich renderables for the terminal: the plan summary with wave loads against limits."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from migrasi.core.plandoc import PlanDoc
from migrasi.render.catalog import text
from migrasi.render.escape import terminal
from migrasi.render.fit import FitColumn, FitTable
from migrasi.render.numbers import plain
from migrasi.render.plan_md import wave_state
from migrasi.render.summary import shown, summary_rows

SUMMARY = ("scenario", "as_of", "ended", "to_date", "npv", "net", "one_time", "kept", "payback",
           "bound", "proven", "keep", "systems")  # fmt: skip
"""The summary rows a terminal shows."""

WAVE_COLUMNS = ("wave", "cutover", "state", "systems", "critical", "effort", "transfer", "vcpu")


def waves_table(doc: PlanDoc, lang: str) -> FitTable:
    """Every wave with its loads against the limits of one wave; on a narrow terminal the
    headings shorten and then vCPU, transfer hours and person-days go before a value is cut."""
    a = doc.assumptions
    columns = [
        FitColumn(
            text(f"col.{key}", lang),
            short=text("wave.short", lang, n="") if key == "wave" else None,
            justify="left" if key == "state" else "right",
        )
        for key in WAVE_COLUMNS
    ]
    crit_limit = f"/{a.max_critical}" if a.max_critical is not None else ""
    rows = [
        [
            str(w.wave),
            w.cutover.isoformat(),
            text(f"state.{wave_state(w)}", lang),
            str(len(w.systems)),
            f"{w.load.critical}{crit_limit}",
            f"{plain(w.load.effort_days, lang)}/{plain(a.team_days, lang)}",
            f"{plain(w.load.transfer_hours, lang)}/{plain(a.transfer_hours, lang)}",
            plain(w.load.vcpu, lang),
        ]
        for w in doc.waves
    ]
    drop = [WAVE_COLUMNS.index(k) for k in ("vcpu", "transfer", "effort", "critical", "state")]
    return FitTable(text("plan.waves", lang), columns, rows, drop=drop)


def summary_table(doc: PlanDoc, lang: str) -> Table:
    """The money of the plan in a few lines."""
    table = Table(show_header=False, box=None)
    table.add_column()
    table.add_column(justify="right")
    for row in summary_rows(doc, lang):
        if row.key in SUMMARY:
            table.add_row(row.label, Text(terminal(shown(row, lang))))
    return table
