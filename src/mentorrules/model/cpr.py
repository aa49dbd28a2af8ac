"""
What looks like a CPR number (*personnummer*), which has no place in the API.

A CPR number is ten digits, ``ddmmyy`` and four more, usually written ``ddmmyy-xxxx``.
People write it in many ways, so "looks like" is judged generously (DESIGN section 4,
contract 2): after Unicode NFKC normalisation (full-width digits become ASCII digits, a
non-breaking space a space), any run of separators (white space of any kind, hyphens and
dashes of any kind, the minus sign, slashes and dots) may stand between the six date
digits and the four others and between the date's pairs, and the six date digits must
form a day and month of a calendar year (29 February included).  The digits must not
touch other digits.

A text that looks like one makes the engine raise the notice
``privacy.identifier_in_text`` (:mod:`mentorrules.codec.privacy`); the readers withhold
such a value from their error messages and the outputs never show such a ``case_id``.

    >>> [looks_like_cpr(t) for t in ("010203-1234", "0102031234", "01 02 03 – 1234", "０１０２０３−１２３４")]
    [True, True, True, True]
    >>> [looks_like_cpr(t) for t in ("tlf 20304050", "3213001234", "01020312345", "2024-02-20")]
    [False, False, False, False]
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Final


__all__ = ["looks_like_cpr", "scan_text"]

#: Hyphens and dashes of every kind (Unicode's dash punctuation, Pd), the minus sign and the soft hyphen.
_DASHES: Final = (
    "\\-\u00ad\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d"
)
#: Slashes and dots of every common kind (after NFKC, full-width ones are already "/" and ".").
_SLASHES_AND_DOTS: Final = "/\\\\\u2044\u2215.\u00b7\u2024\u2027\u30fb"
_SEPARATORS: Final = rf"[\s{_DASHES}{_SLASHES_AND_DOTS}]*"

# Six date digits in pairs and four more, separators allowed between the pairs and before
# the four; the digits touch no other digit.
_CPR_LIKE: Final = re.compile(
    rf"(?<![0-9])([0-9]{{2}}){_SEPARATORS}([0-9]{{2}}){_SEPARATORS}([0-9]{{2}}){_SEPARATORS}[0-9]{{4}}(?![0-9])"
)


def _valid_day(day: str, month: str, year: str) -> bool:
    try:
        date(2000 + int(year), int(month), int(day))  # 2000 is a leap year: 29 February is a valid birthday
    except ValueError:
        return False
    return True


def scan_text(text: str) -> str:
    """Return ``text`` as the pattern reads it: NFKC-normalised (ASCII text is its own normal form)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def looks_like_cpr(text: str) -> bool:
    """
    Return whether ``text`` holds something that looks like a CPR number, in any spelling (see above).

    >>> looks_like_cpr("ref. 01.02.03/1234"), looks_like_cpr("født 29-02-00 1234"), looks_like_cpr("30-02-00 1234")
    (True, True, False)
    """
    return any(_valid_day(*m.groups()) for m in _CPR_LIKE.finditer(scan_text(text)))
