"""Tests for mentorrules.codec.cases: the JSON format of a case, its schema and canonical JSON."""

# The project writes asserts as ``expected == actual`` (STYLE.md), which SIM300 calls a Yoda condition.

from __future__ import annotations

import copy
import datetime
import enum
import json
import types
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mentorrules.codec import cases as serialize
from mentorrules.codec.cases import case_schema, dump_case, load_case
from mentorrules.codec.privacy import identifier_fields
from mentorrules.model import generated
from mentorrules.model.amounts import too_precise
from mentorrules.model.canonical import canonical_json
from mentorrules.model.description import Kind, shape
from mentorrules.model.exceptions import CaseError
from mentorrules.model.facts import (
    Agreement,
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Engager,
    Hours,
    HoursBasis,
    HoursUnit,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Task,
)


CASES_DIR = Path(__file__).resolve().parents[2] / "shared" / "cases"
SCENARIOS = sorted(CASES_DIR.glob("*.json"))
VALID_SCENARIOS = [
    path for path in SCENARIOS if json.loads(path.read_text(encoding="utf-8"))["expect"].get("error") != "CaseError"
]
FACT_CLASSES = (
    Case,
    Citizen,
    Assessment,
    Mentor,
    Task,
    Period,
    Agreement,
    Hours,
    PsychiatricDischarge,
    EducationAdmission,
)

MINIMAL: dict[str, Any] = {"decision_date": "2024-02-20"}


def full_case() -> dict[str, Any]:
    """Return a case that uses every field once, as a fresh dict."""
    return {
        "decision_date": "2024-02-20",
        "citizen": {"birth_date": "1998-04-12", "target_group": "education_benefit_education_ready"},
        "purpose": "ordinary_education",
        "decisive_need": {"outcome": True, "on": "2024-02-20", "by": "SB", "reason": "Afgørende"},
        "mentor": {
            "name": "Mette Jensen",
            "phone": "+45 20 30 40 50",
            "email": "mette@example.org",
            "employer": "external_consultant",
            "engaged_by": "education_institution",
        },
        "tasks": [{"description": "Struktur", "within_usual_duties": False}, {"description": "Fremmøde"}],
        "beyond_usual_duties": {"outcome": True},
        "hours_assessment": {"outcome": True, "on": "2024-02-19", "by": "SB", "reason": "Aftalt med skolen"},
        "periods": [
            {
                "start": "2024-03-01",
                "end": "2024-08-31",
                "assessment": None,
                "agreement": {
                    "written": True,
                    "concluded_on": "2024-03-01",
                    "goal": "Gennemføre uddannelsen",
                    "mentor_name": "Mette Jensen",
                    "mentor_contact": "mette@example.org",
                    "tasks": ["Struktur", "Fremmøde"],
                    "start": "2024-03-01",
                    "end": "2024-08-31",
                    "hours": {"amount": 3, "unit": "per_week"},
                    "complaint_guidance": None,
                },
            },
            {
                "start": "2024-09-01",
                "end": "2025-02-28",
                "assessment": {"outcome": True, "on": "2024-08-20"},
                "agreement": {"written": True, "hours": {"amount": "2.500000", "unit": "total", "basis": "place"}},
            },
        ],
        "psychiatric_discharge": {
            "discharge_date": "2024-01-15",
            "inpatient": True,
            "psychiatric": True,
            "in_connection": {"outcome": False, "on": "2024-02-20", "by": "SB", "reason": "Ikke i forbindelse"},
        },
        "education_admission": {
            "admission_date": "2024-02-01",
            "qualifying": True,
            "right_invoked_on": "2024-03-01",
        },
        "case_id": "sag-001",
    }


def errors_of(data: Any) -> list[tuple[str, str]]:
    """Load ``data``, which must fail, and return its (path, message) pairs."""
    with pytest.raises(CaseError) as info:
        load_case(data)
    return [(error.path, error.message) for error in info.value.errors]


def load_or_error(data: Any) -> Case | CaseError:
    """Load ``data`` and return the case, or the CaseError raised."""
    try:
        return load_case(data)
    except CaseError as error:
        return error


def paths_of(data: Any) -> list[str]:
    """Load ``data``, which must fail, and return the paths of its errors."""
    return [path for path, _ in errors_of(data)]


def with_period(**fields: Any) -> dict[str, Any]:
    """Return a minimal case with one period 2024-03-01..2024-08-31 updated by ``fields``."""
    period = {"start": "2024-03-01", "end": "2024-08-31", **fields}
    return {**MINIMAL, "periods": [period]}


def with_hours(amount: Any, unit: Any = "per_week") -> dict[str, Any]:
    """Return a minimal case whose one period's agreement states these hours."""
    return with_period(agreement={"written": True, "hours": {"amount": amount, "unit": unit}})


def loaded_amount(amount: Any) -> Decimal:
    """Load a case with this hours amount and return the amount read."""
    hours = load_case(with_hours(amount)).periods[0].agreement.hours  # type: ignore[union-attr]
    assert hours is not None
    return hours.amount


def same_data(given: Any, dumped: Any, path: str = "") -> None:
    """Assert that ``dumped`` holds the data of ``given`` (absent given keys dumped as null or [])."""
    if isinstance(given, dict):
        assert isinstance(dumped, dict), path
        for key, value in dumped.items():
            if key in given:
                same_data(given[key], value, f"{path}.{key}")
            elif key == "basis":
                assert "person" == value, f"{path}.{key}"  # absent means person; dump_case always writes it
            else:
                assert value in (None, []), f"{path}.{key}"
        assert set(given) <= set(dumped), path
    elif isinstance(given, list):
        assert isinstance(dumped, list), path
        assert len(given) == len(dumped), path
        for index, (left, right) in enumerate(zip(given, dumped, strict=True)):
            same_data(left, right, f"{path}[{index}]")
    elif path.endswith(".amount"):
        assert Decimal(str(given)) == Decimal(dumped), path
    elif given is None and path.endswith(".basis"):
        assert "person" == dumped, path
    elif given is None:
        assert dumped in (None, []), path
    else:
        assert given == dumped, path


def validator() -> jsonschema.Draft202012Validator:
    """Return a validator for the case schema that also asserts ``format``."""
    return jsonschema.Draft202012Validator(case_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


# --- strategies ----------------------------------------------------------------

MIN_DATE = datetime.date(1900, 1, 1)
MAX_DATE = datetime.date(2199, 12, 31)
dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
texts = st.text()


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Return ``strategy`` or None (unknown)."""
    return st.none() | strategy


assessments = st.builds(
    Assessment, outcome=st.booleans(), on=optional(dates), by=optional(texts), reason=optional(texts)
)
citizens = st.builds(Citizen, birth_date=optional(dates), target_group=optional(st.sampled_from(TargetGroup)))
mentors = st.builds(
    Mentor,
    name=optional(texts),
    phone=optional(texts),
    email=optional(texts),
    employer=optional(st.sampled_from(MentorEmployer)),
    engaged_by=optional(st.sampled_from(Engager)),
)
tasks = st.builds(Task, description=texts, within_usual_duties=optional(st.booleans()))
amounts = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
hours = st.builds(Hours, amount=amounts, unit=st.sampled_from(HoursUnit), basis=st.sampled_from(HoursBasis))
agreements = st.builds(
    Agreement,
    written=st.booleans(),
    concluded_on=optional(dates),
    goal=optional(texts),
    mentor_name=optional(texts),
    mentor_contact=optional(texts),
    tasks=st.lists(texts, max_size=3).map(tuple),
    start=optional(dates),
    end=optional(dates),
    hours=optional(hours),
    complaint_guidance=optional(st.booleans()),
)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Draw a period whose end is not before its start."""
    start = draw(dates)
    end = draw(st.dates(min_value=start, max_value=MAX_DATE))
    return Period(start=start, end=end, assessment=draw(optional(assessments)), agreement=draw(optional(agreements)))


cases = st.builds(
    Case,
    decision_date=dates,
    citizen=optional(citizens),
    purpose=optional(st.sampled_from(Purpose)),
    decisive_need=optional(assessments),
    mentor=optional(mentors),
    tasks=st.lists(tasks, max_size=3).map(tuple),
    beyond_usual_duties=optional(assessments),
    hours_assessment=optional(assessments),
    periods=st.lists(periods(), max_size=3).map(tuple),
    psychiatric_discharge=optional(
        st.builds(
            PsychiatricDischarge,
            discharge_date=dates,
            inpatient=st.booleans(),
            psychiatric=st.booleans(),
            in_connection=optional(assessments),
        )
    ),
    education_admission=optional(
        st.builds(EducationAdmission, admission_date=dates, qualifying=st.booleans(), right_invoked_on=optional(dates))
    ),
    case_id=optional(texts),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.decimals() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=3),
    max_leaves=8,
)
near_values = st.one_of(
    json_values,
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["2024-02-30", "1899-12-31", "2200-01-01", "2024-2-3", "-1", "1e3", "10000.01", "2.50"]),
    st.sampled_from([m.value for e in (TargetGroup, Purpose, MentorEmployer, Engager, HoursUnit) for m in e]),
    st.integers(min_value=-2, max_value=10_002),
    st.decimals(min_value=-1, max_value=10_001, allow_nan=False).map(str),
)
UNUSUAL = Case(
    decision_date=datetime.date(2024, 2, 20),
    case_id="\u0000\u2028\u202e ø 𝔘 \U0001f600 \"'\\ </script>",
    tasks=(Task(description="Ａ\u0301\ufeff"),),
)


