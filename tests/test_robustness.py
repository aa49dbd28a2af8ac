"""
Nothing a case file holds can stop a batch (issue 19, points 1 and 5).

Each input that once ended a run is a regression test at the level where it failed:

* the read limits of a JSON document (4 MiB, 64 levels: DESIGN section 3,
  docs/formats.md "Read limits") in ``load_case``, ``load_cost_claim`` and
  ``load_profile``, and in ``check``, where a line, a case of a list or a
  document beyond them is an error record with its source;
* a JSON list whose items nest 900 deep (``RecursionError while pickling``
  with ``--jobs 2``), in ``check`` with ``--jobs 1`` and ``2`` and every format,
  and in ``evaluate_many``;
* a TOML profile 100,000 deep (``RecursionError``) and ``--profile /dev/zero``
  (``MemoryError``);
* ``PYTHONIOENCODING=ascii`` (``UnicodeEncodeError`` in ``--help`` and ``practice``);
* an unexpected exception while one case is handled: the case's
  ``InternalError`` record, the run goes on, exit status 3.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import sys
from pathlib import Path
from typing import Any

import pytest

from builders import complete_case_data
from cli_helpers import call, run
from mentorrules import CaseError, Decision, Interpretation, cli, evaluate, load_case, load_cost_claim
from mentorrules import batch as batch_module
from mentorrules.batch import evaluate_many
from mentorrules.cli import practice as practice_cli
from mentorrules.cli._output import Output
from mentorrules.model.exceptions import ProfileError
from mentorrules.model.generated import (
    JSON_TOO_DEEP,
    JSON_TOO_LARGE,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    decode_json,
)
from mentorrules.practice import load_profile


ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "src" / "mentorrules" / "profiles" / "assens.toml"
FORK = multiprocessing.get_start_method() == "fork"


def nested(depth: int, leaf: Any = "x") -> Any:
    """A value of ``depth`` nested lists around ``leaf``."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def met_case(case_id: str) -> dict[str, Any]:
    return complete_case_data(case_id=case_id)


def deep_case_text(depth: int = 900) -> str:
    """A met case whose case id nests ``depth`` deep, as JSON text (written without the encoder's recursion)."""
    return json.dumps(met_case("@@")).replace('"@@"', "[" * depth + '"x"' + "]" * depth)


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def document_error(record: dict[str, Any]) -> str:
    """The message of an error record about the whole document (path ``""``)."""
    [error] = record["error"]["errors"]
    assert error["path"] == ""
    message: str = error["message"]
    return message


# --- the read limits of a JSON document (the API) ------------------------------------------------------


