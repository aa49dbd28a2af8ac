"""
The practice profile: a municipality's local practice as a described document, and how it is read.

A profile is a TOML document in the format ``mentorrules.profile/1``
(docs/profiles.md).  Its classes describe their fields once, as the facts of a
case and the cost claim do (:mod:`mentorrules.model.description`): the annotation
gives the type, the default says whether a key is required, and the metadata
adds what an annotation cannot (an id's pattern, a text that must not be blank, a
list that must not be empty, meeting places without repeats).  The checks between
fields (unique ids within a list, a task's group among the declared groups, the
keywords of a task, complaint guidance where the profile requires it, the exact
``format``) are each class's ``_related_problems``.  From that description
:mod:`mentorrules.model.generated` makes the constructors' checks, the
path-reporting reader (:func:`load_profile` is a thin call into it after finding
and reading the TOML), the dumper (:meth:`Profile.to_dict`) and the JSON Schema.

**No free text.**  Every text of a profile is described ``free_text=False``: a
profile is written by a municipality about its practice, never by a caseworker
about a citizen, so it holds no personal data, and the privacy scan (which looks
for CPR numbers in what a person wrote about a citizen) has nothing to read in it.
"""

from __future__ import annotations

import difflib
import enum
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, ClassVar, Final

import attrs

from mentorrules.model.cpr import looks_like_cpr
from mentorrules.model.description import described
from mentorrules.model.exceptions import CaseError, FieldError, Message, Messages, Param, ProfileError
from mentorrules.model.generated import (
    FIELD_MESSAGES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    TOML,
    Described,
    Dialect,
    codec,
    grouped,
    nested_deeper,
    os_reason,
    shown,
    utf8_reason,
)
from mentorrules.model.outcomes import check_lang
from mentorrules.model.references import LegalReference, ReferenceKind


__all__ = [
    "PROFILE_FORMAT",
    "ComplaintGuidance",
    "DisclosureRules",
    "GeneralRules",
    "HomeVisitRules",
    "MeetingLocation",
    "MeetingRules",
    "OtherDisclosure",
    "PracticeText",
    "Profile",
    "ProfileSource",
    "RuleItem",
    "TaskCategory",
    "TaskGroup",
    "bundled_profiles",
    "load_profile",
]

#: The format key every profile must carry; the number is raised on an incompatible change.
PROFILE_FORMAT: Final = "mentorrules.profile/1"

_PROFILE_ID: Final = re.compile(r"[a-z][a-z0-9_-]*")
_SIMPLE_ID: Final = re.compile(r"[a-z][a-z0-9_]*")
_DOTTED_ID: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
_FORMAT_LIKE: Final = re.compile(r"mentorrules\.profile/[0-9]+")
_BUNDLED_NAME: Final = re.compile(r"[A-Za-z0-9_-]+")
_WORD: Final = re.compile(r"\w+")

# The descriptions of a profile's fields (see the module's docstring: no text of a profile is free text).
#: A text: not blank.
_TEXT: Final = described(nonblank=True, free_text=False)
#: The ``format`` key: any text here; Profile checks that it is this library's format.
_FORMAT: Final = described(free_text=False)
#: The profile's id.
_PROFILE_ID_TEXT: Final = described(
    nonblank=True,
    free_text=False,
    pattern=_PROFILE_ID,
    pattern_hint="lower-case letters, digits and '_', '-'",
    pattern_hint_da="små bogstaver, cifre og '_', '-'",
)
#: The id of a task group, a home-visit condition or a general rule.
_SIMPLE_ID_TEXT: Final = described(
    nonblank=True,
    free_text=False,
    pattern=_SIMPLE_ID,
    pattern_hint="lower-case letters, digits and '_'",
    pattern_hint_da="små bogstaver, cifre og '_'",
)
#: The id of a task category.
_DOTTED_ID_TEXT: Final = described(
    nonblank=True,
    free_text=False,
    pattern=_DOTTED_ID,
    pattern_hint="lower-case letters, digits and '_', parts joined by '.'",
    pattern_hint_da="små bogstaver, cifre og '_', dele forbundet med '.'",
)

