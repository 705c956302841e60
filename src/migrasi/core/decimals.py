"""The decimal arithmetic of money.md, independent of any caller's decimal context."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

ONE = Decimal(1)
CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
"""28 significant digits, ROUND_HALF_EVEN: every computation inside the engine."""


def whole(value: Decimal) -> int:
    """Round exact Rupiah half-up to a whole Rupiah (2.5 → 3, −2.5 → −3)."""
    return int(value.quantize(ONE, rounding=ROUND_HALF_UP, context=CONTEXT))
