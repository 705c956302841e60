"""``migrasi diff``: what changed between two plans, for people, pull requests or machines."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from migrasi.cli.options import LANG, Lang


class DiffFormat(StrEnum):
    """Diff output formats."""

    text = "text"
    md = "md"
    json = "json"


HELP = """Compare two plans (plan folders or plan.json files): systems that moved wave, were
added or removed, or changed status, and the NPV, net savings and money kept in Jambi, in total
and per region. Identical plans print 'no change'.

--format md writes a pull-request comment (summary first, details folded, under 65,000
characters). With --exit-code, exit 1 when the plans differ.

Example: migrasi diff plans/main plans/current --format md --exit-code
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("diff", help=HELP)(diff)


def diff(
    old: Path = typer.Argument(..., help="The earlier plan: a plan folder or its plan.json."),
    new: Path = typer.Argument(..., help="The later plan: a plan folder or its plan.json."),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", help="text, md or json."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when the plans differ."),
    lang: Lang = LANG,
) -> int:
    """Compare two plans."""
    from migrasi import api

    out, changed = api.diff(old, new, fmt.value, lang.value)
    sys.stdout.write(out)
    return 1 if exit_code and changed else 0
