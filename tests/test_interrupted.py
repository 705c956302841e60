"""Interrupted and failing plan runs: the plan folder is whole, old or new, never mixed.

``migrasi plan`` runs in a subprocess on a copy of the shipped inventories and is killed with
SIGKILL or interrupted with SIGINT: at many instants spread over a run (timed from a measured
run), and at each step of the write (a wrapper pauses the child right after the n-th
``os.fsync`` or ``os.replace``, so that the signal lands there for certain). After each, the
previous plan is still there byte for byte, or the new one whole; nothing half-written sits at
the target; what is left over is hidden and the next run puts it right. A second run on the
same folder waits for the first one's write instead of removing its work. Write failures (a
read-only file system, a full disk, an output path that is a file) are simulated in-process.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from migrasi.cli.app import run
from migrasi.cli.plan_folder import MARKER, recover
from tests.conftest import DATACENTER, INVENTORIES, INVENTORY

Snapshot = dict[str, bytes]

PAUSING = """\
import os, sys, time
import migrasi.cli
when = os.environ.get("PAUSE_AT", "")
counts = {}
def pause(kind):
    counts[kind] = counts.get(kind, 0) + 1
    if f"{kind}:{counts[kind]}" == when:
        print("PAUSED", file=sys.stderr, flush=True)
        resume = os.environ.get("RESUME_FILE", "")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (resume and os.path.exists(resume)):
            time.sleep(0.02)
real_fsync, real_replace = os.fsync, os.replace
def fsync(fd):
    real_fsync(fd)
    pause("fsync")
def replace(a, b):
    real_replace(a, b)
    pause("replace")
os.fsync, os.replace = fsync, replace
print("STARTED", file=sys.stderr, flush=True)
migrasi.cli.main()
"""
"""Runs ``migrasi ARGS`` and, when ``PAUSE_AT=kind:n`` is set, stops (for a minute, or until the
file ``RESUME_FILE`` names exists) right after the
n-th ``os.fsync`` or ``os.replace``: the write of the plan folder does, in order, an fsync of its
marker (1) and of each of its 5 files (2-6), of the new folder (7), replace 1 (old plan to
``.current.old``), replace 2 (new folder to ``current``), an fsync of the parent (8), then
removes ``.current.old``."""


def snapshot(folder: Path) -> Snapshot:
    """Every file of a folder by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@dataclass
class Workspace:
    """A copy of the inventories, the plans a run leaves (previous and new), the run's length."""

    root: Path
    previous: Snapshot
    new: Snapshot
    seconds: float

    @property
    def plans(self) -> Path:
        """The folder that holds the plan folder."""
        return self.root / "plans"

    @property
    def target(self) -> Path:
        """The plan folder the runs write."""
        return self.plans / "current"

    def reset(self) -> None:
        """Put the previous plan in place, and nothing else."""
        shutil.rmtree(self.plans, ignore_errors=True)
        self.plans.mkdir()
        self.target.mkdir()
        for name, data in self.previous.items():
            (self.target / name).write_bytes(data)

    def start(self, pause_at: str = "", resume: Path | None = None) -> subprocess.Popen[bytes]:
        """Start ``migrasi plan inventories --out plans/current`` in the workspace."""
        env = {**os.environ, "PAUSE_AT": pause_at, "RESUME_FILE": str(resume or "")}
        return subprocess.Popen(
            [sys.executable, "-c", PAUSING, "plan", "inventories", "--out", "plans/current"],
            cwd=self.root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )


def _plan(root: Path, inventories: str, out: str) -> float:
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "migrasi", "plan", inventories, "--out", out],
        cwd=root,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    return time.monotonic() - start


