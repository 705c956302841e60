"""check_plan and the brute force on a tiny hand-made plan, and on variants breaking each rule."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from migrasi.api import validate
from migrasi.core.programme import Inputs
from tests.plancheck.bruteforce import best_npv, best_plan
from tests.plancheck.build import expected_doc
from tests.plancheck.checker import check_plan
from tests.plancheck.programme import Programme

# Waves of 4 weeks from 2027-01-04: 1 Jan 4–31 (pilot), 2 Feb 1–28, 3 Mar 1–28, 4 Mar 29–Apr 25,
# 5 Apr 26–May 23 (closed: the blackout of May 1–2). vcpu 4 up to Feb 28, 8 from Mar 1 on.
# Team 6 days (3 rehosts of 2 days), 90 GB a wave (2 h · 3600 · 100 Mbps / 8000), 1 critical.
DATACENTER = """\
schema: migrasi/datacenter/v1
name: Pusat Data Uji
capacity:
  vcpu: 4
  ram_gb: 16
  storage_gb: 300
  expansions:
    - {from: 2027-03-01, vcpu: 4, ram_gb: 0, storage_gb: 0}
running_cost: {per_vcpu: 100000, per_ram_gb: 10000, per_storage_gb: 1000, per_system: 100000}
schedule:
  start: 2027-01-04
  wave_weeks: 4
  waves: 5
  team_days: 6
  link_mbps: 100
  transfer_hours: 2
  max_critical: 1
  compliance_deadline: 2027-03-28
  pilot: {max_systems: 2, criticality: [rendah]}
  blackouts:
    - {from: 2027-05-01, to: 2027-05-02, reason: Libur}
effort_days: {rehost: 2, replatform: 4, refactor: 8, repurchase: 4, retire: 1}
finance: {horizon_months: 12, discount_rate: "0", labour_cost_per_day: 100000}
"""

INVENTORY = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - id: web
    name: Website
    owner: Diskominfo
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 2000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 20}
    migration: {strategy: rehost}
  - id: db
    name: Basis data
    owner: Diskominfo
    criticality: tinggi
    classification: terbatas
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 3000000, per: month}
    resources: {vcpu: 2, ram_gb: 4, storage_gb: 50}
    migration: {strategy: rehost}
  - id: app
    name: Aplikasi
    owner: BKPSDM
    criticality: tinggi
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: jambi}
    cost: {amount: 1500000, per: month, contract_end: 2027-06-30, termination_fee: 1000000}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 30}
    migration: {strategy: rehost}
    depends_on: [db]
  - id: api
    name: API
    owner: BKPSDM
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 1000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 10}
    migration: {strategy: rehost}
  - id: worker
    name: Worker
    owner: BKPSDM
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 500000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 10}
    migration: {strategy: rehost}
    move_with: [api]
  - id: arsip
    name: Arsip lama
    owner: Bappeda
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: shared, location: indonesia}
    cost: {amount: 400000, per: month}
    migration: {strategy: retire, data_gb: 80, freeze_months: [2]}
  - id: portal
    name: Portal warga
    owner: Dinkes
    criticality: rendah
    classification: publik
    personal_data: true
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 800000, per: month}
    resources: {vcpu: 1, ram_gb: 1, storage_gb: 10}
    migration: {strategy: rehost, wave: 3}
  - id: mahal
    name: Lebih mahal di Pusat Data
    owner: Dinkes
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 100000, per: month}
    resources: {vcpu: 1, ram_gb: 1, storage_gb: 10}
    migration: {strategy: rehost, not_before: 2027-02-15}
  - id: legacy
    name: Aplikasi kementerian
    owner: Dinkes
    criticality: rendah
    classification: terbatas
    hosting: {provider: Kementerian, type: saas, location: indonesia}
    cost: {amount: 600000, per: month}
    migration: {strategy: retain}
"""

# Hand-made: arsip alone in the pilot (80 GB; web's 20 GB more would overflow it, api+worker would
# make 3 systems); api+worker and db fill February's 4 vcpu and 6 team days; app (after db, critical
# like db), portal (pinned) and web fill March; mahal, which costs more in the Data Center, waits.
PLAN = {
    "arsip": 1,
    "api": 2,
    "worker": 2,
    "db": 2,
    "app": 3,
    "portal": 3,
    "web": 3,
    "mahal": 4,
}


