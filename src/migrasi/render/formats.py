"""What a command's output format is: a renderer, and whether it makes a file's bytes.

Each command keeps one table of its formats (``FORMATS`` beside its renderers); the command
line offers exactly the names of that table and nothing falls back silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

S = TypeVar("S")


@dataclass(frozen=True)
class Format(Generic[S]):
    """One output format of a command: ``render(subject, lang)`` gives text, the bytes of a
    file (``binary``: written with ``--out``), or a table for the terminal."""

    render: Callable[[S, str], object]
    binary: bool = False
