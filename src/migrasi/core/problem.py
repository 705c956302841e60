"""The planning problem: move groups with their loads and allowed waves, the waves' limits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from migrasi.core.calendar import Wave, waves
from migrasi.core.graph import Groups
from migrasi.core.keep import Earlier
from migrasi.core.models import DataCenter
from migrasi.core.money import Cash, Timeline, cash, quick_npvs
from migrasi.core.programme import Item, deadline_of
from migrasi.core.progress import Record
from migrasi.core.rules import WAVE_RULES, Load, limits, needs, own_reasons
from migrasi.core.terms import Reason

ZERO = Decimal(0)


@dataclass
class Group:
    """One move group: its members, summed loads, dependencies and value by wave."""

    gid: str
    members: tuple[str, ...]
    needs: tuple[str, ...]
    """Ids of the groups it depends on."""
    need_refs: dict[str, str] = field(default_factory=dict)
    """For each group it depends on: the smallest ref its members call there."""
    users: tuple[str, ...] = ()
    need: tuple[Decimal, ...] = ()
    """What it needs of every wave rule (rules.WAVE_RULES order), exact."""
    load: Load = field(default_factory=Load)
    """``need`` as exact integers, each rule scaled by ``Problem.scale``."""
    size: int = 0
    deadline: date | None = None
    """The earliest deadline of its members."""
    deadlines: tuple[date, ...] = ()
    """Every member's deadline (members without one left out), ascending."""
    allowed: tuple[int, ...] = ()
    """Open waves that the members' own rules admit, ascending."""
    value: dict[int, Decimal] = field(default_factory=dict)
    """NPV of the group (sum of its members') by allowed wave, as the search compares it."""
    allowed_set: frozenset[int] = frozenset()
    late_at: tuple[int, ...] = ()
    """How many members would be late in wave k (index k; index 0 unused)."""

    def best(self, waves: Iterable[int]) -> int | None:
        """The wave of ``waves`` where the group is worth most (the earlier on a tie)."""
        return max(waves, key=lambda k: (self.value[k], -k), default=None)


@dataclass
class Problem:
    """Everything the scheduler needs, with no reference to files."""

    items: dict[str, Item]
    groups: dict[str, Group]
    calendar: list[Wave]
    dc: DataCenter
    timeline: Timeline
    of: dict[str, str]
    limits: tuple[tuple[Decimal | None, ...], ...]
    """Every wave rule's limit on every wave (index 0 is wave 1), exact."""
    scale: tuple[int, ...] = ()
    """The power of ten each rule's quantities are multiplied by to make them integers."""
    unit_limits: tuple[tuple[int | None, ...], ...] = ()
    """``limits`` scaled like the groups' loads."""
    cash_cache: dict[tuple[str, int], Cash] = field(default_factory=dict)
    fixed: Mapping[str, Record] = field(default_factory=dict)
    """The systems the record fixes (progress.md): in no group, never moved."""
    move_groups: Groups | None = None
    """The move groups of every planned system, fixed or not (what the plan shows)."""
    earlier: Earlier | None = None
    """The plan to stay close to (``--keep``), if any."""
    anchor: dict[str, int] = field(default_factory=dict)
    """Group id → the wave it is anchored to (``--keep``): the earlier plan's, and, while the
    scheduler runs, for a group the earlier plan left unscheduled, the wave it was placed in
    first to fill room that opened (anchoring.fill_first; scheduler.schedule takes those away
    again when it ends)."""
    fast: bool = False
    """Whether search values use the closed form of the NPV (large problems)."""
    own: dict[str, tuple[Reason | None, ...]] = field(default_factory=dict)
    """System ref → its first own reason for every wave (index 0 is wave 1), asked once."""

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

    def toll(self, gid: str, wave: int | None) -> Decimal | None:
        """What moving group ``gid`` away from ``wave`` must gain, more than, in NPV: the
        minimum gain when the group is anchored there (``--keep``), else None (any gain)."""
        if self.earlier is None or self.anchor.get(gid) != wave:
            return None
        return self.earlier.min_gain

    def premium(self, gid: str, wave: int) -> Decimal:
        """What keeping group ``gid`` in ``wave`` is worth beyond its NPV when searching with
        ``--keep``: a little more than the minimum gain where it is anchored, else nothing."""
        toll = self.toll(gid, wave)
        return ZERO if toll is None else toll + 1

    def fixed_value(self) -> Decimal:
        """The exact NPV of the systems the record fixes: every plan holds it."""
        total = ZERO
        for ref, rec in self.fixed.items():
            total += cash(self.items[ref], rec.cutover, self.timeline).npv
        return total

    def search_values(self, ref: str, waves: Sequence[int]) -> list[Decimal]:
        """The NPVs the search compares, by wave: exact, or their closed form on large problems."""
        if not self.fast:
            return [self.npv(ref, k) for k in waves]
        cutovers = [self.calendar[k - 1].cutover for k in waves]
        return quick_npvs(self.items[ref], cutovers, self.timeline)

    def own_reason(self, ref: str, wave: int) -> Reason | None:
        """The first own rule (pin, not_before, freeze, pilot) keeping ``ref`` out of ``wave``."""
        return self.own_reasons(ref)[wave - 1]

    def own_reasons(self, ref: str) -> tuple[Reason | None, ...]:
        """:meth:`own_reason` of ``ref`` for every wave (index 0 is wave 1)."""
        found = self.own.get(ref)
        if found is None:
            found = own_reasons(self.items[ref], self.calendar, self.dc.schedule.pilot)
            self.own[ref] = found
        return found


