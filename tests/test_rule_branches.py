"""
Every branch of every rule, with the exact subject, verdict, facts and references it records.

These tests were first written to kill the mutants that survived the rule, date and scenario
tests (docs/mutation.md).  ``make mutation`` (benchmarks/mutation.py) runs mutmut over
``src/mentorrules/rules/`` and ``src/mentorrules/law/dates.py``.  The mutants that survived the focused tests changed what a
decision records rather than its verdict: the subject of a case-level finding, the names and
values of a finding's facts (``reason`` codes among them), the fields of a legal reference, a
rule's family, or an error message.  Those are part of the decision record (DESIGN section 4:
``subject``, ``facts`` and ``references`` of every finding), so the tests here pin them:

* one example per branch of every rule, with the finding's exact subject, verdict, facts and
  citations (a table an auditor can read as the rules' worked examples);
* the fields of the references the library writes itself (interpretations, STAR's guidance,
  amending acts whose in-force date is not verified);
* the families and per-subject kinds of the rule catalogue;
* the month arithmetic's messages.

docs/mutation.md lists the mutants that remain and why they are equivalent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from builders import (
    complete_agreement,
    complete_case,
    complete_case_2014,
    complete_citizen,
    complete_mentor,
    complete_period,
)
from mentorrules import (
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Engager,
    Hours,
    HoursBasis,
    HoursUnit,
    Interpretation,
    LegalReference,
    MentorEmployer,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Task,
    evaluate,
    rule_catalogue,
)
from mentorrules.law.dates import is_under, max_period_end, period_end, period_end_day, window_opening


def agreement_case(**items: Any) -> Case:
    """The complete 2024 case with items of its one agreement replaced."""
    return complete_case(periods=(complete_period(agreement=complete_agreement(**items)),))


def discharge(
    day: date, *, inpatient: bool = True, psychiatric: bool = True, in_connection: Assessment | None = None
) -> PsychiatricDischarge:
    """A discharge from psychiatric in-patient admission on ``day`` (both conditions met unless said)."""
    return PsychiatricDischarge(
        discharge_date=day, inpatient=inpatient, psychiatric=psychiatric, in_connection=in_connection
    )


def example(
    name: str,
    case: Case,
    interpretation: dict[str, Any],
    rule: str,
    index: int,
    expected: tuple[str, str, dict[str, Any]],
    citations: list[str],
) -> Any:
    """One row of the table: the case, the rule and finding index, and the finding it must give."""
    return pytest.param(case, interpretation, rule, index, expected, citations, id=name)


#: A citizen of 24 on education benefit (§ 6, nr. 4) and an admission whose right is used on 2024-03-01.
EDUCATION_CITIZEN = Citizen(birth_date=date(2000, 1, 1), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY)
EDUCATION_ADMISSION = EducationAdmission(
    admission_date=date(2024, 2, 1), qualifying=True, right_invoked_on=date(2024, 3, 1)
)
#: Hours set per place (§ 169, stk. 4).
PER_PLACE = Hours(amount=Decimal(3), unit=HoursUnit.PER_WEEK, basis=HoursBasis.PLACE)
#: A period begun as a grant on 2024-02-01 and running into the psychiatric window (2024-03-30..2024-09-29).
PARTLY_COVERED = complete_case(
    decision_date=date(2024, 1, 20),
    psychiatric_discharge=PsychiatricDischarge(discharge_date=date(2024, 6, 30), inpatient=True, psychiatric=True),
    periods=(complete_period(date(2024, 2, 1), date(2024, 9, 15)),),
)


# --- one example per branch of every rule ----------------------------------------------------

EXAMPLES = [
    example(
        "purpose covered without purpose",
        complete_case(
            decision_date=date(2022, 6, 1),
            purpose=None,
            psychiatric_discharge=discharge(date(2022, 6, 30)),
            periods=(complete_period(date(2022, 5, 1), date(2022, 10, 31)),),
        ),
        {},
        "eligibility.purpose",
        0,
        ("", "not_applicable", {"reason": "covered_without_purpose"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "purpose unknown",
        complete_case(purpose=None),
        {},
        "eligibility.purpose",
        0,
        ("", "missing_facts", {"purpose": None, "reason": "unknown"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "purpose other",
        complete_case(purpose=Purpose.OTHER),
        {},
        "eligibility.purpose",
        0,
        ("", "not_met", {"purpose": "other", "reason": "other"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "purpose offer",
        complete_case(),
        {},
        "eligibility.purpose",
        0,
        ("", "met", {"purpose": "offer"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "purpose education age unknown",
        complete_case(purpose=Purpose.ORDINARY_EDUCATION, citizen=complete_citizen(birth_date=None)),
        {"under_30_education_guidance": True},
        "eligibility.purpose",
        0,
        (
            "",
            "missing_facts",
            {"purpose": "ordinary_education", "under_30": None, "first_start": "2024-03-01", "reason": "age_unknown"},
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "purpose education at 35",
        complete_case(purpose=Purpose.ORDINARY_EDUCATION),
        {"under_30_education_guidance": True},
        "eligibility.purpose",
        0,
        (
            "",
            "not_met",
            {"purpose": "ordinary_education", "under_30": False, "first_start": "2024-03-01", "reason": "not_under_30"},
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "purpose education at 25",
        complete_case(purpose=Purpose.ORDINARY_EDUCATION, citizen=complete_citizen(birth_date=date(1999, 1, 1))),
        {"under_30_education_guidance": True},
        "eligibility.purpose",
        0,
        (
            "",
            "met",
            {"purpose": "ordinary_education", "under_30": True, "first_start": "2024-03-01", "reason": "under_30"},
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "purpose other under the education right",
        complete_case(purpose=Purpose.OTHER, citizen=EDUCATION_CITIZEN, education_admission=EDUCATION_ADMISSION),
        {},
        "eligibility.purpose",
        0,
        ("", "needs_assessment", {"purpose": "other", "reason": "purpose_other_under_right"}),
        ["LAB § 167, stk. 1, 1. pkt.", "LAB § 167, stk. 3"],
    ),
    example(
        "purpose covered by the education right",
        complete_case(purpose=Purpose.OFFER, citizen=EDUCATION_CITIZEN, education_admission=EDUCATION_ADMISSION),
        {},
        "eligibility.purpose",
        0,
        ("", "not_applicable", {"reason": "covered_without_purpose"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "decisive need covered",
        complete_case(
            decision_date=date(2022, 6, 1),
            decisive_need=None,
            psychiatric_discharge=discharge(date(2022, 6, 30)),
            periods=(complete_period(date(2022, 5, 1), date(2022, 10, 31)),),
        ),
        {},
        "eligibility.decisive_need",
        0,
        ("", "not_applicable", {"basis": "grant", "reason": "covered_by_right"}),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "decisive need assessed",
        complete_case(),
        {},
        "eligibility.decisive_need",
        0,
        ("", "met", {"basis": "grant", "assessed_on": "2024-02-20"}),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "decisive need assessed no",
        complete_case(decisive_need=Assessment(outcome=False, on=date(2024, 2, 20))),
        {},
        "eligibility.decisive_need",
        0,
        ("", "not_met", {"basis": "grant", "assessed_on": "2024-02-20"}),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "decisive need company",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.COMPANY), decisive_need=None),
        {},
        "eligibility.decisive_need",
        0,
        ("", "needs_assessment", {"basis": "section_169", "assessed_on": None, "reason": "section_169"}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "decisive need company covered",
        complete_case(
            decision_date=date(2022, 6, 1),
            mentor=complete_mentor(employer=MentorEmployer.COMPANY),
            decisive_need=Assessment(outcome=True, on=date(2022, 5, 1)),
            psychiatric_discharge=discharge(date(2022, 6, 30)),
            periods=(complete_period(date(2022, 5, 1), date(2022, 10, 31)),),
        ),
        {},
        "eligibility.decisive_need",
        0,
        ("", "met", {"basis": "section_169", "assessed_on": "2022-05-01", "reason": "section_169"}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "decisive need 2018",
        complete_case_2014(decisive_need=None),
        {},
        "eligibility.decisive_need",
        0,
        ("", "needs_assessment", {"basis": "grant", "assessed_on": None}),
        ["LAB § 31 b, stk. 1", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "decisive need company 2018",
        complete_case_2014(mentor=complete_mentor(employer=MentorEmployer.COMPANY)),
        {},
        "eligibility.decisive_need",
        0,
        ("", "met", {"basis": "section_169", "assessed_on": "2018-02-20", "reason": "section_169"}),
        ["LAB § 31 d"],
    ),
    example(
        "decisive need pending psychiatric",
        complete_case(decisive_need=None, psychiatric_discharge=discharge(date(2024, 2, 1))),
        {},
        "eligibility.decisive_need",
        0,
        (
            "",
            "needs_assessment",
            {
                "basis": "grant",
                "assessed_on": None,
                "pending": "right.psychiatric_discharge",
                "verdict_without_right": "needs_assessment",
            },
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "decisive need pending invocation",
        complete_case(
            decisive_need=None,
            citizen=EDUCATION_CITIZEN,
            education_admission=EducationAdmission(admission_date=date(2024, 2, 1), qualifying=True),
        ),
        {},
        "eligibility.decisive_need",
        0,
        (
            "",
            "missing_facts",
            {
                "basis": "grant",
                "assessed_on": None,
                "pending": "right.education_admission",
                "verdict_without_right": "needs_assessment",
            },
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "STAR: Om mentorstøtte – ordningens målgruppe"],
    ),
    example(
        "mentor unknown",
        complete_case(mentor=None),
        {},
        "eligibility.mentor",
        0,
        ("", "missing_facts", {"employer": None, "reason": "unknown"}),
        ["LAB § 168"],
    ),
    example(
        "mentor other strict",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.OTHER)),
        {},
        "eligibility.mentor",
        0,
        ("", "not_met", {"employer": "other", "reason": "other"}),
        ["LAB § 168"],
    ),
    example(
        "mentor other lenient",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.OTHER)),
        {"strict_mentor_categories": False},
        "eligibility.mentor",
        0,
        ("", "needs_assessment", {"employer": "other", "reason": "other"}),
        ["LAB § 168", "STAR: Om mentorstøtte – hvem kan være mentor (»ingen regler for, hvem der kan være mentor«)"],
    ),
    example(
        "mentor consultant engager unknown",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT)),
        {},
        "eligibility.mentor",
        0,
        ("", "missing_facts", {"employer": "external_consultant", "engaged_by": None, "reason": "engager_unknown"}),
        ["LAB § 168"],
    ),
    example(
        "mentor consultant",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.COMPANY)),
        {},
        "eligibility.mentor",
        0,
        ("", "met", {"employer": "external_consultant", "engaged_by": "company", "reason": "consultant"}),
        ["LAB § 168"],
    ),
    example(
        "mentor municipality",
        complete_case(),
        {},
        "eligibility.mentor",
        0,
        ("", "met", {"employer": "municipality"}),
        ["LAB § 168"],
    ),
    example(
        "mentor municipality 2026",
        complete_case(decision_date=date(2026, 3, 1), periods=(complete_period(date(2026, 3, 1), date(2026, 8, 31)),)),
        {},
        "eligibility.mentor",
        0,
        ("", "met", {"employer": "municipality"}),
        ["LAB § 168", "lov nr. 1750 af 29. december 2025, § 1, nr. 1 (»jobcenteret« ændres til »kommunen«)"],
    ),
    example(
        "mentor 2018",
        complete_case_2014(),
        {},
        "eligibility.mentor",
        0,
        ("", "met", {"employer": "municipality"}),
        ["LAB § 31 e, stk. 1"],
    ),
    example(
        "duties unknown",
        complete_case(mentor=None),
        {},
        "duties.beyond_usual",
        0,
        ("", "missing_facts", {"support_to": None}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "duties municipality",
        complete_case(),
        {},
        "duties.beyond_usual",
        0,
        ("", "not_applicable", {"support_to": None}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "duties company unassessed",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.COMPANY)),
        {},
        "duties.beyond_usual",
        0,
        ("", "needs_assessment", {"support_to": "company", "tasks_within_usual_duties": []}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "duties company no",
        complete_case(
            mentor=complete_mentor(employer=MentorEmployer.COMPANY), beyond_usual_duties=Assessment(outcome=False)
        ),
        {},
        "duties.beyond_usual",
        0,
        ("", "not_met", {"support_to": "company", "tasks_within_usual_duties": []}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "duties company task usual",
        complete_case(
            mentor=complete_mentor(employer=MentorEmployer.COMPANY),
            beyond_usual_duties=Assessment(outcome=True),
            tasks=(Task(description="a", within_usual_duties=False), Task(description="b", within_usual_duties=True)),
        ),
        {},
        "duties.beyond_usual",
        0,
        (
            "",
            "needs_assessment",
            {"support_to": "company", "tasks_within_usual_duties": ["tasks[1]"], "reason": "task_within_usual"},
        ),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "duties school consultant yes",
        complete_case(
            mentor=complete_mentor(
                employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.EDUCATION_INSTITUTION
            ),
            beyond_usual_duties=Assessment(outcome=True),
        ),
        {},
        "duties.beyond_usual",
        0,
        ("", "met", {"support_to": "education_institution", "tasks_within_usual_duties": []}),
        ["LAB § 169, stk. 1"],
    ),
    example(
        "hours assessment unknown recipient",
        complete_case(mentor=None, hours_assessment=Assessment(outcome=True)),
        {},
        "duties.hours",
        0,
        ("", "missing_facts", {"support_to": None}),
        ["LAB § 169, stk. 3"],
    ),
    example(
        "hours assessment municipality",
        complete_case(hours_assessment=Assessment(outcome=False)),
        {},
        "duties.hours",
        0,
        ("", "not_applicable", {"support_to": None}),
        ["LAB § 169, stk. 3"],
    ),
    example(
        "hours assessment company unassessed",
        complete_case(mentor=complete_mentor(employer=MentorEmployer.COMPANY)),
        {},
        "duties.hours",
        0,
        ("", "needs_assessment", {"support_to": "company", "assessed_on": None}),
        ["LAB § 169, stk. 3"],
    ),
    example(
        "hours assessment company no",
        complete_case(
            mentor=complete_mentor(employer=MentorEmployer.COMPANY),
            hours_assessment=Assessment(outcome=False, on=date(2024, 2, 10)),
        ),
        {},
        "duties.hours",
        0,
        ("", "not_met", {"support_to": "company", "assessed_on": "2024-02-10"}),
        ["LAB § 169, stk. 3"],
    ),
    example(
        "hours assessment school consultant yes",
        complete_case(
            mentor=complete_mentor(
                employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.EDUCATION_INSTITUTION
            ),
            hours_assessment=Assessment(outcome=True, on=date(2024, 2, 10)),
        ),
        {},
        "duties.hours",
        0,
        ("", "met", {"support_to": "education_institution", "assessed_on": "2024-02-10"}),
        ["LAB § 169, stk. 3"],
    ),
    example(
        "hours assessment 2018",
        complete_case_2014(
            mentor=complete_mentor(employer=MentorEmployer.COMPANY), hours_assessment=Assessment(outcome=True)
        ),
        {},
        "duties.hours",
        0,
        ("", "met", {"support_to": "company", "assessed_on": None}),
        ["LAB § 31 e, stk. 2, 1. pkt."],
    ),
    example(
        "length no periods",
        complete_case(periods=()),
        {},
        "duration.period_length",
        0,
        ("periods", "missing_facts", {"reason": "no_periods"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "length within",
        complete_case(),
        {},
        "duration.period_length",
        0,
        ("periods[0]", "met", {"start": "2024-03-01", "end": "2024-08-31", "max_end": "2024-08-31"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "length over",
        complete_case(periods=(complete_period(date(2024, 3, 1), date(2024, 9, 1)),)),
        {},
        "duration.period_length",
        0,
        ("periods[0]", "not_met", {"start": "2024-03-01", "end": "2024-09-01", "max_end": "2024-08-31"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "length psychiatric longer",
        complete_case(
            psychiatric_discharge=discharge(date(2024, 8, 1)),
            periods=(complete_period(date(2024, 5, 1), date(2025, 1, 31)),),
        ),
        {"psychiatric_period_may_exceed_six_months": True},
        "duration.period_length",
        0,
        (
            "periods[0]",
            "met",
            {"start": "2024-05-01", "end": "2025-01-31", "max_end": "2025-01-31", "reason": "psychiatric_right"},
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "LAB § 167, stk. 2"],
    ),
    example(
        "length psychiatric limit equal to the ordinary",
        complete_case(psychiatric_discharge=discharge(date(2024, 3, 1))),
        {"psychiatric_period_may_exceed_six_months": True},
        "duration.period_length",
        0,
        ("periods[0]", "met", {"start": "2024-03-01", "end": "2024-08-31", "max_end": "2024-08-31"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "length partly covered",
        PARTLY_COVERED,
        {},
        "duration.period_length",
        0,
        (
            "periods[0]",
            "met",
            {"start": "2024-02-01", "end": "2024-09-15", "max_end": "2024-09-29", "reason": "psychiatric_right_partly"},
        ),
        ["LAB § 167, stk. 1, 1. pkt.", "LAB § 167, stk. 2"],
    ),
    example(
        "length partly covered discretionary part too long",
        complete_case(
            decision_date=date(2024, 1, 20),
            psychiatric_discharge=discharge(date(2024, 6, 30)),
            periods=(complete_period(date(2023, 9, 29), date(2024, 9, 1)),),
        ),
        {},
        "duration.period_length",
        0,
        ("periods[0]", "not_met", {"start": "2023-09-29", "end": "2024-09-01", "max_end": "2024-03-28"}),
        ["LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "new period none",
        complete_case(periods=()),
        {},
        "duration.new_period",
        0,
        ("periods", "not_applicable", {"reason": "no_periods"}),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "new period first",
        complete_case(),
        {},
        "duration.new_period",
        0,
        ("periods[0]", "not_applicable", {"reason": "first"}),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "new period expiry assessed",
        complete_case(
            periods=(
                complete_period(),
                complete_period(
                    date(2024, 9, 1), date(2025, 2, 28), assessment=Assessment(outcome=True, on=date(2024, 8, 20))
                ),
            )
        ),
        {},
        "duration.new_period",
        1,
        (
            "periods[1]",
            "met",
            {"follows": "expiry", "previous_end": "2024-08-31", "start": "2024-09-01", "assessed_on": "2024-08-20"},
        ),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "new period gap unassessed",
        complete_case(periods=(complete_period(), complete_period(date(2024, 10, 1), date(2025, 2, 28)))),
        {},
        "duration.new_period",
        1,
        (
            "periods[1]",
            "needs_assessment",
            {"follows": "gap", "previous_end": "2024-08-31", "start": "2024-10-01", "assessed_on": None},
        ),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "new period overlap",
        complete_case(periods=(complete_period(), complete_period(date(2024, 8, 1), date(2025, 1, 31)))),
        {},
        "duration.new_period",
        1,
        (
            "periods[1]",
            "not_met",
            {"follows": "overlap", "previous_end": "2024-08-31", "start": "2024-08-01", "reason": "overlap"},
        ),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "new period covered",
        complete_case(
            decision_date=date(2022, 6, 1),
            psychiatric_discharge=discharge(date(2022, 6, 30)),
            periods=(
                complete_period(date(2022, 4, 1), date(2022, 4, 30)),
                complete_period(date(2022, 5, 1), date(2022, 9, 30)),
            ),
        ),
        {},
        "duration.new_period",
        1,
        ("periods[1]", "not_applicable", {"previous_end": "2022-04-30", "reason": "covered"}),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "new period partly covered",
        complete_case(
            decision_date=date(2024, 1, 20),
            psychiatric_discharge=discharge(date(2024, 6, 30)),
            periods=(
                complete_period(date(2023, 8, 1), date(2024, 1, 31)),
                complete_period(date(2024, 2, 1), date(2024, 9, 15)),
            ),
        ),
        {},
        "duration.new_period",
        1,
        (
            "periods[1]",
            "needs_assessment",
            {"follows": "expiry", "previous_end": "2024-01-31", "start": "2024-02-01", "assessed_on": None},
        ),
        ["LAB § 167, stk. 1, 2. pkt."],
    ),
    example(
        "written no periods",
        complete_case(periods=()),
        {},
        "agreement.written",
        0,
        ("periods", "missing_facts", {"reason": "no_periods"}),
        ["LAB § 47, stk. 1", "BEK § 52"],
    ),
    example(
        "goal no periods",
        complete_case(periods=()),
        {},
        "agreement.goal",
        0,
        ("periods", "not_applicable", {"reason": "no_periods"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 1"],
    ),
    example(
        "written absent current",
        complete_case(periods=(complete_period(agreement=None),)),
        {},
        "agreement.written",
        0,
        ("periods[0].agreement", "missing_facts", {"reason": "absent"}),
        ["LAB § 47, stk. 1", "BEK § 52"],
    ),
    example(
        "goal absent earlier",
        complete_case(
            periods=(complete_period(date(2023, 9, 1), date(2024, 2, 29), agreement=None), complete_period())
        ),
        {},
        "agreement.goal",
        0,
        ("periods[0].agreement", "not_applicable", {"reason": "earlier_absent"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 1"],
    ),
    example(
        "written true",
        complete_case(),
        {},
        "agreement.written",
        0,
        ("periods[0].agreement", "met", {"written": True}),
        ["LAB § 47, stk. 1", "BEK § 52"],
    ),
    example(
        "goal stated",
        complete_case(),
        {},
        "agreement.goal",
        0,
        ("periods[0].agreement", "met", {"stated": True}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 1"],
    ),
    example(
        "written false",
        agreement_case(written=False),
        {},
        "agreement.written",
        0,
        ("periods[0].agreement", "not_met", {"written": False}),
        ["LAB § 47, stk. 1", "BEK § 52"],
    ),
    example(
        "goal blank",
        agreement_case(goal="  "),
        {},
        "agreement.goal",
        0,
        ("periods[0].agreement", "not_met", {"stated": False}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 1"],
    ),
    example(
        "name blank",
        agreement_case(mentor_name=" "),
        {},
        "agreement.mentor_name",
        0,
        ("periods[0].agreement", "not_met", {"stated": False}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "name no case name",
        complete_case(mentor=complete_mentor(name=None)),
        {},
        "agreement.mentor_name",
        0,
        ("periods[0].agreement", "met", {"stated": True, "matches": None}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "name matches",
        agreement_case(mentor_name="mette  JENSEN"),
        {},
        "agreement.mentor_name",
        0,
        ("periods[0].agreement", "met", {"stated": True, "matches": True}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "name mismatch",
        agreement_case(mentor_name="Søren Hansen"),
        {},
        "agreement.mentor_name",
        0,
        ("periods[0].agreement", "not_met", {"stated": True, "matches": False, "reason": "mismatch"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "contact blank",
        agreement_case(mentor_contact=None),
        {},
        "agreement.mentor_contact",
        0,
        ("periods[0].agreement", "not_met", {"stated": False}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "contact valid",
        complete_case(),
        {},
        "agreement.mentor_contact",
        0,
        ("periods[0].agreement", "met", {"stated": True, "valid": True}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "contact unrecognised",
        agreement_case(mentor_contact="ring til Mette"),
        {},
        "agreement.mentor_contact",
        0,
        ("periods[0].agreement", "needs_assessment", {"stated": True, "valid": None, "reason": "unrecognised_contact"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "contact phone with separators",
        agreement_case(mentor_contact="(+45) 20-30.40.50"),
        {},
        "agreement.mentor_contact",
        0,
        ("periods[0].agreement", "met", {"stated": True, "valid": True}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 2"],
    ),
    example(
        "tasks none",
        agreement_case(tasks=()),
        {},
        "agreement.tasks",
        0,
        ("periods[0].agreement", "not_met", {"count": 0, "blank_items": 0}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 3"],
    ),
    example(
        "tasks only blank",
        agreement_case(tasks=(" ", "")),
        {},
        "agreement.tasks",
        0,
        ("periods[0].agreement", "not_met", {"count": 2, "blank_items": 2, "reason": "only_blank"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 3"],
    ),
    example(
        "tasks blank item",
        agreement_case(tasks=("a", " ", "b")),
        {},
        "agreement.tasks",
        0,
        ("periods[0].agreement", "met", {"count": 3, "blank_items": 1}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 3"],
    ),
    example(
        "tasks stated",
        agreement_case(tasks=("a", "b")),
        {},
        "agreement.tasks",
        0,
        ("periods[0].agreement", "met", {"count": 2, "blank_items": 0}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 3"],
    ),
    example(
        "duration not stated",
        agreement_case(end=None),
        {},
        "agreement.duration",
        0,
        (
            "periods[0].agreement",
            "not_met",
            {
                "start": "2024-03-01",
                "end": None,
                "period_start": "2024-03-01",
                "period_end": "2024-08-31",
                "reason": "not_stated",
            },
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 4", "LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "duration end before start",
        agreement_case(start=date(2024, 3, 1), end=date(2024, 2, 1)),
        {},
        "agreement.duration",
        0,
        (
            "periods[0].agreement",
            "not_met",
            {
                "start": "2024-03-01",
                "end": "2024-02-01",
                "period_start": "2024-03-01",
                "period_end": "2024-08-31",
                "reason": "end_before_start",
            },
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 4", "LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "duration too long",
        agreement_case(end=date(2024, 9, 1)),
        {},
        "agreement.duration",
        0,
        (
            "periods[0].agreement",
            "not_met",
            {
                "start": "2024-03-01",
                "end": "2024-09-01",
                "period_start": "2024-03-01",
                "period_end": "2024-08-31",
                "max_end": "2024-08-31",
                "reason": "too_long",
            },
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 4", "LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "duration differs",
        agreement_case(end=date(2024, 8, 30)),
        {},
        "agreement.duration",
        0,
        (
            "periods[0].agreement",
            "not_met",
            {
                "start": "2024-03-01",
                "end": "2024-08-30",
                "period_start": "2024-03-01",
                "period_end": "2024-08-31",
                "max_end": "2024-08-31",
                "reason": "differs",
            },
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 4", "LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "duration met",
        complete_case(),
        {},
        "agreement.duration",
        0,
        (
            "periods[0].agreement",
            "met",
            {
                "start": "2024-03-01",
                "end": "2024-08-31",
                "period_start": "2024-03-01",
                "period_end": "2024-08-31",
                "max_end": "2024-08-31",
            },
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 4", "LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "duration partly covered",
        PARTLY_COVERED,
        {},
        "agreement.duration",
        0,
        (
            "periods[0].agreement",
            "met",
            {
                "start": "2024-02-01",
                "end": "2024-09-15",
                "period_start": "2024-02-01",
                "period_end": "2024-09-15",
                "max_end": "2024-09-29",
                "reason": "psychiatric_right_partly",
            },
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 4", "LAB § 167, stk. 1, 1. pkt."],
    ),
    example(
        "hours not stated",
        agreement_case(hours=None),
        {},
        "agreement.hours",
        0,
        ("periods[0].agreement", "not_met", {"amount": None, "unit": None, "reason": "not_stated"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 5"],
    ),
    example(
        "hours zero",
        agreement_case(hours=Hours(amount=Decimal("0.00"), unit=HoursUnit.TOTAL)),
        {},
        "agreement.hours",
        0,
        (
            "periods[0].agreement",
            "not_met",
            {"amount": "0", "unit": "total", "basis": "person", "reason": "not_positive"},
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 5"],
    ),
    example(
        "hours stated",
        agreement_case(hours=Hours(amount=Decimal("2.50"), unit=HoursUnit.PER_WEEK)),
        {},
        "agreement.hours",
        0,
        ("periods[0].agreement", "met", {"amount": "2.5", "unit": "per_week", "basis": "person"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 5"],
    ),
    example(
        "hours per place to a company",
        complete_case(
            mentor=complete_mentor(employer=MentorEmployer.COMPANY),
            periods=(complete_period(agreement=complete_agreement(hours=PER_PLACE)),),
        ),
        {},
        "agreement.hours",
        0,
        ("periods[0].agreement", "met", {"amount": "3", "unit": "per_week", "basis": "place", "reason": "per_place"}),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 5", "LAB § 169, stk. 4"],
    ),
    example(
        "hours per place to the municipality",
        agreement_case(hours=PER_PLACE),
        {},
        "agreement.hours",
        0,
        (
            "periods[0].agreement",
            "not_met",
            {"amount": "3", "unit": "per_week", "basis": "place", "reason": "per_place_not_allowed"},
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 5", "LAB § 169, stk. 4"],
    ),
    example(
        "hours per place recipient unknown",
        complete_case(mentor=None, periods=(complete_period(agreement=complete_agreement(hours=PER_PLACE)),)),
        {},
        "agreement.hours",
        0,
        (
            "periods[0].agreement",
            "missing_facts",
            {"amount": "3", "unit": "per_week", "basis": "place", "reason": "support_to_unknown"},
        ),
        ["LAB § 47, stk. 1", "BEK § 52, nr. 5", "LAB § 169, stk. 4"],
    ),
    example(
        "hours per place 2018",
        complete_case_2014(
            mentor=complete_mentor(employer=MentorEmployer.COMPANY),
            periods=(
                complete_period(
                    date(2018, 3, 1),
                    date(2018, 8, 31),
                    agreement=complete_agreement(date(2018, 3, 1), date(2018, 8, 31), hours=PER_PLACE),
                ),
            ),
        ),
        {},
        "agreement.hours",
        0,
        (
            "periods[0].agreement",
            "needs_assessment",
            {"amount": "3", "unit": "per_week", "basis": "place", "reason": "several_persons"},
        ),
        ["LAB § 31 c, stk. 2, nr. 5", "LAB § 31 e, stk. 2, 2. pkt."],
    ),
    example(
        "guidance not required",
        complete_case(),
        {},
        "agreement.complaint_guidance",
        0,
        ("periods[0].agreement", "not_applicable", {"reason": "not_required"}),
        ["BEK § 52"],
    ),
    example(
        "guidance required met",
        complete_case(),
        {"complaint_guidance_required_from_2020": True},
        "agreement.complaint_guidance",
        0,
        ("periods[0].agreement", "met", {"stated": True}),
        [
            "Fortolkning: klagevejledning i aftalen efter 2020 (kommunale vejledninger; ikke blandt punkterne i BEK § 52)",
            "BEK § 52",
        ],
    ),
    example(
        "guidance required missing",
        agreement_case(complaint_guidance=None),
        {"complaint_guidance_required_from_2020": True},
        "agreement.complaint_guidance",
        0,
        ("periods[0].agreement", "not_met", {"stated": None}),
        [
            "Fortolkning: klagevejledning i aftalen efter 2020 (kommunale vejledninger; ikke blandt punkterne i BEK § 52)",
            "BEK § 52",
        ],
    ),
    example(
        "guidance 2018",
        complete_case_2014(),
        {},
        "agreement.complaint_guidance",
        0,
        ("periods[0].agreement", "met", {"stated": True}),
        ["LAB § 31 c, stk. 2, nr. 6"],
    ),
    example(
        "psychiatric none",
        complete_case(),
        {},
        "right.psychiatric_discharge",
        0,
        ("", "not_applicable", {"reason": "no_discharge"}),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric failed",
        complete_case(
            purpose=Purpose.OTHER,
            citizen=complete_citizen(target_group=TargetGroup.NONE),
            psychiatric_discharge=discharge(date(2024, 4, 1), inpatient=False, psychiatric=False),
        ),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "not_met",
            {
                "discharge_date": "2024-04-01",
                "earliest_start": "2024-01-01",
                "support_start": "2024-03-01",
                "minimum_end": "2024-08-31",
                "limit": "2024-08-31",
                "failed": ["target_group", "inpatient", "psychiatric", "purpose"],
                "unknown": [],
                "unassessed": [],
                "reason": "failed",
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric unknown",
        complete_case(
            purpose=None,
            citizen=None,
            psychiatric_discharge=discharge(date(2024, 4, 1)),
        ),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "missing_facts",
            {
                "discharge_date": "2024-04-01",
                "earliest_start": "2024-01-01",
                "support_start": "2024-03-01",
                "minimum_end": "2024-08-31",
                "limit": "2024-08-31",
                "failed": [],
                "unknown": ["target_group", "purpose"],
                "unassessed": [],
                "reason": "unknown",
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric after discharge",
        complete_case(psychiatric_discharge=discharge(date(2024, 2, 1))),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "needs_assessment",
            {
                "discharge_date": "2024-02-01",
                "earliest_start": "2023-11-01",
                "support_start": "2024-03-01",
                "minimum_end": "2024-08-31",
                "limit": "2024-08-31",
                "failed": [],
                "unknown": [],
                "unassessed": ["in_connection"],
                "reason": "start_after_discharge",
            },
        ),
        [
            "LAB § 167, stk. 2",
            "BEK § 128, stk. 1",
            "lov nr. 295 af 20. marts 2023, § 1, nr. 10",
            "BEK § 128, stk. 3",
        ],
    ),
    example(
        "psychiatric after discharge in connection",
        complete_case(psychiatric_discharge=discharge(date(2024, 2, 1), in_connection=Assessment(outcome=True))),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "met",
            {
                "discharge_date": "2024-02-01",
                "earliest_start": "2023-11-01",
                "support_start": "2024-03-01",
                "minimum_end": "2024-08-31",
                "limit": "2024-08-31",
                "failed": [],
                "unknown": [],
                "unassessed": [],
                "reason": "start_after_discharge",
            },
        ),
        [
            "LAB § 167, stk. 2",
            "BEK § 128, stk. 1",
            "lov nr. 295 af 20. marts 2023, § 1, nr. 10",
            "BEK § 128, stk. 3",
        ],
    ),
    example(
        "psychiatric after discharge not in connection",
        complete_case(psychiatric_discharge=discharge(date(2024, 2, 1), in_connection=Assessment(outcome=False))),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "not_met",
            {
                "discharge_date": "2024-02-01",
                "earliest_start": "2023-11-01",
                "support_start": "2024-03-01",
                "minimum_end": "2024-08-31",
                "limit": "2024-08-31",
                "failed": ["in_connection"],
                "unknown": [],
                "unassessed": [],
                "reason": "start_not_in_connection",
            },
        ),
        [
            "LAB § 167, stk. 2",
            "BEK § 128, stk. 1",
            "lov nr. 295 af 20. marts 2023, § 1, nr. 10",
            "BEK § 128, stk. 3",
        ],
    ),
    example(
        "psychiatric after discharge 2018",
        complete_case_2014(psychiatric_discharge=discharge(date(2018, 2, 1))),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "needs_assessment",
            {
                "discharge_date": "2018-02-01",
                "earliest_start": "2017-11-01",
                "support_start": "2018-03-01",
                "minimum_end": "2018-08-31",
                "limit": "2018-08-31",
                "failed": [],
                "unknown": [],
                "unassessed": ["in_connection"],
                "reason": "start_after_discharge",
            },
        ),
        ["LAB § 31 b, stk. 2", "LAB § 31 b, stk. 2"],
    ),
    example(
        "psychiatric without a period in the window",
        complete_case(psychiatric_discharge=discharge(date(2024, 12, 15))),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "met",
            {
                "discharge_date": "2024-12-15",
                "earliest_start": "2024-09-15",
                "support_start": None,
                "minimum_end": None,
                "limit": None,
                "failed": [],
                "unknown": [],
                "unassessed": [],
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric met",
        complete_case(psychiatric_discharge=discharge(date(2024, 4, 1))),
        {"psychiatric_period_may_exceed_six_months": True},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "met",
            {
                "discharge_date": "2024-04-01",
                "earliest_start": "2024-01-01",
                "support_start": "2024-03-01",
                "minimum_end": "2024-08-31",
                "limit": "2024-09-30",
                "failed": [],
                "unknown": [],
                "unassessed": [],
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric 2023 date",
        complete_case(
            decision_date=date(2023, 4, 1),
            psychiatric_discharge=discharge(date(2023, 4, 1)),
            periods=(complete_period(date(2023, 3, 1), date(2023, 8, 31)),),
        ),
        {},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "met",
            {
                "discharge_date": "2023-04-01",
                "earliest_start": "2023-01-01",
                "support_start": "2023-03-01",
                "minimum_end": "2023-08-31",
                "limit": "2023-08-31",
                "failed": [],
                "unknown": [],
                "unassessed": [],
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 127, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric window from a month end, favour_citizen",
        complete_case(
            decision_date=date(2025, 9, 10),
            psychiatric_discharge=discharge(date(2025, 9, 15)),
            periods=(complete_period(date(2025, 8, 31), date(2026, 2, 27)),),
        ),
        {"ambiguous_dates": "favour_citizen"},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "met",
            {
                "discharge_date": "2025-09-15",
                "earliest_start": "2025-06-15",
                "support_start": "2025-08-31",
                "minimum_end": "2026-02-28",
                "limit": "2026-02-28",
                "failed": [],
                "unknown": [],
                "unassessed": [],
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "psychiatric window from a month end, strict",
        complete_case(
            decision_date=date(2025, 9, 10),
            psychiatric_discharge=discharge(date(2025, 9, 15)),
            periods=(complete_period(date(2025, 8, 31), date(2026, 2, 27)),),
        ),
        {"ambiguous_dates": "strict"},
        "right.psychiatric_discharge",
        0,
        (
            "",
            "met",
            {
                "discharge_date": "2025-09-15",
                "earliest_start": "2025-06-15",
                "support_start": "2025-08-31",
                "minimum_end": "2026-02-27",
                "limit": "2026-02-27",
                "failed": [],
                "unknown": [],
                "unassessed": [],
            },
        ),
        ["LAB § 167, stk. 2", "BEK § 128, stk. 1", "lov nr. 295 af 20. marts 2023, § 1, nr. 10"],
    ),
    example(
        "education none",
        complete_case(),
        {},
        "right.education_admission",
        0,
        ("", "not_applicable", {"reason": "no_admission"}),
        ["LAB § 167, stk. 3"],
    ),
    example(
        "education 2018",
        complete_case_2014(education_admission=EducationAdmission(admission_date=date(2018, 2, 1), qualifying=True)),
        {},
        "right.education_admission",
        0,
        ("", "not_applicable", {"in_force": False, "reason": "not_in_force"}),
        ["LAB § 31 b"],
    ),
    example(
        "education 2021",
        complete_case(
            decision_date=date(2021, 6, 1),
            education_admission=EducationAdmission(admission_date=date(2021, 5, 1), qualifying=True),
            periods=(),
        ),
        {},
        "right.education_admission",
        0,
        ("", "not_applicable", {"in_force": False, "reason": "not_in_force"}),
        ["LAB § 167, stk. 3"],
    ),
    example(
        "education 2022 date",
        complete_case(
            decision_date=date(2022, 1, 1),
            education_admission=EducationAdmission(admission_date=date(2021, 12, 1), qualifying=True),
            periods=(),
        ),
        {},
        "right.education_admission",
        0,
        (
            "",
            "not_met",
            {
                "in_force": True,
                "admission_date": "2021-12-01",
                "invocation_deadline": "2022-05-31",
                "right_invoked_on": None,
                "entitled_until": None,
                "failed": ["target_group", "under_30"],
                "unknown": ["right_invoked_on"],
                "reason": "failed",
            },
        ),
        ["LAB § 167, stk. 3"],
    ),
    example(
        "education failed",
        complete_case(
            education_admission=EducationAdmission(
                admission_date=date(2024, 1, 15), qualifying=False, right_invoked_on=date(2024, 9, 1)
            )
        ),
        {},
        "right.education_admission",
        0,
        (
            "",
            "not_met",
            {
                "in_force": True,
                "admission_date": "2024-01-15",
                "invocation_deadline": "2024-07-14",
                "right_invoked_on": "2024-09-01",
                "entitled_until": "2025-02-28",
                "failed": ["target_group", "under_30", "qualifying", "right_invoked_on"],
                "unknown": [],
                "reason": "failed",
            },
        ),
        ["LAB § 167, stk. 3"],
    ),
    example(
        "education unknown",
        complete_case(
            citizen=Citizen(), education_admission=EducationAdmission(admission_date=date(2024, 1, 15), qualifying=True)
        ),
        {},
        "right.education_admission",
        0,
        (
            "",
            "missing_facts",
            {
                "in_force": True,
                "admission_date": "2024-01-15",
                "invocation_deadline": "2024-07-14",
                "right_invoked_on": None,
                "entitled_until": None,
                "failed": [],
                "unknown": ["target_group", "birth_date", "right_invoked_on"],
                "reason": "unknown",
            },
        ),
        ["LAB § 167, stk. 3"],
    ),
    example(
        "education met admission window",
        complete_case(
            citizen=Citizen(birth_date=date(2004, 5, 5), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY),
            education_admission=EducationAdmission(
                admission_date=date(2024, 1, 15), qualifying=True, right_invoked_on=date(2024, 3, 1)
            ),
        ),
        {"education_right_window": "admission"},
        "right.education_admission",
        0,
        (
            "",
            "met",
            {
                "in_force": True,
                "admission_date": "2024-01-15",
                "invocation_deadline": "2024-07-14",
                "right_invoked_on": "2024-03-01",
                "entitled_until": "2024-07-14",
                "failed": [],
                "unknown": [],
            },
        ),
        ["LAB § 167, stk. 3"],
    ),
]


@pytest.mark.parametrize(("case", "interpretation", "rule", "index", "expected", "citations"), EXAMPLES)
def test_every_branch_records_its_subject_verdict_facts_and_references(
    case: Case,
    interpretation: dict[str, Any],
    rule: str,
    index: int,
    expected: tuple[str, str, dict[str, Any]],
    citations: list[str],
) -> None:
    """Each rule's branch gives the documented finding: subject, verdict, facts (JSON, reason codes) and citations."""
    found = evaluate(case, interpretation=Interpretation(**interpretation)).findings_for(rule)[index].to_dict()
    assert (found["subject"], found["verdict"], found["facts"]) == expected
    assert [reference["citation"] for reference in found["references"]] == citations


