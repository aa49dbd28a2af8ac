"""
Reliability properties of decisions, over the public strategies of ``mentorrules.testing``.

What an auditor and a municipal system rely on (DESIGN sections 4-6):

* a decision is deterministic, down to the bytes of ``to_json()``;
* the fingerprint identifies the input: it changes when the case, the
  interpretation, the law version or the library version changes, and only then;
* the aggregate verdict is the documented function of the findings;
* the law's monotonicities: a longer period is never *more* within the six-month
  limit; recording a positive assessment never makes a finding worse; removing an
  item from an agreement never makes a finding better;
* every finding cites its source, and ``flag`` never says ``met`` where the two
  readings of the month arithmetic disagree on whether a condition holds.

The ranks compare verdicts: ``met`` and ``not_applicable`` 0 < ``needs_assessment`` 1
< ``missing_facts`` 2 < ``not_met`` 3 (the order of the aggregate verdict).
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mentorrules import (
    Agreement,
    AmbiguousDates,
    Assessment,
    Case,
    Decision,
    Interpretation,
    LawDate,
    Period,
    Verdict,
    __version__,
    dump_case,
    evaluate,
    load_case,
)
from mentorrules.law.versions import LAW_VERSIONS
from mentorrules.testing import assessments, cases, dates, interpretations


V = Verdict
RANK = {V.MET: 0, V.NOT_APPLICABLE: 0, V.NEEDS_ASSESSMENT: 1, V.MISSING_FACTS: 2, V.NOT_MET: 3}
OK = {V.MET, V.NOT_APPLICABLE}
ONE_DAY = timedelta(days=1)
AGREEMENT_ITEMS = ("goal", "mentor_name", "mentor_contact", "tasks", "start", "end", "hours", "complaint_guidance")
LAB_2014, LAB_2020 = LAW_VERSIONS

#: Cases that have at least one period (the per-period properties need one).
cases_with_periods = cases().filter(lambda case: bool(case.periods))
positive_assessments = assessments().map(lambda assessment: attrs.evolve(assessment, outcome=True))


def by_subject(decision: Decision) -> dict[tuple[str, str], Verdict]:
    """Each finding's verdict, by rule and subject (unique within a decision)."""
    verdicts = {(f.rule, f.subject): f.verdict for f in decision.findings}
    assert len(verdicts) == len(decision.findings)
    return verdicts


def worse(before: Decision, after: Decision) -> list[tuple[str, str, str, str]]:
    """The findings whose rank rose from ``before`` to ``after`` (both decisions have the same findings)."""
    old, new = by_subject(before), by_subject(after)
    assert old.keys() == new.keys()
    return [
        (rule, subject, old[rule, subject], new[rule, subject])
        for rule, subject in old
        if RANK[new[rule, subject]] > RANK[old[rule, subject]]
    ]


def documented_verdict(decision: Decision) -> Verdict:
    """DESIGN section 4: not_met if any, else missing_facts, else needs_assessment, else met; n/a and right.* ignored."""
    entering = {
        f.verdict for f in decision.findings if f.verdict is not V.NOT_APPLICABLE and not f.rule.startswith("right.")
    }
    for verdict in (V.NOT_MET, V.MISSING_FACTS, V.NEEDS_ASSESSMENT):
        if verdict in entering:
            return verdict
    return V.MET


def twin(case: Case, interpretation: Interpretation) -> tuple[Case, Interpretation]:
    """An equal case and an equal interpretation that are distinct objects (through JSON and a mapping)."""
    return load_case(dump_case(case)), Interpretation(**interpretation.to_dict())


# --- determinism -------------------------------------------------------------------


