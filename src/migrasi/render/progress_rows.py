"""The report of ``migrasi progress`` as rows of words, once, for the text, Markdown and the
workbook: headings, the money of the programme, the regions, the systems and the burn-up.

Cells are unescaped; each format escapes them its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from migrasi.core.progress_report import Money, ProgressReport, SystemProgress
from migrasi.core.terms import Standing
from migrasi.render.catalog import text as t
from migrasi.render.diff_text import signed
from migrasi.render.numbers import money

NONE = "—"
ATTENTION = (
    Standing.LATE,
    Standing.OVERDUE,
    Standing.DELAYED,
    Standing.UNSCHEDULED,
    Standing.REMOVED,
)
"""The standings a monthly report shows in the open: slipped, without a forecast, or gone."""


@dataclass(frozen=True)
class Reported:
    """What ``migrasi progress`` shows: the report and the names of the two plans compared."""

    report: ProgressReport
    baseline: str
    current: str
    datacenter: str


def month_name(label: str | None, lang: str) -> str:
    """A month by name, as the plan's summary writes it (imported when used: the summary needs
    the plan document's models, which ``migrasi --help`` does not load)."""
    from migrasi.render.summary import month_name as named

    return named(label, lang)


def standing_word(standing: Standing, lang: str) -> str:
    """The words of a standing."""
    return t(f"standing.{standing.value}", lang)


def slip(days: int | None) -> str:
    """A slip in days: ``+3``, ``-2``, ``0``, or a dash when there is none."""
    if days is None:
        return NONE
    return f"+{days}" if days > 0 else str(days)


def months_text(n: int | None, lang: str) -> str:
    """A number of months, ``+`` before a later month: ``+1 month``, ``-2 months``."""
    if n is None:
        return NONE
    words = t("progress.months.1" if abs(n) == 1 else "progress.months", lang, n=abs(n))
    return ("+" if n > 0 else "-" if n < 0 else "") + words


def counts_line(report: ProgressReport, lang: str) -> str:
    """``214 planned systems compared: 60 on time, 5 late, …`` (the standings that occur)."""
    line = t("progress.systems", lang, count=len(report.systems))
    parts = [f"{report.count(s)} {standing_word(s, lang)}" for s in Standing if report.count(s)]
    return f"{line}: {', '.join(parts)}" if parts else line


def as_of_month(report: ProgressReport, lang: str) -> str:
    """The as-of day's month by name: the first month not counted in the saving to date."""
    return month_name(f"{report.as_of.year:04d}-{report.as_of.month:02d}", lang)


def money_head(lang: str) -> list[str]:
    """The heading of the programme's money table."""
    keys = ("progress.col.baseline", "progress.col.now", "progress.col.delta")
    return ["", *(t(k, lang) for k in keys)]


def money_rows(report: ProgressReport, lang: str) -> list[list[str]]:
    """Saving before the as-of month, NPV and payback month: baseline plan, now, difference."""
    m = report.programme
    return [
        [
            t("progress.saving_before", lang, month=as_of_month(report, lang)),
            money(m.promised, lang),
            money(m.to_date, lang),
            signed(m.shortfall, lang),
        ],
        [
            t("plan.npv", lang),
            money(m.baseline_npv, lang),
            money(m.forecast_npv, lang),
            signed(m.npv_change, lang),
        ],
        [
            t("plan.payback", lang),
            month_name(m.baseline_payback, lang),
            month_name(m.forecast_payback, lang),
            months_text(m.payback_slip, lang),
        ],
    ]


REGION_KEYS = (
    "col.region",
    "progress.col.promised",
    "progress.col.to_date",
    "progress.col.delta",
    "progress.col.baseline_npv",
    "progress.col.forecast_npv",
    "progress.col.delta",
    "progress.col.baseline_payback",
    "progress.col.forecast_payback",
)


def region_head(lang: str) -> list[str]:
    """The heading of the regions table."""
    return [t(k, lang) for k in REGION_KEYS]


def money_cells(m: Money, lang: str) -> list[str]:
    """One region's (or the programme's) money as the cells of the regions table."""
    return [
        money(m.promised, lang),
        money(m.to_date, lang),
        signed(m.shortfall, lang),
        money(m.baseline_npv, lang),
        money(m.forecast_npv, lang),
        signed(m.npv_change, lang),
        month_name(m.baseline_payback, lang),
        month_name(m.forecast_payback, lang),
    ]


def region_rows(report: ProgressReport, lang: str) -> list[list[str]]:
    """Every region's money, then the programme's as the total."""
    rows = [[r.name, *money_cells(r.money, lang)] for r in report.regions]
    return [*rows, [t("col.total", lang), *money_cells(report.programme, lang)]]


SYSTEM_KEYS = (
    "col.ref",
    "progress.col.class",
    "progress.col.status",
    "progress.col.baseline_cutover",
    "progress.col.cutover",
    "progress.col.slip",
)


def system_head(lang: str) -> list[str]:
    """The heading of a systems table."""
    return [t(k, lang) for k in SYSTEM_KEYS]


def system_row(s: SystemProgress, lang: str) -> list[str]:
    """One system: ref, class, status now, baseline cutover, cutover now, slip."""
    return [
        s.ref,
        standing_word(s.standing, lang),
        t(f"status.{s.status.value}", lang) if s.status is not None else NONE,
        s.baseline.isoformat() if s.baseline else NONE,
        s.cutover.isoformat() if s.cutover else NONE,
        slip(s.slip_days),
    ]


def shown_order(report: ProgressReport) -> list[SystemProgress]:
    """The systems grouped by class in the order progress.md gives them, by ref within."""
    order = {s: i for i, s in enumerate(Standing)}
    return sorted(report.systems, key=lambda s: (order[s.standing], s.ref))


def attention(report: ProgressReport) -> list[SystemProgress]:
    """The systems a report shows first: late, overdue, delayed, unscheduled or removed."""
    return [s for s in shown_order(report) if s.standing in ATTENTION]


def burnup_head(lang: str) -> list[str]:
    """The heading of the burn-up table."""
    keys = ("progress.col.month", "progress.col.baseline", "progress.col.actual",
            "progress.col.forecast")  # fmt: skip
    return [t(k, lang) for k in keys]


def burnup_rows(report: ProgressReport) -> list[list[str]]:
    """The burn-up month by month (the actual count left empty after the as-of month)."""
    return [
        [b.month, str(b.baseline), NONE if b.actual is None else str(b.actual), str(b.forecast)]
        for b in report.burnup
    ]
