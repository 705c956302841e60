"""Numbers and money as people read them, in Indonesian (PUEBI) or English."""

from __future__ import annotations

from decimal import Decimal

from migrasi.core.decimals import rounded, whole


def group_digits(number: int, lang: str) -> str:
    """``1234567`` as ``1.234.567`` (id) or ``1,234,567`` (en)."""
    text = f"{abs(number):,}"
    if lang == "id":
        text = text.replace(",", ".")
    return ("-" if number < 0 else "") + text


def money(value: Decimal | int, lang: str) -> str:
    """Whole Rupiah: ``Rp1.234.567`` and ``-Rp1.234.567`` (id), ``IDR 1,234,567`` (en)."""
    number = value if isinstance(value, int) else whole(value)
    digits = group_digits(abs(number), lang)
    sign = "-" if number < 0 else ""
    return f"{sign}Rp{digits}" if lang == "id" else f"{sign}IDR {digits}"


def money_short(value: Decimal | int, lang: str) -> str:
    """A large figure in prose: ``Rp1,23 miliar``, ``Rp456,7 juta``; ``IDR 1.23 billion``."""
    number = Decimal(value)
    scales = (
        (Decimal(10) ** 12, "triliun", "trillion"),
        (Decimal(10) ** 9, "miliar", "billion"),
        (Decimal(10) ** 6, "juta", "million"),
    )
    for size, word_id, word_en in scales:
        if abs(number) >= size:
            scaled = rounded(number / size, Decimal("0.01")).normalize()
            text = f"{abs(scaled):f}"
            sign = "-" if number < 0 else ""
            if lang == "id":
                return f"{sign}Rp{text.replace('.', ',')} {word_id}"
            return f"{sign}IDR {text} {word_en}"
    return money(whole(number), lang)


def plain(value: Decimal | int, lang: str = "en") -> str:
    """A quantity for a message: whole numbers plain, others with at most 2 decimals."""
    number = Decimal(value)
    if number == number.to_integral_value():
        whole = int(number)
        return group_digits(whole, lang) if abs(whole) >= 10000 else str(whole)
    text = f"{rounded(number, Decimal('0.01')).normalize():f}"
    return text.replace(".", ",") if lang == "id" else text
