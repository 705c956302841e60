"""JSON Schemas of the file kinds, generated from the models."""

from __future__ import annotations

import json

from pydantic import BaseModel

from migrasi.core.models import DataCenter, Inventory
from migrasi.core.plandoc import PlanDoc
from migrasi.core.scenario import ScenarioFile

_MODELS: dict[str, type[BaseModel]] = {
    "inventory": Inventory,
    "datacenter": DataCenter,
    "scenario": ScenarioFile,
    "plan": PlanDoc,
}
TITLES = {
    "inventory": "migrasi region inventory (migrasi/inventory/v1)",
    "datacenter": "migrasi data-center file (migrasi/datacenter/v1)",
    "scenario": "migrasi scenario (migrasi/scenario/v1)",
    "plan": "migrasi plan (migrasi/plan/v1)",
}
KINDS = tuple(_MODELS)


def schema_dict(kind: str) -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of ``kind``, as a dict, generated from its model."""
    body = _MODELS[kind].model_json_schema(by_alias=True, mode="validation")
    out: dict[str, object] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://migrasi.jambiprov.go.id/schema/{kind}.schema.json",
        **body,
        "title": TITLES[kind],
    }
    return out


def schema_text(kind: str) -> str:
    """The JSON Schema of ``kind`` as text: sorted keys, ``indent=2``, final newline."""
    return json.dumps(schema_dict(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
