"""The two input file kinds as pydantic models: a region's inventory and the Data Center."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from migrasi.core.fieldtypes import Bool, Date, decimal_rule, enum_rule, int_rule, text_rule

INVENTORY_SCHEMA = "migrasi/inventory/v1"
DATACENTER_SCHEMA = "migrasi/datacenter/v1"
SCENARIO_SCHEMA = "migrasi/scenario/v1"

SLUG = r"^[a-z0-9][a-z0-9-]{0,62}"
REF = r"^[a-z0-9][a-z0-9-]{0,62}(/[a-z0-9][a-z0-9-]{0,62})?"

STRATEGIES = ("rehost", "replatform", "refactor", "repurchase", "retire", "retain")
CRITICALITIES = ("rendah", "tinggi", "strategis")
CLASSIFICATIONS = ("publik", "terbatas", "rahasia")
HOSTING_TYPES = ("cloud", "vps", "dedicated", "colocation", "shared", "saas", "government")
LOCATIONS = ("jambi", "indonesia", "overseas")
KINDS = ("provinsi", "kabupaten", "kota")
PROGRESS = ("planned", "in_progress", "done")

Slug = Annotated[str, text_rule(SLUG, what="slug")]
Ref = Annotated[str, text_rule(REF, what="ref")]
Text200 = Annotated[str, text_rule(max_length=200)]
Text = Annotated[str, text_rule()]
Currency = Annotated[str, text_rule(r"^[A-Z]{3}", what="currency")]
WarningCode = Annotated[str, text_rule(r"^W3(0[1-9]|1[0-2])", what="warning")]
Amount = Annotated[Decimal, decimal_rule(quoted=True)]
Number = Annotated[Decimal, decimal_rule()]
Month = Annotated[int, int_rule(ge=1, le=12)]
Count = Annotated[int, int_rule(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Region(_Model):
    """Who the inventory belongs to."""

    id: Slug
    code: Annotated[str, text_rule(r"^[0-9]{2}(\.[0-9]{2})?", what="region_code")]
    name: Text
    kind: Annotated[str, enum_rule(KINDS)]
    bps_code: Annotated[str, text_rule(r"^[0-9]{2}([0-9]{2})?", what="bps_code")] | None = None


class Hosting(_Model):
    """Where the system runs today."""

    provider: Text
    type: Annotated[str, enum_rule(HOSTING_TYPES)]
    location: Annotated[str, enum_rule(LOCATIONS)]


class Cost(_Model):
    """What the region pays its provider."""

    amount: Amount
    per: Annotated[str, enum_rule(("month", "year"))]
    currency: Currency = "IDR"
    contract_end: Date | None = None
    termination_fee: Amount | None = None


class Resources(_Model):
    """What the system needs in the Data Center."""

    vcpu: Annotated[int, int_rule(ge=1)]
    ram_gb: Number
    storage_gb: Number


class Migration(_Model):
    """How and when the system moves."""

    strategy: Annotated[str, enum_rule(STRATEGIES)]
    effort_days: Number | None = None
    data_gb: Number | None = None
    wave: Annotated[int, int_rule(ge=1)] | None = None
    not_before: Date | None = None
    not_after: Date | None = None
    freeze_months: list[Month] = Field(default_factory=list)
    status: Annotated[str, enum_rule(PROGRESS)] = "planned"
    """How far its move has come (progress.md): planned, in_progress or done."""
    cutover_on: Date | None = None
    """The day it was actually cut over (with ``done`` only)."""


class System(_Model):
    """One application or service of a region."""

    id: Slug
    name: Text200
    owner: Text200
    service: Annotated[str, enum_rule(("administrasi", "publik"))] = "administrasi"
    criticality: Annotated[str, enum_rule(CRITICALITIES)]
    classification: Annotated[str, enum_rule(CLASSIFICATIONS)]
    personal_data: Bool = False
    hosting: Hosting
    cost: Cost
    resources: Resources | None = None
    migration: Migration
    depends_on: list[Ref] = Field(default_factory=list)
    move_with: list[Ref] = Field(default_factory=list)
    accepted_warnings: dict[WarningCode, Text] = Field(default_factory=dict)
    notes: Annotated[str, text_rule(empty=True)] | None = None

    @property
    def strategy(self) -> str:
        """The migration strategy."""
        return self.migration.strategy

    @property
    def planned(self) -> bool:
        """Whether the plan places this system in a wave (moved or retired)."""
        return self.migration.strategy != "retain"

    @property
    def moved(self) -> bool:
        """Whether the system will run in the Data Center."""
        return self.migration.strategy not in ("retire", "retain")


class Inventory(_Model):
    """A region's inventory file: ``schema: migrasi/inventory/v1``."""

    schema_: Annotated[str, enum_rule((INVENTORY_SCHEMA,))] = Field(alias="schema")
    region: Region
    systems: list[System]


