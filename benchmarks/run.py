"""
The benchmarks of mentorrules (``make bench``): prints one JSON object per line.

Figures (DESIGN section 10; targets are measured here, never asserted in tests):

* ``evaluate``: cases/s of :func:`mentorrules.evaluate` on prebuilt typical cases,
  one core, distinct case objects (target >= 50,000);
* ``load_evaluate``: cases/s of :func:`mentorrules.load_case` + ``evaluate`` from
  JSON lines (target >= 20,000);
* ``check``: seconds and peak RSS of ``mentorrules check --jobs 2 --format jsonl``
  on a generated 1,000,000-line JSONL file, with the peak memory of every process
  (targets for full records <= 90 s, <= 200 MB per process);
* ``import``: seconds to ``import mentorrules`` in a fresh interpreter (target <= 0.150);
* ``stages``: where the time of one ``check`` record goes, in microseconds per typical
  case (best of the repetitions): decoding the JSON line, :func:`mentorrules.load_case`
  (which decodes it too), :func:`mentorrules.evaluate`, the fingerprint, and
  ``Decision.to_json(indent=None)`` (the ``--format jsonl`` record);
* ``instructions`` (only with ``--only instructions``, and only where valgrind is
  installed): machine instructions per typical case of ``evaluate``, of ``load_case``
  + ``evaluate``, and of building the record alone (no rule logic), counted by
  valgrind's callgrind.  A count does not move with the machine's load, as times do,
  so it compares two versions on a shared machine; it takes a few minutes.

Options: ``--lines N`` for the size of the check file (default 1,000,000),
``--quick`` for a short run (fewer repetitions, 20,000 lines).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "src" / "mentorrules" / "examples").glob("*.json")) or sorted(
    (ROOT / "examples").glob("*.json")
)


def typical_documents(count: int) -> list[dict[str, Any]]:
    """Return ``count`` distinct typical case documents: the bundled examples with shifted dates and ids."""
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]
    documents = []
    for i in range(count):
        doc = json.loads(json.dumps(bases[i % len(bases)]))
        shift = timedelta(days=(i * 7) % 300)
        doc["case_id"] = f"bench-{i}"
        doc["decision_date"] = _shift(doc["decision_date"], shift)
        for period in doc.get("periods") or []:
            period["start"] = _shift(period["start"], shift)
            period["end"] = _shift(period["end"], shift)
            agreement = period.get("agreement")
            if agreement:
                for key in ("start", "end", "concluded_on"):
                    if agreement.get(key):
                        agreement[key] = _shift(agreement[key], shift)
        for key in ("psychiatric_discharge", "education_admission"):
            event = doc.get(key)
            if event:
                for field in ("discharge_date", "admission_date", "right_invoked_on"):
                    if event.get(field):
                        event[field] = _shift(event[field], shift)
        documents.append(doc)
    return documents


def _shift(iso: str, delta: timedelta) -> str:
    day = date.fromisoformat(iso) + delta
    return min(day, date(2026, 12, 31)).isoformat()


def _best_rate(run: Any, count: int, repeats: int) -> tuple[float, float]:
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        rates.append(count / (time.perf_counter() - start))
    return max(rates), statistics.median(rates)


def bench_evaluate(repeats: int, count: int) -> dict[str, Any]:
    """Time evaluate() on prebuilt, distinct case objects."""
    from mentorrules import evaluate, load_case

    cases = [load_case(doc) for doc in typical_documents(count)]

    def run() -> None:
        for case in cases:
            evaluate(case)

    best, median = _best_rate(run, len(cases), repeats)
    return {
        "figure": "evaluate",
        "cases_per_s": round(best),
        "median_cases_per_s": round(median),
        "cases": len(cases),
        "target": 50000,
    }


def bench_load_evaluate(repeats: int, count: int) -> dict[str, Any]:
    """Time load_case() + evaluate() from JSON lines."""
    from mentorrules import evaluate, load_case

    lines = [json.dumps(doc, ensure_ascii=False) for doc in typical_documents(count)]

    def run() -> None:
        for line in lines:
            evaluate(load_case(line))

    best, median = _best_rate(run, len(lines), repeats)
    return {
        "figure": "load_evaluate",
        "cases_per_s": round(best),
        "median_cases_per_s": round(median),
        "cases": len(lines),
        "target": 20000,
    }


#: Run the command given as arguments, its output to the null device; print its status and resource usage as JSON.
_MEASURE = """
import json, os, resource, subprocess, sys, time

