"""
Hypothesis strategies for mentor-support cases, for the tests of applications that use mentorrules.

A municipal case system that stores :class:`~mentorrules.Decision` records, a
data pipeline that converts its own records into cases, or a report generator
can test itself against every shape of case the library accepts, not only the
few a developer thinks of.  The strategies here draw *valid* facts (every object
they draw can be built, dumped and loaded again) that reach the corners of the
law: month ends where "6 months" is ambiguous, 29 February births, periods that
follow each other at expiry, after a gap or overlapping, agreements with items
missing or blank, assessments recorded or not, and cases shaped so that the
psychiatric-discharge and education-admission rights exist.

This module is optional: it needs Hypothesis, installed with the ``testing``
extra (``pip install mentorrules[testing]``).

Copy this into your test suite::

    from hypothesis import given

    from mentorrules import dump_case, evaluate, load_case
    from mentorrules.testing import case_documents, cases, interpretations


    @given(cases(), interpretations())
    def test_every_case_can_be_decided_and_stored(case, interpretation):
        decision = evaluate(case, interpretation=interpretation)  # never raises
        assert load_case(dump_case(case)) == case  # the JSON format round-trips
        my_store.save(decision.to_dict())  # your code: must accept every decision


    @given(case_documents())
    def test_my_importer_accepts_every_valid_document(document):
        my_importer.import_case(document)  # your code, fed the JSON of valid cases

The same, run here:

>>> from hypothesis import given, settings
>>> from mentorrules import dump_case, evaluate, load_case
>>> @settings(max_examples=25, deadline=None)
... @given(cases(), interpretations())
... def test_every_case_can_be_decided(case, interpretation):
...     assert evaluate(case, interpretation=interpretation).findings
...     assert load_case(dump_case(case)) == case
>>> test_every_case_can_be_decided()

The strategies:

* :func:`dates`: dates favouring month ends and 29 February;
* one per fact class: :func:`assessments`, :func:`citizens`, :func:`mentors`,
  :func:`tasks`, :func:`hours`, :func:`agreements`, :func:`periods`,
  :func:`psychiatric_discharges`, :func:`education_admissions`;
* :func:`cases`: whole cases whose decision date lies in a modelled law version,
  so that :func:`~mentorrules.evaluate` never raises for them under any
  interpretation (:func:`interpretations`);
* :func:`case_documents`: the JSON of such cases, as
  :func:`~mentorrules.dump_case` writes it.

The strategies draw only what :func:`~mentorrules.load_case` accepts; to test
how your code handles *invalid* input, mutate a document from
:func:`case_documents`.  Like every Hypothesis strategy they shrink a failing
example towards a small case.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final


try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # tested by simulating a missing Hypothesis
    raise ImportError(
        "mentorrules.testing needs Hypothesis; install it with: pip install mentorrules[testing]"
    ) from exc

from mentorrules.codec.cases import dump_case
from mentorrules.law.dates import max_period_end
from mentorrules.law.interpretation import AmbiguousDates, EducationRightWindow, Interpretation, LawDate
from mentorrules.law.versions import LAW_VERSIONS
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


__all__ = [
    "CPR_SEPARATORS",
    "agreements",
    "assessments",
    "case_documents",
    "cases",
    "citizens",
    "cpr_like_texts",
    "dates",
    "education_admissions",
    "hours",
    "interpretations",
    "mentors",
    "periods",
    "psychiatric_discharges",
    "random_documents",
    "tasks",
]

_ONE_DAY = timedelta(days=1)
#: The law dates modelled: decisions on these dates never raise UnsupportedDateError.
_FIRST_LAW_DATE = min(version.valid_from for version in LAW_VERSIONS)
_LAST_LAW_DATE = max(version.valid_to for version in LAW_VERSIONS)
#: The education right (§ 167, stk. 3) is modelled from this law date.
_EDUCATION_RIGHT_FROM = date(2022, 1, 1)

# Texts that matter to the rules: names that match only after normalisation,
# contact data of every accepted shape, a blank text (an unstated agreement
# item), and an identifier that looks like a CPR number (a privacy notice).
_NAMES = ("Mette Jensen", "mette  jensen", "Søren Hansen", "So\u0308ren Hansen", "Ali")
_CONTACTS = ("+45 20 30 40 50", "20304050", "0045 20304050", "+4420304050", "mette.jensen@example.org", "a@b.dk")
_NOTABLE_TEXTS = (
    "",
    "  ",
    *_NAMES,
    *_CONTACTS[:2],
    "ring til Mette",
    "010203-1234",
    "ref 3213001234",
    "Støtte til fremmøde",
)
_EDUCATION_GROUPS = (TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY, TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY)

_texts = st.one_of(
    st.text(alphabet="abc ø-@.+0123456789", max_size=12),
    st.sampled_from(_NOTABLE_TEXTS),
    st.text(max_size=5),  # arbitrary Unicode (Hypothesis never draws lone surrogates)
)
_optional_texts = st.none() | _texts
_names = st.none() | st.sampled_from(_NAMES) | _texts
_contacts = st.one_of(st.sampled_from(_CONTACTS), _optional_texts)
_optional_bools = st.sampled_from((None, True, False))
_likely_true = st.sampled_from((True, True, False))
_one_in_three = st.integers(0, 2)
_one_in_four = st.integers(0, 3)
_one_in_six = st.integers(0, 5)


def _clamp(day: date, low: date = MIN_DATE, high: date = MAX_DATE) -> date:
    return min(max(day, low), high)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _check_dates(min_value: date, max_value: date) -> None:
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if type(value) is not date or not MIN_DATE <= value <= MAX_DATE:
            raise InvalidArgument(f"{name} must be a date between {MIN_DATE} and {MAX_DATE}, not {value!r}")
    if min_value > max_value:
        raise InvalidArgument(f"min_value {min_value} is after max_value {max_value}")


def dates(*, min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """
    Draw dates a case may hold, favouring the days where month arithmetic is ambiguous.

    About half the dates are the last day of their month or one or two days
    before it (31 August, 30 August, 29 February), where "6 months later" or
    "3 months before" falls on a day the target month lacks.

    Args:
        min_value: The earliest date (at least 1900-01-01).
        max_value: The latest date (at most 2199-12-31).

    Raises:
        hypothesis.errors.InvalidArgument: If a bound is not a date in
            1900-01-01..2199-12-31 or ``min_value`` is after ``max_value``.

    """
    _check_dates(min_value, max_value)
    plain = st.dates(min_value=min_value, max_value=max_value)
    near_month_end = st.tuples(plain, _one_in_three).map(
        lambda drawn: _clamp(_month_end(drawn[0]) - timedelta(days=drawn[1]), min_value, max_value)
    )
    return st.one_of(plain, near_month_end)


_any_dates = dates()
_optional_dates = st.none() | _any_dates
_law_dates = dates(min_value=_FIRST_LAW_DATE, max_value=_LAST_LAW_DATE)
_education_law_dates = dates(min_value=_EDUCATION_RIGHT_FROM, max_value=_LAST_LAW_DATE)
_leap_days = st.sampled_from([date(year, 2, 29) for year in range(1952, 2013, 4)])
_birth_dates = st.one_of(dates(min_value=date(1950, 1, 1), max_value=date(2012, 12, 31)), _leap_days)
_adult_birth_dates = dates(min_value=date(1950, 1, 1), max_value=date(2008, 12, 31))


def _draw_near(draw: st.DrawFn, anchor: date, before: int, after: int) -> date:
    """A date from ``before`` days before ``anchor`` to ``after`` days after it; one in three moved to its month's end."""
    day = _clamp(anchor + timedelta(days=draw(st.integers(-before, after))))
    if draw(_one_in_three):
        return day
    return _clamp(_month_end(day), high=_clamp(anchor + timedelta(days=after)))


