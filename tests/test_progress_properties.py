"""Properties of plans made as of a day (progress.md), over seeded instances and the shipped ones.

1. An as-of day before ``schedule.start`` with no progress recorded changes nothing: every file
   of the plan folder is byte-identical to the plan made without one (progress.md: without an
   as-of day the plan is made as if before the start; plan.json's ``as_of`` stays null).
2. Take a plan, pick an as-of day, record every system of the ended waves ``done`` on its cutover
   and those of the current wave ``in_progress`` pinned to it, and re-plan: nothing but the fixed
   systems lands in a started wave, they keep their cutovers, and the NPV is above the original
   plan's or within 1% of it (the original future waves are still a valid choice).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from migrasi import api
from tests.conftest import plan_data
from tests.plancheck.checker import check_plan
from tests.plancheck.instances import LARGE, SMALL, Size, write_instance

INVENTORIES = Path(__file__).resolve().parent.parent / "inventories"


def plan_folder(folder: Path, as_of: date | None = None) -> dict[str, bytes]:
    """Every file of the plan folder of ``folder`` as of ``as_of``."""
    return api.plan_files(api.plan([folder], as_of=as_of), "id")


def start_of(folder: Path) -> date:
    """The schedule's start in the data-center file of ``folder``."""
    dc = api.validate([folder]).loaded.inputs.datacenter
    assert dc is not None
    return dc.schedule.start


def assert_unchanged_but_the_day(folder: Path, days_before: int) -> None:
    """The plan as of ``days_before`` days before the start is the plan without an as-of day,
    every file byte for byte, and it keeps the spec."""
    day = start_of(folder) - timedelta(days=days_before)
    without, with_day = plan_folder(folder), plan_folder(folder, day)
    assert sorted(without) == sorted(with_day)
    for name, data in without.items():
        assert with_day[name] == data, name
    inputs = api.validate([folder], as_of=day).loaded.inputs
    assert check_plan(json.loads(with_day["plan.json"]), inputs) == []


@pytest.mark.parametrize("seed", range(12))
def test_as_of_before_start_changes_nothing(seed: int, tmp_path: Path) -> None:
    """A random instance planned as of a day before its start, no progress, plans the same."""
    folder = write_instance(tmp_path / "in", seed)
    assert_unchanged_but_the_day(folder, 1 + seed * 17)


def test_shipped_inventories_as_of_before_start_change_nothing() -> None:
    """The shipped inventories planned as of the day before the start plan the same."""
    assert_unchanged_but_the_day(INVENTORIES, 1)


def record(src: Path, dst: Path, plan: dict[str, Any], as_of: date) -> set[str]:
    """Copy the inputs of ``src`` to ``dst`` with the progress of ``plan`` as of ``as_of``:
    systems of ended waves done on their wave's cutover, those of the started one in progress
    pinned to it; a pin of any other system to a started wave is dropped (E208 otherwise; it
    was not in that wave, so no choice of the original plan is lost). Returns the refs recorded.
    """
    waves = {w["wave"]: w for w in plan["waves"]}
    placed = {s["ref"]: s for s in plan["systems"]}
    started = {k for k, w in waves.items() if date.fromisoformat(w["start"]) <= as_of}
    recorded: set[str] = set()
    dst.mkdir(parents=True)
    for path in sorted(src.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc.get("schema") != "migrasi/inventory/v1":
            shutil.copy(path, dst / path.name)
            continue
        for system in doc.get("systems") or []:
            ref = f"{doc['region']['id']}/{system['id']}"
            migration = system["migration"]
            wave = placed[ref]["wave"]
            if wave in started:
                recorded.add(ref)
                if date.fromisoformat(waves[wave]["cutover"]) < as_of:
                    cutover = date.fromisoformat(waves[wave]["cutover"])
                    migration.update(status="done", cutover_on=cutover)
                else:
                    migration.update(status="in_progress", wave=wave)
            elif migration.get("wave") in started:
                del migration["wave"]
        text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
        (dst / path.name).write_text(text, encoding="utf-8")
    return recorded


def assert_replan_keeps_the_record(src: Path, rng: random.Random, work: Path) -> int:
    """Re-plan ``src`` as of a random day inside one of its waves with its plan's progress;
    return how many systems were recorded done or in progress."""
    before = plan_data(api.plan_document([src]))
    wave = rng.choice(before["waves"])
    first = date.fromisoformat(wave["start"])
    as_of = first + timedelta(
        days=rng.randint(0, (date.fromisoformat(wave["cutover"]) - first).days)
    )
    folder = work / "recorded"
    recorded = record(src, folder, before, as_of)
    result = api.validate([folder], as_of=as_of)
    errors = [(f.code, f.file, f.path) for f in result.findings if f.severity == "error"]
    assert errors == []
    after = plan_data(api.plan_document([folder], as_of=as_of))
    assert check_plan(after, result.loaded.inputs) == []
    started = {w["wave"] for w in after["waves"] if w["started"]}
    old = {s["ref"]: s for s in before["systems"]}
    for s in after["systems"]:
        if s["ref"] in recorded:
            assert s["status"] in ("done", "in_progress"), s["ref"]
            assert s["cutover"] == old[s["ref"]]["cutover"], s["ref"]
        else:
            assert s["wave"] not in started, f"{s['ref']} lands in started wave {s['wave']}"
    npv, original = after["totals"]["npv"], before["totals"]["npv"]
    assert npv >= original - abs(original) / 100, f"npv {npv} < original {original} − 1%"
    return len(recorded)


@pytest.mark.parametrize(("size", "seeds"), [(SMALL, range(40)), (LARGE, range(8))])
def test_replan_keeps_the_record_and_the_value(size: Size, seeds: range, tmp_path: Path) -> None:
    """Random instances re-planned from a day inside one of their waves keep the record."""
    with_progress = 0
    for seed in seeds:
        with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
            src = write_instance(Path(tmp) / "in", seed, size)
            with_progress += assert_replan_keeps_the_record(src, random.Random(seed), Path(tmp)) > 0
    assert with_progress >= len(seeds) * 3 // 4


def test_shipped_inventories_replan_keeps_the_record(tmp_path: Path) -> None:
    """The shipped inventories re-planned as of a day in the middle of the programme."""
    assert assert_replan_keeps_the_record(INVENTORIES, random.Random(7), tmp_path) > 100
