"""Where a command's output goes: text to standard output or ``--out``, a file's bytes to
``--out``, a table to the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from migrasi.core.errors import UsageError
from migrasi.render.formats import Format


def check_out(fmt: Format[Any], name: str, out: Path | None) -> None:
    """Refuse, before any work, a format that makes a file when no ``--out`` names one (or
    ``--out -`` names a terminal)."""
    from migrasi.cli.output import is_stdout

    to_terminal = out is None or (is_stdout(out) and sys.stdout.isatty())
    if fmt.binary and to_terminal:
        raise UsageError(f"--format {name} needs --out FILE (it writes a file, not text)")


def emit(output: object, out: Path | None) -> None:
    """Print or write what a format rendered."""
    if isinstance(output, str | bytes):
        data = output.encode() if isinstance(output, str) else output
        if out is not None:
            from migrasi.cli.output import write_file

            write_file(out, data)
        elif isinstance(output, str):
            sys.stdout.write(output)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        return
    from rich.console import Console

    Console(highlight=False, soft_wrap=False).print(output)
