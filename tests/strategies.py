"""
Hypothesis strategies for mentor-support cases and interpretations, shared by the tests.

:func:`cases` draws valid :class:`~mentorrules.Case` objects that exercise every
branch of the rules without being slow to generate: decision dates across both law
versions (2014-01-01..2026-12-31), birth dates 1950..2012 including 29 February
births, zero to three periods whose starts lie near the decision date (month ends
favoured, so that the ambiguous month arithmetic is hit) and which follow each other
at expiry, after a gap or overlapping, given in shuffled order; agreements whose
items are present, absent or blank; hours per person or per place; assessments
(decisive need, usual duties, hours) absent, true or false; every enum value and
``None``; external consultants with and without ``engaged_by``; sometimes a
psychiatric discharge (with or without the assessment that later support is given in
connection with it) or an education admission; texts from a small alphabet,
sometimes Unicode, sometimes something that looks like a CPR number.

Period starts are kept inside 2014-01-01..2026-12-31, so that every case can be
evaluated under either ``law_date`` choice.

:func:`interpretations` draws every field of :class:`~mentorrules.Interpretation`.

:func:`complete_case_data` is a plain example (not a strategy): the JSON of a
complete, met six-month grant (scenario p01), with keyword overrides.
"""

from __future__ import annotations

import calendar
import copy
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from mentorrules import (
    Agreement,
    AmbiguousDates,
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    EducationRightWindow,
    Engager,
    Hours,
    HoursBasis,
    HoursUnit,
    Interpretation,
    LawDate,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Task,
    max_period_end,
)


__all__ = [
    "FIRST_LAW_DATE",
    "LAST_LAW_DATE",
    "assessments",
    "cases",
    "complete_case_data",
    "decision_dates",
    "interpretations",
    "near",
    "period_data",
]

FIRST_LAW_DATE = date(2014, 1, 1)
LAST_LAW_DATE = date(2026, 12, 31)
ONE_DAY = timedelta(days=1)

NAMES = ("Mette Jensen", "mette  jensen", "Søren Hansen", "So\u0308ren Hansen", "Ali")
NOTABLE_TEXTS = (
    "",
    "  ",
    *NAMES,
    "mette.jensen@example.org",
    "+45 20 30 40 50",
    "0045 20304050",
    "ring til Mette",
    "010203-1234",  # looks like a CPR number
    "ref 3213001234",  # ten digits, but no 32nd day: not CPR-like
    "Støtte til fremmøde",
)

EDUCATION_GROUPS = (TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY, TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY)

decision_dates = st.dates(FIRST_LAW_DATE, LAST_LAW_DATE)


def _month_end(year_month: tuple[int, int]) -> date:
    year, month = year_month
    return date(year, month, calendar.monthrange(year, month)[1])


def _clamp(day: date, low: date = FIRST_LAW_DATE, high: date = LAST_LAW_DATE) -> date:
    return min(max(day, low), high)


texts = st.one_of(
    st.text(alphabet="abc ø-@.+0123456789", max_size=12),
    st.sampled_from(NOTABLE_TEXTS),
    st.text(max_size=5),  # occasional arbitrary Unicode
)
optional_texts = st.none() | texts
optional_bools = st.sampled_from((None, True, False))
likely_true = st.sampled_from((True, True, False))
CONTACTS = ("+45 20 30 40 50", "20304050", "0045 20304050", "+4420304050", "mette.jensen@example.org", "a@b.dk")

birth_dates = st.one_of(
    st.dates(date(1950, 1, 1), date(2012, 12, 31)),
    st.sampled_from([date(year, 2, 29) for year in range(1952, 2013, 4)]),
)


def near(anchor: date, before: int, after: int) -> st.SearchStrategy[date]:
    """Dates from ``before`` days before ``anchor`` to ``after`` days after it; one in three is moved to its month's end."""
    high = anchor + timedelta(days=after)
    return st.tuples(st.integers(-before, after), st.integers(0, 2)).map(
        lambda drawn: (
            _shift_to_month_end(anchor + timedelta(days=drawn[0]), high)
            if drawn[1] == 0
            else anchor + timedelta(days=drawn[0])
        )
    )


def _shift_to_month_end(day: date, high: date) -> date:
    return min(_month_end((day.year, day.month)), high)


@st.composite
def assessments(draw: st.DrawFn, anchor: date | None = None) -> Assessment | None:
    """Draw no assessment, or one with outcome true or false."""
    if draw(st.booleans()):
        return None
    on = draw(st.none() | near(anchor or date(2020, 1, 1), 60, 60))
    return Assessment(outcome=draw(st.booleans()), on=on, by=draw(optional_texts), reason=draw(optional_texts))


