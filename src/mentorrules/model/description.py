"""
Each document described once: what a field of a case, a cost claim or a practice profile is.

A document of this library (the facts of a :class:`~mentorrules.Case`, a
:class:`~mentorrules.costs.CostClaim`, a :class:`~mentorrules.practice.Profile`)
is a frozen attrs class.  Its fields say, once, everything the library needs to
check, read and write them:

* the **annotation** gives the type: ``str``, ``datetime.date``, ``bool``,
  ``Decimal``, an enum (its lowercase values in JSON), another document class (a
  nested object), ``tuple[X, ...]`` (a list of them), each ``| None`` where the
  value may be unknown;
* the **default** says whether the field is required (no default) and what
  ``null`` or an absent key means (the default: ``None`` for an unknown fact,
  ``()`` for an empty list, ``"person"`` for ``Hours.basis``);
* the **metadata** (:func:`described`) says what an annotation cannot: bounds and
  precision of a decimal, a date that must not precede another, a pattern or a
  non-blank text, a list that must not be empty, and whether a text is free text
  (which the privacy scan reads).

:mod:`mentorrules.model.generated` turns a class's :func:`shape` into code, once
per class: the checks its constructor runs, the fast and the path-reporting
readers, the dumper, the canonical writer, the JSON Schema and the paths of its
free texts, as attrs turns the same fields into ``__init__``.  Adding a field to a
document is one edit: the field itself.

    >>> import attrs, datetime
    >>> @attrs.frozen(kw_only=True)
    ... class Visit:
    ...     day: datetime.date
    ...     note: str | None = attrs.field(default=None, metadata=described(free_text=True))
    >>> [(f.name, f.kind.name, f.required) for f in shape(Visit)]
    [('day', 'DATE', True), ('note', 'TEXT', False)]
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from typing import Any, Final

import attrs


__all__ = ["MAX_DATE", "MIN_DATE", "Details", "FieldShape", "Kind", "described", "shape"]

#: The first and the last date a document may hold (DESIGN section 3).
MIN_DATE: Final = datetime.date(1900, 1, 1)
MAX_DATE: Final = datetime.date(2199, 12, 31)

#: The key of this library's entry in an attrs field's metadata.
METADATA_KEY: Final = "mentorrules"


class Kind(enum.Enum):
    """What a field holds, as JSON sees it (read from the field's annotation)."""

    TEXT = "text"  #: a string
    DATE = "date"  #: a date, ``YYYY-MM-DD``
    BOOL = "bool"  #: ``true`` or ``false``
    CHOICE = "choice"  #: an enum member, written as its value
    DECIMAL = "decimal"  #: an exact decimal: a JSON number or a decimal string
    OBJECT = "object"  #: a nested document
    OBJECTS = "objects"  #: a list of nested documents
    TEXTS = "texts"  #: a list of strings
    CHOICES = "choices"  #: a list of enum members


@attrs.frozen(kw_only=True)
class Details:
    """
    What a field's annotation cannot say (the metadata :func:`described` writes).

    Attributes:
        free_text: A text a person wrote, which the privacy scan reads for what
            looks like a CPR number (texts and lists of texts; true by default).
        minimum: The least value of a decimal.
        maximum: The greatest value of a decimal.
        example: A decimal string shown in the message for a malformed one.
        description: What a decimal is, for its JSON Schema (``"the number of hours"``).
        keep_scale: Write a decimal as given (``300.00``), not without trailing zeros (``300``).
        not_before: The name of a date field of the same object this date must not precede.
        pattern: A pattern a text must match in full (an id).
        pattern_hint: What the pattern allows, for the message.
        pattern_hint_da: The same in Danish (the English hint where not given).
        nonblank: A text must hold more than white space.
        nonempty: A list must hold at least one item.
        unique: The items of a list must differ.
    """

    free_text: bool = True
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    example: str = "2.5"
    description: str = "a number"
    keep_scale: bool = False
    not_before: str | None = None
    pattern: re.Pattern[str] | None = None
    pattern_hint: str = ""
    pattern_hint_da: str = ""
    nonblank: bool = False
    nonempty: bool = False
    unique: bool = False


_PLAIN: Final = Details()


def described(**details: Any) -> Mapping[str, Details]:
    """
    Return the metadata of a field: ``attrs.field(metadata=described(maximum=Decimal(10_000)))``.

    The keywords are the attributes of :class:`Details`; anything else is an error at import.
    """
    return types.MappingProxyType({METADATA_KEY: Details(**details)})


@attrs.frozen(kw_only=True)
class FieldShape:
    """
    One field of a document, as the generated code reads and writes it.

    Attributes:
        name: The attribute name, which is also the JSON key.
        kind: What it holds.
        target: The enum (choices), the nested document class (objects), else ``None``.
        required: The field has no default: it must be present and not ``null``.
        default: What ``null`` or an absent key means (``attrs.NOTHING`` when required).
        nullable: ``None`` is a value of the field in Python (its annotation says ``| None``).
        details: The rest of its description.
    """

    name: str
    kind: Kind
    target: Any
    required: bool
    default: Any
    nullable: bool
    details: Details


def _parts(annotation: Any) -> tuple[Any, bool]:
    """Split ``X | None`` into ``(X, True)``; anything else into ``(annotation, False)``."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [member for member in typing.get_args(annotation) if member is not type(None)]
        if len(members) != 1:
            raise TypeError(f"a field may be one type or None, not {annotation}")
        return members[0], True
    return annotation, False


def _kind(annotation: Any) -> tuple[Kind, Any]:
    """Return the kind of a field of this annotation, and its target class."""
    if typing.get_origin(annotation) is tuple:
        item, ellipsis = typing.get_args(annotation)
        if ellipsis is not Ellipsis:
            raise TypeError(f"a list field is tuple[X, ...], not {annotation}")
        kind, target = _kind(item)
        lists = {Kind.TEXT: Kind.TEXTS, Kind.OBJECT: Kind.OBJECTS, Kind.CHOICE: Kind.CHOICES}
        if kind not in lists:
            raise TypeError(f"a list may hold texts, objects or choices, not {item}")
        return lists[kind], target
    if annotation is str:
        return Kind.TEXT, None
    if annotation is datetime.date:
        return Kind.DATE, None
    if annotation is bool:
        return Kind.BOOL, None
    if annotation is Decimal:
        return Kind.DECIMAL, None
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return Kind.CHOICE, annotation
    if isinstance(annotation, type) and attrs.has(annotation):
        return Kind.OBJECT, annotation
    raise TypeError(f"no JSON description for a field of type {annotation}")


@cache
def shape(cls: type) -> tuple[FieldShape, ...]:
    """
    Return the fields of the document class ``cls``, in attribute order, as the generated code sees them.

    Fields that are not arguments of ``__init__`` (``init=False``) are not part of the document.

    Raises:
        TypeError: If a field's annotation has no JSON description (at import, where the code is generated).
    """
    hints = typing.get_type_hints(cls)
    fields = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        annotation, nullable = _parts(hints[field.name])
        kind, target = _kind(annotation)
        details = field.metadata.get(METADATA_KEY, _PLAIN)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class at run time
            raise TypeError(f"{cls.__name__}.{field.name}: give a plain default, not a factory")
        fields.append(
            FieldShape(
                name=field.name,
                kind=kind,
                target=target,
                required=default is attrs.NOTHING,
                default=default,
                nullable=nullable,
                details=details,
            )
        )
    return tuple(fields)


def members(cls: type[enum.Enum]) -> Mapping[str, Any]:
    """Return the members of an enum by their values (``{"per_week": HoursUnit.PER_WEEK, ...}``)."""
    return types.MappingProxyType({member.value: member for member in cls})
