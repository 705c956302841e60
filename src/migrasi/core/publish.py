"""The plan document of a plan: every figure of ``plan.json`` computed here, once.

Renderers read the document and only format it. The models are built without re-validation
(``model_construct``): every value comes from the planner with its type; reading a plan back
validates it (loading/plans.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from migrasi.core.decimals import whole
from migrasi.core.models import STRATEGIES, DataCenter
from migrasi.core.plan import Blocked, Plan, SystemPlan
from migrasi.core.plandoc import (
    Assumptions,
    BlackoutDoc,
    BlockedDoc,
    Bound,
    Diagnostic,
    GroupDoc,
    InputFile,
    Load,
    MoneyDoc,
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


def _blocked(b: Blocked) -> BlockedDoc:
    return BlockedDoc.model_construct(
        wave=b.wave, reason=b.reason, ref=b.ref, dimension=b.dimension
    )


def _system(s: SystemPlan) -> SystemDoc:
    f = s.money
    money = MoneyDoc.model_construct(
        external_monthly=f.external_monthly,
        internal_monthly=f.internal_monthly,
        monthly_saving=f.monthly_saving,
        one_time=f.one_time,
        termination_fee=f.termination_fee,
        baseline=f.baseline,
        first_saving_month=f.first_saving_month,
        by_year={str(y): v for y, v in sorted(f.by_year.items())},
        net_savings=f.net_savings,
        npv=f.npv,
        kept_in_jambi=f.kept_in_jambi,
    )
    return SystemDoc.model_construct(
        ref=s.ref,
        region=s.region,
        owner=s.owner,
        status=s.status,
        strategy=s.strategy,
        wave=s.wave,
        cutover=s.cutover,
        group=s.group,
        deadline=s.deadline,
        late=s.late,
        end_early=s.end_early,
        blocked_by=[_blocked(b) for b in s.blocked_by],
        money=money,
    )


def assumptions(dc: DataCenter) -> Assumptions:
    """Every setting the figures rest on, for readers of the plan and the summary sheet."""
    s, f, rc = dc.schedule, dc.finance, dc.running_cost
    pilot = None
    if s.pilot is not None:
        pilot = PilotDoc.model_construct(
            max_systems=s.pilot.max_systems,
            criticality=list(s.pilot.criticality),
            personal_data=s.pilot.personal_data,
        )
    return Assumptions.model_construct(
        datacenter=dc.name,
        start=s.start,
        wave_weeks=s.wave_weeks,
        waves=s.waves,
        team_days=s.team_days,
        link_mbps=s.link_mbps,
        transfer_hours=s.transfer_hours,
        max_critical=s.max_critical,
        compliance_deadline=s.compliance_deadline,
        pilot=pilot,
        blackouts=[
            BlackoutDoc.model_construct(from_=b.from_, to=b.to, reason=b.reason)
            for b in s.blackouts
        ],
        horizon_months=f.horizon_months,
        discount_rate=f.discount_rate,
        labour_cost_per_day=f.labour_cost_per_day,
        fx=dict(sorted(f.fx.items())),
        running_cost=RunningCostDoc.model_construct(
            currency=rc.currency,
            per_vcpu=rc.per_vcpu,
            per_ram_gb=rc.per_ram_gb,
            per_storage_gb=rc.per_storage_gb,
            per_system=rc.per_system,
        ),
        effort_days={k: dc.effort_days.of(k) for k in STRATEGIES if k != "retain"},
    )


def monthly(plan: Plan) -> Monthly:
    """The saving of every month: each system's month rounded, summed per region and overall."""
    t = plan.timeline
    regions: dict[str, list[int]] = {}
    for ref in sorted(plan.systems):
        s = plan.systems[ref]
        row = regions.setdefault(s.region, [0] * t.horizon)
        for m, v in enumerate(s.cash.savings):
            if v:
                row[m] += whole(v)
    programme = [sum(r[m] for r in regions.values()) for m in range(t.horizon)]
    return Monthly.model_construct(
        months=[t.label(m) for m in range(t.horizon)],
        programme=programme,
        by_region=dict(sorted(regions.items())),
    )


def _totals(plan: Plan) -> Totals:
    t = plan.totals
    return Totals.model_construct(
        baseline=t.baseline,
        net_savings=t.net_savings,
        npv=t.npv,
        one_time=t.one_time,
        termination_fees=t.termination_fees,
        kept_in_jambi=t.kept_in_jambi,
        payback_month=t.payback_month,
        by_year={str(y): v for y, v in sorted(t.by_year.items())},
        dc_running_cost_by_year={str(y): v for y, v in sorted(t.dc_running_cost_by_year.items())},
        by_region={
            r: RegionTotals.model_construct(
                baseline=v["baseline"],
                net_savings=v["net_savings"],
                npv=v["npv"],
                kept_in_jambi=v["kept_in_jambi"],
            )
            for r, v in t.by_region.items()
        },
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
    proven = None
    if plan.exact is not None:
        proven = Proven.model_construct(
            npv=plan.exact.bound,
            gap=plan.exact.gap,
            optimal=plan.exact.optimal,
            relaxed_npv=plan.exact.relaxed,
        )
    waves = [
        WaveDoc.model_construct(
            wave=w.wave.number,
            start=w.wave.start,
            cutover=w.wave.cutover,
            open=w.wave.open,
            pilot=w.wave.pilot,
            systems=list(w.systems),
            load=Load.model_construct(None, **w.load),
        )
        for w in plan.waves
    ]
    return PlanDoc.model_construct(
        schema_="migrasi/plan/v1",
        mode=plan.mode,
        inputs=[InputFile.model_construct(file=f, sha256=h) for f, h in inputs],
        waves=waves,
        groups=[
            GroupDoc.model_construct(id=g, systems=list(m)) for g, m in sorted(plan.groups.items())
        ],
        systems=[_system(plan.systems[r]) for r in sorted(plan.systems)],
        totals=_totals(plan),
        bound=Bound.model_construct(npv=plan.bound_npv, gap=plan.gap),
        proven=proven,
        diagnostics=list(diagnostics),
        monthly=monthly(plan),
        assumptions=assumptions(dc),
        regions=dict(sorted(regions.items())),
    )
