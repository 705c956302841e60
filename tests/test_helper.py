"""Reading and checking a large input with other processes gives exactly what one process
finds alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from migrasi.api import ValidationResult, validate
from migrasi.core.checks import check
from migrasi.core.findings import Finding
from migrasi.loading import helper
from migrasi.loading.aside import forked
from migrasi.loading.documents import load

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())
SHIPPED = Path(__file__).parent.parent / "inventories"

needs_fork = pytest.mark.skipif(not helper._can_fork(), reason="this system cannot fork")


def _shown(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.file, f.code, f.line, f.column, f.severity, f.path, repr(f.args)) for f in findings]


def _summary(result: ValidationResult) -> tuple[object, ...]:
    inputs = result.loaded.inputs
    return (
        _shown(result.findings),
        _shown(result.accepted),
        sorted(result.loaded.hashes.items()),
        result.sources(),
        [(i.file, i.region, i.region_id, i.systems, i.ids, i.complete) for i in inputs.inventories],
        [(d.file, d.model) for d in inputs.datacenters],
        sorted(result.checked.items),
    )


def _with_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every input of two files or more is shared with a helper, on any machine."""
    monkeypatch.setattr(helper, "SHARE_ABOVE", -1)
    monkeypatch.setattr(helper, "HELPER_SHARE", 0.5)
    monkeypatch.setattr(helper, "_cores", lambda: 2)


@needs_fork
@pytest.mark.parametrize("case", [*CASES, SHIPPED], ids=lambda p: p.name)
def test_a_helper_changes_nothing_that_is_read(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings with their positions, inputs, hashes and sources are those of one process."""
    alone = _summary(validate([case], show_accepted=True))
    _with_helper(monkeypatch)
    shared = validate([case], show_accepted=True)
    files = len(shared.loaded.files)
    assert (shared.loaded.helper is not None) == (files >= 2)
    assert _summary(shared) == alone


@needs_fork
def test_findings_of_the_checks_get_their_positions_from_the_helper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A finding raised after loading, on a file the helper read, is placed on the helper's tree."""
    _with_helper(monkeypatch)
    shared = validate([SHIPPED], show_accepted=True)
    assert shared.loaded.helper is not None
    theirs = shared.loaded.helper.files
    assert theirs
    placed = [f for f in shared.findings + shared.accepted if f.file in theirs]
    assert placed
    assert all(f.line is not None and f.column is not None for f in placed)


@needs_fork
def test_a_helper_that_fails_leaves_its_files_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the helper dies before it answers, this process reads its files: the same result."""
    alone = _summary(validate([SHIPPED], show_accepted=True))
    _with_helper(monkeypatch)
    monkeypatch.setattr(helper, "_serve", lambda *args: os._exit(1))
    shared = validate([SHIPPED], show_accepted=True)
    assert shared.loaded.helper is None
    assert _summary(shared) == alone


def test_small_inputs_and_one_core_are_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """No helper below the size limit, nor on a machine with one core."""
    assert validate([SHIPPED]).loaded.helper is None
    monkeypatch.setattr(helper, "SHARE_ABOVE", -1)
    monkeypatch.setattr(helper, "_cores", lambda: 1)
    assert validate([SHIPPED]).loaded.helper is None


@needs_fork
@pytest.mark.parametrize("case", [*CASES, SHIPPED], ids=lambda p: p.name)
def test_checks_half_done_in_a_forked_process_are_the_same(case: Path) -> None:
    """The checks with their ungrouped half in a forked process give the same findings."""
    inputs = load([case]).inputs
    alone, shared = check(inputs), check(inputs, aside=forked)
    assert _shown(shared.findings) == _shown(alone.findings)
    assert (shared.groups, shared.fixed, shared.movable) == (
        alone.groups,
        alone.fixed,
        alone.movable,
    )


@needs_fork
def test_a_forked_check_that_fails_is_done_here() -> None:
    """When the forked process fails before it answers, this process does its work itself."""
    parent = os.getpid()

    def work() -> list[list[Finding]]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return [[Finding("E201", "here.yaml", line=1, column=1)]]

    assert [_shown(done) for done in forked(work)()] == [_shown(done) for done in work()]


@needs_fork
def test_a_plan_lets_the_helper_go_before_its_files_are_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once the plan's findings have their positions, the helper and its trees are let go, and
    the plan document is the one a single process makes."""
    from migrasi.api import plan
    from migrasi.render.plan_json import plan_json

    alone = plan([SHIPPED])
    _with_helper(monkeypatch)
    shared = plan([SHIPPED])
    assert shared.document is not None and alone.document is not None
    assert shared.validation.loaded.helper is None
    assert plan_json(shared.document) == plan_json(alone.document)
    lines = [(d.file, d.line, d.column) for d in shared.document.diagnostics]
    assert all(line is not None for _, line, _ in lines)


@needs_fork
def test_a_helper_whose_reader_is_gone_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """When this process stops taking files (Ctrl-C ends it), the helper returns, no traceback."""
    import multiprocessing
    import signal

    monkeypatch.setattr(signal, "signal", lambda *args: None)  # keep this process's Ctrl-C
    reads, sent = multiprocessing.Pipe(duplex=False)
    mine, theirs = multiprocessing.Pipe()
    reads.close()
    work: list[helper.Work] = [(p, p.name, None) for p in sorted(SHIPPED.glob("*.yaml"))]
    helper._serve(sent, theirs, (mine,), work)
