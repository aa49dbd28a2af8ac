"""
Outcomes (DESIGN section 4): verdicts, findings, notices and the decision record.

The decision record is a contract: its JSON shape (keys and their order), its
determinism (the same input gives byte-identical JSON on any machine), its
fingerprint (SHA-256 of the canonical JSON of the input, recomputable by anyone)
and the aggregate verdict (``not_met`` > ``missing_facts`` > ``needs_assessment`` >
``met``, ignoring ``not_applicable`` findings and the ``right.*`` findings, which
only say whether a right exists).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import pytest

from builders import complete_case_data, period_data
from mentorrules import (
    Case,
    Decision,
    Finding,
    Interpretation,
    LegalReference,
    Notice,
    Verdict,
    __version__,
    dump_case,
    evaluate,
    load_case,
)
from mentorrules.model.outcomes import aggregate_verdict, enters_verdict, fact_to_json, facts_to_json


V = Verdict
RANK = {V.MET: 0, V.NEEDS_ASSESSMENT: 1, V.MISSING_FACTS: 2, V.NOT_MET: 3}
REFERENCE = LegalReference(
    act="LAB",
    section="167",
    subsection=1,
    sentence=1,
    source="LBK nr. 280 af 1. marts 2024",
    url="https://www.retsinformation.dk/eli/lta/2024/280",
)


class FixedWords:
    """An explainer that words every message the same way (for findings built by hand)."""

    def message(self, item: Finding | Notice, lang: str) -> str:
        return f"{lang}:{item[0]}"


def finding(rule: str, verdict: Verdict, subject: str = "") -> Finding:
    """A finding built by hand."""
    return Finding(rule, verdict, subject, (REFERENCE,), MappingProxyType({}), FixedWords())


def complete_decision(**overrides: Any) -> Decision:
    return evaluate(load_case(complete_case_data(**overrides)))


# --- the JSON shape -------------------------------------------------------------------


def test_decision_to_dict_has_the_contract_shape() -> None:
    """Decision.to_dict() has exactly the keys of DESIGN section 4, in that order, at every level."""
    data = complete_decision(case_id="010203-1234").to_dict()
    assert list(data) == [
        "schema",
        "verdict",
        "decision_date",
        "law",
        "interpretation",
        "findings",
        "notices",
        "library_version",
        "fingerprint",
    ]
    assert data["schema"] == "mentorrules.decision/2"
    assert data["verdict"] == "met"
    assert data["decision_date"] == "2024-02-20"
    assert list(data["law"]) == ["id", "title", "valid_from", "valid_to"]
    assert (data["law"]["id"], data["law"]["valid_from"], data["law"]["valid_to"]) == (
        "lab-2020",
        "2020-01-01",
        "2026-12-31",
    )
    assert data["interpretation"] == {
        "ambiguous_dates": "favour_citizen",
        "complaint_guidance_required_from_2020": False,
        "strict_mentor_categories": True,
        "psychiatric_period_may_exceed_six_months": False,
        "education_right_window": "invocation",
        "under_30_education_guidance": False,
        "law_date": "decision_date",
    }
    assert list(data["interpretation"]) == [
        "ambiguous_dates",
        "complaint_guidance_required_from_2020",
        "strict_mentor_categories",
        "psychiatric_period_may_exceed_six_months",
        "education_right_window",
        "under_30_education_guidance",
        "law_date",
    ]
    assert data["findings"]
    for item in data["findings"]:
        assert list(item) == ["rule", "verdict", "subject", "facts", "references", "message"]
        assert isinstance(item["facts"], dict)
        assert item["references"]
        for reference in item["references"]:
            assert list(reference) == ["citation", "source", "url", "kind", "verified"]
        assert list(item["message"]) == ["da", "en"]
    assert data["notices"] == [
        {
            "code": "privacy.identifier_in_text",
            "subject": "case_id",
            "message": data["notices"][0]["message"],
            "references": [],
        }
    ]
    assert list(data["notices"][0]) == ["code", "subject", "message", "references"]
    assert list(data["notices"][0]["message"]) == ["da", "en"]
    assert data["library_version"] == __version__
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", data["fingerprint"])


def test_finding_to_dict_example() -> None:
    """A finding's JSON names its rule, verdict, subject, JSON facts, references and both messages."""
    decision = complete_decision(periods=[period_data("2024-03-01", "2024-09-01")])
    (length,) = decision.findings_for("duration.period_length")
    data = length.to_dict()
    assert {key: data[key] for key in ("rule", "verdict", "subject", "facts")} == {
        "rule": "duration.period_length",
        "verdict": "not_met",
        "subject": "periods[0]",
        "facts": {"start": "2024-03-01", "end": "2024-09-01", "max_end": "2024-08-31"},
    }
    assert data["references"] == [
        {
            "citation": "LAB § 167, stk. 1, 1. pkt.",
            "source": "LBK nr. 701 af 22. maj 2022",
            "url": "https://www.retsinformation.dk/eli/lta/2022/701",
            "kind": "law",
            "verified": True,
        }
    ]
    assert data["message"] == {"da": length.message("da"), "en": length.message("en")}
    assert length.message() == length.message("da")


