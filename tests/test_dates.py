"""
Tests for ``mentorrules.law.dates``: how "6 måneder", "3 måneder forud" and "under 30 år" are counted.

LAB § 167 counts in months without a counting rule (LAW.md R-17).  The library
counts calendar months, keeps the day of the month, and where that day does not
exist gives two readings: ``favour_citizen`` (the longer entitlement) and
``strict`` (the shorter one); ``flag`` computes with ``favour_citizen``.

python-dateutil's ``relativedelta`` (a test dependency only) is the reference,
each in its direction: adding months with it gives the ``strict`` reading of
the end of a period, subtracting months the ``favour_citizen`` opening of a
window, and adding years the ``strict`` birthday.  The first two are checked on
every date a case may hold with 1 to 12 months, the rest by Hypothesis.
"""

from __future__ import annotations

import calendar
import inspect
import os
import types
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from mentorrules.law import dates as _dates
from mentorrules.law.dates import Readings, is_under, max_period_end, period_end, period_end_day, window_opening
from mentorrules.law.interpretation import AmbiguousDates, Interpretation
from mentorrules.testing import dates


ONE_DAY = timedelta(days=1)
FAVOUR = AmbiguousDates.FAVOUR_CITIZEN
STRICT = AmbiguousDates.STRICT
FLAG = AmbiguousDates.FLAG

#: Dates a case may hold (facts.py accepts 1900-01-01..2199-12-31), month ends favoured.
case_dates = dates()
month_counts = st.integers(min_value=0, max_value=36)
ages = st.integers(min_value=0, max_value=120)

#: Starts where the day of the month is missing in some month: 31 January,
#: 29 February, 30 and 31 August, 30 September and 31 December.
MONTH_END_DAYS = (
    date(2025, 1, 31),
    date(2024, 2, 29),
    date(2025, 8, 30),
    date(2025, 8, 31),
    date(2023, 8, 31),
    date(2025, 9, 30),
    date(2025, 12, 31),
)


