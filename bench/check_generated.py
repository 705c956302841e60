"""Independent sanity check of a folder of generated inventories (not migrasi's validator).

Usage::

    python bench/check_generated.py DIR

It re-reads every ``*.yaml`` file with PyYAML's composer and checks what the generator promises:
the shape and enums of the input format, no repeated keys, numbers written unquoted and
exactly (``12.5``, never ``"4"`` or ``1e3``), text that no YAML reader takes for a number, unique
region ids and codes, unique system ids, refs that exist, no self refs, no repeated refs,
``move_with`` never joining a moved system with a retired or retained one, ``not_before <=
not_after``, known currencies, and that every move group fits one wave (the E207 limits). It then
prints how much of the per-wave budgets the whole set needs. Exit status 1 when a problem is found.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
DATE = "tag:yaml.org,2002:timestamp"
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
EXACT = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")
MOVED = {"rehost", "replatform", "refactor", "repurchase"}
STRATEGIES = MOVED | {"retire", "retain"}


@dataclass(frozen=True)
class Scalar:
    text: str
    tag: str
    plain: bool
    line: int


Value = Any  # Scalar | dict[str, Value] | list[Value]


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.where = ""

    def fail(self, path: str, message: str, node: Scalar | None = None) -> None:
        line = f":{node.line}" if node is not None else ""
        self.problems.append(f"{self.where}{line}: {path}: {message}")

    # ----------------------------------------------------------------- reading

    def convert(self, node: yaml.Node, path: str) -> Value:
        if isinstance(node, yaml.ScalarNode):
            plain = node.style in (None, "")  # libyaml marks plain scalars with ""
            return Scalar(str(node.value), node.tag, plain, node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Value] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key in out:
                    self.fail(path, f"repeated key {key!r}")
                out[key] = self.convert(value_node, f"{path}.{key}")
            return out
        self.fail(path, "unexpected node")
        return None

    # ----------------------------------------------------------------- typed access

    def keys(self, m: Value, path: str, required: set[str], optional: set[str]) -> dict[str, Value]:
        if not isinstance(m, dict):
            self.fail(path, "not a mapping")
            return {}
        for key in sorted(required - m.keys()):
            self.fail(path, f"missing {key!r}")
        for key in sorted(m.keys() - required - optional):
            self.fail(path, f"unknown key {key!r}")
        return m

    def text(self, v: Value, path: str, pattern: re.Pattern[str] | None = None) -> str:
        if not isinstance(v, Scalar) or v.tag != STR or not v.text:
            self.fail(path, f"expected text a YAML reader takes as text, got {v!r}")
            return ""
        if pattern is not None and not pattern.fullmatch(v.text):
            self.fail(path, f"{v.text!r} does not match {pattern.pattern}", v)
        return v.text

    def enum(self, v: Value, path: str, allowed: set[str]) -> str:
        value = self.text(v, path)
        if value and value not in allowed:
            self.fail(path, f"{value!r} not in {sorted(allowed)}", v)
        return value

    def number(self, v: Value, path: str, *, integer: bool = False, minimum: int = 0) -> Fraction:
        if not isinstance(v, Scalar) or not v.plain or v.tag not in (INT, FLOAT):
            self.fail(path, f"expected an unquoted number, got {v!r}")
            return Fraction(0)
        if not EXACT.fullmatch(v.text) or (integer and "." in v.text):
            self.fail(path, f"number {v.text!r} is not written as a plain exact value", v)
            return Fraction(0)
        if "." in v.text and repr(float(v.text)) != v.text:
            self.fail(path, f"decimal {v.text!r} does not survive a float round trip", v)
        value = Fraction(Decimal(v.text))
        if value < minimum:
            self.fail(path, f"{v.text} is below {minimum}", v)
        return value

    def day(self, v: Value, path: str) -> date:
        if not isinstance(v, Scalar) or not v.plain or v.tag != DATE:
            self.fail(path, f"expected an unquoted YYYY-MM-DD date, got {v!r}")
            return date.min
        try:
            return date.fromisoformat(v.text)
        except ValueError:
            self.fail(path, f"bad date {v.text!r}", v)
            return date.min

    def boolean(self, v: Value, path: str) -> bool:
        if not isinstance(v, Scalar) or v.tag != BOOL or v.text not in ("true", "false"):
            self.fail(path, f"expected true or false, got {v!r}")
            return False
        return v.text == "true"

    def refs(self, v: Value, path: str) -> list[str]:
        if not isinstance(v, list):
            self.fail(path, "expected a list of refs")
            return []
        out = [self.text(item, f"{path}[{i}]") for i, item in enumerate(v)]
        for ref, n in Counter(out).items():
            if n > 1:
                self.fail(path, f"repeated ref {ref!r}")
        return out


@dataclass
class Sys:
    ref: str
    strategy: str
    critical: bool
    effort: Fraction | None
    data: Fraction | None
    resources: tuple[Fraction, Fraction, Fraction]
    depends_on: list[str]
    move_with: list[str]
    currency: str


def check_cost(c: Checker, cost_node: Value, path: str) -> str:
    """Checks `cost`; returns its currency."""
    cost = c.keys(
        cost_node, path, {"amount", "per"}, {"currency", "contract_end", "termination_fee"}
    )
    if not cost:
        return "IDR"
    c.number(cost.get("amount"), f"{path}.amount")
    c.enum(cost.get("per"), f"{path}.per", {"month", "year"})
    if "contract_end" in cost:
        c.day(cost["contract_end"], f"{path}.contract_end")
    if "termination_fee" in cost:
        c.number(cost["termination_fee"], f"{path}.termination_fee")
    if "currency" in cost:
        return c.text(cost["currency"], f"{path}.currency", re.compile(r"[A-Z]{3}"))
    return "IDR"


def check_migration(
    c: Checker, node: Value, path: str
) -> tuple[str, Fraction | None, Fraction | None]:
    """Checks `migration`; returns (strategy, effort_days, data_gb)."""
    mig = c.keys(
        node,
        path,
        {"strategy"},
        {"effort_days", "data_gb", "wave", "not_before", "not_after", "freeze_months"},
    )
    if not mig:
        return "", None, None
    strategy = c.enum(mig.get("strategy"), f"{path}.strategy", STRATEGIES)
    effort = c.number(mig["effort_days"], f"{path}.effort_days") if "effort_days" in mig else None
    data = c.number(mig["data_gb"], f"{path}.data_gb") if "data_gb" in mig else None
    if "wave" in mig:
        c.number(mig["wave"], f"{path}.wave", integer=True, minimum=1)
    nb = c.day(mig["not_before"], f"{path}.not_before") if "not_before" in mig else None
    na = c.day(mig["not_after"], f"{path}.not_after") if "not_after" in mig else None
    if nb is not None and na is not None and nb > na:
        c.fail(path, "not_before after not_after")
    if "freeze_months" in mig:
        months = mig["freeze_months"]
        if not isinstance(months, list):
            c.fail(f"{path}.freeze_months", "not a list")
        else:
            values = [c.number(x, f"{path}.freeze_months", integer=True, minimum=1) for x in months]
            if len(set(values)) != len(values) or any(v > 12 for v in values):
                c.fail(f"{path}.freeze_months", f"bad months {values}")
    return strategy, effort, data


def check_system(c: Checker, s: Value, path: str, region: str) -> Sys | None:
    m = c.keys(
        s,
        path,
        {"id", "name", "owner", "criticality", "classification", "hosting", "cost", "migration"},
        {"service", "personal_data", "resources", "depends_on", "move_with"}
        | {"accepted_warnings", "notes"},
    )
    if not m:
        return None
    sid = c.text(m.get("id"), f"{path}.id", SLUG)
    for key in ("name", "owner"):
        if len(c.text(m.get(key), f"{path}.{key}")) > 200:
            c.fail(f"{path}.{key}", "longer than 200 characters")
    if "service" in m:
        c.enum(m["service"], f"{path}.service", {"administrasi", "publik"})
    crit = c.enum(m.get("criticality"), f"{path}.criticality", {"rendah", "tinggi", "strategis"})
    c.enum(m.get("classification"), f"{path}.classification", {"publik", "terbatas", "rahasia"})
    if "personal_data" in m:
        c.boolean(m["personal_data"], f"{path}.personal_data")
    h = c.keys(m.get("hosting"), f"{path}.hosting", {"provider", "type", "location"}, set())
    if h:
        c.text(h.get("provider"), f"{path}.hosting.provider")
        kinds = {"cloud", "vps", "dedicated", "colocation", "shared", "saas", "government"}
        c.enum(h.get("type"), f"{path}.hosting.type", kinds)
        c.enum(h.get("location"), f"{path}.hosting.location", {"jambi", "indonesia", "overseas"})
    currency = check_cost(c, m.get("cost"), f"{path}.cost")
    strategy, effort, data = check_migration(c, m.get("migration"), f"{path}.migration")
    resources = (Fraction(0), Fraction(0), Fraction(0))
    if "resources" in m or strategy in MOVED:
        r = c.keys(m.get("resources"), f"{path}.resources", {"vcpu", "ram_gb", "storage_gb"}, set())
        if r:
            resources = (
                c.number(r.get("vcpu"), f"{path}.resources.vcpu", integer=True, minimum=1),
                c.number(r.get("ram_gb"), f"{path}.resources.ram_gb"),
                c.number(r.get("storage_gb"), f"{path}.resources.storage_gb"),
            )
    if "accepted_warnings" in m:
        aw = m["accepted_warnings"]
        if not isinstance(aw, dict) or not all(re.fullmatch(r"W\d{3}", k) for k in aw):
            c.fail(f"{path}.accepted_warnings", "expected a mapping of W codes")
        else:
            for code, why in aw.items():
                c.text(why, f"{path}.accepted_warnings.{code}")
    if "notes" in m:
        c.text(m["notes"], f"{path}.notes")

    def refs(key: str) -> list[str]:
        raw = c.refs(m[key], f"{path}.{key}") if key in m else []
        return [x if "/" in x else f"{region}/{x}" for x in raw]

    return Sys(
        ref=f"{region}/{sid}",
        strategy=strategy,
        critical=crit in ("tinggi", "strategis"),
        effort=effort,
        data=data,
        resources=resources,
        depends_on=refs("depends_on"),
        move_with=refs("move_with"),
        currency=currency,
    )


@dataclass
class Inventories:
    systems: dict[str, Sys]
    region_ids: dict[str, str]
    datacenter: dict[str, Value]


def check_region(c: Checker, root: dict[str, Value], file: Path, inv: Inventories) -> None:
    c.keys(root, "", {"schema", "region", "systems"}, set())
    reg = c.keys(root.get("region"), "region", {"id", "code", "name", "kind"}, {"bps_code"})
    rid = c.text(reg.get("id"), "region.id", SLUG)
    code = c.text(reg.get("code"), "region.code", re.compile(r"\d{2}(\.\d{2})?"))
    c.text(reg.get("name"), "region.name")
    c.enum(reg.get("kind"), "region.kind", {"provinsi", "kabupaten", "kota"})
    if "bps_code" in reg:
        c.text(reg["bps_code"], "region.bps_code", re.compile(r"\d{2}(\d{2})?"))
    for key, what in ((rid, "region id"), (f"code {code}", "code")):
        if key in inv.region_ids:
            c.fail("region", f"{what} {key!r} also used by {inv.region_ids[key]}")
        inv.region_ids[key] = str(file)
    items = root.get("systems")
    if not isinstance(items, list):
        c.fail("systems", "not a list")
        return
    for i, item in enumerate(items):
        s = check_system(c, item, f"systems[{i}]", rid)
        if s is None:
            continue
        if s.ref in inv.systems:
            c.fail(f"systems[{i}]", f"system {s.ref!r} appears twice")
        inv.systems[s.ref] = s


def read_folder(c: Checker, folder: Path) -> Inventories:
    inv = Inventories({}, {}, {})
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for file in sorted(folder.rglob("*.yaml")):
        c.where = str(file)
        node = yaml.compose(file.read_text(encoding="utf-8"), Loader=loader)
        root = c.convert(node, "") if node is not None else None
        if not isinstance(root, dict):
            c.fail("", "not a mapping")
            continue
        schema_node = root.get("schema")
        schema = schema_node.text if isinstance(schema_node, Scalar) else None
        if schema == "migrasi/datacenter/v1":
            if inv.datacenter:
                c.fail("", "second data-center file")
            inv.datacenter = root
        elif schema == "migrasi/inventory/v1":
            check_region(c, root, file, inv)
        else:
            c.fail("", f"unknown schema {schema!r}")
    return inv


DIMS = ("vcpu", "ram_gb", "storage_gb")


@dataclass
class Datacenter:
    total_capacity: list[Fraction]
    schedule: dict[str, Fraction]
    effort_defaults: dict[str, Fraction]
    fx: dict[str, Fraction]

    def effort(self, s: Sys) -> Fraction:
        return s.effort if s.effort is not None else self.effort_defaults[s.strategy]

    @staticmethod
    def data(s: Sys) -> Fraction:
        if s.data is not None:
            return s.data
        return s.resources[2] if s.strategy in MOVED else Fraction(0)

    def link_budget(self) -> Fraction:
        return self.schedule["transfer_hours"] * 3600 * self.schedule["link_mbps"]


def check_datacenter(c: Checker, root: dict[str, Value]) -> Datacenter:
    c.where = "datacenter"
    dc = c.keys(
        root,
        "",
        {"schema", "name", "capacity", "running_cost", "schedule", "effort_days", "finance"},
        set(),
    )
    cap = dc["capacity"]
    total = [c.number(cap[d], f"capacity.{d}") for d in DIMS]
    for e in cap.get("expansions", []):
        c.day(e["from"], "capacity.expansions.from")
        for k, d in enumerate(DIMS):
            total[k] += c.number(e[d], f"expansions.{d}")
    for key, value in dc["running_cost"].items():
        if key != "currency":
            c.number(value, f"running_cost.{key}")
    sch = dc["schedule"]
    numbers = {
        k: c.number(sch[k], f"schedule.{k}")
        for k in ("wave_weeks", "waves", "team_days", "link_mbps", "transfer_hours", "max_critical")
    }
    c.number(sch["pilot"]["max_systems"], "pilot.max_systems", integer=True)
    for key in ("start", "compliance_deadline"):
        c.day(sch[key], f"schedule.{key}")
    for i, b in enumerate(sch.get("blackouts", [])):
        if c.day(b["from"], f"blackouts[{i}].from") > c.day(b["to"], f"blackouts[{i}].to"):
            c.fail(f"blackouts[{i}]", "from after to")
    defaults = {k: c.number(v, f"effort_days.{k}") for k, v in dc["effort_days"].items()}
    fin = dc["finance"]
    for key in ("horizon_months", "discount_rate", "labour_cost_per_day"):
        c.number(fin[key], f"finance.{key}")
    fx = {k: c.number(v, f"fx.{k}") for k, v in fin.get("fx", {}).items()}
    return Datacenter(total, numbers, defaults, fx)


Graph = dict[str, set[str]]


def strongly_connected_components(graph: Graph) -> list[set[str]]:
    """Kosaraju's algorithm, iterative (no recursion limit at 30,000 systems)."""
    order: list[str] = []
    seen: set[str] = set()
    for root in graph:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(graph[root]))]
        while stack:
            node, targets = stack[-1]
            for target in targets:
                if target not in seen:
                    seen.add(target)
                    stack.append((target, iter(graph[target])))
                    break
            else:
                stack.pop()
                order.append(node)
    reverse: Graph = {node: set() for node in graph}
    for node, needs in graph.items():
        for need in needs:
            reverse[need].add(node)
    components: list[set[str]] = []
    assigned: set[str] = set()
    for root in reversed(order):
        if root in assigned:
            continue
        component = {root}
        assigned.add(root)
        todo = [root]
        while todo:
            for source in reverse[todo.pop()]:
                if source not in assigned:
                    assigned.add(source)
                    component.add(source)
                    todo.append(source)
        components.append(component)
    return components