def _draw_assessment(draw: st.DrawFn, on: date) -> Assessment:
    """An assessment dated within 60 days of ``on``, or undated."""
    day = _draw_near(draw, on, 60, 60) if draw(st.booleans()) else None
    return Assessment(outcome=draw(st.booleans()), on=day, by=draw(_optional_texts), reason=draw(_optional_texts))


def _draw_optional_assessment(draw: st.DrawFn, on: date) -> Assessment | None:
    return _draw_assessment(draw, on) if draw(st.booleans()) else None


def assessments(*, on: st.SearchStrategy[date] | None = None) -> st.SearchStrategy[Assessment]:
    """
    Draw a caseworker's recorded assessment: outcome true or false, with or without date, author and reason.

    Args:
        on: Dates for ``Assessment.on`` (default: :func:`dates`); ``None`` is drawn too.

    """
    return st.builds(
        Assessment,
        outcome=st.booleans(),
        on=_optional_dates if on is None else st.none() | on,
        by=_optional_texts,
        reason=_optional_texts,
    )


def citizens(*, birth_dates: st.SearchStrategy[date] | None = None) -> st.SearchStrategy[Citizen]:
    """
    Draw a citizen: birth date (29 February favoured) and target group, each possibly unknown.

    Args:
        birth_dates: Dates for ``Citizen.birth_date`` (default: 1950..2012,
            often 29 February); ``None`` is drawn too.

    """
    return st.builds(
        Citizen,
        birth_date=st.none() | (_birth_dates if birth_dates is None else birth_dates),
        target_group=st.sampled_from((None, *TargetGroup)),
    )


