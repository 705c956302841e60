"""The heuristic that assigns move groups to waves, and the state it works on.

Groups with deadlines (and what they depend on) are placed first, earliest deadline first;
the rest follow by priority (value per unit of the scarcest resource, inherited by what they
depend on), each in its best feasible wave (not merely the earliest: a running contract can
make a later wave worth more). An improvement pass then moves single groups while the plan
gets better in the order: fewer unscheduled, fewer late, higher exact NPV, earlier waves.
At its end no group can move alone to an earlier wave and raise the NPV (left-shift closed).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from migrasi.core.anchoring import anchored_first, fill_first
from migrasi.core.exhaustive import search
from migrasi.core.graph import topological
from migrasi.core.problem import ZERO, Group, Problem
from migrasi.core.repartition import MEMBERS, ROUNDS, deal_out
from migrasi.core.rules import WAVE_RULES
from migrasi.core.split import Split
from migrasi.core.state import State
from migrasi.core.terms import Reason

FAR = date.max
WORK = 30_000
"""How many groups the trading moves (make room, eject) may look at in one plan."""
PAIRS = 250_000
"""How many pairs of groups one round of swaps may look at (all of them up to 500 groups)."""
SMALL = 12
"""Problems with at most this many move groups are also searched exhaustively (exhaustive.py)."""


def _needs(p: Problem) -> dict[str, tuple[str, ...]]:
    return {gid: g.needs for gid, g in p.groups.items()}


def _lookahead(p: Problem, order: list[str]) -> dict[str, dict[int, Decimal]]:
    """For each group and wave k: the best value its users can still reach from k on."""
    reach: dict[str, dict[int, Decimal]] = {}
    waves = [w.number for w in p.calendar]
    for gid in reversed(order):
        g = p.groups[gid]
        own: dict[int, Decimal] = {}
        best: Decimal | None = None
        for k in reversed(waves):
            if k in g.value:
                here = g.value[k]
                if g.users:
                    here += sum((reach[u].get(k, ZERO) for u in g.users), ZERO)
                best = here if best is None or here > best else best
            if best is not None:
                own[k] = best
        reach[gid] = own
    return reach


def _priorities(p: Problem, order: list[str]) -> tuple[dict[str, date], dict[str, Decimal]]:
    """Deadlines and priorities, each inherited from the groups that need a group."""
    weighed = [
        (r, max((x for x in p.limits[r] if x is not None), default=ZERO))
        for r, rule in enumerate(WAVE_RULES)
        if rule.weighs
    ]
    deadline: dict[str, date] = {}
    priority: dict[str, Decimal] = {}
    for gid in reversed(order):
        g = p.groups[gid]
        best = max(g.value.values(), default=ZERO)
        use = [g.need[r] / most for r, most in weighed if most]
        weight = max(max(use, default=ZERO), Decimal("0.0001"))
        own = best / weight
        inherited = [priority[u] for u in g.users]
        priority[gid] = max([own, *inherited])
        inherited_deadlines = [deadline[u] for u in g.users]
        own_deadline = g.deadline if g.deadline and _attainable(p, g) else FAR
        deadline[gid] = min([own_deadline, *inherited_deadlines])
    return deadline, priority


def _attainable(p: Problem, g: Group) -> bool:
    """Whether some wave the group's own rules allow cuts over by its deadline."""
    return g.deadline is not None and any(
        p.calendar[k - 1].cutover <= g.deadline for k in g.allowed
    )


def _tight(p: Problem, order: list[str]) -> dict[str, bool]:
    """Groups with at most one allowed wave, and every group such a group needs."""
    tight: dict[str, bool] = {}
    for gid in reversed(order):
        g = p.groups[gid]
        tight[gid] = len(g.allowed) <= 1 or any(tight[u] for u in g.users)
    return tight


def _held(p: Problem, gid: str, wave: int | None) -> bool:
    """Whether the group sits where ``--keep`` anchors it: then only a move of its own that is
    worth it (or that the plan's validity needs) takes it away, never a trade with others."""
    return p.toll(gid, wave) is not None


