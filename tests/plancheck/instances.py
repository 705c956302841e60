"""Seeded small random instances, written as YAML files into a folder; every one validates."""

from __future__ import annotations

import itertools
import json
import math
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from migrasi.api import validate

Yaml = dict[str, object]


@dataclass(frozen=True)
class Size:
    """How large an instance may be drawn."""

    groups: int
    """At most this many move groups."""
    waves: int
    """At most this many waves."""


SMALL = Size(groups=8, waves=5)
"""Small enough for the brute-force search."""
LARGE = Size(groups=40, waves=10)
"""Too large to search: for checking the planner's heuristic alone."""

STRATEGIES = ("rehost", "replatform", "refactor", "repurchase")
HOSTING = ("cloud", "vps", "dedicated", "colocation", "shared", "saas", "government")
REGIONS = (("kota-uji", "15.71", "kota"), ("kab-uji", "15.05", "kabupaten"))


def flow(value: object) -> str:
    """One value in YAML flow style: numbers exact, text double-quoted, dates plain."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def block(value: Yaml, indent: int = 0) -> list[str]:
    """A mapping in YAML block style; lists of mappings as block sequences."""
    pad = " " * indent
    lines: list[str] = []
    for key, item in value.items():
        if isinstance(item, dict) and item:
            lines.append(f"{pad}{key}:")
            lines.extend(block(item, indent + 2))
        elif isinstance(item, list) and item and all(isinstance(i, dict) for i in item):
            lines.append(f"{pad}{key}:")
            for element in item:
                assert isinstance(element, dict)
                sub = block(element, indent + 4)
                sub[0] = f"{pad}  - {sub[0].lstrip()}"
                lines.extend(sub)
        else:
            lines.append(f"{pad}{key}: {flow(item)}")
    return lines


@dataclass
class Draft:
    """One system being drawn, before it is written out."""

    region: str
    id: str
    strategy: str
    group: int
    critical: bool = False
    yaml: Yaml = field(default_factory=dict)
    depends_on: list[str] = field(default_factory=list)
    move_with: list[str] = field(default_factory=list)
    effort: Decimal = Decimal(0)
    data_gb: Decimal = Decimal(0)
    use: tuple[int, Decimal, Decimal] = (0, Decimal(0), Decimal(0))

    @property
    def ref(self) -> str:
        """The global ref."""
        return f"{self.region}/{self.id}"


def _total(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of ``values``."""
    return sum(values, Decimal(0))


def _ref_from(src: Draft, dst: Draft, rng: random.Random) -> str:
    """How ``src`` writes a ref to ``dst``: a bare id within the region, sometimes the full ref."""
    if src.region == dst.region and rng.random() < 0.8:
        return dst.id
    return dst.ref


