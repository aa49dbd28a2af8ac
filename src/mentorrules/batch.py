"""
Batch evaluation (*masseafgørelser*): many cases, streamed, in input order.

:func:`evaluate_many` evaluates an iterable of cases, lazily, and yields one
result per case in input order: a :class:`~mentorrules.Decision`, or the
:class:`~mentorrules.CaseError` or :class:`~mentorrules.UnsupportedDateError`
that case raised.  An invalid case never stops the batch; it is reported in
its place, so that an audit of a million records can say which records are
wrong and still decide the rest.

    >>> from mentorrules import Decision
    >>> cases = [
    ...     {"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]},
    ...     {"decision_date": "not a date"},
    ...     {"decision_date": "2031-01-01"},
    ... ]
    >>> [type(result).__name__ for result in evaluate_many(cases)]
    ['Decision', 'CaseError', 'UnsupportedDateError']

With ``jobs`` greater than one the cases are evaluated by that many worker
processes, in chunks, with a bounded number of chunks in flight: memory stays
constant however long the input is, and an unbounded generator is read only as
far as the results are consumed (plus the chunks in flight).

How results cross processes
---------------------------
A :class:`~mentorrules.Decision` does not pickle with the standard pickler:
its findings hold their facts in read-only mapping proxies, and every finding
and notice refers to the shared registry object that words its message.  The
workers therefore pickle their results with a private pickler whose dispatch
table writes a mapping proxy as its dictionary, a registry view as a
reference (law epoch, rule id) that the parent resolves to its own shared view,
and the library's exceptions as class, message and attributes.  The parent
reads them with the standard unpickler and gets decisions that compare equal
to those :func:`~mentorrules.evaluate` returns in-process, with the fingerprint
already computed by the worker.  No process-wide pickling registry
(:mod:`copyreg`) is changed.  A chunk of cases that does not pickle (an item
nested deeper than the pickler goes, or not picklable at all) is evaluated in
this process instead, so that ``jobs`` never changes the results.

Worker processes
----------------
The workers ignore ``SIGINT`` (the parent process decides what an interrupt
stops) and take ``SIGTERM``'s default action.  Each watches its parent: when
the parent is gone (killed, even with ``SIGKILL``), the worker exits within a
fraction of a second instead of finishing its work for nobody.  When the
consumer stops early, or an exception (an interrupt) ends the iteration, the
workers are terminated at once rather than left to finish their chunks.
"""

from __future__ import annotations

import copyreg
import io
import itertools
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from functools import partial
from types import MappingProxyType
from typing import Any, TypeVar

from mentorrules.codec.cases import load_case
from mentorrules.engine.evaluate import epoch_rules, evaluate
from mentorrules.engine.notices import NOTICE_EXPLAINER, NoticeExplainer
from mentorrules.law.interpretation import Interpretation
from mentorrules.model.exceptions import CaseError, UnsupportedDateError
from mentorrules.model.facts import Case
from mentorrules.model.outcomes import Decision
from mentorrules.rules._base import RuleView


__all__ = ["Result", "evaluate_many"]

#: What :func:`evaluate_many` yields for one case.
Result = Decision | CaseError | UnsupportedDateError

_T = TypeVar("_T")
_R = TypeVar("_R")

_DEFAULT = Interpretation()

#: Cases per chunk sent to a worker process by :func:`evaluate_many`.
DEFAULT_CHUNK_SIZE = 256


def evaluate_one(item: object, interpretation: Interpretation) -> Result:
    """
    Evaluate one case given as a :class:`~mentorrules.Case`, a mapping or JSON text.

    Returns:
        The decision, or the :class:`~mentorrules.CaseError` /
        :class:`~mentorrules.UnsupportedDateError` raised while loading or
        evaluating the case (returned, not raised).
    """
    try:
        case = item if type(item) is Case else load_case(item)  # type: ignore[arg-type]
        return evaluate(case, interpretation=interpretation)
    except (CaseError, UnsupportedDateError) as exc:
        return exc


