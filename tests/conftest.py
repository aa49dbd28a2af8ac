"""
Shared test configuration: Hypothesis profiles and the public scenario directory.

Hypothesis profiles (choose with the environment variable ``HYPOTHESIS_PROFILE``):

``dev`` (default)
    50 examples per property: quick feedback while editing.
``ci``
    200 examples, no deadline, derandomized (the same examples on every run, so a
    red build is reproducible) and the failure blob printed for ``@reproduce_failure``.
``fuzz``
    5,000 examples, no deadline, for a long hunt; the ``too_slow`` health check is
    suppressed there only.

The tests directory is put on ``sys.path`` so that test modules can share
``builders`` (pytest runs with ``--import-mode=importlib``, which does not add it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


TESTS_DIR = Path(__file__).resolve().parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def shared_cases_dir() -> Path:
    """
    Return ``../shared/cases`` beside the project, failing the test if it is missing.

    The public scenarios live outside the project (``/work/shared/cases`` next to
    ``/work/main``); a missing directory must fail loudly rather than make the
    scenario tests pass vacuously.
    """
    path = Path(__file__).resolve().parents[2] / "shared" / "cases"
    if not path.is_dir():
        pytest.fail(f"../shared/cases not found beside the project: {path}")
    return path


@pytest.fixture(name="shared_cases_dir")
def shared_cases_dir_fixture() -> Path:
    """The public scenario directory (``../shared/cases``); fails if it is missing."""
    return shared_cases_dir()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``scenario_path`` over ``../shared/cases/*.json`` at collection time, one id per file name."""
    if "scenario_path" in metafunc.fixturenames:
        files = sorted(shared_cases_dir().glob("*.json"))
        metafunc.parametrize("scenario_path", files, ids=[path.name for path in files])
