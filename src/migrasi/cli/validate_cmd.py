"""``migrasi validate``: check inventories for CI, with exact places and stable codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from migrasi.cli.ending import leave_to_exit
from migrasi.cli.options import AS_OF, LANG, PATHS, Lang, format_option, paths_or_default
from migrasi.render.reporters import FORMATS

if TYPE_CHECKING:
    from migrasi.core.findings import Finding

HELP = """Check inventories and the data-center file; report every problem with file:line:column.

Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 wrong usage.

Example: migrasi validate inventories/ --format json
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("validate", help=HELP)(validate)


def validate(
    paths: list[Path] | None = PATHS,
    fmt: str | None = format_option(
        FORMATS, None, f"{', '.join(FORMATS)} (text unless GITHUB_ACTIONS=true: github)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail the check too (exit 1)."),
    show_accepted: bool = typer.Option(
        False, "--show-accepted", help="Also list warnings a region accepted, with the reason."
    ),
    as_of: date | None = AS_OF,
    lang: Lang = LANG,
) -> int:
    """Check inventories for CI."""
    from migrasi import api
    from migrasi.render.catalog import counts, text

    result = api.validate(paths_or_default(paths), show_accepted=show_accepted, as_of=as_of)
    report(result.findings, fmt, lang, result.sources(), result.files)
    if result.errors or result.warnings:
        line = counts(lang.value, result.files, result.errors, result.warnings)
    else:
        word = text("word.file.1" if result.files == 1 else "word.file", lang.value)
        line = text("summary.clean", lang.value, files=result.files, files_word=word)
    if result.accepted:
        line += text("summary.accepted", lang.value, accepted=len(result.accepted))
    print(line, file=sys.stderr)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    leave_to_exit(result)
    return 1 if failed else 0


def report(
    findings: Sequence[Finding],
    fmt: str | None,
    lang: Lang,
    sources: Mapping[str, str],
    files: int,
    stream: TextIO | None = None,
) -> None:
    """Write findings in the chosen format (``github`` by default in GitHub Actions, with the
    step summary), on standard output unless ``stream`` says otherwise."""
    from migrasi.render import reporters

    out = stream or sys.stdout
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    chosen = fmt if fmt is not None else ("github" if in_actions else "text")
    color = out.isatty() and "NO_COLOR" not in os.environ
    out.write(str(FORMATS[chosen].render(reporters.Report(findings, sources, color), lang.value)))
    if fmt is None and in_actions and os.environ.get("GITHUB_STEP_SUMMARY"):
        summary = reporters.as_markdown_summary(findings, lang.value, files)
        _step_summary(os.environ["GITHUB_STEP_SUMMARY"], summary, lang.value)


def _step_summary(path: str, summary: str, lang: str) -> None:
    """Append the summary for GitHub; a path that cannot take it is a warning, not a failure."""
    from migrasi.cli.output import append_text
    from migrasi.render.catalog import text
    from migrasi.render.escape import terminal

    reason = append_text(path, summary)
    if reason is not None:
        warning = text("warn.step_summary", lang, path=terminal(path), reason=reason)
        print(f"migrasi: {warning}", file=sys.stderr)
