"""Staying close to an earlier plan: ``migrasi plan --keep OLD [--min-gain AMOUNT]``."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from migrasi import api
from tests.conftest import INVENTORIES, ROOT, plan_data
from tests.plancheck.checker import check_plan
from tests.plancheck.known import unexplained
from tests.plancheck.programme import Programme

OLD = ROOT / "plans" / "current"
OLD_DOC: dict[str, Any] = json.loads((OLD / "plan.json").read_text(encoding="utf-8"))
WAS = {s["ref"]: s["wave"] for s in OLD_DOC["systems"]}


def inventories(tmp: Path, team_days: int | None = None) -> Path:
    """A copy of the shipped inventories, with another team size when given."""
    folder = tmp / "inventories"
    shutil.copytree(INVENTORIES, folder)
    if team_days is not None:
        path = folder / "datacenter.yaml"
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["schedule"]["team_days"] = team_days
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return folder


def planned(folder: Path, **options: Any) -> dict[str, Any]:
    """The plan.json data of the inputs under ``folder``."""
    result = api.plan([folder], **options)
    assert result.document is not None
    return plan_data(result.document)


def moved(doc: dict[str, Any]) -> list[str]:
    """The systems whose wave differs from the committed plan's."""
    return [s["ref"] for s in doc["systems"] if s["wave"] != WAS.get(s["ref"])]


def test_same_inputs_keep_every_wave(tmp_path: Path) -> None:
    """Re-planned unchanged with --keep, every system keeps its wave, carries a null reason, and
    the record names the earlier plan by the SHA-256 of its plan.json."""
    doc = planned(inventories(tmp_path), keep=OLD)
    assert moved(doc) == []
    digest = hashlib.sha256((OLD / "plan.json").read_bytes()).hexdigest()
    planned_count = sum(s["status"] != "retained" for s in doc["systems"])
    assert doc["keep"] == {
        "plan": digest, "min_gain": 0, "kept": planned_count, "moved": 0, "removed": 0
    }  # fmt: skip
    assert all(s["moved_because"] is None for s in doc["systems"])
    assert "keep" not in planned(inventories(tmp_path / "again"))
    assert "moved_because" not in planned(inventories(tmp_path / "plain"))["systems"][0]


def test_smaller_team_moves_few_and_says_why(tmp_path: Path) -> None:
    """With team_days 5% smaller, --keep moves at most a quarter of what a fresh plan moves,
    keeps the NPV within 0.5% of the fresh plan's, gives every moved system a reason, and the
    plan still keeps every rule and is left-shift closed (the minimum gain is 0)."""
    folder = inventories(tmp_path, team_days=228)
    fresh = planned(folder)
    kept = planned(folder, keep=OLD)
    assert len(moved(kept)) * 4 <= len(moved(fresh))
    assert abs(kept["totals"]["npv"] - fresh["totals"]["npv"]) <= fresh["totals"]["npv"] * 0.005
    reasons = {s["ref"]: s["moved_because"] for s in kept["systems"]}
    assert all(reasons[r] for r in moved(kept))
    assert {reasons[r] for r in moved(kept)} <= {"no_longer_fits", "gain"}
    assert kept["keep"]["kept"] + kept["keep"]["moved"] == sum(
        s["status"] != "retained" for s in kept["systems"]
    )
    for s in kept["systems"]:
        del s["moved_because"]
    del kept["keep"]
    assert check_plan(kept, api.validate([folder]).loaded.inputs) == []


def test_a_large_minimum_gain_moves_only_what_must_move(tmp_path: Path) -> None:
    """With a minimum gain no move can beat, the only systems that move are those their old
    wave can no longer take."""
    folder = inventories(tmp_path, team_days=228)
    doc = planned(folder, keep=OLD, min_gain=10**12)
    reasons = {s["ref"]: s["moved_because"] for s in doc["systems"]}
    assert {reasons[r] for r in moved(doc)} <= {"no_longer_fits"}
    assert doc["keep"]["min_gain"] == 10**12


