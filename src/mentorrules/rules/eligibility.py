"""
Eligibility (*betingelser for mentorstøtte*): purpose, decisive need, who may be mentor.

The law, LAB as consolidated in LBK nr. 280 af 1. marts 2024
(https://www.retsinformation.dk/eli/lta/2024/280):

    § 167. Med henblik på at fremme, at en person kan opnå eller fastholde
    aktiviteter, tilbud, ordinær uddannelse, ansættelse i fleksjob eller
    ordinær ansættelse, kan der gives mentorstøtte i en periode på højst 6
    måneder. [...]

    § 168. Mentorfunktionen kan varetages af medarbejdere ansat i en
    virksomhed, en uddannelsesinstitution eller i kommunen.
    Mentorfunktionen kan også varetages af eksterne konsulenter, som
    virksomheden, uddannelsesinstitutionen eller jobcenteret indgår aftale
    med.

    § 169. Får en virksomhed eller en uddannelsesinstitution støtte til at
    varetage en mentorfunktion, skal indsatsen ligge ud over, hvad
    arbejdsgiveren eller uddannelsesinstitutionen sædvanligvis forventes at
    varetage, og mentorfunktionen skal være afgørende for aktiviteten,
    tilbuddet eller ansættelsen.

For decisions 2014-2019 (``lab-2014``), old chapter 9 b as consolidated in
LBK nr. 1342 af 21. november 2016
(https://www.retsinformation.dk/eli/lta/2016/1342):

    § 31 b. Med henblik på at fremme, at personer kan opnå eller fastholde
    aktiviteter, tilbud, ordinær uddannelse, ansættelse i fleksjob eller
    ordinær ansættelse, kan der gives tilbud om mentorstøtte.

    § 31 d. Hvis en virksomhed eller en uddannelsesinstitution får støtte
    til at varetage en mentorfunktion, skal indsatsen ligge ud over, hvad
    arbejdsgiveren eller uddannelsesinstitutionen sædvanligvis forventes at
    varetage, og mentorfunktionen skal være afgørende for aktiviteten,
    tilbuddet eller ansættelsen.

    § 31 e. Støtte til en mentorfunktion i en virksomhed eller en
    uddannelsesinstitution bevilges til dækning af lønomkostninger ved
    frikøb af medarbejderen, der varetager mentorfunktionen, eller honorar
    til en ekstern konsulent. [...]

**Purpose** (``eligibility.purpose``; § 167, stk. 1, 1. pkt., old § 31 b,
stk. 1).  Support for anything else (``other``: housing or finances alone) is
outside the provision; an unknown purpose is ``missing_facts``.  STAR's
guidance adds that ordinary education needs the person to be under 30; the
statute since 2014 says no such thing (LAW.md § 6.1), so the library applies
the guidance only with ``Interpretation.under_30_education_guidance`` and
raises a ``guidance.conflict`` notice whenever the two disagree.  The purpose
is not tested (``not_applicable``) when every period is covered by a right
whose text sets no purpose condition: the psychiatric right of § 167, stk. 2
before the 2023 amendment (old § 31 b, stk. 2 throughout), or the education
right of § 167, stk. 3.  Under the education right a purpose recorded as
``other`` needs a caseworker to confirm that the support serves the education
(``needs_assessment``).

**Decisive need** (``eligibility.decisive_need``) has two sources, and the
finding's fact ``basis`` says which.  For support to a company or an
education institution (its employee is the mentor, or it engaged the
consultant) it is the condition of § 169, stk. 1 (old § 31 d) that the mentor
function is decisive *for the activity, the offer or the employment*
(``section_169``); it applies whether or not a statutory right covers the
periods: the right gives the person mentor support, not the company a subsidy
for a function that is not decisive.  Otherwise it is the grant condition
STAR's guidance applies to every discretionary grant, that the mentor is
decisive *for the person* (``grant``, also when it cannot be told who
receives the support); where every period is covered by a statutory right
(§ 167, stk. 2 or 3) the support is not discretionary and the grant condition
is ``not_applicable``.  Either way it is the caseworker's concrete assessment
(``Case.decisive_need``: none recorded is ``needs_assessment``); the library
reads it and never makes it.  Under ``lab-2014`` the grant condition is not
in chapter 9 b's words: the library cites old § 31 b, stk. 1 as its reading
(kind ``interpretation``).

**Who may be mentor** (``eligibility.mentor``; § 168).  A mentor outside the
categories (``other``: e.g. a relative or a volunteer) is ``not_met``, or
``needs_assessment`` with ``Interpretation.strict_mentor_categories`` false
(STAR: »ingen regler for, hvem der kan være mentor«); an unknown employer, or
an external consultant without ``engaged_by``, is ``missing_facts``.  From
lov nr. 1750 af 29. december 2025 (in force assumed 2026-02-01, unverified)
§ 168 reads »kommunen« for »jobcenteret«.  Old chapter 9 b names no
categories; under ``lab-2014`` the library applies the same categories,
citing § 31 e (which speaks of "medarbejderen" and "ekstern konsulent") as
an interpretation.

Legal basis:
    LAB § 167, stk. 1, § 168 and § 169, stk. 1 (LBK nr. 280 af 1. marts 2024);
    LAB 2003 §§ 31 b, 31 d, 31 e (LBK nr. 1342 af 21. november 2016).

Examples:
    Each example changes one fact of a small case (support from 1 March 2024):

    >>> from mentorrules import Interpretation, evaluate, load_case
    >>> def finding(document, rule, **options): return evaluate(load_case(document), **options).findings_for(rule)[0]
    >>> def verdict(document, rule, **options): return finding(document, rule, **options).verdict.value
    >>> def cites(document, rule): return [(str(ref), ref.kind.value) for ref in finding(document, rule).references]
    >>> period = {"start": "2024-03-01", "end": "2024-08-31"}
    >>> base = {"decision_date": "2024-02-20", "purpose": "offer", "periods": [period]}

    A purpose § 167, stk. 1 names is met; any other is not; none is missing:

    >>> verdict(base, "eligibility.purpose")
    'met'
    >>> verdict({**base, "purpose": "other"}, "eligibility.purpose")
    'not_met'
    >>> verdict({**base, "purpose": None}, "eligibility.purpose")
    'missing_facts'

    The education right (§ 167, stk. 3) names no purpose: covering every period, it leaves the purpose
    untested, but ``other`` asks the caseworker to confirm the support serves the education:

    >>> student = {"birth_date": "2004-05-01", "target_group": "education_benefit_education_ready"}
    >>> admission = {"admission_date": "2024-02-15", "qualifying": True, "right_invoked_on": "2024-03-01"}
    >>> admitted = {**base, "citizen": student, "education_admission": admission}
    >>> verdict(admitted, "eligibility.purpose")
    'not_applicable'
    >>> verdict({**admitted, "purpose": "other"}, "eligibility.purpose")
    'needs_assessment'

    The act sets no age limit on ordinary education; STAR's under-30 guidance applies only when chosen:

    >>> older = {**base, "purpose": "ordinary_education", "citizen": {"birth_date": "1980-01-01"}}
    >>> guidance = Interpretation(under_30_education_guidance=True)
    >>> verdict(older, "eligibility.purpose"), verdict(older, "eligibility.purpose", interpretation=guidance)
    ('met', 'not_met')

    Decisive need for the person (basis ``grant``) is the caseworker's assessment; none recorded needs one:

    >>> verdict(base, "eligibility.decisive_need"), finding(base, "eligibility.decisive_need").facts["basis"]
    ('needs_assessment', 'grant')
    >>> verdict({**base, "decisive_need": {"outcome": True, "on": "2024-02-19"}}, "eligibility.decisive_need")
    'met'
    >>> verdict({**base, "decisive_need": {"outcome": False, "on": "2024-02-19"}}, "eligibility.decisive_need")
    'not_met'

    Where a right covers every period the grant condition does not apply, but § 169, stk. 1 still
    requires the function to be decisive when a company gets the support:

    >>> verdict(admitted, "eligibility.decisive_need")
    'not_applicable'
    >>> need = finding({**admitted, "mentor": {"employer": "company"}}, "eligibility.decisive_need")
    >>> need.verdict.value, need.facts["basis"], [str(ref) for ref in need.references]
    ('needs_assessment', 'section_169', ['LAB § 169, stk. 1'])

    In 2018 (``lab-2014``) § 31 d is the company's condition; the grant condition is the library's
    reading of old § 31 b, stk. 1:

    >>> in_2018 = {**base, "decision_date": "2018-02-20", "periods": [{"start": "2018-03-01", "end": "2018-08-31"}]}
    >>> cites({**in_2018, "mentor": {"employer": "company"}}, "eligibility.decisive_need")
    [('LAB § 31 d', 'law')]
    >>> cites(in_2018, "eligibility.decisive_need")
    [('LAB § 31 b, stk. 1', 'interpretation'), ('STAR: Om mentorstøtte – ordningens målgruppe', 'guidance')]

    § 168: the municipality's employee may be mentor; a relative may not (with ``strict_mentor_categories``
    off, the caseworker assesses it); for a consultant, who engaged them must be known:

    >>> verdict({**base, "mentor": {"employer": "municipality"}}, "eligibility.mentor")
    'met'
    >>> verdict({**base, "mentor": {"employer": "other"}}, "eligibility.mentor")
    'not_met'
    >>> lenient = Interpretation(strict_mentor_categories=False)
    >>> verdict({**base, "mentor": {"employer": "other"}}, "eligibility.mentor", interpretation=lenient)
    'needs_assessment'
    >>> verdict({**base, "mentor": {"employer": "external_consultant"}}, "eligibility.mentor")
    'missing_facts'

    Old chapter 9 b names no categories; in 2018 § 31 e is cited as the library's reading:

    >>> cites({**in_2018, "mentor": {"employer": "municipality"}}, "eligibility.mentor")
    [('LAB § 31 e, stk. 1', 'interpretation')]
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

from mentorrules.law.dates import is_under
from mentorrules.law.versions import LawSnapshot
from mentorrules.model.facts import MentorEmployer, Purpose
from mentorrules.model.outcomes import FactValue, Finding, Verdict
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.rules._base import Context, ReferenceSets, Rule, RuleView
from mentorrules.rules._common import STAR_TARGET_GROUP, STATUTORY_PURPOSES, assessment_verdict
from mentorrules.rules.rights import EDUCATION_ID, PSYCHIATRIC_ID


__all__ = ["RULES"]

STAR_WHO_MAY_BE_MENTOR = LegalReference(
    act="STAR",
    text="STAR: Om mentorstøtte – hvem kan være mentor (»ingen regler for, hvem der kan være mentor«)",
    source="Styrelsen for Arbejdsmarked og Rekruttering, star.dk",
    url="https://star.dk/da/indsatser/mentorordningen/om-mentorstoette-ordningens-maalgruppe",
    kind=ReferenceKind.GUIDANCE,
)


# --- eligibility.purpose -------------------------------------------------------


def _purpose_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        base: tuple[LegalReference, ...] = (law.lab_ref("31 b", 1),)
        return {"": base, "guidance": (*base, STAR_TARGET_GROUP)}
    base = (law.lab_ref("167", 1, sentence=1),)
    return {"": base, "guidance": (*base, STAR_TARGET_GROUP), "education": (*base, law.lab_ref("167", 3))}


def _first_start(ctx: Context) -> date | None:
    """Return the start of the first period (None: the case has no period)."""
    return ctx.periods[0][1].start if ctx.periods else None


def _under_30_on_first_start(ctx: Context) -> bool | None:
    """Return whether the citizen is under 30 on the first period's start (None: cannot tell)."""
    citizen = ctx.case.citizen
    birth = citizen.birth_date if citizen is not None else None
    if birth is None or not ctx.periods:
        return None
    favour, strict = is_under(birth, ctx.snapshot.age_limit, ctx.periods[0][1].start)
    return strict if ctx.strict else favour


