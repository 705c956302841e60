"""The plan document (``plan.json``, outputs.md) as typed models: one definition for the
writer, the JSON Schema (``migrasi schema plan``) and the reader.

Money is whole Rupiah as JSON integers; other non-integers (hours, the gap) are decimal strings
with 4 places; dates ``YYYY-MM-DD``; months ``YYYY-MM``. Reading is strict: a figure written as
text, a fraction where a whole number belongs, a missing or unknown field, or figures that do
not belong together (a system whose years are not the programme's) are errors with the path of
the field.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic.fields import FieldInfo

from migrasi.core.decimals import rounded
from migrasi.core.findings import path_text
from migrasi.core.models import STRATEGIES
from migrasi.core.terms import Dimension, Mode, MovedBecause, Reason, Status

PLAN_SCHEMA = "migrasi/plan/v1"
LARGEST = 10**60
"""No figure of a plan comes near this; a larger one in a plan read back is refused. The inputs'
limits (10^15 for every number, 1,200 months) allow a system's figure up to about 4 × 10^48 (an
internal cost of 3 × 10^45 a month over the horizon), and a total of a billion such systems
stays below it."""

_DEC4 = r"^-?[0-9]+\.[0-9]{4}$"
_FOUR = Decimal("0.0001")


def dec4(value: Decimal) -> str:
    """A non-integer figure as a decimal string with 4 places."""
    return f"{rounded(value, _FOUR):f}"


def number(value: Decimal) -> int | str:
    """An integer as a JSON integer, anything else as a 4-place string."""
    return int(value) if value == value.to_integral_value() else dec4(value)


def _read_dec4(value: object) -> Decimal:
    if not isinstance(value, str) or len(value) > 80:  # a gap of LARGEST: 66 characters
        raise ValueError('expected a decimal written as text with 4 places, such as "1.5000"')
    if not re.fullmatch(_DEC4, value):
        raise ValueError(f'expected a decimal with 4 places, such as "1.5000", found {value!r}')
    return Decimal(value)


def _read_number(value: object) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > LARGEST:
            raise ValueError(f"a whole number of at most {len(str(LARGEST)) - 1} digits")
        return Decimal(value)
    try:
        return _read_dec4(value)
    except (ValueError, InvalidOperation) as exc:
        raise ValueError("expected a whole number or a decimal written with 4 places") from exc


Dec4 = Annotated[
    Decimal,
    PlainValidator(_read_dec4),
    PlainSerializer(dec4, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _DEC4}),
]
"""A decimal written as a string with 4 places."""
Number = Annotated[
    Decimal,
    PlainValidator(_read_number),
    PlainSerializer(number, return_type=int | str),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _DEC4}]}),
]
"""An integer, or a decimal written as a string with 4 places."""


def _read_whole(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LARGEST:
        raise ValueError("expected a whole number ≥ 0")
    return Decimal(value)


Whole = Annotated[
    Decimal,
    PlainValidator(_read_whole),
    PlainSerializer(int, return_type=int),
    WithJsonSchema({"type": "integer", "minimum": 0}),
]
"""A count computed as a decimal sum, written as a JSON integer."""
Money = Annotated[int, Field(ge=-LARGEST, le=LARGEST)]
"""Whole Rupiah."""
Count = Annotated[int, Field(ge=0, le=LARGEST)]
WaveNumber = Annotated[int, Field(ge=1, le=1_000_000)]
Month = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}$")]
Year = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[EW][0-9]{3}$")]


def _omitted_when_none(value: object) -> bool:
    return value is None


WRITTEN_IF_SET = Field(default=None, exclude_if=_omitted_when_none)
"""A field written only when it has a value."""


def _not_kept(value: object) -> bool:
    return value == ""


def _strategy(value: str) -> str:
    if value not in STRATEGIES:
        raise ValueError(f"expected one of {', '.join(STRATEGIES)}")
    return value


Strategy = Annotated[str, AfterValidator(_strategy), WithJsonSchema({"enum": list(STRATEGIES)})]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @classmethod
    def model_construct(  # type: ignore[override]  # the pydantic plugin types it per model
        cls, _fields_set: set[str] | None = None, **values: Any
    ) -> Self:
        """pydantic's ``model_construct`` (no validation), with a short way for the common call
        that gives every field by name: a plan of 30,000 systems makes some 250,000 documents.
        The model it makes is the same, field for field."""
        names = _NAMES.get(cls)
        if names is None:
            names = _NAMES[cls] = _plain_names(cls)
        if names and values.keys() <= names.keys():
            fields = {}
            for name, field in names.items():
                if name in values:
                    fields[name] = values[name]
                elif not field.is_required():
                    fields[name] = field.get_default(
                        call_default_factory=True, validated_data=fields
                    )
            made = cls.__new__(cls)
            object.__setattr__(made, "__dict__", fields)
            given = set(values) if _fields_set is None else _fields_set
            object.__setattr__(made, "__pydantic_fields_set__", given)
            object.__setattr__(made, "__pydantic_extra__", None)
            object.__setattr__(made, "__pydantic_private__", None)
            return made
        return super().model_construct(_fields_set, **values)


_NAMES: dict[type[BaseModel], dict[str, FieldInfo]] = {}


def _plain_names(cls: type[BaseModel]) -> dict[str, FieldInfo]:
    """The fields of ``cls`` by name, in order; none when ``model_construct`` does more than fill
    them in (an alias that is a field's name, a post-init hook, extra fields kept)."""
    fields = dict(cls.model_fields)
    aliases = {a for f in fields.values() for a in (f.alias, f.validation_alias)}
    kept_extra = cls.model_config.get("extra") == "allow"
    if aliases & fields.keys() or cls.__pydantic_post_init__ or kept_extra:
        return {}
    return fields


class InputFile(_Doc):
    """One input file and the SHA-256 of its bytes."""

    file: str
    sha256: Sha256


class Load(_Doc):
    """What one wave carries, by wave rule (rules.WAVE_RULES' load keys)."""

    systems: Whole
    critical: Whole
    effort_days: Dec4
    transfer_hours: Dec4
    vcpu: Number
    ram_gb: Dec4
    storage_gb: Dec4


class ScenarioDoc(_Doc):
    """The scenario a plan was made under (scenarios.md): its name, file and SHA-256."""

    name: str
    file: str
    sha256: Sha256


class WaveDoc(_Doc):
    """One wave: its days, whether it takes systems, and what it holds."""

    wave: WaveNumber
    start: date
    cutover: date
    open: bool
    pilot: bool
    started: bool = False
    """It began on or before the as-of day (progress.md)."""
    ended: bool = False
    """Its cutover lies before the as-of day."""
    systems: list[str]
    load: Load


class GroupDoc(_Doc):
    """A move group of two or more systems."""

    id: str
    systems: list[str] = Field(min_length=2)


class BlockedDoc(_Doc):
    """The first rule that keeps a system out of one earlier wave."""

    wave: WaveNumber
    reason: Reason
    ref: str | None = WRITTEN_IF_SET
    dimension: Dimension | None = WRITTEN_IF_SET


class MoneyDoc(_Doc):
    """One system's figures, each rounded once from its exact value (money.md)."""

    external_monthly: Money
    internal_monthly: Money
    monthly_saving: Money
    one_time: Money
    termination_fee: Money
    baseline: Money
    first_saving_month: Month | None
    by_year: dict[Year, Money]
    net_savings: Money
    npv: Money
    kept_in_jambi: Money
    to_date: Money = 0
    """The savings of the months before the as-of day's month (progress.md); 0 without one."""


class SystemDoc(_Doc):
    """One system in the plan."""

    ref: str
    region: str
    owner: str
    status: Status
    strategy: Strategy
    wave: WaveNumber | None
    cutover: date | None
    group: str | None
    deadline: date | None
    late: bool
    end_early: bool
    blocked_by: list[BlockedDoc]
    money: MoneyDoc
    moved_because: MovedBecause | Literal[""] | None = Field(default="", exclude_if=_not_kept)
    """With ``--keep``: why its wave differs from the earlier plan's, or null when it does not;
    without, not written (``""``)."""


class RegionTotals(_Doc):
    """A region's totals: sums of its systems' rounded figures, and its payback month."""

    baseline: Money
    net_savings: Money
    npv: Money
    kept_in_jambi: Money
    payback_month: Month | None = None


class Progress(_Doc):
    """How many systems have each status (progress.md), every status present."""

    done: Count = 0
    in_progress: Count = 0
    scheduled: Count = 0
    unscheduled: Count = 0
    retained: Count = 0


PROGRESS_ORDER = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.SCHEDULED,
    Status.UNSCHEDULED,
    Status.RETAINED,
)
"""The statuses in the order the plan counts them."""