def mentors() -> st.SearchStrategy[Mentor]:
    """Draw a mentor of every employer, an external consultant with or without ``engaged_by``; any field unknown."""
    return st.builds(
        Mentor,
        name=_names,
        phone=_optional_texts,
        email=_optional_texts,
        employer=st.sampled_from((None, *MentorEmployer)),
        engaged_by=st.sampled_from((None, *Engager)),
    )


def tasks() -> st.SearchStrategy[Task]:
    """Draw a mentor's task, classified within the usual duties, outside them, or not classified."""
    return st.builds(Task, description=_texts, within_usual_duties=_optional_bools)


_NOTABLE_AMOUNTS = (
    Decimal(0),
    Decimal("0.5"),
    Decimal(3),
    Decimal("37.50"),
    Decimal("2.500000"),
    Decimal("1E+2"),
    Decimal("0.000001"),
    Decimal("7.1234560"),
    MAX_HOURS,
)


def hours() -> st.SearchStrategy[Hours]:
    """
    Draw a number of hours, per week or in total, set for the person or for the place.

    The amounts lie in 0..10,000 with at most 6 decimal places (0, fractions,
    6 decimal places, trailing zeros, an exponent and the maximum favoured).
    """
    amounts = st.one_of(
        st.sampled_from(_NOTABLE_AMOUNTS),
        st.decimals(min_value=0, max_value=100, places=2),
        st.decimals(min_value=0, max_value=MAX_HOURS, places=6),
    )
    return st.builds(
        Hours, amount=amounts, unit=st.sampled_from(HoursUnit), basis=st.sampled_from((*HoursBasis, HoursBasis.PERSON))
    )


_citizens = citizens()
_optional_citizens = st.none() | _citizens | _citizens
_mentors = mentors()
_optional_mentors = st.none() | _mentors | _mentors
_task_lists = st.lists(tasks(), max_size=3)
_item_lists = st.lists(_texts, max_size=2)
_optional_hours = st.none() | hours()
_purposes = st.sampled_from((None, *Purpose))
_ends_near_limit = st.sampled_from((-1, 0, 1, -30))
_follows = st.sampled_from(("expiry", "expiry", "gap", "overlap"))


