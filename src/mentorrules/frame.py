"""
Data frames (*tabeller*): evaluate a pandas DataFrame of cases in a notebook.

:func:`evaluate_frame` takes a :class:`pandas.DataFrame` whose rows are cases
and returns one row per case: the verdict, the law version, the worst verdict
of every rule, how many findings a caseworker must still act on, the
fingerprint of the decision, and the error of a row that is not a valid case.
pandas is an optional dependency (``pip install mentorrules[pandas]``); it is
imported only when the function is called.

A frame holds its cases in one of two forms, or in one column:

*Nested* (what ``pd.DataFrame(cases)`` and ``pd.read_json(..., lines=True)`` give)
    One column per field of :class:`~mentorrules.Case`, named as the field
    (``decision_date``, ``citizen``, ``periods``, ...), holding the field's
    JSON value: an object as a mapping, a list as a list.
*Dotted* (what :func:`pandas.json_normalize` gives)
    An object's fields spread over columns named by their path
    (``citizen.birth_date``, ``decisive_need.outcome``); lists stay whole in
    one column (``periods``, ``tasks``).  The two forms mix freely, field by
    field, and give the same results for the same cases.
*One column* (``column=``)
    Each cell a whole case: a mapping, JSON text or a :class:`~mentorrules.Case`.

In the nested and the dotted form a missing value (``None``, ``NaN``, ``NA``,
``NaT``) means that the key is absent from the row's case: the fact is
*unknown*, as ``null`` is.  An object whose columns are all missing in a row is
absent as a whole, which is how :func:`~pandas.json_normalize` writes an
object that was ``null``.

The columns are checked once, before any row is read.  A column that cannot
hold a field of a case (an unknown name, a path into a value or into a list
such as ``periods.start``), a name given to two columns, a required field
without a column (``decision_date``, or ``decisive_need.outcome`` beside
other ``decisive_need.*`` columns), and a row with a value both in an
object's column and in one of its dotted columns (``citizen`` and
``citizen.birth_date``) raise one :class:`~mentorrules.CaseError` whose
``errors`` name every bad column by its name.  A row that is not a valid case
is not an error of the frame: the row's ``error`` column says why.

In a notebook::

    import json

    import pandas as pd
    from mentorrules.frame import evaluate_frame

    cases = pd.read_json("cases.jsonl", lines=True, dtype=False)  # nested: one column per Case field
    # or, from records a system exported: pd.json_normalize([json.loads(line) for line in open("cases.jsonl")])
    decisions = evaluate_frame(cases)
    decisions["verdict"].value_counts()
    decisions[decisions["duration.period_length"] == "not_met"]
    cases.join(decisions)  # same index as the input

Keep dates as text when reading (``dtype=False``), or convert them back:
timestamps are accepted and read as their date.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections import Counter
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from mentorrules.batch import evaluate_many
from mentorrules.codec.cases import case_schema
from mentorrules.engine.evaluate import rule_catalogue
from mentorrules.engine.notices import case_id_withheld
from mentorrules.law.interpretation import Interpretation
from mentorrules.model.exceptions import CaseError, FieldError
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

#: The row labels a frame-level error names before it says how many more there are.
_SHOWN_ROWS = 3


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
        df: The cases.  Either the columns are named as the fields of
            :class:`~mentorrules.Case`, nested (``citizen`` holding a
            mapping), dotted (``citizen.birth_date``, as
            :func:`pandas.json_normalize` writes them) or both, and hold
            JSON-compatible values, where a missing value (``None``, ``NaN``,
            ``NA``, ``NaT``) means the key is absent (*unknown*); or
            ``column`` names the one column that holds each case as a
            mapping, as JSON text or as a :class:`~mentorrules.Case`.
        interpretation: The interpretation applied to every case.
        column: The column holding whole cases, or ``None`` for columns named
            as the fields.
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
        CaseError: Without ``column``: the columns cannot be the fields of a
            case (see the module documentation).  Raised once, before any row
            is evaluated; its ``errors`` name every bad column by its name.

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

    The dotted columns of :func:`pandas.json_normalize` give the same results:

    >>> records = [{"decision_date": "2024-02-20", "citizen": {"birth_date": "1990-05-01"}}, {"decision_date": "2024-02-20"}]
    >>> dotted = pd.json_normalize(records)
    >>> list(dotted.columns)
    ['decision_date', 'citizen.birth_date']
    >>> evaluate_frame(dotted).equals(evaluate_frame(pd.DataFrame(records)))
    True
    >>> evaluate_frame(pd.DataFrame({"decision_date": ["2024-02-20"], "citizen.birth_dat": ["1990-05-01"]}))
    Traceback (most recent call last):
    ...
    mentorrules.model.exceptions.CaseError: 1 bad field: citizen.birth_dat: not a field of 'citizen'; did you mean 'citizen.birth_date'?
    """
    try:
        import pandas as pd  # optional dependency, imported on use
    except ImportError as exc:
        raise ImportError("evaluate_frame needs pandas: pip install mentorrules[pandas]") from exc
    missing = (pd.NA, pd.NaT)
    items: Iterator[Any]
    if column is None:
        items = _nested_rows(df, _field_paths(df, missing), missing)
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


# --- the columns: which field of a case each one holds --------------------------------------------


class _Object(NamedTuple):
    """An object of the case format: its fields (a nested :class:`_Object`, ``"list"`` or ``"value"``)."""

    fields: Mapping[str, _Object | str]
    required: frozenset[str]


