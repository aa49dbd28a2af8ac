"""
Tests for displays that hold up: the ``repr`` of outcomes, and HTML that reads on a wide and a narrow screen.

``repr()`` of a finding, a notice and a decision names what it is about (rule,
verdict, subject; for a decision its verdict, law version, decision date,
number of findings and a case id that does not look like a CPR number), not
internals.  The HTML decision and report keep every table inside a wrapper
that scrolls sideways, let long words break, carry a viewport in a standalone
document and set no fixed width wider than a 420 px screen.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest

from mentorrules import CaseError, Decision, evaluate, load_case, render
from mentorrules.model.outcomes import Finding, Notice, Verdict


LANGS = ("da", "en")
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def case_data(**changes: Any) -> dict[str, Any]:
    """Return an ordinary 2024 case."""
    data: dict[str, Any] = {
        "decision_date": "2024-02-20",
        "case_id": "sag-7",
        "citizen": {"birth_date": "1988-04-12", "target_group": "unemployment_benefit"},
        "purpose": "offer",
        "periods": [{"start": "2024-03-01", "end": "2024-08-31"}, {"start": "2024-09-01", "end": "2025-02-28"}],
    }
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def decision() -> Decision:
    """A decision with a case id and two periods."""
    return evaluate(load_case(case_data()))


class Words:
    """Words every message as one fixed text."""

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Return the fixed text."""
        return f"withheld ({lang})"


# --- repr ----------------------------------------------------------------------------------------


class TestRepr:
    """``repr`` shows what an outcome is about, never an explainer's address or the case's facts."""

    def test_finding(self, decision: Decision) -> None:
        """A finding shows its rule, verdict and subject, and nothing of its explainer."""
        for finding in decision.findings:
            text = repr(finding)
            assert (
                f"<Finding rule={finding.rule!r} verdict={finding.verdict.value} subject={finding.subject!r}>" == text
            )
            assert "object at 0x" not in text
            assert "RuleView" not in text

    def test_finding_with_a_verdict_that_is_no_verdict(self, decision: Decision) -> None:
        """A hand-made finding whose verdict is a plain value still shows it."""
        finding = decision.findings[0]._replace(verdict="met")  # type: ignore[arg-type]
        assert "verdict='met'" in repr(finding)

    def test_notice(self) -> None:
        """A notice shows its code and subject, and nothing of its explainer or facts."""
        noticed = evaluate(load_case(case_data(case_id="010203-1234")))
        (notice,) = [n for n in noticed.notices if n.code == "privacy.identifier_in_text"]
        assert "<Notice code='privacy.identifier_in_text' subject='case_id'>" == repr(notice)
        assert "object at 0x" not in repr(notice)

    def test_decision(self, decision: Decision) -> None:
        """A decision shows its verdict, law version, decision date, number of findings and case id."""
        expected = (
            f"<Decision verdict={decision.verdict.value} law='lab-2020' decision_date=2024-02-20 "
            f"findings={len(decision.findings)} case_id='sag-7'>"
        )
        assert expected == repr(decision)
        assert "periods" not in repr(decision)  # nothing of the case's facts
        assert "1988" not in repr(decision)

    def test_decision_without_case_id(self) -> None:
        """Without a case id there is no case id to show."""
        assert "case_id" not in repr(evaluate(load_case(case_data(case_id=None))))

    @pytest.mark.parametrize("case_id", ["010203-1234", "ref 01.02.03/1234", "０１０２０３−１２３４"])
    def test_decision_withholds_a_cpr_like_case_id(self, case_id: str) -> None:
        """A case id that looks like a CPR number is withheld (DESIGN section 4)."""
        noticed = evaluate(load_case(case_data(case_id=case_id)))
        text = repr(noticed)
        assert text.endswith(" case_id=<withheld>>")
        assert "1234" not in text
        assert "１２３４" not in text

    def test_decision_withholds_without_the_notice(self) -> None:
        """A hand-made decision without its notices still withholds a CPR-like case id, in repr and renderings."""
        noticed = evaluate(load_case(case_data(case_id="010203-1234")))
        bare = attrs.evolve(noticed, notices=())
        assert repr(bare).endswith(" case_id=<withheld>>")
        for lang in LANGS:
            for rendering in (
                render.explain(bare, lang),
                render.decision_html(bare, lang),
                render.decision_markdown(bare, lang),
            ):
                assert "010203-1234" not in rendering

    def test_decision_withholds_what_the_notice_names(self, decision: Decision) -> None:
        """A privacy notice on the case id withholds it even when the library's check would not."""
        notice = Notice("privacy.identifier_in_text", "case_id", (), {}, Words())
        flagged = attrs.evolve(decision, notices=(notice,))
        assert repr(flagged).endswith(" case_id=<withheld>>")
        assert "sag-7" not in repr(flagged)

    def test_equality_and_hash_are_unchanged(self, decision: Decision) -> None:
        """A finding is still the tuple of its fields; a decision still compares by its fields."""
        finding = decision.findings[0]
        assert finding == Finding(*finding)
        assert finding == tuple(finding)
        assert Finding.__eq__ is tuple.__eq__
        assert Finding.__hash__ is tuple.__hash__
        assert finding != finding._replace(
            verdict=Verdict.NOT_MET if finding.verdict is not Verdict.NOT_MET else Verdict.MET
        )
        again = evaluate(decision.case, interpretation=decision.interpretation)
        assert decision == again
        assert decision != attrs.evolve(
            decision, verdict=Verdict.NOT_MET if decision.verdict is not Verdict.NOT_MET else Verdict.MET
        )
        assert repr(decision) == repr(again)


