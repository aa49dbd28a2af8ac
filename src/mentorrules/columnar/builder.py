"""
Cases written straight into the columnar layout: the converter from cases to tables.

:func:`cases_to_tables` turns cases (or JSON case documents, read by
:func:`~mentorrules.load_case`) into :class:`~mentorrules.columnar.CaseTables`.  It does
not write each case as a JSON document first: a function generated from the layout's
columns (:func:`flatten_source`) appends a case's facts to one Python list per column,
and every :data:`TABLE_ROWS` cases the lists become Arrow tables.  Being generated from
the columns, which are generated from the facts' descriptions, it cannot drift from the
JSON case format; a test holds its tables equal to those of the documents
:func:`~mentorrules.dump_case` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import pyarrow as pa

from mentorrules.codec.cases import load_case
from mentorrules.columnar import layout
from mentorrules.columnar.layout import CASE_KEY, PERIOD_INDEX, TASK_INDEX, CaseTables
from mentorrules.model.description import Kind
from mentorrules.model.exceptions import CaseError, FieldError
from mentorrules.model.facts import Case


__all__ = ["TABLE_ROWS", "TableBuilder", "cases_to_tables", "flatten_source"]

#: Cases written into Arrow columns at a time (:class:`TableBuilder`).
TABLE_ROWS = 2048


def _store(appender: str, value: str, kind: Kind) -> str:
    """Return the statement that appends a fact's value to its column (a choice's code, a list only if not empty)."""
    if kind is Kind.CHOICE:
        return f"x = {value}; {appender}(None if x is None else x._value_)"
    if kind is Kind.TEXTS:
        return f"{appender}({value} or None)"
    return f"{appender}({value})"


def _emit(lines: list[str], entries: list[tuple[tuple[str, ...], Kind, str]], owner: str, depth: int) -> None:
    """Append the statements that store ``owner``'s columns; an optional object that is absent stores nulls."""
    pad = "    " * depth
    position = 0
    while position < len(entries):
        parts, kind, appender = entries[position]
        if len(parts) == 1:
            lines.append(pad + _store(appender, f"{owner}.{parts[0]}", kind))
            position += 1
            continue
        head = parts[0]
        end = position
        while end < len(entries) and entries[end][0][0] == head:
            end += 1
        group = entries[position:end]
        inner = f"o{len(lines)}"
        lines.append(f"{pad}{inner} = {owner}.{head}")
        lines.append(f"{pad}if {inner} is None:")
        lines.extend(f"{pad}    {name}(None)" for _, _, name in group)
        lines.append(f"{pad}else:")
        _emit(lines, [(names[1:], kinds, name) for names, kinds, name in group], inner, depth + 1)
        position += len(group)


def flatten_source() -> str:
    """
    Return the source of ``flatten(case, key)``: append a case's facts to the columns of the three tables.

    Generated from the columns of the layout (:func:`~mentorrules.columnar.layout.case_columns` and the
    others), so it cannot drift from them; the appenders are named ``c0``, ``c1``, ... (cases), ``p0``, ...
    (periods: ``p_key``, ``p_index`` first) and ``t0``, ... (tasks).
    """
    lines = ["def flatten(case, key):", "    c_key(key)"]
    _emit(lines, [(tuple(c.name.split(".")), c.kind, f"c{i}") for i, c in enumerate(layout.case_columns())], "case", 1)
    lines += ["    for index, period in enumerate(case.periods):", "        p_key(key)", "        p_index(index)"]
    periods = layout.period_columns()
    _emit(lines, [(tuple(c.name.split(".")), c.kind, f"p{i}") for i, c in enumerate(periods)], "period", 2)
    lines += ["    for index, task in enumerate(case.tasks):", "        t_key(key)", "        t_index(index)"]
    _emit(lines, [(tuple(c.name.split(".")), c.kind, f"t{i}") for i, c in enumerate(layout.task_columns())], "task", 2)
    return "\n".join(lines) + "\n"