def _covered_by_education_alone(ctx: Context) -> bool:
    """Return whether some period is covered by the education right and not by a right without purpose condition."""
    psychiatric_untested = not ctx.snapshot.psychiatric_purpose_in_force
    for rights in ctx.coverage.by_right.values():
        if EDUCATION_ID in rights and not (psychiatric_untested and PSYCHIATRIC_ID in rights):
            return True
    return False


def _check_purpose(ctx: Context, view: RuleView) -> list[Finding]:
    purpose = ctx.case.purpose
    untested = ctx.coverage.untested_purpose
    if ctx.periods and len(untested) == len(ctx.periods):
        if purpose is Purpose.OTHER and _covered_by_education_alone(ctx):
            return [
                view.finding(
                    Verdict.NEEDS_ASSESSMENT,
                    "",
                    {"purpose": "other", "reason": "purpose_other_under_right"},
                    "education",
                )
            ]
        return [view.finding(Verdict.NOT_APPLICABLE, "", {"reason": "covered_without_purpose"})]
    if purpose is None:
        return [view.finding(Verdict.MISSING_FACTS, "", {"purpose": None, "reason": "unknown"})]
    if purpose not in STATUTORY_PURPOSES:
        return [view.finding(Verdict.NOT_MET, "", {"purpose": purpose.value, "reason": "other"})]
    if purpose is not Purpose.ORDINARY_EDUCATION:
        return [view.finding(Verdict.MET, "", {"purpose": purpose.value})]
    under_30 = _under_30_on_first_start(ctx)
    if under_30 is False:
        ctx.notices.append(ctx.notice("guidance.conflict", "purpose", {"first_start": _first_start(ctx)}))
    if not ctx.interpretation.under_30_education_guidance:
        return [view.finding(Verdict.MET, "", {"purpose": purpose.value})]
    facts: dict[str, FactValue] = {"purpose": purpose.value, "under_30": under_30, "first_start": _first_start(ctx)}
    if under_30 is None:
        return [view.finding(Verdict.MISSING_FACTS, "", {**facts, "reason": "age_unknown"}, "guidance")]
    verdict = Verdict.MET if under_30 else Verdict.NOT_MET
    reason = "under_30" if under_30 else "not_under_30"
    return [view.finding(verdict, "", {**facts, "reason": reason}, "guidance")]


