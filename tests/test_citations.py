"""
Citations by law version (DESIGN sections 5-6, contract 2, C2.7 and C2.8).

* Nothing under ``lab-2014`` cites a section of chapter 26 (§§ 167-171): every
  reference, text, note and rendering cites chapter 9 b; a text may name a later
  section only to explain a reading borrowed from it, and then says so.
* From a law date of 2026-01-07 every reference to BEK nr. 1216/2023 is unverified (it
  was amended by BEK nr. 12 af 7. januar 2026, whose text is not verified).
* A dated detail is verified from the first consolidation that contains it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import complete_case, complete_case_2014, complete_citizen, complete_period, decide, finding
from mentorrules import (
    Case,
    Decision,
    EducationAdmission,
    Interpretation,
    LawDate,
    PsychiatricDischarge,
    TargetGroup,
    Verdict,
    evaluate,
)
from mentorrules.engine.evaluate import all_views
from mentorrules.model.outcomes import Finding
from mentorrules.render import decision_html, decision_markdown, explain
from mentorrules.rules._base import AMBIGUOUS_TEMPLATE, PENDING_TEMPLATE, RuleView
from mentorrules.testing import cases, interpretations


ONE_DAY = timedelta(days=1)
#: A citation of a section of chapter 26 (§§ 167-171 of the 2019 act).
_CHAPTER_26 = re.compile(r"§§? ?1(?:6[7-9]|7[01])(?![0-9])")


def chapter_26_citations(text: str) -> list[str]:
    """Return the sentences of ``text`` that cite chapter 26 without saying the section is a later one."""
    bad = []
    text = " ".join(text.split())  # wrapped lines join again
    for match in _CHAPTER_26.finditer(text):
        sentence_start = text.rfind(". ", 0, match.start()) + 1
        sentence = text[sentence_start : match.end() + 40]
        if not re.search(r"\b(senere|later)\b", sentence):
            bad.append(sentence)
    return bad


def test_the_pattern_finds_what_it_must() -> None:
    assert chapter_26_citations("Støtten (LAB § 167, stk. 1).") == ["Støtten (LAB § 167, stk. 1)."]
    assert chapter_26_citations("the later categories of § 168 apply") == []
    assert chapter_26_citations("LAB § 31 b, stk. 1; LAB § 16") == []


def _lab_2014_views() -> Iterator[RuleView]:
    for snapshot, views in all_views():
        if snapshot.is_2014:
            yield from views.values()


def _every_message(view: RuleView) -> Iterator[tuple[str, str]]:
    """Every message of a view: each template worded with placeholder facts, under each reference variant."""
    keys = {(verdict, reason) for verdict, reason in view._templates}
    for references in view.references.values():
        for verdict, reason in sorted(keys):
            facts: dict[str, object] = {"reason": reason} if reason else {}
            for template in (*view._templates[(verdict, reason)], *AMBIGUOUS_TEMPLATE, *PENDING_TEMPLATE):
                for name in re.findall(r"{(\w+)}", template):
                    facts.setdefault(name, "x")
            found = Finding(view.id, verdict, "", references, facts, view)  # type: ignore[arg-type]
            yield view.messages(found)


@pytest.mark.parametrize("view", list(_lab_2014_views()), ids=lambda view: f"{view.id}@{view.snapshot.valid_from}")
def test_no_lab_2014_reference_or_text_cites_chapter_26(view: RuleView) -> None:
    """Every rule x verdict x reason x reference variant under lab-2014 cites chapter 9 b only."""
    for references in view.references.values():
        for reference in references:
            assert not _CHAPTER_26.search(reference.citation), (view.id, reference.citation)
            assert not _CHAPTER_26.search(reference.source), (view.id, reference.source)
            assert chapter_26_citations(reference.note or "") == [], (view.id, reference.note)
    for da, en in _every_message(view):
        assert chapter_26_citations(da) == [], (view.id, da)
        assert chapter_26_citations(en) == [], (view.id, en)


def _renderings(decision: Decision) -> Iterator[str]:
    for lang in ("da", "en"):
        yield explain(decision, lang)
        yield decision_markdown(decision, lang)
        yield decision_html(decision, lang)
    for item in (*decision.findings, *decision.notices):
        yield item.message("da")
        yield item.message("en")


@settings(max_examples=60)
@given(cases(decision_dates=st.dates(date(2014, 1, 1), date(2019, 12, 31))), interpretations())
def test_no_lab_2014_decision_renders_a_chapter_26_citation(case: Case, interpretation: Interpretation) -> None:
    decision = evaluate(case, interpretation=attrs.evolve(interpretation, law_date=LawDate.DECISION_DATE))
    assert decision.law.id == "lab-2014"
    for text in _renderings(decision):
        assert chapter_26_citations(text) == []


def test_a_lab_2014_decision_with_both_rights_renders_no_chapter_26_citation() -> None:
    case = complete_case_2014(
        citizen=complete_citizen(target_group=TargetGroup.SICKNESS_BENEFIT),
        psychiatric_discharge=PsychiatricDischarge(discharge_date=date(2018, 2, 1), inpatient=True, psychiatric=True),
        education_admission=EducationAdmission(admission_date=date(2018, 2, 1), qualifying=True),
    )
    for text in _renderings(decide(case)):
        assert chapter_26_citations(text) == []


# --- C2.8: BEK nr. 1216/2023 unverified from 2026-01-07 -------------------------------


def _on(day: date) -> Decision:
    return decide(complete_case(decision_date=day))


@pytest.mark.parametrize(
    ("day", "verified"), [(date(2026, 1, 6), True), (date(2026, 1, 7), False), (date(2026, 1, 8), False)]
)
def test_bek_1216_is_unverified_from_7_january_2026(day: date, verified: bool) -> None:
    decision = _on(day)
    bek = [r for f in decision.findings for r in f.references if r.source.startswith("BEK nr. 1216")]
    assert bek
    assert {r.verified for r in bek} == {verified}
    unverified = {n.facts["citation"] for n in decision.notices if n.code == "law.unverified"}
    assert any(citation.startswith("BEK § 52") for citation in unverified) is not verified


def test_bek_1216_before_2024_is_another_order() -> None:
    decision = _on(date(2023, 12, 31))
    assert {r.source for f in decision.findings for r in f.references if r.act == "BEK"} == {
        "BEK nr. 2636 af 28. december 2021"
    }


# --- dated details: verified from the first consolidation that contains them --------------


def _education(day: date) -> Finding:
    case = complete_case(
        decision_date=day,
        periods=(complete_period(day, day + timedelta(days=100)),),
        education_admission=EducationAdmission(admission_date=day, qualifying=True, right_invoked_on=day),
    )
    return finding(case, "right.education_admission")


@pytest.mark.parametrize(
    ("day", "in_force", "verified"),
    [
        (date(2021, 12, 31), False, False),
        (date(2022, 1, 1), True, False),
        (date(2022, 5, 21), True, False),
        (date(2022, 5, 22), True, True),  # LBK 701/2022 contains § 167, stk. 3
    ],
)
def test_the_education_right_is_verified_from_lbk_701_2022(day: date, in_force: bool, verified: bool) -> None:
    right = _education(day)
    assert (right.verdict is not Verdict.NOT_APPLICABLE) is in_force
    assert [r.verified for r in right.references] == [verified]


@pytest.mark.parametrize(
    ("day", "verified"),
    [(date(2023, 4, 1), False), (date(2024, 2, 29), False), (date(2024, 3, 1), True)],  # LBK 280/2024 has the words
)
def test_the_purpose_words_of_stk_2_are_verified_from_lbk_280_2024(day: date, verified: bool) -> None:
    case = complete_case(
        decision_date=day,
        periods=(complete_period(day, day + timedelta(days=100)),),
        psychiatric_discharge=PsychiatricDischarge(discharge_date=day, inpatient=True, psychiatric=True),
    )
    right = finding(case, "right.psychiatric_discharge")
    lov_295 = [r for r in right.references if r.citation.startswith("lov nr. 295")]
    assert [r.verified for r in lov_295] == [verified]


# --- the law.transition notice --------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "reason", "word"),
    [
        (date(2019, 12, 1), date(2020, 3, 31), "partly_outside", "delvis"),
        (date(2019, 6, 1), date(2019, 11, 30), "outside", "helt"),
        (date(2019, 7, 1), date(2019, 12, 31), "outside", "helt"),  # ends the day before the window opens
        (date(2020, 1, 1), date(2020, 6, 30), None, None),
    ],
)
def test_transition_says_outside_or_partly_outside(
    start: date, end: date, reason: str | None, word: str | None
) -> None:
    decision = decide(complete_case(decision_date=date(2020, 1, 15), periods=(complete_period(start, end),)))
    notices = [n for n in decision.notices if n.code == "law.transition"]
    if reason is None:
        assert notices == []
        return
    (notice,) = notices
    assert notice.facts["reason"] == reason
    assert word in notice.message("da")
    assert ("entirely" if reason == "outside" else "partly") in notice.message("en")


def test_no_text_doubles_the_municipality() -> None:
    from builders import complete_mentor
    from mentorrules import Engager, MentorEmployer

    for mentor in (
        complete_mentor(),
        complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.MUNICIPALITY),
    ):
        for day in (date(2018, 2, 20), date(2024, 2, 20), date(2026, 3, 1)):
            decision = decide(complete_case(decision_date=day, mentor=mentor, periods=(complete_period(day, day),)))
            for text in _renderings(decision):
                assert "kommunen (kommunen)" not in text
                assert "municipality (the municipality)" not in text
