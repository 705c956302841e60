"""Lines matched against a pattern in which one kind of line stands for any run of lines.

The documents use it twice: a command's output shown in README.md or docs/ may leave lines out
with a line ``...``, and an example of core/codes.py may leave lines of its file out with a
line ``# ...``. Lines are compared without their trailing spaces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache


def match(
    pattern: Sequence[str], lines: Sequence[str], gap: Callable[[str], bool]
) -> list[int] | None:
    """The indexes of ``lines`` that the pattern's own lines match, in order, when the whole of
    ``lines`` matches the whole pattern; None when it does not. A pattern line for which ``gap``
    is true matches any run of lines, none included; the shortest run is taken first."""
    want = [line.rstrip() for line in pattern]
    have = [line.rstrip() for line in lines]

    @cache
    def at(p: int, n: int) -> tuple[int, ...] | None:
        if p == len(want):
            return () if n == len(have) else None
        if gap(want[p]):
            for skip in range(n, len(have) + 1):
                rest = at(p + 1, skip)
                if rest is not None:
                    return rest
            return None
        if n < len(have) and have[n] == want[p]:
            rest = at(p + 1, n + 1)
            return None if rest is None else (n, *rest)
        return None

    found = at(0, 0)
    return None if found is None else list(found)


def find(
    pattern: Sequence[str], lines: Sequence[str], gap: Callable[[str], bool]
) -> list[int] | None:
    """Like :func:`match`, but the pattern may match anywhere in ``lines``: the first place."""
    anywhere = [_ANY, *pattern, _ANY]
    return match(anywhere, lines, lambda line: line == _ANY or gap(line))


_ANY = "\0any"
