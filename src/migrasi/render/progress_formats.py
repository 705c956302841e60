"""``migrasi progress`` as text for a terminal or JSON for machines, and the table of its
formats (Markdown in progress_md, the workbook in progress_xlsx)."""

from __future__ import annotations

import json

from migrasi.core.progress_report import Money, ProgressReport
from migrasi.core.terms import Standing
from migrasi.render.catalog import text as t
from migrasi.render.escape import terminal, text_columns
from migrasi.render.formats import Format
from migrasi.render.progress_rows import (
    Reported,
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


def progress_text(r: Reported, lang: str) -> str:
    """The report for a terminal; every text from the plans is escaped."""
    report = r.report
    out = [
        t("progress.title", lang),
        f"{t('progress.baseline', lang)}: {terminal(r.baseline)}",
        f"{t('progress.current', lang)}: {terminal(r.current)}",
        f"{t('progress.as_of', lang)}: {report.as_of.isoformat()}",
        "",
        counts_line(report, lang),
        "",
        t("progress.money", lang),
        *text_columns(money_head(lang), money_rows(report, lang), {1, 2, 3}),
    ]
    if report.regions:  # two tables of the same rows, to fit a terminal's width
        head, rows = region_head(lang), region_rows(report, lang)
        for columns in ((0, 1, 2, 3), (0, 4, 5, 6, 7, 8)):
            out += [""] if columns[1] > 1 else ["", t("progress.by_region", lang)]
            picked = [[row[i] for i in columns] for row in [head, *rows]]
            out += text_columns(picked[0], picked[1:], {1, 2, 3})
    out += ["", t("progress.every_system", lang)]
    if report.systems:
        rows = [system_row(s, lang) for s in shown_order(report)]
        out += text_columns(system_head(lang), rows, {5})
    else:
        out.append(t("progress.none", lang))
    out += ["", t("progress.burnup", lang)]
    out += text_columns(burnup_head(lang), burnup_rows(report), {1, 2, 3})
    out += ["", t("progress.burnup_note", lang)]
    return "\n".join(out) + "\n"


def _money(m: Money) -> dict[str, object]:
    return {
        "promised": m.promised,
        "to_date": m.to_date,
        "difference": m.shortfall,
        "baseline_npv": m.baseline_npv,
        "forecast_npv": m.forecast_npv,
        "npv_difference": m.npv_change,
        "baseline_payback_month": m.baseline_payback,
        "forecast_payback_month": m.forecast_payback,
        "payback_slip_months": m.payback_slip,
    }


def progress_data(report: ProgressReport) -> dict[str, object]:
    """The report as JSON data: English keys, plain integers, dates ``YYYY-MM-DD``."""
    return {
        "schema": "migrasi/progress/v1",
        "as_of": report.as_of.isoformat(),
        "through": report.through,
        "slipped": report.slipped,
        "counts": {s.value: report.count(s) for s in Standing},
        "totals": _money(report.programme),
        "regions": [
            {"region": r.region, "name": r.name, **_money(r.money)} for r in report.regions
        ],
        "systems": [
            {
                "ref": s.ref,
                "region": s.region,
                "class": s.standing.value,
                "status": s.status.value if s.status is not None else None,
                "baseline_cutover": s.baseline.isoformat() if s.baseline else None,
                "cutover": s.cutover.isoformat() if s.cutover else None,
                "slip_days": s.slip_days,
            }
            for s in report.systems
        ],
        "burnup": [
            {"month": b.month, "baseline": b.baseline, "actual": b.actual, "forecast": b.forecast}
            for b in report.burnup
        ],
    }


def progress_json(r: Reported, lang: str) -> str:
    """The report for machines: fixed key order, ``indent=2``, a final newline."""
    return json.dumps(progress_data(r.report), indent=2, ensure_ascii=False) + "\n"


def _markdown(r: Reported, lang: str) -> str:
    from migrasi.render.progress_md import progress_markdown

    return progress_markdown(r, lang)


def _workbook(r: Reported, lang: str) -> bytes:
    from migrasi.render.progress_xlsx import progress_workbook

    return progress_workbook(r, lang)


FORMATS: dict[str, Format[Reported]] = {
    "text": Format(progress_text),
    "md": Format(_markdown),
    "json": Format(progress_json),
    "xlsx": Format(_workbook, binary=True),
}
"""The formats of ``migrasi progress --format``."""
