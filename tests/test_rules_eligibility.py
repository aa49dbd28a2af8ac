"""
Examples for :mod:`mentorrules.rules.eligibility`: purpose, decisive need, who may be mentor.

LAB § 167, stk. 1 (the five purposes), § 168 (who may be mentor), § 169, stk. 1
(decisive for support to a company or school); 2014-2019 old §§ 31 b, 31 d, 31 e.
Each test varies the complete case of :mod:`builders` in one respect.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from builders import (
    DECISION_DATE,
    citations,
    complete_case,
    complete_case_2014,
    complete_citizen,
    complete_mentor,
    complete_period,
    decide,
    finding,
    notices,
)
from mentorrules import (
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Engager,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    Purpose,
    ReferenceKind,
    TargetGroup,
    Verdict,
)
from mentorrules.model.words import display


PURPOSE = "eligibility.purpose"
DECISIVE = "eligibility.decisive_need"
MENTOR = "eligibility.mentor"

STATUTORY = [p for p in Purpose if p is not Purpose.OTHER]
STAR_TARGET_GROUP = "STAR: Om mentorstøtte – ordningens målgruppe"
STAR_WHO = "STAR: Om mentorstøtte – hvem kan være mentor (»ingen regler for, hvem der kan være mentor«)"
LOV_1750 = "lov nr. 1750 af 29. december 2025, § 1, nr. 1 (»jobcenteret« ændres til »kommunen«)"


def _education_case(start: date, birth: date | None, **overrides: object) -> Case:
    """Return the complete case for ordinary education with one period from ``start`` (5 months long)."""
    fields: dict[str, object] = {
        "decision_date": start - timedelta(days=10),
        "purpose": Purpose.ORDINARY_EDUCATION,
        "citizen": complete_citizen(birth_date=birth),
        "periods": (complete_period(start, start + timedelta(days=150)),),
        **overrides,
    }
    return complete_case(**fields)


def _psychiatric_case(decision_date: date, *periods: tuple[date, date], **overrides: object) -> Case:
    """Return a case whose psychiatric right (discharge 2023-03-15) covers 2022-12-15..2023-07-31."""
    fields: dict[str, object] = {
        "decision_date": decision_date,
        "periods": tuple(complete_period(start, end) for start, end in periods),
        "psychiatric_discharge": PsychiatricDischarge(
            discharge_date=date(2023, 3, 15), inpatient=True, psychiatric=True
        ),
        **overrides,
    }
    return complete_case(**fields)


#: Inside the psychiatric window of :func:`_psychiatric_case`.
INSIDE = (date(2023, 2, 1), date(2023, 7, 31))
#: Starts the day after the window closes.
OUTSIDE = (date(2023, 8, 1), date(2024, 1, 31))


class TestPurpose:
    """``eligibility.purpose``: LAB § 167, stk. 1, 1. pkt. (old § 31 b, stk. 1)."""

    @pytest.mark.parametrize("purpose", STATUTORY, ids=str)
    def test_each_statutory_purpose_is_met(self, purpose: Purpose) -> None:
        """Support to obtain or keep activities, offers, ordinary education, a flex job or ordinary employment is one of the purposes § 167, stk. 1 allows."""
        found = finding(complete_case(purpose=purpose), PURPOSE)
        assert (Verdict.MET, "", purpose.value) == (found.verdict, found.subject, found.facts["purpose"])
        assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)
        assert display(purpose.value, "en") in found.message("en")

    def test_other_purpose_is_not_met(self) -> None:
        """Support for anything else (housing or finances alone) is outside § 167, stk. 1."""
        found = finding(complete_case(purpose=Purpose.OTHER), PURPOSE)
        assert Verdict.NOT_MET == found.verdict
        assert {"purpose": "other", "reason": "other"} == dict(found.facts)
        assert "cannot be given" in found.message("en")

    def test_unknown_purpose_is_missing_facts(self) -> None:
        """Whether the purpose is one the act allows cannot be told when the purpose is unknown."""
        found = finding(complete_case(purpose=None), PURPOSE)
        assert Verdict.MISSING_FACTS == found.verdict
        assert found.facts["purpose"] is None
        assert "not stated" in found.message("en")

    def test_lab_2014_cites_old_section_31_b(self) -> None:
        """From 2014 to 2019 the purposes were those of old § 31 b, stk. 1."""
        found = finding(complete_case_2014(purpose=Purpose.FLEXJOB), PURPOSE)
        assert Verdict.MET == found.verdict
        assert ("LAB § 31 b, stk. 1",) == citations(found)
        assert "LBK nr. 1342 af 21. november 2016" == found.references[0].source

    def test_ordinary_education_needs_no_age_by_default(self) -> None:
        """The statute names no age limit for ordinary education: a citizen of 40 may get support for it."""
        case = _education_case(date(2024, 3, 1), date(1984, 1, 1))
        found = finding(case, PURPOSE)
        assert Verdict.MET == found.verdict
        assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)

    @pytest.mark.parametrize(
        ("birthday_offset", "expected"),
        [(-1, Verdict.NOT_MET), (0, Verdict.NOT_MET), (1, Verdict.MET)],
        ids=["turns-30-the-day-before", "turns-30-on-the-start", "turns-30-the-day-after"],
    )
    def test_under_30_guidance_on_the_first_start(self, birthday_offset: int, expected: Verdict) -> None:
        """With STAR's guidance, ordinary education needs the citizen to be under 30 (before the 30th birthday) on the first period's start."""
        start = date(2024, 4, 10)
        birthday = start + timedelta(days=birthday_offset)
        case = _education_case(start, birthday.replace(year=birthday.year - 30))
        found = finding(case, PURPOSE, under_30_education_guidance=True)
        assert expected == found.verdict
        assert (expected is Verdict.MET) is found.facts["under_30"]
        assert start == found.facts["first_start"]
        assert ("LAB § 167, stk. 1, 1. pkt.", STAR_TARGET_GROUP) == citations(found)
        assert "2024-04-10" in found.message("da")

    @pytest.mark.parametrize(
        ("born", "expected"), [(date(1988, 4, 11), Verdict.NOT_MET), (date(1988, 4, 12), Verdict.MET)]
    )
    def test_under_30_guidance_under_chapter_9_b(self, born: date, expected: Verdict) -> None:
        """Under lab-2014 the guidance is cited beside old § 31 b, stk. 1 (the day before and of the 30th birthday)."""
        case = _education_case(date(2018, 4, 11), born)
        found = finding(case, PURPOSE, under_30_education_guidance=True)
        assert found.verdict is expected
        assert ("LAB § 31 b, stk. 1", STAR_TARGET_GROUP) == citations(found)

    def test_under_30_uses_the_earliest_period(self) -> None:
        """The age is tested on the first period's start (the earliest), whatever the input order."""
        later = complete_period(date(2024, 10, 1), date(2025, 3, 31))
        case = _education_case(date(2024, 4, 10), date(1994, 4, 11))
        case = complete_case(
            decision_date=case.decision_date, purpose=case.purpose, citizen=case.citizen, periods=(later, *case.periods)
        )
        found = finding(case, PURPOSE, under_30_education_guidance=True)
        assert (Verdict.MET, date(2024, 4, 10)) == (found.verdict, found.facts["first_start"])

    @pytest.mark.parametrize(
        ("mode", "expected"),
        [("favour_citizen", Verdict.MET), ("strict", Verdict.NOT_MET), ("flag", Verdict.NEEDS_ASSESSMENT)],
    )
    def test_born_29_february(self, mode: str, expected: Verdict) -> None:
        """Born 29 February 1992, the 30th birthday is 1 March 2022 favouring the citizen, 28 February strictly; flag asks the caseworker."""
        case = _education_case(date(2022, 2, 28), date(1992, 2, 29))
        found = finding(case, PURPOSE, under_30_education_guidance=True, ambiguous_dates=mode)
        assert expected == found.verdict
        if mode == "flag":
            assert "ambiguous_dates" == found.facts["reason"]
            assert (True, False) == (found.facts["under_30"], found.facts["under_30_strict"])
            assert "29 February" in found.message("en")

    @pytest.mark.parametrize("start", [date(2022, 2, 27), date(2022, 3, 1)])
    def test_born_29_february_not_ambiguous_away_from_the_birthday(self, start: date) -> None:
        """On 27 February 2022 the citizen born 29 February 1992 is under 30 in every reading, on 1 March 2022 in none."""
        case = _education_case(start, date(1992, 2, 29))
        expected = Verdict.MET if start.day == 27 else Verdict.NOT_MET
        assert expected == finding(case, PURPOSE, under_30_education_guidance=True, ambiguous_dates="flag").verdict

    @pytest.mark.parametrize(
        "citizen", [None, Citizen(target_group=TargetGroup.UNEMPLOYMENT_BENEFIT)], ids=["no-citizen", "no-birth-date"]
    )
    def test_unknown_birth_date_is_missing_facts(self, citizen: Citizen | None) -> None:
        """With STAR's guidance the age decides, so an unknown birth date is a missing fact."""
        case = _education_case(date(2024, 3, 1), None, citizen=citizen)
        found = finding(case, PURPOSE, under_30_education_guidance=True)
        assert (Verdict.MISSING_FACTS, "age_unknown", None) == (
            found.verdict,
            found.facts["reason"],
            found.facts["under_30"],
        )
        assert ("LAB § 167, stk. 1, 1. pkt.", STAR_TARGET_GROUP) == citations(found)
        assert "birth date" in found.message("en")

    def test_no_periods_is_missing_facts_under_the_guidance(self) -> None:
        """Without a period there is no first start to test the age on."""
        case = _education_case(date(2024, 3, 1), date(1999, 1, 1), periods=())
        found = finding(case, PURPOSE, under_30_education_guidance=True)
        assert (Verdict.MISSING_FACTS, None) == (found.verdict, found.facts["first_start"])

    @pytest.mark.parametrize("guidance", [False, True])
    def test_guidance_conflict_notice_either_way(self, guidance: bool) -> None:
        """Ordinary education for a citizen not under 30: STAR's guidance and the statute disagree, which a notice says whatever the interpretation."""
        decision = decide(_education_case(date(2024, 4, 10), date(1994, 4, 10)), under_30_education_guidance=guidance)
        (notice,) = notices(decision, "guidance.conflict")
        assert "purpose" == notice["subject"]
        assert "2024-04-10" in notice["da"]
        assert "the act has no age limit" in notice["en"]
        assert (Verdict.NOT_MET if guidance else Verdict.MET) == decision.findings_for(PURPOSE)[0].verdict

    @pytest.mark.parametrize(
        "case",
        [
            _education_case(date(2024, 4, 10), date(1994, 4, 11)),
            _education_case(date(2024, 4, 10), None),
            complete_case(purpose=Purpose.OFFER, citizen=complete_citizen(birth_date=date(1950, 1, 1))),
        ],
        ids=["under-30", "age-unknown", "other-purpose"],
    )
    def test_no_guidance_conflict_otherwise(self, case: Case) -> None:
        """No conflict arises when the citizen is under 30, the age is unknown, or the purpose is not ordinary education."""
        assert () == notices(decide(case, under_30_education_guidance=True), "guidance.conflict")

    def test_no_conflict_notice_when_the_rule_does_not_apply(self) -> None:
        """The conflict notice is raised only where ``eligibility.purpose`` applies."""
        case = _psychiatric_case(
            date(2023, 3, 31),
            INSIDE,
            purpose=Purpose.ORDINARY_EDUCATION,
            citizen=complete_citizen(birth_date=date(1950, 1, 1)),
        )
        decision = decide(case)
        assert Verdict.NOT_APPLICABLE == decision.findings_for(PURPOSE)[0].verdict
        assert () == notices(decision, "guidance.conflict")

    def test_not_applicable_when_the_psychiatric_right_covers_every_period_before_2023_04_01(self) -> None:
        """Before lov nr. 295/2023 the psychiatric right (§ 167, stk. 2) had no purpose condition: support under it needs no purpose."""
        found = finding(_psychiatric_case(date(2023, 3, 31), INSIDE, purpose=None), PURPOSE)
        assert (Verdict.NOT_APPLICABLE, "covered_without_purpose") == (found.verdict, found.facts["reason"])
        assert "2023" in found.message("da")

    def test_applies_from_2023_04_01(self) -> None:
        """From 2023-04-01 (assumed in-force date of lov nr. 295/2023, § 1, nr. 10) the psychiatric right has the purposes of stk. 1."""
        assert Verdict.MET == finding(_psychiatric_case(date(2023, 4, 1), INSIDE), PURPOSE).verdict
        assert (
            Verdict.MISSING_FACTS == finding(_psychiatric_case(date(2023, 4, 1), INSIDE, purpose=None), PURPOSE).verdict
        )

    def test_applies_when_one_period_lies_outside_the_window(self) -> None:
        """A period outside the right's window is discretionary support, which needs a purpose."""
        found = finding(_psychiatric_case(date(2023, 3, 31), INSIDE, OUTSIDE, purpose=Purpose.OTHER), PURPOSE)
        assert Verdict.NOT_MET == found.verdict

    def test_applies_without_periods(self) -> None:
        """With no periods nothing is covered, so the purpose is tested."""
        assert Verdict.MET == finding(_psychiatric_case(date(2023, 3, 31)), PURPOSE).verdict

    @staticmethod
    def _education_right_case(purpose: Purpose | None, *periods: Period, **overrides: object) -> Case:
        """Return a 2024 case whose education right (invoked 2024-03-01) covers 2024-03-01..2024-08-31."""
        fields: dict[str, object] = {
            "purpose": purpose,
            "citizen": complete_citizen(
                birth_date=date(2000, 1, 1), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY
            ),
            "education_admission": EducationAdmission(
                admission_date=date(2024, 2, 1), qualifying=True, right_invoked_on=date(2024, 3, 1)
            ),
            **({"periods": periods} if periods else {}),
            **overrides,
        }
        return complete_case(**fields)

    @pytest.mark.parametrize("purpose", [None, Purpose.OFFER, Purpose.ORDINARY_EDUCATION], ids=str)
    def test_the_education_right_lifts_the_purpose_test(self, purpose: Purpose | None) -> None:
        """The education right (§ 167, stk. 3) names no purpose: when it covers every period the purpose is not tested (C2.4)."""
        decision = decide(self._education_right_case(purpose))
        assert Verdict.MET == decision.findings_for("right.education_admission")[0].verdict
        assert Verdict.NOT_APPLICABLE == decision.findings_for(DECISIVE)[0].verdict
        found = finding(decision, PURPOSE)
        assert (Verdict.NOT_APPLICABLE, {"reason": "covered_without_purpose"}) == (found.verdict, dict(found.facts))
        assert "admission to education" in found.message("en")

    def test_other_purpose_under_the_education_right_needs_assessment(self) -> None:
        """Purpose ``other`` under the education right: the caseworker confirms that the support serves the education (C2.4)."""
        found = finding(self._education_right_case(Purpose.OTHER), PURPOSE)
        assert (Verdict.NEEDS_ASSESSMENT, {"purpose": "other", "reason": "purpose_other_under_right"}) == (
            found.verdict,
            dict(found.facts),
        )
        assert ("LAB § 167, stk. 1, 1. pkt.", "LAB § 167, stk. 3") == citations(found)
        assert "serves the education" in found.message("en")

    def test_other_purpose_with_a_period_outside_the_education_right_is_not_met(self) -> None:
        """A period the right does not cover is discretionary support, which needs one of the act's purposes."""
        inside = complete_period(date(2024, 3, 1), date(2024, 8, 31))
        after = complete_period(date(2024, 9, 1), date(2025, 2, 28), assessment=Assessment(outcome=True))
        found = finding(self._education_right_case(Purpose.OTHER, inside, after), PURPOSE)
        assert (Verdict.NOT_MET, "other") == (found.verdict, found.facts["reason"])
        assert Verdict.NOT_MET == finding(self._education_right_case(Purpose.OTHER, periods=()), PURPOSE).verdict

    @pytest.mark.parametrize(
        ("education_period", "expected"),
        [
            ((date(2024, 3, 1), date(2024, 8, 31)), Verdict.NEEDS_ASSESSMENT),
            ((date(2022, 11, 1), date(2023, 2, 28)), Verdict.NOT_APPLICABLE),
        ],
        ids=["one-period-under-the-education-right-alone", "both-periods-under-the-psychiatric-right"],
    )
    def test_other_purpose_under_both_rights(self, education_period: tuple[date, date], expected: Verdict) -> None:
        """With the pre-2023 psychiatric right and the education right covering the periods, ``other`` needs assessment only if some period is under the education right alone."""
        case = self._education_right_case(
            Purpose.OTHER,
            complete_period(date(2022, 10, 1), date(2023, 1, 31)),
            complete_period(*education_period, assessment=Assessment(outcome=True)),
            decision_date=date(2023, 3, 1),
            psychiatric_discharge=PsychiatricDischarge(
                discharge_date=date(2022, 12, 1), inpatient=True, psychiatric=True
            ),
            education_admission=EducationAdmission(
                admission_date=date(2022, 10, 20) if expected is Verdict.NOT_APPLICABLE else date(2024, 2, 1),
                qualifying=True,
                right_invoked_on=date(2022, 11, 1) if expected is Verdict.NOT_APPLICABLE else date(2024, 3, 1),
            ),
        )
        decision = decide(case)
        assert [Verdict.MET, Verdict.MET] == [
            decision.findings_for(r)[0].verdict for r in ("right.psychiatric_discharge", "right.education_admission")
        ]
        found = finding(decision, PURPOSE)
        assert expected == found.verdict
        assert ("purpose_other_under_right" if expected is Verdict.NEEDS_ASSESSMENT else "covered_without_purpose") == (
            found.facts["reason"]
        )


