"""The planning problem: move groups with their loads, the waves' limits, own-rule reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from migrasi.core.calendar import Wave, capacity_on, waves
from migrasi.core.graph import Groups
from migrasi.core.models import DataCenter
from migrasi.core.money import Cash, Timeline, cash, quick_npv
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
    late_at: tuple[int, ...] = ()
    """How many members would be late in wave k (index k; index 0 unused)."""
    units: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
    """effort, bits, vcpu, ram_gb, storage_gb as exact integers (see ``Problem.scales``)."""


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
    cash_cache: dict[tuple[str, int], Cash] = field(default_factory=dict)
    limits: tuple[int, int] = (0, 0)
    """team_days and transfer bits as exact integers in the groups' units."""
    unit_caps: list[tuple[int, int, int]] = field(default_factory=list)
    """Capacity on each wave's cutover in the groups' units (index 0 is wave 1)."""
    fast: bool = False
    """Whether search values use the closed form of the NPV (large problems)."""

    def cash(self, ref: str, wave: int) -> Cash:
        """The exact money of system ``ref`` cut over in ``wave`` (money.md), computed once."""
        key = (ref, wave)
        found = self.cash_cache.get(key)
        if found is None:
            found = cash(self.items[ref], self.calendar[wave - 1].cutover, self.timeline)
            self.cash_cache[key] = found
        return found

    def npv(self, ref: str, wave: int) -> Decimal:
        """Exact NPV of system ``ref`` cut over in ``wave``."""
        return self.cash(ref, wave).npv

    @cached_property
    def preference(self) -> dict[str, list[int]]:
        """Each group's allowed waves, best first: fewer late members, higher value, earlier."""
        out: dict[str, list[int]] = {}
        for gid, g in self.groups.items():
            ranked = [(g.late_at[k], -g.value[k], k) for k in g.allowed]
            out[gid] = [k for _, _, k in sorted(ranked)]
        return out

    def search_value(self, ref: str, wave: int) -> Decimal:
        """The NPV the search compares: exact, or its closed form on large problems."""
        if not self.fast:
            return self.npv(ref, wave)
        return quick_npv(self.items[ref], self.calendar[wave - 1].cutover, self.timeline)

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
        group.late_at = (0, *(sum(1 for d in group.deadlines if w.cutover > d) for w in calendar))
        problem.groups[gid] = group
    pairs = sum(len(g.allowed) * g.size for g in problem.groups.values())
    problem.fast = pairs > FAST_ABOVE
    for group in problem.groups.values():
        group.value = {
            k: sum((problem.search_value(r, k) for r in group.members), ZERO) for k in group.allowed
        }
    _integers(problem)
    return problem


FAST_ABOVE = 5_000
"""Above this many (system, wave) pairs the search compares closed-form NPVs (money.quick_npv);
the plan's figures are always computed by money.md's procedure."""


def _places(values: list[Decimal]) -> int:
    exponents = [int(v.as_tuple().exponent) for v in values if v.is_finite()]
    return max([0, *(-e for e in exponents)])


def _integers(p: Problem) -> None:
    """Express every load and limit as an exact integer, scaled per kind, for fast sums."""
    groups = list(p.groups.values())
    kinds: list[tuple[list[Decimal], list[Decimal]]] = [
        ([g.effort for g in groups], [p.team_days]),
        ([g.bits for g in groups], [p.transfer_bits]),
        *(([g.resources[d] for g in groups], [c[d] for c in p.caps]) for d in range(3)),
    ]
    scales = [10 ** _places([x.normalize() for x in a + b]) for a, b in kinds]

    def unit(value: Decimal, i: int) -> int:
        return int(value * scales[i])

    for g in groups:
        g.units = (
            unit(g.effort, 0), unit(g.bits, 1),
            unit(g.resources[0], 2), unit(g.resources[1], 3), unit(g.resources[2], 4),
        )  # fmt: skip
    p.limits = (unit(p.team_days, 0), unit(p.transfer_bits, 1))
    p.unit_caps = [(unit(c[0], 2), unit(c[1], 3), unit(c[2], 4)) for c in p.caps]
