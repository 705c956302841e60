"""The summary of a plan, once: the figures people read first, in order, with their labels.

The terminal, ``plan.md`` and the workbook's summary sheet each show these rows (or a part of
them) in their own way; none of them builds a figure or a count of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from migrasi.core.plandoc import PlanDoc
from migrasi.core.terms import Status
from migrasi.render.catalog import text
from migrasi.render.numbers import money, money_short, plain


def month_name(label: str | None, lang: str) -> str:
    """``2028-09`` as ``September 2028``; None as the words for none."""
    if label is None:
        return text("plan.none", lang)
    year, month = label.split("-")
    return f"{text(f'month.{int(month)}', lang)} {year}"


def percent(gap: Decimal, lang: str) -> str:
    """A gap (a fraction) as a percentage: ``9.49%`` (en), ``9,49%`` (id)."""
    return f"{plain(gap * 100, lang)}%"


@dataclass(frozen=True)
class Row:
    """One line of the summary: a money figure (``amount``) or words (``words``)."""

    key: str
    label: str
    amount: int | None = None
    words: str = ""


def systems_text(doc: PlanDoc, lang: str) -> str:
    """``214 planned: 214 scheduled, 0 unscheduled, 0 late; 57 retained`` (with how many are
    done and in progress when the plan is made as of a day)."""
    counts = doc.counts()
    return text(
        "plan.systems_text" if doc.as_of is None else "plan.systems_progress",
        lang,
        planned=doc.planned(),
        done=counts[Status.DONE],
        in_progress=counts[Status.IN_PROGRESS],
        scheduled=counts[Status.SCHEDULED],
        unscheduled=counts[Status.UNSCHEDULED],
        late=doc.late(),
        retained=counts[Status.RETAINED],
    )


def summary_rows(doc: PlanDoc, lang: str) -> list[Row]:
    """Every line of the summary, in the order people read them."""
    t = doc.totals
    months = doc.assumptions.horizon_months
    under = doc.scenario
    named = [] if under is None else [Row("scenario", text("plan.scenario", lang),
                                          words=f"{under.name} ({under.file})")]  # fmt: skip
    progress: list[Row] = []
    if doc.as_of is not None:
        ended = [w.wave for w in doc.waves if w.ended]
        marks = [text("wave.short", lang, n=n) for n in (ended[0], ended[-1])] if ended else []
        waves = "–".join(dict.fromkeys(marks))  # ended waves are always the first ones
        progress = [
            Row("as_of", text("plan.as_of", lang), words=doc.as_of.isoformat()),
            Row("ended", text("plan.waves_ended", lang), words=waves or "—"),
            Row("to_date", text("plan.to_date", lang), t.to_date),
        ]
    return [
        *named,
        *progress,
        Row("npv", text("plan.npv", lang), t.npv),
        Row("net", text("plan.net", lang, months=months), t.net_savings),
        Row("baseline", text("plan.baseline", lang), t.baseline),
        Row("one_time", text("plan.one_time", lang), t.one_time),
        Row("fees", text("plan.fees", lang), t.termination_fees),
        Row("kept", text("plan.kept", lang), t.kept_in_jambi),
        Row("payback", text("plan.payback", lang), words=month_name(t.payback_month, lang)),
        Row("bound", text("plan.bound", lang), doc.bound.npv, percent(doc.bound.gap, lang)),
        Row("gap", text("plan.gap", lang), words=percent(doc.bound.gap, lang)),
        *_proven(doc, lang),
        Row("systems", text("plan.systems", lang), words=systems_text(doc, lang)),
        Row("mode", text("plan.mode", lang), words=text(f"plan.mode.{doc.mode.value}", lang)),
    ]


def _proven(doc: PlanDoc, lang: str) -> list[Row]:
    """Exact mode's proven figures, and how the plan stayed close to an earlier one."""
    rows: list[Row] = []
    if doc.proven is not None:
        key = "plan.proven_optimal" if doc.proven.optimal else "plan.proven"
        rows.append(Row("proven", text(key, lang), doc.proven.npv, percent(doc.proven.gap, lang)))
    if doc.keep is not None:
        k = doc.keep
        words = text(
            "plan.keep_text",
            lang,
            kept=k.kept,
            moved=k.moved,
            removed=k.removed,
            min_gain=money(k.min_gain, lang),
        )
        rows.append(Row("keep", text("plan.keep", lang), words=words))
    return rows


def shown(row: Row, lang: str, *, short_after: bool = True) -> str:
    """A row's value in words: money whole (the NPV with its short form, the bound with the
    gap), anything else as its words."""
    if row.amount is None:
        return row.words
    whole = money(row.amount, lang)
    if row.key == "npv":
        short = money_short(row.amount, lang)
        return f"{whole} ({short})" if short_after else f"{short} ({whole})"
    if row.key in ("bound", "proven"):
        return f"{whole} ({row.words})"
    return whole
