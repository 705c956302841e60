"""Untrusted text made safe for terminals, Markdown and Mermaid."""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How text begins that a spreadsheet would run as a formula: written with a quote prefix."""

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal(value: str) -> str:
    """Show control characters (ANSI escapes and line breaks among them) escaped, never raw:
    one field stays on one line and cannot forge another."""
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
