"""
Each document described once: one edit, the field itself, and every piece of code handles it.

The test declares throwaway document classes, as a maintainer would declare a new fact, and
checks that the code generated from their description (mentorrules.model.generated) handles
every field: the constructor's check, the fast reader, the path-reporting reader (a bad value
named by its path), the dumper, the canonical writer, the JSON Schema and the privacy scan's
free texts.  Nothing else is written for them.
"""

from __future__ import annotations

import datetime
import enum
import json
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest

from mentorrules.model.canonical import canonical_json
from mentorrules.model.description import Kind, described, shape
from mentorrules.model.exceptions import CaseError, Message, Messages
from mentorrules.model.generated import JSON, TOML, Codec, Described, Dialect, codec, decode_json


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
class Leaf(Described):
    """A nested document: one required date and one free text."""

    seen_on: datetime.date
    note: str | None = None


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class Visit(Described):
    """A throwaway document with one field of every kind."""

    _document_name: ClassVar[str] = "a visit"
    _document_format: ClassVar[Dialect] = JSON
    _fast_reader: ClassVar[bool] = True

    day: datetime.date
    until: datetime.date | None = attrs.field(default=None, metadata=described(not_before="day"))
    remark: str | None = None
    code: str | None = attrs.field(default=None, metadata=described(free_text=False))
    done: bool | None = None
    colour: Colour | None = None
    cost: Decimal | None = attrs.field(default=None, metadata=described(minimum=Decimal(0), maximum=Decimal(100)))
    leaf: Leaf | None = None
    leaves: tuple[Leaf, ...] = attrs.field(default=(), converter=_tuple)
    words: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


VISIT = codec(Visit)
DOCUMENT: dict[str, Any] = {
    "day": "2024-03-01",
    "until": "2024-03-02",
    "remark": "ring først",
    "code": "A-1",
    "done": True,
    "colour": "blue",
    "cost": "12.50",
    "leaf": {"seen_on": "2024-01-01", "note": "ok"},
    "leaves": [{"seen_on": "2024-01-02", "note": None}],
    "words": ["en", "to"],
}
VALUE = Visit(
    day=datetime.date(2024, 3, 1),
    until=datetime.date(2024, 3, 2),
    remark="ring først",
    code="A-1",
    done=True,
    colour=Colour.BLUE,
    cost=Decimal("12.50"),
    leaf=Leaf(seen_on=datetime.date(2024, 1, 1), note="ok"),
    leaves=(Leaf(seen_on=datetime.date(2024, 1, 2)),),
    words=("en", "to"),
)


def errors_of(document: Any) -> list[tuple[str, str]]:
    with pytest.raises(CaseError) as info:
        VISIT.load(document)
    return [(error.path, error.message) for error in info.value.errors]


def test_the_description_is_read_from_the_fields() -> None:
    kinds = {field.name: (field.kind, field.required, field.nullable) for field in shape(Visit)}
    assert kinds == {
        "day": (Kind.DATE, True, False),
        "until": (Kind.DATE, False, True),
        "remark": (Kind.TEXT, False, True),
        "code": (Kind.TEXT, False, True),
        "done": (Kind.BOOL, False, True),
        "colour": (Kind.CHOICE, False, True),
        "cost": (Kind.DECIMAL, False, True),
        "leaf": (Kind.OBJECT, False, True),
        "leaves": (Kind.OBJECTS, False, False),
        "words": (Kind.TEXTS, False, False),
    }


def test_the_fast_reader_and_the_path_reporting_reader_read_every_field() -> None:
    assert VALUE == VISIT.load(DOCUMENT)  # the fast reader
    assert VALUE == VISIT.load(
        json.loads(json.dumps(DOCUMENT)),
    )
    assert VALUE == VISIT.load(decode_json(json.dumps(DOCUMENT), CaseError))
    # A mapping that is not a plain dict is left to the path-reporting reader, which builds the same value.
    assert VALUE == VISIT.load(type("Other", (dict,), {})(DOCUMENT))


