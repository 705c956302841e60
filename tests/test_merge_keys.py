"""YAML merge keys (``<<: *anchor``) read as PyYAML reads them, with findings at the anchor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from migrasi.loading.yamlio import parse
from tests.conftest import DATACENTER

MERGES = """\
base: &base {a: 1, b: 2, c: 3}
more: &more {c: 30, d: 40}
own:
  <<: *base
  b: 20
many:
  <<: [*more, *base]
  a: 10
inline:
  <<: {x: 1}
  y: 2
nested:
  <<: {<<: *base, e: 5}
empty:
  <<: []
  z: 0
"""


def test_merge_keys_give_what_pyyaml_gives() -> None:
    """Own keys win over merged ones, and in a list of aliases the first mapping wins."""
    data = parse("f.yaml", MERGES.encode()).data
    assert data == yaml.safe_load(MERGES)
    assert isinstance(data, dict)
    assert data["own"] == {"a": 1, "b": 20, "c": 3}
    assert data["many"] == {"a": 10, "b": 2, "c": 30, "d": 40}
    assert parse("f.yaml", MERGES.encode()).findings == []


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    """``"<<"`` is the text key ``<<``, as in PyYAML; it merges nothing."""
    data = parse("f.yaml", b'base: &b {a: 1}\nx: {"<<": *b, c: 2}\n').data
    assert isinstance(data, dict)
    assert data["x"] == {"<<": {"a": 1}, "c": 2}


@pytest.mark.parametrize("value", ["1", "[1, 2]", "[{a: 1}, 2]", "null"])
def test_a_merge_of_anything_but_mappings_is_e001(value: str) -> None:
    """PyYAML refuses to merge a scalar or a list holding one; so does migrasi, at that value."""
    doc = parse("f.yaml", f"x:\n  <<: {value}\n".encode())
    assert [(f.code, f.line, f.column) for f in doc.findings] == [("E001", 2, 7)]
    assert "'<<'" in str(doc.findings[0].args["problem"])


def test_a_second_merge_key_is_e003() -> None:
    """A mapping takes one merge key; a second is a repeated key and is not used."""
    doc = parse("f.yaml", b"x:\n  <<: {a: 1}\n  <<: {b: 2}\n")
    assert [(f.code, f.line, f.column) for f in doc.findings] == [("E003", 3, 3)]
    assert doc.data == {"x": {"a": 1}}


def test_an_alias_bomb_through_merge_keys_is_e005() -> None:
    """Merges count towards the alias limit like any alias."""
    lines = ["a0: &a0 {k: v}"]
    for i in range(1, 8):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} {{{', '.join(f'k{j}: {{<<: {prev}}}' for j in range(10))}}}")
    doc = parse("f.yaml", "\n".join(lines).encode())
    assert [f.code for f in doc.findings] == ["E005"]


SYSTEM = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - &vps
    id: simpeg
    name: SIMPEG
    owner: BKPSDM
    criticality: {criticality}
    classification: terbatas
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 4500000, per: month}
    resources: {vcpu: 4, ram_gb: 16, storage_gb: 500}
    migration: {strategy: rehost}
  - <<: *vps
    id: sipd
    name: SIPD
"""


def _validate(cli: Any, folder: Path, criticality: str) -> tuple[int, list[dict[str, Any]]]:
    (folder / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (folder / "kota-uji.yaml").write_text(SYSTEM.replace("{criticality}", criticality))
    result = cli("validate", str(folder), "--format", "json", "--lang", "en")
    return result.code, json.loads(result.out)


def test_merged_systems_validate(cli: Any, tmp_path: Path) -> None:
    """A system written as ``<<: *other`` plus its own id and name is a valid system."""
    code, findings = _validate(cli, tmp_path, "tinggi")
    assert code == 0, findings
    assert all(f["code"] != "E103" for f in findings)


def test_a_finding_about_a_merged_value_points_where_it_was_written(
    cli: Any, tmp_path: Path
) -> None:
    """The wrong criticality the second system merges is reported at the anchored mapping's line."""
    code, findings = _validate(cli, tmp_path, "sedang")
    assert code == 1
    places = {(f["path"], f["line"], f["column"]) for f in findings if f["code"] == "E102"}
    assert places == {("systems[0].criticality", 8, 18), ("systems[1].criticality", 8, 18)}
