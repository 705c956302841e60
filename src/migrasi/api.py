"""One function per use case, composing loading, core and render; prints nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from migrasi.core.checks import check
from migrasi.core.findings import Finding, sorted_findings
from migrasi.loading.documents import Loaded, load
from migrasi.loading.locate import place


@dataclass
class ValidationResult:
    """Every finding of one validation run, in report order, and what was read."""

    findings: list[Finding]
    loaded: Loaded
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


def validate(paths: Sequence[Path], *, show_accepted: bool = False) -> ValidationResult:
    """Check every file under ``paths``; never raises for bad input (only for a missing path)."""
    loaded = load(paths)
    checked = check(loaded.inputs)
    everything = place([*loaded.findings, *checked.findings], loaded.parsed)
    ordered = sorted_findings(everything)
    shown = [f for f in ordered if show_accepted or f.severity != "accepted"]
    accepted = [f for f in ordered if f.severity == "accepted"]
    return ValidationResult(shown, loaded, len(loaded.files), accepted)
