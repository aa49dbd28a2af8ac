"""
Examples for :mod:`mentorrules.rules.agreement`: the written record and its mandatory contents.

2014-2019: old LAB § 31 c (a written agreement between the job centre and the
person, stk. 1, with six items, stk. 2, complaint guidance among them).  From
2020: LAB § 47, stk. 1 and § 52 of the executive order in force (»Min Plan«
states goal, the mentor's name and contact data, tasks, duration and hours).
One finding per period, subject ``periods[i].agreement``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import (
    END,
    END_2014,
    MENTOR_NAME,
    START,
    START_2014,
    citations,
    complete_agreement,
    complete_case,
    complete_case_2014,
    complete_mentor,
    complete_period,
    decide,
    finding,
    findings,
    notices,
)
from mentorrules import (
    Agreement,
    Case,
    Engager,
    Hours,
    HoursBasis,
    HoursUnit,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    ReferenceKind,
    Verdict,
)


WRITTEN = "agreement.written"
GOAL = "agreement.goal"
NAME = "agreement.mentor_name"
CONTACT = "agreement.mentor_contact"
TASKS = "agreement.tasks"
DURATION = "agreement.duration"
HOURS = "agreement.hours"
COMPLAINT = "agreement.complaint_guidance"
RULES = (WRITTEN, GOAL, NAME, CONTACT, TASKS, DURATION, HOURS, COMPLAINT)
ITEMS = (GOAL, NAME, CONTACT, TASKS, DURATION, HOURS)  # § 31 c, stk. 2, nr. 1-5 / BEK § 52, nr. 1-5
ONE_DAY = timedelta(days=1)
COMPLAINT_PRACTICE = (
    "Fortolkning: klagevejledning i aftalen efter 2020 (kommunale vejledninger; ikke blandt punkterne i BEK § 52)"
)


def _case(**agreement: Any) -> Case:
    """Return the complete 2024 case whose one period's record has the given fields replaced."""
    return complete_case(periods=(complete_period(agreement=complete_agreement(**agreement)),))


def _case_2014(**agreement: Any) -> Case:
    """Return the complete 2018 case (lab-2014) whose one period's agreement has the given fields replaced."""
    return complete_case_2014(
        periods=(
            complete_period(START_2014, END_2014, agreement=complete_agreement(START_2014, END_2014, **agreement)),
        )
    )


def _verdicts(case: Case, **interpretation: Any) -> dict[str, list[Verdict]]:
    decision = decide(case, **interpretation)
    return {rule: [f.verdict for f in decision.findings_for(rule)] for rule in RULES}


def _citations(case: Case, rule: str, **interpretation: Any) -> tuple[str, ...]:
    return citations(finding(case, rule, **interpretation))


