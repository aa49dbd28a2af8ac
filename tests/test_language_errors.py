"""
Input errors in one language at a time (issue 20, point 3): Danish by default, English on request.

``FieldError.message`` and ``str(CaseError)`` stay the English text of the contract; every
error also knows its message as a key and values (``FieldError.parts``), from which
``FieldError.text(lang)`` and ``CaseError.text(lang)`` word it in Danish or English.  The
tests check the registry of messages as a whole (both languages, the same placeholders, no
file a user does not have), feed many bad inputs to every reader and check that each error
has its Danish text and that no Danish text holds an English template, check the counted
nouns (``1 ugyldigt felt``, ``2 ugyldige felter``), and that a value like a CPR number is
withheld in both languages.
"""

from __future__ import annotations

import datetime
import errno
import importlib
import json
import pkgutil
import re
import string
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import mentorrules
import mentorrules.cli
import mentorrules.costs
import mentorrules.practice
from mentorrules import (
    Agreement,
    Case,
    CaseError,
    FieldError,
    Hours,
    HoursUnit,
    Interpretation,
    Period,
    UnsupportedDateError,
    evaluate,
    load_case,
)
from mentorrules import costs as costs_module
from mentorrules.batch import dumps_results, loads_results
from mentorrules.costs import CostClaim, CostKind, evaluate_costs, load_cost_claim
from mentorrules.engine import evaluate as evaluate_module
from mentorrules.law import interpretation as interpretation_module
from mentorrules.model import generated
from mentorrules.model.exceptions import Message, Messages
from mentorrules.model.generated import FIELD_MESSAGES, MAX_JSON_BYTES, decode_json, os_reason, utf8_reason
from mentorrules.model.words import NOUNS, counted
from mentorrules.practice import HomeVisit, load_profile
from mentorrules.practice import checks as checks_module
from mentorrules.practice import profile as profile_module
from mentorrules.practice.profile import _toml_detail


CPR = "010203-1234"
CPR_DIGITS = "0102031234"


def _catalogues() -> list[Messages]:
    """Every module-level catalogue of messages in the package, each once."""
    # Not mentorrules.__main__: importing it would leave it in sys.modules, and ``python -m`` run in-process
    # (test_cli) warns about a module run that was imported before.
    names = [
        info.name
        for info in pkgutil.walk_packages(mentorrules.__path__, prefix="mentorrules.")
        if info.name != "mentorrules.__main__"
    ]
    found: dict[int, Messages] = {}
    for name in names:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, Messages):
                found[id(value)] = value
    return list(found.values())


CATALOGUES = _catalogues()
#: Every message of the package by key: (danish, english).
MESSAGES = {key: pair for catalogue in CATALOGUES for key, pair in catalogue.templates.items()}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _literals(template: str) -> list[str]:
    """The literal pieces of a template that are long enough to tell English text by."""
    pieces = [text.strip(" ;:,()?'") for text, _, _, _ in string.Formatter().parse(template)]
    return [piece for piece in pieces if len(piece) >= 6 and " " in piece]


#: English words that no Danish message may hold (the values a test feeds hold none of them).
_ENGLISH = re.compile(
    r"\b(must|is|are|not|unknown|required|allowed|invalid|mean|keys?|values?|number|string|object|array|"
    r"table|boolean|integer|item|empty|before|between|withheld|looks|the|of|expected|cannot|larger|read)\b"
)


# --- the registry ---------------------------------------------------------------------------------


def test_the_catalogues_are_found_and_their_keys_differ() -> None:
    """The readers', the costs', the profiles', the home visits' and the interpretation's catalogues; no key twice."""
    assert len(CATALOGUES) >= 5
    assert sum(len(catalogue.templates) for catalogue in CATALOGUES) == len(MESSAGES) > 50


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    """Every key of every catalogue: a Danish and an English text, different, with the same placeholders."""
    for key, (danish, english) in MESSAGES.items():
        assert danish.strip(), key
        assert english.strip(), key
        assert danish != english, key
        assert _placeholders(danish) == _placeholders(english), key
        assert not _ENGLISH.search(re.sub(r"\{\w+\}", "", danish)), (key, danish)


