"""
Examples for :mod:`mentorrules.rules.rights`: the psychiatric-discharge and education-admission rights.

LAB § 167, stk. 2 (old § 31 b, stk. 2): a person in a § 6 group discharged from
psychiatric admission has a right to mentor support from up to 3 months before
the discharge and for at least 6 months in all (from 2023 with the purposes of
stk. 1).  LAB § 167, stk. 3: a person in § 6, nr. 4 or 5 admitted to a
qualifying education has a right to support for up to 6 months from when the
right is used, used within 6 months of the admission.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import attrs
import pytest

from builders import citations, complete_case, complete_citizen, complete_period, decide, finding, notices
from mentorrules import (
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Period,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Verdict,
)
from mentorrules.engine.notices import NOTICE_EXPLAINER
from mentorrules.law.interpretation import AmbiguousDates, Interpretation
from mentorrules.law.versions import snapshot_for
from mentorrules.model.references import ReferenceKind
from mentorrules.model.words import display
from mentorrules.rules._base import Context
from mentorrules.rules._coverage import Window
from mentorrules.rules.rights import EDUCATION as EDUCATION_RIGHT


PSYCHIATRIC = "right.psychiatric_discharge"
EDUCATION = "right.education_admission"
DECISIVE = "eligibility.decisive_need"
ONE_DAY = timedelta(days=1)
LOV_295 = "lov nr. 295 af 20. marts 2023, § 1, nr. 10"
GROUPS_OF_SECTION_6 = [g for g in TargetGroup if g is not TargetGroup.NONE]
EDUCATION_GROUPS = [TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY, TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY]

#: Discharge 2024-06-30: the window opens 2024-03-30; from a start on 2024-04-01 the right lasts to 2024-09-30.
DISCHARGE = date(2024, 6, 30)


def _discharge(day: date = DISCHARGE, *, inpatient: bool = True, psychiatric: bool = True) -> PsychiatricDischarge:
    return PsychiatricDischarge(discharge_date=day, inpatient=inpatient, psychiatric=psychiatric)


def _psychiatric(*periods: Period, **overrides: object) -> Case:
    """Return the complete case (decided 2024-03-20) with a discharge on 2024-06-30 and ``periods``."""
    fields: dict[str, object] = {
        "decision_date": date(2024, 3, 20),
        "psychiatric_discharge": _discharge(),
        "periods": periods or (complete_period(date(2024, 4, 1), date(2024, 9, 30)),),
        **overrides,
    }
    return complete_case(**fields)


class TestPsychiatricDischarge:
    """``right.psychiatric_discharge``: LAB § 167, stk. 2 (old § 31 b, stk. 2)."""

    def test_not_applicable_without_a_discharge(self) -> None:
        """The right concerns only a discharge from psychiatric admission."""
        found = finding(complete_case(), PSYCHIATRIC)
        assert (Verdict.NOT_APPLICABLE, "no_discharge") == (found.verdict, found.facts["reason"])

    def test_met_and_covering(self) -> None:
        """A person in a § 6 group discharged from psychiatric in-patient admission has the right: from 3 months before, 6 months in all."""
        found = finding(_psychiatric(), PSYCHIATRIC)
        assert (Verdict.MET, "") == (found.verdict, found.subject)
        assert {
            "discharge_date": DISCHARGE,
            "earliest_start": date(2024, 3, 30),
            "support_start": date(2024, 4, 1),
            "minimum_end": date(2024, 9, 30),
            "limit": date(2024, 9, 30),
            "failed": (),
            "unknown": (),
            "unassessed": (),
        } == dict(found.facts)
        assert ("LAB § 167, stk. 2", "BEK § 128, stk. 1", LOV_295) == citations(found)
        assert "2024-03-30" in found.message("da")

    @pytest.mark.parametrize(
        ("decision_date", "bek_section"),
        [(date(2021, 3, 1), "125"), (date(2022, 3, 1), "127"), (date(2024, 3, 1), "128")],
    )
    def test_cites_the_notification_section_of_the_bek_in_force(self, decision_date: date, bek_section: str) -> None:
        """The region's notification duty is § 125 in BEK 1180/2019 and 2006/2020, § 127 in 2636/2021, § 128 in 1216/2023."""
        found = finding(_psychiatric(decision_date=decision_date), PSYCHIATRIC)
        assert f"BEK § {bek_section}, stk. 1" == found.references[1].citation

    @pytest.mark.parametrize(
        ("decision_date", "verified"),
        [(date(2024, 2, 29), False), (date(2024, 3, 1), True)],
        ids=["before-LBK-280-2024", "from-LBK-280-2024"],
    )
    def test_lov_295_2023_is_verified_from_lbk_280_2024(self, decision_date: date, verified: bool) -> None:
        """The purpose words of lov nr. 295/2023 are certain from LBK 280/2024 (2024-03-01); before it their in-force date is assumed."""
        decision = decide(_psychiatric(decision_date=decision_date))
        (reference,) = [r for r in finding(decision, PSYCHIATRIC).references if r.citation == LOV_295]
        assert verified is reference.verified
        assert (not verified) is any(n["facts"]["citation"] == LOV_295 for n in notices(decision, "law.unverified"))

    @pytest.mark.parametrize("group", GROUPS_OF_SECTION_6, ids=str)
    def test_every_group_of_section_6(self, group: TargetGroup) -> None:
        """Every person "omfattet af § 6" has the right, whatever the group."""
        assert Verdict.MET == finding(_psychiatric(citizen=complete_citizen(target_group=group)), PSYCHIATRIC).verdict

    def test_not_in_section_6_is_not_met(self) -> None:
        """A person outside § 6 (an ordinary employee, a self-supporting person) has no right under stk. 2."""
        case = _psychiatric(citizen=complete_citizen(target_group=TargetGroup.NONE), decisive_need=None)
        decision = decide(case)
        found = finding(decision, PSYCHIATRIC)
        assert (Verdict.NOT_MET, ("target_group",), "failed") == (
            found.verdict,
            found.facts["failed"],
            found.facts["reason"],
        )
        # A right not met covers nothing: decisive need applies to the period inside its window.
        assert Verdict.NEEDS_ASSESSMENT == finding(decision, DECISIVE).verdict
        assert "pending" not in finding(decision, DECISIVE).facts
        assert display("target_group", "da") in found.message("da")
        assert "Support may still be given under the discretionary rule" in found.message("en")

    @pytest.mark.parametrize("citizen", [None, Citizen(birth_date=date(1990, 1, 1))], ids=["no-citizen", "no-group"])
    def test_unknown_group_is_missing_facts(self, citizen: Citizen | None) -> None:
        """Whether the person is within § 6 cannot be told without the target group."""
        found = finding(_psychiatric(citizen=citizen), PSYCHIATRIC)
        assert (Verdict.MISSING_FACTS, ("target_group",), "unknown") == (
            found.verdict,
            found.facts["unknown"],
            found.facts["reason"],
        )
        assert display("target_group", "en") in found.message("en")

    @pytest.mark.parametrize(
        ("inpatient", "psychiatric", "failed"),
        [(False, True, ("inpatient",)), (True, False, ("psychiatric",)), (False, False, ("inpatient", "psychiatric"))],
        ids=["out-patient", "somatic", "both"],
    )
    def test_only_psychiatric_in_patient_admission(
        self, inpatient: bool, psychiatric: bool, failed: tuple[str, ...]
    ) -> None:
        """The right covers psychiatric in-patients: not out-patient or day treatment, not somatic admissions."""
        found = finding(
            _psychiatric(psychiatric_discharge=_discharge(inpatient=inpatient, psychiatric=psychiatric)), PSYCHIATRIC
        )
        assert (Verdict.NOT_MET, failed, "failed") == (found.verdict, found.facts["failed"], found.facts["reason"])

    def test_a_failed_condition_outweighs_an_unknown_one(self) -> None:
        """A right is not met when a known condition fails, even if another condition's fact is unknown."""
        found = finding(_psychiatric(citizen=None, psychiatric_discharge=_discharge(inpatient=False)), PSYCHIATRIC)
        assert (Verdict.NOT_MET, ("inpatient",), ("target_group",)) == (
            found.verdict,
            found.facts["failed"],
            found.facts["unknown"],
        )

    @pytest.mark.parametrize(
        ("decision_date", "purpose", "expected"),
        [
            (date(2023, 3, 31), Purpose.OTHER, Verdict.MET),
            (date(2023, 3, 31), None, Verdict.MET),
            (date(2023, 4, 1), Purpose.OTHER, Verdict.NOT_MET),
            (date(2023, 4, 1), None, Verdict.MISSING_FACTS),
            (date(2023, 4, 1), Purpose.ACTIVITY, Verdict.MET),
        ],
        ids=["2023-03-31-other", "2023-03-31-unknown", "2023-04-01-other", "2023-04-01-unknown", "2023-04-01-activity"],
    )
    def test_purpose_condition_from_2023_04_01(
        self, decision_date: date, purpose: Purpose | None, expected: Verdict
    ) -> None:
        """From 2023-04-01 (lov nr. 295/2023, § 1, nr. 10, assumed date) the right is "med samme formål som efter stk. 1"."""
        case = _psychiatric(
            complete_period(date(2023, 3, 1), date(2023, 8, 31)),
            decision_date=decision_date,
            purpose=purpose,
            psychiatric_discharge=_discharge(date(2023, 5, 15)),
        )
        found = finding(case, PSYCHIATRIC)
        assert expected == found.verdict
        # Cited from the day after the act (2023-03-21): in force from the assumed 2023-04-01, and before
        # that cited as unverified because the right's conditions depend on the assumed date.
        assert LOV_295 in citations(found)
        (amendment,) = [r for r in found.references if r.citation == LOV_295]
        assert amendment.verified is False
        if expected is Verdict.NOT_MET:
            assert ("purpose",) == found.facts["failed"]
        if expected is Verdict.MISSING_FACTS:
            assert ("purpose",) == found.facts["unknown"]

    @pytest.mark.parametrize(
        ("mode", "earliest"),
        [("favour_citizen", date(2025, 2, 28)), ("strict", date(2025, 3, 1)), ("flag", date(2025, 2, 28))],
    )
    def test_window_opening_at_a_month_end(self, mode: str, earliest: date) -> None:
        """3 months before 2025-05-31 is "2025-02-31": the window opens 2025-02-28 favouring the citizen, 2025-03-01 strictly."""
        case = _psychiatric(
            complete_period(date(2025, 3, 1), date(2025, 8, 31)),
            decision_date=date(2025, 2, 20),
            psychiatric_discharge=_discharge(date(2025, 5, 31)),
        )
        found = finding(case, PSYCHIATRIC, ambiguous_dates=mode)
        assert (Verdict.MET, earliest) == (found.verdict, found.facts["earliest_start"])
        assert (date(2025, 3, 1), date(2025, 8, 31)) == (found.facts["support_start"], found.facts["minimum_end"])
        if mode == "flag":
            assert date(2025, 3, 1) == found.facts["earliest_start_strict"]

    def test_a_period_from_the_citizen_reading_of_the_opening_is_ambiguous(self) -> None:
        """A period starting 2025-02-28 is covered only under the citizen's reading; flag asks whether decisive need applies."""
        case = _psychiatric(
            complete_period(date(2025, 2, 28), date(2025, 8, 27)),
            decision_date=date(2025, 2, 20),
            decisive_need=None,
            psychiatric_discharge=_discharge(date(2025, 5, 31)),
        )
        assert Verdict.NOT_APPLICABLE == finding(case, DECISIVE).verdict
        assert Verdict.NEEDS_ASSESSMENT == finding(case, DECISIVE, ambiguous_dates="strict").verdict
        flagged = finding(case, DECISIVE, ambiguous_dates="flag")
        assert (Verdict.NEEDS_ASSESSMENT, "ambiguous_dates") == (flagged.verdict, flagged.facts["reason"])
        right = finding(case, PSYCHIATRIC, ambiguous_dates="flag")
        assert (date(2025, 2, 28), date(2025, 3, 1)) == (
            right.facts["support_start"],
            right.facts["support_start_strict"],
        )

    def test_support_start_is_the_window_opening_when_a_period_starts_earlier(self) -> None:
        """Support before the window (more than 3 months before the discharge) does not move the start of the 6 months."""
        earlier = complete_period(date(2024, 1, 1), date(2024, 3, 29))
        inside = complete_period(date(2024, 3, 30), date(2024, 9, 29))
        found = finding(_psychiatric(earlier, inside), PSYCHIATRIC)
        assert (date(2024, 3, 30), date(2024, 9, 29)) == (found.facts["support_start"], found.facts["minimum_end"])
        decision = decide(_psychiatric(earlier, inside))
        assert [Verdict.NOT_APPLICABLE, Verdict.NOT_APPLICABLE] == [
            f.verdict for f in decision.findings_for("duration.new_period")
        ]
        assert Verdict.MET == decision.findings_for(DECISIVE)[0].verdict  # the earlier period is discretionary

    @pytest.mark.parametrize("start", [DISCHARGE - ONE_DAY, DISCHARGE], ids=["day-before-discharge", "on-discharge"])
    def test_support_starting_by_the_discharge_needs_no_in_connection_assessment(self, start: date) -> None:
        """Support starting on or before the discharge is within the right without any assessment of its connection (C2.1)."""
        for in_connection in (None, Assessment(outcome=False)):
            case = _psychiatric(
                complete_period(start, start + timedelta(days=150)),
                decisive_need=None,
                psychiatric_discharge=attrs.evolve(_discharge(), in_connection=in_connection),
            )
            found = finding(case, PSYCHIATRIC)
            assert (Verdict.MET, start, (), ()) == (
                found.verdict,
                found.facts["support_start"],
                found.facts["failed"],
                found.facts["unassessed"],
            )
            assert "reason" not in found.facts
            assert "BEK § 128, stk. 3" not in citations(found)
            assert Verdict.NOT_APPLICABLE == finding(case, DECISIVE).verdict

    @pytest.mark.parametrize(
        ("in_connection", "verdict", "reason", "decisive"),
        [
            (None, Verdict.NEEDS_ASSESSMENT, "start_after_discharge", Verdict.NEEDS_ASSESSMENT),
            (True, Verdict.MET, "start_after_discharge", Verdict.NOT_APPLICABLE),
            (False, Verdict.NOT_MET, "start_not_in_connection", Verdict.NEEDS_ASSESSMENT),
        ],
        ids=["not-assessed", "in-connection", "not-in-connection"],
    )
    def test_support_starting_after_the_discharge_needs_the_in_connection_assessment(
        self, in_connection: bool | None, verdict: Verdict, reason: str | None, decisive: Verdict
    ) -> None:
        """Support first starting after the discharge is under the right only "i forbindelse med udskrivningen" (BEK § 128, stk. 3; C2.1)."""
        start = DISCHARGE + ONE_DAY
        assessment = None if in_connection is None else Assessment(outcome=in_connection)
        case = _psychiatric(
            complete_period(start, start + timedelta(days=150)),
            decisive_need=None,
            psychiatric_discharge=attrs.evolve(_discharge(), in_connection=assessment),
        )
        decision = decide(case)
        found = finding(decision, PSYCHIATRIC)
        assert (verdict, start, date(2024, 12, 31)) == (
            found.verdict,
            found.facts["support_start"],
            found.facts["minimum_end"],
        )
        assert reason == found.facts.get("reason")
        assert (("in_connection",) if in_connection is False else ()) == found.facts["failed"]
        assert (("in_connection",) if in_connection is None else ()) == found.facts["unassessed"]
        assert ("LAB § 167, stk. 2", "BEK § 128, stk. 1", LOV_295, "BEK § 128, stk. 3") == citations(found)
        if in_connection is not True:
            assert "after the discharge" in found.message("en")
        need = finding(decision, DECISIVE)
        assert decisive == need.verdict
        if in_connection is None:
            # The pending right might cover the period: decisive need waits on it (C2.11).
            assert (PSYCHIATRIC, Verdict.NEEDS_ASSESSMENT) == (
                need.facts["pending"],
                need.facts["verdict_without_right"],
            )
            assert need in decision.unresolved()
            assert found in decision.unresolved()
        else:
            assert "pending" not in need.facts
            assert found not in decision.unresolved()

    @pytest.mark.parametrize(
        ("target_group", "expected"),
        [(TargetGroup.NONE, Verdict.NOT_MET), (None, Verdict.MISSING_FACTS)],
        ids=["failed", "unknown"],
    )
    def test_a_failed_or_unknown_condition_wins_over_the_connection_but_keeps_its_reason(
        self, target_group: TargetGroup | None, expected: Verdict
    ) -> None:
        """A failed or unknown condition gives the verdict; the facts keep the reason start_after_discharge."""
        start = DISCHARGE + ONE_DAY
        case = _psychiatric(
            complete_period(start, start + timedelta(days=150)),
            citizen=complete_citizen(target_group=target_group),
        )
        found = finding(case, PSYCHIATRIC)
        assert (expected, "start_after_discharge", ("in_connection",)) == (
            found.verdict,
            found.facts["reason"],
            found.facts["unassessed"],
        )

    def test_a_period_that_ended_before_the_window_does_not_move_the_support_start(self) -> None:
        """Earlier, unrelated support that ended before the window opened never moves S (C2.1)."""
        earlier = complete_period(date(2023, 9, 1), date(2024, 3, 29))
        later = complete_period(date(2024, 7, 10), date(2024, 12, 31))
        found = finding(_psychiatric(earlier, later), PSYCHIATRIC)
        assert (date(2024, 7, 10), date(2025, 1, 9), "start_after_discharge") == (
            found.facts["support_start"],
            found.facts["minimum_end"],
            found.facts["reason"],
        )
        ending_in_window = complete_period(date(2023, 10, 1), date(2024, 3, 30))
        found = finding(_psychiatric(ending_in_window, later), PSYCHIATRIC)
        assert (Verdict.MET, date(2024, 3, 30)) == (found.verdict, found.facts["support_start"])

    @pytest.mark.parametrize(
        ("end", "covered"),
        [(date(2024, 9, 29), True), (date(2024, 9, 30), True), (date(2024, 10, 1), False)],
        ids=["day-before-minimum-end", "on-minimum-end", "day-after-minimum-end"],
    )
    def test_a_covered_period_ends_by_the_minimum_end(self, end: date, covered: bool) -> None:
        """Periods within earliest_start..minimum_end are covered; one ending the day after is discretionary."""
        case = _psychiatric(complete_period(date(2024, 4, 1), end), decisive_need=None)
        assert (Verdict.NOT_APPLICABLE if covered else Verdict.NEEDS_ASSESSMENT) == finding(case, DECISIVE).verdict

    def test_no_periods(self) -> None:
        """Without a period ending in the window the right is judged on its conditions alone and covers nothing (C2.1)."""
        found = finding(complete_case(psychiatric_discharge=_discharge(), periods=()), PSYCHIATRIC)
        assert (Verdict.MET, date(2024, 3, 30), None, None, None) == (
            found.verdict,
            found.facts["earliest_start"],
            found.facts["support_start"],
            found.facts["minimum_end"],
            found.facts["limit"],
        )
        before = complete_period(date(2023, 10, 1), date(2024, 3, 29))
        decision = decide(_psychiatric(before, decisive_need=None))
        found = finding(decision, PSYCHIATRIC)
        assert (Verdict.MET, None, None) == (found.verdict, found.facts["support_start"], found.facts["limit"])
        assert Verdict.NEEDS_ASSESSMENT == finding(decision, DECISIVE).verdict  # the earlier period is not covered

    def test_may_exceed_six_months(self) -> None:
        """With ``psychiatric_period_may_exceed_six_months`` ("mindst 6 måneder") the window runs to 6 months after the discharge."""
        case = _psychiatric(complete_period(date(2024, 4, 1), date(2024, 12, 29)), decisive_need=None)
        found = finding(case, PSYCHIATRIC, psychiatric_period_may_exceed_six_months=True)
        assert (date(2024, 9, 30), date(2024, 12, 29)) == (found.facts["minimum_end"], found.facts["limit"])
        assert Verdict.NOT_APPLICABLE == finding(case, DECISIVE, psychiatric_period_may_exceed_six_months=True).verdict
        assert Verdict.NEEDS_ASSESSMENT == finding(case, DECISIVE).verdict
        over = _psychiatric(complete_period(date(2024, 4, 1), date(2024, 12, 30)), decisive_need=None)
        assert (
            Verdict.NEEDS_ASSESSMENT == finding(over, DECISIVE, psychiatric_period_may_exceed_six_months=True).verdict
        )

    def test_one_period_inside_and_one_outside(self) -> None:
        """Only the period inside the window is covered; the other is discretionary, so decisive need applies."""
        inside = complete_period(date(2024, 4, 1), date(2024, 9, 30))
        outside = complete_period(date(2024, 10, 1), date(2025, 3, 31))
        decision = decide(_psychiatric(inside, outside, decisive_need=None))
        assert Verdict.NEEDS_ASSESSMENT == decision.findings_for(DECISIVE)[0].verdict
        assert [Verdict.NOT_APPLICABLE, Verdict.NEEDS_ASSESSMENT] == [
            f.verdict for f in decision.findings_for("duration.new_period")
        ]

    def test_lab_2014(self) -> None:
        """From 2014 to 2019 the right was old § 31 b, stk. 2 ("Personer, der er omfattet af § 2"), without a purpose condition."""
        case = complete_case(
            decision_date=date(2018, 3, 20),
            purpose=Purpose.OTHER,
            psychiatric_discharge=_discharge(date(2018, 6, 30)),
            periods=(complete_period(date(2018, 4, 1), date(2018, 9, 30)),),
        )
        found = finding(case, PSYCHIATRIC)
        assert Verdict.MET == found.verdict
        assert ("LAB § 31 b, stk. 2",) == citations(found)
        failed = finding(attrs.evolve(case, citizen=complete_citizen(target_group=TargetGroup.NONE)), PSYCHIATRIC)
        assert Verdict.NOT_MET == failed.verdict
        assert "§ 2" in failed.message("da")
        assert "§ 6" not in failed.message("da")


