"""
``check --summary`` and ``check --format verdicts``: the command line through the columnar path (issue 21, point 6).

Every verdict the columnar ``check`` writes or counts is the one :func:`mentorrules.evaluate`
gives the same case: the lines of ``--format verdicts`` (the aggregate, and each rule's most
pressing verdict over its subjects) and the counts of ``--summary`` are compared with the
per-case engine on the same input, invalid lines and dates that are not modelled included,
under the default interpretation and under ``ambiguous_dates=flag``.  ``--jobs 2`` writes
what ``--jobs 1`` writes; Parquet input gives what the same cases give as JSON lines; the
exit statuses are those of every ``check``; every message is in Danish and English; and
without pyarrow both options are a usage error that says what to install.
"""

from __future__ import annotations

import functools
import io
import json
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from cli_helpers import call, run
from mentorrules import CaseError, Interpretation, UnsupportedDateError, Verdict, cli, evaluate, load_case
from mentorrules.cli import _columnar as columnar
from mentorrules.columnar import CaseTables, builder, cases_to_tables
from mentorrules.testing import random_documents


ROOT = Path(__file__).resolve().parents[1]
MET = ROOT / "examples" / "01_complete_grant.json"
RULES = columnar.RULES
#: evaluate_frame's order, from the least to the most pressing.
PRESSING = ["not_applicable", "met", "needs_assessment", "missing_facts", "not_met"]
FLAG = ("--interpret", "ambiguous_dates=flag")


# --- what the per-case engine gives ------------------------------------------------------------------


def expected_row(text: str | bytes, interpretation: Interpretation, lang: str = "da") -> list[str]:
    """The cells of a line of ``verdicts`` (after the source) for one case, through load_case and evaluate."""
    try:
        decision = evaluate(load_case(text), interpretation=interpretation)
    except (CaseError, UnsupportedDateError) as error:
        if isinstance(error, CaseError):  # as every check words it (a case wrapped in an object says so)
            error = cli._load(text, "", [])
        return ["error", "", *[""] * len(RULES), type(error).__name__, columnar._cell(error.text(lang))]
    worst: dict[str, str] = {}
    for finding in decision.findings:
        current = worst.get(finding.rule)
        if current is None or PRESSING.index(finding.verdict.value) > PRESSING.index(current):
            worst[finding.rule] = finding.verdict.value
    return [decision.verdict.value, decision.law.id, *(worst[rule] for rule in RULES), "", ""]


def verdict_rows(out: str) -> list[list[str]]:
    """The lines of ``--format verdicts`` as cells, without the header (checked)."""
    header, *lines = out.splitlines()
    assert header.split("\t") == ["source", "verdict", "law", *RULES, "error", "message"]
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == len(RULES) + 5 for row in rows)
    return rows


def expected_summary(rows: list[list[str]]) -> dict[str, Any]:
    """The summary object of ``--summary --format json``, counted from the cells of verdicts lines."""
    verdicts = Counter(row[1] for row in rows if row[1] != "error")
    errors = Counter(row[-2] for row in rows if row[1] == "error")
    laws: dict[str, Any] = {}
    for row in rows:
        if row[1] == "error":
            continue
        law = laws.setdefault(
            row[2],
            {
                "cases": 0,
                "verdicts": dict.fromkeys(SHOWN, 0),
                "rules": {rule: dict.fromkeys(SHOWN, 0) for rule in RULES},
            },
        )
        law["cases"] += 1
        law["verdicts"][row[1]] += 1
        for rule, verdict in zip(RULES, row[3:-2], strict=True):
            law["rules"][rule][verdict] += 1
    return {
        "cases": len(rows),
        "verdicts": {name: verdicts[name] for name in SHOWN},
        "errors": {kind: errors[kind] for kind in ("CaseError", "UnsupportedDateError", "InternalError")},
        "laws": dict(sorted(laws.items())),
    }


SHOWN = [verdict.value for verdict in Verdict]


# --- inputs -------------------------------------------------------------------------------------------


def documents(count: int = 1200, seed: int = 2112) -> list[dict[str, Any]]:
    """Random valid cases, some of whose decision dates are not modelled."""
    return random_documents(count, seed=seed)


