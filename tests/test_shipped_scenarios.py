"""The scenarios shipped in scenarios/: valid, described, and each one plans the shipped
inventories without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrasi import api
from tests.conftest import INVENTORIES, ROOT

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


def test_the_four_scenarios_are_shipped() -> None:
    """pesimis, optimis, mulai-terlambat and tim-tambahan are in scenarios/."""
    names = {p.stem for p in SCENARIOS}
    assert {"pesimis", "optimis", "mulai-terlambat", "tim-tambahan"} <= names


def test_the_scenario_folder_checks_clean_on_its_own() -> None:
    """Validating scenarios/ alone reports nothing: no error, no missing data-center file."""
    assert api.validate([ROOT / "scenarios"]).findings == []


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_shipped_scenario_plans_the_shipped_inventories(path: Path) -> None:
    """Each scenario has a name and a description, and the inventories plan under it with no
    error."""
    result = api.plan([INVENTORIES], scenario=path)
    chosen = result.validation.scenario
    assert chosen is not None and chosen.scenario is not None
    assert chosen.scenario.name and chosen.scenario.description
    assert result.validation.errors == 0
    assert result.document is not None and result.document.scenario is not None