PURPOSE = Rule(
    id="eligibility.purpose",
    family="eligibility",
    per="case",
    title_da="Formålet med mentorstøtten",
    title_en="Purpose of the mentor support",
    verdicts=frozenset(
        {Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE}
    ),
    references=_purpose_refs,
    check=_check_purpose,
    texts=MappingProxyType(
        {
            "met": (
                "Formålet ({purpose}) er et af de formål, loven nævner: at opnå eller fastholde aktiviteter, tilbud, "
                "ordinær uddannelse, ansættelse i fleksjob eller ordinær ansættelse.",
                "The purpose ({purpose}) is one the act names: to obtain or keep activities, offers, ordinary "
                "education, a flex job or ordinary employment.",
            ),
            "met/under_30": (
                "Formålet er ordinær uddannelse, og borgeren er under 30 år ved første periodes start ({first_start}), "
                "som STARs vejledning kræver.",
                "The purpose is ordinary education and the citizen is under 30 on the first period's start "
                "({first_start}), as STAR's guidance requires.",
            ),
            "not_met": (
                "Formålet (andet, f.eks. alene bolig eller økonomi) er ikke et af lovens formål: aktiviteter, tilbud, "
                "ordinær uddannelse, fleksjob eller ordinær ansættelse. Mentorstøtte kan ikke gives til det formål.",
                "The purpose (other, e.g. housing or finances alone) is not one the act names: activities, offers, "
                "ordinary education, a flex job or ordinary employment. Mentor support cannot be given for it.",
            ),
            "not_met/not_under_30": (
                "Formålet er ordinær uddannelse, men borgeren er ikke under 30 år ved første periodes start "
                "({first_start}); efter STARs vejledning (valgt fortolkning) kræver det alder under 30. Loven selv "
                "nævner ingen aldersgrænse.",
                "The purpose is ordinary education, but the citizen is not under 30 on the first period's start "
                "({first_start}); STAR's guidance (the chosen interpretation) requires an age under 30. The act itself "
                "names no age limit.",
            ),
            "missing_facts": (
                "Formålet med mentorstøtten er ikke oplyst. Angiv, om støtten skal fremme aktiviteter, tilbud, ordinær "
                "uddannelse, fleksjob eller ordinær ansættelse.",
                "The purpose of the support is not stated. State whether it shall further activities, offers, ordinary "
                "education, a flex job or ordinary employment.",
            ),
            "missing_facts/age_unknown": (
                "Formålet er ordinær uddannelse, og efter STARs vejledning (valgt fortolkning) skal borgeren være under "
                "30 år ved første periodes start; fødselsdatoen eller perioden er ikke oplyst.",
                "The purpose is ordinary education and, under STAR's guidance (the chosen interpretation), the citizen "
                "must be under 30 on the first period's start; the birth date or the period is not stated.",
            ),
            "not_applicable": (
                "Alle perioder er dækket af en lovbestemt ret, hvis tekst ikke stiller krav om formål: retten ved "
                "udskrivning fra psykiatrisk indlæggelse før lovændringen i 2023, eller retten ved optagelse på "
                "uddannelse. Formålet prøves derfor ikke.",
                "Every period is covered by a statutory right whose text sets no purpose condition: the right on "
                "discharge from psychiatric admission before the 2023 amendment, or the right on admission to "
                "education. The purpose is therefore not tested.",
            ),
            "not_applicable@lab-2014": (
                "Alle perioder er dækket af retten til tilbud om mentorstøtte ved udskrivning fra psykiatrisk "
                "indlæggelse, som ikke stiller krav om formål. Formålet prøves derfor ikke.",
                "Every period is covered by the right to an offer of mentor support on discharge from psychiatric "
                "admission, which sets no purpose condition. The purpose is therefore not tested.",
            ),
            "needs_assessment/purpose_other_under_right": (
                "Perioderne er dækket af retten til mentorstøtte ved optagelse på uddannelse, hvis tekst ikke stiller "
                "krav om formål, men formålet er angivet som andet end lovens formål. Sagsbehandleren skal bekræfte, at "
                "støtten tjener uddannelsen.",
                "The periods are covered by the right to mentor support on admission to education, whose text sets no "
                "purpose condition, but the purpose is recorded as something other than the act's purposes. The "
                "caseworker must confirm that the support serves the education.",
            ),
        }
    ),
)


