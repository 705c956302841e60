"""What a plan says of the record (progress.md): W312 for a fixed system cut over before
something it depends on, or apart from its move group."""

from __future__ import annotations

from tests.plancheck.programme import Programme
from tests.plancheck.state import PlanState

Place = int | None
"""A wave for comparing move-group members: 0 for a cutover before wave 1, None for none."""


def _place(st: PlanState, ref: str) -> Place:
    """Where ``ref`` is for W312: its wave, 0 when it was cut over before wave 1."""
    prog = st.prog
    fixed = prog.fixed.get(ref)
    if fixed is None:
        return st.assign.get(ref)
    if fixed.wave is None and fixed.cutover < prog.waves[0].start:
        return 0
    return fixed.wave


def _early(prog: Programme, ref: str) -> bool:
    """Whether fixed ``ref`` was cut over before something it depends on directly: a dependency
    cut over on a later day, or not fixed (not cut over yet, or only in a future wave)."""
    cutover = prog.fixed[ref].cutover
    for dep in prog.units[ref].depends_on:
        other = prog.fixed.get(dep)
        if other is None or other.cutover > cutover:
            return True
    return False


def w312_refs(st: PlanState) -> list[str]:
    """The fixed systems that the plan must mark with W312, sorted."""
    prog = st.prog
    out: list[str] = []
    for ref in sorted(prog.fixed):
        gid = prog.scc_of[ref]
        here = _place(st, ref)
        apart = any(
            _place(st, other) != here
            for other in prog.planned
            if other != ref and prog.scc_of[other] == gid
        )
        if apart or _early(prog, ref):
            out.append(ref)
    return out
