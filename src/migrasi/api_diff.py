"""The ``diff`` use case: two plans read back, compared and shown; prints nothing.

It sits beside ``api.py`` until the lead folds it in (``api.diff``).
"""

from __future__ import annotations

from pathlib import Path


def diff(old: Path, new: Path, fmt: str, lang: str) -> tuple[str, bool]:
    """The differences between two plans (folders or ``plan.json`` files) in ``fmt``, and
    whether there are any; a missing or unreadable plan raises a UsageError (exit 2)."""
    from migrasi.core.plandiff import compare
    from migrasi.loading.plans import load_plan
    from migrasi.render.diff_text import render

    before, after = load_plan(old), load_plan(new)
    result = compare(before, after)
    return render(result, fmt, old.as_posix(), new.as_posix(), lang), result.changed