# --- eligibility.decisive_need -----------------------------------------------------


#: Why the grant condition of decisive need is the library's reading under lab-2014 (C2.7).
_GRANT_2014_NOTE = (
    "Chapter 9 b does not state that the mentor must be decisive for the person; the library applies STAR's guidance "
    "to every discretionary grant (for support to a company or an institution, § 31 d states it)."
)


def _decisive_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        grant = law.lab_ref("31 b", 1, kind=ReferenceKind.INTERPRETATION, note=_GRANT_2014_NOTE)
        return {"": (grant, STAR_TARGET_GROUP), "section_169": (law.lab_ref("31 d"),)}
    return {"": (law.lab_ref("167", 1, sentence=1), STAR_TARGET_GROUP), "section_169": (law.lab_ref("169", 1),)}


def _check_decisive_need(ctx: Context, view: RuleView) -> list[Finding]:
    assessment = ctx.case.decisive_need
    assessed_on = assessment.on if assessment is not None else None
    verdict = assessment_verdict(assessment)
    if ctx.support_to:  # a company or an education institution: § 169, stk. 1 (old § 31 d)
        facts = {"basis": "section_169", "assessed_on": assessed_on, "reason": "section_169"}
        return [view.finding(verdict, "", facts, "section_169")]
    if ctx.all_covered:
        return [view.finding(Verdict.NOT_APPLICABLE, "", {"basis": "grant", "reason": "covered_by_right"})]
    return [view.finding(verdict, "", {"basis": "grant", "assessed_on": assessed_on})]


