"""``migrasi progress``'s comparison on crafted pairs of plans: classes, slips, money, burn-up."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from migrasi.core.plandoc import PlanDoc
from migrasi.core.progress_report import ProgressReport, compare
from migrasi.core.terms import Standing
from tests.conftest import ROOT, plan_doc

CASE = ROOT / "tests" / "cases" / "contract-waits" / "expected" / "plan.json"
BASE: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
AS_OF = date(2027, 5, 10)
MONTHS = [f"2027-{m:02d}" for m in range(1, 13)] + [f"2028-{m:02d}" for m in range(1, 13)]

System = tuple[str, str | None]
"""A crafted system: its status and its cutover (or None)."""


def plan(
    systems: Mapping[str, System],
    *,
    as_of: date | None = AS_OF,
    monthly: dict[str, list[int]] | None = None,
    months: list[str] | None = None,
    npv: dict[str, int] | None = None,
    payback: dict[str, str | None] | None = None,
    start: str = "2027-01-04",
) -> PlanDoc:
    """A plan document holding ``systems`` (ref → status, cutover), the monthly savings of each
    region, each region's NPV and payback month (the programme's under the key ``""``)."""
    data = copy.deepcopy(BASE)
    template = data["systems"][0]
    data["systems"] = [
        {**copy.deepcopy(template), "ref": ref, "region": ref.split("/")[0], "status": status,
         "cutover": cutover, "wave": 1 if cutover else None, "group": None}
        for ref, (status, cutover) in sorted(systems.items())
    ]  # fmt: skip
    for w in data["waves"]:
        w["systems"] = []
    data["as_of"] = as_of.isoformat() if as_of else None
    data["assumptions"]["start"] = start
    rows = monthly or {}
    labels = months or MONTHS
    data["monthly"] = {
        "months": labels,
        "programme": [sum(r[i] for r in rows.values()) for i in range(len(labels))],
        "by_region": rows,
    }
    npv, payback = npv or {}, payback or {}
    region = data["totals"]["by_region"]["kota-uji"]
    data["totals"]["by_region"] = {
        r: {**region, "npv": npv.get(r, 0), "payback_month": payback.get(r)}
        for r in sorted({*rows, *(k for k in npv if k)})
    }
    data["totals"]["npv"] = npv.get("", 0)
    data["totals"]["payback_month"] = payback.get("")
    return plan_doc(data)


def classes(report: ProgressReport) -> dict[str, tuple[Standing, int | None]]:
    """Each system's class and slip, by ref."""
    return {s.ref: (s.standing, s.slip_days) for s in report.systems}


BASELINE: dict[str, System] = {
    "a/removed": ("scheduled", "2027-02-28"),
    "a/retained-now": ("scheduled", "2027-02-28"),
    "a/unscheduled-then": ("unscheduled", None),
    "a/on-time": ("scheduled", "2027-02-28"),
    "a/on-the-day": ("scheduled", "2027-02-28"),
    "a/late": ("scheduled", "2027-02-28"),
    "a/overdue": ("scheduled", "2027-03-28"),
    "a/overdue-unscheduled": ("scheduled", "2027-03-28"),
    "a/unscheduled": ("scheduled", "2027-06-20"),
    "a/on-track": ("scheduled", "2027-05-23"),
    "a/earlier": ("scheduled", "2027-07-18"),
    "a/delayed": ("scheduled", "2027-06-20"),
    "a/due-today": ("scheduled", "2027-05-10"),
    "a/retained": ("retained", None),
    "a/retained-gone": ("retained", None),
}
CURRENT: dict[str, System] = {
    "a/retained-now": ("retained", None),
    "a/added": ("scheduled", "2027-06-20"),
    "a/unscheduled-then": ("scheduled", "2027-07-18"),
    "a/on-time": ("done", "2027-02-20"),
    "a/on-the-day": ("done", "2027-02-28"),
    "a/late": ("done", "2027-03-03"),
    "a/overdue": ("scheduled", "2027-06-20"),
    "a/overdue-unscheduled": ("unscheduled", None),
    "a/unscheduled": ("unscheduled", None),
    "a/on-track": ("in_progress", "2027-05-23"),
    "a/earlier": ("scheduled", "2027-06-20"),
    "a/delayed": ("scheduled", "2027-07-18"),
    "a/due-today": ("scheduled", "2027-06-20"),
    "a/retained": ("retained", None),
}