def positions(value: Any) -> list[tuple[Any, Any]]:
    """List every (container, key or index) inside a JSON value, outermost first."""
    found: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            found.extend(positions(item))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            found.extend(positions(item))
    return found


# --- the shared scenario files ------------------------------------------------------


class TestSharedCases:
    """Every scenario file beside the project loads, or fails as its ``expect`` says."""

    def test_there_are_scenarios(self) -> None:
        """The shared directory is found and holds scenario files."""
        assert 10 <= len(SCENARIOS)
        assert 1 <= len(SCENARIOS) - len(VALID_SCENARIOS)

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
    def test_loads_or_raises_case_error(self, scenario: Path) -> None:
        """A scenario expecting CaseError fails with the expected paths; every other one loads (its text first)."""
        spec = json.loads(scenario.read_text(encoding="utf-8"))
        expect = spec["expect"]
        document = spec.get("case_text", spec["case"])
        if expect.get("error") == "CaseError":
            with pytest.raises(CaseError) as info:
                load_case(document)
            assert set(expect.get("paths", [])) <= set(info.value.paths)
        else:
            assert isinstance(load_case(document), Case)

    @pytest.mark.parametrize("scenario", VALID_SCENARIOS, ids=lambda p: p.stem)
    def test_round_trip(self, scenario: Path) -> None:
        """Dumping and loading a valid scenario gives the same case, and the dump holds the input's data."""
        spec = json.loads(scenario.read_text(encoding="utf-8"))
        case = load_case(spec["case"])
        dumped = dump_case(case)
        assert case == load_case(dumped)
        assert case == load_case(json.dumps(dumped))
        same_data(spec["case"], dumped)

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
    def test_text_and_bytes_load_the_same(self, scenario: Path) -> None:
        """The file's bytes and text load as the decoded object does (or fail with the same errors)."""
        spec = json.loads(scenario.read_text(encoding="utf-8"))
        text = json.dumps(spec["case"], ensure_ascii=False)
        if "case_text" in spec:  # the text itself matters (a repeated key): its bytes load as it does
            text = spec["case_text"]
            assert paths_of(text) == paths_of(text.encode())
        elif spec["expect"].get("error") == "CaseError":
            assert paths_of(spec["case"]) == paths_of(text) == paths_of(text.encode())
        else:
            assert load_case(spec["case"]) == load_case(text) == load_case(text.encode())

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.stem)
    def test_schema_accepts(self, scenario: Path) -> None:
        """The JSON Schema accepts every scenario's case (a period's order is load_case's to check)."""
        spec = json.loads(scenario.read_text(encoding="utf-8"))
        assert [] == list(validator().iter_errors(spec["case"]))


# --- load_case ------------------------------------------------------------------------


class TestLoadCase:
    """Tests for `load_case`."""

    def test_minimal(self) -> None:
        """Only the decision date is required; everything else is unknown or empty."""
        assert Case(decision_date=datetime.date(2024, 2, 20)) == load_case(MINIMAL)

    def test_full(self) -> None:
        """Every field is read into its Python type: dates, enums, decimals, tuples."""
        case = load_case(full_case())
        assert datetime.date(2024, 2, 20) == case.decision_date
        assert (
            Citizen(birth_date=datetime.date(1998, 4, 12), target_group=TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY)
            == case.citizen
        )
        assert Purpose.ORDINARY_EDUCATION is case.purpose
        assert MentorEmployer.EXTERNAL_CONSULTANT is case.mentor.employer  # type: ignore[union-attr]
        assert Engager.EDUCATION_INSTITUTION is case.mentor.engaged_by  # type: ignore[union-attr]
        assert (Task(description="Struktur", within_usual_duties=False), Task(description="Fremmøde")) == case.tasks
        agreement = case.periods[0].agreement
        assert agreement is not None
        assert ("Struktur", "Fremmøde") == agreement.tasks
        assert Hours(amount=Decimal(3), unit=HoursUnit.PER_WEEK) == agreement.hours
        assert agreement.hours is not None
        assert HoursBasis.PERSON is agreement.hours.basis
        assert Assessment(outcome=True, on=datetime.date(2024, 8, 20)) == case.periods[1].assessment
        later = case.periods[1].agreement
        assert Hours(amount=Decimal("2.5"), unit=HoursUnit.TOTAL, basis=HoursBasis.PLACE) == later.hours  # type: ignore[union-attr]
        assert (
            Assessment(outcome=True, on=datetime.date(2024, 2, 19), by="SB", reason="Aftalt med skolen")
            == case.hours_assessment
        )
        in_connection = Assessment(outcome=False, on=datetime.date(2024, 2, 20), by="SB", reason="Ikke i forbindelse")
        assert PsychiatricDischarge(
            discharge_date=datetime.date(2024, 1, 15), inpatient=True, psychiatric=True, in_connection=in_connection
        ) == (case.psychiatric_discharge)
        assert datetime.date(2024, 3, 1) == case.education_admission.right_invoked_on  # type: ignore[union-attr]
        assert "sag-001" == case.case_id

    def test_text_bytes_and_mapping_agree(self) -> None:
        """JSON text, UTF-8 bytes, a bytearray and the decoded dict give the same case."""
        data = full_case()
        text = json.dumps(data, ensure_ascii=False)
        expected = load_case(data)
        assert expected == load_case(text)
        assert expected == load_case(text.encode("utf-8"))
        assert expected == load_case(bytearray(text.encode("utf-8")))

    def test_byte_order_mark(self) -> None:
        """A leading UTF-8 byte-order mark is ignored, in bytes and in text."""
        text = json.dumps(full_case(), ensure_ascii=False)
        expected = load_case(text)
        assert expected == load_case(b"\xef\xbb\xbf" + text.encode("utf-8"))
        assert expected == load_case("\ufeff" + text)

    def test_other_mappings_and_tuples(self) -> None:
        """Any mapping is an object and a tuple is an array, as when a caller builds the data in Python."""
        data = full_case()
        data["tasks"] = tuple(types.MappingProxyType(task) for task in data["tasks"])
        data["periods"][0]["agreement"]["tasks"] = tuple(data["periods"][0]["agreement"]["tasks"])
        data["mentor"] = types.MappingProxyType(data["mentor"])
        assert load_case(full_case()) == load_case(types.MappingProxyType(data))

    def test_absent_and_null_lists_are_empty(self) -> None:
        """An absent or null list means empty, at every level."""
        expected = Period(
            start=datetime.date(2024, 3, 1), end=datetime.date(2024, 8, 31), agreement=Agreement(written=True)
        )
        for tasks in ({}, {"tasks": None}):
            case = load_case({**with_period(agreement={"written": True, **tasks}), **tasks})
            assert () == case.tasks
            assert (expected,) == case.periods
        assert () == load_case({**MINIMAL, "periods": None}).periods

    def test_null_optional_fields_are_unknown(self) -> None:
        """Null in an optional field is the same as leaving it out."""
        data = {**MINIMAL, **dict.fromkeys(("citizen", "purpose", "mentor", "case_id", "decisive_need"))}
        assert load_case(MINIMAL) == load_case(data)

    def test_numbers_from_text_are_exact(self) -> None:
        """A float in JSON text becomes the exact decimal written, never a binary approximation."""
        text = json.dumps(with_hours(0)).replace('"amount": 0', '"amount": 0.1')
        case = load_case(text)
        assert Decimal("0.1") == case.periods[0].agreement.hours.amount  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            (10000, Decimal(10000)),
            (0, Decimal(0)),
            ("2.50", Decimal("2.50")),
            ("+5", Decimal(5)),
            ("-0", Decimal(0)),
            ("0010000.000", Decimal(10000)),
            (2.5, Decimal("2.5")),
            (0.1, Decimal("0.1")),
            (Decimal("7.25"), Decimal("7.25")),
        ],
    )
    def test_valid_amounts(self, amount: Any, expected: Decimal) -> None:
        """An amount is a number or a decimal string between 0 and 10,000, read exactly."""
        assert expected == loaded_amount(amount)

    def test_decimal_string_keeps_its_digits(self) -> None:
        """A decimal string keeps its exact digits, trailing zeros too."""
        assert "2.50" == str(loaded_amount("2.50"))

    def test_int_subclass_amount(self) -> None:
        """An int subclass other than bool is a number."""

        class Count(int):
            pass

        assert Decimal(4) == loaded_amount(Count(4))

    def test_str_subclasses(self) -> None:
        """A str subclass (an enum member, say) is a string wherever the format has one."""

        class Text(str):
            pass

        data = {"decision_date": Text("2024-02-20"), "purpose": Text("offer"), "case_id": HoursUnit.TOTAL}
        case = load_case(data)
        assert Case(decision_date=datetime.date(2024, 2, 20), purpose=Purpose.OFFER, case_id="total") == case

    def test_strings_are_kept_verbatim(self) -> None:
        """Text is kept as given: no stripping, no normalisation, any Unicode."""
        text = " \u0000 Ａ\u0301 \U0001f600 \u202e "
        assert text == load_case({**MINIMAL, "case_id": text}).case_id

    @pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31", "2024-02-29", "2000-02-29"])
    def test_valid_dates(self, day: str) -> None:
        """Any calendar date from 1900-01-01 to 2199-12-31 is accepted, leap days included."""
        assert datetime.date.fromisoformat(day) == load_case({"decision_date": day}).decision_date

    def test_agreement_ending_before_its_start_is_not_an_input_error(self) -> None:
        """An agreement whose end precedes its start is for the rules to judge, not an input error."""
        data = with_period(agreement={"written": True, "start": "2024-08-31", "end": "2024-03-01"})
        agreement = load_case(data).periods[0].agreement
        assert agreement is not None
        assert datetime.date(2024, 3, 1) == agreement.end

    def test_facts_after_the_decision_date_are_accepted(self) -> None:
        """Planned periods and later assessments may follow the decision date."""
        data = {
            "decision_date": "2024-01-01",
            "periods": [
                {"start": "2030-01-01", "end": "2030-06-30", "assessment": {"outcome": True, "on": "2031-01-01"}}
            ],
        }
        assert datetime.date(2030, 6, 30) == load_case(data).periods[0].end

    def test_period_of_one_day(self) -> None:
        """A period may end on the day it starts."""
        period = load_case(with_period(start="2024-03-01", end="2024-03-01")).periods[0]
        assert period.start == period.end


