"""
Columnar audits: every verdict of the rule catalogue for millions of cases, over whole columns.

A national audit or a register study asks which of a million grants break which
rule.  This package answers it at vectorised speed, with the same verdicts
:func:`~mentorrules.evaluate` gives, case by case:

* :class:`CaseTables` holds cases in the columnar layout (a table of cases, one of
  periods with the agreement flattened, one of tasks, linked by ``case_key``; see
  :mod:`mentorrules.columnar.layout`), as Arrow tables, built from cases or JSON
  documents (:func:`cases_to_tables`), from pandas or polars frames
  (:meth:`CaseTables.from_frames`) or from Parquet (:meth:`CaseTables.read_parquet`),
  and turned back into documents (:func:`table_documents`) and cases
  (:func:`tables_to_cases`);
* :func:`evaluate_columns` returns the aggregate verdict per case and the verdict of
  every rule and subject (:class:`ColumnarVerdicts`), and the full decision record of
  any case on demand (:meth:`ColumnarVerdicts.decisions`).

It needs the extra ``columnar`` (``pip install "mentorrules[columnar]"``: pyarrow and
numpy); the rest of the library does not.

    >>> from mentorrules.columnar import cases_to_tables, evaluate_columns
    >>> tables = cases_to_tables([{"decision_date": "2024-02-20", "purpose": "other"}], keys=["A-17"])
    >>> result = evaluate_columns(tables)
    >>> result.cases.select(["case_key", "verdict", "eligibility.purpose"]).to_pylist()
    [{'case_key': 'A-17', 'verdict': 'not_met', 'eligibility.purpose': 'not_met'}]
"""

from mentorrules.columnar.builder import cases_to_tables
from mentorrules.columnar.engine import ColumnarVerdicts, evaluate_columns
from mentorrules.columnar.layout import CASE_KEY, CaseTables, table_documents, tables_to_cases


__all__ = [
    "CASE_KEY",
    "CaseTables",
    "ColumnarVerdicts",
    "cases_to_tables",
    "evaluate_columns",
    "table_documents",
    "tables_to_cases",
]
