"""Planning helpers: the windows the law opens for a new period and for the two rights."""

from __future__ import annotations

from datetime import date

import pytest

from mentorrules import (
    Interpretation,
    UnsupportedDateError,
    education_admission_window,
    max_period_end,
    next_period_window,
    psychiatric_discharge_window,
)


class TestNextPeriodWindow:
    def test_a_new_period_starts_the_day_after_the_expiry(self) -> None:
        """LAB § 167, stk. 1, 2. pkt.: a new period may follow "ved udløb af en periode", for up to 6 months."""
        window = next_period_window(date(2024, 6, 30))
        assert (date(2024, 7, 1), date(2024, 12, 31), None) == (window.start, window.end, window.end_strict)
        assert "LAB § 167, stk. 1, 2. pkt." == window.references[0].citation
        assert "lab-2020" == window.law

    @pytest.mark.parametrize(
        ("mode", "end", "end_strict"),
        [
            ("favour_citizen", date(2026, 2, 28), date(2026, 2, 27)),
            ("strict", date(2026, 2, 27), None),
            ("flag", date(2026, 2, 28), date(2026, 2, 27)),
        ],
    )
    def test_a_month_end_start_follows_the_interpretation(self, mode: str, end: date, end_strict: date | None) -> None:
        """A new period from 31 August ends 28 or 27 February depending on the reading chosen."""
        window = next_period_window(date(2025, 8, 30), interpretation=Interpretation(ambiguous_dates=mode))
        assert (end, end_strict) == (window.end, window.end_strict)
        assert window.end == max_period_end(window.start, interpretation=Interpretation(ambiguous_dates=mode))

    def test_old_law_cites_the_agreement_rule(self) -> None:
        """Before 2020 the six-month limit sat in old § 31 c, stk. 1."""
        window = next_period_window(date(2018, 3, 31))
        assert ("lab-2014", "LAB § 31 c, stk. 1, 2. pkt.") == (window.law, window.references[0].citation)

    @pytest.mark.parametrize("previous_end", [date(2013, 12, 30), date(2026, 12, 31)])
    def test_outside_the_modelled_law_raises(self, previous_end: date) -> None:
        """A new period starting outside 2014-01-01..2026-12-31 is not modelled."""
        with pytest.raises(UnsupportedDateError):
            next_period_window(previous_end)

    def test_to_dict(self) -> None:
        """The window is JSON-ready."""
        record = next_period_window(date(2025, 8, 30)).to_dict()
        assert ("2025-08-31", "2026-02-28", "2026-02-27", None) == (
            record["start"],
            record["end"],
            record["end_strict"],
            record["deadline"],
        )
        assert record["references"][0]["verified"] is True


class TestPsychiatricDischargeWindow:
    def test_opens_three_months_before_the_discharge(self) -> None:
        """§ 167, stk. 2: up to 3 months before the discharge and at least 6 months in all."""
        window = psychiatric_discharge_window(date(2025, 6, 30))
        assert (date(2025, 3, 30), date(2025, 9, 29)) == (window.start, window.end)
        assert "LAB § 167, stk. 2" == window.references[0].citation

    def test_a_later_first_start_moves_the_six_months(self) -> None:
        """Counted from when support actually starts, the right lasts at least 6 months."""
        window = psychiatric_discharge_window(date(2025, 6, 30), first_start=date(2025, 4, 1))
        assert (date(2025, 3, 30), date(2025, 9, 30)) == (window.start, window.end)

    def test_a_month_end_discharge_gives_two_readings(self) -> None:
        """3 months before 31 May: 28 February favouring the citizen, 1 March strictly."""
        flagged = psychiatric_discharge_window(date(2025, 5, 31), interpretation=Interpretation(ambiguous_dates="flag"))
        assert (date(2025, 2, 28), date(2025, 3, 1)) == (flagged.start, flagged.start_strict)
        strict = psychiatric_discharge_window(
            date(2025, 5, 31), interpretation=Interpretation(ambiguous_dates="strict")
        )
        assert (date(2025, 3, 1), None) == (strict.start, strict.start_strict)

    def test_may_exceed_six_months_reaches_six_months_after_the_discharge(self) -> None:
        """With psychiatric_period_may_exceed_six_months the window reaches 6 months after the discharge."""
        interpretation = Interpretation(psychiatric_period_may_exceed_six_months=True)
        window = psychiatric_discharge_window(date(2025, 6, 30), interpretation=interpretation)
        assert date(2025, 12, 29) == window.end

    def test_may_exceed_keeps_the_longer_end(self) -> None:
        """When support starts late, six months from that start can outlast six months from the discharge."""
        interpretation = Interpretation(psychiatric_period_may_exceed_six_months=True)
        window = psychiatric_discharge_window(
            date(2025, 6, 30), first_start=date(2025, 7, 15), interpretation=interpretation
        )
        assert date(2026, 1, 14) == window.end

    def test_old_law(self) -> None:
        """2014-2019: old § 31 b, stk. 2."""
        assert "LAB § 31 b, stk. 2" == psychiatric_discharge_window(date(2019, 6, 1)).references[0].citation


class TestEducationAdmissionWindow:
    def test_invocation_window(self) -> None:
        """§ 167, stk. 3: taken up within 6 months of the admission, lasting 6 months from then."""
        window = education_admission_window(date(2025, 6, 15), right_invoked_on=date(2025, 8, 11))
        assert (date(2025, 8, 11), date(2026, 2, 10), date(2025, 12, 14)) == (window.start, window.end, window.deadline)

    def test_admission_reading_caps_at_six_months_from_admission(self) -> None:
        """With education_right_window = "admission" support ends no later than 6 months from the admission."""
        interpretation = Interpretation(education_right_window="admission")
        window = education_admission_window(
            date(2025, 6, 15), right_invoked_on=date(2025, 8, 11), interpretation=interpretation
        )
        assert date(2025, 12, 14) == window.end

    def test_without_invocation_counts_from_the_admission(self) -> None:
        """Not yet taken up: the window shown runs from the admission."""
        window = education_admission_window(date(2025, 8, 31), interpretation=Interpretation(ambiguous_dates="flag"))
        assert (date(2025, 8, 31), date(2026, 2, 28), date(2026, 2, 27)) == (
            window.start,
            window.end,
            window.end_strict,
        )

    @pytest.mark.parametrize("admission", [date(2021, 12, 31), date(2019, 6, 1)])
    def test_not_modelled_before_the_right_exists(self, admission: date) -> None:
        """Before 2022-01-01 (assumed in-force date) and under lab-2014 the window is not modelled."""
        with pytest.raises(ValueError, match="not modelled"):
            education_admission_window(admission)

    def test_from_the_in_force_date(self) -> None:
        """From 2022-01-01 the right is modelled."""
        assert "lab-2020" == education_admission_window(date(2022, 1, 1)).law
