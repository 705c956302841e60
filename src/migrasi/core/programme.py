"""The validated inputs as one programme: every system under its global ref, with its needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, localcontext

from migrasi.core.decimals import CONTEXT
from migrasi.core.models import DataCenter, Region, System
from migrasi.core.salvage import PartialSystem

ZERO = Decimal(0)
CRITICAL = frozenset({"tinggi", "strategis"})
SENSITIVE = frozenset({"terbatas", "rahasia"})


@dataclass(frozen=True)
class InventoryInput:
    """One region file after its shape check: what of it could be read."""

    file: str
    region: Region | None
    region_id: str | None
    systems: tuple[tuple[int, System], ...]
    """The systems that passed their shape check, with their index in the file."""
    ids: tuple[tuple[int, str], ...]
    """Every system id the file names (valid or not), with its index: refs to them exist."""
    complete: bool
    """Whether the whole file passed its shape check."""
    partial: tuple[PartialSystem, ...] = ()
    """The systems that failed their shape check but have a valid id: their checkable parts."""


@dataclass(frozen=True)
class DataCenterInput:
    """The data-center file after its shape check."""

    file: str
    model: DataCenter | None
    """None when the file failed its shape check (it still counts for E205)."""


@dataclass(frozen=True)
class Inputs:
    """Everything read, in path order."""

    inventories: tuple[InventoryInput, ...]
    datacenters: tuple[DataCenterInput, ...]
    first_path: str
    read_inventory: bool = True
    """Whether a file read is an inventory: only then is a missing data-center file E205 (a
    folder of scenario files is checked on its own)."""

    @property
    def datacenter(self) -> DataCenter | None:
        """The one data-center file, or None when there is not exactly one."""
        return self.datacenters[0].model if len(self.datacenters) == 1 else None

    @property
    def datacenter_file(self) -> str:
        """The path of the data-center file (the first when there are several)."""
        return self.datacenters[0].file if self.datacenters else self.first_path

    def with_datacenter(self, change: Callable[[DataCenter], DataCenter]) -> Inputs:
        """These inputs with the one data-center file's settings changed (a scenario, the
        as-of day of the command line); unchanged when there is not exactly one."""
        dc = self.datacenter
        if dc is None:
            return self
        first = replace(self.datacenters[0], model=change(dc))
        return replace(self, datacenters=(first, *self.datacenters[1:]))


def split_ref(ref: str, region: str) -> str:
    """Return the global ref of ``ref`` as written in ``region`` (a bare id is the same region)."""
    return ref if "/" in ref else f"{region}/{ref}"


@dataclass(frozen=True)
class Item:
    """One system of the programme with the figures the checks and the planner use."""

    ref: str
    region: str
    file: str
    index: int
    system: System
    depends_on: tuple[str, ...]
    """Global refs of what it calls, as written (existing or not)."""
    move_with: tuple[str, ...]
    effort: Decimal
    data_gb: Decimal
    vcpu: Decimal
    ram_gb: Decimal
    storage_gb: Decimal
    rate: Decimal | None
    """Rupiah per unit of the system's cost currency; None without a rate."""
    external: Decimal | None
    """What the provider is paid per month in Rupiah, exact; None without a rate."""
    internal: Decimal | None
    """What the Data Center spends per month in Rupiah, exact; None without a rate."""
    critical: bool = field(default=False)

    @property
    def planned(self) -> bool:
        """Whether the plan places it in a wave."""
        return self.system.planned

    @property
    def moved(self) -> bool:
        """Whether it will run in the Data Center."""
        return self.system.moved


def make_item(file: str, region: str, index: int, s: System, dc: DataCenter | None) -> Item:
    """Resolve one system: refs, effort, data, resources and monthly costs (money.md's context)."""
    with localcontext(CONTEXT):
        return _make_item(file, region, index, s, dc)


def _make_item(file: str, region: str, index: int, s: System, dc: DataCenter | None) -> Item:
    strategy = s.migration.strategy
    if s.migration.effort_days is not None:
        effort = s.migration.effort_days
    else:
        effort = dc.effort_days.of(strategy) if dc is not None and strategy != "retain" else ZERO
    res = s.resources
    uses_dc = s.moved and res is not None
    data = data_gb_of(s)
    vcpu = Decimal(res.vcpu) if uses_dc and res is not None else ZERO
    ram = res.ram_gb if uses_dc and res is not None else ZERO
    storage = res.storage_gb if uses_dc and res is not None else ZERO
    external = internal = rate = None
    if dc is not None:
        rate = dc.rate(s.cost.currency)
        if rate is not None:
            external = s.cost.amount * rate
            if s.cost.per == "year":
                external = external / 12
        rc = dc.running_cost
        rc_rate = dc.rate(rc.currency)
        if rc_rate is not None:
            if s.moved:
                internal = (
                    vcpu * rc.per_vcpu
                    + ram * rc.per_ram_gb
                    + storage * rc.per_storage_gb
                    + rc.per_system
                ) * rc_rate
            else:
                internal = ZERO
    return Item(
        ref=f"{region}/{s.id}",
        region=region,
        file=file,
        index=index,
        system=s,
        depends_on=tuple(split_ref(r, region) for r in s.depends_on),
        move_with=tuple(split_ref(r, region) for r in s.move_with),
        effort=effort,
        data_gb=data,
        vcpu=vcpu,
        ram_gb=ram,
        storage_gb=storage,
        rate=rate,
        external=external,
        internal=internal,
        critical=s.criticality in CRITICAL,
    )


def data_gb_of(s: System) -> Decimal:
    """The data to copy at cutover: ``migration.data_gb``, else the storage of a system that
    will use the Data Center, else 0 (inputs.md)."""
    if s.migration.data_gb is not None:
        return s.migration.data_gb
    return s.resources.storage_gb if s.moved and s.resources is not None else ZERO


def sensitive_outside_government(s: System) -> bool:
    """Whether the system keeps ``terbatas``/``rahasia`` data on hosting that is not a
    government's: Kominfo requires such data in a government data center (W308, deadlines)."""
    return s.classification in SENSITIVE and s.hosting.type != "government"


def deadline_of(item: Item, dc: DataCenter) -> date | None:
    """The earlier of ``not_after`` and, for sensitive data hosted outside government, the
    compliance deadline (planning.md)."""
    s = item.system
    found = [s.migration.not_after] if s.migration.not_after is not None else []
    compliance = dc.schedule.compliance_deadline
    if compliance is not None and sensitive_outside_government(s):
        found.append(compliance)
    return min(found) if found else None
