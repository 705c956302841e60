"""Repartition two waves: a large-neighbourhood move of the improvement phase.

Take every group in wave a or the later wave b that both waves admit equally (its own rules
allow both, and as many of its members would be late in either), and deal them out again
between the two so that the NPV rises: a split problem (split.py) whose limits are what the
wave rules leave to these groups once every other group stays put — each per-wave rule of a
and of b, and each cumulative rule (capacity) on the cutovers from a up to b, which the groups
moved forward into a now count against. Dependencies on groups outside the two waves force
a group into a or b; among them, a group in a needs what it depends on in a.

The limits are read from the state (rules.py declares them once), and the new split is put in
place through ``State.fits``, so that no rule is written here a second time. A group that
``--keep`` holds in its wave leaves it only for more than the minimum gain and a price of its
own (``STAY``). The work is bounded by counts, never by the clock.
"""

from __future__ import annotations

from decimal import Decimal

from migrasi.core.graph import topological
from migrasi.core.problem import ZERO, Problem
from migrasi.core.rules import CUMULATIVE, EACH, WAVE_RULES
from migrasi.core.split import Split, solve
from migrasi.core.state import State

LARGEST = 200
"""Two waves with more groups to deal out than this are left as they are: the split search
grows faster than the groups (national-scale waves hold thousands)."""
MEMBERS = 8_000
"""How many groups, counted once per pair of waves dealt out, one plan's repartitions may take
in all."""
SPAN = 3
"""How many open waves apart the two waves may be."""
ROUNDS = 2
"""Passes over every pair of waves."""
STAY = 5
"""Under ``--keep``, a group held in its wave is dealt out of it only when that earns, beyond
the minimum gain, a ``STAY``-th of the group's NPV there: a trade moves the few held groups it
pays most to move, and leaves the rest where the earlier plan put them."""


def members(p: Problem, state: State, a: int, b: int, placed: list[str]) -> list[str]:
    """The groups of ``placed`` (those in wave a or b) that may take either, equally late in
    both."""
    return sorted(
        gid
        for gid in placed
        if a in (g := p.groups[gid]).allowed_set
        and b in g.allowed_set
        and g.late_at[a] == g.late_at[b]
    )


def worth(p: Problem, state: State, gid: str, k: int) -> Decimal:
    """What group ``gid`` is worth in wave ``k`` to a repartition: its value there. Where
    ``--keep`` holds it (in the wave it is in), more than the minimum gain and a ``STAY``-th of
    that value on top, the price of moving it; and a later wave is worth no more to it than its
    own: a held group may make room for others, never move later for its own gain (as in the
    single moves)."""
    g = p.groups[gid]
    here = state.wave[gid]
    toll = p.toll(gid, here)
    if toll is None or here is None:
        return g.value[k]
    if k == here:
        return g.value[k] + p.premium(gid, k) + abs(g.value[k]) / STAY
    return min(g.value[k], g.value[here]) if k > here else g.value[k]


def split_of(p: Problem, state: State, a: int, b: int, chosen: list[str]) -> Split:
    """The split problem of dealing ``chosen`` (in waves a and b) out between the two."""
    index = {gid: i for i, gid in enumerate(chosen)}
    groups = p.groups
    forced: dict[int, int] = {}
    needs: list[tuple[int, int]] = []
    rules = len(WAVE_RULES)
    left_a = list(state.used[a].amounts)
    left_b = list(state.used[b].amounts)
    total = [0] * rules
    early = [0] * rules
    for i, gid in enumerate(chosen):
        g = groups[gid]
        for n in g.needs:
            if n in index:
                needs.append((i, index[n]))
            elif (w := state.wave[n]) is None or w > a:
                forced[i] = 0
        for u in g.users:
            if u not in index and (w := state.wave[u]) is not None and w < b:
                forced[i] = 1
        load = g.load.amounts
        held = left_a if state.wave[gid] == a else left_b
        for r in range(rules):
            held[r] -= load[r]
            total[r] += load[r]
            if state.wave[gid] == a:
                early[r] += load[r]
    low: list[int | None] = [None] * rules
    high: list[int | None] = [None] * rules
    for r in EACH:
        limit_a, limit_b = state.limits[a][r], state.limits[b][r]
        if limit_a is not None:
            high[r] = limit_a - left_a[r]
        if limit_b is not None:
            low[r] = total[r] - (limit_b - left_b[r])
    for r in CUMULATIVE:
        high[r] = min(state.slack[r][j] + early[r] for j in range(a, b))
    return Split(
        gain=[int(worth(p, state, g, a) - worth(p, state, g, b)) for g in chosen],
        loads=[groups[g].load.amounts for g in chosen],
        low=low,
        high=high,
        start=frozenset(i for i, g in enumerate(chosen) if state.wave[g] == a),
        forced=forced,
        needs=needs,
    )


