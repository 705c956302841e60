"""A plan as a value: the plan document's waves, systems with their reasons and money, totals
and bound, each computed here once, and the exact money behind them; and the whole document,
with what the plan rests on (the input files, the diagnostics, every assumption, the regions).

The models are built without re-validation (``model_construct``): every value comes from the
planner with its type; reading a plan back validates it (loading/plans.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import repeat
from operator import add
from typing import Any, TypeVar

from pydantic import BaseModel

from migrasi.core.decimals import rounded, whole
from migrasi.core.findings import Finding
from migrasi.core.graph import Groups
from migrasi.core.keep import counts as keep_counts
from migrasi.core.keep import reason as keep_reason
from migrasi.core.models import STRATEGIES, DataCenter
from migrasi.core.money import (
    ZERO,
    Cash,
    Timeline,
    accumulate,
    cash,
    figures,
    payback_month,
    running_by_year,
)
from migrasi.core.plandoc import (
    PROGRESS_ORDER,
    Assumptions,
    BlackoutDoc,
    BlockedDoc,
    Bound,
    Diagnostic,
    GroupDoc,
    InputFile,
    KeepDoc,
    Load,
    Monthly,
    PilotDoc,
    PlanDoc,
    Progress,
    Proven,
    RegionDoc,
    RegionTotals,
    RunningCostDoc,
    ScenarioDoc,
    SystemDoc,
    Totals,
    WaveDoc,
)
from migrasi.core.problem import Problem
from migrasi.core.programme import Item, deadline_of
from migrasi.core.rules import WAVE_RULES, needs
from migrasi.core.scheduler import schedule
from migrasi.core.state import State
from migrasi.core.terms import Dimension, Mode, Reason, Status


@dataclass(frozen=True)
class Plan:
    """The whole plan: the parts of its document, and each system's exact money."""

    mode: Mode
    timeline: Timeline
    waves: list[WaveDoc]
    groups: list[GroupDoc]
    systems: dict[str, SystemDoc]
    cash: dict[str, Cash]
    totals: Totals
    monthly: Monthly
    bound: Bound
    proven: Proven | None = None
    keep: KeepDoc | None = None
    findings: list[Finding] = field(default_factory=list)


def _blocked(p: Problem, state: State, ref: str) -> list[BlockedDoc]:
    """For each open wave before the system's own (every open wave when it is unscheduled), the
    first rule that keeps it out, its whole move group taken out of the plan (planning.md)."""
    gid = p.of[ref]
    here = state.wave[gid]
    state.place(gid, None)
    out: list[BlockedDoc] = []
    try:
        for w in p.calendar:
            if not w.open or (here is not None and w.number >= here):
                continue
            out.append(_first_reason(p, state, gid, ref, w.number))
    finally:
        state.place(gid, here)
    return out


def _first_reason(p: Problem, state: State, gid: str, ref: str, k: int) -> BlockedDoc:
    def blocked(
        reason: Reason, ref: str | None = None, dimension: Dimension | None = None
    ) -> BlockedDoc:
        return BlockedDoc.model_construct(wave=k, reason=reason, ref=ref, dimension=dimension)

    reason = p.own_reason(ref, k)
    if reason is not None:
        return blocked(reason)
    g = p.groups[gid]
    failing = sorted(r for r in g.members if r != ref and p.own_reason(r, k) is not None)
    if failing:
        return blocked(Reason.GROUP, ref=failing[0])
    missing = state.missing_needs(gid, k)
    if missing:
        return blocked(Reason.DEPENDENCY, ref=min(g.need_refs[n] for n in missing))
    failure = state.limit_failure(gid, k)
    if failure is not None:
        return blocked(failure.reason, dimension=failure.dimension)
    return blocked(Reason.NPV)


def _gap(bound: int, npv: int) -> Decimal:
    if bound == 0:
        return Decimal("0.0000")
    return rounded(Decimal(bound - npv) / abs(Decimal(bound)), Decimal("0.0001"))


def _bound(p: Problem) -> int:
    """Σ over groups of the best own-allowed wave's rounded member NPVs (or 0), and each fixed
    system's rounded NPV at its recorded cutover (it can no longer be left out)."""
    total = sum(whole(cash(p.items[r], rec.cutover, p.timeline).npv) for r, rec in p.fixed.items())
    for g in p.groups.values():
        best = g.best(g.allowed)
        if best is None:
            continue
        contribution = sum(whole(p.npv(r, best)) for r in g.members)
        total += max(contribution, 0)
    return total


