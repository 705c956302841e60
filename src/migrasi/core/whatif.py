"""What if: the inputs planned as they are and under changed assumptions (scenarios.md).

Each change is planned again by the planner the ``plan`` command uses, so that the waves adapt
and the money follows; every plan's money is counted on the timeline of the unchanged inputs
(month 0 and the horizon of the data-center file as written), so that the figures stand side
by side. What does not change is shared: the inputs as read and checked, the move groups, and
the money of every (system, wave) when a change touches only the waves' limits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from migrasi.core import progress
from migrasi.core.calendar import waves
from migrasi.core.checks import Checked, check
from migrasi.core.decimals import whole
from migrasi.core.findings import Finding
from migrasi.core.graph import Groups
from migrasi.core.models import DataCenter
from migrasi.core.money import Cash, Timeline, cash
from migrasi.core.plan import Plan, make_plan
from migrasi.core.problem import Problem, build
from migrasi.core.programme import Inputs, Item
from migrasi.core.rules import CUMULATIVE, Load
from migrasi.core.scenario import Scenario
from migrasi.core.scenario_apply import apply_to
from migrasi.core.state import State
from migrasi.core.terms import Status


@dataclass(frozen=True)
class Figures:
    """What a comparison shows of one plan, in the order it shows them; money on the timeline
    of the unchanged inputs."""

    npv: int
    net_savings: int
    one_time: int
    termination_fees: int
    kept_in_jambi: int
    dc_running_cost: int
    payback_month: str | None
    last_wave: int | None
    last_cutover: date | None
    scheduled: int
    unscheduled: int
    late: int


@dataclass(frozen=True)
class Outcome:
    """One plan behind a comparison: its figures and each planned system's wave, or the codes
    of the errors its inputs have (then ``figures`` is None)."""

    figures: Figures | None
    waves: Mapping[str, int | None] = field(default_factory=dict)
    errors: tuple[str, ...] = ()
    problems: tuple[Finding, ...] = ()
    """The errors themselves, for a report of where they are."""
    repriced: int | None = None
    """The NPV of the unchanged inputs' waves under this change, when they still keep every
    rule of a valid plan's waves; None otherwise (or when not asked)."""
    plan: Plan | None = None
    """The plan itself, and the inputs it was made from, when asked to keep them."""
    inputs: Inputs | None = None


@dataclass
class Base:
    """What every change shares: the inputs as read (``raw``) and as checked (``inputs``, the
    as-of day applied), their move groups, the timeline of the unchanged inputs, and their
    plan (its groups' waves, and the money of every system in every wave it looked at)."""

    raw: Inputs
    as_of: date | None
    inputs: Inputs
    groups: Groups
    timeline: Timeline
    outcome: Outcome
    group_waves: dict[str, int | None]
    problem: Problem


def _problem(checked: Checked, dc: DataCenter, cash: dict[tuple[str, int], Cash] | None) -> Problem:
    """The planning problem of checked inputs, as ``migrasi plan`` builds it."""
    free = checked.movable or checked.groups
    return build(checked.items, free, dc, checked.fixed, checked.groups, cash_cache=cash)


def base_of(raw: Inputs, as_of: date | None, *, keep: bool = False) -> Base:
    """Plan the unchanged inputs (``raw`` as read, which must have no error under ``as_of``)
    once, for every change to share."""
    inputs = raw.with_datacenter(progress.as_of(as_of))
    checked = check(inputs)
    dc = inputs.datacenter
    assert dc is not None
    p = _problem(checked, dc, None)
    made = make_plan(p, [])
    waves = {gid: made.systems[g.members[0]].wave for gid, g in p.groups.items()}
    done = _outcome(made, made, inputs if keep else None)
    return Base(raw, as_of, inputs, checked.groups, p.timeline, done, waves, p)


def outcome(
    base: Base, scenario: Scenario, file: str, *, repriced: bool = False, keep: bool = False
) -> Outcome:
    """Plan the inputs under ``scenario`` (read from ``file``), then as of the base's as-of day,
    checked like any inputs; with ``repriced``, also re-price the unchanged inputs' waves."""
    applied, problems = apply_to(base.raw, scenario, file)
    inputs = applied.with_datacenter(progress.as_of(base.as_of))
    if not problems:
        checked = check(inputs, base.groups)
        problems = [f for f in checked.findings if f.severity == "error"]
    if problems:
        return Outcome(None, errors=_codes(problems), problems=tuple(problems))
    dc = inputs.datacenter
    assert dc is not None
    p = _problem(checked, dc, shared_cash(base.problem, checked.items, dc))
    made = make_plan(p, [], detail=keep)
    counted = counting(base, p)
    shown = made if counted is p else make_plan(counted, [], _state(counted, made), detail=False)
    done = _outcome(made, shown, inputs if keep else None)
    return replace(done, repriced=_repriced(base, p, counted)) if repriced else done


