"""
Tests written to kill the mutants that survived the rule, date and scenario tests (docs/mutation.md).

``make mutation`` (benchmarks/mutation.py) runs mutmut over ``src/mentorrules/rules/`` and
``src/mentorrules/_dates.py``; each test here pins down a behaviour that a surviving mutant
changed and that no other focused test checked.  The docstring of each test names the legal
or arithmetical proposition, not the mutant.
"""

from __future__ import annotations

from datetime import date

import pytest

from mentorrules._dates import birthday, is_under, period_end


class TestDateArguments:
    """The month arithmetic rejects a negative count with a message that names the argument."""

    def test_negative_years_named_in_the_message(self) -> None:
        """A negative age is an error that says which argument and value were wrong."""
        with pytest.raises(ValueError, match=r"^years must be 0 or more, not -1$"):
            birthday(date(2000, 1, 1), -1)
        with pytest.raises(ValueError, match=r"^years must be 0 or more, not -2$"):
            is_under(date(2000, 1, 1), -2, date(2020, 1, 1))

    def test_negative_months_named_in_the_message(self) -> None:
        """A negative number of months is an error that says which argument and value were wrong."""
        with pytest.raises(ValueError, match=r"^months must be 0 or more, not -3$"):
            period_end(date(2000, 1, 1), -3)
