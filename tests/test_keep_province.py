"""Re-plans of a province whose limits bind, kept close to its plan (``plan --keep OLD``): an
edit of one system moves few others, and the plan passes the independent checker.

The province is bench_quality's tight instance (700 systems in 12 regions, 12 waves, seed 1),
generated into a temporary folder; the edits are bench_stability's draws.
"""

from __future__ import annotations

import random
import shutil
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.bench_quality import REGIONS, SYSTEMS, WAVES, tighten
from bench.edits import apply_edit
from bench.generate import DATACENTER_FILE, generate

from migrasi import api
from migrasi.render.plan_json import plan_json
from tests.conftest import plan_data
from tests.plancheck.keep import Old, check_kept
from tests.plancheck.known import unexplained
from tests.plancheck.programme import Programme

if TYPE_CHECKING:
    from migrasi.core.problem import Problem


def province(tmp: Path, seed: int = 1) -> Path:
    """The tight province of ``seed`` under ``tmp``."""
    folder = tmp / "province"
    generate(folder, REGIONS, SYSTEMS, seed, WAVES)
    path = folder / DATACENTER_FILE
    path.write_text(tighten(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def waves(doc: dict[str, Any]) -> dict[str, int | None]:
    """Each planned system's wave."""
    return {s["ref"]: s["wave"] for s in doc["systems"] if s["status"] != "retained"}


def kept_after_edit(
    tmp: Path, draw: int, kind: str = "effort"
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """OLD (the province's plan), the plan of the province after bench_stability's edit ``kind``
    ``draw`` kept close to OLD and checked by the independent checker, and the edited ref."""
    source = province(tmp)
    old = tmp / "old" / "plan.json"
    old.parent.mkdir()
    old_doc = api.plan_document([source])
    old.write_text(plan_json(old_doc), encoding="utf-8")
    folder = tmp / "edited"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".*"))
    edit = apply_edit(folder, kind, random.Random(f"province-{kind}-{draw}"))
    assert edit is not None and edit.ref is not None
    result = api.plan([folder], keep=old)
    assert result.document is not None
    doc = plan_data(result.document)
    inputs = api.validate([folder]).loaded.inputs
    assert unexplained(check_kept(doc, inputs, Old.read(old), 0), Programme(inputs), doc) == []
    return plan_data(old_doc), doc, edit.ref


def others_moved(old: dict[str, Any], new: dict[str, Any], ref: str) -> list[str]:
    """The systems planned in both whose wave differs, ``ref`` (alone in its group) left out."""
    before, after = waves(old), waves(new)
    return sorted(r for r, w in after.items() if r in before and before[r] != w and r != ref)


def test_a_larger_system_leaves_out_the_group_that_moves_fewest(tmp_path: Path) -> None:
    """A system 5 effort days larger in a full wave (r0010-kab-batang-sabak/parkir, 8 → 13)
    moves at most 2 other systems with --keep: the group left out of the wave is the one whose
    absence moves fewest, not one whose room pulls a chain of groups forward (12 moved)."""
    old, kept, ref = kept_after_edit(tmp_path, 2)
    assert ref == "r0010-kab-batang-sabak/parkir"
    assert len(others_moved(old, kept, ref)) <= 2


def test_a_removed_system_leaves_room_that_a_group_never_planned_fills(tmp_path: Path) -> None:
    """With r0002-kab-batang-tinggi/e-samsat-link-2 (wave 6) removed, the group OLD left
    unscheduled that its room lets in (r0009-kab-muara-pauh/satu-data-4) is placed in wave 6,
    where it fills that room, and no other system moves; placed in its own best wave, it left
    the room to closure, which pulled 3 groups forward and let 2 more groups in."""
    old, kept, ref = kept_after_edit(tmp_path, 1, "removed")
    assert ref == "r0002-kab-batang-tinggi/e-samsat-link-2"
    assert others_moved(old, kept, ref) == ["r0009-kab-muara-pauh/satu-data-4"]
    assert waves(kept)["r0009-kab-muara-pauh/satu-data-4"] == 6


def test_a_group_left_out_is_placed_before_groups_never_planned(tmp_path: Path) -> None:
    """A group left out of its full wave (after r0002-kab-batang-tinggi/lpse grew 8 → 13 days)
    is placed again before the groups OLD left unscheduled take the room: no system OLD
    planned in a wave ends unscheduled, and no system OLD left out is planned."""
    old, kept, ref = kept_after_edit(tmp_path, 0)
    assert ref == "r0002-kab-batang-tinggi/lpse"
    before, after = waves(old), waves(kept)
    assert [r for r, w in after.items() if before.get(r) is not None and w is None] == []
    assert [r for r, w in after.items() if r in before and before[r] is None and w] == []
    assert len(others_moved(old, kept, ref)) <= 2


def test_construction_places_groups_left_out_before_groups_never_planned(tmp_path: Path) -> None:
    """With the anchored groups placed as the first way leaves them (lpse grown 8 → 13 days
    leaves r0008-kab-air-lamo/sikda out of wave 8), the construction places sikda again before
    the groups OLD left unscheduled take the capacity it fits in."""
    from migrasi.core.anchoring import arrange_all
    from migrasi.core.scheduler import _construct
    from migrasi.core.state import State

    p = kept_problem(tmp_path, "effort", 0)
    state = State(p)
    arrange_all(p, state)
    sikda = p.of["r0008-kab-air-lamo/sikda"]
    assert p.anchor[sikda] == 8 and state.wave[sikda] is None
    _construct(p, state)
    assert state.wave[sikda] is not None


def kept_problem(tmp: Path, kind: str, draw: int) -> Problem:
    """The problem of the province after bench_stability's edit ``kind`` ``draw``, to be kept
    close to the plan of the unedited province (minimum gain 0)."""
    from migrasi.core.keep import Earlier
    from migrasi.core.problem import build

    source = province(tmp)
    old = api.plan_document([source])
    folder = tmp / "edited"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".*"))
    assert apply_edit(folder, kind, random.Random(f"province-{kind}-{draw}")) is not None
    result = api.validate([folder])
    dc = result.inputs.datacenter
    assert dc is not None
    checked = result.checked
    earlier = Earlier.of(old, "0" * 64, Decimal(0))
    return build(checked.items, checked.movable or checked.groups, dc, checked.fixed,
                 checked.groups, earlier)  # fmt: skip


