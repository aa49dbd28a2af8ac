"""
The company's or school's part (*mentorfunktion i en virksomhed eller uddannelsesinstitution*): LAB § 169.

The law, LAB as consolidated in LBK nr. 280 af 1. marts 2024
(https://www.retsinformation.dk/eli/lta/2024/280):

    § 169. Får en virksomhed eller en uddannelsesinstitution støtte til at
    varetage en mentorfunktion, skal indsatsen ligge ud over, hvad
    arbejdsgiveren eller uddannelsesinstitutionen sædvanligvis forventes at
    varetage, og mentorfunktionen skal være afgørende for aktiviteten,
    tilbuddet eller ansættelsen.
    [...]
    Stk. 3. Jobcenteret skal i samarbejde med virksomheden eller
    uddannelsesinstitutionen fastsætte et timetal for mentorfunktionen ud fra
    en konkret vurdering af behov og forudsætninger hos den person, der har
    brug for mentorstøtte.
    Stk. 4. Der kan i samarbejde med virksomheden eller
    uddannelsesinstitutionen fastsættes et timetal for mentorfunktionen pr.
    plads i stedet for pr. person.

For decisions 2014-2019 (``lab-2014``), old chapter 9 b as consolidated in
LBK nr. 1342 af 21. november 2016
(https://www.retsinformation.dk/eli/lta/2016/1342):

    § 31 d. Hvis en virksomhed eller en uddannelsesinstitution får støtte
    til at varetage en mentorfunktion, skal indsatsen ligge ud over, hvad
    arbejdsgiveren eller uddannelsesinstitutionen sædvanligvis forventes at
    varetage, og mentorfunktionen skal være afgørende for aktiviteten,
    tilbuddet eller ansættelsen.

    § 31 e. [...]
    Stk. 2. Ud fra en konkret vurdering af behov og forudsætninger hos
    personen, der har brug for mentor, fastsættes et timetal for
    mentorfunktionen i samarbejde med virksomheden eller
    uddannelsesinstitutionen. Hvis der ydes støtte til en mentorfunktion for
    flere personer, kan der fastsættes et timetal for mentorfunktionen pr.
    plads i stedet for pr. person.

(From lov nr. 1750 af 29. december 2025, in force assumed 2026-02-01 and not
verified, stk. 3 reads »Kommunen« for »Jobcenteret«.)

Both rules apply when the support goes to a company or an education
institution: its own employee is the mentor, or it engaged an external
consultant.  They do not apply (``not_applicable``) when the municipality
employs or engaged the mentor, nor to a mentor outside the § 168 categories
(``other``; that is :mod:`~mentorrules.rules.eligibility`'s finding); when it
cannot be told (the mentor's employer unknown, or who engaged a consultant),
they are ``missing_facts``.

``duties.beyond_usual`` (§ 169, stk. 1; old § 31 d): whether the work
exceeds what the employer usually does is the caseworker's concrete
assessment (``Case.beyond_usual_duties``): the library reads it (none
recorded: ``needs_assessment``; no: ``not_met``), and asks the caseworker to
reconcile it when a task is classified as within the usual duties although
the assessment says the work exceeds them.  Ordinary onboarding, normal
supervision and normal teaching are what an employer or school usually does
(LAW.md § 6.2).  The other half of stk. 1, that the mentor function is
decisive for the activity, the offer or the employment, is
``eligibility.decisive_need`` with basis ``section_169``.

``duties.hours`` (§ 169, stk. 3; old § 31 e, stk. 2, 1. pkt.): the hours of
the mentor function are set by a concrete assessment of the person's needs,
made with the company or institution (``Case.hours_assessment``: yes is
``met``, no is ``not_met``, none recorded is ``needs_assessment``).  Hours
set per place (stk. 4; old § 31 e, stk. 2, 2. pkt., only "for flere
personer") are judged by ``agreement.hours``.

Legal basis:
    LAB § 169, stk. 1 og 3 (stk. 4 in ``agreement.hours``); LAB 2003 § 31 d
    og § 31 e, stk. 2.

Examples:
    Each example changes one fact of a small case: a company's employee is mentor from 1 March 2024.

    >>> from mentorrules import evaluate, load_case
    >>> def finding(document, rule): return evaluate(load_case(document)).findings_for(rule)[0]
    >>> def verdict(document, rule): return finding(document, rule).verdict.value
    >>> period = {"start": "2024-03-01", "end": "2024-08-31"}
    >>> base = {"decision_date": "2024-02-20", "mentor": {"employer": "company"}, "periods": [period]}

    § 169, stk. 1: the mentor's work must exceed what the company usually does; the caseworker assesses it:

    >>> verdict(base, "duties.beyond_usual")
    'needs_assessment'
    >>> verdict({**base, "beyond_usual_duties": {"outcome": True, "on": "2024-02-19"}}, "duties.beyond_usual")
    'met'
    >>> verdict({**base, "beyond_usual_duties": {"outcome": False, "on": "2024-02-19"}}, "duties.beyond_usual")
    'not_met'

    A task classified as usual work contradicts an assessment that says yes; the caseworker reconciles them:

    >>> onboarding = {"description": "Almindelig oplæring", "within_usual_duties": True}
    >>> contradicted = {**base, "beyond_usual_duties": {"outcome": True}, "tasks": [onboarding]}
    >>> beyond = finding(contradicted, "duties.beyond_usual")
    >>> beyond.verdict.value, beyond.facts["tasks_within_usual_duties"]
    ('needs_assessment', ('tasks[0]',))

    A consultant a school engaged brings the support to the school; the municipality's own mentor is outside
    § 169; a consultant whose engager is unknown leaves it open:

    >>> school = {"employer": "external_consultant", "engaged_by": "education_institution"}
    >>> finding({**base, "mentor": school}, "duties.beyond_usual").facts["support_to"]
    'education_institution'
    >>> verdict({**base, "mentor": {"employer": "municipality"}}, "duties.beyond_usual")
    'not_applicable'
    >>> verdict({**base, "mentor": {"employer": "external_consultant"}}, "duties.beyond_usual")
    'missing_facts'

    § 169, stk. 3: the hours are set with the company by a concrete assessment of the person's needs:

    >>> verdict(base, "duties.hours")
    'needs_assessment'
    >>> verdict({**base, "hours_assessment": {"outcome": True, "on": "2024-02-19"}}, "duties.hours")
    'met'
    >>> verdict({**base, "hours_assessment": {"outcome": False, "on": "2024-02-19"}}, "duties.hours")
    'not_met'

    It applies exactly where ``duties.beyond_usual`` does:

    >>> verdict({**base, "mentor": {"employer": "municipality"}}, "duties.hours")
    'not_applicable'
    >>> verdict({**base, "mentor": {"employer": "external_consultant"}}, "duties.hours")
    'missing_facts'

    The same conditions stood in old § 31 d and § 31 e, stk. 2, 1. pkt.; a 2018 decision cites them:

    >>> in_2018 = {**base, "decision_date": "2018-02-20", "periods": [{"start": "2018-03-01", "end": "2018-08-31"}]}
    >>> rules = ("duties.beyond_usual", "duties.hours")
    >>> [str(finding(case, rule).references[0]) for case in (base, in_2018) for rule in rules]
    ['LAB § 169, stk. 1', 'LAB § 169, stk. 3', 'LAB § 31 d', 'LAB § 31 e, stk. 2, 1. pkt.']
"""

