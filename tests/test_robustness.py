"""Property tests: no bytes and no YAML make ``validate`` raise or hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrasi.api import validate
from migrasi.loading.yamlio import parse
from tests.conftest import DATACENTER, INVENTORY

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    """Any bytes parse into data or into findings with a place."""
    parsed = parse("f.yaml", raw)
    for f in parsed.findings:
        assert f.code.startswith("E")
        assert f.line is not None and f.line >= 1


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.sampled_from(["yes", "no", "~", "1e3", "15.10", "2027-02-30", ".inf", "0x1F", "-", "*a"]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=25,
)


def dump(value: object, indent: int = 0) -> str:
    """A rough YAML writer for generated values (flow style, quoted text)."""
    import json

    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {dump(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["region", "systems", "schema", "x"]), yaml_values))
def test_arbitrary_inventory_shapes_never_raise(tmp_path: Path, doc: dict[str, object]) -> None:
    """Any mapping under the inventory schema gives findings, never an exception."""
    doc["schema"] = "migrasi/inventory/v1"
    (tmp_path / "dc.yaml").write_text(DATACENTER, encoding="utf-8")
    (tmp_path / "inv.yaml").write_text(dump(doc) + "\n", encoding="utf-8")
    result = validate([tmp_path])
    assert all(f.code[0] in "EW" for f in result.findings)


field_lines = INVENTORY.splitlines()


@SETTINGS
@given(
    st.integers(min_value=0, max_value=len(field_lines) - 1),
    st.sampled_from(["", "null", "[]", "{}", '"4"', "yes", "-1", "2027-13-01", "x" * 300, "*a"]),
)
def test_mutated_inventory_never_raises(tmp_path: Path, index: int, replacement: str) -> None:
    """Replacing any value of a valid inventory gives findings with places, never an exception."""
    lines = list(field_lines)
    line = lines[index]
    if ":" in line:
        key, _, _ = line.partition(":")
        lines[index] = f"{key}: {replacement}"
    (tmp_path / "dc.yaml").write_text(DATACENTER, encoding="utf-8")
    (tmp_path / "inv.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate([tmp_path])
    for f in result.findings:
        assert f.line is not None, f
