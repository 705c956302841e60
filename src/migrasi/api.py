"""One function per use case, composing loading, core and render; prints nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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


def plan(paths: Sequence[Path]) -> PlanResult:
    """Validate, then plan the waves; the plan is None when an error stands."""
    from migrasi.core.plan import make_plan
    from migrasi.core.problem import build

    result = validate(paths)
    loaded = result.loaded
    hashes = sorted(loaded.hashes.items())
    dc = loaded.inputs.datacenter
    if result.errors or dc is None:
        return PlanResult(result, None, result.findings, hashes)
    checked = result.checked
    problem = build(checked.items, checked.groups, dc)
    made = make_plan(problem, [])
    planned = accept(made.findings, checked.items)
    everything = [*loaded.findings, *checked.findings, *planned]
    diagnostics, _ = _split(everything, loaded, show_accepted=False)
    return PlanResult(result, made, diagnostics, hashes)


def plan_document(paths: Sequence[Path], lang: str = "id") -> dict[str, object]:
    """The plan.json document of the inputs under ``paths`` (errors raise InputErrors)."""
    from migrasi.core.errors import InputErrors
    from migrasi.render.plan_json import plan_dict

    result = plan(paths)
    if result.plan is None:
        raise InputErrors(result.validation.errors)
    return plan_dict(result.plan, result.inputs, result.diagnostics, lang)
