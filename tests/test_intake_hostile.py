"""Hostile workbooks: each gives its findings, never a traceback, in bounded time and memory.

The command-line runs happen in a subprocess with the hang guard of ``test_hostile`` and report
the process's peak memory. ``--annotate`` and ``--out`` are always asked for: neither may be
written from a refused workbook, and ``--out`` never while an error stands.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from migrasi.core.models import Inventory
from migrasi.loading.yamlio import parse
from tests.intake.hostile import BUILDS, FORMULA_TEXTS, formula_texts
from tests.intake.workbooks import others
from tests.test_hostile import HANG_GUARD, assert_clean_exit, cli

PEAK_MB = 400
"""No hostile workbook may take more memory than this (the interpreter itself takes ~60 MB)."""


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_hostile_workbook(tmp_path: Path, name: str) -> None:
    """import exits with its findings and no traceback, within the hang guard and the memory
    bound; nothing is written from a workbook with an error."""
    build, expect, code = BUILDS[name]
    path = build(tmp_path)
    out, copy = tmp_path / "out.yaml", tmp_path / "copy.xlsx"
    with_ = str(others(tmp_path / "with"))
    args = ("--out", str(out), "--annotate", str(copy), "--format", "json", "--lang", "en")
    ran = cli("import", str(path), "--with", with_, *args, cwd=tmp_path)
    assert_clean_exit(ran, code)
    found = {f"{f['code']} {f.get('cell', '-')}" for f in json.loads(ran.out)}
    assert found == set(expect)
    assert out.exists() == (code == 0)
    assert copy.exists() == (not any(e.startswith(("E002", "E005")) for e in expect))
    assert ran.seconds < HANG_GUARD
    assert ran.peak_mb < PEAK_MB, ran.peak_mb


def test_formula_texts_stay_text(tmp_path: Path) -> None:
    """Text beginning like a formula is imported as that text and stays a string cell in the
    annotated copy and in the exported workbook."""
    from migrasi.api_intake import annotated, import_workbook, template

    path = tmp_path / "rumus.xlsx"
    path.write_bytes(formula_texts(tmp_path))
    result = import_workbook(path, [others(tmp_path / "with")])
    assert result.inventory is not None
    a, b = result.inventory.systems
    assert (a.owner, a.hosting.provider, a.notes, b.owner, b.hosting.provider, b.notes) == (
        FORMULA_TEXTS
    )
    copy = annotated(result, "id")
    assert copy is not None
    ws = load_workbook(io.BytesIO(copy))["Sistem"]
    assert [(ws[r].value, ws[r].data_type) for r in ("C3", "H3")] == [
        (FORMULA_TEXTS[0], "s"), (FORMULA_TEXTS[1], "s")]  # fmt: skip
    yaml_file = tmp_path / "with" / "kota-uji.yaml"
    from migrasi.api_intake import inventory_text

    yaml_file.write_text(inventory_text(result, "x"), encoding="utf-8")
    assert Inventory.model_validate(parse("k", yaml_file.read_bytes()).data) == result.inventory
    made = template(yaml_file, "id")
    assert made.workbook is not None
    ws = load_workbook(io.BytesIO(made.workbook))["Sistem"]
    assert all(ws[r].data_type == "s" and ws[r].quotePrefix for r in ("C3", "H3", "AP3", "C4"))
