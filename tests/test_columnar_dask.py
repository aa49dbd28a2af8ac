"""
The how-to "Audit on a cluster (Dask, Spark)" (docs/howto/distributed.md), run.

The page's named code blocks are read from the page and executed here, so the code
shown cannot drift from the code tested: the Dask blocks on a local Dask cluster over
Parquet files whose file boundaries cut across cases, the Spark partition function on
Arrow record batches (Spark itself is not installed).  The verdicts must be those of
``evaluate_columns`` on the whole batch at once, and those of ``evaluate`` case by case.
"""

from __future__ import annotations

import json
import random
import re
import zlib
from pathlib import Path
from typing import Any

import pytest


dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")

from mentorrules import CaseError, Interpretation, UnsupportedDateError, evaluate, load_case  # noqa: E402
from mentorrules.columnar import CaseTables, cases_to_tables, evaluate_columns  # noqa: E402
from mentorrules.testing import random_documents  # noqa: E402


ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "howto" / "distributed.md"
#: A named code block of the page: ```{code-block} python, then :name: NAME, a blank line and the code.
BLOCK = re.compile(r"^```\{code-block\} python\n:name: ([\w-]+)\n\n(.*?)^```$", re.MULTILINE | re.DOTALL)
#: Dask's Parquet reader calls ``reset_index(inplace=True)``, which pandas 3.1 deprecates; not ours to fix.
DASK_INPLACE = "ignore:The inplace keyword in DataFrame.reset_index is deprecated"
TABLES = ("cases", "periods", "tasks")
#: The case made invalid in the Parquet files (a choice no case can hold): its row reports a CaseError.
BROKEN = "case-0007"
#: A reading other than the default, under which some of the cases get other verdicts.
FLAG = Interpretation(ambiguous_dates="flag", strict_mentor_categories=False)


def page_blocks() -> dict[str, str]:
    return dict(BLOCK.findall(PAGE.read_text(encoding="utf-8")))


