"""
The public scenarios in ``../shared/cases/*.json``, run exactly as their README describes.

Each file is one legal scenario (``name``, ``why``, optional ``interpretation``,
``case`` and ``expect``).  The files are globbed at collection time (see
``pytest_generate_tests`` in ``conftest.py``), so a new file is picked up without
touching this module, and each gets the test id of its file name.

``expect`` semantics (cases/README.md):

* ``verdict``: the decision's aggregate verdict;
* ``findings``: each listed finding must match at least one finding of the same
  ``rule`` (and ``subject``, when given) with the ``verdict`` (or one of
  ``verdict_in``), every listed ``facts`` entry equal when both are compared as
  strings, and ``reference_contains`` a substring of one of its citations;
  findings not listed are not constrained;
* ``notices``: notice codes that must be present;
* ``error``: ``CaseError`` or ``UnsupportedDateError`` raised by ``load_case`` or
  ``evaluate``, with ``paths`` that ``CaseError.errors`` must include.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from builders import complete_case_data
from mentorrules import CaseError, Decision, Finding, Interpretation, UnsupportedDateError, evaluate, load_case


ERRORS: dict[str, type[Exception]] = {"CaseError": CaseError, "UnsupportedDateError": UnsupportedDateError}
EXPECT_KEYS = {"verdict", "findings", "notices", "error", "paths"}
FINDING_KEYS = {"rule", "subject", "verdict", "verdict_in", "facts", "reference_contains"}


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        scenario: dict[str, Any] = json.load(handle)
    return scenario


def _decide(scenario: dict[str, Any]) -> Decision:
    interpretation = Interpretation(**scenario.get("interpretation", {}))
    # case_text, where given, is the JSON text itself (a key written twice, how a number is written)
    document = scenario["case_text"] if "case_text" in scenario else scenario["case"]
    return evaluate(load_case(document), interpretation=interpretation)


def _as_text(value: Any) -> str:
    """Compare facts "as strings": JSON null, true and false as str() of the decoded Python value."""
    return str(value)


def _matches(expected: dict[str, Any], finding: Finding) -> bool:
    if "verdict" in expected and finding.verdict.value != expected["verdict"]:
        return False
    if "verdict_in" in expected and finding.verdict.value not in expected["verdict_in"]:
        return False
    facts = finding.to_dict()["facts"]
    for key, value in expected.get("facts", {}).items():
        if key not in facts or _as_text(facts[key]) != _as_text(value):
            return False
    needle = expected.get("reference_contains")
    return needle is None or any(needle in reference.citation for reference in finding.references)


def _describe(finding: Finding) -> str:
    data = finding.to_dict()
    citations = [reference["citation"] for reference in data["references"]]
    return f"{data['subject']!r}: {data['verdict']} facts={data['facts']} citations={citations}"


def _problems(expect: dict[str, Any], decision: Decision) -> list[str]:
    problems = []
    if "verdict" in expect and decision.verdict.value != expect["verdict"]:
        problems.append(f"verdict: expected {expect['verdict']}, got {decision.verdict.value}")
    for expected in expect.get("findings", []):
        candidates = [
            finding
            for finding in decision.findings
            if finding.rule == expected["rule"]
            and ("subject" not in expected or finding.subject == expected["subject"])
        ]
        if not any(_matches(expected, finding) for finding in candidates):
            found = "; ".join(_describe(finding) for finding in candidates) or "no finding of that rule and subject"
            problems.append(f"finding {expected} not matched; found {found}")
    codes = [notice.code for notice in decision.notices]
    problems.extend(
        f"notice {code!r} missing; notices present: {codes}" for code in expect.get("notices", []) if code not in codes
    )
    return problems


def test_shared_cases_directory_has_the_scenarios(shared_cases_dir: Path) -> None:
    """The public scenario set (../shared/cases) is present beside the project with at least 15 files."""
    files = sorted(shared_cases_dir.glob("*.json"))
    assert len(files) >= 15, f"expected at least 15 scenarios in {shared_cases_dir}, found {[f.name for f in files]}"


def test_scenario(scenario_path: Path) -> None:
    """The scenario's decision (or input error) is what its ``expect`` says, for the legal reason in its ``why``."""
    scenario = _load(scenario_path)
    expect = scenario["expect"]
    assert set(expect) <= EXPECT_KEYS, f"unknown expect keys {set(expect) - EXPECT_KEYS} in {scenario_path.name}"
    for expected in expect.get("findings", []):
        assert set(expected) <= FINDING_KEYS, f"unknown finding keys {set(expected) - FINDING_KEYS}: {expected}"
        assert ("verdict" in expected) != ("verdict_in" in expected), f"give verdict or verdict_in: {expected}"
    reason = f"{scenario_path.name}: {scenario['name']} ({scenario['why']})"

    if "error" in expect:
        error_type = ERRORS[expect["error"]]
        with pytest.raises(error_type) as raised:
            _decide(scenario)
        if "paths" in expect:
            assert isinstance(raised.value, CaseError)
            got = [error.path for error in raised.value.errors]
            missing = [path for path in expect["paths"] if path not in got]
            assert missing == [], f"{reason}: CaseError paths {got} lack {missing}"
        return

    decision = _decide(scenario)
    assert _problems(expect, decision) == [], reason


