"""The real planner's plans of programmes under way (progress.md), checked against the spec.

Random instances with an as-of day and progress recorded are planned by migrasi, run through the
independent checker, and compared with the brute-force optimum over the future waves. Each way
the planner broke progress.md has a minimal case in ``tests/progress_cases``, tested below; one
found and not yet fixed is a strict xfail here and an entry of tests/plancheck/known.py (none
now), which keeps it from failing the random instances too.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrasi.api import validate
from tests.plancheck.checker import check_plan
from tests.plancheck.instances import LARGE, write_instance
from tests.plancheck.known import schema_problems, unexplained
from tests.plancheck.programme import Programme
from tests.plancheck.scoring import SEEDS, bound_misses, closeness, problems_of, solved

CASES = Path(__file__).parent / "progress_cases"
CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("seed", SEEDS)
def test_random_progress_plan_passes_check_plan(seed: int) -> None:
    """The plan of a small random programme under way keeps every promise of the spec."""
    s = solved(seed, progress=True)
    assert s.problems == [], "\n".join([*s.problems, s.yaml])


def test_progress_plans_are_close_to_the_optimum() -> None:
    """Over the random programmes under way the plan's NPV is ≥ 99% of the optimum over the
    future waves on average, never < 95% (scored as test_plancheck_plans scores fresh plans)."""
    scores, below = closeness(solved(seed, progress=True) for seed in SEEDS)
    assert len(scores) >= 150
    mean = sum(scores) / len(scores)
    # The figures, for `pytest -s -k progress_plans_are_close`:
    print(f"\n{len(scores)} scored: mean {mean:.4%}, minimum {min(scores):.4%} of the optimum")
    assert not below, f"{len(below)} plans below 95% of the optimum:\n" + "\n".join(below)
    assert mean >= 0.99, f"the plans reach {mean:.2%} of the optimum on average"


def test_progress_bound_is_at_least_every_plan() -> None:
    """The reported bound is at least the best NPV of any plan keeping rules 1–11."""
    short = bound_misses(progress=True)
    assert not short, "\n".join(short)


@pytest.mark.parametrize("seed", range(30))
def test_large_random_progress_plan_passes_check_plan(seed: int) -> None:
    """The plan of a programme under way too large to search keeps the spec."""
    with tempfile.TemporaryDirectory() as tmp:
        found, data, inputs = problems_of(write_instance(Path(tmp), seed, LARGE, progress=True))
    assert unexplained(found, Programme(inputs), data) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=10_000, max_value=2**31))
def test_any_random_progress_plan_passes_check_plan(seed: int) -> None:
    """Whatever the seed, the plan of the random programme under way keeps the spec."""
    with tempfile.TemporaryDirectory() as tmp:
        found, data, inputs = problems_of(write_instance(Path(tmp), seed, progress=True))
    assert unexplained(found, Programme(inputs), data) == []


@pytest.mark.parametrize(
    "case",
    sorted(p.name for p in CORPUS.iterdir() if p.name.startswith(("ok-", "w"))),
)
def test_corpus_plans_pass_check_plan(case: str) -> None:
    """Every corpus case that validates without errors (progress recorded in some) plans to
    the spec."""
    folder = CORPUS / case
    checked = validate([folder])
    if checked.errors or checked.inputs.datacenter is None:
        pytest.skip("the inputs have errors, or no inventory: nothing to plan")
    found, _, _ = problems_of(folder)
    assert found == []


def test_committed_example_under_way_passes_check_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """The committed plan of examples/progress-2027-05 keeps the spec for its inventories."""
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)  # the plan names files from there
    example = Path("examples") / "progress-2027-05"
    data = json.loads((example / "plan" / "plan.json").read_text(encoding="utf-8"))
    inputs = validate([example / "inventories"]).loaded.inputs
    assert inputs.datacenter is not None and inputs.datacenter.schedule.as_of is not None
    assert [*schema_problems(data), *check_plan(data, inputs)] == []


def case_problems(name: str, pattern: str) -> list[str]:
    """The problems of case ``name`` that match ``pattern``."""
    found, _, _ = problems_of(CASES / name)
    return [p for p in found if re.search(pattern, p)]


def test_done_before_start_has_no_wave() -> None:
    """web, done on 2026-11-20 before the start (2027-01-04), has wave null in the plan."""
    assert case_problems("done-before-start", r"wave") == []


def test_done_before_start_counts_nothing_before_month_0() -> None:
    """web, done in month −2 ending its contract early: kept in Jambi 12 × 2,000,000 =
    24,000,000 (the plan says 25,500,000: 13 months less the 500,000 fee); Data Center cost in
    2027 12 × 240,000 = 2,880,000 (the plan says 3,120,000, 13 months)."""
    assert case_problems("done-before-start", r"kept_in_jambi|dc_running_cost") == []


def test_in_progress_system_that_cannot_be_scheduled_stays_in_progress() -> None:
    """web, in progress and pinned to wave 3 where the fixed db leaves no vcpu, is in_progress
    with no wave, W310, and counted under in_progress."""
    assert case_problems("in-progress-unscheduled", r".") == []