AGREEMENT_RULES = [info.id for info in rule_catalogue() if info.family == "agreement"]
WITHOUT_RECORD = {
    "no periods": (complete_case(periods=()), "periods", "no_periods"),
    "current period without record": (
        complete_case(periods=(complete_period(agreement=None),)),
        "periods[0].agreement",
        "absent",
    ),
    "earlier period without record": (
        complete_case(
            periods=(complete_period(date(2023, 9, 1), date(2024, 2, 29), agreement=None), complete_period())
        ),
        "periods[0].agreement",
        "earlier_absent",
    ),
}


@pytest.mark.parametrize("rule", AGREEMENT_RULES)
@pytest.mark.parametrize("situation", WITHOUT_RECORD)
def test_agreement_rules_without_a_record(rule: str, situation: str) -> None:
    """
    Without a record the agreement rules say why, by subject.

    No periods: the written record is missing facts (subject ``periods``), its items not applicable.  The
    current period without one: every item is missing facts.  An earlier period without one: not applicable.
    """
    case, subject, reason = WITHOUT_RECORD[situation]
    found = evaluate(case, interpretation=Interpretation(complaint_guidance_required_from_2020=True))
    finding = found.findings_for(rule)[0].to_dict()
    missing = reason == "absent" or (reason == "no_periods" and rule == "agreement.written")
    verdict = "missing_facts" if missing else "not_applicable"
    assert (finding["subject"], finding["verdict"], finding["facts"]) == (subject, verdict, {"reason": reason})


