"""``migrasi savings``: the savings tables for finance staff, in a terminal or a spreadsheet."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from migrasi.cli.emit import check_out, emit
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
from migrasi.render.savings_formats import FORMATS, Savings


class By(StrEnum):
    """The views of the savings."""

    system = "system"
    region = "region"
    opd = "opd"
    year = "year"
    wave = "wave"


HELP = """Show the savings by system, region, OPD, year or wave, in Rupiah, adding up exactly.

From the inventories (planned afresh, under --scenario FILE when given) or from --plan
plan.json. xlsx writes the whole
workbook (every view, the assumptions, the monthly sheet and a chart) and needs --out FILE.

Example: migrasi savings --by region --format xlsx --out hemat.xlsx
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("savings", help=HELP)(savings)


def savings(
    paths: list[Path] | None = PATHS,
    plan_file: Path | None = PLAN_FILE,
    by: By = typer.Option(By.region, "--by", help="system, region, opd, year or wave."),
    fmt: str = format_option(
        FORMATS, "table", f"{', '.join(FORMATS)} (xlsx writes the whole workbook to --out)."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Write to this file (needed for xlsx); - is standard output."
    ),
    as_of: date | None = AS_OF,
    scenario: Path | None = SCENARIO,
    lang: Lang = LANG,
) -> int:
    """Show the savings tables."""
    from migrasi import api

    chosen = FORMATS[fmt]
    check_out(chosen, fmt, out)
    refuse_with_plan(plan_file, as_of, scenario)
    doc = api.savings_document(paths_or_default(paths), plan_file, as_of, scenario)
    emit(chosen.render(Savings(doc, by.value), lang.value), out)
    return 0