# --- the runner itself must be able to fail -----------------------------------------


def _p01() -> dict[str, Any]:
    return {
        "decision_date": "2024-02-20",
        "purpose": "offer",
        "periods": [{"start": "2024-03-01", "end": "2024-08-31"}],
    }


@pytest.mark.parametrize(
    ("expect", "fragment"),
    [
        ({"verdict": "met"}, "verdict: expected met"),
        ({"findings": [{"rule": "duration.period_length", "verdict": "not_met"}]}, "not matched"),
        ({"findings": [{"rule": "duration.period_length", "subject": "periods[9]", "verdict": "met"}]}, "no finding"),
        ({"findings": [{"rule": "duration.period_length", "verdict_in": ["not_met", "missing_facts"]}]}, "not matched"),
        (
            {"findings": [{"rule": "duration.period_length", "verdict": "met", "facts": {"max_end": "2024-09-01"}}]},
            "2024-08-31",
        ),
        (
            {"findings": [{"rule": "duration.period_length", "verdict": "met", "facts": {"nonexistent": "None"}}]},
            "not matched",
        ),
        (
            {"findings": [{"rule": "duration.period_length", "verdict": "met", "reference_contains": "§ 31"}]},
            "LAB § 167",
        ),
        ({"notices": ["law.transition"]}, "notice 'law.transition' missing"),
    ],
)
def test_runner_reports_each_mismatch(expect: dict[str, Any], fragment: str) -> None:
    """Every kind of expectation the README defines can fail, and the message shows what was found."""
    decision = _decide({"case": _p01()})
    problems = _problems(expect, decision)
    assert len(problems) == 1
    assert fragment in problems[0]


def test_runner_accepts_a_matching_expectation() -> None:
    """A finding listed with rule, subject, verdict_in, facts (compared as strings) and a citation fragment matches."""
    decision = _decide({"case": _p01(), "interpretation": {"ambiguous_dates": "strict"}})
    expect = {
        "verdict": decision.verdict.value,
        "findings": [
            {
                "rule": "duration.period_length",
                "subject": "periods[0]",
                "verdict_in": ["met", "needs_assessment"],
                "facts": {"max_end": "2024-08-31", "start": "2024-03-01"},
                "reference_contains": "167, stk. 1",
            },
            {"rule": "agreement.written", "subject": "periods[0].agreement", "verdict": "missing_facts"},
        ],
    }
    assert _problems(expect, decision) == []
    assert decision.interpretation.ambiguous_dates.value == "strict"


def test_facts_compare_as_strings() -> None:
    """JSON ``true`` and ``null`` in an expectation equal the ``True`` and ``None`` a finding reports."""
    decision = _decide({"case": complete_case_data()})
    expect = {
        "findings": [
            {"rule": "agreement.written", "verdict": "met", "facts": json.loads('{"written": true}')},
            {"rule": "agreement.mentor_name", "verdict": "met", "facts": json.loads('{"matches": true}')},
            {"rule": "eligibility.decisive_need", "verdict": "met", "facts": {"assessed_on": "2024-02-20"}},
        ]
    }
    assert _problems(expect, decision) == []
    wrong = {"findings": [{"rule": "agreement.written", "verdict": "met", "facts": json.loads('{"written": null}')}]}
    assert len(_problems(wrong, decision)) == 1
