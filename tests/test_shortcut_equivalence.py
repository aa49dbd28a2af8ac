"""
The engine's shortcuts give what their plain definitions give (month ends, subjects, JSON text, decisions).

The shortcuts serve the throughput targets (DESIGN section 10); nothing here is timed:
the figures are measured by ``benchmarks/run.py``.  These tests pin the equivalences
the shortcuts rely on: a single reading of the month arithmetic equals the chosen one
of both readings, the precomputed subjects equal the worded ones, the one-line JSON of
a decision (``mentorrules check --format jsonl``) is ``json.dumps(to_dict())`` byte
for byte, also for findings that the registry did not build, the privacy scan's cheap
first pass finds what the full scan finds, and ``new_decision`` builds what the
``Decision`` class builds.
"""

from __future__ import annotations

import json
from datetime import date
from types import MappingProxyType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mentorrules
from builders import complete_case_data
from mentorrules import (
    AmbiguousDates,
    Case,
    Decision,
    Finding,
    Interpretation,
    LegalReference,
    Notice,
    evaluate,
    load_case,
)
from mentorrules.engine.notices import NOTICE_EXPLAINER
from mentorrules.law.dates import period_end, period_end_day
from mentorrules.law.versions import snapshot_for
from mentorrules.model.outcomes import Verdict, fact_to_json, json_text, references_json
from mentorrules.rules._base import Context, period_subject, record_subject
from mentorrules.testing import cases, interpretations


REFERENCE = LegalReference(
    act="LAB",
    section="167",
    subsection=1,
    sentence=1,
    source="LBK nr. 280 af 1. marts 2024",
    url="https://www.retsinformation.dk/eli/lta/2024/280",
    note="Ø, § og \u2028",
)


class OneLanguage:
    """An explainer with only ``message`` (neither ``messages`` nor ``references_json``)."""

    def message(self, item: Finding | Notice, lang: str) -> str:
        return f"{lang}: «{item[0]}»"


@given(
    st.dates(min_value=date(1, 1, 1), max_value=date(9990, 12, 31)),
    st.integers(min_value=0, max_value=60),
    st.sampled_from(AmbiguousDates),
)
def test_period_end_day_is_the_chosen_reading_of_period_end(start: date, months: int, mode: AmbiguousDates) -> None:
    assert period_end_day(start, months, mode is AmbiguousDates.STRICT) == period_end(start, months).choose(mode)


@pytest.mark.parametrize(("start", "months"), [(date(1, 1, 1), 0), (date(9999, 12, 31), 1)])
def test_period_end_day_raises_where_period_end_does(start: date, months: int) -> None:
    for strict in (False, True):
        with pytest.raises(OverflowError):
            period_end(start, months)
        with pytest.raises(OverflowError):
            period_end_day(start, months, strict)


def test_period_end_day_rejects_a_negative_count() -> None:
    with pytest.raises(ValueError, match="months must be 0 or more"):
        period_end_day(date(2024, 1, 31), -1, False)


@pytest.mark.parametrize("index", [0, 1, 31, 32, 1000])
def test_period_subject_is_the_worded_path(index: int) -> None:
    assert period_subject(index) == f"periods[{index}]"


@pytest.mark.parametrize("index", [0, 1, 31, 32, 1000])
def test_record_subject_is_the_worded_path(index: int) -> None:
    assert record_subject(index) == f"periods[{index}].agreement"


