"""
Tests for how ``mentorrules.render`` shows the statutory rights (``right.*``).

A right's finding says whether a right exists; it does not enter the overall
verdict (DESIGN section 4), and a right that does not exist only means that
the support is discretionary.  So no rendering shows a right as a failed or an
irrelevant condition: the right is worded neutrally, citing the provision of
the law version applied (taken from the finding's own references), and a
pending right names what waits on it (DESIGN section 5, C2.11).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from mentorrules import Decision, evaluate, load_case, render
from mentorrules.model.outcomes import Finding, Verdict
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.rules import CATALOGUE


LANGS = ("da", "en")
PSYCHIATRIC = "right.psychiatric_discharge"
EDUCATION = "right.education_admission"
#: The words of a right that does not exist, exists or is pending, by language, for a provision.
NO_RIGHT = {
    "da": "ingen ret efter {p} — støtten er skønsmæssig",
    "en": "no right under {p} — the support is discretionary",
}
RIGHT = {"da": "ret efter {p}", "en": "right under {p}"}
PENDING = {"da": "afventer: ret efter {p}", "en": "pending: right under {p}"}
#: The words of the verdicts a right must never be shown with.
CONDITION_WORDS = {
    "da": ("✗ ikke opfyldt", "– ikke relevant", "✓ opfyldt", "? mangler oplysninger", "! kræver vurdering"),
    "en": ("✗ not met", "– not applicable", "✓ met", "? missing facts", "! needs assessment"),
}
WHOLE_CASE = {"da": "hele sagen", "en": "the whole case"}


def flat(text: str) -> str:
    """Collapse white space (wrapping) and non-breaking spaces."""
    return " ".join(text.replace("\xa0", " ").split())


def psychiatric_case(**changes: Any) -> dict[str, Any]:
    """Return a 2025 case of a discharge from psychiatric in-patient admission, support from 3 months before."""
    case: dict[str, Any] = {
        "decision_date": "2025-06-10",
        "case_id": "sag-ret",
        "citizen": {"target_group": "sickness_benefit"},
        "purpose": "activity",
        "periods": [{"start": "2025-06-15", "end": "2025-12-14"}],
        "psychiatric_discharge": {"discharge_date": "2025-09-15", "inpatient": True, "psychiatric": True},
    }
    case.update(changes)
    return case


def late_discharge(**changes: Any) -> dict[str, Any]:
    """Return a case whose support starts after the discharge, with no assessment of the connection: pending."""
    discharge = {"discharge_date": "2025-06-01", "inpatient": True, "psychiatric": True}
    return psychiatric_case(psychiatric_discharge=discharge, **changes)


def education_case(**changes: Any) -> dict[str, Any]:
    """Return a case of admission to education of an education-ready recipient under 30 who took up the right."""
    case: dict[str, Any] = {
        "decision_date": "2024-08-20",
        "citizen": {"birth_date": "2001-05-01", "target_group": "education_benefit_education_ready"},
        "purpose": "ordinary_education",
        "periods": [{"start": "2024-08-15", "end": "2025-01-31"}],
        "education_admission": {"admission_date": "2024-08-01", "qualifying": True, "right_invoked_on": "2024-08-15"},
    }
    case.update(changes)
    return case


def decide(document: dict[str, Any]) -> Decision:
    """Evaluate a case document."""
    return evaluate(load_case(document))


def right_of(decision: Decision, rule: str) -> Finding:
    """Return the one finding of a right."""
    (finding,) = decision.findings_for(rule)
    return finding


def title(decision: Decision, rule: str, lang: str) -> str:
    """Return a rule's title as the decision's law version words it."""
    (entry,) = [r for r in CATALOGUE if r.id == rule]
    return entry.title(lang, decision.law.id)


def text_blocks(text: str) -> list[str]:
    """Return the findings of ``explain`` as flat texts: a head line at two spaces, then its lines at six."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if re.match(r"  \S", line):
            blocks.append([line])
        elif line.startswith("      ") and blocks:
            blocks[-1].append(line)
    return [flat("\n".join(block)) for block in blocks]


def findings_part(text: str, lang: str) -> str:
    """Return ``explain`` from the findings by rule on (after what to resolve)."""
    return text[text.index({"da": "\nVurderinger efter regel", "en": "\nFindings by rule"}[lang]) :]


def html_row(page: str, rule: str) -> str:
    """Return the HTML table row of a finding, found by its rule id."""
    marker = f'<span class="mr-rule mr-mono">{rule}</span>'
    start = page.rindex("<tr", 0, page.index(marker))
    return page[start : page.index("</tr>", start)]


