"""Putting the anchored groups back where the earlier plan had them (``--keep``), first of all.

Wave by wave, what a group depends on first, every group anchored to a wave goes back into it
where it still fits. Where a wave can no longer take them all (an edit made a group larger, a
limit smaller), some must be left out, and which ones decides how many other systems the
re-plan moves: a group left out is placed again elsewhere, and the room it leaves behind (in
its wave, and of capacity on every cutover up to its new wave) is room that closure obliges
filling, by moving a group from a later wave, which leaves room there in turn. So the groups
left out are as few as can be, and among the ways of leaving out that many, the one kept is
the one whose plan, once the other groups are placed and moved while that pays
(``settle``), moves the fewest systems away from the earlier plan (then the one worth most).
Room can also open (a system removed or made smaller): the groups the earlier plan left
unscheduled that now fit must be placed (the unscheduled rule), and where they go decides again
how many systems move: in their own best wave, they leave the room that opened for closure to
fill by pulling groups forward; in the room itself, often none move. So they are placed first,
each where the settled plan moves fewest (``fill_first``), and anchored there.
The trials are bounded by a count of groups, never by the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from migrasi.core.graph import topological
from migrasi.core.problem import Problem
from migrasi.core.rules import EACH, rule_index
from migrasi.core.state import State
from migrasi.core.terms import Reason

TRIALS = 20_000
"""How many groups the trial plans may hold in all, each counted once per trial (a trial
settles the whole plan): about 30 trials for a province of 700 systems, none at national
scale, where the first way found is kept."""
CRITICAL = rule_index(Reason.CRITICAL)
TEAM = rule_index(Reason.TEAM_DAYS)


def anchored_first(p: Problem, state: State, settle: Callable[[State], None]) -> None:
    """Put the anchored groups back into the earlier plan's waves where they still fit; where a
    wave cannot take them all, leave out as few as can be, and among those the ones whose
    absence, once ``settle`` (placing and moving the other groups) has run, moves the fewest
    systems."""
    by_wave = arrange_all(p, state)
    budget = [TRIALS]
    for wave in sorted(by_wave):
        if any(state.wave[g] is None for g in by_wave[wave]):
            _fewest_moves(p, state, wave, by_wave[wave], settle, budget)


def arrange_all(p: Problem, state: State) -> dict[int, list[str]]:
    """Put the anchored groups back wave by wave the first way (:func:`_arrange`); each
    wave's anchored groups, what a group depends on first."""
    order = topological({gid: g.needs for gid, g in p.groups.items()}, lambda gid: (gid,))
    by_wave: dict[int, list[str]] = {}
    for gid in order:
        wave = p.anchor.get(gid)
        if wave is not None:
            by_wave.setdefault(wave, []).append(gid)
    for wave in sorted(by_wave):
        _arrange(state, wave, by_wave[wave])
    return by_wave


def _fill(state: State, wave: int, pending: list[str]) -> list[str]:
    """Place the groups of ``pending`` in ``wave`` in that order, pass after pass while any
    fits; the groups left out."""
    while True:
        placed: set[str] = set()
        for g in pending:
            if state.fits(g, wave):
                state.place(g, wave)
                placed.add(g)
        if not placed:
            return pending
        pending = [g for g in pending if g not in placed]


def _arrange(state: State, wave: int, groups: list[str]) -> None:
    """The first way of leaving out: of the orders of ``_ORDERS``, the one that leaves out the
    fewest groups and leaves the wave fullest (room left in an early wave pulls other groups
    in)."""
    p = state.p
    best: list[str] | None = None
    best_score: tuple[int, tuple[int, ...]] | None = None
    rank = {gid: i for i, gid in enumerate(groups)}
    for key in _ORDERS:
        keyed = {g: (key(p, g), rank[g]) for g in groups}
        left = _fill(state, wave, sorted(groups, key=keyed.__getitem__))
        score = (len(left), tuple(-x for x in state.used[wave].amounts))
        if best_score is None or score < best_score:
            best, best_score = left, score
        _empty(state, groups)
    _put(state, wave, groups, set(best or ()))


def _empty(state: State, groups: list[str]) -> None:
    for g in groups:
        state.place(g, None)


def _put(state: State, wave: int, groups: list[str], left: set[str]) -> None:
    """Place every group of ``groups`` but those ``left`` out in ``wave`` (they fitted so)."""
    _empty(state, groups)
    for g in groups:
        if g not in left:
            state.place(g, wave)


