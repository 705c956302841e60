"""A plan as a value: the plan document's waves, systems with their reasons and money, totals
and bound, each computed here once, and the exact money behind them; and the whole document,
with what the plan rests on (the input files, the diagnostics, every assumption, the regions).

The models are built without re-validation (``model_construct``): every value comes from the
planner with its type; reading a plan back validates it (loading/plans.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from migrasi.core.decimals import rounded, whole
from migrasi.core.findings import Finding
from migrasi.core.models import STRATEGIES, DataCenter
from migrasi.core.money import ZERO, Cash, Timeline, cash, figures, payback_month, running_by_year
from migrasi.core.plandoc import (
    Assumptions,
    BlackoutDoc,
    BlockedDoc,
    Bound,
    Diagnostic,
    GroupDoc,
    InputFile,
    Load,
    Monthly,
    PilotDoc,
    PlanDoc,
    Proven,
    RegionDoc,
    RegionTotals,
    RunningCostDoc,
    SystemDoc,
    Totals,
    WaveDoc,
)
from migrasi.core.problem import Problem
from migrasi.core.programme import Item, deadline_of
from migrasi.core.rules import WAVE_RULES
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
    """Σ over groups of the best own-allowed wave's rounded member NPVs (or 0)."""
    total = 0
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
) -> Plan:
    """Build the plan of ``state`` (scheduled here when None) with its reasons and money.

    ``proven`` is exact mode's (bound, optimal, relaxed): an upper bound of every valid plan's
    NPV, whether it is the optimum, and a bound of every plan of rules 1-10.
    """
    if state is None:
        state = schedule(p)
    systems: dict[str, SystemDoc] = {}
    money: dict[str, Cash] = {}
    findings = list(extra)
    for ref in sorted(p.items):
        item = p.items[ref]
        k = state.wave[p.of[ref]] if item.planned else None
        status = Status.SCHEDULED if k is not None else Status.UNSCHEDULED
        if not item.planned:
            status = Status.RETAINED
        blocked = _blocked(p, state, ref) if item.planned else []
        systems[ref], money[ref] = _system(p, item, status, k, blocked)
        made = systems[ref]
        place = ("systems", item.index, "id")
        if status is Status.UNSCHEDULED:
            findings.append(Finding("W310", item.file, path=place))
        elif made.late:
            args = {"cutover": str(made.cutover), "deadline": str(made.deadline)}
            findings.append(Finding("W309", item.file, path=place, args=args))
    totals = _totals(systems, money, p.timeline)
    bound = _bound(p)
    exact = None
    if proven is not None:
        exact = Proven.model_construct(
            npv=proven[0],
            gap=_gap(proven[0], totals.npv),
            optimal=proven[1],
            relaxed_npv=proven[2],
        )
    return Plan(
        mode=mode,
        timeline=p.timeline,
        waves=_waves(p, state),
        groups=[
            GroupDoc.model_construct(id=gid, systems=list(g.members))
            for gid, g in p.groups.items()
            if g.size > 1
        ],
        systems=systems,
        cash=money,
        totals=totals,
        monthly=_monthly(systems, money, p.timeline),
        bound=Bound.model_construct(npv=bound, gap=_gap(bound, totals.npv)),
        proven=exact,
        findings=findings,
    )


def _system(
    p: Problem, item: Item, status: Status, wave: int | None, blocked: list[BlockedDoc]
) -> tuple[SystemDoc, Cash]:
    """One system's line of the plan and its exact money; money counts only when scheduled."""
    s = item.system
    deadline = deadline_of(item, p.dc) if item.planned else None
    if wave is None:
        c = cash(item, None, p.timeline)
        cutover, group, late = None, None, False
    else:
        g = p.groups[p.of[item.ref]]
        cutover = p.calendar[wave - 1].cutover
        c = p.cash(item.ref, wave)
        group = g.gid if g.size > 1 else None
        late = deadline is not None and cutover > deadline
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
        money=figures(item, c, p.timeline, counted=wave is not None),
    )
    return line, c


