"""The independent money model of tests/plancheck against examples worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from migrasi.api import validate
from tests.plancheck.money import Costs, Member, Timeline, outcome, payback_month, totals
from tests.plancheck.programme import Programme

START = date(2027, 1, 4)  # month 0 is 2027-01


def line(horizon: int, rate: str = "0") -> Timeline:
    """A timeline from 2027-01 over ``horizon`` months."""
    return Timeline.build(START, horizon, Decimal(rate), Decimal(100000))


def costs(
    external: str,
    internal: str = "0",
    one_time: str = "0",
    *,
    fee: str | None = None,
    end: date | None = None,
    outside: bool = True,
) -> Costs:
    """Exact E, I, O and fee of one system."""
    return Costs(
        external=Decimal(external),
        internal=Decimal(internal),
        one_time=Decimal(one_time),
        fee=None if fee is None else Decimal(fee),
        contract_end=end,
        outside_jambi=outside,
    )


def figures(tl: Timeline, c: Costs, cutover: date | None) -> dict[str, object]:
    """The rounded money block of one system."""
    return outcome(tl, c, cutover).figures(tl)


CONTRACT = ("1000000", "400000", "2000000")  # E, I, O


def test_contract_running_past_cutover_without_fee_waits() -> None:
    """Cutover 2027-03-28 (m_c = 2), contract to 2027-06-30 (month 5), no fee: wait.

    m2: −O = −2,000,000; m3..m5 pay both: 3 × −I = −1,200,000;
    m6..m11: 6 × (E − I) = 6 × 600,000 = 3,600,000; net = NPV (rate 0) = 400,000.
    Kept in Jambi: 6 months × 1,000,000 = 6,000,000; first saving month 2027-07.
    """
    tl = line(12)
    o = outcome(tl, costs(*CONTRACT, end=date(2027, 6, 30)), date(2027, 3, 28))
    f = o.figures(tl)
    assert not o.end_early
    assert f["npv"] == f["net_savings"] == 400000
    assert f["by_year"] == {"2027": 400000}
    assert f["kept_in_jambi"] == 6000000
    assert f["first_saving_month"] == "2027-07"
    assert f["termination_fee"] == 0
    assert f["one_time"] == 2000000
    assert f["monthly_saving"] == 600000


def test_contract_running_past_cutover_with_fee_ends_early() -> None:
    """Same contract with a fee of 500,000: ending early is worth more.

    End early: m2: −O − fee = −2,500,000; m3..m11: 9 × 600,000 = 5,400,000;
    net 2,900,000 > 400,000 (wait), so the fee is paid.
    Kept in Jambi: 9 × 1,000,000 − 500,000 = 8,500,000; first saving month 2027-04.
    """
    tl = line(12)
    o = outcome(tl, costs(*CONTRACT, fee="500000", end=date(2027, 6, 30)), date(2027, 3, 28))
    f = o.figures(tl)
    assert o.end_early
    assert f["npv"] == f["net_savings"] == 2900000
    assert f["termination_fee"] == 500000
    assert f["kept_in_jambi"] == 8500000
    assert f["first_saving_month"] == "2027-04"


def test_fee_that_ties_waits() -> None:
    """A fee of 3,000,000: ending early gives −5,000,000 + 5,400,000 = 400,000, the same as wait.

    On a tie the system waits: no fee, paid through 2027-06, net 400,000.
    """
    tl = line(12)
    o = outcome(tl, costs(*CONTRACT, fee="3000000", end=date(2027, 6, 30)), date(2027, 3, 28))
    assert not o.end_early
    f = o.figures(tl)
    assert f["npv"] == 400000
    assert f["termination_fee"] == 0
    assert f["first_saving_month"] == "2027-07"


def test_contract_ending_before_cutover_is_ignored() -> None:
    """contract_end 2027-03-27 < cutover 2027-03-28: provider paid through m_c only.

    m2: −2,000,000; m3..m11: 9 × 600,000 = 5,400,000; net 3,400,000; no fee, even if one is set.
    """
    tl = line(12)
    c = costs(*CONTRACT, fee="500000", end=date(2027, 3, 27))
    o = outcome(tl, c, date(2027, 3, 28))
    assert not o.end_early
    assert o.figures(tl)["npv"] == 3400000


def test_contract_ending_on_cutover_day_runs_but_ends_in_that_month() -> None:
    """contract_end = cutover day: it still runs (≥), but ends in month m_c: waiting costs nothing.

    Wait: net 3,400,000 (as if no contract); end early: 3,400,000 − 500,000; wait wins.
    """
    tl = line(12)
    c = costs(*CONTRACT, fee="500000", end=date(2027, 3, 28))
    o = outcome(tl, c, date(2027, 3, 28))
    assert not o.end_early
    assert o.figures(tl)["npv"] == 3400000


def test_december_cutover_splits_the_years() -> None:
    """Cutover 2027-12-26 (m_c = 11), horizon 24, E 1,000,000, I 400,000, O 1,500,000.

    2027: only m11's −O = −1,500,000; 2028: 12 × 600,000 = 7,200,000; net 5,700,000;
    first saving month 2028-01; Data Center running cost 2027: 0, 2028: 12 × 400,000.
    """
    tl = line(24)
    o = outcome(tl, costs("1000000", "400000", "1500000"), date(2027, 12, 26))
    f = o.figures(tl)
    assert f["by_year"] == {"2027": -1500000, "2028": 7200000}
    assert f["net_savings"] == 5700000
    assert f["first_saving_month"] == "2028-01"
    assert o.dc_by_year(tl) == {"2027": 0, "2028": 4800000}


def test_discounting_a_saving_one_year_out() -> None:
    """Rate 0.12, horizon 13, cutover 2027-12-26: the only saving is in m12 (2028-01).

    E 1,120,000, I 0, O 0: NPV = 1,120,000 / 1.12 ** (12 / 12) = 1,000,000 exactly.
    """
    tl = line(13, "0.12")
    f = figures(tl, costs("1120000"), date(2027, 12, 26))
    assert f["npv"] == 1000000
    assert f["by_year"] == {"2027": 0, "2028": 1120000}


def test_discount_factor_of_a_fractional_year() -> None:
    """Rate 0.21, one saving of 1,100,000 in m6: 1.21 ** (6 / 12) = 1.1, so NPV = 1,000,000."""
    tl = line(7, "0.21")
    f = figures(tl, costs("1100000"), date(2027, 6, 27))  # m_c = 5, first saving m6
    assert f["npv"] == 1000000


def test_rounding_is_half_up_away_from_zero() -> None:
    """E 0, I 2.5: monthly saving −2.5 → −3; horizon 2, cutover m0: m1 saves −2.5 → −3.

    And E 2.5 alone: external_monthly 2.5 → 3, baseline 2 × 2.5 = 5.
    """
    tl = line(2)
    f = figures(tl, costs("0", "2.5"), date(2027, 1, 31))
    assert f["monthly_saving"] == -3
    assert f["internal_monthly"] == 3
    assert f["by_year"] == {"2027": -3}
    assert f["npv"] == -3
    g = figures(tl, costs("2.5"), None)
    assert g["external_monthly"] == 3
    assert g["baseline"] == 5


def test_costs_more_in_the_data_center() -> None:
    """E 300,000, I 500,000, cutover 2027-01-31 (m0), horizon 3: m1, m2 save −200,000 each.

    Net = NPV (rate 0) = −400,000; monthly saving −200,000.
    """
    tl = line(3)
    f = figures(tl, costs("300000", "500000"), date(2027, 1, 31))
    assert f["monthly_saving"] == -200000
    assert f["net_savings"] == f["npv"] == -400000
    assert f["first_saving_month"] == "2027-02"


def test_horizon_ending_before_savings_start() -> None:
    """Horizon 3 (2027-01..03), cutover 2027-03-28 (m2): only −O = −1,000,000 falls inside.

    No month after m_c is in the horizon: no first saving month, nothing kept in Jambi.
    A cutover 2027-04-25 (m3) lies wholly outside: every saving is 0.
    """
    tl = line(3)
    f = figures(tl, costs("1000000", "0", "1000000"), date(2027, 3, 28))
    assert f["npv"] == f["net_savings"] == -1000000
    assert f["first_saving_month"] is None
    assert f["kept_in_jambi"] == 0
    later = costs("1000000", "0", "1000000", fee="1", end=date(2027, 9, 1))
    g = figures(tl, later, date(2027, 4, 25))
    assert g["npv"] == g["net_savings"] == 0
    assert g["first_saving_month"] is None
    assert g["termination_fee"] == 0


def test_unscheduled_system_saves_nothing() -> None:
    """No cutover: every saving is 0; baseline E × horizon = 12 × 1,000,000; E still shown."""
    tl = line(12)
    f = figures(tl, costs("1000000", "400000", "5"), None)
    assert f["npv"] == f["net_savings"] == f["one_time"] == f["internal_monthly"] == 0
    assert f["baseline"] == 12000000
    assert f["external_monthly"] == 1000000
    assert f["first_saving_month"] is None


def test_payback_month() -> None:
    """Horizon 6. A: O 3,000,000 at m1 (2027-02-28), then +1,000,000 in m2..m5.

    B: costs more (E 500,000, I 600,000), cutover m3 (2027-04-25): −100,000 in m4 and m5.
    Cumulative: m0 0, m1 −3,000,000, m2 −2,000,000, m3 −1,000,000, m4 −100,000, m5 800,000:
    payback 2027-06 (m0 is ≥ 0 but does not stay so). A alone: m4 is 0 (≥ 0): 2027-05.
    """
    tl = line(6)
    a = outcome(tl, costs("1000000", "0", "3000000"), date(2027, 2, 28))
    b = outcome(tl, costs("500000", "600000"), date(2027, 4, 25))
    assert payback_month(tl, [a, b]) == "2027-06"
    assert payback_month(tl, [a]) == "2027-05"


def test_no_payback_when_the_end_is_negative() -> None:
    """O 5,000,000 at m1 and +1,000,000 in m2..m5: the cumulative ends at −1,000,000: none."""
    tl = line(6)
    a = outcome(tl, costs("1000000", "0", "5000000"), date(2027, 2, 28))
    assert payback_month(tl, [a]) is None


def test_totals_add_rounded_system_figures() -> None:
    """Two systems each saving 0.5 in m1: each NPV rounds to 1, so the total is 2, not round(1.0).

    Baseline per system: 2 × 0.5 = 1; payback 2027-01 (cumulative 0, then 1).
    """
    tl = line(2)
    one = outcome(tl, costs("0.5"), date(2027, 1, 31))
    t = totals(tl, {"r/a": Member("r", one), "r/b": Member("r", one)})
    assert t["npv"] == 2
    assert t["net_savings"] == 2
    assert t["baseline"] == 2
    assert t["by_year"] == {"2027": 2}
    assert t["by_region"] == {
        "r": {
            "baseline": 2,
            "net_savings": 2,
            "npv": 2,
            "kept_in_jambi": 2,
            "payback_month": "2027-01",
        }
    }
    assert t["payback_month"] == "2027-01"


DATACENTER = """\
schema: migrasi/datacenter/v1
name: Pusat Data Uji
capacity: {vcpu: 64, ram_gb: 256, storage_gb: 10000}
running_cost: {per_vcpu: 100000, per_ram_gb: 20000, per_storage_gb: 1000, per_system: 250000}
schedule:
  start: 2027-01-04
  wave_weeks: 4
  waves: 3
  team_days: 90
  link_mbps: 1000
  transfer_hours: 36
