"""
Tests for ``mentorrules.render``: explanations, Markdown, HTML and auditors' reports.

A decision is read by caseworkers in a terminal, by analysts in notebooks and
by auditors in reports.  Every rendering puts the overall verdict first, then
what a caseworker must still resolve, then every finding with its source;
Danish is the default and English a translation; the HTML is self-contained
and escapes every text that comes from a case or a fact.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given

from conftest import shared_cases_dir
from mentorrules import (
    Case,
    CaseError,
    Decision,
    Interpretation,
    UnsupportedDateError,
    evaluate,
    load_case,
    render,
    testing,
)
from mentorrules.law.versions import LawVersion
from mentorrules.model.outcomes import Finding, Notice, Verdict
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.rules import CATALOGUE


XSS = "<script>alert(1)</script>"
NASTY_ID = '"&<>sag-7'
HEADLINES = {"da": "Samlet vurdering", "en": "Overall"}
VERDICT_WORDS = {
    "da": {
        "met": "opfyldt",
        "not_met": "ikke opfyldt",
        "needs_assessment": "kræver vurdering",
        "missing_facts": "mangler oplysninger",
    },
    "en": {
        "met": "met",
        "not_met": "not met",
        "needs_assessment": "needs assessment",
        "missing_facts": "missing facts",
    },
}
FAMILY_HEADINGS = {
    "da": [
        "Betingelser for mentorstøtte",
        "Ud over de sædvanlige opgaver",
        "Perioder",
        "Retskrav",
        "Skriftlig aftale og »Min Plan«",
    ],
    "en": [
        "Eligibility",
        "Beyond the usual duties",
        "Periods",
        "Statutory rights",
        "The written record (agreement, »Min Plan«)",
    ],
}
LANGS = ("da", "en")


def flat(text: str) -> str:
    """Collapse white space (wrapping) and non-breaking spaces, to look for a sentence in a rendering."""
    return " ".join(text.replace("\xa0", " ").split())


def case_data(**changes: Any) -> dict[str, Any]:
    """Return an ordinary 2024 case with an incomplete agreement, an XSS goal and task, and the given changes."""
    data: dict[str, Any] = {
        "decision_date": "2024-02-20",
        "case_id": NASTY_ID,
        "citizen": {"birth_date": "1988-04-12", "target_group": "unemployment_benefit"},
        "purpose": "offer",
        "decisive_need": {"outcome": True, "on": "2024-02-20"},
        "mentor": {"name": "Mette Jensen", "phone": "+45 20 30 40 50", "employer": "municipality"},
        "tasks": [{"description": f"{XSS} struktur | plan", "within_usual_duties": None}],
        "periods": [
            {
                "start": "2024-03-01",
                "end": "2024-08-31",
                "agreement": {
                    "written": True,
                    "goal": f"{XSS} | mål",
                    "mentor_name": "Mette Jensen",
                    "mentor_contact": None,
                    "tasks": [XSS],
                    "start": "2024-03-01",
                    "end": "2024-08-31",
                    "hours": None,
                    "complaint_guidance": True,
                },
            }
        ],
    }
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def decision() -> Decision:
    """A not-met decision with two unresolved agreement items."""
    return evaluate(load_case(case_data()))


@pytest.fixture(scope="module")
def noticed() -> Decision:
    """A decision with notices: a CPR-like case id, an unverified in-force date and a period across the law's end."""
    data = case_data(
        decision_date="2021-06-01",
        case_id="ref 010203-1234",
        education_admission={"admission_date": "2021-05-01", "qualifying": True, "right_invoked_on": "2021-05-10"},
        periods=[{"start": "2026-12-01", "end": "2027-03-31"}],
    )
    result = evaluate(load_case(data))
    assert {"privacy.identifier_in_text", "law.transition"} <= {n.code for n in result.notices}
    return result


@pytest.fixture(scope="module")
def met() -> Decision:
    """A decision where everything that applies is met, without a case id."""
    data = case_data(case_id=None)
    data["periods"][0]["agreement"].update(mentor_contact="+45 20 30 40 50", hours={"amount": "5", "unit": "per_week"})
    result = evaluate(load_case(data))
    assert Verdict.MET is result.verdict
    return result


