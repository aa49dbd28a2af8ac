"""
The strategies of ``mentorrules.testing`` themselves: what they draw and the arguments they take.

Each fact strategy draws its class, valid, and a case holding what they draw survives
``dump_case`` and ``load_case``; dates keep their bounds and favour the ambiguous month
ends; the arguments given are obeyed, bad ones are Hypothesis's ``InvalidArgument``;
and without Hypothesis the module says how to install it.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from mentorrules import (
    Agreement,
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Hours,
    Interpretation,
    Mentor,
    Period,
    PsychiatricDischarge,
    Task,
    UnsupportedDateError,
    dump_case,
    evaluate,
    load_case,
)
from mentorrules.testing import (
    agreements,
    assessments,
    case_documents,
    cases,
    citizens,
    dates,
    education_admissions,
    hours,
    interpretations,
    mentors,
    periods,
    psychiatric_discharges,
    tasks,
)


@given(
    citizens(),
    assessments(),
    mentors(),
    tasks(),
    hours(),
    agreements(),
    periods(),
    psychiatric_discharges(),
    education_admissions(),
)
def test_every_fact_strategy_draws_its_class_and_round_trips(
    citizen: Citizen,
    assessment: Assessment,
    mentor: Mentor,
    task: Task,
    amount: Hours,
    agreement: Agreement,
    period: Period,
    discharge: PsychiatricDischarge,
    admission: EducationAdmission,
) -> None:
    """Each strategy draws its fact class, valid, and a case holding them survives dump_case and load_case."""
    drawn = (citizen, assessment, mentor, task, amount, agreement, period, discharge, admission)
    classes = (Citizen, Assessment, Mentor, Task, Hours, Agreement, Period, PsychiatricDischarge, EducationAdmission)
    assert [type(value) for value in drawn] == list(classes)
    case = Case(
        decision_date=date(2024, 2, 20),
        citizen=citizen,
        decisive_need=assessment,
        mentor=mentor,
        tasks=[task],
        periods=[period, attrs.evolve(period, agreement=attrs.evolve(agreement, hours=amount))],
        psychiatric_discharge=discharge,
        education_admission=admission,
    )
    assert load_case(dump_case(case)) == case


@given(dates(min_value=date(2024, 1, 15), max_value=date(2024, 1, 20)), dates())
def test_dates_keep_their_bounds(narrow: date, wide: date) -> None:
    """Dates lie within the bounds given (month ends moved inside them), and by default within 1900..2199."""
    assert date(2024, 1, 15) <= narrow <= date(2024, 1, 20)
    assert date(1900, 1, 1) <= wide <= date(2199, 12, 31)


def test_dates_favour_the_ambiguous_month_ends() -> None:
    """Among the dates of one year, 31 August (where 6 months later is ambiguous) is found at once."""
    found = find(dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)), lambda day: day == date(2025, 8, 31))
    assert found == date(2025, 8, 31)


ON = date(2024, 5, 31)


@given(
    assessments(on=st.just(ON)),
    citizens(birth_dates=st.just(date(2000, 2, 29))),
    agreements(start=ON, end=date(2024, 11, 30)),
    periods(min_start=ON, max_start=ON, agreement=True),
    periods(min_start=ON, max_start=ON, agreement=False),
    psychiatric_discharges(discharge_dates=st.just(ON)),
    education_admissions(admission_dates=st.just(ON)),
)
def test_fact_strategies_follow_their_arguments(
    assessment: Assessment,
    citizen: Citizen,
    agreement: Agreement,
    with_record: Period,
    without_record: Period,
    discharge: PsychiatricDischarge,
    admission: EducationAdmission,
) -> None:
    """Dates given to a strategy are the dates it draws (or None where the field may be unknown)."""
    assert assessment.on in (None, ON)
    assert citizen.birth_date in (None, date(2000, 2, 29))
    assert agreement.start is None or abs(agreement.start - ON) <= timedelta(days=10)
    assert agreement.end is None or abs(agreement.end - date(2024, 11, 30)) <= timedelta(days=40)
    assert agreement.concluded_on in (None, ON)
    assert (with_record.start, without_record.start) == (ON, ON)
    assert with_record.agreement is not None
    assert without_record.agreement is None
    assert with_record.end >= with_record.start
    assert discharge.discharge_date == ON
    assert admission.admission_date == ON
    assert admission.right_invoked_on is None or ON <= admission.right_invoked_on <= ON + timedelta(days=220)


@given(cases(decision_dates=st.just(date(2030, 1, 1)), max_periods=1), case_documents(max_periods=0))
def test_cases_follow_their_arguments(case: Case, document: dict[str, object]) -> None:
    """decision_dates and max_periods are obeyed; a decision date outside the modelled law cannot be evaluated."""
    assert case.decision_date == date(2030, 1, 1)
    assert len(case.periods) <= 1
    with pytest.raises(UnsupportedDateError):
        evaluate(case)
    assert document["periods"] == []
    assert dump_case(load_case(json.dumps(document))) == document


@given(interpretations())
def test_interpretations_are_interpretations(interpretation: Interpretation) -> None:
    """interpretations() draws Interpretation objects that survive their own mapping."""
    assert Interpretation(**interpretation.to_dict()) == interpretation


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: dates(min_value=date(1899, 12, 31)), "min_value must be a date between"),
        (lambda: dates(max_value=date(2200, 1, 1)), "max_value must be a date between"),
        (lambda: dates(min_value=datetime(2024, 1, 1)), "min_value must be a date between"),
        (lambda: dates(min_value=date(2024, 2, 1), max_value=date(2024, 1, 1)), "is after max_value"),
        (lambda: periods(min_start=date(2024, 2, 1), max_start=date(2024, 1, 1)), "is after max_value"),
        (lambda: cases(max_periods=-1), "max_periods must be an int, 0 or more"),
        (lambda: case_documents(max_periods=1.5), "max_periods must be an int, 0 or more"),
    ],
)
def test_strategies_reject_bad_arguments(make: Callable[[], object], message: str) -> None:
    """Bad arguments are Hypothesis's InvalidArgument, raised when the strategy is made, saying what is wrong."""
    with pytest.raises(InvalidArgument, match=message):
        make()


def test_testing_without_hypothesis_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Hypothesis, importing mentorrules.testing fails with the command that installs the extra."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "mentorrules.testing")
    with pytest.raises(ImportError, match=r"pip install mentorrules\[testing\]"):
        importlib.import_module("mentorrules.testing")