def test_the_table_reaches_every_rule_and_verdict() -> None:
    """The examples (with the agreement rules without a record) cover every rule with every verdict it declares."""
    covered = {(param.values[2], param.values[4][1]) for param in EXAMPLES}
    covered |= {(rule, verdict) for rule in AGREEMENT_RULES for verdict in ("missing_facts", "not_applicable")}
    declared = {(info.id, verdict) for info in rule_catalogue() for verdict in info.verdicts}
    assert declared - covered == set()


# --- the references the library writes itself ------------------------------------------------


def fields(reference: LegalReference) -> tuple[object, ...]:
    """Every field of a reference that identifies the source (the citation is computed from them)."""
    return (
        reference.act,
        reference.section,
        reference.subsection,
        reference.item,
        reference.sentence,
        reference.source,
        reference.url,
        reference.kind.value,
        reference.verified,
    )


def references(case: Case, rule: str, **interpretation: Any) -> list[tuple[object, ...]]:
    """The fields of every reference of the first finding of ``rule``."""
    found = evaluate(case, interpretation=Interpretation(**interpretation)).findings_for(rule)[0]
    return [fields(reference) for reference in found.references]


STAR = "Styrelsen for Arbejdsmarked og Rekruttering, star.dk"
STAR_URL = "https://star.dk/da/indsatser/mentorordningen/om-mentorstoette-ordningens-maalgruppe"
LBK_701 = ("LBK nr. 701 af 22. maj 2022", "https://www.retsinformation.dk/eli/lta/2022/701")
LOV_295 = "lov nr. 295 af 20. marts 2023"


