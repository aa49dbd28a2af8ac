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

from mentorrules import Decision, Interpretation, evaluate, load_case, rule_catalogue
from mentorrules.batch import evaluate_many
from mentorrules.frame import _plain, evaluate_frame


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


def test_unknown_field_is_an_error_per_row() -> None:
    """Columns are Case fields: a misspelt one is reported for every row."""
    result = evaluate_frame(pd.DataFrame({"decison_date": ["2024-02-20"]}))
    assert "decison_date" in str(result.loc[0, "error"])


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    """pandas is optional: without it the function says how to install it."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install mentorrules\[pandas\]"):
        evaluate_frame(None)  # type: ignore[arg-type]
