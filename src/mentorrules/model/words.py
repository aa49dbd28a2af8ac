"""
The words a message uses for the codes facts hold: enum values, condition names, verdicts, yes and no.

:func:`display` turns a fact into message text in Danish or English: codes in words
(``"municipality"`` is *kommunen* / *the municipality*), lists joined, unknown as
*ukendt* / *unknown*, decimals with a Danish comma.  Every text of the library words
facts through it: the rules' messages, the notices, the practice profiles.

:func:`counted` puts a number before a noun in the right number in either language
(``1 afgørelse``, ``2 afgørelser``, ``1 decision``), for every count a user reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from mentorrules.model.generated import grouped
from mentorrules.model.outcomes import VERDICT_WORDS, FactValue, Verdict, check_lang, fact_to_json


__all__ = ["LABELS", "NOUNS", "counted", "display", "number"]


#: Words for the codes that facts hold (enum values and condition names), in Danish and English.
LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        # Purpose (LAB § 167, stk. 1)
        "activity": ("aktiviteter", "activities"),
        "offer": ("tilbud", "an offer"),
        "ordinary_education": ("ordinær uddannelse", "ordinary education"),
        "flexjob": ("ansættelse i fleksjob", "a flex job"),
        "ordinary_employment": ("ordinær ansættelse", "ordinary employment"),
        # Who employs or engaged the mentor (§ 168)
        "company": ("en virksomhed", "a company"),
        "education_institution": ("en uddannelsesinstitution", "an education institution"),
        "municipality": ("kommunen", "the municipality"),
        "external_consultant": ("ekstern konsulent", "an external consultant"),
        # Hours
        "per_week": ("timer pr. uge", "hours per week"),
        "total": ("timer i alt", "hours in total"),
        # How a new period follows the previous one
        "expiry": ("ved udløb af den forrige", "at the expiry of the previous one"),
        "gap": ("efter et ophold", "after a gap"),
        "overlap": ("overlappende", "overlapping"),
        # Conditions of the rights (§ 167, stk. 2 and 3)
        "target_group": ("målgruppe", "target group"),
        "inpatient": ("indlagt (ikke ambulant eller dagbehandling)", "in-patient (not out-patient or day treatment)"),
        "psychiatric": ("psykiatrisk indlæggelse", "psychiatric admission"),
        "purpose": ("formål efter stk. 1", "a purpose of stk. 1"),
        "under_30": ("under 30 år ved optagelsen", "under 30 on admission"),
        "qualifying": ("kompetencegivende uddannelse", "a qualifying education"),
        "right_invoked_on": ("dato for brug af retten", "the day the right is taken up"),
        "birth_date": ("fødselsdato", "birth date"),
        "in_connection": (
            "vurdering af, at støtten gives i forbindelse med udskrivningen",
            "the assessment that the support is given in connection with the discharge",
        ),
        # The rights a finding may wait on (C2.11)
        "right.psychiatric_discharge": (
            "retten til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse",
            "the right to mentor support on discharge from psychiatric admission",
        ),
        "right.education_admission": (
            "retten til mentorstøtte ved optagelse på uddannelse",
            "the right to mentor support on admission to education",
        ),
    }
)


def display(value: FactValue, lang: str) -> object:
    """Return a fact as message text: codes in words, lists joined, unknown as "ukendt", "7,5" in Danish."""
    kind = type(value)
    if kind is date:
        return value.isoformat()  # type: ignore[union-attr]
    index = 0 if lang == "da" else 1
    if isinstance(value, Verdict):
        return VERDICT_WORDS[lang][value]  # a verdict is the str of its value, and hashes as it
    if isinstance(value, str):
        label = LABELS.get(value)
        return value if label is None else label[index]
    if isinstance(value, tuple):
        words = [LABELS[v][index] if v in LABELS else v for v in value]
        return ", ".join(words) if words else ("ingen" if lang == "da" else "none")
    if value is None:
        return "ukendt" if lang == "da" else "unknown"
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
    if isinstance(value, Decimal) and lang == "da":
        return str(fact_to_json(value)).replace(".", ",")
    return fact_to_json(value)


#: Nouns to count, by their English singular: (Danish singular, Danish plural, English singular, English plural).
NOUNS: Mapping[str, tuple[str, str, str, str]] = MappingProxyType(
    {
        "bad field": ("ugyldigt felt", "ugyldige felter", "bad field", "bad fields"),
        "case": ("sag", "sager", "case", "cases"),
        "decision": ("afgørelse", "afgørelser", "decision", "decisions"),
        "error": ("fejl", "fejl", "error", "errors"),
        "field": ("felt", "felter", "field", "fields"),
        "file": ("fil", "filer", "file", "files"),
        "finding": ("fund", "fund", "finding", "findings"),
        "hour": ("time", "timer", "hour", "hours"),
        "internal error": ("intern fejl", "interne fejl", "internal error", "internal errors"),
        "invalid": ("ugyldig", "ugyldige", "invalid", "invalid"),
        "line": ("linje", "linjer", "line", "lines"),
        "notice": ("bemærkning", "bemærkninger", "notice", "notices"),
        "period": ("periode", "perioder", "period", "periods"),
        "record": ("post", "poster", "record", "records"),
        "rule": ("regel", "regler", "rule", "rules"),
    }
)


def number(count: int, lang: str = "da") -> str:
    """
    Write a whole number with its thousands grouped as ``lang`` writes it.

    >>> number(1500), number(1500, "en")
    ('1.500', '1,500')
    """
    check_lang(lang)
    return grouped(count)[0 if lang == "da" else 1]


def counted(count: int, noun: str, lang: str = "da") -> str:
    """
    Return a count and a noun of :data:`NOUNS` in the right number: one is singular, any other count plural.

    The number is grouped as each language writes it (``1.000`` in Danish, ``1,000`` in English).

    >>> counted(1, "decision"), counted(2, "decision"), counted(0, "bad field", "en"), counted(2, "invalid")
    ('1 afgørelse', '2 afgørelser', '0 bad fields', '2 ugyldige')
    >>> counted(1000, "case"), counted(1000, "case", "en")
    ('1.000 sager', '1,000 cases')

    Raises:
        KeyError: If ``noun`` is not in :data:`NOUNS`.
        ValueError: If ``lang`` is neither ``"da"`` nor ``"en"``.
    """
    forms = NOUNS[noun]
    return f"{number(count, lang)} {forms[(0 if lang == 'da' else 2) + (count != 1)]}"
