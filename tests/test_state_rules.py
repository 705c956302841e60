"""The planner's quick questions of a plan being made agree with the one wave-rule check.

``State.fits_after_move`` answers, without moving anything, what ``State.limit_failure`` would
say once another group moved; the search trusts it to skip trials. It must never disagree.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from migrasi import api
from migrasi.core.problem import Problem, build
from migrasi.core.scheduler import schedule
from migrasi.core.state import State
from tests.conftest import INVENTORIES, ROOT


def _problem(folder: Path) -> Problem:
    """The planning problem of the inventories under ``folder``."""
    result = api.validate([folder])
    dc = result.inputs.datacenter
    assert dc is not None and not result.errors
    checked = result.checked
    free = checked.movable or checked.groups
    return build(checked.items, free, dc, checked.fixed, checked.groups)


def _after_move(state: State, gid: str, k: int, other: str, target: int) -> bool:
    """Move ``other`` to ``target`` for real, ask ``limit_failure``, and move it back."""
    here = state.wave[other]
    state.place(other, target)
    try:
        return state.limit_failure(gid, k) is None
    finally:
        state.place(other, here)


@pytest.mark.parametrize(
    "folder", [INVENTORIES, ROOT / "examples" / "progress-2027-05" / "inventories"]
)
def test_fits_after_move_agrees_with_limit_failure(folder: Path) -> None:
    """For 3,000 random (group taken out, wave, other group, its new wave), both answers agree."""
    p = _problem(folder)
    state = schedule(p)
    placed = sorted(g for g, w in state.wave.items() if w is not None)
    rng = random.Random(7)
    seen = {True: 0, False: 0}
    for _ in range(3000):
        gid, other = rng.sample(placed, 2)
        home = state.wave[gid]
        state.place(gid, None)
        try:
            here = state.wave[other]
            assert here is not None
            k = rng.randrange(1, state.n)
            target = rng.randrange(1, state.n)
            quick = state.fits_after_move(gid, k, other, here, target)
            assert quick == _after_move(state, gid, k, other, target), (gid, k, other, target)
            seen[quick] += 1
        finally:
            state.place(gid, home)
    assert seen[True] and seen[False]