def test_no_message_points_at_a_file_users_do_not_have() -> None:
    """No text a user reads names LAW.md or DESIGN.md: the messages, the cost notes and explanations."""
    texts = [text for pair in MESSAGES.values() for text in pair]
    texts += [mentorrules.costs._WHY_UNSUPPORTED, mentorrules.costs._WHY_UNSUPPORTED_DA]
    texts.append(mentorrules.costs._unverified_amendment().note or "")
    for on in (datetime.date(2024, 6, 30), datetime.date(2026, 3, 1)):
        decision = evaluate_costs(load_cost_claim(FULL_CLAIM), on=on)
        texts += [decision.explain("da"), decision.explain("en"), decision.to_json()]
        texts += [r.note or "" for f in decision.findings for r in f.references]
    for text in texts:
        assert "LAW.md" not in text, text
        assert "DESIGN.md" not in text, text


def test_a_catalogue_is_read_only_and_refuses_an_unknown_key() -> None:
    source = {"once": ("én gang", "once")}
    catalogue = Messages(source)
    source["once"] = ("to gange", "twice")
    assert catalogue.templates["once"] == ("én gang", "once")
    with pytest.raises(TypeError):
        catalogue.templates["twice"] = ("to gange", "twice")  # type: ignore[index]
    with pytest.raises(KeyError, match="never"):
        catalogue.of("never")


TEST_MESSAGES = Messages(
    {"outer": ("ydre {inner} {pair} {plain}", "outer {inner} {pair} {plain}"), "inner": ("indre", "inner")}
)


def test_a_message_words_its_values_in_its_own_language() -> None:
    """A value is a text for both languages, a pair (Danish, English) or a message of its own."""
    message = TEST_MESSAGES.of("outer", inner=TEST_MESSAGES.of("inner"), pair=("rød", "red"), plain="x")
    assert (message.text(), message.text("da"), message.text("en")) == (
        "ydre indre rød x",
        "ydre indre rød x",
        "outer inner red x",
    )
    with pytest.raises(ValueError, match="lang"):
        message.text("de")


# --- FieldError and CaseError ----------------------------------------------------------------------


def test_field_error_in_both_languages() -> None:
    error = FieldError.of("periods[1].end", FIELD_MESSAGES.of("field.not_calendar_date", value="'2024-02-30'"))
    assert (error.path, error.message) == ("periods[1].end", "is not a calendar date: '2024-02-30'")
    assert (error.text(), error.text("en")) == ("er ikke en kalenderdato: '2024-02-30'", error.message)
    assert error.describe() == "periods[1].end: er ikke en kalenderdato: '2024-02-30'"
    assert error.describe("en") == str(error) == "periods[1].end: is not a calendar date: '2024-02-30'"
    with pytest.raises(ValueError, match="lang"):
        error.text("sv")


def test_a_field_error_given_only_in_english_keeps_working() -> None:
    """FieldError(path=..., message=...) as before: equal to the worded one, its text the message in both."""
    plain = FieldError(path="", message="must be str")
    assert (plain.parts, plain.text(), plain.text("en"), plain.describe()) == (
        None,
        "must be str",
        "must be str",
        "<dokument>: must be str",
    )
    worded = FieldError.of("x", FIELD_MESSAGES.of("field.must_be", expected="str", actual="int"))
    assert worded == FieldError(path="x", message="must be str, not int")
    assert hash(worded) == hash(FieldError(path="x", message="must be str, not int"))
    assert "parts" not in repr(worded)


def test_case_error_counts_its_fields_in_each_language() -> None:
    """1 ugyldigt felt, 2 ugyldige felter; 1 bad field, 2 bad fields."""
    one = CaseError([FieldError.of("decision_date", FIELD_MESSAGES.of("field.required"))])
    assert (str(one), one.text("en"), one.text()) == (
        "1 bad field: decision_date: is required",
        "1 bad field: decision_date: is required",
        "1 ugyldigt felt: decision_date: skal angives",
    )
    required = FIELD_MESSAGES.of("field.required")
    two = CaseError(
        (
            FieldError.of("", required),
            FieldError.of("case_id", FIELD_MESSAGES.of("field.must_be", expected="str", actual="int")),
        )
    )
    assert str(two) == "2 bad fields: <document>: is required; case_id: must be str, not int"
    assert two.text("da") == "2 ugyldige felter: <dokument>: skal angives; case_id: skal være str, ikke int"
    with pytest.raises(ValueError, match="lang"):
        two.text("xx")
    many = CaseError([FieldError(path=f"f{n}", message="x") for n in range(1000)])
    assert (str(many)[:17], many.text()[:21]) == ("1000 bad fields: ", "1000 ugyldige felter:")