def _deal(p: Problem, state: State, chosen: list[str], waves: dict[str, int]) -> bool:
    """Put every group of ``chosen`` in its wave of ``waves`` through the rules of the state;
    when any does not fit (never expected), put them all back and say False."""
    before = {gid: state.wave[gid] for gid in chosen}
    inside = set(chosen)
    order = topological(
        {g: tuple(n for n in p.groups[g].needs if n in inside) for g in chosen}, lambda g: (g,)
    )
    for gid in chosen:
        state.place(gid, None)
    for gid in order:
        if not state.fits(gid, waves[gid]):
            for g in chosen:
                state.place(g, None)
            for g in order:
                state.place(g, before[g])
            return False
        state.place(gid, waves[gid])
    return True


def repartition(
    p: Problem, state: State, a: int, b: int, chosen: list[str], seen: dict[tuple[int, int], Split]
) -> dict[str, int] | None:
    """The new waves of ``chosen`` (groups of waves a and b) when dealing them out again raises
    the NPV, put in place; else None. ``seen`` holds the last split problem of each pair of
    waves, which need not be solved again."""
    problem = split_of(p, state, a, b, chosen)
    if seen.get((a, b)) == problem:
        return None  # solved as it is, and nothing better was found then
    seen[(a, b)] = problem
    found = solve(problem)
    if found == problem.start:
        return None
    waves = {gid: a if i in found else b for i, gid in enumerate(chosen)}
    was = {g: a if i in problem.start else b for i, g in enumerate(chosen)}
    gain = sum((worth(p, state, g, waves[g]) - worth(p, state, g, was[g]) for g in chosen), ZERO)
    if gain <= 0 or not _deal(p, state, chosen, waves):
        return None
    return waves


def deal_out(
    p: Problem, state: State, seen: dict[tuple[int, int], Split], budget: list[int]
) -> bool:
    """One pass over the pairs of open waves, nearest first — (1, 2), (2, 3), …, (1, 3), … up
    to ``SPAN`` apart — dealing each pair's groups out again while ``budget`` (groups still to
    deal out) lasts; True when any pair changed."""
    opened = [w.number for w in p.calendar if w.open]
    by_wave: dict[int, list[str]] = {k: [] for k in opened}
    for gid, w in state.wave.items():
        if w is not None and w in by_wave:
            by_wave[w].append(gid)
    changed = False
    for d in range(1, SPAN + 1):
        for i in range(len(opened) - d):
            a, b = opened[i], opened[i + d]
            placed = by_wave[a] + by_wave[b]
            if len(placed) > 4 * LARGEST:
                continue  # too many to deal out, whatever they allow
            chosen = members(p, state, a, b, placed)
            if not 2 <= len(chosen) <= LARGEST:
                continue
            budget[0] -= len(chosen)
            if budget[0] < 0:
                return changed
            waves = repartition(p, state, a, b, chosen, seen)
            if waves is not None:
                changed = True
                by_wave[a] = [g for g in placed if state.wave[g] == a]
                by_wave[b] = [g for g in placed if state.wave[g] == b]
    return changed