class TestWritten:
    """``agreement.written``: old § 31 c, stk. 1, 1. pkt.; from 2020 LAB § 47, stk. 1 with BEK § 52."""

    def test_a_complete_record_meets_every_item(self) -> None:
        """A complete record states every item; from 2020 complaint guidance is not among them."""
        expected = {rule: [Verdict.MET] for rule in RULES} | {COMPLAINT: [Verdict.NOT_APPLICABLE]}
        assert expected == _verdicts(_case())

    def test_a_complete_2014_agreement_meets_every_item(self) -> None:
        """From 2014 to 2019 a complete written agreement states all six items of old § 31 c, stk. 2."""
        assert {rule: [Verdict.MET] for rule in RULES} == _verdicts(_case_2014())

    def test_one_finding_per_period(self) -> None:
        """Each period has its record, subject ``periods[i].agreement``."""
        periods = (complete_period(), complete_period(date(2024, 9, 1), date(2025, 2, 28)))
        decision = decide(complete_case(periods=periods))
        for rule in RULES:
            assert ["periods[0].agreement", "periods[1].agreement"] == [f.subject for f in decision.findings_for(rule)]

    @pytest.mark.parametrize(
        ("law", "interpretation", "complaint"),
        [
            ("lab-2020", {}, Verdict.NOT_APPLICABLE),
            ("lab-2020", {"complaint_guidance_required_from_2020": True}, Verdict.MISSING_FACTS),
            ("lab-2014", {}, Verdict.MISSING_FACTS),
        ],
        ids=["lab-2020", "lab-2020-complaint-required", "lab-2014"],
    )
    def test_current_period_without_a_record_is_missing_facts(
        self, law: str, interpretation: dict[str, Any], complaint: Verdict
    ) -> None:
        """The current period's record is required: without it every item that applies is a missing fact."""
        builder = complete_case_2014 if law == "lab-2014" else complete_case
        start, end = (START_2014, END_2014) if law == "lab-2014" else (START, END)
        case = builder(periods=(complete_period(start, end, agreement=None),))
        expected = {rule: [Verdict.MISSING_FACTS] for rule in RULES} | {COMPLAINT: [complaint]}
        assert expected == _verdicts(case, **interpretation)
        found = finding(case, GOAL, **interpretation)
        assert ("periods[0].agreement", "absent") == (found.subject, found.facts["reason"])
        assert "current period" in found.message("en")

    def test_an_earlier_period_without_a_record_is_not_applicable(self) -> None:
        """Only the current period's record is required; an earlier period's is checked when given."""
        current = complete_period(date(2024, 9, 1), date(2025, 2, 28))
        earlier = complete_period(agreement=None)
        decision = decide(complete_case(periods=(current, earlier)), complaint_guidance_required_from_2020=True)
        for rule in RULES:
            first, second = decision.findings_for(rule)
            assert (Verdict.MET, Verdict.NOT_APPLICABLE) == (first.verdict, second.verdict)
            assert "earlier_absent" == second.facts["reason"]
        assert "earlier period" in decision.findings_for(GOAL)[1].message("en")

    def test_the_current_period_is_the_latest_start_in_any_input_order(self) -> None:
        """The current period is the one with the latest start, wherever it stands in the input."""
        current = complete_period(date(2024, 9, 1), date(2025, 2, 28), agreement=None)
        case = complete_case(periods=(current, complete_period()))
        assert [Verdict.MISSING_FACTS, Verdict.MET] == [f.verdict for f in findings(case, WRITTEN)]

    def test_not_written_is_not_met_and_the_items_are_still_checked(self) -> None:
        """A record that is not written is a defect, and its items are checked all the same."""
        verdicts = _verdicts(_case(written=False, goal=None))
        assert [Verdict.NOT_MET] == verdicts[WRITTEN]
        assert [Verdict.NOT_MET] == verdicts[GOAL]
        assert [Verdict.MET] == verdicts[NAME] == verdicts[HOURS]
        assert {"written": False} == dict(finding(_case(written=False), WRITTEN).facts)

    @pytest.mark.parametrize("builder", [complete_case, complete_case_2014], ids=["lab-2020", "lab-2014"])
    def test_no_periods(self, builder: Any) -> None:
        """Without periods there is nothing written to check: ``agreement.written`` is a missing fact, the items do not apply."""
        decision = decide(builder(periods=()))
        for rule in RULES:
            (found,) = decision.findings_for(rule)
            assert "periods" == found.subject
            assert (Verdict.MISSING_FACTS if rule == WRITTEN else Verdict.NOT_APPLICABLE) == found.verdict
        assert "no periods" in finding(decision, WRITTEN).message("en")

    def test_lab_2014_written_agreement(self) -> None:
        """Old § 31 c, stk. 1, 1. pkt.: a written agreement between the job centre and the person."""
        found = finding(_case_2014(written=False), WRITTEN)
        assert Verdict.NOT_MET == found.verdict
        assert ("LAB § 31 c, stk. 1, 1. pkt.",) == citations(found)
        assert "jobcenteret" in found.message("da")
        assert "job centre" in finding(_case_2014(), WRITTEN).message("en")

    def test_lab_2020_min_plan(self) -> None:
        """From 2020 the record is »Min Plan« (LAB § 47, stk. 1; BEK § 52)."""
        found = finding(_case(written=False), WRITTEN)
        assert ("LAB § 47, stk. 1", "BEK § 52") == citations(found)
        assert "»Min Plan«" in found.message("da")

    @pytest.mark.parametrize(
        ("decision_date", "bek"),
        [
            (date(2020, 1, 1), "BEK nr. 1180 af 25. november 2019"),
            (date(2020, 12, 31), "BEK nr. 1180 af 25. november 2019"),
            (date(2021, 1, 1), "BEK nr. 2006 af 11. december 2020"),
            (date(2021, 12, 31), "BEK nr. 2006 af 11. december 2020"),
            (date(2022, 1, 1), "BEK nr. 2636 af 28. december 2021"),
            (date(2023, 12, 31), "BEK nr. 2636 af 28. december 2021"),
            (date(2024, 1, 1), "BEK nr. 1216 af 28. september 2023"),
            (date(2024, 1, 2), "BEK nr. 1216 af 28. september 2023"),
        ],
    )
    def test_cites_the_executive_order_in_force(self, decision_date: date, bek: str) -> None:
        """§ 52 is cited from the executive order in force on the law date: 1180/2019, 2006/2020, 2636/2021, 1216/2023."""
        case = complete_case(decision_date=decision_date)
        for rule in RULES[:-1]:
            found = finding(case, rule)
            assert ("LAB", "BEK") == tuple(r.act for r in found.references[:2])
            assert bek == found.references[1].source


