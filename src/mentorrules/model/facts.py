"""
Facts of a mentor-support case (*mentorstøtte*).

A :class:`Case` describes one course of mentor support as the case file shows
it on the decision date: the citizen, the purpose of the support, the mentor,
the mentor's tasks, the periods granted with their written record, and the
caseworker's recorded assessments (*konkret vurdering*).  The library never
makes those assessments itself; it reads them as facts.

Every class is frozen and keyword-only.  ``None`` means *unknown* and leads to
the verdict ``missing_facts`` where a rule needs the fact; it is never an
error.  Inside an :class:`Agreement`, ``None`` (or an empty text or list)
means *the record does not state it*, which is a defect of the record.

Values are checked when an object is built, against the description of each field
(its annotation, its default and its metadata; :mod:`mentorrules.model.description`):
a wrong type, a date outside 1900-01-01..2199-12-31, a period that ends before it
starts, or hours outside 0..10,000 or with more than 6 decimal places raise
:class:`~mentorrules.CaseError` naming every bad field.  The JSON format of a case
(:mod:`mentorrules.codec.cases`) is generated from the same description.

Legal basis:
    LAB (lov om en aktiv beskæftigelsesindsats) kapitel 26, §§ 167-171
    (LBK nr. 280 af 1. marts 2024); before 2020 LAB 2003 kapitel 9 b,
    §§ 31 b-31 f; the target groups of LAB § 6.
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs

from mentorrules.model.description import MAX_DATE, MIN_DATE, described
from mentorrules.model.generated import JSON, Described, Dialect


__all__ = [
    "MAX_DATE",
    "MAX_HOURS",
    "MIN_DATE",
    "Agreement",
    "Assessment",
    "Case",
    "Citizen",
    "EducationAdmission",
    "Engager",
    "Hours",
    "HoursBasis",
    "HoursUnit",
    "Mentor",
    "MentorEmployer",
    "Period",
    "PsychiatricDischarge",
    "Purpose",
    "TargetGroup",
    "Task",
]

#: The most hours an agreement may state (DESIGN section 3).
MAX_HOURS: Final = Decimal(10_000)


class TargetGroup(enum.StrEnum):
    """
    Target group (*målgruppe*) under LAB § 6, by meaning rather than number.

    The numbers of § 6 change between consolidations, so the enum names the
    meaning; the law version maps it to the number (LAB 2019, § 6, nr. 1-13,
    as in LBK nr. 280 af 1. marts 2024).  ``NONE`` is a person outside § 6,
    e.g. an ordinary employee or a self-supporting person, who can still get
    discretionary support under § 167, stk. 1 but has neither statutory
    right.
    """

    #: nr. 1: *arbejdsløshedsdagpenge* (unemployment insurance benefit)
    UNEMPLOYMENT_BENEFIT = "unemployment_benefit"
    #: nr. 2: *jobparate kontanthjælpsmodtagere* (job-ready, cash benefit)
    CASH_BENEFIT_JOB_READY = "cash_benefit_job_ready"
    #: nr. 3: *aktivitetsparate kontanthjælpsmodtagere* (activity-ready, cash benefit)
    CASH_BENEFIT_ACTIVITY_READY = "cash_benefit_activity_ready"
    #: nr. 4: *uddannelsesparate uddannelseshjælpsmodtagere* (education-ready, under 30)
    EDUCATION_BENEFIT_EDUCATION_READY = "education_benefit_education_ready"
    #: nr. 5: *aktivitetsparate uddannelseshjælpsmodtagere* (activity-ready, under 30)
    EDUCATION_BENEFIT_ACTIVITY_READY = "education_benefit_activity_ready"
    #: nr. 6: *sygedagpenge* (sickness benefit)
    SICKNESS_BENEFIT = "sickness_benefit"
    #: nr. 7: *jobafklaringsforløb* (job clarification programme)
    JOB_CLARIFICATION = "job_clarification"
    #: nr. 8: *ressourceforløb* (resource programme)
    RESOURCE_PROGRAMME = "resource_programme"
    #: nr. 9: *fleksjob* (visiteret til fleksjob)
    FLEXJOB = "flexjob"
    #: nr. 10: *revalidering* (vocational rehabilitation)
    REHABILITATION = "rehabilitation"
    #: nr. 11: *førtidspension* (disability pension)
    DISABILITY_PENSION = "disability_pension"
    #: nr. 12: *selvforsørgende ledige* (self-supporting unemployed)
    SELF_SUPPORTING_UNEMPLOYED = "self_supporting_unemployed"
    #: nr. 13: *unge under 18 år* (young people under 18)
    UNDER_18 = "under_18"
    #: outside § 6 (an ordinary employee, a self-supporting person, ...)
    NONE = "none"


class Purpose(enum.StrEnum):
    """
    What the support shall help the person obtain or keep (LAB § 167, stk. 1).

    The first five are the purposes of § 167, stk. 1 (and of old § 31 b,
    stk. 1): *aktiviteter, tilbud, ordinær uddannelse, ansættelse i fleksjob
    eller ordinær ansættelse*.  ``OTHER`` is anything else, e.g. help with
    housing or finances only, which the provision does not cover.
    """

    ACTIVITY = "activity"
    OFFER = "offer"
    ORDINARY_EDUCATION = "ordinary_education"
    FLEXJOB = "flexjob"
    ORDINARY_EMPLOYMENT = "ordinary_employment"
    OTHER = "other"


class MentorEmployer(enum.StrEnum):
    """
    Who employs the mentor (LAB § 168).

    § 168: the mentor function can be carried out by employees of a company
    (*virksomhed*), an education institution (*uddannelsesinstitution*) or the
    municipality (*kommunen*), or by external consultants (*eksterne
    konsulenter*) with whom one of these has made an agreement.  ``OTHER``
    (a relative, a volunteer) is outside the categories.
    """

    COMPANY = "company"
    EDUCATION_INSTITUTION = "education_institution"
    MUNICIPALITY = "municipality"
    EXTERNAL_CONSULTANT = "external_consultant"
    OTHER = "other"


class Engager(enum.StrEnum):
    """Who engaged an external consultant as mentor (LAB § 168, 2. pkt.)."""

    COMPANY = "company"
    EDUCATION_INSTITUTION = "education_institution"
    MUNICIPALITY = "municipality"


class HoursUnit(enum.StrEnum):
    """Unit of the number of mentor hours (*timetallet*): per week or in total."""

    PER_WEEK = "per_week"
    TOTAL = "total"


class HoursBasis(enum.StrEnum):
    """
    What the number of mentor hours is set for (*timetallet*; contract 2).

    ``PERSON``: the hours are set for this person's support (the default).
    ``PLACE``: the hours are set for the place, the company or education
    institution, rather than for the person (LAB § 169, stk. 4; old § 31 e,
    stk. 2).
    """

    PERSON = "person"
    PLACE = "place"


def _tuple_of(value: Any) -> tuple[Any, ...]:
    """Accept any list or tuple for a tuple field (an unknown list is empty); the check reports anything else."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value  # type: ignore[no-any-return]  # reported by the class's check


