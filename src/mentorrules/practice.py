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
    mentorrules.model.exceptions.ProfileError: 2 bad fields: sorce: unknown key; did you mean 'source'?; version: must be a string, not integer
"""

from __future__ import annotations

import difflib
import enum
import html
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from mentorrules.model.exceptions import CaseError, FieldError, ProfileError
from mentorrules.model.facts import Agreement
from mentorrules.model.outcomes import FactValue, Finding, Notice, Verdict, aggregate_verdict, check_lang
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.model.words import display


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

#: The format key every profile must carry; the number is raised on an incompatible change.
PROFILE_FORMAT: Final = "mentorrules.profile/1"
#: The ``schema`` key of :meth:`PracticeResult.to_dict`.
RESULT_SCHEMA: Final = "mentorrules.practice/1"


_PROFILE_ID: Final = re.compile(r"[a-z][a-z0-9_-]*")
_SIMPLE_ID: Final = re.compile(r"[a-z][a-z0-9_]*")
_DOTTED_ID: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
_FORMAT_LIKE: Final = re.compile(r"mentorrules\.profile/[0-9]+")
_BUNDLED_NAME: Final = re.compile(r"[A-Za-z0-9_-]+")
_WORD: Final = re.compile(r"\w+")


def _pick(lang: str, da: str, en: str) -> str:
    return da if lang == "da" else en


# --- facts -------------------------------------------------------------------


class MeetingLocation(enum.StrEnum):
    """
    Where a meeting between the citizen and the mentor takes place.

    ``JOB_CENTRE`` the job centre; ``WORKPLACE`` the citizen's work or
    internship (*praktiksted*); ``EDUCATION`` the place of education;
    ``HOME`` the citizen's private home; ``OTHER`` anywhere else.
    """

    JOB_CENTRE = "job_centre"
    WORKPLACE = "workplace"
    EDUCATION = "education"
    HOME = "home"
    OTHER = "other"


#: How a location is named in a sentence (da, en).
_LOCATION_WORDS: Final = MappingProxyType(
    {
        MeetingLocation.JOB_CENTRE: ("på jobcentret", "at the job centre"),
        MeetingLocation.WORKPLACE: ("på arbejdspladsen (job eller praktik)", "at the workplace (job or internship)"),
        MeetingLocation.EDUCATION: ("på uddannelsesstedet", "at the place of education"),
        MeetingLocation.HOME: ("i borgerens hjem", "in the citizen's home"),
        MeetingLocation.OTHER: ("et andet sted", "somewhere else"),
    }
)


class DisclosureKind(enum.StrEnum):
    """
    What the mentor would tell the employment adviser (*beskæftigelsesrådgiveren*).

    ``GOAL_EVALUATION`` the evaluation against the agreed goals; ``OTHER`` any
    other information; ``LAW_VIOLATION`` knowledge of a violation of the law.
    """

    GOAL_EVALUATION = "goal_evaluation"
    OTHER = "other"
    LAW_VIOLATION = "law_violation"


_NO_CONDITIONS: Final[Mapping[str, bool | None]] = MappingProxyType({})


@attrs.frozen(kw_only=True)
class HomeVisit:
    """
    The facts of a meeting, for the profile's rules on meeting places and home visits.

    ``None`` means *not known*.  The four named conditions are those of the
    Assens leaflet; a profile that names other conditions reads them from
    :attr:`other` by the condition's id.

    Attributes:
        location: Where the meeting takes place.
        no_smoking: The citizen does not smoke indoors and has aired the home
            before the mentor arrives.
        pets_under_control: The citizen keeps pets under control.
        no_threatening_guests: No guests who behave threateningly are present.
        no_threatening_behaviour: The citizen does not behave threateningly.
        other: Further conditions by id (``{"no_weapons": True}``), for
            profiles that name conditions of their own.

    Raises:
        CaseError: If a field has the wrong type, or ``other`` uses a key
            that is not a condition id or is one of the named fields.
    """

    location: MeetingLocation | None = None
    no_smoking: bool | None = None
    pets_under_control: bool | None = None
    no_threatening_guests: bool | None = None
    no_threatening_behaviour: bool | None = None
    other: Mapping[str, bool | None] = attrs.field(default=_NO_CONDITIONS, hash=False)

    def __attrs_post_init__(self) -> None:
        """Check the field types and freeze ``other``."""
        errors: list[FieldError] = []
        location: object = self.location
        if location is not None and not isinstance(location, MeetingLocation):
            errors.append(FieldError(path="location", message=f"must be MeetingLocation, not {_type_name(location)}"))
        for name in _NAMED_CONDITIONS:
            _check_flag(getattr(self, name), name, errors)
        other: object = self.other
        if isinstance(other, Mapping):
            for key, value in other.items():
                path = f"other.{key}"
                if not isinstance(key, str) or not _SIMPLE_ID.fullmatch(key):
                    errors.append(FieldError(path=path, message="must be a condition id (lower case, digits, '_')"))
                elif key in _NAMED_CONDITIONS:
                    errors.append(FieldError(path=path, message=f"is a named field: set {key}= instead"))
                else:
                    _check_flag(value, path, errors)
        else:
            errors.append(FieldError(path="other", message=f"must be a mapping, not {_type_name(other)}"))
        if errors:
            raise CaseError(errors)
        object.__setattr__(self, "other", MappingProxyType(dict(self.other)))

    def fact(self, condition: str) -> bool | None:
        """Return what is known about a condition: a named field, else :attr:`other`, else ``None``."""
        if condition in _NAMED_CONDITIONS:
            value: bool | None = getattr(self, condition)
            return value
        return self.other.get(condition)


_NAMED_CONDITIONS: Final = ("no_smoking", "pets_under_control", "no_threatening_guests", "no_threatening_behaviour")


def _type_name(value: object) -> str:
    return type(value).__name__


def _check_flag(value: object, path: str, errors: list[FieldError]) -> None:
    if value is not None and type(value) is not bool:
        errors.append(FieldError(path=path, message=f"must be bool or None, not {_type_name(value)}"))


# --- the profile -------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ProfileSource:
    """
    The publication a profile encodes.

    Attributes:
        title: Its title (``"Beskæftigelsesmentor"``).
        publisher: Who publishes it (``"Jobcenter Assens"``).
        kind: What it is (``"pjece"``, ``"hjemmeside"``).
        url: Where it is published, if recorded.
    """

    title: str
    publisher: str
    kind: str
    url: str | None = None


@attrs.frozen(kw_only=True)
class TaskGroup:
    """
    A group of the task catalogue (``"mentor"``, ``"aftercare"``).

    Attributes:
        id: The group id.
        label_da: Its name in Danish.
        label_en: Its name in English.
        section: The section of the source that lists its tasks.
    """

    id: str
    label_da: str
    label_en: str
    section: str


@attrs.frozen(kw_only=True)
class TaskCategory:
    """
    A category of the task catalogue.

    Attributes:
        id: Stable id (``"mentor.stability_structure"``).
        group: The id of its :class:`TaskGroup`.
        label_da: Its name in Danish.
        label_en: Its name in English.
        keywords: Danish and English stems; a keyword matches a word that
            starts with it (``"motiv"`` matches *motivation*), a keyword of
            several words matches them in a row.
        text_da: The source's wording, in Danish.
        text_en: The same in English.
    """

    id: str
    group: str
    label_da: str
    label_en: str
    keywords: tuple[str, ...]
    text_da: str | None = None
    text_en: str | None = None
    _stems: tuple[tuple[str, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Normalise the keywords once, for :func:`classify_task`."""
        object.__setattr__(self, "_stems", tuple(_tokens(k) for k in self.keywords))

    def label(self, lang: str = "da") -> str:
        """Return the label in ``lang``."""
        check_lang(lang)
        return _pick(lang, self.label_da, self.label_en)

    def matches(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Return the keywords (as written in the profile) that match the normalised ``words``."""
        return tuple(
            keyword for keyword, stems in zip(self.keywords, self._stems, strict=True) if _occurs(stems, words)
        )


def _occurs(stems: tuple[str, ...], words: tuple[str, ...]) -> bool:
    width = len(stems)
    for start in range(len(words) - width + 1):
        if all(words[start + i].startswith(stem) for i, stem in enumerate(stems)):
            return True
    return False


@attrs.frozen(kw_only=True)
class PracticeText:
    """
    A rule of the profile as text, in Danish and English.

    Attributes:
        text_da: The Danish text.
        text_en: The English text.
    """

    text_da: str
    text_en: str

    def text(self, lang: str = "da") -> str:
        """Return the text in ``lang``."""
        check_lang(lang)
        return _pick(lang, self.text_da, self.text_en)


@attrs.frozen(kw_only=True)
class RuleItem(PracticeText):
    """
    A rule with an id: a home-visit condition or a general rule.

    Attributes:
        id: The id (``"no_smoking"``, ``"confidentiality"``).
        text_da: The Danish text.
        text_en: The English text.
    """

    id: str


@attrs.frozen(kw_only=True)
class MeetingRules(PracticeText):
    """
    Where meetings normally take place.

    Attributes:
        section: The section of the source.
        usual_places: The usual meeting places.
        text_da: The rule in Danish.
        text_en: The rule in English.
    """

    section: str
    usual_places: tuple[MeetingLocation, ...]


@attrs.frozen(kw_only=True)
class HomeVisitRules(PracticeText):
    """
    Home visits: whether they may take place, and on which conditions.

    Attributes:
        section: The section of the source.
        allowed: A home visit may take place as an exception.
        conditions: The conditions, each checked on its own.
        text_da: The rule in Danish.
        text_en: The rule in English.
    """

    section: str
    allowed: bool
    conditions: tuple[RuleItem, ...]


@attrs.frozen(kw_only=True)
class GeneralRules:
    """
    The general rules of the course, as a checklist.

    Attributes:
        section: The section of the source.
        items: The rules.
    """

    section: str
    items: tuple[RuleItem, ...]


@attrs.frozen(kw_only=True)
class OtherDisclosure(PracticeText):
    """
    Information other than the goal evaluation.

    Attributes:
        inform_first: The citizen is informed before it is given.
        consent_may_be_required: The citizen's consent may be needed.
        text_da: The rule in Danish.
        text_en: The rule in English.
    """

    inform_first: bool
    consent_may_be_required: bool


@attrs.frozen(kw_only=True)
class DisclosureRules:
    """
    What the mentor tells the employment adviser.

    Attributes:
        section: The section of the source.
        goal_evaluation: The evaluation against the agreed goals.
        other: Other information.
        law_violation: The duty to report knowledge of law violations, if
            the source states one.
    """

    section: str
    goal_evaluation: PracticeText
    other: OtherDisclosure
    law_violation: PracticeText | None = None


@attrs.frozen(kw_only=True)
class ComplaintGuidance(PracticeText):
    """
    The source's text on complaint guidance in the agreement.

    Attributes:
        section: The section of the source.
        text_da: The text in Danish.
        text_en: The text in English.
    """

    section: str


@attrs.frozen(kw_only=True)
class Profile:
    """
    A municipality's practice profile: local practice, never law.

    Read one with :func:`load_profile`; the format is documented in
    docs/profiles.md.

    Attributes:
        format: The format key, ``"mentorrules.profile/1"``.
        id: The profile id (``"assens"``).
        name: Who practises it (``"Jobcenter Assens"``).
        version: The edition of the profile's content.
        source: The publication it encodes.
        require_complaint_guidance: Complaint guidance in the agreement is
            required as local practice.
        task_groups: The groups of the task catalogue.
        tasks: The task catalogue.
        meetings: Where meetings take place.
        home_visit: Home visits.
        general_rules: The general rules.
        disclosure: What the mentor tells the employment adviser.
        complaint_guidance: The source's text on complaint guidance.
    """

    format: str = PROFILE_FORMAT
    id: str
    name: str
    version: str
    source: ProfileSource
    require_complaint_guidance: bool = False
    task_groups: tuple[TaskGroup, ...]
    tasks: tuple[TaskCategory, ...]
    meetings: MeetingRules
    home_visit: HomeVisitRules
    general_rules: GeneralRules
    disclosure: DisclosureRules
    complaint_guidance: ComplaintGuidance | None = None

    def reference(self, section: str | None = None) -> LegalReference:
        """
        Return the citation of the source, at ``section`` if given.

        >>> load_profile("assens").reference("Sikkerhedsregler").citation
        'Jobcenter Assens, Beskæftigelsesmentor, afsnittet »Sikkerhedsregler«'
        """
        source = self.source
        text = f"{source.publisher}, {source.title}"
        if section is not None:
            text += f", afsnittet »{section}«"
        return LegalReference(
            act=source.publisher,
            text=text,
            source=f"{source.publisher}: {source.title} ({source.kind}); practice profile {self.id}, version {self.version}",
            url=source.url or "",
            kind=ReferenceKind.MUNICIPAL_PRACTICE,
            note=f"Local practice of {source.publisher}, not law.",
        )

    def group(self, group_id: str) -> TaskGroup:
        """Return the task group with id ``group_id`` (:class:`KeyError` if there is none)."""
        for group in self.task_groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def to_dict(self) -> dict[str, Any]:
        """Return the profile as the TOML document describes it (``load_profile(p.to_dict()) == p``)."""
        return _profile_dict(self)


def _texts(item: PracticeText) -> dict[str, Any]:
    return {"text_da": item.text_da, "text_en": item.text_en}


def _profile_dict(profile: Profile) -> dict[str, Any]:
    source: dict[str, Any] = {
        "title": profile.source.title,
        "publisher": profile.source.publisher,
        "kind": profile.source.kind,
    }
    if profile.source.url is not None:
        source["url"] = profile.source.url
    tasks = []
    for task in profile.tasks:
        entry: dict[str, Any] = {
            "id": task.id,
            "group": task.group,
            "label_da": task.label_da,
            "label_en": task.label_en,
        }
        if task.text_da is not None:
            entry["text_da"] = task.text_da
        if task.text_en is not None:
            entry["text_en"] = task.text_en
        entry["keywords"] = list(task.keywords)
        tasks.append(entry)
    disclosure = profile.disclosure
    disclosure_dict: dict[str, Any] = {
        "section": disclosure.section,
        "goal_evaluation": _texts(disclosure.goal_evaluation),
        "other": {
            "inform_first": disclosure.other.inform_first,
            "consent_may_be_required": disclosure.other.consent_may_be_required,
            **_texts(disclosure.other),
        },
    }
    if disclosure.law_violation is not None:
        disclosure_dict["law_violation"] = _texts(disclosure.law_violation)
    document: dict[str, Any] = {
        "format": profile.format,
        "id": profile.id,
        "name": profile.name,
        "version": profile.version,
        "require_complaint_guidance": profile.require_complaint_guidance,
        "source": source,
        "task_groups": [
            {"id": g.id, "label_da": g.label_da, "label_en": g.label_en, "section": g.section}
            for g in profile.task_groups
        ],
        "tasks": tasks,
        "meetings": {
            "section": profile.meetings.section,
            "usual_places": [place.value for place in profile.meetings.usual_places],
            **_texts(profile.meetings),
        },
        "home_visit": {
            "section": profile.home_visit.section,
            "allowed": profile.home_visit.allowed,
            **_texts(profile.home_visit),
            "conditions": [{"id": c.id, **_texts(c)} for c in profile.home_visit.conditions],
        },
        "general_rules": {
            "section": profile.general_rules.section,
            "items": [{"id": i.id, **_texts(i)} for i in profile.general_rules.items],
        },
        "disclosure": disclosure_dict,
    }
    if profile.complaint_guidance is not None:
        document["complaint_guidance"] = {
            "section": profile.complaint_guidance.section,
            **_texts(profile.complaint_guidance),
        }
    return document


# --- loading -----------------------------------------------------------------


def bundled_profiles() -> tuple[str, ...]:
    """
    Return the names of the profiles bundled with the library, sorted.

    >>> bundled_profiles()
    ('assens',)
    """
    folder = resources.files("mentorrules").joinpath("profiles")
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml")))


def load_profile(source: str | Path | Mapping[str, Any]) -> Profile:
    """
    Read a practice profile: a bundled one by name, a TOML file, or a mapping.

    Every field is checked before anything is raised, so that one error names
    every bad field at once: missing required keys, unknown keys (with a
    suggestion), wrong types, empty texts, malformed or duplicate ids, unknown
    groups and meeting places, keywords without a letter.

    Args:
        source: A bundled profile's name (``"assens"``, see
            :func:`bundled_profiles`); a path to a TOML file (a :class:`~pathlib.Path`,
            or a string that is not a bundled name); or a mapping shaped like
            the TOML document (as :func:`tomllib.loads` returns it).

    Returns:
        The profile.

    Raises:
        ProfileError: If the profile cannot be read or is not valid (a
            :class:`~mentorrules.CaseError`).  Its
            ``errors`` name every bad field by path (``tasks[3].label_en``,
            ``home_visit.conditions[1].id``), table by table in the order of
            the format, each table's unknown keys first; a
            problem with the document itself (an unknown name, an unreadable
            file, invalid TOML) has the path ``""``.
        TypeError: If ``source`` is none of the above.

    """
    if isinstance(source, Mapping):
        document: Mapping[Any, Any] = source
    elif isinstance(source, Path):
        document = _read_toml(source.read_bytes, str(source))
    elif isinstance(source, str):
        document = _read_named(source)
    else:
        raise TypeError(f"source must be a profile name, a path or a mapping, not {_type_name(source)}")
    return _build(document)


def _document_error(message: str) -> ProfileError:
    return ProfileError((FieldError(path="", message=message),))


def _read_named(name: str) -> dict[str, Any]:
    bundled = bundled_profiles()
    if name in bundled:
        resource = resources.files("mentorrules").joinpath("profiles").joinpath(f"{name}.toml")
        return _read_toml(resource.read_bytes, f"bundled profile {name!r}")
    path = Path(name)
    if _BUNDLED_NAME.fullmatch(name) and not path.exists():
        close = difflib.get_close_matches(name, bundled, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise _document_error(
            f"unknown bundled profile {name!r}; {hint}the bundled profiles are {', '.join(bundled)} "
            "(give a file path for a profile of your own)"
        )
    return _read_toml(path.read_bytes, name)


def _read_toml(read: Callable[[], bytes], what: str) -> dict[str, Any]:
    try:
        data: bytes = read()
    except OSError as exc:
        raise _document_error(f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _document_error(f"{what} is not UTF-8: {exc.reason} at byte {exc.start}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _document_error(f"invalid TOML in {what}: {exc}") from None


def _toml_type(value: object) -> str:
    """Name a value's type as TOML does."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "table"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    return type(value).__name__


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Reader:
    """Reads a profile document, collecting every error with its path."""

    __slots__ = ("errors",)

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path=path, message=message))

    def table(self, value: object, path: str, keys: tuple[str, ...]) -> Mapping[Any, Any] | None:
        """Return ``value`` if it is a table, reporting its unknown keys; else report and return ``None``."""
        if not isinstance(value, Mapping):
            self.error(path, f"must be a table, not {_toml_type(value)}")
            return None
        self.unknown(value, path, keys)
        return value

    def unknown(self, table: Mapping[Any, Any], path: str, keys: tuple[str, ...]) -> None:
        """Report every key of ``table`` that is not in ``keys``, with a suggestion."""
        for key in table:
            if key not in keys:
                name = str(key)
                close = difflib.get_close_matches(name, keys, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"the keys here are {', '.join(keys)}"
                self.error(_join(path, name), f"unknown key; {hint}")

    def child(
        self, table: Mapping[Any, Any], path: str, key: str, keys: tuple[str, ...], *, required: bool = True
    ) -> Mapping[Any, Any] | None:
        """Return the sub-table ``key`` (``None`` if absent or bad; absent is an error when required)."""
        value = table.get(key)
        here = _join(path, key)
        if value is None:
            if required:
                self.error(here, "is required")
            return None
        return self.table(value, here, keys)

    def text(
        self,
        table: Mapping[Any, Any],
        path: str,
        key: str,
        *,
        required: bool = True,
        pattern: re.Pattern[str] | None = None,
    ) -> str | None:
        """Return a non-empty string (matching ``pattern`` if given), or ``None`` after reporting."""
        value = table.get(key)
        here = _join(path, key)
        if value is None:
            if required:
                self.error(here, "is required")
            return None
        if not isinstance(value, str):
            self.error(here, f"must be a string, not {_toml_type(value)}")
            return None
        if not value.strip():
            self.error(here, "must not be empty")
            return None
        if pattern is not None and not pattern.fullmatch(value):
            self.error(here, f"is not a valid id: {value!r} (lower-case letters, digits and '_'{_ID_EXTRA[pattern]})")
            return None
        return value

    def flag(self, table: Mapping[Any, Any], path: str, key: str, default: bool) -> bool:
        """Return a boolean, ``default`` if absent, after reporting a wrong type."""
        value = table.get(key)
        if value is None:
            return default
        if type(value) is not bool:
            self.error(_join(path, key), f"must be a boolean, not {_toml_type(value)}")
            return default
        return value

    def array(self, table: Mapping[Any, Any], path: str, key: str, *, nonempty: bool = False) -> list[tuple[str, Any]]:
        """Return ``(path, item)`` for each item of a required array, after reporting a wrong type."""
        value = table.get(key)
        here = _join(path, key)
        if value is None:
            self.error(here, "is required")
            return []
        if not isinstance(value, (list, tuple)):
            self.error(here, f"must be an array, not {_toml_type(value)}")
            return []
        if nonempty and not value:
            self.error(here, "must not be empty")
        return [(f"{here}[{index}]", item) for index, item in enumerate(value)]

    def unique(self, seen: dict[str, str], value: str | None, path: str, what: str) -> None:
        """Report ``value`` if an earlier item (path in ``seen``) already used it."""
        if value is None:
            return
        if value in seen:
            self.error(path, f"duplicate {what} {value!r}; already used at {seen[value]}")
        else:
            seen[value] = path


_ID_EXTRA: Final = MappingProxyType({_PROFILE_ID: ", '-'", _SIMPLE_ID: "", _DOTTED_ID: ", parts joined by '.'"})

_TOP_KEYS: Final = (
    "format",
    "id",
    "name",
    "version",
    "require_complaint_guidance",
    "source",
    "task_groups",
    "tasks",
    "meetings",
    "home_visit",
    "general_rules",
    "disclosure",
    "complaint_guidance",
)
_SOURCE_KEYS: Final = ("title", "publisher", "kind", "url")
_GROUP_KEYS: Final = ("id", "label_da", "label_en", "section")
_TASK_KEYS: Final = ("id", "group", "label_da", "label_en", "text_da", "text_en", "keywords")
_TEXT_KEYS: Final = ("text_da", "text_en")
_ITEM_KEYS: Final = ("id", "text_da", "text_en")
_MEETING_KEYS: Final = ("section", "usual_places", "text_da", "text_en")
_HOME_KEYS: Final = ("section", "allowed", "text_da", "text_en", "conditions")
_GENERAL_KEYS: Final = ("section", "items")
_DISCLOSURE_KEYS: Final = ("section", "goal_evaluation", "other", "law_violation")
_OTHER_KEYS: Final = ("inform_first", "consent_may_be_required", "text_da", "text_en")
_COMPLAINT_KEYS: Final = ("section", "text_da", "text_en")
_PLACES: Final = MappingProxyType({member.value: member for member in MeetingLocation})


def _build(top: Mapping[Any, Any]) -> Profile:
    r = _Reader()
    r.unknown(top, "", _TOP_KEYS)
    fmt = top.get("format")
    if fmt is None:
        r.error("format", f"is required: {PROFILE_FORMAT!r}")
    elif not isinstance(fmt, str):
        r.error("format", f"must be a string, not {_toml_type(fmt)}")
    elif _FORMAT_LIKE.fullmatch(fmt) and fmt != PROFILE_FORMAT:
        r.error("format", f"unsupported format version {fmt!r}; this library reads {PROFILE_FORMAT!r}")
    elif fmt != PROFILE_FORMAT:
        r.error("format", f"must be {PROFILE_FORMAT!r}, not {fmt!r}")
    profile_id = r.text(top, "", "id", pattern=_PROFILE_ID)
    name = r.text(top, "", "name")
    version = r.text(top, "", "version")
    require = r.flag(top, "", "require_complaint_guidance", False)
    source = _read_source(r, top)
    groups, declared = _read_groups(r, top)
    tasks = _read_tasks(r, top, declared)
    meetings = _read_meetings(r, top)
    home_visit = _read_home_visit(r, top)
    general_rules = _read_general_rules(r, top)
    disclosure = _read_disclosure(r, top)
    complaint = _read_complaint(r, top, require)
    if r.errors:
        raise ProfileError(r.errors)
    assert profile_id is not None and name is not None and version is not None and source is not None  # noqa: PT018
    assert meetings is not None and home_visit is not None and general_rules is not None and disclosure is not None  # noqa: PT018
    return Profile(
        id=profile_id,
        name=name,
        version=version,
        source=source,
        require_complaint_guidance=require,
        task_groups=tuple(groups.values()),
        tasks=tasks,
        meetings=meetings,
        home_visit=home_visit,
        general_rules=general_rules,
        disclosure=disclosure,
        complaint_guidance=complaint,
    )


def _read_source(r: _Reader, top: Mapping[Any, Any]) -> ProfileSource | None:
    table = r.child(top, "", "source", _SOURCE_KEYS)
    if table is None:
        return None
    title = r.text(table, "source", "title")
    publisher = r.text(table, "source", "publisher")
    kind = r.text(table, "source", "kind")
    url = r.text(table, "source", "url", required=False)
    if title is None or publisher is None or kind is None:
        return None
    return ProfileSource(title=title, publisher=publisher, kind=kind, url=url)


def _read_text_pair(r: _Reader, table: Mapping[Any, Any], path: str) -> tuple[str, str] | None:
    da = r.text(table, path, "text_da")
    en = r.text(table, path, "text_en")
    if da is None or en is None:
        return None
    return da, en


def _read_groups(r: _Reader, top: Mapping[Any, Any]) -> tuple[dict[str, TaskGroup], tuple[str, ...]]:
    """Return the valid groups by id, and every id declared (so that a bad group does not fail its tasks too)."""
    groups: dict[str, TaskGroup] = {}
    seen: dict[str, str] = {}
    for path, item in r.array(top, "", "task_groups"):
        table = r.table(item, path, _GROUP_KEYS)
        if table is None:
            continue
        group_id = r.text(table, path, "id", pattern=_SIMPLE_ID)
        r.unique(seen, group_id, _join(path, "id"), "id")
        label_da = r.text(table, path, "label_da")
        label_en = r.text(table, path, "label_en")
        section = r.text(table, path, "section")
        if group_id is None or label_da is None or label_en is None or section is None or group_id in groups:
            continue
        groups[group_id] = TaskGroup(id=group_id, label_da=label_da, label_en=label_en, section=section)
    return groups, tuple(seen)


def _read_tasks(r: _Reader, top: Mapping[Any, Any], groups: tuple[str, ...]) -> tuple[TaskCategory, ...]:
    tasks: list[TaskCategory] = []
    seen: dict[str, str] = {}
    for path, item in r.array(top, "", "tasks"):
        table = r.table(item, path, _TASK_KEYS)
        if table is None:
            continue
        task_id = r.text(table, path, "id", pattern=_DOTTED_ID)
        r.unique(seen, task_id, _join(path, "id"), "id")
        group = r.text(table, path, "group")
        if group is not None and group not in groups:
            close = difflib.get_close_matches(group, groups, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"the groups are {', '.join(groups) or 'none'}"
            r.error(_join(path, "group"), f"unknown group {group!r}; {hint}")
        label_da = r.text(table, path, "label_da")
        label_en = r.text(table, path, "label_en")
        text_da = r.text(table, path, "text_da", required=False)
        text_en = r.text(table, path, "text_en", required=False)
        keywords = _read_keywords(r, table, path)
        if task_id is None or group is None or label_da is None or label_en is None:
            continue
        tasks.append(
            TaskCategory(
                id=task_id,
                group=group,
                label_da=label_da,
                label_en=label_en,
                keywords=keywords,
                text_da=text_da,
                text_en=text_en,
            )
        )
    return tuple(tasks)


def _read_keywords(r: _Reader, table: Mapping[Any, Any], path: str) -> tuple[str, ...]:
    keywords: list[str] = []
    seen: list[tuple[tuple[str, ...], str, str]] = []
    for here, keyword in r.array(table, path, "keywords", nonempty=True):
        if not isinstance(keyword, str):
            r.error(here, f"must be a string, not {_toml_type(keyword)}")
            continue
        stems = _tokens(keyword)
        if not stems:
            r.error(here, f"must contain a letter or a digit: {keyword!r}")
            continue
        for earlier, earlier_path, earlier_keyword in seen:
            if earlier == stems:
                r.error(here, f"duplicate keyword {keyword!r}; the same as {earlier_path} once normalised")
                break
            if _occurs(earlier, stems) or _occurs(stems, earlier):
                r.error(
                    here,
                    f"keyword {keyword!r} overlaps {earlier_path} ({earlier_keyword!r}): a text that matches the "
                    "longer one also matches the shorter, and would count twice; keep one of them",
                )
                break
        else:
            seen.append((stems, here, keyword))
            keywords.append(keyword)
    return tuple(keywords)


def _read_items(r: _Reader, table: Mapping[Any, Any], path: str, key: str) -> tuple[RuleItem, ...]:
    items: list[RuleItem] = []
    seen: dict[str, str] = {}
    for here, item in r.array(table, path, key):
        entry = r.table(item, here, _ITEM_KEYS)
        if entry is None:
            continue
        item_id = r.text(entry, here, "id", pattern=_SIMPLE_ID)
        r.unique(seen, item_id, _join(here, "id"), "id")
        texts = _read_text_pair(r, entry, here)
        if item_id is None or texts is None:
            continue
        items.append(RuleItem(id=item_id, text_da=texts[0], text_en=texts[1]))
    return tuple(items)


def _read_meetings(r: _Reader, top: Mapping[Any, Any]) -> MeetingRules | None:
    table = r.child(top, "", "meetings", _MEETING_KEYS)
    if table is None:
        return None
    section = r.text(table, "meetings", "section")
    places: list[MeetingLocation] = []
    for here, value in r.array(table, "meetings", "usual_places", nonempty=True):
        place = _PLACES.get(value) if isinstance(value, str) else None
        if place is None:
            r.error(here, f"unknown meeting place {value!r}; the places are {', '.join(_PLACES)}")
        elif place in places:
            r.error(here, f"duplicate meeting place {value!r}")
        else:
            places.append(place)
    texts = _read_text_pair(r, table, "meetings")
    if section is None or texts is None:
        return None
    return MeetingRules(section=section, usual_places=tuple(places), text_da=texts[0], text_en=texts[1])


def _read_home_visit(r: _Reader, top: Mapping[Any, Any]) -> HomeVisitRules | None:
    table = r.child(top, "", "home_visit", _HOME_KEYS)
    if table is None:
        return None
    section = r.text(table, "home_visit", "section")
    allowed = r.flag(table, "home_visit", "allowed", True)
    texts = _read_text_pair(r, table, "home_visit")
    conditions = _read_items(r, table, "home_visit", "conditions")
    if section is None or texts is None:
        return None
    return HomeVisitRules(section=section, allowed=allowed, conditions=conditions, text_da=texts[0], text_en=texts[1])


def _read_general_rules(r: _Reader, top: Mapping[Any, Any]) -> GeneralRules | None:
    table = r.child(top, "", "general_rules", _GENERAL_KEYS)
    if table is None:
        return None
    section = r.text(table, "general_rules", "section")
    items = _read_items(r, table, "general_rules", "items")
    if section is None:
        return None
    return GeneralRules(section=section, items=items)


def _read_practice_text(
    r: _Reader, table: Mapping[Any, Any], path: str, key: str, *, required: bool = True
) -> PracticeText | None:
    entry = r.child(table, path, key, _TEXT_KEYS, required=required)
    if entry is None:
        return None
    texts = _read_text_pair(r, entry, _join(path, key))
    return None if texts is None else PracticeText(text_da=texts[0], text_en=texts[1])


def _read_disclosure(r: _Reader, top: Mapping[Any, Any]) -> DisclosureRules | None:
    table = r.child(top, "", "disclosure", _DISCLOSURE_KEYS)
    if table is None:
        return None
    section = r.text(table, "disclosure", "section")
    goal = _read_practice_text(r, table, "disclosure", "goal_evaluation")
    other: OtherDisclosure | None = None
    entry = r.child(table, "disclosure", "other", _OTHER_KEYS)
    if entry is not None:
        inform = r.flag(entry, "disclosure.other", "inform_first", True)
        consent = r.flag(entry, "disclosure.other", "consent_may_be_required", True)
        texts = _read_text_pair(r, entry, "disclosure.other")
        if texts is not None:
            other = OtherDisclosure(
                inform_first=inform, consent_may_be_required=consent, text_da=texts[0], text_en=texts[1]
            )
    law = _read_practice_text(r, table, "disclosure", "law_violation", required=False)
    if section is None or goal is None or other is None:
        return None
    return DisclosureRules(section=section, goal_evaluation=goal, other=other, law_violation=law)


def _read_complaint(r: _Reader, top: Mapping[Any, Any], require: bool) -> ComplaintGuidance | None:
    if require and top.get("complaint_guidance") is None:
        r.error(
            "complaint_guidance", "is required when require_complaint_guidance is true (it gives the section to cite)"
        )
        return None
    table = r.child(top, "", "complaint_guidance", _COMPLAINT_KEYS, required=False)
    if table is None:
        return None
    section = r.text(table, "complaint_guidance", "section")
    texts = _read_text_pair(r, table, "complaint_guidance")
    if section is None or texts is None:
        return None
    return ComplaintGuidance(section=section, text_da=texts[0], text_en=texts[1])


def _resolve(profile: Profile | str | Path | Mapping[str, Any]) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile)


# --- task classification -------------------------------------------------------


def _tokens(text: str) -> tuple[str, ...]:
    """Return the words of ``text``: Unicode-normalised (NFKC), case-folded."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return tuple(_WORD.findall(folded))


@attrs.frozen(kw_only=True)
class TaskSuggestion:
    """
    A suggested category for a free-text task: a suggestion, never a decision.

    Attributes:
        category: The category id (``"mentor.stability_structure"``).
        group: Its group id.
        label_da: The category's Danish label.
        label_en: The category's English label.
        matched: The profile's keywords found in the text, in profile order.
        score: How many keywords were found.
    """

    category: str
    group: str
    label_da: str
    label_en: str
    matched: tuple[str, ...]
    score: int

    def label(self, lang: str = "da") -> str:
        """Return the category's label in ``lang``."""
        check_lang(lang)
        return _pick(lang, self.label_da, self.label_en)

    def note(self, lang: str = "da") -> str:
        """Say, in ``lang``, that this is a suggestion from keywords and the caseworker decides."""
        check_lang(lang)
        found = ", ".join(self.matched)
        return _pick(
            lang,
            f"Forslag ud fra nøgleord i teksten ({found}), ikke en afgørelse: sagsbehandleren vælger kategorien.",
            f"A suggestion from keywords in the text ({found}), not a decision: the caseworker chooses the category.",
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready description, the note in both languages included."""
        return {
            "category": self.category,
            "group": self.group,
            "label": {"da": self.label_da, "en": self.label_en},
            "matched": list(self.matched),
            "score": self.score,
            "note": {"da": self.note("da"), "en": self.note("en")},
        }


def classify_task(text: str, *, profile: Profile | str | Path | Mapping[str, Any]) -> tuple[TaskSuggestion, ...]:
    """
    Suggest catalogue categories for a free-text task by keyword match.

    The match is simple so that it can be explained: the text is
    Unicode-normalised (NFKC) and case-folded and split into words; a
    keyword of the profile matches a word that starts with it (the keywords
    are stems: ``"motiv"`` matches *motivere* and *motivation*), and a keyword
    of several words matches them in a row.  A category's score is the number
    of its keywords found.  The result is a **suggestion** only: words can
    mislead, and the caseworker chooses the category.  Each suggestion says so
    in its :meth:`~TaskSuggestion.note`.

    Args:
        text: The task as written in the case.
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The categories with at least one keyword found, by score (highest
        first), then by id; empty when nothing matches.

    Raises:
        TypeError: If ``text`` is not a string.

    >>> [(s.category, s.matched) for s in classify_task("Motivation og tillid", profile="assens")]
    [('mentor.trust_motivation', ('tillid', 'motiv'))]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {_type_name(text)}")
    resolved = _resolve(profile)
    words = _tokens(text)
    suggestions = []
    for task in resolved.tasks:
        matched = task.matches(words)
        if matched:
            suggestions.append(
                TaskSuggestion(
                    category=task.id,
                    group=task.group,
                    label_da=task.label_da,
                    label_en=task.label_en,
                    matched=matched,
                    score=len(matched),
                )
            )
    return tuple(sorted(suggestions, key=lambda s: (-s.score, s.category)))


# --- results -----------------------------------------------------------------


@attrs.frozen
class _Worded:
    """The explainer of a practice finding: the message in both languages, the citation appended."""

    da: str
    en: str

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Return the message in ``lang`` with the citations of ``item``."""
        citation = "; ".join(r.citation for r in item.references)
        return f"{_pick(lang, self.da, self.en)} ({citation})"


def _finding(
    rule: str,
    verdict: Verdict,
    subject: str,
    reference: LegalReference,
    facts: Mapping[str, FactValue],
    da: str,
    en: str,
) -> Finding:
    return Finding(rule, verdict, subject, (reference,), MappingProxyType(dict(facts)), _Worded(da, en))


@attrs.frozen(kw_only=True)
class PracticeResult:
    """
    The outcome of a practice check: local practice, never a legal verdict.

    Attributes:
        check: Which check (``"home_visit"``, ``"disclosure"``, ``"agreement"``).
        profile: The profile id.
        profile_name: Whose practice it is (``"Jobcenter Assens"``).
        profile_version: The profile's version.
        verdict: The aggregate verdict of the findings
            (:func:`~mentorrules.model.outcomes.aggregate_verdict`).
        findings: One finding per rule, each citing the profile's source.
    """

    check: str
    profile: str
    profile_name: str
    profile_version: str
    verdict: Verdict
    findings: tuple[Finding, ...]

    @property
    def unmet(self) -> tuple[Finding, ...]:
        """The findings that are not met: what must change before the practice is followed."""
        return tuple(f for f in self.findings if f.verdict is Verdict.NOT_MET)

    def note(self, lang: str = "da") -> str:
        """Say, in ``lang``, that this is local practice and not law."""
        check_lang(lang)
        return _pick(
            lang,
            f"Lokal praksis hos {self.profile_name} (praksisprofil {self.profile}, version {self.profile_version}), "
            "ikke lov. Lovens krav prøves af mentorrules.evaluate().",
            f"Local practice of {self.profile_name} (practice profile {self.profile}, version {self.profile_version}), "
            "not law. The law's requirements are checked by mentorrules.evaluate().",
        )

    def explain(self, lang: str = "da") -> str:
        """Return a readable explanation: the verdict, the note, then every finding."""
        check_lang(lang)
        lines = [f"{self.check}: {display(self.verdict, lang)}", self.note(lang)]
        lines.extend(f"- {f.rule} ({display(f.verdict, lang)}): {f.message(lang)}" for f in self.findings)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready record (``schema`` ``"mentorrules.practice/1"``)."""
        return {
            "schema": RESULT_SCHEMA,
            "check": self.check,
            "profile": {"id": self.profile, "name": self.profile_name, "version": self.profile_version},
            "verdict": self.verdict.value,
            "unmet": [f.rule for f in self.unmet],
            "findings": [f.to_dict() for f in self.findings],
            "note": {"da": self.note("da"), "en": self.note("en")},
        }


def _result(check: str, profile: Profile, findings: Iterable[Finding]) -> PracticeResult:
    found = tuple(findings)
    return PracticeResult(
        check=check,
        profile=profile.id,
        profile_name=profile.name,
        profile_version=profile.version,
        verdict=aggregate_verdict(found),
        findings=found,
    )


def _either(items: Iterable[str], lang: str) -> str:
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + _pick(lang, " eller ", " or ") + words[-1]


def _places(places: Iterable[MeetingLocation], lang: str) -> str:
    index = 0 if lang == "da" else 1
    return _either((_LOCATION_WORDS[place][index] for place in places), lang)


# --- home visits ---------------------------------------------------------------


def check_home_visit(visit: HomeVisit, *, profile: Profile | str | Path | Mapping[str, Any]) -> PracticeResult:
    """
    Check a meeting against the profile's rules on meeting places and home visits.

    Meetings normally take place at the profile's usual places (for Assens:
    the job centre, the workplace or internship, the place of education).  A
    home visit is the exception and needs every condition of the profile.

    Rules:
        ``practice.meeting.place``: met at a usual place, and in the home
        when the profile allows home visits as the exception; not met in the
        home when it does not; needs assessment anywhere else (the caseworker
        assesses the place); missing facts when the place is unknown.

        ``practice.home_visit.<condition id>``, one per condition: met, not
        met or missing facts by what is known; not applicable when the
        meeting is not in the home, or home visits are not allowed; missing
        facts when the place is unknown.

    Args:
        visit: The meeting.
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The findings; :attr:`PracticeResult.unmet` lists the unmet conditions.

    Raises:
        TypeError: If ``visit`` is not a :class:`HomeVisit`.

    """
    if not isinstance(visit, HomeVisit):
        raise TypeError(f"visit must be a HomeVisit, not {_type_name(visit)}")
    resolved = _resolve(profile)
    findings = [_place_finding(visit, resolved)]
    findings.extend(_condition_finding(visit, resolved, condition) for condition in resolved.home_visit.conditions)
    return _result("home_visit", resolved, findings)


def _place_finding(visit: HomeVisit, profile: Profile) -> Finding:
    rules = profile.meetings
    location = visit.location
    usual_da = _places(rules.usual_places, "da")
    usual_en = _places(rules.usual_places, "en")
    facts: dict[str, FactValue] = {"location": None if location is None else location.value}
    reference = profile.reference(rules.section)

    def found(verdict: Verdict, da: str, en: str) -> Finding:
        return _finding("practice.meeting.place", verdict, "location", reference, facts, da, en)

    if location is None:
        return found(
            Verdict.MISSING_FACTS,
            f"Mødestedet er ikke oplyst. Oplys, om mødet holdes {usual_da}, i borgerens hjem eller et andet sted.",
            f"The meeting place is not stated. State whether the meeting is held {usual_en}, in the citizen's home "
            "or somewhere else.",
        )
    place_da, place_en = _LOCATION_WORDS[location]
    if location in rules.usual_places:
        return found(
            Verdict.MET,
            f"Mødet holdes {place_da}, et af de sædvanlige mødesteder ({usual_da}).",
            f"The meeting is held {place_en}, one of the usual meeting places ({usual_en}).",
        )
    if location is MeetingLocation.HOME and profile.home_visit.allowed:
        return found(
            Verdict.MET,
            f"Mødet holdes i borgerens hjem. Det er en undtagelse: som udgangspunkt holdes møder {usual_da}. "
            "Betingelserne for hjemmebesøg skal være opfyldt før besøget.",
            f"The meeting is held in the citizen's home. That is the exception: meetings are normally held "
            f"{usual_en}. The conditions for a home visit must be met before the visit.",
        )
    if location is MeetingLocation.HOME:
        return found(
            Verdict.NOT_MET,
            f"Mødet holdes i borgerens hjem, men {profile.name} holder ikke møder i hjemmet. Hold mødet {usual_da}.",
            f"The meeting is held in the citizen's home, but {profile.name} does not hold meetings in the home. "
            f"Hold the meeting {usual_en}.",
        )
    return found(
        Verdict.NEEDS_ASSESSMENT,
        f"Mødet holdes {place_da}, som ikke er et af de sædvanlige mødesteder ({usual_da}). "
        "Sagsbehandleren vurderer, om stedet kan bruges.",
        f"The meeting is held {place_en}, which is not one of the usual meeting places ({usual_en}). "
        "The caseworker assesses whether the place can be used.",
    )


def _condition_finding(visit: HomeVisit, profile: Profile, condition: RuleItem) -> Finding:
    location = visit.location
    value = visit.fact(condition.id)
    rule = f"practice.home_visit.{condition.id}"
    subject = condition.id if condition.id in _NAMED_CONDITIONS else f"other.{condition.id}"
    facts: dict[str, FactValue] = {"location": None if location is None else location.value, condition.id: value}
    reference = profile.reference(profile.home_visit.section)
    da_text, en_text = f"»{condition.text_da}«", f"“{condition.text_en}”"

    def found(verdict: Verdict, da: str, en: str) -> Finding:
        return _finding(rule, verdict, subject, reference, facts, da, en)

    if location is None:
        return found(
            Verdict.MISSING_FACTS,
            f"Mødestedet er ikke oplyst, så det vides ikke, om betingelsen for hjemmebesøg gælder: {da_text}",
            f"The meeting place is not stated, so it is not known whether the home-visit condition applies: {en_text}",
        )
    if location is not MeetingLocation.HOME:
        place_da, place_en = _LOCATION_WORDS[location]
        return found(
            Verdict.NOT_APPLICABLE,
            f"Mødet holdes {place_da}, ikke i hjemmet, så betingelsen for hjemmebesøg gælder ikke: {da_text}",
            f"The meeting is held {place_en}, not in the home, so the home-visit condition does not apply: {en_text}",
        )
    if not profile.home_visit.allowed:
        return found(
            Verdict.NOT_APPLICABLE,
            f"{profile.name} holder ikke møder i hjemmet, så betingelsen prøves ikke: {da_text}",
            f"{profile.name} does not hold meetings in the home, so the condition is not tested: {en_text}",
        )
    if value is None:
        return found(
            Verdict.MISSING_FACTS,
            f"Det er ikke oplyst, om betingelsen for hjemmebesøg er opfyldt: {da_text} Afklar det før besøget.",
            f"It is not stated whether the home-visit condition is met: {en_text} Clarify it before the visit.",
        )
    if value:
        return found(
            Verdict.MET,
            f"Betingelsen for hjemmebesøg er opfyldt: {da_text}",
            f"The home-visit condition is met: {en_text}",
        )
    usual_da = _places(profile.meetings.usual_places, "da")
    usual_en = _places(profile.meetings.usual_places, "en")
    return found(
        Verdict.NOT_MET,
        f"Betingelsen for hjemmebesøg er ikke opfyldt: {da_text} Hold ikke mødet i hjemmet, før betingelsen er "
        f"opfyldt; hold det i stedet {usual_da}.",
        f"The home-visit condition is not met: {en_text} Do not hold the meeting in the home until the condition is "
        f"met; hold it {usual_en} instead.",
    )


# --- disclosure --------------------------------------------------------------


def check_disclosure(
    kind: DisclosureKind | str,
    *,
    citizen_informed: bool | None = None,
    consent: bool | None = None,
    profile: Profile | str | Path | Mapping[str, Any],
) -> PracticeResult:
    """
    Check what the mentor may tell the employment adviser, and what must happen first.

    Rules:
        ``practice.disclosure.goal_evaluation`` (kind ``goal_evaluation``):
        met: the mentor reports the evaluation against the agreed goals.

        ``practice.disclosure.citizen_informed`` (kind ``other``): not met
        until the citizen is informed (missing facts when unknown); not
        applicable when the profile does not require it.

        ``practice.disclosure.consent`` (kind ``other``): met with consent;
        otherwise needs assessment: consent may be required, and the
        caseworker assesses whether it is; not applicable when the profile
        does not mention consent.

        ``practice.disclosure.law_violation`` (kind ``law_violation``): the
        mentor's heightened duty to report knowledge of law violations
        (*skærpet indberetningspligt*) is stated, not decided: needs
        assessment; not applicable when the profile states no such duty.

    Args:
        kind: What would be told (a :class:`DisclosureKind` or its value).
        citizen_informed: The citizen has been informed (``None``: unknown).
        consent: The citizen has consented (``None``: not recorded).
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The findings, each saying what must happen first.

    Raises:
        ValueError: If ``kind`` is not a disclosure kind.
        TypeError: If ``citizen_informed`` or ``consent`` is not a bool or ``None``.

    """
    try:
        chosen = DisclosureKind(kind)
    except ValueError:
        kinds = ", ".join(member.value for member in DisclosureKind)
        raise ValueError(f"unknown disclosure kind {kind!r}; the kinds are {kinds}") from None
    for name, value in (("citizen_informed", citizen_informed), ("consent", consent)):
        if value is not None and type(value) is not bool:
            raise TypeError(f"{name} must be bool or None, not {_type_name(value)}")
    resolved = _resolve(profile)
    rules = resolved.disclosure
    reference = resolved.reference(rules.section)
    facts: dict[str, FactValue] = {"kind": chosen.value, "citizen_informed": citizen_informed, "consent": consent}
    if chosen is DisclosureKind.GOAL_EVALUATION:
        findings = [
            _finding(
                "practice.disclosure.goal_evaluation",
                Verdict.MET,
                "kind",
                reference,
                facts,
                "Mentor må give beskæftigelsesrådgiveren evalueringen i forhold til de aftalte mål. Først skal målene "
                "være aftalt med borgeren (de står i aftalen); giv kun evalueringen i forhold til dem. Andre "
                "oplysninger følger reglen om andre oplysninger.",
                "The mentor may give the employment adviser the evaluation against the agreed goals. First, the goals "
                "must be agreed with the citizen (they are in the agreement); give only the evaluation against them. "
                "Other information follows the rule on other information.",
            )
        ]
    elif chosen is DisclosureKind.OTHER:
        findings = [
            _informed_finding(rules.other, reference, facts, citizen_informed),
            _consent_finding(rules.other, reference, facts, consent),
        ]
    else:
        findings = [_law_violation_finding(resolved, reference, facts)]
    return _result("disclosure", resolved, findings)


def _informed_finding(
    rules: OtherDisclosure, reference: LegalReference, facts: Mapping[str, FactValue], informed: bool | None
) -> Finding:
    rule = "practice.disclosure.citizen_informed"
    if not rules.inform_first:
        verdict = Verdict.NOT_APPLICABLE
        da = "Profilen kræver ikke, at borgeren informeres, før andre oplysninger gives til beskæftigelsesrådgiveren."
        en = "The profile does not require the citizen to be informed before other information is given to the employment adviser."
    elif informed is None:
        verdict = Verdict.MISSING_FACTS
        da = (
            "Det er ikke oplyst, om borgeren er informeret. Først skal borgeren informeres om, hvilke oplysninger "
            "der gives til beskæftigelsesrådgiveren; registrér det."
        )
        en = (
            "It is not stated whether the citizen has been informed. First the citizen must be informed of what "
            "information is given to the employment adviser; record it."
        )
    elif informed:
        verdict = Verdict.MET
        da = "Borgeren er informeret om, at andre oplysninger end evalueringen gives til beskæftigelsesrådgiveren."
        en = "The citizen has been informed that information other than the evaluation is given to the employment adviser."
    else:
        verdict = Verdict.NOT_MET
        da = (
            "Borgeren er ikke informeret. Først skal borgeren informeres om, hvilke oplysninger der gives til "
            "beskæftigelsesrådgiveren; indtil da må de ikke gives."
        )
        en = (
            "The citizen has not been informed. First the citizen must be informed of what information is given "
            "to the employment adviser; until then it must not be given."
        )
    return _finding(rule, verdict, "citizen_informed", reference, facts, da, en)


def _consent_finding(
    rules: OtherDisclosure, reference: LegalReference, facts: Mapping[str, FactValue], consent: bool | None
) -> Finding:
    rule = "practice.disclosure.consent"
    if not rules.consent_may_be_required:
        verdict = Verdict.NOT_APPLICABLE
        da = "Profilen nævner ikke samtykke til andre oplysninger."
        en = "The profile does not mention consent for other information."
    elif consent is None:
        verdict = Verdict.NEEDS_ASSESSMENT
        da = (
            "Samtykke kan være nødvendigt: sagsbehandleren vurderer, om det kræves. Kræves det, skal samtykket "
            "indhentes, før oplysningerne gives."
        )
        en = (
            "Consent may be required: the caseworker assesses whether it is. If it is, the consent must be "
            "obtained before the information is given."
        )
    elif consent:
        verdict = Verdict.MET
        da = "Borgeren har givet samtykke til, at oplysningerne gives."
        en = "The citizen has consented to the information being given."
    else:
        verdict = Verdict.NEEDS_ASSESSMENT
        da = (
            "Borgeren har ikke givet samtykke. Sagsbehandleren vurderer først, om samtykke kræves; kræves det, "
            "må oplysningerne ikke gives."
        )
        en = (
            "The citizen has not consented. The caseworker first assesses whether consent is required; if it is, "
            "the information must not be given."
        )
    return _finding(rule, verdict, "consent", reference, facts, da, en)


def _law_violation_finding(profile: Profile, reference: LegalReference, facts: Mapping[str, FactValue]) -> Finding:
    rule = "practice.disclosure.law_violation"
    duty = profile.disclosure.law_violation
    if duty is None:
        return _finding(
            rule,
            Verdict.NOT_APPLICABLE,
            "kind",
            reference,
            facts,
            "Profilen nævner ingen skærpet indberetningspligt; biblioteket tager ikke stilling til indberetning af "
            "lovovertrædelser.",
            "The profile states no heightened duty to report; the library takes no position on reporting law "
            "violations.",
        )
    return _finding(
        rule,
        Verdict.NEEDS_ASSESSMENT,
        "kind",
        reference,
        facts,
        f"{duty.text_da} Pligten er nævnt, ikke afgjort: først vurderer mentor og sagsbehandler, om den konkrete viden "
        "er omfattet, og hvad der skal indberettes til hvem. Biblioteket afgør det ikke.",
        f"{duty.text_en} The duty is stated, not decided: first the mentor and the caseworker assess whether the "
        "knowledge in question is covered, and what must be reported to whom. The library does not decide it.",
    )


# --- the agreement -------------------------------------------------------------


def check_agreement_practice(
    agreement: Agreement, *, profile: Profile | str | Path | Mapping[str, Any]
) -> PracticeResult:
    """
    Check an agreement against the profile's local practice: complaint guidance.

    From 2020 complaint guidance (*klagevejledning*) is not among the items
    the law requires in »Min Plan« (BEK § 52), but municipal leaflets still
    list it.  A profile may require it as local practice; the finding then
    says so and is never a legal defect.  The legal requirement (old LAB
    § 31 c, stk. 2, nr. 6, 2014-2019) is the rule ``agreement.complaint_guidance``
    of :func:`~mentorrules.evaluate`.

    Rules:
        ``practice.complaint_guidance``: not applicable when the profile does
        not require it; else met, not met or missing facts by
        ``agreement.complaint_guidance``.

    Args:
        agreement: The agreement.
        profile: The practice profile (or what :func:`load_profile` reads).

    Returns:
        The finding.

    Raises:
        TypeError: If ``agreement`` is not an :class:`~mentorrules.Agreement`.

    """
    if not isinstance(agreement, Agreement):
        raise TypeError(f"agreement must be an Agreement, not {_type_name(agreement)}")
    resolved = _resolve(profile)
    section = resolved.complaint_guidance.section if resolved.complaint_guidance is not None else None
    reference = resolved.reference(section)
    stated = agreement.complaint_guidance
    facts: dict[str, FactValue] = {
        "complaint_guidance": stated,
        "require_complaint_guidance": resolved.require_complaint_guidance,
    }
    name = resolved.name
    not_law_da = (
        "Det er lokal praksis, ikke et krav i loven: fra 2020 er klagevejledning ikke blandt punkterne i »Min Plan« "
        "(BEK § 52). Lovens krav for 2014-2019 prøves af reglen agreement.complaint_guidance."
    )
    not_law_en = (
        "This is local practice, not a requirement of the law: from 2020 complaint guidance is not among the items "
        "of »Min Plan« (BEK § 52). The law's requirement for 2014-2019 is checked by the rule "
        "agreement.complaint_guidance."
    )
    if not resolved.require_complaint_guidance:
        verdict = Verdict.NOT_APPLICABLE
        da = f"{name} kræver ikke klagevejledning i aftalen som lokal praksis. {not_law_da}"
        en = f"{name} does not require complaint guidance in the agreement as local practice. {not_law_en}"
    elif stated is None:
        verdict = Verdict.MISSING_FACTS
        da = (
            f"Det er ikke oplyst, om aftalen indeholder klagevejledning, som {name} kræver som lokal praksis. "
            f"Oplys det. {not_law_da}"
        )
        en = (
            f"It is not stated whether the agreement contains complaint guidance, which {name} requires as local "
            f"practice. State it. {not_law_en}"
        )
    elif stated:
        verdict = Verdict.MET
        da = f"Aftalen indeholder klagevejledning, som {name} kræver som lokal praksis. {not_law_da}"
        en = f"The agreement contains complaint guidance, which {name} requires as local practice. {not_law_en}"
    else:
        verdict = Verdict.NOT_MET
        da = (
            f"Aftalen indeholder ikke klagevejledning, som {name} kræver som lokal praksis; tilføj den for at følge "
            f"praksis. Fundet er en afvigelse fra lokal praksis, ikke en retlig mangel. {not_law_da}"
        )
        en = (
            f"The agreement does not contain complaint guidance, which {name} requires as local practice; add it to "
            f"follow the practice. The finding is a deviation from local practice, not a legal defect. {not_law_en}"
        )
    finding = _finding("practice.complaint_guidance", verdict, "complaint_guidance", reference, facts, da, en)
    return _result("agreement", resolved, [finding])


# --- rendering -----------------------------------------------------------------


@attrs.frozen
class _Block:
    """A section of a rendered document."""

    heading: str
    source: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    checklist: bool = False


@attrs.frozen
class _Document:
    """A document to render as text or HTML."""

    lang: str
    title: str
    intro: tuple[str, ...]
    blocks: tuple[_Block, ...]


def _source_line(profile: Profile, section: str, lang: str) -> str:
    return _pick(lang, "Kilde: ", "Source: ") + profile.reference(section).citation


def _practice_line(profile: Profile, lang: str) -> str:
    return _pick(
        lang,
        f"Lokal praksis hos {profile.name}, ikke lov (praksisprofil {profile.id}, version {profile.version}).",
        f"Local practice of {profile.name}, not law (practice profile {profile.id}, version {profile.version}).",
    )


def _general_blocks(profile: Profile, lang: str) -> tuple[_Block, ...]:
    general = profile.general_rules
    disclosure = profile.disclosure
    told = [disclosure.goal_evaluation.text(lang), disclosure.other.text(lang)]
    if disclosure.law_violation is not None:
        told.append(disclosure.law_violation.text(lang))
    return (
        _Block(
            heading=_pick(lang, "Almene regler", "General rules"),
            source=_source_line(profile, general.section, lang),
            items=tuple(item.text(lang) for item in general.items),
            checklist=True,
        ),
        _Block(
            heading=_pick(
                lang, "Det fortæller mentor beskæftigelsesrådgiveren", "What the mentor tells the employment adviser"
            ),
            source=_source_line(profile, disclosure.section, lang),
            items=tuple(told),
        ),
    )


def _general_document(profile: Profile, lang: str) -> _Document:
    check_lang(lang)
    return _Document(
        lang=lang,
        title=_pick(
            lang,
            f"Samarbejdet med din mentor: almene regler ({profile.name})",
            f"Working with your mentor: general rules ({profile.name})",
        ),
        intro=(_practice_line(profile, lang),),
        blocks=_general_blocks(profile, lang),
    )


def _profile_document(profile: Profile, lang: str) -> _Document:
    check_lang(lang)
    intro = [
        _practice_line(profile, lang),
        _pick(lang, "Kilde: ", "Source: ")
        + f"{profile.source.publisher}, {profile.source.title} ({profile.source.kind})",
    ]
    if profile.source.url:
        intro.append(profile.source.url)
    intro.append(
        _pick(
            lang,
            "Lovens krav (LAB §§ 167-171 og »Min Plan«) prøves af mentorrules.evaluate(), ikke af profilen.",
            "The law's requirements (LAB §§ 167-171 and »Min Plan«) are checked by mentorrules.evaluate(), not by "
            "the profile.",
        )
    )
    blocks: list[_Block] = []
    for group in profile.task_groups:
        tasks = [task for task in profile.tasks if task.group == group.id]
        keywords = _pick(lang, "nøgleord", "keywords")
        blocks.append(
            _Block(
                heading=_pick(lang, "Opgavekatalog: ", "Task catalogue: ")
                + _pick(lang, group.label_da, group.label_en),
                source=_source_line(profile, group.section, lang),
                items=tuple(
                    f"{task.label(lang)} [{task.id}; {keywords}: {', '.join(task.keywords)}]" for task in tasks
                ),
            )
        )
    meetings = profile.meetings
    blocks.append(
        _Block(
            heading=_pick(lang, "Mødested", "Meeting place"),
            source=_source_line(profile, meetings.section, lang),
            paragraphs=(
                meetings.text(lang),
                _pick(lang, "Møder holdes som udgangspunkt ", "Meetings are normally held ")
                + _places(meetings.usual_places, lang)
                + ".",
            ),
        )
    )
    home = profile.home_visit
    home_text = (
        home.text(lang)
        if home.allowed
        else _pick(lang, "Der holdes ikke møder i borgerens hjem.", "Meetings are not held in the citizen's home.")
    )
    blocks.append(
        _Block(
            heading=_pick(lang, "Hjemmebesøg", "Home visits"),
            source=_source_line(profile, home.section, lang),
            paragraphs=(home_text,),
            items=tuple(f"{c.text(lang)} [{c.id}]" for c in home.conditions) if home.allowed else (),
            checklist=True,
        )
    )
    blocks.extend(_general_blocks(profile, lang))
    complaint = profile.complaint_guidance
    if complaint is not None:
        required = _pick(
            lang,
            "Profilen kræver klagevejledning i aftalen som lokal praksis; fra 2020 er det ikke et krav i loven."
            if profile.require_complaint_guidance
            else "Profilen kræver ikke klagevejledning i aftalen som lokal praksis.",
            "The profile requires complaint guidance in the agreement as local practice; from 2020 the law does not."
            if profile.require_complaint_guidance
            else "The profile does not require complaint guidance in the agreement as local practice.",
        )
        blocks.append(
            _Block(
                heading=_pick(lang, "Klagevejledning", "Complaint guidance"),
                source=_source_line(profile, complaint.section, lang),
                paragraphs=(complaint.text(lang), required),
            )
        )
    return _Document(
        lang=lang,
        title=_pick(
            lang, f"{profile.name}: praksisprofil for mentorstøtte", f"{profile.name}: mentor support practice profile"
        ),
        intro=tuple(intro),
        blocks=tuple(blocks),
    )


def _render_text(document: _Document) -> str:
    lines = [document.title, "=" * len(document.title), ""]
    lines.extend(f"{paragraph}\n" for paragraph in document.intro)
    for block in document.blocks:
        lines.extend([block.heading, "-" * len(block.heading), ""])
        lines.extend(f"{paragraph}\n" for paragraph in block.paragraphs)
        marker = "[ ]" if block.checklist else "-"
        lines.extend(f"{marker} {item}" for item in block.items)
        if block.items:
            lines.append("")
        lines.extend([block.source, ""])
    return "\n".join(lines).rstrip("\n") + "\n"


_STYLE: Final = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.75rem}"
    "ul.checklist{list-style:none;padding-left:0}ul.checklist li{margin:.35rem 0}"
    ".source,.note{color:#555;font-size:.9rem}"
    "@media print{input{width:1rem;height:1rem}}"
)