class TestInputErrors:
    """Each kind of input error raises CaseError naming the bad field by its path."""

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({}, "decision_date"),
            ({**MINIMAL, "tasks": [{"within_usual_duties": True}]}, "tasks[0].description"),
            ({**MINIMAL, "decisive_need": {"on": "2024-01-01"}}, "decisive_need.outcome"),
            ({**MINIMAL, "periods": [{"end": "2024-03-01"}]}, "periods[0].start"),
            ({**MINIMAL, "periods": [{"start": "2024-03-01"}]}, "periods[0].end"),
            (with_period(agreement={"goal": "x"}), "periods[0].agreement.written"),
            (with_period(agreement={"written": True, "hours": {"unit": "total"}}), "periods[0].agreement.hours.amount"),
            (with_period(agreement={"written": True, "hours": {"amount": 1}}), "periods[0].agreement.hours.unit"),
            (
                {**MINIMAL, "psychiatric_discharge": {"inpatient": True, "psychiatric": True}},
                "psychiatric_discharge.discharge_date",
            ),
            (
                {**MINIMAL, "psychiatric_discharge": {"discharge_date": "2024-01-01", "psychiatric": True}},
                "psychiatric_discharge.inpatient",
            ),
            (
                {**MINIMAL, "psychiatric_discharge": {"discharge_date": "2024-01-01", "inpatient": True}},
                "psychiatric_discharge.psychiatric",
            ),
            ({**MINIMAL, "education_admission": {"qualifying": True}}, "education_admission.admission_date"),
            ({**MINIMAL, "education_admission": {"admission_date": "2024-01-01"}}, "education_admission.qualifying"),
        ],
    )
    def test_missing_required_field(self, data: dict[str, Any], path: str) -> None:
        """An absent required field is an error at its path."""
        assert [(path, "is required")] == errors_of(data)

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({"decision_date": None}, "decision_date"),
            ({**MINIMAL, "tasks": [{"description": None}]}, "tasks[0].description"),
            ({**MINIMAL, "beyond_usual_duties": {"outcome": None}}, "beyond_usual_duties.outcome"),
            (with_period(end=None), "periods[0].end"),
            (with_period(agreement={"written": None}), "periods[0].agreement.written"),
            (with_hours(None), "periods[0].agreement.hours.amount"),
            (with_hours(1, None), "periods[0].agreement.hours.unit"),
            (
                {**MINIMAL, "education_admission": {"admission_date": "2024-01-01", "qualifying": None}},
                "education_admission.qualifying",
            ),
        ],
    )
    def test_null_required_field(self, data: dict[str, Any], path: str) -> None:
        """Null in a required field is an error at its path, like leaving it out."""
        assert [(path, "is required and must not be null")] == errors_of(data)

    @pytest.mark.parametrize(
        ("data", "path", "message"),
        [
            ({**MINIMAL, "case_id": 5}, "case_id", "must be a string, not number"),
            ({**MINIMAL, "mentor": {"name": ["Mette"]}}, "mentor.name", "must be a string, not array"),
            (
                {**MINIMAL, "decisive_need": {"outcome": "true"}},
                "decisive_need.outcome",
                "must be true or false, not string",
            ),
            (
                with_period(agreement={"written": 1}),
                "periods[0].agreement.written",
                "must be true or false, not number",
            ),
            (
                {**MINIMAL, "tasks": [{"description": "x", "within_usual_duties": 0}]},
                "tasks[0].within_usual_duties",
                "must be true or false, not number",
            ),
            ({**MINIMAL, "citizen": []}, "citizen", "must be an object, not array"),
            ({**MINIMAL, "citizen": "unknown"}, "citizen", "must be an object, not string"),
            ({**MINIMAL, "decisive_need": True}, "decisive_need", "must be an object, not boolean"),
            ({**MINIMAL, "mentor": 1}, "mentor", "must be an object, not number"),
            (with_period(assessment=[]), "periods[0].assessment", "must be an object, not array"),
            (with_period(agreement="yes"), "periods[0].agreement", "must be an object, not string"),
            (
                with_period(agreement={"written": True, "hours": 3}),
                "periods[0].agreement.hours",
                "must be an object, not number",
            ),
            ({**MINIMAL, "psychiatric_discharge": []}, "psychiatric_discharge", "must be an object, not array"),
            ({**MINIMAL, "education_admission": "2024-01-01"}, "education_admission", "must be an object, not string"),
            ({**MINIMAL, "periods": {}}, "periods", "must be an array, not object"),
            ({**MINIMAL, "tasks": "x"}, "tasks", "must be an array, not string"),
            ({**MINIMAL, "tasks": ["x"]}, "tasks[0]", "must be an object, not string"),
            (
                with_period(agreement={"written": True, "tasks": "x"}),
                "periods[0].agreement.tasks",
                "must be an array, not string",
            ),
            (
                with_period(agreement={"written": True, "tasks": ["a", 2]}),
                "periods[0].agreement.tasks[1]",
                "must be a string, not number",
            ),
            ({"decision_date": 20240220}, "decision_date", "must be a date string YYYY-MM-DD, not number"),
            (
                {**MINIMAL, "purpose": 1},
                "purpose",
                "must be a string, one of 'activity', 'offer', 'ordinary_education', 'flexjob', 'ordinary_employment', 'other'; not number",
            ),
            (
                with_hours(True),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string, not boolean",
            ),
            (with_hours([1]), "periods[0].agreement.hours.amount", "must be a number or a decimal string, not array"),
            (
                with_hours("1e3"),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string such as '2.5', not '1e3'",
            ),
            (
                with_hours("3,5"),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string such as '2.5', not '3,5'",
            ),
            (
                with_hours(" 3"),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string such as '2.5', not ' 3'",
            ),
            (
                with_hours("3."),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string such as '2.5', not '3.'",
            ),
            (
                with_hours("NaN"),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string such as '2.5', not 'NaN'",
            ),
            (
                with_hours("３"),
                "periods[0].agreement.hours.amount",
                "must be a number or a decimal string such as '2.5', not '３'",
            ),
            ({**MINIMAL, "case_id": {1, 2}}, "case_id", "must be a string, not set"),
        ],
    )
    def test_wrong_json_type(self, data: dict[str, Any], path: str, message: str) -> None:
        """A value of the wrong JSON type is an error at its path; bool is not a number and a number is not a bool."""
        assert [(path, message)] == errors_of(data)

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({**MINIMAL, "tasks": [None]}, "tasks[0]"),
            ({**MINIMAL, "periods": [with_period()["periods"][0], None]}, "periods[1]"),
            (with_period(agreement={"written": True, "tasks": ["a", None]}), "periods[0].agreement.tasks[1]"),
        ],
    )
    def test_null_item_in_a_list(self, data: dict[str, Any], path: str) -> None:
        """A null item inside a list is a wrong type, unlike a null list."""
        assert [path] == paths_of(data)

    @pytest.mark.parametrize(
        ("day", "message"),
        [
            ("2024-02-30", "is not a calendar date: '2024-02-30'"),
            ("2023-02-29", "is not a calendar date: '2023-02-29'"),
            ("2024-13-01", "is not a calendar date: '2024-13-01'"),
            ("2024-00-10", "is not a calendar date: '2024-00-10'"),
            ("2024-2-3", "must be a date YYYY-MM-DD in ASCII digits, not '2024-2-3'"),
            ("２０２４-01-01", "must be a date YYYY-MM-DD in ASCII digits, not '２０２４-01-01'"),
            ("2024-٠١-01", "must be a date YYYY-MM-DD in ASCII digits, not '2024-٠١-01'"),
            ("20240220", "must be a date YYYY-MM-DD in ASCII digits, not '20240220'"),
            ("2024-W08-2", "must be a date YYYY-MM-DD in ASCII digits, not '2024-W08-2'"),
            ("2024-02-20T00:00", "must be a date YYYY-MM-DD in ASCII digits, not '2024-02-20T00:00'"),
            ("2024-02-20\n", "must be a date YYYY-MM-DD in ASCII digits, not '2024-02-20\\n'"),
            (" 2024-02-20", "must be a date YYYY-MM-DD in ASCII digits, not ' 2024-02-20'"),
            ("", "must be a date YYYY-MM-DD in ASCII digits, not ''"),
            ("1899-12-31", "must lie between 1900-01-01 and 2199-12-31, not '1899-12-31'"),
            ("2200-01-01", "must lie between 1900-01-01 and 2199-12-31, not '2200-01-01'"),
            ("0000-01-01", "must lie between 1900-01-01 and 2199-12-31, not '0000-01-01'"),
        ],
    )
    def test_bad_date(self, day: str, message: str) -> None:
        """A date must be YYYY-MM-DD in ASCII digits, a real calendar date, 1900-01-01..2199-12-31."""
        assert [("decision_date", message)] == errors_of({"decision_date": day})

    def test_bad_dates_everywhere(self) -> None:
        """Every date field is checked, and named by its path."""
        bad = "2024-02-30"
        data = {
            "decision_date": bad,
            "citizen": {"birth_date": bad},
            "decisive_need": {"outcome": True, "on": bad},
            "periods": [
                {
                    "start": bad,
                    "end": bad,
                    "agreement": {"written": True, "concluded_on": bad, "start": bad, "end": bad},
                }
            ],
            "psychiatric_discharge": {"discharge_date": bad, "inpatient": True, "psychiatric": True},
            "education_admission": {"admission_date": bad, "qualifying": True, "right_invoked_on": bad},
        }
        assert [
            "decision_date",
            "citizen.birth_date",
            "decisive_need.on",
            "periods[0].start",
            "periods[0].end",
            "periods[0].agreement.concluded_on",
            "periods[0].agreement.start",
            "periods[0].agreement.end",
            "psychiatric_discharge.discharge_date",
            "education_admission.admission_date",
            "education_admission.right_invoked_on",
        ] == paths_of(data)

    def test_long_bad_value_is_shortened(self) -> None:
        """A long bad value is quoted only in part in the message."""
        [(_, message)] = errors_of({"decision_date": "9" * 1000})
        assert message.endswith("...")
        assert len(message) < 120

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({**MINIMAL, "purpose": "housing"}, "purpose"),
            ({**MINIMAL, "purpose": "OFFER"}, "purpose"),
            ({**MINIMAL, "citizen": {"target_group": "nr. 1"}}, "citizen.target_group"),
            ({**MINIMAL, "mentor": {"employer": "relative"}}, "mentor.employer"),
            ({**MINIMAL, "mentor": {"engaged_by": "other"}}, "mentor.engaged_by"),
            (with_hours(1, "per_month"), "periods[0].agreement.hours.unit"),
        ],
    )
    def test_unknown_enum_value(self, data: dict[str, Any], path: str) -> None:
        """An enum value not in the contract is an error at its path."""
        assert [path] == paths_of(data)

    def test_unknown_enum_value_lists_the_allowed_values(self) -> None:
        """The message of an unknown enum value lists the allowed values."""
        assert [
            ("periods[0].agreement.hours.unit", "unknown value 'per_month'; allowed values: 'per_week', 'total'")
        ] == errors_of(with_hours(1, "per_month"))

    def test_unknown_key_suggests_the_closest(self) -> None:
        """A misspelt key is an error that suggests the key meant."""
        data = with_period(agreement={"written": True, "goals": "x"})
        data["purpos"] = "offer"
        assert [
            ("periods[0].agreement.goals", "unknown key; did you mean 'goal'?"),
            ("purpos", "unknown key; did you mean 'purpose'?"),
        ] == errors_of(data)

    def test_unknown_key_without_a_close_match_lists_the_keys(self) -> None:
        """An unknown key unlike any known one is an error listing the known keys."""
        assert [("citizen.zzz", "unknown key; the keys of Citizen are birth_date, target_group")] == errors_of(
            {**MINIMAL, "citizen": {"zzz": 1}}
        )

    def test_unknown_key_with_null_value(self) -> None:
        """An unknown key is an error even when its value is null."""
        assert ["cpr"] == paths_of({**MINIMAL, "cpr": None})

    def test_non_string_key(self) -> None:
        """A key that is not a string (possible in a Python dict) is an unknown key."""
        assert ["1"] == paths_of({**MINIMAL, 1: "x"})

    @pytest.mark.parametrize("index", [0, 1])
    def test_period_end_before_start(self, index: int) -> None:
        """A period that ends before it starts is an error at its end."""
        period = {"start": "2024-03-01", "end": "2024-02-29"}
        data = {**MINIMAL, "periods": [{"start": "2024-01-01", "end": "2024-01-31"}]}
        data["periods"].insert(index, period)
        assert [(f"periods[{index}].end", "must not be before start (2024-03-01)")] == errors_of(data)

    def test_period_with_bad_start_has_no_order_error(self) -> None:
        """The order of a period's dates is checked only when both dates are valid."""
        assert ["periods[0].start"] == paths_of(with_period(start="2024-3-1", end="2024-01-01"))
        assert ["periods[0].end"] == paths_of(with_period(end="2024-02-30"))

    @pytest.mark.parametrize(
        ("amount", "shown"),
        [
            (-1, "-1"),
            ("-0.01", "-0.01"),
            (10001, "10001"),
            (10000.01, "10000.01"),
            ("10000.01", "10000.01"),
            (10**30, "1" + "0" * 30),
        ],
    )
    def test_amount_out_of_range(self, amount: Any, shown: str) -> None:
        """An amount below 0 or above 10,000 is an error at its path."""
        assert [("periods[0].agreement.hours.amount", f"must lie between 0 and 10000, not {shown}")] == errors_of(
            with_hours(amount)
        )

    def test_amount_above_range_in_text(self) -> None:
        """10000.01 written as a JSON number is out of range, read exactly."""
        text = json.dumps(with_hours(1)).replace('"amount": 1', '"amount": 10000.01')
        assert ["periods[0].agreement.hours.amount"] == paths_of(text)

    @pytest.mark.parametrize(
        "amount", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN")]
    )
    def test_amount_not_finite(self, amount: Any) -> None:
        """A non-finite number in a Python mapping is an error, never a value."""
        [(path, message)] = errors_of(with_hours(amount))
        assert "periods[0].agreement.hours.amount" == path
        assert message.startswith("must be a finite number")

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_nan_in_json_text(self, constant: str) -> None:
        """NaN and Infinity in JSON text are document errors, never numbers."""
        text = json.dumps(with_hours(1)).replace('"amount": 1', f'"amount": {constant}')
        assert [("", f"invalid JSON: {constant} is not allowed (a number must be finite)")] == errors_of(text)

    @pytest.mark.parametrize(
        "text",
        [
            '{"decision_date": "2024-02-20"',
            "",
            "   ",
            "{'decision_date': '2024-02-20'}",
            '{"a": 1} {}',
            "[" * 100_000,
            "1" * 5000,
        ],
        ids=["truncated", "empty", "blank", "single-quotes", "extra-data", "deep", "long-int"],
    )
    def test_invalid_json_text(self, text: str) -> None:
        """Text that is not JSON is a document error with the path ''."""
        [(path, message)] = errors_of(text)
        assert "" == path
        assert message.startswith("invalid JSON: ")

    def test_invalid_utf8(self) -> None:
        """Bytes that are not UTF-8 are a document error with the path ''."""
        assert [("", "the JSON text is not UTF-8: invalid start byte at byte 1")] == errors_of(
            b'{\xff"decision_date": 1}'
        )

    @pytest.mark.parametrize(
        ("data", "kind"),
        [
            ("[]", "array"),
            (b'[{"decision_date": "2024-02-20"}]', "array"),
            ('"2024-02-20"', "string"),
            ("null", "null"),
            ("3", "number"),
            ([MINIMAL], "array"),
            (None, "null"),
            (42, "number"),
            (Case(decision_date=datetime.date(2024, 2, 20)), "Case"),
        ],
    )
    def test_not_an_object(self, data: Any, kind: str) -> None:
        """Anything but a JSON object at the top is a document error with the path ''."""
        assert [("", f"a case must be a JSON object, not {kind}")] == errors_of(data)

    def test_every_error_at_once(self) -> None:
        """Several bad fields in different places are all reported at once, in document order."""
        data = {
            "decision_date": "2024-02-30",
            "citizen": {"target_group": "unemployed"},
            "tasks": [{"description": "ok"}, {"description": "ok"}, {"within_usual_duties": True}],
            "periods": [
                {"start": "2024-03-01", "end": "2024-08-31"},
                {
                    "start": "2024-09-01",
                    "end": "2024-08-31",
                    "agreement": {"written": True, "hours": {"amount": -1, "unit": "total"}},
                },
            ],
            "case_idd": "x",
        }
        assert [
            "decision_date",
            "citizen.target_group",
            "tasks[2].description",
            "periods[1].end",
            "periods[1].agreement.hours.amount",
            "case_idd",
        ] == paths_of(data)

    def test_errors_follow_the_document_order(self) -> None:
        """Errors come in the order of the input's keys, not of the attributes; absent fields close their object."""
        data = {
            "case_id": 1,
            "periods": [{"agreement": {"written": "yes"}, "end": "2024-01-01", "start": "2024-02-01"}],
            "purpose": "x",
            "citizen": {"target_group": "x", "birth_date": "x"},
        }
        assert [
            "case_id",
            "periods[0].agreement.written",
            "periods[0].end",
            "purpose",
            "citizen.target_group",
            "citizen.birth_date",
            "decision_date",
        ] == paths_of(data)

    def test_period_order_error_keeps_its_place(self) -> None:
        """The error of a period ending before it starts sits where the end is, before later keys' errors."""
        data = with_period(end="2024-01-01", agreement={"written": 1})
        assert ["periods[0].end", "periods[0].agreement.written"] == paths_of(data)

    def test_case_error_is_a_value_error(self) -> None:
        """Callers that do not know the library can catch ValueError."""
        with pytest.raises(ValueError, match="decision_date"):
            load_case({})

    def test_input_is_not_changed(self) -> None:
        """Loading does not change the input."""
        data = full_case()
        load_case(data)
        assert full_case() == data


