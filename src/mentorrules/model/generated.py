"""
The code generated from a document's description: checks, readers, writers, schema, free-text paths.

Every document class of the library (the facts of a case, a cost claim, a practice
profile) describes its fields once (:mod:`mentorrules.model.description`).  This
module turns that description into code, per class, the way attrs turns the same
fields into ``__init__``:

* **the constructor's checks**: a document class subclasses :class:`Described`, whose
  ``__attrs_post_init__`` runs the check generated for the class: one expression
  that accepts a valid object at once, then, only for an invalid one, the messages
  naming every bad field;
* **the fast reader**: Python source written from the description and compiled,
  one function per class; it reads a valid document without paths or messages and
  gives up (``_Invalid``) at the first doubt;
* **the path-reporting reader** (:func:`_read_object`), which walks the document
  again from the top after the fast reader gave up and names every bad field by
  its path (``periods[1].end``), in document order;
* **the dumper** and **the canonical writer** (sorted keys, no white space: the
  text a decision's fingerprint hashes), compiled like the fast reader;
* **the JSON Schema** (draft 2020-12) of the document;
* **the free texts** the privacy scan reads: a compiled function listing them
  (the cheap first pass) and their paths (:meth:`Codec.texts`);
* **the messages** of the readers and the checks, in Danish and English
  (:data:`FIELD_MESSAGES`), from which every :class:`~mentorrules.FieldError` can be
  read in either language.

:class:`Codec` is a document's codec (its root class, its error class, how its
format names types); :func:`codec` returns the one codec of a class.  The test
suite proves "one edit": a throwaway class described in a test gets every piece
(tests/test_description.py), and the fast reader and the canonical writer agree
with the path-reporting reader and the generic JSON encoder on generated cases
(tests/test_case_codec_equivalence.py).

Why compiled source rather than one generic loop: a case is read, checked and
written millions of times in a batch, and a loop over a table costs about twice
what straight-line code does.  The source is small and regular (print it with
``Codec(Case).source()``), and it is generated from the same description as the
path-reporting reader, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import errno
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from types import MappingProxyType
from typing import Any, ClassVar, Final, NoReturn

import attrs

from mentorrules.model.amounts import MAX_DECIMAL_PLACES, plain_decimal, scaled_decimal, too_precise
from mentorrules.model.cpr import looks_like_cpr
from mentorrules.model.description import MAX_DATE, MIN_DATE, FieldShape, Kind, members, shape
from mentorrules.model.exceptions import WITHHELD_KEY, CaseError, FieldError, Message, Messages, Param
from mentorrules.model.slots import slot_setters


__all__ = [
    "FIELD_MESSAGES",
    "JSON",
    "TOML",
    "Codec",
    "Described",
    "Dialect",
    "NumberOutOfReach",
    "RepeatedKeys",
    "codec",
    "decode_json",
    "decoder_detail",
    "grouped",
    "key_text",
    "nested_deeper",
    "os_reason",
    "shown",
    "type_word",
    "utf8_reason",
]


# --- the messages --------------------------------------------------------------

#: The messages of the document readers and the constructors' checks, and those every module shares
#: (a value of the wrong type, a required field, a value withheld).
FIELD_MESSAGES: Final = Messages(
    {
        "value.withheld": (
            "en værdi, der ligner et CPR-nummer (tilbageholdt)",
            "a value that looks like a CPR number (withheld)",
        ),
        # A field's value
        "field.required": ("skal angives", "is required"),
        "field.required_not_null": ("skal angives og må ikke være null", "is required and must not be null"),
        "field.must_be": ("skal være {expected}, ikke {actual}", "must be {expected}, not {actual}"),
        "field.item_must_be": (
            "element {index} skal være {expected}, ikke {actual}",
            "item {index} must be {expected}, not {actual}",
        ),
        "field.item_twice": ("element {index} forekommer to gange: {value}", "item {index} occurs twice: {value}"),
        "field.twice": ("forekommer to gange: {value}", "occurs twice: {value}"),
        "field.empty": ("må ikke være tom", "must not be empty"),
        "field.bad_id": ("er ikke et gyldigt id: {value} ({hint})", "is not a valid id: {value} ({hint})"),
        "field.not_text": (
            "skal være gyldig Unicode-tekst (den indeholder et enligt surrogattegn)",
            "must be valid Unicode text (it holds a lone surrogate)",
        ),
        "field.unknown_value": (
            "ukendt værdi {value}; tilladte værdier: {allowed}",
            "unknown value {value}; allowed values: {allowed}",
        ),
        "field.choice_type": (
            "skal være en tekst, en af {allowed}; ikke {actual}",
            "must be a string, one of {allowed}; not {actual}",
        ),
        # Dates
        "field.between": ("skal ligge mellem {low} og {high}", "must lie between {low} and {high}"),
        "field.between_not": (
            "skal ligge mellem {low} og {high}, ikke {value}",
            "must lie between {low} and {high}, not {value}",
        ),
        "field.bad_date": (
            "skal være en dato ÅÅÅÅ-MM-DD med ASCII-cifre, ikke {value}",
            "must be a date YYYY-MM-DD in ASCII digits, not {value}",
        ),
        "field.not_calendar_date": ("er ikke en kalenderdato: {value}", "is not a calendar date: {value}"),
        "field.before": ("må ikke ligge før {earlier}", "must not be before {earlier}"),
        "field.before_date": ("må ikke ligge før {earlier} ({date})", "must not be before {earlier} ({date})"),
        # Amounts
        "field.not_finite": ("skal være et endeligt tal, ikke {value}", "must be a finite number, not {value}"),
        "field.too_precise": (
            "må højst have {places} decimaler, ikke {value}",
            "must have at most {places} decimal places, not {value}",
        ),
        "field.decimal_text": (
            "skal være et tal eller en decimaltekst som {example}, ikke {value}",
            "must be a number or a decimal string such as {example}, not {value}",
        ),
        # Keys
        "field.repeated_key": (
            "forekommer mere end én gang i dette objekt (en nøgle må kun forekomme én gang)",
            "occurs more than once in this object (a key must occur once)",
        ),
        "field.unknown_key_close": ("ukendt nøgle; mente du {close}?", "unknown key; did you mean {close}?"),
        "field.unknown_key": (
            "ukendt nøgle; nøglerne i {document} er {keys}",
            "unknown key; the keys of {document} are {keys}",
        ),
        # The document
        "document.must_be": (
            "{document} skal være {expected}, ikke {actual}",
            "{document} must be {expected}, not {actual}",
        ),
        "json.too_large": (
            "JSON-teksten er større end læsegrænsen på 4 MiB ({size} byte UTF-8)",
            "the JSON text is larger than the read limit of 4 MiB ({size} bytes of UTF-8)",
        ),
        "json.not_utf8": (
            "JSON-teksten er ikke UTF-8: {reason} ved byte {position}",
            "the JSON text is not UTF-8: {reason} at byte {position}",
        ),
        "json.constant": (
            "ugyldig JSON: {name} er ikke tilladt (et tal skal være endeligt)",
            "invalid JSON: {name} is not allowed (a number must be finite)",
        ),
        "json.too_deep": (
            "ugyldig JSON: for dybt indlejret (dybere end læsegrænsen på {levels} niveauer)",
            "invalid JSON: nested too deeply (deeper than the read limit of {levels} levels)",
        ),
        "json.invalid": ("ugyldig JSON: {detail}", "invalid JSON: {detail}"),
    }
)
_message: Final = FIELD_MESSAGES.of


def grouped(number: int) -> tuple[str, str]:
    """
    Write a whole number with its thousands grouped, in Danish and in English (a :data:`Param` pair).

    >>> grouped(4194304)
    ('4.194.304', '4,194,304')
    """
    english = f"{number:,}"
    return english.replace(",", "."), english


#: The words for a value's type in messages, in Danish, by the English word (JSON's and TOML's names).
_TYPE_WORDS_DA: Final = MappingProxyType(
    {
        "null": "null",
        "boolean": "sandhedsværdi",
        "number": "tal",
        "string": "tekst",
        "object": "objekt",
        "array": "liste",
        "integer": "heltal",
        "float": "kommatal",
        "datetime": "tidspunkt",
        "date": "dato",
        "time": "klokkeslæt",
        "table": "tabel",
    }
)


def type_word(english: str) -> tuple[str, str]:
    """Return a type's name in a message (``"string"``) as a :data:`Param` pair: ``("tekst", "string")``."""
    return _TYPE_WORDS_DA.get(english, english), english