def check_refs(c: Checker, systems: dict[str, Sys], dc: Datacenter) -> Graph:
    """Refs, E209 and currencies; returns the planned graph (node -> the nodes it needs)."""
    c.where = "cross-file"
    graph: Graph = {}
    for s in systems.values():
        if s.currency != "IDR" and s.currency not in dc.fx:
            c.fail(s.ref, f"currency {s.currency} has no rate")
        for kind, refs in (("depends_on", s.depends_on), ("move_with", s.move_with)):
            for ref in refs:
                if ref == s.ref:
                    c.fail(s.ref, f"{kind} names itself")
                elif ref not in systems:
                    c.fail(s.ref, f"{kind} names unknown {ref!r}")
                elif kind == "move_with" and (s.strategy in MOVED) != (
                    systems[ref].strategy in MOVED
                ):
                    c.fail(s.ref, f"move_with joins a moved system with {ref!r} (E209)")
        if s.strategy != "retain":
            graph[s.ref] = set()
    for s in systems.values():
        if s.strategy == "retain":
            continue
        for ref in s.depends_on:
            if ref in systems and systems[ref].strategy != "retain":
                graph[s.ref].add(ref)
        for ref in s.move_with:
            if ref in systems and systems[ref].strategy != "retain":
                graph[s.ref].add(ref)
                graph[ref].add(s.ref)
    return graph


