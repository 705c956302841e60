"""The spreadsheet route's use cases: a workbook from an inventory, an inventory from a workbook.

It sits beside ``api.py`` (as ``api_diff.py`` does). Nothing here prints or writes files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from migrasi.core.errors import UsageError
from migrasi.core.findings import Finding, sorted_findings, tally
from migrasi.core.models import INVENTORY_SCHEMA, Inventory
from migrasi.core.programme import Inputs, InventoryInput


class NotAnInventory(UsageError):
    """``export`` was given a file that is not a region inventory (exit 2)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def __str__(self) -> str:
        return f"not a region inventory ({INVENTORY_SCHEMA}): {self.path}"


@dataclass
class Exported:
    """A workbook, or the findings of the inventory that stop it (``workbook`` None)."""

    workbook: bytes | None
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def template(source: Path | None, lang: str) -> Exported:
    """The workbook to fill in: empty, or holding the inventory ``source`` when it has no
    error of its own (the checks across files do not concern a workbook)."""
    from migrasi.loading.documents import load
    from migrasi.loading.locate import place
    from migrasi.render.intake_xlsx import workbook

    if source is None:
        return Exported(workbook(None, lang))
    if source.is_dir():
        raise NotAnInventory(source.as_posix())
    loaded = load([source])
    findings = sorted_findings(place(loaded.findings, loaded.parsed))
    sources = {name: doc.text for name, doc in loaded.parsed.items()}
    if tally(findings, "error"):
        return Exported(None, findings, sources)
    doc = loaded.parsed.get(loaded.files[0]) if loaded.files else None
    if doc is None or not isinstance(doc.data, dict) or doc.data.get("schema") != INVENTORY_SCHEMA:
        raise NotAnInventory(source.as_posix())
    model = Inventory.model_validate(doc.data)
    return Exported(workbook(model, lang), findings, sources)


@dataclass
class Imported:
    """What ``import`` found: the findings, the inventory (None while an error stands) and the
    workbook's bytes when it could be read (for ``--annotate``)."""

    file: str
    findings: list[Finding]
    inventory: Inventory | None = None
    raw: bytes | None = None

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return tally(self.findings, "error")

    @property
    def warnings(self) -> int:
        """How many warnings were found."""
        return tally(self.findings, "warning")


def import_workbook(path: Path, others: Sequence[Path] | None) -> Imported:
    """Read the workbook at ``path`` and check it like a YAML inventory, the rules across
    files against the inventories under ``others`` (None: the workbook alone)."""
    from migrasi.core.errors import MissingPath
    from migrasi.core.shape import check_shape
    from migrasi.loading.discover import display
    from migrasi.loading.reading import inventory_input, read_bytes
    from migrasi.loading.xlsx_cells import read_workbook
    from migrasi.loading.xlsx_guard import guard
    from migrasi.loading.xlsx_intake import intake, place

    if not path.exists():
        raise MissingPath(path.as_posix())
    name = display(path)
    raw = read_bytes(path)
    if isinstance(raw, Finding):
        return Imported(name, [raw])
    refused = guard(name, raw)
    if refused is not None:
        return Imported(name, [refused])
    book = read_workbook(name, raw)
    if isinstance(book, Finding):
        return Imported(name, [book])
    if book.findings:
        return Imported(name, sorted_findings(book.findings))
    sheets = intake(name, book)
    own, errors = inventory_input(name, sheets.data)
    checked = _across(own, others)
    found = [*sheets.findings, *place([*errors, *checked], sheets)]
    findings = sorted_findings(f for f in found if f.severity != "accepted")
    model = None
    if not tally(findings, "error"):
        model, _ = check_shape(name, Inventory, sheets.data)
    return Imported(name, findings, model, raw)


def _across(own: InventoryInput, others: Sequence[Path] | None) -> list[Finding]:
    """The checks across files of the workbook's inventory among the others (the file of the
    same region left out), keeping the workbook's own findings."""
    from migrasi.core.checks import check
    from migrasi.loading.documents import load

    if others is not None:
        loaded = load(others).inputs
        kept = [i for i in loaded.inventories if i.region_id != own.region_id or not own.region_id]
        inputs = Inputs((*kept, own), loaded.datacenters, own.file)
    else:
        # Without other files, refs to other regions cannot be judged: a region-less input
        # puts the checks in the mode that leaves refs to unknown regions alone.
        unknown = InventoryInput("", None, None, (), (), False)
        inputs = Inputs((unknown, own), (), own.file)
    return [f for f in check(inputs).findings if f.file == own.file and f.code != "E205"]


def inventory_text(imported: Imported, schema_ref: str) -> str:
    """The imported inventory as YAML."""
    from migrasi.render.inventory_yaml import inventory_yaml

    assert imported.inventory is not None
    return inventory_yaml(imported.inventory, schema_ref)


def annotated(imported: Imported, lang: str) -> bytes | None:
    """The workbook with every finding as a comment on its cell, or None when it could not
    be read (refused or damaged)."""
    from migrasi.loading.xlsx_cells import BROKEN
    from migrasi.loading.xlsx_guard import expanded_size
    from migrasi.render.xlsx_annotate import annotated as annotate

    if imported.raw is None or expanded_size(imported.raw) > ANNOTATE_MAX:
        return None
    try:
        return annotate(imported.raw, imported.findings, lang)
    except BROKEN:
        return None


ANNOTATE_MAX = 16 * 1024 * 1024
"""Workbooks larger than this expanded are not annotated: openpyxl builds every cell of every
sheet in memory to write the copy (a choice where the spec is silent; real forms are far
smaller)."""
