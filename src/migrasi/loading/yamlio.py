"""Parse one YAML file into exact Python data, keeping the node tree for positions.

PyYAML alone turns ``1234567.891234567891`` into a float, keeps the last of two duplicate
keys and reads ``no`` as ``False``. This loader composes the node tree once (with libyaml
where available), then builds the data itself: every number exact, duplicate keys reported,
only ``true``/``false`` as booleans, and every scalar's text kept for fields that hold text.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import InvalidOperation
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from migrasi.core.findings import Finding
from migrasi.core.values import YDate, YDecimal, YInt, kept

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
MAX_LIST = 10_000
"""No list of an inventory comes near this (a region runs about 50-110 systems); a longer one
is refused before it is read, so one file cannot bury a run under findings."""

_PLAIN = "tag:migrasi:plain"
_CORE = "tag:yaml.org,2002:"
_STR = _CORE + "str"
_SEQ = _CORE + "seq"
_MAP = _CORE + "map"
_SCALAR_TAGS = {_STR, _CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null", _PLAIN}

_INT = re.compile(r"[-+]?[0-9]+\Z")
_DEC = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]  # PyYAML's loaders are untyped classes
    """A safe loader that resolves no implicit types: migrasi reads scalars itself."""

    def resolve(self, kind: type[Node], value: object, implicit: tuple[bool, bool]) -> str:
        """Tag plain scalars for migrasi's own resolution; everything else by its kind."""
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers: nothing to track while descending."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track while ascending."""


@dataclass
class Parsed:
    """One file after parsing: its text, node tree and data, or the findings that stopped it."""

    file: str
    text: str = ""
    root: Node | None = None
    data: object = None
    findings: list[Finding] = field(default_factory=list)
    remote: bool = False
    """Whether its node tree stays with the helper process that read it (loading/helper.py)."""


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of character ``index`` in ``text``, counting line
    breaks as YAML does (CR LF, CR, LF, NEL, LS, PS)."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line += 1
        start = found.end()
    return line, index - start + 1


def decode(file: str, raw: bytes) -> tuple[str | None, Finding | None]:
    """Decode UTF-8 (a BOM is accepted); UTF-16/32, NUL and bad bytes are E002."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None, Finding("E002", file, args={"why": "utf16"}, line=1, column=1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8")
        line, column = _position(prefix + "x", len(prefix))
        return None, Finding(
            "E002",
            file,
            args={"why": "byte", "byte": f"0x{raw[exc.start]:02x}"},
            line=line,
            column=column,
        )
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _position(text, nul)
        return None, Finding("E002", file, args={"why": "nul"}, line=line, column=column)
    return text, None


def parse(file: str, raw: bytes) -> Parsed:
    """Parse the bytes of one file; every failure is a finding on that file, never an exception."""
    result = Parsed(file)
    if len(raw) > MAX_BYTES:
        result.findings.append(
            Finding("E005", file, args={"why": "size", "max": MAX_BYTES}, line=1, column=1)
        )
        return result
    text, problem = decode(file, raw)
    if problem is not None or text is None:
        result.findings.append(problem or Finding("E002", file, line=1, column=1))
        return result
    result.text = text
    with _collector_paused():
        return _parse_text(result, text)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file's many small objects are made."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _parse_text(result: Parsed, text: str) -> Parsed:
    file = result.file
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        result.findings.append(_marked_error(file, exc))
        return result
    except yaml.reader.ReaderError:
        bad = _NOT_PRINTABLE.search(text)
        index = bad.start() if bad else 0
        line, column = _position(text, index)
        code = f"U+{ord(text[index]):04X}" if bad else "?"
        result.findings.append(
            Finding(
                "E001",
                file,
                args={"problem": f"character {code} is not allowed in YAML"},
                line=line,
                column=column,
            )
        )
        return result
    except yaml.YAMLError as exc:
        result.findings.append(Finding("E001", file, args={"problem": str(exc)}, line=1, column=1))
        return result
    except RecursionError:
        result.findings.append(
            Finding("E005", file, args={"why": "depth", "max": MAX_DEPTH}, line=1, column=1)
        )
        return result
    if root is None:
        result.findings.append(Finding("E004", file, args={"why": "empty"}, line=1, column=1))
        return result
    builder = _Builder(file, aliases="*" in text)
    try:
        result.data = builder.build(root, 1)
    except _Stop as stop:
        result.findings.append(stop.finding)
        return result
    result.root = root
    result.findings.extend(builder.findings)
    return result


def _marked_error(file: str, exc: yaml.MarkedYAMLError) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = " ".join(p for p in (exc.context, exc.problem) if p)
    if "maximum nesting depth" in problem:
        return Finding(
            "E005", file, args={"why": "depth", "max": MAX_DEPTH}, line=line, column=column
        )
    if "expected a single document" in problem:
        return Finding("E004", file, args={"why": "documents"}, line=line, column=column)
    return Finding("E001", file, args={"problem": problem}, line=line, column=column)


class _Stop(Exception):
    """Raised inside the builder when a file must be given up (E001 tag, E005 limits)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