def at_month_ends(**others: object) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Add one Hypothesis ``@example(day=..., **others)`` for each of MONTH_END_DAYS."""

    def decorate(test: Callable[..., None]) -> Callable[..., None]:
        for day in MONTH_END_DAYS:
            test = example(day=day, **others)(test)
        return test

    return decorate


def end_for(start: date, mode: AmbiguousDates, months: int = 6) -> date:
    """Return max_period_end under the interpretation ``mode``."""
    return max_period_end(start, interpretation=Interpretation(ambiguous_dates=mode), months=months)


def day_exists(year: int, month: int, day: int) -> bool:
    """Return whether the day exists in that month (oracle: the calendar module)."""
    return day <= calendar.monthrange(year, month)[1]


# Worked examples from the module docstring: start, favour_citizen end, strict end.
PERIOD_ENDS = [
    (date(2024, 3, 1), date(2024, 8, 31), date(2024, 8, 31)),
    (date(2025, 1, 31), date(2025, 7, 30), date(2025, 7, 30)),
    (date(2024, 2, 29), date(2024, 8, 28), date(2024, 8, 28)),
    (date(2025, 8, 30), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2023, 8, 30), date(2024, 2, 29), date(2024, 2, 28)),
    (date(2025, 8, 31), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2023, 8, 31), date(2024, 2, 29), date(2024, 2, 28)),
    (date(2025, 9, 30), date(2026, 3, 29), date(2026, 3, 29)),
    (date(2025, 12, 31), date(2026, 6, 30), date(2026, 6, 29)),
]

# Around the end of August (non-leap target February): the day before, of and after.
AUGUST_EDGE = [
    (date(2025, 8, 28), date(2026, 2, 27), date(2026, 2, 27)),
    (date(2025, 8, 29), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2025, 8, 30), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2025, 8, 31), date(2026, 2, 28), date(2026, 2, 27)),
    (date(2025, 9, 1), date(2026, 2, 28), date(2026, 2, 28)),
    (date(2025, 9, 2), date(2026, 3, 1), date(2026, 3, 1)),
]

# Century years: 1900 and 2100 are not leap years, 2000 is.
CENTURY_FEBRUARIES = [
    (date(1899, 8, 31), date(1900, 2, 28), date(1900, 2, 27)),
    (date(1999, 8, 31), date(2000, 2, 29), date(2000, 2, 28)),
    (date(2099, 8, 31), date(2100, 2, 28), date(2100, 2, 27)),
    (date(2199, 8, 29), date(2200, 2, 28), date(2200, 2, 27)),
]

# Windows of 3 months before a discharge: anchor, favour_citizen opening, strict opening.
WINDOW_OPENINGS = [
    (date(2025, 6, 30), date(2025, 3, 30), date(2025, 3, 30)),
    (date(2025, 5, 31), date(2025, 2, 28), date(2025, 3, 1)),
    (date(2024, 5, 31), date(2024, 2, 29), date(2024, 3, 1)),
    (date(2024, 5, 30), date(2024, 2, 29), date(2024, 3, 1)),
    (date(2025, 5, 28), date(2025, 2, 28), date(2025, 2, 28)),
    (date(2025, 5, 29), date(2025, 2, 28), date(2025, 3, 1)),
    (date(2025, 6, 1), date(2025, 3, 1), date(2025, 3, 1)),
    (date(2025, 12, 31), date(2025, 9, 30), date(2025, 10, 1)),
    (date(2026, 1, 31), date(2025, 10, 31), date(2025, 10, 31)),
    (date(2026, 2, 15), date(2025, 11, 15), date(2025, 11, 15)),
]


class TestReadings:
    """Tests for ``Readings``."""

    def test_choose_per_mode(self) -> None:
        """STRICT takes the strict reading; FAVOUR_CITIZEN and FLAG take the citizen's reading."""
        readings = Readings(favour_citizen=date(2026, 2, 28), strict=date(2026, 2, 27))

        assert date(2026, 2, 28) == readings.choose(FAVOUR)
        assert date(2026, 2, 27) == readings.choose(STRICT)
        assert date(2026, 2, 28) == readings.choose(FLAG)

    def test_ambiguous_when_readings_differ(self) -> None:
        """The computation is ambiguous exactly when the two readings give different days."""
        assert Readings(date(2026, 2, 28), date(2026, 2, 27)).ambiguous is True
        assert Readings(date(2024, 8, 31), date(2024, 8, 31)).ambiguous is False

    def test_is_a_pair(self) -> None:
        """Readings unpack as (favour_citizen, strict)."""
        favour, strict = Readings(date(2025, 2, 28), date(2025, 3, 1))

        assert (date(2025, 2, 28), date(2025, 3, 1)) == (favour, strict)