def make_plan(
    p: Problem,
    extra: list[Finding],
    state: State | None = None,
    mode: Mode = Mode.HEURISTIC,
    proven: tuple[int, bool, int | None] | None = None,
    detail: bool = True,
) -> Plan:
    """Build the plan of ``state`` (scheduled here when None) with its reasons and money.

    ``proven`` is exact mode's (bound, optimal, relaxed): an upper bound of every valid plan's
    NPV, whether it is the optimum, and a bound of every plan of rules 1-10. Without
    ``detail`` the plan has no ``blocked_by`` and no monthly figures: its waves, money and
    totals alone (what a comparison of plans reads).
    """
    if state is None:
        state = schedule(p)
    systems: dict[str, SystemDoc] = {}
    money: dict[str, Cash] = {}
    findings = list(extra)
    for ref in sorted(p.items):
        item = p.items[ref]
        rec = p.fixed.get(ref)
        if rec is not None:
            wave = rec.wave or None  # a day before wave 1 is in no wave
            systems[ref], money[ref] = _system(p, item, _recorded(item), wave, [], rec.cutover)
        else:
            k = state.wave[p.of[ref]] if item.planned else None
            status = _status(item, k)
            blocked = _blocked(p, state, ref) if item.planned and detail else []
            cutover = p.calendar[k - 1].cutover if k is not None else None
            systems[ref], money[ref] = _system(p, item, status, k, blocked, cutover)
        made = systems[ref]
        place = ("systems", item.index, "id")
        if item.planned and made.wave is None and rec is None:
            findings.append(Finding("W310", item.file, path=place))
        elif made.late:
            args = {"cutover": str(made.cutover), "deadline": str(made.deadline)}
            findings.append(Finding("W309", item.file, path=place, args=args))
    keep = None
    if p.earlier is not None:
        keep = _kept(p, state, systems)
    totals = _totals(systems, money, p.timeline, p.dc.schedule.as_of)
    bound = _bound(p)
    exact = None
    if proven is not None:
        exact = Proven.model_construct(
            npv=proven[0],
            gap=_gap(proven[0], totals.npv),
            optimal=proven[1],
            relaxed_npv=proven[2],
        )
    everyone = p.move_groups or Groups({}, {}, {})
    return Plan(
        mode=mode,
        timeline=p.timeline,
        waves=_waves(p, state),
        groups=[
            GroupDoc.model_construct(id=gid, systems=list(members))
            for gid, members in everyone.members.items()
            if len(members) > 1
        ],
        systems=systems,
        cash=money,
        totals=totals,
        monthly=_monthly(systems, money, p.timeline) if detail else _NO_MONTHS,
        bound=Bound.model_construct(npv=bound, gap=_gap(bound, totals.npv)),
        proven=exact,
        keep=keep,
        findings=findings,
    )


_NO_MONTHS = Monthly.model_construct(months=[], programme=[], by_region={})
"""The monthly figures of a plan made without detail."""


def _kept(p: Problem, state: State, systems: dict[str, SystemDoc]) -> KeepDoc:
    """Tell each planned system whose wave differs from the earlier plan's why (planning.md's
    reasons, in order), and count what was kept, moved and removed."""
    earlier = p.earlier
    assert earlier is not None
    everyone = p.move_groups or Groups({}, {}, {})
    planned = {r for r, s in systems.items() if s.status is not Status.RETAINED}
    waves = {r: systems[r].wave for r in sorted(planned)}
    for ref in sorted(systems):
        old = earlier.waves.get(ref)
        why = None
        if ref in planned and (ref not in earlier.waves or old != waves[ref]):
            started = old is not None and old <= len(p.calendar) and p.calendar[old - 1].started
            back = _put_back(p, state, ref, old) if ref in p.of and not started else None
            why = keep_reason(ref, earlier, everyone, planned, ref in p.fixed, started, back)
        systems[ref] = systems[ref].model_copy(update={"moved_because": why})
    kept, moved, removed = keep_counts(earlier, waves)
    return KeepDoc.model_construct(
        plan=earlier.digest,
        min_gain=int(earlier.min_gain),
        kept=kept,
        moved=moved,
        removed=removed,
    )


