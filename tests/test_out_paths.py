"""Output paths a user can trust: ``plan --out`` never replaces a folder that is not a plan, a
link is followed and kept, special files are written into, ``-`` is standard output, and new
files get the permissions the umask gives."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from migrasi.cli.app import run
from migrasi.cli.plan_folder import MARKER
from tests.conftest import DATACENTER, INVENTORY

PLAN_FILES = [MARKER, "graph.mmd", "plan.json", "plan.md", "savings.csv", "savings.xlsx"]

Tree = dict[str, tuple[int, bytes | str | None]]


def tree(root: Path) -> Tree:
    """Every entry under ``root`` (itself included): its mode and its bytes or link target."""
    out: Tree = {}
    for here, dirs, files in os.walk(root):
        for name in ["", *dirs, *files]:
            path = Path(here) / name
            info = path.lstat()
            content: bytes | str | None = None
            if stat.S_ISLNK(info.st_mode):
                content = os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                content = path.read_bytes()
            out[path.relative_to(root.parent).as_posix()] = (info.st_mode, content)
    return out


@pytest.fixture
def inv(tmp_path: Path) -> Path:
    """A folder with the data-center file and one valid inventory."""
    folder = tmp_path / "inv"
    folder.mkdir()
    (folder / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (folder / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    return folder


def _documents(tmp_path: Path) -> Path:
    folder = tmp_path / "Dokumen"
    (folder / "laporan").mkdir(parents=True)
    (folder / "anggaran 2027.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "laporan" / "bab-1.md").write_text("# Bab 1\n", encoding="utf-8")
    (folder / "tautan").symlink_to("laporan")
    return folder


def _project(tmp_path: Path) -> Path:
    folder = tmp_path / "proyek"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (folder / "README.md").write_text("inventories of Jambi\n")
    return folder


def _inputs(tmp_path: Path) -> Path:
    return tmp_path / "inv"


def _plans_parent(tmp_path: Path) -> Path:
    """``plans/`` holding two plan folders: a plan folder's parent is not a plan folder."""
    plans = tmp_path / "plans"
    for name in ("current", "main"):
        assert run(["plan", str(tmp_path / "inv"), "--out", str(plans / name)]) == 0
    return plans


def _hidden_only(tmp_path: Path) -> Path:
    folder = tmp_path / "hidden"
    folder.mkdir()
    (folder / ".env").write_text("SECRET=1\n")
    return folder


