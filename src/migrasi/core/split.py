"""Split items between two bins: the 0/1 problem a repartition of two waves poses.

Each item ``i`` goes to the earlier bin (``i`` in the chosen set S) or to the later one, and
``gain[i]`` is what S earns for holding it (negative where the later bin is worth more). For
every limit ``r`` the loads of S add up to at least ``low[r]`` and at most ``high[r]`` (None:
no such side); an item may be forced into S or out of it; and ``needs`` lists pairs (i, j): i
in S only with j in S (what a group depends on is cut over with it or before it).

The search is a heuristic in three steps, all bounded by counts: prices for the limits (a
Lagrangian sweep, one limit at a time, at the ratio of gain to load where that limit fills),
a greedy choice by priced gain with dependency closures, a repair of any limit still broken,
then first-improvement moves on the true gains (add a closure, drop one, trade one for one).
It starts from S0 too (repaired and improved the same way), and returns the best feasible set
found (S0 when nothing beats it).
Prices and ratios are decimals of 28 digits (core/decimals.py's context), never floats, so that the
same instance gives the same set on every machine; the sets are compared on the exact integer
gains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from migrasi.core.decimals import CONTEXT

ZERO = Decimal(0)

SWEEPS = 3
"""Rounds of pricing before the priced start is chosen."""
REPAIRS = 12
"""Repair steps from one start."""
CORE = 15
"""How many of the most (least) promising items a repair step looks at, each way."""
STEPS = 50
"""Improving moves from one start."""


@dataclass
class Split:
    """One instance: gains, loads (one row per item, one column per limit), the limits, the
    current set, the items forced in (1) or out (0), and the dependency pairs."""

    gain: Sequence[int]
    loads: Sequence[Sequence[int]]
    low: Sequence[int | None]
    high: Sequence[int | None]
    start: frozenset[int]
    forced: dict[int, int] = field(default_factory=dict)
    needs: Sequence[tuple[int, int]] = ()


def _closure(i: int, nexts: Sequence[Sequence[int]]) -> frozenset[int]:
    seen = {i}
    stack = [i]
    while stack:
        for j in nexts[stack.pop()]:
            if j not in seen:
                seen.add(j)
                stack.append(j)
    return frozenset(seen)


class _Search:
    """The working data of one solve: the binding limits only, closures, forced items."""

    def __init__(self, s: Split) -> None:
        n = len(s.gain)
        self.gain = list(s.gain)
        active = [
            r
            for r in range(len(s.high))
            if ((h := s.high[r]) is not None and sum(row[r] for row in s.loads) > h)
            or ((lo := s.low[r]) is not None and lo > 0)
        ]
        self.loads = [[row[r] for r in active] for row in s.loads]
        self.low = [s.low[r] for r in active]
        self.high = [s.high[r] for r in active]
        self.size = [max(1, *(row[k] for row in self.loads)) for k in range(len(active))]
        needs: list[list[int]] = [[] for _ in range(n)]
        users: list[list[int]] = [[] for _ in range(n)]
        for i, j in s.needs:
            needs[i].append(j)
            users[j].append(i)
        forced = dict(s.forced)
        for value, nexts in ((1, needs), (0, users)):
            stack = [i for i, v in forced.items() if v == value]
            while stack:
                for j in nexts[stack.pop()]:
                    if forced.get(j) != value:
                        forced[j] = value
                        stack.append(j)
        self.forced = forced
        self.up = [_closure(i, needs) for i in range(n)]
        """What must join S with item i."""
        self.down = [_closure(i, users) for i in range(n)]
        """What must leave S with item i."""
        self.free = [i for i in range(n) if i not in forced]
        self.fixed_in = frozenset(i for i, v in forced.items() if v == 1)

    def sums(self, chosen: set[int] | frozenset[int]) -> list[int]:
        total = [0] * len(self.high)
        for i in chosen:
            for k, x in enumerate(self.loads[i]):
                total[k] += x
        return total

    def excess(self, total: Sequence[int]) -> Decimal:
        """How far the sums break the limits, each limit in units of its largest load."""
        out = ZERO
        for x, h, lo, size in zip(total, self.high, self.low, self.size, strict=True):
            if h is not None and x > h:
                out += Decimal(x - h) / size
            elif lo is not None and x < lo:
                out += Decimal(lo - x) / size
        return out

    def keeps(self, total: Sequence[int]) -> bool:
        """Whether the sums keep every limit."""
        for x, h, lo in zip(total, self.high, self.low, strict=True):
            if (h is not None and x > h) or (lo is not None and x < lo):
                return False
        return True

    def vector(self, items: Sequence[int]) -> list[int]:
        """The loads of ``items``, summed per limit."""
        out = [0] * len(self.high)
        for i in items:
            for k, x in enumerate(self.loads[i]):
                out[k] += x
        return out

    def shifted(self, total: Sequence[int], out: Sequence[int], into: Sequence[int]) -> list[int]:
        return [
            t - o + i for t, o, i in zip(total, self.vector(out), self.vector(into), strict=True)
        ]

    def joining(self, j: int, chosen: set[int]) -> list[int] | None:
        """What adding item j brings into S (None when a forced-out item would)."""
        add = sorted(y for y in self.up[j] if y not in chosen)
        return None if any(self.forced.get(y) == 0 for y in add) else add

    def leaving(self, i: int, chosen: set[int]) -> list[int] | None:
        """What dropping item i takes out of S (None when a forced-in item would)."""
        drop = sorted(y for y in self.down[i] if y in chosen)
        return None if any(self.forced.get(y) == 1 for y in drop) else drop

    # --- the three steps -------------------------------------------------------------------

    def priced(self) -> tuple[set[int], list[Decimal]]:
        """A start: the set chosen greedily by gain less the priced loads (the prices set
        over ``SWEEPS`` sweeps), and those priced gains."""
        limits = len(self.high)
        mu = [ZERO] * limits
        fixed = self.sums(self.fixed_in)
        for _ in range(SWEEPS):
            for k in range(limits):
                mu[k] = self._price(k, mu, fixed[k])
        red = [
            g - sum((m * x for m, x in zip(mu, row, strict=True)), ZERO)
            for g, row in zip(self.gain, self.loads, strict=True)
        ]
        return self._greedy(red), red

    def _price(self, k: int, mu: Sequence[Decimal], fixed: int) -> Decimal:
        points = []
        for i in self.free:
            row = self.loads[i]
            if row[k] > 0:
                rest = sum((mu[j] * row[j] for j in range(len(mu)) if j != k), ZERO)
                points.append(((self.gain[i] - rest) / row[k], row[k]))
        points.sort(reverse=True)
        high, low = self.high[k], self.low[k]
        high = None if high is None else high - fixed
        low = None if low is None else low - fixed
        wanted = sum(w for ratio, w in points if ratio > 0)
        if high is not None and wanted > high:
            acc = 0
            for ratio, w in points:
                if acc + w > high:
                    return ratio
                acc += w
        elif low is not None and wanted < low:
            acc = 0
            for ratio, w in points:
                acc += w
                if acc >= low:
                    return ratio
            return points[-1][0] if points else ZERO
        return ZERO

    def _greedy(self, red: Sequence[Decimal]) -> set[int]:
        chosen = set(self.fixed_in)
        for x in sorted(self.free, key=lambda i: (-red[i], i)):
            if red[x] <= 0:
                break
            if x in chosen:
                continue
            add = self.joining(x, chosen)
            if add is not None and sum((red[y] for y in add), ZERO) > 0:
                chosen.update(add)
        return chosen

    def repair(self, chosen: set[int], red: Sequence[Decimal]) -> list[int] | None:
        """Make ``chosen`` keep every limit, at the least priced loss per unit of excess;
        its sums, or None when the steps run out first."""
        total = self.sums(chosen)
        for _ in range(REPAIRS):
            bad = self.excess(total)
            if bad == 0:
                return total
            best: tuple[Decimal, list[int], list[int]] | None = None
            outs = sorted((j for j in self.free if j not in chosen), key=lambda j: (-red[j], j))
            ins = sorted((i for i in self.free if i in chosen), key=lambda i: (red[i], i))
            none = [0] * len(total)
            drops = [
                (d, self.vector(d), sum((red[x] for x in d), ZERO))
                for i in ins[:CORE]
                if (d := self.leaving(i, chosen)) is not None
            ]
            adds = [
                (j, a, self.vector(a), sum((red[x] for x in a), ZERO))
                for j in outs[:CORE]
                if (a := self.joining(j, chosen)) is not None
            ]
            options: list[tuple[list[int], list[int], Decimal, list[int], list[int], Decimal]]
            options = [(d, dv, dr, [], none, ZERO) for d, dv, dr in drops]
            options += [([], none, ZERO, a, av, ar) for _, a, av, ar in adds]
            options += [
                (d, dv, dr, a, av, ar)
                for d, dv, dr in drops
                for j, a, av, ar in adds
                if self.up[j].isdisjoint(d)
            ]
            for out, out_load, out_red, into, into_load, into_red in options:
                moved = [t - o + i for t, o, i in zip(total, out_load, into_load, strict=True)]
                fixed = bad - self.excess(moved)
                if fixed > 0:
                    cost = (out_red - into_red) / fixed
                    if best is None or cost < best[0]:
                        best = (cost, out, into)
            if best is None:
                return None
            chosen.difference_update(best[1])
            chosen.update(best[2])
            total = self.shifted(total, best[1], best[2])
        return total if self.excess(total) == 0 else None

    def improve(self, chosen: set[int], total: list[int]) -> None:
        """First-improvement moves on the true gains while they keep every limit."""
        gain = self.gain
        for _ in range(STEPS):
            outs = sorted((j for j in self.free if j not in chosen), key=lambda j: (-gain[j], j))
            ins = sorted((i for i in self.free if i in chosen), key=lambda i: (gain[i], i))
            move = self._add(chosen, total, outs) or self._drop(chosen, total, ins)
            move = move or self._trade(chosen, total, outs, ins)
            if move is None:
                return
            out, into, total[:] = move
            chosen.difference_update(out)
            chosen.update(into)

    def _add(
        self, chosen: set[int], total: list[int], outs: list[int]
    ) -> tuple[list[int], list[int], list[int]] | None:
        for j in outs:
            if self.gain[j] <= 0:
                break
            add = self.joining(j, chosen)
            if add is None or sum(self.gain[y] for y in add) <= 0:
                continue
            moved = self.shifted(total, (), add)
            if self.keeps(moved):
                return [], add, moved
        return None

    def _drop(
        self, chosen: set[int], total: list[int], ins: list[int]
    ) -> tuple[list[int], list[int], list[int]] | None:
        for i in ins:
            if self.gain[i] >= 0:
                break
            drop = self.leaving(i, chosen)
            if drop is None or sum(self.gain[y] for y in drop) >= 0:
                continue
            moved = self.shifted(total, drop, ())
            if self.keeps(moved):
                return drop, [], moved
        return None

    def _trade(
        self, chosen: set[int], total: list[int], outs: list[int], ins: list[int]
    ) -> tuple[list[int], list[int], list[int]] | None:
        gain = self.gain
        leaving: dict[int, tuple[list[int], int, list[int]] | None] = {}
        for j in outs:
            add = self.joining(j, chosen)
            if add is None:
                continue
            rise = sum(gain[y] for y in add)
            plus: list[int] | None = None
            for i in ins:
                if rise <= gain[i]:
                    break
                if i not in leaving:
                    drop = self.leaving(i, chosen)
                    leaving[i] = None if drop is None else (
                        drop, sum(gain[y] for y in drop), self.vector(drop)
                    )  # fmt: skip
                found = leaving[i]
                if found is None or rise - found[1] <= 0 or not self.up[j].isdisjoint(found[0]):
                    continue
                if plus is None:
                    plus = [t + x for t, x in zip(total, self.vector(add), strict=True)]
                moved = [t - x for t, x in zip(plus, found[2], strict=True)]
                if self.keeps(moved):
                    return found[0], add, moved
        return None


def solve(s: Split) -> frozenset[int]:
    """The best set found: it keeps every limit, the forced items and the dependency pairs,
    and gains at least as much as ``s.start`` (which it is when nothing better is found)."""
    with localcontext(CONTEXT):
        search = _Search(s)
        best, best_gain = s.start, sum(s.gain[i] for i in s.start)
        starts = [(set(s.start), [Decimal(g) for g in s.gain]), search.priced()]
        for chosen, red in starts:
            total = search.repair(chosen, red)
            if total is None:
                continue
            search.improve(chosen, total)
            value = sum(s.gain[i] for i in chosen)
            if value > best_gain:
                best, best_gain = frozenset(chosen), value
    return best
