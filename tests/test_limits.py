"""Every number within the documented limits computes: the largest accepted values (and the
smallest, and those with the most digits) go through every formula of money.md and
planning.md and every output, without an internal error."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from migrasi import api
from migrasi.cli.app import run
from migrasi.core.fieldtypes import LARGEST
from migrasi.render.numbers import money
from migrasi.render.terminal import summary_table, waves_table

MOST_DIGITS = "999999999999999.999999999999"
"""The number below the limit with the most digits an input may carry."""

SMALLEST = "0.000000000001"
"""The smallest positive number an input may carry."""


@dataclass
class Inputs:
    """Every number of a data-center file and a small inventory, as YAML text."""

    amount: str = str(LARGEST)
    per: str = "month"
    currency: str = "USD"
    fee: str | None = str(LARGEST)
    contract_end: str | None = "2999-12-31"
    vcpu: str = str(LARGEST)
    ram: str = str(LARGEST)
    storage: str = str(LARGEST)
    effort: str | None = str(LARGEST)
    data: str | None = str(LARGEST)
    strategy: str = "rehost"
    cap: str = str(LARGEST)
    cap_vcpu: str = str(LARGEST)
    expansions: int = 3
    per_unit: str = str(LARGEST)
    rc_currency: str = "USD"
    fx: str = str(LARGEST)
    team_days: str = str(LARGEST)
    link: str = str(LARGEST)
    transfer_hours: str = str(LARGEST)
    labour: str = str(LARGEST)
    rate: str = '"0.06"'
    horizon: int = 1200
    waves: int = 18
    wave_weeks: int = 4
    max_critical: str = str(LARGEST)
    pilot: str = str(LARGEST)
    others: list[str] = field(default_factory=lambda: ["1", str(LARGEST)])

    def datacenter(self) -> str:
        """The data-center file."""
        big = self.cap
        expansions = ", ".join(
            f"{{from: 2027-0{1 + i}-01, vcpu: {self.cap_vcpu}, ram_gb: {big}, storage_gb: {big}}}"
            for i in range(self.expansions)
        )
        u = self.per_unit
        return f"""\
schema: migrasi/datacenter/v1
name: Pusat Data Uji
capacity: {{vcpu: {self.cap_vcpu}, ram_gb: {big}, storage_gb: {big}, expansions: [{expansions}]}}
running_cost: {{currency: {self.rc_currency}, per_vcpu: {u}, per_ram_gb: {u}, per_storage_gb: {u},
  per_system: {u}}}
schedule:
  start: 2027-01-04
  wave_weeks: {self.wave_weeks}
  waves: {self.waves}
  team_days: {self.team_days}
  link_mbps: {self.link}
  transfer_hours: {self.transfer_hours}
  max_critical: {self.max_critical}
  pilot: {{max_systems: {self.pilot}, criticality: [rendah]}}
effort_days: {{rehost: {u}, replatform: {u}, refactor: {u}, repurchase: {u}, retire: {u}}}
finance:
  horizon_months: {self.horizon}
  discount_rate: {self.rate}
  labour_cost_per_day: {self.labour}
  fx: {{USD: {self.fx}}}
"""

    def system(self, sid: str, amount: str, location: str) -> str:
        """One system entry."""
        cost = f"amount: {amount}, per: {self.per}, currency: {self.currency}"
        if self.contract_end is not None:
            cost += f", contract_end: {self.contract_end}"
        if self.fee is not None:
            cost += f", termination_fee: {self.fee}"
        migration = f"strategy: {self.strategy}"
        if self.effort is not None:
            migration += f", effort_days: {self.effort}"
        if self.data is not None:
            migration += f", data_gb: {self.data}"
        return f"""\
  - id: {sid}
    name: Sistem {sid}
    owner: Dinas {sid}
    criticality: rendah
    classification: publik
    hosting: {{provider: PT Awan, type: vps, location: {location}}}
    cost: {{{cost}}}
    resources: {{vcpu: {self.vcpu}, ram_gb: {self.ram}, storage_gb: {self.storage}}}
    migration: {{{migration}}}
