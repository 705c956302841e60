"""A plan as an assignment of planned systems to waves, with the loads the rules look at."""

from __future__ import annotations

from decimal import Decimal

from tests.plancheck.money import exact
from tests.plancheck.programme import DIMENSIONS, Programme, Use

ZERO = Decimal(0)

Assign = dict[str, int | None]
"""Planned ref that is not fixed → its wave, or None when unscheduled."""

Entry = dict[str, object]
"""One ``blocked_by`` entry of plan.json."""


class PlanState:
    """The per-wave loads of one assignment, for judging rules and moves.

    Fixed systems (progress.md) are where the record puts them: they add to the loads of the
    started waves that hold them, and to every future wave's capacity through ``prog.fixed_use``;
    ``cumulative`` counts the systems that are not fixed alone.
    """

    def __init__(self, prog: Programme, assign: Assign) -> None:
        self.prog = prog
        self.assign: Assign = dict(assign)
        size = len(prog.waves) + 1
        self.count = [0] * size
        self.critical = [0] * size
        self.effort = [ZERO] * size
        self.bits = [ZERO] * size
        self.placed: Assign = {ref: f.wave for ref, f in prog.fixed.items()}
        """Every planned ref's wave: the record for fixed systems, ``assign`` for the others."""
        self.placed.update(self.assign)
        added: list[list[Decimal]] = [[ZERO, ZERO, ZERO] for _ in range(size)]
        with exact():
            for ref, w in self.placed.items():
                if w is None or not 1 <= w < size:
                    continue
                u = prog.units[ref]
                self.count[w] += 1
                self.critical[w] += u.critical
                self.effort[w] += u.effort
                self.bits[w] += u.bits
                if ref in prog.fixed:
                    continue
                for d in range(3):
                    added[w][d] += u.use[d]
            self.cumulative: list[Use] = [(ZERO, ZERO, ZERO)]
            for k in range(1, size):
                prev = self.cumulative[-1]
                self.cumulative.append(
                    (prev[0] + added[k][0], prev[1] + added[k][1], prev[2] + added[k][2])
                )

    def wave_of(self, gid: str) -> int | None:
        """The wave of a move group (that of its first member)."""
        return self.assign.get(self.prog.members[gid][0])

    def in_wave(self, wave: int) -> list[str]:
        """The refs in ``wave``, sorted."""
        return sorted(ref for ref, w in self.placed.items() if w == wave)

    def dependency_failure(self, gid: str, wave: int) -> str | None:
        """The smallest ref the group depends on that is not in ``wave`` or before."""
        for ref in self.prog.group_needs[gid]:
            w = self.assign.get(ref)
            if w is None or w > wave:
                return ref
        return None

    def limit_failure(self, gid: str, wave: int) -> tuple[str, str | None] | None:
        """The first of pilot_full, critical, team_days, transfer_hours, capacity that fails."""
        prog = self.prog
        refs = prog.members[gid]
        units = [prog.units[r] for r in refs]
        current = self.wave_of(gid)
        same = current == wave
        with exact():
            n = len(units)
            crit = sum(u.critical for u in units)
            effort = ZERO
            bits = ZERO
            use = [ZERO, ZERO, ZERO]
            for u in units:
                effort += u.effort
                bits += u.bits
                for d in range(3):
                    use[d] += u.use[d]
            others = self.count[wave] - (n if same else 0)
            if prog.wave(wave).pilot and prog.pilot_max is not None and others + n > prog.pilot_max:
                return "pilot_full", None
            crit_others = self.critical[wave] - (crit if same else 0)
            if prog.max_critical is not None and crit_others + crit > prog.max_critical:
                return "critical", None
            effort_others = self.effort[wave] - (effort if same else ZERO)
            if effort_others + effort > prog.team_days:
                return "team_days", None
            bits_others = self.bits[wave] - (bits if same else ZERO)
            if bits_others + bits > prog.bits_limit:
                return "transfer_hours", None
            for d in range(3):
                for k in range(wave, len(prog.waves) + 1):
                    free = self.cumulative[k][d] + use[d]
                    if current is not None and current <= k:
                        free -= use[d]
                    if over_capacity(prog, k, d, free):
                        return "capacity", DIMENSIONS[d]
        return None

    def reason(self, ref: str, wave: int) -> Entry:
        """The ``blocked_by`` entry of ``ref`` for ``wave``: the first rule that keeps it out."""
        prog = self.prog
        gid = prog.group_of[ref]
        if prog.wave(wave).started:
            return {"wave": wave, "reason": "started"}
        own = prog.own_failure(ref, wave)
        if own is not None:
            return {"wave": wave, "reason": own}
        failing = [r for r in prog.members[gid] if r != ref and prog.own_failure(r, wave)]
        if failing:
            return {"wave": wave, "reason": "group", "ref": min(failing)}
        dep = self.dependency_failure(gid, wave)
        if dep is not None:
            return {"wave": wave, "reason": "dependency", "ref": dep}
        limit = self.limit_failure(gid, wave)
        if limit is not None:
            name, dimension = limit
            if dimension is not None:
                return {"wave": wave, "reason": name, "dimension": dimension}
            return {"wave": wave, "reason": name}
        return {"wave": wave, "reason": "npv"}

    def can_place(self, gid: str, wave: int) -> bool:
        """Whether the group, taken out and put alone in ``wave``, leaves the plan valid."""
        prog = self.prog
        if not 1 <= wave <= len(prog.waves) or not prog.allowed(gid, wave):
            return False
        if self.dependency_failure(gid, wave) is not None:
            return False
        return self.limit_failure(gid, wave) is None

    def moved(self, gid: str, wave: int | None) -> PlanState:
        """The plan with the group moved alone to ``wave``."""
        assign = dict(self.assign)
        for ref in self.prog.members[gid]:
            assign[ref] = wave
        return PlanState(self.prog, assign)


def over_capacity(prog: Programme, k: int, d: int, free: Decimal) -> bool:
    """Whether rule 7 fails for dimension ``d`` on wave ``k`` when the systems that are not fixed
    take ``free`` up to it (progress.md): the fixed systems count alongside them, and where they
    alone exceed the capacity the rule holds as long as the others add nothing."""
    with exact():
        return free > 0 and prog.fixed_use[d] + free > prog.capacity[k - 1][d]