def test_case_error_record_carries_both_languages() -> None:
    """to_dict keeps type, message and the errors' path and message, and adds the text in both languages."""
    error = CaseError(
        [FieldError.of("a", FIELD_MESSAGES.of("field.required")), FieldError(path="b", message="only English")]
    )
    assert error.to_dict() == {
        "type": "CaseError",
        "message": "2 bad fields: a: is required; b: only English",
        "text": {"da": "2 ugyldige felter: a: skal angives; b: only English", "en": str(error)},
        "errors": [
            {"path": "a", "message": "is required", "text": {"da": "skal angives", "en": "is required"}},
            {"path": "b", "message": "only English", "text": {"da": "only English", "en": "only English"}},
        ],
    }
    json.dumps(error.to_dict(), ensure_ascii=False)


def test_an_error_without_field_errors_gives_its_message_in_both_languages() -> None:
    """The command line's internal error (a CaseError with no field errors) keeps its own message."""
    try:
        {}["x"]
    except KeyError as exc:
        error = mentorrules.cli.InternalError.of(exc)
    assert error.text("en") == str(error)
    assert str(error).startswith("an unexpected KeyError in tests.test_language_errors, line ")
    assert error.text().startswith("en uventet KeyError i tests.test_language_errors, linje ")
    assert error.to_dict()["text"] == {"da": error.text("da"), "en": str(error)}
    [restored] = loads_results(dumps_results([error]))  # as a worker sends it back
    assert (type(restored), restored.text("da"), str(restored)) == (type(error), error.text("da"), str(error))


def test_the_danish_text_survives_a_worker_process() -> None:
    """An error sent back from a worker (evaluate_many with jobs) keeps its Danish words."""
    try:
        load_case({"decision_date": "2024-13-01"})
    except CaseError as caught:
        error = caught
    [restored] = loads_results(dumps_results([error]))
    assert isinstance(restored, CaseError)
    assert restored.text() == error.text() == "1 ugyldigt felt: decision_date: er ikke en kalenderdato: '2024-13-01'"
    date_error = UnsupportedDateError(datetime.date(2030, 1, 1), what="law date", detail="x", detail_da="y")
    [back] = loads_results(dumps_results([date_error]))
    assert back.text() == "lovdato 2030-01-01 er ikke modelleret: y"


# --- UnsupportedDateError ---------------------------------------------------------------------------


def test_unsupported_date_in_both_languages() -> None:
    with pytest.raises(UnsupportedDateError) as info:
        evaluate_costs(load_cost_claim(WAGE_CLAIM), on=datetime.date(2019, 12, 31))
    error = info.value
    assert error.text("en") == str(error)
    assert str(error).startswith("law date 2019-12-31 is not modelled: the costs of mentor support are modelled")
    assert error.text().startswith("lovdato 2019-12-31 er ikke modelleret: udgifter til mentorstøtte er modelleret")
    assert error.to_dict() == {
        "type": "UnsupportedDateError",
        "message": str(error),
        "text": {"da": error.text("da"), "en": str(error)},
        "date": "2019-12-31",
    }
    with pytest.raises(ValueError, match="lang"):
        error.text("fr")


def test_unsupported_date_without_danish_detail() -> None:
    """A caller that gives no Danish detail gets a Danish sentence without it; an unknown date word is "datoen"."""
    plain = UnsupportedDateError(datetime.date(2030, 1, 1), what="law date", detail="the reason")
    assert plain.text() == "lovdato 2030-01-01 er ikke modelleret"
    other = UnsupportedDateError(datetime.date(2030, 1, 1), what="start", detail="the reason")
    assert other.text() == "datoen 2030-01-01 er ikke modelleret"
    named = UnsupportedDateError(datetime.date(2030, 1, 1), what="start", detail="r", what_da="starten", detail_da="d")
    assert (named.what_da, named.text()) == ("starten", "starten 2030-01-01 er ikke modelleret: d")


