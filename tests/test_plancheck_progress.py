"""check_plan on a hand-made programme under way (progress.md), and on variants breaking rules."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from migrasi.api import validate
from migrasi.core.programme import Inputs
from tests.plancheck.bruteforce import best_plan
from tests.plancheck.build import expected_doc
from tests.plancheck.checker import check_plan
from tests.plancheck.programme import Programme
from tests.plancheck.rules import rule_violations
from tests.plancheck.state import PlanState

# Waves of 4 weeks from 2027-01-04: 1 Jan 4–31 (pilot), 2 Feb 1–28, 3 Mar 1–28, 4 Mar 29–Apr 25,
# 5 Apr 26–May 23 (closed: the blackout of May 1–2), 6 May 24–Jun 20. As of 2027-03-10 waves 1–3
# have started, 1 and 2 have ended; 4 and 6 are the open future waves. vcpu 4, 10 from Apr 1 on.
# Team 6 days (3 rehosts of 2 days), 90 GB a wave, 1 critical system a wave.
DATACENTER = """\
schema: migrasi/datacenter/v1
name: Pusat Data Uji
capacity:
  vcpu: 4
  ram_gb: 32
  storage_gb: 500
  expansions:
    - {from: 2027-04-01, vcpu: 6, ram_gb: 0, storage_gb: 0}
running_cost: {per_vcpu: 100000, per_ram_gb: 10000, per_storage_gb: 1000, per_system: 100000}
schedule:
  start: 2027-01-04
  as_of: 2027-03-10
  wave_weeks: 4
  waves: 6
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

# arsip, db and sipd are done (sipd after its deadline), api is under way in started wave 3 and
# so fixed, apart from worker, its move_with partner; hub is under way but pinned to future wave 6.
INVENTORY = """\
schema: migrasi/inventory/v1
region: {id: kota-uji, code: "15.71", name: Kota Uji, kind: kota}
systems:
  - id: arsip
    name: Arsip lama
    owner: Bappeda
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: shared, location: indonesia}
    cost: {amount: 400000, per: month}
    migration: {strategy: retire, status: done, cutover_on: 2027-01-30}
  - id: db
    name: Basis data
    owner: Diskominfo
    criticality: tinggi
    classification: terbatas
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 3000000, per: month}
    resources: {vcpu: 2, ram_gb: 4, storage_gb: 50}
    migration: {strategy: rehost, status: done, cutover_on: 2027-02-20}
  - id: api
    name: API
    owner: BKPSDM
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 1000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 10}
    migration: {strategy: rehost, wave: 3, status: in_progress}
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
  - id: sipd
    name: SIPD
    owner: BPKAD
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 2000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 20}
    migration: {strategy: rehost, not_after: 2027-02-15, status: done, cutover_on: 2027-03-05}
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
  - id: web
    name: Website
    owner: Diskominfo
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 2000000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 20}
    migration: {strategy: rehost}
  - id: portal
    name: Portal warga
    owner: Dinkes
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 800000, per: month}
    resources: {vcpu: 1, ram_gb: 1, storage_gb: 10}
    migration: {strategy: rehost, wave: 4}
  - id: mahal
    name: Lebih mahal di Pusat Data
    owner: Dinkes
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 100000, per: month}
    resources: {vcpu: 1, ram_gb: 1, storage_gb: 10}
    migration: {strategy: rehost}
  - id: hub
    name: Hub layanan
    owner: Diskominfo
    criticality: rendah
    classification: publik
    hosting: {provider: PT Awan, type: vps, location: indonesia}
    cost: {amount: 1200000, per: month}
    resources: {vcpu: 1, ram_gb: 2, storage_gb: 10}
    migration: {strategy: rehost, wave: 6, status: in_progress}
  - id: legacy
    name: Aplikasi kementerian
    owner: Dinkes
    criticality: rendah
    classification: terbatas
    hosting: {provider: Kementerian, type: saas, location: indonesia}
    cost: {amount: 600000, per: month}
    migration: {strategy: retain}
"""

