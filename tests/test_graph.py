"""The dependency graph: strongly connected components and move groups."""

from __future__ import annotations

import random

from migrasi.core.graph import strongly_connected


def brute_components(nodes: list[str], edges: dict[str, list[str]]) -> set[frozenset[str]]:
    """Components by mutual reachability, the slow way."""
    reach: dict[str, set[str]] = {}
    for n in nodes:
        seen = {n}
        todo = [n]
        while todo:
            for m in edges.get(todo.pop(), []):
                if m not in seen:
                    seen.add(m)
                    todo.append(m)
        reach[n] = seen
    return {frozenset(m for m in nodes if m in reach[n] and n in reach[m]) for n in nodes}


def test_matches_mutual_reachability() -> None:
    """On random graphs the components equal those found by mutual reachability."""
    rng = random.Random(3)
    for _ in range(200):
        nodes = [f"n{i}" for i in range(rng.randint(1, 12))]
        edges: dict[str, list[str]] = {}
        for _ in range(rng.randint(0, 30)):
            a, b = rng.choice(nodes), rng.choice(nodes)
            if a != b:
                edges.setdefault(a, []).append(b)
        found = {frozenset(c) for c in strongly_connected(nodes, edges)}
        assert found == brute_components(nodes, edges)


def test_deep_chain_does_not_recurse() -> None:
    """A chain of 200,000 dependencies and one long cycle are handled without recursion."""
    nodes = [f"s{i:06d}" for i in range(200_000)]
    chain = {nodes[i]: [nodes[i + 1]] for i in range(len(nodes) - 1)}
    assert len(strongly_connected(nodes, chain)) == len(nodes)
    cycle = {**chain, nodes[-1]: [nodes[0]]}
    assert [len(c) for c in strongly_connected(nodes, cycle)] == [len(nodes)]
