"""
The canonical JSON of a case: the text a decision's fingerprint is the SHA-256 of.

DESIGN section 4: the fingerprint is ``"sha256:" + hex`` of the canonical JSON of
``{"case": dump_case(case), "interpretation": ..., "law": ..., "library": ...}``, keys
sorted, separators ``(",", ":")``, UTF-8 without ASCII escapes, decimals as plain
strings without exponent or trailing zeros.  :func:`canonical_json` writes any such
value; :func:`_canonical_case_json` writes a case's directly, field by field (the test
suite checks that it equals ``canonical_json(dump_case(case))``).

    >>> canonical_json({"b": Decimal("3.50"), "a": datetime.date(2024, 2, 20)})
    '{"a":"2024-02-20","b":"3.5"}'
"""

from __future__ import annotations

import datetime
import enum
import json
from decimal import Decimal
from typing import Any, Final

from mentorrules.model.facts import (
    Agreement,
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Mentor,
    Period,
    PsychiatricDischarge,
    Task,
)


__all__ = ["canonical_json"]

#: A text as a JSON string, quotes included (the json module's own escaper, as the encoder uses it).
_json_string: Final = json.encoder.encode_basestring


# --- canonical JSON ----------------------------------------------------------


def _plain_decimal(value: Decimal) -> str:
    """
    Write a finite decimal without exponent or trailing zeros, exactly.

    Unlike ``Decimal.normalize`` this does not depend on the decimal context
    (which would round to 28 digits), and it writes negative zero as ``"0"``.
    """
    if not value.is_finite():
        raise ValueError(f"a decimal must be finite, not {value}")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    return text


def _canonical_default(value: Any) -> Any:
    """Encode what the json module cannot: decimals, dates and enums."""
    if isinstance(value, Decimal):
        return _plain_decimal(value)
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


# --- canonical JSON of a case, written directly --------------------------------
#
# A decision's fingerprint hashes canonical_json({"case": dump_case(case),
# ...}).  The functions below write the same text straight from the facts,
# without building the dict and without the generic encoder, in well under
# half the time.  Each writes the keys of its class in sorted
# order (sort_keys sorts by code point, as Python compares strings), with the
# separators "," and ":", and each value as the json module writes it:
#
# * a text through _json_string, the very function the encoder of canonical_json
#   calls for every string (``ensure_ascii=False``), so the escapes are
#   identical, lone surrogates included;
# * None, True and False as null, true and false;
# * an enum member as its value: the members are StrEnum members, which are
#   str instances whose text is the value, so _json_string writes them;
# * a date as its ISO text in quotes and Hours.amount as _plain_decimal
#   writes it, in quotes: these hold only ASCII digits, "-" and ".", which
#   JSON writes unescaped;
# * a list as "[" items joined by "," "]".
#
# tests/test_case_codec_equivalence.py proves _canonical_case_json(case) ==
# canonical_json(dump_case(case)) on generated cases.


def _opt_text(value: str | None) -> str:
    # Also for an enum member: a StrEnum member is a str whose text is its value.
    return "null" if value is None else _json_string(value)


def _opt_day(value: datetime.date | None) -> str:
    return "null" if value is None else f'"{value.isoformat()}"'


def _opt_bool(value: bool | None) -> str:
    return "null" if value is None else "true" if value else "false"


def _canonical_case_json(case: Case) -> str:
    """
    Return ``canonical_json(dump_case(case))``, written directly (see above).

    Raises:
        TypeError: If ``case`` is not a :class:`~mentorrules.Case`, as
            :func:`dump_case` does.
    """
    if not isinstance(case, Case):
        raise TypeError(f"dump_case() needs a Case, not {type(case).__name__}")
    tasks = ",".join([_task_json(task) for task in case.tasks])
    periods = ",".join([_period_json(period) for period in case.periods])
    return (
        f'{{"beyond_usual_duties":{_assessment_json(case.beyond_usual_duties)}'
        f',"case_id":{_opt_text(case.case_id)}'
        f',"citizen":{_citizen_json(case.citizen)}'
        f',"decision_date":"{case.decision_date.isoformat()}"'
        f',"decisive_need":{_assessment_json(case.decisive_need)}'
        f',"education_admission":{_admission_json(case.education_admission)}'
        f',"hours_assessment":{_assessment_json(case.hours_assessment)}'
        f',"mentor":{_mentor_json(case.mentor)}'
        f',"periods":[{periods}]'
        f',"psychiatric_discharge":{_discharge_json(case.psychiatric_discharge)}'
        f',"purpose":{_opt_text(case.purpose)}'
        f',"tasks":[{tasks}]}}'
    )


