"""The heuristic that assigns move groups to waves, and the state it works on.

Groups with deadlines (and what they depend on) are placed first, earliest deadline first;
the rest follow by priority (value per unit of the scarcest resource, inherited by what they
depend on), each in its best feasible wave (not merely the earliest: a running contract can
make a later wave worth more). An improvement pass then moves single groups while the plan
gets better in the order: fewer unscheduled, fewer late, higher exact NPV, earlier waves.
At its end no group can move alone to an earlier wave and raise the NPV (left-shift closed).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from migrasi.core.problem import DIMENSIONS, ZERO, Group, Problem

FAR = date.max
WORK = 30_000
PAIRS = 250_000
"""How many pairs of groups one round of swaps may look at (all of them up to 500 groups)."""
"""How many groups the trading moves (make room, eject) may look at in one plan."""
SMALL = 12
"""Problems with at most this many move groups are also searched exhaustively (exhaustive.py)."""


class State:
    """A (partial) assignment of groups to waves with the loads it puts on every wave.

    Loads are exact integers (``Group.units``). For capacity, ``slack[d][j]`` is what is free
    on wave j's cutover and ``room[d][k]`` the least slack from wave k on: a group fits the
    Data Center in wave k when it needs no more than ``room`` there.
    """

    def __init__(self, p: Problem) -> None:
        self.p = p
        n = len(p.calendar) + 1
        self.n = n
        self.wave: dict[str, int | None] = dict.fromkeys(p.groups)
        self.effort = [0] * n
        self.bits = [0] * n
        self.critical = [0] * n
        self.count = [0] * n
        self.slack = [[0, *(c[d] for c in p.unit_caps)] for d in range(3)]
        self.room = [[0] * n for _ in range(3)]
        for d in range(3):
            self._rebuild_room(d)
        self.unplaced: set[str] = set(p.groups)
        self.late: set[str] = set()

    def _rebuild_room(self, d: int) -> None:
        slack, room = self.slack[d], self.room[d]
        least: int | None = None
        for j in range(self.n - 1, 0, -1):
            least = slack[j] if least is None or slack[j] < least else least
            room[j] = least

    def _apply(self, g: Group, k: int, sign: int) -> None:
        u = g.units
        self.effort[k] += sign * u[0]
        self.bits[k] += sign * u[1]
        self.critical[k] += sign * g.critical
        self.count[k] += sign * g.size
        for d in range(3):
            need = u[2 + d]
            if need:
                slack = self.slack[d]
                for j in range(k, self.n):
                    slack[j] -= sign * need
                self._rebuild_room(d)

    def place(self, gid: str, k: int | None) -> None:
        """Put group ``gid`` in wave ``k`` (None: unscheduled), moving it if placed."""
        g = self.p.groups[gid]
        old = self.wave[gid]
        if old == k:
            return
        if old is not None:
            self._apply(g, old, -1)
        self.wave[gid] = k
        if k is not None:
            self._apply(g, k, 1)
            self.unplaced.discard(gid)
            if g.late_at[k]:
                self.late.add(gid)
            else:
                self.late.discard(gid)
        else:
            self.unplaced.add(gid)
            self.late.discard(gid)

    def limit_failure(self, gid: str, k: int) -> str | None:
        """The first wave limit group ``gid`` breaks in wave ``k`` (it must not be placed)."""
        p, g = self.p, self.p.groups[gid]
        u = g.units
        if k == p.pilot_wave and self.count[k] + g.size > p.pilot_max:
            return "pilot_full"
        if p.max_critical is not None and self.critical[k] + g.critical > p.max_critical:
            return "critical"
        if self.effort[k] + u[0] > p.limits[0]:
            return "team_days"
        if self.bits[k] + u[1] > p.limits[1]:
            return "transfer_hours"
        for d, name in enumerate(DIMENSIONS):
            if u[2 + d] > self.room[d][k]:
                return f"capacity:{name}"
        return None

    def order_failure(self, gid: str, k: int) -> str | None:
        """``dependency`` when something needed is not in a wave ≤ k; ``dependent`` when
        something that needs the group is in a wave < k."""
        g = self.p.groups[gid]
        wave = self.wave
        for n in g.needs:
            w = wave[n]
            if w is None or w > k:
                return "dependency"
        for u in g.users:
            w = wave[u]
            if w is not None and w < k:
                return "dependent"
        return None

    def fits(self, gid: str, k: int) -> bool:
        """Whether group ``gid`` (not placed) could go in wave ``k``."""
        if k not in self.p.groups[gid].allowed_set:
            return False
        return self.order_failure(gid, k) is None and self.limit_failure(gid, k) is None

    def feasible(self, gid: str) -> list[int]:
        """Every wave group ``gid`` could move to alone, the plan staying valid (its own wave
        included when it is placed)."""
        if self.wave[gid] is None:
            return [k for k in self.p.groups[gid].allowed if self.fits(gid, k)]
        bounds = self.order_bounds(gid)
        if bounds is None:
            return []
        return [k for k in self.p.groups[gid].allowed if self.can_move(gid, k, bounds)]

    def order_bounds(self, gid: str) -> tuple[int, int] | None:
        """The waves a placed group may take given what it needs and what needs it."""
        g = self.p.groups[gid]
        wave = self.wave
        lo = 1
        for n in g.needs:
            w = wave[n]
            if w is None:
                return None
            lo = max(lo, w)
        hi = self.n - 1
        for x in g.users:
            w = wave[x]
            if w is not None and w < hi:
                hi = w
        return lo, hi

    def can_move(self, gid: str, k: int, bounds: tuple[int, int]) -> bool:
        """Whether placed group ``gid`` could move to wave ``k`` (an allowed wave)."""
        old = self.wave[gid]
        if k == old:
            return True
        if k < bounds[0] or k > bounds[1]:
            return False
        p = self.p
        g = p.groups[gid]
        u = g.units
        if k == p.pilot_wave and self.count[k] + g.size > p.pilot_max:
            return False
        if p.max_critical is not None and self.critical[k] + g.critical > p.max_critical:
            return False
        if self.effort[k] + u[0] > p.limits[0] or self.bits[k] + u[1] > p.limits[1]:
            return False
        if old is not None and k < old:
            for d in range(3):
                if u[2 + d] and min(self.slack[d][k:old]) < u[2 + d]:
                    return False
        return True


def _late(p: Problem, gid: str, k: int | None) -> int:
    """How many members of the group would be late in wave ``k`` (0 when unscheduled)."""
    return 0 if k is None else p.groups[gid].late_at[k]


def _topological(p: Problem, key: Callable[[str], tuple[object, ...]]) -> list[str]:
    indegree = {gid: len(g.needs) for gid, g in p.groups.items()}
    ready = [(key(gid), gid) for gid, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    out: list[str] = []
    while ready:
        _, gid = heapq.heappop(ready)
        out.append(gid)
        for u in p.groups[gid].users:
            indegree[u] -= 1
            if indegree[u] == 0:
                heapq.heappush(ready, (key(u), u))
    return out


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
                here = g.value[k] + sum((reach[u].get(k, ZERO) for u in g.users), ZERO)
                best = here if best is None or here > best else best
            if best is not None:
                own[k] = best
        reach[gid] = own
    return reach


def _priorities(p: Problem, order: list[str]) -> tuple[dict[str, date], dict[str, Decimal]]:
    """Deadlines and priorities, each inherited from the groups that need a group."""
    totals = [max((c[d] for c in p.caps), default=ZERO) for d in range(3)]
    deadline: dict[str, date] = {}
    priority: dict[str, Decimal] = {}
    for gid in reversed(order):
        g = p.groups[gid]
        best = max(g.value.values(), default=ZERO)
        use = [g.effort / p.team_days if p.team_days else ZERO]
        use += [g.resources[d] / totals[d] for d in range(3) if totals[d]]
        if p.transfer_bits:
            use.append(g.bits / p.transfer_bits)
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


def _construct(p: Problem, state: State) -> None:
    plain = _topological(p, lambda gid: (gid,))
    deadline, priority = _priorities(p, plain)
    reach = _lookahead(p, plain)
    tight = _tight(p, plain)
    order = _topological(p, lambda gid: (not tight[gid], deadline[gid], -priority[gid], gid))
    for gid in order:
        g = p.groups[gid]
        if any(state.wave[n] is None for n in g.needs):
            continue
        candidates = [k for k in g.allowed if state.fits(gid, k)]
        if not candidates:
            continue

        def score(k: int, g: Group = g) -> tuple[Decimal, int]:
            ahead = sum((reach[u].get(k, ZERO) for u in g.users), ZERO)
            return g.value[k] + ahead, -k

        limit = deadline[gid]
        on_time = [k for k in candidates if p.calendar[k - 1].cutover <= limit]
        chosen = max(on_time, key=score) if on_time else candidates[0]
        state.place(gid, chosen)


def _better(p: Problem, gid: str, old: int | None, new: int) -> bool:
    """Whether moving ``gid`` from ``old`` to ``new`` improves the plan (see module doc)."""
    if old is None:
        return True
    late_old, late_new = _late(p, gid, old), _late(p, gid, new)
    if late_old != late_new:
        return late_new < late_old
    g = p.groups[gid]
    if g.value[new] != g.value[old]:
        return g.value[new] > g.value[old]
    return new < old


def _blocked_rule(p: Problem, state: State, gid: str) -> bool:
    """Whether group ``gid`` breaks the unscheduled rule or the deadline rule as it stands."""
    g = p.groups[gid]
    wave = state.wave[gid]
    if wave is None:
        needs_placed = all(state.wave[n] is not None for n in g.needs)
        return bool(g.allowed) and needs_placed and bool(state.feasible(gid))
    late = _late(p, gid, wave)
    return late > 0 and any(_late(p, gid, k) < late for k in state.feasible(gid))


def keeps_rules(p: Problem, state: State, moved: str) -> bool:
    """Whether no other unscheduled group could now be placed and no other late group could now
    be less late: a move that breaks either leaves a plan planning.md calls invalid."""
    return not any(
        _blocked_rule(p, state, gid) for gid in sorted(state.unplaced | state.late) if gid != moved
    )


def _best_wave(p: Problem, gid: str, waves: list[int]) -> int | None:
    g = p.groups[gid]
    return max(waves, key=lambda k: (g.value[k], -k), default=None)


def _improve(p: Problem, state: State, rounds: int = 50) -> None:
    """Move single groups while the plan gets better and stays valid; place what fits."""
    order = sorted(p.groups)
    preference = p.preference
    for _ in range(rounds):
        changed = False
        for gid in order:
            old = state.wave[gid]
            if old is None:
                best = _best_wave(p, gid, state.feasible(gid))
                if best is not None:
                    state.place(gid, best)
                    changed = True
                continue
            bounds = state.order_bounds(gid)
            if bounds is None:
                continue
            for k in preference[gid]:
                if k == old:
                    break
                if not state.can_move(gid, k, bounds):
                    continue
                state.place(gid, k)
                if keeps_rules(p, state, gid):
                    changed = True
                    break
                state.place(gid, old)
        if not changed:
            return


def _make_room(
    p: Problem, state: State, trials: int = 2000, budget: list[int] | None = None
) -> bool:
    """Place an unscheduled group by moving one placed group to another wave; True if done.

    The groups tried are those at the wave itself and, when capacity is short, those whose
    resources count against it; the least valuable moves are tried first, within ``trials``.
    """
    for gid in sorted(g for g, w in state.wave.items() if w is None):
        g = p.groups[gid]
        if any(state.wave[n] is None for n in g.needs):
            continue
        for k in g.allowed:
            if state.order_failure(gid, k) is not None:
                continue
            reason = state.limit_failure(gid, k)
            if reason is None:
                state.place(gid, k)
                return True
            others = [o for o, w in state.wave.items() if w is not None and o != gid]
            if not reason.startswith("capacity"):
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
                for target in state.feasible(other):
                    if target != here and _late(p, other, target) <= _late(p, other, here):
                        moves.append((value[here] - value[target], other, target))
            for _, other, target in sorted(moves)[:trials]:
                here = state.wave[other]
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
            best = max(spots, key=lambda k: (g.value[k], -k), default=None)
            if best is None:
                state.place(h, here)
                continue
            state.place(gid, best)
            back = state.feasible(h)
            again = max(back, key=lambda k: (p.groups[h].value[k], -k), default=None)
            after = g.value[best] + (p.groups[h].value[again] if again is not None else ZERO)
            late_before = _late(p, h, here)
            late_after = _late(p, gid, best) + _late(p, h, again)
            if after > before and (late_after <= late_before):
                state.place(h, again)
                return True
            state.place(gid, None)
            state.place(h, here)
    return False


def _swap(p: Problem, state: State, budget: list[int]) -> bool:
    """Exchange the waves of pairs of groups, best gain first, where that raises the NPV and
    keeps the plan valid; True when any pair was exchanged."""
    placed = sorted((g, w) for g, w in state.wave.items() if w is not None)
    pairs: list[tuple[Decimal, str, str]] = []
    looked = 0
    for gid, a in placed:
        g = p.groups[gid]
        looked += len(placed)
        if looked > PAIRS:
            break
        for hid, b in placed:
            if b <= a or b not in g.allowed_set:
                continue
            h = p.groups[hid]
            if a not in h.allowed_set:
                continue
            gain = g.value[b] + h.value[a] - g.value[a] - h.value[b]
            if gain > 0 and g.late_at[b] + h.late_at[a] <= g.late_at[a] + h.late_at[b]:
                pairs.append((-gain, gid, hid))
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
        if g.value[b] + h.value[a] <= g.value[a] + h.value[b]:
            continue
        if g.late_at[b] + h.late_at[a] > g.late_at[a] + h.late_at[b]:
            continue
        if not _swap_fits(state, gid, a, hid, b):
            continue
        state.place(gid, None)
        state.place(hid, a)
        state.place(gid, b)
        if keeps_rules(p, state, gid) and keeps_rules(p, state, hid):
            done = True
            continue
        state.place(gid, None)
        state.place(hid, b)
        state.place(gid, a)
    return done


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
    for k, leaving, coming in ((a, g, h), (b, h, g)):
        if k == p.pilot_wave and state.count[k] - leaving.size + coming.size > p.pilot_max:
            return False
        crit = state.critical[k] - leaving.critical + coming.critical
        if p.max_critical is not None and crit > p.max_critical:
            return False
        if state.effort[k] - leaving.units[0] + coming.units[0] > p.limits[0]:
            return False
        if state.bits[k] - leaving.units[1] + coming.units[1] > p.limits[1]:
            return False
    for d in range(3):
        extra = h.units[2 + d] - g.units[2 + d]
        if extra > 0 and min(state.slack[d][a:b]) < extra:
            return False
    return True


def schedule(p: Problem) -> State:
    """Assign every move group a wave (or leave it unscheduled when no wave can take it)."""
    state = State(p)
    _construct(p, state)
    _improve(p, state)
    budget = [WORK]
    while _make_room(p, state, budget=budget):
        _improve(p, state)
    for _ in range(len(p.groups)):
        if not _eject(p, state, budget):
            break
        _improve(p, state)
        while _make_room(p, state, budget=budget):
            _improve(p, state)
    swaps = [WORK]
    for _ in range(3):
        if not _swap(p, state, swaps):
            break
        _improve(p, state)
    if len(p.groups) <= SMALL:
        from migrasi.core.exhaustive import search

        value = sum((p.groups[g].value[w] for g, w in state.wave.items() if w is not None), ZERO)
        better = search(p, value)
        if better is not None:
            for gid in p.groups:
                state.place(gid, None)
            for gid, wave in better.items():
                state.place(gid, wave)
            _improve(p, state)
    return state
