"""
evaluate(): the whole law in every decision, in catalogue order, with its notices.

DESIGN sections 4-6: every rule id appears in every decision; findings come in
catalogue order, then by the input index of their subject (periods are judged in
date order but always named by their place in the input); the ``flag``
interpretation turns a verdict into ``needs_assessment`` where the two readings of
the month arithmetic disagree; and four notices inform without changing a verdict.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from builders import complete_case_data, period_data
from mentorrules import (
    Agreement,
    AmbiguousDates,
    Assessment,
    Case,
    CaseError,
    Citizen,
    EducationAdmission,
    EducationRightWindow,
    Engager,
    FieldError,
    Hours,
    HoursUnit,
    Interpretation,
    LawDate,
    Mentor,
    MentorEmployer,
    MentorRulesDeprecationWarning,
    MentorRulesError,
    Period,
    PsychiatricDischarge,
    Task,
    UnsupportedDateError,
    Verdict,
    evaluate,
    load_case,
)
from mentorrules.engine.evaluate import _unverified_notices, epoch_rules
from mentorrules.engine.registry import build_views
from mentorrules.law.versions import SNAPSHOTS, snapshot_for
from mentorrules.rules import CATALOGUE


V = Verdict
RULE_IDS = [rule.id for rule in CATALOGUE]
FLAG = Interpretation(ambiguous_dates="flag")
STRICT = Interpretation(ambiguous_dates="strict")
GUIDANCE = Interpretation(under_30_education_guidance=True)


DEFAULT = Interpretation()


def decide(interpretation: Interpretation = DEFAULT, **overrides: Any) -> Any:
    return evaluate(load_case(complete_case_data(**overrides)), interpretation=interpretation)


def verdicts(decision: Any, rule: str) -> list[tuple[str, str]]:
    return [(f.subject, f.verdict.value) for f in decision.findings_for(rule)]


def notices(decision: Any, code: str | None = None) -> list[tuple[str, str]]:
    return [(n.code, n.subject) for n in decision.notices if code is None or n.code == code]


# --- the whole law, in order ------------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [
        Case(decision_date=date(2024, 2, 20)),
        Case(decision_date=date(2014, 1, 1)),
        load_case(complete_case_data()),
        load_case(complete_case_data(periods=[period_data("2024-03-01", "2024-08-31")] * 3)),
    ],
    ids=["empty-2024", "empty-2014", "complete", "three-periods"],
)
def test_every_rule_id_appears_in_catalogue_order(case: Case) -> None:
    """Every rule id of the catalogue appears in every decision at least once, and findings follow the catalogue order."""
    decision = evaluate(case)
    rules = [f.rule for f in decision.findings]
    assert sorted(set(rules), key=RULE_IDS.index) == RULE_IDS
    assert rules == sorted(rules, key=RULE_IDS.index)


def test_without_periods_the_per_period_rules_are_missing_or_not_applicable() -> None:
    """No periods: duration.period_length and agreement.written are missing facts (subject "periods"), the rest not applicable."""
    decision = evaluate(Case(decision_date=date(2024, 2, 20)))
    per_period = [
        (f.rule, f.subject, f.verdict.value)
        for f in decision.findings
        if f.rule.startswith(("duration.", "agreement."))
    ]
    expected = [
        (
            rule,
            "periods",
            "missing_facts" if rule in ("duration.period_length", "agreement.written") else "not_applicable",
        )
        for rule in RULE_IDS
        if rule.startswith(("duration.", "agreement."))
    ]
    assert per_period == expected


def test_findings_index_periods_as_given_but_judge_them_in_date_order() -> None:
    """Periods given out of order: the earliest is the first period and the latest the current one, named by input index."""
    periods = [
        period_data("2024-09-01", "2025-02-28", assessment={"outcome": True}),  # second in time
        {"start": "2024-03-01", "end": "2024-08-31"},  # first in time, no agreement (an earlier period)
        period_data("2025-03-01", "2025-08-31"),  # current, not assessed
    ]
    decision = decide(decision_date="2025-02-15", periods=periods)
    assert verdicts(decision, "duration.new_period") == [
        ("periods[0]", "met"),
        ("periods[1]", "not_applicable"),
        ("periods[2]", "needs_assessment"),
    ]
    assert decision.findings_for("duration.new_period")[2].facts["previous_end"] == date(2025, 2, 28)
    assert verdicts(decision, "agreement.written") == [
        ("periods[0].agreement", "met"),
        ("periods[1].agreement", "not_applicable"),
        ("periods[2].agreement", "met"),
    ]
    subjects = [f.subject for f in decision.findings if f.rule == "duration.period_length"]
    assert subjects == ["periods[0]", "periods[1]", "periods[2]"]


def test_current_period_without_agreement_is_missing_facts() -> None:
    """The current period's agreement is required: absent, every applicable agreement rule is missing facts for it."""
    decision = decide(decision_date="2018-01-10", periods=[{"start": "2018-02-01", "end": "2018-07-31"}])
    agreement = [(f.rule, f.verdict.value) for f in decision.findings if f.rule.startswith("agreement.")]
    assert agreement == [(rule, "missing_facts") for rule in RULE_IDS if rule.startswith("agreement.")]
    decision = decide(periods=[{"start": "2024-03-01", "end": "2024-08-31"}])
    assert verdicts(decision, "agreement.complaint_guidance") == [("periods[0].agreement", "not_applicable")]
    assert verdicts(decision, "agreement.goal") == [("periods[0].agreement", "missing_facts")]