def test_a_bad_value_of_every_field_is_named_by_its_path() -> None:
    bad = {
        "day": "2024-02-30",
        "until": 5,
        "remark": ["x"],
        "code": 1,
        "done": "yes",
        "colour": "green",
        "cost": "100.5",
        "leaf": {"seen_on": None, "note": 2},
        "leaves": [{"seen_on": "2024-01-02"}, 3],
        "words": ["en", None],
        "extra": 1,
    }
    assert errors_of(bad) == [
        ("day", "is not a calendar date: '2024-02-30'"),
        ("until", "must be a date string YYYY-MM-DD, not number"),
        ("remark", "must be a string, not array"),
        ("code", "must be a string, not number"),
        ("done", "must be true or false, not string"),
        ("colour", "unknown value 'green'; allowed values: 'red', 'blue'"),
        ("cost", "must lie between 0 and 100, not 100.5"),
        ("leaf.seen_on", "is required and must not be null"),
        ("leaf.note", "must be a string, not number"),
        ("leaves[1]", "must be an object, not number"),
        ("words[1]", "must be a string, not null"),
        (
            "extra",
            "unknown key; the keys of Visit are day, until, remark, code, done, colour, cost, leaf, leaves, words",
        ),
    ]


def test_a_date_before_the_one_it_must_not_precede_and_a_missing_field() -> None:
    assert errors_of({"until": "2024-01-01", "leaf": {}}) == [
        ("leaf.seen_on", "is required"),
        ("day", "is required"),
    ]
    assert errors_of({"day": "2024-03-01", "until": "2024-02-29"}) == [
        ("until", "must not be before day (2024-03-01)"),
    ]


def test_the_constructor_checks_every_field() -> None:
    with pytest.raises(CaseError) as info:
        Visit(day="2024-03-01", cost=Decimal("0.1234567"), leaves=[1], colour="red")  # type: ignore[arg-type]
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("day", "must be a date, not str"),
        ("colour", "must be a Colour, not str"),
        ("cost", "must have at most 6 decimal places, not 0.1234567"),
        ("leaves", "item 0 must be Leaf, not int"),
    ]
    with pytest.raises(CaseError, match="until: must not be before day"):
        Visit(day=datetime.date(2024, 3, 1), until=datetime.date(2024, 2, 1))
    with pytest.raises(CaseError, match=r"^1 bad field: done: must be bool, not str$"):  # an unknown until is fine
        Visit(day=datetime.date(2024, 3, 1), done="yes")  # type: ignore[arg-type]


def test_the_dumper_and_the_canonical_writer_write_every_field() -> None:
    dumped = VISIT.dump(VALUE)
    assert dumped == {**DOCUMENT, "cost": "12.5", "leaves": [{"seen_on": "2024-01-02", "note": None}]}
    assert list(dumped) == [field.name for field in shape(Visit)]
    assert VALUE == VISIT.load(dumped)
    assert canonical_json(dumped) == VISIT.canonical(VALUE)
    empty = Visit(day=datetime.date(2024, 3, 1))
    assert canonical_json(VISIT.dump(empty)) == VISIT.canonical(empty)


def test_the_schema_describes_every_field() -> None:
    schema = VISIT.schema(schema_id="https://example.org/visit.json", title="visit", description="a visit")
    assert list(schema["$defs"]) == ["Visit", "Leaf"]
    assert list(schema["$defs"]["Visit"]["properties"]) == [field.name for field in shape(Visit)]
    assert schema["$defs"]["Visit"]["required"] == ["day"]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(DOCUMENT)
    for key, value in {"colour": "green", "cost": 101, "leaf": {"note": "x"}, "extra": 1}.items():
        assert not validator.is_valid({**DOCUMENT, key: value}), key


def test_the_privacy_scan_reads_every_free_text() -> None:
    assert list(VISIT.texts(VALUE)) == [
        ("remark", "ring først"),
        ("leaf.note", "ok"),
        ("words[0]", "en"),
        ("words[1]", "to"),
    ]  # not code: it is described as no free text
    assert sorted(text for text in VISIT.strings(VALUE) if text) == ["en", "ok", "ring først", "to"]


def test_the_generated_source_can_be_read() -> None:
    source = VISIT.source()
    assert "def read(data):" in source
    assert "def dump(obj):" in source
    assert "def write(obj):" in source
    assert "def strings(obj, out):" in source


