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

**One language at a time.**  ``str(error)`` and :attr:`FieldError.message` are
English, as the JSON records have always held them; ``error.text(lang)`` gives the
same in Danish (``"da"``, the default) or English.  A module that checks input words
its messages from a catalogue of its own (:class:`Messages`: Danish and English
templates by key), so a :class:`FieldError` carries its :class:`Message` (``parts``)
as well as its English text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, TypeAlias

import attrs


__all__ = [
    "WITHHELD_KEY",
    "CaseError",
    "CostClaimError",
    "FieldError",
    "MentorRulesDeprecationWarning",
    "MentorRulesError",
    "Message",
    "Messages",
    "Param",
    "ProfileError",
    "UnsupportedDateError",
]


class MentorRulesError(Exception):
    """Base class of every error this library raises: catch it to catch them all."""


def _check_lang(lang: str) -> None:
    """
    Raise :class:`ValueError` unless ``lang`` is ``"da"`` or ``"en"``.

    The same check as :func:`mentorrules.model.outcomes.check_lang`, here because this module
    imports nothing of the library (everything else imports it).
    """
    if lang not in ("da", "en"):
        raise ValueError(f"lang must be 'da' or 'en', not {lang!r}")


# --- messages in two languages ----------------------------------------------------

#: The value of a placeholder of a message: a text that reads the same in both languages (a path, a
#: quoted value, a number), a pair ``(danish, english)``, or a message of its own.
Param: TypeAlias = "str | tuple[str, str] | Message"


@attrs.frozen
class Message:
    """
    A message in both languages: its templates ``(danish, english)`` and the values of their placeholders.

    Make one with :meth:`Messages.of`, from the catalogue of the module that gives it.

    Attributes:
        key: Its key in that catalogue (``"field.required"``).
        templates: The Danish and the English template, with the same ``{placeholders}``.
        params: The placeholders' values, as ``(name, value)`` pairs.
    """

    key: str
    templates: tuple[str, str] = attrs.field(repr=False)
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: str = "da") -> str:
        """Return the message in ``lang`` (``"da"`` or ``"en"``)."""
        _check_lang(lang)
        return self._render(0 if lang == "da" else 1)

    def _render(self, index: int) -> str:
        values = {name: _param_text(value, index) for name, value in self.params}
        return self.templates[index].format_map(values)


def _param_text(value: Param, index: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return value[index]
    return value._render(index)


def _frozen(templates: Mapping[str, tuple[str, str]]) -> Mapping[str, tuple[str, str]]:
    return MappingProxyType(dict(templates))


@attrs.frozen
class Messages:
    """
    The messages one module gives about its input: ``(danish, english)`` templates by key.

    Each module that checks input keeps its catalogue as a constant, and words a message
    with :meth:`of`; a test reads every catalogue of the package at once.

        >>> greetings = Messages({"greeting": ("hej {name}", "hello {name}")})
        >>> message = greetings.of("greeting", name=("verden", "world"))
        >>> message.text("da"), message.text("en")
        ('hej verden', 'hello world')

    Attributes:
        templates: The templates by key (read-only).
    """

    templates: Mapping[str, tuple[str, str]] = attrs.field(converter=_frozen)

    def of(self, key: str, /, **params: Param) -> Message:
        """
        Return the message ``key`` with these placeholder values.

        Raises:
            KeyError: If the catalogue has no such key.
        """
        return Message(key, self.templates[key], tuple(params.items()))


#: What a path says instead of a key that looks like a CPR number, in English (as the path holds it) and in Danish.
WITHHELD_KEY: Final = "<a key that looks like a CPR number (withheld)>"
_WITHHELD_KEY_DA: Final = "<en nøgle, der ligner et CPR-nummer (tilbageholdt)>"


# --- input errors ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FieldError:
    """
    One bad field of an input.

    :attr:`message` is the English text (what the JSON records and ``str()`` hold);
    :meth:`text` gives it in Danish or English.

        >>> wrong = Messages({"wrong": ("er forkert: {value}", "is wrong: {value}")})
        >>> error = FieldError.of("periods[0].end", wrong.of("wrong", value="'2024-02-30'"))
        >>> error.message, error.text("da")
        ("is wrong: '2024-02-30'", "er forkert: '2024-02-30'")

    Attributes:
        path: Where the field is, written as in the JSON input, e.g.
            ``periods[1].end`` or ``citizen.target_group`` (``""`` for the
            whole document).
        message: What is wrong with it, in English, for a developer.
        parts: The message with its templates and values, from which :meth:`text`
            words it in Danish (``None`` for a message given only in English,
            which :meth:`text` then gives in both languages).
    """

    path: str
    message: str
    parts: Message | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, path: str, message: Message) -> FieldError:
        """Return the error at ``path`` with ``message`` (its English text becomes :attr:`message`)."""
        return cls(path=path, message=message.text("en"), parts=message)

    def text(self, lang: str = "da") -> str:
        """Return what is wrong, in ``lang`` (``"en"`` gives :attr:`message`)."""
        _check_lang(lang)
        if lang == "en" or self.parts is None:
            return self.message
        return self.parts.text(lang)

    def describe(self, lang: str = "da") -> str:
        """
        Return ``path: text`` in ``lang``, as ``str()`` does in English.

        The path stays as written; only what stands for the whole document (``<document>``)
        and for a withheld key is worded in Danish.
        """
        if lang == "en":
            return str(self)
        path = self.path.replace(WITHHELD_KEY, _WITHHELD_KEY_DA) if self.path else "<dokument>"
        return f"{path}: {self.text(lang)}"

    def __str__(self) -> str:
        """Render as ``path: message``."""
        return f"{self.path or '<document>'}: {self.message}"


