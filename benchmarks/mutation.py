"""
Mutation testing of the rules and the month arithmetic (``make mutation``).

Runs mutmut 2.5 over ``[tool.mutmut] paths_to_mutate`` of ``pyproject.toml``
(``src/mentorrules/rules/`` and ``src/mentorrules/law/dates.py``) with its
``runner`` (a focused ``pytest -x`` over the rule, date, scenario and mutant
tests under ``HYPOTHESIS_PROFILE=dev``), then prints the score (killed / total)
and every surviving mutant with ``mutmut results`` and ``mutmut show``.  It exits
0 whenever mutmut produced a score; 1 when it could not (the baseline test run
failed, or mutmut crashed).

mutmut rewrites the source files in place, one mutant at a time.  So that a
half-hour run does not pull the floor from under anyone running the tests in
the working tree, and so that an interrupted run can never leave a mutant
behind in ``src/``, the run happens in a copy: ``src``, ``tests`` and
``pyproject.toml`` are copied to a work directory, ``../shared`` beside it is
linked to the real ``../shared`` (the public scenarios), and ``PYTHONPATH``
points at the copy's ``src`` (it comes before the editable install).  Python
writes no bytecode there (``PYTHONDONTWRITEBYTECODE``): a mutant of the same
size written in the same second as the original would otherwise be served
from a stale ``.pyc``.

Message wording is out of scope: a mutant that only changes the text of a
message template, a rule title or a reference's explanatory note (a string
that the rule catalogue holds as Danish or English prose) is skipped, through a ``pre_mutation`` hook written
into the copy (``mutmut_config.py``).  The wording is not part of the contract
(docs/compatibility.md: messages may be reworded in any release) and no
behavioural test could tell ``"XX...XX"`` from a reworded sentence; test_texts.py
checks the texts' structure (both languages, placeholders filled, citations
present).  Template keys, rule ids, fact names, reason codes and references are
mutated as usual.  ``--include-wording`` mutates the wording too.  The score is
killed / (total - skipped); the report also gives the counts with the skipped.

Options::

    --include-wording mutate message wording and titles too
    --paths PATHS     mutate only these (comma-separated, relative to the project),
                      e.g. src/mentorrules/law/dates.py; default: paths_to_mutate
    --workdir DIR     run in DIR (created; reused if it holds a previous run, whose
                      .mutmut-cache then makes the run incremental); default: a
                      fresh temporary directory, removed afterwards
    --keep            keep the temporary directory (to run mutmut show/apply there later)
    --json FILE       also write the score and the survivors as JSON to FILE
    --no-diffs        list the survivors' ids without their diffs

Typical use: ``make mutation``, or ``.venv/bin/python benchmarks/mutation.py
--paths src/mentorrules/rules/duties.py`` for one file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parents[1]
# mutmut's status classes, as ``mutmut result-ids`` names them.  Timed-out and
# suspicious (killed, but slowly) mutants were detected by the tests: they count as killed.
KILLED_CLASSES = ("killed", "timeout", "suspicious")
OTHER_CLASSES = ("survived", "skipped", "untested")


def _config() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        table: dict[str, Any] = tomllib.load(handle)["tool"]["mutmut"]
    return table


def _prepare(workdir: Path) -> Path:
    """Copy what the tests need into ``workdir/main`` and link ``workdir/shared``; return the copy."""
    main = workdir / "main"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "*.bak")
    main.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests"):
        target = main / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / name, target, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", main / "pyproject.toml")
    shared = workdir / "shared"
    real_shared = ROOT.parent / "shared"
    if real_shared.is_dir() and not shared.exists():
        shared.symlink_to(real_shared, target_is_directory=True)
    return main


HOOK = """\
# Written by benchmarks/mutation.py: skip mutants that only change message wording (see its docstring).
import ast
import json
from pathlib import Path

import mutmut

WORDING = frozenset(json.loads(Path(__file__).with_name("wording.json").read_text(encoding="utf-8")))
FOCUSED = json.loads(Path(__file__).with_name("focused.json").read_text(encoding="utf-8"))
_TREES = {}


def _nodes(source):
    return list(ast.walk(ast.parse(source)))


def _only_wording_changed(old_source, new_source, filename):
    old = _TREES.get(filename)
    if old is None:
        old = _TREES[filename] = _nodes(old_source)
    try:
        new = _nodes(new_source)
    except SyntaxError:
        return False
    if len(old) != len(new):
        return False
    changed = False
    for a, b in zip(old, new):
        if type(a) is not type(b):
            return False
        for field in a._fields:
            x, y = getattr(a, field), getattr(b, field)
            if isinstance(x, (ast.AST, list)) or x == y and type(x) is type(y):
                continue
            if isinstance(a, ast.Constant) and field == "value" and x in WORDING:
                changed = True
                continue
            return False
    return changed


def pre_mutation(context):
    probe = mutmut.Context(
        source=context.source,
        mutation_id=context.mutation_id,
        dict_synonyms=context.dict_synonyms[:-1],
        filename=context.filename,
        config=context.config,
    )
    mutated, _ = mutmut.mutate(probe)
    if _only_wording_changed(context.source, mutated, context.filename):
        context.skip = True
        return
    focused = FOCUSED.get(Path(context.filename).as_posix())
    if focused:
        context.config.test_command = focused
