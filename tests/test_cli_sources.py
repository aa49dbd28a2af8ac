"""
Every record of ``mentorrules check`` names its source (issue 20, point 1; DESIGN section 8, contract 2).

``SOURCE`` says where the case was read:

* ``FILE:N`` for line ``N`` of JSON lines (1-based; blank lines are counted, not reported);
* ``FILE`` for a JSON document holding one case, and for the one error of a JSON document
  that cannot be read (not JSON, too large, not UTF-8);
* ``FILE[i]`` for item ``i`` of a JSON list, counted from 0;
* ``FILE`` is the path as given on the command line, ``-`` for standard input
  (``-:N``, ``-``, ``-[i]``).

With ``--format json`` and ``jsonl`` every record, decision or error, has ``"source"`` as
its last key, and the rest of a decision's record is its ``Decision.to_dict()``; the text
format heads each record with its source; the Markdown and HTML reports name it beside
the case id, so that two cases with the same ``case_id`` are told apart.  ``--jobs 2``
writes exactly what ``--jobs 1`` writes.
"""

from __future__ import annotations

import html
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from builders import complete_case_data
from cli_helpers import call, compact, run
from mentorrules import cli, evaluate, load_case, render


ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MET = EXAMPLES / "01_complete_grant.json"
NOT_MET = EXAMPLES / "03_company_mentor_usual_duties.json"


# --- helpers (as in test_cli.py) ------------------------------------------------------------------


