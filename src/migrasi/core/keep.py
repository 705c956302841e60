"""Staying close to an earlier plan (``migrasi plan --keep OLD``, planning.md).

A move group whose members all had the same wave in the earlier plan is **anchored** there:
the planner puts it back first when that wave can still take it, and moves it later only when
that raises the plan's NPV by more than the minimum gain (or makes the plan valid). Every other
group is placed afresh. Afterwards each system whose wave changed is told why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from migrasi.core.graph import Groups
from migrasi.core.plandoc import PlanDoc
from migrasi.core.terms import MovedBecause, Status


@dataclass(frozen=True)
class Earlier:
    """An earlier plan: each planned system's wave there (None: unscheduled) and the members of
    its move group there; the SHA-256 of its plan.json, and the minimum gain of a move."""

    waves: Mapping[str, int | None]
    groups: Mapping[str, frozenset[str]]
    digest: str
    min_gain: Decimal

    @classmethod
    def of(cls, doc: PlanDoc, digest: str, min_gain: Decimal) -> Earlier:
        """The earlier plan of a plan document."""
        members = {r: frozenset(g.systems) for g in doc.groups for r in g.systems}
        planned = [s for s in doc.systems if s.status is not Status.RETAINED]
        return cls(
            waves={s.ref: s.wave for s in planned},
            groups={s.ref: members.get(s.ref, frozenset({s.ref})) for s in planned},
            digest=digest,
            min_gain=min_gain,
        )

    def anchor(self, members: tuple[str, ...]) -> int | None:
        """The wave all of a group's members had, or None when they had none in common."""
        waves = {self.waves.get(r) for r in members}
        if len(waves) != 1 or any(r not in self.waves for r in members):
            return None
        return waves.pop()


def reason(
    ref: str,
    earlier: Earlier,
    everyone: Groups,
    planned: set[str],
    fixed: bool,
    started: bool,
    back: bool | None,
) -> MovedBecause:
    """Why a system's wave differs from the earlier plan's: the first reason that applies.

    ``back`` is whether putting its group back alone into the earlier wave keeps the plan valid
    (False when the schedule no longer has that wave: rule 1 breaks; None when not asked, for a
    started wave). A group that could go back and is not anchored there was placed afresh where
    it is worth more: ``gain`` (the anchored ones move only for more than the minimum gain)."""
    if fixed:
        return MovedBecause.RECORDED
    if earlier.waves.get(ref) is None:
        return MovedBecause.NEW
    now = frozenset(everyone.members.get(everyone.of.get(ref, ""), (ref,)))
    then = earlier.groups[ref]
    if now & set(earlier.waves) != then & planned:
        return MovedBecause.CHANGED_GROUP
    if started:
        return MovedBecause.STARTED
    if not back:
        return MovedBecause.NO_LONGER_FITS
    return MovedBecause.GAIN


def counts(earlier: Earlier, waves: Mapping[str, int | None]) -> tuple[int, int, int]:
    """(kept, moved, removed): planned systems on the same wave as before, planned systems on
    another (or none), and the earlier plan's planned systems not planned now."""
    kept = sum(1 for r, w in waves.items() if r in earlier.waves and earlier.waves[r] == w)
    removed = sum(1 for r in earlier.waves if r not in waves)
    return kept, len(waves) - kept, removed