# --- facts -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Assessment(Described):
    """
    A caseworker's recorded concrete assessment (*konkret vurdering*).

    The law leaves several conditions to the caseworker's judgement: that a
    mentor is decisive (*afgørende*), that the work exceeds the employer's
    usual duties (§ 169), that a new period is warranted (§ 167, stk. 1,
    2. pkt.).  The library records the outcome; it never makes it.

    Attributes:
        outcome: The caseworker's conclusion (``True``: the condition is met).
        on: When the assessment was made.
        by: Who made it (a name or an initials code; never a CPR number).
        reason: The reasons given (*begrundelse*).
    """

    outcome: bool
    on: _dt.date | None = None
    by: str | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class Citizen(Described):
    """
    The person who receives the support (*borgeren*).

    Attributes:
        birth_date: Date of birth, for "under 30" (*under 30 år*; before the
            30th birthday).  Never a CPR number.
        target_group: The group under LAB § 6, taken as the group on the date
            each condition is tested: the discharge date for § 167, stk. 2,
            the admission date for stk. 3, the decision date otherwise.
    """

    birth_date: _dt.date | None = None
    target_group: TargetGroup | None = None


@attrs.frozen(kw_only=True)
class Mentor(Described):
    """
    The mentor (*mentoren*) and who employs or engaged them (LAB § 168).

    Attributes:
        name: The mentor's name.
        phone: The mentor's phone number.
        email: The mentor's e-mail address.
        employer: Who employs the mentor.
        engaged_by: Who engaged an external consultant (only for
            ``employer == EXTERNAL_CONSULTANT``).
    """

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    employer: MentorEmployer | None = None
    engaged_by: Engager | None = None


@attrs.frozen(kw_only=True)
class Task(Described):
    """
    One of the mentor's tasks (*mentorens opgaver*).

    Attributes:
        description: What the mentor does, in the case file's words.
        within_usual_duties: The caseworker's classification: ``True`` when the
            task is something the employer or school usually does anyway
            (LAB § 169, stk. 1), ``None`` when not classified.
    """

    description: str
    within_usual_duties: bool | None = None


@attrs.frozen(kw_only=True)
class Hours(Described):
    """
    The number of mentor hours (*timetallet for mentorstøtten*).

    Attributes:
        amount: The number of hours, 0..10,000, as an exact decimal with at
            most 6 decimal places (trailing zeros do not count).
        unit: Per week or in total.
        basis: Set for the person (the default) or for the place (LAB § 169,
            stk. 4; old § 31 e, stk. 2).
    """

    amount: Decimal = attrs.field(
        metadata=described(minimum=Decimal(0), maximum=MAX_HOURS, description="the number of hours")
    )
    unit: HoursUnit
    basis: HoursBasis = HoursBasis.PERSON