# --- dump_case -------------------------------------------------------------------------------------


class TestDumpCase:
    """Tests for `dump_case`."""

    def test_minimal(self) -> None:
        """Every field is present, unknowns as null and empty lists as []."""
        assert {
            "decision_date": "2024-02-20",
            "citizen": None,
            "purpose": None,
            "decisive_need": None,
            "mentor": None,
            "tasks": [],
            "beyond_usual_duties": None,
            "hours_assessment": None,
            "periods": [],
            "psychiatric_discharge": None,
            "education_admission": None,
            "case_id": None,
        } == dump_case(load_case(MINIMAL))

    def test_full(self) -> None:
        """A full case dumps to its input, with absent fields as null and the amount as a string."""
        expected = full_case()
        expected["tasks"][1]["within_usual_duties"] = None
        expected["beyond_usual_duties"] = {"outcome": True, "on": None, "by": None, "reason": None}
        expected["periods"][0]["agreement"]["hours"].update(amount="3", basis="person")
        expected["periods"][1]["agreement"] = {
            **dict.fromkeys(attrs.fields_dict(Agreement)),
            "written": True,
            "tasks": [],
            "hours": {"amount": "2.5", "unit": "total", "basis": "place"},
        }
        expected["periods"][1]["assessment"].update(by=None, reason=None)
        assert expected == dump_case(load_case(full_case()))

    @pytest.mark.parametrize("cls", FACT_CLASSES, ids=lambda cls: cls.__name__)
    def test_key_order_is_attribute_order(self, cls: type[Any]) -> None:
        """The keys of every object come in attribute order."""
        dumped = dump_case(load_case(full_case()))
        objects = {
            Case: dumped,
            Citizen: dumped["citizen"],
            Assessment: dumped["decisive_need"],
            Mentor: dumped["mentor"],
            Task: dumped["tasks"][0],
            Period: dumped["periods"][0],
            Agreement: dumped["periods"][0]["agreement"],
            Hours: dumped["periods"][0]["agreement"]["hours"],
            PsychiatricDischarge: dumped["psychiatric_discharge"],
            EducationAdmission: dumped["education_admission"],
        }
        assert [a.name for a in attrs.fields(cls)] == list(objects[cls])

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            (Decimal("3.50"), "3.5"),
            (Decimal("1E+2"), "100"),
            (Decimal("100"), "100"),
            (Decimal("0.00"), "0"),
            (Decimal("-0"), "0"),
            (Decimal("0.000001"), "0.000001"),
            (Decimal("10000.000"), "10000"),
            (Decimal("9999.999999"), "9999.999999"),
            (Decimal("1.0000000000000000000000000000000000"), "1"),
        ],
    )
    def test_amount_is_a_plain_decimal_string(self, amount: Decimal, expected: str) -> None:
        """The amount is written without exponent or trailing zeros, exactly (6 decimals, beyond 28 digits too)."""
        case = Case(
            decision_date=datetime.date(2024, 2, 20),
            periods=(
                Period(
                    start=datetime.date(2024, 3, 1),
                    end=datetime.date(2024, 8, 31),
                    agreement=Agreement(written=True, hours=Hours(amount=amount, unit=HoursUnit.TOTAL)),
                ),
            ),
        )
        dumped = dump_case(case)
        assert expected == dumped["periods"][0]["agreement"]["hours"]["amount"]
        assert case == load_case(dumped)

    def test_plain_json_types(self) -> None:
        """The dump holds only plain JSON types: enums as plain strings, no dates, decimals or tuples."""

        def check(value: Any) -> None:
            assert type(value) in (dict, list, str, bool, type(None)), type(value)
            for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
                check(item)

        dumped = dump_case(load_case(full_case()))
        check(dumped)
        assert json.loads(json.dumps(dumped)) == dumped

    def test_fresh_dict(self) -> None:
        """Each dump is a new dict: changing it does not change the next."""
        case = load_case(full_case())
        first = dump_case(case)
        first["periods"][0]["agreement"]["tasks"].append("x")
        assert ["Struktur", "Fremmøde"] == dump_case(case)["periods"][0]["agreement"]["tasks"]

    def test_not_a_case(self) -> None:
        """Only a Case can be dumped."""
        with pytest.raises(TypeError, match="needs a Case, not dict"):
            dump_case(MINIMAL)  # type: ignore[arg-type]