class StubExplainer:
    """Words every message as a fixed text, to test what the renderers do with hostile text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def message(self, item: Finding | Notice, lang: str) -> str:
        return f"{self.text} ({lang})"


HOSTILE_REFERENCE = LegalReference(
    act="STAR",
    text="STAR | <vejledning>",
    source='star.dk "&"',
    url="javascript:alert(1)",
    kind=ReferenceKind.GUIDANCE,
    verified=False,
)


def hostile_finding(**changes: Any) -> Finding:
    """Return a hand-made finding whose message, facts, reference and subject hold markup."""
    finding = Finding(
        rule="agreement.goal",
        verdict=Verdict.NOT_MET,
        subject="periods[0].agreement",
        references=(HOSTILE_REFERENCE,),
        facts=MappingProxyType({"goal": XSS, "amount": 2, "when": date(2024, 3, 1), "items": (XSS,)}),
        explainer=StubExplainer(f"{XSS} | *bold* [x](y)"),
    )
    return finding._replace(**changes)


def with_finding(decision: Decision, finding: Finding) -> Decision:
    """Return the decision with one more finding (it keeps its verdict)."""
    return attrs.evolve(decision, findings=(*decision.findings, finding))


def html_renderings(decision: Decision) -> Iterator[str]:
    """Yield every HTML rendering of a decision."""
    for lang in LANGS:
        yield render.decision_html(decision, lang)
        yield render.decision_html(decision, lang, standalone=True)
        yield render.report([decision], lang=lang)
        for finding in decision.findings:
            yield render.finding_html(finding, lang)


def markdown_renderings(decision: Decision) -> Iterator[str]:
    """Yield every Markdown rendering of a decision."""
    for lang in LANGS:
        yield render.decision_markdown(decision, lang)
        yield render.report([decision], format="markdown", lang=lang)
        for finding in decision.findings:
            yield render.finding_markdown(finding, lang)


def shared_items(cases_dir: Path) -> list[Decision | CaseError | UnsupportedDateError]:
    """Evaluate the shared scenario files, keeping the errors of those that expect one."""
    items: list[Decision | CaseError | UnsupportedDateError] = []
    for path in sorted(cases_dir.glob("*.json")):
        scenario = json.loads(path.read_text(encoding="utf-8"))
        try:
            items.append(
                evaluate(
                    load_case(scenario["case"]), interpretation=Interpretation(**scenario.get("interpretation", {}))
                )
            )
        except (CaseError, UnsupportedDateError) as error:
            assert "error" in scenario["expect"], path
            items.append(error)
    return items


@pytest.fixture(scope="module")
def items() -> list[Decision | CaseError | UnsupportedDateError]:
    """The shared scenarios: decisions, and the errors of those that expect one."""
    result = shared_items(shared_cases_dir())
    assert {CaseError, UnsupportedDateError} <= {type(item) for item in result}
    return result


@pytest.fixture(scope="module")
def scenarios(items: list[Decision | CaseError | UnsupportedDateError]) -> list[Decision]:
    """Decisions for the shared scenarios that expect no error."""
    return [item for item in items if isinstance(item, Decision)]


# --- explain --------------------------------------------------------------------------


class TestExplain:
    """Tests for ``explain`` and ``text``."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_verdict_first(self, decision: Decision, lang: str) -> None:
        """The first line is the localized overall verdict, underlined."""
        lines = render.explain(decision, lang).splitlines()
        assert f"{HEADLINES[lang]}: {VERDICT_WORDS[lang]['not_met']}" == lines[0]
        assert set(lines[1]) == {"="}
        assert len(lines[0]) == len(lines[1])

    def test_english_headline(self, met: Decision) -> None:
        """The brief's example headlines."""
        assert "Overall: met" == render.explain(met, "en").splitlines()[0]
        assert "Samlet vurdering: opfyldt" == render.explain(met).splitlines()[0]

    @pytest.mark.parametrize("lang", LANGS)
    def test_sections_in_order(self, noticed: Decision, lang: str) -> None:
        """Verdict, then what to resolve, then the findings by family in catalogue order, then the notices."""
        text = render.explain(noticed, lang)
        words = {
            "da": ("Skal afklares", "Vurderinger efter regel", "Bemærkninger"),
            "en": ("To resolve", "Findings by rule", "Notices"),
        }
        unresolved, findings, notices = (text.index(f"\n{word}") for word in words[lang])
        assert text.index(HEADLINES[lang]) < unresolved < findings < notices
        positions = [text.index(f"\n{heading}\n", findings) for heading in FAMILY_HEADINGS[lang]]
        assert positions == sorted(positions)
        assert positions[-1] < notices

    @pytest.mark.parametrize("lang", LANGS)
    def test_unresolved_come_before_the_findings(self, decision: Decision, lang: str) -> None:
        """Each unresolved finding's message is listed before the findings section."""
        text = render.explain(decision, lang)
        head, _, rest = text.partition({"da": "\nVurderinger efter regel", "en": "\nFindings by rule"}[lang])
        unresolved = decision.unresolved()
        assert 2 == len(unresolved)
        assert f"({len(unresolved)})" in head
        for finding in unresolved:
            assert flat(finding.message(lang)) in flat(head)
        for finding in decision.findings:
            assert flat(finding.message(lang)) in flat(rest)

    @pytest.mark.parametrize("lang", LANGS)
    def test_every_finding_with_verdict_subject_and_citation(self, noticed: Decision, lang: str) -> None:
        """Every finding shows its verdict word, rule title, subject and message with its citation."""
        text = flat(render.explain(noticed, lang))
        for finding in noticed.findings:
            rule = next(rule for rule in CATALOGUE if rule.id == finding.rule)
            title = rule.title(lang, noticed.law.id)  # as the decision's law version words it
            assert title in text
            assert flat(finding.message(lang)) in text
            for reference in finding.references:
                assert reference.citation in text
        for notice in noticed.notices:
            assert flat(notice.message(lang)) in text

    @pytest.mark.parametrize("lang", LANGS)
    def test_titles_follow_the_law_version(self, lang: str) -> None:
        """agreement.written is titled "Registrering i »Min Plan«" from 2020 and by its old title under lab-2014."""
        (rule,) = [rule for rule in CATALOGUE if rule.id == "agreement.written"]
        old, new = rule.title(lang, "lab-2014"), rule.title(lang, "lab-2020")
        assert old != new
        text_2020 = flat(render.explain(evaluate(load_case(case_data())), lang))
        assert f" · {new} · periods[0].agreement" in text_2020
        assert f" · {old} · " not in text_2020
        data_2014 = case_data(decision_date="2018-02-20", periods=[{"start": "2018-03-01", "end": "2018-08-31"}])
        text_2014 = flat(render.explain(evaluate(load_case(data_2014)), lang))
        assert f" · {old} · periods[0].agreement" in text_2014
        assert f" · {new} · " not in text_2014

    @pytest.mark.parametrize(
        ("decision_date", "period", "provision", "other"),
        [
            ("2018-02-20", ("2018-03-01", "2018-08-31"), "§ 31 b, stk. 1", "§ 167"),
            ("2024-02-20", ("2024-03-01", "2024-08-31"), "§ 167, stk. 1", "§ 31 b"),
        ],
        ids=["lab-2014", "lab-2020"],
    )
    def test_the_rights_note_cites_the_discretion_of_the_law_version(
        self, decision_date: str, period: tuple[str, str], provision: str, other: str
    ) -> None:
        """The note on the rights cites old § 31 b, stk. 1 under lab-2014 (nothing of chapter 26) and § 167, stk. 1 from 2020."""
        data = case_data(
            decision_date=decision_date,
            periods=[{"start": period[0], "end": period[1]}],
            psychiatric_discharge={"discharge_date": period[0], "inpatient": False, "psychiatric": True},
        )
        for lang in LANGS:
            text = flat(render.explain(evaluate(load_case(data)), lang))
            note = {"da": "Retskravene indgår ikke", "en": "The rights do not enter"}[lang]
            start = text.index(note)
            sentence = text[start : text.index(")", start)]
            assert provision in sentence
            assert other not in sentence

    @pytest.mark.parametrize("lang", LANGS)
    def test_nothing_to_resolve(self, met: Decision, lang: str) -> None:
        """A met decision says there is nothing to resolve; without a case id no case line is shown."""
        text = render.explain(met, lang)
        assert {"da": "Intet at afklare", "en": "Nothing to resolve"}[lang] in text
        assert not re.search(r"^(Sag|Case):", text, re.MULTILINE)
        assert {"da": "Bemærkninger", "en": "Notices"}[lang] not in text

    def test_metadata(self, decision: Decision) -> None:
        """The case id, decision date, law version, interpretation, library version and fingerprint are shown."""
        text = render.explain(decision, "en")
        assert f"Case: {NASTY_ID}" in text
        assert "Decision date: 2024-02-20" in text
        assert "lab-2020" in text
        assert "ambiguous_dates=favour_citizen" in text
        assert decision.fingerprint in text
        assert decision.library_version in text

    @pytest.mark.parametrize("lang", LANGS)
    def test_lines_fit_a_terminal(self, noticed: Decision, scenarios: list[Decision], lang: str) -> None:
        """Lines are wrapped at 100 characters, with citations kept whole."""
        for item in (noticed, *scenarios):
            for line in render.explain(item, lang).splitlines():
                assert len(line) <= 100, line
                assert not line.rstrip().endswith(("§", "stk.", "nr.")), line

    def test_cpr_like_case_id_is_not_repeated(self, noticed: Decision) -> None:
        """A case id that looks like a CPR number is replaced in every rendering."""
        renderings = [render.explain(noticed, lang) for lang in LANGS]
        renderings += list(html_renderings(noticed)) + list(markdown_renderings(noticed))
        for rendering in renderings:
            assert "010203-1234" not in rendering
        assert "[skjult: ligner et CPR-nummer]" in render.explain(noticed)
        assert "[hidden: looks like a CPR number]" in render.explain(noticed, "en")

    def test_text_and_method_are_explain(self, decision: Decision) -> None:
        """``text`` and ``Decision.explain`` give the same text as ``explain``."""
        for lang in LANGS:
            assert render.explain(decision, lang) == render.text(decision, lang)
            assert render.explain(decision, lang) == decision.explain(lang)
        assert render.explain(decision) == decision.explain()

    def test_danish_is_the_default(self, decision: Decision) -> None:
        """Danish is the default language."""
        assert render.explain(decision, "da") == render.explain(decision)
        assert render.explain(decision, "da") != render.explain(decision, "en")

    def test_rights_are_marked_as_outside_the_verdict(self, decision: Decision) -> None:
        """The rights' family says it does not enter the overall verdict."""
        assert "Retskravene indgår ikke i den samlede vurdering" in flat(render.explain(decision))
        assert "The rights do not enter the overall verdict" in flat(render.explain(decision, "en"))


