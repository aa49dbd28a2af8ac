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
:func:`case_schema` describes the format as JSON Schema (draft 2020-12); the
byte-stable JSON that decision fingerprints are computed from is
:mod:`mentorrules.model.canonical`'s.

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

import datetime
import difflib
import enum
import json
import math
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, Final

import attrs

from mentorrules.codec.constants import ConstantError, reject_constant
from mentorrules.codec.privacy import looks_like_cpr
from mentorrules.model.amounts import MAX_DECIMAL_PLACES, too_precise
from mentorrules.model.canonical import _plain_decimal
from mentorrules.model.exceptions import CaseError, FieldError
from mentorrules.model.facts import (
    MAX_DATE,
    MAX_HOURS,
    MIN_DATE,
    Agreement,
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Engager,
    Hours,
    HoursBasis,
    HoursUnit,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Task,
)
from mentorrules.model.slots import slot_setters


__all__ = [
    "case_schema",
    "dump_case",
    "load_case",
]

SCHEMA_ID: Final = "https://mentorrules.readthedocs.io/schema/case.json"

# The contract's patterns.  Only ASCII digits: a full-width "２０２４" is not a date.
_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT_RE: Final = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")

# JSON Schema patterns (ECMA 262 syntax, anchored).  They are tighter than the
# contract's patterns where a regular expression can say it: the years
# 1900..2199, and a decimal string between 0 and 10,000.
_SCHEMA_DATE_PATTERN: Final = r"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_SCHEMA_AMOUNT_PATTERN: Final = r"^(\+?0*([0-9]{1,4}(\.[0-9]{1,6}0*)?|10000(\.0+)?)|-0+(\.0+)?)$"

_MAX_SHOWN: Final = 40
_MAX_HOURS_INT: Final = int(MAX_HOURS)

# --- the format, as a table the loader, the schema and the tests share -------

# Field kinds.  Small ints, compared in the loader's hot loop.
_STR: Final = 0
_DATE: Final = 1
_BOOL: Final = 2
_ENUM: Final = 3
_OBJ: Final = 4
_OBJS: Final = 5
_STRS: Final = 6
_AMOUNT: Final = 7


@attrs.frozen
class _Spec:
    """How one fact class is written in JSON."""

    cls: type[Any]
    #: attribute name -> (kind, argument, required); the argument is the
    #: nested _Spec (objects, lists of objects), the (value -> member, enum)
    #: pair (enums), or True for the date that must not precede ``start``.
    fields: Mapping[str, tuple[int, Any, bool]]
    names: tuple[str, ...]
    required: tuple[str, ...]


def _spec(cls: type[Any], kinds: Mapping[str, tuple[int, Any]]) -> _Spec:
    """Build a class's spec; its keys must be exactly the attribute names, in order."""
    attributes = attrs.fields(cls)
    names = tuple(a.name for a in attributes)
    if names != tuple(kinds):
        raise AssertionError(f"the JSON table of {cls.__name__} does not match its attributes")
    required = tuple(a.name for a in attributes if a.default is attrs.NOTHING)
    fields = {name: (kinds[name][0], kinds[name][1], name in required) for name in names}
    return _Spec(cls=cls, fields=fields, names=names, required=required)


def _enum(cls: type[enum.Enum]) -> tuple[int, Any]:
    return (_ENUM, ({member.value: member for member in cls}, cls))


