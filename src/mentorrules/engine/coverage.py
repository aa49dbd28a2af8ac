"""
The coverage pass: which periods the rights cover, computed before the rules that read it.

From the windows of the rights that are met (and, for a pending right, each of its
possible windows), :func:`coverage` computes a :class:`~mentorrules.rules._coverage.Coverage`
once per evaluation; the rules only read it (DESIGN section 5, contract 2).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING

from mentorrules.rules._coverage import NO_COVERAGE, Coverage, Window


if TYPE_CHECKING:
    from mentorrules.model.facts import Period


__all__ = ["coverage"]

_ONE_DAY = timedelta(days=1)


def coverage(
    windows: tuple[Window, ...],
    periods: tuple[tuple[int, Period], ...],
    own_end: Callable[[date], date],
) -> Coverage:
    """
    Return the coverage that ``windows`` give the ``(input index, period)`` pairs.

    ``own_end`` is a callable ``own_end(start) -> date``: the latest end of an
    ordinary period starting on ``start`` (``max_period_end`` in the reading
    applied), used to tell whether a partly covered period's discretionary part
    fits in six months.
    """
    if not windows:
        return NO_COVERAGE
    covered: set[int] = set()
    by_right: dict[int, set[str]] = {}
    limits: dict[int, date] = {}
    partly: dict[int, date] = {}
    untested: set[int] = set()
    for window in windows:
        for index, period in periods:
            if window.start <= period.start and period.end <= window.end:
                covered.add(index)
                by_right.setdefault(index, set()).add(window.right)
                if not window.tests_purpose:
                    untested.add(index)
                if window.extends_length:
                    limits[index] = max(window.end, limits.get(index, window.end))
            elif (
                window.partial
                and period.start < window.start <= period.end <= window.end
                and window.start - _ONE_DAY <= own_end(period.start)
            ):
                partly[index] = max(window.end, partly.get(index, window.end))
    for index in covered:
        partly.pop(index, None)  # a period covered by one right is not partly covered by another
    return Coverage(
        frozenset(covered),
        MappingProxyType({index: frozenset(rights) for index, rights in by_right.items()}),
        MappingProxyType(limits),
        MappingProxyType(partly),
        frozenset(untested),
    )