def _draw_agreement(draw: st.DrawFn, start: date | None, end: date | None) -> Agreement:
    """A record of a period ``start..end`` (either unknown: arbitrary dates), items present, absent or blank."""
    a_start: date | None
    a_end: date | None
    if start is None or end is None:
        a_start, a_end = draw(_optional_dates), draw(_optional_dates)
    elif not draw(_one_in_four):  # dates a few days off, or left out
        a_start = _draw_near(draw, start, 10, 10) if draw(st.booleans()) else None
        a_end = _draw_near(draw, end, 40, 40) if draw(st.booleans()) else None
    else:  # mostly the period's own dates
        a_start, a_end = start, end
    return Agreement(
        written=draw(st.booleans()),
        concluded_on=start if start is not None and draw(st.booleans()) else None,
        goal=draw(_optional_texts),
        mentor_name=draw(_names),
        mentor_contact=draw(_contacts),
        tasks=draw(_item_lists),
        start=a_start,
        end=a_end,
        hours=draw(_optional_hours),
        complaint_guidance=draw(_optional_bools),
    )


@st.composite
def _agreements(draw: st.DrawFn, start: date | None, end: date | None) -> Agreement:
    return _draw_agreement(draw, start, end)


def agreements(*, start: date | None = None, end: date | None = None) -> st.SearchStrategy[Agreement]:
    """
    Draw the written record of a period, its items present, absent (``None``) or blank.

    Args:
        start: The period's start: the record's start is mostly this date,
            sometimes absent or a few days off.
        end: The period's end, likewise.

    Without ``start`` and ``end`` the record's dates are arbitrary (the rules
    judge an end before the start; it is not an input error).

    """
    return _agreements(start, end)


def _draw_period(draw: st.DrawFn, start: date, agreement: bool | None) -> Period:
    """A period from ``start``: its end on, next to or well within the six-month limit, or up to 9 months on."""
    if draw(_one_in_four):
        end = _clamp(max_period_end(start) + timedelta(days=draw(_ends_near_limit)), start)
    else:
        end = _clamp(start + timedelta(days=draw(st.integers(0, 275))))
    with_record = draw(st.integers(0, 5)) > 0 if agreement is None else agreement
    return Period(
        start=start,
        end=end,
        assessment=_draw_optional_assessment(draw, start),
        agreement=_draw_agreement(draw, start, end) if with_record else None,
    )


@st.composite
def _periods(draw: st.DrawFn, starts: st.SearchStrategy[date], agreement: bool | None) -> Period:
    return _draw_period(draw, draw(starts), agreement)


def periods(
    *, min_start: date = MIN_DATE, max_start: date = MAX_DATE, agreement: bool | None = None
) -> st.SearchStrategy[Period]:
    """
    Draw one period of support: an end on, next to or well within the six-month limit, or up to 9 months on.

    Args:
        min_start: The earliest start.
        max_start: The latest start.
        agreement: ``True`` always draws a written record, ``False`` never,
            ``None`` (default) mostly.

    Raises:
        hypothesis.errors.InvalidArgument: As :func:`dates` for the bounds.

    """
    return _periods(dates(min_value=min_start, max_value=max_start), agreement)


def _draw_course(draw: st.DrawFn, anchor: date, max_periods: int) -> tuple[Period, ...]:
    """0..max_periods periods, the first near ``anchor``, chained at expiry, after a gap or overlapping; shuffled."""
    result: list[Period] = []
    for index in range(draw(st.integers(0, max_periods))):
        if index == 0:
            start = _draw_near(draw, anchor, 60, 60)
        else:
            previous = result[-1]
            follows = draw(_follows)
            if follows == "expiry":
                start = previous.end + _ONE_DAY
            elif follows == "gap":
                start = previous.end + timedelta(days=draw(st.integers(2, 60)))
            else:
                start = previous.start + timedelta(days=draw(st.integers(0, 60)))
        # Starts stay inside the modelled law dates, so that law_date="period_start" can be evaluated.
        result.append(_draw_period(draw, _clamp(start, _FIRST_LAW_DATE, _LAST_LAW_DATE), None))
    return tuple(draw(st.permutations(result)))