def evaluate_many(
    cases: Iterable[Case | Mapping[str, Any] | str | bytes],
    *,
    interpretation: Interpretation = _DEFAULT,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[Result]:
    """
    Evaluate many cases, streaming, and yield one result per case in input order.

    Each item is a :class:`~mentorrules.Case`, a mapping in the JSON format of
    :func:`~mentorrules.load_case`, or JSON text (``str`` or UTF-8 ``bytes``).
    A case that cannot be loaded or evaluated yields its
    :class:`~mentorrules.CaseError` or :class:`~mentorrules.UnsupportedDateError`
    in its place; these are never raised.

    Args:
        cases: The cases; any iterable, also an unbounded generator.
        interpretation: The interpretation applied to every case.
        jobs: The number of worker processes.  ``1`` (the default) evaluates
            in this process, one case at a time as results are consumed.  With
            more, the items are sent in chunks of ``chunk_size`` and at most
            ``2 * jobs`` chunks are in flight; a chunk that cannot be pickled
            is evaluated in this process.
        chunk_size: Cases per chunk when ``jobs`` is greater than one.

    Returns:
        An iterator of results, in input order.

    Raises:
        TypeError: ``interpretation`` is not an :class:`~mentorrules.Interpretation`.
        ValueError: ``jobs`` or ``chunk_size`` is not a positive integer.

    Both are raised at the call, before any case is read.

    >>> results = evaluate_many([{"decision_date": "2024-02-20"}] * 3, jobs=1)
    >>> [result.verdict.value for result in results]
    ['missing_facts', 'missing_facts', 'missing_facts']
    """
    if type(interpretation) is not Interpretation:
        raise TypeError(f"interpretation must be an Interpretation, not {type(interpretation).__name__}")
    for name, value in (("jobs", jobs), ("chunk_size", chunk_size)):
        if type(value) is not int or value < 1:
            raise ValueError(f"{name} must be a positive integer, not {value!r}")
    if jobs == 1:
        return (evaluate_one(item, interpretation) for item in cases)
    return _evaluate_parallel(cases, interpretation, jobs, chunk_size)


def _evaluate_parallel(
    cases: Iterable[object], interpretation: Interpretation, jobs: int, chunk_size: int
) -> Iterator[Result]:
    work = partial(_evaluate_sent, interpretation)
    for data in map_ordered(work, _sendable(chunked(cases, chunk_size), interpretation), jobs=jobs):
        yield from loads_results(data)


def _sendable(chunks: Iterable[list[object]], interpretation: Interpretation) -> Iterator[tuple[bool, bytes]]:
    """
    Pickle each chunk for a worker: ``(False, pickled items)``.

    A chunk that does not pickle (an item nested deeper than the pickler's recursion goes, or not picklable at
    all) is evaluated here instead: ``(True, pickled results)``, which the worker hands back unchanged.
    """
    for chunk in chunks:
        try:
            yield False, pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # RecursionError, PicklingError, TypeError, AttributeError: whatever the item holds
            yield True, evaluate_chunk(interpretation, chunk)


def _evaluate_sent(interpretation: Interpretation, sent: tuple[bool, bytes]) -> bytes:
    """Evaluate a chunk pickled by :func:`_sendable` (in a worker process); return it if it is already done."""
    done, data = sent
    if done:
        return data
    items: list[object] = pickle.loads(data)  # our own parent's pickle, never outside data
    return evaluate_chunk(interpretation, items)


def evaluate_chunk(interpretation: Interpretation, items: list[object]) -> bytes:
    """
    Evaluate a chunk of cases in a worker process; return the results pickled by :func:`dumps_results`.

    The fingerprint of each decision is computed here, so that the parent does
    not pay for it.
    """
    results = [evaluate_one(item, interpretation) for item in items]
    for result in results:
        if isinstance(result, Decision):
            _ = result.fingerprint
    return dumps_results(results)


def chunked(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Yield lists of up to ``size`` consecutive items, reading ``items`` lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def map_ordered(func: Callable[[_T], _R], items: Iterable[_T], *, jobs: int) -> Generator[_R, None, None]:
    """
    Apply ``func`` to every item, in ``jobs`` worker processes, yielding the results in input order.

    At most ``2 * jobs`` items are in flight, so memory is bounded however
    many items there are, and ``items`` is read only as far as results are
    consumed.  With ``jobs == 1`` everything runs in this process.  When the
    consumer stops early (or an exception escapes, an interrupt among them),
    the pending work is cancelled and the workers are terminated before the
    iterator closes; otherwise they are shut down when the last result has
    been yielded.  The workers exit by themselves when this process dies
    (see :func:`_start_worker`).

    ``func`` and the items must be picklable when ``jobs > 1``.
    """
    if jobs == 1:
        yield from map(func, items)
        return
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker)
    pending: deque[Future[_R]] = deque()
    finished = False
    try:
        for item in items:
            pending.append(executor.submit(func, item))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if not finished:
            _terminate_workers(executor)
        executor.shutdown(wait=True, cancel_futures=True)


#: How often (seconds) a worker process checks that its parent is still there.
PARENT_CHECK_INTERVAL = 0.2
#: How long (seconds) a terminated worker process is given to exit before it is killed.
_TERMINATE_TIMEOUT = 5.0


def _terminate_workers(executor: ProcessPoolExecutor) -> None:
    """Terminate the worker processes of ``executor`` now (``SIGTERM``; ``SIGKILL`` if one does not exit)."""
    # ProcessPoolExecutor has no public way to stop work that is running; CPython keeps its processes here.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(_TERMINATE_TIMEOUT)
        if process.exitcode is None:  # pragma: no cover  # a worker that ignores SIGTERM: never ours
            process.kill()
            process.join()


def _start_worker() -> None:
    """
    Prepare a worker process (the pool's initializer).

    An interrupt (``SIGINT``, which a terminal sends to every process of the
    job) is ignored: the parent decides what it stops, and terminates the
    workers.  ``SIGTERM`` takes its default action, whatever handler the
    parent had installed when the worker was forked.  A daemon thread watches
    the parent (:func:`_watch_parent`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    watcher = threading.Thread(target=_watch_parent, args=(os.getppid(),), name="mentorrules-parent-watch", daemon=True)
    watcher.start()


def _watch_parent(parent: int, interval: float = PARENT_CHECK_INTERVAL) -> None:
    """
    Exit this process as soon as its parent ``parent`` is gone.

    An orphan is adopted by another process, so its parent's id changes:
    checked every ``interval`` seconds, which costs nothing measurable.
    Without this, a worker whose parent was killed would finish the chunk it
    holds (and keep its memory) and then wait for work forever.
    """
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)  # no clean-up: the parent that wanted the results is gone


# --- pickling results across processes ---------------------------------------


def _proxy(data: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(data)


def _reduce_proxy(proxy: MappingProxyType[str, Any]) -> tuple[Any, ...]:
    return _proxy, (dict(proxy),)


def _shared_view(valid_from: date, rule_id: str) -> RuleView:
    """Return the parent's own registry view of a rule for the law epoch starting ``valid_from``."""
    return epoch_rules(valid_from).views[rule_id]


def _reduce_view(view: RuleView) -> tuple[Any, ...]:
    return _shared_view, (view.snapshot.valid_from, view.rule.id)


def _notice_explainer() -> NoticeExplainer:
    return NOTICE_EXPLAINER


def _reduce_notice_explainer(explainer: NoticeExplainer) -> tuple[Any, ...]:
    return _notice_explainer, ()


def _restore_error(cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]) -> BaseException:
    """Rebuild an exception without calling its ``__init__`` (whose signature differs from ``args``)."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def _reduce_error(error: BaseException) -> tuple[Any, ...]:
    return _restore_error, (type(error), error.args, dict(error.__dict__))


class _ResultPickler(pickle.Pickler):
    """A pickler for decisions and the library's exceptions (see the module docstring)."""

    dispatch_table = MappingProxyType(
        {
            **copyreg.dispatch_table,
            MappingProxyType: _reduce_proxy,
            RuleView: _reduce_view,
            NoticeExplainer: _reduce_notice_explainer,
            CaseError: _reduce_error,
            UnsupportedDateError: _reduce_error,
        }
    )


def dumps_results(results: list[Any]) -> bytes:
    """Pickle a list holding decisions and the library's exceptions so that :func:`loads_results` restores it."""
    buffer = io.BytesIO()
    _ResultPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(results)
    return buffer.getvalue()


def loads_results(data: bytes) -> list[Any]:
    """Restore what :func:`dumps_results` pickled (only ever data this library's workers wrote)."""
    results: list[Any] = pickle.loads(data)  # our own worker's output, never outside data
    return results