_ASSESSMENT: Final = _spec(
    Assessment,
    {"outcome": (_BOOL, None), "on": (_DATE, None), "by": (_STR, None), "reason": (_STR, None)},
)
_CITIZEN: Final = _spec(Citizen, {"birth_date": (_DATE, None), "target_group": _enum(TargetGroup)})
_MENTOR: Final = _spec(
    Mentor,
    {
        "name": (_STR, None),
        "phone": (_STR, None),
        "email": (_STR, None),
        "employer": _enum(MentorEmployer),
        "engaged_by": _enum(Engager),
    },
)
_TASK: Final = _spec(Task, {"description": (_STR, None), "within_usual_duties": (_BOOL, None)})
_HOURS: Final = _spec(Hours, {"amount": (_AMOUNT, None), "unit": _enum(HoursUnit), "basis": _enum(HoursBasis)})
_AGREEMENT: Final = _spec(
    Agreement,
    {
        "written": (_BOOL, None),
        "concluded_on": (_DATE, None),
        "goal": (_STR, None),
        "mentor_name": (_STR, None),
        "mentor_contact": (_STR, None),
        "tasks": (_STRS, None),
        "start": (_DATE, None),
        "end": (_DATE, None),
        "hours": (_OBJ, _HOURS),
        "complaint_guidance": (_BOOL, None),
    },
)
_PERIOD: Final = _spec(
    Period,
    {
        "start": (_DATE, None),
        "end": (_DATE, True),
        "assessment": (_OBJ, _ASSESSMENT),
        "agreement": (_OBJ, _AGREEMENT),
    },
)
_DISCHARGE: Final = _spec(
    PsychiatricDischarge,
    {
        "discharge_date": (_DATE, None),
        "inpatient": (_BOOL, None),
        "psychiatric": (_BOOL, None),
        "in_connection": (_OBJ, _ASSESSMENT),
    },
)
_ADMISSION: Final = _spec(
    EducationAdmission,
    {"admission_date": (_DATE, None), "qualifying": (_BOOL, None), "right_invoked_on": (_DATE, None)},
)
_CASE: Final = _spec(
    Case,
    {
        "decision_date": (_DATE, None),
        "citizen": (_OBJ, _CITIZEN),
        "purpose": _enum(Purpose),
        "decisive_need": (_OBJ, _ASSESSMENT),
        "mentor": (_OBJ, _MENTOR),
        "tasks": (_OBJS, _TASK),
        "beyond_usual_duties": (_OBJ, _ASSESSMENT),
        "hours_assessment": (_OBJ, _ASSESSMENT),
        "periods": (_OBJS, _PERIOD),
        "psychiatric_discharge": (_OBJ, _DISCHARGE),
        "education_admission": (_OBJ, _ADMISSION),
        "case_id": (_STR, None),
    },
)

# --- loading -----------------------------------------------------------------


