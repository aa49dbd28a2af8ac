"""
Costs of mentor support (*udgifter til mentorstøtte*): the reimbursable wage cost or consultant fee.

When a company or an education institution gets support for a mentor
function, the support covers the wage costs of releasing the employee who acts
as mentor (*lønomkostninger ved frikøb af medarbejderen*) or the fee of an
external consultant (*honorar til en ekstern konsulent*), and may add a
subsidy for training bought for the employee (LAB § 169, stk. 2).  For a
mentor employed by the municipality the costs are the mentor's wage costs; for
an external consultant working for the job centre (from 2026: the
municipality) they are the consultant's fee (LAB § 170).  The executive order
(*bekendtgørelse om en aktiv beskæftigelsesindsats*, issued under LAB § 171)
says how the cost is calculated:

* the actual wage cost per hour times the actual hours used on the mentor
  function, whoever employs the released mentor; for an external consultant
  the cost is the fee (BEK § 125, stk. 1, 1.-3. pkt., in BEK nr. 1216/2023);
* holiday pay, pension contributions and other employer contributions may be
  included (stk. 2, 1. pkt.);
* not included: direct or indirect costs of delivering the mentor service
  (overhead, stk. 2, 2. pkt.), wage costs during the mentor's sickness
  (3. pkt.), wages for the mentor's travel time and the mentor's travel
  expenses (4. pkt.);
* the mentor must not do their usual work in the mentor hours (BEK § 123; for
  a consultant § 125, stk. 1, 4. pkt.);
* the hours must be hours of direct contact with the person, and the mentor's
  preparation does not count (BEK § 126);
* the mentor's own hours in training do not count (BEK § 127);
* the employer accounts for the actual hours and documents a purchase of
  training, e.g. with a copy of the invoice (BEK § 124).

The section numbers above are those of BEK nr. 1216/2023 (in force from
2024-01-01).  The same words are §§ 120-124 of BEK nr. 1180/2019 (2020) and
nr. 2006/2020 (2021) and §§ 122-126 of BEK nr. 2636/2021 (2022-2023); every
finding cites the order in force on the law date.

**The model of hours.**  ``mentor_hours`` are the hours registered on the
mentor function: the hours for which the mentor was released (or the
consultant engaged) to be with the person, e.g. 4 hours a week for 26 weeks.
Two kinds of hours lie *within* them and are **deducted**: hours in which the
mentor did their usual work (``usual_work_hours``), and hours of the mentor's
sickness (``sick_hours``); in neither was there mentor support.  Three kinds
of time lie *outside* them and are **never added**: the mentor's travel time
(``travel_hours``), preparation (``preparation_hours``) and the mentor's own
training (``training_hours``).  The law forbids counting them, so the library
reports each one (a finding per item) and keeps it out of the amount; if your
registered hours already contain such time, take it out of ``mentor_hours``
before you pass them.  So::

    eligible_hours = max(0, mentor_hours - usual_work_hours - sick_hours)
    amount = eligible_hours x (hourly_cost or fee) + training_purchase (where reimbursable and granted)

rounded once, at the end, to øre (two decimals) with ``ROUND_HALF_UP``.
Travel expenses and overhead are itemised and never added.  All arithmetic is
exact :class:`~decimal.Decimal` arithmetic: JSON numbers are read as decimals
(never through binary floating point), and a Python ``float`` is read through
its shortest ``repr`` (``0.1`` is ``Decimal("0.1")``).

**The fee.**  ``fee`` is the consultant's fee **per hour**: the order says the
cost "opgøres ... som honoraret til den eksterne konsulent", and a fee per
hour lets the same hours be deducted or left out as for a released employee
(a consultant must not do their usual work in the mentor hours either).  For a
fixed total fee, pass ``mentor_hours: 1`` and the total as ``fee``, and make
sure the total covers no usual work, sickness, travel or preparation.

**The verdicts.**  Every item has a finding (rule ids ``costs.*``), so a
decision always itemises the whole claim: ``not_applicable`` when the item is
zero or absent; ``met`` when the rule was applied to it, the facts saying
whether it is ``included`` in the amount (and for hours whether they were
``deducted`` from the mentor hours or left out); ``not_met`` when the claim is
inconsistent (more usual-work and sick hours than mentor hours: the eligible
hours are set to 0); ``missing_facts`` when a training purchase is claimed for
a released employee whose employer is not stated (it is added only for a
company's or a school's employee).

**The training subsidy is discretionary.**  "Der kan bevilges tilskud til køb
af uddannelse" (LAB § 169, stk. 2, 2. pkt.): the municipality may grant it.
For a company's or a school's employee the purchase is added only when the
claim records the grant (``training_purchase_granted: true``, ``met``); a
refusal (``false``) leaves it out (``not_met``, reason ``not_granted``); and
when the grant is not recorded (``null`` or absent) it is left out and the
finding is ``needs_assessment`` (reason ``grant_not_recorded``), its fact
``may_be_granted`` naming the amount that may be granted.

**Dates.**  The calculation is modelled from 2020-01-01 (BEK nr. 1180/2019) to
2026-12-31; other law dates raise :class:`~mentorrules.UnsupportedDateError`.
From 2026-01-07 every reference to BEK nr. 1216/2023 has ``verified`` false
(DESIGN section 5, C2.8), and a ``law.unverified`` notice says that BEK nr. 12
af 7. januar 2026 amends BEK nr. 1216/2023 and was not checked against the
mentor sections.

The worked example: a released employee at 250.00 kr. an hour, 4 hours a week
for 26 weeks (104 hours), of which 26 hours were spent on usual work and
8 hours sick, plus 52 hours of travel time, 300.00 kr. travel expenses and
1,750.00 kr. overhead:

    >>> claim = load_cost_claim(
    ...     '{"kind": "wage", "employer": "company", "hourly_cost": "250.00", "mentor_hours": 104,'
    ...     ' "usual_work_hours": 26, "sick_hours": 8, "travel_hours": 52,'
    ...     ' "travel_expenses": "300.00", "overhead": "1750.00"}'
    ... )
    >>> decision = evaluate_costs(claim, on=date(2024, 6, 30))
    >>> decision.eligible_hours, decision.amount
    (Decimal('70'), Decimal('17500.00'))
    >>> decision.to_dict()["amount"], decision.verdict.value
    ('17500.00', 'met')
    >>> [(f.rule, f.facts["included"]) for f in decision.findings if f.verdict is Verdict.MET][2:]
    [('costs.usual_work_hours', False), ('costs.sick_hours', False), ('costs.travel_hours', False), ('costs.travel_expenses', False), ('costs.overhead', False)]
    >>> print(decision.findings_for("costs.travel_hours")[0].message("en"))
    52 hours of the mentor's travel time are left out: wage costs for the mentor's time spent on travel cannot be included. Travel time is not part of the mentor hours and is never added to them. (BEK § 125, stk. 2, 4. pkt.; LAB § 169, stk. 2, 1. pkt.)

References:
    * LAB §§ 169-171: https://www.retsinformation.dk/eli/lta/2024/280
    * BEK nr. 1216 af 28. september 2023, §§ 123-127: https://www.retsinformation.dk/eli/lta/2023/1216

Legal basis:
    LAB § 169, stk. 2 and § 170 (lov nr. 548 af 7. maj 2019, as consolidated);
    BEK nr. 1180/2019 and nr. 2006/2020 §§ 120-124, nr. 2636/2021 §§ 122-126,
    nr. 1216/2023 §§ 123-127.
"""

