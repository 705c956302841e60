"""The checks across files of validation.md: E201-E209 and W301-W308, W311."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from migrasi.core import progress
from migrasi.core.calendar import Wave, month_index, waves
from migrasi.core.codes import Rupiah, Term
from migrasi.core.findings import Anchor, Finding, Path
from migrasi.core.graph import Groups, depends_cycles, move_groups, strongly_connected
from migrasi.core.models import Pilot
from migrasi.core.programme import (
    Inputs,
    InventoryInput,
    Item,
    make_item,
    sensitive_outside_government,
    split_ref,
)
from migrasi.core.progress import Record
from migrasi.core.rules import frozen_months, highest, limits, never_fits, own_failures
from migrasi.core.salvage import PartialSystem
from migrasi.core.shape import suggest
from migrasi.core.terms import Reason


@dataclass(frozen=True)
class Checked:
    """The result of the checks: findings, and the programme they were made on."""

    findings: list[Finding]
    items: dict[str, Item]
    groups: Groups
    """The move groups of every planned system."""
    fixed: dict[str, Record] = field(default_factory=dict)
    """The systems the record fixes (progress.md), with where it puts them."""
    movable: Groups | None = None
    """The move groups of the systems that are not fixed (``groups`` when none is)."""


def _id_path(item: Item) -> Path:
    return ("systems", item.index, "id")


Aside = Callable[[Callable[[], list[list[Finding]]]], Callable[[], list[list[Finding]]]]
"""Starts work that needs nothing else of the checks and gives a function that returns its
result: at once by default, or in another process for a large input (``loading/aside.py``)."""


def at_once(work: Callable[[], list[list[Finding]]]) -> Callable[[], list[list[Finding]]]:
    """The :data:`Aside` that does the work here and now."""
    done = work()
    return lambda: done


def check(inputs: Inputs, groups: Groups | None = None, aside: Aside = at_once) -> Checked:
    """Run every cross-file check on what could be read; ``groups`` are the move groups when
    they are known already (the same systems and refs under changed figures). Most checks that
    need no move groups are done through ``aside``; the findings keep one order either way."""
    out: list[Finding] = []
    out.extend(_datacenter_count(inputs))
    out.extend(_region_duplicates(inputs))
    items, dup = _items(inputs)
    out.extend(dup)
    dc = inputs.datacenter

    def ungrouped() -> list[list[Finding]]:
        return [
            list(_refs(inputs, items)),
            list(_move_with_kinds(items)),
            list(_warnings(inputs, items)),
        ]

    pending = aside(ungrouped)
    currencies = list(_currencies(inputs, items)) if dc is not None else []
    groups = groups if groups is not None else move_groups(items)
    grouped: list[Finding] = []
    fixed: dict[str, Record] = {}
    free = groups
    if dc is not None:
        calendar = waves(dc.schedule)
        as_of = dc.schedule.as_of
        grouped.extend(progress.check(items, groups, calendar, as_of))
        fixed = progress.records(items, calendar, as_of)
        free = progress.movable(groups, items, fixed)
        grouped.extend(_never_fits(inputs, items, free, calendar))
        grouped.extend(_pins(items, free, calendar, dc.schedule.pilot, as_of))
    refs, kinds, warnings = pending()
    out += [*refs, *currencies, *kinds, *grouped, *warnings]
    return Checked(accept(out, items), items, groups, fixed, free)


def _datacenter_count(inputs: Inputs) -> Iterable[Finding]:
    if not inputs.datacenters and inputs.read_inventory:
        yield Finding("E205", inputs.first_path, anchor=Anchor.NONE, args={"why": "none"})
    for extra in inputs.datacenters[1:]:
        yield Finding(
            "E205",
            extra.file,
            path=("schema",),
            args={"why": "many", "first": inputs.datacenters[0].file},
        )


def _region_duplicates(inputs: Inputs) -> Iterable[Finding]:
    ids: dict[str, str] = {}
    codes: dict[str, str] = {}
    for inv in inputs.inventories:
        if inv.region is None:
            continue
        for key, seen, value in (("id", ids, inv.region.id), ("code", codes, inv.region.code)):
            if value in seen:
                yield Finding(
                    "E201",
                    inv.file,
                    path=("region", key),
                    args={"field": key, "got": value, "first": seen[value]},
                )
            else:
                seen[value] = inv.file


def _regions(inputs: Inputs) -> Iterable[tuple[InventoryInput, str, dict[str, int]]]:
    """The first file of each region, its region id, and the index of each id's first system:
    only those systems take part in the cross-file checks (a repeat is E202)."""
    done: set[str] = set()
    for inv in inputs.inventories:
        if inv.region_id is None or inv.region_id in done:
            continue
        done.add(inv.region_id)
        first: dict[str, int] = {}
        for index, sid in inv.ids:
            first.setdefault(sid, index)
        yield inv, inv.region_id, first


def _items(inputs: Inputs) -> tuple[dict[str, Item], list[Finding]]:
    items: dict[str, Item] = {}
    out: list[Finding] = []
    for inv, region, first in _regions(inputs):
        for index, sid in inv.ids:
            if first[sid] != index:
                args = {"got": sid, "first": first[sid] + 1}
                out.append(Finding("E202", inv.file, path=("systems", index, "id"), args=args))
        for index, s in inv.systems:
            if first.get(s.id) == index:
                item = make_item(inv.file, region, index, s, inputs.datacenter)
                items[item.ref] = item
    return items, out


def _refs(inputs: Inputs, items: Mapping[str, Item]) -> Iterable[Finding]:
    known: set[str] = set()
    regions: set[str] = set()
    for inv in inputs.inventories:
        if inv.region_id is not None:
            regions.add(inv.region_id)
            known.update(f"{inv.region_id}/{sid}" for _, sid in inv.ids)
    blind = any(inv.region_id is None for inv in inputs.inventories)
    by_region: dict[str, list[str]] = {}
    for r in sorted(known):
        by_region.setdefault(r.split("/")[0], []).append(r)
    suggestions = [SUGGESTIONS]
    refs = [
        (item.file, item.region, item.index, ref, key, getattr(item.system, key))
        for ref, item in sorted(items.items())
        for key in ("depends_on", "move_with")
    ]
    refs += [
        (inv.file, region, part.index, f"{region}/{part.id}", key, getattr(part, key))
        for inv, region, part in partial_systems(inputs)
        for key in ("depends_on", "move_with")
    ]
    for file, region, index, ref, key, written in refs:
        for j, target_written in enumerate(written):
            if target_written is None:
                continue
            target = split_ref(target_written, region)
            path = ("systems", index, key, j)
            if target == ref:
                yield Finding("E204", file, path=path, args={"field": key, "got": target})
            elif target not in known and not (blind and target.split("/")[0] not in regions):
                hint = None
                if suggestions[0] > 0:
                    suggestions[0] -= 1
                    hint = _nearest_ref(target_written, region, target, by_region)
                yield Finding(
                    "E203",
                    file,
                    path=path,
                    args={"field": key, "got": target_written, "suggestion": hint},
                )


def partial_systems(inputs: Inputs) -> Iterable[tuple[InventoryInput, str, PartialSystem]]:
    """The broken systems whose valid parts are checked: of the first file of each region, the
    first system of each id (as for whole systems), with their region id."""
    for inv, region, first in _regions(inputs):
        for part in inv.partial:
            if first.get(part.id) == part.index:
                yield inv, region, part


SUGGESTIONS = 500
"""Unknown refs that get a did-you-mean (each looks through the refs of a region)."""


def _nearest_ref(
    written: str, region: str, target: str, by_region: Mapping[str, list[str]]
) -> str | None:
    """The closest known ref: among the named region's systems when that region exists, else
    among the region ids (then that region's systems)."""
    target_region = target.split("/", maxsplit=1)[0]
    if "/" not in written:
        local = [r.split("/")[1] for r in by_region.get(region, [])]
        return suggest(written, local)
    if target_region in by_region:
        return suggest(written, by_region[target_region])
    close_region = suggest(target_region, by_region)
    if close_region is None:
        return None
    return suggest(f"{close_region}/{target.split('/')[1]}", by_region[close_region])


def _currencies(inputs: Inputs, items: Mapping[str, Item]) -> Iterable[Finding]:
    dc = inputs.datacenter
    assert dc is not None
    for ref in sorted(items):
        item = items[ref]
        currency = item.system.cost.currency
        if dc.rate(currency) is None:
            yield Finding(
                "E206",
                item.file,
                path=("systems", item.index, "cost", "currency"),
                args={"got": currency},
            )
    for inv, _, part in partial_systems(inputs):
        if part.currency is not None and dc.rate(part.currency) is None:
            yield Finding(
                "E206",
                inv.file,
                path=("systems", part.index, "cost", "currency"),
                args={"got": part.currency},
            )
    currency = dc.running_cost.currency
    if dc.rate(currency) is None:
        yield Finding(
            "E206",
            inputs.datacenters[0].file,
            path=("running_cost", "currency"),
            args={"got": currency},
        )


def _move_with_kinds(items: Mapping[str, Item]) -> Iterable[Finding]:
    """E209 once per set of systems joined by ``move_with`` (as written) that mixes kinds."""
    edges: dict[str, list[str]] = {}
    for ref in sorted(items):
        for other in items[ref].move_with:
            if other in items and other != ref:
                edges.setdefault(ref, []).append(other)
                edges.setdefault(other, []).append(ref)
    for refs in (sorted(c) for c in strongly_connected(sorted(items), edges)):
        moved = [r for r in refs if items[r].moved]
        others = [r for r in refs if not items[r].moved]
        if moved and others:
            first = items[refs[0]]
            yield Finding(
                "E209",
                first.file,
                path=_id_path(first),
                args={
                    "moved": ", ".join(moved),
                    "other": ", ".join(others),
                    "strategy": items[others[0]].system.migration.strategy,
                },
            )


def _never_fits(
    inputs: Inputs, items: Mapping[str, Item], groups: Groups, calendar: list[Wave]
) -> Iterable[Finding]:
    dc = inputs.datacenter
    assert dc is not None
    most = [highest(per_wave) for per_wave in limits(dc, calendar)]
    for gid, refs in groups.members.items():
        first = items[gid]
        for found in never_fits([items[r] for r in refs], dc, most):
            yield Finding(
                "E207",
                first.file,
                path=_id_path(first),
                args={
                    "why": "group" if len(refs) > 1 else "one",
                    "limit": Term(f"limit.{found.rule.name}"),
                    "need": found.need,
                    "have": found.most,
                    "group": list(refs),
                },
            )


def _pins(
    items: Mapping[str, Item],
    groups: Groups,
    calendar: list[Wave],
    pilot: Pilot | None,
    as_of: date | None,
) -> Iterable[Finding]:
    """E208 for the pins of the systems that are not fixed (``groups`` holds only those)."""
    pins: dict[str, int] = {}
    for r in groups.of:
        wave = items[r].system.migration.wave
        if wave is not None:
            pins[r] = wave
    group_pin: dict[str, tuple[int, str]] = {}
    for gid, refs in groups.members.items():
        pinned = [(pins[r], r) for r in refs if pins.get(r) is not None]
        if pinned:
            wave, by = pinned[0]
            group_pin[gid] = (wave, by)
            for other_wave, other in pinned[1:]:
                if other_wave != wave:
                    yield _pin(items[other], "group", other=by, wave=wave)
    for ref in sorted(pins):
        pin = pins[ref]
        item = items[ref]
        if pin > len(calendar):
            yield _pin(item, "beyond", waves=len(calendar))
            continue
        pinned_wave = calendar[pin - 1]
        if not pinned_wave.open:
            yield _pin(item, "closed")
            continue
        if pinned_wave.started:
            yield _pin(item, "started", as_of=str(as_of))
            continue
        for member_ref in groups.members[groups.of[ref]]:
            yield from _member_pin(item, items[member_ref], pinned_wave, pilot)
    floor: dict[str, tuple[int, str]] = {}
    for gid in groups.order():
        best: tuple[int, str] | None = None
        for needed in groups.needs[gid]:
            for cand in (group_pin.get(needed), floor.get(needed)):
                if cand is not None and (best is None or cand[0] > best[0]):
                    best = cand
        if best is not None:
            floor[gid] = best
        own = group_pin.get(gid)
        if own is not None and best is not None and best[0] > own[0]:
            yield _pin(items[own[1]], "dependency", other=best[1], wave=best[0])


def _member_pin(item: Item, member: Item, wave: Wave, pilot: Pilot | None) -> Iterable[Finding]:
    other = None if member.ref == item.ref else member.ref
    for reason in own_failures(member, wave, pilot, pin=False):
        if reason is Reason.FREEZE:
            yield _pin(item, "freeze", other=other, months=frozen_months(member, wave))
        elif reason is Reason.NOT_BEFORE:
            yield _pin(item, "not_before", other=other, day=str(member.system.migration.not_before))
        elif reason is Reason.PILOT:
            yield _pin(item, "pilot", other=other)


def _pin(item: Item, why: str, **args: object) -> Finding:
    other = args.get("other")
    of = Term("of", {"other": other}) if other else ""
    return Finding(
        "E208",
        item.file,
        path=("systems", item.index, "migration", "wave"),
        args={"why": why, "pin": item.system.migration.wave, "of": of, **args},
    )


def _warnings(inputs: Inputs, items: Mapping[str, Item]) -> Iterable[Finding]:
    dc = inputs.datacenter
    for cycle in depends_cycles(items):
        first = items[cycle[0]]
        yield Finding("W301", first.file, path=_id_path(first), args={"group": list(cycle)})
    for ref in sorted(items):
        item = items[ref]
        s = item.system
        if item.moved and item.external is not None and item.internal is not None:
            if item.internal > item.external:
                yield Finding(
                    "W302",
                    item.file,
                    path=_id_path(item),
                    args={"internal": Rupiah(item.internal), "external": Rupiah(item.external)},
                )
            if item.external == 0:
                yield Finding("W306", item.file, path=_id_path(item))
        end = s.cost.contract_end
        if dc is not None and end is not None and end < dc.schedule.start:
            yield Finding(
                "W303",
                item.file,
                path=("systems", item.index, "cost", "contract_end"),
                args={"got": str(end), "start": str(dc.schedule.start)},
            )
        for j, dep_ref in enumerate(item.depends_on):
            dep = items.get(dep_ref)
            if dep is None or dep_ref == ref:
                continue
            path = ("systems", item.index, "depends_on", j)
            if item.moved and dep.system.migration.strategy == "retain":
                yield Finding("W304", item.file, path=path, args={"got": dep_ref})
            if dep.system.migration.strategy == "retire" and s.migration.strategy != "retire":
                yield Finding("W307", item.file, path=path, args={"got": dep_ref})
        if s.classification == "rahasia" and s.hosting.location == "overseas":
            yield Finding("W305", item.file, path=_id_path(item))
        if s.migration.strategy == "retain" and sensitive_outside_government(s):
            yield Finding(
                "W308",
                item.file,
                path=_id_path(item),
                args={"classification": s.classification, "type": s.hosting.type},
            )
    if dc is not None:
        last = waves(dc.schedule)[-1]
        if month_index(dc.schedule.start, last.cutover) >= dc.finance.horizon_months:
            yield Finding(
                "W311",
                inputs.datacenter_file,
                path=("schedule", "waves"),
                args={"cutover": str(last.cutover), "months": dc.finance.horizon_months},
            )


def accept(findings: list[Finding], items: Mapping[str, Item]) -> list[Finding]:
    """Mark the warnings a system lists in ``accepted_warnings`` as accepted, with the reason."""
    by_place = {(i.file, i.index): i for i in items.values()}
    out: list[Finding] = []
    for f in findings:
        if f.severity == "warning" and len(f.path) >= 2 and f.path[0] == "systems":
            item = by_place.get((f.file or "", int(f.path[1])))
            if item is not None and f.code in item.system.accepted_warnings:
                out.append(f.accepted(item.system.accepted_warnings[f.code]))
                continue
        out.append(f)
    return out