def _put_back(p: Problem, state: State, ref: str, old: int | None) -> bool | None:
    """Whether putting the system's group back alone into wave ``old`` keeps the plan valid
    (None when it had no wave; False when the schedule no longer has that wave)."""
    if old is None:
        return None
    if old > len(p.calendar):
        return False
    gid = p.of[ref]
    here = state.wave[gid]
    state.place(gid, None)
    try:
        if not state.fits(gid, old):
            return False
        state.place(gid, old)
        return state.keeps_rules(gid) and not state.breaks_plan_rules(gid)
    finally:
        state.place(gid, here)


def _recorded(item: Item) -> Status:
    """The status of a fixed system: as recorded."""
    return Status.DONE if item.system.migration.status == "done" else Status.IN_PROGRESS


def _status(item: Item, wave: int | None) -> Status:
    """The status of a system that is not fixed."""
    if not item.planned:
        return Status.RETAINED
    if item.system.migration.status == "in_progress":
        return Status.IN_PROGRESS  # progress.md: under way even when its pinned wave cannot take it
    return Status.SCHEDULED if wave is not None else Status.UNSCHEDULED


def _system(
    p: Problem,
    item: Item,
    status: Status,
    wave: int | None,
    blocked: list[BlockedDoc],
    cutover: date | None,
) -> tuple[SystemDoc, Cash]:
    """One system's line of the plan and its exact money; money counts only with a cutover."""
    s = item.system
    deadline = deadline_of(item, p.dc) if item.planned else None
    everyone = p.move_groups or Groups({}, {}, {})
    members = everyone.members.get(everyone.of.get(item.ref, ""), ())
    group = members[0] if len(members) > 1 and cutover is not None else None
    c = cash(item, cutover, p.timeline) if wave is None or item.ref in p.fixed else None
    if c is None:
        assert wave is not None
        c = p.cash(item.ref, wave)
    late = deadline is not None and cutover is not None and cutover > deadline
    line = SystemDoc.model_construct(
        ref=item.ref,
        region=item.region,
        owner=s.owner,
        status=status,
        strategy=s.migration.strategy,
        wave=wave,
        cutover=cutover,
        group=group,
        deadline=deadline,
        late=late,
        end_early=c.end_early,
        blocked_by=blocked,
        money=figures(item, c, p.timeline, cutover is not None, p.dc.schedule.as_of),
    )
    return line, c


def _waves(p: Problem, state: State) -> list[WaveDoc]:
    """Every wave with the systems it holds: the groups placed there and the fixed systems the
    record puts there."""
    by_wave: dict[int, list[str]] = {}
    for gid, wave in state.wave.items():
        if wave is not None:
            by_wave.setdefault(wave, []).extend(p.groups[gid].members)
    for ref, rec in p.fixed.items():
        if rec.wave:
            by_wave.setdefault(rec.wave, []).append(ref)
    out: list[WaveDoc] = []
    for w in p.calendar:
        held = [p.items[r] for r in by_wave.get(w.number, [])]
        load = {
            rule.load_key: rule.shown(total, p.dc)
            for rule, total in zip(WAVE_RULES, needs(held), strict=True)
        }
        out.append(
            WaveDoc.model_construct(
                wave=w.number,
                start=w.start,
                cutover=w.cutover,
                open=w.open,
                pilot=w.pilot,
                started=w.started,
                ended=w.ended,
                systems=sorted(item.ref for item in held),
                load=Load.model_construct(None, **load),
            )
        )
    return out


def _totals(
    systems: dict[str, SystemDoc], money: dict[str, Cash], t: Timeline, as_of: date | None
) -> Totals:
    """The programme's totals: sums of the rounded system figures (money.md); the payback
    months from the exact savings, month by month."""
    years = [str(y) for y in t.years]
    by_year = dict.fromkeys(years, 0)
    running = dict.fromkeys(years, 0)
    regions: dict[str, list[int]] = {}
    exact: dict[str | None, list[Decimal]] = {None: [ZERO] * t.horizon}
    for ref, s in systems.items():
        f = s.money
        for y in years:
            by_year[y] += f.by_year[y]
        if s.cutover is not None:
            for y, v in running_by_year(money[ref], t).items():
                running[y] += v
        r = regions.setdefault(s.region, [0, 0, 0, 0])
        for i, v in enumerate((f.baseline, f.net_savings, f.npv, f.kept_in_jambi)):
            r[i] += v
        accumulate(exact[None], money[ref].runs)
        accumulate(exact.setdefault(s.region, [ZERO] * t.horizon), money[ref].runs)
    figures_ = [s.money for s in systems.values()]
    counts = Counter(s.status for s in systems.values())
    return Totals.model_construct(
        baseline=sum(f.baseline for f in figures_),
        net_savings=sum(f.net_savings for f in figures_),
        npv=sum(f.npv for f in figures_),
        one_time=sum(f.one_time for f in figures_),
        termination_fees=sum(f.termination_fee for f in figures_),
        kept_in_jambi=sum(f.kept_in_jambi for f in figures_),
        payback_month=payback_month(exact[None], t),
        to_date=sum(f.to_date for f in figures_),
        by_year=by_year,
        dc_running_cost_by_year=running,
        by_region={
            region: RegionTotals.model_construct(
                baseline=v[0],
                net_savings=v[1],
                npv=v[2],
                kept_in_jambi=v[3],
                payback_month=payback_month(exact[region], t),
            )
            for region, v in sorted(regions.items())
        },
        progress=Progress.model_construct(None, **{k.value: counts[k] for k in PROGRESS_ORDER}),
    )


