"""
The written record of the support (*skriftlig aftale* / »Min Plan«).

**2014-2019.**  Old LAB § 31 c required a written agreement:

    § 31 c. Ved afgivelse af tilbud om mentorstøtte skal der indgås en
    skriftlig aftale om mentorstøtte mellem jobcenteret og den person, der får
    støtten. Aftalen kan højst indgås for 6 måneder med mulighed for
    forlængelse.
    Stk. 2. Aftalen skal indeholde oplysning om 1) målet med mentorstøtten,
    2) mentorens navn og kontaktdata, 3) hvilke opgaver mentoren skal bistå
    ved, 4) varigheden af aftalen, 5) timetallet for mentorstøtten og
    6) klagevejledning.

(LBK nr. 1342 af 21. november 2016, https://www.retsinformation.dk/eli/lta/2016/1342;
the same in LBK nr. 990 af 12. september 2014.)

**From 2020.**  The act no longer requires a separate agreement.  It lets the
minister say what »Min Plan« must state about mentor support:

    § 47. Beskæftigelsesministeren fastsætter nærmere regler om indhold og
    udformning af »Min Plan« og rehabiliteringsplanen, om, hvilke oplysninger
    om mentorstøtte der skal fremgå i »Min Plan«, [...]

(LAB § 47, stk. 1, LBK nr. 280 af 1. marts 2024,
https://www.retsinformation.dk/eli/lta/2024/280.)  The executive order does so:

    § 52. Får en person mentorstøtte, skal »Min Plan« indeholde oplysninger om
    1) målet med mentorstøtten, 2) mentorens navn og kontaktdata, 3) hvilke
    opgaver mentoren skal bistå med, 4) varighed af perioden med mentorstøtte
    og 5) timetallet for mentorstøtten.

(BEK nr. 1216 af 28. september 2023, https://www.retsinformation.dk/eli/lta/2023/1216;
§ 52 in nr. 1180/2019, 2006/2020 and 2636/2021 as well.  From a law date of
2026-01-07 its citations are unverified: BEK nr. 12 af 7. januar 2026 amended
it, and that text was not seen, C2.8.)  Complaint guidance is not among the
items; municipal pages still print the older six-item list, so
``Interpretation.complaint_guidance_required_from_2020`` can require it.
Hours may be set per place only with a company or an education institution
(LAB § 169, stk. 4: "Der kan i samarbejde med virksomheden eller
uddannelsesinstitutionen fastsættes et timetal for mentorfunktionen pr. plads
i stedet for pr. person"; old § 31 e, stk. 2, 2. pkt. only "Hvis der ydes
støtte til en mentorfunktion for flere personer", which a caseworker confirms).

The library checks one record per period.  The current period's record is
required (absent: every rule that applies is ``missing_facts``); an earlier
period's is checked when given (absent: ``not_applicable``).  A record with
``written: false`` is ``not_met`` and its items are still checked.  Inside a
record, an item that is absent, blank or empty is a defect (``not_met``), and
each defect says what to add or correct; but a blank task beside a stated one
is only counted (``blank_items``), and contact data that is neither a phone
number nor an e-mail address (a postal address, say) needs a caseworker's
assessment, never fails (DESIGN section 5, C2.6).  The record must also agree
with the case: its dates with its period's (at most six months, the same month
arithmetic as :mod:`~mentorrules.rules.duration`), and its mentor's name with
the mentor's (ignoring case, Unicode normalisation and repeated white space).

Legal basis:
    LAB 2003 § 31 c, stk. 1 og 2, § 31 e, stk. 2, 2. pkt.; LAB § 47, stk. 1,
    § 169, stk. 4; BEK om en aktiv beskæftigelsesindsats § 52, nr. 1-5.

Examples:
    >>> from mentorrules import evaluate, load_case
    >>> from mentorrules.rules.agreement import RULES
    >>> def verdicts(document, rule):
    ...     return [finding.verdict.value for finding in evaluate(load_case(document)).findings_for(rule)]
    >>> record = {"written": True, "goal": "Fastholde ansættelsen", "mentor_name": "Jonas Bak",
    ...           "mentor_contact": "20 30 40 50", "tasks": ["Oplæring"], "start": "2024-09-01",
    ...           "end": "2025-02-28", "hours": {"amount": 4, "unit": "per_week"}}
    >>> def case(**item):  # one period, its record with ``item`` changed; a company's employee is the mentor
    ...     period = {"start": "2024-09-01", "end": "2025-02-28", "agreement": {**record, **item}}
    ...     mentor = {"name": "Jonas Bak", "employer": "company"}
    ...     return {"decision_date": "2024-08-20", "mentor": mentor, "periods": [period]}

    A complete record meets every item of BEK § 52; complaint guidance is not
    one of them:

    >>> for rule in RULES:
    ...     print(rule.id, *verdicts(case(), rule.id))
    agreement.written met
    agreement.goal met
    agreement.mentor_name met
    agreement.mentor_contact met
    agreement.tasks met
    agreement.duration met
    agreement.hours met
    agreement.complaint_guidance not_applicable

    No record for an earlier period is not required; none for the current one
    leaves every item unknown:

    >>> periods = [{"start": "2024-03-01", "end": "2024-08-31"}, {"start": "2024-09-01", "end": "2025-02-28"}]
    >>> for rule in RULES:
    ...     print(rule.id, *verdicts({**case(), "periods": periods}, rule.id))
    agreement.written not_applicable missing_facts
    agreement.goal not_applicable missing_facts
    agreement.mentor_name not_applicable missing_facts
    agreement.mentor_contact not_applicable missing_facts
    agreement.tasks not_applicable missing_facts
    agreement.duration not_applicable missing_facts
    agreement.hours not_applicable missing_facts
    agreement.complaint_guidance not_applicable not_applicable

    One changed item per rule: not written; no goal (nr. 1); another mentor's
    name (nr. 2); no contact data, or a postal address (nr. 2); a blank task
    beside a stated one, or only blank ones (nr. 3); a record over six months
    (nr. 4); no positive number of hours (nr. 5):

    >>> verdicts(case(written=False), "agreement.written"), verdicts(case(goal=" "), "agreement.goal")
    (['not_met'], ['not_met'])
    >>> verdicts(case(mentor_name="Mette Bak"), "agreement.mentor_name")
    ['not_met']
    >>> [verdicts(case(mentor_contact=text), "agreement.mentor_contact") for text in ("", "Willemoesgade 15, Assens")]
    [['not_met'], ['needs_assessment']]
    >>> [verdicts(case(tasks=tasks), "agreement.tasks") for tasks in (["", "Oplæring"], [" "])]
    [['met'], ['not_met']]
    >>> verdicts(case(end="2025-03-01"), "agreement.duration")
    ['not_met']
    >>> verdicts(case(hours={"amount": 0, "unit": "per_week"}), "agreement.hours")
    ['not_met']

    Hours per place (§ 169, stk. 4): met for a company's mentor, not for the
    municipality's, unknown when the employer is, and under old § 31 e,
    stk. 2 a caseworker confirms that the place serves "flere personer":

    >>> place = case(hours={"amount": 10, "unit": "per_week", "basis": "place"})
    >>> changes = [{}, {"mentor": {"employer": "municipality"}}, {"mentor": {}}, {"decision_date": "2019-08-20"}]
    >>> [verdicts({**place, **change}, "agreement.hours") for change in changes]
    [['met'], ['not_met'], ['missing_facts'], ['needs_assessment']]

    Complaint guidance was required 2014-2019 (old § 31 c, stk. 2, nr. 6):

    >>> old = {"decision_date": "2019-08-20"}
    >>> [verdicts({**case(complaint_guidance=given), **old}, "agreement.complaint_guidance") for given in (True, False)]
    [['met'], ['not_met']]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from types import MappingProxyType

from mentorrules.law.versions import LawSnapshot
from mentorrules.model.facts import Agreement, HoursBasis, Period
from mentorrules.model.outcomes import FactValue, Finding, Verdict
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.rules._base import Context, ReferenceSets, Rule, RuleView, Texts
from mentorrules.rules.duration import max_end_for


__all__ = ["RULES", "is_contact", "same_name"]

#: An item's check: (agreement, input index, period, context) -> (verdict, facts).
ItemCheck = Callable[[Agreement, int, Period, Context], tuple[Verdict, Mapping[str, FactValue]]]

_PHONE = re.compile(r"(?:\+45|0045)?[0-9]{8}|\+[0-9]{7,15}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)*\.[^@\s.]+")
_SPACES = re.compile(r"\s+")
#: What a phone number may hold besides its digits and a leading "+": spaces, hyphens, dots and parentheses.
_PHONE_SEPARATORS = MappingProxyType(str.maketrans("", "", " -.()"))

COMPLAINT_PRACTICE = LegalReference(
    act="mentorrules",
    text="Fortolkning: klagevejledning i aftalen efter 2020 (kommunale vejledninger; ikke blandt punkterne i BEK § 52)",
    source="Interpretation.complaint_guidance_required_from_2020",
    url="https://mentorrules.readthedocs.io/en/latest/law/agreement.html",
    kind=ReferenceKind.INTERPRETATION,
)


def is_contact(text: str) -> bool:
    """
    Return whether ``text`` is a recognisable phone number or e-mail address (DESIGN section 5).

    Surrounding white space is ignored.  A phone number, after removing spaces,
    hyphens, dots and parentheses, is 8 ASCII digits, optionally after ``+45`` or
    ``0045``, or ``+`` and 7-15 digits; an e-mail address, after removing spaces,
    is ``local@domain.tld`` with no empty domain label.  Other contact data (a
    postal address, say) is not recognised here: a caseworker checks it.

    >>> is_contact("+45 20 30 40 50"), is_contact("(+45) 20-30.40.50"), is_contact("mette@example.dk")
    (True, True, True)
    >>> is_contact("Willemoesgade 15, 5610 Assens"), is_contact("mette@example..dk")
    (False, False)
    """
    stripped = text.strip()
    if _PHONE.fullmatch(stripped.translate(_PHONE_SEPARATORS)) is not None:
        return True
    return _EMAIL.fullmatch(stripped.replace(" ", "")) is not None


def _normal_name(name: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip().casefold()


def same_name(a: str, b: str) -> bool:
    r"""
    Return whether two names are the same, ignoring case, Unicode normalisation and repeated white space.

    >>> same_name("Åse  Hansen", "A\u030ase hansen")  # Å composed (NFC) and decomposed (NFD)
    True
    >>> same_name("Søren", "Sören")
    False
    """
    return a == b or _normal_name(a) == _normal_name(b)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


# --- per-item checks -------------------------------------------------------------


def _written(agreement: Agreement, index: int, period: Period, ctx: Context) -> tuple[Verdict, Mapping[str, FactValue]]:
    if agreement.written:
        return Verdict.MET, {"written": True}
    return Verdict.NOT_MET, {"written": False}


def _goal(agreement: Agreement, index: int, period: Period, ctx: Context) -> tuple[Verdict, Mapping[str, FactValue]]:
    if _blank(agreement.goal):
        return Verdict.NOT_MET, {"stated": False}
    return Verdict.MET, {"stated": True}


def _mentor_name(
    agreement: Agreement, index: int, period: Period, ctx: Context
) -> tuple[Verdict, Mapping[str, FactValue]]:
    name = agreement.mentor_name
    if _blank(name):
        return Verdict.NOT_MET, {"stated": False}
    assert name is not None
    mentor = ctx.case.mentor
    case_name = mentor.name if mentor is not None else None
    if case_name is None or not case_name.strip():  # no name in the case to compare with
        return Verdict.MET, {"stated": True, "matches": None}
    if same_name(name, case_name):
        return Verdict.MET, {"stated": True, "matches": True}
    return Verdict.NOT_MET, {"stated": True, "matches": False, "reason": "mismatch"}


def _mentor_contact(
    agreement: Agreement, index: int, period: Period, ctx: Context
) -> tuple[Verdict, Mapping[str, FactValue]]:
    contact = agreement.mentor_contact
    if _blank(contact):
        return Verdict.NOT_MET, {"stated": False}
    assert contact is not None
    if is_contact(contact):
        return Verdict.MET, {"stated": True, "valid": True}
    return Verdict.NEEDS_ASSESSMENT, {"stated": True, "valid": None, "reason": "unrecognised_contact"}


def _tasks(agreement: Agreement, index: int, period: Period, ctx: Context) -> tuple[Verdict, Mapping[str, FactValue]]:
    tasks = agreement.tasks
    if not tasks:
        return Verdict.NOT_MET, {"count": 0, "blank_items": 0}
    stated = [task for task in tasks if task.strip()]
    facts: dict[str, FactValue] = {"count": len(tasks), "blank_items": len(tasks) - len(stated)}
    if not stated:  # only blank items: no task is stated
        return Verdict.NOT_MET, {**facts, "reason": "only_blank"}
    return Verdict.MET, facts


def _duration(
    agreement: Agreement, index: int, period: Period, ctx: Context
) -> tuple[Verdict, Mapping[str, FactValue]]:
    start, end = agreement.start, agreement.end
    facts: dict[str, FactValue] = {"start": start, "end": end, "period_start": period.start, "period_end": period.end}
    if start is None or end is None:
        return Verdict.NOT_MET, {**facts, "reason": "not_stated"}
    if end < start:
        return Verdict.NOT_MET, {**facts, "reason": "end_before_start"}
    max_end, by_right = max_end_for(ctx, index, start)
    facts["max_end"] = max_end
    if end > max_end:
        return Verdict.NOT_MET, {**facts, "reason": "too_long"}
    if start != period.start or end != period.end:
        return Verdict.NOT_MET, {**facts, "reason": "differs"}
    if by_right is not None:
        facts["reason"] = by_right
    return Verdict.MET, facts


def _hours(agreement: Agreement, index: int, period: Period, ctx: Context) -> tuple[Verdict, Mapping[str, FactValue]]:
    hours = agreement.hours
    if hours is None:
        return Verdict.NOT_MET, {"amount": None, "unit": None, "reason": "not_stated"}
    facts: dict[str, FactValue] = {"amount": hours.amount, "unit": hours.unit.value, "basis": hours.basis.value}
    if hours.amount <= 0:
        return Verdict.NOT_MET, {**facts, "reason": "not_positive"}
    if hours.basis is HoursBasis.PLACE:
        return _per_place(ctx, facts)
    return Verdict.MET, facts


def _per_place(ctx: Context, facts: dict[str, FactValue]) -> tuple[Verdict, Mapping[str, FactValue]]:
    """
    Hours set per place (LAB § 169, stk. 4; old § 31 e, stk. 2, 2. pkt.), only for support to a company or school.

    Under lab-2014 the old text allows them only "for flere personer", which the
    facts do not show: a caseworker must confirm it.
    """
    to = ctx.support_to
    if to is None:
        return Verdict.MISSING_FACTS, {**facts, "reason": "support_to_unknown"}
    if not to:
        return Verdict.NOT_MET, {**facts, "reason": "per_place_not_allowed"}
    if ctx.snapshot.is_2014:
        return Verdict.NEEDS_ASSESSMENT, {**facts, "reason": "several_persons"}
    return Verdict.MET, {**facts, "reason": "per_place"}


def _complaint(
    agreement: Agreement, index: int, period: Period, ctx: Context
) -> tuple[Verdict, Mapping[str, FactValue]]:
    stated = agreement.complaint_guidance
    if stated:
        return Verdict.MET, {"stated": True}
    return Verdict.NOT_MET, {"stated": stated}


def _complaint_required(ctx: Context) -> bool:
    return ctx.snapshot.is_2014 or ctx.interpretation.complaint_guidance_required_from_2020


# --- the rules ---------------------------------------------------------------------


def _make_check(
    item: ItemCheck, *, optional: Callable[[Context], bool] | None = None, cites_reason: bool = False
) -> Callable[[Context, RuleView], list[Finding]]:
    """
    Return the check of one item: the item checked in each period's record.

    The current period (the latest to start) must have a record; an earlier period's
    record is checked when given.  An item that is ``optional`` and not required
    is not applicable in every period.  With ``cites_reason``, a finding whose reason
    has references of its own (hours set per place) cites them.
    """

    def check(ctx: Context, view: RuleView) -> list[Finding]:
        periods = ctx.case.periods
        if not periods:
            if item is _written:
                return [view.finding(Verdict.MISSING_FACTS, "periods", {"reason": "no_periods"})]
            return [view.finding(Verdict.NOT_APPLICABLE, "periods", {"reason": "no_periods"})]
        if optional is not None and not optional(ctx):
            return [
                view.finding(
                    Verdict.NOT_APPLICABLE, ctx.record_subjects[index], {"reason": "not_required"}, "not_required"
                )
                for index in range(len(periods))
            ]
        findings = []
        for index, period in enumerate(periods):
            agreement = period.agreement
            facts: Mapping[str, FactValue]
            if agreement is not None:
                verdict, facts = item(agreement, index, period, ctx)
            elif index == ctx.periods[-1][0]:  # the current period (the latest to start) has no record
                verdict, facts = Verdict.MISSING_FACTS, {"reason": "absent"}
            else:
                verdict, facts = Verdict.NOT_APPLICABLE, {"reason": "earlier_absent"}
            variant = ""
            if cites_reason:
                reason = facts.get("reason")
                if isinstance(reason, str) and reason in view.references:
                    variant = reason
            findings.append(view.finding(verdict, ctx.record_subjects[index], facts, variant))
        return findings

    return check


def _refs_2014(
    law: LawSnapshot, item: int | None, *, extra: tuple[LegalReference, ...] = ()
) -> tuple[LegalReference, ...]:
    if item is None:
        return (law.lab_ref("31 c", 1, sentence=1), *extra)
    return (law.lab_ref("31 c", 2, item=item), *extra)


def _refs_2020(
    law: LawSnapshot, item: int | None, *, extra: tuple[LegalReference, ...] = ()
) -> tuple[LegalReference, ...]:
    return (law.lab_ref("47", 1), law.bek_ref("min_plan", item=item), *extra)


def _item_refs(item: int | None, *, duration: bool = False) -> Callable[[LawSnapshot], ReferenceSets]:
    def refs(law: LawSnapshot) -> ReferenceSets:
        if law.is_2014:
            extra = (law.lab_ref("31 c", 1, sentence=2),) if duration else ()
            return {"": _refs_2014(law, item, extra=extra)}
        extra = (law.lab_ref("167", 1, sentence=1),) if duration else ()
        return {"": _refs_2020(law, item, extra=extra)}

    return refs


def _hours_refs(law: LawSnapshot) -> ReferenceSets:
    """The hours item; hours per place cite § 169, stk. 4 (old § 31 e, stk. 2, 2. pkt.) as well."""
    base = _item_refs(5)(law)[""]
    place = law.lab_ref("31 e", 2, sentence=2) if law.is_2014 else law.lab_ref("169", 4)
    per_place = (*base, place)
    return {
        "": base,
        "per_place": per_place,
        "per_place_not_allowed": per_place,
        "several_persons": per_place,
        "support_to_unknown": per_place,
    }


def _complaint_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        return {"": _refs_2014(law, 6), "not_required": _refs_2014(law, 6)}
    return {"": (COMPLAINT_PRACTICE, law.bek_ref("min_plan")), "not_required": (law.bek_ref("min_plan"),)}


_ABSENT = MappingProxyType(
    {
        "missing_facts": (
            "Der er ingen registrering af {record} for den aktuelle periode. Registrér den med de oplysninger, loven "
            "kræver.",
            "There is no record of {record} for the current period. Record it with the information the law requires.",
        ),
        "not_applicable": (
            "Der er ingen registrering af {record} for denne tidligere periode; kun den aktuelle periodes kræves.",
            "There is no record of {record} for this earlier period; only the current period's is required.",
        ),
        "not_applicable/no_periods": (
            "Der er ingen perioder i sagen, så der er ingen aftale at kontrollere.",
            "The case has no periods, so there is no agreement to check.",
        ),
    }
)


def _rule(
    rule_id: str,
    title_da: str,
    title_en: str,
    item: ItemCheck,
    refs: Callable[[LawSnapshot], ReferenceSets],
    texts: Texts,
    *,
    optional: Callable[[Context], bool] | None = None,
    needs_assessment: bool = False,
    cites_reason: bool = False,
    titles: Mapping[str, tuple[str, str]] = MappingProxyType({}),
) -> Rule:
    verdicts = {Verdict.MET, Verdict.NOT_MET, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE}
    return Rule(
        id=rule_id,
        family="agreement",
        per="period",
        title_da=title_da,
        title_en=title_en,
        titles=titles,
        verdicts=frozenset(verdicts | {Verdict.NEEDS_ASSESSMENT} if needs_assessment else verdicts),
        references=refs,
        check=_make_check(item, optional=optional, cites_reason=cites_reason),
        texts=MappingProxyType({**_ABSENT, **texts}),
    )


WRITTEN = _rule(
    "agreement.written",
    "Skriftlig aftale",
    "Written agreement",
    _written,
    _item_refs(None),
    titles=MappingProxyType({"lab-2020": ("Registrering i »Min Plan«", "Record in »Min Plan« (the person's plan)")}),
    texts={
        "met": (
            "Mentorstøtten er registreret skriftligt i {record}.",
            "The mentor support is recorded in writing in {record}.",
        ),
        "met@lab-2014": (
            "Der er indgået en skriftlig aftale om mentorstøtte mellem {authority} og borgeren.",
            "A written agreement on mentor support has been concluded between {authority} and the citizen.",
        ),
        "not_met": (
            "Mentorstøtten er ikke registreret skriftligt. Oplysningerne om mentorstøtten skal fremgå af {record}.",
            "The mentor support is not recorded in writing. The information on the support must appear in {record}.",
        ),
        "not_met@lab-2014": (
            "Der er ikke indgået en skriftlig aftale om mentorstøtte. Loven kræver en skriftlig aftale mellem "
            "{authority} og borgeren; indgå aftalen skriftligt.",
            "No written agreement on mentor support has been concluded. The act requires a written agreement "
            "between {authority} and the citizen; conclude it in writing.",
        ),
        "missing_facts/no_periods": (
            "Der er ingen perioder i sagen, så det kan ikke kontrolleres, at støtten er registreret skriftligt. "
            "Angiv perioden og {record}.",
            "The case has no periods, so it cannot be checked that the support is recorded in writing. State the "
            "period and {record}.",
        ),
    },
)
GOAL = _rule(
    "agreement.goal",
    "Målet med mentorstøtten",
    "Goal of the support",
    _goal,
    _item_refs(1),
    {
        "met": ("Målet med mentorstøtten fremgår af {record}.", "The goal of the support is stated in {record}."),
        "not_met": (
            "Målet med mentorstøtten fremgår ikke af {record}. Tilføj målet med støtten.",
            "The goal of the support is not stated in {record}. Add the goal of the support.",
        ),
    },
)
MENTOR_NAME = _rule(
    "agreement.mentor_name",
    "Mentorens navn",
    "The mentor's name",
    _mentor_name,
    _item_refs(2),
    {
        "met": ("Mentorens navn fremgår af {record}.", "The mentor's name is stated in {record}."),
        "not_met": (
            "Mentorens navn fremgår ikke af {record}. Tilføj mentorens navn.",
            "The mentor's name is not stated in {record}. Add the mentor's name.",
        ),
        "not_met/mismatch": (
            "Mentorens navn i {record} svarer ikke til sagens mentor. Ret navnet, så det er den mentor, der "
            "faktisk er tilknyttet.",
            "The mentor's name in {record} does not match the case's mentor. Correct the name to the mentor "
            "actually assigned.",
        ),
    },
)
MENTOR_CONTACT = _rule(
    "agreement.mentor_contact",
    "Mentorens kontaktdata",
    "The mentor's contact data",
    _mentor_contact,
    _item_refs(2),
    {
        "met": (
            "Mentorens kontaktdata (telefonnummer eller e-mailadresse) fremgår af {record}.",
            "The mentor's contact data (phone number or e-mail address) is stated in {record}.",
        ),
        "not_met": (
            "Mentorens kontaktdata fremgår ikke af {record}. Tilføj mentorens telefonnummer eller e-mailadresse.",
            "The mentor's contact data is not stated in {record}. Add the mentor's phone number or e-mail address.",
        ),
        "needs_assessment/unrecognised_contact": (
            "Kontaktdata i {record} er hverken et genkendeligt telefonnummer eller en e-mailadresse (det kan f.eks. "
            "være en postadresse). Sagsbehandleren skal kontrollere, at det er mentorens kontaktdata.",
            "The contact data in {record} is neither a recognisable phone number nor an e-mail address (it may be a "
            "postal address, say). The caseworker must check that it is the mentor's contact data.",
        ),
    },
    needs_assessment=True,
)
TASKS = _rule(
    "agreement.tasks",
    "Mentorens opgaver",
    "The mentor's tasks",
    _tasks,
    _item_refs(3),
    {
        "met": (
            "Det fremgår af {record}, hvilke opgaver mentoren skal bistå med (punkter: {count}, heraf tomme: "
            "{blank_items}).",
            "The tasks the mentor shall help with are stated in {record} (items: {count}, of which empty: "
            "{blank_items}).",
        ),
        "not_met": (
            "Det fremgår ikke af {record}, hvilke opgaver mentoren skal bistå med. Tilføj mentorens opgaver.",
            "The tasks the mentor shall help with are not stated in {record}. Add the mentor's tasks.",
        ),
        "not_met/only_blank": (
            "Opgavebeskrivelserne i {record} er tomme ({blank_items}). Beskriv mentorens opgaver.",
            "The task descriptions in {record} are empty ({blank_items}). Describe the mentor's tasks.",
        ),
    },
)
DURATION = _rule(
    "agreement.duration",
    "Varighed",
    "Duration",
    _duration,
    _item_refs(4, duration=True),
    {
        "met": (
            "Varigheden {start} til {end} fremgår af {record}, svarer til perioden og er højst 6 måneder "
            "(senest {max_end}).",
            "The duration {start} to {end} is stated in {record}, matches the period and is at most 6 months "
            "(until {max_end} at the latest).",
        ),
        "met/psychiatric_right_partly": (
            "Varigheden {start} til {end} fremgår af {record} og svarer til perioden, som begyndte som skønsmæssig "
            "støtte og fortsætter under retten til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse; den må "
            "vare til og med {max_end}.",
            "The duration {start} to {end} is stated in {record} and matches the period, which began as discretionary "
            "support and goes on under the right to mentor support on discharge from psychiatric admission; it may "
            "last until {max_end} at the latest.",
        ),
        "met/psychiatric_right": (
            "Varigheden {start} til {end} fremgår af {record} og svarer til perioden, som er dækket af retten til "
            "mentorstøtte ved udskrivning fra psykiatrisk indlæggelse (mindst 6 måneder i alt; efter den valgte "
            "fortolkning senest {max_end}).",
            "The duration {start} to {end} is stated in {record} and matches the period, which is covered by the "
            "right to mentor support on discharge from psychiatric admission (at least 6 months in all; under the "
            "chosen interpretation until {max_end} at the latest).",
        ),
        "not_met": (
            "Varigheden i {record} er ikke i orden. Angiv start- og slutdato for perioden.",
            "The duration in {record} is not in order. State the period's start and end.",
        ),
        "not_met/not_stated": (
            "Start- eller slutdato mangler i {record}. Angiv periodens start ({period_start}) og slut ({period_end}).",
            "The start or end is missing in {record}. State the period's start ({period_start}) and end ({period_end}).",
        ),
        "not_met/end_before_start": (
            "Slutdatoen {end} i {record} ligger før startdatoen {start}. Ret datoerne.",
            "The end {end} in {record} lies before the start {start}. Correct the dates.",
        ),
        "not_met/too_long": (
            "Varigheden {start} til {end} i {record} er for lang: den må højst vare til og med {max_end}. Afkort "
            "varigheden.",
            "The duration {start} to {end} in {record} is too long: it may last until {max_end} at the latest. "
            "Shorten it.",
        ),
        "not_met/differs": (
            "Datoerne i {record} ({start} til {end}) svarer ikke til periodens ({period_start} til {period_end}). "
            "Ret datoerne, så de stemmer.",
            "The dates in {record} ({start} to {end}) differ from the period's ({period_start} to {period_end}). "
            "Correct them so that they agree.",
        ),
    },
)
HOURS = _rule(
    "agreement.hours",
    "Timetal",
    "Number of hours",
    _hours,
    _hours_refs,
    {
        "met": (
            "Timetallet ({amount}, {unit}) fremgår af {record}.",
            "The number of hours ({amount}, {unit}) is stated in {record}.",
        ),
        "not_met": (
            "Timetallet for mentorstøtten fremgår ikke af {record}. Angiv antal timer pr. uge eller i alt.",
            "The number of hours is not stated in {record}. State the hours per week or in total.",
        ),
        "not_met/not_positive": (
            "Timetallet i {record} er {amount}; det skal være et positivt antal timer. Ret timetallet.",
            "The number of hours in {record} is {amount}; it must be a positive number. Correct it.",
        ),
        "met/per_place": (
            "Timetallet ({amount}, {unit}) er fastsat pr. plads i {record}, som loven tillader ved støtte til en "
            "virksomhed eller uddannelsesinstitution.",
            "The number of hours ({amount}, {unit}) is set per place in {record}, as the act allows for support to a "
            "company or education institution.",
        ),
        "not_met/per_place_not_allowed": (
            "Timetallet i {record} er fastsat pr. plads, men det kan kun fastsættes pr. plads i samarbejde med en "
            "virksomhed eller uddannelsesinstitution, og støtten gives ikke til en sådan. Fastsæt timetallet pr. person.",
            "The hours in {record} are set per place, but hours can be set per place only together with a company or "
            "education institution, and the support does not go to one. Set the hours per person.",
        ),
        "needs_assessment/several_persons": (
            "Timetallet i {record} er fastsat pr. plads. Det kan loven kun, hvis der ydes støtte til en mentorfunktion "
            "for flere personer; det fremgår ikke af sagen. Sagsbehandleren skal bekræfte det.",
            "The hours in {record} are set per place. The act allows that only where a mentor function is supported "
            "for several persons, which the case does not show. The caseworker must confirm it.",
        ),
        "missing_facts/support_to_unknown": (
            "Timetallet i {record} er fastsat pr. plads, hvilket kun kan ske ved støtte til en virksomhed eller "
            "uddannelsesinstitution; det er ikke oplyst, hvem mentoren er ansat hos (eller hvem der har indgået aftale "
            "med konsulenten).",
            "The hours in {record} are set per place, which is possible only for support to a company or education "
            "institution; it is not stated who employs the mentor (or who engaged the consultant).",
        ),
    },
    needs_assessment=True,
    cites_reason=True,
)
COMPLAINT_GUIDANCE = _rule(
    "agreement.complaint_guidance",
    "Klagevejledning",
    "Complaint guidance",
    _complaint,
    _complaint_refs,
    {
        "met": ("Klagevejledning fremgår af {record}.", "Complaint guidance is included in {record}."),
        "not_met": (
            "Klagevejledning fremgår ikke af {record} (eller det er ikke angivet). Tilføj klagevejledning.",
            "Complaint guidance is not included in {record} (or it is not stated). Add complaint guidance.",
        ),
        "met@lab-2020": (
            "Klagevejledning fremgår af {record}, som den valgte fortolkning kræver (den er ikke blandt punkterne i "
            "BEK § 52).",
            "Complaint guidance is included in {record}, as the chosen interpretation requires (it is not among the "
            "items of BEK § 52).",
        ),
        "not_met@lab-2020": (
            "Klagevejledning fremgår ikke af {record} (eller det er ikke angivet). Den er ikke blandt punkterne i "
            "BEK § 52, men den valgte fortolkning kræver den også fra 2020. Tilføj klagevejledning.",
            "Complaint guidance is not included in {record} (or it is not stated). It is not among the items of "
            "BEK § 52, but the chosen interpretation requires it from 2020 too. Add complaint guidance.",
        ),
        "not_applicable/not_required": (
            "Fra 2020 er klagevejledning ikke blandt de oplysninger om mentorstøtte, som »Min Plan« skal indeholde.",
            "From 2020 complaint guidance is not among the information on mentor support that »Min Plan« must contain.",
        ),
    },
    optional=_complaint_required,
)

RULES: tuple[Rule, ...] = (WRITTEN, GOAL, MENTOR_NAME, MENTOR_CONTACT, TASKS, DURATION, HOURS, COMPLAINT_GUIDANCE)
