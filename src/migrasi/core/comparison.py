"""``migrasi compare``: the inputs as they are and under each scenario, side by side, and the
systems whose wave changes most (scenarios.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from migrasi.core.whatif import Base, Outcome


@dataclass(frozen=True)
class Column:
    """One scenario of a comparison: what names it, and its plan's outcome."""

    name: str
    file: str
    sha256: str
    description: str | None
    outcome: Outcome


@dataclass(frozen=True)
class Moved:
    """A system whose wave differs under some scenario: its wave as the inputs are, and under
    each scenario (None: unscheduled, or a scenario whose inputs have errors)."""

    ref: str
    base: int | None
    waves: tuple[int | None, ...]


@dataclass(frozen=True)
class Comparison:
    """The unchanged inputs' outcome, each scenario's, and the systems that moved, most first;
    every plan's money counted from month ``month0`` (``YYYY-MM``) over ``horizon`` months."""

    base: Outcome
    columns: list[Column]
    moved: list[Moved]
    month0: str
    horizon: int


STATUS_CHANGE = 1_000_000
"""How far a system goes that becomes scheduled or unscheduled: further than any wave move."""


def _shift(before: int | None, after: int | None) -> int:
    if before == after:
        return 0
    if before is None or after is None:
        return STATUS_CHANGE
    return abs(after - before)


def moved(base: Outcome, columns: Sequence[Column]) -> list[Moved]:
    """Every planned system whose wave differs under a scenario (with a plan), the largest
    change first (becoming scheduled or unscheduled before any move of waves), ties by ref."""
    planned = [c.outcome for c in columns]
    found: list[tuple[int, Moved]] = []
    for ref, wave in base.waves.items():
        waves = tuple(o.waves.get(ref) for o in planned)
        shifts = [_shift(wave, w) for o, w in zip(planned, waves, strict=True) if o.figures]
        most = max(shifts, default=0)
        if most:
            found.append((most, Moved(ref, wave, waves)))
    found.sort(key=lambda x: (-x[0], x[1].ref))
    return [m for _, m in found]


def comparison(base: Base, columns: list[Column]) -> Comparison:
    """The comparison of ``columns`` with the unchanged inputs."""
    t = base.timeline
    return Comparison(base.outcome, columns, moved(base.outcome, columns), t.label(0), t.horizon)