@pytest.mark.parametrize(("rule", "item"), [(GOAL, 1), (NAME, 2), (CONTACT, 2), (TASKS, 3), (DURATION, 4), (HOURS, 5)])
class TestReferencesPerItem:
    """Each item cites its number: old § 31 c, stk. 2, nr. N (2014-2019); LAB § 47, stk. 1 and BEK § 52, nr. N (2020-)."""

    def test_lab_2014(self, rule: str, item: int) -> None:
        """From 2014 to 2019 the items were old § 31 c, stk. 2, nr. 1-5 (the duration also stk. 1, 2. pkt.)."""
        extra = ("LAB § 31 c, stk. 1, 2. pkt.",) if rule == DURATION else ()
        assert (f"LAB § 31 c, stk. 2, nr. {item}", *extra) == _citations(_case_2014(), rule)

    def test_lab_2020(self, rule: str, item: int) -> None:
        """From 2020 the items are BEK § 52, nr. 1-5, issued under LAB § 47, stk. 1 (the duration also § 167, stk. 1)."""
        extra = ("LAB § 167, stk. 1, 1. pkt.",) if rule == DURATION else ()
        citations = _citations(_case(), rule)
        assert ("LAB § 47, stk. 1", f"BEK § 52, nr. {item}", *extra) == citations
        assert ReferenceKind.EXECUTIVE_ORDER == finding(_case(), rule).references[1].kind


class TestGoal:
    """``agreement.goal``: the goal of the support (old § 31 c, stk. 2, nr. 1; BEK § 52, nr. 1)."""

    @pytest.mark.parametrize("goal", [None, "", "  ", "\n\t"], ids=["none", "empty", "spaces", "whitespace"])
    def test_a_missing_or_blank_goal_is_not_met(self, goal: str | None) -> None:
        """A record that does not state the goal (absent, empty or blank) is defective."""
        found = finding(_case(goal=goal), GOAL)
        assert (Verdict.NOT_MET, {"stated": False}) == (found.verdict, dict(found.facts))
        assert "Add the goal" in found.message("en")

    def test_a_stated_goal_is_met(self) -> None:
        """Any stated goal is met; its content is the caseworker's matter."""
        assert Verdict.MET == finding(_case(goal="Fastholde job"), GOAL).verdict


class TestMentorName:
    """``agreement.mentor_name``: the mentor's name (old § 31 c, stk. 2, nr. 2; BEK § 52, nr. 2)."""

    @pytest.mark.parametrize("name", [None, "", "   "], ids=["none", "empty", "blank"])
    def test_a_missing_name_is_not_met(self, name: str | None) -> None:
        """The record must name the mentor."""
        found = finding(_case(mentor_name=name), NAME)
        assert (Verdict.NOT_MET, {"stated": False}) == (found.verdict, dict(found.facts))
        assert "Add the mentor's name" in found.message("en")

    @pytest.mark.parametrize(
        ("in_record", "in_case"),
        [
            ("Mette Jensen", "Mette Jensen"),
            ("METTE JENSEN", "mette jensen"),
            ("  Mette   Jensen ", "Mette Jensen"),
            ("Mette\tJensen", "Mette Jensen"),
            ("\u00c5se Hansen", "A\u030ase Hansen"),
            ("A\u030aSE HANSEN", "\u00e5se hansen"),
        ],
        ids=["same", "case", "spacing", "tab", "nfc-nfd", "nfd-nfc-and-case"],
    )
    def test_the_name_matches_the_case_mentor(self, in_record: str, in_case: str) -> None:
        """The names match ignoring case, Unicode normalisation (NFC) and repeated white space."""
        case = complete_case(
            mentor=complete_mentor(name=in_case),
            periods=(complete_period(agreement=complete_agreement(mentor_name=in_record)),),
        )
        found = finding(case, NAME)
        assert (Verdict.MET, True) == (found.verdict, found.facts["matches"])

    @pytest.mark.parametrize(
        ("in_record", "in_case"), [("Mette Hansen", MENTOR_NAME), ("Søren", "Sören"), ("Åse", "Ase")]
    )
    def test_a_different_name_is_not_met(self, in_record: str, in_case: str) -> None:
        """The record must name the mentor actually assigned; other letters are other names."""
        case = complete_case(
            mentor=complete_mentor(name=in_case),
            periods=(complete_period(agreement=complete_agreement(mentor_name=in_record)),),
        )
        found = finding(case, NAME)
        assert (Verdict.NOT_MET, False, "mismatch") == (found.verdict, found.facts["matches"], found.facts["reason"])
        assert "does not match" in found.message("en")

    @pytest.mark.parametrize(
        "mentor", [None, Mentor(), complete_mentor(name="  ")], ids=["no-mentor", "name-unknown", "name-blank"]
    )
    def test_no_comparison_without_the_case_mentor_name(self, mentor: Mentor | None) -> None:
        """When the case does not name the mentor, a stated name is met without comparison."""
        case = complete_case(
            mentor=mentor, periods=(complete_period(agreement=complete_agreement(mentor_name="Anyone")),)
        )
        found = finding(case, NAME)
        assert (Verdict.MET, None) == (found.verdict, found.facts["matches"])


