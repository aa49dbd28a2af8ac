"""
Planning helpers for caseworkers: the windows the law opens, before a decision is made.

The rules judge periods that are already granted; a caseworker planning the
next step asks the same questions forwards:

* :func:`period_window`: a period may last at most 6 months from its start
  (LAB § 167, stk. 1, 1. pkt.; from 2014 to 2019 the agreement rule, old
  § 31 c, stk. 1, 2. pkt.: "Aftalen kan højst indgås for 6 måneder").
* :func:`next_period_window`: when a period ends, a new period may start the
  day after ("ved udløb af en periode", LAB § 167, stk. 1, 2. pkt.) and last at
  most 6 months; it needs its own concrete assessment.
* :func:`psychiatric_discharge_window`: the right of § 167, stk. 2 opens 3
  months before the discharge and lasts at least 6 months in all.
* :func:`education_admission_window`: the right of § 167, stk. 3 must be taken
  up within 6 months of the admission and lasts 6 months from then.

Each answer gives both readings of the month arithmetic where they differ
(see :class:`~mentorrules.AmbiguousDates`) and the legal references, and
chooses the dates as the interpretation says (``flag`` reports the citizen's
reading and the strict one beside it).  Nothing reads the clock.

    >>> from datetime import date
    >>> period_window(date(2016, 3, 1)).references[0].citation
    'LAB § 31 c, stk. 1, 2. pkt.'
    >>> window = next_period_window(date(2025, 2, 27))
    >>> window.start, window.end
    (datetime.date(2025, 2, 28), datetime.date(2025, 8, 27))
    >>> psychiatric_discharge_window(date(2025, 5, 31)).start
    datetime.date(2025, 2, 28)
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs

from mentorrules.law.dates import Readings, period_end, window_opening
from mentorrules.law.interpretation import AmbiguousDates, EducationRightWindow, Interpretation
from mentorrules.law.versions import LawSnapshot, snapshot_for
from mentorrules.model.references import LegalReference


__all__ = [
    "Window",
    "education_admission_window",
    "next_period_window",
    "period_window",
    "psychiatric_discharge_window",
]

_DEFAULT = Interpretation()


@attrs.frozen(kw_only=True)
class Window:
    """
    A stretch of days the law opens, with both readings of the month arithmetic.

    Attributes:
        kind: ``"period"``, ``"next_period"``, ``"psychiatric_discharge"`` or ``"education_admission"``.
        start: The first day (for a right: the earliest day support may start).
        end: The last day support may last until, as the interpretation chooses.
        start_strict: The strict reading of ``start`` where it differs, else ``None``.
        end_strict: The strict reading of ``end`` where it differs, else ``None``.
        deadline: For the education right, the last day to take it up.
        law: The law version id whose parameters were used.
        references: The provisions that open the window.
    """

    kind: str
    start: date
    end: date
    start_strict: date | None = None
    end_strict: date | None = None
    deadline: date | None = None
    law: str
    references: tuple[LegalReference, ...]

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready description (dates as ISO strings)."""

        def iso(day: date | None) -> str | None:
            return None if day is None else day.isoformat()

        return {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "start_strict": iso(self.start_strict),
            "end_strict": iso(self.end_strict),
            "deadline": iso(self.deadline),
            "law": self.law,
            "references": [r.to_dict() for r in self.references],
        }


def _pick(readings: Readings, interpretation: Interpretation) -> tuple[date, date | None]:
    """Return the chosen date and, where the readings differ, the strict one."""
    chosen = readings.choose(interpretation.ambiguous_dates)
    strict = readings.strict if readings.ambiguous and chosen != readings.strict else None
    if interpretation.ambiguous_dates is AmbiguousDates.STRICT:
        strict = None
    return chosen, strict


def period_window(start: date, *, interpretation: Interpretation = _DEFAULT) -> Window:
    """
    Return the window of a period that starts on ``start``: it may last at most 6 months.

    The start selects the law version, and the reference follows it: LAB
    § 167, stk. 1, 1. pkt. ("i en periode på højst 6 måneder") from 2020;
    from 2014 to 2019 old § 31 c, stk. 1, 2. pkt. ("Aftalen kan højst indgås
    for 6 måneder"), never a section of chapter 26.

    Args:
        start: The first day of the period (it selects the law).
        interpretation: The interpretation (month arithmetic).

    Returns:
        The window from ``start`` to the latest end, as the interpretation chooses.

    Raises:
        UnsupportedDateError: when ``start`` lies outside the modelled law.

    >>> period_window(date(2024, 3, 1)).end
    datetime.date(2024, 8, 31)
    """
    law = snapshot_for(start)
    end, end_strict = _pick(period_end(start, law.period_months), interpretation)
    reference = law.lab_ref("31 c", 1, sentence=2) if law.is_2014 else law.lab_ref("167", 1, sentence=1)
    return Window(
        kind="period", start=start, end=end, end_strict=end_strict, law=law.version.id, references=(reference,)
    )


