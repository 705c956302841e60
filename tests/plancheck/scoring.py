"""The real planner's plans of random instances, checked by the independent checker and scored
against the brute-force optimum: fresh instances and programmes under way alike."""

from __future__ import annotations

import functools
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migrasi.api import plan_document, validate
from migrasi.core.programme import Inputs
from migrasi.render.plan_json import plan_json
from tests.plancheck.bruteforce import best_plan
from tests.plancheck.checker import check_plan
from tests.plancheck.instances import write_instance
from tests.plancheck.known import schema_problems, unexplained
from tests.plancheck.programme import Programme

SEEDS = range(200)


def problems_of(folder: Path) -> tuple[list[str], dict[str, Any], Inputs]:
    """Plan ``folder``: what its plan.json breaks (JSON Schema and check_plan), the plan, inputs."""
    inputs = validate([folder]).loaded.inputs
    data: dict[str, Any] = json.loads(plan_json(plan_document([folder])))
    return [*schema_problems(data), *check_plan(data, inputs)], data, inputs


@dataclass(frozen=True)
class Solved:
    """One random instance: the checker's findings of the planner's plan, its NPV, the optima."""

    seed: int
    problems: list[str]
    npv: int
    bound: int
    optimum: int | None
    """The best total NPV over plans keeping every rule, deadline and unscheduled rules included
    (over the future waves, for a programme under way)."""
    relaxed: int
    """The best total NPV over plans keeping the wave rules only (a bound on any plan)."""
    yaml: str


@functools.cache
def solved(seed: int, progress: bool) -> Solved:
    """Plan instance ``seed`` (with progress recorded when ``progress``), check it, and search
    its optima."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_instance(Path(tmp), seed, progress=progress)
        found, data, inputs = problems_of(folder)
        yaml = "\n".join(f"# {p.name}\n{p.read_text()}" for p in sorted(folder.iterdir()))
    prog = Programme(inputs)
    best = best_plan(prog, plan_rules=True)
    relaxed = best_plan(prog)
    assert relaxed is not None
    return Solved(
        seed=seed,
        problems=unexplained(found, prog, data),
        npv=data["totals"]["npv"],
        bound=data["bound"]["npv"],
        optimum=None if best is None else best.value,
        relaxed=relaxed.value,
        yaml=yaml,
    )


def closeness(solutions: Iterable[Solved]) -> tuple[list[float], list[str]]:
    """Each scored instance's share of its optimum, and the instances below 95%.

    An instance scores 1 − (optimum − npv) / |optimum| (npv / optimum when the optimum is
    positive); one without a valid plan is not scored, and one whose optimum is 0 is skipped
    when its plan is worth 0 too and counts as below 95% otherwise. A plan that keeps the spec
    and is worth more than the optimum means the brute force missed it (an assertion).
    """
    scores: list[float] = []
    below: list[str] = []
    for s in solutions:
        if s.optimum is None:
            continue
        if not s.problems:
            assert s.npv <= s.optimum, f"seed {s.seed}: the search missed a plan worth {s.npv}"
        if s.optimum == 0:
            if s.npv < 0:
                below.append(f"seed {s.seed}: npv {s.npv}, optimum 0")
            continue
        score = 1 - (s.optimum - s.npv) / abs(s.optimum)
        scores.append(score)
        if score < 0.95:
            below.append(f"seed {s.seed}: npv {s.npv}, optimum {s.optimum} ({score:.1%})")
    return scores, below


def bound_misses(progress: bool) -> list[str]:
    """The instances whose reported bound is below the best NPV of any plan keeping the wave
    rules (the bound must be at least every plan's NPV)."""
    return [
        f"seed {seed}: bound {s.bound} < optimum {s.relaxed}"
        for seed in SEEDS
        if (s := solved(seed, progress)).bound < s.relaxed
    ]
