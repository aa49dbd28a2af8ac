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
import os
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import mentorrules
from mentorrules import Interpretation, load_case, rule_catalogue


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


# --- the landing page, the README and the command line page -------------------------------------


def test_landing_page_has_one_table_of_contents() -> None:
    """The landing page's sections list the pages; its toctrees are hidden (they only build the navigation)."""
    text = _read("index.md")
    toctrees = re.findall(r"^```\{toctree\}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert toctrees
    linked = set(re.findall(r"\]\(([^)#\s]+)\.md(?:#[^)]*)?\)", text))
    for body in toctrees:
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        assert ":hidden:" in lines, f"a visible toctree repeats the page's own list of pages: {lines}"
        for entry in (line for line in lines if not line.startswith(":")):
            if entry.endswith("/index") and entry not in linked:  # a section: its pages are linked instead
                section = entry.rpartition("/")[0]
                pages = re.findall(r"^([\w-]+)$", _read(f"{entry}.md"), flags=re.MULTILINE)
                assert pages, entry
                assert {f"{section}/{page}" for page in pages} <= linked, entry
            else:
                assert entry in linked, f"index.md does not link {entry}.md from its text"


README = ROOT / "README.md"


def _readme_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)


def _readme_commands() -> list[str]:
    """Every command line of the README's shell blocks that runs mentorrules, without its comment."""
    commands = []
    for block in _readme_blocks("sh"):
        for line in block.splitlines():
            command = re.sub(r"\s+#\s.*$", "", line).strip()
            if re.search(r"(?:^|\|\s*)(?:\.venv/bin/)?mentorrules\s", command):
                commands.append(command)
    return commands


def _expected_status(command: str) -> int:
    """0, or for check 1 when a case in the example files it names is not met (the exit status DESIGN section 8 gives)."""
    words = command.split()
    if words[1] != "check":
        return 0
    cases: list[mentorrules.Case] = []
    for pattern in (word for word in words if word.startswith("examples/")):
        for path in sorted(ROOT.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            cases += (
                [load_case(line) for line in text.splitlines() if line.strip()]
                if path.suffix == ".jsonl"
                else [load_case(text)]
            )
    assert cases, command
    choices = dict(
        word.split("=", 1) for word, previous in zip(words[1:], words[:-1], strict=True) if previous == "--interpret"
    )
    interpretation = Interpretation(**choices)
    verdicts = {mentorrules.evaluate(case, interpretation=interpretation).verdict.value for case in cases}
    return 0 if verdicts == {"met"} else 1


def _project_root_copy(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A directory that looks like the project root after ``make demo``: examples/ and .venv/bin (this Python's)."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    (tmp_path / ".venv").mkdir()
    bin_dir = Path(sys.executable).parent
    (tmp_path / ".venv" / "bin").symlink_to(bin_dir)
    assert (bin_dir / "mentorrules").is_file(), "the mentorrules command is not installed beside this Python"
    return tmp_path, {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_readme_quick_start_runs_the_command_from_the_venv() -> None:
    """After make demo the command is .venv/bin/mentorrules; the README says so, and how to get English."""
    quick = README.read_text(encoding="utf-8").partition("## Quick start")[2].partition("\n## ")[0]
    lines = [
        line for line in re.findall(r"^```sh\n(.*?)^```", quick, flags=re.MULTILINE | re.DOTALL)[0].splitlines() if line
    ]
    assert lines[0] == "make demo"
    assert all(line.startswith(".venv/bin/mentorrules check ") for line in lines[1:])
    assert any("--lang en" in line for line in lines)
    assert "source .venv/bin/activate" in quick
    assert "Danish by default" in quick


@pytest.mark.parametrize("command", _readme_commands())
def test_readme_command_works_as_printed(command: str, tmp_path: Path) -> None:
    """Each mentorrules command of the README runs from the project root after make demo, with the documented status."""
    cwd, env = _project_root_copy(tmp_path)
    done = subprocess.run(
        command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == _expected_status(command), done.stderr
    assert done.stderr == ""
    target = re.search(r">\s*(\S+)$", command)
    written = (cwd / target.group(1)).read_text(encoding="utf-8") if target else done.stdout
    assert written.strip(), command


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (example,) = _readme_blocks("python")
    monkeypatch.chdir(ROOT)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("met\n")
    assert "Overall: met" in out


def test_cli_page_shows_what_a_missing_file_does(tmp_path: Path) -> None:
    """docs/cli.md: a missing input file stops check before any evaluation, with status 2, naming the file."""
    example = re.search(
        r"^```text\n\$ (mentorrules check [^\n]*missing\.json)\n(.*?)\n\$ echo \$\?\n(\d+)\n```",
        _read("cli.md"),
        flags=re.MULTILINE | re.DOTALL,
    )
    assert example is not None
    command, message, status = example.groups()
    cwd, env = _project_root_copy(tmp_path)
    done = subprocess.run(
        command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stderr.strip(), done.stdout) == (int(status), message, "")


def test_make_docs_installs_the_docs_extra() -> None:
    """make docs installs the extra docs (what conf.py and the notebook pages use), which dev includes."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    names = {re.split(r"[<>=!~\[; ]", requirement)[0].lower() for requirement in extras["docs"]}
    assert {"sphinx", "furo", "myst-nb", "ipykernel", "pandas"} <= names
    assert any(requirement.startswith("mentorrules[") and "docs" in requirement for requirement in extras["dev"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    docs_target = re.search(r"^docs: (.*)$", makefile, flags=re.MULTILINE)
    assert docs_target is not None
    assert docs_target.group(1).strip() == "$(DOCSTAMP)"
    assert '-e ".[docs]"' in makefile


def test_notebook_outputs_never_clip() -> None:
    """Long text output wraps and wide HTML output (a data frame) scrolls inside its cell (docs/_static/notebook.css)."""
    conf = _read("conf.py")
    assert 'html_static_path = ["_static"]' in conf
    assert '"notebook.css"' in conf
    css = _read("_static/notebook.css")
    assert re.search(r"\.output\.stream pre,\s*\.cell_output \.output\.text_plain pre \{\s*white-space: pre-wrap;", css)
    assert re.search(r"\.output\.text_html \{[^}]*overflow-x: auto;", css)
