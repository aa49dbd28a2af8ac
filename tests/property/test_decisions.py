"""
Properties of every decision, over generated cases and interpretations (``mentorrules.testing``).

These are the contract's invariants (DESIGN sections 4-6) checked on whatever
Hypothesis draws: decisions are deterministic; the aggregate verdict is the
documented function of the findings; every finding cites its source, names every
rule and explains itself in Danish and English; a rule only gives the verdicts it
declares; ``flag`` asks the caseworker wherever the two readings of the month
arithmetic disagree; the fingerprint identifies the input; and recording a
positive assessment never makes a decision worse.

Run with ``HYPOTHESIS_PROFILE=ci`` (200 examples, derandomized) or ``fuzz``.
"""

from __future__ import annotations

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from mentorrules import AmbiguousDates, Assessment, Case, Decision, Interpretation, Verdict, evaluate
from mentorrules.rules import CATALOGUE
from mentorrules.testing import cases, interpretations


V = Verdict
RULES = {rule.id: rule for rule in CATALOGUE}
RULE_IDS = [rule.id for rule in CATALOGUE]
RANK = {V.MET: 0, V.NEEDS_ASSESSMENT: 1, V.MISSING_FACTS: 2, V.NOT_MET: 3}
OK = {V.MET, V.NOT_APPLICABLE}


def documented_verdict(decision: Decision) -> Verdict:
    """DESIGN section 4: not_met if any, else missing_facts, else needs_assessment, else met; ignoring n/a and right.*."""
    entering = {
        f.verdict for f in decision.findings if f.verdict is not V.NOT_APPLICABLE and not f.rule.startswith("right.")
    }
    for verdict in (V.NOT_MET, V.MISSING_FACTS, V.NEEDS_ASSESSMENT):
        if verdict in entering:
            return verdict
    return V.MET


def outcome(decision: Decision) -> list[tuple[str, str, str, dict[str, object]]]:
    """What a decision decides: each finding's rule, verdict, subject and facts."""
    return [(f.rule, f.verdict.value, f.subject, f.to_dict()["facts"]) for f in decision.findings]


@given(cases(), interpretations())
def test_evaluation_is_deterministic(case: Case, interpretation: Interpretation) -> None:
    """The same case and interpretation give byte-identical JSON (and the same fingerprint) every time."""
    first = evaluate(case, interpretation=interpretation)
    second = evaluate(case, interpretation=interpretation)
    assert first.to_json() == second.to_json()
    assert first.fingerprint == second.fingerprint


@given(cases(), interpretations())
def test_decision_invariants(case: Case, interpretation: Interpretation) -> None:
    """
    Every decision: the documented aggregate verdict; every rule id, in catalogue order; at least one reference per finding.

    A finding is never met (or anything else) without a legal source, and the decision always shows the whole law.
    """
    decision = evaluate(case, interpretation=interpretation)
    assert decision.verdict == documented_verdict(decision)
    rules = [f.rule for f in decision.findings]
    assert sorted(set(rules), key=RULE_IDS.index) == RULE_IDS
    assert rules == sorted(rules, key=RULE_IDS.index)
    assert [f.rule for f in decision.findings if not f.references] == []
    # unresolved(): the findings entering the verdict that are not met, need assessment or miss facts, and
    # (contract 2) the rights that need assessment or miss facts, in catalogue order.
    assert [(f.rule, f.subject) for f in decision.unresolved()] == [
        (f.rule, f.subject)
        for f in decision.findings
        if f.verdict in (V.NEEDS_ASSESSMENT, V.MISSING_FACTS)
        or (f.verdict is V.NOT_MET and not f.rule.startswith("right."))
    ]


@given(cases(), interpretations())
def test_findings_are_ordered_by_subject_index(case: Case, interpretation: Interpretation) -> None:
    """Within a per-period rule, findings follow the input index of their period; there is one per period."""
    decision = evaluate(case, interpretation=interpretation)
    for rule in CATALOGUE:
        subjects = [f.subject for f in decision.findings_for(rule.id)]
        if rule.per == "case":
            assert subjects == [""]
        elif case.periods:
            suffix = ".agreement" if rule.family == "agreement" else ""
            assert subjects == [f"periods[{i}]{suffix}" for i in range(len(case.periods))]
        else:
            assert subjects == ["periods"]


@given(cases(), interpretations())
def test_messages_are_bilingual_and_cite_their_references(case: Case, interpretation: Interpretation) -> None:
    """Every finding explains itself in Danish and in English (different texts), each citing every one of its references."""
    decision = evaluate(case, interpretation=interpretation)
    for finding in decision.findings:
        da, en = finding.message("da"), finding.message("en")
        assert da.strip(), finding.rule
        assert en.strip(), finding.rule
        assert da != en, finding.rule
        for reference in finding.references:
            assert reference.citation in da, (finding.rule, reference.citation)
            assert reference.citation in en, (finding.rule, reference.citation)
    for notice in decision.notices:
        assert notice.message("da").strip()
        assert notice.message("en").strip()


