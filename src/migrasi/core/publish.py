"""The plan document of a plan: its parts as the planner made them, with what they rest on —
the input files, the diagnostics, every assumption, the regions.

Renderers read the document and only format it. The models are built without re-validation
(``model_construct``): every value comes from the planner with its type; reading a plan back
validates it (loading/plans.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from migrasi.core.models import STRATEGIES, DataCenter
from migrasi.core.plan import Plan
from migrasi.core.plandoc import (
    Assumptions,
    BlackoutDoc,
    Diagnostic,
    InputFile,
    PilotDoc,
    PlanDoc,
    RegionDoc,
    RunningCostDoc,
)

M = TypeVar("M", bound=BaseModel)


def _copied(model: type[M], *sources: object, **given: Any) -> M:
    """A document model whose fields are the same-named attributes of ``sources`` (the first
    that has each), unless ``given``."""
    values = {
        name: next(getattr(src, name) for src in sources if hasattr(src, name))
        for name in model.model_fields
        if name not in given
    }
    return model.model_construct(None, **values, **given)


def assumptions(dc: DataCenter) -> Assumptions:
    """Every setting the figures rest on, for readers of the plan and the summary sheet."""
    s, f = dc.schedule, dc.finance
    return _copied(
        Assumptions,
        s,
        f,
        datacenter=dc.name,
        pilot=None if s.pilot is None else _copied(PilotDoc, s.pilot),
        blackouts=[_copied(BlackoutDoc, b) for b in s.blackouts],
        fx=dict(sorted(f.fx.items())),
        running_cost=_copied(RunningCostDoc, dc.running_cost),
        effort_days={k: dc.effort_days.of(k) for k in STRATEGIES if k != "retain"},
    )


def document(
    plan: Plan,
    inputs: Sequence[tuple[str, str]],
    diagnostics: Sequence[Diagnostic],
    dc: DataCenter,
    regions: Mapping[str, RegionDoc],
) -> PlanDoc:
    """The plan document; ``inputs`` are (file, sha256) in path order, ``diagnostics`` the
    findings in report order."""
    return PlanDoc.model_construct(
        schema_="migrasi/plan/v1",
        mode=plan.mode,
        inputs=[InputFile.model_construct(file=f, sha256=h) for f, h in inputs],
        waves=plan.waves,
        groups=plan.groups,
        systems=[plan.systems[r] for r in sorted(plan.systems)],
        totals=plan.totals,
        bound=plan.bound,
        proven=plan.proven,
        diagnostics=list(diagnostics),
        monthly=plan.monthly,
        assumptions=assumptions(dc),
        regions=dict(sorted(regions.items())),
    )
