"""
Thread safety and the absence of global mutable state.

``evaluate`` is a pure function of the case and the interpretation (DESIGN
sections 4 and 6): a municipal web service may call it from many threads at
once.  The tests evaluate the public scenarios (``../shared/cases``) from 8
threads at once, many times each, and compare the bytes of every decision with a
sequential run; and they inspect every module of the package for a module-level
global that could carry state from one call to the next (a dict, list, set or
bytearray, or an object whose attributes can be set).
"""

from __future__ import annotations
import __future__

import dataclasses
import enum
import importlib
import json
import logging
import pkgutil
import random
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis.strategies import SearchStrategy

import mentorrules
from mentorrules import Case, CaseError, Interpretation, UnsupportedDateError, evaluate, load_case


THREADS = 8
ROUNDS = 25
SHARED_CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"


def shared_scenarios() -> list[tuple[str, Case, Interpretation]]:
    """The shared scenarios that load and evaluate without error: (file name, case, interpretation)."""
    assert SHARED_CASES.is_dir(), f"the shared scenarios are missing: {SHARED_CASES}"
    scenarios = []
    for path in sorted(SHARED_CASES.glob("*.json")):
        scenario = json.loads(path.read_text(encoding="utf-8"))
        try:
            case = load_case(scenario["case"])
            interpretation = Interpretation(**scenario.get("interpretation", {}))
            evaluate(case, interpretation=interpretation)
        except (CaseError, UnsupportedDateError):
            continue
        scenarios.append((path.name, case, interpretation))
    return scenarios


@pytest.fixture(scope="module", name="scenarios")
def scenarios_fixture() -> list[tuple[str, Case, Interpretation]]:
    scenarios = shared_scenarios()
    assert len(scenarios) >= 5, "too few shared scenarios load to test anything"
    return scenarios


@pytest.fixture(name="fast_switching")
def fast_switching_fixture() -> Iterator[None]:
    """Switch threads every 10 microseconds (instead of 5 ms), so that the threads interleave inside evaluate."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def run_in_threads(work: Callable[[int], list[str]]) -> list[list[str]]:
    """Run ``work(thread_index)`` in 8 threads that start together; return each thread's result, re-raising errors."""
    barrier = threading.Barrier(THREADS)
    results: list[list[str]] = [[] for _ in range(THREADS)]
    errors: list[BaseException] = []

    def target(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work(index)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=target, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    if errors:
        raise errors[0]
    return results


@pytest.mark.usefixtures("fast_switching")
def test_concurrent_evaluation_gives_the_sequential_bytes(scenarios: list[tuple[str, Case, Interpretation]]) -> None:
    """8 threads evaluating the shared scenarios, each in its own order, 25 rounds: every to_json() as sequentially."""
    expected = {
        name: evaluate(case, interpretation=interpretation).to_json() for name, case, interpretation in scenarios
    }

    def work(index: int) -> list[str]:
        order = list(scenarios)
        random.Random(index).shuffle(order)
        wrong = []
        for _ in range(ROUNDS):
            for name, case, interpretation in order:
                if evaluate(case, interpretation=interpretation).to_json() != expected[name]:
                    wrong.append(name)
        return wrong

    assert run_in_threads(work) == [[] for _ in range(THREADS)]


@pytest.mark.usefixtures("fast_switching")
def test_one_decision_read_from_many_threads(scenarios: list[tuple[str, Case, Interpretation]]) -> None:
    """Decisions shared between threads (the fingerprint computed lazily, once) read the same in every thread."""
    decisions = [evaluate(case, interpretation=interpretation) for _, case, interpretation in scenarios]
    fresh = [evaluate(case, interpretation=interpretation) for _, case, interpretation in scenarios]
    expected = [decision.to_json() for decision in fresh]

    def work(index: int) -> list[str]:
        return [decision.to_json() for decision in decisions] + [decision.fingerprint for decision in decisions]

    for result in run_in_threads(work):
        assert result == expected + [decision.fingerprint for decision in fresh]


# --- no global mutable state ----------------------------------------------------------------

#: Immutable values a module may hold at module level.
IMMUTABLE = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    Decimal,
    date,
    timedelta,
    range,
    re.Pattern,
    types.MappingProxyType,
    enum.Enum,
    __future__._Feature,  # from __future__ import annotations
    SearchStrategy,  # an immutable description of data; Hypothesis recommends module-level strategies
    logging.Logger,  # loggers are process-wide singletons by design (none exist today)
)
#: Code and types: modules, classes, functions, builtins, typing aliases.
CODE = (
    types.ModuleType,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodWrapperType,
    types.GenericAlias,
    types.UnionType,
    typing.TypeVar,
    typing.ParamSpec,
)


