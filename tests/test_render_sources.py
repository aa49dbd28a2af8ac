"""
Tests for the sources in ``mentorrules.render``: the legal sources in the text, and where a report's cases came from.

The plain text names, as the Markdown and the HTML do, the act or executive
order and its version (a reference's ``source``) beside each citation, and
lists the sources with their addresses.  A report given ``sources`` shows
where each case came from beside its case id, so that two cases with the same
``case_id`` are told apart.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import shared_cases_dir
from mentorrules import CaseError, Decision, UnsupportedDateError, evaluate, load_case, render
from mentorrules.model.references import LegalReference


LANGS = ("da", "en")
SOURCES_LINE = {"da": "Kilder: ", "en": "Sources: "}
LEGAL_SOURCES = {"da": "Retskilder", "en": "Legal sources"}
MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"


def flat(text: str) -> str:
    """Collapse white space (wrapping)."""
    return " ".join(text.split())


def case_data(**changes: Any) -> dict[str, Any]:
    """Return a 2024 case with a company mentor and a period (references into the act, the order and guidance)."""
    data: dict[str, Any] = {
        "decision_date": "2024-02-20",
        "case_id": "sag-1",
        "citizen": {"birth_date": "1988-04-12", "target_group": "unemployment_benefit"},
        "purpose": "offer",
        "decisive_need": {"outcome": True, "on": "2024-02-20"},
        "periods": [{"start": "2024-03-01", "end": "2024-08-31"}],
    }
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def decision() -> Decision:
    """An ordinary 2024 decision."""
    return evaluate(load_case(case_data()))


@pytest.fixture(scope="module")
def unverified() -> Decision:
    """
    A 2023 decision citing the unverified in-force date of the 2023 amendment (a ``law.unverified`` notice).

    Its CPR-like case id adds a notice without references.
    """
    discharge = {"discharge_date": "2023-08-01", "inpatient": True, "psychiatric": True}
    data = case_data(
        decision_date="2023-06-01",
        case_id="010203-1234",
        periods=[{"start": "2023-06-05", "end": "2023-12-04"}],
        psychiatric_discharge=discharge,
    )
    result = evaluate(load_case(data))
    assert any(not r.verified for f in result.findings for r in f.references)
    assert any(n.references for n in result.notices)
    assert any(not n.references for n in result.notices)
    return result


def finding_blocks(text: str) -> list[list[str]]:
    """Return the findings of ``explain`` after the findings heading: a head line at two spaces, its lines at six."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if re.match(r"  [^\s(]", line):
            blocks.append([line])
        elif line.startswith("      ") and blocks:
            blocks[-1].append(line)
    return blocks


def expected_citation(reference: LegalReference, lang: str) -> str:
    """Return how a reference is named with its source: citation, kind where not an act or order, source, verified."""
    kinds = {"da": {"guidance": "vejledning", "interpretation": "fortolkning"}, "en": {"guidance": "guidance"}}
    extra = []
    if reference.kind.value in kinds[lang]:
        extra.append(kinds[lang][reference.kind.value])
    if not reference.citation.startswith(reference.source):
        extra.append(reference.source)
    if not reference.verified:
        extra.append({"da": "ikke verificeret", "en": "not verified"}[lang])
    return f"{reference.citation} ({', '.join(extra)})"


class TestLegalSourcesInText:
    """``explain`` names the source of every citation, as the Markdown and the HTML do."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_each_finding_names_its_sources(self, decision: Decision, unverified: Decision, lang: str) -> None:
        """Under each finding a line names every reference with its act and version, in order."""
        for item in (decision, unverified):
            text = render.explain(item, lang)
            findings = text[text.index({"da": "\nVurderinger efter regel", "en": "\nFindings by rule"}[lang]) :]
            blocks = finding_blocks(findings[: findings.index(f"\n{LEGAL_SOURCES[lang]}")])
            blocks = [block for block in blocks if not block[0].lstrip().startswith("•")]  # not the notices
            assert len(item.findings) == len(blocks)
            for finding, block in zip(item.findings, blocks, strict=True):
                (line,) = [
                    flat(" ".join(block[i:]))
                    for i, raw in enumerate(block)
                    if raw.strip().startswith(SOURCES_LINE[lang])
                ]
                cited = "; ".join(expected_citation(r, lang) for r in finding.references)
                assert f"{SOURCES_LINE[lang]}{cited}" == line

    @pytest.mark.parametrize(
        ("day", "consolidation"),
        [("2024-02-20", "LBK nr. 701 af 22. maj 2022"), ("2024-03-05", "LBK nr. 280 af 1. marts 2024")],
    )
    def test_the_consolidation_is_named(self, day: str, consolidation: str) -> None:
        """The source names the consolidated act in force on the law date (DESIGN section 4)."""
        decision = evaluate(
            load_case(case_data(decision_date=day, periods=[{"start": "2024-03-10", "end": "2024-09-09"}]))
        )
        text = flat(render.explain(decision))
        assert f"Kilder: LAB § 167, stk. 1, 1. pkt. ({consolidation})" in text

    def test_a_citation_that_names_its_source_is_not_repeated(self) -> None:
        """An amending act cited by itself ("lov nr. 295 af 20. marts 2023, § 1, nr. 10") is not named twice."""
        discharge = {"discharge_date": "2025-09-15", "inpatient": True, "psychiatric": True}
        data = case_data(decision_date="2025-06-10", periods=[{"start": "2025-06-15", "end": "2025-12-14"}])
        text = flat(render.explain(evaluate(load_case({**data, "psychiatric_discharge": discharge}))))
        assert (
            "lov nr. 295 af 20. marts 2023, § 1, nr. 10;" in text
            or "lov nr. 295 af 20. marts 2023, § 1, nr. 10 " in text
        )
        assert "lov nr. 295 af 20. marts 2023, § 1, nr. 10 (lov nr. 295" not in text

    @pytest.mark.parametrize("lang", LANGS)
    def test_unverified_and_interpretative_references_say_so(self, unverified: Decision, lang: str) -> None:
        """A reference marked not verified says so in the text, as in the Markdown."""
        text = flat(render.explain(unverified, lang))
        reference = next(r for f in unverified.findings for r in f.references if not r.verified)
        assert expected_citation(reference, lang) in text
        assert {"da": "ikke verificeret", "en": "not verified"}[lang] in expected_citation(reference, lang)

    @pytest.mark.parametrize("lang", LANGS)
    def test_notices_name_their_sources(self, unverified: Decision, lang: str) -> None:
        """A notice with references is followed by its sources line; one without has none."""
        text = render.explain(unverified, lang)
        notices = text[
            text.index({"da": "\nBemærkninger", "en": "\nNotices"}[lang]) : text.index(f"\n{LEGAL_SOURCES[lang]}")
        ]
        items = re.split(r"\n  • ", notices)[1:]
        assert len(unverified.notices) == len(items)
        for notice, item in zip(unverified.notices, items, strict=True):
            if notice.references:
                cited = "; ".join(expected_citation(r, lang) for r in notice.references)
                assert f"{SOURCES_LINE[lang]}{cited}" in flat(item)
            else:
                assert SOURCES_LINE[lang] not in item

    @pytest.mark.parametrize("lang", LANGS)
    def test_the_sources_are_listed_with_their_addresses(self, unverified: Decision, lang: str) -> None:
        """The text ends with each distinct source once, with the address of that version."""
        text = render.explain(unverified, lang)
        expected: dict[tuple[str, str], None] = {}
        for references in [f.references for f in unverified.findings] + [n.references for n in unverified.notices]:
            for reference in references:
                expected.setdefault((reference.source, reference.url), None)
        part = text[text.index(f"\n{LEGAL_SOURCES[lang]} ({len(expected)})\n") :]
        listed = re.findall(r"^  • (.+)\n    (https?://\S+)$", part, re.MULTILINE)
        assert list(expected) == [(flat(source), url) for source, url in listed]

    def test_a_source_without_a_web_address_has_no_address_line(self, decision: Decision) -> None:
        """Only web addresses are listed (a reference's URL is data)."""
        finding = decision.findings[0]
        local = LegalReference(act="X", section="1", source="Kommunens praksis", url="intranet/praksis")
        changed = Decision(
            case=decision.case,
            verdict=decision.verdict,
            findings=(finding._replace(references=(local,)),),
            notices=(),
            law=decision.law,
            interpretation=decision.interpretation,
            decision_date=decision.decision_date,
        )
        text = render.explain(changed, "en")
        part = text[text.index("\nLegal sources (1)\n") :]
        assert "  • Kommunens praksis\n\n" in part
        assert "intranet/praksis" not in part

    @pytest.mark.parametrize("lang", LANGS)
    def test_sources_wrap_within_the_width(self, lang: str) -> None:
        """Every line of every shared scenario fits 100 characters, and a date in a source is never split."""
        for path in sorted(shared_cases_dir().glob("*.json")):
            scenario = json.loads(path.read_text(encoding="utf-8"))
            try:
                item = evaluate(load_case(scenario["case"]))
            except (CaseError, UnsupportedDateError):
                continue
            text = render.explain(item, lang)
            for line in text.splitlines():
                assert len(line) <= 100, line
            assert not re.search(rf"\b[0-9]{{1,2}}\.\n\s*(?:{MONTHS})\b", text), path.name
            assert not re.search(rf"\b(?:{MONTHS})\n\s*[0-9]{{4}}\b", text), path.name


# --- where a report's cases came from ---------------------------------------------------------------


@pytest.fixture(scope="module")
def twins() -> list[Decision | CaseError]:
    """Two cases with the same case id from different lines, and an input error."""
    first = evaluate(load_case(case_data()))
    second = evaluate(load_case(case_data(purpose="activity")))
    try:
        load_case({"decision_date": "2024-02-30"})
    except CaseError as caught:
        error = caught
    return [first, second, error]


SOURCES = ["cases.jsonl:1", "cases.jsonl:7", "other/cases.json[3]"]


class TestReportSources:
    """``report(..., sources=...)`` shows where each item came from."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_html_headings_and_tables(self, twins: list[Any], lang: str) -> None:
        """Each section heading, each row of the cases table and the error's row show the source; anchors stay."""
        page = render.report(twins, lang=lang, sources=SOURCES)
        for number, source in enumerate(SOURCES, 1):
            section = page[page.index(f'<section class="mr-case" id="mr-case-{number}">') :]
            heading = section[: section.index("</h2>")]
            assert f'<span class="mr-source"><code>{source}</code></span>' in heading
            row = page[page.index(f'<a href="#mr-case-{number}">') :]
            row = row[: row.index("</tr>")]
            assert f"<td><code>{source}</code></td>" in row
        cases = page[page.index("<h3>" + {"da": "Sager", "en": "Cases"}[lang]) :]
        header = cases[: cases.index("</tr>")]
        assert {"da": "<th>Inddata</th>", "en": "<th>Input</th>"}[lang] in header
        errors = page[page.index("<h3>" + {"da": "Fejl", "en": "Errors"}[lang]) :]
        errors = errors[: errors.index("</table>")]
        assert f"<td><code>{SOURCES[2]}</code></td>" in errors
        assert SOURCES[0] not in errors

    @pytest.mark.parametrize("lang", LANGS)
    def test_markdown_headings_and_tables(self, twins: list[Any], lang: str) -> None:
        """The Markdown shows the same: headings, the cases table and the errors table."""
        text = render.report(twins, format="markdown", lang=lang, sources=SOURCES)
        for number, source in enumerate(SOURCES, 1):
            assert re.search(rf"^## {number}\. .* · `{re.escape(source)}`$", text, re.MULTILINE)
            (row,) = [line for line in text.splitlines() if line.startswith(f"| {number} | [")]
            assert f"| `{source}` |" in row
        (error_row,) = [line for line in text.splitlines() if line.startswith("| [3](#mr-case-3) |")]
        assert f"| `{SOURCES[2]}` |" in error_row
        for number in range(1, 4):
            assert f'<a id="mr-case-{number}"></a>' in text

    def test_same_case_id_told_apart(self, twins: list[Any]) -> None:
        """Two cases with the same case id get different headings."""
        assert twins[0].case.case_id == twins[1].case.case_id
        page = render.report(twins[:2], lang="en", sources=SOURCES[:2])
        headings = [h for h in re.findall(r"<h2>(.*?)</h2>", page) if h[0].isdigit()]
        assert 2 == len(set(headings))
        plain = render.report(twins[:2], lang="en")
        assert {"1. sag-1", "2. sag-1"} == {h for h in re.findall(r"<h2>(.*?)</h2>", plain) if h[0].isdigit()}

    def test_without_sources_nothing_changes(self, twins: list[Any]) -> None:
        """Without sources there is no input column and no source in the headings."""
        for page in (render.report(twins, lang="en"), render.report(twins, format="markdown", lang="en")):
            assert "Input" not in page
            assert "cases.jsonl" not in page
            assert 'class="mr-source"' not in page

    def test_any_sequence_and_any_iterable(self, twins: list[Any]) -> None:
        """A tuple of sources goes with a generator of items."""
        assert render.report(twins, sources=SOURCES) == render.report(iter(twins), sources=tuple(SOURCES))

    @pytest.mark.parametrize("count", [0, 2, 4])
    def test_one_source_per_item(self, twins: list[Any], count: int) -> None:
        """Too few or too many sources is a ValueError, in both formats."""
        for fmt in ("html", "markdown"):
            with pytest.raises(ValueError, match="sources"):
                render.report(twins, format=fmt, sources=[f"x:{n}" for n in range(count)])

    def test_hostile_sources_are_escaped(self, twins: list[Any]) -> None:
        """A source is data: escaped in HTML, and in Markdown neither markup nor a broken table."""
        hostile = ["<script>x</script>.jsonl:1", "a|b`c.json", "ok.jsonl:3"]
        page = render.report(twins, sources=hostile)
        assert "<script>x" not in page
        assert "&lt;script&gt;x&lt;/script&gt;.jsonl:1" in page
        text = render.report(twins, format="markdown", sources=hostile)
        assert "<script>" not in text
        (row,) = [line for line in text.splitlines() if line.startswith("| 2 | [")]
        assert 5 == len(re.split(r"(?<!\\)\|", row)) - 1  # No. | Case | Input | Verdict: four cells, five bars
        assert "`a|b" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_that_names_its_own_source_is_shown_once_without_empty_brackets(lang: str) -> None:
    act = "lov nr. 295 af 20. marts 2023"
    amending = LegalReference(act=act, section="1", item=10, source=act, url="https://example.org/295")
    assert render._text_reference(amending, lang) == amending.citation
    assert "()" not in render._text_sources((amending,), lang, "")
    unverified = LegalReference(act=act, section="1", item=10, source=act, url="u", verified=False)
    assert render._text_reference(unverified, lang).startswith(f"{unverified.citation} (")
