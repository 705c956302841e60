"""``migrasi diff``: what changed between two plans, for people, pull requests or machines."""

from __future__ import annotations

from pathlib import Path

import typer

from migrasi.cli.emit import emit
from migrasi.cli.options import LANG, Lang, format_option
from migrasi.render.diff_text import FORMATS

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
    fmt: str = format_option(FORMATS, "text", ", ".join(FORMATS) + "."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when the plans differ."),
    lang: Lang = LANG,
) -> int:
    """Compare two plans."""
    from migrasi import api

    compared = api.diff(old, new)
    emit(FORMATS[fmt].render(compared, lang.value), None)
    return 1 if exit_code and compared.diff.changed else 0
