"""
Tests for the message texts: every finding and notice speaks Danish and English and cites its source.

The registry words a finding from a template keyed by verdict, reason and law
version, fills it from the finding's facts and appends the citation.  These
tests walk every rule id x declared verdict x law snapshot x reason variant x
reference variant, every notice code and the ``flag`` template, fill each
template with plausible facts (the placeholder names are read from the
templates themselves) and check that both languages exist, differ, leave no
``{...}`` unfilled and mention every citation.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType

import pytest

import builders
from builders import complete_case, complete_mentor, finding
from mentorrules.engine.notices import NOTICE_CODES, NOTICE_EXPLAINER, NOTICE_TEXTS
from mentorrules.law.versions import SNAPSHOTS, LawSnapshot, snapshot_for
from mentorrules.model.facts import Assessment, Engager, MentorEmployer
from mentorrules.model.outcomes import FactValue, Notice, Verdict
from mentorrules.model.references import LegalReference
from mentorrules.rules import CATALOGUE
from mentorrules.rules._base import AMBIGUOUS_DATES, AMBIGUOUS_TEMPLATE, Rule, RuleView, _resolve_texts


#: One law date per snapshot of the law (its first day).
LAW_DATES = tuple(snapshot.valid_from for snapshot in SNAPSHOTS)
#: Placeholders the registry fills itself, not from the facts.
VOCABULARY = frozenset({"record", "authority", "title"})
UNFILLED = re.compile(r"\{[^{}]*\}")

#: Plausible values for the placeholders the templates use; dates are recognised by name.
EXAMPLES: Mapping[str, FactValue] = MappingProxyType(
    {
        "purpose": "offer",
        "employer": "company",
        "engaged_by": "company",
        "support_to": "company",
        "follows": "expiry",
        "unit": "per_week",
        "amount": Decimal("7.5"),
        "count": 2,
        "failed": ("target_group", "inpatient"),
        "unknown": ("purpose",),
        "blank": ("tasks[1]",),
        "tasks_within_usual_duties": ("tasks[0]",),
        "citation": "LAB § 167, stk. 3",
        "field": "periods[0].agreement.goal",
        "law": "lab-2020",
        "verdict_favour_citizen": Verdict.MET,
        "verdict_strict": Verdict.NOT_MET,
    }
)
DATE_SUFFIXES = ("start", "end", "_date", "_on", "_until", "_deadline", "_from", "_to")


def plausible(name: str) -> FactValue:
    """Return a plausible fact value for a template placeholder."""
    if name in EXAMPLES:
        return EXAMPLES[name]
    if name.endswith(DATE_SUFFIXES):
        return date(2024, 3, 1)
    return "eksempel"


def placeholders(*templates: str) -> set[str]:
    """Return the placeholder names of templates."""
    return {name for text in templates for _, name, _, _ in string.Formatter().parse(text) if name}


def facts_for(templates: tuple[str, str], reason: str) -> dict[str, FactValue]:
    """Return facts that fill both templates, with the reason variant."""
    facts = {name: plausible(name) for name in placeholders(*templates) - VOCABULARY}
    if reason:
        facts["reason"] = reason
    return facts


def template_keys(rule: Rule, law_id: str) -> Iterator[tuple[Verdict, str]]:
    """Yield (verdict, reason) for every template of a rule that applies to a law version."""
    for key in rule.texts:
        base, _, law = key.partition("@")
        if law and law != law_id:
            continue
        verdict, _, reason = base.partition("/")
        yield Verdict(verdict), reason


def assert_bilingual(da: str, en: str, references: tuple[LegalReference, ...]) -> None:
    """Both languages exist, differ, are filled in and cite every reference."""
    assert da.strip()
    assert en.strip()
    assert da != en
    assert not UNFILLED.search(da), da
    assert not UNFILLED.search(en), en
    for reference in references:
        assert reference.citation in da, (reference.citation, da)
        assert reference.citation in en, (reference.citation, en)


RULE_CASES = [pytest.param(rule, day, id=f"{rule.id}@{day}") for rule in CATALOGUE for day in LAW_DATES]


@pytest.mark.parametrize(("rule", "day"), RULE_CASES)
def test_every_finding_text_is_bilingual_and_cites(rule: Rule, day: date) -> None:
    """Every declared verdict x reason variant x reference variant words a Danish and an English message."""
    snapshot: LawSnapshot = snapshot_for(day)
    view = RuleView(rule, snapshot)
    keys = set(template_keys(rule, snapshot.version.id))
    checked = 0
    for verdict in rule.verdicts:
        reasons = sorted(reason for v, reason in keys if v is verdict)
        assert reasons, f"{rule.id}: no text for the declared verdict {verdict.value}"
        for reason in reasons:
            texts = (view.template(verdict, reason, "da"), view.template(verdict, reason, "en"))
            facts = facts_for(texts, reason)
            for variant in view.references:
                finding = view.finding(verdict, "periods[0]", MappingProxyType(facts), variant)
                assert_bilingual(finding.message("da"), finding.message("en"), finding.references)
                assert finding.message("da").endswith(")")
                checked += 1
    assert checked


@pytest.mark.parametrize(("rule", "day"), RULE_CASES)
def test_every_template_key_names_a_declared_verdict(rule: Rule, day: date) -> None:
    """A template for a verdict the rule never gives is dead text."""
    for verdict, _ in template_keys(rule, snapshot_for(day).version.id):
        assert verdict in rule.verdicts, (rule.id, verdict)


@pytest.mark.parametrize(("rule", "day"), RULE_CASES)
def test_ambiguous_dates_text_is_bilingual_and_cites(rule: Rule, day: date) -> None:
    """Under ``flag`` any rule may become needs_assessment with the shared ambiguity text."""
    view = RuleView(rule, snapshot_for(day))
    facts = {"reason": AMBIGUOUS_DATES, **facts_for(AMBIGUOUS_TEMPLATE, "")}
    for variant in view.references:
        finding = view.finding(Verdict.NEEDS_ASSESSMENT, "periods[0]", MappingProxyType(facts), variant)
        da, en = finding.message("da"), finding.message("en")
        assert_bilingual(da, en, finding.references)
        assert da.startswith(f"{view.title('da')}: ")  # the title of the law version's wording
        assert en.startswith(f"{view.title('en')}: ")
        assert "opfyldt" in da  # the two readings' verdicts are worded, not given as codes
        assert "not met" in en


def test_ambiguous_template_names_both_readings() -> None:
    """The ambiguity text shows both readings' verdicts."""
    for text in AMBIGUOUS_TEMPLATE:
        assert {"title", "verdict_favour_citizen", "verdict_strict"} <= placeholders(text)


