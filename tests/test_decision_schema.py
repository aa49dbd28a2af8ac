"""
Tests for ``decision_schema()``: the JSON Schema (draft 2020-12) of ``Decision.to_dict()``.

The schema is the contract a municipal system validates stored decision
records against (DESIGN section 4).  A Hypothesis property checks that every
decision the library makes, over generated cases and interpretations,
validates; examples check that the schema rejects what the contract forbids.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorrules import Case, Interpretation, evaluate, load_case, max_period_end, testing
from mentorrules.engine.notices import NOTICE_CODES
from mentorrules.engine.schema import DECISION_SCHEMA_ID, decision_schema
from mentorrules.law.interpretation import AmbiguousDates, EducationRightWindow, LawDate
from mentorrules.law.versions import LAW_VERSIONS
from mentorrules.model.facts import Engager, MentorEmployer, Purpose, TargetGroup
from mentorrules.model.outcomes import Verdict
from mentorrules.model.references import ReferenceKind
from mentorrules.rules import CATALOGUE


VALIDATOR = jsonschema.Draft202012Validator(
    decision_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

# --- a small, cheap case strategy ---------------------------------------------------------

LAST_LAW_DATE = date(2026, 12, 31)
LAW_DATES = st.dates(min_value=date(2014, 1, 1), max_value=LAST_LAW_DATE)
#: Month ends and leap days make the month arithmetic ambiguous: draw them often.
AMBIGUOUS_DAYS = st.sampled_from([date(2023, 8, 31), date(2024, 2, 29), date(2019, 8, 31), date(2025, 8, 30)])
STARTS = AMBIGUOUS_DAYS | LAW_DATES


def iso(day: date | None) -> str | None:
    """Return a date as the case format writes it."""
    return None if day is None else day.isoformat()


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Return the strategy or None (an unknown fact)."""
    return st.none() | strategy


ASSESSMENTS = st.sampled_from([None, False, True, True]).flatmap(
    lambda outcome: (
        st.none()
        if outcome is None
        else st.fixed_dictionaries(
            {"outcome": st.just(outcome), "on": optional(LAW_DATES.map(iso))}, optional={"by": st.just("A")}
        )
    )
)


def mostly(good: Any, *bad: Any) -> st.SearchStrategy[Any]:
    """Draw the good value nine times in ten, else one of the bad ones."""
    return st.integers(0, 9).flatmap(lambda i: st.just(good) if i else st.sampled_from(bad))


