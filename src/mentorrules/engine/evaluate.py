"""
The decision engine: evaluate a case against the law in force on its law date.

:func:`evaluate` selects the law version and its dated details from the law
date (the decision date, or with ``Interpretation.law_date = "period_start"``
the current period's start), runs every rule of the catalogue, and returns a
:class:`~mentorrules.Decision` holding a finding for every rule id, the
notices, and the aggregate verdict.  The rights run first, because a period
covered by a right changes which discretionary conditions apply to it.

With ``Interpretation.ambiguous_dates = "flag"`` the case is evaluated under
both readings of the month arithmetic; a finding takes the citizen's reading,
gains ``<fact>_strict`` facts where the strict reading differs, and becomes
``needs_assessment`` where one reading is met (or not applicable) and the other
is not.

    >>> from mentorrules import load_case
    >>> case = load_case({"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-09-01"}]})
    >>> decision = evaluate(case)
    >>> decision.law.id, decision.findings_for("duration.period_length")[0].verdict.value
    ('lab-2020', 'not_met')
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from datetime import date
from itertools import product
from types import MappingProxyType
from typing import NamedTuple

from mentorrules.codec.privacy import identifier_fields
from mentorrules.engine.coverage import coverage
from mentorrules.engine.notices import NOTICE_EXPLAINER
from mentorrules.engine.registry import RuleInfo, build_epoch_views
from mentorrules.law.interpretation import AmbiguousDates, Interpretation, LawDate
from mentorrules.law.versions import LAW_VERSIONS, SNAPSHOTS, LawSnapshot, snapshot_for
from mentorrules.model.exceptions import CaseError, FieldError, Messages
from mentorrules.model.facts import Case, Period
from mentorrules.model.outcomes import (
    Decision,
    FactValue,
    Finding,
    Notice,
    Verdict,
    check_lang,
    new_decision,
    worst_verdict,
)
from mentorrules.model.references import LegalReference
from mentorrules.rules import CATALOGUE
from mentorrules.rules._base import AMBIGUOUS_DATES, PENDING, Check, Context, Rule, RuleView, Windows
from mentorrules.rules._coverage import Coverage, Window


__all__ = ["check_interpretation", "evaluate", "rule_catalogue"]

_DEFAULT = Interpretation()
#: The messages about evaluate()'s arguments.
_MESSAGES = Messages(
    {
        "engine.not_a_case": (
            "forventede en Case, ikke {actual}; brug load_case() til JSON",
            "expected a Case, not {actual}; use load_case() for JSON",
        ),
        "engine.not_an_interpretation": (
            "forventede en Interpretation, ikke {actual}",
            "expected an Interpretation, not {actual}",
        ),
    }
)
#: The rights and the other rules, each as (position in the catalogue, rule), in catalogue order.
_RIGHTS_RULES: tuple[tuple[int, Rule], ...] = tuple(
    (position, rule) for position, rule in enumerate(CATALOGUE) if rule.family == "right"
)
_OTHER_RULES: tuple[tuple[int, Rule], ...] = tuple(
    (position, rule) for position, rule in enumerate(CATALOGUE) if rule.family != "right"
)
_SNAPSHOTS_BY_START: Mapping[date, LawSnapshot] = MappingProxyType({s.valid_from: s for s in SNAPSHOTS})


class _Epoch(NamedTuple):
    """
    The rules resolved for one epoch of the law: what an evaluation in it runs.

    Attributes:
        views: A view of every rule, by rule id.
        right_runs: The rights, as (position in the catalogue, check, view, windows); they run first,
            and the coverage is computed from them before the other rules run.
        runs: The other rules, as (position in the catalogue, check, view).
        cites_unverified: The catalogue positions of the rules that cite an unverified reference in this
            epoch: only their findings can raise a law.unverified notice.
        unverified: The law.unverified notices of each reference variant of those rules' views: one for each
            unverified reference the variant cites, keyed by the identity of the variant's tuple (which the
            view holds for its whole life).  There is one notice for each distinct reference: equal
            references of two rules share it.  A notice is immutable, so decisions share them too.
    """

    views: Mapping[str, RuleView]
    right_runs: tuple[tuple[int, Check, RuleView, Windows], ...]
    runs: tuple[tuple[int, Check, RuleView], ...]
    cites_unverified: tuple[int, ...]
    unverified: Mapping[int, tuple[Notice, ...]]


@functools.cache
def epoch_rules(valid_from: date) -> _Epoch:
    """
    Return the rules resolved for the epoch of the law starting on ``valid_from``.

    Built on the first evaluation in the epoch and kept (an evaluation reads a single
    epoch, and ``import mentorrules`` then resolves none of the two hundred views).
    Building depends on nothing but the epoch, so two threads building it at once make
    equal views, and either may be kept.
    """
    views = build_epoch_views(CATALOGUE, _SNAPSHOTS_BY_START[valid_from])
    notices: dict[LegalReference, Notice] = {}  # one for each distinct unverified reference

    def notice(reference: LegalReference) -> Notice:
        if reference not in notices:
            notices[reference] = _unverified_notice(reference)
        return notices[reference]

    unverified = {
        id(references): tuple(notice(reference) for reference in references if not reference.verified)
        for view in views.values()
        if view.cites_unverified
        for references in view.references.values()
    }
    return _Epoch(
        views,
        tuple(
            (position, rule.check, views[rule.id], rule.windows)
            for position, rule in _RIGHTS_RULES
            if rule.windows is not None
        ),
        tuple((position, rule.check, views[rule.id]) for position, rule in _OTHER_RULES),
        tuple(position for position, rule in enumerate(CATALOGUE) if views[rule.id].cites_unverified),
        MappingProxyType(unverified),
    )


def all_views() -> tuple[tuple[LawSnapshot, Mapping[str, RuleView]], ...]:
    """Return, for every epoch of the law, a view of every rule (the rule catalogue, the batch workers)."""
    return tuple((snapshot, epoch_rules(snapshot.valid_from).views) for snapshot in SNAPSHOTS)


#: The catalogue positions of the rights, whose findings do not enter the aggregate verdict.
_RIGHTS = tuple(position for position, rule in enumerate(CATALOGUE) if rule.family == "right")
_RULE_COUNT = len(CATALOGUE)
#: A finding's verdict (its second field), read in C.
_VERDICT_OF = operator.itemgetter(1)
_OK = frozenset({Verdict.MET, Verdict.NOT_APPLICABLE})
#: A right that needs an assessment or a fact is pending: its coverage may still change other findings (C2.11).
_PENDING_VERDICTS = frozenset({Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS})
#: The verdicts that can decide the aggregate (met and not applicable never do: see worst_verdict).
_DECIDING = frozenset({Verdict.NOT_MET, Verdict.MISSING_FACTS, Verdict.NEEDS_ASSESSMENT})
# The members the engine compares with on every evaluation, read once: in CPython 3.11 reading a member off
# its Enum class is a Python-level lookup (about a thousand machine instructions).  The rules read them plainly.
_MET = Verdict.MET
_NOT_APPLICABLE = Verdict.NOT_APPLICABLE
_FLAG = AmbiguousDates.FLAG
_PERIOD_START = LawDate.PERIOD_START


def _sorted_periods(case: Case) -> tuple[tuple[int, Period], ...]:
    periods = case.periods
    if len(periods) == 1:  # the common case: nothing to sort
        return ((0, periods[0]),)
    return tuple(sorted(enumerate(periods), key=lambda pair: pair[1].start))


def _law_date(case: Case, interpretation: Interpretation, periods: tuple[tuple[int, Period], ...]) -> date:
    if interpretation.law_date is _PERIOD_START and periods:
        return periods[-1][1].start
    return case.decision_date


def _run(
    case: Case,
    interpretation: Interpretation,
    snapshot: LawSnapshot,
    periods: tuple[tuple[int, Period], ...],
    mode: AmbiguousDates,
    epoch: _Epoch,
) -> tuple[list[list[Finding]], list[Notice]]:
    """
    Run every rule under one reading of the dates; return each rule's findings (in catalogue order) and the notices.

    ``epoch`` is the rules resolved for the epoch of ``snapshot`` (:func:`epoch_rules`).

    The rights run first.  The coverage of the rights that are met is computed from
    their windows, and the other rules run once with it.  A right that is still
    pending (``needs_assessment`` or ``missing_facts``) may cover the periods too: the
    other rules then also run with its possible coverage, and :func:`_pending` marks
    what it would change (DESIGN section 5, C2.11).
    """
    ctx = Context(case, interpretation, snapshot, periods, mode, NOTICE_EXPLAINER)
    by_rule: list[list[Finding]] = [[]] * _RULE_COUNT
    met: list[Window] = []
    pending: list[tuple[str, Verdict, tuple[Window, ...]]] = []
    for position, check, view, windows in epoch.right_runs:
        findings = by_rule[position] = check(ctx, view)
        verdict = findings[0].verdict
        if verdict is _MET:
            met += windows(ctx)
        elif verdict in _PENDING_VERDICTS:
            candidates = windows(ctx)
            if candidates:
                pending.append((view.id, verdict, candidates))
    runs = epoch.runs
    if met:
        ctx.coverage = coverage(tuple(met), periods, ctx.own_end)
    for position, check, view in runs:
        by_rule[position] = check(ctx, view)
    if pending:
        _pending(ctx, by_rule, tuple(met), pending, runs)
    return by_rule, ctx.notices


#: Verdicts that count as the same when a pending right's coverage is compared (DESIGN section 5, C2.11).
_SAME = MappingProxyType({Verdict.MET: Verdict.MET, Verdict.NOT_APPLICABLE: Verdict.MET})
#: The more pressing of two pending rights' verdicts comes first.
_PENDING_ORDER = (Verdict.MISSING_FACTS, Verdict.NEEDS_ASSESSMENT)


def _pending(
    ctx: Context,
    by_rule: list[list[Finding]],
    met: tuple[Window, ...],
    pending: list[tuple[str, Verdict, tuple[Window, ...]]],
    runs: tuple[tuple[int, Check, RuleView], ...],
) -> None:
    """
    Give every finding that a pending right's coverage would change the right's verdict (DESIGN section 5, C2.11).

    Every combination of the pending rights' possible coverages is evaluated (each
    right off, or on with one of its windows: with an unknown invocation day every
    possible day is its own window, and windows that give equal coverage are tried
    once).  A right *changes* a finding when, in some combination, switching that
    right on changes the finding's verdict (``met`` and ``not_applicable`` counting as
    the same).  Such a finding takes the right's verdict (of two rights, the more
    pressing; on a tie the first in the catalogue, the psychiatric right), with the
    fact ``pending``; the others keep what the evaluation without the pending rights
    gave them.
    """
    periods = ctx.periods
    runs_cache: dict[tuple[object, ...], list[list[Finding]]] = {}

    def run(windows: tuple[Window, ...]) -> list[list[Finding]]:
        cover: Coverage = coverage(met + windows, periods, ctx.own_end)
        key = cover.key()
        found = runs_cache.get(key)
        if found is None:
            other = ctx.with_coverage(cover)
            found = runs_cache[key] = [check(other, view) for _, check, view in runs]
        return found

    base = [by_rule[position] for position, _, _ in runs]
    runs_cache[ctx.coverage.key()] = base
    # Each right's options: off (None) or one of its windows, windows of equal coverage once.
    options: list[list[Window | None]] = []
    for _, _, windows in pending:
        distinct: dict[tuple[object, ...], Window] = {}
        for window in windows:
            distinct.setdefault(coverage((*met, window), periods, ctx.own_end).key(), window)
        options.append([None, *distinct.values()])
    changed: dict[tuple[int, int], set[int]] = {}  # (run number, finding number) -> the pending rights changing it
    for combination in product(*options):
        chosen = tuple(window for window in combination if window is not None)
        if not chosen:
            continue
        with_all = run(chosen)
        for number, option in enumerate(combination):
            if option is None:
                continue
            without = run(tuple(w for other, w in enumerate(combination) if w is not None and other != number))
            for run_number, (now, before) in enumerate(zip(with_all, without, strict=True)):
                for finding_number, (a, b) in enumerate(zip(now, before, strict=True)):
                    if _SAME.get(a.verdict, a.verdict) is not _SAME.get(b.verdict, b.verdict):
                        changed.setdefault((run_number, finding_number), set()).add(number)
    for (run_number, finding_number), rights in changed.items():
        number = min(rights, key=lambda n: (_PENDING_ORDER.index(pending[n][1]), n))
        right, verdict, _ = pending[number]
        position = runs[run_number][0]
        marked = list(by_rule[position])
        finding = marked[finding_number]
        facts: dict[str, FactValue] = {**finding.facts, PENDING: right, "verdict_without_right": finding.verdict}
        marked[finding_number] = finding._replace(verdict=verdict, facts=MappingProxyType(facts))
        by_rule[position] = marked


def _aggregate(findings: list[Finding], by_rule: list[list[Finding]]) -> Verdict:
    """
    Return the aggregate verdict: what :func:`~mentorrules.model.outcomes.aggregate_verdict` gives for the findings.

    The rule itself is :func:`~mentorrules.model.outcomes.worst_verdict`'s; this gathers the verdicts it
    reads.  The finding of a right (one per right, found by catalogue position, not by rule id) does not
    enter the aggregate, but a right's verdict that cannot decide it (met, not applicable: the common case)
    may as well be among the verdicts read, which are then gathered in C as a set.  Otherwise the verdicts
    are listed and the rights' verdicts taken out, one each: which occurrence of an equal verdict goes out
    does not change which verdicts remain.
    """
    for position in _RIGHTS:
        if by_rule[position][0][1] in _DECIDING:
            verdicts = list(map(_VERDICT_OF, findings))
            for right in _RIGHTS:
                verdicts.remove(by_rule[right][0][1])
            return worst_verdict(verdicts)
    return worst_verdict(set(map(_VERDICT_OF, findings)))


def _combine(favour: Finding, strict: Finding) -> Finding:
    """Combine the two readings of one finding under ``flag`` (DESIGN section 6)."""
    if favour.verdict is strict.verdict and favour.facts == strict.facts:
        return favour
    facts: dict[str, FactValue] = dict(favour.facts)
    for key, value in strict.facts.items():
        if key != "reason" and favour.facts.get(key) != value:
            facts[f"{key}_strict"] = value
    verdict = favour.verdict
    if (favour.verdict in _OK) != (strict.verdict in _OK):
        verdict = Verdict.NEEDS_ASSESSMENT
        facts["reason"] = AMBIGUOUS_DATES
        facts["verdict_favour_citizen"] = favour.verdict
        facts["verdict_strict"] = strict.verdict
    return favour._replace(verdict=verdict, facts=MappingProxyType(facts))


def _transition_notices(case: Case, snapshot: LawSnapshot) -> list[Notice]:
    version = snapshot.version
    notices = []
    for index, period in enumerate(case.periods):
        if period.start < version.valid_from or period.end > version.valid_to:
            facts: dict[str, FactValue] = {
                "start": period.start,
                "end": period.end,
                "law": version.id,
                "valid_from": version.valid_from,
                "valid_to": version.valid_to,
                "reason": "outside"
                if period.end < version.valid_from or period.start > version.valid_to
                else "partly_outside",
            }
            notices.append(Notice("law.transition", f"periods[{index}]", (), MappingProxyType(facts), NOTICE_EXPLAINER))
    return notices


def _unverified_notice(reference: LegalReference) -> Notice:
    """Return the law.unverified notice of an unverified reference."""
    facts: dict[str, FactValue] = {"citation": reference.citation, "note": reference.note}
    return Notice("law.unverified", "", (reference,), MappingProxyType(facts), NOTICE_EXPLAINER)


def _unverified_notices(
    findings: list[Finding], prepared: Mapping[int, tuple[Notice, ...]] = MappingProxyType({})
) -> list[Notice]:
    """
    Return a law.unverified notice for each distinct unverified reference that a finding cites, first cited first.

    A finding that is not applicable cites nothing here.  ``prepared`` is the epoch's table of notices
    (:attr:`_Epoch.unverified`), one object per distinct reference, so that the notices are told apart
    by identity.  Where a finding's references are not a variant in the table (the views did not build
    it), the references of all the findings are read and told apart by equality instead.
    """
    found: dict[int, Notice] = {}
    for finding in findings:
        explainer = finding.explainer
        if isinstance(explainer, RuleView) and explainer.cites_unverified and finding.verdict is not _NOT_APPLICABLE:
            notices = prepared.get(id(finding.references))
            if notices is None:
                return _unverified_notices_read(findings)
            for notice in notices:
                found.setdefault(id(notice), notice)
    return list(found.values())


def _unverified_notices_read(findings: list[Finding]) -> list[Notice]:
    """Return what :func:`_unverified_notices` returns, reading the references of every finding."""
    seen: dict[LegalReference, None] = {}
    for finding in findings:
        explainer = finding.explainer
        if isinstance(explainer, RuleView) and explainer.cites_unverified and finding.verdict is not _NOT_APPLICABLE:
            for reference in finding.references:
                if not reference.verified:
                    seen.setdefault(reference)
    return [_unverified_notice(reference) for reference in seen]


def _privacy_notices(case: Case) -> list[Notice]:
    paths = identifier_fields(case)
    if not paths:  # the common case
        return []
    return [
        Notice("privacy.identifier_in_text", path, (), MappingProxyType({"field": path}), NOTICE_EXPLAINER)
        for path in paths
    ]


def check_interpretation(interpretation: object) -> None:
    """
    Raise the engine's :class:`~mentorrules.CaseError` (path ``interpretation``) unless given an :class:`Interpretation`.

    Every entry point that takes an interpretation (:func:`evaluate`, the columnar path) checks it here.
    """
    if type(interpretation) is not Interpretation:
        actual = type(interpretation).__name__
        raise CaseError([FieldError.of("interpretation", _MESSAGES.of("engine.not_an_interpretation", actual=actual))])


def evaluate(case: Case, *, interpretation: Interpretation = _DEFAULT) -> Decision:
    """
    Evaluate a case and return its decision record.

    Args:
        case: The facts of the case (see :func:`~mentorrules.load_case` for JSON).
        interpretation: The interpretation choices (defaults favour the citizen).

    Returns:
        The decision: a finding for every rule id of the catalogue, the
        notices, and the aggregate verdict.

    Raises:
        CaseError: when ``case`` is not a :class:`~mentorrules.Case` or
            ``interpretation`` not an :class:`~mentorrules.Interpretation`.
        UnsupportedDateError: when the law date lies outside 2014-01-01..2026-12-31.
    """
    if type(case) is not Case:
        raise CaseError([FieldError.of("", _MESSAGES.of("engine.not_a_case", actual=type(case).__name__))])
    check_interpretation(interpretation)
    periods = _sorted_periods(case)
    snapshot = snapshot_for(_law_date(case, interpretation, periods))
    epoch = epoch_rules(snapshot.valid_from)
    mode = interpretation.ambiguous_dates
    if mode is _FLAG:
        favour, notices = _run(case, interpretation, snapshot, periods, AmbiguousDates.FAVOUR_CITIZEN, epoch)
        strict, _ = _run(case, interpretation, snapshot, periods, AmbiguousDates.STRICT, epoch)
        by_rule = [
            [_combine(f, s) for f, s in zip(favour_findings, strict_findings, strict=True)]
            for favour_findings, strict_findings in zip(favour, strict, strict=True)
        ]
    else:
        by_rule, notices = _run(case, interpretation, snapshot, periods, mode, epoch)
    findings: list[Finding] = []
    for findings_of_rule in by_rule:
        findings += findings_of_rule
    all_notices = _privacy_notices(case) + notices + _transition_notices(case, snapshot)
    if epoch.cites_unverified:  # only these rules' findings can cite an unverified reference
        all_notices += _unverified_notices(
            [finding for position in epoch.cites_unverified for finding in by_rule[position]], epoch.unverified
        )
    return new_decision(
        case,
        _aggregate(findings, by_rule),
        tuple(findings),
        tuple(all_notices),
        snapshot.version,
        interpretation,
    )


def rule_catalogue(*, lang: str = "da") -> tuple[RuleInfo, ...]:
    """
    Return the rule catalogue: every rule id with its title and references per law version.

    Args:
        lang: ``"da"`` (default) or ``"en"`` for the titles.

    >>> [info.id for info in rule_catalogue()][:3]
    ['eligibility.purpose', 'eligibility.decisive_need', 'eligibility.mentor']
    """
    check_lang(lang)
    infos = []
    for rule in CATALOGUE:
        spans: dict[str, list[tuple[date, tuple[LegalReference, ...]]]] = {v.id: [] for v in LAW_VERSIONS}
        for snapshot, views in all_views():
            refs = tuple(dict.fromkeys(r for variant in views[rule.id].references.values() for r in variant))
            entries = spans[snapshot.version.id]
            if not entries or entries[-1][1] != refs:
                entries.append((snapshot.valid_from, refs))
        infos.append(
            RuleInfo(
                id=rule.id,
                family=rule.family,
                per=rule.per,
                title=rule.title_da if lang == "da" else rule.title_en,
                verdicts=tuple(v.value for v in Verdict if v in rule.verdicts),
                references=MappingProxyType({law: tuple(entries) for law, entries in spans.items()}),
            )
        )
    return tuple(infos)
