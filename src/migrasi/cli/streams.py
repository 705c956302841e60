"""Standard output and error that never turn a finished run into a crash.

A reader that goes away (``migrasi validate | head -1``), a closed stream (``>&-``) or an output
encoding that is not UTF-8 must not change the exit code a command earned: what cannot be
shown is dropped (after a broken pipe) or replaced (a character the encoding lacks), and the
command's own result stands. ``guard()`` puts such streams in place of the interpreter's own.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

_GONE = (errno.EPIPE, errno.EBADF, errno.ECONNRESET)


class _Sink(io.RawIOBase):
    """A file descriptor that swallows the errors of a reader gone away: after the first, every
    write succeeds and goes nowhere (the descriptor then points at ``/dev/null``)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self.lost = False

    def writable(self) -> bool:
        """Always writable."""
        return True

    def fileno(self) -> int:
        """The descriptor written to."""
        return self.fd

    def isatty(self) -> bool:
        """Whether the descriptor is a terminal."""
        try:
            return os.isatty(self.fd)
        except OSError:
            return False

    def write(self, data: object) -> int:
        """Write what the descriptor takes; pretend the rest was written once the reader left."""
        view = memoryview(data)  # type: ignore[arg-type]
        if self.lost:
            return view.nbytes
        try:
            return os.write(self.fd, view)
        except OSError as exc:
            if exc.errno not in _GONE:
                raise
            self._lose()
            return view.nbytes

    def _lose(self) -> None:
        self.lost = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
        except OSError:
            return
        try:
            os.dup2(devnull, self.fd)  # anything else writing to it (a child) goes nowhere too
        except OSError:
            pass
        finally:
            os.close(devnull)


def _stream(current: TextIO | None, fd: int) -> TextIO:
    """A text stream on ``fd`` that keeps ``current``'s encoding and replaces what it cannot
    encode; on a closed descriptor, one that writes to ``/dev/null``."""
    encoding = getattr(current, "encoding", None) or "utf-8"
    line_buffering = bool(getattr(current, "line_buffering", False))
    if current is not None:
        with contextlib.suppress(OSError, ValueError):
            current.flush()
    try:
        os.fstat(fd)
    except OSError:
        fd = os.open(os.devnull, os.O_WRONLY)
    raw = _Sink(fd)
    return io.TextIOWrapper(
        io.BufferedWriter(raw), encoding=encoding, errors="replace", line_buffering=line_buffering
    )


def guard() -> None:
    """Replace ``sys.stdout`` and ``sys.stderr`` with guarded streams (the real ones only)."""
    for name, fd in (("stdout", 1), ("stderr", 2)):
        current = getattr(sys, name)
        if current is None or current is getattr(sys, f"__{name}__"):
            setattr(sys, name, _stream(current, fd))


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ignore Ctrl-C inside: the work is done and only its report is left, so an interruption
    would not change the outcome, only hide it (the handler is put back after)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
