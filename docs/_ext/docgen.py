"""
Sphinx extension: the generated parts of the docs other than the rule catalogue.

Everything here is computed when the docs are built, from the library itself
or from the shared scenario files, so the pages cannot drift:

``scenario-table``
    The shared scenario files (``../shared/cases``, beside the project) that
    exercise a rule family (option ``:family:``), or all of them, with the
    expected verdicts and what the library gives now.
``date-table``
    Worked tables of the month arithmetic (argument ``period``, ``window``
    or ``birthday``) from :mod:`mentorrules.law.dates`.
``json-schema``
    A JSON Schema (argument ``case`` or ``decision``) as a code block.
``interpretation-table``
    Every :class:`mentorrules.Interpretation` field with its allowed values
    and its default.
``mentorrules-api``
    One ``autoclass`` / ``autofunction`` / ``autodata`` per name in
    ``mentorrules.__all__``, grouped by the module that defines it (rST; use
    it inside an ``eval-rst`` block).
``cli-help``
    The ``--help`` text of a subcommand, by running ``python -m mentorrules``.
"""

from __future__ import annotations

import enum
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import mentorrules
from mentorrules import Interpretation, evaluate, load_case
from mentorrules.law.dates import is_under, period_end, window_opening
from mentorrules.law.interpretation import AmbiguousDates


# --- scenarios ----------------------------------------------------------------------


def cases_dir(confdir: str | Path) -> Path:
    """Return the shared scenario directory: ``../shared/cases`` beside the project root."""
    return Path(confdir).resolve().parent.parent / "shared" / "cases"


def _code(text: object) -> str:
    return f"`{text}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _actual(scenario: dict[str, Any]) -> tuple[Any, str]:
    """Evaluate a scenario; return (decision or None, a short description of the outcome)."""
    try:
        interpretation = Interpretation(**scenario.get("interpretation", {}))
        decision = evaluate(load_case(scenario["case"]), interpretation=interpretation)
    except mentorrules.MentorRulesError as error:
        return None, type(error).__name__
    return decision, decision.verdict.value


def _expected_findings(scenario: dict[str, Any], family: str) -> list[dict[str, Any]]:
    return [f for f in scenario.get("expect", {}).get("findings", []) if f["rule"].split(".")[0] == family]


def _finding_expectation(expected: dict[str, Any]) -> str:
    verdict = expected.get("verdict") or " or ".join(expected.get("verdict_in", []))
    subject = f" ({expected['subject']})" if expected.get("subject") else ""
    return f"{_code(expected['rule'])}{subject}: {_code(verdict)}"


def _finding_actual(decision: Any, expected: dict[str, Any]) -> str:
    if decision is None:
        return "—"
    found = [
        f.verdict.value
        for f in decision.findings_for(expected["rule"])
        if "subject" not in expected or f.subject == expected["subject"]
    ]
    return ", ".join(_code(v) for v in dict.fromkeys(found)) or "—"


def scenario_markdown(directory: Path, family: str | None = None) -> str:
    """
    Return a Markdown table of the scenario files in ``directory``.

    With ``family``, only the scenarios that expect a finding of that family,
    one row per expected finding; without, every scenario with its expected
    verdict (or error).
    """
    if not directory.is_dir():
        return (
            "The shared scenario files (`../shared/cases`, beside the project) were not found when these "
            "docs were built, so this table is empty.\n"
        )
    files = sorted(directory.glob("*.json"))
    if family is None:
        lines = [
            "| File | Scenario | Expected | Library |",
            "| --- | --- | --- | --- |",
        ]
        for path in files:
            scenario = json.loads(path.read_text(encoding="utf-8"))
            expect = scenario.get("expect", {})
            expected = expect.get("error") or expect.get("verdict") or "(findings only)"
            _, actual = _actual(scenario)
            why = _cell(scenario.get("why", ""))
            lines.append(
                f"| {_code(path.name)} | {_cell(scenario['name'])}<br>*{why}* | {_code(expected)} | {_code(actual)} |"
            )
        return "\n".join(lines) + "\n"
    lines = [
        "| File | Scenario | Expected finding | Library | Expected decision |",
        "| --- | --- | --- | --- | --- |",
    ]
    rows = 0
    for path in files:
        scenario = json.loads(path.read_text(encoding="utf-8"))
        expected_findings = _expected_findings(scenario, family)
        if not expected_findings:
            continue
        decision, _ = _actual(scenario)
        verdict = scenario.get("expect", {}).get("verdict")
        for expected in expected_findings:
            rows += 1
            lines.append(
                f"| {_code(path.name)} | {_cell(scenario['name'])} | {_finding_expectation(expected)} "
                f"| {_finding_actual(decision, expected)} | {_code(verdict) if verdict else '—'} |"
            )
    if not rows:
        return "No shared scenario file expects a finding of this family yet.\n"
    return "\n".join(lines) + "\n"