#: The messages about a profile (the rest are the readers', :data:`~mentorrules.model.generated.FIELD_MESSAGES`).
_MESSAGES: Final = Messages(
    {
        "profile.keyword_without_word": (
            "skal indeholde et bogstav eller et ciffer: {keyword}",
            "must contain a letter or a digit: {keyword}",
        ),
        "profile.keyword_repeated": (
            "gentaget nøgleord {keyword}; det samme som keywords[{index}] ({earlier}), når de er normaliseret",
            "duplicate keyword {keyword}; the same as keywords[{index}] ({earlier}) once normalised",
        ),
        "profile.keyword_overlaps": (
            "nøgleordet {keyword} overlapper keywords[{index}] ({earlier}): en tekst, der matcher det længste, "
            "matcher også det korteste og ville tælle to gange; behold ét af dem",
            "keyword {keyword} overlaps keywords[{index}] ({earlier}): a text that matches the longer one also "
            "matches the shorter, and would count twice; keep one of them",
        ),
        "profile.duplicate_id": (
            "gentaget id {id}; allerede brugt i {earlier}",
            "duplicate id {id}; already used at {earlier}",
        ),
        "profile.unknown_group_close": (
            "ukendt gruppe {group}; mente du {close}?",
            "unknown group {group}; did you mean {close}?",
        ),
        "profile.unknown_group": (
            "ukendt gruppe {group}; grupperne er {groups}",
            "unknown group {group}; the groups are {groups}",
        ),
        "profile.complaint_guidance_required": (
            "skal angives, når require_complaint_guidance er true (den giver afsnittet, der henvises til)",
            "is required when require_complaint_guidance is true (it gives the section to cite)",
        ),
        "profile.format_required": ("skal angives: {format}", "is required: {format}"),
        "profile.format_version": (
            "formatversionen {found} understøttes ikke; biblioteket læser {format}",
            "unsupported format version {found}; this library reads {format}",
        ),
        "profile.format": ("skal være {format}, ikke {found}", "must be {format}, not {found}"),
        "profile.unknown_bundled": (
            "ukendt indbygget profil {name}; {hint}de indbyggede profiler er {bundled} (angiv en filsti til en "
            "profil, I selv har skrevet)",
            "unknown bundled profile {name}; {hint}the bundled profiles are {bundled} (give a file path for a "
            "profile of your own)",
        ),
        "profile.did_you_mean": ("mente du {close}? ", "did you mean {close}? "),
        "profile.cannot_read": ("kan ikke læse {what}: {reason}", "cannot read {what}: {reason}"),
        "profile.too_large": (
            "{what} er større end læsegrænsen på 4 MiB ({size} byte)",
            "{what} is larger than the read limit of 4 MiB ({size} bytes)",
        ),
        "profile.not_utf8": (
            "{what} er ikke UTF-8: {reason} ved byte {position}",
            "{what} is not UTF-8: {reason} at byte {position}",
        ),
        "profile.invalid_toml": ("ugyldig TOML i {what}: {detail}", "invalid TOML in {what}: {detail}"),
        "profile.too_deep": (
            "ugyldig TOML i {what}: for dybt indlejret (dybere end læsegrænsen på {levels} niveauer)",
            "invalid TOML in {what}: nested too deeply (deeper than the read limit of {levels} levels)",
        ),
    }
)


def _pick(lang: str, da: str, en: str) -> str:
    return da if lang == "da" else en


def _type_name(value: object) -> str:
    return type(value).__name__


# --- meeting places ------------------------------------------------------------


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


def _either(items: Iterable[str], lang: str) -> str:
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + _pick(lang, " eller ", " or ") + words[-1]


def _places(places: Iterable[MeetingLocation], lang: str) -> str:
    """Name meeting places in a sentence: ``"på jobcentret eller på uddannelsesstedet"``."""
    index = 0 if lang == "da" else 1
    return _either((_LOCATION_WORDS[place][index] for place in places), lang)


