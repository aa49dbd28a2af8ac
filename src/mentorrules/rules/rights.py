"""
The statutory rights (*retskrav*): psychiatric discharge and education admission.

Most mentor support is discretionary ("kan der gives", § 167, stk. 1).  Two
groups have a right to it:

    Stk. 2. Personer omfattet af § 6, som udskrives fra psykiatrisk
    indlæggelse, har ret til mentorstøtte med samme formål som efter stk. 1 i
    op til 3 måneder forud for udskrivelsen og i en periode på mindst 6
    måneder i alt.

    Stk. 3. Personer omfattet af § 6, nr. 4 og 5, har ret til mentorstøtte i
    op til 6 måneder fra tidspunktet, hvor personen optages på en studie- eller
    erhvervskompetencegivende uddannelse. Mentorstøtten gives i en periode på
    op til 6 måneder fra det tidspunkt, hvor personen benytter sig af retten
    til mentorstøtte. Perioden med mentorstøtte kan forlænges, jf. stk. 1,
    2. pkt.

(LAB § 167, LBK nr. 280 af 1. marts 2024.)  The words "med samme formål som
efter stk. 1" came with lov nr. 295 af 20. marts 2023, § 1, nr. 10; stk. 3 is
not in the 2019 act and is present in LBK nr. 701 af 22. maj 2022.  From 2014
to 2019 the psychiatric right was old § 31 b, stk. 2 ("Personer, der er
omfattet af § 2"), and an older education right for single providers existed
whose provision was not found: the library answers ``needs_assessment`` for it
rather than guess.

**Windows.**  Psychiatric discharge: support may start 3 months before the
discharge (``earliest_start``); counted from the later of that day and the
first period's start (S), the right lasts at least 6 months (``minimum_end``).
Periods are covered only if S is on or before the discharge.  Education
admission: the right must be invoked within 6 months of the admission
(``invocation_deadline``) and lasts 6 months from invocation
(``entitled_until``), or with ``education_right_window = "admission"`` no
longer than 6 months from the admission.

A right's finding never enters the aggregate verdict: a right that does not
exist only means the support is discretionary, so the eligibility rules apply
to the periods it does not cover.

Legal basis:
    LAB § 167, stk. 2 og 3; lov nr. 295 af 20. marts 2023, § 1, nr. 10;
    LAB 2003 § 31 b, stk. 2; BEK om en aktiv beskæftigelsesindsats
    (§ 125 in nr. 1180/2019 and 2006/2020, § 127 in nr. 2636/2021, § 128 in
    nr. 1216/2023).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from mentorrules._dates import is_under, period_end_day, window_opening
from mentorrules._registry import Context, ReferenceSets, Rule, RuleView
from mentorrules.facts import TargetGroup
from mentorrules.interpretation import EducationRightWindow
from mentorrules.law import LawSnapshot
from mentorrules.outcomes import FactValue, Finding, Verdict
from mentorrules.references import LegalReference
from mentorrules.rules._common import STATUTORY_PURPOSES, V


__all__ = ["RULES"]

_EDUCATION_GROUPS = frozenset(
    {TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY, TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY}
)

LOV_295_2023 = "lov nr. 295 af 20. marts 2023"


def _verdict(failed: list[str], unknown: list[str]) -> Verdict:
    if failed:
        return V.NOT_MET
    return V.MISSING_FACTS if unknown else V.MET


def _cover(ctx: Context, start: date, end: date, *, without_purpose: bool, limit: date | None) -> None:
    """Mark every period inside ``start..end`` as covered (and give it the right's limit)."""
    for index, period in ctx.periods:
        if start <= period.start and period.end <= end:
            ctx.covered.add(index)
            if without_purpose:
                ctx.coverage_without_purpose.add(index)
            if limit is not None:
                ctx.period_limits[index] = max(limit, ctx.period_limits.get(index, limit))


# --- right.psychiatric_discharge -----------------------------------------------


def _psychiatric_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        return {"": (law.lab_ref("31 b", 2),)}
    refs: tuple[LegalReference, ...] = (law.lab_ref("167", 2), law.bek_ref("psychiatric", subsection=1))
    if law.psychiatric_purpose_in_force or law.psychiatric_purpose_date_matters:
        refs = (
            *refs,
            LegalReference(
                act=LOV_295_2023,
                text=f"{LOV_295_2023}, § 1, nr. 10",
                source=LOV_295_2023,
                url="https://www.retsinformation.dk/eli/lta/2023/295",
                verified=not law.psychiatric_purpose_date_matters,
                note="In force between 2023-03-21 and 2024-03-01; 2023-04-01 is assumed (LAW.md A4.1).",
            ),
        )
    return {"": refs}


#: The facts of the two rights when the case has no discharge or admission (the common case), built once.
_NO_DISCHARGE: Mapping[str, FactValue] = MappingProxyType({"reason": "no_discharge"})
_NO_ADMISSION: Mapping[str, FactValue] = MappingProxyType({"reason": "no_admission"})


def _check_psychiatric(ctx: Context, view: RuleView) -> list[Finding]:
    discharge = ctx.case.psychiatric_discharge
    if discharge is None:
        return [view.finding(V.NOT_APPLICABLE, "", _NO_DISCHARGE)]
    law = ctx.snapshot
    failed: list[str] = []
    unknown: list[str] = []
    citizen = ctx.case.citizen
    group = citizen.target_group if citizen is not None else None
    if group is None:
        unknown.append("target_group")
    elif group is TargetGroup.NONE:
        failed.append("target_group")
    if not discharge.inpatient:
        failed.append("inpatient")
    if not discharge.psychiatric:
        failed.append("psychiatric")
    if law.psychiatric_purpose_in_force:
        purpose = ctx.case.purpose
        if purpose is None:
            unknown.append("purpose")
        elif purpose not in STATUTORY_PURPOSES:
            failed.append("purpose")
    day = discharge.discharge_date
    strict = ctx.strict
    earliest = window_opening(day, law.psychiatric_months_before).choose(ctx.mode)
    first_start = ctx.periods[0][1].start if ctx.periods else earliest
    support_start = max(earliest, first_start)
    minimum_end = period_end_day(support_start, law.psychiatric_months_total, strict)
    window_end = minimum_end
    if ctx.interpretation.psychiatric_period_may_exceed_six_months:
        window_end = max(minimum_end, period_end_day(day, law.psychiatric_months_total, strict))
    verdict = _verdict(failed, unknown)
    covers = verdict is V.MET and support_start <= day
    facts: dict[str, FactValue] = {
        "discharge_date": day,
        "earliest_start": earliest,
        "support_start": support_start,
        "minimum_end": minimum_end,
        "window_end": window_end,
        "covers_periods": covers,
        "failed": tuple(failed),
        "unknown": tuple(unknown),
    }
    if verdict is not V.MET:
        facts["reason"] = "failed" if failed else "unknown"
    elif not covers:
        facts["reason"] = "starts_after_discharge"
    if covers:
        limit = window_end if ctx.interpretation.psychiatric_period_may_exceed_six_months else None
        _cover(ctx, earliest, window_end, without_purpose=not law.psychiatric_purpose_in_force, limit=limit)
    return [view.finding(verdict, "", facts)]


PSYCHIATRIC = Rule(
    id="right.psychiatric_discharge",
    family="right",
    per="case",
    title_da="Ret til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse",
    title_en="Right to mentor support on discharge from psychiatric admission",
    verdicts=frozenset({V.MET, V.NOT_MET, V.MISSING_FACTS, V.NOT_APPLICABLE}),
    references=_psychiatric_refs,
    check=_check_psychiatric,
    texts=MappingProxyType(
        {
            "met": (
                "Borgeren har ret til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse {discharge_date}: fra "
                "tidligst {earliest_start} og i mindst 6 måneder i alt, regnet fra {support_start} til {minimum_end}. "
                "Perioder inden for {earliest_start} til {window_end} er dækket af retten.",
                "The citizen has a right to mentor support on discharge from psychiatric admission on "
                "{discharge_date}: from {earliest_start} at the earliest and for at least 6 months in all, counted from "
                "{support_start} to {minimum_end}. Periods within {earliest_start} to {window_end} are covered by the "
                "right.",
            ),
            "met/starts_after_discharge": (
                "Borgeren har ret til mentorstøtte ved udskrivning {discharge_date}, men støtten begynder først "
                "{support_start}, efter udskrivningen; perioderne behandles derfor efter de almindelige regler.",
                "The citizen has a right to mentor support on discharge on {discharge_date}, but the support only "
                "begins on {support_start}, after the discharge; the periods are therefore judged under the ordinary "
                "rules.",
            ),
            "not_met": (
                "Betingelserne for retten til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse er ikke opfyldt "
                "({failed}): retten gælder personer i en målgruppe efter § 6, der udskrives fra psykiatrisk "
                "indlæggelse (ikke ambulant behandling, dagbehandling eller somatisk indlæggelse), og fra lovændringen "
                "i 2023 skal støtten have et af formålene i stk. 1. Støtte kan stadig gives efter den skønsmæssige regel.",
                "The conditions of the right to mentor support on discharge from psychiatric admission are not met "
                "({failed}): the right covers persons in a target group of § 6 discharged from psychiatric in-patient "
                "admission (not out-patient or day treatment, not somatic admission), and since the 2023 amendment the "
                "support must have one of the purposes of stk. 1. Support may still be given under the discretionary "
                "rule.",
            ),
            "not_met@lab-2014": (
                "Betingelserne for retten til tilbud om mentorstøtte ved udskrivning fra psykiatrisk indlæggelse er ikke "
                "opfyldt ({failed}): retten gælder personer omfattet af § 2, der udskrives fra psykiatrisk indlæggelse "
                "(ikke ambulant behandling, dagbehandling eller somatisk indlæggelse). Der kan stadig gives tilbud om "
                "mentorstøtte efter den skønsmæssige regel.",
                "The conditions of the right to an offer of mentor support on discharge from psychiatric admission are "
                "not met ({failed}): the right covers persons within § 2 discharged from psychiatric in-patient "
                "admission (not out-patient or day treatment, not somatic admission). Mentor support may still be "
                "offered under the discretionary rule.",
            ),
            "missing_facts": (
                "Det kan ikke afgøres, om borgeren har ret til mentorstøtte ved udskrivning {discharge_date}; ukendt: "
                "{unknown}. Angiv de manglende oplysninger.",
                "It cannot be told whether the citizen has a right to mentor support on discharge on {discharge_date}; "
                "unknown: {unknown}. State the missing facts.",
            ),
            "not_applicable": (
                "Sagen angår ikke en udskrivning fra psykiatrisk indlæggelse.",
                "The case does not concern a discharge from psychiatric admission.",
            ),
        }
    ),
)


# --- right.education_admission ---------------------------------------------------

_OLD_EDUCATION_RIGHT = LegalReference(
    act="LAB",
    text="LAB kapitel 9 b (§§ 31 b–31 f)",
    source="LAB 2003 som ændret",
    url="https://www.retsinformation.dk/eli/lta/2016/1342",
    verified=False,
    note="The 2014-2019 education right for single providers with an uddannelsespålæg; its provision and start "
    "date were not found (LAW.md § 4.2).",
)


def _education_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        return {"": (_OLD_EDUCATION_RIGHT,)}
    if law.education_right_date_matters:
        ref = LegalReference(
            act="LAB",
            section="167",
            subsection=3,
            source="lov nr. 548 af 7. maj 2019 som ændret (ændringsloven er ikke identificeret)",
            url="https://www.retsinformation.dk/eli/lta/2022/701",
            verified=False,
            note="§ 167, stk. 3 is not in the 2019 act and is present in LBK 701/2022; the amending act and its "
            "in-force date were not found, 2022-01-01 is assumed (LAW.md A1.2).",
        )
        return {"": (ref,)}
    return {"": (law.lab_ref("167", 3),)}


def _check_education(ctx: Context, view: RuleView) -> list[Finding]:
    admission = ctx.case.education_admission
    if admission is None:
        return [view.finding(V.NOT_APPLICABLE, "", _NO_ADMISSION)]
    law = ctx.snapshot
    if law.is_2014:
        return [
            view.finding(V.NEEDS_ASSESSMENT, "", {"admission_date": admission.admission_date, "reason": "unverified"})
        ]
    strict = ctx.strict
    if not law.education_right_in_force:
        return [view.finding(V.NOT_APPLICABLE, "", {"in_force": False, "reason": "not_in_force"})]
    failed: list[str] = []
    unknown: list[str] = []
    citizen = ctx.case.citizen
    group = citizen.target_group if citizen is not None else None
    if group is None:
        unknown.append("target_group")
    elif group not in _EDUCATION_GROUPS:
        failed.append("target_group")
    birth = citizen.birth_date if citizen is not None else None
    if birth is None:
        unknown.append("birth_date")
    else:
        under_favour, under_strict = is_under(birth, law.age_limit, admission.admission_date)
        if not (under_strict if strict else under_favour):
            failed.append("under_30")
    if not admission.qualifying:
        failed.append("qualifying")
    deadline = period_end_day(admission.admission_date, law.education_months, strict)
    invoked = admission.right_invoked_on
    entitled_until: date | None = None
    if invoked is None:
        unknown.append("right_invoked_on")
    else:
        if not admission.admission_date <= invoked <= deadline:
            failed.append("right_invoked_on")
        entitled_until = period_end_day(invoked, law.education_months, strict)
        if ctx.interpretation.education_right_window is EducationRightWindow.ADMISSION:
            entitled_until = min(entitled_until, deadline)
    verdict = _verdict(failed, unknown)
    facts: dict[str, FactValue] = {
        "in_force": True,
        "admission_date": admission.admission_date,
        "invocation_deadline": deadline,
        "right_invoked_on": invoked,
        "entitled_until": entitled_until,
        "failed": tuple(failed),
        "unknown": tuple(unknown),
    }
    if verdict is not V.MET:
        facts["reason"] = "failed" if failed else "unknown"
    else:
        assert invoked is not None  # met: the invocation is known, so is entitled_until
        assert entitled_until is not None
        _cover(ctx, invoked, entitled_until, without_purpose=False, limit=None)
    return [view.finding(verdict, "", facts)]


EDUCATION = Rule(
    id="right.education_admission",
    family="right",
    per="case",
    title_da="Ret til mentorstøtte ved optagelse på en uddannelse",
    title_en="Right to mentor support on admission to education",
    verdicts=frozenset({V.MET, V.NOT_MET, V.MISSING_FACTS, V.NOT_APPLICABLE, V.NEEDS_ASSESSMENT}),
    references=_education_refs,
    check=_check_education,
    texts=MappingProxyType(
        {
            "met": (
                "Borgeren har ret til mentorstøtte ved optagelse på en kompetencegivende uddannelse {admission_date}: "
                "retten er taget i brug {right_invoked_on} (senest muligt {invocation_deadline}) og gælder til og med "
                "{entitled_until}. Perioder inden for {right_invoked_on} til {entitled_until} er dækket af retten.",
                "The citizen has a right to mentor support on admission to a qualifying education on {admission_date}: "
                "the right was taken up on {right_invoked_on} (at the latest {invocation_deadline}) and lasts until "
                "{entitled_until}. Periods within {right_invoked_on} to {entitled_until} are covered by the right.",
            ),
            "not_met": (
                "Betingelserne for retten til mentorstøtte ved optagelse på uddannelse er ikke opfyldt ({failed}): "
                "retten gælder uddannelseshjælpsmodtagere i § 6, nr. 4 og 5, under 30 år ved optagelsen, på en studie- "
                "eller erhvervskompetencegivende uddannelse, og den skal tages i brug fra optagelsen {admission_date} og "
                "senest {invocation_deadline}. Støtte kan stadig gives efter den skønsmæssige regel.",
                "The conditions of the right to mentor support on admission to education are not met ({failed}): the "
                "right covers recipients of education benefit in § 6, nr. 4 and 5, under 30 on admission, admitted to "
                "an education that qualifies for study or a trade, and it must be taken up between the admission on "
                "{admission_date} and {invocation_deadline}. Support may still be given under the discretionary rule.",
            ),
            "missing_facts": (
                "Det kan ikke afgøres, om borgeren har ret til mentorstøtte ved optagelsen {admission_date}; ukendt: "
                "{unknown}. Angiv de manglende oplysninger.",
                "It cannot be told whether the citizen has a right to mentor support on the admission of "
                "{admission_date}; unknown: {unknown}. State the missing facts.",
            ),
            "not_applicable": (
                "Sagen angår ikke en optagelse på uddannelse.",
                "The case does not concern an admission to education.",
            ),
            "not_applicable/not_in_force": (
                "Retten til mentorstøtte ved optagelse på uddannelse (§ 167, stk. 3) var ikke i kraft på lovdatoen "
                "(antaget i kraft fra 1. januar 2022).",
                "The right to mentor support on admission to education (§ 167, stk. 3) was not in force on the law "
                "date (assumed in force from 1 January 2022).",
            ),
            "needs_assessment": (
                "Før 2020 gav loven enlige forsørgere på uddannelseshjælp med uddannelsespålæg ret til mentorstøtte ved "
                "optagelse {admission_date}, men bestemmelsen er ikke verificeret; sagsbehandleren skal vurdere retten "
                "ud fra den gældende tekst.",
                "Before 2020 the act gave single providers on education benefit with an education order a right to "
                "mentor support on admission ({admission_date}), but the provision is not verified; the caseworker "
                "must assess the right from the text in force.",
            ),
        }
    ),
)

RULES: tuple[Rule, ...] = (PSYCHIATRIC, EDUCATION)