from __future__ import annotations

import decimal
import enum
import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any, ClassVar, Final

import attrs

from mentorrules._version import __version__
from mentorrules.law.versions import BEK_AMENDMENT_NOTE, BEK_AMENDMENT_UNVERIFIED_FROM, LawSnapshot, snapshot_for
from mentorrules.model.amounts import MAX_DECIMAL_PLACES, scaled_decimal
from mentorrules.model.description import described
from mentorrules.model.exceptions import CaseError, CostClaimError, FieldError, Message, Messages, UnsupportedDateError
from mentorrules.model.facts import Engager
from mentorrules.model.generated import FIELD_MESSAGES, JSON, Described, Dialect, codec, decode_json
from mentorrules.model.outcomes import VERDICT_WORDS, FactValue, Finding, Notice, Verdict, aggregate_verdict, check_lang
from mentorrules.model.references import LegalReference, ReferenceKind


__all__ = [
    "COST_RULES",
    "CostClaim",
    "CostDecision",
    "CostKind",
    "evaluate_costs",
    "load_cost_claim",
]

SCHEMA: Final = "mentorrules.costs/1"
#: The law dates modelled (BEK nr. 1180/2019 in force 2020-01-01; a new main act announced from 2027).
FIRST_DATE: Final = date(2020, 1, 1)
LAST_DATE: Final = date(2026, 12, 31)
#: From this date BEK nr. 12 af 7. januar 2026 amends BEK nr. 1216/2023 (its text was not verified).
UNVERIFIED_AMENDMENT_FROM: Final = BEK_AMENDMENT_UNVERIFIED_FROM
#: The largest amount or number of hours accepted, and the most decimal places of its value (DESIGN section 3).
MAX_AMOUNT: Final = Decimal(10) ** 12
MAX_PLACES: Final = MAX_DECIMAL_PLACES

_ZERO: Final = Decimal(0)
_CENT: Final = Decimal("0.01")
# Enough digits for every step on accepted amounts: each is at most 10**12 with
# at most 6 decimal places in its value (19 significant digits), so a product has
# at most 38 and a sum of it with another amount at most 39.  Trailing zeros
# written beyond them ("1.0000000") may be rounded away, but never inexactly.
_PRECISION: Final = 100
_ELI: Final = "https://www.retsinformation.dk/eli/lta"

_WHY_UNSUPPORTED: Final = (
    "the costs of mentor support are modelled from 2020-01-01 to 2026-12-31, under LAB 2019 (§§ 169-171) and "
    "the executive orders BEK nr. 1180/2019, 2006/2020, 2636/2021 and 1216/2023. Before 2020 the mentor rules "
    "of the executive order (e.g. BEK nr. 977/2018 § 59) had a different text, without the wage-cost calculation "
    "and its exclusions; a new main act on the employment effort is announced from 2027-01-01 "
    "but was not enacted in the sources the rules were built from"
)
_WHY_UNSUPPORTED_DA: Final = (
    "udgifter til mentorstøtte er modelleret fra 2020-01-01 til 2026-12-31 efter LAB 2019 (§§ 169-171) og "
    "bekendtgørelserne BEK nr. 1180/2019, 2006/2020, 2636/2021 og 1216/2023. Før 2020 havde bekendtgørelsens "
    "mentorregler (f.eks. BEK nr. 977/2018 § 59) en anden tekst, uden beregningen af lønomkostninger og dens "
    "undtagelser; en ny hovedlov om beskæftigelsesindsatsen er varslet fra 2027-01-01, men var ikke vedtaget i de "
    "kilder, reglerne bygger på"
)

#: The messages about a claim (the rest are the readers', :data:`~mentorrules.model.generated.FIELD_MESSAGES`).
_MESSAGES: Final = Messages(
    {
        "costs.rate_required": ("skal angives, når kind er {kind}", "is required for kind {kind}"),
        "costs.rate_of_other_kind": (
            "hører kun til kind {other}; når kind er {kind}, angives {rate}",
            "is only for kind {other}; for kind {kind} give {rate}",
        ),
        "costs.not_a_claim": (
            "forventede en CostClaim, ikke {actual}; brug load_cost_claim() til JSON",
            "expected a CostClaim, not {actual}; use load_cost_claim() for JSON",
        ),
    }
)


class CostKind(enum.StrEnum):
    """
    What the support pays for (LAB § 169, stk. 2 and § 170).

    ``WAGE``: the wage costs of a released employee (*frikøb*) of a company,
    an education institution or the municipality.  ``CONSULTANT_FEE``: the
    fee of an external consultant (*honorar*).
    """

    WAGE = "wage"
    CONSULTANT_FEE = "consultant_fee"


# --- the claim ---------------------------------------------------------------

_RATE_OF: Final = MappingProxyType({CostKind.WAGE: "hourly_cost", CostKind.CONSULTANT_FEE: "fee"})
#: The description of every amount of a claim (hours and kroner): exact, 0..10**12, at most 6 decimal places.
_AMOUNT: Final = described(
    minimum=_ZERO, maximum=MAX_AMOUNT, example="250.00", keep_scale=True, description="an amount"
)


