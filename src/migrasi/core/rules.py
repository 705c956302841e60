"""The rules of planning.md, each written once, as data that every user of a rule asks.

Two kinds:

- a system's **own rules** (started, pin, not_before, freeze, pilot): whether one system may
  take one wave, whatever else the plan holds. They give the planner the waves a group may
  take, the reasons of ``blocked_by``, and the pin checks of E208.
- the **wave rules** (pilot_full, critical, team_days, transfer_hours, capacity): a quantity of
  every system (``need``) summed over a wave — or, for capacity, over every wave up to it — and
  the wave's limit of it. The scheduler's feasibility checks, the exhaustive search, the rows of
  exact mode's programme, E207 ("can never fit") and ``blocked_by`` are all derived from
  :data:`WAVE_RULES`.

Rules are listed in the order of planning.md's table: the first that fails is the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from migrasi.core.calendar import Wave, capacity_on
from migrasi.core.models import DataCenter, Pilot
from migrasi.core.programme import Item
from migrasi.core.terms import Dimension, Reason

ZERO = Decimal(0)
BITS_PER_GB = 8000
"""Megabits in a gigabyte (1 GB = 10⁹ bytes, 1 Mbps = 10⁶ bit/s): data_gb · 8000 megabits."""
SECONDS_PER_HOUR = 3600


def pilot_eligible(item: Item, pilot: Pilot) -> bool:
    """Whether the pilot's rules admit this system (criticality, personal data)."""
    s = item.system
    return s.criticality in pilot.criticality and (pilot.personal_data or not s.personal_data)


def _started(item: Item, wave: Wave, pilot: Pilot | None) -> bool:
    return wave.started


def _pin(item: Item, wave: Wave, pilot: Pilot | None) -> bool:
    pin = item.system.migration.wave
    return pin is not None and pin != wave.number


def _not_before(item: Item, wave: Wave, pilot: Pilot | None) -> bool:
    day = item.system.migration.not_before
    return day is not None and wave.cutover < day


def _freeze(item: Item, wave: Wave, pilot: Pilot | None) -> bool:
    return bool(frozen_months(item, wave))


def _pilot(item: Item, wave: Wave, pilot: Pilot | None) -> bool:
    return wave.pilot and pilot is not None and not pilot_eligible(item, pilot)


def frozen_months(item: Item, wave: Wave) -> list[int]:
    """The system's freeze months that ``wave`` touches, ascending."""
    frozen = item.system.migration.freeze_months
    return sorted(set(frozen) & wave.months) if frozen else []


OWN_RULES: tuple[tuple[Reason, Callable[[Item, Wave, Pilot | None], bool]], ...] = (
    (Reason.STARTED, _started),
    (Reason.PIN, _pin),
    (Reason.NOT_BEFORE, _not_before),
    (Reason.FREEZE, _freeze),
    (Reason.PILOT, _pilot),
)
"""A system's own rules: (reason, whether it keeps the system out of the wave)."""


def own_failures(
    item: Item, wave: Wave, pilot: Pilot | None, *, pin: bool = True
) -> Iterator[Reason]:
    """Every own rule that keeps ``item`` out of ``wave``, in order (the pin left out unless
    ``pin``)."""
    for reason, fails in OWN_RULES:
        if (pin or reason is not Reason.PIN) and fails(item, wave, pilot):
            yield reason


def own_reason(item: Item, wave: Wave, pilot: Pilot | None) -> Reason | None:
    """The first own rule that keeps ``item`` out of ``wave``, or None."""
    for reason, fails in OWN_RULES:
        if fails(item, wave, pilot):
            return reason
    return None


def own_reasons(
    item: Item, calendar: Sequence[Wave], pilot: Pilot | None
) -> tuple[Reason | None, ...]:
    """:func:`own_reason` of ``item`` for every wave of ``calendar``, in order. A system with
    no pin, no not_before and no freeze months can fail only ``started`` and ``pilot``, and
    whether the pilot admits it does not depend on the wave: that is asked once."""
    m = item.system.migration
    if m.wave is not None or m.not_before is not None or m.freeze_months:
        return tuple(own_reason(item, w, pilot) for w in calendar)
    not_piloted = pilot is not None and not pilot_eligible(item, pilot)
    return tuple(
        Reason.STARTED if w.started else Reason.PILOT if w.pilot and not_piloted else None
        for w in calendar
    )


def transfer_limit(dc: DataCenter) -> Decimal:
    """A wave's data-copy window in megabits: ``transfer_hours · 3600 · link_mbps``."""
    s = dc.schedule
    return s.transfer_hours * SECONDS_PER_HOUR * s.link_mbps


def transfer_hours(megabits: Decimal, dc: DataCenter) -> Decimal:
    """Megabits to copy as hours on the link."""
    return megabits / SECONDS_PER_HOUR / dc.schedule.link_mbps


@dataclass(frozen=True)
class WaveRule:
    """One limit of a wave: a quantity of each system, summed, against the wave's limit."""

    reason: Reason
    name: str
    """The limit as messages name it (E207)."""
    load_key: str
    """The wave's load of it as plan.json names it."""
    need: Callable[[Item], Decimal]
    limit: Callable[[DataCenter, Wave], Decimal | None]
    """The wave's limit, or None when the rule does not bind that wave."""
    cumulative: bool = False
    """Counted over every wave up to this one (capacity), not this wave alone."""
    dimension: Dimension | None = None
    weighs: bool = False
    """Whether the scheduler's priority weighs a group's use of it (a scarce resource)."""
    shown: Callable[[Decimal, DataCenter], Decimal] = lambda value, dc: value
    """The quantity in the units people read (megabits as hours)."""


