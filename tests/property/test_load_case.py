"""
Fuzzing ``load_case`` (and ``evaluate`` on what it loads): bad input is a ``CaseError`` naming every bad field.

Two sources of input:

* arbitrary JSON values (``null``, booleans, numbers, text, and lists and objects of
  them, often under the keys of the case format), as decoded objects, as JSON text
  and as arbitrary bytes;
* valid case documents (``mentorrules.testing.case_documents``) damaged at random
  depth: a key deleted, a value of the wrong JSON type, an unknown key, a corrupted
  date, an enum value that does not exist.  Each damage is recorded with the path it
  must be reported at, so the test checks not only that ``CaseError`` is raised but
  that its ``paths`` are exactly the damaged fields (DESIGN section 3: every bad field
  is named, never only the first).  A damage inside an object that a later damage
  removed or replaced is no longer expected.

Nothing but ``CaseError`` (from ``load_case``) and ``UnsupportedDateError`` (from
``evaluate``, for a decision date outside the law modelled) may escape.

Examples: the active Hypothesis profile's count under ``dev``; 2,000 per test under
``HYPOTHESIS_PROFILE=ci`` (``make test``) and 20,000 under ``fuzz`` (``make fuzz``).
"""

from __future__ import annotations

import copy
import json
import os
import string
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorrules import Case, CaseError, Decision, UnsupportedDateError, case_schema, evaluate, load_case
from mentorrules.testing import case_documents, dates


#: Examples per fuzz test by profile; other profiles (dev) keep their own count.
FUZZ_EXAMPLES = {"ci": 2_000, "fuzz": 20_000}
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
fuzz_settings = settings(max_examples=FUZZ_EXAMPLES.get(_PROFILE, settings.default.max_examples))

Path = tuple[str | int, ...]