@attrs.frozen(kw_only=True)
class CostClaim(Described):
    """
    A claim for the costs of one mentor function over a period.

    Hours and amounts are exact, non-negative decimals (at most 10**12, at
    most 6 decimal places in their value: ``2.500000`` has one).  Building a claim checks every field and raises
    one :class:`~mentorrules.CostClaimError` (a :class:`~mentorrules.CaseError`) naming every bad one.

    Attributes:
        kind: Wage costs of a released employee, or a consultant's fee.
        employer: Who employs the released mentor, or engaged the consultant:
            ``company`` or ``education_institution`` (support under LAB § 169,
            stk. 2) or ``municipality`` (LAB § 170).  ``None`` when not stated:
            both provisions are cited, and a training purchase is not added.
        hourly_cost: Wage cost per hour, including holiday pay, pension and
            other employer contributions (required for ``wage``, not allowed
            for ``consultant_fee``).
        fee: The consultant's fee per hour, including any holiday pay, pension
            and other employer contributions (required for
            ``consultant_fee``, not allowed for ``wage``).
        mentor_hours: Hours registered on the mentor function (required).
        usual_work_hours: Hours within ``mentor_hours`` in which the mentor
            did their usual work (deducted).
        sick_hours: Hours within ``mentor_hours`` in which the mentor was sick
            (deducted).
        travel_hours: The mentor's travel time, outside ``mentor_hours``
            (never added).
        preparation_hours: The mentor's preparation, outside ``mentor_hours``
            (never added: not direct contact).
        training_hours: The mentor's own hours in training, outside
            ``mentor_hours`` (never added).
        travel_expenses: The mentor's travel expenses in kroner (never added).
        overhead: Direct or indirect costs of delivering the mentor service in
            kroner (never added).
        training_purchase: The documented price of training bought for the
            mentor in kroner: added for an employee of a company or an
            education institution when the subsidy is granted (LAB § 169,
            stk. 2, 2. pkt.).
        training_purchase_granted: Whether the municipality granted the
            subsidy for the training purchase (*tilskud til køb af
            uddannelse*, which it "kan bevilge": a discretionary grant).
            ``True`` adds the purchase; ``False`` leaves it out (the finding
            is ``not_met``); ``None`` (the default) means the grant is not
            recorded: the purchase is left out and the finding is
            ``needs_assessment``.
    """

    kind: CostKind
    employer: Engager | None = None
    hourly_cost: Decimal | None = attrs.field(default=None, metadata=_AMOUNT)
    fee: Decimal | None = attrs.field(default=None, metadata=_AMOUNT)
    mentor_hours: Decimal = attrs.field(metadata=_AMOUNT)
    usual_work_hours: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    sick_hours: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    travel_hours: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    preparation_hours: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    training_hours: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    travel_expenses: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    overhead: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    training_purchase: Decimal = attrs.field(default=_ZERO, metadata=_AMOUNT)
    training_purchase_granted: bool | None = None

    _document_error: ClassVar[type[CaseError]] = CostClaimError
    _document_name: ClassVar[str] = "a cost claim"
    _document_name_da: ClassVar[str] = "en udgiftsopgørelse"
    _document_format: ClassVar[Dialect] = JSON

    @classmethod
    def _related_problems(cls, values: Mapping[str, Any], bad: frozenset[str]) -> list[tuple[str, Message]]:
        """The rate the kind needs must be given, and the other rate must not be."""
        kind = values.get("kind")
        if type(kind) is not CostKind:
            return []
        problems = []
        other_kind = CostKind.CONSULTANT_FEE if kind is CostKind.WAGE else CostKind.WAGE
        rate_name, other_name = _RATE_OF[kind], _RATE_OF[other_kind]
        if values.get(rate_name) is None and rate_name not in bad:
            problems.append((rate_name, _MESSAGES.of("costs.rate_required", kind=repr(kind.value))))
        if values.get(other_name) is not None and other_name not in bad:
            wrong = _MESSAGES.of(
                "costs.rate_of_other_kind", other=repr(other_kind.value), kind=repr(kind.value), rate=repr(rate_name)
            )
            problems.append((other_name, wrong))
        return problems

    @property
    def rate(self) -> Decimal:
        """The hourly wage cost or the fee per hour, whichever the kind uses."""
        rate = self.hourly_cost if self.kind is CostKind.WAGE else self.fee
        assert rate is not None  # checked when the claim was built
        return rate

    def to_dict(self) -> dict[str, Any]:
        """Return the claim as JSON-ready data (decimals as exact strings), the inverse of :func:`load_cost_claim`."""
        return _CLAIM_CODEC.dump(self)


_CLAIM_CODEC: Final = codec(CostClaim)


# --- loading -----------------------------------------------------------------


def load_cost_claim(data: Mapping[str, Any] | str | bytes) -> CostClaim:
    """
    Read a cost claim from JSON text or from an already decoded JSON object.

    The keys are the attribute names of :class:`CostClaim`.  ``kind`` and
    ``mentor_hours`` are required, and so is ``hourly_cost`` for ``wage`` or
    ``fee`` for ``consultant_fee``; every other amount may be absent or
    ``null`` (zero), ``employer`` may be absent or ``null`` (not stated), and
    ``training_purchase_granted`` is ``true``, ``false`` or absent or
    ``null`` (the grant is not recorded).
    Amounts are JSON numbers or decimal strings (``"250.00"``), read exactly:
    never through binary floating point (JSON text is decoded into
    :class:`~decimal.Decimal`; a Python ``float`` is read through its
    ``repr``).  The reader is generated from the claim's description, as a
    case's is (``mentorrules.model.generated``).

    Args:
        data: JSON text (``str``, or ``bytes`` in UTF-8; a leading byte-order
            mark is ignored) or a mapping as :func:`json.loads` returns it.

    Returns:
        The claim.

    Raises:
        CostClaimError: If the input cannot describe a claim (a
            :class:`~mentorrules.CaseError`): not JSON or not an
            object (path ``""``), a key that occurs twice in one object (its
            path), an unknown key, a wrong type, an unknown ``kind`` or
            ``employer``, a missing or ``null`` required field, a rate that
            does not belong to the kind, an amount that is not finite,
            negative, above 10**12 or with more than 6 decimal places in its
            value (judged without writing it out: ``1e-999999999`` is
            refused at once).  Its ``errors`` name every bad field.  More excluded hours
            than mentor hours is not an input error: :func:`evaluate_costs`
            reports it as a finding.

    >>> load_cost_claim({"kind": "wage", "hourly_cost": 0.1, "mentor_hours": "3"}).hourly_cost
    Decimal('0.1')
    >>> load_cost_claim('{"kind": "fee", "mentor_hour": -1}')
    Traceback (most recent call last):
    ...
    mentorrules.model.exceptions.CostClaimError: 3 bad fields: kind: unknown value 'fee'; allowed values: 'wage', 'consultant_fee'; mentor_hour: unknown key; did you mean 'mentor_hours'?; mentor_hours: is required
    """
    document = decode_json(data, CostClaimError) if isinstance(data, (str, bytes, bytearray)) else data
    claim: CostClaim = _CLAIM_CODEC.load(document)
    return claim


