"""The plan document of a plan: its parts as the planner made them, with what they rest on —
the input files, the diagnostics, every assumption, the regions.

Renderers read the document and only format it. The models are built without re-validation
(``model_construct``): every value comes from the planner with its type; reading a plan back
validates it (loading/plans.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from migrasi.core.models import STRATEGIES, DataCenter
from migrasi.core.plan import Plan
from migrasi.core.plandoc import (
    Assumptions,
    BlackoutDoc,
    Diagnostic,
    InputFile,
    PilotDoc,
    PlanDoc,
    RegionDoc,
    RunningCostDoc,
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
