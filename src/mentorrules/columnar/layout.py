"""
The columnar layout of cases: three tables linked by a case key.

A case (DESIGN section 3) is a tree: a case, its periods (each with its written
agreement), and the mentor's tasks.  Flattened for column stores it is three tables:

* **cases**: one row per case: ``case_key`` and one column per fact of the case,
  nested objects flattened with dots (``citizen.birth_date``,
  ``decisive_need.outcome``, ``psychiatric_discharge.in_connection.outcome``);
* **periods**: one row per period: ``case_key``, ``period`` (the period's input
  index, 0-based; optional: without it the rows of a case count in table order),
  ``start``, ``end``, ``assessment.*`` and the agreement flattened
  (``agreement.written``, ``agreement.goal``, ``agreement.tasks`` as a list of
  strings, ``agreement.hours.amount``, ...);
* **tasks**: one row per task of the mentor: ``case_key``, ``task`` (optional, as
  ``period``), ``description``, ``within_usual_duties``.

The columns are generated from the facts' own descriptions
(:func:`mentorrules.model.description.shape`), so the layout cannot drift from
the JSON case format.  A column that is absent is all null.  An optional object
(``citizen``, ``agreement``, ``agreement.hours``, ...) is present on a row when any
of its columns holds a value (a list column: a non-empty list); its required
fields must then hold one too.  The columnar form does not tell an object of
unknowns (``"citizen": {}``) from an absent one (``"citizen": null``): both mean
*unknown*, and they give the same verdicts.

Types: dates as ``date32`` (also ``date64``, ``timestamp`` at midnight, or
``YYYY-MM-DD`` strings); choices and texts as strings (dictionary-encoded is
fine); booleans as ``bool``; the hours as a decimal, integer or floating column;
``agreement.tasks`` as a list of strings.

A row that :func:`~mentorrules.load_case` would reject is never evaluated: its case
is reported with :func:`~mentorrules.load_case`'s own :class:`~mentorrules.CaseError`
(every bad field by its path, as in the JSON case format).  The checks that find
such rows run over whole columns; only the rows they flag are rebuilt as JSON
documents and read by :func:`~mentorrules.load_case`, which gives the error (or,
for a row flagged only as a precaution, accepts it).  A table whose shape is
wrong (a missing key column, an unknown column, a column of the wrong type, a
duplicate key, a period or task of no case) raises a :class:`~mentorrules.CaseError`
naming every bad column, before any row is read.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, time
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from mentorrules.codec.cases import load_case
from mentorrules.model.amounts import plain_decimal
from mentorrules.model.description import MAX_DATE, MIN_DATE, Kind, shape
from mentorrules.model.exceptions import CaseError, FieldError, Messages
from mentorrules.model.facts import Case, Period, Task


__all__ = [
    "CASE_KEY",
    "CaseTables",
    "Column",
    "case_columns",
    "period_columns",
    "table_documents",
    "tables_to_cases",
    "task_columns",
]

#: The column that links the three tables.
CASE_KEY = "case_key"
#: The input index of a period or a task within its case (optional columns).
PERIOD_INDEX = "period"
TASK_INDEX = "task"

MESSAGES = Messages(
    {
        "columnar.missing_column": (
            "kolonnen mangler; den er påkrævet",
            "the column is missing; it is required",
        ),
        "columnar.unknown_column": (
            "ukendt kolonne; tabellens kolonner er {known}",
            "unknown column; the table's columns are {known}",
        ),
        "columnar.wrong_type": (
            "kolonnen har typen {actual}; forventede {expected}",
            "the column has type {actual}; expected {expected}",
        ),
        "columnar.null_key": ("{count} rækker har ingen sagsnøgle", "{count} rows have no case key"),
        "columnar.duplicate_key": (
            "sagsnøglen {key} forekommer mere end én gang",
            "the case key {key} occurs more than once",
        ),
        "columnar.orphan": (
            "{count} rækker hører til en sagsnøgle, der ikke findes i sagstabellen (f.eks. {key})",
            "{count} rows belong to a case key that is not in the cases table (e.g. {key})",
        ),
        "columnar.bad_index": (
            "indeksene for sagen {key} skal være 0, 1, 2, ... uden huller eller gentagelser",
            "the indexes of case {key} must be 0, 1, 2, ... without gaps or repeats",
        ),
        "columnar.not_a_table": (
            "forventede en pyarrow.Table, en pandas- eller polars-DataFrame, ikke {actual}",
            "expected a pyarrow.Table or a pandas or polars DataFrame, not {actual}",
        ),
    }
)


@attrs.frozen
class Column:
    """
    One column of the columnar layout, generated from a field of the facts.

    Attributes:
        name: The column name: the field's path below the table's document, dotted.
        kind: What the field holds (:class:`~mentorrules.model.description.Kind`).
        choices: For a choice, its values (``("per_week", "total")``), else empty.
        required: The field must hold a value wherever its object is present.
        objects: The optional objects the field lies in, outermost first (``("agreement", "agreement.hours")``).
        minimum: The least value of a decimal.
        maximum: The greatest value of a decimal.
        not_before: The column this date must not precede (``"start"`` for ``end``).
    """

    name: str
    kind: Kind
    choices: tuple[str, ...]
    required: bool
    objects: tuple[str, ...]
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    not_before: str | None = None


def _columns(cls: type, prefix: str = "", objects: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """Return the columns of document class ``cls``: its fields flattened, lists of documents left out."""
    found: list[Column] = []
    for field in shape(cls):
        name = prefix + field.name
        if field.kind is Kind.OBJECT:
            inner = objects if field.required else (*objects, name)
            found += _columns(field.target, name + ".", inner)
        elif field.kind is not Kind.OBJECTS:
            details = field.details
            found.append(
                Column(
                    name,
                    field.kind,
                    tuple(member.value for member in field.target) if field.kind is Kind.CHOICE else (),
                    field.required,
                    objects,
                    details.minimum,
                    details.maximum,
                    prefix + details.not_before if details.not_before else None,
                )
            )
    return tuple(found)


@functools.cache
def case_columns() -> tuple[Column, ...]:
    """Return the columns of the cases table (besides ``case_key``), in the order of the fields."""
    return _columns(Case)


@functools.cache
def period_columns() -> tuple[Column, ...]:
    """Return the columns of the periods table (besides ``case_key`` and ``period``)."""
    return _columns(Period)


@functools.cache
def task_columns() -> tuple[Column, ...]:
    """Return the columns of the tasks table (besides ``case_key`` and ``task``)."""
    return _columns(Task)


_ARROW_TYPES: Mapping[Kind, pa.DataType] = MappingProxyType(
    {
        Kind.TEXT: pa.string(),
        Kind.DATE: pa.date32(),
        Kind.BOOL: pa.bool_(),
        Kind.CHOICE: pa.string(),
        Kind.DECIMAL: pa.decimal128(11, 6),
        Kind.TEXTS: pa.list_(pa.string()),
    }
)


def schema(columns: tuple[Column, ...], keys: tuple[str, ...]) -> pa.Schema:
    """Return the Arrow schema of a table of the layout: its key columns, then ``columns``."""
    return pa.schema(
        [(CASE_KEY, pa.string()), *((key, pa.int32()) for key in keys[1:])]
        + [(c.name, _ARROW_TYPES[c.kind]) for c in columns]
    )


@attrs.frozen
class CaseTables:
    """
    Cases in the columnar layout: three Arrow tables linked by ``case_key`` (see the module documentation).

    Build them with :func:`~mentorrules.columnar.cases_to_tables` (from cases or JSON case documents), from
    data frames with :meth:`from_frames`, or read them with :meth:`read_parquet`.

    Attributes:
        cases: One row per case.
        periods: One row per period.
        tasks: One row per task of the mentor.
    """

    cases: pa.Table
    periods: pa.Table
    tasks: pa.Table

    def __len__(self) -> int:
        return int(self.cases.num_rows)

    @classmethod
    def from_frames(cls, cases: Any, periods: Any = None, tasks: Any = None) -> CaseTables:
        """Return the tables of three pandas or polars data frames (or Arrow tables); an absent one is empty."""
        return cls(
            _arrow(cases),
            _arrow(periods) if periods is not None else _empty(period_columns(), (CASE_KEY, PERIOD_INDEX)),
            _arrow(tasks) if tasks is not None else _empty(task_columns(), (CASE_KEY, TASK_INDEX)),
        )

    @classmethod
    def read_parquet(cls, directory: str) -> CaseTables:
        """Read the tables from ``cases.parquet``, ``periods.parquet`` and ``tasks.parquet`` in ``directory``."""
        import pyarrow.parquet as pq

        return cls(*(pq.read_table(f"{directory}/{name}.parquet") for name in ("cases", "periods", "tasks")))

    def write_parquet(self, directory: str) -> None:
        """Write the tables as ``cases.parquet``, ``periods.parquet`` and ``tasks.parquet`` in ``directory``."""
        import pyarrow.parquet as pq

        for name, table in (("cases", self.cases), ("periods", self.periods), ("tasks", self.tasks)):
            pq.write_table(table, f"{directory}/{name}.parquet")

    def select(self, keys: Iterable[object]) -> CaseTables:
        """Return the tables of the cases with these keys only."""
        wanted = pa.array(list(keys), type=self.cases.schema.field(CASE_KEY).type)
        return CaseTables(
            *(
                table.filter(pc.is_in(table[CASE_KEY], value_set=wanted))
                for table in (self.cases, self.periods, self.tasks)
            )
        )


def _arrow(frame: Any) -> pa.Table:
    if isinstance(frame, pa.Table):
        return frame
    module = type(frame).__module__.split(".", 1)[0]
    if module == "pandas":
        return pa.Table.from_pandas(frame, preserve_index=False)
    if module == "polars":
        return frame.to_arrow()
    raise CaseError([FieldError.of("", MESSAGES.of("columnar.not_a_table", actual=type(frame).__name__))])


def _empty(columns: tuple[Column, ...], keys: tuple[str, ...]) -> pa.Table:
    return schema(columns, keys).empty_table()


# --- from tables to documents -------------------------------------------------------------------


def _json_value(column: Column, value: Any) -> Any:
    """Return a column's Python value (not None) as the JSON case format writes it."""
    if column.kind is Kind.DATE:
        if isinstance(value, datetime) and value.time() == time():  # a timestamp at midnight is its day
            return value.date().isoformat()
        return value if isinstance(value, str) else value.isoformat()
    if column.kind is Kind.DECIMAL and isinstance(value, Decimal):
        return plain_decimal(value)  # as dump_case writes it: 2.5, not the column's 2.500000
    return value


