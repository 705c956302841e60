"""Reading a plan back: a plan folder (its ``plan.json``) or a ``plan.json`` file.

Anything that is not a readable ``migrasi/plan/v1`` document is wrong usage (exit 2), with a
message naming the path and what is wrong, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from migrasi.core.errors import UsageError
from migrasi.core.plandiff import PlanShapeError, read_plan

SCHEMA = "migrasi/plan/v1"
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


def _parse(path: Path) -> object:
    shown = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadPlan(shown, f"cannot be read: {exc.strerror or exc}") from exc
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadPlan(shown, "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise BadPlan(shown, f"not valid JSON ({exc.msg}, {where})") from exc
    except RecursionError as exc:
        raise BadPlan(shown, "JSON nested too deeply") from exc


def load_plan(path: Path) -> dict[str, object]:
    """The plan document at ``path``, checked to be a ``migrasi/plan/v1`` plan a diff can read."""
    target = plan_file(path)
    doc = _parse(target)
    shown = target.as_posix()
    if not isinstance(doc, dict) or "schema" not in doc:
        raise BadPlan(shown, f'not an object with "schema": "{SCHEMA}"')
    if doc["schema"] != SCHEMA:
        got = json.dumps(doc["schema"], ensure_ascii=True)[:60]
        raise BadPlan(shown, f'schema is {got}, expected "{SCHEMA}"')
    try:
        read_plan(doc)
    except PlanShapeError as exc:
        raise BadPlan(shown, str(exc)) from exc
    return doc
