"""Untrusted text made safe for terminals, Markdown and Mermaid."""

from __future__ import annotations

import re
from collections.abc import Sequence

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may run as a formula when a text starts with it (outputs.md)."""

_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029"  # controls (not tab), line and paragraph separators
    # format characters (Unicode category Cf): zero-width, direction marks and overrides, ...
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def terminal(value: str) -> str:
    """Show control characters (ANSI escapes and line breaks among them) and invisible ones
    (zero-width spaces, direction overrides) escaped, never raw: one field stays on one line,
    cannot forge another, and text that looks the same on screen is the same text."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def markdown_cell(value: str) -> str:
    """Text for a Markdown table cell: pipes, backticks, HTML and line breaks neutralised."""
    out = terminal(value).replace("\n", " ").replace("\\", "\\\\")
    for ch in "|`*_[]<>#!":
        out = out.replace(ch, "\\" + ch)
    return out


_MERMAID_SAFE = re.compile(r"[A-Za-z0-9 .,/()\-+_]")


def mermaid_label(value: str) -> str:
    """Text for a quoted Mermaid label: every character outside a small safe set becomes a
    numeric entity (``#35;``), so that quotes, ``-->``, ``%%`` or markup cannot break out."""
    return "".join(ch if _MERMAID_SAFE.fullmatch(ch) else f"#{ord(ch)};" for ch in value)


def md_row(cells: Sequence[str]) -> str:
    """One row of a Markdown table (cells already escaped)."""
    return "| " + " | ".join(cells) + " |"


def md_table(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """A Markdown table's lines: the heading, the rule (columns in ``right`` aligned right),
    then the rows; cells already escaped."""
    rule = md_row(["---:" if i in right else "---" for i in range(len(head))])
    return [md_row(head), rule, *(md_row(row) for row in rows)]


def text_columns(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """A plain-text table's lines for a terminal: the heading, then the rows, columns two spaces
    apart (those in ``right`` aligned right); every cell escaped with :func:`terminal`."""
    cells = [[terminal(c) for c in row] for row in [head, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    return [
        "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(row)
        ).rstrip()
        for row in cells
    ]