def _nest(columns: tuple[Column, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    """Return the document of one row: its non-null values set at their paths."""
    document: dict[str, Any] = {}
    for column in columns:
        value = values.get(column.name)
        if value is None or (column.kind is Kind.TEXTS and len(value) == 0):
            continue
        target = document
        *parents, last = column.name.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = _json_value(column, value)
    return document


def _rows(table: pa.Table, names: tuple[str, ...]) -> list[dict[str, Any]]:
    present = [name for name in names if name in table.column_names]
    rows: list[dict[str, Any]] = table.select(present).to_pylist()
    return rows


def table_documents(
    tables: CaseTables, keys: Iterable[object] | None = None
) -> Iterator[tuple[object, dict[str, Any]]]:
    """
    Yield ``(case key, JSON case document)`` for each case (or for the cases with ``keys``), in table order.

    The documents are what :func:`~mentorrules.load_case` reads; nothing is checked
    here.  Periods and tasks come in the order of their index columns (table order
    where there is none).
    """
    chosen = tables.select(keys) if keys is not None else tables
    case_cols, period_cols, task_cols = case_columns(), period_columns(), task_columns()
    periods: dict[object, list[tuple[int, dict[str, Any]]]] = {}
    for number, row in enumerate(_rows(chosen.periods, (CASE_KEY, PERIOD_INDEX, *(c.name for c in period_cols)))):
        periods.setdefault(row[CASE_KEY], []).append((_order(row, PERIOD_INDEX, number), _nest(period_cols, row)))
    tasks: dict[object, list[tuple[int, dict[str, Any]]]] = {}
    for number, row in enumerate(_rows(chosen.tasks, (CASE_KEY, TASK_INDEX, *(c.name for c in task_cols)))):
        tasks.setdefault(row[CASE_KEY], []).append((_order(row, TASK_INDEX, number), _nest(task_cols, row)))
    for row in _rows(chosen.cases, (CASE_KEY, *(c.name for c in case_cols))):
        key = row[CASE_KEY]
        document = _nest(case_cols, row)
        if key in periods:
            document["periods"] = [doc for _, doc in sorted(periods[key], key=lambda pair: pair[0])]
        if key in tasks:
            document["tasks"] = [doc for _, doc in sorted(tasks[key], key=lambda pair: pair[0])]
        yield key, document


def _order(row: Mapping[str, Any], name: str, number: int) -> int:
    index = row.get(name)
    return number if index is None else int(index)


def tables_to_cases(tables: CaseTables) -> Iterator[tuple[object, Case | CaseError]]:
    """Yield ``(case key, case)`` for each case, or ``(case key, CaseError)`` for a row :func:`~mentorrules.load_case` rejects."""
    for key, document in table_documents(tables):
        try:
            yield key, load_case(document)
        except CaseError as error:
            yield key, error


# --- checking the tables ------------------------------------------------------------------------


@functools.cache
def python_whitespace() -> str:
    """Return every character :meth:`str.strip` removes (``str.isspace``), in code-point order."""
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace())


@functools.cache
def whitespace_class() -> str:
    """Return :func:`python_whitespace` as the inside of a regular-expression character class (RE2)."""
    return "".join(f"\\x{{{ord(char):x}}}" for char in python_whitespace())


def strip(array: pa.Array) -> pa.Array:
    """Return each text without the white space :meth:`str.strip` removes."""
    return pc.utf8_trim(array, characters=python_whitespace())


_DAY = np.timedelta64(1, "D")
_MIN_DAY = np.datetime64(MIN_DATE, "D")
_MAX_DAY = np.datetime64(MAX_DATE, "D")
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class Normalised:
    """One table, its columns cast to the layout's types, and the rows the column checks flag."""

    def __init__(self, table: pa.Table, columns: tuple[Column, ...], keys: tuple[str, ...], where: str) -> None:
        self.rows = int(table.num_rows)
        self.where = where
        self.errors: list[FieldError] = []
        known = {*keys, *(c.name for c in columns)}
        for name in table.column_names:
            if name not in known:
                self.errors.append(
                    FieldError.of(
                        f"{where}.{name}", MESSAGES.of("columnar.unknown_column", known=", ".join(sorted(known)))
                    )
                )
        if CASE_KEY not in table.column_names:
            self.errors.append(FieldError.of(f"{where}.{CASE_KEY}", MESSAGES.of("columnar.missing_column")))
        self.flagged = np.zeros(self.rows, dtype=bool)
        self.arrays: dict[str, pa.Array] = {}
        self.present: dict[str, np.ndarray] = {}
        self._valid: dict[str, np.ndarray] = {}
        self.index: np.ndarray | None = None
        #: The key column, each row's case (its row in the cases table) and its index within the case: set by normalise().
        self.key: pa.Array = pa.array([])
        self.case_row = np.zeros(0, dtype=np.int64)
        self.number = np.zeros(0, dtype=np.int64)
        for column in columns:
            if column.name in table.column_names:
                self.arrays[column.name] = self._cast(column, contiguous(table[column.name]))
            else:
                if column.required and not column.objects:
                    self.errors.append(FieldError.of(f"{where}.{column.name}", MESSAGES.of("columnar.missing_column")))
                self.arrays[column.name] = pa.nulls(self.rows, _ARROW_TYPES[column.kind])
        if self.errors:
            return
        self.key = contiguous(table[CASE_KEY])
        if len(keys) > 1 and keys[1] in table.column_names:
            index = contiguous(table[keys[1]])
            if not pa.types.is_integer(index.type):
                self._wrong_type(keys[1], index.type, "int")
            else:
                self.index = index.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        self._objects(columns)
        self._check(columns)

    def _wrong_type(self, name: str, actual: pa.DataType, expected: str) -> None:
        self.errors.append(
            FieldError.of(
                f"{self.where}.{name}", MESSAGES.of("columnar.wrong_type", actual=str(actual), expected=expected)
            )
        )

    def _cast(self, column: Column, array: pa.Array) -> pa.Array:
        """Return the column's values in the layout's type; flag rows whose value cannot be one."""
        kind, kind_type = column.kind, array.type
        if pa.types.is_dictionary(kind_type):
            array = array.dictionary_decode()
            kind_type = array.type
        if pa.types.is_null(kind_type):
            return pa.nulls(len(array), _ARROW_TYPES[kind])
        if kind is Kind.DATE:
            if pa.types.is_date32(kind_type):
                return array
            if pa.types.is_date64(kind_type):
                return array.cast(pa.date32())
            if pa.types.is_timestamp(kind_type):
                midnight = pc.equal(pc.cast(array, pa.date32()).cast(kind_type), array)
                self._flag(pc.invert(midnight))
                return pc.cast(pc.floor_temporal(array, unit="day"), pa.date32())
            if pa.types.is_string(kind_type) or pa.types.is_large_string(kind_type):
                shaped = pc.match_substring_regex(array, _ISO_DATE)
                self._flag(pc.invert(shaped))
                usable = pc.if_else(shaped, array, pa.scalar(None, array.type))
                parsed = pc.strptime(usable, format="%Y-%m-%d", unit="s", error_is_null=True)
                # A day the month lacks may parse as another day: only a date that is written back as given is one.
                written = pc.strftime(parsed, format="%Y-%m-%d")
                self._flag(pc.and_(pc.is_valid(usable), pc.invert(pc.equal(written, usable).fill_null(False))))
                return pc.cast(parsed, pa.date32())
        elif kind in (Kind.TEXT, Kind.CHOICE):
            if pa.types.is_string(kind_type) or pa.types.is_large_string(kind_type):
                return array.cast(pa.string())
        elif kind is Kind.BOOL:
            if pa.types.is_boolean(kind_type):
                return array
        elif kind is Kind.DECIMAL:
            if pa.types.is_decimal(kind_type) or pa.types.is_integer(kind_type) or pa.types.is_floating(kind_type):
                return array
        elif kind is Kind.TEXTS and (pa.types.is_list(kind_type) or pa.types.is_large_list(kind_type)):
            value_type = kind_type.value_type
            if pa.types.is_string(value_type) or pa.types.is_large_string(value_type) or pa.types.is_null(value_type):
                return array.cast(pa.list_(pa.string()))
        self._wrong_type(
            column.name, kind_type, str(_ARROW_TYPES[kind]) if kind is not Kind.DECIMAL else "decimal, int or float"
        )
        return pa.nulls(len(array), _ARROW_TYPES[kind] if kind is not Kind.DECIMAL else pa.float64())

    def _flag(self, mask: pa.Array) -> None:
        self.flagged |= mask.fill_null(False).to_numpy(zero_copy_only=False)

    def valid(self, name: str) -> np.ndarray:
        """Return where the column holds a value (a list column: a non-empty list); computed once per column."""
        found = self._valid.get(name)
        if found is None:
            array = self.arrays[name]
            if pa.types.is_list(array.type):
                found = numpy_of(pc.list_value_length(array).fill_null(0)) > 0
            elif array.null_count == 0:
                found = np.ones(len(array), dtype=bool)
            else:
                found = numpy_of(array.is_valid())
            self._valid[name] = found
        return found

    def _objects(self, columns: tuple[Column, ...]) -> None:
        """Compute where each optional object is present: any of its columns holds a value."""
        for column in columns:
            if not column.objects:
                continue
            valid = self.valid(column.name)
            for name in column.objects:
                seen = self.present.get(name)
                self.present[name] = valid.copy() if seen is None else (seen | valid)

    def required_here(self, column: Column) -> np.ndarray:
        """Return where the column must hold a value: everywhere, or where its innermost object is present."""
        if not column.objects:
            return np.ones(self.rows, dtype=bool)
        return self.present[column.objects[-1]]

    def _check(self, columns: tuple[Column, ...]) -> None:
        """Flag the rows a column check finds wrong: what load_case would reject, or might."""
        for column in columns:
            array = self.arrays[column.name]
            valid = self.valid(column.name)
            if column.required:
                self.flagged |= self.required_here(column) & ~valid
            if column.kind is Kind.DATE:
                days = days_of(array)
                self.flagged |= valid & ((days < _MIN_DAY) | (days > _MAX_DAY))
                if column.not_before is not None:
                    before = days_of(self.arrays[column.not_before])
                    self.flagged |= valid & self.valid(column.not_before) & (days < before)
            elif column.kind is Kind.CHOICE:
                self._flag(pc.and_(array.is_valid(), pc.invert(pc.is_in(array, value_set=pa.array(column.choices)))))
            elif column.kind is Kind.DECIMAL:
                self.flagged |= valid & ~_plain_amounts(array, column)
            elif column.kind is Kind.TEXTS:
                items = pc.list_flatten(array)
                if items.null_count:
                    parents = pc.list_parent_indices(array).to_numpy(zero_copy_only=False)
                    bad = parents[items.is_null().to_numpy(zero_copy_only=False)]
                    self.flagged[bad] = True


def numpy_of(array: pa.Array) -> np.ndarray:
    """Return an Arrow array's values as a numpy array (copied where Arrow's layout needs it)."""
    values: np.ndarray = array.to_numpy(zero_copy_only=False)
    return values


def contiguous(column: pa.ChunkedArray) -> pa.Array:
    """Return a table's column as one array: its only chunk as it is (no copy), or its chunks joined."""
    if column.num_chunks == 1:
        return column.chunk(0)
    return column.combine_chunks()


def days_of(array: pa.Array) -> np.ndarray:
    """Return a date32 array as numpy days (null: the first date a case may hold, never read where null)."""
    return numpy_of(pc.fill_null(array, pa.scalar(MIN_DATE, pa.date32()))).astype("datetime64[D]", copy=False)


def _plain_amounts(array: pa.Array, column: Column) -> np.ndarray:
    """Return where an amount is certainly within its bounds and has at most six decimals (others are flagged)."""
    low = float(column.minimum) if column.minimum is not None else -np.inf
    high = float(column.maximum) if column.maximum is not None else np.inf
    if pa.types.is_decimal(array.type):
        values = array.cast(pa.float64()) if array.type.scale <= 6 else None
        if values is None:
            exact = pc.equal(array.cast(pa.decimal128(38, 6), safe=False).cast(array.type), array)
            values = array.cast(pa.float64(), safe=False)
            numbers = values.fill_null(0).to_numpy(zero_copy_only=False)
            fits: np.ndarray = numpy_of(exact.fill_null(True)) & (numbers >= low) & (numbers <= high)
            return fits
    else:
        values = array.cast(pa.float64())
    numbers = numpy_of(values.fill_null(0))
    inside: np.ndarray
    with np.errstate(invalid="ignore", over="ignore"):
        inside = (numbers >= low) & (numbers <= high)
        if pa.types.is_floating(array.type):
            # A float has at most six decimals exactly when its shortest text does (DESIGN section 3): then
            # it is the double nearest to n / 10**6, which rint(x * 10**6) / 10**6 gives back (|x| <= 10,000).
            inside &= np.rint(numbers * 1e6) / 1e6 == numbers
    return inside


def normalise(tables: CaseTables) -> tuple[Normalised, Normalised, Normalised]:
    """
    Return the three tables normalised; raise the errors of their shape at once.

    Raises:
        CaseError: a key column is missing, a column unknown or of the wrong type, a case key
            null or repeated, a period or task of no case, an index column that does not number
            a case's rows 0, 1, 2, ...
    """
    cases = Normalised(tables.cases, case_columns(), (CASE_KEY,), "cases")
    periods = Normalised(tables.periods, period_columns(), (CASE_KEY, PERIOD_INDEX), "periods")
    tasks = Normalised(tables.tasks, task_columns(), (CASE_KEY, TASK_INDEX), "tasks")
    errors = cases.errors + periods.errors + tasks.errors
    if errors:
        raise CaseError(errors)
    if cases.key.null_count:
        errors.append(
            FieldError.of(f"cases.{CASE_KEY}", MESSAGES.of("columnar.null_key", count=str(cases.key.null_count)))
        )
    counts = pc.value_counts(cases.key)
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    if len(repeated):
        errors.append(FieldError.of(f"cases.{CASE_KEY}", MESSAGES.of("columnar.duplicate_key", key=str(repeated[0]))))
    for part in (periods, tasks):
        if part.key.type != cases.key.type:
            try:
                part.key = part.key.cast(cases.key.type)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                part._wrong_type(CASE_KEY, part.key.type, str(cases.key.type))
                errors += part.errors
                continue
        aligned = _aligned_rows(part.key, cases.key)
        if aligned is not None:
            part.case_row = aligned
            continue
        position = pc.index_in(part.key, value_set=cases.key)
        orphans = position.null_count
        if orphans:
            first = pc.filter(part.key, position.is_null())[0]
            errors.append(
                FieldError.of(
                    f"{part.where}.{CASE_KEY}", MESSAGES.of("columnar.orphan", count=str(orphans), key=str(first))
                )
            )
        part.case_row = position.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    if errors:
        raise CaseError(errors)
    for part in (periods, tasks):
        _order_rows(part, cases)
    return cases, periods, tasks


def _aligned_rows(keys: pa.Array, case_keys: pa.Array) -> np.ndarray | None:
    """
    Return each row's case where the rows come grouped in the order of the cases and every case has one; else None.

    The common layout (what :func:`~mentorrules.columnar.cases_to_tables` and Parquet files written from it hold): the
    runs of equal keys are exactly the cases' keys in order.  Telling so takes two comparisons of
    the key columns instead of a hash join; any other layout is joined by :func:`pyarrow.compute.index_in`.
    """
    if len(keys) < len(case_keys) or not len(keys) or case_keys.null_count or keys.null_count:
        return None
    starts = np.flatnonzero(np.r_[True, numpy_of(pc.not_equal(keys[1:], keys[:-1]).fill_null(True))])
    if len(starts) != len(case_keys) or not pc.all(pc.equal(keys.take(pa.array(starts)), case_keys)).as_py():
        return None
    counts = np.diff(np.r_[starts, len(keys)])
    rows: np.ndarray = np.repeat(np.arange(len(case_keys), dtype=np.int64), counts)
    return rows


def bad_index(rows: np.ndarray, index: np.ndarray, cases: int) -> int | None:
    """
    Return the row of the first case whose indexes are not 0, 1, 2, ... (each once, no gaps), or ``None``.

    ``rows`` gives each row's case (its row in the cases table), ``index`` its index column.
    Without sorting: a case of ``k`` rows owns the slots ``first .. first + k - 1`` of a count per
    row; each row takes the slot ``first + index``.  The indexes are right exactly when every index
    lies in ``0 .. k - 1`` and every slot is taken once (there are as many rows as slots).
    """
    counts = np.bincount(rows, minlength=cases)
    first_slot = np.cumsum(counts) - counts
    inside = (index >= 0) & (index < counts[rows])
    slots = np.bincount(first_slot[rows] + np.where(inside, index, 0), minlength=len(rows))
    if inside.all() and (slots == 1).all():
        return None
    bad = np.bincount(rows[~inside], minlength=cases) > 0
    bad[np.searchsorted(first_slot + counts, np.flatnonzero(slots != 1), side="right")] = True
    return int(np.flatnonzero(bad)[0])


def _order_rows(part: Normalised, cases: Normalised) -> None:
    """
    Give each row its index within its case (``part.number``), checking an index column.

    With an index column, each case's indexes must be 0, 1, 2, ... in any order: every
    index below the case's count of rows, and every slot (the case's first slot plus the
    index) taken once.  Without one, the rows of a case count in table order.
    """
    rows = part.case_row
    if part.index is not None:
        bad = bad_index(rows, part.index, cases.rows)
        if bad is not None:
            key = cases.key[bad]
            raise CaseError(
                [FieldError.of(f"{part.where}.{part.where[:-1]}", MESSAGES.of("columnar.bad_index", key=str(key)))]
            )
        part.number = part.index
        return
    counts = np.bincount(rows, minlength=cases.rows)
    first_slot = np.cumsum(counts) - counts
    if part.rows and not (rows[1:] >= rows[:-1]).all():  # not grouped by case: count in a stable sort's order
        order = np.argsort(rows, kind="stable")
        number = np.empty(part.rows, dtype=np.int64)
        number[order] = np.arange(part.rows) - first_slot[rows[order]]
        part.number = number
    else:
        part.number = np.arange(part.rows) - first_slot[rows]
