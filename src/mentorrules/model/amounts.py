"""
Decimal amounts in input documents: how precise they may be, judged without expanding them.

DESIGN section 3 (contract 2): an amount (``Hours.amount``, or any decimal amount of
another document, such as a cost claim) whose *value* has more than
:data:`MAX_DECIMAL_PLACES` decimal places is an input error.  Trailing zeros do not
count (``2.500000`` has one decimal place), the exponent does (``1e2`` is 100,
``1e-7`` has seven), and the answer comes from the number's digits and exponent
alone, so ``1e-999999999`` is rejected at once instead of being written out with a
billion zeros.  A float (in an already decoded mapping) is judged by its shortest
round-trip text, ``repr``, the text JSON would have held.

    >>> decimal_places(Decimal("2.500000")), decimal_places(Decimal("1e2")), decimal_places(Decimal("1e-999999999"))
    (1, 0, 999999999)
    >>> too_precise(7.123456), too_precise(Decimal("0.0000001"))
    (False, True)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final


__all__ = ["MAX_DECIMAL_PLACES", "decimal_places", "plain_decimal", "scaled_decimal", "too_precise"]

#: The most decimal places an amount may have (DESIGN section 3).
MAX_DECIMAL_PLACES: Final = 6


def decimal_places(value: Decimal) -> int:
    """Return how many decimal places a finite decimal's value has, trailing zeros ignored."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "only finite decimals have decimal places"
    significant = len(digits)
    while significant > 1 and digits[significant - 1] == 0:
        significant -= 1
    if significant == 1 and digits[0] == 0:
        return 0  # zero, however it is written
    return max(0, -(exponent + len(digits) - significant))


def too_precise(value: int | float | Decimal) -> bool:
    """Return whether a finite number has more than :data:`MAX_DECIMAL_PLACES` decimal places (ints never do)."""
    if isinstance(value, int):
        return False
    amount = Decimal(repr(value)) if isinstance(value, float) else value
    return decimal_places(amount) > MAX_DECIMAL_PLACES


def plain_decimal(value: Decimal) -> str:
    """
    Write a finite decimal without exponent or trailing zeros, exactly.

    Unlike ``Decimal.normalize`` this does not depend on the decimal context
    (which would round to 28 digits), and it writes negative zero as ``"0"``.

    >>> plain_decimal(Decimal("3.50")), plain_decimal(Decimal("1E+2")), plain_decimal(Decimal("-0.0"))
    ('3.5', '100', '0')
    """
    if not value.is_finite():
        raise ValueError(f"a decimal must be finite, not {value}")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    return text


def scaled_decimal(value: Decimal) -> str:
    """
    Write a finite decimal exactly, without exponent, keeping its scale; zero without a sign.

    >>> scaled_decimal(Decimal("300.00")), scaled_decimal(Decimal("1E+2")), scaled_decimal(Decimal("-0.00"))
    ('300.00', '100', '0.00')
    """
    if value.is_zero():
        value = value.copy_abs()
    return format(value, "f")