def _grouped(value: Decimal, lang: str) -> str:
    text = format(value.copy_abs() if value.is_zero() else value, ",f")
    if lang == "da":  # 17.500,00
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _money(value: Decimal, lang: str) -> str:
    """Kroner for a message: ``17.500,00 kr.`` or ``DKK 17,500.00`` (more decimals only where given)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if exponent > -2:
        value = value.quantize(_CENT)  # adds zeros only: exact
    text = _grouped(value, lang)
    return f"{text} kr." if lang == "da" else f"DKK {text}"


def _hours(value: Decimal, lang: str) -> str:
    return _grouped(value, lang)


# --- references ----------------------------------------------------------------


def _bek(law: LawSnapshot, meaning: str, subsection: int | None = None, sentence: int | None = None) -> LegalReference:
    """
    A reference into the executive order in force, down to the sentence (*pkt.*).

    Like :meth:`~mentorrules.law.versions.LawSnapshot.bek_ref`, it is unverified from
    2026-01-07, when BEK nr. 12 af 7. januar 2026 amended BEK nr. 1216/2023
    (DESIGN section 5, C2.8).
    """
    bek = law.bek
    assert bek is not None  # every date from 2020 has one
    return LegalReference(
        act="BEK",
        section=bek.section(meaning),
        subsection=subsection,
        sentence=sentence,
        source=bek.designation,
        url=bek.url,
        kind=ReferenceKind.EXECUTIVE_ORDER,
        verified=law.bek_verified,
        note=None if law.bek_verified else BEK_AMENDMENT_NOTE,
    )


def _lab_basis(law: LawSnapshot, claim: CostClaim) -> tuple[LegalReference, ...]:
    """
    The act's basis of the support: LAB § 169, stk. 2 (a company or a school) or § 170 (the municipality).

    § 169, stk. 2, 1. pkt. covers the wage costs of releasing a company's or a
    school's employee and the fee of a consultant; § 170 covers a municipal
    mentor's wage costs (1. pkt.) and the fee of a consultant working for the
    job centre (2. pkt.).  An unstated employer cites both.
    """
    municipal = law.lab_ref("170", sentence=1 if claim.kind is CostKind.WAGE else 2)
    if claim.employer is Engager.MUNICIPALITY:
        return (municipal,)
    company_or_school = law.lab_ref("169", 2, sentence=1)
    if claim.employer is None:
        return (company_or_school, municipal)
    return (company_or_school,)


def _unverified_amendment() -> LegalReference:
    return LegalReference(
        act="BEK",
        text="BEK nr. 12 af 7. januar 2026",
        source="BEK nr. 12 af 7. januar 2026",
        url=f"{_ELI}/2026/12",
        kind=ReferenceKind.EXECUTIVE_ORDER,
        verified=False,
        note=(
            "Amends BEK nr. 1216 af 28. september 2023. Its text was not available to the legal research behind "
            "this library, so whether it changes the mentor sections §§ 123-127 is not verified; the date of issue "
            "is taken as the date from which it may apply."
        ),
    )


# --- messages --------------------------------------------------------------------

_WAGE_DA: Final = (
    "De beregnes ud fra de faktiske lønomkostninger pr. time og det faktiske timeforbrug på mentorfunktionen: "
    "{hourly_cost} pr. time inklusive feriepenge, pensionsbidrag og andre arbejdsgiverbidrag gange "
    "{eligible_hours} timer giver {amount} i lønomkostninger."
)
_WAGE_EN: Final = (
    "They are calculated from the actual wage cost per hour and the actual hours used on the mentor function: "
    "{hourly_cost} per hour including holiday pay, pension contributions and other employer contributions times "
    "{eligible_hours} hours gives {amount} in wage costs."
)
_FEE_DA: Final = (
    "Udgiften opgøres som honoraret: {fee} pr. time (feriepenge, pensionsbidrag og andre arbejdsgiverbidrag kan "
    "indgå) gange {eligible_hours} timer giver {amount} i honorar."
)
_FEE_EN: Final = (
    "The cost is the fee: {fee} per hour (holiday pay, pension contributions and other employer contributions may "
    "be included) times {eligible_hours} hours gives {amount} in fees."
)

#: (da, en) templates by "rule:verdict" or "rule:verdict/reason"; the citations are appended.
_TEXTS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "costs.basis:met/wage_company": (
            "Støtten til en mentorfunktion i en virksomhed eller på en uddannelsesinstitution dækker "
            "lønomkostningerne ved frikøb af medarbejderen. " + _WAGE_DA,
            "Support for a mentor function in a company or an education institution covers the wage costs of "
            "releasing the employee. " + _WAGE_EN,
        ),
        "costs.basis:met/wage_municipality": (
            "Udgifter til en kommunalt ansat mentor opgøres som lønomkostninger til mentoren. " + _WAGE_DA,
            "The costs of a mentor employed by the municipality are the mentor's wage costs. " + _WAGE_EN,
        ),
        "costs.basis:met/wage_unknown": (
            "Støtten dækker lønomkostningerne ved frikøb af mentoren. " + _WAGE_DA + " Arbejdsgiveren er ikke "
            "oplyst, så både hjemlen for en virksomhed eller uddannelsesinstitution og hjemlen for en kommunalt ansat "
            "mentor er anført; oplys arbejdsgiveren (employer).",
            "The support covers the wage costs of releasing the mentor. " + _WAGE_EN + " The employer is not "
            "stated, so the provisions for a company or school and for a municipal mentor are both cited; state the "
            "employer.",
        ),
        "costs.basis:met/fee_company": (
            "Støtten dækker honoraret til en ekstern konsulent, som virksomheden eller uddannelsesinstitutionen har "
            "aftale med. " + _FEE_DA,
            "The support covers the fee of an external consultant engaged by the company or the education "
            "institution. " + _FEE_EN,
        ),
        "costs.basis:met/fee_municipality": (
            "Støtten dækker honoraret til en ekstern konsulent, der udfører opgaver for kommunen (jobcenteret). "
            + _FEE_DA,
            "The support covers the fee of an external consultant working for the municipality (the job centre). "
            + _FEE_EN,
        ),
        "costs.basis:met/fee_unknown": (
            "Støtten dækker honoraret til en ekstern konsulent. " + _FEE_DA + " Det er ikke oplyst, hvem "
            "konsulenten arbejder for, så begge hjemler er anført; oplys det (employer).",
            "The support covers the fee of an external consultant. " + _FEE_EN + " Who engaged the consultant is "
            "not stated, so both provisions are cited; state it (employer).",
        ),
        "costs.eligible_hours:met": (
            "Timer, der kan medregnes: {mentor_hours} registrerede mentortimer minus {deducted_hours} timer med "
            "sædvanligt arbejde eller sygdom giver {eligible_hours} timer. Kun det faktiske timeforbrug med direkte "
            "kontakt mellem mentor og borger tæller.",
            "Hours that count: {mentor_hours} registered mentor hours minus {deducted_hours} hours of usual work or "
            "sickness leaves {eligible_hours} hours. Only the actual hours of direct contact between mentor and person "
            "count.",
        ),
        "costs.eligible_hours:not_met": (
            "Opgørelsen hænger ikke sammen: den angiver {deducted_hours} timer med sædvanligt arbejde eller sygdom, "
            "men kun {mentor_hours} registrerede mentortimer ({excess} timer for mange). Timerne, der kan medregnes, "
            "er sat til 0. Ret timeopgørelsen: timer med sædvanligt arbejde og sygdom skal ligge inden for "
            "mentortimerne.",
            "The claim is inconsistent: it states {deducted_hours} hours of usual work or sickness but only "
            "{mentor_hours} registered mentor hours ({excess} hours too many). The hours that count are set to 0. "
            "Correct the time records: hours of usual work and sickness must lie within the mentor hours.",
        ),
        "costs.usual_work_hours:met/wage": (
            "{hours} timer, hvor mentoren udførte sine sædvanlige arbejdsfunktioner, er trukket fra mentortimerne: det "
            "er en betingelse, at medarbejderen ikke udfører sit sædvanlige arbejde i de timer, hvor vedkommende "
            "fungerer som mentor, så lønnen for dem dækkes ikke.",
            "{hours} hours in which the mentor did their usual work are deducted from the mentor hours: the employee "
            "must not do their usual work in the hours in which they act as mentor, so the wage for those hours is not "
            "covered.",
        ),
        "costs.usual_work_hours:met/consultant_fee": (
            "{hours} timer, hvor konsulenten udførte sine sædvanlige arbejdsfunktioner, er trukket fra mentortimerne: "
            "det er en betingelse, at den eksterne konsulent ikke udfører sit sædvanlige arbejde i de timer, hvor "
            "vedkommende fungerer som mentor, så honoraret for dem dækkes ikke.",
            "{hours} hours in which the consultant did their usual work are deducted from the mentor hours: the "
            "external consultant must not do their usual work in the hours in which they act as mentor, so the fee for "
            "those hours is not covered.",
        ),
        "costs.usual_work_hours:not_applicable": (
            "Der er ikke oplyst timer med sædvanligt arbejde inden for mentortimerne, så intet er trukket fra. "
            "Mentoren må ikke udføre sit sædvanlige arbejde i mentortimerne; angiv sådanne timer i usual_work_hours.",
            "No hours of usual work within the mentor hours are stated, so nothing is deducted. The mentor must not do "
            "their usual work in the mentor hours; state any such hours in usual_work_hours.",
        ),
        "costs.sick_hours:met": (
            "{hours} timer under mentorens sygdom er trukket fra mentortimerne: lønomkostninger under mentors sygdom "
            "kan ikke medregnes.",
            "{hours} hours of the mentor's sickness are deducted from the mentor hours: wage costs during the mentor's "
            "sickness cannot be included.",
        ),
        "costs.sick_hours:met/consultant_fee": (
            "{hours} timer under konsulentens sygdom er trukket fra mentortimerne: omkostninger under mentors sygdom "
            "kan ikke medregnes, og der er ingen direkte kontakt i de timer.",
            "{hours} hours of the consultant's sickness are deducted from the mentor hours: costs during the mentor's "
            "sickness cannot be included, and there is no direct contact in those hours.",
        ),
        "costs.sick_hours:not_applicable": (
            "Der er ikke oplyst sygetimer inden for mentortimerne, så intet er trukket fra.",
            "No hours of sickness within the mentor hours are stated, so nothing is deducted.",
        ),
        "costs.travel_hours:met": (
            "{hours} timers transporttid er holdt uden for opgørelsen: lønudgifter til mentors tidsforbrug til "
            "transport kan ikke medregnes. Transporttiden er ikke en del af mentortimerne og lægges aldrig til.",
            "{hours} hours of the mentor's travel time are left out: wage costs for the mentor's time spent on travel "
            "cannot be included. Travel time is not part of the mentor hours and is never added to them.",
        ),
        "costs.travel_hours:not_applicable": (
            "Der er ikke oplyst transporttid. Transporttid kan ikke medregnes; indgår den i mentortimerne, skal den "
            "trækkes ud af dem.",
            "No travel time is stated. Travel time cannot be included; if it is part of the mentor hours, take it out "
            "of them.",
        ),
        "costs.preparation_hours:met": (
            "{hours} timers forberedelse er holdt uden for opgørelsen: mentors tidsforbrug til forberedelse af "
            "mentoropgaven kan ikke medregnes i timeforbruget, og kun timer med direkte kontakt tæller. Indgår "
            "forberedelsen i de registrerede mentortimer, skal den trækkes ud af dem.",
            "{hours} hours of preparation are left out: the mentor's time spent preparing the mentor task cannot be "
            "counted in the hours, and only hours of direct contact count. If the preparation is part of the "
            "registered mentor hours, take it out of them.",
        ),
        "costs.preparation_hours:not_applicable": (
            "Der er ikke oplyst forberedelsestid. Forberedelse kan ikke medregnes; kun timer med direkte kontakt "
            "tæller.",
            "No preparation time is stated. Preparation cannot be counted; only hours of direct contact count.",
        ),
        "costs.training_hours:met": (
            "{hours} timer, hvor mentoren selv var på uddannelse, er holdt uden for opgørelsen: mentors timeforbrug "
            "under uddannelsesforløbet kan ikke medregnes. Indgår timerne i de registrerede mentortimer, skal de "
            "trækkes ud af dem.",
            "{hours} hours the mentor spent in training are left out: the mentor's hours during the training cannot be "
            "included. If they are part of the registered mentor hours, take them out of them.",
        ),
        "costs.training_hours:not_applicable": (
            "Der er ikke oplyst timer, hvor mentoren selv var på uddannelse; de kan ikke medregnes.",
            "No hours of the mentor's own training are stated; they cannot be included.",
        ),
        "costs.travel_expenses:met": (
            "Befordringsudgifter på {amount} er ikke medregnet: befordringsudgifter til mentoren kan ikke medregnes.",
            "Travel expenses of {amount} are not included: the mentor's travel expenses cannot be included.",
        ),
        "costs.travel_expenses:not_applicable": (
            "Der er ikke oplyst befordringsudgifter; de kan ikke medregnes.",
            "No travel expenses are stated; they cannot be included.",
        ),
        "costs.overhead:met": (
            "Omkostninger på {amount} til at levere mentorydelsen er ikke medregnet: direkte eller indirekte "
            "omkostninger forbundet med at levere mentorydelsen (f.eks. administration, lokaler og udstyr) kan ikke "
            "medregnes.",
            "Costs of {amount} for delivering the mentor service are not included: direct or indirect costs of "
            "delivering the mentor service (e.g. administration, premises and equipment) cannot be included.",
        ),
        "costs.overhead:not_applicable": (
            "Der er ikke oplyst omkostninger til at levere mentorydelsen; de kan ikke medregnes.",
            "No costs of delivering the mentor service are stated; they cannot be included.",
        ),
        "costs.training_purchase:met/included": (
            "Der er bevilget tilskud til køb af uddannelse til mentoren: {amount} er lagt til ud over "
            "lønomkostningerne, for at forbedre medarbejderens forudsætninger for at varetage mentorfunktionen. "
            "Vedlæg dokumentation for købet, f.eks. en kopi af fakturaen.",
            "A subsidy for training bought for the mentor has been granted: {amount} is added on top of the wage "
            "costs, to improve the employee's ability to perform the mentor function. Enclose documentation of the "
            "purchase, e.g. a copy of the invoice.",
        ),
        "costs.training_purchase:not_met/not_granted": (
            "Køb af uddannelse på {amount} er ikke medregnet: tilskud til køb af uddannelse kan bevilges, men det er "
            "registreret, at tilskuddet ikke er bevilget.",
            "Training bought for {amount} is not included: a subsidy for buying training may be granted, but the "
            "claim records that it was not granted.",
        ),
        "costs.training_purchase:needs_assessment/grant_not_recorded": (
            "Tilskud til køb af uddannelse kan bevilges, men bevillingen er ikke registreret: købet på "
            "{may_be_granted} er derfor ikke medregnet. Det beror på en konkret vurdering, om tilskuddet bevilges; "
            "registrér afgørelsen (training_purchase_granted), så beløbet lægges til, hvis tilskuddet bevilges.",
            "A subsidy for buying training may be granted, but the grant is not recorded: the purchase of "
            "{may_be_granted} is therefore not included. Whether to grant it is a concrete assessment; record the "
            "decision (training_purchase_granted) so that the amount is added if the subsidy is granted.",
        ),
        "costs.training_purchase:met/consultant": (
            "Køb af uddannelse på {amount} er ikke medregnet: tilskud til køb af uddannelse gives til en medarbejder i "
            "en virksomhed eller på en uddannelsesinstitution, der frikøbes som mentor, ikke til en ekstern konsulent, "
            "hvis udgift opgøres som honoraret.",
            "Training bought for {amount} is not included: a subsidy for training is given for an employee of a "
            "company or an education institution released as mentor, not for an external consultant, whose cost is the "
            "fee.",
        ),
        "costs.training_purchase:met/municipality": (
            "Køb af uddannelse på {amount} er ikke medregnet: udgifter til en kommunalt ansat mentor opgøres som "
            "lønomkostninger, og tilskud til køb af uddannelse gives kun til en medarbejder i en virksomhed eller på "
            "en uddannelsesinstitution.",
            "Training bought for {amount} is not included: the costs of a municipal mentor are the wage costs, and a "
            "subsidy for training is given only for an employee of a company or an education institution.",
        ),
        "costs.training_purchase:missing_facts": (
            "Køb af uddannelse på {amount} er ikke medregnet endnu: tilskuddet gives kun, når mentoren er ansat i en "
            "virksomhed eller på en uddannelsesinstitution. Oplys arbejdsgiveren (employer), så beløbet kan lægges "
            "til.",
            "Training bought for {amount} is not included yet: the subsidy is given only when the mentor is employed "
            "by a company or an education institution. State the employer so that the amount can be added.",
        ),
        "costs.training_purchase:not_applicable": (
            "Der er ikke oplyst køb af uddannelse til mentoren.",
            "No purchase of training for the mentor is stated.",
        ),
        "law.unverified": (
            "{citation} ændrer {amended}. Det er ikke verificeret, om ændringen berører mentorreglerne (§§ "
            "{sections}); opgørelsen bygger på teksten i {amended}. Kontrollér teksten på retsinformation.dk.",
            "{citation} amends {amended}. Whether the amendment touches the mentor rules (§§ {sections}) is not "
            "verified; the calculation relies on the text of {amended}. Check the text on retsinformation.dk.",
        ),
    }
)

#: Facts worded as kroner; other decimals are worded as hours.
_MONEY_FACTS: Final = frozenset({"amount", "hourly_cost", "fee", "may_be_granted"})


class _CostExplainer:
    """Words the messages of cost findings and notices from :data:`_TEXTS`; the citations are appended."""

    __slots__ = ()

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Return the message of a cost finding or notice in ``lang``."""
        if isinstance(item, Finding):
            facts = item.facts
            variant = facts.get("reason", facts.get("kind"))  # the reason refines the text, else the kind does
            key = f"{item.rule}:{item.verdict.value}"
            texts = _TEXTS.get(f"{key}/{variant}") or _TEXTS[key]
        else:
            texts = _TEXTS[item.code]
        args = {name: _display(name, value, lang) for name, value in item.facts.items()}
        text = texts[0 if lang == "da" else 1].format_map(args)
        citations = "; ".join(r.citation for r in item.references)
        return f"{text} ({citations})"


