"""Savings for finance staff: views that add up, the workbook read back, CSV, injection."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migrasi.core.plandoc import PlanDoc, read_document
from migrasi.render.savings import VIEWS, view
from migrasi.render.savings_formats import as_csv, as_json, as_markdown, csv_cell, savings_csv
from migrasi.render.xlsx import workbook
from tests.conftest import ROOT, plan_doc

CASE = ROOT / "tests" / "cases" / "cycle-and-pilot" / "expected" / "plan.json"


@pytest.fixture(scope="module")
def shipped() -> PlanDoc:
    """The plan document of the shipped inventories."""
    return read_document((ROOT / "plans" / "current" / "plan.json").read_bytes())


@pytest.mark.parametrize("name", VIEWS)
def test_views_add_up(shipped: PlanDoc, name: str) -> None:
    """Every money column of every view sums to its total row, and to the programme totals."""
    v = view(shipped, name)
    for i, c in enumerate(v.columns):
        if c.kind == "money":
            assert sum(int(row[i]) for row in v.rows) == v.total[i]  # type: ignore[call-overload]
    keys = [c.key for c in v.columns]
    t = shipped.totals
    if "net_savings" in keys:
        assert v.total[keys.index("net_savings")] == t.net_savings
        assert v.total[keys.index("npv")] == t.npv
    if "savings" in keys:
        assert v.total[keys.index("savings")] == t.net_savings


def test_year_columns_add_up_to_net_savings(shipped: PlanDoc) -> None:
    """In every row of the system view the year columns add up to the row's net savings."""
    v = view(shipped, "system")
    keys = [c.key for c in v.columns]
    years = [i for i, k in enumerate(keys) if k.startswith("y")]
    for row in v.rows:
        assert sum(int(row[i]) for i in years) == row[keys.index("net_savings")]  # type: ignore[call-overload]


def test_workbook_read_back_matches_plan(shipped: PlanDoc) -> None:
    """The xlsx read back with openpyxl carries the plan's figures, totals and sheets."""
    data = workbook(shipped, "id")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "Ringkasan", "Wilayah", "Sistem", "OPD", "Tahun x wilayah", "Tahun", "Gelombang", "Bulanan"
    ]  # fmt: skip
    systems = book["Sistem"]
    head = [c.value for c in systems[1]]
    by_ref = {row[0]: row for row in systems.iter_rows(min_row=2, values_only=True) if row[0]}
    npv_col = head.index("NPV")
    for s in shipped.systems:
        assert by_ref[s.ref][npv_col] == s.money.npv
    last = systems.max_row
    assert str(systems.cell(last, npv_col + 1).value).startswith("=SUM(")
    assert systems.freeze_panes == "B2"
    assert systems.auto_filter.ref is not None
    assert '"Rp"#,##0' in systems.cell(2, npv_col + 1).number_format
    summary = book["Ringkasan"]
    values = [c.value for c in summary["B"]]
    assert shipped.totals.npv in values
    assert len(summary._charts) == 1  # type: ignore[attr-defined]  # openpyxl keeps charts here
    monthly = book["Bulanan"]
    assert monthly.max_row == 1 + len(shipped.monthly.months)


def test_cached_totals_are_values(shipped: PlanDoc) -> None:
    """Totals are formulas whose cached values previews see (read with data_only)."""
    book = openpyxl.load_workbook(io.BytesIO(workbook(shipped, "en")), data_only=True)
    regions = book["Regions"]
    head = [c.value for c in regions[1]]
    total = [c.value for c in regions[regions.max_row]]
    assert total[0] == "Total"
    assert total[head.index("NPV")] == shipped.totals.npv


def test_workbook_is_byte_identical(shipped: PlanDoc) -> None:
    """The same plan gives the same bytes (fixed properties and zip times)."""
    assert workbook(shipped, "id") == workbook(shipped, "id")


NASTY = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "a|b`c", "%%x"]


def _nasty_doc(name: str) -> PlanDoc:
    doc: dict[str, Any] = json.loads(CASE.read_text())
    for s in doc["systems"]:
        s["owner"] = name
    return plan_doc(doc)


