"""The plan document's own ``model_construct`` makes the models pydantic's would, to the field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from migrasi.api import plan_document
from migrasi.core.plandoc import BlockedDoc, SystemDoc
from migrasi.core.terms import Reason

SHIPPED = Path(__file__).parent.parent / "inventories"


def _models(value: object) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for v in value.__dict__.values():
            yield from _models(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _models(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _models(v)


def _pydantics(cls: type[BaseModel], fields_set: set[str] | None, **values: Any) -> BaseModel:
    return BaseModel.model_construct.__func__(cls, fields_set, **values)  # type: ignore[attr-defined,no-any-return]


def _same(a: BaseModel, b: BaseModel) -> bool:
    return (
        type(a) is type(b)
        and list(a.__dict__.items()) == list(b.__dict__.items())
        and a.__pydantic_fields_set__ == b.__pydantic_fields_set__
        and a.__pydantic_extra__ == b.__pydantic_extra__
        and a.__pydantic_private__ == b.__pydantic_private__
    )


def test_every_model_of_a_plan_is_the_one_pydantic_constructs() -> None:
    """Each document model of a plan equals pydantic's ``model_construct`` of its given fields."""
    doc = plan_document([SHIPPED])
    seen = set()
    for model in _models(doc):
        given = {k: v for k, v in model.__dict__.items() if k in model.__pydantic_fields_set__}
        assert _same(model, _pydantics(type(model), None, **given)), type(model).__name__
        seen.add(type(model))
    assert SystemDoc in seen and BlockedDoc in seen


def test_defaults_unknown_names_and_a_given_fields_set_are_pydantics() -> None:
    """Missing fields take their defaults; an unknown name or a fields set is handled the same."""
    values: dict[str, Any] = {"wave": 2, "reason": Reason.NPV}
    assert _same(BlockedDoc.model_construct(**values), _pydantics(BlockedDoc, None, **values))
    odd = {**values, "not_a_field": 1}
    assert _same(BlockedDoc.model_construct(**odd), _pydantics(BlockedDoc, None, **odd))
    chosen = {"wave"}
    assert _same(
        BlockedDoc.model_construct(chosen, **values), _pydantics(BlockedDoc, chosen, **values)
    )