class _RepeatedKeys(dict[str, Any]):
    """
    A JSON object of the text in which a key occurs more than once.

    It holds the last value of each key, as a plain dict would, and in
    ``pairs`` every key and value in document order, so that the checking
    walker can name each repeated key by its path (and still check every
    value).  The fast path gives up on it, as on any dict that is not a
    plain ``dict``.
    """

    __slots__ = ("pairs",)

    pairs: tuple[tuple[str, Any], ...]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a decoded JSON object, marking one whose keys repeat (the decoder's ``object_pairs_hook``)."""
    document = dict(pairs)
    if len(document) == len(pairs):
        return document
    repeated = _RepeatedKeys(document)
    repeated.pairs = tuple(pairs)
    return repeated


@attrs.frozen
class _NumberOutOfReach:
    """
    A JSON number whose exponent lies beyond what :class:`~decimal.Decimal` holds (``1e-99999999999999999999``).

    The decoder keeps it in the document, so that the checking walker can name
    its field; ``tiny`` tells a negative exponent (a value with far too many
    decimal places) from a positive one (a value far too large).
    """

    text: str
    tiny: bool


def _number(text: str) -> Decimal | _NumberOutOfReach:
    """Read a JSON number with a fraction or an exponent as an exact decimal (the decoder's ``parse_float``)."""
    try:
        return Decimal(text)
    except InvalidOperation:  # the exponent does not fit the decimal module's limits
        mantissa, _, exponent = text.lower().partition("e")
        digits = Decimal(mantissa)
        if digits.is_zero():
            return digits  # zero, whatever the exponent
        return _NumberOutOfReach(text, exponent.startswith("-"))


# One decoder, like the json module's own default decoder: it holds no state
# between calls.  Floats become exact Decimals; NaN and Infinity are errors; an
# object whose keys repeat is marked for the walker (_RepeatedKeys).
_DECODER: Final = json.JSONDecoder(parse_float=_number, parse_constant=reject_constant, object_pairs_hook=_object)


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
    if type(data) is dict:
        document: Any = data
    elif isinstance(data, (str, bytes, bytearray)):
        document = _decode(data)
    else:
        document = data
    try:
        return _fast_case(document)
    except _Invalid:
        pass
    if not isinstance(document, Mapping):
        raise CaseError((FieldError(path="", message=f"a case must be a JSON object, not {_json_type(document)}"),))
    errors: list[FieldError] = []
    case = _load_object(document, "", _CASE, errors)
    if errors:
        raise CaseError(errors)
    return case  # type: ignore[no-any-return]


def _decode(data: str | bytes | bytearray) -> Any:
    """Decode JSON text, turning every failure into a document-level CaseError."""
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
    else:
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            message = f"the JSON text is not UTF-8: {exc.reason} at byte {exc.start}"
            raise CaseError((FieldError(path="", message=message),)) from None
    try:
        return _DECODER.decode(text)
    except ConstantError as exc:
        message = f"invalid JSON: {exc} is not allowed (a number must be finite)"
    except RecursionError:
        message = "invalid JSON: nested too deeply"
    except ValueError as exc:  # json.JSONDecodeError, or an integer with too many digits
        message = f"invalid JSON: {exc}"
    raise CaseError((FieldError(path="", message=message),))


# The fast path.  A valid case, the common one, is read by the functions
# below: one per class, attribute by attribute, without paths or messages.
# At the first doubt they raise _Invalid and the checking walker
# (_load_object) reads the document again, from the top, collecting every
# error with its path in document order.  They accept a subset of what the
# walker accepts (plain dicts and lists only) and build the same facts.
#
# They build each fact without calling its class.  A fact class checks its
# values when it is called (``__attrs_post_init__`` in facts.py), but the
# functions below have already checked every value at least as strictly:
# exact types (``type(x) is str``, not a subclass), members of the right
# enum, dates in 1900-01-01..2199-12-31, a period's end not before its
# start, hours a finite ``Decimal`` in 0..10,000 with at most 6 decimal
# places (and a basis, ``person`` when absent), and lists turned into
# tuples (the classes' converter).  Calling the class would only repeat that
# work, at about twice the cost of the whole fast path.  So each function
# takes an empty instance (``object.__new__``) and fills every slot through
# the slot's descriptor (mentorrules.model.slots), which is what the ``__init__``
# that attrs writes does too, less the checks.  The tests prove that the facts built this way
# equal, field by field, the facts the walker builds through the classes
# (tests/test_case_codec_equivalence.py).


class _Invalid(Exception):
    """The fast path gives up; the checking walker takes over."""


def _keys(spec: _Spec) -> frozenset[str]:
    return frozenset(spec.names)


def _members(spec: _Spec, name: str) -> Mapping[str, Any]:
    members: Mapping[str, Any] = spec.fields[name][1][0]
    return MappingProxyType(dict(members))


_CASE_KEYS: Final = _keys(_CASE)
_CITIZEN_KEYS: Final = _keys(_CITIZEN)
_ASSESSMENT_KEYS: Final = _keys(_ASSESSMENT)
_MENTOR_KEYS: Final = _keys(_MENTOR)
_TASK_KEYS: Final = _keys(_TASK)
_PERIOD_KEYS: Final = _keys(_PERIOD)
_AGREEMENT_KEYS: Final = _keys(_AGREEMENT)
_HOURS_KEYS: Final = _keys(_HOURS)
_DISCHARGE_KEYS: Final = _keys(_DISCHARGE)
_ADMISSION_KEYS: Final = _keys(_ADMISSION)
_PURPOSES: Final = _members(_CASE, "purpose")
_TARGET_GROUPS: Final = _members(_CITIZEN, "target_group")
_EMPLOYERS: Final = _members(_MENTOR, "employer")
_ENGAGERS: Final = _members(_MENTOR, "engaged_by")
_UNITS: Final = _members(_HOURS, "unit")
_BASES: Final = _members(_HOURS, "basis")
_PERSON: Final = HoursBasis.PERSON
_CASE_SLOTS: Final = slot_setters(_CASE.cls)
_CITIZEN_SLOTS: Final = slot_setters(_CITIZEN.cls)
_ASSESSMENT_SLOTS: Final = slot_setters(_ASSESSMENT.cls)
_MENTOR_SLOTS: Final = slot_setters(_MENTOR.cls)
_TASK_SLOTS: Final = slot_setters(_TASK.cls)
_PERIOD_SLOTS: Final = slot_setters(_PERIOD.cls)
_AGREEMENT_SLOTS: Final = slot_setters(_AGREEMENT.cls)
_HOURS_SLOTS: Final = slot_setters(_HOURS.cls)
_DISCHARGE_SLOTS: Final = slot_setters(_DISCHARGE.cls)
_ADMISSION_SLOTS: Final = slot_setters(_ADMISSION.cls)

#: ``_new(cls)`` is an empty instance of ``cls``, its slots not yet set (see above).
_new: Final = object.__new__
_date_from_iso: Final = datetime.date.fromisoformat


def _fast_date(value: Any) -> datetime.date:
    # _parse_date inlined (a typical case holds about nine dates); it must
    # accept exactly what _parse_date accepts, which a test checks.
    if type(value) is str and _DATE_RE.fullmatch(value) is not None:
        try:
            day = _date_from_iso(value)
        except ValueError:
            raise _Invalid from None
        if MIN_DATE <= day <= MAX_DATE:
            return day
    raise _Invalid


def _fast_optional_date(value: Any) -> datetime.date | None:
    if value is None:
        return None
    return _fast_date(value)


def _fast_optional_str(value: Any) -> str | None:
    # isascii() first: it is cheap and settles most strings without _is_text.
    if value is None or (type(value) is str and (value.isascii() or _is_text(value))):
        return value
    raise _Invalid


def _is_text(value: str) -> bool:
    """
    Return whether a string is valid Unicode text, i.e. holds no lone surrogate.

    JSON allows an escaped lone surrogate (a ``u`` escape in D800-DFFF without its pair), but such a string is
    not text (RFC 8259, section 8.2): it cannot be written as UTF-8, so a
    decision record or fingerprint holding it could not be stored.  The
    library reads it as a wrong type.
    """
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_NOT_TEXT = "must be valid Unicode text (it holds a lone surrogate)"


def _fast_bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    raise _Invalid


def _fast_optional_bool(value: Any) -> bool | None:
    if value is None or value is True or value is False:
        return value
    raise _Invalid


def _fast_enum(members: Mapping[str, Any], value: Any) -> Any:
    if value is None:
        return None
    if type(value) is str:  # before the look-up: a list or a dict is not hashable
        member = members.get(value)
        if member is not None:
            return member
    raise _Invalid


def _fast_list(value: Any) -> list[Any]:
    if type(value) is list:
        return value
    raise _Invalid


def _fast_case(data: Any) -> Case:
    if type(data) is not dict or not data.keys() <= _CASE_KEYS:
        raise _Invalid
    get = data.get
    tasks = get("tasks")
    periods = get("periods")
    (
        set_decision_date,
        set_citizen,
        set_purpose,
        set_decisive_need,
        set_mentor,
        set_tasks,
        set_beyond_usual_duties,
        set_hours_assessment,
        set_periods,
        set_psychiatric_discharge,
        set_education_admission,
        set_case_id,
    ) = _CASE_SLOTS
    case = _new(Case)
    set_decision_date(case, _fast_date(get("decision_date")))
    set_citizen(case, _fast_citizen(get("citizen")))
    set_purpose(case, _fast_enum(_PURPOSES, get("purpose")))
    set_decisive_need(case, _fast_assessment(get("decisive_need")))
    set_mentor(case, _fast_mentor(get("mentor")))
    set_tasks(case, () if tasks is None else tuple(map(_fast_task, _fast_list(tasks))))
    set_beyond_usual_duties(case, _fast_assessment(get("beyond_usual_duties")))
    set_hours_assessment(case, _fast_assessment(get("hours_assessment")))
    set_periods(case, () if periods is None else tuple(map(_fast_period, _fast_list(periods))))
    set_psychiatric_discharge(case, _fast_discharge(get("psychiatric_discharge")))
    set_education_admission(case, _fast_admission(get("education_admission")))
    set_case_id(case, _fast_optional_str(get("case_id")))
    return case


def _fast_citizen(data: Any) -> Citizen | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _CITIZEN_KEYS:
        raise _Invalid
    get = data.get
    set_birth_date, set_target_group = _CITIZEN_SLOTS
    citizen = _new(Citizen)
    set_birth_date(citizen, _fast_optional_date(get("birth_date")))
    set_target_group(citizen, _fast_enum(_TARGET_GROUPS, get("target_group")))
    return citizen


def _fast_assessment(data: Any) -> Assessment | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _ASSESSMENT_KEYS:
        raise _Invalid
    get = data.get
    set_outcome, set_on, set_by, set_reason = _ASSESSMENT_SLOTS
    assessment = _new(Assessment)
    set_outcome(assessment, _fast_bool(get("outcome")))
    set_on(assessment, _fast_optional_date(get("on")))
    set_by(assessment, _fast_optional_str(get("by")))
    set_reason(assessment, _fast_optional_str(get("reason")))
    return assessment


def _fast_mentor(data: Any) -> Mentor | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _MENTOR_KEYS:
        raise _Invalid
    get = data.get
    set_name, set_phone, set_email, set_employer, set_engaged_by = _MENTOR_SLOTS
    mentor = _new(Mentor)
    set_name(mentor, _fast_optional_str(get("name")))
    set_phone(mentor, _fast_optional_str(get("phone")))
    set_email(mentor, _fast_optional_str(get("email")))
    set_employer(mentor, _fast_enum(_EMPLOYERS, get("employer")))
    set_engaged_by(mentor, _fast_enum(_ENGAGERS, get("engaged_by")))
    return mentor


def _fast_task(data: Any) -> Task:
    if type(data) is not dict or not data.keys() <= _TASK_KEYS:
        raise _Invalid
    description = data.get("description")
    if type(description) is not str or not (description.isascii() or _is_text(description)):
        raise _Invalid  # required: None is not a str either
    set_description, set_within_usual_duties = _TASK_SLOTS
    task = _new(Task)
    set_description(task, description)
    set_within_usual_duties(task, _fast_optional_bool(data.get("within_usual_duties")))
    return task


def _fast_period(data: Any) -> Period:
    if type(data) is not dict or not data.keys() <= _PERIOD_KEYS:
        raise _Invalid
    get = data.get
    start = _fast_date(get("start"))
    end = _fast_date(get("end"))
    if end < start:
        raise _Invalid
    set_start, set_end, set_assessment, set_agreement = _PERIOD_SLOTS
    period = _new(Period)
    set_start(period, start)
    set_end(period, end)
    set_assessment(period, _fast_assessment(get("assessment")))
    set_agreement(period, _fast_agreement(get("agreement")))
    return period


def _fast_agreement(data: Any) -> Agreement | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _AGREEMENT_KEYS:
        raise _Invalid
    get = data.get
    tasks = get("tasks")
    if tasks is None:
        tasks = ()
    else:
        for task in _fast_list(tasks):
            if type(task) is not str or not (task.isascii() or _is_text(task)):
                raise _Invalid
        tasks = tuple(tasks)
    (
        set_written,
        set_concluded_on,
        set_goal,
        set_mentor_name,
        set_mentor_contact,
        set_tasks,
        set_start,
        set_end,
        set_hours,
        set_complaint_guidance,
    ) = _AGREEMENT_SLOTS
    agreement = _new(Agreement)
    set_written(agreement, _fast_bool(get("written")))
    set_concluded_on(agreement, _fast_optional_date(get("concluded_on")))
    set_goal(agreement, _fast_optional_str(get("goal")))
    set_mentor_name(agreement, _fast_optional_str(get("mentor_name")))
    set_mentor_contact(agreement, _fast_optional_str(get("mentor_contact")))
    set_tasks(agreement, tasks)
    set_start(agreement, _fast_optional_date(get("start")))
    set_end(agreement, _fast_optional_date(get("end")))
    set_hours(agreement, _fast_hours(get("hours")))
    set_complaint_guidance(agreement, _fast_optional_bool(get("complaint_guidance")))
    return agreement


def _fast_hours(data: Any) -> Hours | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _HOURS_KEYS:
        raise _Invalid
    amount = _load_amount(data.get("amount"))
    unit = _fast_enum(_UNITS, data.get("unit"))
    basis = data.get("basis")
    basis = _PERSON if basis is None else _fast_enum(_BASES, basis)
    # _load_amount returns a message (a str) for a bad amount; a Decimal it
    # returns is finite, in 0..10,000 and has at most 6 decimal places.  A
    # subclass of Decimal (possible in a decoded mapping) is left to the
    # walker and the class's own check.
    if type(amount) is not Decimal or unit is None:
        raise _Invalid
    set_amount, set_unit, set_basis = _HOURS_SLOTS
    hours = _new(Hours)
    set_amount(hours, amount)
    set_unit(hours, unit)
    set_basis(hours, basis)
    return hours


def _fast_discharge(data: Any) -> PsychiatricDischarge | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _DISCHARGE_KEYS:
        raise _Invalid
    get = data.get
    set_discharge_date, set_inpatient, set_psychiatric, set_in_connection = _DISCHARGE_SLOTS
    discharge = _new(PsychiatricDischarge)
    set_discharge_date(discharge, _fast_date(get("discharge_date")))
    set_inpatient(discharge, _fast_bool(get("inpatient")))
    set_psychiatric(discharge, _fast_bool(get("psychiatric")))
    set_in_connection(discharge, _fast_assessment(get("in_connection")))
    return discharge


def _fast_admission(data: Any) -> EducationAdmission | None:
    if data is None:
        return None
    if type(data) is not dict or not data.keys() <= _ADMISSION_KEYS:
        raise _Invalid
    get = data.get
    set_admission_date, set_qualifying, set_right_invoked_on = _ADMISSION_SLOTS
    admission = _new(EducationAdmission)
    set_admission_date(admission, _fast_date(get("admission_date")))
    set_qualifying(admission, _fast_bool(get("qualifying")))
    set_right_invoked_on(admission, _fast_optional_date(get("right_invoked_on")))
    return admission


# The checking walker.


def _load_object(data: Mapping[Any, Any], path: str, spec: _Spec, errors: list[FieldError]) -> Any:
    """
    Check one JSON object against ``spec`` and build the fact, or return None.

    Errors are appended to ``errors`` with paths under ``path`` (``""`` or a
    prefix ending in ``"."``); the fact is built only when none was found in
    this object.  Keys are visited in document order; a key that occurs
    again in the JSON text (see :class:`_RepeatedKeys`) is named where it
    occurs the second time, and each of its values is checked.
    """
    before = len(errors)
    fields = spec.fields
    kwargs: dict[str, Any] = {}
    end_at = -1
    pairs: Any = data.items()
    counts: dict[str, int] | None = None
    if type(data) is _RepeatedKeys:
        pairs, counts = data.pairs, {}
    for key, value in pairs:
        if counts is not None:
            counts[key] = count = counts.get(key, 0) + 1
            if count == 2:
                errors.append(FieldError(path=path + _key_text(key), message=_REPEATED))
        field = fields.get(key)
        if field is None:
            errors.append(_unknown_key(path, key, spec))
            continue
        kind, arg, required = field
        if value is None:
            if required:
                errors.append(FieldError(path=path + key, message="is required and must not be null"))
            continue
        if kind == _STR:
            if isinstance(value, str):
                if _is_text(value):
                    kwargs[key] = value
                else:
                    errors.append(FieldError(path=path + key, message=_NOT_TEXT))
            else:
                errors.append(FieldError(path=path + key, message=f"must be a string, not {_json_type(value)}"))
        elif kind == _DATE:
            day = _parse_date(value) if isinstance(value, str) else None
            if day is not None:
                kwargs[key] = day
                if arg:
                    end_at = len(errors)
            else:
                errors.append(FieldError(path=path + key, message=_date_message(value)))
        elif kind == _BOOL:
            if value is True or value is False:
                kwargs[key] = value
            else:
                errors.append(FieldError(path=path + key, message=f"must be true or false, not {_json_type(value)}"))
        elif kind == _ENUM:
            member = arg[0].get(value) if isinstance(value, str) else None
            if member is not None:
                kwargs[key] = member
            else:
                errors.append(FieldError(path=path + key, message=_enum_message(value, arg[1])))
        elif kind == _OBJ:
            if type(value) is dict or isinstance(value, Mapping):
                kwargs[key] = _load_object(value, path + key + ".", arg, errors)
            else:
                errors.append(FieldError(path=path + key, message=f"must be an object, not {_json_type(value)}"))
        elif kind == _OBJS:
            if type(value) is list or isinstance(value, (list, tuple)):
                base = path + key
                objects = []
                for index, item in enumerate(value):
                    if type(item) is dict or isinstance(item, Mapping):
                        objects.append(_load_object(item, f"{base}[{index}].", arg, errors))
                    else:
                        message = f"must be an object, not {_json_type(item)}"
                        errors.append(FieldError(path=f"{base}[{index}]", message=message))
                kwargs[key] = objects
            else:
                errors.append(FieldError(path=path + key, message=f"must be an array, not {_json_type(value)}"))
        elif kind == _STRS:
            if type(value) is list or isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    if not isinstance(item, str):
                        message = f"must be a string, not {_json_type(item)}"
                        errors.append(FieldError(path=f"{path}{key}[{index}]", message=message))
                    elif not _is_text(item):
                        errors.append(FieldError(path=f"{path}{key}[{index}]", message=_NOT_TEXT))
                kwargs[key] = value
            else:
                errors.append(FieldError(path=path + key, message=f"must be an array, not {_json_type(value)}"))
        else:  # _AMOUNT
            amount = _load_amount(value)
            if type(amount) is str:
                errors.append(FieldError(path=path + key, message=amount))
            else:
                kwargs[key] = amount
    for name in spec.required:
        if name not in data:
            errors.append(FieldError(path=path + name, message="is required"))
    if end_at >= 0 and kwargs["end"] < kwargs.get("start", MIN_DATE):
        message = f"must not be before start ({kwargs['start'].isoformat()})"
        errors.insert(end_at, FieldError(path=path + "end", message=message))
    if len(errors) != before:
        return None
    return spec.cls(**kwargs)


def _parse_date(text: str) -> datetime.date | None:
    """Read a date ``YYYY-MM-DD`` in ASCII digits from 1900-01-01 to 2199-12-31, or return None."""
    if _DATE_RE.fullmatch(text) is None:
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    if MIN_DATE <= day <= MAX_DATE:
        return day
    return None


def _load_amount(value: Any) -> Decimal | str:
    """
    Return the exact amount, or a message saying what is wrong with it.

    The range is checked before the precision, and neither check writes the
    number out: ``1e-999999999`` and ``1e999999999`` are answered at once.
    """
    if type(value) is int and 0 <= value <= _MAX_HOURS_INT:  # the common case
        return Decimal(value)
    if type(value) is int or (isinstance(value, int) and not isinstance(value, bool)):
        amount = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return f"must be a finite number, not {value!r}"
        amount = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            return f"must be a finite number, not {value}"
        amount = value
    elif isinstance(value, str):
        if _AMOUNT_RE.fullmatch(value) is None:
            return f"must be a number or a decimal string such as '2.5', not {_show(value)}"
        amount = Decimal(value)
    elif type(value) is _NumberOutOfReach:
        shown = value.text if len(value.text) <= _MAX_SHOWN else value.text[:_MAX_SHOWN] + "..."
        shown = _WITHHELD if looks_like_cpr(shown) else shown
        if value.tiny:
            return f"must have at most {MAX_DECIMAL_PLACES} decimal places, not {shown}"
        return f"must lie between 0 and 10000, not {shown}"
    else:
        return f"must be a number or a decimal string, not {_json_type(value)}"
    if not 0 <= amount <= MAX_HOURS:
        return f"must lie between 0 and 10000, not {_show_amount(amount)}"
    if too_precise(amount):
        return f"must have at most {MAX_DECIMAL_PLACES} decimal places, not {_show_amount(amount)}"
    return amount


def _show_amount(amount: Decimal) -> str:
    """
    Write a rejected amount for a message: plainly if that is short, else in scientific form, never expanded.

    >>> _show_amount(Decimal("10000.5")), _show_amount(Decimal("1e999999999")), _show_amount(Decimal("-1e-40"))
    ('10000.5', '1E+999999999', '-1E-40')
    """
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int), "a finite amount"
    if len(digits) + abs(exponent) <= _MAX_SHOWN:
        plain = _plain_decimal(amount)
        return _WITHHELD if looks_like_cpr(plain) else plain
    mantissa, _, power = f"{amount:E}".partition("E")
    text = f"{mantissa.rstrip('0').rstrip('.') if '.' in mantissa else mantissa}E{power}"
    if len(text) > _MAX_SHOWN:
        text = f"{amount:.{_MAX_SHOWN // 2}E}"  # rounded: only the first digits of a long number are shown
    return text