@given(cases(), interpretations())
def test_rules_only_give_their_declared_verdicts(case: Case, interpretation: Interpretation) -> None:
    """
    A rule gives only the verdicts it declares; under flag any rule may also ask for an assessment.

    (contract 2, C2.11) A finding that a pending right would change takes the right's verdict instead: it names
    the right (``pending``), which is needs_assessment or missing_facts, and keeps its own verdict without it.
    """
    decision = evaluate(case, interpretation=interpretation)
    flag = interpretation.ambiguous_dates is AmbiguousDates.FLAG
    rights = {f.rule: f.verdict for f in decision.findings if f.rule.startswith("right.")}
    unexpected = []
    for f in decision.findings:
        pending = f.facts.get("pending")
        if pending is not None:
            assert not f.rule.startswith("right."), f.rule
            assert f.verdict in (V.NEEDS_ASSESSMENT, V.MISSING_FACTS), (f.rule, f.verdict)
            if not flag:  # under flag the right's and the finding's verdicts are each combined from two readings
                assert f.verdict is rights[str(pending)], (f.rule, pending)
            without = f.facts["verdict_without_right"]
            assert isinstance(without, Verdict)
            if without not in RULES[f.rule].verdicts and not (flag and without is V.NEEDS_ASSESSMENT):
                unexpected.append((f.rule, f.subject, without.value))
        elif f.verdict not in RULES[f.rule].verdicts and not (flag and f.verdict is V.NEEDS_ASSESSMENT):
            unexpected.append((f.rule, f.subject, f.verdict.value))
    assert unexpected == []


@given(cases(), interpretations())
def test_flag_asks_where_the_readings_disagree(case: Case, interpretation: Interpretation) -> None:
    """
    Under flag a finding is needs_assessment exactly where favour_citizen and strict disagree on met-ness.

    Where they agree (both met or not applicable, or both not), flag gives the favour_citizen verdict.
    """
    decisions = {
        mode: evaluate(case, interpretation=attrs.evolve(interpretation, ambiguous_dates=mode))
        for mode in AmbiguousDates
    }
    favour = decisions[AmbiguousDates.FAVOUR_CITIZEN].findings
    strict = decisions[AmbiguousDates.STRICT].findings
    flag = decisions[AmbiguousDates.FLAG].findings
    assert (
        [(f.rule, f.subject) for f in flag]
        == [(f.rule, f.subject) for f in favour]
        == [(f.rule, f.subject) for f in strict]
    )
    for f_favour, f_strict, f_flag in zip(favour, strict, flag, strict=True):
        if (f_favour.verdict in OK) != (f_strict.verdict in OK):
            assert f_flag.verdict is V.NEEDS_ASSESSMENT, (
                f_flag.rule,
                f_flag.subject,
                f_favour.verdict,
                f_strict.verdict,
            )
        else:
            assert f_flag.verdict is f_favour.verdict, (f_flag.rule, f_flag.subject)


@given(cases(), interpretations(), st.text(max_size=8))
def test_case_id_changes_the_fingerprint_and_nothing_else(
    case: Case, interpretation: Interpretation, case_id: str
) -> None:
    """The case_id is an opaque reference: changing it changes the fingerprint but no verdict or finding."""
    assume(case_id != case.case_id)
    before = evaluate(case, interpretation=interpretation)
    after = evaluate(attrs.evolve(case, case_id=case_id), interpretation=interpretation)
    assert before.fingerprint != after.fingerprint
    assert before.verdict is after.verdict
    assert outcome(before) == outcome(after)


@given(cases(), interpretations(), interpretations())
def test_fingerprint_changes_with_the_interpretation(case: Case, first: Interpretation, second: Interpretation) -> None:
    """The interpretation is part of the input: a different interpretation gives a different fingerprint."""
    assume(first != second)
    one = evaluate(case, interpretation=first)
    two = evaluate(case, interpretation=second)
    assert one.fingerprint != two.fingerprint


def _record_positive(case: Case, which: int) -> Case:
    """Record the outcome True where an assessment is missing: decisive need, beyond usual duties, or every period."""
    yes = Assessment(outcome=True)
    if which == 0 and case.decisive_need is None:
        return attrs.evolve(case, decisive_need=yes)
    if which == 1 and case.beyond_usual_duties is None:
        return attrs.evolve(case, beyond_usual_duties=yes)
    periods = tuple(p if p.assessment is not None else attrs.evolve(p, assessment=yes) for p in case.periods)
    return attrs.evolve(case, periods=periods)


@given(cases(), interpretations(), st.integers(0, 2))
def test_a_positive_assessment_never_makes_the_decision_worse(
    case: Case, interpretation: Interpretation, which: int
) -> None:
    """Recording a caseworker's positive assessment where none was recorded never raises the verdict's rank (met < needs_assessment < missing_facts < not_met)."""
    before = evaluate(case, interpretation=interpretation)
    after = evaluate(_record_positive(case, which), interpretation=interpretation)
    assert RANK[after.verdict] <= RANK[before.verdict], (before.verdict, after.verdict)
