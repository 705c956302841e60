"""Violations of the spec by migrasi's plans that are recorded, each in ``tests/progress_cases``.

Each recorded case has a minimal inventory folder and a strict-xfail test. Until the planner is
fixed, a random instance that hits one of them would fail for it alone: ``unexplained`` drops
exactly the problems that a recorded violation explains, and only on instances that hold its
cause. When a case's test starts passing (strict xfail: the suite fails), remove its entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema

from migrasi.render.schemas import schema_dict
from tests.plancheck.programme import Programme


def schema_problems(data: Mapping[str, Any]) -> list[str]:
    """Where a parsed plan.json breaks the plan's JSON Schema (``migrasi schema plan``)."""
    validator = jsonschema.Draft202012Validator(schema_dict("plan"))
    return [
        f"plan.json breaks its JSON Schema at {'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(data)
    ]


@dataclass(frozen=True)
class Known:
    """A recorded violation: its case folder, its cause, and the problems it explains."""

    case: str
    cause: Callable[[Programme, Mapping[str, Any]], bool]
    problems: re.Pattern[str]


KNOWN: tuple[Known, ...] = ()


def unexplained(found: list[str], prog: Programme, data: Mapping[str, Any]) -> list[str]:
    """The problems that no recorded violation whose cause the instance holds explains."""
    known = [k.problems for k in KNOWN if k.cause(prog, data)]
    return [p for p in found if not any(pattern.search(p) for pattern in known)]
