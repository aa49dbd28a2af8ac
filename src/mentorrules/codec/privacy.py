"""
The privacy scan: which free-text fields of a case hold what looks like a CPR number.

A CPR number (*personnummer*) has no place in the API.  The scan reads every free
text of a case, ``case_id`` included: the fields whose description says so
(:mod:`mentorrules.model.description`), so a new free-text field is scanned the day
it is declared.  The engine raises ``privacy.identifier_in_text`` for each path it
returns, in document order.
"""

from __future__ import annotations

from typing import Final

from mentorrules.codec.cases import CASE_CODEC
from mentorrules.model.cpr import looks_like_cpr
from mentorrules.model.facts import Case


__all__ = ["identifier_fields", "looks_like_cpr"]

# ASCII digits become "0", so six digits in a row become b"000000".  The text is encoded as Latin-1 with every
# other character replaced by "?": a Latin-1 character other than an ASCII digit becomes one byte that is not an
# ASCII digit, and so does any other character, so the runs of ASCII digits are exactly those of the text (as in
# UTF-8, which costs more to encode).  A C-level scan, about five times faster than a regular expression.
_DIGITS_TO_ZERO: Final = bytes.maketrans(b"123456789", b"000000000")


def identifier_fields(case: Case) -> list[str]:
    """Return the paths of the free-text fields that hold something like a CPR number, in document order."""
    texts = "\n".join(filter(None, CASE_CODEC.strings(case)))
    if b"000000" not in texts.encode("latin-1", "replace").translate(_DIGITS_TO_ZERO):
        return []  # the common case: no run of six digits anywhere
    return [path for path, text in CASE_CODEC.texts(case) if looks_like_cpr(text)]
