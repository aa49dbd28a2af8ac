"""
Nothing lost: today's records equal the stored records of 0.2.0, byte for byte.

tests/golden holds the decision records (``to_json()``) of the bundled examples and the
shared scenarios, and the output of ``mentorrules check`` over the examples in every
format and language, as 0.2.0 wrote them (tests/golden/make_golden.py).  A change of
structure must not change a byte of them; only ``library_version`` and ``fingerprint``,
which name the library, may differ.  A shared scenario added later has no stored record
and is not compared here (the scenario runner checks it).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from mentorrules import Interpretation, evaluate, load_case


GOLDEN = Path(__file__).resolve().parent / "golden"
_spec = importlib.util.spec_from_file_location("make_golden", GOLDEN / "make_golden.py")
assert _spec is not None
assert _spec.loader is not None
make_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_golden)

#: What names the library in a record, in JSON and in the text, Markdown and HTML renderings.
_LIBRARY = re.compile(
    r'("library_version": ?")[^"]*(")'
    r'|("fingerprint": ?"sha256:)[0-9a-f]{64}(")'
    r"|(sha256:)[0-9a-f]{64}"
    r"|(mentorrules )[0-9]+\.[0-9]+\.[0-9]+"
)


def without_library(text: str) -> str:
    """Return ``text`` with the library version and the fingerprints blanked out."""
    return _LIBRARY.sub(lambda match: "".join(group or "" for group in match.groups()) + "…", text)


def test_blanking_keeps_everything_else() -> None:
    record = '{"library_version": "0.2.0", "fingerprint": "sha256:' + "ab" * 32 + '", "x": 1}'
    assert without_library(record) == '{"library_version": ""…, "fingerprint": "sha256:"…, "x": 1}'


_STORED = sorted(path.stem for path in (GOLDEN / "records").glob("*.json"))


def test_the_golden_records_are_there() -> None:
    assert any(name.startswith("example-") for name in _STORED)
    assert any(name.startswith("shared-") for name in _STORED)


@pytest.mark.parametrize("name", _STORED)
def test_a_record_is_unchanged(name: str) -> None:
    inputs = make_golden.inputs()
    if name not in inputs:  # a shared scenario that was removed or now expects an error
        pytest.skip(f"{name} is no longer an input")
    document, interpretation = inputs[name]
    decision = evaluate(load_case(document), interpretation=Interpretation(**interpretation))
    stored = (GOLDEN / "records" / f"{name}.json").read_text(encoding="utf-8")
    assert without_library(decision.to_json() + "\n") == without_library(stored)


@pytest.mark.parametrize("lang", make_golden.LANGS)
@pytest.mark.parametrize("fmt", make_golden.FORMATS)
def test_the_check_output_is_unchanged(fmt: str, lang: str) -> None:
    stored = (GOLDEN / "cli" / f"{fmt}-{lang}.txt").read_text(encoding="utf-8")
    assert without_library(make_golden.check_output(fmt, lang)) == without_library(stored)