#: Reasons the UTF-8 decoder gives, in Danish.
_UTF8_REASONS_DA: Final = MappingProxyType(
    {
        "invalid start byte": "ugyldig startbyte",
        "invalid continuation byte": "ugyldig fortsættelsesbyte",
        "unexpected end of data": "uventet slutning på data",
    }
)


def utf8_reason(reason: str) -> tuple[str, str]:
    """Return the UTF-8 decoder's reason (``"invalid start byte"``) as a :data:`Param` pair, Danish where known."""
    return _UTF8_REASONS_DA.get(reason, reason), reason


#: Why a file cannot be read, in Danish, by ``errno`` (the commonest; else the system's own words).
_OS_REASONS_DA: Final = MappingProxyType(
    {
        errno.ENOENT: "filen eller mappen findes ikke",
        errno.EACCES: "adgang nægtet",
        errno.EPERM: "handlingen er ikke tilladt",
        errno.EISDIR: "det er en mappe",
        errno.ENOTDIR: "en del af stien er ikke en mappe",
    }
)


def os_reason(error: OSError) -> tuple[str, str]:
    """Say why a file cannot be read, as a :data:`Param` pair: the system's words (``strerror``), Danish where known."""
    english = str(error.strerror or error)
    return _OS_REASONS_DA.get(error.errno or 0, english), english


# --- the constructor's checks ------------------------------------------------


