"""
Deprecation of public names and arguments (docs/compatibility.md).

A deprecated name or argument keeps working for at least 12 months and at
least two minor releases before a major release removes it.  Using it warns
:class:`~mentorrules.MentorRulesDeprecationWarning` *at the call*, pointing
at the caller's line, and never at import: importing a module that defines or
re-exports a deprecated function is silent, so that ``python -W error``
and ``filterwarnings = ["error"]`` break only the code that still calls it.

Deprecate a function or method with :func:`deprecated`::

    @deprecated(since="1.3", removal="2.0", instead="mentorrules.evaluate(case)")
    def decide(case: Case) -> Decision:
        '''Evaluate a case (the old name of evaluate).'''
        return evaluate(case)

and an argument, inside the function that still accepts it, with
:func:`warn_deprecated`::

    if jobs is not None:
        warn_deprecated("the argument jobs", since="1.3", removal="2.0", instead="workers")

The decorated function gets a ``.. deprecated::`` note in its docstring (for
the API reference) and a ``__deprecated__`` attribute holding the message, as
:pep:`702` specifies for type checkers.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from mentorrules.exceptions import MentorRulesDeprecationWarning


__all__ = ["deprecated", "deprecation_message", "warn_deprecated"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def deprecation_message(what: str, *, since: str, removal: str, instead: str) -> str:
    """
    Return the message of a deprecation warning.

    >>> deprecation_message("decide()", since="1.3", removal="2.0", instead="evaluate()")
    'decide() is deprecated since mentorrules 1.3 and will be removed in 2.0; use evaluate() instead.'

    Raises:
        ValueError: If an argument is empty.
    """
    for name, value in (("what", what), ("since", since), ("removal", removal), ("instead", instead)):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} must be a non-empty string, not {value!r}")
    return f"{what} is deprecated since mentorrules {since} and will be removed in {removal}; use {instead} instead."


def warn_deprecated(what: str, *, since: str, removal: str, instead: str, stacklevel: int = 1) -> None:
    """
    Warn that ``what`` is deprecated, attributing the warning to the caller of the function that calls this.

    Args:
        what: What is deprecated, e.g. ``"the argument jobs"``.
        since: The release that deprecated it.
        removal: The (major) release that will remove it.
        instead: What to use instead.
        stacklevel: Further frames to skip, for helpers that call this on
            behalf of their own caller (1: the caller of the function that
            calls ``warn_deprecated``).

    Raises:
        ValueError: If an argument is empty or ``stacklevel`` is below 1.
    """
    if stacklevel < 1:
        raise ValueError(f"stacklevel must be 1 or more, not {stacklevel}")
    message = deprecation_message(what, since=since, removal=removal, instead=instead)
    # 1: this function, 2: the deprecated function, 3: its caller.
    warnings.warn(message, MentorRulesDeprecationWarning, stacklevel=stacklevel + 2)


def deprecated(*, since: str, removal: str, instead: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """
    Mark a function or method as deprecated: each call warns, at the caller's line.

    The warning is :class:`~mentorrules.MentorRulesDeprecationWarning` with
    ``stacklevel=2`` (the caller of the deprecated function); defining,
    decorating and importing warn nothing.

    Args:
        since: The release that deprecated it, e.g. ``"1.3"``.
        removal: The major release that will remove it (at least 12 months
            and two minor releases later), e.g. ``"2.0"``.
        instead: What to use instead, e.g. ``"mentorrules.evaluate()"``.

    Returns:
        A decorator for functions and methods (not for classes).

    Raises:
        ValueError: If an argument is empty.
        TypeError: If what is decorated is a class or not callable.

    >>> @deprecated(since="1.3", removal="2.0", instead="evaluate()")
    ... def decide() -> str:
    ...     '''Decide.'''
    ...     return "decided"
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     decide()
    'decided'
    >>> print(caught[0].message)
    decide() is deprecated since mentorrules 1.3 and will be removed in 2.0; use evaluate() instead.
    """
    deprecation_message("the function", since=since, removal=removal, instead=instead)  # check the arguments now

    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        if isinstance(function, type) or not callable(function):
            raise TypeError(f"@deprecated decorates functions and methods, not {function!r}")
        what = f"{function.__qualname__}()"
        message = deprecation_message(what, since=since, removal=removal, instead=instead)

        @functools.wraps(function)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            warnings.warn(message, MentorRulesDeprecationWarning, stacklevel=2)
            return function(*args, **kwargs)

        note = f".. deprecated:: {since}\n   Will be removed in {removal}; use {instead} instead."
        doc = inspect.cleandoc(function.__doc__) if function.__doc__ else ""
        wrapper.__doc__ = f"{doc}\n\n{note}" if doc else note
        wrapper.__deprecated__ = message  # type: ignore[attr-defined]
        return wrapper

    return decorate
