"""
Tests for mentorrules.costs: the reimbursable wage cost or consultant fee of a mentor-support claim.

The law: LAB § 169, stk. 2 (a company's or a school's released employee, or a
consultant it engaged; a subsidy for training bought for the employee) and
§ 170 (a municipal mentor; a consultant working for the job centre), with the
executive order in force on the law date: wage cost = actual hourly cost x
actual hours (BEK § 125, stk. 1 in nr. 1216/2023), holiday pay and pension
included (stk. 2, 1. pkt.), overhead, sickness, travel time and travel expenses
excluded (stk. 2, 2.-4. pkt.), no usual work in mentor hours (§ 123), only
direct contact and no preparation (§ 126), no training hours (§ 127), the
invoice for a training purchase (§ 124).

The model: usual-work and sick hours lie within ``mentor_hours`` and are
deducted; travel, preparation and training hours lie outside them and are
never added; travel expenses and overhead are never added.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mentorrules import __version__, costs
from mentorrules.cli.costs import add_costs_parser, costs_command
from mentorrules.costs import (
    COST_RULES,
    CostClaim,
    CostDecision,
    CostKind,
    evaluate_costs,
    load_cost_claim,
)
from mentorrules.law import versions as law
from mentorrules.model.exceptions import CaseError, CostClaimError, UnsupportedDateError
from mentorrules.model.facts import Engager
from mentorrules.model.outcomes import Finding, Notice, Verdict


ON = date(2024, 6, 30)

#: The worked example of the issue: 250.00 kr. an hour, 4 hours a week for 26 weeks.
WORKED = {
    "kind": "wage",
    "employer": "company",
    "hourly_cost": "250.00",
    "mentor_hours": 104,
    "usual_work_hours": 26,
    "sick_hours": 8,
    "travel_hours": 52,
    "travel_expenses": "300.00",
    "overhead": "1750.00",
}

#: Every item non-zero: no finding is not_applicable.
FULL = {
    "kind": "wage",
    "employer": "education_institution",
    "hourly_cost": "312.45",
    "mentor_hours": "60",
    "usual_work_hours": "4",
    "sick_hours": "6",
    "travel_hours": "10",
    "preparation_hours": "5.5",
    "training_hours": "7",
    "travel_expenses": "420",
    "overhead": "999.99",
    "training_purchase": "4500.00",
    "training_purchase_granted": True,
}


def decide(data: dict[str, Any] | None = None, *, on: date = ON, **overrides: Any) -> CostDecision:
    """Load ``data`` (default: the worked example) with overrides and evaluate it on ``on``."""
    document = dict(WORKED if data is None else data)
    document.update(overrides)
    return evaluate_costs(load_cost_claim(document), on=on)


def only(decision: CostDecision, rule: str) -> Finding:
    """Return the one finding of ``rule``."""
    (finding,) = decision.findings_for(rule)
    return finding


def citations(finding: Finding | Notice) -> list[str]:
    """Return the citations of a finding's references."""
    return [r.citation for r in finding.references]


def errors_of(data: Any) -> list[tuple[str, str]]:
    """Return the (path, message) pairs of the CostClaimError that loading ``data`` raises."""
    with pytest.raises(CostClaimError) as info:
        load_cost_claim(data)
    return [(e.path, e.message) for e in info.value.errors]


def paths_of(data: Any) -> list[str]:
    """Return the paths of the CaseError that loading ``data`` raises."""
    return [path for path, _ in errors_of(data)]


# --- the worked example -------------------------------------------------------------


class TestWorkedExample:
    """The issue's example: 104 mentor hours - 26 usual work - 8 sick = 70 hours x 250.00 kr. = 17,500.00 kr."""

    def test_amount_and_hours(self) -> None:
        """Travel time is not part of the mentor hours, so 70 hours count and the amount is 17,500.00 kr."""
        decision = decide()
        assert Decimal("70") == decision.eligible_hours
        assert Decimal("17500.00") == decision.amount
        assert Verdict.MET == decision.verdict

    def test_record(self) -> None:
        """The record names the schema, the date, the kind, the hours and the amount with two decimals."""
        record = decide().to_dict()
        assert {
            "schema": "mentorrules.costs/1",
            "on": "2024-06-30",
            "kind": "wage",
            "employer": "company",
            "verdict": "met",
            "eligible_hours": "70",
            "amount": "17500.00",
            "notices": [],
        } == {
            key: record[key]
            for key in ("schema", "on", "kind", "employer", "verdict", "eligible_hours", "amount", "notices")
        }
        assert list(COST_RULES) == [f["rule"] for f in record["findings"]]
        assert __version__ == record["library_version"]

    def test_exclusions_itemised(self) -> None:
        """Travel time, travel expenses and overhead are itemised as excluded; usual work and sickness as deducted."""
        decision = decide()
        facts = {f.rule: dict(f.facts) for f in decision.findings}
        assert {"hours": Decimal(52), "included": False, "deducted": False} == facts["costs.travel_hours"]
        assert {"amount": Decimal("300.00"), "included": False} == facts["costs.travel_expenses"]
        assert {"amount": Decimal("1750.00"), "included": False} == facts["costs.overhead"]
        assert {"hours": Decimal(26), "included": False, "deducted": True, "kind": "wage"} == facts[
            "costs.usual_work_hours"
        ]
        assert {"hours": Decimal(8), "included": False, "deducted": True, "kind": "wage"} == facts["costs.sick_hours"]
        verdicts = {f.rule: f.verdict for f in decision.findings}
        assert {
            "costs.basis": Verdict.MET,
            "costs.eligible_hours": Verdict.MET,
            "costs.usual_work_hours": Verdict.MET,
            "costs.sick_hours": Verdict.MET,
            "costs.travel_hours": Verdict.MET,
            "costs.preparation_hours": Verdict.NOT_APPLICABLE,
            "costs.training_hours": Verdict.NOT_APPLICABLE,
            "costs.travel_expenses": Verdict.MET,
            "costs.overhead": Verdict.MET,
            "costs.training_purchase": Verdict.NOT_APPLICABLE,
        } == verdicts

    def test_json_is_exact_and_stable(self) -> None:
        """to_json() is the same text each time, and its facts keep the scale they were given in."""
        first = decide().to_json()
        assert first == decide().to_json()
        record = json.loads(first)
        basis = record["findings"][0]
        assert {
            "kind": "wage",
            "employer": "company",
            "hourly_cost": "250.00",
            "eligible_hours": "70",
            "amount": "17500.00",
            "included": True,
            "reason": "wage_company",
        } == basis["facts"]
        assert "17500.00" == record["amount"]
        compact = decide().to_json(indent=None)
        assert "\n" not in compact
        assert record == json.loads(compact)

    def test_findings_also_serialise_generically(self) -> None:
        """Each finding is an ordinary Finding: its own to_dict() works too."""
        for finding in decide().findings:
            assert finding.rule == finding.to_dict()["rule"]


# --- one finding per item ---------------------------------------------------------


class TestBasis:
    """costs.basis: hourly cost (or fee) x eligible hours; LAB § 169, stk. 2 or § 170."""

    @pytest.mark.parametrize(
        ("employer", "reason", "lab"),
        [
            ("company", "wage_company", ["LAB § 169, stk. 2, 1. pkt."]),
            ("education_institution", "wage_company", ["LAB § 169, stk. 2, 1. pkt."]),
            ("municipality", "wage_municipality", ["LAB § 170, 1. pkt."]),
            (None, "wage_unknown", ["LAB § 169, stk. 2, 1. pkt.", "LAB § 170, 1. pkt."]),
        ],
    )
    def test_wage(self, employer: str | None, reason: str, lab: list[str]) -> None:
        """The wage basis cites the calculation (stk. 1, 1. pkt.), holiday pay and pension (stk. 2, 1. pkt.) and the act."""
        finding = only(decide(employer=employer), "costs.basis")
        assert Verdict.MET == finding.verdict
        assert "hourly_cost" == finding.subject
        assert reason == finding.facts["reason"]
        assert ["BEK § 125, stk. 1, 1. pkt.", "BEK § 125, stk. 2, 1. pkt.", *lab] == citations(finding)
        assert Decimal("17500.00") == finding.facts["amount"]

    @pytest.mark.parametrize(
        ("employer", "reason", "lab"),
        [
            ("company", "fee_company", ["LAB § 169, stk. 2, 1. pkt."]),
            ("municipality", "fee_municipality", ["LAB § 170, 2. pkt."]),
            (None, "fee_unknown", ["LAB § 169, stk. 2, 1. pkt.", "LAB § 170, 2. pkt."]),
        ],
    )
    def test_consultant_fee(self, employer: str | None, reason: str, lab: list[str]) -> None:
        """A consultant's cost is the fee (stk. 1, 3. pkt.): the fee per hour x the same eligible hours."""
        data = {**WORKED, "kind": "consultant_fee", "fee": "650", "employer": employer}
        del data["hourly_cost"]
        decision = decide(data)
        finding = only(decision, "costs.basis")
        assert "fee" == finding.subject
        assert reason == finding.facts["reason"]
        assert Decimal("650") == finding.facts["fee"]
        assert ["BEK § 125, stk. 1, 3. pkt.", "BEK § 125, stk. 2, 1. pkt.", *lab] == citations(finding)
        assert Decimal("45500.00") == decision.amount

    def test_rate_property(self) -> None:
        """CostClaim.rate is the hourly cost for wage and the fee for a consultant."""
        wage = CostClaim(kind=CostKind.WAGE, hourly_cost=Decimal(3), mentor_hours=Decimal(1))
        fee = CostClaim(kind=CostKind.CONSULTANT_FEE, fee=Decimal(4), mentor_hours=Decimal(1))
        assert (Decimal(3), Decimal(4)) == (wage.rate, fee.rate)


