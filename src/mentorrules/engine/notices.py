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

from types import MappingProxyType
from typing import TYPE_CHECKING

from mentorrules.model.outcomes import Decision, Finding, Notice
from mentorrules.model.words import display


if TYPE_CHECKING:
    pass


__all__ = ["NOTICE_CODES", "NOTICE_EXPLAINER", "NOTICE_TEXTS", "NoticeExplainer", "case_id_withheld"]

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


def case_id_withheld(decision: Decision) -> bool:
    """Whether a decision's ``case_id`` looks like a CPR number (a privacy notice names it): no output shows it."""
    return any(n.code == "privacy.identifier_in_text" and n.subject == "case_id" for n in decision.notices)
