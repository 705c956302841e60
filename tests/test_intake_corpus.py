"""The corpus of bad workbooks: each case produces exactly the findings it declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrasi.api_intake import import_workbook
from tests.intake.corpus import CASES, Case, set_cells
from tests.intake.workbooks import base, edited, others, with_saved_values


def found(path: Path, folder: Path) -> set[str]:
    """The findings of importing ``path`` as ``CODE Sheet!Cell``."""
    result = import_workbook(path, [others(folder / "with")])
    return {f"{f.code} {f.cell if f.cell is not None else '-'}" for f in result.findings}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gives_its_findings(case: Case, tmp_path: Path) -> None:
    """The edited workbook gives every finding the case declares, and no other."""
    path = tmp_path / f"{case.name}.xlsx"
    path.write_bytes(with_saved_values(edited(base(tmp_path), case.edit), dict(case.saved)))
    assert found(path, tmp_path) == set(case.expect)


def test_base_workbook_is_accepted(tmp_path: Path) -> None:
    """The unedited base workbook imports without a finding (so every case's findings are its
    edit's)."""
    path = tmp_path / "base.xlsx"
    path.write_bytes(base(tmp_path))
    assert found(path, tmp_path) == set()


def test_formula_is_read_by_its_stored_value(tmp_path: Path) -> None:
    """A formula with a stored value is read as that value, as if it had been typed."""
    raw = edited(base(tmp_path), set_cells("Sistem", K3="=4000000+500000"))
    path = tmp_path / "cached.xlsx"
    path.write_bytes(with_saved_values(raw, {"K3": "4500000"}))
    result = import_workbook(path, [others(tmp_path / "with")])
    assert result.findings == []
    assert result.inventory is not None
    assert result.inventory.systems[0].cost.amount == 4500000


def test_hints_say_how_to_write_it(tmp_path: Path) -> None:
    """Thousands separators and day-first dates get a hint with the spelling to use."""
    edit = set_cells("Sistem", K3="4.500.000", K4="Rp 900.000,-", N3="31/12/2027")
    path = tmp_path / "hints.xlsx"
    path.write_bytes(edited(base(tmp_path), edit))
    result = import_workbook(path, [others(tmp_path / "with")])
    hints = {str(f.cell): f.args.get("number", f.args.get("suggestion")) for f in result.findings}
    assert hints == {"Sistem!K3": "4500000", "Sistem!K4": "900000", "Sistem!N3": "2027-12-31"}