def next_period_window(previous_end: date, *, interpretation: Interpretation = _DEFAULT) -> Window:
    """
    Return the window of a new period after a period that ends on ``previous_end``.

    The new period starts the day after (at the expiry) and may last at most 6
    months; granting it needs a new concrete assessment.

    Args:
        previous_end: The last day of the current period.
        interpretation: The interpretation (month arithmetic).

    Returns:
        The window, cited to LAB § 167, stk. 1, 2. pkt. (old § 31 c, stk. 1 before 2020).

    Raises:
        UnsupportedDateError: when the new period's start lies outside the modelled law.
    """
    start = previous_end + timedelta(days=1)
    law = snapshot_for(start)
    end, end_strict = _pick(period_end(start, law.period_months), interpretation)
    reference = law.lab_ref("31 c", 1, sentence=2) if law.is_2014 else law.lab_ref("167", 1, sentence=2)
    return Window(
        kind="next_period", start=start, end=end, end_strict=end_strict, law=law.version.id, references=(reference,)
    )


def psychiatric_discharge_window(
    discharge_date: date, *, first_start: date | None = None, interpretation: Interpretation = _DEFAULT
) -> Window:
    """
    Return the window of the right to mentor support on discharge from psychiatric admission.

    Support may start 3 months before the discharge; counted from the later of
    that day and ``first_start`` (when support actually starts), the right lasts
    at least 6 months.  With ``psychiatric_period_may_exceed_six_months`` the
    window also reaches 6 months after the discharge.

    Args:
        discharge_date: The day of discharge (it selects the law).
        first_start: The first day of support, if known.
        interpretation: The interpretation.

    Returns:
        The window: ``start`` the earliest start, ``end`` the end of the covered stretch.

    Raises:
        UnsupportedDateError: when the discharge date lies outside the modelled law.
    """
    law = snapshot_for(discharge_date)
    start, start_strict = _pick(window_opening(discharge_date, law.psychiatric_months_before), interpretation)
    support_start = max(start, first_start) if first_start is not None else start
    end, end_strict = _pick(period_end(support_start, law.psychiatric_months_total), interpretation)
    if interpretation.psychiatric_period_may_exceed_six_months:
        after, after_strict = _pick(period_end(discharge_date, law.psychiatric_months_total), interpretation)
        if after > end:
            end, end_strict = after, after_strict
    return Window(
        kind="psychiatric_discharge",
        start=start,
        end=end,
        start_strict=start_strict,
        end_strict=end_strict,
        law=law.version.id,
        references=_psychiatric_refs(law),
    )


def _psychiatric_refs(law: LawSnapshot) -> tuple[LegalReference, ...]:
    return (law.lab_ref("31 b", 2),) if law.is_2014 else (law.lab_ref("167", 2),)


def education_admission_window(
    admission_date: date, *, right_invoked_on: date | None = None, interpretation: Interpretation = _DEFAULT
) -> Window:
    """
    Return the window of the right to mentor support on admission to a qualifying education.

    The right must be taken up by ``deadline`` (6 months from the admission) and
    lasts 6 months from the day it is taken up (``right_invoked_on``, or the
    admission date if not yet known); with ``education_right_window =
    "admission"`` no longer than 6 months from the admission.

    Args:
        admission_date: The day of admission (it selects the law).
        right_invoked_on: The day the right is taken up, if known.
        interpretation: The interpretation.

    Returns:
        The window from the day the right is taken up.

    Raises:
        UnsupportedDateError: when the admission date lies outside the modelled law.
        ValueError: when the right does not exist on that date (before its assumed
            in-force date, 2022-01-01, or under lab-2014, whose provision is unverified).
    """
    law = snapshot_for(admission_date)
    if not law.education_right_in_force:
        raise ValueError(
            f"the education-admission right (LAB § 167, stk. 3) is not modelled on {admission_date.isoformat()}: "
            "it is assumed in force from 2022-01-01, and the 2014-2019 right's provision is not verified"
        )
    deadline, _ = _pick(period_end(admission_date, law.education_months), interpretation)
    start = right_invoked_on or admission_date
    end, end_strict = _pick(period_end(start, law.education_months), interpretation)
    if interpretation.education_right_window is EducationRightWindow.ADMISSION and end > deadline:
        end, end_strict = deadline, None
    return Window(
        kind="education_admission",
        start=start,
        end=end,
        end_strict=end_strict,
        deadline=deadline,
        law=law.version.id,
        references=(law.lab_ref("167", 3),),
    )
