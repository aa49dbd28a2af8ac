"""
Tests for ``mentorrules.batch``: streaming batch evaluation in input order, errors in place.

``evaluate_many`` yields one result per case, in input order: a ``Decision``,
or the ``CaseError`` / ``UnsupportedDateError`` of a case that cannot be
decided.  With ``jobs > 1`` worker processes evaluate chunks, and the decisions
they send back are equal to those evaluated in-process.
"""

from __future__ import annotations

import itertools
import json
import pickle
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from mentorrules import (
    Case,
    CaseError,
    Decision,
    Interpretation,
    UnsupportedDateError,
    evaluate,
    load_case,
)
from mentorrules.batch import (
    chunked,
    dumps_results,
    evaluate_chunk,
    evaluate_many,
    evaluate_one,
    loads_results,
    map_ordered,
)


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

INTERPRETATIONS = (
    Interpretation(),
    Interpretation(ambiguous_dates="strict", strict_mentor_categories=False),
    Interpretation(ambiguous_dates="flag", law_date="period_start", psychiatric_period_may_exceed_six_months=True),
    Interpretation(education_right_window="admission", under_30_education_guidance=True),
)


def scenario_cases(directory: Path) -> list[dict[str, Any]]:
    """The ``case`` of every public scenario, in file order."""
    return [json.loads(path.read_text(encoding="utf-8"))["case"] for path in sorted(directory.glob("*.json"))]


def example_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.json"))]


def expected(item: Any) -> Decision | CaseError | UnsupportedDateError:
    try:
        return evaluate(item if isinstance(item, Case) else load_case(item))
    except (CaseError, UnsupportedDateError) as exc:
        return exc


def same(a: object, b: object) -> bool:
    """Decisions compare equal (and have equal records); errors have the same type and record."""
    if isinstance(a, Decision) and isinstance(b, Decision):
        return a == b and a.to_dict() == b.to_dict()
    assert isinstance(a, CaseError | UnsupportedDateError)
    assert isinstance(b, CaseError | UnsupportedDateError)
    return type(a) is type(b) and a.to_dict() == b.to_dict() and str(a) == str(b)


#: A case whose decision carries notices: an identifier in the case id, a period past the law's window.
NOTICED = {
    "decision_date": "2024-02-20",
    "case_id": "010190-1234",
    "periods": [{"start": "2026-10-01", "end": "2027-03-31"}],
    "psychiatric_discharge": {"discharge_date": "2026-11-01", "inpatient": True, "psychiatric": True},
}


def mixed_items(shared_cases_dir: Path) -> list[Any]:
    cases = scenario_cases(shared_cases_dir)
    return [
        *cases,
        NOTICED,
        *example_texts(),
        load_case(cases[0]),
        example_texts()[0].encode("utf-8"),
        "{not json",
        b"\xff\xfe",
        42,
        {"decision_date": "2031-05-01"},
        {"decision_date": "2024-02-20", "colour": "blue"},
    ]


class TestEvaluateOne:
    def test_accepts_case_mapping_text_and_bytes(self) -> None:
        """A Case, a mapping, JSON text and UTF-8 bytes give the same decision."""
        text = example_texts()[0]
        results = [
            evaluate_one(item, Interpretation()) for item in (load_case(text), json.loads(text), text, text.encode())
        ]
        assert all(isinstance(r, Decision) for r in results)
        assert len({r.fingerprint for r in results if isinstance(r, Decision)}) == 1

    def test_returns_errors(self) -> None:
        """Errors are returned, never raised."""
        assert isinstance(evaluate_one("[]", Interpretation()), CaseError)
        assert isinstance(evaluate_one(3.5, Interpretation()), CaseError)
        assert isinstance(evaluate_one({"decision_date": "2013-12-31"}, Interpretation()), UnsupportedDateError)


