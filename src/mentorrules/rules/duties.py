"""
The company's or school's part (*mentorfunktion i en virksomhed eller uddannelsesinstitution*): LAB § 169.

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

(LBK nr. 280 af 1. marts 2024; stk. 1 is old § 31 d and stk. 3-4 old § 31 e,
stk. 2, 2014-2019, which allows hours per place only "Hvis der ydes støtte til
en mentorfunktion for flere personer".)

Both conditions apply when the support goes to a company or an education
institution: its own employee is the mentor, or it engaged an external
consultant.  They do not apply when the municipality employs or engaged the
mentor, nor to a mentor outside the § 168 categories (``other``; that is
:mod:`~mentorrules.rules.eligibility`'s finding).

``duties.beyond_usual``: whether the work exceeds what the employer usually
does is the caseworker's concrete assessment: the library reads it, and asks
the caseworker to reconcile it when a task is classified as within the usual
duties although the assessment says the work exceeds them.  Ordinary
onboarding, normal supervision and normal teaching are what an employer or
school usually does (LAW.md § 6.2).  The other half of stk. 1, that the mentor
function is decisive for the activity, the offer or the employment, is
``eligibility.decisive_need`` with basis ``section_169``.

``duties.hours``: the hours of the mentor function are set by a concrete
assessment of the person's needs, made with the company or institution
(``Case.hours_assessment``).  Hours set per place (stk. 4) are judged by
``agreement.hours``.

Legal basis:
    LAB § 169, stk. 1, 3 og 4; LAB 2003 § 31 d og § 31 e, stk. 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mentorrules._registry import Context, ReferenceSets, Rule, RuleView
from mentorrules.law import LawSnapshot
from mentorrules.outcomes import FactValue, Finding
from mentorrules.rules._common import V, assessment_verdict, support_to


__all__ = ["RULES"]


def _refs(law: LawSnapshot) -> ReferenceSets:
    return {"": (law.lab_ref("31 d") if law.is_2014 else law.lab_ref("169", 1),)}


_SUPPORT_TO_UNKNOWN: Mapping[str, FactValue] = MappingProxyType({"support_to": None})
_NOT_TO_COMPANY_OR_SCHOOL: Mapping[str, FactValue] = _SUPPORT_TO_UNKNOWN


def _check(ctx: Context, view: RuleView) -> list[Finding]:
    to = support_to(ctx.case)
    if to is None:
        return [view.finding(V.MISSING_FACTS, "", _SUPPORT_TO_UNKNOWN)]
    if not to:
        return [view.finding(V.NOT_APPLICABLE, "", _NOT_TO_COMPANY_OR_SCHOOL)]
    assessment = ctx.case.beyond_usual_duties
    within = tuple([f"tasks[{i}]" for i, task in enumerate(ctx.case.tasks) if task.within_usual_duties is True])
    facts: dict[str, FactValue] = {"support_to": to, "tasks_within_usual_duties": within}
    if assessment is None:
        return [view.finding(V.NEEDS_ASSESSMENT, "", facts)]
    if not assessment.outcome:
        return [view.finding(V.NOT_MET, "", facts)]
    if within:
        return [view.finding(V.NEEDS_ASSESSMENT, "", {**facts, "reason": "task_within_usual"})]
    return [view.finding(V.MET, "", facts)]


BEYOND_USUAL = Rule(
    id="duties.beyond_usual",
    family="duties",
    per="case",
    title_da="Ud over arbejdsgiverens eller uddannelsesstedets sædvanlige opgaver",
    title_en="Beyond the employer's or school's usual duties",
    verdicts=frozenset({V.MET, V.NOT_MET, V.NEEDS_ASSESSMENT, V.MISSING_FACTS, V.NOT_APPLICABLE}),
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
    to = support_to(ctx.case)
    if to is None:
        return [view.finding(V.MISSING_FACTS, "", _SUPPORT_TO_UNKNOWN)]
    if not to:
        return [view.finding(V.NOT_APPLICABLE, "", _NOT_TO_COMPANY_OR_SCHOOL)]
    assessment = ctx.case.hours_assessment
    facts: dict[str, FactValue] = {"support_to": to, "assessed_on": assessment.on if assessment is not None else None}
    return [view.finding(assessment_verdict(assessment), "", facts)]


HOURS = Rule(
    id="duties.hours",
    family="duties",
    per="case",
    title_da="Timetal fastsat ud fra en konkret vurdering med virksomheden eller uddannelsesinstitutionen",
    title_en="Hours set by a concrete assessment with the company or education institution",
    verdicts=frozenset({V.MET, V.NOT_MET, V.NEEDS_ASSESSMENT, V.MISSING_FACTS, V.NOT_APPLICABLE}),
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