# --- counted nouns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "da", "en"),
    [
        ("decision", ("0 afgørelser", "1 afgørelse", "2 afgørelser"), ("0 decisions", "1 decision", "2 decisions")),
        ("invalid", ("0 ugyldige", "1 ugyldig", "2 ugyldige"), ("0 invalid", "1 invalid", "2 invalid")),
        ("case", ("0 sager", "1 sag", "2 sager"), ("0 cases", "1 case", "2 cases")),
        ("error", ("0 fejl", "1 fejl", "2 fejl"), ("0 errors", "1 error", "2 errors")),
        (
            "bad field",
            ("0 ugyldige felter", "1 ugyldigt felt", "2 ugyldige felter"),
            ("0 bad fields", "1 bad field", "2 bad fields"),
        ),
    ],
)
def test_counted_at_zero_one_and_two(noun: str, da: tuple[str, ...], en: tuple[str, ...]) -> None:
    assert tuple(counted(n, noun) for n in (0, 1, 2)) == da
    assert tuple(counted(n, noun, "da") for n in (0, 1, 2)) == da
    assert tuple(counted(n, noun, "en") for n in (0, 1, 2)) == en


@pytest.mark.parametrize("noun", sorted(NOUNS))
def test_every_noun_has_a_singular_and_a_plural(noun: str) -> None:
    da_one, da_many, en_one, en_many = NOUNS[noun]
    assert (counted(1, noun), counted(2, noun)) == (f"1 {da_one}", f"2 {da_many}")
    assert (counted(1, noun, "en"), counted(0, noun, "en")) == (f"1 {en_one}", f"0 {en_many}")
    assert (counted(12345, noun), counted(12345, noun, "en")) == (f"12.345 {da_many}", f"12,345 {en_many}")


def test_counted_refuses_an_unknown_noun_or_language() -> None:
    with pytest.raises(KeyError):
        counted(1, "banana")
    with pytest.raises(ValueError, match="lang"):
        counted(1, "case", "de")


# --- many bad inputs ---------------------------------------------------------------------------------

WAGE_CLAIM: dict[str, Any] = {"kind": "wage", "employer": "company", "hourly_cost": "250.00", "mentor_hours": 104}
FULL_CLAIM: dict[str, Any] = {
    **WAGE_CLAIM,
    "usual_work_hours": 26,
    "sick_hours": 8,
    "travel_hours": 52,
    "travel_expenses": "300.00",
    "overhead": "1750.00",
}
_GOOD_PERIOD = {"start": "2024-03-01", "end": "2024-08-31"}

#: Case documents (JSON text or decoded), each with at least one input error.
BAD_CASES: list[Any] = [
    "",
    "{",
    '{"decision_date" "2024-01-01"}',
    '{"decision_date": "2024-01-01",}',
    '{"a": 1} x',
    '"abc',
    '{"a": "\x01"}',
    '{"a": "\\x"}',
    '{"a": "\\u12"}',
    "[" + "1" * 5000 + "]",
    '{"decision_date": NaN}',
    "[" * 70 + "]" * 70,
    b"\xff\xfe{}",
    b'{"decision_date": "2024-01-01", "case_id": "\xc3"}',
    "[]",
    '{"decision_date": "2024-01-01", "case_id": "a", "decision_date": "2024-01-02"}',
    {"decision_date": "2024-01-01", "purpos": "offer"},
    {"decision_date": "2024-01-01", "zzz": 1},
    {"decision_date": None},
    {},
    {"decision_date": 20240101},
    {"decision_date": "2024/01/01"},
    {"decision_date": "1800-01-01"},
    {"decision_date": "2024-02-30"},
    {"decision_date": "2024-01-01", "purpose": "fun"},
    {"decision_date": "2024-01-01", "purpose": 3},
    {"decision_date": "2024-01-01", "citizen": []},
    {"decision_date": "2024-01-01", "citizen": {"birth_date": CPR}},
    {"decision_date": "2024-01-01", "purpose": CPR},
    {"decision_date": "2024-01-01", "periods": {}},
    {"decision_date": "2024-01-01", "periods": [None]},
    {"decision_date": "2024-01-01", "periods": [{"start": "2024-03-01", "end": "2024-02-01"}]},
    {"decision_date": "2024-01-01", "tasks": [{"description": 5}]},
    {"decision_date": "2024-01-01", "tasks": [{"description": "x\ud800"}]},
    {"decision_date": "2024-01-01", "tasks": [{"description": "x", "within_usual_duties": "yes"}]},
    {"decision_date": "2024-01-01", CPR: 1},
    {"decision_date": "2024-01-01", "periods": [{**_GOOD_PERIOD, "agreement": {"written": True, "tasks": [1]}}]},
    *[
        {
            "decision_date": "2024-01-01",
            "periods": [{**_GOOD_PERIOD, "agreement": {"written": True, "hours": {"amount": amount, "unit": "total"}}}],
        }
        for amount in (True, "2,5", CPR_DIGITS, -1, 10001, "1.0000001", 1e300 * 10, [1], Decimal("NaN"))
    ],
    '{"decision_date": "2024-01-01", "periods": [{"start": "2024-03-01", "end": "2024-08-31", '
    '"agreement": {"written": true, "hours": {"amount": 1e-99999999999999999999, "unit": "total"}}}]}',
    '{"decision_date": "2024-01-01", "periods": [{"start": "2024-03-01", "end": "2024-08-31", '
    '"agreement": {"written": true, "hours": {"amount": 1e99999999999999999999, "unit": "total"}}}]}',
]


