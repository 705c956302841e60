"""Find the line and column of a finding from the node tree, only when it is reported."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from migrasi.core.findings import Anchor, Finding, Path
from migrasi.loading.yamlio import Parsed, is_merge, merge_sources


class Trees(Protocol):
    """Node trees kept in another process (``loading.helper.Helper``)."""

    @property
    def files(self) -> Collection[str]:
        """The files whose trees it keeps."""
        ...

    def positions(self, asks: Sequence[tuple[str, Path, Anchor]]) -> list[tuple[int, int]]:
        """The 1-based line and column of each (file, path, anchor)."""
        ...


def _walk(root: Node, path: Path) -> tuple[Node, Node | None, int]:
    """Follow ``path`` as far as it goes: the node reached, its key node, and how many parts."""
    node, key_node, depth = root, None, 0
    for part in path:
        if isinstance(node, MappingNode) and isinstance(part, str):
            pair = _pair(node, part, set())
            if pair is None:
                break
            key_node, node = pair
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            key_node, node = None, node.value[part]
        else:
            break
        depth += 1
    return node, key_node, depth


def _pair(node: MappingNode, key: str, seen: set[int]) -> tuple[Node, Node] | None:
    """The key and value nodes of ``key`` in ``node``: its own first, else from what its merge
    key brings in, where the value was written (the anchored mapping)."""
    seen.add(id(node))
    sources: list[Node] | None = None
    for k, v in node.value:
        if is_merge(k):
            sources = sources if sources is not None else merge_sources(v)
        elif isinstance(k, ScalarNode) and k.value == key:
            return k, v
    for source in sources or ():
        if isinstance(source, MappingNode) and id(source) not in seen:
            found = _pair(source, key, seen)
            if found is not None:
                return found
    return None


def position(root: Node, path: Path, anchor: Anchor) -> tuple[int, int]:
    """The 1-based line and column that ``path`` and ``anchor`` point at in the tree."""
    node, key_node, depth = _walk(root, path)
    target: Node = node
    complete = depth == len(path)
    if anchor is Anchor.KEY and complete and key_node is not None:
        target = key_node
    elif anchor is Anchor.FIRST_KEY and complete and isinstance(node, MappingNode) and node.value:
        target = node.value[0][0]
    mark = target.start_mark
    return mark.line + 1, mark.column + 1


def place(
    findings: Iterable[Finding], parsed: Mapping[str, Parsed], helper: Trees | None = None
) -> list[Finding]:
    """Give every finding that has no position yet the position of its path in its file (on
    the ``helper``'s tree for a file it read)."""
    out: list[Finding] = []
    asks: list[int] = []
    for f in findings:
        doc = parsed.get(f.file) if f.file is not None else None
        if f.line is None and f.anchor is not Anchor.NONE and doc is not None:
            if doc.root:
                out.append(f.at(*position(doc.root, f.path, f.anchor)))
                continue
            if doc.remote and helper is not None and doc.file in helper.files:
                asks.append(len(out))
        out.append(f)
    if asks and helper is not None:
        where = helper.positions([(out[n].file or "", out[n].path, out[n].anchor) for n in asks])
        for n, (line, column) in zip(asks, where, strict=True):
            out[n] = out[n].at(line, column)
    return out
