"""
The columnar ``check``: ``--summary`` and ``--format verdicts``, through :mod:`mentorrules.columnar`.

``mentorrules check --summary`` counts the verdicts (the aggregate and every rule's, by
law version) and ``mentorrules check --format verdicts`` writes one line per case; both
compute every verdict with :func:`~mentorrules.columnar.evaluate_columns`, a batch of
cases at a time, and never build a decision record.  They read what the other formats
read (JSON lines, JSON documents, standard input), and Parquet input besides: a
directory that holds ``cases.parquet``, ``periods.parquet`` and ``tasks.parquet``
(what :meth:`~mentorrules.columnar.CaseTables.write_parquet` writes).

How a run goes:

* JSON input is cut into chunks as every ``check`` cuts it (:func:`mentorrules.cli._read_chunks`:
  the blocks of a regular JSON-lines file are sent by their place, and the worker reads
  them itself), and consecutive chunks are grouped into *batches* of about
  :data:`BATCH_CASES` cases (at most :data:`BATCH_BYTES` of input held in the batch
  itself, for standard input).  A worker reads each case with
  :func:`~mentorrules.load_case`, exactly as every ``check`` does, so an invalid case is
  the same :class:`~mentorrules.CaseError` in its place; it writes the valid cases
  straight into Arrow columns (:class:`~mentorrules.columnar.builder.TableBuilder`, the same tables
  :func:`~mentorrules.columnar.cases_to_tables` builds, without writing each case as a
  JSON document first), a few thousand rows at a time, and evaluates the batch at once.
* Parquet input is partitioned before it is evaluated: the main process reads the case
  keys (and the period and task indexes), checks them as
  :func:`~mentorrules.columnar.evaluate_columns` checks a whole table (a null or
  repeated key, a period or task of no case, indexes that do not number a case's rows
  0, 1, 2, ...: one error for the input), and streams the three files, a record batch at
  a time, into Arrow files in the run's spool directory, one set per batch of
  :data:`BATCH_CASES` cases, whatever order the periods and tasks are stored in.  The
  workers read their batch's files.  Memory holds the keys, not the cases.
* With ``--jobs N`` the batches go to ``N`` worker processes, at most ``2 * N`` at a
  time, and the output is written in input order (the lines of ``verdicts`` are spooled
  as every ``check`` spools its records); ``--jobs 1`` gives exactly the same output.

Should :func:`~mentorrules.columnar.evaluate_columns` fail on a batch (a bug), the batch
is evaluated case by case with :func:`~mentorrules.evaluate`, which gives the same
verdicts, and a case whose evaluation fails becomes that case's ``InternalError``: the
run goes on, as every ``check`` goes on.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from types import MappingProxyType
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from mentorrules.batch import map_ordered
from mentorrules.cli import (
    _MESSAGES,
    _STDIN,
    _VERDICT_WORDS,
    _WORDS,
    InternalError,
    _Chunk,
    _finish,
    _label,
    _load,
    _Progress,
    _read_chunks,
    _records,
    _remove_stale_spools,
    _say,
    _Signals,
    _spool_directory,
    _Stop,
    _summary,
    _UsageError,
)
from mentorrules.cli._output import Output
from mentorrules.columnar import CASE_KEY, CaseTables, ColumnarVerdicts, evaluate_columns
from mentorrules.columnar.builder import TableBuilder
from mentorrules.columnar.engine import PERIOD_RULES
from mentorrules.columnar.layout import MESSAGES as _LAYOUT_MESSAGES
from mentorrules.columnar.layout import bad_index, normalise, tables_to_cases
from mentorrules.engine.evaluate import evaluate, rule_catalogue
from mentorrules.law.interpretation import Interpretation
from mentorrules.law.versions import LAW_VERSIONS
from mentorrules.model.cpr import withhold_cpr
from mentorrules.model.exceptions import CaseError, FieldError, UnsupportedDateError
from mentorrules.model.outcomes import Decision, Verdict
from mentorrules.model.words import counted, number


__all__ = ["BATCH_BYTES", "BATCH_CASES", "check_columnar", "parquet_input"]

#: Cases evaluated at a time by :func:`~mentorrules.columnar.evaluate_columns` (a batch).
BATCH_CASES = 10_000
#: Bytes of input a batch may hold itself (standard input, JSON lists); a JSON-lines file's blocks are sent by place.
BATCH_BYTES = 16 * 1024 * 1024
#: Rows of a Parquet file read at a time while it is partitioned.
PARQUET_ROWS = 8192
#: The files of Parquet input, in a directory.
PARQUET_TABLES = ("cases", "periods", "tasks")
#: How the partition of Parquet input is written to the spool directory: Arrow IPC, compressed.
_IPC = pa.ipc.IpcWriteOptions(compression="zstd")
#: The index column of the periods and tasks tables.
_INDEXES = MappingProxyType({"periods": "period", "tasks": "task"})

#: The rule ids in catalogue order: the columns of ``verdicts`` and the rows of the summary.
RULES = tuple(info.id for info in rule_catalogue())
_PERIOD = frozenset(PERIOD_RULES)
#: The verdicts from the least to the most pressing (``evaluate_frame``'s order): a per-period rule's verdict for a
#: case is the most pressing over its subjects.  A verdict's code is its place here; -1 is none (an invalid case).
PRESSING = ("not_applicable", "met", "needs_assessment", "missing_facts", "not_met")
_CODE = MappingProxyType({name: code for code, name in enumerate(PRESSING)})
#: The verdicts in the order the summary lists them (the order of :class:`~mentorrules.Verdict`).
SHOWN = tuple(verdict.value for verdict in Verdict)
_SHOWN_CODES = tuple(_CODE[name] for name in SHOWN)
#: The header of ``--format verdicts``.
HEADER = "\t".join(("source", "verdict", "law", *RULES, "error", "message")) + "\n"
#: A cell of ``verdicts``: a backslash, tab, line feed and carriage return are written as escapes.
_ESCAPES = MappingProxyType(str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}))
_ERROR_TYPES = ("CaseError", "UnsupportedDateError", "InternalError")
#: A code's name in ``verdicts``: none (-1) is an empty cell.
_NAMES = MappingProxyType({-1: "", **dict(enumerate(PRESSING))})
#: The empty cells of an error's line between its verdict and its error type: the law and every rule.
_EMPTY = ("",) * (1 + len(RULES))


def _cell(text: str) -> str:
    return text.translate(_ESCAPES)


# --- batches ------------------------------------------------------------------------------------------


class Batch(NamedTuple):
    """
    What a worker evaluates at a time.

    Attributes:
        label: The input's name (the path as given, ``-`` for standard input); for JSON input, that of the first chunk.
        chunks: JSON input: consecutive chunks of :func:`mentorrules.cli._read_chunks`.
        pieces: Parquet input: the Arrow files of the batch's cases, periods and tasks, in the spool directory.
        schemas: Parquet input: the three tables' schemas.
        error: An error of a whole Parquet input (its tables' shape or keys): its one record.
    """

    label: str
    chunks: tuple[_Chunk, ...] = ()
    pieces: tuple[tuple[str, ...], ...] = ()
    schemas: tuple[pa.Schema, ...] = ()
    error: CaseError | None = None


def _inline_size(chunk: _Chunk) -> int:
    """The bytes of input a chunk holds itself."""
    return len(chunk.block) + sum(len(item) for _, item in chunk.items if isinstance(item, str | bytes))


def json_batches(chunks: Iterable[_Chunk]) -> Iterator[Batch]:
    """Group chunks into batches of about :data:`BATCH_CASES` cases that hold at most about :data:`BATCH_BYTES`."""
    batch: list[_Chunk] = []
    cases = size = 0
    for chunk in chunks:
        batch.append(chunk)
        cases += chunk.lines + len(chunk.items)
        size += _inline_size(chunk)
        if cases >= BATCH_CASES or size >= BATCH_BYTES:
            yield Batch(batch[0].label, tuple(batch))
            batch, cases, size = [], 0, 0
    if batch:
        yield Batch(batch[0].label, tuple(batch))


def parquet_input(path: str) -> bool:
    """Whether ``path`` is Parquet input: a directory (with or without its files: that is checked later)."""
    return path != _STDIN and os.path.isdir(path)


def _batches(paths: Sequence[str], spool: str) -> Iterator[Batch]:
    """Yield the batches of every input, in order."""
    pending: list[str] = []
    for path in [*paths, ""]:
        if path and not parquet_input(path):
            pending.append(path)
            continue
        if pending:
            yield from json_batches(_read_chunks(pending, by_reference=True))
            pending = []
        if path:
            yield from parquet_batches(_label(path), path, spool)


def _piece(spool: str, batch: pa.RecordBatch) -> str:
    """Write a record batch into a new Arrow file of the spool directory; return its path."""
    handle, path = tempfile.mkstemp(dir=spool, suffix=".arrow")
    os.close(handle)
    with pa.OSFile(path, "wb") as sink, pa.ipc.new_stream(sink, batch.schema, options=_IPC) as writer:
        writer.write_batch(batch)
    return path


def _stream(file: pq.ParquetFile, columns: Sequence[str] | None = None) -> Iterator[pa.RecordBatch]:
    """Yield a Parquet file's rows a record batch at a time, read in this thread (it holds one batch)."""
    yield from file.iter_batches(batch_size=PARQUET_ROWS, columns=columns, use_threads=False)


def _key_values(array: pa.Array) -> np.ndarray:
    """
    Return keys as numpy values that sort and compare as the keys do: integers as they are, anything else as bytes.

    A null is never looked up (its row is an error); it becomes 0 or ``b""``.
    """
    if pa.types.is_integer(array.type):
        values: np.ndarray = array.fill_null(0).to_numpy(zero_copy_only=False)
        return values
    return np.array(array.cast(pa.string()).cast(pa.binary()).fill_null(b"").to_pylist(), dtype=bytes)


class _Keys:
    """
    The case keys of Parquet input, sorted, as a numpy array (some 10 to 40 bytes a case): what a key's row is.

    A table of a million cases is looked up in seconds, a record batch of periods or tasks at a time,
    with far less memory than a hash table of the keys as Arrow objects.
    """

    def __init__(self, file: pq.ParquetFile) -> None:
        self.type = file.schema_arrow.field(CASE_KEY).type
        self.nulls = 0
        values = [_key_values(pa.array([], self.type))]
        for batch in _stream(file, [CASE_KEY]):
            self.nulls += batch.column(0).null_count
            values.append(_key_values(batch.column(0)))
        keys = np.concatenate(values)
        self.order = np.argsort(keys, kind="stable")
        self.sorted = keys[self.order]

    def repeated(self) -> str | None:
        """Return a key that occurs more than once, or ``None``."""
        twice = np.flatnonzero(self.sorted[1:] == self.sorted[:-1])
        return _key_text(self.sorted[twice[0]]) if len(twice) else None

    def of_row(self, row: int) -> str:
        """Return the key of a case row."""
        return _key_text(self.sorted[np.flatnonzero(self.order == row)[0]])

    def rows(self, part: pa.Array) -> tuple[np.ndarray, np.ndarray]:
        """Return the case row of each key of ``part``, and where it is found (a null or unknown key is not)."""
        wanted = _key_values(part if part.type == self.type else part.cast(self.type))
        if not len(self.sorted):
            return np.zeros(len(part), dtype=np.int32), np.zeros(len(part), dtype=bool)
        place = np.minimum(np.searchsorted(self.sorted, wanted), len(self.sorted) - 1)
        found = part.is_valid().to_numpy(zero_copy_only=False) & (self.sorted[place] == wanted)
        return self.order[place].astype(np.int32), found


def _key_errors(files: dict[str, pq.ParquetFile]) -> tuple[list[FieldError], dict[str, np.ndarray]]:
    """
    Check the keys of Parquet input as :func:`~mentorrules.columnar.layout.normalise` checks whole tables.

    Only the case keys are held (:class:`_Keys`); the periods' and tasks' keys are read a record batch at a time.
    A null case key is reported alone (the other checks need every key).

    Returns:
        The errors (a null or repeated case key, a period or task of no case, an index column that does not
        number a case's rows 0, 1, 2, ...), and the row in ``cases`` of each row of ``periods`` and ``tasks``.
    """
    keys = _Keys(files["cases"])
    if keys.nulls:
        message = _LAYOUT_MESSAGES.of("columnar.null_key", count=str(keys.nulls))
        return [FieldError.of(f"cases.{CASE_KEY}", message)], {}
    errors: list[FieldError] = []
    repeated = keys.repeated()
    if repeated is not None:
        errors.append(FieldError.of(f"cases.{CASE_KEY}", _LAYOUT_MESSAGES.of("columnar.duplicate_key", key=repeated)))
    rows: dict[str, np.ndarray] = {}
    for name, index_name in _INDEXES.items():
        present = [column for column in (CASE_KEY, index_name) if column in files[name].schema_arrow.names]
        count = files[name].metadata.num_rows
        row = np.zeros(count, dtype=np.int32)
        index = np.zeros(count, dtype=np.int64) if len(present) == 2 else None
        orphans = offset = 0
        first = None
        for batch in _stream(files[name], present):
            position, found = keys.rows(batch.column(0))
            if not found.all():
                orphans += int((~found).sum())
                first = first if first is not None else batch.column(0)[int(np.flatnonzero(~found)[0])]
            row[offset : offset + len(batch)] = position
            if index is not None:
                index[offset : offset + len(batch)] = batch.column(1).fill_null(-1).to_numpy(zero_copy_only=False)
            offset += len(batch)
        if orphans:
            message = _LAYOUT_MESSAGES.of("columnar.orphan", count=str(orphans), key=str(first))
            errors.append(FieldError.of(f"{name}.{CASE_KEY}", message))
            continue
        rows[name] = row
        bad = bad_index(row, index, len(keys.sorted)) if index is not None else None
        if bad is not None:
            message = _LAYOUT_MESSAGES.of("columnar.bad_index", key=keys.of_row(bad))
            errors.append(FieldError.of(f"{name}.{index_name}", message))
    return errors, rows


def _key_text(value: object) -> str:
    """Return a key as the messages write it."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def parquet_batches(label: str, directory: str, spool: str) -> Iterator[Batch]:
    """
    Partition Parquet input into batches of :data:`BATCH_CASES` cases (see the module documentation).

    An error of the whole input (its tables' shape, its keys) is one batch holding the error.
    """
    files = {
        name: pq.ParquetFile(os.path.join(directory, f"{name}.parquet"), pre_buffer=False) for name in PARQUET_TABLES
    }
    schemas = tuple(files[name].schema_arrow for name in PARQUET_TABLES)
    try:
        normalise(CaseTables(*(schema.empty_table() for schema in schemas)))  # the shape: columns and their types
    except CaseError as error:
        yield Batch(label, error=error)
        return
    errors, rows = _key_errors(files)
    if errors:
        yield Batch(label, error=CaseError(errors))
        return
    batches = -(-files["cases"].metadata.num_rows // BATCH_CASES)
    pieces: list[list[list[str]]] = [[[] for _ in range(batches)] for _ in PARQUET_TABLES]
    for name, table_pieces in zip(PARQUET_TABLES, pieces, strict=True):
        offset = 0
        for record_batch in _stream(files[name]):
            size = record_batch.num_rows
            case_row = np.arange(offset, offset + size) if name == "cases" else rows[name][offset : offset + size]
            offset += size
            bucket = case_row // BATCH_CASES
            order = np.argsort(bucket, kind="stable")
            if np.any(order != np.arange(size)):  # rows of the batches interleaved: group them (stably)
                record_batch, bucket = record_batch.take(pa.array(order)), bucket[order]
            bounds = [0, *(np.flatnonzero(bucket[1:] != bucket[:-1]) + 1).tolist(), size]
            for begin, end in itertools.pairwise(bounds):
                table_pieces[int(bucket[begin])].append(_piece(spool, record_batch.slice(begin, end - begin)))
    del rows  # the rows of the cases are in the pieces now
    for bucket_number in range(batches):
        yield Batch(label, pieces=tuple(tuple(table_pieces[bucket_number]) for table_pieces in pieces), schemas=schemas)


def _read_pieces(paths: Sequence[str], schema: pa.Schema) -> pa.Table:
    """Read a batch's Arrow files of one table (and delete them)."""
    tables = []
    for path in paths:
        with pa.OSFile(path, "rb") as source:
            tables.append(pa.ipc.open_stream(source).read_all())
        os.unlink(path)
    return pa.concat_tables(tables) if tables else schema.empty_table()


# --- evaluating a batch (in the workers) --------------------------------------------------------------


class Options(NamedTuple):
    """What a worker needs: ``summary`` (count, or write the lines), the language, the interpretation, the spool."""

    summary: bool
    lang: str
    interpretation: Interpretation
    spool: str | None = None


class Done(NamedTuple):
    """
    What a worker returns for a batch.

    Attributes:
        data: The batch's lines of ``verdicts`` (UTF-8), ``b""`` for the summary or when spooled.
        spooled: The spool file holding ``data``, if it was spooled.
        records: How many cases the batch held (valid or not).
        counts: Cases by aggregate verdict value, ``"error"`` for the invalid ones and ``"internal"`` for those
            whose handling failed (:class:`~mentorrules.cli.InternalError`).
        errors: The invalid cases by error type (``CaseError``, ``UnsupportedDateError``, ``InternalError``).
        laws: For the summary, by law version: for the aggregate, then each rule of :data:`RULES`, the cases
            by verdict code (:data:`PRESSING`).
        unreadable: Sources of the cases whose bytes are not UTF-8.
        internal: ``(source, message)`` of each :class:`~mentorrules.cli.InternalError`, in the run's language.
        held: The inputs that held a case.
    """

    data: bytes
    spooled: str | None
    records: int
    counts: dict[str, int]
    errors: dict[str, int]
    laws: dict[str, list[list[int]]]
    unreadable: tuple[str, ...]
    internal: tuple[tuple[str, str], ...]
    held: tuple[str, ...]


def _codes_of(column: pa.ChunkedArray) -> np.ndarray:
    """Return a dictionary-encoded verdict column as codes (:data:`PRESSING`; -1 for null)."""
    array = column.combine_chunks()
    lookup = np.array([_CODE[name] for name in array.dictionary.to_pylist()] + [-1], dtype=np.int8)
    codes: np.ndarray = lookup[array.indices.fill_null(len(array.dictionary)).to_numpy(zero_copy_only=False)]
    return codes


#: A batch's verdicts: per case the codes of the aggregate and of each rule, the law version, and the errors by row.
Verdicts = tuple[np.ndarray, list[str | None], dict[int, CaseError | UnsupportedDateError]]


def columnar_verdicts(result: ColumnarVerdicts) -> Verdicts:
    """Return the verdicts of :func:`~mentorrules.columnar.evaluate_columns`, a per-period rule's the most pressing."""
    cases = result.cases
    codes = np.empty((cases.num_rows, 1 + len(RULES)), dtype=np.int8)
    codes[:, 0] = _codes_of(cases["verdict"])
    keys = cases[CASE_KEY].combine_chunks()
    row = pc.index_in(result.periods[CASE_KEY], value_set=keys).to_numpy(zero_copy_only=False)
    for column, rule in enumerate(RULES, 1):
        if rule in _PERIOD:
            worst = np.full(cases.num_rows, -1, dtype=np.int8)
            np.maximum.at(worst, row, _codes_of(result.periods[rule]))
            codes[:, column] = worst
        else:
            codes[:, column] = _codes_of(cases[rule])
    errors: dict[int, CaseError | UnsupportedDateError] = {}
    if result.errors:
        position = {key: number for number, key in enumerate(keys.to_pylist())}
        errors = {position[key]: error for key, error in result.errors.items()}
    return codes, cases["law"].to_pylist(), errors


def decision_codes(decision: Decision) -> list[int]:
    """Return a decision's codes: the aggregate's, then each rule's most pressing verdict."""
    worst = dict.fromkeys(RULES, -1)
    for finding in decision.findings:
        worst[finding.rule] = max(worst[finding.rule], _CODE[finding.verdict.value])
    return [_CODE[decision.verdict.value], *worst.values()]


def case_by_case(tables: CaseTables, interpretation: Interpretation) -> Verdicts:
    """Return the verdicts of a batch through :func:`~mentorrules.evaluate`, case by case (see the module's doc)."""
    codes = np.full((len(tables), 1 + len(RULES)), -1, dtype=np.int8)
    laws: list[str | None] = [None] * len(tables)
    errors: dict[int, CaseError | UnsupportedDateError] = {}
    for row, (_, case) in enumerate(tables_to_cases(tables)):
        try:
            if isinstance(case, CaseError):
                raise case
            decision = evaluate(case, interpretation=interpretation)
        except (CaseError, UnsupportedDateError) as error:
            errors[row] = error
            continue
        except Exception as exc:  # a bug: that case's InternalError
            errors[row] = InternalError.of(exc)
            continue
        codes[row] = decision_codes(decision)
        laws[row] = decision.law.id
    return codes, laws, errors


def _verdicts(tables: CaseTables, interpretation: Interpretation) -> Verdicts:
    try:
        return columnar_verdicts(evaluate_columns(tables, interpretation=interpretation))
    except Exception:  # a bug of the columnar path: the per-case engine gives the same verdicts
        return case_by_case(tables, interpretation)


def _json_entries(batch: Batch, unreadable: list[str], held: set[str]) -> tuple[list[tuple[str, Any]], CaseTables]:
    """Load a batch's cases: each record's source and its error (``None``: valid, a row of the tables)."""
    builder = TableBuilder()
    entries: list[tuple[str, Any]] = []
    for chunk in batch.chunks:
        for source, raw in _records(chunk):
            held.add(chunk.label)
            try:
                loaded = _load(raw, source, unreadable)
            except Exception as exc:  # a bug: reported in the case's place, and the run goes on
                loaded = InternalError.of(exc)
            if isinstance(loaded, CaseError):
                entries.append((source, loaded))
            else:
                builder.add(loaded)
                entries.append((source, None))
    return entries, builder.tables()


def _parquet_entries(batch: Batch) -> tuple[list[tuple[str, Any]], CaseTables]:
    tables = CaseTables(
        *(_read_pieces(paths, schema) for paths, schema in zip(batch.pieces, batch.schemas, strict=True))
    )
    name = batch.label.rstrip("/") or batch.label
    entries: list[tuple[str, Any]] = [
        (withhold_cpr(f"{name}[{key}]"), None) for key in tables.cases[CASE_KEY].to_pylist()
    ]
    return entries, tables


def system_memory_pool() -> None:
    """
    Let Arrow allocate with the C library's ``malloc``, which gives large blocks back to the system when they are freed.

    Arrow's default allocator (mimalloc or jemalloc) keeps freed memory for reuse: some 45 MB more
    resident memory per process at the end of every batch, which the limit of 200 MB per process
    (DESIGN section 10) cannot spare.  Set for the process that runs ``check`` and its workers.
    """
    pa.set_memory_pool(pa.system_memory_pool())


def evaluate_batch(options: Options, batch: Batch) -> Done:
    """Read and evaluate a batch: its lines of ``verdicts``, or its counts (in a worker with ``--jobs`` > 1)."""
    system_memory_pool()
    unreadable: list[str] = []
    held: set[str] = set()
    if batch.error is not None:
        entries: list[tuple[str, Any]] = [(batch.label, batch.error)]
        tables = TableBuilder().tables()
        held.add(batch.label)
    elif batch.chunks:
        entries, tables = _json_entries(batch, unreadable, held)
    else:
        entries, tables = _parquet_entries(batch)
        held.add(batch.label)
    codes, laws, errors = _verdicts(tables, options.interpretation)
    return _done(options, entries, codes, laws, errors, unreadable, held)


def _done(
    options: Options,
    entries: list[tuple[str, Any]],
    codes: np.ndarray,
    laws: list[str | None],
    errors: dict[int, CaseError | UnsupportedDateError],
    unreadable: list[str],
    held: set[str],
) -> Done:
    counts: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    internal: list[tuple[str, str]] = []
    lines: list[str] = []
    tails: dict[tuple[str | None, bytes], str] = {}
    row = -1
    for source, error in entries:
        if error is None:
            row += 1
            error = errors.get(row)
        if error is not None:
            kind = type(error).__name__
            by_type[kind] += 1
            counts["internal" if kind == "InternalError" else "error"] += 1
            message = error.text(options.lang)
            if kind == "InternalError":
                internal.append((source, message))
            if not options.summary:
                lines.append("\t".join((_cell(source), "error", *_EMPTY, kind, _cell(message))) + "\n")
            continue
        counts[PRESSING[codes[row, 0]]] += 1
        if not options.summary:
            law = laws[row]
            key = (law, codes[row].tobytes())
            tail = tails.get(key)
            if tail is None:
                verdict, *rules = (_NAMES[code] for code in codes[row].tolist())
                tail = tails[key] = "\t".join((verdict, law or "", *rules, "", "")) + "\n"
            lines.append(f"{_cell(source)}\t{tail}")
    laws_counted: dict[str, list[list[int]]] = {}
    if options.summary:
        valid = np.array([law is not None and row not in errors for row, law in enumerate(laws)], dtype=bool)
        law_of = np.array(laws, dtype=object)
        for law in sorted({law for law in laws if law is not None}):
            chosen = codes[valid & (law_of == law)]
            laws_counted[law] = [
                np.bincount(chosen[:, column], minlength=len(PRESSING)).tolist() for column in range(codes.shape[1])
            ]
    data = "".join(lines).encode("utf-8", "backslashreplace")
    spooled = None
    if options.spool is not None and data:
        handle, spooled = tempfile.mkstemp(dir=options.spool)
        with open(handle, "wb") as spool:
            spool.write(data)
        data = b""
    return Done(
        data,
        spooled,
        len(entries),
        dict(counts),
        dict(by_type),
        laws_counted,
        tuple(unreadable),
        tuple(internal),
        tuple(sorted(held)),
    )


# --- the run (in the main process) ----------------------------------------------------------------------


def probe_parquet(path: str) -> None:
    """
    Check that a directory is Parquet input that can be read, before anything is evaluated.

    Raises:
        _UsageError: A file is missing or is not Parquet.
    """
    label = _label(path)
    missing = [
        f"{name}.parquet" for name in PARQUET_TABLES if not os.path.isfile(os.path.join(path, f"{name}.parquet"))
    ]
    if missing:
        raise _UsageError(_MESSAGES.of("parquet_missing", path=label, missing=", ".join(missing)))
    for name in PARQUET_TABLES:
        try:
            pq.ParquetFile(os.path.join(path, f"{name}.parquet")).close()
        except (OSError, pa.ArrowException):
            raise _UsageError(
                _MESSAGES.of("parquet_unreadable", path=_label(os.path.join(path, f"{name}.parquet")))
            ) from None


def _law_order(law: str) -> tuple[int, str]:
    order = [version.id for version in LAW_VERSIONS]
    return (order.index(law) if law in order else len(order), law)


def summary_text(counts: Counter[str], errors: Counter[str], laws: dict[str, np.ndarray], lang: str) -> str:
    """
    Return the summary as text: the cases by verdict, the invalid ones by type, and a table per law version.

    Each table has a row for the aggregate verdict and one per rule (catalogue order), and a column per verdict.
    """
    words = _WORDS[lang]
    lines = [_summary(counts, lang)]
    if errors:
        kinds = ", ".join(f"{kind} {number(errors[kind], lang)}" for kind in _ERROR_TYPES if errors[kind])
        lines.append(f"{words['summary_errors']}: {kinds}")
    heads = [_VERDICT_WORDS[lang][name] for name in SHOWN]
    labels = [words["summary_overall"], *RULES]
    width = max(len(label) for label in [words["summary_rule"], *labels])
    for law in sorted(laws, key=_law_order):
        cells = [[number(int(row[code]), lang) for code in _SHOWN_CODES] for row in laws[law]]
        widths = [max(len(head), *(len(row[column]) for row in cells)) for column, head in enumerate(heads)]
        lines += ["", words["summary_law"].format(law=law, cases=counted(int(laws[law][0].sum()), "case", lang))]
        lines.append(
            f"{words['summary_rule']:<{width}}"
            + "".join(f"  {head:>{w}}" for head, w in zip(heads, widths, strict=True))
        )
        lines.append("-" * (width + sum(w + 2 for w in widths)))
        for label, row in zip(labels, cells, strict=True):
            lines.append(f"{label:<{width}}" + "".join(f"  {cell:>{w}}" for cell, w in zip(row, widths, strict=True)))
    if laws:
        lines += ["", words["summary_note"]]
    return "\n".join(lines) + "\n"


def summary_json(
    counts: Counter[str], errors: Counter[str], laws: dict[str, np.ndarray], interpretation: Interpretation
) -> str:
    """Return the summary as one JSON object (its shape: docs/cli.md)."""

    def by_verdict(row: np.ndarray) -> dict[str, int]:
        return {name: int(row[code]) for name, code in zip(SHOWN, _SHOWN_CODES, strict=True)}

    summary = {
        "cases": sum(counts.values()),
        "verdicts": {name: counts[name] for name in SHOWN},
        "errors": {kind: errors[kind] for kind in _ERROR_TYPES},
        "laws": {
            law: {
                "cases": int(laws[law][0].sum()),
                "verdicts": by_verdict(laws[law][0]),
                "rules": {rule: by_verdict(row) for rule, row in zip(RULES, laws[law][1:], strict=True)},
            }
            for law in sorted(laws, key=_law_order)
        },
        "interpretation": interpretation.to_dict(),
    }
    return json.dumps(summary, indent=2, ensure_ascii=False) + "\n"


def check_columnar(args: argparse.Namespace, out: Output, interpretation: Interpretation) -> int:
    """Run ``check --summary`` or ``check --format verdicts`` (the inputs are probed; see the module documentation)."""
    summary = bool(args.summary)
    system_memory_pool()
    _remove_stale_spools()
    counts: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    laws: dict[str, np.ndarray] = {}
    seen: set[str] = set()
    unreadable = internal = 0
    progress = _Progress(sys.stderr if sys.stderr.isatty() else None, args.lang)
    with _Signals() as signals:
        try:
            with _spool_directory(True) as spool:
                assert spool is not None
                options = Options(summary, args.lang, interpretation, spool if args.jobs > 1 else None)
                if not summary:
                    with signals.shielded():
                        out.text(HEADER)
                        out.flush()
                work = partial(evaluate_batch, options)
                with contextlib.closing(map_ordered(work, _batches(args.files, spool), jobs=args.jobs)) as results:
                    for done in results:
                        counts.update(done.counts)
                        errors.update(done.errors)
                        seen.update(done.held)
                        for law, table in done.laws.items():
                            laws[law] = laws.get(law, 0) + np.array(table, dtype=np.int64)
                        for source in done.unreadable:
                            print(f"mentorrules check: {_say('unreadable', args.lang, source=source)}", file=sys.stderr)
                        for source, message in done.internal:
                            problem = _say("case_internal", args.lang, source=source, problem=message)
                            print(f"mentorrules check: {problem}", file=sys.stderr)
                        unreadable += len(done.unreadable)
                        internal += len(done.internal)
                        progress.update(done.records)
                        if done.data or done.spooled is not None:
                            with signals.shielded():
                                if done.spooled is None:
                                    out.raw(done.data)
                                else:
                                    out.copy(done.spooled)
                                out.flush()
                            if done.spooled is not None:
                                os.unlink(done.spooled)
        except _Stop:  # the workers and the spool are gone; every line written is whole
            progress.close()
            raise
        progress.close()
        if summary:
            text = (
                summary_json(counts, errors, laws, interpretation)
                if args.format == "json"
                else summary_text(counts, errors, laws, args.lang)
            )
            with signals.shielded():
                out.text(text)
                out.flush()
    return _finish(args, seen, counts, internal=bool(internal), unreadable=bool(unreadable))