def show(path: Path) -> str:
    """Write a path as the library does: ``periods[1].agreement.end``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


# --- the format, read from the JSON Schema -----------------------------------------


def _kinds() -> dict[str, dict[str, tuple[str, str | None, bool]]]:
    """For each class of the schema: field -> (kind, nested class, required)."""
    definitions = case_schema()["$defs"]
    table: dict[str, dict[str, tuple[str, str | None, bool]]] = {}
    for name, definition in definitions.items():
        fields = {}
        for field, schema in definition["properties"].items():
            required = field in definition["required"]
            refs = [option["$ref"] for option in schema.get("anyOf", []) if "$ref" in option]
            items = schema.get("items", {})
            if refs:
                fields[field] = ("object", refs[0].rsplit("/", 1)[1], required)
            elif "$ref" in items:
                fields[field] = ("objects", items["$ref"].rsplit("/", 1)[1], required)
            elif items:
                fields[field] = ("strs", None, required)
            elif "anyOf" in schema:
                fields[field] = ("amount", None, required)
            elif schema.get("format") == "date":
                fields[field] = ("date", None, required)
            elif "enum" in schema:
                fields[field] = ("enum", None, required)
            elif "boolean" in schema["type"]:
                fields[field] = ("bool", None, required)
            else:
                assert "string" in schema["type"], (name, field, schema)
                fields[field] = ("str", None, required)
        table[name] = fields
    return table


KINDS = _kinds()

#: Values of a wrong JSON type for each kind (never null: null means unknown for optional fields).
WRONG_TYPES: dict[str, tuple[Any, ...]] = {
    "str": (1, 2.5, True, [], {}),
    "date": (20240101, True, [], {}, 1.5),
    "bool": ("true", 0, 1, [], {}),
    "enum": (1, True, [], {}),
    "object": ("x", 1, False, []),
    "objects": ("x", 1, True, {}),
    "strs": ("x", 1, True, {}),
    "amount": (True, [], {}, "abc", "1e3", " 3", "NaN", "3.", -1, 10_000.5, "-0.5", "0.0000001", 1e-7, 2.1234567),
    "object item": ("x", 1, True, None, []),
    "str item": (1, True, None, {}, []),
}
CORRUPT_DATES = (
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-1",
    "24-01-01",
    "2024/01/01",
    "1899-12-31",
    "2200-01-01",
    "２０２４-01-01",
    "",
    " 2024-01-01",
    "2024-01-01T00:00",
)
BAD_ENUMS = ("bogus", "", "OFFER", "Per_Week", " offer", "none ", "null")
UNKNOWN_KEYS = st.sampled_from(("unknown", "purpos", "Decision_date", "x", "æ", "id")) | st.text(
    alphabet=string.ascii_letters + "_ æ0", min_size=1, max_size=8
)


# --- damaging a document ------------------------------------------------------------


def targets(node: Any, cls: str, path: Path) -> Iterator[tuple[Path, str, str | None, bool, Any]]:
    """
    Every place in a (valid part of a) document: (path, kind, class, required, container).

    The kind ``"node"`` is an object itself (its container is the object: a key can be added to it);
    every other kind is a field or a list item (its container is the object or list holding it).
    """
    yield path, "node", cls, True, node
    for field, (kind, nested, required) in KINDS[cls].items():
        here = (*path, field)
        value = node.get(field)
        yield here, kind, nested, required, node
        if kind == "object" and isinstance(value, dict):
            yield from targets(value, nested or "", here)
        elif kind in ("objects", "strs") and isinstance(value, list):
            for index, item in enumerate(value):
                yield (*here, index), "object item" if kind == "objects" else "str item", nested, True, value
                if kind == "objects" and isinstance(item, dict):
                    yield from targets(item, nested or "", (*here, index))


class Damage:
    """Damage a document step by step, remembering which paths must be reported."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.expected: dict[Path, str] = {}  # path -> what was done (for failure messages)
        self.log: list[str] = []

    def _forget_under(self, path: Path) -> None:
        for old in list(self.expected):
            if old[: len(path)] == path:
                del self.expected[old]

    def apply(self, data: st.DataObject) -> None:
        """Draw one place and one damage for it, apply it, and record the path it must be reported at."""
        places = list(targets(self.document, "Case", ()))
        path, kind, nested, required, parent = data.draw(st.sampled_from(places), label="place")
        if kind == "node":
            self._add_unknown_key(parent, nested or "", path, data)
            return
        options = ["wrong type"]
        if isinstance(path[-1], str):
            options.append("delete")
        if kind == "date":
            options.append("corrupt date")
        if kind == "enum":
            options.append("bad enum")
        action = data.draw(st.sampled_from(options), label="action")
        self._forget_under(path)
        if action == "delete":
            parent.pop(path[-1], None)
            if required:
                self.expected[path] = "deleted a required key"
            self.log.append(f"delete {show(path)}")
            return
        if action == "corrupt date":
            value: Any = data.draw(st.sampled_from(CORRUPT_DATES), label="date")
        elif action == "bad enum":
            value = data.draw(st.sampled_from(BAD_ENUMS), label="enum")
        else:
            value = data.draw(st.sampled_from(WRONG_TYPES[kind]), label="value")
        parent[path[-1]] = copy.deepcopy(value)
        self.expected[path] = f"{action}: {value!r}"
        self.log.append(f"{action} {show(path)} = {value!r}")

    def _add_unknown_key(self, node: dict[str, Any], cls: str, path: Path, data: st.DataObject) -> None:
        key = data.draw(UNKNOWN_KEYS, label="key")
        while key in node or key in KINDS[cls]:  # a key the class knows is not unknown, even when absent
            key = "x_" + key
        node[key] = data.draw(st.sampled_from((None, 1, "x", [], {})), label="unknown value")
        self.expected[(*path, key)] = "added an unknown key"
        self.log.append(f"add {show((*path, key))}")


# --- the oracle ----------------------------------------------------------------------


def load_and_decide(data: Any) -> Case | CaseError | UnsupportedDateError:
    """Load and evaluate; return the case, or the one kind of error each step may raise."""
    try:
        case = load_case(data)
    except CaseError as error:
        load_error = error
    else:
        return _decide(case)
    assert load_error.errors, "a CaseError names at least one field"
    for field_error in load_error.errors:
        assert isinstance(field_error.path, str)
        assert field_error.message.strip()
    json.dumps(load_error.to_dict())
    return load_error


def _decide(case: Case) -> Case | UnsupportedDateError:
    assert isinstance(case, Case)
    try:
        decision = evaluate(case)
    except UnsupportedDateError as error:
        date_error = error
    else:
        assert isinstance(decision, Decision)
        return case
    assert not decision_date_modelled(case), date_error
    return date_error


def decision_date_modelled(case: Case) -> bool:
    """The law modelled covers 2014-01-01..2026-12-31."""
    return 2014 <= case.decision_date.year <= 2026


# --- arbitrary JSON -----------------------------------------------------------------

FIELD_NAMES = sorted({field for fields in KINDS.values() for field in fields})
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=6)
json_values = st.recursive(
    scalars | dates().map(lambda day: day.isoformat()),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=4),
    max_leaves=10,
)
case_like = st.fixed_dictionaries(
    {"decision_date": dates().map(lambda day: day.isoformat()) | scalars},
    optional={name: json_values for name in KINDS["Case"] if name != "decision_date"},
)


def as_input(value: Any, how: str) -> Any:
    """The value as a decoded object or as JSON text (str or UTF-8 bytes)."""
    if how == "object":
        return value
    text = json.dumps(value)  # NaN and Infinity become NaN and Infinity, which load_case must reject
    return text if how == "text" else text.encode("utf-8")


