"""The pieces wired together: the CLI's delegated commands and input that is not text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorrules import CaseError, load_case
from mentorrules.cli import main


WORKED_EXAMPLE = {
    "kind": "wage",
    "hourly_cost": "250.00",
    "mentor_hours": 104,
    "usual_work_hours": 26,
    "sick_hours": 8,
    "travel_hours": 52,
    "travel_expenses": "300.00",
    "overhead": "1750.00",
}


def test_costs_command_runs_through_the_main_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mentorrules costs` is wired into the command line and prints the worked example's amount."""
    claim = tmp_path / "claim.json"
    claim.write_text(json.dumps(WORKED_EXAMPLE), encoding="utf-8")
    status = main(["costs", str(claim), "--on", "2024-05-01", "--format", "json"])
    record = json.loads(capsys.readouterr().out)
    assert (0, "17500.00") == (status, record["amount"])


def test_practice_command_runs_through_the_main_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`mentorrules practice` is wired into the command line and prints the bundled Assens profile."""
    status = main(["practice", "--profile", "assens", "--lang", "en"])
    assert 0 == status
    assert "Jobcenter Assens" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ('{"decision_date": "2024-02-20", "case_id": "\\ud800"}', "case_id"),
        (
            '{"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31",'
            ' "agreement": {"written": true, "tasks": ["ok", "\\udfff x"]}}]}',
            "periods[0].agreement.tasks[1]",
        ),
        ('{"decision_date": "2024-02-20", "tasks": [{"description": "\\ud83d"}]}', "tasks[0].description"),
    ],
)
def test_a_lone_surrogate_is_an_input_error_naming_the_field(document: str, path: str) -> None:
    """A JSON string holding a lone surrogate is not text (RFC 8259, 8.2): an input error naming its path."""
    with pytest.raises(CaseError) as raised:
        load_case(document)
    assert (path,) == raised.value.paths
    assert "lone surrogate" in raised.value.errors[0].message


def test_a_surrogate_pair_is_text() -> None:
    """An escaped surrogate pair is one character (an emoji) and loads."""
    case = load_case('{"decision_date": "2024-02-20", "case_id": "\\ud83d\\ude00"}')
    assert "\U0001f600" == case.case_id
