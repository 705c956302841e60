"""The fields of a region inventory as flat spreadsheet columns, derived from the models.

One column per leaf field: nested fields flattened with dots (``cost.amount``), lists kept as
one column (their items separated by commas), and ``accepted_warnings`` as one column per
warning code (``accepted_warnings.W302``, holding the reason). Each column knows its kind, its
allowed values and bounds, and whether it is required, all read from the models' field rules,
so that the workbook follows the models without a second list of fields.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from migrasi.core.codes import CODES
from migrasi.core.fieldtypes import Rule
from migrasi.core.models import Region, System

TEXT = "text"
ENUM = "enum"
INTEGER = "integer"
NUMBER = "number"
DATE = "date"
BOOLEAN = "boolean"
LIST = "list"

DIGITS = 15
"""Significant digits a spreadsheet number cell holds, and shows, exactly."""

REQUIRED = "yes"
OPTIONAL = "no"
WITH_GROUP = "group"
"""Required when its group is given (``resources.*``: unless the strategy is retire or retain)."""


@dataclass(frozen=True)
class Column:
    """One column of the region or systems sheet."""

    name: str
    """As written in the header row: ``cost.amount``."""
    path: tuple[str, ...]
    """Where its value goes in the inventory: ``("cost", "amount")``."""
    kind: str
    required: str
    values: tuple[str, ...] = ()
    """The allowed values of an enum."""
    minimum: int | None = None
    maximum: int | None = None
    item: str = ""
    """For a list: the kind of its items (text or integer)."""
    free: bool = False
    """Free text (names, notes): taken exactly as typed, spaces included."""

    @property
    def group(self) -> str:
        """The nested mapping the column belongs to (``cost``), or ``""``."""
        return self.path[0] if len(self.path) > 1 else ""


def _optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _rule(annotation: Any, metadata: list[Any]) -> tuple[Any, Rule | None]:
    rules = [m for m in metadata if isinstance(m, Rule)]
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        rules += [m for m in extra if isinstance(m, Rule)]
        annotation = base
    return annotation, rules[0] if rules else None


def _kind(rule: Rule | None) -> tuple[str, dict[str, Any]]:
    schema: dict[str, Any] = dict(rule.schema) if rule is not None else {"type": "string"}
    if "anyOf" in schema:
        schema = dict(schema["anyOf"][0])
    if "enum" in schema:
        return ENUM, schema
    if schema.get("format") == "date":
        return DATE, schema
    kinds = {"integer": INTEGER, "number": NUMBER, "boolean": BOOLEAN}
    return kinds.get(str(schema.get("type")), TEXT), schema


def _leaf(
    name: str, path: tuple[str, ...], required: str, annotation: Any, meta: list[Any]
) -> Column:
    annotation, rule = _rule(annotation, meta)
    if typing.get_origin(annotation) is list:
        _, item_rule = _rule(typing.get_args(annotation)[0], [])
        item_kind, _ = _kind(item_rule)
        return Column(name, path, LIST, required, item=item_kind)
    kind, schema = _kind(rule)
    return Column(
        name,
        path,
        kind,
        required,
        values=tuple(schema.get("enum", ())),
        minimum=schema.get("minimum", schema.get("exclusiveMinimum")),
        maximum=schema.get("maximum"),
        free=kind == TEXT and "pattern" not in schema,
    )


def _columns(model: type[BaseModel], prefix: tuple[str, ...], in_optional: bool) -> list[Column]:
    out: list[Column] = []
    for attr, field in model.model_fields.items():
        path = (*prefix, field.alias or attr)
        annotation, optional = _optional(field.annotation)
        needed = field.is_required() and not optional
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.extend(_columns(annotation, path, in_optional or not needed))
            continue
        required = (WITH_GROUP if in_optional else REQUIRED) if needed else OPTIONAL
        if typing.get_origin(annotation) is dict:
            out.extend(_warning_columns(path, typing.get_args(annotation)[0]))
            continue
        out.append(_leaf(".".join(path), path, required, annotation, list(field.metadata)))
    return out


def _warning_columns(path: tuple[str, ...], key_type: Any) -> list[Column]:
    """One column per code the mapping's key rule admits (``accepted_warnings.W302``)."""
    _, key_rule = _rule(key_type, [])
    pattern = str((key_rule.schema if key_rule else {}).get("pattern", ".*"))
    return [
        Column(".".join((*path, code)), (*path, code), TEXT, OPTIONAL, free=True)
        for code in sorted(CODES)
        if re.fullmatch(pattern.strip("^$"), code)
    ]


@cache
def region_columns() -> tuple[Column, ...]:
    """The fields of ``region``, in the model's order."""
    return tuple(_columns(Region, (), False))


@cache
def system_columns() -> tuple[Column, ...]:
    """The columns of a system, in the model's order."""
    return tuple(_columns(System, (), False))


def fits_a_cell(value: Decimal | int) -> bool:
    """Whether a spreadsheet number cell holds ``value`` exactly (at most 15 significant
    digits): written as a number when it does, as text when it does not; a number read back
    with more digits is floating-point noise."""
    return len(Decimal(value).normalize().as_tuple().digits) <= DIGITS


def required_groups() -> tuple[str, ...]:
    """The nested mappings every system must have (``hosting``, ``cost``, ``migration``)."""
    groups: list[str] = []
    for c in system_columns():
        if c.group and c.required == REQUIRED and c.group not in groups:
            groups.append(c.group)
    return tuple(groups)
