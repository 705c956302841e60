"""Read one input file on its own: its bytes, its parse, its shape check, and their findings."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from migrasi.core.findings import Finding
from migrasi.core.local_rules import datacenter_rules, ref_rules, system_rules
from migrasi.core.models import (
    DATACENTER_SCHEMA,
    SCENARIO_SCHEMA,
    DataCenter,
    Inventory,
    Region,
    System,
)
from migrasi.core.programme import DataCenterInput, InventoryInput
from migrasi.core.salvage import PartialSystem, salvage_system
from migrasi.core.scenario import check_scenario
from migrasi.core.shape import check_part, check_shape, schema_of
from migrasi.core.text import canonical
from migrasi.core.values import source_text
from migrasi.loading.discover import display
from migrasi.loading.yamlio import MAX_BYTES, Parsed, parse


def read_bytes(path: Path) -> bytes | Finding:
    """Read at most one byte more than the size limit, or an E002 finding when it cannot be read."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return Finding(
                "E002", display(path), args={"why": "unreadable", "reason": "not a regular file"},
                line=1, column=1,
            )  # fmt: skip
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Finding(
            "E002", display(path), args={"why": "unreadable", "reason": reason}, line=1, column=1
        )


def _outside(name: str, target: str) -> Finding:
    return Finding("E002", name, args={"why": "outside", "target": target}, line=1, column=1)


@dataclass
class FileRead:
    """One input file read on its own: its parse, its findings, and what of it is usable."""

    name: str
    parsed: Parsed | None = None
    """None when the file could not be read."""
    sha256: str | None = None
    findings: list[Finding] = field(default_factory=list)
    inventory: InventoryInput | None = None
    datacenter: DataCenterInput | None = None
    is_inventory: bool = False
    """Whether the file was read as a region inventory (its shape named no other schema)."""


def read_file(path: Path, name: str, outside: str | None = None) -> FileRead:
    """Read, parse and shape-check one file (``outside``: the target of a link not to follow)."""
    import hashlib

    raw = read_bytes(path) if outside is None else _outside(name, outside)
    if isinstance(raw, Finding):
        return FileRead(name, None, None, [raw], _unread(name))
    read = FileRead(name, sha256=hashlib.sha256(raw).hexdigest())
    doc = read.parsed = parse(name, raw)
    read.findings.extend(doc.findings)
    if doc.root is None:
        read.inventory = _unread(name)
        return read
    schema, problem = schema_of(name, doc.data)
    if problem is not None:
        read.findings.append(problem)
        read.inventory = _unread(name)
        return read
    if schema == SCENARIO_SCHEMA:  # checked on its own, never applied (scenarios.md)
        read.findings.extend(check_scenario(name, doc.data)[1])
        return read
    if schema == DATACENTER_SCHEMA:
        dc, errors = check_shape(name, DataCenter, doc.data)
        read.findings.extend(errors)
        problems = datacenter_rules(name, dc) if dc is not None else []
        read.findings.extend(problems)
        usable = dc if dc is not None and not problems else None
        read.datacenter = DataCenterInput(name, usable)
        return read
    read.inventory, errors = inventory_input(name, doc.data)
    read.findings.extend(errors)
    read.is_inventory = True
    return read


def _unread(name: str) -> InventoryInput:
    return InventoryInput(name, None, None, (), (), False)


def inventory_input(name: str, data: object) -> tuple[InventoryInput, list[Finding]]:
    """One region file's data checked on its own: what of it is usable, and its findings."""
    model, errors = check_shape(name, Inventory, data)
    if model is not None:
        systems = tuple(enumerate(model.systems))
        ids = tuple((i, s.id) for i, s in systems)
        region: Region | None = model.region
        complete = True
        partial: tuple[PartialSystem, ...] = ()
    else:
        region, systems, ids, partial = _salvage(data)
        complete = False
    for index, system in systems:
        errors.extend(system_rules(name, index, system))
    for part in partial:
        errors.extend(ref_rules(name, part.index, part.depends_on, part.move_with))
    region_id = region.id if region is not None else _raw_region_id(data)
    return InventoryInput(name, region, region_id, systems, ids, complete, partial), errors


def _salvage(
    data: object,
) -> tuple[
    Region | None,
    tuple[tuple[int, System], ...],
    tuple[tuple[int, str], ...],
    tuple[PartialSystem, ...],
]:
    """Keep what is valid of a file that failed its shape check, for the cross-file checks:
    the systems that are valid whole, every id, and the valid parts of the other systems."""
    assert isinstance(data, dict)
    region = check_part(Region, data.get("region"))
    raw_systems = data.get("systems")
    systems: list[tuple[int, System]] = []
    ids: list[tuple[int, str]] = []
    partial: list[PartialSystem] = []
    if isinstance(raw_systems, list):
        for index, raw in enumerate(raw_systems):
            system = check_part(System, raw)
            if system is not None:
                systems.append((index, system))
                ids.append((index, system.id))
                continue
            if isinstance(raw, dict) and source_text(raw.get("id")) is not None:
                ids.append((index, canonical(str(source_text(raw.get("id"))))))
            part = salvage_system(index, raw)
            if part is not None:
                partial.append(part)
    return region, tuple(systems), tuple(ids), tuple(partial)


def _raw_region_id(data: object) -> str | None:
    if isinstance(data, dict):
        region = data.get("region")
        if isinstance(region, dict):
            found = source_text(region.get("id"))
            return canonical(found) if found is not None else None
    return None
