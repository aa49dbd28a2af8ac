"""
The command line (*kommandolinjen*): ``mentorrules`` and ``python -m mentorrules``.

Commands (DESIGN section 8)::

    mentorrules check FILE... [--format text|json|jsonl|markdown|html] [--lang da|en]
                              [--interpret KEY=VALUE ...] [--jobs N]
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

Every case yields one record, in input order.  An invalid case (a
:class:`~mentorrules.CaseError`, an :class:`~mentorrules.UnsupportedDateError`,
or a line that is not JSON) yields an error record in its place; with
``--format json`` or ``jsonl`` it is ``{"error": {...}, "source": SOURCE}``,
where ``error`` is the exception's ``to_dict()`` and ``SOURCE`` says where the
case was read:

* ``FILE:N`` for the case on line ``N`` (1-based) of a JSON-lines input, and
  ``FILE:1`` for a JSON document holding one case;
* ``FILE#N`` for the ``N``-th case (1-based) of a JSON list;
* ``FILE`` is the path as given on the command line, or ``<stdin>``.

Exit status: 0 when every case is met (also when there are none); 1 when any
case is not met, not resolved (any verdict but ``met``) or invalid; 2 for a
usage error or an unreadable file (missing, a directory, or bytes that are not
UTF-8: those cases are reported in place, the run goes on and the status is 2).

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
A progress count is written to standard error while it is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import re
import stat
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, timedelta
from functools import partial
from importlib import resources
from types import MappingProxyType
from typing import IO, NamedTuple, TextIO

from mentorrules._version import __version__
from mentorrules.batch import Result, chunked, dumps_results, evaluate_one, loads_results, map_ordered
from mentorrules.codec.cases import case_schema
from mentorrules.engine.evaluate import rule_catalogue
from mentorrules.law.interpretation import AmbiguousDates, Interpretation
from mentorrules.model.exceptions import CaseError, UnsupportedDateError
from mentorrules.model.generated import decode_json
from mentorrules.model.outcomes import VERDICT_WORDS, Decision, Verdict
from mentorrules.model.references import LegalReference
from mentorrules.planning import Window, next_period_window, period_window


__all__ = ["main"]

EXIT_OK = 0
EXIT_UNRESOLVED = 1
EXIT_USAGE = 2

FORMATS = ("text", "json", "jsonl", "markdown", "html")
LANGS = ("da", "en")

#: Bytes of JSON lines sent to a worker at a time (completed to the end of a line).
_BLOCK = 256 * 1024
#: Cases of a JSON list sent to a worker at a time.
_ITEMS = 256
_BOM = b"\xef\xbb\xbf"
_RULE = "-" * 72
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})

#: The verdict words of every text (outcomes.VERDICT_WORDS), and the word for a case that could not be read.
_VERDICT_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType({**VERDICT_WORDS[lang], "error": error})
        for lang, error in (("da", "ugyldig"), ("en", "invalid"))
    }
)

_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                "case": "sag",
                "cases": "sager",
                "invalid_case": "Ugyldig sag",
                "per_case": "pr. sag",
                "per_period": "pr. periode",
                "from": "fra",
                "unverified": "ikke verificeret",
                "demo_title": "Eksempelsager vurderet af mentorrules {version} (LAB §§ 167-171)",
                "file": "Fil",
                "case_id": "Sag",
                "verdict": "Afgørelse",
                "demo_hint": "Den fulde begrundelse: mentorrules check FIL --format text",
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
                "per_case": "per case",
                "per_period": "per period",
                "from": "from",
                "unverified": "not verified",
                "demo_title": "Example cases evaluated by mentorrules {version} (LAB §§ 167-171)",
                "file": "File",
                "case_id": "Case",
                "verdict": "Verdict",
                "demo_hint": "The full reasoning: mentorrules check FILE --format text",
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


class _UsageError(Exception):
    """A usage error found after parsing: printed as ``mentorrules COMMAND: error: ...``, exit status 2."""


# --- output --------------------------------------------------------------------


class _Output:
    """Writes UTF-8 to standard output: bytes to its binary buffer when there is one."""

    #: What ``os.sendfile`` raises where it cannot copy to this output (the copy is then done by reading).
    _NO_SENDFILE = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EBADF})

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._buffer: IO[bytes] | None = getattr(stream, "buffer", None)

    def raw(self, data: bytes) -> None:
        """Write UTF-8 bytes."""
        if self._buffer is None:
            self._stream.write(data.decode("utf-8"))
        else:
            self._stream.flush()
            self._buffer.write(data)

    def text(self, text: str) -> None:
        """Write text."""
        self.raw(text.encode("utf-8"))

    def copy(self, path: str) -> None:
        """Write the bytes of a file: inside the kernel where the output is a file descriptor, else by reading."""
        with open(path, "rb") as source:
            sent = self._sendfile(source.fileno(), os.fstat(source.fileno()).st_size)
            source.seek(sent)
            rest = source.read()
        if rest:
            self.raw(rest)

    def _sendfile(self, source: int, size: int) -> int:
        """Copy up to ``size`` bytes from ``source`` with ``os.sendfile``; return how many were copied."""
        sent = 0
        sendfile = getattr(os, "sendfile", None)  # not on Windows
        try:
            target = self._buffer.fileno() if self._buffer is not None else -1
        except (OSError, ValueError):  # io.UnsupportedOperation: a buffer in memory (a test's capture)
            target = -1
        if target < 0 or sendfile is None:
            return 0
        self._stream.flush()
        assert self._buffer is not None
        self._buffer.flush()
        try:
            while sent < size:
                count = sendfile(target, source, sent, size - sent)
                if count == 0:  # nothing more could be sent (the file is shorter than it was): read the rest
                    break
                sent += count
        except OSError as exc:
            if exc.errno not in self._NO_SENDFILE:
                raise  # a broken pipe, a full disk: as a write would
        return sent

    def flush(self) -> None:
        """Flush both layers."""
        self._stream.flush()
        if self._buffer is not None:
            self._buffer.flush()


class _Progress:
    """A count of cases on standard error, redrawn at most every ``interval`` seconds; silent without a stream."""

    def __init__(
        self, stream: TextIO | None, label: str, *, clock: Callable[[], float] = time.monotonic, interval: float = 0.1
    ) -> None:
        self._stream = stream
        self._label = label
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
        self._stream.write(f"\r{self._count:,} {self._label}")
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
        problems = "; ".join(f"--interpret {error.path}: {error.message}" for error in exc.errors)
        raise _UsageError(problems) from None


def _parse_date(text: str) -> date:
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise _UsageError(f"not a valid date: {text!r} ({exc})") from None
    raise _UsageError(f"not a date: {text!r}; write it as YYYY-MM-DD, e.g. 2025-08-31")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
        "1 any case not met, unresolved or invalid; 2 usage error or unreadable file.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a .json case or list of cases, a .jsonl file, or -")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument("--lang", choices=LANGS, default="da", help=lang_help)
    check.add_argument(
        "--interpret", action="append", default=[], type=_key_value, metavar="KEY=VALUE", help=interpret_help
    )
    check.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default: 1)")
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


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line and return its exit status.

    Args:
        argv: The arguments after the program name; ``None`` reads
            ``sys.argv[1:]``.

    Returns:
        0, 1 or 2 (see the module docstring); 130 when interrupted.

    The console script runs ``sys.exit(main())``.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, and usage errors (already printed by argparse)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    out = _Output(sys.stdout)
    try:
        status: int = args.run(args, out)
        out.flush()
    except _UsageError as exc:
        print(f"mentorrules {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `mentorrules check big.jsonl | head`
        _discard_stdout()
        return EXIT_UNRESOLVED
    except KeyboardInterrupt:
        print(f"mentorrules {args.command}: interrupted", file=sys.stderr)
        return 130
    return status


# --- check: reading ----------------------------------------------------------------


class _Chunk(NamedTuple):
    """
    A piece of input for one worker.

    Attributes:
        label: The input's name (the path, or ``<stdin>``).
        start: Line number of the first line of ``block``.
        block: Whole JSON lines (``b""`` when ``items`` is used).
        items: ``(source, case)`` pairs; a case is a decoded JSON value, JSON text, or undecodable bytes.
        path: Where the worker reads ``block`` itself, if it is not sent:
            the file, with the block's byte ``offset`` and ``size``.
    """

    label: str
    start: int
    block: bytes
    items: tuple[tuple[str, object], ...]
    path: str | None = None
    offset: int = 0
    size: int = 0


def _input_kind(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".jsonl", ".ndjson"):
        return "lines"
    if suffix == ".json":
        return "document"
    return "sniff"


def _line_chunks(label: str, stream: IO[bytes], head: bytes = b"", *, path: str | None = None) -> Iterator[_Chunk]:
    """
    Cut JSON lines into blocks of whole lines.

    With ``path`` (a regular file read from its start), a block is not sent to the worker but
    referred to by its offset and size in the file: the worker reads it itself, and only the line
    count is worked out here.
    """
    start = 1
    offset = 0
    block = head + stream.read(_BLOCK)
    if block.startswith(_BOM):
        block = block[len(_BOM) :]
        offset = len(_BOM)
    while block:
        if not block.endswith(b"\n"):
            block += stream.readline()
        if path is None:
            yield _Chunk(label, start, block, ())
        else:
            yield _Chunk(label, start, b"", (), path, offset, len(block))
        start += block.count(b"\n")
        offset += len(block)
        block = stream.read(_BLOCK)


def _document_chunks(label: str, data: bytes) -> Iterator[_Chunk]:
    """Read a JSON document: a list of cases, one case, or nothing (white space only)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield _Chunk(label, 1, b"", ((f"{label}:1", data),))  # the worker reports it
        return
    if not text.strip():
        return
    try:
        # The case reader's own decoder: a key written twice and a number no Decimal can hold reach load_case,
        # which names them by path.
        value: object = decode_json(text, CaseError)
    except CaseError:  # not JSON, too deep, NaN: load_case decodes the text again and words the error
        value = text
    if type(value) is not list:
        yield _Chunk(label, 1, b"", ((f"{label}:1", value),))
        return
    for batch in chunked(enumerate(value, 1), _ITEMS):
        yield _Chunk(label, batch[0][0], b"", tuple((f"{label}#{number}", item) for number, item in batch))


