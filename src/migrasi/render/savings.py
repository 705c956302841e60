"""The savings views of finance staff, built from a plan document alone.

Every figure is a rounded system figure or a sum of them (money.md), so every table adds up to
the Rupiah: rows to the total row, and each view's totals to the programme's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from migrasi.render.catalog import text

if TYPE_CHECKING:
    from migrasi.core.plandoc import MoneyDoc, PlanDoc


@dataclass(frozen=True)
class Column:
    """One column: its key (English, for machines), kind, and whether a terminal shows it."""

    key: str
    kind: str
    """``text``, ``int`` or ``money``."""
    compact: bool = False


@dataclass(frozen=True)
class View:
    """One savings table: columns, rows and the total row."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    total: tuple[object, ...]
    names: Mapping[str, str] = field(default_factory=dict)
    """Region id → name, for people's outputs."""


def heading(c: Column, lang: str) -> str:
    """The column heading people read (a year column is its year)."""
    if c.key.startswith("y") and c.key[1:].isdigit():
        return c.key[1:]
    return text(f"col.{c.key}", lang)


def _years(doc: PlanDoc) -> list[str]:
    return sorted(doc.totals.by_year)


def _sum(rows: Sequence[Sequence[object]], columns: Sequence[Column]) -> tuple[object, ...]:
    out: list[object] = []
    for i, c in enumerate(columns):
        if c.kind == "money" or (c.kind == "int" and c.key == "systems"):
            out.append(sum(int(r[i]) for r in rows))  # type: ignore[call-overload]
        else:
            out.append("")
    return tuple(out)


def _money_columns(years: Sequence[str], compact: Sequence[str]) -> list[Column]:
    cols = [Column(k, "money", k in compact) for k in ("baseline", "one_time", "termination_fee")]
    cols += [Column(f"y{y}", "money") for y in years]
    cols += [Column(k, "money", k in compact) for k in ("net_savings", "npv", "kept_in_jambi")]
    return cols


def _money_values(money: MoneyDoc, years: Sequence[str]) -> list[object]:
    values: list[object] = [money.baseline, money.one_time, money.termination_fee]
    values += [money.by_year[y] for y in years]
    values += [money.net_savings, money.npv, money.kept_in_jambi]
    return values


def _add(into: list[object], values: Sequence[object]) -> None:
    for i, v in enumerate(values):
        into[i] = int(into[i]) + int(v)  # type: ignore[call-overload]


def by_system(doc: PlanDoc) -> View:
    """One row per system, retained ones included (their baseline counts)."""
    years = _years(doc)
    columns = (
        Column("ref", "text", True),
        Column("region", "text"),
        Column("owner", "text"),
        Column("strategy", "text"),
        Column("status", "text"),
        Column("wave", "int", True),
        *_money_columns(years, ("net_savings", "npv")),
    )
    rows = tuple(
        (s.ref, s.region, s.owner, s.strategy, s.status.value, s.wave or "",
         *_money_values(s.money, years))
        for s in doc.systems
    )  # fmt: skip
    return View("system", columns, rows, _sum(rows, columns))


def _grouped(
    doc: PlanDoc, name: str, key: str, label: Sequence[Column], compact: Sequence[str]
) -> View:
    years = _years(doc)
    groups: dict[tuple[str, ...], list[object]] = {}
    counts: dict[tuple[str, ...], int] = {}
    for s in doc.systems:
        k = (s.region,) if key == "region" else (s.region, s.owner)
        values = _money_values(s.money, years)
        if k not in groups:
            groups[k] = [0] * len(values)
            counts[k] = 0
        _add(groups[k], values)
        counts[k] += 1
    columns = (
        *label,
        Column("systems", "int"),
        *_money_columns(years, compact),
    )
    rows = tuple((*k, counts[k], *groups[k]) for k in sorted(groups))
    return View(name, columns, rows, _sum(rows, columns))


def by_region(doc: PlanDoc) -> View:
    """One row per region."""
    label = (Column("region", "text", True),)
    return _grouped(doc, "region", "region", label, ("net_savings", "npv", "kept_in_jambi"))


def by_opd(doc: PlanDoc) -> View:
    """One row per agency (OPD) of a region: regional budgets (DPA) are drawn up per OPD."""
    labels = (Column("region", "text", True), Column("owner", "text", True))
    return _grouped(doc, "opd", "opd", labels, ("net_savings", "npv"))


def by_year(doc: PlanDoc) -> View:
    """One row per calendar (fiscal) year: savings and the Data Center's running cost."""
    t = doc.totals
    columns = (
        Column("year", "text", True),
        Column("savings", "money", True),
        Column("dc_running_cost", "money", True),
    )
    rows = tuple((y, t.by_year[y], t.dc_running_cost_by_year[y]) for y in sorted(t.by_year))
    return View("year", columns, rows, _sum(rows, columns))


def by_wave(doc: PlanDoc) -> View:
    """One row per wave that holds systems."""
    years = _years(doc)
    systems = {s.ref: s for s in doc.systems}
    columns = (
        Column("wave", "int", True),
        Column("cutover", "text", True),
        Column("systems", "int", True),
        *_money_columns(years, ("net_savings", "npv")),
    )
    rows = []
    for w in doc.waves:
        if not w.systems:
            continue
        values: list[object] = [0] * (len(columns) - 3)
        for ref in w.systems:
            _add(values, _money_values(systems[ref].money, years))
        rows.append((w.wave, w.cutover.isoformat(), len(w.systems), *values))
    return View("wave", columns, tuple(rows), _sum(rows, columns))


BUILDERS: dict[str, Callable[[PlanDoc], View]] = {
    "system": by_system,
    "region": by_region,
    "opd": by_opd,
    "year": by_year,
    "wave": by_wave,
}


VIEWS = tuple(BUILDERS)


def view(doc: PlanDoc, name: str) -> View:
    """The view called ``name`` of the plan document."""
    return replace(BUILDERS[name](doc), names=doc.region_names())


def year_region_matrix(doc: PlanDoc) -> tuple[list[str], list[str], list[list[int]]]:
    """Savings by calendar year (rows) and region (columns)."""
    years = _years(doc)
    regions = sorted({s.region for s in doc.systems})
    cells = {(y, r): 0 for y in years for r in regions}
    for s in doc.systems:
        for y in years:
            cells[(y, s.region)] += s.money.by_year[y]
    return years, regions, [[cells[(y, r)] for r in regions] for y in years]
