"""Terminal tables at 80 columns keep every date, amount and load whole."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from migrasi import api
from migrasi.loading.plans import load_plan
from migrasi.render.fit import FitColumn, FitTable
from migrasi.render.savings import VIEWS, view
from migrasi.render.savings_formats import _shown, as_table
from migrasi.render.terminal import waves_table
from tests.conftest import INVENTORIES, ROOT

PLAN_JSON = ROOT / "plans" / "current" / "plan.json"


def shown(renderable: object, width: int) -> str:
    """What a terminal ``width`` columns wide shows of ``renderable``."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


@pytest.fixture(scope="module")
def planned() -> api.PlanResult:
    """The plan of the shipped inventories."""
    result = api.plan([INVENTORIES])
    assert result.document is not None
    return result


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", [80, 60])
def test_waves_table_keeps_days_and_loads_whole(
    planned: api.PlanResult, lang: str, width: int
) -> None:
    """Every cutover day and load of ``migrasi plan``'s waves table is printed whole."""
    assert planned.document is not None
    table = waves_table(planned.document, lang)
    out = shown(table, width)
    assert "…" not in "".join(re.findall(r"│[^┃]*", out)), out
    for row in table.rows:
        assert row[1] in out, (row[1], out)
    if width == 80:
        for row in table.rows:
            assert re.search(rf"{row[1]}.*{re.escape(row[5])}.*{re.escape(row[6])}", out)
    assert max(len(line) for line in out.splitlines()) <= width


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("by", VIEWS)
def test_savings_tables_keep_money_whole_at_80_columns(lang: str, by: str) -> None:
    """Every amount, year and day of every savings view is printed whole at 80 columns."""
    v = view(load_plan(PLAN_JSON), by)
    out = shown(as_table(v, lang), 80)
    whole = [
        (i, c) for i, c in enumerate(v.columns) if c.compact and (c.kind != "text" or c.key in
                                                                  ("year", "cutover"))
    ]  # fmt: skip
    for row in (*v.rows, v.total):
        for i, c in whole:
            value = _shown(c, row[i], lang)
            assert value in out, (value, by, lang)
    assert max(len(line) for line in out.splitlines()) <= 80


def test_headings_shorten_then_columns_go_before_a_value_is_cut() -> None:
    """A table too wide for its values drops columns in its order; one that fits is unchanged."""
    columns = [FitColumn("Cutover"), FitColumn("A long heading", short="A"), FitColumn("B")]
    table = FitTable("t", columns, [["2027-01-31", "1", "123456789012345"]], drop=[2, 1])
    assert "A long heading" in shown(table, 80)
    narrow = shown(table, 40)
    assert "2027-01-31" in narrow and "123456789012345" in narrow and "long" not in narrow
    narrower = shown(table, 20)
    assert "2027-01-31" in narrower and "123456789012345" not in narrower