def test_overlapping_new_period_is_not_met() -> None:
    """A later period that starts on or before an earlier period's end is not a new period at expiry: not met."""
    periods = [
        period_data("2024-03-01", "2024-08-31"),
        period_data("2024-08-31", "2024-12-31", assessment={"outcome": True}),
    ]
    decision = decide(periods=periods)
    (first, second) = decision.findings_for("duration.new_period")
    assert (first.verdict, second.verdict, second.facts["follows"]) == (V.NOT_APPLICABLE, V.NOT_MET, "overlap")


# --- the aggregate verdict on real decisions ---------------------------------------------


def test_a_right_that_fails_does_not_fail_the_decision() -> None:
    """A psychiatric right that does not exist (citizen outside § 6) leaves the discretionary support met (LAB § 167, stk. 1)."""
    decision = decide(
        citizen={"birth_date": "1979-11-02", "target_group": "none"},
        psychiatric_discharge={"discharge_date": "2024-05-01", "inpatient": True, "psychiatric": True},
    )
    assert verdicts(decision, "right.psychiatric_discharge") == [("", "not_met")]
    assert decision.verdict is V.MET


def test_not_applicable_findings_do_not_enter_the_verdict() -> None:
    """A complete 2024 grant is met although several rules are not applicable."""
    decision = decide()
    assert {f.verdict for f in decision.findings} == {V.MET, V.NOT_APPLICABLE}
    assert decision.verdict is V.MET


def test_every_period_covered_by_a_right_needs_no_decisive_need() -> None:
    """When a met right covers every period, the decisive need and new-period assessments do not apply."""
    periods = [period_data("2025-04-01", "2025-09-30")]
    decision = decide(
        decision_date="2025-03-25",
        decisive_need=None,
        citizen={"birth_date": "1979-11-02", "target_group": "sickness_benefit"},
        periods=periods,
        psychiatric_discharge={"discharge_date": "2025-06-30", "inpatient": True, "psychiatric": True},
    )
    assert verdicts(decision, "right.psychiatric_discharge") == [("", "met")]
    assert verdicts(decision, "eligibility.decisive_need") == [("", "not_applicable")]
    assert decision.verdict is V.MET


# --- input checks -----------------------------------------------------------------------


@pytest.mark.parametrize("case", [{"decision_date": "2024-02-20"}, '{"decision_date": "2024-02-20"}', None, 42])
def test_evaluate_rejects_what_is_not_a_case(case: Any) -> None:
    """evaluate() takes a Case; JSON (a dict or text) must go through load_case(), and the error says so."""
    with pytest.raises(CaseError) as raised:
        evaluate(case)
    assert raised.value.paths == ("",)
    assert "load_case" in str(raised.value)
    actual = type(case).__name__
    assert str(raised.value) == f"1 bad field: <document>: expected a Case, not {actual}; use load_case() for JSON"
    assert (
        raised.value.text()
        == f"1 ugyldigt felt: <dokument>: forventede en Case, ikke {actual}; brug load_case() til JSON"
    )


@pytest.mark.parametrize("interpretation", [{"ambiguous_dates": "strict"}, "strict", None])
def test_evaluate_rejects_what_is_not_an_interpretation(interpretation: Any) -> None:
    """The interpretation must be an Interpretation; a mapping is rejected naming the path "interpretation"."""
    with pytest.raises(CaseError) as raised:
        evaluate(Case(decision_date=date(2024, 2, 20)), interpretation=interpretation)
    assert raised.value.paths == ("interpretation",)
    actual = type(interpretation).__name__
    assert str(raised.value) == f"1 bad field: interpretation: expected an Interpretation, not {actual}"
    assert raised.value.text() == f"1 ugyldigt felt: interpretation: forventede en Interpretation, ikke {actual}"


# --- flag: both readings of the month arithmetic -------------------------------------------


def _month_end_case() -> Case:
    return load_case(complete_case_data(decision_date="2025-08-20", periods=[period_data("2025-08-31", "2026-02-28")]))


def test_month_end_period_under_each_reading() -> None:
    """2025-08-31 + 6 months: the period may end 2026-02-28 favouring the citizen, 2026-02-27 strictly; flag asks the caseworker."""
    case = _month_end_case()
    favour = evaluate(case).findings_for("duration.period_length")[0]
    strict = evaluate(case, interpretation=STRICT).findings_for("duration.period_length")[0]
    flag = evaluate(case, interpretation=FLAG).findings_for("duration.period_length")[0]
    assert (favour.verdict, favour.to_dict()["facts"]["max_end"]) == (V.MET, "2026-02-28")
    assert (strict.verdict, strict.to_dict()["facts"]["max_end"]) == (V.NOT_MET, "2026-02-27")
    facts = flag.to_dict()["facts"]
    assert flag.verdict is V.NEEDS_ASSESSMENT
    assert (facts["max_end"], facts["max_end_strict"]) == ("2026-02-28", "2026-02-27")
    assert (facts["reason"], facts["verdict_favour_citizen"], facts["verdict_strict"]) == (
        "ambiguous_dates",
        "met",
        "not_met",
    )
    assert flag.message("en") != favour.message("en")  # it says why the caseworker must decide


