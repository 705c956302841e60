"""The variations of migrasi sensitivity and the order of its tornado."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from migrasi import api
from migrasi.core.scenario import SCALES
from migrasi.core.sensitivity import RATE, Row, changes, tornado_key
from migrasi.core.whatif import Figures, Outcome
from tests.conftest import INVENTORIES, ROOT

CASE = ROOT / "tests" / "cases" / "cycle-and-pilot" / "inventories"


def datacenter(rate: str = "0.06") -> Any:
    """The shipped data-center model with its discount rate set to ``rate``."""
    dc = api.validate([INVENTORIES]).inputs.datacenter
    assert dc is not None
    return dc.model_copy(update={"finance": dc.finance.model_copy(
        update={"discount_rate": Decimal(rate)})})  # fmt: skip


def test_every_scale_and_the_rate_vary_low_and_high() -> None:
    """Each scale by ±range percent, then the discount rate by ±points percentage points."""
    made = changes(datacenter(), Decimal(20), Decimal(2))
    assert [(c.name, c.side) for c in made] == [
        (n, side) for n in (*SCALES, RATE) for side in ("low", "high")
    ]
    assert {c.value for c in made if c.name != RATE} == {Decimal("0.8"), Decimal("1.2")}
    assert [c.value for c in made if c.name == RATE] == [Decimal("0.04"), Decimal("0.08")]


def test_the_discount_rate_never_goes_below_zero() -> None:
    """A rate of 1% less 2 points is 0%, not -1%."""
    made = changes(datacenter("0.01"), Decimal(20), Decimal(2))
    rates = [c.value for c in made if c.name == RATE]
    assert rates == [Decimal(0), Decimal("0.03")]


def figures(npv: int) -> Figures:
    """Figures with this NPV (the rest does not order a tornado)."""
    return Figures(npv, 0, 0, 0, 0, 0, None, None, None, 0, 0, 0)


def row(name: str, low: int | None, high: int | None) -> Row:
    """A row whose sides have these NPVs (None: the inputs have errors under that side)."""
    change = changes(datacenter(), Decimal(20), Decimal(2))[0]

    def side(npv: int | None) -> Outcome:
        return Outcome(figures(npv)) if npv is not None else Outcome(None, errors=("E207",))

    return Row(name, change, change, side(low), side(high))


def test_tornado_order_is_swing_then_name_then_errors_last() -> None:
    """Largest swing first; equal swings by name; a row with errors after every other."""
    rows = [
        row("fx", 10, 20),
        row("capacity", 5, 15),
        row("team_days", 0, 100),
        row("data_gb", None, 3),
        row("running_cost", 50, 30),
        row("effort_days", 7, None),
    ]
    ordered = [r.name for r in sorted(rows, key=tornado_key)]
    assert ordered == ["team_days", "running_cost", "capacity", "fx", "data_gb", "effort_days"]


def test_changes_with_errors_show_their_codes_and_exit_0(cli: Any) -> None:
    """At ±90% a scale makes systems that can never fit: those sides show E207 and go last,
    and the command exits 0 since the unchanged inputs are valid."""
    done = cli("sensitivity", str(CASE), "--range", "90", "--format", "json")
    assert done.code == 0
    import json

    rows = json.loads(done.out)["rows"]
    failing = [r["name"] for r in rows if r["swing"] is None]
    assert failing and [r["name"] for r in rows[-len(failing) :]] == failing
    assert all("E207" in r["low"]["errors"] + r["high"]["errors"] for r in rows[-len(failing) :])


@pytest.mark.parametrize("args", [["--range", "0"], ["--range", "100"], ["--range", "x"],
                                  ["--rate-points", "-1"]])  # fmt: skip
def test_a_range_out_of_bounds_is_wrong_usage(cli: Any, args: list[str]) -> None:
    """The range is a percentage strictly between 0 and 100, the points a number ≥ 0."""
    assert cli("sensitivity", str(CASE), *args).code == 2


def test_compare_needs_a_scenario(cli: Any) -> None:
    """compare without --scenario is wrong usage."""
    assert cli("compare", str(CASE)).code == 2


def test_compare_with_a_bad_scenario_file_plans_nothing(cli: Any, tmp_path: Path) -> None:
    """A scenario file with an error is reported at its place, and compare exits 1."""
    bad = tmp_path / "salah.yaml"
    bad.write_text("schema: migrasi/scenario/v1\nname: Salah\nscale:\n  kurs: 1.1\n")
    done = cli("compare", str(CASE), "--scenario", str(bad))
    assert done.code == 1
    assert f"{bad.as_posix()}:4:3: error E212" in done.err
    assert done.out == ""


def test_inputs_with_errors_stop_both_commands(cli: Any, tmp_path: Path) -> None:
    """Unchanged inputs with an error: nothing is compared or varied, exit 1."""
    (tmp_path / "x.yaml").write_text("schema: migrasi/inventory/v1\n")
    for args in (["sensitivity"], ["compare", "--scenario", str(ROOT / "scenarios/optimis.yaml")]):
        done = cli(*args, str(tmp_path))
        assert done.code == 1 and "E101" in done.err
