"""A programme under way (progress.md): which systems are fixed by what was recorded, where
the record puts them, which waves have started, and the checks of the progress fields.

A system is **fixed** when it is ``done``, or ``in_progress`` in a wave that has started on or
before the as-of day. The planner never moves a fixed system; everything that speaks of a move
group means its members that are not fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from migrasi.core.calendar import Wave
from migrasi.core.findings import Finding, Path
from migrasi.core.graph import Groups
from migrasi.core.models import DataCenter
from migrasi.core.programme import Item


@dataclass(frozen=True)
class Record:
    """Where the record puts a fixed system: its cutover day and the wave that holds it (0 for
    a day before wave 1, None for a day after the last wave)."""

    cutover: date
    wave: int | None


def as_of(day: date | None) -> Callable[[DataCenter], DataCenter]:
    """The change that makes ``day`` the as-of day (``--as-of``); none without a day."""

    def change(dc: DataCenter) -> DataCenter:
        if day is None:
            return dc
        return dc.model_copy(update={"schedule": dc.schedule.model_copy(update={"as_of": day})})

    return change


def wave_of(day: date, calendar: Sequence[Wave]) -> int | None:
    """The wave whose days hold ``day``: 0 before the first wave, None after the last."""
    if not calendar or day < calendar[0].start:
        return 0
    for w in calendar:
        if w.start <= day <= w.cutover:
            return w.number
    return None


def record(item: Item, calendar: Sequence[Wave], as_of: date | None) -> Record | None:
    """Where the record puts the system when it is fixed, else None."""
    m = item.system.migration
    if as_of is None or not item.planned:
        return None
    if m.status == "done" and m.cutover_on is not None:
        return Record(m.cutover_on, wave_of(m.cutover_on, calendar))
    if m.status == "in_progress" and m.wave is not None and m.wave <= len(calendar):
        wave = calendar[m.wave - 1]
        if wave.started:
            return Record(wave.cutover, wave.number)
    return None


def records(
    items: Mapping[str, Item], calendar: Sequence[Wave], as_of: date | None
) -> dict[str, Record]:
    """Every fixed system's record, by ref."""
    out: dict[str, Record] = {}
    for ref in sorted(items):
        found = record(items[ref], calendar, as_of)
        if found is not None:
            out[ref] = found
    return out


def movable(groups: Groups, items: Mapping[str, Item], fixed: Mapping[str, Record]) -> Groups:
    """The move groups of the systems that are not fixed: each group's members that are not
    fixed, under the smallest of their refs, needing what they depend on that is not fixed."""
    if not fixed:
        return groups
    members: dict[str, tuple[str, ...]] = {}
    of: dict[str, str] = {}
    for refs in groups.members.values():
        kept = tuple(r for r in refs if r not in fixed)
        if kept:
            members[kept[0]] = kept
            of.update(dict.fromkeys(kept, kept[0]))
    needs: dict[str, set[str]] = {gid: set() for gid in members}
    for ref, gid in of.items():
        for dep in items[ref].depends_on:
            other = of.get(dep)
            if other is not None and other != gid:
                needs[gid].add(other)
    return Groups(
        members=dict(sorted(members.items())),
        of=of,
        needs={g: tuple(sorted(n)) for g, n in sorted(needs.items())},
    )


# --- the checks of progress.md ---------------------------------------------------------------


def _at(item: Item, field: str, code: str, why: str, **args: object) -> Finding:
    path: Path = ("systems", item.index, *(("migration", field) if field != "id" else ("id",)))
    return Finding(code, item.file, path=path, args={"why": why, **args})


def check(
    items: Mapping[str, Item], groups: Groups, calendar: Sequence[Wave], as_of: date | None
) -> Iterable[Finding]:
    """E210 and E211 of every system, and W312 of every fixed one."""
    for ref in sorted(items):
        item = items[ref]
        m = item.system.migration
        if m.cutover_on is not None and m.status != "done":
            yield _at(item, "cutover_on", "E210", "cutover_not_done", status=m.status)
        if m.status == "planned":
            continue
        if not item.planned:
            yield _at(item, "status", "E210", "retained", status=m.status)
        if as_of is None:
            yield _at(item, "status", "E210", "no_as_of", status=m.status)
        if m.status == "done" and m.cutover_on is None:
            yield _at(item, "status", "E210", "done_without_day")
        if m.status == "in_progress" and m.wave is None:
            yield _at(item, "status", "E210", "in_progress_without_wave")
        if as_of is None or not item.planned:
            continue
        if m.status == "done" and m.cutover_on is not None and m.cutover_on > as_of:
            yield _at(
                item, "cutover_on", "E211", "after_as_of", day=str(m.cutover_on), as_of=str(as_of)
            )
        if m.status == "in_progress" and m.wave is not None and m.wave <= len(calendar):
            wave = calendar[m.wave - 1]
            if wave.ended:
                yield _at(
                    item, "wave", "E211", "wave_ended",
                    wave=m.wave, day=str(wave.cutover), as_of=str(as_of),
                )  # fmt: skip
    if as_of is not None:
        yield from _apart(items, groups, records(items, calendar, as_of))


def _apart(
    items: Mapping[str, Item], groups: Groups, fixed: Mapping[str, Record]
) -> Iterable[Finding]:
    """W312: a fixed system cut over before something it depends on (a system not fixed comes
    later, or never), or apart from a member of its move group."""
    for ref, rec in fixed.items():
        item = items[ref]
        early = sorted(
            dep
            for dep in item.depends_on
            if dep in items
            and items[dep].planned
            and dep != ref
            and (dep not in fixed or fixed[dep].cutover > rec.cutover)
        )
        if early:
            yield _at(item, "id", "W312", "dependency", other=early[0])
            continue
        apart = sorted(
            r
            for r in groups.members.get(groups.of.get(ref, ""), ())
            if r != ref and (r not in fixed or fixed[r].wave != rec.wave)
        )
        if apart:
            yield _at(item, "id", "W312", "group", other=apart[0])
