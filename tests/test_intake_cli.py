"""The spreadsheet commands on the command line: outputs, streams, exit codes, --annotate."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT
from tests.intake.corpus import set_cells
from tests.intake.workbooks import BASE, base, edited, others

Cli = Any


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """The base workbook, which imports without a finding against ``tmp_path/with``."""
    others(tmp_path / "with")
    path = tmp_path / "kota-uji.xlsx"
    path.write_bytes(base(tmp_path))
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """The base workbook with two errors (a wrong enum, thousands separators)."""
    others(tmp_path / "with")
    path = tmp_path / "kota-uji-salah.xlsx"
    path.write_bytes(edited(base(tmp_path), set_cells("Sistem", E3="sedang", K4="900.000.000")))
    return path


def test_template_writes_a_workbook(cli: Cli, tmp_path: Path) -> None:
    """`template --out` writes a workbook with the three sheets in the chosen language."""
    out = tmp_path / "formulir.xlsx"
    result = cli("template", "--out", str(out), "--lang", "en")
    assert result.code == 0
    assert out.as_posix() in result.err
    assert load_workbook(out).sheetnames == ["Instructions", "Region", "Systems"]


def test_export_of_a_broken_inventory_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    """An inventory with an error of its own is reported (exit 1) and no workbook is written."""
    source = tmp_path / "kota-uji.yaml"
    source.write_text(BASE.replace("criticality: tinggi", "criticality: sedang"), "utf-8")
    out = tmp_path / "kota-uji.xlsx"
    result = cli("export", str(source), "--out", str(out))
    assert result.code == 1
    assert "E102" in result.err
    assert not out.exists()


def test_export_of_the_datacenter_file_is_wrong_usage(cli: Cli, tmp_path: Path) -> None:
    """Exporting a file that is not a region inventory exits 2 with a message."""
    out = tmp_path / "dc.xlsx"
    result = cli("export", str(ROOT / "inventories" / "datacenter.yaml"), "--out", str(out))
    assert result.code == 2
    assert "not a region inventory" in result.err
    assert not out.exists()


def test_import_prints_yaml_and_keeps_findings_apart(cli: Cli, tmp_path: Path) -> None:
    """Without --out the YAML alone goes to standard output, starting with the schema line;
    the warnings go to standard error."""
    path = tmp_path / "w.xlsx"
    path.write_bytes(edited(base(tmp_path), set_cells("Sistem", K4=100000)))
    result = cli("import", str(path), "--with", str(others(tmp_path / "with")))
    assert result.code == 0
    assert result.out.startswith("# yaml-language-server: $schema=")
    assert "schema: migrasi/inventory/v1\n" in result.out
    assert "W302" in result.err and "W302" not in result.out


def test_import_with_errors_writes_nothing(cli: Cli, bad: Path) -> None:
    """While an error stands, an existing --out file is left exactly as it was (exit 1)."""
    out = bad.parent / "kota-uji.yaml"
    out.write_text("before\n", encoding="utf-8")
    result = cli("import", str(bad), "--with", str(bad.parent / "with"), "--out", str(out))
    assert result.code == 1
    assert out.read_text(encoding="utf-8") == "before\n"
    assert f"{bad.as_posix()}:Sistem!E3: error E102" in result.out
    assert "tulis 900000000 (hanya angka" in result.out


def test_import_replaces_out_whole(cli: Cli, good: Path) -> None:
    """An accepted workbook replaces --out with the inventory, which validate accepts."""
    out = good.parent / "with" / "kota-uji.yaml"
    out.write_text("old\n", encoding="utf-8")
    result = cli("import", str(good), "--with", str(good.parent / "with"), "--out", str(out))
    assert result.code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../")
    assert cli("validate", str(good.parent / "with")).code == 0


def test_import_json_names_the_cell(cli: Cli, bad: Path) -> None:
    """JSON findings carry the cell, with line and column null."""
    result = cli("import", str(bad), "--with", str(bad.parent / "with"), "--out",
                 str(bad.parent / "x.yaml"), "--format", "json", "--lang", "en")  # fmt: skip
    found = json.loads(result.out)
    assert [(f["code"], f["cell"], f["line"]) for f in found] == [
        ("E102", "Sistem!E3", None),
        ("E102", "Sistem!K4", None),
    ]


def test_import_sarif_matches_the_schema(cli: Cli, bad: Path) -> None:
    """SARIF findings of a workbook validate against the SARIF 2.1.0 schema."""
    result = cli("import", str(bad), "--with", str(bad.parent / "with"), "--format", "sarif")
    log = json.loads(result.out)
    schema = json.loads((ROOT / "tests" / "vendor" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    names = [r["locations"][0]["logicalLocations"][-1] for r in log["runs"][0]["results"]]
    assert names == [
        {"fullyQualifiedName": "Sistem!E3", "kind": "element"},
        {"fullyQualifiedName": "Sistem!K4", "kind": "element"},
    ]


def test_import_github_names_the_cell(cli: Cli, bad: Path) -> None:
    """GitHub workflow commands name the file and lead the message with the cell."""
    result = cli("import", str(bad), "--with", str(bad.parent / "with"), "--format", "github")
    assert result.out.startswith(f"::error file={bad.as_posix()},title=E102::Sistem!E3 ")


def test_annotate_comments_the_cells(cli: Cli, bad: Path) -> None:
    """--annotate writes a copy with each finding as a comment on its highlighted cell."""
    copy = bad.parent / "periksa.xlsx"
    result = cli("import", str(bad), "--with", str(bad.parent / "with"), "--annotate", str(copy))
    assert result.code == 1
    ws = load_workbook(copy)["Sistem"]
    for ref in ("E3", "K4"):
        assert ws[ref].comment is not None and ws[ref].comment.text.startswith("E102 (error): ")
        assert ws[ref].fill.fgColor.rgb == "00FFC7CE"
    assert ws["E4"].comment is None
    assert ws["E3"].value == "sedang"


def test_annotate_is_the_same_bytes_each_time(cli: Cli, bad: Path) -> None:
    """Two annotated copies of one workbook are byte-identical."""
    first, second = bad.parent / "a.xlsx", bad.parent / "b.xlsx"
    for copy in (first, second):
        cli("import", str(bad), "--with", str(bad.parent / "with"), "--annotate", str(copy))
    assert first.read_bytes() == second.read_bytes()


def test_annotate_skips_an_unreadable_file(cli: Cli, tmp_path: Path) -> None:
    """A file that is not a workbook gets its finding and a message, and no copy."""
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(b"nama,biaya\nsimpeg,4500000\n")
    copy = tmp_path / "copy.xlsx"
    result = cli("import", str(path), "--annotate", str(copy))
    assert result.code == 1
    assert "E002" in result.out
    assert not copy.exists()


def test_import_of_a_missing_file_is_wrong_usage(cli: Cli, tmp_path: Path) -> None:
    """A workbook path that does not exist exits 2."""
    assert cli("import", str(tmp_path / "nope.xlsx")).code == 2


def test_template_is_the_same_bytes_each_time() -> None:
    """The workbook of the same inventory and language is byte-identical."""
    from migrasi.api_intake import template

    source = ROOT / "inventories" / "tebo.yaml"
    assert template(source, "id").workbook == template(source, "id").workbook


def test_text_that_looks_like_a_formula_is_data(tmp_path: Path) -> None:
    """Exported text starting with = + - @ is a string cell with the quote-prefix style, and
    imports back as the same text."""
    from migrasi.api_intake import import_workbook

    texts = ['=HYPERLINK("http://x")', "+62 741", "-bagian", "@SUM(A1)"]
    inventory = BASE.replace("owner: BKPSDM", f"owner: '{texts[0]}'").replace(
        "notes: x", "").replace("name: Website", f"name: \"{texts[1]}\"").replace(
        "owner: Diskominfo", f"owner: \"{texts[2]}\"").replace(
        "provider: PT Awan, type: vps", f"provider: \"{texts[3]}\", type: vps")  # fmt: skip
    path = tmp_path / "k.xlsx"
    path.write_bytes(base(tmp_path, inventory=inventory))
    ws = load_workbook(io.BytesIO(path.read_bytes()))["Sistem"]
    cells = [ws["C3"], ws["B4"], ws["C4"], ws["H3"]]
    assert [c.value for c in cells] == texts
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    result = import_workbook(path, [others(tmp_path / "with")])
    assert result.inventory is not None
    s = result.inventory.systems
    assert [s[0].owner, s[1].name, s[1].owner, s[0].hosting.provider] == texts
