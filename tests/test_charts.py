"""The charts of plan.md and graph.mmd: readable, and valid for the real Mermaid renderer."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from migrasi import api
from migrasi.render.plan_md import CHART_COLOUR, chart_points
from tests.conftest import DATACENTER, INVENTORY, ROOT

MERMAID = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


def _plan(tmp_path: Path, horizon: int) -> api.PlanResult:
    (tmp_path / "datacenter.yaml").write_text(
        DATACENTER.replace("horizon_months: 60", f"horizon_months: {horizon}"), encoding="utf-8"
    )
    (tmp_path / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    result = api.plan([tmp_path])
    assert result.plan is not None
    return result


@pytest.mark.parametrize(
    ("horizon", "count", "first", "last"),
    [
        (12, 4, "TW1 2027", "TW4 2027"),
        (60, 10, "S1 2027", "S2 2031"),
        (120, 10, "2027", "2036"),
        (1200, 12, "2027–2035", "2126–2134"),
    ],
)
def test_chart_labels_few_enough_to_read(tmp_path: Path, horizon: int, count: int, first: str,
                                         last: str) -> None:  # fmt: skip
    """Quarters, half-years, years or spans of years: never more labels than fit on a page."""
    doc = _plan(tmp_path, horizon).document
    assert doc is not None
    points = chart_points(doc, "id")
    labels = [label for label, _ in points]
    assert (len(labels), labels[0], labels[-1]) == (count, first, last)
    assert len(set(labels)) == len(labels)
    assert points[-1][1] == sum(doc.monthly.programme) == doc.totals.net_savings


def test_plan_md_chart_has_a_visible_colour_and_matching_axes() -> None:
    """The committed plan.md sets the line's colour and gives one label per value."""
    text = (ROOT / "plans" / "current" / "plan.md").read_text(encoding="utf-8")
    chart = next(b for b in MERMAID.findall(text) if "xychart-beta" in b)
    init = json.loads(re.search(r"%%\{init: (.*)\}%%", chart).group(1))  # type: ignore[union-attr]
    assert init["themeVariables"]["xyChart"]["plotColorPalette"] == CHART_COLOUR
    labels = re.search(r"x-axis \[(.*)\]", chart).group(1).split(", ")  # type: ignore[union-attr]
    values = re.search(r"line \[(.*)\]", chart).group(1).split(", ")  # type: ignore[union-attr]
    assert len(labels) == len(values) <= 24


def _renderer() -> list[str] | None:
    mmdc, chromium = shutil.which("mmdc"), shutil.which("chromium")
    if mmdc is None or chromium is None:
        return None
    return [mmdc]


@pytest.mark.skipif(_renderer() is None, reason="mermaid-cli (mmdc) with chromium not installed")
def test_every_mermaid_block_renders(tmp_path: Path) -> None:
    """mermaid-cli renders every Mermaid block of plan.md (both languages) and graph.mmd."""
    config = tmp_path / "puppeteer.json"
    config.write_text(
        json.dumps({"executablePath": shutil.which("chromium"), "args": ["--no-sandbox"]})
    )
    sources = [
        ROOT / "plans" / "current" / "plan.md",
        ROOT / "tests" / "cases" / "cycle-and-pilot" / "expected" / "plan.en.md",
        ROOT / "plans" / "current" / "graph.mmd",
    ]
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    for n, source in enumerate(sources):
        out = tmp_path / f"out{n}{'.md' if source.suffix == '.md' else '.png'}"
        done = subprocess.run(
            [*(_renderer() or []), "-p", str(config), "-i", str(source), "-o", str(out),
             "-e", "png", "-q"],
            capture_output=True, text=True, env=env, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, (source, done.stdout, done.stderr)
        if source.suffix == ".md":
            blocks = len(MERMAID.findall(source.read_text(encoding="utf-8")))
            pngs = sorted(tmp_path.glob(f"out{n}-*.png"))
            assert blocks >= 2 and len(pngs) == blocks, (source, pngs)
        else:
            assert out.stat().st_size > 0