@st.composite
def period_ends(draw: st.DrawFn, start: date) -> date:
    """Draw an end 0-9 months after ``start``, often on or next to the six-month limit."""
    limit = max_period_end(start)
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return start + timedelta(days=draw(st.integers(0, 275)))
    return max(start, limit + timedelta(days=draw(st.sampled_from((-1, 0, 1, -30)))))


hours = st.builds(
    Hours,
    amount=st.one_of(
        st.sampled_from(
            [Decimal(0), Decimal("0.5"), Decimal(3), Decimal("37.50"), Decimal("0.000001"), Decimal(10000)]
        ),
        st.decimals(min_value=0, max_value=100, places=2),
    ),
    unit=st.sampled_from(HoursUnit),
    basis=st.sampled_from((HoursBasis.PERSON, HoursBasis.PERSON, HoursBasis.PLACE)),
)


@st.composite
def agreements(draw: st.DrawFn, start: date, end: date) -> Agreement:
    """Draw an agreement whose items are present, absent (None) or blank."""
    dates = draw(st.integers(0, 4))
    if dates <= 2:  # mostly the period's own dates
        a_start, a_end = start, end
    elif dates == 3:
        a_start, a_end = draw(st.none() | st.just(start)), draw(st.none() | st.just(end))
    else:
        a_start = draw(near(start, 10, 10))
        a_end = draw(near(end, 40, 40))
    return Agreement(
        written=draw(st.booleans()),
        concluded_on=draw(st.none() | st.just(start)),
        goal=draw(optional_texts),
        mentor_name=draw(st.none() | st.sampled_from(NAMES) | texts),
        mentor_contact=draw(st.one_of(st.sampled_from(CONTACTS), st.sampled_from(CONTACTS), optional_texts)),
        tasks=draw(st.lists(texts, max_size=2)),
        start=a_start,
        end=a_end,
        hours=draw(st.none() | hours),
        complaint_guidance=draw(optional_bools),
    )


@st.composite
def periods(draw: st.DrawFn, anchor: date) -> tuple[Period, ...]:
    """Draw 0-3 periods, the first near ``anchor``, chained at expiry, after a gap or overlapping, then shuffled."""
    count = draw(st.integers(0, 3))
    result: list[Period] = []
    previous: Period | None = None
    for _ in range(count):
        if previous is None:
            start = draw(near(anchor, 60, 60))
        else:
            follows = draw(st.sampled_from(("expiry", "expiry", "gap", "overlap")))
            if follows == "expiry":
                start = previous.end + ONE_DAY
            elif follows == "gap":
                start = previous.end + timedelta(days=draw(st.integers(2, 60)))
            else:
                start = previous.start + timedelta(days=draw(st.integers(0, 60)))
        start = _clamp(start)
        end = draw(period_ends(start))
        agreement = draw(agreements(start, end)) if draw(st.integers(0, 5)) else None
        previous = Period(start=start, end=end, assessment=draw(assessments(start)), agreement=agreement)
        result.append(previous)
    return tuple(draw(st.permutations(result)))


@st.composite
def mentors(draw: st.DrawFn) -> Mentor | None:
    """Draw no mentor, or one of every employer (a consultant with or without ``engaged_by``)."""
    if not draw(st.integers(0, 5)):
        return None
    return Mentor(
        name=draw(st.none() | st.sampled_from(NAMES) | texts),
        phone=draw(optional_texts),
        email=draw(optional_texts),
        employer=draw(st.sampled_from((None, *MentorEmployer))),
        engaged_by=draw(st.sampled_from((None, *Engager))),
    )