class TestDecisiveNeed:
    """``eligibility.decisive_need``: the mentor is decisive (§ 169, stk. 1; STAR for every grant)."""

    @pytest.mark.parametrize(
        ("assessment", "expected"),
        [
            (None, Verdict.NEEDS_ASSESSMENT),
            (Assessment(outcome=True, on=date(2024, 2, 1)), Verdict.MET),
            (Assessment(outcome=False, on=date(2024, 2, 1)), Verdict.NOT_MET),
        ],
        ids=["none", "true", "false"],
    )
    def test_reads_the_recorded_assessment(self, assessment: Assessment | None, expected: Verdict) -> None:
        """Whether a mentor is decisive is the caseworker's concrete assessment: none recorded needs one, a recorded one decides."""
        found = finding(complete_case(decisive_need=assessment), DECISIVE)
        assert (expected, "") == (found.verdict, found.subject)
        assert (assessment.on if assessment else None) == found.facts["assessed_on"]

    def test_met_without_a_date(self) -> None:
        """An assessment without a date still decides; the message says the date is unknown."""
        found = finding(complete_case(decisive_need=Assessment(outcome=True)), DECISIVE)
        assert Verdict.MET == found.verdict
        assert "unknown" in found.message("en")

    def test_not_applicable_when_the_psychiatric_right_covers_every_period(self) -> None:
        """Support under the psychiatric right (§ 167, stk. 2) is a right, not discretion: decisive need is not tested."""
        found = finding(_psychiatric_case(date(2023, 4, 1), INSIDE, decisive_need=None), DECISIVE)
        assert (Verdict.NOT_APPLICABLE, "covered_by_right") == (found.verdict, found.facts["reason"])

    def test_not_applicable_when_the_education_right_covers_every_period(self) -> None:
        """Support under the education right (§ 167, stk. 3) does not depend on decisive need."""
        case = complete_case(
            decisive_need=None,
            citizen=complete_citizen(
                birth_date=date(2000, 1, 1), target_group=TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY
            ),
            education_admission=EducationAdmission(
                admission_date=date(2024, 2, 1), qualifying=True, right_invoked_on=date(2024, 3, 1)
            ),
        )
        assert Verdict.NOT_APPLICABLE == finding(case, DECISIVE).verdict

    def test_applies_when_a_period_lies_outside_the_window(self) -> None:
        """A period outside the right's window is discretionary and needs the assessment."""
        found = finding(_psychiatric_case(date(2023, 4, 1), INSIDE, OUTSIDE, decisive_need=None), DECISIVE)
        assert Verdict.NEEDS_ASSESSMENT == found.verdict

    def test_applies_without_periods(self) -> None:
        """With no periods nothing is covered by a right."""
        assert Verdict.MET == finding(_psychiatric_case(date(2023, 4, 1)), DECISIVE).verdict

    @pytest.mark.parametrize(
        "mentor",
        [
            complete_mentor(employer=MentorEmployer.COMPANY),
            complete_mentor(employer=MentorEmployer.EDUCATION_INSTITUTION),
            complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.COMPANY),
            complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.EDUCATION_INSTITUTION),
        ],
        ids=["company", "education-institution", "consultant-of-company", "consultant-of-school"],
    )
    def test_support_to_a_company_or_school_cites_section_169(self, mentor: Mentor) -> None:
        """When a company or school gets support, § 169, stk. 1 requires the mentor to be decisive."""
        found = finding(complete_case(mentor=mentor, decisive_need=None), DECISIVE)
        assert (Verdict.NEEDS_ASSESSMENT, {"basis": "section_169", "assessed_on": None, "reason": "section_169"}) == (
            found.verdict,
            dict(found.facts),
        )
        assert ("LAB § 169, stk. 1",) == citations(found)
        assert "decisive for the activity, the offer or the employment" in found.message("en")

    def test_section_169_applies_even_when_a_right_covers_every_period(self) -> None:
        """§ 169, stk. 1 is a condition of the support to the company or school, not of the grant: a right does not lift it (C2.3)."""
        company = complete_mentor(employer=MentorEmployer.COMPANY)
        covered = _psychiatric_case(date(2023, 4, 1), INSIDE, decisive_need=None, mentor=company)
        assert Verdict.MET == finding(covered, "right.psychiatric_discharge").verdict
        found = finding(covered, DECISIVE)
        assert (Verdict.NEEDS_ASSESSMENT, "section_169") == (found.verdict, found.facts["basis"])
        assessed = attrs.evolve(covered, decisive_need=Assessment(outcome=False))
        assert Verdict.NOT_MET == finding(assessed, DECISIVE).verdict
        grant = finding(attrs.evolve(covered, mentor=complete_mentor()), DECISIVE)
        assert (Verdict.NOT_APPLICABLE, {"basis": "grant", "reason": "covered_by_right"}) == (
            grant.verdict,
            dict(grant.facts),
        )

    @pytest.mark.parametrize(
        "mentor",
        [
            None,
            complete_mentor(employer=None),
            complete_mentor(employer=MentorEmployer.MUNICIPALITY),
            complete_mentor(employer=MentorEmployer.OTHER),
            complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.MUNICIPALITY),
            complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=None),
        ],
        ids=[
            "no-mentor",
            "employer-unknown",
            "municipality",
            "other",
            "consultant-of-municipality",
            "consultant-engager-unknown",
        ],
    )
    def test_other_support_cites_section_167_and_star(self, mentor: Mentor | None) -> None:
        """Outside § 169 the requirement is STAR's reading of the discretion in § 167, stk. 1."""
        found = finding(complete_case(mentor=mentor), DECISIVE)
        assert (Verdict.MET, {"basis": "grant", "assessed_on": DECISION_DATE}) == (found.verdict, dict(found.facts))
        assert ("LAB § 167, stk. 1, 1. pkt.", STAR_TARGET_GROUP) == citations(found)
        assert ReferenceKind.GUIDANCE == found.references[1].kind

    def test_lab_2014_company_cites_old_section_31_d(self) -> None:
        """From 2014 to 2019 the company/school condition was old § 31 d."""
        found = finding(complete_case_2014(mentor=complete_mentor(employer=MentorEmployer.COMPANY)), DECISIVE)
        assert ("LAB § 31 d",) == citations(found)
        assert (ReferenceKind.LAW, "section_169") == (found.references[0].kind, found.facts["basis"])

    def test_lab_2014_otherwise_cites_old_section_31_b(self) -> None:
        """From 2014 to 2019 the discretion was old § 31 b, stk. 1."""
        found = finding(complete_case_2014(decisive_need=Assessment(outcome=False)), DECISIVE)
        assert Verdict.NOT_MET == found.verdict
        assert ("LAB § 31 b, stk. 1", STAR_TARGET_GROUP) == citations(found)

    @pytest.mark.parametrize(
        "assessment", [Assessment(outcome=True), Assessment(outcome=False), None], ids=["yes", "no", "none"]
    )
    def test_lab_2014_grant_condition_is_the_librarys_reading(self, assessment: Assessment | None) -> None:
        """Old § 31 b, stk. 1 does not state the grant condition: it is cited as interpretation, and the texts say so (C2.7)."""
        found = finding(complete_case_2014(decisive_need=assessment), DECISIVE)
        assert "grant" == found.facts["basis"]
        assert (ReferenceKind.INTERPRETATION, ReferenceKind.GUIDANCE) == tuple(r.kind for r in found.references)
        assert "bibliotekets læsning" in found.message("da")
        assert "library's reading" in found.message("en")


