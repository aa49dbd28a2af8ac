"""
Month arithmetic and birthdays: how "6 måneder" and "under 30 år" are counted.

The statute counts time in months and never says how.  LAB § 167 (LBK nr. 280
af 1. marts 2024; before 2020, old § 31 c, stk. 1: "Aftalen kan højst indgås
for 6 måneder") reads:

* stk. 1, 1. pkt.: "kan der gives mentorstøtte i en periode på højst 6
  måneder", and 2. pkt.: "en ny periode på op til 6 måneder ved udløb af en
  periode";
* stk. 2: the person discharged from psychiatric admission has a right to
  mentor support "i op til 3 måneder forud for udskrivelsen og i en periode på
  mindst 6 måneder i alt";
* stk. 3: the right runs "i op til 6 måneder fra tidspunktet, hvor personen
  optages på en studie- eller erhvervskompetencegivende uddannelse".

No rule on how these months are counted was found in the act, the executive
order or the guidance (LAW.md § 6.4 and rule R-17: "no rule on how "6
måneder" is counted was found in the sources").  This module therefore counts
*calendar months*, the ordinary reading: a period of 6 months starting on the
1st of March runs to the 31st of August inclusive, that is ``start + 6 months
- 1 day``, and a window of 3 months before a discharge on 30 June opens on 30
March.  The day of the month is kept.

Two readings
------------
Calendar months are ambiguous where the kept day does not exist in the target
month: 31 August + 6 months is "31 February".  Two readings are defensible and
the sources choose neither:

* *clamp* to the last day of the target month (28 February), or
* *roll over* to the first day of the following month (1 March).

The two are always consecutive days.  (Counting the missing days on into the
next month, "31 February" = 3 March, is not a reading any source suggests, and
it would let a 6-month period reach into a seventh calendar month; it is not
modelled.)  Which reading favours the citizen depends on the direction:

* forward, for the end of a period (stk. 1, stk. 2 "mindst 6 måneder i alt",
  stk. 3), rolling over gives the *later* end: the period ends on the last day
  of the target month instead of the day before it;
* backward, for the opening of a window (stk. 2 "3 måneder forud for
  udskrivelsen"), clamping gives the *earlier* opening.

python-dateutil's ``relativedelta`` clamps in both directions, so
``start + relativedelta(months=n)`` is the ``strict`` reading going forward
(the day after the ``strict`` end of a period) and
``anchor - relativedelta(months=n)`` the ``favour_citizen`` reading going
backward (the opening of a window).  The tests hold the functions here to it
on every date from 1900 to 2199 and 1 to 12 months; the library does not use
dateutil itself.

:class:`~mentorrules.AmbiguousDates` names the choice (DESIGN section 6):
``favour_citizen`` (the default) takes the reading that gives the longer
entitlement, ``strict`` the shorter one, and ``flag`` computes with the
``favour_citizen`` value while the rules report both and turn a verdict into
``needs_assessment`` where the readings lead to different verdicts.  The
functions here return both readings as :class:`Readings`; they never decide.

Worked examples, end of a period of 6 months (:func:`max_period_end`):

============  ==============  ==============  ==============  ===============================
start         start + 6 mths  favour_citizen  strict          flag
============  ==============  ==============  ==============  ===============================
2024-03-01    2024-09-01      2024-08-31      2024-08-31      2024-08-31
2025-01-31    2025-07-31      2025-07-30      2025-07-30      2025-07-30
2024-02-29    2024-08-29      2024-08-28      2024-08-28      2024-08-28
2025-08-30    "2026-02-30"    2026-02-28      2026-02-27      2026-02-28, strict 2026-02-27
2023-08-30    "2024-02-30"    2024-02-29      2024-02-28      2024-02-29, strict 2024-02-28
2025-08-31    "2026-02-31"    2026-02-28      2026-02-27      2026-02-28, strict 2026-02-27
2023-08-31    "2024-02-31"    2024-02-29      2024-02-28      2024-02-29, strict 2024-02-28
2025-09-30    2026-03-30      2026-03-29      2026-03-29      2026-03-29
2025-12-31    "2026-06-31"    2026-06-30      2026-06-29      2026-06-30, strict 2026-06-29
============  ==============  ==============  ==============  ===============================

A start on 30 September is not ambiguous: 30 March exists, so the period ends
on 29 March in every mode (LAW.md R-17 mentions an "end-of-month" convention,
30 September to 30 March, which no source states; it is not modelled).

Worked examples, opening of a window of 3 months before a date
(:func:`window_opening`):

============  ==============  ==============  ==============  ===============================
discharge     − 3 months      favour_citizen  strict          flag
============  ==============  ==============  ==============  ===============================
2025-06-30    2025-03-30      2025-03-30      2025-03-30      2025-03-30
2025-05-31    "2025-02-31"    2025-02-28      2025-03-01      2025-02-28, strict 2025-03-01
2024-05-30    "2024-02-30"    2024-02-29      2024-03-01      2024-02-29, strict 2024-03-01
2025-12-31    "2025-09-31"    2025-09-30      2025-10-01      2025-09-30, strict 2025-10-01
============  ==============  ==============  ==============  ===============================

Under 30
--------
"Under 30" means before the 30th birthday (DESIGN section 6).  The birthday is
the same calendar question going forward in steps of 12 months: a person born
on 29 February has no birthday in a year that is not a leap year.  Under
``favour_citizen`` it falls on 1 March (the person is under 30 one day
longer), under ``strict`` on 28 February.  Born 1992-02-29, the person turns 30
on 2022-03-01 (``favour_citizen``) or 2022-02-28 (``strict``).  The 30th
birthday of a person born on 29 February is *always* ambiguous: 30 is not a
multiple of 4, so the year of the 30th birthday is never a leap year.  Other
ages can fall on a leap day: born 1992-02-29, the person turns 32 on
2024-02-29 in every mode.

Time and range
--------------
Nothing here reads the clock: every date is an argument.  There is no state:
the functions are pure integer arithmetic on :class:`datetime.date` and may be
called from any thread.  Case dates lie in 1900-01-01..2199-12-31; the
arithmetic works for every date :class:`datetime.date` can hold (years 1 to
9999) and raises :class:`OverflowError` for a result outside them, as
``date + timedelta`` does (for the end of a period, also when the day after the
end is outside them).  A negative count of months or years raises
:class:`ValueError`.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Final, NamedTuple

from mentorrules.law.interpretation import AmbiguousDates, Interpretation


__all__ = [
    "Readings",
    "is_under",
    "max_period_end",
    "period_end",
    "period_end_day",
    "window_opening",
]

_MONTH_LENGTHS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ONE_DAY: Final = timedelta(days=1)
_DEFAULT_INTERPRETATION: Final = Interpretation()


class Readings(NamedTuple):
    """
    Both readings of an ambiguous date computation.

    Attributes:
        favour_citizen: The reading that gives the citizen the longer
            entitlement (also the value used under ``flag``).
        strict: The reading that gives the shorter entitlement.

    >>> Readings(date(2026, 2, 28), date(2026, 2, 27)).choose(AmbiguousDates.STRICT)
    datetime.date(2026, 2, 27)

    """

    favour_citizen: date
    strict: date

    @property
    def ambiguous(self) -> bool:
        """True when the two readings give different dates."""
        return self.favour_citizen != self.strict

    def choose(self, mode: AmbiguousDates) -> date:
        """Return the date the interpretation ``mode`` computes with: ``strict`` for STRICT, else ``favour_citizen``."""
        return self.strict if mode is AmbiguousDates.STRICT else self.favour_citizen


def _month_length(year: int, month: int) -> int:
    """Return the number of days in ``month`` of ``year`` (Gregorian calendar)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_LENGTHS[month]