# The six systems that are not fixed fill the six places of the future waves (3 team-day slots
# each). Wave 4 takes portal (pinned), web and app (ending its contract early); wave 6 hub
# (pinned), worker and mahal, which costs more in the Data Center but must not be left out.
PLAN = {"worker": 6, "app": 4, "web": 4, "portal": 4, "mahal": 6, "hub": 6}
FIXED = {"arsip": ("done", 1, "2027-01-30"), "db": ("done", 2, "2027-02-20")}
FIXED |= {"sipd": ("done", 3, "2027-03-05"), "api": ("in_progress", 3, "2027-03-28")}


def write(folder: Path, datacenter: str = DATACENTER, inventory: str = INVENTORY) -> Inputs:
    """Write the programme into ``folder`` and return its validated inputs."""
    (folder / "datacenter.yaml").write_text(datacenter, encoding="utf-8")
    (folder / "kota-uji.yaml").write_text(inventory, encoding="utf-8")
    result = validate([folder])
    assert result.errors == 0
    return result.loaded.inputs


@pytest.fixture
def inputs(tmp_path: Path) -> Inputs:
    """The inputs of the programme under way."""
    return write(tmp_path)


def doc_of(inputs: Inputs, **changes: int | None) -> dict[str, Any]:
    """The plan.json of PLAN with ``changes`` (system id → wave, None for unscheduled)."""
    waves = {f"kota-uji/{k}": w for k, w in {**PLAN, **changes}.items()}
    prog = Programme(inputs)
    return expected_doc(prog, {ref: w for ref, w in waves.items() if ref not in prog.fixed})


def has(found: list[str], text: str) -> bool:
    """Whether some problem contains ``text``."""
    return any(text in p for p in found)


def system(doc: dict[str, Any], name: str) -> dict[str, Any]:
    """The plan.json entry of system ``name``."""
    entry: dict[str, Any] = next(s for s in doc["systems"] if s["ref"] == f"kota-uji/{name}")
    return entry


def test_hand_made_progress_plan_is_valid(inputs: Inputs) -> None:
    """The hand-made plan keeps every rule of planning.md and progress.md."""
    assert check_plan(doc_of(inputs), inputs) == []


def test_fixed_systems_stay_where_the_record_puts_them(inputs: Inputs) -> None:
    """Done systems sit at their cutover_on in the wave holding it; api keeps its started wave."""
    prog = Programme(inputs)
    assert sorted(prog.fixed) == sorted(f"kota-uji/{k}" for k in FIXED)
    doc = doc_of(inputs)
    for name, (status, wave, cutover) in FIXED.items():
        entry = system(doc, name)
        assert (entry["status"], entry["wave"], entry["cutover"]) == (status, wave, cutover)
        assert entry["blocked_by"] == []
    assert system(doc, "hub")["status"] == "in_progress"
    assert [(w["started"], w["ended"]) for w in doc["waves"]] == [
        (True, True), (True, True), (True, False), (False, False), (False, False), (False, False)
    ]  # fmt: skip
    assert doc["waves"][2]["systems"] == ["kota-uji/api", "kota-uji/sipd"]
    assert doc["as_of"] == "2027-03-10"


