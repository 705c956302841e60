"""The dependency graph of planned systems and its move groups (strongly connected components).

Tarjan's algorithm is written out here rather than taken from networkx: importing networkx
cost a tenth of a second of every run, more than the whole graph work of 30,000 systems.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

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
        return topological(self.needs, lambda g: (g,))


def topological(
    needs: Mapping[str, Sequence[str]], key: Callable[[str], tuple[object, ...]]
) -> list[str]:
    """The nodes of ``needs`` (node → the nodes it depends on), each after what it depends on;
    among the nodes that are ready, the smallest ``key`` first."""
    indegree = {node: len(needed) for node, needed in needs.items()}
    users: dict[str, list[str]] = {node: [] for node in needs}
    for node, needed in needs.items():
        for n in needed:
            users[n].append(node)
    ready = [(key(node), node) for node, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    out: list[str] = []
    while ready:
        _, node = heapq.heappop(ready)
        out.append(node)
        for u in users[node]:
            indegree[u] -= 1
            if indegree[u] == 0:
                heapq.heappush(ready, (key(u), u))
    return out


def strongly_connected(nodes: Iterable[str], edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of a directed graph (Tarjan's algorithm, iterative,
    so deep chains cannot overflow the stack); deterministic for sorted input."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    out.append(component)
    return out


def planned_edges(
    items: Mapping[str, Item], *, move_with: bool = True
) -> tuple[list[str], dict[str, list[str]]]:
    """The planned systems, sorted, and the edges A → B among them: ``depends_on`` one way
    and (unless left out) ``move_with`` both ways."""
    nodes = sorted(r for r, i in items.items() if i.planned)
    edges: dict[str, list[str]] = {}
    for ref in nodes:
        item = items[ref]
        for dep in item.depends_on:
            target = items.get(dep)
            if target is not None and target.planned and dep != ref:
                edges.setdefault(ref, []).append(dep)
        for other in item.move_with if move_with else ():
            target = items.get(other)
            if target is not None and target.planned and other != ref:
                edges.setdefault(ref, []).append(other)
                edges.setdefault(other, []).append(ref)
    return nodes, edges


def move_groups(items: Mapping[str, Item]) -> Groups:
    """Condense the graph of planned systems into move groups, deterministically."""
    nodes, edges = planned_edges(items)
    members: dict[str, tuple[str, ...]] = {}
    of: dict[str, str] = {}
    for component in strongly_connected(nodes, edges):
        refs = tuple(sorted(component))
        members[refs[0]] = refs
        for r in refs:
            of[r] = refs[0]
    needs: dict[str, set[str]] = {g: set() for g in members}
    for a, targets in edges.items():
        for b in targets:
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
    nodes, edges = planned_edges(items, move_with=False)
    cycles = [tuple(sorted(c)) for c in strongly_connected(nodes, edges) if len(c) > 1]
    return sorted(cycles)


def around(items: Mapping[str, Item], focus: str, depth: int | None) -> set[str]:
    """``focus`` with what it needs and what needs it, up to ``depth`` steps each way."""
    needs: dict[str, set[str]] = {r: set() for r in items}
    users: dict[str, set[str]] = {r: set() for r in items}
    for ref, item in items.items():
        for dep in (*item.depends_on, *item.move_with):
            if dep in items and dep != ref:
                needs[ref].add(dep)
                users[dep].add(ref)
    found = {focus}
    for neighbours in (needs, users):
        frontier = {focus}
        steps = 0
        while frontier and (depth is None or steps < depth):
            nxt = {n for r in frontier for n in neighbours[r]} - found
            found |= nxt
            frontier = nxt
            steps += 1
    return found
