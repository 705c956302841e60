"""docs/reference.md: every field of the two input files, generated from their models.

The tables are read from the JSON Schemas that ``migrasi schema`` prints (which pydantic builds
from the models, their field rules and their docstrings), so the reference says what
validation does and cannot drift from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from migrasi.core.fieldtypes import LARGEST, PLACES
from migrasi.render.schemas import schema_dict

Schema = Mapping[str, Any]

_KINDS = (
    ("inventory", "Region inventory", "one file per region"),
    ("datacenter", "Data-center file", "exactly one"),
)


def markdown() -> str:
    """The whole reference, as Markdown."""
    out = [
        "<!-- Generated from src/migrasi/core/models.py by `make docs`: edit the models there. -->",
        "",
        "# Reference: the input files",
        "",
        "Every field of the two kinds of YAML file migrasi reads, as validation checks it. A",
        "field marked required is required inside its parent, when the parent is given. An",
        "optional field that is left out takes its default; a list or mapping left out is empty.",
        "",
        "- Numbers are read exactly, never through binary floating point; every number is at",
        f"  most {LARGEST:,} with at most {PLACES} digits after the decimal point. A number",
        '  written in quotes (`vcpu: "4"`) is an error, except where a field says a decimal may',
        '  be quoted (`discount_rate: "0.06"`).',
        "- Dates are written `YYYY-MM-DD`; booleans are `true` or `false` (`yes` and `no` are",
        "  text). Text fields take the value as written: `code: 15.10` is the text `15.10`.",
        "- Unknown keys are errors (E103), and so is a key written twice in one mapping (E003).",
        "",
        "[docs/codes.md](codes.md) lists the codes of every problem; `migrasi schema inventory`",
        "and `migrasi schema datacenter` print the same rules as JSON Schemas for editors.",
    ]
    for kind, title, count in _KINDS:
        schema: Schema = schema_dict(kind)
        name = schema["properties"]["schema"]["enum"][0]
        out += ["", f"## {title}", "", f"`schema: {name}`, {count}."]
        out += ["", "| field | type | required | default | rule | meaning |"]
        out += ["| --- | --- | --- | --- | --- | --- |"]
        out += [_row(*row) for row in _fields(schema, schema, "")]
    return "\n".join(out) + "\n"


def _fields(root: Schema, node: Schema, prefix: str) -> Iterator[tuple[str, Schema, bool]]:
    required = set(node.get("required", ()))
    for name, prop in node["properties"].items():
        path = f"{prefix}{name}"
        meaning = prop.get("description") or _value(root, prop).get("description", "")
        yield path, {**prop, "description": meaning}, name in required
        inner = _nested(root, prop)
        if inner is not None:
            yield from _fields(root, inner, f"{path}.")
        items = _value(root, prop).get("items")
        if items is not None and _nested(root, items) is not None:
            yield from _fields(root, _nested(root, items) or {}, f"{path}[].")


def _value(root: Schema, prop: Schema) -> Schema:
    """The schema of a value, ``null`` and ``$ref`` taken away."""
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) == 1:
            prop = {**prop, **options[0]}
            del prop["anyOf"]
    if "$ref" in prop:
        target = root["$defs"][prop["$ref"].rsplit("/", 1)[1]]
        prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _nested(root: Schema, prop: Schema) -> Schema | None:
    value = _value(root, prop)
    return value if "properties" in value else None


def _row(path: str, prop: Schema, required: bool) -> str:
    return (
        f"| `{path}` | {_type(prop)} | {'yes' if required else 'no'} | {_default(prop, required)}"
        f" | {_rule(prop)} | {_cell(' '.join(str(prop.get('description', '')).split()))} |"
    )


def _type(prop: Schema) -> str:
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) == 1:
            return _type(options[0])
        return "number (a decimal may be quoted)"  # the only union: a number, or one in quotes
    if "enum" in prop:
        return "choice"
    if "$ref" in prop or "properties" in prop:
        return "mapping"
    kind = prop.get("type")
    if kind == "array":
        items = prop.get("items") or {}
        return "list" if "$ref" in items else f"list of {_PLURAL.get(_type(items), 'text')}"
    if kind == "object":
        values: Schema = next(iter(prop.get("patternProperties", {}).values()), {})
        return f"mapping to {_type(values)}"
    if kind == "string":
        return "date" if prop.get("format") == "date" else "text"
    return {"integer": "whole number", "number": "number", "boolean": "boolean"}.get(
        str(kind), str(kind)
    )


_PLURAL = {"whole number": "whole numbers", "choice": "choices", "date": "dates"}


def _rule(prop: Schema) -> str:
    value = next((p for p in prop.get("anyOf", ()) if p.get("type") != "null"), prop)
    if value.get("type") == "array":
        value = value.get("items") or {}
    if value.get("type") == "object":
        keys = next(iter(value.get("patternProperties", {})), "")
        inner: Schema = next(iter(value.get("patternProperties", {}).values()), {})
        rule = _rule(inner)
        return f"keys match `{keys}`" + (f"; values {rule}" if rule else "")
    rules = []
    if "enum" in value:
        rules.append(", ".join(f"`{v}`" for v in value["enum"]))
    if "pattern" in value:
        rules.append(f"matches `{value['pattern']}`")
    elif value.get("minLength") and "enum" not in value:
        rules.append("not empty")
    if "maxLength" in value:
        rules.append(f"at most {value['maxLength']} characters")
    for key, op in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤")):
        if key in value and not (key == "minimum" and "exclusiveMinimum" in value):
            rules.append(f"{op} {value[key]}")
    if value.get("format") == "date":
        rules.append("`YYYY-MM-DD`")
    return _cell("; ".join(rules))


def _default(prop: Schema, required: bool) -> str:
    if required:
        return ""
    if "default" in prop:
        default = prop["default"]
        return "none" if default is None else f"`{json.dumps(default)}`".replace('"', "")
    return "empty"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
