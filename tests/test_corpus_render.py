"""Every finding of the corpus renders in every format and both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrasi.api import validate
from migrasi.render import reporters
from tests.conftest import ROOT

CASES = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_findings_render(case: Path, lang: str) -> None:
    """Text, JSON, GitHub and SARIF output of the case's findings have a message for each."""
    result = validate([case], show_accepted=True)
    text = reporters.as_text(result.findings, lang, result.sources())
    assert text.count("\n") >= len(result.findings)
    items = json.loads(reporters.as_json(result.findings, lang))
    assert all(item["message"] for item in items)
    assert reporters.as_github(result.findings, lang).count("::") >= 2 * len(result.findings)
    sarif = json.loads(reporters.as_sarif(result.findings, lang))
    assert len(sarif["runs"][0]["results"]) == len(result.findings)
    summary = reporters.as_markdown_summary(result.findings, lang, result.files)
    assert summary.startswith("### migrasi validate")
