"""Exhaustive search for small problems: the best valid plan, proven, within a node budget.

Groups are decided in dependency order, each in one of its allowed waves or unscheduled;
partial plans that break a rule are cut, and so are those that cannot beat the best plan
found so far even if every undecided group reached its best wave. A complete plan counts only
when it keeps the unscheduled rule and the deadline rule of planning.md.
"""

from __future__ import annotations

from decimal import Decimal

from migrasi.core.graph import topological
from migrasi.core.problem import ZERO, Problem
from migrasi.core.state import State


class _Budget(Exception):
    """The node budget ran out."""


def search(p: Problem, incumbent: Decimal, budget: int = 30_000) -> dict[str, int | None] | None:
    """The assignment of the best valid plan worth more than ``incumbent``, or None.

    None also when the budget ran out before the search ended (the caller keeps its plan).
    """
    order = topological({g: x.needs for g, x in p.groups.items()}, lambda gid: (gid,))
    best_rest = [ZERO] * (len(order) + 1)
    for i in range(len(order) - 1, -1, -1):
        values = p.groups[order[i]].value.values()
        best_rest[i] = best_rest[i + 1] + max([ZERO, *values])
    state = State(p)
    found: list[dict[str, int | None]] = []
    best = [incumbent]
    nodes = [0]

    def dive(i: int, value: Decimal) -> None:
        nodes[0] += 1
        if nodes[0] > budget:
            raise _Budget
        if value + best_rest[i] <= best[0]:
            return
        if i == len(order):
            if state.valid():
                best[0] = value
                found.append(dict(state.wave))
            return
        gid = order[i]
        g = p.groups[gid]
        options = sorted(g.allowed, key=lambda k: (-g.value[k], k))
        for k in options:
            if state.fits(gid, k):
                state.place(gid, k)
                dive(i + 1, value + g.value[k])
                state.place(gid, None)
        dive(i + 1, value)

    try:
        dive(0, ZERO)
    except _Budget:
        return None
    return found[-1] if found else None
