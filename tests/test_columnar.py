"""
The columnar path equals the per-case engine: every verdict, every case, every interpretation.

* every shared scenario (``../shared/cases/*.json``) through :func:`evaluate_columns`;
* a Hypothesis property over batches drawn with :mod:`mentorrules.testing`;
* a 20,000-case differential over :func:`mentorrules.testing.random_documents` under
  several interpretations (a larger one runs in ``make bench``);
* the vectorised month arithmetic against the scalar one on every day the library models;
* the registry: a vectorised rule for every rule id of the catalogue, and no other.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from columnar_helpers import actual, expected, mismatches
from mentorrules import CaseError, Interpretation, evaluate, load_case, rule_catalogue
from mentorrules.columnar import CaseTables, cases_to_tables, evaluate_columns
from mentorrules.columnar import dates as vdates
from mentorrules.columnar.engine import rule_verdicts
from mentorrules.columnar.rules import VECTORISED
from mentorrules.law import dates
from mentorrules.testing import cases, interpretations, random_documents


def test_a_vectorised_rule_for_every_rule_of_the_catalogue() -> None:
    assert list(VECTORISED) == [info.id for info in rule_catalogue()]


def test_scenario_through_the_columnar_path(scenario_path: Path) -> None:
    scenario = json.loads(scenario_path.read_text(encoding="utf-8"))
    interpretation = Interpretation(**scenario.get("interpretation", {}))
    document = scenario["case_text"] if "case_text" in scenario else scenario["case"]
    try:
        case = load_case(document)
    except CaseError:
        assert scenario["expect"]["error"] == "CaseError"
        return
    result = evaluate_columns(cases_to_tables([case]), interpretation=interpretation)
    assert actual(result)["0"] == expected(case, interpretation)
    if "verdict" in scenario["expect"]:
        assert result.cases["verdict"].to_pylist() == [scenario["expect"]["verdict"]]


_FEW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@_FEW
@given(st.lists(cases(), min_size=1, max_size=6), interpretations())
def test_every_verdict_equals_evaluate(batch: list, interpretation: Interpretation) -> None:
    assert mismatches(batch, interpretation) == []


#: The interpretations of the 20,000-case differential: the default and the choices that change dates and rules.
DIFFERENTIAL = (
    Interpretation(),
    Interpretation(ambiguous_dates="flag", under_30_education_guidance=True),
    Interpretation(
        ambiguous_dates="strict",
        law_date="period_start",
        education_right_window="admission",
        psychiatric_period_may_exceed_six_months=True,
        strict_mentor_categories=False,
        complaint_guidance_required_from_2020=True,
    ),
)


@pytest.mark.parametrize("interpretation", DIFFERENTIAL, ids=["default", "flag", "strict-period-start"])
def test_twenty_thousand_cases_equal_evaluate(interpretation: Interpretation) -> None:
    documents = random_documents(20_000, seed=2021)
    assert mismatches(documents, interpretation) == []


def test_the_differential_reaches_every_verdict_of_every_rule() -> None:
    """The random cases are not all alike: every rule gives most of its verdicts, and some cases go per case."""
    documents = random_documents(20_000, seed=2021)
    result = evaluate_columns(cases_to_tables(documents), interpretation=Interpretation(ambiguous_dates="flag"))
    summary = result.summary().to_pylist()
    seen = {(row["rule"], row["verdict"]) for row in summary}
    for info in rule_catalogue():
        assert len({verdict for rule, verdict in seen if rule == info.id}) >= min(3, len(info.verdicts)), info.id
    assert {verdict for rule, verdict in seen if rule == ""} == {"met", "not_met", "needs_assessment", "missing_facts"}
    assert 0 < result.per_case < len(documents) // 5
    assert result.cases["error"].to_pylist().count("UnsupportedDateError") > 0


def _days(start: date, end: date) -> np.ndarray:
    return np.arange(np.datetime64(start), np.datetime64(end) + 1)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("months", [3, 6, 12 * 30])
def test_vectorised_month_arithmetic_equals_the_scalar_on_every_day(strict: bool, months: int) -> None:
    days = _days(date(1900, 1, 1), date(2199, 12, 31))
    step = 1 if months != 12 * 30 else 7  # the 30-year shift (birthdays) on every seventh day: 15,000 of them
    days = days[::step]
    ends = vdates.period_end_day(days, months, strict)
    openings = vdates.window_opening(days, months, strict)
    for day, end, opening in zip(days.astype(date), ends.astype(date), openings.astype(date), strict=True):
        assert end == dates.period_end_day(day, months, strict)
        readings = dates.window_opening(day, months)
        assert opening == (readings.strict if strict else readings.favour_citizen)


def test_vectorised_age_equals_the_scalar_around_every_leap_day_birthday() -> None:
    births = np.array(
        [
            np.datetime64(f"{year}-02-{day}")
            for year in (1992, 1996, 2000, 1993)
            for day in (28, 29)
            if not (year == 1993 and day == 29)
        ]
    )
    for birth in births.astype(date):
        birthday = date(birth.year + 30, 3, 1)
        ons = _days(birthday - timedelta(days=3), birthday + timedelta(days=1))
        for strict in (False, True):
            got = vdates.is_under(np.full(len(ons), np.datetime64(birth)), 30, ons, strict)
            want = [dates.is_under(birth, 30, on)[1 if strict else 0] for on in ons.astype(date)]
            assert got.tolist() == want


def test_rule_verdicts_gives_the_columnar_verdicts_of_settled_cases() -> None:
    documents = random_documents(2_000, seed=7)
    tables = cases_to_tables(documents)
    result = evaluate_columns(tables)
    some = rule_verdicts(tables, ["eligibility.purpose", "duration.period_length", "agreement.hours"])
    settled = [v is not None for v in some["eligibility.purpose"].to_pylist()]
    assert 0 < sum(settled) < len(documents)
    for rule, table in (
        ("eligibility.purpose", result.cases),
        ("duration.period_length", result.periods),
        ("agreement.hours", result.periods),
    ):
        ours = some[rule].to_pylist()
        theirs = table[rule].to_pylist()[: len(ours)]
        assert all(a is None or a == b for a, b in zip(ours, theirs, strict=True))
        assert any(a is not None for a in ours)


def test_decisions_drill_down_to_the_explained_case() -> None:
    documents = [*random_documents(300, seed=11), {"decision_date": "2013-06-01"}]
    tables = cases_to_tables(documents, keys=[f"K{i}" for i in range(len(documents))])
    result = evaluate_columns(tables, interpretation=Interpretation(ambiguous_dates="strict"))
    not_met = [row["case_key"] for row in result.cases.to_pylist() if row["verdict"] == "not_met"][:5]
    decisions = result.decisions(not_met)
    assert list(decisions) == not_met
    for key, decision in decisions.items():
        position = int(key[1:])
        assert decision == evaluate(
            load_case(documents[position]), interpretation=Interpretation(ambiguous_dates="strict")
        )
    unsupported = [row["case_key"] for row in result.cases.to_pylist() if row["error"] is not None]
    assert unsupported
    assert all(type(error).__name__ == "UnsupportedDateError" for error in result.decisions(unsupported).values())
    assert set(result.errors) == set(unsupported)


def test_summary_counts_what_evaluate_gives() -> None:
    documents = random_documents(500, seed=5)
    result = evaluate_columns(cases_to_tables(documents))
    counted: dict[tuple[str, str, str], int] = {}
    for document in documents:
        want = expected(load_case(document), Interpretation())
        if isinstance(want, str):
            continue
        for key, verdict in want.items():
            if key == "law":
                continue
            rule = "" if key == "verdict" else key[0]
            counted[(want["law"], rule, verdict)] = counted.get((want["law"], rule, verdict), 0) + 1
    summary = {(row["law"], row["rule"], row["verdict"]): row["count"] for row in result.summary().to_pylist()}
    assert summary == counted
    assert repr(result).startswith("<ColumnarVerdicts: 500 cases")
    assert len(result) == 500


def test_an_empty_batch() -> None:
    result = evaluate_columns(cases_to_tables([]))
    assert len(result) == 0
    assert result.periods.num_rows == 0
    assert result.summary().num_rows == 0


def test_a_bad_interpretation_is_the_engines_error() -> None:
    with pytest.raises(CaseError) as raised:
        evaluate_columns(cases_to_tables([]), interpretation={"ambiguous_dates": "strict"})  # type: ignore[arg-type]
    assert raised.value.errors[0].path == "interpretation"


def test_tables_of_one_case_or_many_give_the_same_verdicts() -> None:
    """A pure function of one batch: evaluating parts and concatenating gives the whole."""
    documents = random_documents(400, seed=13)
    tables = cases_to_tables(documents)
    whole = actual(evaluate_columns(tables))
    keys = tables.cases["case_key"].to_pylist()
    parts: dict[str, object] = {}
    for half in (keys[::2], keys[1::2]):
        parts.update(actual(evaluate_columns(tables.select(half))))
    assert parts == whole
    assert isinstance(tables.select(keys[:3]), CaseTables)


_TEXT_ALPHABET = "0123456789+-.() @aBcß\u00df\u0130\t\n\x1c\u00a0\u2028\u3000\u0308\u00c5A\u030a"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_TEXT_ALPHABET, max_size=16) | st.text(max_size=6), min_size=1, max_size=20), st.data()
)
def test_the_text_conditions_equal_the_rules_on_any_text(texts: list[str], data: st.DataObject) -> None:
    """Contact data, blank items and the mentor's name: the column forms read texts as the rules do."""
    from mentorrules.rules.agreement import is_contact, same_name

    others = data.draw(
        st.lists(
            st.sampled_from(texts) | st.text(alphabet=_TEXT_ALPHABET, max_size=8),
            min_size=len(texts),
            max_size=len(texts),
        )
    )
    documents = [
        {
            "decision_date": "2024-02-20",
            "mentor": {"name": other},
            "periods": [
                {
                    "start": "2024-03-01",
                    "end": "2024-08-31",
                    "agreement": {
                        "written": True,
                        "goal": text,
                        "mentor_name": text,
                        "mentor_contact": text,
                        "tasks": [text, text],
                    },
                }
            ],
        }
        for text, other in zip(texts, others, strict=True)
    ]
    result = evaluate_columns(cases_to_tables(documents))
    for row, text, other in zip(result.periods.to_pylist(), texts, others, strict=True):
        blank = not text.strip()
        assert row["agreement.goal"] == ("not_met" if blank else "met")
        assert row["agreement.tasks"] == ("not_met" if blank else "met")
        contact = "not_met" if blank else "met" if is_contact(text) else "needs_assessment"
        assert row["agreement.mentor_contact"] == contact, text
        name = "not_met" if blank or (other.strip() and not same_name(text, other)) else "met"
        assert row["agreement.mentor_name"] == name, (text, other)


def test_month_counts_that_differ_from_row_to_row() -> None:
    """Each law version's month counts are one number; a column of differing counts is computed, not looked up."""
    days = _days(date(2023, 1, 25), date(2024, 3, 5))
    months = np.resize(np.array([6, 3, 12]), len(days))
    for strict in (False, True):
        ends = vdates.period_end_day(days, months, strict)
        for day, count, end in zip(days.astype(date), months, ends.astype(date), strict=True):
            assert end == dates.period_end_day(day, int(count), strict)
    assert vdates.period_end_day(days[:0], np.array([], dtype=np.int64), False).size == 0
