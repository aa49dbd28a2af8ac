"""
Tests that keep the documentation in step with the code.

The Sphinx build (``make docs``) fails on any warning and runs every notebook
page; these tests check what a build cannot see: that every rule id has its
entry on its law page and in the generated catalogue, that every public name
is in the API reference, that every unverified reference and every
interpretation choice is documented, and that the Danish texts quoted on the
law pages are word for word those of LAW.md.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import mentorrules
from mentorrules import Interpretation, rule_catalogue


ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LAW_MD = ROOT.parent / "shared" / "LAW.md"

pytest.importorskip("sphinx", reason="the docs extras are not installed")


def _load(name: str) -> ModuleType:
    """Import a docs extension module from docs/_ext by path."""
    path = DOCS / "_ext" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_mentorrules_docs_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


catalogue = _load("catalogue")
docgen = _load("docgen")

RULES = rule_catalogue(lang="da")
RULE_IDS = [info.id for info in RULES]
FAMILY_PREFIX = re.compile(r"`((?:" + "|".join(sorted({i.split(".")[0] for i in RULE_IDS})) + r")\.[a-z_]+)`")


def _read(relative: str) -> str:
    return (DOCS / relative).read_text(encoding="utf-8")


# --- law pages ---------------------------------------------------------------------------


def test_every_family_has_a_law_page() -> None:
    families = {info.family for info in RULES}
    assert families <= set(catalogue.FAMILIES), (
        f"rule families without a law page: {sorted(families - set(catalogue.FAMILIES))}; "
        "add docs/law/<family>.md and an entry in docs/_ext/catalogue.py FAMILIES"
    )
    for page, _ in catalogue.FAMILIES.values():
        assert (DOCS / f"{page}.md").is_file(), page


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_law_page_explains_every_rule(rule_id: str) -> None:
    info = next(i for i in RULES if i.id == rule_id)
    page = catalogue.law_page(info.family)
    text = _read(f"{page}.md")
    assert f"`{rule_id}`" in text, f"{page}.md does not mention {rule_id}"
    assert f"### `{rule_id}`" in text or f"`{rule_id}`\n:" in text, (
        f"{page}.md has no entry (a heading or a definition) explaining {rule_id}"
    )


@pytest.mark.parametrize("page", sorted(p.name for p in (DOCS / "law").glob("*.md")))
def test_law_pages_name_only_existing_rules(page: str) -> None:
    named = set(FAMILY_PREFIX.findall(_read(f"law/{page}")))
    unknown = named - set(RULE_IDS)
    assert not unknown, f"law/{page} names rule ids that do not exist: {sorted(unknown)}"


def _blockquote_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("> ") and line.strip() != ">"]


@pytest.mark.skipif(not LAW_MD.is_file(), reason="../shared/LAW.md is not beside the project")
@pytest.mark.parametrize("page", sorted(p.name for p in (DOCS / "law").glob("*.md")))
def test_quoted_law_is_verbatim(page: str) -> None:
    law = LAW_MD.read_text(encoding="utf-8")
    part_a = law[: law.index("# Part B")]
    verified = set(_blockquote_lines(part_a))
    for line in _blockquote_lines(_read(f"law/{page}")):
        assert line in verified, f"law/{page} quotes a text that is not verbatim in LAW.md Part A: {line[:80]}"


# --- the generated catalogue -----------------------------------------------------------------


def test_catalogue_page_uses_the_extension() -> None:
    assert "```{rule-catalogue}" in _read("catalogue.md")


def test_catalogue_extension_has_an_entry_for_every_rule() -> None:
    text = catalogue.catalogue_markdown()
    english = {info.id: info.title for info in rule_catalogue(lang="en")}
    for info in RULES:
        assert f"({catalogue.label(info.id)})=" in text, info.id
        assert f"### `{info.id}`" in text, info.id
        assert catalogue.escape(info.title) in text, info.id
        assert catalogue.escape(english[info.id]) in text, info.id
        for verdict in info.verdicts:
            assert f"`{verdict}`" in text
    entries = re.findall(r"^### `([^`]+)`$", text, flags=re.MULTILINE)
    assert entries == RULE_IDS


def test_catalogue_lists_every_reference_with_its_dates() -> None:
    text = catalogue.catalogue_markdown()
    for info in RULES:
        for law, spans in info.references.items():
            assert f"`{law}`" in text
            for start, refs in spans:
                assert start.isoformat() in text
                for ref in refs:
                    assert catalogue.escape(ref.citation) in text
                    assert catalogue.escape(ref.source) in text


def test_unverified_page_lists_every_unverified_reference() -> None:
    text = catalogue.unverified_markdown()
    unverified = {
        ref.citation
        for info in RULES
        for spans in info.references.values()
        for _, refs in spans
        for ref in refs
        if not ref.verified
    }
    assert unverified, "expected some unverified references (DESIGN section 6)"
    for citation in unverified:
        assert catalogue.escape(citation) in text, citation
    assert "```{unverified-references}" in _read("law/unverified.md")


def test_dated_details_are_the_assumed_dates() -> None:
    text = catalogue.dated_details_markdown()
    for day in (date(2022, 1, 1), date(2023, 4, 1), date(2026, 2, 1)):
        assert day.isoformat() in text


# --- API, interpretation, dates, schemas, scenarios -----------------------------------------------


def test_api_reference_documents_every_public_name() -> None:
    rst = docgen.api_rst()
    for name in mentorrules.__all__:
        assert re.search(rf"^\.\. auto\w+:: mentorrules\.{re.escape(name)}$", rst, flags=re.MULTILINE), name
    assert ".. mentorrules-api::" in _read("api.md")


def test_interpretation_guide_explains_every_field() -> None:
    text = _read("howto/interpretation.md")
    table = docgen.interpretation_markdown()
    for field in attrs.fields(Interpretation):
        assert f"### `{field.name}`" in text, field.name
        assert f"`{field.name}`" in table, field.name
        assert f"`{field.name}`" in _read("law/unverified.md"), field.name


def test_date_tables_cover_the_month_ends() -> None:
    period = docgen.date_markdown("period")
    for start in ("2025-01-31", "2025-02-28", "2024-02-29", "2025-08-30", "2025-08-31", "2025-09-30", "2025-12-31"):
        assert f"| {start} " in period, start
    # DESIGN section 6: a period from 2025-08-31 ends 2026-02-28 (favour_citizen) or 2026-02-27 (strict).
    row = next(line for line in period.splitlines() if line.startswith("| 2025-08-31"))
    assert "| 2026-02-28 | 2026-02-27 |" in row
    window = docgen.date_markdown("window")
    row = next(line for line in window.splitlines() if line.startswith("| 2025-05-31"))
    assert "| 2025-02-28 | 2025-03-01 |" in row
    assert "| 2025-06-30 " in window
    assert "1992-02-29" in docgen.date_markdown("birthday")
    with pytest.raises(ValueError, match="unknown date table"):
        docgen.date_markdown("weeks")


def test_schemas_are_rendered() -> None:
    assert '"$defs"' in docgen.schema_text("case")
    assert "mentorrules.decision/2" in docgen.schema_text("decision")
    with pytest.raises(ValueError, match="unknown schema"):
        docgen.schema_text("profile")


@pytest.mark.skipif(not docgen.cases_dir(DOCS).is_dir(), reason="../shared/cases is not beside the project")
def test_scenario_tables_list_the_shared_scenarios() -> None:
    directory = docgen.cases_dir(DOCS)
    everything = docgen.scenario_markdown(directory)
    for path in directory.glob("*.json"):
        assert f"`{path.name}`" in everything, path.name
    for family in catalogue.FAMILIES:
        docgen.scenario_markdown(directory, family)  # renders without error
    assert "`p02_one_day_over.json`" in docgen.scenario_markdown(directory, "duration")


def test_scenario_table_without_the_shared_directory(tmp_path: Path) -> None:
    assert "were not found" in docgen.scenario_markdown(tmp_path / "missing", "duration")


def test_cli_page_documents_every_subcommand() -> None:
    text = _read("cli.md")
    for command in ("check", "schema", "rules", "plan", "demo", "costs", "practice"):
        assert f"## `{command}`" in text, command
