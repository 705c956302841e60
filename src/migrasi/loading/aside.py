"""Do part of the checks of a large input in a forked process, while this one does the rest.

A fork gives the child everything read, without copying or sending it; the child sends back
only its findings. Should it fail (or its answer be cut short), this process does its part
itself: the findings are the same either way. The child ignores Ctrl-C (this process reports
the interrupt) and ends without running any exit handler, so it never flushes the output
streams it shares with this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def forked(work: Callable[[], T]) -> Callable[[], T]:
    """Start ``work`` in a forked process; the function returned waits for its result."""
    import pickle
    import signal

    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        done = work()
        return lambda: done
    if pid == 0:  # pragma: no cover - the child ends with os._exit, out of coverage's sight
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            os.close(read_end)
            with open(write_end, "wb") as out:
                out.write(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            os._exit(0)
    os.close(write_end)

    def collect() -> T:
        with open(read_end, "rb") as answer:
            payload = answer.read()
        os.waitpid(pid, 0)
        try:
            result: T = pickle.loads(payload)
        except Exception:  # the child failed: do its part here, the same way
            return work()
        return result

    return collect
