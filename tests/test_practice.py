"""
Tests for ``mentorrules.practice``: municipal practice profiles and the checks they drive.

Practice is data, not law: the Assens leaflet is a bundled profile, and a second
small profile written here (Jobcenter Solby, with other tasks, another home-visit
condition and no complaint guidance) shows that nothing is hard-wired to Assens.
Every practice finding cites its source as ``municipal_practice``, never as law.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import json
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from mentorrules import Agreement, CaseError, LegalReference, ProfileError, ReferenceKind, Verdict
from mentorrules.cli.practice import add_practice_parser, practice_command
from mentorrules.model.generated import codec
from mentorrules.practice import (
    PROFILE_FORMAT,
    RESULT_SCHEMA,
    DisclosureKind,
    HomeVisit,
    HomeVisitRules,
    MeetingLocation,
    MeetingRules,
    PracticeResult,
    Profile,
    RuleItem,
    TaskCategory,
    TaskSuggestion,
    bundled_profiles,
    check_agreement_practice,
    check_disclosure,
    check_home_visit,
    classify_task,
    general_rules_html,
    general_rules_text,
    load_profile,
    profile_html,
    profile_text,
)


ASSENS_CONDITIONS = ("no_smoking", "pets_under_control", "no_threatening_guests", "no_threatening_behaviour")
MENTOR_TASKS = (
    "mentor.development_opportunities",
    "mentor.stability_structure",
    "mentor.barriers",
    "mentor.professional_contact",
    "mentor.resources_competences",
    "mentor.trust_motivation",
    "mentor.personal_network",
    "mentor.manageable_steps",
    "mentor.realistic_expectations",
)
AFTERCARE_TASKS = ("aftercare.tools", "aftercare.transition", "aftercare.job_match", "aftercare.conversation_partner")


def all_met(location: MeetingLocation | None = MeetingLocation.HOME) -> HomeVisit:
    """Return a meeting at ``location`` with every Assens condition met."""
    return HomeVisit(
        location=location,
        no_smoking=True,
        pets_under_control=True,
        no_threatening_guests=True,
        no_threatening_behaviour=True,
    )


#: A second, small profile: other tasks, one custom home-visit condition, a single
#: usual place, no complaint guidance, no reporting duty, no consent rule.
SOLBY_TOML = """
format = "mentorrules.profile/1"
id = "solby"
name = "Jobcenter Solby"
version = "2026-1"
require_complaint_guidance = false

[source]
title = "Mentor i Solby"
publisher = "Jobcenter Solby"
kind = "hjemmeside"
url = "https://www.solby.example/mentor"

[[task_groups]]
id = "job"
label_da = "Jobsøgning"
label_en = "Job search"
section = "Det kan mentor hjælpe med"

[[tasks]]
id = "job.applications"
group = "job"
label_da = "Ansøgninger og CV"
label_en = "Applications and CV"
keywords = ["ansøgning", "cv", "application"]

[[tasks]]
id = "job.interview"
group = "job"
label_da = "Forberedelse til jobsamtale"
label_en = "Preparing for a job interview"
keywords = ["jobsamtale", "interview"]

[meetings]
section = "Møder"
usual_places = ["job_centre"]
text_da = "Vi mødes på jobcentret."
text_en = "We meet at the job centre."

[home_visit]
section = "Møder"
text_da = "Mentor kan komme på hjemmebesøg."
text_en = "The mentor can visit you at home."

[[home_visit.conditions]]
id = "no_alcohol"
text_da = "Der drikkes ikke alkohol under besøget."
text_en = "No alcohol is drunk during the visit."

[general_rules]
section = "Aftaler"

[[general_rules.items]]
id = "cancel"
text_da = "Meld afbud senest dagen før."
text_en = "Cancel no later than the day before."

[disclosure]
section = "Tavshedspligt"

[disclosure.goal_evaluation]
text_da = "Mentor fortæller din rådgiver, hvordan det går med dine mål."
text_en = "The mentor tells your adviser how your goals are going."

