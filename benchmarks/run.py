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
  so it compares two versions on a shared machine; it takes a few minutes;
* ``columnar``: the columnar path (:mod:`mentorrules.columnar`) on 1,000,000 typical
  cases, each measure in a fresh process on one core, with its peak resident memory:
  ``evaluate_columns`` on tables in memory (target <= 2 s) and read from Parquet, the
  per-case engine on the same cases (its rate and the time it would take for them all),
  and the vectorised OpenFisca model of eight core rules (``openfisca_model.py``) beside
  the columnar verdicts of the same rules (``rule_verdicts``), with how many cases the
  two agree on;
* ``differential``: every verdict of ``evaluate_columns`` against ``evaluate`` on
  200,000 random valid cases (:func:`mentorrules.testing.random_documents`) under a
  fixed list of interpretations: the mismatches (must be 0) and the times.

Options: ``--lines N`` for the size of the check file (default 1,000,000),
``--cases N`` for the columnar cases (default 1,000,000), ``--random-cases N`` for the
differential (default 200,000), ``--quick`` for a short run (fewer repetitions, 20,000
lines, 100,000 columnar and 20,000 random cases).  The run exits with status 1 when the
differential finds a mismatch or the OpenFisca model disagrees where it should not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
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


# --- the columnar path (issue 21) ---------------------------------------------------------------

#: The environment of a measuring process: one thread for every library that reads one of these.
_ONE_CORE_ENV = dict.fromkeys(
    ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"), "1"
)


def _one_core() -> None:
    """Run this process on one core: one CPU in its affinity, one thread for Arrow's computations and reads."""
    import pyarrow as pa

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)


def _tile(table: Any, reps: int) -> Any:
    """Return ``reps`` copies of a table, the case keys of copy ``r`` suffixed ``-r``: distinct cases."""
    import pyarrow as pa
    import pyarrow.compute as pc

    key = table.column_names.index("case_key")
    copies = [
        table.set_column(key, "case_key", pc.binary_join_element_wise(table["case_key"], pa.scalar(f"-{r}"), ""))
        for r in range(reps)
    ]
    return pa.concat_tables(copies).combine_chunks()


