"""
No CPR number leaks (issue 19, point 2; DESIGN sections 3 and 4, contract 2).

What looks like a CPR number is judged after NFKC with any separators; a rejected value
that looks like one is withheld from every error message (at every placement the reader
quotes values: dates, enums, amounts, key names), in every output format of the command
line; a ``case_id`` that looks like one is never shown.  And decimals are written exactly,
whatever the caller's decimal context (issue 19, point 4).
"""

from __future__ import annotations

import copy
import decimal
import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorrules import CaseError, evaluate, load_case
from mentorrules.cli import main
from mentorrules.codec.privacy import identifier_fields
from mentorrules.costs import load_cost_claim
from mentorrules.model.cpr import looks_like_cpr, might_hold_cpr
from mentorrules.model.generated import _WITHHELD, _WITHHELD_KEY
from mentorrules.testing import CPR_SEPARATORS, case_documents, cpr_like_texts


EXAMPLE = Path(__file__).parent.parent / "examples" / "01_complete_grant.json"
CPR = "010203-1234"
DIGITS = "0102031234"


# --- what looks like a CPR number ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "010203-1234",
        "0102031234",
        "010203 1234",  # a space
        "010203\u00a01234",  # a no-break space
        "010203\u20131234",  # an en dash
        "010203\u20111234",  # a non-breaking hyphen
        "01 02 03-1234",  # the date's pairs apart
        "01/02/03 1234",  # slashes
        "01.02.03.1234",  # dots
        "０１０２０３－１２３４",  # full-width digits and hyphen
        "ref 290200-1234",  # 29 February of a leap year (2000)
    ],
)
def test_every_spelling_looks_like_a_cpr_number(text: str) -> None:
    assert looks_like_cpr(text)
    assert looks_like_cpr(f"borger {text}, tlf. 20 30 40 50")


@pytest.mark.parametrize(
    "text",
    [
        "20304050",  # a phone number
        "+45 20 30 40 50",
        "3213001234",  # no 32nd day
        "0113001234",  # no 13th month
        "300201-1234",  # no 30 February
        "01020312345",  # eleven digits
        "10102031234",  # a digit before the date
        "2024-02-20",  # a date
        "01 02 03 123",  # three more digits, not four
        "01_02_03_1234",  # an underscore is no separator
    ],
)
def test_other_numbers_do_not(text: str) -> None:
    assert not looks_like_cpr(text)


@given(cpr_like_texts())
def test_the_strategy_draws_only_what_the_scan_flags(text: str) -> None:
    assert looks_like_cpr(text)


@given(st.text(), cpr_like_texts(), st.text())
def test_the_cheap_look_never_misses_what_the_pattern_finds(before: str, cpr: str, after: str) -> None:
    """might_hold_cpr is a superset of looks_like_cpr: it may say maybe, never no where the pattern says yes."""
    assert might_hold_cpr(before + cpr + after)
    for text in (before, after, before + after):
        assert might_hold_cpr(text) or not looks_like_cpr(text)


@pytest.mark.parametrize(
    ("text", "maybe"),
    [
        ("Mette Jensen, tlf. 20 30 40 50", False),  # Latin-1: read as it is
        ("Søren – 20 30 40 50", False),  # not Latin-1 (an en dash): normalised first
        ("ref \u00b9\u00b2 34 56 7890", True),  # superscript digits are digits after NFKC
        ("01 02 03\u20131234", True),
        ("x\ud800 0102031234", True),  # a lone surrogate (from a decoded mapping) is read too
    ],
)
def test_the_cheap_look(text: str, maybe: bool) -> None:
    assert might_hold_cpr(text) is maybe


def test_the_strategy_uses_every_separator() -> None:
    assert {" ", "\u2013", "\u2011", "\u00a0", "/", "."} <= set(CPR_SEPARATORS)


def test_the_first_pass_never_joins_two_texts_into_one_number() -> None:
    """Two texts, one ending in six digits and the next starting with four, are two texts."""
    case = load_case(
        {
            "decision_date": "2024-02-20",
            "case_id": "sag 010203",
            "tasks": [{"description": "1234 timer"}],
        }
    )
    assert identifier_fields(case) == []


# --- no message repeats one ------------------------------------------------------------------------


def _minimal() -> dict[str, Any]:
    return {
        "decision_date": "2024-02-20",
        "citizen": {"target_group": "none"},
        "mentor": {"employer": "company"},
        "periods": [
            {
                "start": "2024-03-01",
                "end": "2024-08-31",
                "agreement": {"written": True, "hours": {"amount": 3, "unit": "per_week"}},
            }
        ],
    }


def _placed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = _minimal()
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


PLACEMENTS = [
    ("decision_date",),
    ("purpose",),
    ("citizen", "target_group"),
    ("citizen", "birth_date"),
    ("mentor", "employer"),
    ("mentor", "engaged_by"),
    ("periods", 0, "start"),
    ("periods", 0, "agreement", "hours", "unit"),
    ("periods", 0, "agreement", "hours", "amount"),
    ("periods", 0, "agreement", "hours", "basis"),
]


def _digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit())


