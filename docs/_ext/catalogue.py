"""
Sphinx extension: the rule catalogue and the list of unverified provisions, generated from the registry.

Nothing here is written by hand: every rule id, title, verdict and citation
comes from :func:`mentorrules.rule_catalogue` when the docs are built, so the
pages cannot drift from the code.

Directives (MyST Markdown pages):

``rule-catalogue``
    Every rule id with its Danish and English titles, what it is evaluated
    per, its verdicts and, per law version, the references with their source,
    kind, verified flag and the law dates they are cited for.  Each rule gets
    a section with the label ``rule-<id with dots as hyphens>``.
``unverified-references``
    Every reference with ``verified == False`` across the catalogue, with its
    note, the rules that cite it and the law dates.
``interpretative-references``
    Every reference of kind ``interpretation``: the library's own reading.
``dated-details``
    The dated details of ``lab-2020`` whose in-force dates are assumed.

The ``*_markdown`` functions are plain functions, so ``tests/test_docs.py``
checks them without building the docs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from mentorrules import LegalReference, rule_catalogue
from mentorrules.law.versions import (
    EDUCATION_RIGHT_FROM,
    LAW_VERSIONS,
    MUNICIPALITY_WORDING_FROM,
    PSYCHIATRIC_PURPOSE_FROM,
)


#: Rule family → (law page docname relative to docs/, heading).
FAMILIES: dict[str, tuple[str, str]] = {
    "eligibility": ("law/eligibility", "Eligibility"),
    "duties": ("law/duties", "Beyond the usual duties, and the hours"),
    "duration": ("law/duration", "Periods"),
    "right": ("law/rights", "Rights"),
    "agreement": ("law/agreement", "The agreement and »Min Plan«"),
}

_ONE_DAY = timedelta(days=1)
_VALID_TO = {version.id: version.valid_to for version in LAW_VERSIONS}
_VALID_FROM = {version.id: version.valid_from for version in LAW_VERSIONS}


def label(rule_id: str) -> str:
    """Return the cross-reference label of a rule's catalogue entry."""
    return "rule-" + rule_id.replace(".", "-").replace("_", "-")


def escape(text: str) -> str:
    """Escape text for a Markdown table cell."""
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def law_page(family: str) -> str:
    """Return the law page docname of a rule family (KeyError for an unknown family)."""
    return FAMILIES[family][0]


def _spans(
    law: str, entries: Iterable[tuple[date, tuple[LegalReference, ...]]]
) -> Iterator[tuple[date, date, tuple[LegalReference, ...]]]:
    """Yield ``(first day, last day, references)`` for the spans of one law version."""
    entries = list(entries)
    for index, (start, refs) in enumerate(entries):
        end = entries[index + 1][0] - _ONE_DAY if index + 1 < len(entries) else _VALID_TO[law]
        yield start, end, refs


def _cite(ref: LegalReference) -> str:
    return f"[{escape(ref.citation)}]({ref.url})"


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "**no**"


def catalogue_markdown() -> str:
    """Return the rule catalogue as MyST Markdown: one section per rule id, grouped by family."""
    english = {info.id: info for info in rule_catalogue(lang="en")}
    lines: list[str] = []
    current_family = None
    for info in rule_catalogue(lang="da"):
        if info.family != current_family:
            current_family = info.family
            page, heading = FAMILIES.get(info.family, ("", info.family))
            lines += [f"## {heading}", ""]
            if page:
                lines += [f"The law, in Danish and explained: [{heading}]({page}.md).", ""]
        en = english[info.id]
        lines += [
            f"({label(info.id)})=",
            f"### `{info.id}`",
            "",
            f"- **Dansk:** {escape(info.title)}",
            f"- **English:** {escape(en.title)}",
            f"- **Per:** {info.per} · **Family:** {info.family}",
            "- **Verdicts:** " + ", ".join(f"`{v}`" for v in info.verdicts),
            "",
        ]
        for law, entries in info.references.items():
            lines += [
                f"**`{law}`** (law dates {_VALID_FROM[law].isoformat()} to {_VALID_TO[law].isoformat()})",
                "",
                "| Law dates | Citation | Source | Kind | Verified |",
                "| --- | --- | --- | --- | --- |",
            ]
            for start, end, refs in _spans(law, entries):
                for position, ref in enumerate(refs):
                    when = f"{start.isoformat()} – {end.isoformat()}" if position == 0 else "″"
                    lines.append(
                        f"| {when} | {_cite(ref)} | {escape(ref.source)} | {ref.kind.value} | {_yes_no(ref.verified)} |"
                    )
            lines.append("")
    return "\n".join(lines)


class _Cited:
    """A reference as listed on the unverified page: the sources it names, and who cites it when."""

    def __init__(self) -> None:
        self.sources: dict[str, None] = {}
        self.rules: dict[str, list[tuple[date, date]]] = {}

    def add(self, source: str, rule_id: str, start: date, end: date) -> None:
        self.sources.setdefault(source)
        ranges = self.rules.setdefault(rule_id, [])
        if ranges and ranges[-1][1] + _ONE_DAY >= start:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))