def _named_like_a_plan(tmp_path: Path) -> Path:
    """Files with a plan's names but no marker: someone's own plan.json, not one migrasi wrote."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "plan.json").write_text('{"schema": "migrasi/plan/v1", "mine": true}\n')
    (folder / "plan.md").write_text("my own notes\n")
    return folder


def _plan_with_extra(tmp_path: Path) -> Path:
    """A plan folder migrasi wrote, into which someone put a file of their own."""
    folder = tmp_path / "plans" / "current"
    assert run(["plan", str(tmp_path / "inv"), "--out", str(folder)]) == 0
    (folder / "catatan-rapat.txt").write_text("keep me\n")
    return folder


def _plan_with_a_folder(tmp_path: Path) -> Path:
    """A plan folder in which a plan file's name is now a folder holding someone's files."""
    folder = tmp_path / "plans" / "current"
    assert run(["plan", str(tmp_path / "inv"), "--out", str(folder)]) == 0
    (folder / "plan.md").unlink()
    (folder / "plan.md").mkdir()
    (folder / "plan.md" / "draft.md").write_text("keep me\n")
    return folder


def _marker_is_a_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    (folder / MARKER).mkdir(parents=True)
    (folder / "data.csv").write_text("a,b\r\n")
    return folder


FOREIGN: dict[str, Callable[[Path], Path]] = {
    "a folder of documents": _documents,
    "a project folder": _project,
    "the inventories themselves": _inputs,
    "plans/ with its plan folders": _plans_parent,
    "a folder holding only a hidden file": _hidden_only,
    "files named like a plan's, no marker": _named_like_a_plan,
    "a plan folder with a file of someone's": _plan_with_extra,
    "a plan folder with a folder of someone's": _plan_with_a_folder,
    "a marker that is a folder": _marker_is_a_folder,
}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_plan_never_replaces_a_folder_that_is_not_a_plan(
    inv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Exit 2 naming the folder and how to proceed; every byte under it and beside it stays."""
    target = FOREIGN[name](tmp_path)
    before = tree(tmp_path)
    capsys.readouterr()
    code = run(["plan", str(inv), "--out", str(target), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"will not replace {target}" in err
    assert "nothing was changed" in err and "Give --out a new or empty folder" in err
    assert tree(tmp_path) == before


def test_refusal_speaks_indonesian_by_default(
    inv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refusal names the folder and the way out in the default language."""
    target = _documents(tmp_path)
    assert run(["plan", str(inv), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"{target} tidak diganti" in err and "folder yang baru atau kosong" in err


def test_empty_folder_and_own_plan_are_replaced(inv: Path, tmp_path: Path) -> None:
    """An empty folder takes the plan; a plan folder migrasi wrote is replaced by the next one."""
    target = tmp_path / "kosong"
    target.mkdir()
    assert run(["plan", str(inv), "--out", str(target)]) == 0
    assert sorted(os.listdir(target)) == PLAN_FILES
    first = (target / "plan.json").read_bytes()
    (inv / "kota-uji.yaml").write_text(INVENTORY.replace("amount: 4500000", "amount: 5500000"))
    assert run(["plan", str(inv), "--out", str(target)]) == 0
    assert b"5500000" in (target / "plan.json").read_bytes() != first
    assert sorted(os.listdir(tmp_path)) == ["inv", "kosong"]


def test_plan_through_a_link_is_written_where_it_points(inv: Path, tmp_path: Path) -> None:
    """A link to the plan folder stays a link; the plan goes where it points, run after run."""
    real = tmp_path / "arsip" / "rencana"
    link = tmp_path / "plans" / "current"
    link.parent.mkdir()
    link.symlink_to(real)  # dangling until the first run
    for _ in range(3):
        assert run(["plan", str(inv), "--out", str(link)]) == 0
        assert link.is_symlink() and os.readlink(link) == str(real)
        assert sorted(os.listdir(real)) == PLAN_FILES
        assert os.listdir(link.parent) == ["current"]
        assert os.listdir(real.parent) == ["rencana"]


def test_link_to_a_folder_that_is_not_a_plan_is_refused(
    inv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link to a folder of documents is refused like the folder itself."""
    documents = _documents(tmp_path)
    link = tmp_path / "out"
    link.symlink_to(documents)
    before = tree(tmp_path)
    assert run(["plan", str(inv), "--out", str(link), "--lang", "en"]) == 2
    assert f"will not replace {link}" in capsys.readouterr().err
    assert tree(tmp_path) == before


def test_plan_to_standard_output_is_refused(
    inv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``plan --out -`` is wrong usage (exit 2): a folder cannot go to standard output."""
    monkeypatch.chdir(tmp_path)
    assert run(["plan", str(inv), "--out", "-"]) == 2
    assert "standard output" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["inv"]


def test_savings_dash_is_standard_output(
    inv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``savings --out -`` writes to standard output and creates no file called ``-``."""
    monkeypatch.chdir(tmp_path)
    assert run(["savings", str(inv), "--format", "csv", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("region,")
    assert sorted(os.listdir(tmp_path)) == ["inv"]


def test_savings_xlsx_to_dev_stdout_in_a_pipe(inv: Path, tmp_path: Path) -> None:
    """``--out /dev/stdout`` sends the workbook down the pipe; /dev/stdout stays what it was."""
    before = os.lstat("/dev/stdout")
    done = subprocess.run(
        [sys.executable, "-m", "migrasi", "savings", str(inv), "--format", "xlsx", "--out",
         "/dev/stdout"],
        capture_output=True, cwd=tmp_path, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.startswith(b"PK\x03\x04")
    after = os.lstat("/dev/stdout")
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_savings_into_a_named_pipe(inv: Path, tmp_path: Path) -> None:
    """A named pipe given as ``--out`` is written into (a reader gets the CSV) and stays a pipe."""
    fifo = tmp_path / "hemat.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code = run(["savings", str(inv), "--format", "csv", "--out", str(fifo)])
    reader.join(timeout=20)
    if reader.is_alive():  # nothing was written into the pipe: let the reader go
        with fifo.open("wb"):
            pass
        reader.join(timeout=20)
    assert code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"region,")


def test_savings_into_a_device(inv: Path, tmp_path: Path) -> None:
    """A character device (a copy of /dev/null) is written into, never replaced by a file."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("device files cannot be made here")
    assert run(["savings", str(inv), "--format", "csv", "--out", str(device)]) == 0
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(os.listdir(tmp_path)) == ["inv", "null"]


def test_savings_through_a_link_replaces_its_target(inv: Path, tmp_path: Path) -> None:
    """``--out`` naming a link to a file replaces the file it points at; the link stays."""
    real = tmp_path / "share" / "hemat.csv"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    link = tmp_path / "hemat.csv"
    link.symlink_to(real)
    assert run(["savings", str(inv), "--format", "csv", "--out", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"region,")


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_new_files_follow_the_umask(inv: Path, tmp_path: Path, mask: int) -> None:
    """The plan folder, its files and ``savings --out`` get 0o777/0o666 less the umask."""
    old = os.umask(mask)
    try:
        assert run(["plan", str(inv), "--out", str(tmp_path / "plan")]) == 0
        assert (
            run(["savings", str(inv), "--format", "xlsx", "--out", str(tmp_path / "h.xlsx")]) == 0
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plan").stat().st_mode) == 0o777 & ~mask
    for name in PLAN_FILES:
        assert stat.S_IMODE((tmp_path / "plan" / name).stat().st_mode) == 0o666 & ~mask, name
    assert stat.S_IMODE((tmp_path / "h.xlsx").stat().st_mode) == 0o666 & ~mask


def test_unreadable_target_is_a_clear_error(
    inv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan folder that cannot be listed (permissions) is a clear error, exit 1, untouched.

    Tests run as root here, where permissions do not stop listing: the refusal is simulated.
    """
    target = tmp_path / "locked"
    target.mkdir()
    (target / "secret.txt").write_text("keep me\n")
    real_listdir = os.listdir

    def refusing(path: Any = ".") -> list[str]:
        if Path(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", refusing)
    code = run(["plan", str(inv), "--out", str(target), "--lang", "en"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"cannot write {target}: Permission denied" in err
    assert real_listdir(target) == ["secret.txt"]
