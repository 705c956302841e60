"""Golden cases: the plan folder of hand-made scenarios, byte for byte, in both languages.

Each folder of tests/cases holds ``inventories/`` and ``expected/``; run pytest with
``--update-goldens`` to rewrite ``expected/`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrasi import api
from migrasi.cli.plan_folder import MARKER, marker_text
from migrasi.core.plandoc import read_document
from tests.conftest import ROOT, plan_data

CASES = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir())


def outputs(case: Path) -> dict[str, bytes]:
    """The plan folder of a case, planned from inside its folder, plus plan.md in English."""
    here = Path.cwd()
    os.chdir(case)
    try:
        result = api.plan([Path("inventories")])
        files = api.plan_files(result, "id")
        files["plan.en.md"] = api.plan_files(result, "en")["plan.md"]
        for ref in sorted(result.plan.systems if result.plan else ()):
            if ref.endswith(("simrs-bridge", "e-office", "spse")):
                name = f"explain-{ref.replace('/', '-')}.txt"
                files[name] = api.explain(ref, [Path("inventories")], "en").encode()
        return files
    finally:
        os.chdir(here)


def _shown(data: bytes, name: str) -> str | bytes:
    """Text files as text (readable diffs), the workbook as bytes."""
    return data if name.endswith(".xlsx") else data.decode()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, update_goldens: bool) -> None:
    """The plan folder of the case equals its expected files."""
    produced = outputs(case)
    plan_data(read_document(produced["plan.json"]))
    expected_dir = case / "expected"
    if update_goldens:
        expected_dir.mkdir(exist_ok=True)
        for old in expected_dir.iterdir():
            old.unlink()
        for name, data in produced.items():
            (expected_dir / name).write_bytes(data)
    expected = {p.name: p.read_bytes() for p in expected_dir.iterdir()}
    assert sorted(produced) == sorted(expected)
    for name in sorted(produced):
        assert _shown(produced[name], name) == _shown(expected[name], name), name


def test_committed_plan_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    """plans/current is what `make plan` produces now, so reviewers see plan changes in diffs."""
    monkeypatch.chdir(ROOT)
    result = api.plan([Path("inventories")])
    produced = api.plan_files(result, "id")
    committed = {p.name: p.read_bytes() for p in (ROOT / "plans" / "current").iterdir()}
    assert committed.pop(MARKER) == marker_text(list(produced))
    assert sorted(produced) == sorted(committed)
    for name in sorted(produced):
        assert _shown(produced[name], name) == _shown(committed[name], name), name


def test_explain_answers_for_every_shipped_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """migrasi explain has an answer, in both languages, for every system of the shipped plan."""
    from migrasi.render.explain_text import explain

    monkeypatch.chdir(ROOT)
    result = api.plan([Path("inventories")])
    assert result.document is not None
    items = result.validation.checked.items
    for ref in (s.ref for s in result.document.systems):
        for lang in ("id", "en"):
            words = explain(ref, result.document, items, lang)
            assert words.startswith(ref) and ("NPV" in words)


def test_workbook_built_aside_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large plans build the workbook in a second process: the files are byte-identical."""
    monkeypatch.chdir(ROOT)
    result = api.plan([Path("inventories")])
    assert api.plan_files(result, "id", parallel_above=0) == api.plan_files(result, "id")
