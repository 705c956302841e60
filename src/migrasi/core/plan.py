"""A plan as a value: waves, systems with their reasons and money, totals, the bound."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from migrasi.core.calendar import Wave
from migrasi.core.decimals import rounded, whole
from migrasi.core.findings import Finding
from migrasi.core.money import (
    ZERO,
    Cash,
    Figures,
    Timeline,
    cash,
    figures,
    payback_month,
)
from migrasi.core.problem import Problem
from migrasi.core.programme import Item, deadline_of
from migrasi.core.rules import WAVE_RULES
from migrasi.core.scheduler import schedule
from migrasi.core.state import State
from migrasi.core.terms import Dimension, Mode, Reason, Status


@dataclass(frozen=True)
class Blocked:
    """Why a system is not in one earlier wave: the first rule that keeps it out."""

    wave: int
    reason: Reason
    ref: str | None = None
    dimension: Dimension | None = None


@dataclass(frozen=True)
class SystemPlan:
    """One system in the plan."""

    ref: str
    region: str
    owner: str
    status: Status
    strategy: str
    wave: int | None
    cutover: date | None
    group: str | None
    deadline: date | None
    late: bool
    end_early: bool
    blocked_by: tuple[Blocked, ...]
    money: Figures
    cash: Cash


@dataclass(frozen=True)
class WaveLoad:
    """What one wave carries."""

    wave: Wave
    systems: tuple[str, ...]
    load: dict[str, Decimal]
    """What its systems need of each wave rule, in the units people read, by load key."""


@dataclass(frozen=True)
class Totals:
    """Programme totals: sums of rounded system figures (money.md)."""

    baseline: int
    net_savings: int
    npv: int
    one_time: int
    termination_fees: int
    kept_in_jambi: int
    payback_month: str | None
    by_year: dict[int, int]
    dc_running_cost_by_year: dict[int, int]
    by_region: dict[str, dict[str, int]]
    monthly: tuple[Decimal, ...]
    """The programme's exact saving in each month of the horizon."""


@dataclass(frozen=True)
class ExactResult:
    """What exact mode proved: an upper bound of every valid plan's NPV, and the gap to it."""

    bound: int
    gap: Decimal
    optimal: bool
    relaxed: int | None = None
    """An upper bound of every plan that keeps rules 1-10 alone, when known."""


@dataclass(frozen=True)
class Plan:
    """The whole plan."""

    mode: Mode
    exact: ExactResult | None
    timeline: Timeline
    waves: tuple[WaveLoad, ...]
    groups: dict[str, tuple[str, ...]]
    systems: dict[str, SystemPlan]
    totals: Totals
    bound_npv: int
    gap: Decimal
    findings: list[Finding] = field(default_factory=list)


def _blocked(p: Problem, state: State, ref: str) -> tuple[Blocked, ...]:
    """For each open wave before the system's own (every open wave when it is unscheduled), the
    first rule that keeps it out, its whole move group taken out of the plan (planning.md)."""
    gid = p.of[ref]
    here = state.wave[gid]
    state.place(gid, None)
    out: list[Blocked] = []
    try:
        for w in p.calendar:
            if not w.open or (here is not None and w.number >= here):
                continue
            out.append(_first_reason(p, state, gid, ref, w.number))
    finally:
        state.place(gid, here)
    return tuple(out)


def _first_reason(p: Problem, state: State, gid: str, ref: str, k: int) -> Blocked:
    reason = p.own_reason(ref, k)
    if reason is not None:
        return Blocked(k, reason)
    g = p.groups[gid]
    failing = sorted(r for r in g.members if r != ref and p.own_reason(r, k) is not None)
    if failing:
        return Blocked(k, Reason.GROUP, failing[0])
    missing = state.missing_needs(gid, k)
    if missing:
        return Blocked(k, Reason.DEPENDENCY, min(g.need_refs[n] for n in missing))
    failure = state.limit_failure(gid, k)
    if failure is not None:
        return Blocked(k, failure.reason, dimension=failure.dimension)
    return Blocked(k, Reason.NPV)


def _gap(bound: int, npv: int) -> Decimal:
    if bound == 0:
        return Decimal("0.0000")
    return rounded(Decimal(bound - npv) / abs(Decimal(bound)), Decimal("0.0001"))


def _bound(p: Problem) -> int:
    """Σ over groups of the best own-allowed wave's rounded member NPVs (or 0)."""
    total = 0
    for g in p.groups.values():
        if not g.value:
            continue
        best = max(g.allowed, key=lambda k: (g.value[k], -k))
        contribution = sum(figures_npv(p, r, best) for r in g.members)
        total += max(contribution, 0)
    return total


def figures_npv(p: Problem, ref: str, wave: int) -> int:
    """The rounded NPV of system ``ref`` cut over in ``wave``."""
    return whole(p.npv(ref, wave))