# --- dates --------------------------------------------------------------------------

PERIOD_STARTS = (
    date(2025, 3, 1),
    date(2025, 1, 31),
    date(2024, 1, 31),
    date(2025, 2, 28),
    date(2024, 2, 28),
    date(2024, 2, 29),
    date(2025, 8, 30),
    date(2025, 8, 31),
    date(2023, 8, 30),
    date(2023, 8, 31),
    date(2025, 9, 30),
    date(2025, 12, 31),
)
WINDOW_ANCHORS = (
    date(2025, 5, 31),
    date(2024, 5, 31),
    date(2025, 5, 30),
    date(2025, 6, 30),
    date(2025, 12, 31),
)
#: English weekday names, independent of the locale Sphinx runs in.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BIRTHS = (date(1992, 2, 29), date(1996, 2, 29), date(1994, 3, 1))


def _naive(day: date, months: int) -> str:
    """Return ``day`` moved by ``months`` keeping the day, quoted when that day does not exist."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    text = f"{year:04d}-{month:02d}-{day.day:02d}"
    try:
        date(year, month, day.day)
    except ValueError:
        return f"»{text}« (no such day)"
    return text


def _flag(favour: date, strict: date, fact: str) -> str:
    if favour == strict:
        return favour.isoformat()
    return f"{favour.isoformat()}, `{fact}_strict` {strict.isoformat()}"


def _max_end(start: date, mode: AmbiguousDates) -> date:
    return mentorrules.max_period_end(start, interpretation=Interpretation(ambiguous_dates=mode))


def date_markdown(kind: str) -> str:
    """Return a worked table of the month arithmetic: ``period``, ``window`` or ``birthday``."""
    if kind == "period":
        lines = [
            "| Start | Start + 6 months | `favour_citizen` | `strict` | `flag` |",
            "| --- | --- | --- | --- | --- |",
        ]
        for start in PERIOD_STARTS:
            readings = period_end(start, 6)
            favour = _max_end(start, AmbiguousDates.FAVOUR_CITIZEN)
            strict = _max_end(start, AmbiguousDates.STRICT)
            flag = _max_end(start, AmbiguousDates.FLAG)
            assert (favour, strict) == tuple(readings), start  # the public function agrees with the readings
            assert flag == favour, start
            mark = " ⚠" if readings.ambiguous else ""
            lines.append(
                f"| {start.isoformat()} ({_WEEKDAYS[start.weekday()]}){mark} | {_naive(start, 6)} | {favour.isoformat()} "
                f"| {strict.isoformat()} | {_flag(favour, strict, 'max_end')} |"
            )
        return "\n".join(lines) + "\n"
    if kind == "window":
        lines = [
            "| Discharge | Discharge − 3 months | `favour_citizen` | `strict` | `flag` |",
            "| --- | --- | --- | --- | --- |",
        ]
        for anchor in WINDOW_ANCHORS:
            readings = window_opening(anchor, 3)
            mark = " ⚠" if readings.ambiguous else ""
            lines.append(
                f"| {anchor.isoformat()}{mark} | {_naive(anchor, -3)} | {readings.favour_citizen.isoformat()} "
                f"| {readings.strict.isoformat()} | {_flag(*readings, 'earliest_start')} |"
            )
        return "\n".join(lines) + "\n"
    if kind == "birthday":
        lines = [
            "| Born | 30th birthday, `favour_citizen` | 30th birthday, `strict` | Last day under 30 (`favour_citizen` / `strict`) |",
            "| --- | --- | --- | --- |",
        ]
        for birth in BIRTHS:
            readings = period_end(birth, 12 * 30)  # the last day under 30: the end of 30 years from birth
            last_favour, last_strict = readings
            favour = date.fromordinal(last_favour.toordinal() + 1)
            strict = date.fromordinal(last_strict.toordinal() + 1)
            assert is_under(birth, 30, last_strict) == (True, True), birth  # the rules' function agrees
            assert is_under(birth, 30, favour) == (False, False), birth
            mark = " ⚠" if readings.ambiguous else ""
            lines.append(
                f"| {birth.isoformat()}{mark} | {favour.isoformat()} | {strict.isoformat()} "
                f"| {last_favour.isoformat()} / {last_strict.isoformat()} |"
            )
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown date table {kind!r}: use period, window or birthday")


# --- schemas and interpretation ----------------------------------------------------------


def schema_text(which: str) -> str:
    """Return the JSON Schema ``case`` or ``decision`` as indented JSON."""
    schemas: dict[str, Callable[[], dict[str, Any]]] = {
        "case": mentorrules.case_schema,
        "decision": mentorrules.decision_schema,
    }
    if which not in schemas:
        raise ValueError(f"unknown schema {which!r}: use case or decision")
    return json.dumps(schemas[which](), ensure_ascii=False, indent=2)


def interpretation_markdown() -> str:
    """Return a table of every Interpretation field: name, allowed values, default."""
    lines = ["| Field | Values | Default |", "| --- | --- | --- |"]
    for field in attrs.fields(Interpretation):
        default = field.default
        if isinstance(default, enum.Enum):
            values = ", ".join(_code(m.value) for m in type(default))
            shown = _code(default.value)
        else:
            values = "`true`, `false`"
            shown = _code(json.dumps(default))
        lines.append(f"| {_code(field.name)} | {values} | {shown} |")
    return "\n".join(lines) + "\n"


# --- API reference ------------------------------------------------------------------------

#: Sections of the API page, by the module that defines a public name; others go last.
API_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Functions",
        (
            "mentorrules.evaluate",
            "mentorrules.batch",
            "mentorrules.codec.cases",
            "mentorrules.engine.schema",
            "mentorrules.law.dates",
            "mentorrules.render",
        ),
    ),
    ("Facts", ("mentorrules.model.facts",)),
    ("Outcomes", ("mentorrules.model.outcomes",)),
    ("Interpretation", ("mentorrules.law.interpretation",)),
    ("Law versions and references", ("mentorrules.law", "mentorrules.model.references")),
    ("Costs", ("mentorrules.costs",)),
    ("Practice profiles", ("mentorrules.practice",)),
    ("Errors and warnings", ("mentorrules.model.exceptions",)),
)


def _directive_for(name: str, obj: object) -> str:
    if inspect.isclass(obj):
        if issubclass(obj, BaseException):
            return "autoexception"
        return "autoclass"
    if callable(obj):
        return "autofunction"
    return "autodata"


def api_entries() -> list[tuple[str, list[tuple[str, str]]]]:
    """Return ``(section, [(directive, name), ...])`` for every name in ``mentorrules.__all__``."""
    grouped: dict[str, list[tuple[str, str]]] = {title: [] for title, _ in API_SECTIONS}
    other: list[tuple[str, str]] = []
    for name in sorted(mentorrules.__all__, key=lambda n: (n.startswith("_"), n.lower())):
        obj = getattr(mentorrules, name)
        entry = (_directive_for(name, obj), name)
        module = getattr(obj, "__module__", None) if (inspect.isclass(obj) or callable(obj)) else None
        for title, modules in API_SECTIONS:
            if module in modules:
                grouped[title].append(entry)
                break
        else:
            other.append(entry)
    sections = [(title, entries) for title, entries in grouped.items() if entries]
    if other:
        sections.append(("Other", other))
    return sections


def api_rst() -> str:
    """Return the API reference as reStructuredText: one auto-directive per public name."""
    lines: list[str] = []
    for title, entries in api_entries():
        lines += [title, "-" * len(title), ""]
        for directive, name in entries:
            lines.append(f".. {directive}:: mentorrules.{name}")
            if directive in ("autoclass", "autoexception"):
                lines.append("   :members:")
            if directive == "autodata":
                lines.append("   :no-value:")
            lines.append("")
    return "\n".join(lines)


# --- command line -------------------------------------------------------------------------


def cli_help(arguments: list[str], cwd: str | Path) -> str | None:
    """Return the output of ``python -m mentorrules ARGUMENTS --help``, or None when it fails."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mentorrules", *arguments, "--help"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=cwd,
            env=env,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0 or not result.stdout.strip():
        return None
    return result.stdout.rstrip()