#: Lines that are not valid cases, and one whose date is not modelled.
BAD_LINES = [
    "this is not JSON",
    '{"decision_date": "2024-02-30"}',
    '{"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-02-01"}]}',
    '{"decision_date": "2031-01-01"}',
    '{"decision_date": "2024-02-20", "decision_date": "2024-02-21"}',
    '{"case": {"decision_date": "2024-02-20"}, "expect": "met"}',
]


@pytest.fixture(name="lines", scope="module")
def lines_fixture() -> list[str]:
    """The JSON lines of the main input: random cases with the bad lines among them, and a blank line."""
    texts = [json.dumps(document, ensure_ascii=False) for document in documents()]
    for position, bad in enumerate(BAD_LINES):
        texts.insert(100 * position + 7, bad)
    texts.insert(50, "")
    return texts


@pytest.fixture(name="cases_file")
def cases_file_fixture(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def expected_rows(path: Path, lines: list[str], interpretation: Interpretation, lang: str = "da") -> list[list[str]]:
    return [
        [f"{path}:{number}", *expected_row(text, interpretation, lang)]
        for number, text in enumerate(lines, 1)
        if text.strip()
    ]


@pytest.fixture(name="small_batches")
def small_batches_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 150 cases and Arrow tables of 64 rows: a small input goes through many batches."""
    monkeypatch.setattr(columnar, "BATCH_CASES", 150)
    monkeypatch.setattr(builder, "TABLE_ROWS", 64)
    monkeypatch.setattr(columnar, "PARQUET_ROWS", 100)


# --- verdicts and summary equal evaluate() -----------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "interpretation"),
    [((), Interpretation()), (FLAG, Interpretation(ambiguous_dates="flag"))],
    ids=["default", "flag"],
)
def test_verdict_lines_equal_evaluate(
    capsys: pytest.CaptureFixture[str],
    cases_file: Path,
    lines: list[str],
    options: tuple[str, ...],
    interpretation: Interpretation,
) -> None:
    status, out, err = call(capsys, "check", cases_file, "--format", "verdicts", *options)
    assert (status, err) == (1, "")
    assert verdict_rows(out) == expected_rows(cases_file, lines, interpretation)


@pytest.mark.parametrize(
    ("options", "interpretation"),
    [((), Interpretation()), (FLAG, Interpretation(ambiguous_dates="flag"))],
    ids=["default", "flag"],
)
def test_summary_counts_equal_evaluate(
    capsys: pytest.CaptureFixture[str],
    cases_file: Path,
    lines: list[str],
    options: tuple[str, ...],
    interpretation: Interpretation,
) -> None:
    status, out, _ = call(capsys, "check", cases_file, "--summary", "--format", "json", *options)
    assert status == 1
    summary = json.loads(out)
    assert summary.pop("interpretation") == interpretation.to_dict()
    assert summary == expected_summary(expected_rows(cases_file, lines, interpretation))
    assert summary["errors"]["CaseError"] == 5
    assert summary["errors"]["UnsupportedDateError"] >= 1
    assert summary["errors"]["InternalError"] == 0
    assert set(summary["laws"]) == {"lab-2014", "lab-2020"}


def test_many_batches_and_two_jobs_give_what_one_batch_gives(
    capsys: pytest.CaptureFixture[str], cases_file: Path, small_batches: None
) -> None:
    for options in ((), ("--summary",), ("--summary", "--format", "json")):
        fmt = () if options else ("--format", "verdicts")
        one = call(capsys, "check", cases_file, *fmt, *options, "--jobs", "1")
        two = call(capsys, "check", cases_file, *fmt, *options, "--jobs", "2")
        assert one == two
        assert one[0] == 1


def test_jobs_2_in_a_subprocess(cases_file: Path, lines: list[str]) -> None:
    """The console command itself, with worker processes, writes what one process writes."""
    one = run("check", cases_file, "--format", "verdicts", "--jobs", "1", "--lang", "en")
    two = run("check", cases_file, "--format", "verdicts", "--jobs", "2", "--lang", "en")
    assert (one.returncode, one.stdout, one.stderr) == (two.returncode, two.stdout, two.stderr)
    assert one.returncode == 1
    summary = run("check", cases_file, "--summary", "--jobs", "2", "--lang", "en")
    assert summary.stdout.decode().startswith(f"{len([line for line in lines if line.strip()]):,} cases: ")


def test_the_lines_name_their_sources(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``FILE`` for a one-case document, ``FILE[i]`` for a list's items, ``-:N`` for standard input, in input order."""
    one = tmp_path / "one.json"
    one.write_text(MET.read_text(encoding="utf-8"), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([json.loads(MET.read_text(encoding="utf-8")), {"decision_date": "x"}]), encoding="utf-8")
    monkeypatch.setattr(
        sys,
        "stdin",
        io.TextIOWrapper(io.BytesIO(b"\n" + MET.read_text(encoding="utf-8").replace("\n", " ").encode() + b"\n")),
    )
    status, out, _ = call(capsys, "check", one, many, "-", "--format", "verdicts")
    rows = verdict_rows(out)
    assert [row[0] for row in rows] == [str(one), f"{many}[0]", f"{many}[1]", "-:2"]
    assert [row[1] for row in rows] == ["met", "met", "error", "met"]
    assert status == 1


def test_standard_input_in_batches_of_bytes(
    capsys: pytest.CaptureFixture[str], lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Input a batch holds itself (standard input) is cut by its size too: the same lines."""
    data = ("\n".join(lines) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    whole = call(capsys, "check", "-", "--format", "verdicts")
    monkeypatch.setattr(columnar, "BATCH_BYTES", 100_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert call(capsys, "check", "-", "--format", "verdicts") == whole
    assert verdict_rows(whole[1])[0][0] == "-:1"


def test_a_cell_escapes_tabs_and_line_ends(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a\tb\\c.jsonl"
    path.write_text('{"decision_date": "2024-02-20", "a\\nb": 1}\n', encoding="utf-8")
    status, out, _ = call(capsys, "check", path, "--format", "verdicts", "--lang", "en")
    [row] = verdict_rows(out)  # one line: the key's line feed is not one
    assert row[0] == str(path).replace("\\", "\\\\").replace("\t", "\\t") + ":1"
    assert row[-2] == "CaseError"
    assert status == 1
    assert columnar._cell("a\\b\tc\nd\re") == "a\\\\b\\tc\\nd\\re"


# --- the text summary, languages, exit statuses --------------------------------------------------------


def test_the_text_summary_in_both_languages(capsys: pytest.CaptureFixture[str], cases_file: Path) -> None:
    _, out, _ = call(capsys, "check", cases_file, "--summary", "--format", "json")
    summary = json.loads(out)
    for lang, head, errors, law, rule, overall in (
        ("da", "sager: ", "Ugyldige efter type: ", "Regelsæt lab-2014: ", "Regel", "(samlet afgørelse)"),
        ("en", "cases: ", "Invalid by type: ", "Law version lab-2014: ", "Rule", "(overall verdict)"),
    ):
        status, text, _ = call(capsys, "check", cases_file, "--summary", "--lang", lang)
        assert status == 1
        lines = text.splitlines()
        assert head in lines[0]
        assert lines[1].startswith(errors)
        assert lines[3].startswith(law)
        assert lines[4].split()[0] == rule
        table = lines[6 : 6 + 1 + len(RULES)]
        assert table[0].startswith(overall)
        assert [line.split()[0] for line in table[1:]] == list(RULES)
        counts = summary["laws"]["lab-2014"]
        # the first column is "met" (opfyldt / met), grouped as the language writes numbers
        met = [int(line.split()[-5].replace(".", "").replace(",", "")) for line in table]
        assert met == [counts["verdicts"]["met"], *(counts["rules"][rule]["met"] for rule in RULES)]
        assert lines[-1] in (
            "En regel pr. periode tælles én gang pr. sag: med den mest alvorlige afgørelse over sagens perioder.",
            "A per-period rule counts once per case: by the most pressing verdict over its periods.",
        )


def test_all_met_is_status_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = call(capsys, "check", MET, "--summary", "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "1 case: 1 met"
    assert "Invalid by type" not in out
    status, out, _ = call(capsys, "check", MET, "--format", "verdicts")
    assert status == 0
    assert verdict_rows(out)[0][1:3] == ["met", "lab-2020"]


def test_only_invalid_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("nope\n", encoding="utf-8")
    status, out, _ = call(capsys, "check", path, "--summary", "--lang", "en")
    assert (status, out) == (1, "1 case: 1 invalid\nInvalid by type: CaseError 1\n")


def test_an_empty_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    status, out, err = call(capsys, "check", path, "--format", "verdicts", "--lang", "en")
    assert (status, verdict_rows(out)) == (0, [])
    assert "no case in this input" in err
    assert call(capsys, "check", path, "--summary", "--fail-on-empty")[:2] == (1, "0 sager\n")


def test_bytes_that_are_not_utf8_are_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(
        MET.read_text(encoding="utf-8").replace("\n", " ").encode() + b"\n" + '{"case_id": "Søren"}\n'.encode("latin-1")
    )
    for lang, word in (("da", "kan ikke læses"), ("en", "cannot read")):
        status, out, err = call(capsys, "check", path, "--format", "verdicts", "--lang", lang)
        assert status == 2
        assert f"{path}:2: {word}" in err
        assert [row[1] for row in verdict_rows(out)] == ["met", "error"]


def test_a_failing_case_is_an_internal_error_in_its_place(
    capsys: pytest.CaptureFixture[str], cases_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception while a case is read becomes its InternalError line; the run goes on; status 3."""
    load = columnar._load

    def failing(raw: object, source: str, unreadable: list[str]) -> Any:
        if source == f"{cases_file}:3":
            raise RuntimeError("secret 0101901234")
        return load(raw, source, unreadable)

    monkeypatch.setattr(columnar, "_load", failing)
    for lang in ("da", "en"):
        status, out, err = call(capsys, "check", cases_file, "--format", "verdicts", "--lang", lang)
        assert status == 3
        row = verdict_rows(out)[2]
        assert row[:2] == [f"{cases_file}:3", "error"]
        assert row[-2] == "InternalError"
        assert "RuntimeError" in row[-1]
        assert "secret" not in out + err
        assert f"{cases_file}:3: " in err
    status, out, _ = call(capsys, "check", cases_file, "--summary", "--format", "json")
    assert status == 3
    assert json.loads(out)["errors"]["InternalError"] == 1


def test_a_failing_batch_is_evaluated_case_by_case(
    capsys: pytest.CaptureFixture[str],
    cases_file: Path,
    parquet_cases: tuple[Path, list[dict[str, Any]], list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the columnar engine fail on a batch, evaluate() gives the same verdicts; a case it fails on is internal."""
    expected = call(capsys, "check", cases_file, "--format", "verdicts", *FLAG)

    def broken(tables: CaseTables, **_: Any) -> Any:
        raise RuntimeError("a bug")

    parquet = parquet_cases[0]
    expected_parquet = call(capsys, "check", parquet, "--format", "verdicts")
    monkeypatch.setattr(columnar, "evaluate_columns", broken)
    assert call(capsys, "check", cases_file, "--format", "verdicts", *FLAG) == expected
    assert call(capsys, "check", parquet, "--format", "verdicts") == expected_parquet  # its invalid row as well
    good = columnar.evaluate

    def failing(case: Any, **kwargs: Any) -> Any:
        if case.case_id == "bad":
            raise ValueError("a bug")
        return good(case, **kwargs)

    monkeypatch.setattr(columnar, "evaluate", failing)
    path = cases_file.with_name("two.jsonl")
    path.write_text(
        '{"decision_date": "2024-02-20", "case_id": "bad"}\n{"decision_date": "2024-02-20"}\n', encoding="utf-8"
    )
    status, out, err = call(capsys, "check", path, "--format", "verdicts", "--lang", "en")
    assert status == 3
    first, second = verdict_rows(out)
    assert (first[1], first[-2], second[1]) == (
        "error",
        "InternalError",
        expected_row(path.read_text().splitlines()[1], Interpretation())[0],
    )
    assert "internal error" in err


def test_a_stop_leaves_whole_lines(
    capsys: pytest.CaptureFixture[str], cases_file: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None
) -> None:
    """SIGINT after the first batch: its lines are written whole, status 130."""
    ordered = columnar.map_ordered

    def stopping(*args: Any, **kwargs: Any) -> Iterator[Any]:
        results = ordered(*args, **kwargs)
        yield next(results)
        results.close()
        raise columnar._Stop(signal.SIGINT)

    monkeypatch.setattr(columnar, "map_ordered", stopping)
    status, out, err = call(capsys, "check", cases_file, "--format", "verdicts", "--lang", "en")
    assert status == 130
    assert out.endswith("\n")
    assert 0 < len(verdict_rows(out)) < 1200
    assert err.endswith("interrupted\n")


def test_the_progress_count_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    cases_file: Path,
    lines: list[str],
    monkeypatch: pytest.MonkeyPatch,
    small_batches: None,
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(columnar, "_Progress", functools.partial(cli._Progress, interval=0.0))
    _, _, err = call(capsys, "check", cases_file, "--summary", "--lang", "en")
    assert err.count("\r") > 2
    assert err.endswith(f"\r{len([line for line in lines if line.strip()]):,} cases\n")


# --- usage errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "markdown", "html", "verdicts"])
def test_summary_is_text_or_json(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert call(capsys, "check", MET, "--summary", "--format", fmt) == (
        2,
        "",
        f"mentorrules check: fejl: --summary skrives som tekst eller JSON (--format text eller json), ikke {fmt}\n",
    )
    assert call(capsys, "check", MET, "--summary", "--format", fmt, "--lang", "en")[2] == (
        f"mentorrules check: error: --summary is written as text or JSON (--format text or json), not {fmt}\n"
    )


@pytest.mark.parametrize("options", [("--summary",), ("--format", "verdicts")])
def test_without_pyarrow_the_columnar_options_say_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    status, out, err = call(capsys, "check", MET, *options)
    assert (status, out) == (2, "")
    assert err.startswith(
        "mentorrules check: fejl: --summary / --format verdicts regner med kolonner og kræver pyarrow"
    )
    assert err.endswith('pip install "mentorrules[columnar]"\n')
    status, _, err = call(capsys, "check", MET, *options, "--lang", "en")
    assert status == 2
    assert err == (
        "mentorrules check: error: --summary / --format verdicts computes over columns and needs pyarrow and numpy, "
        'which are not installed: pip install "mentorrules[columnar]"\n'
    )
    assert call(capsys, "check", MET, "--format", "jsonl")[0] == 0  # the other formats need no pyarrow


def test_the_columnar_options_are_in_the_help() -> None:
    result = run("check", "--help")
    text = result.stdout.decode()
    assert "--summary" in text
    assert "verdicts" in text
    assert "cases.parquet" in text


# --- Parquet input ------------------------------------------------------------------------------------


def write_parquet(directory: Path, tables: CaseTables) -> Path:
    directory.mkdir()
    tables.write_parquet(str(directory))
    return directory


@pytest.fixture(name="parquet_cases")
def parquet_cases_fixture(tmp_path: Path) -> tuple[Path, list[dict[str, Any]], list[str]]:
    """Random cases as Parquet, their periods and tasks stored in reverse order, with a row load_case rejects."""
    docs = [*documents(599, seed=77), json.loads(MET.read_text(encoding="utf-8"))]
    keys = [f"K{i}" for i in range(len(docs))]
    keys[5] = "0101901234"  # a key that looks like a CPR number is withheld
    tables = cases_to_tables(docs, keys=keys)
    periods = tables.periods.take(pa.array(range(tables.periods.num_rows - 1, -1, -1)))
    end = periods.column("end").to_pylist()
    end[0] = end[0].replace(year=2000)  # the last case's last period ends before it starts: that case's CaseError
    periods = periods.set_column(periods.column_names.index("end"), "end", pa.array(end, pa.date32()))
    tasks = tables.tasks.take(pa.array(range(tables.tasks.num_rows - 1, -1, -1)))
    path = write_parquet(tmp_path / "audit", CaseTables(tables.cases, periods, tasks))
    return path, docs, keys


def test_parquet_gives_what_json_lines_give(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    parquet_cases: tuple[Path, list[dict[str, Any]], list[str]],
    small_batches: None,
) -> None:
    path, docs, keys = parquet_cases
    for options, interpretation in (((), Interpretation()), (FLAG, Interpretation(ambiguous_dates="flag"))):
        status, out, err = call(capsys, "check", path, "--format", "verdicts", "--jobs", "2", *options)
        assert (status, err) == (1, "")
        rows = verdict_rows(out)
        last = rows.pop()
        assert last[0] == f"{path}[K599]"
        assert last[-2] == "CaseError"
        assert "periods[" in last[-1]
        shown = [key if key != "0101901234" else "<withheld>" for key in keys[:-1]]
        assert [row[0] for row in rows] == [f"{path}[{key}]" for key in shown]
        assert [row[1:] for row in rows] == [expected_row(json.dumps(doc), interpretation) for doc in docs[:-1]]
        assert "0101901234" not in out
        assert call(capsys, "check", path, "--format", "verdicts", "--jobs", "1", *options) == (status, out, err)
    summary = json.loads(call(capsys, "check", f"{path}/", "--summary", "--format", "json")[1])
    summary.pop("interpretation")
    assert summary == expected_summary(
        [[*row] for row in verdict_rows(call(capsys, "check", path, "--format", "verdicts")[1])]
    )


def test_parquet_and_json_lines_in_one_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cases = cases_to_tables([json.loads(MET.read_text(encoding="utf-8"))], keys=["A-1"])
    first = write_parquet(tmp_path / "first", cases)
    second = write_parquet(
        tmp_path / "second", CaseTables(cases.cases.slice(0, 0), cases.periods.slice(0, 0), cases.tasks.slice(0, 0))
    )
    status, out, err = call(capsys, "check", first, MET, second, first, "--format", "verdicts", "--lang", "en")
    assert [row[:2] for row in verdict_rows(out)] == [
        [f"{first}[A-1]", "met"],
        [str(MET), "met"],
        [f"{first}[A-1]", "met"],
    ]
    assert (status, err) == (
        0,
        f"mentorrules check: {second}: no case in this input; an empty input is not a clean audit (with --fail-on-empty the exit status is 1)\n",
    )


def test_parquet_with_integer_keys_and_no_index_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tables = cases_to_tables(documents(30, seed=3), keys=[str(i) for i in range(30)])
    cases = tables.cases.set_column(0, "case_key", tables.cases.column("case_key").cast(pa.int64()))
    periods = tables.periods.drop_columns(["period"]).set_column(
        0, "case_key", tables.periods.column("case_key").cast(pa.int32())
    )
    path = write_parquet(tmp_path / "ints", CaseTables(cases, periods, tables.tasks.drop_columns(["task"])))
    rows = verdict_rows(call(capsys, "check", path, "--format", "verdicts")[1])
    assert [row[0] for row in rows] == [f"{path}[{i}]" for i in range(30)]
    assert [row[1:] for row in rows] == [
        expected_row(json.dumps(doc), Interpretation()) for doc in documents(30, seed=3)
    ]


def _broken_tables() -> Iterator[tuple[str, CaseTables, str]]:
    """Parquet inputs whose tables are wrong as a whole: (id, tables, what the error says)."""
    tables = cases_to_tables(documents(20, seed=9), keys=[f"K{i}" for i in range(20)])
    cases, periods, tasks = tables.cases, tables.periods, tables.tasks
    keys = cases.column("case_key").to_pylist()
    yield (
        "duplicate key",
        CaseTables(cases.set_column(0, "case_key", pa.array(["K1", *keys[1:]])), periods, tasks),
        "K1 occurs more than once",
    )
    yield (
        "null key",
        CaseTables(
            cases.set_column(0, "case_key", pa.array([None, *keys[1:]], pa.string())),
            periods.filter(pc.not_equal(periods["case_key"], "K0")),
            tasks.filter(pc.not_equal(tasks["case_key"], "K0")),
        ),
        "1 rows have no case key",
    )
    orphan = periods.set_column(0, "case_key", pa.array(["nobody", *periods.column("case_key").to_pylist()[1:]]))
    yield (
        "orphan",
        CaseTables(cases, orphan, tasks),
        "belong to a case key that is not in the cases table (e.g. nobody)",
    )
    index = periods.column("period").to_pylist()
    bad = periods.set_column(1, "period", pa.array([index[0] + 5, *index[1:]], pa.int32()))
    yield "bad index", CaseTables(cases, bad, tasks), "must be 0, 1, 2, ... without gaps or repeats"
    keys_of_periods = periods.column("case_key").to_pylist()
    twice = next(key for key, count in Counter(keys_of_periods).items() if count > 1)
    repeated = [0 if key == twice else i for key, i in zip(keys_of_periods, index, strict=True)]
    yield (
        "repeated index",
        CaseTables(cases, periods.set_column(1, "period", pa.array(repeated, pa.int32())), tasks),
        f"the indexes of case {twice} must be 0, 1, 2, ... without gaps or repeats",
    )
    yield (
        "no case at all",
        CaseTables(cases.slice(0, 0), periods, tasks.slice(0, 0)),
        f"{periods.num_rows} rows belong to a case key that is not in the cases table (e.g. {keys_of_periods[0]})",
    )
    yield (
        "unknown column",
        CaseTables(cases.append_column("colour", pa.array(["red"] * 20)), periods, tasks),
        "cases.colour: unknown column",
    )


@pytest.mark.parametrize(
    ("name", "tables", "message"), list(_broken_tables()), ids=[item[0] for item in _broken_tables()]
)
def test_parquet_whose_tables_are_wrong_is_one_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, tables: CaseTables, message: str
) -> None:
    path = write_parquet(tmp_path / "broken", tables)
    status, out, err = call(capsys, "check", path, "--format", "verdicts", "--lang", "en")
    [row] = verdict_rows(out)
    assert (status, err) == (1, "")
    assert row[:2] == [str(path), "error"]
    assert row[-2] == "CaseError"
    assert message in row[-1]
    status, out, _ = call(capsys, "check", path, "--summary", "--lang", "en")
    assert (status, out) == (1, "1 case: 1 invalid\nInvalid by type: CaseError 1\n")


def test_a_null_index(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tables = cases_to_tables(documents(20, seed=9), keys=[f"K{i}" for i in range(20)])
    tasks = tables.tasks
    index = tasks.column("task").to_pylist()
    bad = tasks.set_column(1, "task", pa.array([None, *index[1:]], pa.int32()))
    path = write_parquet(tmp_path / "broken", CaseTables(tables.cases, tables.periods.slice(0, 0), bad))
    [row] = verdict_rows(call(capsys, "check", path, "--format", "verdicts", "--lang", "en")[1])
    assert "must be 0, 1, 2, ... without gaps or repeats" in row[-1]


def test_parquet_input_that_cannot_be_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "cases.parquet").write_bytes(b"not parquet")
    expected = {
        "da": f"mentorrules check: fejl: kan ikke læse {folder}: en mappe læses som Parquet-input (cases.parquet, periods.parquet og tasks.parquet), og den mangler periods.parquet, tasks.parquet\n",
        "en": f"mentorrules check: error: cannot read {folder}: a directory is read as Parquet input (cases.parquet, periods.parquet and tasks.parquet), and it lacks periods.parquet, tasks.parquet\n",
    }
    for lang in ("da", "en"):
        assert call(capsys, "check", folder, "--summary", "--lang", lang) == (2, "", expected[lang])
    for name in ("periods", "tasks"):
        (folder / f"{name}.parquet").write_bytes(b"")
    assert call(capsys, "check", folder, "--summary", "--lang", "en") == (
        2,
        "",
        f"mentorrules check: error: cannot read {folder / 'cases.parquet'}: not a readable Parquet file\n",
    )
    assert call(capsys, "check", folder, "--summary")[2] == (
        f"mentorrules check: fejl: kan ikke læse {folder / 'cases.parquet'}: ikke en læsbar Parquet-fil\n"
    )


def test_parquet_input_needs_a_columnar_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "audit", cases_to_tables([json.loads(MET.read_text(encoding="utf-8"))]))
    for fmt in ("text", "json", "jsonl", "markdown", "html"):
        assert call(capsys, "check", path, "--format", fmt) == (
            2,
            "",
            f"mentorrules check: fejl: {path} er Parquet-input (en mappe med cases.parquet, periods.parquet og "
            "tasks.parquet), som kun --summary og --format verdicts læser\n",
        )
    assert call(capsys, "check", path, "--lang", "en")[2] == (
        f"mentorrules check: error: {path} is Parquet input (a directory of cases.parquet, periods.parquet and "
        "tasks.parquet), which only --summary and --format verdicts read\n"
    )
    status, _, err = call(capsys, "check", tmp_path, "--format", "jsonl", "--lang", "en")  # no Parquet: a directory
    assert status == 2
    assert err.startswith(f"mentorrules check: error: cannot read {tmp_path}: ")


def test_parquet_is_partitioned_into_arrow_files(tmp_path: Path) -> None:
    """The Parquet files are read a record batch at a time: every batch of the partition is one Arrow file or more."""
    tables = cases_to_tables(documents(300, seed=5), keys=[f"K{i}" for i in range(300)])
    path = write_parquet(tmp_path / "audit", tables)
    spool = tmp_path / "spool"
    spool.mkdir()
    batches = list(columnar.parquet_batches(str(path), str(path), str(spool)))
    assert len(batches) == 1
    assert sum(len(pieces) for pieces in batches[0].pieces) == len(os.listdir(spool)) >= 3
    assert pq.read_metadata(path / "cases.parquet").num_rows == 300


# --- what every format withstands -------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_input_beyond_the_read_limits_is_an_error_in_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str
) -> None:
    """A line longer than 4 MiB and a list item nested 900 deep: each an error line of its case; the rest is read."""
    met = MET.read_text(encoding="utf-8").replace("\n", " ")
    long_lines = tmp_path / "long.jsonl"
    long_lines.write_bytes(
        b"\n".join([met.encode(), b'{"case_id": "' + b"x" * (4 * 1024 * 1024) + b'"}', met.encode()]) + b"\n"
    )
    deep = tmp_path / "deep.json"
    deep.write_text(
        f'[{met}, {{"decision_date": "2024-02-20", "case_id": {"[" * 900}"x"{"]" * 900}}}, {met}]', encoding="utf-8"
    )
    status, out, err = call(capsys, "check", long_lines, deep, "--format", "verdicts", "--jobs", jobs, "--lang", "en")
    assert (status, err) == (1, "")
    rows = verdict_rows(out)
    assert [row[0] for row in rows] == [
        f"{long_lines}:1",
        f"{long_lines}:2",
        f"{long_lines}:3",
        f"{deep}[0]",
        f"{deep}[1]",
        f"{deep}[2]",
    ]
    assert [row[1] for row in rows] == ["met", "error", "met", "met", "error", "met"]
    assert "the line is longer than the read limit of 4 MiB" in rows[1][-1]
    assert "nested too deeply" in rows[4][-1]
    assert call(capsys, "check", long_lines, deep, "--summary", "--jobs", jobs, "--lang", "en")[1].startswith(
        "6 cases: 4 met, 2 invalid\nInvalid by type: CaseError 2\n"
    )


@pytest.mark.parametrize("options", [("--format", "verdicts"), ("--summary",), ("--summary", "--format", "json")])
def test_an_empty_input_is_said_in_both_languages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: tuple[str, ...]
) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n \r\n\n")
    failing = {
        "da": f"mentorrules check: {path}: ingen sag i dette input; et tomt input er ikke en ren revision\n",
        "en": f"mentorrules check: {path}: no case in this input; an empty input is not a clean audit\n",
    }
    hint = {"da": " (med --fail-on-empty er exitstatus 1)", "en": " (with --fail-on-empty the exit status is 1)"}
    for lang in ("da", "en"):
        assert call(capsys, "check", path, *options, "--lang", lang)[::2] == (0, failing[lang][:-1] + hint[lang] + "\n")
        assert call(capsys, "check", path, *options, "--fail-on-empty", "--lang", lang)[::2] == (1, failing[lang])
