"""
Which array engine for the vectorised rules: numpy, pyarrow.compute or polars expressions?

The same three pieces of the catalogue, on the same 1,000,000 periods, on one core:

* the month arithmetic of ``duration.period_length`` (favour_citizen: where the day does not
  exist in the target month, the period may end on the last day of that month), and the verdict;
* ``agreement.hours``' item check with the per-place branch (a nested choice of verdicts);
* ``duration.new_period``'s per-case reduction: the latest end of the periods that start before
  each one (a running maximum within each case).

Prints one JSON line per engine and piece (seconds, best of 5) and checks the engines agree.
Run: ``python benchmarks/array_engines.py`` (docs/columnar.md quotes the figures).
"""

from __future__ import annotations

import json
import os
import time
from typing import Any


os.environ.setdefault("POLARS_MAX_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from mentorrules.columnar import dates as vdates


pa.set_cpu_count(1)
N = 1_000_000
rng = np.random.default_rng(1)
START = np.datetime64("2020-01-01") + rng.integers(0, 2500, N).astype("timedelta64[D]")
END = START + rng.integers(100, 220, N).astype("timedelta64[D]")
CASE = np.sort(rng.integers(0, N // 2, N))
AMOUNT = rng.choice([0.0, 2.5, 5.0], N)
PLACE = rng.random(N) < 0.2
SUPPORT = rng.integers(-1, 2, N)  # -1 unknown, 0 neither, 1 company or school
IS_2014 = rng.random(N) < 0.3


def best(run: Any) -> float:
    times = []
    for _ in range(5):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


# --- the month arithmetic and the verdict ----------------------------------------------------------


def length_numpy() -> np.ndarray:
    return vdates.period_end_day(START, 6, strict=False) >= END


def length_polars(frame: pl.DataFrame) -> pl.Series:
    start = pl.col("start")
    target = start.dt.offset_by("6mo")  # clamps a day the month lacks to its last day (the strict reading's base)
    lacks = target.dt.day() != start.dt.day()
    # favour_citizen: where the day is lacking, the period may end on the target month's last day
    max_end = pl.when(lacks).then(target).otherwise(target - pl.duration(days=1))
    return frame.select((pl.col("end") <= max_end).alias("met")).to_series()


def length_arrow(starts: pa.Array, ends: pa.Array) -> pa.Array:
    # pyarrow has no calendar-month addition on dates: year/month/day parts and a rebuilt date
    year, month, day = pc.year(starts), pc.month(starts), pc.day(starts)
    index = pc.add(pc.add(pc.multiply(year, 12), pc.subtract(month, 1)), 6)
    ty, tm = pc.divide(index, 12), pc.add(pc.subtract(index, pc.multiply(pc.divide(index, 12), 12)), 1)
    first = pc.strptime(
        pc.binary_join_element_wise(pc.cast(ty, pa.string()), pc.cast(tm, pa.string()), "1", "-"), "%Y-%m-%d", "s"
    )
    first = pc.cast(first, pa.date32())
    next_first = pc.cast(
        pc.strptime(
            pc.binary_join_element_wise(
                pc.cast(pc.add(ty, pc.divide(tm, 12)), pa.string()),
                pc.cast(pc.add(pc.subtract(tm, pc.multiply(pc.divide(tm, 12), 12)), 1), pa.string()),
                "1",
                "-",
            ),
            "%Y-%m-%d",
            "s",
        ),
        pa.date32(),
    )
    length = pc.days_between(first, next_first)
    days = pc.min_element_wise(day, pc.add(length, 1))
    max_end = pc.add(pc.cast(first, pa.int32()), pc.subtract(days, 2))
    return pc.less_equal(pc.cast(ends, pa.int32()), max_end)


# --- the hours item with the per-place branch -------------------------------------------------------

MET, NOT_MET, NEEDS, MISSING = 0, 1, 2, 3


def hours_numpy() -> np.ndarray:
    per_place = np.where(SUPPORT < 0, MISSING, np.where(SUPPORT == 0, NOT_MET, np.where(IS_2014, NEEDS, MET)))
    return np.where(AMOUNT <= 0, NOT_MET, np.where(PLACE, per_place, MET))


def hours_polars(frame: pl.DataFrame) -> pl.Series:
    per_place = (
        pl.when(pl.col("support") < 0)
        .then(MISSING)
        .when(pl.col("support") == 0)
        .then(NOT_MET)
        .when(pl.col("is_2014"))
        .then(NEEDS)
        .otherwise(MET)
    )
    verdict = pl.when(pl.col("amount") <= 0).then(NOT_MET).when(pl.col("place")).then(per_place).otherwise(MET)
    return frame.select(verdict.alias("v")).to_series()


def hours_arrow(table: pa.Table) -> pa.Array:
    per_place = pc.case_when(
        pc.make_struct(pc.less(table["support"], 0), pc.equal(table["support"], 0), table["is_2014"]),
        MISSING,
        NOT_MET,
        NEEDS,
        MET,
    )
    return pc.case_when(pc.make_struct(pc.less_equal(table["amount"], 0), table["place"]), NOT_MET, per_place, MET)


# --- the latest end before each period, within its case ---------------------------------------------


def previous_end_numpy() -> np.ndarray:
    ends = END.astype(np.int64)
    offset = CASE.astype(np.int64) * 1_000_000
    running = np.maximum.accumulate(ends + offset) - offset
    previous = np.empty(N, dtype=np.int64)
    previous[1:] = running[:-1]
    first = np.r_[True, CASE[1:] != CASE[:-1]]
    previous[first] = -1
    return previous


def previous_end_polars(frame: pl.DataFrame) -> pl.Series:
    end = pl.col("end").cast(pl.Int64)
    return frame.select(end.cum_max().shift(1).over("case").fill_null(-1).alias("p")).to_series()


def main() -> None:
    frame = pl.DataFrame(
        {
            "start": START,
            "end": END,
            "case": CASE,
            "amount": AMOUNT,
            "place": PLACE,
            "support": SUPPORT,
            "is_2014": IS_2014,
        }
    )
    table = frame.to_arrow()
    starts, ends = table["start"].combine_chunks(), table["end"].combine_chunks()
    assert (length_polars(frame).to_numpy() == length_numpy()).all()
    assert (np.asarray(length_arrow(starts, ends)) == length_numpy()).all()
    assert (hours_polars(frame).to_numpy() == hours_numpy()).all()
    assert (np.asarray(hours_arrow(table).to_numpy(zero_copy_only=False)) == hours_numpy()).all()
    assert (previous_end_polars(frame).to_numpy() == previous_end_numpy()).all()
    rows = [
        ("period_length", "numpy", best(length_numpy)),
        ("period_length", "polars", best(lambda: length_polars(frame))),
        ("period_length", "pyarrow", best(lambda: length_arrow(starts, ends))),
        ("hours", "numpy", best(hours_numpy)),
        ("hours", "polars", best(lambda: hours_polars(frame))),
        ("hours", "pyarrow", best(lambda: hours_arrow(table))),
        ("previous_end", "numpy", best(previous_end_numpy)),
        ("previous_end", "polars", best(lambda: previous_end_polars(frame))),
    ]
    for piece, engine, seconds in rows:
        print(
            json.dumps(
                {
                    "benchmark": "array_engines",
                    "piece": piece,
                    "engine": engine,
                    "rows": N,
                    "seconds": round(seconds, 4),
                }
            )
        )


if __name__ == "__main__":
    main()
