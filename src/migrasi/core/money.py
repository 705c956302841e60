"""The money of money.md: exact month-by-month savings of one system, NPV, and the figures.

All arithmetic is ``Decimal`` with 28 significant digits and ROUND_HALF_EVEN; figures are
rounded half-up to whole Rupiah once, from their exact value, and totals are sums of rounded
system figures.

A system's savings are constant between its cutover month and the last month the provider is
paid, so they are kept as runs of equal months (:data:`Run`): each run's saving is computed
once, with the operations a month of it takes, and every sum over months is still taken month
by month in month order (``sum`` and ``map`` in the money context do exactly what a loop of
``+=`` does, without the loop). No figure comes from a closed form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from functools import cached_property
from itertools import pairwise, repeat
from operator import add, truediv

from migrasi.core.calendar import month_index
from migrasi.core.decimals import CONTEXT, whole
from migrasi.core.models import DataCenter
from migrasi.core.plandoc import MoneyDoc
from migrasi.core.programme import Item

ZERO = Decimal(0)

Run = tuple[int, int, Decimal]
"""Months ``start ≤ m < stop`` of the horizon that all save ``value``."""


@dataclass(frozen=True)
class Timeline:
    """The horizon: month 0 holds the schedule's start; discount factors per month."""

    start: date
    horizon: int
    rate: Decimal
    labour: Decimal

    @classmethod
    def of(cls, dc: DataCenter) -> Timeline:
        """The timeline of the data-center file's finance settings."""
        f = dc.finance
        return cls(dc.schedule.start, f.horizon_months, f.discount_rate, f.labour_cost_per_day)

    @cached_property
    def factors(self) -> tuple[Decimal, ...]:
        """``(1 + discount_rate) ** (m / 12)`` for every month of the horizon."""
        with localcontext(CONTEXT):
            base = 1 + self.rate
            return tuple(base ** (Decimal(m) / 12) for m in range(self.horizon))

    @cached_property
    def inverse(self) -> tuple[Decimal, ...]:
        """``1 / factor_m`` for every month of the horizon."""
        with localcontext(CONTEXT):
            return tuple(1 / f for f in self.factors)

    @cached_property
    def tail(self) -> tuple[Decimal, ...]:
        """``Σ_{n ≥ m} 1 / factor_n`` for m = 0 … horizon (0 at the horizon)."""
        out = [ZERO] * (self.horizon + 1)
        with localcontext(CONTEXT):
            for m in range(self.horizon - 1, -1, -1):
                out[m] = out[m + 1] + self.inverse[m]
        return tuple(out)

    def month(self, day: date) -> int:
        """The month of ``day`` on this timeline."""
        return month_index(self.start, day)

    def label(self, m: int) -> str:
        """Month ``m`` as ``YYYY-MM``."""
        year, month0 = divmod(self.start.month - 1 + m, 12)
        return f"{self.start.year + year:04d}-{month0 + 1:02d}"

    def year_of(self, m: int) -> int:
        """The calendar year of month ``m``."""
        return self.start.year + (self.start.month - 1 + m) // 12

    @cached_property
    def month_years(self) -> tuple[int, ...]:
        """The calendar year of every month of the horizon."""
        return tuple(self.year_of(m) for m in range(self.horizon))

    @cached_property
    def years(self) -> tuple[int, ...]:
        """Every calendar year the horizon touches."""
        return tuple(range(self.year_of(0), self.year_of(self.horizon - 1) + 1))

    def npv(self, savings: Sequence[Decimal]) -> Decimal:
        """``Σ saving_m / factor_m``, each term computed and added in month order."""
        total = ZERO
        with localcontext(CONTEXT):
            for saving, factor in zip(savings, self.factors, strict=True):
                if saving:
                    total += saving / factor
        return total

    def npv_of_runs(self, runs: Sequence[Run]) -> Decimal:
        """:meth:`npv` of the savings that ``runs`` hold: the same terms added in the same order."""
        total = ZERO
        factors = self.factors
        with localcontext(CONTEXT):
            for start, stop, value in runs:
                total = sum(map(truediv, repeat(value, stop - start), factors[start:stop]), total)
        return total

    def by_year(self, runs: Sequence[Run], start: Decimal = ZERO) -> dict[int, Decimal]:
        """The months of ``runs`` summed per calendar year (every year of the horizon), each
        year's months added in month order to ``start``."""
        years = dict.fromkeys(self.years, start)
        first = self.start.month - 1
        with localcontext(CONTEXT):
            for begin, stop, value in runs:
                m = begin
                while m < stop:
                    year = self.month_years[m]
                    end = min(stop, 12 * (year - self.start.year + 1) - first)
                    years[year] = sum(repeat(value, end - m), years[year])
                    m = end
        return years


