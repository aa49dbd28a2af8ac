"""
Tests for ``mentorrules.frame``: evaluating a pandas DataFrame of cases for a notebook.

``evaluate_frame`` returns one row per case with the input's index: the
verdict, the law version, the most serious verdict of every rule, the number
of unresolved findings, the fingerprint, and the error of an invalid row.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from mentorrules import CaseError, Decision, Interpretation, evaluate, load_case, rule_catalogue
from mentorrules.batch import evaluate_many
from mentorrules.frame import WITHHELD_CASE_ID, _plain, evaluate_frame


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.json"))]
RULE_IDS = [info.id for info in rule_catalogue()]
COLUMNS = ["case_id", "verdict", "law", *RULE_IDS, "unresolved", "fingerprint", "error"]


def scenario_cases(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8"))["case"] for path in sorted(directory.glob("*.json"))]


def test_one_column_per_field(shared_cases_dir: Path) -> None:
    """Every scenario as a row of fields: the columns of the result, in order, and the index kept."""
    cases = scenario_cases(shared_cases_dir)
    frame = pd.DataFrame(cases, index=[f"row{n}" for n in range(len(cases))])
    result = evaluate_frame(frame)
    assert list(result.columns) == COLUMNS
    assert list(result.index) == list(frame.index)
    assert str(result["unresolved"].dtype) == "Int64"
    assert all(str(result[name].dtype) == "string" for name in COLUMNS if name != "unresolved")
    for (_, row), outcome in zip(result.iterrows(), evaluate_many(cases), strict=True):
        if not isinstance(outcome, Decision):
            assert row["error"] == str(outcome)
            assert row[COLUMNS[:-1]].isna().all()
            continue
        decision = outcome
        assert pd.isna(row["error"])
        assert row["verdict"] == decision.verdict.value
        assert row["law"] == decision.law.id
        assert row["fingerprint"] == decision.fingerprint
        assert row["unresolved"] == len(decision.unresolved())
        assert row["case_id"] == decision.case.case_id


def test_column_of_cases() -> None:
    """One column holding JSON text, mappings, or Case objects."""
    cells: list[Any] = [EXAMPLE_TEXTS[0], json.loads(EXAMPLE_TEXTS[1]), load_case(EXAMPLE_TEXTS[2]), "{", None]
    frame = pd.DataFrame({"case": cells, "other": range(5)})
    result = evaluate_frame(frame, column="case")
    assert result["verdict"].tolist()[:3] == ["met", "needs_assessment", "not_met"]
    assert result["case_id"].tolist()[:3] == ["eksempel-01", "eksempel-02", "eksempel-03"]
    assert result["error"].notna().tolist() == [False, False, False, True, True]
    assert "invalid JSON" in str(result.loc[3, "error"])


def test_worst_verdict_per_rule() -> None:
    """A rule's column shows its most serious finding: one period met, one not met gives not_met."""
    case = {
        "decision_date": "2024-02-20",
        "periods": [{"start": "2024-03-01", "end": "2024-08-31"}, {"start": "2024-09-01", "end": "2025-03-31"}],
    }
    decision = evaluate(load_case(case))
    verdicts = {f.verdict.value for f in decision.findings_for("duration.period_length")}
    assert verdicts == {"met", "not_met"}
    result = evaluate_frame(pd.DataFrame({"case": [case]}), column="case")
    assert result.loc[0, "duration.period_length"] == "not_met"
    assert result.loc[0, "verdict"] == "not_met"
    assert result["case_id"].isna().tolist() == [True]


