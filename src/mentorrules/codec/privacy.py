"""
The privacy scan: which free-text fields of a case hold what looks like a CPR number.

A CPR number (*personnummer*) has no place in the API.  The scan reads every free
text of a case, ``case_id`` included: the fields whose description says so
(:mod:`mentorrules.model.description`), so a new free-text field is scanned the day
it is declared.  What "looks like" a CPR number is :func:`looks_like_cpr`'s generous
reading (any spelling: NFKC, any separators).  The engine raises
``privacy.identifier_in_text`` for each path it returns, in document order.
"""

from __future__ import annotations

from mentorrules.codec.cases import CASE_CODEC
from mentorrules.model.cpr import looks_like_cpr, might_hold_cpr
from mentorrules.model.facts import Case


__all__ = ["identifier_fields", "looks_like_cpr"]

#: Joins the texts of a case for the first pass: neither a digit nor a separator, so no match spans two texts.
_JOIN = "\x00"


def identifier_fields(case: Case) -> list[str]:
    """Return the paths of the free-text fields that hold something like a CPR number, in document order."""
    texts = _JOIN.join(filter(None, CASE_CODEC.strings(case)))
    if not might_hold_cpr(texts) or not looks_like_cpr(texts):
        return []  # the common case: one cheap look at all the texts at once, then the pattern, find nothing
    return [path for path, text in CASE_CODEC.texts(case) if looks_like_cpr(text)]