def _case_errors() -> Iterator[CaseError]:
    for document in BAD_CASES:
        with pytest.raises(CaseError) as info:
            load_case(document)
        yield info.value
    yield _raised(lambda: decode_json(b"{" + b" " * MAX_JSON_BYTES + b"}", CaseError))


def _keys(message: Message) -> Iterator[str]:
    """The key of a message and of every message among its values."""
    yield message.key
    for _, value in message.params:
        if isinstance(value, Message):
            yield from _keys(value)


def _raised(build: Callable[[], object]) -> CaseError:
    with pytest.raises(CaseError) as info:
        build()
    return info.value


def _python_errors() -> Iterator[CaseError]:
    """Objects built in Python with bad values: the constructors' checks."""
    day = datetime.date(2024, 3, 1)
    yield _raised(lambda: Case(decision_date="2024-01-01"))  # type: ignore[arg-type]
    yield _raised(lambda: Case(decision_date=datetime.date(1800, 1, 1)))
    yield _raised(lambda: Case(decision_date=day, case_id=5))  # type: ignore[arg-type]
    yield _raised(lambda: Case(decision_date=day, purpose="offer"))  # type: ignore[arg-type]
    yield _raised(lambda: Case(decision_date=day, citizen="x"))  # type: ignore[arg-type]
    yield _raised(lambda: Case(decision_date=day, periods=5))  # type: ignore[arg-type,unused-ignore]
    yield _raised(lambda: Case(decision_date=day, periods=(1,)))  # type: ignore[arg-type,unused-ignore]
    yield _raised(lambda: Period(start=day, end=datetime.date(2024, 1, 1)))
    yield _raised(lambda: Agreement(written="yes"))  # type: ignore[arg-type]
    yield _raised(lambda: Hours(amount=Decimal("1e-7"), unit=HoursUnit.TOTAL))
    yield _raised(lambda: Hours(amount=Decimal(20000), unit=HoursUnit.TOTAL))
    yield _raised(lambda: Hours(amount=Decimal("Infinity"), unit=HoursUnit.TOTAL))
    yield _raised(lambda: Hours(amount=2, unit=HoursUnit.TOTAL))  # type: ignore[arg-type]
    yield _raised(lambda: Hours(amount=None, unit=HoursUnit.TOTAL))  # type: ignore[arg-type]
    yield _raised(lambda: evaluate("case"))  # type: ignore[arg-type]
    yield _raised(lambda: evaluate(Case(decision_date=day), interpretation="strict"))  # type: ignore[arg-type]


def _claim_errors() -> Iterator[CaseError]:
    for document in (
        {"kind": "wage"},
        {"kind": "consultant_fee", "fee": 1, "hourly_cost": 1, "mentor_hours": 1},
        {"kind": "fee", "mentor_hour": -1},
        {**WAGE_CLAIM, "overhead": "1e13"},
        {**WAGE_CLAIM, "training_purchase_granted": "no"},
        "[",
        "7",
    ):
        yield _raised(partial(load_cost_claim, document))
    yield _raised(lambda: evaluate_costs({"kind": "wage"}, on=datetime.date(2024, 1, 1)))  # type: ignore[arg-type]
    claim = load_cost_claim(WAGE_CLAIM)
    yield _raised(lambda: evaluate_costs(claim, on="2024-01-01"))  # type: ignore[arg-type]
    yield _raised(lambda: CostClaim(kind=CostKind.WAGE, mentor_hours=Decimal(1)))