class TestMaxPeriodEnd:
    """Tests for ``max_period_end``: a period "på højst 6 måneder" (LAB § 167, stk. 1, 1. pkt.)."""

    @pytest.mark.parametrize(("start", "favour", "strict"), PERIOD_ENDS + AUGUST_EDGE + CENTURY_FEBRUARIES)
    def test_worked_examples(self, start: date, favour: date, strict: date) -> None:
        """A 6-month period ends on start + 6 months - 1 day; a missing day gives the last day (citizen) or the day before (strict)."""
        assert favour == end_for(start, FAVOUR)
        assert strict == end_for(start, STRICT)
        assert favour == end_for(start, FLAG)

    def test_default_is_six_months_favouring_the_citizen(self) -> None:
        """Without arguments, the period is 6 months and the ambiguity favours the citizen."""
        assert date(2024, 8, 31) == max_period_end(date(2024, 3, 1))
        assert date(2026, 2, 28) == max_period_end(date(2025, 8, 31))

    def test_interpretation_given_as_string(self) -> None:
        """The choice may come from JSON as its string value."""
        assert date(2026, 2, 27) == max_period_end(
            date(2025, 8, 31), interpretation=Interpretation(ambiguous_dates="strict")
        )

    def test_other_lengths(self) -> None:
        """``months`` sets the length: 3 months from 30 November ends on the last day of February or the day before."""
        assert date(2026, 2, 28) == end_for(date(2025, 11, 30), FAVOUR, months=3)
        assert date(2026, 2, 27) == end_for(date(2025, 11, 30), STRICT, months=3)
        assert date(2026, 11, 30) == end_for(date(2025, 12, 1), FAVOUR, months=12)

    def test_zero_months_ends_the_day_before(self) -> None:
        """A period of 0 months is empty: it ends the day before it starts."""
        assert date(2025, 8, 30) == end_for(date(2025, 8, 31), STRICT, months=0)

    def test_year_end(self) -> None:
        """A period from 1 July ends on 31 December; from 31 July it crosses the year and ends on 30 January."""
        assert date(2025, 12, 31) == max_period_end(date(2025, 7, 1))
        assert date(2026, 1, 30) == max_period_end(date(2025, 7, 31))
        assert date(2026, 6, 30) == max_period_end(date(2026, 1, 1))

    def test_negative_months_rejected(self) -> None:
        """A negative length is a programming error."""
        with pytest.raises(ValueError, match="months must be 0 or more, not -1"):
            max_period_end(date(2025, 1, 1), months=-1)

    def test_end_beyond_year_9999_overflows(self) -> None:
        """An end, or a day after the end, that datetime.date cannot hold raises OverflowError, as date + timedelta does."""
        assert date(9999, 12, 29) == max_period_end(date(9999, 6, 30))
        with pytest.raises(OverflowError, match="date value out of range"):
            max_period_end(date(9999, 7, 1))

    @pytest.mark.parametrize("mode", list(AmbiguousDates))
    @given(day=case_dates)
    @at_month_ends()
    def test_monotone_day_by_day(self, mode: AmbiguousDates, day: date) -> None:
        """A later start never allows an earlier end, in every mode."""
        assert end_for(day, mode) <= end_for(day + ONE_DAY, mode)

    @pytest.mark.parametrize("mode", list(AmbiguousDates))
    @given(first=case_dates, second=case_dates)
    @example(first=date(2025, 8, 31), second=date(2025, 9, 1))
    @example(first=date(2024, 2, 29), second=date(2024, 3, 1))
    @example(first=date(2025, 1, 31), second=date(2025, 2, 1))
    @example(first=date(2025, 12, 31), second=date(2026, 1, 1))
    def test_monotone(self, mode: AmbiguousDates, first: date, second: date) -> None:
        """max_period_end is non-decreasing in the start."""
        early, late = sorted((first, second))

        assert end_for(early, mode) <= end_for(late, mode)

    @pytest.mark.parametrize("mode", list(AmbiguousDates))
    @given(day=case_dates)
    @at_month_ends()
    def test_six_months_last_181_to_184_days(self, mode: AmbiguousDates, day: date) -> None:
        """A maximal 6-month period lasts 181 to 184 days, first and last day included."""
        length = (end_for(day, mode) - day).days + 1

        assert 181 <= length <= 184

    @given(day=case_dates)
    @at_month_ends()
    def test_flag_computes_with_the_citizens_reading(self, day: date) -> None:
        """Under ``flag`` the end is the ``favour_citizen`` end."""
        assert end_for(day, FAVOUR) == end_for(day, FLAG)


