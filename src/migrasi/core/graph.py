"""The dependency graph of planned systems and its move groups (strongly connected components)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from migrasi.core.programme import Item


@dataclass(frozen=True)
class Groups:
    """Move groups of the planned systems: every member of a group takes the same wave."""

    members: Mapping[str, tuple[str, ...]]
    """Group id (its smallest ref) → its member refs, sorted."""
    of: Mapping[str, str]
    """Ref → the id of its group."""
    needs: Mapping[str, tuple[str, ...]]
    """Group id → ids of the groups it depends on, sorted."""

    def order(self) -> list[str]:
        """Group ids with every group after the groups it depends on; ties by id."""
        indegree = dict.fromkeys(self.members, 0)
        users: dict[str, list[str]] = {g: [] for g in self.members}
        for g, needed in self.needs.items():
            for n in needed:
                indegree[g] += 1
                users[n].append(g)

        ready = [g for g, d in indegree.items() if d == 0]
        heapq.heapify(ready)
        out: list[str] = []
        while ready:
            g = heapq.heappop(ready)
            out.append(g)
            for u in users[g]:
                indegree[u] -= 1
                if indegree[u] == 0:
                    heapq.heappush(ready, u)
        return out


def planned_edges(items: Mapping[str, Item]) -> Iterable[tuple[str, str]]:
    """Edges A → B among planned systems: ``depends_on`` one way, ``move_with`` both ways."""
    for ref in sorted(items):
        item = items[ref]
        if not item.planned:
            continue
        for dep in item.depends_on:
            target = items.get(dep)
            if target is not None and target.planned and dep != ref:
                yield ref, dep
        for other in item.move_with:
            target = items.get(other)
            if target is not None and target.planned and other != ref:
                yield ref, other
                yield other, ref


def move_groups(items: Mapping[str, Item]) -> Groups:
    """Condense the graph of planned systems into move groups, deterministically."""
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(r for r, i in items.items() if i.planned))
    graph.add_edges_from(planned_edges(items))
    members: dict[str, tuple[str, ...]] = {}
    of: dict[str, str] = {}
    for component in nx.strongly_connected_components(graph):
        refs = tuple(sorted(component))
        members[refs[0]] = refs
        for r in refs:
            of[r] = refs[0]
    needs: dict[str, set[str]] = {g: set() for g in members}
    for a, b in graph.edges:
        ga, gb = of[a], of[b]
        if ga != gb:
            needs[ga].add(gb)
    return Groups(
        members=dict(sorted(members.items())),
        of=of,
        needs={g: tuple(sorted(n)) for g, n in sorted(needs.items())},
    )


def depends_cycles(items: Mapping[str, Item]) -> list[tuple[str, ...]]:
    """Groups of two or more planned systems joined by a cycle of ``depends_on`` alone."""
    graph = nx.DiGraph()
    for ref in sorted(items):
        item = items[ref]
        if not item.planned:
            continue
        graph.add_node(ref)
        for dep in item.depends_on:
            target = items.get(dep)
            if target is not None and target.planned and dep != ref:
                graph.add_edge(ref, dep)
    cycles = [tuple(sorted(c)) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    return sorted(cycles)