class Described:
    """
    Base of every document class: building one checks its values against its description.

    A subclass may name the error its checks raise (``_document_error``, a
    :class:`~mentorrules.CaseError` by default), the document in a message in English
    and Danish (``_document_name``, ``_document_name_da``), and may add checks between
    fields that the description of one field cannot state (``_related_problems``).
    """

    __slots__ = ()

    #: The error a bad document raises (a subclass of CaseError says which document failed).
    _document_error: ClassVar[type[CaseError]] = CaseError
    #: The document in a message, where it is read as a whole (``"a case"``).
    _document_name: ClassVar[str] = "a document"
    #: The same in Danish (``"en sag"``).
    _document_name_da: ClassVar[str] = "dokumentet"
    #: The format it is read from: its type names in messages.
    _document_format: ClassVar[Dialect]
    #: Whether reading it tries the compiled fast reader first (for a document read millions of times).
    _fast_reader: ClassVar[bool] = False

    @classmethod
    def _related_problems(cls, values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
        """
        Return ``(path, message)`` for each problem between fields (none unless a subclass says so).

        Each message is a :class:`~mentorrules.model.exceptions.Message` from the subclass's
        catalogue, so that the error can be read in Danish and in English.

        Args:
            values: The fields that are valid on their own, by name.
            bad: The names of the fields that are not (so that no second message is given for them).
        """
        return []

    def __attrs_post_init__(self) -> None:
        """Check every field against the class's description; raise one error naming every bad one."""
        _check_of(type(self))(self)  # type: ignore[arg-type]  # typeshed: a class is hashable


@cache
def _check_of(cls: type) -> Callable[[Any], None]:
    """Compile the check of ``cls`` (on its first object): one expression for a valid object, else :func:`_check_slowly`."""
    names: dict[str, Any] = {
        "date": datetime.date,
        "Decimal": Decimal,
        "MIN_DATE": MIN_DATE,
        "MAX_DATE": MAX_DATE,
        "too_precise": too_precise,
        "check_slowly": _check_slowly,
    }
    tests = []
    order = []
    for index, field in enumerate(shape(cls)):
        value = f"self.{field.name}"
        test = _valid_test(field, value, index, names)
        if field.nullable:
            test = f"({value} is None or {test})"
        tests.append(test)
        if field.details.not_before is not None:  # after every field's own test: both are dates or None
            earlier = f"self.{field.details.not_before}"
            order.append(f"({value} is None or {earlier} is None or {earlier} <= {value})")
    tests += order
    if cls._related_problems.__func__ is not Described._related_problems.__func__:  # type: ignore[attr-defined]
        names["related"] = lambda self: _related(type(self), self, frozenset())
        tests.append("not related(self)")
    source = f"def check(self):\n    if {' and '.join(tests) or 'True'}:\n        return\n    check_slowly(self)\n"
    return _compiled(source, names, "check", cls)  # type: ignore[no-any-return]


def _valid_test(field: FieldShape, value: str, index: int, names: dict[str, Any]) -> str:
    """Return a Python expression that is true when ``value`` (not None) is a valid value of ``field``."""
    kind, details = field.kind, field.details
    names[f"T{index}"] = field.target
    if kind is Kind.TEXT:
        test = f"type({value}) is str"
        if details.nonblank:
            test += f" and {value}.strip() != ''"
        if details.pattern is not None:
            names[f"P{index}"] = details.pattern
            test += f" and P{index}.fullmatch({value}) is not None"
        return f"({test})"
    if kind is Kind.DATE:
        return f"(type({value}) is date and MIN_DATE <= {value} <= MAX_DATE)"
    if kind is Kind.BOOL:
        return f"({value} is True or {value} is False)"
    if kind in (Kind.CHOICE, Kind.OBJECT):
        return f"type({value}) is T{index}"
    if kind is Kind.DECIMAL:
        names[f"LO{index}"], names[f"HI{index}"] = _bounds(field)
        return (
            f"(type({value}) is Decimal and {value}.is_finite() and LO{index} <= {value} <= HI{index}"
            f" and not too_precise({value}))"
        )
    item = "str" if kind is Kind.TEXTS else f"T{index}"
    test = f"type({value}) is tuple and all([type(x) is {item} for x in {value}])"
    if details.nonempty:
        test += f" and len({value}) > 0"
    if details.unique:
        test += f" and len(set({value})) == len({value})"
    return f"({test})"


def _bounds(field: FieldShape) -> tuple[Decimal, Decimal]:
    """Return the least and the greatest value of a decimal field (unbounded sides are infinite)."""
    low = field.details.minimum
    high = field.details.maximum
    return (Decimal("-Infinity") if low is None else low), (Decimal("Infinity") if high is None else high)


def _check_slowly(obj: Any) -> None:
    """Raise the class's error naming every field of ``obj`` that is not valid (the slow path of a check)."""
    cls = type(obj)
    errors = []
    bad = set()
    for field in shape(cls):  # type: ignore[arg-type]  # typeshed: a class is hashable
        value = getattr(obj, field.name)
        problem = _value_problem(field, value)
        if problem is None and value is not None and field.details.not_before is not None:
            earlier = getattr(obj, field.details.not_before)
            if type(earlier) is datetime.date and value < earlier:
                problem = _message("field.before", earlier=field.details.not_before)
        if problem is not None:
            bad.add(field.name)
            errors.append(FieldError.of(field.name, problem))
    errors += [FieldError.of(path, message) for path, message in _related(cls, obj, frozenset(bad))]
    if errors:  # none for a value of a subclass (a str subclass where str is wanted), which only the fast test refuses
        raise cls._document_error(errors)


def _related(cls: Any, obj: Any, bad: frozenset[str]) -> list[tuple[str, Message]]:
    values = {field.name: getattr(obj, field.name) for field in shape(cls) if field.name not in bad}
    problems: list[tuple[str, Message]] = cls._related_problems(values, bad)
    return problems


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def _must_be(expected: Param, value: Any) -> Message:
    """The message for a value of an object built in Python whose type is wrong (Python's type names)."""
    return _message("field.must_be", expected=expected, actual=type(value).__name__)


def _value_problem(field: FieldShape, value: Any) -> Message | None:
    """Say what is wrong with a value of a field of an object built in Python, or return None."""
    if value is None:
        return None if field.nullable else _message("field.required")
    kind = field.kind
    if kind is Kind.TEXT:
        if not isinstance(value, str):
            return _must_be("str", value)
        return _text_problem(field, value)
    if kind is Kind.DATE:
        if type(value) is not datetime.date:
            return _must_be(("en dato", "a date"), value)
        if not MIN_DATE <= value <= MAX_DATE:
            return _message("field.between", low=MIN_DATE.isoformat(), high=MAX_DATE.isoformat())
        return None
    if kind is Kind.BOOL:
        return None if type(value) is bool else _must_be("bool", value)
    if kind is Kind.CHOICE:
        name = field.target.__name__
        return None if isinstance(value, field.target) else _must_be((name, _a(name)), value)
    if kind is Kind.OBJECT:
        return None if isinstance(value, field.target) else _must_be(field.target.__name__, value)
    if kind is Kind.DECIMAL:
        if not isinstance(value, Decimal):
            return _must_be("Decimal", value)
        return _decimal_problem(field, value)
    if not isinstance(value, tuple):
        return _must_be(("en liste", "a list"), value)
    item_type = str if kind is Kind.TEXTS else field.target
    for index, item in enumerate(value):
        if not isinstance(item, item_type):
            return _message(
                "field.item_must_be", index=str(index), expected=item_type.__name__, actual=type(item).__name__
            )
        if field.details.unique and item in value[:index]:
            return _message("field.item_twice", index=str(index), value=shown(str(item)))
    return _list_problem(field, value)


def _text_problem(field: FieldShape, value: str) -> Message | None:
    details = field.details
    if details.nonblank and not value.strip():
        return _message("field.empty")
    if details.pattern is not None and details.pattern.fullmatch(value) is None:
        hint = (details.pattern_hint_da or details.pattern_hint, details.pattern_hint)
        return _message("field.bad_id", value=shown(value), hint=hint)
    return None


def _list_problem(field: FieldShape, items: tuple[Any, ...] | list[Any]) -> Message | None:
    if field.details.nonempty and not items:
        return _message("field.empty")
    return None


def _decimal_problem(field: FieldShape, amount: Decimal, written: str | None = None) -> Message | None:
    """
    Say why a decimal is not a value of the field (not finite, out of range, too precise), never expanding it.

    ``written`` is the text the amount was read from, if any: a text that looks like a CPR
    number is withheld, even where the amount itself (``0101000000`` is 101000000) does not.
    """
    if not amount.is_finite():
        return _message("field.not_finite", value=str(amount))
    low, high = field.details.minimum, field.details.maximum
    if (low is not None and amount < low) or (high is not None and amount > high):
        return _out_of_range(field, _show_amount(amount, written))
    if too_precise(amount):
        return _too_precise(_show_amount(amount, written))
    return None


def _out_of_range(field: FieldShape, shown_value: Param) -> Message:
    low, high = _bounds(field)
    return _message("field.between_not", low=plain_decimal(low), high=plain_decimal(high), value=shown_value)


def _too_precise(shown_value: Param) -> Message:
    return _message("field.too_precise", places=str(MAX_DECIMAL_PLACES), value=shown_value)


# --- JSON text ---------------------------------------------------------------


class RepeatedKeys(dict[str, Any]):
    """
    A JSON object of the text in which a key occurs more than once.

    It holds the last value of each key, as a plain dict would, and in ``pairs``
    every key and value in document order, so that the path-reporting reader can
    name each repeated key by its path (and still check every value).  The fast
    reader gives up on it, as on any mapping that is not a plain ``dict``.
    """

    __slots__ = ("pairs",)

    pairs: tuple[tuple[str, Any], ...]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a decoded JSON object, marking one whose keys repeat (the decoder's ``object_pairs_hook``)."""
    document = dict(pairs)
    if len(document) == len(pairs):
        return document
    repeated = RepeatedKeys(document)
    repeated.pairs = tuple(pairs)
    return repeated


@attrs.frozen
class NumberOutOfReach:
    """
    A JSON number whose exponent lies beyond what :class:`~decimal.Decimal` holds (``1e-99999999999999999999``).

    The decoder keeps it in the document, so that the reader can name its field;
    ``tiny`` tells a negative exponent (far too many decimal places) from a
    positive one (far too large).
    """

    text: str
    tiny: bool


def _number(text: str) -> Decimal | NumberOutOfReach:
    """Read a JSON number with a fraction or an exponent as an exact decimal (the decoder's ``parse_float``)."""
    try:
        return Decimal(text)
    except InvalidOperation:  # the exponent does not fit the decimal module's limits
        mantissa, _, exponent = text.lower().partition("e")
        digits = Decimal(mantissa)
        if digits.is_zero():
            return digits  # zero, whatever the exponent
        return NumberOutOfReach(text, exponent.startswith("-"))


class _Constant(Exception):
    """NaN or Infinity in JSON text: not a number the formats allow."""


def _reject_constant(name: str) -> NoReturn:
    raise _Constant(name)


# One decoder, like the json module's own default decoder: it holds no state
# between calls.  Numbers with a fraction or an exponent become exact Decimals;
# NaN and Infinity are errors; an object whose keys repeat is marked.
_DECODER: Final = json.JSONDecoder(parse_float=_number, parse_constant=_reject_constant, object_pairs_hook=_object)


#: The read limits of one JSON document (DESIGN section 3; docs/formats.md, "Read limits"): at most this many
#: bytes of UTF-8 (a case is some 2 KB; a thousand times that is more than any case record holds) ...
MAX_JSON_BYTES: Final = 4 * 1024 * 1024
#: ... and arrays and objects nested at most this deep (a case nests 5 deep: the case, its periods, a period,
#: its agreement, the agreement's tasks).
MAX_JSON_DEPTH: Final = 64
#: The messages of a document beyond the read limits (the path is ``""``), in both languages ...
JSON_TOO_LARGE_MESSAGE: Final = _message("json.too_large", size=grouped(MAX_JSON_BYTES))
JSON_TOO_DEEP_MESSAGE: Final = _message("json.too_deep", levels=str(MAX_JSON_DEPTH))
#: ... and in English.
JSON_TOO_LARGE: Final = JSON_TOO_LARGE_MESSAGE.text("en")
JSON_TOO_DEEP: Final = JSON_TOO_DEEP_MESSAGE.text("en")


def nested_deeper(document: Any, levels: int) -> bool:
    """
    Return whether a decoded document (JSON or TOML) nests objects or lists more than ``levels`` deep.

    It counts the levels one at a time, without recursion, so a document of any depth is answered.

    >>> nested_deeper([[1]], 1), nested_deeper([[1]], 2)
    (True, False)
    """
    level: list[Any] = [document] if isinstance(document, (dict, list)) else []
    for _ in range(levels):
        level = [
            value
            for container in level
            for value in (container.values() if isinstance(container, dict) else container)
            if isinstance(value, (dict, list))
        ]
    return bool(level)


def decode_json(data: str | bytes | bytearray, error: type[CaseError]) -> Any:
    """
    Decode JSON text (UTF-8 bytes or a string; a leading byte-order mark is ignored) for a document reader.

    The text must lie within the read limits: at most :data:`MAX_JSON_BYTES` bytes of UTF-8 (checked before
    anything is decoded) and :data:`MAX_JSON_DEPTH` levels of arrays and objects.

    Raises:
        CaseError: ``error``, with the path ``""``, if the text is larger than the read limit, not UTF-8 or
            not JSON, holds ``NaN`` or ``Infinity``, or nests deeper than the read limit.
    """
    size = len(data)
    if isinstance(data, str) and MAX_JSON_BYTES // 4 < size <= MAX_JSON_BYTES:  # a character is 1 to 4 bytes
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_JSON_BYTES:
        raise error([FieldError.of("", JSON_TOO_LARGE_MESSAGE)])
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            not_utf8 = _message("json.not_utf8", reason=utf8_reason(exc.reason), position=str(exc.start))
            raise error([FieldError.of("", not_utf8)]) from None
    try:
        document = _DECODER.decode(text)
    except _Constant as exc:
        message = _message("json.constant", name=str(exc))
    except RecursionError:  # the decoder's own stop, far beyond the read limit
        message = JSON_TOO_DEEP_MESSAGE
    except ValueError as exc:  # json.JSONDecodeError, or an integer with too many digits
        message = _message("json.invalid", detail=decoder_detail(exc))
    else:
        # Only text with more brackets than levels allowed can be too deep: then count the levels, one at a time.
        if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
            return document
        if not nested_deeper(document, MAX_JSON_DEPTH):
            return document
        message = JSON_TOO_DEEP_MESSAGE
    raise error([FieldError.of("", message)])


#: What the JSON decoder says (``json.JSONDecodeError.msg``), in Danish.
_DECODER_MESSAGES_DA: Final = MappingProxyType(
    {
        "Expecting value": "forventede en værdi",
        "Expecting property name enclosed in double quotes": "forventede et nøglenavn i dobbelte anførselstegn",
        "Expecting ':' delimiter": "forventede skilletegnet ':'",
        "Expecting ',' delimiter": "forventede skilletegnet ','",
        "Extra data": "flere data efter JSON-værdien",
        "Unterminated string starting at": "uafsluttet tekst, der begynder ved",
        "Invalid control character at": "ugyldigt kontroltegn ved",
        "Invalid \\escape": "ugyldig escape-sekvens",
        "Invalid \\uXXXX escape": "ugyldig \\uXXXX-escape-sekvens",
    }
)
#: What Python says of an integer with more digits than it converts.
_INT_DIGITS: Final = re.compile(
    r"Exceeds the limit \((\d+) digits\) for integer string conversion: value has (\d+) digits"
)


def decoder_detail(exc: ValueError) -> tuple[str, str]:
    """
    Say what the JSON decoder found wrong (the ``detail`` of ``"json.invalid"``), as a pair: Danish where known.

    The English is ``str(exc)``, as the message has always held it.
    """
    english = str(exc)
    if isinstance(exc, json.JSONDecodeError):
        where = f"linje {exc.lineno} kolonne {exc.colno} (tegn {exc.pos})"
        return f"{_DECODER_MESSAGES_DA.get(exc.msg, exc.msg)}: {where}", english
    digits = _INT_DIGITS.match(english)
    if digits is not None:
        return f"et heltal har {digits[2]} cifre, mere end grænsen på {digits[1]} cifre", english
    return english, english


# --- how a format names its types ---------------------------------------------


@attrs.frozen
class Dialect:
    """
    How a document format names its types in messages: JSON says ``object``, TOML ``table``.

    Attributes:
        name: The format's name.
        type_name: Names a decoded value's type.
        object_word: The word for a nested object.
        document_word: The word for the whole document.
        bool_word: What a boolean must be (``true or false``, ``a boolean``).
        object_word_da: The word for a nested object, in Danish.
        document_word_da: The word for the whole document, in Danish.
        bool_word_da: What a boolean must be, in Danish.
    """

    name: str
    type_name: Callable[[Any], str]
    object_word: str
    document_word: str
    bool_word: str
    object_word_da: str
    document_word_da: str
    bool_word_da: str

    def type_of(self, value: Any) -> tuple[str, str]:
        """Name a decoded value's type in both languages (a :data:`Param` pair): ``("tekst", "string")``."""
        return type_word(self.type_name(value))


def _json_type(value: Any) -> str:
    """Name a value's type as JSON does."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal, NumberOutOfReach)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return type(value).__name__


def _toml_type(value: Any) -> str:
    """Name a value's type as TOML does."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, datetime.datetime):
        return "datetime"
    if isinstance(value, (datetime.date, datetime.time)):
        return type(value).__name__
    if isinstance(value, Mapping):
        return "table"
    return _json_type(value)


JSON: Final = Dialect(
    name="JSON",
    type_name=_json_type,
    object_word="an object",
    document_word="a JSON object",
    bool_word="true or false",
    object_word_da="et objekt",
    document_word_da="et JSON-objekt",
    bool_word_da="true eller false",
)
TOML: Final = Dialect(
    name="TOML",
    type_name=_toml_type,
    object_word="a table",
    document_word="a TOML table",
    bool_word="a boolean",
    object_word_da="en tabel",
    document_word_da="en TOML-tabel",
    bool_word_da="en sandhedsværdi",
)


# --- the path-reporting reader ---------------------------------------------------

#: The contract's patterns.  Only ASCII digits: a full-width "２０２４" is not a date.
_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT_RE: Final = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_MAX_SHOWN: Final = 40
#: What a message says instead of a rejected value that looks like a CPR number (DESIGN section 3, contract 2) ...
_WITHHELD_MESSAGE: Final = _message("value.withheld")
#: ... in English; and the English of two messages without values.
_WITHHELD: Final = _WITHHELD_MESSAGE.text("en")
_REPEATED: Final = _message("field.repeated_key").text("en")
_NOT_TEXT: Final = _message("field.not_text").text("en")
#: What a path says instead of a key that looks like a CPR number.
_WITHHELD_KEY: Final = WITHHELD_KEY


class _Reader:
    """One reading of a document: its dialect and the errors found so far, each with its path."""

    __slots__ = ("dialect", "errors")

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.errors: list[FieldError] = []

    def error(self, path: str, message: Message) -> None:
        self.errors.append(FieldError.of(path, message))

    def must_be(self, path: str, what: tuple[str, str], value: Any) -> None:
        self.error(path, _message("field.must_be", expected=what, actual=self.dialect.type_of(value)))


def _read_object(data: Mapping[Any, Any], path: str, cls: type, reader: _Reader) -> Any:
    """
    Check one object of the document against the description of ``cls`` and build it, or return None.

    Errors go to ``reader`` with paths under ``path`` (``""`` or a prefix ending in
    ``"."``); the object is built only when none was found in it.  Keys are visited
    in document order; a key that occurs again in the JSON text (see
    :class:`RepeatedKeys`) is named where it occurs the second time, and each of
    its values is checked.  Then the missing required fields, a date before the
    date it must not precede, and the class's checks between fields.
    """
    before = len(reader.errors)
    fields = _fields_by_name(cls)
    values: dict[str, Any] = {}
    bad: set[str] = set()
    read_at: dict[str, int] = {}  # where a date that must not precede another was read, among the errors
    pairs: Any = data.items()
    counts: dict[str, int] | None = None
    if type(data) is RepeatedKeys:
        pairs, counts = data.pairs, {}
    for key, value in pairs:
        if counts is not None:
            counts[key] = count = counts.get(key, 0) + 1
            if count == 2:
                reader.error(path + _key_text(key), _message("field.repeated_key"))
        field = fields.get(key)
        if field is None:
            reader.error(path + _key_text(key), _unknown_key(key, cls))
            continue
        errors_before = len(reader.errors)
        if value is None:
            if field.required:
                reader.error(path + key, _message("field.required_not_null"))
        else:
            read = _read_value(field, value, path + key, reader)
            if len(reader.errors) == errors_before:
                values[key] = read
                if field.details.not_before is not None:
                    read_at[key] = len(reader.errors)
        if len(reader.errors) != errors_before:
            bad.add(key)
    for field in fields.values():
        if field.required and field.name not in data:
            reader.error(path + field.name, _message("field.required"))
            bad.add(field.name)
    inserted = 0
    for name in sorted(read_at, key=read_at.__getitem__):
        earlier_name = fields[name].details.not_before
        earlier = None if earlier_name is None else values.get(earlier_name)
        if earlier is not None and values[name] < earlier:
            message = _message("field.before_date", earlier=str(earlier_name), date=earlier.isoformat())
            reader.errors.insert(read_at[name] + inserted, FieldError.of(path + name, message))
            inserted += 1
            bad.add(name)
            del values[name]
    for where, message in cls._related_problems(values, frozenset(bad)):  # type: ignore[attr-defined]
        reader.error(path + where, message)
    if len(reader.errors) != before:
        return None
    return cls(**values)


def _read_value(field: FieldShape, value: Any, path: str, reader: _Reader) -> Any:
    """Read one value (not None) of a field, reporting what is wrong with it; return what was read."""
    kind = field.kind
    if kind is Kind.TEXT:
        return _read_text(field, value, path, reader)
    if kind is Kind.DATE:
        day = _parse_date(value) if isinstance(value, str) else None
        if day is None:
            reader.error(path, _date_message(value, reader.dialect))
        return day
    if kind is Kind.BOOL:
        if value is not True and value is not False:
            reader.must_be(path, (reader.dialect.bool_word_da, reader.dialect.bool_word), value)
        return value
    if kind is Kind.CHOICE:
        return _read_choice(field.target, value, path, reader)
    if kind is Kind.DECIMAL:
        amount = _read_decimal(field, value)
        if type(amount) is Message:
            reader.error(path, amount)
            return None
        return amount
    if kind is Kind.OBJECT:
        if not isinstance(value, Mapping):
            reader.must_be(path, _object_word(reader.dialect), value)
            return None
        return _read_object(value, path + ".", field.target, reader)
    if not isinstance(value, (list, tuple)):
        reader.must_be(path, ("en liste", "an array"), value)
        return None
    items = []
    for index, item in enumerate(value):
        here = f"{path}[{index}]"
        if kind is Kind.OBJECTS:
            if isinstance(item, Mapping):
                items.append(_read_object(item, here + ".", field.target, reader))
            else:
                reader.must_be(here, _object_word(reader.dialect), item)
        elif kind is Kind.TEXTS:
            items.append(_read_text(field, item, here, reader))
        else:
            member = _read_choice(field.target, item, here, reader)
            if field.details.unique and member is not None and member in items:
                reader.error(here, _message("field.twice", value=shown(item)))
            items.append(member)
    problem = _list_problem(field, value)
    if problem is not None:
        reader.error(path, problem)
    return tuple(items)


def _object_word(dialect: Dialect) -> tuple[str, str]:
    return dialect.object_word_da, dialect.object_word


def _read_text(field: FieldShape, value: Any, path: str, reader: _Reader) -> str | None:
    if not isinstance(value, str):
        reader.must_be(path, ("en tekst", "a string"), value)
        return None
    if not _is_text(value):
        reader.error(path, _message("field.not_text"))
        return None
    problem = _text_problem(field, value)
    if problem is not None:
        reader.error(path, problem)
    return value


def _read_choice(cls: type[enum.Enum], value: Any, path: str, reader: _Reader) -> Any:
    member = _members(cls).get(value) if isinstance(value, str) else None
    if member is None:
        allowed = ", ".join(repr(member.value) for member in cls)
        if isinstance(value, str):
            reader.error(path, _message("field.unknown_value", value=shown(value), allowed=allowed))
        else:
            reader.error(path, _message("field.choice_type", allowed=allowed, actual=reader.dialect.type_of(value)))
    return member


def _read_decimal(field: FieldShape, value: Any) -> Decimal | Message:
    """
    Return the exact decimal, or a message saying what is wrong with it.

    The range is checked before the precision, and neither check writes the
    number out: ``1e-999999999`` and ``1e999999999`` are answered at once.  Zero
    is read without a sign (``-0`` is 0).
    """
    if type(value) is int:  # the common case
        amount = Decimal(value)
    elif isinstance(value, bool):
        return _not_a_number("boolean")
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return _message("field.not_finite", value=repr(value))
        amount = Decimal(repr(value))  # the shortest repr: 0.1 is Decimal("0.1"), not the binary fraction
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        if _AMOUNT_RE.fullmatch(value) is None:
            return _message("field.decimal_text", example=repr(field.details.example), value=shown(value))
        amount = Decimal(value)
    elif type(value) is NumberOutOfReach:
        written: Param = value.text if len(value.text) <= _MAX_SHOWN else value.text[:_MAX_SHOWN] + "..."
        written = _WITHHELD_MESSAGE if looks_like_cpr(value.text) else written
        if value.tiny:
            return _too_precise(written)
        return _out_of_range(field, written)
    else:
        return _not_a_number(_json_type(value))
    problem = _decimal_problem(field, amount, value if isinstance(value, str) else None)
    if problem is not None:
        return problem
    return amount.copy_abs() if amount.is_signed() and amount.is_zero() else amount


def _not_a_number(type_name: str) -> Message:
    return _message(
        "field.must_be",
        expected=("et tal eller en decimaltekst", "a number or a decimal string"),
        actual=type_word(type_name),
    )


def _parse_date(text: str) -> datetime.date | None:
    """Read a date ``YYYY-MM-DD`` in ASCII digits from 1900-01-01 to 2199-12-31, or return None."""
    if _DATE_RE.fullmatch(text) is None:
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    if MIN_DATE <= day <= MAX_DATE:
        return day
    return None


def _date_message(value: Any, dialect: Dialect) -> Message:
    if not isinstance(value, str):
        expected = ("en datotekst ÅÅÅÅ-MM-DD", "a date string YYYY-MM-DD")
        return _message("field.must_be", expected=expected, actual=dialect.type_of(value))
    if _DATE_RE.fullmatch(value) is None:
        return _message("field.bad_date", value=shown(value))
    if not MIN_DATE.year <= int(value[:4]) <= MAX_DATE.year:
        return _message("field.between_not", low=MIN_DATE.isoformat(), high=MAX_DATE.isoformat(), value=shown(value))
    return _message("field.not_calendar_date", value=shown(value))


def _is_text(value: str) -> bool:
    """
    Return whether a string is valid Unicode text, i.e. holds no lone surrogate.

    JSON allows an escaped lone surrogate (a ``u`` escape in D800-DFFF without its
    pair), but such a string is not text (RFC 8259, section 8.2): it cannot be
    written as UTF-8, so a decision record or fingerprint holding it could not be
    stored.  The library reads it as a wrong type.
    """
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _key_text(key: Any) -> str:
    r"""
    Write a key for a path: as it is, each lone surrogate escaped (``\ud800``), withheld if like a CPR number.

    >>> _key_text("x\ud800")
    'x\\ud800'
    """
    name = key if isinstance(key, str) else str(key)
    if looks_like_cpr(name):
        return _WITHHELD_KEY
    if _is_text(name):
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _unknown_key(key: Any, cls: type) -> Message:
    names = list(_fields_by_name(cls))
    close = difflib.get_close_matches(_key_text(key), names, n=1)
    if close:
        return _message("field.unknown_key_close", close=repr(close[0]))
    return _message("field.unknown_key", document=cls.__name__, keys=", ".join(names))


def key_text(key: Any) -> str:
    """
    Write a key for a path, as the readers do: withheld if it looks like a CPR number, lone surrogates escaped.

    For a check that names keys of a mapping it was given (not a document read by a codec).
    """
    return _key_text(key)


def shown(text: str) -> Param:
    """
    Quote a rejected text for a message, shortened if long; withhold it if it looks like a CPR number.

    Every message of every document reader quotes rejected values through this function (DESIGN section 3).
    The result is a placeholder's value (:data:`~mentorrules.model.exceptions.Param`): the quoted text,
    or the message that a value was withheld, in either language.
    """
    if looks_like_cpr(text):
        return _WITHHELD_MESSAGE
    if len(text) > _MAX_SHOWN:
        return repr(text[:_MAX_SHOWN]) + "..."
    return repr(text)


def _show_amount(amount: Decimal, written: str | None = None) -> Param:
    """
    Write a rejected amount for a message: plainly if that is short, else in scientific form, never expanded.

    Withheld if it, or the text it was read from (``written``), looks like a CPR number.

    >>> _show_amount(Decimal("10000.5")), _show_amount(Decimal("1e999999999")), _show_amount(Decimal("-1e-40"))
    ('10000.5', '1E+999999999', '-1E-40')
    """
    if written is not None and looks_like_cpr(written):
        return _WITHHELD_MESSAGE
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int), "a finite amount"
    if len(digits) + abs(exponent) <= _MAX_SHOWN:
        plain = plain_decimal(amount)
        return _WITHHELD_MESSAGE if looks_like_cpr(plain) else plain
    mantissa, _, power = f"{amount:E}".partition("E")
    text = f"{mantissa.rstrip('0').rstrip('.') if '.' in mantissa else mantissa}E{power}"
    if len(text) > _MAX_SHOWN:
        text = f"{amount:.{_MAX_SHOWN // 2}E}"  # rounded: only the first digits of a long number are shown
    return text


@cache
def _fields_by_name(cls: type) -> Mapping[str, FieldShape]:
    return MappingProxyType({field.name: field for field in shape(cls)})


_members: Final = cache(members)


# --- compiled code ---------------------------------------------------------------


class _Invalid(Exception):
    """The fast reader gives up; the path-reporting reader takes over."""


def _compiled(source: str, names: dict[str, Any], function: str, cls: type) -> Any:
    """Compile ``source`` with ``names`` as its globals and return its function ``function``."""
    namespace = dict(names)
    exec(compile(source, f"<mentorrules: {function} of {cls.__name__}>", "exec"), namespace)
    compiled = namespace[function]
    compiled.__qualname__ = f"{cls.__name__}.<{function}>"
    compiled.source = source
    return compiled


_date_from_iso: Final = datetime.date.fromisoformat


def _fast_text(value: Any) -> str:
    # isascii() first: it is cheap and settles most strings without _is_text.
    if type(value) is str and (value.isascii() or _is_text(value)):
        return value
    raise _Invalid


def _fast_optional_text(value: Any) -> str | None:
    if value is None or (type(value) is str and (value.isascii() or _is_text(value))):
        return value
    raise _Invalid


def _fast_date(value: Any) -> datetime.date:
    # _parse_date inlined (a typical case holds about nine dates); it accepts exactly what _parse_date accepts.
    if type(value) is str and _DATE_RE.fullmatch(value) is not None:
        try:
            day = _date_from_iso(value)
        except ValueError:
            raise _Invalid from None
        if MIN_DATE <= day <= MAX_DATE:
            return day
    raise _Invalid


def _fast_optional_date(value: Any) -> datetime.date | None:
    if value is None:
        return None
    return _fast_date(value)


def _fast_bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    raise _Invalid


def _fast_optional_bool(value: Any) -> bool | None:
    if value is None or value is True or value is False:
        return value
    raise _Invalid


def _fast_choice(found: Mapping[str, Any], value: Any) -> Any:
    if type(value) is str:  # before the look-up: a list or a dict is not hashable
        member = found.get(value)
        if member is not None:
            return member
    raise _Invalid


def _fast_list(value: Any) -> list[Any]:
    if type(value) is list:
        return value
    raise _Invalid


def _fast_texts(value: Any) -> tuple[str, ...]:
    for item in _fast_list(value):
        if type(item) is not str or not (item.isascii() or _is_text(item)):
            raise _Invalid
    return tuple(value)


def _fast_decimal(field: FieldShape, value: Any) -> Decimal:
    # A subclass of Decimal (possible in a decoded mapping) is left to the path-reporting reader.
    amount = _read_decimal(field, value)
    if type(amount) is not Decimal:
        raise _Invalid
    return amount


def _fast_reader_source(cls: type, names: dict[str, Any], readers: Mapping[type, str]) -> str:
    """
    Write the fast reader of ``cls``: it returns the object, or raises ``_Invalid`` at the first doubt.

    It builds the object without calling its class: it takes an empty instance and
    fills every slot through the slot's descriptor, as attrs' ``__init__`` does, after
    checking every value at least as strictly as the class's check (exact types,
    members of the right enum, dates in range, a date not before the one it must
    not precede, decimals in range and precision, lists turned into tuples).
    Calling the class would only repeat that work.
    """
    fields = shape(cls)
    lines = [
        "def read(data):",
        "    if type(data) is not dict or not data.keys() <= KEYS:",
        "        raise Invalid",
        "    get = data.get",
    ]
    names["KEYS"] = frozenset(field.name for field in fields)
    names["CLS"] = cls
    setters = dict(zip([field.name for field in attrs.fields(cls)], slot_setters(cls), strict=True))
    for index, field in enumerate(fields):
        details = field.details
        if details.pattern is not None or details.nonblank or details.nonempty or details.unique:
            raise TypeError(f"{cls.__name__}.{field.name}: no fast reader for a pattern, a blank text or a list rule")
        names[f"S{index}"] = setters[field.name]
        names[f"D{index}"] = field.default
        value = f'get("{field.name}")'
        kind = field.kind
        simple = {Kind.TEXT: "text", Kind.DATE: "date", Kind.BOOL: "boolean"}.get(kind)
        if simple is not None and field.default is None:
            lines.append(f"    v{index} = optional_{simple}({value})")
        elif simple is not None and field.required:
            lines.append(f"    v{index} = {simple}({value})")
        else:
            if simple is not None:
                read = f"{simple}(v)"
            elif kind is Kind.CHOICE:
                names[f"M{index}"] = _members(field.target)
                read = f"choice(M{index}, v)"
            elif kind is Kind.DECIMAL:
                # an int in range is exact and has no decimal places: the common case, read at once
                names[f"F{index}"] = field
                low, high = _bounds(field)
                names[f"LO{index}"] = math.ceil(low) if low.is_finite() else -math.inf
                names[f"HI{index}"] = math.floor(high) if high.is_finite() else math.inf
                read = f"Decimal(v) if type(v) is int and LO{index} <= v <= HI{index} else decimal(F{index}, v)"
            elif kind is Kind.OBJECT:
                read = f"{readers[field.target]}(v)"
            elif kind is Kind.OBJECTS:
                read = f"tuple(map({readers[field.target]}, listed(v)))"
            elif kind is Kind.TEXTS:
                read = "texts(v)"
            else:
                raise TypeError(f"{cls.__name__}.{field.name}: no fast reader for a list of choices")
            missing = "invalid()" if field.required else f"D{index}"
            lines.append(f"    v = {value}")
            lines.append(f"    v{index} = {missing} if v is None else {read}")
        if details.not_before is not None:
            earlier = [f.name for f in fields].index(details.not_before)
            lines.append(f"    if v{index} is not None and v{earlier} is not None and v{index} < v{earlier}:")
            lines.append("        raise Invalid")
    lines.append("    obj = new(CLS)")
    lines += [f"    S{index}(obj, v{index})" for index in range(len(fields))]
    lines.append("    return obj")
    return "\n".join(lines) + "\n"


def _invalid() -> NoReturn:
    raise _Invalid


_FAST_NAMES: Final = MappingProxyType(
    {
        "Decimal": Decimal,
        "Invalid": _Invalid,
        "invalid": _invalid,
        "new": object.__new__,
        "text": _fast_text,
        "optional_text": _fast_optional_text,
        "optional_boolean": _fast_optional_bool,
        "date": _fast_date,
        "optional_date": _fast_optional_date,
        "boolean": _fast_bool,
        "choice": _fast_choice,
        "decimal": _fast_decimal,
        "listed": _fast_list,
        "texts": _fast_texts,
    }
)


def _dumper_source(cls: type, names: dict[str, Any], dumpers: Mapping[type, str]) -> str:
    """Write the dumper of ``cls``: every field in attribute order, as plain JSON values."""
    items = []
    for index, field in enumerate(shape(cls)):
        kind = field.kind
        if kind is Kind.DATE:
            write = "{}.isoformat()"
        elif kind is Kind.CHOICE:
            write = "{}._value_"
        elif kind is Kind.DECIMAL:
            write = "scaled({})" if field.details.keep_scale else "plain({})"
        elif kind is Kind.OBJECT:
            write = dumpers[field.target] + "({})"
        elif kind is Kind.OBJECTS:
            write = f"[{dumpers[field.target]}(x) for x in {{}}]"
        elif kind is Kind.TEXTS:
            write = "list({})"
        elif kind is Kind.CHOICES:
            write = "[x._value_ for x in {}]"
        else:  # a text or a boolean is its own JSON value, None included
            items.append(f'"{field.name}": obj.{field.name}')
            continue
        if field.nullable:
            value = f"None if (v{index} := obj.{field.name}) is None else " + write.format(f"v{index}")
        else:
            value = write.format(f"obj.{field.name}")
        items.append(f'"{field.name}": {value}')
    body = "".join(f"        {item},\n" for item in items)
    return f"def dump(obj):\n    return {{\n{body}    }}\n"


def _quoted(text: str) -> str:
    """Put a text that JSON writes unescaped (ASCII digits, "-", ".") in quotes."""
    return f'"{text}"'


#: A text as a JSON string, quotes included (the json module's own escaper, as its encoder uses it).
_json_string: Final = json.encoder.encode_basestring


def _canonical_source(cls: type, names: dict[str, Any], writers: Mapping[type, str]) -> str:
    """
    Write the canonical writer of ``cls``: ``canonical_json(dump(obj))``, straight from the object, in one f-string.

    Keys in sorted order (by code point, as ``sort_keys`` sorts), the separators
    ``","`` and ``":"``, and each value as the json module writes it: texts through
    the json module's own escaper (``ensure_ascii=False``), an enum member as its
    value (a ``StrEnum`` member is a ``str`` whose text is its value), a date as its
    ISO text and a decimal as its plain text, in quotes (neither holds a character
    JSON escapes), ``null``, ``true`` and ``false``, a list as ``[`` items ``]``.
    """
    parts = []
    for index, field in sorted(enumerate(shape(cls)), key=lambda pair: pair[1].name):
        kind = field.kind
        decimal = "scaled" if field.details.keep_scale else "plain"
        if kind is Kind.CHOICE and not issubclass(field.target, str):
            raise TypeError(f"{cls.__name__}.{field.name}: a choice is a StrEnum")
        if kind in (Kind.TEXT, Kind.CHOICE):
            write = "js({})"
        elif kind is Kind.DATE:
            write = "q({}.isoformat())"
        elif kind is Kind.BOOL:
            write = '("true" if {} else "false")'
        elif kind is Kind.DECIMAL:
            write = f"q({decimal}({{}}))"
        elif kind is Kind.OBJECT:
            write = writers[field.target] + "({})"
        elif kind is Kind.OBJECTS:
            write = f'"[" + ",".join([{writers[field.target]}(x) for x in {{}}]) + "]"'
        elif kind is Kind.TEXTS:
            write = '"[" + ",".join(map(js, {})) + "]"'
        else:
            write = '"[" + ",".join(map(js, {})) + "]"'
        if field.nullable:
            value = f'"null" if (v{index} := obj.{field.name}) is None else ' + write.format(f"v{index}")
        elif write.startswith("q("):  # the quotes written in the text itself, not by a call
            parts.append(f'"{field.name}":"{{{write[2:-1].format(f"obj.{field.name}")}}}"')
            continue
        else:
            value = write.format(f"obj.{field.name}")
        parts.append(f'"{field.name}":{{{value}}}')
    return "def write(obj):\n    return f'''{{" + ",".join(parts) + "}}'''\n"


def _strings_source(cls: type, names: dict[str, Any], collectors: Mapping[type, str]) -> str:
    """Write the function that adds every free text of an object of ``cls`` to a list (``None`` where unknown)."""
    lines = ["def strings(obj, out):"]
    for field in shape(cls):
        value = f"obj.{field.name}"
        if field.kind is Kind.TEXT and field.details.free_text:
            lines.append(f"    out.append({value})")
        elif field.kind is Kind.TEXTS and field.details.free_text:
            lines.append(f"    out += {value}")
        elif field.kind is Kind.OBJECT and field.target in collectors:
            lines.append(f"    if (v := {value}) is not None:")
            lines.append(f"        {collectors[field.target]}(v, out)")
        elif field.kind is Kind.OBJECTS and field.target in collectors:
            lines.append(f"    for x in {value}:")
            lines.append(f"        {collectors[field.target]}(x, out)")
    return "\n".join(lines) + "\n"


def _holds_free_text(cls: type) -> bool:
    """Whether an object of ``cls``, or one nested in it, can hold a free text."""
    for field in shape(cls):
        if field.kind in (Kind.TEXT, Kind.TEXTS) and field.details.free_text:
            return True
        if field.kind in (Kind.OBJECT, Kind.OBJECTS) and _holds_free_text(field.target):
            return True
    return False


def _classes(root: type, *, nested_first: bool = True) -> list[type]:
    """
    Return ``root`` and every document class nested in it, each once.

    Nested first (each class after those it holds: the order code is generated in),
    or root first (each class before those it holds, in attribute order: the order
    of a schema's definitions).
    """
    found: list[type] = []

    def visit(cls: type) -> None:
        if cls in found:
            return
        if not nested_first:
            found.append(cls)
        for field in shape(cls):
            if field.kind in (Kind.OBJECT, Kind.OBJECTS):
                visit(field.target)
        if nested_first:
            found.append(cls)

    visit(root)
    return found


# --- a document's codec --------------------------------------------------------------


@attrs.frozen
class Codec:
    """
    The code of one document (a root class and everything nested in it), generated from its description.

    Its name, format and error come from the root class (:class:`Described`), so that
    every layer that asks for the codec of a class gets the same one (:func:`codec`).

    Attributes:
        root: The document class.
        dump: Writes an object of it as plain JSON values (the generated dumper).
        canonical: Writes an object of it as canonical JSON text (the generated canonical writer).
    """

    root: type[Described]
    dump: Callable[[Any], dict[str, Any]]
    canonical: Callable[[Any], str]
    _fast_read: Callable[[Any], Any] | None
    _strings: Callable[[Any, list[str | None]], None] | None
    _sources: tuple[str, ...]

    @classmethod
    def generate(cls, root: type[Described]) -> Codec:
        """Generate the code of ``root`` and the classes nested in it."""
        classes = _classes(root)
        sources: list[str] = []
        common: dict[str, Any] = {
            **_FAST_NAMES,
            "plain": plain_decimal,
            "scaled": scaled_decimal,
            "js": _json_string,
            "q": _quoted,
        }

        def compile_for(document: type, writer: Callable[..., str], names: Mapping[type, str], function: str) -> None:
            local: dict[str, Any] = {}
            source = writer(document, local, names)
            sources.append(source)
            common[names[document]] = _compiled(source, {**common, **local}, function, document)

        readers = {c: f"read_{c.__name__}" for c in classes}
        dumpers = {c: f"dump_{c.__name__}" for c in classes}
        writers = {c: f"write_{c.__name__}" for c in classes}
        collectors = {c: f"strings_{c.__name__}" for c in classes if _holds_free_text(c)}
        for document in classes:  # nested classes first: each function finds those it calls in `common`
            if root._fast_reader:
                compile_for(document, _fast_reader_source, readers, "read")
            compile_for(document, _dumper_source, dumpers, "dump")
            compile_for(document, _canonical_source, writers, "write")
            if document in collectors:
                compile_for(document, _strings_source, collectors, "strings")
        return cls(
            root=root,
            dump=common[dumpers[root]],
            canonical=common[writers[root]],
            fast_read=common[readers[root]] if root._fast_reader else None,
            strings=common.get(collectors.get(root, "")),
            sources=tuple(sources),
        )

    @property
    def what(self) -> str:
        """The document in a message (``"a case"``)."""
        return self.root._document_name

    @property
    def dialect(self) -> Dialect:
        """How the document's format names types."""
        return getattr(self.root, "_document_format", JSON)

    @property
    def error(self) -> type[CaseError]:
        """The error a bad document raises."""
        return self.root._document_error

    def source(self) -> str:
        """Return the Python source generated for this document (for a reader of the code, or a test)."""
        return "\n".join(self._sources)

    def load(self, document: Any) -> Any:
        """
        Read the document from a decoded mapping, checking every field before anything is raised.

        Raises:
            CaseError: This document's error, naming every bad field by its path in document order;
                a document that is not an object has the path ``""``.
        """
        if self._fast_read is not None:
            try:
                return self._fast_read(document)
            except _Invalid:
                pass
        if not isinstance(document, Mapping):
            dialect = self.dialect
            message = _message(
                "document.must_be",
                document=(self.root._document_name_da, self.what),
                expected=(dialect.document_word_da, dialect.document_word),
                actual=dialect.type_of(document),
            )
            raise self.error([FieldError.of("", message)])
        reader = _Reader(self.dialect)
        loaded = _read_object(document, "", self.root, reader)
        if reader.errors:
            raise self.error(reader.errors)
        return loaded

    def strings(self, obj: Any) -> list[str | None]:
        """Return every free text of ``obj`` (``None`` where unknown), without paths: the scan's cheap first pass."""
        out: list[str | None] = []
        if self._strings is not None:
            self._strings(obj, out)
        return out

    def texts(self, obj: Any, path: str = "") -> Iterator[tuple[str, str]]:
        """Yield ``(path, text)`` for every free text of ``obj`` that is given, in document order."""
        for field in shape(type(obj)):  # type: ignore[arg-type]  # typeshed: a class is hashable
            value = getattr(obj, field.name)
            here = path + field.name
            if field.kind is Kind.TEXT and field.details.free_text and value is not None:
                yield here, value
            elif field.kind is Kind.TEXTS and field.details.free_text:
                yield from ((f"{here}[{index}]", item) for index, item in enumerate(value))
            elif field.kind is Kind.OBJECT and value is not None:
                yield from self.texts(value, here + ".")
            elif field.kind is Kind.OBJECTS:
                for index, item in enumerate(value):
                    yield from self.texts(item, f"{here}[{index}].")

    def schema(self, *, schema_id: str, title: str, description: str) -> dict[str, Any]:
        """Describe the document as JSON Schema (draft 2020-12): a new dict each call."""
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": schema_id,
            "title": title,
            "description": description,
            "$ref": f"#/$defs/{self.root.__name__}",
            "$defs": {cls.__name__: _object_schema(cls) for cls in _classes(self.root, nested_first=False)},
        }