def _worth(p: Problem, gid: str, old: int | None, new: int) -> bool:
    """Whether moving group ``gid`` alone from wave ``old`` to ``new`` is worth it under
    ``--keep`` (always, for a group not anchored to either). Back into the wave it is anchored
    to: when it is less late there, or as late and the NPV falls by no more than the minimum
    gain (planning.md: a group that can take its old wave stays there unless moving it raises
    the NPV by more than that). Away from that wave: when it is less late, or ``new`` is earlier
    and the NPV rises by more than the minimum gain. A later wave worth more is not taken: no
    rule asks for it (closure looks at earlier waves only), and the room it would leave pulls
    other groups after it."""
    g = p.groups[gid]
    home = p.toll(gid, new)
    if home is not None:
        if old is None:
            return True
        if g.late_at[new] != g.late_at[old]:
            return g.late_at[new] < g.late_at[old]
        return g.value[old] - g.value[new] <= home
    toll = p.toll(gid, old)
    if toll is None or old is None:
        return True
    if g.late_at[new] != g.late_at[old]:
        return g.late_at[new] < g.late_at[old]
    return new < old and g.value[new] - g.value[old] > toll


def _unplanned_before(p: Problem) -> frozenset[str]:
    """Under ``--keep``, the groups none of whose members had a wave in the earlier plan: placing
    one moves its systems (``new``), so the groups the earlier plan placed are placed before them
    and take the room first. Empty without ``--keep``."""
    if p.earlier is None:
        return frozenset()
    waves = p.earlier.waves
    return frozenset(
        gid for gid, g in p.groups.items() if all(waves.get(r) is None for r in g.members)
    )


def _construct(p: Problem, state: State) -> None:
    plain = topological(_needs(p), lambda gid: (gid,))
    deadline, priority = _priorities(p, plain)
    reach = _lookahead(p, plain)
    tight = _tight(p, plain)
    afresh = _unplanned_before(p)
    order = topological(
        _needs(p), lambda gid: (not tight[gid], gid in afresh, deadline[gid], -priority[gid], gid)
    )
    for gid in order:
        g = p.groups[gid]
        if state.wave[gid] is not None or any(state.wave[n] is None for n in g.needs):
            continue
        candidates = state.feasible(gid)
        if not candidates:
            continue

        def score(k: int, g: Group = g) -> tuple[Decimal, int]:
            if not g.users:
                return g.value[k], -k
            ahead = sum((reach[u].get(k, ZERO) for u in g.users), ZERO)
            return g.value[k] + ahead, -k

        limit = deadline[gid]
        on_time = [k for k in candidates if p.calendar[k - 1].cutover <= limit]
        chosen = max(on_time, key=score) if on_time else candidates[0]
        state.place(gid, chosen)


def _improve(p: Problem, state: State, rounds: int = 50) -> None:
    """Move single groups while the plan gets better and stays valid; place what fits."""
    order = sorted(p.groups)
    preference = p.preference
    for _ in range(rounds):
        changed = False
        for gid in order:
            old = state.wave[gid]
            if old is None:
                best = p.groups[gid].best(state.feasible(gid))
                if best is not None:
                    state.place(gid, best)
                    changed = True
                continue
            bounds = state.order_bounds(gid)
            if bounds is None:
                continue
            for k in _candidates(p, gid, old, preference[gid]):
                if not state.can_move(gid, k, bounds) or not _worth(p, gid, old, k):
                    continue
                state.place(gid, k)
                if state.keeps_rules(gid):
                    changed = True
                    break
                state.place(gid, old)
        if not changed:
            return


def _candidates(p: Problem, gid: str, old: int, preference: list[int]) -> list[int]:
    """The waves a placed group tries to move to, in order: under ``--keep``, the wave it is
    anchored to first (going back there alone is what planning.md asks when it is worth no more
    than the minimum gain, :func:`_worth`), then the waves it prefers to its own."""
    better = preference[: preference.index(old)]
    home = p.anchor.get(gid)
    if home is None or home == old:
        return better
    return [home, *(k for k in better if k != home)]


