"""Writing one output file so that nothing that was there before is lost.

``--out FILE`` is written to a temporary file beside it and renamed into place, so that a
reader sees the old file or the new one, never a part. A link is followed (the file it points
at is replaced, the link stays). What is not a regular file — a named pipe, a device,
``/dev/stdout``, anything under ``/dev`` or ``/proc`` — is written into, never replaced, and
``-`` is standard output. Files and folders are created with the permissions the umask gives.
No file name comes from inventory contents.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from migrasi.core.errors import OutputError

STDOUT_NAMES = ("-", "/dev/stdout")
"""Names of standard output: written through the process's own stream."""

_STREAM_ROOTS = ("/dev/", "/proc/")


def umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def created_mode(base: int) -> int:
    """The permissions a new file (``0o666``) or folder (``0o777``) gets under the umask."""
    return base & ~umask()


def is_stdout(target: Path | str) -> bool:
    """Whether ``target`` names standard output (``-`` or ``/dev/stdout``)."""
    return str(target) in STDOUT_NAMES


def is_stream(target: Path) -> bool:
    """Whether ``target`` is written into rather than replaced: a path under ``/dev`` or
    ``/proc``, or an existing file that is not a regular file or folder (a pipe, a device)."""
    name = os.path.abspath(target)
    real = os.path.realpath(target)
    if any(p.startswith(_STREAM_ROOTS) for p in (name + "/", real + "/")):
        return True
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries durable (where the system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_file(target: Path, data: bytes) -> None:
    """Write one file: into standard output or a stream as it is, else atomically."""
    if is_stdout(target):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if is_stream(target):
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise OutputError(str(target), exc.strerror or str(exc)) from exc
        return
    _replace_file(target, Path(os.path.realpath(target)), data)


def _replace_file(given: Path, real: Path, data: bytes) -> None:
    if real.is_dir():
        raise OutputError(str(given), "it is a folder")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.tmp-", dir=real.parent)
    except OSError as exc:
        raise OutputError(str(given), exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, created_mode(0o666))
        os.replace(tmp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(str(given), exc.strerror or str(exc)) from exc
        raise


def append_text(path: str, text: str) -> str | None:
    """Append ``text`` (UTF-8) to the file ``path``; the reason when it cannot, else None."""
    try:
        with open(path, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(text)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
