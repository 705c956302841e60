"""What changed between two plans: systems that came, went, moved wave or changed status, and
the money (NPV, net savings, money kept in Jambi) per system, per region and in total.

Two plans are *the same* when every system has the same status, wave, cutover and lateness in
both, and the three money figures agree for every system, every region and the programme. The
rest of ``plan.json`` is left out on purpose: ``inputs`` hashes change with a comment in an
inventory; ``diagnostics`` repeat what is compared directly (W309 is ``late``, W310 is
``unscheduled``) or describe the inputs rather than the plan, and their positions move with
unrelated edits; wave loads, groups, ``mode`` and ``bound`` only explain a placement that is
compared itself. Other money figures (baseline, one-time cost, ...) reach the plan through the
three that are compared.

The documents are typed plan documents (core/plandoc.py), read and checked already.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from migrasi.core.terms import MovedBecause, Status

if TYPE_CHECKING:
    from migrasi.core.plandoc import MoneyDoc, PlanDoc, RegionTotals, Totals

KINDS = ("added", "removed", "wave", "status", "late", "on_time", "money")


@dataclass(frozen=True)
class Figures:
    """The money a diff reports, in whole Rupiah."""

    npv: int = 0
    net_savings: int = 0
    kept_in_jambi: int = 0

    def minus(self, other: Figures) -> Figures:
        """``self - other``, figure by figure."""
        return Figures(
            self.npv - other.npv,
            self.net_savings - other.net_savings,
            self.kept_in_jambi - other.kept_in_jambi,
        )


ZERO = Figures()


@dataclass(frozen=True)
class Placement:
    """Where one plan puts a system."""

    status: Status
    wave: int | None
    cutover: date | None
    late: bool


@dataclass(frozen=True)
class SystemFacts:
    """One system as a plan has it."""

    ref: str
    region: str
    place: Placement
    money: Figures
    because: MovedBecause | None = field(default=None, compare=False)
    """Why its wave differs from the plan it was kept close to (``--keep``), if it says."""


@dataclass(frozen=True)
class SystemChange:
    """A system that differs between the plans; ``old`` is None when added, ``new`` when removed."""

    ref: str
    region: str
    old: SystemFacts | None
    new: SystemFacts | None

    @property
    def delta(self) -> Figures:
        """New money minus old money (a missing side counts as zero)."""
        return (self.new.money if self.new else ZERO).minus(self.old.money if self.old else ZERO)

    @property
    def kinds(self) -> tuple[str, ...]:
        """What changed, in the order of :data:`KINDS`."""
        if self.old is None:
            return ("added",)
        if self.new is None:
            return ("removed",)
        a, b = self.old.place, self.new.place
        both = a.wave is not None and b.wave is not None
        found = {
            "wave": both and (a.wave, a.cutover) != (b.wave, b.cutover),
            "status": a.status != b.status,
            "late": b.late and not a.late,
            "on_time": a.late and not b.late,
            "money": self.old.money != self.new.money,
        }
        return tuple(k for k in KINDS if found.get(k))


@dataclass(frozen=True)
class RegionChange:
    """A region whose money differs; ``old`` or ``new`` is None when it is in one plan only;
    ``name`` is the region's name from the plans' ``regions`` (its id when they have none)."""

    region: str
    old: Figures | None
    new: Figures | None
    name: str

    @property
    def delta(self) -> Figures:
        """New money minus old money."""
        return (self.new or ZERO).minus(self.old or ZERO)


@dataclass(frozen=True)
class PlanDiff:
    """Every difference between two plans, systems sorted by ref and regions by id."""

    systems: tuple[SystemChange, ...]
    regions: tuple[RegionChange, ...]
    old_total: Figures
    new_total: Figures

    @property
    def changed(self) -> bool:
        """Whether the plans differ at all."""
        return bool(self.systems or self.regions) or self.old_total != self.new_total

    @property
    def counts(self) -> dict[str, int]:
        """How many systems changed, and how many of each kind (``late`` counts both ways)."""
        kinds = [s.kinds for s in self.systems]
        return {
            "systems": len(kinds),
            "added": sum("added" in k for k in kinds),
            "removed": sum("removed" in k for k in kinds),
            "wave": sum("wave" in k for k in kinds),
            "status": sum("status" in k for k in kinds),
            "late": sum("late" in k or "on_time" in k for k in kinds),
            "money_only": sum(k == ("money",) for k in kinds),
        }

    @property
    def delta(self) -> Figures:
        """The programme's new money minus its old money."""
        return self.new_total.minus(self.old_total)


def _figures(value: RegionTotals | MoneyDoc | Totals) -> Figures:
    return Figures(value.npv, value.net_savings, value.kept_in_jambi)


def _facts(doc: PlanDoc) -> dict[str, SystemFacts]:
    return {
        s.ref: SystemFacts(
            s.ref,
            s.region,
            Placement(s.status, s.wave, s.cutover, s.late),
            _figures(s.money),
            s.moved_because or None,
        )
        for s in doc.systems
    }


def compare(old_doc: PlanDoc, new_doc: PlanDoc) -> PlanDiff:
    """Every difference between two plan documents."""
    old, new = _facts(old_doc), _facts(new_doc)
    systems = tuple(
        SystemChange(ref, (new.get(ref) or old[ref]).region, a, b)
        for ref in sorted(old.keys() | new.keys())
        if (a := old.get(ref)) != (b := new.get(ref))
    )
    was = {r: _figures(v) for r, v in old_doc.totals.by_region.items()}
    now = {r: _figures(v) for r, v in new_doc.totals.by_region.items()}
    names = {**old_doc.region_names(), **new_doc.region_names()}
    regions = tuple(
        RegionChange(region, was.get(region), now.get(region), names.get(region, region))
        for region in sorted(was.keys() | now.keys())
        if was.get(region) != now.get(region)
    )
    return PlanDiff(systems, regions, _figures(old_doc.totals), _figures(new_doc.totals))
