"""Plans kept close to an earlier one (``plan --keep OLD --min-gain AMOUNT``), checked by the
independent checker (tests/plancheck/keep.py) after seeded small edits of the inputs.

OLD is the committed plan of the shipped inventories, or the plan of a random instance before
its edits; with progress recorded (progress.md), OLD is the plan of the same instance before
anything was recorded, where the generator drew the same waves.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from bench.edits import EDITS, apply_edit

from migrasi import api
from migrasi.render.plan_json import plan_json
from tests.conftest import INVENTORIES, ROOT, plan_data
from tests.plancheck.instances import LARGE, SMALL, Size, write_instance
from tests.plancheck.keep import Old, check_kept
from tests.plancheck.known import unexplained
from tests.plancheck.programme import Programme

COMMITTED = ROOT / "plans" / "current"
AMOUNTS = (0, 5_000_000)
"""The minimum gains tried: none, and one that some moves of the random instances fall under."""
KINDS = (*EDITS, "joined")


def kept_problems(folder: Path, old: Path, amount: int) -> list[str] | None:
    """What the checker finds wrong with the plan of ``folder`` kept close to ``old`` (None when
    the edited inputs have errors, or their waves are not OLD's)."""
    validation = api.validate([folder])
    if validation.errors:
        return None
    result = api.plan([folder], keep=old, min_gain=amount)
    assert result.document is not None
    doc = plan_data(result.document)
    inputs = validation.loaded.inputs
    return unexplained(check_kept(doc, inputs, Old.read(old), amount), Programme(inputs), doc)


def same_waves(old: Path, folder: Path) -> bool:
    """Whether the inputs of ``folder`` have OLD's waves (else ``--keep`` is wrong usage)."""
    dc = api.validate([folder]).inputs.datacenter
    assumptions = json.loads(old.read_text(encoding="utf-8"))["assumptions"]
    return dc is not None and (str(dc.schedule.start), dc.schedule.wave_weeks) == (
        assumptions["start"], assumptions["wave_weeks"]
    )  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_inventories_after_an_edit(tmp_path: Path, kind: str) -> None:
    """The shipped inventories after each kind of small edit (two draws), planned with --keep
    plans/current and no minimum gain or a positive one, break no rule of the checker."""
    for draw in range(2):
        folder = tmp_path / f"{draw}"
        shutil.copytree(INVENTORIES, folder)
        assert apply_edit(folder, kind, random.Random(f"{kind}-{draw}")) is not None
        for amount in (0, 20_000_000):
            assert kept_problems(folder, COMMITTED, amount) == [], (kind, draw, amount)


def fewer_waves(folder: Path, waves: int) -> None:
    """Cut the schedule of the inputs in ``folder`` to ``waves`` waves."""
    path = folder / "datacenter.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("waves: 18", f"waves: {waves}"), encoding="utf-8")


def test_a_shorter_schedule(tmp_path: Path) -> None:
    """With fewer waves than OLD's, the systems of the waves gone moved because they no longer
    fit (rule 1), not because their wave started."""
    folder = tmp_path / "inventories"
    shutil.copytree(INVENTORIES, folder)
    fewer_waves(folder, 12)
    assert kept_problems(folder, COMMITTED, 0) == []


def edited_instances(size: Size, seeds: range, amount: int) -> list[tuple[int, list[str]]]:
    """Random instances of ``size``, planned, given one to three seeded edits and planned again
    with --keep: each seed's problems, where the checker finds any."""
    found = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            base = write_instance(Path(tmp) / "a", seed, size)
            old = Path(tmp) / "old" / "plan.json"
            old.parent.mkdir()
            old.write_text(plan_json(api.plan_document([base])), encoding="utf-8")
            folder = Path(tmp) / "b"
            shutil.copytree(base, folder)
            rng = random.Random(seed)
            for _ in range(1 + seed % 3):
                apply_edit(folder, rng.choice(KINDS), rng)
            problems = kept_problems(folder, old, amount)
            if problems:
                found.append((seed, problems))
    return found


@pytest.mark.parametrize("amount", AMOUNTS)
def test_small_instances_after_edits(amount: int) -> None:
    """Small random instances after seeded edits, kept close to their plan before, break no
    rule of the checker."""
    assert edited_instances(SMALL, range(100), amount) == []


@pytest.mark.parametrize("amount", AMOUNTS)
def test_large_instances_after_edits(amount: int) -> None:
    """Random instances of up to 40 move groups after seeded edits, likewise."""
    assert edited_instances(LARGE, range(30), amount) == []


@pytest.mark.parametrize("amount", AMOUNTS)
def test_instances_under_way(amount: int) -> None:
    """Random instances with progress recorded (an as-of day, systems done or under way), kept
    close to the plan made before anything was recorded, break no rule of the checker beyond
    the violations recorded in known.py."""
    compared = 0
    found = []
    for seed in range(200):
        with tempfile.TemporaryDirectory() as tmp:
            base = write_instance(Path(tmp) / "a", seed)
            old = Path(tmp) / "old" / "plan.json"
            old.parent.mkdir()
            old.write_text(plan_json(api.plan_document([base])), encoding="utf-8")
            folder = write_instance(Path(tmp) / "b", seed, progress=True)
            if not same_waves(old, folder):
                continue
            compared += 1
            problems = kept_problems(folder, old, amount)
            if problems:
                found.append((seed, problems))
    assert found == []
    assert compared >= 100


def smaller_team(tmp_path: Path) -> Path:
    """The shipped inventories with team_days 5% smaller."""
    folder = tmp_path / "inventories"
    shutil.copytree(INVENTORIES, folder)
    assert apply_edit(folder, "team_days", random.Random(0)) is not None
    return folder


def test_the_checker_catches_a_wrong_record_and_reason(tmp_path: Path) -> None:
    """A kept plan whose counts or whose first moved system's reason were altered is caught."""
    folder = smaller_team(tmp_path)
    result = api.plan([folder], keep=COMMITTED)
    assert result.document is not None
    doc = plan_data(result.document)
    inputs = api.validate([folder]).loaded.inputs
    old = Old.read(COMMITTED)
    assert check_kept(doc, inputs, old, 0) == []
    doc["keep"]["kept"] += 1
    moved = next(s for s in doc["systems"] if s["moved_because"])
    moved["moved_because"] = "new" if moved["moved_because"] != "new" else "gain"
    found = check_kept(doc, inputs, old, 0)
    assert any(p.startswith("keep is ") for p in found)
    assert any(p.startswith(f"systems[{moved['ref']}]: moved_because is") for p in found)


def test_the_checker_catches_groups_that_should_have_stayed(tmp_path: Path) -> None:
    """A fresh plan passed off as kept, with a minimum gain no move beats, is caught: groups
    that could go back to OLD's wave did not, and their moves gain too little."""
    folder = smaller_team(tmp_path)
    doc = plan_data(api.plan_document([folder]))
    old = Old.read(COMMITTED)
    for s in doc["systems"]:
        moved = s["status"] != "retained" and s["wave"] != old.waves.get(s["ref"])
        s["moved_because"] = "gain" if moved else None
    found = check_kept(doc, api.validate([folder]).loaded.inputs, old, 10**12)
    assert any(p.startswith("keep: group ") for p in found)
    assert any("no reason of planning.md applies" in p for p in found)