def test_hand_made_progress_figures(inputs: Inputs) -> None:
    """Saving to date, the bound with fixed systems, and the gap, worked out by hand (rate 0).

    To date (months 0–1, before March): arsip, retired in month 0, −O + E = −100,000 + 400,000
    = 300,000; db, cut over in month 1, −O = −200,000; the others 0: the programme 100,000.
    Fixed NPVs: arsip 4,300,000, db 25,900,000, sipd 15,640,000, api 6,730,000 = 52,570,000.
    Groups alone in their best future wave: web 13,880,000 (4), worker 1,960,000 (4), app
    8,800,000 (4, ending early), portal 4,440,000 (4), hub 5,620,000 (6), mahal 0 (a loss in
    every wave): the bound 87,270,000. The plan: worker 1,420,000 and mahal −920,000 in wave 6,
    85,810,000; gap 1,460,000 / 87,270,000 = 0.01673… → "0.0167".
    """
    doc = doc_of(inputs)
    assert system(doc, "arsip")["money"]["to_date"] == 300000
    assert system(doc, "db")["money"]["to_date"] == -200000
    assert doc["totals"]["to_date"] == 100000
    assert doc["totals"]["npv"] == 85810000
    assert doc["bound"] == {"npv": 87270000, "gap": "0.0167"}
    assert doc["totals"]["progress"] == {
        "done": 3, "in_progress": 2, "scheduled": 5, "unscheduled": 0, "retained": 1
    }  # fmt: skip
    assert system(doc, "sipd")["late"] is True
    # sipd is late (W309); api was cut over apart from worker, its move_with partner (W312).
    found = sorted((d["code"], d["path"]) for d in doc["diagnostics"])
    assert found == [("W309", "systems[4].id"), ("W312", "systems[2].id")]
    started = [{"wave": k, "reason": "started"} for k in (1, 2, 3)]
    assert system(doc, "web")["blocked_by"] == started
    assert system(doc, "mahal")["blocked_by"] == [*started, {"wave": 4, "reason": "team_days"}]
    assert system(doc, "hub")["blocked_by"] == [*started, {"wave": 4, "reason": "pin"}]


def test_brute_force_over_future_waves_finds_the_hand_made_plan(inputs: Inputs) -> None:
    """The optimum over the future waves is the hand-made plan, fixed systems counted in."""
    best = best_plan(Programme(inputs), plan_rules=True)
    assert best is not None
    assert best.assign == {f"kota-uji/{k}": w for k, w in PLAN.items()}
    assert best.value == 85810000


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"web": 3}, "rule 11 (not in the past): kota-uji/web is not fixed but in started wave 3"),
        ({"worker": 2}, "rule 11 (not in the past): kota-uji/worker"),
        ({"web": 1, "portal": None}, "rule 11 (not in the past): kota-uji/web"),
        ({"mahal": 5}, "rule 1 (open): kota-uji/mahal"),
        ({"worker": 4, "mahal": None}, "rule 5 (team): wave 4"),
        ({"hub": 4, "worker": None}, "rule 4 (pin): kota-uji/hub"),
        ({"mahal": None}, "unscheduled rule: group kota-uji/mahal is unscheduled but fits"),
        ({"worker": 3}, "rule 11 (not in the past): kota-uji/worker"),
    ],
)
def test_checker_catches_each_progress_rule(
    inputs: Inputs, changes: dict[str, int | None], expected: str
) -> None:
    """A plan that breaks one rule is reported, naming the rule."""
    found = check_plan(doc_of(inputs, **changes), inputs)
    assert has(found, expected), found


