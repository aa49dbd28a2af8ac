"""
Tests for the command line (``mentorrules``, ``python -m mentorrules``; DESIGN section 8).

Each command is run in a subprocess, as a user runs it, and in-process through
``cli.main([...])`` (which is what coverage measures).  The exit status is 0
when every case is met, 1 when any case is not met, unresolved or invalid, 2 for
a usage error or an unreadable file, and 3 for an internal error (tested with the
read limits in ``test_robustness.py``; the signals in ``test_signals.py``).
"""

from __future__ import annotations

import errno
import io
import json
import os
import runpy
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_helpers import call, compact, run
from mentorrules import (
    CaseError,
    Decision,
    Interpretation,
    UnsupportedDateError,
    __version__,
    cli,
    evaluate,
    load_case,
)


ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
MET_FILES = [EXAMPLES / "01_complete_grant.json", EXAMPLES / "04_psychiatric_discharge.json"]


# --- helpers -----------------------------------------------------------------------


def lines_of_examples() -> list[str]:
    return [compact(path) for path in EXAMPLE_FILES]


def generated_lines(count: int) -> list[str]:
    """
    ``count`` JSON lines: the examples with a running case id, a malformed line every 37th, a blank line
    every 50th, and a case with an unsupported date every 41st.
    """
    cases = [json.loads(line) for line in lines_of_examples()]
    lines = []
    for n in range(count):
        if n % 37 == 36:
            lines.append('{"decision_date": "2024-01-01", oops}')
        elif n % 50 == 49:
            lines.append("")
        elif n % 41 == 40:
            lines.append(json.dumps({"decision_date": "2030-01-01", "case_id": f"g{n}"}))
        else:
            case = dict(cases[n % len(cases)], case_id=f"g{n}")
            lines.append(json.dumps(case, ensure_ascii=False))
    return lines


