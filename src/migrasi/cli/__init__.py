"""The command line: typer commands that parse options, call ``api``, print or write, exit."""

from __future__ import annotations

import signal
import sys

from migrasi.cli.ending import begin, finish


def main() -> None:
    """Run migrasi; map every outcome to an exit code (0, 1, 2, 3, 130), never a traceback."""
    try:
        from migrasi.cli.streams import guard

        guard()  # a closed stdout, `| head` or an ASCII terminal never changes the exit code
        from migrasi.cli.app import run

        begin()
        code = run(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C while loading, or after the command's own handler
        print("migrasi: interrupted", file=sys.stderr)
        code = 130
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the work is done: exit with its code
    finish(code)
