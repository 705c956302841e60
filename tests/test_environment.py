"""An unfriendly environment never changes the exit code a command earned, nor shows a traceback:
a closed standard output, a reader that goes away (``| head``), an output encoding that is not
UTF-8, and a ``GITHUB_STEP_SUMMARY`` that cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from migrasi.cli.app import run
from tests.conftest import DATACENTER, INVENTORY

WORDY = INVENTORY.replace("owner: BKPSDM", "owner: Badan Kepegawaian — Pengembangan SDM ☆ 漢字")
"""A valid inventory whose owner holds characters ASCII and Latin-1 cannot encode."""

BROKEN = INVENTORY.replace("criticality: tinggi", "criticality: tingi")
"""An inventory with one error (E102): validate exits 1."""


@pytest.fixture
def inv(tmp_path: Path) -> Path:
    """A folder with the data-center file and one valid inventory with an unencodable owner."""
    folder = tmp_path / "inv"
    folder.mkdir()
    (folder / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (folder / "kota-uji.yaml").write_text(WORDY, encoding="utf-8")
    return folder


def migrasi(*args: str, cwd: Path, env: dict[str, str] | None = None, **kw: Any) -> Any:
    """Run ``python -m migrasi ARGS`` (the real entry point) and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "migrasi", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
        **kw,
    )


def clean(err: bytes) -> str:
    """The standard error of a run, asserted free of tracebacks and internal errors."""
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "internal" not in text and "galat internal" not in text
    return text


def _closed_reader() -> int:
    """The write end of a pipe whose reader is already gone: every write to it fails (EPIPE)."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize(("inventory", "code"), [(WORDY, 0), (BROKEN, 1)])
def test_reader_gone_keeps_validate_exit_code(
    inv: Path, tmp_path: Path, inventory: str, code: int
) -> None:
    """``validate | head`` with the reader gone exits with the validation's code, quietly."""
    (inv / "kota-uji.yaml").write_text(inventory, encoding="utf-8")
    write = _closed_reader()
    try:
        done = migrasi("validate", str(inv), "--format", "json", cwd=tmp_path, stdout=write)
    finally:
        os.close(write)
    clean(done.stderr)
    assert done.returncode == code


def test_reader_gone_after_plan_written_exits_0(inv: Path, tmp_path: Path) -> None:
    """``plan | head``: the plan is written, the summary finds no reader, and plan exits 0."""
    write = _closed_reader()
    try:
        done = migrasi("plan", str(inv), "--out", "plan", cwd=tmp_path, stdout=write)
    finally:
        os.close(write)
    clean(done.stderr)
    assert done.returncode == 0
    assert (tmp_path / "plan" / "plan.json").is_file()


@pytest.mark.parametrize("command", [["validate"], ["savings", "--format", "csv"]])
def test_closed_stdout(inv: Path, tmp_path: Path, command: list[str]) -> None:
    """With standard output closed (``>&-``) a command still runs and exits with its own code."""
    done = migrasi(command[0], str(inv), *command[1:], cwd=tmp_path, preexec_fn=lambda: os.close(1))
    clean(done.stderr)
    assert done.returncode == 0


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_output_encoding_that_is_not_utf8(inv: Path, tmp_path: Path, encoding: str) -> None:
    """On an ASCII or Latin-1 terminal, what cannot be encoded is replaced; exit codes hold."""
    env = {"PYTHONIOENCODING": encoding}
    done = migrasi("plan", str(inv), "--out", "plan", cwd=tmp_path, env=env, stdout=subprocess.PIPE)
    clean(done.stderr)
    assert done.returncode == 0
    assert (tmp_path / "plan" / "plan.json").is_file()
    done.stdout.decode(encoding)  # nothing but the encoding's own bytes
    shown = migrasi(
        "savings", str(inv), "--by", "opd", "--lang", "en", cwd=tmp_path, env=env,
        stdout=subprocess.PIPE,
    )  # fmt: skip
    clean(shown.stderr)
    assert shown.returncode == 0
    assert "Badan Kepegawaian" in shown.stdout.decode(encoding) and b"?" in shown.stdout
    (inv / "kota-uji.yaml").write_text(BROKEN, encoding="utf-8")
    checked = migrasi("validate", str(inv), cwd=tmp_path, env=env, stdout=subprocess.PIPE)
    clean(checked.stderr)
    assert checked.returncode == 1


@pytest.mark.parametrize("where", ["missing/summary.md", "a-folder"])
@pytest.mark.parametrize(("inventory", "code"), [(INVENTORY, 0), (BROKEN, 1)])
def test_bad_step_summary_path_is_a_warning(
    inv: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    inventory: str,
    code: int,
) -> None:
    """A GITHUB_STEP_SUMMARY naming a missing folder or a folder is a warning on stderr; the
    annotations are printed and the exit code is the validation's."""
    (inv / "kota-uji.yaml").write_text(inventory, encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    summary = tmp_path / where
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run(["validate", str(inv), "--lang", "en"])
    out, err = capsys.readouterr()
    assert result == code, err
    assert f"migrasi: warning: cannot add the step summary to {summary}: " in err
    if code:
        assert out.startswith("::error file=")
