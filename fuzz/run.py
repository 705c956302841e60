"""``make fuzz``: run the harnesses side by side for ``--seconds``, then sum up.

Each harness runs under libFuzzer (atheris) with a working corpus in ``.cache/fuzz/`` (git
ignores it) seeded from the shipped inventories, the golden cases, the invalid-input corpus and
``tests/fuzz_corpus/`` (the import harness: the shipped inventories' workbooks, as zip bytes
and as sheet text). Findings caught in the harness are saved by ``fuzz/engine.py``; a hard
crash, a hang past ``-timeout`` or memory past ``-rss_limit_mb`` stops libFuzzer with an artifact,
which this driver saves to ``tests/fuzz_corpus/`` with a note, before starting the harness again
until the time is up.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from fuzz.engine import SUFFIXES
from fuzz.targets import MARK, ROOT

WORK = ROOT / ".cache" / "fuzz"
CORPUS = ROOT / "tests" / "fuzz_corpus"
HARNESSES = {"loader": 65536, "validate": 32768, "import": 262144}
EXECUTED = re.compile(rb"stat::number_of_executed_units: (\d+)")
STATUS = re.compile(rb"^#(\d+)\s", re.MULTILINE)


def executions(output: bytes) -> int:
    """How many inputs one libFuzzer run executed: its final count, or its last status line."""
    final = [int(n) for n in EXECUTED.findall(output)]
    status = [int(n) for n in STATUS.findall(output)]
    return max([*final, *status, 0])


@dataclass
class Tally:
    """What one harness did."""

    executions: int = 0
    starts: int = 0
    artifacts: int = 0


def _write_seed(folder: Path, data: bytes) -> None:
    (folder / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)


def seeds(harness: str) -> Path:
    """A folder of seed inputs for ``harness``, rebuilt from the repository each run."""
    folder = WORK / f"seeds-{harness}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if harness == "import":
        return _workbook_seeds(folder)
    folders = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_dir())
    folders += sorted((ROOT / "tests" / "cases").glob("*/inventories"))
    for regression in sorted(CORPUS.glob("*.yaml")):
        _write_seed(folder, regression.read_bytes())
    if harness == "loader":
        for f in folders:
            for path in sorted(f.glob("*.yaml")):
                _write_seed(folder, path.read_bytes())
        for path in sorted((ROOT / "inventories").glob("*.yaml")):
            _write_seed(folder, path.read_bytes())
        return folder
    for f in folders:
        _write_seed(folder, MARK.join(p.read_bytes() for p in sorted(f.glob("*.yaml"))))
    datacenter = (ROOT / "inventories" / "datacenter.yaml").read_bytes()
    for path in sorted((ROOT / "inventories").glob("*.yaml")):
        if path.name != "datacenter.yaml":
            _write_seed(folder, path.read_bytes() + MARK + datacenter)
    return folder


def _workbook_seeds(folder: Path) -> Path:
    """The shipped inventories' workbooks, raw and as sheet text, and the saved import inputs."""
    from fuzz.sheet_text import to_text
    from migrasi.api_intake import template

    for regression in sorted(CORPUS.glob("*.sheet")):
        _write_seed(folder, regression.read_bytes())
    for path in sorted((ROOT / "inventories").glob("*.yaml")):
        if path.name != "datacenter.yaml":
            made = template(path, "id").workbook
            assert made is not None
            _write_seed(folder, made)
            _write_seed(folder, to_text(made))
    return folder


def _keep_artifacts(harness: str, artifacts: Path, log_tail: str, tally: Tally) -> None:
    for artifact in sorted(artifacts.iterdir()):
        data = artifact.read_bytes()
        kind = artifact.name.split("-", 1)[0]
        digest = hashlib.sha256(data).hexdigest()[:12]
        CORPUS.mkdir(parents=True, exist_ok=True)
        suffix = SUFFIXES.get(harness, ".yaml")
        (CORPUS / f"{digest}{suffix}").write_bytes(data)
        note = (
            f"harness: {harness}\nkind: {kind} (libFuzzer artifact)\n"
            f"signature: {kind} {harness} {digest}\nfound by: make fuzz\n\n{log_tail}\n"
        )
        (CORPUS / f"{digest}.txt").write_text(note, encoding="utf-8")
        artifact.unlink()
        tally.artifacts += 1
        print(f"FINDING {kind} in {harness} -> tests/fuzz_corpus/{digest}{suffix}", file=sys.stderr)


def fuzz(harness: str, deadline: float, tally: Tally) -> None:
    """Run ``harness`` until ``deadline``, starting it again after each artifact."""
    corpus = WORK / f"corpus-{harness}"
    artifacts = WORK / f"artifacts-{harness}"
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    seed_dir = seeds(harness)
    log = WORK / f"{harness}.log"
    while (remaining := int(deadline - time.monotonic())) > 2:
        command = [
            sys.executable, "-m", f"fuzz.fuzz_{harness}", str(corpus), str(seed_dir),
            f"-max_total_time={remaining}", "-timeout=60", "-rss_limit_mb=4096",
            f"-max_len={HARNESSES[harness]}", f"-artifact_prefix={artifacts}/",
            f"-dict={ROOT / 'fuzz' / 'yaml.dict'}", "-print_final_stats=1", "-reload=1",
            "-report_slow_units=100000",
        ]  # fmt: skip
        tally.starts += 1
        with log.open("ab") as handle:
            offset = handle.tell()
            code = subprocess.run(
                command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, check=False
            ).returncode
        with log.open("rb") as handle:
            handle.seek(offset)
            output = handle.read()
        tally.executions += executions(output)
        tail = output[-4000:].decode("utf-8", "replace")
        _keep_artifacts(harness, artifacts, tail, tally)
        if code != 0:
            if b"ERROR: libFuzzer" not in output and b"==ERROR" not in output:
                print(f"{harness}: exited {code}; see {log}", file=sys.stderr)
                if tally.starts > 3 and tally.executions == 0:
                    return
            time.sleep(1)


def main(argv: list[str] | None = None) -> int:
    """Fuzz every harness for the given seconds and print what was run and found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--harness", choices=sorted(HARNESSES), action="append")
    args = parser.parse_args(argv)
    chosen = args.harness or sorted(HARNESSES)
    before = {p.name for p in CORPUS.iterdir() if p.suffix != ".txt"}
    deadline = time.monotonic() + args.seconds
    tallies = {h: Tally() for h in chosen}
    threads = [threading.Thread(target=fuzz, args=(h, deadline, tallies[h])) for h in chosen]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    new = sorted({p.name for p in CORPUS.iterdir() if p.suffix != ".txt"} - before)
    for h in chosen:
        tally = tallies[h]
        print(f"{h}: {tally.executions} executions in {args.seconds} s ({tally.starts} starts)")
    print(f"new findings in tests/fuzz_corpus/: {len(new)}")
    for name in new:
        note = (CORPUS / name).with_suffix(".txt")
        sig = next(
            (
                line
                for line in note.read_text(encoding="utf-8").splitlines()
                if line.startswith("signature: ")
            ),
            "",
        )
        print(f"  {name}  {sig}")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