DECISIVE_NEED = Rule(
    id="eligibility.decisive_need",
    family="eligibility",
    per="case",
    title_da="Afgørende behov for en mentor",
    title_en="Decisive need for a mentor",
    verdicts=frozenset({Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.NOT_APPLICABLE}),
    references=_decisive_refs,
    check=_check_decisive_need,
    texts=MappingProxyType(
        {
            "met": (
                "Sagsbehandleren har konkret vurderet, at en mentor er afgørende for borgeren (vurderingsdato: "
                "{assessed_on}).",
                "The caseworker has assessed that a mentor is decisive for the citizen (date of the assessment: "
                "{assessed_on}).",
            ),
            "not_met": (
                "Sagsbehandleren har konkret vurderet, at en mentor ikke er afgørende for borgeren; så kan der ikke "
                "gives mentorstøtte efter den skønsmæssige regel.",
                "The caseworker has assessed that a mentor is not decisive for the citizen; discretionary mentor "
                "support cannot then be given.",
            ),
            "needs_assessment": (
                "Der er ikke registreret en konkret vurdering af, om en mentor er afgørende for borgeren. "
                "Sagsbehandleren skal vurdere og begrunde det.",
                "No concrete assessment is recorded of whether a mentor is decisive for the citizen. The caseworker "
                "must assess it and give reasons.",
            ),
            "met@lab-2014": (
                "Sagsbehandleren har konkret vurderet, at en mentor er afgørende for borgeren (vurderingsdato: "
                "{assessed_on}). Kapitel 9 b nævner ikke kravet for den skønsmæssige støtte; det er bibliotekets "
                "læsning efter STARs vejledning.",
                "The caseworker has assessed that a mentor is decisive for the citizen (date of the assessment: "
                "{assessed_on}). Chapter 9 b does not state the condition for discretionary support; it is the "
                "library's reading, after STAR's guidance.",
            ),
            "not_met@lab-2014": (
                "Sagsbehandleren har konkret vurderet, at en mentor ikke er afgørende for borgeren. Efter bibliotekets "
                "læsning (STARs vejledning; kapitel 9 b nævner ikke kravet) kan der så ikke gives tilbud om mentorstøtte "
                "efter den skønsmæssige regel.",
                "The caseworker has assessed that a mentor is not decisive for the citizen. In the library's reading "
                "(STAR's guidance; chapter 9 b does not state the condition) discretionary mentor support cannot then "
                "be offered.",
            ),
            "needs_assessment@lab-2014": (
                "Der er ikke registreret en konkret vurdering af, om en mentor er afgørende for borgeren. Efter "
                "bibliotekets læsning (STARs vejledning; kapitel 9 b nævner ikke kravet) skal sagsbehandleren vurdere "
                "og begrunde det.",
                "No concrete assessment is recorded of whether a mentor is decisive for the citizen. In the library's "
                "reading (STAR's guidance; chapter 9 b does not state the condition) the caseworker must assess it and "
                "give reasons.",
            ),
            "met/section_169": (
                "Støtten gives til en virksomhed eller uddannelsesinstitution, og sagsbehandleren har konkret vurderet, "
                "at mentorfunktionen er afgørende for aktiviteten, tilbuddet eller ansættelsen (vurderingsdato: "
                "{assessed_on}).",
                "The support goes to a company or education institution, and the caseworker has assessed that the "
                "mentor function is decisive for the activity, the offer or the employment (date of the assessment: "
                "{assessed_on}).",
            ),
            "not_met/section_169": (
                "Sagsbehandleren har konkret vurderet, at mentorfunktionen ikke er afgørende for aktiviteten, tilbuddet "
                "eller ansættelsen; så kan virksomheden eller uddannelsesinstitutionen ikke få støtte til at varetage "
                "den.",
                "The caseworker has assessed that the mentor function is not decisive for the activity, the offer or "
                "the employment; the company or education institution cannot then be supported to carry it out.",
            ),
            "needs_assessment/section_169": (
                "Støtten gives til en virksomhed eller uddannelsesinstitution, og mentorfunktionen skal være afgørende "
                "for aktiviteten, tilbuddet eller ansættelsen. Der er ikke registreret en konkret vurdering af det; "
                "sagsbehandleren skal vurdere og begrunde den.",
                "The support goes to a company or education institution, and the mentor function must be decisive for "
                "the activity, the offer or the employment. No concrete assessment of that is recorded; the caseworker "
                "must assess it and give reasons.",
            ),
            "not_applicable": (
                "Alle perioder er dækket af en lovbestemt ret til mentorstøtte, så støtten afhænger ikke af en "
                "vurdering af afgørende behov.",
                "Every period is covered by a statutory right to mentor support, so the support does not depend on an "
                "assessment of decisive need.",
            ),
        }
    ),
)