def _date_message(value: Any) -> str:
    if not isinstance(value, str):
        return f"must be a date string YYYY-MM-DD, not {_json_type(value)}"
    if _DATE_RE.fullmatch(value) is None:
        return f"must be a date YYYY-MM-DD in ASCII digits, not {_show(value)}"
    if not MIN_DATE.year <= int(value[:4]) <= MAX_DATE.year:
        return f"must lie between {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}, not {_show(value)}"
    return f"is not a calendar date: {_show(value)}"


def _enum_message(value: Any, cls: type[enum.Enum]) -> str:
    allowed = ", ".join(repr(member.value) for member in cls)
    if not isinstance(value, str):
        return f"must be a string, one of {allowed}; not {_json_type(value)}"
    return f"unknown value {_show(value)}; allowed values: {allowed}"


_REPEATED: Final = "occurs more than once in this object (a key must occur once)"


def _key_text(key: Any) -> str:
    r"""
    Write a key for a path: as it is, or with each lone surrogate escaped (``\ud800``), so that paths are text.

    >>> _key_text("x\ud800")
    'x\\ud800'
    """
    name = key if isinstance(key, str) else str(key)
    if _is_text(name):
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _unknown_key(path: str, key: Any, spec: _Spec) -> FieldError:
    name = _key_text(key)
    close = difflib.get_close_matches(name, spec.names, n=1)
    if close:
        message = f"unknown key; did you mean {close[0]!r}?"
    else:
        message = f"unknown key; the keys of {spec.cls.__name__} are {', '.join(spec.names)}"
    return FieldError(path=path + name, message=message)