# --- HTML on a wide and a narrow screen ----------------------------------------------------------


class Tables(HTMLParser):
    """Collects, for every ``<table>``, the classes of the elements it is inside."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.tables: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Remember the element; for a table, the classes around it."""
        classes = dict(attrs).get("class") or ""
        if tag == "table":
            self.tables.append([c for _, c in self.stack])
        if tag not in {"br", "col", "meta", "input", "img", "hr", "link"}:
            self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        """Close the element (and any left open inside it)."""
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return


def tables_in(page: str) -> list[list[str]]:
    """Return, for each table of a page, the classes of its ancestors, innermost last."""
    parser = Tables()
    parser.feed(page)
    return parser.tables


@pytest.fixture(scope="module")
def pages(decision: Decision) -> list[str]:
    """Every HTML rendering with tables: fragments, documents, and a report with an error and sources."""
    try:
        load_case({"decision_date": "2024-02-30"})
    except CaseError as caught:
        error = caught
    found = []
    for lang in LANGS:
        found += [render.decision_html(decision, lang), render.decision_html(decision, lang, standalone=True)]
        found.append(render.report([decision, error], lang=lang, sources=["a/b.jsonl:1", "a/b.jsonl:2"]))
    return found


class TestLayout:
    """The HTML reads at 1280 px and at 420 px: tables scroll or stack, long words break, nothing is cut off."""

    def test_every_table_scrolls_inside_a_wrapper(self, pages: list[str]) -> None:
        """Every table's parent is a wrapper that scrolls sideways."""
        css = render._CSS
        assert re.search(r"\.mr \.mr-scroll\{[^}]*overflow-x:auto", css)
        for page in pages:
            tables = tables_in(page)
            assert tables
            assert page.count("<table") == len(tables)  # the parser saw every table
            for ancestors in tables:
                assert "mr-scroll" == ancestors[-1]
        # the report's five overview tables (law, rules, rights, errors, cases), the decision's findings and footer
        assert 7 == len(tables_in(pages[2]))

    def test_long_words_break(self) -> None:
        """Long words, paths and addresses break anywhere outside tables; a right's long badge may wrap."""
        css = render._CSS
        (root,) = re.findall(r"^\.mr\{([^}]*)\}", css, re.MULTILINE)
        assert "overflow-wrap:anywhere" in root
        assert not re.search(r"\.mr code\{[^}]*white-space:nowrap", css)
        assert re.search(r"\.mr \.mr-fp\{word-break:break-all\}", css)
        narrow = css[css.index("@media (max-width:") :]
        assert re.search(r"table\.mr-stack td\{[^}]*overflow-wrap:anywhere", narrow)

    def test_no_fixed_width_wider_than_a_phone(self, pages: list[str]) -> None:
        """No width or min-width in pixels over 420, in the style sheet or an inline style (max-width may be more)."""
        for page in pages:
            widths = re.findall(r"(?<![-\w])(?:min-)?width\s*:\s*([0-9.]+)px", page)
            assert all(float(width) <= 420 for width in widths), widths
        assert re.search(r"max-width:1180px", render._CSS)  # the one wide measure is a maximum

    def test_findings_stack_on_a_narrow_screen(self, decision: Decision) -> None:
        """Under 640 px the findings table becomes one block per finding, each cell labelled by its column."""
        css = render._CSS
        narrow = css[css.index("@media (max-width:640px){") :]
        assert re.search(r"table\.mr-stack td\{display:block", narrow)
        assert re.search(r"table\.mr-stack thead,\.mr table\.mr-stack colgroup\{display:none\}", narrow)
        assert "content:attr(data-label)" in narrow
        for lang, words in (
            ("da", ("Emne", "Vurdering", "Begrundelse", "Kilder")),
            ("en", ("Subject", "Verdict", "Explanation", "Sources")),
        ):
            page = render.decision_html(decision, lang)
            table = page[page.index('<table class="mr-table mr-stack">') :]
            table = table[: table.index("</table>")]
            rows = re.findall(r'<tr(?: class="mr-na")?><td>.*?</tr>', table)  # the findings, not the family rows
            assert len(decision.findings) == len(rows)
            for row in rows:
                assert [f'data-label="{word}"' in row for word in words] == [True] * 4

    @pytest.mark.parametrize("lang", LANGS)
    def test_viewport_in_standalone_documents(self, decision: Decision, lang: str) -> None:
        """A standalone decision and a report have the viewport; a fragment for a notebook does not."""
        assert VIEWPORT in render.decision_html(decision, lang, standalone=True)
        assert VIEWPORT in render.report([decision], lang=lang)
        assert "<meta" not in render.decision_html(decision, lang)

    def test_header_items_may_shrink(self) -> None:
        """The header's parts and the definition lists may shrink below their content's width (no overflow)."""
        css = render._CSS
        assert ".mr .mr-head>*{min-width:0}" in css
        assert "grid-template-columns:max-content minmax(0,1fr)" in css
        assert "grid-template-columns:max-content auto" not in css