# --- keywords --------------------------------------------------------------------


def _tokens(text: str) -> tuple[str, ...]:
    """Return the words of ``text``: Unicode-normalised (NFKC), case-folded."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return tuple(_WORD.findall(folded))


def _occurs(stems: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether the stems start words of ``words`` in a row."""
    width = len(stems)
    for start in range(len(words) - width + 1):
        if all(words[start + i].startswith(stem) for i, stem in enumerate(stems)):
            return True
    return False


def _keyword_problems(keywords: tuple[str, ...]) -> list[tuple[str, Message]]:
    """Say which keywords hold no word, repeat an earlier one once normalised, or overlap one."""
    problems = []
    seen: list[tuple[tuple[str, ...], int, str]] = []
    for index, keyword in enumerate(keywords):
        here = f"keywords[{index}]"
        stems = _tokens(keyword)
        if not stems:
            problems.append((here, _MESSAGES.of("profile.keyword_without_word", keyword=shown(keyword))))
            continue
        for earlier, earlier_index, earlier_keyword in seen:
            if earlier == stems:
                key = "profile.keyword_repeated"
            elif _occurs(earlier, stems) or _occurs(stems, earlier):
                key = "profile.keyword_overlaps"
            else:
                continue
            problem = _MESSAGES.of(
                key, keyword=shown(keyword), index=str(earlier_index), earlier=shown(earlier_keyword)
            )
            problems.append((here, problem))
            break
        else:
            seen.append((stems, index, keyword))
    return problems


def _duplicate_ids(items: Iterable[Any], name: str) -> list[tuple[str, Message]]:
    """Say which items of the list ``name`` repeat the id of an earlier one."""
    problems = []
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        earlier = first.setdefault(item.id, index)
        if earlier != index:
            problem = _MESSAGES.of("profile.duplicate_id", id=shown(item.id), earlier=f"{name}[{earlier}].id")
            problems.append((f"{name}[{index}].id", problem))
    return problems


# --- the profile -------------------------------------------------------------


class _Part(Described):
    """A part of a practice profile: building one with a bad value raises a :class:`~mentorrules.ProfileError`."""

    __slots__ = ()

    _document_error: ClassVar[type[CaseError]] = ProfileError


@attrs.frozen(kw_only=True)
class ProfileSource(_Part):
    """
    The publication a profile encodes.

    Attributes:
        title: Its title (``"Beskæftigelsesmentor"``).
        publisher: Who publishes it (``"Jobcenter Assens"``).
        kind: What it is (``"pjece"``, ``"hjemmeside"``).
        url: Where it is published, if recorded.
    """

    title: str = attrs.field(metadata=_TEXT)
    publisher: str = attrs.field(metadata=_TEXT)
    kind: str = attrs.field(metadata=_TEXT)
    url: str | None = attrs.field(default=None, metadata=_TEXT)


@attrs.frozen(kw_only=True)
class TaskGroup(_Part):
    """
    A group of the task catalogue (``"mentor"``, ``"aftercare"``).

    Attributes:
        id: The group id.
        label_da: Its name in Danish.
        label_en: Its name in English.
        section: The section of the source that lists its tasks.
    """

    id: str = attrs.field(metadata=_SIMPLE_ID_TEXT)
    label_da: str = attrs.field(metadata=_TEXT)
    label_en: str = attrs.field(metadata=_TEXT)
    section: str = attrs.field(metadata=_TEXT)


