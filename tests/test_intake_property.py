"""Property tests of the round trip on generated inventories: import(export(x)) is x, and a
workbook typed the ways people type (numbers and booleans as text, spaces, comment and empty
rows, hidden rows) imports to the same inventory, whose workbook has the same cells."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from migrasi.api_intake import import_workbook, inventory_text
from migrasi.core.codes import CODES
from migrasi.core.columns import BOOLEAN, DATE, ENUM, INTEGER, LIST, NUMBER, system_columns
from migrasi.core.findings import column_letters
from migrasi.core.models import (
    CLASSIFICATIONS,
    CRITICALITIES,
    HOSTING_TYPES,
    KINDS,
    LOCATIONS,
    STRATEGIES,
    Inventory,
)
from migrasi.core.text import canonical
from migrasi.loading.yamlio import parse
from migrasi.render.intake_xlsx import FIRST_ROW, workbook

SLUG = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
TWO_ESCAPES = re.compile(r"_x[0-9A-Fa-f]{4}_x[0-9A-Fa-f]{4}_")
"""Text spelling two workbook escapes in a row is the one text xlsxwriter does not carry."""
FREE = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30).filter(
    lambda t: bool(canonical(t).strip()) and not TWO_ESCAPES.search(t)
)
AMOUNT = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(0, 10**17),
    st.integers(0, 6),
).filter(lambda d: d <= 10**15)
DAY = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))
OTHER_REF = st.builds(lambda r, s: f"lain-{r}/{s}", SLUG, SLUG)
"""Refs to a region the workbook is checked without: not judged, so always accepted."""


@st.composite
def system(draw: Any, sid: str) -> dict[str, Any]:
    """One valid system with every optional field drawn or left out."""
    strategy = draw(st.sampled_from(STRATEGIES))
    moved = strategy not in ("retire", "retain")
    optional = st.one_of(st.none(), AMOUNT)
    first, second = sorted(draw(st.lists(DAY, min_size=2, max_size=2)))
    s: dict[str, Any] = {
        "id": sid,
        "name": draw(FREE),
        "owner": draw(FREE),
        "service": draw(st.sampled_from(("administrasi", "publik"))),
        "criticality": draw(st.sampled_from(CRITICALITIES)),
        "classification": draw(st.sampled_from(CLASSIFICATIONS)),
        "personal_data": draw(st.booleans()),
        "hosting": {
            "provider": draw(FREE),
            "type": draw(st.sampled_from(HOSTING_TYPES)),
            "location": draw(st.sampled_from(LOCATIONS)),
        },
        "cost": {
            "amount": draw(AMOUNT),
            "per": draw(st.sampled_from(("month", "year"))),
            "currency": draw(st.from_regex(r"[A-Z]{3}", fullmatch=True)),
            "contract_end": draw(st.one_of(st.none(), DAY)),
            "termination_fee": draw(optional),
        },
        "migration": {
            "strategy": strategy,
            "effort_days": draw(optional),
            "data_gb": draw(optional),
            "wave": draw(st.one_of(st.none(), st.integers(1, 10**6))),
            "not_before": draw(st.sampled_from((None, first))),
            "not_after": draw(st.sampled_from((None, second))),
            "freeze_months": draw(st.lists(st.integers(1, 12), unique=True, max_size=4)),
        },
        "depends_on": draw(st.lists(OTHER_REF, unique=True, max_size=3)),
        "move_with": draw(st.lists(OTHER_REF, unique=True, max_size=2)),
        "accepted_warnings": draw(
            st.dictionaries(
                st.sampled_from([c for c in sorted(CODES) if c.startswith("W")]), FREE, max_size=3
            )
        ),
        "notes": draw(st.one_of(st.none(), FREE)),
    }
    if moved or draw(st.booleans()):
        s["resources"] = {"vcpu": draw(st.integers(1, 10**6)), "ram_gb": draw(AMOUNT),
                          "storage_gb": draw(AMOUNT)}  # fmt: skip
    return s


@st.composite
def inventories(draw: Any) -> Inventory:
    """A valid region inventory of up to four systems."""
    ids = draw(st.lists(SLUG, unique=True, max_size=4))
    return Inventory.model_validate({
        "schema": "migrasi/inventory/v1",
        "region": {
            "id": draw(SLUG),
            "code": draw(st.from_regex(r"15(\.[0-9]{2})?", fullmatch=True)),
            "name": draw(FREE),
            "kind": draw(st.sampled_from(KINDS)),
            "bps_code": draw(st.one_of(st.none(), st.from_regex(r"15([0-9]{2})?", fullmatch=True))),
        },
        "systems": [draw(system(sid)) for sid in ids],
    })  # fmt: skip


def cells(raw: bytes) -> dict[tuple[str, str], tuple[object, str]]:
    """Every filled cell of a workbook, by sheet and reference: its value and type."""
    wb = load_workbook(io.BytesIO(raw))
    return {
        (ws.title, cell.coordinate): (cell.value, cell.data_type)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    }


def imported(raw: bytes, folder: Path) -> Inventory:
    """The inventory ``import`` reads from ``raw``, which it must accept."""
    path = folder / "w.xlsx"
    path.write_bytes(raw)
    result = import_workbook(path, None)
    assert not any(f.severity == "error" for f in result.findings), result.findings
    assert result.inventory is not None
    return result.inventory


SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])  # fmt: skip


@SETTINGS
@given(inventory=inventories(), lang=st.sampled_from(("id", "en")))
def test_import_of_export_is_the_inventory(inventory: Inventory, lang: str, tmp_path: Path) -> None:
    """import(export(x)) equals x, and so does its YAML read back by migrasi's loader."""
    back = imported(workbook(inventory, lang), tmp_path)
    assert back == inventory
    text = inventory_text(import_workbook(tmp_path / "w.xlsx", None), "s.json")
    assert Inventory.model_validate(parse("x.yaml", text.encode()).data) == inventory


