"""
The rule catalogue over whole columns: one vectorised rule beside each scalar rule, under its rule id.

Each function here computes, for every case (or every period) of a batch at once,
the verdict the rule of the same id in :mod:`mentorrules.rules` gives; its
docstring names that rule, whose module teaches the law and cites it.  These
functions decide nothing the scalar rules do not: they are the same conditions
written over numpy arrays, and the differential tests (a Hypothesis property over
generated batches, every shared scenario, and 20,000 generated cases in ``make test``)
hold them equal to :func:`~mentorrules.evaluate` on every verdict, with no tolerance.

The batch (:class:`~mentorrules.columnar.engine.Batch`) holds the facts as arrays:
dates as ``datetime64[D]``, choices as small integer codes (``-1``: unknown),
booleans and assessments as ``-1`` (unknown or not recorded), ``0``, ``1``.  A
reading (:class:`~mentorrules.columnar.engine.Reading`) holds the month arithmetic of
one reading of the dates and the coverage by the rights that are met.  Verdicts
are the codes of :data:`CODES`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np

from mentorrules.model.facts import MentorEmployer, Purpose, TargetGroup
from mentorrules.model.outcomes import Verdict


if TYPE_CHECKING:
    from mentorrules.columnar.engine import Batch, Reading


__all__ = ["CODES", "MET", "MISSING", "NEEDS", "NOT_APPLICABLE", "NOT_MET", "VECTORISED", "assessed"]

#: The verdicts by code: a verdict array holds these codes (int8).
CODES: tuple[Verdict, ...] = tuple(Verdict)
MET, NOT_MET, NEEDS, MISSING, NOT_APPLICABLE = (
    np.int8(CODES.index(v))
    for v in (Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE)
)

#: A vectorised rule: the batch and one reading in, one verdict code per case (or per period row) out.
Vectorised = Callable[["Batch", "Reading"], np.ndarray]


def code(values: tuple[str, ...], member: object) -> int:
    """Return the code of an enum member among ``values`` (its position)."""
    return values.index(str(member))


def assessed(outcome: np.ndarray) -> np.ndarray:
    """Return the verdict a recorded assessment gives (``assessment_verdict``): none recorded → needs assessment."""
    return np.where(outcome < 0, NEEDS, np.where(outcome == 1, MET, NOT_MET)).astype(np.int8, copy=False)


def _pick(conditions: list[tuple[np.ndarray, np.int8]], default: np.int8) -> np.ndarray:
    """Return, per element, the verdict of the first condition that holds (``np.select``)."""
    chosen: np.ndarray = np.select([c for c, _ in conditions], [v for _, v in conditions], default)
    return chosen.astype(np.int8, copy=False)


# --- eligibility (mentorrules.rules.eligibility) ------------------------------------------------


def purpose(b: Batch, r: Reading) -> np.ndarray:
    """``eligibility.purpose``: a purpose of § 167, stk. 1; not tested where every period is covered without one."""
    other = b.purpose == code(b.purposes, Purpose.OTHER)
    education = b.purpose == code(b.purposes, Purpose.ORDINARY_EDUCATION)
    under_30 = r.under_30_on_first_start
    guidance = b.interpretation.under_30_education_guidance
    return _pick(
        [
            (r.all_untested & other & r.any_education_alone, NEEDS),
            (r.all_untested, NOT_APPLICABLE),
            (b.purpose < 0, MISSING),
            (~b.statutory_purpose, NOT_MET),
            (~education | (not guidance), MET),
            (under_30 < 0, MISSING),
            (under_30 == 1, MET),
        ],
        NOT_MET,
    )


def decisive_need(b: Batch, r: Reading) -> np.ndarray:
    """``eligibility.decisive_need``: § 169's condition for a company or school, else the grant condition."""
    return np.where(~b.to_company_or_school & r.all_covered, NOT_APPLICABLE, assessed(b.decisive_need)).astype(
        np.int8, copy=False
    )