class TestMentorContact:
    """``agreement.mentor_contact``: the mentor's contact data, a phone number or an e-mail address."""

    @pytest.mark.parametrize(
        "contact",
        [
            "+45 20 30 40 50",
            "0045 20304050",
            "20304050",
            "+4420304050123",
            "+1234567",
            "mette@example.dk",
            "m.j+mentor@kommune.example.dk",
        ],
    )
    def test_a_phone_number_or_e_mail_address_is_met(self, contact: str) -> None:
        """8 digits with optional +45 or 0045, or + and 7-15 digits, or local@domain.tld (spaces removed)."""
        found = finding(_case(mentor_contact=contact), CONTACT)
        assert (Verdict.MET, {"stated": True, "valid": True}) == (found.verdict, dict(found.facts))

    @pytest.mark.parametrize(
        "contact",
        [
            "2030405",
            "203040501",
            "ring til Mette",
            "mette@example",
            "@example.dk",
            "+123456",
            "+1234567890123456",
            "45 20 30 40 5",
        ],
    )
    def test_other_text_needs_assessment(self, contact: str) -> None:
        """Stated text that is neither a phone number nor an e-mail address may be other contact data: a caseworker checks it (C2.6)."""
        found = finding(_case(mentor_contact=contact), CONTACT)
        assert (Verdict.NEEDS_ASSESSMENT, {"stated": True, "valid": None, "reason": "unrecognised_contact"}) == (
            found.verdict,
            dict(found.facts),
        )
        assert "neither a recognisable phone number nor an e-mail address" in found.message("en")
        assert "postadresse" in found.message("da")

    @pytest.mark.parametrize(
        "contact",
        ["(+45) 20-30.40.50", "20.30.40.50", "+45 (20) 30 40 50", "0045-2030-4050", "  20304050  "],
    )
    def test_phone_numbers_may_hold_spaces_hyphens_dots_and_parentheses(self, contact: str) -> None:
        """Spaces, hyphens, dots and parentheses inside a phone number are removed before it is read (C2.6)."""
        found = finding(_case(mentor_contact=contact), CONTACT)
        assert (Verdict.MET, {"stated": True, "valid": True}) == (found.verdict, dict(found.facts))

    @pytest.mark.parametrize(
        "contact",
        ["20_30_40_50", "20/30/40/50", "\u0662\u0660\u0663\u0660\u0664\u0660\u0665\u0660", "Vestergade 1, 8000 Aarhus"],
        ids=["underscores", "slashes", "arabic-indic-digits", "postal-address"],
    )
    def test_other_separators_and_non_ascii_digits_are_not_recognised(self, contact: str) -> None:
        """Only the named characters are removed and only ASCII digits count; the rest is left to the caseworker, never refused."""
        found = finding(_case(mentor_contact=contact), CONTACT)
        assert (Verdict.NEEDS_ASSESSMENT, "unrecognised_contact") == (found.verdict, found.facts["reason"])

    @pytest.mark.parametrize("contact", [None, "", "  "], ids=["none", "empty", "blank"])
    def test_missing_contact_is_not_met(self, contact: str | None) -> None:
        """The record must state the contact data."""
        found = finding(_case(mentor_contact=contact), CONTACT)
        assert (Verdict.NOT_MET, {"stated": False}) == (found.verdict, dict(found.facts))
        assert "Add the mentor's phone number or e-mail address" in found.message("en")


