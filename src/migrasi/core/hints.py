"""Hints for the ways people in Indonesia write numbers and enum values that migrasi does not
read, so that the message shows what to write instead: ``Rp4.500.000`` or ``4,5 juta`` is
``4500000``; ``bulan`` is ``month``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

_PREFIX = re.compile(r"(?:rp\.?|idr)\s*", re.IGNORECASE)
_DASH = re.compile(r"\s*,-+\Z")
_SCALED = re.compile(r"(?P<number>[0-9][0-9., ]*?)\s*(?P<scale>[a-z]+)?\Z", re.IGNORECASE)
_GROUPS = re.compile(r"[0-9]{1,3}(?:(?P<sep>[., ])[0-9]{3})(?:(?P=sep)[0-9]{3})*\Z")
_PLAIN = re.compile(r"[0-9]+\Z")

SCALES = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
}
"""Indonesian words (and their usual abbreviations) for powers of a thousand."""


def _number(text: str, scaled: bool) -> Decimal | None:
    """Read digits written with Indonesian (or English) separators; None when it is not such a
    number or could be read two ways (``4,500``: four and a half, or four thousand five hundred)."""
    whole, _, decimals = text.rpartition(",") if "," in text else (text, "", "")
    if "," in text and "." in text and text.rfind(".") > text.rfind(","):
        whole, _, decimals = text.rpartition(".")  # English: 4,500,000.50
        whole = whole.replace(",", ".")
    elif "," in text and "." not in text and text.count(",") > 1:
        whole, decimals = text.replace(",", "."), ""  # English: 4,500,000
    elif "," in text and "." not in text and len(decimals) == 3 and not scaled:
        return None  # 4,500: a decimal comma or a thousands comma?
    if decimals and not _PLAIN.match(decimals):
        return None
    if _GROUPS.match(whole):
        digits = re.sub(r"[., ]", "", whole)
    elif _PLAIN.match(whole):
        digits = whole
    elif scaled and re.fullmatch(r"[0-9]+\.[0-9]+", whole) and not decimals:
        digits, decimals = whole.split(".")  # 4.5 juta
    else:
        return None
    try:
        return Decimal(f"{digits}.{decimals}" if decimals else digits)
    except InvalidOperation:  # pragma: no cover - the patterns admit only digits
        return None


def number_hint(written: str) -> str | None:
    """How to write ``written`` as migrasi reads numbers, when it is a number written the way
    people write amounts (``Rp4.500.000``, ``4.500.000,-``, ``4,5 juta``); else None."""
    text = _DASH.sub("", _PREFIX.sub("", written.strip(), count=1)).strip()
    match = _SCALED.match(text)
    if match is None:
        return None
    scale_word = (match["scale"] or "").lower()
    if scale_word and scale_word not in SCALES:
        return None
    number = _number(match["number"].strip(), bool(scale_word))
    if number is None:
        return None
    number *= SCALES.get(scale_word, 1)
    shown = format(number.normalize(), "f")
    return None if shown == written.strip() else shown


WORDS: dict[str, str] = {
    "bulan": "month",
    "bulanan": "month",
    "per bulan": "month",
    "tahun": "year",
    "tahunan": "year",
    "per tahun": "year",
    "awan": "cloud",
    "komputasi awan": "cloud",
    "bersama": "shared",
    "hosting bersama": "shared",
    "kolokasi": "colocation",
    "khusus": "dedicated",
    "server khusus": "dedicated",
    "pemerintah": "government",
    "luar negeri": "overseas",
    "dalam negeri": "indonesia",
    "pensiun": "retire",
    "dihentikan": "retire",
    "hentikan": "retire",
    "tetap": "retain",
    "dipertahankan": "retain",
    "pertahankan": "retain",
    "high": "tinggi",
    "low": "rendah",
    "strategic": "strategis",
    "public": "publik",
    "restricted": "terbatas",
    "limited": "terbatas",
    "secret": "rahasia",
    "confidential": "rahasia",
    "administration": "administrasi",
    "province": "provinsi",
    "regency": "kabupaten",
    "city": "kota",
}
"""Words people write for an enum value in the other language: Indonesian for the values the
inventory spells in English (``per``, hosting, strategy), English for those it spells in
Indonesian (criticality, classification, service, kind). Only ever a hint: an entry applies
where its value is one of the allowed ones, and a value that is allowed is never looked up."""


def enum_hint(got: str, allowed: Sequence[str]) -> str | None:
    """The allowed value ``got`` stands for (a word of the other language, or another letter
    case), or None."""
    key = " ".join(got.replace("_", " ").replace("-", " ").split()).lower()
    value = WORDS.get(key, key)
    return value if value in allowed and value != got else None


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def date_hint(text: str) -> str | None:
    """``YYYY-MM-DD`` of a day written day first, as Indonesian dates are (``31/12/2027``,
    ``1-3-2027``), or None."""
    found = _DAY_FIRST.fullmatch(text.strip())
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