@attrs.frozen(kw_only=True)
class TaskCategory(_Part):
    """
    A category of the task catalogue.

    Attributes:
        id: Stable id (``"mentor.stability_structure"``).
        group: The id of its :class:`TaskGroup`.
        label_da: Its name in Danish.
        label_en: Its name in English.
        keywords: Danish and English stems; a keyword matches a word that
            starts with it (``"motiv"`` matches *motivation*), a keyword of
            several words matches them in a row.  Each holds a letter or a
            digit, and no two overlap (a text matching one would count twice).
        text_da: The source's wording, in Danish.
        text_en: The same in English.
    """

    id: str = attrs.field(metadata=_DOTTED_ID_TEXT)
    group: str = attrs.field(metadata=_TEXT)
    label_da: str = attrs.field(metadata=_TEXT)
    label_en: str = attrs.field(metadata=_TEXT)
    keywords: tuple[str, ...] = attrs.field(metadata=described(nonempty=True, free_text=False))
    text_da: str | None = attrs.field(default=None, metadata=_TEXT)
    text_en: str | None = attrs.field(default=None, metadata=_TEXT)
    _stems: tuple[tuple[str, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    @classmethod
    def _related_problems(cls, values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
        """Each keyword holds a word, and no two keywords repeat or overlap each other."""
        keywords = values.get("keywords")
        return [] if keywords is None else _keyword_problems(keywords)

    def __attrs_post_init__(self) -> None:
        """Check the fields, then normalise the keywords once, for :func:`classify_task`."""
        super().__attrs_post_init__()
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


@attrs.frozen(kw_only=True)
class PracticeText(_Part):
    """
    A rule of the profile as text, in Danish and English.

    Attributes:
        text_da: The Danish text.
        text_en: The English text.
    """

    text_da: str = attrs.field(metadata=_TEXT)
    text_en: str = attrs.field(metadata=_TEXT)

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

    id: str = attrs.field(metadata=_SIMPLE_ID_TEXT)


@attrs.frozen(kw_only=True)
class MeetingRules(PracticeText):
    """
    Where meetings normally take place.

    Attributes:
        section: The section of the source.
        usual_places: The usual meeting places (at least one, none twice).
        text_da: The rule in Danish.
        text_en: The rule in English.
    """

    section: str = attrs.field(metadata=_TEXT)
    usual_places: tuple[MeetingLocation, ...] = attrs.field(metadata=described(nonempty=True, unique=True))


@attrs.frozen(kw_only=True)
class HomeVisitRules(PracticeText):
    """
    Home visits: whether they may take place, and on which conditions.

    Attributes:
        section: The section of the source.
        allowed: A home visit may take place as an exception (true when the profile does not say).
        conditions: The conditions, each checked on its own (ids unique).
        text_da: The rule in Danish.
        text_en: The rule in English.
    """

    section: str = attrs.field(metadata=_TEXT)
    allowed: bool = True
    conditions: tuple[RuleItem, ...]

    @classmethod
    def _related_problems(cls, values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
        """No two conditions have the same id."""
        return _duplicate_ids(values.get("conditions", ()), "conditions")


@attrs.frozen(kw_only=True)
class GeneralRules(_Part):
    """
    The general rules of the course, as a checklist.

    Attributes:
        section: The section of the source.
        items: The rules (ids unique).
    """

    section: str = attrs.field(metadata=_TEXT)
    items: tuple[RuleItem, ...]

    @classmethod
    def _related_problems(cls, values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
        """No two rules have the same id."""
        return _duplicate_ids(values.get("items", ()), "items")


@attrs.frozen(kw_only=True)
class OtherDisclosure(PracticeText):
    """
    Information other than the goal evaluation.

    Attributes:
        inform_first: The citizen is informed before it is given (true when the profile does not say).
        consent_may_be_required: The citizen's consent may be needed (true when the profile does not say).
        text_da: The rule in Danish.
        text_en: The rule in English.
    """

    inform_first: bool = True
    consent_may_be_required: bool = True


@attrs.frozen(kw_only=True)
class DisclosureRules(_Part):
    """
    What the mentor tells the employment adviser.

    Attributes:
        section: The section of the source.
        goal_evaluation: The evaluation against the agreed goals.
        other: Other information.
        law_violation: The duty to report knowledge of law violations, if
            the source states one.
    """

    section: str = attrs.field(metadata=_TEXT)
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

    section: str = attrs.field(metadata=_TEXT)


@attrs.frozen(kw_only=True)
class Profile(_Part):
    """
    A municipality's practice profile: local practice, never law.

    Read one with :func:`load_profile`; the format is documented in
    docs/profiles.md.  Building one checks every field, as reading one does, and
    raises one :class:`~mentorrules.ProfileError` naming every bad one.

    Attributes:
        format: The format key, ``"mentorrules.profile/1"`` (required in a document).
        id: The profile id (``"assens"``).
        name: Who practises it (``"Jobcenter Assens"``).
        version: The edition of the profile's content.
        source: The publication it encodes.
        require_complaint_guidance: Complaint guidance in the agreement is
            required as local practice (then ``complaint_guidance`` is required).
        task_groups: The groups of the task catalogue (ids unique).
        tasks: The task catalogue (ids unique, each in a declared group).
        meetings: Where meetings take place.
        home_visit: Home visits.
        general_rules: The general rules.
        disclosure: What the mentor tells the employment adviser.
        complaint_guidance: The source's text on complaint guidance.
    """

    format: str = attrs.field(default=PROFILE_FORMAT, metadata=_FORMAT)
    id: str = attrs.field(metadata=_PROFILE_ID_TEXT)
    name: str = attrs.field(metadata=_TEXT)
    version: str = attrs.field(metadata=_TEXT)
    source: ProfileSource
    require_complaint_guidance: bool = False
    task_groups: tuple[TaskGroup, ...]
    tasks: tuple[TaskCategory, ...]
    meetings: MeetingRules
    home_visit: HomeVisitRules
    general_rules: GeneralRules
    disclosure: DisclosureRules
    complaint_guidance: ComplaintGuidance | None = None

    _document_name: ClassVar[str] = "a profile"
    _document_name_da: ClassVar[str] = "en praksisprofil"
    _document_format: ClassVar[Dialect] = TOML

    @classmethod
    def _related_problems(cls, values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
        """The format is this library's; ids are unique; each task's group is declared; complaint guidance where required."""
        problems = _format_problems(values, bad)
        groups = values.get("task_groups")
        tasks = values.get("tasks")
        if groups is not None:
            problems += _duplicate_ids(groups, "task_groups")
        if tasks is not None:
            problems += _duplicate_ids(tasks, "tasks")
        if groups is not None and tasks is not None:
            declared = tuple(dict.fromkeys(group.id for group in groups))
            for index, task in enumerate(tasks):
                if task.group not in declared:
                    close = difflib.get_close_matches(task.group, declared, n=1)
                    group = shown(task.group)
                    if close:
                        problem = _MESSAGES.of("profile.unknown_group_close", group=group, close=repr(close[0]))
                    else:
                        names: Param = ", ".join(declared) if declared else ("ingen", "none")
                        problem = _MESSAGES.of("profile.unknown_group", group=group, groups=names)
                    problems.append((f"tasks[{index}].group", problem))
        if (
            values.get("require_complaint_guidance") is True
            and values.get("complaint_guidance") is None
            and "complaint_guidance" not in bad
        ):
            problems.append(("complaint_guidance", _MESSAGES.of("profile.complaint_guidance_required")))
        return problems

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
        """
        Return the profile as the TOML document describes it (``load_profile(p.to_dict()) == p``).

        Keys in attribute order (a subclass's own fields after ``text_da`` and
        ``text_en``); a key whose value is absent (``None``) is left out, as TOML has no null.
        """
        document: dict[str, Any] = _without_nulls(_PROFILE_CODEC.dump(self))
        return document


def _cited(citation: str, lang: str) -> str:
    """
    Return a citation of a profile's section (``..., afsnittet »X«``, :meth:`Profile.reference`) in ``lang``.

    >>> _cited("Jobcenter Assens, Beskæftigelsesmentor, afsnittet »Sikkerhedsregler«", "en")
    'Jobcenter Assens, Beskæftigelsesmentor, section »Sikkerhedsregler«'
    """
    return citation if lang == "da" else citation.replace(", afsnittet »", ", section »")


def _format_problems(values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
    """The ``format`` key must be given, and be this library's format."""
    if "format" in bad:
        return []
    fmt = values.get("format")
    if fmt is None:  # absent from the document (a Profile built in Python has the default)
        return [("format", _MESSAGES.of("profile.format_required", format=repr(PROFILE_FORMAT)))]
    if fmt == PROFILE_FORMAT:
        return []
    if _FORMAT_LIKE.fullmatch(fmt):
        return [("format", _MESSAGES.of("profile.format_version", found=repr(fmt), format=repr(PROFILE_FORMAT)))]
    return [("format", _MESSAGES.of("profile.format", format=repr(PROFILE_FORMAT), found=shown(fmt)))]


def _without_nulls(value: Any) -> Any:
    """Return a dumped document without its ``None`` values (absent keys in TOML)."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


_PROFILE_CODEC: Final = codec(Profile)


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

    The TOML is read with :mod:`tomllib`; the profile is checked by the reader
    generated from the profile's description (:mod:`mentorrules.model.generated`),
    as a case's and a cost claim's are.  Every field is checked before anything is
    raised, so that one error names every bad field at once: missing required
    keys, unknown keys (with a suggestion), wrong types, empty texts, malformed
    ids, unknown or repeated meeting places, empty lists.  The checks between
    fields (duplicate ids, unknown groups, keywords without a letter or overlapping
    each other, the ``format``, complaint guidance where required) are made on the
    fields that are valid on their own.

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
            ``home_visit.conditions[1].id``) in document order, then the
            missing keys of each table and the checks between its fields; a
            problem with the document itself (an unknown name, an unreadable
            file, invalid TOML) has the path ``""``.
        TypeError: If ``source`` is none of the above.

    """
    if isinstance(source, Mapping):
        document: Mapping[Any, Any] = source
    elif isinstance(source, Path):
        document = _read_toml(lambda: source.open("rb"), str(source))
    elif isinstance(source, str):
        document = _read_named(source)
    else:
        raise TypeError(f"source must be a profile name, a path or a mapping, not {_type_name(source)}")
    profile: Profile = _PROFILE_CODEC.load(document)
    return profile


def _document_error(key: str, /, **params: Param) -> ProfileError:
    return ProfileError((FieldError.of("", _MESSAGES.of(key, **params)),))


def _read_named(name: str) -> dict[str, Any]:
    bundled = bundled_profiles()
    if name in bundled:
        resource = resources.files("mentorrules").joinpath("profiles").joinpath(f"{name}.toml")
        what = (f"den indbyggede profil {name!r}", f"bundled profile {name!r}")
        return _read_toml(lambda: resource.open("rb"), what)
    path = Path(name)
    if _BUNDLED_NAME.fullmatch(name) and not path.exists():
        close = difflib.get_close_matches(name, bundled, n=1)
        hint: Param = _MESSAGES.of("profile.did_you_mean", close=repr(close[0])) if close else ""
        raise _document_error("profile.unknown_bundled", name=shown(name), hint=hint, bundled=", ".join(bundled))
    return _read_toml(lambda: path.open("rb"), name)


def _read_toml(open_binary: Callable[[], IO[bytes]], what: Param) -> dict[str, Any]:
    """
    Read a profile's TOML within the read limits of a document (docs/formats.md, "Read limits").

    At most 4 MiB are read (``/dev/zero`` is refused, not read for ever), and tables and arrays may nest
    at most 64 deep, as in a JSON document.  ``what`` names the profile in a message: its path, or the
    bundled profile in both languages.
    """
    try:
        with open_binary() as stream:
            data = stream.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise _document_error("profile.cannot_read", what=what, reason=os_reason(exc)) from None
    if len(data) > MAX_JSON_BYTES:
        raise _document_error("profile.too_large", what=what, size=grouped(MAX_JSON_BYTES))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _document_error(
            "profile.not_utf8", what=what, reason=utf8_reason(exc.reason), position=str(exc.start)
        ) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _document_error("profile.invalid_toml", what=what, detail=_toml_detail(str(exc))) from None
    except RecursionError:  # tomllib's own stop, far beyond the read limit
        raise _document_error("profile.too_deep", what=what, levels=str(MAX_JSON_DEPTH)) from None
    if nested_deeper(document, MAX_JSON_DEPTH):
        raise _document_error("profile.too_deep", what=what, levels=str(MAX_JSON_DEPTH))
    return document


#: What tomllib says of a document it cannot read, in Danish: its fixed messages ...
_TOML_MESSAGES_DA: Final = MappingProxyType(
    {
        "Invalid statement": "ugyldig sætning",
        "Invalid value": "ugyldig værdi",
        "Invalid initial character for a key part": "ugyldigt første tegn i en nøgle",
        "Invalid date or datetime": "ugyldig dato eller ugyldigt tidspunkt",
        "Invalid hex value": "ugyldig hexadecimal værdi",
        "Expected '=' after a key in a key/value pair": "forventede '=' efter en nøgle i et nøgle/værdi-par",
        "Expected ']' at the end of a table declaration": "forventede ']' efter en tabelerklæring",
        "Expected newline or end of document after a statement": (
            "forventede linjeskift eller dokumentets slutning efter en sætning"
        ),
        "Expected ']]' at the end of an array declaration": "forventede ']]' efter en array-erklæring",
        "Cannot overwrite a value": "en værdi kan ikke overskrives",
        "Unclosed array": "uafsluttet array",
        "Unclosed inline table": "uafsluttet inline-tabel",
        "Unterminated string": "uafsluttet tekst",
        "Unescaped '\\' in a string": "'\\' uden escape i en tekst",
        "Escaped character is not a Unicode scalar value": "det escapede tegn er ikke en Unicode-skalarværdi",
    }
)
#: ... and those that name a key or a character (a pattern, and the Danish with the same ``{}``).
_TOML_PATTERNS_DA: Final = (
    (re.compile(r"Cannot declare (.+) twice"), "{} kan ikke erklæres to gange"),
    (re.compile(r"Cannot mutate immutable namespace (.+)"), "navnerummet {} kan ikke ændres"),
    (re.compile(r"Cannot redefine namespace (.+)"), "navnerummet {} kan ikke defineres igen"),
    (re.compile(r"Duplicate inline table key (.+)"), "gentaget nøgle {} i en inline-tabel"),
    (re.compile(r"Found invalid character (.+)"), "fandt et ugyldigt tegn {}"),
    (re.compile(r"Illegal character (.+)"), "ulovligt tegn {}"),
    (re.compile(r"Expected (.+)"), "forventede {}"),
)
#: Where tomllib found the problem: `` (at line 3, column 7)`` or `` (at end of document)``.
_TOML_WHERE: Final = re.compile(r"(.*) \(at (?:line (\d+), column (\d+)|(end of document))\)", re.DOTALL)


def _toml_detail(english: str) -> Param:
    """
    Say what tomllib found wrong, in Danish where its words are known, else as it says it.

    A message that quotes something like a CPR number (a key, say) is withheld, its place kept.
    """
    found = _TOML_WHERE.fullmatch(english)
    if found is None:
        return (_WITHHELD_DA, _WITHHELD_EN) if looks_like_cpr(english) else english
    problem, line, column, end = found.groups()
    where_da = "ved dokumentets slutning" if end else f"i linje {line}, kolonne {column}"
    where_en = "end of document" if end else f"line {line}, column {column}"
    if looks_like_cpr(problem):
        return f"{_WITHHELD_DA} ({where_da})", f"{_WITHHELD_EN} (at {where_en})"
    danish = _TOML_MESSAGES_DA.get(problem)
    if danish is None:
        named = ((pattern.fullmatch(problem), template) for pattern, template in _TOML_PATTERNS_DA)
        danish = next((template.format(match[1]) for match, template in named if match is not None), problem)
    return f"{danish} ({where_da})", english


_WITHHELD_DA, _WITHHELD_EN = FIELD_MESSAGES.templates["value.withheld"]


def _resolve(profile: Profile | str | Path | Mapping[str, Any]) -> Profile:
    """Return the profile a check was given, reading it if it is not a :class:`Profile` yet."""
    return profile if isinstance(profile, Profile) else load_profile(profile)
