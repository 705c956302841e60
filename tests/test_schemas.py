"""The JSON Schemas of the file kinds: committed copies current, valid, and true to the files."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from migrasi.loading.yamlio import parse
from migrasi.render.schemas import schema_text
from tests.conftest import INVENTORIES, ROOT

KINDS = {
    "inventory": "migrasi/inventory/v1",
    "datacenter": "migrasi/datacenter/v1",
    "scenario": "migrasi/scenario/v1",
}


def plain_json(value: object) -> object:
    """YAML data as a JSON document would carry it (dates as text, exact numbers kept)."""
    if isinstance(value, dict):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal) and not isinstance(value, bool):
        return value
    return value


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_current(kind: str) -> None:
    """schemas/<kind>.schema.json equals what the models generate (run `make schemas`)."""
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_a_valid_schema(kind: str) -> None:
    """Each schema is itself a valid JSON Schema (draft 2020-12)."""
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text(kind)))


def shipped() -> list[Path]:
    """Every shipped inventory, data-center and scenario file."""
    return sorted(INVENTORIES.glob("*.yaml")) + sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", shipped(), ids=lambda p: p.name)
def test_schema_accepts_shipped_file(path: Path) -> None:
    """Every shipped file passes the schema of its kind, and names it on its first line."""
    raw = path.read_bytes()
    data = parse(path.name, raw).data
    assert isinstance(data, dict)
    kind = next(k for k, v in KINDS.items() if v == data["schema"])
    first_line = raw.decode().splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
    validator = jsonschema.Draft202012Validator(json.loads(schema_text(kind)))
    assert list(validator.iter_errors(plain_json(data))) == []


def test_schema_rejects_wrong_shapes() -> None:
    """The inventory schema catches an unknown key, a bad enum and a quoted vcpu."""
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("inventory")))
    data = parse("x.yaml", (INVENTORIES / "kota-jambi.yaml").read_bytes()).data
    assert isinstance(data, dict)
    doc = plain_json(data)
    assert isinstance(doc, dict)
    system = doc["systems"][0]
    system["ownr"] = "x"
    system["criticality"] = "tingi"
    system["resources"]["vcpu"] = "4"
    messages = sorted(e.message for e in validator.iter_errors(doc))
    assert len(messages) == 3
