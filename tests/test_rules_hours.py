"""
The hours of the mentor function (DESIGN section 5, contract 2, C2.5).

LAB § 169, stk. 3: "Jobcenteret skal i samarbejde med virksomheden eller
uddannelsesinstitutionen fastsætte et timetal for mentorfunktionen ud fra en konkret
vurdering af behov og forudsætninger hos den person, der har brug for mentorstøtte."
Stk. 4: the hours may be set "pr. plads i stedet for pr. person".  Old § 31 e, stk. 2
(2014-2019) says the same, but hours per place only "Hvis der ydes støtte til en
mentorfunktion for flere personer".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from builders import (
    END_2014,
    START_2014,
    citations,
    complete_agreement,
    complete_case,
    complete_case_2014,
    complete_mentor,
    complete_period,
    finding,
)
from mentorrules import Assessment, Engager, Hours, HoursBasis, HoursUnit, Mentor, MentorEmployer, Verdict


HOURS = "duties.hours"
RECORD_HOURS = "agreement.hours"
COMPANY = complete_mentor(employer=MentorEmployer.COMPANY)
PER_PLACE = Hours(amount=Decimal(2), unit=HoursUnit.PER_WEEK, basis=HoursBasis.PLACE)


class TestDutiesHours:
    """duties.hours applies exactly where duties.beyond_usual does."""

    @pytest.mark.parametrize(
        ("assessment", "verdict"),
        [
            (None, Verdict.NEEDS_ASSESSMENT),
            (Assessment(outcome=True, on=date(2024, 2, 20)), Verdict.MET),
            (Assessment(outcome=False), Verdict.NOT_MET),
        ],
    )
    def test_company_support_reads_the_hours_assessment(self, assessment: Assessment | None, verdict: Verdict) -> None:
        found = finding(complete_case(mentor=COMPANY, hours_assessment=assessment), HOURS)
        assert found.verdict is verdict
        assert found.facts["assessed_on"] == (assessment.on if assessment else None)
        assert citations(found) == ("LAB § 169, stk. 3",)

    @pytest.mark.parametrize(
        ("mentor", "verdict"),
        [
            (complete_mentor(), Verdict.NOT_APPLICABLE),
            (complete_mentor(employer=MentorEmployer.OTHER), Verdict.NOT_APPLICABLE),
            (
                complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.MUNICIPALITY),
                Verdict.NOT_APPLICABLE,
            ),
            (
                complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.EDUCATION_INSTITUTION),
                Verdict.NEEDS_ASSESSMENT,
            ),
            (complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT), Verdict.MISSING_FACTS),
            (Mentor(name="Mette Jensen"), Verdict.MISSING_FACTS),
            (None, Verdict.MISSING_FACTS),
        ],
    )
    def test_it_applies_where_beyond_usual_applies(self, mentor: Mentor | None, verdict: Verdict) -> None:
        case = complete_case(mentor=mentor)
        assert finding(case, HOURS).verdict is verdict
        beyond = finding(case, "duties.beyond_usual").verdict
        assert (beyond is Verdict.NOT_APPLICABLE) is (verdict is Verdict.NOT_APPLICABLE)
        assert (beyond is Verdict.MISSING_FACTS) is (verdict is Verdict.MISSING_FACTS)

    def test_lab_2014_cites_old_section_31_e(self) -> None:
        assert citations(finding(complete_case_2014(mentor=COMPANY), HOURS)) == ("LAB § 31 e, stk. 2, 1. pkt.",)


def with_hours(hours: Hours, **overrides: object):
    return complete_case(periods=(complete_period(agreement=complete_agreement(hours=hours)),), **overrides)


class TestHoursPerPlace:
    """agreement.hours with basis "place" (§ 169, stk. 4; old § 31 e, stk. 2, 2. pkt.)."""

    def test_per_person_is_the_default(self) -> None:
        found = finding(with_hours(Hours(amount=Decimal(2), unit=HoursUnit.PER_WEEK)), RECORD_HOURS)
        assert (found.verdict, found.facts["basis"]) == (Verdict.MET, "person")

    def test_company_support_may_set_hours_per_place(self) -> None:
        found = finding(with_hours(PER_PLACE, mentor=COMPANY), RECORD_HOURS)
        assert (found.verdict, found.facts["reason"]) == (Verdict.MET, "per_place")
        assert "LAB § 169, stk. 4" in citations(found)

    def test_municipal_support_may_not(self) -> None:
        found = finding(with_hours(PER_PLACE), RECORD_HOURS)
        assert (found.verdict, found.facts["reason"]) == (Verdict.NOT_MET, "per_place_not_allowed")

    def test_unknown_receiver_is_missing_facts(self) -> None:
        found = finding(with_hours(PER_PLACE, mentor=None), RECORD_HOURS)
        assert (found.verdict, found.facts["reason"]) == (Verdict.MISSING_FACTS, "support_to_unknown")

    def test_zero_hours_per_place_are_not_positive(self) -> None:
        hours = Hours(amount=Decimal(0), unit=HoursUnit.TOTAL, basis=HoursBasis.PLACE)
        found = finding(with_hours(hours, mentor=COMPANY), RECORD_HOURS)
        assert (found.verdict, found.facts["reason"]) == (Verdict.NOT_MET, "not_positive")

    def test_lab_2014_needs_several_persons_confirmed(self) -> None:
        period = complete_period(
            START_2014, END_2014, agreement=complete_agreement(START_2014, END_2014, hours=PER_PLACE)
        )
        found = finding(complete_case_2014(mentor=COMPANY, periods=(period,)), RECORD_HOURS)
        assert (found.verdict, found.facts["reason"]) == (Verdict.NEEDS_ASSESSMENT, "several_persons")
        assert "LAB § 31 e, stk. 2, 2. pkt." in citations(found)
        assert "flere personer" in found.message("da")