def test_a_codec_is_generated_once_per_class() -> None:
    assert codec(Visit) is VISIT
    assert isinstance(VISIT, Codec)


SETTING_MESSAGES = Messages(
    {"red_when_strict": ("rød er ikke tilladt, når strict er sat", "red is not allowed when strict")}
)


@attrs.frozen(kw_only=True)
class Setting(Described):
    """A document read from TOML, with a pattern, a non-blank text, a non-empty list and a check between fields."""

    _document_name: ClassVar[str] = "a setting"
    _document_name_da: ClassVar[str] = "en indstilling"
    _document_format: ClassVar[Dialect] = TOML

    id: str = attrs.field(
        metadata=described(
            pattern=__import__("re").compile("[a-z]+"), pattern_hint="a-z only", pattern_hint_da="kun a-z"
        )
    )
    label: str = attrs.field(metadata=described(nonblank=True, free_text=False))
    colours: tuple[Colour, ...] = attrs.field(metadata=described(nonempty=True, unique=True), converter=_tuple)
    strict: bool = False

    @classmethod
    def _related_problems(cls, values: Any, bad: frozenset[str]) -> list[tuple[str, Message]]:
        if values.get("strict") and Colour.RED in values.get("colours", ()):
            return [("colours", SETTING_MESSAGES.of("red_when_strict"))]
        return []


def test_a_toml_document_with_rules_of_its_own() -> None:
    setting = codec(Setting)
    assert setting.load({"id": "a", "label": "A", "colours": ["red"]}) == Setting(
        id="a", label="A", colours=(Colour.RED,)
    )
    with pytest.raises(CaseError) as info:
        setting.load({"id": "A1", "label": " ", "colours": ["red", "red"], "strict": 1})
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("id", "is not a valid id: 'A1' (a-z only)"),
        ("label", "must not be empty"),
        ("colours[1]", "occurs twice: 'red'"),
        ("strict", "must be a boolean, not integer"),
    ]
    assert [e.text("da") for e in info.value.errors] == [
        "er ikke et gyldigt id: 'A1' (kun a-z)",
        "må ikke være tom",
        "forekommer to gange: 'red'",
        "skal være en sandhedsværdi, ikke heltal",
    ]
    with pytest.raises(CaseError) as info:
        setting.load({"id": "a", "label": "A", "colours": [], "strict": True})
    assert [(e.path, e.message) for e in info.value.errors] == [("colours", "must not be empty")]
    with pytest.raises(CaseError) as info:
        setting.load({"id": "a", "label": "A", "colours": ["red"], "strict": True})
    assert [(e.path, e.message) for e in info.value.errors] == [("colours", "red is not allowed when strict")]
    with pytest.raises(CaseError, match="colours: red is not allowed when strict"):
        Setting(id="a", label="A", colours=(Colour.RED,), strict=True)
    with pytest.raises(CaseError, match="a setting must be a TOML table, not array") as info:
        setting.load([])
    assert info.value.text("da") == "1 ugyldigt felt: <dokument>: en indstilling skal være en TOML-tabel, ikke liste"
    with pytest.raises(CaseError) as info:
        Setting(id="a", label="A", colours=(Colour.RED,), strict=True)
    assert info.value.errors[0].text("da") == "rød er ikke tilladt, når strict er sat"


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        ("int | str | None", "a field may be one type or None"),
        ("list[str]", "no JSON description for a field of type list"),
        ("tuple[str, int]", "a list field is tuple"),
        ("tuple[bool, ...]", "a list may hold texts, objects or choices"),
        ("int", "no JSON description for a field of type <class 'int'>"),
    ],
)
def test_a_field_without_a_json_description_is_refused(annotation: str, message: str) -> None:
    """A type the formats cannot carry fails where the code is generated, naming the type."""
    namespace: dict[str, Any] = {}
    exec(  # a class declared with the annotation under test
        f"import attrs\n@attrs.frozen\nclass Odd:\n    x: {annotation}\n", namespace
    )
    with pytest.raises(TypeError, match=message.replace("[", r"\[").replace("|", r"\|")):
        shape(namespace["Odd"])


