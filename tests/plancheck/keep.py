"""check_kept: what planning.md's "Staying close to an earlier plan" promises of a plan made
with ``--keep OLD [--min-gain AMOUNT]``, read from OLD's plan.json and the new plan alone.

- the ``keep`` record: OLD's SHA-256, AMOUNT, and the kept, moved and removed counts;
- the weaker closure: no group could move alone to an earlier wave, the plan staying valid, and
  raise the exact NPV by more than AMOUNT (checker.check_plan with ``min_gain``);
- a group whose members all had one wave in OLD, and that could be put back there alone with
  the plan staying valid, is there, unless where it is now is worth more than AMOUNT more;
- every ``moved_because``: the first of the spec's reasons that applies, null where the wave is
  OLD's (and on every system that is not planned).

Where the spec is silent, read as migrasi documents it: a system that OLD does not plan
(absent, or retained there) has no wave in OLD, so its wave differs whatever it is now (``new``);
"put back alone" moves the system's whole move group (alone it would break rule 2); the members
"in both plans" are the planned systems of both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from migrasi.core.programme import Inputs
from tests.plancheck.checker import check_plan
from tests.plancheck.money import exact
from tests.plancheck.programme import Programme
from tests.plancheck.rules import valid
from tests.plancheck.state import Assign, PlanState

KEPT = "kept"
"""The reason of a system whose wave is OLD's: null in plan.json."""


@dataclass(frozen=True)
class Old:
    """OLD as the checker reads it: each planned system's wave (None: unscheduled), each planned
    system's move group, and the SHA-256 of its plan.json."""

    waves: Mapping[str, int | None]
    groups: Mapping[str, frozenset[str]]
    digest: str

    @classmethod
    def of_bytes(cls, data: bytes) -> Old:
        """OLD from the bytes of its plan.json."""
        doc = json.loads(data.decode("utf-8"))
        planned = [s for s in doc["systems"] if s["status"] != "retained"]
        members = {r: frozenset(g["systems"]) for g in doc["groups"] for r in g["systems"]}
        return cls(
            waves={s["ref"]: s["wave"] for s in planned},
            groups={s["ref"]: members.get(s["ref"], frozenset({s["ref"]})) for s in planned},
            digest=hashlib.sha256(data).hexdigest(),
        )

    @classmethod
    def read(cls, path: Path) -> Old:
        """OLD from a plan folder or its plan.json."""
        file = path / "plan.json" if path.is_dir() else path
        return cls.of_bytes(file.read_bytes())


def check_kept(doc: Mapping[str, Any], inputs: Inputs, old: Old, min_gain: int) -> list[str]:
    """Every way ``doc``, planned with ``--keep`` OLD and ``--min-gain`` ``min_gain``, breaks
    the spec; empty when none."""
    plain = {k: v for k, v in doc.items() if k != "keep"}
    systems = doc.get("systems")
    if isinstance(systems, list):
        plain["systems"] = [
            {k: v for k, v in s.items() if k != "moved_because"} if isinstance(s, dict) else s
            for s in systems
        ]
    out = check_plan(plain, inputs, Decimal(min_gain))
    return [*out, *_kept_problems(doc, Programme(inputs), old, min_gain)]


def _kept_problems(doc: Mapping[str, Any], prog: Programme, old: Old, min_gain: int) -> list[str]:
    """The keep record, the anchored groups and the reasons."""
    entries = {s["ref"]: s for s in doc["systems"]}
    now = {r: s["wave"] for r, s in entries.items() if s["status"] != "retained"}
    out: list[str] = []
    kept = sum(1 for r, w in now.items() if r in old.waves and old.waves[r] == w)
    record = {
        "plan": old.digest,
        "min_gain": min_gain,
        "kept": kept,
        "moved": len(now) - kept,
        "removed": sum(1 for r in old.waves if r not in now),
    }
    if doc.get("keep") != record:
        out.append(f"keep is {doc.get('keep')!r}, expected {record!r}")
    assign: Assign = {r: now[r] for r in prog.free}
    judge = _Judge(prog, PlanState(prog, assign), old, Decimal(min_gain))
    for ref in sorted(entries):
        if "moved_because" not in entries[ref]:
            out.append(f"systems[{ref}]: has no moved_because")
            continue
        got = entries[ref]["moved_because"]
        want = judge.reason(ref, now) if ref in now else KEPT
        if want is None:
            out.append(
                f"systems[{ref}]: moved from wave {old.waves.get(ref)} to {now[ref]} and no "
                "reason of planning.md applies (put back, the plan stays valid and loses no more "
                f"than the minimum gain), yet it says {got!r}"
            )
        elif got != (None if want == KEPT else want):
            out.append(f"systems[{ref}]: moved_because is {got!r}, expected {want!r}")
    out.extend(judge.anchored_problems())
    return out


class _Judge:
    """Puts groups of the written plan back alone into OLD's waves, and says what follows."""

    def __init__(self, prog: Programme, st: PlanState, old: Old, min_gain: Decimal) -> None:
        self.prog, self.st, self.old, self.min_gain = prog, st, old, min_gain
        self._back: dict[tuple[str, int], bool] = {}

    def back_valid(self, gid: str, wave: int) -> bool:
        """Whether the plan stays valid with group ``gid`` put back alone into ``wave``."""
        key = (gid, wave)
        if key not in self._back:
            self._back[key] = valid(self.st.moved(gid, wave))
        return self._back[key]

    def loss(self, gid: str, wave: int) -> Decimal:
        """How much the plan's exact NPV falls with the group put back into ``wave``."""
        with exact():
            here = self.prog.group_npv(gid, self.st.wave_of(gid))
            return here - self.prog.group_npv(gid, wave)

    def reason(self, ref: str, now: Mapping[str, int | None]) -> str | None:
        """The first reason of planning.md that applies to ``ref`` (KEPT: its wave is OLD's;
        None: none applies)."""
        prog, old = self.prog, self.old
        if ref in old.waves and old.waves[ref] == now[ref]:
            return KEPT
        if ref in prog.fixed:
            return "recorded"
        was = old.waves.get(ref)
        if was is None:
            return "new"
        group = {r for r in now if prog.scc_of[r] == prog.scc_of[ref]}
        if group & set(old.waves) != old.groups[ref] & set(now):
            return "changed_group"
        if was <= len(prog.waves) and prog.wave(was).started:
            return "started"
        gid = prog.group_of[ref]
        if not self.back_valid(gid, was):
            return "no_longer_fits"
        if self.loss(gid, was) > self.min_gain:
            return "gain"
        return None

    def anchored_problems(self) -> list[str]:
        """Groups whose members all had one wave in OLD that could be put back there alone, the
        plan staying valid, for a loss of no more than the minimum gain: they should be there."""
        out: list[str] = []
        for gid in self.prog.group_ids:
            refs = self.prog.members[gid]
            waves = {self.old.waves.get(r) for r in refs}
            if len(waves) != 1 or any(r not in self.old.waves for r in refs):
                continue
            wave = waves.pop()
            if wave is None or wave == self.st.wave_of(gid):
                continue
            if self.back_valid(gid, wave) and self.loss(gid, wave) <= self.min_gain:
                out.append(
                    f"keep: group {gid} had wave {wave} in OLD and could go back there, the plan "
                    f"staying valid, for a loss of {self.loss(gid, wave)} (not more than the "
                    f"minimum gain {self.min_gain}), but is in wave {self.st.wave_of(gid)}"
                )
        return out
