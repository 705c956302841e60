"""Read every input file into the models, collecting each file's findings as values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from migrasi.core.findings import Finding
from migrasi.core.programme import DataCenterInput, Inputs, InventoryInput
from migrasi.loading.discover import discover, display
from migrasi.loading.locate import place
from migrasi.loading.yamlio import Parsed

if TYPE_CHECKING:
    from migrasi.loading.helper import Helper


@dataclass
class Loaded:
    """What the loading step gives the rest: the inputs, each file's parse, their findings."""

    inputs: Inputs
    parsed: dict[str, Parsed]
    findings: list[Finding] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    helper: Helper | None = None
    """The process that read some of the files and keeps their node trees, if any."""

    def release(self) -> None:
        """Let the helper go once every position has been asked: its node trees are memory
        the rest of the run (writing the plan) needs more."""
        if self.helper is not None:
            self.helper.close()
            self.helper = None

    def place(self, findings: Iterable[Finding]) -> list[Finding]:
        """Give every finding that has no position yet the position of its path in its file."""
        return place(findings, self.parsed, self.helper)


def load(paths: Sequence[Path]) -> Loaded:
    """Discover, read and check the shape of every file under ``paths`` (large inputs are read
    by two processes: see ``loading/helper.py``; what is loaded does not depend on it)."""
    from migrasi.loading.helper import read_all

    discovered = discover(paths)
    files = discovered.files
    reads, helper = read_all([(p, display(p), discovered.outside.get(display(p))) for p in files])
    inventories: list[InventoryInput] = []
    datacenters: list[DataCenterInput] = []
    parsed: dict[str, Parsed] = {}
    findings: list[Finding] = []
    hashes: dict[str, str] = {}
    read_inventory = False
    for read in reads:
        if read.parsed is not None:
            parsed[read.name] = read.parsed
        if read.sha256 is not None:
            hashes[read.name] = read.sha256
        findings.extend(read.findings)
        if read.inventory is not None:
            inventories.append(read.inventory)
        read_inventory = read_inventory or read.is_inventory
        if read.datacenter is not None:
            datacenters.append(read.datacenter)
    first = display(paths[0]) if paths else "."
    inputs = Inputs(tuple(inventories), tuple(datacenters), first, read_inventory)
    return Loaded(inputs, parsed, findings, hashes, [display(p) for p in files], helper)
