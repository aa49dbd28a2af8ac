"""
Interpretation: the named choices where the law is unclear.

The statute does not settle every question a rule engine must answer: how to
count six months from 31 August, whether an education-right period may run
past six months from admission, whether STAR's under-30 guidance applies to
ordinary education.  Rather than hide an answer in code, the library names
each question, gives it a default (the reading a careful auditor would choose,
favouring the citizen where the text is ambiguous) and records the choice in
every decision, so that two decisions can be compared and an auditor can see
which reading produced a verdict.

Every field accepts an enum member or its string value::

    >>> Interpretation(**{"ambiguous_dates": "strict"}).ambiguous_dates
    <AmbiguousDates.STRICT: 'strict'>
    >>> Interpretation().to_dict()["law_date"]
    'decision_date'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from mentorrules.model.exceptions import CaseError, FieldError, Messages, Param
from mentorrules.model.generated import key_text, shown


__all__ = [
    "AmbiguousDates",
    "EducationRightWindow",
    "Interpretation",
    "LawDate",
]


class AmbiguousDates(enum.StrEnum):
    """
    How to read "6 months" (or "3 months") when the target day does not exist.

    31 August + 6 months lands on a 31 February.  ``FAVOUR_CITIZEN`` (the
    default) takes the reading that gives the citizen the longer entitlement,
    ``STRICT`` the shorter, and ``FLAG`` computes with the citizen's reading
    but turns a verdict into ``needs_assessment`` wherever the two readings
    disagree, so that a caseworker decides.
    """

    FAVOUR_CITIZEN = "favour_citizen"
    STRICT = "strict"
    FLAG = "flag"


class EducationRightWindow(enum.StrEnum):
    """
    How long the education-admission right (§ 167, stk. 3) lasts.

    ``INVOCATION`` (default, LAW.md § 6.6 reading A): up to 6 months from the
    day the person starts using the right, as stk. 3, 2. pkt. says.
    ``ADMISSION`` (reading B): in addition no later than 6 months from the
    admission.
    """

    INVOCATION = "invocation"
    ADMISSION = "admission"


class LawDate(enum.StrEnum):
    """
    Which date selects the law version and its dated details.

    ``DECISION_DATE`` (default): the decision date.  ``PERIOD_START``: the
    start of the current period (the period with the latest start), or the
    decision date when there are no periods.
    """

    DECISION_DATE = "decision_date"
    PERIOD_START = "period_start"


#: The messages about an interpretation's choices.
_MESSAGES: Final = Messages(
    {
        "interpretation.one_of": ("skal være en af {allowed}, ikke {value}", "must be one of {allowed}, not {value}"),
        "interpretation.true_or_false": (
            "skal være true eller false, ikke {value}",
            "must be true or false, not {value}",
        ),
        "interpretation.unknown": ("ukendt fortolkning; kendte: {known}", "unknown interpretation; known: {known}"),
    }
)


def _shown(value: Any) -> Param:
    """A rejected value for a message: a text as the readers quote it (withheld if like a CPR number), else its repr."""
    return shown(value) if isinstance(value, str) else repr(value)


def _to_enum(kind: type[enum.StrEnum], value: Any) -> Any:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        return value  # reported by the validator with the allowed values


def _to_ambiguous_dates(value: Any) -> Any:
    return _to_enum(AmbiguousDates, value)


def _to_education_right_window(value: Any) -> Any:
    return _to_enum(EducationRightWindow, value)


def _to_law_date(value: Any) -> Any:
    return _to_enum(LawDate, value)


def _enum_validator(kind: type[enum.StrEnum]) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(repr(m.value) for m in kind)
            wrong = _MESSAGES.of("interpretation.one_of", allowed=allowed, value=_shown(value))
            raise CaseError([FieldError.of(attribute.name, wrong)])

    return validate


def _bool_validator(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not bool:
        wrong = _MESSAGES.of("interpretation.true_or_false", value=_shown(value))
        raise CaseError([FieldError.of(attribute.name, wrong)])


@attrs.frozen(kw_only=True)
class Interpretation:
    """
    The interpretation choices applied to a decision; every field has a default.

    Attributes:
        ambiguous_dates: Month arithmetic where the day does not exist
            (DESIGN section 6; LAW.md rule R-17).
        complaint_guidance_required_from_2020: Require *klagevejledning* in
            the agreement from 2020 too, as municipal pages still print the
            older six-item list (LAW.md A2.5); the executive order's »Min
            Plan« items (BEK § 52) do not include it.
        strict_mentor_categories: A mentor outside the categories of § 168 is
            ``not_met``; when false, ``needs_assessment`` (STAR says "ingen
            regler for, hvem der kan være mentor", LAW.md § 6.3).
        psychiatric_period_may_exceed_six_months: § 167, stk. 2 says "mindst
            6 måneder i alt": allow covered periods up to 6 months after the
            discharge (LAW.md § 6.5, question a).
        education_right_window: See :class:`EducationRightWindow`.
        under_30_education_guidance: Apply STAR's guidance that ordinary
            education needs the citizen to be under 30, which the statute does
            not say (LAW.md § 6.1).
        law_date: See :class:`LawDate`.
    """

    ambiguous_dates: AmbiguousDates = attrs.field(
        default=AmbiguousDates.FAVOUR_CITIZEN, converter=_to_ambiguous_dates, validator=_enum_validator(AmbiguousDates)
    )
    complaint_guidance_required_from_2020: bool = attrs.field(default=False, validator=_bool_validator)
    strict_mentor_categories: bool = attrs.field(default=True, validator=_bool_validator)
    psychiatric_period_may_exceed_six_months: bool = attrs.field(default=False, validator=_bool_validator)
    education_right_window: EducationRightWindow = attrs.field(
        default=EducationRightWindow.INVOCATION,
        converter=_to_education_right_window,
        validator=_enum_validator(EducationRightWindow),
    )
    under_30_education_guidance: bool = attrs.field(default=False, validator=_bool_validator)
    law_date: LawDate = attrs.field(
        default=LawDate.DECISION_DATE, converter=_to_law_date, validator=_enum_validator(LawDate)
    )

    def to_dict(self) -> dict[str, str | bool]:
        """Return the choices as a JSON-ready mapping (enums by value), in field order."""
        return {
            "ambiguous_dates": self.ambiguous_dates.value,
            "complaint_guidance_required_from_2020": self.complaint_guidance_required_from_2020,
            "strict_mentor_categories": self.strict_mentor_categories,
            "psychiatric_period_may_exceed_six_months": self.psychiatric_period_may_exceed_six_months,
            "education_right_window": self.education_right_window.value,
            "under_30_education_guidance": self.under_30_education_guidance,
            "law_date": self.law_date.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Interpretation:
        """
        Build from a mapping such as :meth:`to_dict` returns.

        Raises:
            CaseError: naming every unknown key and every bad value.
        """
        fields = {f.name for f in attrs.fields(cls)}
        errors: list[FieldError] = []
        good: dict[str, object] = {}
        for key, value in data.items():
            if key not in fields:
                known = ", ".join(sorted(fields))
                errors.append(FieldError.of(key_text(key), _MESSAGES.of("interpretation.unknown", known=known)))
                continue
            try:
                cls(**{key: value})  # type: ignore[arg-type]
            except CaseError as exc:
                errors.extend(exc.errors)
            else:
                good[key] = value
        if errors:
            raise CaseError(errors)
        return cls(**good)  # type: ignore[arg-type]