[disclosure.other]
inform_first = false
consent_may_be_required = false
text_da = "Andre oplysninger giver mentor videre efter aftale."
text_en = "The mentor passes on other information as agreed."
"""


@pytest.fixture(scope="module")
def assens() -> Profile:
    """The bundled Assens profile."""
    return load_profile("assens")


@pytest.fixture
def solby_path(tmp_path: Path) -> Path:
    """The second profile, written to a file."""
    path = tmp_path / "solby.toml"
    path.write_text(SOLBY_TOML, encoding="utf-8")
    return path


@pytest.fixture
def solby(solby_path: Path) -> Profile:
    """The second profile, loaded from its file."""
    return load_profile(solby_path)


def assens_dict() -> dict[str, Any]:
    """Return a fresh, mutable copy of the Assens profile as a mapping."""
    return copy.deepcopy(load_profile("assens").to_dict())


def errors_of(source: Any) -> dict[str, str]:
    """Load a profile that must fail; return its errors as {path: message}."""
    with pytest.raises(ProfileError) as info:
        load_profile(source)
    return {error.path: error.message for error in info.value.errors}


def assert_practice_reference(reference: LegalReference, section: str | None) -> None:
    """Check that a reference cites the leaflet as municipal practice, never as law."""
    assert reference.kind is ReferenceKind.MUNICIPAL_PRACTICE
    expected = "Jobcenter Assens, Beskæftigelsesmentor"
    if section is not None:
        expected += f", afsnittet »{section}«"
    assert reference.citation == expected
    assert "not law" in (reference.note or "")


def assert_worded(result: PracticeResult) -> None:
    """Check that every finding speaks Danish and English, differently, and cites its source."""
    for finding in result.findings:
        da, en = finding.message("da"), finding.message("en")
        assert da != en
        for text in (da, en):
            assert text
            assert finding.references[0].citation in text
            assert not re.search(r"\{[^{}]*\}", text)
        assert all(r.kind is ReferenceKind.MUNICIPAL_PRACTICE for r in finding.references)


# --- loading ----------------------------------------------------------------------


class TestLoadProfile:
    """Tests for ``load_profile`` and ``bundled_profiles``."""

    def test_bundled_names(self) -> None:
        """Assens is bundled, and the TOML file is package data (it ships in the wheel)."""
        assert bundled_profiles() == ("assens",)
        resource = resources.files("mentorrules").joinpath("profiles").joinpath("assens.toml")
        assert resource.is_file()
        assert tomllib.loads(resource.read_text(encoding="utf-8"))["format"] == PROFILE_FORMAT

    def test_assens_encodes_the_leaflet(self, assens: Profile) -> None:
        """The source, the catalogue, the rules and the complaint-guidance practice come from the leaflet."""
        assert (assens.id, assens.name, assens.version, assens.format) == (
            "assens",
            "Jobcenter Assens",
            "1",
            PROFILE_FORMAT,
        )
        assert (assens.source.title, assens.source.publisher, assens.source.kind, assens.source.url) == (
            "Beskæftigelsesmentor",
            "Jobcenter Assens",
            "pjece",
            None,
        )
        assert assens.require_complaint_guidance is True
        assert tuple(t.id for t in assens.tasks) == MENTOR_TASKS + AFTERCARE_TASKS
        assert tuple(g.id for g in assens.task_groups) == ("mentor", "aftercare")
        assert all(t.group == t.id.partition(".")[0] for t in assens.tasks)
        assert all(t.label_da and t.label_en and t.keywords and t.text_da and t.text_en for t in assens.tasks)
        assert assens.meetings.usual_places == (
            MeetingLocation.JOB_CENTRE,
            MeetingLocation.WORKPLACE,
            MeetingLocation.EDUCATION,
        )
        assert assens.home_visit.allowed is True
        assert tuple(c.id for c in assens.home_visit.conditions) == ASSENS_CONDITIONS
        assert tuple(i.id for i in assens.general_rules.items) == (
            "contact_data",
            "attend_meetings",
            "cancel",
            "working_hours",
            "confidentiality",
        )
        assert "sikker mail" in assens.general_rules.items[0].text_da
        assert "mobilnummer" in assens.general_rules.items[0].text_da
        assert assens.disclosure.law_violation is not None
        assert "skærpet indberetningspligt" in assens.disclosure.law_violation.text_da
        assert assens.disclosure.other.inform_first
        assert assens.disclosure.other.consent_may_be_required
        assert assens.complaint_guidance is not None
        assert assens.complaint_guidance.section == "Før du får en mentor"
        assert assens.group("aftercare").label_en == "Aftercare"
        with pytest.raises(KeyError):
            assens.group("nope")

    def test_reference_cites_the_leaflet_as_practice(self, assens: Profile) -> None:
        """A reference names the leaflet by title and section, as municipal practice, without an address."""
        reference = assens.reference("Sikkerhedsregler")
        assert_practice_reference(reference, "Sikkerhedsregler")
        assert reference.url == ""
        assert reference.to_dict()["kind"] == "municipal_practice"
        assert_practice_reference(assens.reference(), None)

    def test_sources_agree(self, assens: Profile, solby_path: Path, solby: Profile) -> None:
        """A name, a Path, a string path and a mapping give equal profiles; to_dict round-trips."""
        assert load_profile(assens.to_dict()) == assens
        assert load_profile(str(solby_path)) == solby
        assert load_profile(tomllib.loads(SOLBY_TOML)) == solby
        assert load_profile(solby.to_dict()) == solby
        assert solby.to_dict()["source"]["url"] == "https://www.solby.example/mentor"

    def test_bare_name_that_is_a_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bare string that is not a bundled name but an existing file is read as a file."""
        (tmp_path / "solby").write_text(SOLBY_TOML, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert load_profile("solby").id == "solby"

    def test_unknown_bundled_name(self) -> None:
        """An unknown bundled name is a document error, with a suggestion when one is close."""
        assert errors_of("Assens") == {
            "": "unknown bundled profile 'Assens'; did you mean 'assens'? the bundled profiles are assens "
            "(give a file path for a profile of your own)"
        }
        message = errors_of("kolding")[""]
        assert "did you mean" not in message
        assert "the bundled profiles are assens" in message

    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A missing file or a directory is a document error."""
        assert errors_of(str(tmp_path / "missing.toml"))[""].startswith("cannot read ")
        assert errors_of(tmp_path)[""].startswith("cannot read ")

    def test_invalid_toml(self, tmp_path: Path) -> None:
        """Invalid TOML is a document error that says where."""
        path = tmp_path / "bad.toml"
        path.write_text('format = "mentorrules.profile/1"\nid = \n', encoding="utf-8")
        message = errors_of(path)[""]
        assert message.startswith(f"invalid TOML in {path}: ")
        assert "line 2" in message

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is a document error."""
        path = tmp_path / "latin1.toml"
        path.write_bytes('name = "Jobcenter Tønder"\n'.encode("latin-1"))
        assert "is not UTF-8" in errors_of(path)[""]

    def test_bom_is_ignored(self, tmp_path: Path, solby: Profile) -> None:
        """A UTF-8 byte-order mark does not matter."""
        path = tmp_path / "bom.toml"
        path.write_bytes(SOLBY_TOML.encode("utf-8-sig"))
        assert load_profile(path) == solby

    def test_wrong_source_type(self) -> None:
        """A source that is neither a name, a path nor a mapping is a TypeError."""
        with pytest.raises(TypeError, match="not int"):
            load_profile(3)  # type: ignore[arg-type]


class TestMalformedProfile:
    """``load_profile`` reports every bad field at once, by path."""

    def test_many_bad_fields_at_once(self) -> None:
        """Missing, unknown, wrongly typed, empty, malformed and duplicate fields are all reported together."""
        data = assens_dict()
        del data["name"]
        data["version"] = 1
        data["zzz"] = "blue"
        data["source"]["kind"] = ""
        data["source"]["titel"] = "x"
        data["tasks"][3]["label_en"] = 7
        data["tasks"][4]["id"] = "mentor.barriers"
        data["tasks"][5]["group"] = "mentr"
        data["tasks"][6]["lable_da"] = data["tasks"][6].pop("label_da")
        data["home_visit"]["conditions"][1]["id"] = "no_smoking"
        data["home_visit"]["allowed"] = "yes"
        data["general_rules"]["items"][2]["id"] = "Cancel!"
        del data["meetings"]["section"]
        data["meetings"]["usual_places"] = ["job_centre", "kitchen", "job_centre", 3]
        data["disclosure"]["other"]["inform_first"] = 1
        places = "'job_centre', 'workplace', 'education', 'home', 'other'"
        errors = errors_of(data)
        assert errors == {
            "zzz": "unknown key; the keys of Profile are format, id, name, version, source, "
            "require_complaint_guidance, task_groups, tasks, meetings, home_visit, general_rules, disclosure, "
            "complaint_guidance",
            "name": "is required",
            "version": "must be a string, not integer",
            "source.titel": "unknown key; did you mean 'title'?",
            "source.kind": "must not be empty",
            "tasks[3].label_en": "must be a string, not integer",
            "tasks[6].lable_da": "unknown key; did you mean 'label_da'?",
            "tasks[6].label_da": "is required",
            "meetings.section": "is required",
            "meetings.usual_places[1]": f"unknown value 'kitchen'; allowed values: {places}",
            "meetings.usual_places[2]": "occurs twice: 'job_centre'",
            "meetings.usual_places[3]": f"must be a string, one of {places}; not integer",
            "home_visit.allowed": "must be a boolean, not string",
            "home_visit.conditions[1].id": "duplicate id 'no_smoking'; already used at conditions[0].id",
            "general_rules.items[2].id": "is not a valid id: 'Cancel!' (lower-case letters, digits and '_')",
            "disclosure.other.inform_first": "must be a boolean, not integer",
        }
        # The checks between the tasks (unique ids, declared groups) are made on tasks that are valid on their own.
        data["tasks"][3]["label_en"] = "Contact"
        data["tasks"][6]["label_da"] = data["tasks"][6].pop("lable_da")
        assert {path: message for path, message in errors_of(data).items() if path.startswith("tasks")} == {
            "tasks[4].id": "duplicate id 'mentor.barriers'; already used at tasks[2].id",
            "tasks[5].group": "unknown group 'mentr'; did you mean 'mentor'?",
        }

    def test_error_message_lists_every_path(self) -> None:
        """The exception's text names every bad path, and ``paths`` lists them in order."""
        data = assens_dict()
        data["tasks"][3]["label_en"] = ""
        data["home_visit"]["conditions"][1]["id"] = "1st"
        with pytest.raises(CaseError) as info:  # a ProfileError is a CaseError
            load_profile(data)
        assert type(info.value) is ProfileError
        assert info.value.paths == ("tasks[3].label_en", "home_visit.conditions[1].id")
        assert str(info.value).startswith("2 bad fields: tasks[3].label_en: must not be empty; ")
        assert info.value.to_dict()["type"] == "CaseError"

    @pytest.mark.parametrize(
        ("fmt", "message"),
        [
            (None, "is required: 'mentorrules.profile/1'"),
            (1, "must be a string, not integer"),
            (
                "mentorrules.profile/2",
                "unsupported format version 'mentorrules.profile/2'; this library reads 'mentorrules.profile/1'",
            ),
            ("profile", "must be 'mentorrules.profile/1', not 'profile'"),
        ],
    )
    def test_format(self, fmt: object, message: str) -> None:
        """The format key is required and must be this library's format."""
        data = assens_dict()
        data["format"] = fmt
        assert errors_of(data) == {"format": message}

    @pytest.mark.parametrize(
        ("key", "value", "message"),
        [
            ("version", datetime.date(2024, 1, 1), "must be a string, not date"),
            ("version", datetime.datetime(2024, 1, 1, 8, 0), "must be a string, not datetime"),
            ("version", datetime.time(8, 0), "must be a string, not time"),
            ("version", 1.5, "must be a string, not float"),
            ("version", True, "must be a string, not boolean"),
            ("version", ["1"], "must be a string, not array"),
            ("version", {"v": 1}, "must be a string, not table"),
            ("version", object(), "must be a string, not object"),
            ("id", "Assens", "is not a valid id: 'Assens' (lower-case letters, digits and '_', '-')"),
            ("source", "leaflet", "must be a table, not string"),
            ("tasks", {"id": "x"}, "must be an array, not table"),
            ("task_groups", None, "is required and must not be null"),
            ("meetings", None, "is required and must not be null"),
            ("home_visit", [], "must be a table, not array"),
            ("general_rules", None, "is required and must not be null"),
            ("disclosure", None, "is required and must not be null"),
            ("require_complaint_guidance", "yes", "must be a boolean, not string"),
        ],
    )
    def test_wrong_types(self, key: str, value: object, message: str) -> None:
        """Each kind of value is named as TOML names it."""
        data = assens_dict()
        data[key] = value
        errors = errors_of(data)
        assert errors[key] == message

    def test_dates_from_toml(self, tmp_path: Path) -> None:
        """TOML dates and times are wrong types for texts, reported by path."""
        text = SOLBY_TOML.replace('version = "2026-1"', "version = 2026-01-01").replace(
            'name = "Jobcenter Solby"', "name = 07:30:00"
        )
        path = tmp_path / "dated.toml"
        path.write_text(text, encoding="utf-8")
        assert errors_of(path) == {"name": "must be a string, not time", "version": "must be a string, not date"}

    def test_top_level_non_string_key(self) -> None:
        """A key that is not a string is reported by its text."""
        data: dict[Any, Any] = assens_dict()
        data[1] = "x"
        assert list(errors_of(data)) == ["1"]

    def test_tasks_and_groups(self) -> None:
        """Group and task entries: tables, ids, types, keywords."""
        data = assens_dict()
        data["task_groups"].append("aftercare")
        data["task_groups"][1]["section"] = 5
        data["tasks"][0]["id"] = "Mentor.X"
        data["tasks"][1]["keywords"] = []
        data["tasks"][2]["keywords"] = ["barrier", 4]
        data["tasks"][3]["keywords"] = "fagperson"
        del data["tasks"][4]["keywords"]
        data["tasks"][5]["text_da"] = 1
        data["tasks"].append("task")
        errors = errors_of(data)
        assert errors == {
            "task_groups[1].section": "must be a string, not integer",
            "task_groups[2]": "must be a table, not string",
            "tasks[0].id": "is not a valid id: 'Mentor.X' (lower-case letters, digits and '_', parts joined by '.')",
            "tasks[1].keywords": "must not be empty",
            "tasks[2].keywords[1]": "must be a string, not integer",
            "tasks[3].keywords": "must be an array, not string",
            "tasks[4].keywords": "is required",
            "tasks[5].text_da": "must be a string, not integer",
            "tasks[13]": "must be a table, not string",
        }

    def test_duplicate_group_and_keywords(self) -> None:
        """A repeated group id; keywords without a letter, repeated once normalised, or overlapping."""
        data = assens_dict()
        data["task_groups"].append(dict(data["task_groups"][0]))
        data["tasks"][2]["keywords"] = ["barrier", "!!!", "BARRIER", "barrierer", "obst", "obstacle"]
        overlap = (
            ": a text that matches the longer one also matches the shorter, and would count twice; keep one of them"
        )
        assert errors_of(data) == {
            "task_groups[2].id": "duplicate id 'mentor'; already used at task_groups[0].id",
            "tasks[2].keywords[1]": "must contain a letter or a digit: '!!!'",
            "tasks[2].keywords[2]": "duplicate keyword 'BARRIER'; the same as keywords[0] ('barrier') once normalised",
            "tasks[2].keywords[3]": "keyword 'barrierer' overlaps keywords[0] ('barrier')" + overlap,
            "tasks[2].keywords[5]": "keyword 'obstacle' overlaps keywords[4] ('obst')" + overlap,
        }

    def test_multiword_keyword_overlap(self) -> None:
        """A one-word keyword overlaps a keyword of several words that contains a word it starts."""
        data = assens_dict()
        data["tasks"][0]["keywords"] = ["first time", "tim"]
        assert list(errors_of(data)) == ["tasks[0].keywords[1]"]

    def test_unknown_group_without_groups(self) -> None:
        """With no groups declared, an unknown group says there are none."""
        data = assens_dict()
        data["task_groups"] = []
        errors = errors_of(data)
        assert errors["tasks[0].group"] == "unknown group 'mentor'; the groups are none"
        assert len(errors) == len(data["tasks"])

    def test_unknown_group_without_a_close_match(self) -> None:
        """An unknown group far from every declared one lists the groups."""
        data = assens_dict()
        data["tasks"][0]["group"] = "xyz"
        assert errors_of(data) == {"tasks[0].group": "unknown group 'xyz'; the groups are mentor, aftercare"}

    def test_sections_and_texts(self) -> None:
        """Sub-tables: missing texts, bad items, an empty usual-places list, a bad source."""
        data = assens_dict()
        del data["source"]["title"]
        data["source"]["url"] = 5
        data["meetings"]["usual_places"] = []
        del data["meetings"]["text_en"]
        data["home_visit"]["conditions"] = "none"
        del data["home_visit"]["section"]
        data["general_rules"]["items"].append(3)
        data["general_rules"]["items"][0]["text_en"] = " "
        del data["general_rules"]["section"]
        errors = errors_of(data)
        assert errors == {
            "source.title": "is required",
            "source.url": "must be a string, not integer",
            "meetings.usual_places": "must not be empty",
            "meetings.text_en": "is required",
            "home_visit.section": "is required",
            "home_visit.conditions": "must be an array, not string",
            "general_rules.section": "is required",
            "general_rules.items[0].text_en": "must not be empty",
            "general_rules.items[5]": "must be a table, not integer",
        }

    def test_disclosure(self) -> None:
        """The disclosure table: required parts, bad types, an optional reporting duty."""
        data = assens_dict()
        del data["disclosure"]["goal_evaluation"]["text_en"]
        data["disclosure"]["other"] = "always"
        data["disclosure"]["law_violation"] = {"text_da": "x"}
        del data["disclosure"]["section"]
        assert errors_of(data) == {
            "disclosure.section": "is required",
            "disclosure.goal_evaluation.text_en": "is required",
            "disclosure.other": "must be a table, not string",
            "disclosure.law_violation.text_en": "is required",
        }
        data = assens_dict()
        del data["disclosure"]["goal_evaluation"]
        del data["disclosure"]["other"]["text_da"]
        assert errors_of(data) == {
            "disclosure.goal_evaluation": "is required",
            "disclosure.other.text_da": "is required",
        }

    def test_complaint_guidance(self) -> None:
        """The complaint-guidance table is required when the profile requires the practice."""
        data = assens_dict()
        del data["complaint_guidance"]
        assert errors_of(data) == {
            "complaint_guidance": "is required when require_complaint_guidance is true (it gives the section to cite)"
        }
        data["complaint_guidance"] = {"section": "", "text_da": "x", "text_en": "y", "txt": "z"}
        assert errors_of(data) == {
            "complaint_guidance.txt": "unknown key; did you mean 'text_en'?",
            "complaint_guidance.section": "must not be empty",
        }
        data["require_complaint_guidance"] = False
        del data["complaint_guidance"]
        assert load_profile(data).complaint_guidance is None


class TestDescribedProfile:
    """The profile is a described document: its classes check themselves, and its codec is generated."""

    def test_parts_built_in_python_are_checked(self, assens: Profile) -> None:
        """Building a part with a bad value raises a ProfileError naming it, as reading one does."""
        with pytest.raises(ProfileError) as info:
            MeetingRules(
                section=" ",
                usual_places=(MeetingLocation.HOME, MeetingLocation.HOME),
                text_da="x",
                text_en="y",
            )
        assert [(e.path, e.message) for e in info.value.errors] == [
            ("section", "must not be empty"),
            ("usual_places", "item 1 occurs twice: 'home'"),
        ]
        with pytest.raises(ProfileError, match=r"keywords\[1\]: keyword 'ab' overlaps keywords\[0\]"):
            TaskCategory(id="x.y", group="x", label_da="x", label_en="y", keywords=("abc", "ab"))
        with pytest.raises(ProfileError, match=r"^1 bad field: conditions\[1\].id: duplicate id 'a'"):
            HomeVisitRules(
                section="s",
                text_da="x",
                text_en="y",
                conditions=(RuleItem(id="a", text_da="x", text_en="y"),) * 2,
            )
        with pytest.raises(ProfileError, match=r"^1 bad field: complaint_guidance: is required when"):
            attrs.evolve(assens, complaint_guidance=None)
        with pytest.raises(ProfileError, match=re.escape("format: must be 'mentorrules.profile/1', not 'profile'")):
            attrs.evolve(assens, format="profile")
        assert attrs.evolve(assens, require_complaint_guidance=False, complaint_guidance=None).format == PROFILE_FORMAT

    def test_to_dict_is_the_toml_document(self, solby: Profile) -> None:
        """The dumper writes the fields in attribute order and leaves absent values out, as TOML has no null."""
        document = solby.to_dict()
        assert list(document) == [field.name for field in attrs.fields(Profile)][:-1]  # no complaint guidance
        assert "text_da" not in document["tasks"][0]
        assert "law_violation" not in document["disclosure"]
        assert document["meetings"] == {
            "text_da": "Vi mødes på jobcentret.",
            "text_en": "We meet at the job centre.",
            "section": "Møder",
            "usual_places": ["job_centre"],
        }
        assert load_profile(document) == solby

    def test_the_schema_describes_the_bundled_profile(self, assens: Profile) -> None:
        """The JSON Schema generated from the description accepts the bundled profile and refuses a bad one."""
        schema = codec(Profile).schema(schema_id="https://example.org/profile.json", title="profile", description="x")
        validator = jsonschema.Draft202012Validator(schema)
        document = assens.to_dict()
        validator.validate(document)
        assert not validator.is_valid({**document, "id": "Assens"})
        assert not validator.is_valid({**document, "meetings": {**document["meetings"], "usual_places": ["kitchen"]}})

    def test_no_free_text(self, assens: Profile) -> None:
        """A profile holds no personal data: none of its texts is free text for the privacy scan."""
        assert codec(Profile).strings(assens) == []
        assert list(codec(Profile).texts(assens)) == []


# --- task classification ---------------------------------------------------------


class TestClassifyTask:
    """Tests for ``classify_task``: explainable keyword suggestions, never certain."""

    @pytest.mark.parametrize("lang", ["da", "en"])
    @pytest.mark.parametrize("task_id", MENTOR_TASKS + AFTERCARE_TASKS)
    def test_leaflet_wording_suggests_its_category_first(self, assens: Profile, task_id: str, lang: str) -> None:
        """Each task's own leaflet wording (and its translation) ranks its category first, strictly."""
        task = next(t for t in assens.tasks if t.id == task_id)
        text = task.text_da if lang == "da" else task.text_en
        assert text is not None
        suggestions = classify_task(text, profile=assens)
        assert suggestions[0].category == task_id
        assert len(suggestions) == 1 or suggestions[1].score < suggestions[0].score

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("at styrke stabilitet og struktur i din hverdag", "mentor.stability_structure"),
            ("at bruge og udvide dit personlige netværk", "mentor.personal_network"),
            ("at få delt vejen til dit mål op i håndterbare skridt", "mentor.manageable_steps"),
            ("at støtte dig i kontakten til andre relevante fagpersoner", "mentor.professional_contact"),
            ("optimere din overgang til praksis i enten virksomhedspraktik eller job", "aftercare.transition"),
            (
                "et godt match imellem dine kompetencer, dine evt. skånehensyn og et konkret arbejde",
                "aftercare.job_match",
            ),
            ("mentor som samtalepartner i den første tid i job", "aftercare.conversation_partner"),
            ("Help the citizen keep a daily routine", "mentor.stability_structure"),
            ("Go with her to the doctor", "mentor.professional_contact"),
        ],
    )
    def test_leaflet_phrases(self, assens: Profile, text: str, expected: str) -> None:
        """Phrases from the leaflet, and plain English, are suggested their category first."""
        assert classify_task(text, profile=assens)[0].category == expected

    @pytest.mark.parametrize(
        "text",
        [
            "Kommunen asfalterer vejen ved rådhuset i næste uge.",
            "The council will resurface the road next week.",
            "",
            "   ",
            "12345",
        ],
    )
    def test_unrelated_text_gives_no_suggestion(self, assens: Profile, text: str) -> None:
        """Text without a catalogue keyword gives no suggestion at all."""
        assert classify_task(text, profile=assens) == ()

    def test_suggestion_content(self, assens: Profile) -> None:
        """A suggestion carries the id, the labels, the matched keywords, the score and a note."""
        (suggestion,) = classify_task("Motivation og tillid", profile=assens)
        assert suggestion == TaskSuggestion(
            category="mentor.trust_motivation",
            group="mentor",
            label_da="Tillid og motivation",
            label_en="Trust and motivation",
            matched=("tillid", "motiv"),
            score=2,
        )
        assert suggestion.label("en") == "Trust and motivation"
        assert suggestion.note("da") == (
            "Forslag ud fra nøgleord i teksten (tillid, motiv), ikke en afgørelse: sagsbehandleren vælger kategorien."
        )
        assert "suggestion" in suggestion.note("en")
        assert "not a decision" in suggestion.note("en")
        assert suggestion.to_dict() == {
            "category": "mentor.trust_motivation",
            "group": "mentor",
            "label": {"da": "Tillid og motivation", "en": "Trust and motivation"},
            "matched": ["tillid", "motiv"],
            "score": 2,
            "note": {"da": suggestion.note("da"), "en": suggestion.note("en")},
        }
        json.dumps(suggestion.to_dict())

    def test_sorted_by_score_then_id(self, assens: Profile) -> None:
        """Higher scores first; equal scores by category id."""
        suggestions = classify_task("netværk, tillid og struktur i hverdagen", profile=assens)
        assert [(s.category, s.score) for s in suggestions] == [
            ("mentor.stability_structure", 2),
            ("mentor.personal_network", 1),
            ("mentor.trust_motivation", 1),
        ]

    def test_case_and_unicode_normalisation(self, assens: Profile) -> None:
        """Case, decomposed letters and full-width forms do not matter."""
        decomposed = "ha\u030andterbare skridt"
        assert decomposed != "håndterbare skridt"
        assert classify_task(decomposed, profile=assens)[0].matched == ("håndterbar", "skridt")
        assert classify_task("ＳＴＲＵＫＴＵＲ", profile=assens)[0].category == "mentor.stability_structure"
        assert classify_task("NETVÆRK", profile=assens)[0].category == "mentor.personal_network"

    def test_stems_match_at_the_start_of_a_word(self, assens: Profile) -> None:
        """A stem matches a word that starts with it, not one that merely contains it."""
        assert classify_task("motiveret", profile=assens)[0].matched == ("motiv",)
        assert classify_task("demotiveret", profile=assens) == ()

    def test_keywords_of_several_words_match_in_a_row(self, assens: Profile) -> None:
        """'kontakten til' matches those words in a row only."""
        assert classify_task("kontakten til kommunen", profile=assens)[0].matched == ("kontakten til",)
        assert classify_task("til kontakten", profile=assens) == ()

    def test_profile_by_name(self) -> None:
        """The profile may be given by name."""
        assert classify_task("struktur", profile="assens")[0].category == "mentor.stability_structure"

    def test_text_must_be_a_string(self, assens: Profile) -> None:
        """A non-string text is a TypeError."""
        with pytest.raises(TypeError, match="text must be a string"):
            classify_task(None, profile=assens)  # type: ignore[arg-type]

    @pytest.mark.parametrize("call", ["label", "note"])
    def test_bad_lang(self, assens: Profile, call: str) -> None:
        """Only Danish and English."""
        (suggestion,) = classify_task("netværk", profile=assens)
        with pytest.raises(ValueError, match="lang must be"):
            getattr(suggestion, call)("de")
        with pytest.raises(ValueError, match="lang must be"):
            assens.tasks[0].label("de")