# --- canonical_json ----------------------------------------------------------------------------------


class Colour(enum.Enum):
    """A plain (not str) enum for canonical_json."""

    RED = 1


class TestCanonicalJson:
    """Tests for `canonical_json`."""

    def test_form(self) -> None:
        """Keys sorted, no white space, no ASCII escapes."""
        assert '{"a":[1,true,null],"b":{"y":"ø","z":"😀"}}' == canonical_json(
            {"b": {"z": "😀", "y": "ø"}, "a": (1, True, None)}
        )

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Decimal("3.50"), '"3.5"'),
            (Decimal("1E+2"), '"100"'),
            (Decimal("-0.0"), '"0"'),
            (Decimal("-2.10"), '"-2.1"'),
            (Decimal("1E-7"), '"0.0000001"'),
            (datetime.date(2024, 2, 29), '"2024-02-29"'),
            (datetime.datetime(2024, 2, 29, 12, 30), '"2024-02-29T12:30:00"'),
            (HoursUnit.PER_WEEK, '"per_week"'),
            (Colour.RED, "1"),
            ("\u2028", '"\u2028"'),
        ],
    )
    def test_values(self, value: Any, expected: str) -> None:
        """Decimals are plain strings, dates ISO strings, enums their values."""
        assert expected == canonical_json(value)

    def test_key_order_does_not_matter(self) -> None:
        """The same mapping built in another order gives the same text."""
        first = {"b": 1, "a": {"d": 2, "c": 3}}
        second = {"a": {"c": 3, "d": 2}, "b": 1}
        assert canonical_json(first) == canonical_json(second)

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN"), Decimal("Infinity")])
    def test_not_finite(self, value: Any) -> None:
        """A number that is not finite cannot be written canonically."""
        with pytest.raises(ValueError, match=r"finite|not JSON compliant"):
            canonical_json({"x": value})

    def test_unsupported_type(self) -> None:
        """A value JSON cannot represent is a TypeError."""
        with pytest.raises(TypeError, match="cannot encode set"):
            canonical_json({"x": {1, 2}})