def run_blocks(names: tuple[str, ...], namespace: dict[str, Any]) -> dict[str, Any]:
    blocks = page_blocks()
    for name in names:
        exec(compile(blocks[name], f"{PAGE.name}:{name}", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def documents() -> dict[str, dict[str, Any]]:
    """About 200 valid cases by key: drawn at random, the examples, and one whose date no law models."""
    drawn = random_documents(192, seed=2026)
    examples = [
        json.loads(line) for line in (ROOT / "examples" / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    unsupported = {"decision_date": "2013-05-01", "purpose": "other"}
    every = [*drawn, *examples, unsupported, {"decision_date": "2024-02-20"}]
    return {f"case-{number:04d}": document for number, document in enumerate(every)}


@pytest.fixture(scope="module")
def tables(documents: dict[str, dict[str, Any]]) -> CaseTables:
    """The cases in the columnar layout, one of them made invalid."""
    built = cases_to_tables(documents.values(), keys=documents.keys())
    keys = built.cases["case_key"].to_pylist()
    purposes = built.cases["purpose"].to_pylist()
    purposes[keys.index(BROKEN)] = "not-a-purpose"
    column = built.cases.schema.get_field_index("purpose")
    return CaseTables(
        built.cases.set_column(column, "purpose", pa.array(purposes, pa.string())), built.periods, built.tasks
    )


@pytest.fixture(scope="module")
def directory(tables: CaseTables, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables as Parquet datasets, rows shuffled and cut into files regardless of cases."""
    root = tmp_path_factory.mktemp("audit")
    shuffle = random.Random(5)
    for name, files in zip(TABLES, (4, 3, 5), strict=True):
        table = getattr(tables, name)
        order = list(range(table.num_rows))
        shuffle.shuffle(order)
        table = table.take(pa.array(order, pa.int64()))
        (root / name).mkdir()
        size = -(-table.num_rows // files)
        for part in range(files):
            pq.write_table(table.slice(part * size, size), root / name / f"part-{part}.parquet")
    return root


def expected(document: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """Return what evaluate() gives one case: (verdict, law, error)."""
    try:
        decision = evaluate(load_case(document))
    except (CaseError, UnsupportedDateError) as error:
        return None, None, type(error).__name__
    return decision.verdict.value, decision.law.id, None


def by_key(frame: Any) -> Any:
    return frame.sort_values("case_key").reset_index(drop=True)


@pytest.mark.filterwarnings(DASK_INPLACE)
def test_dask_example_gives_the_verdicts_of_the_whole_batch(
    tables: CaseTables, directory: Path, documents: dict[str, dict[str, Any]]
) -> None:
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        done = run_blocks(("dask-audit", "dask-run", "dask-drill-down"), {"directory": str(directory)})
        # An interpretation, passed through map_partitions as the page says; both computed in one pass.
        flagged = dd.map_partitions(
            done["audit"], done["cases"], done["periods"], done["tasks"], interpretation=FLAG, meta=done["META"]
        )
        verdicts, flagged = dask.compute(done["verdicts"], flagged)
    assert done["cases"].npartitions > 1, "the example must run on more than one partition"
    whole = evaluate_columns(tables).cases.to_pandas()
    assert len(whole) == len(documents)
    pd.testing.assert_frame_equal(by_key(verdicts), by_key(whole))
    pd.testing.assert_series_equal(done["counts"].sort_index(), whole["verdict"].value_counts().sort_index())
    assert set(whole["error"].dropna()) == {"CaseError", "UnsupportedDateError"}
    flagged_whole = evaluate_columns(tables, interpretation=FLAG).cases.to_pandas()
    pd.testing.assert_frame_equal(by_key(flagged), by_key(flagged_whole))
    assert not by_key(flagged)["verdict"].equals(by_key(verdicts)["verdict"]), "the interpretation must matter here"
    # Case by case, for a few: the verdicts evaluate() gives.
    rows = by_key(verdicts).set_index("case_key")
    for key in [*list(documents)[::20], "case-0192", "case-0197", BROKEN]:
        document = documents[key] if key != BROKEN else {**documents[key], "purpose": "not-a-purpose"}
        row = rows.loc[key]
        actual = tuple(None if pd.isna(row[name]) else str(row[name]) for name in ("verdict", "law", "error"))
        assert actual == expected(document), key
    # The drill-down: three not_met cases, and each one's decision record as evaluate() writes it.
    keys = done["keys"]
    assert len(keys) == 3
    assert set(rows.loc[keys, "verdict"]) == {"not_met"}
    assert done["decisions"] == {key: evaluate(load_case(documents[key])) for key in keys}


def test_spark_function_on_arrow_batches(tables: CaseTables) -> None:
    """The mapInArrow function of the Spark notes, fed what Spark would feed it: tagged rows, cut by size."""
    done = run_blocks(("spark-audit",), {})
    audit_batches, output = done["audit_batches"], done["OUTPUT"]
    tagged = [
        getattr(tables, name).append_column("table", pa.array([name] * getattr(tables, name).num_rows))
        for name in TABLES
    ]
    rows = pa.concat_tables(tagged, promote_options="default")
    # Hash partitioning by case key (three partitions), rows in any order, batches of 50 rows.
    shuffle = random.Random(11)
    partition = [zlib.crc32(key.encode()) % 3 for key in rows["case_key"].to_pylist()]
    results = []
    for number in range(3):
        indices = [row for row, part in enumerate(partition) if part == number]
        shuffle.shuffle(indices)
        batches = rows.take(pa.array(indices, pa.int64())).to_batches(max_chunksize=50)
        assert len(batches) > 1
        results += list(audit_batches(iter(batches)))
    assert list(audit_batches(iter([]))) == []
    got = pa.Table.from_batches(results, schema=output)
    whole = evaluate_columns(tables).cases.cast(output)
    assert got.num_rows == whole.num_rows
    assert got.sort_by("case_key").equals(whole.sort_by("case_key"))


def test_the_page_is_listed_and_its_spark_part_marked_untested() -> None:
    index = (ROOT / "docs" / "howto" / "index.md").read_text(encoding="utf-8")
    assert "(distributed.md)" in index
    assert "\ndistributed\n" in index
    page = PAGE.read_text(encoding="utf-8")
    assert set(page_blocks()) == {"dask-audit", "dask-run", "dask-drill-down", "spark-audit"}
    assert "not tested here" in page.split("## Spark notes", 1)[1]
    assert "tests/test_columnar_dask.py" in page