def _waves(p: Problem, state: State) -> list[WaveDoc]:
    by_wave: dict[int, list[str]] = {}
    for gid, wave in state.wave.items():
        if wave is not None:
            by_wave.setdefault(wave, []).append(gid)
    out: list[WaveDoc] = []
    for w in p.calendar:
        groups = [p.groups[gid] for gid in by_wave.get(w.number, [])]
        load = {
            rule.load_key: rule.shown(sum((g.need[r] for g in groups), ZERO), p.dc)
            for r, rule in enumerate(WAVE_RULES)
        }
        out.append(
            WaveDoc.model_construct(
                wave=w.number,
                start=w.start,
                cutover=w.cutover,
                open=w.open,
                pilot=w.pilot,
                systems=sorted(ref for g in groups for ref in g.members),
                load=Load.model_construct(None, **load),
            )
        )
    return out


def _totals(systems: dict[str, SystemDoc], money: dict[str, Cash], t: Timeline) -> Totals:
    """The programme's totals: sums of the rounded system figures (money.md)."""
    years = [str(y) for y in t.years]
    by_year = dict.fromkeys(years, 0)
    running = dict.fromkeys(years, 0)
    regions: dict[str, list[int]] = {}
    exact = [ZERO] * t.horizon
    for ref, s in systems.items():
        f = s.money
        for y in years:
            by_year[y] += f.by_year[y]
        if s.status is Status.SCHEDULED:
            for y, v in running_by_year(money[ref], t).items():
                running[y] += v
        r = regions.setdefault(s.region, [0, 0, 0, 0])
        for i, v in enumerate((f.baseline, f.net_savings, f.npv, f.kept_in_jambi)):
            r[i] += v
        for m, saving in enumerate(money[ref].savings):
            exact[m] += saving
    figures_ = [s.money for s in systems.values()]
    return Totals.model_construct(
        baseline=sum(f.baseline for f in figures_),
        net_savings=sum(f.net_savings for f in figures_),
        npv=sum(f.npv for f in figures_),
        one_time=sum(f.one_time for f in figures_),
        termination_fees=sum(f.termination_fee for f in figures_),
        kept_in_jambi=sum(f.kept_in_jambi for f in figures_),
        payback_month=payback_month(exact, t),
        by_year=by_year,
        dc_running_cost_by_year=running,
        by_region={
            region: RegionTotals.model_construct(
                baseline=v[0], net_savings=v[1], npv=v[2], kept_in_jambi=v[3]
            )
            for region, v in sorted(regions.items())
        },
    )


def _monthly(systems: dict[str, SystemDoc], money: dict[str, Cash], t: Timeline) -> Monthly:
    """The saving of every month: each system's month rounded, summed per region and overall."""
    regions: dict[str, list[int]] = {}
    for ref, s in systems.items():
        row = regions.setdefault(s.region, [0] * t.horizon)
        for m, v in enumerate(money[ref].savings):
            if v:
                row[m] += whole(v)
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


def document(
    plan: Plan,
    inputs: Sequence[tuple[str, str]],
    diagnostics: Sequence[Diagnostic],
    dc: DataCenter,
    regions: Mapping[str, RegionDoc],
) -> PlanDoc:
    """The plan document; ``inputs`` are (file, sha256) in path order, ``diagnostics`` the
    findings in report order."""
    return PlanDoc.model_construct(
        schema_="migrasi/plan/v1",
        mode=plan.mode,
        inputs=[InputFile.model_construct(file=f, sha256=h) for f, h in inputs],
        waves=plan.waves,
        groups=plan.groups,
        systems=[plan.systems[r] for r in sorted(plan.systems)],
        totals=plan.totals,
        bound=plan.bound,
        proven=plan.proven,
        diagnostics=list(diagnostics),
        monthly=plan.monthly,
        assumptions=assumptions(dc),
        regions=dict(sorted(regions.items())),
    )
