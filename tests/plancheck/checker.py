"""check_plan: every promise planning.md, money.md and outputs.md make about a plan.json."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from migrasi.core.programme import Inputs
from tests.plancheck.build import expected_doc, gaps
from tests.plancheck.programme import Fixed, Programme
from tests.plancheck.rules import all_violations
from tests.plancheck.state import ZERO, Assign, PlanState

SCHEMA = "migrasi/plan/v1"


def diff(where: str, got: object, want: object, out: list[str]) -> None:
    """Append every difference between ``got`` and ``want`` (types compared strictly)."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            out.append(f"{where}: is {got!r}, expected a mapping {want!r}")
            return
        if list(got) != list(want) and set(got) != set(want):
            out.append(f"{where}: keys {sorted(got)}, expected {sorted(want)}")
        for key, value in want.items():
            if key in got:
                diff(f"{where}.{key}", got[key], value, out)
        return
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            out.append(f"{where}: is {got!r}, expected {want!r}")
            return
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            diff(f"{where}[{i}]", g, w, out)
        return
    if type(got) is not type(want) or got != want:
        out.append(f"{where}: is {got!r}, expected {want!r}")


def _sorted_check(name: str, keys: list[Any], out: list[str]) -> None:
    """Report a list that is not strictly sorted (code-point order, no repeats)."""
    if any(not a < b for a, b in itertools.pairwise(keys)):
        out.append(f"{name} are not sorted (or repeat): {keys}")


def _assignment(prog: Programme, systems: list[Any], out: list[str]) -> Assign | None:
    """The waves the plan gives the planned systems; None when they cannot be read."""
    by_ref = {s.get("ref"): s for s in systems if isinstance(s, dict)}
    refs = [s.get("ref") for s in systems if isinstance(s, dict)]
    _sorted_check("systems", refs, out)
    missing = sorted(set(prog.refs) - set(by_ref))
    extra = sorted(str(r) for r in set(by_ref) - set(prog.refs))
    if missing:
        out.append(f"systems missing from the plan: {missing}")
    if extra:
        out.append(f"systems in the plan that the inputs do not have: {extra}")
    assign: Assign = {}
    readable = True
    last = len(prog.waves)
    for ref in prog.refs:
        entry = by_ref.get(ref)
        if entry is None:
            readable = readable and not prog.units[ref].planned
            continue
        status = entry.get("status")
        if not prog.units[ref].planned:
            if status != "retained":
                out.append(f"{ref}: status {status!r}, expected 'retained' (strategy retain)")
            continue
        fixed = prog.fixed.get(ref)
        if fixed is not None:
            _fixed_check(ref, fixed, entry, out)
            continue
        wave = entry.get("wave")
        in_progress = prog.units[ref].status == "in_progress"
        expected = ("in_progress",) if in_progress else ("scheduled", "unscheduled")
        if status not in expected:
            out.append(f"{ref}: status {status!r}, expected one of {list(expected)}")
        if wave is None and status in ("unscheduled", "in_progress"):
            assign[ref] = None
        elif type(wave) is int and 1 <= wave <= last:
            assign[ref] = wave
        else:
            out.append(f"rule 1 (open): {ref} is {status} in wave {wave!r}, not a wave")
            readable = False
    return assign if readable else None


def _fixed_check(ref: str, fixed: Fixed, entry: Mapping[str, Any], out: list[str]) -> None:
    """A fixed system stays where the record puts it (progress.md)."""
    got = (entry.get("status"), entry.get("wave"), entry.get("cutover"))
    want = (fixed.status, fixed.wave, fixed.cutover.isoformat())
    if got != want:
        out.append(
            f"fixed system {ref}: the record puts it (status, wave, cutover) {want}, "
            f"the plan has {got}"
        )