class TestPeriodEnd:
    """Tests for ``period_end``: both readings of the last day of a period of n months."""

    @pytest.mark.parametrize(("start", "favour", "strict"), PERIOD_ENDS)
    def test_worked_examples(self, start: date, favour: date, strict: date) -> None:
        """period_end gives both readings of the worked examples."""
        assert Readings(favour, strict) == period_end(start, 6)

    @pytest.mark.parametrize(
        ("start", "months", "favour", "strict"),
        [
            (date(2025, 8, 31), 6, date(2026, 2, 28), date(2026, 2, 27)),
            (date(2023, 8, 31), 6, date(2024, 2, 29), date(2024, 2, 28)),
            (date(2023, 8, 29), 6, date(2024, 2, 28), date(2024, 2, 28)),
            (date(2025, 1, 31), 1, date(2025, 2, 28), date(2025, 2, 27)),
            (date(2025, 12, 31), 1, date(2026, 1, 30), date(2026, 1, 30)),
            (date(2025, 12, 31), 2, date(2026, 2, 28), date(2026, 2, 27)),
            (date(2025, 12, 31), 12, date(2026, 12, 30), date(2026, 12, 30)),
            (date(2025, 10, 31), 13, date(2026, 11, 30), date(2026, 11, 29)),
            (date(2024, 2, 29), 12, date(2025, 2, 28), date(2025, 2, 27)),
            (date(2024, 2, 29), 48, date(2028, 2, 28), date(2028, 2, 28)),
        ],
    )
    def test_other_lengths(self, start: date, months: int, favour: date, strict: date) -> None:
        """A missing day ends the period on the target month's last day (citizen) or the day before (strict)."""
        assert Readings(favour, strict) == period_end(start, months)

    def test_zero_months_ends_the_day_before(self) -> None:
        """A period of no months is empty: it ends the day before it starts, unambiguously."""
        assert Readings(date(2025, 8, 30), date(2025, 8, 30)) == period_end(date(2025, 8, 31), 0)

    @given(day=case_dates, months=month_counts)
    @at_month_ends(months=6)
    @example(day=date(2025, 1, 31), months=1)
    def test_strict_at_most_one_day_before_favour(self, day: date, months: int) -> None:
        """strict ≤ favour_citizen ≤ strict + 1 day, and they differ exactly when ambiguous."""
        readings = period_end(day, months)

        assert readings.strict <= readings.favour_citizen <= readings.strict + ONE_DAY
        assert (readings.favour_citizen != readings.strict) == readings.ambiguous

    @given(day=case_dates, months=month_counts)
    @at_month_ends(months=6)
    @example(day=date(2025, 1, 31), months=1)
    @example(day=date(2024, 2, 29), months=12)
    def test_against_relativedelta(self, day: date, months: int) -> None:
        """The day after the strict end is start + relativedelta(months=n); the citizen's end is a day later exactly where the day is missing."""
        clamped = day + relativedelta(months=months)  # relativedelta clamps to the month's last day

        readings = period_end(day, months)

        assert clamped == readings.strict + ONE_DAY
        if day_exists(clamped.year, clamped.month, day.day):
            assert clamped == readings.favour_citizen + ONE_DAY
            assert not readings.ambiguous
        else:
            assert clamped == readings.favour_citizen

    def test_negative_months_rejected(self) -> None:
        """A negative length is a programming error."""
        with pytest.raises(ValueError, match="months must be 0 or more"):
            period_end(date(2025, 1, 1), -6)

    def test_year_9999_is_the_limit(self) -> None:
        """A period may end on 9999-12-30; OverflowError once the day after the end is beyond 9999-12-31."""
        assert Readings(date(9999, 12, 30), date(9999, 12, 30)) == period_end(date(9999, 1, 31), 11)
        assert Readings(date(9999, 2, 28), date(9999, 2, 27)) == period_end(date(9998, 8, 31), 6)
        with pytest.raises(OverflowError, match=r"^date value out of range: 9999-12-01 \+1 months$"):
            period_end(date(9999, 12, 1), 1)

    def test_before_year_1_overflows(self) -> None:
        """An empty period starting on the first representable day would end before it."""
        with pytest.raises(OverflowError):
            period_end(date(1, 1, 1), 0)


