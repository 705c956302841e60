"""A plan being made: which wave each move group takes, the loads that puts on every wave, and
the questions every planner asks of it (may this group go there; is the plan still valid).

The wave limits are those of :data:`migrasi.core.rules.WAVE_RULES`, summed as exact integers
(``Group.load``). ``used[k]`` is the :class:`Load` of the groups in wave k. A
cumulative rule (capacity) keeps ``slack[r][j]``, what is left on wave j's cutover after every
group in a wave ≤ j, and ``room[r][k]``, the least slack from wave k on: a group fits in wave k
when it needs no more than ``room`` there.
"""

from __future__ import annotations

from decimal import Decimal

from migrasi.core.problem import ZERO, Group, Problem
from migrasi.core.rules import CUMULATIVE, EACH, FAILURES, WAVE_RULES, Failure, Load


class State:
    """A (partial) assignment of groups to waves with the loads it puts on every wave."""

    def __init__(self, p: Problem) -> None:
        self.p = p
        n = len(p.calendar) + 1
        self.n = n
        self.wave: dict[str, int | None] = dict.fromkeys(p.groups)
        rules = len(WAVE_RULES)
        self.used = [Load() for _ in range(n)]
        self.limits = [[None] * rules, *(list(w) for w in zip(*p.unit_limits, strict=True))]
        """Every rule's limit on each wave (index k is wave k)."""
        self.slack = [[0] * n for _ in range(rules)]
        self.room = [[0] * n for _ in range(rules)]
        for r in CUMULATIVE:
            self.slack[r] = [0, *(x if x is not None else 0 for x in p.unit_limits[r])]
            self._rebuild_room(r)
        self.unplaced: set[str] = set(p.groups)
        self.late: set[str] = set()

    def _rebuild_room(self, r: int) -> None:
        slack, room = self.slack[r], self.room[r]
        least: int | None = None
        for j in range(self.n - 1, 0, -1):
            least = slack[j] if least is None or slack[j] < least else least
            room[j] = least

    def _apply(self, g: Group, k: int, sign: int) -> None:
        load = g.load
        self.used[k].add(load, sign)
        for r in CUMULATIVE:
            need = load[r]
            if need:
                slack = self.slack[r]
                for j in range(k, self.n):
                    slack[j] -= sign * need
                self._rebuild_room(r)

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

    def value(self) -> Decimal:
        """The sum of the placed groups' values."""
        groups = self.p.groups
        return sum((groups[g].value[w] for g, w in self.wave.items() if w is not None), ZERO)

    def kept_value(self) -> Decimal:
        """The value with the premium of every group kept where ``--keep`` anchors it (what a
        search that stays close to an earlier plan maximises)."""
        premium = self.p.premium
        extra = sum((premium(g, w) for g, w in self.wave.items() if w is not None), ZERO)
        return self.value() + extra

    # --- the wave rules --------------------------------------------------------------------

    def limit_failure(self, gid: str, k: int) -> Failure | None:
        """The first wave rule that group ``gid`` (not in wave ``k``) breaks there, or None."""
        load = self.p.groups[gid].load
        found = self.used[k].fits(load, self.limits[k])
        if found is not None:
            return found
        for r in CUMULATIVE:
            if load[r] and load[r] > self.room[r][k]:
                return FAILURES[r]
        return None

    def fits_after_move(self, gid: str, k: int, oid: str, here: int, target: int) -> bool:
        """Whether :meth:`limit_failure` would find no rule that group ``gid`` (not placed)
        breaks in wave ``k`` once group ``oid`` moved from wave ``here`` to ``target``: the
        loads that move would leave, computed without making it (tests/test_state_rules.py holds
        the two to the same answer)."""
        g, o = self.p.groups[gid].load.amounts, self.p.groups[oid].load.amounts
        used, limits = self.used[k].amounts, self.limits[k]
        for r in EACH:
            limit = limits[r]
            if limit is None:
                continue
            total = used[r] + g[r] - (o[r] if here == k else 0) + (o[r] if target == k else 0)
            if total > limit:
                return False
        low, high = min(here, target), max(here, target)
        for r in CUMULATIVE:
            need, room = g[r], self.room[r][k]
            if not need:
                continue
            shift = o[r] if target > here else -o[r]
            if need <= room and shift >= 0:
                continue  # the room from k on can only grow
            if need > room and shift <= 0:
                return False  # it can only shrink
            slack = self.slack[r]
            least = min(slack[j] + (shift if low <= j < high else 0) for j in range(k, self.n))
            if need > least:
                return False
        return True

    def swap_fails(self, gid: str, a: int, hid: str, b: int) -> bool:
        """Whether group ``gid`` (in wave a) and ``hid`` (in the later wave b) trading waves
        breaks a wave rule."""
        g, h = self.p.groups[gid].load, self.p.groups[hid].load
        if self.used[a].fits(h, self.limits[a], g) or self.used[b].fits(g, self.limits[b], h):
            return True
        for r in CUMULATIVE:
            extra = h[r] - g[r]
            if extra > 0 and min(self.slack[r][a:b]) < extra:
                return True
        return False

    # --- dependencies (rule 3) and the group's own rules -----------------------------------

    def missing_needs(self, gid: str, k: int) -> list[str]:
        """The groups ``gid`` depends on that are not in a wave ≤ k."""
        wave = self.wave
        return [n for n in self.p.groups[gid].needs if (w := wave[n]) is None or w > k]

    def in_order(self, gid: str, k: int) -> bool:
        """Whether wave ``k`` keeps rule 3 for group ``gid``: everything it needs placed in a
        wave ≤ k, nothing placed that needs it in a wave < k."""
        bounds = self.order_bounds(gid)
        return bounds is not None and bounds[0] <= k <= bounds[1]

    def fits(self, gid: str, k: int) -> bool:
        """Whether group ``gid`` (not placed) could go in wave ``k``."""
        if k not in self.p.groups[gid].allowed_set:
            return False
        return self.in_order(gid, k) and self.limit_failure(gid, k) is None

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
        if old is None:
            return self.limit_failure(gid, k) is None
        load = self.p.groups[gid].load
        if self.used[k].fits(load, self.limits[k]) is not None:
            return False
        return k > old or all(
            not load[r] or min(self.slack[r][k:old]) >= load[r] for r in CUMULATIVE
        )

    def feasible(self, gid: str) -> list[int]:
        """Every wave group ``gid`` could move to alone, the plan staying valid (its own wave
        included when it is placed)."""
        bounds = self.order_bounds(gid)
        if bounds is None:
            return []
        allowed = self.p.groups[gid].allowed
        if self.wave[gid] is None:  # what fits asks, its bounds found once
            lo, hi = bounds
            return [k for k in allowed if lo <= k <= hi and self.limit_failure(gid, k) is None]
        return [k for k in allowed if self.can_move(gid, k, bounds)]

    # --- the deadline rule and the unscheduled rule ----------------------------------------

    def late_in(self, gid: str, k: int | None) -> int:
        """How many members of the group would be late in wave ``k`` (0 when unscheduled)."""
        return 0 if k is None else self.p.groups[gid].late_at[k]

    def breaks_plan_rules(self, gid: str) -> bool:
        """Whether group ``gid`` breaks the unscheduled rule (it could be placed) or the
        deadline rule (it could be less late) as the plan stands."""
        g = self.p.groups[gid]
        wave = self.wave[gid]
        if wave is None:
            needs_placed = all(self.wave[n] is not None for n in g.needs)
            return bool(g.allowed) and needs_placed and bool(self.feasible(gid))
        late = self.late_in(gid, wave)
        return late > 0 and any(self.late_in(gid, k) < late for k in self.feasible(gid))

    def keeps_rules(self, moved: str) -> bool:
        """Whether no other unscheduled group could now be placed and no other late group could
        now be less late: a move that breaks either leaves a plan planning.md calls invalid."""
        return not any(
            self.breaks_plan_rules(gid) for gid in sorted(self.unplaced | self.late) if gid != moved
        )

    def valid(self) -> bool:
        """Whether no group breaks the unscheduled rule or the deadline rule."""
        return not any(self.breaks_plan_rules(gid) for gid in self.wave)
