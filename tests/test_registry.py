"""
The rule catalogue (DESIGN section 5) and the law it cites (section 6).

Every rule id of the contract is registered, in catalogue order; every rule cites
at least one legal source on every day of the modelled law, with Danish and English
titles; the epochs of the law meet without gaps or overlaps and cover exactly
2014-01-01..2026-12-31; every reference links to its source over HTTPS and says why
when it is not verified.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from mentorrules import LegalReference, Verdict, rule_catalogue
from mentorrules.engine.registry import RuleInfo, build_views
from mentorrules.law.versions import LAW_VERSIONS, SNAPSHOTS
from mentorrules.model.references import ReferenceKind
from mentorrules.model.words import display
from mentorrules.rules import CATALOGUE
from mentorrules.rules._base import RuleView, vocabulary


RULE_IDS = [
    "eligibility.purpose",
    "eligibility.decisive_need",
    "eligibility.mentor",
    "duties.beyond_usual",
    "duties.hours",
    "duration.period_length",
    "duration.new_period",
    "right.psychiatric_discharge",
    "right.education_admission",
    "agreement.written",
    "agreement.goal",
    "agreement.mentor_name",
    "agreement.mentor_contact",
    "agreement.tasks",
    "agreement.duration",
    "agreement.hours",
    "agreement.complaint_guidance",
]
ONE_DAY = timedelta(days=1)
FIRST, LAST = date(2014, 1, 1), date(2026, 12, 31)


def _all_references() -> list[tuple[str, str, str, LegalReference]]:
    """Every (epoch start, rule id, variant, reference) the rules can cite."""
    return [
        (snapshot.valid_from.isoformat(), rule.id, variant, reference)
        for snapshot in SNAPSHOTS
        for rule in CATALOGUE
        for variant, references in rule.references(snapshot).items()
        for reference in references
    ]


def test_catalogue_holds_the_contract_ids_in_order() -> None:
    """The catalogue is exactly the 17 rule ids of DESIGN section 5 (contract 2: with duties.hours), in that order (the order of findings)."""
    assert [rule.id for rule in CATALOGUE] == RULE_IDS


def test_rule_families_and_per() -> None:
    """A rule's family is the first part of its id; the per-period rules are duration.* and agreement.*."""
    assert [rule.family for rule in CATALOGUE] == [rule_id.split(".")[0] for rule_id in RULE_IDS]
    per_period = [rule.id for rule in CATALOGUE if rule.per == "period"]
    assert per_period == [rule_id for rule_id in RULE_IDS if rule_id.startswith(("duration.", "agreement."))]
    assert {rule.per for rule in CATALOGUE} == {"case", "period"}


@pytest.mark.parametrize("snapshot", SNAPSHOTS, ids=lambda s: s.valid_from.isoformat())
def test_every_rule_cites_a_source_and_has_titles_on_every_epoch(snapshot: object) -> None:
    """On every epoch of the law, every rule has a non-empty default reference set and titles in Danish and English."""
    for rule in CATALOGUE:
        references = rule.references(snapshot)  # type: ignore[arg-type]
        assert references[""], f"{rule.id} cites nothing on {snapshot}"
        assert all(references.values()), f"{rule.id} has an empty reference variant"
        assert rule.title_da.strip()
        assert rule.title_en.strip()
        assert rule.title_da != rule.title_en
        assert rule.verdicts <= set(Verdict)
        view = RuleView(rule, snapshot)  # type: ignore[arg-type]
        assert view.id == rule.id


def test_snapshots_meet_without_gaps_and_cover_exactly_the_modelled_law() -> None:
    """The epochs of the law are consecutive (next starts the day after the previous ends) from 2014-01-01 to 2026-12-31."""
    assert SNAPSHOTS[0].valid_from == FIRST
    assert SNAPSHOTS[-1].valid_to == LAST
    gaps = [
        (previous.valid_to, current.valid_from)
        for previous, current in pairwise(SNAPSHOTS)
        if current.valid_from != previous.valid_to + ONE_DAY
    ]
    assert gaps == []
    assert all(snapshot.valid_from <= snapshot.valid_to for snapshot in SNAPSHOTS)
    for snapshot in SNAPSHOTS:
        assert snapshot.version.covers(snapshot.valid_from)
        assert snapshot.version.covers(snapshot.valid_to)