class TestEligibleHours:
    """costs.eligible_hours: mentor hours minus usual work and sickness, at least 0."""

    def test_met(self) -> None:
        """The facts show the subtraction; only direct contact counts (BEK § 126, 1. pkt.)."""
        finding = only(decide(), "costs.eligible_hours")
        assert Verdict.MET == finding.verdict
        assert "mentor_hours" == finding.subject
        assert {
            "mentor_hours": Decimal(104),
            "usual_work_hours": Decimal(26),
            "sick_hours": Decimal(8),
            "deducted_hours": Decimal(34),
            "eligible_hours": Decimal(70),
            "included": True,
        } == dict(finding.facts)
        assert ["BEK § 125, stk. 1, 1. pkt.", "BEK § 126, 1. pkt.", "LAB § 169, stk. 2, 1. pkt."] == citations(finding)

    def test_exactly_used_up(self) -> None:
        """Deductions equal to the mentor hours leave 0 hours and are consistent."""
        decision = decide(usual_work_hours=96)
        assert Verdict.MET == only(decision, "costs.eligible_hours").verdict
        assert (Decimal(0), Decimal("0.00")) == (decision.eligible_hours, decision.amount)
        assert "0" == decision.to_dict()["eligible_hours"]

    def test_inconsistent_claim_is_not_met(self) -> None:
        """More usual-work and sick hours than mentor hours: not_met, the excess named, 0 hours, amount 0.00."""
        decision = decide(usual_work_hours=100, sick_hours="8.5")
        finding = only(decision, "costs.eligible_hours")
        assert Verdict.NOT_MET == finding.verdict
        assert Decimal("4.5") == finding.facts["excess"]
        assert Decimal(0) == finding.facts["eligible_hours"]
        assert Verdict.NOT_MET == decision.verdict
        assert (Decimal(0), Decimal("0.00")) == (decision.eligible_hours, decision.amount)
        assert "4,5 timer for mange" in finding.message("da")
        assert "4.5 hours too many" in finding.message("en")

    def test_training_purchase_still_added_when_inconsistent(self) -> None:
        """The training purchase is its own item: it is added even when the hours are inconsistent."""
        decision = decide(usual_work_hours=200, training_purchase="100", training_purchase_granted=True)
        assert Decimal("100.00") == decision.amount


class TestDeductedHours:
    """costs.usual_work_hours and costs.sick_hours: within the mentor hours, deducted."""

    def test_usual_work_of_an_employee(self) -> None:
        """A released employee must not do usual work in the mentor hours (BEK § 123)."""
        finding = only(decide(), "costs.usual_work_hours")
        assert ["BEK § 123", "LAB § 169, stk. 2, 1. pkt."] == citations(finding)
        assert "usual_work_hours" == finding.subject
        assert "medarbejderen ikke udfører sit sædvanlige arbejde" in finding.message("da")

    def test_usual_work_of_a_consultant(self) -> None:
        """For a consultant the condition is in the wage-cost section (BEK § 125, stk. 1, 4. pkt.)."""
        data = {**WORKED, "kind": "consultant_fee", "fee": "500"}
        del data["hourly_cost"]
        finding = only(decide(data), "costs.usual_work_hours")
        assert ["BEK § 125, stk. 1, 4. pkt.", "LAB § 169, stk. 2, 1. pkt."] == citations(finding)
        assert "den eksterne konsulent ikke udfører" in finding.message("da")
        assert "consultant_fee" == finding.facts["kind"]

    def test_sickness_of_an_employee(self) -> None:
        """Wage costs during the mentor's sickness cannot be included (BEK § 125, stk. 2, 3. pkt.)."""
        finding = only(decide(), "costs.sick_hours")
        assert ["BEK § 125, stk. 2, 3. pkt.", "LAB § 169, stk. 2, 1. pkt."] == citations(finding)
        assert "lønomkostninger under mentors sygdom" in finding.message("da")

    def test_sickness_of_a_consultant(self) -> None:
        """A consultant's sick hours are deducted too, citing also the direct-contact rule (BEK § 126, 1. pkt.)."""
        data = {**WORKED, "kind": "consultant_fee", "fee": "500", "employer": "municipality"}
        del data["hourly_cost"]
        finding = only(decide(data), "costs.sick_hours")
        assert ["BEK § 125, stk. 2, 3. pkt.", "BEK § 126, 1. pkt.", "LAB § 170, 2. pkt."] == citations(finding)
        assert "konsulentens sygdom" in finding.message("da")

    @pytest.mark.parametrize("rule", ["costs.usual_work_hours", "costs.sick_hours"])
    def test_not_applicable_when_zero(self, rule: str) -> None:
        """No such hours: not_applicable, nothing deducted."""
        finding = only(decide(usual_work_hours=0, sick_hours=None), rule)
        assert Verdict.NOT_APPLICABLE == finding.verdict
        assert {"hours": Decimal(0), "included": False, "deducted": False, "kind": "wage"} == dict(finding.facts)


class TestHoursLeftOut:
    """costs.travel_hours, costs.preparation_hours, costs.training_hours: outside the mentor hours, never added."""

    @pytest.mark.parametrize(
        ("rule", "field", "citation", "words"),
        [
            ("costs.travel_hours", "travel_hours", "BEK § 125, stk. 2, 4. pkt.", "tidsforbrug til transport"),
            ("costs.preparation_hours", "preparation_hours", "BEK § 126, 2. pkt.", "forberedelse af mentoropgaven"),
            ("costs.training_hours", "training_hours", "BEK § 127", "under uddannelsesforløbet"),
        ],
    )
    def test_left_out(self, rule: str, field: str, citation: str, words: str) -> None:
        """The hours are itemised as left out and do not change the amount."""
        decision = decide({**WORKED, field: "12.25"})
        finding = only(decision, rule)
        assert Verdict.MET == finding.verdict
        assert field == finding.subject
        assert {"hours": Decimal("12.25"), "included": False, "deducted": False} == dict(finding.facts)
        assert [citation, "LAB § 169, stk. 2, 1. pkt."] == citations(finding)
        assert words in finding.message("da")
        assert "12,25" in finding.message("da")
        assert "12.25" in finding.message("en")
        assert Decimal("17500.00") == decision.amount

    @pytest.mark.parametrize("rule", ["costs.preparation_hours", "costs.training_hours"])
    def test_not_applicable_when_absent(self, rule: str) -> None:
        """Absent hours: not_applicable, the message still says they cannot count."""
        finding = only(decide(), rule)
        assert Verdict.NOT_APPLICABLE == finding.verdict
        assert "Der er ikke oplyst" in finding.message("da")

    def test_travel_not_applicable(self) -> None:
        """No travel time: not_applicable."""
        assert Verdict.NOT_APPLICABLE == only(decide(travel_hours=None), "costs.travel_hours").verdict


class TestAmountsLeftOut:
    """costs.travel_expenses and costs.overhead: never added."""

    @pytest.mark.parametrize(
        ("rule", "field", "citation"),
        [
            ("costs.travel_expenses", "travel_expenses", "BEK § 125, stk. 2, 4. pkt."),
            ("costs.overhead", "overhead", "BEK § 125, stk. 2, 2. pkt."),
        ],
    )
    def test_left_out(self, rule: str, field: str, citation: str) -> None:
        """The amount is itemised, not included, and the total is unchanged."""
        decision = decide({**WORKED, field: "12345.67"})
        finding = only(decision, rule)
        assert (Verdict.MET, field) == (finding.verdict, finding.subject)
        assert {"amount": Decimal("12345.67"), "included": False} == dict(finding.facts)
        assert [citation, "LAB § 169, stk. 2, 1. pkt."] == citations(finding)
        assert "12.345,67 kr." in finding.message("da")
        assert "DKK 12,345.67" in finding.message("en")
        assert Decimal("17500.00") == decision.amount

    @pytest.mark.parametrize(
        ("rule", "field"), [("costs.travel_expenses", "travel_expenses"), ("costs.overhead", "overhead")]
    )
    def test_not_applicable(self, rule: str, field: str) -> None:
        """Zero: not_applicable."""
        assert Verdict.NOT_APPLICABLE == only(decide({**WORKED, field: 0}), rule).verdict