from __future__ import annotations

from types import MappingProxyType

from mentorrules.law.versions import LawSnapshot
from mentorrules.model.outcomes import FactValue, Finding, Verdict
from mentorrules.rules._base import Context, ReferenceSets, Rule, RuleView
from mentorrules.rules._common import assessment_verdict


__all__ = ["RULES"]


def _refs(law: LawSnapshot) -> ReferenceSets:
    return {"": (law.lab_ref("31 d") if law.is_2014 else law.lab_ref("169", 1),)}


def _outside_section_169(to: str | None, view: RuleView) -> list[Finding] | None:
    """
    Return the finding when it cannot be told that § 169 applies (missing facts) or it does not; else None.

    Who receives the support is unknown, or it is not a company or school: ``support_to``
    is null in both (as 0.1 wrote it).
    """
    if to is None:
        return [view.finding(Verdict.MISSING_FACTS, "", {"support_to": None})]
    if not to:
        return [view.finding(Verdict.NOT_APPLICABLE, "", {"support_to": None})]
    return None


def _check(ctx: Context, view: RuleView) -> list[Finding]:
    to = ctx.support_to
    outside = _outside_section_169(to, view)
    if outside is not None:
        return outside
    assessment = ctx.case.beyond_usual_duties
    within = tuple([f"tasks[{i}]" for i, task in enumerate(ctx.case.tasks) if task.within_usual_duties is True])
    facts: dict[str, FactValue] = {"support_to": to, "tasks_within_usual_duties": within}
    if assessment is None:
        return [view.finding(Verdict.NEEDS_ASSESSMENT, "", facts)]
    if not assessment.outcome:
        return [view.finding(Verdict.NOT_MET, "", facts)]
    if within:
        return [view.finding(Verdict.NEEDS_ASSESSMENT, "", {**facts, "reason": "task_within_usual"})]
    return [view.finding(Verdict.MET, "", facts)]