@pytest.mark.parametrize(
    "function",
    [
        render.explain,
        render.text,
        render.decision_markdown,
        render.decision_html,
    ],
)
@pytest.mark.parametrize("lang", ["", "de", "DA", "english"])
def test_unknown_language_is_refused(decision: Decision, function: Any, lang: str) -> None:
    """Only "da" and "en" are languages."""
    with pytest.raises(ValueError, match="lang"):
        function(decision, lang)


@pytest.mark.parametrize("function", [render.finding_html, render.finding_markdown])
def test_unknown_language_is_refused_for_findings(decision: Decision, function: Any) -> None:
    """Only "da" and "en" are languages for findings too."""
    with pytest.raises(ValueError, match="lang"):
        function(decision.findings[0], "sv")


# --- escaping and self-containment --------------------------------------------------------


TAG = re.compile(r"<\s*(script|link|img|iframe|object|embed|base|meta\s+http-equiv)\b", re.IGNORECASE)


class TestEscaping:
    """Every text from a case or a fact is escaped."""

    def test_hostile_case_texts_never_appear_unescaped(self, decision: Decision) -> None:
        """A goal, a task and a case id with markup never come out as markup."""
        for rendering in (*html_renderings(decision), *markdown_renderings(decision)):
            assert "<script" not in rendering.lower()
            assert '"&<>' not in rendering

    def test_case_id_is_escaped_in_html(self, decision: Decision) -> None:
        """The case id ``"&<>`` is shown escaped."""
        for lang in LANGS:
            assert "&quot;&amp;&lt;&gt;sag-7" in render.decision_html(decision, lang)
            assert "&quot;&amp;&lt;&gt;sag-7" in render.report([decision], lang=lang)

    def test_hostile_messages_and_facts_are_escaped(self, decision: Decision) -> None:
        """Messages, facts, citations and sources with markup are escaped; a non-web URL is not linked."""
        finding = hostile_finding()
        hostile = with_finding(decision, finding)
        renderings = [render.finding_html(finding, lang) for lang in LANGS]
        renderings += [render.finding_markdown(finding, lang) for lang in LANGS]
        renderings += list(html_renderings(hostile)) + list(markdown_renderings(hostile))
        for rendering in renderings:
            assert "<script" not in rendering.lower()
            assert "javascript:" not in rendering
            assert "<vejledning>" not in rendering
        html_text = render.finding_html(finding)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
        assert "star.dk &quot;&amp;&quot;" in html_text
        assert "ikke verificeret" in html_text
        assert "vejledning</span>" in html_text  # the kind of a guidance reference is tagged

    def test_hostile_subject_and_notice_are_escaped(self, decision: Decision) -> None:
        """Subjects and notice texts are escaped too."""
        finding = hostile_finding(subject=f"periods[0].{XSS}`")
        notice = Notice("law.unverified", XSS, (HOSTILE_REFERENCE,), MappingProxyType({}), StubExplainer(XSS))
        hostile = attrs.evolve(decision, findings=(*decision.findings, finding), notices=(notice,))
        for rendering in (*html_renderings(hostile), *markdown_renderings(hostile)):
            assert "<script" not in rendering.lower()

    def test_markdown_escapes_markup(self) -> None:
        """Markdown escapes its own specials, ``|`` included, and HTML."""
        text = render.finding_markdown(hostile_finding(), "en")
        assert r"\*bold\*" in text
        assert r"\[x\](y)" in text
        assert r"\|" in text
        assert "&lt;script&gt;" in text

    @pytest.mark.parametrize("lang", LANGS)
    def test_html_is_self_contained(self, noticed: Decision, lang: str) -> None:
        """No scripts, no external style sheets, images or frames; the only links are the references and anchors."""
        urls = {r.url for f in noticed.findings for r in f.references} | {
            r.url for n in noticed.notices for r in n.references
        }
        for rendering in (
            render.decision_html(noticed, lang),
            render.decision_html(noticed, lang, standalone=True),
            render.report([noticed], lang=lang),
        ):
            assert not TAG.search(rendering)
            assert "@import" not in rendering
            assert "url(" not in rendering
            assert not re.search(r"\bsrc\s*=", rendering)
            assert not re.search(r"\bon[a-z]+\s*=", rendering)  # no event handlers
            for href in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', rendering):
                assert href.startswith("#") or href in urls, href
            assert re.findall(r"<a\b[^>]*\bhref=\"https://", rendering)
            for tag in re.findall(r"<(?:link|script|img)\b[^>]*>", rendering):
                assert "http" not in tag

    def test_fragment_and_document(self, decision: Decision) -> None:
        """The notebook fragment has one scoped style; the standalone form is a whole UTF-8 document."""
        fragment = render.decision_html(decision)
        assert fragment.startswith('<div class="mr" lang="da"><style>')
        assert 1 == fragment.count("<style>")
        document = render.decision_html(decision, "en", standalone=True)
        assert document.startswith("<!DOCTYPE html>")
        assert '<html lang="en">' in document
        assert '<meta charset="utf-8">' in document
        assert "<title>Mentor support: not met – &quot;&amp;&lt;&gt;sag-7</title>" in document

    def test_document_title_without_case_id(self, met: Decision) -> None:
        """Without a case id the title names the verdict only."""
        assert "<title>Mentorstøtte: opfyldt</title>" in render.decision_html(met, standalone=True)