def check_fit(c: Checker, systems: dict[str, Sys], dc: Datacenter, groups: list[list[str]]) -> None:
    """Every move group fits one wave's limits, every system the total capacity (E207)."""
    for g in groups:
        members = [systems[r] for r in g]
        if sum(dc.effort(s) for s in members) > dc.schedule["team_days"]:
            c.fail(g[0], "move group exceeds team_days (E207)")
        if sum(dc.data(s) for s in members) * 8000 > dc.link_budget():
            c.fail(g[0], "move group exceeds transfer_hours (E207)")
        if sum(s.critical for s in members) > dc.schedule["max_critical"]:
            c.fail(g[0], "move group exceeds max_critical (E207)")
    for s in systems.values():
        for k in range(3):
            if s.strategy in MOVED and s.resources[k] > dc.total_capacity[k]:
                c.fail(s.ref, f"{DIMS[k]} exceeds total capacity (E207)")


def summary(inv: Inventories, dc: Datacenter, groups: list[list[str]]) -> None:
    systems = inv.systems
    planned = [s for s in systems.values() if s.strategy != "retain"]
    moved = [s for s in planned if s.strategy in MOVED]
    strategies = Counter(s.strategy for s in systems.values())
    regions = sum(1 for key in inv.region_ids if not key.startswith("code "))
    print(
        f"{regions} regions, {len(systems)} systems: "
        + ", ".join(f"{k} {strategies[k]}" for k in sorted(strategies))
    )
    multi = [g for g in groups if len(g) > 1]
    cross = sum(
        1 for s in systems.values() for r in s.depends_on if r.split("/")[0] != s.ref.split("/")[0]
    )
    print(
        f"move groups of more than one system: {len(multi)} "
        f"(largest {max((len(g) for g in multi), default=0)}); "
        f"move_with refs: {sum(len(s.move_with) for s in systems.values())}; "
        f"cross-region refs: {cross}"
    )
    need = {
        "team_days": sum(dc.effort(s) for s in planned) / dc.schedule["team_days"],
        "transfer": sum(dc.data(s) for s in planned) * 8000 / dc.link_budget(),
        "max_critical": Fraction(sum(s.critical for s in planned)) / dc.schedule["max_critical"],
    }
    print(
        f"waves' worth of each per-wave budget the set needs (of {dc.schedule['waves']} waves): "
        + ", ".join(f"{k} {math.ceil(v * 10) / 10}" for k, v in need.items())
    )
    print(
        "share of total capacity the moved systems take: "
        + ", ".join(
            f"{d} {float(sum(s.resources[k] for s in moved) / dc.total_capacity[k]):.2f}"
            for k, d in enumerate(DIMS)
        )
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    c = Checker()
    inv = read_folder(c, Path(argv[0]))
    if not inv.datacenter:
        c.where = "datacenter"
        c.fail("", "no data-center file")
        return report(c)
    dc = check_datacenter(c, inv.datacenter)
    graph = check_refs(c, inv.systems, dc)
    groups = [sorted(g) for g in strongly_connected_components(graph)]
    check_fit(c, inv.systems, dc, groups)
    status = report(c)
    if status == 0:
        summary(inv, dc, groups)
    return status


def report(c: Checker) -> int:
    for problem in c.problems[:200]:
        print(problem)
    if c.problems:
        print(f"{len(c.problems)} problem(s)")
        return 1
    print("OK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
