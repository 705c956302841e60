"""Deterministic generator of synthetic, valid migrasi inventories for benchmarks and tests.

Usage::

    python bench/generate.py OUT_DIR --regions 550 --systems 30000 --seed 1 [--waves 18]

or, from Python::

    from bench.generate import generate
    generate(Path("bench/out/x"), regions=550, systems=30000, seed=1)

It writes ``OUT_DIR/datacenter.yaml`` (schema ``migrasi/datacenter/v1``) and one
``OUT_DIR/<region-id>.yaml`` (schema ``migrasi/inventory/v1``) per region. The same arguments
always give byte-identical files. The files follow the input format and carry no
validation errors (warnings such as W302, W304, W305, W306, W307 and W308 do occur, as in real
inventories); the data-center file is sized from the systems so that the set can be planned within
the given number of waves.

OUT_DIR is owned by the generator: it keeps a ``.migrasi-bench`` marker there, refuses to write
into a non-empty folder without one, and removes the ``*.yaml`` files of an earlier run first.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

MARKER = ".migrasi-bench"
DATACENTER_FILE = "datacenter.yaml"
HUB_REGION_SLUG = "prov-jambi"
HUB_SYSTEMS = ("sso", "api-gateway")

START = date(2027, 1, 4)
WAVE_WEEKS = 4
BLACKOUTS: tuple[tuple[date, date, str], ...] = (
    (date(2027, 12, 1), date(2028, 1, 15), "Tutup tahun anggaran"),
)
COMPLIANCE_DEADLINE = date(2028, 6, 30)
PILOT_MAX_SYSTEMS = 6
TRANSFER_HOURS = 48
USD_RATE = 16500

DEFAULT_EFFORT: dict[str, int] = {
    "rehost": 8,
    "replatform": 20,
    "refactor": 60,
    "repurchase": 25,
    "retire": 3,
}
RUNNING_COST = {
    "per_vcpu": 110000,
    "per_ram_gb": 25000,
    "per_storage_gb": 900,
    "per_system": 350000,
}
MOVED = ("rehost", "replatform", "refactor", "repurchase")

# (weight, value) tables; weights are integers so that draws are exact.
STRATEGY_MIX: tuple[tuple[int, str], ...] = (
    (70, "rehost"),
    (10, "replatform"),
    (3, "refactor"),
    (5, "repurchase"),
    (4, "retire"),
    (8, "retain"),
)
CRITICALITY_MIX = ((55, "rendah"), (35, "tinggi"), (10, "strategis"))
CLASSIFICATION_MIX = ((30, "publik"), (55, "terbatas"), (15, "rahasia"))
HOSTING_MIX = (
    (25, "cloud"),
    (30, "vps"),
    (10, "dedicated"),
    (10, "colocation"),
    (15, "shared"),
    (5, "saas"),
    (5, "government"),
)

# base id, display name, owning OPD, service
CATALOGUE: tuple[tuple[str, str, str, str], ...] = (
    ("simpeg", "SIMPEG (Sistem Informasi Manajemen Kepegawaian)", "BKPSDM", "administrasi"),
    ("db-kepegawaian", "Basis Data Kepegawaian", "BKPSDM", "administrasi"),
    ("e-kinerja", "e-Kinerja ASN", "BKPSDM", "administrasi"),
    ("absensi", "Absensi Online ASN", "BKPSDM", "administrasi"),
    ("sipd", "SIPD (Sistem Informasi Pemerintahan Daerah)", "Bappeda", "administrasi"),
    ("e-sakip", "e-SAKIP", "Bappeda", "administrasi"),
    ("e-musrenbang", "e-Musrenbang", "Bappeda", "publik"),
    ("simda-keuangan", "SIMDA Keuangan", "BPKAD", "administrasi"),
    ("simda-bmd", "SIMDA BMD (Barang Milik Daerah)", "BPKAD", "administrasi"),
    ("sipkd", "SIPKD", "BPKAD", "administrasi"),
    ("e-office", "E-Office Persuratan", "Sekretariat Daerah", "administrasi"),
    ("portal", "Portal Resmi Pemerintah Daerah", "Dinas Kominfo", "publik"),
    ("ppid", "PPID Online", "Dinas Kominfo", "publik"),
    ("satu-data", "Portal Satu Data", "Dinas Kominfo", "publik"),
    ("email", "Email Dinas", "Dinas Kominfo", "administrasi"),
    ("command-center", "Command Center / CCTV Kota", "Dinas Kominfo", "publik"),
    ("lapor", "SP4N-LAPOR! Daerah", "Dinas Kominfo", "publik"),
    (
        "lpse",
        "LPSE (Layanan Pengadaan Secara Elektronik)",
        "Bagian Pengadaan Barang/Jasa",
        "publik",
    ),
    ("jdih", "JDIH (Jaringan Dokumentasi dan Informasi Hukum)", "Bagian Hukum", "publik"),
    ("simrs", "SIMRS RSUD", "RSUD", "publik"),
    ("sikda", "SIKDA Generik Puskesmas", "Dinas Kesehatan", "publik"),
    ("antrian-puskesmas", "Antrian Online Puskesmas", "Dinas Kesehatan", "publik"),
    ("ppdb", "PPDB Online", "Dinas Pendidikan", "publik"),
    ("dapodik-sync", "Sinkronisasi Dapodik", "Dinas Pendidikan", "administrasi"),
    ("siak-bridge", "Bridging SIAK Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "publik"),
    ("sipbb", "SIM PBB-P2", "Bapenda", "publik"),
    ("e-bphtb", "e-BPHTB", "Bapenda", "publik"),
    ("e-pajak", "e-Pajak Daerah", "Bapenda", "publik"),
    ("sicantik", "Perizinan Online (SiCantik Cloud)", "DPMPTSP", "publik"),
    ("siskeudes", "Siskeudes", "DPMD", "administrasi"),
    ("dtks", "SIKS-NG / DTKS Daerah", "Dinas Sosial", "publik"),
    ("kebencanaan", "Sistem Informasi Kebencanaan", "BPBD", "publik"),
    ("retribusi-pasar", "Retribusi Pasar", "Dinas Perdagangan", "publik"),
    ("perpustakaan", "Perpustakaan Digital", "Dinas Perpustakaan dan Kearsipan", "publik"),
    ("srikandi", "SRIKANDI (Arsip Dinamis)", "Dinas Perpustakaan dan Kearsipan", "administrasi"),
    ("parkir", "Parkir Elektronik", "Dinas Perhubungan", "publik"),
    ("e-samsat-link", "Tautan e-Samsat", "Bapenda", "publik"),
    ("sipangan", "Informasi Harga Pangan", "Dinas Ketahanan Pangan", "publik"),
)
OTHER_OPDS = (
    "Inspektorat",
    "Satpol PP",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Lingkungan Hidup",
    "Dinas Pariwisata",
    "Kecamatan Kota Baru",
    "Sekretariat DPRD",
    "Dinas Tenaga Kerja",
)
PROVIDERS: dict[str, tuple[str, ...]] = {
    "jambi": ("CV Mitra Solusi Jambi", "PT Jambi Data Sentra", "CV Batanghari Teknologi"),
    "indonesia": (
        "PT Contoh Awan Nusantara",
        "PT Biznet Gio Nusantara",
        "PT Telkom Indonesia (Persero) Tbk",
        "IDCloudHost",
        "PT Lintas Data Prima",
        "Niagahoster",
    ),
    "overseas": ("Amazon Web Services", "DigitalOcean", "Hetzner Online GmbH", "Google Cloud"),
    "government": (
        "Kementerian Dalam Negeri",
        "Kementerian Komunikasi dan Digital",
        "Kementerian Kesehatan",
        "Pusat Data Nasional",
    ),
}
NOTES = (
    "Kontrak diperpanjang tiap tahun anggaran.",
    "Vendor: menunggu dokumen serah terima kode sumber",
    "Tahap 2 – menunggu anggaran perubahan",
    "Dipakai seluruh OPD; jam sibuk pukul 07.30–09.00 WIB",
    "Data lama sejak 2015 perlu dibersihkan sebelum pindah",
    "Lisensi # per pengguna, 250 akun",
    "Integrasi dengan aplikasi pusat melalui API",
)
REGION_WORDS_A = (
    "Sungai", "Tanjung", "Muara", "Bukit", "Batang", "Koto", "Rantau", "Pulau", "Teluk", "Air",
    "Kuala", "Lubuk",
)  # fmt: skip
REGION_WORDS_B = (
    "Penuh", "Jabung", "Bungo", "Tebo", "Merangin", "Sarolangun", "Hitam", "Baru", "Tinggi",
    "Lamo", "Kerinci", "Tembesi", "Tabir", "Limun", "Pauh", "Sabak", "Mendahara", "Tungkal",
)  # fmt: skip


@dataclass
class System:
    """One generated system; numbers are kept as exact decimals until they are written."""

    id: str
    name: str
    owner: str
    service: str | None
    criticality: str
    classification: str
    personal_data: bool | None
    provider: str
    hosting_type: str
    location: str
    amount: Decimal
    per: str
    currency: str | None
    contract_end: date | None
    termination_fee: Decimal | None
    vcpu: int
    ram_gb: Decimal
    storage_gb: Decimal
    write_resources: bool
    strategy: str
    effort_days: Decimal | None = None
    data_gb: Decimal | None = None
    not_before: date | None = None
    not_after: date | None = None
    freeze_months: list[int] | None = None
    depends_on: list[str] = field(default_factory=list)
    move_with: list[str] = field(default_factory=list)
    accepted_warnings: dict[str, str] = field(default_factory=dict)
    notes: str | None = None


@dataclass
class Region:
    id: str
    code: str
    name: str
    kind: str
    bps_code: str | None
    systems: list[System]


@dataclass(frozen=True)
class Calendar:
    """The schedule the generated data-center file describes."""

    waves: int

    def wave_start(self, k: int) -> date:
        return START + timedelta(days=(k - 1) * 7 * WAVE_WEEKS)

    def cutover(self, k: int) -> date:
        return START + timedelta(days=k * 7 * WAVE_WEEKS - 1)

    def open_waves(self) -> list[int]:
        return [
            k
            for k in range(1, self.waves + 1)
            if not any(
                self.wave_start(k) <= end and begin <= self.cutover(k)
                for begin, end, _ in BLACKOUTS
            )
        ]

    def has_pilot(self) -> bool:
        """Only a schedule of at least three open waves gets a pilot wave."""
        return len(self.open_waves()) >= 3


# --------------------------------------------------------------------------- random helpers


def _pick(rng: random.Random, table: Sequence[tuple[int, str]]) -> str:
    roll = rng.randrange(sum(weight for weight, _ in table))
    for weight, value in table:
        if roll < weight:
            return value
        roll -= weight
    raise AssertionError("unreachable")


def _chance(rng: random.Random, percent: float) -> bool:
    return rng.random() * 100 < percent


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


# --------------------------------------------------------------------------- building the data


def _allocate(rng: random.Random, regions: int, systems: int) -> list[int]:
    """Split `systems` over `regions` unevenly (weights 20..110), exactly, deterministically."""
    weights = [rng.randint(20, 110) for _ in range(regions)]
    total = sum(weights)
    quotas = [Fraction(systems * w, total) for w in weights]
    counts = [math.floor(q) for q in quotas]
    order = sorted(range(regions), key=lambda i: (counts[i] - quotas[i], i))
    for i in order[: systems - sum(counts)]:
        counts[i] += 1
    while counts[0] < len(HUB_SYSTEMS):  # the hub region holds sso and api-gateway
        donor = max(range(1, regions), key=lambda i: (counts[i], -i))
        counts[donor] -= 1
        counts[0] += 1
    return counts


def _region_codes(rng: random.Random, count: int) -> list[str]:
    """Unique Kemendagri-style codes NN.MM (the hub takes "15")."""
    every = [f"{a:02d}.{b:02d}" for a in range(10, 100) for b in range(1, 100)]
    if count > len(every):
        raise ValueError(f"at most {len(every) + 1} regions can be generated")
    return [every[i] for i in sorted(rng.sample(range(len(every)), count))]


def _money(monthly_idr: Fraction, currency: str | None) -> Decimal:
    if currency == "USD":
        cents = max(1, round(monthly_idr * 100 / USD_RATE))
        return Decimal(cents) / 100
    return Decimal(max(1, round(monthly_idr / 1000)) * 1000)


def _hosting(rng: random.Random, strategy: str) -> tuple[str, str, str]:
    """(provider, type, location)."""
    hosting_type = _pick(rng, HOSTING_MIX)
    if strategy == "retain" and _chance(rng, 50):
        hosting_type = "government"
    if hosting_type == "government":
        location = "indonesia" if _chance(rng, 70) else "jambi"
        return rng.choice(PROVIDERS["government"]), hosting_type, location
    roll = rng.randrange(100)
    if roll < 15:
        location = "jambi"
    elif roll >= 92 and hosting_type in ("cloud", "saas", "vps"):
        location = "overseas"
    else:
        location = "indonesia"
    return rng.choice(PROVIDERS[location]), hosting_type, location


def _resources(rng: random.Random) -> tuple[int, Decimal, Decimal]:
    vcpu = rng.choice((1, 2, 2, 4, 4, 4, 8, 8, 16))
    ram_gb = Decimal(vcpu * rng.choice((1, 2, 4)))
    if _chance(rng, 5):
        ram_gb += Decimal("0.5")
    storage_gb = Decimal(rng.choice((20, 40, 50, 80, 100, 150, 200, 250, 500, 750, 1000, 2000)))
    if _chance(rng, 5):
        storage_gb += Decimal("0.5")
    return vcpu, ram_gb, storage_gb


@dataclass
class Cost:
    amount: Decimal
    per: str
    currency: str | None
    contract_end: date | None
    termination_fee: Decimal | None
    accepted: dict[str, str]


def _cost(rng: random.Random, resources: tuple[int, Decimal, Decimal], moved: bool) -> Cost:
    vcpu, ram_gb, storage_gb = resources
    dc_monthly = (
        vcpu * RUNNING_COST["per_vcpu"]
        + Fraction(ram_gb) * RUNNING_COST["per_ram_gb"]
        + Fraction(storage_gb) * RUNNING_COST["per_storage_gb"]
        + RUNNING_COST["per_system"]
    )
    # about one in ten costs less than the Data Center would (W302 when moved)
    cheap = _chance(rng, 10)
    factor = Fraction(rng.randint(50, 100) if cheap else rng.randint(110, 400), 100)
    roll = rng.randrange(100)
    currency = "USD" if roll < 3 else "IDR" if roll < 13 else None
    per = "year" if _chance(rng, 25) else "month"
    monthly = dc_monthly * factor
    cost = Cost(
        _money(monthly * 12 if per == "year" else monthly, currency), per, currency, None, None, {}
    )
    if _chance(rng, 1):  # free of charge today (W306 when moved)
        cost.amount = Decimal(0)
        if moved and _chance(rng, 50):
            cost.accepted["W306"] = "layanan gratis dari kementerian; pindah demi kedaulatan data"
    elif _chance(rng, 20):
        cost.contract_end = max(
            _month_end(rng.randint(2027, 2029), rng.randint(1, 12)), date(2027, 2, 28)
        )
        if _chance(rng, 50):
            cost.termination_fee = _money(monthly * rng.randint(1, 6), currency)
    if moved and cheap and _chance(rng, 30):
        cost.accepted["W302"] = "data harus tetap di pusat data pemerintah berapa pun biayanya"
    return cost


def _make_system(
    rng: random.Random, system_id: str, base: tuple[str, str, str, str], cal: Calendar
) -> System:
    _, display, owner, service = base
    if _chance(rng, 15):
        owner = rng.choice(OTHER_OPDS)
    strategy = _pick(rng, STRATEGY_MIX)
    moved = strategy in MOVED
    provider, hosting_type, location = _hosting(rng, strategy)
    resources = _resources(rng)
    cost = _cost(rng, resources, moved)
    system = System(
        id=system_id,
        name=display,
        owner=owner,
        service=None if _chance(rng, 20) else service,
        criticality=_pick(rng, CRITICALITY_MIX),
        classification=_pick(rng, CLASSIFICATION_MIX),
        personal_data=None if _chance(rng, 30) else _chance(rng, 45),
        provider=provider,
        hosting_type=hosting_type,
        location=location,
        amount=cost.amount,
        per=cost.per,
        currency=cost.currency,
        contract_end=cost.contract_end,
        termination_fee=cost.termination_fee,
        vcpu=resources[0],
        ram_gb=resources[1],
        storage_gb=resources[2],
        write_resources=moved or _chance(rng, 40),
        strategy=strategy,
        accepted_warnings=cost.accepted,
    )
    if strategy != "retain":
        if _chance(rng, 15):
            default = DEFAULT_EFFORT[strategy]
            system.effort_days = Decimal(rng.randint(1, 4 * default)) / 2
        if moved and _chance(rng, 10):
            system.data_gb = Decimal(rng.randint(1, int(system.storage_gb) * 6 // 5 + 1))
            if _chance(rng, 10):
                system.data_gb += Decimal("0.5")
        elif strategy == "retire" and _chance(rng, 25):
            system.data_gb = Decimal(rng.randint(1, 200))
        _add_dates(rng, system, cal)
    if _chance(rng, 5):
        system.notes = rng.choice(NOTES)
    return system


def _add_dates(rng: random.Random, system: System, cal: Calendar) -> None:
    """Occasional not_before / not_after / freeze_months that leave open waves for the system."""
    waves = cal.waves
    if waves >= 4 and _chance(rng, 3):
        days = (cal.cutover(max(2, waves // 2)) - START).days
        system.not_before = START + timedelta(days=rng.randrange(7 * WAVE_WEEKS, days))
    if waves >= 4 and _chance(rng, 3):
        first = (cal.cutover(math.ceil(waves * 3 / 4)) - START).days
        system.not_after = START + timedelta(days=rng.randrange(first, first + 90))
    if system.id.startswith("ppdb") and _chance(rng, 60):
        system.freeze_months = [6, 7]  # school admissions
    elif waves >= 4 and _chance(rng, 4):
        month = rng.randint(1, 12)
        system.freeze_months = [month] if _chance(rng, 60) else [month, month % 12 + 1]


def _add_dependencies(rng: random.Random, region: Region, hub_id: str, is_hub: bool) -> None:
    systems = region.systems
    for j, system in enumerate(systems):
        if is_hub and j < len(HUB_SYSTEMS):
            if j == 1:
                system.depends_on.append(HUB_SYSTEMS[0])  # api-gateway -> sso
            continue
        wanted = _pick(rng, ((40, "0"), (30, "1"), (20, "2"), (10, "3")))
        for _ in range(int(wanted)):
            if j == 0:
                break
            target = systems[rng.randrange(j)]
            if system.strategy != "retain":
                if target.strategy == "retain" and _chance(rng, 85):
                    continue  # W304
                if target.strategy == "retire" and _chance(rng, 70):
                    continue  # W307
            if target.id not in system.depends_on:
                system.depends_on.append(target.id)
        for hub_system, percent in ((HUB_SYSTEMS[0], 12), (HUB_SYSTEMS[1], 6)):
            if _chance(rng, percent):
                ref = hub_system if is_hub else f"{hub_id}/{hub_system}"
                if ref not in system.depends_on:
                    system.depends_on.append(ref)


def _link_groups(rng: random.Random, regions: list[Region], systems: int) -> None:
    """Add a few depends_on cycles (~1 per 500 systems) and move_with pairs (~1 per 200)."""
    used: set[tuple[int, int]] = set()

    def candidates(r: int) -> list[int]:
        skip = len(HUB_SYSTEMS) if r == 0 else 0
        return [
            j
            for j, s in enumerate(regions[r].systems)
            if j >= skip and s.strategy in MOVED and (r, j) not in used
        ]

    def pick_run(length: int) -> tuple[int, list[int]] | None:
        for _ in range(50):
            r = rng.randrange(len(regions))
            pool = candidates(r)
            if len(pool) >= length + 1:
                p = rng.randrange(len(pool) - length + 1)
                run = pool[p : p + length]
                used.update((r, j) for j in run)
                return r, run
        return None

    for _ in range(systems // 500):
        found = pick_run(3 if _chance(rng, 30) else 2)
        if found is None:
            break
        r, run = found
        members = [regions[r].systems[j] for j in run]
        # each member depends on the previous one; the first closes the cycle on the last
        for earlier, later in itertools.pairwise(members):
            if earlier.id not in later.depends_on:
                later.depends_on.append(earlier.id)
        if members[-1].id not in members[0].depends_on:
            members[0].depends_on.append(members[-1].id)

    for _ in range(systems // 200):
        found = pick_run(2)
        if found is None:
            break
        r, (a, b) = found
        first, second = regions[r].systems[a], regions[r].systems[b]
        first.move_with.append(second.id)


def _ref(region: Region, raw: str) -> str:
    return raw if "/" in raw else f"{region.id}/{raw}"


def _move_groups(regions: list[Region]) -> list[list[System]]:
    """Strongly connected components of the planned graph (planning.md, "Move groups")."""
    nodes: dict[str, System] = {}
    for region in regions:
        for s in region.systems:
            if s.strategy != "retain":
                nodes[f"{region.id}/{s.id}"] = s
    edges: dict[str, list[str]] = {ref: [] for ref in nodes}
    for region in regions:
        for s in region.systems:
            ref = f"{region.id}/{s.id}"
            if ref not in nodes:
                continue
            for raw in s.depends_on:
                target = _ref(region, raw)
                if target in nodes:
                    edges[ref].append(target)
            for raw in s.move_with:
                target = _ref(region, raw)
                if target in nodes:
                    edges[ref].append(target)
                    edges[target].append(ref)
    # iterative Tarjan
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[System]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                target = edges[node][i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                members: list[System] = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(nodes[top])
                    if top == node:
                        break
                groups.append(members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def _effort(s: System) -> Fraction:
    if s.effort_days is not None:
        return Fraction(s.effort_days)
    return Fraction(DEFAULT_EFFORT[s.strategy])


def _data(s: System) -> Fraction:
    if s.data_gb is not None:
        return Fraction(s.data_gb)
    return Fraction(s.storage_gb) if s.strategy in MOVED else Fraction(0)


def _is_critical(s: System) -> bool:
    return s.criticality in ("tinggi", "strategis")


@dataclass(frozen=True)
class Sizing:
    capacity: tuple[int, int, int]
    expansion: tuple[int, int, int]
    expansion_from: date
    team_days: int
    link_mbps: int
    max_critical: int


def _size_datacenter(regions: list[Region], groups: list[list[System]], cal: Calendar) -> Sizing:
    planned = [s for r in regions for s in r.systems if s.strategy != "retain"]
    moved = [s for s in planned if s.strategy in MOVED]
    # a wave may use 70% of each budget on average; the pilot wave takes next to nothing
    busy = Fraction(7, 10) * max(1, len(cal.open_waves()) - cal.has_pilot())
    totals = (
        Fraction(sum(s.vcpu for s in moved)),
        sum((Fraction(s.ram_gb) for s in moved), Fraction(0)),
        sum((Fraction(s.storage_gb) for s in moved), Fraction(0)),
    )
    capacity = tuple(max(1, math.ceil(t * Fraction(6, 10))) for t in totals)
    expansion = tuple(max(1, math.ceil(t * Fraction(8, 10))) for t in totals)

    effort = sum((_effort(s) for s in planned), Fraction(0))
    group_effort = max((sum((_effort(s) for s in g), Fraction(0)) for g in groups), default=0)
    team_days = max(1, math.ceil(effort / busy), math.ceil(group_effort))

    megabits = sum((_data(s) for s in planned), Fraction(0)) * 8000
    group_megabits = max(
        (sum((_data(s) for s in g), Fraction(0)) * 8000 for g in groups), default=0
    )
    need = max(megabits / busy, Fraction(group_megabits)) / (TRANSFER_HOURS * 3600)
    link_mbps = max(1000, math.ceil(need / 100) * 100)

    critical = sum(1 for s in planned if _is_critical(s))
    group_critical = max((sum(1 for s in g if _is_critical(s)) for g in groups), default=0)
    max_critical = max(1, math.ceil(critical / busy), group_critical)

    expansion_wave = min(cal.waves, max(2, math.ceil(cal.waves * 2 / 5)))
    return Sizing(
        capacity=(capacity[0], capacity[1], capacity[2]),
        expansion=(expansion[0], expansion[1], expansion[2]),
        expansion_from=cal.wave_start(expansion_wave),
        team_days=team_days,
        link_mbps=link_mbps,
        max_critical=max_critical,
    )


def build(regions: int, systems: int, seed: int, waves: int = 18) -> tuple[list[Region], Sizing]:
    """The generated inventories in memory, with the sizing of the Data Center."""
    if regions < 1 or systems < len(HUB_SYSTEMS) or waves < 1:
        raise ValueError("need regions >= 1, systems >= 2 and waves >= 1")
    rng = random.Random(seed)
    cal = Calendar(waves)
    counts = _allocate(rng, regions, systems)
    codes = _region_codes(rng, regions - 1)
    width = max(4, len(str(regions)))
    hub_id = f"r{1:0{width}d}-{HUB_REGION_SLUG}"

    out: list[Region] = []
    for r in range(regions):
        if r == 0:
            region = Region(hub_id, "15", "Provinsi Jambi", "provinsi", "15", [])
        else:
            kind = "kota" if _chance(rng, 20) else "kabupaten"
            place = f"{rng.choice(REGION_WORDS_A)} {rng.choice(REGION_WORDS_B)}"
            region = Region(
                id=f"r{r + 1:0{width}d}-{'kota' if kind == 'kota' else 'kab'}-{_slug(place)}",
                code=codes[r - 1],
                name=f"{'Kota' if kind == 'kota' else 'Kabupaten'} {place}",
                kind=kind,
                bps_code=f"{rng.randint(11, 94):02d}{rng.randint(1, 99):02d}"
                if _chance(rng, 60)
                else None,
                systems=[],
            )
        seen: dict[str, int] = {}
        for j in range(counts[r]):
            if r == 0 and j < len(HUB_SYSTEMS):
                base = (
                    HUB_SYSTEMS[j],
                    "Single Sign-On Pemerintah Provinsi" if j == 0 else "API Gateway Provinsi",
                    "Dinas Kominfo",
                    "administrasi",
                )
            else:
                base = rng.choice(CATALOGUE)
            seen[base[0]] = seen.get(base[0], 0) + 1
            n = seen[base[0]]
            system_id = base[0] if n == 1 else f"{base[0]}-{n}"
            system = _make_system(rng, system_id, base, cal)
            if n > 1 and system.owner != base[2]:
                system.name = f"{system.name} ({system.owner})"
            if r == 0 and j < len(HUB_SYSTEMS):  # the shared services everyone calls
                system.strategy, system.criticality = "rehost", "tinggi"
                system.write_resources = True
                system.effort_days = system.data_gb = system.not_before = system.not_after = None
                system.freeze_months = None
                system.accepted_warnings = {}
            region.systems.append(system)
        _add_dependencies(rng, region, hub_id, r == 0)
        out.append(region)

    _link_groups(rng, out, systems)
    groups = _move_groups(out)
    for group in groups:
        if len(group) > 1:  # keep every move group free to take some open wave
            for s in group:
                s.not_before = s.not_after = None
                s.freeze_months = None
    return out, _size_datacenter(out, groups, cal)


# --------------------------------------------------------------------------- writing YAML

_PLAIN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9 ()./,'-]*[A-Za-z0-9).]")
_PLAIN_REF = re.compile(r"[a-z][a-z0-9/-]*")
_RESOLVING = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _text(value: str, *, flow: bool = False) -> str:
    """A text scalar: plain where any YAML reader takes it as text, else double-quoted."""
    pattern = _PLAIN_REF if flow else _PLAIN_TEXT
    if pattern.fullmatch(value) and value.lower() not in _RESOLVING:
        return value
    return json.dumps(value, ensure_ascii=False)


def _num(value: Decimal | int) -> str:
    """A number, unquoted, as an integer or a plain decimal that reads back exactly."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(_text(i, flow=True) for i in items) + "]"


