"""An independent reading of money.md: one system's figures for its cutover day, and the totals."""

from __future__ import annotations

import decimal
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from migrasi.core.models import DataCenter, System

CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
"""money.md: Python's decimal with 28 significant digits and ROUND_HALF_EVEN inside computations."""

ZERO = Decimal(0)
ONE = Decimal(1)


@contextmanager
def exact() -> Iterator[None]:
    """Compute inside money.md's decimal context, whatever the caller's context is."""
    with decimal.localcontext(CONTEXT):
        yield


def whole(value: Decimal) -> int:
    """Round ``value`` once, half-up, to whole Rupiah (2.5 → 3, −2.5 → −3)."""
    return int(value.quantize(ONE, rounding=ROUND_HALF_UP, context=CONTEXT))


@dataclass(frozen=True)
class Timeline:
    """The months of the horizon: month 0 holds ``schedule.start``."""

    start: date
    horizon: int
    discount_rate: Decimal
    labour_cost_per_day: Decimal
    factors: tuple[Decimal, ...]
    """``(1 + discount_rate) ** (Decimal(m) / 12)`` for every month ``m`` of the horizon."""
    as_of: date | None = None
    """The as-of day (progress.md): savings to date are those of the months before its month."""

    @classmethod
    def build(
        cls,
        start: date,
        horizon: int,
        discount_rate: Decimal,
        labour: Decimal,
        as_of: date | None = None,
    ) -> Timeline:
        """The timeline of ``horizon`` months from the month of ``start``."""
        with exact():
            factors = tuple((1 + discount_rate) ** (Decimal(m) / 12) for m in range(horizon))
        return cls(start, horizon, discount_rate, labour, factors, as_of)

    @classmethod
    def of(cls, dc: DataCenter) -> Timeline:
        """The timeline of a data-center file."""
        f = dc.finance
        s = dc.schedule
        return cls.build(s.start, f.horizon_months, f.discount_rate, f.labour_cost_per_day, s.as_of)

    def to_date(self, savings: Sequence[Decimal]) -> Decimal:
        """The exact sum of ``savings`` in the months before the as-of day's month (0 without one).

        Months before month 0 and past the horizon hold no savings, so the sum runs over months
        0 … min(month(as_of), horizon) − 1.
        """
        if self.as_of is None:
            return ZERO
        end = min(max(self.month(self.as_of), 0), self.horizon)
        with exact():
            total = ZERO
            for value in savings[:end]:
                total += value
        return total

    def month(self, day: date) -> int:
        """The index of the month of ``day`` (negative or ≥ horizon when outside the horizon)."""
        return 12 * (day.year - self.start.year) + (day.month - self.start.month)

    def calendar(self, month: int) -> tuple[int, int]:
        """The (year, month) of month index ``month``."""
        year, index = divmod(self.start.month - 1 + month, 12)
        return self.start.year + year, index + 1

    def label(self, month: int) -> str:
        """Month index ``month`` written ``YYYY-MM``."""
        year, mon = self.calendar(month)
        return f"{year:04d}-{mon:02d}"

    def years(self) -> tuple[int, ...]:
        """Every calendar year the horizon touches."""
        return tuple(range(self.start.year, self.calendar(self.horizon - 1)[0] + 1))

    def npv(self, savings: Sequence[Decimal]) -> Decimal:
        """Σ saving_m / (1 + r) ** (m / 12), each term computed and added in month order."""
        with exact():
            total = ZERO
            for saving, factor in zip(savings, self.factors, strict=True):
                total += saving / factor
        return total

    def by_year(self, monthly: Sequence[Decimal]) -> dict[int, Decimal]:
        """Exact sums of ``monthly`` per calendar year, every year of the horizon present."""
        out = dict.fromkeys(self.years(), ZERO)
        with exact():
            for m, value in enumerate(monthly):
                year = self.calendar(m)[0]
                out[year] += value
        return out


@dataclass(frozen=True)
class Costs:
    """The exact monthly and one-time amounts of one system, in Rupiah."""

    external: Decimal
    """E: what the provider is paid per month."""
    internal: Decimal
    """I: what the Data Center spends per month (0 when retired)."""
    one_time: Decimal
    """O: effort_days · labour_cost_per_day."""
    fee: Decimal | None
    """The termination fee in Rupiah, or None when the contract cannot be ended early."""
    contract_end: date | None
    outside_jambi: bool
    """Whether the provider runs it outside Jambi (its payments count as kept in Jambi)."""


def rate_of(dc: DataCenter, currency: str) -> Decimal:
    """Rupiah per unit of ``currency``."""
    if currency == "IDR":
        return ONE
    return dc.finance.fx[currency]