"""

    def inventory(self) -> str:
        """A region with the system of these numbers and a few others beside it."""
        systems = [self.system("besar", self.amount, "overseas")]
        for i, amount in enumerate(self.others):
            systems.append(self.system(f"lain-{i}", amount, "jambi" if i % 2 else "indonesia"))
        head = 'schema: migrasi/inventory/v1\nregion: {id: kota-uji, code: "15.71", name: Kota Uji'
        return head + ", kind: kota}\nsystems:\n" + "".join(systems)

    def write(self, folder: Path) -> Path:
        """Both files in ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "datacenter.yaml").write_text(self.datacenter(), encoding="utf-8")
        (folder / "kota-uji.yaml").write_text(self.inventory(), encoding="utf-8")
        return folder


def every_output(folder: Path, exact: bool = False) -> api.PlanResult:
    """Validate and plan ``folder`` once and render everything a user can ask of the plan."""
    from migrasi.render.explain_text import explain
    from migrasi.render.graph_text import FORMATS as GRAPH
    from migrasi.render.savings_formats import FORMATS as SAVINGS
    from migrasi.render.savings_formats import Savings

    result = api.plan([folder], exact=exact, time_limit=5)
    assert result.plan is not None, [(f.code, f.path, f.args) for f in result.validation.findings]
    files = api.plan_files(result, "id")
    assert sorted(files) == ["graph.mmd", "plan.json", "plan.md", "savings.csv", "savings.xlsx"]
    doc = result.document
    assert doc is not None
    console = Console(file=io.StringIO(), width=100)
    for lang in ("id", "en"):
        console.print(waves_table(doc, lang))
        console.print(summary_table(doc, lang))
    for by in ("system", "region", "opd", "year", "wave"):
        for fmt in SAVINGS.values():
            shown = fmt.render(Savings(doc, by), "en")
            if not isinstance(shown, str | bytes):
                console.print(shown)
    items = result.validation.checked.items
    for s in doc.systems:
        explain(s.ref, doc, items, "en")
    view = api.graph([folder], None, None)
    for drawn in GRAPH.values():
        drawn.render(view, "en")
    return result


def test_largest_values_in_every_formula(tmp_path: Path) -> None:
    """10^15 everywhere (amounts, rates, resources, prices, effort, data, capacity, limits)
    over 1,200 months: each money figure is the exact product money.md defines."""
    n = Inputs()
    result = every_output(n.write(tmp_path / "inv"))
    assert result.plan is not None
    big = result.plan.systems["kota-uji/besar"]
    top = Fraction(LARGEST)
    e = top * top  # amount × rate
    i = (
        3 * top * top + top
    ) * top  # (vcpu·per_vcpu + ram·per_ram + storage·per_storage + per_system) × rate
    assert big.money.external_monthly == e
    assert big.money.internal_monthly == i
    assert big.money.monthly_saving == e - i
    assert big.money.baseline == e * 1200
    if big.status == "scheduled":
        assert big.money.one_time == top * top  # effort_days × labour_cost_per_day
    assert result.plan.totals.baseline == sum(
        s.money.baseline for s in result.plan.systems.values()
    )


ALL_NUMBERS = ("amount", "ram", "storage", "effort", "data", "cap", "per_unit", "fx", "team_days",
               "link", "transfer_hours", "labour")  # fmt: skip
"""The fields of Inputs that hold decimal numbers."""


@pytest.mark.parametrize(
    ("what", "changes"),
    [
        ("storage_gb 10^13 at per_storage_gb 10^15", {"storage": "10000000000000"}),
        ("10^15 USD a year at a rate of 10^15", {"per": "year", "fee": None}),
        ("the most digits everywhere", dict.fromkeys(ALL_NUMBERS, MOST_DIGITS)),
        (
            "the smallest link and rates",
            {"link": SMALLEST, "data": SMALLEST, "fx": SMALLEST, "rate": SMALLEST},
        ),
        ("a discount rate of 10^15", {"rate": str(LARGEST)}),
        ("retired at the largest", {"strategy": "retire"}),
    ],
)
def test_extremes_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, changes: dict[str, Any]
) -> None:
    """validate and plan exit 0 on extreme but accepted numbers (no internal error)."""
    folder = Inputs(**changes).write(tmp_path / "inv")
    assert run(["validate", str(folder)]) == 0, capsys.readouterr()
    code = run(["plan", str(folder), "--out", str(tmp_path / "plan"), "--lang", "en"])
    assert code == 0, capsys.readouterr().err
    assert run(["savings", str(folder), "--by", "opd"]) == 0