def tampered(inputs: Inputs, path: list[str | int], value: object) -> list[str]:
    """check_plan on the hand-made plan with one value replaced."""
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
        (["systems", "kota-uji/db", "wave"], 3, "fixed system kota-uji/db"),
        (["systems", "kota-uji/db", "cutover"], "2027-02-28", "fixed system kota-uji/db"),
        (["systems", "kota-uji/api", "status"], "scheduled", "fixed system kota-uji/api"),
        (["systems", "kota-uji/hub", "status"], "scheduled", "kota-uji/hub: status 'scheduled'"),
        (["systems", "kota-uji/web", "status"], "in_progress", "kota-uji/web: status"),
        (["systems", "kota-uji/web", "blocked_by", 0, "reason"], "npv", "blocked_by[0].reason"),
        (["systems", "kota-uji/api", "blocked_by"], [{"wave": 1, "reason": "started"}], "api"),
        (["systems", "kota-uji/arsip", "money", "to_date"], 0, "money.to_date: is 0"),
        (["systems", "kota-uji/sipd", "late"], False, "sipd].late"),
        (["totals", "to_date"], 0, "totals.to_date: is 0, expected 100000"),
        (["totals", "progress", "done"], 4, "totals.progress.done"),
        (["totals", "progress"], {"done": 3}, "totals.progress: keys"),
        (["totals", "by_region", "kota-uji", "payback_month"], None, "payback_month"),
        (["waves", 2, "ended"], True, "waves[2].ended"),
        (["waves", 3, "started"], True, "waves[3].started"),
        (["waves", 2, "systems"], ["kota-uji/api"], "waves[2].systems"),
        (["as_of"], None, "as_of is None, expected '2027-03-10'"),
        (["bound", "npv"], 87270001, "bound.npv"),
        (["monthly", "programme", 1], 0, "monthly.programme[1]: is 0, expected 200000"),
        (["monthly", "by_region", "kota-uji", 0], 0, "monthly.by_region.kota-uji[0]"),
    ],
)
def test_checker_catches_wrong_progress_figures(
    inputs: Inputs, path: list[str | int], value: object, expected: str
) -> None:
    """A plan.json whose progress figure differs from the spec's is reported at that figure."""
    found = tampered(inputs, path, value)
    assert has(found, expected), found


def test_checker_wants_w309_and_w312_for_fixed_systems(inputs: Inputs) -> None:
    """sipd, done after its deadline, is late with W309; api, under way without worker, W312."""
    doc = doc_of(inputs)
    doc["diagnostics"] = []
    found = check_plan(doc, inputs)
    assert has(found, "missing W309 at") and has(found, "missing W312 at"), found


def test_w312_for_a_system_cut_over_before_its_dependency(tmp_path: Path) -> None:
    """web, done on 2027-02-10 while app, which it depends on, is not cut over yet: W312."""
    inventory = INVENTORY.replace(
        "    migration: {strategy: rehost}\n  - id: portal",
        "    migration: {strategy: rehost, status: done, cutover_on: 2027-02-10}\n"
        "    depends_on: [app]\n  - id: portal",
    )
    inputs = write(tmp_path, inventory=inventory)
    doc = doc_of(inputs, worker=4)
    assert ("W312", "systems[6].id") in [(d["code"], d["path"]) for d in doc["diagnostics"]]
    assert check_plan(doc, inputs) == []
    doc["diagnostics"] = [d for d in doc["diagnostics"] if d["path"] != "systems[6].id"]
    assert has(check_plan(doc, inputs), "missing W312 at")


def test_capacity_counts_fixed_systems(tmp_path: Path) -> None:
    """Rule 7 on future waves counts the fixed systems; where they alone exceed the capacity,
    only systems adding nothing (retired ones, or none at all) may be placed up to that wave."""
    small = DATACENTER.replace("vcpu: 6, ram_gb: 0", "vcpu: 0, ram_gb: 0").replace(
        "vcpu: 4\n", "vcpu: 3\n"
    )
    inputs = write(tmp_path, small)
    prog = Programme(inputs)
    assert prog.fixed_use[0] == 4  # db 2, api 1, sipd 1: more than the 3 vcpu there are
    nobody: dict[str, int | None] = dict.fromkeys(prog.free)
    assert rule_violations(PlanState(prog, nobody)) == []
    web = {**nobody, "kota-uji/web": 4}
    assert has(rule_violations(PlanState(prog, web)), "rule 7 (capacity): vcpu 5 in use by wave 4")
    roomy = write(tmp_path, DATACENTER.replace("vcpu: 6, ram_gb: 0", "vcpu: 2, ram_gb: 0"))
    prog = Programme(roomy)
    two = {**dict.fromkeys(prog.free), "kota-uji/web": 4, "kota-uji/portal": 4}
    assert rule_violations(PlanState(prog, two)) == []
    three = {**two, "kota-uji/worker": 6}
    assert has(rule_violations(PlanState(prog, three)), "vcpu 7 in use by wave 6 exceeds 6")
