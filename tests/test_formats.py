"""One table of formats per command: the command line offers exactly its names."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from migrasi.cli.app import app
from migrasi.render import (
    compare_formats,
    diff_text,
    graph_text,
    progress_formats,
    reporters,
    savings_formats,
    sensitivity_formats,
)
from tests.conftest import ROOT

TABLES: dict[str, dict[str, Any]] = {
    "validate": reporters.FORMATS,
    "savings": savings_formats.FORMATS,
    "diff": diff_text.FORMATS,
    "graph": graph_text.FORMATS,
    "progress": progress_formats.FORMATS,
    "compare": compare_formats.FORMATS,
    "sensitivity": sensitivity_formats.FORMATS,
}
PLAN = str(ROOT / "plans" / "current")
CASE = str(ROOT / "tests" / "cases" / "cycle-and-pilot" / "inventories")


def _format_param(command: str) -> Any:
    group = typer.main.get_command(app)
    cmd = group.commands[command]  # type: ignore[attr-defined]
    return next(p for p in cmd.params if "--format" in getattr(p, "opts", []))


@pytest.mark.parametrize("command", sorted(TABLES))
def test_command_offers_its_table(command: str) -> None:
    """The --format option names exactly the formats of the command's table."""
    assert _format_param(command).metavar == "|".join(TABLES[command])


ARGS = {
    "validate": ["validate", str(ROOT / "inventories")],
    "savings": ["savings", "--plan", PLAN],
    "diff": ["diff", PLAN, PLAN],
    "graph": ["graph", str(ROOT / "inventories")],
    "progress": [
        "progress",
        str(ROOT / "inventories"),
        "--baseline",
        PLAN,
        "--as-of",
        "2027-01-01",
    ],
    "compare": ["compare", CASE, "--scenario", str(ROOT / "scenarios" / "pesimis.yaml")],
    "sensitivity": ["sensitivity", CASE],
}


@pytest.mark.parametrize("command", sorted(TABLES))
def test_unknown_format_is_wrong_usage(cli: Any, command: str) -> None:
    """A format the table does not hold exits 2 naming the ones it does; nothing falls back."""
    result = cli(*ARGS[command], "--format", "yaml")
    assert result.code == 2
    assert result.out == ""
    assert all(name in result.err for name in TABLES[command])


@pytest.mark.parametrize("command", sorted(TABLES))
def test_every_format_renders(cli: Any, command: str, tmp_path: Any) -> None:
    """Every format of every table produces output through the command."""
    for name, fmt in TABLES[command].items():
        extra = ["--out", str(tmp_path / f"out.{name}")] if fmt.binary else []
        result = cli(*ARGS[command], "--format", name, *extra)
        assert result.code == 0, (name, result.err)
        assert result.out or extra, name