@attrs.frozen(kw_only=True)
class Agreement(Described):
    """
    The written record of one period's mentor support.

    2014-2019 this is the written agreement between the job centre and the
    person (*skriftlig aftale om mentorstøtte*, old LAB § 31 c), which had to
    state six items, complaint guidance (*klagevejledning*) among them.  From
    2020 it is the mentor information that »Min Plan« must contain (§ 52 of
    the executive order, issued under LAB § 47): goal, the mentor's name and
    contact data, tasks, duration and hours, without complaint guidance.

    ``None`` (or an empty text or list) means *the record does not state it*.

    Attributes:
        written: A written record exists.
        concluded_on: When it was concluded.
        goal: The goal of the support (*målet med mentorstøtten*).
        mentor_name: The mentor's name as written in the record.
        mentor_contact: The mentor's phone number or e-mail address.
        tasks: The tasks the mentor shall help with.
        start: The first day of support in the record.
        end: The last day of support in the record.
        hours: The number of hours.
        complaint_guidance: The record contains *klagevejledning*
            (``None``: not stated).
    """

    written: bool
    concluded_on: _dt.date | None = None
    goal: str | None = None
    mentor_name: str | None = None
    mentor_contact: str | None = None
    tasks: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of)
    start: _dt.date | None = None
    end: _dt.date | None = None
    hours: Hours | None = None
    complaint_guidance: bool | None = None


@attrs.frozen(kw_only=True)
class Period(Described):
    """
    One period of mentor support, both dates inclusive.

    LAB § 167, stk. 1: support is given for at most 6 months; after a concrete
    assessment a new period of up to 6 months may follow when a period ends.

    Attributes:
        start: The first day of support.
        end: The last day of support (not before ``start``).
        assessment: The concrete assessment behind a new period.
        agreement: The written record of this period's support.
    """

    start: _dt.date
    end: _dt.date = attrs.field(metadata=described(not_before="start"))
    assessment: Assessment | None = None
    agreement: Agreement | None = None


@attrs.frozen(kw_only=True)
class PsychiatricDischarge(Described):
    """
    A discharge from psychiatric admission (*udskrivning fra psykiatrisk indlæggelse*).

    LAB § 167, stk. 2: persons covered by § 6 who are discharged from
    psychiatric admission have a right to mentor support for up to 3 months
    before the discharge and for a period of at least 6 months in all.

    Attributes:
        discharge_date: The day of discharge.
        inpatient: The person was admitted (not out-patient or day treatment).
        psychiatric: The admission was for a mental illness (not somatic).
        in_connection: The caseworker's assessment that support starting
            after the discharge date is given in connection with the discharge
            (BEK § 128, stk. 3: *i forbindelse med udskrivningen*); read only
            when the support starts after the discharge.
    """

    discharge_date: _dt.date
    inpatient: bool
    psychiatric: bool
    in_connection: Assessment | None = None


@attrs.frozen(kw_only=True)
class EducationAdmission(Described):
    """
    Admission to an education (*optagelse på en uddannelse*).

    LAB § 167, stk. 3: persons in § 6, nr. 4 and 5 have a right to mentor
    support for up to 6 months from admission to a *studie- eller
    erhvervskompetencegivende uddannelse*; the support runs for up to 6
    months from when the person uses the right.

    Attributes:
        admission_date: The day the person was admitted.
        qualifying: The education qualifies for further study or a trade.
        right_invoked_on: The day the person starts using the right (the
            support starts); may follow the decision date.
    """

    admission_date: _dt.date
    qualifying: bool
    right_invoked_on: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Case(Described):
    """
    One course of mentor support (*et mentorforløb*) as the case file shows it.

    Attributes:
        decision_date: The date of the decision under review; it selects the
            law version (see :class:`~mentorrules.Interpretation` for the
            alternative of the current period's start).
        citizen: The person supported.
        purpose: What the support shall help obtain or keep (§ 167, stk. 1).
        decisive_need: The caseworker's finding that a mentor is decisive
            (*afgørende*) for the person.
        mentor: The mentor.
        tasks: The mentor's tasks.
        beyond_usual_duties: The caseworker's finding under § 169 that the
            work exceeds what the employer or school usually does.
        hours_assessment: The concrete assessment, made with the company or
            education institution, that set the mentor function's hours
            (§ 169, stk. 3; old § 31 e, stk. 2).
        periods: All periods of this course of support, in any order.
        psychiatric_discharge: A discharge from psychiatric admission (§ 167, stk. 2).
        education_admission: An admission to education (§ 167, stk. 3).
        case_id: An opaque reference of the case system; never a CPR number.
    """

    _document_name: ClassVar[str] = "a case"
    _document_name_da: ClassVar[str] = "en sag"
    _document_format: ClassVar[Dialect] = JSON
    _fast_reader: ClassVar[bool] = True  # a batch reads millions of cases

    decision_date: _dt.date
    citizen: Citizen | None = None
    purpose: Purpose | None = None
    decisive_need: Assessment | None = None
    mentor: Mentor | None = None
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=_tuple_of)
    beyond_usual_duties: Assessment | None = None
    hours_assessment: Assessment | None = None
    periods: tuple[Period, ...] = attrs.field(default=(), converter=_tuple_of)
    psychiatric_discharge: PsychiatricDischarge | None = None
    education_admission: EducationAdmission | None = None
    case_id: str | None = None