def test_notice_to_dict_includes_references() -> None:
    """A law.unverified notice carries the unverified reference it is about."""
    decision = complete_decision(decision_date="2026-02-01")
    unverified = [n for n in decision.notices if n.code == "law.unverified"]
    assert len(unverified) > 1  # lov nr. 1750/2025 and, from 2026-01-07, the citations of BEK nr. 1216/2023
    for notice in unverified:
        assert len(notice.references) == 1
    notice = unverified[0]
    data = notice.to_dict()
    assert data["subject"] == ""
    assert [r["verified"] for r in data["references"]] == [False]
    assert data["references"][0]["citation"] in data["message"]["da"]
    assert data["references"][0]["citation"] in data["message"]["en"]


# --- determinism and the fingerprint ---------------------------------------------------


def test_to_json_is_byte_identical_across_evaluations() -> None:
    """Evaluating the same input twice, or its JSON round trip, gives byte-identical to_json()."""
    data = complete_case_data(case_id="sag-Ø-1")
    first = evaluate(load_case(data)).to_json()
    second = evaluate(load_case(json.dumps(data))).to_json()
    third = evaluate(load_case(dump_case(load_case(data)))).to_json()
    assert first == second == third
    assert first.encode("utf-8") == second.encode("utf-8")


def test_to_json_is_the_canonical_rendering_of_to_dict() -> None:
    """to_json() is to_dict() as JSON with 2-space indentation and no ASCII escapes (§ stays §); indent=None is compact."""
    decision = complete_decision(case_id="sag-Ø-1")
    data = decision.to_dict()
    assert decision.to_json() == json.dumps(data, ensure_ascii=False, indent=2)
    assert decision.to_json(indent=None) == json.dumps(data, ensure_ascii=False)
    assert json.loads(decision.to_json()) == data
    assert "\\u00a7" not in decision.to_json()
    assert '"citation": "LAB § 167, stk. 1, 1. pkt."' in decision.to_json()


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def expected_fingerprint(case: Case, interpretation: Interpretation, law: str) -> str:
    payload = {"case": dump_case(case), "interpretation": interpretation.to_dict(), "law": law, "library": __version__}
    return "sha256:" + hashlib.sha256(canonical(payload).encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    "interpretation",
    [
        Interpretation(),
        Interpretation(ambiguous_dates="flag", law_date="period_start", under_30_education_guidance=True),
    ],
)
def test_fingerprint_is_sha256_of_the_canonical_input(interpretation: Interpretation) -> None:
    """fingerprint = "sha256:" + SHA-256 of the canonical JSON of case, interpretation, law id and library version."""
    case = load_case(complete_case_data(case_id="sag-Ø-1"))
    decision = evaluate(case, interpretation=interpretation)
    assert decision.fingerprint == expected_fingerprint(case, interpretation, decision.law.id)
    assert decision.to_dict()["fingerprint"] == decision.fingerprint


def test_fingerprint_golden_for_a_minimal_case() -> None:
    """The canonical text of a minimal case is fixed byte for byte (sorted keys, no spaces, nulls and empty lists)."""
    case = load_case({"decision_date": "2024-02-20"})
    text = (
        '{"case":{"beyond_usual_duties":null,"case_id":null,"citizen":null,"decision_date":"2024-02-20",'
        '"decisive_need":null,"education_admission":null,"hours_assessment":null,"mentor":null,"periods":[],'
        '"psychiatric_discharge":null,'
        '"purpose":null,"tasks":[]},"interpretation":{"ambiguous_dates":"favour_citizen",'
        '"complaint_guidance_required_from_2020":false,"education_right_window":"invocation","law_date":"decision_date",'
        '"psychiatric_period_may_exceed_six_months":false,"strict_mentor_categories":true,'
        f'"under_30_education_guidance":false}},"law":"lab-2020","library":"{__version__}"}}'
    )
    assert (
        canonical(
            {
                "case": dump_case(case),
                "interpretation": Interpretation().to_dict(),
                "law": "lab-2020",
                "library": __version__,
            }
        )
        == text
    )
    assert evaluate(case).fingerprint == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_fingerprint_writes_decimals_plainly() -> None:
    """Hours 3.50 and 3.5 are the same input and give the same fingerprint (decimals without trailing zeros)."""

    def with_hours(amount: str) -> Decision:
        return complete_decision(
            periods=[period_data("2024-03-01", "2024-08-31", hours={"amount": amount, "unit": "per_week"})]
        )

    assert with_hours("3.50").fingerprint == with_hours("3.5").fingerprint
    assert with_hours("3.5").fingerprint != with_hours("3.25").fingerprint