def _require_count(count: int, name: str) -> None:
    """Raise ValueError unless ``count`` is 0 or more."""
    if count < 0:
        raise ValueError(f"{name} must be 0 or more, not {count}")


def _shift(day: date, months: int) -> tuple[date, date]:
    """
    Move ``day`` by ``months`` calendar months (negative: back), keeping the day of the month.

    Returns:
        ``(clamped, rolled)``: the same date twice when the day exists in the
        target month; otherwise the last day of the target month and the first
        day of the month after it.

    Raises:
        OverflowError: the target month is outside the years 1..9999.

    """
    years, month_index = divmod(day.month - 1 + months, 12)
    year = day.year + years
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"date value out of range: {day.isoformat()} {months:+d} months")
    month = month_index + 1
    last = _month_length(year, month)
    if day.day > last:
        # Never December (31 days), so the month after is in the same year.
        return date(year, month, last), date(year, month + 1, 1)
    moved = date(year, month, day.day)
    return moved, moved


def period_end(start: date, months: int) -> Readings:
    """
    Return the last day of a period of ``months`` months starting on ``start``, inclusive.

    That is ``start`` plus ``months`` calendar months, minus one day, in each
    reading: where the day of ``start`` does not exist in the target month,
    ``favour_citizen`` ends on the last day of that month and ``strict`` on
    the day before.

    >>> period_end(date(2025, 12, 31), 6)
    Readings(favour_citizen=datetime.date(2026, 6, 30), strict=datetime.date(2026, 6, 29))

    Raises:
        ValueError: ``months`` is negative.
        OverflowError: the end, or the day after it, is outside the years 1..9999.

    """
    _require_count(months, "months")
    clamped, rolled = _shift(start, months)
    return Readings(rolled - _ONE_DAY, clamped - _ONE_DAY)


