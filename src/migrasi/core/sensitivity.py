"""``migrasi sensitivity``: one assumption varied at a time, low and high, each planned again,
beside the unchanged inputs' waves re-priced under the same change; the rows sorted by the
swing of the NPV, largest first, ties by name — a tornado (scenarios.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from migrasi.core.decimals import CONTEXT
from migrasi.core.models import DataCenter
from migrasi.core.scenario import SCALES, Scenario, Setting
from migrasi.core.whatif import Base, Outcome

RATE = "discount_rate"
"""The row of the discount rate (the other rows are named after their scale)."""
SIDES = ("low", "high")


@dataclass(frozen=True)
class Change:
    """One variation: which assumption, which side, its value (a multiplier, or the discount
    rate itself), and the scenario that makes it."""

    name: str
    side: str
    value: Decimal
    scenario: Scenario

    @property
    def tightens(self) -> bool:
        """Whether the waves' limits get tighter (less room, or more to fit): the planner then
        works hardest, so such changes are best started first."""
        return (self.name, self.side) in TIGHTER


TIGHTER = frozenset(
    {("capacity", "low"), ("team_days", "low"), ("transfer_hours", "low"),
     ("effort_days", "high"), ("data_gb", "high")}
)  # fmt: skip
"""The variations that leave less room in the waves."""


def changes(dc: DataCenter, range_percent: Decimal, rate_points: Decimal) -> list[Change]:
    """Every variation: each scale by ± ``range_percent`` percent, then the discount rate by
    ± ``rate_points`` percentage points (never below 0), low before high."""
    out: list[Change] = []
    with localcontext(CONTEXT):
        share = range_percent / 100
        for name in SCALES:
            for side, factor in zip(SIDES, (1 - share, 1 + share), strict=True):
                scenario = Scenario(f"{name} {side}", None, scales=((name, factor),))
                out.append(Change(name, side, factor, scenario))
        rate = dc.finance.discount_rate
        step = rate_points / 100
        for side, value in zip(SIDES, (max(Decimal(0), rate - step), rate + step), strict=True):
            setting = Setting(f"finance.{RATE}", ("finance", RATE), value)
            out.append(Change(RATE, side, value, Scenario(f"{RATE} {side}", None, (setting,))))
    return out


@dataclass(frozen=True)
class Row:
    """One assumption of the tornado: its low and high variations and their outcomes."""

    name: str
    low: Change
    high: Change
    low_outcome: Outcome
    high_outcome: Outcome

    @property
    def swing(self) -> int | None:
        """How far the NPV moves from low to high (None when a side's inputs have errors)."""
        low, high = self.low_outcome.figures, self.high_outcome.figures
        return None if low is None or high is None else abs(high.npv - low.npv)


@dataclass(frozen=True)
class Sensitivity:
    """The unchanged inputs' outcome and the rows of the tornado, in order."""

    base: Outcome
    range_percent: Decimal
    rate_points: Decimal
    rate: Decimal
    """The discount rate of the unchanged inputs."""
    rows: list[Row]
    month0: str
    """Every plan's money is counted from this month (``YYYY-MM``) over ``horizon`` months."""
    horizon: int


def tornado_key(row: Row) -> tuple[bool, int, str]:
    """Largest swing first, ties by name; a row with errors last."""
    swing = row.swing
    return (swing is None, -(swing or 0), row.name)


def sensitivity(
    base: Base,
    dc: DataCenter,
    range_percent: Decimal,
    rate_points: Decimal,
    made: Sequence[Change],
    outcomes: Sequence[Outcome],
) -> Sensitivity:
    """The tornado of the variations ``made`` (as :func:`changes` gives them) and their
    outcomes, in the same order."""
    by = {(c.name, c.side): (c, o) for c, o in zip(made, outcomes, strict=True)}
    names = list(dict.fromkeys(c.name for c in made))
    rows = [Row(n, by[n, "low"][0], by[n, "high"][0], by[n, "low"][1], by[n, "high"][1])
            for n in names]  # fmt: skip
    rows.sort(key=tornado_key)
    t = base.timeline
    rate = dc.finance.discount_rate
    return Sensitivity(base.outcome, range_percent, rate_points, rate, rows, t.label(0), t.horizon)