NOTICE_REFERENCE = LegalReference(
    act="LAB",
    section="167",
    subsection=3,
    source="lov nr. 548 af 7. maj 2019 som ændret",
    url="https://www.retsinformation.dk/eli/lta/2022/701",
    verified=False,
)


@pytest.mark.parametrize("code", NOTICE_CODES)
@pytest.mark.parametrize("references", [(), (NOTICE_REFERENCE,)], ids=["no-reference", "reference"])
def test_every_notice_text_is_bilingual(code: str, references: tuple[LegalReference, ...]) -> None:
    """Every notice code words a Danish and an English message that cites its references."""
    facts = facts_for(NOTICE_TEXTS[code], "")
    notice = Notice(code, "periods[0]", references, MappingProxyType(facts), NOTICE_EXPLAINER)
    assert_bilingual(notice.message("da"), notice.message("en"), references)


def test_notice_codes_are_the_contract() -> None:
    """The notice codes are those of DESIGN section 4."""
    assert {"privacy.identifier_in_text", "guidance.conflict", "law.unverified", "law.transition"} == set(NOTICE_CODES)


def test_privacy_notice_never_repeats_the_identifier() -> None:
    """The privacy notice names the field, not the number."""
    facts = MappingProxyType({"field": "case_id"})
    notice = Notice("privacy.identifier_in_text", "case_id", (), facts, NOTICE_EXPLAINER)
    for lang in ("da", "en"):
        assert "case_id" in notice.message(lang)
        assert not re.search(r"[0-9]{6}", notice.message(lang))


@pytest.mark.parametrize(("rule", "day"), RULE_CASES)
def test_every_message_starts_a_sentence(rule: Rule, day: date) -> None:
    """A message starts with a capital letter (or »Min Plan«), whatever the law version's vocabulary."""
    snapshot = snapshot_for(day)
    view = RuleView(rule, snapshot)
    for verdict, reason in template_keys(rule, snapshot.version.id):
        texts = (view.template(verdict, reason, "da"), view.template(verdict, reason, "en"))
        finding = view.finding(verdict, "", MappingProxyType(facts_for(texts, reason)))
        for lang in ("da", "en"):
            first = finding.message(lang)[0]
            assert first.isupper() or first == "»", (rule.id, verdict.value, reason, lang, finding.message(lang))


def test_decimals_are_written_the_danish_way() -> None:
    """Hours are written 7,5 in Danish and 7.5 in English; the JSON facts keep the decimal point."""
    rule = next(rule for rule in CATALOGUE if rule.id == "agreement.hours")
    view = RuleView(rule, snapshot_for(date(2024, 3, 1)))
    finding = view.finding(
        Verdict.MET, "periods[0].agreement", MappingProxyType({"amount": Decimal("7.50"), "unit": "total"})
    )
    assert "7,5" in finding.message("da")
    assert "7.5" in finding.message("en")
    assert "7.5" == finding.to_dict()["facts"]["amount"]


# --- words that differ between law versions ------------------------------------------------------


