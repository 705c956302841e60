"""Seeded small edits of a folder of inputs, as an engineer makes them between two plans.

Each edit rewrites the YAML files it touches in place (comments are lost; the values are not):

- ``price``: one planned system's ``cost.amount`` 10% higher or lower;
- ``effort``: one planned system's effort 5 days more or less (``migration.effort_days``);
- ``new``: a new system, a copy of a planned one (its ``move_with`` left out) under a new id;
- ``removed``: a planned system that nothing refers to is taken out;
- ``team_days``: the data-center's ``schedule.team_days`` 5% lower (rounded down);
- ``expansion``: one capacity expansion comes a wave later (``from`` + ``wave_weeks`` weeks);
- ``joined`` (for tests, not in ``EDITS``): a planned system must move with another one of its
  region (``move_with``), which changes both their move groups.

``price``, ``effort``, ``new`` and ``removed`` touch one system (``Edit.ref``). Used by
``bench/bench_stability.py`` and by the tests that check plans kept close to an earlier one.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

EDITS = ("price", "effort", "new", "removed", "team_days", "expansion")
ONE_SYSTEM = ("price", "effort", "new", "removed")
INVENTORY = "migrasi/inventory/v1"
DATACENTER = "migrasi/datacenter/v1"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Edit:
    """One edit made: its kind, the global ref of the system it touched (None for the
    data-center edits), and what it did, in words."""

    kind: str
    ref: str | None
    what: str


class _Folder:
    """The YAML files of a folder of inputs, read once, written back when changed."""

    def __init__(self, folder: Path) -> None:
        self.docs: dict[Path, Any] = {}
        for path in sorted(folder.glob("*.yaml")):
            self.docs[path] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        self.dc_path = next(p for p, d in self.docs.items() if _schema(d) == DATACENTER)
        self.dc: Any = self.docs[self.dc_path]
        self.regions = {p: d for p, d in self.docs.items() if _schema(d) == INVENTORY}

    def write(self, path: Path) -> None:
        text = yaml.dump(self.docs[path], Dumper=_Dumper, sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")

    def planned(self) -> list[tuple[Path, str, dict[str, Any]]]:
        """Every planned system (strategy other than retain): its file, global ref, mapping."""
        out = []
        for path, doc in self.regions.items():
            region = doc["region"]["id"]
            for s in doc.get("systems") or []:
                if s.get("migration", {}).get("strategy") != "retain":
                    out.append((path, f"{region}/{s['id']}", s))
        return out

    def referred(self) -> set[str]:
        """The global refs some system names in ``depends_on`` or ``move_with``."""
        out: set[str] = set()
        for doc in self.regions.values():
            region = doc["region"]["id"]
            for s in doc.get("systems") or []:
                for ref in [*(s.get("depends_on") or []), *(s.get("move_with") or [])]:
                    out.add(ref if "/" in ref else f"{region}/{ref}")
        return out


def _schema(doc: Any) -> str | None:
    return doc.get("schema") if isinstance(doc, dict) else None


def _scaled(amount: Any, factor: Decimal) -> Any:
    """``amount`` × ``factor``: whole when it was whole, else to the cent."""
    value = Decimal(str(amount)) * factor
    if isinstance(amount, int):
        return int(value.to_integral_value())
    return float(round(value, 2))


def apply_edit(folder: Path, kind: str, rng: random.Random) -> Edit | None:
    """Make one edit of ``kind`` to the inputs in ``folder``, drawn with ``rng``; None when the
    inputs offer nothing to edit that way (no expansion, say)."""
    f = _Folder(folder)
    schedule = f.dc["schedule"]
    if kind == "team_days":
        before = int(schedule["team_days"])
        schedule["team_days"] = before * 95 // 100
        f.write(f.dc_path)
        return Edit(kind, None, f"team_days {before} → {schedule['team_days']}")
    if kind == "expansion":
        expansions = f.dc.get("capacity", {}).get("expansions") or []
        if not expansions:
            return None
        chosen = rng.choice(expansions)
        before = chosen["from"]
        chosen["from"] = before + timedelta(weeks=int(schedule["wave_weeks"]))
        f.write(f.dc_path)
        return Edit(kind, None, f"expansion from {before} → {chosen['from']}")
    if kind not in (*ONE_SYSTEM, "joined"):
        raise ValueError(f"no edit {kind!r}")
    candidates = f.planned()
    if kind == "price":
        candidates = [c for c in candidates if c[2].get("cost", {}).get("amount")]
    if kind == "removed":
        referred = f.referred()
        candidates = [c for c in candidates if c[1] not in referred]
    if not candidates:
        return None
    path, ref, system = rng.choice(candidates)
    if kind == "price":
        what = _price(ref, system, rng)
    elif kind == "effort":
        what = _effort(ref, system, f.dc["effort_days"], rng)
    elif kind == "new":
        ref, what = _new(f, path, ref, system)
    elif kind == "removed":
        f.regions[path]["systems"].remove(system)
        what = f"{ref}: removed"
    else:
        others = [c[2]["id"] for c in candidates if c[0] == path and c[1] != ref]
        if not others:
            return None
        other = rng.choice(others)
        system["move_with"] = sorted({*(system.get("move_with") or []), other})
        what = f"{ref}: moves with {other}"
    f.write(path)
    return Edit(kind, ref, what)


def _price(ref: str, system: dict[str, Any], rng: random.Random) -> str:
    factor = rng.choice((Decimal("1.1"), Decimal("0.9")))
    before = system["cost"]["amount"]
    system["cost"]["amount"] = _scaled(before, factor)
    return f"{ref}: cost.amount {before} → {system['cost']['amount']}"


def _effort(ref: str, system: dict[str, Any], defaults: Any, rng: random.Random) -> str:
    """5 days more or less (more when less would leave under a day)."""
    migration = system["migration"]
    before = migration.get("effort_days", defaults[migration["strategy"]])
    after = Decimal(str(before)) + rng.choice((5, -5))
    if after < 1:
        after = Decimal(str(before)) + 5
    migration["effort_days"] = int(after) if after == int(after) else float(after)
    return f"{ref}: effort_days {before} → {migration['effort_days']}"


def _new(f: _Folder, path: Path, ref: str, system: dict[str, Any]) -> tuple[str, str]:
    """A copy of ``system`` under a new id in its region: its global ref and the words."""
    fresh = copy.deepcopy(system)
    fresh.pop("move_with", None)
    taken = {s["id"] for s in f.regions[path]["systems"]}
    fresh["id"] = next(
        name for n in range(100) if (name := f"{system['id']}-baru{n or ''}") not in taken
    )
    fresh["name"] = f"{system['name']} (baru)"
    f.regions[path]["systems"].append(fresh)
    made = f"{ref.split('/', maxsplit=1)[0]}/{fresh['id']}"
    return made, f"{made}: new, a copy of {system['id']}"
