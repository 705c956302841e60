"""The dependency graph as Mermaid, Graphviz dot or JSON, whole or around one system."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from migrasi.render.escape import mermaid_label
from migrasi.render.formats import Format

if TYPE_CHECKING:
    from migrasi.core.graph import Groups
    from migrasi.core.programme import Item


def _dot_quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def edges(items: Mapping[str, Item], refs: set[str]) -> list[tuple[str, str, str]]:
    """(from, to, kind) for every depends_on and move_with between ``refs``, sorted."""
    out: set[tuple[str, str, str]] = set()
    for ref in refs:
        item = items[ref]
        for dep in item.depends_on:
            if dep in refs and dep != ref:
                out.add((ref, dep, "depends_on"))
        for other in item.move_with:
            if other in refs and other != ref:
                a, b = sorted((ref, other))
                out.add((a, b, "move_with"))
    return sorted(out)


def mermaid(items: Mapping[str, Item], groups: Groups, refs: set[str]) -> str:
    """A Mermaid flowchart: regions as subgraphs, move-group members marked, retained dashed."""
    ids = {ref: f"n{i}" for i, ref in enumerate(sorted(refs))}
    lines = ["flowchart LR"]
    by_region: dict[str, list[str]] = {}
    for ref in sorted(refs):
        by_region.setdefault(items[ref].region, []).append(ref)
    for region in sorted(by_region):
        lines.append(f'    subgraph r_{region.replace("-", "_")}["{mermaid_label(region)}"]')
        for ref in by_region[region]:
            name = mermaid_label(items[ref].system.name)
            lines.append(f'        {ids[ref]}["{mermaid_label(ref)}<br/>{name}"]')
        lines.append("    end")
    for a, b, kind in edges(items, refs):
        arrow = "-->" if kind == "depends_on" else "<-. move_with .->"
        lines.append(f"    {ids[a]} {arrow} {ids[b]}")
    grouped = sorted(r for r in refs if r in groups.of and len(groups.members[groups.of[r]]) > 1)
    retained = sorted(r for r in refs if not items[r].planned)
    lines.append("    classDef group fill:#fde68a,stroke:#b45309")
    lines.append("    classDef retained fill:#e5e7eb,stroke:#6b7280,stroke-dasharray: 4 3")
    if grouped:
        lines.append(f"    class {','.join(ids[r] for r in grouped)} group")
    if retained:
        lines.append(f"    class {','.join(ids[r] for r in retained)} retained")
    return "\n".join(lines) + "\n"


def dot(items: Mapping[str, Item], groups: Groups, refs: set[str]) -> str:
    """A Graphviz digraph: move groups as clusters, retained systems dashed."""
    lines = ["digraph migrasi {", "  rankdir=LR;", "  node [shape=box];"]
    clustered: set[str] = set()
    for gid, members in groups.members.items():
        inside = [m for m in members if m in refs]
        if len(members) > 1 and inside:
            lines.append(f"  subgraph {_dot_quote('cluster_' + gid)} {{")
            lines.append(f"    label={_dot_quote(gid)};")
            lines.extend(f"    {_dot_quote(m)};" for m in inside)
            lines.append("  }")
            clustered.update(inside)
    for ref in sorted(refs):
        style = " [style=dashed]" if not items[ref].planned else ""
        lines.append(f"  {_dot_quote(ref)}{style};")
    for a, b, kind in edges(items, refs):
        attrs = "" if kind == "depends_on" else " [dir=both, style=dotted]"
        lines.append(f"  {_dot_quote(a)} -> {_dot_quote(b)}{attrs};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def graph_json(items: Mapping[str, Item], groups: Groups, refs: set[str]) -> str:
    """Nodes, edges and groups as JSON."""
    nodes = [
        {
            "ref": r,
            "region": items[r].region,
            "name": items[r].system.name,
            "strategy": items[r].system.migration.strategy,
            "group": groups.of.get(r)
            if r in groups.of and len(groups.members[groups.of[r]]) > 1
            else None,
        }
        for r in sorted(refs)
    ]
    doc = {
        "nodes": nodes,
        "edges": [{"from": a, "to": b, "kind": k} for a, b, k in edges(items, refs)],
        "groups": [
            {"id": gid, "systems": list(m)}
            for gid, m in groups.members.items()
            if len(m) > 1 and any(x in refs for x in m)
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class GraphView:
    """The systems to draw (``refs``), with everything the graph knows of them."""

    items: Mapping[str, Item]
    groups: Groups
    refs: set[str]


FORMATS: dict[str, Format[GraphView]] = {
    "mermaid": Format(lambda g, lang: mermaid(g.items, g.groups, g.refs)),
    "dot": Format(lambda g, lang: dot(g.items, g.groups, g.refs)),
    "json": Format(lambda g, lang: graph_json(g.items, g.groups, g.refs)),
}
"""The formats of ``migrasi graph --format``."""
