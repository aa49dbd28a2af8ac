"""
Examples for :mod:`mentorrules.rules.duties`: beyond the employer's or school's usual duties.

LAB § 169, stk. 1 (old § 31 d): when a company or an education institution gets
support for a mentor function, the work must exceed what it is usually expected
to do.  Each test varies the complete case of :mod:`builders` in one respect.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from builders import citations, complete_case, complete_case_2014, complete_mentor, decide, finding
from mentorrules import Assessment, Engager, Mentor, MentorEmployer, Task, Verdict
from mentorrules.model.words import display


RULE = "duties.beyond_usual"
YES = Assessment(outcome=True, on=date(2024, 2, 15))
NO = Assessment(outcome=False, on=date(2024, 2, 15))
COMPANY = complete_mentor(employer=MentorEmployer.COMPANY)


def _consultant(engaged_by: Engager | None) -> Mentor:
    return complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=engaged_by)


#: Mentors whose support does not go to a company or an education institution (§ 169 does not apply).
NOT_TO_COMPANY_OR_SCHOOL = [
    complete_mentor(employer=MentorEmployer.MUNICIPALITY),
    complete_mentor(employer=MentorEmployer.OTHER),
    _consultant(Engager.MUNICIPALITY),
]
NOT_TO_COMPANY_OR_SCHOOL_IDS = ["municipality", "other", "consultant-of-municipality"]


class TestBeyondUsual:
    """``duties.beyond_usual``: LAB § 169, stk. 1."""

    @pytest.mark.parametrize(
        ("mentor", "support_to"),
        [
            (complete_mentor(employer=MentorEmployer.COMPANY), "company"),
            (complete_mentor(employer=MentorEmployer.EDUCATION_INSTITUTION), "education_institution"),
            (_consultant(Engager.COMPANY), "company"),
            (_consultant(Engager.EDUCATION_INSTITUTION), "education_institution"),
        ],
        ids=["company", "education-institution", "consultant-of-company", "consultant-of-school"],
    )
    def test_applies_to_support_to_a_company_or_school(self, mentor: Mentor, support_to: str) -> None:
        """§ 169, stk. 1 applies when a company or school gets the support: its own employee is mentor, or it engaged the consultant."""
        found = finding(complete_case(mentor=mentor, beyond_usual_duties=YES), RULE)
        assert (Verdict.MET, "") == (found.verdict, found.subject)
        assert {"support_to": support_to, "tasks_within_usual_duties": ()} == dict(found.facts)
        assert ("LAB § 169, stk. 1",) == citations(found)
        assert display(support_to, "da") in found.message("da")
        assert found.message("da").startswith(f"Støtten gives til {display(support_to, 'da')}")

    @pytest.mark.parametrize("mentor", NOT_TO_COMPANY_OR_SCHOOL, ids=NOT_TO_COMPANY_OR_SCHOOL_IDS)
    def test_not_applicable_without_support_to_a_company_or_school(self, mentor: Mentor) -> None:
        """§ 169, stk. 1 does not apply when the municipality employs or engaged the mentor, or the mentor is outside § 168."""
        found = finding(complete_case(mentor=mentor, beyond_usual_duties=NO), RULE)
        assert Verdict.NOT_APPLICABLE == found.verdict
        assert "does not go to a company" in found.message("en")

    @pytest.mark.parametrize(
        "mentor",
        [None, complete_mentor(employer=None), _consultant(None)],
        ids=["no-mentor", "employer-unknown", "consultant-engager-unknown"],
    )
    def test_missing_facts_when_the_recipient_is_unknown(self, mentor: Mentor | None) -> None:
        """Whether § 169 applies cannot be told without the mentor's employer (or the consultant's engager)."""
        found = finding(complete_case(mentor=mentor, beyond_usual_duties=YES), RULE)
        assert (Verdict.MISSING_FACTS, None) == (found.verdict, found.facts["support_to"])
        assert "cannot be told" in found.message("en")

    @pytest.mark.parametrize(
        ("assessment", "expected"),
        [(None, Verdict.NEEDS_ASSESSMENT), (NO, Verdict.NOT_MET), (YES, Verdict.MET)],
        ids=["none", "false", "true"],
    )
    def test_reads_the_recorded_assessment(self, assessment: Assessment | None, expected: Verdict) -> None:
        """Whether the work exceeds the usual duties is the caseworker's concrete assessment: none recorded needs one."""
        found = finding(complete_case(mentor=COMPANY, beyond_usual_duties=assessment), RULE)
        assert expected == found.verdict
        assert "reason" not in found.facts

    def test_a_task_within_usual_duties_must_be_reconciled(self) -> None:
        """An assessment that the work exceeds the usual duties conflicts with a task classified as usual; the caseworker reconciles them."""
        tasks = (
            Task(description="Introduktion til arbejdspladsen", within_usual_duties=False),
            Task(description="Almindelig oplæring", within_usual_duties=True),
            Task(description="Støtte til fremmøde"),
            Task(description="Daglig instruktion", within_usual_duties=True),
        )
        found = finding(complete_case(mentor=COMPANY, beyond_usual_duties=YES, tasks=tasks), RULE)
        assert (Verdict.NEEDS_ASSESSMENT, "task_within_usual") == (found.verdict, found.facts["reason"])
        assert ("tasks[1]", "tasks[3]") == found.facts["tasks_within_usual_duties"]
        assert "tasks[1], tasks[3]" in found.message("da")

    @pytest.mark.parametrize("classification", [False, None], ids=["beyond", "unclassified"])
    def test_tasks_not_classified_as_usual_do_not_conflict(self, classification: bool | None) -> None:
        """Only a task classified as within the usual duties calls for reconciliation."""
        tasks = (Task(description="Støtte til fremmøde", within_usual_duties=classification),)
        found = finding(complete_case(mentor=COMPANY, beyond_usual_duties=YES, tasks=tasks), RULE)
        assert Verdict.MET == found.verdict

    def test_a_negative_assessment_is_not_met_whatever_the_tasks(self) -> None:
        """The caseworker's finding that the work does not exceed the usual duties decides; the usual tasks are listed."""
        tasks = (Task(description="Almindelig oplæring", within_usual_duties=True),)
        found = finding(complete_case(mentor=COMPANY, beyond_usual_duties=NO, tasks=tasks), RULE)
        assert (Verdict.NOT_MET, ("tasks[0]",)) == (found.verdict, found.facts["tasks_within_usual_duties"])

    def test_no_assessment_with_usual_tasks_needs_assessment(self) -> None:
        """Without an assessment the caseworker must assess, whatever the tasks."""
        tasks = (Task(description="Almindelig oplæring", within_usual_duties=True),)
        found = finding(complete_case(mentor=COMPANY, beyond_usual_duties=None, tasks=tasks), RULE)
        assert Verdict.NEEDS_ASSESSMENT == found.verdict
        assert "reason" not in found.facts

    def test_lab_2014_cites_old_section_31_d(self) -> None:
        """From 2014 to 2019 the condition was old § 31 d."""
        found = finding(complete_case_2014(mentor=COMPANY, beyond_usual_duties=YES), RULE)
        assert Verdict.MET == found.verdict
        assert ("LAB § 31 d",) == citations(found)