def check_plan(doc: Mapping[str, Any], inputs: Inputs, min_gain: Decimal = ZERO) -> list[str]:
    """Every way ``doc`` (a parsed plan.json) breaks the spec for ``inputs``; empty when none.
    ``min_gain``: the plan was kept close to an earlier one (``--keep``), so it need only be
    closed against moves that raise the NPV by more than that (keep.py checks the rest)."""
    prog = Programme(inputs)
    out: list[str] = []
    if doc.get("schema") != SCHEMA:
        out.append(f"schema is {doc.get('schema')!r}, expected {SCHEMA!r}")
    as_of = None if prog.shown_as_of is None else prog.shown_as_of.isoformat()
    if doc.get("as_of", "absent") != as_of:
        out.append(f"as_of is {doc.get('as_of', 'absent')!r}, expected {as_of!r}")
    systems = doc.get("systems")
    if not isinstance(systems, list):
        return [*out, "systems is not a list"]
    assign = _assignment(prog, systems, out)
    if assign is None:
        return out
    st = PlanState(prog, assign)
    out.extend(all_violations(st, min_gain))
    want = expected_doc(prog, assign)

    waves = doc.get("waves")
    if isinstance(waves, list):
        _sorted_check("waves", [w.get("wave") for w in waves if isinstance(w, dict)], out)
    diff("waves", waves, want["waves"], out)
    groups = doc.get("groups")
    if isinstance(groups, list):
        _sorted_check("groups", [g.get("id") for g in groups if isinstance(g, dict)], out)
    diff("groups", groups, want["groups"], out)

    by_ref = {s.get("ref"): s for s in systems if isinstance(s, dict)}
    want_systems = want["systems"]
    assert isinstance(want_systems, list)
    for entry in want_systems:
        ref = entry["ref"]
        got = by_ref.get(ref)
        if got is None:
            continue
        if entry["status"] == "retained" and got.get("deadline") is not None:
            # A retained system is not planned: its deadline may be shown or left null.
            u = prog.units[ref]
            deadline = None if u.deadline is None else u.deadline.isoformat()
            entry = {**entry, "deadline": deadline}  # noqa: PLW2901
        diff(f"systems[{ref}]", got, entry, out)

    diff("totals", doc.get("totals"), want["totals"], out)
    diff("monthly", doc.get("monthly"), want["monthly"], out)

    out.extend(_bound(doc, want))
    out.extend(_diagnostics(doc, want))
    return out


def _bound(doc: Mapping[str, Any], want: Mapping[str, Any]) -> list[str]:
    """The bound's NPV as the spec computes it, at least the plan's, and the gap it gives."""
    out: list[str] = []
    bound = doc.get("bound")
    want_bound = want["bound"]
    assert isinstance(want_bound, dict)
    if not isinstance(bound, dict):
        out.append(f"bound is {bound!r}, expected a mapping")
    else:
        diff("bound.npv", bound.get("npv"), want_bound["npv"], out)
        totals = doc.get("totals")
        npv = totals.get("npv") if isinstance(totals, dict) else None
        if isinstance(npv, int) and isinstance(bound.get("npv"), int):
            if bound["npv"] < npv:
                out.append(f"bound.npv {bound['npv']} is below the plan's npv {npv}")
            allowed = gaps(bound["npv"], npv)
            if bound.get("gap") not in allowed:
                out.append(f"bound.gap is {bound.get('gap')!r}, expected one of {sorted(allowed)}")
    return out


def _diagnostics(doc: Mapping[str, Any], want: Mapping[str, Any]) -> list[str]:
    """W309 for each late system, W310 for each unscheduled one and W312 for each fixed system
    cut over early or apart from its group, at the system's id."""
    got = doc.get("diagnostics")
    if not isinstance(got, list):
        return [f"diagnostics is {got!r}, expected a list"]
    codes = ("W309", "W310", "W312")
    have = sorted(
        (str(d.get("file")), str(d.get("path")), str(d.get("code")))
        for d in got
        if isinstance(d, dict) and d.get("code") in codes
    )
    need = sorted((str(d["file"]), str(d["path"]), str(d["code"])) for d in want["diagnostics"])
    out: list[str] = []
    for item in sorted(set(need) - set(have)):
        out.append(f"diagnostics: missing {item[2]} at {item[0]} {item[1]}")
    for item in sorted(set(have) - set(need)):
        out.append(f"diagnostics: unexpected {item[2]} at {item[0]} {item[1]}")
    if len(have) != len(set(have)):
        out.append("diagnostics: a W309, W310 or W312 is reported twice")
    return out
