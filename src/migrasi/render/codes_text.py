"""What each validation code means, for ``migrasi codes`` and docs/codes.md, from the one table."""

from __future__ import annotations

import textwrap

from migrasi.core.codes import CODES, Code
from migrasi.render.catalog import text

WIDTH = 78
"""Paragraphs are wrapped to fit an 80-column terminal."""


def listing(lang: str) -> str:
    """Every code on one line: the code, its severity and what it means."""
    return "".join(f"{c.code}  {c.severity:<7}  {c.title(lang)}\n" for c in CODES.values())


def describe(c: Code, lang: str) -> str:
    """One code in full: what it means, an example that raises it, and how to fix it."""
    parts = [f"{c.code} ({c.severity}): {c.title(lang)}"]
    if c.explanation:
        parts.append(_wrap(c.explanation(lang)))
    if c.example:
        lines = text("codes.example", lang, where=c.example.where)
        parts.append(lines + "\n\n" + textwrap.indent(c.example.text.rstrip("\n"), "    "))
    if c.fix:
        parts.append(_wrap(text("codes.fix", lang) + " " + c.fix(lang)))
    return "\n\n".join(parts) + "\n"


def _wrap(paragraph: str) -> str:
    return textwrap.fill(paragraph, WIDTH, break_long_words=False, break_on_hyphens=False)


def markdown() -> str:
    """docs/codes.md: every code with its meaning, example and fix, in English and Indonesian."""
    out = [
        "<!-- Generated from src/migrasi/core/codes.py by `make docs`: edit the table there. -->",
        "",
        "# Validation codes",
        "",
        "Every problem `migrasi validate` reports carries one of these codes. Errors (`E`) make",
        "the inputs unusable and stop `migrasi plan`; warnings (`W`) are worth a look and can be",
        "accepted, with a reason, in a system's `accepted_warnings`. Codes never change meaning.",
        "`migrasi codes CODE` prints the same in the terminal (`--lang en` or `--lang id`).",
        "",
        "Each example is taken from a case of migrasi's own tests, named above it, which is",
        "checked to raise the code at the lines shown (`# ...` stands for lines left out).",
        "",
        "| code | severity | meaning | arti |",
        "| --- | --- | --- | --- |",
    ]
    for c in CODES.values():
        link = f"[{c.code}](#{c.code.lower()})"
        out.append(f"| {link} | {c.severity} | {_cell(c.title.en)} | {_cell(c.title.id)} |")
    for c in CODES.values():
        out += ["", f"## {c.code}", "", f"**{c.severity}**: {c.title.en}", "", f"*{c.title.id}*"]
        if c.explanation:
            out += ["", c.explanation.en, "", f"**Arti.** {c.explanation.id}"]
        if c.example:
            where = c.example.where
            out += ["", f"Example, from [`{where}`](../{where}):", "", "```yaml"]
            out += [c.example.text.rstrip("\n"), "```"]
        if c.fix:
            out += ["", f"**Fix.** {c.fix.en}", "", f"**Cara memperbaiki.** {c.fix.id}"]
    return "\n".join(out) + "\n"


def _cell(words: str) -> str:
    return words.replace("|", "\\|")