def test_flag_marks_every_rule_the_readings_split() -> None:
    """Under flag the agreement's duration is flagged too; its strict reason is not copied as a <fact>_strict."""
    decision = evaluate(_month_end_case(), interpretation=FLAG)
    duration = decision.findings_for("agreement.duration")[0]
    assert duration.verdict is V.NEEDS_ASSESSMENT
    assert "reason_strict" not in duration.facts
    assert duration.facts["max_end_strict"] == date(2026, 2, 27)
    assert decision.verdict is V.NEEDS_ASSESSMENT
    assert [f.rule for f in decision.unresolved()] == ["duration.period_length", "agreement.duration"]


def test_flag_keeps_the_verdict_when_both_readings_agree() -> None:
    """Where both readings are met, flag keeps met and still reports the strict limit beside the citizen's."""
    case = load_case(complete_case_data(decision_date="2025-08-20", periods=[period_data("2025-08-31", "2026-02-01")]))
    (finding,) = evaluate(case, interpretation=FLAG).findings_for("duration.period_length")
    assert finding.verdict is V.MET
    assert (finding.facts["max_end"], finding.facts["max_end_strict"]) == (date(2026, 2, 28), date(2026, 2, 27))
    assert "reason" not in finding.facts


def test_flag_without_ambiguity_equals_favour_citizen() -> None:
    """Where no date is ambiguous, flag gives the same findings as favour_citizen."""
    case = load_case(complete_case_data())
    flag = evaluate(case, interpretation=FLAG)
    favour = evaluate(case)
    assert [f.to_dict() for f in flag.findings] == [f.to_dict() for f in favour.findings]
    assert flag.verdict is favour.verdict
    assert flag.fingerprint != favour.fingerprint  # the interpretation is part of the input


# --- notices ---------------------------------------------------------------------------------

CPR = "010203-1234"


def test_cpr_number_in_case_id_is_flagged_without_repeating_it() -> None:
    """A case_id holding a CPR number gets a privacy notice on "case_id"; its message never repeats the number."""
    decision = decide(case_id=CPR)
    assert notices(decision, "privacy.identifier_in_text") == [("privacy.identifier_in_text", "case_id")]
    (notice,) = decision.notices
    for lang in ("da", "en"):
        message = notice.message(lang)
        assert "case_id" in message
        assert "010203" not in message
        assert "1234" not in message
    assert "010203" not in decision.to_json().replace(decision.fingerprint, "")
    assert decision.verdict is V.MET  # information only


@pytest.mark.parametrize(
    ("case_id", "flagged"),
    [
        ("0102031234", True),  # ten digits, a valid date
        ("ref 290200-1234 x", True),  # 29 February
        ("3213001234", False),  # no 32nd day
        ("0113001234", False),  # no 13th month
        ("300201-1234", False),  # no 30 February
        ("01020312345", False),  # eleven digits
        ("sag-20304050", False),  # a phone number
        ("", False),
    ],
)
def test_only_cpr_like_numbers_are_flagged(case_id: str, flagged: bool) -> None:
    """A CPR number is ddmmyy-xxxx or ten digits whose first six form a valid date; other numbers are not flagged."""
    assert bool(notices(decide(case_id=case_id), "privacy.identifier_in_text")) is flagged


def test_cpr_numbers_are_found_in_every_text_field() -> None:
    """Every free-text field is checked, and each notice names the field's path in the input, in document order."""
    assessment = Assessment(outcome=True, by=CPR, reason=CPR)
    agreement = Agreement(written=True, goal=CPR, mentor_name=CPR, mentor_contact=CPR, tasks=("ok", CPR))
    case = Case(
        decision_date=date(2024, 2, 20),
        case_id=CPR,
        decisive_need=assessment,
        beyond_usual_duties=assessment,
        mentor=Mentor(name=CPR, phone=CPR, email=CPR),
        tasks=(Task(description="ok"), Task(description=CPR)),
        periods=(
            Period(start=date(2024, 3, 1), end=date(2024, 8, 31)),
            Period(start=date(2024, 9, 1), end=date(2025, 2, 28), assessment=assessment, agreement=agreement),
        ),
    )
    assert [subject for _, subject in notices(evaluate(case), "privacy.identifier_in_text")] == [
        "decisive_need.by",
        "decisive_need.reason",
        "mentor.name",
        "mentor.phone",
        "mentor.email",
        "tasks[1].description",
        "beyond_usual_duties.by",
        "beyond_usual_duties.reason",
        "periods[1].assessment.by",
        "periods[1].assessment.reason",
        "periods[1].agreement.goal",
        "periods[1].agreement.mentor_name",
        "periods[1].agreement.mentor_contact",
        "periods[1].agreement.tasks[1]",
        "case_id",
    ]  # in document order: the order of the fields of Case


def test_cpr_number_is_found_without_a_mentor_or_periods() -> None:
    """The privacy check reads every text the case has, also when it has no mentor, tasks or periods."""
    case = Case(decision_date=D, case_id="x", decisive_need=Assessment(outcome=True, reason=f"cpr {CPR}"))
    assert notices(evaluate(case)) == [("privacy.identifier_in_text", "decisive_need.reason")]
    assert notices(evaluate(Case(decision_date=D, case_id="12345 678901"))) == []


