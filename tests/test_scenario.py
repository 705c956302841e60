"""Scenario files: how ``set`` and ``scale`` change the inputs, and ``--scenario`` on the
commands that plan."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from migrasi import api
from migrasi.core.scenario import check_scenario, resolve, settable
from migrasi.core.scenario_apply import apply
from migrasi.loading.yamlio import parse
from tests.conftest import DATACENTER, INVENTORY


def scenario_file(folder: Path, body: str, name: str = "skenario.yaml") -> Path:
    """Write a scenario file named ``name`` with ``body`` under its schema and name lines."""
    path = folder / name
    path.write_text(f"schema: migrasi/scenario/v1\nname: Uji\n{body}", encoding="utf-8")
    return path


def applied(good_dir: Path, tmp_path: Path, body: str) -> Any:
    """The inputs of ``good_dir`` under a scenario of ``body``, as ``apply`` returns them."""
    path = scenario_file(tmp_path, body, "s.yaml")
    scenario, findings = check_scenario("s.yaml", parse("s.yaml", path.read_bytes()).data)
    assert scenario is not None, findings
    inputs = api.validate([good_dir]).loaded.inputs
    assert inputs.datacenter is not None
    return apply(scenario, "s.yaml", inputs.datacenter, inputs.inventories)


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    """A folder with a valid data-center file and one valid inventory."""
    folder = tmp_path / "inv"
    folder.mkdir()
    (folder / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (folder / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    return folder


def test_set_comes_before_scale(good_dir: Path, tmp_path: Path) -> None:
    """A rate set and then scaled is the set rate times the scale, exactly."""
    done = applied(good_dir, tmp_path, "set:\n  finance.fx.USD: 17500\nscale:\n  fx: 1.1\n")
    assert done.datacenter.finance.fx == {"USD": Decimal("19250.0")}


def test_setting_an_absent_optional_field_adds_it(good_dir: Path, tmp_path: Path) -> None:
    """The test data-center file has no max_critical and no pilot: set adds both."""
    body = (
        "set:\n  schedule.max_critical: 2\n"
        "  schedule.pilot: {max_systems: 3, criticality: [rendah]}\n"
    )
    schedule = applied(good_dir, tmp_path, body).datacenter.schedule
    assert schedule.max_critical == 2
    assert schedule.pilot.max_systems == 3


def test_a_field_inside_an_absent_one_needs_its_siblings(good_dir: Path, tmp_path: Path) -> None:
    """Setting pilot.max_systems alone, with no pilot in the file, is E101 at that key."""
    done = applied(good_dir, tmp_path, "set:\n  schedule.pilot.max_systems: 3\n")
    assert done.datacenter is None
    assert [(f.code, f.path, f.args["field"]) for f in done.findings] == [
        ("E101", ("set", "schedule.pilot.max_systems"), "criticality")
    ]


def test_scales_multiply_exactly_what_they_name(good_dir: Path, tmp_path: Path) -> None:
    """Each scale multiplies its figures exactly; a defaulted effort follows the defaults and
    a defaulted data amount is written out, scaled."""
    body = (
        "scale:\n  provider_cost: 1.2\n  running_cost: 0.5\n  effort_days: 1.5\n"
        "  labour_cost: 2\n  data_gb: 0.25\n  capacity: 1.15\n  team_days: 0.75\n"
        "  transfer_hours: 3\n"
    )
    done = applied(good_dir, tmp_path, body)
    dc = done.datacenter
    system = done.inventories[0].systems[0][1]
    assert system.cost.amount == Decimal("5400000")
    assert system.migration.data_gb == Decimal("125")
    assert system.migration.effort_days is None
    assert dc.effort_days.rehost == Decimal("12")
    assert dc.running_cost.per_vcpu == Decimal("30000")
    assert dc.finance.labour_cost_per_day == Decimal("3000000")
    assert dc.capacity.vcpu == Decimal("736")
    assert (dc.schedule.team_days, dc.schedule.transfer_hours) == (Decimal("67.5"), 108)


def test_every_settable_path_resolves_to_itself() -> None:
    """The paths `set` offers (and the JSON Schema lists) are the paths it takes."""
    for path in settable():
        found = resolve(path)
        assert isinstance(found, tuple) and ".".join(found[0]) == path


def test_plan_under_a_scenario_records_it(good_dir: Path, tmp_path: Path, cli: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """plan --scenario writes plans/scenarios/<stem> with the scenario and the effective
    assumptions in plan.json, and names the scenario in the summary."""
    path = scenario_file(tmp_path, "scale:\n  team_days: 0.5\n", "tim-kecil.yaml")
    monkeypatch.chdir(tmp_path)
    done = cli("plan", str(good_dir), "--scenario", str(path), "--lang", "en")
    assert done.code == 0, done.err
    plan = json.loads((tmp_path / "plans/scenarios/tim-kecil/plan.json").read_text())
    assert plan["scenario"]["name"] == "Uji"
    assert plan["scenario"]["file"] == path.as_posix()
    assert plan["assumptions"]["team_days"] == 45
    assert "Scenario" in done.out and "Uji" in done.out


def test_errors_under_a_scenario_are_shown_and_name_it(good_dir: Path, tmp_path: Path,
                                                       cli: Any) -> None:  # fmt: skip
    """A system that no longer fits under the scenario is E207 at its place in its inventory,
    and the report names the scenario, for plan and for savings alike."""
    path = scenario_file(tmp_path, "scale:\n  capacity: 0.001\n")
    for command in (["plan", "--out", str(tmp_path / "out")], ["savings"]):
        done = cli(*command, str(good_dir), "--scenario", str(path), "--lang", "en")
        assert done.code == 1
        assert f"{good_dir.as_posix()}/kota-uji.yaml:4:9: error E207" in done.err
        assert f"under scenario 'Uji', {path.as_posix()}" in done.err


def test_a_scenario_with_errors_plans_nothing(good_dir: Path, tmp_path: Path, cli: Any) -> None:
    """An unknown scale name is E212 at its key, and nothing is planned."""
    path = scenario_file(tmp_path, "scale:\n  tim_days: 0.5\n")
    done = cli("plan", str(good_dir), "--scenario", str(path), "--out", str(tmp_path / "o"))
    assert done.code == 1
    assert f"{path.as_posix()}:4:3: error E212 scale.tim_days" in done.err
    assert not (tmp_path / "o").exists()


def test_another_kind_of_file_is_not_a_scenario(good_dir: Path, cli: Any) -> None:
    """An inventory given as --scenario is E006 naming the scenario schema."""
    done = cli("savings", str(good_dir), "--scenario", str(good_dir / "kota-uji.yaml"))
    assert done.code == 1
    assert "E006" in done.err and "migrasi/scenario/v1" in done.err


def test_scenario_with_plan_file_is_wrong_usage(good_dir: Path, tmp_path: Path, cli: Any) -> None:
    """--scenario plans afresh, so with --plan it is refused (exit 2)."""
    path = scenario_file(tmp_path, "")
    done = cli("savings", "--plan", str(good_dir), "--scenario", str(path))
    assert done.code == 2
    assert "--scenario" in done.err


def test_a_scenario_under_a_path_is_never_applied(good_dir: Path) -> None:
    """A scenario file found among the inventories is checked but changes no figure."""
    before = api.plan_document([good_dir])
    scenario_file(good_dir, "scale:\n  provider_cost: 2\n")
    after = api.plan_document([good_dir])
    assert after.totals == before.totals
    assert after.scenario is None


def test_a_scenario_that_changes_nothing_changes_no_byte(tmp_path: Path) -> None:
    """Every scale at 1 and no set: the plan's files are those of the plan without a scenario,
    byte for byte, but for plan.json's scenario field and the summary line naming it."""
    from tests.conftest import INVENTORIES

    names = ("provider_cost", "running_cost", "effort_days", "labour_cost", "data_gb",
             "capacity", "team_days", "transfer_hours", "fx")  # fmt: skip
    ones = "".join(f"  {n}: {'1' if i % 2 else '1.000'}\n" for i, n in enumerate(names))
    path = scenario_file(tmp_path, f"scale:\n{ones}")
    plain = api.plan_files(api.plan([INVENTORIES]), "en")
    under = api.plan_files(api.plan([INVENTORIES], scenario=path), "en")
    plan = json.loads(under.pop("plan.json"))
    assert plan.pop("scenario")["name"] == "Uji"
    assert plan == {k: v for k, v in json.loads(plain.pop("plan.json")).items() if k != "scenario"}
    for name in ("graph.mmd", "savings.csv"):
        assert under[name] == plain[name], name
    from migrasi.render.escape import markdown_cell

    scenario_line = f"| Scenario | {markdown_cell(f'Uji ({path.as_posix()})')} |\n"
    assert under["plan.md"].decode().replace(scenario_line, "") == plain["plan.md"].decode()
