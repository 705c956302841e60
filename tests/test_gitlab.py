"""``validate --format gitlab``: a GitLab Code Quality report that GitLab can match across runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from migrasi.api import validate
from migrasi.render.reporters import as_gitlab
from tests.test_corpus import CASES

CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "GitLab Code Quality report (the fields GitLab reads)",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^\\./"}},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}
"""The report format of GitLab's Code Quality documentation: a JSON array of issues, each with a
description, check name, fingerprint, one of five severities, a relative path and a first line."""


def report(folder: Path, lang: str = "en") -> list[dict[str, Any]]:
    """Validate ``folder`` and return its Code Quality report, parsed."""
    issues: list[dict[str, Any]] = json.loads(as_gitlab(validate([folder]).findings, lang))
    return issues


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_corpus_case_gives_a_valid_report(case: Path) -> None:
    """The report of every corpus case matches the Code Quality format, one issue per finding."""
    result = validate([case])
    issues = json.loads(as_gitlab(result.findings, "id"))
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert len(issues) == len(result.findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_cli_writes_the_report(cli: Any, good_dir: Path) -> None:
    """The command line offers the format and exits 1 on errors, with severities by kind."""
    path = good_dir / "kota-uji.yaml"
    text = path.read_text().replace("criticality: tinggi", "criticality: tingi")
    path.write_text(text.replace("amount: 4500000", "amount: 1000"))
    result = cli("validate", str(good_dir), "--format", "gitlab", "--lang", "en")
    assert result.code == 1
    issues = json.loads(result.out)
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    by_code = {i["check_name"]: i for i in issues}
    assert by_code["E102"]["severity"] == "major"
    assert by_code["E102"]["location"] == {"path": path.as_posix(), "lines": {"begin": 7}}
    assert by_code["E102"]["description"].startswith("systems[0].criticality: 'tingi'")


def test_fingerprints_survive_edits_elsewhere_and_another_language(good_dir: Path) -> None:
    """A finding keeps its fingerprint when lines are added above it or the language changes."""
    path = good_dir / "kota-uji.yaml"
    path.write_text(path.read_text().replace("criticality: tinggi", "criticality: tingi"))
    before = report(good_dir)
    path.write_text("# a comment added above\n\n" + path.read_text() + "    notes: new notes\n")
    after = report(good_dir)
    other_language = report(good_dir, "id")
    assert before[0]["location"]["lines"]["begin"] + 2 == after[0]["location"]["lines"]["begin"]
    assert before[0]["fingerprint"] == after[0]["fingerprint"] == other_language[0]["fingerprint"]
    assert report(good_dir) == after


def test_findings_alike_in_all_but_place_get_distinct_fingerprints(good_dir: Path) -> None:
    """Two repeats of the same key in one file are two issues, not one merged by GitLab."""
    path = good_dir / "kota-uji.yaml"
    text = path.read_text().replace("    name: SIMPEG\n", "    name: SIMPEG\n    name: SIMPEG\n")
    text = text.replace("name: Kota Uji,", "name: Kota Uji, name: Kota Uji,")
    path.write_text(text)
    issues = [i for i in report(good_dir) if i["check_name"] == "E003"]
    assert len(issues) == 2
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_accepted_warnings_are_info(cli: Any, good_dir: Path) -> None:
    """An accepted warning shown with --show-accepted is an info issue carrying the reason."""
    path = good_dir / "kota-uji.yaml"
    text = path.read_text().replace("amount: 4500000", "amount: 1000")
    path.write_text(text + '    accepted_warnings: {W302: "must stay in government hands"}\n')
    result = cli("validate", str(good_dir), "--format", "gitlab", "--show-accepted")
    assert result.code == 0
    (issue,) = json.loads(result.out)
    assert issue["severity"] == "info"
    assert issue["description"].endswith("[must stay in government hands]")