@cache
def codec(root: type[Described]) -> Codec:
    """Return the one codec of the document class ``root``, generating it on the first call."""
    return Codec.generate(root)


# --- JSON Schema ---------------------------------------------------------------------

# JSON Schema patterns (ECMA 262 syntax, anchored): the years 1900..2199 of a date.
_SCHEMA_DATE_PATTERN: Final = r"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _object_schema(cls: type) -> dict[str, Any]:
    fields = shape(cls)
    return {
        "title": cls.__name__,
        "description": (cls.__doc__ or cls.__name__).strip().splitlines()[0],
        "type": "object",
        "properties": {field.name: _field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def _field_schema(field: FieldShape) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    if kind is Kind.TEXT:
        schema = {"type": "string"}
        if field.details.pattern is not None:
            schema["pattern"] = f"^{field.details.pattern.pattern}$"
    elif kind is Kind.DATE:
        schema = {
            "type": "string",
            "format": "date",
            "pattern": _SCHEMA_DATE_PATTERN,
            "description": "a date YYYY-MM-DD, 1900-01-01..2199-12-31",
        }
    elif kind is Kind.BOOL:
        schema = {"type": "boolean"}
    elif kind is Kind.CHOICE:
        schema = {"type": "string", "enum": [member.value for member in field.target]}
    elif kind is Kind.OBJECT:
        schema = {"$ref": f"#/$defs/{field.target.__name__}"}
    elif kind is Kind.DECIMAL:
        return _decimal_schema(field)
    else:
        if kind is Kind.OBJECTS:
            items: dict[str, Any] = {"$ref": f"#/$defs/{field.target.__name__}"}
        elif kind is Kind.TEXTS:
            items = {"type": "string"}
        else:
            items = {"type": "string", "enum": [member.value for member in field.target]}
        return {"type": ["array", "null"], "items": items}
    if field.required:
        return schema
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    schema["type"] = [schema["type"], "null"]
    if "enum" in schema:
        schema["enum"].append(None)
    return schema


def _decimal_schema(field: FieldShape) -> dict[str, Any]:
    low, high = _bounds(field)
    number: dict[str, Any] = {"type": "number"}
    if low.is_finite():
        number["minimum"] = int(low) if low == int(low) else float(low)
    if high.is_finite():
        number["maximum"] = int(high) if high == int(high) else float(high)
    bounds = f", {plain_decimal(low)}..{plain_decimal(high)}" if low.is_finite() and high.is_finite() else ""
    schema: dict[str, Any] = {
        "description": (
            f"{field.details.description}{bounds} with at most {MAX_DECIMAL_PLACES} decimal places "
            "(trailing zeros do not count): a JSON number or a decimal string"
        ),
        "anyOf": [number, {"type": "string", "pattern": _decimal_pattern(low, high)}],
    }
    if not field.required:
        schema["anyOf"].append({"type": "null"})
    return schema


def _decimal_pattern(low: Decimal, high: Decimal) -> str:
    """
    Return an anchored pattern of the decimal strings a field accepts, as tight as a pattern can say it.

    From 0 to a power of ten with 6 places (``0..10000`` gives the pattern of the case
    format since 0.1); any other range gets the contract's decimal string, and the
    reader checks the range.
    """
    if low != 0 or not high.is_finite() or high != 10 ** (len(str(int(high))) - 1):
        return r"^[+-]?[0-9]+(\.[0-9]+)?$"
    digits = len(str(int(high))) - 1
    top = str(int(high))
    return rf"^(\+?0*([0-9]{{1,{digits}}}(\.[0-9]{{1,{MAX_DECIMAL_PLACES}}}0*)?|{top}(\.0+)?)|-0+(\.0+)?)$"