def test_every_class_and_slip() -> None:
    """Each system gets the first class of progress.md that applies and its slip in days (None
    unless both cutovers exist); systems retained in both, or retained and gone, are left out."""
    report = compare(plan(BASELINE), plan(CURRENT), AS_OF)
    assert classes(report) == {
        "a/added": (Standing.ADDED, None),
        "a/delayed": (Standing.DELAYED, 28),
        "a/due-today": (Standing.DELAYED, 41),
        "a/earlier": (Standing.ON_TRACK, -28),
        "a/late": (Standing.LATE, 3),
        "a/on-the-day": (Standing.ON_TIME, 0),
        "a/on-time": (Standing.ON_TIME, -8),
        "a/on-track": (Standing.ON_TRACK, 0),
        "a/overdue": (Standing.OVERDUE, 84),
        "a/overdue-unscheduled": (Standing.OVERDUE, None),
        "a/removed": (Standing.REMOVED, None),
        "a/retained-now": (Standing.REMOVED, None),
        "a/unscheduled": (Standing.UNSCHEDULED, None),
        "a/unscheduled-then": (Standing.ADDED, None),
    }
    assert [s.ref for s in report.systems] == sorted(classes(report))
    assert report.count(Standing.ON_TIME) == 2 and report.slipped


@pytest.mark.parametrize(
    ("before", "now", "slipped"),
    [
        (("scheduled", "2027-02-28"), ("done", "2027-03-01"), True),
        (("scheduled", "2027-03-28"), ("scheduled", "2027-06-20"), True),
        (("scheduled", "2027-06-20"), ("scheduled", "2027-07-18"), True),
        (("scheduled", "2027-06-20"), ("unscheduled", None), False),
        (("scheduled", "2027-06-20"), ("in_progress", "2027-06-20"), False),
        (("scheduled", "2027-02-28"), ("done", "2027-02-28"), False),
        (("scheduled", "2027-02-28"), ("retained", None), False),
        (("unscheduled", None), ("scheduled", "2027-06-20"), False),
    ],
)
def test_slipped_means_late_overdue_or_delayed(before: System, now: System, slipped: bool) -> None:
    """A report has slipped exactly when a system is late, overdue or delayed."""
    assert compare(plan({"a/x": before}), plan({"a/x": now}), AS_OF).slipped is slipped


def powers(scale: int = 1, count: int = 24) -> list[int]:
    """Monthly savings that tell which months were summed: ``scale * 2**m`` for month m."""
    return [scale * 2**m for m in range(count)]


def test_promised_by_now_sums_the_months_before_the_as_of_month() -> None:
    """The baseline's saving of January to April 2027 against the same months of the current
    plan, in total and per region; the NPVs and payback months beside them."""
    old = plan({"a/x": ("scheduled", "2027-02-28")}, monthly={"a": powers(), "b": powers(10)},
               npv={"": 500, "a": 200, "b": 300},
               payback={"": "2028-09", "a": "2028-07", "b": None})  # fmt: skip
    new = plan({"a/x": ("done", "2027-03-03")}, monthly={"a": powers(3), "c": powers(100)},
               npv={"": 450, "a": 150, "c": 300},
               payback={"": "2028-11", "a": "2028-06", "c": "2029-01"})  # fmt: skip
    report = compare(old, new, AS_OF)
    assert report.through == "2027-04"
    m = report.programme
    assert (m.promised, m.to_date, m.shortfall) == (15 + 150, 45 + 1500, 1380)
    assert (m.baseline_npv, m.forecast_npv, m.npv_change) == (500, 450, -50)
    assert (m.baseline_payback, m.forecast_payback, m.payback_slip) == ("2028-09", "2028-11", 2)
    regions = {r.region: r.money for r in report.regions}
    assert sorted(regions) == ["a", "b", "c"]
    assert (regions["a"].promised, regions["a"].to_date, regions["a"].payback_slip) == (15, 45, -1)
    assert (regions["b"].promised, regions["b"].to_date, regions["b"].forecast_npv) == (150, 0, 0)
    assert (regions["b"].payback_slip, regions["c"].baseline_payback) == (None, None)
    assert (regions["c"].promised, regions["c"].to_date, regions["c"].npv_change) == (0, 1500, 300)


