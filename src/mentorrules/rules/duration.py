"""
Periods (*perioder*): at most six months, and new periods after a concrete assessment.

    § 167. Med henblik på at fremme, at en person kan opnå eller fastholde
    aktiviteter, tilbud, ordinær uddannelse, ansættelse i fleksjob eller
    ordinær ansættelse, kan der gives mentorstøtte i en periode på højst 6
    måneder. Personerne kan efter en konkret vurdering gives mentorstøtte i en
    ny periode på op til 6 måneder ved udløb af en periode.

(LAB § 167, stk. 1, LBK nr. 280 af 1. marts 2024,
https://www.retsinformation.dk/eli/lta/2024/280; the same in lov nr. 548 af
7. maj 2019 and LBK nr. 701 af 22. maj 2022.)  From 2014 to 2019 the
six-month limit sat in the agreement rule:

    § 31 c. [...] Aftalen kan højst indgås for 6 måneder med mulighed for
    forlængelse.

(Old LAB § 31 c, stk. 1, 2. pkt., LBK nr. 1342 af 21. november 2016,
https://www.retsinformation.dk/eli/lta/2016/1342.)

``duration.period_length``: a period is inclusive at both ends and may last
until :func:`~mentorrules.max_period_end` of its start: the start plus six
calendar months, less one day.  Where that lands on a day the month lacks (a
start on 31 August), the law is ambiguous and
``Interpretation.ambiguous_dates`` decides.  A period covered by the
psychiatric right (§ 167, stk. 2, "mindst 6 måneder i alt") may last until the
right's limit where that is later (``reason: "psychiatric_right"``); a period
that began as discretionary support and goes on under the right (partly
covered) may last until the later of the two, when its discretionary part fits
in six months (``"psychiatric_right_partly"``; DESIGN section 5, C2.2).

``duration.new_period``: a later period is a new grant.  It needs its own
concrete assessment, and it must not overlap an earlier period (a period that
overlaps is not a new period "ved udløb af en periode" but an extension of the
earlier one beyond six months).  The library notes whether it starts on the
day after the previous period ended (``follows: "expiry"``) or after a gap;
the law sets no cap on the number of periods (LAW.md § 6.4, rules R-17 to
R-19).  The rule does not apply to the first period, nor to a period covered by
a statutory right, which needs no new assessment.  Old § 31 c, stk. 1 says only
"med mulighed for forlængelse": for 2014-2019 the concrete assessment is the
library's reading, cited with kind ``interpretation`` (C2.7).

Legal basis:
    LAB § 167, stk. 1, 1. og 2. pkt. (stk. 2 for covered periods); LAB 2003
    § 31 c, stk. 1, 2. pkt. (§ 31 b, stk. 2).

Examples:
    >>> from mentorrules import evaluate, load_case
    >>> def verdicts(document, rule):
    ...     return [finding.verdict.value for finding in evaluate(load_case(document)).findings_for(rule)]
    >>> first = {"start": "2024-03-01", "end": "2024-08-31"}
    >>> case = {"decision_date": "2024-02-20", "periods": [first]}

    A period may last six months, less a day (§ 167, stk. 1, 1. pkt.), and no
    longer:

    >>> verdicts(case, "duration.period_length")
    ['met']
    >>> verdicts({**case, "periods": [{**first, "end": "2024-09-01"}]}, "duration.period_length")
    ['not_met']

    Without a period there is nothing to measure:

    >>> verdicts({**case, "periods": []}, "duration.period_length")
    ['missing_facts']

    A new period at the expiry needs a concrete assessment (§ 167, stk. 1,
    2. pkt.); the first period is not a new one:

    >>> again = {"start": "2024-09-01", "end": "2025-02-28", "assessment": {"outcome": True, "on": "2024-08-20"}}
    >>> verdicts({**case, "periods": [first, again]}, "duration.new_period")
    ['not_applicable', 'met']
    >>> verdicts({**case, "periods": [first, {**again, "assessment": None}]}, "duration.new_period")
    ['not_applicable', 'needs_assessment']

    An assessment that says no, or a start before the previous period has
    expired, is not met:

    >>> verdicts({**case, "periods": [first, {**again, "assessment": {"outcome": False}}]}, "duration.new_period")
    ['not_applicable', 'not_met']
    >>> verdicts({**case, "periods": [first, {**again, "start": "2024-08-31"}]}, "duration.new_period")
    ['not_applicable', 'not_met']

    A period covered by the psychiatric right (§ 167, stk. 2) needs no new
    assessment:

    >>> discharge = {"discharge_date": "2024-10-01", "inpatient": True, "psychiatric": True}
    >>> covered = {**case, "citizen": {"target_group": "sickness_benefit"}, "purpose": "activity"}
    >>> covered = {**covered, "psychiatric_discharge": discharge, "periods": [first, {**again, "end": "2024-12-31"}]}
    >>> verdicts(covered, "duration.new_period")
    ['not_applicable', 'not_applicable']
"""

