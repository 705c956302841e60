"""The money engine against money.md, one test per rule, with the arithmetic shown by hand.

Every docstring works its case out step by step so that a finance reviewer can check it with a
calculator. Unless a test says otherwise the Data Center file of these tests is:

- ``schedule.start`` 2027-01-04, so month 0 is January 2027;
- ``horizon_months`` 24 (January 2027 … December 2028);
- ``discount_rate`` "0" (every discount factor is 1, so NPV = the plain sum of the savings);
- ``labour_cost_per_day`` Rp1,000,000;
- running cost 0 per vCPU, GB of RAM, GB of storage and system (so ``I`` = 0);
- default effort: rehost 8, replatform 20, refactor 60, repurchase 25, retire 3 person-days.

and a system costs Rp1,000,000 per month from a provider in ``indonesia``, is rehosted with
1 vCPU and no RAM or storage, with ``effort_days`` 0 (so ``O`` = 0) and no contract end.

Rp amounts are written with commas for thousands in the docstrings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import Any

import pytest

from migrasi.core.decimals import whole
from migrasi.core.models import DataCenter, System
from migrasi.core.money import Cash, Timeline, cash, figures, payback_month, running_by_year
from migrasi.core.plandoc import MoneyDoc
from migrasi.core.programme import Item, make_item

Num = int | str
"""A number as a test writes it; strings keep decimals exact (``"0.06"``, ``"2.5"``)."""

START = "2027-01-04"


def dec(value: Num) -> Decimal:
    """The exact decimal of ``value`` (never through binary floating point)."""
    return Decimal(str(value))


def make_datacenter(
    *,
    start: str = START,
    horizon_months: int = 24,
    discount_rate: str = "0",
    labour_cost_per_day: Num = 1_000_000,
    running_currency: str = "IDR",
    per_vcpu: Num = 0,
    per_ram_gb: Num = 0,
    per_storage_gb: Num = 0,
    per_system: Num = 0,
    fx: dict[str, Num] | None = None,
) -> DataCenter:
    """A data-center file with only the settings the money engine reads made explicit."""
    return DataCenter.model_validate(
        {
            "schema": "migrasi/datacenter/v1",
            "name": "Pusat Data Uji",
            "capacity": {"vcpu": 640, "ram_gb": dec(2560), "storage_gb": dec(300_000)},
            "running_cost": {
                "currency": running_currency,
                "per_vcpu": dec(per_vcpu),
                "per_ram_gb": dec(per_ram_gb),
                "per_storage_gb": dec(per_storage_gb),
                "per_system": dec(per_system),
            },
            "schedule": {
                "start": start,
                "wave_weeks": 4,
                "waves": 18,
                "team_days": dec(90),
                "link_mbps": dec(1000),
                "transfer_hours": dec(36),
            },
            "effort_days": {
                "rehost": dec(8),
                "replatform": dec(20),
                "refactor": dec(60),
                "repurchase": dec(25),
                "retire": dec(3),
            },
            "finance": {
                "horizon_months": horizon_months,
                "discount_rate": discount_rate,
                "labour_cost_per_day": dec(labour_cost_per_day),
                "fx": {code: dec(rate) for code, rate in (fx or {}).items()},
            },
        }
    )


def make_system(
    *,
    amount: Num = 1_000_000,
    per: str = "month",
    currency: str = "IDR",
    contract_end: str | None = None,
    termination_fee: Num | None = None,
    strategy: str = "rehost",
    vcpu: int | None = 1,
    ram_gb: Num = 0,
    storage_gb: Num = 0,
    effort_days: Num | None = 0,
    location: str = "indonesia",
) -> System:
    """One inventory system; ``vcpu=None`` leaves ``resources`` out, ``effort_days=None`` too."""
    cost: dict[str, object] = {"amount": str(amount), "per": per, "currency": currency}
    if contract_end is not None:
        cost["contract_end"] = contract_end
    if termination_fee is not None:
        cost["termination_fee"] = str(termination_fee)
    migration: dict[str, object] = {"strategy": strategy}
    if effort_days is not None:
        migration["effort_days"] = dec(effort_days)
    data: dict[str, object] = {
        "id": "sistem-uji",
        "name": "Sistem Uji",
        "owner": "Diskominfo",
        "criticality": "rendah",
        "classification": "publik",
        "hosting": {"provider": "PT Awan", "type": "vps", "location": location},
        "cost": cost,
        "migration": migration,
    }
    if vcpu is not None:
        data["resources"] = {"vcpu": vcpu, "ram_gb": dec(ram_gb), "storage_gb": dec(storage_gb)}
    return System.model_validate(data)


def item_of(system: System, dc: DataCenter) -> Item:
    """The system as the programme builds it."""
    return make_item("kota-uji.yaml", "kota-uji", 0, system, dc)


@dataclass(frozen=True)
class Figures:
    """A system's rounded figures as these tests read them: years as numbers, and what the
    Data Center spends on it by year."""

    money: MoneyDoc
    by_year: dict[int, int]
    dc_by_year: dict[int, int]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.money, name)


def run(system: System, dc: DataCenter, cutover: str | None) -> tuple[Cash, Figures]:
    """The exact money and the rounded figures of ``system`` cut over on ``cutover``.

    Like the planner, the figures are ``counted`` only for a planned system with a cutover.
    """
    t = Timeline.of(dc)
    item = item_of(system, dc)
    day = date.fromisoformat(cutover) if cutover is not None else None
    c = cash(item, day, t)
    counted = day is not None and item.planned
    money = figures(item, c, t, counted=counted)
    running = running_by_year(c, t) if counted else dict.fromkeys(money.by_year, 0)
    return c, Figures(
        money,
        {int(y): v for y, v in money.by_year.items()},
        {int(y): v for y, v in running.items()},
    )


def months(*runs: tuple[int, Num]) -> tuple[Decimal, ...]:
    """Savings month by month, written as runs: ``(3, 600_000)`` is 3 months of Rp600,000."""
    return tuple(dec(value) for count, value in runs for _ in range(count))


# --- Arithmetic -------------------------------------------------------------------------------


def test_arithmetic_is_decimal_with_28_digits_rounding_half_even() -> None:
    """All arithmetic is decimal: 28 significant digits, ROUND_HALF_EVEN inside computations.

    Rp100 per year: E = 100 / 12 = 8.333… kept to 28 significant digits:
    8.333333333333333333333333333 (one 8 and 27 threes), not a binary float.

    USD 10.000000000001 per month at Rp100000000000000.5 per USD (both within the limits of
    inputs: at most 10^15 and 12 decimal places): the exact E is
    1000000000000105.0000000000005, which has 29 significant digits. Kept to 28:
    1000000000000105.000000000000|5 — the cut is exactly half; half-even keeps the even digit 0
    (half-up would give …0001): E = 1000000000000105.000000000000.
    """
    dc = make_datacenter(fx={"USD": "100000000000000.5"})
    tenth = item_of(make_system(amount=100, per="year"), dc)
    assert tenth.external == Decimal("8.333333333333333333333333333")
    assert isinstance(tenth.external, Decimal)
    half = item_of(make_system(amount="10.000000000001", currency="USD"), dc)
    assert half.external == Decimal("1000000000000105.000000000000")


def test_e_and_i_are_computed_at_28_digits_whatever_the_callers_context() -> None:
    """The 28 digits are money.md's, not whatever decimal context the caller has set.

    Rp100 per year under a caller's context of 6 digits must still give
    E = 100 / 12 = 8.333333333333333333333333333 (28 digits), not 8.33333.
    """
    dc = make_datacenter()
    with localcontext(Context(prec=6, rounding=ROUND_HALF_EVEN)):
        item = item_of(make_system(amount=100, per="year"), dc)
    assert item.external == Decimal("8.333333333333333333333333333")


def test_figures_do_not_depend_on_the_callers_decimal_context() -> None:
    """The rounding of figures does not depend on the caller's decimal context.

    E = 1,234,567; baseline = 1,234,567 × 24 = 29,629,608 (8 digits). Computed under a caller's
    6-digit context the figures must be the same as under the default context.
    """
    dc = make_datacenter()
    t = Timeline.of(dc)
    item = item_of(make_system(amount=1_234_567), dc)
    c = cash(item, date(2027, 3, 28), t)
    expected = figures(item, c, t, True)
    assert expected.baseline == 29_629_608
    with localcontext(Context(prec=6, rounding=ROUND_HALF_EVEN)):
        shown = figures(item, c, t, True)
    assert shown == expected


# --- Timeline ---------------------------------------------------------------------------------


def test_month_of_a_day_is_its_index_on_the_timeline() -> None:
    """Month 0 holds schedule.start; a day's month is its index on the timeline.

    month of d = 12·(d.year − start.year) + (d.month − start.month).
    start 2027-01-04, horizon 60:
    - 2027-01-01 → 12·0 + (1 − 1) = 0 (before the start day, but in its calendar month);
    - 2027-12-31 → 12·0 + (12 − 1) = 11;
    - 2028-01-01 → 12·1 + (1 − 1) = 12;
    - 2031-12-31 → 12·4 + (12 − 1) = 59, the last month of the horizon (0 … 60 − 1);
    - 2032-01-01 → 12·5 + 0 = 60, outside the horizon.
    Month 59 is labelled 2031-12; the horizon touches the years 2027 … 2031.
    """
    t = Timeline.of(make_datacenter(horizon_months=60))
    assert t.month(date(2027, 1, 1)) == 0
    assert t.month(date(2027, 12, 31)) == 11
    assert t.month(date(2028, 1, 1)) == 12
    assert t.month(date(2031, 12, 31)) == 59
    assert t.month(date(2032, 1, 1)) == 60
    assert (t.label(0), t.label(59)) == ("2027-01", "2031-12")
    assert t.years == (2027, 2028, 2029, 2030, 2031)


# --- One system: E, I, O ----------------------------------------------------------------------


def test_yearly_price_is_divided_by_12() -> None:
    """E for ``per: year`` is the amount divided by 12.

    Rp1,200,000 per year → E = 1,200,000 / 12 = Rp100,000 per month.
    Baseline = 100,000 × 24 months = Rp2,400,000.
    """
    c, f = run(make_system(amount=1_200_000, per="year"), make_datacenter(), "2027-03-28")
    assert c.external == Decimal(100_000)
    assert f.external_monthly == 100_000
    assert f.baseline == 2_400_000


def test_foreign_price_is_multiplied_by_the_fx_rate_before_anything_else() -> None:
    """A foreign amount is multiplied by its finance.fx rate first, then divided by 12.

    fx USD = 16,500.
    - USD 120 per year: 120 × 16,500 = Rp1,980,000 per year; / 12 = Rp165,000 per month.
    - USD 1 per year: 1 × 16,500 = 16,500; / 12 = Rp1,375 exactly. Dividing first would give
      1 / 12 = 0.08333…(28 digits) × 16,500 = 1,374.99999…, not 1,375.
    - The termination fee is in the same currency: USD 10 × 16,500 = Rp165,000. Cut over
      2027-03-28 (month 2) with the contract to 2027-08-31 (month 7), waiting costs 5 months ×
      165,000 = 825,000 > 165,000, so it ends early and reports a fee of Rp165,000.
    """
    dc = make_datacenter(fx={"USD": 16_500})
    system = make_system(
        amount=120,
        per="year",
        currency="USD",
        contract_end="2027-08-31",
        termination_fee=10,
    )
    c, f = run(system, dc, "2027-03-28")
    assert c.external == Decimal(165_000)
    assert f.external_monthly == 165_000
    assert c.end_early
    assert c.fee == Decimal(165_000)
    assert f.termination_fee == 165_000
    one = item_of(make_system(amount=1, per="year", currency="USD"), dc)
    assert one.external == Decimal(1375)


@pytest.mark.parametrize(
    ("currency", "prices", "expected"),
    [
        ("IDR", (110_000, 25_000, 900, 350_000), 1_640_000),
        ("USD", (2, 1, "0.01", 10), 643_500),
    ],
)
def test_running_cost_is_resources_times_unit_prices_plus_per_system(
    currency: str, prices: tuple[Num, Num, Num, Num], expected: int
) -> None:
    """I = vcpu·per_vcpu + ram_gb·per_ram_gb + storage_gb·per_storage_gb + per_system (× rate).

    The system needs 4 vCPU, 16 GB RAM, 500 GB storage.
    - IDR prices: 4 × 110,000 + 16 × 25,000 + 500 × 900 + 350,000
      = 440,000 + 400,000 + 450,000 + 350,000 = Rp1,640,000 per month.
    - USD prices at fx 16,500: 4 × 2 + 16 × 1 + 500 × 0.01 + 10 = 8 + 16 + 5 + 10 = USD 39;
      39 × 16,500 = Rp643,500 per month.
    """
    per_vcpu, per_ram_gb, per_storage_gb, per_system = prices
    dc = make_datacenter(
        running_currency=currency,
        per_vcpu=per_vcpu,
        per_ram_gb=per_ram_gb,
        per_storage_gb=per_storage_gb,
        per_system=per_system,
        fx={"USD": 16_500},
    )
    c, f = run(make_system(vcpu=4, ram_gb=16, storage_gb=500), dc, "2027-03-28")
    assert c.internal == Decimal(expected)
    assert f.internal_monthly == expected


def test_retired_system_has_no_running_cost_only_its_effort() -> None:
    """I = 0 for a retired system, even with resources written; it costs only its effort.

    Running cost as in the IDR case above (4 vCPU/16 GB/500 GB would cost Rp1,640,000), but the
    system is retired: I = 0. No effort_days given → the default for retire, 3 person-days;
    O = 3 × 1,500,000 = Rp4,500,000. E = Rp2,000,000; cut over 2027-03-28 (month 2).
    - months 0–1: baseline 2,000,000 − plan 2,000,000 = 0;
    - month 2: 2,000,000 − (2,000,000 + O 4,500,000) = −4,500,000;
    - months 3–23 (21 months): 2,000,000 − 0 = 2,000,000 each → 42,000,000.
    Net = −4,500,000 + 42,000,000 = Rp37,500,000; by year 2027: −4,500,000 + 9 × 2,000,000 =
    13,500,000, 2028: 12 × 2,000,000 = 24,000,000. Monthly saving E − I = 2,000,000 − 0.
    The Data Center spends nothing on it in any year.
    """
    dc = make_datacenter(
        labour_cost_per_day=1_500_000,
        per_vcpu=110_000,
        per_ram_gb=25_000,
        per_storage_gb=900,
        per_system=350_000,
    )
    system = make_system(
        amount=2_000_000, strategy="retire", vcpu=4, ram_gb=16, storage_gb=500, effort_days=None
    )
    c, f = run(system, dc, "2027-03-28")
    assert c.internal == 0
    assert c.one_time == Decimal(4_500_000)
    assert c.savings == months((2, 0), (1, -4_500_000), (21, 2_000_000))
    assert f.internal_monthly == 0
    assert f.monthly_saving == 2_000_000
    assert f.one_time == 4_500_000
    assert f.by_year == {2027: 13_500_000, 2028: 24_000_000}
    assert f.net_savings == 37_500_000
    assert f.dc_by_year == {2027: 0, 2028: 0}


@pytest.mark.parametrize(
    ("strategy", "effort_days", "expected"),
    [
        ("rehost", None, 12_000_000),
        ("replatform", None, 30_000_000),
        ("refactor", None, 90_000_000),
        ("repurchase", None, 37_500_000),
        ("retire", None, 4_500_000),
        ("rehost", "2.5", 3_750_000),
    ],
)
def test_one_time_cost_is_effort_days_times_labour_cost(
    strategy: str, effort_days: str | None, expected: int
) -> None:
    """O = effort_days · labour_cost_per_day, spent in the cutover month.

    Labour Rp1,500,000 per person-day. Without effort_days the data-center file's default for
    the strategy applies:
    - rehost 8 × 1,500,000 = 12,000,000;   replatform 20 × 1,500,000 = 30,000,000;
    - refactor 60 × 1,500,000 = 90,000,000; repurchase 25 × 1,500,000 = 37,500,000;
    - retire 3 × 1,500,000 = 4,500,000;
    - an explicit effort_days 2.5 wins over the default: 2.5 × 1,500,000 = 3,750,000.
    Cut over 2027-01-31 (month 0), the provider is still paid that month and the Data Center
    not yet, so the saving of month 0 is exactly −O.
    """
    dc = make_datacenter(labour_cost_per_day=1_500_000)
    vcpu = None if strategy == "retire" else 1
    system = make_system(strategy=strategy, effort_days=effort_days, vcpu=vcpu)
    c, f = run(system, dc, "2027-01-31")
    assert c.one_time == Decimal(expected)
    assert c.savings[0] == -Decimal(expected)
    assert f.one_time == expected


# --- With the plan, month by month ------------------------------------------------------------


@pytest.mark.parametrize(
    ("contract_end", "termination_fee"),
    [
        (None, None),
        ("2027-02-28", 9_999),
        ("2027-03-28", 9_999),
        ("2027-03-31", 9_999),
    ],
    ids=["no-contract-end", "ended-before-cutover", "ends-on-cutover-day", "ends-in-cutover-month"],
)
def test_provider_paid_through_cutover_month_data_center_after_it(
    contract_end: str | None, termination_fee: int | None
) -> None:
    """Provider paid through m_c, I in every month after m_c, O in m_c; saving = baseline − plan.

    E = 1,000,000, I = 400,000 (per_system), O = 2 days × 1,000,000 = 2,000,000; cut over
    2027-03-28 (m_c = 2). A contract that ended before the cutover, or that ends in the cutover
    month itself (on or after the cutover day), lets the provider go after m_c; no fee is paid.
    - months 0–1: 1,000,000 − 1,000,000 = 0;
    - month 2: 1,000,000 − (1,000,000 + 2,000,000) = −2,000,000;
    - months 3–23 (21 months): 1,000,000 − 400,000 = 600,000 each → 12,600,000.
    Net = 12,600,000 − 2,000,000 = 10,600,000.
    By year: 2027 = −2,000,000 + 9 × 600,000 (Apr–Dec) = 3,400,000; 2028 = 12 × 600,000 =
    7,200,000; 3,400,000 + 7,200,000 = 10,600,000. Monthly saving E − I = 600,000.
    The provider is no longer paid from month 3: first saving month 2027-04.
    """
    dc = make_datacenter(per_system=400_000)
    system = make_system(contract_end=contract_end, termination_fee=termination_fee, effort_days=2)
    c, f = run(system, dc, "2027-03-28")
    assert c.savings == months((2, 0), (1, -2_000_000), (21, 600_000))
    assert (c.paid_through, c.cutover_month, c.end_early, c.fee) == (2, 2, False, Decimal(0))
    assert (f.external_monthly, f.internal_monthly, f.monthly_saving) == (
        1_000_000,
        400_000,
        600_000,
    )
    assert f.one_time == 2_000_000
    assert f.termination_fee == 0
    assert f.by_year == {2027: 3_400_000, 2028: 7_200_000}
    assert f.net_savings == 10_600_000
    assert f.first_saving_month == "2027-04"


@pytest.mark.parametrize(
    ("fee", "ends_early", "npv", "first"),
    [
        (4_000_000, True, 8_600_000, "2027-04"),
        (5_000_000, False, 7_600_000, "2027-09"),
        (6_000_000, False, 7_600_000, "2027-09"),
    ],
    ids=["early-is-higher", "tie-waits", "wait-is-higher"],
)
def test_running_contract_with_fee_ends_early_only_when_its_npv_is_higher(
    fee: int, ends_early: bool, npv: int, first: str
) -> None:
    """contract_end ≥ c with a fee: wait or end early, whichever NPV is higher (wait on a tie).

    E = 1,000,000, I = 400,000, O = 0, discount rate 0 (NPV = plain sum); cut over 2027-03-28
    (m_c = 2), contract to 2027-08-31 (month 7).
    - wait: months 3–7 pay both, 1,000,000 − (1,000,000 + 400,000) = −400,000 × 5 = −2,000,000;
      months 8–23: 600,000 × 16 = 9,600,000; NPV = 7,600,000; first saving month 2027-09.
    - end early: fee in month 2; months 3–23: 600,000 × 21 = 12,600,000;
      NPV = 12,600,000 − fee; first saving month 2027-04.
    End early is higher when 12,600,000 − fee > 7,600,000, i.e. fee < 5,000,000 (5 months × E):
    - fee 4,000,000: 8,600,000 > 7,600,000 → end early, fee reported 4,000,000;
    - fee 5,000,000: 7,600,000 = 7,600,000, a tie → wait, fee reported 0;
    - fee 6,000,000: 6,600,000 < 7,600,000 → wait, fee reported 0.
    """
    dc = make_datacenter(per_system=400_000)
    system = make_system(contract_end="2027-08-31", termination_fee=fee)
    c, f = run(system, dc, "2027-03-28")
    if ends_early:
        assert c.savings == months((2, 0), (1, -fee), (21, 600_000))
        assert (c.paid_through, c.fee) == (2, Decimal(fee))
        assert f.termination_fee == fee
    else:
        assert c.savings == months((3, 0), (5, -400_000), (16, 600_000))
        assert (c.paid_through, c.fee) == (7, Decimal(0))
        assert f.termination_fee == 0
    assert c.end_early is ends_early
    assert f.npv == npv
    assert f.net_savings == npv
    assert f.first_saving_month == first


def test_choice_to_end_early_follows_npv_not_the_plain_sum() -> None:
    """'Whichever gives the system the higher NPV': discounting can make waiting better.

    As the case above with fee 4,990,000 and discount rate 0.06. Plain sums: end early
    12,600,000 − 4,990,000 = 7,610,000 beats wait 7,600,000 by 10,000. But the two differ only in
    months 2–7, discounted by 1.06^(m/12):
    - end early pays the fee in month 2: 4,990,000 / 1.009758794… = 4,941,774.24;
    - waiting pays E = 1,000,000 in months 3–7:
      1,000,000 / 1.014673846… = 985,538.36   1,000,000 / 1.019612822… = 980,764.44
      1,000,000 / 1.024575839… = 976,013.65   1,000,000 / 1.029563014… = 971,285.86
      1,000,000 / 1.034574464… = 966,580.98   total 4,880,183.29.
    End early changes the NPV by 4,880,183.29 − 4,941,774.24 = −61,590.95 → wait.
    """
    dc = make_datacenter(per_system=400_000, discount_rate="0.06")
    system = make_system(contract_end="2027-08-31", termination_fee=4_990_000)
    c, f = run(system, dc, "2027-03-28")
    assert not c.end_early
    assert c.fee == 0
    assert f.net_savings == 7_600_000
    early = months((2, 0), (1, -4_990_000), (21, 600_000))
    assert sum(early) == Decimal(7_610_000)
    t = Timeline.of(dc)
    assert (t.npv(early) - c.npv).quantize(Decimal("0.01")) == Decimal("-61590.95")


def test_running_contract_without_fee_waits() -> None:
    """contract_end ≥ c and no termination_fee: the contract cannot be ended early, so wait.

    E = 1,000,000, I = 400,000, O = 0; cut over 2027-03-28 (m_c = 2), contract to 2027-08-31
    (month 7). The provider is paid through month 7:
    - months 0–2: 0;
    - months 3–7 (5 months): 1,000,000 − (1,000,000 + 400,000) = −400,000 each → −2,000,000;
    - months 8–23 (16 months): 600,000 each → 9,600,000.
    Net = 7,600,000 (2027: −2,000,000 + 4 × 600,000 = 400,000; 2028: 7,200,000).
    First saving month 2027-09; fee 0.
    """
    dc = make_datacenter(per_system=400_000)
    c, f = run(make_system(contract_end="2027-08-31"), dc, "2027-03-28")
    assert c.savings == months((3, 0), (5, -400_000), (16, 600_000))
    assert (c.paid_through, c.end_early, c.fee) == (7, False, Decimal(0))
    assert f.by_year == {2027: 400_000, 2028: 7_200_000}
    assert f.net_savings == 7_600_000
    assert f.termination_fee == 0
    assert f.first_saving_month == "2027-09"


@pytest.mark.parametrize(
    ("strategy", "vcpu"), [("retain", None), ("rehost", 1)], ids=["retained", "unscheduled"]
)
def test_retained_and_unscheduled_systems_save_nothing(strategy: str, vcpu: int | None) -> None:
    """The saving is zero in every month for retained and unscheduled systems.

    E = 4,500,000, horizon 60 months (2027–2031), no cutover: every month's saving is 0, so
    every year, net savings, NPV, one-time cost, fee and kept-in-Jambi are 0 and there is no
    first saving month. The baseline is still E × 60 = 4,500,000 × 60 = 270,000,000.
    """
    dc = make_datacenter(horizon_months=60, per_system=400_000)
    c, f = run(make_system(amount=4_500_000, strategy=strategy, vcpu=vcpu), dc, None)
    assert c.savings == months((60, 0))
    assert f.by_year == dict.fromkeys(range(2027, 2032), 0)
    assert (f.net_savings, f.npv, f.one_time, f.termination_fee, f.kept_in_jambi) == (0,) * 5
    assert f.first_saving_month is None
    assert f.baseline == 270_000_000


# --- Figures ----------------------------------------------------------------------------------


def test_december_cutover_splits_the_years() -> None:
    """Savings in year Y are the savings of Y's months: a December cutover splits them.

    E = 1,000,000, I = 400,000, O = 3 days × 1,000,000 = 3,000,000; cut over 2027-12-26
    (m_c = 11, December 2027).
    - 2027: months 0–10 save 0; December (month 11) pays the provider and O: −3,000,000.
      Year 2027 = −3,000,000.
    - 2028: January (month 12) is the first month without the provider:
      12 × (1,000,000 − 400,000) = 7,200,000.
    Net = −3,000,000 + 7,200,000 = 4,200,000; first saving month 2028-01.
    Data Center running cost: 2027 = 0 (I starts after m_c), 2028 = 12 × 400,000 = 4,800,000.
    """
    dc = make_datacenter(per_system=400_000)
    c, f = run(make_system(effort_days=3), dc, "2027-12-26")
    assert c.cutover_month == 11
    assert c.savings == months((11, 0), (1, -3_000_000), (12, 600_000))
    assert f.by_year == {2027: -3_000_000, 2028: 7_200_000}
    assert f.net_savings == 4_200_000
    assert f.first_saving_month == "2028-01"
    assert f.dc_by_year == {2027: 0, 2028: 4_800_000}


def test_every_calendar_year_the_horizon_touches_has_an_entry() -> None:
    """Every calendar year the horizon touches has an entry, 0 where nothing happens.

    start 2027-07-01, horizon 24: July 2027 … June 2029, so years 2027, 2028 and 2029.
    E = 1,000,000, I = 400,000, O = 0; cut over 2028-11-30: month 12·1 + (11 − 7) = 16.
    - 2027 (months 0–5): nothing happens → 0;
    - 2028: November (month 16) saves 0 (O = 0); December 600,000 → 600,000;
    - 2029: January–June, 6 × 600,000 = 3,600,000.
    """
    dc = make_datacenter(start="2027-07-01", per_system=400_000)
    c, f = run(make_system(), dc, "2028-11-30")
    assert c.cutover_month == 16
    assert f.by_year == {2027: 0, 2028: 600_000, 2029: 3_600_000}
    assert f.net_savings == 4_200_000


def test_data_center_running_cost_by_year_is_the_i_paid_in_that_year() -> None:
    """Data Center running cost in year Y: the I paid in the months of Y.

    I = 400,000; cut over 2027-09-26 (m_c = 8, September). I is paid in every month after m_c:
    - 2027: October–December, 3 × 400,000 = 1,200,000;
    - 2028: 12 × 400,000 = 4,800,000.
    """
    dc = make_datacenter(per_system=400_000)
    _, f = run(make_system(), dc, "2027-09-26")
    assert f.dc_by_year == {2027: 1_200_000, 2028: 4_800_000}


def test_system_costing_more_in_the_data_center_saves_a_negative_amount() -> None:
    """The saving may be negative: E − I < 0 gives a negative monthly saving and NPV.

    E = 300,000, I = 500,000, O = 1 day × 1,000,000 = 1,000,000; cut over 2027-01-31 (m_c 0).
    - month 0: 300,000 − (300,000 + 1,000,000) = −1,000,000;
    - months 1–23 (23 months): 300,000 − 500,000 = −200,000 each → −4,600,000.
    Net = −1,000,000 − 4,600,000 = −5,600,000 (2027: −1,000,000 − 11 × 200,000 = −3,200,000;
    2028: −12 × 200,000 = −2,400,000). Monthly saving −200,000; NPV (rate 0) −5,600,000.
    """
    dc = make_datacenter(per_system=500_000)
    c, f = run(make_system(amount=300_000, effort_days=1), dc, "2027-01-31")
    assert c.savings == months((1, -1_000_000), (23, -200_000))
    assert f.monthly_saving == -200_000
    assert f.by_year == {2027: -3_200_000, 2028: -2_400_000}
    assert f.net_savings == -5_600_000
    assert f.npv == -5_600_000
    assert f.npv < 0


def test_cutover_after_the_horizon_counts_nothing() -> None:
    """Anything outside the horizon is not counted: m_c ≥ horizon_months leaves nothing.

    Horizon 12 (January–December 2027); cut over 2028-01-30: m_c = 12 ≥ 12. O = 2,000,000 and
    every saving would fall in month 12 or later, so every month 0–11 saves 0: net, NPV,
    one-time cost, fee, kept in Jambi and the Data Center's cost are 0, and there is no first
    saving month. The baseline still counts: 1,000,000 × 12 = 12,000,000.
    """
    dc = make_datacenter(horizon_months=12, per_system=400_000)
    c, f = run(make_system(effort_days=2), dc, "2028-01-30")
    assert c.cutover_month == 12
    assert c.savings == months((12, 0))
    assert f.by_year == {2027: 0}
    assert (f.net_savings, f.npv, f.one_time, f.termination_fee, f.kept_in_jambi) == (0,) * 5
    assert f.dc_by_year == {2027: 0}
    assert f.first_saving_month is None
    assert f.baseline == 12_000_000


def test_cutover_in_the_last_month_counts_only_its_one_time_cost() -> None:
    """First saving month: none within the horizon when the provider is paid to its end.

    Horizon 12; cut over 2027-12-26: m_c = 11, the last month. O = 2,000,000 falls in month 11;
    the first month without the provider, month 12, is outside the horizon.
    Savings: months 0–10 = 0, month 11 = −2,000,000. Net = NPV = −2,000,000; no first saving
    month; the Data Center pays nothing within the horizon.
    """
    dc = make_datacenter(horizon_months=12, per_system=400_000)
    c, f = run(make_system(effort_days=2), dc, "2027-12-26")
    assert c.savings == months((11, 0), (1, -2_000_000))
    assert (f.net_savings, f.npv, f.one_time) == (-2_000_000, -2_000_000, 2_000_000)
    assert f.first_saving_month is None
    assert f.dc_by_year == {2027: 0}


@pytest.mark.parametrize(
    ("savings", "expected"),
    [
        (("-3", "1", "1", "1", "0"), "2027-04"),
        (("-2", "3", "-2", "2"), "2027-04"),
        (("-5", "1", "1"), None),
        (("1", "-2"), None),
        (("-0.4", "0.4"), "2027-02"),
        (("0", "0"), "2027-01"),
    ],
    ids=["reaches-zero", "dips-again", "never", "ends-below", "exact-not-rounded", "all-zero"],
)
def test_payback_month_is_where_the_cumulative_saving_turns_and_stays_non_negative(
    savings: tuple[str, ...], expected: str | None
) -> None:
    """Payback: the first month from which the cumulative saving is ≥ 0 and stays ≥ 0.

    Month 0 is January 2027. Cumulative sums:
    - −3, 1, 1, 1, 0 → −3, −2, −1, 0, 0: ≥ 0 from month 3 on → 2027-04;
    - −2, 3, −2, 2 → −2, 1, −1, 1: month 1 is ≥ 0 but month 2 dips; from month 3 → 2027-04;
    - −5, 1, 1 → −5, −4, −3: never ≥ 0 → none;
    - 1, −2 → 1, −1: ends below zero → none;
    - −0.4, 0.4 → −0.4, 0: exact, so month 1 → 2027-02 (rounding each month, −0.4 → 0, would
      wrongly say 2027-01);
    - 0, 0 → 0, 0: ≥ 0 from month 0 → 2027-01.
    """
    values = tuple(dec(s) for s in savings)
    t = Timeline(date(2027, 1, 4), len(values), Decimal(0), Decimal(0))
    assert payback_month(values, t) == expected


# --- Rounding ---------------------------------------------------------------------------------


def test_every_figure_is_rounded_once_half_up() -> None:
    """Each figure is rounded once, from its exact value, half-up: 2.5 → 3, −2.5 → −3.

    Horizon 1 month (January 2027); labour Rp5 per day; I = per_system 5.
    E = 2.5 → 3 (half-even would give 2); I = 5; E − I = 2.5 − 5 = −2.5 → −3 (not −2);
    O = 0.5 day × 5 = 2.5 → 3; baseline = 2.5 × 1 = 2.5 → 3.
    Cut over 2027-01-31 (month 0): saving = 2.5 − (2.5 + 2.5) = −2.5, so year 2027 = −2.5 → −3,
    NPV = −2.5 → −3, net = −3.
    """
    assert (whole(Decimal("2.5")), whole(Decimal("-2.5"))) == (3, -3)
    assert (whole(Decimal("0.5")), whole(Decimal("-0.5"))) == (1, -1)
    assert (whole(Decimal("2.4999")), whole(Decimal("-2.4999"))) == (2, -2)
    dc = make_datacenter(horizon_months=1, labour_cost_per_day=5, per_system=5)
    c, f = run(make_system(amount="2.5", effort_days="0.5"), dc, "2027-01-31")
    assert c.savings == months((1, "-2.5"))
    assert f.external_monthly == 3
    assert f.internal_monthly == 5
    assert f.monthly_saving == -3
    assert f.one_time == 3
    assert f.baseline == 3
    assert f.by_year == {2027: -3}
    assert f.npv == -3
    assert f.net_savings == -3


def test_net_savings_is_the_sum_of_the_rounded_years() -> None:
    """A system's net savings is the sum of its rounded years, not the rounded exact sum.

    Horizon 25 (January 2027 … January 2029); E = Rp1,000,000.50, I = 0, O = 0; cut over
    2027-11-28 (m_c = 10). Months 11–24 (14 months) save 1,000,000.50 each.
    - 2027 (December): 1,000,000.50 → 1,000,001;
    - 2028: 12 × 1,000,000.50 = 12,000,006 → 12,000,006;
    - 2029 (January): 1,000,000.50 → 1,000,001.
    Net = 1,000,001 + 12,000,006 + 1,000,001 = 14,000,008, whereas the exact sum
    14 × 1,000,000.50 = 14,000,007 would round to 14,000,007. The NPV (rate 0) is rounded once
    from its exact value: 14,000,007.
    """
    dc = make_datacenter(horizon_months=25)
    c, f = run(make_system(amount="1000000.50"), dc, "2027-11-28")
    assert c.savings == months((11, 0), (14, "1000000.50"))
    assert f.by_year == {2027: 1_000_001, 2028: 12_000_006, 2029: 1_000_001}
    assert f.net_savings == 14_000_008
    assert whole(sum(c.savings, Decimal(0))) == 14_000_007
    assert f.npv == 14_000_007


# --- Kept in Jambi ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "fee", "expected"),
    [
        ("indonesia", 4_000_000, 17_000_000),
        ("overseas", 4_000_000, 17_000_000),
        ("indonesia", None, 16_000_000),
        ("jambi", 4_000_000, 0),
    ],
    ids=["indonesia-ends-early", "overseas-ends-early", "indonesia-waits", "jambi"],
)
def test_kept_in_jambi_is_provider_payments_avoided_less_the_fee(
    location: str, fee: int | None, expected: int
) -> None:
    """Kept in Jambi: for hosting outside jambi, provider payments avoided less the fee paid.

    E = 1,000,000, I = 400,000, O = 2,000,000; cut over 2027-03-28 (m_c = 2), contract to
    2027-08-31 (month 7), horizon 24.
    - fee 4,000,000 < 5 months × 1,000,000 → ends early; the provider is not paid in months
      3–23: 21 × 1,000,000 = 21,000,000 avoided, less the fee 4,000,000 = 17,000,000
      (the same for indonesia and overseas);
    - no fee → waits; not paid in months 8–23: 16 × 1,000,000 = 16,000,000, no fee;
    - hosting in jambi: the money already stays in the province → 0.
    """
    dc = make_datacenter(per_system=400_000)
    system = make_system(
        contract_end="2027-08-31", termination_fee=fee, location=location, effort_days=2
    )
    _, f = run(system, dc, "2027-03-28")
    assert f.kept_in_jambi == expected


# --- NPV --------------------------------------------------------------------------------------


def test_npv_with_zero_discount_rate_equals_net_savings() -> None:
    """NPV = Σ saving_m / (1 + 0) ** (m / 12) = Σ saving_m when the discount rate is 0.

    The December case: savings −3,000,000 in month 11 and 600,000 in months 12–23;
    every divisor is 1, so NPV = −3,000,000 + 12 × 600,000 = 4,200,000 = net savings.
    """
    dc = make_datacenter(per_system=400_000, discount_rate="0")
    c, f = run(make_system(effort_days=3), dc, "2027-12-26")
    assert c.npv == Decimal(4_200_000)
    assert f.npv == f.net_savings == 4_200_000


@pytest.mark.parametrize(
    ("horizon", "cutover", "amount", "month"),
    [(13, "2027-12-26", 1_060_000, 12), (25, "2028-12-26", 1_123_600, 24)],
    ids=["month-12", "month-24"],
)
def test_npv_discounts_month_m_by_rate_to_the_power_m_over_12(
    horizon: int, cutover: str, amount: int, month: int
) -> None:
    """NPV = Σ saving_m / (1 + discount_rate) ** (Decimal(m) / 12), rate 0.06.

    I = 0, O = 0, so the only saving is E in the one month after the cutover that is still in
    the horizon:
    - horizon 13, cut over 2027-12-26 (m_c 11): one saving of 1,060,000 in month 12;
      divisor 1.06^(12/12) = 1.06; NPV = 1,060,000 / 1.06 = 1,000,000 exactly.
    - horizon 25, cut over 2028-12-26 (m_c 23): one saving of 1,123,600 in month 24;
      divisor 1.06^(24/12) = 1.06² = 1.1236; NPV = 1,123,600 / 1.1236 = 1,000,000 exactly.
    Net savings is the undiscounted amount.
    """
    dc = make_datacenter(horizon_months=horizon, discount_rate="0.06")
    c, f = run(make_system(amount=amount), dc, cutover)
    assert c.savings == months((month, 0), (1, amount))
    assert c.npv == Decimal(1_000_000)
    assert f.npv == 1_000_000
    assert f.net_savings == amount


# --- Baseline ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("strategy", "vcpu", "cutover"),
    [("rehost", 1, "2027-03-28"), ("retain", None, None)],
    ids=["moved", "retained"],
)
def test_baseline_is_e_times_the_horizon_months(
    strategy: str, vcpu: int | None, cutover: str | None
) -> None:
    """Baseline = E × horizon months, rounded once from the exact value, for every system.

    Rp1,000,000 per year: E = 1,000,000 / 12 = 83,333.333… (shown as 83,333).
    Baseline = 83,333.333… × 24 = 2,000,000 exactly — not 83,333 × 24 = 1,999,992.
    The same for a moved system and a retained one (the plan does not change the baseline).
    """
    dc = make_datacenter()
    _, f = run(make_system(amount=1_000_000, per="year", strategy=strategy, vcpu=vcpu), dc, cutover)
    assert f.external_monthly == 83_333
    assert f.baseline == 2_000_000
