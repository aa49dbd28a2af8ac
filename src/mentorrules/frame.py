"""
Data frames (*tabeller*): evaluate a pandas DataFrame of cases in a notebook.

:func:`evaluate_frame` takes a :class:`pandas.DataFrame` whose rows are cases
and returns one row per case: the verdict, the law version, the worst verdict
of every rule, how many findings a caseworker must still act on, the
fingerprint of the decision, and the error of a row that is not a valid case.
pandas is an optional dependency (``pip install mentorrules[pandas]``); it is
imported only when the function is called.

In a notebook::

    import pandas as pd
    from mentorrules.frame import evaluate_frame

    cases = pd.read_json("cases.jsonl", lines=True, dtype=False)  # one column per Case field
    decisions = evaluate_frame(cases)
    decisions["verdict"].value_counts()
    decisions[decisions["duration.period_length"] == "not_met"]
    cases.join(decisions)  # same index as the input

Keep dates as text when reading (``dtype=False``), or convert them back:
timestamps are accepted and read as their date.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from mentorrules.batch import evaluate_many
from mentorrules.engine.evaluate import rule_catalogue
from mentorrules.engine.notices import case_id_withheld
from mentorrules.law.interpretation import Interpretation
from mentorrules.model.outcomes import Decision, Verdict


if TYPE_CHECKING:
    import pandas as pd


__all__ = ["evaluate_frame"]

_DEFAULT = Interpretation()

#: From the least to the most serious: a rule's column shows the most serious verdict of its findings.
_SEVERITY = MappingProxyType(
    {
        Verdict.NOT_APPLICABLE: 0,
        Verdict.MET: 1,
        Verdict.NEEDS_ASSESSMENT: 2,
        Verdict.MISSING_FACTS: 3,
        Verdict.NOT_MET: 4,
    }
)


def evaluate_frame(
    df: pd.DataFrame,
    *,
    interpretation: Interpretation = _DEFAULT,
    column: str | None = None,
    jobs: int = 1,
) -> pd.DataFrame:
    """
    Evaluate every row of a DataFrame as a case and return one row of results per case.

    Args:
        df: The cases.  Either every column is named as a field of
            :class:`~mentorrules.Case` (``decision_date``, ``citizen``,
            ``periods``, ...) and holds JSON-compatible values (missing
            values, ``NaN`` and ``NA``, mean *unknown*), or ``column`` names
            the one column that holds each case as a mapping, as JSON text or
            as a :class:`~mentorrules.Case`.
        interpretation: The interpretation applied to every case.
        column: The column holding whole cases, or ``None`` for one column
            per field.
        jobs: Worker processes (see :func:`~mentorrules.evaluate_many`).

    Returns:
        A DataFrame with the index of ``df`` and the columns ``case_id``,
        ``verdict``, ``law``, one column per rule id in catalogue order (the
        most serious verdict of the rule's findings: ``not_met`` before
        ``missing_facts``, ``needs_assessment``, ``met`` and
        ``not_applicable``), ``unresolved`` (the number of findings a
        caseworker must still act on), ``fingerprint`` and ``error`` (the
        message for a row that is not a valid case, whose other columns are
        ``NA``).  Text columns have the ``string`` dtype, ``unresolved`` is
        ``Int64``.

    Raises:
        ImportError: pandas is not installed.
        KeyError: ``column`` is not a column of ``df``.

    >>> import pandas as pd
    >>> cases = pd.DataFrame({
    ...     "case_id": ["a", "b", "c"],
    ...     "decision_date": ["2024-02-20", "2024-02-20", "20. februar"],
    ...     "periods": [[{"start": "2024-03-01", "end": "2024-08-31"}], [{"start": "2024-03-01", "end": "2024-09-01"}], None],
    ... })
    >>> result = evaluate_frame(cases)
    >>> result["duration.period_length"].tolist()
    ['met', 'not_met', <NA>]
    >>> result["error"].notna().tolist()
    [False, False, True]
    """
    try:
        import pandas as pd  # optional dependency, imported on use
    except ImportError as exc:
        raise ImportError("evaluate_frame needs pandas: pip install mentorrules[pandas]") from exc
    missing = (pd.NA, pd.NaT)
    if column is None:
        names = [str(name) for name in df.columns]
        items: Iterator[Any] = (
            {name: _plain(value, missing) for name, value in zip(names, row, strict=True)}
            for row in df.itertuples(index=False, name=None)
        )
    else:
        if column not in df.columns:
            raise KeyError(f"no column {column!r}; the columns are {', '.join(map(str, df.columns))}")
        items = (_plain(value, missing) for value in df[column])
    rule_ids = [info.id for info in rule_catalogue()]
    columns = ["case_id", "verdict", "law", *rule_ids, "unresolved", "fingerprint", "error"]
    data: dict[str, list[Any]] = {name: [] for name in columns}
    for result in evaluate_many(items, interpretation=interpretation, jobs=jobs):
        row = _row(result, rule_ids) if isinstance(result, Decision) else {"error": str(result)}
        for name in columns:
            data[name].append(row.get(name, pd.NA))
    frame = pd.DataFrame(data, index=df.index, columns=columns)
    return frame.astype({name: ("Int64" if name == "unresolved" else "string") for name in columns})


def _row(decision: Decision, rule_ids: list[str]) -> dict[str, object]:
    worst: dict[str, Verdict] = {}
    for finding in decision.findings:
        current = worst.get(finding.rule)
        if current is None or _SEVERITY[finding.verdict] > _SEVERITY[current]:
            worst[finding.rule] = finding.verdict
    row: dict[str, object] = {rule: worst[rule].value for rule in rule_ids if rule in worst}
    row.update(
        case_id=_shown_case_id(decision),
        verdict=decision.verdict.value,
        law=decision.law.id,
        unresolved=len(decision.unresolved()),
        fingerprint=decision.fingerprint,
    )
    return {key: value for key, value in row.items() if value is not None}


#: The case id a frame shows for one that looks like a CPR number (DESIGN section 4: never shown).
WITHHELD_CASE_ID = "<withheld: looks like a CPR number>"


def _shown_case_id(decision: Decision) -> str | None:
    """Return the case id to show: the placeholder when it looks like a CPR number (a privacy notice names it)."""
    if case_id_withheld(decision):
        return WITHHELD_CASE_ID
    return decision.case.case_id


def _plain(value: object, missing: tuple[object, ...]) -> object:
    """
    Return a cell as a plain JSON value.

    ``None``, ``NaN`` and the ``missing`` markers (pandas' ``NA`` and ``NaT``)
    become ``None``; numpy scalars and arrays become Python values and lists;
    dates, datetimes and timestamps become ISO dates.
    """
    if isinstance(value, dict):
        return {key: _plain(item, missing) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item, missing) for item in value]
    if value is None or any(value is marker for marker in missing) or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, _dt.date):  # also datetime and pandas.Timestamp
        return (value.date() if isinstance(value, _dt.datetime) else value).isoformat()
    tolist = getattr(value, "tolist", None)
    if tolist is not None:  # numpy scalars and arrays
        return _plain(tolist(), missing)
    return value