def _profile_errors(tmp_path: Path) -> Iterator[CaseError]:
    assens = load_profile("assens").to_dict()
    first_task = assens["tasks"][0]
    for document in (
        {**assens, "version": 1, "sorce": {}},
        {**assens, "format": None},
        {**assens, "format": "mentorrules.profile/9"},
        {**assens, "format": "something else"},
        {**assens, "id": "Assens!", "name": "  "},
        {**assens, "tasks": [{**first_task, "group": "mentr"}, *assens["tasks"][1:]]},
        {**assens, "tasks": [{**first_task, "group": "zzzzzz"}, *assens["tasks"][1:]]},
        {**assens, "task_groups": [], "tasks": [{**first_task, "group": "zzzzzz"}]},
        {**assens, "tasks": [first_task, first_task]},
        {**assens, "tasks": [{**first_task, "keywords": ["motiv", "Motiv", "motivation", "!!"]}]},
        {**assens, "meetings": {**assens["meetings"], "usual_places": ["home", "home", "moon"]}},
        {**assens, "require_complaint_guidance": True, "complaint_guidance": None},
        {**assens, "task_groups": "x"},
    ):
        yield _raised(partial(load_profile, document))
    yield _raised(lambda: load_profile("odense"))
    yield _raised(lambda: load_profile("assen"))
    texts: list[str | bytes] = [
        "a = ",
        "a = 1\na = 2",
        "[x",
        "x = 1 y",
        'a = "b',
        "[a]\nb = 1\n[a]",
        "a = {b = 1, b = 2}",
        b"\xff",
        "a = " + "[" * 70 + "]" * 70,
    ]
    for number, text in enumerate(texts):
        path = tmp_path / f"bad{number}.toml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        yield _raised(partial(load_profile, path))
    yield _raised(lambda: load_profile(tmp_path / "missing.toml"))
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_JSON_BYTES + 1))
    yield _raised(lambda: load_profile(big))


def _other_errors() -> Iterator[CaseError]:
    yield _raised(lambda: Interpretation.from_dict({"ambiguous_dates": CPR, CPR: 1, "strict_mentor_categories": 2}))
    yield _raised(lambda: Interpretation(law_date="today"))  # type: ignore[arg-type,unused-ignore]
    yield _raised(lambda: HomeVisit(location="home"))  # type: ignore[arg-type]
    other: dict[str, Any] = {"Bad Key": True, CPR: True, "no_smoking": True, "x": 1}
    yield _raised(lambda: HomeVisit(other=other))
    yield _raised(lambda: HomeVisit(other=[]))  # type: ignore[arg-type]


@pytest.fixture(name="bad_inputs", scope="module")
def bad_inputs_fixture(tmp_path_factory: pytest.TempPathFactory) -> list[CaseError]:
    tmp = tmp_path_factory.mktemp("profiles")
    return [*_case_errors(), *_python_errors(), *_claim_errors(), *_profile_errors(tmp), *_other_errors()]


def test_every_error_of_every_reader_has_its_danish_text(bad_inputs: list[CaseError]) -> None:
    """Each error has its key and values; its English is its message; its Danish holds no English template."""
    english_pieces = {piece for _, english in MESSAGES.values() for piece in _literals(english)}
    seen_keys = set()
    for error in bad_inputs:
        assert error.text("en") == str(error)
        danish = error.text()
        assert danish.startswith(("1 ugyldigt felt: ", f"{len(error.errors)} ugyldige felter: ")), danish
        for field in error.errors:
            assert field.text("en") == field.message
            assert field.parts is not None, field
            seen_keys |= set(_keys(field.parts))
            text = field.text()
            assert text != field.message, field
            assert not [piece for piece in english_pieces if piece in text], (field, text)
            values_removed = re.sub(r"'[^']*'|\"[^\"]*\"|\([^)]*\)|\[[^]]*\]|\S*/\S*", "", text)
            assert not _ENGLISH.search(values_removed), text
    fed = (FIELD_MESSAGES, costs_module._MESSAGES, profile_module._MESSAGES, checks_module._MESSAGES)
    others = (interpretation_module._MESSAGES, evaluate_module._MESSAGES)
    unused = {key for catalogue in (*fed, *others) for key in catalogue.templates} - seen_keys
    # A list item twice is only possible in an object built in Python (its own test); every other key is fed here.
    assert unused == {"field.item_twice"}


