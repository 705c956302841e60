"""Rewrite the generated documents of docs/ from the code (``make docs``).

tests/test_generated_docs.py regenerates each in memory and fails when the file differs, so a
change to the models or to the table of codes comes with its documents in the same commit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from migrasi.render import codes_text, reference

ROOT = Path(__file__).resolve().parent.parent

GENERATED: dict[str, Callable[[], str]] = {
    "docs/reference.md": reference.markdown,
    "docs/codes.md": codes_text.markdown,
}
"""Each generated document, by its path from the repository's root, and what writes it."""


def main() -> int:
    """Write every generated document; say which changed."""
    for name, render in GENERATED.items():
        path = ROOT / name
        text = render()
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
