"""The plan folder: written whole or not at all, and only over a folder migrasi wrote.

Every plan folder holds ``MARKER``, a small file that names the files migrasi wrote there.
``plan --out DIR`` replaces DIR only when it does not exist, is empty, or is a plan folder
whose every entry its marker names; anything else is refused (exit 2) and left as it was. A
link to a folder is followed: the plan is written where it points, and the link stays.

The folder is built beside its target (``.NAME.tmp-*``, the marker first) and swapped in with
two renames: the old folder to ``.NAME.old``, the new one to NAME. An interruption leaves either
the old plan, or (between the renames) the old plan kept as ``.NAME.old``, which the next run
puts back first. Each write holds an exclusive lock on the folder that holds the target, so
that a run never removes another's work in progress: a second run waits for the first to
finish writing, and the folder always holds one whole plan.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from migrasi.cli.output import created_mode, fsync_dir, is_stdout
from migrasi.core.errors import ForeignFolder, OutputError, UsageError

MARKER = ".migrasi-plan"
"""The file that says a folder is a plan migrasi wrote, and which files it wrote there."""

_HEADER = "migrasi plan folder: `migrasi plan` replaces it whole. The files it wrote:\n"
_MARKER_MAX = 65536


def marker_text(names: list[str]) -> bytes:
    """The marker of a plan folder holding ``names``."""
    return (_HEADER + "".join(f"{n}\n" for n in sorted(names))).encode()


def _written(folder: Path) -> set[str] | None:
    """The names the folder's marker lists, or None when it has no readable marker."""
    path = folder / MARKER
    if path.is_symlink() or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            text = handle.read(_MARKER_MAX).decode("utf-8", "replace")
    except OSError:
        return None
    first, _, rest = text.partition("\n")
    if not _HEADER.startswith(first.rstrip("\r")):
        return None
    return {line.rstrip("\r") for line in rest.split("\n") if line.strip()}


def foreign(folder: Path) -> str | None:
    """Why migrasi may not replace ``folder``: the first entry its marker does not name
    (``""`` when it has no marker), or None when it is missing, empty or a plan folder."""
    try:
        entries = sorted(os.listdir(folder))
    except FileNotFoundError:
        return None
    if not entries:
        return None
    written = _written(folder)
    if written is None:
        return ""
    for name in entries:
        path = folder / name
        if name == MARKER:
            continue
        if name not in written or (path.is_dir() and not path.is_symlink()):
            return name
    return None


def refusal(exc: ForeignFolder, lang: str) -> str:
    """Why a folder is not replaced and how to proceed, in ``lang``, safe for a terminal."""
    from migrasi.render.catalog import text
    from migrasi.render.escape import terminal

    if exc.entry:
        why = text("usage.foreign.entry", lang, entry=terminal(exc.entry))
    else:
        why = text("usage.foreign.unmarked", lang, marker=exc.marker)
    return text("usage.foreign", lang, path=terminal(exc.target), why=why)


def _aside(real: Path) -> tuple[Path, str]:
    return real.parent / f".{real.name}.old", f".{real.name}.tmp-"


def _real(given: Path) -> Path:
    """Where the plan goes: ``given`` with every link followed (the links stay)."""
    real = Path(os.path.realpath(given))
    if real.is_symlink() or not real.name:
        raise OutputError(str(given), "it is a link that cannot be followed to a folder")
    return real


@contextlib.contextmanager
def _locked(parent: Path, given: Path, lang: str) -> Iterator[None]:
    """Hold an exclusive lock on ``parent`` (waiting for another run that holds it)."""
    try:
        import fcntl
    except ImportError:  # no flock here (Windows): runs are not kept apart
        yield
        return
    try:
        fd = os.open(parent, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(str(given), exc.strerror or str(exc)) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            from migrasi.render.catalog import text
            from migrasi.render.escape import terminal

            notice = text("notice.waiting", lang, path=terminal(str(given)))
            print(f"migrasi: {notice}", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks: write unlocked rather than not at all
            pass
        yield
    finally:
        os.close(fd)


def _recover(real: Path) -> None:
    """Finish or undo a swap an earlier run left; drop builds that runs left (under the lock)."""
    old, prefix = _aside(real)
    if old.is_dir() and not old.is_symlink() and foreign(old) is None:
        if real.exists() or real.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, real)
    for name in sorted(os.listdir(real.parent)):
        stale = real.parent / name
        ours = name.startswith(prefix) and stale.is_dir() and not stale.is_symlink()
        if ours and foreign(stale) is None:
            shutil.rmtree(stale, ignore_errors=True)


def recover(target: Path, lang: str = "en") -> None:
    """Finish or undo a swap that an earlier run did not complete; drop stale builds."""
    real = _real(target)
    if not real.parent.is_dir():
        return
    with _locked(real.parent, target, lang), _reported(target):
        _recover(real)


@contextlib.contextmanager
def _reported(target: Path) -> Iterator[None]:
    """A system error while looking at or tidying the target, as an OutputError."""
    try:
        yield
    except OSError as exc:
        raise OutputError(str(target), exc.strerror or str(exc)) from exc


def prepare(target: Path, lang: str = "en") -> None:
    """Before planning: refuse an ``--out`` that could not be written, recover a swap."""
    if is_stdout(target):
        raise UsageError("--out: a plan folder cannot be written to standard output")
    real = _real(target)
    if not real.parent.is_dir():
        return
    with _locked(real.parent, target, lang):
        with _reported(target):
            _recover(real)
            why = foreign(real) if real.is_dir() else None
        if why is not None:
            raise ForeignFolder(str(target), why, MARKER)


def write_folder(target: Path, files: Mapping[str, bytes], lang: str = "en") -> None:
    """Write ``files`` as the folder ``target``, whole or not at all, over nothing but a plan."""
    real = _real(target)
    if real.exists() and not real.is_dir():
        raise OutputError(str(target), "it exists and is not a folder")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(target), exc.strerror or str(exc)) from exc
    with _locked(real.parent, target, lang):
        with _reported(target):
            _recover(real)
            why = foreign(real)
        if why is not None:
            raise ForeignFolder(str(target), why, MARKER)
        _swap_in(target, real, {MARKER: marker_text(list(files)), **dict(sorted(files.items()))})


def _swap_in(given: Path, real: Path, files: Mapping[str, bytes]) -> None:
    old, prefix = _aside(real)
    try:
        build = Path(tempfile.mkdtemp(prefix=prefix, dir=real.parent))
    except OSError as exc:
        raise OutputError(str(given), exc.strerror or str(exc)) from exc
    try:
        for name in files:  # the marker first: a build left half done is known as ours
            with (build / name).open("wb") as handle:
                handle.write(files[name])
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(build, created_mode(0o777))
        fsync_dir(build)
        if real.exists():
            os.replace(real, old)
        os.replace(build, real)
        fsync_dir(real.parent)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(build, ignore_errors=True)
        if old.exists() and not real.exists():
            os.replace(old, real)
        if isinstance(exc, OSError):
            raise OutputError(str(given), exc.strerror or str(exc)) from exc
        raise
