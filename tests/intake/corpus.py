"""The corpus of bad workbooks: each case is one edit of the base workbook and every finding
it must produce, as ``CODE Sheet!Cell`` (``CODE -`` for a finding of the whole workbook).

The base workbook (``workbooks.BASE`` exported in Indonesian) has the systems ``simpeg`` on row
3 and ``website`` on row 4 of the sheet ``Sistem``, with the columns id A, name B, owner C,
service D, criticality E, classification F, personal_data G, hosting.* H-J, cost.amount K,
cost.per L, cost.currency M, cost.contract_end N, cost.termination_fee O, resources.* P-R,
migration.strategy S, effort_days T, data_gb U, wave V, not_before W, not_after X,
freeze_months Y, depends_on Z, move_with AA, accepted_warnings.W301-W311 AB-AL, notes AM.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.intake.workbooks import Edit


@dataclass(frozen=True)
class Case:
    """One bad (or surprising but good) workbook and what ``import`` must say about it."""

    name: str
    edit: Edit
    expect: tuple[str, ...]
    """Every finding, ``CODE Sheet!Cell``; empty when the workbook is accepted."""
    saved: tuple[tuple[str, str], ...] = ()
    """Cells of the systems sheet whose saved value is then set to this exact text."""


def set_cells(sheet: str, **cells: object) -> Edit:
    def edit(wb: Any) -> None:
        for ref, value in cells.items():
            wb[sheet][ref] = value

    return edit


def _merge(wb: Any) -> None:
    wb["Sistem"].merge_cells("B3:C3")


def _delete_owner(wb: Any) -> None:
    wb["Sistem"].delete_cols(3)


def _unknown_column(wb: Any) -> None:
    wb["Sistem"]["AQ1"] = "biaya_bulanan"
    wb["Sistem"]["AQ3"] = 5000000


def _no_region_sheet(wb: Any) -> None:
    del wb["Wilayah"]


def _no_description_row(wb: Any) -> None:
    wb["Sistem"].delete_rows(2)
    wb["Sistem"]["K2"] = "empat juta"


def _hidden_row(wb: Any) -> None:
    wb["Sistem"].row_dimensions[4].hidden = True


CASES = (
    Case("wrong-enum", set_cells("Sistem", E3="sedang"), ("E102 Sistem!E3",)),
    Case("text-in-number-column", set_cells("Sistem", K3="empat juta"), ("E102 Sistem!K3",)),
    Case(
        "indonesian-thousands",
        set_cells("Sistem", K3="4.500.000", K4="Rp 900.000,-"),
        ("E102 Sistem!K3", "E102 Sistem!K4"),
    ),
    Case("date-day-first", set_cells("Sistem", N3="31/12/2027"), ("E102 Sistem!N3",)),
    Case("merged-cell", _merge, ("E102 Sistem!B3:C3", "E101 Sistem!C3")),
    Case("formula-without-value", set_cells("Sistem", K3="=4000000+500000"), ("E102 Sistem!K3",)),
    Case("missing-required-column", _delete_owner, ("E101 Sistem!AP1",)),
    Case("unknown-column", _unknown_column, ("E103 Sistem!AQ1",)),
    Case("duplicate-ids", set_cells("Sistem", A4="simpeg"), ("E202 Sistem!A4",)),
    Case("unknown-ref", set_cells("Sistem", AB3="prov-uji/ssoo"), ("E203 Sistem!AB3",)),
    Case("unknown-local-ref", set_cells("Sistem", AC4="simpg"), ("E203 Sistem!AC4",)),
    Case(
        "float-noise",
        set_cells("Sistem"),
        ("E102 Sistem!K3", "E102 Sistem!Q3"),
        saved=(("K3", "4500000.0000000001"), ("Q3", "16.000000000000004")),
    ),
    Case("error-cell", set_cells("Sistem", K3="#N/A"), ("E102 Sistem!K3",)),
    Case("empty-required-cell", set_cells("Sistem", C4=None), ("E101 Sistem!C4",)),
    Case("duplicate-column", set_cells("Sistem", AQ1="owner", AQ3="BKD"), ("E003 Sistem!AQ1",)),
    Case("value-without-column", set_cells("Sistem", AS3="lupa"), ("E103 Sistem!AS3",)),
    Case("wave-zero", set_cells("Sistem", V3=0), ("E102 Sistem!V3",)),
    Case("month-out-of-range", set_cells("Sistem", Y3="6, 13"), ("E102 Sistem!Y3",)),
    Case(
        "unknown-region-field",
        set_cells("Wilayah", A7="provinsi", B7="Jambi"),
        ("E103 Wilayah!A7",),
    ),
    Case("bad-region-code", set_cells("Wilayah", B3=15.7), ("E102 Wilayah!B3",)),
    Case("no-region-sheet", _no_region_sheet, ("E101 -",)),
    Case(
        "moved-without-resources",
        set_cells("Sistem", P4=None, Q4=None, R4=None),
        ("E101 Sistem!P4",),
    ),
    Case("region-code-taken", set_cells("Wilayah", B3="15"), ("E201 Wilayah!B3",)),
    Case("currency-without-rate", set_cells("Sistem", M3="USD"), ("E206 Sistem!M3",)),
    Case("never-fits", set_cells("Sistem", P3=100000), ("E207 Sistem!A3", "W302 Sistem!A3")),
    Case("warning-in-workbook", set_cells("Sistem", K4=100000), ("W302 Sistem!A4",)),
    Case("accepted-warning", set_cells("Sistem", K4=100000, AE4="kebijakan daerah"), ()),
    Case("numbers-typed-as-text", set_cells("Sistem", K3="4500000", P3=" 4 ", Q3="16.5"), ()),
    Case("booleans-typed-as-text", set_cells("Sistem", G3="TRUE", G4="false"), ()),
    Case("date-typed-as-text", set_cells("Sistem", N3="2027-12-31", X4="2028-06-30"), ()),
    Case("comment-row-skipped", set_cells("Sistem", A5="# belum diisi", B5="Aplikasi X"), ()),
    Case("hidden-row-read", _hidden_row, ()),
    Case("description-row-deleted", _no_description_row, ("E102 Sistem!K2",)),
)