@pytest.mark.parametrize("count", [0, 1, 2, 32, 33, 40])
def test_the_context_words_the_subjects_of_every_period(count: int) -> None:
    """The subjects a context holds, worded at import or for a case with many periods, are the worded paths."""
    period = load_case({"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]})
    case = attrs.evolve(period, periods=period.periods * count)
    pairs = tuple(enumerate(case.periods))
    ctx = Context(
        case, Interpretation(), snapshot_for(case.decision_date), pairs, AmbiguousDates.FAVOUR_CITIZEN, NOTICE_EXPLAINER
    )
    assert ctx.period_subjects == tuple(f"periods[{index}]" for index in range(count))
    assert ctx.record_subjects == tuple(f"periods[{index}].agreement" for index in range(count))


@pytest.mark.parametrize("value", [[], [REFERENCE.to_dict()], {"a": [1, True, None, "\ud800"]}, "§ \x00"])
def test_json_text_is_json_dumps(value: object) -> None:
    assert json_text(value) == json.dumps(value, ensure_ascii=False)


def test_references_json_is_the_json_of_the_reference_dicts() -> None:
    assert references_json((REFERENCE, REFERENCE)) == json.dumps([REFERENCE.to_dict()] * 2, ensure_ascii=False)


@given(cases(), interpretations())
def test_one_line_json_is_json_dumps_of_to_dict(case: Case, interpretation: Interpretation) -> None:
    decision = evaluate(case, interpretation=interpretation)
    assert decision.to_json(indent=None) == json.dumps(decision.to_dict(), ensure_ascii=False)


def test_one_line_json_of_findings_the_registry_did_not_build() -> None:
    """A finding with references not from its view's variants, or with an explainer of one language at a time."""
    decision = evaluate(load_case(complete_case_data()))
    first = decision.findings[0]
    hand_made = (
        first._replace(references=(REFERENCE,)),  # the view words the message, but the references are new
        Finding(
            "x.rule",
            Verdict.MET,
            "periods[0]",
            (REFERENCE,),
            MappingProxyType({"day": date(2024, 2, 29)}),
            OneLanguage(),
        ),
    )
    changed = Decision(
        case=decision.case,
        verdict=decision.verdict,
        findings=(*decision.findings, *hand_made),
        notices=decision.notices,
        law=decision.law,
        interpretation=decision.interpretation,
        decision_date=decision.decision_date,
    )
    assert first.explainer.references_json(first.references) is not None  # type: ignore[attr-defined]
    assert first.explainer.references_json((REFERENCE,)) is None  # type: ignore[attr-defined]
    assert changed.to_json(indent=None) == json.dumps(changed.to_dict(), ensure_ascii=False)


def test_a_fact_of_another_type_is_written_as_json_dumps_writes_it() -> None:
    """A fact outside FactValue (a float here) passes through unchanged, in to_dict and in the one-line JSON alike."""
    odd = Finding("x.rule", Verdict.MET, "", (REFERENCE,), MappingProxyType({"share": 0.5}), OneLanguage())
    assert fact_to_json(0.5) == 0.5  # type: ignore[arg-type]
    decision = evaluate(load_case(complete_case_data()))
    with_odd = Decision(
        case=decision.case,
        verdict=decision.verdict,
        findings=(odd,),
        notices=(),
        law=decision.law,
        interpretation=decision.interpretation,
        decision_date=decision.decision_date,
    )
    assert with_odd.to_json(indent=None) == json.dumps(with_odd.to_dict(), ensure_ascii=False)


# --- the privacy scan's cheap first pass ------------------------------------------------------------------

_NOISE = st.text(
    alphabet=st.one_of(
        st.sampled_from("0123456789-/ \n"),
        st.characters(exclude_categories=("Cs",)),  # any character, other digits and non-Latin-1 ones included
    ),
    max_size=20,
)
#: Something like a CPR number (or one digit short of it): DDMMYY, an optional separator, four digits.
_CPR_LIKE = st.builds(
    lambda day, month, year, separator, serial: f"{day:02d}{month:02d}{year:02d}{separator}{serial}",
    st.integers(1, 32),
    st.integers(1, 13),
    st.integers(0, 99),
    st.sampled_from(["", "-", " "]),
    st.from_regex(r"[0-9]{3,4}", fullmatch=True),
)
_TEXT = st.builds(lambda before, cpr, after: before + cpr + after, _NOISE, st.one_of(st.just(""), _CPR_LIKE), _NOISE)


@given(case_id=_TEXT, description=_TEXT, goal=_TEXT)
def test_the_first_pass_of_the_privacy_scan_never_hides_a_cpr_like_text(
    case_id: str, description: str, goal: str
) -> None:
    """identifier_fields finds exactly the texts that looks_like_cpr finds, checking every text one by one."""
    from mentorrules.codec.cases import CASE_CODEC
    from mentorrules.codec.privacy import identifier_fields, looks_like_cpr

    case = load_case(
        {
            "case_id": case_id,
            "decision_date": "2024-02-20",
            "tasks": [{"description": description}],
            "periods": [{"start": "2024-03-01", "end": "2024-08-31", "agreement": {"written": True, "goal": goal}}],
        }
    )
    assert identifier_fields(case) == [path for path, text in CASE_CODEC.texts(case) if looks_like_cpr(text)]


def test_the_first_pass_finds_digits_beside_characters_outside_latin_1() -> None:
    from mentorrules.codec.privacy import identifier_fields

    case = load_case({"case_id": "–010203-1234–", "decision_date": "2024-02-20"})
    assert identifier_fields(case) == ["case_id"]


@given(cases(), interpretations())
def test_the_engine_builds_the_decision_the_class_builds(case: Case, interpretation: Interpretation) -> None:
    """evaluate() builds its Decision through new_decision(); calling the class with the same fields gives an equal one."""
    decision = evaluate(case, interpretation=interpretation)
    fields = attrs.asdict(decision, recurse=False)
    assert fields["decision_date"] == case.decision_date
    assert fields["library_version"] == mentorrules.__version__
    rebuilt = Decision(**fields)
    assert rebuilt == decision
    assert rebuilt.fingerprint == decision.fingerprint
    assert rebuilt.to_json(indent=None) == decision.to_json(indent=None)


def test_new_decision_sets_every_field_of_the_class() -> None:
    """Every attribute is set, each to its own value: a field added to Decision fails here (the unpacking or an unset slot)."""
    from mentorrules.model.outcomes import new_decision

    case = load_case({"decision_date": "2024-02-20"})
    decision = evaluate(case)
    built = new_decision(
        case, decision.verdict, decision.findings, decision.notices, decision.law, decision.interpretation
    )
    for field in attrs.fields(Decision):
        assert getattr(built, field.name) is getattr(decision, field.name)
    assert built == decision
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.verdict = Verdict.MET  # type: ignore[misc]