@pytest.mark.parametrize("name", NASTY)
def test_injection_neutralised_in_xlsx(name: str) -> None:
    """A text that looks like a formula is a string cell with the quote prefix, never a formula."""
    book = openpyxl.load_workbook(io.BytesIO(workbook(_nasty_doc(name), "id")))
    ws = book["Sistem"]
    owner_col = [c.value for c in ws[1]].index("OPD") + 1
    cell = ws.cell(2, owner_col)
    assert cell.value in (name, name.replace("\r", "_x000D_"))  # XML escapes a bare CR
    assert cell.data_type == "s"
    if name.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert cell.quotePrefix


@pytest.mark.parametrize("name", NASTY)
def test_injection_neutralised_in_csv(name: str) -> None:
    """In CSV such a text starts with ``'``; numbers stay plain."""
    rows = list(csv.reader(io.StringIO(savings_csv(_nasty_doc(name)))))
    owner = rows[1][2]
    if name.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert owner == "'" + name
    else:
        assert owner == name
    assert rows[1][-1].lstrip("-").isdigit()
    assert csv_cell(-5) == "-5"


def test_savings_csv_shape(shipped: PlanDoc) -> None:
    """savings.csv: one row per planned system and year, CRLF, plain integers."""
    text = savings_csv(shipped)
    assert text.count("\r\n") == text.count("\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:2] == ["ref", "region"] and rows[0][-2:] == ["year", "savings"]
    planned = [s for s in shipped.systems if s.status != "retained"]
    assert len(rows) - 1 == len(planned) * len(shipped.totals.by_year)
    assert sum(int(r[-1]) for r in rows[1:]) == shipped.totals.net_savings


def test_markdown_escapes_cells() -> None:
    """A pipe or backtick in a name cannot break the Markdown table."""
    md = as_markdown(view(_nasty_doc("a|b`c"), "opd"), "en")
    assert "a\\|b\\`c" in md
    for line in md.splitlines()[2:]:
        assert line.count(" | ") == md.splitlines()[2].count(" | ")


def test_json_and_csv_views(shipped: PlanDoc) -> None:
    """JSON and CSV views carry English keys and the same total."""
    v = view(shipped, "region")
    doc = json.loads(as_json(v))
    assert doc["total"]["npv"] == shipped.totals.npv
    rows = list(csv.reader(io.StringIO(as_csv(v))))
    assert rows[0][0] == "region" and rows[-1][0] == "total"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=30))
def test_any_figures_add_up(values: list[int]) -> None:
    """Whatever the system figures, every view's rows sum to its totals."""
    doc: dict[str, Any] = json.loads(CASE.read_text())
    template = doc["systems"][0]
    systems = []
    for i, v in enumerate(values):
        s = json.loads(json.dumps(template))
        s["ref"] = f"r{i % 3}/s{i:02d}"
        s["region"] = f"r{i % 3}"
        s["owner"] = f"OPD {i % 4}"
        for y in s["money"]["by_year"]:
            s["money"]["by_year"][y] = v
        s["money"]["net_savings"] = v * len(s["money"]["by_year"])
        s["money"]["npv"] = v
        systems.append(s)
    doc["systems"] = systems
    for w in doc["waves"]:
        w["systems"] = []
    for name in ("system", "region", "opd"):
        built = view(plan_doc(doc), name)
        for i, c in enumerate(built.columns):
            if c.kind == "money":
                assert sum(int(r[i]) for r in built.rows) == built.total[i]  # type: ignore[call-overload]


def test_savings_command_formats(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command writes each format; xlsx without --out is wrong usage."""
    monkeypatch.chdir(ROOT)
    assert cli("savings", "--format", "xlsx").code == 2
    out = tmp_path / "s.xlsx"
    assert cli("savings", "--format", "xlsx", "--out", str(out)).code == 0
    assert out.read_bytes()[:2] == b"PK"
    result = cli("savings", "--by", "wave", "--format", "json")
    assert json.loads(result.out)["view"] == "wave"
    table = cli("savings", "--by", "system", "--lang", "en")
    assert table.code == 0
    assert max(len(line) for line in table.out.splitlines()) <= 80
    assert "IDR" in table.out
