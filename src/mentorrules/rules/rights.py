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

(LAB § 167, stk. 2 and 3, LBK nr. 280 af 1. marts 2024,
https://www.retsinformation.dk/eli/lta/2024/280.)  The words "med samme formål
som efter stk. 1" came with lov nr. 295 af 20. marts 2023, § 1, nr. 10
(https://www.retsinformation.dk/eli/lta/2023/295); stk. 3 is not in the 2019
act and is present in LBK nr. 701 af 22. maj 2022 (the library assumes it in
force from 2022-01-01).  From 2014 to 2019 the psychiatric right was old
§ 31 b, stk. 2:

    Stk. 2. Personer, der er omfattet af § 2, og som udskrives fra
    psykiatrisk indlæggelse, har ret til et tilbud om mentorstøtte i op til 3
    måneder forud for udskrivelsen og for en periode på mindst 6 måneder i
    alt.

(LBK nr. 1342 af 21. november 2016, https://www.retsinformation.dk/eli/lta/2016/1342.)
Chapter 9 b has no education right; an older right for single providers
existed outside it (LAW.md [S44]), which the library does not model.

``right.psychiatric_discharge``.  The conditions: the citizen is in a § 6
group (old § 2), the admission was in-patient and psychiatric, and from the
2023 amendment the purpose is one of the five of stk. 1.  The right opens 3
months before the discharge (``earliest_start``).  The support under the right
starts on S, the later of ``earliest_start`` and the start of the first period
that ends on or after ``earliest_start``: a period that ended before the window
opened is earlier, unrelated support and never moves S.  Counted from S the
right lasts at least 6 months (``minimum_end``, the right's ``limit``; with
``psychiatric_period_may_exceed_six_months`` at least until 6 months after the
discharge as well).  The statute sets no rule that the support must start
before the discharge; the executive order ties it to the discharge:

    § 128. Personer omfattet af § 1, som udskrives fra psykiatrisk
    indlæggelse, har ret til mentorstøtte, jf. § 167, stk. 2, i lov om en
    aktiv beskæftigelsesindsats.
    [...]
    Stk. 3. Jobcenteret har pligt til undersøge, om personen ønsker
    mentorstøtte i forbindelse med udskrivningen, og sørge for at der knyttes
    en mentor til personen, hvis det er tilfældet.

(BEK nr. 1216 af 28. september 2023, https://www.retsinformation.dk/eli/lta/2023/1216;
§ 125 in nr. 1180/2019 and 2006/2020, § 127 in nr. 2636/2021.)  So when S lies
after the discharge date, the caseworker's assessment that the support is
given *i forbindelse med udskrivningen* (``PsychiatricDischarge.in_connection``)
decides: recorded yes, the right is met; recorded no, not met; not recorded,
it needs assessment (DESIGN section 5, C2.1).  A failed condition wins over an
unknown fact, which wins over a missing assessment.  A period wholly inside
``earliest_start``..``limit`` is covered by the right; a period that began
before the window as a discretionary grant and runs on into it is partly
covered: only its length is judged against the right's limit, and only when
its discretionary part fits in six months (C2.2).

``right.education_admission``.  The citizen is in § 6, nr. 4 or 5, under 30 on
the admission, the education qualifies, and the right is invoked within 6
months of the admission (``invocation_deadline``); it lasts 6 months from
invocation (``entitled_until``), or with ``education_right_window =
"admission"`` no longer than 6 months from the admission.  Periods it covers
are not tested for a purpose (C2.4).  Under ``lab-2014`` it is
``not_applicable`` (``in_force: false``).

A right's finding never enters the aggregate verdict: a right that does not
exist only means the support is discretionary, so the eligibility rules apply
to the periods it does not cover.  A right that needs assessment or facts is
*pending* (C2.11): a finding that would differ with and without the right takes
the right's verdict, with the fact ``pending``, so nothing is refused that the
right might cover.

Legal basis:
    LAB § 167, stk. 2 og 3; lov nr. 295 af 20. marts 2023, § 1, nr. 10;
    LAB 2003 § 31 b, stk. 2; BEK om en aktiv beskæftigelsesindsats
    (§ 125 in nr. 1180/2019 and 2006/2020, § 127 in nr. 2636/2021, § 128 in
    nr. 1216/2023), stk. 1 and 3.

Examples:
    >>> from mentorrules import evaluate, load_case
    >>> def verdicts(document, rule):
    ...     return [finding.verdict.value for finding in evaluate(load_case(document)).findings_for(rule)]
    >>> discharge = {"discharge_date": "2025-09-15", "inpatient": True, "psychiatric": True}
    >>> case = {"decision_date": "2025-06-10", "citizen": {"target_group": "sickness_benefit"}, "purpose": "activity"}
    >>> case = {**case, "periods": [{"start": "2025-06-15", "end": "2025-12-14"}], "psychiatric_discharge": discharge}

    A person in a § 6 group, discharged from psychiatric in-patient admission,
    with support from 3 months before the discharge (§ 167, stk. 2):

    >>> verdicts(case, "right.psychiatric_discharge")
    ['met']

    A somatic admission does not give the right; an unknown target group
    leaves it open; without a discharge the rule does not apply:

    >>> verdicts({**case, "psychiatric_discharge": {**discharge, "psychiatric": False}}, "right.psychiatric_discharge")
    ['not_met']
    >>> verdicts({**case, "citizen": {}}, "right.psychiatric_discharge")
    ['missing_facts']
    >>> verdicts({**case, "psychiatric_discharge": None}, "right.psychiatric_discharge")
    ['not_applicable']

    Support that starts after the discharge is covered only if it is given in
    connection with it (BEK § 128, stk. 3).  Until that is assessed the right
    is pending, and so is every finding it would change: here a recorded "no"
    to the mentor being decisive, which a right does not ask for:

    >>> late = {**case, "psychiatric_discharge": {**discharge, "discharge_date": "2025-06-01"}}
    >>> verdicts(late, "right.psychiatric_discharge")
    ['needs_assessment']
    >>> connected = {**late["psychiatric_discharge"], "in_connection": {"outcome": True, "on": "2025-06-10"}}
    >>> verdicts({**late, "psychiatric_discharge": connected}, "right.psychiatric_discharge")
    ['met']
    >>> decision = evaluate(load_case({**late, "decisive_need": {"outcome": False}}))
    >>> [need] = decision.findings_for("eligibility.decisive_need")
    >>> need.verdict.value, need.facts["pending"]  # not_met without the right, not_applicable with it
    ('needs_assessment', 'right.psychiatric_discharge')

    The education right (§ 167, stk. 3) for an education-ready recipient of
    education benefit under 30, invoked two weeks after the admission:

    >>> admission = {"admission_date": "2024-08-01", "qualifying": True, "right_invoked_on": "2024-08-15"}
    >>> citizen = {"birth_date": "2001-05-01", "target_group": "education_benefit_education_ready"}
    >>> case = {"decision_date": "2024-08-20", "citizen": citizen, "education_admission": admission}
    >>> verdicts(case, "right.education_admission")
    ['met']
    >>> verdicts({**case, "citizen": {**citizen, "target_group": "sickness_benefit"}}, "right.education_admission")
    ['not_met']
    >>> verdicts({**case, "education_admission": {**admission, "right_invoked_on": None}}, "right.education_admission")
    ['missing_facts']

    Under chapter 9 b (2014-2019) there was no such right:

    >>> verdicts({**case, "decision_date": "2019-08-20"}, "right.education_admission")
    ['not_applicable']
"""

from __future__ import annotations

from datetime import date, timedelta
from types import MappingProxyType

import attrs

from mentorrules.law.dates import is_under, period_end_day, window_opening
from mentorrules.law.interpretation import EducationRightWindow
from mentorrules.law.versions import LawSnapshot
from mentorrules.model.facts import EducationAdmission, PsychiatricDischarge, TargetGroup
from mentorrules.model.outcomes import FactValue, Finding, Verdict
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.rules._base import Context, ReferenceSets, Rule, RuleView
from mentorrules.rules._common import STATUTORY_PURPOSES
from mentorrules.rules._coverage import Window


__all__ = ["RULES"]

_EDUCATION_GROUPS = frozenset(
    {TargetGroup.EDUCATION_BENEFIT_EDUCATION_READY, TargetGroup.EDUCATION_BENEFIT_ACTIVITY_READY}
)

LOV_295_2023 = "lov nr. 295 af 20. marts 2023"


def _verdict(failed: list[str], unknown: list[str], unassessed: list[str]) -> Verdict:
    """Return a right's verdict: a failed condition, else an unknown fact, else an unrecorded assessment."""
    if failed:
        return Verdict.NOT_MET
    if unknown:
        return Verdict.MISSING_FACTS
    return Verdict.NEEDS_ASSESSMENT if unassessed else Verdict.MET


def _group_condition(ctx: Context, failed: list[str], unknown: list[str]) -> None:
    """The citizen is in a target group of § 6 (old § 2)."""
    citizen = ctx.case.citizen
    group = citizen.target_group if citizen is not None else None
    if group is None:
        unknown.append("target_group")
    elif group is TargetGroup.NONE:
        failed.append("target_group")


# --- right.psychiatric_discharge -----------------------------------------------


def _lov_295(law: LawSnapshot) -> LegalReference:
    return LegalReference(
        act=LOV_295_2023,
        text=f"{LOV_295_2023}, § 1, nr. 10",
        source=LOV_295_2023,
        url="https://www.retsinformation.dk/eli/lta/2023/295",
        verified=not law.psychiatric_purpose_date_matters,
        note=None
        if not law.psychiatric_purpose_date_matters
        else "In force between 2023-03-21 and 2024-03-01; 2023-04-01 is assumed (the legal research behind the library could not verify it).",
    )


def _psychiatric_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        base: tuple[LegalReference, ...] = (law.lab_ref("31 b", 2),)
        connection = law.lab_ref(
            "31 b",
            2,
            kind=ReferenceKind.INTERPRETATION,
            note="Chapter 9 b does not say when support under the right may start; the library reads it as the later "
            "executive orders do: in connection with the discharge.",
        )
        return {"": base, "connection": (*base, connection)}
    base = (law.lab_ref("167", 2), law.bek_ref("psychiatric", subsection=1))
    if law.psychiatric_purpose_in_force or law.psychiatric_purpose_date_matters:
        base = (*base, _lov_295(law))
    return {"": base, "connection": (*base, law.bek_ref("psychiatric", subsection=3))}


def _psychiatric_dates(
    ctx: Context, discharge: PsychiatricDischarge
) -> tuple[date, date | None, date | None, date | None]:
    """
    Return the right's ``earliest_start``, support start S, ``minimum_end`` and limit.

    S is the later of ``earliest_start`` and the start of the chronologically first
    period that ends on or after ``earliest_start``; without such a period S, the
    minimum end and the limit are unknown (None) and the right covers no period.
    """
    law = ctx.snapshot
    day = discharge.discharge_date
    earliest = window_opening(day, law.psychiatric_months_before).choose(ctx.mode)
    first = next((period.start for _, period in ctx.periods if period.end >= earliest), None)
    if first is None:
        return earliest, None, None, None
    support_start = max(earliest, first)
    minimum_end = period_end_day(support_start, law.psychiatric_months_total, ctx.strict)
    limit = minimum_end
    if ctx.interpretation.psychiatric_period_may_exceed_six_months:
        limit = max(minimum_end, period_end_day(day, law.psychiatric_months_total, ctx.strict))
    return earliest, support_start, minimum_end, limit


def _check_psychiatric(ctx: Context, view: RuleView) -> list[Finding]:
    discharge = ctx.case.psychiatric_discharge
    if discharge is None:
        return [view.finding(Verdict.NOT_APPLICABLE, "", {"reason": "no_discharge"})]
    law = ctx.snapshot
    failed: list[str] = []
    unknown: list[str] = []
    unassessed: list[str] = []
    _group_condition(ctx, failed, unknown)
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
    earliest, support_start, minimum_end, limit = _psychiatric_dates(ctx, discharge)
    reason: str | None = None
    variant = ""
    if support_start is not None and support_start > discharge.discharge_date:
        # BEK § 128, stk. 3: support "i forbindelse med udskrivningen" (C2.1)
        variant = "connection"
        reason = "start_after_discharge"
        in_connection = discharge.in_connection
        if in_connection is None:
            unassessed.append("in_connection")
        elif not in_connection.outcome:
            failed.append("in_connection")
            reason = "start_not_in_connection"
    verdict = _verdict(failed, unknown, unassessed)
    facts: dict[str, FactValue] = {
        "discharge_date": discharge.discharge_date,
        "earliest_start": earliest,
        "support_start": support_start,
        "minimum_end": minimum_end,
        "limit": limit,
        "failed": tuple(failed),
        "unknown": tuple(unknown),
        "unassessed": tuple(unassessed),
    }
    if reason is None and verdict is not Verdict.MET:
        reason = "failed" if failed else "unknown"
    if reason is not None:
        facts["reason"] = reason
    return [view.finding(verdict, "", facts, variant)]


def _psychiatric_windows(ctx: Context) -> tuple[Window, ...]:
    """Return the psychiatric right's window (none when no period reaches it), for a case with a discharge."""
    discharge = ctx.case.psychiatric_discharge
    assert discharge is not None, "the engine asks only for a right that is met or pending"
    earliest, _, _, limit = _psychiatric_dates(ctx, discharge)
    if limit is None:
        return ()
    return (
        Window(
            right=PSYCHIATRIC_ID,
            start=earliest,
            end=limit,
            extends_length=True,
            tests_purpose=ctx.snapshot.psychiatric_purpose_in_force,
            partial=True,
        ),
    )


PSYCHIATRIC_ID = "right.psychiatric_discharge"

PSYCHIATRIC = Rule(
    id=PSYCHIATRIC_ID,
    family="right",
    per="case",
    title_da="Ret til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse",
    title_en="Right to mentor support on discharge from psychiatric admission",
    verdicts=frozenset(
        {Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE}
    ),
    references=_psychiatric_refs,
    check=_check_psychiatric,
    windows=_psychiatric_windows,
    texts=MappingProxyType(
        {
            "met": (
                "Borgeren har ret til mentorstøtte ved udskrivning fra psykiatrisk indlæggelse {discharge_date}: fra "
                "tidligst {earliest_start} og i mindst 6 måneder i alt, regnet fra støttens start {support_start} til "
                "{minimum_end}. Perioder inden for {earliest_start} til {limit} er dækket af retten.",
                "The citizen has a right to mentor support on discharge from psychiatric admission on "
                "{discharge_date}: from {earliest_start} at the earliest and for at least 6 months in all, counted from "
                "the start of the support on {support_start} to {minimum_end}. Periods within {earliest_start} to "
                "{limit} are covered by the right.",
            ),
            "met/start_after_discharge": (
                "Borgeren har ret til mentorstøtte ved udskrivning {discharge_date}. Støtten begynder {support_start}, "
                "efter udskrivningen, og sagsbehandleren har vurderet, at den gives i forbindelse med udskrivningen. "
                "Retten gælder i mindst 6 måneder i alt, til {minimum_end}; perioder inden for {earliest_start} til "
                "{limit} er dækket af retten.",
                "The citizen has a right to mentor support on discharge on {discharge_date}. The support begins on "
                "{support_start}, after the discharge, and the caseworker has assessed that it is given in connection "
                "with the discharge. The right lasts at least 6 months in all, until {minimum_end}; periods within "
                "{earliest_start} to {limit} are covered by the right.",
            ),
            "needs_assessment/start_after_discharge": (
                "Støtten begynder {support_start}, efter udskrivningen {discharge_date}. Retten til mentorstøtte ved "
                "udskrivning gælder støtte, der gives i forbindelse med udskrivningen; der er ikke registreret en "
                "vurdering af, om det er tilfældet. Sagsbehandleren skal vurdere det.",
                "The support begins on {support_start}, after the discharge on {discharge_date}. The right to mentor "
                "support on discharge covers support given in connection with the discharge; no assessment of whether "
                "that is so is recorded. The caseworker must assess it.",
            ),
            "not_met/start_not_in_connection": (
                "Støtten begynder {support_start}, efter udskrivningen {discharge_date}, og sagsbehandleren har vurderet, "
                "at den ikke gives i forbindelse med udskrivningen (ikke opfyldt: {failed}). Retten til mentorstøtte ved "
                "udskrivning dækker den derfor ikke; støtte kan stadig gives efter den skønsmæssige regel.",
                "The support begins on {support_start}, after the discharge on {discharge_date}, and the caseworker has "
                "assessed that it is not given in connection with the discharge (not met: {failed}). The right to "
                "mentor support on discharge therefore does not cover it; support may still be given under the "
                "discretionary rule.",
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
            "met/start_after_discharge@lab-2014": (
                "Borgeren har ret til tilbud om mentorstøtte ved udskrivning {discharge_date}. Støtten begynder "
                "{support_start}, efter udskrivningen, og sagsbehandleren har vurderet, at den gives i forbindelse med "
                "udskrivningen (kapitel 9 b siger ikke, hvornår støtten skal begynde; det er bibliotekets læsning). "
                "Retten gælder i mindst 6 måneder i alt, til {minimum_end}.",
                "The citizen has a right to an offer of mentor support on discharge on {discharge_date}. The support "
                "begins on {support_start}, after the discharge, and the caseworker has assessed that it is given in "
                "connection with the discharge (chapter 9 b does not say when the support must begin; this is the "
                "library's reading). The right lasts at least 6 months in all, until {minimum_end}.",
            ),
            "needs_assessment/start_after_discharge@lab-2014": (
                "Støtten begynder {support_start}, efter udskrivningen {discharge_date}. Efter bibliotekets læsning "
                "(kapitel 9 b siger ikke, hvornår støtten skal begynde) gælder retten støtte, der gives i forbindelse "
                "med udskrivningen; der er ikke registreret en vurdering af det. Sagsbehandleren skal vurdere det.",
                "The support begins on {support_start}, after the discharge on {discharge_date}. In the library's "
                "reading (chapter 9 b does not say when the support must begin) the right covers support given in "
                "connection with the discharge; no assessment of that is recorded. The caseworker must assess it.",
            ),
            "not_met/start_not_in_connection@lab-2014": (
                "Støtten begynder {support_start}, efter udskrivningen {discharge_date}, og sagsbehandleren har vurderet, "
                "at den ikke gives i forbindelse med udskrivningen (ikke opfyldt: {failed}); efter bibliotekets læsning "
                "af kapitel 9 b dækker retten den derfor ikke. Der kan stadig gives tilbud om mentorstøtte efter den "
                "skønsmæssige regel.",
                "The support begins on {support_start}, after the discharge on {discharge_date}, and the caseworker has "
                "assessed that it is not given in connection with the discharge (not met: {failed}); in the library's "
                "reading of chapter 9 b the right therefore does not cover it. Mentor support may still be offered "
                "under the discretionary rule.",
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

#: Under lab-2014 the education right did not exist: the rights of old chapter 9 b are those of § 31 b.
_OLD_RIGHTS = LegalReference(
    act="LAB",
    section="31 b",
    source="LAB 2003 som ændret",
    url="https://www.retsinformation.dk/eli/lta/2016/1342",
    kind=ReferenceKind.INTERPRETATION,
    note="Chapter 9 b (2014-2019) has no right to mentor support on admission to education; its only right is the "
    "psychiatric one of § 31 b, stk. 2.",
)


def _education_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        return {"": (attrs.evolve(_OLD_RIGHTS, source=law.lab.designation, url=law.lab.url),)}
    if law.education_right_date_matters:
        ref = LegalReference(
            act="LAB",
            section="167",
            subsection=3,
            source="lov nr. 548 af 7. maj 2019 som ændret (ændringsloven er ikke identificeret)",
            url="https://www.retsinformation.dk/eli/lta/2022/701",
            verified=False,
            note="§ 167, stk. 3 is not in the 2019 act and is present in LBK 701/2022; the amending act and its "
            "in-force date were not found, 2022-01-01 is assumed (the legal research behind the library could not verify it).",
        )
        return {"": (ref,)}
    return {"": (law.lab_ref("167", 3),)}


def _education_dates(ctx: Context, admission: EducationAdmission, invoked: date) -> date:
    """Return ``entitled_until`` for an invocation on ``invoked``."""
    law = ctx.snapshot
    entitled_until = period_end_day(invoked, law.education_months, ctx.strict)
    if ctx.interpretation.education_right_window is EducationRightWindow.ADMISSION:
        deadline = period_end_day(admission.admission_date, law.education_months, ctx.strict)
        entitled_until = min(entitled_until, deadline)
    return entitled_until


def _check_education(ctx: Context, view: RuleView) -> list[Finding]:
    admission = ctx.case.education_admission
    if admission is None:
        return [view.finding(Verdict.NOT_APPLICABLE, "", {"reason": "no_admission"})]
    law = ctx.snapshot
    if not law.education_right_in_force:
        return [view.finding(Verdict.NOT_APPLICABLE, "", {"in_force": False, "reason": "not_in_force"})]
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
        if not (under_strict if ctx.strict else under_favour):
            failed.append("under_30")
    if not admission.qualifying:
        failed.append("qualifying")
    deadline = period_end_day(admission.admission_date, law.education_months, ctx.strict)
    invoked = admission.right_invoked_on
    entitled_until: date | None = None
    if invoked is None:
        unknown.append("right_invoked_on")
    else:
        if not admission.admission_date <= invoked <= deadline:
            failed.append("right_invoked_on")
        entitled_until = _education_dates(ctx, admission, invoked)
    verdict = _verdict(failed, unknown, [])
    facts: dict[str, FactValue] = {
        "in_force": True,
        "admission_date": admission.admission_date,
        "invocation_deadline": deadline,
        "right_invoked_on": invoked,
        "entitled_until": entitled_until,
        "failed": tuple(failed),
        "unknown": tuple(unknown),
    }
    if verdict is not Verdict.MET:
        facts["reason"] = "failed" if failed else "unknown"
    return [view.finding(verdict, "", facts)]


def _education_windows(ctx: Context) -> tuple[Window, ...]:
    """
    Return the education right's windows: from the invocation day to ``entitled_until``.

    With the invocation day unknown, every possible day from the admission to the
    deadline gives its own window (DESIGN section 5, C2.11: never united).
    """
    admission = ctx.case.education_admission
    assert admission is not None, "the engine asks only for a right that is met or pending"
    invoked = admission.right_invoked_on
    if invoked is not None:
        days: tuple[date, ...] = (invoked,)
    else:
        first = admission.admission_date
        deadline = period_end_day(first, ctx.snapshot.education_months, ctx.strict)
        days = tuple(first + timedelta(days=n) for n in range((deadline - first).days + 1))
    return tuple(
        Window(right=EDUCATION_ID, start=day, end=_education_dates(ctx, admission, day), tests_purpose=False)
        for day in days
    )


EDUCATION_ID = "right.education_admission"

EDUCATION = Rule(
    id=EDUCATION_ID,
    family="right",
    per="case",
    title_da="Ret til mentorstøtte ved optagelse på en uddannelse",
    title_en="Right to mentor support on admission to education",
    verdicts=frozenset({Verdict.MET, Verdict.NOT_MET, Verdict.MISSING_FACTS, Verdict.NOT_APPLICABLE}),
    references=_education_refs,
    check=_check_education,
    windows=_education_windows,
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
            "not_applicable/not_in_force@lab-2014": (
                "Kapitel 9 b (2014-2019) giver ingen ret til mentorstøtte ved optagelse på uddannelse; dets eneste ret "
                "er retten ved udskrivning fra psykiatrisk indlæggelse i § 31 b, stk. 2. Retten ved optagelse på "
                "uddannelse i den senere § 167, stk. 3 kom først med en senere ændringslov. Støtten er skønsmæssig.",
                "Chapter 9 b (2014-2019) gives no right to mentor support on admission to education; its only right is "
                "the one on discharge from psychiatric admission in § 31 b, stk. 2. The education right of the later "
                "§ 167, stk. 3 came only with a later amending act. The support is discretionary.",
            ),
        }
    ),
)

RULES: tuple[Rule, ...] = (PSYCHIATRIC, EDUCATION)