effort_days: {rehost: 8, replatform: 20, refactor: 60, repurchase: 25, retire: 3}
finance:
  horizon_months: 12
  discount_rate: "0"
  labour_cost_per_day: 1000000
  fx: {USD: 16500}
"""

INVENTORY = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - id: tahunan
    name: Harga tahunan
    owner: BKPSDM
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 13200000, per: year}
    resources: {vcpu: 2, ram_gb: 4, storage_gb: 100}
    migration: {strategy: rehost}
  - id: sejuta
    name: Sejuta setahun
    owner: BKPSDM
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: jambi}
    cost: {amount: 1000000, per: year}
    resources: {vcpu: 1, ram_gb: 1, storage_gb: 10}
    migration: {strategy: rehost, effort_days: 2}
  - id: dolar
    name: Harga dolar
    owner: Diskominfo
    criticality: rendah
    classification: publik
    hosting: {provider: Cloud Luar, type: cloud, location: overseas}
    cost: {amount: 150, per: month, currency: USD, contract_end: 2027-12-31, termination_fee: 100}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 50}
    migration: {strategy: rehost, effort_days: 1}
  - id: pensiun
    name: Dimatikan
    owner: Diskominfo
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 700000, per: month}
    resources: {vcpu: 4, ram_gb: 8, storage_gb: 100}
    migration: {strategy: retire}
"""


