"""One function per use case, composing loading, core and render; prints nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from migrasi.core.checks import Checked, accept, check
from migrasi.core.findings import Finding, sorted_findings
from migrasi.core.plan import Plan
from migrasi.loading.documents import Loaded, load
from migrasi.loading.locate import place


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
    ordered = sorted_findings(place(findings, loaded.parsed))
    shown = [f for f in ordered if show_accepted or f.severity != "accepted"]
    return shown, [f for f in ordered if f.severity == "accepted"]


def validate(paths: Sequence[Path], *, show_accepted: bool = False) -> ValidationResult:
    """Check every file under ``paths``; never raises for bad input (only for a missing path)."""
    loaded = load(paths)
    checked = check(loaded.inputs)
    shown, accepted = _split([*loaded.findings, *checked.findings], loaded, show_accepted)
    return ValidationResult(shown, loaded, checked, len(loaded.files), accepted)


@dataclass
class PlanResult:
    """A plan and what it rests on; ``plan`` is None while the inputs have errors."""

    validation: ValidationResult
    plan: Plan | None
    diagnostics: list[Finding]
    inputs: list[tuple[str, str]]


def plan(paths: Sequence[Path], *, exact: bool = False, time_limit: float = 60.0) -> PlanResult:
    """Validate, then plan the waves (exactly, with the extra installed, when ``exact``); the
    plan is None when an error stands."""
    from migrasi.core.plan import make_plan
    from migrasi.core.problem import build
    from migrasi.core.terms import Mode

    result = validate(paths)
    loaded = result.loaded
    hashes = sorted(loaded.hashes.items())
    dc = loaded.inputs.datacenter
    if result.errors or dc is None:
        return PlanResult(result, None, result.findings, hashes)
    checked = result.checked
    problem = build(checked.items, checked.groups, dc)
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
    return PlanResult(result, made, diagnostics, hashes)


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


def plan_document(paths: Sequence[Path]) -> dict[str, Any]:
    """The plan.json document of the inputs under ``paths`` (errors raise InputErrors).

    Its diagnostics' messages are English whatever ``--lang`` says, so that plan.json changes
    only when the plan does; people read them in their language in plan.md.
    """
    from migrasi.core.errors import InputErrors
    from migrasi.render.plan_json import plan_dict

    result = plan(paths)
    if result.plan is None:
        raise InputErrors(result.validation.errors)
    dc = result.validation.loaded.inputs.datacenter
    return plan_dict(
        result.plan, result.inputs, result.diagnostics, "en", dc, regions(result.validation)
    )


def region_names(result: ValidationResult) -> dict[str, str]:
    """Region id → the region's name, from the inventories."""
    return {r: info["name"] for r, info in regions(result).items()}


def regions(result: ValidationResult) -> dict[str, dict[str, str]]:
    """Region id → its name, Kemendagri code and kind, from the inventories."""
    return {
        inv.region.id: {"name": inv.region.name, "code": inv.region.code, "kind": inv.region.kind}
        for inv in result.loaded.inputs.inventories
        if inv.region is not None
    }


PARALLEL_ABOVE = 5_000
"""Plans of more systems build their workbook in a second process while this one writes the
rest (the machine has two cores; the workbook is the slowest file)."""

_WORKBOOK_INPUT: tuple[dict[str, Any], str] | None = None


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
    from migrasi.render.plan_json import plan_dict, plan_json
    from migrasi.render.plan_md import plan_markdown
    from migrasi.render.savings_formats import savings_csv
    from migrasi.render.xlsx import workbook

    made = result.plan
    dc = result.validation.loaded.inputs.datacenter
    assert made is not None and dc is not None
    checked = result.validation.checked
    doc = plan_dict(made, result.inputs, result.diagnostics, "en", dc, regions(result.validation))
    pending = None
    if len(made.systems) > parallel_above:
        import multiprocessing

        global _WORKBOOK_INPUT  # noqa: PLW0603 - the fork hands the document over without pickling
        _WORKBOOK_INPUT = (doc, lang)
        pool = multiprocessing.get_context("fork").Pool(1)
        pending = pool.apply_async(_workbook_in_child)
    names = region_names(result.validation)
    markdown = plan_markdown(made, result.diagnostics, dc.name, names, lang)
    graph = mermaid(checked.items, checked.groups, set(checked.items))
    files = {
        "plan.json": plan_json(doc).encode(),
        "plan.md": markdown.encode(),
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


def explain(ref: str, paths: Sequence[Path], lang: str) -> str:
    """Why a system sits in its wave, in words."""
    from migrasi.core.errors import InputErrors
    from migrasi.render.explain_text import explain as explain_text

    result = plan(paths)
    if result.plan is None:
        raise InputErrors(result.validation.errors)
    found = find_ref(ref, list(result.plan.systems))
    return explain_text(found, result.plan, result.validation.checked.items, lang)


def graph(paths: Sequence[Path], fmt: str, focus: str | None, depth: int | None) -> str:
    """The dependency graph, whole or around ``focus``."""
    from migrasi.core.errors import InputErrors
    from migrasi.core.graph import around
    from migrasi.render.graph_text import dot, graph_json, mermaid

    result = validate(paths)
    if result.errors:
        raise InputErrors(result.errors)
    items = result.checked.items
    refs = set(items)
    if focus is not None:
        refs = around(items, find_ref(focus, list(items)), depth)
    render = {"mermaid": mermaid, "dot": dot, "json": graph_json}[fmt]
    return render(items, result.checked.groups, refs)


def savings_document(paths: Sequence[Path], plan_file: Path | None) -> dict[str, Any]:
    """The plan document the savings come from: read from ``plan_file`` or planned afresh."""
    if plan_file is not None:
        from migrasi.loading.plans import load_plan

        loaded: dict[str, Any] = load_plan(plan_file)
        return loaded
    return plan_document(paths)


def savings_table(doc: dict[str, Any], by: str, lang: str) -> object:
    """The terminal table of one view."""
    from migrasi.render.savings import view
    from migrasi.render.savings_formats import as_table

    return as_table(view(doc, by), lang)


def savings_output(doc: dict[str, Any], by: str, fmt: str, lang: str) -> bytes:
    """One view as CSV, JSON or Markdown, or the whole workbook as xlsx."""
    from migrasi.render.savings import view
    from migrasi.render.savings_formats import as_csv, as_json, as_markdown
    from migrasi.render.xlsx import workbook

    if fmt == "xlsx":
        return workbook(doc, lang)
    v = view(doc, by)
    rendered = {"csv": as_csv, "json": as_json}.get(fmt)
    return (rendered(v) if rendered else as_markdown(v, lang)).encode()