def _workspace(root: Path) -> Workspace:
    """Plan ``root/inventories`` (the new plan) and ``root/older`` (the previous one)."""
    seconds = _plan(root, "inventories", "reference")
    _plan(root, "older", "previous")
    ws = Workspace(root, snapshot(root / "previous"), snapshot(root / "reference"), seconds)
    assert ws.previous != ws.new
    assert sorted(ws.new) == [MARKER, "graph.mmd", "plan.json", "plan.md", "savings.csv",
                              "savings.xlsx"]  # fmt: skip
    return ws


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The shipped inventories copied, their plan, and a previous plan that differs."""
    root = tmp_path_factory.mktemp("interrupted")
    shutil.copytree(INVENTORIES, root / "inventories")
    older = root / "older"
    shutil.copytree(INVENTORIES, older)
    kota = older / "kota-jambi.yaml"
    kota.write_text(kota.read_text(encoding="utf-8").replace("SIMPEG", "SIMPEG lama", 1))
    return _workspace(root)


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A one-system inventory: its run is short, and its write is the same five files."""
    root = tmp_path_factory.mktemp("interrupted-quick")
    for name, inventory in (("inventories", INVENTORY), ("older", INVENTORY.replace(
            "name: SIMPEG", "name: SIMPEG lama"))):  # fmt: skip
        (root / name).mkdir()
        (root / name / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
        (root / name / "kota-uji.yaml").write_text(inventory, encoding="utf-8")
    return _workspace(root)


def check_after_stop(ws: Workspace) -> str:
    """Assert what a stopped run left, let the next run's recovery act, assert again.

    Returns which plan was left: ``previous``, ``new`` or ``previous beside`` (between renames).
    """
    entries = sorted(os.listdir(ws.plans))
    hidden = [e for e in entries if e.startswith(".")]
    assert [e for e in entries if not e.startswith(".")] in (["current"], []), entries
    assert all(e.startswith(".current.tmp-") or e == ".current.old" for e in hidden), entries
    if ws.target.exists():
        left = snapshot(ws.target)
        assert left in (ws.previous, ws.new), "the plan folder holds a mix or a part"
        state = "previous" if left == ws.previous else "new"
    else:
        assert snapshot(ws.plans / ".current.old") == ws.previous
        state = "previous beside"
    recover(ws.target)
    assert os.listdir(ws.plans) == ["current"]
    assert snapshot(ws.target) == (ws.new if state == "new" else ws.previous)
    return state


def _wait_for(process: subprocess.Popen[bytes], word: bytes, timeout: float = 60) -> bytes:
    """Read the child's stderr until a line holds ``word``; return what was read."""
    assert process.stderr is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen += line
        if word in line:
            return seen
    process.kill()
    pytest.fail(f"the child never printed {word!r}: {seen.decode(errors='replace')[-2000:]}")


def _kill_delays(seconds: float) -> Iterator[float]:
    """Fourteen instants: five over the run and nine packed around its last tenth, the write
    (the tests of each write step below hit every step of it for certain)."""
    for i in range(5):
        yield seconds * (0.15 + 0.7 * i / 4)
    for i in range(9):
        yield seconds * (0.88 + 0.14 * i / 8)


def test_sigkill_at_many_instants(workspace: Workspace) -> None:
    """SIGKILL at any instant leaves the previous plan or the new one, whole; recovery tidies."""
    states: list[str] = []
    for delay in _kill_delays(workspace.seconds):
        workspace.reset()
        process = workspace.start()
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        states.append(check_after_stop(workspace))
    assert set(states) <= {"previous", "new", "previous beside"}


WRITE_STEPS = ["fsync:1", "fsync:2", "fsync:4", "fsync:6", "fsync:7", "replace:1", "replace:2",
               "fsync:8"]  # fmt: skip
LEFT_AFTER_KILL = {
    "fsync:1": "previous",
    "fsync:2": "previous",
    "fsync:4": "previous",
    "fsync:6": "previous",
    "fsync:7": "previous",
    "replace:1": "previous beside",
    "replace:2": "new",
    "fsync:8": "new",
}


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_sigkill_at_each_write_step(quick: Workspace, step: str) -> None:
    """SIGKILL right after each fsync and rename of the write leaves what that step implies."""
    quick.reset()
    process = quick.start(step)
    _wait_for(process, b"PAUSED")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert check_after_stop(quick) == LEFT_AFTER_KILL[step]


def test_next_run_restores_a_plan_left_beside(workspace: Workspace) -> None:
    """After a kill between the two renames, the next run puts the plan back and writes anew."""
    workspace.reset()
    process = workspace.start("replace:1")
    _wait_for(process, b"PAUSED")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert not workspace.target.exists()
    _plan(workspace.root, "inventories", "plans/current")
    assert os.listdir(workspace.plans) == ["current"]
    assert snapshot(workspace.target) == workspace.new


def test_next_failing_run_restores_a_plan_left_beside(quick: Workspace) -> None:
    """A next run that finds errors in the inputs still puts the previous plan back first."""
    quick.reset()
    process = quick.start("replace:1")
    _wait_for(process, b"PAUSED")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    broken = quick.root / "broken"
    shutil.copytree(quick.root / "inventories", broken, dirs_exist_ok=True)
    (broken / "zz-broken.yaml").write_text("schema: nope\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "migrasi", "plan", "broken", "--out", "plans/current"],
        cwd=quick.root,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert snapshot(quick.target) == quick.previous


def _exit_130(process: subprocess.Popen[bytes], before: bytes) -> list[str]:
    """Assert the child exits 130 with at most one line and no traceback; return its lines."""
    _, rest = process.communicate(timeout=60)
    lines = (before + rest).decode("utf-8", "replace").splitlines()
    lines = [line for line in lines if line not in ("STARTED", "PAUSED")]
    assert process.returncode == 130, lines
    assert len(lines) <= 1, lines
    assert not any("Traceback" in line for line in lines), lines
    return lines


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_ctrl_c_at_each_write_step(quick: Workspace, step: str) -> None:
    """Ctrl-C during the write exits 130; the old plan is back, or the new one whole."""
    quick.reset()
    process = quick.start(step)
    seen = _wait_for(process, b"PAUSED")
    process.send_signal(signal.SIGINT)
    _exit_130(process, seen)
    left = check_after_stop(quick)
    assert left == ("new" if step in ("replace:2", "fsync:8") else "previous")


def test_ctrl_c_while_planning(workspace: Workspace) -> None:
    """Ctrl-C at three instants once migrasi runs exits 130 without a traceback."""
    for i in range(3):
        workspace.reset()
        process = workspace.start()
        seen = _wait_for(process, b"STARTED")
        time.sleep(0.4 + (workspace.seconds - 0.4) * 0.8 * i / 2)
        process.send_signal(signal.SIGINT)
        if process.wait(timeout=60) == 0:  # the run ended before the signal came
            assert snapshot(workspace.target) == workspace.new
            continue
        _exit_130(process, seen)
        check_after_stop(workspace)


def test_ctrl_c_says_so_in_one_line(quick: Workspace) -> None:
    """Ctrl-C prints exactly one line, ``migrasi: <interrupted, in the language asked>``."""
    quick.reset()
    process = quick.start("fsync:3")
    seen = _wait_for(process, b"PAUSED")
    process.send_signal(signal.SIGINT)
    assert _exit_130(process, seen) == ["migrasi: dihentikan"]


def test_ctrl_c_while_starting(quick: Workspace) -> None:
    """Ctrl-C as soon as migrasi's main() starts still exits 130 with one line."""
    quick.reset()
    process = quick.start()
    seen = _wait_for(process, b"STARTED")
    time.sleep(0.05)  # past the harness's own two lines, into main() (which loads the CLI)
    process.send_signal(signal.SIGINT)
    _exit_130(process, seen)


# --- two runs on one folder ----------------------------------------------------------------


def test_second_run_waits_for_the_first_write(quick: Workspace, tmp_path: Path) -> None:
    """A run that finds another writing the same folder waits (and says so) instead of removing
    the other's build; both exit 0 and the folder holds the whole plan."""
    quick.reset()
    resume = tmp_path / "resume"
    first = quick.start("fsync:3", resume)
    _wait_for(first, b"PAUSED")
    builds = [e for e in os.listdir(quick.plans) if e.startswith(".current.tmp-")]
    assert len(builds) == 1
    second = quick.start()
    _wait_for(second, b"menunggu proses migrasi lain selesai menulis plans/current")
    assert builds[0] in os.listdir(quick.plans)
    resume.touch()
    for process in (first, second):
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    assert os.listdir(quick.plans) == ["current"]
    assert snapshot(quick.target) == quick.new


# --- write failures, in-process -----------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path, Snapshot]:
    """A valid inventory folder, and a plan folder written from it (the previous plan)."""
    inv = tmp_path / "inv"
    inv.mkdir()
    (inv / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (inv / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    target = tmp_path / "plans" / "current"
    assert run(["plan", str(inv), "--out", str(target)]) == 0
    (target / "plan.md").write_bytes(b"previous plan\n")  # marks it as the previous one
    return inv, target, snapshot(target)


def _failed_cleanly(
    capsys: pytest.CaptureFixture[str], code: int, target: Path, before: Snapshot, why: str
) -> None:
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"cannot write {target}" in err and why in err, err
    assert "Traceback" not in err
    assert snapshot(target) == before
    assert os.listdir(target.parent) == ["current"]


def test_read_only_file_system_on_rename(
    small: tuple[Path, Path, Snapshot],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A read-only file system at the swap is a clear error (exit 1); the previous plan stays."""
    inv, target, before = small
    capsys.readouterr()

    def refuse(src: Any, dst: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    code = run(["plan", str(inv), "--out", str(target), "--lang", "en"])
    monkeypatch.undo()
    _failed_cleanly(capsys, code, target, before, "Read-only file system")


def test_read_only_file_system_on_mkdir(
    small: tuple[Path, Path, Snapshot],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A read-only file system when the new folder is made is a clear error; nothing changes."""
    inv, target, before = small
    capsys.readouterr()

    def refuse(path: Any, mode: int = 0o777, **kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(os, "mkdir", refuse)
    code = run(["plan", str(inv), "--out", str(target), "--lang", "en"])
    monkeypatch.undo()
    _failed_cleanly(capsys, code, target, before, "Read-only file system")


class _FullDisk:
    """A file open for writing on a full disk: the first write fails with ENOSPC."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        self.real.flush()

    def fileno(self) -> int:
        fileno: int = self.real.fileno()
        return fileno


@pytest.mark.parametrize("nth", [1, 3, 5])
def test_full_disk(
    small: tuple[Path, Path, Snapshot],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    nth: int,
) -> None:
    """A full disk while writing the n-th file is a clear error; no build folder is left."""
    inv, target, before = small
    capsys.readouterr()
    real_open = Path.open
    opened: list[Path] = []

    def opening(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        if "w" in mode and self.parent.name.startswith(".current.tmp-"):
            opened.append(self)
            if len(opened) == nth:
                return _FullDisk(handle)
        return handle

    monkeypatch.setattr(Path, "open", opening)
    code = run(["plan", str(inv), "--out", str(target), "--lang", "en"])
    monkeypatch.undo()
    assert len(opened) == nth
    _failed_cleanly(capsys, code, target, before, "No space left on device")


def test_output_path_is_a_file(
    small: tuple[Path, Path, Snapshot], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out`` naming a file is a clear error (exit 1) and the file is left as it was."""
    inv, target, before = small
    afile = target.parent / "a-file"
    afile.write_bytes(b"keep me\n")
    capsys.readouterr()
    code = run(["plan", str(inv), "--out", str(afile), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"cannot write {afile}: it exists and is not a folder" in err
    assert afile.read_bytes() == b"keep me\n"
    assert snapshot(target) == before
    assert sorted(os.listdir(target.parent)) == ["a-file", "current"]


def test_output_parent_is_a_file(
    small: tuple[Path, Path, Snapshot], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out`` below a file is a clear error (exit 1), not a traceback."""
    inv, target, _ = small
    afile = target.parent / "a-file"
    afile.write_bytes(b"keep me\n")
    capsys.readouterr()
    code = run(["plan", str(inv), "--out", str(afile / "current"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith(f"migrasi: cannot write {afile / 'current'}")
    assert afile.read_bytes() == b"keep me\n"


def test_savings_file_on_a_full_disk(
    small: tuple[Path, Path, Snapshot],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``savings --out`` on a full disk is a clear error and the previous file stays."""
    inv, target, _ = small
    out = target.parent / "hemat.csv"
    out.write_bytes(b"previous\n")
    capsys.readouterr()

    def refuse(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    code = run(["savings", str(inv), "--format", "csv", "--out", str(out), "--lang", "en"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1, err
    assert "No space left on device" in err
    assert out.read_bytes() == b"previous\n"
    assert sorted(os.listdir(target.parent)) == ["current", "hemat.csv"]


def test_ctrl_c_inside_the_json_serializer(
    small: tuple[Path, Path, Snapshot],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C while pydantic writes plan.json (which wraps it in its own error, keeping only
    its name) exits 130 with one line, not 3; the previous plan stays."""
    from typing import Annotated

    from pydantic import BaseModel, PlainSerializer

    from migrasi.render import plan_json

    def interrupted(value: int) -> int:
        raise KeyboardInterrupt

    class Doc(BaseModel):
        x: Annotated[int, PlainSerializer(interrupted, return_type=int)]

    inv, target, before = small
    capsys.readouterr()
    monkeypatch.setattr(plan_json, "plan_json", lambda doc: Doc(x=1).model_dump_json())
    code = run(["plan", str(inv), "--out", str(target)])
    monkeypatch.undo()
    assert (code, capsys.readouterr().err) == (130, "migrasi: dihentikan\n")
    assert snapshot(target) == before
