"""Helpers shared by the rule modules: reading assessments, references to guidance."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from mentorrules.model.facts import Assessment, Case, Engager, MentorEmployer, Purpose
from mentorrules.model.outcomes import Verdict
from mentorrules.model.references import LegalReference, ReferenceKind


class V:
    """
    The verdicts as plain class attributes, for the rules' hot paths.

    ``V.MET is Verdict.MET``.  In CPython 3.11 reading a member off an
    :class:`~enum.Enum` class is a Python-level lookup (about 80 ns); reading
    a plain class attribute is a dictionary lookup (about 20 ns), and a
    decision reads some sixty verdicts.
    """

    MET: Final = Verdict.MET
    NOT_MET: Final = Verdict.NOT_MET
    NEEDS_ASSESSMENT: Final = Verdict.NEEDS_ASSESSMENT
    MISSING_FACTS: Final = Verdict.MISSING_FACTS
    NOT_APPLICABLE: Final = Verdict.NOT_APPLICABLE


#: A mentor employed by an external consultant (who engaged the consultant then decides who gets the support),
#: read once: reading a member off its Enum class is a Python-level lookup in CPython 3.11 (see V).
CONSULTANT: Final = MentorEmployer.EXTERNAL_CONSULTANT

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
    if mentor.employer is CONSULTANT:
        if mentor.engaged_by is None:
            return None
        return _CONSULTANT_FOR.get(mentor.engaged_by, "")
    return _SUPPORT_TO.get(mentor.employer, "")


def assessment_verdict(assessment: Assessment | None) -> Verdict:
    """Return the verdict a recorded assessment gives: none recorded → needs assessment."""
    if assessment is None:
        return Verdict.NEEDS_ASSESSMENT
    return Verdict.MET if assessment.outcome else Verdict.NOT_MET


#: The subjects "periods[0]" .. "periods[31]", worded once (a case rarely has more periods).
_PERIOD_SUBJECTS = tuple(f"periods[{index}]" for index in range(32))


def period_subject(index: int) -> str:
    """Return the subject path of the period at input index ``index``: ``"periods[1]"``."""
    return _PERIOD_SUBJECTS[index] if index < len(_PERIOD_SUBJECTS) else f"periods[{index}]"
