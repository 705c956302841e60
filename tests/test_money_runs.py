"""The savings kept as runs of equal months give exactly the month-by-month money of money.md.

The oracle here is money.md read literally: every month's saving computed on its own, every sum
taken with ``+=`` month by month in month order. The engine must agree to the last digit, not
merely after rounding, on amounts with 28 significant digits, cutovers before, inside and after
the horizon, contracts that run on and termination fees.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from migrasi.core.decimals import CONTEXT, whole
from migrasi.core.money import Timeline, accumulate, cash, running_by_year
from tests.test_money import item_of, make_datacenter, make_system

MONTHS = st.integers(min_value=-30, max_value=40)


def _day(month: int) -> date:
    """The 15th of month ``month`` of a timeline that starts in January 2027."""
    year, month0 = divmod(month, 12)
    return date(2027 + year, month0 + 1, 15)


def _oracle_savings(
    t: Timeline, e: Decimal, i: Decimal, o: Decimal, fee: Decimal, mc: int, paid: int
) -> list[Decimal]:
    out = []
    with localcontext(CONTEXT):
        for m in range(t.horizon):
            s = Decimal(0)
            if m > paid:
                s += e
            if m > mc:
                s -= i
            if m == mc:
                s -= o + fee
            out.append(s)
    return out


def _oracle_years(t: Timeline, savings: list[Decimal]) -> dict[int, Decimal]:
    years = dict.fromkeys(t.years, Decimal(0))
    with localcontext(CONTEXT):
        for m, s in enumerate(savings):
            if s:
                years[t.year_of(m)] += s
    return years


@settings(max_examples=150, deadline=None)
@given(
    amount=st.sampled_from(["1000000", "47677000", "1234567.891234567891", "3", "0"]),
    per=st.sampled_from(["month", "year"]),
    rate=st.sampled_from(["0", "0.06", "0.1234"]),
    per_system=st.sampled_from(["0", "510000", "333333.333333333333"]),
    effort=st.sampled_from([0, 8, "12.5"]),
    cutover=MONTHS,
    contract=st.none() | MONTHS,
    fee=st.none() | st.sampled_from(["7946000", "0.000000000001"]),
    horizon=st.sampled_from([24, 60]),
)
def test_runs_give_the_month_by_month_money(
    amount: str,
    per: str,
    rate: str,
    per_system: str,
    effort: int | str,
    cutover: int,
    contract: int | None,
    fee: str | None,
    horizon: int,
) -> None:
    """Savings, NPV, years, running cost and monthly sums equal money.md's month-by-month ones."""
    dc = make_datacenter(horizon_months=horizon, discount_rate=rate, per_system=per_system)
    t = Timeline.of(dc)
    system = make_system(
        amount=amount,
        per=per,
        effort_days=effort,
        contract_end=None if contract is None else _day(contract).isoformat(),
        termination_fee=fee,
    )
    item = item_of(system, dc)
    c = cash(item, _day(cutover), t)
    assert c.paid_through is not None and c.cutover_month is not None
    savings = _oracle_savings(
        t, c.external, c.internal, c.one_time, c.fee, c.cutover_month, c.paid_through
    )
    assert list(c.savings) == savings
    assert [str(s) for s in c.savings] == [str(s) for s in savings]
    assert c.npv == t.npv(savings)
    assert [(a, b) for a, b, _ in c.runs] == sorted((a, b) for a, b, _ in c.runs)
    assert [m for a, b, _ in c.runs for m in range(a, b)] == [m for m, s in enumerate(savings) if s]
    assert t.by_year(c.runs) == _oracle_years(t, savings)
    running = dict.fromkeys(t.years, Decimal(0))
    with localcontext(CONTEXT):
        for m in range(max(c.cutover_month + 1, 0), t.horizon):
            running[t.year_of(m)] += c.internal
    if c.cutover_month + 1 >= 0:
        assert running_by_year(c, t) == {str(y): whole(v) for y, v in running.items()}
    row = [Decimal("0.1")] * t.horizon
    expected = list(row)
    accumulate(row, c.runs)
    with localcontext(CONTEXT):
        for m, s in enumerate(savings):
            if s:
                expected[m] += s
    assert row == expected
