"""
Properties the law implies for the rights and the § 169 conditions (DESIGN section 5, contract 2).

Each property is drawn over :func:`mentorrules.testing.cases`, the public strategy, and
states what the statute or the contract implies for every case, not for a sample.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from mentorrules import (
    AmbiguousDates,
    Assessment,
    Case,
    Citizen,
    Interpretation,
    LawDate,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Verdict,
    evaluate,
)
from mentorrules.engine.coverage import coverage
from mentorrules.engine.evaluate import _law_date, _sorted_periods
from mentorrules.engine.notices import NOTICE_EXPLAINER
from mentorrules.law.versions import snapshot_for
from mentorrules.rules._base import Context
from mentorrules.rules._coverage import Coverage
from mentorrules.rules.rights import PSYCHIATRIC
from mentorrules.testing import cases, interpretations


ONE_DAY = timedelta(days=1)
_SAME = {Verdict.NOT_APPLICABLE: Verdict.MET}
discharge_cases = cases().filter(lambda case: case.psychiatric_discharge is not None)


def _context(case: Case, interpretation: Interpretation) -> Context:
    periods = _sorted_periods(case)
    mode = interpretation.ambiguous_dates
    if mode is AmbiguousDates.FLAG:
        mode = AmbiguousDates.FAVOUR_CITIZEN
    snapshot = snapshot_for(_law_date(case, interpretation, periods))
    return Context(case, interpretation, snapshot, periods, mode, NOTICE_EXPLAINER)


def psychiatric_coverage(case: Case, interpretation: Interpretation) -> Coverage:
    """Return what the psychiatric right would cover if it were met (the engine's coverage pass)."""
    ctx = _context(case, interpretation)
    assert PSYCHIATRIC.windows is not None
    return coverage(PSYCHIATRIC.windows(ctx), ctx.periods, ctx.own_end)


@given(discharge_cases, interpretations(), st.integers(1, 400), st.integers(0, 200))
def test_an_earlier_unrelated_period_never_changes_what_the_right_covers(
    case: Case, interpretation: Interpretation, gap: int, length: int
) -> None:
    """A period that ended before the window opened is unrelated support: it never moves S (C2.1)."""
    interpretation = attrs.evolve(interpretation, law_date=LawDate.DECISION_DATE)
    assert case.psychiatric_discharge is not None
    earliest = _psychiatric_finding(case, interpretation).facts["earliest_start"]
    assert isinstance(earliest, date)
    end = earliest - timedelta(days=gap)
    start = end - timedelta(days=length)
    assume(start >= date(1900, 1, 1))
    before = psychiatric_coverage(case, interpretation)
    more = attrs.evolve(case, periods=(*case.periods, Period(start=start, end=end)))
    after = psychiatric_coverage(more, interpretation)
    new = len(case.periods)
    assert after.covered - {new} == before.covered
    assert {i: d for i, d in after.limits.items() if i != new} == dict(before.limits)
    assert {i: d for i, d in after.partly.items() if i != new} == dict(before.partly)
    right_before = _psychiatric_finding(case, interpretation)
    right_after = _psychiatric_finding(more, interpretation)
    for fact in ("earliest_start", "support_start", "minimum_end", "limit"):
        assert right_after.facts[fact] == right_before.facts[fact]


def _psychiatric_finding(case: Case, interpretation: Interpretation):  # type: ignore[no-untyped-def]
    return evaluate(case, interpretation=interpretation).findings_for("right.psychiatric_discharge")[0]


@given(cases(), interpretations(), st.sampled_from([MentorEmployer.COMPANY, MentorEmployer.EDUCATION_INSTITUTION]))
def test_company_or_school_support_always_tests_decisive_need(
    case: Case, interpretation: Interpretation, employer: MentorEmployer
) -> None:
    """§ 169, stk. 1: for support to a company or school, decisive need is never not applicable (C2.3)."""
    case = attrs.evolve(case, mentor=Mentor(name="Mette Jensen", employer=employer))
    decisive = evaluate(case, interpretation=interpretation).findings_for("eligibility.decisive_need")[0]
    assert decisive.verdict is not Verdict.NOT_APPLICABLE
    assert decisive.facts["basis"] == "section_169"


@given(cases(), interpretations(), st.data())
def test_a_blank_task_item_beside_stated_ones_never_fails_the_tasks(
    case: Case, interpretation: Interpretation, data: st.DataObject
) -> None:
    """A blank line in the list of tasks does not make the stated tasks unstated (C2.6)."""
    before = evaluate(case, interpretation=interpretation).findings_for("agreement.tasks")
    periods = []
    for period in case.periods:
        agreement = period.agreement
        if agreement is not None:
            tasks = list(agreement.tasks)
            tasks.insert(data.draw(st.integers(0, len(tasks))), data.draw(st.sampled_from(["", " ", "\t", " \n "])))
            agreement = attrs.evolve(agreement, tasks=tuple(tasks))
        periods.append(attrs.evolve(period, agreement=agreement))
    after = evaluate(attrs.evolve(case, periods=tuple(periods)), interpretation=interpretation)
    for old, new in zip(before, after.findings_for("agreement.tasks"), strict=True):
        if old.verdict is Verdict.MET:
            assert new.verdict is Verdict.MET


@given(discharge_cases, interpretations())
def test_with_in_connection_a_late_start_never_refuses_the_right(case: Case, interpretation: Interpretation) -> None:
    """BEK § 128, stk. 3: support in connection with the discharge is under the right, whenever it starts (C2.1)."""
    assert case.psychiatric_discharge is not None
    discharge = attrs.evolve(case.psychiatric_discharge, in_connection=Assessment(outcome=True))
    right = _psychiatric_finding(attrs.evolve(case, psychiatric_discharge=discharge), interpretation)
    assert right.facts.get("reason") != "start_not_in_connection"
    failed = right.facts.get("failed", ())
    assert isinstance(failed, tuple)
    assert "in_connection" not in failed
    if right.verdict is Verdict.NOT_MET:
        assert failed


@st.composite
def pending_psychiatric_cases(draw: st.DrawFn) -> Case:
    """A case whose psychiatric right waits only on ``in_connection``: support starts 1-60 days after the discharge."""
    case = draw(cases().filter(lambda case: bool(case.periods)))
    first = min(period.start for period in case.periods)
    discharge = PsychiatricDischarge(
        discharge_date=first - timedelta(days=draw(st.integers(1, 60))), inpatient=True, psychiatric=True
    )
    return attrs.evolve(
        case,
        citizen=Citizen(birth_date=date(1980, 1, 1), target_group=draw(st.sampled_from(_SECTION_6))),
        purpose=draw(st.sampled_from(_PURPOSES)),
        psychiatric_discharge=discharge,
        education_admission=None,
    )


_SECTION_6 = [group for group in TargetGroup if group is not TargetGroup.NONE]
_PURPOSES = [purpose for purpose in Purpose if purpose is not Purpose.OTHER]


@given(pending_psychiatric_cases(), interpretations())
def test_a_pending_right_never_lets_a_finding_refuse_what_it_would_cover(
    case: Case, interpretation: Interpretation
) -> None:
    """
    C2.11: with the right pending only on ``in_connection``, a finding differs from the right's met
    evaluation exactly when it carries ``pending``, and never through a ``not_met``.
    """
    interpretation = attrs.evolve(
        interpretation, ambiguous_dates=AmbiguousDates.FAVOUR_CITIZEN, law_date=LawDate.DECISION_DATE
    )
    pending = evaluate(case, interpretation=interpretation)
    right = pending.findings_for("right.psychiatric_discharge")[0]
    assert right.verdict is Verdict.NEEDS_ASSESSMENT
    assert case.psychiatric_discharge is not None
    met_case = attrs.evolve(
        case, psychiatric_discharge=attrs.evolve(case.psychiatric_discharge, in_connection=Assessment(outcome=True))
    )
    met = evaluate(met_case, interpretation=interpretation)
    assert met.findings_for("right.psychiatric_discharge")[0].verdict is Verdict.MET
    assert right in pending.unresolved()
    for waiting, covered in zip(pending.findings, met.findings, strict=True):
        if waiting.rule.startswith("right."):
            continue
        without = waiting.facts.get("verdict_without_right", waiting.verdict)
        assert isinstance(without, Verdict)
        changes = _SAME.get(without, without) is not _SAME.get(covered.verdict, covered.verdict)
        assert ("pending" in waiting.facts) is changes, (waiting, covered)
        if changes:
            assert waiting.verdict is Verdict.NEEDS_ASSESSMENT
        if waiting.verdict is Verdict.NOT_MET:
            assert covered.verdict is Verdict.NOT_MET
