"""JSON Schemas of the file kinds, generated from the models."""

from __future__ import annotations

import json

from pydantic import BaseModel

from migrasi.core.models import DataCenter, Inventory

_MODELS: dict[str, type[BaseModel]] = {"inventory": Inventory, "datacenter": DataCenter}
TITLES = {
    "inventory": "migrasi region inventory (migrasi/inventory/v1)",
    "datacenter": "migrasi data-center file (migrasi/datacenter/v1)",
}


def nullable(schema: dict[str, object]) -> dict[str, object]:
    """``schema`` or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def _plan_schema() -> dict[str, object]:
    """The JSON Schema of plan.json (outputs.md), written out by hand."""
    money: dict[str, object] = {"type": "integer"}
    dec4: dict[str, object] = {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{4}$"}
    day: dict[str, object] = {"type": "string", "format": "date"}
    month: dict[str, object] = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}$"}
    years: dict[str, object] = {
        "type": "object",
        "patternProperties": {"^[0-9]{4}$": money},
        "additionalProperties": False,
    }
    finding = {
        "type": "object",
        "required": ["file", "line", "column", "severity", "code", "path", "message"],
        "properties": {
            "file": nullable({"type": "string"}),
            "line": nullable({"type": "integer"}),
            "column": nullable({"type": "integer"}),
            "severity": {"enum": ["error", "warning", "accepted"]},
            "code": {"type": "string", "pattern": "^[EW][0-9]{3}$"},
            "path": {"type": "string"},
            "message": {"type": "string"},
            "reason": {"type": "string"},
        },
    }
    blocked = {
        "type": "object",
        "required": ["wave", "reason"],
        "properties": {
            "wave": {"type": "integer", "minimum": 1},
            "reason": {
                "enum": [
                    "pin",
                    "not_before",
                    "freeze",
                    "pilot",
                    "group",
                    "dependency",
                    "pilot_full",
                    "critical",
                    "team_days",
                    "transfer_hours",
                    "capacity",
                    "npv",
                ]
            },
            "ref": {"type": "string"},
            "dimension": {"enum": ["vcpu", "ram_gb", "storage_gb"]},
        },
        "additionalProperties": False,
    }
    system_money = {
        "type": "object",
        "required": [
            "external_monthly",
            "internal_monthly",
            "monthly_saving",
            "one_time",
            "termination_fee",
            "baseline",
            "first_saving_month",
            "by_year",
            "net_savings",
            "npv",
            "kept_in_jambi",
        ],
        "properties": {
            "external_monthly": money,
            "internal_monthly": money,
            "monthly_saving": money,
            "one_time": money,
            "termination_fee": money,
            "baseline": money,
            "first_saving_month": nullable(month),
            "by_year": years,
            "net_savings": money,
            "npv": money,
            "kept_in_jambi": money,
        },
        "additionalProperties": False,
    }
    system = {
        "type": "object",
        "required": [
            "ref",
            "region",
            "owner",
            "status",
            "strategy",
            "wave",
            "cutover",
            "group",
            "deadline",
            "late",
            "end_early",
            "blocked_by",
            "money",
        ],
        "properties": {
            "ref": {"type": "string"},
            "region": {"type": "string"},
            "owner": {"type": "string"},
            "status": {"enum": ["scheduled", "retained", "unscheduled"]},
            "strategy": {"type": "string"},
            "wave": nullable({"type": "integer"}),
            "cutover": nullable(day),
            "group": nullable({"type": "string"}),
            "deadline": nullable(day),
            "late": {"type": "boolean"},
            "end_early": {"type": "boolean"},
            "blocked_by": {"type": "array", "items": blocked},
            "money": system_money,
        },
        "additionalProperties": False,
    }
    wave = {
        "type": "object",
        "required": ["wave", "start", "cutover", "open", "pilot", "systems", "load"],
        "properties": {
            "wave": {"type": "integer", "minimum": 1},
            "start": day,
            "cutover": day,
            "open": {"type": "boolean"},
            "pilot": {"type": "boolean"},
            "systems": {"type": "array", "items": {"type": "string"}},
            "load": {
                "type": "object",
                "required": [
                    "systems",
                    "critical",
                    "effort_days",
                    "transfer_hours",
                    "vcpu",
                    "ram_gb",
                    "storage_gb",
                ],
                "properties": {
                    "systems": {"type": "integer"},
                    "critical": {"type": "integer"},
                    "effort_days": dec4,
                    "transfer_hours": dec4,
                    "vcpu": {"anyOf": [{"type": "integer"}, dec4]},
                    "ram_gb": dec4,
                    "storage_gb": dec4,
                },
            },
        },
    }
    region_totals = {
        "type": "object",
        "required": ["baseline", "net_savings", "npv", "kept_in_jambi"],
        "properties": dict.fromkeys(("baseline", "net_savings", "npv", "kept_in_jambi"), money),
    }
    totals = {
        "type": "object",
        "required": [
            "baseline",
            "net_savings",
            "npv",
            "one_time",
            "termination_fees",
            "kept_in_jambi",
            "payback_month",
            "by_year",
            "dc_running_cost_by_year",
            "by_region",
        ],
        "properties": {
            "baseline": money,
            "net_savings": money,
            "npv": money,
            "one_time": money,
            "termination_fees": money,
            "kept_in_jambi": money,
            "payback_month": nullable(month),
            "by_year": years,
            "dc_running_cost_by_year": years,
            "by_region": {"type": "object", "additionalProperties": region_totals},
        },
    }
    return {
        "type": "object",
        "required": ["schema", "mode", "inputs", "waves", "groups", "systems", "totals",
                     "bound", "diagnostics"],
        "properties": {
            "schema": {"const": "migrasi/plan/v1"},
            "mode": {"enum": ["heuristic", "exact"]},
            "inputs": {"type": "array", "items": {
                "type": "object", "required": ["file", "sha256"],
                "properties": {"file": {"type": "string"},
                               "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}},
            "waves": {"type": "array", "items": wave},
            "groups": {"type": "array", "items": {
                "type": "object", "required": ["id", "systems"],
                "properties": {"id": {"type": "string"},
                               "systems": {"type": "array", "items": {"type": "string"},
                                           "minItems": 2}}}},
            "systems": {"type": "array", "items": system},
            "totals": totals,
            "bound": {"type": "object", "required": ["npv", "gap"],
                      "properties": {"npv": money, "gap": dec4}},
            "diagnostics": {"type": "array", "items": finding},
            "proven": {"type": "object", "required": ["npv", "gap", "optimal"],
                       "properties": {"npv": money, "gap": dec4, "optimal": {"type": "boolean"},
                                      "relaxed_npv": nullable(money)}},
            "monthly": {"type": "object"},
            "assumptions": {"type": "object"},
            "regions": {"type": "object"},
        },
    }  # fmt: skip


def schema_dict(kind: str) -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of ``kind``, as a dict."""
    if kind == "plan":
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://migrasi.jambiprov.go.id/schema/plan.schema.json",
            "title": "migrasi plan (migrasi/plan/v1)",
            **_plan_schema(),
        }
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
