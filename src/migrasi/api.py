"""One function per use case, composing loading, core and render; prints nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migrasi.core.checks import Checked, accept, check
from migrasi.core.findings import Finding, sorted_findings, tally
from migrasi.loading.documents import Loaded, load

if TYPE_CHECKING:  # the plan's modules are imported where a plan is made: validate needs none
    from migrasi.core.keep import Earlier
    from migrasi.core.models import DataCenter
    from migrasi.core.plan import Plan
    from migrasi.core.plandoc import PlanDoc, RegionDoc, ScenarioDoc
    from migrasi.core.programme import Inputs
    from migrasi.core.scenario import Scenario
    from migrasi.core.whatif import Base, Outcome
    from migrasi.loading.scenarios import ScenarioInput
    from migrasi.render.diff_text import Compared
    from migrasi.render.graph_text import GraphView
    from migrasi.render.progress_rows import Reported


@dataclass
class ValidationResult:
    """Every finding of one validation run, in report order, and what was read."""

    findings: list[Finding]
    loaded: Loaded
    checked: Checked
    files: int
    accepted: list[Finding] = field(default_factory=list)
    scenario: ScenarioInput | None = None
    """The scenario the inputs were checked under (``--scenario``), as read."""
    read: Inputs | None = None
    """The inputs as read, before a scenario or an as-of day changed them."""

    @property
    def inputs(self) -> Inputs:
        """The inputs the checks ran on (under the scenario and the as-of day, when given)."""
        return self.loaded.inputs

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return tally(self.findings, "error")

    @property
    def warnings(self) -> int:
        """How many warnings were found (accepted ones not counted)."""
        return tally(self.findings, "warning")

    def sources(self) -> dict[str, str]:
        """The text of every file read, for showing source lines."""
        return {name: doc.text for name, doc in self.loaded.parsed.items()}


def _split(
    findings: list[Finding], loaded: Loaded, show_accepted: bool
) -> tuple[list[Finding], list[Finding]]:
    ordered = sorted_findings(loaded.place(findings))
    shown = [f for f in ordered if show_accepted or f.severity != "accepted"]
    return shown, [f for f in ordered if f.severity == "accepted"]


def validate(
    paths: Sequence[Path],
    *,
    show_accepted: bool = False,
    as_of: date | None = None,
    scenario: Path | None = None,
) -> ValidationResult:
    """Check every file under ``paths``; never raises for bad input (only for a missing path).

    Under the scenario file ``scenario`` its own findings come first, then the inputs it gives
    are checked like any inputs; ``as_of`` then replaces the as-of day (scenarios.md's order).
    """
    from migrasi.core import progress

    loaded = load(paths)
    read = loaded.inputs
    extra: list[Finding] = []
    chosen = None
    if scenario is not None:
        from migrasi.core.scenario_apply import apply_to
        from migrasi.loading.scenarios import load_scenario

        chosen = load_scenario(scenario)
        extra = list(chosen.findings)
        if chosen.parsed is not None:
            loaded.parsed.setdefault(chosen.file, chosen.parsed)
        if chosen.scenario is not None:
            loaded.inputs, problems = apply_to(loaded.inputs, chosen.scenario, chosen.file)
            extra += problems
    loaded.inputs = loaded.inputs.with_datacenter(progress.as_of(as_of))
    if loaded.helper is not None:  # a large input: half of the checks in a forked process
        from migrasi.loading.aside import forked

        checked = check(loaded.inputs, aside=forked)
    else:
        checked = check(loaded.inputs)
    everything = [*loaded.findings, *extra, *checked.findings]
    shown, accepted = _split(everything, loaded, show_accepted)
    files = len(loaded.files) + (scenario is not None)
    return ValidationResult(shown, loaded, checked, files, accepted, chosen, read)


@dataclass
class PlanResult:
    """A plan and what it rests on; ``plan`` and ``document`` are None while the inputs have
    errors."""

    validation: ValidationResult
    plan: Plan | None
    diagnostics: list[Finding]
    inputs: list[tuple[str, str]]
    document: PlanDoc | None = None


def plan(
    paths: Sequence[Path],
    *,
    exact: bool = False,
    time_limit: float = 60.0,
    as_of: date | None = None,
    keep: Path | None = None,
    min_gain: int = 0,
    scenario: Path | None = None,
) -> PlanResult:
    """Validate, then plan the waves (exactly, with the extra installed, when ``exact``; under
    the scenario file ``scenario``, then as of ``as_of``, when given); the plan is None when an
    error stands.

    The document's diagnostics are English whatever ``--lang`` says, so that plan.json changes
    only when the plan does; people read them in their language in plan.md.
    """
    from migrasi.core.plan import document, make_plan
    from migrasi.core.problem import build
    from migrasi.core.terms import Mode
    from migrasi.render.reporters import diagnostic

    result = validate(paths, as_of=as_of, scenario=scenario)
    loaded = result.loaded
    hashes = sorted(loaded.hashes.items())
    dc = result.inputs.datacenter
    if result.errors or dc is None:
        if not result.errors:  # no error, and still no data-center file: no inventory was read
            from migrasi.core.errors import NothingToPlan

            raise NothingToPlan([str(p) for p in paths])
        return PlanResult(result, None, result.findings, hashes)
    checked = result.checked
    earlier = _earlier(keep, min_gain, dc) if keep is not None else None
    free = checked.movable or checked.groups
    problem = build(checked.items, free, dc, checked.fixed, checked.groups, earlier)
    if exact:
        solve = _exact_solver()
        solved = solve(problem, time_limit)
        proven = (solved.bound, solved.optimal, solved.relaxed)
        made = make_plan(problem, [], solved.state, Mode.EXACT, proven)
    else:
        made = make_plan(problem, [])
    planned = accept(made.findings, checked.items)
    everything = [*loaded.findings, *checked.findings, *planned]
    diagnostics, _ = _split(everything, loaded, show_accepted=False)
    loaded.release()  # every finding of the plan has its position: the trees are not needed
    shown = [diagnostic(f) for f in diagnostics]
    doc = document(made, hashes, shown, dc, regions(result), scenario_doc(result.scenario))
    return PlanResult(result, made, diagnostics, hashes, doc)


def scenario_doc(chosen: ScenarioInput | None) -> ScenarioDoc | None:
    """What plan.json records of the scenario a plan was made under (None without one)."""
    if chosen is None:
        return None
    from migrasi.core.plandoc import ScenarioDoc

    return ScenarioDoc.model_construct(name=chosen.name, file=chosen.file, sha256=chosen.sha256)


def _earlier(path: Path, min_gain: int, dc: DataCenter) -> Earlier:
    """The plan to stay close to (``--keep``): its waves must be this plan's waves."""
    from decimal import Decimal

    from migrasi.core.errors import UsageError
    from migrasi.core.keep import Earlier
    from migrasi.loading.plans import load_plan_and_digest

    doc, digest = load_plan_and_digest(path)
    a, s = doc.assumptions, dc.schedule
    if (a.start, a.wave_weeks) != (s.start, s.wave_weeks):
        raise UsageError(
            f"--keep {path.as_posix()}: its waves start on {a.start} and last {a.wave_weeks} "
            f"weeks, this plan's on {s.start} and {s.wave_weeks}: waves are matched by number"
        )
    return Earlier.of(doc, digest, Decimal(min_gain))


def _exact_solver() -> Any:
    """Exact mode's solver, or a usage error naming the extra to install."""
    from migrasi.core.errors import UsageError

    try:
        import scipy.optimize  # noqa: F401 - only to know whether the extra is there
    except ImportError as exc:
        raise UsageError(
            "--exact needs the 'exact' extra (scipy with HiGHS): pip install 'migrasi[exact]'"
        ) from exc
    from migrasi.exact.solve import solve

    return solve


def plan_document(
    paths: Sequence[Path], as_of: date | None = None, scenario: Path | None = None
) -> PlanDoc:
    """The plan document of the inputs under ``paths`` (errors raise InputErrors)."""
    return _planned(plan(paths, as_of=as_of, scenario=scenario)).document  # type: ignore[return-value]


def _planned(result: PlanResult) -> PlanResult:
    """The result when it holds a plan; InputErrors when the inputs have errors (carrying the
    validation under a scenario, whose findings ``migrasi validate`` cannot show)."""
    from migrasi.core.errors import InputErrors

    if result.plan is None or result.document is None:
        v = result.validation
        raise InputErrors(v.errors, v if v.scenario is not None else None)
    return result


def regions(result: ValidationResult) -> dict[str, RegionDoc]:
    """Region id → its name, Kemendagri code and kind, from the inventories."""
    from migrasi.core.plandoc import RegionDoc

    return {
        inv.region.id: RegionDoc.model_construct(
            name=inv.region.name, code=inv.region.code, kind=inv.region.kind
        )
        for inv in result.loaded.inputs.inventories
        if inv.region is not None
    }


PARALLEL_ABOVE = 5_000
"""Plans of more systems build their workbook in a second process while this one writes the
rest (the machine has two cores; the workbook is the slowest file)."""

_WORKBOOK_INPUT: tuple[PlanDoc, str] | None = None


def _workbook_in_child() -> bytes:
    """Build the workbook of the document handed over by fork (no copy is pickled)."""
    from migrasi.render.xlsx import workbook

    assert _WORKBOOK_INPUT is not None
    return workbook(*_WORKBOOK_INPUT)


def plan_files(
    result: PlanResult, lang: str, parallel_above: int = PARALLEL_ABOVE
) -> dict[str, bytes]:
    """Every file of the plan folder, by name."""
    from migrasi.render.graph_text import mermaid
    from migrasi.render.plan_json import plan_json
    from migrasi.render.plan_md import plan_markdown
    from migrasi.render.savings_formats import savings_csv
    from migrasi.render.xlsx import workbook

    doc = _planned(result).document
    assert doc is not None
    checked = result.validation.checked
    pending = None
    if len(doc.systems) > parallel_above:
        import multiprocessing

        global _WORKBOOK_INPUT  # noqa: PLW0603 - the fork hands the document over without pickling
        _WORKBOOK_INPUT = (doc, lang)
        pool = multiprocessing.get_context("fork").Pool(1)
        pending = pool.apply_async(_workbook_in_child)
    graph = mermaid(checked.items, checked.groups, set(checked.items))
    files = {
        "plan.json": plan_json(doc).encode(),
        "plan.md": plan_markdown(doc, result.diagnostics, lang).encode(),
        "graph.mmd": graph.encode(),
        "savings.csv": savings_csv(doc).encode(),
    }
    if pending is not None:
        files["savings.xlsx"] = pending.get()
        pool.close()
        pool.join()
        _WORKBOOK_INPUT = None
    else:
        files["savings.xlsx"] = workbook(doc, lang)
    return files


def find_ref(ref: str, refs: Sequence[str]) -> str:
    """The ref as given when it names a system, else UnknownRef with the nearest refs."""
    import difflib

    from migrasi.core.errors import UnknownRef

    if ref in refs:
        return ref
    nearest = difflib.get_close_matches(ref, sorted(refs), n=3, cutoff=0.5)
    tails = sorted(r for r in refs if r.split("/")[-1] == ref)
    raise UnknownRef(ref, tails or nearest)


def explain(
    ref: str,
    paths: Sequence[Path],
    lang: str,
    as_of: date | None = None,
    scenario: Path | None = None,
    plan_file: Path | None = None,
) -> str:
    """Why a system sits in its wave, in words: in the plan made afresh (under the scenario
    file ``scenario``), or in the plan read from ``plan_file``, whose waves, reasons and money
    are told with the names and dependencies of the inventories under ``paths``."""
    from migrasi.render.explain_text import explain as explain_text

    if plan_file is None:
        result = _planned(plan(paths, as_of=as_of, scenario=scenario))
        doc = result.document
        assert doc is not None
        items = result.validation.checked.items
    else:
        from migrasi.core.errors import InputErrors, UsageError
        from migrasi.loading.plans import load_plan

        doc = load_plan(plan_file)
        checked = validate(paths)
        if checked.errors:
            raise InputErrors(checked.errors)
        items = checked.checked.items
    found = find_ref(ref, [s.ref for s in doc.systems])
    if found not in items:
        raise UsageError(
            f"{found} is in the plan {plan_file} but not in the inventories under "
            f"{', '.join(p.as_posix() for p in paths)}: give the inventories it was made from"
        )
    return explain_text(found, doc, items, lang)


def graph(paths: Sequence[Path], focus: str | None, depth: int | None) -> GraphView:
    """The dependency graph, whole or around ``focus``."""
    from migrasi.core.errors import InputErrors
    from migrasi.core.graph import around
    from migrasi.render.graph_text import GraphView

    result = validate(paths)
    if result.errors:
        raise InputErrors(result.errors)
    items = result.checked.items
    refs = set(items)
    if focus is not None:
        refs = around(items, find_ref(focus, list(items)), depth)
    return GraphView(items, result.checked.groups, refs)


def savings_document(
    paths: Sequence[Path],
    plan_file: Path | None,
    as_of: date | None = None,
    scenario: Path | None = None,
) -> PlanDoc:
    """The plan document the savings come from: read from ``plan_file`` or planned afresh."""
    if plan_file is not None:
        from migrasi.loading.plans import load_plan

        return load_plan(plan_file)
    return plan_document(paths, as_of, scenario)


def diff(old: Path, new: Path) -> Compared:
    """The differences between two plans (folders or ``plan.json`` files); a missing or
    unreadable plan raises a UsageError (exit 2)."""
    from migrasi.core.plandiff import compare
    from migrasi.loading.plans import load_plan
    from migrasi.render.diff_text import Compared

    result = compare(load_plan(old), load_plan(new))
    return Compared(result, old.as_posix(), new.as_posix())


@dataclass
class WhatIfResult:
    """``compare`` or ``sensitivity``: the unchanged inputs' validation (with the scenario
    files' findings), and what was found (None while an error stands); ``under`` holds, for
    each scenario whose inputs have errors, its name, file and those errors, placed."""

    validation: ValidationResult
    subject: Any = None
    under: list[tuple[str, str, list[Finding]]] = field(default_factory=list)


def compare(
    paths: Sequence[Path],
    scenarios: Sequence[Path],
    as_of: date | None = None,
    *,
    keep: bool = False,
) -> WhatIfResult:
    """Plan the inputs as they are and under each scenario file (then as of ``as_of``);
    ``keep`` keeps every plan (and plans one at a time)."""
    from migrasi.core.comparison import Column, comparison
    from migrasi.core.whatif import base_of
    from migrasi.loading.scenarios import load_scenario

    result = validate(paths, as_of=as_of)
    chosen = [load_scenario(p) for p in scenarios]
    for c in chosen:
        if c.parsed is not None:
            result.loaded.parsed.setdefault(c.file, c.parsed)
    found = [*result.findings, *(f for c in chosen for f in c.findings)]
    result.findings = sorted_findings(result.loaded.place(found))
    result.files += len(chosen)
    if result.errors:
        return WhatIfResult(result)
    assert result.read is not None
    base = base_of(result.read, as_of, keep=keep)
    jobs = [(c.scenario, c.file, False) for c in chosen if c.scenario is not None]
    outcomes = _outcomes(base, jobs, keep)
    columns = [
        Column(c.name, c.file, c.sha256, c.scenario.description if c.scenario else None, o)
        for c, o in zip(chosen, outcomes, strict=True)
    ]
    under = [
        (c.name, c.file, sorted_findings(result.loaded.place(o.problems)))
        for c, o in zip(chosen, outcomes, strict=True)
        if o.problems
    ]
    return WhatIfResult(result, comparison(base, columns), under)


def sensitivity(
    paths: Sequence[Path],
    range_percent: Decimal,
    rate_points: Decimal,
    as_of: date | None = None,
    *,
    keep: bool = False,
) -> WhatIfResult:
    """Vary each assumption low and high and plan again, as of ``as_of`` (the tornado);
    ``keep`` keeps every plan (and plans one at a time)."""
    from migrasi.core.sensitivity import changes
    from migrasi.core.sensitivity import sensitivity as tornado
    from migrasi.core.whatif import base_of

    result = validate(paths, as_of=as_of)
    dc = result.inputs.datacenter
    if result.errors or dc is None:
        return WhatIfResult(result)
    assert result.read is not None
    base = base_of(result.read, as_of, keep=keep)
    made = changes(dc, range_percent, rate_points)
    file = result.inputs.datacenter_file
    first = sorted(range(len(made)), key=lambda i: not made[i].tightens)  # the slowest first
    planned = _outcomes(base, [(made[i].scenario, file, True) for i in first], keep)
    outcomes = [o for _, o in sorted(zip(first, planned, strict=True), key=lambda x: x[0])]
    found = tornado(base, dc, range_percent, rate_points, made, outcomes)
    return WhatIfResult(result, found)


PARALLEL_SYSTEMS = 100
"""Inputs of at least this many systems plan their variations in two processes (the machine
has two cores); smaller ones plan faster than a process starts."""

_WHATIF_BASE: Base | None = None


def _ignore_interrupt() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the workers and reports once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _whatif_job(job: tuple[Scenario, str, bool]) -> Outcome:
    """Plan one variation against the shared base handed over by fork (nothing pickled)."""
    from migrasi.core.whatif import outcome

    assert _WHATIF_BASE is not None
    scenario, file, repriced = job
    return outcome(_WHATIF_BASE, scenario, file, repriced=repriced)


def _outcomes(base: Base, jobs: list[tuple[Scenario, str, bool]], keep: bool) -> list[Outcome]:
    """The outcome of every job, in order: in two worker processes when that pays."""
    import os

    from migrasi.core.whatif import outcome

    cores = min(2, os.cpu_count() or 1)
    if keep or cores < 2 or len(jobs) < 2 or len(base.outcome.waves) < PARALLEL_SYSTEMS:
        return [outcome(base, s, f, repriced=r, keep=keep) for s, f, r in jobs]
    import multiprocessing

    global _WHATIF_BASE  # noqa: PLW0603 - the fork hands the base over without pickling
    _WHATIF_BASE = base
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(cores, initializer=_ignore_interrupt) as pool:
            return pool.map(_whatif_job, jobs, chunksize=1)
    finally:
        _WHATIF_BASE = None


def progress(
    baseline: Path,
    paths: Sequence[Path],
    plan_file: Path | None = None,
    as_of: date | None = None,
) -> Reported:
    """Where the programme stands (the inputs planned as of their as-of day, or ``plan_file``)
    against the ``baseline`` plan; a plan without an as-of day, or a baseline that cannot be
    read, is a UsageError (exit 2)."""
    from migrasi.core.errors import UsageError
    from migrasi.core.progress_report import compare
    from migrasi.loading.plans import load_plan
    from migrasi.render.progress_rows import Reported

    old = load_plan(baseline)
    needs = "progress needs an as-of day"
    if plan_file is not None:
        new = load_plan(plan_file)
        current = plan_file.as_posix()
        day = new.as_of
        if day is None:
            raise UsageError(f"{needs}: {current} is a plan made without one")
    else:
        result = plan(paths, as_of=as_of)
        dc = result.validation.loaded.inputs.datacenter
        day = dc.schedule.as_of if dc is not None else None
        if dc is not None and day is None:
            raise UsageError(
                f"{needs}: set schedule.as_of in the data-center file or give --as-of YYYY-MM-DD"
            )
        made = _planned(result).document
        assert made is not None and day is not None
        new = made  # made as of ``day`` (plan.json writes no as-of day before the start)
        current = " ".join(p.as_posix() for p in paths)
    report = compare(old, new, day)
    return Reported(report, baseline.as_posix(), current, new.assumptions.datacenter)