def test_complaint_guidance_after_2020_cites_the_interpretation() -> None:
    """Required from 2020 only by interpretation: the library cites its own reading, then the »Min Plan« order."""
    assert references(complete_case(), "agreement.complaint_guidance", complaint_guidance_required_from_2020=True) == [
        (
            "mentorrules",
            "",
            None,
            None,
            None,
            "Interpretation.complaint_guidance_required_from_2020",
            "https://mentorrules.readthedocs.io/en/latest/law/agreement.html",
            "interpretation",
            True,
        ),
        (
            "BEK",
            "52",
            None,
            None,
            None,
            "BEK nr. 1216 af 28. september 2023",
            "https://www.retsinformation.dk/eli/lta/2023/1216",
            "executive_order",
            True,
        ),
    ]


def test_star_guidance_is_cited_as_stars() -> None:
    """STAR's guidance on the target group and on who may be mentor is cited as guidance from STAR."""
    education = complete_case(purpose=Purpose.ORDINARY_EDUCATION)
    assert references(education, "eligibility.purpose", under_30_education_guidance=True) == [
        ("LAB", "167", 1, None, 1, *LBK_701, "law", True),
        ("STAR", "", None, None, None, STAR, STAR_URL, "guidance", True),
    ]
    lenient = complete_case(mentor=complete_mentor(employer=MentorEmployer.OTHER))
    assert references(lenient, "eligibility.mentor", strict_mentor_categories=False) == [
        ("LAB", "168", None, None, None, *LBK_701, "law", True),
        ("STAR", "", None, None, None, STAR, STAR_URL, "guidance", True),
    ]