BEYOND_USUAL = Rule(
    id="duties.beyond_usual",
    family="duties",
    per="case",
    title_da="Ud over arbejdsgiverens eller uddannelsesstedets sædvanlige opgaver",
    title_en="Beyond the employer's or school's usual duties",
    verdicts=frozenset(
        {Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE}
    ),
    references=_refs,
    check=_check,
    texts=MappingProxyType(
        {
            "met": (
                "Støtten gives til {support_to}, og sagsbehandleren har vurderet, at mentorindsatsen ligger ud over, "
                "hvad den sædvanligvis forventes at varetage.",
                "The support goes to {support_to}, and the caseworker has assessed that the mentor's work exceeds what "
                "it is usually expected to do.",
            ),
            "not_met": (
                "Sagsbehandleren har vurderet, at mentorindsatsen ikke ligger ud over, hvad arbejdsgiveren eller "
                "uddannelsesinstitutionen sædvanligvis forventes at varetage (støtten gives til {support_to}); så kan "
                "der ikke gives støtte til mentorfunktionen.",
                "The caseworker has assessed that the mentor's work does not exceed what the employer or education "
                "institution is usually expected to do (the support goes to {support_to}); support for the mentor "
                "function cannot then be given.",
            ),
            "needs_assessment": (
                "Støtten gives til {support_to}. Der er ikke registreret en konkret vurdering af, om indsatsen ligger "
                "ud over det sædvanlige; sagsbehandleren skal vurdere det.",
                "The support goes to {support_to}. No concrete assessment is recorded of whether the work exceeds the "
                "usual duties; the caseworker must assess it.",
            ),
            "needs_assessment/task_within_usual": (
                "Vurderingen siger, at indsatsen ligger ud over det sædvanlige, men opgaver er klassificeret som "
                "sædvanlige ({tasks_within_usual_duties}). Sagsbehandleren skal afstemme vurderingen og opgaverne.",
                "The assessment says the work exceeds the usual duties, but tasks are classified as usual "
                "({tasks_within_usual_duties}). The caseworker must reconcile the assessment and the tasks.",
            ),
            "missing_facts": (
                "Det kan ikke afgøres, om støtten gives til en virksomhed eller uddannelsesinstitution: mentorens "
                "ansættelsessted (eller, for en ekstern konsulent, hvem der har indgået aftalen) er ikke oplyst.",
                "It cannot be told whether the support goes to a company or education institution: the mentor's "
                "employer (or, for an external consultant, who engaged them) is not stated.",
            ),
            "not_applicable": (
                "Støtten gives ikke til en virksomhed eller uddannelsesinstitution (mentoren er kommunens egen, "
                "kommunen har indgået aftalen, eller mentoren falder uden for lovens kategorier), så kravet gælder ikke.",
                "The support does not go to a company or education institution (the municipality employs or engaged "
                "the mentor, or the mentor is outside the act's categories), so the condition does not apply.",
            ),
        }
    ),
)