def _is_typing_construct(value: object) -> bool:
    """typing.Union[...], typing.Callable[...], Literal[...] and the other special forms live in ``typing``."""
    return type(value).__module__ == "typing"


def _is_frozen_instance(value: object) -> bool:
    """An instance of a frozen attrs class or a frozen dataclass."""
    cls = type(value)
    if attrs.has(cls):
        fields = attrs.fields(cls)
        if not fields:
            return False
        try:
            setattr(value, fields[0].name, getattr(value, fields[0].name))  # the same value: harmless if it works
        except attrs.exceptions.FrozenInstanceError:
            return True
        return False
    params = getattr(cls, "__dataclass_params__", None)
    return dataclasses.is_dataclass(value) and params is not None and bool(params.frozen)


def mutable_state(value: object, *, depth: int = 0) -> str | None:
    """Say why a module-level value is mutable state, or return None when it is not."""
    if isinstance(value, types.BuiltinMethodType) and not isinstance(value.__self__, (types.ModuleType, type(None))):
        return mutable_state(value.__self__, depth=depth + 1)  # a bound builtin method carries its object: {}.get
    if isinstance(value, CODE) or _is_typing_construct(value):
        return None
    if isinstance(value, (dict, list, set, bytearray)):
        return f"a {type(value).__name__}"
    if depth < 3 and isinstance(value, (tuple, frozenset, types.MappingProxyType)):  # immutable only if their items are
        items = [*value.keys(), *value.values()] if isinstance(value, types.MappingProxyType) else value
        reasons = (mutable_state(item, depth=depth + 1) for item in items)
        reason = next((reason for reason in reasons if reason), None)
        return None if reason is None else reason if reason.startswith("holds ") else f"holds {reason}"
    if isinstance(value, (*IMMUTABLE, tuple, frozenset)):
        return None
    if isinstance(value, types.MethodType):
        return mutable_state(value.__self__, depth=depth + 1)
    if _is_frozen_instance(value):
        return None
    if _settable(value):
        return f"an instance of {type(value).__module__}.{type(value).__qualname__} whose attributes can be set"
    return None


def _settable(value: object) -> bool:
    """Whether attributes can be set on an object: it has a ``__dict__``, or a class of its MRO declares slots."""
    if hasattr(value, "__dict__"):
        return True
    for klass in type(value).__mro__:
        slots = getattr(klass, "__slots__", ())
        if any(slot != "__weakref__" for slot in ((slots,) if isinstance(slots, str) else slots)):
            return True
    return False


def package_modules() -> list[types.ModuleType]:
    """Every module of the package, imported."""
    names = [mentorrules.__name__] + [
        info.name for info in pkgutil.walk_packages(mentorrules.__path__, prefix=mentorrules.__name__ + ".")
    ]
    return [importlib.import_module(name) for name in names]


def globals_violations(modules: list[types.ModuleType]) -> dict[str, str]:
    """Each module-level name (``module.name``) bound to mutable state, with the reason."""
    found = {}
    for module in modules:
        for name, value in vars(module).items():
            if name == "__all__":
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    found[f"{module.__name__}.__all__"] = "__all__ must be a list of str"
                continue
            if name.startswith("__") and name.endswith("__"):
                continue  # module machinery: __builtins__, __path__, __annotations__, __loader__, ...
            reason = mutable_state(value)
            if reason:
                found[f"{module.__name__}.{name}"] = reason
    return found