def test_a_factory_default_is_refused_and_a_field_outside_init_is_no_part_of_the_document() -> None:
    @attrs.frozen
    class Defaults:
        x: tuple[str, ...] = attrs.field(factory=tuple)

    with pytest.raises(TypeError, match="give a plain default, not a factory"):
        shape(Defaults)

    @attrs.frozen
    class Derived:
        x: str
        y: str = attrs.field(init=False, default="")

    assert [field.name for field in shape(Derived)] == ["x"]


def test_a_fast_reader_is_refused_where_it_cannot_be_as_strict() -> None:
    """Fields with rules the fast reader does not check (a pattern, a list of choices) cannot have one."""

    @attrs.frozen
    class Patterned(Described):
        _fast_reader: ClassVar[bool] = True
        x: str = attrs.field(metadata=described(pattern=__import__("re").compile("a")))

    with pytest.raises(TypeError, match="no fast reader for a pattern"):
        Codec.generate(Patterned)

    @attrs.frozen
    class Listed(Described):
        _fast_reader: ClassVar[bool] = True
        x: tuple[Colour, ...] = ()

    with pytest.raises(TypeError, match="no fast reader for a list of choices"):
        Codec.generate(Listed)


class Plain(enum.Enum):
    A = "a"


def test_a_choice_must_be_a_str_enum() -> None:
    @attrs.frozen
    class Chooser(Described):
        x: Plain

    with pytest.raises(TypeError, match="a choice is a StrEnum"):
        Codec.generate(Chooser)


def test_a_fast_reader_gives_a_default_for_null_and_a_document_without_free_text_has_none() -> None:
    @attrs.frozen
    class Flagged(Described):
        _fast_reader: ClassVar[bool] = True
        strict: bool = False
        at: datetime.date = datetime.date(2024, 1, 1)

    flagged = Codec.generate(Flagged)
    assert flagged.load({"strict": None}) == Flagged()
    assert flagged.load({"strict": True, "at": "2024-02-01"}) == Flagged(strict=True, at=datetime.date(2024, 2, 1))
    assert flagged.strings(Flagged()) == []
    assert list(flagged.texts(Flagged())) == []


def test_the_schema_of_patterns_choices_and_unbounded_decimals() -> None:
    @attrs.frozen
    class Rich(Described):
        id: str = attrs.field(metadata=described(pattern=__import__("re").compile("[a-z]+")))
        colours: tuple[Colour, ...] = ()
        amount: Decimal = attrs.field(default=Decimal(0), metadata=described(minimum=Decimal(1)))
        most: Decimal | None = attrs.field(default=None, metadata=described(maximum=Decimal("2.5")))

    properties = Codec.generate(Rich).schema(schema_id="x", title="x", description="x")["$defs"]["Rich"]["properties"]
    assert properties["id"] == {"type": "string", "pattern": "^[a-z]+$"}
    assert properties["colours"] == {"type": ["array", "null"], "items": {"type": "string", "enum": ["red", "blue"]}}
    assert properties["amount"]["anyOf"] == [
        {"type": "number", "minimum": 1},
        {"type": "string", "pattern": r"^[+-]?[0-9]+(\.[0-9]+)?$"},
        {"type": "null"},
    ]
    assert properties["amount"]["description"].startswith("a number with at most 6 decimal places")
    assert properties["most"]["anyOf"][0] == {"type": "number", "maximum": 2.5}


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (1.5, "float"),
        (datetime.datetime(2024, 1, 1, 12, 0), "datetime"),
        (datetime.date(2024, 1, 1), "date"),
        (datetime.time(12, 0), "time"),
        ({"a": 1}, "table"),
        (True, "boolean"),
        ({1}, "set"),
    ],
)
def test_a_toml_document_names_its_types(value: Any, name: str) -> None:
    with pytest.raises(CaseError) as info:
        codec(Setting).load({"id": "a", "label": value, "colours": ["red"]})
    assert [(e.path, e.message) for e in info.value.errors] == [("label", f"must be a string, not {name}")]
    danish = {"float": "kommatal", "datetime": "tidspunkt", "date": "dato", "time": "klokkeslæt", "table": "tabel"}
    expected = danish.get(name, {"boolean": "sandhedsværdi"}.get(name, name))
    assert [e.text("da") for e in info.value.errors] == [f"skal være en tekst, ikke {expected}"]