@given(cases(), interpretations())
def test_decisions_are_deterministic_to_the_byte(case: Case, interpretation: Interpretation) -> None:
    """The same case and interpretation, as the same or as equal objects, give byte-identical to_json()."""
    first = evaluate(case, interpretation=interpretation)
    again = evaluate(case, interpretation=interpretation)
    other_case, other_interpretation = twin(case, interpretation)
    assert other_case is not case
    twin_decision = evaluate(other_case, interpretation=other_interpretation)
    assert first.to_json() == again.to_json() == twin_decision.to_json()
    assert first.to_json(indent=None).encode("utf-8") == twin_decision.to_json(indent=None).encode("utf-8")
    assert first == twin_decision


# --- the fingerprint ---------------------------------------------------------------


@given(cases(), interpretations(), cases(), interpretations(), st.booleans(), st.booleans())
def test_fingerprint_identifies_case_and_interpretation(
    case: Case,
    interpretation: Interpretation,
    other_case: Case,
    other_interpretation: Interpretation,
    same_case: bool,
    same_interpretation: bool,
) -> None:
    """Two decisions have the same fingerprint exactly when case, interpretation, law and library are equal."""
    twin_case, twin_interpretation = twin(case, interpretation)
    second_case = twin_case if same_case else other_case
    second_interpretation = twin_interpretation if same_interpretation else other_interpretation
    one = evaluate(case, interpretation=interpretation)
    two = evaluate(second_case, interpretation=second_interpretation)
    same_input = case == second_case and interpretation == second_interpretation
    assert (one.fingerprint == two.fingerprint) == same_input
    if same_input:
        assert one.law == two.law


@given(cases(), interpretations(), interpretations())
def test_fingerprint_changes_with_the_interpretation_alone(
    case: Case, interpretation: Interpretation, other: Interpretation
) -> None:
    """For the same case, the fingerprint changes exactly when the interpretation does."""
    one = evaluate(case, interpretation=interpretation)
    two = evaluate(case, interpretation=other)
    assert (one.fingerprint == two.fingerprint) == (interpretation == other)


@given(cases(), interpretations())
def test_fingerprint_changes_with_the_library_version_alone(case: Case, interpretation: Interpretation) -> None:
    """A decision recorded by another library version has another fingerprint; the same version, the same one."""
    decision = evaluate(case, interpretation=interpretation)
    assert decision.library_version == __version__
    assert attrs.evolve(decision, library_version="9.9.9").fingerprint != decision.fingerprint
    assert attrs.evolve(decision, library_version=__version__).fingerprint == decision.fingerprint


@given(cases(), interpretations())
def test_fingerprint_changes_with_the_law_version_alone(case: Case, interpretation: Interpretation) -> None:
    """The law version applied is part of the fingerprint: the same decision under the other version differs."""
    decision = evaluate(case, interpretation=interpretation)
    other_law = LAB_2020 if decision.law == LAB_2014 else LAB_2014
    assert attrs.evolve(decision, law=other_law).fingerprint != decision.fingerprint
    assert attrs.evolve(decision, law=decision.law).fingerprint == decision.fingerprint


@given(
    cases(),
    dates(min_value=LAB_2014.valid_from, max_value=LAB_2014.valid_to),
    dates(min_value=LAB_2020.valid_from, max_value=LAB_2020.valid_to),
    st.sampled_from(LAW_VERSIONS),
    st.data(),
)
def test_fingerprint_under_different_decision_dates(
    case: Case, old_date: date, new_date: date, version: object, data: st.DataObject
) -> None:
    """
    The same facts decided on dates in different law versions: another law, another fingerprint.

    Two different decision dates under the same law version change the fingerprint too: the
    decision date is a fact of the case, so the case changed although the law did not.
    """
    interpretation = Interpretation(law_date=LawDate.DECISION_DATE)
    in_2014 = evaluate(attrs.evolve(case, decision_date=old_date), interpretation=interpretation)
    in_2020 = evaluate(attrs.evolve(case, decision_date=new_date), interpretation=interpretation)
    assert (in_2014.law, in_2020.law) == (LAB_2014, LAB_2020)
    assert in_2014.fingerprint != in_2020.fingerprint

    assert version in (LAB_2014, LAB_2020)
    window = dates(min_value=version.valid_from, max_value=version.valid_to)  # type: ignore[attr-defined]
    first, second = data.draw(window), data.draw(window)
    assume(first != second)
    one = evaluate(attrs.evolve(case, decision_date=first), interpretation=interpretation)
    two = evaluate(attrs.evolve(case, decision_date=second), interpretation=interpretation)
    assert one.law == two.law == version
    assert one.fingerprint != two.fingerprint


