"""National scale: `migrasi validate` and `migrasi plan` against the bare parse floor, in one run.

Usage (from anywhere; the repository root is found from this file)::

    python bench/bench_scale.py                          # 1,000 / 3,000 / 10,000 / 30,000 systems
    python bench/bench_scale.py --sizes 1000,3000 --repeat 1 --json out.json

It prints Markdown (tables on standard output, progress on standard error). For each size it
uses the cached synthetic set of ``bench_validate.py`` (550 region files at 30,000 systems,
proportionally fewer below, at least 12; generated once under ``bench/out/``) and measures:

- the **parse floor**: read every file and ``yaml.load(text, Loader=yaml.CSafeLoader)`` with
  the garbage collector off, in this process (best of N);
- ``.venv/bin/python -m migrasi validate DIR`` and ``... plan DIR --out TMP`` as child
  processes: wall time including interpreter start-up (best of N) and the peak resident memory
  of each child alone (``os.wait4``); a watchdog stops a child past ``--timeout`` seconds or
  ``--rss-cap-mb``, and the table then shows a lower bound;
- on the largest size only, ``check-jsonschema --schemafile schemas/inventory.schema.json`` on
  the region files (the data-center file has another schema and is left out), once on the YAML
  files themselves and once on the same documents converted to JSON (see the output's notes);
- the growth check: time / (n·ln n), normalised to the smallest size;
- ``migrasi plan inventories --out TMP`` on the shipped province.

N is ``--repeat``; by default 3 for sizes up to 10,000 and 1 above, and a run that takes more
than 30 s is not repeated. Exit status 1 when a run fails (a non-zero exit or errors reported
on a generated set); goals that are missed are reported, not failed.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(REPO_ROOT))

from bench import child  # noqa: E402
from bench.bench_validate import ERROR_LINE, dataset, yaml_files  # noqa: E402
from bench.generate import DATACENTER_FILE, MARKER  # noqa: E402

DEFAULT_SIZES = "1000,3000,10000,30000"
SCHEMA = REPO_ROOT / "schemas" / "inventory.schema.json"
NO_REPEAT_OVER_S = 30.0
PROVINCE = REPO_ROOT / "inventories"
GROWTH_TOLERANCE = 1.10  # per-system cost may wobble 10% with the machine's load


@dataclass
class Measure:
    """Best wall time and largest peak of one command over its runs."""

    seconds: float | None = None
    cpu_seconds: float | None = None
    """CPU time (user + system) of the fastest run."""
    peak_mb: float | None = None
    tree_mb: float | None = None
    """The largest memory of all the command's processes together (proportional set sizes
    summed, sampled every 0.1 s; None where Linux does not give them)."""
    runs: int = 0
    killed: str | None = None
    failure: str | None = None

    @property
    def lower_bound(self) -> bool:
        """The time (and memory) is only a lower bound: the watchdog stopped the run."""
        return self.killed is not None


@dataclass
class SizeResult:
    systems: int
    files: int
    repeat: int
    parse_floor_s: float
    parse_floor_cpu_s: float
    validate: Measure = field(default_factory=Measure)
    plan: Measure = field(default_factory=Measure)

    def ratio(self, m: Measure) -> float | None:
        if m.seconds is None or m.failure or self.parse_floor_s <= 0:
            return None
        return m.seconds / self.parse_floor_s


@dataclass
class SchemaCheck:
    systems: int
    files: int
    yaml_s: float | None = None
    yaml_status: int | None = None
    json_s: float | None = None
    json_status: int | None = None
    note: str = ""


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(
    cmd: Sequence[str], repeat: int, args: argparse.Namespace, check_errors: bool = False
) -> Measure:
    """Best of ``repeat`` runs of ``cmd``; stops early on a failure, a kill or a slow run."""
    m = Measure()
    for _ in range(repeat):
        run = child.run(cmd, timeout=args.timeout, rss_cap_mb=args.rss_cap_mb)
        m.runs += 1
        if m.seconds is None or run.seconds < m.seconds:
            m.seconds, m.cpu_seconds = run.seconds, run.cpu_seconds
        m.peak_mb = run.peak_mb if m.peak_mb is None else max(m.peak_mb, run.peak_mb)
        if run.tree_mb is not None:
            m.tree_mb = run.tree_mb if m.tree_mb is None else max(m.tree_mb, run.tree_mb)
        if run.killed:
            m.killed = run.killed
            m.seconds, m.cpu_seconds = run.seconds, run.cpu_seconds
            break
        errors = len(ERROR_LINE.findall(run.stdout)) if check_errors else 0
        if run.status != 0 or errors:
            what = f"reported {errors} error(s)" if errors else f"exited {run.status}"
            detail = child.head(run.stdout if errors else (run.stderr or run.stdout))
            m.failure = f"`{' '.join(cmd[2:4])}` {what}:\n{detail}"
            break
        if run.seconds > NO_REPEAT_OVER_S:
            break
    return m


def parse_floor(files: Sequence[Path], repeat: int) -> tuple[float, float]:
    """Best wall time (and its CPU time) to read and CSafeLoader-parse every file, GC off."""
    best, best_cpu = math.inf, math.inf
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started, started_cpu = time.perf_counter(), time.process_time()
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            took, took_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        finally:
            gc.enable()
        if took < best:
            best, best_cpu = took, took_cpu
    return best, best_cpu


def repeat_for(systems: int, args: argparse.Namespace) -> int:
    if args.repeat is not None:
        return int(args.repeat)
    return 3 if systems <= 10_000 else 1


def measure_size(systems: int, args: argparse.Namespace) -> SizeResult:
    folder = dataset(systems, args.seed, args.waves)
    files = yaml_files(folder)
    repeat = repeat_for(systems, args)
    log(f"{systems:,} systems: parse floor (best of {repeat}) …")
    wall, cpu = parse_floor(files, repeat)
    result = SizeResult(systems, len(files), repeat, wall, cpu)
    log(f"{systems:,} systems: migrasi validate …")
    result.validate = measure(child.migrasi("validate", str(folder)), repeat, args, True)
    log(f"{systems:,} systems: migrasi plan …")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        out = Path(tmp) / "plan"
        result.plan = measure(child.migrasi("plan", str(folder), "--out", str(out)), repeat, args)
    return result


def json_copy(folder: Path) -> Path:
    """The region files of ``folder`` as JSON documents (dates as ISO text), cached."""
    target = folder.parent / f"{folder.name}-json"
    wanted = (folder / MARKER).read_text(encoding="utf-8")
    marker = target / MARKER
    if marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        return target
    target.mkdir(exist_ok=True)
    for old in target.glob("*.json"):
        old.unlink()
    for path in yaml_files(folder):
        if path.name == DATACENTER_FILE:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        text = json.dumps(data, default=_iso, ensure_ascii=False)
        (target / f"{path.stem}.json").write_text(text, encoding="utf-8")
    marker.write_text(wanted, encoding="utf-8")
    return target


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def check_jsonschema(systems: int, args: argparse.Namespace) -> SchemaCheck:
    folder = dataset(systems, args.seed, args.waves)
    regions = [p for p in yaml_files(folder) if p.name != DATACENTER_FILE]
    found = SchemaCheck(systems, len(regions))
    exe = Path(child.venv_python()).parent / "check-jsonschema"
    if not exe.exists():
        found.note = f"{exe} is not installed (`pip install check-jsonschema`)"
        return found
    base = [str(exe), "--schemafile", str(SCHEMA)]
    log(f"{systems:,} systems: check-jsonschema on the YAML files …")
    run = child.run([*base, *map(str, regions)], timeout=args.timeout * 2, rss_cap_mb=8192)
    found.yaml_s, found.yaml_status = run.seconds, run.status
    if run.status != 0:
        found.note += f"check-jsonschema (YAML) exited {run.status}:\n{child.head(run.stdout)}\n"
    converted = sorted(json_copy(folder).glob("*.json"))
    log(f"{systems:,} systems: check-jsonschema on the same documents as JSON …")
    run = child.run([*base, *map(str, converted)], timeout=args.timeout * 2, rss_cap_mb=8192)
    found.json_s, found.json_status = run.seconds, run.status
    if run.status != 0:
        found.note += f"check-jsonschema (JSON) exited {run.status}:\n{child.head(run.stdout)}\n"
    return found


# --------------------------------------------------------------------------- output


def secs(m: Measure) -> str:
    if m.seconds is None:
        return "—"
    if m.killed:
        return f"> {m.seconds:.1f} ({m.killed})"
    return f"{m.seconds:.2f}" + (" FAILED" if m.failure else "")


def cpu(m: Measure) -> str:
    return "—" if m.cpu_seconds is None else f"{m.cpu_seconds:.2f}"


def mb(m: Measure) -> str:
    if m.peak_mb is None:
        return "—"
    together = f" ({m.tree_mb:,.0f})" if m.tree_mb is not None else ""
    return f"{'> ' if m.killed == 'memory' else ''}{m.peak_mb:,.0f}{together}"


def times(r: SizeResult, m: Measure) -> str:
    ratio = r.ratio(m)
    if ratio is None:
        return "—"
    return f"{'> ' if m.lower_bound else ''}{ratio:.2f}×"


def per_system(seconds: float, n: int) -> float:
    return seconds / (n * math.log(n))


def growth(results: Sequence[SizeResult], pick: str) -> list[str]:
    """time/(n·ln n) of each size, normalised to the first size."""
    cells: list[str] = []
    base: float | None = None
    for r in results:
        if pick == "floor":
            seconds, bound = r.parse_floor_s, False
        else:
            m: Measure = getattr(r, pick)
            if m.seconds is None or m.failure:
                cells.append("—")
                continue
            seconds, bound = m.seconds, m.lower_bound
        value = per_system(seconds, r.systems)
        if base is None:
            base = value
        cells.append(f"{'> ' if bound else ''}{value / base:.2f}")
    return cells


def steps(results: Sequence[SizeResult]) -> list[tuple[str, str, str]]:
    """For each size against the one before: the n·ln n ratio and the measured time ratios."""
    cells: list[tuple[str, str, str]] = [("—", "—", "—")]
    for before, now in itertools.pairwise(results):
        predicted = (now.systems * math.log(now.systems)) / (
            before.systems * math.log(before.systems)
        )
        measured: list[str] = []
        for pick in ("validate", "plan"):
            a: Measure = getattr(before, pick)
            b: Measure = getattr(now, pick)
            if not a.seconds or b.seconds is None or a.failure or b.failure or a.lower_bound:
                measured.append("—")
                continue
            measured.append(f"{'> ' if b.lower_bound else ''}{b.seconds / a.seconds:.2f}×")
        cells.append((f"{predicted:.2f}×", measured[0], measured[1]))
    return cells


def growth_value(results: Sequence[SizeResult], pick: str) -> tuple[float, int, bool] | None:
    """The largest normalised per-system cost over the sizes above the first: (value, size,
    whether it is only a lower bound: a stopped run's time is a lower bound, so the figure
    still is)."""
    a: Measure = getattr(results[0], pick)
    if a.seconds is None or a.failure or len(results) < 2:
        return None
    base = per_system(a.seconds, results[0].systems)
    worst: tuple[float, int, bool] | None = None
    for r in results[1:]:
        m: Measure = getattr(r, pick)
        if m.seconds is None or m.failure:
            continue
        value = per_system(m.seconds, r.systems) / base
        if worst is None or value > worst[0]:
            worst = (value, r.systems, m.lower_bound)
    return worst


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    align = align or "r" * len(header)
    rule = ["---:" if a == "r" else ":---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def yes(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def goals(
    results: Sequence[SizeResult], schema: SchemaCheck | None, province: Measure
) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    big = results[-1]
    at = f"{big.systems:,} systems"
    v, p = big.validate, big.plan
    vr, pr = big.ratio(v), big.ratio(p)
    if vr is not None:
        rows.append((f"validate ≤ 1.0× the parse floor ({at})", f"{vr:.2f}×", yes(vr <= 1.0)))
    if schema is not None and v.seconds and not v.failure:
        if schema.yaml_s is not None and schema.yaml_status == 0:
            speed = schema.yaml_s / v.seconds
            rows.append(
                (
                    f"validate ≥ 5× faster than check-jsonschema on the YAML files ({at})",
                    f"{speed:.1f}× ({v.seconds:.2f} s vs {schema.yaml_s:.2f} s)",
                    yes(speed >= 5),
                )
            )
        if schema.json_s is not None and schema.json_status == 0:
            speed = schema.json_s / v.seconds
            rows.append(
                (
                    "(for reference, not a goal) … and on the same documents as JSON",
                    f"{speed:.1f}× ({v.seconds:.2f} s vs {schema.json_s:.2f} s)",
                    "—",
                )
            )
    if pr is not None:
        bound = "> " if p.lower_bound else ""
        rows.append(
            (f"plan end to end ≤ 3× the parse floor ({at})", f"{bound}{pr:.2f}×", yes(pr <= 3))
        )
    if p.peak_mb is not None:
        most = p.tree_mb if p.tree_mb is not None else p.peak_mb
        peak_gb = most / 1024
        bound = "> " if p.killed == "memory" else ""
        which = "all its processes together" if p.tree_mb is not None else "its largest process"
        rows.append(
            (
                f"plan peak ≤ 1.5 GB, {which} ({at})",
                f"{bound}{peak_gb:.2f} GB",
                yes(peak_gb <= 1.5),
            )
        )
    if province.seconds is not None and not province.failure:
        rows.append(
            (
                "the shipped province (inventories/) plans in under a second",
                f"{province.seconds:.2f} s",
                yes(province.seconds < 1 and not province.killed),
            )
        )
    for pick in ("validate", "plan"):
        grown = growth_value(results, pick)
        if grown is None:
            continue
        value, size, capped = grown
        stopped = [f"{r.systems:,}" for r in results if getattr(r, pick).lower_bound]
        figure = f"worst {'> ' if capped else ''}{value:.2f}, at {size:,} systems"
        ok = value <= GROWTH_TOLERANCE and not stopped
        before, now = results[-2], results[-1]
        a, b = getattr(before, pick), getattr(now, pick)
        if a.seconds and b.seconds and not (a.failure or b.failure or a.lower_bound):
            predicted = (now.systems * math.log(now.systems)) / (
                before.systems * math.log(before.systems)
            )
            measured = b.seconds / a.seconds
            figure += (
                f"; last step {before.systems:,} → {now.systems:,}: "
                f"{'> ' if b.lower_bound else ''}{measured:.2f}× the time, "
                f"n·ln n predicts {predicted:.2f}×"
            )
            ok = ok and measured <= predicted * GROWTH_TOLERANCE
        if stopped:
            figure += f" (stopped runs at {', '.join(stopped)})"
        rows.append(
            (
                f"{pick} cost grows no faster than n·log n ({results[0].systems:,} → "
                f"{big.systems:,}: per-system cost at most {GROWTH_TOLERANCE:.2f} of the first "
                f"size's, last step at most {GROWTH_TOLERANCE:.2f} of n·ln n's)",
                figure,
                yes(ok),
            )
        )
    return rows


def report(
    results: Sequence[SizeResult],
    schema: SchemaCheck | None,
    province: Measure,
    args: argparse.Namespace,
    started: str,
    load_start: str,
    elapsed: float,
) -> str:
    out: list[str] = ["## Scale: validate and plan against the parse floor", ""]
    out.append(
        f"Run {started} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s), "
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} "
        f"(libyaml {'yes' if yaml.__with_libyaml__ else 'NO'}); load average (1/5/15 min) "
        f"{load_start} at the start and {load_text()} at the end; {elapsed / 60:.1f} min in all."
    )
    repeats = sorted({r.repeat for r in results})
    if args.repeat is None:
        how = "best of 3 runs up to 10,000 systems and 1 run above (to keep the run short)"
    else:
        how = f"best of {args.repeat} run(s)"
    out.append(
        f"Times are wall seconds, {how}; a run over {NO_REPEAT_OVER_S:.0f} s is not repeated. "
        "validate and plan run as `.venv/bin/python -m migrasi …` child processes (interpreter "
        "start-up included); cpu s is the child's user + system CPU time, a steadier figure "
        "than wall time when other processes load the machine; ratios are of wall times; "
        "peak MB is the largest resident set of one process, and in brackets the most that "
        "all the command's processes held together (proportional set sizes, so that pages a "
        "forked process shares are counted once; sampled every 0.1 s). A run past "
        f"{args.timeout:.0f} s or {args.rss_cap_mb:,.0f} MB is stopped and shows a lower bound. "
        f"Repeats used: {', '.join(map(str, repeats))}."
    )
    out.append("")
    rows = [
        (
            f"{r.systems:,}",
            str(r.files),
            f"{r.parse_floor_s:.2f} ({r.parse_floor_cpu_s:.2f})",
            secs(r.validate),
            cpu(r.validate),
            times(r, r.validate),
            mb(r.validate),
            secs(r.plan),
            cpu(r.plan),
            times(r, r.plan),
            mb(r.plan),
        )
        for r in results
    ]
    header = (
        "systems",
        "files",
        "parse floor s (cpu)",
        "validate s",
        "validate cpu s",
        "validate ÷ floor",
        "validate peak MB",
        "plan s",
        "plan cpu s",
        "plan ÷ floor",
        "plan peak MB",
    )
    out += [table(header, rows), ""]

    if schema is not None:
        big = next(r for r in results if r.systems == schema.systems)
        v = big.validate.seconds
        srows = []
        for label, seconds, status in (
            ("YAML (its own ruamel.yaml loader)", schema.yaml_s, schema.yaml_status),
            ("JSON (same documents, no YAML parsing)", schema.json_s, schema.json_status),
        ):
            if seconds is None:
                continue
            faster = f"{seconds / v:.1f}×" if v else "—"
            share = f"{v / seconds:.3f}" if v else "—"
            srows.append(
                (
                    label,
                    f"{seconds:.2f}",
                    "pass" if status == 0 else f"exit {status}",
                    faster,
                    share,
                )
            )
        out.append(
            f"check-jsonschema on {schema.systems:,} systems ({schema.files} region files; "
            f"`migrasi validate` took {v:.2f} s on the same folder, which also holds the "
            "data-center file):"
            if v
            else f"check-jsonschema on {schema.systems:,} systems ({schema.files} region files):"
        )
        out.append("")
        out.append(
            table(
                ("input", "check-jsonschema s", "result", "validate faster by", "validate ÷ cj"),
                srows,
                "lrlrr",
            )
        )
        out.append("")
        out.append(
            "Fairness: both tools get the same region files and both accept every one of them "
            "(the generator quotes any text that a YAML 1.1 or 1.2 reader would take for a "
            "number, date or boolean, so the schema's string fields are never handed a number); "
            "`migrasi validate` does more (the data-center file, cross-file refs, groups, "
            "limits, warnings with source lines). check-jsonschema reads YAML with ruamel.yaml "
            "(pure Python here), which is most of its time; the JSON row takes that away — the "
            "documents are parsed once with CSafeLoader and written as JSON (dates as ISO text, "
            "conversion not timed) — so it is check-jsonschema's best case."
        )
        if schema.note:
            out += ["", "```", schema.note.strip(), "```"]
        out.append("")

    if len(results) > 1:
        grow_rows = [
            (f"{r.systems:,}", f, v, p, *step)
            for r, f, v, p, step in zip(
                results,
                growth(results, "floor"),
                growth(results, "validate"),
                growth(results, "plan"),
                steps(results),
                strict=True,
            )
        ]
        out.append(
            f"Growth: time ÷ (n·ln n), normalised to {results[0].systems:,} systems (1.00 or "
            "less is n·log n or better). Interpreter start-up flatters the small sizes, so the "
            "step columns also compare each size with the one before: the time ratio measured "
            "against the ratio n·ln n predicts."
        )
        steps_header = ("systems", "parse floor", "validate", "plan", "n·ln n step",
                        "validate step", "plan step")  # fmt: skip
        out += ["", table(steps_header, grow_rows), ""]

    if province.seconds is not None:
        what = secs(province)
        out.append(
            f"Shipped province: `migrasi plan inventories --out TMP` {what} s "
            f"(best of {province.runs}), peak {mb(province)} MB."
        )
        if province.failure:
            out += ["", "```", province.failure, "```"]
        out.append("")

    out += ["Goals:", ""]
    out.append(table(("goal", "figure", ""), goals(results, schema, province), "lll"))
    failures = [(r.systems, m.failure) for r in results for m in (r.validate, r.plan) if m.failure]
    for systems, failure in failures:
        out += ["", f"{systems:,} systems:", "```", str(failure), "```"]
    return "\n".join(out) + "\n"


def to_json(
    results: Sequence[SizeResult], schema: SchemaCheck | None, province: Measure
) -> dict[str, Any]:
    return {
        "sizes": [
            {
                **asdict(r),
                "validate_ratio": r.ratio(r.validate),
                "plan_ratio": r.ratio(r.plan),
            }
            for r in results
        ],
        "check_jsonschema": asdict(schema) if schema else None,
        "province_plan": asdict(province),
        "goals": [
            {"goal": g, "figure": f, "met": None if m == "—" else m == yes(True)}
            for g, f, m in goals(results, schema, province)
        ],
        "loadavg_end": os.getloadavg(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"system counts ({DEFAULT_SIZES})")
    parser.add_argument(
        "--repeat", type=int, help="runs per measurement, best of (default 3 ≤ 10,000, 1 above)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--waves", type=int, default=18)
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds per child run")
    parser.add_argument("--rss-cap-mb", type=float, default=4096.0, help="memory cap per child")
    parser.add_argument("--no-check-jsonschema", action="store_true", help="skip that comparison")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, not {args.sizes!r}")
    if not sizes or sizes[0] < 2 or (args.repeat is not None and args.repeat < 1):
        parser.error("sizes must be at least 2 and --repeat at least 1")

    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start = load_text()
    log(f"bench_scale: load average {load_start} at the start")
    clock = time.perf_counter()
    results = [measure_size(n, args) for n in sizes]
    schema = None if args.no_check_jsonschema else check_jsonschema(sizes[-1], args)
    log("shipped province: migrasi plan inventories …")
    with tempfile.TemporaryDirectory(prefix="bench-province-") as tmp:
        cmd = child.migrasi("plan", str(PROVINCE), "--out", str(Path(tmp) / "plan"))
        province = measure(cmd, 3, args)
    elapsed = time.perf_counter() - clock
    print(report(results, schema, province, args, started, load_start, elapsed), end="")
    log(f"bench_scale: load average {load_text()} at the end")
    if args.json:
        text = json.dumps(to_json(results, schema, province), indent=2) + "\n"
        args.json.write_text(text, encoding="utf-8")
    failed = [m for r in results for m in (r.validate, r.plan) if m.failure]
    return 1 if failed or province.failure else 0


if __name__ == "__main__":
    sys.exit(main())
