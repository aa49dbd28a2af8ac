"""
The columnar engine: every verdict of the rule catalogue for a whole batch of cases at once.

:func:`evaluate_columns` reads cases in the columnar layout
(:mod:`mentorrules.columnar.layout`) and gives, per case, the aggregate verdict and
the law version, and per rule and subject the verdict, exactly as
:func:`~mentorrules.evaluate` would: no decision records, texts or references are
built (:meth:`ColumnarVerdicts.decisions` builds them, through
:func:`~mentorrules.evaluate`, for the rows asked for).

How it works, as :func:`~mentorrules.evaluate` does, over columns:

1. The tables are normalised and checked (:func:`~mentorrules.columnar.layout.normalise`);
   a row the column checks flag is read by :func:`~mentorrules.load_case`, whose
   :class:`~mentorrules.CaseError` becomes that case's error.
2. The law date of every case selects its epoch of the law (numpy ``searchsorted``
   over the epochs' first days); a date outside the modelled law is that case's
   :class:`~mentorrules.UnsupportedDateError`.
3. For each reading of the month arithmetic (one, or both under ``flag``), the rights
   run first, their coverage of the periods is computed, and then every other rule
   (:data:`mentorrules.columnar.rules.VECTORISED`).  Under ``flag`` the two readings are
   combined as the engine combines them.
4. A case where a right is *pending* (``needs_assessment`` or ``missing_facts``: its
   coverage is unknown, so the engine evaluates every combination, DESIGN section 5,
   C2.11) is handed to :func:`~mentorrules.evaluate` itself, as are the rows the
   column checks flagged and :func:`~mentorrules.load_case` accepted.  Their number is
   reported (:attr:`ColumnarVerdicts.per_case`): in typical data they are few.

The arrays are numpy's: the rules are elementwise conditions and a few per-case
reductions (the first period, the latest end before each period), which numpy
does in C without copies; Arrow's compute functions serve the texts (white space,
the phone and e-mail patterns), where they work on the Arrow buffers directly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from mentorrules.codec.cases import load_case
from mentorrules.columnar import dates as vdates
from mentorrules.columnar.layout import (
    CASE_KEY,
    CaseTables,
    Normalised,
    days_of,
    normalise,
    numpy_of,
    python_whitespace,
    strip,
    table_documents,
    whitespace_class,
)
from mentorrules.columnar.rules import CODES, MET, MISSING, NEEDS, NOT_APPLICABLE, NOT_MET, VECTORISED
from mentorrules.engine.evaluate import check_interpretation, evaluate
from mentorrules.law.interpretation import AmbiguousDates, EducationRightWindow, Interpretation, LawDate
from mentorrules.law.versions import LAW_VERSIONS, SNAPSHOTS
from mentorrules.model.exceptions import CaseError, UnsupportedDateError
from mentorrules.model.facts import Engager, HoursBasis, MentorEmployer, Purpose, TargetGroup
from mentorrules.rules import CATALOGUE
from mentorrules.rules._common import STATUTORY_PURPOSES
from mentorrules.rules.agreement import same_name


if TYPE_CHECKING:
    from mentorrules.model.outcomes import Decision


__all__ = ["Batch", "ColumnarVerdicts", "Reading", "evaluate_columns", "rule_verdicts"]

_DEFAULT = Interpretation()
_DAY = np.timedelta64(1, "D")
#: A day before every date a case may hold: the "latest end before" the first period.
_NEVER = np.datetime64("1800-01-01")
_EPOCH_STARTS = np.array([s.valid_from for s in SNAPSHOTS], dtype="datetime64[D]")
_FIRST_DAY = np.datetime64(LAW_VERSIONS[0].valid_from, "D")
_LAST_DAY = np.datetime64(LAW_VERSIONS[-1].valid_to, "D")
#: The rules by what they are about.
CASE_RULES = tuple(rule.id for rule in CATALOGUE if rule.per == "case")
PERIOD_RULES = tuple(rule.id for rule in CATALOGUE if rule.per == "period")
_RIGHT_RULES = tuple(rule.id for rule in CATALOGUE if rule.family == "right")
#: With no period at all, the per-period rules give one finding about ``periods`` (DESIGN section 5).
_WITHOUT_PERIODS = MappingProxyType(
    {
        rule: (MISSING if rule in ("duration.period_length", "agreement.written") else NOT_APPLICABLE)
        for rule in PERIOD_RULES
    }
)
#: How pressing a verdict is for the aggregate: not met, then missing facts, then needs assessment.
_SEVERITY = np.zeros(len(CODES), dtype=np.int8)
_SEVERITY[[NEEDS, MISSING, NOT_MET]] = (1, 2, 3)
_BY_SEVERITY = np.array([MET, NEEDS, MISSING, NOT_MET], dtype=np.int8)
for _table in (_EPOCH_STARTS, _SEVERITY, _BY_SEVERITY):  # module-level tables are read-only
    _table.flags.writeable = False
del _table
#: Ordinary phone numbers and e-mail addresses (``agreement.is_contact``), for RE2 over the stripped texts.
#: What a phone number may hold besides its digits and a leading "+" (``agreement._PHONE_SEPARATORS``), anywhere.
_SEPARATORS = r"[ \-.()]*"
#: A phone number (``agreement._PHONE``: ``+45`` or ``0045`` and 8 digits, or ``+`` and 7-15 digits) with the
#: separators allowed between any two of its characters: the text matches exactly when, the separators
#: removed, the number does (one pass of RE2, not five replacements and a match).
_PHONE = (
    f"^{_SEPARATORS}(?:(?:\\+{_SEPARATORS}4{_SEPARATORS}5{_SEPARATORS}|0{_SEPARATORS}0{_SEPARATORS}4{_SEPARATORS}5{_SEPARATORS})?"
    f"(?:[0-9]{_SEPARATORS}){{8}}|\\+{_SEPARATORS}(?:[0-9]{_SEPARATORS}){{7,15}})$"
)


@functools.cache
def _email() -> str:
    ws = whitespace_class()
    label = f"[^@{ws}.]+"
    return f"^[^@{ws}]+@{label}(?:\\.{label})*\\.{label}$"


_ASCII_SPACES = "[\\t\\n\\x0b\\x0c\\r\\x1c\\x1d\\x1e\\x1f ]+"


def _codes(array: pa.Array, values: tuple[str, ...]) -> np.ndarray:
    """Return each choice's position among ``values`` (-1: unknown)."""
    return numpy_of(pc.index_in(array, value_set=pa.array(values)).fill_null(-1)).astype(np.int8, copy=False)


