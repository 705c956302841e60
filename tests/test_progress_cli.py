"""``migrasi progress``: every format in both languages, the Markdown's chart and length, and
the command's exit codes."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from migrasi.core.progress_report import compare
from migrasi.render.plan_json import plan_json
from migrasi.render.progress_formats import progress_text
from migrasi.render.progress_md import progress_markdown
from migrasi.render.progress_rows import Reported
from migrasi.render.progress_xlsx import progress_workbook
from tests.conftest import ROOT
from tests.test_progress_report import AS_OF, BASELINE, CURRENT, plan, powers

BASE_PLAN = plan(BASELINE, monthly={"a": powers()}, npv={"": 500, "a": 500},
                 payback={"": "2028-09", "a": "2028-09"})  # fmt: skip
NOW_PLAN = plan(CURRENT, monthly={"a": powers(3)}, npv={"": 450, "a": 450},
                payback={"": "2028-10", "a": "2028-10"})  # fmt: skip
REPORTED = Reported(compare(BASE_PLAN, NOW_PLAN, AS_OF), "plans/baseline", "inventories", "DC")
MERMAID = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


@pytest.fixture
def plans(tmp_path: Path) -> tuple[str, str]:
    """The crafted baseline and current plans written as plan.json files."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(plan_json(BASE_PLAN), encoding="utf-8")
    new.write_text(plan_json(NOW_PLAN), encoding="utf-8")
    return str(old), str(new)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ["Progress against the baseline plan", "2 on time", "overdue", "+28", "Saving before "
             "May 2027", "September 2028", "+1 month", "+IDR 30"]),
     ("id", ["Kemajuan terhadap rencana acuan", "2 tepat waktu", "lewat jadwal", "+28",
             "Penghematan sebelum Mei 2027", "September 2028", "+1 bulan", "+Rp30"])],
)  # fmt: skip
def test_text_in_both_languages(lang: str, words: list[str]) -> None:
    """The text names the classes, slips, months and money in the language asked for."""
    out = progress_text(REPORTED, lang)
    for w in words:
        assert w in out, w
    assert out.count("\n") > 30 and "Traceback" not in out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_markdown_chart_and_tables(lang: str) -> None:
    """The Markdown carries a Mermaid burn-up with one value per label in each series, the
    systems needing attention in the open and the rest folded."""
    out = progress_markdown(REPORTED, lang)
    chart = next(b for b in MERMAID.findall(out) if "xychart-beta" in b)
    labels = re.search(r"x-axis \[(.*)\]", chart).group(1).split(", ")  # type: ignore[union-attr]
    series = re.findall(r"(?:bar|line) \[(.*)\]", chart)
    assert len(series) == 3 and all(len(s.split(", ")) == len(labels) for s in series)
    assert labels[0] == '"2027-01"' and len(labels) == 7  # a point per month up to 12
    assert "init:" in chart and "plotColorPalette" in chart
    attention = out.split("<details>")[0]
    assert "a/late" in attention and "a/on-time" not in attention
    assert "a/on-time" in out and out.count("<details>") == 3


def test_markdown_points_per_quarter_beyond_a_year() -> None:
    """Over more than 12 months the chart has a point per quarter, the actual count of the
    as-of quarter being the one at the as-of day."""
    old = plan({"a/x": ("scheduled", "2028-05-21"), "a/y": ("scheduled", "2027-02-28")})
    new = plan({"a/x": ("scheduled", "2028-05-21"), "a/y": ("done", "2027-02-20")})
    out = progress_markdown(Reported(compare(old, new, AS_OF), "b", "c", "DC"), "en")
    assert '"Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027", "Q1 2028", "Q2 2028"' in out
    assert "bar [1, 1, 0, 0, 0, 0]" in out and "line [1, 1, 1, 1, 1, 2]" in out


def test_markdown_stays_under_its_limit() -> None:
    """Rows that do not fit are left out (every system first, then regions, then those needing
    attention), with a note saying how many; the regions' total row stays."""
    many = {f"a/s{i:05d}": ("scheduled", "2027-02-28") for i in range(2000)}
    now = {f"a/s{i:05d}": ("scheduled", "2027-07-18") for i in range(2000)}
    regions = {f"r{i:03d}": [0] * 24 for i in range(600)}
    old_plan, new_plan = plan(many, monthly=regions), plan(now, monthly=regions)
    reported = Reported(compare(old_plan, new_plan, AS_OF), "b", "c", "DC")
    out = progress_markdown(reported, "en", limit=20_000)
    assert len(out) <= 20_000
    assert "The tables show" in out and "left out" in out and out.count("a/s00000") == 1
    assert "| r000 |" not in out and "| Total |" in out
    calm = Reported(compare(old_plan, old_plan, date(2027, 1, 10)), "b", "c", "DC")
    whole = progress_markdown(calm, "en")
    assert len(whole) <= 65_000 and "| r000 |" in whole and "| r599 |" not in whole
    assert "a/s00000" not in whole
    few = Reported(compare(plan(many), plan(now), AS_OF), "b", "c", "DC")
    assert "left out" not in progress_markdown(few, "en", limit=10**6)


