"""The inputs as the planning spec sees them: systems, waves, move groups, limits, money."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from migrasi.core.models import DataCenter, System
from migrasi.core.programme import Inputs
from tests.plancheck.money import Costs, Outcome, Timeline, costs_of, effort_of, exact, outcome

ZERO = Decimal(0)
CRITICAL = ("tinggi", "strategis")
SENSITIVE = ("terbatas", "rahasia")
DIMENSIONS = ("vcpu", "ram_gb", "storage_gb")

Use = tuple[Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class Unit:
    """One system with everything the rules look at."""

    ref: str
    region: str
    file: str
    index: int
    system: System
    planned: bool
    moved: bool
    critical: bool
    effort: Decimal
    data_gb: Decimal
    bits: Decimal
    """data_gb · 8000: the left side of the exact transfer comparison."""
    use: Use
    """vcpu, ram_gb, storage_gb taken in the Data Center (zeros when retired)."""
    depends_on: tuple[str, ...]
    """Global refs of the planned systems it depends on, sorted."""
    pin: int | None
    not_before: date | None
    freeze: frozenset[int]
    pilot_ok: bool
    deadline: date | None
    costs: Costs
    status: str
    """progress.md: planned, in_progress or done."""
    cutover_on: date | None


@dataclass(frozen=True)
class WaveDef:
    """One wave of the schedule."""

    number: int
    start: date
    cutover: date
    open: bool
    pilot: bool
    months: frozenset[int] = field(default_factory=frozenset)
    started: bool = False
    """progress.md: its first day is on or before the as-of day."""
    ended: bool = False
    """progress.md: its cutover is before the as-of day."""


@dataclass(frozen=True)
class Fixed:
    """Where the record puts a fixed system (progress.md): it is never moved."""

    status: str
    wave: int | None
    """For ``done`` the wave whose days hold its cutover_on, or None; else its pinned wave."""
    cutover: date


def make_waves(dc: DataCenter) -> list[WaveDef]:
    """Every wave of the schedule: days, open or closed, which is the pilot, started, ended."""
    s = dc.schedule
    as_of = s.as_of
    length = 7 * s.wave_weeks
    out: list[WaveDef] = []
    pilot_taken = False
    for k in range(1, s.waves + 1):
        first = s.start + timedelta(days=(k - 1) * length)
        last = s.start + timedelta(days=k * length) - timedelta(days=1)
        is_open = all(b.to < first or b.from_ > last for b in s.blackouts)
        is_pilot = s.pilot is not None and is_open and not pilot_taken
        pilot_taken = pilot_taken or is_pilot
        months: set[int] = set()
        day = first
        while day <= last:
            months.add(day.month)
            day += timedelta(days=1)
        started = as_of is not None and first <= as_of
        ended = as_of is not None and last < as_of
        out.append(WaveDef(k, first, last, is_open, is_pilot, frozenset(months), started, ended))
    return out


def fixed_of(unit: Unit, waves: list[WaveDef]) -> Fixed | None:
    """Where the record puts ``unit`` when it is fixed: done, or in progress in a started wave."""
    if not unit.planned:
        return None
    if unit.status == "done":
        assert unit.cutover_on is not None
        day = unit.cutover_on
        holding = [w.number for w in waves if w.start <= day <= w.cutover]
        return Fixed("done", holding[0] if holding else None, day)
    if unit.status == "in_progress" and unit.pin is not None and 1 <= unit.pin <= len(waves):
        wave = waves[unit.pin - 1]
        if wave.started:
            return Fixed("in_progress", wave.number, wave.cutover)
    return None


def strongly_connected(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of a directed graph (Kosaraju, iterative)."""
    order: list[str] = []
    seen: set[str] = set()
    for root in nodes:
        if root in seen:
            continue
        seen.add(root)
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, i = stack.pop()
            targets = edges.get(node, [])
            if i < len(targets):
                stack.append((node, i + 1))
                nxt = targets[i]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, 0))
            else:
                order.append(node)
    reverse: dict[str, list[str]] = {n: [] for n in nodes}
    for a in nodes:
        for b in edges.get(a, []):
            reverse[b].append(a)
    components: list[list[str]] = []
    assigned: set[str] = set()
    for root in reversed(order):
        if root in assigned:
            continue
        component = [root]
        assigned.add(root)
        todo = [root]
        while todo:
            node = todo.pop()
            for prev in reverse[node]:
                if prev not in assigned:
                    assigned.add(prev)
                    component.append(prev)
                    todo.append(prev)
        components.append(sorted(component))
    return components


def _global(ref: str, region: str) -> str:
    """A ref as written in ``region``: a bare id means the same region."""
    return ref if "/" in ref else f"{region}/{ref}"