def rarely(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Draw from the strategy one time in four, else None."""
    return st.integers(0, 3).flatmap(lambda i: st.none() if i else strategy)


@st.composite
def agreements(draw: st.DrawFn, start: date, end: date) -> dict[str, Any] | None:
    """Draw an agreement for a period: usually complete, sometimes with items missing or wrong."""
    if draw(st.integers(0, 5)) == 0:
        return None
    return {
        "written": draw(mostly(True, False)),
        "goal": draw(mostly("Komme i job", None, "")),
        "mentor_name": draw(mostly("Mette Jensen", None, "Søren Hansen")),
        "mentor_contact": draw(mostly("+45 20 30 40 50", "mette@example.dk", None, "ring til Mette")),
        "tasks": draw(mostly(["Støtte til fremmøde"], [], ["", "Struktur"])),
        "start": draw(mostly(iso(start), None, iso(start + timedelta(days=1)))),
        "end": draw(mostly(iso(end), None, iso(start - timedelta(days=1)))),
        "hours": draw(
            mostly(
                {"amount": "5", "unit": "per_week"},
                None,
                {"amount": "0", "unit": "total", "basis": "person"},
                {"amount": "7.5", "unit": "total"},
                {"amount": "2.500000", "unit": "per_week", "basis": "place"},
            )
        ),
        "complaint_guidance": draw(mostly(True, None, False)),
    }


@st.composite
def period_list(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Draw 0-3 periods: each usually six months or less, later ones usually after the previous one."""
    result: list[dict[str, Any]] = []
    start = draw(STARTS)
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 2, 3]))):
        if start > LAST_LAW_DATE:  # with law_date = period_start, the current period's start is the law date
            break
        end = draw(mostly(max_period_end(start), start + timedelta(days=draw(st.integers(0, 250)))))
        result.append(
            {
                "start": iso(start),
                "end": iso(end),
                "assessment": draw(ASSESSMENTS),
                "agreement": draw(agreements(start, end)),
            }
        )
        start = end + timedelta(days=draw(mostly(1, 30, -10)))
    return result


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """Draw a case in the JSON format: dates 2014..2026, 0-3 periods, facts present, absent or false."""
    return {
        "decision_date": iso(draw(LAW_DATES)),
        "case_id": draw(st.sampled_from([None, "sag-1", 'sag "&<>', "0102031234"])),
        "citizen": draw(
            optional(
                st.fixed_dictionaries(
                    {
                        "birth_date": optional(
                            st.dates(date(1980, 1, 1), date(2010, 12, 31)).map(iso)
                            | AMBIGUOUS_DAYS.map(lambda d: iso(d.replace(year=1996)))
                        ),
                        "target_group": optional(st.sampled_from(list(TargetGroup))),
                    }
                )
            )
        ),
        "purpose": draw(mostly(Purpose.OFFER, None, *Purpose)),
        "decisive_need": draw(ASSESSMENTS),
        "mentor": draw(
            mostly(
                {"name": "Mette Jensen", "employer": "municipality"},
                None,
                {"name": None, "employer": None},
                *(
                    {"name": "Mette Jensen", "employer": e, "engaged_by": g}
                    for e in MentorEmployer
                    for g in (None, *Engager)
                ),
            )
        ),
        "tasks": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"description": st.just("Struktur"), "within_usual_duties": optional(st.booleans())}
                ),
                max_size=2,
            )
        ),
        "beyond_usual_duties": draw(ASSESSMENTS),
        "hours_assessment": draw(ASSESSMENTS),
        "periods": draw(period_list()),
        "psychiatric_discharge": draw(
            rarely(
                st.fixed_dictionaries(
                    {"discharge_date": STARTS.map(iso), "inpatient": st.booleans(), "psychiatric": st.booleans()},
                    optional={"in_connection": ASSESSMENTS},
                )
            )
        ),
        "education_admission": draw(
            rarely(
                st.fixed_dictionaries(
                    {
                        "admission_date": STARTS.map(iso),
                        "qualifying": st.booleans(),
                        "right_invoked_on": optional(STARTS.map(iso)),
                    }
                )
            )
        ),
    }


INTERPRETATIONS = st.builds(
    Interpretation,
    ambiguous_dates=st.sampled_from(list(AmbiguousDates)),
    complaint_guidance_required_from_2020=st.booleans(),
    strict_mentor_categories=st.booleans(),
    psychiatric_period_may_exceed_six_months=st.booleans(),
    education_right_window=st.sampled_from(list(EducationRightWindow)),
    under_30_education_guidance=st.booleans(),
    law_date=st.sampled_from(list(LawDate)),
)


@settings(deadline=None)
@given(data=cases(), interpretation=INTERPRETATIONS)
def test_every_decision_validates(data: dict[str, Any], interpretation: Interpretation) -> None:
    """Every decision record, for any case and interpretation, is valid against the schema, as a dict and as JSON."""
    decision = evaluate(load_case(data), interpretation=interpretation)
    record = decision.to_dict()
    VALIDATOR.validate(record)
    VALIDATOR.validate(json.loads(decision.to_json()))


@settings(deadline=None)
@given(case=testing.cases(), interpretation=testing.interpretations())
def test_every_decision_of_the_shared_strategies_validates(case: Case, interpretation: Interpretation) -> None:
    """The cases of ``mentorrules.testing`` (texts, Unicode, CPR-like ids, shuffled periods) validate too."""
    VALIDATOR.validate(evaluate(case, interpretation=interpretation).to_dict())


# --- the schema itself ---------------------------------------------------------------------


def example_record() -> dict[str, Any]:
    """Return a valid record with a finding and a notice."""
    case = load_case(
        {
            "decision_date": "2023-03-25",
            "case_id": "0102031234",
            "psychiatric_discharge": {"discharge_date": "2023-03-20", "inpatient": True, "psychiatric": True},
            "periods": [{"start": "2023-03-01", "end": "2023-08-31"}],
        }
    )
    record = evaluate(case).to_dict()
    assert record["notices"]
    return record


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema is itself a valid draft 2020-12 schema with the library's id."""
    schema = decision_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert DECISION_SCHEMA_ID == schema["$id"]