def _retyped(cell: Any, kind: str, item: str, style: int) -> None:
    """Type the value of ``cell`` another way a person would, meaning the same."""
    value = cell.value
    if value is None:
        return
    if kind in (NUMBER, INTEGER) and not isinstance(value, str):
        cell.value = f" {value} " if style else str(value)
    elif kind == BOOLEAN:
        cell.value = ("TRUE" if value else "FALSE") if style else str(value).lower()
    elif kind == DATE and not isinstance(value, str):
        cell.value = value.date().isoformat()
    elif kind == ENUM:
        cell.value = f" {value}  "
    elif (kind == LIST and item != "text") or (kind == LIST and style):
        cell.value = " , ".join(str(value).split(", ")) + ","


@SETTINGS
@given(inventory=inventories(), styles=st.lists(st.integers(0, 1), min_size=8, max_size=8),
       extra=st.booleans())  # fmt: skip
def test_retyped_workbook_gives_the_same_cells(
    inventory: Inventory, styles: list[int], extra: bool, tmp_path: Path
) -> None:
    """A workbook retyped as people type imports to the same inventory, and exporting that
    gives the same cells: export(import(w)) is export(x), so import(export(import(w))) is
    import(w)."""
    original = workbook(inventory, "id")
    wb = load_workbook(io.BytesIO(original))
    ws = wb["Sistem"]
    columns = system_columns()
    for r in range(len(inventory.systems)):
        for col, c in enumerate(columns, start=1):
            ref = f"{column_letters(col)}{FIRST_ROW + r}"
            _retyped(ws[ref], c.kind, c.item, styles[(r + col) % len(styles)])
    if extra:
        last = FIRST_ROW + len(inventory.systems)
        ws[f"A{last + 1}"] = "# belum selesai"
        ws[f"B{last + 1}"] = "Sistem yang belum diisi"
        if inventory.systems:
            ws.row_dimensions[FIRST_ROW].hidden = True
    buffer = io.BytesIO()
    wb.save(buffer)
    back = imported(buffer.getvalue(), tmp_path)
    assert back == inventory
    assert cells(workbook(back, "id")) == cells(original)