# --- Sphinx glue ---------------------------------------------------------------------------


class ScenarioTable(SphinxDirective):
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"family": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        directory = cases_dir(self.env.srcdir)
        if directory.is_dir():
            for path in sorted(directory.glob("*.json")):
                self.env.note_dependency(str(path))
        text = scenario_markdown(directory, self.options.get("family"))
        return self.parse_text_to_nodes(text)


class DateTable(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        return self.parse_text_to_nodes(date_markdown(self.arguments[0]))


class JsonSchema(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        text = schema_text(self.arguments[0])
        return [nodes.literal_block(text, text, language="json")]


class InterpretationTable(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return self.parse_text_to_nodes(interpretation_markdown())


class MentorrulesApi(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return self.parse_text_to_nodes(api_rst(), allow_section_headings=True)


class CliHelp(SphinxDirective):
    optional_arguments = 10

    def run(self) -> list[nodes.Node]:
        text = cli_help(list(self.arguments), Path(self.env.srcdir).parent)
        if text is None:
            words = " ".join(["mentorrules", *self.arguments, "--help"])
            return self.parse_text_to_nodes(
                f"*The output of `{words}` could not be generated when these docs were built.*\n"
            )
        return [nodes.literal_block(text, text, language="text")]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("scenario-table", ScenarioTable)
    app.add_directive("date-table", DateTable)
    app.add_directive("json-schema", JsonSchema)
    app.add_directive("interpretation-table", InterpretationTable)
    app.add_directive("mentorrules-api", MentorrulesApi)
    app.add_directive("cli-help", CliHelp)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
