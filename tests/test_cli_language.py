"""The command line speaks one language at a time: Danish unless ``--lang en``, its usage errors included."""

from __future__ import annotations

import pytest

from cli_helpers import call
from mentorrules import cli


@pytest.mark.parametrize(
    ("args", "danish", "english"),
    [
        (
            ["check", "x.json", "--jobs", "0"],
            "argument --jobs: skal være 1 eller mere, ikke 0",
            "must be 1 or more, not 0",
        ),
        (["check", "x.json", "--jobs", "two"], "argument --jobs: ikke et helt tal: 'two'", "not a whole number: 'two'"),
        (["check"], "disse argumenter mangler: FILE", "the following arguments are required: FILE"),
        (
            ["check", "x.json", "--format", "pdf"],
            "argument --format: ugyldigt valg: 'pdf' (vælg mellem",
            "invalid choice",
        ),
        (
            ["check", "x.json", "--interpret", "ambiguous_dates"],
            "argument --interpret: forventede NØGLE=VÆRDI, ikke 'ambiguous_dates'",
            "expected KEY=VALUE, not 'ambiguous_dates'",
        ),
        (["rules", "--colour"], "ukendte argumenter: --colour", "unrecognized arguments: --colour"),
        (["check", "x.json", "--jobs"], "argument --jobs: forventer én værdi", "expected one argument"),
        (
            ["plan", "2025-02-30"],
            "ikke en gyldig dato: '2025-02-30' (dagen findes ikke i måneden)",
            "(day is out of range",
        ),
        (["plan", "2025-13-01"], "ikke en gyldig dato: '2025-13-01' (måneden skal ligge i 1..12)", "(month must be in"),
    ],
)
def test_usage_errors_in_the_language_of_the_run(
    capsys: pytest.CaptureFixture[str], args: list[str], danish: str, english: str
) -> None:
    status, out, err = call(capsys, *args)
    assert (status, out) == (2, "")
    assert f": fejl: {danish}" in err
    status, out, err = call(capsys, *args, "--lang", "en")
    assert (status, out) == (2, "")
    assert ": error: " in err
    assert english in err
    assert "fejl" not in err


def test_a_message_without_a_danish_wording_is_shown_as_argparse_words_it() -> None:
    assert cli._danish_usage_error("something new") == "something new"


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["check", "x", "--lang", "en"], "en"),
        (["check", "x", "--lang=en"], "en"),
        (["check", "x", "--lang", "da"], "da"),
        (["check", "x", "--lang"], "da"),
        (["check", "en"], "da"),
        ([], "da"),
    ],
)
def test_the_language_is_read_before_the_command_line_is_parsed(argv: list[str], lang: str) -> None:
    assert cli._argv_language(argv) == lang


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("da", "3.000 sager: 1.500 opfyldt, 1.500 ugyldige"), ("en", "3,000 cases: 1,500 met, 1,500 invalid")],
)
def test_every_count_of_the_summary_is_written_as_the_language_writes_numbers(lang: str, expected: str) -> None:
    assert cli._summary({"met": 1500, "error": 1500}, lang) == expected
