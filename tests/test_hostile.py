"""Hostile input files: each gives a diagnostic on its own file, never a traceback or a hang.

Every case puts one hostile file beside a data-center file and a valid inventory that carries
one warning of its own (W302), so that each test also shows the files beside the hostile one
are still checked. Big inputs are generated in ``tmp_path`` at test time. The command-line runs
happen in a subprocess with a hang guard (never a benchmark) and report the process's peak
memory (``VmHWM``).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from migrasi.api import validate
from migrasi.cli.app import run
from tests.conftest import DATACENTER, INVENTORY, ROOT

HANG_GUARD = 20.0
MIB = 1024 * 1024

COMPANION = INVENTORY.replace("amount: 4500000", "amount: 1000")
"""A valid inventory whose only finding is W302 (its system costs more in the Data Center)."""

HOSTILE_INVENTORY = (
    INVENTORY.replace("id: kota-uji", "id: kota-hostil")
    .replace('"15.71"', '"15.72"')
    .replace("Kota Uji", "Kota Hostil")
)
"""A valid inventory of another region, to build hostile variants from."""

WRAPPER = """\
import sys
from migrasi.cli.app import run
code = run(sys.argv[1:])
sys.stdout.flush()
try:
    with open("/proc/self/status") as status:
        hwm = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
except OSError:
    hwm = "-1"
print(f"VmHWM_KB {hwm}", file=sys.stderr)
sys.exit(code)
"""


@dataclass
class Ran:
    """One command-line run in a subprocess."""

    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float


def cli(*args: str, cwd: Path, timeout: float = HANG_GUARD) -> Ran:
    """Run ``migrasi ARGS`` in a fresh interpreter; fail the test if it outlives ``timeout``."""
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", WRAPPER, *args],
            capture_output=True,
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"migrasi {' '.join(args)} still running after {timeout} s")
    seconds = time.monotonic() - start
    err = done.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    peak = -1.0
    if lines and lines[-1].startswith("VmHWM_KB "):
        peak = int(lines.pop().split()[1]) / 1024
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), "\n".join(lines), seconds,
               peak)  # fmt: skip


def folder(tmp_path: Path) -> Path:
    """A folder with the data-center file and the companion inventory."""
    inv = tmp_path / "inv"
    inv.mkdir(parents=True)
    (inv / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (inv / "kota-uji.yaml").write_text(COMPANION, encoding="utf-8")
    return inv


def by_file(findings: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Codes found per file name (the last part of the path)."""
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(Path(f["file"]).name, set()).add(f["code"])
    return out


def assert_clean_exit(ran: Ran, expected: int) -> None:
    """The exit code expected, no traceback and no internal error on stderr."""
    assert "Traceback" not in ran.err
    assert ran.code != 3, ran.err
    assert ran.code == expected, (ran.code, ran.err[-2000:])


# --- the hostile files --------------------------------------------------------------------


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(inv: Path) -> Path:
        path = inv / name
        path.write_bytes(data)
        return path

    return build


def _huge(inv: Path) -> Path:
    """A 100 MB file of YAML comments, written in chunks (never held in memory whole)."""
    path = inv / "huge.yaml"
    line = b"# " + b"x" * 97 + b"\n"
    chunk = line * 10_000
    with path.open("wb") as handle:
        handle.write(b"schema: migrasi/inventory/v1\n")
        for _ in range(100):
            handle.write(chunk)
    return path


