"""Writing outputs so that nothing that was there before is lost.

A plan folder is built beside its target (``.NAME.tmp-*``) and swapped in with two renames:
the old folder to ``.NAME.old``, the new one to NAME. An interruption leaves either the old
plan, or (between the renames) the old plan kept as ``.NAME.old``, which the next run puts
back first. No file name comes from inventory contents.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from migrasi.core.errors import OutputError


def _names(target: Path) -> tuple[Path, str]:
    return target.parent / f".{target.name}.old", f".{target.name}.tmp-"


def recover(target: Path) -> None:
    """Finish or undo a swap that an earlier run did not complete; drop stale builds."""
    if not target.parent.is_dir():
        return
    old, prefix = _names(target)
    if old.exists():
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, target)
    if target.parent.is_dir():
        for stale in target.parent.glob(prefix + "*"):
            shutil.rmtree(stale, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_folder(target: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` as the folder ``target``, whole or not at all."""
    if target.exists() and not target.is_dir():
        raise OutputError(str(target), "it exists and is not a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        old, prefix = _names(target)
        build = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    except OSError as exc:
        raise OutputError(str(target), exc.strerror or str(exc)) from exc
    try:
        for name in sorted(files):
            path = build / name
            with path.open("wb") as handle:
                handle.write(files[name])
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(build, 0o755)
        _fsync_dir(build)
        if target.exists():
            os.replace(target, old)
        os.replace(build, target)
        _fsync_dir(target.parent)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(build, ignore_errors=True)
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise OutputError(str(target), exc.strerror or str(exc)) from exc
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise


def write_file(target: Path, data: bytes) -> None:
    """Write one file atomically (a temporary file beside it, renamed into place)."""
    if target.is_dir():
        raise OutputError(str(target), "it is a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
    except OSError as exc:
        raise OutputError(str(target), exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(str(target), exc.strerror or str(exc)) from exc
        raise