# --- home visits -----------------------------------------------------------------


def verdicts(result: PracticeResult) -> dict[str, Verdict]:
    """Return {rule: verdict} of a result."""
    return {f.rule: f.verdict for f in result.findings}


class TestHomeVisit:
    """Tests for ``check_home_visit``."""

    @pytest.mark.parametrize(
        "location", [MeetingLocation.JOB_CENTRE, MeetingLocation.WORKPLACE, MeetingLocation.EDUCATION]
    )
    def test_usual_place(self, assens: Profile, location: MeetingLocation) -> None:
        """At a usual place the meeting is fine and no home-visit condition applies."""
        result = check_home_visit(HomeVisit(location=location, no_smoking=False), profile=assens)
        assert result.verdict is Verdict.MET
        assert verdicts(result) == {
            "practice.meeting.place": Verdict.MET,
            **{f"practice.home_visit.{c}": Verdict.NOT_APPLICABLE for c in ASSENS_CONDITIONS},
        }
        assert result.unmet == ()
        assert "sædvanlige mødesteder" in result.findings[0].message("da")
        assert_worded(result)

    def test_home_with_every_condition(self, assens: Profile) -> None:
        """A home visit with every condition met is met; the place finding says it is the exception."""
        result = check_home_visit(all_met(), profile=assens)
        assert result.verdict is Verdict.MET
        assert set(verdicts(result).values()) == {Verdict.MET}
        assert "exception" in result.findings[0].message("en")
        assert_worded(result)

    @pytest.mark.parametrize("condition", ASSENS_CONDITIONS)
    def test_each_condition_unmet(self, assens: Profile, condition: str) -> None:
        """Each condition on its own makes the visit not met, and is listed as unmet."""
        changes: dict[str, Any] = {condition: False}
        result = check_home_visit(attrs.evolve(all_met(), **changes), profile=assens)
        assert result.verdict is Verdict.NOT_MET
        assert [f.rule for f in result.unmet] == [f"practice.home_visit.{condition}"]
        (finding,) = result.unmet
        assert finding.subject == condition
        assert finding.facts == {"location": "home", condition: False}
        assert "ikke opfyldt" in finding.message("da")
        assert "på jobcentret" in finding.message("da")
        assert_practice_reference(finding.references[0], "Sikkerhedsregler")
        assert_worded(result)

    def test_unknown_condition(self, assens: Profile) -> None:
        """An unknown condition is missing facts; unmet ones still win the aggregate."""
        result = check_home_visit(HomeVisit(location=MeetingLocation.HOME, no_smoking=True), profile=assens)
        assert result.verdict is Verdict.MISSING_FACTS
        assert verdicts(result)["practice.home_visit.pets_under_control"] is Verdict.MISSING_FACTS
        result = check_home_visit(
            HomeVisit(location=MeetingLocation.HOME, no_smoking=True, pets_under_control=False), profile=assens
        )
        assert result.verdict is Verdict.NOT_MET
        assert [f.rule for f in result.unmet] == ["practice.home_visit.pets_under_control"]

    def test_unknown_place(self, assens: Profile) -> None:
        """Without a place nothing can be told: every finding is missing facts."""
        result = check_home_visit(all_met(None), profile=assens)
        assert result.verdict is Verdict.MISSING_FACTS
        assert set(verdicts(result).values()) == {Verdict.MISSING_FACTS}
        assert result.findings[0].facts == {"location": None}
        assert_worded(result)

    def test_other_place(self, assens: Profile) -> None:
        """Another place needs the caseworker's assessment; the home-visit conditions do not apply."""
        result = check_home_visit(HomeVisit(location=MeetingLocation.OTHER), profile=assens)
        assert result.verdict is Verdict.NEEDS_ASSESSMENT
        assert verdicts(result)["practice.meeting.place"] is Verdict.NEEDS_ASSESSMENT
        assert "caseworker assesses" in result.findings[0].message("en")
        assert_worded(result)

    def test_home_visits_not_allowed(self) -> None:
        """A profile without home visits: the home is not met, and the conditions are not tested."""
        data = assens_dict()
        data["home_visit"]["allowed"] = False
        profile = load_profile(data)
        result = check_home_visit(all_met(), profile=profile)
        assert result.verdict is Verdict.NOT_MET
        assert verdicts(result) == {
            "practice.meeting.place": Verdict.NOT_MET,
            **{f"practice.home_visit.{c}": Verdict.NOT_APPLICABLE for c in ASSENS_CONDITIONS},
        }
        assert_worded(result)

    def test_result_record(self, assens: Profile) -> None:
        """``to_dict`` is JSON-ready and says it is practice, not law; ``explain`` lists every finding."""
        result = check_home_visit(HomeVisit(location=MeetingLocation.HOME, no_smoking=False), profile=assens)
        record = result.to_dict()
        assert record["schema"] == RESULT_SCHEMA
        assert record["check"] == "home_visit"
        assert record["profile"] == {"id": "assens", "name": "Jobcenter Assens", "version": "1"}
        assert record["verdict"] == "not_met"
        assert record["unmet"] == ["practice.home_visit.no_smoking"]
        assert len(record["findings"]) == 5
        assert record["findings"][1]["references"][0]["kind"] == "municipal_practice"
        assert "ikke lov" in record["note"]["da"]
        assert "not law" in record["note"]["en"]
        json.dumps(record, ensure_ascii=False)
        explanation = result.explain("en")
        assert explanation.splitlines()[0] == "home_visit: not met"
        assert explanation.count("\n- practice.") == 5
        assert result.explain().splitlines()[0] == "home_visit: ikke opfyldt"
        with pytest.raises(ValueError, match="lang must be"):
            result.explain("fr")
        with pytest.raises(ValueError, match="lang must be"):
            result.findings[0].message("fr")

    def test_profile_by_name(self) -> None:
        """The profile may be given by name."""
        assert check_home_visit(HomeVisit(location=MeetingLocation.JOB_CENTRE), profile="assens").verdict is Verdict.MET

    def test_visit_type(self, assens: Profile) -> None:
        """Only a HomeVisit is checked."""
        with pytest.raises(TypeError, match="visit must be a HomeVisit"):
            check_home_visit({"location": "home"}, profile=assens)  # type: ignore[arg-type]