def _billion_laughs() -> bytes:
    lines = [
        b"schema: migrasi/inventory/v1",
        b"a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ]
    for i in range(1, 9):
        prev, name = chr(96 + i).encode(), chr(97 + i).encode()
        lines.append(name + b": &" + name + b" [" + b", ".join([b"*" + prev] * 9) + b"]")
    return b"\n".join(lines) + b"\n"


def _nested_mappings() -> bytes:
    lines = [b"schema: migrasi/inventory/v1", b"a: &a {" + b", ".join(b"k%d: v" % i for i in
             range(10)) + b"}"]  # fmt: skip
    for i in range(1, 7):
        prev, name = chr(96 + i).encode(), chr(97 + i).encode()
        body = b", ".join(b"k%d: *%s" % (k, prev) for k in range(10))
        lines.append(name + b": &" + name + b" {" + body + b"}")
    return b"\n".join(lines) + b"\n"


HEAD = b"schema: migrasi/inventory/v1\n"
BAD_CRITICALITY = HOSTILE_INVENTORY.replace("criticality: tinggi", "criticality: tingi")


def _mixed_line_ends() -> bytes:
    ends = ["\r\n", "\n", "\r"]
    lines = BAD_CRITICALITY.split("\n")[:-1]
    return "".join(line + ends[i % 3] for i, line in enumerate(lines)).encode()


@dataclass(frozen=True)
class Case:
    """A hostile file, the codes it must give on itself, and the exit code of validate."""

    build: Callable[[Path], Path]
    codes: frozenset[str]
    exit: int = 1


CASES: dict[str, Case] = {
    "100 MB file": Case(_huge, frozenset({"E005"})),
    "nesting 10,000 deep, flow": Case(
        _write("deep-flow.yaml", HEAD + b"notes: " + b"[" * 10_000 + b"]" * 10_000 + b"\n"),
        frozenset({"E005"}),
    ),
    "nesting 10,000 deep, block": Case(
        _write("deep-block.yaml", HEAD + b"notes:\n" + b"- " * 10_000 + b"x\n"),
        frozenset({"E005"}),
    ),
    "nesting 2,000 deep, block mappings": Case(
        _write(
            "deep-map.yaml",
            b"".join(b" " * i + b"k:\n" for i in range(2000)) + b" " * 2000 + b"k: v\n",
        ),
        frozenset({"E005"}),
    ),
    "billion laughs": Case(_write("laughs.yaml", _billion_laughs()), frozenset({"E005"})),
    "wide alias bomb": Case(
        _write("wide.yaml", HEAD + b"a: &a [x]\nb: [" + b", ".join([b"*a"] * 200_000) + b"]\n"),
        frozenset({"E005"}),
    ),
    "alias bomb of nested mappings": Case(
        _write("maps.yaml", _nested_mappings()), frozenset({"E005"})
    ),
    "recursive alias in a list": Case(
        _write("recursive.yaml", HEAD + b"a: &a [1, *a]\n"), frozenset({"E005"})
    ),
    "recursive alias in a mapping": Case(
        _write("recursive-map.yaml", HEAD + b"a: &a {b: *a}\n"), frozenset({"E005"})
    ),
    "10 MB name": Case(
        _write(
            "long-name.yaml",
            HOSTILE_INVENTORY.replace("name: SIMPEG", "name: " + "y" * 10_000_000).encode(),
        ),
        frozenset({"E102"}),
    ),
    "!!python/object/apply": Case(
        _write("pyapply.yaml", HEAD + b"x: !!python/object/apply:os.system ['touch pwned']\n"),
        frozenset({"E001"}),
    ),
    "!!python/object": Case(
        _write("pyobject.yaml", HEAD + b"x: !!python/object:collections.OrderedDict {}\n"),
        frozenset({"E001"}),
    ),
    "!!python/name": Case(
        _write("pyname.yaml", HEAD + b"x: !!python/name:os.system\n"), frozenset({"E001"})
    ),
    "!!binary": Case(_write("binary-tag.yaml", HEAD + b"x: !!binary aGk=\n"), frozenset({"E001"})),
    "!custom": Case(_write("custom.yaml", HEAD + b"x: !custom {a: 1}\n"), frozenset({"E001"})),
    "NUL byte": Case(
        _write("nul.yaml", HOSTILE_INVENTORY.replace("PT Awan", "PT A\x00wan").encode()),
        frozenset({"E002"}),
    ),
    "mixed line ends": Case(_write("mixed.yaml", _mixed_line_ends()), frozenset({"E102"})),
    "binary junk": Case(
        _write("junk.yaml", random.Random(20270104).randbytes(8192)), frozenset({"E002"})
    ),
    "PNG image": Case(
        _write("image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        frozenset({"E002"}),
    ),
    "UTF-16 with BOM": Case(
        _write("utf16.yaml", HOSTILE_INVENTORY.encode("utf-16")), frozenset({"E002"})
    ),
    "UTF-16 without BOM": Case(
        _write("utf16le.yaml", HOSTILE_INVENTORY.encode("utf-16-le")), frozenset({"E002"})
    ),
    "UTF-32 with BOM": Case(
        _write("utf32.yaml", HOSTILE_INVENTORY.encode("utf-32")), frozenset({"E002"})
    ),
    "docker compose file": Case(
        _write("compose.yaml", b"services:\n  web:\n    image: nginx\n"), frozenset({"E006"})
    ),
    "GitHub workflow": Case(
        _write("ci.yml", b"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"),
        frozenset({"E006"}),
    ),
    "JSON Schema": Case(
        _write("schema.yaml", (ROOT / "schemas" / "inventory.schema.json").read_bytes()),
        frozenset({"E006"}),
    ),
    "duplicate key": Case(
        _write(
            "dup.yaml",
            HOSTILE_INVENTORY.replace(
                "    owner: BKPSDM\n", "    owner: BKPSDM\n    owner: BKD\n"
            ).encode(),
        ),
        frozenset({"E003"}),
    ),
    "a list of 200,000 entries": Case(
        _write("long-list.yaml", HEAD + b"notes: [" + b"1, " * 200_000 + b"]\n"),
        frozenset({"E005"}),
    ),
    "a plan, not an inventory": Case(
        _write("plan.yaml", b"schema: migrasi/plan/v1\nwaves: []\n"), frozenset({"E006"})
    ),
}

CLI_XFAIL: dict[str, str] = {}
"""Cases whose command-line run fails for a bug of migrasi not fixed yet: case → reason."""


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_reported_on_itself(tmp_path: Path, name: str) -> None:
    """The hostile file gets its diagnostic; the data-center file and the companion keep theirs."""
    inv = folder(tmp_path)
    hostile = CASES[name].build(inv)
    result = validate([inv])
    found: dict[str, set[str]] = {}
    for f in result.findings:
        found.setdefault(Path(f.file or "").name, set()).add(f.code)
    assert found.pop(hostile.name, set()) == CASES[name].codes
    assert found == {"kota-uji.yaml": {"W302"}}
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=CLI_XFAIL[n]))
        if n in CLI_XFAIL
        else n
        for n in sorted(CASES)
    ],
)
def test_hostile_file_on_the_command_line(tmp_path: Path, name: str) -> None:
    """validate exits 1 with the finding in its JSON, no traceback, within the hang guard."""
    inv = folder(tmp_path)
    hostile = CASES[name].build(inv)
    ran = cli("validate", str(inv), "--format", "json", "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, CASES[name].exit)
    found = by_file(json.loads(ran.out))
    assert found.pop(hostile.name) == CASES[name].codes
    assert found == {"kota-uji.yaml": {"W302"}}
    assert ran.seconds < HANG_GUARD


def test_huge_file_is_not_read_whole(tmp_path: Path) -> None:
    """A 100 MB file costs far less memory than its size: at most 16 MiB of it is read."""
    inv = folder(tmp_path)
    baseline = cli("validate", str(inv), "--format", "json", cwd=tmp_path)
    if baseline.peak_mb < 0:
        pytest.skip("no /proc/self/status here: the peak memory of a process cannot be read")
    _huge(inv)
    ran = cli("validate", str(inv), "--format", "json", cwd=tmp_path)
    assert "Traceback" not in ran.err
    assert ran.peak_mb - baseline.peak_mb < 64, (baseline.peak_mb, ran.peak_mb)


def test_long_name_is_not_echoed(tmp_path: Path) -> None:
    """A 10 MB name gives one short E102 line: the text report does not print the 10 MB line."""
    inv = folder(tmp_path)
    CASES["10 MB name"].build(inv)
    ran = cli("validate", str(inv), "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 1)
    assert "too long" in ran.out
    assert len(ran.out) < 10_000


def test_ten_megabyte_notes_are_fine(tmp_path: Path) -> None:
    """A 10 MB ``notes`` (no length limit, under 16 MiB) is valid: exit 0, no finding on it."""
    inv = folder(tmp_path)
    (inv / "notes.yaml").write_text(HOSTILE_INVENTORY + "    notes: " + "n" * 10_000_000 + "\n")
    ran = cli("validate", str(inv), "--format", "json", cwd=tmp_path)
    assert_clean_exit(ran, 0)
    assert by_file(json.loads(ran.out)) == {"kota-uji.yaml": {"W302"}}


def _empty_systems(count: int) -> Callable[[Path], list[str]]:
    def build(inv: Path) -> list[str]:
        region = b"region: {id: kota-juta, code: '15.73', name: Juta, kind: kota}\n"
        entries = b"systems: [" + b"{}, " * count + b"]\n"
        (inv / "many.yaml").write_bytes(HEAD + region + entries)
        return ["validate"]

    return build


def _unknown_refs(count: int) -> Callable[[Path], list[str]]:
    def build(inv: Path) -> list[str]:
        refs = b", ".join(b"s%d" % i for i in range(count))
        (inv / "deps.yaml").write_bytes(HOSTILE_INVENTORY.encode() + b"    depends_on: [" + refs
                                        + b"]\n")  # fmt: skip
        return ["validate"]

    return build


def _datacenter(old: str, new: str) -> Callable[[Path], list[str]]:
    def build(inv: Path) -> list[str]:
        (inv / "datacenter.yaml").write_text(DATACENTER.replace(old, new), encoding="utf-8")
        return ["plan", "--out", str(inv.parent / "plan")]

    return build


def finish_side_by_side(tmp_path: Path, runs: dict[str, Callable[[Path], list[str]]]) -> None:
    """Start every run at once; each must end within the hang guard and 1 GiB, exit 0 or 1."""
    running: dict[str, subprocess.Popen[bytes]] = {}
    for i, (name, build) in enumerate(runs.items()):
        inv = folder(tmp_path / str(i))
        args = [*build(inv), str(inv)]
        if args[0] == "validate":
            args += ["--format", "json"]
        for path in inv.iterdir():
            assert path.stat().st_size < 16 * MIB
        running[name] = subprocess.Popen(
            [sys.executable, "-c", WRAPPER, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
    deadline = time.monotonic() + HANG_GUARD
    failures = []
    for name, process in running.items():
        try:
            _, err = process.communicate(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            failures.append(f"{name}: still running after {HANG_GUARD} s")
            continue
        text = err.decode("utf-8", "replace")
        peak = int(text.rsplit("VmHWM_KB ", 1)[-1].split()[0]) / 1024 if "VmHWM_KB" in text else 0
        if process.returncode not in (0, 1) or "Traceback" in text or peak > 1024:
            failures.append(f"{name}: exit {process.returncode}, {peak:.0f} MB, {text[-300:]!r}")
    assert not failures, "\n".join(failures)


def test_huge_lists_and_schedules_are_refused_quickly(tmp_path: Path) -> None:
    """Lists of a million entries and absurd schedules end fast with a finding (E005, E102)."""
    finish_side_by_side(
        tmp_path,
        {
            "validate: systems list of a million empty entries (4 MB)": _empty_systems(10**6),
            "validate: depends_on of a million unknown refs (8 MB)": _unknown_refs(10**6),
            "validate: depends_on of 100,000 unknown refs (800 KB)": _unknown_refs(10**5),
            "plan: waves: 30000": _datacenter("waves: 18", "waves: 30000"),
            "plan: horizon_months: 99999999999": _datacenter(
                "horizon_months: 60", "horizon_months: 99999999999"
            ),
        },
    )


def test_largest_legal_list_of_empty_systems_finishes(tmp_path: Path) -> None:
    """A systems list of 100,000 empty entries ends within the hang guard and 1 GiB."""
    finish_side_by_side(tmp_path, {"validate: 100,000 empty systems": _empty_systems(10**5)})


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("start: 2027-01-04", "start: 9999-06-01"),
        ("wave_weeks: 4", "wave_weeks: 99999999"),
        ("waves: 18", "waves: 300000"),
    ],
)
def test_schedule_past_year_9999_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    """A schedule that cannot be put on the calendar is a finding on datacenter.yaml (exit 1)."""
    inv = folder(tmp_path)
    (inv / "datacenter.yaml").write_text(DATACENTER.replace(old, new), encoding="utf-8")
    code = run(["validate", str(inv), "--format", "json", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "datacenter.yaml" in by_file(json.loads(out))


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("kota-uji.yaml", "amount: 1000", "amount: 1e28"),
        ("kota-uji.yaml", "amount: 1000", "amount: 99999999999999999999999999999999999"),
        ("kota-uji.yaml", "amount: 1000", "amount: 1e4001600000"),
        ("datacenter.yaml", "per_ram_gb: 20000", "per_ram_gb: 1e30"),
        ("datacenter.yaml", "labour_cost_per_day: 1500000", "labour_cost_per_day: 1e100"),
    ],
)
def test_huge_numbers_are_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str, old: str, new: str
) -> None:
    """A number too big to count money with is a finding on its file, for validate and plan."""
    inv = folder(tmp_path)
    path = inv / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert new in path.read_text(encoding="utf-8")
    code = run(["validate", str(inv), "--format", "json", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "E102" in by_file(json.loads(out)).get(file, set())
    code = run(["plan", str(inv), "--out", str(tmp_path / "plan"), "--lang", "en"])
    assert code == 1, capsys.readouterr().err


# --- the file system ----------------------------------------------------------------------


def test_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    """A folder link back to its parent neither traps the walk nor reads a file twice."""
    inv = folder(tmp_path)
    (inv / "sub").mkdir()
    (inv / "sub" / "loop").symlink_to("..", target_is_directory=True)
    (inv / "self").symlink_to(".", target_is_directory=True)
    ran = cli("validate", str(inv), "--format", "json", "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 0)
    assert [f["file"] for f in json.loads(ran.out)] == [f"{inv.as_posix()}/kota-uji.yaml"]
    assert "2 files checked" in ran.err


def test_symlink_to_a_file_outside_is_not_read(tmp_path: Path) -> None:
    """A file link found in the walk that leads out of the folders given is E002 at 1:1 and its
    target is never read (no line of it is printed); a folder link to outside is not walked."""
    inv = folder(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "target.yaml").write_text(BAD_CRITICALITY + "# SECRET LINE\n", encoding="utf-8")
    (outside / "other.yaml").write_text("schema: nope\n", encoding="utf-8")
    (inv / "linked.yaml").symlink_to(outside / "target.yaml")
    (inv / "more").symlink_to(outside, target_is_directory=True)
    ran = cli("validate", str(inv), "--format", "json", "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 1)
    findings = json.loads(ran.out)
    assert {(f["file"], f["code"], f["line"], f["column"]) for f in findings} == {
        (f"{inv.as_posix()}/linked.yaml", "E002", 1, 1),
        (f"{inv.as_posix()}/kota-uji.yaml", "W302", 4, 9),
    }
    linked = next(f for f in findings if f["code"] == "E002")
    assert "outside the folders given" in linked["message"]
    assert str(outside / "target.yaml") in linked["message"]
    text = cli("validate", str(inv), "--lang", "en", cwd=tmp_path)
    assert "SECRET" not in text.out and "sedang" not in text.out


def test_symlinks_inside_the_folders_given_are_read(tmp_path: Path) -> None:
    """A link to a file inside a folder given is read, and so is a link given itself as PATH."""
    inv = folder(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "target.yaml").write_text(BAD_CRITICALITY, encoding="utf-8")
    (inv / "sub").mkdir()
    (inv / "sub" / "real.yaml").write_text("schema: nope\n", encoding="utf-8")
    (inv / "alias.yaml").symlink_to(inv / "sub" / "real.yaml")
    (inv / "to-other.yaml").symlink_to(other / "target.yaml")
    (tmp_path / "given.yaml").symlink_to(other / "target.yaml")
    ran = cli(
        "validate", str(inv), str(other), str(tmp_path / "given.yaml"), "--format", "json",
        cwd=tmp_path,
    )  # fmt: skip
    assert_clean_exit(ran, 1)
    codes = {(Path(f["file"]).name, f["code"]) for f in json.loads(ran.out)}
    assert {("alias.yaml", "E006"), ("real.yaml", "E006"), ("to-other.yaml", "E102")} <= codes
    assert ("given.yaml", "E102") in codes


def test_dangling_symlink_is_e002(tmp_path: Path) -> None:
    """A link to nothing is a file that cannot be read: E002 at 1:1, the others still checked."""
    inv = folder(tmp_path)
    (inv / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    ran = cli("validate", str(inv), "--format", "json", "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 1)
    findings = json.loads(ran.out)
    gone = [f for f in findings if f["file"].endswith("gone.yaml")]
    assert [(f["code"], f["line"], f["column"]) for f in gone] == [("E002", 1, 1)]
    assert by_file(findings)["kota-uji.yaml"] == {"W302"}


def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    """A FIFO named like an inventory in a walked folder does not block validate."""
    inv = folder(tmp_path)
    os.mkfifo(inv / "pipe.yaml")
    ran = cli("validate", str(inv), "--format", "json", cwd=tmp_path, timeout=10)
    assert_clean_exit(ran, 1)
    assert by_file(json.loads(ran.out)) == {"pipe.yaml": {"E002"}, "kota-uji.yaml": {"W302"}}


def test_unreadable_file_is_e002(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be opened is E002 at 1:1 with the system's reason; the rest is checked.

    Tests run as root here, where ``chmod 000`` does not stop reading: then the refusal is
    simulated by an ``open`` that raises PermissionError for that file.
    """
    inv = folder(tmp_path)
    secret = inv / "secret.yaml"
    secret.write_text(HOSTILE_INVENTORY, encoding="utf-8")
    secret.chmod(0)
    try:
        secret.read_bytes()
    except PermissionError:
        pass
    else:
        real_open = Path.open

        def refusing(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.name == "secret.yaml":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refusing)
    code = run(["validate", str(inv), "--format", "json", "--lang", "en"])
    out, err = capsys.readouterr()
    secret.chmod(0o644)
    assert code == 1, err
    found = json.loads(out)
    mine = [f for f in found if f["file"].endswith("secret.yaml")]
    assert [(f["code"], f["line"], f["column"]) for f in mine] == [("E002", 1, 1)]
    assert "Permission denied" in mine[0]["message"]
    assert by_file(found)["kota-uji.yaml"] == {"W302"}


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    """A folder called ``x.yaml`` is walked as a folder, not opened as a file."""
    inv = folder(tmp_path)
    (inv / "x.yaml").mkdir()
    (inv / "x.yaml" / "inner.yaml").write_text(BAD_CRITICALITY, encoding="utf-8")
    ran = cli("validate", str(inv), "--format", "json", "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 1)
    found = {(Path(f["file"]).relative_to(inv).as_posix(), f["code"]) for f in json.loads(ran.out)}
    assert found == {("x.yaml/inner.yaml", "E102"), ("kota-uji.yaml", "W302")}


@pytest.mark.parametrize("name", ["kota hostil.yaml", "kota-é.yaml", "漢字.yaml", "ø 漢 é.yml"])
def test_file_names_with_spaces_and_letters(tmp_path: Path, name: str) -> None:
    """Names with spaces and non-ASCII letters are read and reported exactly as they are."""
    inv = folder(tmp_path)
    (inv / name).write_text(BAD_CRITICALITY, encoding="utf-8")
    ran = cli("validate", str(inv), "--format", "json", "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 1)
    found = json.loads(ran.out)
    assert [(f["file"], f["code"], f["line"]) for f in found if f["code"] == "E102"] == [
        (f"{inv.as_posix()}/{name}", "E102", 7)
    ]
    text = cli("validate", str(inv), "--lang", "en", cwd=tmp_path)
    assert f"{inv.as_posix()}/{name}:7:18: error E102" in text.out


# --- positions ------------------------------------------------------------------------------


def test_mixed_line_ends_point_at_the_right_line(tmp_path: Path) -> None:
    """CRLF, LF and lone CR all end a line: the finding and the source line shown agree."""
    inv = folder(tmp_path)
    CASES["mixed line ends"].build(inv)
    ran = cli("validate", str(inv), "--lang", "en", cwd=tmp_path)
    assert_clean_exit(ran, 1)
    lines = ran.out.splitlines()
    at = next(i for i, line in enumerate(lines) if "mixed.yaml" in line)
    assert lines[at].startswith(f"{inv.as_posix()}/mixed.yaml:7:18: error E102")
    assert lines[at + 1] == "    7 |     criticality: tingi"
    assert lines[at + 2] == "      |                  ^"


def test_nul_after_lone_cr_lines_is_placed_by_yaml_lines(tmp_path: Path) -> None:
    """With lone CR line ends, a NUL on the third line is reported on line 3."""
    inv = folder(tmp_path)
    (inv / "cr.yaml").write_bytes(b"a: 1\rb: 2\rc: x\x00y\r")
    result = validate([inv])
    mine = [f for f in result.findings if (f.file or "").endswith("cr.yaml")]
    assert [(f.code, f.line, f.column) for f in mine] == [("E002", 3, 5)]