def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []

def peak_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None

peaks = {}
with open(os.devnull, "w") as sink:
    process = subprocess.Popen(sys.argv[1:], stdout=sink)
    while process.poll() is None:
        # the check's process and every process under it, by pid: the high-water mark of its resident memory
        for pid in [process.pid, *children(process.pid)]:
            peak = peak_kb(pid)
            if peak is not None:
                role = "main" if pid == process.pid else f"worker {pid}"
                peaks[role] = max(peaks.get(role, 0), peak)
        time.sleep(0.2)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": process.returncode, "maxrss_kb": usage.ru_maxrss,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime, "peaks_kb": peaks}))
"""


def bench_check(lines: int) -> dict[str, Any]:
    """Time `mentorrules check --jobs 2` on a generated JSONL file; report seconds and peak RSS."""
    documents = [json.dumps(doc, ensure_ascii=False) for doc in typical_documents(1000)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(lines):
                out.write(documents[i % len(documents)].replace('"bench-', f'"b{i}-', 1))
                out.write("\n")
        size = path.stat().st_size
        command = [sys.executable, "-m", "mentorrules", "check", str(path), "--jobs", "2", "--format", "jsonl"]
        start = time.perf_counter()
        # Run through a small wrapper process that reports its children's usage: the resource usage of
        # a child of *this* process would count this process's own memory (a forked child holds it until
        # it runs the new program).
        measured = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
        )
        seconds = time.perf_counter() - start
    usage = json.loads(measured.stdout)
    return {
        "figure": "check",
        "lines": lines,
        "file_mb": round(size / 1e6, 1),
        "seconds": round(seconds, 2),
        "cases_per_s": round(lines / seconds),
        # ru_maxrss of the check and its workers: the largest single process (Linux: kilobytes)
        "peak_rss_mb": round(usage["maxrss_kb"] / 1024, 1),
        # the high-water mark of each process (Linux /proc, read every 0.2 s while it runs): main, then workers
        "peak_rss_mb_by_process": {role: round(kb / 1024, 1) for role, kb in usage["peaks_kb"].items()},
        # CPU seconds of all the processes (main and workers): near "seconds" when the workers found no free core
        "cpu_seconds": round(usage["cpu_seconds"], 2),
        "exit_status": usage["status"],
        # DESIGN section 10: full records (this format) in <= 90 s with --jobs 2; verdicts only in <= 60 s
        "target_seconds": 90,
        "target_mb": 200,
    }


def bench_stages(repeats: int, count: int) -> dict[str, Any]:
    """Time each stage of a check record on typical cases: microseconds per case, best of ``repeats``."""
    from mentorrules import evaluate, load_case

    lines = [json.dumps(doc, ensure_ascii=False) for doc in typical_documents(count)]
    cases = [load_case(line) for line in lines]

    def best(run: Any) -> float:
        return min(_timed(run) for _ in range(repeats)) / len(lines) * 1e6

    def fresh() -> list[Any]:
        return [evaluate(case) for case in cases]  # new decisions: nothing computed yet

    def fingerprints() -> float:
        decisions = fresh()
        return _timed(lambda: [decision.fingerprint for decision in decisions])

    def records() -> float:
        decisions = fresh()
        for decision in decisions:
            _ = decision.fingerprint  # timed above, not here
        return _timed(lambda: [decision.to_json(indent=None) for decision in decisions])

    return {
        "figure": "stages",
        "unit": "us_per_case",
        "json_loads": round(best(lambda: [json.loads(line) for line in lines]), 1),
        "load_case": round(best(lambda: [load_case(line) for line in lines]), 1),
        "evaluate": round(best(lambda: [evaluate(case) for case in cases]), 1),
        "fingerprint": round(min(fingerprints() for _ in range(repeats)) / len(lines) * 1e6, 1),
        "to_json": round(min(records() for _ in range(repeats)) / len(lines) * 1e6, 1),
        "cases": len(lines),
    }


def _timed(run: Any) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_import(repeats: int) -> dict[str, Any]:
    """Time `import mentorrules` in fresh interpreters (median)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import mentorrules"], check=True)
        times.append(time.perf_counter() - start)
    baseline = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline.append(time.perf_counter() - start)
    median = statistics.median(times) - statistics.median(baseline)
    return {
        "figure": "import",
        "seconds": round(median, 4),
        "target_seconds": 0.150,
        "note": "median over interpreter start",
    }