def test_amending_acts_with_unverified_dates() -> None:
    """The 2025 and 2023 amending acts are cited by number, section and item, and marked unverified."""
    assert references(complete_case(decision_date=date(2026, 3, 1)), "eligibility.mentor")[1] == (
        "lov nr. 1750/2025",
        "1",
        None,
        1,
        None,
        "lov nr. 1750 af 29. december 2025",
        "https://www.retsinformation.dk/eli/lta/2025/1750",
        "law",
        False,
    )
    psychiatric = references(complete_case(), "right.psychiatric_discharge")
    assert psychiatric[2] == (
        LOV_295,
        "",
        None,
        None,
        None,
        LOV_295,
        "https://www.retsinformation.dk/eli/lta/2023/295",
        "law",
        False,
    )
    later = references(complete_case(decision_date=date(2024, 6, 1)), "right.psychiatric_discharge")
    assert later[2][-1] is True  # verified once the date no longer matters (from 2024-03-01)


def test_education_right_references() -> None:
    """2014-2019 the education right did not exist: old § 31 b (its only right) is cited as interpretation; on the right's assumed start, § 167, stk. 3 unverified."""
    assert references(complete_case_2014(), "right.education_admission") == [
        (
            "LAB",
            "31 b",
            None,
            None,
            None,
            "LBK nr. 1342 af 21. november 2016",
            "https://www.retsinformation.dk/eli/lta/2016/1342",
            "interpretation",
            True,
        )
    ]
    assert references(complete_case(decision_date=date(2022, 1, 1)), "right.education_admission") == [
        (
            "LAB",
            "167",
            3,
            None,
            None,
            "lov nr. 548 af 7. maj 2019 som ændret (ændringsloven er ikke identificeret)",
            LBK_701[1],
            "law",
            False,
        )
    ]


