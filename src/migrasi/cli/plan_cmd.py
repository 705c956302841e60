"""``migrasi plan``: validate, plan the waves, write the plan folder, print a summary."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from migrasi.cli.options import AS_OF, LANG, PATHS, Lang, paths_or_default
from migrasi.cli.scenario_cmd import SCENARIO, default_out, report_errors

HELP = """Validate, plan the waves and write the plan folder (plan.json, plan.md, graph.mmd, ...).

The folder is replaced whole or not at all, and only when it is new, empty or a plan folder
migrasi wrote (it holds a .migrasi-plan file); any other folder is left as it is (exit 2).
Exit 1 when the inputs have errors. With --scenario FILE the inputs are planned under that
scenario (scenarios/*.yaml: set, then scale) and the folder defaults to plans/scenarios/NAME.

Example: migrasi plan inventories/ --out plans/current
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("plan", help=HELP)(plan)


def plan(
    paths: list[Path] | None = PATHS,
    out: Path | None = typer.Option(
        None,
        "--out",
        help="The plan folder to write (default plans/current; under --scenario "
        "plans/scenarios/<its file name>).",
        show_default=False,
    ),
    scenario: Path | None = SCENARIO,
    exact: bool = typer.Option(
        False,
        "--exact",
        help="Solve to optimality with HiGHS (the 'exact' extra), or to a "
        "proven gap when --time-limit runs out.",
    ),
    time_limit: float = typer.Option(60.0, "--time-limit", min=1, help="Seconds for --exact."),
    keep: Path | None = typer.Option(
        None,
        "--keep",
        help="Stay close to this earlier plan (a plan folder or plan.json, normally the plan "
        "in force): a group keeps its wave unless moving it gains more than --min-gain.",
    ),
    min_gain: int = typer.Option(
        0, "--min-gain", min=0, help="With --keep: the NPV, in whole Rupiah, a move must beat."
    ),
    as_of: date | None = AS_OF,
    lang: Lang = LANG,
) -> int:
    """Plan the waves."""
    from rich.console import Console

    from migrasi import api
    from migrasi.cli.plan_folder import prepare, write_folder
    from migrasi.cli.streams import uninterrupted
    from migrasi.render.terminal import summary_table, waves_table

    if min_gain and keep is None:
        from migrasi.core.errors import UsageError

        raise UsageError("--min-gain goes with --keep: it is what a move away from it must gain")
    out = out if out is not None else default_out(scenario)
    prepare(out, lang.value)  # a folder that is not a plan is refused before any work is done
    result = api.plan(
        paths_or_default(paths),
        exact=exact,
        time_limit=time_limit,
        as_of=as_of,
        keep=keep,
        min_gain=min_gain,
        scenario=scenario,
    )
    if result.plan is None:
        report_errors(result.validation, lang.value)
        return 1
    files = api.plan_files(result, lang.value)
    write_folder(out, files, lang.value)
    with uninterrupted():  # the plan is written: Ctrl-C now would only hide the summary
        console = Console(highlight=False)
        assert result.document is not None
        console.print(waves_table(result.document, lang.value))
        console.print(summary_table(result.document, lang.value))
        print(f"{out.as_posix()}/: {', '.join(sorted(files))}", file=sys.stderr)
        del result, files, console  # freeing a large plan takes a moment: while Ctrl-C waits
    return 0
