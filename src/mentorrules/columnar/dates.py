"""
The month arithmetic of :mod:`mentorrules.law.dates` over whole columns of dates.

Each function here is the column form of a function there, with the same two
readings where a day does not exist in the target month (DESIGN section 6); the
differential tests compare them on every day of the years the library models.
Dates are numpy ``datetime64[D]`` arrays; month counts are integers or arrays.
"""

from __future__ import annotations

import functools

import numpy as np


__all__ = ["is_under", "period_end_day", "shift", "window_opening"]

_DAY = np.timedelta64(1, "D")


def shift(days: np.ndarray, months: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
    """
    Move each day by ``months`` calendar months, keeping the day of the month (``_shift`` in law.dates).

    Returns:
        ``(clamped, rolled)``: equal where the day exists in the target month; otherwise the
        last day of the target month and the first day of the month after it.
    """
    month = days.astype("datetime64[M]")
    day_of_month = (days - month.astype("datetime64[D]", copy=False)).astype(np.int64, copy=False)  # 0-based
    target = month + np.asarray(months, dtype=np.int64).astype("timedelta64[M]")
    first = target.astype("datetime64[D]", copy=False)
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]", copy=False) - first).astype(
        np.int64, copy=False
    )
    clamped = first + np.minimum(day_of_month, length - 1).astype("timedelta64[D]")
    rolled = first + np.minimum(day_of_month, length).astype("timedelta64[D]")
    return clamped, rolled


#: The days a case may hold (DESIGN section 3: 1900-01-01..2199-12-31): the tables below cover them.
_FIRST = np.datetime64("1900-01-01")
_DAYS = int((np.datetime64("2199-12-31") - _FIRST).astype(np.int64)) + 1


@functools.cache
def _table(months: int) -> tuple[np.ndarray, np.ndarray]:
    """Return :func:`shift` by ``months`` of every day a case may hold, computed once: ``(clamped, rolled)``."""
    clamped, rolled = shift(_FIRST + np.arange(_DAYS).astype("timedelta64[D]"), months)
    clamped.flags.writeable = rolled.flags.writeable = False  # shared by every later call
    return clamped, rolled


def _shifted(days: np.ndarray, months: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
    """
    Return :func:`shift` of ``days``: looked up in a table of every day where ``months`` is one number.

    Calendar months are slow to compute over a column (numpy converts every day to its month and
    back); the law's month counts are few (6, 3, 360 for 30 years), so each is computed once for
    every day a case may hold and then read by index.  A day outside those years (a placeholder
    where a fact is unknown, never read) gets the value of the nearest day in the table.
    """
    counts = np.asarray(months)
    if counts.size and counts.min() != counts.max():  # months differ from row to row (no law version does so today)
        return shift(days, months)
    clamped, rolled = _table(int(counts.flat[0]) if counts.size else 0)
    index = np.clip((days - _FIRST).astype(np.int64), 0, _DAYS - 1)
    return clamped[index], rolled[index]


def period_end_day(start: np.ndarray, months: np.ndarray | int, strict: bool) -> np.ndarray:
    """Return the last day of a period of ``months`` months from each start, in one reading (law.dates)."""
    clamped, rolled = _shifted(start, months)
    return (clamped if strict else rolled) - _DAY


def window_opening(anchor: np.ndarray, months: np.ndarray | int, strict: bool) -> np.ndarray:
    """Return the first day of a window opening ``months`` months before each anchor, in one reading."""
    clamped, rolled = _shifted(anchor, -np.asarray(months, dtype=np.int64))
    return rolled if strict else clamped


def is_under(birth: np.ndarray, years: np.ndarray | int, on: np.ndarray, strict: bool) -> np.ndarray:
    """Return whether a person born on each ``birth`` is under ``years`` years old on ``on``, in one reading."""
    clamped, rolled = _shifted(birth, 12 * np.asarray(years, dtype=np.int64))
    under: np.ndarray = on < (clamped if strict else rolled)
    return under