def markdown_row(text: str, rule_title: str) -> str:
    """Return the Markdown table row of a finding, found by its rule's title."""
    (row,) = [line for line in text.splitlines() if line.startswith(f"| {rule_title} |")]
    return row


@pytest.fixture(scope="module")
def met_2020() -> Decision:
    """The psychiatric right exists (lab-2020)."""
    decision = decide(psychiatric_case())
    assert Verdict.MET is right_of(decision, PSYCHIATRIC).verdict
    assert "lab-2020" == decision.law.id
    return decision


@pytest.fixture(scope="module")
def somatic_2020() -> Decision:
    """A somatic admission: the psychiatric right does not exist (lab-2020); no admission to education."""
    decision = decide(
        psychiatric_case(
            psychiatric_discharge={"discharge_date": "2025-09-15", "inpatient": True, "psychiatric": False}
        )
    )
    assert Verdict.NOT_MET is right_of(decision, PSYCHIATRIC).verdict
    assert Verdict.NOT_APPLICABLE is right_of(decision, EDUCATION).verdict
    return decision


@pytest.fixture(scope="module")
def old_2014() -> Decision:
    """Under lab-2014: an out-patient, so no right under old § 31 b, stk. 2; and chapter 9 b had no education right."""
    decision = decide(
        {
            "decision_date": "2018-06-10",
            "citizen": {"target_group": "sickness_benefit"},
            "purpose": "activity",
            "periods": [{"start": "2018-06-15", "end": "2018-12-14"}],
            "psychiatric_discharge": {"discharge_date": "2018-09-15", "inpatient": False, "psychiatric": True},
            "education_admission": {
                "admission_date": "2018-08-01",
                "qualifying": True,
                "right_invoked_on": "2018-08-15",
            },
        }
    )
    assert "lab-2014" == decision.law.id
    assert Verdict.NOT_MET is right_of(decision, PSYCHIATRIC).verdict
    assert Verdict.NOT_APPLICABLE is right_of(decision, EDUCATION).verdict
    return decision


@pytest.fixture(scope="module")
def pending() -> Decision:
    """The psychiatric right is pending, and the decisive need (recorded "no") waits on it."""
    decision = decide(late_discharge(decisive_need={"outcome": False}))
    assert Verdict.NEEDS_ASSESSMENT is right_of(decision, PSYCHIATRIC).verdict
    return decision


@pytest.fixture(scope="module")
def pending_alone() -> Decision:
    """The psychiatric right is pending, but no other finding depends on it (the need is assessed "yes")."""
    decision = decide(late_discharge(decisive_need={"outcome": True, "on": "2025-06-10"}))
    assert Verdict.NEEDS_ASSESSMENT is right_of(decision, PSYCHIATRIC).verdict
    assert not [f for f in decision.findings if "pending" in f.facts]
    return decision


@pytest.fixture(scope="module")
def education_pending() -> Decision:
    """The education right is pending: the day it was taken up is unknown."""
    admission = {"admission_date": "2024-08-01", "qualifying": True, "right_invoked_on": None}
    decision = decide(education_case(education_admission=admission, decisive_need=None))
    assert Verdict.MISSING_FACTS is right_of(decision, EDUCATION).verdict
    return decision


def case_section(report: str) -> str:
    """Return a report over one decision from the decision's own section on (after the overview tables)."""
    return report[report.index('id="mr-case-1"') :]


def renderings(decision: Decision, lang: str) -> Iterator[tuple[str, str]]:
    """Yield every rendering of a decision that shows its findings, by name (of a report, the decision's section)."""
    yield "text", render.explain(decision, lang)
    yield "markdown", render.decision_markdown(decision, lang)
    yield "html", render.decision_html(decision, lang)
    yield "report-html", case_section(render.report([decision], lang=lang))
    yield "report-markdown", case_section(render.report([decision], format="markdown", lang=lang))


def assert_right_shown(decision: Decision, rule: str, lang: str, words: str) -> None:
    """Assert that every rendering shows the right with ``words`` and never with a condition's verdict."""
    name = title(decision, rule, lang)
    finding = right_of(decision, rule)
    for kind, rendering in renderings(decision, lang):
        if kind == "text":
            (block,) = [b for b in text_blocks(findings_part(rendering, lang)) if f" · {name} · " in b]
            head = block[: block.index(f" · {name} · ")]
            assert words in head, (kind, head)
            assert not any(word in head for word in CONDITION_WORDS[lang]), (kind, head)
            assert flat(finding.message(lang)) in block
        elif kind.endswith("markdown"):
            row = markdown_row(rendering, name)
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
            assert words in cells[2], (kind, cells[2])
            assert cells[2] not in CONDITION_WORDS[lang]
        else:
            row = html_row(rendering, rule)
            assert words in flat(row), kind
            assert 'class="mr-badge mr-right mr-right-' in row
            assert not re.search(
                r'class="mr-badge mr-(met|not_met|needs_assessment|missing_facts|not_applicable)"', row
            )
            assert 'class="mr-na"' not in row  # a right that does not apply is not greyed out as irrelevant


