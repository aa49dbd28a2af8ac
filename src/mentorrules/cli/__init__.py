"""
The command line (*kommandolinjen*): ``mentorrules`` and ``python -m mentorrules``.

Commands (DESIGN section 8)::

    mentorrules check FILE... [--format text|json|jsonl|markdown|html|verdicts] [--summary]
                              [--lang da|en] [--interpret KEY=VALUE ...] [--jobs N] [--fail-on-empty]
    mentorrules schema case|decision
    mentorrules rules [--lang da|en] [--format text|json]
    mentorrules plan START [--interpret KEY=VALUE ...] [--lang da|en]
    mentorrules demo [--lang da|en]
    mentorrules --version

``check`` reads ``.json`` files (one case, or a JSON list of cases),
``.jsonl`` files (one case per line; blank lines are skipped) and ``-``
(standard input).  Standard input, and a file with any other name, is
detected by its first non-blank line: a line that starts with ``{`` and ends
with ``}`` makes it JSON lines, anything else one JSON document.  A leading
byte-order mark and CRLF line ends are accepted.

Every case yields one record, in input order, and every record names its
``SOURCE``, where the case was read (DESIGN section 8, contract 2):

* ``FILE:N`` for the case on line ``N`` (1-based) of a JSON-lines input;
* ``FILE`` for a JSON document holding one case, and for the one error of a
  JSON document that cannot be read (not JSON, too large);
* ``FILE[i]`` for the item ``i`` of a JSON list, counted from 0 as the paths
  of the case format are (``periods[0]``);
* ``FILE`` is the path as given on the command line, and ``-`` for standard
  input (``-:N``, ``-``, ``-[i]``).

With ``--format json`` or ``jsonl`` a decision's record is its
``Decision.to_dict()`` with ``"source": SOURCE`` added as its last key.  An
invalid case (a :class:`~mentorrules.CaseError`, an
:class:`~mentorrules.UnsupportedDateError`, or a line that is not JSON) yields
an error record in its place, ``{"error": {...}, "source": SOURCE}``, where
``error`` is the exception's ``to_dict()``.  The text format heads each record
with its source; the Markdown and HTML reports name it beside the case id, so
two cases with the same ``case_id`` are told apart.

Nothing a case holds ends the run.  Input beyond the read limits (DESIGN
section 3; docs/formats.md) is an invalid case in its place, found before it is
decoded: a line of more than 4 MiB (read past, never held whole), a case of a
list or a one-case document of more than 4 MiB, a case nested more than 64
levels deep, a JSON document of more than 64 MiB (one error for the document:
use JSON lines for more cases).  An unexpected exception while one case is
handled (a bug) becomes that case's :class:`InternalError` record, whose
message names the exception's type and place but never its text, and the run
goes on.  An input that holds no case is reported on standard error.

Exit status, the highest that applies: 0 when every case is met (also when
there are none); 1 when any case is not met, not resolved (any verdict but
``met``) or invalid, or, with ``--fail-on-empty``, when an input holds no case;
2 for a usage error or an unreadable file (missing, a directory, or bytes that
are not UTF-8: those cases are reported in place, the run goes on and the
status is 2), or an output that cannot be written; 3 when a case met an
internal error.  ``SIGINT`` and ``SIGTERM``
stop the run with status 130 and 143: the records in hand are written first
(for at most two seconds), the output is ended after the last whole record,
the workers are terminated and the spool is removed (see :class:`_Signals`).

With ``--jobs N`` the cases are evaluated by ``N`` worker processes.  The main
process cuts the input into blocks of about 256 KiB (of a regular JSON-lines
file it sends only each block's place, and the worker reads the block itself);
the workers split, load, evaluate and serialise them, and the main process
writes the finished output text in input order.  At most ``2 * N`` blocks are
in flight, so memory stays constant on inputs of any length, and the output is
byte-identical to ``--jobs 1``.  A worker hands its output over in a temporary
file (a *spool* file, in a directory of its own under the system's temporary
directory, removed when the run ends) rather than through the pipe to the main
process: the main process copies the file to standard output inside the kernel
(``sendfile``, where the platform has it) and deletes it, which costs a
fraction of sending some 14 KB per decision through a pipe and unpickling it.
The spool directory is named ``mentorrules-check-PID-...`` after the main
process; one that a run killed with ``SIGKILL`` left is removed by the next run
with workers.  The workers exit by themselves when the main process is gone.
A progress count is written to standard error while it is a terminal.

``--summary`` (text, or one JSON object with ``--format json``) and ``--format verdicts``
(one tab-separated line per case: its source, the aggregate verdict, the law version, each
rule's verdict, and an error's type and message) compute the verdicts through the columnar
path (:mod:`mentorrules.columnar`, the extra ``columnar``: without pyarrow they are a usage
error), a batch of some ten thousand cases at a time, and never build a decision record;
they also read Parquet input, a directory of ``cases.parquet``, ``periods.parquet`` and
``tasks.parquet``, whose cases' sources are ``DIR[KEY]`` (see :mod:`mentorrules.cli._columnar`).
Their sources, errors and exit statuses are those of every format.

The output of every command is UTF-8, whatever the declared encoding of
standard output; help and messages escape what their stream cannot encode.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import re
import shlex
import shutil
import signal
import stat
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, timedelta
from functools import partial
from importlib import resources
from types import MappingProxyType
from typing import IO, Any, Final, NamedTuple, NoReturn, TextIO

import attrs

from mentorrules._version import __version__
from mentorrules.batch import Result, dumps_results, evaluate_one, loads_results, map_ordered
from mentorrules.cli._output import Output as _Output
from mentorrules.codec.cases import case_schema, load_case
from mentorrules.engine.evaluate import rule_catalogue
from mentorrules.law.interpretation import AmbiguousDates, Interpretation
from mentorrules.model.cpr import withhold_cpr
from mentorrules.model.exceptions import CaseError, FieldError, Message, Messages, UnsupportedDateError
from mentorrules.model.facts import Case
from mentorrules.model.generated import (
    FIELD_MESSAGES,
    JSON_TOO_DEEP_MESSAGE,
    JSON_TOO_LARGE_MESSAGE,
    MAX_JSON_BYTES,
    decode_json,
    decoder_detail,
    grouped,
    key_text,
    os_reason,
    utf8_reason,
)
from mentorrules.model.outcomes import VERDICT_WORDS, Decision, Verdict
from mentorrules.model.references import LegalReference
from mentorrules.model.words import counted, number
from mentorrules.planning import Window, next_period_window, period_window


__all__ = ["main"]

EXIT_OK = 0
EXIT_UNRESOLVED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

#: The formats of decision records (each case evaluated on its own, its record rendered).
FORMATS = ("text", "json", "jsonl", "markdown", "html")
#: The formats of the columnar path (verdicts only, no records): ``--format verdicts`` (and ``--summary``).
COLUMNAR_FORMATS = ("verdicts",)
LANGS = ("da", "en")

#: Bytes of JSON lines sent to a worker at a time (completed to the end of a line).
_BLOCK = 256 * 1024
#: Cases of a JSON list sent to a worker at a time (at most; and at most about ``_BLOCK`` bytes of them).
_ITEMS = 256
#: The read limit of one line of JSON lines: one case, so the limit of one JSON document (4 MiB).
_MAX_LINE = MAX_JSON_BYTES
#: The read limit of a JSON document that holds a list of cases (64 MiB, some 30,000 cases): its bytes are held
#: while its items are cut out of it, a window at a time (:class:`_Window`), and peak memory stays below 200 MB.
_MAX_DOCUMENT = 64 * 1024 * 1024
#: Bytes read at a time while reading past a line longer than the limit.
_PIECE = 1024 * 1024
#: Bytes of a JSON list decoded at a time (:class:`_Window`): room for a case of the largest size, and as much again.
_WINDOW = 2 * MAX_JSON_BYTES
#: The source name of standard input.
_STDIN = "-"
#: The signals that stop ``check`` (exit status 128 + the signal's number: 130 and 143), and the alarm that
#: bounds the time a stop waits for the records in hand to be written.
_STOP_SIGNALS: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)
_ALARM_SIGNALS: tuple[int, ...] = (signal.SIGALRM,) if hasattr(signal, "SIGALRM") else ()
_STOPPED: Mapping[int, str] = MappingProxyType({signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"})
_BOM = b"\xef\xbb\xbf"
_RULE = "-" * 72
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})

#: The verdict words of every text (outcomes.VERDICT_WORDS), and the word for a case that could not be read.
_VERDICT_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType({**VERDICT_WORDS[lang], "error": error, "internal": internal})
        for lang, error, internal in (("da", "ugyldig", "intern fejl"), ("en", "invalid", "internal error"))
    }
)

_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                "case": "sag",
                "cases": "sager",
                "invalid_case": "Ugyldig sag",
                "internal_error": "Intern fejl",
                "per_case": "pr. sag",
                "per_period": "pr. periode",
                "from": "fra",
                "unverified": "ikke verificeret",
                "added": "tilføjet",
                "dropped": "udgår",
                "now": "kilden er nu",
                "was": "før:",
                "new_address": "samme henvisninger, ny adresse på kilden",
                "now_verified": "nu verificeret",
                "now_unverified": "nu ikke verificeret",
                "demo_title": "Eksempelsager vurderet af mentorrules {version} (LAB §§ 167-171)",
                "file": "Fil",
                "case_id": "Sag",
                "verdict": "Afgørelse",
                "demo_hint": "Den fulde begrundelse for en sag:\n  {command}",
                "summary_errors": "Ugyldige efter type",
                "summary_law": "Regelsæt {law}: {cases}",
                "summary_rule": "Regel",
                "summary_overall": "(samlet afgørelse)",
                "summary_note": (
                    "En regel pr. periode tælles én gang pr. sag: med den mest alvorlige afgørelse over sagens "
                    "perioder."
                ),
                "plan_title": "Mentorstøtte i en periode med start {start}: højst 6 måneder ({citation})",
                "plan_law": "Regelsæt: {law} ({source})",
                "plan_next_law": "den nye periode følger regelsættet {law} ({source})",
                "plan_end": "Seneste slutdato:",
                "plan_next_start": "Næste periode kan starte:",
                "plan_next_end": "og senest slutte:",
                "plan_readings": "datoen findes ikke i måneden; til borgerens fordel {favour}, strikst {strict}",
                "plan_chosen": "fortolkning: ambiguous_dates={mode}",
                "plan_new_period": "En ny periode ved udløb af en periode kræver en konkret vurdering ({citation}).",
                "plan_new_period_2014": (
                    "Aftalen kan højst indgås for 6 måneder med mulighed for forlængelse ({citation}); at en ny "
                    "periode kræver en konkret vurdering, er bibliotekets læsning."
                ),
            }
        ),
        "en": MappingProxyType(
            {
                "case": "case",
                "cases": "cases",
                "invalid_case": "Invalid case",
                "internal_error": "Internal error",
                "per_case": "per case",
                "per_period": "per period",
                "from": "from",
                "unverified": "not verified",
                "added": "added",
                "dropped": "no longer cited",
                "now": "the source is now",
                "was": "was:",
                "new_address": "the same references, a new address of the source",
                "now_verified": "now verified",
                "now_unverified": "now not verified",
                "demo_title": "Example cases evaluated by mentorrules {version} (LAB §§ 167-171)",
                "file": "File",
                "case_id": "Case",
                "verdict": "Verdict",
                "demo_hint": "The full reasoning of one case:\n  {command}",
                "summary_errors": "Invalid by type",
                "summary_law": "Law version {law}: {cases}",
                "summary_rule": "Rule",
                "summary_overall": "(overall verdict)",
                "summary_note": "A per-period rule counts once per case: by the most pressing verdict over its periods.",
                "plan_title": "Mentor support in a period starting {start}: at most 6 months ({citation})",
                "plan_law": "Law version: {law} ({source})",
                "plan_next_law": "the new period follows the law version {law} ({source})",
                "plan_end": "Latest end:",
                "plan_next_start": "A new period may start:",
                "plan_next_end": "and end at the latest:",
                "plan_readings": "the day does not exist in the month; favouring the citizen {favour}, strict {strict}",
                "plan_chosen": "interpretation: ambiguous_dates={mode}",
                "plan_new_period": "A new period at the expiry of a period requires a concrete assessment ({citation}).",
                "plan_new_period_2014": (
                    "The agreement may be made for at most 6 months with the possibility of extension ({citation}); "
                    "that a new period requires a concrete assessment is the library's reading."
                ),
            }
        ),
    }
)


#: What the command line says about its input and its run, in Danish and English.
_MESSAGES: Final = Messages(
    {
        "error": ("{command}: fejl: {problem}", "{command}: error: {problem}"),
        "internal": ("{command}: intern fejl: {problem}", "{command}: internal error: {problem}"),
        "cannot_read": ("kan ikke læse {path}: {reason}", "cannot read {path}: {reason}"),
        "not_a_date": (
            "ikke en dato: {text}; skriv den som ÅÅÅÅ-MM-DD, fx 2025-08-31",
            "not a date: {text}; write it as YYYY-MM-DD, e.g. 2025-08-31",
        ),
        "invalid_date": ("ikke en gyldig dato: {text}", "not a valid date: {text}"),
        "line_too_long": (
            "linjen er længere end læsegrænsen på 4 MiB ({limit} byte): {length} byte",
            "the line is longer than the read limit of 4 MiB ({limit} bytes): {length} bytes",
        ),
        "document_too_large": (
            "JSON-dokumentet er større end læsegrænsen på 64 MiB ({limit} byte); skriv én sag pr. linje "
            "(JSON lines), som ikke har nogen grænse for antallet af sager",
            "the JSON document is larger than the read limit of 64 MiB ({limit} bytes); write one case per line "
            "(JSON lines), which has no limit on the number of cases",
        ),
        "wrapper": (
            "dette er ikke en sag, men et objekt, der indeholder en (dets nøgler er {keys}): sagen er objektet "
            "under {key}; kontrollér det objekt alene (fx jq -c '.{name}' FIL | mentorrules check -)",
            "this is not a case but an object that holds one (its keys are {keys}): the case is the object "
            "under {key}; check that object alone (e.g. jq -c '.{name}' FILE | mentorrules check -)",
        ),
        "unreadable": (
            "{source}: kan ikke læses: byte'ne er ikke UTF-8",
            "{source}: cannot read: the bytes are not UTF-8",
        ),
        "case_internal": ("{source}: intern fejl: {problem}", "{source}: internal error: {problem}"),
        "empty": (
            "{source}: ingen sag i dette input; et tomt input er ikke en ren revision",
            "{source}: no case in this input; an empty input is not a clean audit",
        ),
        "empty_hint": (
            "{source}: ingen sag i dette input; et tomt input er ikke en ren revision (med {option} er exitstatus 1)",
            "{source}: no case in this input; an empty input is not a clean audit (with {option} the exit status is 1)",
        ),
        "bug": (
            "en uventet {kind} {where}; det er en fejl i mentorrules {version}: rapportér den gerne "
            "(undtagelsens egen tekst er tilbageholdt: den kan indeholde inputtets data)",
            "an unexpected {kind} {where}; this is a bug in mentorrules {version}: please report it "
            "(the exception's own text is withheld: it may hold the input's data)",
        ),
        "raised_at": ("i {module}, linje {line} ({function})", "in {module}, line {line} ({function})"),
        "no_pyarrow": (
            "{option} regner med kolonner og kræver pyarrow og numpy, som ikke er installeret: "
            'pip install "mentorrules[columnar]"',
            "{option} computes over columns and needs pyarrow and numpy, which are not installed: "
            'pip install "mentorrules[columnar]"',
        ),
        "summary_format": (
            "--summary skrives som tekst eller JSON (--format text eller json), ikke {format}",
            "--summary is written as text or JSON (--format text or json), not {format}",
        ),
        "parquet_only": (
            "{path} er Parquet-input (en mappe med cases.parquet, periods.parquet og tasks.parquet), som kun "
            "--summary og --format verdicts læser",
            "{path} is Parquet input (a directory of cases.parquet, periods.parquet and tasks.parquet), which only "
            "--summary and --format verdicts read",
        ),
        "parquet_missing": (
            "kan ikke læse {path}: en mappe læses som Parquet-input (cases.parquet, periods.parquet og "
            "tasks.parquet), og den mangler {missing}",
            "cannot read {path}: a directory is read as Parquet input (cases.parquet, periods.parquet and "
            "tasks.parquet), and it lacks {missing}",
        ),
        "parquet_unreadable": (
            "kan ikke læse {path}: ikke en læsbar Parquet-fil",
            "cannot read {path}: not a readable Parquet file",
        ),
        "no_traceback": ("(uden traceback)", "(no traceback)"),
    }
)
#: How a stopped run is named, by signal.
_STOPPED_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"interrupted": ("afbrudt", "interrupted"), "terminated": ("stoppet", "terminated")}
)


def _say(key: str, lang: str, **params: str | tuple[str, str] | Message) -> str:
    """Return the message ``key`` of the command line in ``lang``."""
    return _MESSAGES.of(key, **params).text(lang)


class _UsageError(Exception):
    """
    A usage error found after parsing: printed as ``mentorrules COMMAND: fejl: ...`` (``error:``), exit status 2.

    It holds its messages in both languages (joined by ``"; "`` when there are several); ``str()`` is the English.
    """

    def __init__(self, *messages: Message | tuple[str, str]) -> None:
        """Create the error from its messages (a :class:`Message`, or a pair of texts: Danish, English)."""
        self.messages = messages
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """Return the messages in ``lang``."""
        return "; ".join(_in(message, lang) for message in self.messages)


def _in(message: Message | tuple[str, str], lang: str) -> str:
    """Return a message, or one of a pair of texts (Danish, English), in ``lang``."""
    if isinstance(message, tuple):
        return message[0] if lang == "da" else message[1]
    return message.text(lang)


# --- output --------------------------------------------------------------------


class _Progress:
    """A count of cases on standard error, redrawn at most every ``interval`` seconds; silent without a stream."""

    def __init__(
        self, stream: TextIO | None, lang: str, *, clock: Callable[[], float] = time.monotonic, interval: float = 0.1
    ) -> None:
        self._stream = stream
        self._lang = lang
        self._clock = clock
        self._interval = interval
        self._last = clock()
        self._count = 0
        self._shown = False

    def update(self, count: int) -> None:
        """Add ``count`` cases; redraw if the last redraw is old enough."""
        self._count += count
        if self._stream is None:
            return
        now = self._clock()
        if now - self._last >= self._interval:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        assert self._stream is not None
        self._stream.write(f"\r{counted(self._count, 'case', self._lang)}")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """Draw the final count and end the line (only if anything was drawn)."""
        if self._shown:
            self._draw()
            assert self._stream is not None
            self._stream.write("\n")
            self._stream.flush()


def _discard_stdout() -> None:
    """After a broken pipe, point standard output at the null device so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a real file: a notebook or a test's capture
        pass


