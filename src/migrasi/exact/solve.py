"""Solve the wave assignment to optimality, or to a proven gap within a time limit.

The programme has a binary x[g, k] for every move group g and every wave k its own rules
allow (at most one per group), and keeps rules 1-10 of planning.md: dependencies by
cumulative sums (g placed by wave k only if what it needs is placed by k), the limits of each
wave, and the Data Center's capacity on every cutover (cumulative). It maximises the sum of
the groups' NPVs. Its optimum bounds every valid plan from above, because a valid plan keeps
rules 1-10 too; the solution is then made valid for the unscheduled and deadline rules and
left-shift closed by the scheduler's own moves, which only ever raise the exact NPV.

Floating point lives only inside the solver, which searches; every figure of the plan is
computed afterwards by money.md's exact procedure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from migrasi.core.exhaustive import search
from migrasi.core.problem import Problem
from migrasi.core.rules import WAVE_RULES
from migrasi.core.scheduler import SMALL, polish, schedule
from migrasi.core.state import State


@dataclass(frozen=True)
class Solved:
    """The state of the best plan found and what is proven about it."""

    state: State
    bound: int
    """An upper bound of the NPV of every valid plan (whole Rupiah, rounded up)."""
    optimal: bool
    relaxed: int | None = None
    """An upper bound of every plan that keeps rules 1-10 (valid or not), when one is known."""


def solve(p: Problem, time_limit: float) -> Solved:
    """The best plan exact mode finds within ``time_limit`` seconds, and its proven bound."""
    heuristic = schedule(p)
    fixed = p.fixed_value()
    if len(p.groups) <= SMALL:
        best = search(p, Decimal(-(10**30)), budget=5_000_000)
        if best is not None:
            state = State(p)
            for gid, wave in best.items():
                state.place(gid, wave)
            value = state.value() + fixed
            return Solved(state, math.ceil(value), True, None)
    return _milp(p, heuristic, time_limit, fixed)


@dataclass
class _Model:
    index: dict[tuple[str, int], int]
    cost: Any
    matrix: Any
    upper: Any
    lower: Any


def _wave_rows(
    p: Problem, index: dict[tuple[str, int], int]
) -> list[tuple[dict[int, float], float, float]]:
    """The limits of every wave, one row per wave rule (rules.WAVE_RULES) that binds it: the
    groups in the wave, or for a cumulative rule in it or before, need no more than its limit."""
    rows: list[tuple[dict[int, float], float, float]] = []
    for k in range(1, len(p.calendar) + 1):
        for r, rule in enumerate(WAVE_RULES):
            limit = p.unit_limits[r][k - 1]
            if limit is None:
                continue
            row = {
                i: float(p.groups[gid].load[r])
                for (gid, j), i in index.items()
                if (j <= k if rule.cumulative else j == k) and p.groups[gid].load[r]
            }
            if row:
                rows.append((row, -math.inf, float(limit)))
    return rows


def _model(p: Problem, heuristic: State | None) -> _Model:
    """The programme; with ``heuristic``, every group it placed must be placed, on time where
    it was on time (a narrower search for a good plan, not a bound)."""
    import numpy as np
    from scipy.sparse import lil_matrix

    groups = sorted(p.groups)
    index: dict[tuple[str, int], int] = {}
    for gid in groups:
        for k in p.groups[gid].allowed:
            index[(gid, k)] = len(index)
    waves = len(p.calendar)
    cost = np.zeros(len(index))
    for (gid, k), i in index.items():
        # the solver searches in floating point; with --keep a group's anchored wave earns a
        # premium of a little more than the minimum gain
        cost[i] = -float(p.groups[gid].value[k] + p.premium(gid, k))
    rows: list[tuple[dict[int, float], float, float]] = []
    for gid in groups:
        group = p.groups[gid]
        floor = 0.0
        if heuristic is not None and heuristic.wave[gid] is not None:
            floor = 1.0
        rows.append(({index[(gid, k)]: 1.0 for k in group.allowed}, floor, 1.0))
        placed = heuristic.wave[gid] if heuristic is not None else None
        if placed is not None and not group.late_at[placed]:
            late = {index[(gid, k)]: 1.0 for k in group.allowed if group.late_at[k]}
            if late:
                rows.append((late, 0.0, 0.0))
        for need in group.needs:
            for k in range(1, waves + 1):
                row: dict[int, float] = {}
                for j in group.allowed:
                    if j <= k:
                        row[index[(gid, j)]] = 1.0
                for j in p.groups[need].allowed:
                    if j <= k:
                        row[index[(need, j)]] = -1.0
                if any(v > 0 for v in row.values()):
                    rows.append((row, -math.inf, 0.0))
    rows.extend(_wave_rows(p, index))
    matrix = lil_matrix((len(rows), len(index)))
    upper = np.zeros(len(rows))
    lower = np.zeros(len(rows))
    for r, (row, low, high) in enumerate(rows):
        for i, v in row.items():
            matrix[r, i] = v
        lower[r] = low
        upper[r] = high
    return _Model(index, cost, matrix.tocsr(), upper, lower)


def _run(p: Problem, model: _Model, time_limit: float) -> tuple[Any, State | None]:
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    result = milp(
        model.cost,
        integrality=np.ones(len(model.index)),
        bounds=Bounds(0, 1),
        constraints=LinearConstraint(model.matrix, model.lower, model.upper),
        options={"time_limit": time_limit, "mip_rel_gap": 0.0, "disp": False},
    )
    if result.x is None:
        return result, None
    state = State(p)
    for (gid, k), i in model.index.items():
        if result.x[i] > 0.5:
            state.place(gid, k)
    polish(p, state)
    return result, state


def _best_possible(result: Any) -> Decimal | None:
    """The solver's proven upper bound of the NPV (its optimum when it finished)."""
    if result.status == 0 and result.fun is not None:
        return Decimal(-result.fun)
    dual = getattr(result, "mip_dual_bound", None)
    if dual is not None and math.isfinite(dual):
        return Decimal(-dual)
    return None


def _plus(bound: Decimal | None, fixed: Decimal) -> Decimal | None:
    return None if bound is None else bound + fixed


def _milp(p: Problem, heuristic: State, time_limit: float, fixed: Decimal) -> Solved:
    """Two programmes: the narrow one (every group the heuristic placed is placed, on time
    where it was on time) finds the plan and proves it best in that class; the wide one (rules
    1-10 alone) bounds every plan and sometimes finds a better one. ``fixed`` is the NPV of the
    systems the record fixes, which every plan holds."""
    candidates = [heuristic]
    narrow_result, narrow = _run(p, _model(p, heuristic), time_limit / 2)
    if narrow is not None:
        candidates.append(narrow)
    wide_result, wide = _run(p, _model(p, None), time_limit / 2)
    if wide is not None:
        candidates.append(wide)
    state = max(candidates, key=lambda s: s.kept_value())
    found = state.value() + fixed
    slack = Decimal(1) + len(p.items)  # the solver's tolerance and each system's rounding
    narrow_bound = _plus(_best_possible(narrow_result), fixed)
    wide_bound = _plus(_best_possible(wide_result), fixed)
    relaxed = math.ceil(max(wide_bound, found) + slack) if wide_bound is not None else None
    if narrow_bound is not None:
        optimal = narrow_result.status == 0 and found + slack >= narrow_bound
        bound = math.ceil(found) if optimal else math.ceil(max(narrow_bound, found) + slack)
    else:
        optimal = False
        bound = relaxed if relaxed is not None else math.ceil(found)
    return Solved(state, bound, optimal, relaxed)
