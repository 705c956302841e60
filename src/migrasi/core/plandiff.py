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

The documents are ``plan.json`` as loaded (dicts); :func:`read_plan` raises
:class:`PlanShapeError` naming the first field it cannot read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

STATUSES = ("scheduled", "retained", "unscheduled")
KINDS = ("added", "removed", "wave", "status", "late", "on_time", "money")


class PlanShapeError(ValueError):
    """A plan document lacks a field the comparison reads, or holds the wrong kind of value."""

    def __init__(self, where: str, expected: str) -> None:
        super().__init__(where, expected)
        self.where = where
        self.expected = expected

    def __str__(self) -> str:
        return f"{self.where}: expected {self.expected}"


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

    status: str
    wave: int | None
    cutover: str | None
    late: bool


@dataclass(frozen=True)
class SystemFacts:
    """One system as a plan has it."""

    ref: str
    region: str
    place: Placement
    money: Figures


@dataclass(frozen=True)
class PlanFacts:
    """The parts of one plan that a diff compares."""

    systems: dict[str, SystemFacts]
    total: Figures
    regions: dict[str, Figures]
    names: dict[str, str]


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


def _quoted(value: str) -> str:
    """A name from the document, quoted with every control character escaped."""
    return json.dumps(value[:80], ensure_ascii=True)


def _get(obj: Mapping[str, object], key: str, where: str) -> object:
    if key not in obj:
        raise PlanShapeError(f"{where}.{key}" if where else key, "a value (it is missing)")
    return obj[key]


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise PlanShapeError(where, "an object")
    return value


def _integer(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanShapeError(where, "a whole number")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise PlanShapeError(where, "text")
    return value


def _figures(value: object, where: str) -> Figures:
    obj = _mapping(value, where)
    keys = ("npv", "net_savings", "kept_in_jambi")
    npv, net, kept = (_integer(_get(obj, k, where), f"{where}.{k}") for k in keys)
    return Figures(npv, net, kept)


def _system(value: object, where: str) -> SystemFacts:
    obj = _mapping(value, where)
    ref = _text(_get(obj, "ref", where), f"{where}.ref")
    region = _text(_get(obj, "region", where), f"{where}.region")
    status = _text(_get(obj, "status", where), f"{where}.status")
    if status not in STATUSES:
        raise PlanShapeError(f"{where}.status", " or ".join(STATUSES))
    wave = _get(obj, "wave", where)
    wave = None if wave is None else _integer(wave, f"{where}.wave")
    cutover = _get(obj, "cutover", where)
    cutover = None if cutover is None else _text(cutover, f"{where}.cutover")
    late = _get(obj, "late", where)
    if not isinstance(late, bool):
        raise PlanShapeError(f"{where}.late", "true or false")
    place = Placement(status, wave, cutover, late)
    return SystemFacts(ref, region, place, _figures(_get(obj, "money", where), f"{where}.money"))


def read_plan(doc: Mapping[str, object]) -> PlanFacts:
    """The compared parts of a ``plan.json`` document; PlanShapeError when one is unreadable."""
    systems = _get(doc, "systems", "")
    if not isinstance(systems, list):
        raise PlanShapeError("systems", "a list")
    facts: dict[str, SystemFacts] = {}
    for i, item in enumerate(systems):
        system = _system(item, f"systems[{i}]")
        if system.ref in facts:
            raise PlanShapeError(
                f"systems[{i}].ref", f"a ref not used before ({_quoted(system.ref)} is)"
            )
        facts[system.ref] = system
    totals = _mapping(_get(doc, "totals", ""), "totals")
    by_region = _mapping(_get(totals, "by_region", "totals"), "totals.by_region")
    regions = {
        str(name): _figures(value, f"totals.by_region[{_quoted(str(name))}]")
        for name, value in by_region.items()
    }
    return PlanFacts(facts, _figures(totals, "totals"), regions, _names(doc))


def _names(doc: Mapping[str, object]) -> dict[str, str]:
    """Region id → name, from the optional ``regions`` of the document."""
    names: dict[str, str] = {}
    for region, value in _mapping(doc.get("regions", {}), "regions").items():
        where = f"regions[{_quoted(str(region))}]"
        name = _mapping(value, where).get("name")
        if name is not None:
            names[str(region)] = _text(name, f"{where}.name")
    return names


def compare_facts(old: PlanFacts, new: PlanFacts) -> PlanDiff:
    """Every difference between two read plans."""
    systems = tuple(
        SystemChange(ref, (new.systems.get(ref) or old.systems[ref]).region, a, b)
        for ref in sorted(old.systems.keys() | new.systems.keys())
        if (a := old.systems.get(ref)) != (b := new.systems.get(ref))
    )
    regions = tuple(
        RegionChange(region, was, now, new.names.get(region) or old.names.get(region) or region)
        for region in sorted(old.regions.keys() | new.regions.keys())
        if (was := old.regions.get(region)) != (now := new.regions.get(region))
    )
    return PlanDiff(systems, regions, old.total, new.total)


def compare(old: Mapping[str, object], new: Mapping[str, object]) -> PlanDiff:
    """Every difference between two ``plan.json`` documents."""
    return compare_facts(read_plan(old), read_plan(new))