# --- eligibility.mentor ------------------------------------------------------


def _mentor_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        base: tuple[LegalReference, ...] = (
            law.lab_ref(
                "31 e",
                1,
                kind=ReferenceKind.INTERPRETATION,
                note="Old chapter 9 b names no mentor categories; the library applies the later categories of § 168 (2020).",
            ),
        )
    else:
        base = (law.lab_ref("168"),)
        if law.municipality_wording:
            base = (*base, MUNICIPALITY_WORDING)
    return {"": base, "guidance": (*base, STAR_WHO_MAY_BE_MENTOR)}


MUNICIPALITY_WORDING = LegalReference(
    act="lov nr. 1750/2025",
    section="1",
    item=1,
    text="lov nr. 1750 af 29. december 2025, § 1, nr. 1 (»jobcenteret« ændres til »kommunen«)",
    source="lov nr. 1750 af 29. december 2025",
    url="https://www.retsinformation.dk/eli/lta/2025/1750",
    verified=False,
    note="The enacted text and its in-force date were not seen; 2026-02-01 is assumed (the legal research behind the library could not verify it).",
)


#: Whose employees may be mentors (§ 168, 1. pkt.): a company, an education institution, the municipality.
MENTOR_EMPLOYERS = frozenset(
    {MentorEmployer.COMPANY, MentorEmployer.EDUCATION_INSTITUTION, MentorEmployer.MUNICIPALITY}
)