class TestHomeVisitFacts:
    """Tests for the ``HomeVisit`` fact class."""

    def test_every_bad_field_at_once(self) -> None:
        """Wrong types and bad condition keys are all reported by path."""
        with pytest.raises(CaseError) as info:
            HomeVisit(
                location="home",  # type: ignore[arg-type]
                no_smoking=1,  # type: ignore[arg-type]
                other={"no_smoking": True, "Bad Key": True, "no_alcohol": "yes", 3: True},  # type: ignore[dict-item]
            )
        assert info.value.paths == (
            "location",
            "no_smoking",
            "other.no_smoking",
            "other.Bad Key",
            "other.no_alcohol",
            "other.3",
        )

    def test_other_must_be_a_mapping(self) -> None:
        """``other`` is a mapping."""
        with pytest.raises(CaseError) as info:
            HomeVisit(other=["no_alcohol"])  # type: ignore[arg-type]
        assert info.value.paths == ("other",)

    def test_facts_and_immutability(self) -> None:
        """Named and other conditions are read by id; ``other`` is frozen; a visit is hashable."""
        given = {"no_alcohol": True}
        visit = HomeVisit(location=MeetingLocation.HOME, no_smoking=False, other=given)
        given["no_alcohol"] = False
        assert visit.fact("no_smoking") is False
        assert visit.fact("no_alcohol") is True
        assert visit.fact("no_weapons") is None
        with pytest.raises(TypeError):
            visit.other["no_alcohol"] = False  # type: ignore[index]
        assert hash(visit) == hash(
            HomeVisit(location=MeetingLocation.HOME, no_smoking=False, other={"no_alcohol": False})
        )
        assert visit == HomeVisit(location=MeetingLocation.HOME, no_smoking=False, other={"no_alcohol": True})


