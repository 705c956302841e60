"""A region inventory as YAML, the way the shipped inventories are written.

Keys in the models' order, every value as migrasi reads it back (the round trip of ``import``
is tested through migrasi's own loader): numbers as exact decimals, days as ``YYYY-MM-DD``,
text plain when no YAML reader could take it for anything else, otherwise double-quoted with
every character that YAML does not print (or that would fold or hide: line and paragraph
separators, bidi controls, the BOM) escaped. Empty optional values are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from migrasi.core.models import Inventory

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_ ./()'-]*")
_FLOW_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_./-]*")
_SPECIAL = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false", "null"))
"""Words YAML 1.1 readers take for booleans and null, in any letter case: always quoted."""
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(ch: str) -> str:
    code = ord(ch)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
        or 0xD800 <= code <= 0xDFFF
    ):
        return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"
    return ch


def scalar_text(value: str, *, flow: bool = False) -> str:
    """Text as a YAML scalar: plain when safe, else double-quoted with escapes."""
    plain = (_FLOW_PLAIN if flow else _PLAIN).fullmatch(value)
    if plain and value == value.strip() and value.lower() not in _SPECIAL:
        return value
    return '"' + "".join(_escaped(ch) for ch in value) + '"'


def _scalar(value: object, *, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return date(value.year, value.month, value.day).isoformat()
    return scalar_text(str(value), flow=flow)


def _empty(value: object) -> bool:
    return value is None or value in ([], {})


def _mapping(data: Mapping[str, object], indent: str, out: list[str], first: str = "") -> None:
    """Block mapping lines; ``first`` replaces the indent of the first line (``"  - "``)."""
    lead = first or indent
    for key, value in data.items():
        if _empty(value):
            continue
        if isinstance(value, Mapping):
            out.append(f"{lead}{key}:")
            _mapping(value, indent + "  ", out)
        elif isinstance(value, list):
            items = ", ".join(_scalar(v, flow=True) for v in value)
            out.append(f"{lead}{key}: [{items}]")
        else:
            out.append(f"{lead}{key}: {_scalar(value)}")
        lead = indent


def inventory_yaml(inventory: Inventory, schema_ref: str) -> str:
    """The inventory's YAML text, starting with the ``yaml-language-server`` schema line."""
    data = inventory.model_dump(by_alias=True)
    out = [f"# yaml-language-server: $schema={schema_ref}", f"schema: {data['schema']}", "region:"]
    _mapping(data["region"], "  ", out)
    systems = data["systems"]
    if not systems:
        out.append("systems: []")
    else:
        out.append("systems:")
        for system in systems:
            _mapping(system, "    ", out, first="  - ")
    return "".join(line + "\n" for line in out)
