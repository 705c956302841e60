"""How people write numbers and dates by hand, and how migrasi wants them written.

Used for the hints of E102: ``Rp 4.500.000,-`` is not a number, but it is clear that
``4500000`` was meant; ``31/12/2027`` is not a date written YYYY-MM-DD, but ``2027-12-31`` was
meant (day first, as Indonesian dates are written). Each function returns the spelling to
suggest, or None when the text is not recognisably a number or a date.
"""

from __future__ import annotations

import re
from datetime import date

_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_TRAILER = re.compile(r"(?:,-|,00|\.-)$")
_INDONESIAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def number_hint(text: str) -> str | None:
    """The plain spelling of a number written with a currency or separators, or None."""
    body = text.strip()
    prefixed = _CURRENCY.match(body) is not None
    body = _CURRENCY.sub("", body)
    trailed = _TRAILER.search(body) is not None
    body = _TRAILER.sub("", body)
    if _INDONESIAN.fullmatch(body):
        return body.replace(".", "").replace(",", ".")
    if _ENGLISH.fullmatch(body):
        return body.replace(",", "")
    if _SPACED.fullmatch(body):
        return body.replace(" ", "")
    if _DECIMAL_COMMA.fullmatch(body):
        return body.replace(",", ".")
    if (prefixed or trailed) and _PLAIN.fullmatch(body):
        return body
    return None


def date_hint(text: str) -> str | None:
    """``YYYY-MM-DD`` of a day written day first (``31/12/2027``, ``1-3-2027``), or None."""
    found = _DAY_FIRST.fullmatch(text.strip())
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
