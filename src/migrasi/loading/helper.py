"""Read a large input with two processes: a helper forked at the start reads about half of the
files while this process reads the rest.

Each file is read exactly as alone (``documents.read_file``), and the results are put back in
path order, so findings, inputs and hashes do not depend on which process read a file. The
helper sends back everything but the node trees, which stay with it: a finding found later on
one of its files (by the checks across files, or by the planner) gets its position from the
helper, by the same code on the same tree (``Helper.positions``). The helper lives until this
process closes it, drops it or exits; it ignores Ctrl-C (this process reports the interrupt).

Small inputs, a machine with one core, or a system without ``fork`` are read in this process
alone. Should the helper fail, this process reads its files itself: the result is the same.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from migrasi.core.findings import Anchor
from migrasi.core.findings import Path as FindingPath

if TYPE_CHECKING:
    from migrasi.loading.reading import FileRead

Work = tuple[Path, str, str | None]
"""A file to read: its path, its name as messages show it, the target of a link not to follow."""
Ask = tuple[str, FindingPath, Anchor]
"""A position asked of the helper: the file, the path in it and the anchor."""

SHARE_ABOVE = 4 * 1024 * 1024
"""Inputs of more bytes than this are read by two processes (the 10,000-system benchmark set
is about 4.6 MB); below it, starting a helper costs more than it saves."""
HELPER_SHARE = 0.48
"""The helper's share of the bytes: less than half, for it also pickles what it read and this
process unpickles it."""


def read_all(work: Sequence[Work]) -> tuple[list[FileRead], Helper | None]:
    """Every file of ``work`` read, in the order given, and the helper that read some, if any.

    The helper sends each file as soon as it has read it; between its own files this process
    takes what has arrived, so that neither waits on the other to pickle or unpickle it all."""
    from migrasi.loading.reading import read_file

    theirs = sorted(_share(work))
    helper = Helper.start([work[n] for n in theirs]) if theirs else None
    reads: list[FileRead | None] = [None] * len(work)
    got: list[FileRead] = []
    mine = set(range(len(work))).difference(theirs)
    for n, (path, name, outside) in enumerate(work):
        if n in mine:
            reads[n] = read_file(path, name, outside)
            if helper is not None:
                helper.take(got, len(theirs), wait=False)
    if helper is not None:
        if helper.take(got, len(theirs), wait=True):
            for n, read in zip(theirs, got, strict=True):
                reads[n] = read
        else:
            helper = None
    for n, (path, name, outside) in enumerate(work):
        if reads[n] is None:  # the helper failed: read its files here
            reads[n] = read_file(path, name, outside)
    return [r for r in reads if r is not None], helper


def _share(work: Sequence[Work]) -> set[int]:
    """The indexes of the files the helper reads: none for a small input or one core, else the
    largest files that fit in its share of the bytes."""
    if len(work) < 2 or not _can_fork() or _cores() < 2:
        return set()
    sizes = [_size(path) for path, _, _ in work]
    total = sum(sizes)
    if total <= SHARE_ABOVE:
        return set()
    theirs: set[int] = set()
    held = 0
    for n in sorted(range(len(work)), key=lambda n: (-sizes[n], n)):
        if held + sizes[n] <= total * HELPER_SHARE:
            theirs.add(n)
            held += sizes[n]
    return theirs


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class Helper:
    """A forked process that read some of the files and keeps their node trees."""

    def __init__(self, reads: Any, connection: Any, process: Any) -> None:
        self._reads = reads
        self._connection = connection
        self._process = process
        self.files: set[str] = set()
        """The names of the files whose node trees the helper keeps."""
        self._closed = weakref.finalize(self, _close, reads, connection)

    @classmethod
    def start(cls, work: Sequence[Work]) -> Helper:
        """Fork a helper that reads ``work``; it sends each file as it is read, on a pipe that
        holds several files, so that it seldom waits for this process to take them."""
        import multiprocessing

        context = multiprocessing.get_context("fork")
        reads, sent = context.Pipe(duplex=False)
        _widen(sent)
        mine, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(sent, theirs, (reads, mine), list(work)), daemon=True
        )
        process.start()
        sent.close()
        theirs.close()
        return cls(reads, mine, process)

    def take(self, got: list[FileRead], count: int, *, wait: bool) -> bool:
        """Add to ``got`` what the helper has sent of its ``count`` files (all of them when
        ``wait``); False when it failed (it is then closed and ``got`` is of no use)."""
        try:
            while len(got) < count and (wait or self._reads.poll()):
                read: FileRead = self._reads.recv()
                got.append(read)
                if read.parsed is not None and read.parsed.remote:
                    self.files.add(read.name)
        except (EOFError, OSError):
            self.close()
            return False
        return True

    def positions(self, asks: Sequence[Ask]) -> list[tuple[int, int]]:
        """The 1-based line and column of each path asked, on the helper's trees."""
        self._connection.send(list(asks))
        answer: list[tuple[int, int]] = self._connection.recv()
        return answer

    def close(self) -> None:
        """Let the helper finish (it exits when its pipe closes)."""
        self._closed()
        self._process.join(timeout=5)


PIPE_BYTES = 1024 * 1024
"""What the pipe of read files holds (Linux allows an unprivileged process up to 1 MiB): about
a dozen region files."""


def _widen(connection: Any) -> None:
    """Let the pipe under ``connection`` hold :data:`PIPE_BYTES`, where the system allows it."""
    import contextlib
    import fcntl

    setting = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setting is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(connection.fileno(), setting, PIPE_BYTES)


def _close(*connections: Any) -> None:
    for connection in connections:
        connection.close()


def _serve(sent: Any, connection: Any, other_ends: tuple[Any, ...], work: list[Work]) -> None:
    """In the helper: read ``work``, send each file as it is read, without its node tree,
    then answer positions until the pipe closes (this process's copies of the other ends,
    which the fork gave it, closed first)."""
    import signal

    from migrasi.loading.locate import position
    from migrasi.loading.reading import read_file

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _close(*other_ends)
    trees = {}
    try:
        for path, name, outside in work:
            read = read_file(path, name, outside)
            if read.parsed is not None and read.parsed.root is not None:
                trees[read.name] = read.parsed.root
                read.parsed.root = None
                read.parsed.remote = True
            if read.parsed is not None:
                read.parsed.data = None
            sent.send(read)
        sent.close()
        while True:
            asks: list[Ask] = connection.recv()
            connection.send([position(trees[file], path, anchor) for file, path, anchor in asks])
    except (EOFError, OSError):  # this process is done with the helper, or gone (Ctrl-C)
        return