def _make_room(
    p: Problem, state: State, trials: int = 2000, budget: list[int] | None = None
) -> bool:
    """Place an unscheduled group by moving one placed group to another wave; True if done.

    The groups tried are those at the wave itself and, when capacity is short, those whose
    resources count against it; the least valuable moves are tried first, within ``trials``.
    """
    feasible: dict[str, list[int]] = {}
    for gid in sorted(g for g, w in state.wave.items() if w is None):
        g = p.groups[gid]
        if any(state.wave[n] is None for n in g.needs):
            continue
        for k in g.allowed:
            if not state.in_order(gid, k):
                continue
            reason = state.limit_failure(gid, k)
            if reason is None:
                state.place(gid, k)
                return True
            others = [o for o, w in state.wave.items() if w is not None and o != gid]
            if reason.reason is not Reason.CAPACITY:
                others = [o for o in others if state.wave[o] == k]
            moves: list[tuple[Decimal, str, int]] = []
            if budget is not None:
                budget[0] -= len(others)
                if budget[0] < 0:
                    return False
            for other in others:
                here = state.wave[other]
                assert here is not None
                value = p.groups[other].value
                if other not in feasible:  # the state is the same between trials (each undone)
                    feasible[other] = state.feasible(other)
                for target in feasible[other]:
                    if target != here and state.late_in(other, target) <= state.late_in(
                        other, here
                    ):
                        moves.append((value[here] - value[target], other, target))
            related = {*g.needs, *g.users}
            for _, other, target in sorted(moves)[:trials]:
                here = state.wave[other]
                assert here is not None
                if other not in related and not state.fits_after_move(gid, k, other, here, target):
                    continue  # this move leaves the wave rules broken: the trial would fail
                state.place(other, target)
                if state.fits(gid, k):
                    state.place(gid, k)
                    return True
                state.place(other, here)
    return False


def _eject(p: Problem, state: State, budget: list[int] | None = None) -> bool:
    """Trade a placed group for an unscheduled one when that raises the NPV; True if done.

    The placed group ``h`` (needed by nothing placed) is taken out, the unscheduled group goes
    in its best wave, and ``h`` goes back wherever it still fits; the trade stands only when the
    plan is worth more and no on-time group became late.
    """
    for gid in sorted(g for g, w in state.wave.items() if w is None):
        g = p.groups[gid]
        if not g.value or any(state.wave[n] is None for n in g.needs):
            continue
        for h in sorted(o for o, w in state.wave.items() if w is not None):
            if _held(p, h, state.wave[h]):
                continue
            if any(state.wave[u] is not None for u in p.groups[h].users):
                continue
            if budget is not None:
                budget[0] -= 1
                if budget[0] < 0:
                    return False
            here = state.wave[h]
            assert here is not None
            before = p.groups[h].value[here]
            state.place(h, None)
            spots = state.feasible(gid)
            best = g.best(spots)
            if best is None:
                state.place(h, here)
                continue
            state.place(gid, best)
            back = state.feasible(h)
            again = p.groups[h].best(back)
            after = g.value[best] + (p.groups[h].value[again] if again is not None else ZERO)
            late_before = state.late_in(h, here)
            late_after = state.late_in(gid, best) + state.late_in(h, again)
            toll = p.toll(h, here) or ZERO
            if after - before > toll and (late_after <= late_before):
                state.place(h, again)
                return True
            state.place(gid, None)
            state.place(h, here)
    return False


def _swap(p: Problem, state: State, budget: list[int]) -> bool:
    """Exchange the waves of pairs of groups, best gain first, where that raises the NPV and
    keeps the plan valid; True when any pair was exchanged."""
    placed = sorted((g, w) for g, w in state.wave.items() if w is not None)
    pairs = _pairs(p, [(g, w) for g, w in placed if not _held(p, g, w)])
    pairs.sort()
    done = False
    for _, gid, hid in pairs:
        budget[0] -= 1
        if budget[0] < 0:
            break
        here, there = state.wave[gid], state.wave[hid]
        if here is None or there is None or there <= here:
            continue
        a, b = here, there
        g, h = p.groups[gid], p.groups[hid]
        if b not in g.allowed_set or a not in h.allowed_set:
            continue
        toll = (p.toll(gid, a) or ZERO) + (p.toll(hid, b) or ZERO)
        if g.value[b] + h.value[a] - g.value[a] - h.value[b] <= toll:
            continue
        if g.late_at[b] + h.late_at[a] > g.late_at[a] + h.late_at[b]:
            continue
        if not _swap_fits(state, gid, a, hid, b):
            continue
        state.place(gid, None)
        state.place(hid, a)
        state.place(gid, b)
        if state.keeps_rules(gid) and state.keeps_rules(hid):
            done = True
            continue
        state.place(gid, None)
        state.place(hid, b)
        state.place(gid, a)
    return done