#: Module-level state found by this test and reported to the modules' owners (none of it is written to after
#: import, so none of it is a bug today; each is a value a caller could change for every later call).
#: Remove an entry when it is fixed: the test fails on a new violation and on a stale entry alike.
_SETTABLE = "whose attributes can be set"
# Read-only in practice (never written after import) but technically settable objects: the JSON coders and
# the string formatter; and the engine's cache of the rules resolved per epoch of the law (epoch_rules, a
# functools.cache filled on the first evaluation in an epoch, whose entries never change; batch imports it).
# Listed so that any new module-level mutable value fails.
KNOWN_VIOLATIONS: dict[str, str] = {
    "mentorrules.rules._base._FORMATTER": f"an instance of string.Formatter {_SETTABLE}",
    "mentorrules.engine.evaluate.epoch_rules": f"an instance of functools._lru_cache_wrapper {_SETTABLE}",
    "mentorrules.batch.epoch_rules": f"an instance of functools._lru_cache_wrapper {_SETTABLE}",
    "mentorrules.model.canonical._CANONICAL": f"an instance of json.encoder.JSONEncoder {_SETTABLE}",
    "mentorrules.model.generated._DECODER": f"an instance of json.decoder.JSONDecoder {_SETTABLE}",
    # The code generated from the documents' descriptions, cached per class on first use (functools.cache;
    # an entry never changes, and computing one twice in two threads gives equal code).
    **{
        f"mentorrules.{name}": f"an instance of functools._lru_cache_wrapper {_SETTABLE}"
        for name in (
            "model.description.shape",
            "model.generated.shape",
            "model.generated._check_of",
            "model.generated._fields_by_name",
            "model.generated._members",
            "model.generated.codec",
            "model.canonical.codec",
            "codec.cases.codec",
            "costs.codec",
            "practice.profile.codec",
        )
    },
    # The columnar path's tables computed once on first use: the layout's columns (from the facts'
    # descriptions), the white space str.strip removes and its RE2 class, the e-mail pattern, and the
    # month arithmetic of every day a case may hold (read-only arrays).  Some are imported by a second module.
    **{
        f"mentorrules.columnar.{name}": f"an instance of functools._lru_cache_wrapper {_SETTABLE}"
        for name in (
            "dates._table",
            "engine._email",
            "engine._whitespace_array",
            "engine.python_whitespace",
            "engine.whitespace_class",
            "layout.case_columns",
            "layout.period_columns",
            "layout.task_columns",
            "layout.python_whitespace",
            "layout.whitespace_class",
            "layout.shape",
        )
    },
}


def test_every_module_of_the_package_is_inspected() -> None:
    """The walk finds the package's modules, the rules subpackage and the optional ones included."""
    names = {module.__name__ for module in package_modules()}
    assert {"mentorrules", "mentorrules.engine.evaluate", "mentorrules.rules.duration", "mentorrules.testing"} <= names


def test_no_module_holds_global_mutable_state() -> None:
    """No module-level global is a dict, list, set, bytearray or settable object (except the known, reported ones)."""
    found = globals_violations(package_modules())
    new = {name: reason for name, reason in found.items() if KNOWN_VIOLATIONS.get(name) != reason}
    fixed = sorted(name for name in KNOWN_VIOLATIONS if name not in found)
    assert new == {}, "module-level mutable state: make it immutable (tuple, frozenset, MappingProxyType, frozen attrs)"
    assert fixed == [], "fixed, thank you: remove these from KNOWN_VIOLATIONS"


@pytest.mark.parametrize(
    ("value", "mutable"),
    [
        ({}, True),
        ([], True),
        (set(), True),
        (bytearray(), True),
        ((1, [2]), True),
        (frozenset({(1, 2)}), False),
        (types.MappingProxyType({"a": 1}), False),
        (re.compile("x"), False),
        (json.JSONEncoder(), True),
        (types.MappingProxyType({"a": []}), True),
        (date(2024, 1, 1), False),
        (Interpretation(), False),
        (mentorrules.Verdict.MET, False),
        (str | None, False),
        (typing.Optional[int], False),  # noqa: UP045 - the typing form is what is tested
        (Any, False),
        (evaluate, False),
        ({}.get, True),
        ("text".upper, False),
        (pytest.approx(1), True),
    ],
)
def test_the_inspection_tells_mutable_from_immutable(value: Any, mutable: bool) -> None:
    """The inspection itself: containers and settable objects are state; immutable values, code and types are not."""
    assert (mutable_state(value) is not None) is mutable


def test_all_is_a_list_by_convention() -> None:
    """__all__ is a list in every module (the one module-level list the convention allows)."""
    module = types.ModuleType("example")
    module.__all__ = ("a",)  # type: ignore[assignment]
    assert globals_violations([module]) == {"example.__all__": "__all__ must be a list of str"}
    module.__all__ = ["a"]
    module.cache = {}  # type: ignore[attr-defined]
    assert globals_violations([module]) == {"example.cache": "a dict"}
