"""The shape of src/: no import cycle (imports inside functions included), no module reaching
for another's private names, and each rule, figure and format asked of the one place for it."""

from __future__ import annotations

import ast
from pathlib import Path

from migrasi.core.graph import strongly_connected
from tests.conftest import ROOT

SRC = ROOT / "src"


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted((SRC / "migrasi").rglob("*.py"))}


def _imports(name: str) -> list[tuple[str, str, int]]:
    """(module imported, name imported or "", line) for every import of ``name``'s file."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, "", node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.append(
                    (sub, "", node.lineno) if sub in MODULES else (base, a.name, node.lineno)
                )
    return [x for x in out if x[0] in MODULES]


def test_no_import_cycle() -> None:
    """The modules of src/ import one another without a cycle, counting imports in functions
    and under TYPE_CHECKING alike."""
    edges = {name: sorted({m for m, _, _ in _imports(name) if m != name}) for name in MODULES}
    cycles = [c for c in strongly_connected(sorted(MODULES), edges) if len(c) > 1]
    assert cycles == []


def test_no_private_names_across_modules() -> None:
    """No module imports a name another module keeps private (a leading underscore)."""
    reached = [
        f"{name}:{line} imports {module}.{imported}"
        for name in MODULES
        for module, imported, line in _imports(name)
        if imported.startswith("_") and not imported.startswith("__")
    ]
    assert reached == []