def decisions_of(out: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(out)
    return records


def expected_record(text: str, source: str | Path) -> dict[str, Any]:
    """The ``--format json`` record of a case: its decision's ``to_dict()`` and ``"source"`` as the last key."""
    return {**evaluate(load_case(text)).to_dict(), "source": str(source)}


def with_source(record: str, source: str | Path) -> str:
    """A decision's one-line JSON (``to_json(indent=None)``) with ``"source"`` added as its last key, as jsonl writes it."""
    assert record.endswith("}")
    return f'{record[:-1]}, "source": {json.dumps(str(source), ensure_ascii=False)}}}'


@pytest.fixture(name="stdin")
def stdin_fixture(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set standard input to the given bytes."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


# --- check: subprocess runs -----------------------------------------------------------


class TestCheckSubprocess:
    def test_examples_json(self) -> None:
        """``check examples/*.json --format json`` prints one array of decision records in input order."""
        result = run("check", *EXAMPLE_FILES, "--format", "json")
        assert result.returncode == 1  # two examples are not met, one needs an assessment
        records = json.loads(result.stdout)
        assert records == [expected_record(path.read_text(encoding="utf-8"), path) for path in EXAMPLE_FILES]
        assert [list(record)[-1] for record in records] == ["source"] * len(EXAMPLE_FILES)

    def test_all_met(self) -> None:
        result = run("check", *MET_FILES, "--format", "jsonl")
        assert result.returncode == 0
        records = [json.loads(line) for line in result.stdout.decode().splitlines()]
        assert [(r["verdict"], r["source"]) for r in records] == [("met", str(path)) for path in MET_FILES]

    def test_malformed_line_in_the_middle(self, tmp_path: Path) -> None:
        """A line that is not JSON becomes an error record in its place; the rest is evaluated."""
        lines = lines_of_examples()
        path = tmp_path / "audit.jsonl"
        path.write_text("\n".join([lines[0], lines[1], "", "{not json", lines[3]]) + "\n", encoding="utf-8")
        result = run("check", path, "--format", "json")
        assert result.returncode == 1
        records = json.loads(result.stdout)
        assert [r.get("verdict") for r in records] == ["met", "needs_assessment", None, "met"]
        assert [r["source"] for r in records] == [f"{path}:{n}" for n in (1, 2, 4, 5)]
        assert records[2]["source"] == f"{path}:4"
        assert records[2]["error"]["type"] == "CaseError"
        assert records[2]["error"]["errors"][0]["path"] == ""
        assert records[2]["error"]["errors"][0]["message"].startswith("invalid JSON: ")

    @pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
    def test_jobs_2_is_byte_identical(self, tmp_path: Path, fmt: str) -> None:
        """Three hundred generated lines (more than one block): ``--jobs 2`` prints exactly what ``--jobs 1`` prints."""
        path = tmp_path / "generated.jsonl"
        path.write_text("\n".join(generated_lines(300)) + "\n", encoding="utf-8")
        assert path.stat().st_size > cli._BLOCK
        one = run("check", path, "--format", fmt, "--jobs", "1")
        two = run("check", path, "--format", fmt, "--jobs", "2")
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout
        assert one.stderr == two.stderr == b""
        if fmt == "json":
            records = json.loads(one.stdout)
            assert len(records) == 300 - 6  # six blank lines
            assert [r["source"] for r in records] == [f"{path}:{n + 1}" for n in range(300) if n % 50 != 49]
            errors = [r for r in records if "error" in r]
            assert [r["source"] for r in errors if r["error"]["type"] == "CaseError"] == [
                f"{path}:{n + 1}" for n in range(300) if n % 37 == 36
            ]
            assert [r["source"] for r in errors if r["error"]["type"] == "UnsupportedDateError"] == [
                f"{path}:{n + 1}" for n in range(300) if n % 41 == 40 and n % 37 != 36 and n % 50 != 49
            ]

    def test_stdin(self) -> None:
        """``-`` reads standard input: JSON lines here."""
        data = "\n".join(lines_of_examples()[:2]).encode("utf-8")
        result = run("check", "-", "--format", "jsonl", stdin=data)
        assert result.returncode == 1
        assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["-:1", "-:2"]

    def test_unreadable(self, tmp_path: Path) -> None:
        """A file that cannot be read is a usage error, said in Danish by default and in English with --lang en."""
        path = tmp_path / "missing.json"
        missing = run("check", path)
        assert missing.returncode == 2
        assert missing.stdout == b""
        assert missing.stderr.decode() == (
            f"mentorrules check: fejl: kan ikke læse {path}: filen eller mappen findes ikke\n"
        )
        english = run("check", path, "--lang", "en")
        assert (english.returncode, english.stdout) == (2, b"")
        assert english.stderr.decode() == f"mentorrules check: error: cannot read {path}: No such file or directory\n"
        assert run("check", tmp_path).returncode == 2

    def test_undecodable_bytes(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8: the case is reported in place, a message goes to standard error, status 2."""
        path = tmp_path / "bad.jsonl"
        path.write_bytes(lines_of_examples()[0].encode() + b"\n\xff\xfe{}\n")
        result = run("check", path, "--format", "jsonl")
        assert result.returncode == 2
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert (records[0]["verdict"], records[0]["source"]) == ("met", f"{path}:1")
        assert records[1]["source"] == f"{path}:2"
        assert "not UTF-8" in records[1]["error"]["message"]
        assert records[1]["error"]["text"] == {
            "da": "1 ugyldigt felt: <dokument>: JSON-teksten er ikke UTF-8: ugyldig startbyte ved byte 0",
            "en": records[1]["error"]["message"],
        }
        assert result.stderr.decode() == f"mentorrules check: {path}:2: kan ikke læses: byte'ne er ikke UTF-8\n"
        english = run("check", path, "--format", "jsonl", "--lang", "en")
        assert (english.returncode, english.stdout) == (2, result.stdout)
        assert english.stderr.decode() == f"mentorrules check: {path}:2: cannot read: the bytes are not UTF-8\n"

    def test_usage_errors(self) -> None:
        assert run().returncode == 2
        assert run("check").returncode == 2
        assert run("check", "x.json", "--format", "pdf").returncode == 2
        result = run("check", EXAMPLE_FILES[0], "--interpret", "ambiguous_dates=sometimes")
        assert result.returncode == 2
        assert b"ambiguous_dates" in result.stderr
        assert b"'favour_citizen', 'strict', 'flag'" in result.stderr


class TestOtherCommandsSubprocess:
    def test_version(self) -> None:
        result = run("--version")
        assert result.returncode == 0
        assert result.stdout.decode().strip() == f"mentorrules {__version__}"

    @pytest.mark.parametrize("which", ["case", "decision"])
    def test_schema(self, which: str) -> None:
        result = run("schema", which)
        assert result.returncode == 0
        assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def test_rules(self) -> None:
        result = run("rules", "--lang", "en")
        assert result.returncode == 0
        assert b"duration.period_length" in result.stdout

    def test_plan(self) -> None:
        result = run("plan", "2025-08-31")
        assert result.returncode == 0
        assert b"2026-02-28" in result.stdout
        assert run("plan", "31-08-2025").returncode == 2

    @pytest.mark.parametrize(
        ("lang", "heading"),
        [("da", "Den fulde begrundelse for en sag:"), ("en", "The full reasoning of one case:")],
        ids=["da", "en"],
    )
    def test_demo(self, lang: str, heading: str) -> None:
        """``make demo`` runs this: a table of the bundled examples, exit status 0, in at most 100 columns."""
        result = run("demo", "--lang", lang)
        assert (result.returncode, result.stderr) == (0, b"")
        text = result.stdout.decode("utf-8")
        assert "eksempel-05" in text
        assert text.splitlines()[-2] == heading
        # every line but the last, the command of the closing hint, which is never wrapped (it must work as printed)
        assert max(len(line) for line in text.splitlines()[:-1]) <= 100, [
            line for line in text.splitlines()[:-1] if len(line) > 100
        ]

    def test_console_entry_point(self) -> None:
        """The console script calls ``cli.main``."""
        script = Path(sys.executable).with_name("mentorrules")
        if not script.exists():  # pragma: no cover  # installed without scripts
            pytest.skip("no console script")
        result = subprocess.run([script, "--version"], capture_output=True, check=False, timeout=60)
        assert result.returncode == 0


# --- check: in-process --------------------------------------------------------------


class TestCheckFormats:
    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, err = call(capsys, "check", *EXAMPLE_FILES, "--format", "json")
        assert status == 1
        assert err == ""
        records = decisions_of(out)
        assert records == [expected_record(path.read_text(encoding="utf-8"), path) for path in EXAMPLE_FILES]
        assert [list(record)[-1] for record in records] == ["source"] * len(EXAMPLE_FILES)

    def test_all_met(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "check", *MET_FILES, "--format", "json")
        assert status == 0
        assert [(r["verdict"], r["source"]) for r in decisions_of(out)] == [("met", str(path)) for path in MET_FILES]

    def test_jsonl(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "check", EXAMPLES / "batch.jsonl", "--format", "jsonl")
        assert status == 1
        assert out.endswith("}\n")
        lines = out.splitlines()
        assert lines == [
            with_source(evaluate(load_case(text)).to_json(indent=None), f"{EXAMPLES / 'batch.jsonl'}:{number}")
            for number, text in enumerate(lines_of_examples(), 1)
        ]

    def test_text(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Text: each case headed by its source, separated by a rule line, and a summary line."""
        path = tmp_path / "mixed.jsonl"
        lines = lines_of_examples()
        path.write_text("\n".join([lines[0], lines[2], '{"decision_date": "x", "periods": 1}']), encoding="utf-8")
        status, out, _ = call(capsys, "check", path)
        assert status == 1
        assert out.startswith(f"{path}:1\n")
        assert f"\n{cli._RULE}\n{path}:2\n" in out
        # the error record: its heading counts the bad fields, then one line per field (the summary is not repeated)
        assert out.endswith(
            f"\n{cli._RULE}\n{path}:3\n"
            "Ugyldig sag: CaseError: 2 ugyldige felter\n"
            "  - decision_date: skal være en dato ÅÅÅÅ-MM-DD med ASCII-cifre, ikke 'x'\n"
            "  - periods: skal være en liste, ikke tal\n"
            f"\n{'=' * len(cli._RULE)}\n3 sager: 1 opfyldt, 1 ikke opfyldt, 1 ugyldig\n"
        )
        status, english, _ = call(capsys, "check", path, "--lang", "en")
        assert status == 1
        assert english.endswith(
            f"\n{cli._RULE}\n{path}:3\n"
            "Invalid case: CaseError: 2 bad fields\n"
            "  - decision_date: must be a date YYYY-MM-DD in ASCII digits, not 'x'\n"
            "  - periods: must be an array, not number\n"
            f"\n{'=' * len(cli._RULE)}\n3 cases: 1 met, 1 not met, 1 invalid\n"
        )

    @pytest.mark.parametrize(
        ("lang", "heading", "summary"),
        [
            ("en", "Invalid case: UnsupportedDateError: law date 2030-01-01 is not modelled: ", "1 case: 1 invalid"),
            ("da", "Ugyldig sag: UnsupportedDateError: lovdato 2030-01-01 er ikke modelleret: ", "1 sag: 1 ugyldig"),
        ],
        ids=["en", "da"],
    )
    def test_text_unsupported_date(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, heading: str, summary: str
    ) -> None:
        path = tmp_path / "one.jsonl"
        path.write_text('{"decision_date": "2030-01-01"}\n', encoding="utf-8")
        status, out, err = call(capsys, "check", path, "--lang", lang)
        assert (status, err) == (1, "")
        assert out.startswith(f"{path}:1\n{heading}")
        assert out.endswith(f"\n{summary}\n")

    @pytest.mark.parametrize(
        ("lines", "lang", "heading", "summary"),
        [
            (["{x"], "da", "Ugyldig sag: CaseError: 1 ugyldigt felt", "1 sag: 1 ugyldig"),
            (["{x"], "en", "Invalid case: CaseError: 1 bad field", "1 case: 1 invalid"),
            (["{x", "[]"], "da", "Ugyldig sag: CaseError: 1 ugyldigt felt", "2 sager: 2 ugyldige"),
            (["{x", "[]"], "en", "Invalid case: CaseError: 1 bad field", "2 cases: 2 invalid"),
            (["MET", "{x"], "da", "Ugyldig sag: CaseError: 1 ugyldigt felt", "2 sager: 1 opfyldt, 1 ugyldig"),
            (["MET", "{x"], "en", "Invalid case: CaseError: 1 bad field", "2 cases: 1 met, 1 invalid"),
            (["MET"], "da", None, "1 sag: 1 opfyldt"),
            (["MET", "MET"], "en", None, "2 cases: 2 met"),
        ],
        ids=[
            "1-invalid-da",
            "1-invalid-en",
            "2-invalid-da",
            "2-invalid-en",
            "met-invalid-da",
            "met-invalid-en",
            "1-met-da",
            "2-met-en",
        ],
    )
    def test_text_counts_in_the_right_number(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        lines: list[str],
        lang: str,
        heading: str | None,
        summary: str,
    ) -> None:
        """The summary line and an error record's heading: singular for one, plural for any other count."""
        path = tmp_path / "cases.jsonl"
        met = compact(MET_FILES[0])
        path.write_text("\n".join(met if line == "MET" else line for line in lines) + "\n", encoding="utf-8")
        status, out, err = call(capsys, "check", path, "--lang", lang)
        assert (status, err) == (0 if heading is None else 1, "")
        assert out.endswith(f"\n{'=' * len(cli._RULE)}\n{summary}\n")
        if heading is not None:
            assert f"\n{heading}\n  - " in f"\n{out}"

    @pytest.mark.parametrize(
        ("counts", "danish", "english"),
        [
            ({"error": 1}, "1 sag: 1 ugyldig", "1 case: 1 invalid"),
            ({"error": 2}, "2 sager: 2 ugyldige", "2 cases: 2 invalid"),
            ({"internal": 1}, "1 sag: 1 intern fejl", "1 case: 1 internal error"),
            ({"met": 1, "internal": 2}, "3 sager: 1 opfyldt, 2 interne fejl", "3 cases: 1 met, 2 internal errors"),
            (
                {"not_met": 1, "error": 1500},
                "1.501 sager: 1 ikke opfyldt, 1.500 ugyldige",
                "1,501 cases: 1 not met, 1,500 invalid",
            ),
            ({}, "0 sager", "0 cases"),
        ],
        ids=["1-invalid", "2-invalid", "1-internal", "2-internal", "thousands", "none"],
    )
    def test_summary(self, counts: dict[str, int], danish: str, english: str) -> None:
        assert (cli._summary(counts, "da"), cli._summary(counts, "en")) == (danish, english)

    def test_text_decision_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "check", MET_FILES[0], "--lang", "en")
        assert status == 0
        assert out.startswith(f"{MET_FILES[0]}\nOverall: met")
        assert out.endswith("1 case: 1 met\n")

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_reports(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, jobs: str) -> None:
        """Markdown and HTML print one report over all cases, errors included."""
        path = tmp_path / "cases.jsonl"
        path.write_text("\n".join([*lines_of_examples(), "[]"]) + "\n", encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", fmt, "--jobs", jobs, "--lang", "en")
        assert status == 1
        assert out.endswith("\n")
        assert "eksempel-03" in out
        if fmt == "html":
            assert "<html" in out.lower()

    @pytest.mark.parametrize("ending", ["\n", ""])
    def test_report_output_ends_with_newline(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, ending: str
    ) -> None:
        """The report ends with one newline, whether the renderer ends it or not; it is given each result's source."""
        from mentorrules import render

        given: list[list[str]] = []

        def report(results: list[Any], format: str, lang: str, sources: list[str]) -> str:
            given.append(sources)
            return f"{len(results)} {format} {lang}{ending}"

        monkeypatch.setattr(render, "report", report)
        assert call(capsys, "check", *MET_FILES, "--format", "markdown") == (0, "2 markdown da\n", "")
        assert given == [[str(path) for path in MET_FILES]]

    def test_jobs_2_in_process(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "generated.jsonl"
        path.write_text("\n".join(generated_lines(60)), encoding="utf-8")
        one = call(capsys, "check", path, "--format", "json", "--jobs", "1")
        two = call(capsys, "check", path, "--format", "json", "--jobs", "2")
        assert one == two
        assert len(decisions_of(one[1])) == 59
        assert [r["source"] for r in decisions_of(one[1])] == [f"{path}:{n}" for n in range(1, 61) if n != 50]

    def test_interpretation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--interpret`` sets the interpretation recorded in every decision; booleans in several spellings."""
        status, out, _ = call(
            capsys,
            "check",
            MET_FILES[0],
            "--format",
            "json",
            "--interpret",
            "ambiguous_dates=flag",
            "--interpret",
            "strict_mentor_categories=no",
            "--interpret",
            "under_30_education_guidance = YES",
            "--interpret",
            "psychiatric_period_may_exceed_six_months=0",
        )
        assert status == 0
        interpretation = decisions_of(out)[0]["interpretation"]
        assert (
            interpretation
            == Interpretation(
                ambiguous_dates="flag", strict_mentor_categories=False, under_30_education_guidance=True
            ).to_dict()
        )

    @pytest.mark.parametrize(
        ("option", "lang", "message"),
        [
            (
                "ambiguous_dates=sometimes",
                "en",
                "mentorrules check: error: --interpret ambiguous_dates: "
                "must be one of 'favour_citizen', 'strict', 'flag'",
            ),
            (
                "ambiguous_dates=sometimes",
                "da",
                "mentorrules check: fejl: --interpret ambiguous_dates: "
                "skal være en af 'favour_citizen', 'strict', 'flag'",
            ),
            (
                "strict_mentor_categories=maybe",
                "en",
                "mentorrules check: error: --interpret strict_mentor_categories: must be true or false",
            ),
            (
                "strict_mentor_categories=maybe",
                "da",
                "mentorrules check: fejl: --interpret strict_mentor_categories: skal være true eller false",
            ),
            (
                "colour=blue",
                "en",
                "mentorrules check: error: --interpret colour: unknown interpretation; known: ambiguous_dates",
            ),
            (
                "colour=blue",
                "da",
                "mentorrules check: fejl: --interpret colour: ukendt fortolkning; kendte: ambiguous_dates",
            ),
            ("ambiguous_dates", "en", "expected KEY=VALUE"),
            ("=strict", "en", "expected KEY=VALUE"),
        ],
        ids=[
            "ambiguous_dates-en",
            "ambiguous_dates-da",
            "strict_mentor_categories-en",
            "strict_mentor_categories-da",
            "colour-en",
            "colour-da",
            "no-value-en",
            "no-key-en",
        ],
    )
    def test_interpretation_usage_errors(
        self, capsys: pytest.CaptureFixture[str], option: str, lang: str, message: str
    ) -> None:
        status, out, err = call(capsys, "check", MET_FILES[0], "--interpret", option, "--lang", lang)
        assert status == 2
        assert out == ""
        assert message in err

    def test_interpretation_usage_errors_are_joined(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Several bad --interpret options: one line naming each, in the run's language."""
        options = ("--interpret", "colour=blue", "--interpret", "strict_mentor_categories=maybe")
        status, out, err = call(capsys, "check", MET_FILES[0], *options)
        assert (status, out) == (2, "")
        assert err.startswith("mentorrules check: fejl: --interpret colour: ukendt fortolkning; kendte: ")
        assert err.endswith("; --interpret strict_mentor_categories: skal være true eller false, ikke 'maybe'\n")
        status, out, err = call(capsys, "check", MET_FILES[0], *options, "--lang", "en")
        assert (status, out) == (2, "")
        assert err.startswith("mentorrules check: error: --interpret colour: unknown interpretation; known: ")
        assert err.endswith("; --interpret strict_mentor_categories: must be true or false, not 'maybe'\n")

    @pytest.mark.parametrize("jobs", ["0", "two", "-1"])
    def test_bad_jobs(self, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
        status, _, err = call(capsys, "check", MET_FILES[0], "--jobs", jobs)
        assert status == 2
        assert "--jobs" in err

    @pytest.mark.parametrize(
        ("lang", "message"),
        [
            ("da", "mentorrules check: fejl: kan ikke læse {path}: filen eller mappen findes ikke\n"),
            ("en", "mentorrules check: error: cannot read {path}: No such file or directory\n"),
        ],
        ids=["da", "en"],
    )
    def test_missing_file_fails_before_any_output(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, message: str
    ) -> None:
        path = tmp_path / "missing.jsonl"
        status, out, err = call(capsys, "check", MET_FILES[0], path, "--format", "json", "--lang", lang)
        assert (status, out) == (2, "")
        assert err == message.format(path=path)

    @pytest.mark.parametrize(
        ("lang", "message"),
        [
            ("da", "mentorrules check: fejl: kan ikke læse {path}: det er en mappe\n"),
            ("en", "mentorrules check: error: cannot read {path}: Is a directory\n"),
        ],
        ids=["da", "en"],
    )
    def test_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, message: str) -> None:
        status, out, err = call(capsys, "check", tmp_path, "--lang", lang)
        assert (status, out) == (2, "")
        assert err == message.format(path=tmp_path)


class TestCheckInput:
    def test_json_list_sources(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The cases of a JSON list are named ``FILE[i]``, counted from 0; a single object ``FILE``."""
        lines = lines_of_examples()
        path = tmp_path / "list.json"
        path.write_text(f'[{lines[0]}, {{"decision_date": 5}}, {lines[3]}, 7]', encoding="utf-8")
        single = tmp_path / "single.json"
        single.write_text('{"decision_date": "x"}', encoding="utf-8")
        status, out, _ = call(capsys, "check", path, single, "--format", "json")
        assert status == 1
        records = decisions_of(out)
        assert [r.get("verdict") for r in records] == ["met", None, "met", None, None]
        assert [r["source"] for r in records] == [f"{path}[{i}]" for i in range(4)] + [str(single)]
        assert [r["source"] for r in records if "error" in r] == [f"{path}[1]", f"{path}[3]", str(single)]
        assert "a case must be a JSON object" in records[3]["error"]["message"]

    def test_long_json_list(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A list longer than a chunk keeps its numbering."""
        path = tmp_path / "list.json"
        path.write_text(json.dumps([{"decision_date": "2024-02-20"}] * 300 + [1]), encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 1
        records = decisions_of(out)
        assert len(records) == 301
        assert records[-1]["source"] == f"{path}[300]"
        assert [r["source"] for r in records] == [f"{path}[{i}]" for i in range(301)]

    def test_decimal_hours(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Numbers in a JSON document are read exactly, as decimals."""
        case = json.loads(compact(MET_FILES[0]))
        case["periods"][0]["agreement"]["hours"]["amount"] = 2.5
        path = tmp_path / "case.json"
        path.write_text(json.dumps([case]), encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 0
        assert decisions_of(out) == [expected_record(json.dumps(case), f"{path}[0]")]

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("{", "invalid JSON"),
            ("[NaN]", "NaN is not allowed"),
            ("[" * 100_000, "invalid JSON"),
        ],
    )
    def test_invalid_document(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
    ) -> None:
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 1
        [record] = decisions_of(out)
        assert record["source"] == str(path)
        assert message in record["error"]["message"]

    @pytest.mark.parametrize("name", ["empty.json", "empty.jsonl", "empty.txt"])
    @pytest.mark.parametrize("content", [b"", b"\n \r\n\n", b"\xef\xbb\xbf"])
    def test_empty_input(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes) -> None:
        """
        No cases: json prints ``[]``, jsonl nothing, text a summary of none; standard error says the input is
        empty; the status is 0, or 1 with ``--fail-on-empty`` (issue 19, point 5).
        """
        path = tmp_path / name
        path.write_bytes(content)
        failing = {
            "da": f"mentorrules check: {path}: ingen sag i dette input; et tomt input er ikke en ren revision\n",
            "en": f"mentorrules check: {path}: no case in this input; an empty input is not a clean audit\n",
        }
        hint = {"da": " (med --fail-on-empty er exitstatus 1)", "en": " (with --fail-on-empty the exit status is 1)"}
        for lang, summary in (("da", "0 sager\n"), ("en", "0 cases\n")):
            warning = failing[lang][:-1] + hint[lang] + "\n"
            assert call(capsys, "check", path, "--format", "json", "--lang", lang) == (0, "[]\n", warning)
            assert call(capsys, "check", path, "--format", "jsonl", "--lang", lang) == (0, "", warning)
            assert call(capsys, "check", path, "--lang", lang) == (0, summary, warning)
            for fmt in cli.FORMATS:
                status, _, err = call(capsys, "check", path, "--format", fmt, "--fail-on-empty", "--lang", lang)
                assert (status, err) == (1, failing[lang])
        assert call(capsys, "check", path)[2] == failing["da"][:-1] + hint["da"] + "\n"  # Danish by default

    def test_bom_crlf_blank_lines(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A byte-order mark, CRLF line ends and blank lines are accepted; line numbers count every line."""
        lines = lines_of_examples()
        path = tmp_path / "windows.jsonl"
        path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join([lines[0], "", "  ", lines[3], "{x"]).encode("utf-8"))
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 1
        records = decisions_of(out)
        assert [r.get("verdict") for r in records] == ["met", "met", None]
        assert [r["source"] for r in records] == [f"{path}:1", f"{path}:4", f"{path}:5"]

    def test_bom_json_document(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "bom.json"
        path.write_bytes(b"\xef\xbb\xbf" + MET_FILES[0].read_bytes().replace(b"\n", b"\r\n"))
        status, out, _ = call(capsys, "check", path, "--format", "json")
        assert status == 0
        assert [r["source"] for r in decisions_of(out)] == [str(path)]

    def test_undecodable(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Undecodable lines and documents: reported in place and on standard error; status 2."""
        lines = lines_of_examples()
        jsonl = tmp_path / "bad.jsonl"
        jsonl.write_bytes(b"\n".join([lines[0].encode(), b'{"case_id": "\xe6"}', lines[3].encode()]))
        document = tmp_path / "bad.json"
        document.write_bytes(b'{"case_id": "\xff"}')
        status, out, err = call(capsys, "check", jsonl, document, "--format", "json")
        assert status == 2
        records = decisions_of(out)
        assert [r.get("verdict") for r in records] == ["met", None, "met", None]
        assert [r["source"] for r in records] == [f"{jsonl}:1", f"{jsonl}:2", f"{jsonl}:3", str(document)]
        assert [r["source"] for r in records if "error" in r] == [f"{jsonl}:2", str(document)]
        assert "not UTF-8" in records[1]["error"]["message"]
        assert records[1]["error"]["text"]["da"].startswith("1 ugyldigt felt: <dokument>: JSON-teksten er ikke UTF-8: ")
        assert err.splitlines() == [
            f"mentorrules check: {jsonl}:2: kan ikke læses: byte'ne er ikke UTF-8",
            f"mentorrules check: {document}: kan ikke læses: byte'ne er ikke UTF-8",
        ]
        status, english, err = call(capsys, "check", jsonl, document, "--format", "json", "--lang", "en")
        assert (status, english) == (2, out)  # the records are the same in either language
        assert err.splitlines() == [
            f"mentorrules check: {jsonl}:2: cannot read: the bytes are not UTF-8",
            f"mentorrules check: {document}: cannot read: the bytes are not UTF-8",
        ]

    def test_ndjson_and_sniffed_names(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """``.ndjson`` is JSON lines; another name is detected from its content."""
        lines = lines_of_examples()
        ndjson = tmp_path / "cases.ndjson"
        ndjson.write_text("\n".join(lines[:2]), encoding="utf-8")
        sniffed_lines = tmp_path / "cases.txt"
        sniffed_lines.write_text("\n\n" + "\n".join(lines[:2]), encoding="utf-8")
        sniffed_document = tmp_path / "case.data"
        sniffed_document.write_bytes(MET_FILES[0].read_bytes())
        status, out, _ = call(capsys, "check", ndjson, sniffed_lines, sniffed_document, "--format", "json")
        assert status == 1
        records = decisions_of(out)
        assert len(records) == 5
        assert records[2]["decision_date"] == records[0]["decision_date"]
        assert [r["source"] for r in records] == [
            f"{ndjson}:1",
            f"{ndjson}:2",
            f"{sniffed_lines}:3",
            f"{sniffed_lines}:4",
            str(sniffed_document),
        ]


class TestCheckStdin:
    def test_json_lines(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        lines = lines_of_examples()
        stdin(("\ufeff\n\n" + "\n".join([lines[0], "{bad", lines[3]]) + "\n").encode("utf-8"))
        status, out, _ = call(capsys, "check", "-", "--format", "json")
        assert status == 1
        records = decisions_of(out)
        assert [r.get("verdict") for r in records] == ["met", None, "met"]
        assert records[1]["source"] == "-:4"
        assert [r["source"] for r in records] == ["-:3", "-:4", "-:5"]

    def test_malformed_first_line(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        """A first line that starts with ``{`` and ends with ``}`` makes JSON lines even when it is not JSON."""
        stdin(("{bad}\n" + lines_of_examples()[0]).encode("utf-8"))
        status, out, _ = call(capsys, "check", "-", "--format", "json")
        assert status == 1
        assert [(r.get("verdict"), r["source"]) for r in decisions_of(out)] == [(None, "-:1"), ("met", "-:2")]

    def test_document(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        stdin(MET_FILES[0].read_bytes())
        status, out, _ = call(capsys, "check", "-", "--format", "json")
        assert status == 0
        assert decisions_of(out) == [expected_record(MET_FILES[0].read_text(encoding="utf-8"), "-")]

    def test_list(self, capsys: pytest.CaptureFixture[str], stdin: Any) -> None:
        stdin(("[" + ",".join(lines_of_examples()) + ", null]").encode("utf-8"))
        status, out, _ = call(capsys, "check", "-", "--format", "json")
        assert status == 1
        records = decisions_of(out)
        assert len(records) == 6
        assert records[-1]["source"] == "-[5]"
        assert [r["source"] for r in records] == [f"-[{i}]" for i in range(6)]

    @pytest.mark.parametrize(
        ("lang", "warning", "hint"),
        [
            (
                "da",
                "mentorrules check: -: ingen sag i dette input; et tomt input er ikke en ren revision",
                " (med --fail-on-empty er exitstatus 1)",
            ),
            (
                "en",
                "mentorrules check: -: no case in this input; an empty input is not a clean audit",
                " (with --fail-on-empty the exit status is 1)",
            ),
        ],
        ids=["da", "en"],
    )
    def test_empty(self, capsys: pytest.CaptureFixture[str], stdin: Any, lang: str, warning: str, hint: str) -> None:
        stdin(b"")
        assert call(capsys, "check", "-", "--format", "json", "--lang", lang) == (0, "[]\n", f"{warning}{hint}\n")
        stdin(b"\n\n  \n")
        assert call(capsys, "check", "-", "--format", "jsonl", "--fail-on-empty", "--lang", lang) == (
            1,
            "",
            f"{warning}\n",
        )


class TestCheckTerminal:
    def test_progress_only_on_a_terminal(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """With standard error on a terminal the count is drawn there; standard output is unchanged."""
        path = tmp_path / "cases.jsonl"
        path.write_text("\n".join(generated_lines(30)), encoding="utf-8")
        plain = call(capsys, "check", path, "--format", "jsonl")

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        status = cli.main(["check", str(path), "--format", "jsonl"])
        out, _ = capsys.readouterr()
        assert (status, out) == plain[:2]
        assert terminal.getvalue() in ("", "\r30 sager\r30 sager\n")

    @pytest.mark.parametrize(
        ("lang", "first", "then"), [("en", "1,005 cases", "1,006 cases"), ("da", "1.005 sager", "1.006 sager")]
    )
    def test_progress(self, lang: str, first: str, then: str) -> None:
        now = [0.0]
        stream = io.StringIO()
        progress = cli._Progress(stream, lang, clock=lambda: now[0], interval=0.1)
        progress.update(5)
        assert stream.getvalue() == ""
        now[0] = 0.2
        progress.update(1000)
        now[0] = 0.25
        progress.update(1)
        assert stream.getvalue() == f"\r{first}"
        progress.close()
        assert stream.getvalue() == f"\r{first}\r{then}\n"

    def test_progress_counts_one_case_in_the_singular(self) -> None:
        stream = io.StringIO()
        progress = cli._Progress(stream, "da", clock=lambda: 1.0, interval=0.0)
        progress.update(1)
        assert stream.getvalue() == "\r1 sag"

    def test_progress_silent(self) -> None:
        progress = cli._Progress(None, "en")
        progress.update(3)
        progress.close()
        quiet = io.StringIO()
        cli._Progress(quiet, "en", interval=3600).close()
        assert quiet.getvalue() == ""

    def test_output_without_binary_buffer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Standard output replaced by a text-only stream (a notebook) gets text."""
        stream = io.StringIO()
        monkeypatch.setattr(sys, "stdout", stream)
        assert cli.main(["check", str(MET_FILES[0]), "--format", "jsonl"]) == 0
        assert json.loads(stream.getvalue())["verdict"] == "met"

    def test_broken_pipe(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A reader that goes away (``| head``) ends the run quietly; standard output is pointed at the null device."""
        target = tmp_path / "stdout"

        class Closed(io.StringIO):
            def __init__(self, fd: int | None) -> None:
                super().__init__()
                self.fd = fd

            def write(self, text: str) -> int:
                raise BrokenPipeError

            def fileno(self) -> int:
                if self.fd is None:
                    raise io.UnsupportedOperation("fileno")
                return self.fd

        monkeypatch.setattr(sys, "stdout", Closed(None))
        assert cli.main(["check", str(MET_FILES[0]), "--format", "jsonl"]) == 1
        with open(target, "wb") as handle:
            monkeypatch.setattr(sys, "stdout", Closed(handle.fileno()))
            assert cli.main(["demo"]) == 1
            handle.write(b"after")
        assert target.read_bytes() == b""  # the descriptor now writes to the null device

    def test_interrupted(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        def interrupted(args: Any, out: Any) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "_demo", interrupted)
        assert call(capsys, "demo") == (130, "", "mentorrules demo: afbrudt\n")
        assert call(capsys, "demo", "--lang", "en") == (130, "", "mentorrules demo: interrupted\n")


# --- the other commands, in-process -----------------------------------------------------


class TestMain:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert call(capsys, "--version") == (0, f"mentorrules {__version__}\n", "")

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "--help")
        assert status == 0
        for command in ("check", "schema", "rules", "plan", "demo"):
            assert command in out

    def test_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, _, err = call(capsys)
        assert status == 2
        assert "mentorrules: fejl: disse argumenter mangler: COMMAND" in err
        status, _, err = call(capsys, "--lang", "en")  # no command: "en" is taken for one
        assert status == 2
        assert "mentorrules: error: argument COMMAND: invalid choice: 'en'" in err

    def test_argv_none_reads_sys_argv(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(sys, "argv", ["mentorrules", "--version"])
        assert cli.main() == 0
        assert capsys.readouterr().out == f"mentorrules {__version__}\n"

    def test_dunder_main(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """``python -m mentorrules`` exits with the status ``main`` returns; importing the module runs nothing."""
        monkeypatch.setattr(sys, "argv", ["mentorrules", "schema", "case"])
        with pytest.raises(SystemExit) as exit_info:
            runpy.run_module("mentorrules", run_name="__main__", alter_sys=True)
        assert exit_info.value.code == 0
        assert json.loads(capsys.readouterr().out)["title"] == "mentorrules case"
        monkeypatch.delitem(sys.modules, "mentorrules.__main__", raising=False)
        module = __import__("mentorrules.__main__", fromlist=["main"])
        assert module.main is cli.main
        assert capsys.readouterr().out == ""


class TestSchema:
    def test_case(self, capsys: pytest.CaptureFixture[str]) -> None:
        from mentorrules import case_schema

        status, out, _ = call(capsys, "schema", "case")
        assert status == 0
        assert json.loads(out) == case_schema()
        assert out.startswith('{\n  "$schema"')

    def test_decision(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "schema", "decision")
        assert status == 0
        assert json.loads(out)["$id"].endswith("decision.json")

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert call(capsys, "schema", "finding")[0] == 2


class TestRules:
    def test_text_danish(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "rules")
        assert status == 0
        assert "duration.period_length: " in out
        assert "(pr. periode)" in out
        assert "(pr. sag)" in out
        assert "\n  lab-2020\n    fra 2020-01-01: LAB § 167, stk. 1, 1. pkt. (lov nr. 548 af 7. maj 2019)" in out
        assert (
            "    fra 2024-03-01: LAB § 167, stk. 1, 1. pkt., LAB § 167, stk. 2: kilden er nu LBK nr. 280 af 1. marts 2024"
            in out
        )
        assert ", ikke verificeret)" in out

    def test_text_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "rules", "--lang", "en")
        assert status == 0
        assert "(per period)" in out
        assert " from 2020-01-01: " in out
        assert ": the source is now LBK nr. 280 af 1. marts 2024 (was: LBK nr. 701 af 22. maj 2022)" in out
        assert ", not verified)" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        from mentorrules import rule_catalogue

        status, out, _ = call(capsys, "rules", "--format", "json", "--lang", "en")
        assert status == 0
        assert json.loads(out) == [info.to_dict() for info in rule_catalogue(lang="en")]


class TestPlan:
    def test_ambiguous_end(self, capsys: pytest.CaptureFixture[str]) -> None:
        """31 August + 6 months: both readings are shown, the citizen's is applied by default."""
        status, out, _ = call(capsys, "plan", "2025-08-31")
        assert status == 0
        assert "Seneste slutdato:         2026-02-28" in out
        assert "til borgerens fordel 2026-02-28, strikst 2026-02-27" in out
        assert "Næste periode kan starte: 2026-03-01" in out
        assert "og senest slutte:         2026-08-31" in out
        assert max(len(line) for line in out.splitlines()) <= 100

    def test_strict_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "plan", "2025-08-31", "--lang", "en", "--interpret", "ambiguous_dates=strict")
        assert status == 0
        assert "Latest end:             2026-02-27" in out
        assert "A new period may start: 2026-02-28" in out
        assert "and end at the latest:  2026-08-27" in out
        assert "ambiguous_dates=strict" in out

    def test_unambiguous(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = call(capsys, "plan", "2024-03-01", "--lang", "en")
        assert status == 0
        assert "2024-08-31" in out
        assert "2024-09-01" in out
        assert "2025-02-28" in out
        assert "favouring the citizen" not in out

    @pytest.mark.parametrize(
        ("start", "lang", "message"),
        [
            ("2025-02-30", "en", "not a valid date: '2025-02-30'"),
            ("2025-02-30", "da", "ikke en gyldig dato: '2025-02-30'"),
            ("31.08.2025", "en", "not a date: '31.08.2025'; write it as YYYY-MM-DD, e.g. 2025-08-31\n"),
            ("31.08.2025", "da", "ikke en dato: '31.08.2025'; skriv den som ÅÅÅÅ-MM-DD, fx 2025-08-31\n"),
            ("20250831", "en", "not a date: '20250831'; write it as YYYY-MM-DD, e.g. 2025-08-31\n"),
            ("20250831", "da", "ikke en dato: '20250831'; skriv den som ÅÅÅÅ-MM-DD, fx 2025-08-31\n"),
            ("9999-12-01", "en", "law date 9999-12-01 is not modelled"),
            ("9999-12-01", "da", "lovdato 9999-12-01 er ikke modelleret"),
        ],
        ids=[
            "2025-02-30-en",
            "2025-02-30-da",
            "31.08.2025-en",
            "31.08.2025-da",
            "20250831-en",
            "20250831-da",
            "9999-12-01-en",
            "9999-12-01-da",
        ],
    )
    def test_bad_start(self, capsys: pytest.CaptureFixture[str], start: str, lang: str, message: str) -> None:
        status, out, err = call(capsys, "plan", start, "--lang", lang)
        assert (status, out) == (2, "")
        assert err.startswith(f"mentorrules plan: {'fejl' if lang == 'da' else 'error'}: {message}")

    def test_bad_interpretation(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert call(capsys, "plan", "2025-08-31", "--interpret", "ambiguous_dates=maybe")[0] == 2

    def test_lab_2014_cites_old_chapter_9_b(self, capsys: pytest.CaptureFixture[str]) -> None:
        """START selects the law: 2016-03-01 is lab-2014, cited to old § 31 c, stk. 1, 2. pkt., never chapter 26."""
        status, out, _ = call(capsys, "plan", "2016-03-01")
        assert status == 0
        assert out.splitlines()[:5] == [
            "Mentorstøtte i en periode med start 2016-03-01: højst 6 måneder (LAB § 31 c, stk. 1, 2. pkt.)",
            "Regelsæt: lab-2014 (LBK nr. 807 af 1. juli 2015)",
            "  Seneste slutdato:         2016-08-31",
            "  Næste periode kan starte: 2016-09-01",
            "  og senest slutte:         2017-02-28",
        ]
        assert "bibliotekets læsning" in out
        for section in ("§ 167", "§ 168", "§ 169", "§ 170", "§ 171", "§§ 167"):
            assert section not in out
        _, english, _ = call(capsys, "plan", "2016-03-01", "--lang", "en")
        assert "(LAB § 31 c, stk. 1, 2. pkt.)" in english
        assert "the library's reading" in english
        assert "§ 167" not in english

    def test_lab_2020_cites_section_167(self, capsys: pytest.CaptureFixture[str]) -> None:
        """2024-03-01 is lab-2020: LAB § 167, stk. 1, cited as check cites it in English (LegalReference.citation)."""
        status, out, _ = call(capsys, "plan", "2024-03-01", "--lang", "en")
        assert status == 0
        assert out == (
            "Mentor support in a period starting 2024-03-01: at most 6 months (LAB § 167, stk. 1, 1. pkt.)\n"
            "Law version: lab-2020 (LBK nr. 280 af 1. marts 2024)\n"
            "  Latest end:             2024-08-31\n"
            "  A new period may start: 2024-09-01\n"
            "  and end at the latest:  2025-02-28\n"
            "A new period at the expiry of a period requires a concrete assessment (LAB § 167, stk. 1, 2. pkt.).\n"
        )
        assert "§ 167(1)" not in out
        assert "31 c" not in out

    def test_citations_in_the_form_check_uses(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The English citation is the reference's citation, as check --lang en prints it after a finding."""
        from mentorrules import next_period_window
        from mentorrules.planning import period_window

        _, out, _ = call(capsys, "plan", "2024-03-01", "--lang", "en")
        first = period_window(date(2024, 3, 1))
        following = next_period_window(first.end)
        assert f"({first.references[0].citation})" in out
        assert f"({following.references[0].citation})." in out

    @pytest.mark.parametrize(
        ("start", "law", "citation", "end"),
        [
            ("2019-12-31", "lab-2014", "LAB § 31 c, stk. 1, 2. pkt.", "2020-06-30"),
            ("2020-01-01", "lab-2020", "LAB § 167, stk. 1, 1. pkt.", "2020-06-30"),
        ],
    )
    def test_the_law_changes_at_2020(
        self, capsys: pytest.CaptureFixture[str], start: str, law: str, citation: str, end: str
    ) -> None:
        """The last day of lab-2014 and the first of lab-2020: the start's version is cited."""
        status, out, _ = call(capsys, "plan", start)
        assert status == 0
        lines = out.splitlines()
        assert lines[0].endswith(f"({citation})")
        assert lines[1].startswith(f"Regelsæt: {law} (")
        assert f"Seneste slutdato:         {end}" in out

    def test_a_new_period_under_the_later_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A period from 2019-10-01 is lab-2014; the new period from 2020-04-01 follows lab-2020, and says so."""
        status, out, _ = call(capsys, "plan", "2019-10-01")
        assert status == 0
        assert "(LAB § 31 c, stk. 1, 2. pkt.)" in out.splitlines()[0]
        assert "den nye periode følger regelsættet lab-2020 (lov nr. 548 af 7. maj 2019)" in out
        assert out.endswith("kræver en konkret vurdering (LAB § 167, stk. 1, 2. pkt.).\n")

    def test_a_new_period_outside_the_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A period ending in 2027: its end is printed, and the new period's law is not modelled (status 0)."""
        status, out, _ = call(capsys, "plan", "2026-12-01", "--lang", "en")
        assert status == 0
        assert "  Latest end:             2027-05-31" in out
        assert "  A new period may start: 2027-06-01" in out
        assert "law date 2027-06-01 is not modelled" in out
        assert "and end at the latest" not in out

    @pytest.mark.parametrize("start", ["2010-01-01", "2013-12-31", "2027-01-01", "2030-01-01"])
    def test_start_outside_the_model(self, capsys: pytest.CaptureFixture[str], start: str) -> None:
        """A START outside 2014-01-01..2026-12-31 exits 2 with the UnsupportedDateError message on stderr."""
        from mentorrules.law.versions import law_version_for

        with pytest.raises(UnsupportedDateError) as info:
            law_version_for(date.fromisoformat(start))
        status, out, err = call(capsys, "plan", start)
        assert (status, out) == (2, "")
        assert err == f"mentorrules plan: fejl: {info.value.text('da')}\n"
        assert err.startswith(
            f"mentorrules plan: fejl: lovdato {start} er ikke modelleret: "
            "biblioteket modellerer afgørelser fra 2014-01-01 til 2026-12-31: "
        )
        status, out, err = call(capsys, "plan", start, "--lang", "en")
        assert (status, out) == (2, "")
        assert err == f"mentorrules plan: error: {info.value}\n"

    @pytest.mark.parametrize("start", ["2014-01-01", "2026-12-31"])
    def test_first_and_last_modelled_start(self, capsys: pytest.CaptureFixture[str], start: str) -> None:
        assert call(capsys, "plan", start)[0] == 0

    def test_subprocess_exit_status(self) -> None:
        """As a user runs it: plan 2030-01-01 exits 2 and prints the error on standard error only."""
        result = run("plan", "2030-01-01")
        assert (result.returncode, result.stdout) == (2, b"")
        assert result.stderr.decode().startswith("mentorrules plan: fejl: lovdato 2030-01-01 er ikke modelleret: ")
        result = run("plan", "2030-01-01", "--lang", "en")
        assert (result.returncode, result.stdout) == (2, b"")
        assert result.stderr.decode().startswith("mentorrules plan: error: law date 2030-01-01 is not modelled: ")


class TestDemo:
    @pytest.mark.parametrize(
        ("lang", "words", "summary", "heading"),
        [
            (
                "da",
                ("Afgørelse", "kræver vurdering"),
                "5 sager: 2 opfyldt, 2 ikke opfyldt, 1 kræver vurdering",
                "Den fulde begrundelse for en sag:",
            ),
            (
                "en",
                ("Verdict", "needs assessment"),
                "5 cases: 2 met, 2 not met, 1 needs assessment",
                "The full reasoning of one case:",
            ),
        ],
        ids=["da", "en"],
    )
    def test_table(
        self, capsys: pytest.CaptureFixture[str], lang: str, words: tuple[str, str], summary: str, heading: str
    ) -> None:
        """The bundled examples, with their verdicts and what is unresolved, in at most 100 columns."""
        status, out, err = call(capsys, "demo", "--lang", lang)
        assert (status, err) == (0, "")
        for word in words:
            assert word in out
        for path in EXAMPLE_FILES:
            assert path.name in out
        assert "duration.new_period (periods[1]): " in out
        assert "duties.beyond_usual: " in out
        assert out.splitlines()[-4:] == ["", summary, heading, f"  {cli._hint(lang)}"]
        # every line but the last, the command of the closing hint, which is never wrapped (it must work as printed)
        assert max(len(line) for line in out.splitlines()[:-1]) <= 100, [
            line for line in out.splitlines()[:-1] if len(line) > 100
        ]

    def test_bundled_examples_match_the_repository(self) -> None:
        """The package ships the five example cases of ``examples/``."""
        assert [name for name, _ in cli._examples()] == [path.name for path in EXAMPLE_FILES]
        assert [text for _, text in cli._examples()] == [path.read_text(encoding="utf-8") for path in EXAMPLE_FILES]

    def test_invalid_and_long_rows(self) -> None:
        """An invalid example is listed with its error; long names are clipped to keep the width."""
        name = "a-very-long-file-name-" * 3 + ".json"
        case = json.dumps({"decision_date": "2024-02-20", "case_id": "x" * 40})
        table = cli._demo_table([(name, "{"), ("one.json", case)], "en")
        assert "invalid" in table
        assert "CaseError: 1 bad field" in table
        assert name[:39] + "…" in table
        assert "x" * 19 + "…" in table
        assert "2 cases: 1 missing facts, 1 invalid" in table
        # every line but the last, the command of the closing hint, which is never wrapped (it must work as printed)
        assert max(len(line) for line in table.splitlines()[:-1]) <= 100, [
            line for line in table.splitlines()[:-1] if len(line) > 100
        ]
        danish = cli._demo_table([(name, "{"), ("one.json", case)], "da")
        assert "ugyldig" in danish
        assert "CaseError: 1 ugyldigt felt: <dokument>: ugyldig JSON: " in danish
        assert "bad field" not in danish
        assert "2 sager: 1 mangler oplysninger, 1 ugyldig" in danish
        # every line but the last, the command of the closing hint, which is never wrapped (it must work as printed)
        assert max(len(line) for line in danish.splitlines()[:-1]) <= 100, [
            line for line in danish.splitlines()[:-1] if len(line) > 100
        ]
        assert cli._demo_table([("one.json", case)], "da").count("1 sag: 1 mangler oplysninger") == 1


class TestHelpers:
    def test_output_flush_without_buffer(self) -> None:
        stream = io.StringIO()
        output = cli._Output(stream)
        output.text("æ")
        output.flush()
        assert stream.getvalue() == "æ"

    def test_records_skip_blank_lines(self) -> None:
        chunk = cli._Chunk("f", 10, b"a\n\n  \r\nb\n", (("f[0]", {}),))
        assert list(cli._records(chunk)) == [("f:10", b"a"), ("f:13", b"b"), ("f[0]", {})]

    def test_check_chunk_counts(self) -> None:
        """The worker function, in-process: output, counts and unreadable sources."""
        lines = lines_of_examples()
        block = "\n".join([lines[0], lines[2]]).encode() + b"\n\xff\n"
        options = cli._Options("jsonl", "da", Interpretation())
        result = cli._check_chunk(options, cli._Chunk("f", 1, block, ()))
        assert result.records == 3
        assert result.counts == {"met": 1, "not_met": 1, "error": 1}
        assert result.unreadable == ("f:3",)
        assert len(result.data.decode().split("\n")) == 3
        assert [json.loads(line)["source"] for line in result.data.decode().split("\n")] == ["f:1", "f:2", "f:3"]

    def test_check_chunk_objects(self) -> None:
        from mentorrules.batch import loads_results

        options = cli._Options("objects", "en", Interpretation())
        block = b'a\n{"decision_date": "2024-02-20"}'
        case = json.loads(lines_of_examples()[0])
        result = cli._check_chunk(options, cli._Chunk("f", 1, block, (("f[0]", case),)))
        [error, missing, decision] = loads_results(result.data)
        assert result.sources == ("f:1", "f:2", "f[0]")
        assert isinstance(error, CaseError)
        assert isinstance(missing, Decision)
        assert missing.verdict.value == "missing_facts"
        assert isinstance(decision, Decision)
        assert decision.verdict.value == "met"


def test_every_format_is_documented() -> None:
    """The module docstring names the formats and the source notation it promises (``-`` for standard input)."""
    doc = cli.__doc__ or ""
    for word in (*cli.FORMATS, "FILE:N", "FILE[i]", "``-`` for standard", "``-:N``", "``-[i]``", '"source": SOURCE'):
        assert word in doc
    for old in ("FILE#N", "<stdin>", "FILE:1"):
        assert old not in doc


@pytest.mark.parametrize("name", ["docs/cli.md", "docs/howto/batch-audit.md", "docs/formats.md"])
def test_the_docs_name_the_sources(name: str) -> None:
    """The user's documentation of ``check`` names the sources as the command writes them (issue 20, point 1)."""
    text = (ROOT / name).read_text(encoding="utf-8")
    for word in ("FILE:N", "FILE[i]", "-:N"):
        assert word in text, word
    for old in ("FILE#N", "<stdin>", "FILE:1"):
        assert old not in text, old


# --- the spool: how a worker's output reaches standard output ------------------------------------


class TestSpool:
    """``_Output.copy`` writes a spooled file's bytes exactly, with ``sendfile`` or by reading."""

    DATA = 'æøå {"verdict": "met"}\n'.encode() * 5000

    def spooled(self, tmp_path: Path) -> str:
        path = tmp_path / "spooled"
        path.write_bytes(self.DATA)
        return str(path)

    def test_copy_to_a_file_descriptor(self, tmp_path: Path) -> None:
        target = tmp_path / "out"
        with open(target, "w", encoding="utf-8") as stream:
            out = cli._Output(stream)
            out.text("head\n")
            out.copy(self.spooled(tmp_path))
            out.text("tail\n")
            out.flush()
        assert target.read_bytes() == b"head\n" + self.DATA + b"tail\n"

    def copied(self, tmp_path: Path) -> bytes:
        """Copy the spooled file to a file opened as standard output would be; return what it holds."""
        target = tmp_path / "out"
        with open(target, "w", encoding="utf-8") as stream:
            out = cli._Output(stream)
            out.copy(self.spooled(tmp_path))
            out.flush()
        return target.read_bytes()

    def test_copy_without_sendfile_support_reads_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def unsupported(*args: object) -> int:
            raise OSError(errno.EINVAL, "Invalid argument")

        monkeypatch.setattr(cli.os, "sendfile", unsupported)
        assert self.copied(tmp_path) == self.DATA

    def test_copy_without_sendfile_on_the_platform(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Windows has no ``os.sendfile``: the file is read and written."""
        monkeypatch.delattr(cli.os, "sendfile")
        assert self.copied(tmp_path) == self.DATA

    @pytest.mark.parametrize(
        "then",
        [
            pytest.param(OSError(errno.ENOSYS, "Function not implemented"), id="then-unsupported"),
            pytest.param(0, id="then-nothing-more"),  # the file is shorter than it was
        ],
    )
    def test_copy_after_a_partial_sendfile_reads_the_rest(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: OSError | int
    ) -> None:
        real = os.sendfile
        calls: list[int] = []

        def once(out_fd: int, in_fd: int, offset: int, count: int) -> int:
            calls.append(offset)
            if len(calls) == 1:
                return real(out_fd, in_fd, offset, 1000)
            if isinstance(then, OSError):
                raise then
            return then

        monkeypatch.setattr(cli.os, "sendfile", once)
        assert self.copied(tmp_path) == self.DATA
        assert calls == [0, 1000]

    def test_a_broken_pipe_is_not_hidden(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def broken(*args: object) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        monkeypatch.setattr(cli.os, "sendfile", broken)
        with open(tmp_path / "out", "w", encoding="utf-8") as stream, pytest.raises(BrokenPipeError):
            cli._Output(stream).copy(self.spooled(tmp_path))

    def test_copy_to_a_stream_in_memory(self, tmp_path: Path) -> None:
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding="utf-8")  # a buffer without a file descriptor
        out = cli._Output(stream)
        out.copy(self.spooled(tmp_path))
        out.flush()
        assert buffer.getvalue() == self.DATA
        text = io.StringIO()  # no buffer at all
        cli._Output(text).copy(self.spooled(tmp_path))
        assert text.getvalue() == self.DATA.decode()

    def test_the_spool_is_removed(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A run with workers leaves nothing in the temporary directory, also when it fails."""
        spool_root = tmp_path / "tmp"
        spool_root.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(spool_root))
        path = tmp_path / "generated.jsonl"
        path.write_text("\n".join(generated_lines(300)) + "\n", encoding="utf-8")
        status, out, _ = call(capsys, "check", path, "--format", "jsonl", "--jobs", "2")
        assert status == 1
        assert len(out.splitlines()) == 300 - 6
        assert list(spool_root.iterdir()) == []

        def fail(self: cli._Output, spooled: str) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        monkeypatch.setattr(cli._Output, "copy", fail)
        monkeypatch.setattr(cli, "_discard_stdout", lambda: None)
        assert call(capsys, "check", path, "--format", "jsonl", "--jobs", "2")[0] == 1
        assert list(spool_root.iterdir()) == []


class TestBlocksByReference:
    """With workers, the blocks of a JSON-lines file are read by the workers themselves; nothing else changes."""

    def test_the_workers_read_the_blocks(self, tmp_path: Path) -> None:
        path = tmp_path / "cases.jsonl"
        path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(generated_lines(300)) + "\r\n").encode())
        chunks = list(cli._read_chunks([str(path)], by_reference=True))
        assert len(chunks) > 1
        assert {chunk.block for chunk in chunks} == {b""}
        assert chunks[0].offset == 3  # after the byte-order mark
        assert [chunk.start for chunk in chunks] == [chunk.start for chunk in cli._read_chunks([str(path)])]
        by_value = [record for chunk in cli._read_chunks([str(path)]) for record in cli._records(chunk)]
        assert [record for chunk in chunks for record in cli._records(chunk)] == by_value

    def test_jobs_2_with_a_byte_order_mark(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "cases.jsonl"
        path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(generated_lines(300)) + "\r\n").encode())
        one = call(capsys, "check", path, "--format", "jsonl", "--jobs", "1")
        two = call(capsys, "check", path, "--format", "jsonl", "--jobs", "2")
        assert one == two
        assert [json.loads(line)["source"] for line in one[1].splitlines()] == [
            f"{path}:{n + 1}" for n in range(300) if n % 50 != 49
        ]

    def test_a_named_pipe_is_read_by_value(self, tmp_path: Path) -> None:
        """A FIFO cannot be read twice: its blocks are sent to the workers."""
        lines = generated_lines(40)
        fifo = tmp_path / "cases.jsonl"
        os.mkfifo(fifo)

        def feed() -> None:
            with open(fifo, "w", encoding="utf-8") as stream:
                stream.write("\n".join(lines) + "\n")

        writer = threading.Thread(target=feed)
        writer.start()
        chunks = list(cli._read_chunks([str(fifo)], by_reference=True))
        writer.join()
        assert chunks
        assert all(chunk.path is None and chunk.block for chunk in chunks)