def test_lab_2014_readings_are_cited_as_interpretation() -> None:
    """Under lab-2014 the grant condition, the new period's assessment and the psychiatric start are the library's readings (C2.7)."""
    lbk_1342 = ("LBK nr. 1342 af 21. november 2016", "https://www.retsinformation.dk/eli/lta/2016/1342")
    assert references(complete_case_2014(), "eligibility.decisive_need")[0] == (
        "LAB",
        "31 b",
        1,
        None,
        None,
        *lbk_1342,
        "interpretation",
        True,
    )
    assert references(
        complete_case_2014(mentor=complete_mentor(employer=MentorEmployer.COMPANY)), "eligibility.decisive_need"
    ) == [("LAB", "31 d", None, None, None, *lbk_1342, "law", True)]
    assert references(complete_case_2014(), "duration.new_period") == [
        ("LAB", "31 c", 1, None, 2, *lbk_1342, "interpretation", True)
    ]
    assert references(
        complete_case_2014(psychiatric_discharge=discharge(date(2018, 2, 1))), "right.psychiatric_discharge"
    ) == [
        ("LAB", "31 b", 2, None, None, *lbk_1342, "law", True),
        ("LAB", "31 b", 2, None, None, *lbk_1342, "interpretation", True),
    ]
    assert references(
        complete_case_2014(psychiatric_discharge=discharge(date(2018, 4, 1))), "right.psychiatric_discharge"
    ) == [("LAB", "31 b", 2, None, None, *lbk_1342, "law", True)]