#: Admission 2024-02-01, right used 2024-03-01: deadline 2024-07-31, entitled until 2024-08-31.
ADMISSION = date(2024, 2, 1)
INVOKED = date(2024, 3, 1)


def _admission(
    admission: date = ADMISSION, invoked: date | None = INVOKED, *, qualifying: bool = True
) -> EducationAdmission:
    return EducationAdmission(admission_date=admission, qualifying=qualifying, right_invoked_on=invoked)


def _education(*periods: Period, **overrides: object) -> Case:
    """Return the complete case (decided 2024-02-20) of a 24-year-old on education benefit admitted 2024-02-01."""
    fields: dict[str, object] = {
        "citizen": Citizen(birth_date=date(2000, 1, 1), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY),
        "education_admission": _admission(),
        "periods": periods or (complete_period(INVOKED, date(2024, 8, 31)),),
        **overrides,
    }
    return complete_case(**fields)


class TestEducationAdmission:
    """``right.education_admission``: LAB § 167, stk. 3."""

    def test_not_applicable_without_an_admission(self) -> None:
        """The right concerns only an admission to education."""
        found = finding(complete_case(), EDUCATION)
        assert (Verdict.NOT_APPLICABLE, "no_admission") == (found.verdict, found.facts["reason"])

    def test_met_and_covering(self) -> None:
        """A person in § 6, nr. 4 or 5, under 30, admitted to a qualifying education and using the right within 6 months has it for 6 months."""
        decision = decide(_education(decisive_need=None))
        found = finding(decision, EDUCATION)
        assert Verdict.MET == found.verdict
        assert {
            "in_force": True,
            "admission_date": ADMISSION,
            "invocation_deadline": date(2024, 7, 31),
            "right_invoked_on": INVOKED,
            "entitled_until": date(2024, 8, 31),
            "failed": (),
            "unknown": (),
        } == dict(found.facts)
        assert ("LAB § 167, stk. 3",) == citations(found)
        assert found.references[0].verified
        assert Verdict.NOT_APPLICABLE == decision.findings_for(DECISIVE)[0].verdict

    @pytest.mark.parametrize(
        ("decision_date", "in_force", "verified"),
        [(date(2021, 12, 31), False, None), (date(2022, 1, 1), True, False), (date(2022, 5, 22), True, True)],
        ids=["2021-12-31", "2022-01-01", "LBK-701-2022"],
    )
    def test_in_force_from_2022_01_01(self, decision_date: date, in_force: bool, verified: bool | None) -> None:
        """Stk. 3 is not in the 2019 act; it is assumed in force from 2022-01-01 (unverified) and is certain in LBK 701/2022."""
        case = _education(
            complete_period(decision_date + ONE_DAY, decision_date + timedelta(days=150)),
            decision_date=decision_date,
            education_admission=_admission(decision_date - timedelta(days=10), decision_date + ONE_DAY),
        )
        decision = decide(case)
        found = finding(decision, EDUCATION)
        assert in_force is found.facts["in_force"]
        unverified = [n["facts"]["citation"] for n in notices(decision, "law.unverified")]
        if not in_force:
            assert (Verdict.NOT_APPLICABLE, "not_in_force") == (found.verdict, found.facts["reason"])
            assert "1 January 2022" in found.message("en")
            assert "LAB § 167, stk. 3" not in unverified  # a not-applicable finding adds no notice
        else:
            assert Verdict.MET == found.verdict
            assert verified is found.references[0].verified
            assert ("LAB § 167, stk. 3" in unverified) is (not verified)

    def test_lab_2014_not_applicable_not_in_force(self) -> None:
        """Chapter 9 b (2014-2019) has no education right: not applicable, citing old § 31 b as the library's reading (C2)."""
        case = _education(
            complete_period(date(2018, 3, 1), date(2018, 8, 31)),
            decision_date=date(2018, 2, 20),
            decisive_need=None,
            education_admission=_admission(date(2018, 2, 1), date(2018, 3, 1)),
        )
        decision = decide(case)
        found = finding(decision, EDUCATION)
        assert (Verdict.NOT_APPLICABLE, {"in_force": False, "reason": "not_in_force"}) == (
            found.verdict,
            dict(found.facts),
        )
        (reference,) = found.references
        assert ("LAB § 31 b", ReferenceKind.INTERPRETATION) == (reference.citation, reference.kind)
        assert "§ 167, stk. 3" in found.message("da")
        assert "later" in found.message("en")
        assert not notices(decision, "law.unverified")
        assert found not in decision.unresolved()
        # The right does not exist, so nothing is pending on it and it covers nothing.
        need = finding(decision, DECISIVE)
        assert (Verdict.NEEDS_ASSESSMENT, None) == (need.verdict, need.facts.get("pending"))

    @pytest.mark.parametrize("group", EDUCATION_GROUPS, ids=str)
    def test_groups_4_and_5(self, group: TargetGroup) -> None:
        """The right covers § 6, nr. 4 and 5 (education benefit, education-ready or activity-ready)."""
        case = _education(citizen=Citizen(birth_date=date(2000, 1, 1), target_group=group))
        assert Verdict.MET == finding(case, EDUCATION).verdict

    @pytest.mark.parametrize("group", [g for g in TargetGroup if g not in EDUCATION_GROUPS], ids=str)
    def test_other_groups_are_not_met(self, group: TargetGroup) -> None:
        """Other § 6 groups, and persons outside § 6, have no right under stk. 3."""
        found = finding(_education(citizen=Citizen(birth_date=date(2000, 1, 1), target_group=group)), EDUCATION)
        assert (Verdict.NOT_MET, ("target_group",)) == (found.verdict, found.facts["failed"])

    @pytest.mark.parametrize(
        ("birthday_offset", "expected"),
        [(-1, Verdict.NOT_MET), (0, Verdict.NOT_MET), (1, Verdict.MET)],
        ids=["turns-30-the-day-before", "turns-30-on-admission", "turns-30-the-day-after"],
    )
    def test_under_30_on_the_admission(self, birthday_offset: int, expected: Verdict) -> None:
        """§ 6, nr. 4 and 5 are persons under 30: the right needs the citizen to be under 30 on the admission date."""
        birthday = ADMISSION + timedelta(days=birthday_offset)
        citizen = Citizen(
            birth_date=birthday.replace(year=birthday.year - 30),
            target_group=TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY,
        )
        found = finding(_education(citizen=citizen), EDUCATION)
        assert (expected, () if expected is Verdict.MET else ("under_30",)) == (found.verdict, found.facts["failed"])

    @pytest.mark.parametrize(
        ("mode", "expected"),
        [("favour_citizen", Verdict.MET), ("strict", Verdict.NOT_MET), ("flag", Verdict.NEEDS_ASSESSMENT)],
    )
    def test_born_29_february(self, mode: str, expected: Verdict) -> None:
        """Born 29 February 1992, the citizen turns 30 on 1 March 2022 favouring the citizen, on 28 February strictly."""
        case = _education(
            complete_period(date(2022, 3, 1), date(2022, 8, 31)),
            decision_date=date(2022, 2, 20),
            citizen=Citizen(birth_date=date(1992, 2, 29), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY),
            education_admission=_admission(date(2022, 2, 28), date(2022, 3, 1)),
        )
        assert expected == finding(case, EDUCATION, ambiguous_dates=mode).verdict

    def test_not_qualifying(self) -> None:
        """Only a "studie- eller erhvervskompetencegivende uddannelse" gives the right."""
        found = finding(_education(education_admission=_admission(qualifying=False)), EDUCATION)
        assert (Verdict.NOT_MET, ("qualifying",)) == (found.verdict, found.facts["failed"])
        assert "2024-07-31" in found.message("da")

    @pytest.mark.parametrize(
        ("invoked", "expected"),
        [
            (ADMISSION - ONE_DAY, Verdict.NOT_MET),
            (ADMISSION, Verdict.MET),
            (date(2024, 7, 30), Verdict.MET),
            (date(2024, 7, 31), Verdict.MET),
            (date(2024, 8, 1), Verdict.NOT_MET),
        ],
        ids=["day-before-admission", "on-admission", "day-before-deadline", "on-deadline", "day-after-deadline"],
    )
    def test_invocation_window(self, invoked: date, expected: Verdict) -> None:
        """The right is "i op til 6 måneder fra tidspunktet, hvor personen optages": it must be used from the admission to its deadline."""
        case = _education(
            complete_period(invoked, invoked + timedelta(days=90)), education_admission=_admission(invoked=invoked)
        )
        found = finding(case, EDUCATION)
        assert (expected, date(2024, 7, 31)) == (found.verdict, found.facts["invocation_deadline"])
        if expected is Verdict.NOT_MET:
            assert ("right_invoked_on",) == found.facts["failed"]
            assert "2024-02-01" in found.message("da")

    @pytest.mark.parametrize(
        ("changes", "unknown"),
        [
            ({"education_admission": _admission(invoked=None)}, ("right_invoked_on",)),
            ({"citizen": Citizen(target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY)}, ("birth_date",)),
            ({"citizen": Citizen(birth_date=date(2000, 1, 1))}, ("target_group",)),
            ({"citizen": None}, ("target_group", "birth_date")),
        ],
        ids=["invocation-unknown", "birth-date-unknown", "group-unknown", "no-citizen"],
    )
    def test_unknown_facts_are_missing_facts(self, changes: dict[str, object], unknown: tuple[str, ...]) -> None:
        """An unknown condition's fact makes the right missing facts, naming it."""
        found = finding(_education(**changes), EDUCATION)
        assert (Verdict.MISSING_FACTS, unknown, "unknown") == (
            found.verdict,
            found.facts["unknown"],
            found.facts["reason"],
        )
        for name in unknown:
            assert display(name, "en") in found.message("en")
        if "right_invoked_on" in unknown:
            assert found.facts["entitled_until"] is None

    def test_failed_outweighs_unknown(self) -> None:
        """A failed condition makes the right not met even with an unknown fact."""
        found = finding(_education(education_admission=_admission(invoked=None, qualifying=False)), EDUCATION)
        assert (Verdict.NOT_MET, ("qualifying",), ("right_invoked_on",)) == (
            found.verdict,
            found.facts["failed"],
            found.facts["unknown"],
        )

    @pytest.mark.parametrize(
        ("window", "entitled_until"),
        [("invocation", date(2025, 1, 30)), ("admission", date(2024, 7, 31))],
    )
    def test_entitled_until(self, window: str, entitled_until: date) -> None:
        """Support runs 6 months from invocation (stk. 3, 2. pkt.); with the ``admission`` reading no later than 6 months from admission."""
        case = _education(
            complete_period(date(2024, 7, 31), date(2025, 1, 30)),
            education_admission=_admission(invoked=date(2024, 7, 31)),
        )
        found = finding(case, EDUCATION, education_right_window=window)
        assert (Verdict.MET, entitled_until) == (found.verdict, found.facts["entitled_until"])
        covered = window == "invocation"
        assert (Verdict.NOT_APPLICABLE if covered else Verdict.MET) == finding(
            case, DECISIVE, education_right_window=window
        ).verdict

    @pytest.mark.parametrize(
        ("start", "end", "covered"),
        [
            (INVOKED, date(2024, 8, 31), True),
            (INVOKED, date(2024, 9, 1), False),
            (INVOKED - ONE_DAY, date(2024, 8, 30), False),
            (date(2024, 4, 1), date(2024, 6, 30), True),
        ],
        ids=["whole-window", "ends-the-day-after", "starts-before-invocation", "inside"],
    )
    def test_coverage_of_periods(self, start: date, end: date, covered: bool) -> None:
        """Periods inside right_invoked_on..entitled_until are covered; otherwise decisive need applies."""
        case = _education(complete_period(start, end), decisive_need=None)
        assert Verdict.MET == finding(case, EDUCATION).verdict
        assert (Verdict.NOT_APPLICABLE if covered else Verdict.NEEDS_ASSESSMENT) == finding(case, DECISIVE).verdict

    def test_a_right_not_met_covers_nothing(self) -> None:
        """A right that does not exist only means the support is discretionary."""
        case = _education(decisive_need=None, education_admission=_admission(qualifying=False))
        assert Verdict.NEEDS_ASSESSMENT == finding(case, DECISIVE).verdict


