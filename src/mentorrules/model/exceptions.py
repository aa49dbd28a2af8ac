"""
Exceptions and warnings raised by mentorrules.

Legal outcomes are values, never exceptions: a condition that is not met is a
:class:`~mentorrules.Finding` with verdict ``not_met``, and an unknown fact is
a finding with verdict ``missing_facts``.  Exceptions are reserved for input
that cannot describe a case at all, and for dates outside the law the library
models.

The tree::

    MentorRulesError(Exception)
    ├── CaseError(MentorRulesError, ValueError)        bad input; .errors names every bad field
    │   ├── CostClaimError(CaseError)                  a bad cost claim (mentorrules.costs)
    │   └── ProfileError(CaseError)                    a bad practice profile (mentorrules.practice)
    └── UnsupportedDateError(MentorRulesError, LookupError)   a date outside the modelled law
    MentorRulesDeprecationWarning(DeprecationWarning)  a public name that will go away

The builtin base classes let callers that do not know this library keep
catching ``ValueError`` and ``LookupError``; and the subclasses of
:class:`CaseError`, which say which document failed, let callers that catch
``CaseError`` keep catching every input error (docs/compatibility.md).
"""

from __future__ import annotations

import datetime as _dt

import attrs


__all__ = [
    "CaseError",
    "CostClaimError",
    "FieldError",
    "MentorRulesDeprecationWarning",
    "MentorRulesError",
    "ProfileError",
    "UnsupportedDateError",
]


class MentorRulesError(Exception):
    """Base class of every error this library raises: catch it to catch them all."""


@attrs.frozen(kw_only=True)
class FieldError:
    """
    One bad field of an input.

    Attributes:
        path: Where the field is, written as in the JSON input, e.g.
            ``periods[1].end`` or ``citizen.target_group`` (``""`` for the
            whole document).
        message: What is wrong with it, in English, for a developer.
    """

    path: str
    message: str

    def __str__(self) -> str:
        """Render as ``path: message``."""
        return f"{self.path or '<document>'}: {self.message}"


class CaseError(MentorRulesError, ValueError):
    """
    Raised when input cannot describe a case (or a cost claim, or a profile).

    Every bad field is listed in :attr:`errors` at once, never only the first,
    so that a caller can correct a record in one go.  Unknown facts (``null``
    where the format allows it) are not errors: the rules report them as
    ``missing_facts``.

    Attributes:
        errors: The bad fields, in document order.
    """

    errors: tuple[FieldError, ...]

    def __init__(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        """Create the error from its field errors (at least one)."""
        self.errors = tuple(errors)
        lines = "; ".join(str(e) for e in self.errors)
        count = len(self.errors)
        noun = "field" if count == 1 else "fields"
        super().__init__(f"{count} bad {noun}: {lines}")

    @property
    def paths(self) -> tuple[str, ...]:
        """The paths of the bad fields, in document order."""
        return tuple(e.path for e in self.errors)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready description: type, message and the field errors."""
        return {
            "type": "CaseError",
            "message": str(self),
            "errors": [{"path": e.path, "message": e.message} for e in self.errors],
        }


class CostClaimError(CaseError):
    """
    Raised when input cannot describe a cost claim (:func:`~mentorrules.load_cost_claim`, ``mentorrules.costs``).

    A :class:`CaseError`, so ``except CaseError`` still catches it; its
    :attr:`~CaseError.errors`, message and :meth:`~CaseError.to_dict` are a
    ``CaseError``'s (``to_dict()["type"]`` stays ``"CaseError"``, as the JSON
    outputs have it).
    """


class ProfileError(CaseError):
    """
    Raised when a practice profile cannot be read or is not valid (``mentorrules.practice.load_profile``).

    A :class:`CaseError`, so ``except CaseError`` still catches it; its
    :attr:`~CaseError.errors`, message and :meth:`~CaseError.to_dict` are a
    ``CaseError``'s.
    """


class UnsupportedDateError(MentorRulesError, LookupError):
    """
    Raised when a date lies outside the law versions the library models.

    The library models decisions from 2014-01-01 (the mentor rules of LAB
    chapter 9 b, introduced by the cash-benefit reform) to 2026-12-31 (a new
    main act on the employment effort is announced from 2027-01-01 and is not
    enacted in the sources the rules were built from).  Batch evaluation and
    the command line record the error for the case and go on.

    Attributes:
        date: The date that could not be served.
        what: Which date it was (e.g. ``"law date"``).
    """

    date: _dt.date
    what: str

    def __init__(self, date: _dt.date, *, what: str, detail: str) -> None:
        """Create the error for ``date``; ``detail`` says what is modelled and why."""
        self.date = date
        self.what = what
        super().__init__(f"{what} {date.isoformat()} is not modelled: {detail}")

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready description: type, message and the date."""
        return {
            "type": "UnsupportedDateError",
            "message": str(self),
            "date": self.date.isoformat(),
        }


class MentorRulesDeprecationWarning(DeprecationWarning):
    """
    Warned at the call of a deprecated public name, never at import.

    It subclasses :class:`DeprecationWarning`, so it stays quiet for end
    users while test runners show it to integrators.
    """
