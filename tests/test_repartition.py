"""Repartition of two waves (core/repartition.py) and the split search under it (core/split.py)."""

from __future__ import annotations

from pathlib import Path

from migrasi import api
from migrasi.core import scheduler
from migrasi.core.problem import Problem, build
from migrasi.core.repartition import MEMBERS, STAY, deal_out, worth
from migrasi.core.rules import CUMULATIVE, WAVE_RULES
from migrasi.core.split import Split, solve
from migrasi.core.state import State
from tests.conftest import ROOT


def test_split_trades_one_item_for_a_better_one() -> None:
    """With room for one of two equal loads, the search holds the item that gains more."""
    found = solve(Split(gain=[1, 3], loads=[[5], [5]], low=[None], high=[5], start=frozenset({0})))
    assert found == {1}


def test_split_keeps_dependencies_and_forced_items() -> None:
    """An item comes with what it needs, and not at all when that is forced out."""
    free = Split(gain=[10, -2], loads=[[1], [1]], low=[None], high=[9], start=frozenset(),
                 needs=[(0, 1)])  # fmt: skip
    assert solve(free) == {0, 1}
    held_out = Split(gain=[10, -2], loads=[[1], [1]], low=[None], high=[9], start=frozenset(),
                     forced={1: 0}, needs=[(0, 1)])  # fmt: skip
    assert solve(held_out) == frozenset()


def test_split_meets_a_lower_limit() -> None:
    """Where the later bin cannot hold them all, the earlier keeps at least what is left over,
    at the least loss."""
    split = Split(gain=[-1, -5, -2], loads=[[4], [4], [4]], low=[8], high=[None],
                  start=frozenset({0, 1}))  # fmt: skip
    assert solve(split) == {0, 2}


def _problem(folder: Path) -> Problem:
    result = api.validate([folder])
    checked = result.checked
    dc = result.inputs.datacenter
    assert dc is not None
    return build(checked.items, checked.movable or checked.groups, dc, checked.fixed,
                 checked.groups)  # fmt: skip


def _keeps_wave_rules(p: Problem, state: State) -> bool:
    """Every wave rule and every dependency, summed afresh from the waves alone."""
    for r in range(len(WAVE_RULES)):
        for k in range(1, len(p.calendar) + 1):
            limit = p.unit_limits[r][k - 1]
            if limit is None:
                continue
            total = sum(
                g.load[r]
                for gid, g in p.groups.items()
                if (w := state.wave[gid]) is not None and (w <= k if r in CUMULATIVE else w == k)
            )
            if total > limit:
                return False
    return all(
        all((n_wave := state.wave[n]) is not None and n_wave <= w for n in p.groups[gid].needs)
        for gid, w in state.wave.items()
        if w is not None
    )


def test_dealing_out_raises_the_npv_of_the_shipped_plan_and_keeps_the_rules() -> None:
    """On the shipped inventories, dealing the waves out again after the single moves raises
    the plan's value and leaves every wave rule and dependency kept."""
    p = _problem(ROOT / "inventories")
    state = State(p)
    scheduler._construct(p, state)
    scheduler.polish(p, state, [scheduler.WORK])
    before = state.value()
    assert deal_out(p, state, {}, [MEMBERS])
    assert state.value() > before
    assert _keeps_wave_rules(p, state)


def test_a_held_group_is_worth_a_price_more_where_it_is_held() -> None:
    """Under --keep, a group anchored in its wave is worth more than its value there (the
    minimum gain, one Rupiah and a STAY-th of its value), its value in an earlier wave, and no
    more than where it is in a later one."""
    result = api.validate([ROOT / "inventories"])
    dc = result.inputs.datacenter
    assert dc is not None
    checked = result.checked
    earlier = api._earlier(ROOT / "plans" / "current", 7, dc)
    p = build(checked.items, checked.movable or checked.groups, dc, checked.fixed,
              checked.groups, earlier)  # fmt: skip
    state = scheduler.schedule(p)
    gid, wave = next((g, w) for g, w in sorted(p.anchor.items()) if state.wave[g] == w)
    value = p.groups[gid].value[wave]
    assert worth(p, state, gid, wave) == value + 7 + 1 + abs(value) / STAY
    for other in p.groups[gid].allowed:
        if other < wave:
            assert worth(p, state, gid, other) == p.groups[gid].value[other]
        elif other > wave:
            assert worth(p, state, gid, other) == min(p.groups[gid].value[other], value)