class TestWords:
    """A right is worded by whether it exists, citing the provision of the law version applied."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_right_that_does_not_exist_is_no_failure(self, somatic_2020: Decision, lang: str) -> None:
        """Not met: "no right under § 167, stk. 2 — the support is discretionary", never "not met"."""
        assert_right_shown(somatic_2020, PSYCHIATRIC, lang, NO_RIGHT[lang].format(p="§ 167, stk. 2"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_right_that_does_not_apply_is_no_right(self, somatic_2020: Decision, lang: str) -> None:
        """Not applicable (no admission to education): no right under § 167, stk. 3, never "not applicable"."""
        assert_right_shown(somatic_2020, EDUCATION, lang, NO_RIGHT[lang].format(p="§ 167, stk. 3"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_right_that_exists(self, met_2020: Decision, lang: str) -> None:
        """Met: "right under § 167, stk. 2", never "met" as if it were a condition."""
        assert_right_shown(met_2020, PSYCHIATRIC, lang, RIGHT[lang].format(p="§ 167, stk. 2"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_old_act_is_cited_under_lab_2014(self, old_2014: Decision, lang: str) -> None:
        """Under lab-2014 the psychiatric right is old § 31 b, stk. 2; the education right did not exist (§ 31 b)."""
        assert_right_shown(old_2014, PSYCHIATRIC, lang, NO_RIGHT[lang].format(p="§ 31 b, stk. 2"))
        assert_right_shown(old_2014, EDUCATION, lang, NO_RIGHT[lang].format(p="§ 31 b"))
        for _, rendering in renderings(old_2014, lang):
            assert "§ 167, stk. 2" not in flat(rendering)

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_pending_right(self, pending: Decision, lang: str) -> None:
        """Pending: "pending: right under § 167, stk. 2", with the message saying what must be assessed."""
        assert_right_shown(pending, PSYCHIATRIC, lang, PENDING[lang].format(p="§ 167, stk. 2"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_pending_education_right(self, education_pending: Decision, lang: str) -> None:
        """A right with a missing fact is pending too, citing § 167, stk. 3."""
        assert_right_shown(education_pending, EDUCATION, lang, PENDING[lang].format(p="§ 167, stk. 3"))

    def test_the_provision_is_the_findings_own(self, somatic_2020: Decision) -> None:
        """The provision comes from the finding's first reference into an act, whatever it is."""
        finding = right_of(somatic_2020, PSYCHIATRIC)
        first, *others = finding.references
        assert ReferenceKind.LAW is first.kind
        moved = attrs.evolve(first, section="99 a", subsection=4)
        guidance = LegalReference(
            act="STAR", section="7", source="star.dk", url="https://star.dk", kind=ReferenceKind.GUIDANCE
        )
        changed = finding._replace(references=(guidance, moved, *others))
        assert NO_RIGHT["da"].format(p="§ 99 a, stk. 4") in render.finding_markdown(changed)
        # without a subsection, the section alone
        bare = finding._replace(references=(attrs.evolve(first, subsection=None),))
        assert "ingen ret efter § 167 — støtten" in render.finding_markdown(bare)

    def test_without_a_reference_into_an_act(self, somatic_2020: Decision) -> None:
        """Without a reference into an act the first that names a section is cited; without any, none is."""
        finding = right_of(somatic_2020, PSYCHIATRIC)
        guidance = LegalReference(
            act="STAR", section="7", source="star.dk", url="https://star.dk", kind=ReferenceKind.GUIDANCE
        )
        assert "no right under § 7 — the support" in render.finding_markdown(
            finding._replace(references=(guidance,)), "en"
        )
        unnamed = LegalReference(act="LAB", text="LAB kapitel 9 b (§§ 31 b–31 f)", source="LAB", url="https://x.dk")
        text = render.finding_markdown(finding._replace(references=(unnamed,)), "en")
        assert "**◇ no right — the support is discretionary**" in text

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_rights_note_is_kept(self, somatic_2020: Decision, lang: str) -> None:
        """The note that the rights do not enter the overall verdict stays in every rendering of a decision."""
        note = {
            "da": "Retskravene indgår ikke i den samlede vurdering",
            "en": "The rights do not enter the overall verdict",
        }
        for _, rendering in renderings(somatic_2020, lang):
            assert note[lang] in flat(rendering)