@dataclass(frozen=True)
class Cash:
    """One system's exact money under a plan: savings by month and what made them."""

    external: Decimal
    internal: Decimal
    one_time: Decimal
    fee: Decimal
    """The termination fee paid (0 when the system waits for its contract to end)."""
    end_early: bool
    paid_through: int | None
    """Last month the provider is paid; None when the system is not moved."""
    cutover_month: int | None
    savings: tuple[Decimal, ...]
    npv: Decimal
    runs: tuple[Run, ...] = ()
    """The months that save something (``savings`` without its zeros), as runs."""


def _runs(
    t: Timeline, *, e: Decimal, i: Decimal, o: Decimal, fee: Decimal, mc: int, paid: int
) -> list[Run]:
    """The savings of every month of the horizon, as runs (zeros included): month m saves
    ``e`` after the last month paid, less ``i`` after the cutover month, less ``o + fee`` in it.
    What a month saves changes only where one of those three conditions does, so each run's
    saving is computed once, by the operations of its first month."""
    h = t.horizon
    cuts = sorted({0, h, *(x for x in (mc, mc + 1, paid + 1) if 0 < x < h)})
    out: list[Run] = []
    with localcontext(CONTEXT):
        for start, stop in pairwise(cuts):
            s = ZERO
            if start > paid:
                s += e
            if start > mc:
                s -= i
            if start == mc:
                s -= o + fee
            out.append((start, stop, s))
    return out


def _months(runs: Sequence[Run]) -> tuple[Decimal, ...]:
    """The month-by-month savings of ``runs`` (the months of a run share one value)."""
    out: list[Decimal] = []
    for start, stop, value in runs:
        out += repeat(value, stop - start)
    return tuple(out)


def contract_runs(item: Item, cutover: date) -> bool:
    """Whether the provider's contract still runs on the cutover day (money.md): then the
    region either waits for it to end or, with a termination fee, ends it early."""
    end = item.system.cost.contract_end
    return end is not None and end >= cutover


def contract_outlasts(item: Item, cutover: date) -> bool:
    """Whether waiting for the contract to end pays the provider past the cutover's month."""
    end = item.system.cost.contract_end
    return end is not None and (end.year, end.month) > (cutover.year, cutover.month)


def _ways(item: Item, cutover: date, t: Timeline) -> list[tuple[int, Decimal]]:
    """The ways to stop paying the provider (money.md), as (last month paid, fee paid): wait
    for the contract to end — first, so that it wins a tie — and, when the contract still runs
    past the cutover's month and can be ended, end it early for the fee."""
    end = item.system.cost.contract_end
    mc = t.month(cutover)
    wait = t.month(end) if end is not None and contract_runs(item, cutover) else mc
    out = [(wait, ZERO)]
    fee = item.system.cost.termination_fee
    if wait != mc and fee is not None:
        with localcontext(CONTEXT):
            out.append((mc, fee * (item.rate or Decimal(1))))
    return out


def cash(item: Item, cutover: date | None, t: Timeline) -> Cash:
    """The system's money when cut over on ``cutover`` (None: retained or unscheduled)."""
    e = item.external or ZERO
    i = item.internal or ZERO
    if cutover is None or not item.planned:
        return Cash(e, i, ZERO, ZERO, False, None, None, (ZERO,) * t.horizon, ZERO)
    with localcontext(CONTEXT):
        o = item.effort * t.labour
    mc = t.month(cutover)
    best: tuple[int, int, Decimal, list[Run], Decimal] | None = None
    for n, (paid, fee) in enumerate(_ways(item, cutover, t)):
        runs = _runs(t, e=e, i=i, o=o, fee=fee, mc=mc, paid=paid)
        npv = t.npv_of_runs([r for r in runs if r[2]])
        if best is None or npv > best[4]:
            best = (n, paid, fee, runs, npv)
    assert best is not None
    n, paid, fee, runs, npv = best
    saving = tuple(r for r in runs if r[2])
    return Cash(e, i, o, fee, n > 0, paid, mc, _months(runs), npv, saving)