class TestTasks:
    """``agreement.tasks``: the tasks the mentor shall help with (old § 31 c, stk. 2, nr. 3; BEK § 52, nr. 3)."""

    def test_stated_tasks_are_met(self) -> None:
        """Stated tasks are met; the count is reported."""
        found = finding(_case(tasks=("Fremmøde", "Struktur")), TASKS)
        assert (Verdict.MET, {"count": 2, "blank_items": 0}) == (found.verdict, dict(found.facts))
        assert "2" in found.message("da")

    def test_no_tasks_is_not_met(self) -> None:
        """An empty list of tasks states none."""
        found = finding(_case(tasks=()), TASKS)
        assert (Verdict.NOT_MET, {"count": 0, "blank_items": 0}) == (found.verdict, dict(found.facts))
        assert found.message("da").startswith("Det fremgår ikke af »Min Plan«")

    @pytest.mark.parametrize(("tasks", "blank"), [(("  ",), 1), (("", "\t", "\n"), 3)], ids=["one", "three"])
    def test_only_blank_task_descriptions_are_not_met(self, tasks: tuple[str, ...], blank: int) -> None:
        """Only blank descriptions state no task (C2.6): not met, the blank items counted."""
        found = finding(_case(tasks=tasks), TASKS)
        assert (Verdict.NOT_MET, {"count": blank, "blank_items": blank, "reason": "only_blank"}) == (
            found.verdict,
            dict(found.facts),
        )
        assert "empty" in found.message("en")

    @pytest.mark.parametrize(("tasks", "blank"), [(("Fremmøde", "", "\t"), 2), (("  ", "Struktur"), 1)])
    def test_blank_items_beside_a_stated_task_are_met_and_counted(self, tasks: tuple[str, ...], blank: int) -> None:
        """Blank items beside a stated task do not fail the record (C2.6); the facts count them."""
        found = finding(_case(tasks=tasks), TASKS)
        assert (Verdict.MET, {"count": len(tasks), "blank_items": blank}) == (found.verdict, dict(found.facts))

    def test_lab_2014_message_starts_with_a_capital(self) -> None:
        """The messages read well for the written agreement too."""
        assert finding(_case_2014(tasks=("",)), TASKS).message("da").startswith("Opgavebeskrivelserne")
        assert finding(_case_2014(), TASKS).message("en").startswith("The tasks")


class TestDuration:
    """``agreement.duration``: the duration (old § 31 c, stk. 1, 2. pkt. and stk. 2, nr. 4; BEK § 52, nr. 4)."""

    @pytest.mark.parametrize(
        ("start", "end"), [(None, END), (START, None), (None, None)], ids=["no-start", "no-end", "neither"]
    )
    def test_missing_dates_are_not_met(self, start: date | None, end: date | None) -> None:
        """The record must state both the start and the end."""
        found = finding(_case(start=start, end=end), DURATION)
        assert (Verdict.NOT_MET, "not_stated") == (found.verdict, found.facts["reason"])
        assert (START, END) == (found.facts["period_start"], found.facts["period_end"])
        assert "2024-03-01" in found.message("da")

    def test_end_before_start_is_not_met_not_an_input_error(self) -> None:
        """An end before the start in the record is a defect of the record, judged by the rule."""
        found = finding(_case(start=END, end=START), DURATION)
        assert (Verdict.NOT_MET, "end_before_start") == (found.verdict, found.facts["reason"])
        assert "lies before the start" in found.message("en")

    @pytest.mark.parametrize(
        ("start", "end"),
        [(START + ONE_DAY, END), (START, END - ONE_DAY), (START + ONE_DAY, END - ONE_DAY)],
        ids=["start", "end", "both"],
    )
    def test_dates_differing_from_the_period_are_not_met(self, start: date, end: date) -> None:
        """The record's dates must be the period's."""
        found = finding(_case(start=start, end=end), DURATION)
        assert (Verdict.NOT_MET, "differs") == (found.verdict, found.facts["reason"])
        assert "differ from the period's" in found.message("en")

    @pytest.mark.parametrize(
        ("end", "expected"),
        [(date(2024, 8, 30), Verdict.MET), (date(2024, 8, 31), Verdict.MET), (date(2024, 9, 1), Verdict.NOT_MET)],
        ids=["day-before-max-end", "on-max-end", "day-after-max-end"],
    )
    def test_at_most_six_months(self, end: date, expected: Verdict) -> None:
        """The recorded duration is at most 6 months: from 2024-03-01 until 2024-08-31."""
        case = complete_case(periods=(complete_period(START, end),))
        found = finding(case, DURATION)
        assert (expected, date(2024, 8, 31)) == (found.verdict, found.facts["max_end"])
        if expected is Verdict.NOT_MET:
            assert "too_long" == found.facts["reason"]
            assert "too long" in found.message("en")

    @pytest.mark.parametrize(
        ("mode", "expected"),
        [("favour_citizen", Verdict.MET), ("strict", Verdict.NOT_MET), ("flag", Verdict.NEEDS_ASSESSMENT)],
    )
    def test_ambiguous_month_end(self, mode: str, expected: Verdict) -> None:
        """From 2025-08-31 the record may run to 2026-02-28 favouring the citizen, to 2026-02-27 strictly; flag asks."""
        start, end = date(2025, 8, 31), date(2026, 2, 28)
        case = complete_case(decision_date=date(2025, 8, 20), periods=(complete_period(start, end),))
        found = finding(case, DURATION, ambiguous_dates=mode)
        assert expected == found.verdict
        if mode == "flag":
            assert (date(2026, 2, 28), date(2026, 2, 27)) == (found.facts["max_end"], found.facts["max_end_strict"])

    def test_psychiatric_right_extends_the_limit(self) -> None:
        """With ``psychiatric_period_may_exceed_six_months``, a covered period's record may run past six months within the right's window."""
        start, end = date(2024, 4, 1), date(2024, 12, 29)
        case = complete_case(
            decision_date=date(2024, 3, 20),
            psychiatric_discharge=PsychiatricDischarge(
                discharge_date=date(2024, 6, 30), inpatient=True, psychiatric=True
            ),
            periods=(complete_period(start, end),),
        )
        extended = finding(case, DURATION, psychiatric_period_may_exceed_six_months=True)
        assert (Verdict.MET, date(2024, 12, 29), "psychiatric_right") == (
            extended.verdict,
            extended.facts["max_end"],
            extended.facts["reason"],
        )
        assert "psychiatric admission" in extended.message("en")
        assert Verdict.NOT_MET == finding(case, DURATION).verdict