def make_plan(
    p: Problem,
    extra: list[Finding],
    state: State | None = None,
    mode: Mode = Mode.HEURISTIC,
    proven: tuple[int, bool, int | None] | None = None,
) -> Plan:
    """Build the plan of ``state`` (scheduled here when None) with its reasons and money.

    ``proven`` is exact mode's (bound, optimal): an upper bound of every valid plan's NPV.
    """
    if state is None:
        state = schedule(p)
    t = p.timeline
    systems: dict[str, SystemPlan] = {}
    findings = list(extra)
    for ref in sorted(p.items):
        item = p.items[ref]
        if not item.planned:
            systems[ref] = _system(p, item, Status.RETAINED, None, None, ())
            continue
        k = state.wave[p.of[ref]]
        blocked = _blocked(p, state, ref)
        if k is None:
            systems[ref] = _system(
                p, item, Status.UNSCHEDULED, None, deadline_of(item, p.dc), blocked
            )
            findings.append(Finding("W310", item.file, path=("systems", item.index, "id")))
            continue
        made = _system(p, item, Status.SCHEDULED, k, deadline_of(item, p.dc), blocked)
        if made.late:
            findings.append(
                Finding(
                    "W309",
                    item.file,
                    path=("systems", item.index, "id"),
                    args={"cutover": str(made.cutover), "deadline": str(made.deadline)},
                )
            )
        systems[ref] = made
    totals = _totals(systems, t)
    bound = _bound(p)
    exact = None
    if proven is not None:
        exact = ExactResult(
            bound=proven[0], gap=_gap(proven[0], totals.npv), optimal=proven[1], relaxed=proven[2]
        )
    return Plan(
        mode=mode,
        exact=exact,
        timeline=t,
        waves=_loads(p, state),
        groups={gid: g.members for gid, g in p.groups.items() if g.size > 1},
        systems=systems,
        totals=totals,
        bound_npv=bound,
        gap=_gap(bound, totals.npv),
        findings=findings,
    )


def _system(
    p: Problem,
    item: Item,
    status: Status,
    wave: int | None,
    deadline: date | None,
    blocked: tuple[Blocked, ...],
) -> SystemPlan:
    """One system's line of the plan; money counts only for a scheduled system."""
    s = item.system
    if wave is None:
        c = cash(item, None, p.timeline)
        return SystemPlan(
            item.ref, item.region, s.owner, status, s.migration.strategy, None, None, None,
            deadline, False, False, blocked, figures(item, c, p.timeline, counted=False), c,
        )  # fmt: skip
    g = p.groups[p.of[item.ref]]
    cutover = p.calendar[wave - 1].cutover
    c = p.cash(item.ref, wave)
    late = deadline is not None and cutover > deadline
    return SystemPlan(
        item.ref, item.region, s.owner, status, s.migration.strategy, wave, cutover,
        g.gid if g.size > 1 else None, deadline, late, c.end_early, blocked,
        figures(item, c, p.timeline, counted=True), c,
    )  # fmt: skip


def _loads(p: Problem, state: State) -> tuple[WaveLoad, ...]:
    out: list[WaveLoad] = []
    by_wave: dict[int, list[str]] = {}
    for gid, wave in state.wave.items():
        if wave is not None:
            by_wave.setdefault(wave, []).append(gid)
    for w in p.calendar:
        groups = [p.groups[gid] for gid in by_wave.get(w.number, [])]
        load = {
            rule.load_key: rule.shown(sum((g.need[r] for g in groups), ZERO), p.dc)
            for r, rule in enumerate(WAVE_RULES)
        }
        members = tuple(sorted(ref for g in groups for ref in g.members))
        out.append(WaveLoad(wave=w, systems=members, load=load))
    return tuple(out)


def _totals(systems: dict[str, SystemPlan], t: Timeline) -> Totals:
    by_year = dict.fromkeys(t.years, 0)
    dc_year = dict.fromkeys(t.years, 0)
    regions: dict[str, dict[str, int]] = {}
    monthly = [ZERO] * t.horizon
    for s in systems.values():
        f = s.money
        for y in t.years:
            by_year[y] += f.by_year[y]
            dc_year[y] += f.dc_by_year[y]
        r = regions.setdefault(
            s.region, {"baseline": 0, "net_savings": 0, "npv": 0, "kept_in_jambi": 0}
        )
        r["baseline"] += f.baseline
        r["net_savings"] += f.net_savings
        r["npv"] += f.npv
        r["kept_in_jambi"] += f.kept_in_jambi
        for m, v in enumerate(s.cash.savings):
            monthly[m] += v
    money = [s.money for s in systems.values()]
    return Totals(
        baseline=sum(f.baseline for f in money),
        net_savings=sum(f.net_savings for f in money),
        npv=sum(f.npv for f in money),
        one_time=sum(f.one_time for f in money),
        termination_fees=sum(f.termination_fee for f in money),
        kept_in_jambi=sum(f.kept_in_jambi for f in money),
        payback_month=payback_month(monthly, t),
        by_year=by_year,
        dc_running_cost_by_year=dc_year,
        by_region=dict(sorted(regions.items())),
        monthly=tuple(monthly),
    )