def _pairs(p: Problem, placed: list[tuple[str, int]]) -> list[tuple[Decimal, str, str]]:
    """Every pair of placed groups whose trade of waves (the first to the later wave of the
    second) would raise the NPV without making more of them late, as (-gain, gid, hid)."""
    by_wave: dict[int, list[str]] = {}
    for hid, b in placed:
        by_wave.setdefault(b, []).append(hid)
    takers: dict[tuple[int, int], list[tuple[Decimal, str]]] = {}
    pairs: list[tuple[Decimal, str, str]] = []
    looked = 0
    for gid, a in placed:
        g = p.groups[gid]
        looked += len(placed)
        if looked > PAIRS:
            break
        value = g.value
        for b in (w for w in g.allowed if w > a):
            loss = value[b] - value[a]
            for rise, hid in _takers(p, by_wave, takers, a, b):
                if loss + rise < LOSS:
                    break  # the rest rise less still
                h = p.groups[hid]
                gain = value[b] + h.value[a] - value[a] - h.value[b]
                if gain > 0 and g.late_at[b] + h.late_at[a] <= g.late_at[a] + h.late_at[b]:
                    pairs.append((-gain, gid, hid))
    return pairs


LOSS = Decimal(-1)
"""A trade whose gain, summed in another order, falls below this loses money whatever the
rounding of the sums (28 significant digits: far less than a Rupiah on any NPV within limits)."""


def _takers(
    p: Problem,
    by_wave: dict[int, list[str]],
    takers: dict[tuple[int, int], list[tuple[Decimal, str]]],
    a: int,
    b: int,
) -> list[tuple[Decimal, str]]:
    """The groups in wave ``b`` that may take wave ``a``, with what they would gain there, the
    largest gain first; made once per pair of waves."""
    found = takers.get((a, b))
    if found is None:
        groups = p.groups
        found = [(groups[h].value[a] - groups[h].value[b], h) for h in by_wave.get(b, ())
                 if a in groups[h].allowed_set]  # fmt: skip
        found.sort(key=lambda x: -x[0])
        takers[(a, b)] = found
    return found


def _swap_fits(state: State, gid: str, a: int, hid: str, b: int) -> bool:
    """Whether group ``gid`` (in wave a) and ``hid`` (in the later wave b) can trade waves."""
    p = state.p
    g, h = p.groups[gid], p.groups[hid]
    if hid in g.needs or gid in h.needs or hid in g.users or gid in h.users:
        return False
    wave = state.wave
    if any((w := wave[x]) is not None and w < b for x in g.users):
        return False
    if any((w := wave[n]) is None or w > a for n in h.needs):
        return False
    return not state.swap_fails(gid, a, hid, b)


def _settle(p: Problem, state: State) -> None:
    """Place the groups not yet placed and move single groups while that pays: how a trial
    arrangement of the anchored groups is judged (anchoring.py)."""
    _construct(p, state)
    _improve(p, state)


def polish(p: Problem, state: State, budget: list[int] | None = None) -> None:
    """Move single groups while the plan gets better, then place unscheduled groups by making
    room, until neither helps: the plan ends valid and left-shift closed."""
    _improve(p, state)
    while _make_room(p, state, budget=budget):
        _improve(p, state)


def schedule(p: Problem) -> State:
    """Assign every move group a wave (or leave it unscheduled when no wave can take it).

    Under ``--keep`` the groups that fill room first are anchored while the plan is made
    (anchoring.fill_first); the problem's anchors are the earlier plan's again afterwards, so
    that scheduling the same problem twice gives the same plan and exact mode's premium is paid
    for the earlier plan's waves alone."""
    anchors = dict(p.anchor)
    try:
        return _schedule(p)
    finally:
        p.anchor.clear()
        p.anchor.update(anchors)


def _schedule(p: Problem) -> State:
    state = State(p)
    if p.anchor:
        anchored_first(p, state, lambda st: _settle(p, st))
        fill_first(p, state, _unplanned_before(p), lambda st: _settle(p, st))
    _construct(p, state)
    budget = [WORK]
    polish(p, state, budget)
    for _ in range(len(p.groups)):
        if not _eject(p, state, budget):
            break
        polish(p, state, budget)
    swaps = [WORK]
    for _ in range(3):
        if not _swap(p, state, swaps):
            break
        _improve(p, state)
    seen: dict[tuple[int, int], Split] = {}
    members = [MEMBERS]
    for _ in range(ROUNDS):
        if not deal_out(p, state, seen, members):
            break
        polish(p, state, budget)
    if len(p.groups) <= SMALL and not p.anchor:
        better = search(p, state.value())
        if better is not None:
            for gid in p.groups:
                state.place(gid, None)
            for gid, wave in better.items():
                state.place(gid, wave)
            _improve(p, state)
    return state