def test_lone_surrogate_text_is_rejected_by_load_case_and_survives_evaluate() -> None:
    """
    Regression: a lone surrogate in a text must not crash evaluate() (it raised UnicodeEncodeError).

    JSON allows the escape "\\ud800", but no UTF-8 output can hold it: load_case rejects it
    as a CaseError naming the field, and a Case built directly with one is still decided,
    its fingerprint computed and its privacy check run.
    """
    with pytest.raises(CaseError) as raised:
        load_case('{"decision_date": "2024-02-20", "case_id": "\\ud800 ref"}')
    assert raised.value.paths == ("case_id",)
    decision = evaluate(Case(decision_date=D, case_id=f"\ud800 {CPR}"))
    assert decision.fingerprint.startswith("sha256:")
    assert notices(decision) == [("privacy.identifier_in_text", "case_id")]
    decision.to_json().encode("utf-8")


def _ordinary_education(
    birth_date: str | None, purpose: str = "ordinary_education", **overrides: Any
) -> dict[str, Any]:
    return {
        "citizen": {"birth_date": birth_date, "target_group": "unemployment_benefit"},
        "purpose": purpose,
        **overrides,
    }


@pytest.mark.parametrize("interpretation", [Interpretation(), GUIDANCE], ids=["statute", "guidance"])
def test_guidance_conflict_for_ordinary_education_at_35(interpretation: Interpretation) -> None:
    """Ordinary education for a citizen of 35 on the first period's start: STAR's guidance and the statute disagree, either way."""
    decision = decide(interpretation, **_ordinary_education("1989-02-01"))
    assert notices(decision, "guidance.conflict") == [("guidance.conflict", "purpose")]
    (notice,) = [n for n in decision.notices if n.code == "guidance.conflict"]
    assert "2024-03-01" in notice.message("da")
    expected = "not_met" if interpretation.under_30_education_guidance else "met"
    assert verdicts(decision, "eligibility.purpose") == [("", expected)]


@pytest.mark.parametrize("interpretation", [Interpretation(), GUIDANCE], ids=["statute", "guidance"])
@pytest.mark.parametrize(
    "facts",
    [
        _ordinary_education("1995-03-02"),  # 29 on 2024-03-01
        _ordinary_education("1989-02-01", purpose="offer"),
        _ordinary_education("1989-02-01", purpose="other"),
        _ordinary_education(None),
        _ordinary_education("1989-02-01", periods=[]),
    ],
    ids=["under-30", "offer", "other", "age-unknown", "no-periods"],
)
def test_no_guidance_conflict_otherwise(interpretation: Interpretation, facts: dict[str, Any]) -> None:
    """No guidance.conflict when the citizen is under 30, the purpose is not ordinary education, or the age is unknown."""
    assert notices(decide(interpretation, **facts), "guidance.conflict") == []


def test_guidance_under_30_with_unknown_age_is_missing_facts() -> None:
    """With STAR's under-30 guidance chosen, ordinary education with an unknown birth date is missing facts."""
    decision = decide(GUIDANCE, **_ordinary_education(None))
    (finding,) = decision.findings_for("eligibility.purpose")
    assert (finding.verdict, finding.facts["reason"]) == (V.MISSING_FACTS, "age_unknown")
    assert [r.citation for r in finding.references][-1].startswith("STAR")
    under = decide(GUIDANCE, **_ordinary_education("1995-03-02")).findings_for("eligibility.purpose")[0]
    assert (under.verdict, under.facts["reason"]) == (V.MET, "under_30")


def test_transition_notice_names_the_period_outside_the_window() -> None:
    """A lab-2014 decision on a period ending in 2020 gets law.transition for that period (indexed as given)."""
    periods = [period_data("2019-01-01", "2019-06-30"), period_data("2019-11-01", "2020-04-30")]
    decision = decide(decision_date="2019-10-15", periods=periods)
    assert decision.law.id == "lab-2014"
    assert notices(decision, "law.transition") == [("law.transition", "periods[1]")]
    (notice,) = [n for n in decision.notices if n.code == "law.transition"]
    assert "2019-11-01" in notice.message("da")
    assert "lab-2014" in notice.message("en")
    assert notice.facts["reason"] == "partly_outside"
    assert "entirely outside" not in notice.message("en")


def test_transition_notice_says_when_a_period_lies_entirely_outside_the_window() -> None:
    """A period wholly after the applied version's window has reason "outside" and says so; one across its edge "partly_outside"."""
    periods = [period_data("2019-12-01", "2020-05-31"), period_data("2020-03-01", "2020-08-31")]
    decision = decide(decision_date="2019-11-15", periods=periods)
    assert decision.law.id == "lab-2014"
    reasons = [(n.subject, n.facts["reason"]) for n in decision.notices if n.code == "law.transition"]
    assert reasons == [("periods[0]", "partly_outside"), ("periods[1]", "outside")]
    outside = [n for n in decision.notices if n.code == "law.transition"][1]
    assert "helt uden for" in outside.message("da")
    assert "entirely outside" in outside.message("en")


def test_transition_notice_for_a_period_starting_before_the_window() -> None:
    """A lab-2020 decision on a period starting in 2019 gets law.transition; a period inside the window does not."""
    periods = [period_data("2019-12-01", "2020-05-31"), period_data("2020-06-01", "2020-11-30")]
    decision = decide(decision_date="2020-01-10", periods=periods)
    assert notices(decision, "law.transition") == [("law.transition", "periods[0]")]
    assert notices(decide(), "law.transition") == []


BEK_1216_ITEMS = ["BEK § 52", *(f"BEK § 52, nr. {item}" for item in range(1, 6))]


def _unverified(decision: Any) -> list[str]:
    return [n.facts["citation"] for n in decision.notices if n.code == "law.unverified"]


