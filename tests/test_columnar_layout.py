"""
The columnar layout: converters to and from the JSON case format, load_case's validation, the tables' shape.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from columnar_helpers import actual, expected
from mentorrules import CaseError, Interpretation, dump_case, load_case
from mentorrules.columnar import CaseTables, cases_to_tables, evaluate_columns, table_documents, tables_to_cases
from mentorrules.columnar.layout import case_columns, period_columns, task_columns
from mentorrules.testing import case_documents, cases, random_documents


def _put(table: pa.Table, name: str, row: int, value: Any, kind: pa.DataType | None = None) -> pa.Table:
    """Return the table with ``value`` in column ``name`` at ``row`` (the column cast to ``kind`` first)."""
    column = (
        table[name].combine_chunks() if name in table.column_names else pa.nulls(table.num_rows, kind or pa.string())
    )
    kind = kind or column.type
    values = column.cast(kind).to_pylist() if column.type != kind else column.to_pylist()
    values[row] = value
    array = pa.array(values, kind)
    if name in table.column_names:
        return table.set_column(table.column_names.index(name), name, array)
    return table.append_column(name, array)


def _only_error(tables: CaseTables) -> CaseError:
    result = evaluate_columns(tables)
    assert list(result.errors) == ["0"]
    assert result.cases["verdict"].to_pylist()[0] is None
    assert result.cases["error"].to_pylist()[0] == "CaseError"
    error = result.errors["0"]
    assert isinstance(error, CaseError)
    return error


def _load_error(tables: CaseTables) -> CaseError:
    [(_, document)] = list(table_documents(tables))
    with pytest.raises(CaseError) as raised:
        load_case(document)
    return raised.value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cases(), max_size=5))
def test_documents_round_trip_through_the_tables(batch: list) -> None:
    tables = cases_to_tables(batch)
    back = [case for _, case in tables_to_cases(tables)]
    # The columnar form does not tell an object of unknowns from an absent one: compare as evaluate sees them.
    assert [dump_case(case) for case in back] == [dump_case(_unknown_objects_absent(case)) for case in batch]
    assert cases_to_tables(back).cases.equals(tables.cases)


def _unknown_objects_absent(case: Any) -> Any:
    import attrs

    changes = {}
    for name in ("citizen", "mentor"):
        value = getattr(case, name)
        if value is not None and all(v is None for v in attrs.asdict(value).values()):
            changes[name] = None
    return attrs.evolve(case, **changes)


def test_the_columns_are_the_fields_of_the_facts() -> None:
    names = [column.name for column in case_columns()]
    assert names[:3] == ["decision_date", "citizen.birth_date", "citizen.target_group"]
    assert "psychiatric_discharge.in_connection.outcome" in names
    assert "periods" not in names
    assert "tasks" not in names
    assert "agreement.hours.amount" in [column.name for column in period_columns()]
    assert [column.name for column in task_columns()] == ["description", "within_usual_duties"]


def test_frames_and_parquet_give_the_same_tables(tmp_path: Path) -> None:
    documents = random_documents(200, seed=3)
    tables = cases_to_tables(documents)
    tables.write_parquet(str(tmp_path))
    read = CaseTables.read_parquet(str(tmp_path))
    assert actual(evaluate_columns(read)) == actual(evaluate_columns(tables))
    pandas_frames = CaseTables.from_frames(
        tables.cases.to_pandas(), tables.periods.to_pandas(), tables.tasks.to_pandas()
    )
    assert actual(evaluate_columns(pandas_frames)) == actual(evaluate_columns(tables))
    polars = pytest.importorskip("polars")
    polars_frames = CaseTables.from_frames(
        *(polars.from_arrow(t) for t in (tables.cases, tables.periods, tables.tasks))
    )
    assert actual(evaluate_columns(polars_frames)) == actual(evaluate_columns(tables))
    with pytest.raises(CaseError, match=r"pyarrow\.Table"):
        CaseTables.from_frames([{"case_key": "a"}])


def test_cases_alone_and_integer_keys() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {"case_key": [7, 8], "decision_date": ["2024-02-20", "2013-02-20"], "purpose": ["activity", None]}
    )
    result = evaluate_columns(CaseTables.from_frames(frame))
    assert result.cases["case_key"].to_pylist() == [7, 8]
    assert result.cases["verdict"].to_pylist() == ["missing_facts", None]
    assert result.periods["period"].to_pylist() == [None, None]
    assert result.periods["duration.period_length"].to_pylist() == ["missing_facts", None]


def test_dates_as_timestamps_and_date64() -> None:
    tables = cases_to_tables(
        [{"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-09-01"}]}]
    )
    stamped = CaseTables(
        tables.cases.set_column(1, "decision_date", pa.array([datetime(2024, 2, 20)], pa.timestamp("ns"))),
        tables.periods.set_column(2, "start", pa.array([date(2024, 3, 1)], pa.date64())),
        tables.tasks,
    )
    assert actual(evaluate_columns(stamped)) == actual(evaluate_columns(tables))
    at_noon = CaseTables(
        tables.cases.set_column(1, "decision_date", pa.array([datetime(2024, 2, 20, 12)], pa.timestamp("s"))),
        tables.periods,
        tables.tasks,
    )
    assert _only_error(at_noon).errors == _load_error(at_noon).errors


BAD_VALUES = [
    ("cases", "decision_date", None, None, "decision_date"),
    ("cases", "decision_date", "2024-02-30", pa.string(), "decision_date"),
    ("cases", "decision_date", "2024-2-01", pa.string(), "decision_date"),
    ("cases", "decision_date", date(1899, 12, 31), None, "decision_date"),
    ("cases", "purpose", "housing", None, "purpose"),
    ("cases", "decisive_need.on", date(2024, 1, 1), None, "decisive_need.outcome"),
    ("cases", "psychiatric_discharge.inpatient", True, pa.bool_(), "psychiatric_discharge.discharge_date"),
    ("periods", "end", date(2024, 2, 1), None, "periods[0].end"),
    ("periods", "start", None, None, "periods[0].start"),
    (
        "periods",
        "agreement.hours.amount",
        Decimal("10000.5"),
        pa.decimal128(12, 1),
        "periods[0].agreement.hours.amount",
    ),
    ("periods", "agreement.hours.amount", -1.0, pa.float64(), "periods[0].agreement.hours.amount"),
    ("periods", "agreement.hours.amount", 0.1234567, pa.float64(), "periods[0].agreement.hours.amount"),
    (
        "periods",
        "agreement.hours.amount",
        Decimal("1.0000001"),
        pa.decimal128(20, 7),
        "periods[0].agreement.hours.amount",
    ),
    ("periods", "agreement.hours.unit", None, None, "periods[0].agreement.hours.unit"),
    ("periods", "agreement.tasks", ["Støtte", None], None, "periods[0].agreement.tasks[1]"),
    ("tasks", "description", None, None, "tasks[0].description"),
]


@pytest.mark.parametrize(("table", "column", "value", "kind", "path"), BAD_VALUES)
def test_a_row_load_case_rejects_is_its_error(
    table: str, column: str, value: Any, kind: pa.DataType | None, path: str
) -> None:
    document = random_documents(1, seed=0)[0] | {"decision_date": "2024-02-20", "tasks": [{"description": "Støtte"}]}
    document["periods"] = [
        {
            "start": "2024-03-01",
            "end": "2024-08-31",
            "agreement": {"written": True, "tasks": ["a"], "hours": {"amount": "5", "unit": "total"}},
        }
    ]
    tables = cases_to_tables([document, document])
    parts = {"cases": tables.cases, "periods": tables.periods, "tasks": tables.tasks}
    parts[table] = _put(parts[table], column, 0, value, kind)
    bad = CaseTables(**parts)
    result = evaluate_columns(bad)
    assert list(result.errors) == ["0"]
    assert result.cases["verdict"].to_pylist()[1] is not None  # the other row is evaluated
    error = result.errors["0"]
    assert isinstance(error, CaseError)
    assert path in [e.path for e in error.errors]
    assert error.errors == _load_error(bad.select(["0"])).errors
    assert all(
        v is None
        for v in result.periods.filter(pc.equal(result.periods["case_key"], "0"))["agreement.written"].to_pylist()
    )


def test_a_flagged_row_that_is_valid_is_evaluated() -> None:
    """A float amount the column check cannot settle cheaply is read by load_case, and evaluated when it is valid."""
    document = {
        "decision_date": "2024-02-20",
        "periods": [
            {
                "start": "2024-03-01",
                "end": "2024-08-31",
                "agreement": {"written": True, "hours": {"amount": "5", "unit": "total"}},
            }
        ],
    }
    tables = cases_to_tables([document])
    periods = _put(tables.periods, "agreement.hours.amount", 0, 1e308, pa.float64())
    flagged = CaseTables(tables.cases, periods, tables.tasks)
    assert _only_error(flagged).errors == _load_error(flagged).errors
    with_basis = _put(tables.periods, "agreement.hours.basis", 0, None)
    assert actual(evaluate_columns(CaseTables(tables.cases, with_basis, tables.tasks))) == actual(
        evaluate_columns(tables)
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_documents(), st.data())
def test_a_corrupted_row_is_an_error_exactly_when_load_case_rejects_it(document: dict, data: st.DataObject) -> None:
    tables = cases_to_tables([document])
    parts = {"cases": tables.cases, "periods": tables.periods, "tasks": tables.tasks}
    table = data.draw(st.sampled_from([name for name, t in parts.items() if t.num_rows]))
    columns = {"cases": case_columns(), "periods": period_columns(), "tasks": task_columns()}[table]
    column = data.draw(st.sampled_from(columns))
    kind = parts[table].schema.field(column.name).type
    value = data.draw(
        {
            "string": st.none() | st.sampled_from(["", " ", "other", "per_week", "place", "activity", "none"]),
            "date32[day]": st.none() | st.dates(min_value=date(1880, 1, 1), max_value=date(2220, 1, 1)),
            "bool": st.none() | st.booleans(),
            "decimal128(11, 6)": st.none() | st.decimals(min_value=-1, max_value=10_001, places=6),
            "list<item: string>": st.none() | st.lists(st.none() | st.text(max_size=3), max_size=3),
        }[str(kind)]
    )
    row = data.draw(st.integers(0, parts[table].num_rows - 1))
    parts[table] = _put(parts[table], column.name, row, value)
    corrupted = CaseTables(**parts)
    [(_, rebuilt)] = list(table_documents(corrupted))
    result = evaluate_columns(corrupted)
    try:
        case = load_case(rebuilt)
    except CaseError as error:
        rejected: CaseError | None = error
    else:
        rejected = None
    if rejected is not None:
        assert result.errors["0"].errors == rejected.errors  # type: ignore[union-attr]
    else:
        assert actual(result)["0"] == expected(case, Interpretation())


SHAPE_ERRORS = [
    (lambda t: CaseTables(t.cases.drop_columns(["case_key"]), t.periods, t.tasks), "cases.case_key"),
    (lambda t: CaseTables(t.cases.drop_columns(["decision_date"]), t.periods, t.tasks), "cases.decision_date"),
    (
        lambda t: CaseTables(t.cases.append_column("colour", pa.array(["red", "blue"])), t.periods, t.tasks),
        "cases.colour",
    ),
    (
        lambda t: CaseTables(t.cases.set_column(1, "decision_date", pa.array([1, 2])), t.periods, t.tasks),
        "cases.decision_date",
    ),
    (
        lambda t: CaseTables(t.cases.set_column(0, "case_key", pa.array(["a", "a"])), t.periods, t.tasks),
        "cases.case_key",
    ),
    (
        lambda t: CaseTables(t.cases.set_column(0, "case_key", pa.array(["a", None])), t.periods, t.tasks),
        "cases.case_key",
    ),
    (
        lambda t: CaseTables(
            t.cases, t.periods.set_column(0, "case_key", pa.array(["9"] * t.periods.num_rows)), t.tasks
        ),
        "periods.case_key",
    ),
    (
        lambda t: CaseTables(t.cases, t.periods.set_column(1, "period", pa.array([0, 0, 0], pa.int32())), t.tasks),
        "periods.period",
    ),
    (
        lambda t: CaseTables(t.cases, t.periods.set_column(1, "period", pa.array(["0", "1", "0"])), t.tasks),
        "periods.period",
    ),
    (
        lambda t: CaseTables(t.cases, t.periods.set_column(4, "assessment.outcome", pa.array(["yes"] * 3)), t.tasks),
        "periods.assessment.outcome",
    ),
    (
        lambda t: CaseTables(
            t.cases,
            t.periods.set_column(
                t.periods.column_names.index("agreement.tasks"), "agreement.tasks", pa.array([[1]] * 3)
            ),
            t.tasks,
        ),
        "periods.agreement.tasks",
    ),
    (
        lambda t: CaseTables(
            t.cases,
            t.periods.set_column(
                t.periods.column_names.index("agreement.hours.amount"), "agreement.hours.amount", pa.array(["5"] * 3)
            ),
            t.tasks,
        ),
        "periods.agreement.hours.amount",
    ),
]


@pytest.mark.parametrize(("change", "path"), SHAPE_ERRORS)
def test_a_table_of_the_wrong_shape_is_rejected_before_any_case(change: Any, path: str) -> None:
    documents = [
        {
            "decision_date": "2024-02-20",
            "periods": [{"start": "2024-03-01", "end": "2024-08-31"}, {"start": "2024-09-01", "end": "2024-12-31"}],
        },
        {"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]},
    ]
    with pytest.raises(CaseError) as raised:
        evaluate_columns(change(cases_to_tables(documents)))
    assert path in [error.path for error in raised.value.errors]
    assert raised.value.errors[0].text("da") != raised.value.errors[0].text("en")


def test_index_columns_may_be_absent_or_in_any_order() -> None:
    documents = [
        {
            "decision_date": "2024-02-20",
            "periods": [{"start": "2024-09-01", "end": "2024-12-31"}, {"start": "2024-03-01", "end": "2024-09-30"}],
        }
    ]
    tables = cases_to_tables(documents)
    reversed_rows = CaseTables(tables.cases, tables.periods.take([1, 0]), tables.tasks)
    without_index = CaseTables(
        tables.cases, tables.periods.drop_columns(["period"]), tables.tasks.drop_columns(["task"])
    )
    assert (
        actual(evaluate_columns(reversed_rows))
        == actual(evaluate_columns(tables))
        == actual(evaluate_columns(without_index))
    )
    assert list(table_documents(reversed_rows)) == list(table_documents(tables))


def test_invalid_documents_are_named_by_their_position() -> None:
    with pytest.raises(CaseError) as raised:
        cases_to_tables([{"decision_date": "2024-02-20"}, {"decision_date": "x"}, {}])
    assert [error.path for error in raised.value.errors] == ["[1].decision_date", "[2].decision_date"]


def test_dictionary_encoded_and_null_typed_columns() -> None:
    tables = cases_to_tables(
        [{"decision_date": "2024-02-20", "purpose": "activity"}, {"decision_date": "2024-02-20", "purpose": "other"}]
    )
    index = tables.cases.column_names.index("purpose")
    encoded = CaseTables(
        tables.cases.set_column(index, "purpose", tables.cases["purpose"].dictionary_encode()),
        tables.periods,
        tables.tasks,
    )
    assert actual(evaluate_columns(encoded)) == actual(evaluate_columns(tables))
    nulls = CaseTables(tables.cases.set_column(index, "purpose", pa.nulls(2)), tables.periods, tables.tasks)
    assert evaluate_columns(nulls).cases["eligibility.purpose"].to_pylist() == ["missing_facts", "missing_facts"]


def test_more_shape_errors_and_conversions() -> None:
    tables = cases_to_tables(
        [{"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]}]
    )
    assert len(tables) == 1
    assert CaseTables.from_frames(tables.cases, tables.periods, tables.tasks) == tables
    purpose = tables.cases.column_names.index("purpose")
    for bad in (
        CaseTables(tables.cases.set_column(purpose, "purpose", pa.array([3])), tables.periods, tables.tasks),
        CaseTables(
            tables.cases,
            tables.periods.set_column(
                tables.periods.column_names.index("agreement.goal"), "agreement.goal", pa.array([1])
            ),
            tables.tasks,
        ),
        CaseTables(
            tables.cases,
            tables.periods.set_column(
                tables.periods.column_names.index("agreement.tasks"), "agreement.tasks", pa.array(["a"])
            ),
            tables.tasks,
        ),
    ):
        with pytest.raises(CaseError, match="expected"):
            evaluate_columns(bad)
    keyed = CaseTables(
        tables.cases.set_column(0, "case_key", pa.array([1])),
        tables.periods.set_column(0, "case_key", pa.array(["x"])),
        tables.tasks,
    )
    with pytest.raises(CaseError) as raised:
        evaluate_columns(keyed)
    assert [error.path for error in raised.value.errors] == ["periods.case_key"]


def test_timestamps_become_documents_of_days_and_invalid_rows_errors() -> None:
    tables = cases_to_tables([{"decision_date": "2024-02-20"}, {"decision_date": "2024-02-21"}])
    stamps = pa.array([datetime(2024, 2, 20), datetime(2024, 2, 21, 8, 30)], pa.timestamp("us"))
    stamped = CaseTables(tables.cases.set_column(1, "decision_date", stamps), tables.periods, tables.tasks)
    documents = dict(table_documents(stamped))
    assert documents["0"]["decision_date"] == "2024-02-20"
    assert documents["1"]["decision_date"] == "2024-02-21T08:30:00"
    read = dict(tables_to_cases(stamped))
    assert read["0"] == load_case({"decision_date": "2024-02-20"})
    assert isinstance(read["1"], CaseError)


def test_rows_of_cases_interleaved_without_index_count_in_table_order() -> None:
    documents = random_documents(40, seed=19)
    tables = cases_to_tables(documents)
    shuffled = tables.periods.take(list(range(tables.periods.num_rows))[::-1]).drop_columns(["period"])
    mixed = CaseTables(tables.cases, shuffled, tables.tasks.drop_columns(["task"]))
    result = actual(evaluate_columns(mixed))
    for key, document in table_documents(mixed):
        assert result[key] == expected(load_case(document), Interpretation())
    reversed_starts = {
        key: [p["start"] for p in document.get("periods", [])] for key, document in table_documents(mixed)
    }
    original = {str(i): [p["start"] for p in d["periods"]] for i, d in enumerate(documents)}
    assert reversed_starts == {key: starts[::-1] for key, starts in original.items()}


def test_rows_in_the_order_of_the_cases_or_not_join_the_same() -> None:
    documents = [
        {
            "decision_date": "2024-02-20",
            "periods": [{"start": "2024-03-01", "end": "2024-08-31"}, {"start": "2024-09-01", "end": "2025-03-31"}],
        },
        {"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-09-30"}]},
    ]
    tables = cases_to_tables(documents)
    grouped = actual(evaluate_columns(tables))
    moved = CaseTables(tables.cases, tables.periods.take([2, 0, 1]), tables.tasks)
    assert actual(evaluate_columns(moved)) == grouped
    swapped = CaseTables(tables.cases.take([1, 0]), tables.periods, tables.tasks)
    assert actual(evaluate_columns(swapped)) == grouped
    null_key = CaseTables(
        tables.cases, tables.periods.set_column(0, "case_key", pa.array(["0", None, "1"])), tables.tasks
    )
    with pytest.raises(CaseError) as raised:
        evaluate_columns(null_key)
    assert [error.path for error in raised.value.errors] == ["periods.case_key"]


def _without_unknowns(value: Any) -> Any:
    """A document as the columnar form holds it: no nulls, no empty lists, no objects of unknowns only."""
    if isinstance(value, dict):
        kept = {key: _without_unknowns(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, [], {})}
    if isinstance(value, list):
        return [_without_unknowns(item) for item in value]
    return value


def test_the_tables_hold_exactly_the_documents_dump_case_writes(shared_cases_dir: Path) -> None:
    """The generated flattener writes a case's facts into the columns the JSON case format names."""
    import json

    cases = [load_case(document) for document in random_documents(3000, seed=11)]
    for path in sorted(shared_cases_dir.glob("*.json")):
        try:
            cases.append(load_case(json.loads(path.read_text(encoding="utf-8"))["case"]))
        except CaseError:  # a scenario of an invalid case
            continue
    documents = [document for _, document in table_documents(cases_to_tables(cases))]
    assert documents == [_without_unknowns(dump_case(case)) for case in cases]
