"""A system's own reasons for every wave, asked at once, are the reasons asked wave by wave."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from migrasi import api
from migrasi.core.calendar import waves
from migrasi.core.rules import own_reason, own_reasons

INVENTORIES = Path(__file__).resolve().parent.parent / "inventories"


@pytest.mark.parametrize("as_of", [None, date(2027, 5, 20)])
@pytest.mark.parametrize("pilot", [True, False])
def test_own_reasons_match_each_wave(as_of: date | None, pilot: bool) -> None:
    """Every shipped system (pins, not_before, freezes, pilot or not, waves started or not)
    gets from own_reasons exactly own_reason's answer for each wave."""
    result = api.validate([INVENTORIES], as_of=as_of)
    dc = result.loaded.inputs.datacenter
    assert dc is not None
    calendar = waves(dc.schedule)
    chosen = dc.schedule.pilot if pilot else None
    items = list(result.checked.items.values())
    kinds = [i.system.migration for i in items]
    assert any(m.wave for m in kinds) and any(m.freeze_months for m in kinds)
    assert any(m.not_before for m in kinds) and any(w.pilot for w in calendar)
    assert as_of is None or any(w.started for w in calendar)
    for item in items:
        expected = tuple(own_reason(item, w, chosen) for w in calendar)
        assert own_reasons(item, calendar, chosen) == expected, item.ref
