"""The plan.json a given assignment must produce, computed from the spec alone."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from tests.plancheck.money import Member, Outcome, exact, monthly, totals
from tests.plancheck.programme import Programme
from tests.plancheck.record import w312_refs
from tests.plancheck.state import Assign, Entry, PlanState

FOUR = Decimal("0.0001")


def four(value: Decimal, rounding: str = ROUND_HALF_UP) -> str:
    """``value`` as a decimal string with 4 places."""
    return format(value.quantize(FOUR, rounding=rounding), "f")


def load_of(st: PlanState, wave: int) -> dict[str, object]:
    """The ``load`` block of one wave: what its own systems need."""
    prog = st.prog
    refs = st.in_wave(wave)
    units = [prog.units[r] for r in refs]
    with exact():
        vcpu = sum((u.use[0] for u in units), Decimal(0))
        ram = sum((u.use[1] for u in units), Decimal(0))
        storage = sum((u.use[2] for u in units), Decimal(0))
        hours = st.bits[wave] / (prog.dc.schedule.link_mbps * 3600)
    return {
        "systems": len(units),
        "critical": sum(u.critical for u in units),
        "effort_days": four(st.effort[wave]),
        "transfer_hours": four(hours),
        "vcpu": int(vcpu),
        "ram_gb": four(ram),
        "storage_gb": four(storage),
    }


def blocked_by(st: PlanState, ref: str) -> list[Entry]:
    """For a scheduled system every open wave before its own, for an unscheduled one every one;
    nothing for a fixed system (progress.md)."""
    if ref in st.prog.fixed:
        return []
    w = st.assign.get(ref)
    waves = [j for j in st.prog.open_waves if w is None or j < w]
    return [st.reason(ref, j) for j in waves]


def bound_of(prog: Programme) -> int:
    """The upper bound of planning.md with progress.md's fixed systems: each fixed system its own
    rounded NPV at its recorded cutover; each group (its members that are not fixed) alone in its
    best own-allowed future wave, or 0."""
    total = prog.fixed_value()
    for gid in prog.group_ids:
        best: int | None = None
        best_npv: Decimal | None = None
        for j in prog.future_waves:
            if not prog.allowed(gid, j):
                continue
            npv = prog.group_npv(gid, j)
            if best_npv is None or npv > best_npv:
                best_npv, best = npv, j
        if best is not None:
            total += max(0, prog.group_value(gid, best))
    return total


def gaps(bound: int, npv: int) -> set[str]:
    """The gap written with 4 places (half-up or half-even: the spec does not say which)."""
    if bound == 0:
        return {"0.0000"}
    with exact():
        exact_gap = Decimal(bound - npv) / abs(Decimal(bound))
    return {four(exact_gap, ROUND_HALF_UP), four(exact_gap, ROUND_HALF_EVEN)}


def system_entry(st: PlanState, ref: str) -> dict[str, object]:
    """The expected plan.json entry of one system."""
    prog = st.prog
    u = prog.units[ref]
    s = u.system
    entry: dict[str, object] = {
        "ref": ref,
        "region": u.region,
        "owner": s.owner,
        "status": "retained",
        "strategy": s.migration.strategy,
        "wave": None,
        "cutover": None,
        "group": None,
        "deadline": None,
        "late": False,
        "end_early": False,
        "blocked_by": [],
        "money": prog.outcome(ref, None).figures(prog.timeline),
    }
    if not u.planned:
        return entry
    entry["deadline"] = None if u.deadline is None else u.deadline.isoformat()
    entry["blocked_by"] = blocked_by(st, ref)
    fixed = prog.fixed.get(ref)
    if fixed is not None:
        status, w, cutover = fixed.status, fixed.wave, fixed.cutover
        o = prog.fixed_outcome(ref)
    else:
        w = st.assign.get(ref)
        # progress.md: an in_progress system pinned to a future wave is in_progress too.
        status = "in_progress" if u.status == "in_progress" else "scheduled"
        if w is None:
            entry["status"] = "unscheduled" if status == "scheduled" else status
            return entry
        cutover = prog.wave(w).cutover
        o = prog.outcome(ref, w)
    gid = prog.scc_of[ref]
    entry.update(
        status=status,
        wave=w,
        cutover=cutover.isoformat(),
        group=gid if prog.scc_size[gid] > 1 else None,
        late=u.deadline is not None and cutover > u.deadline,
        end_early=o.end_early,
        money=o.figures(prog.timeline),
    )
    return entry


def outcome_in(st: PlanState, ref: str) -> Outcome:
    """The money of ``ref`` in the plan: at its recorded cutover when fixed, else in its wave."""
    if ref in st.prog.fixed:
        return st.prog.fixed_outcome(ref)
    return st.prog.outcome(ref, st.assign.get(ref))


def expected_doc(prog: Programme, assign: Assign) -> dict[str, object]:
    """The whole plan.json of ``assign`` (diagnostics: only W309, W310 and W312, without
    places)."""
    st = PlanState(prog, assign)
    waves = [
        {
            "wave": w.number,
            "start": w.start.isoformat(),
            "cutover": w.cutover.isoformat(),
            "open": w.open,
            "pilot": w.pilot,
            "started": w.started,
            "ended": w.ended,
            "systems": st.in_wave(w.number),
            "load": load_of(st, w.number),
        }
        for w in prog.waves
    ]
    groups = [
        {"id": gid, "systems": sorted(r for r in prog.planned if prog.scc_of[r] == gid)}
        for gid in sorted(set(prog.scc_of.values()))
        if prog.scc_size[gid] > 1
    ]
    systems = [system_entry(st, ref) for ref in prog.refs]
    members = {ref: Member(prog.units[ref].region, outcome_in(st, ref)) for ref in prog.refs}
    total = totals(prog.timeline, members)
    statuses = [str(entry["status"]) for entry in systems]
    kinds = ("done", "in_progress", "scheduled", "unscheduled", "retained")
    total["progress"] = {k: statuses.count(k) for k in kinds}
    bound = bound_of(prog)
    npv = total["npv"]
    assert isinstance(npv, int)
    diagnostics: list[dict[str, object]] = []
    recorded = set(w312_refs(st))
    for entry in systems:
        ref = str(entry["ref"])
        u = prog.units[ref]
        unscheduled = ref in prog.free and assign.get(ref) is None
        codes = ["W309"] if entry["late"] else ["W310"] if unscheduled else []
        codes += ["W312"] if ref in recorded else []
        for code in codes:
            if code in u.system.accepted_warnings:
                continue
            diagnostics.append(
                {
                    "file": u.file,
                    "line": None,
                    "column": None,
                    "severity": "warning",
                    "code": code,
                    "path": f"systems[{u.index}].id",
                    "message": "",
                }
            )
    return {
        "schema": "migrasi/plan/v1",
        "mode": "heuristic",
        "as_of": None if prog.shown_as_of is None else prog.shown_as_of.isoformat(),
        "inputs": [],
        "waves": waves,
        "groups": groups,
        "systems": systems,
        "totals": total,
        "bound": {"npv": bound, "gap": min(gaps(bound, npv))},
        "diagnostics": diagnostics,
        "monthly": monthly(prog.timeline, members),
    }
