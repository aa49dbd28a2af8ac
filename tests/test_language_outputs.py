"""
The ``costs`` and ``practice`` outputs in one language at a time (issue 20, point 3).

``--lang da`` (the default) prints everything in Danish, ``--lang en`` everything in
English: the calculation, its headings and tags, the profile page, and the errors on
standard error.  Cost findings are tagged by what they do to the amount (*medregnet* /
*ikke medregnet*, *included* / *excluded*), never *opfyldt* / *met*.  Citations of the law
stay as the law writes them (``BEK § 125, stk. 2, 4. pkt.``) in both languages.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mentorrules.cli.costs import add_costs_parser
from mentorrules.cli.practice import add_practice_parser
from mentorrules.costs import evaluate_costs, load_cost_claim
from mentorrules.practice import general_rules_text, load_profile, profile_html, profile_text


WAGE: dict[str, Any] = {"kind": "wage", "employer": "company", "hourly_cost": "250.00", "mentor_hours": 104}
#: Claims that reach every verdict and every text of the cost rules between them.
CLAIMS: list[dict[str, Any]] = [
    WAGE,
    {
        **WAGE,
        "usual_work_hours": 26,
        "sick_hours": 8,
        "travel_hours": 52,
        "preparation_hours": 3,
        "training_hours": 2,
        "travel_expenses": "300.00",
        "overhead": "1750.00",
        "training_purchase": "5000",
        "training_purchase_granted": True,
    },
    {**WAGE, "usual_work_hours": 200, "training_purchase": 5, "training_purchase_granted": False},
    {**WAGE, "training_purchase": 5},
    {**WAGE, "employer": None, "training_purchase": 5},
    {**WAGE, "employer": "municipality", "training_purchase": 5, "sick_hours": 1},
    {"kind": "consultant_fee", "fee": "900", "mentor_hours": 10, "usual_work_hours": 1, "training_purchase": 5},
]

#: Words that only Danish text holds (none occurs in a citation).
DANISH = re.compile(r"\b(ikke|og|timer|medregnet|opfyldt|Beløb|Resultat|mentoren|skal|kan|Kilde|praksis)\b")
#: Words that only English text holds (none occurs in a rule id or a citation).
ENGLISH = re.compile(r"\b(the|not|hours|included|excluded|met|must|Amount|Result|Source|practice|of)\b")


def _without_citations(text: str) -> str:
    """Drop what stays Danish in English text: the citations in parentheses, names of acts and orders."""
    text = re.sub(r"\((?:[^()]|\([^()]*\))*(?:§|BEK|LAB)(?:[^()]|\([^()]*\))*\)", "", text)
    return re.sub(r"BEK nr\. [0-9]+ af [0-9]+\. [a-z]+ [0-9]{4}", "", text)


@pytest.mark.parametrize("claim", CLAIMS)
@pytest.mark.parametrize("on", [date(2024, 6, 30), date(2026, 3, 1)])
def test_a_cost_calculation_in_one_language(claim: dict[str, Any], on: date) -> None:
    """The Danish account holds no English words, the English none of the Danish (citations aside)."""
    decision = evaluate_costs(load_cost_claim(claim), on=on)
    danish, english = decision.explain(), decision.explain("en")
    assert danish == decision.explain("da")
    assert not ENGLISH.search(danish.replace("mentorrules", "")), danish
    assert not DANISH.search(_without_citations(english)), _without_citations(english)
    for text, verdicts in ((danish, ("opfyldt", "ikke opfyldt")), (english, ("met", "not met"))):
        tags = re.findall(r"^\[([^]]+)\] costs\.", text, re.MULTILINE)
        assert tags, text
        assert not set(tags) & set(verdicts), tags


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_profile_in_one_language(lang: str) -> None:
    """The profile page and the general rules: no word of the other language outside the profile's own names."""
    profile = load_profile("assens")
    other = ENGLISH if lang == "da" else DANISH
    for text in (profile_text(profile, lang), general_rules_text(profile, lang), profile_html(profile, lang)):
        text = re.sub(r"\(\w+\)|»[^«]*«|\[[^]]*\]", "", text)  # the source's own terms and sections, task ids
        assert not other.search(text.replace("mentorrules.evaluate()", "")), other.search(text)


def _run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="mentorrules")
    commands = parser.add_subparsers(dest="command")
    add_costs_parser(commands)
    add_practice_parser(commands)
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        status = args.func(args)
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def test_costs_command_errors_in_the_chosen_language() -> None:
    """An invalid claim: the summary in Danish by default, in English with --lang en; JSON holds both."""
    bad = b'{"kind": "wage", "hourly_cost": "2,5"}'
    status, out, err = _run(["costs", "-", "--on", "2024-06-30"], bad)
    assert (2, "") == (status, out)
    assert err == (
        "mentorrules costs: 2 ugyldige felter: hourly_cost: skal være et tal eller en decimaltekst som '250.00', "
        "ikke '2,5'; mentor_hours: skal angives\n"
    )
    status, out, err = _run(["costs", "-", "--on", "2024-06-30", "--lang", "en", "--format", "json"], bad)
    assert err == (
        "mentorrules costs: 2 bad fields: hourly_cost: must be a number or a decimal string such as '250.00', "
        "not '2,5'; mentor_hours: is required\n"
    )
    record = json.loads(out)["error"]
    assert record["message"] == err.removeprefix("mentorrules costs: ").strip()
    assert record["text"]["da"].startswith("2 ugyldige felter: ")
    assert record["errors"][1] == {
        "path": "mentor_hours",
        "message": "is required",
        "text": {"da": "skal angives", "en": "is required"},
    }


def test_practice_command_in_the_chosen_language(tmp_path: Path) -> None:
    """The page and the errors follow --lang."""
    status, out, err = _run(["practice"])
    assert (0, "") == (status, err)
    assert "Kilde: Jobcenter Assens, Beskæftigelsesmentor, afsnittet »Almene regler«" in out
    status, out, err = _run(["practice", "--lang", "en"])
    assert "Source: Jobcenter Assens, Beskæftigelsesmentor, section »Almene regler«" in out
    assert "afsnittet" not in out
    bad = tmp_path / "bad.toml"
    bad.write_text("a = ", encoding="utf-8")
    status, _, err = _run(["practice", "--profile", str(bad)])
    assert (2, err) == (
        2,
        f"mentorrules practice: profilen {str(bad)!r} er ikke gyldig (1 ugyldigt felt):\n"
        f"  <dokument>: ugyldig TOML i {bad}: ugyldig værdi (ved dokumentets slutning)\n",
    )
    status, _, err = _run(["practice", "--profile", str(bad), "--lang", "en"])
    assert err == (
        f"mentorrules practice: the profile {str(bad)!r} is not valid (1 bad field):\n"
        f"  <document>: invalid TOML in {bad}: Invalid value (at end of document)\n"
    )