# --- case_schema -----------------------------------------------------------------------------------------


class TestCaseSchema:
    """Tests for `case_schema`."""

    def test_is_a_valid_2020_12_schema(self) -> None:
        """The schema is valid JSON Schema draft 2020-12 and names itself."""
        schema = case_schema()
        jsonschema.Draft202012Validator.check_schema(schema)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        assert "https://mentorrules.readthedocs.io/schema/case.json" == schema["$id"]
        assert "#/$defs/Case" == schema["$ref"]

    def test_fresh_each_call(self) -> None:
        """Each call returns a new dict; changing one does not change the next."""
        first = case_schema()
        first["$defs"]["Hours"]["required"].append("x")
        first["$defs"]["Citizen"]["properties"]["target_group"]["enum"].clear()
        assert case_schema() != first
        assert ["amount", "unit"] == case_schema()["$defs"]["Hours"]["required"]
        assert json.dumps(case_schema()) == json.dumps(case_schema())

    @pytest.mark.parametrize("cls", FACT_CLASSES, ids=lambda cls: cls.__name__)
    def test_one_definition_per_fact_class(self, cls: type[Any]) -> None:
        """Each fact class has a closed definition with its attributes and its required ones."""
        definition = case_schema()["$defs"][cls.__name__]
        assert False is definition["additionalProperties"]
        assert [a.name for a in attrs.fields(cls)] == list(definition["properties"])
        assert [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING] == definition["required"]

    def test_enum_values(self) -> None:
        """Enums are listed by value; an optional enum also allows null."""
        properties = case_schema()["$defs"]["Mentor"]["properties"]
        assert [*(m.value for m in MentorEmployer), None] == properties["employer"]["enum"]
        assert ["per_week", "total"] == case_schema()["$defs"]["Hours"]["properties"]["unit"]["enum"]

    def test_accepts_valid_cases(self) -> None:
        """The minimal and the full case are valid."""
        assert [] == list(validator().iter_errors(MINIMAL))
        assert [] == list(validator().iter_errors(full_case()))
        assert [] == list(validator().iter_errors(dump_case(load_case(full_case()))))

    @pytest.mark.parametrize(
        "data",
        [
            {**MINIMAL, "purpos": "offer"},
            with_period(agreement={"written": True, "goals": "x"}),
            {**MINIMAL, "purpose": "housing"},
            with_hours(1, "per_month"),
            {},
            {"decision_date": None},
            {"decision_date": "2024-02-30"},
            {"decision_date": "1899-12-31"},
            {"decision_date": "2200-01-01"},
            {"decision_date": "２０２４-01-01"},
            {**MINIMAL, "tasks": [None]},
            with_hours(True),
            with_hours(-1),
            with_hours(10000.01),
            with_hours("1e3"),
            with_hours("10000.01"),
            with_period(agreement={"written": 1}),
        ],
    )
    def test_rejects_what_load_case_rejects(self, data: dict[str, Any]) -> None:
        """Unknown keys, unknown enum values and other input errors fail the schema as they fail load_case."""
        with pytest.raises(CaseError):
            load_case(data)
        assert not validator().is_valid(data)

    @pytest.mark.parametrize(
        "amount",
        [
            "0",
            "-0",
            "-0.000",
            "+0",
            "10000",
            "10000.000",
            "0010000",
            "9999.99",
            "2.50",
            "+3",
            "-1",
            "10000.01",
            "10001",
            "-0.01",
            "1e3",
            "3,5",
            "",
            ".",
            "2.500000",
            "2.12345600",
            "2.1234567",
            "0.0000001",
            "-0.0000000",
            "10000.0000000",
        ],
    )
    def test_amount_strings_as_load_case(self, amount: str) -> None:
        """The schema's amount pattern accepts exactly the strings load_case accepts."""
        try:
            load_case(with_hours(amount))
        except CaseError:
            accepted = False
        else:
            accepted = True
        assert accepted == validator().is_valid(with_hours(amount))


# --- properties ----------------------------------------------------------------------------------------


class TestProperties:
    """Properties over generated cases and generated junk."""

    @given(cases)
    @example(UNUSUAL)
    def test_round_trip(self, case: Case) -> None:
        """Dumping and loading gives the same case, through a dict and through JSON text."""
        dumped = dump_case(case)
        assert case == load_case(dumped)
        assert case == load_case(json.dumps(dumped, ensure_ascii=False))
        assert case == load_case(json.dumps(dumped).encode())

    @given(cases)
    @example(UNUSUAL)
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def test_dump_is_valid_under_the_schema(self, case: Case) -> None:
        """Every dumped case is valid under the schema."""
        assert [] == list(validator().iter_errors(dump_case(case)))

    @given(cases)
    @example(UNUSUAL)
    def test_canonical_json_is_deterministic(self, case: Case) -> None:
        """Canonical JSON of a case survives a round trip unchanged and decodes to the dump."""
        text = canonical_json(dump_case(case))
        again = load_case(copy.deepcopy(json.loads(text)))
        assert text == canonical_json(dump_case(again))
        assert json.loads(text) == dump_case(case)

    @given(json_values)
    def test_junk_is_a_case_error(self, value: Any) -> None:
        """Any JSON value, as data or as text, loads or raises CaseError naming a field; nothing else escapes."""
        for data in (
            value,
            json.dumps(value, default=str),
            {**MINIMAL, "citizen": value},
            {**MINIMAL, "periods": [value]},
            with_period(agreement={"written": True, "hours": value}),
        ):
            result = load_or_error(data)
            assert isinstance(result, Case) or result.errors

    @given(cases, st.data())
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def test_mutated_case_is_loaded_or_reported(self, case: Case, data: st.DataObject) -> None:
        """A valid case with one value replaced loads, or raises CaseError with paths; the fast and the checking reader agree."""
        dumped = dump_case(case)
        container, key = data.draw(st.sampled_from(positions(dumped)))
        if data.draw(st.booleans()) and isinstance(container, dict):
            container[key + "x"] = container.pop(key)
        else:
            container[key] = data.draw(near_values)
        result = load_or_error(dumped)
        if isinstance(result, Case):
            assert result == load_case(json.loads(json.dumps(dump_case(result))))
        else:
            assert result.errors
            assert all(isinstance(path, str) for path in result.paths)
        # The fast path (private) accepts a subset of what the checking walker accepts, with the same result.
        reader = generated._Reader(generated.JSON)
        checked = generated._read_object(dumped, "", Case, reader)
        try:
            fast = serialize.CASE_CODEC._fast_read(dumped)  # type: ignore[misc]
        except generated._Invalid:
            pass
        else:
            assert [] == reader.errors
            assert checked == fast