@pytest.fixture
def inputs(tmp_path: Path) -> Inputs:
    """The inputs of the tiny programme."""
    (tmp_path / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (tmp_path / "kota-uji.yaml").write_text(INVENTORY, encoding="utf-8")
    result = validate([tmp_path])
    assert result.errors == 0
    return result.loaded.inputs


def doc_of(inputs: Inputs, **changes: int | None) -> dict[str, Any]:
    """The plan.json of PLAN with ``changes`` (system id → wave, None for unscheduled)."""
    waves = {**PLAN, **changes}
    return expected_doc(Programme(inputs), {f"kota-uji/{k}": w for k, w in waves.items()})


def problems(inputs: Inputs, **changes: int | None) -> list[str]:
    """What check_plan finds in the plan with ``changes``."""
    return check_plan(doc_of(inputs, **changes), inputs)


def has(found: list[str], text: str) -> bool:
    """Whether some problem contains ``text``."""
    return any(text in p for p in found)


def system(doc: dict[str, Any], name: str) -> dict[str, Any]:
    """The plan.json entry of system ``name``."""
    entry: dict[str, Any] = next(s for s in doc["systems"] if s["ref"] == f"kota-uji/{name}")
    return entry


def test_hand_made_plan_is_valid(inputs: Inputs) -> None:
    """The hand-made plan keeps every rule, is left-shift closed, and its figures add up."""
    assert problems(inputs) == []


def test_hand_made_figures(inputs: Inputs) -> None:
    """web in wave 3 (m_c = 2): −O = −200,000, then 9 × (2,000,000 − 240,000); NPV at rate 0.

    I = 1 · 100,000 + 2 · 10,000 + 20 · 1,000 + 100,000 = 240,000; 15,840,000 − 200,000.
    The bound takes each group at its best own-allowed wave: api+worker 1 (8,270,000 + 2,770,000),
    app 2 (11,300,000), arsip 1 (4,300,000), db 2 (25,900,000), mahal none (−1,160,000 at best,
    so 0), portal 3 (5,020,000), web 1 (19,160,000): 76,720,000. Plan: 69,750,000;
    gap (76,720,000 − 69,750,000) / 76,720,000 = 0.0908498… → "0.0908".
    """
    doc = doc_of(inputs)
    assert system(doc, "web")["money"]["npv"] == 15640000
    assert doc["totals"]["npv"] == 69750000
    assert doc["bound"] == {"npv": 76720000, "gap": "0.0908"}
    assert system(doc, "app")["end_early"] is True
    assert system(doc, "mahal")["blocked_by"] == [
        {"wave": 1, "reason": "not_before"},
        {"wave": 2, "reason": "team_days"},
        {"wave": 3, "reason": "team_days"},
    ]


def test_brute_force_finds_the_hand_made_plan(inputs: Inputs) -> None:
    """With the plan rules the optimum is the hand-made plan; without them mahal stays out."""
    prog = Programme(inputs)
    best = best_plan(prog, plan_rules=True)
    assert best is not None
    assert best.assign == {f"kota-uji/{k}": w for k, w in PLAN.items()}
    assert best.value == 69750000
    assert best_npv(inputs) == 69750000 + 1160000


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"mahal": 5}, "rule 1 (open): kota-uji/mahal"),
        ({"worker": 3}, "rule 2 (groups): members of group kota-uji/api"),
        ({"db": 3, "app": 2}, "rule 3 (dependencies): kota-uji/app (wave 2) depends on"),
        ({"portal": 4}, "rule 4 (pin): kota-uji/portal"),
        ({"mahal": 1}, "rule 4 (not_before): kota-uji/mahal"),
        ({"mahal": 3}, "rule 5 (team): wave 3"),
        ({"web": 1}, "rule 6 (transfer): wave 1"),
        ({"web": 2}, "rule 7 (capacity): vcpu 5 in use by wave 2 exceeds 4"),
        ({"db": 1}, "rule 8 (pilot): kota-uji/db is not eligible"),
        ({"api": 1, "worker": 1}, "rule 8 (pilot): pilot wave 1 holds 3 systems"),
        ({"arsip": 2}, "rule 9 (freeze): kota-uji/arsip"),
        ({"app": 2}, "rule 10 (critical): wave 2 holds 2"),
        ({"db": None}, "unscheduled rule: kota-uji/app depends on unscheduled kota-uji/db"),
        ({"mahal": None}, "unscheduled rule: group kota-uji/mahal is unscheduled but fits"),
        ({"db": 4}, "deadline rule: kota-uji/db is late in wave 4"),
        ({"web": 4}, "left-shift closure: group kota-uji/web could move from wave 4 to wave 3"),
    ],
)
def test_checker_catches_each_rule(
    inputs: Inputs, changes: dict[str, int | None], expected: str
) -> None:
    """A plan that breaks one rule is reported, naming the rule."""
    found = problems(inputs, **changes)
    assert has(found, expected), found


def test_late_system_with_room_before_its_deadline(inputs: Inputs) -> None:
    """db late in wave 4 is allowed only when no earlier wave could take it: here one could."""
    found = problems(inputs, db=4, app=4, mahal=3, web=2)
    assert has(found, "deadline rule: kota-uji/db"), found