HOURS = "duties.hours"


class TestHours:
    """``duties.hours``: LAB § 169, stk. 3 (old § 31 e, stk. 2, 1. pkt.), contract 2 (C2.5)."""

    @pytest.mark.parametrize(
        ("assessment", "expected"),
        [(None, Verdict.NEEDS_ASSESSMENT), (NO, Verdict.NOT_MET), (YES, Verdict.MET)],
        ids=["none", "false", "true"],
    )
    @pytest.mark.parametrize(
        ("mentor", "support_to"),
        [
            (COMPANY, "company"),
            (complete_mentor(employer=MentorEmployer.EDUCATION_INSTITUTION), "education_institution"),
            (_consultant(Engager.COMPANY), "company"),
            (_consultant(Engager.EDUCATION_INSTITUTION), "education_institution"),
        ],
        ids=["company", "education-institution", "consultant-of-company", "consultant-of-school"],
    )
    def test_reads_the_recorded_hours_assessment_where_the_support_goes_to_a_company_or_school(
        self, mentor: Mentor, support_to: str, assessment: Assessment | None, expected: Verdict
    ) -> None:
        """The hours are set by a concrete assessment made with the company or school: none recorded needs one."""
        found = finding(complete_case(mentor=mentor, hours_assessment=assessment), HOURS)
        assert (expected, "") == (found.verdict, found.subject)
        assert {"support_to": support_to, "assessed_on": None if assessment is None else assessment.on} == dict(
            found.facts
        )
        assert ("LAB § 169, stk. 3",) == citations(found)
        assert display(support_to, "en") in found.message("en")

    @pytest.mark.parametrize("mentor", NOT_TO_COMPANY_OR_SCHOOL, ids=NOT_TO_COMPANY_OR_SCHOOL_IDS)
    def test_not_applicable_exactly_where_beyond_usual_is_not(self, mentor: Mentor) -> None:
        """The rule applies exactly where ``duties.beyond_usual`` applies; an assessment does not make it apply."""
        case = complete_case(mentor=mentor, hours_assessment=NO)
        found = finding(case, HOURS)
        assert (Verdict.NOT_APPLICABLE, {"support_to": None}) == (found.verdict, dict(found.facts))
        assert Verdict.NOT_APPLICABLE == finding(case, RULE).verdict
        assert "does not go to a company" in found.message("en")

    @pytest.mark.parametrize(
        "mentor",
        [None, complete_mentor(employer=None), _consultant(None)],
        ids=["no-mentor", "employer-unknown", "consultant-engager-unknown"],
    )
    def test_missing_facts_when_the_recipient_is_unknown(self, mentor: Mentor | None) -> None:
        """Whether the support goes to a company or school cannot be told without the employer (or the engager)."""
        found = finding(complete_case(mentor=mentor, hours_assessment=YES), HOURS)
        assert (Verdict.MISSING_FACTS, {"support_to": None}) == (found.verdict, dict(found.facts))
        assert "cannot be told" in found.message("en")

    def test_lab_2014_cites_old_section_31_e_stk_2(self) -> None:
        """From 2014 to 2019 the hours were set under old § 31 e, stk. 2, 1. pkt."""
        found = finding(complete_case_2014(mentor=COMPANY, hours_assessment=NO), HOURS)
        assert Verdict.NOT_MET == found.verdict
        assert ("LAB § 31 e, stk. 2, 1. pkt.",) == citations(found)
        assert "§ 169" not in found.message("da")

    def test_the_decision_counts_it(self) -> None:
        """An unrecorded hours assessment makes a company case needs_assessment; a negative one not met."""
        case = complete_case(mentor=COMPANY, beyond_usual_duties=YES, hours_assessment=YES)
        assert Verdict.MET == decide(case).verdict
        assert Verdict.NEEDS_ASSESSMENT == decide(attrs.evolve(case, hours_assessment=None)).verdict
        assert Verdict.NOT_MET == decide(attrs.evolve(case, hours_assessment=NO)).verdict
