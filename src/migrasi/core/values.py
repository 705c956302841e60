"""Scalars read from YAML that remember how they were written.

A field that holds text takes the scalar as written: ``code: 15.10`` is ``"15.10"`` and
``owner: 007`` is ``"007"``. Numbers and dates keep their source text in ``raw`` so that the
models can give it back to text fields.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypeVar


class YInt(int):
    """An integer read from YAML, with the text it was written as."""

    raw: str


class YDecimal(Decimal):
    """A decimal number read from YAML, exact (never through binary floating point), with the
    text it was written as."""

    raw: str


class YDate(date):
    """A ``YYYY-MM-DD`` date read from YAML, with the text it was written as."""

    raw: str


W = TypeVar("W", YInt, YDecimal, YDate)


def kept(value: W, text: str) -> W:
    """``value`` remembering that it was written as ``text``."""
    value.raw = text
    return value


def source_text(value: object) -> str | None:
    """Return the text a scalar was written as, or None for a list, mapping or null."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    raw = getattr(value, "raw", None)
    if isinstance(raw, str):
        return raw
    if isinstance(value, int | Decimal | date):
        return str(value)
    return None
