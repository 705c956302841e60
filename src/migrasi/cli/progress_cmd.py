"""``migrasi progress``: where the programme stands against the approved plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from migrasi.cli.emit import check_out, emit
from migrasi.cli.options import AS_OF, LANG, PATHS, Lang, format_option, paths_or_default
from migrasi.core.errors import UsageError
from migrasi.render.progress_formats import FORMATS

HELP = """Compare where the programme stands with an earlier plan, normally the approved plan
kept as the baseline: each planned system's cutover in the baseline against its actual or
forecast cutover, with its slip in days and its class (removed, added, on_time, late, overdue,
unscheduled, on_track, delayed); the saving the baseline promised by now against the saving to
date, the NPV and the payback month, in total and per region; and a burn-up by month.

Where the programme stands is the inputs planned as of their as-of day (schedule.as_of, or
--as-of), or a plan made already (--plan). Without an as-of day, exit 2. --format md is a
monthly report that can be posted as a pull-request comment; xlsx writes a workbook to --out.
With --fail-on-slip, exit 1 when any system is late, overdue or delayed.

Example: migrasi progress --baseline plans/baseline --as-of 2027-05-10 --format md
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("progress", help=HELP)(progress)


def progress(
    paths: list[Path] | None = PATHS,
    baseline: Path = typer.Option(
        ..., "--baseline", help="The earlier plan (the approved one): a plan folder or plan.json."
    ),
    plan_file: Path | None = typer.Option(
        None,
        "--plan",
        help="Read the current plan (a plan.json or plan folder) instead of planning.",
    ),
    fmt: str = format_option(
        FORMATS, "text", f"{', '.join(FORMATS)} (xlsx writes a workbook to --out)."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Write to this file (needed for xlsx); - is standard output."
    ),
    fail_on_slip: bool = typer.Option(
        False, "--fail-on-slip", help="Exit 1 when any system is late, overdue or delayed."
    ),
    as_of: date | None = AS_OF,
    lang: Lang = LANG,
) -> int:
    """Report progress against the baseline."""
    from migrasi import api

    chosen = FORMATS[fmt]
    check_out(chosen, fmt, out)
    if plan_file is not None and as_of is not None:
        raise UsageError(
            "--as-of plans afresh: it cannot go with --plan, which reads a plan made already"
        )
    reported = api.progress(baseline, paths_or_default(paths), plan_file, as_of)
    emit(chosen.render(reported, lang.value), out)
    return 1 if fail_on_slip and reported.report.slipped else 0