class TestJsonReadLimits:
    def test_the_limits(self) -> None:
        assert (MAX_JSON_BYTES, MAX_JSON_DEPTH) == (4 * 1024 * 1024, 64)
        assert "4 MiB (4,194,304 bytes of UTF-8)" in JSON_TOO_LARGE
        assert JSON_TOO_DEEP.startswith("invalid JSON: nested too deeply")

    @pytest.mark.parametrize("kind", [bytes, bytearray, str])
    def test_size_is_checked_before_decoding(self, kind: type) -> None:
        """One byte more than 4 MiB is refused, whatever it holds (here: not even JSON)."""
        text = "x" * (MAX_JSON_BYTES + 1)
        data = text if kind is str else kind(text.encode())
        with pytest.raises(CaseError) as info:
            decode_json(data, CaseError)
        assert [(e.path, e.message) for e in info.value.errors] == [("", JSON_TOO_LARGE)]

    def test_size_of_a_string_is_counted_in_utf8(self) -> None:
        """A string of fewer characters than the limit whose UTF-8 is larger is refused; one that fits is read."""
        padding = MAX_JSON_BYTES // 2  # "æ" is two bytes: exactly the limit, then one byte more
        assert decode_json('"' + "æ" * ((MAX_JSON_BYTES - 2) // 2) + '"', CaseError).startswith("æ")
        with pytest.raises(CaseError, match="larger than the read limit"):
            decode_json('"' + "æ" * padding + '"', CaseError)
        short = '"' + "😀" * (MAX_JSON_BYTES // 16) + '"'  # fewer characters than a quarter of the limit
        assert len(decode_json(short, CaseError)) == MAX_JSON_BYTES // 16

    def test_at_the_size_limit_is_read(self) -> None:
        template = json.dumps({"decision_date": "2024-02-20", "case_id": ""})
        text = template.replace('""', '"' + "x" * (MAX_JSON_BYTES - len(template)) + '"')
        assert len(text.encode()) == MAX_JSON_BYTES
        assert len(load_case(text).case_id or "") == MAX_JSON_BYTES - len(template)
        assert len(load_case(text.encode()).case_id or "") == MAX_JSON_BYTES - len(template)

    @pytest.mark.parametrize(
        ("depth", "ok"),
        [(MAX_JSON_DEPTH, True), (MAX_JSON_DEPTH + 1, False), (900, False), (200_000, False)],
    )
    def test_depth(self, depth: int, ok: bool) -> None:
        """64 levels are read; 65 (counted after decoding), 900 and 200,000 (the decoder's own stop) are not."""
        text = "[" * depth + "]" * depth
        if ok:
            assert decode_json(text, CaseError) == nested(depth - 1, [])
        else:
            with pytest.raises(CaseError) as info:
                decode_json(text, CaseError)
            assert [(e.path, e.message) for e in info.value.errors] == [("", JSON_TOO_DEEP)]

    def test_depth_counts_objects_and_arrays_not_brackets(self) -> None:
        """Many brackets side by side (or in strings) are not depth: only nesting counts."""
        wide = {"a": [[1]] * 100, "b": "[[[[{{{{" * 20, "c": [{"d": {"e": []}}] * 50}
        assert decode_json(json.dumps(wide), CaseError) == wide
        deep_object: Any = {}
        for _ in range(MAX_JSON_DEPTH):
            deep_object = {"k": deep_object}
        with pytest.raises(CaseError, match="nested too deeply"):
            decode_json(json.dumps(deep_object), CaseError)
        assert decode_json(json.dumps(deep_object["k"]), CaseError) == deep_object["k"]

    def test_load_case_and_cost_claim(self) -> None:
        """The readers of the documents refuse what lies beyond the limits, as an error of the document."""
        with pytest.raises(CaseError) as info:
            load_case(deep_case_text())
        assert info.value.paths == ("",)
        with pytest.raises(CaseError, match="larger than the read limit"):
            load_cost_claim(b" " * (MAX_JSON_BYTES + 1))
        assert isinstance(evaluate(load_case(json.dumps(met_case("ok")))), Decision)


# --- the practice profile (TOML) --------------------------------------------------------------------------


class TestProfileReadLimits:
    def test_deep_toml(self, tmp_path: Path) -> None:
        """100,000 levels (tomllib's RecursionError) and 65 levels are refused; the message says why."""
        for depth in (100_000, MAX_JSON_DEPTH):  # the table around the array is the first level
            path = tmp_path / f"deep{depth}.toml"
            path.write_text("format = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
            with pytest.raises(ProfileError) as info:
                load_profile(path)
            assert [(e.path, e.message) for e in info.value.errors] == [
                ("", f"invalid TOML in {path}: nested too deeply (deeper than the read limit of 64 levels)")
            ]

    def test_within_the_depth_limit_the_profile_is_checked(self, tmp_path: Path) -> None:
        path = tmp_path / "deep.toml"
        depth = MAX_JSON_DEPTH - 1
        path.write_text("format = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
        with pytest.raises(ProfileError) as info:
            load_profile(str(path))
        assert "format" in info.value.paths

    def test_an_endless_file_is_not_read_whole(self, tmp_path: Path) -> None:
        """``/dev/zero`` (and any file above 4 MiB) is refused after 4 MiB and one byte."""
        if not Path("/dev/zero").exists():  # pragma: no cover  # not on Windows
            pytest.skip("no /dev/zero")
        with pytest.raises(ProfileError) as info:
            load_profile("/dev/zero")
        assert info.value.errors[0].message == "/dev/zero is larger than the read limit of 4 MiB (4,194,304 bytes)"
        big = tmp_path / "big.toml"
        big.write_bytes(PROFILE.read_bytes() + b"#" * MAX_JSON_BYTES)
        with pytest.raises(ProfileError, match="larger than the read limit"):
            load_profile(big)

    def test_the_bundled_profile_and_a_copy_still_load(self, tmp_path: Path) -> None:
        copy = tmp_path / "copy.toml"
        copy.write_bytes(PROFILE.read_bytes())
        assert load_profile("assens") == load_profile(copy) == load_profile(str(copy))

    def test_command_line(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The command refuses a profile nested too deeply or too large, in Danish by default, in English on request."""
        path = tmp_path / "deep.toml"
        path.write_text("format = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
        status, out, err = call(capsys, "practice", "--profile", path)
        assert (status, out) == (2, "")
        assert f"<dokument>: ugyldig TOML i {path}: for dybt indlejret (dybere end læsegrænsen på 64 niveauer)" in err
        assert "nested too deeply" not in err
        status, out, err = call(capsys, "practice", "--profile", path, "--lang", "en")
        assert (status, out) == (2, "")
        assert f"<document>: invalid TOML in {path}: nested too deeply (deeper than the read limit of 64 levels)" in err
        assert "for dybt indlejret" not in err
        if Path("/dev/zero").exists():
            status, out, err = call(capsys, "practice", "--profile", "/dev/zero")
            assert (status, out) == (2, "")
            assert "<dokument>: /dev/zero er større end læsegrænsen på 4 MiB (4.194.304 byte)" in err
            status, out, err = call(capsys, "practice", "--profile", "/dev/zero", "--lang", "en")
            assert (status, out) == (2, "")
            assert "<document>: /dev/zero is larger than the read limit of 4 MiB (4,194,304 bytes)" in err


# --- check: a JSON list whose items nest 900 deep --------------------------------------------------------------


def deep_list(tmp_path: Path, deep: set[int]) -> Path:
    """Eleven met cases in a JSON list; the case ids of those in ``deep`` nest 900 deep."""
    path = tmp_path / "deep.json"
    items = [deep_case_text() if n in deep else json.dumps(met_case(f"c{n}")) for n in range(11)]
    path.write_text("[" + ", ".join(items) + "]", encoding="utf-8")
    return path


class TestDeepList:
    @pytest.mark.parametrize("jobs", ["1", "2"])
    @pytest.mark.parametrize("fmt", cli.FORMATS)
    def test_every_item_is_a_record(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str, fmt: str
    ) -> None:
        """Eleven items, the sixth 900 deep: eleven records, the sixth an error of that case; the same with 2 jobs."""
        path = deep_list(tmp_path, {5})
        status, out, err = call(capsys, "check", path, "--format", fmt, "--jobs", jobs)
        assert (status, err) == (1, "")
        assert call(capsys, "check", path, "--format", fmt, "--jobs", "1")[1] == out
        if fmt == "jsonl":
            found = records(out)
            assert [r.get("verdict") for r in found] == ["met"] * 5 + [None] + ["met"] * 5
            assert found[5]["source"] == f"{path}[5]"
            assert [r["source"] for r in found] == [f"{path}[{n}]" for n in range(11)]
            assert document_error(found[5]) == JSON_TOO_DEEP
        elif fmt == "text":
            assert "11 sager: 10 opfyldt, 1 ugyldig" in out
        elif fmt == "json":  # the record holds the English message and the text in both languages
            assert "nested too deeply" in out
            assert "for dybt indlejret" in out
        else:  # the report is Danish by default, English on request
            assert "for dybt indlejret" in out
            assert "nested too deeply" not in out
            english = call(capsys, "check", path, "--format", fmt, "--jobs", jobs, "--lang", "en")[1]
            assert "nested too deeply" in english
            assert "for dybt indlejret" not in english

    def test_every_item_deep(self, tmp_path: Path) -> None:
        """All eleven deep (the issue's file), in a subprocess with two workers: eleven error records."""
        path = deep_list(tmp_path, set(range(11)))
        result = run("check", path, "--format", "jsonl", "--jobs", "2")
        assert result.returncode == 1
        assert result.stderr == b""
        found = records(result.stdout.decode())
        assert [r["source"] for r in found] == [f"{path}[{n}]" for n in range(11)]
        assert {document_error(r) for r in found} == {JSON_TOO_DEEP}

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_evaluate_many(self, jobs: int) -> None:
        """Mappings 900 deep do not pickle: evaluate_many decides their chunk in this process, as with one job."""
        items = [met_case(nested(900) if n % 4 == 1 else f"c{n}") for n in range(10)]  # type: ignore[arg-type]
        results = list(evaluate_many(items, jobs=jobs, chunk_size=3))
        assert [type(r).__name__ for r in results] == ["CaseError" if n % 4 == 1 else "Decision" for n in range(10)]
        assert [r.to_dict() for r in results] == [r.to_dict() for r in evaluate_many(items)]

    def test_evaluate_many_with_items_that_do_not_pickle(self) -> None:
        """An item that is not picklable at all is decided in this process too."""
        results = list(evaluate_many([met_case("a"), lambda: None, met_case("b")], jobs=2, chunk_size=1))
        assert [type(r).__name__ for r in results] == ["Decision", "CaseError", "Decision"]


# --- check: lines and documents beyond the read limits ----------------------------------------------------------


class TestLongLines:
    def lines(self, *middle: bytes) -> bytes:
        first = json.dumps(met_case("first")).encode()
        last = json.dumps(met_case("last")).encode()
        return b"\n".join([first, *middle, last]) + b"\n"

    @pytest.mark.parametrize("jobs", ["1", "2"])
    @pytest.mark.parametrize("fmt", cli.FORMATS)
    def test_a_line_beyond_the_limit(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str, fmt: str
    ) -> None:
        """A line of 4 MiB and one byte is an error record with its line number; the next line is read."""
        too_long = b'{"case_id": "' + b"x" * MAX_JSON_BYTES + b'"}'
        path = tmp_path / "long.jsonl"
        path.write_bytes(self.lines(too_long))
        status, out, _ = call(capsys, "check", path, "--format", fmt, "--jobs", jobs)
        assert status == 1
        message = f"the line is longer than the read limit of 4 MiB (4,194,304 bytes): {len(too_long):,} bytes"
        if fmt == "jsonl":  # the record holds the English message
            found = records(out)
            assert [r.get("verdict") for r in found] == ["met", None, "met"]
            assert [r["source"] for r in found] == [f"{path}:{n}" for n in (1, 2, 3)]
            assert document_error(found[1]) == message
            return
        size = f"{len(too_long):,}".replace(",", ".")
        danish = f"linjen er længere end læsegrænsen på 4 MiB (4.194.304 byte): {size} byte"
        assert danish in out
        assert "x" * 100 not in out
        if fmt == "json":  # the record holds the English message and the text in both languages
            assert message in out
        else:  # Danish by default, English on request
            assert message not in out
            status, english, _ = call(capsys, "check", path, "--format", fmt, "--jobs", jobs, "--lang", "en")
            assert status == 1
            assert message in english
            assert "x" * 100 not in english

    def test_at_the_limit_a_line_is_read(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A line of exactly 4 MiB (CRLF: the carriage return counts) is a case: here one too long for its id."""
        line = b'{"case_id": "' + b"x" * (MAX_JSON_BYTES - 16) + b'"}'
        assert len(line) + 1 == MAX_JSON_BYTES
        path = tmp_path / "limit.jsonl"
        path.write_bytes(self.lines(line + b"\r"))
        status, out, _ = call(capsys, "check", path, "--format", "jsonl")
        found = records(out)
        assert status == 1
        assert "read limit" not in json.dumps(found[1])
        assert found[1]["error"]["errors"][0]["path"] == "decision_date"

    def test_small_limits(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        With a limit of 2,000 bytes: a long line at the end without a line feed, a long blank line (skipped,
        as blank lines are), long lines across blocks, by reference (two jobs) and by value; line numbers kept.
        """
        monkeypatch.setattr(cli, "_MAX_LINE", 2000)
        monkeypatch.setattr(cli, "_PIECE", 300)
        monkeypatch.setattr(cli, "_BLOCK", 1000)
        case = json.dumps({"decision_date": "2024-02-20"}).encode()
        long = b'{"case_id": "' + b"y" * 5000 + b'"}'
        lines = [case, long, b" " * 5000, case, long, b"\t" * 3000 + b"x", case, long]
        path = tmp_path / "long.jsonl"
        path.write_bytes(b"\n".join(lines))
        for jobs in ("1", "2"):
            status, out, _ = call(capsys, "check", path, "--format", "jsonl", "--jobs", jobs)
            assert status == 1
            found = records(out)
            assert ["error" in r for r in found] == [False, True, False, True, True, False, True]
            assert [r["source"] for r in found if "error" in r] == [f"{path}:{n}" for n in (2, 5, 6, 8)]
            assert [r["source"] for r in found] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8)]
            errors = [document_error(r) for r in found if "error" in r]
            assert errors == [
                "the line is longer than the read limit of 4 MiB (2,000 bytes): 5,015 bytes",
                "the line is longer than the read limit of 4 MiB (2,000 bytes): 5,015 bytes",
                "the line is longer than the read limit of 4 MiB (2,000 bytes): 3,001 bytes",
                "the line is longer than the read limit of 4 MiB (2,000 bytes): 5,015 bytes",
            ]

    def test_standard_input(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """A first line too long for a case that starts like an object: JSON lines, the line refused in its place."""
        monkeypatch.setattr(cli, "_MAX_LINE", 2000)
        case = json.dumps({"decision_date": "2024-02-20"}).encode()
        data = b"\xef\xbb\xbf\n \n" + b'{"case_id": "' + b"z" * 3000 + b'"}\n' + case + b"\n"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        status, out, _ = call(capsys, "check", "-", "--format", "jsonl")
        assert status == 1
        found = records(out)
        assert (found[0]["source"], found[1]["verdict"]) == ("-:3", "missing_facts")
        assert found[1]["source"] == "-:4"
        assert document_error(found[0]).endswith(": 3,015 bytes")

    def test_standard_input_document_and_its_blank_lines(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A document after blank lines is read with them (error positions count them) within the document's limit."""
        monkeypatch.setattr(cli, "_MAX_DOCUMENT", 50)
        for data, message in [
            (b"\n\n[1,", "invalid JSON: Expecting value: line 3 column 4 (char 5)"),
            (b"\n" * 60 + b"[]", "the JSON document is larger than the read limit of 64 MiB (50 bytes)"),
            (b" " * 20 + b"\n" * 20 + b"[" + b" " * 20 + b"]", "the JSON document is larger than the read limit"),
        ]:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
            status, out, _ = call(capsys, "check", "-", "--format", "jsonl")
            [record] = records(out)
            assert (status, record["source"]) == (1, "-")
            assert document_error(record).startswith(message)


class TestDocuments:
    def test_a_document_beyond_the_limit(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A JSON document over the limit is one error record, and it is not read beyond the limit."""
        monkeypatch.setattr(cli, "_MAX_DOCUMENT", 1000)
        path = tmp_path / "big.json"
        path.write_text(json.dumps([met_case(f"c{n}") for n in range(5)]), encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "jsonl")
        [record] = records(out)
        assert (status, record["source"]) == (1, str(path))
        assert document_error(record) == (
            "the JSON document is larger than the read limit of 64 MiB (1,000 bytes); "
            "write one case per line (JSON lines), which has no limit on the number of cases"
        )

    def test_one_case_beyond_the_limit_of_a_case(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "one.json"
        path.write_text(json.dumps(met_case("x" * MAX_JSON_BYTES)), encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "jsonl")
        [record] = records(out)
        assert (status, record["source"], document_error(record)) == (1, str(path), JSON_TOO_LARGE)

    def test_an_item_beyond_the_limit_of_a_case(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An item larger than a case may be is an error of that item; the others are decided."""
        monkeypatch.setattr(cli, "MAX_JSON_BYTES", 3000)
        monkeypatch.setattr(cli, "_WINDOW", 6000)
        items = [met_case("a"), met_case("b" * 3000), met_case("c"), met_case("d" * 7000), met_case("e")]
        path = tmp_path / "list.json"
        path.write_text(json.dumps(items), encoding="utf-8")
        for jobs in ("1", "2"):
            status, out, _ = call(capsys, "check", path, "--format", "jsonl", "--jobs", jobs)
            found = records(out)
            assert status == 1
            assert [r.get("verdict") for r in found] == ["met", None, "met", None, "met"]
            assert [r["source"] for r in found] == [f"{path}[{n}]" for n in range(5)]
            assert [document_error(found[n]) for n in (1, 3)] == [JSON_TOO_LARGE, JSON_TOO_LARGE]


#: JSON lists, valid and not, and what is special about each.
DOCUMENTS = [
    "[]",
    "  [ ]  \n",
    "[1]",
    "[1, 22, 333, 4444, 55555, 666666, 7777777, 88888888, 999999999, 1e10, -0.5e-3, true, false, null]",
    '["æøå", "😀", {"a": ["b", {"c": "ü"}]}, "' + "ß" * 40 + '", 12345678901234567890]',
    "[" + ", ".join(json.dumps(met_case(f"c{n}"), ensure_ascii=False) for n in range(3)) + "]",
    "[" + " " * 300 + "1" + " " * 300 + "," + "\n" * 200 + "2]",
    '["\\u00e6 \\ud83d\\ude00 \\"quoted\\" \\\\ back"]',
    "[1, 2,]",
    "[1 2]",
    "[1, 2",
    "[1, 2] x",
    "[NaN]",
    "[1, {]",
    '["unterminated]',
    "[" * 100_000,
    "[" + "1" * 200 + "]",
]


class TestWindow:
    """A JSON list is read a window at a time; with small windows the results are those of the whole document."""

    @pytest.mark.parametrize("window", [7, 16, 33, 100, 1 << 20])
    @pytest.mark.parametrize("document", DOCUMENTS)
    def test_same_as_the_whole_document(self, monkeypatch: pytest.MonkeyPatch, window: int, document: str) -> None:
        data = document.encode()
        whole = list(cli._whole_document_chunks("f", data))
        monkeypatch.setattr(cli, "_WINDOW", window)
        assert list(cli._document_chunks("f", data)) == whole

    def test_a_document_that_is_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A list whose bytes are not UTF-8 is one error record, and the file counts as unreadable (status 2)."""
        [chunk] = cli._document_chunks("f", b'["a", "\xff"]')
        [(source, refused)] = chunk.items
        assert (source, refused.unreadable) == ("f", True)
        assert refused.message.text("en") == "the JSON text is not UTF-8: invalid start byte at byte 7"
        assert refused.message.text("da") == "JSON-teksten er ikke UTF-8: ugyldig startbyte ved byte 7"
        path = tmp_path / "list.json"
        path.write_bytes(b'[{"decision_date": "2024-02-20"}, "\xff"]')
        status, out, err = call(capsys, "check", path, "--format", "jsonl", "--lang", "en")
        [record] = records(out)
        assert (status, record["source"]) == (2, str(path))
        assert err == f"mentorrules check: {path}: cannot read: the bytes are not UTF-8\n"
        assert call(capsys, "check", path, "--format", "jsonl")[2] == (
            f"mentorrules check: {path}: kan ikke læses: byte'ne er ikke UTF-8\n"
        )

    def test_memory_of_a_window(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Only a window of the text is decoded at a time: a character beyond U+FFFF does not quadruple the list."""
        decoded: list[int] = []
        real = cli._Window._load

        def load(self: Any, base: int) -> None:
            real(self, base)
            decoded.append(len(self._text))

        monkeypatch.setattr(cli._Window, "_load", load)
        monkeypatch.setattr(cli, "_WINDOW", 4096)
        data = json.dumps(["😀"] + [met_case(f"c{n}") for n in range(100)], ensure_ascii=False).encode()
        chunks = list(cli._document_chunks("f", data))
        assert sum(len(chunk.items) for chunk in chunks) == 101
        assert max(decoded) <= 4096 < len(data)


# --- an ASCII standard output -------------------------------------------------------------------------------------


class TestAsciiOutput:
    @pytest.mark.parametrize(
        "args",
        [
            ["--help"],
            ["check", "--help"],
            ["practice"],
            ["practice", "--format", "html", "--lang", "en"],
            ["rules"],
            ["plan", "2024-01-31"],
            ["demo"],
            ["check", ROOT / "examples" / "01_complete_grant.json"],
        ],
        ids=lambda args: " ".join(map(str, args)),
    )
    def test_no_command_fails(self, args: list[str | Path]) -> None:
        """Danish text on an ASCII standard output: the commands' output is UTF-8, help text is escaped."""
        result = run(*args, env={"PYTHONIOENCODING": "ascii"})
        assert result.returncode == 0, result.stderr
        assert result.stderr == b""
        if args == ["--help"]:
            assert b"mentorst\\xf8tte" in result.stdout
        elif "--help" not in args:
            assert "ø".encode() in result.stdout or "§".encode() in result.stdout

    def test_costs_and_messages(self, tmp_path: Path) -> None:
        missing = tmp_path / "æ.json"
        result = run("costs", missing, "--on", "2024-01-01", env={"PYTHONIOENCODING": "ascii"})
        assert result.returncode == 2
        assert b"\\xe6.json" in result.stderr
        result = run("check", missing, env={"PYTHONIOENCODING": "ascii"})
        assert (result.returncode, result.stdout) == (2, b"")
        assert b"\\xe6.json" in result.stderr

    def test_tolerant_streams(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The streams are reconfigured where they can be: a text stream of the io module, not closed."""
        ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
        closed = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
        closed.close()
        monkeypatch.setattr(sys, "stdout", ascii_out)
        monkeypatch.setattr(sys, "stderr", io.StringIO())
        cli._tolerant_streams()
        ascii_out.write("mentorstøtte")
        ascii_out.flush()
        assert ascii_out.buffer.getvalue() == b"mentorst\\xf8tte"  # type: ignore[attr-defined]
        monkeypatch.setattr(sys, "stdout", closed)
        cli._tolerant_streams()

    def test_output_escapes_what_utf8_cannot_hold(self) -> None:
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding="ascii")
        out = Output(stream)
        out.text("æ \udcff")
        out.flush()
        assert buffer.getvalue() == "æ \\udcff".encode()

    def test_practice_writes_utf8(self, capsys: pytest.CaptureFixture[str]) -> None:
        parser = cli._parser()
        args = parser.parse_args(["practice"])
        assert practice_cli.practice_command(args) == 0
        assert "mentor" in capsys.readouterr().out


# --- an unexpected exception in one case ----------------------------------------------------------------------------

#: What the faulty evaluate raises: its text holds a CPR number, which must never reach the output.
SECRET = "010190-1234"


REAL_EVALUATE = batch_module.evaluate


def failing_evaluate(target: str) -> Any:
    real = REAL_EVALUATE

    def evaluate(case: Any, **kwargs: Any) -> Decision:
        if case.case_id == target:
            raise ZeroDivisionError(f"the case of {SECRET}")
        return real(case, **kwargs)

    return evaluate


def fault_file(tmp_path: Path) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(met_case(f"c{n}")) for n in range(5)) + "\n", encoding="utf-8")
    return path


class TestInternalError:
    @pytest.mark.parametrize(
        "jobs", ["1", pytest.param("2", marks=pytest.mark.skipif(not FORK, reason="the workers are not forked"))]
    )
    @pytest.mark.parametrize("fmt", cli.FORMATS)
    def test_in_place_and_the_run_goes_on(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: str, fmt: str
    ) -> None:
        """The failing case is an InternalError in its place, in every format; status 3; nothing of its text shows."""
        monkeypatch.setattr(batch_module, "evaluate", failing_evaluate("c2"))  # forked workers inherit it
        path = fault_file(tmp_path)
        status, out, err = call(capsys, "check", path, "--format", fmt, "--jobs", jobs)
        assert status == 3
        assert SECRET not in out + err
        assert err.startswith(f"mentorrules check: {path}:3: intern fejl: en uventet ZeroDivisionError i ")
        if fmt in ("json", "jsonl"):
            found = json.loads(out) if fmt == "json" else records(out)
            assert [r.get("verdict") for r in found] == ["met", "met", None, "met", "met"]
            assert found[2]["source"] == f"{path}:3"
            assert [r["source"] for r in found] == [f"{path}:{n}" for n in range(1, 6)]
            assert found[2]["error"]["type"] == "InternalError"
            assert set(found[2]["error"]) == {"type", "message", "text"}
            assert "this is a bug in mentorrules" in found[2]["error"]["message"]
            assert "det er en fejl i mentorrules" in found[2]["error"]["text"]["da"]
        elif fmt == "text":
            assert f"{path}:3\nIntern fejl: InternalError: en uventet ZeroDivisionError" in out
            assert "5 sager: 4 opfyldt, 1 intern fejl" in out
        else:
            assert "InternalError" in out
            assert "en uventet ZeroDivisionError" in out
        status, out, err = call(capsys, "check", path, "--format", fmt, "--jobs", jobs, "--lang", "en")
        assert status == 3
        assert err.startswith(f"mentorrules check: {path}:3: internal error: an unexpected ZeroDivisionError in ")
        if fmt == "text":
            assert f"{path}:3\nInternal error: InternalError: an unexpected ZeroDivisionError" in out
            assert "5 cases: 4 met, 1 internal error" in out

    def test_in_a_worker_process(self, tmp_path: Path) -> None:
        """A subprocess whose workers are patched by a sitecustomize module, whatever the start method."""
        shim = tmp_path / "shim"
        shim.mkdir()
        (shim / "sitecustomize.py").write_text(
            "import os\n"
            "if os.environ.get('MENTORRULES_TEST_FAIL'):\n"
            "    import mentorrules.batch as batch\n"
            "    real = batch.evaluate\n"
            "    def evaluate(case, **kwargs):\n"
            "        if case.case_id == os.environ['MENTORRULES_TEST_FAIL']:\n"
            f"            raise KeyError({SECRET!r})\n"
            "        return real(case, **kwargs)\n"
            "    batch.evaluate = evaluate\n",
            encoding="utf-8",
        )
        path = fault_file(tmp_path)
        env = {"PYTHONPATH": str(shim), "MENTORRULES_TEST_FAIL": "c4"}
        result = run("check", path, "--format", "jsonl", "--jobs", "2", "--lang", "en", env=env)
        assert result.returncode == 3
        found = records(result.stdout.decode())
        assert [r.get("error", {}).get("type") for r in found] == [None, None, None, None, "InternalError"]
        assert [r["source"] for r in found] == [f"{path}:{n}" for n in range(1, 6)]
        assert SECRET.encode() not in result.stdout + result.stderr
        assert b"an unexpected KeyError in sitecustomize, line 7 (evaluate)" in result.stderr

    def test_the_highest_status_wins(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """An internal error (3) beside an unreadable case (2), an invalid one and a not-met one (1): 3."""
        monkeypatch.setattr(batch_module, "evaluate", failing_evaluate("c1"))
        path = tmp_path / "mixed.jsonl"
        path.write_bytes(
            b"\n".join([json.dumps(met_case("c1")).encode(), b'{"case_id": "\xff"}', b"{bad", b"{}"]) + b"\n"
        )
        status, _, err = call(capsys, "check", path, "--format", "jsonl")
        assert status == 3
        assert "kan ikke læses: byte'ne er ikke UTF-8" in err
        monkeypatch.setattr(batch_module, "evaluate", failing_evaluate("none"))
        assert call(capsys, "check", path, "--format", "jsonl")[0] == 2

    def test_a_failing_renderer(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A failure while a decision is written is the case's internal error too."""

        def broken(self: Decision, **kwargs: Any) -> str:
            raise MemoryError

        monkeypatch.setattr(Decision, "to_json", broken)
        status, out, _ = call(capsys, "check", fault_file(tmp_path), "--format", "jsonl")
        assert status == 3
        assert [r["error"]["type"] for r in records(out)] == ["InternalError"] * 5
        message = records(out)[0]["error"]["message"]
        assert message.startswith("an unexpected MemoryError in ")
        assert "(broken); this is a bug in mentorrules" in message

    def test_outside_any_case(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """An unexpected exception outside the cases ends the command with status 3 and no traceback."""

        def broken(args: Any, out: Any) -> int:
            raise RuntimeError(SECRET)

        monkeypatch.setattr(cli, "_schema", broken)
        status, out, err = call(capsys, "schema", "case")
        assert (status, out) == (3, "")
        assert err.startswith("mentorrules schema: intern fejl: en uventet RuntimeError i ")
        assert SECRET not in err

    def test_an_output_that_cannot_be_written(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A full disk is not a bug: the message and status 2, as for a file that cannot be read."""

        def full(self: Output, data: bytes) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Output, "raw", full)
        assert call(capsys, "schema", "case") == (2, "", "mentorrules schema: fejl: No space left on device\n")
        assert call(capsys, "rules", "--lang", "en") == (2, "", "mentorrules rules: error: No space left on device\n")

    def test_an_input_that_vanishes_names_the_file(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A file that cannot be read once the run began: the reason in the run's language, and the file."""

        def gone(paths: Any, **kwargs: Any) -> Any:
            raise FileNotFoundError(2, "No such file or directory", str(tmp_path / "010203-1234.json"))

        monkeypatch.setattr(cli, "_read_chunks", gone)
        status, _, err = call(capsys, "check", fault_file(tmp_path))
        assert status == 2
        assert err == f"mentorrules check: fejl: filen eller mappen findes ikke: {tmp_path}/<withheld>.json\n"

    def test_the_error(self) -> None:
        error = cli.InternalError.of(ValueError())
        message = f"an unexpected ValueError (no traceback); this is a bug in mentorrules {cli.__version__}: please"
        assert str(error).startswith(message)
        assert error.text("da").startswith("en uventet ValueError (uden traceback); det er en fejl i mentorrules")
        assert error.errors == ()
        assert error.to_dict() == {
            "type": "InternalError",
            "message": str(error),
            "text": {"da": error.text("da"), "en": str(error)},
        }
        assert isinstance(error, CaseError)
        options = cli._Options("objects", "en", Interpretation())
        chunk = cli._Chunk("f", 1, b"", (("f[0]", cli._Refused(cli._MESSAGES.of("document_too_large", limit="1"))),))
        [result] = batch_module.loads_results(cli._check_chunk(options, chunk).data)
        assert isinstance(result, CaseError)
        assert result.errors[0].message.startswith(
            "the JSON document is larger than the read limit of 64 MiB (1 bytes)"
        )
        assert result.errors[0].text("da").startswith("JSON-dokumentet er større end læsegrænsen på 64 MiB (1 byte)")
