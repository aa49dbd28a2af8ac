"""
Examples for :mod:`mentorrules.rules.duration`: at most six months, and new periods.

LAB § 167, stk. 1, 1. pkt. ("i en periode på højst 6 måneder") and 2. pkt. ("en
ny periode på op til 6 måneder ved udløb af en periode" after a concrete
assessment); 2014-2019 old § 31 c, stk. 1, 2. pkt.  A period runs from its start
to ``max_period_end(start)`` = start + 6 months - 1 day, inclusive; where that day
does not exist, ``ambiguous_dates`` decides (DESIGN section 6).
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from builders import citations, complete_case, complete_case_2014, complete_period, decide, finding, findings, verdicts
from mentorrules import (
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Period,
    PsychiatricDischarge,
    TargetGroup,
    Verdict,
)


LENGTH = "duration.period_length"
NEW = "duration.new_period"
ONE_DAY = timedelta(days=1)
ASSESSED = Assessment(outcome=True, on=date(2024, 8, 15))


def _case(*periods: Period, **overrides: object) -> Case:
    fields: dict[str, object] = {"periods": periods, **overrides}
    return complete_case(**fields)


def _one(start: date, end: date, **overrides: object) -> Case:
    """Return the complete case with one period ``start``..``end``, decided a week before the start."""
    fields: dict[str, object] = {"decision_date": start - timedelta(days=7), **overrides}
    return _case(complete_period(start, end), **fields)


#: (start, max_end favouring the citizen, max_end strict): month ends across 2024 and the worked examples of _dates.
MONTH_ENDS = [
    (date(2024, 1, 31), date(2024, 7, 30), date(2024, 7, 30)),
    (date(2024, 2, 29), date(2024, 8, 28), date(2024, 8, 28)),
    (date(2024, 3, 31), date(2024, 9, 30), date(2024, 9, 29)),
    (date(2024, 4, 30), date(2024, 10, 29), date(2024, 10, 29)),
    (date(2024, 5, 31), date(2024, 11, 30), date(2024, 11, 29)),
    (date(2024, 6, 30), date(2024, 12, 29), date(2024, 12, 29)),
    (date(2024, 7, 31), date(2025, 1, 30), date(2025, 1, 30)),
    (date(2024, 8, 31), date(2025, 2, 28), date(2025, 2, 27)),
    (date(2024, 9, 30), date(2025, 3, 29), date(2025, 3, 29)),
    (date(2024, 10, 31), date(2025, 4, 30), date(2025, 4, 29)),
    (date(2024, 11, 30), date(2025, 5, 29), date(2025, 5, 29)),
    (date(2024, 12, 31), date(2025, 6, 30), date(2025, 6, 29)),
    (date(2023, 8, 30), date(2024, 2, 29), date(2024, 2, 28)),
    (date(2023, 8, 31), date(2024, 2, 29), date(2024, 2, 28)),
    (date(2025, 8, 30), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2025, 8, 31), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2025, 12, 31), date(2026, 6, 30), date(2026, 6, 29)),
]


class TestPeriodLength:
    """``duration.period_length``: LAB § 167, stk. 1, 1. pkt. (old § 31 c, stk. 1, 2. pkt.)."""

    @pytest.mark.parametrize(
        ("end", "expected"),
        [(date(2024, 8, 30), Verdict.MET), (date(2024, 8, 31), Verdict.MET), (date(2024, 9, 1), Verdict.NOT_MET)],
        ids=["day-before-max-end", "on-max-end", "day-after-max-end"],
    )
    def test_six_months_from_1_march(self, end: date, expected: Verdict) -> None:
        """A period from 2024-03-01 may last until 2024-08-31 inclusive; 2024-09-01 is one day over 6 months."""
        found = finding(_one(date(2024, 3, 1), end), LENGTH)
        assert (expected, "periods[0]") == (found.verdict, found.subject)
        assert {"start": date(2024, 3, 1), "end": end, "max_end": date(2024, 8, 31)} == dict(found.facts)
        assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)
        assert "2024-08-31" in found.message("da")

    @pytest.mark.parametrize(("start", "favour", "strict"), MONTH_ENDS, ids=lambda v: str(v))
    @pytest.mark.parametrize("mode", ["favour_citizen", "strict"])
    def test_month_ends(self, start: date, favour: date, strict: date, mode: str) -> None:
        """Where start + 6 months falls on a day the month lacks, favour_citizen ends on the month's last day, strict the day before."""
        max_end = favour if mode == "favour_citizen" else strict
        on = finding(_one(start, max_end), LENGTH, ambiguous_dates=mode)
        over = finding(_one(start, max_end + ONE_DAY), LENGTH, ambiguous_dates=mode)
        assert (Verdict.MET, max_end) == (on.verdict, on.facts["max_end"])
        assert (Verdict.NOT_MET, max_end) == (over.verdict, over.facts["max_end"])

    @pytest.mark.parametrize(
        ("end", "favour", "strict", "flag"),
        [
            (date(2026, 2, 27), Verdict.MET, Verdict.MET, Verdict.MET),
            (date(2026, 2, 28), Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT),
            (date(2026, 3, 1), Verdict.NOT_MET, Verdict.NOT_MET, Verdict.NOT_MET),
        ],
        ids=["day-before", "on-the-citizen-reading", "day-after"],
    )
    def test_start_on_31_august_2025(self, end: date, favour: Verdict, strict: Verdict, flag: Verdict) -> None:
        """From 2025-08-31 the period ends 2026-02-28 favouring the citizen, 2026-02-27 strictly; flag asks where the readings differ."""
        case = _one(date(2025, 8, 31), end)
        assert favour == finding(case, LENGTH, ambiguous_dates="favour_citizen").verdict
        assert strict == finding(case, LENGTH, ambiguous_dates="strict").verdict
        flagged = finding(case, LENGTH, ambiguous_dates="flag")
        assert flag == flagged.verdict
        assert (date(2026, 2, 28), date(2026, 2, 27)) == (flagged.facts["max_end"], flagged.facts["max_end_strict"])
        if flag is Verdict.NEEDS_ASSESSMENT:
            assert "ambiguous_dates" == flagged.facts["reason"]
            assert (Verdict.MET, Verdict.NOT_MET) == (
                flagged.facts["verdict_favour_citizen"],
                flagged.facts["verdict_strict"],
            )
            assert "31 August + 6 months" in flagged.message("en")

    def test_no_strict_fact_when_the_readings_agree(self) -> None:
        """Flag adds a ``_strict`` fact only where the strict reading differs."""
        found = finding(_one(date(2024, 3, 1), date(2024, 8, 31)), LENGTH, ambiguous_dates="flag")
        assert "max_end_strict" not in found.facts

    @pytest.mark.parametrize(
        ("start", "max_end"),
        [
            (date(2024, 2, 29), date(2024, 8, 28)),
            (date(2023, 8, 31), date(2024, 2, 29)),
            (date(2024, 8, 29), date(2025, 2, 28)),
        ],
        ids=["start-on-leap-day", "end-on-leap-day", "29-february-missing"],
    )
    def test_leap_years(self, start: date, max_end: date) -> None:
        """29 February counts like any other day: a period from it ends on the 28th six months later; 2024's leap day can end a period."""
        assert max_end == finding(_one(start, max_end), LENGTH).facts["max_end"]

    def test_no_periods_is_missing_facts(self) -> None:
        """A case without a period cannot be checked against the six months."""
        (found,) = findings(_case(), LENGTH)
        assert (Verdict.MISSING_FACTS, "periods", "no_periods") == (found.verdict, found.subject, found.facts["reason"])
        assert "no periods" in found.message("en")

    def test_one_finding_per_period_in_input_order(self) -> None:
        """Each period is checked on its own; subjects index the periods as given."""
        late = complete_period(date(2024, 9, 1), date(2025, 3, 2))  # one day over
        early = complete_period(date(2024, 3, 1), date(2024, 8, 31))
        found = findings(_case(late, early), LENGTH)
        assert [("periods[0]", Verdict.NOT_MET), ("periods[1]", Verdict.MET)] == [(f.subject, f.verdict) for f in found]

    def test_lab_2014_cites_section_31_c(self) -> None:
        """From 2014 to 2019 the limit was in old § 31 c, stk. 1, 2. pkt.: the agreement may be made for at most 6 months."""
        found = finding(complete_case_2014(), LENGTH)
        assert Verdict.MET == found.verdict
        assert ("LAB § 31 c, stk. 1, 2. pkt.",) == citations(found)

    # The psychiatric right (§ 167, stk. 2): discharge 2024-06-30 opens the window on 2024-03-30;
    # S is the later of that and the first period's start (a period from 2024-04-01: S = 2024-04-01,
    # minimum_end = 2024-09-30), max_period_end(discharge) = 2024-12-29.

    @staticmethod
    def _psychiatric(start: date, end: date, **overrides: object) -> Case:
        fields: dict[str, object] = {
            "decision_date": date(2024, 3, 20),
            "psychiatric_discharge": PsychiatricDischarge(
                discharge_date=date(2024, 6, 30), inpatient=True, psychiatric=True
            ),
            **overrides,
        }
        return _case(complete_period(start, end), **fields)

    @pytest.mark.parametrize(
        ("end", "expected"),
        [(date(2024, 12, 28), Verdict.MET), (date(2024, 12, 29), Verdict.MET)],
        ids=["day-before-window-end", "on-window-end"],
    )
    def test_psychiatric_right_may_extend_the_period(self, end: date, expected: Verdict) -> None:
        """With ``psychiatric_period_may_exceed_six_months`` ("mindst 6 måneder i alt"), a covered period may last until 6 months after the discharge."""
        found = finding(self._psychiatric(date(2024, 4, 1), end), LENGTH, psychiatric_period_may_exceed_six_months=True)
        assert (expected, date(2024, 12, 29), "psychiatric_right") == (
            found.verdict,
            found.facts["max_end"],
            found.facts["reason"],
        )
        assert ("LAB § 167, stk. 1, 1. pkt.", "LAB § 167, stk. 2") == citations(found)
        assert "at least 6 months in all" in found.message("en")

    def test_psychiatric_extension_ends_with_the_window(self) -> None:
        """A period ending the day after the window is not covered by the right, so the ordinary six months apply."""
        found = finding(
            self._psychiatric(date(2024, 4, 1), date(2024, 12, 30)),
            LENGTH,
            psychiatric_period_may_exceed_six_months=True,
        )
        assert (Verdict.NOT_MET, date(2024, 9, 30)) == (found.verdict, found.facts["max_end"])
        assert "reason" not in found.facts
        assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)

    def test_psychiatric_right_without_the_extension(self) -> None:
        """By default a covered period keeps the ordinary six months."""
        found = finding(self._psychiatric(date(2024, 4, 1), date(2024, 9, 29)), LENGTH)
        assert (Verdict.MET, date(2024, 9, 30)) == (found.verdict, found.facts["max_end"])
        assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)

    def test_psychiatric_extension_never_shortens(self) -> None:
        """A covered period whose own six months end later than the right's window keeps its own limit."""
        case = self._psychiatric(date(2024, 7, 1), date(2024, 12, 29))
        found = finding(case, LENGTH, psychiatric_period_may_exceed_six_months=True)
        assert (Verdict.MET, date(2024, 12, 31)) == (found.verdict, found.facts["max_end"])
        assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)

    def test_psychiatric_extension_under_lab_2014(self) -> None:
        """From 2014 to 2019 the psychiatric right was old § 31 b, stk. 2, with the same "mindst 6 måneder i alt"."""
        case = _case(
            complete_period(date(2018, 4, 1), date(2018, 12, 29)),
            decision_date=date(2018, 3, 20),
            psychiatric_discharge=PsychiatricDischarge(
                discharge_date=date(2018, 6, 30), inpatient=True, psychiatric=True
            ),
        )
        found = finding(case, LENGTH, psychiatric_period_may_exceed_six_months=True)
        assert (Verdict.MET, date(2018, 12, 29)) == (found.verdict, found.facts["max_end"])
        assert ("LAB § 31 c, stk. 1, 2. pkt.", "LAB § 31 b, stk. 2") == citations(found)

    # A period from 2024-02-01 runs into the window (2024-03-30..): S = 2024-03-30, limit = 2024-09-29.

    @pytest.mark.parametrize(
        ("start", "end", "expected", "max_end", "reason"),
        [
            (date(2024, 2, 1), date(2024, 9, 15), Verdict.MET, date(2024, 9, 29), "psychiatric_right_partly"),
            (date(2024, 2, 1), date(2024, 9, 29), Verdict.MET, date(2024, 9, 29), "psychiatric_right_partly"),
            (date(2024, 2, 1), date(2024, 9, 30), Verdict.NOT_MET, date(2024, 7, 31), None),
            (date(2023, 9, 30), date(2024, 9, 1), Verdict.MET, date(2024, 9, 29), "psychiatric_right_partly"),
            (date(2023, 9, 29), date(2024, 9, 1), Verdict.NOT_MET, date(2024, 3, 28), None),
        ],
        ids=[
            "ends-inside",
            "ends-on-the-limit",
            "ends-after-the-limit",
            "discretionary-part-just-fits",
            "discretionary-part-too-long",
        ],
    )
    def test_partly_covered_period_may_last_until_the_rights_limit(
        self, start: date, end: date, expected: Verdict, max_end: date, reason: str | None
    ) -> None:
        """A period begun as a grant before the window and running on inside it may last to the right's limit when its discretionary part fits in six months (C2.2)."""
        case = self._psychiatric(start, end, decision_date=date(2024, 1, 20))
        found = finding(case, LENGTH)
        assert (expected, max_end, reason) == (found.verdict, found.facts["max_end"], found.facts.get("reason"))
        if reason is not None:
            assert ("LAB § 167, stk. 1, 1. pkt.", "LAB § 167, stk. 2") == citations(found)
            assert "began as discretionary support" in found.message("en")
        else:
            assert ("LAB § 167, stk. 1, 1. pkt.",) == citations(found)
        # Apart from the length rules, a partly covered period is not covered: the grant's conditions apply.
        assert (
            Verdict.NEEDS_ASSESSMENT
            == finding(attrs.evolve(case, decisive_need=None), "eligibility.decisive_need").verdict
        )

    def test_partly_covered_period_is_a_new_period_like_any_other(self) -> None:
        """duration.new_period applies as usual to a partly covered period (it is not covered by the right)."""
        first = complete_period(date(2023, 8, 1), date(2024, 1, 31))
        partly = complete_period(date(2024, 2, 1), date(2024, 9, 15), assessment=None)
        case = _case(
            first,
            partly,
            decision_date=date(2024, 1, 20),
            psychiatric_discharge=PsychiatricDischarge(
                discharge_date=date(2024, 6, 30), inpatient=True, psychiatric=True
            ),
        )
        decision = decide(case)
        assert [Verdict.NOT_APPLICABLE, Verdict.NEEDS_ASSESSMENT] == verdicts(decision, NEW)
        assert "psychiatric_right_partly" == findings(decision, LENGTH)[1].facts["reason"]