@pytest.fixture(name="stdin")
def stdin_fixture(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set standard input to the given bytes."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


def parse(out: str, fmt: str) -> list[dict[str, Any]]:
    """The records of ``--format json`` (one array) or ``jsonl`` (one per line)."""
    if fmt == "json":
        records: list[dict[str, Any]] = json.loads(out)
        return records
    return [json.loads(line) for line in out.splitlines()]


@dataclass(frozen=True)
class Expected:
    """What one record must be: its source, and the case text it decides (``None`` for an error record)."""

    source: str
    case: str | None = None

    def check(self, record: dict[str, Any]) -> None:
        assert record["source"] == self.source
        assert list(record)[-1] == "source"
        if self.case is None:
            assert list(record) == ["error", "source"]
            assert {"type", "message"} <= set(record["error"])
            # the English message, and the text in both languages (the English the message)
            assert set(record["error"]["text"]) == {"da", "en"}
            assert record["error"]["text"]["en"] == record["error"]["message"]
            for field in record["error"].get("errors", []):
                assert set(field["text"]) == {"da", "en"}
                assert field["text"]["en"] == field["message"]
        else:
            decision = evaluate(load_case(self.case)).to_dict()
            assert list(record) == [*decision, "source"]
            assert {key: value for key, value in record.items() if key != "source"} == decision


def check_records(records: list[dict[str, Any]], expected: list[Expected]) -> None:
    assert [record["source"] for record in records] == [item.source for item in expected]
    for record, item in zip(records, expected, strict=True):
        item.check(record)


def text_records(out: str) -> tuple[list[str], str]:
    """The records of the text format, and its summary line."""
    body, summary = out.rsplit("\n" + "=" * len(cli._RULE) + "\n", 1)
    return body.split(f"\n{cli._RULE}\n"), summary


# --- the inputs: every shape at once ---------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """JSON lines with blank lines and a bad line, a one-case file, a JSON list, and a file that is not JSON."""

    lines: Path
    single: Path
    items: Path
    broken: Path

    @property
    def paths(self) -> list[Path]:
        return [self.lines, self.single, self.items, self.broken]

    def expected(self) -> list[Expected]:
        met, not_met = compact(MET), compact(NOT_MET)
        return [
            Expected(f"{self.lines}:2", met),
            Expected(f"{self.lines}:5"),
            Expected(f"{self.lines}:6", not_met),
            Expected(str(self.single), MET.read_text(encoding="utf-8")),
            Expected(f"{self.items}[0]", not_met),
            Expected(f"{self.items}[1]"),
            Expected(f"{self.items}[2]", met),
            Expected(str(self.broken)),
        ]


@pytest.fixture(name="inputs")
def inputs_fixture(tmp_path: Path) -> Inputs:
    met, not_met = compact(MET), compact(NOT_MET)
    lines = tmp_path / "cases.jsonl"
    lines.write_text("\n".join(["", met, "", "   ", "{not json", not_met, ""]) + "\n", encoding="utf-8")
    single = tmp_path / "one.json"
    single.write_bytes(MET.read_bytes())
    items = tmp_path / "list.json"
    items.write_text(f'[{not_met},\n {{"decision_date": 5}},\n {met}]', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"decision_date": ', encoding="utf-8")
    return Inputs(lines, single, items, broken)


class TestEveryRecord:
    @pytest.mark.parametrize("jobs", ["1", "2"])
    @pytest.mark.parametrize("fmt", ["json", "jsonl"])
    def test_json_records(self, capsys: pytest.CaptureFixture[str], inputs: Inputs, fmt: str, jobs: str) -> None:
        """Decisions and errors alike end with their source; a decision's record is otherwise its to_dict()."""
        status, out, err = call(capsys, "check", *inputs.paths, "--format", fmt, "--jobs", jobs)
        assert (status, err) == (1, "")
        check_records(parse(out, fmt), inputs.expected())

    def test_jsonl_text_of_a_decision(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A jsonl line is the decision's one-line JSON with ``, "source": ...`` before its closing brace."""
        path = tmp_path / "ünïcode cases.jsonl"
        path.write_text(compact(MET) + "\n", encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "jsonl")
        assert status == 0
        decision = evaluate(load_case(compact(MET))).to_json(indent=None)
        assert out == decision[:-1] + ', "source": ' + json.dumps(f"{path}:1", ensure_ascii=False) + "}\n"

    @pytest.mark.parametrize("jobs", ["1", "2"])
    @pytest.mark.parametrize(
        ("lang", "heading", "summary"),
        [
            ("en", "Invalid case: CaseError: 1 bad field", "8 cases: 3 met, 2 not met, 3 invalid\n"),
            ("da", "Ugyldig sag: CaseError: 1 ugyldigt felt", "8 sager: 3 opfyldt, 2 ikke opfyldt, 3 ugyldige\n"),
        ],
        ids=["en", "da"],
    )
    def test_text_heads_each_record_with_its_source(
        self, capsys: pytest.CaptureFixture[str], inputs: Inputs, jobs: str, lang: str, heading: str, summary: str
    ) -> None:
        status, out, err = call(capsys, "check", *inputs.paths, "--lang", lang, "--jobs", jobs)
        assert (status, err) == (1, "")
        records, total = text_records(out)
        expected = inputs.expected()
        assert [record.split("\n", 1)[0] for record in records] == [item.source for item in expected]
        for record, item in zip(records, expected, strict=True):
            if item.case is None:  # each error here has one bad field: its heading, then the field on a line
                lines = record.rstrip("\n").split("\n")
                assert len(lines) == 3
                assert lines[1] == heading
                assert lines[2].startswith("  - ")
            else:
                assert record == f"{item.source}\n{render.explain(evaluate(load_case(item.case)), lang).rstrip()}"
        assert total == summary

    @pytest.mark.parametrize("fmt", cli.FORMATS)
    def test_jobs_2_writes_what_jobs_1_writes(
        self, capsys: pytest.CaptureFixture[str], inputs: Inputs, fmt: str
    ) -> None:
        one = call(capsys, "check", *inputs.paths, "--format", fmt, "--jobs", "1")
        two = call(capsys, "check", *inputs.paths, "--format", fmt, "--jobs", "2")
        assert one == two
        assert one[0] == 1
        for item in inputs.expected():
            assert any(form in one[1] for form in shown(item.source, fmt)), item.source

    def test_in_a_subprocess(self, inputs: Inputs) -> None:
        """As a user runs it, with two workers: the same records."""
        result = run("check", *inputs.paths, "--format", "jsonl", "--jobs", "2")
        assert (result.returncode, result.stderr) == (1, b"")
        check_records(parse(result.stdout.decode("utf-8"), "jsonl"), inputs.expected())

    def test_the_path_as_given(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``FILE`` is the path as written on the command line: not resolved, not normalised."""
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "cases.jsonl").write_text(compact(MET) + "\n", encoding="utf-8")
        (tmp_path / "sub" / "list.json").write_text(f"[{compact(MET)}]", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        status, out, _ = call(capsys, "check", "./sub/cases.jsonl", "sub//list.json", "--format", "jsonl")
        assert status == 0
        assert [record["source"] for record in parse(out, "jsonl")] == ["./sub/cases.jsonl:1", "sub//list.json[0]"]


# --- each shape of input ------------------------------------------------------------------------------


class TestShapes:
    def test_json_lines_count_blank_lines(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Line numbers count every line, blank and white-space lines, CRLF and a byte-order mark included."""
        met = compact(MET)
        path = tmp_path / "cases.jsonl"
        path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(["", "", met, " \t", "", met, "{bad", "", met]).encode())
        status, out, _ = call(capsys, "check", path, "--format", "jsonl")
        assert status == 1
        check_records(
            parse(out, "jsonl"),
            [Expected(f"{path}:3", met), Expected(f"{path}:6", met), Expected(f"{path}:7"), Expected(f"{path}:9", met)],
        )

    @pytest.mark.parametrize("name", ["one.json", "one.data"])
    def test_a_one_case_document(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
        """A JSON document holding one case (by its name, or detected): the source is the file, no line number."""
        path = tmp_path / name
        path.write_bytes(b"\n\n" + MET.read_bytes())
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 0
        check_records(parse(out, "json"), [Expected(str(path), MET.read_text(encoding="utf-8"))])

    def test_a_json_list_counts_from_0(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Items are named as the paths of the case format count: ``[0]`` first, errors counted in their place."""
        met = compact(MET)
        path = tmp_path / "list.json"
        path.write_text(f"[ {met}, null,\n\n{met}, [], {met} ]", encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 1
        check_records(
            parse(out, "json"),
            [
                Expected(f"{path}[0]", met),
                Expected(f"{path}[1]"),
                Expected(f"{path}[2]", met),
                Expected(f"{path}[3]"),
                Expected(f"{path}[4]", met),
            ],
        )

    def test_a_long_list_keeps_counting(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Across chunks and with two workers the items keep their index."""
        path = tmp_path / "list.json"
        path.write_text(json.dumps([complete_case_data(case_id=f"c{n}") for n in range(250)]), encoding="utf-8")
        for jobs in ("1", "2"):
            status, out, _ = call(capsys, "check", path, "--format", "jsonl", "--jobs", jobs)
            assert status == 0
            assert [record["source"] for record in parse(out, "jsonl")] == [f"{path}[{i}]" for i in range(250)]

    @pytest.mark.parametrize(
        ("content", "message", "status"),
        [
            (b'{"decision_date": ', "invalid JSON: ", 1),
            (b"[1, 2", "invalid JSON: ", 1),
            (b'[{"decision_date": "2024-02-20"}, "\xff"]', "the JSON text is not UTF-8: ", 2),
            (b'{"case_id": "\xff"}', "not UTF-8", 2),
        ],
        ids=["object", "list", "list-not-utf8", "object-not-utf8"],
    )
    def test_a_document_that_cannot_be_read(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str, status: int
    ) -> None:
        """One error record for the whole document, named by the file alone; the text format heads it so too."""
        path = tmp_path / "bad.json"
        path.write_bytes(content)
        result = call(capsys, "check", path, "--format", "json")
        assert result[0] == status
        [record] = parse(result[1], "json")
        Expected(str(path)).check(record)
        assert message in record["error"]["message"]
        if status == 2:
            assert result[2] == f"mentorrules check: {path}: kan ikke læses: byte'ne er ikke UTF-8\n"
        text_status, text, err = call(capsys, "check", path, "--lang", "en")
        assert text_status == status
        assert text.startswith(f"{path}\nInvalid case: CaseError: 1 bad field\n  - <document>: ")
        assert message in text.split("\n")[2]
        assert err == ("" if status == 1 else f"mentorrules check: {path}: cannot read: the bytes are not UTF-8\n")
        text_status, text, _ = call(capsys, "check", path)
        assert text_status == status
        assert text.startswith(f"{path}\nUgyldig sag: CaseError: 1 ugyldigt felt\n  - <dokument>: ")

    def test_a_document_too_large(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(cli, "_MAX_DOCUMENT", 100)
        path = tmp_path / "big.json"
        path.write_text(json.dumps([complete_case_data(case_id="a")]), encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "jsonl")
        assert status == 1
        [record] = parse(out, "jsonl")
        Expected(str(path)).check(record)
        assert "larger than the read limit of 64 MiB" in record["error"]["message"]
        assert record["error"]["errors"][0]["text"]["da"] == (
            "JSON-dokumentet er større end læsegrænsen på 64 MiB (100 byte); skriv én sag pr. linje "
            "(JSON lines), som ikke har nogen grænse for antallet af sager"
        )


class TestStandardInput:
    def test_json_lines(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        met = compact(MET)
        stdin(("\n" + met + "\n\n{bad}\n" + met + "\n").encode())
        status, out, _ = call(capsys, "check", "-", "--format", "jsonl")
        assert status == 1
        check_records(parse(out, "jsonl"), [Expected("-:2", met), Expected("-:4"), Expected("-:5", met)])

    def test_one_case(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        stdin(b"\n" + MET.read_bytes())
        status, out, _ = call(capsys, "check", "-", "--format", "json")
        assert status == 0
        check_records(parse(out, "json"), [Expected("-", MET.read_text(encoding="utf-8"))])

    def test_a_list(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        met = compact(MET)
        stdin(f"[{met}, 7, {met}]".encode())
        status, out, _ = call(capsys, "check", "-", "--format", "json")
        assert status == 1
        check_records(parse(out, "json"), [Expected("-[0]", met), Expected("-[1]"), Expected("-[2]", met)])

    def test_not_json(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        stdin(b"this is not JSON\n")
        status, out, _ = call(capsys, "check", "-", "--format", "jsonl")
        assert status == 1
        [record] = parse(out, "jsonl")
        Expected("-").check(record)

    def test_text(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        stdin(MET.read_bytes())
        status, out, _ = call(capsys, "check", "-", "--lang", "en")
        assert status == 0
        assert out.startswith("-\nOverall: met")

    def test_beside_a_file(self, capsys: pytest.CaptureFixture[str], stdin: Any, tmp_path: Path) -> None:
        """Standard input and a file in one run: each named as it was given."""
        met = compact(MET)
        path = tmp_path / "cases.jsonl"
        path.write_text(met + "\n", encoding="utf-8")
        stdin(f"[{met}]".encode())
        status, out, _ = call(capsys, "check", path, "-", "--format", "jsonl")
        assert status == 0
        check_records(parse(out, "jsonl"), [Expected(f"{path}:1", met), Expected("-[0]", met)])

    def test_in_a_subprocess(self) -> None:
        met = compact(MET)
        result = run("check", "-", "--format", "jsonl", stdin=f"{met}\n\n{met}\n".encode())
        assert result.returncode == 0
        check_records(parse(result.stdout.decode("utf-8"), "jsonl"), [Expected("-:1", met), Expected("-:3", met)])


# --- two cases with the same case id ----------------------------------------------------------------------


def shown(source: str, fmt: str) -> tuple[str, ...]:
    """The forms a source may take in a report: as it is (a code span), or escaped as text of the format."""
    if fmt == "html":
        return (html.escape(source, quote=False),)
    return (source, source.replace("[", "\\[").replace("]", "\\]"))


def beside(out: str, case_id: str, forms: tuple[str, ...], reach: int = 80) -> list[int]:
    """Where one of ``forms`` (a source) is written with ``case_id`` shortly before it (a heading, a table row)."""
    found = []
    for form in forms:
        at = out.find(form)
        while at >= 0:
            if case_id in out[max(0, at - reach) : at]:
                found.append(at)
            at = out.find(form, at + 1)
    return sorted(found)


class TestSameCaseId:
    """A list of two cases with the same ``case_id`` (one met, one not): their records are told apart by source."""

    @pytest.fixture(name="same")
    def same_fixture(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
        met = json.loads(compact(MET))
        not_met = json.loads(compact(NOT_MET))
        cases = [{**met, "case_id": "sag-dup"}, {**not_met, "case_id": "sag-dup"}]
        (tmp_path / "same.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return "same.json"

    @pytest.mark.parametrize("fmt", ["json", "jsonl"])
    def test_json(self, capsys: pytest.CaptureFixture[str], same: str, fmt: str) -> None:
        status, out, _ = call(capsys, "check", same, "--format", fmt)
        assert status == 1
        records = parse(out, fmt)
        assert [(r["source"], r["verdict"]) for r in records] == [("same.json[0]", "met"), ("same.json[1]", "not_met")]

    def test_text(self, capsys: pytest.CaptureFixture[str], same: str) -> None:
        status, out, _ = call(capsys, "check", same, "--lang", "en")
        assert status == 1
        records, _ = text_records(out)
        assert [record.split("\n")[:2] for record in records] == [
            ["same.json[0]", "Overall: met"],
            ["same.json[1]", "Overall: not met"],
        ]
        assert all("sag-dup" in record for record in records)

    @pytest.mark.parametrize("jobs", ["1", "2"])
    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_reports(self, capsys: pytest.CaptureFixture[str], same: str, fmt: str, jobs: str) -> None:
        """Each case's heading names its case id and, beside it, its source; in input order."""
        status, out, err = call(capsys, "check", same, "--format", fmt, "--lang", "en", "--jobs", jobs)
        assert (status, err) == (1, "")
        places = [beside(out, "sag-dup", shown(source, fmt)) for source in ("same.json[0]", "same.json[1]")]
        assert all(places), places
        assert places[0][0] < places[1][0]  # in input order
        assert len(places[0]) == len(places[1]) >= 2  # the overview's row and the case's heading

    @pytest.mark.parametrize("jobs", ["1", "2"])
    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_the_renderer_is_given_the_sources(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, same: str, fmt: str, jobs: str
    ) -> None:
        """The command passes one source per result, in input order, to ``render.report``."""
        given: list[tuple[list[str], list[str]]] = []

        def report(results: list[Any], *, format: str, lang: str, sources: list[str]) -> str:
            given.append(([type(result).__name__ for result in results], list(sources)))
            return "report\n"

        monkeypatch.setattr(render, "report", report)
        Path("more.jsonl").write_text(compact(MET) + "\n\n{bad\n", encoding="utf-8")
        assert call(capsys, "check", same, "more.jsonl", "--format", fmt, "--jobs", jobs) == (1, "report\n", "")
        assert given == [
            (
                ["Decision", "Decision", "Decision", "CaseError"],
                ["same.json[0]", "same.json[1]", "more.jsonl:1", "more.jsonl:3"],
            )
        ]


# --- a file named after a citizen ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["010203-1234.json", "0102031234.jsonl", "sag 01.02.03/1234.json"])
def test_a_cpr_like_part_of_a_file_name_is_withheld_in_every_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name.replace("/", "-")
    path.write_text(compact(MET) + "\n", encoding="utf-8")
    for fmt in ("jsonl", "text", "markdown", "html"):
        status, out, err = call(capsys, "check", path, "--format", fmt)
        assert status == 0
        assert "withheld" in out  # escaped in Markdown and HTML
        assert "1234" not in out.replace(compact(MET), "")
    for lang, words in (("da", "fejl: kan ikke læse "), ("en", "error: cannot read ")):
        status, _, err = call(capsys, "check", path, tmp_path / f"missing {name.replace('/', '-')}", "--lang", lang)
        assert status == 2
        assert words in err
        assert "<withheld>" in err
        assert "1234" not in err


def test_a_file_name_like_a_date_is_shown_as_it_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "2024-03-01.json"
    path.write_text(compact(MET), encoding="utf-8")
    _, out, _ = call(capsys, "check", path, "--format", "jsonl")
    assert json.loads(out)["source"] == str(path)


# --- a case wrapped in another object ------------------------------------------------------------


SCENARIO = {"name": "p01", "why": "a complete grant", "case": json.loads(compact(MET)), "expect": {"verdict": "met"}}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_scenario_file_is_one_error_that_points_at_the_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str
) -> None:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SCENARIO), encoding="utf-8")
    status, out, _ = call(capsys, "check", path, "--format", "json", "--jobs", jobs)
    assert status == 1
    [record] = json.loads(out)
    [error] = record["error"]["errors"]
    assert error["path"] == ""
    assert "'name', 'why', 'case', 'expect'" in error["message"]
    assert "the object under 'case'" in error["message"]
    assert error["text"]["en"] == error["message"]
    assert error["text"]["da"] == (
        "dette er ikke en sag, men et objekt, der indeholder en (dets nøgler er 'name', 'why', 'case', 'expect'): "
        "sagen er objektet under 'case'; kontrollér det objekt alene (fx jq -c '.case' FIL | mentorrules check -)"
    )
    # and the case it points at is a case
    status, _, _ = call(capsys, "check", MET, "--format", "json")
    assert status == 0


def test_a_wrapper_under_another_key_in_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"id": 7, "payload": json.loads(compact(MET))}) + "\n", encoding="utf-8")
    _, out, _ = call(capsys, "check", path, "--format", "jsonl")
    [error] = json.loads(out)["error"]["errors"]
    assert "the object under 'payload'" in error["message"]
    assert "sagen er objektet under 'payload'" in error["text"]["da"]
    status, text, _ = call(capsys, "check", path)
    assert status == 1
    assert text.startswith(
        f"{path}:1\nUgyldig sag: CaseError: 1 ugyldigt felt\n"
        "  - <dokument>: dette er ikke en sag, men et objekt, der indeholder en (dets nøgler er 'id', 'payload')"
    )


@pytest.mark.parametrize(
    "document",
    [
        {"name": "x", "other": {"not": "a case"}},  # no object that holds case keys
        {"case_id": "x", "case": {"citizen": {}}},  # a case (with a wrong key), not a wrapper
        {"name": "x", "why": "y"},  # nothing inside at all
    ],
)
def test_what_is_not_a_wrapper_keeps_its_errors_by_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: dict[str, Any]
) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    _, out, _ = call(capsys, "check", path, "--format", "jsonl")
    errors = json.loads(out)["error"]["errors"]
    assert any(error["message"].startswith("unknown key") for error in errors)
    assert not any("holds one" in error["message"] for error in errors)
