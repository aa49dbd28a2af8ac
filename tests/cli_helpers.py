"""Helpers of the command-line tests: run ``mentorrules`` in a subprocess or in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentorrules import cli


def run(
    *args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m mentorrules ARGS`` in a subprocess (``env`` is added to this process's environment)."""
    return subprocess.run(
        [sys.executable, "-m", "mentorrules", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def call(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run ``cli.main([ARGS])`` in-process; return the status, standard output and standard error."""
    status = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


def compact(path: Path) -> str:
    """A JSON file's case as one line of JSON."""
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