class TestTrainingPurchase:
    """costs.training_purchase: LAB § 169, stk. 2, 2. pkt., for a company's or a school's released employee."""

    @pytest.mark.parametrize("employer", ["company", "education_institution"])
    def test_added_for_an_employee_of_a_company_or_school(self, employer: str) -> None:
        """Granted: the documented price is added on top; the invoice is asked for (BEK § 124, stk. 1)."""
        decision = decide(employer=employer, training_purchase="2500.50", training_purchase_granted=True)
        finding = only(decision, "costs.training_purchase")
        assert Verdict.MET == finding.verdict
        assert Verdict.MET == decision.verdict
        assert {"amount": Decimal("2500.50"), "included": True, "granted": True, "reason": "included"} == dict(
            finding.facts
        )
        assert ["LAB § 169, stk. 2, 2. pkt.", "BEK § 124, stk. 1"] == citations(finding)
        assert "fakturaen" in finding.message("da")
        assert "Der er bevilget tilskud til køb af uddannelse" in finding.message("da")
        assert Decimal("20000.50") == decision.amount

    @pytest.mark.parametrize("employer", ["company", "education_institution"])
    def test_refused_grant_is_not_met(self, employer: str) -> None:
        """Granted false: "Der kan bevilges tilskud" was used to refuse; left out, not_met, reason not_granted."""
        decision = decide(employer=employer, training_purchase="2500.50", training_purchase_granted=False)
        finding = only(decision, "costs.training_purchase")
        assert (Verdict.NOT_MET, Verdict.NOT_MET) == (finding.verdict, decision.verdict)
        assert {"amount": Decimal("2500.50"), "included": False, "granted": False, "reason": "not_granted"} == dict(
            finding.facts
        )
        assert ["LAB § 169, stk. 2, 2. pkt.", "BEK § 124, stk. 1"] == citations(finding)
        assert Decimal("17500.00") == decision.amount
        assert "registreret, at tilskuddet ikke er bevilget" in finding.message("da")
        assert "records that it was not granted" in finding.message("en")

    @pytest.mark.parametrize("granted", [None, "absent"])
    def test_unrecorded_grant_needs_assessment(self, granted: str | None) -> None:
        """Granted not recorded (null or absent): left out, needs_assessment, and the amount that may be granted."""
        data = {**WORKED, "training_purchase": "2500.50"}
        if granted is None:
            data["training_purchase_granted"] = None
        decision = decide(data)
        finding = only(decision, "costs.training_purchase")
        assert (Verdict.NEEDS_ASSESSMENT, Verdict.NEEDS_ASSESSMENT) == (finding.verdict, decision.verdict)
        assert {
            "amount": Decimal("2500.50"),
            "included": False,
            "granted": None,
            "may_be_granted": Decimal("2500.50"),
            "reason": "grant_not_recorded",
        } == dict(finding.facts)
        assert Decimal("17500.00") == decision.amount
        assert finding.message("da").startswith(
            "Tilskud til køb af uddannelse kan bevilges, men bevillingen er ikke registreret: købet på 2.500,50 kr."
        )
        assert "the purchase of DKK 2,500.50 is therefore not included" in finding.message("en")
        assert "2500.50" == decision.to_dict()["findings"][-1]["facts"]["may_be_granted"]

    def test_aggregate_verdict_takes_the_worst(self) -> None:
        """An inconsistent claim stays not_met, and a missing employer missing_facts, whatever the grant says."""
        assert Verdict.NOT_MET == decide(usual_work_hours=200, training_purchase="1").verdict
        assert Verdict.MISSING_FACTS == decide(employer=None, training_purchase="1").verdict
        assert Verdict.NEEDS_ASSESSMENT == decide(training_purchase="1").verdict

    @pytest.mark.parametrize("granted", [True, False, None])
    def test_grant_does_not_matter_outside_companies_and_schools(self, granted: bool | None) -> None:
        """A municipal mentor's, a consultant's or an unknown employer's purchase is treated as before."""
        municipal = only(
            decide(employer="municipality", training_purchase="9", training_purchase_granted=granted),
            "costs.training_purchase",
        )
        unknown = only(
            decide(employer=None, training_purchase="9", training_purchase_granted=granted), "costs.training_purchase"
        )
        assert (Verdict.MET, "municipality") == (municipal.verdict, municipal.facts["reason"])
        assert (Verdict.MISSING_FACTS, "employer_unknown") == (unknown.verdict, unknown.facts["reason"])
        assert "granted" not in municipal.facts

    def test_not_for_a_consultant(self) -> None:
        """A consultant is not the employee the subsidy is for: excluded, and the fee rule is cited."""
        data = {**WORKED, "kind": "consultant_fee", "fee": "500", "training_purchase": "900"}
        del data["hourly_cost"]
        decision = decide(data)
        finding = only(decision, "costs.training_purchase")
        assert (Verdict.MET, False, "consultant") == (
            finding.verdict,
            finding.facts["included"],
            finding.facts["reason"],
        )
        assert ["LAB § 169, stk. 2, 2. pkt.", "BEK § 125, stk. 1, 3. pkt.", "LAB § 169, stk. 2, 1. pkt."] == citations(
            finding
        )
        assert Decimal("35000.00") == decision.amount

    def test_not_for_a_municipal_mentor(self) -> None:
        """A municipal mentor's costs are the wage costs (LAB § 170): excluded."""
        decision = decide(employer="municipality", training_purchase="900")
        finding = only(decision, "costs.training_purchase")
        assert (Verdict.MET, False, "municipality") == (
            finding.verdict,
            finding.facts["included"],
            finding.facts["reason"],
        )
        assert ["LAB § 169, stk. 2, 2. pkt.", "LAB § 170, 1. pkt."] == citations(finding)
        assert Decimal("17500.00") == decision.amount

    def test_unknown_employer_is_missing_facts(self) -> None:
        """Employer not stated: missing_facts, not added until it is, and the decision is missing_facts."""
        decision = decide(employer=None, training_purchase="900")
        finding = only(decision, "costs.training_purchase")
        assert (Verdict.MISSING_FACTS, False, "employer_unknown") == (
            finding.verdict,
            finding.facts["included"],
            finding.facts["reason"],
        )
        assert Verdict.MISSING_FACTS == decision.verdict
        assert Decimal("17500.00") == decision.amount
        assert "Oplys arbejdsgiveren" in finding.message("da")

    def test_not_applicable(self) -> None:
        """No purchase: not_applicable."""
        finding = only(decide(), "costs.training_purchase")
        assert Verdict.NOT_APPLICABLE == finding.verdict
        assert {"amount": Decimal(0), "included": False} == dict(finding.facts)


# --- messages -----------------------------------------------------------------------

#: Claims that together reach every template of the module.
MESSAGE_CLAIMS: list[dict[str, Any]] = [
    dict(WORKED),
    dict(FULL),
    {**FULL, "employer": "municipality"},
    {**FULL, "employer": None},
    {**FULL, "training_purchase_granted": False},
    {**FULL, "training_purchase_granted": None},
    {**FULL, "usual_work_hours": "100", "travel_hours": 0, "preparation_hours": 0, "training_hours": 0},
    {**{k: v for k, v in FULL.items() if k != "hourly_cost"}, "kind": "consultant_fee", "fee": "700.5"},
    {**{k: v for k, v in FULL.items() if k != "hourly_cost"}, "kind": "consultant_fee", "fee": "7", "employer": None},
    {
        **{k: v for k, v in FULL.items() if k != "hourly_cost"},
        "kind": "consultant_fee",
        "fee": "7",
        "employer": "municipality",
    },
    {"kind": "wage", "hourly_cost": "1", "mentor_hours": "1"},
]


def all_messages() -> list[tuple[Finding | Notice, str, str]]:
    """Return (item, da, en) for every finding and notice of the message claims on two dates."""
    items: list[tuple[Finding | Notice, str, str]] = []
    for data in MESSAGE_CLAIMS:
        for on in (ON, date(2026, 6, 1)):
            decision = decide(data, on=on)
            found: tuple[Finding | Notice, ...] = (*decision.findings, *decision.notices)
            items.extend((item, item.message("da"), item.message("en")) for item in found)
    return items


class TestMessages:
    """Every finding and notice speaks Danish and English, cites its source and is filled in."""

    def test_every_template_is_used(self) -> None:
        """The message claims reach every template: none is dead text."""
        used = set()
        for item, _, _ in all_messages():
            if isinstance(item, Finding):
                key = f"{item.rule}:{item.verdict.value}"
                variant = item.facts.get("reason", item.facts.get("kind"))
                used.add(f"{key}/{variant}" if f"{key}/{variant}" in costs._TEXTS else key)
            else:
                used.add(item.code)
        assert set(costs._TEXTS) == used

    def test_wording(self) -> None:
        """Both languages exist, differ, leave no placeholder, cite every reference and never print "kr.." twice."""
        for item, da, en in all_messages():
            assert da != en
            for text in (da, en):
                assert re.search(r"\{[^{}]*\}", text) is None, text
                assert "kr.." not in text, text
                for citation in citations(item):
                    assert citation in text

    def test_money_and_hours_are_localised(self) -> None:
        """Danish uses a decimal comma and thousands dots; English the other way round; extra decimals are kept."""
        finding = only(
            decide(hourly_cost="253.4567", mentor_hours="1234.5", usual_work_hours=0, sick_hours=0), "costs.basis"
        )
        assert "253,4567 kr." in finding.message("da")
        assert "1.234,5 timer" in finding.message("da")
        assert "DKK 253.4567" in finding.message("en")
        assert "1,234.5 hours" in finding.message("en")

    def test_zero_amount_has_no_sign(self) -> None:
        """An amount of zero is worded 0,00 kr., never -0,00 kr."""
        finding = only(decide(hourly_cost="-0"), "costs.basis")
        assert "0,00 kr. i lønomkostninger" in finding.message("da")
        assert "-0" not in finding.message("da")

    def test_bad_language(self) -> None:
        """A language other than da and en is refused."""
        with pytest.raises(ValueError, match="lang"):
            only(decide(), "costs.basis").message("de")
        with pytest.raises(ValueError, match="lang"):
            decide().explain("de")