def _collect(predicate: Callable[[LegalReference], bool]) -> dict[tuple[str, str | None], _Cited]:
    """Group the references that satisfy ``predicate`` by citation and note, with their sources and citing rules."""
    found: dict[tuple[str, str | None], _Cited] = {}
    for info in rule_catalogue(lang="en"):
        for law, entries in info.references.items():
            for start, end, refs in _spans(law, entries):
                for ref in refs:
                    if predicate(ref):
                        found.setdefault((ref.citation, ref.note), _Cited()).add(ref.source, info.id, start, end)
    return found


def _reference_table(found: dict[tuple[str, str | None], _Cited]) -> str:
    lines = [
        "| Citation | Source | Cited by (law dates) | Note |",
        "| --- | --- | --- | --- |",
    ]
    for (citation, note), cited in found.items():
        by = "; ".join(
            f"{{ref}}`{rule_id} <{label(rule_id)}>` ("
            + ", ".join(f"{a.isoformat()} – {b.isoformat()}" for a, b in ranges)
            + ")"
            for rule_id, ranges in cited.rules.items()
        )
        sources = "; ".join(escape(source) for source in cited.sources)
        lines.append(f"| {escape(citation)} | {sources} | {by} | {escape(note or '')} |")
    return "\n".join(lines) + "\n"


def unverified_references() -> dict[tuple[str, str | None], _Cited]:
    """Return every unverified reference of the catalogue with the rules and law dates that cite it."""
    return _collect(lambda ref: not ref.verified)


def unverified_markdown() -> str:
    """Return the table of unverified references as MyST Markdown."""
    found = unverified_references()
    if not found:
        return "Every reference in the catalogue is verified.\n"
    return _reference_table(found)


def interpretative_markdown() -> str:
    """Return the table of references of kind ``interpretation`` as MyST Markdown."""
    found = _collect(lambda ref: ref.kind.value == "interpretation")
    if not found:
        return "No rule cites the library's own interpretation.\n"
    return _reference_table(found)


#: The dated details of lab-2020 (DESIGN section 6; LAW.md A1.2, A4.1, A4.2): the detail, what is known, the
#: assumed in-force date, where its text is verified from (the first consolidation containing it), the effect.
DATED_DETAILS: tuple[tuple[str, str, date, str, str], ...] = (
    (
        "§ 167, stk. 3: the education-admission right",
        "Not in lov nr. 548/2019, present in LBK nr. 701 af 22. maj 2022; the amending act is not identified.",
        EDUCATION_RIGHT_FROM,
        "2022-05-22 (LBK nr. 701 af 22. maj 2022)",
        "`right.education_admission` is `not_applicable` (facts `in_force: false`) before this date; "
        "its reference is unverified until 2022-05-21.",
    ),
    (
        "§ 167, stk. 2: »med samme formål som efter stk. 1«",
        "Lov nr. 295 af 20. marts 2023, § 1, nr. 10; in force between 2023-03-21 and 2024-03-01 "
        "(present in LBK nr. 280 af 1. marts 2024).",
        PSYCHIATRIC_PURPOSE_FROM,
        "2024-03-01 (LBK nr. 280 af 1. marts 2024)",
        "`right.psychiatric_discharge` checks the purpose from this date and cites lov nr. 295/2023 "
        "(unverified until 2024-02-29).",
    ),
    (
        "»kommunen« for »jobcenteret«",
        "Lov nr. 1750 af 29. december 2025, § 1, nr. 1; STAR names 1 February and 1 July 2026 as in-force dates.",
        MUNICIPALITY_WORDING_FROM,
        "not yet (no consolidation after LBK nr. 280/2024 was seen)",
        "Messages say »kommunen«, and `eligibility.mentor` cites lov nr. 1750/2025 (unverified).",
    ),
)


def dated_details_markdown() -> str:
    """Return the table of the dated details with their assumed in-force dates."""
    lines = [
        "| Detail | What is known | Assumed from | Text verified from | Effect in the library |",
        "| --- | --- | --- | --- | --- |",
    ]
    for detail, known, assumed, verified, effect in DATED_DETAILS:
        lines.append(f"| {escape(detail)} | {escape(known)} | {assumed.isoformat()} | {escape(verified)} | {effect} |")
    return "\n".join(lines) + "\n"


# --- Sphinx glue -----------------------------------------------------------------------


class _Generated(SphinxDirective):
    """Parse generated MyST Markdown in place of the directive."""

    has_content = False
    headings: ClassVar[bool] = False

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        return self.parse_text_to_nodes(self.markdown(), allow_section_headings=self.headings)


class RuleCatalogue(_Generated):
    headings = True

    def markdown(self) -> str:
        return catalogue_markdown()


class UnverifiedReferences(_Generated):
    def markdown(self) -> str:
        return unverified_markdown()


class InterpretativeReferences(_Generated):
    def markdown(self) -> str:
        return interpretative_markdown()


class DatedDetails(_Generated):
    def markdown(self) -> str:
        return dated_details_markdown()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("rule-catalogue", RuleCatalogue)
    app.add_directive("unverified-references", UnverifiedReferences)
    app.add_directive("interpretative-references", InterpretativeReferences)
    app.add_directive("dated-details", DatedDetails)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