def effort_of(system: System, dc: DataCenter) -> Decimal:
    """Person-days: the system's own, or the data-center default for its strategy."""
    if system.migration.effort_days is not None:
        return system.migration.effort_days
    if system.migration.strategy == "retain":
        return ZERO
    return dc.effort_days.of(system.migration.strategy)


def costs_of(system: System, dc: DataCenter) -> Costs:
    """E, I, O and the fee of ``system`` under ``dc``'s rates."""
    with exact():
        rate = rate_of(dc, system.cost.currency)
        external = system.cost.amount * rate
        if system.cost.per == "year":
            external = external / 12
        fee = None if system.cost.termination_fee is None else system.cost.termination_fee * rate
        res = system.resources
        internal = ZERO
        if system.moved and res is not None:
            rc = dc.running_cost
            internal = (
                res.vcpu * rc.per_vcpu
                + res.ram_gb * rc.per_ram_gb
                + res.storage_gb * rc.per_storage_gb
                + rc.per_system
            ) * rate_of(dc, rc.currency)
        one_time = effort_of(system, dc) * dc.finance.labour_cost_per_day
    return Costs(
        external=external,
        internal=internal,
        one_time=one_time,
        fee=fee,
        contract_end=system.cost.contract_end,
        outside_jambi=system.hosting.location != "jambi",
    )


@dataclass(frozen=True)
class Outcome:
    """What one system saves month by month for one cutover day (None: not moved in the plan)."""

    costs: Costs
    cutover_month: int | None
    end_early: bool
    fee_paid: Decimal
    """The termination fee paid (0 when the system waits or has none)."""
    paid_through: int | None
    """The last month the provider is paid (None without a cutover: paid throughout)."""
    savings: tuple[Decimal, ...]
    dc_spend: tuple[Decimal, ...]
    """The I the Data Center pays, month by month."""
    npv: Decimal
    """The exact NPV of ``savings``."""

    @property
    def scheduled(self) -> bool:
        """Whether the system has a cutover in the plan."""
        return self.cutover_month is not None

    def kept_in_jambi(self, timeline: Timeline) -> Decimal:
        """Provider payments avoided over the horizon, less the fee, for providers outside Jambi."""
        if not self.costs.outside_jambi or self.paid_through is None:
            return ZERO
        avoided_months = sum(1 for m in range(timeline.horizon) if m > self.paid_through)
        with exact():
            return self.costs.external * avoided_months - self.fee_paid

    def first_saving_month(self, timeline: Timeline) -> str | None:
        """The first month the provider is no longer paid, ``YYYY-MM``, or None in the horizon."""
        if self.paid_through is None:
            return None
        first = max(self.paid_through + 1, 0)
        return timeline.label(first) if first < timeline.horizon else None

    def figures(self, timeline: Timeline) -> dict[str, object]:
        """The money block of plan.json for this system: every figure rounded once, half-up."""
        costs = self.costs
        with exact():
            baseline = costs.external * timeline.horizon
            monthly_saving = costs.external - costs.internal
        years = {str(y): whole(v) for y, v in timeline.by_year(self.savings).items()}
        moved = self.scheduled
        # O is spent in month m_c; a cutover outside the horizon is not counted (money.md
        # Timeline): past its end, or before month 0 (progress.md: a cutover_on before the start).
        in_horizon = self.cutover_month is not None and 0 <= self.cutover_month < timeline.horizon
        return {
            "external_monthly": whole(costs.external),
            "internal_monthly": whole(costs.internal) if moved else 0,
            "monthly_saving": whole(monthly_saving) if moved else 0,
            "one_time": whole(costs.one_time) if in_horizon else 0,
            "termination_fee": whole(self.fee_paid),
            "baseline": whole(baseline),
            "first_saving_month": self.first_saving_month(timeline),
            "by_year": years,
            "net_savings": sum(years.values()),
            "npv": whole(self.npv),
            "kept_in_jambi": whole(self.kept_in_jambi(timeline)),
            "to_date": whole(timeline.to_date(self.savings)),
        }

    def dc_by_year(self, timeline: Timeline) -> dict[str, int]:
        """The rounded Data Center running cost of this system per calendar year."""
        return {str(y): whole(v) for y, v in timeline.by_year(self.dc_spend).items()}


def _savings(
    timeline: Timeline, costs: Costs, cutover_month: int, paid_through: int, fee: Decimal
) -> tuple[tuple[Decimal, ...], tuple[Decimal, ...]]:
    """Month by month: baseline spending minus plan spending, and the Data Center's spending."""
    savings: list[Decimal] = []
    spend_dc: list[Decimal] = []
    with exact():
        for m in range(timeline.horizon):
            spend = ZERO
            if m <= paid_through:
                spend += costs.external
            dc = costs.internal if m > cutover_month else ZERO
            spend += dc
            if m == cutover_month:
                spend += costs.one_time
                spend += fee
            savings.append(costs.external - spend)
            spend_dc.append(dc)
    return tuple(savings), tuple(spend_dc)