@pytest.mark.parametrize(
    ("decided", "danish", "english"),
    [
        (date(2026, 1, 31), "eller jobcenteret indgår", "or the job centre."),
        (date(2026, 2, 1), "eller kommunen indgår", "or the municipality."),  # lov nr. 1750/2025, § 1, nr. 1
    ],
)
def test_the_authority_is_named_as_the_law_in_force_names_it(decided: date, danish: str, english: str) -> None:
    """From 2026-02-01 the act says »kommunen« where it said »jobcenteret«: the messages follow, the day before and of."""
    mentor = complete_mentor(employer=MentorEmployer.EXTERNAL_CONSULTANT, engaged_by=Engager.COMPANY)
    case = complete_case(decision_date=decided, decisive_need=Assessment(outcome=True, on=decided), mentor=mentor)
    found = finding(case, "eligibility.mentor")
    assert found.verdict is Verdict.MET
    assert danish in found.message("da")
    assert english in found.message("en")


@pytest.mark.parametrize(
    ("build", "danish", "english"),
    [
        ("complete_case_2014", "registrering af den skriftlige aftale", "record of the written agreement"),
        ("complete_case", "registrering af »Min Plan«", "record of »Min Plan« (the person's plan)"),
    ],
)
def test_the_record_is_named_as_the_law_version_names_it(build: str, danish: str, english: str) -> None:
    """Chapter 9 b (lab-2014) asks for a written agreement; the 2020 act for »Min Plan«."""
    base = getattr(builders, build)()
    period = builders.complete_period(base.periods[0].start, base.periods[0].end, agreement=None)
    found = builders.finding(getattr(builders, build)(periods=(period,)), "agreement.written")
    assert danish in found.message("da")
    assert english in found.message("en")


@pytest.mark.parametrize(
    ("day", "danish", "english"),
    [
        (date(2019, 12, 31), "Skriftlig aftale", "Written agreement"),  # chapter 9 b: a written agreement
        (date(2020, 1, 1), "Registrering i »Min Plan«", "Record in »Min Plan« (the person's plan)"),
    ],
)
def test_a_title_is_worded_as_the_law_version_words_it_in_each_language(day: date, danish: str, english: str) -> None:
    written = next(rule for rule in CATALOGUE if rule.id == "agreement.written")
    view = RuleView(written, snapshot_for(day))
    assert (view.title("da"), view.title("en")) == (danish, english)
    # the title in a message template ({title}) is the law version's, in the message's language
    assert (view._words[0]["title"], view._words[1]["title"]) == (danish, english)


def test_every_title_has_both_languages_on_every_epoch() -> None:
    for rule in CATALOGUE:
        for snapshot in SNAPSHOTS:
            view = RuleView(rule, snapshot)
            own = rule.titles.get(snapshot.version.id)
            assert view.title("da") == (own[0] if own else rule.title_da)
            assert view.title("en") == (own[1] if own else rule.title_en)
            assert view.title("da") != view.title("en")


def test_a_template_for_the_law_version_overrides_the_general_one_whatever_the_order() -> None:
    texts = {"met@lab-2014": ("a", "a"), "met": ("b", "b"), "met@lab-2020": ("c", "c"), "not_met/x": ("d", "d")}
    for law, expected in (("lab-2014", "a"), ("lab-2020", "c"), ("lab-2030", "b")):
        resolved = _resolve_texts(texts, law)
        assert resolved[(Verdict.MET, "")] == (expected, expected)
        assert resolved[(Verdict.NOT_MET, "x")] == ("d", "d")


def test_every_template_for_a_law_version_is_the_one_its_views_use() -> None:
    """A template keyed ``verdict[/reason]@law`` words that law version's findings, and no other's."""
    checked = 0
    for rule in CATALOGUE:
        for key, texts in rule.texts.items():
            base, _, law = key.partition("@")
            verdict, _, reason = base.partition("/")
            for snapshot in SNAPSHOTS:
                used = RuleView(rule, snapshot)._templates.get((Verdict(verdict), reason))
                if law:
                    assert (used == texts) is (snapshot.version.id == law), (rule.id, key, snapshot.version.id)
                    checked += snapshot.version.id == law
    assert checked > 10


@pytest.mark.parametrize(
    ("day", "cited", "verified"),
    [
        (date(2023, 3, 20), False, None),  # before lov nr. 295/2023 was given
        (date(2023, 3, 21), True, False),  # its in-force date is not known: cited, unverified, with a note why
        (date(2024, 2, 29), True, False),
        (date(2024, 3, 1), True, True),  # in LBK 280/2024: in force whatever the date
    ],
)
def test_the_amending_act_of_the_psychiatric_right_is_unverified_only_while_its_in_force_date_matters(
    day: date, cited: bool, verified: bool | None
) -> None:
    rule = next(rule for rule in CATALOGUE if rule.id == "right.psychiatric_discharge")
    found = [ref for ref in rule.references(snapshot_for(day))[""] if "295" in ref.citation]
    assert bool(found) is cited
    for reference in found:
        assert reference.verified is verified
        assert (reference.note is None) is verified