def mentor(b: Batch, r: Reading) -> np.ndarray:
    """``eligibility.mentor``: § 168: an employee of a company, a school or the municipality, or their consultant."""
    employers = b.employers
    own = np.isin(
        b.employer,
        [
            code(employers, e)
            for e in (MentorEmployer.COMPANY, MentorEmployer.EDUCATION_INSTITUTION, MentorEmployer.MUNICIPALITY)
        ],
    )
    consultant = b.employer == code(employers, MentorEmployer.EXTERNAL_CONSULTANT)
    other = NOT_MET if b.interpretation.strict_mentor_categories else NEEDS
    return _pick(
        [(b.employer < 0, MISSING), (own, MET), (consultant & (b.engaged_by < 0), MISSING), (consultant, MET)],
        other,
    )


# --- duties (mentorrules.rules.duties) ----------------------------------------------------------


def beyond_usual(b: Batch, r: Reading) -> np.ndarray:
    """``duties.beyond_usual``: § 169, stk. 1: the mentor's work goes beyond the usual duties."""
    return _pick(
        [
            (b.support_unknown, MISSING),
            (~b.to_company_or_school, NOT_APPLICABLE),
            (b.beyond_usual < 0, NEEDS),
            (b.beyond_usual == 0, NOT_MET),
            (b.task_within_usual, NEEDS),
        ],
        MET,
    )


def hours(b: Batch, r: Reading) -> np.ndarray:
    """``duties.hours``: § 169, stk. 3: the hours set by a concrete assessment."""
    return np.where(
        b.support_unknown, MISSING, np.where(~b.to_company_or_school, NOT_APPLICABLE, assessed(b.hours_assessment))
    ).astype(np.int8, copy=False)


# --- duration (mentorrules.rules.duration), per period ------------------------------------------


def period_length(b: Batch, r: Reading) -> np.ndarray:
    """``duration.period_length``: at most six months (``end <= max_period_end(start)``, or a right's limit)."""
    return np.where(b.end <= r.max_end(b.start), MET, NOT_MET).astype(np.int8, copy=False)


def new_period(b: Batch, r: Reading) -> np.ndarray:
    """``duration.new_period``: a later period needs its own assessment and must not overlap an earlier one."""
    return np.where(
        b.first_period | r.covered,
        NOT_APPLICABLE,
        np.where(b.start <= b.previous_end, NOT_MET, assessed(b.period_assessment)),
    ).astype(np.int8, copy=False)


# --- rights (mentorrules.rules.rights) ----------------------------------------------------------


def _right(failed: np.ndarray, unknown: np.ndarray, unassessed: np.ndarray, applies: np.ndarray) -> np.ndarray:
    """A right's verdict (``rights._verdict``): a failed condition, else an unknown fact, else an assessment."""
    return _pick(
        [(~applies, NOT_APPLICABLE), (failed, NOT_MET), (unknown, MISSING), (unassessed, NEEDS)],
        MET,
    )


def psychiatric_discharge(b: Batch, r: Reading) -> np.ndarray:
    """``right.psychiatric_discharge``: § 167, stk. 2 with BEK § 128 (old § 31 b, stk. 2)."""
    purpose_tested = b.psychiatric_purpose_in_force
    after = r.support_start_known & (r.support_start > b.discharge_date)
    failed = (
        (b.group == code(b.groups, TargetGroup.NONE))
        | (b.inpatient == 0)
        | (b.psychiatric == 0)
        | (purpose_tested & (b.purpose >= 0) & ~b.statutory_purpose)
        | (after & (b.in_connection == 0))
    )
    unknown = (b.group < 0) | (purpose_tested & (b.purpose < 0))
    return _right(failed, unknown, after & (b.in_connection < 0), b.has_discharge)