def test_interpretation_and_jobs() -> None:
    cases = pd.DataFrame({"case": EXAMPLE_TEXTS * 3})
    strict = Interpretation(ambiguous_dates="strict")
    one = evaluate_frame(cases, column="case", interpretation=strict)
    two = evaluate_frame(cases, column="case", interpretation=strict, jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert one["fingerprint"].tolist() != evaluate_frame(cases, column="case")["fingerprint"].tolist()


def test_pandas_values_are_read_as_json() -> None:
    """NaN and NA are unknown; numpy numbers, arrays and timestamps become JSON values."""
    frame = pd.DataFrame(
        {
            "decision_date": [pd.Timestamp("2024-02-20"), date(2024, 2, 20)],
            "case_id": ["a", np.nan],
            "purpose": [pd.NA, "offer"],
            "periods": [np.array([{"start": "2024-03-01", "end": "2024-08-31"}], dtype=object), None],
        }
    )
    result = evaluate_frame(frame)
    assert result["error"].isna().all()
    assert result["case_id"].tolist() == ["a", pd.NA]
    assert result.loc[0, "duration.period_length"] == "met"


def test_plain() -> None:
    missing = (pd.NA, pd.NaT)
    assert _plain({"a": [np.int64(3), (np.float64(1.5), float("nan"))]}, missing) == {"a": [3, [1.5, None]]}
    assert _plain(pd.NaT, missing) is None
    assert _plain(datetime(2024, 2, 20, 13, 5), missing) == "2024-02-20"
    assert _plain(np.bool_(True), missing) is True
    assert _plain("text", missing) == "text"


def test_empty_frame() -> None:
    result = evaluate_frame(pd.DataFrame({"decision_date": []}))
    assert list(result.columns) == COLUMNS
    assert len(result) == 0


def test_unknown_column() -> None:
    with pytest.raises(KeyError, match="no column 'cases'"):
        evaluate_frame(pd.DataFrame({"case": []}), column="cases")


# --- dotted columns (pandas.json_normalize) ------------------------------------------------------


PACKAGE_EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "mentorrules" / "examples"


def _cases(paths: list[Path], key: str | None = None) -> list[dict[str, Any]]:
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    return [document[key] if key else document for document in documents]


def test_dotted_columns_give_the_nested_results() -> None:
    """pd.json_normalize of the bundled examples gives exactly the results of the nested frame."""
    cases = _cases(sorted(PACKAGE_EXAMPLES.glob("*.json")))
    assert len(cases) == 5
    dotted = pd.json_normalize(cases)
    # json_normalize writes an object null in some rows both as its own column and as dotted columns
    assert {"citizen.birth_date", "decisive_need", "decisive_need.outcome", "periods"} <= set(dotted.columns)
    assert "citizen" not in dotted.columns
    nested = evaluate_frame(pd.DataFrame(cases))
    pd.testing.assert_frame_equal(evaluate_frame(dotted), nested)
    assert nested["verdict"].tolist() == ["met", "needs_assessment", "not_met", "met", "not_met"]
    assert nested["fingerprint"].tolist() == [evaluate(load_case(case)).fingerprint for case in cases]


def test_dotted_columns_of_the_shared_scenarios(shared_cases_dir: Path) -> None:
    """Every public scenario, valid or not, gives the same row dotted (nested objects two deep too) and nested."""
    cases = _cases(sorted(shared_cases_dir.glob("*.json")), "case")
    dotted = pd.json_normalize(cases)
    assert any(name.count(".") == 2 for name in dotted.columns)  # psychiatric_discharge.in_connection.outcome
    pd.testing.assert_frame_equal(evaluate_frame(dotted), evaluate_frame(pd.DataFrame(cases)))


def test_mixed_forms_field_by_field() -> None:
    """One object nested, another dotted, and dates as timestamps in a dotted column: one case."""
    case = json.loads(EXAMPLE_TEXTS[2])
    frame = pd.DataFrame(
        {
            "decision_date": [case["decision_date"]],
            "citizen": [case["citizen"]],
            "decisive_need.outcome": [case["decisive_need"]["outcome"]],
            "decisive_need.on": [pd.Timestamp(case["decisive_need"]["on"])],
            "decisive_need.by": [case["decisive_need"]["by"]],
            "decisive_need.reason": [case["decisive_need"]["reason"]],
            **{
                name: [case[name]]
                for name in ("mentor", "tasks", "beyond_usual_duties", "periods", "purpose", "case_id")
            },
        }
    )
    result = evaluate_frame(frame)
    assert result.loc[0, "fingerprint"] == evaluate(load_case(case)).fingerprint


def test_missing_values_are_absent_keys() -> None:
    """None, NaN and NaT leave the key out: a required field is absent (not null), an all-missing object is absent."""
    frame = pd.DataFrame(
        {
            "decision_date": [None, "2024-02-20", "2024-02-20"],
            "decisive_need.outcome": [True, np.nan, np.nan],
            "decisive_need.on": ["2024-02-01", "2024-02-01", pd.NaT],
        }
    )
    result = evaluate_frame(frame)
    # load_case says "is required and must not be null" for a null; these keys were left out
    assert result.loc[0, "error"] == "1 bad field: decision_date: is required"
    assert result.loc[1, "error"] == "1 bad field: decisive_need.outcome: is required"
    assert pd.isna(result.loc[2, "error"])
    assert result.loc[2, "fingerprint"] == evaluate(load_case({"decision_date": "2024-02-20"})).fingerprint


def _column_errors(frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The frame-level error's (path, message) pairs; fails if any row was evaluated first."""

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a row was evaluated before the columns were checked")

    monkeypatch.setattr("mentorrules.frame.evaluate_many", never)
    with pytest.raises(CaseError) as info:
        evaluate_frame(frame)
    assert isinstance(info.value, ValueError)
    return [(error.path, error.message) for error in info.value.errors]


def test_bad_columns_are_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every column that cannot hold a field is named once, in column order, however many rows there are."""
    frame = pd.DataFrame(
        {
            "decision_date": ["2024-02-20"] * 4,
            "decison_date": ["2024-02-20"] * 4,
            "citizen.birth_dat": ["1990-05-01"] * 4,
            "periods.start": ["2024-03-01"] * 4,
            "purpose.kind": ["offer"] * 4,
            "citizen.": [None] * 4,
            "zzz": [1] * 4,
            7: [None] * 4,
        }
    )
    assert _column_errors(frame, monkeypatch) == [
        ("decison_date", "not a field of a case; did you mean 'decision_date'?"),
        ("citizen.birth_dat", "not a field of 'citizen'; did you mean 'citizen.birth_date'?"),
        ("periods.start", "'periods' is a list: keep each case's list whole, in the column 'periods'"),
        ("purpose.kind", "'purpose' is a single value, not an object with fields"),
        ("citizen.", "not a field of 'citizen'"),
        ("zzz", "not a field of a case"),
        ("7", "not a field of a case"),
    ]


def test_a_name_given_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pd.DataFrame([["2024-02-20", "a", "2024-02-20"]], columns=["decision_date", "case_id", "decision_date"])
    assert _column_errors(frame, monkeypatch) == [("decision_date", "2 columns have this name; give a field one")]


def test_required_fields_without_a_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """No decision_date, and objects in dotted columns without their required fields, also two deep."""
    frame = pd.DataFrame(
        {
            "case_id": ["a"],
            "decisive_need.on": ["2024-02-01"],
            "hours_assessment": [{"outcome": True}],
            "psychiatric_discharge.discharge_date": ["2024-01-15"],
            "psychiatric_discharge.inpatient": [True],
            "psychiatric_discharge.psychiatric": [True],
            "psychiatric_discharge.in_connection.by": ["LK"],
        }
    )
    message = "is required, and the frame has no column for it"
    assert _column_errors(frame, monkeypatch) == [
        ("decision_date", message),
        ("decisive_need.outcome", message),
        ("psychiatric_discharge.in_connection.outcome", message),
    ]


def test_an_object_in_both_forms_in_one_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row may hold an object whole or in dotted columns, not both; the rows are named, the first three only."""
    rows = 5
    frame = pd.DataFrame(
        {
            "citizen.birth_date": ["1990-05-01"] * rows,
            "decision_date": ["2024-02-20"] * rows,
            "citizen": [{"target_group": "flexjob"}] * rows,
            "mentor.name": ["A", None, None, None, "B"],
            "mentor": [{"name": "A"}, {"name": "B"}, None, None, {"name": "C"}],
        },
        index=list("abcde"),
    )
    advice = "give an object either whole in its own column or in dotted columns, not both"
    assert _column_errors(frame, monkeypatch) == [
        (
            "citizen.birth_date",
            f"has a value in the same row as the column 'citizen' (row 'a', 'b', 'c' and 2 more): {advice}",
        ),
        ("mentor.name", f"has a value in the same row as the column 'mentor' (row 'a', 'e'): {advice}"),
    ]


def test_an_object_in_both_forms_in_different_rows() -> None:
    """json_normalize's own layout: the object's column where it is null, dotted columns where it is not."""
    frame = pd.DataFrame(
        {
            "decision_date": ["2024-02-20", "2024-02-20"],
            "mentor": [{"name": "A", "employer": "company"}, None],
            "mentor.name": [None, "B"],
            "mentor.employer": [np.nan, "municipality"],
        }
    )
    cases = [
        {"decision_date": "2024-02-20", "mentor": {"name": "A", "employer": "company"}},
        {"decision_date": "2024-02-20", "mentor": {"name": "B", "employer": "municipality"}},
    ]
    pd.testing.assert_frame_equal(evaluate_frame(frame), evaluate_frame(pd.DataFrame(cases)))


def test_a_cpr_like_case_id_is_withheld_in_dotted_form() -> None:
    """DESIGN section 4: a case id that looks like a CPR number is never shown, whichever form the frame has."""
    case = json.loads(EXAMPLE_TEXTS[0])
    result = evaluate_frame(pd.json_normalize([{**case, "case_id": "010203-1234"}, case]))
    assert result["case_id"].tolist() == [WITHHELD_CASE_ID, "eksempel-01"]
    assert result["verdict"].tolist() == ["met", "met"]


def test_whole_cases_in_a_column_skip_the_column_check() -> None:
    """With column=, the other columns are not fields and are not checked."""
    frame = pd.DataFrame({"case": [json.loads(EXAMPLE_TEXTS[0])], "notes.x": ["anything"], "zzz": [1]})
    assert evaluate_frame(frame, column="case")["verdict"].tolist() == ["met"]


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    """pandas is optional: without it the function says how to install it."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install mentorrules\[pandas\]"):
        evaluate_frame(None)  # type: ignore[arg-type]
