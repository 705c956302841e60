"""A programme under way: plans made as of a day, with progress recorded in the inventories."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from migrasi import api
from tests.conftest import INVENTORIES, ROOT
from tests.plancheck.checker import check_plan

SHIPPED = json.loads((ROOT / "plans" / "current" / "plan.json").read_text(encoding="utf-8"))


def record_progress(folder: Path, as_of: date) -> dict[str, tuple[str, date]]:
    """Copy the shipped inventories into ``folder`` as they stand on ``as_of`` had the committed
    plan been followed: systems of ended waves done on their cutover, those of the wave under
    way in progress; return what was recorded (ref → status, cutover)."""
    waves = {w["wave"]: w for w in SHIPPED["waves"]}
    recorded: dict[str, tuple[str, date]] = {}
    for s in SHIPPED["systems"]:
        if s["wave"] is None:
            continue
        w = waves[s["wave"]]
        cutover = date.fromisoformat(w["cutover"])
        if cutover < as_of:
            recorded[s["ref"]] = ("done", cutover)
        elif date.fromisoformat(w["start"]) <= as_of:
            recorded[s["ref"]] = ("in_progress", cutover)
    folder.mkdir(parents=True, exist_ok=True)
    for path in INVENTORIES.glob("*.yaml"):
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["schema"] == "migrasi/datacenter/v1":
            data["schedule"]["as_of"] = as_of
        else:
            for s in data["systems"]:
                found = recorded.get(f"{data['region']['id']}/{s['id']}")
                m = s["migration"]
                if found is None:
                    continue
                m["status"] = found[0]
                if found[0] == "done":
                    m["cutover_on"] = found[1]
                    m.pop("wave", None)
                else:
                    m["wave"] = next(
                        w["wave"] for w in SHIPPED["waves"] if w["cutover"] == found[1].isoformat()
                    )
        (folder / path.name).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return recorded


@pytest.fixture(scope="module")
def under_way(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The shipped inventories as of 10 April 2027, re-planned."""
    folder = tmp_path_factory.mktemp("under-way")
    record_progress(folder, date(2027, 4, 10))
    doc = api.plan_document([folder])
    return folder, json.loads(doc.model_dump_json(by_alias=True))


def test_replan_keeps_the_record_and_the_past(under_way: tuple[Path, dict[str, Any]]) -> None:
    """Fixed systems keep their cutovers and statuses, nothing else lands in a wave that has
    begun, and the NPV is no worse than 1% below the plan that was followed."""
    folder, doc = under_way
    started = {w["wave"] for w in doc["waves"] if w["started"]}
    assert started == {1, 2, 3, 4}
    was = {s["ref"]: s for s in SHIPPED["systems"]}
    for s in doc["systems"]:
        if s["status"] in ("done", "in_progress"):
            assert s["cutover"] == was[s["ref"]]["cutover"], s["ref"]
            assert s["blocked_by"] == []
        elif s["wave"] is not None:
            assert s["wave"] not in started, s["ref"]
            assert [b["reason"] for b in s["blocked_by"] if b["wave"] in started] == [
                "started"
            ] * len([w for w in sorted(started) if doc["waves"][w - 1]["open"]])
    assert doc["totals"]["progress"]["done"] > 40
    assert doc["totals"]["progress"]["in_progress"] > 5
    assert doc["totals"]["npv"] >= SHIPPED["totals"]["npv"] * 0.99
    assert doc["totals"]["to_date"] == sum(s["money"]["to_date"] for s in doc["systems"])
    assert check_plan(doc, api.validate([folder]).loaded.inputs) == []


def test_exact_mode_honours_the_record(under_way: tuple[Path, dict[str, Any]]) -> None:
    """--exact keeps every recorded system where the record puts it and proves a bound that
    counts them: never below the plan it writes."""
    pytest.importorskip("scipy")
    folder, heuristic = under_way
    result = api.plan([folder], exact=True, time_limit=20)
    assert result.document is not None
    doc = json.loads(result.document.model_dump_json(by_alias=True))
    fixed = {s["ref"]: s["cutover"] for s in heuristic["systems"] if s["status"] == "done"}
    assert fixed == {s["ref"]: s["cutover"] for s in doc["systems"] if s["status"] == "done"}
    started = {w["wave"] for w in doc["waves"] if w["started"]}
    assert not [s for s in doc["systems"] if s["status"] == "scheduled" and s["wave"] in started]
    assert doc["proven"]["npv"] >= doc["totals"]["npv"]
    assert Decimal(doc["proven"]["gap"]) >= 0
    assert doc["totals"]["npv"] >= heuristic["totals"]["npv"]
    assert check_plan(doc, api.validate([folder]).loaded.inputs) == []


def test_as_of_before_the_start_changes_nothing(tmp_path: Path) -> None:
    """With an as-of day before the programme starts and nothing recorded, every file of the
    plan folder is byte-identical to the plan made without one."""
    folder = tmp_path / "inventories"
    shutil.copytree(INVENTORIES, folder)
    plain = api.plan_files(api.plan([folder]), "id")
    early = api.plan_files(api.plan([folder], as_of=date(2026, 12, 1)), "id")
    assert plain == early


def test_as_of_on_the_command_line(cli: Any, tmp_path: Path) -> None:
    """--as-of replaces schedule.as_of; a day not written YYYY-MM-DD is wrong usage, and so is
    --as-of with savings --plan (a plan made already)."""
    folder = tmp_path / "inventories"
    shutil.copytree(ROOT / "tests" / "corpus" / "e210-progress-without-as-of", folder)
    assert cli("validate", str(folder)).code == 1
    assert cli("validate", str(folder), "--as-of", "2027-03-15").code == 0
    bad = cli("validate", str(folder), "--as-of", "15/03/2027")
    assert bad.code == 2 and "YYYY-MM-DD" in bad.err
    plan = str(ROOT / "plans" / "current")
    assert cli("savings", "--plan", plan, "--as-of", "2027-03-15").code == 2
