"""
Coverage by a statutory right: which periods a right covers, computed before the other rules run.

A right (LAB § 167, stk. 2 or 3; old § 31 b, stk. 2) is given as a :class:`Window`:
the days it covers and, for the psychiatric right, the *limit* that a covered
period may reach ("i en periode på mindst 6 måneder i alt").  From the windows of
the rights that apply, :func:`coverage` computes a :class:`Coverage` once per
evaluation: the periods wholly inside a window (*covered*), the periods that began
as a discretionary grant before the psychiatric window opened and run on inside it
(*partly covered*, DESIGN section 5, C2.2), and the latest end each may reach.
The rules only read it; none writes it, so the order in which the rules run cannot
change a result.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs


if TYPE_CHECKING:
    pass


__all__ = ["NO_COVERAGE", "Coverage", "Window"]


@attrs.frozen(kw_only=True)
class Window:
    """
    The days a right covers, as if the right were met.

    Attributes:
        right: The right's rule id.
        start: The first day covered.
        end: The last day covered (the psychiatric right's *limit*).
        extends_length: Whether a covered period may last until ``end`` even
            beyond six months (the psychiatric right: "mindst 6 måneder i alt").
        tests_purpose: Whether the right carries a purpose condition of its own
            (the psychiatric right from the 2023 amendment), so that
            ``eligibility.purpose`` still applies to the periods it covers.
        partial: Whether a period that starts before ``start`` and ends inside
            the window is partly covered (the psychiatric right).
    """

    right: str
    start: date
    end: date
    extends_length: bool = False
    tests_purpose: bool = True
    partial: bool = False


@attrs.frozen
class Coverage:
    """
    Which periods (by input index) the rights cover, for one evaluation.

    Attributes:
        covered: The periods wholly inside a right's window.
        by_right: For each covered period, the rights that cover it.
        limits: For each covered period whose right extends its length, the
            right's limit.
        partly: For each partly covered period whose discretionary part fits
            in six months, the right's limit.
        untested_purpose: The covered periods covered by a right without a
            purpose condition of its own.
    """

    covered: frozenset[int] = frozenset()
    by_right: Mapping[int, frozenset[str]] = MappingProxyType({})
    limits: Mapping[int, date] = MappingProxyType({})
    partly: Mapping[int, date] = MappingProxyType({})
    untested_purpose: frozenset[int] = frozenset()

    def all_covered(self, count: int) -> bool:
        """Return whether there is at least one period and every one of the ``count`` periods is covered."""
        return count > 0 and len(self.covered) == count

    def key(self) -> tuple[object, ...]:
        """Return what distinguishes this coverage for the rules (equal keys give equal findings)."""
        return (
            self.covered,
            tuple(sorted(self.by_right.items())),
            tuple(sorted(self.limits.items())),
            tuple(sorted(self.partly.items())),
            self.untested_purpose,
        )


#: No right covers anything: the common case.
NO_COVERAGE = Coverage()
