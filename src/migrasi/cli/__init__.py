"""The command line: typer commands that parse options, call ``api``, print or write, exit."""

from __future__ import annotations

import sys


def main() -> None:
    """Run migrasi; map every outcome to an exit code (0, 1, 2, 3, 130), never a traceback."""
    try:
        from migrasi.cli.app import run
    except KeyboardInterrupt:  # Ctrl-C while the command line itself is still loading
        print("migrasi: interrupted", file=sys.stderr)
        sys.exit(130)
    sys.exit(run(sys.argv[1:]))