def _json_type(value: Any) -> str:
    """Name a value's type as JSON does."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal, _NumberOutOfReach)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return type(value).__name__


#: What a message says instead of a rejected value that looks like a CPR number (DESIGN section 3, contract 2).
_WITHHELD: Final = "a value that looks like a CPR number (withheld)"


def _show(text: str) -> str:
    """Quote a text for a message, shortened if long; withhold it if it looks like a CPR number."""
    if looks_like_cpr(text):
        return _WITHHELD
    if len(text) > _MAX_SHOWN:
        return repr(text[:_MAX_SHOWN]) + "..."
    return repr(text)


# --- dumping -----------------------------------------------------------------


# An enum member's value is read as ``member._value_`` (the attribute the enum
# module documents as the member's value), not through ``member.value``, a
# property whose Python-level lookup costs more than the rest of the field.
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
    purpose = case.purpose
    return {
        "decision_date": case.decision_date.isoformat(),
        "citizen": _dump_citizen(case.citizen),
        "purpose": None if purpose is None else purpose._value_,
        "decisive_need": _dump_assessment(case.decisive_need),
        "mentor": _dump_mentor(case.mentor),
        "tasks": [
            {"description": task.description, "within_usual_duties": task.within_usual_duties} for task in case.tasks
        ],
        "beyond_usual_duties": _dump_assessment(case.beyond_usual_duties),
        "hours_assessment": _dump_assessment(case.hours_assessment),
        "periods": [_dump_period(period) for period in case.periods],
        "psychiatric_discharge": _dump_discharge(case.psychiatric_discharge),
        "education_admission": _dump_admission(case.education_admission),
        "case_id": case.case_id,
    }


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _dump_citizen(citizen: Citizen | None) -> dict[str, Any] | None:
    if citizen is None:
        return None
    group = citizen.target_group
    return {"birth_date": _iso(citizen.birth_date), "target_group": None if group is None else group._value_}


def _dump_assessment(assessment: Assessment | None) -> dict[str, Any] | None:
    if assessment is None:
        return None
    return {
        "outcome": assessment.outcome,
        "on": _iso(assessment.on),
        "by": assessment.by,
        "reason": assessment.reason,
    }


def _dump_mentor(mentor: Mentor | None) -> dict[str, Any] | None:
    if mentor is None:
        return None
    employer = mentor.employer
    engaged_by = mentor.engaged_by
    return {
        "name": mentor.name,
        "phone": mentor.phone,
        "email": mentor.email,
        "employer": None if employer is None else employer._value_,
        "engaged_by": None if engaged_by is None else engaged_by._value_,
    }


def _dump_period(period: Period) -> dict[str, Any]:
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "assessment": _dump_assessment(period.assessment),
        "agreement": _dump_agreement(period.agreement),
    }


def _dump_agreement(agreement: Agreement | None) -> dict[str, Any] | None:
    if agreement is None:
        return None
    hours = agreement.hours
    return {
        "written": agreement.written,
        "concluded_on": _iso(agreement.concluded_on),
        "goal": agreement.goal,
        "mentor_name": agreement.mentor_name,
        "mentor_contact": agreement.mentor_contact,
        "tasks": list(agreement.tasks),
        "start": _iso(agreement.start),
        "end": _iso(agreement.end),
        "hours": None
        if hours is None
        else {"amount": _plain_decimal(hours.amount), "unit": hours.unit._value_, "basis": hours.basis._value_},
        "complaint_guidance": agreement.complaint_guidance,
    }


def _dump_discharge(discharge: PsychiatricDischarge | None) -> dict[str, Any] | None:
    if discharge is None:
        return None
    return {
        "discharge_date": discharge.discharge_date.isoformat(),
        "inpatient": discharge.inpatient,
        "psychiatric": discharge.psychiatric,
        "in_connection": _dump_assessment(discharge.in_connection),
    }


def _dump_admission(admission: EducationAdmission | None) -> dict[str, Any] | None:
    if admission is None:
        return None
    return {
        "admission_date": admission.admission_date.isoformat(),
        "qualifying": admission.qualifying,
        "right_invoked_on": _iso(admission.right_invoked_on),
    }


# --- JSON Schema -------------------------------------------------------------


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
    specs = (_CASE, _CITIZEN, _ASSESSMENT, _MENTOR, _TASK, _PERIOD, _AGREEMENT, _HOURS, _DISCHARGE, _ADMISSION)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "mentorrules case",
        "description": (
            "One mentor-support case (mentorstøtte, LAB §§ 167-171) as mentorrules reads it. "
            "null or an absent field means unknown; an absent or null list means empty."
        ),
        "$ref": "#/$defs/Case",
        "$defs": {spec.cls.__name__: _object_schema(spec) for spec in specs},
    }


def _object_schema(spec: _Spec) -> dict[str, Any]:
    return {
        "title": spec.cls.__name__,
        "description": (spec.cls.__doc__ or spec.cls.__name__).strip().splitlines()[0],
        "type": "object",
        "properties": {name: _field_schema(*spec.fields[name]) for name in spec.names},
        "required": list(spec.required),
        "additionalProperties": False,
    }


def _field_schema(kind: int, arg: Any, required: bool) -> dict[str, Any]:
    schema: dict[str, Any]
    if kind == _STR:
        schema = {"type": "string"}
    elif kind == _DATE:
        schema = {
            "type": "string",
            "format": "date",
            "pattern": _SCHEMA_DATE_PATTERN,
            "description": "a date YYYY-MM-DD, 1900-01-01..2199-12-31",
        }
    elif kind == _BOOL:
        schema = {"type": "boolean"}
    elif kind == _ENUM:
        schema = {"type": "string", "enum": [member.value for member in arg[1]]}
    elif kind == _OBJ:
        schema = {"$ref": f"#/$defs/{arg.cls.__name__}"}
    elif kind == _OBJS:
        return {"type": ["array", "null"], "items": {"$ref": f"#/$defs/{arg.cls.__name__}"}}
    elif kind == _STRS:
        return {"type": ["array", "null"], "items": {"type": "string"}}
    else:  # _AMOUNT, always required
        return {
            "description": (
                "the number of hours, 0..10000 with at most 6 decimal places (trailing zeros do not count): "
                "a JSON number or a decimal string"
            ),
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 10000},
                {"type": "string", "pattern": _SCHEMA_AMOUNT_PATTERN},
            ],
        }
    if required:
        return schema
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    schema["type"] = [schema["type"], "null"]
    if "enum" in schema:
        schema["enum"].append(None)
    return schema