class TestHours:
    """``agreement.hours``: the number of hours (old § 31 c, stk. 2, nr. 5; BEK § 52, nr. 5)."""

    @pytest.mark.parametrize(
        "hours",
        [Hours(amount=Decimal("0.5"), unit=HoursUnit.PER_WEEK), Hours(amount=Decimal(40), unit=HoursUnit.TOTAL)],
        ids=["per-week", "total"],
    )
    def test_a_positive_number_is_met(self, hours: Hours) -> None:
        """A positive number of hours per week or in total is stated."""
        found = finding(_case(hours=hours), HOURS)
        assert (Verdict.MET, {"amount": hours.amount, "unit": hours.unit.value, "basis": "person"}) == (
            found.verdict,
            dict(found.facts),
        )
        assert ("LAB § 47, stk. 1", "BEK § 52, nr. 5") == citations(found)

    def test_zero_hours_is_not_met(self) -> None:
        """Zero hours is no mentor support."""
        found = finding(_case(hours=Hours(amount=Decimal(0), unit=HoursUnit.TOTAL)), HOURS)
        assert (Verdict.NOT_MET, "not_positive") == (found.verdict, found.facts["reason"])
        assert "is 0" in found.message("en")

    def test_missing_hours_is_not_met(self) -> None:
        """The record must state the number of hours."""
        found = finding(_case(hours=None), HOURS)
        assert (Verdict.NOT_MET, "not_stated") == (found.verdict, found.facts["reason"])

    @pytest.mark.parametrize(
        ("mentor", "expected", "reason"),
        [
            (complete_mentor(employer=MentorEmployer.COMPANY), Verdict.MET, "per_place"),
            (
                complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.EDUCATION_INSTITUTION),
                Verdict.MET,
                "per_place",
            ),
            (complete_mentor(), Verdict.NOT_MET, "per_place_not_allowed"),
            (complete_mentor(employer=MentorEmployer.OTHER), Verdict.NOT_MET, "per_place_not_allowed"),
            (complete_mentor(employer=None), Verdict.MISSING_FACTS, "support_to_unknown"),
            (
                complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=None),
                Verdict.MISSING_FACTS,
                "support_to_unknown",
            ),
        ],
        ids=["company", "consultant-of-a-school", "municipality", "other", "employer-unknown", "engager-unknown"],
    )
    def test_hours_per_place_only_where_duties_hours_applies(
        self, mentor: Mentor, expected: Verdict, reason: str
    ) -> None:
        """Hours set per place are allowed for support to a company or an education institution (§ 169, stk. 4; C2.5)."""
        hours = Hours(amount=Decimal(3), unit=HoursUnit.PER_WEEK, basis=HoursBasis.PLACE)
        case = complete_case(mentor=mentor, periods=(complete_period(agreement=complete_agreement(hours=hours)),))
        found = finding(case, HOURS)
        assert (expected, {"amount": Decimal(3), "unit": "per_week", "basis": "place", "reason": reason}) == (
            found.verdict,
            dict(found.facts),
        )
        assert ("LAB § 47, stk. 1", "BEK § 52, nr. 5", "LAB § 169, stk. 4") == citations(found)

    @pytest.mark.parametrize(
        ("mentor", "expected", "reason"),
        [
            (complete_mentor(employer=MentorEmployer.COMPANY), Verdict.NEEDS_ASSESSMENT, "several_persons"),
            (complete_mentor(), Verdict.NOT_MET, "per_place_not_allowed"),
            (complete_mentor(employer=None), Verdict.MISSING_FACTS, "support_to_unknown"),
        ],
        ids=["company", "municipality", "employer-unknown"],
    )
    def test_hours_per_place_under_lab_2014_need_several_persons(
        self, mentor: Mentor, expected: Verdict, reason: str
    ) -> None:
        """Old § 31 e, stk. 2, 2. pkt. allows hours per place only "for flere personer", which the facts do not show (C2.5)."""
        hours = Hours(amount=Decimal(3), unit=HoursUnit.PER_WEEK, basis=HoursBasis.PLACE)
        case = attrs.evolve(_case_2014(hours=hours), mentor=mentor)
        found = finding(case, HOURS)
        assert (expected, reason) == (found.verdict, found.facts["reason"])
        assert ("LAB § 31 c, stk. 2, nr. 5", "LAB § 31 e, stk. 2, 2. pkt.") == citations(found)
        if expected is Verdict.NEEDS_ASSESSMENT:
            assert "several persons" in found.message("en")
        assert "§ 169" not in found.message("da")

    def test_hours_per_person_need_no_company(self) -> None:
        """Hours per person (the default basis) are met whoever the mentor is."""
        for mentor in (complete_mentor(), complete_mentor(employer=None)):
            case = attrs.evolve(_case(), mentor=mentor)
            found = finding(case, HOURS)
            assert (Verdict.MET, "person", None) == (found.verdict, found.facts["basis"], found.facts.get("reason"))