def _years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years, day=min(day.day, 28))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """
    Draw a valid case (see the module docstring).

    A third of the cases are shaped so that a right is likely to exist: a young
    recipient of education benefit admitted to a qualifying education, or a person
    in a § 6 group discharged from psychiatric in-patient admission, with the first
    period starting near the start of the right.
    """
    flavour = draw(st.sampled_from(("random", "student", "discharge")))
    decision = draw(st.dates(date(2022, 1, 1), LAST_LAW_DATE) if flavour == "student" else decision_dates)
    anchor = draw(near(decision, 200, 120))
    citizen = None
    if draw(st.integers(0, 5)):
        citizen = Citizen(
            birth_date=draw(st.none() | birth_dates),
            target_group=draw(st.sampled_from((None, *TargetGroup))),
        )
    purpose = draw(st.sampled_from((None, *Purpose)))
    discharge = None
    if flavour == "discharge" or not draw(st.integers(0, 5)):
        discharge_date = draw(near(decision, 150, 200))
        discharge = PsychiatricDischarge(
            discharge_date=discharge_date,
            inpatient=draw(likely_true),
            psychiatric=draw(likely_true),
            in_connection=draw(assessments(discharge_date)),
        )
        if flavour == "discharge":
            anchor = discharge_date - timedelta(days=draw(st.integers(0, 100)))
            group = draw(st.sampled_from((None, TargetGroup.NONE, *TargetGroup)))
            citizen = Citizen(birth_date=draw(st.none() | birth_dates), target_group=group)
    admission = None
    if flavour == "student" or not draw(st.integers(0, 5)):
        admitted = draw(near(decision, 200, 100))
        invoked_after = st.integers(0, 220).map(lambda days: admitted + timedelta(days=days))
        invoked = draw(invoked_after if flavour == "student" else st.none() | invoked_after)
        admission = EducationAdmission(admission_date=admitted, qualifying=draw(likely_true), right_invoked_on=invoked)
        if flavour == "student":
            anchor = invoked or admitted
            birth = _years_before(admitted, draw(st.sampled_from((18, 22, 29, 30))))
            group = draw(st.sampled_from((*EDUCATION_GROUPS, None, TargetGroup.CASH_BENEFIT_JOB_READY)))
            citizen = Citizen(birth_date=draw(st.sampled_from((birth, birth, None))), target_group=group)
    return Case(
        decision_date=decision,
        citizen=citizen,
        purpose=purpose,
        decisive_need=draw(assessments(decision)),
        mentor=draw(mentors()),
        tasks=draw(st.lists(st.builds(Task, description=texts, within_usual_duties=optional_bools), max_size=3)),
        beyond_usual_duties=draw(assessments(decision)),
        hours_assessment=draw(assessments(decision)),
        periods=draw(periods(anchor)),
        psychiatric_discharge=discharge,
        education_admission=admission,
        case_id=draw(optional_texts),
    )


interpretations = st.builds(
    Interpretation,
    ambiguous_dates=st.sampled_from(AmbiguousDates),
    complaint_guidance_required_from_2020=st.booleans(),
    strict_mentor_categories=st.booleans(),
    psychiatric_period_may_exceed_six_months=st.booleans(),
    education_right_window=st.sampled_from(EducationRightWindow),
    under_30_education_guidance=st.booleans(),
    law_date=st.sampled_from(LawDate),
)


# --- a plain example -------------------------------------------------------------

_COMPLETE: dict[str, Any] = {
    "decision_date": "2024-02-20",
    "case_id": "sag-001",
    "citizen": {"birth_date": "1988-04-12", "target_group": "unemployment_benefit"},
    "purpose": "offer",
    "decisive_need": {"outcome": True, "on": "2024-02-20", "by": "Sagsbehandler A", "reason": "Afgørende"},
    "mentor": {
        "name": "Mette Jensen",
        "phone": "+45 20 30 40 50",
        "email": "mette.jensen@example.org",
        "employer": "municipality",
        "engaged_by": None,
    },
    "tasks": [{"description": "Støtte til struktur i hverdagen", "within_usual_duties": None}],
    "beyond_usual_duties": None,
    "hours_assessment": None,
    "periods": [
        {
            "start": "2024-03-01",
            "end": "2024-08-31",
            "assessment": None,
            "agreement": {
                "written": True,
                "concluded_on": "2024-03-01",
                "goal": "Gennemføre virksomhedspraktik",
                "mentor_name": "Mette Jensen",
                "mentor_contact": "+45 20 30 40 50",
                "tasks": ["Støtte til struktur i hverdagen"],
                "start": "2024-03-01",
                "end": "2024-08-31",
                "hours": {"amount": 3, "unit": "per_week", "basis": "person"},
                "complaint_guidance": True,
            },
        }
    ],
    "psychiatric_discharge": None,
    "education_admission": None,
}


def complete_case_data(**overrides: Any) -> dict[str, Any]:
    """
    Return the JSON of a complete grant that is ``met`` on 2024-02-20, with top-level keys replaced.

    ``period_data(start, end)`` below builds a period with a matching complete agreement.
    """
    data = copy.deepcopy(_COMPLETE)
    data.update(overrides)
    return data


def period_data(start: str, end: str, *, assessment: dict[str, Any] | None = None, **agreement: Any) -> dict[str, Any]:
    """Return the JSON of a period ``start..end`` with a complete agreement for the same dates (items overridable)."""
    record = copy.deepcopy(_COMPLETE["periods"][0]["agreement"])
    record.update({"concluded_on": start, "start": start, "end": end})
    record.update(agreement)
    return {"start": start, "end": end, "assessment": assessment, "agreement": record}