# --- arguments -------------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, not {text!r}")
    return key.strip(), value.strip()


def _interpret_value(value: str) -> str | bool:
    """Read an ``--interpret`` value: ``true/false/yes/no/1/0`` as booleans, anything else as an enum string."""
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    return value


def _interpretation(pairs: Sequence[tuple[str, str]]) -> Interpretation:
    """Build the interpretation from ``--interpret KEY=VALUE`` pairs (later ones win)."""
    choices = {key: _interpret_value(value) for key, value in pairs}
    try:
        return Interpretation.from_dict(choices)
    except CaseError as exc:
        raise _UsageError(*(_interpret_problem(error) for error in exc.errors)) from None


def _interpret_problem(error: FieldError) -> tuple[str, str]:
    """Word an error of ``--interpret`` by its key, in both languages."""
    return f"--interpret {error.path}: {error.text('da')}", f"--interpret {error.path}: {error.text('en')}"


#: What :meth:`datetime.date.fromisoformat` says of a date that does not exist, in Danish.
_DATE_ERRORS_DA: Mapping[str, str] = MappingProxyType(
    {
        "day is out of range for month": "dagen findes ikke i måneden",
        "month must be in 1..12": "måneden skal ligge i 1..12",
    }
)


def _parse_date(text: str) -> date:
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            detail = str(exc)
            danish = _DATE_ERRORS_DA.get(detail, detail)
            raise _UsageError(
                _MESSAGES.of("invalid_date", text=(f"{text!r} ({danish})", f"{text!r} ({detail})"))
            ) from None
    raise _UsageError(_MESSAGES.of("not_a_date", text=repr(text)))