def test_unverified_notice_per_applying_unverified_reference() -> None:
    """law.unverified: one notice per distinct unverified reference cited by a finding that applies."""
    assert _unverified(decide(decision_date="2026-01-06")) == []
    # From 2026-01-07 every citation of BEK nr. 1216/2023 is unverified (C2.8): the record's items cite § 52.
    assert _unverified(decide(decision_date="2026-01-07")) == BEK_1216_ITEMS
    assert _unverified(decide(decision_date="2026-02-01")) == [
        "lov nr. 1750 af 29. december 2025, § 1, nr. 1 (»jobcenteret« ændres til »kommunen«)",
        *BEK_1216_ITEMS,
    ]
    # lab-2014 cites nothing unverified in the complete case
    assert notices(decide(decision_date="2019-06-01"), "law.unverified") == []


def test_bek_1216_is_unverified_from_2026_01_07_in_every_rule() -> None:
    """Every reference to BEK nr. 1216/2023 has verified false from a law date of 2026-01-07, and only from then (C2.8)."""
    for day, verified in ((date(2026, 1, 6), True), (date(2026, 1, 7), False), (date(2026, 12, 31), False)):
        cited = [
            reference
            for view in _views_on(day).values()
            for references in view.references.values()
            for reference in references
            if reference.source == "BEK nr. 1216 af 28. september 2023"
        ]
        assert cited, day
        assert {reference.verified for reference in cited} == {verified}, day


def _views_on(day: date) -> Any:
    (views,) = [views for snapshot, views in build_views(CATALOGUE) if snapshot is snapshot_for(day)]
    return views


def test_unverified_notices_are_distinct_and_skip_not_applicable() -> None:
    """Two findings citing the same unverified reference give one notice; a not-applicable finding gives none."""
    mentor = _views_on(date(2026, 2, 1))["eligibility.mentor"]
    education = _views_on(date(2022, 1, 1))["right.education_admission"]
    (unverified,) = [r for r in mentor.references[""] if not r.verified]
    (old_right,) = education.references[""]
    assert not old_right.verified  # § 167, stk. 3 on its assumed first day
    findings = [
        mentor.finding(V.MET, ""),
        mentor.finding(V.NOT_MET, "", variant="guidance"),
        education.finding(V.NOT_APPLICABLE, ""),
    ]
    result = _unverified_notices(findings)
    assert [(n.code, n.subject, n.references) for n in result] == [("law.unverified", "", (unverified,))]
    assert dict(result[0].facts) == {"citation": unverified.citation, "note": unverified.note}
    assert _unverified_notices([education.finding(V.NEEDS_ASSESSMENT, "")])[0].references == (old_right,)


@pytest.mark.parametrize("snapshot", [s for s in SNAPSHOTS if epoch_rules(s.valid_from).cites_unverified], ids=str)
def test_the_prepared_unverified_notices_are_those_read_from_the_findings(snapshot: Any) -> None:
    """The notices an epoch prepares for each reference variant are those read from a finding's references."""
    epoch = epoch_rules(snapshot.valid_from)
    views = [view for view in epoch.views.values() if view.cites_unverified]
    findings = [
        view.finding(verdict, "", variant=variant)
        for view in views
        for variant in view.references
        for verdict in (V.NOT_APPLICABLE, V.MET)
    ]
    prepared = _unverified_notices(findings, epoch.unverified)
    assert prepared == _unverified_notices(findings)
    assert len({id(notice) for notice in prepared}) == len({notice.references for notice in prepared}) == len(prepared)
    # A finding whose references are no variant of a view (an equal tuple, not the view's): read, as before.
    (first, *_) = [finding for finding in findings if finding.verdict is V.MET]
    copied = first._replace(references=(*first.references,))
    assert copied.references is not first.references
    assert _unverified_notices([*findings, copied], epoch.unverified) == prepared
    assert _unverified_notices([copied], epoch.unverified) == _unverified_notices([copied])


def test_notice_order_privacy_rules_transition_unverified() -> None:
    """Notices come privacy first, then those the rules raise, then transitions, then unverified references."""
    periods = [period_data("2025-09-01", "2026-02-28")]
    decision = decide(
        decision_date="2026-02-01",
        case_id=CPR,
        periods=periods,
        **_ordinary_education("1980-01-01"),
    )
    codes = [code for code, _ in notices(decision)]
    assert codes == ["privacy.identifier_in_text", "guidance.conflict"] + ["law.unverified"] * (1 + len(BEK_1216_ITEMS))


def test_decision_records_the_inputs() -> None:
    """The decision records the case, the decision date, the law and the interpretation it used."""
    case = Case(decision_date=date(2024, 2, 20), citizen=Citizen(birth_date=date(2000, 2, 29)))
    decision = evaluate(case, interpretation=STRICT)
    assert decision.case is case
    assert decision.decision_date == date(2024, 2, 20)
    assert decision.interpretation is STRICT
    assert decision.law.id == "lab-2020"


def test_hours_are_decimals() -> None:
    """The hours fact keeps the exact decimal, written plainly in JSON."""
    decision = decide(periods=[period_data("2024-03-01", "2024-08-31", hours={"amount": "7.50", "unit": "total"})])
    (hours,) = decision.findings_for("agreement.hours")
    assert hours.facts["amount"] == Decimal("7.5")
    assert hours.to_dict()["facts"] == {"amount": "7.5", "unit": "total", "basis": "person"}