def _region_yaml(region: Region, seed: int) -> str:
    lines = [
        f"# Synthetic inventory generated by bench/generate.py (seed {seed}) — not a real region.",
        "schema: migrasi/inventory/v1",
        "region:",
        f"  id: {_text(region.id)}",
        f"  code: {json.dumps(region.code)}",
        f"  name: {_text(region.name)}",
        f"  kind: {region.kind}",
    ]
    if region.bps_code is not None:
        lines.append(f"  bps_code: {json.dumps(region.bps_code)}")
    if not region.systems:
        lines.append("systems: []")
    else:
        lines.append("systems:")
    for s in region.systems:
        lines += [
            f"  - id: {_text(s.id)}",
            f"    name: {_text(s.name)}",
            f"    owner: {_text(s.owner)}",
        ]
        if s.service is not None:
            lines.append(f"    service: {s.service}")
        lines += [f"    criticality: {s.criticality}", f"    classification: {s.classification}"]
        if s.personal_data is not None:
            lines.append(f"    personal_data: {'true' if s.personal_data else 'false'}")
        lines += [
            "    hosting:",
            f"      provider: {_text(s.provider)}",
            f"      type: {s.hosting_type}",
            f"      location: {s.location}",
            "    cost:",
            f"      amount: {_num(s.amount)}",
            f"      per: {s.per}",
        ]
        if s.currency is not None:
            lines.append(f"      currency: {s.currency}")
        if s.contract_end is not None:
            lines.append(f"      contract_end: {s.contract_end.isoformat()}")
        if s.termination_fee is not None:
            lines.append(f"      termination_fee: {_num(s.termination_fee)}")
        if s.write_resources:
            lines += [
                "    resources:",
                f"      vcpu: {s.vcpu}",
                f"      ram_gb: {_num(s.ram_gb)}",
                f"      storage_gb: {_num(s.storage_gb)}",
            ]
        lines += ["    migration:", f"      strategy: {s.strategy}"]
        if s.effort_days is not None:
            lines.append(f"      effort_days: {_num(s.effort_days)}")
        if s.data_gb is not None:
            lines.append(f"      data_gb: {_num(s.data_gb)}")
        if s.not_before is not None:
            lines.append(f"      not_before: {s.not_before.isoformat()}")
        if s.not_after is not None:
            lines.append(f"      not_after: {s.not_after.isoformat()}")
        if s.freeze_months is not None:
            lines.append(f"      freeze_months: [{', '.join(str(m) for m in s.freeze_months)}]")
        if s.depends_on:
            lines.append(f"    depends_on: {_flow(s.depends_on)}")
        if s.move_with:
            lines.append(f"    move_with: {_flow(s.move_with)}")
        if s.accepted_warnings:
            lines.append("    accepted_warnings:")
            lines += [f"      {code}: {_text(why)}" for code, why in s.accepted_warnings.items()]
        if s.notes is not None:
            lines.append(f"    notes: {_text(s.notes)}")
    return "\n".join(lines) + "\n"