class TestPeriodEndDay:
    """Tests for ``period_end_day``: one reading of ``period_end``, as the rules compute it."""

    @pytest.mark.parametrize(
        ("start", "months", "favour", "strict"),
        [
            (date(2024, 3, 1), 6, date(2024, 8, 31), date(2024, 8, 31)),
            (date(2025, 8, 28), 6, date(2026, 2, 27), date(2026, 2, 27)),
            (date(2025, 8, 29), 6, date(2026, 2, 28), date(2026, 2, 27)),
            (date(2025, 8, 31), 6, date(2026, 2, 28), date(2026, 2, 27)),
            (date(2025, 7, 31), 6, date(2026, 1, 30), date(2026, 1, 30)),
            (date(9999, 6, 28), 6, date(9999, 12, 27), date(9999, 12, 27)),
        ],
    )
    def test_examples(self, start: date, months: int, favour: date, strict: date) -> None:
        """A day that every month has ends the period on the same day of the target month less one; a missing day as period_end."""
        assert favour == period_end_day(start, months, strict=False)
        assert strict == period_end_day(start, months, strict=True)

    @given(day=case_dates, months=month_counts, strict=st.booleans())
    @at_month_ends(months=6, strict=True)
    def test_is_the_chosen_reading_of_period_end(self, day: date, months: int, strict: bool) -> None:
        """period_end_day gives the strict or the citizen's reading of period_end."""
        readings = period_end(day, months)

        assert (readings.strict if strict else readings.favour_citizen) == period_end_day(day, months, strict)

    def test_negative_months_rejected(self) -> None:
        """A negative length is a programming error, on the short path too."""
        with pytest.raises(ValueError, match="months must be 0 or more, not -1"):
            period_end_day(date(2025, 1, 15), -1, strict=False)

    def test_year_9999_is_the_limit(self) -> None:
        """Beyond 9999 the short path is not taken, and the general path raises OverflowError."""
        with pytest.raises(OverflowError, match=r"^date value out of range: 9999-12-15 \+1 months$"):
            period_end_day(date(9999, 12, 15), 1, strict=True)


class TestWindowOpening:
    """Tests for ``window_opening``: "i op til 3 måneder forud for udskrivelsen" (LAB § 167, stk. 2)."""

    @pytest.mark.parametrize(("anchor", "favour", "strict"), WINDOW_OPENINGS)
    def test_worked_examples(self, anchor: date, favour: date, strict: date) -> None:
        """A missing day opens the window on the month's last day (citizen) or the 1st of the next month (strict)."""
        assert Readings(favour, strict) == window_opening(anchor, 3)

    @pytest.mark.parametrize(
        ("anchor", "months", "favour", "strict"),
        [
            (date(2026, 1, 31), 2, date(2025, 11, 30), date(2025, 12, 1)),
            (date(2026, 1, 15), 1, date(2025, 12, 15), date(2025, 12, 15)),
            (date(2026, 3, 31), 1, date(2026, 2, 28), date(2026, 3, 1)),
            (date(2025, 2, 28), 12, date(2024, 2, 28), date(2024, 2, 28)),
            (date(2024, 2, 29), 12, date(2023, 2, 28), date(2023, 3, 1)),
            (date(2000, 3, 31), 1, date(2000, 2, 29), date(2000, 3, 1)),
            (date(1900, 3, 31), 1, date(1900, 2, 28), date(1900, 3, 1)),
        ],
    )
    def test_other_lengths(self, anchor: date, months: int, favour: date, strict: date) -> None:
        """Going back, the citizen's reading clamps (earlier) and the strict reading rolls over (later)."""
        assert Readings(favour, strict) == window_opening(anchor, months)

    def test_zero_months_is_the_anchor(self) -> None:
        """A window of no months opens on the anchor."""
        assert Readings(date(2025, 5, 31), date(2025, 5, 31)) == window_opening(date(2025, 5, 31), 0)

    def test_negative_months_rejected(self) -> None:
        """A negative window is a programming error."""
        with pytest.raises(ValueError, match="months must be 0 or more"):
            window_opening(date(2025, 5, 31), -3)

    def test_year_1_is_the_limit(self) -> None:
        """The arithmetic reaches year 1 and raises OverflowError before it."""
        assert Readings(date(1, 1, 31), date(1, 1, 31)) == window_opening(date(1, 12, 31), 11)
        with pytest.raises(OverflowError, match=r"^date value out of range: 0001-01-31 -1 months$"):
            window_opening(date(1, 1, 31), 1)

    @given(day=case_dates, months=month_counts)
    @at_month_ends(months=3)
    @example(day=date(2025, 3, 31), months=1)
    def test_strict_opens_at_most_one_day_later(self, day: date, months: int) -> None:
        """favour_citizen ≤ strict ≤ favour_citizen + 1 day (well within the 3 days a "31 February" could shift)."""
        readings = window_opening(day, months)

        assert readings.favour_citizen <= readings.strict <= readings.favour_citizen + ONE_DAY

    @given(day=case_dates, months=month_counts)
    @at_month_ends(months=3)
    @example(day=date(2025, 3, 31), months=1)
    def test_against_relativedelta(self, day: date, months: int) -> None:
        """favour_citizen is anchor - relativedelta(months=n); strict equals it where the day exists, else is the next day."""
        clamped = day - relativedelta(months=months)

        readings = window_opening(day, months)

        assert clamped == readings.favour_citizen
        if day_exists(clamped.year, clamped.month, day.day):
            assert clamped == readings.strict
            assert not readings.ambiguous
        else:
            assert clamped + ONE_DAY == readings.strict


