"""A what-if scenario file (``schema: migrasi/scenario/v1``): its model, the fields of the
data-center file that ``set`` may name, the names ``scale`` takes, and its checks.

A scenario file is checked on its own, like any input: E101–E103 from its model, E212 for a
``set`` path or ``scale`` name that does not exist (at that key, with the nearest valid one),
and E102 for a value that its field (the data-center file's own field type) refuses.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from migrasi.core.fieldtypes import decimal_rule, enum_rule
from migrasi.core.findings import Anchor, Finding, Path
from migrasi.core.models import SCENARIO_SCHEMA, DataCenter, Text
from migrasi.core.shape import check_shape, error_finding, suggest, unwrap

SCALES: dict[str, str] = {
    "provider_cost": "every system's cost.amount and termination_fee",
    "running_cost": "every running_cost.per_* value",
    "effort_days": "every system's effort, given or defaulted",
    "labour_cost": "finance.labour_cost_per_day",
    "data_gb": "every system's data to copy, given or defaulted",
    "capacity": "the base capacity and every expansion, in every dimension",
    "team_days": "schedule.team_days",
    "transfer_hours": "schedule.transfer_hours",
    "fx": "every rate in finance.fx",
}
"""The names ``scale`` takes and what each multiplies (scenarios.md), in the spec's order."""

Multiplier = Annotated[Decimal, decimal_rule(ge=None, gt=0, quoted=True)]
"""A ``scale`` value: an exact decimal greater than 0."""


