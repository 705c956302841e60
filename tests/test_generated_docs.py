"""The generated documents of docs/ are current: each is what ``make docs`` writes now."""

from __future__ import annotations

import types
import typing

import pytest
from pydantic import BaseModel
from tools.make_docs import GENERATED

from tests.conftest import ROOT


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_document_is_current(name: str) -> None:
    """The committed document is exactly what its generator writes (run `make docs`)."""
    committed = (ROOT / name).read_text(encoding="utf-8")
    assert committed == GENERATED[name](), f"{name} is stale: run `make docs`"


def test_reference_names_every_field() -> None:
    """Every field of both models has a row, with its meaning, in docs/reference.md."""
    from migrasi.core.models import DataCenter, Inventory

    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for model in (Inventory, DataCenter):
        for field in _fields(model):
            assert f"`{field}` |" in text, f"{field} is not in docs/reference.md"
    assert "|  |\n" not in text, "a field of docs/reference.md has no meaning: give it a docstring"


def _fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field path of a model, nested models and lists of models included."""
    out = []
    for name, info in model.model_fields.items():
        path = prefix + (info.alias or name)
        out.append(path)
        for inner, joint in _models(info.annotation):
            out += _fields(inner, path + joint)
    return out


def _models(annotation: object) -> list[tuple[type[BaseModel], str]]:
    """The models inside an annotation, each with how its fields join the path."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return [(m, "[].") for m, _ in _models(typing.get_args(annotation)[0])]
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _models(arg)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, ".")]
    return []
