"""compare and sensitivity on the shipped inventories: every plan behind them is valid under its
own inputs (the independent checker), every figure is the money of its waves, and the re-priced
NPV is the money of the unchanged waves under the change."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from migrasi import api
from migrasi.core.checks import accept, check
from migrasi.core.comparison import Comparison
from migrasi.core.plan import document
from migrasi.core.programme import Inputs
from migrasi.core.sensitivity import Sensitivity
from migrasi.core.terms import Status
from migrasi.core.whatif import Outcome
from migrasi.render.reporters import diagnostic
from tests.conftest import INVENTORIES, ROOT, plan_data
from tests.plancheck.checker import check_plan
from tests.plancheck.money import Member, Timeline, costs_of, outcome, totals
from tests.plancheck.programme import Programme
from tests.plancheck.rules import rule_violations
from tests.plancheck.state import PlanState

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def compared() -> Comparison:
    """The shipped scenarios compared, every plan kept."""
    subject = api.compare([INVENTORIES], SCENARIOS, keep=True).subject
    assert isinstance(subject, Comparison)
    return subject


@pytest.fixture(scope="module")
def tornado() -> Sensitivity:
    """The shipped inventories' sensitivity (±20%, ±2 points), every plan kept."""
    subject = api.sensitivity([INVENTORIES], Decimal(20), Decimal(2), keep=True).subject
    assert isinstance(subject, Sensitivity)
    return subject


def plans(c: Comparison, s: Sensitivity) -> list[tuple[str, Outcome]]:
    """Every outcome behind a comparison and a sensitivity, named."""
    out = [("base", c.base), *((col.name, col.outcome) for col in c.columns)]
    for row in s.rows:
        out += [(f"{row.name} low", row.low_outcome), (f"{row.name} high", row.high_outcome)]
    return out


def plan_json(o: Outcome) -> dict[str, Any]:
    """The plan.json of a kept outcome, with its W309/W310 diagnostics."""
    assert o.plan is not None and o.inputs is not None and o.inputs.datacenter is not None
    found = accept(o.plan.findings, check(o.inputs).items)
    doc = document(o.plan, [], [diagnostic(f) for f in found], o.inputs.datacenter, {})
    return plan_data(doc)


def test_every_plan_passes_the_checker(compared: Comparison, tornado: Sensitivity) -> None:
    """Each plan behind compare and sensitivity is valid, left-shift closed and priced as the
    spec says, under its own effective inputs."""
    for name, o in plans(compared, tornado):
        assert o.figures is not None, (name, o.errors)
        assert o.inputs is not None
        assert check_plan(plan_json(o), o.inputs) == [], name


def money_of(
    inputs: Inputs, waves: dict[str, int | None], start: date, horizon: int
) -> dict[str, Any]:
    """The totals of these waves under ``inputs``, counted from the month of ``start`` over
    ``horizon`` months (the spec's money, read independently)."""
    prog = Programme(inputs)
    dc = prog.dc
    t = Timeline.build(start, horizon, dc.finance.discount_rate, dc.finance.labour_cost_per_day)
    members = {}
    for ref in prog.refs:
        unit = prog.units[ref]
        wave = waves.get(ref)
        cutover = prog.wave(wave).cutover if wave is not None else None
        members[ref] = Member(unit.region, outcome(t, costs_of(unit.system, dc), cutover))
    return totals(t, members)


def test_every_figure_is_the_money_of_its_waves(compared: Comparison) -> None:
    """Each scenario's figures are its waves' money on the unchanged inputs' timeline, and
    where the scenario keeps that timeline, what plan --scenario writes for it."""
    base = compared.base.inputs
    assert base is not None and base.datacenter is not None
    start, horizon = base.datacenter.schedule.start, base.datacenter.finance.horizon_months
    for path, col in zip(SCENARIOS, compared.columns, strict=True):
        o = col.outcome
        f = o.figures
        assert f is not None and o.inputs is not None
        want = money_of(o.inputs, dict(o.waves), start, horizon)
        got = {"npv": f.npv, "net_savings": f.net_savings, "one_time": f.one_time,
               "termination_fees": f.termination_fees, "kept_in_jambi": f.kept_in_jambi,
               "payback_month": f.payback_month}  # fmt: skip
        assert got == {k: want[k] for k in got}, col.name
        assert f.dc_running_cost == sum(want["dc_running_cost_by_year"].values())
        doc = api.plan_document([INVENTORIES], scenario=path)
        assert {s.ref: s.wave for s in doc.systems if s.ref in o.waves} == dict(o.waves)
        counts = doc.counts()
        assert (f.scheduled, f.unscheduled, f.late) == (
            counts[Status.SCHEDULED],
            counts[Status.UNSCHEDULED],
            doc.late(),
        )
        if o.inputs.datacenter is not None and o.inputs.datacenter.schedule.start == start:
            t = doc.totals
            assert (f.npv, f.net_savings, f.kept_in_jambi, f.payback_month) == (
                t.npv, t.net_savings, t.kept_in_jambi, t.payback_month), col.name  # fmt: skip


def test_a_late_start_is_counted_on_the_unchanged_timeline(compared: Comparison) -> None:
    """mulai-terlambat moves the start to April 2027, yet its money is counted from January
    2027 over the same 60 months: its last wave cuts over three months later."""
    col = next(c for c in compared.columns if c.file.endswith("mulai-terlambat.yaml"))
    f, b = col.outcome.figures, compared.base.figures
    assert f is not None and b is not None and f.last_cutover and b.last_cutover
    assert compared.month0 == "2027-01"
    assert (f.last_cutover - b.last_cutover).days == 91


def test_repriced_npv_is_the_unchanged_waves_money(tornado: Sensitivity) -> None:
    """Where the unchanged waves keep rules 1-10 under a change, the re-priced NPV is their
    money under it; where they break one, there is no re-priced NPV."""
    base = tornado.base
    for row in tornado.rows:
        for o in (row.low_outcome, row.high_outcome):
            assert o.inputs is not None and o.inputs.datacenter is not None
            prog = Programme(o.inputs)
            broken = rule_violations(PlanState(prog, dict(base.waves)))
            if o.repriced is None:
                assert broken, row.name
                continue
            assert broken == [], row.name
            dc = o.inputs.datacenter
            start, horizon = dc.schedule.start, dc.finance.horizon_months
            want = money_of(o.inputs, dict(base.waves), start, horizon)
            assert o.repriced == want["npv"], row.name


def test_tornado_is_sorted_by_swing(tornado: Sensitivity) -> None:
    """Rows go by NPV swing, largest first, ties by name; the swing is |high - low|."""
    keys = []
    for row in tornado.rows:
        lo, hi = row.low_outcome.figures, row.high_outcome.figures
        assert lo is not None and hi is not None
        assert row.swing == abs(hi.npv - lo.npv)
        keys.append((-row.swing, row.name))
    assert keys == sorted(keys)
    assert len(tornado.rows) == 10


def test_the_unchanged_plan_is_the_committed_plan(compared: Comparison) -> None:
    """The unchanged inputs' figures are those of plans/current."""
    committed = json.loads((ROOT / "plans" / "current" / "plan.json").read_text())
    f = compared.base.figures
    assert f is not None
    totals = committed["totals"]
    assert (f.npv, f.net_savings) == (totals["npv"], totals["net_savings"])