def _annotation(field: Any) -> Any:
    """A model field's type with its rules (pydantic keeps the rules apart in ``metadata``)."""
    if field.metadata:
        return Annotated[(field.annotation, *field.metadata)]
    return field.annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _fields(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every field of ``model`` and of its sub-models, as (dotted path, type)."""
    for name, field in model.model_fields.items():
        path = (*prefix, field.alias or name)
        yield ".".join(path), _annotation(field)
        inner = unwrap(field.annotation)
        if _is_model(inner):
            yield from _fields(inner, path)


@functools.cache
def settable() -> dict[str, Any]:
    """Every dotted path of the data-center file that ``set`` takes, with its type (the entries
    of a mapping such as ``finance.fx`` are named by their key: ``finance.fx.USD``)."""
    return dict(_fields(DataCenter))


@dataclass(frozen=True)
class Unknown:
    """Why a ``set`` key names no field: ``why`` is ``path``, or ``list`` with the list it
    points into."""

    why: str
    suggestion: str | None
    inside: str = ""


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _key_fits(annotation: Any, key: str) -> bool:
    try:
        _adapter(annotation).validate_python(key)
    except ValidationError:
        return False
    return True


def resolve(key: str) -> tuple[tuple[str, ...], Any] | Unknown:
    """The field a ``set`` key names, as (path, type), or why it names none."""
    current: Any = DataCenter
    path: list[str] = []
    for part in key.split("."):
        inner = unwrap(current)
        if _is_model(inner):
            field = next((f for n, f in inner.model_fields.items() if (f.alias or n) == part), None)
            if field is None:
                break
            path.append(part)
            current = _annotation(field)
        elif typing.get_origin(inner) is dict:
            key_type, current = typing.get_args(inner)
            if not _key_fits(key_type, part):
                upper = ".".join([*path, part.upper()])
                close = upper if _key_fits(key_type, part.upper()) else ".".join(path)
                return Unknown("path", close)
            path.append(part)
        elif typing.get_origin(inner) is list:
            return Unknown("list", None, ".".join(path))
        else:
            break
    else:
        return tuple(path), current
    return Unknown("path", suggest(key, settable()) or (".".join(path) or None))


@dataclass(frozen=True)
class Setting:
    """One entry of ``set``: its key as written, the field's path, and the value as read."""

    key: str
    path: tuple[str, ...]
    value: object


@dataclass(frozen=True)
class Scenario:
    """A checked scenario: what it sets (in the file's order) and scales (in SCALES order)."""

    name: str
    description: str | None
    settings: tuple[Setting, ...] = ()
    scales: tuple[tuple[str, Decimal], ...] = ()

    def factor(self, name: str) -> Decimal | None:
        """The multiplier of scale ``name``, or None when the scenario does not scale it."""
        return dict(self.scales).get(name)


def _json_schema(make: Any) -> Any:
    """Field metadata that gives the field the JSON Schema ``make()`` builds (when asked)."""

    class _Schema:
        @staticmethod
        def __get_pydantic_json_schema__(schema: Any, handler: Any) -> dict[str, object]:
            result: dict[str, object] = make()
            return result

    return _Schema()


def _inline(schema: object, defs: Mapping[str, object]) -> object:
    """``schema`` with every local ``$ref`` replaced by the definition it names."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


def _object(schema: object) -> dict[str, Any]:
    """The schema of a mapping with properties: ``schema``, or the one of its ``anyOf`` (an
    optional sub-model is ``anyOf`` it and null)."""
    assert isinstance(schema, dict)
    if "properties" in schema:
        return schema
    return next(s for s in schema["anyOf"] if isinstance(s, dict) and "properties" in s)


def _set_schema() -> dict[str, object]:
    whole = DataCenter.model_json_schema(by_alias=True, mode="validation")
    defs = typing.cast(Mapping[str, object], whole.get("$defs", {}))
    props: dict[str, object] = {}
    patterns: dict[str, object] = {}
    for path in settable():
        schema: object = whole
        for part in path.split("."):
            schema = _object(_inline(schema, defs))["properties"][part]
        schema = _inline(schema, defs)
        props[path] = schema
        entries = schema.get("patternProperties", {}) if isinstance(schema, dict) else {}
        for pattern, entry in entries.items():  # a mapping's entries: finance.fx.USD
            patterns[f"^{path.replace('.', '[.]')}[.]{pattern.lstrip('^')}"] = entry
    return {
        "type": "object",
        "description": "Fields of the data-center file to replace, by dotted path.",
        "properties": props,
        "patternProperties": patterns,
        "additionalProperties": False,
    }


def _scale_schema() -> dict[str, object]:
    number = _adapter(Multiplier).json_schema()
    return {
        "type": "object",
        "description": "Multipliers (exact decimals > 0), applied after set.",
        "properties": {name: {**number, "description": what} for name, what in SCALES.items()},
        "additionalProperties": False,
    }


class ScenarioFile(BaseModel):
    """A scenario file: ``schema: migrasi/scenario/v1``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: Annotated[str, enum_rule((SCENARIO_SCHEMA,))] = Field(alias="schema")
    name: Text
    description: Text | None = None
    set: Annotated[dict[str, Any], _json_schema(_set_schema)] = Field(default_factory=dict)
    scale: Annotated[dict[str, Any], _json_schema(_scale_schema)] = Field(default_factory=dict)


def _settings(file: str, written: Mapping[str, Any], out: list[Finding]) -> list[Setting]:
    found: list[Setting] = []
    for key, value in written.items():
        place: Path = ("set", key)
        target = resolve(key)
        if isinstance(target, Unknown):
            args = {"why": target.why, "got": key, "suggestion": target.suggestion}
            if target.why == "list":
                args["list"] = target.inside
            out.append(Finding("E212", file, path=place, anchor=Anchor.KEY, args=args))
            continue
        path, annotation = target
        try:
            _adapter(annotation).validate_python(value)
        except ValidationError as exc:
            for e in exc.errors(include_url=False):
                out.append(error_finding(file, annotation, e, place))
            continue
        found.append(Setting(key, path, value))
    return found


def _scales(file: str, written: Mapping[str, Any], out: list[Finding]) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for name, value in written.items():
        place: Path = ("scale", name)
        if name not in SCALES:
            args: dict[str, object] = {"why": "scale", "got": name, "expected": list(SCALES)}
            args["suggestion"] = suggest(name, SCALES)
            out.append(Finding("E212", file, path=place, anchor=Anchor.KEY, args=args))
            continue
        try:
            found[name] = _adapter(Multiplier).validate_python(value)
        except ValidationError as exc:
            for e in exc.errors(include_url=False):
                out.append(error_finding(file, Multiplier, e, place))
    return found


def check_scenario(file: str, data: object) -> tuple[Scenario | None, list[Finding]]:
    """Check a scenario file's data: the scenario, or None and every finding of the file."""
    model, out = check_shape(file, ScenarioFile, data)
    written = data if isinstance(data, dict) else {}
    settings: list[Setting] = []
    scales: dict[str, Decimal] = {}
    if isinstance(written.get("set"), dict):
        settings = _settings(file, written["set"], out)
    if isinstance(written.get("scale"), dict):
        scales = _scales(file, written["scale"], out)
    if model is None or out:
        return None, out
    ordered = tuple((name, scales[name]) for name in SCALES if name in scales)
    return Scenario(model.name, model.description, tuple(settings), ordered), []