#: The years whose every day is checked by default: each kind of year the month arithmetic can meet, with the
#: year after it (a period runs into the next year): a century that is not a leap year (1900), one that is
#: (2000), an ordinary leap year and the years around it (2023-2025), and the last modelled year.  With
#: MENTORRULES_EVERY_DATE=1 (``make fuzz`` sets it) every date a case may hold is checked: 1900-01-01 to
#: 2199-12-31, 109,573 dates (about 14 s; measured for 0.2.0, no difference).
_YEARS = (1900, 1901, 1999, 2000, 2001, 2023, 2024, 2025, 2199)


def every_case_date() -> list[date]:
    """Return the dates the relativedelta comparison checks, in order (see _YEARS)."""
    if os.environ.get("MENTORRULES_EVERY_DATE") == "1":
        first, last = date(1900, 1, 1).toordinal(), date(2199, 12, 31).toordinal()
        return [date.fromordinal(day) for day in range(first, last + 1)]
    return [
        date.fromordinal(day)
        for year in _YEARS
        for day in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1)
    ]


def first_differences(days: list[date], expected: list[date], actual: list[date]) -> list[tuple[date, date, date]]:
    """Return up to five (day, expected, actual) triples where the two lists differ, for the failure message."""
    return [(day, want, got) for day, want, got in zip(days, expected, actual, strict=True) if want != got][:5]


