"""
The canonical JSON of a case: the text a decision's fingerprint is the SHA-256 of.

DESIGN section 4: the fingerprint is ``"sha256:" + hex`` of the canonical JSON of
``{"case": dump_case(case), "interpretation": ..., "law": ..., "library": ...}``, keys
sorted, separators ``(",", ":")``, UTF-8 without ASCII escapes, decimals as plain
strings without exponent or trailing zeros.  :func:`canonical_json` writes any such
value; a case's is written by the code generated from its description
(``codec(Case).canonical``; the test suite checks that it equals
``canonical_json(dump_case(case))``).

    >>> canonical_json({"b": Decimal("3.50"), "a": datetime.date(2024, 2, 20)})
    '{"a":"2024-02-20","b":"3.5"}'
"""

from __future__ import annotations

import datetime
import enum
import json
from decimal import Decimal
from typing import Any, Final

from mentorrules.model.amounts import plain_decimal
from mentorrules.model.facts import Case
from mentorrules.model.generated import codec


__all__ = ["canonical_json"]

_CASE_CODEC: Final = codec(Case)


# --- canonical JSON ----------------------------------------------------------


def _canonical_default(value: Any) -> Any:
    """Encode what the json module cannot: decimals, dates and enums."""
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"canonical_json() cannot encode {type(value).__name__}")


# Stateless between calls, like the json module's default encoder.
_CANONICAL: Final = json.JSONEncoder(
    ensure_ascii=False,
    allow_nan=False,
    sort_keys=True,
    separators=(",", ":"),
    default=_canonical_default,
)


def canonical_json(value: Any) -> str:
    """
    Write a value as canonical JSON, the same text on any machine.

    Keys are sorted, there is no white space (separators ``","`` and
    ``":"``), text is not ASCII-escaped, a :class:`~decimal.Decimal` is a
    plain decimal string without exponent or trailing zeros
    (``Decimal("1E+2")`` gives ``"100"``), dates are ISO strings and enums
    their values.  Decision fingerprints are the SHA-256 of this text in UTF-8.

    Args:
        value: JSON data, possibly holding decimals, dates and enums.

    Returns:
        The JSON text.

    Raises:
        TypeError: If ``value`` holds something else that JSON cannot encode.
        ValueError: If it holds a float or decimal that is not finite.

    """
    return _CANONICAL.encode(value)


# --- the fingerprint's text ----------------------------------------------------


def _canonical_fingerprint_json(case: Case, interpretation: Any, law: Any, library: Any) -> str:
    """
    Return the canonical JSON a decision's fingerprint is the SHA-256 of.

    That is ``canonical_json({"case": dump_case(case), "interpretation":
    interpretation, "law": law, "library": library})``, with the case written by the
    canonical writer generated for it (:mod:`mentorrules.model.generated`, equal to
    ``canonical_json(dump_case(case))`` and about twice as fast); the four keys are
    in sorted order.
    """
    return (
        f'{{"case":{_CASE_CODEC.canonical(case)}'
        f',"interpretation":{canonical_json(interpretation)}'
        f',"law":{canonical_json(law)}'
        f',"library":{canonical_json(library)}}}'
    )
