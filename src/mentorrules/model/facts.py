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

Values are checked when an object is built: a wrong type, a date outside
1900-01-01..2199-12-31, a period that ends before it starts, or hours outside
0..10,000 or with more than 6 decimal places raise :class:`~mentorrules.CaseError` naming the field.

Legal basis:
    LAB (lov om en aktiv beskæftigelsesindsats) kapitel 26, §§ 167-171
    (LBK nr. 280 af 1. marts 2024); before 2020 LAB 2003 kapitel 9 b,
    §§ 31 b-31 f; the target groups of LAB § 6.
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from mentorrules.model.amounts import MAX_DECIMAL_PLACES, too_precise
from mentorrules.model.exceptions import CaseError, FieldError


__all__ = [
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

MIN_DATE = _dt.date(1900, 1, 1)
MAX_DATE = _dt.date(2199, 12, 31)
MAX_HOURS = Decimal(10_000)


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


# --- construction checks -----------------------------------------------------


def _date_problem(value: object, *, required: bool) -> str | None:
    if value is None:
        return "is required" if required else None
    if type(value) is not _dt.date:
        return f"must be a date, not {type(value).__name__}"
    if not MIN_DATE <= value <= MAX_DATE:
        return "must lie between 1900-01-01 and 2199-12-31"
    return None


def _check(checks: list[tuple[str, str | None]]) -> None:
    errors = [FieldError(path=name, message=msg) for name, msg in checks if msg is not None]
    if errors:
        raise CaseError(errors)


def _type_problem(value: object, kind: type | tuple[type, ...], *, required: bool = False) -> str | None:
    if value is None:
        return "is required" if required else None
    if type(value) is bool and kind is not bool and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        return f"must be {_kind_name(kind)}, not bool"
    if not isinstance(value, kind):
        return f"must be {_kind_name(kind)}, not {type(value).__name__}"
    return None


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _tuple_of(value: Any) -> tuple[Any, ...]:
    """Accept any list or tuple for a tuple field (an unknown list is empty)."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value  # type: ignore[no-any-return]  # reported by the check below


def _items_problem(value: object, kind: type) -> str | None:
    if not isinstance(value, tuple):
        return f"must be a list, not {type(value).__name__}"
    for index, item in enumerate(value):
        if not isinstance(item, kind) or type(item) is bool:
            return f"item {index} must be {kind.__name__}, not {type(item).__name__}"
    return None


def _enum_problem(value: object, kind: type[enum.Enum]) -> str | None:
    if value is None or isinstance(value, kind):
        return None
    return f"must be a {kind.__name__}, not {type(value).__name__}"


def _opt_date(value: object) -> bool:
    return value is None or (type(value) is _dt.date and MIN_DATE <= value <= MAX_DATE)


def _req_date(value: object) -> bool:
    return type(value) is _dt.date and MIN_DATE <= value <= MAX_DATE


def _opt_str(value: object) -> bool:
    return value is None or type(value) is str


# --- facts -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Assessment:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if type(self.outcome) is bool and _opt_date(self.on) and _opt_str(self.by) and _opt_str(self.reason):
            return  # the fast path: every field is of its type
        _check(
            [
                ("outcome", None if type(self.outcome) is bool else f"must be bool, not {type(self.outcome).__name__}"),
                ("on", _date_problem(self.on, required=False)),
                ("by", _type_problem(self.by, str)),
                ("reason", _type_problem(self.reason, str)),
            ]
        )


@attrs.frozen(kw_only=True)
class Citizen:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if _opt_date(self.birth_date) and (self.target_group is None or type(self.target_group) is TargetGroup):
            return  # the fast path: every field is of its type
        _check(
            [
                ("birth_date", _date_problem(self.birth_date, required=False)),
                ("target_group", _enum_problem(self.target_group, TargetGroup)),
            ]
        )


@attrs.frozen(kw_only=True)
class Mentor:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if (
            _opt_str(self.name)
            and _opt_str(self.phone)
            and _opt_str(self.email)
            and (self.employer is None or type(self.employer) is MentorEmployer)
            and (self.engaged_by is None or type(self.engaged_by) is Engager)
        ):
            return  # the fast path: every field is of its type
        _check(
            [
                ("name", _type_problem(self.name, str)),
                ("phone", _type_problem(self.phone, str)),
                ("email", _type_problem(self.email, str)),
                ("employer", _enum_problem(self.employer, MentorEmployer)),
                ("engaged_by", _enum_problem(self.engaged_by, Engager)),
            ]
        )


@attrs.frozen(kw_only=True)
class Task:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if type(self.description) is str and (
            self.within_usual_duties is None or type(self.within_usual_duties) is bool
        ):
            return  # the fast path: every field is of its type
        _check(
            [
                ("description", _type_problem(self.description, str, required=True)),
                ("within_usual_duties", _type_problem(self.within_usual_duties, bool)),
            ]
        )


@attrs.frozen(kw_only=True)
class Hours:
    """
    The number of mentor hours (*timetallet for mentorstøtten*).

    Attributes:
        amount: The number of hours, 0..10,000, as an exact decimal with at
            most 6 decimal places (trailing zeros do not count).
        unit: Per week or in total.
        basis: Set for the person (the default) or for the place (LAB § 169,
            stk. 4; old § 31 e, stk. 2).
    """

    amount: Decimal
    unit: HoursUnit
    basis: HoursBasis = HoursBasis.PERSON

    def __attrs_post_init__(self) -> None:
        """Check the field types, the range and the precision."""
        if (
            type(self.amount) is Decimal
            and self.amount.is_finite()
            and 0 <= self.amount <= MAX_HOURS
            and not too_precise(self.amount)
            and type(self.unit) is HoursUnit
            and type(self.basis) is HoursBasis
        ):
            return  # the fast path: every field is of its type
        amount_problem = _type_problem(self.amount, Decimal, required=True)
        if amount_problem is None and not (self.amount.is_finite() and 0 <= self.amount <= MAX_HOURS):
            amount_problem = "must lie between 0 and 10000"
        elif amount_problem is None and too_precise(self.amount):
            amount_problem = f"must have at most {MAX_DECIMAL_PLACES} decimal places"
        unit_problem = "is required" if self.unit is None else _enum_problem(self.unit, HoursUnit)
        basis_problem = "is required" if self.basis is None else _enum_problem(self.basis, HoursBasis)
        _check([("amount", amount_problem), ("unit", unit_problem), ("basis", basis_problem)])


@attrs.frozen(kw_only=True)
class Agreement:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if (
            type(self.written) is bool
            and _opt_date(self.concluded_on)
            and _opt_str(self.goal)
            and _opt_str(self.mentor_name)
            and _opt_str(self.mentor_contact)
            and type(self.tasks) is tuple
            and all(type(t) is str for t in self.tasks)
            and _opt_date(self.start)
            and _opt_date(self.end)
            and (self.hours is None or type(self.hours) is Hours)
            and (self.complaint_guidance is None or type(self.complaint_guidance) is bool)
        ):
            return  # the fast path: every field is of its type
        _check(
            [
                ("written", None if type(self.written) is bool else f"must be bool, not {type(self.written).__name__}"),
                ("concluded_on", _date_problem(self.concluded_on, required=False)),
                ("goal", _type_problem(self.goal, str)),
                ("mentor_name", _type_problem(self.mentor_name, str)),
                ("mentor_contact", _type_problem(self.mentor_contact, str)),
                ("tasks", _items_problem(self.tasks, str)),
                ("start", _date_problem(self.start, required=False)),
                ("end", _date_problem(self.end, required=False)),
                ("hours", _type_problem(self.hours, Hours)),
                ("complaint_guidance", _type_problem(self.complaint_guidance, bool)),
            ]
        )


@attrs.frozen(kw_only=True)
class Period:
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
    end: _dt.date
    assessment: Assessment | None = None
    agreement: Agreement | None = None

    def __attrs_post_init__(self) -> None:
        """Check the field types and that the period does not end before it starts."""
        if (
            _req_date(self.start)
            and _req_date(self.end)
            and self.start <= self.end
            and (self.assessment is None or type(self.assessment) is Assessment)
            and (self.agreement is None or type(self.agreement) is Agreement)
        ):
            return  # the fast path: every field is of its type
        end_problem = _date_problem(self.end, required=True)
        start_problem = _date_problem(self.start, required=True)
        if end_problem is None and start_problem is None and self.end < self.start:
            end_problem = "must not be before start"
        _check(
            [
                ("start", start_problem),
                ("end", end_problem),
                ("assessment", _type_problem(self.assessment, Assessment)),
                ("agreement", _type_problem(self.agreement, Agreement)),
            ]
        )


@attrs.frozen(kw_only=True)
class PsychiatricDischarge:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if (
            _req_date(self.discharge_date)
            and type(self.inpatient) is bool
            and type(self.psychiatric) is bool
            and (self.in_connection is None or type(self.in_connection) is Assessment)
        ):
            return  # the fast path: every field is of its type
        _check(
            [
                ("discharge_date", _date_problem(self.discharge_date, required=True)),
                (
                    "inpatient",
                    None if type(self.inpatient) is bool else f"must be bool, not {type(self.inpatient).__name__}",
                ),
                (
                    "psychiatric",
                    None if type(self.psychiatric) is bool else f"must be bool, not {type(self.psychiatric).__name__}",
                ),
                ("in_connection", _type_problem(self.in_connection, Assessment)),
            ]
        )


@attrs.frozen(kw_only=True)
class EducationAdmission:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if _req_date(self.admission_date) and type(self.qualifying) is bool and _opt_date(self.right_invoked_on):
            return  # the fast path: every field is of its type
        _check(
            [
                ("admission_date", _date_problem(self.admission_date, required=True)),
                (
                    "qualifying",
                    None if type(self.qualifying) is bool else f"must be bool, not {type(self.qualifying).__name__}",
                ),
                ("right_invoked_on", _date_problem(self.right_invoked_on, required=False)),
            ]
        )


@attrs.frozen(kw_only=True)
class Case:
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

    def __attrs_post_init__(self) -> None:
        """Check the field types."""
        if (
            _req_date(self.decision_date)
            and (self.citizen is None or type(self.citizen) is Citizen)
            and (self.purpose is None or type(self.purpose) is Purpose)
            and (self.decisive_need is None or type(self.decisive_need) is Assessment)
            and (self.mentor is None or type(self.mentor) is Mentor)
            and type(self.tasks) is tuple
            and all(type(t) is Task for t in self.tasks)
            and (self.beyond_usual_duties is None or type(self.beyond_usual_duties) is Assessment)
            and (self.hours_assessment is None or type(self.hours_assessment) is Assessment)
            and type(self.periods) is tuple
            and all(type(p) is Period for p in self.periods)
            and (self.psychiatric_discharge is None or type(self.psychiatric_discharge) is PsychiatricDischarge)
            and (self.education_admission is None or type(self.education_admission) is EducationAdmission)
            and _opt_str(self.case_id)
        ):
            return  # the fast path: every field is of its type
        _check(
            [
                ("decision_date", _date_problem(self.decision_date, required=True)),
                ("citizen", _type_problem(self.citizen, Citizen)),
                ("purpose", _enum_problem(self.purpose, Purpose)),
                ("decisive_need", _type_problem(self.decisive_need, Assessment)),
                ("mentor", _type_problem(self.mentor, Mentor)),
                ("tasks", _items_problem(self.tasks, Task)),
                ("beyond_usual_duties", _type_problem(self.beyond_usual_duties, Assessment)),
                ("hours_assessment", _type_problem(self.hours_assessment, Assessment)),
                ("periods", _items_problem(self.periods, Period)),
                ("psychiatric_discharge", _type_problem(self.psychiatric_discharge, PsychiatricDischarge)),
                ("education_admission", _type_problem(self.education_admission, EducationAdmission)),
                ("case_id", _type_problem(self.case_id, str)),
            ]
        )