def test_to_date_counts_only_the_baseline_months() -> None:
    """A current plan whose horizon starts a month later counts only the months it shares with
    what the baseline promised."""
    old = plan({}, monthly={"a": powers()})
    new = plan({}, monthly={"a": powers()}, months=[*MONTHS[1:], "2029-01"])
    m = compare(old, new, AS_OF).programme
    assert (m.promised, m.to_date) == (1 + 2 + 4 + 8, 1 + 2 + 4)


@pytest.mark.parametrize(
    ("as_of", "through", "promised"),
    [
        (date(2027, 1, 20), None, 0),
        (date(2026, 12, 1), None, 0),
        (date(2027, 2, 1), "2027-01", 1),
        (date(2029, 3, 5), "2028-12", 2**24 - 1),
    ],
)
def test_promised_months_follow_the_as_of_day(
    as_of: date, through: str | None, promised: int
) -> None:
    """Nothing is promised before the horizon's first month; everything after its last."""
    report = compare(plan({}, monthly={"a": powers()}), plan({}, monthly={"a": powers()}), as_of)
    assert (report.through, report.programme.promised) == (through, promised)
    assert report.programme.to_date == promised


def test_burnup_counts_systems_cut_over_by_each_month() -> None:
    """Baseline cutovers against actual (done, up to the as-of month) and forecast ones, from
    the schedule's first month to the last cutover; a cutover before the first month counts in
    it."""
    old = plan({"a/1": ("scheduled", "2027-01-31"), "a/2": ("scheduled", "2027-02-28"),
                "a/3": ("scheduled", "2027-03-28"), "a/4": ("scheduled", "2027-06-20"),
                "a/5": ("unscheduled", None), "a/6": ("retained", None)})  # fmt: skip
    new = plan({"a/1": ("done", "2026-12-20"), "a/2": ("done", "2027-03-02"),
                "a/3": ("in_progress", "2027-05-23"), "a/4": ("scheduled", "2027-08-15"),
                "a/5": ("unscheduled", None), "a/7": ("done", "2027-05-06")})  # fmt: skip
    rows = [(b.month, b.baseline, b.actual, b.forecast) for b in compare(old, new, AS_OF).burnup]
    assert rows == [
        ("2027-01", 1, 1, 1),
        ("2027-02", 2, 1, 1),
        ("2027-03", 3, 2, 2),
        ("2027-04", 3, 2, 2),
        ("2027-05", 3, 3, 4),
        ("2027-06", 4, None, 4),
        ("2027-07", 4, None, 4),
        ("2027-08", 4, None, 5),
    ]


def test_burnup_spans_the_as_of_month_and_the_earlier_start() -> None:
    """With no cutover at all, the burn-up runs from the earlier schedule start to the as-of
    month; an as-of day before both starts gives the first month alone."""
    old = plan({}, start="2027-03-01")
    new = plan({}, start="2027-02-01")
    assert [b.month for b in compare(old, new, AS_OF).burnup] == [
        "2027-02", "2027-03", "2027-04", "2027-05"]  # fmt: skip
    assert [(b.month, b.actual) for b in compare(old, new, date(2026, 1, 1)).burnup] == [
        ("2027-02", None)]  # fmt: skip
