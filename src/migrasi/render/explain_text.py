"""Reasons in words: why a system is not in an earlier wave."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from migrasi.core.money import contract_outlasts
from migrasi.core.plandoc import BlockedDoc, PlanDoc, SystemDoc
from migrasi.core.programme import Item
from migrasi.core.terms import Status
from migrasi.render.catalog import text
from migrasi.render.escape import terminal
from migrasi.render.numbers import money


def reason(b: BlockedDoc, lang: str) -> str:
    """One reason in words."""
    return text(f"why.{b.reason}", lang, ref=b.ref or "", dimension=b.dimension or "")


def reasons_short(blocked: Sequence[BlockedDoc], lang: str) -> str:
    """Reasons for consecutive waves with the same reason folded: ``G1: pilot; G2–G5: …``."""
    if not blocked:
        return text("why.none", lang)
    runs: list[tuple[int, int, str]] = []
    for b in blocked:
        words = reason(b, lang)
        if runs and runs[-1][2] == words:
            runs[-1] = (runs[-1][0], b.wave, words)
        else:
            runs.append((b.wave, b.wave, words))
    parts = []
    for first, last, words in runs:
        label = text("wave.short", lang, n=first)
        if last != first:
            label += "–" + text("wave.short", lang, n=last)
        parts.append(f"{label}: {words}")
    return "; ".join(parts)


def explain(ref: str, doc: PlanDoc, items: Mapping[str, Item], lang: str) -> str:
    """Why one system sits in its wave, what it needs and what needs it, and its money."""
    systems = {s.ref: s for s in doc.systems}
    s = systems[ref]
    item = items[ref]
    out = [f"{terminal(ref)} — {terminal(item.system.name)}"]
    out.append(
        text(
            "explain.line",
            lang,
            owner=terminal(s.owner),
            strategy=s.strategy,
            status=text(f"status.{s.status.value}", lang),
        )
    )
    fixed = fixed_by_record(s, doc)
    if s.status is Status.RETAINED:
        out.append(text("explain.retained", lang))
    elif fixed:
        key = "explain.done" if s.status is Status.DONE else "explain.in_progress"
        out.append(text(key, lang, wave=s.wave or "—", cutover=s.cutover))
    elif s.wave is None:
        out.append(text("explain.unscheduled", lang))
    else:
        line = text("explain.wave", lang, wave=s.wave, cutover=s.cutover)
        if s.group is not None:
            members = next(g.systems for g in doc.groups if g.id == s.group)
            line += "; " + text("explain.group", lang, members=", ".join(members))
        if s.deadline is not None:
            late = f" ({text('status.late', lang)})" if s.late else ""
            line += "; " + text("explain.deadline", lang, deadline=s.deadline) + late
        out.append(line)
    if s.status is not Status.RETAINED and not fixed:
        out.append("")
        if s.blocked_by:
            out.append(text("explain.why", lang))
            for b in s.blocked_by:
                w = doc.waves[b.wave - 1]
                label = text("wave.short", lang, n=b.wave)
                out.append(f"  {label} ({w.start} – {w.cutover}): {reason(b, lang)}")
        else:
            out.append(text("explain.first", lang))
    out += ["", text("explain.needs", lang)]
    out += _neighbours(sorted(set(item.depends_on)), systems, lang)
    users = sorted(r for r, i in items.items() if ref in i.depends_on and r != ref)
    out += [text("explain.needed_by", lang)]
    out += _neighbours(users, systems, lang)
    horizon = doc.assumptions.horizon_months
    out += ["", text("explain.money", lang), *_money(s, item, horizon, lang, doc.as_of)]
    return "\n".join(out) + "\n"


def fixed_by_record(s: SystemDoc, doc: PlanDoc) -> bool:
    """Whether the record fixes the system: done, or in progress in a wave that has begun."""
    if s.status is Status.DONE:
        return True
    return s.status is Status.IN_PROGRESS and s.wave is not None and doc.waves[s.wave - 1].started


def _neighbours(refs: list[str], systems: Mapping[str, SystemDoc], lang: str) -> list[str]:
    if not refs:
        return [f"  {text('explain.nothing', lang)}"]
    out = []
    for r in refs:
        other = systems.get(r)
        if other is None:
            out.append(f"  {terminal(r)}")
        elif other.wave is not None:
            out.append(f"  {r} — {text('explain.in_wave', lang, wave=other.wave)}")
        else:
            out.append(f"  {r} — {text(f'status.{other.status.value}', lang)}")
    return out


def _money(
    s: SystemDoc, item: Item, horizon: int, lang: str, as_of: date | None = None
) -> list[str]:
    f = s.money
    rows = [
        (text("explain.external", lang), money(f.external_monthly, lang)),
        (text("explain.internal", lang), money(f.internal_monthly, lang)),
        (text("explain.monthly", lang), money(f.monthly_saving, lang)),
        (text("explain.one_time", lang), money(f.one_time, lang)),
    ]
    if f.termination_fee or s.end_early:
        rows.append((text("explain.fee", lang), money(f.termination_fee, lang)))
    rows.append((text("explain.baseline", lang, months=horizon), money(f.baseline, lang)))
    if f.first_saving_month is not None:
        rows.append((text("explain.first_saving", lang), f.first_saving_month))
    for year, value in sorted(f.by_year.items()):
        rows.append((text("explain.year", lang, year=year), money(value, lang)))
    rows += [
        (text("explain.net", lang), money(f.net_savings, lang)),
        (text("explain.npv", lang), money(f.npv, lang)),
        (text("explain.kept", lang), money(f.kept_in_jambi, lang)),
    ]
    if as_of is not None:
        month = f"{as_of.year:04d}-{as_of.month:02d}"
        rows.append((text("explain.to_date", lang, day=month), money(f.to_date, lang)))
    width = max(len(a) for a, _ in rows)
    out = [f"  {a:<{width}}  {b:>18}" for a, b in rows]
    runs = s.cutover is not None and contract_outlasts(item, s.cutover)
    if s.cutover is not None and (f.termination_fee or s.end_early or runs):
        out.append("  " + text("explain.end_early" if s.end_early else "explain.wait", lang))
    return out