# --- the inputs: facts, interpretation and errors ----------------------------------------------
#
# DESIGN section 3: facts are checked when built; a wrong type, a date outside
# 1900-01-01..2199-12-31, a period ending before it starts or hours outside 0..10,000
# raise CaseError naming every bad field.  Unknown facts (None) are never errors.

D = date(2024, 3, 1)
VALID: dict[type, dict[str, Any]] = {
    Assessment: {"outcome": True},
    Citizen: {},
    Mentor: {},
    Task: {"description": "Støtte"},
    Hours: {"amount": Decimal(3), "unit": HoursUnit.PER_WEEK},
    Agreement: {"written": True},
    Period: {"start": D, "end": D},
    PsychiatricDischarge: {"discharge_date": D, "inpatient": True, "psychiatric": True},
    EducationAdmission: {"admission_date": D, "qualifying": True},
    Case: {"decision_date": D},
}
BAD_FIELDS = [
    (Assessment, "outcome", "yes", "must be bool, not str"),
    (Assessment, "outcome", None, "is required"),
    (Assessment, "on", "2024-03-01", "must be a date, not str"),
    (Assessment, "on", date(1899, 12, 31), "between 1900-01-01 and 2199-12-31"),
    (Assessment, "by", 3, "must be str, not int"),
    (Assessment, "reason", True, "must be str, not bool"),
    (Citizen, "birth_date", datetime(1990, 1, 1), "must be a date, not datetime"),
    (Citizen, "target_group", "none", "must be a TargetGroup, not str"),
    (Mentor, "name", 1, "must be str, not int"),
    (Mentor, "phone", b"20304050", "must be str, not bytes"),
    (Mentor, "email", True, "must be str, not bool"),
    (Mentor, "employer", "company", "must be a MentorEmployer, not str"),
    (Mentor, "engaged_by", MentorEmployer.COMPANY, "must be an Engager, not MentorEmployer"),
    (Task, "description", None, "is required"),
    (Task, "description", 3, "must be str, not int"),
    (Task, "within_usual_duties", "yes", "must be bool, not str"),
    (Hours, "amount", None, "is required"),
    (Hours, "amount", 3, "must be Decimal, not int"),
    (Hours, "amount", 3.0, "must be Decimal, not float"),
    (Hours, "amount", True, "must be Decimal, not bool"),
    (Hours, "amount", Decimal(-1), "must lie between 0 and 10000"),
    (Hours, "amount", Decimal("10000.01"), "must lie between 0 and 10000"),
    (Hours, "amount", Decimal("NaN"), "must be a finite number, not NaN"),
    (Hours, "amount", Decimal("Infinity"), "must be a finite number, not Infinity"),
    (Hours, "unit", None, "is required"),
    (Hours, "unit", "per_week", "must be a HoursUnit, not str"),
    (Agreement, "written", None, "is required"),
    (Agreement, "written", 1, "must be bool, not int"),
    (Agreement, "concluded_on", "2024", "must be a date, not str"),
    (Agreement, "goal", 1, "must be str, not int"),
    (Agreement, "mentor_name", ["Mette"], "must be str, not list"),
    (Agreement, "mentor_contact", 20304050, "must be str, not int"),
    (Agreement, "tasks", ["ok", 1], "item 1 must be str, not int"),
    (Agreement, "tasks", [None], "item 0 must be str, not NoneType"),
    (Agreement, "start", date(2200, 1, 1), "between 1900-01-01 and 2199-12-31"),
    (Agreement, "end", "2024-08-31", "must be a date, not str"),
    (Agreement, "hours", {"amount": 3, "unit": "total"}, "must be Hours, not dict"),
    (Agreement, "complaint_guidance", "no", "must be bool, not str"),
    (Period, "start", None, "is required"),
    (Period, "end", None, "is required"),
    (Period, "start", "2024-03-01", "must be a date, not str"),
    (Period, "end", date(2024, 2, 29), "must not be before start"),
    (Period, "assessment", {"outcome": True}, "must be Assessment, not dict"),
    (Period, "agreement", True, "must be Agreement, not bool"),
    (PsychiatricDischarge, "discharge_date", None, "is required"),
    (PsychiatricDischarge, "inpatient", None, "is required"),
    (PsychiatricDischarge, "psychiatric", 1, "must be bool, not int"),
    (EducationAdmission, "admission_date", "2024-03-01", "must be a date, not str"),
    (EducationAdmission, "qualifying", "yes", "must be bool, not str"),
    (EducationAdmission, "right_invoked_on", date(1800, 1, 1), "between 1900-01-01 and 2199-12-31"),
    (Case, "decision_date", None, "is required"),
    (Case, "citizen", {"birth_date": None}, "must be Citizen, not dict"),
    (Case, "purpose", "offer", "must be a Purpose, not str"),
    (Case, "decisive_need", True, "must be Assessment, not bool"),
    (Case, "mentor", "Mette", "must be Mentor, not str"),
    (Case, "tasks", [Task(description="ok"), "x"], "item 1 must be Task, not str"),
    (Case, "beyond_usual_duties", {}, "must be Assessment, not dict"),
    (Case, "periods", [None], "item 0 must be Period, not NoneType"),
    (Case, "psychiatric_discharge", 1, "must be PsychiatricDischarge, not int"),
    (Case, "education_admission", D, "must be EducationAdmission, not date"),
    (Case, "case_id", 5, "must be str, not int"),
]


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    BAD_FIELDS,
    ids=[f"{cls.__name__}.{field}={value!r}" for cls, field, value, _ in BAD_FIELDS],
)
def test_facts_reject_a_bad_field_naming_it(cls: type, field: str, value: Any, message: str) -> None:
    """Every construction check raises CaseError naming exactly the bad field and saying what is wrong."""
    with pytest.raises(CaseError) as raised:
        cls(**{**VALID[cls], field: value})
    assert [(error.path, message in error.message) for error in raised.value.errors] == [(field, True)], (
        raised.value.errors
    )


