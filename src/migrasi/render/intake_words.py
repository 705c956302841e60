"""What a column of the inventory workbook means, in words, from the catalogue."""

from __future__ import annotations

from migrasi.core.codes import CODES
from migrasi.core.columns import ENUM, TEXT, Column
from migrasi.render.catalog import text


def _key(c: Column, region: bool) -> str:
    return f"region.{c.name}" if region else c.name


def describe(c: Column, lang: str, *, region: bool = False, marked: bool = True) -> str:
    """The short description of ``c``; with ``marked``, led by whether it is required."""
    if c.group == "accepted_warnings":
        code = c.path[-1]
        words = text("field.accepted_warnings", lang, code=code, meaning=CODES[code].title(lang))
    else:
        words = text(f"field.{_key(c, region)}", lang)
    if marked:
        return f"({text(f'intake.required.{c.required}', lang)}) {words}"
    return words


def values_words(c: Column, lang: str, *, region: bool = False) -> str:
    """The allowed values of an enum, one per line with their meaning (``rendah: …``)."""
    if c.kind != ENUM:
        return ""
    key = _key(c, region)
    return "\n".join(f"{v}: {text(f'value.{key}.{v}', lang)}" for v in c.values)


def bounds_words(c: Column, lang: str) -> str:
    """The bounds of a number column (`` ≥ 1``), or ``""``."""
    out = ""
    if c.minimum is not None:
        out += text("intake.min", lang, min=c.minimum)
    if c.maximum is not None:
        out += text("intake.max", lang, max=c.maximum)
    return out


def kind_words(c: Column, lang: str) -> str:
    """What a value of a column that is not text looks like (``number ≥ 0``), or ``""``."""
    if c.kind in (TEXT, ENUM):
        return ""
    return text(f"intake.kind.{c.kind}", lang, bounds=bounds_words(c, lang))