"""


# The tests that read one rule module most directly.  A mutant of that module runs these first
# (with -x, the runner's options); only a mutant they miss runs the whole runner (mutmut
# --rerun-all), so a survivor is always one the whole runner misses.  The other modules
# (rules/_base.py, the package's plumbing) run the whole runner at once.
FOCUSED_TESTS = {
    "src/mentorrules/rules/eligibility.py": ("tests/test_rules_eligibility.py", "tests/test_rule_branches.py"),
    "src/mentorrules/rules/duties.py": ("tests/test_rules_duties.py", "tests/test_rule_branches.py"),
    "src/mentorrules/rules/duration.py": ("tests/test_rules_duration.py", "tests/test_rule_branches.py"),
    "src/mentorrules/rules/rights.py": ("tests/test_rules_rights.py", "tests/test_rule_branches.py"),
    "src/mentorrules/rules/agreement.py": (
        "tests/test_rules_agreement.py",
        "tests/test_record_items.py",
        "tests/test_rule_branches.py",
    ),
    "src/mentorrules/law/dates.py": ("tests/test_dates.py", "src/mentorrules/law/dates.py"),
}


def focused_runners(runner: str) -> dict[str, str]:
    """Each focused module's test command: the runner's command and options, with the module's own tests."""
    prefix = runner[: runner.index(" tests/")]
    return {path: " ".join((prefix, *tests, "tests/test_scenarios.py")) for path, tests in FOCUSED_TESTS.items()}


def wording() -> list[str]:
    """
    The prose that is skipped: every message template (the rules' own and the two they share) and rule
    title, Danish and English, and the notes (English explanations) of the references the rules cite, on
    every epoch of the law.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from mentorrules.law.versions import SNAPSHOTS
    from mentorrules.rules import CATALOGUE
    from mentorrules.rules._base import AMBIGUOUS_TEMPLATE, PENDING_TEMPLATE

    # The templates every rule shares: a finding that a pending right or an ambiguous date leaves open.
    texts: set[str] = {*AMBIGUOUS_TEMPLATE, *PENDING_TEMPLATE}
    for rule in CATALOGUE:
        texts.update((rule.title_da, rule.title_en))
        for pair in rule.texts.values():
            texts.update(pair)
        for snapshot in SNAPSHOTS:
            for references in rule.references(snapshot).values():
                texts.update(reference.note for reference in references if reference.note)
    return sorted(texts)


def _environment(main: Path) -> dict[str, str]:
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = str(main / "src")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("COVERAGE_PROCESS_START", None)
    return env


def _mutmut(main: Path, env: dict[str, str], *args: str, capture: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mutmut", *args]
    return subprocess.run(command, cwd=main, env=env, text=True, capture_output=capture, check=False)


def _ids(main: Path, env: dict[str, str], status: str) -> list[int]:
    result = _mutmut(main, env, "result-ids", status)
    return [int(token) for token in result.stdout.split()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--include-wording", action="store_true", help="mutate message wording and titles too")
    parser.add_argument("--paths", help="comma-separated paths to mutate (default: pyproject's paths_to_mutate)")
    parser.add_argument("--workdir", type=Path, help="work directory (default: a fresh temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work directory")
    parser.add_argument("--json", type=Path, help="write the score and survivors as JSON to this file")
    parser.add_argument("--no-diffs", action="store_true", help="do not print the survivors' diffs")
    args = parser.parse_args(argv)

    config = _config()
    paths = args.paths or config["paths_to_mutate"]
    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="mentorrules-mutation-")) if temporary else args.workdir.resolve()
    try:
        main_dir = _prepare(workdir)
        hook = main_dir / "mutmut_config.py"
        if args.include_wording:
            hook.unlink(missing_ok=True)
        else:
            (main_dir / "wording.json").write_text(json.dumps(wording(), ensure_ascii=False), encoding="utf-8")
            focused = json.dumps(focused_runners(config["runner"]), indent=1)
            (main_dir / "focused.json").write_text(focused, encoding="utf-8")
            hook.write_text(HOOK, encoding="utf-8")
        env = _environment(main_dir)
        print(f"mutation testing {paths} in {main_dir}", flush=True)
        print(f"runner: {config['runner']}", flush=True)
        started = time.monotonic()
        run = _mutmut(main_dir, env, "run", "--paths-to-mutate", paths, "--simple-output", "--rerun-all", capture=False)
        elapsed = time.monotonic() - started
        if run.returncode & 1:
            print(f"mutmut failed (exit status {run.returncode}): no score", file=sys.stderr)
            return 1
        counts = {status: _ids(main_dir, env, status) for status in (*KILLED_CLASSES, *OTHER_CLASSES)}
        killed = sum(len(counts[status]) for status in KILLED_CLASSES)
        skipped = len(counts["skipped"])
        total = sum(len(ids) for ids in counts.values()) - skipped
        survivors = counts["survived"] + counts["untested"]

        print()
        print(_mutmut(main_dir, env, "results").stdout)
        diffs: dict[int, str] = {}
        if not args.no_diffs:
            for mutant in survivors:
                diffs[mutant] = _mutmut(main_dir, env, "show", str(mutant)).stdout.rstrip()
                print(f"# mutant {mutant}\n{diffs[mutant]}\n")
        score = killed / total if total else 1.0
        details = ", ".join(f"{status} {len(counts[status])}" for status in (*KILLED_CLASSES, *OTHER_CLASSES))
        print(f"mutation score: {killed} killed / {total} total = {score:.1%} ({details}; {elapsed / 60:.1f} min)")
        if skipped:
            print(
                f"(skipped: {skipped} mutants of message wording; counting them as survivors: {killed}/{total + skipped})"
            )
        if args.json:
            summary = {
                "paths": paths,
                "runner": config["runner"],
                "killed": killed,
                "total": total,
                "skipped_wording": skipped,
                "score": round(score, 4),
                "by_status": counts,
                "survivors": {str(mutant): diffs.get(mutant, "") for mutant in survivors},
                "minutes": round(elapsed / 60, 1),
            }
            args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    finally:
        if temporary and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif temporary:
            print(f"work directory kept: {workdir}")


if __name__ == "__main__":
    sys.exit(main())
