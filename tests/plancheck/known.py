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


def _before_start(prog: Programme, data: Mapping[str, Any]) -> bool:
    """Some fixed system was cut over before the schedule's start."""
    return any(f.cutover < prog.dc.schedule.start for f in prog.fixed.values())


def _in_progress_unscheduled(prog: Programme, data: Mapping[str, Any]) -> bool:
    """Some system under way, pinned to a future wave, has no wave in the plan."""
    waves = {s.get("ref"): s.get("wave") for s in data.get("systems", [])}
    return any(prog.units[r].status == "in_progress" and waves.get(r) is None for r in prog.free)


@dataclass(frozen=True)
class Known:
    """A recorded violation: its case folder, its cause, and the problems it explains."""

    case: str
    cause: Callable[[Programme, Mapping[str, Any]], bool]
    problems: re.Pattern[str]


KNOWN = (
    Known(
        "done-before-start",
        _before_start,
        re.compile(r"kept_in_jambi: is -?\d+, expected|dc_running_cost_by_year\.\d+: is"),
    ),
    Known(
        "in-progress-unscheduled",
        _in_progress_unscheduled,
        re.compile(
            r"status 'unscheduled', expected one of \['in_progress'\]|"
            r"\.status: is 'unscheduled', expected 'in_progress'|"
            r"totals\.progress\.(in_progress|unscheduled): is|"
            # Before the start, with nothing else recorded, the plan then shows no as-of day.
            r"as_of is None, expected '"
        ),
    ),
)


def unexplained(found: list[str], prog: Programme, data: Mapping[str, Any]) -> list[str]:
    """The problems that no recorded violation whose cause the instance holds explains."""
    known = [k.problems for k in KNOWN if k.cause(prog, data)]
    return [p for p in found if not any(pattern.search(p) for pattern in known)]