def _read_case_object() -> _Object:
    """Return the fields of a case, read from the case format's JSON Schema (:func:`~mentorrules.case_schema`)."""
    definitions: dict[str, Any] = case_schema()["$defs"]

    def read_object(spec: dict[str, Any]) -> _Object:
        fields = {name: read_field(field) for name, field in spec["properties"].items()}
        return _Object(MappingProxyType(fields), frozenset(spec["required"]))

    def read_field(spec: dict[str, Any]) -> _Object | str:
        for alternative in spec.get("anyOf", [spec]):
            if "$ref" in alternative:  # an object, or null
                return read_object(definitions[alternative["$ref"].rpartition("/")[2]])
        types = spec.get("type", [])
        return "list" if "array" in ([types] if isinstance(types, str) else types) else "value"

    return read_object(definitions["Case"])


#: The fields of a case, read once on import (a fraction of a millisecond): a tuple of read-only mappings,
#: so no module-level state that a thread could change.
_CASE_OBJECT: Final = _read_case_object()


def _field_paths(df: pd.DataFrame, missing: tuple[object, ...]) -> list[tuple[str, ...]]:
    """
    Return the path of the field each column holds (``("citizen", "birth_date")``), in column order.

    Raises:
        CaseError: Some columns cannot be the fields of a case; every bad column is named.
    """
    names = [str(name) for name in df.columns]
    paths = [tuple(name.split(".")) for name in names]
    counts = Counter(names)
    errors: list[FieldError] = []
    valid: dict[tuple[str, ...], int] = {}  # the path of each good column, and its position
    for position, (name, path) in enumerate(zip(names, paths, strict=True)):
        if counts[name] > 1:
            if names.index(name) == position:  # reported once, at the first of the columns
                errors.append(FieldError(path=name, message=f"{counts[name]} columns have this name; give a field one"))
        elif (message := _path_error(path)) is not None:
            errors.append(FieldError(path=name, message=message))
        else:
            errors.extend(_overlaps(df, (path, position), valid, missing))
            valid[path] = position
    errors.extend(
        FieldError(path=".".join(path), message="is required, and the frame has no column for it")
        for path in _required_without_column(set(paths))
    )
    if errors:
        raise CaseError(errors)
    return paths


def _path_error(path: tuple[str, ...]) -> str | None:
    """Return why a column cannot hold the field at ``path``, or ``None`` if it can."""
    node: _Object | str = _CASE_OBJECT
    for depth, key in enumerate(path):
        owner = ".".join(path[:depth])
        if isinstance(node, str):
            if node == "list":
                return f"{owner!r} is a list: keep each case's list whole, in the column {owner!r}"
            return f"{owner!r} is a single value, not an object with fields"
        if key not in node.fields:
            close = difflib.get_close_matches(key, list(node.fields), n=1)
            hint = f"; did you mean {'.'.join((*path[:depth], close[0]))!r}?" if close else ""
            return f"not a field of {repr(owner) if owner else 'a case'}{hint}"
        node = node.fields[key]
    return None


def _overlaps(
    df: pd.DataFrame,
    column: tuple[tuple[str, ...], int],
    earlier: dict[tuple[str, ...], int],
    missing: tuple[object, ...],
) -> list[FieldError]:
    """
    Return an error for each earlier column that holds an object around the column's field, or a field in it.

    An object may have a column of its own (``citizen``, nested) and dotted
    columns (``citizen.birth_date``): :func:`pandas.json_normalize` writes
    both for an object that is ``null`` in some rows.  But no row may have a
    value in both, which would leave it unclear which one holds the object.
    """
    errors = []
    for other in earlier.items():
        (outer, outer_at), (inner, inner_at) = sorted((other, column), key=lambda item: len(item[0]))
        if inner[: len(outer)] != outer:
            continue
        rows = [
            label
            for label, a, b in zip(df.index, df.iloc[:, outer_at], df.iloc[:, inner_at], strict=True)
            if _plain(a, missing) is not None and _plain(b, missing) is not None
        ]
        if rows:
            more = f" and {len(rows) - _SHOWN_ROWS} more" if len(rows) > _SHOWN_ROWS else ""
            shown = ", ".join(map(repr, rows[:_SHOWN_ROWS])) + more
            message = (
                f"has a value in the same row as the column {'.'.join(outer)!r} (row {shown}): "
                "give an object either whole in its own column or in dotted columns, not both"
            )
            errors.append(FieldError(path=".".join(inner), message=message))
    return errors


def _required_without_column(paths: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """
    Return the required fields no column holds.

    They are the case's own (``decision_date``), and those of an object
    given in dotted columns (``decisive_need.on`` without
    ``decisive_need.outcome``): such columns could never make a valid object.
    """
    absent: list[tuple[str, ...]] = []

    def has_column(path: tuple[str, ...], *, inside: bool) -> bool:
        return any(p[: len(path)] == path and (len(p) > len(path) or not inside) for p in paths)

    def visit(prefix: tuple[str, ...], node: _Object) -> None:
        for name, field in node.fields.items():
            path = (*prefix, name)
            if name in node.required and not has_column(path, inside=False):
                absent.append(path)
            if isinstance(field, _Object) and has_column(path, inside=True):
                visit(path, field)

    visit((), _CASE_OBJECT)
    return absent


def _nested_rows(
    df: pd.DataFrame, paths: list[tuple[str, ...]], missing: tuple[object, ...]
) -> Iterator[dict[str, Any]]:
    """Yield each row as a case: the nested mapping of its fields, without the missing values."""
    for row in df.itertuples(index=False, name=None):
        case: dict[str, Any] = {}
        for path, cell in zip(paths, row, strict=True):
            value = _plain(cell, missing)
            if value is None:
                continue
            target = case
            for key in path[:-1]:
                target = target.setdefault(key, {})
            target[path[-1]] = value
        yield case


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
