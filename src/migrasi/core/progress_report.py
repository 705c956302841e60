"""Progress against the approved plan (progress.md, last section): where the programme stands,
as a plan made as of a day, compared with an earlier plan, the baseline.

Every planned system (in either plan) gets its baseline cutover, its actual (``done``) or
forecast cutover, the slip in days and its standing; the money compares what the baseline
promised by now with the same months of the current plan (both from ``monthly``), the NPVs and
the payback months, in total and per region; the burn-up counts the systems cut over by the end
of each month. Both plans are typed plan documents, read and checked already.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from migrasi.core.terms import Standing, Status

if TYPE_CHECKING:
    from migrasi.core.plandoc import PlanDoc, SystemDoc

SLIPPED = (Standing.LATE, Standing.OVERDUE, Standing.DELAYED)
"""The standings that ``--fail-on-slip`` fails on."""


@dataclass(frozen=True)
class SystemProgress:
    """One planned system: its cutover in the baseline and now (actual when ``done``, else the
    forecast), the slip in days (None unless both exist) and its standing."""

    ref: str
    region: str
    standing: Standing
    status: Status | None
    """Its status now (None when the current plan does not have it)."""
    baseline: date | None
    cutover: date | None
    slip_days: int | None


@dataclass(frozen=True)
class Money:
    """The money of the programme or one region, baseline against now."""

    promised: int
    """The baseline's saving in the months before the as-of month: what it promised by now."""
    to_date: int
    """The current plan's saving in the same months."""
    baseline_npv: int
    forecast_npv: int
    baseline_payback: str | None
    forecast_payback: str | None

    @property
    def shortfall(self) -> int:
        """Saved to date minus promised by now (negative when behind)."""
        return self.to_date - self.promised

    @property
    def npv_change(self) -> int:
        """Forecast NPV minus baseline NPV."""
        return self.forecast_npv - self.baseline_npv

    @property
    def payback_slip(self) -> int | None:
        """Months from the baseline's payback month to the forecast one (None unless both)."""
        if self.baseline_payback is None or self.forecast_payback is None:
            return None
        return month_number(self.forecast_payback) - month_number(self.baseline_payback)


@dataclass(frozen=True)
class RegionMoney:
    """One region's money; ``name`` from the plans' ``regions`` (its id when they have none)."""

    region: str
    name: str
    money: Money


@dataclass(frozen=True)
class BurnUp:
    """Systems cut over by the end of one month: in the baseline, actually (None after the
    as-of month) and as forecast now (the actual ones and the rest of the current plan)."""

    month: str
    baseline: int
    actual: int | None
    forecast: int


@dataclass(frozen=True)
class ProgressReport:
    """Everything ``migrasi progress`` reports; systems sorted by ref, regions by id."""

    as_of: date
    through: str | None
    """The last month counted in ``promised``/``to_date`` (None when the as-of day is in the
    first month of the baseline's horizon or before it)."""
    systems: tuple[SystemProgress, ...]
    programme: Money
    regions: tuple[RegionMoney, ...]
    burnup: tuple[BurnUp, ...]

    def count(self, standing: Standing) -> int:
        """How many systems have ``standing``."""
        return sum(s.standing is standing for s in self.systems)

    @property
    def slipped(self) -> bool:
        """Whether any system is late, overdue or delayed."""
        return any(s.standing in SLIPPED for s in self.systems)


def month_number(label: str) -> int:
    """``YYYY-MM`` as a count of months, to subtract one month from another."""
    return int(label[:4]) * 12 + int(label[5:7]) - 1


def month_label(number: int) -> str:
    """A count of months as ``YYYY-MM``."""
    year, month0 = divmod(number, 12)
    return f"{year:04d}-{month0 + 1:02d}"


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _planned(doc: PlanDoc) -> dict[str, SystemDoc]:
    return {s.ref: s for s in doc.systems if s.status is not Status.RETAINED}


def standing(
    old: SystemDoc | None, new: SystemDoc | None, as_of: date
) -> tuple[Standing, int | None]:
    """The first standing of progress.md that applies, and the slip in days."""
    was = old.cutover if old is not None else None
    now = new.cutover if new is not None else None
    slip = (now - was).days if was is not None and now is not None else None
    if new is None:
        return Standing.REMOVED, slip
    if was is None:
        return Standing.ADDED, slip
    if new.status is Status.DONE:
        return (Standing.ON_TIME if now is not None and now <= was else Standing.LATE), slip
    if was < as_of:
        return Standing.OVERDUE, slip
    if now is None:
        return Standing.UNSCHEDULED, slip
    return (Standing.ON_TRACK if now <= was else Standing.DELAYED), slip