class CaseError(MentorRulesError, ValueError):
    """
    Raised when input cannot describe a case (or a cost claim, or a profile).

    Every bad field is listed in :attr:`errors` at once, never only the first,
    so that a caller can correct a record in one go.  Unknown facts (``null``
    where the format allows it) are not errors: the rules report them as
    ``missing_facts``.  ``str()`` is the summary in English; :meth:`text` gives
    it in Danish or English.

    Attributes:
        errors: The bad fields, in document order.
    """

    errors: tuple[FieldError, ...]

    def __init__(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        """Create the error from its field errors (at least one)."""
        self.errors = tuple(errors)
        super().__init__(self._summary("en"))

    def _summary(self, lang: str) -> str:
        count = len(self.errors)
        if lang == "da":
            fields = "ugyldigt felt" if count == 1 else "ugyldige felter"
        else:
            fields = "bad field" if count == 1 else "bad fields"
        lines = "; ".join(e.describe(lang) for e in self.errors)
        return f"{count} {fields}: {lines}"

    @property
    def paths(self) -> tuple[str, ...]:
        """The paths of the bad fields, in document order."""
        return tuple(e.path for e in self.errors)

    def text(self, lang: str = "da") -> str:
        """
        Return the summary in ``lang``: ``"2 ugyldige felter: ..."`` or, in English, ``str()``.

        An error without field errors (the command line's internal error) gives ``str()`` in both languages.
        """
        _check_lang(lang)
        if lang == "en" or not self.errors:
            return str(self)
        return self._summary(lang)

    def to_dict(self) -> dict[str, object]:
        """
        Return a JSON-ready description: type, message, the text in both languages and the field errors.

        ``message`` is the English summary, ``text`` maps ``"da"`` and ``"en"`` to the summary in each
        language; each field error has its ``path``, its English ``message`` and its ``text`` likewise.
        """
        return {
            "type": "CaseError",
            "message": str(self),
            "text": {"da": self.text("da"), "en": str(self)},
            "errors": [
                {"path": e.path, "message": e.message, "text": {"da": e.text("da"), "en": e.message}}
                for e in self.errors
            ],
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
    the command line record the error for the case and go on.  ``str()`` is the
    message in English; :meth:`text` gives it in Danish or English.

    Attributes:
        date: The date that could not be served.
        what: Which date it was (e.g. ``"law date"``).
    """

    date: _dt.date
    what: str

    def __init__(
        self, date: _dt.date, *, what: str, detail: str, what_da: str | None = None, detail_da: str | None = None
    ) -> None:
        """
        Create the error for ``date``; ``detail`` says what is modelled and why.

        ``what_da`` and ``detail_da`` say the same in Danish (a ``"law date"`` is a *lovdato*
        without being told); without ``detail_da`` the Danish text only says that the date is
        not modelled.
        """
        self.date = date
        self.what = what
        self.what_da = what_da if what_da is not None else _WHAT_DA.get(what, "datoen")
        self.detail_da = detail_da
        super().__init__(f"{what} {date.isoformat()} is not modelled: {detail}")

    def text(self, lang: str = "da") -> str:
        """Return the message in ``lang`` (``"en"`` gives ``str()``)."""
        _check_lang(lang)
        if lang == "en":
            return str(self)
        text = f"{self.what_da} {self.date.isoformat()} er ikke modelleret"
        return text if self.detail_da is None else f"{text}: {self.detail_da}"

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready description: type, message (English), the text in both languages and the date."""
        return {
            "type": "UnsupportedDateError",
            "message": str(self),
            "text": {"da": self.text("da"), "en": str(self)},
            "date": self.date.isoformat(),
        }


#: The Danish words for the dates an :class:`UnsupportedDateError` names.
_WHAT_DA: Final = MappingProxyType({"law date": "lovdato"})


class MentorRulesDeprecationWarning(DeprecationWarning):
    """
    Warned at the call of a deprecated public name, never at import.

    It subclasses :class:`DeprecationWarning`, so it stays quiet for end
    users while test runners show it to integrators.
    """