# --- the aggregate verdict and the references ------------------------------------


@given(cases(), interpretations())
def test_aggregate_verdict_and_references(case: Case, interpretation: Interpretation) -> None:
    """The aggregate verdict is the documented function of the findings, and every finding cites a source."""
    decision = evaluate(case, interpretation=interpretation)
    assert decision.verdict == documented_verdict(decision)
    assert [(f.rule, f.subject) for f in decision.findings if not f.references] == []
    for finding in decision.findings:
        for reference in finding.references:
            assert reference.citation.strip(), finding.rule


# --- monotonicity ------------------------------------------------------------------


def lengthen(period: Period) -> Period:
    """The period one day longer; an agreement that ended with the period still ends with it."""
    end = period.end + ONE_DAY
    agreement = period.agreement
    if agreement is not None and agreement.end == period.end:
        agreement = attrs.evolve(agreement, end=end)
    return attrs.evolve(period, end=end, agreement=agreement)


@given(cases_with_periods, interpretations(), st.data())
def test_a_longer_period_is_never_more_within_the_limit(
    case: Case, interpretation: Interpretation, data: st.DataObject
) -> None:
    """Lengthening a period by a day never turns duration.period_length from not_met to met (nor makes it met)."""
    index = data.draw(st.integers(0, len(case.periods) - 1), label="period")
    periods = list(case.periods)
    periods[index] = lengthen(periods[index])
    before = evaluate(case, interpretation=interpretation)
    after = evaluate(attrs.evolve(case, periods=periods), interpretation=interpretation)
    subject = f"periods[{index}]"
    old = by_subject(before)["duration.period_length", subject]
    new = by_subject(after)["duration.period_length", subject]
    assert not (old is V.NOT_MET and new is V.MET)
    if new is V.MET:
        assert old is V.MET


def record(case: Case, where: str, assessment: Assessment) -> Case:
    """Record ``assessment`` at ``where`` (a case field or ``periods[i]``), which must hold none."""
    if where.startswith("periods["):
        index = int(where[len("periods[") : -1])
        periods = list(case.periods)
        assert periods[index].assessment is None
        periods[index] = attrs.evolve(periods[index], assessment=assessment)
        return attrs.evolve(case, periods=periods)
    assert getattr(case, where) is None
    return attrs.evolve(case, **{where: assessment})


def unrecorded(case: Case) -> list[str]:
    """Where the case records no assessment: decisive need, beyond usual duties, each period."""
    fields = [name for name in ("decisive_need", "beyond_usual_duties") if getattr(case, name) is None]
    return fields + [f"periods[{i}]" for i, period in enumerate(case.periods) if period.assessment is None]


@given(cases(), interpretations(), positive_assessments, st.data())
def test_a_positive_assessment_never_makes_a_finding_worse(
    case: Case, interpretation: Interpretation, assessment: Assessment, data: st.DataObject
) -> None:
    """Recording a positive assessment where none was recorded never raises any finding's rank, nor the verdict's."""
    places = unrecorded(case)
    assume(places)
    where = data.draw(st.sampled_from(places), label="where")
    before = evaluate(case, interpretation=interpretation)
    after = evaluate(record(case, where, assessment), interpretation=interpretation)
    assert worse(before, after) == []
    assert RANK[after.verdict] <= RANK[before.verdict]


