"""Shared fixtures: the repository's folders and an in-process runner of the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from migrasi.cli.app import run
from migrasi.core.plandoc import PlanDoc, read_document

settings.register_profile("repeatable", derandomize=True)
settings.load_profile("repeatable")
"""Every run explores the same examples, so that CI passes or fails for a change, not a draw;
``--hypothesis-seed`` or another profile explores further."""

ROOT = Path(__file__).resolve().parent.parent
INVENTORIES = ROOT / "inventories"


@dataclass
class Outcome:
    """What one command printed and how it exited."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> object:
    """Run ``migrasi ARGS`` in this process and return its exit code and outputs."""

    def invoke(*args: str) -> Outcome:
        code = run(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return invoke


DATACENTER = """\
schema: migrasi/datacenter/v1
name: Pusat Data Uji
capacity: {vcpu: 640, ram_gb: 2560, storage_gb: 300000}
running_cost: {per_vcpu: 60000, per_ram_gb: 20000, per_storage_gb: 1000, per_system: 250000}
schedule:
  start: 2027-01-04
  wave_weeks: 4
  waves: 18
  team_days: 90
  link_mbps: 1000
  transfer_hours: 36
effort_days: {rehost: 8, replatform: 20, refactor: 60, repurchase: 25, retire: 3}
finance: {horizon_months: 60, discount_rate: "0.06", labour_cost_per_day: 1500000}
"""

INVENTORY = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - id: simpeg
    name: SIMPEG
    owner: BKPSDM
    criticality: tinggi
    classification: terbatas
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 4500000, per: month}
    resources: {vcpu: 4, ram_gb: 16, storage_gb: 500}
    migration: {strategy: rehost}
"""


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    """A folder with a valid data-center file and one valid inventory."""
    (tmp_path / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (tmp_path / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    return tmp_path


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-goldens`` rewrites the expected files of the golden cases."""
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/cases/*/expected/"
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """Whether the run rewrites golden files instead of comparing them."""
    return bool(request.config.getoption("--update-goldens"))


def plan_doc(data: object) -> PlanDoc:
    """A plan document from JSON-ready data (as ``plan.json`` would carry it), read strictly."""
    import json

    return read_document(json.dumps(data))


def plan_data(doc: PlanDoc) -> dict[str, Any]:
    """The JSON data of a plan document as ``plan.json`` carries it, checked against the plan's
    JSON Schema (``migrasi schema plan``) on the way: every plan a test reads this way is
    checked."""
    import json

    import jsonschema

    from migrasi.render.plan_json import plan_json
    from migrasi.render.schemas import schema_dict

    data: dict[str, Any] = json.loads(plan_json(doc))
    jsonschema.Draft202012Validator(schema_dict("plan")).validate(data)
    return data


@pytest.fixture(scope="session")
def _plan_schema_validator() -> Any:
    """The JSON Schema of plan.json (``migrasi schema plan``), compiled once."""
    import jsonschema

    from migrasi.render.schemas import schema_dict

    return jsonschema.Draft202012Validator(schema_dict("plan"))


@pytest.fixture(autouse=True)
def _every_plan_checked_against_its_schema(
    monkeypatch: pytest.MonkeyPatch, _plan_schema_validator: Any
) -> None:
    """Every plan.json a test writes in this process is checked against the plan's schema."""
    import json

    from migrasi.render import plan_json as module

    write = module.plan_json

    def checked(doc: PlanDoc) -> str:
        text = write(doc)
        _plan_schema_validator.validate(json.loads(text))
        return text

    monkeypatch.setattr(module, "plan_json", checked)
