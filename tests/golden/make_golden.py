"""
Write the golden records that tests/test_golden.py compares against.

Run from the project root, only when an intended change of output is made (and say so in
the CHANGELOG)::

    .venv/bin/python tests/golden/make_golden.py

It stores, for the bundled examples (examples/*.json and examples/batch.jsonl) and every
shared scenario that decides (../shared/cases/*.json without an expected error):

* ``records/<name>.json``: ``Decision.to_json()`` in Danish and English records alike
  (a decision holds both languages);
* ``cli/<format>-<lang>.txt``: the output of ``mentorrules check`` over those files in
  every format and language, with ``--jobs 1``.

The test compares them byte for byte, except ``library_version`` and ``fingerprint``,
which name the library and so change with every release.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent
SHARED_CASES = ROOT.parent / "shared" / "cases"
FORMATS = ("json", "jsonl", "text", "markdown", "html")
LANGS = ("da", "en")


def inputs() -> dict[str, tuple[dict[str, object], dict[str, object]]]:
    """Return the cases to record by name: (case document, interpretation keyword arguments)."""
    found: dict[str, tuple[dict[str, object], dict[str, object]]] = {}
    for path in sorted((ROOT / "examples").glob("*.json")):
        found[f"example-{path.stem}"] = (json.loads(path.read_text(encoding="utf-8")), {})
    for number, line in enumerate((ROOT / "examples" / "batch.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            found[f"batch-{number:03d}"] = (json.loads(line), {})
    for path in sorted(SHARED_CASES.glob("*.json")):
        scenario = json.loads(path.read_text(encoding="utf-8"))
        if "error" not in scenario["expect"]:
            found[f"shared-{path.stem}"] = (scenario["case"], scenario.get("interpretation", {}))
    return found


def cli_files() -> list[Path]:
    """Return the files the CLI outputs are recorded over (the bundled examples)."""
    return [*sorted((ROOT / "examples").glob("*.json")), ROOT / "examples" / "batch.jsonl"]


def check_output(fmt: str, lang: str) -> str:
    """Return what ``mentorrules check`` prints over :func:`cli_files`, paths relative to the project root."""
    files = [str(path.relative_to(ROOT)) for path in cli_files()]
    command = [sys.executable, "-m", "mentorrules", "check", *files, "--format", fmt, "--lang", lang, "--jobs", "1"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False)
    return result.stdout


def main() -> None:
    from mentorrules import Interpretation, evaluate, load_case

    (GOLDEN / "records").mkdir(exist_ok=True)
    (GOLDEN / "cli").mkdir(exist_ok=True)
    for name, (document, interpretation) in inputs().items():
        decision = evaluate(load_case(document), interpretation=Interpretation(**interpretation))  # type: ignore[arg-type]
        (GOLDEN / "records" / f"{name}.json").write_text(decision.to_json() + "\n", encoding="utf-8")
    for fmt in FORMATS:
        for lang in LANGS:
            (GOLDEN / "cli" / f"{fmt}-{lang}.txt").write_text(check_output(fmt, lang), encoding="utf-8")


if __name__ == "__main__":
    main()