@pytest.mark.parametrize("cls", list(VALID), ids=lambda cls: cls.__name__)
def test_facts_accept_their_minimal_valid_form(cls: type) -> None:
    """Each fact class builds from its required fields alone; every other field is unknown (None) or empty."""
    fact = cls(**VALID[cls])
    assert attrs.asdict(fact, recurse=False).keys() >= VALID[cls].keys()


def test_facts_name_every_bad_field_at_once() -> None:
    """A CaseError lists every bad field in field order, never only the first."""
    with pytest.raises(CaseError) as raised:
        Period(start="2024-03-01", end=None, assessment=1, agreement=2)  # type: ignore[arg-type]
    assert raised.value.paths == ("start", "end", "assessment", "agreement")
    with pytest.raises(CaseError) as raised:
        Case(decision_date=date(2200, 1, 1), purpose="offer", case_id=1)  # type: ignore[arg-type]
    assert raised.value.paths == ("decision_date", "purpose", "case_id")
    assert str(raised.value).startswith("3 bad fields: decision_date: ")
    with pytest.raises(CaseError) as raised:
        Agreement(written=None, tasks="abc")  # type: ignore[arg-type]
    assert [(e.path, e.message) for e in raised.value.errors] == [
        ("written", "is required"),
        ("tasks", "must be a list, not str"),
    ]


class Text(str):
    """A str subclass, as numpy.str_ values from a data frame are."""


def test_facts_accept_str_subclasses_as_text() -> None:
    """Text from a data frame (a str subclass such as numpy.str_) is text: accepted and judged like any str."""
    mentor = Mentor(name=Text("Mette Jensen"), phone=Text("+45 20 30 40 50"))
    agreement = Agreement(written=True, goal=Text("Job"), tasks=(Text("Struktur"),))
    assert (mentor.name, agreement.tasks) == ("Mette Jensen", ("Struktur",))
    case = Case(decision_date=D, case_id=Text("010203-1234"), mentor=mentor)
    assert notices(evaluate(case), "privacy.identifier_in_text") == [("privacy.identifier_in_text", "case_id")]


def test_facts_accept_boundary_values_and_lists() -> None:
    """Dates 1900-01-01 and 2199-12-31, hours 0 and 10,000 are valid; lists become tuples, None an empty tuple."""
    assert Hours(amount=Decimal(0), unit=HoursUnit.TOTAL).amount == 0
    assert Hours(amount=Decimal(10000), unit=HoursUnit.TOTAL).amount == 10000
    assert Period(start=date(1900, 1, 1), end=date(2199, 12, 31)).end == date(2199, 12, 31)
    assert Agreement(written=False, tasks=["a", "b"]).tasks == ("a", "b")  # type: ignore[arg-type]
    assert Agreement(written=False, tasks=None).tasks == ()  # type: ignore[arg-type]
    case = Case(decision_date=D, tasks=[Task(description="x")], periods=None)  # type: ignore[arg-type]
    assert (case.tasks, case.periods) == ((Task(description="x"),), ())
    assert (
        Mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.MUNICIPALITY).engaged_by
        is Engager.MUNICIPALITY
    )


@pytest.mark.parametrize(
    ("cls", "field", "value"),
    [
        (Agreement, "tasks", "abc"),
        (Agreement, "tasks", {"a": 1}),
        (Case, "tasks", ""),
        (Case, "periods", ""),
        (Case, "periods", {}),
        (Agreement, "tasks", 3),
        (Case, "tasks", 3),
        (Case, "periods", date(2024, 3, 1)),
    ],
    ids=[
        "agreement-tasks-str",
        "agreement-tasks-dict",
        "case-tasks-empty-str",
        "case-periods-empty-str",
        "case-periods-dict",
        "agreement-tasks-int",
        "case-tasks-int",
        "case-periods-date",
    ],
)
def test_tuple_fields_reject_what_is_not_a_list(cls: type, field: str, value: Any) -> None:
    """
    A list field given a string, a mapping, a number or a date is a CaseError naming the field.

    Regression: the fast path of ``__attrs_post_init__`` checked only the items
    (``all(type(t) is str for t in self.tasks)``), which is true for a string or any empty
    iterable, so ``Agreement.tasks = "abc"`` or ``Case.periods = ""`` were stored as they
    were, and ``Case.tasks = 3`` raised TypeError instead of CaseError.
    """
    with pytest.raises(CaseError) as raised:
        cls(**{**VALID[cls], field: value})
    assert raised.value.paths == (field,)
    assert "must be a list" in raised.value.errors[0].message


# --- Interpretation -----------------------------------------------------------------------------