class Programme:
    """Everything a plan of these inputs is judged against."""

    def __init__(self, inputs: Inputs) -> None:
        dc = inputs.datacenter
        assert dc is not None, "the inputs need exactly one valid data-center file"
        self.dc = dc
        self.timeline = Timeline.of(dc)
        self.waves = make_waves(dc)
        self.open_waves = [w.number for w in self.waves if w.open]
        schedule = dc.schedule
        self.team_days = schedule.team_days
        self.bits_limit = schedule.transfer_hours * 3600 * schedule.link_mbps
        self.max_critical = schedule.max_critical
        self.pilot_max = schedule.pilot.max_systems if schedule.pilot is not None else None
        self.capacity: list[Use] = [self._capacity_on(w.cutover) for w in self.waves]

        raw: dict[str, tuple[str, str, int, System]] = {}
        self.regions: list[str] = []
        for inv in inputs.inventories:
            assert inv.region_id is not None
            self.regions.append(inv.region_id)
            for index, s in inv.systems:
                raw[f"{inv.region_id}/{s.id}"] = (inv.region_id, inv.file, index, s)
        planned = {ref for ref, (_, _, _, s) in raw.items() if s.planned}
        self.units: dict[str, Unit] = {}
        edges: dict[str, set[str]] = {ref: set() for ref in planned}
        for ref in sorted(raw):
            region, file, index, s = raw[ref]
            unit = self._unit(ref, region, file, index, s, planned=planned)
            self.units[ref] = unit
            if not unit.planned:
                continue
            edges[ref].update(unit.depends_on)
            for other in (_global(m, region) for m in s.move_with):
                if other in planned and other != ref:
                    edges[ref].add(other)
                    edges[other].add(ref)
        self.refs = sorted(self.units)
        self.planned = sorted(planned)
        self.as_of = dc.schedule.as_of
        self.future_waves = [w.number for w in self.waves if w.open and not w.started]
        """The open waves that have not started: the only ones a system that is not fixed takes."""
        self.fixed: dict[str, Fixed] = {}
        for ref in self.planned:
            found = fixed_of(self.units[ref], self.waves)
            if found is not None:
                self.fixed[ref] = found
        self.free = [ref for ref in self.planned if ref not in self.fixed]
        """The planned systems that are not fixed: what a plan decides."""
        recorded = any(self.units[ref].status != "planned" for ref in self.planned)
        before = self.as_of is not None and self.as_of < schedule.start
        self.shown_as_of = None if before and not recorded else self.as_of
        """plan.json's ``as_of``. Where the spec is silent: an as-of day before the start with
        no progress recorded plans as no as-of day does (progress.md), so none is shown and the
        plan is the one made without it, byte for byte."""
        self.fixed_use = self._fixed_use()
        """What the fixed systems take in the Data Center (all cut over before any future wave)."""
        self._groups(edges)
        self._outcomes: dict[tuple[str, date | None], Outcome] = {}

    def _fixed_use(self) -> Use:
        """The vcpu, ram_gb and storage_gb of the fixed systems together."""
        with exact():
            use = [ZERO, ZERO, ZERO]
            for ref in self.fixed:
                for d in range(3):
                    use[d] += self.units[ref].use[d]
        return use[0], use[1], use[2]

    def _groups(self, edges: dict[str, set[str]]) -> None:
        """Move groups: as plan.json names them (every member), and as the rules see them."""
        self.scc_of: dict[str, str] = {}
        """Planned ref → the id of its move group as plan.json names it (every member counted)."""
        self.scc_size: dict[str, int] = {}
        self.members: dict[str, tuple[str, ...]] = {}
        """Group id → the members that are not fixed (progress.md: what 'move group' means)."""
        self.group_of: dict[str, str] = {}
        sorted_edges = {ref: sorted(targets) for ref, targets in edges.items()}
        for component in strongly_connected(self.planned, sorted_edges):
            gid = component[0]
            self.scc_size[gid] = len(component)
            for ref in component:
                self.scc_of[ref] = gid
            free = tuple(r for r in component if r not in self.fixed)
            if free:
                self.members[gid] = free
                for ref in free:
                    self.group_of[ref] = gid
        self.group_ids = sorted(self.members)
        self.group_needs: dict[str, tuple[str, ...]] = {}
        """Group id → refs that are not fixed, outside the group, that its members depend on."""
        for gid, refs in self.members.items():
            outside = {
                d
                for r in refs
                for d in self.units[r].depends_on
                if d not in refs and d not in self.fixed
            }
            self.group_needs[gid] = tuple(sorted(outside))

    def _capacity_on(self, day: date) -> Use:
        """Base capacity plus every expansion whose ``from`` is on or before ``day``."""
        cap = self.dc.capacity
        vcpu, ram, storage = Decimal(cap.vcpu), cap.ram_gb, cap.storage_gb
        with exact():
            for e in cap.expansions:
                if e.from_ <= day:
                    vcpu += e.vcpu
                    ram += e.ram_gb
                    storage += e.storage_gb
        return vcpu, ram, storage

    def _unit(
        self, ref: str, region: str, file: str, index: int, s: System, *, planned: set[str]
    ) -> Unit:
        """Resolve one system's rule figures."""
        dc = self.dc
        m = s.migration
        res = s.resources
        if s.moved and res is not None:
            use: Use = (Decimal(res.vcpu), res.ram_gb, res.storage_gb)
        else:
            use = (ZERO, ZERO, ZERO)
        if m.data_gb is not None:
            data = m.data_gb
        elif s.moved and res is not None:
            data = res.storage_gb
        else:
            data = ZERO
        pilot = dc.schedule.pilot
        pilot_ok = pilot is None or (
            s.criticality in pilot.criticality and (pilot.personal_data or not s.personal_data)
        )
        deadlines = [m.not_after] if m.not_after is not None else []
        compliance = dc.schedule.compliance_deadline
        if (
            compliance is not None
            and s.classification in SENSITIVE
            and s.hosting.type != "government"
        ):
            deadlines.append(compliance)
        deps = sorted(
            {r for r in (_global(d, region) for d in s.depends_on) if r in planned and r != ref}
        )
        return Unit(
            ref=ref,
            region=region,
            file=file,
            index=index,
            system=s,
            planned=s.planned,
            moved=s.moved,
            critical=s.criticality in CRITICAL,
            effort=effort_of(s, dc),
            data_gb=data,
            bits=data * 8000,
            use=use,
            depends_on=tuple(deps) if s.planned else (),
            pin=m.wave,
            not_before=m.not_before,
            freeze=frozenset(m.freeze_months),
            pilot_ok=pilot_ok,
            deadline=min(deadlines) if deadlines else None,
            costs=costs_of(s, dc),
            status=m.status,
            cutover_on=m.cutover_on,
        )

    def wave(self, number: int) -> WaveDef:
        """Wave ``number`` (1-based)."""
        return self.waves[number - 1]

    def outcome_on(self, ref: str, cutover: date | None) -> Outcome:
        """The money of system ``ref`` cut over on ``cutover`` (None: not moved)."""
        key = (ref, cutover)
        found = self._outcomes.get(key)
        if found is None:
            found = outcome(self.timeline, self.units[ref].costs, cutover)
            self._outcomes[key] = found
        return found

    def outcome(self, ref: str, wave: int | None) -> Outcome:
        """The money of system ``ref`` cut over in ``wave`` (None: not moved)."""
        return self.outcome_on(ref, None if wave is None else self.wave(wave).cutover)

    def fixed_outcome(self, ref: str) -> Outcome:
        """The money of fixed system ``ref`` at its recorded cutover."""
        return self.outcome_on(ref, self.fixed[ref].cutover)

    def fixed_value(self) -> int:
        """The sum of the fixed systems' rounded NPVs: part of every plan."""
        return sum(_whole_npv(self.fixed_outcome(ref), self.timeline) for ref in self.fixed)

    def group_npv(self, gid: str, wave: int | None) -> Decimal:
        """The exact NPV of a move group's members in ``wave`` (summed in ref order)."""
        with exact():
            total = ZERO
            for ref in self.members[gid]:
                total += self.outcome(ref, wave).npv
        return total

    def group_value(self, gid: str, wave: int | None) -> int:
        """The sum of the members' rounded NPVs in ``wave``."""
        return sum(_whole_npv(self.outcome(ref, wave), self.timeline) for ref in self.members[gid])

    def own_failure(self, ref: str, wave: int) -> str | None:
        """The first of pin, not_before, freeze, pilot that keeps ``ref`` out of ``wave``."""
        u = self.units[ref]
        w = self.wave(wave)
        if u.pin is not None and u.pin != wave:
            return "pin"
        if u.not_before is not None and w.cutover < u.not_before:
            return "not_before"
        if u.freeze & w.months:
            return "freeze"
        if w.pilot and not u.pilot_ok:
            return "pilot"
        return None

    def allowed(self, gid: str, wave: int) -> bool:
        """Whether ``wave`` is open and future and every member's own rules (pin, not_before,
        freeze, pilot) admit it."""
        w = self.wave(wave)
        if not w.open or w.started:
            return False
        return all(self.own_failure(ref, wave) is None for ref in self.members[gid])

    def deadline_of(self, ref: str) -> date | None:
        """The system's deadline: the earlier of not_after and the compliance deadline."""
        return self.units[ref].deadline


def _whole_npv(o: Outcome, timeline: Timeline) -> int:
    """The rounded NPV of one system's outcome."""
    npv = o.figures(timeline)["npv"]
    assert isinstance(npv, int)
    return npv
