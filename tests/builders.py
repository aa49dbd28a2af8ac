"""
Builders for rule tests: a complete, met case that each test varies in one respect.

:func:`complete_case` returns a 2024 case that every rule finds in order: a
citizen of 35 on unemployment benefit, the purpose ``offer``, a recorded
assessment of decisive need, a municipal mentor (so § 169 does not apply), one
period of exactly six months (2024-03-01 to 2024-08-31) and a complete record
of it.  Keyword arguments replace fields of the :class:`~mentorrules.Case`;
the ``complete_*`` helpers build the parts with their own overrides, so a test
states only what it varies::

    case = complete_case(periods=(complete_period(start=date(2024, 3, 1), end=date(2024, 9, 1)),))

:func:`complete_case_2014` is the same case decided in 2018 (``lab-2014``).

:func:`complete_case_data` is the JSON of a complete grant (scenario p01),
``met`` on 2024-02-20, for the tests of loading and of whole decisions; it
replaces top-level keys, and :func:`period_data` writes a period with a
matching complete record.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from mentorrules import (
    Agreement,
    Assessment,
    Case,
    Citizen,
    Decision,
    Finding,
    Hours,
    HoursUnit,
    Interpretation,
    Mentor,
    MentorEmployer,
    Period,
    Purpose,
    TargetGroup,
    Task,
    Verdict,
    evaluate,
)


__all__ = [
    "DECISION_DATE",
    "DECISION_DATE_2014",
    "END",
    "END_2014",
    "MENTOR_NAME",
    "START",
    "START_2014",
    "citations",
    "complete_agreement",
    "complete_case",
    "complete_case_2014",
    "complete_case_data",
    "complete_citizen",
    "complete_mentor",
    "complete_period",
    "decide",
    "finding",
    "findings",
    "notices",
    "period_data",
    "verdicts",
]

#: The decision date of the complete case (lab-2020, LBK 701/2022, BEK 1216/2023).
DECISION_DATE = date(2024, 2, 20)
#: The complete case's period: exactly six months.
START = date(2024, 3, 1)
END = date(2024, 8, 31)
#: The same case in lab-2014 (LBK 1342/2016).
DECISION_DATE_2014 = date(2018, 2, 20)
START_2014 = date(2018, 3, 1)
END_2014 = date(2018, 8, 31)

MENTOR_NAME = "Mette Jensen"
MENTOR_PHONE = "+45 20 30 40 50"
TASK = "Støtte til struktur i hverdagen og stabilt fremmøde"
_UNSET: Any = object()


def complete_citizen(**overrides: Any) -> Citizen:
    """Return a citizen of 35 on unemployment benefit (§ 6, nr. 1)."""
    return Citizen(**{"birth_date": date(1988, 4, 12), "target_group": TargetGroup.UNEMPLOYMENT_BENEFIT, **overrides})


def complete_mentor(**overrides: Any) -> Mentor:
    """Return a mentor employed by the municipality (§ 168, 1. pkt.)."""
    fields = {
        "name": MENTOR_NAME,
        "phone": MENTOR_PHONE,
        "email": "mette.jensen@example.org",
        "employer": MentorEmployer.MUNICIPALITY,
        **overrides,
    }
    return Mentor(**fields)


def complete_agreement(start: date = START, end: date = END, **overrides: Any) -> Agreement:
    """Return a record stating every item (complaint guidance included) for ``start``..``end``."""
    fields = {
        "written": True,
        "concluded_on": start,
        "goal": "Gennemføre virksomhedspraktik og komme i ordinær beskæftigelse",
        "mentor_name": MENTOR_NAME,
        "mentor_contact": MENTOR_PHONE,
        "tasks": (TASK,),
        "start": start,
        "end": end,
        "hours": Hours(amount=Decimal(3), unit=HoursUnit.PER_WEEK),
        "complaint_guidance": True,
        **overrides,
    }
    return Agreement(**fields)


def complete_period(start: date = START, end: date = END, *, agreement: Any = _UNSET, **overrides: Any) -> Period:
    """Return a period with a complete record of the same dates (``agreement=None``: no record)."""
    if agreement is _UNSET:
        agreement = complete_agreement(start, end)
    return Period(start=start, end=end, agreement=agreement, **overrides)


def complete_case(**overrides: Any) -> Case:
    """Return the complete, met 2024 case with the given :class:`~mentorrules.Case` fields replaced."""
    case = Case(
        decision_date=DECISION_DATE,
        case_id="sag-001",
        citizen=complete_citizen(),
        purpose=Purpose.OFFER,
        decisive_need=Assessment(outcome=True, on=DECISION_DATE, by="Sagsbehandler A"),
        mentor=complete_mentor(),
        tasks=(Task(description=TASK),),
        periods=(complete_period(),),
    )
    return attrs.evolve(case, **overrides)


def complete_case_2014(**overrides: Any) -> Case:
    """Return the complete case decided on 2018-02-20 (``lab-2014``), period 2018-03-01 to 2018-08-31."""
    fields = {
        "decision_date": DECISION_DATE_2014,
        "decisive_need": Assessment(outcome=True, on=DECISION_DATE_2014),
        "periods": (complete_period(START_2014, END_2014),),
        **overrides,
    }
    return complete_case(**fields)


def decide(case: Case, **interpretation: Any) -> Decision:
    """Evaluate ``case`` under an :class:`~mentorrules.Interpretation` built from the keyword arguments."""
    return evaluate(case, interpretation=Interpretation(**interpretation))


def findings(case: Case | Decision, rule: str, **interpretation: Any) -> tuple[Finding, ...]:
    """Return the findings of ``rule`` for a case (evaluated under ``interpretation``) or a decision."""
    decision = case if isinstance(case, Decision) else decide(case, **interpretation)
    return decision.findings_for(rule)


def finding(case: Case | Decision, rule: str, index: int = 0, **interpretation: Any) -> Finding:
    """Return the finding of ``rule`` at position ``index`` (subject order); check that it reads well."""
    found = findings(case, rule, **interpretation)[index]
    for lang in ("da", "en"):
        message = found.message(lang)
        assert "{" not in message, message
        assert message.endswith(")"), message  # the citation closes every message
    return found


def verdicts(case: Case | Decision, rule: str, **interpretation: Any) -> list[Verdict]:
    """Return the verdicts of ``rule`` in subject order."""
    return [f.verdict for f in findings(case, rule, **interpretation)]


def citations(found: Finding) -> tuple[str, ...]:
    """Return the citations of a finding's references."""
    return tuple(r.citation for r in found.references)