def outcome(timeline: Timeline, costs: Costs, cutover: date | None) -> Outcome:
    """The money of one system cut over on ``cutover`` (None: retained or unscheduled)."""
    zeros = tuple(ZERO for _ in range(timeline.horizon))
    if cutover is None:
        return Outcome(costs, None, False, ZERO, None, zeros, zeros, ZERO)
    mc = timeline.month(cutover)
    running = costs.contract_end is not None and costs.contract_end >= cutover
    wait_through = mc
    if running and costs.contract_end is not None:
        wait_through = max(mc, timeline.month(costs.contract_end))
    savings, dc = _savings(timeline, costs, mc, wait_through, ZERO)
    best = Outcome(costs, mc, False, ZERO, wait_through, savings, dc, timeline.npv(savings))
    if running and costs.fee is not None:
        # The fee is paid in month m_c; outside the horizon it is not counted.
        fee = costs.fee if 0 <= mc < timeline.horizon else ZERO
        e_savings, e_dc = _savings(timeline, costs, mc, mc, costs.fee)
        early = Outcome(costs, mc, True, fee, mc, e_savings, e_dc, timeline.npv(e_savings))
        if early.npv > best.npv:
            best = early
    return best


@dataclass(frozen=True)
class Member:
    """One system's place in the programme totals."""

    region: str
    outcome: Outcome


def payback_month(timeline: Timeline, outcomes: Sequence[Outcome]) -> str | None:
    """The first month from which the cumulative exact saving is ≥ 0 to the end, or None."""
    cumulative: list[Decimal] = []
    with exact():
        running = ZERO
        for m in range(timeline.horizon):
            month_total = ZERO
            for o in outcomes:
                month_total += o.savings[m]
            running += month_total
            cumulative.append(running)
    if not cumulative or cumulative[-1] < 0:
        return None
    first = len(cumulative) - 1
    while first > 0 and cumulative[first - 1] >= 0:
        first -= 1
    return timeline.label(first)


def totals(timeline: Timeline, members: Mapping[str, Member]) -> dict[str, object]:
    """The programme totals of plan.json: sums of the rounded system figures, and payback."""
    refs = sorted(members)
    figures = {ref: members[ref].outcome.figures(timeline) for ref in refs}
    years = [str(y) for y in timeline.years()]

    def total(key: str) -> int:
        """The sum of one rounded figure over every system."""
        return sum(_int(figures[ref][key]) for ref in refs)

    by_year = {y: sum(_int(_map(figures[ref]["by_year"])[y]) for ref in refs) for y in years}
    dc_years = {y: sum(members[ref].outcome.dc_by_year(timeline)[y] for ref in refs) for y in years}
    by_region: dict[str, dict[str, object]] = {}
    for ref in refs:
        region = by_region.setdefault(
            members[ref].region,
            {"baseline": 0, "net_savings": 0, "npv": 0, "kept_in_jambi": 0},
        )
        for key in region:
            region[key] = _int(region[key]) + _int(figures[ref][key])
    for name, region in by_region.items():
        mine = [members[r].outcome for r in refs if members[r].region == name]
        region["payback_month"] = payback_month(timeline, mine)
    return {
        "baseline": total("baseline"),
        "net_savings": total("net_savings"),
        "npv": total("npv"),
        "one_time": total("one_time"),
        "termination_fees": total("termination_fee"),
        "kept_in_jambi": total("kept_in_jambi"),
        "payback_month": payback_month(timeline, [members[ref].outcome for ref in refs]),
        "to_date": total("to_date"),
        "by_year": by_year,
        "dc_running_cost_by_year": dc_years,
        "by_region": {r: by_region[r] for r in sorted(by_region)},
        "progress": {},
    }


def _int(value: object) -> int:
    """``value`` as an int (figures are ints by construction)."""
    assert isinstance(value, int)
    return value


def _map(value: object) -> Mapping[str, object]:
    """``value`` as a mapping (by_year is one by construction)."""
    assert isinstance(value, dict)
    return value


def monthly(timeline: Timeline, members: Mapping[str, Member]) -> dict[str, object]:
    """plan.json's ``monthly``: for every month of the horizon the programme's saving and each
    region's, sums of the systems' savings in that month, each rounded once (money.md: a total
    is the sum of the rounded system figures)."""
    refs = sorted(members)
    rounded = {ref: [whole(v) for v in members[ref].outcome.savings] for ref in refs}
    months = range(timeline.horizon)
    regions = sorted({members[ref].region for ref in refs})
    return {
        "months": [timeline.label(m) for m in months],
        "programme": [sum(rounded[ref][m] for ref in refs) for m in months],
        "by_region": {
            r: [sum(rounded[ref][m] for ref in refs if members[ref].region == r) for m in months]
            for r in regions
        },
    }
