"""``plan.json``: the plan document as text, in the models' field order, ``indent=2``."""

from __future__ import annotations

from migrasi.core.plandoc import PlanDoc


def plan_json(doc: PlanDoc) -> str:
    """The plan document as text with a final newline (the models say how each value reads)."""
    return doc.model_dump_json(indent=2, by_alias=True) + "\n"