def tampered(inputs: Inputs, path: list[str | int], value: object) -> list[str]:
    """check_plan on the hand-made plan with one figure replaced."""
    doc = copy.deepcopy(doc_of(inputs))
    node: Any = doc
    for key in path[:-1]:
        node = (
            node[key]
            if not isinstance(key, str) or not key.startswith("kota-uji/")
            else next(s for s in node if s["ref"] == key)
        )
    node[path[-1]] = value
    return check_plan(doc, inputs)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["systems", "kota-uji/web", "money", "npv"], 15640001, "money.npv: is 15640001"),
        (["systems", "kota-uji/web", "money", "by_year"], {}, "money.by_year: keys"),
        (["systems", "kota-uji/app", "end_early"], False, "end_early: is False"),
        (["systems", "kota-uji/app", "money", "termination_fee"], 0, "termination_fee"),
        (["systems", "kota-uji/web", "late"], True, "late: is True"),
        (["systems", "kota-uji/api", "group"], None, "kota-uji/api].group"),
        (["systems", "kota-uji/web", "cutover"], "2027-03-29", "cutover"),
        (["systems", "kota-uji/db", "deadline"], None, "deadline"),
        (["systems", "kota-uji/legacy", "status"], "scheduled", "expected 'retained'"),
        (["systems", "kota-uji/web", "blocked_by"], [], "blocked_by"),
        (["systems", "kota-uji/mahal", "blocked_by", 1, "reason"], "capacity", "reason"),
        (["totals", "npv"], 1, "totals.npv"),
        (["totals", "payback_month"], "2027-05", "payback_month"),
        (["totals", "by_year"], {"2027": 0, "2028": 0}, "totals.by_year"),
        (["totals", "dc_running_cost_by_year", "2027"], 0, "dc_running_cost_by_year"),
        (["bound", "npv"], 69749999, "bound.npv"),
        (["bound", "gap"], "0.09", "bound.gap"),
        (["waves", 0, "load", "effort_days"], "1", "load.effort_days"),
        (["waves", 1, "systems"], ["kota-uji/api"], "waves[1].systems"),
        (["waves", 4, "open"], True, "waves[4].open"),
        (["groups"], [], "groups"),
        (["schema"], "migrasi/plan/v2", "schema"),
    ],
)
def test_checker_catches_wrong_figures(
    inputs: Inputs, path: list[str | int], value: object, expected: str
) -> None:
    """A plan.json whose figure differs from the spec's is reported at that figure."""
    found = tampered(inputs, path, value)
    assert has(found, expected), found


def test_checker_catches_order_and_missing_systems(inputs: Inputs) -> None:
    """Systems out of ref order, or a system left out, are reported."""
    doc = doc_of(inputs)
    doc["systems"].reverse()
    assert has(check_plan(doc, inputs), "systems are not sorted")
    doc = doc_of(inputs)
    doc["systems"] = [s for s in doc["systems"] if s["ref"] != "kota-uji/legacy"]
    assert has(check_plan(doc, inputs), "systems missing from the plan: ['kota-uji/legacy']")


def test_checker_catches_diagnostics(inputs: Inputs) -> None:
    """A W310 for a scheduled system, or a missing W309 for a late one, is reported."""
    doc = doc_of(inputs)
    doc["diagnostics"].append(
        {"file": system_file(inputs), "path": "systems[0].id", "code": "W310"}
    )
    assert has(check_plan(doc, inputs), "unexpected W310")
    late = doc_of(inputs, db=4)
    late["diagnostics"] = []
    assert has(check_plan(late, inputs), "missing W309")


def system_file(inputs: Inputs) -> str:
    """The inventory's file name as the loader reports it."""
    return inputs.inventories[0].file


LATE_INVENTORY = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - id: sipd
    name: SIPD
    owner: BPKAD
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 2000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 20}
    migration: {strategy: rehost, not_after: 2027-01-15}
  - id: simda
    name: SIMDA
    owner: BPKAD
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 2000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 20}
    migration: {strategy: rehost, not_after: 2027-01-15}
    accepted_warnings: {W309: "tenggat dari pusat, sudah dibahas"}
"""


def test_late_system_that_no_wave_can_save(tmp_path: Path) -> None:
    """A deadline before wave 1's cutover makes a system late in any wave: allowed, with W309."""
    (tmp_path / "datacenter.yaml").write_text(DATACENTER, encoding="utf-8")
    (tmp_path / "kota-uji.yaml").write_text(LATE_INVENTORY, encoding="utf-8")
    result = validate([tmp_path])
    assert result.errors == 0
    late_inputs = result.loaded.inputs
    prog = Programme(late_inputs)
    doc: dict[str, Any] = expected_doc(prog, {"kota-uji/sipd": 1, "kota-uji/simda": 1})
    assert check_plan(doc, late_inputs) == []
    assert [s["late"] for s in doc["systems"]] == [True, True]
    # simda accepted W309: only sipd's is reported.
    assert [(d["code"], d["path"]) for d in doc["diagnostics"]] == [("W309", "systems[0].id")]
    later = expected_doc(prog, {"kota-uji/sipd": 2, "kota-uji/simda": 1})
    assert has(check_plan(later, late_inputs), "left-shift closure: group kota-uji/sipd")
    assert not has(check_plan(later, late_inputs), "deadline rule")