def test_mentor_categories_before_2020_are_an_interpretation() -> None:
    """Old chapter 9 b names no mentor categories: § 31 e is cited as the library's interpretation."""
    assert references(complete_case_2014(), "eligibility.mentor") == [
        (
            "LAB",
            "31 e",
            1,
            None,
            None,
            "LBK nr. 1342 af 21. november 2016",
            "https://www.retsinformation.dk/eli/lta/2016/1342",
            "interpretation",
            True,
        )
    ]


def test_the_catalogue_lists_complaint_guidance_references_per_law_version() -> None:
    """lab-2014 cites old § 31 c, stk. 2, nr. 6 on every epoch; lab-2020 the interpretation and BEK § 52."""
    info = next(info for info in rule_catalogue() if info.id == "agreement.complaint_guidance")
    citations = {law: {tuple(r.citation for r in refs) for _, refs in spans} for law, spans in info.references.items()}
    assert citations["lab-2014"] == {("LAB § 31 c, stk. 2, nr. 6",)}
    assert {refs[-1] for refs in citations["lab-2020"]} == {"BEK § 52"}


# --- the catalogue -------------------------------------------------------------------------------

CATALOGUE = [
    ("eligibility.purpose", "eligibility", "case"),
    ("eligibility.decisive_need", "eligibility", "case"),
    ("eligibility.mentor", "eligibility", "case"),
    ("duties.beyond_usual", "duties", "case"),
    ("duties.hours", "duties", "case"),
    ("duration.period_length", "duration", "period"),
    ("duration.new_period", "duration", "period"),
    ("right.psychiatric_discharge", "right", "case"),
    ("right.education_admission", "right", "case"),
    ("agreement.written", "agreement", "period"),
    ("agreement.goal", "agreement", "period"),
    ("agreement.mentor_name", "agreement", "period"),
    ("agreement.mentor_contact", "agreement", "period"),
    ("agreement.tasks", "agreement", "period"),
    ("agreement.duration", "agreement", "period"),
    ("agreement.hours", "agreement", "period"),
    ("agreement.complaint_guidance", "agreement", "period"),
]


