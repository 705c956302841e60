"""A filled-in workbook as the data of a region inventory, with a cell for every path.

The region sheet holds field names in column A and values in column B (row 1 is a heading);
the systems sheet holds field names in row 1, their descriptions in row 2 (each beginning with
``(``), and one system per row from row 3 on. A row whose first cell begins with ``#`` is
skipped, and so is an empty one. What the sheets get wrong as sheets (a missing sheet or
required column, an unknown, repeated or unnamed column, a merged range, a cell that holds no
usable value) is found here; everything else is left to the same checks as a YAML file, whose
findings ``Locator`` places on cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from migrasi.core.columns import REQUIRED, Column, region_columns, required_groups, system_columns
from migrasi.core.findings import Anchor, Cell, Finding, Path, column_letters
from migrasi.core.models import INVENTORY_SCHEMA
from migrasi.core.shape import suggest
from migrasi.loading import xlsx_cells as cells
from migrasi.loading.xlsx_values import convert

DESCRIPTION_ROW = 2
"""The systems sheet's row of descriptions, each in the template beginning with ``(`` (whether
the field is required). It is skipped only when its first cell begins so: a sheet whose
description row was deleted keeps its first system."""
SHEET_NAMES = {"region": "Wilayah/Region", "systems": "Sistem/Systems"}


@dataclass
class Locator:
    """Where each path of the inventory was read: sheet, row and column."""

    region: str = ""
    systems: str = ""
    region_rows: dict[str, int] = field(default_factory=dict)
    region_end: int = 2
    columns: dict[str, int] = field(default_factory=dict)
    header_end: int = 1
    rows: list[int] = field(default_factory=list)

    def cell(self, f: Finding) -> Cell | None:
        """The cell a finding of the checks points at, or None for the whole workbook."""
        path = f.path
        extra = (
            (str(f.args["field"]),) if f.anchor is Anchor.FIRST_KEY and "field" in f.args else ()
        )
        if len(path) >= 1 and path[0] == "region" and self.region:
            name = str((*path[1:], *extra)[0]) if len(path) > 1 or extra else ""
            row = self.region_rows.get(name)
            if row is None:
                return Cell(self.region, self.region_end, 1)
            return Cell(self.region, row, 1 if f.anchor is Anchor.KEY else 2)
        if len(path) >= 2 and path[0] == "systems" and isinstance(path[1], int) and self.systems:
            if not 0 <= path[1] < len(self.rows):
                return None
            names = [p for p in (*path[2:], *extra) if isinstance(p, str)]
            column = self._column(names)
            row = 1 if f.anchor is Anchor.KEY else self.rows[path[1]]
            return Cell(self.systems, row, column)
        return None

    def _column(self, names: list[str]) -> int:
        for size in range(len(names), 0, -1):
            name = ".".join(names[:size])
            if name in self.columns:
                return self.columns[name]
            inside = [c for n, c in self.columns.items() if n.startswith(name + ".")]
            if inside:
                return min(inside)
        return 1


@dataclass
class Intake:
    """What a workbook says: the inventory's data, where it was, and the sheets' own findings."""

    file: str
    data: dict[str, Any]
    locator: Locator
    findings: list[Finding]
    reported: set[Path] = field(default_factory=set)
    """Paths that already have a finding of their own (the checks' findings there are dropped)."""
    missing: set[str] = field(default_factory=set)
    """Fields reported missing as a sheet or column (the checks' E101 for them are dropped)."""

    def add(self, code: str, where: Cell | None, path: Path = (), **args: object) -> None:
        """Record a finding of the sheets at ``where``."""
        anchor = Anchor.KEY if code == "E103" else Anchor.VALUE
        self.findings.append(Finding(code, self.file, path, args, anchor, cell=where))

    def keep(self, f: Finding) -> bool:
        """Whether a finding of the checks says something the sheets' findings did not."""
        if f.path in self.reported:
            return False
        if f.code != "E101":
            return True
        return (*f.path, f.args.get("field")) not in self.reported and (
            _field_name(f) not in self.missing
        )


def _field_name(f: Finding) -> str:
    """The dotted name of the field an E101 finding misses: ``hosting.provider``, ``region``."""
    parts = [p for p in f.path if isinstance(p, str)]
    if parts[:1] == ["systems"]:
        parts = parts[1:]
    return ".".join([*parts, str(f.args.get("field", ""))])


def _first_text(value: cells.Value | None) -> str:
    return value.shown.strip() if value is not None else ""


def intake(file: str, book: cells.Workbook) -> Intake:
    """The inventory data of a workbook's region and systems sheets."""
    result = Intake(file, {"schema": INVENTORY_SCHEMA}, Locator(), list(book.findings))
    region = book.sheets.get("region")
    systems = book.sheets.get("systems")
    for role, sheet in (("region", region), ("systems", systems)):
        if sheet is None:
            result.add("E101", None, why="sheet", sheet=SHEET_NAMES[role], field=role)
            result.missing.add(role)
    if region is not None:
        result.locator.region = region.name
        result.data["region"] = _region(region, result)
    if systems is not None:
        result.locator.systems = systems.name
        result.data["systems"] = _systems(systems, result)
    for sheet in (s for s in (region, systems) if s is not None):
        for first_row, first_col, last_row, last_col in sheet.merged:
            where = Cell(sheet.name, first_row, first_col, last_row, last_col)
            result.add("E102", where, why="m_merged", got=str(where).split("!")[1])
    return result


def _put(target: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _value(result: Intake, column: Column, value: cells.Value, path: Path, where: Cell) -> object:
    converted, problem = convert(column, value)
    if problem is not None:
        result.add("E102", where, path, **problem)
        result.reported.add(path)
    return converted


def _region(sheet: cells.Sheet, result: Intake) -> dict[str, Any]:
    known = {c.name: c for c in region_columns()}
    data: dict[str, Any] = {}
    rows = sorted({r for r, _ in sheet.cells if r > 1})
    locator = result.locator
    locator.region_end = (rows[-1] + 1) if rows else 2
    for row in rows:
        name = _first_text(sheet.cells.get((row, 1)))
        value = sheet.cells.get((row, 2))
        here = Cell(sheet.name, row, 1)
        if not name:
            if value is not None:
                result.add("E103", Cell(sheet.name, row, 2), why="no_field", row=row)
            continue
        if name.startswith("#"):
            continue
        if name not in known:
            result.add("E103", here, ("region", name), field=name, suggestion=suggest(name, known))
            continue
        if name in locator.region_rows:
            result.add("E003", here, key=name)
            continue
        locator.region_rows[name] = row
        if value is not None:
            path = ("region", name)
            converted = _value(result, known[name], value, path, Cell(sheet.name, row, 2))
            if converted is not None:
                data[name] = converted
    return data


def _header(sheet: cells.Sheet, result: Intake) -> tuple[dict[int, Column], set[int]]:
    """The columns by number, and every column with a name (known or not) in row 1."""
    known = {c.name: c for c in system_columns()}
    by_col: dict[int, Column] = {}
    named: set[int] = set()
    locator = result.locator
    heads = sorted((col, v) for (row, col), v in sheet.cells.items() if row == 1)
    locator.header_end = (heads[-1][0] + 1) if heads else 1
    for col, value in heads:
        name = value.shown.strip()
        here = Cell(sheet.name, 1, col)
        if not name:
            continue
        named.add(col)
        if name not in known:
            result.add("E103", here, field=name, suggestion=suggest(name, known))
        elif name in locator.columns:
            result.add("E003", here, why="column", key=name)
        else:
            locator.columns[name] = col
            by_col[col] = known[name]
    for c in system_columns():
        if c.required == REQUIRED and c.name not in locator.columns:
            result.add("E101", Cell(sheet.name, 1, locator.header_end), why="column", field=c.name)
            result.missing.add(c.name)
    return by_col, named


def _systems(sheet: cells.Sheet, result: Intake) -> list[dict[str, Any]]:
    by_col, named = _header(sheet, result)
    by_row: dict[int, list[tuple[int, cells.Value]]] = {}
    for (row, col), value in sheet.cells.items():
        if row > 1:
            by_row.setdefault(row, []).append((col, value))
    systems: list[dict[str, Any]] = []
    unnamed: set[int] = set()
    for row in sorted(by_row):
        first = sheet.cells.get((row, 1))
        skipped = ("#", "(") if row == DESCRIPTION_ROW else ("#",)
        if first is not None and first.kind == cells.TEXT and first.shown.startswith(skipped):
            continue
        index = len(systems)
        system: dict[str, Any] = {group: {} for group in required_groups()}
        for col, value in sorted(by_row[row]):
            column = by_col.get(col)
            if column is None:
                if col not in unnamed and col not in named:
                    unnamed.add(col)
                    where = Cell(sheet.name, row, col)
                    result.add("E103", where, why="no_header", column=column_letters(col))
                continue
            path: Path = ("systems", index, *column.path)
            converted = _value(result, column, value, path, Cell(sheet.name, row, col))
            if converted is not None:
                _put(system, column.path, converted)
        systems.append(system)
        result.locator.rows.append(row)
    return systems


def place(findings: Iterable[Finding], intake_: Intake) -> list[Finding]:
    """The checks' findings that the sheets did not already report, each on its cell."""
    out: list[Finding] = []
    for f in findings:
        if not intake_.keep(f):
            continue
        where = intake_.locator.cell(f) if f.cell is None and f.line is None else None
        out.append(replace(f, cell=where) if where is not None else f)
    return out
