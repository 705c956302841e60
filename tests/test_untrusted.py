"""Untrusted text in inventories never controls a terminal, breaks a format or runs as a formula.

One inventory carries a nasty string in the name, owner, provider and notes of each of its
systems, and in its region's name (ANSI and OSC 8 escapes, other C0 and C1 controls, a bidi
override, Markdown, Mermaid and HTML syntax, formulas, a leading tab or carriage return, a line
break, a path). Every output of every command is then checked against outputs.md ("Spreadsheets
and untrusted text"): terminal and text outputs show control characters escaped, Markdown
tables keep their columns, Mermaid labels cannot break out, spreadsheet cells are text with the
quote prefix where a spreadsheet would run them, CSV fields get a ``'``, and no output path is
built from inventory contents.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from fuzz.targets import markdown_cells

from migrasi.cli.app import run
from migrasi.cli.plan_folder import MARKER
from tests.conftest import DATACENTER

NASTY: dict[str, str] = {
    "ansi": "\x1b[31mRED\x1b[0m",
    "osc8": "\x1b]8;;http://x\x07link\x1b]8;;\x07",
    "c0": "bell\x07 bs\x08 vt\x0b ff\x0c del\x7f",
    "c1": "c1 \x9b31m nel\x85 \x90dcs",
    "bidi": "bidi \u202eevil\u202c \u2066iso\u2069",
    "pipe": "pipe | pipe || end",
    "backtick": "back`tick` ```fence```",
    "arrow": "A --> B -.-> C ==> D",
    "comment": "%% mermaid comment",
    "html": "<script>alert(1)</script><img src=x>",
    "link": "[click](javascript:alert(1))",
    "hyperlink": '=HYPERLINK("http://x","y")',
    "plus": "+1+1",
    "minus": "-1-1",
    "at": "@SUM(A1)",
    "tab": "\tTAB",
    "cr": "\rCR",
    "quote": 'say "hi" \\ backslash',
    "newline": "line\nbreak",
    "path": "../../etc/passwd",
}
REGION_NAME = "Kota \x1b[2J=1+1 | ../../tmp/x"

# Raw characters that must never reach a terminal (tab and newline aside): C0, DEL, C1, the
# line and paragraph separators, bidi embeddings, overrides and isolates.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value)


def inventory() -> str:
    """A valid inventory: one system per nasty string, in every free-text field."""
    lines = [
        "schema: migrasi/inventory/v1",
        f"region: {{id: kota-nakal, code: '15.79', name: {_q(REGION_NAME)}, kind: kota}}",
        "systems:",
    ]
    for i, (label, value) in enumerate(NASTY.items()):
        lines += [
            f"  - id: s{i:02d}-{label}",
            f"    name: {_q(value)}",
            f"    owner: {_q(value)}",
            "    criticality: rendah",
            "    classification: publik",
            f"    hosting: {{provider: {_q(value)}, type: vps, location: indonesia}}",
            f"    cost: {{amount: {9_000_000 + i}, per: month}}",
            "    resources: {vcpu: 1, ram_gb: 1, storage_gb: 10}",
            "    migration: {strategy: rehost}",
            f"    notes: {_q(value)}",
        ]
    return "\n".join(lines) + "\n"


@dataclass
class Out:
    """What one command printed and how it exited."""

    code: int
    out: str
    err: str


Cli = Callable[..., Out]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``migrasi ARGS`` in this process; return its exit code and outputs."""

    def invoke(*args: str) -> Out:
        code = run(list(args))
        captured = capsys.readouterr()
        return Out(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    """A folder with the data-center file and the nasty inventory."""
    inv = tmp_path / "inv"
    inv.mkdir()
    (inv / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (inv / "kota-nakal.yaml").write_text(inventory(), encoding="utf-8")
    return inv


def no_raw_control(text: str) -> None:
    """Assert that no raw control character is in ``text``."""
    found = RAW_CONTROL.search(text)
    if found is not None:
        near = text[max(0, found.start() - 40) : found.end() + 40]
        pytest.fail(f"raw U+{ord(found.group()):04X} in {near!r}")


def cells(line: str) -> int:
    """How many cells a Markdown table row has (the fuzz harness's own count)."""
    return markdown_cells(line)


def tables_keep_columns(markdown: str) -> int:
    """Assert every row of every Markdown table has its header's cells; return the rows seen."""
    width: int | None = None
    rows = 0
    for line in markdown.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        rows += 1
        if width is None:
            width = cells(line)
        else:
            assert cells(line) == width, line
    return rows


# --- validate ---------------------------------------------------------------------------------


def broken(inv: Path) -> None:
    """Findings that quote untrusted text: unknown keys (E103) and wrong enum values (E102)."""
    region = "region: {id: kota-rusak, code: '15.78', name: Rusak, kind: kota}"
    lines = ["schema: migrasi/inventory/v1", region, "systems:"]
    for i, value in enumerate(NASTY.values()):
        lines += [
            f"  - id: r{i:02d}",
            "    name: x",
            "    owner: y",
            f"    criticality: {_q(value)}",
            "    classification: publik",
            "    hosting: {provider: p, type: vps, location: indonesia}",
            "    cost: {amount: 9000000, per: month}",
            "    migration: {strategy: rehost}",
            f"    {_q(value)}: 1",
        ]
    (inv / "kota-rusak.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_validate_text_and_github_escape(cli: Cli, nasty: Path) -> None:
    """Messages quoting untrusted keys and values show controls escaped in text and github."""
    broken(nasty)
    for fmt in ("text", "github"):
        result = cli("validate", str(nasty), "--format", fmt, "--lang", "en")
        assert result.code == 1, result.err
        no_raw_control(result.out)
        no_raw_control(result.err)
        assert "\\x1b[31mRED" in result.out
        if fmt == "github":
            assert all(line.startswith("::") for line in result.out.splitlines())


def test_validate_json_and_sarif_keep_the_text(cli: Cli, nasty: Path) -> None:
    """JSON and SARIF carry the untrusted text intact, as valid JSON (escaped by the encoder)."""
    broken(nasty)
    for fmt in ("json", "sarif"):
        result = cli("validate", str(nasty), "--format", fmt, "--lang", "en")
        assert result.code == 1
        assert "\x1b" not in result.out
        doc = json.loads(result.out)
        items = doc if fmt == "json" else doc["runs"][0]["results"]
        texts = [i["message"] if fmt == "json" else i["message"]["text"] for i in items]
        assert any("'\x1b[31mRED\x1b[0m'" in t for t in texts)


def test_step_summary_table_keeps_columns(
    cli: Cli, nasty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Markdown summary for GitHub keeps seven cells per row whatever the messages hold."""
    broken(nasty)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    cli("validate", str(nasty), "--lang", "en")
    text = summary.read_text(encoding="utf-8")
    assert tables_keep_columns(text) > len(NASTY)
    no_raw_control(text)


# --- plan -------------------------------------------------------------------------------------


@pytest.fixture
def planned(cli: Cli, nasty: Path, tmp_path: Path) -> Path:
    """The plan folder of the nasty inventory."""
    out = tmp_path / "plans" / "current"
    result = cli("plan", str(nasty), "--out", str(out), "--lang", "en")
    assert result.code == 0, result.err
    no_raw_control(result.out)
    no_raw_control(result.err)
    return out


def test_plan_md_keeps_its_tables_and_escapes(planned: Path) -> None:
    """plan.md: every table row keeps its cells, no raw control, no live HTML or link."""
    text = (planned / "plan.md").read_text(encoding="utf-8")
    assert tables_keep_columns(text) > 2 * len(NASTY)
    no_raw_control(text)
    assert re.search(r"(?<!\\)<(script|img)", text) is None
    assert "[click](javascript" not in text


def test_graph_labels_cannot_break_out(cli: Cli, nasty: Path, planned: Path) -> None:
    """graph.mmd and ``graph``: no label holds a quote, an arrow, a comment, ``<`` or ``>``."""
    printed = cli("graph", str(nasty)).out
    for text in ((planned / "graph.mmd").read_text(encoding="utf-8"), printed):
        no_raw_control(text)
        labels = re.findall(r'\["(.*)"\]$', text, flags=re.MULTILINE)
        assert len(labels) == len(NASTY) + 1
        for label in labels:
            inside = label.replace("<br/>", "")
            for bad in ('"', "-->", "%%", "<", ">"):
                assert bad not in inside, label
        assert text.count("-->") == 0  # no dependencies here: no edge at all


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _formula_safe(field: str, original: str) -> None:
    assert not field.startswith(FORMULA), field
    if original.startswith(FORMULA):
        assert field == "'" + original, (field, original)
    else:
        assert field == original


def test_savings_csv_fields_start_with_a_quote(planned: Path) -> None:
    """savings.csv: owner fields that a spreadsheet would run start with ``'``; nothing else."""
    rows = _csv_rows((planned / "savings.csv").read_bytes().decode("utf-8"))
    owners = {r["ref"].split("/")[1].split("-", 1)[1]: r["owner"] for r in rows}
    assert sorted(owners) == sorted(NASTY)
    for label, field in owners.items():
        _formula_safe(field, NASTY[label])
    assert all(r["savings"].lstrip("-").isdigit() for r in rows)


_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def test_savings_xlsx_cells_are_text_with_quote_prefix(planned: Path) -> None:
    """savings.xlsx: untrusted text is a string cell, quote-prefixed where it starts like a
    formula; the only formulas are migrasi's own sums."""
    book = openpyxl.load_workbook(planned / "savings.xlsx")
    seen: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert re.fullmatch(r"=(SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-C]\d+(\+[A-C]\d+)?|0)",
                                        str(cell.value)), cell.value  # fmt: skip
                    continue
                if not isinstance(cell.value, str):
                    continue
                value = _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), cell.value)
                if value in NASTY.values():
                    seen.add(value)
                if value.startswith(FORMULA):
                    assert cell.data_type == "s" and cell.quotePrefix, (sheet.title, cell)
    assert {v for v in NASTY.values() if v.startswith(FORMULA)} <= seen


def test_explain_escapes(cli: Cli, nasty: Path) -> None:
    """explain shows every untrusted name and owner with controls escaped."""
    for i, label in enumerate(NASTY):
        result = cli("explain", f"kota-nakal/s{i:02d}-{label}", str(nasty), "--lang", "en")
        assert result.code == 0, result.err
        no_raw_control(result.out)


def test_explain_keeps_one_line_per_field(cli: Cli, nasty: Path) -> None:
    """A name with a line break stays on the first line of explain."""
    result = cli("explain", "kota-nakal/s18-newline", str(nasty), "--lang", "en")
    first, second = result.out.splitlines()[:2]
    assert first.startswith("kota-nakal/s18-newline — line") and second.startswith("OPD:")


@pytest.mark.parametrize("by", ["system", "region", "opd"])
def test_savings_table_escapes(cli: Cli, nasty: Path, by: str) -> None:
    """The terminal tables show controls escaped."""
    result = cli("savings", str(nasty), "--by", by, "--lang", "en")
    assert result.code == 0, result.err
    no_raw_control(result.out)


@pytest.mark.parametrize("owner", ["[click](javascript:alert(1))", "[bold]loud[/bold]", "[/]"])
def test_savings_table_shows_markup_as_text(
    cli: Cli, nasty: Path, owner: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich markup in an owner is shown as the characters typed, never interpreted."""
    path = nasty / "kota-nakal.yaml"
    path.write_text(path.read_text().replace(_q(NASTY["pipe"]), _q(owner)), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "300")
    result = cli("savings", str(nasty), "--by", "opd", "--lang", "en")
    assert result.code == 0, result.err
    assert owner in result.out


@pytest.mark.parametrize("by", ["system", "region", "opd"])
def test_savings_md_and_csv(cli: Cli, nasty: Path, by: str) -> None:
    """Markdown views keep their columns; CSV views quote-prefix formula-like text."""
    md = cli("savings", str(nasty), "--by", by, "--format", "md", "--lang", "en")
    assert md.code == 0, md.err
    assert tables_keep_columns(md.out) >= 2
    no_raw_control(md.out)
    table = cli("savings", str(nasty), "--by", by, "--format", "csv")
    rows = _csv_rows(table.out)
    for row in rows:
        for key in ("ref", "owner", "name", "region"):
            assert not row.get(key, "").startswith(FORMULA), row
    if by == "opd":
        owners = {r["owner"] for r in rows}
        assert "'" + NASTY["hyperlink"] in owners and "'" + NASTY["tab"] in owners


def test_diff_escapes(cli: Cli, nasty: Path, planned: Path, tmp_path: Path) -> None:
    """diff between two plans of the nasty inventory: text escaped, Markdown columns kept."""
    path = nasty / "kota-nakal.yaml"
    path.write_text(path.read_text().replace("amount: 9000000,", "amount: 19000000,"))
    other = tmp_path / "other"
    assert cli("plan", str(nasty), "--out", str(other)).code == 0
    text = cli("diff", str(planned), str(other), "--lang", "en")
    assert text.code == 0 and "s00-ansi" in text.out
    no_raw_control(text.out)
    md = cli("diff", str(planned), str(other), "--format", "md", "--lang", "en")
    assert tables_keep_columns(md.out) >= 3
    no_raw_control(md.out)
    json.loads(cli("diff", str(planned), str(other), "--format", "json").out)


# --- paths ------------------------------------------------------------------------------------


def _tree(root: Path) -> set[str]:
    return {
        (Path(d) / f).relative_to(root).as_posix() for d, _, files in os.walk(root) for f in files
    }


def test_no_output_path_comes_from_contents(cli: Cli, nasty: Path, tmp_path: Path) -> None:
    """Region names and notes like ``../../etc`` create no file: only the named outputs appear."""
    before = _tree(tmp_path)
    out = tmp_path / "deep" / "plans" / "current"
    assert cli("plan", str(nasty), "--out", str(out)).code == 0
    book = tmp_path / "hemat.xlsx"
    assert cli("savings", str(nasty), "--format", "xlsx", "--out", str(book)).code == 0
    made = _tree(tmp_path) - before
    expected = {MARKER, "graph.mmd", "plan.json", "plan.md", "savings.csv", "savings.xlsx"}
    assert made == {f"deep/plans/current/{n}" for n in expected} | {"hemat.xlsx"}


# --- file names are untrusted text too ---------------------------------------------------------

FORGED = "x\nforged.yaml:1:1: error E999 \x1b[31mfake.yaml"


def test_file_name_cannot_forge_a_text_line(cli: Cli, nasty: Path) -> None:
    """A file name with a line break and an escape stays on its finding's line, escaped."""
    (nasty / FORGED).write_text("schema: nope\n", encoding="utf-8")
    result = cli("validate", str(nasty), "--lang", "en")
    no_raw_control(result.out)
    assert not any(line.startswith("forged.yaml") for line in result.out.splitlines())


def test_file_name_in_github_format(cli: Cli, nasty: Path) -> None:
    """A file name with an escape shows it escaped in GitHub workflow commands."""
    (nasty / FORGED).write_text("schema: nope\n", encoding="utf-8")
    result = cli("validate", str(nasty), "--format", "github", "--lang", "en")
    assert all(line.startswith("::") for line in result.out.splitlines())
    no_raw_control(result.out)
