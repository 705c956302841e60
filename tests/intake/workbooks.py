"""Workbooks for the tests of the spreadsheet route: a small region, exported and then edited.

``base()`` is the workbook ``migrasi export`` writes for ``BASE`` (two systems, one of which
depends on a system of the province); ``edited()`` opens it with openpyxl, applies an edit and
saves it again, as a person with a spreadsheet would. ``others()`` writes the files the
cross-file rules are checked against: the data-center file and the province's inventory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import DATACENTER

BASE = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - id: simpeg
    name: SIMPEG
    owner: BKPSDM
    criticality: tinggi
    classification: terbatas
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 4500000, per: month}
    resources: {vcpu: 4, ram_gb: 16, storage_gb: 500}
    migration: {strategy: rehost}
    depends_on: [prov-uji/sso]
  - id: website
    name: Website
    owner: Diskominfo
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: shared, location: indonesia}
    cost: {amount: 900000, per: month}
    resources: {vcpu: 2, ram_gb: 4, storage_gb: 50}
    migration: {strategy: rehost}
"""

PROVINCE = """\
schema: migrasi/inventory/v1
region: {id: prov-uji, code: "15", name: Provinsi Uji, kind: provinsi}
systems:
  - id: sso
    name: SSO
    owner: Diskominfo
    criticality: tinggi
    classification: terbatas
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 4500000, per: month}
    resources: {vcpu: 2, ram_gb: 4, storage_gb: 50}
    migration: {strategy: rehost}
"""

Edit = Callable[[Any], None]
"""Changes an openpyxl workbook in place."""


def others(folder: Path) -> Path:
    """A folder with the data-center file and the province's inventory."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (folder / "prov-uji.yaml").write_text(PROVINCE, encoding="utf-8")
    return folder


def base(folder: Path, lang: str = "id", inventory: str = BASE) -> bytes:
    """The workbook ``export`` writes for ``inventory``."""
    from migrasi import api_intake

    source = folder / "source" / "kota-uji.yaml"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(inventory, encoding="utf-8")
    made = api_intake.template(source, lang)
    assert made.workbook is not None, made.findings
    return made.workbook


def edited(raw: bytes, edit: Edit) -> bytes:
    """``raw`` opened with openpyxl, changed by ``edit`` and saved again."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(raw))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SYSTEMS_PART = "xl/worksheets/sheet3.xml"
"""The systems sheet inside the base workbook (after the instructions and the region)."""


def with_saved_values(raw: bytes, values: dict[str, str], part: str = SYSTEMS_PART) -> bytes:
    """``raw`` with the saved value (``<v>``) of each cell replaced by the given text, its
    formula kept: what Excel stores for a formula, or a number no person typed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                for cell, value in values.items():
                    pattern = rf'(<c r="{cell}"[^>/]*>)(<f>[^<]*</f>)?(?:<v>[^<]*</v>|<v\s*/>)?'
                    data = re.sub(pattern.encode(), rb"\1\2<v>" + value.encode() + b"</v>", data)
            target.writestr(info, data)
    return out.getvalue()
