"""Find the input files under the PATHs given on the command line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from migrasi.core.errors import MissingPath

SUFFIXES = (".yaml", ".yml")


def display(path: Path) -> str:
    """The path as messages show it: as given, with forward slashes."""
    return path.as_posix()


def discover(paths: Sequence[Path]) -> list[Path]:
    """Every input file: given files as they are, ``.yaml``/``.yml`` files under given folders.

    Names that begin with ``.`` are skipped below a folder; folders are walked recursively
    without following links to folders (a link loop cannot trap the walk). The result is in
    code-point order of the path and holds each file once.
    """
    found: dict[str, Path] = {}
    for given in paths:
        if not given.exists() and not given.is_symlink():
            raise MissingPath(str(given))
        if given.is_dir():
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                        path = Path(root) / name
                        found.setdefault(display(path), path)
        else:
            found.setdefault(display(given), given)
    return [found[k] for k in sorted(found)]