def kept_after_team_days(tmp: Path, seed: int, min_gain: int) -> dict[str, Any]:
    """The plan of the province of ``seed`` with team_days 5% smaller, kept close to the plan of
    the unedited province with ``min_gain``, after the independent checker passed it."""
    source = province(tmp, seed)
    old = tmp / "old" / "plan.json"
    old.parent.mkdir()
    old.write_text(plan_json(api.plan_document([source])), encoding="utf-8")
    assert apply_edit(source, "team_days", random.Random(0)) is not None
    result = api.plan([source], keep=old, min_gain=min_gain)
    assert result.document is not None
    doc = plan_data(result.document)
    inputs = api.validate([source]).loaded.inputs
    problems = check_kept(doc, inputs, Old.read(old), min_gain)
    assert unexplained(problems, Programme(inputs), doc) == []
    return doc


def test_a_group_left_out_is_needed_by_no_group_placed(tmp_path: Path) -> None:
    """The province of seed 3 with team_days 5% smaller, kept close to its plan, passes the
    checker: a way of leaving groups out of a full wave that a group placed in a later wave
    depends on is not tried (it left dependants of an unscheduled group scheduled)."""
    kept_after_team_days(tmp_path, 3, 0)


def test_a_group_left_out_goes_back_when_its_wave_has_room_again(tmp_path: Path) -> None:
    """With team_days 5% smaller, r0011-kab-bukit-tembesi/ppdb-3 is left out of its full wave 3
    at first; once later moves leave room there, it goes back alone (wave 8 is worth only about
    2 million more, less than the minimum gain of 5 million) and the plan passes the checker."""
    doc = kept_after_team_days(tmp_path, 1, 5_000_000)
    assert waves(doc)["r0011-kab-bukit-tembesi/ppdb-3"] == 3


def test_scheduling_the_same_kept_problem_twice_gives_the_same_plan(tmp_path: Path) -> None:
    """The anchors that fill room first (e-samsat-link-2 removed: satu-data-4 into wave 6) hold
    only while one plan is made: afterwards the problem has the earlier plan's anchors alone, and
    a second schedule of it gives the same waves."""
    from migrasi.core.scheduler import schedule

    p = kept_problem(tmp_path, "removed", 1)
    anchors = dict(p.anchor)
    first = dict(schedule(p).wave)
    assert p.anchor == anchors
    assert first[p.of["r0009-kab-muara-pauh/satu-data-4"]] == 6
    assert dict(schedule(p).wave) == first
