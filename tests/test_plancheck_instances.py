"""The random instance generator and the brute-force search of tests/plancheck, checked."""

from __future__ import annotations

import functools
import itertools
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from migrasi.api import validate
from migrasi.core.programme import Inputs
from tests.plancheck.bruteforce import best_npv, best_plan
from tests.plancheck.instances import write_instance
from tests.plancheck.programme import Programme
from tests.plancheck.rules import deadline_violations, rule_violations, unscheduled_violations
from tests.plancheck.state import Assign, PlanState

SEEDS = range(200)


@functools.cache
def inputs_of(seed: int, progress: bool = False) -> Inputs:
    """The validated inputs of instance ``seed`` (which must have no errors)."""
    with tempfile.TemporaryDirectory() as tmp:
        result = validate([write_instance(Path(tmp), seed, progress=progress)])
    assert result.errors == 0
    return result.loaded.inputs


def features(prog: Programme) -> set[str]:
    """The features of an instance that the generator is meant to cover."""
    found: set[str] = set()
    sizes = [len(m) for m in prog.members.values()]
    if any(n > 1 for n in sizes):
        found.add("group")
    for u in prog.units.values():
        s = u.system
        found.update(
            name
            for name, present in (
                ("move_with", bool(s.move_with)),
                ("pin", u.pin is not None and u.planned),
                ("not_before", u.not_before is not None),
                ("not_after", s.migration.not_after is not None),
                ("freeze", bool(u.freeze)),
                ("fee", s.cost.termination_fee is not None),
                ("contract", s.cost.contract_end is not None),
                ("usd", s.cost.currency == "USD"),
                ("yearly", s.cost.per == "year"),
                ("retire", s.strategy == "retire"),
                ("retain", s.strategy == "retain"),
                ("costs_more", u.moved and u.costs.internal > u.costs.external),
            )
            if present
        )
    schedule = prog.dc.schedule
    found.update(
        name
        for name, present in (
            ("pilot", schedule.pilot is not None),
            ("closed_wave", any(not w.open for w in prog.waves)),
            ("expansion", bool(prog.dc.capacity.expansions)),
            ("max_critical", schedule.max_critical is not None),
            ("compliance", schedule.compliance_deadline is not None),
            ("two_regions", len(prog.regions) == 2),
        )
        if present
    )
    return found


def test_instances_are_small_valid_and_varied() -> None:
    """Every instance validates, has ≤ 8 move groups and ≤ 5 waves; together they cover much."""
    seen: Counter[str] = Counter()
    for seed in SEEDS:
        prog = Programme(inputs_of(seed))
        assert len(prog.group_ids) <= 8
        assert len(prog.waves) <= 5
        seen.update(features(prog))
    wanted = {
        "group", "move_with", "pin", "not_before", "not_after", "freeze", "fee", "contract",
        "usd", "yearly", "retire", "retain", "costs_more", "pilot", "closed_wave", "expansion",
        "max_critical", "compliance", "two_regions",
    }  # fmt: skip
    rare = {f: seen[f] for f in wanted if seen[f] < 10}
    assert not rare, rare


def progress_features(prog: Programme) -> set[str]:
    """The features of a programme under way that the generator is meant to cover."""
    found: set[str] = set()
    start = prog.dc.schedule.start
    for name, present in (
        ("as_of_before_start", prog.as_of is not None and prog.as_of < start),
        ("ended_wave", any(w.ended for w in prog.waves)),
        ("current_wave", any(w.started and not w.ended for w in prog.waves)),
        ("no_future_wave", not prog.future_waves),
        ("search", len(prog.future_waves) >= 2 and len(prog.group_ids) >= 3),
        ("fixed_exceed", any(prog.fixed_use[d] > prog.capacity[-1][d] for d in range(3))),
        ("in_progress_future", any(prog.units[r].status == "in_progress" for r in prog.free)),
        ("split_group", any(len(m) < prog.scc_size[g] for g, m in prog.members.items())),
    ):
        if present:
            found.add(name)
    for ref, fixed in prog.fixed.items():
        found.add(f"fixed_{fixed.status}")
        if fixed.cutover < start:
            found.add("done_before_start")
        if any(d not in prog.fixed for d in prog.units[ref].depends_on):
            found.add("fixed_before_dependency")
        deadline = prog.deadline_of(ref)
        if deadline is not None and fixed.cutover > deadline:
            found.add("fixed_late")
    return found


def test_progress_instances_are_varied() -> None:
    """Instances with progress recorded validate and cover what progress.md speaks of."""
    seen: Counter[str] = Counter()
    for seed in SEEDS:
        seen.update(progress_features(Programme(inputs_of(seed, progress=True))))
    wanted = {
        "as_of_before_start", "ended_wave", "current_wave", "no_future_wave", "search",
        "fixed_exceed", "in_progress_future", "split_group", "fixed_done", "fixed_in_progress",
        "done_before_start", "fixed_before_dependency", "fixed_late",
    }  # fmt: skip
    rare = {f: seen[f] for f in wanted if seen[f] < 10}
    assert not rare, rare


def naive_best(prog: Programme, *, plan_rules: bool) -> int | None:
    """The best total of rounded NPVs by trying every assignment of the groups to the future
    waves, with no pruning at all (the fixed systems' NPVs are in every plan)."""
    options: list[int | None] = [*prog.future_waves, None]
    best: int | None = None
    for choice in itertools.product(options, repeat=len(prog.group_ids)):
        assign: Assign = {
            ref: wave
            for gid, wave in zip(prog.group_ids, choice, strict=True)
            for ref in prog.members[gid]
        }
        st = PlanState(prog, assign)
        if rule_violations(st):
            continue
        if plan_rules and (deadline_violations(st) or unscheduled_violations(st)):
            continue
        value = sum(prog.group_value(g, w) for g, w in zip(prog.group_ids, choice, strict=True))
        value += prog.fixed_value()
        best = value if best is None else max(best, value)
    return best


@pytest.mark.parametrize("progress", [False, True])
def test_brute_force_matches_plain_enumeration(progress: bool) -> None:
    """On instances small enough to enumerate, the pruned search finds the same optimum (with
    progress recorded: over the future waves)."""
    tried = 0
    for seed in SEEDS:
        inputs = inputs_of(seed, progress)
        prog = Programme(inputs)
        if (len(prog.future_waves) + 1) ** len(prog.group_ids) > 800:
            continue
        tried += 1
        for plan_rules in (False, True):
            best = best_plan(prog, plan_rules=plan_rules)
            expected = naive_best(prog, plan_rules=plan_rules)
            assert (None if best is None else best.value) == expected, (seed, plan_rules)
        assert best_npv(inputs) == naive_best(prog, plan_rules=False)
    assert tried >= 30
