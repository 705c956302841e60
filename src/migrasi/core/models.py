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
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )


class Region(_Model):
    """Who the inventory belongs to."""

    id: Slug
    """The region's slug, unique across all files: `kota-jambi`, `prov-jambi`."""
    code: Annotated[str, text_rule(r"^[0-9]{2}(\.[0-9]{2})?", what="region_code")]
    """The Kemendagri code: `"15"` for the province, `"15.NN"` for a kabupaten or kota."""
    name: Text
    """The region's name: `Kota Jambi`."""
    kind: Annotated[str, enum_rule(KINDS)]
    """What kind of government the region is."""
    bps_code: Annotated[str, text_rule(r"^[0-9]{2}([0-9]{2})?", what="bps_code")] | None = None
    """The BPS code (`"1571"`). Its order differs from the Kemendagri code: never derive one
    from the other.
    """


class Hosting(_Model):
    """Where the system runs today."""

    provider: Text
    """Who runs the system today."""
    type: Annotated[str, enum_rule(HOSTING_TYPES)]
    """What the region rents: a cloud service, a virtual or dedicated server, rack space for its
    own server, shared hosting, an application as a service, or another government's data
    center.
    """
    location: Annotated[str, enum_rule(LOCATIONS)]
    """Where the provider runs it: in Jambi Province, elsewhere in Indonesia, or overseas."""


class Cost(_Model):
    """What the region pays its provider."""

    amount: Amount
    """What the region pays the provider, per `per`, in `currency`: plain digits (`4500000`) or
    a decimal (`12.50`, which may be quoted).
    """
    per: Annotated[str, enum_rule(("month", "year"))]
    """Whether `amount` is per month or per year (a year is 12 months)."""
    currency: Currency = "IDR"
    """The ISO 4217 code of `amount` and `termination_fee`; other than IDR, it needs a rate in
    the data-center file's `finance.fx`.
    """
    contract_end: Date | None = None
    """The last day of the paid term. While it runs at cutover, the region waits for it to end
    or, with a `termination_fee`, ends it early.
    """
    termination_fee: Amount | None = None
    """What ending the contract before `contract_end` costs, once; absent when it cannot be
    ended early.
    """


class Resources(_Model):
    """What the system needs in the Data Center."""

    vcpu: Annotated[int, int_rule(ge=1)]
    """Virtual CPUs it needs in the Data Center."""
    ram_gb: Number
    """RAM it needs, in GB."""
    storage_gb: Number
    """Storage it needs, in GB."""


class Migration(_Model):
    """How and when the system moves."""

    strategy: Annotated[str, enum_rule(STRATEGIES)]
    """How it moves: `rehost` (as it is), `replatform` (new database or runtime), `refactor`
    (rebuilt), `repurchase` (replaced by another product), `retire` (switched off) or `retain`
    (stays where it is, not planned).
    """
    effort_days: Number | None = None
    """Person-days the move takes; the data-center file's `effort_days` of the strategy when
    absent.
    """
    data_gb: Number | None = None
    """GB of data to copy at cutover; `resources.storage_gb` when absent (0 for a retired
    system).
    """
    wave: Annotated[int, int_rule(ge=1)] | None = None
    """Pins the system to this wave."""
    not_before: Date | None = None
    """The cutover is on or after this day."""
    not_after: Date | None = None
    """The deadline for the cutover: on or before this day."""
    freeze_months: list[Month] = Field(default_factory=list)
    """Months of the year (1–12), each once, that the system's wave must not touch, such as
    school admissions in June and July.
    """
    status: Annotated[str, enum_rule(PROGRESS)] = "planned"
    """How far its move has come: `planned`, `in_progress` (being moved in its `wave`) or `done`
    (cut over on `cutover_on`); progress needs the day the plan is made, `schedule.as_of`.
    """
    cutover_on: Date | None = None
    """The day it was actually cut over; with status `done` only, on or before the as-of day."""


class System(_Model):
    """One application or service of a region."""

    id: Slug
    """The system's slug, unique within its region; with the region's id it makes the system's
    ref, `kota-jambi/simpeg`.
    """
    name: Text200
    """What people call the system."""
    owner: Text200
    """The OPD that owns it: `BKPSDM`, `Diskominfo`."""
    service: Annotated[str, enum_rule(("administrasi", "publik"))] = "administrasi"
    """The SPBE kind of service: government administration or public service."""
    criticality: Annotated[str, enum_rule(CRITICALITIES)]
    """The risk category of the electronic system (BSSN): `rendah`, `tinggi` or `strategis`."""
    classification: Annotated[str, enum_rule(CLASSIFICATIONS)]
    """The highest class of data it holds: `publik`, `terbatas` or `rahasia`."""
    personal_data: Bool = False
    """Whether it holds personal data in the sense of UU 27/2022 (PDP)."""
    hosting: Hosting
    """Where it runs today."""
    cost: Cost
    """What the region pays for it today."""
    resources: Resources | None = None
    """What it needs in the Data Center; required unless the strategy is `retire` or `retain`."""
    migration: Migration
    """How and when it moves."""
    depends_on: list[Ref] = Field(default_factory=list)
    """Refs of the systems it calls at run time, each once and never itself: they are cut over
    in the same wave or before. A bare id is a system of the same region.
    """
    move_with: list[Ref] = Field(default_factory=list)
    """Refs of the systems that must be cut over in the same wave, each once and never itself."""
    accepted_warnings: dict[WarningCode, Text] = Field(default_factory=dict)
    """Warnings the region has looked at and accepts, each with its reason: they are not
    reported for this system.
    """
    notes: Annotated[str, text_rule(empty=True)] | None = None
    """Free text."""

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
    """What the file is: `migrasi/inventory/v1`."""
    region: Region
    """Whose inventory this is."""
    systems: list[System]
    """The region's systems; may be empty."""