from __future__ import annotations

from datetime import date, timedelta
from types import MappingProxyType

from mentorrules.law.versions import LawSnapshot
from mentorrules.model.outcomes import FactValue, Finding, Verdict
from mentorrules.model.references import ReferenceKind
from mentorrules.rules._base import Context, ReferenceSets, Rule, RuleView
from mentorrules.rules._common import assessment_verdict


__all__ = ["RULES", "max_end_for"]

_ONE_DAY = timedelta(days=1)


def _length_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        base = (law.lab_ref("31 c", 1, sentence=2),)
        return {"": base, "right": (*base, law.lab_ref("31 b", 2))}
    base = (law.lab_ref("167", 1, sentence=1),)
    return {"": base, "right": (*base, law.lab_ref("167", 2))}


def max_end_for(ctx: Context, index: int, start: date) -> tuple[date, str | None]:
    """
    Return the latest end of the period at ``index`` starting on ``start``, and why it is not the ordinary one.

    The ordinary end is :func:`~mentorrules.max_period_end` of ``start``.  A period
    covered by the psychiatric right may last until the right's limit
    (``"psychiatric_right"``, where the limit is later); a partly covered one whose
    discretionary part fits in six months until the later of the two
    (``"psychiatric_right_partly"``), DESIGN section 5, C2.2.
    """
    own = ctx.own_end(start)
    coverage = ctx.coverage
    limit = coverage.limits.get(index)
    if limit is not None and limit > own:
        return limit, "psychiatric_right"
    partly = coverage.partly.get(index)
    if partly is not None:
        return max(own, partly), "psychiatric_right_partly"
    return own, None


def _check_length(ctx: Context, view: RuleView) -> list[Finding]:
    periods = ctx.case.periods
    if not periods:
        return [view.finding(Verdict.MISSING_FACTS, "periods", {"reason": "no_periods"})]
    findings = []
    for index, period in enumerate(periods):
        max_end, by_right = max_end_for(ctx, index, period.start)
        facts: dict[str, FactValue] = {"start": period.start, "end": period.end, "max_end": max_end}
        if by_right is not None:
            facts["reason"] = by_right
        verdict = Verdict.MET if period.end <= max_end else Verdict.NOT_MET
        # A period that a right lets last longer cites the right as well.
        findings.append(view.finding(verdict, ctx.period_subjects[index], facts, "" if by_right is None else "right"))
    return findings