class Totals(_Doc):
    """The programme's totals: sums of rounded system figures (money.md)."""

    baseline: Money
    net_savings: Money
    npv: Money
    one_time: Money
    termination_fees: Money
    kept_in_jambi: Money
    payback_month: Month | None
    to_date: Money = 0
    """The programme's savings before the as-of day's month (progress.md)."""
    by_year: dict[Year, Money]
    dc_running_cost_by_year: dict[Year, Money]
    by_region: dict[str, RegionTotals]
    progress: Progress = Field(default_factory=Progress)


class Bound(_Doc):
    """The upper bound of the NPV (planning.md) and the gap to it."""

    npv: Money
    gap: Dec4


class Proven(_Doc):
    """What exact mode proved: an upper bound of every valid plan's NPV and the gap to it."""

    npv: Money
    gap: Dec4
    optimal: bool
    relaxed_npv: Money | None


class KeepDoc(_Doc):
    """The earlier plan a plan stayed close to (``--keep``): the SHA-256 of its plan.json, the
    minimum gain of a move, and how many planned systems kept their wave, moved, or went."""

    plan: Sha256
    min_gain: Money
    kept: Count
    moved: Count
    removed: Count


class Diagnostic(_Doc):
    """A finding about the inputs or the plan, in English (validation.md's JSON object)."""

    file: str | None
    line: int | None
    column: int | None
    severity: Literal["error", "warning", "accepted"]
    code: Code
    path: str
    message: str
    reason: str | None = WRITTEN_IF_SET