#: ``flatten``, compiled once.
_FLATTEN = compile(flatten_source(), "<mentorrules: columns of a case>", "exec")


#: The schemas of the three tables.
_SCHEMAS = (
    layout.schema(layout.case_columns(), (CASE_KEY,)),
    layout.schema(layout.period_columns(), (CASE_KEY, PERIOD_INDEX)),
    layout.schema(layout.task_columns(), (CASE_KEY, TASK_INDEX)),
)


class TableBuilder:
    """
    Valid cases written into the columnar layout: the tables :func:`~mentorrules.columnar.cases_to_tables` builds.

    The case keys are given, or ``"0"``, ``"1"``, ... in the order the cases are added.  The values are
    appended to Python lists and turned into Arrow tables every :data:`TABLE_ROWS` cases, so a
    batch holds its cases as Arrow columns, not as objects.
    """

    def __init__(self) -> None:
        self._schemas = _SCHEMAS
        self._columns: tuple[list[list[Any]], ...] = tuple([[] for _ in schema] for schema in self._schemas)
        self._parts: tuple[list[pa.Table], ...] = ([], [], [])
        self.count = 0
        names: dict[str, Callable[[Any], None]] = {}
        for prefix, columns in zip("cpt", self._columns, strict=True):
            keys = ("key",) if prefix == "c" else ("key", "index")
            for name, column in zip((*keys, *range(len(columns) - len(keys))), columns, strict=True):
                names[f"{prefix}_{name}" if isinstance(name, str) else f"{prefix}{name}"] = column.append
        exec(_FLATTEN, names)  # the generated function, with the appenders as its globals
        self._flatten: Callable[[Case, str], None] = names["flatten"]  # type: ignore[assignment]

    def add(self, case: Case, key: str | None = None) -> None:
        """Append a case, with its key (by default its position: ``"0"``, ``"1"``, ...)."""
        self._flatten(case, str(self.count) if key is None else key)
        self.count += 1
        if self.count % TABLE_ROWS == 0:
            self._flush()

    def _flush(self) -> None:
        for schema, columns, parts in zip(self._schemas, self._columns, self._parts, strict=True):
            parts.append(pa.table(dict(zip(schema.names, columns, strict=True)), schema=schema))
            for column in columns:
                column.clear()

    def tables(self) -> CaseTables:
        """Return the tables of the cases added."""
        self._flush()
        return CaseTables(*(pa.concat_tables(parts) for parts in self._parts))


def cases_to_tables(cases: Iterable[Case | Mapping[str, Any]], keys: Iterable[object] | None = None) -> CaseTables:
    """
    Return cases in the columnar layout: what :func:`~mentorrules.columnar.table_documents` turns back into the same documents.

    Args:
        cases: :class:`~mentorrules.Case` objects, or JSON case documents (mappings, read by
            :func:`~mentorrules.load_case`).
        keys: The case keys (strings; their ``str()`` is taken); by default ``"0"``, ``"1"``, ...

    Raises:
        CaseError: A document is not a valid case: its errors, their paths prefixed with its
            position (``[3].periods[0].end``).

    >>> tables = cases_to_tables([{"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]}])
    >>> tables.periods.column_names[:4]
    ['case_key', 'period', 'start', 'end']
    """
    builder = TableBuilder()
    errors: list[FieldError] = []
    key_iter = iter(keys) if keys is not None else None
    for position, item in enumerate(cases):
        key = str(next(key_iter)) if key_iter is not None else str(position)
        try:
            case = item if type(item) is Case else load_case(item)  # type: ignore[arg-type]
        except CaseError as error:
            errors += [
                attrs.evolve(e, path=f"[{position}].{e.path}" if e.path else f"[{position}]") for e in error.errors
            ]
            continue
        builder.add(case, key)
    if errors:
        raise CaseError(errors)
    return builder.tables()
