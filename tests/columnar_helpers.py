"""Comparing the columnar path with the per-case engine: every verdict, no tolerance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mentorrules import Case, Interpretation, UnsupportedDateError, evaluate, load_case
from mentorrules.columnar import ColumnarVerdicts, cases_to_tables, evaluate_columns
from mentorrules.columnar.engine import CASE_RULES, PERIOD_RULES


#: What one case's verdicts are: the aggregate and the law, and each (rule id, subject)'s verdict.
Verdicts = dict[Any, str | None]


def expected(case: Case, interpretation: Interpretation) -> Verdicts | str:
    """Return what evaluate() gives a case, or the name of the error it raises."""
    try:
        decision = evaluate(case, interpretation=interpretation)
    except UnsupportedDateError:
        return "UnsupportedDateError"
    found: Verdicts = {"verdict": decision.verdict.value, "law": decision.law.id}
    for finding in decision.findings:
        found[(finding.rule, finding.subject)] = finding.verdict.value
    return found


def subject(rule: str, period: int | None) -> str:
    """Return the subject of a per-period rule's finding about period ``period`` (None: no periods)."""
    if period is None:
        return "periods"
    return f"periods[{period}].agreement" if rule.startswith("agreement.") else f"periods[{period}]"


def actual(result: ColumnarVerdicts) -> dict[Any, Verdicts | str]:
    """Return the columnar verdicts by case key, shaped as expected() shapes them."""
    found: dict[Any, Verdicts | str] = {}
    for row in result.cases.to_pylist():
        if row["error"] is not None:
            found[row["case_key"]] = row["error"]
            continue
        verdicts: Verdicts = {"verdict": row["verdict"], "law": row["law"]}
        verdicts.update({(rule, ""): row[rule] for rule in CASE_RULES})
        found[row["case_key"]] = verdicts
    for row in result.periods.to_pylist():
        verdicts = found[row["case_key"]]
        if isinstance(verdicts, dict):
            verdicts.update({(rule, subject(rule, row["period"])): row[rule] for rule in PERIOD_RULES})
    return found


def mismatches(
    cases: Sequence[Case | Mapping[str, Any]], interpretation: Interpretation, keys: Iterable[str] | None = None
) -> list[tuple[int, Any, Any]]:
    """Return (position, evaluate's, the columnar path's) for every case where any verdict differs."""
    loaded = [case if isinstance(case, Case) else load_case(case) for case in cases]
    key_list = list(keys) if keys is not None else [str(i) for i in range(len(loaded))]
    result = evaluate_columns(cases_to_tables(loaded, keys=key_list), interpretation=interpretation)
    columnar = actual(result)
    differ = []
    for position, (key, case) in enumerate(zip(key_list, loaded, strict=True)):
        want, got = expected(case, interpretation), columnar[key]
        if want != got:
            differ.append((position, want, got))
    return differ