# --- facts as JSON ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2024, 2, 29), "2024-02-29"),
        (Decimal("3.50"), "3.5"),
        (Decimal("1E+2"), "100"),
        (Decimal(0), "0"),
        (Decimal("0.00"), "0"),
        (("tasks[0]", "tasks[2]"), ["tasks[0]", "tasks[2]"]),
        ((), []),
        (None, None),
        (True, True),
        (3, 3),
        ("offer", "offer"),
    ],
)
def test_fact_to_json(value: Any, expected: Any) -> None:
    """Facts are JSON values: dates as ISO strings, decimals as plain strings, tuples as lists."""
    assert fact_to_json(value) == expected


class Day(date):
    """A date subclass, as some data-frame libraries hand out."""


def test_fact_to_json_writes_a_date_subclass_as_iso() -> None:
    """A date of a date subclass is still written as an ISO date."""
    assert fact_to_json(Day(2024, 2, 29)) == "2024-02-29"


def test_facts_to_json_keeps_key_order() -> None:
    """A finding's facts keep the order the rule gave them."""
    facts = {"start": date(2024, 3, 1), "end": date(2024, 9, 1), "max_end": date(2024, 8, 31)}
    assert list(facts_to_json(facts).items()) == [
        ("start", "2024-03-01"),
        ("end", "2024-09-01"),
        ("max_end", "2024-08-31"),
    ]


# --- the aggregate verdict -----------------------------------------------------------


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([], V.MET),
        ([V.NOT_APPLICABLE], V.MET),
        ([V.MET, V.NOT_APPLICABLE], V.MET),
        ([V.MET, V.NEEDS_ASSESSMENT], V.NEEDS_ASSESSMENT),
        ([V.NEEDS_ASSESSMENT, V.MISSING_FACTS, V.MET], V.MISSING_FACTS),
        ([V.MISSING_FACTS, V.NOT_MET, V.NEEDS_ASSESSMENT], V.NOT_MET),
        ([V.NOT_MET, V.MISSING_FACTS], V.NOT_MET),
        ([V.NOT_APPLICABLE, V.NOT_APPLICABLE, V.NEEDS_ASSESSMENT], V.NEEDS_ASSESSMENT),
    ],
)
def test_aggregate_verdict_is_the_worst_entering_finding(verdicts: list[Verdict], expected: Verdict) -> None:
    """not_met if any finding is not met, else missing_facts, else needs_assessment, else met; not_applicable ignored."""
    findings = [finding("duration.period_length", verdict, f"periods[{i}]") for i, verdict in enumerate(verdicts)]
    assert aggregate_verdict(findings) == expected
    assert aggregate_verdict(reversed(findings)) == expected


@pytest.mark.parametrize("verdict", [V.NOT_MET, V.MISSING_FACTS, V.NEEDS_ASSESSMENT])
def test_rights_do_not_enter_the_verdict(verdict: Verdict) -> None:
    """A right that does not exist only means the support is discretionary: right.* findings never decide the verdict."""
    findings = [
        finding("eligibility.purpose", V.MET),
        finding("right.psychiatric_discharge", verdict),
        finding("right.education_admission", verdict),
    ]
    assert aggregate_verdict(findings) == V.MET
    assert not enters_verdict(findings[1])
    assert enters_verdict(findings[0])
    assert not enters_verdict(finding("eligibility.purpose", V.NOT_APPLICABLE))