class TestComplaintGuidance:
    """``agreement.complaint_guidance``: old § 31 c, stk. 2, nr. 6 (2014-2019); not among the BEK § 52 items from 2020."""

    @pytest.mark.parametrize(
        ("stated", "expected"),
        [(True, Verdict.MET), (False, Verdict.NOT_MET), (None, Verdict.NOT_MET)],
        ids=["true", "false", "null"],
    )
    def test_required_under_lab_2014(self, stated: bool | None, expected: Verdict) -> None:
        """From 2014 to 2019 the written agreement had to contain complaint guidance."""
        found = finding(_case_2014(complaint_guidance=stated), COMPLAINT)
        assert (expected, stated) == (found.verdict, found.facts["stated"])
        assert ("LAB § 31 c, stk. 2, nr. 6",) == citations(found)

    @pytest.mark.parametrize("stated", [True, False, None])
    def test_not_applicable_from_2020_by_default(self, stated: bool | None) -> None:
        """From 2020 complaint guidance is not among the »Min Plan« items of BEK § 52."""
        found = finding(_case(complaint_guidance=stated), COMPLAINT)
        assert (Verdict.NOT_APPLICABLE, "not_required") == (found.verdict, found.facts["reason"])
        assert ("BEK § 52",) == citations(found)
        assert "From 2020" in found.message("en")

    @pytest.mark.parametrize(
        ("stated", "expected"),
        [(True, Verdict.MET), (False, Verdict.NOT_MET), (None, Verdict.NOT_MET)],
        ids=["true", "false", "null"],
    )
    def test_required_from_2020_with_the_interpretation(self, stated: bool | None, expected: Verdict) -> None:
        """With ``complaint_guidance_required_from_2020`` the older six-item list still printed by municipalities applies."""
        found = finding(_case(complaint_guidance=stated), COMPLAINT, complaint_guidance_required_from_2020=True)
        assert expected == found.verdict
        assert (COMPLAINT_PRACTICE, "BEK § 52") == citations(found)
        assert ReferenceKind.INTERPRETATION == found.references[0].kind
        assert "chosen interpretation" in found.message("en")

    def test_lab_2014_messages_name_the_written_agreement(self) -> None:
        """The lab-2014 texts speak of the written agreement."""
        assert "den skriftlige aftale" in finding(_case_2014(complaint_guidance=None), COMPLAINT).message("da")