# --- disclosure --------------------------------------------------------------------


class TestDisclosure:
    """Tests for ``check_disclosure``: what may be told, and what must happen first."""

    def test_goal_evaluation(self, assens: Profile) -> None:
        """The evaluation against the agreed goals may be given; the goals must be agreed first."""
        result = check_disclosure(DisclosureKind.GOAL_EVALUATION, profile=assens)
        assert result.check == "disclosure"
        assert verdicts(result) == {"practice.disclosure.goal_evaluation": Verdict.MET}
        assert result.verdict is Verdict.MET
        assert "First, the goals must be agreed" in result.findings[0].message("en")
        assert_practice_reference(result.findings[0].references[0], "Almene regler")
        assert_worded(result)

    @pytest.mark.parametrize(
        ("informed", "consent", "expected", "aggregate"),
        [
            (False, True, (Verdict.NOT_MET, Verdict.MET), Verdict.NOT_MET),
            (False, None, (Verdict.NOT_MET, Verdict.NEEDS_ASSESSMENT), Verdict.NOT_MET),
            (None, True, (Verdict.MISSING_FACTS, Verdict.MET), Verdict.MISSING_FACTS),
            (True, None, (Verdict.MET, Verdict.NEEDS_ASSESSMENT), Verdict.NEEDS_ASSESSMENT),
            (True, False, (Verdict.MET, Verdict.NEEDS_ASSESSMENT), Verdict.NEEDS_ASSESSMENT),
            (True, True, (Verdict.MET, Verdict.MET), Verdict.MET),
        ],
    )
    def test_other_information(
        self,
        assens: Profile,
        informed: bool | None,
        consent: bool | None,
        expected: tuple[Verdict, Verdict],
        aggregate: Verdict,
    ) -> None:
        """Other information: not met until the citizen is informed; consent may be required."""
        result = check_disclosure("other", citizen_informed=informed, consent=consent, profile=assens)
        assert tuple(verdicts(result).items()) == (
            ("practice.disclosure.citizen_informed", expected[0]),
            ("practice.disclosure.consent", expected[1]),
        )
        assert result.verdict is aggregate
        assert result.findings[0].facts == {"kind": "other", "citizen_informed": informed, "consent": consent}
        assert_worded(result)

    def test_what_must_happen_first(self, assens: Profile) -> None:
        """The messages say what must happen first."""
        (informed, _) = check_disclosure("other", citizen_informed=False, profile=assens).findings
        assert "First the citizen must be informed" in informed.message("en")
        assert "Først skal borgeren informeres" in informed.message("da")
        (unknown, consent) = check_disclosure("other", profile=assens).findings
        assert "First the citizen must be informed" in unknown.message("en")
        assert consent.message("en").startswith("Consent may be required: the caseworker assesses whether it is.")
        assert consent.message("da").startswith("Samtykke kan være nødvendigt: sagsbehandleren vurderer")
        (_, refused) = check_disclosure("other", citizen_informed=True, consent=False, profile=assens).findings
        assert "first assesses whether consent is required" in refused.message("en")

    def test_law_violation_is_stated_not_decided(self, assens: Profile) -> None:
        """The heightened duty to report is stated from the profile and left to assessment."""
        result = check_disclosure("law_violation", citizen_informed=False, consent=False, profile=assens)
        (finding,) = result.findings
        assert finding.rule == "practice.disclosure.law_violation"
        assert finding.verdict is Verdict.NEEDS_ASSESSMENT
        assert "skærpet indberetningspligt ved kendskab til lovovertrædelser" in finding.message("da")
        assert "Pligten er nævnt, ikke afgjort" in finding.message("da")
        assert "heightened duty to report" in finding.message("en")
        assert "stated, not decided" in finding.message("en")
        assert_worded(result)

    def test_bad_arguments(self, assens: Profile) -> None:
        """An unknown kind is a ValueError; a non-bool fact is a TypeError."""
        with pytest.raises(ValueError, match="unknown disclosure kind 'gossip'; the kinds are goal_evaluation, other"):
            check_disclosure("gossip", profile=assens)
        with pytest.raises(TypeError, match="citizen_informed must be bool or None, not str"):
            check_disclosure("other", citizen_informed="yes", profile=assens)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="consent must be bool or None, not int"):
            check_disclosure("other", consent=1, profile=assens)  # type: ignore[arg-type]