def build(
    items: dict[str, Item],
    groups: Groups,
    dc: DataCenter,
    fixed: Mapping[str, Record] | None = None,
    move_groups: Groups | None = None,
    earlier: Earlier | None = None,
    cash_cache: dict[tuple[str, int], Cash] | None = None,
) -> Problem:
    """Assemble the problem of the planned systems of ``items`` that are not ``fixed``;
    ``groups`` are their move groups, ``move_groups`` those of every planned system;
    ``cash_cache`` the money of another problem whose systems, waves and timeline have the
    same money, to share."""
    calendar = waves(dc.schedule)
    fixed = fixed or {}
    problem = Problem(
        items=items,
        groups={},
        calendar=calendar,
        dc=dc,
        timeline=Timeline.of(dc),
        of=dict(groups.of),
        limits=_less_fixed(limits(dc, calendar), [items[r] for r in fixed]),
        fixed=fixed,
        move_groups=move_groups or groups,
        earlier=earlier,
        cash_cache=cash_cache if cash_cache is not None else {},
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
            need_refs=_need_refs(members, groups),
            users=tuple(sorted(users[gid])),
            need=needs(members),
            size=len(members),
            deadline=min(deadlines) if deadlines else None,
            deadlines=tuple(sorted(deadlines)),
        )
        reasons = [problem.own_reasons(r) for r in refs]
        group.allowed = tuple(
            w.number
            for n, w in enumerate(calendar)
            if w.open and all(rs[n] is None for rs in reasons)
        )
        group.allowed_set = frozenset(group.allowed)
        group.late_at = (0, *(sum(1 for d in group.deadlines if w.cutover > d) for w in calendar))
        problem.groups[gid] = group
        if earlier is not None:
            wave = earlier.anchor(refs)
            if wave is not None and wave in group.allowed_set:
                problem.anchor[gid] = wave
    pairs = sum(len(g.allowed) * g.size for g in problem.groups.values())
    problem.fast = pairs > FAST_ABOVE
    for group in problem.groups.values():
        values = [problem.search_values(r, group.allowed) for r in group.members]
        group.value = {k: sum((v[n] for v in values), ZERO) for n, k in enumerate(group.allowed)}
    _integers(problem)
    return problem


def _less_fixed(
    per_rule: tuple[tuple[Decimal | None, ...], ...], fixed: Sequence[Item]
) -> tuple[tuple[Decimal | None, ...], ...]:
    """The limits left to the systems that are not fixed: a cumulative rule's limit (capacity)
    less what the fixed systems already use (they sit in waves that have started)."""
    used = needs(fixed)
    return tuple(
        tuple(None if x is None else x - used[r] for x in per_wave)
        if WAVE_RULES[r].cumulative and used[r]
        else per_wave
        for r, per_wave in enumerate(per_rule)
    )


def _need_refs(members: Sequence[Item], groups: Groups) -> dict[str, str]:
    """For each other group the members call: the smallest ref called there."""
    out: dict[str, str] = {}
    own = groups.of[members[0].ref]
    for m in members:
        for dep in m.depends_on:
            needed = groups.of.get(dep)
            if needed is not None and needed != own and (needed not in out or dep < out[needed]):
                out[needed] = dep
    return out


FAST_ABOVE = 5_000
"""Above this many (system, wave) pairs the search compares closed-form NPVs (money.quick_npv);
the plan's figures are always computed by money.md's procedure."""


def _places(values: Sequence[Decimal]) -> int:
    exponents = [int(v.as_tuple().exponent) for v in values if v.is_finite()]
    return max([0, *(-e for e in exponents)])


def _integers(p: Problem) -> None:
    """Express every load and limit as an exact integer, scaled per rule, for fast sums."""
    groups = list(p.groups.values())
    scale = []
    for r in range(len(WAVE_RULES)):
        values = [g.need[r] for g in groups] + [x for x in p.limits[r] if x is not None]
        scale.append(10 ** _places([x.normalize() for x in values]))
    for g in groups:
        g.load = Load(int(need * s) for need, s in zip(g.need, scale, strict=True))
    p.scale = tuple(scale)
    p.unit_limits = tuple(
        tuple(None if x is None else int(x * s) for x in per_wave)
        for per_wave, s in zip(p.limits, scale, strict=True)
    )