class TestPrivacy:
    """The ``privacy.identifier_in_text`` notice: a CPR-like string in the record's free text."""

    @pytest.mark.parametrize(
        ("agreement", "field"),
        [
            ({"goal": "Fastholde job (cpr 010203-1234)"}, "periods[0].agreement.goal"),
            ({"tasks": ("Fremmøde", "Ring 0102031234 om morgenen")}, "periods[0].agreement.tasks[1]"),
        ],
        ids=["goal", "task"],
    )
    def test_notice_names_the_field_and_never_the_number(self, agreement: dict[str, Any], field: str) -> None:
        """A CPR number does not belong in free text: the notice names the field, never repeats the number, and changes no verdict."""
        decision = decide(_case(**agreement))
        (notice,) = notices(decision, "privacy.identifier_in_text")
        assert field == notice["subject"]
        for lang in ("da", "en"):
            assert field in notice[lang]
            assert "010203" not in notice[lang]
            assert "1234" not in notice[lang]
        assert "010203" not in decision.to_json()
        assert _verdicts(_case()) == _verdicts(_case(**agreement))

    def test_no_notice_for_a_phone_number(self) -> None:
        """Eight digits are a phone number, not a CPR number."""
        assert () == notices(decide(_case(goal="Ring 20304050")), "privacy.identifier_in_text")


# --- the property: removing one mandatory item -------------------------------------------


def _remove(agreement: Agreement, rule: str, how: int) -> Agreement:
    """Return ``agreement`` without the item that ``rule`` checks (``how`` picks one way of leaving it out)."""
    blank: Any = (None, "", "  ")[how % 3]
    changes: dict[str, Any] = {
        WRITTEN: {"written": False},
        GOAL: {"goal": blank},
        NAME: {"mentor_name": blank},
        CONTACT: {"mentor_contact": blank},
        TASKS: {"tasks": ((), ("",), (" ", "\t"))[how % 3]},
        DURATION: ({"start": None}, {"end": None}, {"start": None, "end": None})[how % 3],
        HOURS: {"hours": (None, Hours(amount=Decimal(0), unit=HoursUnit.PER_WEEK))[how % 2]},
        COMPLAINT: {"complaint_guidance": (None, False)[how % 2]},
    }[rule]
    return attrs.evolve(agreement, **changes)


_texts = st.text(min_size=1, max_size=30).filter(lambda s: s.strip())
_names = st.sampled_from(["Mette Jensen", "Åse Ørum", "Søren Kierkegaard", "Ali Hassan"])
_contacts = st.sampled_from(["+45 20 30 40 50", "0045 20304050", "20304050", "+4420304050123", "mette@example.dk"])
_hours = st.builds(
    Hours,
    amount=st.decimals(min_value=Decimal("0.25"), max_value=Decimal(10_000), places=2),
    unit=st.sampled_from(list(HoursUnit)),
)


@st.composite
def _complete_cases(draw: st.DrawFn, law: str) -> Case:
    """Draw a complete case with one period of at most six months and a complete record of it."""
    year = 2016 if law == "lab-2014" else 2024
    start = draw(st.dates(min_value=date(year, 1, 1), max_value=date(year + 1, 12, 31)))
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=180)))
    name = draw(_names)
    agreement = Agreement(
        written=True,
        goal=draw(_texts),
        mentor_name=draw(st.sampled_from([name, name.upper(), f"  {name} "])),
        mentor_contact=draw(_contacts),
        tasks=tuple(draw(st.lists(_texts, min_size=1, max_size=3))),
        start=start,
        end=end,
        hours=draw(_hours),
        complaint_guidance=True,
    )
    builder = complete_case_2014 if law == "lab-2014" else complete_case
    return builder(mentor=complete_mentor(name=name), periods=(Period(start=start, end=end, agreement=agreement),))


@pytest.mark.parametrize("law", ["lab-2014", "lab-2020"])
@given(data=st.data())
def test_removing_one_item_fails_exactly_that_item(law: str, data: st.DataObject) -> None:
    """Leaving any one mandatory item out of a complete record makes exactly that item's rule not met and leaves the others as they were."""
    case = data.draw(_complete_cases(law))
    mandatory = (WRITTEN, *ITEMS, COMPLAINT) if law == "lab-2014" else (WRITTEN, *ITEMS)
    rule = data.draw(st.sampled_from(mandatory))
    how = data.draw(st.integers(min_value=0, max_value=2))
    (period,) = case.periods
    assert period.agreement is not None
    damaged = attrs.evolve(case, periods=(attrs.evolve(period, agreement=_remove(period.agreement, rule, how)),))
    before, after = _verdicts(case), _verdicts(damaged)
    assert all(v == [Verdict.MET] for r, v in before.items() if r in mandatory)
    assert [Verdict.NOT_MET] == after[rule]
    assert {r: v for r, v in before.items() if r != rule} == {r: v for r, v in after.items() if r != rule}