class _Parser(argparse.ArgumentParser):
    """
    The parser of every command: its usage errors in the language of the run (Danish unless ``--lang en``).

    argparse words its own messages in English; :meth:`error` says the usual ones in Danish
    (:data:`_ARGPARSE_DA`) when the command line asks for no other language.  The usage line and
    ``--help`` stay as argparse writes them.
    """

    language = "da"

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message in the run's language, and exit with status 2."""
        self.print_usage(sys.stderr)
        text = _danish_usage_error(message) if self.language == "da" else message
        word = "fejl" if self.language == "da" else "error"
        self.exit(EXIT_USAGE, f"{self.prog}: {word}: {text}\n")


#: argparse's usual messages (and those of this module's argument types) in Danish: pattern, replacement.
_ARGPARSE_DA: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^the following arguments are required: (.*)$", r"disse argumenter mangler: \1"),
        (r"^unrecognized arguments: (.*)$", r"ukendte argumenter: \1"),
        (r"^ambiguous option: (.*) could match (.*)$", r"tvetydigt tilvalg: \1 kan betyde \2"),
        (
            r"^argument (.*): invalid choice: (.*) \(choose from (.*)\)$",
            r"argument \1: ugyldigt valg: \2 (vælg mellem \3)",
        ),
        (r"^argument (.*): expected one argument$", r"argument \1: forventer én værdi"),
        (r"^argument (.*): expected at least one argument$", r"argument \1: forventer mindst én værdi"),
        (r"^argument (.*): invalid (.*) value: (.*)$", r"argument \1: ugyldig værdi: \3"),
        (r"^argument (.*): not a whole number: (.*)$", r"argument \1: ikke et helt tal: \2"),
        (r"^argument (.*): must be 1 or more, not (.*)$", r"argument \1: skal være 1 eller mere, ikke \2"),
        (r"^argument (.*): expected KEY=VALUE, not (.*)$", r"argument \1: forventede NØGLE=VÆRDI, ikke \2"),
    )
)


def _danish_usage_error(message: str) -> str:
    """Return argparse's ``message`` in Danish where it is one of the usual ones, else as it is."""
    for pattern, replacement in _ARGPARSE_DA:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def _argv_language(argv: Sequence[str]) -> str:
    """The language a command line asks for (``--lang en`` or ``--lang=en``), read before it is parsed."""
    for index, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and argv[index + 1 : index + 2] == ["en"]):
            return "en"
    return "da"


def _parser(language: str = "da") -> argparse.ArgumentParser:
    parser_class = type("_LanguageParser", (_Parser,), {"language": language})
    parser: argparse.ArgumentParser = parser_class(
        prog="mentorrules",
        description="The Danish rules on mentor support (mentorstøtte, LAB §§ 167-171) as code: decision support.",
    )
    parser.add_argument("--version", action="version", version=f"mentorrules {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lang_help = "language of the texts: da (Danish, authoritative; default) or en"
    interpret_help = (
        "an interpretation choice, e.g. ambiguous_dates=strict or strict_mentor_categories=false (repeatable)"
    )

    check = commands.add_parser(
        "check",
        help="evaluate cases from JSON or JSON-lines files",
        description="Evaluate cases and print their decisions in input order. Exit status: 0 all met; "
        "1 any case not met, unresolved or invalid (or, with --fail-on-empty, an input without cases); "
        "2 usage error or unreadable file; 3 internal error (reported in the case's place; the run goes on); "
        "130 after SIGINT, 143 after SIGTERM. The highest applicable status wins.",
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a .json case or list of cases, a .jsonl file, or -; with --summary or --format verdicts also a "
        "directory of cases.parquet, periods.parquet and tasks.parquet",
    )
    check.add_argument(
        "--format",
        choices=FORMATS + COLUMNAR_FORMATS,
        default="text",
        help="output format (default: text); verdicts: one tab-separated line per case, through the columnar path",
    )
    check.add_argument(
        "--summary",
        action="store_true",
        help="print only the counts by verdict, rule and law version (as text, or with --format json as one JSON "
        'object), computed through the columnar path (needs pip install "mentorrules[columnar]")',
    )
    check.add_argument("--lang", choices=LANGS, default="da", help=lang_help)
    check.add_argument(
        "--interpret", action="append", default=[], type=_key_value, metavar="KEY=VALUE", help=interpret_help
    )
    check.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default: 1)")
    check.add_argument(
        "--fail-on-empty",
        action="store_true",
        help="exit with status 1 (at least) when an input holds no case; without it, an empty input is only "
        "reported on standard error",
    )
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="print the JSON Schema of a case or of a decision")
    schema.add_argument("which", choices=("case", "decision"))
    schema.set_defaults(run=_schema)

    rules = commands.add_parser("rules", help="print the rule catalogue with its legal references")
    rules.add_argument("--lang", choices=LANGS, default="da", help=lang_help)
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    rules.set_defaults(run=_rules)

    plan = commands.add_parser("plan", help="latest end of a period starting START, and the next period's window")
    plan.add_argument("start", metavar="START", help="the first day of the period, YYYY-MM-DD")
    plan.add_argument(
        "--interpret", action="append", default=[], type=_key_value, metavar="KEY=VALUE", help=interpret_help
    )
    plan.add_argument("--lang", choices=LANGS, default="da", help=lang_help)
    plan.set_defaults(run=_plan)

    demo = commands.add_parser("demo", help="evaluate the bundled example cases and print a table")
    demo.add_argument("--lang", choices=LANGS, default="da", help=lang_help)
    demo.set_defaults(run=_demo)

    # The cost and practice commands print for themselves.
    from mentorrules.cli.costs import add_costs_parser  # only these commands need the optional modules
    from mentorrules.cli.practice import add_practice_parser

    add_costs_parser(commands).set_defaults(run=_delegate)
    add_practice_parser(commands).set_defaults(run=_delegate)
    return parser


def _delegate(args: argparse.Namespace, out: _Output) -> int:
    """Run a command whose module prints for itself (``costs``, ``practice``)."""
    out.flush()
    status: int = args.func(args)
    return status