def _check_mentor(ctx: Context, view: RuleView) -> list[Finding]:
    mentor = ctx.case.mentor
    employer = mentor.employer if mentor is not None else None
    if mentor is None or employer is None:
        return [view.finding(Verdict.MISSING_FACTS, "", {"employer": None, "reason": "unknown"})]
    facts: dict[str, FactValue] = {"employer": employer.value}
    if employer in MENTOR_EMPLOYERS:  # § 168, 1. pkt.: their own employee
        return [view.finding(Verdict.MET, "", facts)]
    if employer is MentorEmployer.EXTERNAL_CONSULTANT:  # § 168, 2. pkt.: a consultant one of them engaged
        engaged_by = mentor.engaged_by
        if engaged_by is None:
            return [view.finding(Verdict.MISSING_FACTS, "", {**facts, "engaged_by": None, "reason": "engager_unknown"})]
        return [view.finding(Verdict.MET, "", {**facts, "engaged_by": engaged_by.value, "reason": "consultant"})]
    # outside the categories (MentorEmployer.OTHER: a relative, a volunteer)
    if ctx.interpretation.strict_mentor_categories:
        return [view.finding(Verdict.NOT_MET, "", {**facts, "reason": "other"})]
    return [view.finding(Verdict.NEEDS_ASSESSMENT, "", {**facts, "reason": "other"}, "guidance")]