def test_a_value_like_a_cpr_number_is_withheld_in_both_languages(bad_inputs: list[CaseError]) -> None:
    for error in bad_inputs:
        for text in (str(error), error.text(), json.dumps(error.to_dict(), ensure_ascii=False)):
            assert CPR not in text, text
            assert CPR_DIGITS not in text, text
    withheld = [e for e in bad_inputs if "withheld" in str(e)]
    assert len(withheld) >= 6
    for error in withheld:
        assert "tilbageholdt" in error.text()


def test_the_danish_words_of_a_few_errors() -> None:
    """Spot checks of whole sentences, paths and quoted values as they are."""
    cases: list[tuple[Any, str]] = [
        (
            '{"decision_date": "2000-13-01", "foo": 1, "citizen": {"birth_date": "0101001234"}}',
            "3 ugyldige felter: decision_date: er ikke en kalenderdato: '2000-13-01'; foo: ukendt nøgle; nøglerne i "
            "Case er decision_date, citizen, purpose, decisive_need, mentor, tasks, beyond_usual_duties, "
            "hours_assessment, periods, psychiatric_discharge, education_admission, case_id; citizen.birth_date: skal "
            "være en dato ÅÅÅÅ-MM-DD med ASCII-cifre, ikke en værdi, der ligner et CPR-nummer (tilbageholdt)",
        ),
        ("[]", "1 ugyldigt felt: <dokument>: en sag skal være et JSON-objekt, ikke liste"),
        (
            "{",
            "1 ugyldigt felt: <dokument>: ugyldig JSON: forventede et nøglenavn i dobbelte anførselstegn: linje 1 "
            "kolonne 2 (tegn 1)",
        ),
        (
            {"decision_date": "2024-01-01", "purpos": "offer"},
            "1 ugyldigt felt: purpos: ukendt nøgle; mente du 'purpose'?",
        ),
        (
            {"decision_date": "2024-01-01", "periods": [{"start": "2024-03-01", "end": "2024-02-01"}]},
            "1 ugyldigt felt: periods[0].end: må ikke ligge før start (2024-03-01)",
        ),
        (
            {"decision_date": "2024-01-01", CPR: 1},
            "1 ugyldigt felt: <en nøgle, der ligner et CPR-nummer (tilbageholdt)>: ukendt nøgle; nøglerne i Case er "
            "decision_date, citizen, purpose, decisive_need, mentor, tasks, beyond_usual_duties, hours_assessment, "
            "periods, psychiatric_discharge, education_admission, case_id",
        ),
    ]
    for document, danish in cases:
        with pytest.raises(CaseError) as info:
            load_case(document)
        assert info.value.text() == danish
    assert _raised(lambda: load_cost_claim("[]")).text() == (
        "1 ugyldigt felt: <dokument>: en udgiftsopgørelse skal være et JSON-objekt, ikke liste"
    )
    assert _raised(lambda: load_profile({**load_profile("assens").to_dict(), "format": "x"})).text() == (
        "1 ugyldigt felt: format: skal være 'mentorrules.profile/1', ikke 'x'"
    )


def test_python_built_values_have_their_own_messages() -> None:
    """The messages only a constructor gives: an item twice, a keyword without a word, a named condition."""
    from mentorrules.practice import MeetingRules, TaskCategory

    places = _raised(lambda: MeetingRules(section="s", usual_places=("home", "home"), text_da="a", text_en="b"))  # type: ignore[arg-type]
    assert places.errors[0].text("en").startswith("item 0 must be MeetingLocation")
    from mentorrules.practice import MeetingLocation

    twice = _raised(
        lambda: MeetingRules(
            section="s", usual_places=(MeetingLocation.HOME, MeetingLocation.HOME), text_da="a", text_en="b"
        )
    )
    assert (twice.errors[0].message, twice.errors[0].text()) == (
        "item 1 occurs twice: 'home'",
        "element 1 forekommer to gange: 'home'",
    )
    keyword = _raised(lambda: TaskCategory(id="a.b", group="a", label_da="x", label_en="x", keywords=("!!",)))
    assert keyword.errors[0].text() == "skal indeholde et bogstav eller et ciffer: '!!'"
    named = _raised(lambda: HomeVisit(other={"no_smoking": True}))
    assert (named.errors[0].path, named.errors[0].text()) == (
        "other.no_smoking",
        "er et navngivet felt: sæt no_smoking= i stedet",
    )


