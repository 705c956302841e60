"""Options shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class Lang(StrEnum):
    """Languages of human output."""

    id = "id"
    en = "en"


LANG = typer.Option(Lang.id, "--lang", help="Language of messages and reports: id or en.")
PATHS = typer.Argument(
    None, help="Inventory files or folders (default: inventories/).", show_default=False
)


def paths_or_default(paths: list[Path] | None) -> list[Path]:
    """The PATHs given, or ``inventories/``."""
    return list(paths) if paths else [Path("inventories")]