def test_law_versions_meet_without_gaps() -> None:
    """lab-2014 governs 2014-01-01..2019-12-31 and lab-2020 2020-01-01..2026-12-31, back to back."""
    assert [(v.id, v.valid_from, v.valid_to) for v in LAW_VERSIONS] == [
        ("lab-2014", date(2014, 1, 1), date(2019, 12, 31)),
        ("lab-2020", date(2020, 1, 1), date(2026, 12, 31)),
    ]
    for previous, current in pairwise(LAW_VERSIONS):
        assert current.valid_from == previous.valid_to + ONE_DAY


def test_build_views_gives_a_view_of_every_rule_for_every_epoch() -> None:
    """The registry resolves every rule for every epoch of the law, in epoch order."""
    views = build_views(CATALOGUE)
    assert [snapshot for snapshot, _ in views] == list(SNAPSHOTS)
    assert all(list(by_id) == RULE_IDS for _, by_id in views)


@pytest.mark.parametrize(("lang", "attribute"), [("da", "title_da"), ("en", "title_en")])
def test_rule_catalogue_lists_every_rule_with_titles_in_the_language(lang: str, attribute: str) -> None:
    """rule_catalogue(lang=...) lists every id in order, titled in that language, with its declared verdicts."""
    infos = rule_catalogue(lang=lang)
    assert [info.id for info in infos] == RULE_IDS
    assert [info.title for info in infos] == [getattr(rule, attribute) for rule in CATALOGUE]
    for info, rule in zip(infos, CATALOGUE, strict=True):
        assert isinstance(info, RuleInfo)
        assert (info.family, info.per) == (rule.family, rule.per)
        assert set(info.verdicts) == {verdict.value for verdict in rule.verdicts}
        assert list(info.verdicts) == [v.value for v in Verdict if v in rule.verdicts]  # enum order


def test_agreement_written_is_titled_by_law_version() -> None:
    """From 2020 the record is the person's plan: agreement.written is titled "Registrering i »Min Plan«"; lab-2014 keeps "Skriftlig aftale"."""
    (rule,) = [rule for rule in CATALOGUE if rule.id == "agreement.written"]
    assert ("Registrering i »Min Plan«", "Record in »Min Plan« (the person's plan)") == (
        rule.title("da", "lab-2020"),
        rule.title("en", "lab-2020"),
    )
    assert (rule.title_da, rule.title_en) == (rule.title("da", "lab-2014"), rule.title("en", "lab-2014"))
    assert (rule.title_da, rule.title_en) == (rule.title("da"), rule.title("en"))
    assert "Min Plan" not in rule.title_da
    for snapshot in SNAPSHOTS:
        view = RuleView(rule, snapshot)  # type: ignore[arg-type]
        assert view.title("da") == rule.title("da", snapshot.version.id)
        assert ("Min Plan" in view.title("en")) is (snapshot.version.id == "lab-2020")
    others = [other for other in CATALOGUE if other.id != "agreement.written"]
    assert all(other.title("da", "lab-2020") == other.title_da for other in others)


def test_rule_catalogue_default_language_is_danish() -> None:
    """The catalogue's titles are Danish unless English is asked for."""
    assert [info.title for info in rule_catalogue()] == [rule.title_da for rule in CATALOGUE]


def test_rule_catalogue_references_per_law_version() -> None:
    """Each rule lists, per law id, the references from the version's first day and each later change, in date order."""
    for info in rule_catalogue():
        assert list(info.references) == ["lab-2014", "lab-2020"]
        for version in LAW_VERSIONS:
            spans = info.references[version.id]
            assert spans, f"{info.id} has no references for {version.id}"
            assert spans[0][0] == version.valid_from
            starts = [start for start, _ in spans]
            assert starts == sorted(set(starts))
            assert all(version.covers(start) for start in starts)
            assert all(references for _, references in spans)
            # consecutive entries differ, or they would not be listed
            assert all(a[1] != b[1] for a, b in pairwise(spans))


