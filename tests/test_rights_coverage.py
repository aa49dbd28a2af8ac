"""
The statutory rights and what they cover (DESIGN section 5, contract 2: C2.1-C2.4, C2.11).

LAB § 167, stk. 2: a person in a § 6 group discharged from psychiatric admission has a
right to mentor support "i op til 3 måneder forud for udskrivelsen og i en periode på
mindst 6 måneder i alt"; BEK § 128, stk. 3 ties the support to the discharge ("i
forbindelse med udskrivningen").  § 167, stk. 3: the education right, which names no
purpose.  § 169, stk. 1: for support to a company or an education institution the mentor
function must be decisive "for aktiviteten, tilbuddet eller ansættelsen".
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from builders import (
    citations,
    complete_case,
    complete_case_2014,
    complete_citizen,
    complete_mentor,
    complete_period,
    decide,
    finding,
    verdicts,
)
from mentorrules import (
    Assessment,
    Citizen,
    EducationAdmission,
    Engager,
    MentorEmployer,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Verdict,
)
from mentorrules.model.references import ReferenceKind


PSYCHIATRIC = "right.psychiatric_discharge"
EDUCATION = "right.education_admission"
DECISIVE = "eligibility.decisive_need"
PURPOSE = "eligibility.purpose"
LENGTH = "duration.period_length"
NEW = "duration.new_period"
ONE_DAY = timedelta(days=1)
YES = Assessment(outcome=True, on=date(2024, 9, 20))
NO = Assessment(outcome=False, on=date(2024, 9, 20))

# A discharge on 2024-09-25: the window opens 2024-06-25.
DISCHARGE = date(2024, 9, 25)


def discharged(start: date, end: date | None = None, *, in_connection: Assessment | None = None, **overrides: object):
    """A sickness-benefit recipient discharged on DISCHARGE, one period from ``start`` (six months by default)."""
    end = end or date(start.year + (start.month + 5) // 12, (start.month + 5) % 12 + 1, 1) - ONE_DAY
    fields: dict[str, object] = {
        "decision_date": date(2024, 9, 20),
        "citizen": complete_citizen(target_group=TargetGroup.SICKNESS_BENEFIT),
        "decisive_need": None,
        "periods": (complete_period(start, end),),
        "psychiatric_discharge": PsychiatricDischarge(
            discharge_date=DISCHARGE, inpatient=True, psychiatric=True, in_connection=in_connection
        ),
        **overrides,
    }
    return complete_case(**fields)


class TestSupportStart:
    """C2.1: support that starts after the discharge is decided by the in_connection assessment."""

    @pytest.mark.parametrize("start", [DISCHARGE - ONE_DAY, DISCHARGE])
    def test_a_start_on_or_before_the_discharge_needs_no_assessment(self, start: date) -> None:
        right = finding(discharged(start), PSYCHIATRIC)
        assert right.verdict is Verdict.MET
        assert right.facts["support_start"] == start
        assert "reason" not in right.facts

    def test_the_day_after_the_discharge_needs_the_assessment(self) -> None:
        right = finding(discharged(DISCHARGE + ONE_DAY), PSYCHIATRIC)
        assert right.verdict is Verdict.NEEDS_ASSESSMENT
        assert right.facts["reason"] == "start_after_discharge"
        assert right.facts["unassessed"] == ("in_connection",)
        assert any("128, stk. 3" in citation for citation in citations(right))

    def test_in_connection_yes_is_met_and_covers(self) -> None:
        decision = decide(discharged(DISCHARGE + ONE_DAY, in_connection=YES))
        right = decision.findings_for(PSYCHIATRIC)[0]
        assert right.verdict is Verdict.MET
        assert right.facts["reason"] == "start_after_discharge"
        assert "i forbindelse med udskrivningen" in right.message("da")
        assert right.facts["minimum_end"] == date(2025, 3, 25)
        assert decision.findings_for(DECISIVE)[0].verdict is Verdict.NOT_APPLICABLE
        assert decision.verdict is Verdict.MET

    def test_in_connection_no_is_not_met(self) -> None:
        right = finding(discharged(DISCHARGE + ONE_DAY, in_connection=NO), PSYCHIATRIC)
        assert right.verdict is Verdict.NOT_MET
        assert right.facts["reason"] == "start_not_in_connection"
        assert right.facts["failed"] == ("in_connection",)

    def test_a_failed_condition_wins_and_the_reason_stays(self) -> None:
        case = discharged(DISCHARGE + ONE_DAY, citizen=complete_citizen(target_group=TargetGroup.NONE))
        right = finding(case, PSYCHIATRIC)
        assert right.verdict is Verdict.NOT_MET
        assert right.facts["reason"] == "start_after_discharge"
        assert right.facts["failed"] == ("target_group",)

    def test_an_unknown_fact_wins_over_the_missing_assessment(self) -> None:
        case = discharged(DISCHARGE + ONE_DAY, citizen=Citizen(birth_date=date(1979, 11, 2)))
        right = finding(case, PSYCHIATRIC)
        assert right.verdict is Verdict.MISSING_FACTS
        assert right.facts["unknown"] == ("target_group",)

    def test_in_connection_is_not_read_when_the_support_starts_before_the_discharge(self) -> None:
        assert finding(discharged(DISCHARGE - ONE_DAY, in_connection=NO), PSYCHIATRIC).verdict is Verdict.MET

    def test_lab_2014_cites_the_reading_as_interpretation(self) -> None:
        case = discharged(
            date(2018, 10, 1),
            decision_date=date(2018, 9, 20),
            psychiatric_discharge=PsychiatricDischarge(
                discharge_date=date(2018, 9, 25), inpatient=True, psychiatric=True
            ),
        )
        right = finding(case, PSYCHIATRIC)
        assert right.verdict is Verdict.NEEDS_ASSESSMENT
        met = finding(
            attrs.evolve(case, psychiatric_discharge=attrs.evolve(case.psychiatric_discharge, in_connection=YES)),
            PSYCHIATRIC,
        )
        assert met.verdict is Verdict.MET
        assert "bibliotekets læsning" in met.message("da")
        assert [r.kind for r in right.references] == [ReferenceKind.LAW, ReferenceKind.INTERPRETATION]
        assert citations(right) == ("LAB § 31 b, stk. 2", "LAB § 31 b, stk. 2")
        assert "bibliotekets" in right.message("da")
        assert "library's reading" in right.message("en")


# A discharge on 2025-02-28: the window opens 2024-11-28.
LATE_DISCHARGE = date(2025, 2, 28)
EARLIEST = date(2024, 11, 28)


def two_periods(first_end: date, first_start: date = date(2024, 6, 1)):
    """An earlier period ending ``first_end`` and a later one 2024-12-01..2025-05-31 (input order kept)."""
    return complete_case(
        decision_date=date(2024, 12, 1),
        citizen=complete_citizen(target_group=TargetGroup.SICKNESS_BENEFIT),
        periods=(complete_period(first_start, first_end), complete_period(date(2024, 12, 1), date(2025, 5, 31))),
        psychiatric_discharge=PsychiatricDischarge(discharge_date=LATE_DISCHARGE, inpatient=True, psychiatric=True),
    )


class TestUnrelatedEarlierSupport:
    """C2.1: periods that ended before earliest_start never move S."""

    def test_an_earlier_period_ending_the_day_before_the_window_is_unrelated(self) -> None:
        decision = decide(two_periods(EARLIEST - ONE_DAY))
        right = decision.findings_for(PSYCHIATRIC)[0]
        assert right.facts["earliest_start"] == EARLIEST
        assert right.facts["support_start"] == date(2024, 12, 1)
        assert right.facts["minimum_end"] == date(2025, 5, 31)
        assert [f.verdict for f in decision.findings_for(NEW)] == [Verdict.NOT_APPLICABLE, Verdict.NOT_APPLICABLE]
        assert decision.findings_for(NEW)[1].facts["reason"] == "covered"

    @pytest.mark.parametrize("first_end", [EARLIEST, EARLIEST + ONE_DAY])
    def test_an_earlier_period_reaching_the_window_moves_s(self, first_end: date) -> None:
        decision = decide(two_periods(first_end))
        right = decision.findings_for(PSYCHIATRIC)[0]
        assert right.facts["support_start"] == EARLIEST
        assert right.facts["limit"] == date(2025, 5, 27)
        # the earlier period is partly covered: its length is judged against the right's limit
        length = decision.findings_for(LENGTH)[0]
        assert length.verdict is Verdict.MET
        assert length.facts["reason"] == "psychiatric_right_partly"
        assert length.facts["max_end"] == date(2025, 5, 27)
        # the later period ends after the limit: not covered, a new period that needs its assessment
        assert decision.findings_for(NEW)[1].verdict is Verdict.NEEDS_ASSESSMENT


class TestPartlyCovered:
    """C2.2: a period that began before the window and ends inside it."""

    def case(self, start: date, end: date):
        return complete_case(
            decision_date=date(2024, 9, 20),
            citizen=complete_citizen(target_group=TargetGroup.SICKNESS_BENEFIT),
            decisive_need=None,
            periods=(complete_period(start, end),),
            psychiatric_discharge=PsychiatricDischarge(discharge_date=DISCHARGE, inpatient=True, psychiatric=True),
        )

    def test_its_length_is_judged_against_the_limit(self) -> None:
        # window 2024-06-25..2024-12-24 (S = earliest_start, minimum_end 2024-12-24)
        decision = decide(self.case(date(2024, 6, 1), date(2024, 12, 20)))
        length = decision.findings_for(LENGTH)[0]
        assert (length.verdict, length.facts["max_end"], length.facts["reason"]) == (
            Verdict.MET,
            date(2024, 12, 24),
            "psychiatric_right_partly",
        )
        assert "LAB § 167, stk. 2" in citations(length)
        duration = decision.findings_for("agreement.duration")[0]
        assert (duration.verdict, duration.facts["reason"]) == (Verdict.MET, "psychiatric_right_partly")

    def test_every_other_rule_treats_it_as_discretionary(self) -> None:
        decision = decide(self.case(date(2024, 6, 1), date(2024, 12, 20)))
        assert decision.findings_for(DECISIVE)[0].verdict is Verdict.NEEDS_ASSESSMENT  # not covered
        assert decision.findings_for(DECISIVE)[0].facts["basis"] == "grant"

    @pytest.mark.parametrize(
        ("start", "fits"),
        [
            (date(2023, 12, 24), False),  # its own six months end 2024-06-23, before earliest_start - 1 day
            (date(2023, 12, 25), True),  # ... end 2024-06-24 = earliest_start - 1 day
            (date(2023, 12, 26), True),  # ... end 2024-06-25
        ],
    )
    def test_the_discretionary_part_must_fit_in_six_months(self, start: date, fits: bool) -> None:
        length = finding(self.case(start, date(2024, 12, 20)), LENGTH)
        assert (length.facts.get("reason") == "psychiatric_right_partly") is fits
        assert length.verdict is (Verdict.MET if fits else Verdict.NOT_MET)

    def test_a_period_ending_after_the_limit_is_not_partly_covered(self) -> None:
        length = finding(self.case(date(2024, 6, 1), date(2024, 12, 25)), LENGTH)
        assert "reason" not in length.facts
        assert length.verdict is Verdict.NOT_MET


class TestPendingRight:
    """C2.11: a right pending assessment or facts never lets a finding refuse what it might cover."""

    def test_the_issue_example_is_needs_assessment_not_not_met(self) -> None:
        decision = decide(discharged(DISCHARGE + ONE_DAY, decisive_need=NO))
        decisive = decision.findings_for(DECISIVE)[0]
        assert decisive.verdict is Verdict.NEEDS_ASSESSMENT
        assert decisive.facts["pending"] == PSYCHIATRIC
        assert decisive.facts["verdict_without_right"] is Verdict.NOT_MET
        assert decision.verdict is Verdict.NEEDS_ASSESSMENT
        assert [f.rule for f in decision.unresolved()] == [DECISIVE, PSYCHIATRIC]
        assert "ikke er afklaret" in decisive.message("da")
        assert "not yet resolved" in decisive.message("en")

    def test_a_finding_the_right_does_not_change_keeps_its_verdict(self) -> None:
        decision = decide(discharged(DISCHARGE + ONE_DAY, decisive_need=NO, purpose=Purpose.OTHER))
        # from the 2023 amendment the purpose is a condition of the right itself: with "other" the right is
        # not met, so nothing is pending and the purpose is not met
        assert decision.findings_for(PSYCHIATRIC)[0].verdict is Verdict.NOT_MET
        assert decision.findings_for(PURPOSE)[0].verdict is Verdict.NOT_MET
        assert "pending" not in decision.findings_for(PURPOSE)[0].facts
        assert decision.verdict is Verdict.NOT_MET

    def test_findings_the_right_changes_take_its_missing_facts(self) -> None:
        case = discharged(DISCHARGE + ONE_DAY, decisive_need=NO, citizen=Citizen(birth_date=date(1979, 11, 2)))
        decision = decide(case)
        assert decision.findings_for(PSYCHIATRIC)[0].verdict is Verdict.MISSING_FACTS
        decisive = decision.findings_for(DECISIVE)[0]
        assert (decisive.verdict, decisive.facts["pending"]) == (Verdict.MISSING_FACTS, PSYCHIATRIC)

    def test_an_unknown_invocation_day_tries_every_day_on_its_own(self) -> None:
        admitted = date(2024, 8, 1)
        case = complete_case(
            decision_date=date(2024, 8, 1),
            citizen=Citizen(birth_date=date(2004, 5, 1), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY),
            purpose=Purpose.ORDINARY_EDUCATION,
            decisive_need=NO,
            periods=(complete_period(date(2024, 9, 1), date(2025, 2, 28)),),
            education_admission=EducationAdmission(admission_date=admitted, qualifying=True),
        )
        decision = decide(case)
        assert decision.findings_for(EDUCATION)[0].verdict is Verdict.MISSING_FACTS
        decisive = decision.findings_for(DECISIVE)[0]
        assert (decisive.verdict, decisive.facts["pending"]) == (Verdict.MISSING_FACTS, EDUCATION)
        # a period that no single invocation day covers (longer than any window) is not pending
        long_case = attrs.evolve(case, periods=(complete_period(date(2024, 8, 1), date(2025, 3, 31)),))
        assert finding(long_case, DECISIVE).verdict is Verdict.NOT_MET

    def test_flag_compares_within_each_reading(self) -> None:
        decision = decide(discharged(DISCHARGE + ONE_DAY, decisive_need=NO), ambiguous_dates="flag")
        assert decision.findings_for(DECISIVE)[0].verdict is Verdict.NEEDS_ASSESSMENT
        assert decision.findings_for(DECISIVE)[0].facts["pending"] == PSYCHIATRIC

    def test_the_pending_finding_is_written_the_same_by_to_json_and_to_dict(self) -> None:
        import json

        decision = decide(discharged(DISCHARGE + ONE_DAY, decisive_need=NO))
        assert json.loads(decision.to_json(indent=None)) == json.loads(json.dumps(decision.to_dict()))


def company_mentor(**overrides: object):
    return complete_mentor(employer=MentorEmployer.COMPANY, **overrides)


class TestDecisiveNeedBasis:
    """C2.3: § 169, stk. 1 for support to a company or school, the grant condition otherwise."""

    @pytest.mark.parametrize(
        "mentor",
        [
            company_mentor(),
            complete_mentor(employer=MentorEmployer.EDUCATION_INSTITUTION),
            complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.COMPANY),
        ],
    )
    def test_company_or_school_support_applies_under_a_right(self, mentor: object) -> None:
        decision = decide(discharged(DISCHARGE - ONE_DAY, mentor=mentor))
        assert decision.findings_for(PSYCHIATRIC)[0].verdict is Verdict.MET
        decisive = decision.findings_for(DECISIVE)[0]
        assert decisive.verdict is Verdict.NEEDS_ASSESSMENT
        assert decisive.facts["basis"] == "section_169"
        assert citations(decisive) == ("LAB § 169, stk. 1",)
        assert "aktiviteten, tilbuddet eller ansættelsen" in decisive.message("da")
        assert "the activity, the offer or the employment" in decisive.message("en")

    def test_municipal_support_under_a_right_is_not_applicable(self) -> None:
        decisive = finding(discharged(DISCHARGE - ONE_DAY), DECISIVE)
        assert (decisive.verdict, decisive.facts["basis"]) == (Verdict.NOT_APPLICABLE, "grant")

    @pytest.mark.parametrize(
        "mentor",
        [None, complete_mentor(employer=None), complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT)],
    )
    def test_grant_when_the_receiver_cannot_be_told(self, mentor: object) -> None:
        decisive = finding(complete_case(mentor=mentor), DECISIVE)
        assert decisive.facts["basis"] == "grant"
        assert "LAB § 167, stk. 1, 1. pkt." in citations(decisive)

    def test_lab_2014_company_support_cites_old_section_31_d(self) -> None:
        decisive = finding(complete_case_2014(mentor=company_mentor()), DECISIVE)
        assert citations(decisive) == ("LAB § 31 d",)

    def test_lab_2014_grant_is_the_librarys_reading(self) -> None:
        decisive = finding(complete_case_2014(), DECISIVE)
        assert decisive.references[0].kind is ReferenceKind.INTERPRETATION
        assert "bibliotekets læsning" in decisive.message("da")
        assert "library's reading" in decisive.message("en")


def student(purpose: Purpose | None, **overrides: object):
    """A 20-year-old on education benefit admitted 2024-08-01, the right taken up with the period on 2024-09-01."""
    fields: dict[str, object] = {
        "decision_date": date(2024, 8, 20),
        "citizen": Citizen(birth_date=date(2004, 5, 1), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY),
        "purpose": purpose,
        "periods": (complete_period(date(2024, 9, 1), date(2025, 2, 28)),),
        "education_admission": EducationAdmission(
            admission_date=date(2024, 8, 1), qualifying=True, right_invoked_on=date(2024, 9, 1)
        ),
        **overrides,
    }
    return complete_case(**fields)


class TestEducationRightPurpose:
    """C2.4: § 167, stk. 3 names no purpose."""

    @pytest.mark.parametrize("purpose", [None, Purpose.OFFER, Purpose.ORDINARY_EDUCATION])
    def test_the_purpose_is_not_tested(self, purpose: Purpose | None) -> None:
        decision = decide(student(purpose))
        assert decision.findings_for(EDUCATION)[0].verdict is Verdict.MET
        assert decision.findings_for(PURPOSE)[0].verdict is Verdict.NOT_APPLICABLE

    def test_other_needs_the_caseworker(self) -> None:
        purpose = finding(student(Purpose.OTHER), PURPOSE)
        assert purpose.verdict is Verdict.NEEDS_ASSESSMENT
        assert purpose.facts["reason"] == "purpose_other_under_right"
        assert "LAB § 167, stk. 3" in citations(purpose)

    def test_a_period_outside_the_right_tests_the_purpose(self) -> None:
        case = student(Purpose.OTHER, periods=(complete_period(date(2024, 9, 1), date(2025, 3, 1)),))
        assert verdicts(case, PURPOSE) == [Verdict.NOT_MET]

    def test_lab_2014_has_no_education_right(self) -> None:
        case = complete_case_2014(
            education_admission=EducationAdmission(
                admission_date=date(2018, 2, 1), qualifying=True, right_invoked_on=date(2018, 3, 1)
            )
        )
        right = finding(case, EDUCATION)
        assert (right.verdict, right.facts["in_force"]) == (Verdict.NOT_APPLICABLE, False)
        assert [(r.citation, r.kind) for r in right.references] == [("LAB § 31 b", ReferenceKind.INTERPRETATION)]
        assert "§ 167, stk. 3" in right.message("da")
        assert "later" in right.message("en")