def _systems(baseline: PlanDoc, current: PlanDoc, as_of: date) -> tuple[SystemProgress, ...]:
    old, new = _planned(baseline), _planned(current)
    statuses = {s.ref: s.status for s in current.systems}
    out = []
    for ref in sorted(old.keys() | new.keys()):
        a, b = old.get(ref), new.get(ref)
        found, slip = standing(a, b, as_of)
        either = b or a
        assert either is not None
        out.append(
            SystemProgress(
                ref=ref,
                region=either.region,
                standing=found,
                status=statuses.get(ref),
                baseline=a.cutover if a is not None else None,
                cutover=b.cutover if b is not None else None,
                slip_days=slip,
            )
        )
    return tuple(out)


def _before(months: Sequence[str], row: Sequence[int], end: str) -> int:
    """The sum of the figures of the months before ``end``."""
    return sum(v for m, v in zip(months, row, strict=True) if m < end)


def _money(baseline: PlanDoc, current: PlanDoc, end: str, region: str | None) -> Money:
    def row(doc: PlanDoc) -> list[int]:
        if region is None:
            return doc.monthly.programme
        return doc.monthly.by_region.get(region, [0] * len(doc.monthly.months))

    def totals(doc: PlanDoc) -> tuple[int, str | None]:
        if region is None:
            return doc.totals.npv, doc.totals.payback_month
        found = doc.totals.by_region.get(region)
        return (0, None) if found is None else (found.npv, found.payback_month)

    old_npv, old_payback = totals(baseline)
    new_npv, new_payback = totals(current)
    promised_months = [m for m in baseline.monthly.months if m < end]
    same = set(promised_months)
    now_row = [v if m in same else 0 for m, v in zip(current.monthly.months, row(current),
                                                       strict=True)]  # fmt: skip
    return Money(
        promised=_before(baseline.monthly.months, row(baseline), end),
        to_date=sum(now_row),
        baseline_npv=old_npv,
        forecast_npv=new_npv,
        baseline_payback=old_payback,
        forecast_payback=new_payback,
    )


def _regions(baseline: PlanDoc, current: PlanDoc, end: str) -> tuple[RegionMoney, ...]:
    ids = sorted(
        set(baseline.totals.by_region)
        | set(current.totals.by_region)
        | set(baseline.monthly.by_region)
        | set(current.monthly.by_region)
    )
    names = {**baseline.region_names(), **current.region_names()}
    return tuple(RegionMoney(r, names.get(r, r), _money(baseline, current, end, r)) for r in ids)


def _cumulative(days: Iterable[date], months: Sequence[str]) -> list[int]:
    """How many of ``days`` fall in or before each month (days before the first month count
    in it)."""
    per: dict[str, int] = {}
    for day in days:
        key = max(_month(day), months[0])
        per[key] = per.get(key, 0) + 1
    out, running = [], 0
    for m in months:
        running += per.get(m, 0)
        out.append(running)
    return out


def burnup(baseline: PlanDoc, current: PlanDoc, as_of: date) -> tuple[BurnUp, ...]:
    """Systems cut over by the end of each month, from the first month of either plan's
    schedule to the last month with a cutover in either plan (or the as-of month)."""
    old = [s.cutover for s in _planned(baseline).values() if s.cutover is not None]
    new = [s for s in _planned(current).values() if s.cutover is not None]
    starts = [doc.assumptions.start for doc in (baseline, current)]
    first = month_number(_month(min(starts)))
    last = month_number(_month(max([as_of, *old, *(s.cutover for s in new if s.cutover)])))
    last = max(first, last)
    months = [month_label(n) for n in range(first, last + 1)]
    done = [s.cutover for s in new if s.status is Status.DONE and s.cutover is not None]
    counts = (_cumulative(old, months), _cumulative(done, months))
    forecast = _cumulative([s.cutover for s in new if s.cutover is not None], months)
    now = _month(as_of)
    return tuple(
        BurnUp(m, counts[0][i], counts[1][i] if m <= now else None, forecast[i])
        for i, m in enumerate(months)
    )


def compare(baseline: PlanDoc, current: PlanDoc, as_of: date) -> ProgressReport:
    """Where the programme stands on ``as_of`` (the current plan) against the baseline."""
    end = _month(as_of)
    counted = [m for m in baseline.monthly.months if m < end]
    return ProgressReport(
        as_of=as_of,
        through=counted[-1] if counted else None,
        systems=_systems(baseline, current, as_of),
        programme=_money(baseline, current, end, None),
        regions=_regions(baseline, current, end),
        burnup=burnup(baseline, current, as_of),
    )
