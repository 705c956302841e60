"""One function per use case, composing loading, core and render; prints nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migrasi.core.checks import Checked, accept, check
from migrasi.core.findings import Finding, sorted_findings
from migrasi.core.plan import Plan
from migrasi.core.plandoc import PlanDoc, RegionDoc
from migrasi.loading.documents import Loaded, load

if TYPE_CHECKING:
    from migrasi.core.keep import Earlier
    from migrasi.core.models import DataCenter
    from migrasi.render.diff_text import Compared
    from migrasi.render.graph_text import GraphView


@dataclass
class ValidationResult:
    """Every finding of one validation run, in report order, and what was read."""

    findings: list[Finding]
    loaded: Loaded
    checked: Checked
    files: int
    accepted: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        """How many warnings were found (accepted ones not counted)."""
        return sum(f.severity == "warning" for f in self.findings)

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
    paths: Sequence[Path], *, show_accepted: bool = False, as_of: date | None = None
) -> ValidationResult:
    """Check every file under ``paths`` (``as_of`` replacing the as-of day of the data-center
    file); never raises for bad input (only for a missing path)."""
    from migrasi.core import progress

    loaded = load(paths)
    loaded.inputs = loaded.inputs.with_datacenter(progress.as_of(as_of))
    checked = check(loaded.inputs)
    shown, accepted = _split([*loaded.findings, *checked.findings], loaded, show_accepted)
    return ValidationResult(shown, loaded, checked, len(loaded.files), accepted)


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
) -> PlanResult:
    """Validate, then plan the waves (exactly, with the extra installed, when ``exact``); the
    plan is None when an error stands.

    The document's diagnostics are English whatever ``--lang`` says, so that plan.json changes
    only when the plan does; people read them in their language in plan.md.
    """
    from migrasi.core.plan import document, make_plan
    from migrasi.core.problem import build
    from migrasi.core.terms import Mode
    from migrasi.render.reporters import diagnostic

    result = validate(paths, as_of=as_of)
    loaded = result.loaded
    hashes = sorted(loaded.hashes.items())
    dc = loaded.inputs.datacenter
    if result.errors or dc is None:
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
    doc = document(made, hashes, [diagnostic(f) for f in diagnostics], dc, regions(result))
    return PlanResult(result, made, diagnostics, hashes, doc)


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


def plan_document(paths: Sequence[Path], as_of: date | None = None) -> PlanDoc:
    """The plan document of the inputs under ``paths`` (errors raise InputErrors)."""
    return _planned(plan(paths, as_of=as_of)).document  # type: ignore[return-value]


def _planned(result: PlanResult) -> PlanResult:
    """The result when it holds a plan; InputErrors when the inputs have errors."""
    from migrasi.core.errors import InputErrors

    if result.plan is None or result.document is None:
        raise InputErrors(result.validation.errors)
    return result


def regions(result: ValidationResult) -> dict[str, RegionDoc]:
    """Region id → its name, Kemendagri code and kind, from the inventories."""
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


def explain(ref: str, paths: Sequence[Path], lang: str, as_of: date | None = None) -> str:
    """Why a system sits in its wave, in words."""
    from migrasi.render.explain_text import explain as explain_text

    result = _planned(plan(paths, as_of=as_of))
    doc = result.document
    assert doc is not None
    found = find_ref(ref, [s.ref for s in doc.systems])
    return explain_text(found, doc, result.validation.checked.items, lang)


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
    paths: Sequence[Path], plan_file: Path | None, as_of: date | None = None
) -> PlanDoc:
    """The plan document the savings come from: read from ``plan_file`` or planned afresh."""
    if plan_file is not None:
        from migrasi.loading.plans import load_plan

        return load_plan(plan_file)
    return plan_document(paths, as_of)


def diff(old: Path, new: Path) -> Compared:
    """The differences between two plans (folders or ``plan.json`` files); a missing or
    unreadable plan raises a UsageError (exit 2)."""
    from migrasi.core.plandiff import compare
    from migrasi.loading.plans import load_plan
    from migrasi.render.diff_text import Compared

    result = compare(load_plan(old), load_plan(new))
    return Compared(result, old.as_posix(), new.as_posix())