def _monthly(systems: dict[str, SystemDoc], money: dict[str, Cash], t: Timeline) -> Monthly:
    """The saving of every month: each system's month rounded, summed per region and overall."""
    regions: dict[str, list[int]] = {}
    for ref, s in systems.items():
        row = regions.setdefault(s.region, [0] * t.horizon)
        for start, stop, v in money[ref].runs:
            row[start:stop] = map(add, row[start:stop], repeat(whole(v)))
    return Monthly.model_construct(
        months=[t.label(m) for m in range(t.horizon)],
        programme=[sum(r[m] for r in regions.values()) for m in range(t.horizon)],
        by_region=dict(sorted(regions.items())),
    )


M = TypeVar("M", bound=BaseModel)


def _copied(model: type[M], *sources: object, **given: Any) -> M:
    """A document model whose fields are the same-named attributes of ``sources`` (the first
    that has each), unless ``given``."""
    values = {
        name: next(getattr(src, name) for src in sources if hasattr(src, name))
        for name in model.model_fields
        if name not in given
    }
    return model.model_construct(None, **values, **given)


def assumptions(dc: DataCenter) -> Assumptions:
    """Every setting the figures rest on, for readers of the plan and the summary sheet."""
    s, f = dc.schedule, dc.finance
    return _copied(
        Assumptions,
        s,
        f,
        datacenter=dc.name,
        pilot=None if s.pilot is None else _copied(PilotDoc, s.pilot),
        blackouts=[_copied(BlackoutDoc, b) for b in s.blackouts],
        fx=dict(sorted(f.fx.items())),
        running_cost=_copied(RunningCostDoc, dc.running_cost),
        effort_days={k: dc.effort_days.of(k) for k in STRATEGIES if k != "retain"},
    )


def _as_of(plan: Plan, dc: DataCenter) -> date | None:
    """The as-of day the plan shows: none when it lies before the programme starts and no
    progress is recorded, for such a plan is the one made without an as-of day (progress.md)."""
    as_of = dc.schedule.as_of
    recorded = any(s.status in (Status.DONE, Status.IN_PROGRESS) for s in plan.systems.values())
    return as_of if as_of is not None and (as_of >= dc.schedule.start or recorded) else None


def document(
    plan: Plan,
    inputs: Sequence[tuple[str, str]],
    diagnostics: Sequence[Diagnostic],
    dc: DataCenter,
    regions: Mapping[str, RegionDoc],
    scenario: ScenarioDoc | None = None,
) -> PlanDoc:
    """The plan document; ``inputs`` are (file, sha256) in path order, ``diagnostics`` the
    findings in report order, ``dc`` the data-center file as planned (under ``scenario``)."""
    return PlanDoc.model_construct(
        schema_="migrasi/plan/v1",
        mode=plan.mode,
        as_of=_as_of(plan, dc),
        inputs=[InputFile.model_construct(file=f, sha256=h) for f, h in inputs],
        scenario=scenario,
        waves=plan.waves,
        groups=plan.groups,
        systems=[plan.systems[r] for r in sorted(plan.systems)],
        totals=plan.totals,
        bound=plan.bound,
        proven=plan.proven,
        keep=plan.keep,
        diagnostics=list(diagnostics),
        monthly=plan.monthly,
        assumptions=assumptions(dc),
        regions=dict(sorted(regions.items())),
    )