def test_unresolved_lists_what_a_caseworker_must_act_on() -> None:
    """unresolved() is the findings that enter the verdict and are not_met, needs_assessment or missing_facts, in order."""
    data = complete_case_data(
        decisive_need=None,  # needs assessment
        mentor={"name": "Mette Jensen", "employer": None},  # missing facts
        periods=[period_data("2024-03-01", "2024-09-01")],  # one day too long: not met
        psychiatric_discharge={
            "discharge_date": "2024-04-01",
            "inpatient": False,
            "psychiatric": True,
        },  # right not met
    )
    decision = evaluate(load_case(data))
    unresolved = [(f.rule, f.verdict.value, f.subject) for f in decision.unresolved()]
    assert unresolved == [
        ("eligibility.decisive_need", "needs_assessment", ""),
        ("eligibility.mentor", "missing_facts", ""),
        ("duties.beyond_usual", "missing_facts", ""),
        ("duties.hours", "missing_facts", ""),
        ("duration.period_length", "not_met", "periods[0]"),
        ("agreement.duration", "not_met", "periods[0].agreement"),
    ]  # the right that is not met is not listed: it only means the support is discretionary
    assert decision.verdict is V.NOT_MET
    assert complete_decision().unresolved() == ()


@pytest.mark.parametrize(
    ("admission", "verdict"),
    [
        ({"admission_date": "2024-02-01", "qualifying": True}, "missing_facts"),
        ({"admission_date": "2024-02-01", "qualifying": False}, None),
    ],
    ids=["pending", "not-met"],
)
def test_unresolved_lists_a_pending_right(admission: dict[str, Any], verdict: str | None) -> None:
    """(contract 2) A right that is missing facts or needs assessment is unresolved too; one that is not met is not."""
    data = complete_case_data(
        citizen={"birth_date": "2000-01-01", "target_group": "education_benefit_education_ready"},
        education_admission=admission,
    )
    decision = evaluate(load_case(data))
    unresolved = [(f.rule, f.verdict.value) for f in decision.unresolved()]
    if verdict is None:
        assert unresolved == []
        assert decision.verdict is V.MET
    else:
        assert unresolved == [("right.education_admission", verdict)]
        # The right does not enter the verdict, and the decisive need is recorded (its verdict is the same
        # with and without the right's coverage: met and not applicable count as the same).
        assert decision.verdict is V.MET
        assert "pending" not in decision.findings_for("eligibility.decisive_need")[0].facts


def test_findings_for_returns_one_rules_findings_in_subject_order() -> None:
    """findings_for(rule) gives that rule's findings, periods in input order."""
    periods = [period_data("2024-09-01", "2025-02-28"), period_data("2024-03-01", "2024-08-31")]
    decision = complete_decision(periods=periods)
    assert [f.subject for f in decision.findings_for("duration.new_period")] == ["periods[0]", "periods[1]"]
    assert decision.findings_for("no.such_rule") == ()


# --- messages ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["", "de", "DA", "dansk"])
def test_messages_only_in_danish_or_english(lang: str) -> None:
    """Findings and notices speak Danish ("da", the default) or English ("en"); anything else is a ValueError."""
    decision = complete_decision(case_id="010203-1234")
    with pytest.raises(ValueError, match="lang must be 'da' or 'en'"):
        decision.findings[0].message(lang)
    with pytest.raises(ValueError, match="lang must be 'da' or 'en'"):
        decision.notices[0].message(lang)


def test_verdict_values_are_the_contract() -> None:
    """The five verdicts and their JSON values."""
    assert [v.value for v in Verdict] == ["met", "not_met", "needs_assessment", "missing_facts", "not_applicable"]
    assert Verdict("met") is V.MET
    assert RANK[V.NOT_MET] > RANK[V.MISSING_FACTS] > RANK[V.NEEDS_ASSESSMENT] > RANK[V.MET]


def test_decision_repr_does_not_show_the_case() -> None:
    """A decision's repr shows the verdict, law and case id but not the case's facts (which may be personal)."""
    text = repr(complete_decision(case_id="sag-hemmelig"))
    assert "Mette" not in text
    assert text.startswith("<Decision verdict=met law=")
    assert "case_id='sag-hemmelig'" in text
    assert "case_id=<withheld>" in repr(complete_decision(case_id="010203-1234"))
    assert "1234" not in repr(complete_decision(case_id="010203-1234"))


def test_decision_is_frozen() -> None:
    """A decision record cannot be changed after it is made."""
    decision = complete_decision()
    with pytest.raises(AttributeError):
        decision.verdict = V.NOT_MET  # type: ignore[misc]


def test_renderings_when_the_renderer_exists() -> None:
    """explain(), _repr_markdown_() and _repr_html_() render the decision (needs mentorrules.render)."""
    pytest.importorskip("mentorrules.render")
    decision = complete_decision()
    for text in (decision.explain(), decision.explain("en"), decision._repr_markdown_(), decision._repr_html_()):
        assert isinstance(text, str)
        assert text
    first = decision.findings[0]
    assert first._repr_markdown_()
    assert first._repr_html_()
