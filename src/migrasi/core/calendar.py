"""The programme's calendar: waves, their cutover days, blackouts, the pilot, capacity by day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from migrasi.core.models import Capacity, Schedule


@dataclass(frozen=True)
class Wave:
    """One fixed time window; its cutover is its last day."""

    number: int
    start: date
    cutover: date
    open: bool
    pilot: bool
    started: bool = False
    """It began on or before the as-of day (progress.md): it takes no more systems."""
    ended: bool = False
    """Its cutover lies before the as-of day."""

    @cached_property
    def months(self) -> frozenset[int]:
        """The months of the year (1-12) that some day of this wave falls in."""
        out: set[int] = set()
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.cutover.year, self.cutover.month):
            out.add(month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return frozenset(out)


def waves(schedule: Schedule) -> list[Wave]:
    """Every wave of the schedule, numbered from 1, with its open and pilot flags."""
    length = 7 * schedule.wave_weeks
    out: list[Wave] = []
    pilot_set = False
    for k in range(1, schedule.waves + 1):
        start = schedule.start + timedelta(days=(k - 1) * length)
        cutover = start + timedelta(days=length - 1)
        is_open = not any(b.from_ <= cutover and start <= b.to for b in schedule.blackouts)
        pilot = schedule.pilot is not None and is_open and not pilot_set
        pilot_set = pilot_set or pilot
        as_of = schedule.as_of
        begun = as_of is not None and start <= as_of
        over = as_of is not None and cutover < as_of
        out.append(Wave(k, start, cutover, is_open, pilot, begun, over))
    return out


def capacity_on(capacity: Capacity, day: date) -> tuple[Decimal, Decimal, Decimal]:
    """The capacity (vcpu, ram_gb, storage_gb) on ``day``: base plus expansions begun by then."""
    vcpu, ram, storage = Decimal(capacity.vcpu), capacity.ram_gb, capacity.storage_gb
    for e in capacity.expansions:
        if e.from_ <= day:
            vcpu, ram, storage = vcpu + e.vcpu, ram + e.ram_gb, storage + e.storage_gb
    return vcpu, ram, storage


def month_index(start: date, day: date) -> int:
    """The month of ``day`` on the timeline whose month 0 holds ``start``."""
    return 12 * (day.year - start.year) + (day.month - start.month)