PERIOD_LENGTH = Rule(
    id="duration.period_length",
    family="duration",
    per="period",
    title_da="Højst 6 måneder pr. periode",
    title_en="At most 6 months per period",
    verdicts=frozenset({Verdict.MET, Verdict.NOT_MET, Verdict.MISSING_FACTS}),
    references=_length_refs,
    check=_check_length,
    texts=MappingProxyType(
        {
            "met": (
                "Perioden {start} til {end} ligger inden for 6 måneder: den må højst vare til og med {max_end}.",
                "The period {start} to {end} lies within 6 months: it may last until {max_end} at the latest.",
            ),
            "met/psychiatric_right": (
                "Perioden {start} til {end} er dækket af retten til mentorstøtte ved udskrivning fra psykiatrisk "
                "indlæggelse, som gælder i mindst 6 måneder i alt; efter den valgte fortolkning må den vare til og med "
                "{max_end}.",
                "The period {start} to {end} is covered by the right to mentor support on discharge from psychiatric "
                "admission, which lasts at least 6 months in all; under the chosen interpretation it may last until "
                "{max_end} at the latest.",
            ),
            "met/psychiatric_right_partly": (
                "Perioden {start} til {end} begyndte som skønsmæssig støtte før retten til mentorstøtte ved udskrivning "
                "fra psykiatrisk indlæggelse trådte til, og fortsætter under retten; den må vare til og med {max_end}.",
                "The period {start} to {end} began as discretionary support before the right to mentor support on "
                "discharge from psychiatric admission set in, and goes on under the right; it may last until {max_end} "
                "at the latest.",
            ),
            "not_met/psychiatric_right": (
                "Perioden {start} til {end} er dækket af retten til mentorstøtte ved udskrivning fra psykiatrisk "
                "indlæggelse, men varer ud over rettens grænse: den må højst vare til og med {max_end}.",
                "The period {start} to {end} is covered by the right to mentor support on discharge from psychiatric "
                "admission, but lasts beyond the right's limit: it may last until {max_end} at the latest.",
            ),
            "not_met/psychiatric_right_partly": (
                "Perioden {start} til {end} begyndte som skønsmæssig støtte og fortsætter under retten til mentorstøtte "
                "ved udskrivning fra psykiatrisk indlæggelse, men varer ud over rettens grænse: den må højst vare til og "
                "med {max_end}.",
                "The period {start} to {end} began as discretionary support and goes on under the right to mentor "
                "support on discharge from psychiatric admission, but lasts beyond the right's limit: it may last until "
                "{max_end} at the latest.",
            ),
            "not_met": (
                "Perioden {start} til {end} er længere end 6 måneder: den må højst vare til og med {max_end}. "
                "Afkort perioden, eller bevilg en ny periode efter en konkret vurdering, når denne udløber.",
                "The period {start} to {end} is longer than 6 months: it may last until {max_end} at the latest. "
                "Shorten the period, or grant a new period after a concrete assessment when this one expires.",
            ),
            "missing_facts": (
                "Der er ingen perioder med mentorstøtte i sagen. Angiv periodens start- og slutdato.",
                "The case has no periods of mentor support. State the period's start and end.",
            ),
        }
    ),
)


def _new_refs(law: LawSnapshot) -> ReferenceSets:
    if law.is_2014:
        reading = law.lab_ref(
            "31 c",
            1,
            sentence=2,
            kind=ReferenceKind.INTERPRETATION,
            note='Old § 31 c, stk. 1 says only "med mulighed for forlængelse"; that a new period needs its own '
            "concrete assessment is the library's reading (the wording of the later act).",
        )
        return {"": (reading,)}
    return {"": (law.lab_ref("167", 1, sentence=2),)}


def _check_new_period(ctx: Context, view: RuleView) -> list[Finding]:
    periods = ctx.case.periods
    if not periods:
        return [view.finding(Verdict.NOT_APPLICABLE, "periods", {"reason": "no_periods"})]
    # What ended before each period: the latest end of the periods that start before it (a tie in start
    # goes by input order); None before the first period.
    previous_ends: dict[int, date | None] = {}
    latest_end: date | None = None
    for index, period in ctx.periods:
        previous_ends[index] = latest_end
        latest_end = period.end if latest_end is None or period.end > latest_end else latest_end
    findings = []
    for index, period in enumerate(periods):
        subject = ctx.period_subjects[index]
        previous_end = previous_ends[index]
        if previous_end is None:
            findings.append(view.finding(Verdict.NOT_APPLICABLE, subject, {"reason": "first"}))
        elif index in ctx.coverage.covered:
            findings.append(
                view.finding(Verdict.NOT_APPLICABLE, subject, {"previous_end": previous_end, "reason": "covered"})
            )
        elif period.start <= previous_end:
            facts: dict[str, FactValue] = {
                "follows": "overlap",
                "previous_end": previous_end,
                "start": period.start,
                "reason": "overlap",
            }
            findings.append(view.finding(Verdict.NOT_MET, subject, facts))
        else:
            follows = "expiry" if period.start - _ONE_DAY == previous_end else "gap"
            assessment = period.assessment
            facts = {
                "follows": follows,
                "previous_end": previous_end,
                "start": period.start,
                "assessed_on": assessment.on if assessment is not None else None,
            }
            findings.append(view.finding(assessment_verdict(assessment), subject, facts))
    return findings