class _Builder:
    """Builds Python data from a node tree, with limits, exact scalars and E003 findings."""

    def __init__(self, file: str, *, aliases: bool) -> None:
        self.file = file
        self.findings: list[Finding] = []
        self.track = aliases
        self.seen: set[int] = set()
        self.expanded = 0
        self.cache: dict[str, object] = {}
        """Plain scalars already read: their values are immutable, so equal text shares one."""

    def _at(self, code: str, node: Node, **args: object) -> Finding:
        mark = node.start_mark
        return Finding(code, self.file, args=args, line=mark.line + 1, column=mark.column + 1)

    def build(self, node: Node, depth: int, repeated: bool = False) -> object:
        if depth > MAX_DEPTH:
            raise _Stop(self._at("E005", node, why="depth", max=MAX_DEPTH))
        if self.track:
            if repeated or id(node) in self.seen:
                repeated = True
                self.expanded += 1
                if self.expanded > MAX_ALIAS_NODES:
                    raise _Stop(
                        Finding(
                            "E005",
                            self.file,
                            line=1,
                            column=1,
                            args={"why": "aliases", "max": MAX_ALIAS_NODES},
                        )
                    )
            else:
                self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise _Stop(self._at("E001", node, problem=f"tag {node.tag} is not allowed"))
            if len(node.value) > MAX_LIST:
                raise _Stop(self._at("E005", node, why="list", max=MAX_LIST))
            return [self.build(child, depth + 1, repeated) for child in node.value]
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                raise _Stop(self._at("E001", node, problem=f"tag {node.tag} is not allowed"))
            return self._mapping(node, depth, repeated)
        raise _Stop(self._at("E001", node, problem="unknown node"))  # pragma: no cover

    def _mapping(self, node: MappingNode, depth: int, repeated: bool) -> dict[object, object]:
        out: dict[object, object] = {}
        merged: list[Node] | None = None
        for key_node, value_node in node.value:
            if is_merge(key_node):
                if merged is not None:
                    if not repeated:
                        self.findings.append(self._at("E003", key_node, key=MERGE))
                    continue
                merged = merge_sources(value_node)
                if merged is None:
                    raise _Stop(self._at("E001", value_node, problem=_BAD_MERGE))
                continue
            if isinstance(key_node, ScalarNode):
                if key_node.tag not in _SCALAR_TAGS:
                    raise _Stop(
                        self._at("E001", key_node, problem=f"tag {key_node.tag} is not allowed")
                    )
                key: object = key_node.value
            else:
                key = self.build(key_node, depth + 1, repeated)
                key = _Unhashable(repr(key))
            if key in out:
                if not repeated:
                    self.findings.append(self._at("E003", key_node, key=str(key)))
                continue
            out[key] = self.build(value_node, depth + 1, repeated)
        for source in merged or ():
            built = self.build(source, depth + 1, repeated)
            assert isinstance(built, dict)
            for key, value in built.items():
                out.setdefault(key, value)
        return out

    def _scalar(self, node: ScalarNode) -> object:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag not in _SCALAR_TAGS:
            raise _Stop(self._at("E001", node, problem=f"tag {tag} is not allowed"))
        found = self.cache.get(value, _MISSING)
        if found is _MISSING:
            found = self.cache[value] = resolve_plain(value)
        return found


_MISSING = object()

MERGE = "<<"


def is_merge(key: Node) -> bool:
    """Whether ``key`` is YAML's merge key: ``<<`` written plain (quoted, it is an ordinary key)."""
    return isinstance(key, ScalarNode) and key.tag == _PLAIN and key.value == MERGE


def merge_sources(value: Node) -> list[Node] | None:
    """The mappings a merge key brings in, the one that wins first; None when ``value`` is not a
    mapping or a list of mappings (PyYAML refuses those too)."""
    if isinstance(value, MappingNode):
        return [value]
    if isinstance(value, SequenceNode) and all(isinstance(v, MappingNode) for v in value.value):
        return list(value.value)
    return None


_BAD_MERGE = "the merge key '<<' takes a mapping or a list of mappings"


class _Unhashable(str):
    """A mapping key that was not a scalar: kept as text so the shape check can name it."""


def resolve_plain(value: str) -> object:
    """Read a plain scalar: null, ``true``/``false``, exact integer or decimal, date, or text."""
    if value in _NULLS:
        return None
    if value == "true":
        return True
    if value == "false":
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            return kept(YInt(value), value)
        if _DEC.match(value):
            try:
                return kept(YDecimal(value), value)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
                return value
        if _DATE.match(value):
            try:
                day = date.fromisoformat(value)
                return kept(YDate(day.year, day.month, day.day), value)
            except ValueError:
                return value
    return value


__all__ = ["MAX_BYTES", "Parsed", "is_merge", "merge_sources", "parse", "resolve_plain"]
