"""Find the input files under the PATHs given on the command line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from migrasi.core.errors import MissingPath

SUFFIXES = (".yaml", ".yml")


def display(path: Path) -> str:
    """The path as messages show it: as given, with forward slashes."""
    return path.as_posix()


@dataclass
class Discovered:
    """The input files in code-point order of the path, and the links among them not to read."""

    files: list[Path]
    outside: dict[str, str] = field(default_factory=dict)
    """Display name → link target, for links found under a folder that lead out of every
    folder given: reading them would let an inventory show lines of any file on the machine."""


def discover(paths: Sequence[Path]) -> Discovered:
    """Every input file: given files as they are, ``.yaml``/``.yml`` files under given folders.

    Names that begin with ``.`` are skipped below a folder; folders are walked recursively
    without following links to folders (a link loop cannot trap the walk). A link to a file
    found in a folder is read only when it leads to a file inside one of the folders given;
    a file given itself is read wherever it is. Each file is listed once.
    """
    found: dict[str, Path] = {}
    walked: dict[str, Path] = {}
    folders: list[Path] = []
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise MissingPath(str(given))
        if given.is_dir():
            folders.append(given)
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                        path = Path(root) / name
                        walked.setdefault(display(path), path)
        else:
            found.setdefault(display(given), given)
    outside: dict[str, str] = {}
    if any(p.is_symlink() for p in walked.values()):
        roots = [f.resolve() for f in folders]
        for name, path in walked.items():
            if name not in found and path.is_symlink() and not _inside(path.resolve(), roots):
                outside[name] = os.readlink(path)
    every = {**walked, **found}
    return Discovered([every[k] for k in sorted(every)], outside)


def _inside(target: Path, roots: Sequence[Path]) -> bool:
    return any(target == root or target.is_relative_to(root) for root in roots)
