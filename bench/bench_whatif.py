"""What if: `migrasi sensitivity` on the shipped inventories against one `migrasi plan` of them.

Usage (from anywhere; the repository root is found from this file)::

    python bench/bench_whatif.py                 # best of 3, each command run in turn
    python bench/bench_whatif.py --repeat 5 --json out.json

Both run as child processes (``.venv/bin/python -m migrasi …``, interpreter start-up included),
one after the other in each round, so that they meet the same load of the machine:

- ``migrasi plan inventories --out TMP``: the plan folder, as a user makes it;
- ``migrasi sensitivity inventories --format json``: the base and 20 variations (9 scales ±20%,
  the discount rate ±2 points), each planned again, with the unchanged waves re-priced;
- ``migrasi compare inventories --scenario …`` with the four shipped scenarios, for reference.

It prints Markdown (progress on standard error). The goal — sensitivity at most 6× one plan,
best wall time against best wall time — is reported, not failed; exit status 1 when a run fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(REPO_ROOT))

from bench import child  # noqa: E402

PROVINCE = REPO_ROOT / "inventories"
SCENARIOS = sorted((REPO_ROOT / "scenarios").glob("*.yaml"))
GOAL = 6.0
"""sensitivity may take at most this many times one plan (scenarios.md's speed goal)."""


@dataclass
class Best:
    """The best wall time of a command over its runs, with that run's CPU time."""

    name: str
    seconds: float | None = None
    cpu_seconds: float | None = None
    peak_mb: float = 0.0
    runs: int = 0
    failure: str | None = None

    def add(self, run: child.Run) -> None:
        """Count one run; keep it when it is the fastest."""
        self.runs += 1
        self.peak_mb = max(self.peak_mb, run.peak_mb)
        if not run.ok:
            why = run.killed or f"exited {run.status}"
            self.failure = f"`{self.name}` {why}:\n{child.head(run.stderr or run.stdout)}"
        elif self.seconds is None or run.seconds < self.seconds:
            self.seconds, self.cpu_seconds = run.seconds, run.cpu_seconds


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def commands(out: Path) -> dict[str, list[str]]:
    """The three commands measured, by name."""
    chosen = [a for s in SCENARIOS for a in ("--scenario", str(s))]
    return {
        "plan": child.migrasi("plan", str(PROVINCE), "--out", str(out / "plan")),
        "sensitivity": child.migrasi("sensitivity", str(PROVINCE), "--format", "json"),
        "compare": child.migrasi("compare", str(PROVINCE), *chosen, "--format", "json"),
    }


def measure(repeat: int, timeout: float) -> dict[str, Best]:
    """Best of ``repeat`` rounds; each round runs every command once, in turn."""
    with tempfile.TemporaryDirectory(prefix="bench-whatif-") as tmp:
        cmds = commands(Path(tmp))
        best = {name: Best(name) for name in cmds}
        for n in range(repeat):
            for name, cmd in cmds.items():
                log(f"round {n + 1}/{repeat}: migrasi {name} …")
                best[name].add(child.run(cmd, timeout=timeout))
    return best


def ratio(a: Best, b: Best, cpu: bool = False) -> float | None:
    x, y = (a.cpu_seconds, b.cpu_seconds) if cpu else (a.seconds, b.seconds)
    return x / y if x is not None and y else None


def report(best: dict[str, Best], repeat: int, started: str, load_start: str) -> str:
    plan, sens = best["plan"], best["sensitivity"]
    wall, cpu = ratio(sens, plan), ratio(sens, plan, cpu=True)

    def row(b: Best) -> str:
        if b.seconds is None:
            return f"| `migrasi {b.name}` | — | — | — | — |"
        times_plan = ratio(b, plan)
        shown = f"{times_plan:.2f}×" if times_plan is not None else "—"
        return (f"| `migrasi {b.name}` | {b.seconds:.2f} | {b.cpu_seconds:.2f} | {shown} "
                f"| {b.peak_mb:,.0f} |")  # fmt: skip

    met = wall is not None and wall <= GOAL
    lines = [
        "## What if: sensitivity against one plan",
        "",
        f"Run {started} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s), "
        f"Python {platform.python_version()}; load average (1/5/15 min) {load_start} at the start "
        f"and {load_text()} at the end. Wall seconds, best of {repeat} rounds; each round runs the "
        "three commands one after the other, so that they meet the same load. cpu s is the "
        "child's user + system time, its workers' included.",
        "",
        "| command | s | cpu s | × plan | peak MB |",
        "| :--- | ---: | ---: | ---: | ---: |",
        *(row(b) for b in best.values()),
        "",
        "sensitivity plans the base and 20 variations (9 scales ±20%, the discount rate ±2 "
        "points) and re-prices the unchanged waves under each; compare plans the base and the "
        f"{len(SCENARIOS)} shipped scenarios.",
        "",
        "| goal | figure |  |",
        "| :--- | :--- | :--- |",
        f"| sensitivity ≤ {GOAL:g}× one plan (wall) | "
        + (f"{wall:.2f}× (cpu {cpu:.2f}×)" if wall is not None and cpu is not None else "—")
        + f" | {'**met**' if met else '**missed**'} |",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds, best of (default 3)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per child run")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start = load_text()
    best = measure(args.repeat, args.timeout)
    print(report(best, args.repeat, started, load_start), end="")
    if args.json:
        data = {name: asdict(b) for name, b in best.items()}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    failed = [b.failure for b in best.values() if b.failure]
    for failure in failed:
        log(failure)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
