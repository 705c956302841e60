"""The plan as ``plan.json`` (outputs.md): integers for money, 4-place strings for decimals."""

from __future__ import annotations

import json
from decimal import Decimal

from migrasi.core.exact import rounded, whole
from migrasi.core.findings import Finding
from migrasi.core.models import DataCenter
from migrasi.core.plan import Blocked, Plan, SystemPlan
from migrasi.render.reporters import finding_dict

SCHEMA = "migrasi/plan/v1"
EFFORT_KEYS = ("rehost", "replatform", "refactor", "repurchase", "retire")


def dec4(value: Decimal) -> str:
    """A non-integer figure as a decimal string with 4 places."""
    return f"{rounded(value, Decimal('0.0001')):f}"


def number(value: Decimal) -> int | str:
    """An integer as a JSON integer, anything else as a 4-place string."""
    return int(value) if value == value.to_integral_value() else dec4(value)


def _blocked(b: Blocked) -> dict[str, object]:
    out: dict[str, object] = {"wave": b.wave, "reason": b.reason}
    if b.ref is not None:
        out["ref"] = b.ref
    if b.dimension is not None:
        out["dimension"] = b.dimension
    return out


def _system(s: SystemPlan) -> dict[str, object]:
    f = s.money
    return {
        "ref": s.ref,
        "region": s.region,
        "owner": s.owner,
        "status": s.status,
        "strategy": s.strategy,
        "wave": s.wave,
        "cutover": s.cutover.isoformat() if s.cutover else None,
        "group": s.group,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "late": s.late,
        "end_early": s.end_early,
        "blocked_by": [_blocked(b) for b in s.blocked_by],
        "money": {
            "external_monthly": f.external_monthly,
            "internal_monthly": f.internal_monthly,
            "monthly_saving": f.monthly_saving,
            "one_time": f.one_time,
            "termination_fee": f.termination_fee,
            "baseline": f.baseline,
            "first_saving_month": f.first_saving_month,
            "by_year": {str(y): v for y, v in sorted(f.by_year.items())},
            "net_savings": f.net_savings,
            "npv": f.npv,
            "kept_in_jambi": f.kept_in_jambi,
        },
    }


def assumptions(dc: DataCenter) -> dict[str, object]:
    """Every setting the figures rest on, for the summary sheet and for readers of the plan."""
    s, f, rc = dc.schedule, dc.finance, dc.running_cost
    return {
        "datacenter": dc.name,
        "start": s.start.isoformat(),
        "wave_weeks": s.wave_weeks,
        "waves": s.waves,
        "team_days": number(s.team_days),
        "link_mbps": number(s.link_mbps),
        "transfer_hours": number(s.transfer_hours),
        "max_critical": s.max_critical,
        "compliance_deadline": s.compliance_deadline.isoformat() if s.compliance_deadline else None,
        "pilot": None
        if s.pilot is None
        else {
            "max_systems": s.pilot.max_systems,
            "criticality": list(s.pilot.criticality),
            "personal_data": s.pilot.personal_data,
        },
        "blackouts": [
            {"from": b.from_.isoformat(), "to": b.to.isoformat(), "reason": b.reason}
            for b in s.blackouts
        ],
        "horizon_months": f.horizon_months,
        "discount_rate": dec4(f.discount_rate),
        "labour_cost_per_day": number(f.labour_cost_per_day),
        "fx": {k: number(v) for k, v in sorted(f.fx.items())},
        "running_cost": {
            "currency": rc.currency,
            "per_vcpu": number(rc.per_vcpu),
            "per_ram_gb": number(rc.per_ram_gb),
            "per_storage_gb": number(rc.per_storage_gb),
            "per_system": number(rc.per_system),
        },
        "effort_days": {k: number(dc.effort_days.of(k)) for k in EFFORT_KEYS},
    }


def monthly(plan: Plan) -> dict[str, object]:
    """The saving of every month: each system's month rounded, summed per region and overall."""
    t = plan.timeline
    regions: dict[str, list[int]] = {}
    for ref in sorted(plan.systems):
        s = plan.systems[ref]
        row = regions.setdefault(s.region, [0] * t.horizon)
        for m, v in enumerate(s.cash.savings):
            row[m] += whole(v)
    programme = [sum(r[m] for r in regions.values()) for m in range(t.horizon)]
    return {
        "months": [t.label(m) for m in range(t.horizon)],
        "programme": programme,
        "by_region": dict(sorted(regions.items())),
    }


def plan_dict(
    plan: Plan,
    inputs: list[tuple[str, str]],
    diagnostics: list[Finding],
    lang: str,
    dc: DataCenter | None = None,
    regions: dict[str, dict[str, str]] | None = None,
) -> dict[str, object]:
    """The plan document as JSON-ready data; ``inputs`` are (file, sha256) in path order."""
    t = plan.totals
    return {
        "schema": SCHEMA,
        "mode": plan.mode,
        "inputs": [{"file": f, "sha256": h} for f, h in inputs],
        "waves": [
            {
                "wave": w.wave.number,
                "start": w.wave.start.isoformat(),
                "cutover": w.wave.cutover.isoformat(),
                "open": w.wave.open,
                "pilot": w.wave.pilot,
                "systems": list(w.systems),
                "load": {
                    "systems": len(w.systems),
                    "critical": w.critical,
                    "effort_days": dec4(w.effort_days),
                    "transfer_hours": dec4(w.transfer_hours),
                    "vcpu": number(w.vcpu),
                    "ram_gb": dec4(w.ram_gb),
                    "storage_gb": dec4(w.storage_gb),
                },
            }
            for w in plan.waves
        ],
        "groups": [{"id": gid, "systems": list(m)} for gid, m in sorted(plan.groups.items())],
        "systems": [_system(plan.systems[r]) for r in sorted(plan.systems)],
        "totals": {
            "baseline": t.baseline,
            "net_savings": t.net_savings,
            "npv": t.npv,
            "one_time": t.one_time,
            "termination_fees": t.termination_fees,
            "kept_in_jambi": t.kept_in_jambi,
            "payback_month": t.payback_month,
            "by_year": {str(y): v for y, v in sorted(t.by_year.items())},
            "dc_running_cost_by_year": {
                str(y): v for y, v in sorted(t.dc_running_cost_by_year.items())
            },
            "by_region": t.by_region,
        },
        "bound": {"npv": plan.bound_npv, "gap": dec4(plan.gap)},
        **(
            {
                "proven": {
                    "npv": plan.exact.bound,
                    "gap": dec4(plan.exact.gap),
                    "optimal": plan.exact.optimal,
                    "relaxed_npv": plan.exact.relaxed,
                }
            }
            if plan.exact is not None
            else {}
        ),
        "diagnostics": [finding_dict(f, lang) for f in diagnostics],
        "monthly": monthly(plan),
        **({"assumptions": assumptions(dc)} if dc is not None else {}),
        **({"regions": dict(sorted(regions.items()))} if regions else {}),
    }


def plan_json(doc: dict[str, object]) -> str:
    """The plan document as text: fixed key order, ``indent=2``, a final newline."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