def psychiatric_discharges(
    *, discharge_dates: st.SearchStrategy[date] | None = None
) -> st.SearchStrategy[PsychiatricDischarge]:
    """
    Draw a discharge from admission, mostly in-patient and psychiatric (the right of § 167, stk. 2).

    The assessment that support after the discharge is given in connection
    with it (``in_connection``) is recorded or not.

    Args:
        discharge_dates: Dates for the discharge (default: :func:`dates`).

    """
    return st.builds(
        PsychiatricDischarge,
        discharge_date=_any_dates if discharge_dates is None else discharge_dates,
        inpatient=_likely_true,
        psychiatric=_likely_true,
        in_connection=st.none() | assessments(),
    )


def _draw_admission(draw: st.DrawFn, admitted: date, invoked: bool) -> EducationAdmission:
    """An admission on ``admitted``, the right invoked 0..220 days later (or, unless ``invoked``, unknown)."""
    later = _clamp(admitted + timedelta(days=draw(st.integers(0, 220))))
    return EducationAdmission(
        admission_date=admitted,
        qualifying=draw(_likely_true),
        right_invoked_on=later if invoked or draw(st.booleans()) else None,
    )


@st.composite
def _admissions(draw: st.DrawFn, admission_dates: st.SearchStrategy[date]) -> EducationAdmission:
    return _draw_admission(draw, draw(admission_dates), invoked=False)


def education_admissions(
    *, admission_dates: st.SearchStrategy[date] | None = None
) -> st.SearchStrategy[EducationAdmission]:
    """
    Draw an admission to education, mostly qualifying, the right invoked 0..220 days later or not known.

    Args:
        admission_dates: Dates for the admission (default: :func:`dates`).

    """
    return _admissions(_any_dates if admission_dates is None else admission_dates)


def _years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years, day=min(day.day, 28))


_flavours = st.sampled_from(("random", "student", "discharge"))
_student_ages = st.sampled_from((18, 22, 29, 30))
_student_groups = st.sampled_from((*_EDUCATION_GROUPS, None, TargetGroup.CASH_BENEFIT_JOB_READY))


@st.composite
def _cases(draw: st.DrawFn, decision_dates: st.SearchStrategy[date] | None, max_periods: int) -> Case:
    flavour = draw(_flavours)
    if decision_dates is not None:
        decision = draw(decision_dates)
    else:  # the education right is modelled from 2022
        decision = draw(_education_law_dates if flavour == "student" else _law_dates)
    anchor = _draw_near(draw, decision, 200, 120)
    citizen = draw(_optional_citizens)
    discharge = None
    if flavour == "discharge" or not draw(_one_in_six):
        discharged = _draw_near(draw, decision, 150, 200)
        discharge = PsychiatricDischarge(
            discharge_date=discharged,
            inpatient=draw(_likely_true),
            psychiatric=draw(_likely_true),
            in_connection=_draw_optional_assessment(draw, discharged),
        )
        if flavour == "discharge":  # support from up to 100 days before the discharge; an adult in a § 6 group likely
            anchor = _clamp(discharged - timedelta(days=draw(st.integers(0, 100))))
            citizen = draw(citizens(birth_dates=_adult_birth_dates))
    admission = None
    if flavour == "student" or not draw(_one_in_six):
        admission = _draw_admission(draw, _draw_near(draw, decision, 200, 100), invoked=flavour == "student")
        if flavour == "student":  # young, on education benefit, support from the invocation
            anchor = admission.right_invoked_on or admission.admission_date
            birth = _years_before(admission.admission_date, draw(_student_ages))
            citizen = Citizen(birth_date=birth if draw(_one_in_three) else None, target_group=draw(_student_groups))
    return Case(
        decision_date=decision,
        citizen=citizen,
        purpose=draw(_purposes),
        decisive_need=_draw_optional_assessment(draw, decision),
        mentor=draw(_optional_mentors),
        tasks=draw(_task_lists),
        beyond_usual_duties=_draw_optional_assessment(draw, decision),
        hours_assessment=_draw_optional_assessment(draw, decision),
        periods=_draw_course(draw, anchor, max_periods),
        psychiatric_discharge=discharge,
        education_admission=admission,
        case_id=draw(_optional_texts),
    )


