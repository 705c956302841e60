"""Reading a plan back: a plan folder (its ``plan.json``) or a ``plan.json`` file.

Anything that is not a readable ``migrasi/plan/v1`` document is wrong usage (exit 2), with a
message naming the path and what is wrong, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from migrasi.core.errors import UsageError
from migrasi.core.plandoc import PlanDoc, PlanShapeError, read_document

FILE_NAME = "plan.json"


class PlanNotFound(UsageError):
    """The path names no plan: it does not exist, or is a folder without ``plan.json``."""

    def __init__(self, path: str, folder: bool = False) -> None:
        super().__init__(path)
        self.path = path
        self.folder = folder

    def __str__(self) -> str:
        if self.folder:
            return f"no {FILE_NAME} in the folder {self.path}: give a plan folder or a {FILE_NAME}"
        return f"plan not found: {self.path}"


class BadPlan(UsageError):
    """The file is there but is not a plan migrasi can read; ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"not a readable plan: {self.path}: {self.reason}"


def plan_file(path: Path) -> Path:
    """The ``plan.json`` that ``path`` names: itself, or the one inside a plan folder."""
    if path.is_dir():
        inside = path / FILE_NAME
        if not inside.is_file():
            raise PlanNotFound(path.as_posix(), folder=True)
        return inside
    if not path.exists():
        raise PlanNotFound(path.as_posix())
    return path


MAX_BYTES = 256 * 1024 * 1024
"""A plan of 30,000 systems is about 45 MB; a larger file is not a plan migrasi wrote."""


def load_plan(path: Path) -> PlanDoc:
    """The plan document at ``path``, every field checked (BadPlan names the first bad one)."""
    return load_plan_and_digest(path)[0]


def load_plan_and_digest(path: Path) -> tuple[PlanDoc, str]:
    """The plan document at ``path`` and the SHA-256 of its plan.json."""
    import hashlib

    target = plan_file(path)
    shown = target.as_posix()
    try:
        with target.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BadPlan(shown, f"cannot be read: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise BadPlan(shown, "larger than 256 MiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadPlan(shown, "not UTF-8 text") from exc
    try:
        return read_document(text), hashlib.sha256(data).hexdigest()
    except PlanShapeError as exc:
        raise BadPlan(shown, str(exc)) from exc