class TestExplain:
    """CostDecision.explain: the readable account the command line prints."""

    def test_danish(self) -> None:
        """The header names the date, the order, the kind, the hours and the amount; not-applicable items are listed."""
        text = decide().explain()
        assert text.startswith("Udgifter til mentorstøtte 2024-06-30 (BEK nr. 1216 af 28. september 2023)\n")
        assert "Timer, der kan medregnes: 70\n" in text
        assert "Beløb: 17.500,00 kr.\n" in text
        assert "Resultat: opfyldt\n" in text
        assert "[medregnet] costs.basis: " in text
        assert "[medregnet] costs.eligible_hours: " in text
        assert "[ikke medregnet] costs.usual_work_hours: " in text
        assert "[ikke medregnet] costs.travel_hours: " in text
        assert "opfyldt]" not in text
        assert "Ikke relevant: costs.preparation_hours, costs.training_hours, costs.training_purchase" in text
        assert "Bemærkninger" not in text

    def test_english_with_notice_and_nothing_skipped(self) -> None:
        """With every item present no "Not applicable" line appears; from 2026-01-07 the notice is printed."""
        text = decide(FULL, on=date(2026, 3, 1)).explain("en")
        assert "Kind: wage costs of a released employee" in text
        assert "Amount: DKK" in text
        assert "Not applicable" not in text
        assert "\nNotices:\n- BEK nr. 12 af 7. januar 2026 amends BEK nr. 1216 af 28. september 2023." in text

    def test_consultant(self) -> None:
        """The kind is named in both languages."""
        data = {**WORKED, "kind": "consultant_fee", "fee": "1"}
        del data["hourly_cost"]
        assert "Art: honorar til en ekstern konsulent" in decide(data).explain()


# --- dates ----------------------------------------------------------------------------

#: law date -> (order, usual work, documentation, wage cost, direct contact, training)
BEK_BOUNDARIES = [
    (date(2020, 1, 1), "BEK nr. 1180 af 25. november 2019", "120", "121", "122", "123", "124"),
    (date(2020, 12, 31), "BEK nr. 1180 af 25. november 2019", "120", "121", "122", "123", "124"),
    (date(2021, 1, 1), "BEK nr. 2006 af 11. december 2020", "120", "121", "122", "123", "124"),
    (date(2021, 1, 2), "BEK nr. 2006 af 11. december 2020", "120", "121", "122", "123", "124"),
    (date(2021, 12, 31), "BEK nr. 2006 af 11. december 2020", "120", "121", "122", "123", "124"),
    (date(2022, 1, 1), "BEK nr. 2636 af 28. december 2021", "122", "123", "124", "125", "126"),
    (date(2022, 1, 2), "BEK nr. 2636 af 28. december 2021", "122", "123", "124", "125", "126"),
    (date(2023, 12, 31), "BEK nr. 2636 af 28. december 2021", "122", "123", "124", "125", "126"),
    (date(2024, 1, 1), "BEK nr. 1216 af 28. september 2023", "123", "124", "125", "126", "127"),
    (date(2024, 1, 2), "BEK nr. 1216 af 28. september 2023", "123", "124", "125", "126", "127"),
    (date(2026, 12, 31), "BEK nr. 1216 af 28. september 2023", "123", "124", "125", "126", "127"),
]


class TestDates:
    """The executive order in force on the law date is cited; 2020-01-01..2026-12-31 is modelled."""

    @pytest.mark.parametrize(("on", "order", "usual", "documentation", "wage", "contact", "training"), BEK_BOUNDARIES)
    def test_sections_of_the_order_in_force(
        self, on: date, order: str, usual: str, documentation: str, wage: str, contact: str, training: str
    ) -> None:
        """Each finding cites the section of the order in force on the date: day before, of and after each change."""
        decision = decide(FULL, on=on)
        first = {f.rule: citations(f)[0] for f in decision.findings}
        assert {
            "costs.basis": f"BEK § {wage}, stk. 1, 1. pkt.",
            "costs.eligible_hours": f"BEK § {wage}, stk. 1, 1. pkt.",
            "costs.usual_work_hours": f"BEK § {usual}",
            "costs.sick_hours": f"BEK § {wage}, stk. 2, 3. pkt.",
            "costs.travel_hours": f"BEK § {wage}, stk. 2, 4. pkt.",
            "costs.preparation_hours": f"BEK § {contact}, 2. pkt.",
            "costs.training_hours": f"BEK § {training}",
            "costs.travel_expenses": f"BEK § {wage}, stk. 2, 4. pkt.",
            "costs.overhead": f"BEK § {wage}, stk. 2, 2. pkt.",
            "costs.training_purchase": "LAB § 169, stk. 2, 2. pkt.",
        } == first
        assert f"BEK § {documentation}, stk. 1" in citations(only(decision, "costs.training_purchase"))
        assert f"BEK § {contact}, 1. pkt." in citations(only(decision, "costs.eligible_hours"))
        orders = {r.source for f in decision.findings for r in f.references if r.act == "BEK"}
        assert {order} == orders
        assert f"({order})" in decision.explain()

    @pytest.mark.parametrize(
        ("on", "source"),
        [
            (date(2022, 5, 21), "lov nr. 548 af 7. maj 2019"),
            (date(2022, 5, 22), "LBK nr. 701 af 22. maj 2022"),
            (date(2024, 3, 1), "LBK nr. 280 af 1. marts 2024"),
        ],
    )
    def test_act_in_force(self, on: date, source: str) -> None:
        """The act is cited in the version in force on the date."""
        assert source == only(decide(on=on), "costs.basis").references[-1].source

    @pytest.mark.parametrize("on", [date(2020, 1, 1), date(2026, 12, 31)])
    def test_first_and_last_modelled_day(self, on: date) -> None:
        """2020-01-01 and 2026-12-31 are modelled."""
        assert Decimal("17500.00") == decide(on=on).amount

    @pytest.mark.parametrize("on", [date(2019, 12, 31), date(2027, 1, 1), date(2014, 6, 1), date(1999, 1, 1)])
    def test_outside_raises(self, on: date) -> None:
        """Other dates raise UnsupportedDateError saying what is modelled and why."""
        with pytest.raises(UnsupportedDateError) as info:
            decide(on=on)
        message = str(info.value)
        assert on == info.value.date
        assert f"law date {on.isoformat()} is not modelled" in message
        assert "2020-01-01 to 2026-12-31" in message
        assert "different text" in message
        assert "2027-01-01" in message

    @pytest.mark.parametrize(("on", "verified"), [(date(2026, 1, 6), True), (date(2026, 1, 7), False)])
    def test_order_references_unverified_from_the_amending_order(self, on: date, verified: bool) -> None:
        """C2.8: from 2026-01-07 every reference to BEK nr. 1216/2023 has verified false, with the reason."""
        decision = decide(FULL, on=on)
        orders = [r for f in decision.findings for r in f.references if r.act == "BEK"]
        assert orders
        assert {("BEK nr. 1216 af 28. september 2023", verified)} == {(r.source, r.verified) for r in orders}
        assert {None if verified else law.BEK_AMENDMENT_NOTE} == {r.note for r in orders}
        acts = [r for f in decision.findings for r in f.references if r.act == "LAB"]
        assert all(r.verified for r in acts)
        records = [r for f in decision.to_dict()["findings"] for r in f["references"] if "BEK § " in r["citation"]]
        assert {verified} == {r["verified"] for r in records}
        assert (not verified) == bool(decision.notices)

    def test_earlier_orders_stay_verified(self) -> None:
        """The earlier orders are not touched by the amendment of nr. 1216/2023."""
        assert all(r.verified for f in decide(FULL, on=date(2023, 12, 31)).findings for r in f.references)

    @pytest.mark.parametrize("on", [date(2014, 1, 1), date(2016, 3, 1), date(2019, 12, 31)])
    def test_never_cites_chapter_26_under_lab_2014(self, on: date) -> None:
        """Under lab-2014 costs are not modelled: no finding can cite §§ 167-171 for a date before 2020."""
        with pytest.raises(UnsupportedDateError, match="2020-01-01 to 2026-12-31"):
            decide(FULL, on=on)

    def test_no_notice_before_the_amending_order(self) -> None:
        """On 2026-01-06 nothing is unverified."""
        assert () == decide(on=date(2026, 1, 6)).notices

    @pytest.mark.parametrize("on", [date(2026, 1, 7), date(2026, 12, 31)])
    def test_unverified_notice_from_the_amending_order(self, on: date) -> None:
        """From 2026-01-07 a law.unverified notice names BEK nr. 12/2026, unverified."""
        (notice,) = decide(on=on).notices
        assert ("law.unverified", "") == (notice.code, notice.subject)
        (reference,) = notice.references
        assert (False, "BEK nr. 12 af 7. januar 2026") == (reference.verified, reference.citation)
        assert "https://www.retsinformation.dk/eli/lta/2026/12" == reference.url
        assert reference.note is not None
        assert "not verified" in reference.note
        assert "mentorreglerne (§§ 123-127)" in notice.message("da")
        assert "retsinformation.dk" in notice.message("en")
        record = decide(on=on).to_dict()["notices"]
        assert [{"code": "law.unverified", "subject": ""}] == [
            {key: n[key] for key in ("code", "subject")} for n in record
        ]
        assert record[0]["references"][0]["verified"] is False