def test_schema_is_a_fresh_dict_each_call() -> None:
    """Changing a returned schema does not change the next one."""
    first = decision_schema()
    pristine = copy.deepcopy(first)
    first["properties"]["verdict"]["enum"].append("maybe")
    first["$defs"].clear()
    assert pristine == decision_schema()


def test_enums_come_from_the_library() -> None:
    """Rule ids, verdicts, notice codes, reference kinds, law versions and interpretation choices match the code."""
    schema = decision_schema()
    defs = schema["$defs"]
    assert [rule.id for rule in CATALOGUE] == defs["Finding"]["properties"]["rule"]["enum"]
    assert [v.value for v in Verdict] == defs["Verdict"]["enum"]
    assert ["met", "not_met", "needs_assessment", "missing_facts"] == schema["properties"]["verdict"]["enum"]
    assert list(NOTICE_CODES) == defs["Notice"]["properties"]["code"]["enum"]
    assert [k.value for k in ReferenceKind] == defs["Reference"]["properties"]["kind"]["enum"]
    assert [v.id for v in LAW_VERSIONS] == defs["Law"]["properties"]["id"]["enum"]
    assert list(Interpretation().to_dict()) == defs["Interpretation"]["required"]
    assert "mentorrules.decision/2" == schema["properties"]["schema"]["const"]


def test_fixed_shapes_are_closed() -> None:
    """Every object with a fixed shape rejects unknown keys; facts stay open."""
    schema = decision_schema()
    assert schema["additionalProperties"] is False
    for name in ("Message", "Reference", "Finding", "Notice", "Law", "Interpretation"):
        assert schema["$defs"][name]["additionalProperties"] is False, name
    assert schema["$defs"]["Finding"]["properties"]["facts"]["type"] == "object"


def test_example_record_validates() -> None:
    """A record with findings and notices validates."""
    VALIDATOR.validate(example_record())


@pytest.mark.parametrize("fact", [None, True, 1, "2024-02-20", "2.5", ["a"], {"nested": [1, {"x": None}]}])
def test_facts_are_free_form(fact: Any) -> None:
    """A finding's facts may be any JSON value: each rule records its own (contract 2)."""
    record = example_record()
    _finding(record)["facts"]["x"] = fact
    VALIDATOR.validate(record)


def _finding(record: dict[str, Any]) -> dict[str, Any]:
    finding: dict[str, Any] = record["findings"][0]
    return finding


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda r: r.update(extra=1), "unknown top-level key"),
        (lambda r: r.update(schema="mentorrules.decision/1"), "another schema version"),
        (lambda r: r.update(verdict="not_applicable"), "the aggregate is never not_applicable"),
        (lambda r: r.update(fingerprint="sha256:ABC"), "fingerprint not 64 lowercase hex digits"),
        (lambda r: r.update(fingerprint="md5:" + "0" * 64), "fingerprint without sha256"),
        (lambda r: r.update(decision_date="20-02-2024"), "date not ISO"),
        (lambda r: r.pop("library_version"), "missing library version"),
        (lambda r: r["law"].update(id="lab-2027"), "unknown law version"),
        (lambda r: r["interpretation"].update(ambiguous_dates="lenient"), "unknown interpretation value"),
        (lambda r: r["interpretation"].pop("law_date"), "missing interpretation choice"),
        (lambda r: r["interpretation"].update(strict_mentor_categories="yes"), "choice of the wrong type"),
        (lambda r: _finding(r).update(rule="duration.unknown"), "unknown rule id"),
        (lambda r: _finding(r).update(verdict="maybe"), "unknown verdict"),
        (lambda r: _finding(r).update(references=[]), "a finding without a reference"),
        (lambda r: _finding(r).update(subject=None), "subject not a string"),
        (lambda r: _finding(r).update(facts=[]), "facts not an object"),
        (lambda r: _finding(r)["references"][0].update(kind="rumour"), "unknown reference kind"),
        (lambda r: _finding(r)["references"][0].pop("verified"), "reference without verified"),
        (lambda r: _finding(r)["message"].pop("en"), "message without English"),
        (lambda r: _finding(r)["message"].update(da=""), "empty Danish message"),
        (lambda r: r["notices"][0].update(code="privacy.other"), "unknown notice code"),
        (lambda r: r["notices"][0].update(facts={}), "notice with extra key"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_schema_rejects(change: Any, why: str) -> None:
    """The schema rejects records the contract forbids."""
    record = example_record()
    change(record)
    assert not VALIDATOR.is_valid(record), why