def _fewest_moves(
    p: Problem,
    state: State,
    wave: int,
    groups: list[str],
    settle: Callable[[State], None],
    budget: list[int],
) -> None:
    """Among the ways of leaving as few of ``groups`` out of ``wave`` as the first way did,
    each leaving out one chosen group first, keep the one whose settled plan moves the fewest
    systems (then is worth most); tried fullest wave first, while ``budget`` lasts."""
    current = frozenset(g for g in groups if state.wave[g] is None)
    ways: dict[frozenset[str], Fraction] = {}
    for chosen in groups:
        _empty(state, groups)
        left = frozenset(_fill(state, wave, [g for g in groups if g != chosen] + [chosen]))
        if _needed(p, state, left):
            continue  # a group placed in another wave needs one left out: rule 3 would break
        if len(left) <= len(current) and left != current and left not in ways:
            ways[left] = _room(state, wave)
    ranked = sorted(ways, key=lambda way: (len(way), ways[way], sorted(way)))
    _put(state, wave, groups, set(current))
    best = current
    best_score = _trial(p, state, settle, budget)
    for way in ranked:
        if best_score is None:
            break
        _put(state, wave, groups, set(way))
        score = _trial(p, state, settle, budget)
        if score is not None and score < best_score:
            best, best_score = way, score
    _put(state, wave, groups, set(best))


def _needed(p: Problem, state: State, left: frozenset[str]) -> bool:
    """Whether a placed group needs one of the groups ``left`` out."""
    wave = state.wave
    return any(wave[u] is not None for g in left for u in p.groups[g].users)


def _room(state: State, wave: int) -> Fraction:
    """The room left in ``wave``, as the sum of each per-wave rule's share left."""
    used, limits = state.used[wave].amounts, state.limits[wave]
    return sum(
        (Fraction(limit - used[r], limit) for r in EACH if (limit := limits[r])), Fraction(0)
    )


def _trial(
    p: Problem, state: State, settle: Callable[[State], None], budget: list[int]
) -> tuple[int, Decimal] | None:
    """How many systems the plan moves away from the earlier plan once settled, and minus what
    it is worth; the state is left as it was. None when the budget is spent."""
    budget[0] -= len(p.groups)
    if budget[0] < 0:
        return None
    before = dict(state.wave)
    settle(state)
    score = (moved(p, state), -state.value())
    for gid, wave in before.items():
        if state.wave[gid] != wave:
            state.place(gid, wave)
    return score


def moved(p: Problem, state: State) -> int:
    """How many systems of the plan have another wave (None included) than in the earlier
    plan; a system the earlier plan did not have counts when it is placed."""
    assert p.earlier is not None
    waves = p.earlier.waves
    wave = state.wave
    return sum(1 for gid, g in p.groups.items() for r in g.members if waves.get(r) != wave[gid])


def _as_planned(p: Problem, gid: str) -> tuple[int, ...]:
    return ()


def _big_first(p: Problem, gid: str) -> tuple[int, ...]:
    load = p.groups[gid].load
    return (-load[CRITICAL], -load[TEAM])


def _small_first(p: Problem, gid: str) -> tuple[int, ...]:
    load = p.groups[gid].load
    return (-load[CRITICAL], load[TEAM])


_ORDERS: tuple[Callable[[Problem, str], tuple[int, ...]], ...] = (
    _as_planned,
    _big_first,
    _small_first,
)
"""Orders to try a wave's anchored groups in (after what they depend on): as planned, the
critical and the larger first, the critical and the smaller first."""


def fill_first(
    p: Problem, state: State, afresh: frozenset[str], settle: Callable[[State], None]
) -> None:
    """Place the groups of ``afresh`` (none of whose members had a wave in the earlier plan)
    that can now be placed (room opened: a system removed or smaller) where the settled plan
    moves the fewest systems, best first, while that moves fewer than leaving them to the
    construction; each is anchored where it is placed, so that it holds the room it fills."""
    budget = [TRIALS]
    best_score = _trial(p, state, settle, budget)
    while best_score is not None:
        best: tuple[str, int] | None = None
        for gid in sorted(afresh):
            if state.wave[gid] is not None or state.missing_needs(gid, len(p.calendar)):
                continue
            for k in state.feasible(gid):
                state.place(gid, k)
                p.anchor[gid] = k
                score = _trial(p, state, settle, budget)
                del p.anchor[gid]
                state.place(gid, None)
                if score is None:
                    return
                if score < best_score:
                    best, best_score = (gid, k), score
        if best is None:
            return
        state.place(best[0], best[1])
        p.anchor[best[0]] = best[1]
