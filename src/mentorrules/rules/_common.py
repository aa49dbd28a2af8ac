"""Helpers shared by the rule modules: reading assessments, who receives the support, references to guidance."""

from __future__ import annotations

from types import MappingProxyType

from mentorrules.model.facts import Assessment, Case, Engager, MentorEmployer, Purpose
from mentorrules.model.outcomes import Verdict
from mentorrules.model.references import LegalReference, ReferenceKind


#: The five purposes of LAB § 167, stk. 1 (old § 31 b, stk. 1).
STATUTORY_PURPOSES = frozenset(
    {Purpose.ACTIVITY, Purpose.OFFER, Purpose.ORDINARY_EDUCATION, Purpose.FLEXJOB, Purpose.ORDINARY_EMPLOYMENT}
)

#: STAR's page on the target group of the mentor scheme (LAW.md [S20]); guidance, not law.
STAR_TARGET_GROUP = LegalReference(
    act="STAR",
    text="STAR: Om mentorstøtte – ordningens målgruppe",
    source="Styrelsen for Arbejdsmarked og Rekruttering, star.dk",
    url="https://star.dk/da/indsatser/mentorordningen/om-mentorstoette-ordningens-maalgruppe",
    kind=ReferenceKind.GUIDANCE,
)


#: Who receives the support, by the mentor's employer (and by who engaged a consultant): LAB § 169, stk. 1.
_SUPPORT_TO = MappingProxyType(
    {MentorEmployer.COMPANY: "company", MentorEmployer.EDUCATION_INSTITUTION: "education_institution"}
)
_CONSULTANT_FOR = MappingProxyType({Engager.COMPANY: "company", Engager.EDUCATION_INSTITUTION: "education_institution"})


def support_to(case: Case) -> str | None:
    """
    Return who receives the support: ``"company"``, ``"education_institution"``, ``""`` (neither) or None (unknown).

    The support goes to a company or an education institution (LAB § 169, stk. 1;
    old § 31 d) when its own employee is the mentor, or when it engaged the external
    consultant who is.
    """
    mentor = case.mentor
    if mentor is None or mentor.employer is None:
        return None
    own = _SUPPORT_TO.get(mentor.employer)
    if own is not None:  # its own employee is the mentor
        return own
    if mentor.employer is MentorEmployer.EXTERNAL_CONSULTANT:
        if mentor.engaged_by is None:
            return None
        return _CONSULTANT_FOR.get(mentor.engaged_by, "")
    return ""


def assessment_verdict(assessment: Assessment | None) -> Verdict:
    """Return the verdict a recorded assessment gives: none recorded → needs assessment."""
    if assessment is None:
        return Verdict.NEEDS_ASSESSMENT
    return Verdict.MET if assessment.outcome else Verdict.NOT_MET