# --- duties.hours ----------------------------------------------------------------


def _hours_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        return {"": (law.lab_ref("31 e", 2, sentence=1),)}
    return {"": (law.lab_ref("169", 3),)}


def _check_hours(ctx: Context, view: RuleView) -> list[Finding]:
    to = ctx.support_to
    outside = _outside_section_169(to, view)
    if outside is not None:
        return outside
    assessment = ctx.case.hours_assessment
    facts: dict[str, FactValue] = {"support_to": to, "assessed_on": assessment.on if assessment is not None else None}
    return [view.finding(assessment_verdict(assessment), "", facts)]


HOURS = Rule(
    id="duties.hours",
    family="duties",
    per="case",
    title_da="Timetal fastsat ud fra en konkret vurdering med virksomheden eller uddannelsesinstitutionen",
    title_en="Hours set by a concrete assessment with the company or education institution",
    verdicts=frozenset(
        {Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE}
    ),
    references=_hours_refs,
    check=_check_hours,
    texts=MappingProxyType(
        {
            "met": (
                "Støtten gives til {support_to}, og timetallet for mentorfunktionen er fastsat i samarbejde med den ud "
                "fra en konkret vurdering af borgerens behov og forudsætninger (vurderingsdato: {assessed_on}).",
                "The support goes to {support_to}, and the hours of the mentor function were set together with it by a "
                "concrete assessment of the citizen's needs and circumstances (date of the assessment: {assessed_on}).",
            ),
            "not_met": (
                "Støtten gives til {support_to}, men timetallet er ikke fastsat ud fra en konkret vurdering af "
                "borgerens behov og forudsætninger i samarbejde med den (registreret vurdering: nej). Fastsæt timetallet "
                "på det grundlag.",
                "The support goes to {support_to}, but the hours were not set by a concrete assessment of the citizen's "
                "needs and circumstances made together with it (recorded assessment: no). Set the hours on that basis.",
            ),
            "needs_assessment": (
                "Støtten gives til {support_to}. Timetallet skal fastsættes i samarbejde med den ud fra en konkret "
                "vurdering af borgerens behov og forudsætninger; der er ikke registreret en sådan vurdering.",
                "The support goes to {support_to}. The hours must be set together with it by a concrete assessment of "
                "the citizen's needs and circumstances; no such assessment is recorded.",
            ),
            "missing_facts": (
                "Det kan ikke afgøres, om støtten gives til en virksomhed eller uddannelsesinstitution, hvor timetallet "
                "skal fastsættes i samarbejde med den: mentorens ansættelsessted (eller, for en ekstern konsulent, hvem "
                "der har indgået aftalen) er ikke oplyst.",
                "It cannot be told whether the support goes to a company or education institution, with which the hours "
                "must be set: the mentor's employer (or, for an external consultant, who engaged them) is not stated.",
            ),
            "not_applicable": (
                "Støtten gives ikke til en virksomhed eller uddannelsesinstitution, så kravet om at fastsætte timetallet "
                "i samarbejde med den gælder ikke.",
                "The support does not go to a company or education institution, so the requirement to set the hours "
                "together with it does not apply.",
            ),
        }
    ),
)

RULES: tuple[Rule, ...] = (BEYOND_USUAL, HOURS)