NEW_PERIOD = Rule(
    id="duration.new_period",
    family="duration",
    per="period",
    title_da="Ny periode efter en konkret vurdering",
    title_en="A new period after a concrete assessment",
    verdicts=frozenset({Verdict.MET, Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT, Verdict.NOT_APPLICABLE}),
    references=_new_refs,
    check=_check_new_period,
    texts=MappingProxyType(
        {
            "met": (
                "Perioden fra {start} er en ny periode efter den forrige, som sluttede {previous_end}, og "
                "sagsbehandleren har foretaget en konkret vurdering af den (vurderingsdato: {assessed_on}).",
                "The period from {start} is a new period after the previous one, which ended {previous_end}, and the "
                "caseworker has made a concrete assessment of it (date of the assessment: {assessed_on}).",
            ),
            "not_met": (
                "Perioden fra {start} er en ny periode efter den forrige, som sluttede {previous_end}, men "
                "sagsbehandleren har konkret vurderet, at der ikke skal gives en ny periode.",
                "The period from {start} is a new period after the previous one, which ended {previous_end}, but the "
                "caseworker has assessed that no new period shall be given.",
            ),
            "not_met/overlap": (
                "Perioden fra {start} overlapper en tidligere periode, som slutter {previous_end}. En ny periode kan "
                "først begynde, når den forrige udløber; ret datoerne, så perioderne ikke overlapper.",
                "The period from {start} overlaps an earlier period, which ends {previous_end}. A new period can only "
                "begin when the previous one expires; correct the dates so that the periods do not overlap.",
            ),
            "needs_assessment": (
                "Perioden fra {start} er en ny periode efter den forrige, som sluttede {previous_end}. En ny periode "
                "kræver en konkret vurdering, som ikke er registreret; sagsbehandleren skal vurdere og begrunde den.",
                "The period from {start} is a new period after the previous one, which ended {previous_end}. A new "
                "period requires a concrete assessment, which is not recorded; the caseworker must assess it and give "
                "reasons.",
            ),
            "met@lab-2014": (
                "Perioden fra {start} forlænger støtten efter den forrige periode, som sluttede {previous_end}, og "
                "sagsbehandleren har foretaget en konkret vurdering af den (vurderingsdato: {assessed_on}). Loven "
                "siger kun »med mulighed for forlængelse«; kravet om en konkret vurdering er bibliotekets læsning.",
                "The period from {start} extends the support after the previous period, which ended {previous_end}, "
                "and the caseworker has made a concrete assessment of it (date of the assessment: {assessed_on}). The "
                'act only says "with the possibility of extension"; the requirement of a concrete assessment is the '
                "library's reading.",
            ),
            "not_met@lab-2014": (
                "Perioden fra {start} forlænger støtten efter den forrige periode, som sluttede {previous_end}, men "
                "sagsbehandleren har konkret vurderet, at støtten ikke skal forlænges.",
                "The period from {start} extends the support after the previous period, which ended {previous_end}, "
                "but the caseworker has assessed that the support shall not be extended.",
            ),
            "needs_assessment@lab-2014": (
                "Perioden fra {start} forlænger støtten efter den forrige periode, som sluttede {previous_end}. Loven "
                "siger kun »med mulighed for forlængelse«; efter bibliotekets læsning kræver en forlængelse en konkret "
                "vurdering, som ikke er registreret.",
                "The period from {start} extends the support after the previous period, which ended {previous_end}. "
                'The act only says "with the possibility of extension"; in the library\'s reading an extension '
                "requires a concrete assessment, which is not recorded.",
            ),
            "not_applicable": (
                "Det er sagens første periode, så reglen om en ny periode gælder ikke.",
                "It is the case's first period, so the rule on a new period does not apply.",
            ),
            "not_applicable/covered": (
                "Perioden er dækket af en lovbestemt ret til mentorstøtte, så den kræver ingen ny konkret vurdering.",
                "The period is covered by a statutory right to mentor support, so it needs no new concrete assessment.",
            ),
            "not_applicable/no_periods": (
                "Der er ingen perioder i sagen, så reglen om en ny periode gælder ikke.",
                "The case has no periods, so the rule on a new period does not apply.",
            ),
        }
    ),
)

RULES: tuple[Rule, ...] = (PERIOD_LENGTH, NEW_PERIOD)