def _sniffed_chunks(label: str, stream: IO[bytes]) -> Iterator[_Chunk]:
    """Read standard input (or a file of another name): JSON lines if the first non-blank line is an object."""
    head = stream.readline()
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
    line = head
    while line and not line.strip():
        line = stream.readline()
        head += line
    first = line.strip()
    if first.startswith(b"{") and first.endswith(b"}"):
        yield from _line_chunks(label, stream, head)
    else:
        yield from _document_chunks(label, head + stream.read())


def _read_chunks(paths: Sequence[str], *, by_reference: bool = False) -> Iterator[_Chunk]:
    """
    Read the inputs in chunks.

    With ``by_reference`` (workers in other processes), the blocks of JSON-lines inputs that are
    regular files are not sent but left for the workers to read (see :func:`_line_chunks`).
    """
    for path in paths:
        if path == "-":
            yield from _sniffed_chunks("<stdin>", sys.stdin.buffer)
            continue
        kind = _input_kind(path)
        with open(path, "rb") as stream:
            if kind == "lines":
                regular = by_reference and stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
                yield from _line_chunks(path, stream, path=path if regular else None)
            elif kind == "document":
                yield from _document_chunks(path, stream.read())
            else:
                yield from _sniffed_chunks(path, stream)


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
        counts: Cases by verdict value, and ``"error"`` for the invalid ones.
        unreadable: Sources of the cases whose bytes are not UTF-8.
    """

    data: bytes
    records: int
    counts: dict[str, int]
    unreadable: tuple[str, ...]
    spooled: str | None = None


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


def _error_text(source: str, error: Exception, lang: str) -> str:
    lines = [source, f"{_WORDS[lang]['invalid_case']}: {type(error).__name__}: {error}"]
    if isinstance(error, CaseError):
        lines.extend(f"  - {field}" for field in error.errors)
    return "\n".join(lines)


def _render_record(options: _Options, source: str, result: Result) -> str:
    if options.format == "text":
        if isinstance(result, Decision):
            from mentorrules import render  # only the text format needs the renderer

            return f"{source}\n{render.explain(result, options.lang).rstrip()}"
        return _error_text(source, result, options.lang)
    if isinstance(result, Decision):
        return result.to_json(indent=None)
    return json.dumps({"error": result.to_dict(), "source": source}, ensure_ascii=False)


def _check_chunk(options: _Options, chunk: _Chunk) -> _ChunkResult:
    """Load, evaluate and render the cases of one chunk (run in a worker process with ``--jobs`` > 1)."""
    # Each record is encoded as soon as it is written, while its text is still in the processor's cache: a
    # record is some 14 KB of JSON, and joining a chunk's records before encoding them all costs more.
    parts: list[bytes] = []
    results: list[Result] = []
    counts: Counter[str] = Counter()
    unreadable: list[str] = []
    for source, case in _records(chunk):
        if isinstance(case, bytes):
            try:
                case = case.decode("utf-8")
            except UnicodeDecodeError:
                unreadable.append(source)  # load_case reports the bytes as a CaseError
        result = evaluate_one(case, options.interpretation)
        counts[result.verdict._value_ if type(result) is Decision else "error"] += 1
        if options.format == "objects":
            results.append(result)
        else:
            parts.append(_render_record(options, source, result).encode("utf-8"))
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
    return _ChunkResult(data, sum(counts.values()), dict(counts), tuple(unreadable), spooled)


# --- check: writing ----------------------------------------------------------------


def _summary(counts: Mapping[str, int], lang: str) -> str:
    """Return e.g. ``5 sager: 2 opfyldt, 1 ikke opfyldt, 2 ugyldig``."""
    words = _WORDS[lang]
    total = sum(counts.values())
    parts = [f"{counts[key]} {_VERDICT_WORDS[lang][key]}" for key in [*Verdict, "error"] if counts.get(key)]
    head = f"{total} {words['case'] if total == 1 else words['cases']}"
    return f"{head}: {', '.join(parts)}" if parts else head


def _spool_directory(wanted: bool) -> AbstractContextManager[str | None]:
    """
    Return a context giving the directory for the workers' spool files, or ``None`` if not ``wanted``.

    The directory is the run's own, under the system's temporary directory, and it is removed with
    whatever it still holds when the run ends, also after an error.
    """
    if wanted:
        return tempfile.TemporaryDirectory(prefix="mentorrules-check-", ignore_cleanup_errors=True)
    return contextlib.nullcontext()


def _check(args: argparse.Namespace, out: _Output) -> int:
    interpretation = _interpretation(args.interpret)
    for path in args.files:
        if path != "-":
            try:
                open(path, "rb").close()  # only probing: fail before any output
            except OSError as exc:
                raise _UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    fmt = args.format
    report = fmt in ("markdown", "html")
    with _spool_directory(args.jobs > 1 and not report) as spool:
        options = _Options("objects" if report else fmt, args.lang, interpretation, spool)
        progress = _Progress(sys.stderr if sys.stderr.isatty() else None, _WORDS[args.lang]["cases"])
        counts: Counter[str] = Counter()
        unreadable: list[str] = []
        results: list[Result] = []
        wrote = False
        prefix, separator, suffix = _FRAMING.get(fmt, ("", "", ""))
        chunks = _read_chunks(args.files, by_reference=args.jobs > 1)
        for chunk in map_ordered(partial(_check_chunk, options), chunks, jobs=args.jobs):
            counts.update(chunk.counts)
            unreadable.extend(chunk.unreadable)
            progress.update(chunk.records)
            if report:
                results.extend(loads_results(chunk.data))
            elif chunk.records:
                out.text(separator if wrote else prefix)
                if chunk.spooled is None:
                    out.raw(chunk.data)
                else:
                    out.copy(chunk.spooled)
                    os.unlink(chunk.spooled)
                wrote = True
        progress.close()
    if report:
        from mentorrules import render  # only the reports need the renderer

        text = render.report(results, format=fmt, lang=args.lang)
        out.text(text if text.endswith("\n") else text + "\n")
    elif wrote:
        out.text(suffix)
    elif fmt == "json":
        out.text("[]\n")
    if fmt == "text":
        out.text(("\n" + "=" * len(_RULE) + "\n" if wrote else "") + _summary(counts, args.lang) + "\n")
    for source in unreadable:
        print(f"mentorrules check: {source}: cannot read: the bytes are not UTF-8", file=sys.stderr)
    if unreadable:
        return EXIT_USAGE
    if sum(counts.values()) != counts.get(Verdict.MET.value, 0):
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
            for valid_from, references in spans:
                citations = "; ".join(
                    ref.citation if ref.verified else f"{ref.citation} ({words['unverified']})" for ref in references
                )
                lines.append(f"  {law} {words['from']} {valid_from.isoformat()}: {citations}")
        lines.append("")
    out.text("\n".join(lines))
    return EXIT_OK


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
        raise _UsageError(str(exc)) from None
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
        lines.extend(_wrapped(f"({exc})"))
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
    """Evaluate ``(name, JSON text)`` examples and lay them out as a plain-text table of at most ``width`` columns."""
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
            rows.append((name, "-", "error", [f"{type(result).__name__}: {result}"]))
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
    lines += ["", _summary(Counter(row[2] for row in rows), lang), words["demo_hint"]]
    return "\n".join(lines) + "\n"


def _demo(args: argparse.Namespace, out: _Output) -> int:
    out.text(_demo_table(_examples(), args.lang))
    return EXIT_OK
