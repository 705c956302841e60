"""Every input the fuzzer saved in ``tests/fuzz_corpus/`` runs cleanly through migrasi.

Each ``<hash>.yaml`` is run as ``make fuzz`` ran it: as one file through the YAML loader, and
split into up to four files (``fuzz.targets.MARK``) through validate, plan and every output.
Nothing may raise but a ``MigrasiError``, and no invariant of the outputs may break (the
checks of ``fuzz/targets.py``). Each input has a note beside it (``<hash>.txt``) saying what it
found. Inputs of bugs not fixed yet are listed in ``OPEN`` and expected to fail. A
``<hash>.sheet`` input of the import harness runs through ``fuzz.targets.import_bytes``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fuzz.targets import import_bytes, parse_bytes, run_folder

CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
INPUTS = sorted(CORPUS.glob("*.yaml"))
SHEETS = sorted(CORPUS.glob("*.sheet"))
HANG_GUARD = 20.0

OPEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One scratch folder for all inputs, so that the reference plan for diff is made once."""
    return tmp_path_factory.mktemp("fuzz-regressions")


def test_corpus_inputs_have_notes() -> None:
    """The corpus is not empty and every input has its note (and every note its input)."""
    assert INPUTS, "tests/fuzz_corpus/ holds no input"
    notes = {p.stem for p in CORPUS.glob("*.txt")}
    assert notes == {p.stem for p in [*INPUTS, *SHEETS]}
    assert set(OPEN) <= notes


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, id=p.stem, marks=pytest.mark.xfail(strict=True, reason=OPEN[p.stem]))
        if p.stem in OPEN
        else pytest.param(p, id=p.stem)
        for p in INPUTS
    ],
)
def test_fuzz_input_runs_cleanly(scratch: Path, path: Path) -> None:
    """The saved input parses, validates, plans and renders without an exception, in time."""
    data = path.read_bytes()
    start = time.monotonic()
    lang = "id" if len(data) % 2 else "en"  # as the fuzzer chose
    problems = [*parse_bytes(data), *run_folder(scratch, data, lang)]
    assert not problems, problems[0]
    assert time.monotonic() - start < HANG_GUARD


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in SHEETS])
def test_fuzz_workbook_imports_cleanly(scratch: Path, path: Path) -> None:
    """The saved workbook (or sheet text) imports without an exception or a broken invariant."""
    data = path.read_bytes()
    start = time.monotonic()
    problems = import_bytes(scratch, data, "id" if len(data) % 2 else "en")
    assert not problems, problems[0]
    assert time.monotonic() - start < HANG_GUARD
