"""
What looks like a CPR number (*personnummer*), which has no place in the API.

A text that looks like one (``ddmmyy-xxxx``, or ten digits whose first six form a
valid date) makes the engine raise the notice ``privacy.identifier_in_text``
(:mod:`mentorrules.codec.privacy`), and the readers withhold such a value from
their error messages (DESIGN section 3, contract 2).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final


__all__ = ["looks_like_cpr"]

# ddmmyy-xxxx, or ten digits in a row; neither may touch other digits.
_CPR_LIKE: Final = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})(?:-[0-9]{4}|[0-9]{4})(?![0-9])")


def _valid_day(day: str, month: str, year: str) -> bool:
    try:
        date(2000 + int(year), int(month), int(day))  # 2000 is a leap year: 29 February is a valid birthday
    except ValueError:
        return False
    return True


def looks_like_cpr(text: str) -> bool:
    """
    Return whether ``text`` holds something that looks like a CPR number.

    >>> looks_like_cpr("ref 010203-1234"), looks_like_cpr("0102031234"), looks_like_cpr("tlf 20304050")
    (True, True, False)
    >>> looks_like_cpr("3213001234")  # no 32nd day
    False
    """
    return any(_valid_day(*m.groups()) for m in _CPR_LIKE.finditer(text))