class _Maker:
    """Draws one instance from a seeded random generator."""

    def __init__(self, seed: int, features: bool, size: Size, progress: bool = False) -> None:
        self.rng = random.Random(seed)
        self.features = features
        self.size = size
        self.progress = random.Random(f"progress-{seed}") if progress else None
        """Draws the progress recorded (its own stream: the instance is the same without it)."""
        self.as_of: date | None = None
        rng = self.rng
        self.start = date(2027, 1, 4) + timedelta(weeks=rng.randint(0, 48))
        self.wave_weeks = rng.choice((2, 3, 4, 5))
        self.waves = rng.randint(2, size.waves)
        self.end = self.start + timedelta(days=7 * self.wave_weeks * self.waves - 1)
        self.regions = REGIONS[: rng.choice((1, 1, 2))]
        self.effort_default = {
            "rehost": Decimal(rng.randint(2, 6)),
            "replatform": Decimal(rng.randint(5, 10)),
            "refactor": Decimal(rng.randint(10, 15)),
            "repurchase": Decimal(rng.randint(6, 10)),
            "retire": Decimal(rng.randint(1, 3)),
        }
        self.usd = Decimal(rng.choice((16000, 16500)))
        self.drafts: list[Draft] = []
        self.counters: Counter[str] = Counter()

    def next_id(self, region: str) -> str:
        """A fresh system id in ``region`` (the same ids recur across regions, on purpose)."""
        self.counters[region] += 1
        return f"sys-{self.counters[region]}"

    def running_cost(self) -> Yaml:
        """The Data Center's prices: Rupiah mostly, sometimes in USD (× the rate)."""
        rng = self.rng
        if rng.random() < 0.15:
            return {
                "currency": "USD",
                "per_vcpu": Decimal(6),
                "per_ram_gb": Decimal("1.25"),
                "per_storage_gb": Decimal("0.06"),
                "per_system": Decimal(15),
            }
        return {
            "per_vcpu": 100000,
            "per_ram_gb": 20000,
            "per_storage_gb": 1000,
            "per_system": rng.choice((200000, 250000, 400000)),
        }

    def day_in_schedule(self, before: int = 0, after: int = 0) -> date:
        """A random day from ``before`` days before the start to ``after`` days past the end."""
        span = (self.end - self.start).days + before + after
        return self.start - timedelta(days=before) + timedelta(days=self.rng.randint(0, span))

    def cost(self) -> Yaml:
        """Draw what the provider is paid: monthly, yearly or in USD, with a contract sometimes."""
        rng = self.rng
        cost: Yaml
        kind = rng.random()
        if kind < 0.6:
            amount = rng.choices((0, rng.randint(2, 60)), (1, 30))[0] * 100000
            cost = {"amount": amount, "per": "month"}
        elif kind < 0.8:
            cost = {
                "amount": rng.randint(24, 720) * 100000 + rng.randint(0, 99) * 1000,
                "per": "year",
            }
        else:
            cost = {
                "amount": Decimal(rng.randint(10, 600)) / 2,
                "per": rng.choice(("month", "year")),
                "currency": "USD",
            }
            if cost["per"] == "year":
                cost["amount"] = Decimal(rng.randint(10, 600)) * 12
        if rng.random() < 0.45:
            cost["contract_end"] = self.day_in_schedule(before=60, after=240)
            if rng.random() < 0.6:
                fee = rng.randint(1, 40) * 100000
                cost["termination_fee"] = fee if cost.get("currency") != "USD" else fee // 10000
        return cost

    def system(self, region: str, name: str, strategy: str, group: int) -> Draft:
        """Draw one system's fields."""
        rng = self.rng
        d = Draft(region, name, strategy, group)
        criticality = rng.choices(("rendah", "tinggi", "strategis"), (6, 3, 1))[0]
        d.critical = criticality != "rendah"
        cost = self.cost()
        migration: Yaml = {"strategy": strategy}
        effort = self.effort_default.get(strategy, Decimal(0))
        if rng.random() < 0.3:
            effort = Decimal(rng.choice(("1", "2", "2.5", "4", "6", "0")))
            migration["effort_days"] = effort
        d.effort = effort
        d.yaml = {
            "id": name,
            "name": f"Sistem {name}",
            "owner": rng.choice(("Diskominfo", "BKPSDM", "Bappeda", "Dinkes")),
            "criticality": criticality,
            "classification": rng.choices(("publik", "terbatas", "rahasia"), (5, 4, 1))[0],
            "personal_data": rng.random() < 0.3,
            "hosting": {
                "provider": "PT Uji",
                "type": rng.choices(HOSTING, (3, 3, 1, 1, 2, 1, 1))[0],
                "location": rng.choice(("jambi", "indonesia", "overseas")),
            },
            "cost": cost,
        }
        if strategy not in ("retire", "retain") or rng.random() < 0.3:
            vcpu = rng.randint(1, 4)
            ram = Decimal(rng.choice(("0.5", "1", "2", "4", "8", "1.5")))
            storage = Decimal(rng.randint(1, 30) * 10)
            d.yaml["resources"] = {"vcpu": vcpu, "ram_gb": ram, "storage_gb": storage}
            if strategy not in ("retire", "retain"):
                d.use = (vcpu, ram, storage)
                d.data_gb = storage
        if rng.random() < 0.3 or (strategy == "retire" and rng.random() < 0.5):
            d.data_gb = Decimal(rng.randint(0, 20) * 10)
            migration["data_gb"] = d.data_gb
        if self.features and strategy != "retain":
            self.timing(migration)
            if rng.random() < 0.1:
                code = rng.choice(("W309", "W310"))
                d.yaml["accepted_warnings"] = {code: "sudah dibahas"}
        d.yaml["migration"] = migration
        return d

    def timing(self, migration: Yaml) -> None:
        """Draw a pin, not_before, not_after and freeze months, each sometimes."""
        rng = self.rng
        if rng.random() < 0.12:
            migration["wave"] = rng.randint(1, self.waves)
        if rng.random() < 0.12:
            migration["not_before"] = self.day_in_schedule()
        if rng.random() < 0.15:
            not_after = self.day_in_schedule(after=30)
            not_before = migration.get("not_before")
            if isinstance(not_before, date):
                not_after = max(not_after, not_before)
            migration["not_after"] = not_after
        if rng.random() < 0.12:
            migration["freeze_months"] = sorted(rng.sample(range(1, 13), rng.randint(1, 2)))

    def draw(self) -> dict[str, str]:
        """Every file of the instance: name → YAML text."""
        rng = self.rng
        groups = rng.randint(1, self.size.groups)
        members: list[list[Draft]] = []
        for g in range(groups):
            shape = rng.choices(("single", "move_with", "cycle"), (7, 2, 2))[0]
            size = 1 if shape == "single" else rng.choice((2, 2, 3))
            retire = rng.random() < 0.15
            strategy = "retire" if retire else rng.choice(STRATEGIES)
            group: list[Draft] = []
            for _ in range(size):
                region = rng.choice(self.regions)[0]
                s = strategy if retire else rng.choice(STRATEGIES)
                group.append(self.system(region, self.next_id(region), s, g))
            if shape == "move_with":
                for a, b in itertools.pairwise(group):
                    a.move_with.append(_ref_from(a, b, rng))
            elif shape == "cycle":
                for a, b in zip(group, [*group[1:], group[0]], strict=True):
                    a.depends_on.append(_ref_from(a, b, rng))
            members.append(group)
        retained: list[Draft] = []
        for _ in range(rng.choice((0, 0, 1, 2))):
            region = rng.choice(self.regions)[0]
            retained.append(self.system(region, self.next_id(region), "retain", -1))
        for g, group in enumerate(members):
            for d in group:
                if g > 0 and rng.random() < 0.35:
                    target = rng.choice(members[rng.randrange(g)])
                    if target.ref not in d.depends_on:
                        d.depends_on.append(_ref_from(d, target, rng))
                if retained and rng.random() < 0.2:
                    d.depends_on.append(_ref_from(d, rng.choice(retained), rng))
        self.drafts = [d for group in members for d in group] + retained
        if self.progress is not None:
            self.record_progress(self.progress, members)
        files = {"datacenter.yaml": self.datacenter(members)}
        for region_id, code, kind in self.regions:
            systems = [d for d in self.drafts if d.region == region_id]
            for d in systems:
                if d.depends_on:
                    d.yaml["depends_on"] = d.depends_on
                if d.move_with:
                    d.yaml["move_with"] = d.move_with
            doc: Yaml = {
                "schema": "migrasi/inventory/v1",
                "region": {"id": region_id, "code": code, "name": region_id.title(), "kind": kind},
                "systems": [d.yaml for d in systems],
            }
            files[f"{region_id}.yaml"] = "\n".join(block(doc)) + "\n"
        return files

    def wave_days(self, k: int) -> tuple[date, date]:
        """The first day and the cutover of wave ``k``."""
        length = 7 * self.wave_weeks
        first = self.start + timedelta(days=(k - 1) * length)
        return first, first + timedelta(days=length - 1)

    def record_progress(self, rng: random.Random, members: list[list[Draft]]) -> None:
        """Draw an as-of day and what was done by then (progress.md): systems (often whole move
        groups) cut over on a day up to the as-of day, some before the start; others under way in
        the current wave or pinned to a future one; pins to waves that have started moved ahead.
        """
        span = (self.end - self.start).days
        # Mostly early enough to leave future waves to plan; sometimes past the last wave.
        reach = span + 14 if rng.random() < 0.1 else span * 2 // 3
        self.as_of = self.start + timedelta(days=rng.randint(-21, reach))
        started = [k for k in range(1, self.waves + 1) if self.wave_days(k)[0] <= self.as_of]
        current = [k for k in started if self.wave_days(k)[1] >= self.as_of]
        future = [k for k in range(1, self.waves + 1) if k not in started]
        share = rng.choice((0.0, 0.2, 0.4, 0.7))
        for group in members:
            whole_group = rng.random() < 0.6
            for d in group:
                if whole_group and d is not group[0]:
                    choice = group[0].yaml["migration"]
                    assert isinstance(choice, dict)
                    self.copy_progress(rng, d, choice, current, future)
                    continue
                self.draw_status(rng, d, share, started, current, future)

    def draw_status(
        self,
        rng: random.Random,
        d: Draft,
        share: float,
        started: list[int],
        current: list[int],
        future: list[int],
    ) -> None:
        """Record one system done, under way or planned; keep its pin off the started waves."""
        assert self.as_of is not None
        migration = d.yaml["migration"]
        assert isinstance(migration, dict)
        roll = rng.random()
        if started and roll < share:
            migration["status"] = "done"
            early = self.start - timedelta(days=rng.randint(1, 40))
            migration["cutover_on"] = (
                early if rng.random() < 0.1 else self.day_in_schedule(before=10, after=0)
            )
            if migration["cutover_on"] > self.as_of:
                migration["cutover_on"] = self.as_of - timedelta(days=rng.randint(0, 10))
            if rng.random() < 0.5:
                migration.pop("wave", None)
        elif (current or future) and roll < share + 0.15:
            migration["status"] = "in_progress"
            pool = current if current and (rng.random() < 0.7 or not future) else future
            migration["wave"] = rng.choice(pool)
        else:
            pin = migration.get("wave")
            if isinstance(pin, int) and pin in started:
                if future and rng.random() < 0.5:
                    migration["wave"] = rng.choice(future)
                else:
                    del migration["wave"]

    def copy_progress(
        self, rng: random.Random, d: Draft, lead: Yaml, current: list[int], future: list[int]
    ) -> None:
        """Record ``d`` as its group's first member was, a few days apart when done."""
        assert self.as_of is not None
        migration = d.yaml["migration"]
        assert isinstance(migration, dict)
        status = lead.get("status", "planned")
        for key in ("status", "cutover_on"):
            migration.pop(key, None)
        if status == "done":
            day = lead["cutover_on"]
            assert isinstance(day, date)
            migration["status"] = "done"
            migration["cutover_on"] = min(self.as_of, day + timedelta(days=rng.randint(0, 3)))
        elif status == "in_progress":
            migration["status"] = "in_progress"
            migration["wave"] = lead["wave"]
        if status != "in_progress" and "wave" in migration:
            started = [k for k in range(1, self.waves + 1) if k not in future]
            if migration["wave"] in started:
                del migration["wave"]

    def datacenter(self, members: list[list[Draft]]) -> str:
        """The data-center file, with limits tight enough to bind but every group able to fit."""
        rng = self.rng

        def tight(biggest: Decimal, total: Decimal) -> Decimal:
            """A limit that the biggest group fits but the total may well not."""
            share = total / Decimal(rng.choice(("1", "1.3", "1.7", "2.2")))
            return max(biggest, share)

        efforts = [_total(d.effort for d in g) for g in members]
        data = [_total(d.data_gb for d in g) for g in members]
        team = math.ceil(tight(max(efforts), _total(efforts)))
        link = 100
        # Transfer: Σ data_gb · 8000 ≤ hours · 3600 · link; 45 GB an hour at 100 Mbps.
        hours = max(1, math.ceil(tight(max(data), _total(data)) / 45))
        dims: list[tuple[Decimal, Decimal]] = []
        for i in range(3):
            per_group = [_total(Decimal(d.use[i]) for d in g) for g in members]
            dims.append((max(per_group), _total(per_group)))
        total_cap = [
            max(big, total * Decimal(rng.choice(("0.8", "1", "1.5", "2.5")))) for big, total in dims
        ]
        base_share = Decimal(rng.choice(("0.6", "0.8", "1")))
        base = [Decimal(math.ceil(c * base_share)) for c in total_cap]
        capacity: Yaml = {"vcpu": int(base[0]), "ram_gb": base[1], "storage_gb": base[2]}
        if base_share < 1:
            expansions: list[Yaml] = [
                {
                    "from": self.day_in_schedule(),
                    "vcpu": math.ceil(total_cap[0] - base[0]),
                    "ram_gb": Decimal(math.ceil(total_cap[1] - base[1])),
                    "storage_gb": Decimal(math.ceil(total_cap[2] - base[2])),
                }
            ]
            if rng.random() < 0.3:
                # An expansion dated before the start counts from wave 1 on.
                early: Yaml = {
                    "from": self.start - timedelta(days=rng.randint(1, 90)),
                    "vcpu": 1,
                    "ram_gb": Decimal("0.5"),
                    "storage_gb": Decimal(10),
                }
                expansions.append(early)
            capacity["expansions"] = expansions
            # Counted by E207 only when dated on or before the last cutover: it is.
        critical = max(sum(d.critical for d in g) for g in members)
        schedule: Yaml = {
            "start": self.start,
            "wave_weeks": self.wave_weeks,
            "waves": self.waves,
            "team_days": team,
            "link_mbps": link,
            "transfer_hours": hours,
        }
        if rng.random() < 0.5:
            schedule["max_critical"] = max(critical, rng.randint(1, 2))
        if self.features and rng.random() < 0.35:
            schedule["compliance_deadline"] = self.day_in_schedule(after=20)
        if rng.random() < 0.4:
            schedule["pilot"] = {
                "max_systems": rng.choices((0, 1, 2, 3), (1, 5, 5, 5))[0],
                "criticality": rng.choice((["rendah"], ["rendah", "tinggi"])),
                "personal_data": rng.random() < 0.5,
            }
        if self.as_of is not None:
            schedule["as_of"] = self.as_of
        if rng.random() < 0.3:
            first = self.day_in_schedule()
            schedule["blackouts"] = [
                {"from": first, "to": first + timedelta(days=rng.randint(0, 20)), "reason": "Tutup"}
            ]
        dc: Yaml = {
            "schema": "migrasi/datacenter/v1",
            "name": "Pusat Data Uji",
            "capacity": capacity,
            "running_cost": self.running_cost(),
            "schedule": schedule,
            "effort_days": dict(self.effort_default.items()),
            "finance": {
                "horizon_months": rng.choices((3, 6, 12, 24, 36, 60), (1, 1, 3, 3, 2, 2))[0],
                "discount_rate": rng.choice(("0.06", "0.1", "0", "0.12")),
                "labour_cost_per_day": rng.choice((500000, 1000000, 1500000)),
                "fx": {"USD": self.usd},
            },
        }
        return "\n".join(block(dc)) + "\n"


def instance_files(seed: int, size: Size = SMALL, progress: bool = False) -> dict[str, str]:
    """The files of instance ``seed``: the first draw (of a few) that validates without errors;
    with ``progress``, an as-of day and the statuses of a programme under way (progress.md)."""
    for attempt in range(60):
        maker = _Maker(seed * 1000 + attempt, features=attempt < 40, size=size, progress=progress)
        files = maker.draw()
        if _errors(files) == 0:
            return files
    raise AssertionError(f"no valid instance for seed {seed}")  # pragma: no cover


def _errors(files: dict[str, str]) -> int:
    """How many validation errors the files have (written to a scratch folder)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return validate([folder]).errors


def write_instance(folder: Path, seed: int, size: Size = SMALL, *, progress: bool = False) -> Path:
    """Write instance ``seed`` into ``folder`` (created if need be) and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in instance_files(seed, size, progress).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