def education_admission(b: Batch, r: Reading) -> np.ndarray:
    """``right.education_admission``: § 167, stk. 3 (not in force under lab-2014 and before its date)."""
    groups = [
        code(b.groups, g)
        for g in (TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY, TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY)
    ]
    invoked = b.invoked_known
    failed = (
        ((b.group >= 0) & ~np.isin(b.group, groups))
        | (b.birth_known & ~r.under_30_on_admission)
        | (b.qualifying == 0)
        | (invoked & ((b.invoked < b.admission_date) | (b.invoked > r.invocation_deadline)))
    )
    unknown = (b.group < 0) | ~b.birth_known | ~invoked
    return _right(failed, unknown, np.zeros_like(failed), b.has_admission & b.education_right_in_force)


# --- agreement (mentorrules.rules.agreement), per period ----------------------------------------


def _record(b: Batch, item: np.ndarray) -> np.ndarray:
    """Return an item's verdict in each period's record: the item where there is one, else absent (``_make_check``)."""
    return np.where(b.has_agreement, item, np.where(b.current_period, MISSING, NOT_APPLICABLE)).astype(
        np.int8, copy=False
    )


def written(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.written``: a written agreement (from 2020 the record in »Min Plan«) exists."""
    return _record(b, np.where(b.written == 1, MET, NOT_MET))


def goal(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.goal``: the goal of the support is stated."""
    return _record(b, np.where(b.goal_stated, MET, NOT_MET))


def mentor_name(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.mentor_name``: the mentor's name is stated and matches the case's mentor."""
    return _record(b, np.where(b.name_stated & b.name_matches, MET, NOT_MET))


def mentor_contact(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.mentor_contact``: contact data is stated; a phone number or e-mail address is recognised."""
    return _record(b, np.where(~b.contact_stated, NOT_MET, np.where(b.contact_recognised, MET, NEEDS)))


def tasks(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.tasks``: at least one task is stated (blank items beside it do not fail the record)."""
    return _record(b, np.where(b.tasks_stated, MET, NOT_MET))


def duration(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.duration``: start and end stated, equal to the period's, at most six months (or the right's limit)."""
    start, end = b.agreement_start, b.agreement_end
    stated = b.agreement_dates_known
    fits = end <= r.max_end(start)
    same = (start == b.start) & (end == b.end)
    return _record(b, np.where(stated & (end >= start) & fits & same, MET, NOT_MET))


def agreement_hours(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.hours``: the hours are stated and positive; hours per place only under § 169, stk. 4."""
    per_place = np.where(
        b.period_support_unknown,
        MISSING,
        np.where(~b.period_to_company_or_school, NOT_MET, np.where(b.period_is_2014, NEEDS, MET)),
    )
    item = np.where(~b.hours_positive, NOT_MET, np.where(b.per_place, per_place, MET))
    return _record(b, item)


def complaint_guidance(b: Batch, r: Reading) -> np.ndarray:
    """``agreement.complaint_guidance``: complaint guidance, required 2014-2019 (or by the interpretation)."""
    item = _record(b, np.where(b.complaint_stated, MET, NOT_MET))
    return np.where(b.complaint_required, item, NOT_APPLICABLE).astype(np.int8, copy=False)


#: The vectorised rules by rule id: every id of the catalogue (a registry test holds them equal).
VECTORISED: Mapping[str, Vectorised] = MappingProxyType(
    {
        "eligibility.purpose": purpose,
        "eligibility.decisive_need": decisive_need,
        "eligibility.mentor": mentor,
        "duties.beyond_usual": beyond_usual,
        "duties.hours": hours,
        "duration.period_length": period_length,
        "duration.new_period": new_period,
        "right.psychiatric_discharge": psychiatric_discharge,
        "right.education_admission": education_admission,
        "agreement.written": written,
        "agreement.goal": goal,
        "agreement.mentor_name": mentor_name,
        "agreement.mentor_contact": mentor_contact,
        "agreement.tasks": tasks,
        "agreement.duration": duration,
        "agreement.hours": agreement_hours,
        "agreement.complaint_guidance": complaint_guidance,
    }
)
