"""The planning problem: move groups with their loads, the waves' limits, own-rule reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from migrasi.core.calendar import Wave, capacity_on, waves
from migrasi.core.graph import Groups
from migrasi.core.models import DataCenter
from migrasi.core.money import Timeline, cash
from migrasi.core.programme import SENSITIVE, Item, pilot_eligible

ZERO = Decimal(0)
DIMENSIONS = ("vcpu", "ram_gb", "storage_gb")
OWN_RULES = ("pin", "not_before", "freeze", "pilot")


@dataclass
class Group:
    """One move group: its members, summed loads, dependencies and value by wave."""

    gid: str
    members: tuple[str, ...]
    needs: tuple[str, ...]
    users: tuple[str, ...] = ()
    effort: Decimal = ZERO
    bits: Decimal = ZERO
    """Σ data_gb · 8000: compared with transfer_hours · 3600 · link_mbps."""
    resources: tuple[Decimal, Decimal, Decimal] = (ZERO, ZERO, ZERO)
    critical: int = 0
    size: int = 0
    deadline: date | None = None
    """The earliest deadline of its members."""
    deadlines: tuple[date, ...] = ()
    """Every member's deadline (members without one left out), ascending."""
    allowed: tuple[int, ...] = ()
    """Open waves that the members' own rules admit, ascending."""
    value: dict[int, Decimal] = field(default_factory=dict)
    """Exact NPV of the group (sum of its members') by allowed wave."""
    allowed_set: frozenset[int] = frozenset()


@dataclass
class Problem:
    """Everything the scheduler needs, with no reference to files."""

    items: dict[str, Item]
    groups: dict[str, Group]
    calendar: list[Wave]
    dc: DataCenter
    timeline: Timeline
    of: dict[str, str]
    caps: list[tuple[Decimal, Decimal, Decimal]]
    """Capacity on each wave's cutover (index 0 is wave 1)."""
    team_days: Decimal
    transfer_bits: Decimal
    max_critical: int | None
    pilot_wave: int | None
    pilot_max: int
    npv_cache: dict[tuple[str, int], Decimal] = field(default_factory=dict)

    def npv(self, ref: str, wave: int) -> Decimal:
        """Exact NPV of system ``ref`` cut over in ``wave``."""
        key = (ref, wave)
        found = self.npv_cache.get(key)
        if found is None:
            found = cash(self.items[ref], self.calendar[wave - 1].cutover, self.timeline).npv
            self.npv_cache[key] = found
        return found

    def own_reason(self, ref: str, wave: int) -> str | None:
        """The first of pin, not_before, freeze, pilot that keeps ``ref`` out of ``wave``."""
        item = self.items[ref]
        m = item.system.migration
        w = self.calendar[wave - 1]
        if m.wave is not None and m.wave != wave:
            return "pin"
        if m.not_before is not None and w.cutover < m.not_before:
            return "not_before"
        if m.freeze_months and set(m.freeze_months) & w.months():
            return "freeze"
        pilot = self.dc.schedule.pilot
        if w.pilot and pilot is not None and not pilot_eligible(item, pilot):
            return "pilot"
        return None


def deadline_of(item: Item, dc: DataCenter) -> date | None:
    """The earlier of ``not_after`` and, for sensitive data hosted outside government, the
    compliance deadline."""
    s = item.system
    found = [s.migration.not_after] if s.migration.not_after is not None else []
    compliance = dc.schedule.compliance_deadline
    if compliance is not None and s.classification in SENSITIVE and s.hosting.type != "government":
        found.append(compliance)
    return min(found) if found else None


def build(items: dict[str, Item], groups: Groups, dc: DataCenter) -> Problem:
    """Assemble the problem of the planned systems of ``items``."""
    sched = dc.schedule
    calendar = waves(sched)
    pilot_wave = next((w.number for w in calendar if w.pilot), None)
    problem = Problem(
        items=items,
        groups={},
        calendar=calendar,
        dc=dc,
        timeline=Timeline.of(dc),
        of=dict(groups.of),
        caps=[capacity_on(dc.capacity, w.cutover) for w in calendar],
        team_days=sched.team_days,
        transfer_bits=sched.transfer_hours * 3600 * sched.link_mbps,
        max_critical=sched.max_critical,
        pilot_wave=pilot_wave,
        pilot_max=sched.pilot.max_systems if sched.pilot is not None else 0,
    )
    users: dict[str, list[str]] = {g: [] for g in groups.members}
    for gid, needed in groups.needs.items():
        for n in needed:
            users[n].append(gid)
    for gid, refs in groups.members.items():
        members = [items[r] for r in refs]
        deadlines = [d for d in (deadline_of(m, dc) for m in members) if d is not None]
        group = Group(
            gid=gid,
            members=refs,
            needs=groups.needs[gid],
            users=tuple(sorted(users[gid])),
            effort=sum((m.effort for m in members), ZERO),
            bits=sum((m.data_gb for m in members), ZERO) * 8000,
            resources=(
                sum((m.vcpu for m in members), ZERO),
                sum((m.ram_gb for m in members), ZERO),
                sum((m.storage_gb for m in members), ZERO),
            ),
            critical=sum(1 for m in members if m.critical),
            size=len(members),
            deadline=min(deadlines) if deadlines else None,
            deadlines=tuple(sorted(deadlines)),
        )
        group.allowed = tuple(
            w.number
            for w in calendar
            if w.open and all(problem.own_reason(r, w.number) is None for r in refs)
        )
        group.allowed_set = frozenset(group.allowed)
        group.value = {k: sum((problem.npv(r, k) for r in refs), ZERO) for k in group.allowed}
        problem.groups[gid] = group
    return problem
