"""
The JSON format of a case (*sagen som JSON*): load, dump, schema and canonical JSON.

A case travels between a municipal case system, a notebook and an auditor as
one JSON object whose keys are exactly the attribute names of the fact classes
in :mod:`mentorrules.model.facts`:

* dates are ``YYYY-MM-DD`` strings in ASCII digits, from 1900-01-01 to
  2199-12-31;
* enums are their lowercase string values (``"per_week"``);
* ``Hours.amount`` is a JSON number or a decimal string such as ``"2.50"``,
  read into an exact :class:`~decimal.Decimal` (never through binary floating
  point), between 0 and 10,000 with at most 6 decimal places (trailing zeros
  do not count);
* ``Hours.basis`` absent or ``null`` means ``"person"``;
* a field that is ``null`` or absent is *unknown*, except the required ones;
  a list that is ``null`` or absent is empty.

:func:`load_case` checks the whole document before it raises a single
:class:`~mentorrules.CaseError` that names every bad field by its path
(``periods[1].end``), in document order.  Only input that cannot describe a
case is an error: a missing or ``null`` required field, a wrong JSON type, a
bad or out-of-range date, an unknown enum value, an unknown key, a key that
occurs twice in one object of JSON text, a period that ends before it starts,
and hours outside 0..10,000 or with more than 6 decimal places.  Everything
else, however doubtful legally, is for the rules to judge.

:func:`dump_case` is the inverse (``load_case(dump_case(case)) == case``), and
:func:`case_schema` describes the format as JSON Schema (draft 2020-12).  All of it
is generated from the description of the fact classes
(:mod:`mentorrules.model.description`, :mod:`mentorrules.model.generated`): this
module only names the document.

    >>> case = load_case('{"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]}')
    >>> case.periods[0].end
    datetime.date(2024, 8, 31)
    >>> dump_case(case)["periods"]
    [{'start': '2024-03-01', 'end': '2024-08-31', 'assessment': None, 'agreement': None}]
    >>> load_case({"decision_date": "2024-02-30", "purpos": "offer"})
    Traceback (most recent call last):
    ...
    mentorrules.model.exceptions.CaseError: 2 bad fields: decision_date: is not a calendar date: '2024-02-30'; purpos: unknown key; did you mean 'purpose'?
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from mentorrules.model.exceptions import CaseError
from mentorrules.model.facts import Case
from mentorrules.model.generated import codec, decode_json


__all__ = [
    "CASE_CODEC",
    "case_schema",
    "dump_case",
    "load_case",
]

SCHEMA_ID: Final = "https://mentorrules.readthedocs.io/schema/case.json"

#: The code generated for a case and the facts in it (with the fast reader: a batch reads millions).
CASE_CODEC: Final = codec(Case)


def load_case(data: Mapping[str, Any] | str | bytes | bytearray) -> Case:
    """
    Read a case from JSON text or from an already decoded JSON object.

    Every field is checked before anything is raised, so that one error
    names every bad field at once.  ``null`` or an absent field means
    *unknown* (an absent or ``null`` list means empty), except for the
    required fields.  JSON numbers in text are read as exact decimals.

    Args:
        data: JSON text (``str``, or ``bytes``/``bytearray`` in UTF-8; a
            leading byte-order mark is ignored) or a mapping as
            :func:`json.loads` returns it, in which numbers may also be
            :class:`~decimal.Decimal` (as ``parse_float=Decimal`` gives them).

    Returns:
        The case.

    Raises:
        CaseError: If the input cannot describe a case.  Its ``errors`` name
            every bad field by path (``periods[1].end``), in document order;
            a problem with the document itself (not JSON, not an object) has
            the path ``""``.

    """
    document = decode_json(data, CaseError) if isinstance(data, (str, bytes, bytearray)) else data
    case: Case = CASE_CODEC.load(document)
    return case


def dump_case(case: Case) -> dict[str, Any]:
    """
    Write a case as a JSON-ready dict, the inverse of :func:`load_case`.

    Every field is present, in attribute order: unknown facts as ``None``,
    dates as ISO strings, enums as their values, tuples as lists and
    ``Hours.amount`` as a plain decimal string without exponent or trailing
    zeros (``Decimal("3.50")`` gives ``"3.5"``), so that
    ``load_case(dump_case(case)) == case``.

    Args:
        case: The case to write.

    Returns:
        A new dict of plain ``dict``, ``list``, ``str``, ``bool`` and ``None``
        values.

    Raises:
        TypeError: If ``case`` is not a :class:`~mentorrules.Case`.

    """
    if not isinstance(case, Case):
        raise TypeError(f"dump_case() needs a Case, not {type(case).__name__}")
    return CASE_CODEC.dump(case)


def case_schema() -> dict[str, Any]:
    """
    Describe the case format as JSON Schema (draft 2020-12).

    The schema accepts every case :func:`load_case` accepts, and rejects
    unknown keys, unknown enum values, missing or ``null`` required fields and
    values of the wrong JSON type.  What it cannot express exactly is left to
    :func:`load_case`: calendar validity of a date (it says ``format: date``,
    which validators need not assert) and a period's end before its start.

    Returns:
        A new dict each call, free to change.

    """
    return CASE_CODEC.schema(
        schema_id=SCHEMA_ID,
        title="mentorrules case",
        description=(
            "One mentor-support case (mentorstøtte, LAB §§ 167-171) as mentorrules reads it. "
            "null or an absent field means unknown; an absent or null list means empty."
        ),
    )