def _tolerant_streams() -> None:
    """
    Let standard output and standard error write any text, whatever their encoding.

    A character the encoding cannot hold (Danish text under ``PYTHONIOENCODING=ascii``, say, in ``--help``)
    is written as its backslash escape instead of failing the command.  The commands' own output is
    UTF-8 whatever the encoding (:class:`~mentorrules.cli._output.Output`).
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a text stream of the io module
        if reconfigure is not None:
            with contextlib.suppress(ValueError):  # closed
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line and return its exit status.

    Args:
        argv: The arguments after the program name; ``None`` reads
            ``sys.argv[1:]``.

    Returns:
        0, 1, 2 or 3 (see the module docstring); 130 when interrupted
        (``SIGINT``), 143 when ``check`` is terminated (``SIGTERM``).

    An exception no command expects (a bug) is reported on standard error by its
    type and place, never its text (which may hold a case's data), with status 3.

    The console script runs ``sys.exit(main())``.
    """
    _tolerant_streams()
    parser = _parser(_argv_language(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, and usage errors (already printed by argparse)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    out = _Output(sys.stdout)
    lang = getattr(args, "lang", "da")
    command = f"mentorrules {args.command}"
    try:
        status: int = args.run(args, out)
        out.flush()
    except _UsageError as exc:
        print(_say("error", lang, command=command, problem=exc.text(lang)), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `mentorrules check big.jsonl | head`
        _discard_stdout()
        return EXIT_UNRESOLVED
    except KeyboardInterrupt:
        print(f"{command}: {_in(_STOPPED_WORDS['interrupted'], lang)}", file=sys.stderr)
        return 128 + signal.SIGINT
    except _Stop as stop:
        print(f"{command}: {_in(_STOPPED_WORDS[_STOPPED[stop.signum]], lang)}", file=sys.stderr)
        return 128 + stop.signum
    except OSError as exc:  # the output cannot be written (a full disk), an input vanished while it was read
        print(_say("error", lang, command=command, problem=_os_problem(exc)), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug outside any one case
        print(_say("internal", lang, command=command, problem=InternalError.of(exc).text(lang)), file=sys.stderr)
        return EXIT_INTERNAL
    return status


def _os_problem(error: OSError) -> tuple[str, str]:
    """Say why a file could not be read or written, in both languages, naming the file (CPR-like parts withheld)."""
    danish, english = os_reason(error)
    where = f": {_label(os.fsdecode(error.filename))}" if error.filename is not None else ""
    return danish + where, english + where


# --- check: reading ----------------------------------------------------------------


class _Chunk(NamedTuple):
    """
    A piece of input for one worker.

    Attributes:
        label: The input's name (the path as given, or ``-`` for standard input).
        start: Line number of the first line of ``block``.
        block: Whole JSON lines (``b""`` when ``items`` is used).
        items: ``(source, case)`` pairs, after the lines of ``block``; a case is a decoded JSON value, JSON
            text, undecodable bytes, or a case refused while it was read (:class:`_Refused`).
        path: Where the worker reads ``block`` itself, if it is not sent:
            the file, with the block's byte ``offset`` and ``size``.
        lines: The line feeds of the block (sent or not): what the columnar ``check`` counts its cases by.
    """

    label: str
    start: int
    block: bytes
    items: tuple[tuple[str, object], ...]
    path: str | None = None
    offset: int = 0
    size: int = 0
    lines: int = 0


class _Refused(NamedTuple):
    """
    A case refused while it was read, before anything was decoded: the worker reports it as a ``CaseError``.

    Attributes:
        message: What is wrong, in both languages (the error's only field error has the path ``""``).
        unreadable: The bytes are not UTF-8 (exit status 2, as for any unreadable input).
    """

    message: Message
    unreadable: bool = False


def _refused(label: str, start: int, source: str, message: Message, *, unreadable: bool = False) -> _Chunk:
    return _Chunk(label, start, b"", ((source, _Refused(message, unreadable)),))


def _input_kind(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".jsonl", ".ndjson"):
        return "lines"
    if suffix == ".json":
        return "document"
    return "sniff"


def _skip_line(stream: IO[bytes], line: bytes) -> tuple[int, Message | None]:
    """
    Read past the rest of a line longer than the read limit, a piece at a time, never holding it whole.

    Args:
        stream: The input, just after ``line``.
        line: The line's first bytes.

    Returns:
        How many bytes the line takes (its line feed included), and the error for it (``None``: it is blank).
    """
    size = len(line)
    blank = not line.strip()
    while line and not line.endswith(b"\n"):
        line = stream.readline(_PIECE)
        size += len(line)
        blank = blank and not line.strip()
    length = size - line.endswith(b"\n")
    message = _MESSAGES.of("line_too_long", limit=grouped(_MAX_LINE), length=grouped(length))
    return size, None if blank else message


def _line_chunks(
    label: str, stream: IO[bytes], head: bytes = b"", *, path: str | None = None, start: int = 1
) -> Iterator[_Chunk]:
    """
    Cut JSON lines into blocks of whole lines.

    With ``path`` (a regular file read from its start), a block is not sent to the worker but
    referred to by its offset and size in the file: the worker reads it itself, and only the line
    count is worked out here.  A line longer than the read limit is not kept: it is read past, a piece
    at a time, and becomes an error in its place (a blank one is skipped, as any blank line is).
    """
    offset = 0
    block = head + stream.read(_BLOCK)
    if block.startswith(_BOM):
        block = block[len(_BOM) :]
        offset = len(_BOM)
    while block:
        items: tuple[tuple[str, object], ...] = ()
        skipped = 0
        if not block.endswith(b"\n"):  # complete the last line, up to one byte past the limit
            cut = block.rfind(b"\n") + 1
            line = block[cut:] + stream.readline(_MAX_LINE + 1 - (len(block) - cut))
            if len(line) - line.endswith(b"\n") <= _MAX_LINE:
                block = block[:cut] + line
            else:
                block = block[:cut]
                skipped, message = _skip_line(stream, line)
                if message is not None:
                    number = start + block.count(b"\n")
                    items = ((f"{label}:{number}", _Refused(message)),)
        lines = block.count(b"\n")
        if path is None:
            yield _Chunk(label, start, block, items, lines=lines)
        else:
            yield _Chunk(label, start, b"", items, path, offset, len(block), lines)
        start += lines + (skipped > 0)
        offset += len(block) + skipped
        block = stream.read(_BLOCK)


#: White space as JSON has it.
_SPACE = re.compile(r"[ \t\n\r]*")
_SPACE_BYTES = re.compile(rb"[ \t\n\r]*")


def _after_space(text: str, position: int) -> int:
    """Return where the white space at ``position`` ends."""
    match = _SPACE.match(text, position)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _after_space_bytes(data: bytes, position: int) -> int:
    """Return where the white space at ``position`` ends, in bytes."""
    match = _SPACE_BYTES.match(data, position)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed (a number must be finite)")


def _scanner() -> json.JSONDecoder:
    """
    Return a decoder that only checks the syntax, as the case reader has it (``NaN`` and ``Infinity`` are not JSON).

    Numbers and objects are not built: their hooks are cheap.  One is made for each document (a decoder's
    attributes can be set, so none is shared).
    """
    return json.JSONDecoder(parse_int=len, parse_float=len, parse_constant=_no_constant, object_pairs_hook=len)


def _array_items(text: str, start: int) -> Iterator[tuple[int, int]]:
    """
    Yield where each item of the JSON array at ``text[start]`` (a ``[``) begins and ends.

    Raises:
        ValueError: The text is not one JSON array (a :class:`json.JSONDecodeError`).
        RecursionError: An item nests deeper than the decoder goes.
    """
    scanner = _scanner()
    position = _after_space(text, start + 1)
    if not text.startswith("]", position):
        while True:
            _, end = scanner.raw_decode(text, position)
            yield position, end
            position = _after_space(text, end)
            if not text.startswith(",", position):
                break
            position = _after_space(text, position + 1)
        if not text.startswith("]", position):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
    end = _after_space(text, position + 1)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)


def _too_large(label: str) -> _Chunk:
    return _refused(label, 1, label, _MESSAGES.of("document_too_large", limit=grouped(_MAX_DOCUMENT)))


class _Fallback(Exception):
    """The window cannot go on (the document is not JSON, not UTF-8, or holds a huge item): read it whole."""


class _Window:
    """
    A JSON array in UTF-8 bytes, decoded a window of at most ``_WINDOW`` bytes at a time.

    :meth:`items` yields the text of each item.  A valid document is read through with little
    memory beyond its bytes: the text of a document is up to four times the size of its bytes
    (one character beyond U+FFFF makes every character of a Python string take four bytes),
    while a window's is bounded.  Anything unusual (the document is not valid, an item does not
    fit in a window) raises :class:`_Fallback` or :class:`UnicodeDecodeError`, and the document is
    then read whole (:func:`_whole_document_chunks`), which words the error exactly.
    """

    def __init__(self, data: bytes, start: int) -> None:
        self._data = data
        self._scanner = _scanner()
        self._load(start)

    def _load(self, base: int) -> None:
        stop = min(base + _WINDOW, len(self._data))
        while stop < len(self._data) and self._data[stop] & 0xC0 == 0x80:  # not inside a character
            stop -= 1
        self._text = self._data[base:stop].decode("utf-8")
        self._base = base
        self._at = 0
        self._last = stop == len(self._data)

    def _slide(self) -> None:
        """Move the window on to start where the reading is."""
        if self._last or self._at == 0:
            raise _Fallback
        self._load(self._base + len(self._text[: self._at].encode("utf-8")))

    def _skip_space(self) -> None:
        while True:
            self._at = _after_space(self._text, self._at)
            if self._at < len(self._text) or self._last:
                return
            self._slide()

    def _item(self) -> str:
        while True:
            try:
                _, end = self._scanner.raw_decode(self._text, self._at)
            except (ValueError, RecursionError):  # not JSON, or cut by the window's end
                self._slide()
                continue
            if end == len(self._text) and not self._last:  # a number may go on after the window
                self._slide()
                continue
            item = self._text[self._at : end]
            self._at = end
            return item

    def items(self) -> Iterator[str]:
        """Yield the text of each item of the array (the window starts at its ``[``)."""
        self._at += 1
        self._skip_space()
        if not self._text.startswith("]", self._at):
            while True:
                yield self._item()
                self._skip_space()
                if not self._text.startswith(",", self._at):
                    break
                self._at += 1
                self._skip_space()
            if not self._text.startswith("]", self._at):
                raise _Fallback
        self._at += 1
        self._skip_space()
        if self._at != len(self._text):
            raise _Fallback


def _document_chunks(label: str, data: bytes) -> Iterator[_Chunk]:
    """
    Read a JSON document of at most ``_MAX_DOCUMENT`` bytes (``data`` is one byte more when it is larger).

    The document is a list of cases, one case, or nothing (white space only).  A list is first
    read through, so that a list that is not JSON is one error, before any of it is reported; then
    its items are sent to the workers as JSON text, which they decode within the read limits of one
    case.  The decoded document is never held, and its text only a window at a time (:class:`_Window`).
    The source of its one case, or of its error, is the input's name; of a list's item, ``NAME[i]``.
    """
    source = label
    if len(data) > _MAX_DOCUMENT:
        yield _too_large(label)
        return
    first = _after_space_bytes(data, len(_BOM) if data.startswith(_BOM) else 0)
    if first == len(data):
        return
    if data[first] != ord("["):  # one case (or not JSON): load_case reads it, within the limits of one case
        yield _Chunk(
            label, 1, b"", ((source, data if len(data) <= MAX_JSON_BYTES else _Refused(JSON_TOO_LARGE_MESSAGE)),)
        )
        return
    try:
        for _ in _Window(data, first).items():
            pass
    except (_Fallback, UnicodeDecodeError):
        yield from _whole_document_chunks(label, data)
        return
    yield from _item_chunks(label, _Window(data, first).items())


def _whole_document_chunks(label: str, data: bytes) -> Iterator[_Chunk]:
    """Read a JSON array whose window could not go on, decoded whole: an error of the document, or a huge item."""
    source = label
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = FIELD_MESSAGES.of("json.not_utf8", reason=utf8_reason(exc.reason), position=str(exc.start))
        yield _refused(label, 1, source, message, unreadable=True)
        return
    first = _after_space(text, 0)
    try:
        for _ in _array_items(text, first):
            pass
    except ValueError as exc:  # json.JSONDecodeError
        yield _refused(label, 1, source, FIELD_MESSAGES.of("json.invalid", detail=decoder_detail(exc)))
        return
    except RecursionError:
        yield _refused(label, 1, source, JSON_TOO_DEEP_MESSAGE)
        return
    yield from _item_chunks(label, (text[begin:end] for begin, end in _array_items(text, first)))


def _item_chunks(label: str, items: Iterable[str]) -> Iterator[_Chunk]:
    """
    Send the items of a JSON list in chunks of ``_ITEMS`` cases or about ``_BLOCK`` characters of text.

    An item's source is ``NAME[i]``, ``i`` counted from 0 as in the paths of the case format (``periods[0]``).
    """
    batch: list[tuple[str, object]] = []
    size = 0
    number = 0
    for number, item in enumerate(items, 1):
        batch.append(
            (f"{label}[{number - 1}]", item if len(item) <= MAX_JSON_BYTES else _Refused(JSON_TOO_LARGE_MESSAGE))
        )
        size += len(item)
        if len(batch) == _ITEMS or size >= _BLOCK:
            yield _Chunk(label, number - len(batch) + 1, b"", tuple(batch))
            batch, size = [], 0
    if batch:
        yield _Chunk(label, number - len(batch) + 1, b"", tuple(batch))


def _sniffed_chunks(label: str, stream: IO[bytes]) -> Iterator[_Chunk]:
    """
    Read standard input (or a file of another name): JSON lines if the first non-blank line is an object.

    The first lines are read within the read limits: a first line longer than a case may be, that
    starts like an object, is taken for JSON lines (and refused in its place).
    """
    line = stream.readline(_MAX_LINE + 1).removeprefix(_BOM)
    start = 1
    blank: list[bytes] = []
    blank_size = 0
    while line and not line.strip():
        start += line.count(b"\n")
        blank_size += len(line)
        if blank_size <= _MAX_DOCUMENT:
            blank.append(line)
        line = stream.readline(_MAX_LINE + 1)
    first = line.strip()
    if first.startswith(b"{") and len(line) > _MAX_LINE and not line.endswith(b"\n"):  # too long for a case
        _, message = _skip_line(stream, line)
        assert message is not None  # it starts with "{"
        yield _refused(label, start, f"{label}:{start}", message)
        yield from _line_chunks(label, stream, start=start + 1)
    elif first.startswith(b"{") and first.endswith(b"}"):
        yield from _line_chunks(label, stream, line, start=start)
    elif blank_size > _MAX_DOCUMENT:
        yield _too_large(label)
    else:
        head = b"".join(blank) + line
        yield from _document_chunks(label, head + stream.read(max(0, _MAX_DOCUMENT + 1 - len(head))))


def _read_chunks(paths: Sequence[str], *, by_reference: bool = False) -> Iterator[_Chunk]:
    """
    Read the inputs in chunks.

    With ``by_reference`` (workers in other processes), the blocks of JSON-lines inputs that are
    regular files are not sent but left for the workers to read (see :func:`_line_chunks`).
    """
    for path in paths:
        if path == "-":
            yield from _sniffed_chunks(_STDIN, sys.stdin.buffer)
            continue
        kind = _input_kind(path)
        label = _label(path)
        with open(path, "rb") as stream:
            if kind == "lines":
                regular = by_reference and stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
                yield from _line_chunks(label, stream, path=path if regular else None)
            elif kind == "document":
                yield from _document_chunks(label, stream.read(_MAX_DOCUMENT + 1))
            else:
                yield from _sniffed_chunks(label, stream)


def _label(path: str) -> str:
    """
    The name an input goes by in the sources and messages: the path as given, ``-`` for standard input.

    A part of the path that looks like a CPR number (a file named after a citizen) is withheld, as it
    is everywhere else in the output (DESIGN section 4, contract 2).
    """
    return withhold_cpr(path)


# --- check: evaluating (in the workers) --------------------------------------------------


class _Options(NamedTuple):
    """
    What a worker needs: the output format (``objects`` for the reports), the language, the interpretation.

    ``spool`` is the directory where a worker process leaves its output for the main process (``None``:
    the output travels in the result itself).
    """

    format: str
    lang: str
    interpretation: Interpretation
    spool: str | None = None


class _ChunkResult(NamedTuple):
    """
    What a worker returns for a chunk.

    Attributes:
        data: The records' output joined by the format's separator (UTF-8),
            or the pickled results for the ``objects`` format; ``b""`` when
            the output was spooled.
        records: How many cases the chunk held.
        counts: Cases by verdict value, ``"error"`` for the invalid ones and ``"internal"`` for those
            whose handling failed (:class:`InternalError`).
        unreadable: Sources of the cases whose bytes are not UTF-8.
        spooled: The spool file holding ``data``, if it was spooled.
        label: The input the chunk was read from.
        internal: ``(source, message)`` of each :class:`InternalError`, the message in the run's language.
        sources: The source of each result, for the ``objects`` format.
    """

    data: bytes
    records: int
    counts: dict[str, int]
    unreadable: tuple[str, ...]
    spooled: str | None = None
    label: str = ""
    internal: tuple[tuple[str, str], ...] = ()
    sources: tuple[str, ...] = ()


class InternalError(CaseError):
    """
    An unexpected exception while one case was handled: a bug in mentorrules, reported in the case's place.

    ``check`` turns it into the case's record, ``{"error": {"type": "InternalError", "message": ...},
    "source": ...}``, goes on with the next case and exits with status 3 (DESIGN section 8).  It is a
    :class:`~mentorrules.CaseError` only so that the Markdown and HTML reports list it as an error of its
    case; it has no field errors.  The message names the exception's type and where it was raised, never
    the exception's own text, which may hold the case's data (a CPR number, say).
    """

    def __init__(self, message: Message) -> None:
        """Create the error from its message in both languages (see :meth:`of`)."""
        self.errors = ()
        self.message = message
        ValueError.__init__(self, message.text("en"))

    @classmethod
    def of(cls, error: BaseException) -> InternalError:
        """Describe ``error`` by its type and the innermost place it was raised."""
        kind = type(error).__name__
        return cls(_MESSAGES.of("bug", kind=kind, where=_raised_at(error), version=__version__))

    def text(self, lang: str = "da") -> str:
        """Return the message in ``lang``."""
        return self.message.text(lang)

    def __reduce__(self) -> tuple[type[InternalError], tuple[Message]]:
        """Pickle the error by its message in both languages (a worker sends it back so)."""
        return InternalError, (self.message,)

    def to_dict(self) -> dict[str, object]:
        """Return ``{"type": "InternalError", "message": ..., "text": {"da": ..., "en": ...}}``."""
        return {"type": "InternalError", "message": str(self), "text": {"da": self.text("da"), "en": str(self)}}


def _raised_at(error: BaseException) -> Message:
    """Say where ``error`` was raised: ``in MODULE, line N (FUNCTION)``, from its innermost traceback entry."""
    trace = error.__traceback__
    if trace is None:
        return _MESSAGES.of("no_traceback")
    while trace.tb_next is not None:
        trace = trace.tb_next
    frame = trace.tb_frame
    module = str(frame.f_globals.get("__name__", "?"))
    return _MESSAGES.of("raised_at", module=module, line=str(trace.tb_lineno), function=frame.f_code.co_name)


#: How the streamed formats frame their records: (before the first, between two, after the last).
_FRAMING: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        "json": ("[\n", ",\n", "\n]\n"),
        "jsonl": ("", "\n", "\n"),
        "text": ("", f"\n{_RULE}\n", "\n"),
    }
)


def _records(chunk: _Chunk) -> Iterator[tuple[str, object]]:
    block = chunk.block
    if chunk.path is not None:
        with open(chunk.path, "rb") as stream:
            stream.seek(chunk.offset)
            block = stream.read(chunk.size)
    for offset, line in enumerate(block.split(b"\n")):
        if line.strip():
            yield f"{chunk.label}:{chunk.start + offset}", line
    yield from chunk.items


def _error_text(source: str, error: CaseError | UnsupportedDateError, lang: str) -> str:
    """Word an error record as text: its source, what it is, and each bad field on a line of its own."""
    heading = _WORDS[lang]["internal_error" if type(error) is InternalError else "invalid_case"]
    if isinstance(error, CaseError) and error.errors:
        lines = [source, f"{heading}: {type(error).__name__}: {counted(len(error.errors), 'bad field', lang)}"]
        lines.extend(f"  - {field.describe(lang)}" for field in error.errors)
    else:
        lines = [source, f"{heading}: {type(error).__name__}: {error.text(lang)}"]
    return "\n".join(lines)


def _render_record(options: _Options, source: str, result: Result) -> str:
    if options.format == "text":
        if isinstance(result, Decision):
            from mentorrules import render  # only the text format needs the renderer

            return f"{source}\n{render.explain(result, options.lang).rstrip()}"
        return _error_text(source, result, options.lang)
    if isinstance(result, Decision):
        return _with_source(result.to_json(indent=None), source)
    return json.dumps({"error": result.to_dict(), "source": source}, ensure_ascii=False)


def _with_source(record: str, source: str) -> str:
    """Add ``"source"`` as the last key of a JSON object written on one line by :func:`json.dumps`."""
    return record[:-1] + ', "source": ' + json.dumps(source, ensure_ascii=False) + "}"


def _decide(case: object, interpretation: Interpretation, source: str, unreadable: list[str]) -> Result:
    """Load and evaluate one case of a chunk (a refused case becomes its ``CaseError``)."""
    loaded = _load(case, source, unreadable)
    return loaded if isinstance(loaded, CaseError) else evaluate_one(loaded, interpretation)


def _load(case: object, source: str, unreadable: list[str]) -> Case | CaseError:
    """
    Load one case of a chunk: the case, or its ``CaseError`` (a refused case's, or ``load_case``'s).

    The source of bytes that are not UTF-8 is added to ``unreadable``.
    """
    if type(case) is _Refused:
        if case.unreadable:
            unreadable.append(source)
        return CaseError([FieldError.of("", case.message)])
    if isinstance(case, bytes):
        try:
            case = case.decode("utf-8")
        except UnicodeDecodeError:
            unreadable.append(source)  # load_case reports the bytes as a CaseError
    try:
        return load_case(case)  # type: ignore[arg-type]  # anything else is load_case's CaseError
    except CaseError as error:
        if any(_unknown_key(field) for field in error.errors):
            return _wrapper_error(case) or error
        return error


def _unknown_key(error: FieldError) -> bool:
    """Whether the case reader found a key that is not a field (its messages ``field.unknown_key*``)."""
    return error.parts is not None and error.parts.key.startswith("field.unknown_key")


#: The keys of a case.
_CASE_KEYS = frozenset(field.name for field in attrs.fields(Case))


def _wrapper_error(case: object) -> CaseError | None:
    """
    Return one error for an object that is not a case but wraps one, or ``None`` when it does not.

    A scenario file (``{"name", "why", "case", "expect"}``) or an export that puts the case under a
    key of its own would otherwise give an unknown-key error for each of its keys and a missing-field
    error for each required field; this says once what it is and where the case is.
    """
    try:
        value = decode_json(case, CaseError) if isinstance(case, str) else case
    except CaseError:  # pragma: no cover - the case reader read it before
        return None
    if not isinstance(value, dict) or _CASE_KEYS & value.keys():
        return None
    inner = [key for key, item in value.items() if isinstance(item, dict) and _CASE_KEYS & item.keys()]
    if not inner:
        return None
    keys = ", ".join(repr(key_text(key)) for key in value)
    name = key_text(inner[0])
    return CaseError([FieldError.of("", _MESSAGES.of("wrapper", keys=keys, key=repr(name), name=name))])


def _check_chunk(options: _Options, chunk: _Chunk) -> _ChunkResult:
    """
    Load, evaluate and render the cases of one chunk (run in a worker process with ``--jobs`` > 1).

    Whatever goes wrong with one case (an exception this library does not expect: a bug) becomes that
    case's :class:`InternalError`, and the next case is handled.
    """
    # Each record is encoded as soon as it is written, while its text is still in the processor's cache: a
    # record is some 14 KB of JSON, and joining a chunk's records before encoding them all costs more.
    parts: list[bytes] = []
    results: list[Result] = []
    sources: list[str] = []
    counts: Counter[str] = Counter()
    unreadable: list[str] = []
    internal: list[tuple[str, str]] = []
    for source, case in _records(chunk):
        try:
            result = _decide(case, options.interpretation, source, unreadable)
            key = result.verdict._value_ if type(result) is Decision else "error"
            text = None if options.format == "objects" else _render_record(options, source, result)
        except Exception as exc:  # a bug: reported in the case's place, and the run goes on
            result = InternalError.of(exc)
            key = "internal"
            internal.append((source, result.text(options.lang)))
            text = None if options.format == "objects" else _render_record(options, source, result)
        counts[key] += 1
        if text is None:
            results.append(result)
            sources.append(source)
        else:
            parts.append(text.encode("utf-8", "backslashreplace"))
    if options.format == "objects":
        data = dumps_results(results)
    else:
        data = _FRAMING[options.format][1].encode("utf-8").join(parts)
    spooled = None
    if options.spool is not None and data:
        handle, spooled = tempfile.mkstemp(dir=options.spool)
        with open(handle, "wb") as spool:
            spool.write(data)
        data = b""
    return _ChunkResult(
        data,
        sum(counts.values()),
        dict(counts),
        tuple(unreadable),
        spooled,
        chunk.label,
        tuple(internal),
        tuple(sources),
    )


# --- check: stopping -----------------------------------------------------------------


class _Stop(BaseException):
    """``SIGINT`` or ``SIGTERM`` arrived during ``check``: raised in the main thread by :class:`_Signals`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _alarm(seconds: float) -> None:
    """Set (or with 0, clear) the real-time alarm, where the platform has one."""
    setitimer = getattr(signal, "setitimer", None)  # not on Windows
    if setitimer is not None:
        setitimer(signal.ITIMER_REAL, seconds)


class _Signals:
    """
    ``SIGINT`` and ``SIGTERM`` during ``check``: stop the run, but not in the middle of a record.

    Installed in the main thread only (elsewhere it does nothing); the previous handlers come back on
    exit.  A signal raises :class:`_Stop`, unless records are being written (:meth:`shielded`): then
    the writing is finished first, for at most :attr:`GRACE` seconds (an alarm: a reader that has
    stopped reading must not keep the run alive), and a second signal stops it at once.  After the
    stop, further signals are ignored, so that the workers and the spool are cleaned up whatever
    arrives.
    """

    #: Seconds given to finish writing the records in hand after a signal (and to end the output after it).
    GRACE = 2.0

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}
        self._shielded = False
        self._pending = 0
        self._stopped = False

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in _STOP_SIGNALS + _ALARM_SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._previous:
            _alarm(0)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: object) -> None:
        if signum not in _STOP_SIGNALS:  # the alarm: the grace is over
            if self._pending:
                self._stop(self._pending)
            return
        if self._stopped:
            return
        if self._shielded and not self._pending:
            self._pending = signum
            _alarm(self.GRACE)
            return
        self._stop(signum)

    def _stop(self, signum: int) -> NoReturn:
        self._stopped = True
        self._pending = 0
        _alarm(0)
        raise _Stop(signum)

    @contextlib.contextmanager
    def shielded(self) -> Iterator[None]:
        """Write records: a signal that arrives meanwhile stops the run when they are written."""
        self._shielded = True
        try:
            yield
        finally:
            self._shielded = False
        if self._pending:
            self._stop(self._pending)

    @contextlib.contextmanager
    def grace(self, signum: int) -> Iterator[None]:
        """After a stop, end the output: for at most :attr:`GRACE` seconds, and quietly if it cannot be done."""
        if self._previous:
            self._pending = signum
            _alarm(self.GRACE)
        try:
            yield
        except (_Stop, OSError):  # the alarm, or an output that is gone: the output stays as it is
            pass
        finally:
            self._pending = 0
            if self._previous:
                _alarm(0)


#: The name of a spool directory starts with this and the pid of the process that owns it.
_SPOOL_PREFIX = "mentorrules-check-"
_SPOOL_NAME = re.compile(re.escape(_SPOOL_PREFIX) + r"([0-9]+)-")


def _spool_directory(wanted: bool) -> AbstractContextManager[str | None]:
    """
    Return a context giving the directory for the workers' spool files, or ``None`` if not ``wanted``.

    The directory is the run's own, under the system's temporary directory, named
    ``mentorrules-check-PID-...`` after this process, and it is removed with whatever it still holds
    when the run ends, also after an error or a signal.  Only ``SIGKILL`` leaves it behind: the next
    run removes it (:func:`_remove_stale_spools`).
    """
    if wanted:
        return tempfile.TemporaryDirectory(prefix=f"{_SPOOL_PREFIX}{os.getpid()}-", ignore_cleanup_errors=True)
    return contextlib.nullcontext()


def _remove_stale_spools() -> None:
    """Remove the spool directories that runs killed by ``SIGKILL`` left: this user's, whose process is gone."""
    if os.name != "posix":  # pragma: no cover  # os.kill(pid, 0) would end the process on Windows
        return
    root = tempfile.gettempdir()
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            match = _SPOOL_NAME.match(entry.name)
            if match is None or not entry.is_dir(follow_symlinks=False) or _running(int(match[1])):
                continue
            if entry.stat(follow_symlinks=False).st_uid == os.getuid():
                shutil.rmtree(entry.path, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether a process ``pid`` exists (a zombie counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


# --- check: writing ----------------------------------------------------------------


def _summary(counts: Mapping[str, int], lang: str) -> str:
    """Return e.g. ``5 sager: 2 opfyldt, 1 ikke opfyldt, 2 ugyldige``."""
    parts = [f"{number(counts[key], lang)} {_VERDICT_WORDS[lang][key]}" for key in Verdict if counts.get(key)]
    parts += [counted(counts[key], noun, lang) for key, noun in _ERROR_NOUNS if counts.get(key)]
    head = counted(sum(counts.values()), "case", lang)
    return f"{head}: {', '.join(parts)}" if parts else head


#: The nouns (of :func:`~mentorrules.model.words.counted`) for the cases that gave no decision, by their count's key.
_ERROR_NOUNS = (("error", "invalid"), ("internal", "internal error"))


def _columnar_check() -> Any:
    """
    Return the module of the columnar ``check`` (``--summary``, ``--format verdicts``).

    Raises:
        _UsageError: pyarrow or numpy (the extra ``columnar``) is not installed.
    """
    try:
        for name in ("numpy", "pyarrow"):
            importlib.import_module(name)
    except ImportError:
        raise _UsageError(_MESSAGES.of("no_pyarrow", option="--summary / --format verdicts")) from None
    from mentorrules.cli import _columnar

    return _columnar


def _check(args: argparse.Namespace, out: _Output) -> int:
    interpretation = _interpretation(args.interpret)
    if args.summary and args.format not in ("text", "json"):
        raise _UsageError(_MESSAGES.of("summary_format", format=args.format))
    columnar = _columnar_check() if args.summary or args.format == "verdicts" else None
    for path in args.files:
        if path == "-":
            continue
        if columnar is not None and columnar.parquet_input(path):
            columnar.probe_parquet(path)
            continue
        try:
            open(path, "rb").close()  # only probing: fail before any output
        except OSError as exc:
            if os.path.isfile(os.path.join(path, "cases.parquet")):
                raise _UsageError(_MESSAGES.of("parquet_only", path=_label(path))) from None
            raise _UsageError(_MESSAGES.of("cannot_read", path=_label(path), reason=os_reason(exc))) from None
    if columnar is not None:
        status: int = columnar.check_columnar(args, out, interpretation)
        return status
    fmt = args.format
    report = fmt in ("markdown", "html")
    spooled = args.jobs > 1 and not report
    if args.jobs > 1:
        _remove_stale_spools()
    counts: Counter[str] = Counter()
    seen: set[str] = set()  # the inputs that held a case
    unreadable = internal = 0
    results: list[Result] = []
    sources: list[str] = []
    prefix, separator, suffix = _FRAMING.get(fmt, ("", "", ""))
    progress = _Progress(sys.stderr if sys.stderr.isatty() else None, args.lang)
    wrote = False
    with _Signals() as signals:
        try:
            with _spool_directory(spooled) as spool:
                options = _Options("objects" if report else fmt, args.lang, interpretation, spool)
                chunks = _read_chunks(args.files, by_reference=args.jobs > 1)
                work = partial(_check_chunk, options)
                with contextlib.closing(map_ordered(work, chunks, jobs=args.jobs)) as done:
                    for chunk in done:
                        counts.update(chunk.counts)
                        if chunk.records:
                            seen.add(chunk.label)
                        for source in chunk.unreadable:
                            print(f"mentorrules check: {_say('unreadable', args.lang, source=source)}", file=sys.stderr)
                        for source, message in chunk.internal:
                            problem = _say("case_internal", args.lang, source=source, problem=message)
                            print(f"mentorrules check: {problem}", file=sys.stderr)
                        unreadable += len(chunk.unreadable)
                        internal += len(chunk.internal)
                        progress.update(chunk.records)
                        if report:
                            results.extend(loads_results(chunk.data))
                            sources.extend(chunk.sources)
                        elif chunk.records:
                            with signals.shielded():
                                out.text(separator if wrote else prefix)
                                wrote = True
                                if chunk.spooled is None:
                                    out.raw(chunk.data)
                                else:
                                    out.copy(chunk.spooled)
                                out.flush()
                            if chunk.spooled is not None:
                                os.unlink(chunk.spooled)
        except _Stop as stop:  # the workers and the spool are gone: end the output on a record boundary
            progress.close()
            if wrote:
                with signals.grace(stop.signum):
                    out.text("\n")
                    out.flush()
            raise
        progress.close()
        if report:
            from mentorrules import render  # only the reports need the renderer

            text = render.report(results, format=fmt, lang=args.lang, sources=sources)
        else:
            text = suffix if wrote else "[]\n" if fmt == "json" else ""
        if fmt == "text":
            text += ("\n" + "=" * len(_RULE) + "\n" if wrote else "") + _summary(counts, args.lang)
        with signals.shielded():
            out.text(text if text.endswith("\n") or not text else text + "\n")
            out.flush()
    return _finish(args, seen, counts, internal=bool(internal), unreadable=bool(unreadable))


def _finish(
    args: argparse.Namespace, seen: Container[str], counts: Mapping[str, int], *, internal: bool, unreadable: bool
) -> int:
    """
    End a check: warn of each input that held no case, and return the exit status (DESIGN section 8).

    ``seen`` holds the labels of the inputs that held a case; ``counts`` the records by verdict
    (an error's record counted under its type).  The highest status that applies wins.
    """
    empty = [label for label in dict.fromkeys(map(_label, args.files)) if label not in seen]
    for label in empty:
        if args.fail_on_empty:
            warning = _say("empty", args.lang, source=label)
        else:
            warning = _say("empty_hint", args.lang, source=label, option="--fail-on-empty")
        print(f"mentorrules check: {warning}", file=sys.stderr)
    if internal:
        return EXIT_INTERNAL
    if unreadable:
        return EXIT_USAGE
    if sum(counts.values()) != counts.get(Verdict.MET.value, 0) or (empty and args.fail_on_empty):
        return EXIT_UNRESOLVED
    return EXIT_OK


# --- schema, rules, plan, demo ----------------------------------------------------------


def _schema(args: argparse.Namespace, out: _Output) -> int:
    if args.which == "case":
        schema = case_schema()
    else:
        from mentorrules.engine.schema import decision_schema  # loaded only when asked for

        schema = decision_schema()
    out.text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace, out: _Output) -> int:
    """
    Print the rule catalogue: per rule and law version, what it cites on the version's first day, then what changes.

    The law versions are cut into epochs where a new consolidation or an amending act comes into
    force; a later epoch is shown by what changes in it (a reference added or no longer cited, a new
    source for the same citation), so that rows that would look alike say how they differ.
    """
    catalogue = rule_catalogue(lang=args.lang)
    if args.format == "json":
        out.text(json.dumps([info.to_dict() for info in catalogue], indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    words = _WORDS[args.lang]
    lines: list[str] = []
    for info in catalogue:
        per = words["per_case"] if info.per == "case" else words["per_period"]
        lines.append(f"{info.id}: {info.title} ({per})")
        for law, spans in info.references.items():
            lines.append(f"  {law}")
            before: tuple[LegalReference, ...] = ()
            for valid_from, references in spans:
                text = (
                    "; ".join(_cited(ref, words) for ref in references)
                    if not before
                    else "; ".join(_changes(before, references, words))
                )
                lines.append(f"    {words['from']} {valid_from.isoformat()}: {text}")
                before = references
        lines.append("")
    out.text("\n".join(lines))
    return EXIT_OK


def _cited(reference: LegalReference, words: Mapping[str, str]) -> str:
    """Return ``citation (source)``, marked when the reference is not verified."""
    mark = "" if reference.verified else f", {words['unverified']}"
    return f"{reference.citation} ({reference.source}{mark})"


def _changes(before: Sequence[LegalReference], after: Sequence[LegalReference], words: Mapping[str, str]) -> list[str]:
    """Say what changes from one epoch's references to the next: references added, dropped, or newly sourced."""
    old = {ref.citation: ref for ref in before}
    new = {ref.citation: ref for ref in after}
    changes = [f"{words['added']} {_cited(ref, words)}" for citation, ref in new.items() if citation not in old]
    changes += [f"{words['dropped']} {citation}" for citation in old if citation not in new]
    moved: dict[tuple[str, str], list[str]] = {}
    for citation, ref in new.items():
        was = old.get(citation)
        if was is not None and was.source != ref.source:
            moved.setdefault((ref.source, was.source), []).append(citation)
        elif was is not None and was.verified != ref.verified:
            changes.append(f"{citation} {words['now_verified' if ref.verified else 'now_unverified']}")
    changes += [
        f"{', '.join(citations)}: {words['now']} {source} ({words['was']} {previous})"
        for (source, previous), citations in moved.items()
    ]
    return changes or [words["new_address"]]


def _plan(args: argparse.Namespace, out: _Output) -> int:
    """
    Print the latest end of a period starting START and the next period's window (DESIGN section 8).

    START selects the law version: the windows come from :mod:`mentorrules.planning`
    and their citations follow the version in force (old § 31 c under lab-2014,
    LAB § 167 under lab-2020), in the same form as ``check`` prints them in either
    language.  A START outside the modelled dates is a usage error (exit status 2)
    whose message is the :class:`~mentorrules.UnsupportedDateError`'s.
    """
    start = _parse_date(args.start)
    interpretation = _interpretation(args.interpret)
    words = _WORDS[args.lang]
    try:
        window = period_window(start, interpretation=interpretation)
    except UnsupportedDateError as exc:
        raise _UsageError((exc.text("da"), exc.text("en"))) from None
    width = max(len(words[key]) for key in ("plan_end", "plan_next_start", "plan_next_end"))
    lines = [
        words["plan_title"].format(start=start.isoformat(), citation=_citations(window.references, words)),
        words["plan_law"].format(law=window.law, source=window.references[0].source),
        f"  {words['plan_end']:<{width}} {window.end.isoformat()}",
    ]
    lines.extend(_reading_note(partial(period_window, start), interpretation, words))
    try:
        following = next_period_window(window.end, interpretation=interpretation)
    except UnsupportedDateError as exc:  # the period ends in 2027 or later: the next one's law is not modelled
        lines.append(f"  {words['plan_next_start']:<{width}} {(window.end + timedelta(days=1)).isoformat()}")
        lines.extend(_wrapped(f"({exc.text(args.lang)})"))
        out.text("\n".join(lines) + "\n")
        return EXIT_OK
    lines.append(f"  {words['plan_next_start']:<{width}} {following.start.isoformat()}")
    lines.append(f"  {words['plan_next_end']:<{width}} {following.end.isoformat()}")
    lines.extend(_reading_note(partial(next_period_window, window.end), interpretation, words))
    if following.law != window.law:
        lines.extend(_wrapped(words["plan_next_law"].format(law=following.law, source=following.references[0].source)))
    key = "plan_new_period_2014" if following.law == "lab-2014" else "plan_new_period"
    lines.extend(textwrap.wrap(words[key].format(citation=_citations(following.references, words)), width=100))
    out.text("\n".join(lines) + "\n")
    return EXIT_OK


def _citations(references: Iterable[LegalReference], words: Mapping[str, str]) -> str:
    """Cite references as ``check`` does in both languages (``LegalReference.citation``), marked as ``rules`` marks an unverified one."""
    return "; ".join(ref.citation if ref.verified else f"{ref.citation} ({words['unverified']})" for ref in references)


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, width=100, initial_indent="    ", subsequent_indent="     ")


def _reading_note(
    window_for: Callable[..., Window], interpretation: Interpretation, words: Mapping[str, str]
) -> list[str]:
    """Both readings of an end that falls on a day the month lacks, and the one the interpretation chose."""
    favour_end = window_for(interpretation=Interpretation(ambiguous_dates=AmbiguousDates.FAVOUR_CITIZEN)).end
    strict_end = window_for(interpretation=Interpretation(ambiguous_dates=AmbiguousDates.STRICT)).end
    if favour_end == strict_end:
        return []
    note = words["plan_readings"].format(favour=favour_end.isoformat(), strict=strict_end.isoformat())
    chosen = words["plan_chosen"].format(mode=interpretation.ambiguous_dates.value)
    return _wrapped(f"({note}; {chosen})")


def _examples() -> list[tuple[str, str]]:
    """Return the bundled example cases as ``(file name, JSON text)``, by name."""
    folder = resources.files("mentorrules").joinpath("examples")
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8")) for entry in folder.iterdir() if entry.name.endswith(".json")
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _demo_table(examples: Iterable[tuple[str, str]], lang: str, width: int = 100) -> str:
    """
    Evaluate ``(name, JSON text)`` examples and lay them out as a plain-text table of at most ``width`` columns.

    The last line, the command of the closing hint, is never wrapped: it must work as printed.
    """
    words = _WORDS[lang]
    rows: list[tuple[str, str, str, list[str]]] = []  # file, case id, verdict value or "error", notes
    default = Interpretation()
    for name, text in examples:
        result = evaluate_one(text, default)
        if isinstance(result, Decision):
            notes = [
                f"{finding.rule}{f' ({finding.subject})' if finding.subject else ''}: {finding.message(lang)}"
                for finding in result.unresolved()
            ]
            rows.append((name, result.case.case_id or "-", result.verdict.value, notes))
        else:
            rows.append((name, "-", "error", [f"{type(result).__name__}: {result.text(lang)}"]))
    verdict_words = _VERDICT_WORDS[lang]
    name_width = min(40, max([len(words["file"])] + [len(row[0]) for row in rows]))
    id_width = min(20, max([len(words["case_id"])] + [len(row[1]) for row in rows]))
    verdict_width = max([len(words["verdict"])] + [len(verdict_words[row[2]]) for row in rows])
    lines = [
        words["demo_title"].format(version=__version__),
        "",
        f"{words['file']:<{name_width}}  {words['case_id']:<{id_width}}  {words['verdict']}",
        "-" * (name_width + id_width + verdict_width + 4),
    ]
    for name, case_id, verdict, notes in rows:
        name_cell = f"{_clip(name, name_width):<{name_width}}"
        lines.append(f"{name_cell}  {_clip(case_id, id_width):<{id_width}}  {verdict_words[verdict]}")
        for note in notes:
            lines.append(textwrap.fill(note, width=width, initial_indent="    - ", subsequent_indent="      "))
    lines += ["", _summary(Counter(row[2] for row in rows), lang), words["demo_hint"].format(command=_hint(lang))]
    return "\n".join(lines) + "\n"


#: The example the demo's closing hint explains in full: one that is not met, so the reasoning shows.
_HINT_EXAMPLE = "03_company_mentor_usual_duties.json"


def _hint(lang: str) -> str:
    """
    Return a ``check`` command that works as printed: the program as it was started, on a bundled example.

    After ``make demo`` that is ``.venv/bin/mentorrules check src/mentorrules/examples/…``; installed
    with pip, ``mentorrules check /…/site-packages/mentorrules/examples/…``; started as
    ``python -m mentorrules``, that.  The example's path is relative where it lies under the
    current directory.
    """
    program = sys.argv[0] if sys.argv and sys.argv[0] else "mentorrules"
    if program.endswith(".py") or program in ("-c", "-m"):  # python -m mentorrules
        program = f"{shlex.quote(_shown_path(sys.executable or 'python'))} -m mentorrules"
    else:
        program = shlex.quote(program)
    example = os.path.join(str(resources.files("mentorrules").joinpath("examples")), _HINT_EXAMPLE)
    suffix = " --lang en" if lang == "en" else ""
    return f"{program} check {shlex.quote(_shown_path(example))}{suffix}"


def _shown_path(path: str) -> str:
    """Return ``path`` relative to the current directory where it lies under it, else as it is."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive (Windows)
        return path
    return path if relative.startswith(os.pardir) else relative


def _demo(args: argparse.Namespace, out: _Output) -> int:
    out.text(_demo_table(_examples(), args.lang))
    return EXIT_OK
