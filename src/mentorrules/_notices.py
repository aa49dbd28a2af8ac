"""
Notices: information in a decision that does not change a verdict.

``privacy.identifier_in_text``
    A free-text field (``case_id`` included) holds what looks like a CPR number
    (*personnummer*): ``ddmmyy-xxxx``, or ten digits whose first six form a
    valid date.  The message names the field and never repeats the number.
``guidance.conflict``
    ``eligibility.purpose`` applies, the purpose is ordinary education and the
    citizen is not under 30 on the first period's start: STAR's guidance
    (under 30) and the statute (no age limit since 2014) disagree.
``law.unverified``
    A finding that applies cites a provision, or an in-force date, that the
    legal research could not verify.
``law.transition``
    A period starts before or ends after the window of the law version
    applied, so part of it may be governed by other rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

from mentorrules._registry import display
from mentorrules.outcomes import Finding, Notice


if TYPE_CHECKING:
    from mentorrules.facts import Case


__all__ = ["NOTICE_CODES", "NOTICE_TEXTS", "identifier_fields"]

NOTICE_TEXTS = MappingProxyType(
    {
        "privacy.identifier_in_text": (
            "Feltet {field} indeholder noget, der ligner et CPR-nummer. Fjern det: CPR-numre hører ikke hjemme i "
            "fritekst eller sagsreferencer, og biblioteket gentager det ikke.",
            "The field {field} holds something that looks like a CPR number. Remove it: CPR numbers do not belong in "
            "free text or case references, and the library does not repeat it.",
        ),
        "guidance.conflict": (
            "Formålet er ordinær uddannelse, og borgeren er ikke under 30 år ved første periodes start ({first_start}). "
            "STARs vejledning nævner mentor ved ordinær uddannelse for personer under 30 år, men loven har ingen "
            "aldersgrænse; vurdér, hvilken læsning sagen skal følge.",
            "The purpose is ordinary education and the citizen is not under 30 on the first period's start "
            "({first_start}). STAR's guidance mentions a mentor for ordinary education for persons under 30, but the act "
            "has no age limit; consider which reading the case shall follow.",
        ),
        "law.unverified": (
            "Afgørelsen bygger på en bestemmelse eller en ikrafttrædelsesdato, som ikke er verificeret: {citation}. "
            "Kontrollér teksten på retsinformation.dk.",
            "The decision relies on a provision or an in-force date that is not verified: {citation}. Check the text "
            "on retsinformation.dk.",
        ),
        "law.transition": (
            "Perioden {start} til {end} ligger delvis uden for gyldighedsperioden for regelsættet {law} "
            "({valid_from} til {valid_to}); andre regler kan gælde for en del af den.",
            "The period {start} to {end} lies partly outside the window of the law version {law} "
            "({valid_from} to {valid_to}); other rules may govern part of it.",
        ),
        "law.transition/outside": (
            "Perioden {start} til {end} ligger helt uden for gyldighedsperioden for regelsættet {law} "
            "({valid_from} til {valid_to}); andre regler kan gælde for den.",
            "The period {start} to {end} lies entirely outside the window of the law version {law} "
            "({valid_from} to {valid_to}); other rules may govern it.",
        ),
    }
)
#: The notice codes (a text keyed ``code/reason`` words a notice whose ``reason`` fact is that reason).
NOTICE_CODES = tuple(code for code in NOTICE_TEXTS if "/" not in code)


class NoticeExplainer:
    """Words notice messages from :data:`NOTICE_TEXTS`; the citations are appended where there are any."""

    __slots__ = ()

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Return the notice's message in ``lang``."""
        assert isinstance(item, Notice)
        reason = item.facts.get("reason")
        da, en = NOTICE_TEXTS.get(f"{item.code}/{reason}") or NOTICE_TEXTS[item.code]
        args = {key: display(value, lang) for key, value in item.facts.items()}
        text = (da if lang == "da" else en).format_map(args)
        if item.references:
            text += " (" + "; ".join(r.citation for r in item.references) + ")"
        return text


NOTICE_EXPLAINER = NoticeExplainer()