# --- HTML content --------------------------------------------------------------------------


class TestHtml:
    """What the HTML shows."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_header_badge_summary_table_footer(self, noticed: Decision, lang: str) -> None:
        """Header with the verdict badge, the unresolved summary, the findings table, notices and the footer."""
        page = render.decision_html(noticed, lang)
        verdict = noticed.verdict.value
        assert f'class="mr-head mr-v-{verdict}"' in page
        header = page[page.index('<header class="mr-head') : page.index("</header>")]
        assert f'class="mr-badge mr-{verdict}"' in header
        table = page.index('<table class="mr-table mr-stack">')
        assert page.index("</header>") < page.index("mr-box mr-todo") < table
        assert table < page.index('class="mr-notices"') < page.index('class="mr-foot"')
        assert page.count('<tr class="mr-family">') == 5
        for finding in noticed.findings:
            assert flat(render._prose(finding.message(lang))) in flat(page)
            if finding.rule.startswith("right."):  # a right is no condition: its badge is neutral (test_render_rights)
                assert finding.verdict is Verdict.NOT_APPLICABLE
                assert 'class="mr-badge mr-right mr-right-no"' in page
            else:
                assert f'class="mr-badge mr-{finding.verdict.value}"' in page
            for reference in finding.references:
                assert f'href="{reference.url}"' in page
        footer = page[page.index('class="mr-foot"') :]
        assert noticed.fingerprint in footer
        assert noticed.law.id in footer
        assert noticed.library_version in footer
        for key in noticed.interpretation.to_dict():
            assert f"<code>{key}</code>" in footer

    def test_colours_per_verdict(self) -> None:
        """Each verdict has its colour: met green, not met red, needs assessment amber, missing facts blue, not applicable grey."""
        css = render._CSS
        expected = {
            "met": "#dafbe1",
            "not_met": "#ffebe9",
            "needs_assessment": "#fff8c5",
            "missing_facts": "#ddf4ff",
            "not_applicable": "#f6f8fa",
        }
        for verdict, colour in expected.items():
            assert re.search(rf"\.mr-{verdict}\{{background:{colour}", css), verdict

    def test_nothing_to_resolve_box(self, met: Decision) -> None:
        """A met decision shows the green box."""
        page = render.decision_html(met, "en")
        assert "mr-box mr-done" in page
        assert "Nothing to resolve" in page
        assert 'class="mr-notices"' not in page

    def test_chosen_interpretation_is_marked(self, decision: Decision) -> None:
        """A choice that differs from the default is marked as chosen."""
        strict = evaluate(decision.case, interpretation=Interpretation(ambiguous_dates="strict"))
        page = render.decision_html(strict, "en")
        assert 1 == page.count('<td class="mr-chosen">chosen</td>')
        assert 6 == page.count('<td class="mr-note">default</td>')

    def test_facts_are_listed(self) -> None:
        """A finding's facts are shown, dates in ISO form and lists as JSON; no facts, no list."""
        page = render.finding_html(hostile_finding(), "en")
        assert "<dt>when</dt><dd>2024-03-01</dd>" in page
        assert "<dt>amount</dt><dd>2</dd>" in page
        assert "<dt>items</dt><dd>[&quot;&lt;script&gt;" in page
        bare = render.finding_html(hostile_finding(facts=MappingProxyType({})), "en")
        assert 'class="mr-facts"' not in bare

    def test_unknown_rule_keeps_its_id(self) -> None:
        """A finding of a rule outside the catalogue is titled by its id."""
        page = render.finding_html(hostile_finding(rule="local.extra"), "en")
        assert "<strong>local.extra</strong>" in page