class Monthly(_Doc):
    """The saving of every month of the horizon: each system's month rounded, then summed."""

    months: list[Month]
    programme: list[Money]
    by_region: dict[str, list[Money]]


class PilotDoc(_Doc):
    """The pilot's settings."""

    max_systems: Count
    criticality: list[str]
    personal_data: bool


class BlackoutDoc(_Doc):
    """Days on which no wave takes any system."""

    from_: date = Field(alias="from")
    to: date
    reason: str


class RunningCostDoc(_Doc):
    """What the Data Center spends per month for each migrated system."""

    currency: str
    per_vcpu: Number
    per_ram_gb: Number
    per_storage_gb: Number
    per_system: Number


class Assumptions(_Doc):
    """Every setting the figures rest on."""

    datacenter: str
    start: date
    wave_weeks: Count
    waves: Count
    team_days: Number
    link_mbps: Number
    transfer_hours: Number
    max_critical: Count | None
    compliance_deadline: date | None
    pilot: PilotDoc | None
    blackouts: list[BlackoutDoc]
    horizon_months: Count
    discount_rate: Dec4
    labour_cost_per_day: Number
    fx: dict[str, Number]
    running_cost: RunningCostDoc
    effort_days: dict[str, Number]


class RegionDoc(_Doc):
    """A region's name, Kemendagri code and kind."""

    name: str
    code: str
    kind: str


