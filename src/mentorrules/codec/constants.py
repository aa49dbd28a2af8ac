"""
JSON text as the input documents may hold it: the numbers the formats allow.

JSON has no NaN or Infinity, but Python's decoder accepts ``NaN``, ``Infinity``
and ``-Infinity`` unless told otherwise.  The document readers (cases and cost
claims) give their decoders :func:`reject_constant`, and turn the
:class:`ConstantError` it raises into an input error of the document.

    >>> import json
    >>> json.loads('{"amount": NaN}', parse_constant=reject_constant)
    Traceback (most recent call last):
    ...
    mentorrules.codec.constants.ConstantError: NaN
"""

from __future__ import annotations

from typing import NoReturn


__all__ = ["ConstantError", "reject_constant"]


class ConstantError(Exception):
    """NaN or Infinity in JSON text: not a number the formats allow."""


def reject_constant(name: str) -> NoReturn:
    """Raise :class:`ConstantError` for ``NaN``, ``Infinity`` or ``-Infinity`` (``parse_constant`` of a decoder)."""
    raise ConstantError(name)
