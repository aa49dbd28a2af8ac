"""
The record's items (DESIGN section 5, contract 2, C2.6): tasks with blank lines, contact data.

BEK § 52 (and old § 31 c, stk. 2): the record states "hvilke opgaver mentoren skal bistå
med" and "mentorens navn og kontaktdata".  A blank line beside a stated task does not
make the tasks unstated, and contact data that the library does not recognise as a phone
number or an e-mail address (a postal address, say) is for a caseworker to check.
"""

from __future__ import annotations

import pytest

from builders import complete_agreement, complete_case, complete_period, finding
from mentorrules import Verdict
from mentorrules.rules.agreement import is_contact


TASKS = "agreement.tasks"
CONTACT = "agreement.mentor_contact"


def with_record(**items: object):
    return complete_case(periods=(complete_period(agreement=complete_agreement(**items)),))


class TestTasks:
    @pytest.mark.parametrize(
        ("tasks", "verdict", "blank_items"),
        [
            (("Struktur i hverdagen",), Verdict.MET, 0),
            (("Struktur i hverdagen", "  "), Verdict.MET, 1),
            (("", "Struktur i hverdagen", "\t"), Verdict.MET, 2),
            (("  ",), Verdict.NOT_MET, 1),
            ((), Verdict.NOT_MET, 0),
        ],
    )
    def test_at_least_one_stated_task(self, tasks: tuple[str, ...], verdict: Verdict, blank_items: int) -> None:
        found = finding(with_record(tasks=tasks), TASKS)
        assert (found.verdict, found.facts["count"], found.facts["blank_items"]) == (verdict, len(tasks), blank_items)


class TestContact:
    @pytest.mark.parametrize(
        "text",
        [
            "20304050",
            "+45 20 30 40 50",
            "0045 20304050",
            "(+45) 20-30.40.50",
            "20-30-40-50",
            " 20.30.40.50 ",
            "+1 (555) 123-4567",
            "mette.jensen@example.org",
            " mette @ example . org ",
        ],
    )
    def test_phone_numbers_and_email_addresses_are_met(self, text: str) -> None:
        assert is_contact(text)
        assert finding(with_record(mentor_contact=text), CONTACT).verdict is Verdict.MET

    @pytest.mark.parametrize(
        "text",
        [
            "Jobcenter Assens, Willemoesgade 15, 5610 Assens",
            "2030405",  # seven digits
            "203040506",  # nine digits without +
            "２０３０４０５０",  # full-width digits are not ASCII digits
            "20/30/40/50",  # only spaces, hyphens, dots and parentheses are removed
            "20X30X40X50",
            "mette@example..org",  # an empty domain label
            "mette@example",
            "ring til Mette",
        ],
    )
    def test_other_stated_text_needs_assessment(self, text: str) -> None:
        assert not is_contact(text)
        found = finding(with_record(mentor_contact=text), CONTACT)
        assert (found.verdict, found.facts["reason"]) == (Verdict.NEEDS_ASSESSMENT, "unrecognised_contact")

    @pytest.mark.parametrize("text", [None, "", "   "])
    def test_not_stated_is_not_met(self, text: str | None) -> None:
        assert finding(with_record(mentor_contact=text), CONTACT).verdict is Verdict.NOT_MET
