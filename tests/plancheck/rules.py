"""The rules of planning.md as violation finders over a PlanState."""

from __future__ import annotations

from decimal import Decimal

from tests.plancheck.money import exact
from tests.plancheck.programme import DIMENSIONS
from tests.plancheck.state import ZERO, PlanState, over_capacity

OWN_RULE = {"pin": "rule 4 (pin)", "not_before": "rule 4 (not_before)", "freeze": "rule 9 (freeze)"}


def rule_violations(st: PlanState) -> list[str]:
    """Rules 1–11, and that what depends on an unscheduled system is unscheduled.

    Fixed systems (progress.md) are where the record puts them and nothing is checked against
    them: rules 1, 4–10 bind future waves only, and a fixed dependency is already there.
    """
    prog = st.prog
    out: list[str] = []
    last = len(prog.waves)
    for ref in prog.free:
        w = st.assign.get(ref)
        if w is None:
            continue
        if not 1 <= w <= last or not prog.wave(w).open:
            out.append(f"rule 1 (open): {ref} is in wave {w}, which is not an open wave")
            continue
        if prog.wave(w).started:
            out.append(f"rule 11 (not in the past): {ref} is not fixed but in started wave {w}")
            continue
        own = prog.own_failure(ref, w)
        if own == "pilot":
            out.append(f"rule 8 (pilot): {ref} is not eligible for the pilot wave {w}")
        elif own is not None:
            out.append(f"{OWN_RULE[own]}: {ref} may not be in wave {w}")
        for dep in prog.units[ref].depends_on:
            if dep in prog.fixed:
                continue
            dw = st.assign.get(dep)
            if dw is None:
                out.append(f"unscheduled rule: {ref} depends on unscheduled {dep} but is scheduled")
            elif dw > w:
                out.append(f"rule 3 (dependencies): {ref} (wave {w}) depends on {dep} (wave {dw})")
    for gid in prog.group_ids:
        waves = {st.assign.get(r) for r in prog.members[gid]}
        if len(waves) > 1:
            out.append(
                f"rule 2 (groups): members of group {gid} are in waves {sorted(map(str, waves))}"
            )
    with exact():
        for k in range(1, last + 1):
            wave = prog.wave(k)
            if wave.started:
                continue
            if wave.pilot and prog.pilot_max is not None and st.count[k] > prog.pilot_max:
                out.append(f"rule 8 (pilot): pilot wave {k} holds {st.count[k]} systems")
            if prog.max_critical is not None and st.critical[k] > prog.max_critical:
                out.append(f"rule 10 (critical): wave {k} holds {st.critical[k]} critical systems")
            if st.effort[k] > prog.team_days:
                out.append(f"rule 5 (team): wave {k} needs {st.effort[k]} team days")
            if st.bits[k] > prog.bits_limit:
                out.append(f"rule 6 (transfer): wave {k} copies {st.bits[k] / 8000} GB, too much")
            for d in range(3):
                free = st.cumulative[k][d]
                if over_capacity(prog, k, d, free):
                    fixed = prog.fixed_use[d]
                    note = f" ({fixed} of it by fixed systems)" if fixed else ""
                    out.append(
                        f"rule 7 (capacity): {DIMENSIONS[d]} {fixed + free} in use by "
                        f"wave {k} exceeds {prog.capacity[k - 1][d]}{note}"
                    )
    return out


def deadline_violations(st: PlanState) -> list[str]:
    """Late systems whose group could move alone to a wave on or before the deadline."""
    prog = st.prog
    out: list[str] = []
    for ref in prog.free:
        w = st.assign.get(ref)
        deadline = prog.deadline_of(ref)
        if w is None or deadline is None or not 1 <= w <= len(prog.waves):
            continue
        if prog.wave(w).cutover <= deadline:
            continue
        gid = prog.group_of[ref]
        for j in prog.future_waves:
            if prog.wave(j).cutover <= deadline and j != w and st.can_place(gid, j):
                out.append(
                    f"deadline rule: {ref} is late in wave {w} (deadline {deadline}) but its "
                    f"group {gid} could move to wave {j}"
                )
                break
    return out


def unscheduled_violations(st: PlanState) -> list[str]:
    """Unscheduled groups that some open wave could take given the rest of the plan."""
    prog = st.prog
    out: list[str] = []
    for gid in prog.group_ids:
        if any(st.assign.get(r) is not None for r in prog.members[gid]):
            continue
        for j in prog.future_waves:
            if st.can_place(gid, j):
                out.append(f"unscheduled rule: group {gid} is unscheduled but fits in wave {j}")
                break
    return out


def left_shift_violations(st: PlanState, min_gain: Decimal = ZERO) -> list[str]:
    """Groups that could move alone to an earlier wave, all rules kept, and the NPV rising (by
    more than ``min_gain``: the weaker closure of a plan kept close to an earlier one)."""
    prog = st.prog
    out: list[str] = []
    for gid in prog.group_ids:
        w = st.wave_of(gid)
        if w is None or not 1 <= w <= len(prog.waves):
            continue
        here = prog.group_npv(gid, w)
        for j in prog.future_waves:
            if j >= w or not st.can_place(gid, j):
                continue
            there = prog.group_npv(gid, j)
            if there - here <= min_gain:
                continue
            shifted = st.moved(gid, j)
            if deadline_violations(shifted) or unscheduled_violations(shifted):
                continue
            out.append(
                f"left-shift closure: group {gid} could move from wave {w} to wave {j} "
                f"(exact NPV {here} → {there})"
            )
            break
    return out


def all_violations(st: PlanState, min_gain: Decimal = ZERO) -> list[str]:
    """Every rule of planning.md a plan must keep (closed against moves that gain more than
    ``min_gain``)."""
    return [
        *rule_violations(st),
        *deadline_violations(st),
        *unscheduled_violations(st),
        *left_shift_violations(st, min_gain),
    ]


def valid(st: PlanState) -> bool:
    """Whether the plan keeps every rule, the deadline rule and the unscheduled rule."""
    return not (rule_violations(st) or deadline_violations(st) or unscheduled_violations(st))