class TestRelativedeltaOnEveryDate:
    """
    python-dateutil's relativedelta, which clamps, is the reference of the month arithmetic, each in its direction.

    Not sampled: every day of each kind of year (every date a case may hold with MENTORRULES_EVERY_DATE=1) and
    every count of 1 to 12 months.  The loops are kept tight (one relativedelta per count, plain list comparisons), because
    relativedelta's own arithmetic, pure Python, is most of the time.
    """

    @pytest.mark.parametrize("months", range(1, 13))
    def test_adding_months_is_the_strict_reading(self, months: int) -> None:
        """start + relativedelta(months=n) is the day after the strict end of a period of n months from start."""
        days, delta = every_case_date(), relativedelta(months=months)

        expected = [day + delta for day in days]
        actual = [period_end(day, months).strict + ONE_DAY for day in days]

        assert expected == actual, first_differences(days, expected, actual)

    @pytest.mark.parametrize("months", range(1, 13))
    def test_subtracting_months_is_the_citizens_window_opening(self, months: int) -> None:
        """anchor - relativedelta(months=n) is the favour_citizen opening of a window of n months before anchor."""
        # dateutil computes day - delta as day + (-delta), building -delta anew on every call; negate it once.
        days, minus_delta = every_case_date(), -relativedelta(months=months)

        expected = [day + minus_delta for day in days]
        actual = [window_opening(day, months).favour_citizen for day in days]

        assert expected == actual, first_differences(days, expected, actual)

    def test_the_issues_example(self) -> None:
        """2025-05-31 - 3 months is 2025-02-28 with relativedelta and in the citizen's reading (the strict one opens on 1 March)."""
        assert date(2025, 2, 28) == date(2025, 5, 31) - relativedelta(months=3)
        assert Readings(date(2025, 2, 28), date(2025, 3, 1)) == window_opening(date(2025, 5, 31), 3)