# --- Markdown ------------------------------------------------------------------------------


TABLE_SPLIT = re.compile(r"(?<!\\)\|")


class TestMarkdown:
    """What the Markdown shows."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_structure(self, noticed: Decision, lang: str) -> None:
        """Headline first, then what to resolve, one table per family, the notices and the footer."""
        text = render.decision_markdown(noticed, lang)
        lines = text.splitlines()
        assert lines[0] == f"## {HEADLINES[lang]}: ✗ {VERDICT_WORDS[lang]['not_met']}" or lines[0].startswith(
            f"## {HEADLINES[lang]}: "
        )
        assert lines[0].endswith(VERDICT_WORDS[lang][noticed.verdict.value])
        resolve = text.index({"da": "### Skal afklares", "en": "### To resolve"}[lang])
        findings = text.index({"da": "### Vurderinger efter regel", "en": "### Findings by rule"}[lang])
        notices = text.index({"da": "### Bemærkninger", "en": "### Notices"}[lang])
        assert resolve < findings < notices
        positions = [text.index(f"#### {heading}") for heading in FAMILY_HEADINGS[lang]]
        assert positions == sorted(positions)
        assert noticed.fingerprint in text.splitlines()[-1]

    def test_table_cells_are_intact(self, decision: Decision) -> None:
        """Every table row has as many cells as its header, even with ``|`` in a message."""
        hostile = with_finding(decision, hostile_finding())
        for text in (render.decision_markdown(hostile, "en"), render.report([hostile, hostile], format="markdown")):
            columns = 0
            for line in text.splitlines():
                if line.startswith("|"):
                    cells = len(TABLE_SPLIT.split(line))
                    if line.startswith(("| ---", "| ---:")):
                        assert cells == columns, line
                    elif columns and cells != columns:
                        columns = cells  # a new table's header
                    else:
                        columns = columns or cells
                        assert cells == columns, line
                else:
                    columns = 0

    def test_sources_are_links(self, decision: Decision) -> None:
        """Every reference is a Markdown link to its URL, with its source."""
        text = render.decision_markdown(decision)
        for finding in decision.findings:
            for reference in finding.references:
                assert f"]({reference.url})" in text
                assert reference.source in text

    def test_unverified_reference_is_marked(self, noticed: Decision) -> None:
        """Unverified references say so."""
        assert any(not r.verified for f in noticed.findings for r in f.references)
        assert "ikke verificeret" in render.decision_markdown(noticed)
        assert "not verified" in render.decision_markdown(noticed, "en")

    def test_url_is_made_safe_for_a_link(self) -> None:
        """Parentheses and spaces in a URL cannot end the link early."""
        reference = attrs.evolve(HOSTILE_REFERENCE, url="https://example.org/a (b)|c")
        text = render.finding_markdown(hostile_finding(references=(reference,)), "en")
        assert "(https://example.org/a%20%28b%29%7Cc)" in text

    @pytest.mark.parametrize("lang", LANGS)
    def test_finding_markdown(self, decision: Decision, lang: str) -> None:
        """A finding's Markdown names its verdict, title, subject, rule id, message and sources."""
        finding = decision.unresolved()[0]
        text = render.finding_markdown(finding, lang)
        assert text.startswith(f"**✗ {VERDICT_WORDS[lang]['not_met']}**")
        assert "`periods[0].agreement`" in text
        assert f"`{finding.rule}`" in text
        assert {"da": "Kilder: ", "en": "Sources: "}[lang] in text

    def test_nothing_to_resolve(self, met: Decision) -> None:
        """A met decision says so and has no notices section."""
        text = render.decision_markdown(met, "en")
        assert "Nothing to resolve" in text
        assert "### Notices" not in text


