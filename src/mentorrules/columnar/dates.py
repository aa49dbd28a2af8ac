"""
The month arithmetic of :mod:`mentorrules.law.dates` over whole columns of dates.

Each function here is the column form of a function there, with the same two
readings where a day does not exist in the target month (DESIGN section 6); the
differential tests compare them on every day of the years the library models.
Dates are numpy ``datetime64[D]`` arrays; month counts are integers or arrays.
"""

from __future__ import annotations

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


def period_end_day(start: np.ndarray, months: np.ndarray | int, strict: bool) -> np.ndarray:
    """Return the last day of a period of ``months`` months from each start, in one reading (law.dates)."""
    clamped, rolled = shift(start, months)
    return (clamped if strict else rolled) - _DAY


def window_opening(anchor: np.ndarray, months: np.ndarray | int, strict: bool) -> np.ndarray:
    """Return the first day of a window opening ``months`` months before each anchor, in one reading."""
    clamped, rolled = shift(anchor, -np.asarray(months, dtype=np.int64))
    return rolled if strict else clamped


def is_under(birth: np.ndarray, years: np.ndarray | int, on: np.ndarray, strict: bool) -> np.ndarray:
    """Return whether a person born on each ``birth`` is under ``years`` years old on ``on``, in one reading."""
    clamped, rolled = shift(birth, 12 * np.asarray(years, dtype=np.int64))
    return on < (clamped if strict else rolled)