class TestEducationWindows:
    """What the education right would cover if it were met: from the day it is invoked (§ 167, stk. 3)."""

    @staticmethod
    def windows(case: Case) -> tuple[Window, ...]:
        periods = tuple(sorted(enumerate(case.periods), key=lambda item: item[1].start))
        ctx = Context(
            case,
            Interpretation(),
            snapshot_for(case.decision_date),
            periods,
            AmbiguousDates.FAVOUR_CITIZEN,
            NOTICE_EXPLAINER,
        )
        assert EDUCATION_RIGHT.windows is not None
        return EDUCATION_RIGHT.windows(ctx)

    def test_a_known_invocation_is_the_one_window(self) -> None:
        [window] = self.windows(_education())
        assert (window.start, window.end) == (INVOKED, date(2024, 8, 31))

    def test_an_unknown_invocation_tries_every_day_from_the_admission_to_the_deadline(self) -> None:
        """Each day the right could have been invoked on, the admission and the deadline (2024-07-31) included."""
        found = self.windows(_education(education_admission=_admission(invoked=None)))
        starts = [window.start for window in found]
        assert starts[0] == ADMISSION
        assert starts[-1] == date(2024, 7, 31)
        assert len(starts) == (date(2024, 7, 31) - ADMISSION).days + 1
        assert all(later - earlier == timedelta(days=1) for earlier, later in itertools.pairwise(starts))