class Expansion(_Model):
    """Capacity added from a date on."""

    from_: Date = Field(alias="from")
    """The day the capacity is added."""
    vcpu: Count
    """Virtual CPUs added."""
    ram_gb: Number
    """GB of RAM added."""
    storage_gb: Number
    """GB of storage added."""


class Capacity(_Model):
    """What is free for migrated systems when the programme starts."""

    vcpu: Count
    """Virtual CPUs free for migrated systems."""
    ram_gb: Number
    """GB of RAM free for migrated systems."""
    storage_gb: Number
    """GB of storage free for migrated systems."""
    expansions: list[Expansion] = Field(default_factory=list)
    """Capacity added from a day on."""


class RunningCost(_Model):
    """What the Data Center spends per month for each migrated system."""

    currency: Currency = "IDR"
    """The currency of the rates; other than IDR, it needs a rate in `finance.fx`."""
    per_vcpu: Number
    """A month of one vCPU."""
    per_ram_gb: Number
    """A month of one GB of RAM."""
    per_storage_gb: Number
    """A month of one GB of storage."""
    per_system: Number
    """A month of each migrated system: operations, backup, licences, monitoring."""


class Pilot(_Model):
    """The first open wave takes only low-risk systems."""

    max_systems: Count
    """At most this many systems in the pilot wave."""
    criticality: list[Annotated[str, enum_rule(CRITICALITIES)]]
    """The criticalities the pilot takes."""
    personal_data: Bool = False
    """Whether the pilot takes systems that hold personal data."""


class Blackout(_Model):
    """Days on which no wave may take any system."""

    from_: Date = Field(alias="from")
    """The first day of the blackout."""
    to: Date
    """The last day of the blackout."""
    reason: Text
    """Why: `Tutup tahun anggaran`."""


class Schedule(_Model):
    """The waves and the limits of each."""

    start: Date
    """The first day of wave 1."""
    as_of: Date | None = None
    """The day the plan is made: waves begun on or before it are not planned again. The
    command line's `--as-of` overrides it.
    """
    wave_weeks: Annotated[int, int_rule(ge=1)]
    """The length of every wave, in weeks."""
    waves: Annotated[int, int_rule(ge=1, le=1000)]
    """The most waves the plan may have."""
    team_days: Number
    """Person-days the migration team has in each wave."""
    link_mbps: Annotated[Decimal, decimal_rule(gt=0)]
    """The bandwidth for copying data at cutover, in Mbps."""
    transfer_hours: Number
    """Hours of copying data allowed in each wave."""
    max_critical: Count | None = None
    """At most this many `tinggi` or `strategis` systems in one wave."""
    compliance_deadline: Date | None = None
    """Systems that keep `terbatas` or `rahasia` data on non-government hosting are cut over by
    this day.
    """
    pilot: Pilot | None = None
    """The first open wave is a pilot that takes only low-risk systems."""
    blackouts: list[Blackout] = Field(default_factory=list)
    """Periods in which no wave that touches them takes any system."""


class EffortDays(_Model):
    """Default person-days by strategy."""

    rehost: Number
    """Person-days of a `rehost`."""
    replatform: Number
    """Person-days of a `replatform`."""
    refactor: Number
    """Person-days of a `refactor`."""
    repurchase: Number
    """Person-days of a `repurchase`."""
    retire: Number
    """Person-days of a `retire`."""

    def of(self, strategy: str) -> Decimal:
        """The default effort of ``strategy`` (0 for ``retain``)."""
        value: Decimal = getattr(self, strategy, Decimal(0))
        return value


class Finance(_Model):
    """Settings for the money figures."""

    horizon_months: Annotated[int, int_rule(ge=1, le=1200)]
    """Months counted, from the month of `schedule.start`."""
    discount_rate: Annotated[Decimal, decimal_rule(quoted=True)]
    """The yearly rate for the NPV, as a decimal: `"0.06"`."""
    labour_cost_per_day: Number
    """What one person-day of migration work costs."""
    fx: dict[Currency, Annotated[Decimal, decimal_rule(gt=0)]] = Field(default_factory=dict)
    """Rupiah per unit of each foreign currency the files use: `USD: 16500`."""


class DataCenter(_Model):
    """The data-center file: ``schema: migrasi/datacenter/v1``."""

    schema_: Annotated[str, enum_rule((DATACENTER_SCHEMA,))] = Field(alias="schema")
    """What the file is: `migrasi/datacenter/v1`."""
    name: Text
    """The Data Center's name."""
    capacity: Capacity
    """What is free for migrated systems when the programme starts."""
    running_cost: RunningCost
    """What the Data Center spends per month on each migrated system."""
    schedule: Schedule
    """The waves and the limits of each."""
    effort_days: EffortDays
    """Default person-days of a move, by strategy, where a system gives none."""
    finance: Finance
    """Settings for the money figures."""

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