# --- input errors -----------------------------------------------------------------------


class TestLoadErrors:
    """load_cost_claim: every bad field is named by its path, all at once."""

    def test_everything_at_once(self) -> None:
        """Every problem of the document is listed, in document order, then the missing fields."""
        data = {"kind": "wage", "hourly_cost": "-1", "fee": "x", "travel_hourz": 1, "overhead": True}
        assert [
            ("hourly_cost", "must lie between 0 and 1000000000000, not -1"),
            ("fee", "must be a number or a decimal string such as '250.00', not 'x'"),
            ("travel_hourz", "unknown key; did you mean 'travel_hours'?"),
            ("overhead", "must be a number or a decimal string, not boolean"),
            ("mentor_hours", "is required"),
        ] == errors_of(data)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "invalid JSON: Expecting value"),
            ("{", "invalid JSON: Expecting property name"),
            ('{"kind": NaN}', "invalid JSON: NaN is not allowed (a number must be finite)"),
            ('{"mentor_hours": -Infinity}', "invalid JSON: -Infinity is not allowed"),
            ("[" * 200_000, "invalid JSON: nested too deeply"),
            ('{"mentor_hours": ' + "9" * 5000 + "}", "invalid JSON: Exceeds the limit"),
            ("[]", "a cost claim must be a JSON object, not array"),
            ('"x"', "a cost claim must be a JSON object, not string"),
            ("null", "a cost claim must be a JSON object, not null"),
            ("1.5", "a cost claim must be a JSON object, not number"),
        ],
    )
    def test_document(self, text: str, message: str) -> None:
        """Text that is not a JSON object is one error with the path ""."""
        ((path, got),) = errors_of(text)
        assert "" == path
        assert got.startswith(message), got

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are a document error."""
        ((path, message),) = errors_of(b'{"kind": "\xff"}')
        assert ("", True) == (path, message.startswith("the JSON text is not UTF-8"))

    def test_not_a_mapping(self) -> None:
        """A Python object that is not a mapping is refused."""
        assert [("", "a cost claim must be a JSON object, not set")] == errors_of({1, 2})

    @pytest.mark.parametrize("prefix", ["\ufeff", ""])
    def test_byte_order_mark(self, prefix: str) -> None:
        """A leading byte-order mark is ignored, in text and in bytes."""
        text = prefix + json.dumps(WORKED)
        assert load_cost_claim(text) == load_cost_claim(text.encode("utf-8")) == load_cost_claim(WORKED)
        assert load_cost_claim(bytearray(text.encode("utf-8"))) == load_cost_claim(WORKED)  # type: ignore[arg-type]

    def test_unknown_keys(self) -> None:
        """Unknown keys are refused, with a suggestion when one is close, else the list of keys."""
        errors = errors_of({**WORKED, "hourly_costs": 1, "zzz": 1, 7: 1})
        assert ("hourly_costs", "unknown key; did you mean 'hourly_cost'?") == errors[0]
        assert "zzz" == errors[1][0]
        assert errors[1][1].startswith("unknown key; the keys of CostClaim are kind, employer, hourly_cost, fee")
        assert "7" == errors[2][0]

    def test_lone_surrogate_in_a_key(self) -> None:
        """A key holding a lone surrogate is named with an escape, so the error can always be printed."""
        errors = errors_of('{"kind": "wage", "hourly_cost": 1, "mentor_hours": 1, "\\ud800x": 1}')
        assert [
            (
                "\\ud800x",
                "unknown key; the keys of CostClaim are " + ", ".join(field.name for field in attrs.fields(CostClaim)),
            )
        ] == errors
        json.dumps(errors, ensure_ascii=False).encode("utf-8")

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (None, "is required and must not be null"),
            (1, "must be a string, one of 'wage', 'consultant_fee'; not number"),
            ({"a": 1}, "must be a string, one of 'wage', 'consultant_fee'; not object"),
            ("Wage", "unknown value 'Wage'; allowed values: 'wage', 'consultant_fee'"),
            ("x" * 50, f"unknown value {'x' * 40!r}...; allowed values: 'wage', 'consultant_fee'"),
        ],
    )
    def test_kind(self, value: Any, message: str) -> None:
        """kind is required and must be one of the two values; without it the rate is not checked."""
        assert [("kind", message)] == errors_of({**WORKED, "kind": value})

    def test_kind_missing(self) -> None:
        """An absent kind is required."""
        data = dict(WORKED)
        del data["kind"]
        assert [("kind", "is required")] == errors_of(data)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (
                "jobcentre",
                "unknown value 'jobcentre'; allowed values: 'company', 'education_institution', 'municipality'",
            ),
            (["company"], "must be a string, one of 'company', 'education_institution', 'municipality'; not array"),
            (True, "must be a string, one of 'company', 'education_institution', 'municipality'; not boolean"),
        ],
    )
    def test_employer(self, value: Any, message: str) -> None:
        """employer is one of company, education_institution, municipality (or null)."""
        assert [("employer", message)] == errors_of({**WORKED, "employer": value})

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (True, "must be a number or a decimal string, not boolean"),
            ([1], "must be a number or a decimal string, not array"),
            ({"x": 1}, "must be a number or a decimal string, not object"),
            (object(), "must be a number or a decimal string, not object"),
            ("1e3", "must be a number or a decimal string such as '250.00', not '1e3'"),
            ("1,5", "must be a number or a decimal string such as '250.00', not '1,5'"),
            (" 1", "must be a number or a decimal string such as '250.00', not ' 1'"),
            ("", "must be a number or a decimal string such as '250.00', not ''"),
            ("１", "must be a number or a decimal string such as '250.00', not '１'"),
            (float("nan"), "must be a finite number, not nan"),
            (float("inf"), "must be a finite number, not inf"),
            (Decimal("NaN"), "must be a finite number, not NaN"),
            (Decimal("-Infinity"), "must be a finite number, not -Infinity"),
            (-1, "must lie between 0 and 1000000000000, not -1"),
            ("-0.01", "must lie between 0 and 1000000000000, not -0.01"),
            (-0.5, "must lie between 0 and 1000000000000, not -0.5"),
            (10**12 + 1, "must lie between 0 and 1000000000000, not 1000000000001"),
            ("1" + "0" * 13, "must lie between 0 and 1000000000000, not 10000000000000"),
            (Decimal("1E+13"), "must lie between 0 and 1000000000000, not 10000000000000"),
            ("0.0000001", "must have at most 6 decimal places, not 0.0000001"),
            ("1.1234567", "must have at most 6 decimal places, not 1.1234567"),
            ("1.12345670", "must have at most 6 decimal places, not 1.1234567"),
            (Decimal("1E-7"), "must have at most 6 decimal places, not 0.0000001"),
            (1e-25, "must have at most 6 decimal places, not 0." + "0" * 24 + "1"),
            (0.1234567, "must have at most 6 decimal places, not 0.1234567"),
            (Decimal("1E-999999999"), "must have at most 6 decimal places, not 1E-999999999"),
            (Decimal("1E+999999999"), "must lie between 0 and 1000000000000, not 1E+999999999"),
            (Decimal("-1E+999999999"), "must lie between 0 and 1000000000000, not -1E+999999999"),
            (Decimal("-1E-999999999"), "must lie between 0 and 1000000000000, not -1E-999999999"),
            ("1" + "0" * 60, "must lie between 0 and 1000000000000, not 1E+60"),
            ("1" + "0" * 38, "must lie between 0 and 1000000000000, not 1" + "0" * 38),
        ],
    )
    def test_amount(self, value: Any, message: str) -> None:
        """Every amount is a finite, non-negative number or decimal string, at most 10**12 and 6 decimal places."""
        assert [("overhead", message)] == errors_of({**WORKED, "overhead": value})

    def test_object_type_name(self) -> None:
        """A value of a type JSON does not have is named by its Python type."""
        assert [("kind", "must be a string, one of 'wage', 'consultant_fee'; not set")] == errors_of(
            {**WORKED, "kind": {1}}
        )

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("-0", Decimal("0")),
            ("+7.50", Decimal("7.50")),
            (7, Decimal(7)),
            (0.1, Decimal("0.1")),
            (Decimal("1E+2"), Decimal("100")),
            ("1000000000000", Decimal(10**12)),
            ("0.000001", Decimal("1E-6")),
            ("1.1234560", Decimal("1.123456")),
            ("1." + "0" * 30, Decimal(1)),
            (Decimal("1.000000000"), Decimal(1)),
            (0.123456, Decimal("0.123456")),
            (Decimal("1E-6"), Decimal("0.000001")),
        ],
    )
    def test_accepted_amounts(self, value: Any, expected: Decimal) -> None:
        """Signs, integers, floats (through repr), exponents and the bounds (6 places, trailing zeros free) load."""
        amount = load_cost_claim({**WORKED, "overhead": value}).overhead
        assert expected == amount
        assert not amount.is_signed()

    def test_mentor_hours_required(self) -> None:
        """mentor_hours is required and must not be null."""
        data = dict(WORKED)
        del data["mentor_hours"]
        assert [("mentor_hours", "is required")] == errors_of(data)
        assert [("mentor_hours", "is required and must not be null")] == errors_of({**WORKED, "mentor_hours": None})

    def test_optional_nulls(self) -> None:
        """null means zero for the optional amounts and "not stated" for the employer."""
        data: dict[str, Any] = dict.fromkeys(field.name for field in attrs.fields(CostClaim))
        data.update({"kind": "wage", "hourly_cost": "1", "mentor_hours": "2"})
        claim = load_cost_claim(data)
        assert CostClaim(kind=CostKind.WAGE, hourly_cost=Decimal(1), mentor_hours=Decimal(2)) == claim
        assert claim.employer is None

    def test_wage_needs_hourly_cost(self) -> None:
        """kind wage needs hourly_cost (absent or null) and refuses fee."""
        data = dict(WORKED)
        del data["hourly_cost"]
        assert [("hourly_cost", "is required for kind 'wage'")] == errors_of(data)
        assert [("hourly_cost", "is required for kind 'wage'")] == errors_of({**WORKED, "hourly_cost": None})
        assert [("fee", "is only for kind 'consultant_fee'; for kind 'wage' give 'hourly_cost'")] == errors_of(
            {**WORKED, "fee": "1"}
        )

    def test_consultant_needs_fee(self) -> None:
        """kind consultant_fee needs fee and refuses hourly_cost."""
        assert [
            ("fee", "is required for kind 'consultant_fee'"),
            ("hourly_cost", "is only for kind 'wage'; for kind 'consultant_fee' give 'fee'"),
        ] == errors_of({**WORKED, "kind": "consultant_fee"})

    def test_bad_rate_is_not_also_missing(self) -> None:
        """A rate that is present but bad is reported once, not also as missing or misplaced."""
        assert [("hourly_cost", "must lie between 0 and 1000000000000, not -5")] == errors_of(
            {**WORKED, "hourly_cost": -5}
        )
        assert [
            ("hourly_cost", "must lie between 0 and 1000000000000, not -5"),
            ("fee", "is required for kind 'consultant_fee'"),
        ] == (errors_of({**WORKED, "kind": "consultant_fee", "hourly_cost": -5}))

    def test_huge_numbers_in_json_text(self) -> None:
        """Exponents are judged without writing the number out, also one no decimal can hold: its field is named."""
        text = '{"kind": "wage", "hourly_cost": 1, "mentor_hours": %s}'
        assert [("mentor_hours", "must have at most 6 decimal places, not 1E-999999999")] == errors_of(
            text % "1e-999999999"
        )
        assert [("mentor_hours", "must lie between 0 and 1000000000000, not 1E+999999999")] == errors_of(
            text % "1e999999999"
        )
        tiny = "1e-99999999999999999999999"
        assert [("mentor_hours", f"must have at most 6 decimal places, not {tiny}")] == errors_of(text % tiny)
        huge = "1e99999999999999999999999"
        assert [("mentor_hours", f"must lie between 0 and 1000000000000, not {huge}")] == errors_of(
            (text % huge).encode()
        )

    def test_six_and_seven_decimal_places_in_json_text(self) -> None:
        """A JSON number with 6 decimal places loads; with 7 it is an input error."""
        text = '{"kind": "wage", "hourly_cost": %s, "mentor_hours": 1}'
        assert Decimal("0.123456") == load_cost_claim(text % "0.123456").hourly_cost
        assert [("hourly_cost", "must have at most 6 decimal places, not 0.1234567")] == errors_of(text % "0.1234567")

    @pytest.mark.parametrize(
        ("text", "paths"),
        [
            ('{"kind": "wage", "hourly_cost": 1, "mentor_hours": 1, "kind": "wage"}', ["kind"]),
            (
                '{"kind": "wage", "hourly_cost": 1, "hourly_cost": 2, "mentor_hours": 1, "mentor_hours": 1}',
                [
                    "hourly_cost",
                    "mentor_hours",
                ],
            ),
            ('{"kind": "wage", "hourly_cost": 1, "mentor_hours": 1, "kind": "wage", "kind": "wage"}', ["kind"]),
            ('{"kind": "wage", "hourly_cost": 1, "mentor_hours": 1, "employer": null, "employer": null}', ["employer"]),
        ],
    )
    def test_duplicate_keys(self, text: str, paths: list[str]) -> None:
        """A key that occurs twice in one object is an input error naming the key's path (C2.9)."""
        errors = errors_of(text)
        assert paths == [path for path, _ in errors]
        assert all(message == "occurs more than once in this object (a key must occur once)" for _, message in errors)

    def test_same_key_in_different_objects_is_no_duplicate(self) -> None:
        """Only a repeat within one object counts."""
        text = '{"kind": "wage", "hourly_cost": 1, "mentor_hours": 1, "employer": {"kind": 1}}'
        assert [
            ("employer", "must be a string, one of 'company', 'education_institution', 'municipality'; not object")
        ] == (errors_of(text))

    @pytest.mark.parametrize(("value", "expected"), [(True, True), (False, False), (None, None)])
    def test_training_purchase_granted(self, value: bool | None, expected: bool | None) -> None:
        """training_purchase_granted is true, false or null (not recorded); absent is not recorded."""
        assert expected is load_cost_claim({**WORKED, "training_purchase_granted": value}).training_purchase_granted
        assert None is load_cost_claim(WORKED).training_purchase_granted

    @pytest.mark.parametrize(("value", "name"), [("yes", "string"), (1, "number"), (0, "number"), ([True], "array")])
    def test_training_purchase_granted_must_be_a_boolean(self, value: Any, name: str) -> None:
        """Anything but true, false or null is an input error."""
        assert [("training_purchase_granted", f"must be true or false, not {name}")] == errors_of(
            {**WORKED, "training_purchase_granted": value}
        )

    def test_more_excluded_hours_is_not_an_input_error(self) -> None:
        """Usual-work hours above the mentor hours load: the rule reports it."""
        assert Decimal(500) == load_cost_claim({**WORKED, "usual_work_hours": 500}).usual_work_hours

    def test_error_is_also_a_value_error(self) -> None:
        """CaseError is a ValueError, and says how many fields are bad."""
        with pytest.raises(ValueError, match="2 bad fields"):
            load_cost_claim({"kind": "wage"})

    @pytest.mark.parametrize("data", [{"kind": "wage"}, "[", '{"mentor_hours": NaN}'])
    def test_error_says_the_claim_failed_and_is_still_a_case_error(self, data: Any) -> None:
        """A bad claim raises CostClaimError, which ``except CaseError`` still catches, with a CaseError's record."""
        with pytest.raises(CaseError) as info:
            load_cost_claim(data)
        assert type(info.value) is CostClaimError
        assert info.value.to_dict() == {
            "type": "CaseError",
            "message": str(info.value),
            "text": {"da": info.value.text("da"), "en": str(info.value)},
            "errors": [
                {"path": e.path, "message": e.message, "text": {"da": e.text("da"), "en": e.message}}
                for e in info.value.errors
            ],
        }


