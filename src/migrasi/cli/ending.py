"""How a run that ends the process ends: its output flushed, its exit code kept, and fast.

A large result (30,000 systems) takes a noticeable part of the run to free object by object
(about 0.3 s), while the operating system drops it at once with the process. A command that
has nothing else to finish hands its result to :func:`leave_to_exit`; the process then ends
without freeing it. Run in-process (the tests, ``run``), nothing is kept.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import NoReturn

_LEFT: list[object] = []
_ENDS_PROCESS = [False]


def begin() -> None:
    """This run ends the process: the collector stays off (as ``run`` keeps it during the
    command), so that what is left for the exit is never traced."""
    _ENDS_PROCESS[0] = True
    gc.disable()


def leave_to_exit(value: object) -> None:
    """Keep ``value`` until the process exits, when this run ends the process."""
    if _ENDS_PROCESS[0]:
        _LEFT.append(value)


def finish(code: int) -> NoReturn:
    """Flush the output streams and end the process with ``code``."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    if _LEFT:  # nothing else to finish: the output is flushed, every file written is closed
        os._exit(code)
    sys.exit(code)