def _datacenter_yaml(sizing: Sizing, cal: Calendar, seed: int) -> str:
    vcpu, ram, storage = sizing.capacity
    e_vcpu, e_ram, e_storage = sizing.expansion
    lines = [
        f"# Synthetic data-center file generated by bench/generate.py (seed {seed}).",
        "schema: migrasi/datacenter/v1",
        "name: Pusat Data Pemerintah Provinsi Jambi (sintetis)",
        "capacity:",
        f"  vcpu: {vcpu}",
        f"  ram_gb: {ram}",
        f"  storage_gb: {storage}",
        "  expansions:",
        f"    - from: {sizing.expansion_from.isoformat()}",
        f"      vcpu: {e_vcpu}",
        f"      ram_gb: {e_ram}",
        f"      storage_gb: {e_storage}",
        "running_cost:",
        "  currency: IDR",
        *(f"  {key}: {value}" for key, value in RUNNING_COST.items()),
        "schedule:",
        f"  start: {START.isoformat()}",
        f"  wave_weeks: {WAVE_WEEKS}",
        f"  waves: {cal.waves}",
        f"  team_days: {sizing.team_days}",
        f"  link_mbps: {sizing.link_mbps}",
        f"  transfer_hours: {TRANSFER_HOURS}",
        f"  max_critical: {sizing.max_critical}",
        f"  compliance_deadline: {COMPLIANCE_DEADLINE.isoformat()}",
    ]
    if cal.has_pilot():
        lines += [
            "  pilot:",
            f"    max_systems: {PILOT_MAX_SYSTEMS}",
            "    criticality: [rendah]",
            "    personal_data: false",
        ]
    lines.append("  blackouts:")
    for begin, end, reason in BLACKOUTS:
        lines += [
            f"    - from: {begin.isoformat()}",
            f"      to: {end.isoformat()}",
            f"      reason: {_text(reason)}",
        ]
    lines += [
        "effort_days:",
        *(f"  {key}: {value}" for key, value in DEFAULT_EFFORT.items()),
        "finance:",
        "  horizon_months: 60",
        "  discount_rate: 0.06",
        "  labour_cost_per_day: 1500000",
        "  fx:",
        f"    USD: {USD_RATE}",
    ]
    return "\n".join(lines) + "\n"


