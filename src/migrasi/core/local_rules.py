"""Rules of one file that its shape alone does not state: required-unless, order, repeats."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from migrasi.core.findings import Anchor, Finding, Path
from migrasi.core.models import DataCenter, System


def _repeats(file: str, path: Path, values: Sequence[object]) -> Iterable[Finding]:
    seen: set[object] = set()
    for j, value in enumerate(values):
        if value is None:
            continue
        if value in seen:
            yield Finding(
                "E102", file, path=(*path, j), args={"why": "m_repeated", "got": str(value)}
            )
        seen.add(value)


def ref_rules(
    file: str, index: int, depends_on: Sequence[object], move_with: Sequence[object]
) -> list[Finding]:
    """E102 for a ref repeated in ``depends_on`` or ``move_with`` (entries that are not valid
    refs, None, are left to the shape check)."""
    base: Path = ("systems", index)
    out = list(_repeats(file, (*base, "depends_on"), depends_on))
    out.extend(_repeats(file, (*base, "move_with"), move_with))
    return out


def system_rules(file: str, index: int, s: System) -> list[Finding]:
    """E101 and E102 of one system beyond its shape: resources, repeats, date order."""
    base: Path = ("systems", index)
    out: list[Finding] = []
    if s.resources is None and s.moved:
        out.append(
            Finding(
                "E101",
                file,
                path=base,
                anchor=Anchor.FIRST_KEY,
                args={"field": "resources", "why": "moved"},
            )
        )
    out.extend(ref_rules(file, index, s.depends_on, s.move_with))
    out.extend(_repeats(file, (*base, "migration", "freeze_months"), s.migration.freeze_months))
    m = s.migration
    if m.not_before is not None and m.not_after is not None and m.not_before > m.not_after:
        out.append(
            Finding(
                "E102",
                file,
                path=(*base, "migration", "not_after"),
                args={
                    "why": "m_order",
                    "first": "not_before",
                    "got": str(m.not_after),
                    "bound": str(m.not_before),
                },
            )
        )
    return out


def datacenter_rules(file: str, dc: DataCenter) -> list[Finding]:
    """E102 of the data-center file beyond its shape: date order and repeats."""
    out: list[Finding] = []
    s = dc.schedule
    try:
        s.start + timedelta(days=7 * s.wave_weeks * s.waves)
        s.start + timedelta(days=31 * dc.finance.horizon_months)
    except OverflowError:
        out.append(Finding("E102", file, path=("schedule", "waves"), args={"why": "m_calendar"}))
    for j, b in enumerate(dc.schedule.blackouts):
        if b.from_ > b.to:
            out.append(
                Finding(
                    "E102",
                    file,
                    path=("schedule", "blackouts", j, "to"),
                    args={
                        "why": "m_order",
                        "first": "from",
                        "got": str(b.to),
                        "bound": str(b.from_),
                    },
                )
            )
    if dc.schedule.pilot is not None:
        out.extend(
            _repeats(file, ("schedule", "pilot", "criticality"), dc.schedule.pilot.criticality)
        )
    return out