def _canonical_fingerprint_json(case: Case, interpretation: Any, law: Any, library: Any) -> str:
    """
    Return the canonical JSON a decision's fingerprint is the SHA-256 of.

    That is ``canonical_json({"case": dump_case(case), "interpretation":
    interpretation, "law": law, "library": library})``, with the case written
    by :func:`_canonical_case_json`; the four keys are in sorted order.
    """
    return (
        f'{{"case":{_canonical_case_json(case)}'
        f',"interpretation":{canonical_json(interpretation)}'
        f',"law":{canonical_json(law)}'
        f',"library":{canonical_json(library)}}}'
    )


def _citizen_json(citizen: Citizen | None) -> str:
    if citizen is None:
        return "null"
    return f'{{"birth_date":{_opt_day(citizen.birth_date)},"target_group":{_opt_text(citizen.target_group)}}}'


def _assessment_json(assessment: Assessment | None) -> str:
    if assessment is None:
        return "null"
    return (
        f'{{"by":{_opt_text(assessment.by)}'
        f',"on":{_opt_day(assessment.on)}'
        f',"outcome":{"true" if assessment.outcome else "false"}'
        f',"reason":{_opt_text(assessment.reason)}}}'
    )


def _mentor_json(mentor: Mentor | None) -> str:
    if mentor is None:
        return "null"
    return (
        f'{{"email":{_opt_text(mentor.email)}'
        f',"employer":{_opt_text(mentor.employer)}'
        f',"engaged_by":{_opt_text(mentor.engaged_by)}'
        f',"name":{_opt_text(mentor.name)}'
        f',"phone":{_opt_text(mentor.phone)}}}'
    )


def _task_json(task: Task) -> str:
    return f'{{"description":{_json_string(task.description)},"within_usual_duties":{_opt_bool(task.within_usual_duties)}}}'


def _period_json(period: Period) -> str:
    return (
        f'{{"agreement":{_agreement_json(period.agreement)}'
        f',"assessment":{_assessment_json(period.assessment)}'
        f',"end":"{period.end.isoformat()}"'
        f',"start":"{period.start.isoformat()}"}}'
    )


def _agreement_json(agreement: Agreement | None) -> str:
    if agreement is None:
        return "null"
    hours = agreement.hours
    if hours is None:
        hours_json = "null"
    else:
        hours_json = (
            f'{{"amount":"{_plain_decimal(hours.amount)}"'
            f',"basis":{_json_string(hours.basis)}'
            f',"unit":{_json_string(hours.unit)}}}'
        )
    tasks = ",".join(map(_json_string, agreement.tasks))
    return (
        f'{{"complaint_guidance":{_opt_bool(agreement.complaint_guidance)}'
        f',"concluded_on":{_opt_day(agreement.concluded_on)}'
        f',"end":{_opt_day(agreement.end)}'
        f',"goal":{_opt_text(agreement.goal)}'
        f',"hours":{hours_json}'
        f',"mentor_contact":{_opt_text(agreement.mentor_contact)}'
        f',"mentor_name":{_opt_text(agreement.mentor_name)}'
        f',"start":{_opt_day(agreement.start)}'
        f',"tasks":[{tasks}]'
        f',"written":{"true" if agreement.written else "false"}}}'
    )


def _discharge_json(discharge: PsychiatricDischarge | None) -> str:
    if discharge is None:
        return "null"
    return (
        f'{{"discharge_date":"{discharge.discharge_date.isoformat()}"'
        f',"in_connection":{_assessment_json(discharge.in_connection)}'
        f',"inpatient":{"true" if discharge.inpatient else "false"}'
        f',"psychiatric":{"true" if discharge.psychiatric else "false"}}}'
    )


def _admission_json(admission: EducationAdmission | None) -> str:
    if admission is None:
        return "null"
    return (
        f'{{"admission_date":"{admission.admission_date.isoformat()}"'
        f',"qualifying":{"true" if admission.qualifying else "false"}'
        f',"right_invoked_on":{_opt_day(admission.right_invoked_on)}}}'
    )
