"""``mentorrules demo`` ends with a command that works as printed, however the program was started."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentorrules import cli


ROOT = Path(__file__).resolve().parents[1]
PREFIX = {"da": "Den fulde begrundelse for en sag:", "en": "The full reasoning of one case:"}


def hint_of(output: str, lang: str) -> str:
    """The command on the demo's last line, under the line that announces it."""
    *_, heading, last = output.rstrip("\n").splitlines()
    assert heading == PREFIX[lang]
    assert last.startswith("  ")
    return last.strip()


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("started", ["script", "module"])
@pytest.mark.parametrize("where", ["project", "elsewhere"])
def test_the_closing_hint_runs_as_printed(lang: str, started: str, where: str, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("mentorrules")
    if started == "script" and not script.exists():  # pragma: no cover - installed without scripts
        pytest.skip("no console script")
    program = [os.path.relpath(script, ROOT)] if started == "script" else [sys.executable, "-m", "mentorrules"]
    cwd = ROOT if where == "project" else tmp_path
    if where == "elsewhere":
        program[0] = str(script) if started == "script" else program[0]
    demo = subprocess.run(
        [*program, "demo", "--lang", lang], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )
    assert demo.returncode == 0, demo.stderr
    command = hint_of(demo.stdout, lang)
    if where == "project":
        assert "src/mentorrules/examples/03_company_mentor_usual_duties.json" in command.split()
    shown = subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True, check=False, timeout=120)
    assert shown.returncode == 1, shown.stderr  # the example is not met: its reasoning is the point
    assert shown.stderr == ""
    assert "eksempel-03" in shown.stdout
    assert ("Samlet vurdering: ikke opfyldt" if lang == "da" else "Overall: not met") in shown.stdout


def test_the_hint_falls_back_to_the_program_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [""])
    assert cli._hint("da").startswith("mentorrules check ")


def test_a_path_outside_the_current_directory_is_shown_whole(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli._shown_path("/somewhere/else.json") == "/somewhere/else.json"
    assert cli._shown_path(str(tmp_path / "here.json")) == "here.json"