def _money_of(item: Item) -> tuple[object, ...]:
    """What a system's money (money.cash) is made of, besides its cutover and the timeline."""
    cost = item.system.cost
    return (item.planned, item.external, item.internal, item.effort, item.rate,
            cost.contract_end, cost.termination_fee)  # fmt: skip


def shared_cash(
    p: Problem, items: Mapping[str, Item], dc: DataCenter
) -> dict[tuple[str, int], Cash]:
    """The money of ``p`` that holds for ``items`` under ``dc`` too: every system whose money is
    made of the same figures, when the timeline and the waves' days are the same."""
    if Timeline.of(dc) != p.timeline or [w.cutover for w in waves(dc.schedule)] != [
        w.cutover for w in p.calendar
    ]:
        return {}
    same = {r for r, item in items.items() if _money_of(item) == _money_of(p.items[r])}
    return {key: c for key, c in p.cash_cache.items() if key[0] in same}


def counting(base: Base, p: Problem) -> Problem:
    """``p`` with its money counted on the unchanged inputs' month 0 and horizon (and its own
    discount rate and labour cost): ``p`` itself when those are its own already."""
    t = Timeline(base.timeline.start, base.timeline.horizon, p.timeline.rate, p.timeline.labour)
    return p if t == p.timeline else replace(p, timeline=t, cash_cache={})


def _state(p: Problem, made: Plan) -> State:
    """A state holding the waves of ``made``."""
    state = State(p)
    for gid, g in p.groups.items():
        state.place(gid, made.systems[g.members[0]].wave)
    return state


def _codes(findings: Sequence[Finding]) -> tuple[str, ...]:
    """The codes of the errors among ``findings``, sorted, once each."""
    return tuple(sorted({f.code for f in findings if f.severity == "error"}))


def _outcome(made: Plan, counted: Plan, inputs: Inputs | None) -> Outcome:
    """The outcome of the plan ``made`` (kept with its inputs when ``inputs`` are given), its
    figures those of ``counted``: the same waves, money on the unchanged inputs' timeline."""
    systems = made.systems
    waves = {ref: s.wave for ref, s in systems.items() if s.status is not Status.RETAINED}
    kept = made if inputs is not None else None
    return Outcome(figures(counted), waves, plan=kept, inputs=inputs)


def figures(made: Plan) -> Figures:
    """The figures of a plan that a comparison shows."""
    t = made.totals
    used = [w for w in made.waves if w.systems]
    statuses = Counter(s.status for s in made.systems.values())
    return Figures(
        npv=t.npv,
        net_savings=t.net_savings,
        one_time=t.one_time,
        termination_fees=t.termination_fees,
        kept_in_jambi=t.kept_in_jambi,
        dc_running_cost=sum(t.dc_running_cost_by_year.values()),
        payback_month=t.payback_month,
        last_wave=used[-1].wave if used else None,
        last_cutover=used[-1].cutover if used else None,
        scheduled=statuses[Status.SCHEDULED],
        unscheduled=statuses[Status.UNSCHEDULED],
        late=sum(s.late for s in made.systems.values()),
    )


def holds(p: Problem, group_waves: Mapping[str, int | None]) -> bool:
    """Whether the groups in these waves keep, under ``p``, every rule of a valid plan's waves:
    each group in an open wave its own rules admit, and every wave within its limits (the
    order of dependencies is that of the waves as they were, and the graph is the same)."""
    if set(group_waves) != set(p.groups):
        return False  # the record fixes other systems: the waves are not comparable
    state = State(p)
    for gid, wave in sorted(group_waves.items()):
        if wave is None:
            continue
        if wave not in p.groups[gid].allowed_set:
            return False
        state.place(gid, wave)
    nothing = Load()
    for k in range(1, state.n):
        if state.used[k].fits(nothing, state.limits[k]) is not None:
            return False
    return all(min(state.slack[r][1:], default=0) >= 0 for r in CUMULATIVE)


def _repriced(base: Base, p: Problem, counted: Problem) -> int | None:
    """The NPV of the unchanged inputs' waves under ``p``'s figures (counted as ``counted``
    counts), or None when those waves break a rule under ``p``."""
    if not holds(p, base.group_waves):
        return None
    total = 0
    for ref in sorted(counted.items):
        record = counted.fixed.get(ref)
        if record is not None:  # where the record puts it, as the plan counts it
            total += whole(cash(counted.items[ref], record.cutover, counted.timeline).npv)
            continue
        wave = base.group_waves.get(counted.of.get(ref, ""))
        if wave is not None:
            total += whole(counted.cash(ref, wave).npv)
    return total