# --- complaint guidance ----------------------------------------------------------


class TestAgreementPractice:
    """Tests for ``check_agreement_practice``: complaint guidance as local practice, never a legal defect."""

    @pytest.mark.parametrize(
        ("stated", "verdict"),
        [(True, Verdict.MET), (False, Verdict.NOT_MET), (None, Verdict.MISSING_FACTS)],
    )
    def test_required_by_the_profile(self, assens: Profile, stated: bool | None, verdict: Verdict) -> None:
        """Assens requires it: the finding follows the agreement, and says it is practice, not law."""
        result = check_agreement_practice(Agreement(written=True, complaint_guidance=stated), profile=assens)
        (finding,) = result.findings
        assert (finding.rule, finding.verdict, result.verdict) == ("practice.complaint_guidance", verdict, verdict)
        assert result.check == "agreement"
        assert_practice_reference(finding.references[0], "Før du får en mentor")
        assert "lokal praksis, ikke et krav i loven" in finding.message("da")
        assert "local practice, not a requirement of the law" in finding.message("en")
        assert "BEK § 52" in finding.message("en")
        assert_worded(result)

    def test_never_a_legal_defect(self, assens: Profile) -> None:
        """A missing item says that it is not a legal defect."""
        (finding,) = check_agreement_practice(
            Agreement(written=True, complaint_guidance=False), profile=assens
        ).findings
        assert "not a legal defect" in finding.message("en")
        assert "ikke en retlig mangel" in finding.message("da")
        assert finding.facts == {"complaint_guidance": False, "require_complaint_guidance": True}

    def test_not_required(self, solby: Profile) -> None:
        """A profile that does not require it: not applicable, citing the source without a section."""
        result = check_agreement_practice(Agreement(written=True, complaint_guidance=False), profile=solby)
        (finding,) = result.findings
        assert finding.verdict is Verdict.NOT_APPLICABLE
        assert result.verdict is Verdict.MET
        assert finding.references[0].citation == "Jobcenter Solby, Mentor i Solby"
        assert "does not require complaint guidance" in finding.message("en")
        assert_worded(result)

    def test_agreement_type(self, assens: Profile) -> None:
        """Only an Agreement is checked."""
        with pytest.raises(TypeError, match="agreement must be an Agreement"):
            check_agreement_practice({"complaint_guidance": True}, profile=assens)  # type: ignore[arg-type]