def cases(*, decision_dates: st.SearchStrategy[date] | None = None, max_periods: int = 3) -> st.SearchStrategy[Case]:
    """
    Draw a valid case; with the default decision dates, every case can be evaluated under every interpretation.

    A third of the cases are shaped so that the education-admission right
    (§ 167, stk. 3: a young recipient of education benefit admitted to a
    qualifying education) or the psychiatric-discharge right (§ 167, stk. 2)
    is likely to exist, with the first period near the start of the right.
    The periods (0 to ``max_periods``) follow each other at expiry, after a
    gap or overlapping, and are given in shuffled order; their starts lie in
    the modelled law dates.  Other dates lie near the decision date; facts
    dated after it occur, as the format allows.

    Args:
        decision_dates: Dates for ``Case.decision_date``.  The default draws
            from the modelled law dates (2014-01-01..2026-12-31), so that
            :func:`~mentorrules.evaluate` never raises; dates outside them
            make it raise :class:`~mentorrules.UnsupportedDateError`.
        max_periods: The most periods a case has (0 or more).

    Raises:
        hypothesis.errors.InvalidArgument: If ``max_periods`` is negative.

    """
    if type(max_periods) is not int or max_periods < 0:
        raise InvalidArgument(f"max_periods must be an int, 0 or more, not {max_periods!r}")
    return _cases(decision_dates, max_periods)


def case_documents(
    *, decision_dates: st.SearchStrategy[date] | None = None, max_periods: int = 3
) -> st.SearchStrategy[dict[str, Any]]:
    """
    Draw the JSON of a valid case, as :func:`~mentorrules.dump_case` writes it (plain dicts, lists and strings).

    Arguments as for :func:`cases`.  ``json.dumps`` accepts every document, and
    :func:`~mentorrules.load_case` reads it back to the case it was dumped from.
    """
    return cases(decision_dates=decision_dates, max_periods=max_periods).map(dump_case)


def interpretations() -> st.SearchStrategy[Interpretation]:
    """Draw every combination of the interpretation choices (:class:`~mentorrules.Interpretation`)."""
    return st.builds(
        Interpretation,
        ambiguous_dates=st.sampled_from(AmbiguousDates),
        complaint_guidance_required_from_2020=st.booleans(),
        strict_mentor_categories=st.booleans(),
        psychiatric_period_may_exceed_six_months=st.booleans(),
        education_right_window=st.sampled_from(EducationRightWindow),
        under_30_education_guidance=st.booleans(),
        law_date=st.sampled_from(LawDate),
    )


#: Separators people write in a CPR number (contract 2): spaces of every kind, hyphens, dashes, the minus
#: sign, slashes and dots, full-width ones too (NFKC turns them into the ASCII ones).
CPR_SEPARATORS: Final = (
    " ",
    "-",
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "\u2009",  # thin space
    "\t",
    "\u2010",  # hyphen
    "\u2011",  # non-breaking hyphen
    "\u2012",  # figure dash
    "\u2013",  # en dash
    "\u2014",  # em dash
    "\u2212",  # minus sign
    "\u00ad",  # soft hyphen
    "\uff0d",  # full-width hyphen-minus
    "/",
    "\\",
    "\uff0f",  # full-width solidus
    ".",
    "\uff0e",  # full-width full stop
)
_FULL_WIDTH_DIGITS: Final = MappingProxyType(str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10))))


@st.composite
def _cpr_like(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    pairs = (f"{born.day:02d}", f"{born.month:02d}", f"{born.year % 100:02d}")
    separators = st.text(alphabet=st.sampled_from(CPR_SEPARATORS), max_size=2)
    text = "".join(pair + draw(separators) for pair in pairs) + f"{draw(st.integers(0, 9999)):04d}"
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH_DIGITS)
    before = draw(st.sampled_from(("", "CPR ", "ref. ", "borger: ", "x")))
    after = draw(st.sampled_from(("", " ", ".", " (borger)")))
    return before + text + after