def typical_tables(cases: int) -> Any:
    """Return about ``cases`` typical cases as columnar tables: 1,000 typical documents, converted once and tiled."""
    from mentorrules.columnar import CaseTables, cases_to_tables

    base_count = min(1000, cases)
    base = cases_to_tables(typical_documents(base_count))
    reps = max(1, cases // base_count)
    return CaseTables(*(_tile(table, reps) for table in (base.cases, base.periods, base.tasks)))


def _peak_mib() -> float:
    """Return the peak resident memory of this process so far (Linux: ``ru_maxrss`` in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_mib() -> float | None:
    """Return the resident memory of this process now (``VmRSS``), where /proc tells it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _child_write(args: argparse.Namespace) -> dict[str, Any]:
    """Build the typical tables and write them as Parquet (not timed: the other measures read them)."""
    tables = typical_tables(args.cases)
    tables.write_parquet(args.parquet)
    size = sum(path.stat().st_size for path in Path(args.parquet).glob("*.parquet"))
    return {
        "cases": tables.cases.num_rows,
        "periods": tables.periods.num_rows,
        "tasks": tables.tasks.num_rows,
        "parquet_mb": round(size / 1e6, 1),
    }


def _child_in_memory(args: argparse.Namespace) -> dict[str, Any]:
    """(a) evaluate_columns on tables in memory: best of the repetitions; the peak memory of the first."""
    from mentorrules.columnar import evaluate_columns

    tables = typical_tables(args.cases)
    tables_mib = _rss_mib()
    times = []
    per_case = 0
    peak = 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        result = evaluate_columns(tables)
        times.append(time.perf_counter() - start)
        per_case = result.per_case
        del result
        # The peak of the process with one evaluation: later ones may add what the allocator has not yet returned.
        peak = peak or _peak_mib()
    return {
        "seconds": round(min(times), 3),
        "median_seconds": round(statistics.median(times), 3),
        "cases_per_s": round(len(tables) / min(times)),
        "peak_rss_mib": peak,
        "rss_with_tables_mib": tables_mib,
        "per_case_handovers": per_case,
    }


def _child_parquet(args: argparse.Namespace) -> dict[str, Any]:
    """(b) CaseTables.read_parquet + evaluate_columns (the files are in the page cache: just written)."""
    from mentorrules.columnar import CaseTables, evaluate_columns

    runs = []
    cases = 0
    peak = 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        tables = CaseTables.read_parquet(args.parquet)
        read = time.perf_counter()
        result = evaluate_columns(tables)
        end = time.perf_counter()
        runs.append((end - start, read - start, end - read))
        cases = len(tables)
        del tables, result
        peak = peak or _peak_mib()  # the first run's, as in _child_in_memory
    total, read_s, evaluate_s = min(runs)
    return {
        "seconds": round(total, 3),
        "read_s": round(read_s, 3),
        "evaluate_s": round(evaluate_s, 3),
        "cases_per_s": round(cases / total),
        "peak_rss_mib": peak,
    }


def _child_per_case(args: argparse.Namespace) -> dict[str, Any]:
    """(c) evaluate() on prebuilt, distinct Case objects of the same typical cases."""
    from mentorrules import evaluate, load_case

    documents = typical_documents(min(1000, args.per_case))
    reps = max(1, args.per_case // len(documents))
    cases = [load_case(document) for _ in range(reps) for document in documents]

    def run() -> None:
        for case in cases:
            evaluate(case)

    best, median = _best_rate(run, len(cases), args.repeats)
    return {
        "cases": len(cases),
        "cases_per_s": round(best),
        "median_cases_per_s": round(median),
        "peak_rss_mib": _peak_mib(),
    }


def _child_openfisca(args: argparse.Namespace) -> dict[str, Any]:
    """(d) The OpenFisca model and rule_verdicts of the same eight rules on the same cases, in turn; then compare."""
    import numpy as np
    import openfisca_model as peer
    import pyarrow.compute as pc

    from mentorrules.columnar.engine import rule_verdicts

    tables = typical_tables(args.cases)
    system = peer.mentor_support_system()
    rules = list(peer.RULES)
    openfisca_runs, columnar_runs = [], []
    booleans: dict[str, Any] = {}
    verdicts: dict[str, Any] = {}
    for _ in range(args.repeats):
        start = time.perf_counter()
        inputs = peer.inputs_from_tables(tables)
        fed = time.perf_counter()
        booleans = peer.simulate(inputs, system)
        end = time.perf_counter()
        openfisca_runs.append((end - start, fed - start, end - fed))
        del inputs
        start = time.perf_counter()
        verdicts = rule_verdicts(tables, rules)
        columnar_runs.append(time.perf_counter() - start)
    # Not timed: the columnar verdicts as booleans per case (a per-period rule: its verdict on the current period).
    current = peer.current_periods(tables)
    has_period = current >= 0
    agree = np.ones(len(tables), dtype=bool)
    by_rule = {}
    unsettled = 0
    for rule in rules:
        column = verdicts[rule]
        unsettled += column.null_count
        met = pc.fill_null(pc.equal(column.cast("string"), "met"), False).to_numpy(zero_copy_only=False)
        if len(met) != len(tables):  # a per-period rule
            met = np.where(has_period, met[np.maximum(current, 0)], False)
        same = met == booleans[rule]
        by_rule[rule] = int(same.sum())
        agree &= same
    # The model leaves out the rights of § 167, stk. 2 and 3 (a right may lengthen a period): where it disagrees,
    # the case must have such a right, or the model and the columnar engine differ where they should not.
    with_right = pc.is_valid(tables.cases["psychiatric_discharge.discharge_date"]).to_numpy(
        zero_copy_only=False
    ) | pc.is_valid(tables.cases["education_admission.admission_date"]).to_numpy(zero_copy_only=False)
    without_right_disagree = int((~agree & ~with_right).sum())
    openfisca_s, feed_s, simulation_s = min(openfisca_runs)
    columnar_s = min(columnar_runs)
    return {
        "rules": rules,
        "openfisca_s": round(openfisca_s, 3),
        "openfisca_feed_s": round(feed_s, 3),
        "openfisca_simulation_s": round(simulation_s, 3),
        "rule_verdicts_s": round(columnar_s, 3),
        "ratio_openfisca_to_columnar": round(openfisca_s / columnar_s, 3),
        "agree_cases": int(agree.sum()),
        "cases": len(tables),
        "agree_by_rule": by_rule,
        "cases_with_a_right": int(with_right.sum()),
        "disagree_with_a_right": int((~agree & with_right).sum()),
        "disagree_without_a_right": without_right_disagree,
        "unsettled_verdicts": unsettled,
        "peak_rss_mib": _peak_mib(),
        "ok": without_right_disagree == 0 and unsettled == 0,
    }


_CHILDREN = {
    "write": _child_write,
    "in_memory": _child_in_memory,
    "parquet": _child_parquet,
    "per_case": _child_per_case,
    "openfisca": _child_openfisca,
}


def _measure(name: str, cases: int, per_case: int, repeats: int, parquet: str) -> dict[str, Any]:
    """Run one measure in a fresh interpreter on one core; return what it printed."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--cases", str(cases)]
    command += ["--per-case", str(per_case), "--repeats", str(repeats), "--parquet", parquet]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **_ONE_CORE_ENV}, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the {name} measure failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def bench_columnar(cases: int, per_case: int, repeats: int) -> dict[str, Any]:
    """Time the columnar path on typical cases, each measure in a fresh process on one core."""
    with tempfile.TemporaryDirectory() as tmp:
        shape = _measure("write", cases, per_case, 1, tmp)
        in_memory = _measure("in_memory", cases, per_case, repeats, tmp)
        parquet = _measure("parquet", cases, per_case, repeats, tmp)
        one_by_one = _measure("per_case", cases, per_case, repeats, tmp)
        openfisca = _measure("openfisca", cases, per_case, repeats, tmp)
    count = shape["cases"]
    one_by_one["extrapolated_s"] = round(count / one_by_one["cases_per_s"], 1)
    return {
        "figure": "columnar",
        **shape,
        "cores": 1,
        "in_memory": in_memory,
        "target_s": 2.0,
        "parquet": parquet,
        "per_case": one_by_one,
        # how many times as many cases per second the columnar path (in memory) decides as evaluate()
        "ratio_columnar_to_per_case": round(in_memory["cases_per_s"] / one_by_one["cases_per_s"], 1),
        "openfisca": openfisca,
        "ok": openfisca["ok"],
    }


def _interpretations() -> list[tuple[str, Any]]:
    """The differential's interpretations: the default and the choices that change dates and verdicts."""
    from mentorrules import Interpretation

    return [
        ("default", Interpretation()),
        ("strict", Interpretation(ambiguous_dates="strict")),
        ("flag", Interpretation(ambiguous_dates="flag")),
        ("period_start", Interpretation(law_date="period_start")),
        (
            "flag_admission_guidance",
            Interpretation(
                ambiguous_dates="flag", education_right_window="admission", under_30_education_guidance=True
            ),
        ),
        (
            "strict_all_choices",
            Interpretation(
                ambiguous_dates="strict",
                law_date="period_start",
                psychiatric_period_may_exceed_six_months=True,
                strict_mentor_categories=False,
                complaint_guidance_required_from_2020=True,
            ),
        ),
    ]


def _codes(column: Any, names: list[str]) -> Any:
    """Return a verdict column as codes (positions in ``names``; null: -1)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    as_text = column.cast(pa.string())
    return pc.index_in(as_text, value_set=pa.array(names)).fill_null(-1).to_numpy(zero_copy_only=False)


def _differ(cases: list[Any], result: Any, interpretation: Any) -> tuple[int, int, int, float]:
    """
    Compare every verdict of a columnar result with evaluate()'s, case by case.

    Returns:
        ``(cases that differ, verdicts that differ, verdicts compared, seconds in evaluate())``.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from mentorrules import UnsupportedDateError, Verdict, evaluate
    from mentorrules.columnar.engine import CASE_RULES, PERIOD_RULES

    names = [verdict.value for verdict in Verdict]
    code = {name: position for position, name in enumerate(names)}
    n = len(cases)
    periods = result.periods
    period_case = pc.cast(periods["case_key"], pa.int64()).to_numpy(zero_copy_only=False)
    period_index = periods["period"].fill_null(-1).to_numpy(zero_copy_only=False)
    row_of = {(int(c), int(p)): row for row, (c, p) in enumerate(zip(period_case, period_index, strict=True))}
    want_verdict = np.full(n, -1, dtype=np.int64)
    want_law: list[str | None] = [None] * n
    want_error: list[str | None] = [None] * n
    want_case = {rule: np.full(n, -1, dtype=np.int64) for rule in CASE_RULES}
    want_period = {rule: np.full(periods.num_rows, -1, dtype=np.int64) for rule in PERIOD_RULES}
    unplaced = np.zeros(n, dtype=bool)  # a finding with no place among the columnar verdicts
    seconds = 0.0
    for i, case in enumerate(cases):
        start = time.perf_counter()
        try:
            decision = evaluate(case, interpretation=interpretation)
        except UnsupportedDateError:
            seconds += time.perf_counter() - start
            want_error[i] = "UnsupportedDateError"
            continue
        seconds += time.perf_counter() - start
        want_verdict[i] = code[decision.verdict.value]
        want_law[i] = decision.law.id
        for finding in decision.findings:
            rule, subject = finding.rule, finding.subject
            if subject == "" and rule in want_case:
                want_case[rule][i] = code[finding.verdict.value]
                continue
            period = -1 if subject == "periods" else int(subject[len("periods[") : subject.index("]")])
            row = row_of.get((i, period))
            expected = (
                "periods"
                if period < 0
                else (f"periods[{period}].agreement" if rule.startswith("agreement.") else f"periods[{period}]")
            )
            if row is None or rule not in want_period or subject != expected:
                unplaced[i] = True
            else:
                want_period[rule][row] = code[finding.verdict.value]
    bad = unplaced.copy()
    bad |= np.array(result.cases["error"].to_pylist(), dtype=object) != np.array(want_error, dtype=object)
    bad |= np.array(result.cases["law"].to_pylist(), dtype=object) != np.array(want_law, dtype=object)
    wrong = int(unplaced.sum())
    differs = _codes(result.cases["verdict"], names) != want_verdict
    wrong += int(differs.sum())
    bad |= differs
    for rule in CASE_RULES:
        differs = _codes(result.cases[rule], names) != want_case[rule]
        wrong += int(differs.sum())
        bad |= differs
    for rule in PERIOD_RULES:
        differs = _codes(periods[rule], names) != want_period[rule]
        wrong += int(differs.sum())
        bad[period_case[differs]] = True
    compared = n * (3 + len(CASE_RULES)) + periods.num_rows * len(PERIOD_RULES)
    return int(bad.sum()), wrong, compared, seconds


def bench_differential(count: int, seed: int = 2022) -> dict[str, Any]:
    """Compare every verdict of evaluate_columns with evaluate on random valid cases under several interpretations."""
    from mentorrules import load_case
    from mentorrules.columnar import cases_to_tables, evaluate_columns
    from mentorrules.testing import random_documents

    start = time.perf_counter()
    cases = [load_case(document) for document in random_documents(count, seed=seed)]
    tables = cases_to_tables(cases)  # keys "0", "1", ...: the position of each case
    prepared = time.perf_counter() - start
    runs = []
    for name, interpretation in _interpretations():
        start = time.perf_counter()
        result = evaluate_columns(tables, interpretation=interpretation)
        columnar_s = time.perf_counter() - start
        cases_differ, verdicts_differ, compared, evaluate_s = _differ(cases, result, interpretation)
        runs.append(
            {
                "interpretation": name,
                "mismatched_cases": cases_differ,
                "mismatched_verdicts": verdicts_differ,
                "verdicts_compared": compared,
                "evaluate_columns_s": round(columnar_s, 2),
                "evaluate_s": round(evaluate_s, 2),
                "per_case_handovers": result.per_case,
                "errors": len(result.errors),
            }
        )
    mismatches = sum(run["mismatched_verdicts"] for run in runs)
    return {
        "figure": "differential",
        "cases": count,
        "periods": tables.periods.num_rows,
        "seed": seed,
        "mismatches": mismatches,
        "prepare_s": round(prepared, 1),
        "runs": runs,
        "ok": mismatches == 0,
    }


def main() -> None:
    """Run every benchmark and print JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=1_000_000, help="typical cases of the columnar benchmark")
    parser.add_argument("--random-cases", type=int, default=200_000, help="random cases of the differential")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--only",
        choices=["evaluate", "load_evaluate", "stages", "check", "import", "columnar", "differential", "instructions"],
    )
    # a columnar measure run in its own process (see bench_columnar)
    parser.add_argument("--child", choices=sorted(_CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--per-case", type=int, default=50_000, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=3, help=argparse.SUPPRESS)
    parser.add_argument("--parquet", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(Path(__file__).resolve().parent))  # openfisca_model
        _one_core()
        print(json.dumps(_CHILDREN[args.child](args)), flush=True)
        return
    repeats = 2 if args.quick else 5
    count = 2000 if args.quick else 10000
    lines = 20_000 if args.quick else args.lines
    columnar_cases = 100_000 if args.quick else args.cases
    random_cases = 20_000 if args.quick else args.random_cases
    runs = {
        "evaluate": lambda: bench_evaluate(repeats, count),
        "load_evaluate": lambda: bench_load_evaluate(repeats, count),
        "stages": lambda: bench_stages(repeats, count // 5),
        "import": lambda: bench_import(repeats * 2),
        "check": lambda: bench_check(lines),
        "columnar": lambda: bench_columnar(columnar_cases, min(50_000, columnar_cases), 2 if args.quick else 3),
        "differential": lambda: bench_differential(random_cases),
        "instructions": bench_instructions,
    }
    failed = []
    for name, run in runs.items():
        if args.only == name or (args.only is None and name != "instructions"):
            figure = run()
            print(json.dumps(figure), flush=True)
            if figure.get("ok") is False:
                failed.append(name)
    if failed:
        sys.exit(f"failed: {', '.join(failed)} (see the figures above)")


if __name__ == "__main__":
    main()