def render(regions: int, systems: int, seed: int, waves: int = 18) -> dict[str, str]:
    """File name -> file text, for every generated file."""
    built, sizing = build(regions, systems, seed, waves)
    files = {DATACENTER_FILE: _datacenter_yaml(sizing, Calendar(waves), seed)}
    for region in built:
        files[f"{region.id}.yaml"] = _region_yaml(region, seed)
    return files


def marker_text(regions: int, systems: int, seed: int, waves: int) -> str:
    """What the marker holds once a run is complete (benchmarks use it as a cache key)."""
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    params = {"regions": regions, "systems": systems, "seed": seed, "waves": waves}
    return json.dumps({"complete": True, "generator": source, **params}, sort_keys=True) + "\n"


def generate(out_dir: Path, regions: int, systems: int, seed: int, waves: int = 18) -> None:
    """Write the data-center file and `regions` inventories with `systems` systems to `out_dir`."""
    files = render(regions, systems, seed, waves)
    out_dir = Path(out_dir)
    marker = out_dir / MARKER
    if out_dir.exists():
        if any(out_dir.iterdir()) and not marker.exists():
            raise FileExistsError(f"{out_dir} is not empty and was not made by bench/generate.py")
        for old in sorted(out_dir.glob("*.yaml")):
            old.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text('{"complete": false}\n', encoding="utf-8")
    for name, text in files.items():
        (out_dir / name).write_bytes(text.encode("utf-8"))
    marker.write_text(marker_text(regions, systems, seed, waves), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--regions", type=int, default=550)
    parser.add_argument("--systems", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--waves", type=int, default=18)
    args = parser.parse_args(argv)
    try:
        generate(args.out_dir, args.regions, args.systems, args.seed, args.waves)
    except (ValueError, FileExistsError) as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.regions + 1} files ({args.systems} systems) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
