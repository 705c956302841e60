"""Exact mode: proven optimal on small instances, valid and at least as good on large ones."""

from __future__ import annotations

import builtins
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest

from migrasi import api
from migrasi.render.plan_json import plan_json
from tests.conftest import plan_data
from tests.plancheck.bruteforce import best_plan
from tests.plancheck.checker import check_plan
from tests.plancheck.instances import LARGE, write_instance
from tests.plancheck.known import schema_problems, unexplained
from tests.plancheck.programme import Programme
from tests.test_plancheck_progress import write

pytest.importorskip("scipy")


def exact_doc(folder: Path, time_limit: float = 20.0) -> dict[str, Any]:
    """The plan.json of exact mode for the inventories in ``folder``."""
    result = api.plan([folder], exact=True, time_limit=time_limit)
    assert result.document is not None
    return plan_data(result.document)


def exact_under_way(folder: Path) -> tuple[dict[str, Any], list[str], Programme]:
    """Exact mode's plan.json for a programme under way, what it breaks that no recorded
    violation explains (JSON Schema and check_plan), and the programme."""
    result = api.plan([folder], exact=True, time_limit=20.0)
    assert result.document is not None
    doc: dict[str, Any] = json.loads(plan_json(result.document))
    inputs = api.validate([folder]).loaded.inputs
    prog = Programme(inputs)
    found = [*schema_problems(doc), *check_plan(doc, inputs)]
    return doc, unexplained(found, prog, doc), prog


@pytest.mark.parametrize("seed", range(0, 200, 10))
def test_small_exact_equals_brute_force(seed: int) -> None:
    """On small instances exact mode's plan is valid, proven optimal and equals the optimum."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_instance(Path(tmp), seed)
        doc = exact_doc(folder)
        inputs = api.validate([folder]).loaded.inputs
        assert check_plan(doc, inputs) == []
        best = best_plan(Programme(inputs), plan_rules=True)
    assert doc["mode"] == "exact"
    assert doc["proven"]["optimal"] is True
    if best is not None:
        assert doc["totals"]["npv"] == best.value


@pytest.mark.parametrize("seed", range(5))
def test_large_exact_is_valid_and_not_worse(seed: int) -> None:
    """On instances too large to search, exact mode's plan is valid, at least the heuristic's
    NPV, and its proven bound is at least its NPV."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_instance(Path(tmp), seed, LARGE)
        doc = exact_doc(folder)
        heuristic = plan_data(api.plan_document([folder]))
        assert check_plan(doc, api.validate([folder]).loaded.inputs) == []
    assert doc["totals"]["npv"] >= heuristic["totals"]["npv"] - len(doc["systems"])
    assert doc["proven"]["npv"] >= doc["totals"]["npv"]


@pytest.mark.parametrize("seed", range(0, 200, 10))
def test_small_exact_under_way_equals_brute_force(seed: int) -> None:
    """With progress recorded, exact mode's plan is valid and the optimum over the future waves."""
    with tempfile.TemporaryDirectory() as tmp:
        doc, problems, prog = exact_under_way(write_instance(Path(tmp), seed, progress=True))
    assert problems == []
    best = best_plan(prog, plan_rules=True)
    assert doc["proven"]["optimal"] is True
    if best is not None:
        assert doc["totals"]["npv"] == best.value


@pytest.mark.parametrize("seed", range(5))
def test_large_exact_under_way_is_valid_and_not_worse(seed: int) -> None:
    """With progress recorded, exact mode's plan of a large instance is valid and worth at least
    the heuristic's."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_instance(Path(tmp), seed, LARGE, progress=True)
        doc, problems, _ = exact_under_way(folder)
        heuristic = json.loads(plan_json(api.plan_document([folder])))
    assert problems == []
    assert doc["totals"]["npv"] >= heuristic["totals"]["npv"] - len(doc["systems"])


def test_exact_proven_npv_counts_fixed_systems(tmp_path: Path) -> None:
    """For the hand-made programme under way, proven optimal, proven.npv is the plan's NPV."""
    write(tmp_path)
    doc = exact_doc(tmp_path)
    assert doc["proven"]["optimal"] is True
    assert doc["proven"]["npv"] == doc["totals"]["npv"] == 85810000


def test_exact_without_the_extra_is_a_usage_error(
    cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without scipy, --exact exits 2 and names the extra to install."""
    real_import = builtins.__import__

    def no_scipy(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("scipy"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_scipy)
    folder = Path(__file__).parent / "cases" / "contract-waits" / "inventories"
    result = cli("plan", str(folder), "--exact", "--out", str(tmp_path / "p"))
    assert result.code == 2
    assert "migrasi[exact]" in result.err
