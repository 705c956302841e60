"""Docs: every command and option is in the README and has --help text with an example."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from migrasi.cli.app import app
from migrasi.render.catalog import CATALOG
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> dict[str, Any]:
    """The click commands behind the typer app, by name."""
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(commands()))
def test_command_documented(name: str) -> None:
    """The command has a README section, help text with an example, and its options in both."""
    command = commands()[name]
    assert f"### `migrasi {name}" in README
    assert "Example:" in (command.help or "")
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"{name} {opt} is not in the README"
                assert param.help, f"{name} {opt} has no help text"


def test_catalogue_languages_have_the_same_placeholders() -> None:
    """Every key's words have the same placeholders in both languages."""
    for key, words in CATALOG.items():
        assert words.en and words.id, key
        assert sorted(_fields(words.en)) == sorted(_fields(words.id)), key


def _fields(template: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(template) if f]


def test_help_is_fast_to_import() -> None:
    """The CLI module does not import pydantic, networkx, yaml or rich at start-up."""
    import subprocess
    import sys

    code = (
        "import sys; import migrasi.cli.app; "
        "print(sorted(m for m in ('pydantic','networkx','yaml','rich','xlsxwriter') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_nothing_tracked_reaches_outside_the_repository() -> None:
    """No tracked file names the folder beside the checkout: a clone must stand on its own."""
    import subprocess

    outside = ".." + "/shared"
    found = subprocess.run(
        ["git", "grep", "-l", "-F", outside], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if found.returncode == 128:
        pytest.skip("not a git checkout")
    assert found.stdout == "", f"tracked files mention {outside}: {found.stdout.split()}"


def test_no_tracked_file_holds_a_merge_conflict() -> None:
    """No tracked file keeps the markers of an unresolved merge."""
    import subprocess

    marker = "<" * 7 + " "
    found = subprocess.run(
        ["git", "grep", "-l", "-e", f"^{marker}", "-e", "^" + ">" * 7 + " "],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if found.returncode == 128:
        pytest.skip("not a git checkout")
    assert found.stdout == "", f"unresolved merges in: {found.stdout.split()}"
