"""Time `migrasi validate` against the bare YAML parse floor on synthetic inventories.

Usage (from anywhere; the repository root is found from this file)::

    python bench/bench_validate.py                       # 30,000 systems in 550 region files
    python bench/bench_validate.py --sizes 1000,3000,10000,30000
    python bench/bench_validate.py --parse-only          # just the parse floor

For each size it generates (once; cached under ``bench/out/``, which git ignores) a data-center
file and region inventories — 550 region files at 30,000 systems, proportionally fewer below, at
least 12 — then measures, best of ``--repeat`` (3) runs:

- the **parse floor**: read every file and ``yaml.load(text, Loader=yaml.CSafeLoader)``, with the
  garbage collector off, in this process — no checks at all, what any YAML-based validator pays;
- ``python -m migrasi validate DIR`` as a subprocess (``PYTHONPATH`` = ``<repo>/src``), wall time
  including interpreter start-up, and its peak resident memory.

A validate run that fails (exit status other than 0, or error lines in its output, which a
generated set must not cause) is reported with the head of its output, and the script exits 1.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(REPO_ROOT))

from bench import child  # noqa: E402
from bench.generate import MARKER, generate, marker_text  # noqa: E402

OUT_ROOT = REPO_ROOT / "bench" / "out"
FULL_SYSTEMS = 30000
FULL_FILES = 550
MIN_FILES = 12
ERROR_LINE = re.compile(r":\d+:\d+: error E\d{3}|^[^:]*: error E\d{3}", re.MULTILINE)
WARNING_LINE = re.compile(r": warning W\d{3}", re.MULTILINE)


@dataclass
class Result:
    systems: int
    files: int
    parse_floor_s: float
    validate_s: float | None = None
    peak_mb: float | None = None
    exit_status: int | None = None
    errors: int = 0
    warnings: int = 0
    failure: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.validate_s is None or self.failure or self.parse_floor_s <= 0:
            return None
        return self.validate_s / self.parse_floor_s


def regions_for(systems: int) -> int:
    """Region files for a size: 550 at 30,000 systems, proportionally fewer below, at least 12."""
    return max(MIN_FILES, round(FULL_FILES * systems / FULL_SYSTEMS))


def dataset(systems: int, seed: int, waves: int, regions: int | None = None) -> Path:
    """The generated folder for these arguments, made once and reused while the generator is
    unchanged (the marker holds a hash of generate.py); ``regions`` defaults to
    :func:`regions_for`."""
    regions = regions_for(systems) if regions is None else regions
    folder = OUT_ROOT / f"s{systems}-r{regions}-seed{seed}-w{waves}"
    marker = folder / MARKER
    wanted = marker_text(regions, systems, seed, waves)
    if marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        return folder
    started = time.perf_counter()
    generate(folder, regions, systems, seed, waves)
    took = time.perf_counter() - started
    print(f"generated {folder.relative_to(REPO_ROOT)} in {took:.1f} s", file=sys.stderr)
    return folder


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".yaml", ".yml"))


def parse_floor(files: Sequence[Path], repeat: int) -> float:
    """Best wall time to read and CSafeLoader-parse every file, GC off."""
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
    return best


def run_validate(folder: Path, extra: Sequence[str]) -> child.Run:
    """One `python -m migrasi validate FOLDER` with its own wall time and peak RSS."""
    return child.run([sys.executable, "-m", "migrasi", "validate", str(folder), *extra])


def _head(text: str, lines: int = 12) -> str:
    kept = text.strip().splitlines()
    more = f"\n    … {len(kept) - lines} more line(s)" if len(kept) > lines else ""
    return "\n".join(f"    {line}" for line in kept[:lines]) + more


def measure(systems: int, args: argparse.Namespace) -> Result:
    folder = dataset(systems, args.seed, args.waves)
    files = yaml_files(folder)
    result = Result(systems, len(files), parse_floor(files, args.repeat))
    if args.parse_only:
        return result
    runs: list[child.Run] = []
    for _ in range(args.repeat):
        run = run_validate(folder, args.extra)
        runs.append(run)
        result.exit_status = run.status
        result.errors = len(ERROR_LINE.findall(run.stdout))
        result.warnings = len(WARNING_LINE.findall(run.stdout))
        if run.status != 0 or result.errors:
            what = (
                f"reported {result.errors} error(s) on a generated set that should have none"
                if result.errors
                else f"exited {run.status}"
            )
            detail = _head(run.stdout if result.errors else (run.stderr or run.stdout))
            result.failure = f"migrasi validate {what}:\n{detail or '    (no output)'}"
            break
    result.validate_s = min(r.seconds for r in runs)
    result.peak_mb = max(r.peak_mb for r in runs)
    return result


def _cell(value: float | None, digits: int) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_table(results: Sequence[Result]) -> None:
    header = ("systems", "files", "parse floor s", "validate s", "ratio", "peak MB", "result")
    rows = [header]
    for r in results:
        if r.exit_status is None:
            outcome = "not run"
        elif r.failure:
            outcome = "FAILED"
        else:
            outcome = f"ok, {r.warnings} warnings"
        rows.append(
            (
                f"{r.systems:,}",
                str(r.files),
                _cell(r.parse_floor_s, 3),
                _cell(r.validate_s, 3) + ("!" if r.failure else ""),
                _cell(r.ratio, 1),
                _cell(r.peak_mb, 0),
                outcome,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=str(FULL_SYSTEMS),
        help="comma-separated system counts (default 30000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--waves", type=int, default=18)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best of)")
    parser.add_argument("--parse-only", action="store_true", help="skip migrasi validate")
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="ARG",
        help="extra argument for migrasi validate (repeatable), e.g. --extra=--format=json",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, not {args.sizes!r}")
    if not sizes or min(sizes) < 2 or args.repeat < 1:
        parser.error("sizes must be at least 2 and --repeat at least 1")

    print(
        f"python {platform.python_version()} ({sys.executable}), PyYAML {yaml.__version__} "
        f"with libyaml {'yes' if yaml.__with_libyaml__ else 'NO'}, {os.cpu_count()} CPU(s), "
        f"best of {args.repeat}",
        flush=True,
    )
    results = [measure(size, args) for size in sizes]
    print()
    print_table(results)
    for r in results:
        if r.failure:
            print(f"\n{r.systems:,} systems: {r.failure}")
    if args.json:
        rows = [{**asdict(r), "ratio": r.ratio} for r in results]
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r.failure for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