# --- notebook display ----------------------------------------------------------------------


def test_notebook_display(decision: Decision) -> None:
    """``_repr_html_`` and ``_repr_markdown_`` of Decision and Finding render in Danish."""
    assert render.decision_html(decision) == decision._repr_html_()
    assert render.decision_markdown(decision) == decision._repr_markdown_()
    finding = decision.findings[0]
    assert render.finding_html(finding) == finding._repr_html_()
    assert render.finding_markdown(finding) == finding._repr_markdown_()
    assert 'lang="da"' in decision._repr_html_()


# --- reports -------------------------------------------------------------------------------


def markdown_table(text: str, heading: str) -> list[list[str]]:
    """Return the body rows of the first Markdown table under a heading, as stripped cells."""
    lines = text[text.index(heading) :].splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2 :]:  # after the header and its rule
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in TABLE_SPLIT.split(line)[1:-1]])
    return rows


class TestReport:
    """Tests for ``report``."""

    def test_counts_by_verdict(self, items: list[Any]) -> None:
        """The overview counts decisions by overall verdict, and errors."""
        decisions = [item for item in items if isinstance(item, Decision)]
        expected = Counter(d.verdict.value for d in decisions)
        rows = markdown_table(render.report(items, format="markdown", lang="en"), "### Overall")
        counts = {row[0]: int(row[1]) for row in rows}
        labels = {
            "not_met": "✗ not met",
            "missing_facts": "? missing facts",
            "needs_assessment": "! needs assessment",
            "met": "✓ met",
        }
        assert {labels[v]: expected[v] for v in labels} | {"Errors": len(items) - len(decisions)} == counts

    def test_counts_by_rule_and_verdict(self, items: list[Any]) -> None:
        """The rule x verdict table counts the conditions' findings, the rights' table the rights; catalogue order."""
        decisions = [item for item in items if isinstance(item, Decision)]
        text = render.report(items, format="markdown", lang="en")
        conditions = [rule for rule in CATALOGUE if rule.family != "right"]
        rights = [rule for rule in CATALOGUE if rule.family == "right"]
        assert 2 == len(rights)
        rows = markdown_table(text, "### Findings by rule")
        assert [f"`{rule.id}`" for rule in conditions] == [re.search(r"`[^`]+`", row[0]).group(0) for row in rows]  # type: ignore[union-attr]
        order = ["not_met", "missing_facts", "needs_assessment", "met", "not_applicable"]
        for rule, row in zip(conditions, rows, strict=True):
            counts = Counter(f.verdict.value for d in decisions for f in d.findings_for(rule.id))
            assert [counts[v] for v in order] == [int(cell) for cell in row[1:]], rule.id
        right_rows = markdown_table(text, "### Statutory rights")
        assert [f"`{rule.id}`" for rule in rights] == [re.search(r"`[^`]+`", row[0]).group(0) for row in right_rows]  # type: ignore[union-attr]
        states = {"met": 0, "needs_assessment": 1, "missing_facts": 1, "not_met": 2, "not_applicable": 2}
        for rule, row in zip(rights, right_rows, strict=True):
            by_state = [0, 0, 0]  # exists, pending, does not exist
            for d in decisions:
                for f in d.findings_for(rule.id):
                    by_state[states[f.verdict.value]] += 1
            assert by_state == [int(cell) for cell in row[1:]], rule.id
        total = sum(int(cell) for row in (*rows, *right_rows) for cell in row[1:])
        assert sum(len(d.findings) for d in decisions) == total

    def test_counts_by_law_version(self, items: list[Any]) -> None:
        """The law versions are counted, oldest first."""
        decisions = [item for item in items if isinstance(item, Decision)]
        rows = markdown_table(render.report(items, format="markdown"), "### Efter regelsæt")
        expected = Counter(d.law.id for d in decisions)
        assert [[f"`{law}`", str(expected[law])] for law in ("lab-2014", "lab-2020") if expected[law]] == rows

    def test_html_counts_match(self, items: list[Any]) -> None:
        """The HTML tiles show the same counts as the Markdown."""
        decisions = [item for item in items if isinstance(item, Decision)]
        page = render.report(items, lang="en")
        expected = Counter(d.verdict for d in decisions)
        for verdict in (Verdict.NOT_MET, Verdict.MISSING_FACTS, Verdict.NEEDS_ASSESSMENT, Verdict.MET):
            badge = f'<div class="mr-tile"><span class="mr-badge mr-{verdict.value}">'
            tile = page[page.index(badge) :]
            assert f'<span class="mr-big">{expected[verdict]}</span>' in tile[: tile.index("</div>")]
        errors = len(items) - len(decisions)
        assert f'Errors</span><span class="mr-big">{errors}</span>' in page

    def test_one_section_per_case_in_order(self, items: list[Any]) -> None:
        """Each item has an anchored section, in input order; errors are listed with their type."""
        page = render.report(items)
        positions = [page.index(f'<section class="mr-case" id="mr-case-{n}">') for n in range(1, len(items) + 1)]
        assert positions == sorted(positions)
        assert 1 == page.count("<style>")
        assert page.startswith("<!DOCTYPE html>")
        for number, item in enumerate(items, 1):
            section = page[positions[number - 1] : [*positions, len(page)][number]]
            assert f'href="#mr-case-{number}"' in page
            if isinstance(item, Decision):
                assert item.fingerprint in section
            else:
                assert type(item).__name__ in section
        markdown = render.report(items, format="markdown")
        for number in range(1, len(items) + 1):
            assert f'<a id="mr-case-{number}"></a>' in markdown
            assert f"(#mr-case-{number})" in markdown

    def test_case_labels(self, decision: Decision, met: Decision) -> None:
        """Sections are headed by the case id, or "Sag N" / "Case N"."""
        page = render.report([decision, met], lang="da")
        assert "<h2>1. &quot;&amp;&lt;&gt;sag-7</h2>" in page
        assert "<h2>2. Sag 2</h2>" in page
        assert "## 2. Case 2" in render.report([decision, met], format="markdown", lang="en")

    def test_error_details(self) -> None:
        """A CaseError lists its bad fields; an UnsupportedDateError its message."""
        case_error = CaseError([])
        try:
            load_case({"decision_date": "2024-02-30", "periods": [{"start": "2024-03-01", "end": "2024-02-01"}]})
        except CaseError as error:
            case_error = error
        try:
            evaluate(load_case({"decision_date": "2013-12-31"}))
        except UnsupportedDateError as error:
            date_error = error
        for fmt in ("html", "markdown"):
            text = render.report([case_error, date_error], format=fmt)
            for field in case_error.errors:
                assert (field.path if fmt == "html" else render._md(field.path)) in text
            assert "2013-12-31" in text
            assert "CaseError" in text
            assert "UnsupportedDateError" in text
            assert "0 afgørelser · 2 fejl" in text

    def test_empty_report(self) -> None:
        """A report over nothing says so."""
        assert "Rapporten indeholder ingen sager." in render.report([])
        assert "The report holds no cases." in render.report(iter([]), format="markdown", lang="en")

    def test_accepts_any_iterable(self, decision: Decision) -> None:
        """A generator is consumed once and rendered like a list."""
        assert render.report([decision]) == render.report(d for d in [decision])

    def test_refuses_other_items(self, decision: Decision) -> None:
        """Only decisions and the two errors are items."""
        with pytest.raises(TypeError, match="dict"):
            render.report([decision, {"case": 1}])  # type: ignore[list-item]

    @pytest.mark.parametrize(("kwargs", "match"), [({"format": "pdf"}, "format"), ({"lang": "no"}, "lang")])
    def test_refuses_unknown_options(self, decision: Decision, kwargs: Mapping[str, str], match: str) -> None:
        """Unknown formats and languages are refused."""
        with pytest.raises(ValueError, match=match):
            render.report([decision], **kwargs)  # type: ignore[arg-type]

    def test_unknown_law_version_is_counted(self, decision: Decision) -> None:
        """A law version the library does not know (a future one) is still counted."""
        future = LawVersion(id="lab-2027", title="Ny lov", valid_from=date(2027, 1, 1), valid_to=date(2030, 12, 31))
        page = render.report([decision, attrs.evolve(decision, law=future)], format="markdown")
        assert [["`lab-2020`", "1"], ["`lab-2027`", "1"]] == markdown_table(page, "### Efter regelsæt")


@pytest.mark.parametrize("lang", LANGS)
def test_every_shared_scenario_renders(scenarios: list[Decision], lang: str) -> None:
    """Every shared scenario renders in every format, headline first."""
    for item in scenarios:
        assert render.explain(item, lang).startswith(HEADLINES[lang])
        assert render.decision_markdown(item, lang).startswith(f"## {HEADLINES[lang]}")
        assert "mr-head" in render.decision_html(item, lang)


@given(case=testing.cases(), interpretation=testing.interpretations())
def test_any_decision_renders(case: Case, interpretation: Interpretation) -> None:
    """Any decision renders in both languages: headline first, no markup from the case, lines within 100 characters."""
    decision = evaluate(case, interpretation=interpretation)
    for lang in LANGS:
        text = render.explain(decision, lang)
        assert text.startswith(f"{HEADLINES[lang]}: {VERDICT_WORDS[lang][decision.verdict.value]}")
        assert all(len(line) <= 100 for line in text.splitlines() if " " in line.strip())
        for rendering in (render.decision_html(decision, lang), render.decision_markdown(decision, lang)):
            assert not TAG.search(rendering)
