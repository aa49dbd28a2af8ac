"""
The ``costs`` command: ``mentorrules costs FILE --on DATE [--format text|json] [--lang da|en]``.

It reads a JSON cost claim, calculates it with :mod:`mentorrules.costs` and
prints the calculation; :mod:`mentorrules.cli` adds it to its subcommands.
Everything it prints for a reader is in the language of ``--lang`` (Danish by
default), the errors on standard error included; the JSON records keep their
English ``message`` and add the ``text`` in both languages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from mentorrules.cli._output import Output
from mentorrules.costs import evaluate_costs, load_cost_claim
from mentorrules.model.exceptions import CaseError, UnsupportedDateError
from mentorrules.model.generated import MAX_JSON_BYTES, os_reason
from mentorrules.model.outcomes import Verdict


__all__ = ["add_costs_parser", "costs_command"]

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _law_date(text: str) -> date:
    """Read ``--on``: a calendar date ``YYYY-MM-DD`` in ASCII digits."""
    try:
        if _ISO_DATE.fullmatch(text) is None:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def add_costs_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """
    Add the ``costs`` command to a command-line parser's subcommands.

    ``mentorrules costs FILE --on DATE [--format text|json] [--lang da|en]``
    reads a JSON cost claim from FILE (``-``: standard input) and prints the
    calculation.  The parser's defaults set ``func`` to :func:`costs_command`.

    Returns:
        The ``costs`` subparser.
    """
    parser = subparsers.add_parser(
        "costs",
        help="calculate the reimbursable cost of a mentor-support claim",
        description=(
            "Calculate the reimbursable wage cost or consultant fee of a mentor-support claim (LAB § 169, stk. 2 "
            "and § 170, with the executive order in force on --on). Exit status: 0 met; 1 the claim is "
            "inconsistent, a fact is missing or the training subsidy is refused or not recorded; 2 usage error, "
            "unreadable file or invalid claim."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="a JSON cost claim, or - for standard input")
    parser.add_argument("--on", required=True, type=_law_date, metavar="DATE", help="the law date, YYYY-MM-DD")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="language of the messages (default: da)")
    parser.set_defaults(func=costs_command)
    return parser


def costs_command(args: argparse.Namespace) -> int:
    """
    Run ``mentorrules costs``: read the claim, calculate, print; return the exit status.

    Exit status: 0 when the verdict is ``met``; 1 when it is not (a finding
    is ``not_met``: the claim is inconsistent or the training subsidy was
    refused; ``missing_facts``; or ``needs_assessment``: the grant of the
    training subsidy is not recorded); 2 when
    the file cannot be read, the claim is invalid (also when it lies
    beyond the read limits of a JSON document: 4 MiB, 64 levels of
    nesting) or the date is not modelled (the reason goes to standard error,
    and with ``--format json`` also to standard output as ``{"error": {...}}``).
    The output is UTF-8 whatever the encoding of standard output.
    """
    fmt: str = args.format
    try:
        data = _read(args.file)
        decision = evaluate_costs(load_cost_claim(data), on=args.on)
    except OSError as exc:
        danish, english = os_reason(exc)
        text = {"da": f"kan ikke læse {args.file}: {danish}", "en": f"cannot read {args.file}: {english}"}
        return _fail(fmt, {"type": "OSError", "message": text["en"], "text": text}, args.lang)
    except (CaseError, UnsupportedDateError) as exc:
        return _fail(fmt, exc.to_dict(), args.lang)
    out = Output(sys.stdout)
    out.text((decision.to_json() if fmt == "json" else decision.explain(args.lang)) + "\n")
    out.flush()
    return 0 if decision.verdict is Verdict.MET else 1


def _read(path: str) -> bytes:
    """Read the claim: one byte more than the read limit at most, which the claim's reader then refuses."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
    with open(path, "rb") as handle:
        return handle.read(MAX_JSON_BYTES + 1)


def _fail(fmt: str, error: Mapping[str, Any], lang: str) -> int:
    """Say why on standard error in ``lang``, and with ``--format json`` as ``{"error": ...}`` on standard output."""
    sys.stderr.write(f"mentorrules costs: {error['text'][lang]}\n")
    if fmt == "json":
        out = Output(sys.stdout)
        out.text(json.dumps({"error": error}, ensure_ascii=False, indent=2) + "\n")
        out.flush()
    return 2
