"""Scenarios, compare and sensitivity on a programme under way: the scenario is applied first,
then the as-of day, and every plan keeps the record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from migrasi import api
from migrasi.core.comparison import Comparison
from migrasi.core.sensitivity import Sensitivity
from tests.conftest import ROOT
from tests.test_progress_plan import record_progress

AS_OF = date(2027, 4, 10)


@pytest.fixture(scope="module")
def under_way(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped inventories as they stand on 10 April 2027 had the plan been followed."""
    folder = tmp_path_factory.mktemp("under-way")
    record_progress(folder, AS_OF)
    return folder


def test_the_as_of_day_comes_after_the_scenario(under_way: Path, tmp_path: Path) -> None:
    """A scenario that sets schedule.as_of is overruled by --as-of, applied after it."""
    path = tmp_path / "hari.yaml"
    path.write_text("schema: migrasi/scenario/v1\nname: Hari lain\nset:\n"
                    "  schedule.as_of: 2027-04-20\n")  # fmt: skip
    assert api.plan_document([under_way], scenario=path).as_of == date(2027, 4, 20)
    assert api.plan_document([under_way], AS_OF, scenario=path).as_of == AS_OF


def test_compare_under_way_keeps_the_record(under_way: Path) -> None:
    """Under every scenario the systems recorded done or under way keep their status and
    cutover, and the plan is what plan --scenario --as-of makes."""
    scenarios = [ROOT / "scenarios" / f"{n}.yaml" for n in ("pesimis", "optimis")]
    subject = api.compare([under_way], scenarios, AS_OF, keep=True).subject
    assert isinstance(subject, Comparison)
    recorded = record_progress(under_way.parent / "again", AS_OF)
    for path, o in ((None, subject.base), *zip(scenarios, (c.outcome for c in subject.columns),
                                               strict=True)):  # fmt: skip
        assert o.plan is not None and o.figures is not None
        kept = {r: (s.status.value, s.cutover) for r, s in o.plan.systems.items() if r in recorded}
        assert kept == {r: (status, day) for r, (status, day) in recorded.items()}
        doc = api.plan_document([under_way], AS_OF, scenario=path)
        assert doc.totals.npv == o.figures.npv


def test_sensitivity_under_way_reprices_the_record(under_way: Path) -> None:
    """A change that leaves every system's money alone re-prices the unchanged waves, fixed
    systems included, at the unchanged NPV."""
    subject = api.sensitivity([under_way], Decimal(20), Decimal(2), AS_OF).subject
    assert isinstance(subject, Sensitivity)
    base = subject.base.figures
    assert base is not None
    row = next(r for r in subject.rows if r.name == "transfer_hours")
    assert row.high_outcome.repriced == base.npv