class TestPending:
    """A pending right says what must be resolved and which findings wait on it."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_findings_that_wait_are_named(self, pending: Decision, lang: str) -> None:
        """The findings marked with the fact ``pending`` naming the right are listed with the right."""
        waiting = [f for f in pending.findings if f.facts.get("pending") == PSYCHIATRIC]
        assert ["eligibility.decisive_need"] == [f.rule for f in waiting]
        names = "; ".join(f"{title(pending, f.rule, lang)} ({WHOLE_CASE[lang]})" for f in waiting)
        sentence = {
            "da": f"Vurderinger, der afventer retten: {names}.",
            "en": f"Findings that wait on the right: {names}.",
        }
        for kind, rendering in renderings(pending, lang):
            assert sentence[lang] in flat(rendering), kind
        head = f"◈ {PENDING[lang].format(p='§ 167, stk. 2')} · "
        message = flat(right_of(pending, PSYCHIATRIC).message(lang))
        # in what to resolve and among the rights: each time after the right's message
        blocks = [block for block in text_blocks(render.explain(pending, lang)) if block.startswith(head)]
        assert 2 == len(blocks)
        for block in blocks:
            assert block.index(message) < block.index(sentence[lang])

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_pending_right_is_to_resolve(self, pending: Decision, lang: str) -> None:
        """A pending right is listed under what to resolve, with its neutral mark, in every rendering."""
        words = PENDING[lang].format(p="§ 167, stk. 2")
        resolve = {"da": "Skal afklares", "en": "To resolve"}[lang]
        findings = {"da": "Vurderinger efter regel", "en": "Findings by rule"}[lang]
        for kind, rendering in renderings(pending, lang):
            text = flat(rendering)
            section = text[text.index(resolve) : text.index(findings)]
            assert words in section, kind

    @pytest.mark.parametrize("lang", LANGS)
    def test_no_finding_waits(self, pending_alone: Decision, lang: str) -> None:
        """A pending right that no finding waits on says so."""
        sentence = {"da": "Ingen andre vurderinger afhænger af retten.", "en": "No other finding depends on the right."}
        for kind, rendering in renderings(pending_alone, lang):
            assert sentence[lang] in flat(rendering), kind

    def test_the_waiting_list_follows_the_fact(self, pending_alone: Decision) -> None:
        """The list is read from the fact ``pending``: a finding marked for this right is named, not one for another."""
        (duration,) = pending_alone.findings_for("duration.period_length")
        (purpose,) = pending_alone.findings_for("eligibility.purpose")
        marked = {
            id(duration): duration._replace(facts={**duration.facts, "pending": PSYCHIATRIC}),
            id(purpose): purpose._replace(facts={**purpose.facts, "pending": EDUCATION}),
        }
        changed = attrs.evolve(pending_alone, findings=tuple(marked.get(id(f), f) for f in pending_alone.findings))
        text = flat(render.explain(changed, "en"))
        assert (
            f"Findings that wait on the right: {title(changed, 'duration.period_length', 'en')} (periods[0])." in text
        )
        assert title(changed, "eligibility.purpose", "en") + " (the whole case)" not in text

    @pytest.mark.parametrize("fixture", ["met_2020", "somatic_2020"])
    def test_only_a_pending_right_names_waiting_findings(self, fixture: str, request: pytest.FixtureRequest) -> None:
        """A right that exists or does not exist names no waiting findings."""
        decision: Decision = request.getfixturevalue(fixture)
        for lang in LANGS:
            for _, rendering in renderings(decision, lang):
                text = flat(rendering)
                assert "afventer retten" not in text
                assert "wait on the right" not in text
                assert "afhænger af retten" not in text
                assert "depends on the right" not in text


class TestOneFinding:
    """A right's finding alone (``finding_markdown``, ``finding_html``) is worded the same way."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_markdown(self, somatic_2020: Decision, met_2020: Decision, lang: str) -> None:
        """The neutral words, and a note that the right does not enter the overall verdict."""
        note = {"da": "indgår ikke i den samlede vurdering", "en": "does not enter the overall verdict"}
        text = render.finding_markdown(right_of(somatic_2020, PSYCHIATRIC), lang)
        assert text.startswith(f"**◇ {NO_RIGHT[lang].format(p='§ 167, stk. 2')}**")
        assert note[lang] in text
        text = render.finding_markdown(right_of(met_2020, PSYCHIATRIC), lang)
        assert text.startswith(f"**◆ {RIGHT[lang].format(p='§ 167, stk. 2')}**")
        condition = render.finding_markdown(met_2020.findings_for("eligibility.purpose")[0], lang)
        assert note[lang] not in condition

    @pytest.mark.parametrize("lang", LANGS)
    def test_html(self, somatic_2020: Decision, pending: Decision, lang: str) -> None:
        """The neutral badge, and the note; a condition keeps its verdict badge and has no note."""
        note = {"da": "indgår ikke i den samlede vurdering", "en": "does not enter the overall verdict"}
        card = render.finding_html(right_of(somatic_2020, PSYCHIATRIC), lang)
        assert 'class="mr-badge mr-right mr-right-no"' in card
        assert "mr-not_met" not in card[card.index('<div class="mr-card">') :]
        assert note[lang] in card
        card = render.finding_html(right_of(pending, PSYCHIATRIC), lang)
        assert 'class="mr-badge mr-right mr-right-pending"' in card
        condition = render.finding_html(pending.findings_for("eligibility.decisive_need")[0], lang)
        assert 'class="mr-badge mr-needs_assessment"' in condition
        assert note[lang] not in condition