# --- contract 2: precise amounts, repeated keys, surrogate keys, the new facts ----------------------------

AMOUNT = "periods[0].agreement.hours.amount"
SIX_PLACES = "must have at most 6 decimal places"


def hours_text(amount: str) -> str:
    """Return a minimal case as JSON text whose one agreement states ``amount`` written as it is."""
    return json.dumps(with_hours(0)).replace('"amount": 0', f'"amount": {amount}')


class TestAmountPrecision:
    """An amount has at most 6 decimal places, judged on its value and without expanding it (contract 2)."""

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            ("2.500000", Decimal("2.5")),
            ("2.1234560000", Decimal("2.123456")),
            ("9999.999999", Decimal("9999.999999")),
            (7.123456, Decimal("7.123456")),
            (1e-6, Decimal("0.000001")),
            (Decimal("1E+2"), Decimal(100)),
            (Decimal("0E-9"), Decimal(0)),
            (Decimal("1.0000000"), Decimal(1)),
        ],
    )
    def test_six_places_are_accepted(self, amount: Any, expected: Decimal) -> None:
        """Six decimal places, trailing zeros beyond them, an exponent that makes a whole number: accepted."""
        assert expected == loaded_amount(amount)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1e2", Decimal(100)),
            ("2.500000", Decimal("2.5")),
            ("2.123456", Decimal("2.123456")),
            ("1E+2", Decimal(100)),
            ("0.1e1", Decimal(1)),
            ("1e-6", Decimal("0.000001")),
            ("0e-99999999999999999999999", Decimal(0)),
        ],
    )
    def test_six_places_in_text_are_accepted(self, text: str, expected: Decimal) -> None:
        """In JSON text too: ``1e2`` is 100, and zero is zero whatever its exponent (even one Decimal cannot hold)."""
        hours = load_case(hours_text(text)).periods[0].agreement.hours  # type: ignore[union-attr]
        assert expected == hours.amount  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("amount", "shown"),
        [
            ("2.1234567", "2.1234567"),
            ("0.0000001", "0.0000001"),
            (7.1234567, "7.1234567"),
            (1e-7, "0.0000001"),
            (Decimal("1E-7"), "0.0000001"),
            (Decimal("1E-999999999"), "1E-999999999"),
        ],
    )
    def test_seven_places_are_rejected(self, amount: Any, shown: str) -> None:
        """Seven decimal places are an error at the amount's path; a float is judged by its repr."""
        assert [(AMOUNT, f"{SIX_PLACES}, not {shown}")] == errors_of(with_hours(amount))

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("1e-7", f"{SIX_PLACES}, not 0.0000001"),
            ("2.12345678", f"{SIX_PLACES}, not 2.12345678"),
            ("1e-999999999", f"{SIX_PLACES}, not 1E-999999999"),
            ("1e-99999999999999999999999", f"{SIX_PLACES}, not 1e-99999999999999999999999"),
            ("1e999999999", "must lie between 0 and 10000, not 1E+999999999"),
            ("-2e99999999999999999999999", "must lie between 0 and 10000, not -2e99999999999999999999999"),
            ("1e-" + "9" * 60, f"{SIX_PLACES}, not 1e-" + "9" * 37 + "..."),
        ],
    )
    def test_seven_places_in_text_are_rejected_at_once(self, text: str, message: str) -> None:
        """Numbers the decimal module cannot even hold are errors at their path, never an escaping exception."""
        assert [(AMOUNT, message)] == errors_of(hours_text(text))
        assert [(AMOUNT, message)] == errors_of(hours_text(text).encode())

    def test_a_number_out_of_reach_elsewhere_is_a_wrong_type(self) -> None:
        """A huge number where a date belongs is named as a number, like any other."""
        assert [("decision_date", "must be a date string YYYY-MM-DD, not number")] == errors_of(
            '{"decision_date": 1e-99999999999999999999999}'
        )

    def test_a_long_rejected_amount_is_shown_short(self) -> None:
        """A rejected amount with many digits is shown in scientific form, rounded, never written out in full."""
        [(_, message)] = errors_of(with_hours(int("1" * 100)))
        assert "must lie between 0 and 10000, not 1.11111111111111111111E+99" == message
        assert [(AMOUNT, "must lie between 0 and 10000, not 1E+50")] == errors_of(with_hours(10**50))

    def test_integers_are_never_too_precise(self) -> None:
        """An int has no decimal places, however large (it is judged without converting it)."""
        assert not too_precise(10**30)
        assert not too_precise(0)

    def test_the_class_refuses_seven_places(self) -> None:
        """Hours built in Python are held to the same precision."""
        with pytest.raises(CaseError) as info:
            Hours(amount=Decimal("0.0000001"), unit=HoursUnit.TOTAL)
        assert [("amount", f"{SIX_PLACES}, not 0.0000001")] == [(e.path, e.message) for e in info.value.errors]
        assert Decimal("2.5") == Hours(amount=Decimal("2.500000"), unit=HoursUnit.TOTAL).amount


class TestRepeatedKeys:
    """A key that occurs twice in one object of JSON text is an input error at its path (contract 2)."""

    def test_at_the_top_level(self) -> None:
        """The repeated key is named; the document is not read with either value."""
        text = '{"decision_date": "2024-02-20", "case_id": "a", "decision_date": "2024-02-21"}'
        assert [("decision_date", generated._REPEATED)] == errors_of(text)

    def test_nested_with_other_errors(self) -> None:
        """A repeated key deep down is named by its full path, in document order, and every other error too."""
        text = (
            '{"decision_date": "2024-02-30", "periods": [{"start": "2024-03-01", "end": "2024-08-31",'
            ' "agreement": {"written": true, "mentor_name": "A", "mentor_name": "A",'
            ' "hours": {"amount": 2.12345678, "unit": "per_week"}}}],'
            ' "tasks": [{"description": "x", "description": 1, "description": "y"}]}'
        )
        assert [
            "decision_date",
            "periods[0].agreement.mentor_name",
            AMOUNT,
            "tasks[0].description",
            "tasks[0].description",
        ] == paths_of(text)
        messages = dict(errors_of(text))
        assert generated._REPEATED == messages["periods[0].agreement.mentor_name"]

    def test_a_key_three_times_is_named_once(self) -> None:
        """Each repeated key is reported once, where it occurs the second time."""
        errors = errors_of(
            '{"decision_date": "2024-02-20", "x": 1, "x": 2, "x": 3}'
        )  # unknown each time, repeated once
        assert ["x"] * 4 == [path for path, _ in errors]
        assert 1 == [message for _, message in errors].count(generated._REPEATED)
        assert [("case_id", generated._REPEATED)] == errors_of(
            '{"case_id": "a", "decision_date": "2024-02-20", "case_id": "a", "case_id": "a"}'
        )

    def test_the_scenario_text(self) -> None:
        """Scenario p22: the repeated mentor name and the eight-decimal amount, both by path."""
        spec = json.loads((CASES_DIR / "p22_duplicate_key_and_precise_amount.json").read_text(encoding="utf-8"))
        assert ["periods[0].agreement.mentor_name", AMOUNT] == paths_of(spec["case_text"])

    def test_keys_repeated_in_different_objects_are_fine(self) -> None:
        """The same key in two objects (two periods) is no repetition."""
        text = json.dumps(full_case())
        assert load_case(full_case()) == load_case(text)

    def test_the_decoder_marks_only_objects_with_repeated_keys(self) -> None:
        """Plain objects stay plain dicts (the fast path's condition); repeated keys keep every pair, last value wins."""
        plain = generated._DECODER.decode('{"a": {"b": 1}}')
        assert dict is type(plain) is type(plain["a"])
        marked = generated._DECODER.decode('{"a": 1, "b": 2, "a": 3}')
        assert {"a": 3, "b": 2} == marked
        assert (("a", 1), ("b", 2), ("a", 3)) == marked.pairs
        with pytest.raises(generated._Invalid):
            serialize.CASE_CODEC._fast_read(  # type: ignore[misc]
                generated._DECODER.decode('{"decision_date": "2024-02-20", "tasks": [], "tasks": []}')
            )


