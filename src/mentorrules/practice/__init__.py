"""
Municipal practice (*kommunal praksis*): practice profiles and the checks they drive.

The law on mentor support (LAB §§ 167-171, BEK § 52) is the same in every
municipality and is checked by :func:`~mentorrules.evaluate`.  How a job
centre runs a mentor course is not: which tasks a mentor takes on, where
meetings take place, what a home visit requires, what the mentor tells the
employment adviser.  That is local practice, so it lives in data, not in code:
a *practice profile* per municipality, a TOML file in the documented format
``mentorrules.profile/1`` (docs/profiles.md), read with :func:`load_profile`.
The profile of Jobcenter Assens, encoding its leaflet "Beskæftigelsesmentor",
is bundled as ``"assens"``; any municipality can ship its own file without
code.

Every finding here cites the profile's source by title and section, as a
reference of kind ``municipal_practice``, never as law; every result carries
a note that it is local practice, not law, and the complaint-guidance finding
says so in its own text.  The checks:

* :func:`classify_task` suggests catalogue categories for a free-text task
  by a simple keyword match; a suggestion, never a decision;
* :func:`check_home_visit`: meetings take place at the usual places, a home
  visit is the exception and needs the profile's conditions;
* :func:`check_disclosure`: what the mentor may tell the employment adviser,
  and what must happen first;
* :func:`check_agreement_practice`: complaint guidance in the agreement where
  the profile requires it as local practice (from 2020 the law does not);
* :func:`general_rules_text` and :func:`general_rules_html`: the general
  rules as a checklist to show the citizen.

The package has three modules: :mod:`~mentorrules.practice.profile` (the
profile, a described document, and :func:`load_profile`),
:mod:`~mentorrules.practice.checks` (the checks and their results) and
:mod:`~mentorrules.practice.text` (the profile as text and HTML).  Import the
names from ``mentorrules.practice``.

    >>> profile = load_profile("assens")
    >>> profile.source.publisher, profile.require_complaint_guidance
    ('Jobcenter Assens', True)
    >>> [s.category for s in classify_task("Skabe struktur og stabilitet i hverdagen", profile=profile)]
    ['mentor.stability_structure']
    >>> result = check_home_visit(HomeVisit(location=MeetingLocation.HOME, no_smoking=False), profile=profile)
    >>> result.verdict.value, [f.rule for f in result.unmet]
    ('not_met', ['practice.home_visit.no_smoking'])
    >>> load_profile({**profile.to_dict(), "version": 1, "sorce": {}})
    Traceback (most recent call last):
    ...
    mentorrules.model.exceptions.ProfileError: 2 bad fields: version: must be a string, not integer; sorce: unknown key; did you mean 'source'?
"""

from __future__ import annotations

from mentorrules.practice.checks import (
    RESULT_SCHEMA,
    DisclosureKind,
    HomeVisit,
    PracticeResult,
    TaskSuggestion,
    check_agreement_practice,
    check_disclosure,
    check_home_visit,
    classify_task,
)
from mentorrules.practice.profile import (
    PROFILE_FORMAT,
    ComplaintGuidance,
    DisclosureRules,
    GeneralRules,
    HomeVisitRules,
    MeetingLocation,
    MeetingRules,
    OtherDisclosure,
    PracticeText,
    Profile,
    ProfileSource,
    RuleItem,
    TaskCategory,
    TaskGroup,
    bundled_profiles,
    load_profile,
)
from mentorrules.practice.text import general_rules_html, general_rules_text, profile_html, profile_text


__all__ = [
    "PROFILE_FORMAT",
    "RESULT_SCHEMA",
    "ComplaintGuidance",
    "DisclosureKind",
    "DisclosureRules",
    "GeneralRules",
    "HomeVisit",
    "HomeVisitRules",
    "MeetingLocation",
    "MeetingRules",
    "OtherDisclosure",
    "PracticeResult",
    "PracticeText",
    "Profile",
    "ProfileSource",
    "RuleItem",
    "TaskCategory",
    "TaskGroup",
    "TaskSuggestion",
    "bundled_profiles",
    "check_agreement_practice",
    "check_disclosure",
    "check_home_visit",
    "classify_task",
    "general_rules_html",
    "general_rules_text",
    "load_profile",
    "profile_html",
    "profile_text",
]