# --- rendering -----------------------------------------------------------------------


class TestRendering:
    """Tests for the checklist and profile renderings, as text and as self-contained HTML."""

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_general_rules_text(self, assens: Profile, lang: str) -> None:
        """Every general rule is a checklist line; the disclosure rules follow; the source is cited."""
        text = general_rules_text(assens, lang)
        for item in assens.general_rules.items:
            assert f"[ ] {item.text(lang)}\n" in text
        assert f"- {assens.disclosure.other.text(lang)}\n" in text
        assert ("afsnittet »Almene regler«" if lang == "da" else "section »Almene regler«") in text
        assert (lang == "da") == ("afsnittet" in text)
        assert ("ikke lov" if lang == "da" else "not law") in text
        assert text.endswith("\n")
        assert not text.endswith("\n\n")

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_general_rules_html(self, assens: Profile, lang: str) -> None:
        """A self-contained page: one checkbox per rule, no outside resource."""
        page = general_rules_html(assens, lang)
        assert page.startswith("<!DOCTYPE html>\n")
        assert f'<html lang="{lang}">' in page
        assert page.count('type="checkbox"') == len(assens.general_rules.items)
        for forbidden in ("<script", "<link", "src=", "http://", "https://", "@import"):
            assert forbidden not in page
        assert ("Kilde: " if lang == "da" else "Source: ") + "Jobcenter Assens, Beskæftigelsesmentor, " in page
        assert ("afsnittet »Almene regler«" if lang == "da" else "section »Almene regler«") in page

    def test_html_escapes_everything(self) -> None:
        """Texts from a profile are escaped, in the title, the headings, the items and the sources."""
        data = assens_dict()
        data["name"] = "Jobcenter <Øst> & Co"
        data["source"]["publisher"] = '"Øst"'
        data["general_rules"]["section"] = "<b>Regler</b>"
        data["general_rules"]["items"][0]["text_da"] = "<script>alert('x')</script>"
        data["task_groups"][0]["label_da"] = "<i>grp</i>"
        profile = load_profile(data)
        for page in (general_rules_html(profile, "da"), profile_html(profile, "da")):
            assert "<script>" not in page
            assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page or "<i>grp</i>" not in page
            assert "&lt;Øst&gt; &amp; Co" in page
            assert "&lt;b&gt;Regler&lt;/b&gt;" in page
            assert "&quot;Øst&quot;" in page
        assert "&lt;i&gt;grp&lt;/i&gt;" in profile_html(profile, "da")

    @pytest.mark.parametrize("render", [general_rules_text, general_rules_html, profile_text, profile_html])
    def test_bad_lang(self, assens: Profile, render: Any) -> None:
        """Only Danish and English."""
        with pytest.raises(ValueError, match="lang must be"):
            render(assens, "sv")

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_profile_text(self, assens: Profile, lang: str) -> None:
        """The whole profile: catalogue, meetings, home visits, general rules, disclosure, complaint guidance."""
        text = profile_text(assens, lang)
        for task in assens.tasks:
            assert f"{task.label(lang)} [{task.id};" in text
        for condition in assens.home_visit.conditions:
            assert f"[ ] {condition.text(lang)} [{condition.id}]" in text
        assert assens.complaint_guidance is not None
        assert assens.complaint_guidance.text(lang) in text
        assert (
            "Profilen kræver klagevejledning" if lang == "da" else "The profile requires complaint guidance"
        ) in text
        assert (
            "på jobcentret, på arbejdspladsen (job eller praktik) eller på uddannelsesstedet"
            if lang == "da"
            else "at the job centre, at the workplace (job or internship) or at the place of education"
        ) in text

    def test_profile_html(self, assens: Profile) -> None:
        """The HTML profile has a checklist per checklist block and plain lists elsewhere."""
        page = profile_html(assens, "en")
        assert page.count('type="checkbox"') == len(assens.home_visit.conditions) + len(assens.general_rules.items)
        assert page.count("<section>") == 7
        assert page.rstrip().endswith("</html>")

    def test_other_profile_renders_its_own_rules(self, solby: Profile) -> None:
        """The second profile: its url, one usual place, no complaint-guidance block."""
        text = profile_text(solby, "da")
        assert "https://www.solby.example/mentor" in text
        assert "Møder holdes som udgangspunkt på jobcentret." in text
        assert "Klagevejledning" not in text
        assert "Ansøgninger og CV [job.applications; nøgleord: ansøgning, cv, application]" in text
        assert "Jobcenter Assens" not in text
        assert "Jobcenter Assens" not in profile_html(solby, "en")

    def test_home_visits_not_allowed_and_complaint_not_required(self) -> None:
        """A profile without home visits says so; complaint guidance present but not required says so."""
        data = assens_dict()
        data["home_visit"]["allowed"] = False
        data["require_complaint_guidance"] = False
        data["disclosure"].pop("law_violation")
        profile = load_profile(data)
        text = profile_text(profile, "en")
        assert "Meetings are not held in the citizen's home." in text
        assert "no_smoking" not in text
        assert "The profile does not require complaint guidance in the agreement as local practice." in text
        assert "heightened duty" not in general_rules_text(profile, "en")
        assert "Profilen kræver ikke klagevejledning" in profile_text(profile, "da")


