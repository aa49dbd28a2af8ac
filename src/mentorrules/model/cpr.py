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


__all__ = ["looks_like_cpr", "might_hold_cpr", "scan_text", "withhold_cpr"]

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


def withhold_cpr(text: str, mask: str = "<withheld>") -> str:
    """
    Return ``text`` with everything that looks like a CPR number replaced by ``mask``.

    A text with nothing of the kind is returned as it is; otherwise as the pattern reads it
    (NFKC-normalised), with each match replaced.

    >>> withhold_cpr("cases/010203-1234.json"), withhold_cpr("cases/2024-03-01.json")
    ('cases/<withheld>.json', 'cases/2024-03-01.json')
    """
    if not looks_like_cpr(text):
        return text
    return _CPR_LIKE.sub(lambda m: mask if _valid_day(*m.groups()) else m.group(), scan_text(text))


# --- a cheap first look ----------------------------------------------------------------------------
#
# Before the pattern reads a whole case's texts (tens of microseconds), one look at their bytes says
# whether it could match at all.  Delete every separator, map each ASCII digit to "0" and anything else to
# "x": only where ten digits then stand in a row can the pattern match, since it needs ten digits with
# nothing but separators between them.  The look deletes more than the separators (every byte above ASCII
# of a text that is not Latin-1), so it may say "maybe" where the pattern then finds nothing, never the
# reverse.  Latin-1 text (Danish letters included), the common case, is read as it is, unless it holds one
# of the Latin-1 characters NFKC turns into digits; any other text is NFKC-normalised first, as the
# pattern reads it.

_ASCII_SEPARATORS: Final = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f-/\\."
_LATIN_1_SEPARATORS: Final = bytes([0x85, 0xA0, 0xAD, 0xB7])
_ABOVE_ASCII: Final = bytes(range(0x80, 0x100))
_DIGITS_TO_ZERO: Final = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x78 for byte in range(0x100))
_LATIN_1_DELETED: Final = _ASCII_SEPARATORS + _LATIN_1_SEPARATORS
_OTHER_DELETED: Final = _ASCII_SEPARATORS + _ABOVE_ASCII
_TEN_DIGITS: Final = b"0" * 10
#: Latin-1 characters that NFKC turns into digits: superscript one, two, three and the vulgar fractions.
_LATIN_1_DIGITS: Final = ("\u00b9", "\u00b2", "\u00b3", "\u00bc", "\u00bd", "\u00be")


def might_hold_cpr(text: str) -> bool:
    """
    Return False when ``text`` certainly holds nothing that looks like a CPR number (a cheap look at its bytes).

    True means "maybe": :func:`looks_like_cpr` decides.

    >>> might_hold_cpr("Mette Jensen, tlf. 20 30 40 50"), might_hold_cpr("ref 01 02 03\u20131234")
    (False, True)
    """
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        data = b""
    if data and not any(digit in text for digit in _LATIN_1_DIGITS):
        looked = data.translate(_DIGITS_TO_ZERO, _LATIN_1_DELETED)
    else:
        looked = scan_text(text).encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO, _OTHER_DELETED)
    return _TEN_DIGITS in looked