class Expansion(_Model):
    """Capacity added from a date on."""

    from_: Date = Field(alias="from")
    vcpu: Count
    ram_gb: Number
    storage_gb: Number


class Capacity(_Model):
    """What is free for migrated systems when the programme starts."""

    vcpu: Count
    ram_gb: Number
    storage_gb: Number
    expansions: list[Expansion] = Field(default_factory=list)


class RunningCost(_Model):
    """What the Data Center spends per month for each migrated system."""

    currency: Currency = "IDR"
    per_vcpu: Number
    per_ram_gb: Number
    per_storage_gb: Number
    per_system: Number


class Pilot(_Model):
    """The first open wave takes only low-risk systems."""

    max_systems: Count
    criticality: list[Annotated[str, enum_rule(CRITICALITIES)]]
    personal_data: Bool = False


class Blackout(_Model):
    """Days on which no wave may take any system."""

    from_: Date = Field(alias="from")
    to: Date
    reason: Text


class Schedule(_Model):
    """The waves and the limits of each."""

    start: Date
    as_of: Date | None = None
    """The day the plan is made (progress.md); ``--as-of`` overrides it."""
    wave_weeks: Annotated[int, int_rule(ge=1)]
    waves: Annotated[int, int_rule(ge=1, le=1000)]
    team_days: Number
    link_mbps: Annotated[Decimal, decimal_rule(gt=0)]
    transfer_hours: Number
    max_critical: Count | None = None
    compliance_deadline: Date | None = None
    pilot: Pilot | None = None
    blackouts: list[Blackout] = Field(default_factory=list)


class EffortDays(_Model):
    """Default person-days by strategy."""

    rehost: Number
    replatform: Number
    refactor: Number
    repurchase: Number
    retire: Number

    def of(self, strategy: str) -> Decimal:
        """The default effort of ``strategy`` (0 for ``retain``)."""
        value: Decimal = getattr(self, strategy, Decimal(0))
        return value


class Finance(_Model):
    """Settings for the money figures."""

    horizon_months: Annotated[int, int_rule(ge=1, le=1200)]
    discount_rate: Annotated[Decimal, decimal_rule(quoted=True)]
    labour_cost_per_day: Number
    fx: dict[Currency, Annotated[Decimal, decimal_rule(gt=0)]] = Field(default_factory=dict)


class DataCenter(_Model):
    """The data-center file: ``schema: migrasi/datacenter/v1``."""

    schema_: Annotated[str, enum_rule((DATACENTER_SCHEMA,))] = Field(alias="schema")
    name: Text
    capacity: Capacity
    running_cost: RunningCost
    schedule: Schedule
    effort_days: EffortDays
    finance: Finance

    def rate(self, currency: str) -> Decimal | None:
        """Rupiah per unit of ``currency``, or None when there is no rate."""
        if currency == "IDR":
            return Decimal(1)
        return self.finance.fx.get(currency)


__all__ = [
    "DATACENTER_SCHEMA",
    "INVENTORY_SCHEMA",
    "SCENARIO_SCHEMA",
    "DataCenter",
    "Inventory",
    "System",
    "date",
]