class TestEvaluateMany:
    @pytest.mark.parametrize("jobs", [1, 2])
    def test_order_and_errors_in_place(self, shared_cases_dir: Path, jobs: int) -> None:
        """Results come in input order; invalid cases yield their error in their place."""
        items = mixed_items(shared_cases_dir)
        results = list(evaluate_many(items, jobs=jobs, chunk_size=3))
        assert len(results) == len(items)
        for item, result in zip(items, results, strict=True):
            assert same(expected(item), result)
        kinds = [type(r).__name__ for r in results[-7:]]
        assert kinds == [
            "Decision",
            "Decision",
            "CaseError",
            "CaseError",
            "CaseError",
            "UnsupportedDateError",
            "CaseError",
        ]

    @pytest.mark.parametrize("interpretation", INTERPRETATIONS)
    def test_parallel_equals_sequential(self, shared_cases_dir: Path, interpretation: Interpretation) -> None:
        """Decisions made by worker processes are equal to in-process ones, for every interpretation."""
        items = scenario_cases(shared_cases_dir) + example_texts()
        sequential = list(evaluate_many(items, interpretation=interpretation))
        parallel = list(evaluate_many(items, interpretation=interpretation, jobs=2, chunk_size=4))
        assert all(same(a, b) for a, b in zip(sequential, parallel, strict=True))
        assert [r.to_json() for r in sequential if isinstance(r, Decision)] == [
            r.to_json() for r in parallel if isinstance(r, Decision)
        ]

    def test_empty(self) -> None:
        assert list(evaluate_many([])) == []
        assert list(evaluate_many([], jobs=2)) == []

    def test_jobs_1_is_lazy(self) -> None:
        """With one job the input is read one case at a time, as results are consumed."""
        pulled: list[int] = []

        def cases() -> Iterator[dict[str, str]]:
            for n in itertools.count():
                pulled.append(n)
                yield {"decision_date": "2024-02-20", "case_id": f"c{n}"}

        results = evaluate_many(cases())
        assert pulled == []
        first = next(iter(results))
        assert isinstance(first, Decision)
        assert pulled == [0]

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_unbounded_generator(self, jobs: int) -> None:
        """An infinite generator: taking the first results returns, and reads a bounded part of the input."""
        pulled = itertools.count()

        def cases() -> Iterator[dict[str, str]]:
            while True:
                yield {"decision_date": "2024-02-20", "case_id": f"c{next(pulled)}"}

        results = list(itertools.islice(evaluate_many(cases(), jobs=jobs, chunk_size=5), 7))
        assert [r.case.case_id for r in results if isinstance(r, Decision)] == [f"c{n}" for n in range(7)]
        assert next(pulled) <= 2 * jobs * 5 + 5

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"interpretation": {"ambiguous_dates": "strict"}}, TypeError),
            ({"jobs": 0}, ValueError),
            ({"jobs": "2"}, ValueError),
            ({"jobs": True}, ValueError),
            ({"chunk_size": 0}, ValueError),
        ],
    )
    def test_bad_arguments_raise_at_the_call(self, kwargs: dict[str, Any], error: type[Exception]) -> None:
        """Bad arguments raise before any case is read."""

        class Never:
            def __iter__(self) -> Iterator[dict[str, str]]:
                raise AssertionError("read")

        with pytest.raises(error):
            evaluate_many(Never(), **kwargs)


class TestPickling:
    def test_plain_pickle_fails(self) -> None:
        """The reason for the private pickler: a decision does not pickle with the standard one."""
        decision = evaluate(load_case(example_texts()[0]))
        with pytest.raises(TypeError):
            pickle.dumps(decision)

    @pytest.mark.parametrize("interpretation", INTERPRETATIONS)
    def test_round_trip(self, shared_cases_dir: Path, interpretation: Interpretation) -> None:
        """Every scenario's decision (or error) survives dumps_results/loads_results, with shared explainers."""
        originals = [evaluate_one(item, interpretation) for item in mixed_items(shared_cases_dir)]
        restored = loads_results(dumps_results(originals))
        assert all(same(a, b) for a, b in zip(originals, restored, strict=True))
        for a, b in zip(originals, restored, strict=True):
            if isinstance(a, Decision) and isinstance(b, Decision):
                assert all(
                    x.explainer is y.explainer
                    for x, y in zip(a.findings + a.notices, b.findings + b.notices, strict=True)
                )

    def test_errors_keep_their_attributes(self) -> None:
        error = evaluate_one({"decision_date": "2031-05-01"}, Interpretation())
        case_error = evaluate_one({"decision_date": "x", "periods": 3}, Interpretation())
        restored = loads_results(dumps_results([error, case_error]))
        assert isinstance(error, UnsupportedDateError)
        assert isinstance(restored[0], UnsupportedDateError)
        assert (restored[0].date, restored[0].what) == (error.date, error.what)
        assert isinstance(case_error, CaseError)
        assert restored[1].errors == case_error.errors
        assert restored[1].paths == ("decision_date", "periods")

    def test_evaluate_chunk_in_process(self) -> None:
        """The worker function computes the fingerprint before pickling."""
        texts = example_texts()
        restored = loads_results(evaluate_chunk(Interpretation(), [*texts, "{"]))
        assert [r.fingerprint for r in restored[:-1]] == [evaluate(load_case(t)).fingerprint for t in texts]
        assert isinstance(restored[-1], CaseError)


def _square(n: int) -> int:
    if n < 0:
        raise ArithmeticError(n)
    return n * n


class TestHelpers:
    def test_chunked(self) -> None:
        assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
        assert list(chunked([], 3)) == []

    @pytest.mark.parametrize("jobs", [1, 3])
    def test_map_ordered(self, jobs: int) -> None:
        assert list(map_ordered(_square, range(20), jobs=jobs)) == [n * n for n in range(20)]

    def test_map_ordered_propagates_and_stops(self) -> None:
        """A worker's exception reaches the caller; the pool is shut down."""
        with pytest.raises(ArithmeticError):
            list(map_ordered(_square, [1, 2, -1, 3, 4, 5, 6], jobs=2))

    def test_map_ordered_early_close(self) -> None:
        """Closing the iterator early cancels the rest."""
        results = map_ordered(_square, itertools.count(), jobs=2)
        assert isinstance(results, Generator)
        assert [next(results) for _ in range(3)] == [0, 1, 4]
        results.close()