class TestMentor:
    """``eligibility.mentor``: LAB § 168 (who may be mentor)."""

    @pytest.mark.parametrize(
        "employer", [MentorEmployer.COMPANY, MentorEmployer.EDUCATION_INSTITUTION, MentorEmployer.MUNICIPALITY], ids=str
    )
    def test_an_employee_may_be_mentor(self, employer: MentorEmployer) -> None:
        """§ 168, 1. pkt.: employees of a company, an education institution or the municipality may be mentor."""
        found = finding(complete_case(mentor=complete_mentor(employer=employer)), MENTOR)
        assert (Verdict.MET, {"employer": employer.value}) == (found.verdict, dict(found.facts))
        assert ("LAB § 168",) == citations(found)

    @pytest.mark.parametrize("engaged_by", list(Engager), ids=str)
    def test_a_consultant_engaged_by_one_of_them_may_be_mentor(self, engaged_by: Engager) -> None:
        """§ 168, 2. pkt.: an external consultant engaged by the company, the school or the job centre may be mentor."""
        mentor = complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=engaged_by)
        found = finding(complete_case(mentor=mentor), MENTOR)
        assert Verdict.MET == found.verdict
        assert {"employer": "external_consultant", "engaged_by": engaged_by.value, "reason": "consultant"} == dict(
            found.facts
        )
        assert display(engaged_by.value, "da") in found.message("da")

    @pytest.mark.parametrize(
        ("decision_date", "authority"),
        [(date(2026, 1, 31), "jobcenteret"), (date(2026, 2, 1), "kommunen")],
    )
    def test_a_consultant_without_engager_is_missing_facts(self, decision_date: date, authority: str) -> None:
        """Whether a consultant may be mentor depends on who engaged them (§ 168, 2. pkt.); unknown is a missing fact."""
        mentor = complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT)
        case = complete_case(
            decision_date=decision_date, mentor=mentor, periods=(complete_period(date(2026, 2, 1), date(2026, 7, 31)),)
        )
        found = finding(case, MENTOR)
        assert (Verdict.MISSING_FACTS, "engager_unknown") == (found.verdict, found.facts["reason"])
        assert authority in found.message("da")

    @pytest.mark.parametrize("mentor", [None, Mentor(name="Mette Jensen")], ids=["no-mentor", "employer-unknown"])
    def test_unknown_employer_is_missing_facts(self, mentor: Mentor | None) -> None:
        """Without the mentor's employer § 168 cannot be applied."""
        found = finding(complete_case(mentor=mentor), MENTOR)
        assert (Verdict.MISSING_FACTS, None) == (found.verdict, found.facts["employer"])

    def test_other_mentor_is_not_met_under_strict_categories(self) -> None:
        """A relative or volunteer is outside the categories of § 168 (the default, strict reading)."""
        found = finding(complete_case(mentor=complete_mentor(employer=MentorEmployer.OTHER)), MENTOR)
        assert (Verdict.NOT_MET, "other") == (found.verdict, found.facts["reason"])
        assert ("LAB § 168",) == citations(found)

    def test_other_mentor_needs_assessment_without_strict_categories(self) -> None:
        """STAR says there are no rules on who may be mentor: with that reading the caseworker assesses the mentor."""
        found = finding(
            complete_case(mentor=complete_mentor(employer=MentorEmployer.OTHER)), MENTOR, strict_mentor_categories=False
        )
        assert Verdict.NEEDS_ASSESSMENT == found.verdict
        assert ("LAB § 168", STAR_WHO) == citations(found)
        assert ReferenceKind.GUIDANCE == found.references[1].kind

    def test_non_strict_categories_do_not_change_the_statutory_categories(self) -> None:
        """A municipal employee is met whatever the reading of STAR's guidance."""
        assert Verdict.MET == finding(complete_case(), MENTOR, strict_mentor_categories=False).verdict

    def test_lab_2014_cites_section_31_e_as_interpretation(self) -> None:
        """Old chapter 9 b names no categories; the library applies those of § 168, citing § 31 e as its interpretation."""
        found = finding(complete_case_2014(), MENTOR)
        assert Verdict.MET == found.verdict
        (reference,) = found.references
        assert ("LAB § 31 e, stk. 1", ReferenceKind.INTERPRETATION) == (reference.citation, reference.kind)
        assert reference.note is not None

    def test_lab_2014_messages_say_the_categories_are_the_librarys(self) -> None:
        """Under lab-2014 the messages do not claim that the act names mentor categories."""
        other = complete_mentor(employer=MentorEmployer.OTHER)
        strict = finding(complete_case_2014(mentor=other), MENTOR)
        lenient = finding(complete_case_2014(mentor=other), MENTOR, strict_mentor_categories=False)
        consultant = finding(
            complete_case_2014(
                mentor=complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.MUNICIPALITY)
            ),
            MENTOR,
        )
        assert (Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MET) == (
            strict.verdict,
            lenient.verdict,
            consultant.verdict,
        )
        assert "§ 31 e" in strict.message("da")
        assert ("LAB § 31 e, stk. 1", STAR_WHO) == citations(lenient)
        for found in (strict, lenient, consultant, finding(complete_case_2014(), MENTOR)):
            assert "9 b" in found.message("da")
            assert "9 b" in found.message("en")
        # The message names who engaged the consultant (C2: "som {engaged_by} har indgået aftale med").
        assert "som kommunen har indgået aftale med" in consultant.message("da")
        assert "engaged by the municipality" in consultant.message("en")

    @pytest.mark.parametrize(
        ("decision_date", "authority"),
        [(date(2026, 1, 31), "the job centre"), (date(2026, 2, 1), "the municipality")],
    )
    def test_consultant_message_names_the_authority_of_the_day(self, decision_date: date, authority: str) -> None:
        """§ 168, 2. pkt. says "jobcenteret" until lov nr. 1750/2025 and "kommunen" after it."""
        mentor = complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.MUNICIPALITY)
        case = complete_case(
            decision_date=decision_date, mentor=mentor, periods=(complete_period(date(2026, 2, 2), date(2026, 8, 1)),)
        )
        assert authority in finding(case, MENTOR).message("en")

    @pytest.mark.parametrize(
        ("decision_date", "cited"),
        [(date(2026, 1, 31), False), (date(2026, 2, 1), True), (date(2026, 2, 2), True)],
        ids=["day-before", "day-of", "day-after"],
    )
    def test_lov_1750_2025_is_cited_from_2026_02_01(self, decision_date: date, cited: bool) -> None:
        """From 2026-02-01 (assumed, unverified) § 168 reads "kommunen" for "jobcenteret" (lov nr. 1750/2025, § 1, nr. 1)."""
        case = complete_case(
            decision_date=decision_date, periods=(complete_period(date(2026, 2, 2), date(2026, 8, 1)),)
        )
        decision = decide(case)
        found = finding(decision, MENTOR)
        expected = ("LAB § 168", LOV_1750) if cited else ("LAB § 168",)
        assert expected == citations(found)
        unverified = [n["facts"]["citation"] for n in notices(decision, "law.unverified")]
        assert (LOV_1750 in unverified) is cited