# --- the words of Python's own messages ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "{", '{"a" 1}', '{"a": 1 "b": 2}', "[1 2]", "[1] x", '"abc', '"a\x01"', '"\\x"', '"\\u12"'],
)
def test_the_json_decoder_is_translated(text: str) -> None:
    """Every message of the JSON decoder a document can meet has Danish words; the position follows in Danish."""
    error = _raised(lambda: decode_json(text, CaseError)).errors[0]
    found = re.fullmatch(r"invalid JSON: (.+): line (\d+) column (\d+) \(char (\d+)\)", error.message)
    assert found is not None, error.message
    problem, line, column, char = found.groups()
    danish = error.text()
    assert danish.startswith("ugyldig JSON: ")
    assert danish.endswith(f": linje {line} kolonne {column} (tegn {char})")
    assert problem not in danish
    assert problem in generated._DECODER_MESSAGES_DA


def test_a_decoder_message_that_is_not_known_is_kept() -> None:
    assert generated.decoder_detail(ValueError("something new")) == ("something new", "something new")
    digits = _raised(lambda: decode_json("[" + "1" * 5000 + "]", CaseError)).errors[0]
    assert digits.text() == "ugyldig JSON: et heltal har 5000 cifre, mere end grænsen på 4300 cifre"


def test_utf8_and_os_reasons() -> None:
    assert utf8_reason("invalid start byte") == ("ugyldig startbyte", "invalid start byte")
    assert utf8_reason("something else") == ("something else", "something else")
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == (
        "filen eller mappen findes ikke",
        "No such file or directory",
    )
    assert os_reason(OSError("plain")) == ("plain", "plain")


def test_toml_messages() -> None:
    """tomllib's messages in Danish where known, as they are where not; one that quotes a CPR number is withheld."""
    assert _toml_detail("Invalid value (at end of document)") == (
        "ugyldig værdi (ved dokumentets slutning)",
        "Invalid value (at end of document)",
    )
    assert _toml_detail("Cannot declare ('a',) twice (at line 3, column 3)") == (
        "('a',) kan ikke erklæres to gange (i linje 3, kolonne 3)",
        "Cannot declare ('a',) twice (at line 3, column 3)",
    )
    assert _toml_detail("Something new (at line 1, column 1)") == (
        "Something new (i linje 1, kolonne 1)",
        "Something new (at line 1, column 1)",
    )
    assert _toml_detail("no position") == "no position"
    assert _toml_detail(f"Cannot declare ('{CPR}',) twice (at line 2, column 1)") == (
        "en værdi, der ligner et CPR-nummer (tilbageholdt) (i linje 2, kolonne 1)",
        "a value that looks like a CPR number (withheld) (at line 2, column 1)",
    )
    assert _toml_detail(f"{CPR}") == (
        "en værdi, der ligner et CPR-nummer (tilbageholdt)",
        "a value that looks like a CPR number (withheld)",
    )


def test_the_read_limits_keep_their_english_constants() -> None:
    """The command line compares with these texts; their messages give the Danish."""
    assert generated.JSON_TOO_LARGE == "the JSON text is larger than the read limit of 4 MiB (4,194,304 bytes of UTF-8)"
    assert (
        generated.JSON_TOO_LARGE_MESSAGE.text()
        == "JSON-teksten er større end læsegrænsen på 4 MiB (4.194.304 byte UTF-8)"
    )
    assert generated.JSON_TOO_DEEP == "invalid JSON: nested too deeply (deeper than the read limit of 64 levels)"
    assert generated.JSON_TOO_DEEP_MESSAGE.text() == (
        "ugyldig JSON: for dybt indlejret (dybere end læsegrænsen på 64 niveauer)"
    )
    assert mentorrules.practice is not None