def test_rule_catalogue_shows_the_consolidations_of_period_length() -> None:
    """duration.period_length cites LAB § 167, stk. 1, 1. pkt. in lov 548/2019, LBK 701/2022 and LBK 280/2024 in turn."""
    info = next(i for i in rule_catalogue() if i.id == "duration.period_length")
    spans = [(start.isoformat(), [(r.citation, r.source) for r in refs]) for start, refs in info.references["lab-2020"]]
    assert [(start, refs[0]) for start, refs in spans] == [
        ("2020-01-01", ("LAB § 167, stk. 1, 1. pkt.", "lov nr. 548 af 7. maj 2019")),
        ("2022-05-22", ("LAB § 167, stk. 1, 1. pkt.", "LBK nr. 701 af 22. maj 2022")),
        ("2024-03-01", ("LAB § 167, stk. 1, 1. pkt.", "LBK nr. 280 af 1. marts 2024")),
    ]


def test_rule_info_to_dict_is_json_ready() -> None:
    """RuleInfo.to_dict() gives plain JSON values: ISO dates and reference dicts."""
    info = rule_catalogue(lang="en")[0]
    data = info.to_dict()
    assert list(data) == ["id", "family", "per", "title", "verdicts", "references"]
    assert data["id"] == "eligibility.purpose"
    assert data["title"] == "Purpose of the mentor support"
    first = data["references"]["lab-2014"][0]  # type: ignore[index]
    assert first["valid_from"] == "2014-01-01"
    assert first["references"][0] == {
        "citation": "LAB § 31 b, stk. 1",
        "source": "lov nr. 419 af 10. juni 2003 som ændret",
        "url": "https://www.retsinformation.dk/eli/lta/2003/419",
        "kind": "law",
        "verified": True,
    }


@pytest.mark.parametrize("lang", ["", "DA", "de", "english"])
def test_rule_catalogue_rejects_an_unknown_language(lang: str) -> None:
    """Only "da" and "en" are languages of the catalogue."""
    with pytest.raises(ValueError, match="lang must be 'da' or 'en'"):
        rule_catalogue(lang=lang)


def test_every_reference_links_over_https_and_names_its_source() -> None:
    """Every reference any rule can cite has an https:// URL, a citation and a source."""
    bad = [
        (start, rule_id, variant, reference.citation)
        for start, rule_id, variant, reference in _all_references()
        if not reference.url.startswith("https://") or not reference.citation.strip() or not reference.source.strip()
    ]
    assert bad == []


def test_every_unverified_reference_says_why() -> None:
    """A reference that is not verified carries a note explaining what was not verified."""
    unverified = [
        (start, rule_id, reference) for start, rule_id, _, reference in _all_references() if not reference.verified
    ]
    assert unverified, "the law has unverified details (DESIGN section 6); none found"
    assert [(start, rule_id) for start, rule_id, reference in unverified if not (reference.note or "").strip()] == []


def test_interpretation_references_say_why() -> None:
    """A reference of kind interpretation (the library's own reading) is explained by a note or its own text."""
    readings = [ref for _, _, _, ref in _all_references() if ref.kind is ReferenceKind.INTERPRETATION]
    assert readings
    assert all((ref.note or ref.text or "").strip() for ref in readings)


