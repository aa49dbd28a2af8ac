"""Planning: the window of a period from its start (``period_window``), cited to the law version the start selects."""

from __future__ import annotations

from datetime import date

import pytest

from mentorrules import Interpretation, UnsupportedDateError, max_period_end, next_period_window
from mentorrules.planning import period_window


@pytest.mark.parametrize(
    ("start", "law", "citation"),
    [
        (date(2014, 1, 1), "lab-2014", "LAB § 31 c, stk. 1, 2. pkt."),
        (date(2019, 12, 31), "lab-2014", "LAB § 31 c, stk. 1, 2. pkt."),
        (date(2020, 1, 1), "lab-2020", "LAB § 167, stk. 1, 1. pkt."),
        (date(2026, 12, 31), "lab-2020", "LAB § 167, stk. 1, 1. pkt."),
    ],
)
def test_the_start_selects_the_law(start: date, law: str, citation: str) -> None:
    """lab-2014 cites old § 31 c, stk. 1, 2. pkt. (the six-month limit), lab-2020 LAB § 167, stk. 1, 1. pkt."""
    window = period_window(start)
    assert (window.kind, window.start, window.law) == ("period", start, law)
    assert [citation] == [ref.citation for ref in window.references]
    assert window.end == max_period_end(start)


@pytest.mark.parametrize(
    ("mode", "end", "end_strict"),
    [
        ("favour_citizen", date(2026, 2, 28), date(2026, 2, 27)),
        ("strict", date(2026, 2, 27), None),
        ("flag", date(2026, 2, 28), date(2026, 2, 27)),
    ],
)
def test_month_end_follows_the_interpretation(mode: str, end: date, end_strict: date | None) -> None:
    """A period from 31 August ends 28 or 27 February; the next period's window starts the day after."""
    interpretation = Interpretation(ambiguous_dates=mode)
    window = period_window(date(2025, 8, 31), interpretation=interpretation)
    assert (end, end_strict) == (window.end, window.end_strict)
    assert next_period_window(window.end, interpretation=interpretation).start == date.fromordinal(end.toordinal() + 1)


@pytest.mark.parametrize("start", [date(2013, 12, 31), date(2027, 1, 1)])
def test_outside_the_modelled_law_raises(start: date) -> None:
    """A start outside 2014-01-01..2026-12-31 raises UnsupportedDateError."""
    with pytest.raises(UnsupportedDateError):
        period_window(start)