class TestReport:
    """The report counts the rights apart from the conditions, in neutral words."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_rights_are_not_counted_as_conditions(
        self, somatic_2020: Decision, met_2020: Decision, pending: Decision, lang: str
    ) -> None:
        """The rule table has no right; the rights' table counts exists / pending / does not exist."""
        items = [somatic_2020, met_2020, pending]
        text = render.report(items, format="markdown", lang=lang)
        by_rule = {"da": "### Vurderinger pr. regel", "en": "### Findings by rule"}[lang]
        by_right = {"da": "### Retskrav", "en": "### Statutory rights"}[lang]
        conditions = text[text.index(by_rule) : text.index(by_right)]
        assert "right." not in conditions
        rights = text[text.index(by_right) :]
        header = next(line for line in rights.splitlines() if line.startswith("|"))
        words = {"da": ("◆ ret", "◈ afventer", "◇ ingen ret"), "en": ("◆ right", "◈ pending", "◇ no right")}[lang]
        assert [cell.strip() for cell in header.split("|")[2:-1]] == list(words)
        rows = {
            re.search(r"`(right\.[a-z_]+)`", line).group(1): [int(c) for c in line.split("|")[2:-1]]  # type: ignore[union-attr]
            for line in rights.splitlines()
            if line.startswith("| ") and "`right." in line
        }
        # psychiatric: exists in met_2020, pending in `pending`, does not exist in somatic_2020
        assert {PSYCHIATRIC: [1, 1, 1], EDUCATION: [0, 0, 3]} == rows
        for word in CONDITION_WORDS[lang]:
            assert word not in header

    @pytest.mark.parametrize("lang", LANGS)
    def test_html_rights_table(self, somatic_2020: Decision, pending: Decision, lang: str) -> None:
        """The HTML rights table is headed by the neutral badges and says what they mean."""
        page = render.report([somatic_2020, pending], lang=lang)
        heading = {"da": "<h3>Retskrav", "en": "<h3>Statutory rights"}[lang]
        section = page[page.index(heading) :]
        section = section[: section.index("</table>")]
        for state in ("yes", "pending", "no"):
            assert f'class="mr-badge mr-right mr-right-{state}"' in section
        assert not re.search(
            r'class="mr-badge mr-(met|not_met|needs_assessment|missing_facts|not_applicable)"', section
        )
        meaning = {"da": "◇ ingen ret: retten findes ikke", "en": "◇ no right: the right does not exist"}
        assert meaning[lang] in section
        by_rule = page[
            page.index("<h3>" + {"da": "Vurderinger pr. regel", "en": "Findings by rule"}[lang]) : page.index(heading)
        ]
        assert "right." not in by_rule

    def test_an_empty_report_has_no_rights_table(self) -> None:
        """Without decisions there is nothing to count."""
        assert "Statutory rights" not in render.report([], format="markdown", lang="en")
        assert "Statutory rights" not in render.report([], lang="en")


def test_right_badges_have_no_verdict_colour() -> None:
    """The rights' badges use neither the red of not met nor the grey fill of not applicable."""
    css = render._CSS
    rules = dict(re.findall(r"\.mr \.(mr-right(?:-[a-z]+)?)\{([^}]*)\}", css))
    assert {"mr-right", "mr-right-yes", "mr-right-pending"} <= set(rules)
    for body in rules.values():
        assert "#ffebe9" not in body  # not met
        assert "#f6f8fa" not in body  # not applicable
    assert "white-space:normal" in rules["mr-right"]  # the long words wrap on a narrow screen