def _flags(array: pa.Array) -> np.ndarray:
    """Return a boolean column as -1 (unknown), 0, 1."""
    return numpy_of(pc.cast(array, pa.int8()).fill_null(-1))


def _known(array: pa.Array) -> np.ndarray:
    return numpy_of(array.is_valid())


def _true(array: pa.Array) -> np.ndarray:
    return numpy_of(array.fill_null(False))


def _values(enum: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _stated(array: pa.Array) -> np.ndarray:
    """
    Return where a text is stated: not null and not only white space (``agreement._blank``).

    A text whose first character is not white space is stated; only the others (empty, or
    starting with white space: few) are stripped to tell, which spares copying every text.
    """
    first = pc.utf8_slice_codeunits(array, 0, 1)
    starts_blank = _true(pc.is_in(first, value_set=_whitespace_array()))
    stated: np.ndarray = _true(pc.not_equal(first, "")) & ~starts_blank
    unsure = np.flatnonzero(starts_blank)
    if len(unsure):
        stated[unsure] = _true(pc.not_equal(strip(array.take(pa.array(unsure))), ""))
    return stated


@functools.cache
def _whitespace_array() -> pa.Array:
    """Return each character :meth:`str.strip` removes, as an Arrow array of one-character strings."""
    return pa.array(list(python_whitespace()))


class Batch:
    """
    The facts of a batch of cases as arrays, with what every reading shares.

    Case arrays have one element per case row; period arrays one per period row (the
    periods table's order); ``case_row`` gives each period's case.
    """

    def __init__(
        self, cases: Normalised, periods: Normalised, tasks: Normalised, interpretation: Interpretation
    ) -> None:
        self.interpretation = interpretation
        n, m = cases.rows, periods.rows
        self.n, self.m = n, m
        a = cases.arrays
        p = periods.arrays
        row = self.case_row = periods.case_row
        self.number = periods.number
        # --- periods: chronological order within each case (ties keep input order) ---
        self.start = days_of(p["start"])
        self.end = days_of(p["end"])
        order = np.lexsort((self.number, self.start, row))
        self.order = order
        sorted_rows = row[order]
        group_start = np.r_[True, sorted_rows[1:] != sorted_rows[:-1]] if m else np.zeros(0, dtype=bool)
        group_end = np.r_[sorted_rows[1:] != sorted_rows[:-1], True] if m else np.zeros(0, dtype=bool)
        self.first_period = np.zeros(m, dtype=bool)
        self.first_period[order[group_start]] = True
        self.current_period = np.zeros(m, dtype=bool)
        self.current_period[order[group_end]] = True
        # The latest end of the periods that start before each one (a running maximum within the case).
        ends = self.end[order].astype(np.int64, copy=False)
        offset = sorted_rows.astype(np.int64, copy=False) * 1_000_000
        running = np.maximum.accumulate(ends + offset) - offset
        previous = np.empty(m, dtype=np.int64)
        if m:
            previous[1:] = running[:-1]
            previous[group_start] = _NEVER.astype(np.int64, copy=False)
        self.previous_end = np.empty(m, dtype="datetime64[D]")
        self.previous_end[order] = previous.astype("datetime64[D]", copy=False)
        self.period_count = np.bincount(row, minlength=n)
        self.first_start = np.full(n, _NEVER, dtype="datetime64[D]")
        self.first_start[sorted_rows[group_start]] = self.start[order[group_start]]
        self.current_start = np.full(n, _NEVER, dtype="datetime64[D]")
        self.current_start[sorted_rows[group_end]] = self.start[order[group_end]]
        # --- the law date and its epoch ---
        self.decision_date = days_of(a["decision_date"])
        law_date = self.decision_date
        if interpretation.law_date is LawDate.PERIOD_START:
            law_date = np.where(self.period_count > 0, self.current_start, self.decision_date)
        self.law_date = law_date
        self.supported = (law_date >= _FIRST_DAY) & (law_date <= _LAST_DAY)
        epoch = np.clip(np.searchsorted(_EPOCH_STARTS, law_date, side="right") - 1, 0, len(SNAPSHOTS) - 1)
        self.epoch = epoch

        def per_epoch(attribute: str) -> np.ndarray:
            return np.array([getattr(s, attribute) for s in SNAPSHOTS])[epoch]

        self.is_2014 = per_epoch("is_2014")
        self.law_id = np.array([s.version.id for s in SNAPSHOTS], dtype=object)[epoch]
        self.education_right_in_force = per_epoch("education_right_in_force")
        self.psychiatric_purpose_in_force = per_epoch("psychiatric_purpose_in_force")
        self.period_months = per_epoch("period_months")
        self.psychiatric_months_before = per_epoch("psychiatric_months_before")
        self.psychiatric_months_total = per_epoch("psychiatric_months_total")
        self.education_months = per_epoch("education_months")
        self.age_limit = per_epoch("age_limit")
        # --- the case's facts ---
        self.purposes = _values(Purpose)
        self.purpose = _codes(a["purpose"], self.purposes)
        statutory = np.zeros(len(self.purposes) + 1, dtype=bool)
        statutory[[self.purposes.index(p.value) for p in STATUTORY_PURPOSES]] = True
        self.statutory_purpose = statutory[self.purpose]  # -1 picks the last: False
        self.groups = _values(TargetGroup)
        self.group = _codes(a["citizen.target_group"], self.groups)
        self.birth = days_of(a["citizen.birth_date"])
        self.birth_known = _known(a["citizen.birth_date"])
        self.decisive_need = _flags(a["decisive_need.outcome"])
        self.employers = _values(MentorEmployer)
        self.employer = _codes(a["mentor.employer"], self.employers)
        engagers = _values(Engager)
        self.engaged_by = _codes(a["mentor.engaged_by"], engagers)
        consultant = self.employer == self.employers.index(MentorEmployer.EXTERNAL_CONSULTANT.value)
        own = np.isin(
            self.employer,
            [self.employers.index(e.value) for e in (MentorEmployer.COMPANY, MentorEmployer.EDUCATION_INSTITUTION)],
        )
        engaged = np.isin(
            self.engaged_by, [engagers.index(e.value) for e in (Engager.COMPANY, Engager.EDUCATION_INSTITUTION)]
        )
        # Who receives the support (``_common.support_to``): unknown, a company or school, or neither.
        self.support_unknown = (self.employer < 0) | (consultant & (self.engaged_by < 0))
        self.to_company_or_school = own | (consultant & engaged)
        self.beyond_usual = _flags(a["beyond_usual_duties.outcome"])
        self.hours_assessment = _flags(a["hours_assessment.outcome"])
        within = _true(tasks.arrays["within_usual_duties"])
        self.task_within_usual = np.bincount(tasks.case_row[within], minlength=n) > 0
        self.has_discharge = cases.present.get("psychiatric_discharge", np.zeros(n, dtype=bool))
        self.discharge_date = days_of(a["psychiatric_discharge.discharge_date"])
        self.inpatient = _flags(a["psychiatric_discharge.inpatient"])
        self.psychiatric = _flags(a["psychiatric_discharge.psychiatric"])
        self.in_connection = _flags(a["psychiatric_discharge.in_connection.outcome"])
        self.has_admission = cases.present.get("education_admission", np.zeros(n, dtype=bool))
        self.admission_date = days_of(a["education_admission.admission_date"])
        self.qualifying = _flags(a["education_admission.qualifying"])
        self.invoked = days_of(a["education_admission.right_invoked_on"])
        self.invoked_known = _known(a["education_admission.right_invoked_on"])
        # --- each period's record ---
        self.period_assessment = _flags(p["assessment.outcome"])
        self.has_agreement = periods.present.get("agreement", np.zeros(m, dtype=bool))
        self.written = _flags(p["agreement.written"])
        self._periods, self._cases = p, a  # the texts, read on first use (see the properties below)
        self.agreement_start = days_of(p["agreement.start"])
        self.agreement_end = days_of(p["agreement.end"])
        self.agreement_dates_known = _known(p["agreement.start"]) & _known(p["agreement.end"])
        amount = p["agreement.hours.amount"]
        # The sign survives the cast to float (the least positive amount, 0.000001, stays positive).
        self.hours_positive = _true(pc.greater(pc.cast(amount, pa.float64(), safe=False), 0.0))
        self.per_place = _true(pc.equal(p["agreement.hours.basis"], HoursBasis.PLACE.value))
        self.complaint_stated = _true(p["agreement.complaint_guidance"])
        self.complaint_required = (self.is_2014 | interpretation.complaint_guidance_required_from_2020)[row]
        self.period_support_unknown = self.support_unknown[row]
        self.period_to_company_or_school = self.to_company_or_school[row]
        self.period_is_2014 = self.is_2014[row]

    # The text conditions are the costliest to compute: each is computed when a rule first reads it, so
    # that rule_verdicts() for some rules reads only their texts.

    @functools.cached_property
    def goal_stated(self) -> np.ndarray:
        """Where each record states the goal (``agreement.goal``)."""
        return _stated(self._periods["agreement.goal"])

    @functools.cached_property
    def name_stated(self) -> np.ndarray:
        """Where each record states the mentor's name (``agreement.mentor_name``)."""
        return _stated(self._periods["agreement.mentor_name"])

    @functools.cached_property
    def name_matches(self) -> np.ndarray:
        """Where the record's name matches the case's mentor, or the case names none (``agreement.mentor_name``)."""
        return self._names_match(self._periods["agreement.mentor_name"], self._cases["mentor.name"])

    @functools.cached_property
    def _contacts_stripped(self) -> pa.Array:
        return strip(self._periods["agreement.mentor_contact"])

    @functools.cached_property
    def contact_stated(self) -> np.ndarray:
        """Where each record states contact data (``agreement.mentor_contact``)."""
        return _true(pc.not_equal(self._contacts_stripped, ""))

    @functools.cached_property
    def contact_recognised(self) -> np.ndarray:
        """Where the contact data is a phone number or an e-mail address (``agreement.mentor_contact``)."""
        return self._contacts(self._contacts_stripped)

    @functools.cached_property
    def tasks_stated(self) -> np.ndarray:
        """Where each record states at least one task (``agreement.tasks``)."""
        return self._tasks_stated(self._periods["agreement.tasks"])

    def _names_match(self, names: pa.Array, case_names: pa.Array) -> np.ndarray:
        """Return where the record's name matches the case's mentor (or the case names none): ``_mentor_name``."""
        theirs = case_names.take(pa.array(self.case_row))
        compared = _true(pc.not_equal(strip(theirs), ""))
        same = _true(pc.equal(names, theirs))
        result: np.ndarray = ~compared | same
        todo = np.flatnonzero(compared & ~same & _known(names))
        if len(todo):
            mine_t, theirs_t = names.take(pa.array(todo)), theirs.take(pa.array(todo))
            ascii_rows = _true(pc.and_(pc.string_is_ascii(mine_t), pc.string_is_ascii(theirs_t)))

            def normal(texts: pa.Array) -> pa.Array:
                return pc.utf8_trim(pc.replace_substring_regex(pc.ascii_lower(texts), _ASCII_SPACES, " "), " ")

            equal = _true(pc.equal(normal(mine_t), normal(theirs_t)))
            slow = np.flatnonzero(~ascii_rows)
            mine_py, theirs_py = mine_t.take(pa.array(slow)).to_pylist(), theirs_t.take(pa.array(slow)).to_pylist()
            equal[slow] = [same_name(x, y) for x, y in zip(mine_py, theirs_py, strict=True)]
            result[todo] = equal
        return result

    def _contacts(self, stripped: pa.Array) -> np.ndarray:
        """Return where the (stripped) contact data is a phone number or an e-mail address (``agreement.is_contact``)."""
        phone = pc.match_substring_regex(stripped, _PHONE)
        email = pc.match_substring_regex(pc.replace_substring(stripped, " ", ""), _email())
        return _true(pc.or_(phone, email))

    def _tasks_stated(self, lists: pa.Array) -> np.ndarray:
        """Return where at least one task text is not blank (``agreement._tasks``)."""
        items = pc.list_flatten(lists)
        parents = numpy_of(pc.list_parent_indices(lists))
        return np.bincount(parents[_stated(items)], minlength=self.m) > 0


class Reading:
    """One reading of the month arithmetic for a batch: the dates it computes and the rights' coverage."""

    def __init__(self, b: Batch, strict: bool) -> None:
        self.strict = strict
        interpretation = b.interpretation
        row = b.case_row
        self.own_months = b.period_months[row]
        # --- the psychiatric right's dates (rights._psychiatric_dates) ---
        earliest = vdates.window_opening(b.discharge_date, b.psychiatric_months_before, strict)
        reaches = b.has_discharge[row] & (b.end >= earliest[row])
        first = np.full(b.n, np.datetime64("2300-01-01"), dtype="datetime64[D]")
        np.minimum.at(first, row[reaches], b.start[reaches])
        self.support_start_known = b.has_discharge & (np.bincount(row[reaches], minlength=b.n) > 0)
        self.support_start = np.maximum(earliest, first)
        limit = vdates.period_end_day(self.support_start, b.psychiatric_months_total, strict)
        if interpretation.psychiatric_period_may_exceed_six_months:
            limit = np.maximum(limit, vdates.period_end_day(b.discharge_date, b.psychiatric_months_total, strict))
        # --- the education right's dates (rights._education_dates) ---
        self.invocation_deadline = vdates.period_end_day(b.admission_date, b.education_months, strict)
        until = vdates.period_end_day(b.invoked, b.education_months, strict)
        if interpretation.education_right_window is EducationRightWindow.ADMISSION:
            until = np.minimum(until, self.invocation_deadline)
        self.under_30_on_admission = vdates.is_under(b.birth, b.age_limit, b.admission_date, strict)
        under = vdates.is_under(b.birth, b.age_limit, b.first_start, strict)
        self.under_30_on_first_start = np.where(
            b.birth_known & (b.period_count > 0), under.astype(np.int8, copy=False), -1
        )
        # --- the rights, then their coverage (engine.coverage) ---
        self.psychiatric = VECTORISED["right.psychiatric_discharge"](b, self)
        self.education = VECTORISED["right.education_admission"](b, self)
        self.pending = np.isin(self.psychiatric, (NEEDS, MISSING)) | np.isin(self.education, (NEEDS, MISSING))
        psychiatric = (self.psychiatric == MET) & self.support_start_known
        education = self.education == MET
        start, end = b.start, b.end
        by_psychiatric = psychiatric[row] & (earliest[row] <= start) & (end <= limit[row])
        by_education = education[row] & (b.invoked[row] <= start) & (end <= until[row])
        self.covered = by_psychiatric | by_education
        self.limit = np.where(by_psychiatric, limit[row], _NEVER)
        own = vdates.period_end_day(start, self.own_months, strict)
        partly = (
            ~self.covered
            & psychiatric[row]
            & (start < earliest[row])
            & (earliest[row] <= end)
            & (end <= limit[row])
            & (earliest[row] - _DAY <= own)
        )
        self.partly = np.where(partly, limit[row], _NEVER)
        untested = (by_psychiatric & ~b.psychiatric_purpose_in_force[row]) | by_education
        education_alone = by_education & ~(~b.psychiatric_purpose_in_force[row] & by_psychiatric)
        with_periods = b.period_count > 0
        self.all_covered = with_periods & (np.bincount(row, weights=self.covered, minlength=b.n) == b.period_count)
        self.all_untested = with_periods & (np.bincount(row, weights=untested, minlength=b.n) == b.period_count)
        self.any_education_alone = np.bincount(row, weights=education_alone, minlength=b.n) > 0

    def max_end(self, starts: np.ndarray) -> np.ndarray:
        """Return the latest end of each period row's span from ``starts`` (``duration.max_end_for``)."""
        own = vdates.period_end_day(starts, self.own_months, self.strict)
        latest: np.ndarray = np.maximum(own, np.maximum(self.limit, self.partly))
        return latest


def _run(b: Batch, strict: bool) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Return every rule's verdicts in one reading, and where a right is pending."""
    reading = Reading(b, strict)
    verdicts = {rule: VECTORISED[rule](b, reading) for rule in CASE_RULES + PERIOD_RULES if rule not in _RIGHT_RULES}
    verdicts["right.psychiatric_discharge"] = reading.psychiatric
    verdicts["right.education_admission"] = reading.education
    return verdicts, reading.pending


_OK = np.zeros(len(CODES), dtype=bool)
_OK[[MET, NOT_APPLICABLE]] = True
_OK.flags.writeable = False


def _combine(favour: np.ndarray, strict: np.ndarray) -> np.ndarray:
    """Combine the two readings' verdicts under ``flag`` (``engine._combine``): differing in kind → needs assessment."""
    return np.where(_OK[favour] != _OK[strict], NEEDS, favour).astype(np.int8, copy=False)


class ColumnarVerdicts:
    """
    The verdicts of a batch of cases (what :func:`evaluate_columns` returns).

    Attributes:
        cases: One row per case, in the order of the cases table: ``case_key``,
            ``verdict`` (the aggregate), ``law`` (the law version's id), ``error`` (the
            type of an input or date error: ``CaseError`` or ``UnsupportedDateError``,
            else null; the case's other columns are then null), then one column per rule
            that is about the whole case, in catalogue order.
        periods: One row per subject of the per-period rules: ``case_key``, ``period``
            (the period's input index; null for the one finding about ``periods`` of a
            case without periods), then one column per per-period rule.  The subject is
            ``periods[i]`` for ``duration.*`` and ``periods[i].agreement`` for
            ``agreement.*``.
        errors: The errors by case key (:class:`~mentorrules.CaseError` or
            :class:`~mentorrules.UnsupportedDateError`).
        per_case: How many cases were evaluated by :func:`~mentorrules.evaluate` itself
            (a pending right, or a row the column checks flagged that is valid).
        interpretation: The interpretation applied.

    Verdict columns are dictionary-encoded strings (``"met"``, ``"not_met"``, ...).
    """

    def __init__(
        self,
        tables: CaseTables,
        cases: pa.Table,
        periods: pa.Table,
        errors: Mapping[object, CaseError | UnsupportedDateError],
        per_case: int,
        interpretation: Interpretation,
    ) -> None:
        self.tables = tables
        self.cases = cases
        self.periods = periods
        self.errors = MappingProxyType(dict(errors))
        self.per_case = per_case
        self.interpretation = interpretation

    def __repr__(self) -> str:
        return f"<ColumnarVerdicts: {self.cases.num_rows} cases, {len(self.errors)} errors, {self.per_case} per case>"

    def __len__(self) -> int:
        return int(self.cases.num_rows)

    def decisions(self, keys: Iterable[object]) -> dict[object, Decision | CaseError | UnsupportedDateError]:
        """
        Return the full decision record of each case asked for, through :func:`~mentorrules.evaluate`.

        What an auditor drills down to from a count: the findings with their facts,
        references and texts.  A case with an input or date error gives its error.
        """
        result: dict[object, Decision | CaseError | UnsupportedDateError] = {}
        for key, document in table_documents(self.tables, list(keys)):
            try:
                result[key] = evaluate(load_case(document), interpretation=self.interpretation)
            except (CaseError, UnsupportedDateError) as error:
                result[key] = error
        return result

    def summary(self) -> pa.Table:
        """
        Return the counts: by law version, rule and verdict (``rule`` ``""`` counts the aggregate verdicts).

        Columns ``law``, ``rule``, ``verdict``, ``count``, sorted by law, rule (in catalogue order) and verdict.
        """
        laws = pc.dictionary_encode(self.cases["law"]).combine_chunks() if self.cases.num_rows else None
        if laws is None:
            return pa.table(
                {
                    "law": pa.array([], pa.string()),
                    "rule": pa.array([], pa.string()),
                    "verdict": pa.array([], pa.string()),
                    "count": pa.array([], pa.int64()),
                }
            )
        names = laws.dictionary.to_pylist()
        case_law = numpy_of(laws.indices.fill_null(-1))
        period_case = numpy_of(pc.index_in(self.periods[CASE_KEY], value_set=self.cases[CASE_KEY]))
        period_law = case_law[period_case.astype(np.int64)]
        counts: list[tuple[str, str, str, int]] = []
        for rule, table, law in (
            *((name, self.cases, case_law) for name in ("verdict", *CASE_RULES)),
            *((name, self.periods, period_law) for name in PERIOD_RULES),
        ):
            column = table[rule].combine_chunks()
            verdict = numpy_of(column.indices.fill_null(-1)).astype(np.int64)
            known = (verdict >= 0) & (law >= 0)
            tally = np.bincount(law[known] * len(CODES) + verdict[known], minlength=len(names) * len(CODES))
            counts += [
                (
                    names[cell // len(CODES)],
                    "" if rule == "verdict" else rule,
                    CODES[cell % len(CODES)].value,
                    int(tally[cell]),
                )
                for cell in np.flatnonzero(tally)
            ]
        order = {rule.id: position for position, rule in enumerate(CATALOGUE)}
        counts.sort(key=lambda row: (row[0], order.get(row[1], -1), [v.value for v in CODES].index(row[2])))
        return pa.table(
            {
                "law": [row[0] for row in counts],
                "rule": [row[1] for row in counts],
                "verdict": [row[2] for row in counts],
                "count": pa.array([row[3] for row in counts], pa.int64()),
            }
        )


_VERDICT_NAMES = pa.array([v.value for v in CODES])


def _verdict_array(codes: np.ndarray, missing: np.ndarray | None = None) -> pa.Array:
    indices = pa.array(codes.astype(np.int8, copy=False), mask=missing)
    return pa.DictionaryArray.from_arrays(indices, _VERDICT_NAMES)


def evaluate_columns(tables: CaseTables, *, interpretation: Interpretation = _DEFAULT) -> ColumnarVerdicts:
    """
    Return every verdict of the rule catalogue for a batch of cases in the columnar layout.

    The same verdicts :func:`~mentorrules.evaluate` gives each case, for the aggregate
    and for every rule and subject, computed over whole columns (see the module
    documentation).  A pure function of one batch: run it on any partition of the
    cases (a Dask or Spark partition holding whole cases) and concatenate.

    Args:
        tables: The cases (:class:`~mentorrules.columnar.CaseTables`).
        interpretation: The interpretation applied to every case.

    Raises:
        CaseError: The tables' shape is wrong (see :func:`~mentorrules.columnar.layout.normalise`);
            raised once, before any case is evaluated.  A single invalid case is not raised: it
            is reported in its row.

    >>> from mentorrules.columnar import cases_to_tables
    >>> tables = cases_to_tables([
    ...     {"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-09-01"}]},
    ...     {"decision_date": "2013-05-01"},
    ... ])
    >>> result = evaluate_columns(tables)
    >>> result.periods.column("duration.period_length").to_pylist()
    ['not_met', None]
    >>> result.cases.column("error").to_pylist()
    [None, 'UnsupportedDateError']
    """
    check_interpretation(interpretation)
    cases, periods, tasks = normalise(tables)
    b = Batch(cases, periods, tasks, interpretation)
    if interpretation.ambiguous_dates is AmbiguousDates.FLAG:
        favour, pending_favour = _run(b, strict=False)
        strict, pending_strict = _run(b, strict=True)
        verdicts = {rule: _combine(favour[rule], strict[rule]) for rule in favour}
        pending = pending_favour | pending_strict
    else:
        verdicts, pending = _run(b, strict=interpretation.ambiguous_dates is AmbiguousDates.STRICT)
    flagged = _flagged(cases, periods, tasks)
    unsupported = ~b.supported & ~flagged
    by_evaluate = np.flatnonzero((pending & b.supported) | flagged)
    keys = cases.key
    errors: dict[object, CaseError | UnsupportedDateError] = {}
    for where in np.flatnonzero(unsupported):
        errors[keys[int(where)].as_py()] = _unsupported(b.law_date[where])
    # The cases the columns cannot settle: read and evaluated one by one.
    decided: dict[int, Decision] = {}
    if len(by_evaluate):
        chosen = keys.take(pa.array(by_evaluate))
        row_of = {key: int(row) for key, row in zip(chosen.to_pylist(), by_evaluate, strict=True)}
        for key, document in table_documents(tables, chosen.to_pylist()):
            try:
                decided[row_of[key]] = evaluate(load_case(document), interpretation=interpretation)
            except (CaseError, UnsupportedDateError) as error:
                errors[key] = error
    failed = np.zeros(b.n, dtype=bool)
    error_type = np.full(b.n, None, dtype=object)
    for position, key in enumerate(keys.to_pylist() if errors else ()):  # the keys are read only to mark errors
        if key in errors:
            failed[position] = True
            error_type[position] = type(errors[key]).__name__
    law = b.law_id.copy()
    for at, decision in decided.items():
        law[at] = decision.law.id
        for rule in CASE_RULES:
            verdicts[rule][at] = CODES.index(decision.findings_for(rule)[0].verdict)
    period_of = (
        {(int(r), int(k)): i for i, (r, k) in enumerate(zip(b.case_row, b.number, strict=True))} if decided else {}
    )
    for at, decision in decided.items():
        for rule in PERIOD_RULES:
            for finding in decision.findings_for(rule):
                index = _subject_index(finding.subject)
                if index is not None:
                    verdicts[rule][period_of[(at, index)]] = CODES.index(finding.verdict)
    # The aggregate: the most pressing verdict of the findings that are not rights'.
    severity = np.zeros(b.n, dtype=np.int8)
    for rule in CASE_RULES:
        if rule not in _RIGHT_RULES:
            np.maximum(severity, _SEVERITY[verdicts[rule]], out=severity)
    without = b.period_count == 0
    per_period = np.zeros(b.m, dtype=np.int8)
    for rule in PERIOD_RULES:
        np.maximum(per_period, _SEVERITY[verdicts[rule]], out=per_period)
        severity[without] = np.maximum(severity[without], _SEVERITY[_WITHOUT_PERIODS[rule]])
    np.maximum.at(severity, b.case_row, per_period)
    aggregate = _BY_SEVERITY[severity]
    for at, decision in decided.items():
        aggregate[at] = CODES.index(decision.verdict)
    case_columns: dict[str, pa.Array] = {
        CASE_KEY: keys,
        "verdict": _verdict_array(aggregate, failed),
        "law": pa.array(law, pa.string(), mask=failed),
        "error": pa.array(error_type, pa.string()),
    }
    for rule in CASE_RULES:
        case_columns[rule] = _verdict_array(verdicts[rule], failed)
    # Periods: every period row, then one row about ``periods`` for each case without one.
    lonely = np.flatnonzero(without)
    period_failed = np.r_[failed[b.case_row], failed[lonely]]
    period_columns: dict[str, pa.Array] = {
        CASE_KEY: pa.concat_arrays([keys.take(pa.array(b.case_row)), keys.take(pa.array(lonely))]),
        "period": pa.array(
            np.r_[b.number, np.zeros(len(lonely), dtype=np.int64)],
            pa.int32(),
            mask=np.r_[np.zeros(b.m, dtype=bool), np.ones(len(lonely), dtype=bool)],
        ),
    }
    for rule in PERIOD_RULES:
        codes = np.r_[verdicts[rule], np.full(len(lonely), _WITHOUT_PERIODS[rule], dtype=np.int8)]
        period_columns[rule] = _verdict_array(codes, period_failed)
    return ColumnarVerdicts(
        tables, pa.table(case_columns), pa.table(period_columns), errors, len(decided), interpretation
    )


def rule_verdicts(
    tables: CaseTables, rules: Iterable[str], *, interpretation: Interpretation = _DEFAULT
) -> dict[str, pa.Array]:
    """
    Return the verdicts of some rules only, one reading, no per-case hand-over: for benchmarks and peers.

    The vectorised rules of ``rules`` (rule ids) over the batch, as dictionary-encoded
    verdict arrays: a case rule's has one element per case, a period rule's one per
    period row.  The rights and their coverage are computed as always (the length of a
    period depends on them), but a case whose right is pending, whose row is flagged or
    whose date is not modelled is *not* handed to :func:`~mentorrules.evaluate`, and its
    elements are null: :func:`evaluate_columns` is the function that gives every verdict.
    ``ambiguous_dates = "flag"`` is not supported here.
    """
    cases, periods, tasks = normalise(tables)
    b = Batch(cases, periods, tasks, interpretation)
    reading = Reading(b, strict=interpretation.ambiguous_dates is AmbiguousDates.STRICT)
    flagged = _flagged(cases, periods, tasks)
    unsettled = flagged | reading.pending | ~b.supported
    result: dict[str, pa.Array] = {}
    for rule in rules:
        codes = VECTORISED[rule](b, reading)
        result[rule] = _verdict_array(codes, unsettled if rule in CASE_RULES else unsettled[b.case_row])
    return result


def _flagged(cases: Normalised, periods: Normalised, tasks: Normalised) -> np.ndarray:
    """Return the cases whose row, or a period's or task's row, the column checks flagged."""
    found: np.ndarray = (
        cases.flagged
        | (np.bincount(periods.case_row[periods.flagged], minlength=cases.rows) > 0)
        | (np.bincount(tasks.case_row[tasks.flagged], minlength=cases.rows) > 0)
    )
    return found


def _subject_index(subject: str) -> int | None:
    """Return the period index of a subject (``"periods[2].agreement"`` → 2; ``"periods"`` → None)."""
    if subject == "periods":
        return None
    return int(subject[len("periods[") : subject.index("]")])


def _unsupported(day: np.datetime64) -> UnsupportedDateError:
    """Return the error :func:`~mentorrules.evaluate` raises for a law date outside the modelled law."""
    from mentorrules.law.versions import law_version_for

    try:
        law_version_for(day.astype(date))
    except UnsupportedDateError as error:
        return error
    raise AssertionError("a supported date")  # pragma: no cover