def programme(tmp_path: Path) -> Programme:
    """The programme of the four-system inventory above."""
    (tmp_path / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (tmp_path / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    result = validate([tmp_path])
    assert result.errors == 0
    return Programme(result.loaded.inputs)


def test_yearly_price(tmp_path: Path) -> None:
    """13,200,000 per year is E = 13,200,000 / 12 = 1,100,000 a month.

    I = 2 · 100,000 + 4 · 20,000 + 100 · 1,000 + 250,000 = 630,000; O = 8 days · 1,000,000.
    Wave 1 cutover 2027-01-31 (m0): m0 −8,000,000, m1..m11: 11 × 470,000 = 5,170,000;
    net −2,830,000.
    """
    prog = programme(tmp_path)
    f = prog.outcome("kota-uji/tahunan", 1).figures(prog.timeline)
    assert f["external_monthly"] == 1100000
    assert f["internal_monthly"] == 630000
    assert f["one_time"] == 8000000
    assert f["net_savings"] == f["npv"] == -2830000
    assert f["baseline"] == 13200000


def test_yearly_price_rounds_once_from_exact(tmp_path: Path) -> None:
    """1,000,000 per year: E = 83,333.33…, shown 83,333; baseline 12 × E = 1,000,000, not 999,996.

    Kept in Jambi is 0: the provider is in Jambi.
    """
    prog = programme(tmp_path)
    f = prog.outcome("kota-uji/sejuta", 1).figures(prog.timeline)
    assert f["external_monthly"] == 83333
    assert f["baseline"] == 1000000
    assert f["kept_in_jambi"] == 0
    assert f["internal_monthly"] == 380000  # 100,000 + 20,000 + 10 · 1,000 + 250,000


def test_usd_price(tmp_path: Path) -> None:
    """150 USD a month × 16,500 = 2,475,000; the fee of 100 USD is 1,650,000 Rupiah.

    I = 100,000 + 2 · 20,000 + 50 · 1,000 + 250,000 = 440,000; O = 1 day = 1,000,000.
    Cutover wave 1 (2027-01-31, m0), contract to 2027-12-31 (m11):
    wait: m0 −O, m1..m11 −I each: −1,000,000 − 11 × 440,000 = −5,840,000;
    end early: m0 −O − fee = −2,650,000, m1..m11: 11 × 2,035,000 = 22,385,000 → 19,735,000.
    Kept in Jambi (overseas): 11 × 2,475,000 − 1,650,000 = 25,575,000.
    """
    prog = programme(tmp_path)
    o = prog.outcome("kota-uji/dolar", 1)
    f = o.figures(prog.timeline)
    assert f["external_monthly"] == 2475000
    assert o.end_early
    assert f["termination_fee"] == 1650000
    assert f["npv"] == 19735000
    assert f["kept_in_jambi"] == 25575000


def test_retired_system(tmp_path: Path) -> None:
    """A retired system has I = 0 whatever its resources; O = 3 default days · 1,000,000.

    Cutover wave 2 (2027-02-28, m1): m1 −3,000,000, m2..m11: 10 × 700,000; net 4,000,000.
    """
    prog = programme(tmp_path)
    f = prog.outcome("kota-uji/pensiun", 2).figures(prog.timeline)
    assert f["internal_monthly"] == 0
    assert f["monthly_saving"] == 700000
    assert f["one_time"] == 3000000
    assert f["net_savings"] == 4000000
    assert prog.units["kota-uji/pensiun"].use == (Decimal(0), Decimal(0), Decimal(0))