class TestClaimConstruction:
    """CostClaim checks itself when built in Python: the same discipline as the JSON loader."""

    def test_valid(self) -> None:
        """A claim with the defaults: every optional amount is zero."""
        claim = CostClaim(kind=CostKind.CONSULTANT_FEE, fee=Decimal("1.5"), mentor_hours=Decimal(2))
        assert (Decimal(0),) * 8 == tuple(
            getattr(claim, name)
            for name in (
                "usual_work_hours",
                "sick_hours",
                "travel_hours",
                "preparation_hours",
                "training_hours",
                "travel_expenses",
                "overhead",
                "training_purchase",
            )
        )
        assert attrs.evolve(claim, employer=Engager.COMPANY).employer is Engager.COMPANY

    def test_every_bad_field(self) -> None:
        """Wrong types, missing values and bad amounts are all named."""
        with pytest.raises(CaseError) as info:
            CostClaim(
                kind="wage",  # type: ignore[arg-type]
                employer="company",  # type: ignore[arg-type]
                hourly_cost=5,  # type: ignore[arg-type]
                mentor_hours=None,  # type: ignore[arg-type]
                overhead=Decimal(-1),
                sick_hours=1.5,  # type: ignore[arg-type]
                training_purchase_granted="yes",  # type: ignore[arg-type]
            )
        assert [
            ("kind", "must be a CostKind, not str"),
            ("employer", "must be an Engager, not str"),
            ("hourly_cost", "must be Decimal, not int"),
            ("mentor_hours", "is required"),
            ("sick_hours", "must be Decimal, not float"),
            ("overhead", "must lie between 0 and 1000000000000, not -1"),
            ("training_purchase_granted", "must be bool, not str"),
        ] == [(e.path, e.message) for e in info.value.errors]

    def test_rate_of_the_kind(self) -> None:
        """The rate must match the kind when built in Python as well."""
        with pytest.raises(CaseError) as info:
            CostClaim(kind=CostKind.WAGE, fee=Decimal(1), mentor_hours=Decimal(1))
        assert ["hourly_cost", "fee"] == list(info.value.paths)

    def test_to_dict_round_trip(self) -> None:
        """to_dict writes exact strings and null for the unused rate; load_cost_claim reads it back."""
        claim = load_cost_claim(FULL)
        data = claim.to_dict()
        assert None is data["fee"]
        assert "312.45" == data["hourly_cost"]
        assert "education_institution" == data["employer"]
        assert True is data["training_purchase_granted"]
        assert claim == load_cost_claim(data)
        plain = load_cost_claim({"kind": "wage", "hourly_cost": 1, "mentor_hours": 1}).to_dict()
        assert (None, None) == (plain["employer"], plain["training_purchase_granted"])
        refused = load_cost_claim({**FULL, "training_purchase_granted": False})
        assert refused == load_cost_claim(refused.to_dict())

    def test_seven_places_built_in_python(self) -> None:
        """A claim built in Python refuses 7 decimal places too, and accepts 6 (trailing zeros free)."""
        assert (
            Decimal("0.123456")
            == CostClaim(kind=CostKind.WAGE, hourly_cost=Decimal("0.1234560000"), mentor_hours=Decimal(1)).rate
        )
        with pytest.raises(CaseError) as info:
            CostClaim(kind=CostKind.WAGE, hourly_cost=Decimal("0.1234567"), mentor_hours=Decimal(1))
        assert [("hourly_cost", "must have at most 6 decimal places, not 0.1234567")] == [
            (e.path, e.message) for e in info.value.errors
        ]