def period_end_day(start: date, months: int, strict: bool) -> date:
    """
    Return one reading of :func:`period_end`: ``strict`` if ``strict``, else ``favour_citizen``.

    The same as ``period_end(start, months).choose(mode)`` without building
    both readings (the rules compute it for every period of every case).

    >>> period_end_day(date(2025, 8, 31), 6, strict=False), period_end_day(date(2025, 8, 31), 6, strict=True)
    (datetime.date(2026, 2, 28), datetime.date(2026, 2, 27))

    Raises:
        ValueError: ``months`` is negative.
        OverflowError: the end, or the day after it, is outside the years 1..9999.

    """
    _require_count(months, "months")
    years, month_index = divmod(start.month - 1 + months, 12)
    year = start.year + years
    if start.day <= 28 and MINYEAR <= year <= MAXYEAR:
        # Every month has a 28th: the day exists, both readings agree, nothing to clamp or roll.
        return date(year, month_index + 1, start.day) - _ONE_DAY
    clamped, rolled = _shift(start, months)
    return (clamped if strict else rolled) - _ONE_DAY


def window_opening(anchor: date, months: int) -> Readings:
    """
    Return the first day of a window opening ``months`` months before ``anchor``.

    Used for "i op til 3 måneder forud for udskrivelsen" (LAB § 167, stk. 2).
    Where the day of ``anchor`` does not exist in the target month,
    ``favour_citizen`` clamps to the last day of that month (an earlier
    opening) and ``strict`` rolls over to the first of the next month.

    >>> window_opening(date(2025, 6, 30), 3)
    Readings(favour_citizen=datetime.date(2025, 3, 30), strict=datetime.date(2025, 3, 30))
    >>> window_opening(date(2025, 5, 31), 3)
    Readings(favour_citizen=datetime.date(2025, 2, 28), strict=datetime.date(2025, 3, 1))

    Raises:
        ValueError: ``months`` is negative.
        OverflowError: the opening is before the year 1.

    """
    _require_count(months, "months")
    clamped, rolled = _shift(anchor, -months)
    return Readings(clamped, rolled)


def is_under(birth: date, years: int, on: date) -> tuple[bool, bool]:
    """
    Return whether a person born on ``birth`` is under ``years`` years old on ``on``.

    Under an age means before the birthday of that age: ``birth`` plus
    ``years`` years, where a birth on 29 February has its birthday on 1 March
    (``favour_citizen``: under the age one day longer) or 28 February
    (``strict``) in a year that is not a leap year.

    Returns:
        ``(favour_citizen, strict)``: the answer under each reading of the
        birthday; the first is True whenever the second is.

    >>> is_under(date(1992, 2, 29), 30, date(2022, 2, 28))
    (True, False)

    Raises:
        ValueError: ``years`` is negative.

    """
    _require_count(years, "years")
    if birth.year + years > MAXYEAR:
        return True, True  # a birthday after 9999-12-31 is after every date
    clamped, rolled = _shift(birth, 12 * years)
    return on < rolled, on < clamped


def max_period_end(start: date, *, interpretation: Interpretation = _DEFAULT_INTERPRETATION, months: int = 6) -> date:
    """
    Return the last day a period of mentor support starting on ``start`` may run to.

    The period is counted in calendar months and includes its first day, so it
    ends on ``start + months - 1 day``.  Where ``start + months`` falls on a
    day the target month lacks (31 August + 6 months), the statute is
    ambiguous and ``interpretation.ambiguous_dates`` decides: ``favour_citizen``
    (the default) ends the period on the last day of the target month,
    ``strict`` on the day before, and ``flag`` returns the ``favour_citizen``
    date (the rules report the strict date beside it).  The two readings never
    differ by more than one day.

    Args:
        start: The first day of the period.
        interpretation: The interpretation choices; only ``ambiguous_dates``
            is used.
        months: The length of the period in months (0 or more).

    Returns:
        The last day of the longest period allowed, inclusive.

    Raises:
        ValueError: ``months`` is negative.
        OverflowError: the end, or the day after it (``start + months``), is outside
            the years 1..9999.

    Legal basis:
        LAB § 167, stk. 1, 1. pkt.: "kan der gives mentorstøtte i en periode
        på højst 6 måneder"; a new period (2. pkt.) has the same limit.  No
        rule on how the months are counted was found (LAW.md, rule R-17).

    Examples:
        >>> max_period_end(date(2024, 3, 1))
        datetime.date(2024, 8, 31)
        >>> max_period_end(date(2025, 8, 31))
        datetime.date(2026, 2, 28)
        >>> max_period_end(date(2025, 8, 31), interpretation=Interpretation(ambiguous_dates="strict"))
        datetime.date(2026, 2, 27)
        >>> max_period_end(date(2025, 8, 31), interpretation=Interpretation(ambiguous_dates="flag"))
        datetime.date(2026, 2, 28)

    """
    _require_count(months, "months")
    clamped, rolled = _shift(start, months)
    # Going forward, rolling over is the citizen's (longer) reading.
    end = clamped if interpretation.ambiguous_dates == AmbiguousDates.STRICT else rolled
    return end - _ONE_DAY
