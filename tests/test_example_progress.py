"""The worked example of a programme under way (examples/progress-2027-05): its plan and its
progress report against its baseline (the plan in force when the programme began,
frozen in baseline/) are what `make plan` writes now, and it shows what it is
meant to show."""

from __future__ import annotations

from pathlib import Path

import pytest

from migrasi import api
from migrasi.cli.plan_folder import MARKER, marker_text
from migrasi.core.terms import Standing, Status
from migrasi.loading.plans import load_plan
from migrasi.render.progress_formats import FORMATS
from tests.conftest import ROOT

EXAMPLE = Path("examples/progress-2027-05")
BASELINE = EXAMPLE / "baseline"


def _shown(data: bytes, name: str) -> str | bytes:
    """Text files as text (readable diffs), workbooks as bytes."""
    return data if name.endswith(".xlsx") else data.decode()


def test_example_plan_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's plan folder is what planning its inventories gives now."""
    monkeypatch.chdir(ROOT)
    result = api.plan([EXAMPLE / "inventories"])
    produced = api.plan_files(result, "id")
    committed = {p.name: p.read_bytes() for p in (ROOT / EXAMPLE / "plan").iterdir()}
    assert committed.pop(MARKER) == marker_text(list(produced))
    assert sorted(produced) == sorted(committed)
    for name in sorted(produced):
        assert _shown(produced[name], name) == _shown(committed[name], name), name


@pytest.mark.parametrize(("fmt", "name"), [("md", "progress.md"), ("json", "progress.json")])
def test_example_report_is_current(monkeypatch: pytest.MonkeyPatch, fmt: str, name: str) -> None:
    """The example's report against its baseline is what `migrasi progress` gives now."""
    monkeypatch.chdir(ROOT)
    reported = api.progress(BASELINE, [], EXAMPLE / "plan")
    produced = FORMATS[fmt].render(reported, "id")
    assert produced == (ROOT / EXAMPLE / name).read_text(encoding="utf-8")


def test_example_tells_its_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """As of 10 May 2027: most of the first waves done, some late, one cut over before what it
    depends on (W312), a few under way in wave 5, one slipped past its wave and re-planned."""
    monkeypatch.chdir(ROOT)
    result = api.plan([EXAMPLE / "inventories"])
    doc = result.document
    assert doc is not None and str(doc.as_of) == "2027-05-10"
    assert [d.code for d in doc.diagnostics if d.severity == "error"] == []
    assert "W312" in {d.code for d in doc.diagnostics}
    first = {r for w in load_plan(BASELINE).waves[:4] for r in w.systems}
    done = {s.ref for s in doc.systems if s.status is Status.DONE}
    assert len(first & done) >= 0.9 * len(first)
    under_way = [s for s in doc.systems if s.status is Status.IN_PROGRESS]
    assert 3 <= len(under_way) <= 6 and {s.wave for s in under_way} == {5}
    report = api.progress(BASELINE, [EXAMPLE / "inventories"]).report
    (overdue,) = [s for s in report.systems if s.standing is Standing.OVERDUE]
    assert overdue.status is Status.SCHEDULED and overdue.cutover and overdue.slip_days
    for standing in (Standing.ON_TIME, Standing.LATE, Standing.ON_TRACK, Standing.DELAYED):
        assert report.count(standing) > 0, standing


def _mermaid_cli() -> str | None:
    """mermaid-cli, when it and chromium are installed."""
    import shutil

    return shutil.which("mmdc") if shutil.which("chromium") else None


@pytest.mark.skipif(_mermaid_cli() is None, reason="mermaid-cli (mmdc) with chromium not installed")
def test_example_report_chart_renders(tmp_path: Path) -> None:
    """mermaid-cli draws the burn-up chart of the example's Markdown report."""
    import json
    import os
    import shutil
    import subprocess

    config = tmp_path / "puppeteer.json"
    config.write_text(
        json.dumps({"executablePath": shutil.which("chromium"), "args": ["--no-sandbox"]})
    )
    out = tmp_path / "out.md"
    done = subprocess.run(
        [str(_mermaid_cli()), "-p", str(config), "-i", str(ROOT / EXAMPLE / "progress.md"),
         "-o", str(out), "-e", "png", "-q"],
        capture_output=True, text=True, env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert [p.name for p in tmp_path.glob("out-*.png")] == ["out-1.png"]