class TestEvaluateArguments:
    """evaluate_costs checks its arguments."""

    def test_not_a_claim(self) -> None:
        """A mapping is not a claim: load it first."""
        with pytest.raises(CostClaimError, match="use load_cost_claim"):
            evaluate_costs(WORKED, on=ON)  # type: ignore[arg-type]

    @pytest.mark.parametrize("on", ["2024-06-30", datetime(2024, 6, 30, 12, 0), None])
    def test_not_a_date(self, on: Any) -> None:
        """The law date must be a date (not a string, not a datetime)."""
        with pytest.raises(CostClaimError) as info:
            evaluate_costs(load_cost_claim(WORKED), on=on)
        assert ("on",) == info.value.paths


# --- exact arithmetic and properties ---------------------------------------------------


class TestExactArithmetic:
    """No float anywhere: decimal strings, JSON numbers and Python floats give the same exact result."""

    def test_three_hours_of_a_tenth(self) -> None:
        """3 hours x 0.1 kr. is exactly 0.30 kr., from a string, a JSON number and a Python float."""
        base = {"kind": "wage", "hourly_cost": "0.1", "mentor_hours": "3"}
        text = '{"kind": "wage", "hourly_cost": 0.1, "mentor_hours": 3}'
        for data in (base, text, {**base, "hourly_cost": 0.1}, {**base, "mentor_hours": 3.0}):
            decision = evaluate_costs(load_cost_claim(data), on=ON)
            assert Decimal("0.30") == decision.amount
            assert "0.30" == decision.to_dict()["amount"]

    def test_a_tenth_plus_two_tenths(self) -> None:
        """0.1 + 0.2 is exactly 0.3: 1 hour at 0.1 kr. plus a training purchase of 0.2 kr."""
        for rate, purchase in (("0.1", "0.2"), (0.1, 0.2)):
            data = {
                "kind": "wage",
                "employer": "company",
                "hourly_cost": rate,
                "mentor_hours": 1,
                "training_purchase": purchase,
                "training_purchase_granted": True,
            }
            decision = evaluate_costs(load_cost_claim(data), on=ON)
            assert Decimal("0.30") == decision.amount
            assert Decimal("0.3") == decision.amount  # equal as numbers, exactly
        as_text = '{"kind": "wage", "hourly_cost": 0.30000000000000004, "mentor_hours": 1}'
        assert [("hourly_cost", "must have at most 6 decimal places, not 0.30000000000000004")] == errors_of(as_text)

    def test_half_up(self) -> None:
        """Rounding to øre is half up, once, at the end: 2.675 x 1 is 2.68 (a float would give 2.67)."""
        assert Decimal("2.68") == decide({"kind": "wage", "hourly_cost": 2.675, "mentor_hours": 1}).amount
        assert Decimal("0.01") == decide({"kind": "wage", "hourly_cost": "0.005", "mentor_hours": 1}).amount
        assert Decimal("0.00") == decide({"kind": "wage", "hourly_cost": "0.004999", "mentor_hours": 1}).amount
        exact = decide({"kind": "wage", "hourly_cost": "253.4567", "mentor_hours": "1.5"})
        assert Decimal("380.18505") == only(exact, "costs.basis").facts["amount"]
        assert Decimal("380.19") == exact.amount

    def test_largest_input_is_exact(self) -> None:
        """The largest and most precise amounts multiply without rounding before the final øre."""
        big = "999999999999.999999"
        data = {"kind": "wage", "hourly_cost": big, "mentor_hours": big}
        decision = decide(data)
        product = Fraction(big) * Fraction(big)
        assert Fraction(only(decision, "costs.basis").facts["amount"]) == product  # type: ignore[arg-type]
        assert half_up(product) == decision.amount


def half_up(value: Fraction) -> Decimal:
    """Round a non-negative fraction to two decimals, half up, without Decimal arithmetic."""
    cents = (value * 100 + Fraction(1, 2)).__floor__()
    return Decimal(cents).scaleb(-2)


hours_values = st.decimals(min_value=0, max_value=2000, places=2, allow_nan=False, allow_infinity=False)
money_values = st.decimals(min_value=0, max_value=100_000, places=4, allow_nan=False, allow_infinity=False)
HOUR_FIELDS = ("usual_work_hours", "sick_hours", "travel_hours", "preparation_hours", "training_hours")


@st.composite
def claims(draw: st.DrawFn) -> CostClaim:
    """Draw any valid claim: either kind, any employer, hours and amounts with up to 2 and 4 decimals."""
    kind = draw(st.sampled_from(CostKind))
    rate = draw(money_values)
    return CostClaim(
        kind=kind,
        employer=draw(st.none() | st.sampled_from(Engager)),
        hourly_cost=rate if kind is CostKind.WAGE else None,
        fee=rate if kind is CostKind.CONSULTANT_FEE else None,
        mentor_hours=draw(hours_values),
        **{name: draw(hours_values) for name in HOUR_FIELDS},
        travel_expenses=draw(money_values),
        overhead=draw(money_values),
        training_purchase=draw(money_values),
        training_purchase_granted=draw(st.none() | st.booleans()),
    )


law_dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))


class TestProperties:
    """Properties of the calculation over any valid claim and law date."""

    @given(claims(), law_dates)
    def test_amount_is_exact_and_never_negative(self, claim: CostClaim, on: date) -> None:
        """amount = half-up(max(0, mentor - usual - sick) x rate + training where included), never negative."""
        decision = evaluate_costs(claim, on=on)
        eligible = max(
            Fraction(0), Fraction(claim.mentor_hours) - Fraction(claim.usual_work_hours) - Fraction(claim.sick_hours)
        )
        included = (
            claim.kind is CostKind.WAGE
            and claim.employer in (Engager.COMPANY, Engager.EDUCATION_INSTITUTION)
            and claim.training_purchase_granted is True
        )
        total = eligible * Fraction(claim.rate) + (Fraction(claim.training_purchase) if included else 0)
        assert Fraction(decision.eligible_hours) == eligible
        assert half_up(total) == decision.amount
        assert decision.amount >= 0
        assert -2 == decision.amount.as_tuple().exponent
        assert re.fullmatch(r"[0-9]+\.[0-9]{2}", decision.to_dict()["amount"])
        assert list(COST_RULES) == [f.rule for f in decision.findings]
        assert all(f.references for f in decision.findings)

    @given(claims(), law_dates, st.sampled_from(HOUR_FIELDS), hours_values)
    @example(
        CostClaim(kind=CostKind.WAGE, hourly_cost=Decimal(1), mentor_hours=Decimal(5)),
        date(2024, 1, 1),
        "usual_work_hours",
        Decimal(10),
    )
    def test_excluding_more_hours_never_raises_it(self, claim: CostClaim, on: date, field: str, more: Decimal) -> None:
        """More usual-work, sick, travel, preparation or training hours never give a larger amount."""
        before = evaluate_costs(claim, on=on).amount
        after = evaluate_costs(attrs.evolve(claim, **{field: getattr(claim, field) + more}), on=on).amount
        assert after <= before

    @given(claims(), law_dates, money_values, money_values)
    def test_travel_expenses_and_overhead_are_never_added(
        self, claim: CostClaim, on: date, expenses: Decimal, overhead: Decimal
    ) -> None:
        """Changing the travel expenses or the overhead never changes the amount."""
        other = attrs.evolve(claim, travel_expenses=expenses, overhead=overhead)
        assert evaluate_costs(claim, on=on).amount == evaluate_costs(other, on=on).amount

    @given(claims())
    def test_round_trip(self, claim: CostClaim) -> None:
        """load_cost_claim(claim.to_dict()) gives the claim back, also through JSON text."""
        assert claim == load_cost_claim(claim.to_dict())
        assert claim == load_cost_claim(json.dumps(claim.to_dict()))

    @given(claims(), law_dates)
    def test_deterministic(self, claim: CostClaim, on: date) -> None:
        """The same claim and date give the same JSON text."""
        assert evaluate_costs(claim, on=on).to_json() == evaluate_costs(claim, on=on).to_json()