class TestIsUnder:
    """Tests for ``is_under``: "under 30" means before the 30th birthday."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (date(2025, 6, 14), (True, True)),
            (date(2025, 6, 15), (False, False)),
            (date(2025, 6, 16), (False, False)),
        ],
    )
    def test_ordinary_birthday(self, on: date, expected: tuple[bool, bool]) -> None:
        """Born 1995-06-15: under 30 up to 2025-06-14, not from the birthday 2025-06-15."""
        assert expected == is_under(date(1995, 6, 15), 30, on)

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (date(2024, 2, 28), (True, True)),
            (date(2024, 2, 29), (False, False)),
            (date(2024, 3, 1), (False, False)),
        ],
    )
    def test_29_february_birthday_on_a_leap_day(self, on: date, expected: tuple[bool, bool]) -> None:
        """Born 1992-02-29: the 32nd birthday 2024-02-29 exists, so both readings agree on being under 32."""
        assert expected == is_under(date(1992, 2, 29), 32, on)

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (date(2022, 2, 27), (True, True)),
            (date(2022, 2, 28), (True, False)),
            (date(2022, 3, 1), (False, False)),
        ],
    )
    def test_29_february_turning_30_in_another_year(self, on: date, expected: tuple[bool, bool]) -> None:
        """Born 1992-02-29: on 2022-02-28 the person is under 30 for the citizen, 30 for the strict reading."""
        assert expected == is_under(date(1992, 2, 29), 30, on)

    @given(birth=st.sampled_from([date(year, 2, 29) for year in range(1900, 2200) if calendar.isleap(year)]))
    @example(birth=date(1992, 2, 29))
    @example(birth=date(1996, 2, 29))
    def test_30th_birthday_of_a_leap_day_birth_is_always_ambiguous(self, birth: date) -> None:
        """30 is not a multiple of 4, so a person born on 29 February never turns 30 on a leap day: 28 February is disputed."""
        year = birth.year + 30

        assert (True, True) == is_under(birth, 30, date(year, 2, 27))
        assert (True, False) == is_under(birth, 30, date(year, 2, 28))
        assert (False, False) == is_under(birth, 30, date(year, 3, 1))

    def test_29_february_in_century_years(self) -> None:
        """2100 is not a leap year, so 28 February is disputed; 2000 is, so 29 February is the birthday."""
        assert (True, False) == is_under(date(2080, 2, 29), 20, date(2100, 2, 28))
        assert (True, True) == is_under(date(1980, 2, 29), 20, date(2000, 2, 28))
        assert (False, False) == is_under(date(1980, 2, 29), 20, date(2000, 2, 29))

    def test_age_zero_from_birth(self) -> None:
        """A person is 0 years old from birth: under 0 only before it."""
        assert (True, True) == is_under(date(1992, 2, 29), 0, date(1992, 2, 28))
        assert (False, False) == is_under(date(1992, 2, 29), 0, date(1992, 2, 29))

    def test_negative_age_rejected(self) -> None:
        """A negative age is a programming error."""
        with pytest.raises(ValueError, match="years must be 0 or more, not -30"):
            is_under(date(1995, 6, 15), -30, date(2025, 1, 1))

    def test_birthday_after_year_9999(self) -> None:
        """A birthday after 9999-12-31 comes after every date, so the person is under that age."""
        under_both = (True, True)

        assert under_both == is_under(date(9970, 1, 1), 30, date(9999, 12, 31))
        assert under_both == is_under(date(9990, 6, 15), 30, date(9999, 12, 31))

    def test_birthday_on_9999_12_31(self) -> None:
        """The last representable day can still be the birthday."""
        under_neither, under_both = (False, False), (True, True)

        assert under_neither == is_under(date(9969, 12, 31), 30, date(9999, 12, 31))
        assert under_both == is_under(date(9969, 12, 31), 30, date(9999, 12, 30))

    @given(birth=case_dates, years=ages, on=case_dates)
    @example(birth=date(1992, 2, 29), years=30, on=date(2022, 2, 28))
    @example(birth=date(1992, 2, 29), years=30, on=date(2022, 3, 1))
    @example(birth=date(1992, 2, 29), years=32, on=date(2024, 2, 29))
    @example(birth=date(1995, 12, 31), years=30, on=date(2025, 12, 31))
    def test_against_relativedelta(self, birth: date, years: int, on: date) -> None:
        """The strict birthday is birth + relativedelta(years=n) (28 February for a leap-day birth); the citizen's is 1 March instead."""
        strict_birthday = birth + relativedelta(years=years)
        if (strict_birthday.month, strict_birthday.day) == (birth.month, birth.day):
            favour_birthday = strict_birthday
        else:
            assert (2, 29) == (birth.month, birth.day)
            favour_birthday = date(strict_birthday.year, 3, 1)

        under = is_under(birth, years, on)

        assert (on < favour_birthday, on < strict_birthday) == under
        assert under[0] or not under[1]

    @given(birth=case_dates, years=ages)
    @example(birth=date(1992, 2, 29), years=30)
    @example(birth=date(1992, 2, 29), years=32)
    def test_turns_the_age_on_the_birthday(self, birth: date, years: int) -> None:
        """The day before the strict birthday the person is under the age in both readings; from the citizen's birthday in neither."""
        strict_birthday = birth + relativedelta(years=years)
        favour_birthday = strict_birthday if strict_birthday.day == birth.day else strict_birthday + ONE_DAY
        under_neither, under_both = (False, False), (True, True)

        assert under_both == is_under(birth, years, strict_birthday - ONE_DAY)
        assert under_neither == is_under(birth, years, favour_birthday)


class TestPurity:
    """The module reads no clock and holds no mutable state (DESIGN section 6)."""

    def test_reads_no_clock(self) -> None:
        """Nothing in the module asks for today's date or the current time: every date is an argument."""
        source = inspect.getsource(_dates)

        clock_calls = [word for word in ("today(", ".now(", "utcnow(", "import time", "time.time(") if word in source]

        assert not clock_calls

    def test_no_mutable_module_state(self) -> None:
        """Module-level values are immutable: no dict, list or set to hold a cache."""
        mutable = [
            name
            for name, value in vars(_dates).items()
            if isinstance(value, dict | list | set | bytearray) and not name.startswith("__")
        ]

        assert not mutable

    def test_public_functions_are_not_cached(self) -> None:
        """The public functions are plain functions, not caching wrappers such as functools.lru_cache."""
        wrapped = [
            name
            for name in _dates.__all__
            if name != "Readings" and not isinstance(getattr(_dates, name), types.FunctionType)
        ]

        assert not wrapped
        assert "cache" not in inspect.getsource(_dates)
