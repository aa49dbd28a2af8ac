"""
The practice checks: a meeting's place and a home visit, disclosure, the agreement's complaint guidance, tasks.

Each check takes its facts and a profile (:mod:`mentorrules.practice.profile`)
and returns a :class:`PracticeResult`, whose findings cite the profile's source as
municipal practice, never as law.  :func:`classify_task` suggests catalogue
categories for a free-text task; a suggestion, never a decision.

:class:`HomeVisit` is a fact built in Python, not a document read from a format:
besides its named conditions it holds a free mapping of further conditions by id
(``other``), which the description of a document (:mod:`mentorrules.model.description`)
has no kind for, so it keeps its own small check.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from mentorrules.model.exceptions import CaseError, FieldError, Messages
from mentorrules.model.facts import Agreement
from mentorrules.model.generated import FIELD_MESSAGES, key_text
from mentorrules.model.outcomes import FactValue, Finding, Notice, Verdict, aggregate_verdict, check_lang
from mentorrules.model.references import LegalReference
from mentorrules.model.words import display
from mentorrules.practice.profile import (
    _LOCATION_WORDS,
    _SIMPLE_ID,
    MeetingLocation,
    OtherDisclosure,
    Profile,
    RuleItem,
    _pick,
    _places,
    _resolve,
    _tokens,
    _type_name,
)


__all__ = [
    "RESULT_SCHEMA",
    "DisclosureKind",
    "HomeVisit",
    "PracticeResult",
    "TaskSuggestion",
    "check_agreement_practice",
    "check_disclosure",
    "check_home_visit",
    "classify_task",
]

#: The ``schema`` key of :meth:`PracticeResult.to_dict`.
RESULT_SCHEMA: Final = "mentorrules.practice/1"


# --- facts -------------------------------------------------------------------


class DisclosureKind(enum.StrEnum):
    """
    What the mentor would tell the employment adviser (*beskæftigelsesrådgiveren*).

    ``GOAL_EVALUATION`` the evaluation against the agreed goals; ``OTHER`` any
    other information; ``LAW_VIOLATION`` knowledge of a violation of the law.
    """

    GOAL_EVALUATION = "goal_evaluation"
    OTHER = "other"
    LAW_VIOLATION = "law_violation"


_NO_CONDITIONS: Final[Mapping[str, bool | None]] = MappingProxyType({})


@attrs.frozen(kw_only=True)
class HomeVisit:
    """
    The facts of a meeting, for the profile's rules on meeting places and home visits.

    ``None`` means *not known*.  The four named conditions are those of the
    Assens leaflet; a profile that names other conditions reads them from
    :attr:`other` by the condition's id.

    Attributes:
        location: Where the meeting takes place.
        no_smoking: The citizen does not smoke indoors and has aired the home
            before the mentor arrives.
        pets_under_control: The citizen keeps pets under control.
        no_threatening_guests: No guests who behave threateningly are present.
        no_threatening_behaviour: The citizen does not behave threateningly.
        other: Further conditions by id (``{"no_weapons": True}``), for
            profiles that name conditions of their own.

    Raises:
        CaseError: If a field has the wrong type, or ``other`` uses a key
            that is not a condition id or is one of the named fields.
    """

    location: MeetingLocation | None = None
    no_smoking: bool | None = None
    pets_under_control: bool | None = None
    no_threatening_guests: bool | None = None
    no_threatening_behaviour: bool | None = None
    other: Mapping[str, bool | None] = attrs.field(default=_NO_CONDITIONS, hash=False)

    def __attrs_post_init__(self) -> None:
        """Check the field types and freeze ``other``."""
        errors: list[FieldError] = []
        location: object = self.location
        if location is not None and not isinstance(location, MeetingLocation):
            wrong = FIELD_MESSAGES.of("field.must_be", expected="MeetingLocation", actual=_type_name(location))
            errors.append(FieldError.of("location", wrong))
        for name in _NAMED_CONDITIONS:
            _check_flag(getattr(self, name), name, errors)
        other: object = self.other
        if isinstance(other, Mapping):
            for key, value in other.items():
                path = f"other.{key_text(key)}"  # a key like a CPR number is withheld, as the readers withhold it
                if not isinstance(key, str) or not _SIMPLE_ID.fullmatch(key):
                    errors.append(FieldError.of(path, _MESSAGES.of("practice.condition_id")))
                elif key in _NAMED_CONDITIONS:
                    errors.append(FieldError.of(path, _MESSAGES.of("practice.named_condition", key=key)))
                else:
                    _check_flag(value, path, errors)
        else:
            wrong = FIELD_MESSAGES.of("field.must_be", expected=("en mapping", "a mapping"), actual=_type_name(other))
            errors.append(FieldError.of("other", wrong))
        if errors:
            raise CaseError(errors)
        object.__setattr__(self, "other", MappingProxyType(dict(self.other)))

    def fact(self, condition: str) -> bool | None:
        """Return what is known about a condition: a named field, else :attr:`other`, else ``None``."""
        if condition in _NAMED_CONDITIONS:
            value: bool | None = getattr(self, condition)
            return value
        return self.other.get(condition)


_NAMED_CONDITIONS: Final = ("no_smoking", "pets_under_control", "no_threatening_guests", "no_threatening_behaviour")


def _check_flag(value: object, path: str, errors: list[FieldError]) -> None:
    if value is not None and type(value) is not bool:
        wrong = FIELD_MESSAGES.of(
            "field.must_be", expected=("bool eller None", "bool or None"), actual=_type_name(value)
        )
        errors.append(FieldError.of(path, wrong))


#: The messages about a home visit's facts (the rest are the readers', :data:`FIELD_MESSAGES`).
_MESSAGES: Final = Messages(
    {
        "practice.condition_id": (
            "skal være et betingelses-id (små bogstaver, cifre, '_')",
            "must be a condition id (lower case, digits, '_')",
        ),
        "practice.named_condition": (
            "er et navngivet felt: sæt {key}= i stedet",
            "is a named field: set {key}= instead",
        ),
    }
)


# --- task classification -------------------------------------------------------


@attrs.frozen(kw_only=True)
class TaskSuggestion:
    """
    A suggested category for a free-text task: a suggestion, never a decision.

    Attributes:
        category: The category id (``"mentor.stability_structure"``).
        group: Its group id.
        label_da: The category's Danish label.
        label_en: The category's English label.
        matched: The profile's keywords found in the text, in profile order.
        score: How many keywords were found.
    """

    category: str
    group: str
    label_da: str
    label_en: str
    matched: tuple[str, ...]
    score: int

    def label(self, lang: str = "da") -> str:
        """Return the category's label in ``lang``."""
        check_lang(lang)
        return _pick(lang, self.label_da, self.label_en)

    def note(self, lang: str = "da") -> str:
        """Say, in ``lang``, that this is a suggestion from keywords and the caseworker decides."""
        check_lang(lang)
        found = ", ".join(self.matched)
        return _pick(
            lang,
            f"Forslag ud fra nøgleord i teksten ({found}), ikke en afgørelse: sagsbehandleren vælger kategorien.",
            f"A suggestion from keywords in the text ({found}), not a decision: the caseworker chooses the category.",
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready description, the note in both languages included."""
        return {
            "category": self.category,
            "group": self.group,
            "label": {"da": self.label_da, "en": self.label_en},
            "matched": list(self.matched),
            "score": self.score,
            "note": {"da": self.note("da"), "en": self.note("en")},
        }


def classify_task(text: str, *, profile: Profile | str | Path | Mapping[str, Any]) -> tuple[TaskSuggestion, ...]:
    """
    Suggest catalogue categories for a free-text task by keyword match.

    The match is simple so that it can be explained: the text is
    Unicode-normalised (NFKC) and case-folded and split into words; a
    keyword of the profile matches a word that starts with it (the keywords
    are stems: ``"motiv"`` matches *motivere* and *motivation*), and a keyword
    of several words matches them in a row.  A category's score is the number
    of its keywords found.  The result is a **suggestion** only: words can
    mislead, and the caseworker chooses the category.  Each suggestion says so
    in its :meth:`~TaskSuggestion.note`.

    Args:
        text: The task as written in the case.
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The categories with at least one keyword found, by score (highest
        first), then by id; empty when nothing matches.

    Raises:
        TypeError: If ``text`` is not a string.

    >>> [(s.category, s.matched) for s in classify_task("Motivation og tillid", profile="assens")]
    [('mentor.trust_motivation', ('tillid', 'motiv'))]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {_type_name(text)}")
    resolved = _resolve(profile)
    words = _tokens(text)
    suggestions = []
    for task in resolved.tasks:
        matched = task.matches(words)
        if matched:
            suggestions.append(
                TaskSuggestion(
                    category=task.id,
                    group=task.group,
                    label_da=task.label_da,
                    label_en=task.label_en,
                    matched=matched,
                    score=len(matched),
                )
            )
    return tuple(sorted(suggestions, key=lambda s: (-s.score, s.category)))


# --- results -----------------------------------------------------------------


@attrs.frozen
class _Worded:
    """The explainer of a practice finding: the message in both languages, the citation appended."""

    da: str
    en: str

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Return the message in ``lang`` with the citations of ``item`` (cited as every finding cites, in Danish)."""
        citation = "; ".join(r.citation for r in item.references)
        return f"{_pick(lang, self.da, self.en)} ({citation})"


def _finding(
    rule: str,
    verdict: Verdict,
    subject: str,
    reference: LegalReference,
    facts: Mapping[str, FactValue],
    da: str,
    en: str,
) -> Finding:
    return Finding(rule, verdict, subject, (reference,), MappingProxyType(dict(facts)), _Worded(da, en))


@attrs.frozen(kw_only=True)
class PracticeResult:
    """
    The outcome of a practice check: local practice, never a legal verdict.

    Attributes:
        check: Which check (``"home_visit"``, ``"disclosure"``, ``"agreement"``).
        profile: The profile id.
        profile_name: Whose practice it is (``"Jobcenter Assens"``).
        profile_version: The profile's version.
        verdict: The aggregate verdict of the findings
            (:func:`~mentorrules.model.outcomes.aggregate_verdict`).
        findings: One finding per rule, each citing the profile's source.
    """

    check: str
    profile: str
    profile_name: str
    profile_version: str
    verdict: Verdict
    findings: tuple[Finding, ...]

    @property
    def unmet(self) -> tuple[Finding, ...]:
        """The findings that are not met: what must change before the practice is followed."""
        return tuple(f for f in self.findings if f.verdict is Verdict.NOT_MET)

    def note(self, lang: str = "da") -> str:
        """Say, in ``lang``, that this is local practice and not law."""
        check_lang(lang)
        return _pick(
            lang,
            f"Lokal praksis hos {self.profile_name} (praksisprofil {self.profile}, version {self.profile_version}), "
            "ikke lov. Lovens krav prøves af mentorrules.evaluate().",
            f"Local practice of {self.profile_name} (practice profile {self.profile}, version {self.profile_version}), "
            "not law. The law's requirements are checked by mentorrules.evaluate().",
        )

    def explain(self, lang: str = "da") -> str:
        """Return a readable explanation: the verdict, the note, then every finding."""
        check_lang(lang)
        lines = [f"{self.check}: {display(self.verdict, lang)}", self.note(lang)]
        lines.extend(f"- {f.rule} ({display(f.verdict, lang)}): {f.message(lang)}" for f in self.findings)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready record (``schema`` ``"mentorrules.practice/1"``)."""
        return {
            "schema": RESULT_SCHEMA,
            "check": self.check,
            "profile": {"id": self.profile, "name": self.profile_name, "version": self.profile_version},
            "verdict": self.verdict.value,
            "unmet": [f.rule for f in self.unmet],
            "findings": [f.to_dict() for f in self.findings],
            "note": {"da": self.note("da"), "en": self.note("en")},
        }


def _result(check: str, profile: Profile, findings: Iterable[Finding]) -> PracticeResult:
    found = tuple(findings)
    return PracticeResult(
        check=check,
        profile=profile.id,
        profile_name=profile.name,
        profile_version=profile.version,
        verdict=aggregate_verdict(found),
        findings=found,
    )


# --- home visits ---------------------------------------------------------------


def check_home_visit(visit: HomeVisit, *, profile: Profile | str | Path | Mapping[str, Any]) -> PracticeResult:
    """
    Check a meeting against the profile's rules on meeting places and home visits.

    Meetings normally take place at the profile's usual places (for Assens:
    the job centre, the workplace or internship, the place of education).  A
    home visit is the exception and needs every condition of the profile.

    Rules:
        ``practice.meeting.place``: met at a usual place, and in the home
        when the profile allows home visits as the exception; not met in the
        home when it does not; needs assessment anywhere else (the caseworker
        assesses the place); missing facts when the place is unknown.

        ``practice.home_visit.<condition id>``, one per condition: met, not
        met or missing facts by what is known; not applicable when the
        meeting is not in the home, or home visits are not allowed; missing
        facts when the place is unknown.

    Args:
        visit: The meeting.
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The findings; :attr:`PracticeResult.unmet` lists the unmet conditions.

    Raises:
        TypeError: If ``visit`` is not a :class:`HomeVisit`.

    """
    if not isinstance(visit, HomeVisit):
        raise TypeError(f"visit must be a HomeVisit, not {_type_name(visit)}")
    resolved = _resolve(profile)
    findings = [_place_finding(visit, resolved)]
    findings.extend(_condition_finding(visit, resolved, condition) for condition in resolved.home_visit.conditions)
    return _result("home_visit", resolved, findings)


def _place_finding(visit: HomeVisit, profile: Profile) -> Finding:
    rules = profile.meetings
    location = visit.location
    usual_da = _places(rules.usual_places, "da")
    usual_en = _places(rules.usual_places, "en")
    facts: dict[str, FactValue] = {"location": None if location is None else location.value}
    reference = profile.reference(rules.section)

    def found(verdict: Verdict, da: str, en: str) -> Finding:
        return _finding("practice.meeting.place", verdict, "location", reference, facts, da, en)

    if location is None:
        return found(
            Verdict.MISSING_FACTS,
            f"Mødestedet er ikke oplyst. Oplys, om mødet holdes {usual_da}, i borgerens hjem eller et andet sted.",
            f"The meeting place is not stated. State whether the meeting is held {usual_en}, in the citizen's home "
            "or somewhere else.",
        )
    place_da, place_en = _LOCATION_WORDS[location]
    if location in rules.usual_places:
        return found(
            Verdict.MET,
            f"Mødet holdes {place_da}, et af de sædvanlige mødesteder ({usual_da}).",
            f"The meeting is held {place_en}, one of the usual meeting places ({usual_en}).",
        )
    if location is MeetingLocation.HOME and profile.home_visit.allowed:
        return found(
            Verdict.MET,
            f"Mødet holdes i borgerens hjem. Det er en undtagelse: som udgangspunkt holdes møder {usual_da}. "
            "Betingelserne for hjemmebesøg skal være opfyldt før besøget.",
            f"The meeting is held in the citizen's home. That is the exception: meetings are normally held "
            f"{usual_en}. The conditions for a home visit must be met before the visit.",
        )
    if location is MeetingLocation.HOME:
        return found(
            Verdict.NOT_MET,
            f"Mødet holdes i borgerens hjem, men {profile.name} holder ikke møder i hjemmet. Hold mødet {usual_da}.",
            f"The meeting is held in the citizen's home, but {profile.name} does not hold meetings in the home. "
            f"Hold the meeting {usual_en}.",
        )
    return found(
        Verdict.NEEDS_ASSESSMENT,
        f"Mødet holdes {place_da}, som ikke er et af de sædvanlige mødesteder ({usual_da}). "
        "Sagsbehandleren vurderer, om stedet kan bruges.",
        f"The meeting is held {place_en}, which is not one of the usual meeting places ({usual_en}). "
        "The caseworker assesses whether the place can be used.",
    )


def _condition_finding(visit: HomeVisit, profile: Profile, condition: RuleItem) -> Finding:
    location = visit.location
    value = visit.fact(condition.id)
    rule = f"practice.home_visit.{condition.id}"
    subject = condition.id if condition.id in _NAMED_CONDITIONS else f"other.{condition.id}"
    facts: dict[str, FactValue] = {"location": None if location is None else location.value, condition.id: value}
    reference = profile.reference(profile.home_visit.section)
    da_text, en_text = f"»{condition.text_da}«", f"“{condition.text_en}”"

    def found(verdict: Verdict, da: str, en: str) -> Finding:
        return _finding(rule, verdict, subject, reference, facts, da, en)

    if location is None:
        return found(
            Verdict.MISSING_FACTS,
            f"Mødestedet er ikke oplyst, så det vides ikke, om betingelsen for hjemmebesøg gælder: {da_text}",
            f"The meeting place is not stated, so it is not known whether the home-visit condition applies: {en_text}",
        )
    if location is not MeetingLocation.HOME:
        place_da, place_en = _LOCATION_WORDS[location]
        return found(
            Verdict.NOT_APPLICABLE,
            f"Mødet holdes {place_da}, ikke i hjemmet, så betingelsen for hjemmebesøg gælder ikke: {da_text}",
            f"The meeting is held {place_en}, not in the home, so the home-visit condition does not apply: {en_text}",
        )
    if not profile.home_visit.allowed:
        return found(
            Verdict.NOT_APPLICABLE,
            f"{profile.name} holder ikke møder i hjemmet, så betingelsen prøves ikke: {da_text}",
            f"{profile.name} does not hold meetings in the home, so the condition is not tested: {en_text}",
        )
    if value is None:
        return found(
            Verdict.MISSING_FACTS,
            f"Det er ikke oplyst, om betingelsen for hjemmebesøg er opfyldt: {da_text} Afklar det før besøget.",
            f"It is not stated whether the home-visit condition is met: {en_text} Clarify it before the visit.",
        )
    if value:
        return found(
            Verdict.MET,
            f"Betingelsen for hjemmebesøg er opfyldt: {da_text}",
            f"The home-visit condition is met: {en_text}",
        )
    usual_da = _places(profile.meetings.usual_places, "da")
    usual_en = _places(profile.meetings.usual_places, "en")
    return found(
        Verdict.NOT_MET,
        f"Betingelsen for hjemmebesøg er ikke opfyldt: {da_text} Hold ikke mødet i hjemmet, før betingelsen er "
        f"opfyldt; hold det i stedet {usual_da}.",
        f"The home-visit condition is not met: {en_text} Do not hold the meeting in the home until the condition is "
        f"met; hold it {usual_en} instead.",
    )


# --- disclosure --------------------------------------------------------------


def check_disclosure(
    kind: DisclosureKind | str,
    *,
    citizen_informed: bool | None = None,
    consent: bool | None = None,
    profile: Profile | str | Path | Mapping[str, Any],
) -> PracticeResult:
    """
    Check what the mentor may tell the employment adviser, and what must happen first.

    Rules:
        ``practice.disclosure.goal_evaluation`` (kind ``goal_evaluation``):
        met: the mentor reports the evaluation against the agreed goals.

        ``practice.disclosure.citizen_informed`` (kind ``other``): not met
        until the citizen is informed (missing facts when unknown); not
        applicable when the profile does not require it.

        ``practice.disclosure.consent`` (kind ``other``): met with consent;
        otherwise needs assessment: consent may be required, and the
        caseworker assesses whether it is; not applicable when the profile
        does not mention consent.

        ``practice.disclosure.law_violation`` (kind ``law_violation``): the
        mentor's heightened duty to report knowledge of law violations
        (*skærpet indberetningspligt*) is stated, not decided: needs
        assessment; not applicable when the profile states no such duty.

    Args:
        kind: What would be told (a :class:`DisclosureKind` or its value).
        citizen_informed: The citizen has been informed (``None``: unknown).
        consent: The citizen has consented (``None``: not recorded).
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The findings, each saying what must happen first.

    Raises:
        ValueError: If ``kind`` is not a disclosure kind.
        TypeError: If ``citizen_informed`` or ``consent`` is not a bool or ``None``.

    """
    try:
        chosen = DisclosureKind(kind)
    except ValueError:
        kinds = ", ".join(member.value for member in DisclosureKind)
        raise ValueError(f"unknown disclosure kind {kind!r}; the kinds are {kinds}") from None
    for name, value in (("citizen_informed", citizen_informed), ("consent", consent)):
        if value is not None and type(value) is not bool:
            raise TypeError(f"{name} must be bool or None, not {_type_name(value)}")
    resolved = _resolve(profile)
    rules = resolved.disclosure
    reference = resolved.reference(rules.section)
    facts: dict[str, FactValue] = {"kind": chosen.value, "citizen_informed": citizen_informed, "consent": consent}
    if chosen is DisclosureKind.GOAL_EVALUATION:
        findings = [
            _finding(
                "practice.disclosure.goal_evaluation",
                Verdict.MET,
                "kind",
                reference,
                facts,
                "Mentor må give beskæftigelsesrådgiveren evalueringen i forhold til de aftalte mål. Først skal målene "
                "være aftalt med borgeren (de står i aftalen); giv kun evalueringen i forhold til dem. Andre "
                "oplysninger følger reglen om andre oplysninger.",
                "The mentor may give the employment adviser the evaluation against the agreed goals. First, the goals "
                "must be agreed with the citizen (they are in the agreement); give only the evaluation against them. "
                "Other information follows the rule on other information.",
            )
        ]
    elif chosen is DisclosureKind.OTHER:
        findings = [
            _informed_finding(rules.other, reference, facts, citizen_informed),
            _consent_finding(rules.other, reference, facts, consent),
        ]
    else:
        findings = [_law_violation_finding(resolved, reference, facts)]
    return _result("disclosure", resolved, findings)


def _informed_finding(
    rules: OtherDisclosure, reference: LegalReference, facts: Mapping[str, FactValue], informed: bool | None
) -> Finding:
    rule = "practice.disclosure.citizen_informed"
    if not rules.inform_first:
        verdict = Verdict.NOT_APPLICABLE
        da = "Profilen kræver ikke, at borgeren informeres, før andre oplysninger gives til beskæftigelsesrådgiveren."
        en = "The profile does not require the citizen to be informed before other information is given to the employment adviser."
    elif informed is None:
        verdict = Verdict.MISSING_FACTS
        da = (
            "Det er ikke oplyst, om borgeren er informeret. Først skal borgeren informeres om, hvilke oplysninger "
            "der gives til beskæftigelsesrådgiveren; registrér det."
        )
        en = (
            "It is not stated whether the citizen has been informed. First the citizen must be informed of what "
            "information is given to the employment adviser; record it."
        )
    elif informed:
        verdict = Verdict.MET
        da = "Borgeren er informeret om, at andre oplysninger end evalueringen gives til beskæftigelsesrådgiveren."
        en = "The citizen has been informed that information other than the evaluation is given to the employment adviser."
    else:
        verdict = Verdict.NOT_MET
        da = (
            "Borgeren er ikke informeret. Først skal borgeren informeres om, hvilke oplysninger der gives til "
            "beskæftigelsesrådgiveren; indtil da må de ikke gives."
        )
        en = (
            "The citizen has not been informed. First the citizen must be informed of what information is given "
            "to the employment adviser; until then it must not be given."
        )
    return _finding(rule, verdict, "citizen_informed", reference, facts, da, en)


def _consent_finding(
    rules: OtherDisclosure, reference: LegalReference, facts: Mapping[str, FactValue], consent: bool | None
) -> Finding:
    rule = "practice.disclosure.consent"
    if not rules.consent_may_be_required:
        verdict = Verdict.NOT_APPLICABLE
        da = "Profilen nævner ikke samtykke til andre oplysninger."
        en = "The profile does not mention consent for other information."
    elif consent is None:
        verdict = Verdict.NEEDS_ASSESSMENT
        da = (
            "Samtykke kan være nødvendigt: sagsbehandleren vurderer, om det kræves. Kræves det, skal samtykket "
            "indhentes, før oplysningerne gives."
        )
        en = (
            "Consent may be required: the caseworker assesses whether it is. If it is, the consent must be "
            "obtained before the information is given."
        )
    elif consent:
        verdict = Verdict.MET
        da = "Borgeren har givet samtykke til, at oplysningerne gives."
        en = "The citizen has consented to the information being given."
    else:
        verdict = Verdict.NEEDS_ASSESSMENT
        da = (
            "Borgeren har ikke givet samtykke. Sagsbehandleren vurderer først, om samtykke kræves; kræves det, "
            "må oplysningerne ikke gives."
        )
        en = (
            "The citizen has not consented. The caseworker first assesses whether consent is required; if it is, "
            "the information must not be given."
        )
    return _finding(rule, verdict, "consent", reference, facts, da, en)


def _law_violation_finding(profile: Profile, reference: LegalReference, facts: Mapping[str, FactValue]) -> Finding:
    rule = "practice.disclosure.law_violation"
    duty = profile.disclosure.law_violation
    if duty is None:
        return _finding(
            rule,
            Verdict.NOT_APPLICABLE,
            "kind",
            reference,
            facts,
            "Profilen nævner ingen skærpet indberetningspligt; biblioteket tager ikke stilling til indberetning af "
            "lovovertrædelser.",
            "The profile states no heightened duty to report; the library takes no position on reporting law "
            "violations.",
        )
    return _finding(
        rule,
        Verdict.NEEDS_ASSESSMENT,
        "kind",
        reference,
        facts,
        f"{duty.text_da} Pligten er nævnt, ikke afgjort: først vurderer mentor og sagsbehandler, om den konkrete viden "
        "er omfattet, og hvad der skal indberettes til hvem. Biblioteket afgør det ikke.",
        f"{duty.text_en} The duty is stated, not decided: first the mentor and the caseworker assess whether the "
        "knowledge in question is covered, and what must be reported to whom. The library does not decide it.",
    )


# --- the agreement -------------------------------------------------------------


def check_agreement_practice(
    agreement: Agreement, *, profile: Profile | str | Path | Mapping[str, Any]
) -> PracticeResult:
    """
    Check an agreement against the profile's local practice: complaint guidance.

    From 2020 complaint guidance (*klagevejledning*) is not among the items
    the law requires in »Min Plan« (BEK § 52), but municipal leaflets still
    list it.  A profile may require it as local practice; the finding then
    says so and is never a legal defect.  The legal requirement (old LAB
    § 31 c, stk. 2, nr. 6, 2014-2019) is the rule ``agreement.complaint_guidance``
    of :func:`~mentorrules.evaluate`.

    Rules:
        ``practice.complaint_guidance``: not applicable when the profile does
        not require it; else met, not met or missing facts by
        ``agreement.complaint_guidance``.

    Args:
        agreement: The agreement.
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The finding.

    Raises:
        TypeError: If ``agreement`` is not an :class:`~mentorrules.Agreement`.

    """
    if not isinstance(agreement, Agreement):
        raise TypeError(f"agreement must be an Agreement, not {_type_name(agreement)}")
    resolved = _resolve(profile)
    section = resolved.complaint_guidance.section if resolved.complaint_guidance is not None else None
    reference = resolved.reference(section)
    stated = agreement.complaint_guidance
    facts: dict[str, FactValue] = {
        "complaint_guidance": stated,
        "require_complaint_guidance": resolved.require_complaint_guidance,
    }
    name = resolved.name
    not_law_da = (
        "Det er lokal praksis, ikke et krav i loven: fra 2020 er klagevejledning ikke blandt punkterne i »Min Plan« "
        "(BEK § 52). Lovens krav for 2014-2019 prøves af reglen agreement.complaint_guidance."
    )
    not_law_en = (
        "This is local practice, not a requirement of the law: from 2020 complaint guidance is not among the items "
        "of »Min Plan« (BEK § 52). The law's requirement for 2014-2019 is checked by the rule "
        "agreement.complaint_guidance."
    )
    if not resolved.require_complaint_guidance:
        verdict = Verdict.NOT_APPLICABLE
        da = f"{name} kræver ikke klagevejledning i aftalen som lokal praksis. {not_law_da}"
        en = f"{name} does not require complaint guidance in the agreement as local practice. {not_law_en}"
    elif stated is None:
        verdict = Verdict.MISSING_FACTS
        da = (
            f"Det er ikke oplyst, om aftalen indeholder klagevejledning, som {name} kræver som lokal praksis. "
            f"Oplys det. {not_law_da}"
        )
        en = (
            f"It is not stated whether the agreement contains complaint guidance, which {name} requires as local "
            f"practice. State it. {not_law_en}"
        )
    elif stated:
        verdict = Verdict.MET
        da = f"Aftalen indeholder klagevejledning, som {name} kræver som lokal praksis. {not_law_da}"
        en = f"The agreement contains complaint guidance, which {name} requires as local practice. {not_law_en}"
    else:
        verdict = Verdict.NOT_MET
        da = (
            f"Aftalen indeholder ikke klagevejledning, som {name} kræver som lokal praksis; tilføj den for at følge "
            f"praksis. Fundet er en afvigelse fra lokal praksis, ikke en retlig mangel. {not_law_da}"
        )
        en = (
            f"The agreement does not contain complaint guidance, which {name} requires as local practice; add it to "
            f"follow the practice. The finding is a deviation from local practice, not a legal defect. {not_law_en}"
        )
    finding = _finding("practice.complaint_guidance", verdict, "complaint_guidance", reference, facts, da, en)
    return _result("agreement", resolved, [finding])
