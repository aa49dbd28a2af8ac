"""
The ``practice`` command: ``mentorrules practice [--profile assens|FILE] [--lang da|en] [--format text|html]``.

It prints a practice profile of :mod:`mentorrules.practice`; :mod:`mentorrules.cli`
adds it to its subcommands.
"""

from __future__ import annotations

import argparse
import sys

from mentorrules.cli._output import Output
from mentorrules.model.exceptions import ProfileError
from mentorrules.model.outcomes import LANGUAGES
from mentorrules.model.words import counted
from mentorrules.practice import bundled_profiles, load_profile, profile_html, profile_text


__all__ = ["add_practice_parser", "practice_command"]


def add_practice_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """
    Add the ``practice`` command to the command line's sub-parsers.

    ``mentorrules practice [--profile assens|FILE] [--lang da|en] [--format text|html]``
    prints a practice profile's task catalogue and rules.  The parser's
    default ``func`` is :func:`practice_command`.

    Args:
        subparsers: What :meth:`argparse.ArgumentParser.add_subparsers` returned.

    Returns:
        The new parser.

    """
    parser = subparsers.add_parser(
        "practice",
        help="print a municipal practice profile (local practice, not law)",
        description=(
            "Print a municipal practice profile: the task catalogue, the meeting and home-visit rules, the general "
            "rules, the disclosure rules and complaint guidance. Practice is local, not law. Exit status 2 when the "
            "profile is not valid."
        ),
    )
    parser.add_argument(
        "--profile",
        default="assens",
        metavar="NAME|FILE",
        help=f"a bundled profile ({', '.join(bundled_profiles())}) or a TOML file (default: assens)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="da", help="language (default: da)")
    parser.add_argument("--format", choices=("text", "html"), default="text", help="output format (default: text)")
    parser.set_defaults(func=practice_command)
    return parser


def practice_command(args: argparse.Namespace) -> int:
    """
    Run ``mentorrules practice``: print the profile, or every bad field of it, in the language of ``--lang``.

    Args:
        args: The parsed arguments (``profile``, ``lang``, ``format``).

    Returns:
        0 when the profile was printed (in UTF-8, whatever the encoding of
        standard output); 2 when it is not valid (every bad path is printed
        on standard error), also when it lies beyond the read limits (4 MiB,
        64 levels of nesting).

    """
    lang: str = args.lang
    try:
        profile = load_profile(args.profile)
    except ProfileError as exc:
        count = counted(len(exc.errors), "bad field", lang)
        if lang == "da":
            head = f"profilen {args.profile!r} er ikke gyldig ({count})"
        else:
            head = f"the profile {args.profile!r} is not valid ({count})"
        sys.stderr.write(f"mentorrules practice: {head}:\n")
        for error in exc.errors:
            sys.stderr.write(f"  {error.describe(lang)}\n")
        return 2
    render = profile_html if args.format == "html" else profile_text
    out = Output(sys.stdout)
    out.text(render(profile, lang))
    out.flush()
    return 0