@fuzz_settings
@given(json_values | case_like, st.sampled_from(("object", "text", "bytes")))
def test_load_case_survives_arbitrary_json(value: Any, how: str) -> None:
    """Any JSON value, decoded or as text, gives a case (which evaluates) or a CaseError; nothing else escapes."""
    load_and_decide(as_input(value, how))


@fuzz_settings
@given(st.binary(max_size=64) | st.text(max_size=64).map(str.encode))
def test_load_case_survives_arbitrary_bytes(data: bytes) -> None:
    """Arbitrary bytes (rarely JSON, often not UTF-8) give a CaseError or a case; nothing else escapes."""
    load_and_decide(data)


# --- damaged valid documents ------------------------------------------------------------


@fuzz_settings
@given(case_documents(), st.integers(1, 4), st.sampled_from(("object", "text")), st.data())
def test_damaged_documents_name_every_damaged_field(
    document: dict[str, Any], damages: int, how: str, data: st.DataObject
) -> None:
    """A damaged document raises CaseError naming exactly the damaged paths; a harmless damage still loads."""
    damage = Damage(copy.deepcopy(document))
    for _ in range(damages):
        damage.apply(data)
    outcome = load_and_decide(as_input(damage.document, how))
    expected = {show(path) for path in damage.expected}
    if expected:
        assert isinstance(outcome, CaseError), (damage.log, outcome)
        assert set(outcome.paths) == expected, (damage.log, outcome.paths)
    else:
        assert isinstance(outcome, Case), (damage.log, outcome)


def text_with_a_repeated_key(value: Any, node: dict[str, Any]) -> str:
    """Write ``value`` as JSON text in which the object ``node`` has its first key written twice."""
    if isinstance(value, dict):
        items = [f"{json.dumps(key)}: {text_with_a_repeated_key(item, node)}" for key, item in value.items()]
        if value is node:
            items.insert(1, items[0])
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(text_with_a_repeated_key(item, node) for item in value) + "]"
    return json.dumps(value)


@fuzz_settings
@given(case_documents(), st.integers(0, 3), st.data())
def test_a_repeated_key_is_named_with_every_damage(document: dict[str, Any], damages: int, data: st.DataObject) -> None:
    """JSON text with a key written twice in one object: CaseError names that key's path and every damage."""
    damage = Damage(copy.deepcopy(document))
    for _ in range(damages):
        damage.apply(data)
    nodes = [(path, node) for path, kind, _, _, node in targets(damage.document, "Case", ()) if kind == "node" and node]
    path, node = data.draw(st.sampled_from(nodes), label="object")
    repeated = (*path, next(iter(node)))
    outcome = load_and_decide(text_with_a_repeated_key(damage.document, node))
    assert isinstance(outcome, CaseError), damage.log
    assert set(outcome.paths) == {show(p) for p in damage.expected} | {show(repeated)}, (damage.log, outcome.paths)


def test_damage_paths_are_written_like_the_library() -> None:
    """The test's own path writer agrees with CaseError's paths (else the comparison above proves nothing)."""
    assert show(("periods", 1, "agreement", "end")) == "periods[1].agreement.end"
    with pytest.raises(CaseError) as caught:
        load_case({"decision_date": "2024-02-20", "periods": [{"start": "2024-01-01", "end": "x"}] * 2})
    assert caught.value.paths == ("periods[0].end", "periods[1].end")


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda doc: doc.pop("decision_date"), "decision_date"),
        (lambda doc: doc["periods"][0].update(end="2024-02-30"), "periods[0].end"),
        (lambda doc: doc["periods"][0]["agreement"]["hours"].update(unit="hourly"), "periods[0].agreement.hours.unit"),
        (lambda doc: doc["periods"][0]["agreement"].update(tasks=["ok", None]), "periods[0].agreement.tasks[1]"),
        (lambda doc: doc["citizen"].update(shoe_size=42), "citizen.shoe_size"),
    ],
)
def test_each_kind_of_damage_is_reported_at_its_path(mutate: Callable[[dict[str, Any]], object], path: str) -> None:
    """One example of each damage, on a complete document, with the path CaseError must name."""
    document = {
        "decision_date": "2024-02-20",
        "citizen": {"birth_date": "1990-01-01", "target_group": "unemployment_benefit"},
        "periods": [
            {
                "start": "2024-03-01",
                "end": "2024-08-31",
                "agreement": {"written": True, "tasks": ["ok"], "hours": {"amount": "3", "unit": "per_week"}},
            }
        ],
    }
    load_case(document)
    mutate(document)
    with pytest.raises(CaseError) as caught:
        load_case(document)
    assert caught.value.paths == (path,)