def notices(decision: Decision, code: str) -> tuple[Mapping[str, Any], ...]:
    """Return the notices of ``code`` as ``{"subject", "da", "en"}`` mappings."""
    return tuple(
        {"subject": n.subject, "da": n.message("da"), "en": n.message("en"), "facts": n.facts}
        for n in decision.notices
        if n.code == code
    )


# --- the complete case as JSON -----------------------------------------------------

_COMPLETE: dict[str, Any] = {
    "decision_date": "2024-02-20",
    "case_id": "sag-001",
    "citizen": {"birth_date": "1988-04-12", "target_group": "unemployment_benefit"},
    "purpose": "offer",
    "decisive_need": {"outcome": True, "on": "2024-02-20", "by": "Sagsbehandler A", "reason": "Afgørende"},
    "mentor": {
        "name": "Mette Jensen",
        "phone": "+45 20 30 40 50",
        "email": "mette.jensen@example.org",
        "employer": "municipality",
        "engaged_by": None,
    },
    "tasks": [{"description": "Støtte til struktur i hverdagen", "within_usual_duties": None}],
    "beyond_usual_duties": None,
    "hours_assessment": None,
    "periods": [
        {
            "start": "2024-03-01",
            "end": "2024-08-31",
            "assessment": None,
            "agreement": {
                "written": True,
                "concluded_on": "2024-03-01",
                "goal": "Gennemføre virksomhedspraktik",
                "mentor_name": "Mette Jensen",
                "mentor_contact": "+45 20 30 40 50",
                "tasks": ["Støtte til struktur i hverdagen"],
                "start": "2024-03-01",
                "end": "2024-08-31",
                "hours": {"amount": 3, "unit": "per_week", "basis": "person"},
                "complaint_guidance": True,
            },
        }
    ],
    "psychiatric_discharge": None,
    "education_admission": None,
}


def complete_case_data(**overrides: Any) -> dict[str, Any]:
    """
    Return the JSON of a complete grant that is ``met`` on 2024-02-20, with top-level keys replaced.

    ``period_data(start, end)`` below builds a period with a matching complete agreement.
    """
    data = copy.deepcopy(_COMPLETE)
    data.update(overrides)
    return data


def period_data(start: str, end: str, *, assessment: dict[str, Any] | None = None, **agreement: Any) -> dict[str, Any]:
    """Return the JSON of a period ``start..end`` with a complete agreement for the same dates (items overridable)."""
    record = copy.deepcopy(_COMPLETE["periods"][0]["agreement"])
    record.update({"concluded_on": start, "start": start, "end": end})
    record.update(agreement)
    return {"start": start, "end": end, "assessment": assessment, "agreement": record}