class PlanDoc(_Doc):
    """The whole plan: ``plan.json``."""

    schema_: Literal["migrasi/plan/v1"] = Field(alias="schema")
    mode: Mode
    as_of: date | None = None
    """The day the plan was made (progress.md), or null."""
    inputs: list[InputFile]
    scenario: ScenarioDoc | None = None
    waves: list[WaveDoc]
    groups: list[GroupDoc]
    systems: list[SystemDoc]
    totals: Totals
    bound: Bound
    proven: Proven | None = WRITTEN_IF_SET
    keep: KeepDoc | None = WRITTEN_IF_SET
    diagnostics: list[Diagnostic]
    monthly: Monthly
    assumptions: Assumptions
    regions: dict[str, RegionDoc] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _belong_together(self) -> PlanDoc:
        """The figures of the parts are those of the whole: one system per ref, the same
        years everywhere, waves holding known systems, a monthly figure for every month."""
        seen: set[str] = set()
        years = set(self.totals.by_year)
        for i, s in enumerate(self.systems):
            if s.ref in seen:
                raise ValueError(f"systems[{i}].ref: {s.ref!r} appears twice")
            seen.add(s.ref)
            if set(s.money.by_year) != years:
                raise ValueError(f"systems[{i}].money.by_year: not the years of totals.by_year")
        if set(self.totals.dc_running_cost_by_year) != years:
            raise ValueError("totals.dc_running_cost_by_year: not the years of totals.by_year")
        for i, w in enumerate(self.waves):
            unknown = sorted(set(w.systems) - seen)
            if unknown:
                raise ValueError(f"waves[{i}].systems: names no system of the plan: {unknown[0]!r}")
        months = len(self.monthly.months)
        rows = {"programme": self.monthly.programme, **self.monthly.by_region}
        for name, row in rows.items():
            if len(row) != months:
                raise ValueError(f"monthly.{name}: {len(row)} figures for {months} months")
        return self

    def counts(self) -> Counter[Status]:
        """How many systems have each status."""
        return Counter(s.status for s in self.systems)

    def planned(self) -> int:
        """How many systems are planned (not retained)."""
        return sum(s.status is not Status.RETAINED for s in self.systems)

    def late(self) -> int:
        """How many systems are cut over after their deadline."""
        return sum(s.late for s in self.systems)

    def region_names(self) -> dict[str, str]:
        """Region id → name."""
        return {r: info.name for r, info in self.regions.items()}


class PlanShapeError(ValueError):
    """A plan document that cannot be read: ``where`` is the path of the first bad field."""

    def __init__(self, where: str, expected: str) -> None:
        super().__init__(where, expected)
        self.where = where
        self.expected = expected

    def __str__(self) -> str:
        return f"{self.where}: {self.expected}" if self.where else self.expected


_EXPECTED = {
    "missing": "expected a value (it is missing)",
    "extra_forbidden": "not a field of a plan",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "string_type": "expected text",
    "bool_type": "expected true or false",
    "dict_type": "expected an object",
    "model_type": "expected an object",
    "list_type": "expected a list",
    "date_type": "expected a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a date written YYYY-MM-DD",
    "date_parsing": "expected a date written YYYY-MM-DD",
    "string_pattern_mismatch": "text of the wrong form",
    "literal_error": "expected {expected}",
    "enum": "expected one of {expected}",
    "greater_than_equal": "expected a number ≥ {ge}",
    "less_than_equal": "expected a number ≤ {le}",
    "too_short": "too few entries",
}


def _not_a_plan(kind: str, got: object, loc: tuple[int | str, ...]) -> str:
    if loc and kind != "missing":
        return f'schema is {json.dumps(got, ensure_ascii=True)[:60]}, expected "{PLAN_SCHEMA}"'
    return f'not an object with "schema": "{PLAN_SCHEMA}"'


def read_document(data: bytes | str) -> PlanDoc:
    """A ``plan.json`` document, checked field by field; PlanShapeError names the first
    field that is wrong, or says why the text is not a plan at all."""
    try:
        return PlanDoc.model_validate_json(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        error = next((e for e in errors if tuple(e["loc"])[:1] == ("schema",)), errors[0])
        kind = str(error["type"])
        loc = tuple(error["loc"])
        if loc == ("schema",) or (not loc and kind == "model_type"):
            raise PlanShapeError("", _not_a_plan(kind, error.get("input"), loc)) from None
        if kind == "json_invalid":
            raise PlanShapeError(
                "", f"not valid JSON ({error['msg'].removeprefix('Invalid JSON: ')})"
            ) from None
        if kind in ("value_error", "assertion_error") and not loc:
            where, _, why = str(error["msg"]).removeprefix("Value error, ").partition(": ")
            raise PlanShapeError(where, why) from None
        template = _EXPECTED.get(kind)
        if template is None:
            expected = str(error["msg"]).removeprefix("Value error, ")
        else:
            ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
            expected = template.format(**ctx) if ctx else template
        raise PlanShapeError(path_text(loc), expected) from None