def agreement_places(case: Case) -> list[tuple[int, str]]:
    """Each (period index, item) of an agreement that states the item."""
    return [
        (index, item)
        for index, period in enumerate(case.periods)
        if period.agreement is not None
        for item in AGREEMENT_ITEMS
        if getattr(period.agreement, item) not in (None, ())
    ]


def remove_item(case: Case, index: int, item: str) -> Case:
    """The case with ``item`` of ``periods[index].agreement`` set to None (for tasks: none listed)."""
    periods = list(case.periods)
    agreement = periods[index].agreement
    assert isinstance(agreement, Agreement)
    periods[index] = attrs.evolve(periods[index], agreement=attrs.evolve(agreement, **{item: None}))
    return attrs.evolve(case, periods=periods)


@given(cases_with_periods, interpretations(), st.data())
def test_removing_an_agreement_item_never_makes_a_finding_better(
    case: Case, interpretation: Interpretation, data: st.DataObject
) -> None:
    """Setting an item the agreement states (goal, name, contact, tasks, start, end, hours, guidance) to None lowers no rank."""
    places = agreement_places(case)
    assume(places)
    index, item = data.draw(st.sampled_from(places), label="item")
    before = evaluate(case, interpretation=interpretation)
    after = evaluate(remove_item(case, index, item), interpretation=interpretation)
    old, new = by_subject(before), by_subject(after)
    better = [(key, old[key], new[key]) for key in old if RANK[new[key]] < RANK[old[key]]]
    assert better == []
    assert RANK[after.verdict] >= RANK[before.verdict]


# --- flag --------------------------------------------------------------------------


@given(cases(), interpretations())
def test_flag_is_never_met_where_the_readings_disagree(case: Case, interpretation: Interpretation) -> None:
    """
    Where favour_citizen and strict disagree on whether a condition holds, flag is never met: it asks (needs_assessment).

    The two readings disagree when one gives met or not_applicable and the other does not.
    """
    modes = {
        mode: by_subject(evaluate(case, interpretation=attrs.evolve(interpretation, ambiguous_dates=mode)))
        for mode in AmbiguousDates
    }
    favour, strict, flag = (
        modes[AmbiguousDates.FAVOUR_CITIZEN],
        modes[AmbiguousDates.STRICT],
        modes[AmbiguousDates.FLAG],
    )
    assert favour.keys() == strict.keys() == flag.keys()
    disagreeing = [key for key in flag if (favour[key] in OK) != (strict[key] in OK)]
    assert [(key, flag[key]) for key in disagreeing if flag[key] is V.MET] == []
    assert all(flag[key] is V.NEEDS_ASSESSMENT for key in disagreeing)


def test_flag_asks_on_the_ambiguous_day() -> None:
    """The worked example of DESIGN section 6: a period from 2025-08-31 to 2026-02-28 is met only under favour_citizen."""
    case = load_case({"decision_date": "2025-08-20", "periods": [{"start": "2025-08-31", "end": "2026-02-28"}]})
    verdicts = {
        mode: evaluate(case, interpretation=Interpretation(ambiguous_dates=mode))
        .findings_for("duration.period_length")[0]
        .verdict
        for mode in AmbiguousDates
    }
    assert verdicts == {
        AmbiguousDates.FAVOUR_CITIZEN: V.MET,
        AmbiguousDates.STRICT: V.NOT_MET,
        AmbiguousDates.FLAG: V.NEEDS_ASSESSMENT,
    }


@pytest.mark.parametrize("days", [0, 1])
def test_lengthening_crosses_the_limit_once(days: int) -> None:
    """The example behind the monotonicity property: 2024-03-01..2024-08-31 is met, a day longer is not."""
    case = load_case({"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]})
    if days:
        case = attrs.evolve(case, periods=[lengthen(case.periods[0])])
    verdict = evaluate(case).findings_for("duration.period_length")[0].verdict
    assert verdict is (V.NOT_MET if days else V.MET)
