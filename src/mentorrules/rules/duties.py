"""
Beyond the usual duties (*ud over det sædvanlige*): LAB § 169, stk. 1.

    § 169. Får en virksomhed eller en uddannelsesinstitution støtte til at
    varetage en mentorfunktion, skal indsatsen ligge ud over, hvad
    arbejdsgiveren eller uddannelsesinstitutionen sædvanligvis forventes at
    varetage, og mentorfunktionen skal være afgørende for aktiviteten,
    tilbuddet eller ansættelsen.

(LBK nr. 280 af 1. marts 2024; the same words in old § 31 d, 2014-2019.)

The condition applies when the support goes to a company or an education
institution: its own employee is the mentor, or it engaged an external
consultant.  It does not apply when the municipality employs or engaged the
mentor, nor to a mentor outside the § 168 categories (``other``; that is
:mod:`~mentorrules.rules.eligibility`'s finding).  Whether the work exceeds
what the employer usually does is the caseworker's concrete assessment: the
library reads it, and asks the caseworker to reconcile it when a task is
classified as within the usual duties although the assessment says the work
exceeds them.  Ordinary onboarding, normal supervision and normal teaching
are what an employer or school usually does (LAW.md § 6.2).

Legal basis:
    LAB § 169, stk. 1; LAB 2003 § 31 d.
"""

from __future__ import annotations

from types import MappingProxyType

from mentorrules._registry import Context, ReferenceSets, Rule, RuleView
from mentorrules.facts import Engager, MentorEmployer
from mentorrules.law import LawSnapshot
from mentorrules.outcomes import FactValue, Finding
from mentorrules.rules._common import CONSULTANT, V


__all__ = ["RULES"]


#: Who receives the support, by the mentor's employer (and by who engaged a consultant).
_SUPPORT_TO = MappingProxyType(
    {
        MentorEmployer.COMPANY: "company",
        MentorEmployer.EDUCATION_INSTITUTION: "education_institution",
    }
)
_CONSULTANT_FOR = MappingProxyType(
    {
        Engager.COMPANY: "company",
        Engager.EDUCATION_INSTITUTION: "education_institution",
    }
)


def _refs(law: LawSnapshot) -> ReferenceSets:
    return {"": (law.lab_ref("31 d") if law.is_2014 else law.lab_ref("169", 1),)}


def _support_to(ctx: Context) -> str | None:
    """Return who receives the support: "company", "education_institution", "" (neither) or None (unknown)."""
    mentor = ctx.case.mentor
    if mentor is None or mentor.employer is None:
        return None
    if mentor.employer is CONSULTANT:
        if mentor.engaged_by is None:
            return None
        return _CONSULTANT_FOR.get(mentor.engaged_by, "")
    return _SUPPORT_TO.get(mentor.employer, "")


def _check(ctx: Context, view: RuleView) -> list[Finding]:
    support_to = _support_to(ctx)
    if support_to is None:
        return [view.finding(V.MISSING_FACTS, "", {"support_to": None})]
    if not support_to:
        return [view.finding(V.NOT_APPLICABLE, "", {"support_to": None})]
    assessment = ctx.case.beyond_usual_duties
    within = tuple([f"tasks[{i}]" for i, task in enumerate(ctx.case.tasks) if task.within_usual_duties is True])
    facts: dict[str, FactValue] = {"support_to": support_to, "tasks_within_usual_duties": within}
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
                "Støtten gives til en virksomhed eller uddannelsesinstitution ({support_to}), og sagsbehandleren har "
                "vurderet, at mentorindsatsen ligger ud over, hvad den sædvanligvis forventes at varetage.",
                "The support goes to a company or education institution ({support_to}), and the caseworker has assessed "
                "that the mentor's work exceeds what it is usually expected to do.",
            ),
            "not_met": (
                "Sagsbehandleren har vurderet, at mentorindsatsen ikke ligger ud over, hvad arbejdsgiveren eller "
                "uddannelsesinstitutionen ({support_to}) sædvanligvis forventes at varetage; så kan der ikke gives "
                "støtte til mentorfunktionen.",
                "The caseworker has assessed that the mentor's work does not exceed what the employer or education "
                "institution ({support_to}) is usually expected to do; support for the mentor function cannot then be "
                "given.",
            ),
            "needs_assessment": (
                "Støtten gives til en virksomhed eller uddannelsesinstitution ({support_to}). Der er ikke registreret en "
                "konkret vurdering af, om indsatsen ligger ud over det sædvanlige; sagsbehandleren skal vurdere det.",
                "The support goes to a company or education institution ({support_to}). No concrete assessment is "
                "recorded of whether the work exceeds the usual duties; the caseworker must assess it.",
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

RULES: tuple[Rule, ...] = (BEYOND_USUAL,)
