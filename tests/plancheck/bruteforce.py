"""The best plan of a small instance by exhaustive search (branch and bound, exact)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from migrasi.core.programme import Inputs
from tests.plancheck.money import exact
from tests.plancheck.programme import Programme
from tests.plancheck.rules import deadline_violations, unscheduled_violations
from tests.plancheck.state import Assign, PlanState, over_capacity

ZERO = Decimal(0)


@dataclass(frozen=True)
class Load:
    """What one move group puts on its wave."""

    systems: int
    critical: int
    effort: Decimal
    bits: Decimal
    use: tuple[Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class Option:
    """One wave a group may take (None: unscheduled), with its worth there."""

    wave: int | None
    value: int
    """The sum of the members' rounded NPVs."""
    npv: Decimal
    """The exact NPV, for breaking ties."""


@dataclass(frozen=True)
class Best:
    """The best plan found: its value, its exact NPV and the assignment."""

    value: int
    npv: Decimal
    assign: Assign


def _order(prog: Programme) -> list[str]:
    """Group ids with every group after the groups it depends on."""
    needs = {g: {prog.group_of[r] for r in prog.group_needs[g]} for g in prog.group_ids}
    done: list[str] = []
    placed: set[str] = set()
    while len(done) < len(needs):
        for g in prog.group_ids:
            if g not in placed and needs[g] <= placed:
                done.append(g)
                placed.add(g)
                break
        else:  # pragma: no cover - groups are strongly connected components
            raise AssertionError("the group graph has a cycle")
    return done


