"""What of a system that failed its shape check can still be checked, so one run shows every
problem: a wrong ``criticality`` must not hide an unknown ``depends_on`` ref until it is fixed."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from migrasi.core.findings import Path
from migrasi.core.models import System
from migrasi.core.values import source_text


@dataclass(frozen=True)
class PartialSystem:
    """The parts of a broken system that are valid on their own: its id, each ref that is a
    valid ref (None where an entry is not), and its currency. The rules that read only these
    (E203, E204, repeated refs, E206) run on it; the rest wait until the system is valid."""

    index: int
    id: str
    depends_on: tuple[str | None, ...]
    move_with: tuple[str | None, ...]
    currency: str | None


def salvage_system(index: int, raw: object) -> PartialSystem | None:
    """The valid parts of ``raw``, a system that failed its shape check; None without a valid id."""
    if not isinstance(raw, dict):
        return None
    try:
        System.model_validate(raw)
    except ValidationError as exc:
        bad = [tuple(e["loc"]) for e in exc.errors(include_url=False)]
    else:  # pragma: no cover - only called for systems that failed
        bad = []
    sid = _valid(raw, ("id",), bad)
    if sid is None:
        return None
    cost = raw.get("cost")
    currency = None
    if isinstance(cost, dict) and not _hit(("cost",), bad):
        currency = _valid(raw, ("cost", "currency"), bad) if "currency" in cost else "IDR"
    return PartialSystem(
        index, sid, _refs(raw, "depends_on", bad), _refs(raw, "move_with", bad), currency
    )


def _hit(loc: Path, bad: list[tuple[str | int, ...]]) -> bool:
    """Whether an error lies at ``loc`` itself or on one of the mappings above it."""
    return any(loc[: len(b)] == b for b in bad)


def _valid(raw: dict[object, object], loc: Path, bad: list[tuple[str | int, ...]]) -> str | None:
    if _hit(loc, bad):
        return None
    value: object = raw
    for part in loc:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return source_text(value)


def _refs(
    raw: dict[object, object], key: str, bad: list[tuple[str | int, ...]]
) -> tuple[str | None, ...]:
    values = raw.get(key)
    if not isinstance(values, list) or _hit((key,), bad):
        return ()
    return tuple(None if _hit((key, j), bad) else source_text(v) for j, v in enumerate(values))
