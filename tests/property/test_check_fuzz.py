"""
Fuzzing the ``check`` command in-process (issue 19, point 6): nothing a case file holds stops a batch.

Each example is a JSON-lines file built from valid case documents
(``mentorrules.testing.case_documents``) mixed with damaged ones: a value replaced by a
huge or a tiny number, text with a lone surrogate, a key that looks like a CPR number, a
CPR-like text in a free-text field or in a field that rejects it, deep nesting, bytes that
are not UTF-8 and lines that are not JSON.  ``check --format jsonl`` must then:

* let no exception escape, and exit 0, 1 or 2 as DESIGN section 8 says (1 when any case
  is not met, unresolved or invalid; 2 when a line is not UTF-8: the file cannot be read
  as text, docs/cli.md, though every other line still gives its record);
* write exactly one record per non-blank input line, in input order, each naming its line
  as ``source``, its last key (DESIGN section 8, contract 2); an error record keeps its
  English ``message`` and gives its ``text`` in Danish and English (issue 20, point 3);
* say on standard error, in the run's language (``--lang da`` or ``en``), which lines are
  not UTF-8, and nothing else;
* show no CPR-like number of the input anywhere in its output (the input's CPR-like texts
  are drawn with every separator, ``mentorrules.testing.cpr_like_texts``).  Only the
  input's numbers count: the output may hold ten digits of its own that happen to look
  like one (a fingerprint's hex digits ``…2001353513…``).

The count of examples follows the Hypothesis profile; ``make fuzz`` runs it longer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorrules.cli import main
from mentorrules.model.cpr import _CPR_LIKE, _valid_day, scan_text
from mentorrules.testing import case_documents, cpr_like_texts


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def _damaged(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """A valid document with one field replaced by something a hostile export might hold."""
    key = draw(st.sampled_from(sorted(document)))
    hostile = st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30),
        st.sampled_from([1e308, -1e-308, 10**400]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
        st.just("\ud800"),
        cpr_like_texts(),
        st.builds(_nested, st.integers(1, 60)),
        st.dictionaries(cpr_like_texts(), st.integers(), min_size=1, max_size=1),
    )
    return {**document, key: draw(hostile)}


def _strings(value: Any) -> list[str]:
    """Every text of a decoded JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [str(value)]


def _cpr_numbers(texts: list[str]) -> set[str]:
    """The ten digits of everything in ``texts`` that looks like a CPR number (as the privacy scan reads it)."""
    found = set()
    for text in texts:
        for match in _CPR_LIKE.finditer(scan_text(text)):
            if _valid_day(*match.groups()):
                found.add("".join(character for character in match.group() if character.isdigit()))
    return found


def _decoded(line: bytes | str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None  # a line that is not JSON holds no CPR-like text here (see _lines)


def _not_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


#: What standard error says of a line that is not UTF-8, after its source.
_UNREADABLE = {"da": "kan ikke læses: byte'ne er ikke UTF-8", "en": "cannot read: the bytes are not UTF-8"}


def _line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode("ascii")


@st.composite
def _lines(draw: st.DrawFn) -> list[bytes]:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        document = draw(case_documents(max_periods=2))
        kind = draw(st.sampled_from(["valid", "damaged", "cpr_text", "bytes", "not_json", "surrogate_key", "huge"]))
        if kind == "valid":
            lines.append(_line(document))
        elif kind == "damaged":
            lines.append(_line(draw(_damaged(document))))
        elif kind == "cpr_text":
            lines.append(_line({**document, "case_id": draw(cpr_like_texts())}))
        elif kind == "bytes":
            lines.append(b'{"decision_date": "' + draw(st.binary(min_size=1, max_size=6)).replace(b"\n", b"x") + b'"}')
        elif kind == "not_json":
            lines.append(b"{" + draw(st.sampled_from([b"", b"]", b'"a":', b"NaN"])))
        elif kind == "surrogate_key":
            lines.append(b'{"decision_date": "2024-02-20", "\\udc80x": 1}')
        else:
            lines.append(b'{"decision_date": "2024-02-20", "periods": [{"start": "2024-01-01", "end": 1e999999}]}')
    return lines


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=_lines(), lang=st.sampled_from(["da", "en"]))
def test_check_gives_one_record_per_line_and_never_a_cpr_number(
    lines: list[bytes], lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cases.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    status = main(["check", str(source), "--format", "jsonl", "--lang", lang])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(lines)
    for number, record in enumerate(records, 1):  # every record names its line, as its last key (issue 20)
        assert record["source"] == f"{source}:{number}"
        assert list(record)[-1] == "source"
        if "error" in record:  # the English message, and the text in both languages (issue 20, point 3)
            assert record["error"]["text"] == {"da": record["error"]["text"]["da"], "en": record["error"]["message"]}
    # standard error names each line that is not UTF-8, in the run's language, and says nothing else
    said = _UNREADABLE[lang]
    assert err == "".join(
        f"mentorrules check: {source}:{number}: {said}\n" for number, line in enumerate(lines, 1) if _not_utf8(line)
    )
    unreadable = any(_not_utf8(line) for line in lines)  # a file that is not UTF-8 cannot be read: status 2
    verdicts = 0 if all(record.get("verdict") == "met" for record in records) else 1
    assert status == (2 if unreadable else verdicts), err
    given = _cpr_numbers([text for line in lines for text in _strings(_decoded(line))])
    assert not given & _cpr_numbers([text for line in out.splitlines() for text in _strings(_decoded(line))])
    assert not given & _cpr_numbers([err])
