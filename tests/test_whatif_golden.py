"""Golden outputs of compare and sensitivity, in every format and both languages, on a small
case (tests/whatif/): a scenario that raises costs, one under which systems can never fit, and
one that starts later with a smaller team."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

HERE = ROOT / "tests" / "whatif"
INVENTORIES = "tests/cases/cycle-and-pilot/inventories"
SCENARIOS = ("tarif-naik", "rak-kecil", "mulai-mei")
CHOSEN = [a for s in SCENARIOS for a in ("--scenario", f"tests/whatif/scenarios/{s}.yaml")]
COMMANDS = {
    "compare": ["compare", INVENTORIES, *CHOSEN],
    "sensitivity": ["sensitivity", INVENTORIES, "--range", "90", "--rate-points", "2.5"],
}
CASES = [
    (command, fmt, lang)
    for command in COMMANDS
    for fmt in ("table", "md", "json")
    for lang in (("id", "en") if fmt != "json" else ("id",))
]


@pytest.mark.parametrize(("command", "fmt", "lang"), CASES)
def test_golden_output(command: str, fmt: str, lang: str, cli: Any, update_goldens: bool,
                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The command's output in this format and language is the expected file, byte for byte."""
    monkeypatch.chdir(ROOT)
    done = cli(*COMMANDS[command], "--format", fmt, "--lang", lang)
    assert done.code == 0, done.err
    expected = HERE / "expected" / f"{command}.{lang}.{fmt.replace('table', 'txt')}"
    if update_goldens:
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(done.out, encoding="utf-8")
    assert done.out == expected.read_text(encoding="utf-8")


def test_errors_under_a_scenario_go_to_standard_error(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scenario under which systems never fit shows a dash and E207 in the table, and its
    findings, at their places and naming it, on standard error; the command still exits 0."""
    monkeypatch.chdir(ROOT)
    done = cli(*COMMANDS["compare"], "--lang", "en")
    assert done.code == 0
    assert "E207" in done.out
    assert "kab-uji.yaml" in done.err and "error E207" in done.err
    assert "under scenario 'Rak kecil', tests/whatif/scenarios/rak-kecil.yaml" in done.err


def test_xlsx_formats_write_workbooks(cli: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """xlsx needs --out and writes a workbook with a chart, the same bytes each run."""
    monkeypatch.chdir(ROOT)
    import zipfile

    for command, args in COMMANDS.items():
        assert cli(*args, "--format", "xlsx").code == 2
        first, second = tmp_path / f"{command}1.xlsx", tmp_path / f"{command}2.xlsx"
        for out in (first, second):
            assert cli(*args, "--format", "xlsx", "--out", str(out)).code == 0
        assert first.read_bytes() == second.read_bytes()
        names = zipfile.ZipFile(first).namelist()
        assert "xl/charts/chart1.xml" in names