def cpr_like_texts() -> st.SearchStrategy[str]:
    """
    Draw texts holding something that looks like a CPR number, in any spelling the library recognises.

    A real day and month with a two-digit year and four more digits, with runs of any
    separators (:data:`CPR_SEPARATORS`) between the pairs and before the four, in ASCII
    or full-width digits, inside some other text.  The privacy scan flags every one, and
    no message or output of the library may repeat one.
    """
    return _cpr_like()


# --- many cases fast: a seeded generator for differential runs --------------------------------------

#: Texts the random documents draw from: the notable texts above, and white space and separators of
#: other kinds (a tab, a no-break space, an ideographic space, a line separator) where the rules strip.
_RANDOM_TEXTS: Final = (
    *_NOTABLE_TEXTS,
    "\t",
    "\u00a0Mette Jensen\u3000",
    "METTE\u2028JENSEN",
    "Straße",
    "STRASSE",
    "(+45) 20-30.40.50",
    "+45 20 30 40 5",
    "mette@example..dk",
    " mette @ example . dk ",
    "mette@exam ple.dk\u00a0",
    "Willemoesgade 15, 5610 Assens",
    "\u0662\u0660\u0663\u0660\u0664\u0660\u0665\u0660",  # Arabic-Indic digits: not a phone number
)


def random_documents(count: int, *, seed: int = 0) -> list[dict[str, Any]]:
    """
    Return ``count`` valid JSON case documents drawn at random, reproducibly from ``seed``.

    For differential runs over many cases (the columnar path against
    :func:`~mentorrules.evaluate`, 20,000 cases in the test suite and more in the
    benchmarks), where drawing with Hypothesis would take minutes: a plain
    :class:`random.Random` draws the same corners as :func:`cases` — month ends, 29
    February births, periods at expiry, after a gap or overlapping, agreements with
    items missing, blank or worded oddly, assessments recorded or not, both rights —
    and decision dates from 2014 to 2026 (a few outside, which are
    :class:`~mentorrules.UnsupportedDateError`).  Every document is valid: it loads.

    >>> from mentorrules import load_case
    >>> documents = random_documents(50, seed=1)
    >>> len({load_case(d) for d in documents}) > 40
    True
    """
    import random

    draw = random.Random(seed)
    return [_random_document(draw) for _ in range(count)]


def _random_day(draw: Any, low: date, high: date) -> date:
    if draw.random() < 0.3:  # a month end, where "6 months" may be ambiguous
        day = low + timedelta(days=draw.randrange((high - low).days + 1))
        return _month_end(day)
    return low + timedelta(days=draw.randrange((high - low).days + 1))


def _maybe(draw: Any, chance: float, value: Any) -> Any:
    return value if draw.random() < chance else None


def _random_assessment(draw: Any, on: date) -> dict[str, Any] | None:
    if draw.random() < 0.35:
        return None
    return {
        "outcome": draw.random() < 0.75,
        "on": _maybe(draw, 0.5, on.isoformat()),
        "by": _maybe(draw, 0.3, "Sagsbehandler"),
    }


def _random_agreement(draw: Any, start: date, end: date) -> dict[str, Any] | None:
    if draw.random() < 0.12:
        return None
    texts = _RANDOM_TEXTS
    good = draw.random() < 0.6
    agreement: dict[str, Any] = {"written": draw.random() < 0.9}
    agreement["goal"] = "Fastholde job" if good else draw.choice((None, *texts))
    agreement["mentor_name"] = "Mette Jensen" if good else draw.choice((None, *texts))
    agreement["mentor_contact"] = draw.choice(_CONTACTS) if good else draw.choice((None, *texts))
    agreement["tasks"] = ["Støtte til fremmøde"] if good else [draw.choice(texts) for _ in range(draw.randrange(3))]
    if good or draw.random() < 0.5:
        agreement["start"], agreement["end"] = start.isoformat(), end.isoformat()
    elif draw.random() < 0.5:
        agreement["start"] = start.isoformat()
        agreement["end"] = _random_day(draw, start - timedelta(days=30), end + timedelta(days=60)).isoformat()
    if good or draw.random() < 0.7:
        agreement["hours"] = {
            "amount": draw.choice(("5", "0", "2.5", "10000", "0.000001")),
            "unit": draw.choice(("per_week", "total")),
            "basis": draw.choice(("person", "person", "place", None)),
        }
    agreement["complaint_guidance"] = draw.choice((None, True, False))
    return agreement