@pytest.mark.parametrize("path", PLACEMENTS, ids=lambda path: ".".join(map(str, path)))
@given(cpr=cpr_like_texts())
def test_a_rejected_value_like_a_cpr_number_is_withheld_at_every_placement(path: tuple[Any, ...], cpr: str) -> None:
    with pytest.raises(CaseError) as info:
        load_case(_placed(path, cpr))
    text = str(info.value) + json.dumps(info.value.to_dict(), ensure_ascii=False)
    assert _WITHHELD in text
    assert _digits(cpr.translate({0xFF10 + d: str(d) for d in range(10)})) not in _digits(text)


@given(cpr=cpr_like_texts(), where=st.sampled_from([(), ("citizen",), ("periods", 0, "agreement")]))
def test_a_key_like_a_cpr_number_is_withheld_from_the_path(cpr: str, where: tuple[Any, ...]) -> None:
    document = _minimal()
    target: Any = document
    for step in where:
        target = target[step]
    target[cpr] = 1
    with pytest.raises(CaseError) as info:
        load_case(document)
    [error] = info.value.errors
    assert error.path.endswith(_WITHHELD_KEY)
    assert looks_like_cpr(error.path) is False
    assert not looks_like_cpr(str(info.value))
    assert not looks_like_cpr(info.value.text("da"))
    assert "<en nøgle, der ligner et CPR-nummer (tilbageholdt)>: " in info.value.text("da")


def test_an_integer_amount_like_a_cpr_number_is_withheld() -> None:
    with pytest.raises(CaseError) as info:
        load_case(_placed(("periods", 0, "agreement", "hours", "amount"), 1012031234))
    assert "1012031234" not in str(info.value)


def test_a_cost_claim_withholds_it_too() -> None:
    with pytest.raises(CaseError) as info:
        load_cost_claim({"kind": "01 02 03 1234", "mentor_hours": "01.02.03.1234", "0102031234": 1})
    assert not looks_like_cpr(str(info.value))
    assert str(info.value).count("withheld") == 3
    assert not looks_like_cpr(info.value.text("da"))
    assert info.value.text("da").count("tilbageholdt") == 3


# --- in every output of the command line ----------------------------------------------------------------

FORMATS = ["text", "json", "jsonl", "markdown", "html"]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_output_format_repeats_a_cpr_number(
    fmt: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad values, keys and a case_id that look like CPR numbers, in one file: no output shows one, in any language."""
    valid = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    lines = [
        {**valid, "case_id": "01 02 03\u20131234"},  # a valid case with a CPR-like case_id
        {**valid, "case_id": "ok", "purpose": "010203 1234"},
        {**valid, "case_id": "ok", "0102031234": True},
        _placed(("periods", 0, "agreement", "hours", "amount"), "01/02/03 1234"),
        {**valid, "case_id": "ok", "mentor": {**valid["mentor"], "name": "Mette 0102031234"}},
    ]
    source = tmp_path / "cases.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    main(["check", str(source), "--format", fmt, "--lang", lang])
    out, err = capsys.readouterr()
    assert not looks_like_cpr(out), out
    assert not looks_like_cpr(err), err
    assert "0102031234" not in _digits(out) + _digits(err)


def test_a_data_frame_withholds_a_cpr_like_case_id() -> None:
    pandas = pytest.importorskip("pandas")
    from mentorrules.frame import WITHHELD_CASE_ID, evaluate_frame

    valid = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    frame = pandas.DataFrame([{**valid, "case_id": "010203 1234"}, {**valid, "case_id": "sag-1"}])
    frame["citizen"] = frame["citizen"].astype(object)
    result = evaluate_frame(frame)
    assert list(result["case_id"]) == [WITHHELD_CASE_ID, "sag-1"]


# --- one reading of a number --------------------------------------------------------------------


def _precise_case() -> Any:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["periods"][0]["agreement"]["hours"]["amount"] = "7.123456"
    return load_case(document)


@pytest.mark.parametrize("precision", [1, 3, 6])
def test_to_json_writes_decimals_exactly_whatever_the_context(precision: int) -> None:
    case = _precise_case()
    expected = evaluate(case).to_json()
    assert "7.123456" in expected
    with decimal.localcontext(prec=precision, rounding=decimal.ROUND_DOWN):
        decision = evaluate(case)
        assert decision.to_json() == expected
        assert decision.fingerprint == evaluate(case).fingerprint


def test_to_json_is_exact_in_a_thread_with_its_own_context() -> None:
    case = _precise_case()
    expected = evaluate(case).to_json()
    seen: list[str] = []

    def work() -> None:
        decimal.getcontext().prec = 3
        seen.append(evaluate(case).to_json())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [expected]


@given(case_documents())
def test_every_decimal_fact_is_written_as_its_exact_value(document: dict[str, Any]) -> None:
    """A decision's facts hold the amounts exactly, also under a context of 2 digits."""
    case = load_case(copy.deepcopy(document))
    with decimal.localcontext(prec=2):
        record = evaluate(case).to_json()
    amounts = {
        decimal.Decimal(period["agreement"]["hours"]["amount"])
        for period in document["periods"]
        if period["agreement"] and period["agreement"]["hours"]
    }
    written = {decimal.Decimal(text) for text in re.findall(r'"amount": "([0-9.]+)"', record)}
    assert written <= amounts