def test_interpretation_defaults_and_string_values() -> None:
    """Every interpretation field has a default, and enum fields accept their string values."""
    default = Interpretation()
    assert default.to_dict() == {
        "ambiguous_dates": "favour_citizen",
        "complaint_guidance_required_from_2020": False,
        "strict_mentor_categories": True,
        "psychiatric_period_may_exceed_six_months": False,
        "education_right_window": "invocation",
        "under_30_education_guidance": False,
        "law_date": "decision_date",
    }
    choices = {"ambiguous_dates": "strict", "education_right_window": "admission", "law_date": "period_start"}
    chosen = Interpretation(**choices)  # type: ignore[arg-type]  # the documented JSON usage
    assert chosen.ambiguous_dates is AmbiguousDates.STRICT
    assert chosen.education_right_window is EducationRightWindow.ADMISSION
    assert chosen.law_date is LawDate.PERIOD_START
    assert chosen == Interpretation(
        ambiguous_dates=AmbiguousDates.STRICT,
        education_right_window=EducationRightWindow.ADMISSION,
        law_date=LawDate.PERIOD_START,
    )


@pytest.mark.parametrize(
    "interpretation",
    [
        Interpretation(),
        Interpretation(
            ambiguous_dates="flag",
            complaint_guidance_required_from_2020=True,
            strict_mentor_categories=False,
            psychiatric_period_may_exceed_six_months=True,
            education_right_window="admission",
            under_30_education_guidance=True,
            law_date="period_start",
        ),
    ],
)
def test_interpretation_round_trips_through_its_dict(interpretation: Interpretation) -> None:
    """from_dict(to_dict()) gives the same interpretation, and Interpretation(**to_dict()) too."""
    assert Interpretation.from_dict(interpretation.to_dict()) == interpretation
    assert Interpretation(**interpretation.to_dict()) == interpretation


def test_interpretation_from_a_partial_dict_keeps_the_other_defaults() -> None:
    """Keys left out of the mapping keep their defaults."""
    assert Interpretation.from_dict({"under_30_education_guidance": True}) == Interpretation(
        under_30_education_guidance=True
    )
    assert Interpretation.from_dict({}) == Interpretation()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ambiguous_dates", "sometimes", "must be one of 'favour_citizen', 'strict', 'flag', not 'sometimes'"),
        ("ambiguous_dates", 3, "must be one of"),
        ("ambiguous_dates", ["strict"], "must be one of"),
        ("education_right_window", "enrolment", "must be one of 'invocation', 'admission'"),
        ("law_date", None, "must be one of 'decision_date', 'period_start', not None"),
        ("complaint_guidance_required_from_2020", "yes", "must be true or false, not 'yes'"),
        ("strict_mentor_categories", 1, "must be true or false, not 1"),
        ("psychiatric_period_may_exceed_six_months", None, "must be true or false"),
        ("under_30_education_guidance", 0, "must be true or false"),
    ],
)
def test_interpretation_rejects_a_bad_value_naming_the_field(field: str, value: Any, message: str) -> None:
    """A value outside a field's choices raises CaseError naming the field and the allowed values."""
    with pytest.raises(CaseError) as raised:
        Interpretation(**{field: value})
    assert [(e.path, message in e.message) for e in raised.value.errors] == [(field, True)], raised.value.errors
    with pytest.raises(CaseError) as raised:
        Interpretation.from_dict({field: value})
    assert raised.value.paths == (field,)


def test_interpretation_from_dict_names_every_unknown_key_and_bad_value() -> None:
    """from_dict reports every unknown key and every bad value at once, in the mapping's order."""
    with pytest.raises(CaseError) as raised:
        Interpretation.from_dict(
            {"ambiguous": "strict", "law_date": "today", "strict_mentor_categories": False, "x": 1}
        )
    assert raised.value.paths == ("ambiguous", "law_date", "x")
    assert (
        "unknown interpretation; known: ambiguous_dates, complaint_guidance_required_from_2020"
        in raised.value.errors[0].message
    )


# --- errors -------------------------------------------------------------------------------------


def test_case_error_describes_every_field() -> None:
    """CaseError is a ValueError and a MentorRulesError; str() and to_dict() list every bad field."""
    one = CaseError([FieldError(path="periods[1].end", message="must not be before start")])
    assert str(one) == "1 bad field: periods[1].end: must not be before start"
    two = CaseError(
        (FieldError(path="", message="expected an object"), FieldError(path="case_id", message="must be str"))
    )
    assert str(two) == "2 bad fields: <document>: expected an object; case_id: must be str"
    assert two.paths == ("", "case_id")
    assert two.to_dict() == {
        "type": "CaseError",
        "message": str(two),
        "text": {
            "da": "2 ugyldige felter: <dokument>: expected an object; case_id: must be str",
            "en": "2 bad fields: <document>: expected an object; case_id: must be str",
        },
        "errors": [
            # Field errors given only in English read the same in both languages.
            {
                "path": "",
                "message": "expected an object",
                "text": {"da": "expected an object", "en": "expected an object"},
            },
            {"path": "case_id", "message": "must be str", "text": {"da": "must be str", "en": "must be str"}},
        ],
    }
    assert isinstance(two, ValueError)
    assert isinstance(two, MentorRulesError)
    assert str(FieldError(path="x", message="y")) == "x: y"


def test_deprecation_warning_is_a_deprecation_warning() -> None:
    """The library's deprecation warning is a DeprecationWarning, so test runners show it to integrators."""
    assert issubclass(MentorRulesDeprecationWarning, DeprecationWarning)
    assert issubclass(UnsupportedDateError, MentorRulesError)
    assert issubclass(UnsupportedDateError, LookupError)