# ddmmyy-xxxx, or ten digits in a row; neither may touch other digits.
_CPR_LIKE = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})(?:-[0-9]{4}|[0-9]{4})(?![0-9])")


def _valid_day(day: str, month: str, year: str) -> bool:
    try:
        date(2000 + int(year), int(month), int(day))  # 2000 is a leap year: 29 February is a valid birthday
    except ValueError:
        return False
    return True


def looks_like_cpr(text: str) -> bool:
    """
    Return whether ``text`` holds something that looks like a CPR number.

    >>> looks_like_cpr("ref 010203-1234"), looks_like_cpr("0102031234"), looks_like_cpr("tlf 20304050")
    (True, True, False)
    >>> looks_like_cpr("3213001234")  # no 32nd day
    False
    """
    return any(_valid_day(*m.groups()) for m in _CPR_LIKE.finditer(text))


def _texts(case: Case) -> Iterator[tuple[str, str | None]]:
    yield "case_id", case.case_id
    for name in ("decisive_need", "beyond_usual_duties", "hours_assessment"):
        assessment = getattr(case, name)
        if assessment is not None:
            yield f"{name}.by", assessment.by
            yield f"{name}.reason", assessment.reason
    mentor = case.mentor
    if mentor is not None:
        yield "mentor.name", mentor.name
        yield "mentor.phone", mentor.phone
        yield "mentor.email", mentor.email
    for i, task in enumerate(case.tasks):
        yield f"tasks[{i}].description", task.description
    for i, period in enumerate(case.periods):
        if period.assessment is not None:
            yield f"periods[{i}].assessment.by", period.assessment.by
            yield f"periods[{i}].assessment.reason", period.assessment.reason
        agreement = period.agreement
        if agreement is not None:
            prefix = f"periods[{i}].agreement"
            yield f"{prefix}.goal", agreement.goal
            yield f"{prefix}.mentor_name", agreement.mentor_name
            yield f"{prefix}.mentor_contact", agreement.mentor_contact
            for j, item in enumerate(agreement.tasks):
                yield f"{prefix}.tasks[{j}]", item
    discharge = case.psychiatric_discharge
    if discharge is not None and discharge.in_connection is not None:
        yield "psychiatric_discharge.in_connection.by", discharge.in_connection.by
        yield "psychiatric_discharge.in_connection.reason", discharge.in_connection.reason


# ASCII digits become "0", so six digits in a row become b"000000".  The text is encoded as Latin-1 with every
# other character replaced by "?": a Latin-1 character other than an ASCII digit becomes one byte that is not an
# ASCII digit, and so does any other character, so the runs of ASCII digits are exactly those of the text (as in
# UTF-8, which costs more to encode).  A C-level scan, about five times faster than a regular expression.
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _strings(case: Case) -> list[str | None]:
    """Return every free text of the case, without paths (the cheap first pass)."""
    strings: list[str | None] = [case.case_id]
    discharge = case.psychiatric_discharge
    in_connection = None if discharge is None else discharge.in_connection
    for assessment in (case.decisive_need, case.beyond_usual_duties, case.hours_assessment, in_connection):
        if assessment is not None:
            strings += (assessment.by, assessment.reason)
    mentor = case.mentor
    if mentor is not None:
        strings += (mentor.name, mentor.phone, mentor.email)
    strings += [task.description for task in case.tasks]
    for period in case.periods:
        assessment = period.assessment
        if assessment is not None:
            strings += (assessment.by, assessment.reason)
        agreement = period.agreement
        if agreement is not None:
            strings += (agreement.goal, agreement.mentor_name, agreement.mentor_contact, *agreement.tasks)
    return strings


def identifier_fields(case: Case) -> list[str]:
    """Return the paths of the free-text fields that hold something like a CPR number."""
    if b"000000" not in "\n".join(filter(None, _strings(case))).encode("latin-1", "replace").translate(_DIGITS_TO_ZERO):
        return []  # the common case: no run of six digits anywhere
    return [path for path, text in _texts(case) if text and looks_like_cpr(text)]
