"""Read the scenario file that ``--scenario FILE`` names: parsed and checked like any input."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from migrasi.core.errors import MissingPath
from migrasi.core.findings import Finding
from migrasi.core.models import SCENARIO_SCHEMA
from migrasi.core.scenario import Scenario, check_scenario
from migrasi.core.shape import schema_of
from migrasi.loading.discover import display
from migrasi.loading.reading import read_bytes
from migrasi.loading.yamlio import Parsed, parse


@dataclass
class ScenarioInput:
    """A scenario file as read: the scenario (None when it has errors), its findings, and what
    plan.json records of it."""

    file: str
    sha256: str
    parsed: Parsed | None
    scenario: Scenario | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The scenario's name, or its file when it could not be read."""
        return self.scenario.name if self.scenario is not None else self.file

    @property
    def stem(self) -> str:
        """The file name without its extension (the default plan folder's name)."""
        return Path(self.file).stem


def load_scenario(path: Path) -> ScenarioInput:
    """Read, parse and check one scenario file; a file of another kind is E006."""
    if not path.exists():
        raise MissingPath(str(path))
    name = display(path)
    raw = read_bytes(path)
    if isinstance(raw, Finding):
        return ScenarioInput(name, "", None, None, [raw])
    digest = hashlib.sha256(raw).hexdigest()
    doc = parse(name, raw)
    if doc.root is None:
        return ScenarioInput(name, digest, doc, None, list(doc.findings))
    schema, problem = schema_of(name, doc.data)
    if problem is None and schema != SCENARIO_SCHEMA:
        assert isinstance(doc.data, dict)
        args = {"why": "unknown", "got": schema, "schemas": SCENARIO_SCHEMA, "suggestion": None}
        problem = Finding("E006", name, path=("schema",), args=args)
    if problem is not None:
        return ScenarioInput(name, digest, doc, None, [*doc.findings, problem])
    scenario, findings = check_scenario(name, doc.data)
    usable = scenario if not doc.findings else None  # a repeated key (E003) is an error too
    return ScenarioInput(name, digest, doc, usable, [*doc.findings, *findings])
