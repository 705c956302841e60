"""``migrasi graph`` and ``migrasi explain``: the dependency graph, and one system's reasons."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from migrasi.cli.emit import emit
from migrasi.cli.options import (
    AS_OF,
    LANG,
    PATHS,
    PLAN_FILE,
    Lang,
    format_option,
    paths_or_default,
    refuse_with_plan,
)
from migrasi.cli.scenario_cmd import SCENARIO
from migrasi.render.graph_text import FORMATS

GRAPH_HELP = """Print the dependency graph with its move groups, whole or around one system.

Example: migrasi graph --focus kota-jambi/simpeg --depth 1 --format dot
"""

EXPLAIN_HELP = """Explain why a system sits in its wave: the reason for each earlier wave, what it
depends on and what depends on it (with their waves), and its money.

From the inventories (planned afresh) or, with --plan, from a plan made already (its waves,
reasons and money; names and dependencies still come from the inventories).

Example: migrasi explain kota-jambi/simpeg --plan plans/current
"""


def register(app: typer.Typer) -> None:
    """Add the commands to ``app``."""
    app.command("graph", help=GRAPH_HELP)(graph)
    app.command("explain", help=EXPLAIN_HELP)(explain)


def graph(
    paths: list[Path] | None = PATHS,
    fmt: str = format_option(FORMATS, "mermaid", ", ".join(FORMATS) + "."),
    focus: str | None = typer.Option(None, "--focus", help="Only this system and its neighbours."),
    depth: int | None = typer.Option(
        None, "--depth", min=0, help="Steps around --focus (default: unlimited)."
    ),
) -> int:
    """Print the dependency graph."""
    from migrasi import api

    emit(FORMATS[fmt].render(api.graph(paths_or_default(paths), focus, depth), "en"), None)
    return 0


def explain(
    ref: str = typer.Argument(..., help="The system, as region-id/system-id."),
    paths: list[Path] | None = PATHS,
    as_of: date | None = AS_OF,
    scenario: Path | None = SCENARIO,
    plan_file: Path | None = PLAN_FILE,
    lang: Lang = LANG,
) -> int:
    """Explain one system's wave."""
    from migrasi import api

    refuse_with_plan(plan_file, as_of, scenario)
    found = paths_or_default(paths)
    sys.stdout.write(api.explain(ref, found, lang.value, as_of, scenario, plan_file))
    return 0
