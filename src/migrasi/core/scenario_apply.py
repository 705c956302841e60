"""A scenario applied to the inputs (scenarios.md): ``set`` replaces fields of the data-center
file, then ``scale`` multiplies groups of figures, exactly.

``apply`` is pure: it takes the data-center model and the inventories' systems and returns
new ones, so that later options (such as an as-of day replacing ``schedule.as_of``) apply to
its result, and the checks and the planner run on what it returns as on any inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Context, Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from migrasi.core.findings import Anchor, Finding, Path
from migrasi.core.local_rules import datacenter_rules
from migrasi.core.models import STRATEGIES, DataCenter, System
from migrasi.core.programme import DataCenterInput, Inputs, InventoryInput, data_gb_of
from migrasi.core.scenario import Scenario, Setting
from migrasi.core.shape import error_finding

EXACT = Context(prec=80)
"""Wide enough that the product of two input numbers (each at most 15 digits before the point
and 12 after) is never rounded: a scale is applied exactly."""


@dataclass(frozen=True)
class Applied:
    """The inputs under a scenario; ``datacenter`` is None when what ``set`` gives is not a
    valid data-center file (then ``findings`` say why, at the scenario's keys)."""

    datacenter: DataCenter | None
    inventories: tuple[InventoryInput, ...]
    findings: list[Finding]


def apply(
    scenario: Scenario, file: str, dc: DataCenter, inventories: Sequence[InventoryInput]
) -> Applied:
    """The data-center model and inventories under ``scenario`` (read from ``file``): ``set``
    first, then ``scale``."""
    changed, findings = _set(scenario, file, dc)
    if changed is None:
        return Applied(None, tuple(inventories), findings)
    scaled = scale_datacenter(changed, scenario)
    return Applied(scaled, tuple(_scale_inventory(i, scenario) for i in inventories), [])


def apply_to(inputs: Inputs, scenario: Scenario, file: str) -> tuple[Inputs, list[Finding]]:
    """The inputs under ``scenario``, and the findings of what ``set`` gives; the inputs as
    they are while they have no one data-center file to apply it to, or ``set`` fails."""
    dc = inputs.datacenter
    if dc is None:
        return inputs, []
    applied = apply(scenario, file, dc, inputs.inventories)
    if applied.datacenter is None:
        return inputs, applied.findings
    source = DataCenterInput(inputs.datacenters[0].file, applied.datacenter)
    return replace(inputs, inventories=applied.inventories, datacenters=(source,)), []


def _times(value: Decimal | int, factor: Decimal) -> Decimal:
    return EXACT.multiply(Decimal(value), factor)


def _scaled(model: BaseModel, names: Sequence[str], factor: Decimal) -> Any:
    """``model`` with each of its fields ``names`` multiplied by ``factor`` (None stays None)."""
    update = {n: _times(v, factor) for n in names if (v := getattr(model, n)) is not None}
    return model.model_copy(update=update)


def _set(scenario: Scenario, file: str, dc: DataCenter) -> tuple[DataCenter | None, list[Finding]]:
    """The data-center model with the scenario's ``set`` values, checked as a whole."""
    if not scenario.settings:
        return dc, []
    raw = dc.model_dump(by_alias=True)
    for s in sorted(scenario.settings, key=lambda s: len(s.path)):
        node = raw
        for part in s.path[:-1]:
            inner = node.get(part)
            if not isinstance(inner, dict):
                inner = node[part] = {}  # an absent optional field is added
            node = inner
        node[s.path[-1]] = s.value
    try:
        changed = DataCenter.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [
            _at_setting(scenario, file, error_finding(file, DataCenter, e)) for e in errors
        ]
    problems = datacenter_rules(file, changed)
    if problems:
        return None, [_at_setting(scenario, file, f) for f in problems]
    return changed, []


def _at_setting(scenario: Scenario, file: str, f: Finding) -> Finding:
    """A finding about the changed data-center file, placed at the ``set`` entry it comes
    from: under its value when the path lies inside it, else at its key (the entry whose path
    shares most with the finding's, the first on a tie)."""

    def shared(s: Setting) -> int:
        n = 0
        for a, b in zip(s.path, f.path, strict=False):
            if a != b:
                break
            n += 1
        return n

    setting = max(scenario.settings, key=shared)
    place: Path = ("set", setting.key)
    if f.path[: len(setting.path)] == setting.path:
        return replace(f, file=file, path=(*place, *f.path[len(setting.path) :]))
    return replace(f, file=file, path=place, anchor=Anchor.KEY)


_DATACENTER_SCALES: dict[str, Callable[[DataCenter, Decimal], DataCenter]] = {
    "running_cost": lambda dc, f: dc.model_copy(
        update={
            "running_cost": _scaled(
                dc.running_cost, ("per_vcpu", "per_ram_gb", "per_storage_gb", "per_system"), f
            )
        }
    ),
    "effort_days": lambda dc, f: dc.model_copy(
        update={"effort_days": _scaled(dc.effort_days, [s for s in STRATEGIES if s != "retain"], f)}
    ),
    "labour_cost": lambda dc, f: dc.model_copy(
        update={"finance": _scaled(dc.finance, ("labour_cost_per_day",), f)}
    ),
    "capacity": lambda dc, f: dc.model_copy(
        update={
            "capacity": _scaled(dc.capacity, ("vcpu", "ram_gb", "storage_gb"), f).model_copy(
                update={
                    "expansions": [
                        _scaled(e, ("vcpu", "ram_gb", "storage_gb"), f)
                        for e in dc.capacity.expansions
                    ]
                }
            )
        }
    ),
    "team_days": lambda dc, f: dc.model_copy(
        update={"schedule": _scaled(dc.schedule, ("team_days",), f)}
    ),
    "transfer_hours": lambda dc, f: dc.model_copy(
        update={"schedule": _scaled(dc.schedule, ("transfer_hours",), f)}
    ),
    "fx": lambda dc, f: dc.model_copy(
        update={
            "finance": dc.finance.model_copy(
                update={"fx": {c: _times(r, f) for c, r in dc.finance.fx.items()}}
            )
        }
    ),
}
"""How each scale of the data-center file multiplies it."""


def scale_datacenter(dc: DataCenter, scenario: Scenario) -> DataCenter:
    """The data-center model with the scenario's scales of its own figures applied."""
    for name, factor in scenario.scales:
        if name in _DATACENTER_SCALES:
            dc = _DATACENTER_SCALES[name](dc, factor)
    return dc


def scale_system(s: System, scenario: Scenario) -> System:
    """One system with the scenario's scales of systems' figures applied: the provider's
    cost and fee, a given effort (a defaulted one follows the data-center file's defaults),
    and the data to copy (a defaulted amount is written out, scaled)."""
    cost, migration = s.cost, s.migration
    factor = scenario.factor("provider_cost")
    if factor is not None:
        cost = _scaled(cost, ("amount", "termination_fee"), factor)
    factor = scenario.factor("effort_days")
    if factor is not None:
        migration = _scaled(migration, ("effort_days",), factor)
    factor = scenario.factor("data_gb")
    data = data_gb_of(s)
    if factor is not None and (data or migration.data_gb is not None):
        migration = migration.model_copy(update={"data_gb": _times(data, factor)})
    if cost is s.cost and migration is s.migration:
        return s
    return s.model_copy(update={"cost": cost, "migration": migration})


_SYSTEM_SCALES = ("provider_cost", "effort_days", "data_gb")


def _scale_inventory(inv: InventoryInput, scenario: Scenario) -> InventoryInput:
    if not any(scenario.factor(n) is not None for n in _SYSTEM_SCALES):
        return inv
    systems = tuple((i, scale_system(s, scenario)) for i, s in inv.systems)
    return replace(inv, systems=systems)
