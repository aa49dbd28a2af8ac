"""
A vectorised OpenFisca model of eight core rules of mentor support: the benchmark's peer.

Issue point 4 asks how the columnar engine (:mod:`mentorrules.columnar`) compares in
speed with the established way of writing rules as code over whole populations,
OpenFisca.  This module is that peer, written as OpenFisca models are written: a
:class:`~openfisca_core.taxbenefitsystems.TaxBenefitSystem` with one entity (the
*case*, a grant of mentor support), input variables for the facts, and one
variable per rule whose formula works on whole numpy vectors.  A simulation of a
million cases is built with :meth:`SimulationBuilder.build_default_simulation`,
filled with :meth:`Simulation.set_input` and computed with
:meth:`Simulation.calculate`.  It is a benchmark-only dependency
(``benchmarks/requirements-openfisca.txt``); the library does not use OpenFisca.

The rules, as booleans per case (``True``: the rule is met):

* ``eligibility.purpose``: the purpose is one of § 167, stk. 1's: activity, offer,
  ordinary education, flexjob or ordinary employment;
* ``eligibility.decisive_need``: the recorded assessment of the decisive need is
  positive;
* ``duration.period_length``: the period ends no later than six months less one day
  after its start, counted in calendar months in the reading that favours the
  citizen (where the start's day does not exist in the sixth month after it, the
  period may end on the last day of that month: ``period_end_day`` in
  :mod:`mentorrules.law.dates`);
* ``agreement.written``, ``.goal``, ``.mentor_contact``, ``.tasks`` and ``.hours``:
  presence checks on the period's agreement: it is written; the goal and the
  contact data are not empty; at least one task is listed; the hours are positive.

What the model leaves out, so that it is a fair peer for these rules on typical
cases and no more: the rights of § 167, stk. 2 and 3 (which may lengthen a period
and make the purpose or the decisive need not applicable), the other law versions'
period lengths (six months in every version modelled), the recognition of phone
numbers and e-mail addresses (``needs_assessment`` in the library), texts of white
space only, and hours per place.  The benchmark compares the booleans with the
columnar engine's ``verdict == "met"`` on every case.  Of the typical cases, only the
psychiatric-discharge one differs, and only where its shifted dates make its period a
day longer than six months, which the right allows (``duration.period_length`` met in
the library, not in this model: 59,000 of the million cases); a difference on a case
without a right fails the benchmark.

**Several periods.**  OpenFisca's entity here is the case, so the per-period rules
are computed for one period per case: the *current* one, the period with the latest
start (ties: the one listed last), as the library's ``law_date = period_start``
reading chooses it.  The feed (:func:`inputs_from_tables`) picks that period from
the periods table; a case without periods has no period (``has_period`` false) and
none of the per-period rules is met.  (A group entity of cases with periods as its
members would model every period; the benchmark's cases have one or two periods and
the comparison is about speed.)

The input is the columnar layout itself (:class:`mentorrules.columnar.CaseTables`):
:func:`inputs_from_tables` turns its Arrow columns into the numpy arrays OpenFisca
takes, nulls into OpenFisca's defaults.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.simulations import Simulation
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable


__all__ = [
    "RULES",
    "current_periods",
    "inputs_from_tables",
    "mentor_support_system",
    "simulate",
    "verdicts",
]

#: The period the simulation is asked about: any will do, as every variable is eternal (a fact of the case).
PERIOD = "2025"
#: The months of a period of mentor support (§ 167, stk. 1; six in every law version the library models).
PERIOD_MONTHS = 6

CASE = build_entity(
    key="case",
    plural="cases",
    label="A grant of mentor support (LAB §§ 167-171)",
    is_person=True,
)


class Purpose(Enum):
    """The purpose of the support; ``unknown`` where the case states none (OpenFisca has no null)."""

    unknown = "Not stated"
    activity = "An activity (tilbud) under the act"
    offer = "An offer of guidance, upskilling or company placement"
    ordinary_education = "Ordinary education"
    flexjob = "A flexjob"
    ordinary_employment = "Ordinary employment"
    other = "Another purpose"


#: The purposes of § 167, stk. 1.
STATUTORY_PURPOSES = (
    Purpose.activity,
    Purpose.offer,
    Purpose.ordinary_education,
    Purpose.flexjob,
    Purpose.ordinary_employment,
)


# --- input variables: the facts ---------------------------------------------------------------


class purpose(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = Enum
    possible_values = Purpose
    default_value = Purpose.unknown
    label = "The purpose of the support"


class decisive_need_outcome(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "The recorded assessment: the support is decisive (false where none is recorded)"


class has_period(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "The case has a period of support"


class period_start(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = date
    label = "The first day of the current period"


class period_end(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = date
    label = "The last day of the current period"


class agreement_written(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "The current period's agreement is written"


class agreement_goal(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = str
    label = "The goal stated in the agreement"


class agreement_mentor_contact(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = str
    label = "The mentor's contact data stated in the agreement"


class agreement_task_count(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = int
    label = "The number of tasks listed in the agreement"


class agreement_hours_amount(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = float
    label = "The hours of support stated in the agreement"


# --- the rules --------------------------------------------------------------------------------


def _period_end_day(start: np.ndarray, months: int) -> np.ndarray:
    """Return the last day of a period of ``months`` calendar months from each start, favouring the citizen."""
    month = start.astype("datetime64[M]")
    day_of_month = (start - month.astype("datetime64[D]")).astype(np.int64)  # 0-based
    target = month + np.timedelta64(months, "M")
    first = target.astype("datetime64[D]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - first).astype(np.int64)
    # A day that does not exist in the target month rolls over to the next month's first: the end is then
    # the target month's last day (the citizen's reading); ``min(day, length)`` is that roll-over.
    return first + np.minimum(day_of_month, length).astype("timedelta64[D]") - np.timedelta64(1, "D")


class eligibility_purpose(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "eligibility.purpose: a purpose of § 167, stk. 1"
    reference = "https://www.retsinformation.dk/eli/lta/2024/280#P167"

    def formula(case: Any, period: Any) -> np.ndarray:
        stated = case("purpose", period)
        return np.logical_or.reduce([stated == member for member in STATUTORY_PURPOSES])


class eligibility_decisive_need(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "eligibility.decisive_need: the support is assessed as decisive"
    reference = "https://www.retsinformation.dk/eli/lta/2024/280#P167"

    def formula(case: Any, period: Any) -> np.ndarray:
        return case("decisive_need_outcome", period)


class duration_period_length(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "duration.period_length: the period lasts at most six months"
    reference = "https://www.retsinformation.dk/eli/lta/2024/280#P167"

    def formula(case: Any, period: Any) -> np.ndarray:
        start = case("period_start", period)
        end = case("period_end", period)
        return case("has_period", period) & (end <= _period_end_day(start, PERIOD_MONTHS))


class agreement_is_written(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "agreement.written: the agreement is written"

    def formula(case: Any, period: Any) -> np.ndarray:
        return case("has_period", period) & case("agreement_written", period)


class agreement_has_goal(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "agreement.goal: the agreement states a goal"

    def formula(case: Any, period: Any) -> np.ndarray:
        return case("agreement_goal", period) != ""


class agreement_has_mentor_contact(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "agreement.mentor_contact: the agreement states the mentor's contact data"

    def formula(case: Any, period: Any) -> np.ndarray:
        return case("agreement_mentor_contact", period) != ""


class agreement_has_tasks(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "agreement.tasks: the agreement lists at least one task"

    def formula(case: Any, period: Any) -> np.ndarray:
        return case("agreement_task_count", period) > 0


class agreement_has_hours(Variable):
    entity = CASE
    definition_period = DateUnit.ETERNITY
    value_type = bool
    label = "agreement.hours: the agreement states a positive number of hours"

    def formula(case: Any, period: Any) -> np.ndarray:
        return case("agreement_hours_amount", period) > 0


#: The rule ids of mentorrules and the variables that compute them.
RULES: dict[str, str] = {
    "eligibility.purpose": "eligibility_purpose",
    "eligibility.decisive_need": "eligibility_decisive_need",
    "duration.period_length": "duration_period_length",
    "agreement.written": "agreement_is_written",
    "agreement.goal": "agreement_has_goal",
    "agreement.mentor_contact": "agreement_has_mentor_contact",
    "agreement.tasks": "agreement_has_tasks",
    "agreement.hours": "agreement_has_hours",
}

_VARIABLES = (
    purpose,
    decisive_need_outcome,
    has_period,
    period_start,
    period_end,
    agreement_written,
    agreement_goal,
    agreement_mentor_contact,
    agreement_task_count,
    agreement_hours_amount,
    eligibility_purpose,
    eligibility_decisive_need,
    duration_period_length,
    agreement_is_written,
    agreement_has_goal,
    agreement_has_mentor_contact,
    agreement_has_tasks,
    agreement_has_hours,
)


def mentor_support_system() -> TaxBenefitSystem:
    """Return the tax and benefit system: the entity ``case`` and the variables above."""
    system = TaxBenefitSystem([CASE])
    system.add_variables(*_VARIABLES)
    return system


# --- the feed: the columnar layout as numpy arrays ---------------------------------------------


def current_periods(tables: Any) -> np.ndarray:
    """
    Return, for each case row, the row of its current period in the periods table (-1: no period).

    The current period is the one with the latest start; of periods starting on the same
    day, the one listed last (the ``period`` index column, or table order).
    """
    cases, periods = tables.cases, tables.periods
    n, m = cases.num_rows, periods.num_rows
    current = np.full(n, -1, dtype=np.int64)
    if m == 0:
        return current
    case_row = pc.index_in(periods["case_key"], value_set=cases["case_key"].combine_chunks())
    row = case_row.to_numpy(zero_copy_only=False).astype(np.int64)
    start = _dates(periods["start"])
    number = (
        periods["period"].fill_null(0).to_numpy().astype(np.int64) if "period" in periods.column_names else np.arange(m)
    )
    order = np.lexsort((number, start, row))
    sorted_rows = row[order]
    last = np.r_[sorted_rows[1:] != sorted_rows[:-1], True]
    current[sorted_rows[last]] = order[last]
    return current


def _dates(column: pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(column, pa.scalar(date(1970, 1, 1), pa.date32())).to_numpy().astype("datetime64[D]")


def _texts(column: pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(column, "").to_numpy()


def _flags(column: pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(column, False).to_numpy()


#: The columns of the periods table the model reads.
_PERIOD_COLUMNS = (
    "start",
    "end",
    "agreement.written",
    "agreement.goal",
    "agreement.mentor_contact",
    "agreement.tasks",
    "agreement.hours.amount",
)


def inputs_from_tables(tables: Any) -> dict[str, np.ndarray]:
    """Return the input variables of every case, from the columnar tables (nulls: OpenFisca's defaults)."""
    cases = tables.cases
    current = current_periods(tables)
    has = current >= 0
    # The current period of each case (a row of nulls for a case without one), in the columns the rules read.
    period = tables.periods.select(_PERIOD_COLUMNS).take(pa.array(current, mask=~has))
    return {
        # an Enum is set from its members' names, as OpenFisca encodes strings
        "purpose": pc.fill_null(cases["purpose"], "unknown").to_numpy().astype(str),
        "decisive_need_outcome": _flags(cases["decisive_need.outcome"]),
        "has_period": has,
        "period_start": _dates(period["start"]),
        "period_end": _dates(period["end"]),
        "agreement_written": _flags(period["agreement.written"]),
        "agreement_goal": _texts(period["agreement.goal"]),
        "agreement_mentor_contact": _texts(period["agreement.mentor_contact"]),
        "agreement_task_count": pc.list_value_length(period["agreement.tasks"]).fill_null(0).to_numpy(),
        "agreement_hours_amount": pc.cast(period["agreement.hours.amount"], pa.float64(), safe=False)
        .fill_null(0.0)
        .to_numpy(),
    }


def simulate(inputs: dict[str, np.ndarray], system: TaxBenefitSystem | None = None) -> dict[str, np.ndarray]:
    """Build one simulation of every case, set the inputs and compute each rule: rule id → booleans."""
    system = system if system is not None else mentor_support_system()
    count = len(inputs["has_period"])
    simulation: Simulation = SimulationBuilder().build_default_simulation(system, count=count)
    for name, values in inputs.items():
        simulation.set_input(name, PERIOD, values)
    return {rule: np.asarray(simulation.calculate(variable, PERIOD), dtype=bool) for rule, variable in RULES.items()}


def verdicts(tables: Any) -> dict[str, np.ndarray]:
    """Return the eight rules' booleans for every case of the columnar tables, through OpenFisca."""
    return simulate(inputs_from_tables(tables))