def test_catalogue_families_and_subjects() -> None:
    """Each rule id belongs to the family its prefix names and is judged per case or per period (DESIGN section 5)."""
    assert [(info.id, info.family, info.per) for info in rule_catalogue()] == CATALOGUE
    assert json.loads(json.dumps([info.to_dict() for info in rule_catalogue()]))[5]["per"] == "period"


# --- the month arithmetic --------------------------------------------------------------------


class TestDateArguments:
    """The month arithmetic names what went wrong: the argument and its value, or the date out of range."""

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: window_opening(date(2000, 1, 1), -3), "months must be 0 or more, not -3"),
            (lambda: period_end(date(2000, 1, 1), -4), "months must be 0 or more, not -4"),
            (lambda: period_end_day(date(2000, 1, 1), -5, strict=False), "months must be 0 or more, not -5"),
            (lambda: max_period_end(date(2000, 1, 1), months=-6), "months must be 0 or more, not -6"),
            (lambda: is_under(date(2000, 1, 1), -2, date(2020, 1, 1)), "years must be 0 or more, not -2"),
        ],
    )
    def test_a_negative_count_is_named_in_the_message(self, call: Callable[[], object], message: str) -> None:
        """A negative number of months or years is an error that says which argument and value were wrong."""
        with pytest.raises(ValueError, match=f"^{message}$"):
            call()

    def test_overflow_names_the_date_and_the_months(self) -> None:
        """Beyond year 9999 the error reads like date arithmetic's own, with the date and the months added."""
        with pytest.raises(OverflowError, match=r"^date value out of range: 9999-12-31 \+1 months$"):
            period_end(date(9999, 12, 31), 1)


# --- many periods ----------------------------------------------------------------------------------


def test_no_cap_on_the_number_of_periods() -> None:
    """
    Forty periods, given latest first, each get their own finding of every per-period rule (DESIGN section 5).

    The subjects index the case as given (``periods[39]`` is the earliest period), well past the first few
    dozen periods that an implementation might word in advance.
    """
    starts = [date(2014 + month // 12, month % 12 + 1, 1) for month in range(40)]
    periods = [
        complete_period(
            start,
            end,
            agreement=complete_agreement(start, end),
            assessment=Assessment(outcome=True),
        )
        for start, end in zip(starts, [*[s - timedelta(days=1) for s in starts[1:]], date(2017, 4, 30)], strict=True)
    ]
    case = complete_case(decision_date=date(2017, 4, 1), periods=tuple(reversed(periods)))
    decision = evaluate(case)
    for info in rule_catalogue():
        if info.per != "period":
            continue
        suffix = ".agreement" if info.family == "agreement" else ""
        found = decision.findings_for(info.id)
        assert [f.subject for f in found] == [f"periods[{i}]{suffix}" for i in range(40)], info.id
    assert [f.verdict.value for f in decision.findings_for("duration.new_period")] == ["met"] * 39 + ["not_applicable"]
