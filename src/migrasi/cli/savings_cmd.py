"""``migrasi savings``: the savings tables for finance staff, in a terminal or a spreadsheet."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from migrasi.cli.options import LANG, PATHS, Lang, paths_or_default


class By(StrEnum):
    """The views of the savings."""

    system = "system"
    region = "region"
    opd = "opd"
    year = "year"
    wave = "wave"


class SavingsFormat(StrEnum):
    """Output formats of a savings view."""

    table = "table"
    csv = "csv"
    json = "json"
    md = "md"
    xlsx = "xlsx"


HELP = """Show the savings by system, region, OPD, year or wave, in Rupiah, adding up exactly.

From the inventories (planned afresh) or from --plan plan.json. xlsx writes the whole
workbook (every view, the assumptions, the monthly sheet and a chart) and needs --out FILE.

Example: migrasi savings --by region --format xlsx --out hemat.xlsx
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("savings", help=HELP)(savings)


def savings(
    paths: list[Path] | None = PATHS,
    plan_file: Path | None = typer.Option(
        None, "--plan", help="Read a plan.json (or a plan folder) instead of planning."
    ),
    by: By = typer.Option(By.region, "--by", help="system, region, opd, year or wave."),
    fmt: SavingsFormat = typer.Option(
        SavingsFormat.table, "--format", help="table, csv, json, md or xlsx."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Write to this file (needed for xlsx); - is standard output."
    ),
    lang: Lang = LANG,
) -> int:
    """Show the savings tables."""
    from migrasi import api
    from migrasi.cli.output import is_stdout, write_file
    from migrasi.core.errors import UsageError

    to_terminal = out is None or (is_stdout(out) and sys.stdout.isatty())
    if fmt is SavingsFormat.xlsx and to_terminal:
        raise UsageError("--format xlsx needs --out FILE (a spreadsheet is not for a terminal)")
    doc = api.savings_document(paths_or_default(paths), plan_file)
    if fmt is SavingsFormat.table:
        from rich.console import Console

        Console(highlight=False, soft_wrap=False).print(
            api.savings_table(doc, by.value, lang.value)
        )
        return 0
    data = api.savings_output(doc, by.value, fmt.value, lang.value)
    if out is not None:
        write_file(out, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