def test_keep_usage(cli: Any, tmp_path: Path) -> None:
    """An earlier plan with other waves, a missing one, or --min-gain alone is wrong usage."""
    other = json.loads(json.dumps(OLD_DOC))
    other["assumptions"]["start"] = "2027-02-01"
    (tmp_path / "plan.json").write_text(json.dumps(other), encoding="utf-8")
    folder = inventories(tmp_path)
    out = str(tmp_path / "out")
    shifted = cli("plan", str(folder), "--out", out, "--keep", str(tmp_path / "plan.json"))
    assert shifted.code == 2 and "matched by number" in shifted.err
    assert cli("plan", str(folder), "--out", out, "--keep", str(tmp_path / "none")).code == 2
    assert cli("plan", str(folder), "--out", out, "--min-gain", "5").code == 2


def test_diff_says_why_a_system_moved(cli: Any, tmp_path: Path) -> None:
    """migrasi diff between the earlier plan and a plan kept close to it gives each move's
    reason, in words and in JSON."""
    folder = inventories(tmp_path, team_days=228)
    out = tmp_path / "kept"
    assert cli("plan", str(folder), "--out", str(out), "--keep", str(OLD)).code == 0
    shown = cli("diff", str(OLD), str(out), "--lang", "en")
    assert "no longer fits its wave" in shown.out
    data = json.loads(cli("diff", str(OLD), str(out), "--format", "json").out)
    reasons = {s["ref"]: s["moved_because"] for s in data["systems"] if "wave" in s["changes"]}
    assert reasons and all(reasons.values())


@pytest.mark.parametrize("exact", [False, True])
def test_recorded_progress_is_a_reason(tmp_path: Path, exact: bool) -> None:
    """A system whose recorded progress puts it elsewhere than the earlier plan moved because
    of the record; exact mode keeps the others where they were."""
    if exact:
        pytest.importorskip("scipy")
    folder = inventories(tmp_path)
    first = next(s for s in OLD_DOC["systems"] if s["wave"] == 3)
    region, system = first["ref"].split("/")
    path = folder / f"{region}.yaml"
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    for s in data["systems"]:
        if s["id"] == system:
            s["migration"].update({"status": "done", "cutover_on": "2027-01-02"})
            s["migration"].pop("wave", None)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    dc = folder / "datacenter.yaml"
    settings: Any = yaml.safe_load(dc.read_text(encoding="utf-8"))
    settings["schedule"]["as_of"] = "2027-01-03"
    dc.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    options: dict[str, Any] = {"keep": OLD}
    if exact:
        options.update(exact=True, time_limit=20)
    doc = planned(folder, **options)
    reasons = {s["ref"]: s["moved_because"] for s in doc["systems"]}
    assert reasons[first["ref"]] == "recorded"
    assert {reasons[r] for r in moved(doc)} <= {"recorded", "started", "no_longer_fits", "gain"}
    for s in doc["systems"]:
        del s["moved_because"]
    del doc["keep"]
    inputs = api.validate([folder]).loaded.inputs
    assert unexplained(check_plan(doc, inputs), Programme(inputs), doc) == []


def test_an_anchored_group_is_not_moved_later_for_a_gain(tmp_path: Path) -> None:
    """A system whose old wave is now worth less than a later one (a large termination fee
    until its contract ends) stays in its old wave with --keep: no rule asks for the later wave,
    while a fresh plan takes it."""
    folder = inventories(tmp_path)
    ref = "tebo/website-pemkab"
    path = folder / "tebo.yaml"
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    system = next(s for s in data["systems"] if s["id"] == ref.split("/")[1])
    system["cost"].update({"contract_end": "2027-10-31", "termination_fee": 500_000_000})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    wave = {s["ref"]: s["wave"] for s in planned(folder)["systems"]}
    assert wave[ref] > WAS[ref]
    kept = {s["ref"]: s for s in planned(folder, keep=OLD)["systems"]}
    assert kept[ref]["wave"] == WAS[ref]
    assert kept[ref]["moved_because"] is None