def _chain(*spans: tuple[date, date], assessment: Assessment | None = ASSESSED, **overrides: object) -> Case:
    """Return a case with complete periods for ``spans`` (each given ``assessment``), in the order given."""
    periods = tuple(complete_period(start, end, assessment=assessment) for start, end in spans)
    fields: dict[str, object] = {"decision_date": date(2024, 2, 20), **overrides}
    return _case(*periods, **fields)


FIRST = (date(2024, 3, 1), date(2024, 8, 31))


class TestNewPeriod:
    """``duration.new_period``: LAB § 167, stk. 1, 2. pkt. (old § 31 c, stk. 1, 2. pkt.)."""

    def test_the_first_period_is_not_a_new_period(self) -> None:
        """The rule on a new period does not apply to the first period."""
        found = finding(_chain(FIRST, assessment=None), NEW)
        assert (Verdict.NOT_APPLICABLE, "periods[0]", "first") == (found.verdict, found.subject, found.facts["reason"])
        assert ("LAB § 167, stk. 1, 2. pkt.",) == citations(found)

    def test_no_periods(self) -> None:
        """Without periods there is no new period."""
        (found,) = findings(_case(), NEW)
        assert (Verdict.NOT_APPLICABLE, "periods") == (found.verdict, found.subject)

    @pytest.mark.parametrize(
        ("assessment", "expected"),
        [(None, Verdict.NEEDS_ASSESSMENT), (ASSESSED, Verdict.MET), (Assessment(outcome=False), Verdict.NOT_MET)],
        ids=["none", "true", "false"],
    )
    def test_a_new_period_on_expiry_needs_a_concrete_assessment(
        self, assessment: Assessment | None, expected: Verdict
    ) -> None:
        """A new period "ved udløb af en periode" (starting the day after the previous end) is given after a concrete assessment."""
        case = _chain(FIRST, (date(2024, 9, 1), date(2025, 2, 28)), assessment=assessment)
        first, second = findings(case, NEW)
        assert Verdict.NOT_APPLICABLE == first.verdict
        assert (expected, "periods[1]") == (second.verdict, second.subject)
        assert ("expiry", date(2024, 8, 31), date(2024, 9, 1)) == (
            second.facts["follows"],
            second.facts["previous_end"],
            second.facts["start"],
        )
        assert (assessment.on if assessment else None) == second.facts["assessed_on"]
        assert "2024-08-31" in second.message("da")

    @pytest.mark.parametrize(
        ("start", "follows", "expected"),
        [
            (date(2024, 8, 30), "overlap", Verdict.NOT_MET),
            (date(2024, 8, 31), "overlap", Verdict.NOT_MET),
            (date(2024, 9, 1), "expiry", Verdict.MET),
            (date(2024, 9, 2), "gap", Verdict.MET),
        ],
        ids=["day-before-previous-end", "on-previous-end", "day-after-previous-end", "two-days-after"],
    )
    def test_expiry_gap_and_overlap(self, start: date, follows: str, expected: Verdict) -> None:
        """A new period may start the day after the previous end or later; one that starts on or before it overlaps and is not met."""
        found = findings(_chain(FIRST, (start, start + timedelta(days=150))), NEW)[1]
        assert (expected, follows, date(2024, 8, 31)) == (
            found.verdict,
            found.facts["follows"],
            found.facts["previous_end"],
        )
        if follows == "overlap":
            assert "overlap" == found.facts["reason"]
            assert "assessed_on" not in found.facts
            assert "overlaps an earlier period" in found.message("en")

    def test_overlap_is_not_met_even_when_assessed(self) -> None:
        """An overlapping period extends the earlier one beyond six months; an assessment cannot make it a new period."""
        found = findings(_chain(FIRST, (date(2024, 6, 1), date(2024, 11, 30)), assessment=ASSESSED), NEW)[1]
        assert Verdict.NOT_MET == found.verdict

    def test_previous_end_is_the_latest_end_of_all_earlier_periods(self) -> None:
        """An earlier, non-adjacent period that ends later still counts: the period overlaps it."""
        long = (date(2024, 1, 1), date(2024, 6, 30))
        inner = (date(2024, 2, 1), date(2024, 3, 31))
        after_inner = (date(2024, 4, 1), date(2024, 9, 30))
        found = findings(_chain(long, inner, after_inner), NEW)
        assert [Verdict.NOT_APPLICABLE, Verdict.NOT_MET, Verdict.NOT_MET] == [f.verdict for f in found]
        assert (date(2024, 6, 30), "overlap") == (found[2].facts["previous_end"], found[2].facts["follows"])

    def test_expiry_of_the_latest_ending_period(self) -> None:
        """After overlapping periods, a period starting the day after the latest end follows on expiry."""
        found = findings(
            _chain(
                (date(2024, 1, 1), date(2024, 6, 30)),
                (date(2024, 2, 1), date(2024, 3, 31)),
                (date(2024, 7, 1), date(2024, 12, 31)),
            ),
            NEW,
        )
        assert (Verdict.MET, "expiry", date(2024, 6, 30)) == (
            found[2].verdict,
            found[2].facts["follows"],
            found[2].facts["previous_end"],
        )

    def test_reverse_input_order(self) -> None:
        """Periods are judged in date order, but subjects index the input: the later period given first is the new one."""
        found = findings(_chain((date(2024, 9, 1), date(2025, 2, 28)), FIRST, assessment=None), NEW)
        assert [("periods[0]", Verdict.NEEDS_ASSESSMENT), ("periods[1]", Verdict.NOT_APPLICABLE)] == [
            (f.subject, f.verdict) for f in found
        ]
        assert "expiry" == found[0].facts["follows"]

    def test_equal_starts(self) -> None:
        """Two periods starting on the same day overlap; the first in input order counts as the earlier."""
        found = findings(_chain((date(2024, 3, 1), date(2024, 5, 31)), FIRST), NEW)
        assert [Verdict.NOT_APPLICABLE, Verdict.NOT_MET] == [f.verdict for f in found]
        assert (date(2024, 5, 31), "overlap") == (found[1].facts["previous_end"], found[1].facts["follows"])

    def test_no_cap_on_the_number_of_periods(self) -> None:
        """The act sets no limit on how many new periods may follow one another."""
        spans = []
        start = date(2020, 1, 1)
        for _ in range(12):
            end = start + timedelta(days=150)
            spans.append((start, end))
            start = end + ONE_DAY
        decision = decide(_chain(*spans, decision_date=date(2020, 1, 1)))
        assert [Verdict.NOT_APPLICABLE] + [Verdict.MET] * 11 == verdicts(decision, NEW)
        assert all(f.facts.get("follows") == "expiry" for f in decision.findings_for(NEW)[1:])

    def test_a_period_covered_by_a_right_needs_no_new_assessment(self) -> None:
        """Support under a statutory right (§ 167, stk. 3) needs no concrete assessment for a new period."""
        case = _chain(
            FIRST,
            (date(2024, 9, 1), date(2025, 2, 28)),
            assessment=None,
            citizen=Citizen(birth_date=date(2000, 1, 1), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY),
            education_admission=EducationAdmission(
                admission_date=date(2024, 8, 15), qualifying=True, right_invoked_on=date(2024, 9, 1)
            ),
        )
        found = findings(case, NEW)[1]
        assert (Verdict.NOT_APPLICABLE, "covered", date(2024, 8, 31)) == (
            found.verdict,
            found.facts["reason"],
            found.facts["previous_end"],
        )
        assert "statutory right" in found.message("en")

    def test_a_covered_overlapping_period_is_not_applicable(self) -> None:
        """Coverage by a right comes first: an overlapping period inside the right's window is support under the right."""
        case = _chain(
            FIRST,
            (date(2024, 8, 1), date(2025, 1, 31)),
            citizen=Citizen(birth_date=date(2000, 1, 1), target_group=TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY),
            education_admission=EducationAdmission(
                admission_date=date(2024, 7, 15), qualifying=True, right_invoked_on=date(2024, 8, 1)
            ),
        )
        assert Verdict.NOT_APPLICABLE == findings(case, NEW)[1].verdict

    def test_lab_2014_cites_section_31_c(self) -> None:
        """From 2014 to 2019 extension was in old § 31 c, stk. 1, 2. pkt. ("med mulighed for forlængelse")."""
        case = complete_case_2014(
            periods=(
                complete_period(date(2018, 3, 1), date(2018, 8, 31)),
                complete_period(date(2018, 9, 1), date(2019, 2, 28)),
            )
        )
        found = findings(case, NEW)[1]
        assert Verdict.NEEDS_ASSESSMENT == found.verdict
        assert ("LAB § 31 c, stk. 1, 2. pkt.",) == citations(found)