# --- the command line -----------------------------------------------------------------------


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Parse ``argv`` with a parser holding the costs command, run it, return (status, stdout, stderr)."""
    parser = argparse.ArgumentParser(prog="mentorrules")
    add_costs_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, stream
    try:
        status = args.func(args)
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(name="claim_file")
def claim_file_fixture(tmp_path: Path) -> Path:
    """The worked example as a JSON file."""
    path = tmp_path / "claim.json"
    path.write_text(json.dumps(WORKED), encoding="utf-8")
    return path


class TestCommandLine:
    """mentorrules costs FILE --on DATE [--format text|json] [--lang da|en]."""

    def test_text(self, claim_file: Path) -> None:
        """The default is Danish text; a met claim exits 0."""
        status, out, err = run(["costs", str(claim_file), "--on", "2024-06-30"])
        assert (0, "") == (status, err)
        assert out.startswith("Udgifter til mentorstøtte 2024-06-30")
        assert "Beløb: 17.500,00 kr." in out

    def test_json_from_stdin(self) -> None:
        """FILE - reads standard input; --format json prints the record."""
        status, out, _ = run(["costs", "-", "--on", "2024-06-30", "--format", "json"], json.dumps(WORKED).encode())
        assert 0 == status
        assert "17500.00" == json.loads(out)["amount"]

    def test_english(self, claim_file: Path) -> None:
        """--lang en prints English."""
        _, out, _ = run(["costs", str(claim_file), "--on", "2024-06-30", "--lang", "en"])
        assert "Amount: DKK 17,500.00" in out

    def test_inconsistent_claim_exits_1(self) -> None:
        """A not_met finding exits 1."""
        claim = json.dumps({**WORKED, "usual_work_hours": 200}).encode()
        assert 1 == run(["costs", "-", "--on", "2024-06-30"], claim)[0]

    def test_missing_facts_exits_1(self) -> None:
        """An unresolved finding (missing facts) exits 1 too."""
        claim = json.dumps({**WORKED, "employer": None, "training_purchase": 5}).encode()
        assert 1 == run(["costs", "-", "--on", "2024-06-30"], claim)[0]

    @pytest.mark.parametrize(
        ("granted", "status", "result", "word"),
        [
            (True, 0, "opfyldt", "medregnet"),
            (False, 1, "ikke opfyldt", "ikke medregnet"),
            (None, 1, "kræver vurdering", "kræver vurdering"),
        ],
    )
    def test_training_grant_decides_the_status(self, granted: bool | None, status: int, result: str, word: str) -> None:
        """A granted training purchase exits 0; a refused or unrecorded grant exits 1 and says why."""
        claim = json.dumps({**WORKED, "training_purchase": "10", "training_purchase_granted": granted}).encode()
        code, out, _ = run(["costs", "-", "--on", "2024-06-30"], claim)
        assert status == code
        assert f"Resultat: {result}\n" in out
        assert f"[{word}] costs.training_purchase: " in out

    @pytest.mark.parametrize(
        ("data", "tags"),
        [
            ({}, ["included", "included", *["excluded"] * 5]),
            ({"usual_work_hours": 200}, ["included", "inconsistent", *["excluded"] * 5]),
            ({"employer": None, "training_purchase": 5}, ["missing facts"]),
            ({"employer": "municipality", "training_purchase": 5}, ["excluded"]),
            ({"training_purchase": 5, "training_purchase_granted": False}, ["excluded"]),
        ],
    )
    def test_findings_are_tagged_included_or_excluded(self, data: dict[str, Any], tags: list[str]) -> None:
        """In English a finding is "included" or "excluded" (or "inconsistent"), never "met" or "not met"."""
        _, out, _ = run(["costs", "-", "--on", "2024-06-30", "--lang", "en"], json.dumps({**WORKED, **data}).encode())
        found = re.findall(r"^\[([a-z ]+)\] costs\.", out, re.MULTILINE)
        assert tags == found[-len(tags) :]
        assert not {"met", "not met"} & set(found)

    def test_duplicate_key_exits_2(self) -> None:
        """A duplicate key is an invalid claim: exit 2, the key's path named."""
        status, out, err = run(
            ["costs", "-", "--on", "2024-06-30", "--format", "json", "--lang", "en"],
            b'{"kind": "wage", "kind": "wage"}',
        )
        assert 2 == status
        assert "kind: occurs more than once in this object" in err
        assert "kind" == json.loads(out)["error"]["errors"][0]["path"]

    def test_invalid_claim_exits_2(self) -> None:
        """An invalid claim exits 2 with the errors on standard error (and as JSON with --format json)."""
        status, out, err = run(["costs", "-", "--on", "2024-06-30", "--lang", "en"], b'{"kind": "wage"}')
        assert (2, "") == (status, out)
        assert (
            "mentorrules costs: 2 bad fields: mentor_hours: is required; hourly_cost: is required for kind 'wage'\n"
            == err
        )
        status, out, err = run(["costs", "-", "--on", "2024-06-30"], b'{"kind": "wage"}')
        assert (2, "") == (status, out)
        assert (
            "mentorrules costs: 2 ugyldige felter: mentor_hours: skal angives; hourly_cost: skal angives, når kind er "
            "'wage'\n" == err
        )
        status, out, _ = run(["costs", "-", "--on", "2024-06-30", "--format", "json"], b"[")
        assert 2 == status
        error = json.loads(out)["error"]
        assert ("CaseError", "") == (error["type"], error["errors"][0]["path"])

    def test_lone_surrogate_is_printable(self) -> None:
        """An unknown key holding a lone surrogate does not crash the output."""
        status, out, err = run(["costs", "-", "--on", "2024-06-30", "--format", "json"], b'{"\\udcff": 1}')
        assert 2 == status
        out.encode("utf-8")
        err.encode("utf-8")
        assert "\\udcff" == json.loads(out)["error"]["errors"][0]["path"]

    def test_unreadable_file_exits_2(self, tmp_path: Path) -> None:
        """A file that cannot be read exits 2."""
        missing = tmp_path / "missing.json"
        status, out, err = run(["costs", str(missing), "--on", "2024-06-30", "--format", "json"])
        assert 2 == status
        assert f"mentorrules costs: kan ikke læse {missing}: filen eller mappen findes ikke\n" == err
        error = json.loads(out)["error"]
        assert ("OSError", f"cannot read {missing}: No such file or directory") == (error["type"], error["message"])
        assert error["text"] == {"da": err.removeprefix("mentorrules costs: ").strip(), "en": error["message"]}
        assert f"cannot read {missing}" in run(["costs", str(missing), "--on", "2024-06-30", "--lang", "en"])[2]

    def test_unsupported_date_exits_2(self, claim_file: Path) -> None:
        """A date outside the model exits 2 and says why."""
        status, _, err = run(["costs", str(claim_file), "--on", "2027-01-01", "--lang", "en"])
        assert 2 == status
        assert "law date 2027-01-01 is not modelled" in err
        status, _, err = run(["costs", str(claim_file), "--on", "2027-01-01"])
        assert 2 == status
        assert err.startswith("mentorrules costs: lovdato 2027-01-01 er ikke modelleret: udgifter til mentorstøtte er ")

    @pytest.mark.parametrize("value", ["20240630", "2024-02-30", "30-06-2024", "２０２４-０６-３０"])
    def test_bad_date_is_a_usage_error(self, claim_file: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--on must be a calendar date YYYY-MM-DD: argparse exits 2."""
        with pytest.raises(SystemExit) as info:
            run(["costs", str(claim_file), "--on", value])
        assert 2 == info.value.code
        assert "not a date YYYY-MM-DD" in capsys.readouterr().err

    def test_on_is_required(self, claim_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--on has no default: nothing reads the clock."""
        with pytest.raises(SystemExit):
            run(["costs", str(claim_file)])
        assert "--on" in capsys.readouterr().err

    def test_handler(self) -> None:
        """The subparser sets func to costs_command and is returned."""
        parser = argparse.ArgumentParser()
        sub = add_costs_parser(parser.add_subparsers())
        assert costs_command is sub.get_default("func")