#: The program whose instructions are counted: evaluate (or load and evaluate) 500 typical cases once to warm up,
#: then ``passes`` more times.  Arguments: the benchmarks directory, "evaluate", "load_evaluate" or
#: "record_floor", passes.  "record_floor" rebuilds each case's decision record from its known findings with no
#: rule logic at all (the privacy scan, the findings with fresh facts, the aggregate's verdict list and the
#: decision): what building the record costs, the floor under any implementation of the rules.
_COUNTED = """
import json, sys
from types import MappingProxyType
sys.path.insert(0, sys.argv[1])
from run import typical_documents
from mentorrules import evaluate, load_case
from mentorrules.codec.privacy import identifier_fields
from mentorrules.model.outcomes import Finding, new_decision
documents = typical_documents(500)
if sys.argv[2] == "evaluate":
    cases = [load_case(document) for document in documents]
    def run():
        for case in cases:
            evaluate(case)
elif sys.argv[2] == "load_evaluate":
    lines = [json.dumps(document, ensure_ascii=False) for document in documents]
    def run():
        for line in lines:
            evaluate(load_case(line))
else:  # record_floor: the record of each case rebuilt from its known findings, with no rule logic
    plans = []
    for document in documents:
        case = load_case(document)
        decision = evaluate(case)
        findings = [(*finding[:4], tuple(finding.facts.items()), finding.explainer) for finding in decision.findings]
        plans.append((case, decision, findings))
    def run():
        for case, decision, findings in plans:
            identifier_fields(case)
            built = tuple([
                tuple.__new__(Finding, (rule, verdict, subject, references, MappingProxyType(dict(facts)), view))
                for rule, verdict, subject, references, facts, view in findings
            ])
            [finding[1] for finding in built]
            new_decision(case, decision.verdict, built, (), decision.law, decision.interpretation)
for _ in range(1 + int(sys.argv[3])):
    run()
"""


def bench_instructions() -> dict[str, Any]:
    """Count the instructions per case of evaluate(), of load_case() + evaluate() and of the record alone (callgrind)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {"figure": "instructions", "skipped": "valgrind is not installed"}
    passes = 2

    def count(what: str, extra_passes: int) -> int:
        command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _COUNTED]
        result = subprocess.run(
            [*command, str(Path(__file__).resolve().parent), what, str(extra_passes)],
            capture_output=True,
            text=True,
            check=True,
        )
        match = re.search(r"refs:\s*([0-9,]+)", result.stderr)
        if match is None:
            raise RuntimeError(f"no instruction count in valgrind's output: {result.stderr[-500:]}")
        return int(match.group(1).replace(",", ""))

    # The difference between passes+1 passes and one pass is the instructions of the extra passes alone:
    # start-up, import, building the cases and the warm-up pass cancel out.
    figures = {
        what: round((count(what, passes) - count(what, 0)) / (passes * 500))
        for what in ("evaluate", "load_evaluate", "record_floor")
    }
    return {
        "figure": "instructions",
        "evaluate_per_case": figures["evaluate"],
        "load_evaluate_per_case": figures["load_evaluate"],
        "record_floor_per_case": figures["record_floor"],
        "cases": 500,
        "passes": passes,
    }


def main() -> None:
    """Run every benchmark and print JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=["evaluate", "load_evaluate", "stages", "check", "import", "instructions"])
    args = parser.parse_args()
    repeats = 2 if args.quick else 5
    count = 2000 if args.quick else 10000
    lines = 20_000 if args.quick else args.lines
    runs = {
        "evaluate": lambda: bench_evaluate(repeats, count),
        "load_evaluate": lambda: bench_load_evaluate(repeats, count),
        "stages": lambda: bench_stages(repeats, count // 5),
        "import": lambda: bench_import(repeats * 2),
        "check": lambda: bench_check(lines),
        "instructions": bench_instructions,
    }
    for name, run in runs.items():
        if args.only == name or (args.only is None and name != "instructions"):
            print(json.dumps(run()), flush=True)


if __name__ == "__main__":
    main()
