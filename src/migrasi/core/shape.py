"""Check one document's shape against its model and turn pydantic's errors into findings."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from migrasi.core.codes import TERMS, Term
from migrasi.core.fieldtypes import kind_of
from migrasi.core.findings import Anchor, Finding, Path
from migrasi.core.hints import enum_hint
from migrasi.core.models import (
    DATACENTER_SCHEMA,
    INVENTORY_SCHEMA,
    SCENARIO_SCHEMA,
    DataCenter,
    Inventory,
)

M = TypeVar("M", bound=BaseModel)

MODELS: dict[str, type[BaseModel]] = {INVENTORY_SCHEMA: Inventory, DATACENTER_SCHEMA: DataCenter}
KNOWN = (*MODELS, SCENARIO_SCHEMA)
"""Every schema migrasi reads (a scenario file is checked by core/scenario.py)."""
SCHEMAS = " / ".join(KNOWN)
"""The schemas migrasi knows, as E006 names them."""


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate closest to ``word`` when one is close enough, else None."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def schema_of(file: str, data: object) -> tuple[str | None, Finding | None]:
    """Return the document's schema id, or an E006 finding when it has none migrasi knows."""
    if not isinstance(data, dict):
        return None, Finding("E006", file, args={"why": "not_mapping"}, line=1, column=1)
    if "schema" not in data:
        return None, Finding(
            "E006", file, args={"why": "missing", "schemas": SCHEMAS}, line=1, column=1
        )
    value = data["schema"]
    if isinstance(value, str) and value in KNOWN:
        return value, None
    return None, Finding(
        "E006",
        file,
        path=("schema",),
        args={
            "why": "unknown",
            "got": str(value),
            "schemas": SCHEMAS,
            "suggestion": suggest(str(value), KNOWN),
        },
    )


def unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` from an annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _model_at(model: Any, path: Sequence[str | int]) -> type[BaseModel] | None:
    """Return the model class that describes the mapping at ``path`` of ``model`` (a model
    class or any annotation), if any."""
    current: Any = model
    for part in path:
        current = unwrap(current)
        if isinstance(part, int):
            if typing.get_origin(current) is not list:
                return None
            current = typing.get_args(current)[0]
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        current = field.annotation
    current = unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys a mapping of ``model`` may hold, as written in files."""
    return [f.alias or name for name, f in model.model_fields.items()]


def error_finding(file: str, model: Any, error: Any, prefix: Path = ()) -> Finding:
    """The finding of one pydantic error of ``model`` (a model class or an annotation) whose
    value sits at ``prefix`` in the file."""
    found = _finding(file, model, error)
    return replace(found, path=(*prefix, *found.path)) if prefix else found


def _finding(file: str, model: Any, error: Any) -> Finding:
    loc: Path = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, object] = dict(error.get("ctx") or {})
    if kind == "missing":
        return Finding(
            "E101", file, path=loc[:-1], anchor=Anchor.FIRST_KEY, args={"field": str(loc[-1])}
        )
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        known = field_names(owner) if owner else []
        return Finding(
            "E103",
            file,
            path=loc,
            anchor=Anchor.KEY,
            args={"field": str(loc[-1]), "suggestion": suggest(str(loc[-1]), known)},
        )
    if loc and loc[-1] == "[key]":
        return Finding("E102", file, path=loc[:-1], anchor=Anchor.KEY, args=_e102(kind, ctx))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        ctx = {"expected": "mapping", "got": kind_of(error.get("input"))}
        kind = "m_type"
    elif kind == "list_type":
        ctx = {"expected": "list", "got": kind_of(error.get("input"))}
        kind = "m_type"
    elif not kind.startswith("m_"):
        ctx = {"detail": str(error.get("msg", kind))}
        kind = "m_other"
    if kind == "m_enum":
        expected = [str(v) for v in typing.cast(Sequence[object], ctx.get("expected", ()))]
        value = enum_hint(str(ctx.get("got")), expected)
        if value is not None:
            args = {"got": ctx.get("got"), "expected": expected, "value": value}
            return Finding("E102", file, path=loc, args=_e102("m_word", args))
        ctx = {**ctx, "expected": expected, "suggestion": suggest(str(ctx.get("got")), expected)}
    return Finding("E102", file, path=loc, args=_e102(kind, ctx))


def _e102(kind: str, ctx: dict[str, object]) -> dict[str, object]:
    """The arguments of an E102 finding: its message (``why``) and the words it needs."""
    if kind == "m_type" and ctx.get("got") == "null":
        return {"why": "m_null"}
    if kind == "m_type":
        ctx = {k: Term(f"kind.{ctx[k]}") for k in ("expected", "got")}
    elif kind == "m_pattern" and f"what.{ctx.get('what')}" in TERMS:
        ctx = {**ctx, "what": Term(f"what.{ctx['what']}")}
    return {"why": kind, **ctx}


def check_shape(file: str, model: type[M], data: object) -> tuple[M | None, list[Finding]]:
    """Validate ``data`` against ``model``: the model, or None and the findings."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_finding(file, model, e) for e in exc.errors(include_url=False)]


def check_part(model: type[M], data: object) -> M | None:
    """Validate one part of a document (a region, a system), or None when it is not valid."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return None
