"""The plan document: one model writes plan.json, describes it and reads it back strictly."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from migrasi.core.plandoc import PlanDoc, PlanShapeError, read_document
from migrasi.render.plan_json import plan_json
from migrasi.render.schemas import schema_dict
from tests.conftest import ROOT

SHIPPED = ROOT / "plans" / "current" / "plan.json"
BASE: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_read_back_writes_the_same_bytes() -> None:
    """A plan read back and written again is byte-identical: reader and writer agree."""
    doc = read_document(SHIPPED.read_bytes())
    assert plan_json(doc) == SHIPPED.read_text(encoding="utf-8")


def test_schema_is_generated_and_accepts_the_plan() -> None:
    """``migrasi schema plan`` comes from the model and accepts the committed plan."""
    schema = schema_dict("plan")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == "migrasi plan (migrasi/plan/v1)"
    jsonschema.Draft202012Validator(schema).validate(BASE)
    assert set(schema["properties"]) == {  # type: ignore[call-overload]
        f.alias or name for name, f in PlanDoc.model_fields.items()
    }


def _broken(change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    change(doc)
    return doc


BROKEN = {
    "a year missing": (
        lambda d: d["systems"][3]["money"]["by_year"].pop("2028"),
        r"systems\[3\]\.money\.by_year: not the years of totals\.by_year",
    ),
    "money as null": (
        lambda d: d["systems"][0]["money"].__setitem__("npv", None),
        r"systems\[0\]\.money\.npv: expected a whole number",
    ),
    "money as text": (
        lambda d: d["totals"].__setitem__("net_savings", "12"),
        r"totals\.net_savings: expected a whole number",
    ),
    "a fraction of a Rupiah": (
        lambda d: d["systems"][1]["money"]["by_year"].__setitem__("2027", 10.5),
        r"systems\[1\]\.money\.by_year\.2027: expected a whole number",
    ),
    "owner missing": (
        lambda d: d["systems"][2].pop("owner"),
        r"systems\[2\]\.owner: expected a value",
    ),
    "an unknown status": (
        lambda d: d["systems"][2].__setitem__("status", "maybe"),
        r"systems\[2\]\.status: expected one of",
    ),
    "5,000 digits": (
        lambda d: d["totals"].__setitem__("npv", 10**4999),
        r"not valid JSON \(number out of range|totals\.npv",
    ),
    "a wave naming no system": (
        lambda d: d["waves"][0]["systems"].append("kota-jambi/none"),
        r"waves\[0\]\.systems: names no system of the plan",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_bad_field_is_named(name: str) -> None:
    """Each kind of damage is refused with the path of the first bad field."""
    change, pattern = BROKEN[name]
    data = _broken(change)
    text = json.dumps(data) if name != "5,000 digits" else _big(data)
    with pytest.raises(PlanShapeError, match=pattern):
        read_document(text)


def _big(data: dict[str, Any]) -> str:
    import sys

    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.dumps(data)
    finally:
        sys.set_int_max_str_digits(limit)


def test_lone_surrogate_is_refused() -> None:
    """A lone surrogate escape in a name is not valid text: refused, never printed."""
    text = SHIPPED.read_text(encoding="utf-8").replace('"owner": "BKPSDM"', '"owner": "\\ud800"', 1)
    with pytest.raises(PlanShapeError, match="not valid JSON"):
        read_document(text)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_commands_reading_a_plan_exit_2(cli: Any, tmp_path: Path, name: str) -> None:
    """savings --plan and diff on a damaged plan exit 2 with the path, never a traceback."""
    change, _ = BROKEN[name]
    data = _broken(change)
    bad = tmp_path / "plan.json"
    bad.write_text(json.dumps(data) if name != "5,000 digits" else _big(data), encoding="utf-8")
    for args in (("savings", "--plan", str(bad)), ("diff", str(SHIPPED), str(bad))):
        result = cli(*args)
        assert result.code == 2, (args, result.err)
        assert "not a readable plan" in result.err and "Traceback" not in result.err