def _random_periods(draw: Any, anchor: date) -> list[dict[str, Any]]:
    periods = []
    start = _random_day(draw, anchor - timedelta(days=400), anchor + timedelta(days=60))
    for _ in range(draw.choice((0, 1, 1, 1, 2, 2, 3))):
        length = draw.choice((draw.randrange(20, 180), 181, 182, 183, 184, draw.randrange(150, 240)))
        end = min(start + timedelta(days=length), MAX_DATE)
        periods.append(
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "assessment": _random_assessment(draw, start),
                "agreement": _random_agreement(draw, start, end),
            }
        )
        # the next: at expiry, after a gap, or overlapping
        start = end + timedelta(days=draw.choice((1, 1, draw.randrange(2, 90), -draw.randrange(0, 30))))
    draw.shuffle(periods)  # any order: the rules sort by start
    return periods


def _random_document(draw: Any) -> dict[str, Any]:
    decision = _random_day(draw, date(2013, 12, 1), date(2027, 1, 31))
    if draw.random() < 0.97:
        decision = _random_day(draw, _FIRST_LAW_DATE, _LAST_LAW_DATE)
    birth = _random_day(draw, decision - timedelta(days=365 * 40), decision - timedelta(days=365 * 16))
    if draw.random() < 0.05:
        birth = date(draw.choice((1992, 1996, 2000)), 2, 29)
    employer = draw.choice((None, *MentorEmployer))
    document: dict[str, Any] = {
        "decision_date": decision.isoformat(),
        "citizen": _maybe(
            draw,
            0.9,
            {
                "birth_date": _maybe(draw, 0.9, birth.isoformat()),
                "target_group": _maybe(draw, 0.9, draw.choice(tuple(TargetGroup)).value),
            },
        ),
        "purpose": _maybe(draw, 0.9, draw.choice(tuple(Purpose)).value),
        "decisive_need": _random_assessment(draw, decision),
        "mentor": _maybe(
            draw,
            0.9,
            {
                "name": draw.choice(("Mette Jensen", None, *_NAMES)),
                "employer": employer.value if employer is not None else None,
                "engaged_by": _maybe(draw, 0.7, draw.choice(tuple(Engager)).value),
            },
        ),
        "tasks": [
            {
                "description": draw.choice(("Støtte", " ", "Oplæring")),
                "within_usual_duties": draw.choice((None, True, False)),
            }
            for _ in range(draw.choice((0, 0, 1, 2)))
        ],
        "beyond_usual_duties": _random_assessment(draw, decision),
        "hours_assessment": _random_assessment(draw, decision),
        "periods": _random_periods(draw, decision),
    }
    if draw.random() < 0.2:
        discharge = _random_day(draw, decision - timedelta(days=200), decision + timedelta(days=60))
        document["psychiatric_discharge"] = {
            "discharge_date": discharge.isoformat(),
            "inpatient": draw.random() < 0.85,
            "psychiatric": draw.random() < 0.85,
            "in_connection": _random_assessment(draw, discharge),
        }
    if draw.random() < 0.15:
        admitted = _random_day(draw, decision - timedelta(days=200), decision + timedelta(days=60))
        invoked = _random_day(draw, admitted - timedelta(days=10), admitted + timedelta(days=200))
        document["education_admission"] = {
            "admission_date": admitted.isoformat(),
            "qualifying": draw.random() < 0.85,
            "right_invoked_on": _maybe(draw, 0.85, invoked.isoformat()),
        }
        if draw.random() < 0.5 and document["citizen"] is not None:
            document["citizen"]["target_group"] = draw.choice(_EDUCATION_GROUPS).value
    return document