def test_json_for_machines() -> None:
    """The JSON has every class counted, each system's class and slip, the money and the
    burn-up, with English keys whatever the language."""
    from migrasi.render.progress_formats import progress_json

    data = json.loads(progress_json(REPORTED, "id"))
    assert data["schema"] == "migrasi/progress/v1" and data["as_of"] == "2027-05-10"
    assert list(data["counts"]) == ["removed", "added", "on_time", "late", "overdue",
                                    "unscheduled", "on_track", "delayed"]  # fmt: skip
    late = next(s for s in data["systems"] if s["ref"] == "a/late")
    assert late == {
        "ref": "a/late",
        "region": "a",
        "class": "late",
        "status": "done",
        "baseline_cutover": "2027-02-28",
        "cutover": "2027-03-03",
        "slip_days": 3,
    }
    assert data["totals"]["promised"] == 15 and data["totals"]["to_date"] == 45
    assert data["totals"]["payback_slip_months"] == 1 and data["slipped"] is True
    assert data["burnup"][5] == {"month": "2027-06", "baseline": 11, "actual": None,
                                 "forecast": 8}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "id"])
def test_workbook_has_the_report_and_a_chart(lang: str) -> None:
    """The workbook holds the money with difference formulas, the regions, every system with
    a filter and the burn-up with its chart; built twice it is the same bytes."""
    data = progress_workbook(REPORTED, lang)
    assert data == progress_workbook(REPORTED, lang)
    book = load_workbook(io.BytesIO(data))
    summary, regions, systems, burnup = book.worksheets
    assert (summary["B8"].value, summary["C8"].value, summary["D8"].value) == (15, 45, "=C8-B8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/charts/chart1.xml" in archive.namelist()
    assert regions["A2"].value == "a" and regions["B3"].value == "=SUM(B2:B2)"
    assert systems.auto_filter.ref and systems.max_row == len(REPORTED.report.systems) + 1
    assert [c.value for c in burnup[7]] == ["2027-06", 11, None, 8]


def test_command_formats_and_exit_codes(cli: Any, plans: tuple[str, str], tmp_path: Path) -> None:
    """Exit 0 with slips, 1 with --fail-on-slip; every format goes through the command."""
    old, new = plans
    assert cli("progress", "--baseline", old, "--plan", new).code == 0
    slipped = cli("progress", "--baseline", old, "--plan", new, "--fail-on-slip", "--lang", "en")
    assert slipped.code == 1 and "Progress against the baseline plan" in slipped.out
    calm = tmp_path / "calm.json"
    calm.write_text(plan_json(plan({"a/x": ("scheduled", "2027-06-20")})), encoding="utf-8")
    assert cli("progress", "--baseline", str(calm), "--plan", str(calm), "--fail-on-slip").code == 0
    assert cli("progress", "--baseline", old, "--plan", old, "--fail-on-slip").code == 1  # overdue
    assert json.loads(cli("progress", "--baseline", old, "--plan", new, "--format", "json")
                      .out)["slipped"]  # fmt: skip
    assert "xychart-beta" in cli("progress", "--baseline", old, "--plan", new, "--format",
                                 "md").out  # fmt: skip
    out = tmp_path / "progress.xlsx"
    done = cli("progress", "--baseline", old, "--plan", new, "--format", "xlsx", "--out", str(out))
    assert done.code == 0 and out.read_bytes()[:2] == b"PK"


def test_command_refuses_wrong_usage(cli: Any, plans: tuple[str, str], tmp_path: Path) -> None:
    """A missing or unreadable baseline, --as-of with --plan, or xlsx without --out: exit 2."""
    old, new = plans
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "something/else"}', encoding="utf-8")
    for args in (["--baseline", str(tmp_path / "none"), "--plan", new],
                 ["--baseline", str(bad), "--plan", new],
                 ["--baseline", str(tmp_path), "--plan", new],
                 ["--baseline", old, "--plan", new, "--as-of", "2027-05-10"],
                 ["--baseline", old, "--plan", new, "--format", "xlsx"],
                 ["--plan", new]):  # fmt: skip
        done = cli("progress", *args)
        assert done.code == 2 and done.out == "", args
        assert "Traceback" not in done.err


def test_no_as_of_day_is_exit_2(cli: Any, plans: tuple[str, str], good_dir: Path) -> None:
    """A current plan without an as-of day (read, or planned from inputs without one) exits
    2 saying how to give one; --as-of supplies it."""
    old, _ = plans
    current = str(ROOT / "plans" / "current")
    read = cli("progress", "--baseline", old, "--plan", current)
    assert read.code == 2 and "as-of day" in read.err
    planned = cli("progress", str(good_dir), "--baseline", old)
    assert planned.code == 2 and "--as-of" in planned.err
    given = cli("progress", str(good_dir), "--baseline", current, "--as-of", "2027-05-10",
                "--lang", "en")  # fmt: skip
    assert given.code == 0 and "As of: 2027-05-10" in given.out


def test_inputs_with_errors_exit_1(cli: Any, plans: tuple[str, str], good_dir: Path) -> None:
    """Inputs that have errors (with an as-of day) are reported as by plan: exit 1."""
    old, _ = plans
    path = good_dir / "kota-uji.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("vcpu: 4", "vcpu: -4"), "utf-8")
    done = cli("progress", str(good_dir), "--baseline", old, "--as-of", "2027-05-10")
    assert done.code == 1 and done.out == ""


def test_as_of_day_before_the_start(cli: Any, good_dir: Path) -> None:
    """An as-of day before the programme starts is still the day reported against (plan.json
    writes none then): nothing is promised yet and nothing is overdue."""
    baseline = str(ROOT / "plans" / "current")
    done = cli("progress", str(good_dir), "--baseline", baseline, "--as-of", "2026-12-01",
               "--format", "json")  # fmt: skip
    assert done.code == 0, done.err
    data = json.loads(done.out)
    assert data["as_of"] == "2026-12-01" and data["through"] is None
    assert data["totals"]["promised"] == 0 and data["counts"]["overdue"] == 0