class TestSurrogateKeys:
    """A lone surrogate in a key is escaped in the error's path, so that every output can be written (contract 2)."""

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            ('{"decision_date": "2024-02-20", "\\ud800": 1}', "\\ud800"),
            ('{"decision_date": "2024-02-20", "mentor": {"a\\udfff": 1}}', "mentor.a\\udfff"),
            ('{"decision_date": "2024-02-20", "\\ud800": 1, "\\ud800": 2}', "\\ud800"),
        ],
    )
    def test_the_path_is_text(self, text: str, path: str) -> None:
        """The path writes the surrogate as its escape; str(), UTF-8 and JSON output all work."""
        with pytest.raises(CaseError) as info:
            load_case(text)
        error = info.value
        assert path == error.errors[0].path
        assert path in str(error)
        for item in error.errors:
            item.path.encode("utf-8")
            item.message.encode("utf-8")
        json.dumps([(e.path, e.message) for e in error.errors], ensure_ascii=False).encode("utf-8")
        str(error).encode("utf-8")

    def test_a_lone_surrogate_in_a_list_item_is_named(self) -> None:
        """A lone surrogate in a value (here a record's task) is a wrong type at the item's path."""
        data = with_period(agreement={"written": True, "tasks": ["ok", "\ud83d"]})
        assert [("periods[0].agreement.tasks[1]", generated._NOT_TEXT)] == errors_of(data)

    def test_in_a_mapping(self) -> None:
        """The same for a key of a decoded mapping."""
        assert ["\\ud800x"] == paths_of({**MINIMAL, "\ud800x": 1})


class TestNewFacts:
    """Hours.basis, Case.hours_assessment and PsychiatricDischarge.in_connection (contract 2)."""

    @pytest.mark.parametrize(("given", "basis"), [({}, HoursBasis.PERSON), ({"basis": None}, HoursBasis.PERSON)])
    def test_absent_or_null_basis_is_person(self, given: dict[str, Any], basis: HoursBasis) -> None:
        """A basis left out or null means the hours are set for the person."""
        data = with_period(agreement={"written": True, "hours": {"amount": 3, "unit": "total", **given}})
        assert basis is load_case(data).periods[0].agreement.hours.basis  # type: ignore[union-attr]
        assert basis is load_case(json.dumps(data)).periods[0].agreement.hours.basis  # type: ignore[union-attr]

    def test_place(self) -> None:
        """A basis "place" is read and written as such."""
        data = with_period(agreement={"written": True, "hours": {"amount": 3, "unit": "total", "basis": "place"}})
        case = load_case(data)
        assert HoursBasis.PLACE is case.periods[0].agreement.hours.basis  # type: ignore[union-attr]
        assert "place" == dump_case(case)["periods"][0]["agreement"]["hours"]["basis"]
        assert case == load_case(dump_case(case))

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("places", "unknown value 'places'; allowed values: 'person', 'place'"),
            ("Person", "unknown value 'Person'; allowed values: 'person', 'place'"),
            (1, "must be a string, one of 'person', 'place'; not number"),
        ],
    )
    def test_a_bad_basis_is_named_by_its_path(self, value: Any, message: str) -> None:
        """An unknown basis is an input error like any enum value."""
        data = with_period(agreement={"written": True, "hours": {"amount": 3, "unit": "total", "basis": value}})
        assert [("periods[0].agreement.hours.basis", message)] == errors_of(data)

    def test_assessments_are_checked_by_path(self) -> None:
        """The new assessments are checked as every assessment is."""
        data = {
            **MINIMAL,
            "hours_assessment": {"outcome": "yes"},
            "psychiatric_discharge": {
                "discharge_date": "2024-01-15",
                "inpatient": True,
                "psychiatric": True,
                "in_connection": {"outcome": True, "on": "2024-02-30", "x": 1},
            },
        }
        assert [
            "hours_assessment.outcome",
            "psychiatric_discharge.in_connection.on",
            "psychiatric_discharge.in_connection.x",
        ] == paths_of(data)

    @pytest.mark.parametrize(
        ("build", "path", "message"),
        [
            (lambda: Hours(amount=Decimal(1), unit=HoursUnit.TOTAL, basis="place"), "basis", "must be a HoursBasis"),  # type: ignore[arg-type]
            (lambda: Hours(amount=Decimal(1), unit=HoursUnit.TOTAL, basis=None), "basis", "is required"),  # type: ignore[arg-type]
            (lambda: Case(decision_date=datetime.date(2024, 2, 20), hours_assessment=True), "hours_assessment", ""),  # type: ignore[arg-type]
            (
                lambda: PsychiatricDischarge(
                    discharge_date=datetime.date(2024, 1, 1),
                    inpatient=True,
                    psychiatric=True,
                    in_connection="x",  # type: ignore[arg-type]
                ),
                "in_connection",
                "",
            ),
        ],
    )
    def test_the_classes_check_the_new_fields(self, build: Any, path: str, message: str) -> None:
        """Built in Python, a wrong value of a new field is named as every other."""
        with pytest.raises(CaseError) as info:
            build()
        [error] = info.value.errors
        assert path == error.path
        assert error.message.startswith(message)

    def test_the_schema_describes_them(self) -> None:
        """case_schema() has the new fields, optional, and the basis's values."""
        defs = case_schema()["$defs"]
        assert {"anyOf": [{"$ref": "#/$defs/Assessment"}, {"type": "null"}]} == defs["Case"]["properties"][
            "hours_assessment"
        ]
        assert ["person", "place", None] == defs["Hours"]["properties"]["basis"]["enum"]
        assert ["amount", "unit"] == defs["Hours"]["required"]
        assert "in_connection" in defs["PsychiatricDischarge"]["properties"]
        assert "in_connection" not in defs["PsychiatricDischarge"]["required"]


def _text_fields(cls: type, data: dict[str, Any], prefix: str) -> list[str]:
    """Put a CPR-like text in every text field of a dumped object; return their paths in document order."""
    paths = []
    for field in shape(cls):
        name = field.name
        if field.kind is Kind.TEXT:
            data[name] = "ref 010203-1234"
            paths.append(prefix + name)
        elif field.kind is Kind.TEXTS:
            data[name] = ["010203-1234"]
            paths.append(f"{prefix}{name}[0]")
        elif field.kind is Kind.OBJECT and data[name] is not None:
            paths += _text_fields(field.target, data[name], f"{prefix}{name}.")
        elif field.kind is Kind.OBJECTS:
            for index, item in enumerate(data[name]):
                paths += _text_fields(field.target, item, f"{prefix}{name}[{index}].")
    return paths


def test_the_privacy_scan_reads_every_free_text_of_the_format() -> None:
    """Every text field the JSON format has, the new assessments' included, is scanned for CPR-like numbers."""
    document = dump_case(load_case(full_case()))
    paths = _text_fields(Case, document, "")
    assert {"hours_assessment.by", "psychiatric_discharge.in_connection.reason"} <= set(paths)
    assert paths == identifier_fields(load_case(document))  # every one of them, in document order


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({**MINIMAL, "purpose": "010203-1234"}, "purpose"),
        ({**MINIMAL, "case_id": "x", "decision_date": "0102031234"}, "decision_date"),
        (with_hours("1012031234"), AMOUNT),
        (with_hours(1012031234), AMOUNT),
    ],
)
def test_a_rejected_value_like_a_cpr_number_is_withheld(data: dict[str, Any], path: str) -> None:
    """An error message never repeats a rejected value that looks like a CPR number (contract 2)."""
    [(where, message)] = errors_of(data)
    assert path == where
    assert generated._WITHHELD in message
    assert "1234" not in message


def test_an_out_of_reach_number_like_a_cpr_number_is_withheld() -> None:
    """Even a number the decimal module cannot hold."""
    [(_, message)] = errors_of(hours_text("1012031234e99999999999999999999"))
    assert message.endswith(generated._WITHHELD)