def _render_html(document: _Document) -> str:
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(document.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(document.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{esc(document.title)}</h1>",
    ]
    parts.extend(f'<p class="note">{esc(paragraph)}</p>' for paragraph in document.intro)
    for number, block in enumerate(document.blocks):
        parts.append("<section>")
        parts.append(f"<h2>{esc(block.heading)}</h2>")
        parts.extend(f"<p>{esc(paragraph)}</p>" for paragraph in block.paragraphs)
        if block.items and block.checklist:
            parts.append('<ul class="checklist">')
            for index, item in enumerate(block.items):
                box = f"item-{number}-{index}"
                parts.append(f'<li><input type="checkbox" id="{box}"> <label for="{box}">{esc(item)}</label></li>')
            parts.append("</ul>")
        elif block.items:
            parts.append("<ul>")
            parts.extend(f"<li>{esc(item)}</li>" for item in block.items)
            parts.append("</ul>")
        parts.append(f'<p class="source">{esc(block.source)}</p>')
        parts.append("</section>")
    parts.extend(["</main>", "</body>", "</html>"])
    return "\n".join(parts) + "\n"


def general_rules_text(profile: Profile, lang: str = "da") -> str:
    """
    Return the general rules as a plain-text checklist to show the citizen.

    The checklist (``[ ]`` per rule) is followed by what the mentor tells the
    employment adviser, and each section cites its source.

    Args:
        profile: The practice profile.
        lang: ``"da"`` or ``"en"``.

    Raises:
        ValueError: If ``lang`` is neither.

    """
    return _render_text(_general_document(profile, lang))


def general_rules_html(profile: Profile, lang: str = "da") -> str:
    """
    Return the general rules as a self-contained HTML page to show or print for the citizen.

    The page needs no other file: the style is inline, and every text from
    the profile is escaped.

    Args:
        profile: The practice profile.
        lang: ``"da"`` or ``"en"``.

    Raises:
        ValueError: If ``lang`` is neither.

    """
    return _render_html(_general_document(profile, lang))


def profile_text(profile: Profile, lang: str = "da") -> str:
    """Return the whole profile (task catalogue and every rule) as plain text in ``lang``."""
    return _render_text(_profile_document(profile, lang))


def profile_html(profile: Profile, lang: str = "da") -> str:
    """Return the whole profile (task catalogue and every rule) as a self-contained HTML page in ``lang``."""
    return _render_html(_profile_document(profile, lang))
