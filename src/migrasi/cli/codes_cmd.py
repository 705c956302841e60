"""``migrasi codes``: what each validation code means, an example that raises it, the fix."""

from __future__ import annotations

import sys

import typer

from migrasi.cli.options import LANG, Lang

HELP = """Explain a validation code: what it means, an example that raises it and how to fix
it. Without CODE, list every code with its meaning. An unknown CODE exits 2.

Example: migrasi codes E207 --lang en
"""


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("codes", help=HELP)(codes)


def codes(
    code: str | None = typer.Argument(
        None, help="A code such as E207 (any letter case); every code when left out."
    ),
    lang: Lang = LANG,
) -> int:
    """Explain a code, or list them all."""
    from migrasi.core.codes import lookup
    from migrasi.render.codes_text import describe, listing

    sys.stdout.write(listing(lang.value) if code is None else describe(lookup(code), lang.value))
    return 0