class _Search:
    """Depth-first search over groups in dependency order, pruning invalid partial plans."""

    def __init__(self, prog: Programme, plan_rules: bool) -> None:
        self.prog = prog
        self.plan_rules = plan_rules
        self.order = _order(prog)
        self.needs = {
            g: sorted({prog.group_of[r] for r in prog.group_needs[g]}) for g in prog.group_ids
        }
        self.loads: dict[str, Load] = {}
        self.options: dict[str, list[Option]] = {}
        with exact():
            for g in self.order:
                units = [prog.units[r] for r in prog.members[g]]
                self.loads[g] = Load(
                    systems=len(units),
                    critical=sum(u.critical for u in units),
                    effort=sum((u.effort for u in units), ZERO),
                    bits=sum((u.bits for u in units), ZERO),
                    use=(
                        sum((u.use[0] for u in units), ZERO),
                        sum((u.use[1] for u in units), ZERO),
                        sum((u.use[2] for u in units), ZERO),
                    ),
                )
                opts = [
                    Option(j, prog.group_value(g, j), prog.group_npv(g, j))
                    for j in prog.future_waves
                    if prog.allowed(g, j)
                ]
                opts.sort(key=lambda o: (-o.value, -o.npv, o.wave))
                self.options[g] = [*opts, Option(None, 0, ZERO)]
        # Optimistic worth of the groups from position i on.
        self.bound_value = [0] * (len(self.order) + 1)
        self.bound_npv = [ZERO] * (len(self.order) + 1)
        with exact():
            for i in range(len(self.order) - 1, -1, -1):
                opts = self.options[self.order[i]]
                self.bound_value[i] = self.bound_value[i + 1] + max(o.value for o in opts)
                self.bound_npv[i] = self.bound_npv[i + 1] + max(o.npv for o in opts)
        size = len(prog.waves) + 1
        self.count = [0] * size
        self.critical = [0] * size
        self.effort = [ZERO] * size
        self.bits = [ZERO] * size
        self.cumulative = [[ZERO, ZERO, ZERO] for _ in range(size)]
        self.wave: dict[str, int | None] = {}
        self.best: Best | None = None

    def fits(self, g: str, j: int) -> bool:
        """Whether group ``g`` fits in wave ``j`` beside what is placed already."""
        prog = self.prog
        load = self.loads[g]
        if (
            prog.wave(j).pilot
            and prog.pilot_max is not None
            and self.count[j] + load.systems > prog.pilot_max
        ):
            return False
        if prog.max_critical is not None and self.critical[j] + load.critical > prog.max_critical:
            return False
        if self.effort[j] + load.effort > prog.team_days:
            return False
        if self.bits[j] + load.bits > prog.bits_limit:
            return False
        for k in range(j, len(prog.waves) + 1):
            for d in range(3):
                if over_capacity(prog, k, d, self.cumulative[k][d] + load.use[d]):
                    return False
        return True

    def place(self, g: str, j: int, sign: int) -> None:
        """Add (sign 1) or remove (sign −1) group ``g`` in wave ``j``."""
        load = self.loads[g]
        self.count[j] += sign * load.systems
        self.critical[j] += sign * load.critical
        self.effort[j] += sign * load.effort
        self.bits[j] += sign * load.bits
        for k in range(j, len(self.prog.waves) + 1):
            for d in range(3):
                self.cumulative[k][d] += sign * load.use[d]

    def better(self, value: int, npv: Decimal) -> bool:
        """Whether (value, npv) beats the best found so far."""
        return self.best is None or (value, npv) > (self.best.value, self.best.npv)

    def leaf(self, value: int, npv: Decimal) -> None:
        """A complete assignment: keep it when it is the best so far (and keeps the plan rules)."""
        if not self.better(value, npv):
            return
        assign: Assign = {}
        for g, w in self.wave.items():
            for r in self.prog.members[g]:
                assign[r] = w
        if self.plan_rules:
            st = PlanState(self.prog, assign)
            if deadline_violations(st) or unscheduled_violations(st):
                return
        self.best = Best(value, npv, assign)

    def run(self, i: int, value: int, npv: Decimal) -> None:
        """Try every option of the group at position ``i``."""
        if self.best is not None:
            top = value + self.bound_value[i]
            if top < self.best.value or (
                top == self.best.value and npv + self.bound_npv[i] <= self.best.npv
            ):
                return
        if i == len(self.order):
            self.leaf(value, npv)
            return
        g = self.order[i]
        earliest = 1  # the groups it needs are not fixed (a fixed one is already there)
        blocked = False
        for need in self.needs[g]:
            w = self.wave[need]
            if w is None:
                blocked = True
                break
            earliest = max(earliest, w)
        for option in self.options[g]:
            j = option.wave
            if j is not None and (blocked or j < earliest or not self.fits(g, j)):
                continue
            self.wave[g] = j
            if j is not None:
                self.place(g, j, 1)
            self.run(i + 1, value + option.value, npv + option.npv)
            if j is not None:
                self.place(g, j, -1)
            del self.wave[g]


def best_plan(prog: Programme, *, plan_rules: bool = False) -> Best | None:
    """The assignment with the highest total of rounded NPVs (exact NPV breaks ties).

    It keeps rules 1–11 and leaves what depends on an unscheduled system unscheduled; with
    ``plan_rules`` it also keeps the deadline rule and the unscheduled rule (None when no plan
    can keep them). Fixed systems (progress.md) stay where the record puts them: the search runs
    over the future waves, and their rounded NPVs are in every plan's value (not in
    ``assign``, which holds the systems that are not fixed).
    """
    search = _Search(prog, plan_rules)
    fixed = [prog.fixed_outcome(ref) for ref in sorted(prog.fixed)]
    with exact():
        npv = sum((o.npv for o in fixed), ZERO)
        search.run(0, prog.fixed_value(), npv)
    return search.best


def best_npv(inputs: Inputs, *, plan_rules: bool = False) -> Decimal:
    """The highest total of members' rounded NPVs over every valid plan of ``inputs``."""
    best = best_plan(Programme(inputs), plan_rules=plan_rules)
    assert best is not None, "no plan keeps the deadline and unscheduled rules"
    return Decimal(best.value)
