"""Plan quality: the heuristic against exact mode's proven bounds on tight, province-size instances.

Usage (from anywhere; the repository root is found from this file)::

    python bench/bench_quality.py                        # seeds 1..5, --time-limit 60
    python bench/bench_quality.py --seeds 1 --time-limit 20 --json out.json

For each seed it generates (once; cached under ``bench/out/``) about 700 systems in 12 regions
with 12 waves, then tightens the data-center file — ``team_days``, ``max_critical`` and every
capacity figure (base and expansion) are scaled down (see ``TIGHT``) so that the waves fill up
and the heuristic leaves a few systems unscheduled — and checks that ``migrasi validate``
reports no error. It then runs, as child processes::

    .venv/bin/python -m migrasi plan DIR --out A                         # the heuristic
    .venv/bin/python -m migrasi plan DIR --exact --time-limit 60 --out B

and compares the NPVs with exact mode's plan (goals: at least 99.5% of it on average over the
seeds, 99% on every seed) and with what exact mode proved (``proven.npv``: the optimum of the
plans that keep every group the heuristic placed, or the solver's bound of it when not
``optimal``; ``proven.relaxed_npv``: an upper bound of every plan that keeps rules 1-10). For
the first seed it also prints the makespan against two lower bounds and the use of every limit
in every wave of the heuristic plan. The shipped inventories (``inventories/``) are planned both
ways too (goal: the heuristic at least 99.8% of exact mode's plan; ``--no-shipped`` leaves them
out). Markdown goes to standard output, progress to standard error. Exit status
1 when a run fails; a missed goal is reported, not failed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(REPO_ROOT))

from bench import child  # noqa: E402
from bench.bench_validate import ERROR_LINE, dataset  # noqa: E402
from bench.generate import DATACENTER_FILE, MARKER  # noqa: E402

SYSTEMS = 700
REGIONS = 12
WAVES = 12
# how much of the generator's sizing (which aims at ~70% use per wave) the tight instance keeps
TIGHT: dict[str, float] = {
    "team_days": 0.75,
    "max_critical": 0.80,
    "vcpu": 0.70,
    "ram_gb": 0.70,
    "storage_gb": 0.70,
}
GOAL = Decimal("0.98")
NEAR_MEAN = Decimal("0.995")  # heuristic ÷ exact mode's plan, on average over the seeds
NEAR_EACH = Decimal("0.99")  # … and on every seed
NEAR_SHIPPED = Decimal("0.998")  # … and on the shipped inventories
SHIPPED = REPO_ROOT / "inventories"
FULL = Decimal("0.95")  # a limit at or above 95% of its budget in a wave counts as binding there
INTRINSIC = {"pin", "not_before", "freeze", "pilot", "group"}  # reasons that no load changes
LIMITS = ("team_days", "transfer_hours", "critical", "vcpu", "ram_gb", "storage_gb")


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- instances


def tighten(text: str) -> str:
    """The data-center file with the ``TIGHT`` keys scaled down (rounded down, at least 1)."""
    for key, factor in TIGHT.items():
        pattern = re.compile(rf"^(\s+{key}: )(\d+)\s*$", re.MULTILINE)

        def scaled(m: re.Match[str], factor: float = factor) -> str:
            return f"{m.group(1)}{max(1, math.floor(int(m.group(2)) * factor))}"

        text, count = pattern.subn(scaled, text)
        if not count:
            raise ValueError(f"the generated data-center file has no {key}")
    return text


def instance(seed: int, args: argparse.Namespace) -> Path:
    """The tightened copy of the generated set for ``seed`` (made once, cached)."""
    base = dataset(args.systems, seed, args.waves, args.regions)
    target = base.parent / f"{base.name}-tight"
    wanted = (base / MARKER).read_text(encoding="utf-8").strip() + json.dumps(TIGHT) + "\n"
    marker = target / MARKER
    if marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        return target
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    for path in sorted(base.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if path.name == DATACENTER_FILE:
            text = tighten(text)
        (target / path.name).write_text(text, encoding="utf-8")
    marker.write_text(wanted, encoding="utf-8")
    return target


# --------------------------------------------------------------------------- one seed


@dataclass
class SeedResult:
    seed: int
    systems: int = 0
    planned: int = 0
    unscheduled: int = 0
    heuristic_npv: int | None = None
    heuristic_s: float | None = None
    exact_npv: int | None = None
    exact_unscheduled: int | None = None
    exact_s: float | None = None
    proven_npv: int | None = None
    proven_optimal: bool | None = None
    relaxed_npv: int | None = None
    failure: str | None = None

    def share(self, bound: int | None) -> Decimal | None:
        if self.heuristic_npv is None or not bound:
            return None
        return Decimal(self.heuristic_npv) / Decimal(bound)

    @property
    def of_exact(self) -> Decimal | None:
        return self.share(self.exact_npv)

    @property
    def of_proven(self) -> Decimal | None:
        return self.share(self.proven_npv)

    @property
    def of_relaxed(self) -> Decimal | None:
        return self.share(self.relaxed_npv)


def run_plan(folder: Path, out: Path, extra: Sequence[str], args: argparse.Namespace) -> child.Run:
    cmd = child.migrasi("plan", str(folder), "--out", str(out), *extra)
    return child.run(cmd, timeout=args.time_limit * 4 + 120, rss_cap_mb=args.rss_cap_mb)


def failed(what: str, run: child.Run) -> str:
    why = f"was stopped ({run.killed})" if run.killed else f"exited {run.status}"
    return f"{what} {why}:\n{child.head(run.stderr or run.stdout)}"


def measure_seed(seed: int, args: argparse.Namespace, keep: Path) -> SeedResult:
    """Validate, plan both ways, read both plan.json; the heuristic plan stays in ``keep``."""
    return measure(SeedResult(seed), instance(seed, args), args, keep)


def measure(result: SeedResult, folder: Path, args: argparse.Namespace, keep: Path) -> SeedResult:
    """Validate ``folder``, plan it both ways, read both plan.json (the heuristic's in ``keep``)."""
    seed = result.seed or folder.name
    log(f"{seed}: migrasi validate {folder.relative_to(REPO_ROOT)} …")
    check = child.run(child.migrasi("validate", str(folder)), rss_cap_mb=args.rss_cap_mb)
    errors = len(ERROR_LINE.findall(check.stdout))
    if not check.ok or errors:
        result.failure = failed(f"validate ({errors} error lines)", check)
        return result
    log(f"{seed}: migrasi plan (heuristic) …")
    heuristic = run_plan(folder, keep, [], args)
    if not heuristic.ok:
        result.failure = failed("plan", heuristic)
        return result
    result.heuristic_s = heuristic.seconds
    plan = json.loads((keep / "plan.json").read_text(encoding="utf-8"))
    status = Counter(str(s["status"]) for s in plan["systems"])
    result.systems = len(plan["systems"])
    result.planned = result.systems - status["retained"]
    result.unscheduled = status["unscheduled"]
    result.heuristic_npv = int(plan["totals"]["npv"])
    log(f"{seed}: migrasi plan --exact --time-limit {args.time_limit:g} …")
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as tmp:
        out = Path(tmp) / "exact"
        exact = run_plan(folder, out, ["--exact", "--time-limit", f"{args.time_limit:g}"], args)
        if not exact.ok:
            result.failure = failed("plan --exact", exact)
            return result
        result.exact_s = exact.seconds
        solved = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    proven = solved.get("proven") or {}
    result.exact_npv = int(solved["totals"]["npv"])
    result.exact_unscheduled = sum(1 for s in solved["systems"] if s["status"] == "unscheduled")
    result.proven_npv = None if proven.get("npv") is None else int(proven["npv"])
    result.proven_optimal = proven.get("optimal")
    relaxed = proven.get("relaxed_npv")
    result.relaxed_npv = None if relaxed is None else int(relaxed)
    return result


# --------------------------------------------------------------------------- seed 1 in depth


@dataclass
class WaveUse:
    wave: int
    cutover: str
    open: bool
    pilot: bool
    systems: int
    use: dict[str, Decimal] = field(default_factory=dict)
    """Share of each limit used, 0..1 (capacity: cumulative use against the cutover day's)."""


@dataclass
class Depth:
    makespan: int | None
    effort: Decimal
    team_days: Decimal
    effort_bound: int | None
    effort_waves: int
    chain_groups: int
    chain_bound: int | None
    waves: list[WaveUse]
    binding_waves: dict[str, int]
    blocked: dict[str, int]


def _dec(value: object) -> Decimal:
    return Decimal(str(value))


def capacity_on(dc: dict[str, Any], day: date) -> dict[str, Decimal]:
    cap = dc["capacity"]
    total = {d: _dec(cap[d]) for d in ("vcpu", "ram_gb", "storage_gb")}
    for expansion in cap.get("expansions") or []:
        start = expansion["from"]
        start = start if isinstance(start, date) else date.fromisoformat(str(start))
        if start <= day:
            for d in total:
                total[d] += _dec(expansion.get(d, 0))
    return total


def read_graph(folder: Path) -> dict[str, Any]:
    """``migrasi graph FOLDER --format json``: nodes (with their move group) and edges."""
    run = child.run(child.migrasi("graph", str(folder), "--format", "json"))
    if not run.ok:
        raise RuntimeError(failed("graph", run))
    graph: dict[str, Any] = json.loads(run.stdout)
    return graph


def longest_chain(graph: dict[str, Any], scheduled: set[str]) -> int:
    """The longest dependency chain of move groups among ``scheduled`` systems, in groups."""
    group_of = {str(n["ref"]): str(n["group"] or n["ref"]) for n in graph["nodes"]}
    needs: dict[str, set[str]] = defaultdict(set)
    for edge in graph["edges"]:
        a, b = str(edge["from"]), str(edge["to"])
        if edge["kind"] == "depends_on" and a in scheduled and b in scheduled:
            ga, gb = group_of[a], group_of[b]
            if ga != gb:
                needs[ga].add(gb)
    depth: dict[str, int] = {}
    for g in sorted({group_of[r] for r in scheduled}):
        _longest(g, needs, depth)
    return max(depth.values(), default=0)


def _longest(root: str, needs: dict[str, set[str]], depth: dict[str, int]) -> int:
    """Groups on the longest chain that starts at ``root`` (iterative; the graph is acyclic)."""
    stack = [root]
    while stack:
        g = stack[-1]
        if g in depth:
            stack.pop()
            continue
        todo = [n for n in needs.get(g, ()) if n not in depth]
        if todo:
            stack.extend(todo)
            continue
        depth[g] = 1 + max((depth[n] for n in needs.get(g, ())), default=0)
        stack.pop()
    return depth[root]


def chain_bound(folder: Path, plan: dict[str, Any]) -> tuple[int, int | None]:
    """Longest chain (in groups) and the latest 'earliest allowed wave' along any chain: a
    system can sit no earlier than the first open wave its own rules allow (no ``pin``,
    ``not_before``, ``freeze``, ``pilot`` or ``group`` reason in ``blocked_by``), nor earlier
    than anything it depends on can (rule 3 lets a dependency share the wave)."""
    systems = [s for s in plan["systems"] if s["status"] == "scheduled"]
    scheduled = {str(s["ref"]) for s in systems}
    graph = read_graph(folder)
    chain = longest_chain(graph, scheduled)
    own: dict[str, int] = {}
    for s in systems:
        blocked = {int(b["wave"]): str(b["reason"]) for b in s["blocked_by"]}
        earlier = sorted(k for k, why in blocked.items() if why not in INTRINSIC)
        own[str(s["ref"])] = earlier[0] if earlier else int(s["wave"])
    needs: dict[str, list[str]] = defaultdict(list)
    for edge in graph["edges"]:
        a, b = str(edge["from"]), str(edge["to"])
        if a in scheduled and b in scheduled:
            needs[a].append(b)
    earliest = dict(own)
    for _ in range(len(earliest)):  # relax to a fixed point (longest-path style)
        changed = False
        for ref, targets in needs.items():
            best = max([earliest[ref], *(earliest[t] for t in targets)])
            if best > earliest[ref]:
                earliest[ref], changed = best, True
        if not changed:
            break
    return chain, max(earliest.values(), default=None)


def depth_of(folder: Path, plan: dict[str, Any]) -> Depth:
    dc = yaml.safe_load((folder / DATACENTER_FILE).read_text(encoding="utf-8"))
    sched = dc["schedule"]
    team_days, hours = _dec(sched["team_days"]), _dec(sched["transfer_hours"])
    max_critical = _dec(sched["max_critical"])
    waves: list[WaveUse] = []
    cumulative = dict.fromkeys(("vcpu", "ram_gb", "storage_gb"), Decimal(0))
    open_waves: list[int] = []
    effort = Decimal(0)
    for w in plan["waves"]:
        load = w["load"]
        use = WaveUse(int(w["wave"]), str(w["cutover"]), bool(w["open"]), bool(w.get("pilot")),
                      int(load["systems"]))  # fmt: skip
        effort += _dec(load["effort_days"])
        if use.open:
            open_waves.append(use.wave)
            caps = capacity_on(dc, date.fromisoformat(use.cutover))
            for d in cumulative:
                cumulative[d] += _dec(load[d])
            use.use = {
                "team_days": _dec(load["effort_days"]) / team_days,
                "transfer_hours": _dec(load["transfer_hours"]) / hours,
                "critical": _dec(load["critical"]) / max_critical,
                **{d: cumulative[d] / caps[d] for d in cumulative},
            }
        waves.append(use)
    holding = [w.wave for w in waves if w.systems]
    makespan = max(holding) if holding else None
    need = max(1, math.ceil(effort / team_days))
    effort_bound = open_waves[need - 1] if need <= len(open_waves) else None
    chain, chain_wave = chain_bound(folder, plan)
    binding = dict.fromkeys(LIMITS, 0)
    for w in waves:
        for limit, share in w.use.items():
            if share >= FULL and not w.pilot:
                binding[limit] += 1
    blocked: Counter[str] = Counter()
    for s in plan["systems"]:
        for b in s["blocked_by"]:
            reason = str(b["reason"])
            if reason == "capacity":
                reason = str(b.get("dimension", "capacity"))
            if reason in LIMITS:
                blocked[reason] += 1
    return Depth(makespan, effort, team_days, effort_bound, need, chain, chain_wave, waves,
                 binding, {limit: blocked[limit] for limit in LIMITS})  # fmt: skip


# --------------------------------------------------------------------------- output


def rupiah(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    align = align or "r" * len(header)
    rule = ["---:" if a == "r" else ":---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


LABEL = {
    "team_days": "team days",
    "transfer_hours": "transfer hours",
    "critical": "critical systems",
    "vcpu": "vCPU",
    "ram_gb": "RAM",
    "storage_gb": "storage",
}


def report(
    results: Sequence[SeedResult],
    depth: Depth | None,
    args: argparse.Namespace,
    elapsed: float,
    shipped: SeedResult | None = None,
) -> str:
    tight = ", ".join(f"{k} × {v:g}" for k, v in TIGHT.items())
    out = ["## Quality: the heuristic against exact mode's proven bounds", ""]
    out.append(
        f"{args.systems} systems in {args.regions} regions, {args.waves} waves, from "
        f"`bench/generate.py` seeds {', '.join(str(r.seed) for r in results)}; the data-center "
        f"file is tightened ({tight} of the generator's sizing) so that the limits bind. "
        f"Exact mode: `--exact --time-limit {args.time_limit:g}`. Load average "
        f"{'/'.join(f'{x:.2f}' for x in os.getloadavg())} at the end; {elapsed / 60:.1f} min."
    )
    out.append("")
    rows = []
    for r in results:
        if r.failure:
            rows.append((str(r.seed), "FAILED", *("—",) * 11))
            continue
        optimal = {True: "yes", False: "no", None: "—"}[r.proven_optimal]
        ok = r.of_proven is not None and r.of_proven >= GOAL
        rows.append(
            (
                str(r.seed),
                f"{r.planned} ({r.unscheduled} / {r.exact_unscheduled})",
                rupiah(r.heuristic_npv),
                rupiah(r.exact_npv),
                rupiah(r.proven_npv),
                optimal,
                rupiah(r.relaxed_npv),
                pct(r.of_exact),
                pct(r.of_proven),
                pct(r.of_relaxed),
                "yes" if ok else "**no**",
                f"{r.heuristic_s:.1f}" if r.heuristic_s else "—",
                f"{r.exact_s:.1f}" if r.exact_s else "—",
            )
        )
    header = (
        "seed",
        "planned (unscheduled: heur. / exact)",
        "heuristic NPV (Rp)",
        "exact NPV (Rp)",
        "proven.npv (Rp)",
        "optimal",
        "relaxed_npv (Rp)",
        "heuristic ÷ exact",
        "heuristic ÷ proven",
        "heuristic ÷ relaxed",
        "≥ 98%",
        "heuristic s",
        "exact s",
    )
    out += [table(header, rows), ""]
    shares = [r.of_proven for r in results if r.of_proven is not None]
    if shares:
        worst = min(shares)
        met = len(shares) == len(results) and worst >= GOAL
        out.append(
            f"Goal — heuristic ≥ 98% of the best proven bound: {'**met**' if met else '**missed**'}"
            f" (lowest {pct(worst)}, mean {pct(sum(shares, Decimal(0)) / len(shares))} of "
            "`proven.npv`). `proven.npv` is the optimum over the plans that keep every group the "
            "heuristic placed (on time where it was) when `optimal` is yes, else HiGHS's upper "
            "bound of that optimum; `relaxed_npv` bounds every plan that keeps rules 1-10, valid "
            "or not, so the share of it is a floor of the heuristic's quality against any plan."
        )
        out.append("")
    out += near_exact(results, shipped)
    if depth is not None:
        out += depth_report(results[0].seed, depth)
    for r in results:
        if r.failure:
            out += ["", f"seed {r.seed}:", "```", r.failure, "```"]
    return "\n".join(out) + "\n"


def near_exact(results: Sequence[SeedResult], shipped: SeedResult | None) -> list[str]:
    """The goals against exact mode's plan of the same run: the seeds' mean and lowest share,
    and the shipped inventories' share."""
    out = []
    shares = [r.of_exact for r in results if r.of_exact is not None]
    if shares:
        mean, worst = sum(shares, Decimal(0)) / len(shares), min(shares)
        met = len(shares) == len(results) and mean >= NEAR_MEAN and worst >= NEAR_EACH
        out.append(
            f"Goal — heuristic ≥ {pct(NEAR_MEAN)} of exact mode's plan on average and ≥ "
            f"{pct(NEAR_EACH)} on every seed: {'**met**' if met else '**missed**'} (mean "
            f"{pct(mean)}, lowest {pct(worst)})."
        )
        out.append("")
    if shipped is not None:
        if shipped.failure or shipped.of_exact is None:
            out += ["Shipped inventories: FAILED", "```", str(shipped.failure), "```", ""]
        else:
            met = shipped.of_exact >= NEAR_SHIPPED
            out.append(
                f"Goal — on the shipped inventories (`inventories/`) the heuristic ≥ "
                f"{pct(NEAR_SHIPPED)} of exact mode's plan: {'**met**' if met else '**missed**'} "
                f"({pct(shipped.of_exact)}: {rupiah(shipped.heuristic_npv)} against "
                f"{rupiah(shipped.exact_npv)}; heuristic {shipped.heuristic_s:.1f} s, exact "
                f"{shipped.exact_s:.1f} s)."
            )
            out.append("")
    return out


def depth_report(seed: int, d: Depth) -> list[str]:
    out = [f"Seed {seed}, heuristic plan — makespan and limits:", ""]
    out.append(
        f"- makespan (last wave holding a system): wave {d.makespan}"
        f"\n- lower bound from effort: {d.effort.normalize():f} team days of scheduled work ÷ "
        f"{d.team_days.normalize():f} per "
        f"wave = {d.effort_waves} open waves, so wave {d.effort_bound} at the earliest"
        f"\n- lower bound from dependencies: the longest dependency chain is {d.chain_groups} "
        "move groups; rule 3 lets a dependency share its dependant's wave, so a chain adds "
        "waves only through its members' own rules (not_before, freeze, pilot, pins): the "
        f"latest earliest-allowed wave along any chain is wave {d.chain_bound}"
    )
    out.append("")
    rows = []
    for w in d.waves:
        if not w.open:
            rows.append((str(w.wave), w.cutover, "closed", *("",) * len(LIMITS)))
            continue
        cells = []
        for limit in LIMITS:
            share = w.use.get(limit)
            text = "—" if share is None else f"{share * 100:.0f}%"
            cells.append(f"**{text}**" if share is not None and share >= FULL else text)
        name = f"{w.wave} (pilot)" if w.pilot else str(w.wave)
        rows.append((name, w.cutover, str(w.systems), *cells))
    header = ("wave", "cutover", "systems", *(LABEL[limit] for limit in LIMITS))
    out += [table(header, rows, "rlr" + "r" * len(LIMITS)), ""]
    out.append(
        f"Bold: at least {FULL * 100:.0f}% used. Capacity columns are the cumulative resources "
        "of the systems moved so far against the capacity on the cutover day (expansions "
        "included); the others are the wave's own load against its budget."
    )
    out.append("")
    rows = [(LABEL[limit], str(d.binding_waves[limit]), str(d.blocked[limit])) for limit in LIMITS]
    out.append(
        table(
            ("limit", "waves ≥ 95% used (pilot excluded)", "times it keeps a system out of a wave"),
            rows,
            "lrr",
        )
    )
    out.append("")
    most = max(LIMITS, key=lambda k: (d.binding_waves[k], d.blocked[k]))
    hardware = max(
        ("vcpu", "ram_gb", "storage_gb"), key=lambda k: (d.blocked[k], d.binding_waves[k])
    )
    out.append(
        f"Binds most often: **{LABEL[most]}** ({d.binding_waves[most]} full waves, "
        f"{d.blocked[most]} times the first reason a system is not in an earlier wave). "
        f"Of the Data Center's hardware, **{LABEL[hardware]}** binds most "
        f"({d.blocked[hardware]} times, {d.binding_waves[hardware]} full waves): that is the "
        "capacity to buy next."
    )
    out.append("")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seeds", default="1,2,3,4,5", help="comma-separated seeds (1..5)")
    parser.add_argument("--systems", type=int, default=SYSTEMS)
    parser.add_argument("--regions", type=int, default=REGIONS)
    parser.add_argument("--waves", type=int, default=WAVES)
    parser.add_argument("--time-limit", type=float, default=60.0, help="for --exact (60)")
    parser.add_argument("--rss-cap-mb", type=float, default=4096.0, help="memory cap per child")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument(
        "--no-shipped", action="store_true", help="leave out the shipped inventories"
    )
    args = parser.parse_args(argv)
    try:
        seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--seeds must be comma-separated integers, not {args.seeds!r}")
    if not seeds:
        parser.error("give at least one seed")

    clock = time.perf_counter()
    results: list[SeedResult] = []
    depth: Depth | None = None
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as tmp:
        for n, seed in enumerate(seeds):
            keep = Path(tmp) / f"heuristic-{seed}"
            result = measure_seed(seed, args, keep)
            results.append(result)
            if n == 0 and not result.failure:
                plan = json.loads((keep / "plan.json").read_text(encoding="utf-8"))
                depth = depth_of(instance(seed, args), plan)
        shipped = None
        if not args.no_shipped:
            shipped = measure(SeedResult(0), SHIPPED, args, Path(tmp) / "heuristic-shipped")
    elapsed = time.perf_counter() - clock
    print(report(results, depth, args, elapsed, shipped), end="")
    if args.json:
        doc = {
            "tight": TIGHT,
            "seeds": [
                {
                    **asdict(r),
                    "of_exact": r.of_exact,
                    "of_proven": r.of_proven,
                    "of_relaxed": r.of_relaxed,
                }
                for r in results
            ],
            "shipped": asdict(shipped) if shipped else None,
            "seed_detail": asdict(depth) if depth else None,
        }
        args.json.write_text(json.dumps(doc, indent=2, default=str) + "\n", encoding="utf-8")
    failed = any(r.failure for r in results) or bool(shipped and shipped.failure)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
