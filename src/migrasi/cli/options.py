"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer


class Lang(StrEnum):
    """Languages of human output."""

    id = "id"
    en = "en"


LANG = typer.Option(Lang.id, "--lang", help="Language of messages and reports: id or en.")
PATHS = typer.Argument(
    None, help="Inventory files or folders (default: inventories/).", show_default=False
)


PLAN_FILE = typer.Option(
    None, "--plan", help="Read a plan.json (or a plan folder) instead of planning."
)


def refuse_with_plan(plan_file: Path | None, as_of: date | None, scenario: Path | None) -> None:
    """``--as-of`` and ``--scenario`` plan afresh, so they cannot go with ``--plan``, which reads
    a plan made already (outputs.md): wrong usage, exit 2."""
    from migrasi.core.errors import UsageError

    for given, name in ((as_of, "--as-of"), (scenario, "--scenario")):
        if plan_file is not None and given is not None:
            raise UsageError(
                f"{name} plans afresh: it cannot go with --plan, which reads a plan made already"
            )


def paths_or_default(paths: list[Path] | None) -> list[Path]:
    """The PATHs given, or ``inventories/``."""
    return list(paths) if paths else [Path("inventories")]


def format_option(formats: Mapping[str, object], default: str | None, help_text: str) -> Any:
    """``--format`` offering exactly the formats of a command's table: any other is wrong
    usage (exit 2), never a silent fallback."""
    names = list(formats)

    def parse(value: str) -> str:
        if value not in formats:
            raise typer.BadParameter(f"'{value}' is not one of {', '.join(names)}")
        return value

    return typer.Option(default, "--format", parser=parse, metavar="|".join(names), help=help_text)


def _day(value: str) -> date:
    import re

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise typer.BadParameter(f"'{value}' is not a day written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a day of the calendar") from exc


AS_OF = typer.Option(
    None,
    "--as-of",
    parser=_day,
    metavar="YYYY-MM-DD",
    help="The day the plan is made: waves begun by then are not planned again "
    "(default: schedule.as_of of the data-center file).",
)