MENTOR = Rule(
    id="eligibility.mentor",
    family="eligibility",
    per="case",
    title_da="Hvem der kan være mentor",
    title_en="Who may be mentor",
    verdicts=frozenset({Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS}),
    references=_mentor_refs,
    check=_check_mentor,
    texts=MappingProxyType(
        {
            "met": (
                "Mentoren er ansat i {employer}; loven tillader medarbejdere i en virksomhed, en uddannelsesinstitution "
                "eller kommunen.",
                "The mentor is employed by {employer}; the act allows employees of a company, an education institution "
                "or the municipality.",
            ),
            "met/consultant": (
                "Mentoren er en ekstern konsulent, som {engaged_by} har indgået aftale med; loven tillader konsulenter, "
                "som virksomheden, uddannelsesinstitutionen eller {authority} indgår aftale med.",
                "The mentor is an external consultant engaged by {engaged_by}; the act allows consultants engaged by the "
                "company, the education institution or {authority}.",
            ),
            "met@lab-2014": (
                "Mentoren er ansat i {employer}. Kapitel 9 b nævner ingen kategorier af mentorer; biblioteket anvender "
                "de senere kategorier i § 168 (medarbejdere i en virksomhed, en uddannelsesinstitution eller kommunen), "
                "og mentoren ligger inden for dem.",
                "The mentor is employed by {employer}. Chapter 9 b names no categories of mentors; the library applies "
                "the later categories of § 168 (employees of a company, an education institution or the municipality), "
                "and the mentor is within them.",
            ),
            "met/consultant@lab-2014": (
                "Mentoren er en ekstern konsulent, som {engaged_by} har indgået aftale med. Kapitel 9 b nævner ingen "
                "kategorier af mentorer; biblioteket anvender de senere kategorier i § 168, og mentoren ligger inden for "
                "dem.",
                "The mentor is an external consultant engaged by {engaged_by}. Chapter 9 b names no categories of "
                "mentors; the library applies the later categories of § 168, and the mentor is within them.",
            ),
            "not_met/other@lab-2014": (
                "Mentoren er hverken ansat i en virksomhed, en uddannelsesinstitution eller kommunen eller ekstern "
                "konsulent for en af dem (f.eks. et familiemedlem eller en frivillig). Kapitel 9 b nævner ingen "
                "kategorier af mentorer, men § 31 e forudsætter en medarbejder eller en ekstern konsulent; efter den "
                "fortolkning, biblioteket anvender, kan der ikke gives støtte til en sådan mentor.",
                "The mentor is neither employed by a company, an education institution or the municipality nor an "
                "external consultant engaged by one (e.g. a relative or a volunteer). Chapter 9 b names no categories of "
                "mentors, but § 31 e presumes an employee or an external consultant; under the interpretation the "
                "library applies, such a mentor cannot be supported.",
            ),
            "needs_assessment@lab-2014": (
                "Mentoren falder uden for de kategorier, biblioteket anvender (f.eks. et familiemedlem eller en "
                "frivillig); kapitel 9 b nævner ingen. Efter den valgte fortolkning (STAR: »ingen regler for, hvem der "
                "kan være mentor«) skal sagsbehandleren vurdere, om mentoren kan godkendes.",
                "The mentor falls outside the categories the library applies (e.g. a relative or a volunteer); chapter "
                "9 b names none. Under the chosen interpretation (STAR: there are no rules on who may be mentor) the "
                "caseworker must assess whether the mentor can be approved.",
            ),
            "not_met": (
                "Mentoren er hverken ansat i en virksomhed, en uddannelsesinstitution eller kommunen eller ekstern "
                "konsulent for en af dem (f.eks. et familiemedlem eller en frivillig); loven giver ikke mulighed for "
                "støtte til en sådan mentor. Vælg en mentor inden for lovens kategorier.",
                "The mentor is neither employed by a company, an education institution or the municipality nor an "
                "external consultant engaged by one (e.g. a relative or a volunteer); the act does not provide for such "
                "a mentor. Choose a mentor within the act's categories.",
            ),
            "needs_assessment": (
                "Mentoren falder uden for lovens kategorier (f.eks. et familiemedlem eller en frivillig). Efter den "
                "valgte fortolkning (STAR: »ingen regler for, hvem der kan være mentor«) skal sagsbehandleren vurdere, "
                "om mentoren kan godkendes.",
                "The mentor falls outside the act's categories (e.g. a relative or a volunteer). Under the chosen "
                "interpretation (STAR: there are no rules on who may be mentor) the caseworker must assess whether the "
                "mentor can be approved.",
            ),
            "missing_facts": (
                "Det er ikke oplyst, hvem mentoren er ansat hos. Angiv, om mentoren er ansat i en virksomhed, en "
                "uddannelsesinstitution, kommunen eller er ekstern konsulent.",
                "It is not stated who employs the mentor. State whether the mentor is employed by a company, an "
                "education institution, the municipality, or is an external consultant.",
            ),
            "missing_facts/engager_unknown": (
                "Mentoren er ekstern konsulent, men det er ikke oplyst, om virksomheden, uddannelsesinstitutionen eller "
                "{authority} har indgået aftalen. Angiv, hvem der har indgået aftale med konsulenten.",
                "The mentor is an external consultant, but it is not stated whether the company, the education "
                "institution or {authority} engaged them. State who engaged the consultant.",
            ),
        }
    ),
)

RULES: tuple[Rule, ...] = (PURPOSE, DECISIVE_NEED, MENTOR)