def test_vocabulary_follows_the_law_version_and_the_2026_wording() -> None:
    """Messages say "den skriftlige aftale" under lab-2014, »Min Plan« from 2020, and "kommunen" from 2026-02-01."""
    by_start = {snapshot.valid_from: snapshot for snapshot in SNAPSHOTS}
    assert vocabulary(by_start[date(2014, 1, 1)], "da") == {
        "record": "den skriftlige aftale",
        "authority": "jobcenteret",
    }
    assert vocabulary(by_start[date(2024, 3, 1)], "da") == {"record": "»Min Plan«", "authority": "jobcenteret"}
    assert vocabulary(by_start[date(2026, 2, 1)], "da") == {"record": "»Min Plan«", "authority": "kommunen"}
    assert vocabulary(by_start[date(2026, 2, 1)], "en")["authority"] == "the municipality"
    assert vocabulary(by_start[date(2014, 1, 1)], "en") == {
        "record": "the written agreement",
        "authority": "the job centre",
    }


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ((), "da", "ingen"),
        ((), "en", "none"),
        (("a", "b"), "en", "a, b"),
        (None, "da", "ukendt"),
        (None, "en", "unknown"),
        (True, "da", "ja"),
        (False, "da", "nej"),
        (True, "en", "yes"),
        (False, "en", "no"),
        (Verdict.NOT_MET, "da", "ikke opfyldt"),
        (Verdict.MISSING_FACTS, "en", "missing facts"),
        (date(2024, 2, 29), "da", "2024-02-29"),
        (3, "en", 3),
    ],
)
def test_display_words_facts_for_messages(value: object, lang: str, expected: object) -> None:
    """Facts appear in messages as words: lists joined, unknown as "ukendt", booleans as ja/nej, dates in ISO form."""
    assert display(value, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "citation"),
    [
        ({"act": "LAB", "section": "167", "subsection": 1, "sentence": 2}, "LAB § 167, stk. 1, 2. pkt."),
        ({"act": "LAB", "section": "31 c", "subsection": 2, "item": 6}, "LAB § 31 c, stk. 2, nr. 6"),
        ({"act": "BEK", "section": "52", "item": 4}, "BEK § 52, nr. 4"),
        ({"act": "LAB", "section": "168"}, "LAB § 168"),
        ({"act": "LAB", "section": "167", "text": "LAB kapitel 9 b (§§ 31 b–31 f)"}, "LAB kapitel 9 b (§§ 31 b–31 f)"),
    ],
)
def test_reference_renders_as_a_danish_citation(fields: dict[str, object], citation: str) -> None:
    """A reference renders as act § section, stk., nr., pkt. (or its written-out text), and str() is that citation."""
    reference = LegalReference(
        source="LBK nr. 280 af 1. marts 2024", url="https://www.retsinformation.dk/eli/lta/2024/280", **fields
    )  # type: ignore[arg-type]
    assert reference.citation == citation
    assert str(reference) == citation
    assert reference.to_dict() == {
        "citation": citation,
        "source": "LBK nr. 280 af 1. marts 2024",
        "url": "https://www.retsinformation.dk/eli/lta/2024/280",
        "kind": "law",
        "verified": True,
    }


def test_rule_view_words_messages_from_its_templates() -> None:
    """A view's template falls back from verdict/reason to the verdict's general text, in Danish or English."""
    view = RuleView(next(rule for rule in CATALOGUE if rule.id == "duration.new_period"), SNAPSHOTS[-1])
    assert view.template(Verdict.NOT_MET, "overlap", "da") != view.template(Verdict.NOT_MET, "", "da")
    assert view.template(Verdict.NOT_MET, "no-such-reason", "en") == view.template(Verdict.NOT_MET, "", "en")
    assert view.template(Verdict.NOT_APPLICABLE, "covered", "en").startswith("The period is covered")


def test_message_cites_the_findings_own_references() -> None:
    """A finding whose references are not one of the view's sets (combined or hand-made) still cites exactly them."""
    view = RuleView(next(rule for rule in CATALOGUE if rule.id == "duration.new_period"), SNAPSHOTS[-1])
    other = LegalReference(act="LAB", section="167", subsection=2, source="x", url="https://example.org")
    finding = view.finding(Verdict.NOT_APPLICABLE, "periods[0]", {"reason": "first"})
    assert finding.message("da").endswith("(LAB § 167, stk. 1, 2. pkt.)")
    assert finding._replace(references=(other,)).message("da").endswith("(LAB § 167, stk. 2)")
    assert (
        finding._replace(references=(other, *finding.references))
        .message("en")
        .endswith("(LAB § 167, stk. 2; LAB § 167, stk. 1, 2. pkt.)")
    )