def _pilot_limit(dc: DataCenter, wave: Wave) -> Decimal | None:
    pilot = dc.schedule.pilot
    return Decimal(pilot.max_systems) if wave.pilot and pilot is not None else None


def _critical_limit(dc: DataCenter, wave: Wave) -> Decimal | None:
    most = dc.schedule.max_critical
    return None if most is None else Decimal(most)


def _capacity(d: int) -> Callable[[DataCenter, Wave], Decimal | None]:
    return lambda dc, wave: capacity_on(dc.capacity, wave.cutover)[d]


WAVE_RULES: tuple[WaveRule, ...] = (
    WaveRule(Reason.PILOT_FULL, "pilot", "systems", lambda i: Decimal(1), _pilot_limit),
    WaveRule(
        Reason.CRITICAL,
        "max_critical",
        "critical",
        lambda i: Decimal(1) if i.critical else ZERO,
        _critical_limit,
    ),
    WaveRule(
        Reason.TEAM_DAYS,
        "team_days",
        "effort_days",
        lambda i: i.effort,
        lambda dc, wave: dc.schedule.team_days,
        weighs=True,
    ),
    WaveRule(
        Reason.TRANSFER_HOURS,
        "transfer_hours",
        "transfer_hours",
        lambda i: i.data_gb * BITS_PER_GB,
        lambda dc, wave: transfer_limit(dc),
        weighs=True,
        shown=transfer_hours,
    ),
    *(
        WaveRule(
            Reason.CAPACITY,
            dim.value,
            dim.value,
            need,
            _capacity(d),
            cumulative=True,
            dimension=dim,
            weighs=True,
        )
        for d, (dim, need) in enumerate(
            (
                (Dimension.VCPU, lambda i: i.vcpu),
                (Dimension.RAM_GB, lambda i: i.ram_gb),
                (Dimension.STORAGE_GB, lambda i: i.storage_gb),
            )
        )
    ),
)
"""Every wave rule, in the order of planning.md's table."""


def rule_index(reason: Reason) -> int:
    """The place of the first wave rule of ``reason`` in :data:`WAVE_RULES`."""
    return next(i for i, rule in enumerate(WAVE_RULES) if rule.reason is reason)


@dataclass(frozen=True)
class Failure:
    """A wave rule that a group breaks in a wave."""

    reason: Reason
    dimension: Dimension | None = None


FAILURES = tuple(Failure(r.reason, r.dimension) for r in WAVE_RULES)
"""The failure of each rule, made once."""


EACH = tuple(r for r, rule in enumerate(WAVE_RULES) if not rule.cumulative)
"""The rules summed over one wave."""
CUMULATIVE = tuple(r for r, rule in enumerate(WAVE_RULES) if rule.cumulative)
"""The rules summed over every wave up to one (capacity)."""


class Load:
    """What some groups need of every wave rule, as exact integers (rule order; each rule's
    quantities scaled by one power of ten): one group's load, or what a wave holds."""

    __slots__ = ("amounts",)

    def __init__(self, amounts: Iterable[int] = ()) -> None:
        self.amounts = list(amounts) or [0] * len(WAVE_RULES)

    def __getitem__(self, r: int) -> int:
        return self.amounts[r]

    def add(self, other: Load, times: int = 1) -> None:
        """Add ``other`` (``times`` over; -1 takes it away)."""
        for r, amount in enumerate(other.amounts):
            self.amounts[r] += times * amount

    def subtract(self, other: Load) -> None:
        """Take ``other`` away."""
        self.add(other, -1)

    def fits(
        self, extra: Load, limits: Sequence[int | None], leaving: Load | None = None
    ) -> Failure | None:
        """The first per-wave rule this load breaks under ``limits`` once ``extra`` joins it
        (and ``leaving`` leaves), or None."""
        for r in EACH:
            limit = limits[r]
            if limit is None:
                continue
            total = self.amounts[r] + extra.amounts[r]
            if leaving is not None:
                total -= leaving.amounts[r]
            if total > limit:
                return FAILURES[r]
        return None


def needs(members: Sequence[Item]) -> tuple[Decimal, ...]:
    """What ``members`` need of every wave rule, summed, in rule order."""
    return tuple(sum((rule.need(m) for m in members), ZERO) for rule in WAVE_RULES)


def limits(dc: DataCenter, calendar: Sequence[Wave]) -> tuple[tuple[Decimal | None, ...], ...]:
    """Every rule's limit on every wave (index 0 is wave 1), in rule order."""
    return tuple(tuple(rule.limit(dc, w) for w in calendar) for rule in WAVE_RULES)


@dataclass(frozen=True)
class NeverFits:
    """A wave rule a group breaks in every wave (E207): what it needs and the most it gets."""

    rule: WaveRule
    need: Decimal
    most: Decimal


def highest(per_wave: Sequence[Decimal | None]) -> Decimal | None:
    """The most any wave allows of a rule: None when some wave does not bind it at all."""
    if not per_wave or any(limit is None for limit in per_wave):
        return None
    return max(limit for limit in per_wave if limit is not None)


def never_fits(
    members: Sequence[Item], dc: DataCenter, most: Sequence[Decimal | None]
) -> Iterator[NeverFits]:
    """The wave rules that no wave lets the group keep, even alone (E207), in rule order;
    ``most`` is each rule's :func:`highest` limit."""
    for rule, need, top in zip(WAVE_RULES, needs(members), most, strict=True):
        if top is not None and need > top:
            yield NeverFits(rule, rule.shown(need, dc), rule.shown(top, dc))