def figures(item: Item, c: Cash, t: Timeline, counted: bool, as_of: date | None = None) -> MoneyDoc:
    """Round the money of one system once each (money.md), as the plan document holds it;
    ``counted`` is False for retained and unscheduled systems; with an as-of day, the saving
    to date sums the months before its month (progress.md)."""
    years = t.by_year(c.runs)
    with localcontext(CONTEXT):
        baseline = c.external * t.horizon
        first: str | None = None
        kept = ZERO
        to_date = sum(c.savings[: max(0, t.month(as_of))], ZERO) if as_of is not None else ZERO
        inside = c.cutover_month is not None and 0 <= c.cutover_month < t.horizon
        if counted and c.paid_through is not None and c.cutover_month is not None:
            # Only months of the horizon count (progress.md: nothing before month 0), so a
            # system cut over before the start avoids at most every month of it, and a fee
            # paid before month 0 is not counted.
            unpaid_from = min(t.horizon, max(0, c.paid_through + 1))
            if unpaid_from < t.horizon:
                first = t.label(unpaid_from)
            if item.system.hosting.location != "jambi":
                kept = c.external * (t.horizon - unpaid_from) - (c.fee if inside else ZERO)
        monthly_saving = c.external - c.internal
    by_year = {str(y): whole(v) for y, v in years.items()}

    def zero_if_not(value: Decimal) -> int:
        return whole(value) if counted else 0

    return MoneyDoc.model_construct(
        external_monthly=whole(c.external),
        internal_monthly=zero_if_not(c.internal),
        monthly_saving=zero_if_not(monthly_saving),
        one_time=zero_if_not(c.one_time) if inside else 0,
        termination_fee=zero_if_not(c.fee) if inside else 0,
        baseline=whole(baseline),
        first_saving_month=first,
        by_year=by_year,
        net_savings=sum(by_year.values()),
        npv=whole(c.npv),
        kept_in_jambi=whole(kept),
        to_date=whole(to_date),
    )


def running_by_year(c: Cash, t: Timeline) -> dict[str, int]:
    """What the Data Center spends on a moved system in each calendar year, rounded once."""
    years = dict.fromkeys(t.years, ZERO)
    if c.internal and c.cutover_month is not None:
        first = max(0, c.cutover_month + 1)  # nothing before month 0 counts (progress.md)
        years = t.by_year([(first, t.horizon, c.internal)] if first < t.horizon else [])
    return {str(y): whole(v) for y, v in years.items()}


def accumulate(row: list[Decimal], runs: Sequence[Run]) -> None:
    """Add each run's saving to every month of it in ``row`` (the money context)."""
    with localcontext(CONTEXT):
        for start, stop, value in runs:
            row[start:stop] = map(add, row[start:stop], repeat(value))


def payback_month(monthly: Sequence[Decimal], t: Timeline) -> str | None:
    """The first month from which the cumulative saving is ≥ 0 and stays so, or None."""
    cumulative = ZERO
    sums: list[Decimal] = []
    with localcontext(CONTEXT):
        for s in monthly:
            cumulative += s
            sums.append(cumulative)
    answer: int | None = None
    for m in range(len(sums) - 1, -1, -1):
        if sums[m] >= 0:
            answer = m
        else:
            break
    return t.label(answer) if answer is not None else None


def quick_npv(item: Item, cutover: date, t: Timeline) -> Decimal:
    """The NPV of ``cash`` in closed form: the savings are constant between three months, so
    their discounted sum is a few products with sums of discount factors. It agrees with the
    month-by-month sum to far below a Rupiah; the search compares it on large problems, and
    every figure written is computed by ``cash``.
    """
    return quick_npvs(item, [cutover], t)[0]


def quick_npvs(item: Item, cutovers: Sequence[date], t: Timeline) -> list[Decimal]:
    """:func:`quick_npv` of ``item`` cut over on each of ``cutovers``."""
    if not item.planned:
        return [ZERO] * len(cutovers)
    e = item.external or ZERO
    i = item.internal or ZERO
    h, tail, inverse = t.horizon, t.tail, t.inverse
    out: list[Decimal] = []
    with localcontext(CONTEXT):
        o = item.effort * t.labour
        for cutover in cutovers:
            mc = t.month(cutover)
            running = i * tail[min(max(mc + 1, 0), h)]
            best: Decimal | None = None
            for paid, fee in _ways(item, cutover, t):
                value = e * tail[min(max(paid + 1, 0), h)] - running
                if 0 <= mc < h:
                    value -= (o + fee) * inverse[mc]
                if best is None or value > best:
                    best = value
            assert best is not None
            out.append(best)
    return out