def test_largest_schedule_and_horizon(tmp_path: Path) -> None:
    """Waves of a year each over the longest horizon (1,200 months) with the largest numbers
    plan and render: every month of the horizon is counted, and cutovers reach its end."""
    every_output(Inputs(waves=100, wave_weeks=52).write(tmp_path / "inv"))


NUMBERS = st.sampled_from(["0", "1", "0.5", SMALLEST, MOST_DIGITS, str(LARGEST), "4500000"])
POSITIVE = st.sampled_from(["1", "0.5", SMALLEST, MOST_DIGITS, str(LARGEST)])
WHOLE = st.sampled_from(["1", "2", "3", str(LARGEST)])
ROOMY = st.sampled_from([MOST_DIGITS, str(LARGEST)])
"""Limits of the Data Center that leave room for the largest system."""


@st.composite
def inputs(draw: st.DrawFn) -> Inputs:
    """Inputs whose every number is drawn from the edges of what is accepted."""
    return Inputs(
        amount=draw(NUMBERS),
        per=draw(st.sampled_from(["month", "year"])),
        currency=draw(st.sampled_from(["IDR", "USD"])),
        fee=draw(st.none() | NUMBERS),
        contract_end=draw(st.sampled_from([None, "2026-01-01", "2027-06-30", "2999-12-31"])),
        vcpu=draw(WHOLE),
        ram=draw(NUMBERS),
        storage=draw(NUMBERS),
        effort=draw(st.none() | NUMBERS),
        data=draw(st.none() | NUMBERS),
        strategy=draw(st.sampled_from(["rehost", "retire", "retain"])),
        cap=draw(ROOMY),
        cap_vcpu=draw(st.sampled_from(["1", str(LARGEST)])),
        expansions=draw(st.integers(0, 3)),
        per_unit=draw(NUMBERS),
        rc_currency=draw(st.sampled_from(["IDR", "USD"])),
        fx=draw(POSITIVE),
        team_days=draw(ROOMY),
        link=draw(st.sampled_from(["1", MOST_DIGITS, str(LARGEST)])),
        transfer_hours=draw(ROOMY),
        labour=draw(NUMBERS),
        rate=draw(st.sampled_from(['"0"', '"0.06"', SMALLEST, MOST_DIGITS, str(LARGEST)])),
        horizon=draw(st.sampled_from([1, 13, 60, 1200])),
        waves=draw(st.sampled_from([1, 2, 18])),
        wave_weeks=draw(st.sampled_from([1, 4, 52])),
        max_critical=draw(st.sampled_from(["1", "2", str(LARGEST)])),
        pilot=draw(st.sampled_from(["0", "1", str(LARGEST)])),
        others=draw(st.lists(NUMBERS, max_size=3)),
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(n=inputs())
def test_any_mix_of_extremes_computes(tmp_path_factory: pytest.TempPathFactory, n: Inputs) -> None:
    """Any mix of the largest, smallest and longest accepted numbers validates without an
    internal error, and, when valid, plans and renders every output."""
    folder = n.write(tmp_path_factory.mktemp("extremes") / "inv")
    result = api.validate([folder])
    if not result.errors:
        every_output(folder)


@pytest.mark.parametrize("others", [3, 14])
def test_exact_mode_at_the_extremes(tmp_path: Path, others: int) -> None:
    """Exact mode plans the largest and the longest values too, searched exhaustively (a few
    groups) or by its solver in floating point (more than 12)."""
    pytest.importorskip("scipy")
    amounts = [str(LARGEST), MOST_DIGITS, SMALLEST, "1"] * 4
    n = Inputs(others=amounts[:others], ram=MOST_DIGITS, storage=SMALLEST, data=MOST_DIGITS)
    every_output(n.write(tmp_path / "inv"), exact=True)


@pytest.mark.parametrize("places", [13, 400, 100_000])
def test_more_decimal_places_than_allowed_are_e102(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], places: int
) -> None:
    """A number with more than 12 digits after the point is E102 at its place, at once."""
    tiny = "0." + "0" * (places - 1) + "1"
    folder = Inputs(ram=tiny).write(tmp_path / "inv")
    assert run(["validate", str(folder), "--format", "json", "--lang", "en"]) == 1
    found = json.loads(capsys.readouterr().out)
    ram = [f for f in found if f["path"].endswith("resources.ram_gb")]
    assert [f["code"] for f in ram] == ["E102"] * 3
    assert "more than 12 digits after the decimal point" in ram[0]["message"]