# --- a second profile: nothing is hard-wired to Assens -----------------------------


class TestSecondProfile:
    """A small profile written here, unlike Assens in every part, drives every check."""

    def test_loaded_from_a_file(self, solby: Profile) -> None:
        """The profile is read from a file, with its own tasks and rules."""
        assert solby.id == "solby"
        assert solby.require_complaint_guidance is False
        assert solby.complaint_guidance is None
        assert [t.id for t in solby.tasks] == ["job.applications", "job.interview"]
        assert solby.home_visit.allowed is True  # the default
        assert solby.disclosure.law_violation is None

    def test_classification_uses_its_catalogue(self, solby: Profile) -> None:
        """Its keywords suggest its categories; the Assens phrases suggest nothing."""
        assert [s.category for s in classify_task("Hjælp til CV og ansøgninger", profile=solby)] == ["job.applications"]
        assert classify_task("Prepare for the interview", profile=solby)[0].category == "job.interview"
        assert classify_task("at styrke stabilitet og struktur i din hverdag", profile=solby) == ()

    def test_home_visit_with_its_condition(self, solby: Profile) -> None:
        """Its own condition is read from ``other``; its single usual place is named."""
        result = check_home_visit(all_met(), profile=solby)
        assert verdicts(result) == {
            "practice.meeting.place": Verdict.MET,
            "practice.home_visit.no_alcohol": Verdict.MISSING_FACTS,
        }
        result = check_home_visit(HomeVisit(location=MeetingLocation.HOME, other={"no_alcohol": False}), profile=solby)
        (unmet,) = result.unmet
        assert unmet.rule == "practice.home_visit.no_alcohol"
        assert unmet.subject == "other.no_alcohol"
        assert "hold it at the job centre instead" in unmet.message("en")
        assert unmet.references[0].citation == "Jobcenter Solby, Mentor i Solby, afsnittet »Møder«"
        assert unmet.references[0].url == "https://www.solby.example/mentor"
        result = check_home_visit(HomeVisit(location=MeetingLocation.EDUCATION), profile=solby)
        assert verdicts(result)["practice.meeting.place"] is Verdict.NEEDS_ASSESSMENT
        assert_worded(result)

    def test_disclosure_without_inform_consent_or_duty(self, solby: Profile) -> None:
        """Rules the profile does not state are not applicable."""
        result = check_disclosure("other", citizen_informed=False, consent=False, profile=solby)
        assert set(verdicts(result).values()) == {Verdict.NOT_APPLICABLE}
        assert result.verdict is Verdict.MET
        assert_worded(result)
        result = check_disclosure("law_violation", profile=solby)
        assert verdicts(result) == {"practice.disclosure.law_violation": Verdict.NOT_APPLICABLE}
        assert_worded(result)
        assert result.to_dict()["profile"] == {"id": "solby", "name": "Jobcenter Solby", "version": "2026-1"}

    def test_profile_by_path_in_a_check(self, solby_path: Path) -> None:
        """A check accepts the profile as a path."""
        assert check_disclosure("goal_evaluation", profile=solby_path).profile == "solby"

    def test_the_documented_example_is_valid(self) -> None:
        """The complete example profile in docs/profiles.md loads."""
        docs = Path(__file__).resolve().parents[1] / "docs" / "profiles.md"
        blocks = re.findall(r"```toml\n(.*?)```", docs.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert len(blocks) == 1
        profile = load_profile(tomllib.loads(blocks[0]))
        assert profile.id == "solby"
        assert classify_task("Øve til jobsamtalen", profile=profile)[0].category == "job.interview"


# --- command line --------------------------------------------------------------------


def run(argv: list[str]) -> int:
    """Parse ``argv`` with a parser that has only the practice command, and run it."""
    parser = argparse.ArgumentParser(prog="mentorrules")
    subparsers = parser.add_subparsers(dest="command", required=True)
    add_practice_parser(subparsers)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


class TestCommandLine:
    """Tests for ``mentorrules practice``."""

    def test_defaults(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without options: the Assens profile, in Danish, as text."""
        assert run(["practice"]) == 0
        out, err = capsys.readouterr()
        assert out.startswith("Jobcenter Assens: praksisprofil for mentorstøtte\n")
        assert "mentor.stability_structure" in out
        assert err == ""

    def test_html_in_english(self, capsys: pytest.CaptureFixture[str], solby_path: Path) -> None:
        """A profile file, in English, as HTML."""
        assert run(["practice", "--profile", str(solby_path), "--lang", "en", "--format", "html"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("<!DOCTYPE html>")
        assert "Jobcenter Solby: mentor support practice profile" in out

    def test_bad_profile_exits_2_with_every_path(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A bad profile prints every bad path on standard error and exits with 2."""
        path = tmp_path / "bad.toml"
        path.write_text(
            SOLBY_TOML.replace('version = "2026-1"', "version = 2").replace("[meetings]", "[meeting]"), encoding="utf-8"
        )
        assert run(["practice", "--profile", str(path), "--lang", "en"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert "is not valid (3 bad fields)" in err
        for path_text in (
            "  version: must be a string",
            "  meeting: unknown key; did you mean 'meetings'?",
            "  meetings: is required",
        ):
            assert path_text in err
        assert run(["practice", "--profile", str(path)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert f"mentorrules practice: profilen {str(path)!r} er ikke gyldig (3 ugyldige felter):\n" in err
        for path_text in (
            "  version: skal være en tekst, ikke heltal\n",
            "  meeting: ukendt nøgle; mente du 'meetings'?\n",
            "  meetings: skal angives\n",
        ):
            assert path_text in err

    def test_unknown_name_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown bundled name is one bad field."""
        assert run(["practice", "--profile", "odense", "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert "is not valid (1 bad field):" in err
        assert "<document>: unknown bundled profile 'odense'" in err
        assert run(["practice", "--profile", "odense"]) == 2
        err = capsys.readouterr().err
        assert "er ikke gyldig (1 ugyldigt felt):\n  <dokument>: ukendt indbygget profil 'odense'; " in err

    def test_parser(self) -> None:
        """The parser's defaults and choices."""
        parser = argparse.ArgumentParser(prog="mentorrules")
        practice = add_practice_parser(parser.add_subparsers())
        args = practice.parse_args([])
        assert (args.profile, args.lang, args.format, args.func) == ("assens", "da", "text", practice_command)
        assert "assens" in practice.format_help()
        with pytest.raises(SystemExit):
            practice.parse_args(["--format", "pdf"])


def test_public_names() -> None:
    """Every name in ``__all__`` exists."""
    import mentorrules.practice as practice

    assert all(hasattr(practice, name) for name in practice.__all__)
    assert isinstance(practice.__all__, list)
    assert isinstance(load_profile("assens").to_dict(), Mapping)
