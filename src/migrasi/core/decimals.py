"""The decimal arithmetic of money.md, independent of any caller's decimal context."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

ONE = Decimal(1)
CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
"""28 significant digits, ROUND_HALF_EVEN: every computation inside the engine."""


def rounded(value: Decimal, places: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``value`` rounded to the places of ``places`` (``Decimal("0.0001")``: 4 places), whatever
    its size: rounding a figure for showing never fails for want of digits, however large the
    value CONTEXT computed (a quantize inside CONTEXT fails past 28 digits)."""
    digits = value.adjusted() - int(places.as_tuple().exponent) + 2
    if digits <= CONTEXT.prec:
        return value.quantize(places, rounding=rounding, context=CONTEXT)
    return value.quantize(places, context=Context(prec=digits, rounding=rounding))


def whole(value: Decimal) -> int:
    """Round exact Rupiah half-up to a whole Rupiah (2.5 → 3, −2.5 → −3)."""
    if value.adjusted() < CONTEXT.prec - 2:
        return int(value.quantize(ONE, rounding=ROUND_HALF_UP, context=CONTEXT))
    return int(rounded(value, ONE))
