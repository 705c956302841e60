"""Round trips: every shipped inventory survives export and import, in both languages, also
after LibreOffice Calc opened and saved the workbook (skipped where ``soffice`` is absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from migrasi.api_intake import import_workbook, inventory_text, template
from migrasi.core.models import Inventory
from migrasi.loading.yamlio import parse
from tests.conftest import INVENTORIES

SHIPPED = sorted(p for p in INVENTORIES.glob("*.yaml") if p.name != "datacenter.yaml")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def read(path: Path) -> Inventory:
    """The inventory at ``path`` as migrasi reads it (defaults applied)."""
    return Inventory.model_validate(parse(path.name, path.read_bytes()).data)


def exported(source: Path, folder: Path, lang: str) -> Path:
    """The workbook ``export`` writes for ``source``, saved in ``folder``."""
    made = template(source, lang)
    assert made.workbook is not None
    target = folder / f"{source.stem}-{lang}.xlsx"
    target.write_bytes(made.workbook)
    return target


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("source", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_import_of_export_is_the_inventory(source: Path, lang: str, tmp_path: Path) -> None:
    """import(export(x)) equals x in every value, and so does the YAML it writes, read back."""
    result = import_workbook(exported(source, tmp_path, lang), [INVENTORIES])
    assert not any(f.severity == "error" for f in result.findings)
    assert result.inventory == read(source)
    yaml_file = tmp_path / source.name
    yaml_file.write_text(inventory_text(result, "../schemas/inventory.schema.json"), "utf-8")
    assert read(yaml_file) == read(source)


def test_findings_match_validate(tmp_path: Path) -> None:
    """A workbook's warnings are validate's warnings for the same inventory, code for code."""
    from migrasi.api import validate

    checked = validate([INVENTORIES])
    for source in SHIPPED:
        result = import_workbook(exported(source, tmp_path, "id"), [INVENTORIES])
        mine = sorted((f.code, f.path) for f in result.findings)
        theirs = sorted((f.code, f.path) for f in checked.findings if f.file == source.as_posix())
        assert mine == theirs, source.name


def test_empty_template_skips_its_example_row(tmp_path: Path) -> None:
    """The empty template's only findings are the empty region fields: the example row is
    skipped."""
    path = tmp_path / "kosong.xlsx"
    made = template(None, "id")
    assert made.workbook is not None
    path.write_bytes(made.workbook)
    result = import_workbook(path, None)
    assert [(f.code, str(f.cell)) for f in result.findings] == [
        ("E101", f"Wilayah!B{row}") for row in range(2, 6)
    ]


def _soffice(args: list[str], folder: Path) -> None:
    profile = (folder / "profile").as_uri()
    command = [str(SOFFICE), "--headless", "--norestore", f"-env:UserInstallation={profile}"]
    subprocess.run([*command, *args], cwd=folder, check=True, capture_output=True, timeout=600)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_saves_what_import_reads(tmp_path: Path) -> None:
    """Every shipped inventory's workbook, opened and saved again by LibreOffice Calc, imports
    to the same inventory; the empty template keeps its findings and converts to PDF."""
    sources = tmp_path / "in"
    sources.mkdir()
    books = [exported(s, sources, "id") for s in SHIPPED]
    books.append(exported(SHIPPED[0], sources, "en"))
    empty = sources / "template.xlsx"
    made = template(None, "id")
    assert made.workbook is not None
    empty.write_bytes(made.workbook)
    saved = tmp_path / "saved"
    _soffice(["--convert-to", "xlsx", "--outdir", str(saved), *map(str, [*books, empty])], tmp_path)
    for book in books:
        source = INVENTORIES / f"{book.stem.rsplit('-', 1)[0]}.yaml"
        result = import_workbook(saved / book.name, [INVENTORIES])
        assert result.inventory == read(source), book.name
    before = import_workbook(empty, None).findings
    after = import_workbook(saved / empty.name, None).findings
    assert [(f.code, f.cell) for f in after] == [(f.code, f.cell) for f in before]
    _soffice(["--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(empty)], tmp_path)
    assert (tmp_path / "pdf" / "template.pdf").read_bytes().startswith(b"%PDF")