def _display(name: str, value: FactValue, lang: str) -> object:
    if isinstance(value, Decimal):
        return _money(value, lang) if name in _MONEY_FACTS else _hours(value, lang)
    return value


_EXPLAINER: Final = _CostExplainer()


# --- the decision ------------------------------------------------------------------

_KIND_WORDS: Final = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                CostKind.WAGE: "lønomkostninger ved frikøb af en medarbejder",
                CostKind.CONSULTANT_FEE: "honorar til en ekstern konsulent",
            }
        ),
        "en": MappingProxyType(
            {
                CostKind.WAGE: "wage costs of a released employee",
                CostKind.CONSULTANT_FEE: "fee of an external consultant",
            }
        ),
    }
)


def _json_fact(value: FactValue) -> Any:
    """A fact as JSON: decimals as exact plain strings, never rounded (cost facts hold no dates or lists)."""
    return scaled_decimal(value) if isinstance(value, Decimal) else value


@attrs.frozen(kw_only=True)
class CostDecision:
    """
    The reimbursable cost of a claim on a law date, itemised with the law.

    Attributes:
        claim: The claim evaluated.
        on: The law date: the executive order in force on it is applied.
        verdict: ``met`` when the claim is consistent and complete;
            ``not_met`` when it is inconsistent or the training subsidy was
            refused; ``missing_facts`` when a fact needed for an item is
            unknown; ``needs_assessment`` when the grant of the training
            subsidy is not recorded (the worst of these, in that order; see
            :func:`evaluate_costs`).
        eligible_hours: The hours that count: ``mentor_hours`` minus the
            usual-work and sick hours, at least 0.
        amount: ``eligible_hours`` times the hourly cost or fee, plus a
            reimbursable training purchase whose subsidy is granted, rounded to øre (two decimals,
            ``ROUND_HALF_UP``).
        findings: One finding per rule of :data:`COST_RULES`, in that order.
        notices: Notices (``law.unverified``).
        library_version: The version of mentorrules that calculated.
    """

    claim: CostClaim = attrs.field(repr=False)
    on: date
    verdict: Verdict
    eligible_hours: Decimal
    amount: Decimal
    findings: tuple[Finding, ...] = attrs.field(repr=False)
    notices: tuple[Notice, ...] = attrs.field(repr=False)
    library_version: str = __version__

    def findings_for(self, rule: str) -> tuple[Finding, ...]:
        """Return the findings of one rule id."""
        return tuple(f for f in self.findings if f.rule == rule)

    def to_dict(self) -> dict[str, Any]:
        """
        Return the record as JSON-ready data (schema ``mentorrules.costs/1``).

        Hours and amounts are decimal strings, exact; ``amount`` always has
        two decimals.  Facts keep the scale they were given in (``"300.00"``).
        """
        return {
            "schema": SCHEMA,
            "on": self.on.isoformat(),
            "kind": self.claim.kind.value,
            "employer": None if self.claim.employer is None else self.claim.employer.value,
            "verdict": self.verdict.value,
            "eligible_hours": scaled_decimal(self.eligible_hours),
            "amount": scaled_decimal(self.amount),
            "findings": [
                {
                    "rule": f.rule,
                    "verdict": f.verdict.value,
                    "subject": f.subject,
                    "facts": {key: _json_fact(value) for key, value in f.facts.items()},
                    "references": [r.to_dict() for r in f.references],
                    "message": {"da": f.message("da"), "en": f.message("en")},
                }
                for f in self.findings
            ],
            "notices": [n.to_dict() for n in self.notices],
            "library_version": self.library_version,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return :meth:`to_dict` as JSON text, the same bytes for the same claim and date on any machine."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def explain(self, lang: str = "da") -> str:
        """
        Return a readable account in ``lang``: the result, then every item that applies, then the notices.

        Each item is tagged by what it does to the amount: *medregnet* / *included*, *ikke
        medregnet* / *excluded*, *uoverensstemmelse* / *inconsistent* (more deducted hours than
        mentor hours), or, while it waits, *kræver vurdering* / *mangler oplysninger*; never
        *opfyldt* / *met*, which would read as a condition of the law.
        """
        check_lang(lang)
        words = VERDICT_WORDS[lang]
        source = self.findings[0].references[0].source
        da = lang == "da"
        lines = [
            f"{'Udgifter til mentorstøtte' if da else 'Costs of mentor support'} {self.on.isoformat()} ({source})",
            f"{'Art' if da else 'Kind'}: {_KIND_WORDS[lang][self.claim.kind]}",
            f"{'Timer, der kan medregnes' if da else 'Hours that count'}: {_hours(self.eligible_hours, lang)}",
            f"{'Beløb' if da else 'Amount'}: {_money(self.amount, lang)}",
            f"{'Resultat' if da else 'Result'}: {words[self.verdict]}",
            "",
        ]
        skipped = []
        for finding in self.findings:
            if finding.verdict is Verdict.NOT_APPLICABLE:
                skipped.append(finding.rule)
            else:
                lines.append(f"[{_tag(finding, lang)}] {finding.rule}: {finding.message(lang)}")
        if skipped:
            lines.append(f"{'Ikke relevant' if da else 'Not applicable'}: {', '.join(skipped)}")
        if self.notices:
            lines.append("")
            lines.append("Bemærkninger:" if da else "Notices:")
            lines.extend(f"- {notice.message(lang)}" for notice in self.notices)
        return "\n".join(lines)


#: The words that tag a cost finding in :meth:`CostDecision.explain`: whether its item counts in the amount.
_TAG_WORDS: Final = MappingProxyType(
    {
        "da": MappingProxyType(
            {"included": "medregnet", "excluded": "ikke medregnet", "inconsistent": "uoverensstemmelse"}
        ),
        "en": MappingProxyType({"included": "included", "excluded": "excluded", "inconsistent": "inconsistent"}),
    }
)


def _tag(finding: Finding, lang: str) -> str:
    """
    Tag a cost finding by what it does to the amount, not as a condition met or not.

    A finding that applied the law to its item (``met``), or refused it (``not_met``), is
    *medregnet* / *included* or *ikke medregnet* / *excluded* as its ``included`` fact says;
    more deducted hours than mentor hours (``costs.eligible_hours`` not met) is
    *uoverensstemmelse* / *inconsistent*.  A finding that waits (``needs_assessment``,
    ``missing_facts``) keeps the verdict's words.
    """
    verdict = finding.verdict
    words = _TAG_WORDS[lang]
    if verdict is Verdict.NOT_MET and finding.rule == "costs.eligible_hours":
        return words["inconsistent"]
    if verdict is Verdict.MET or verdict is Verdict.NOT_MET:
        return words["included" if finding.facts["included"] else "excluded"]
    return VERDICT_WORDS[lang][verdict]


# --- the rules ---------------------------------------------------------------------

#: Every cost rule id, in the order of a decision's findings.
COST_RULES: Final = (
    "costs.basis",
    "costs.eligible_hours",
    "costs.usual_work_hours",
    "costs.sick_hours",
    "costs.travel_hours",
    "costs.preparation_hours",
    "costs.training_hours",
    "costs.travel_expenses",
    "costs.overhead",
    "costs.training_purchase",
)


def _finding(
    rule: str, verdict: Verdict, subject: str, references: Iterable[LegalReference], facts: Mapping[str, FactValue]
) -> Finding:
    return Finding(rule, verdict, subject, tuple(references), MappingProxyType(dict(facts)), _EXPLAINER)


def _basis_reason(claim: CostClaim) -> str:
    prefix = "wage" if claim.kind is CostKind.WAGE else "fee"
    if claim.employer is None:
        return f"{prefix}_unknown"
    if claim.employer is Engager.MUNICIPALITY:
        return f"{prefix}_municipality"
    return f"{prefix}_company"


def _excluded_hours(
    rule: str, name: str, claim: CostClaim, references: tuple[LegalReference, ...], *, deducted: bool
) -> Finding:
    """Hours deducted from the mentor hours (``deducted``) or left out of them: never in the amount."""
    hours: Decimal = getattr(claim, name)
    verdict = Verdict.MET if hours else Verdict.NOT_APPLICABLE
    facts: dict[str, FactValue] = {"hours": hours, "included": False, "deducted": deducted and bool(hours)}
    if deducted:  # the text and the provision depend on who the mentor is
        facts["kind"] = claim.kind.value
    return _finding(rule, verdict, name, references, facts)


def _excluded_amount(rule: str, name: str, claim: CostClaim, references: tuple[LegalReference, ...]) -> Finding:
    amount: Decimal = getattr(claim, name)
    verdict = Verdict.MET if amount else Verdict.NOT_APPLICABLE
    return _finding(rule, verdict, name, references, {"amount": amount, "included": False})


def _training_purchase(law: LawSnapshot, claim: CostClaim, lab: tuple[LegalReference, ...]) -> Finding:
    """
    LAB § 169, stk. 2, 2. pkt.: a subsidy for training bought for a company's or a school's released employee.

    "Der kan bevilges tilskud til køb af uddannelse": the subsidy is a
    discretionary grant, so the purchase is added only when the claim records
    it (``training_purchase_granted``); a recorded refusal is ``not_met``, and
    an unrecorded grant ``needs_assessment`` with the amount that may be granted.
    """
    amount = claim.training_purchase
    subsidy = law.lab_ref("169", 2, sentence=2)
    invoice = _bek(law, "documentation", 1)
    facts: dict[str, FactValue] = {"amount": amount, "included": False}
    if not amount:
        return _finding(
            "costs.training_purchase", Verdict.NOT_APPLICABLE, "training_purchase", (subsidy, invoice), facts
        )
    if claim.kind is CostKind.CONSULTANT_FEE:
        verdict, reason, refs = Verdict.MET, "consultant", (subsidy, _bek(law, "wage_cost", 1, 3), *lab)
    elif claim.employer is None:
        verdict, reason, refs = Verdict.MISSING_FACTS, "employer_unknown", (subsidy, invoice)
    elif claim.employer is Engager.MUNICIPALITY:
        verdict, reason, refs = Verdict.MET, "municipality", (subsidy, law.lab_ref("170", sentence=1))
    else:
        granted = claim.training_purchase_granted
        facts["granted"] = granted
        refs = (subsidy, invoice)
        if granted is None:
            verdict, reason = Verdict.NEEDS_ASSESSMENT, "grant_not_recorded"
            facts["may_be_granted"] = amount
        elif granted:
            verdict, reason = Verdict.MET, "included"
            facts["included"] = True
        else:
            verdict, reason = Verdict.NOT_MET, "not_granted"
    facts["reason"] = reason
    return _finding("costs.training_purchase", verdict, "training_purchase", refs, facts)


def evaluate_costs(claim: CostClaim, *, on: date) -> CostDecision:
    """
    Calculate the reimbursable cost of a mentor-support claim under the law in force on a date.

    The amount is ``eligible_hours`` times the hourly wage cost (or the fee
    per hour), plus a training purchase where the law gives a subsidy for
    it and the claim records the grant, rounded once to øre with ``ROUND_HALF_UP``.  ``eligible_hours`` is
    ``mentor_hours`` minus the usual-work and sick hours (which lie within
    them), at least 0; travel, preparation and training hours lie outside
    them and are never added; travel expenses and overhead are never added.
    Every item gets a finding that cites the executive order in force on
    ``on`` and the act (LAB § 169, stk. 2 or § 170).

    Args:
        claim: The claim (see :func:`load_cost_claim` for JSON).
        on: The law date, e.g. the last day of the period the claim covers
            or the date of the decision on payment; the library does not
            choose it and never reads the clock.

    Returns:
        The decision: amount, eligible hours, a finding per rule of
        :data:`COST_RULES` and the notices.

    Raises:
        CostClaimError: When ``claim`` is not a :class:`CostClaim` or ``on`` not a date.
        UnsupportedDateError: When ``on`` lies outside 2020-01-01..2026-12-31.
    """
    if type(claim) is not CostClaim:
        raise CostClaimError([FieldError.of("", _MESSAGES.of("costs.not_a_claim", actual=type(claim).__name__))])
    if type(on) is not date:
        wrong = FIELD_MESSAGES.of("field.must_be", expected=("en dato", "a date"), actual=type(on).__name__)
        raise CostClaimError([FieldError.of("on", wrong)])
    if not FIRST_DATE <= on <= LAST_DATE:
        raise UnsupportedDateError(on, what="law date", detail=_WHY_UNSUPPORTED, detail_da=_WHY_UNSUPPORTED_DA)
    law = snapshot_for(on)
    wage = claim.kind is CostKind.WAGE
    lab = _lab_basis(law, claim)
    training = _training_purchase(law, claim, lab)
    with decimal.localcontext(prec=_PRECISION, rounding=ROUND_HALF_UP) as context:
        context.traps[decimal.Inexact] = True  # the bounds of the input make every step exact: prove it
        deducted = claim.usual_work_hours + claim.sick_hours
        remaining = claim.mentor_hours - deducted
        eligible = max(remaining, _ZERO)
        basis = eligible * claim.rate
        total = basis + claim.training_purchase if training.facts["included"] else basis
        context.traps[decimal.Inexact] = False
        amount = total.quantize(_CENT)  # the one rounding: to øre, half up
    hours_facts: dict[str, FactValue] = {
        "mentor_hours": claim.mentor_hours,
        "usual_work_hours": claim.usual_work_hours,
        "sick_hours": claim.sick_hours,
        "deducted_hours": deducted,
        "eligible_hours": eligible,
        "included": True,
    }
    if remaining < 0:
        hours_facts["excess"] = -remaining
    rate_name = _RATE_OF[claim.kind]
    basis_refs = (
        _bek(law, "wage_cost", 1, 1) if wage else _bek(law, "wage_cost", 1, 3),
        _bek(law, "wage_cost", 2, 1),
        *lab,
    )
    findings = (
        _finding(
            "costs.basis",
            Verdict.MET,
            rate_name,
            basis_refs,
            {
                "kind": claim.kind.value,
                "employer": None if claim.employer is None else claim.employer.value,
                rate_name: claim.rate,
                "eligible_hours": eligible,
                "amount": basis,
                "included": True,
                "reason": _basis_reason(claim),
            },
        ),
        _finding(
            "costs.eligible_hours",
            Verdict.MET if remaining >= 0 else Verdict.NOT_MET,
            "mentor_hours",
            (_bek(law, "wage_cost", 1, 1), _bek(law, "direct_contact", sentence=1), *lab),
            hours_facts,
        ),
        _excluded_hours(
            "costs.usual_work_hours",
            "usual_work_hours",
            claim,
            (_bek(law, "usual_work") if wage else _bek(law, "wage_cost", 1, 4), *lab),
            deducted=True,
        ),
        _excluded_hours(
            "costs.sick_hours",
            "sick_hours",
            claim,
            (_bek(law, "wage_cost", 2, 3), *lab)
            if wage
            else (_bek(law, "wage_cost", 2, 3), _bek(law, "direct_contact", sentence=1), *lab),
            deducted=True,
        ),
        _excluded_hours(
            "costs.travel_hours", "travel_hours", claim, (_bek(law, "wage_cost", 2, 4), *lab), deducted=False
        ),
        _excluded_hours(
            "costs.preparation_hours",
            "preparation_hours",
            claim,
            (_bek(law, "direct_contact", sentence=2), *lab),
            deducted=False,
        ),
        _excluded_hours("costs.training_hours", "training_hours", claim, (_bek(law, "training"), *lab), deducted=False),
        _excluded_amount("costs.travel_expenses", "travel_expenses", claim, (_bek(law, "wage_cost", 2, 4), *lab)),
        _excluded_amount("costs.overhead", "overhead", claim, (_bek(law, "wage_cost", 2, 2), *lab)),
        training,
    )
    return CostDecision(
        claim=claim,
        on=on,
        verdict=aggregate_verdict(findings),
        eligible_hours=eligible,
        amount=amount,
        findings=findings,
        notices=_notices(law),
    )


def _notices(law: LawSnapshot) -> tuple[Notice, ...]:
    """The ``law.unverified`` notice from 2026-01-07, when the order's references are unverified (C2.8)."""
    if law.bek_verified:
        return ()
    bek = law.bek
    assert bek is not None
    reference = _unverified_amendment()
    sections = f"{bek.section('usual_work')}-{bek.section('training')}"
    facts: dict[str, FactValue] = {"citation": reference.citation, "amended": bek.designation, "sections": sections}
    return (Notice("law.unverified", "", (reference,), MappingProxyType(facts), _EXPLAINER),)