def test_plan_json_keeps_every_digit(tmp_path: Path) -> None:
    """plan.json holds the largest figures as exact JSON integers (10^45 and more)."""
    result = api.plan([Inputs().write(tmp_path / "inv")])
    doc = json.loads(api.plan_files(result, "id")["plan.json"])
    money = next(s for s in doc["systems"] if s["ref"] == "kota-uji/besar")["money"]
    assert money["internal_monthly"] == 3 * 10**45 + 10**30
    assert Decimal(money["baseline"]) == Decimal(10**30) * 1200


def test_workbook_keeps_every_digit(tmp_path: Path) -> None:
    """In savings.xlsx no number cell holds 15 digits or more (a spreadsheet would change
    them): such figures are text with every digit, each with a note; formulas beside them
    are their values."""
    import openpyxl

    result = api.plan([Inputs().write(tmp_path / "inv")])
    data = api.plan_files(result, "en")["savings.xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(data))
    texts: dict[str, list[str]] = {}
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, int | float) and not isinstance(value, bool):
                    assert abs(value) < 10**15, (ws.title, cell.coordinate, value)
                if isinstance(value, str) and value.lstrip("-").startswith("IDR "):
                    assert cell.comment is not None and "no digit is lost" in cell.comment.text
                    texts.setdefault(ws.title, []).append(value)
                if isinstance(value, str) and value.startswith("=") and ws.title == "Systems":
                    pytest.fail(f"a formula beside figures written as text: {value}")
    assert result.plan is not None
    assert f"IDR {10**30 * 1200:,}" in texts["Systems"]  # the baseline of the largest system
    assert money(result.plan.totals.npv, "en") in texts["Summary"]
    assert len(texts["Monthly"]) >= result.plan.timeline.horizon


def test_workbook_figure_beyond_2_to_53() -> None:
    """An NPV of 2^53 + 1 Rupiah reaches the workbook with its last digit (as text)."""
    import openpyxl

    from migrasi.core.plandoc import read_document
    from migrasi.render.xlsx import workbook
    from tests.conftest import ROOT

    doc = read_document((ROOT / "plans" / "current" / "plan.json").read_bytes())
    totals = doc.totals.model_copy(update={"npv": 2**53 + 1})
    book = openpyxl.load_workbook(
        io.BytesIO(workbook(doc.model_copy(update={"totals": totals}), "id"))
    )
    values = [c.value for row in book["Ringkasan"].iter_rows() for c in row]
    assert "Rp9.007.199.254.740.993" in values
    assert 2**53 not in values and float(2**53) not in values


@pytest.mark.parametrize(
    "changes",
    [{}, {"others": ["1", "2"], "rate": str(LARGEST), "amount": "1"}],
    ids=["largest", "gap"],
)
def test_plan_at_the_extremes_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, Any]
) -> None:
    """A plan written from the largest accepted numbers is read back whole by ``savings --plan``
    and ``diff`` (its figures are within what a plan may hold) and matches its JSON Schema."""
    from tests.conftest import plan_data

    folder = Inputs(**changes).write(tmp_path / "inv")
    out = tmp_path / "plan"
    assert run(["plan", str(folder), "--out", str(out)]) == 0, capsys.readouterr().err
    result = api.plan([folder])
    assert result.document is not None
    plan_data(result.document)
    code = run(["savings", "--plan", str(out), "--by", "system", "--format", "json"])
    assert code == 0, capsys.readouterr().err
    assert run(["diff", str(out), str(out)]) == 0, capsys.readouterr().err


def test_largest_gap_reads_back() -> None:
    """A gap as large as the figures allow (an NPV of -4 × 10^57 against a bound of 1 Rupiah)
    is written with 4 places and read back."""
    from migrasi.core.plandoc import read_document
    from migrasi.render.plan_json import plan_json
    from tests.conftest import ROOT

    doc = read_document((ROOT / "plans" / "current" / "plan.json").read_bytes())
    gap = Decimal(4 * 10**57 + 1)
    huge = doc.model_copy(update={"bound": doc.bound.model_copy(update={"npv": 1, "gap": gap})})
    assert read_document(plan_json(huge)).bound.gap == gap
