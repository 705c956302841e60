"""``--scenario FILE``, shared by plan, explain and savings, and the report of inputs that have
errors under a scenario (which ``migrasi validate`` cannot show: it applies no scenario)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from migrasi.api import ValidationResult

SCENARIO: Any = typer.Option(
    None,
    "--scenario",
    help="Plan under this scenario file (schema migrasi/scenario/v1): set, then scale.",
    show_default=False,
)


def report_errors(v: ValidationResult, lang: str) -> None:
    """Print every finding with its source line, then the counts, naming the scenario."""
    from migrasi.render import reporters
    from migrasi.render.catalog import counts, text

    sys.stderr.write(reporters.as_text(v.findings, lang, v.sources()))
    line = counts(lang, v.files, v.errors, v.warnings)
    if v.scenario is not None:
        line += text("scenario.under", lang, name=v.scenario.name, file=v.scenario.file)
    print(f"migrasi: {line}", file=sys.stderr)


def default_out(scenario: Path | None) -> Path:
    """The plan folder ``plan`` writes without ``--out``: ``plans/current``, or under a scenario
    ``plans/scenarios/<its file name without extension>``."""
    if scenario is None:
        return Path("plans/current")
    return Path("plans/scenarios") / scenario.stem
