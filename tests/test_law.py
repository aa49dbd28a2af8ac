"""
The law in force on a date (DESIGN section 6): versions, sources and dated details.

Checked on each boundary the day before, of and after, through real decisions: the
law version applied, the consolidation (LBK) and executive order (BEK) a finding's
references name as their source, and the dated details of lab-2020 whose in-force
dates are assumed (2022-01-01, 2023-04-01, 2026-02-01) and therefore cited as
unverified.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from builders import complete_case_data, period_data
from mentorrules import (
    Decision,
    Finding,
    Interpretation,
    LegalReference,
    ReferenceKind,
    UnsupportedDateError,
    evaluate,
    load_case,
    max_period_end,
)
from mentorrules.law.versions import SNAPSHOTS, Source, law_version_for, snapshot_for


ONE_DAY = timedelta(days=1)
PERIOD_START = Interpretation(law_date="period_start")
DEFAULT = Interpretation()


def decide_on(day: date, interpretation: Interpretation = DEFAULT, **overrides: Any) -> Decision:
    """Evaluate a complete grant decided on ``day`` whose one period starts that day (overrides replace top-level keys)."""
    start = day.isoformat()
    data = complete_case_data(
        decision_date=start,
        periods=[period_data(start, max_period_end(day).isoformat())],
    )
    data["decisive_need"]["on"] = start
    data.update(overrides)
    return evaluate(load_case(data), interpretation=interpretation)


def only(decision: Decision, rule: str) -> Finding:
    """The single finding of a rule in a decision."""
    (finding,) = decision.findings_for(rule)
    return finding


def cited(finding: Finding, citation: str) -> LegalReference:
    """The reference of ``finding`` with exactly this citation."""
    matches = [reference for reference in finding.references if reference.citation == citation]
    assert len(matches) == 1, f"{finding.rule} cites {[r.citation for r in finding.references]}, not {citation!r}"
    return matches[0]


def unverified_citations(decision: Decision) -> list[str]:
    """The citations of the law.unverified notices."""
    return [notice.references[0].citation for notice in decision.notices if notice.code == "law.unverified"]


# --- law versions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "law"),
    [
        (date(2014, 1, 1), "lab-2014"),
        (date(2014, 1, 2), "lab-2014"),
        (date(2019, 12, 31), "lab-2014"),
        (date(2020, 1, 1), "lab-2020"),
        (date(2020, 1, 2), "lab-2020"),
        (date(2026, 12, 30), "lab-2020"),
        (date(2026, 12, 31), "lab-2020"),
    ],
)
def test_law_version_on_each_boundary(day: date, law: str) -> None:
    """Decisions 2014-01-01..2019-12-31 follow lab-2014 (chapter 9 b), 2020-01-01..2026-12-31 lab-2020 (chapter 26)."""
    assert law_version_for(day).id == law
    assert snapshot_for(day).version.id == law
    assert decide_on(day).law.id == law


@pytest.mark.parametrize("day", [date(2013, 12, 31), date(2027, 1, 1), date(1900, 1, 1), date(2199, 12, 31)])
def test_dates_outside_the_modelled_law_raise(day: date) -> None:
    """Law dates before 2014-01-01 or after 2026-12-31 are not modelled: UnsupportedDateError says which dates are."""
    for call in (law_version_for, snapshot_for):
        with pytest.raises(UnsupportedDateError) as raised:
            call(day)
        message = str(raised.value)
        assert "2014-01-01" in message
        assert "2026-12-31" in message
        assert day.isoformat() in message
        assert raised.value.date == day
    data = complete_case_data(decision_date=day.isoformat())
    with pytest.raises(UnsupportedDateError, match="2027-01-01"):
        evaluate(load_case(data))


def test_unsupported_date_error_is_a_lookup_error() -> None:
    """UnsupportedDateError is a MentorRulesError and a LookupError, and describes itself as JSON."""
    from mentorrules import MentorRulesError

    with pytest.raises(LookupError) as raised:
        snapshot_for(date(2027, 1, 1))
    error = raised.value
    assert isinstance(error, MentorRulesError)
    danish = error.text("da")  # type: ignore[attr-defined]
    assert danish.startswith("lovdato 2027-01-01 er ikke modelleret: biblioteket modellerer afgørelser fra 2014-01-01")
    assert error.to_dict() == {  # type: ignore[attr-defined]
        "type": "UnsupportedDateError",
        "message": str(error),
        "text": {"da": danish, "en": str(error)},
        "date": "2027-01-01",
    }
    assert error.what == "law date"  # type: ignore[attr-defined]


def test_period_start_law_date_after_2026_raises() -> None:
    """With law_date=period_start, a 2026 decision on a period starting 2027-01-01 is governed by unmodelled law."""
    data = complete_case_data(decision_date="2026-12-15", periods=[period_data("2027-01-01", "2027-06-30")])
    case = load_case(data)
    assert evaluate(case).law.id == "lab-2020"  # the decision date alone is fine
    with pytest.raises(UnsupportedDateError, match="2027-01-01"):
        evaluate(case, interpretation=PERIOD_START)


def test_period_start_law_date_selects_the_old_law_for_a_2019_period() -> None:
    """With law_date=period_start, a 2020 decision on a period starting 2019-12-31 applies lab-2014 (with a transition notice)."""
    data = complete_case_data(decision_date="2020-01-15", periods=[period_data("2019-12-31", "2020-06-29")])
    case = load_case(data)
    decision = evaluate(case, interpretation=PERIOD_START)
    assert decision.law.id == "lab-2014"
    assert decision.decision_date == date(2020, 1, 15)
    assert (
        cited(only(decision, "agreement.goal"), "LAB § 31 c, stk. 2, nr. 1").source
        == "LBK nr. 1342 af 21. november 2016"
    )
    assert [(n.code, n.subject) for n in decision.notices if n.code == "law.transition"] == [
        ("law.transition", "periods[0]")
    ]
    assert evaluate(case).law.id == "lab-2020"


def test_period_start_law_date_uses_the_current_period() -> None:
    """The law date is the start of the period with the latest start, whatever the input order."""
    periods = [period_data("2020-01-10", "2020-07-09"), period_data("2019-07-01", "2019-12-31")]
    data = complete_case_data(decision_date="2019-06-01", periods=periods)
    assert evaluate(load_case(data), interpretation=PERIOD_START).law.id == "lab-2020"


def test_period_start_law_date_without_periods_is_the_decision_date() -> None:
    """With law_date=period_start and no periods, the decision date selects the law."""
    data = complete_case_data(decision_date="2019-12-31", periods=[])
    assert evaluate(load_case(data), interpretation=PERIOD_START).law.id == "lab-2014"


# --- the consolidated act in force (LBK) ---------------------------------------------

LAB_SOURCES = [
    (date(2014, 9, 11), "lov nr. 419 af 10. juni 2003 som ændret"),
    (date(2014, 9, 12), "LBK nr. 990 af 12. september 2014"),
    (date(2015, 6, 30), "LBK nr. 990 af 12. september 2014"),
    (date(2015, 7, 1), "LBK nr. 807 af 1. juli 2015"),
    (date(2016, 11, 20), "LBK nr. 807 af 1. juli 2015"),
    (date(2016, 11, 21), "LBK nr. 1342 af 21. november 2016"),
    (date(2019, 12, 31), "LBK nr. 1342 af 21. november 2016"),
    (date(2020, 1, 1), "lov nr. 548 af 7. maj 2019"),
    (date(2022, 5, 21), "lov nr. 548 af 7. maj 2019"),
    (date(2022, 5, 22), "LBK nr. 701 af 22. maj 2022"),
    (date(2024, 2, 29), "LBK nr. 701 af 22. maj 2022"),
    (date(2024, 3, 1), "LBK nr. 280 af 1. marts 2024"),
    (date(2026, 12, 31), "LBK nr. 280 af 1. marts 2024"),
]


@pytest.mark.parametrize(("day", "source"), LAB_SOURCES, ids=[d.isoformat() for d, _ in LAB_SOURCES])
def test_period_length_cites_the_consolidation_in_force(day: date, source: str) -> None:
    """The six-month limit cites the act as consolidated on the law date (LAB § 167, stk. 1, 1. pkt.; before 2020 § 31 c, stk. 1, 2. pkt.)."""
    finding = only(decide_on(day), "duration.period_length")
    citation = "LAB § 31 c, stk. 1, 2. pkt." if day.year < 2020 else "LAB § 167, stk. 1, 1. pkt."
    reference = cited(finding, citation)
    assert (reference.source, reference.kind, reference.verified) == (source, ReferenceKind.LAW, True)
    assert reference.url.startswith("https://www.retsinformation.dk/eli/lta/")


# --- the executive order in force (BEK § 52) -----------------------------------------

BEK_SOURCES = [
    (date(2020, 1, 1), "BEK nr. 1180 af 25. november 2019"),
    (date(2020, 12, 31), "BEK nr. 1180 af 25. november 2019"),
    (date(2021, 1, 1), "BEK nr. 2006 af 11. december 2020"),
    (date(2021, 12, 31), "BEK nr. 2006 af 11. december 2020"),
    (date(2022, 1, 1), "BEK nr. 2636 af 28. december 2021"),
    (date(2023, 12, 31), "BEK nr. 2636 af 28. december 2021"),
    (date(2024, 1, 1), "BEK nr. 1216 af 28. september 2023"),
    (date(2026, 12, 31), "BEK nr. 1216 af 28. september 2023"),
]
ITEMS = {
    "agreement.goal": 1,
    "agreement.mentor_name": 2,
    "agreement.mentor_contact": 2,
    "agreement.tasks": 3,
    "agreement.duration": 4,
    "agreement.hours": 5,
}


@pytest.mark.parametrize(("day", "source"), BEK_SOURCES, ids=[d.isoformat() for d, _ in BEK_SOURCES])
def test_agreement_items_cite_bek_52_in_force(day: date, source: str) -> None:
    """From 2020 the »Min Plan« items cite BEK § 52, nr. 1-5 of the executive order in force, under LAB § 47, stk. 1."""
    decision = decide_on(day)
    for rule, item in ITEMS.items():
        finding = only(decision, rule)
        reference = cited(finding, f"BEK § 52, nr. {item}")
        assert (reference.source, reference.kind) == (source, ReferenceKind.EXECUTIVE_ORDER)
        cited(finding, "LAB § 47, stk. 1")
    assert cited(only(decision, "agreement.written"), "BEK § 52").source == source


@pytest.mark.parametrize("day", [date(2014, 1, 1), date(2018, 4, 20), date(2019, 12, 31)])
def test_lab_2014_agreement_items_cite_old_31_c(day: date) -> None:
    """2014-2019 the agreement items cite old LAB § 31 c, stk. 2, nr. 1-6, and the written agreement § 31 c, stk. 1."""
    decision = decide_on(day)
    items = {**ITEMS, "agreement.complaint_guidance": 6}
    for rule, item in items.items():
        reference = cited(only(decision, rule), f"LAB § 31 c, stk. 2, nr. {item}")
        assert reference.source == decision.findings_for("duration.period_length")[0].references[0].source
    cited(only(decision, "agreement.written"), "LAB § 31 c, stk. 1, 1. pkt.")
    assert only(decision, "agreement.complaint_guidance").verdict.value == "met"


def test_lab_2014_mentor_categories_are_an_interpretation_of_31_e() -> None:
    """Old chapter 9 b names no mentor categories: eligibility.mentor cites § 31 e as the library's interpretation."""
    reference = cited(only(decide_on(date(2017, 1, 1)), "eligibility.mentor"), "LAB § 31 e, stk. 1")
    assert reference.kind is ReferenceKind.INTERPRETATION
    assert reference.note


def test_lab_2014_duties_cite_old_31_d_and_lab_2020_section_169() -> None:
    """§ 169, stk. 1 (old § 31 d) is cited for duties beyond the usual."""
    company = {"name": "Mette Jensen", "employer": "company"}
    assert (
        only(decide_on(date(2019, 12, 31), mentor=company), "duties.beyond_usual").references[0].citation
        == "LAB § 31 d"
    )
    assert (
        only(decide_on(date(2020, 1, 1), mentor=company), "duties.beyond_usual").references[0].citation
        == "LAB § 169, stk. 1"
    )


def test_bek_sections_of_the_mentor_chapter_move_between_orders() -> None:
    """The psychiatric provision of the executive order is § 125 (2020-2021), § 127 (2022-2023), § 128 (from 2024)."""
    assert [snapshot_for(date(y, 6, 1)).bek.section("psychiatric") for y in (2020, 2021, 2022, 2023, 2024)] == [  # type: ignore[union-attr]
        "125",
        "125",
        "127",
        "127",
        "128",
    ]
    assert snapshot_for(date(2019, 6, 1)).bek is None


# --- dated details of lab-2020 ---------------------------------------------------------


def _student(day: date) -> dict[str, Any]:
    start = day.isoformat()
    return {
        "citizen": {"birth_date": "2000-01-01", "target_group": "education_benefit_education_ready"},
        "purpose": "ordinary_education",
        "education_admission": {
            "admission_date": (day - timedelta(days=20)).isoformat(),
            "qualifying": True,
            "right_invoked_on": start,
        },
    }


def test_education_right_not_in_force_on_2021_12_31() -> None:
    """§ 167, stk. 3 (education-admission right) is assumed in force from 2022-01-01: before, not applicable, in_force false."""
    finding = only(decide_on(date(2021, 12, 31), **_student(date(2021, 12, 31))), "right.education_admission")
    assert (finding.verdict.value, finding.to_dict()["facts"]["in_force"]) == ("not_applicable", False)


def test_education_right_applies_from_2022_01_01_citing_an_unverified_date() -> None:
    """From 2022-01-01 the education right applies; until LBK 701/2022 (2022-05-22) its in-force date is unverified."""
    decision = decide_on(date(2022, 1, 1), **_student(date(2022, 1, 1)))
    finding = only(decision, "right.education_admission")
    assert (finding.verdict.value, finding.facts["in_force"]) == ("met", True)
    (reference,) = finding.references
    assert (reference.citation, reference.verified) == ("LAB § 167, stk. 3", False)
    assert reference.note
    assert "LAB § 167, stk. 3" in unverified_citations(decision)


@pytest.mark.parametrize(("day", "verified"), [(date(2022, 5, 21), False), (date(2022, 5, 22), True)])
def test_education_right_is_verified_from_lbk_701_2022(day: date, verified: bool) -> None:
    """The education right cites LAB § 167, stk. 3, unverified on 2022-05-21 and verified (LBK 701/2022) from 2022-05-22."""
    decision = decide_on(day, **_student(day))
    (reference,) = only(decision, "right.education_admission").references
    assert (reference.citation, reference.verified) == ("LAB § 167, stk. 3", verified)
    assert ("LAB § 167, stk. 3" in unverified_citations(decision)) is not verified
    if verified:
        assert reference.source == "LBK nr. 701 af 22. maj 2022"


def test_education_right_under_lab_2014_is_not_applicable_and_cites_old_31_b_as_interpretation() -> None:
    """Chapter 9 b had no education right: not applicable (in_force false), citing old § 31 b as the library's reading, with no unverified notice."""
    decision = decide_on(date(2019, 6, 1), **_student(date(2019, 6, 1)))
    finding = only(decision, "right.education_admission")
    assert finding.verdict.value == "not_applicable"
    assert dict(finding.facts) == {"in_force": False, "reason": "not_in_force"}
    assert [(r.citation, r.kind.value, r.verified) for r in finding.references] == [
        ("LAB § 31 b", "interpretation", True)
    ]
    assert unverified_citations(decision) == []
    assert "§ 167" not in "".join(r.citation for r in finding.references)


def _discharge(day: date, purpose: str) -> dict[str, Any]:
    return {
        "citizen": {"birth_date": "1979-11-02", "target_group": "sickness_benefit"},
        "purpose": purpose,
        "decisive_need": None,
        "psychiatric_discharge": {
            "discharge_date": (day + timedelta(days=30)).isoformat(),
            "inpatient": True,
            "psychiatric": True,
        },
    }


LOV_295 = "lov nr. 295 af 20. marts 2023, § 1, nr. 10"


def test_psychiatric_right_on_2023_03_20_cites_no_amendment() -> None:
    """Before lov nr. 295 of 20 March 2023 existed, the right is cited without it."""
    finding = only(
        decide_on(date(2023, 3, 20), **_discharge(date(2023, 3, 20), "other")), "right.psychiatric_discharge"
    )
    assert finding.verdict.value == "met"
    assert LOV_295 not in [reference.citation for reference in finding.references]


def test_psychiatric_right_without_purpose_condition_on_2023_03_31() -> None:
    """Before the 2023 amendment (assumed 2023-04-01) the psychiatric right has no purpose condition: purpose other still gives it."""
    decision = decide_on(date(2023, 3, 31), **_discharge(date(2023, 3, 31), "other"))
    finding = only(decision, "right.psychiatric_discharge")
    assert finding.verdict.value == "met"
    # lov nr. 295/2023 exists from 2023-03-21 and its in-force date is assumed: the reading depends on it,
    # so the amendment is cited as unverified and the decision carries a law.unverified notice.
    cited = {reference.citation: reference.verified for reference in finding.references}
    assert cited[LOV_295] is False
    assert any(n.code == "law.unverified" and LOV_295 in n.message("da") for n in decision.notices)
    # every period is covered by a right without a purpose condition: purpose does not apply
    assert only(decision, "eligibility.purpose").verdict.value == "not_applicable"


def test_psychiatric_right_has_the_purpose_condition_from_2023_04_01() -> None:
    """From 2023-04-01 § 167, stk. 2 requires a stk. 1 purpose: purpose other fails the right, named in facts["failed"]."""
    decision = decide_on(date(2023, 4, 1), **_discharge(date(2023, 4, 1), "other"))
    finding = only(decision, "right.psychiatric_discharge")
    assert finding.verdict.value == "not_met"
    assert "purpose" in finding.facts["failed"]  # type: ignore[operator]
    assert only(decision, "eligibility.purpose").verdict.value == "not_met"


@pytest.mark.parametrize("purpose", ["offer", None])
def test_psychiatric_purpose_condition_met_or_unknown(purpose: str | None) -> None:
    """From 2023-04-01 a statutory purpose keeps the right; an unknown purpose is missing facts naming "purpose"."""
    finding = only(decide_on(date(2024, 6, 1), **_discharge(date(2024, 6, 1), purpose)), "right.psychiatric_discharge")  # type: ignore[arg-type]
    if purpose is None:
        assert (finding.verdict.value, finding.facts["unknown"]) == ("missing_facts", ("purpose",))
    else:
        assert finding.verdict.value == "met"


@pytest.mark.parametrize(
    ("day", "verified"),
    [(date(2023, 4, 1), False), (date(2024, 2, 29), False), (date(2024, 3, 1), True), (date(2026, 12, 31), True)],
)
def test_lov_295_2023_is_unverified_until_lbk_280_2024(day: date, verified: bool) -> None:
    """The psychiatric right cites lov nr. 295/2023 § 1, nr. 10 from 2023-04-01; unverified until 2024-02-29, verified from 2024-03-01."""
    decision = decide_on(day, **_discharge(day, "offer"))
    reference = cited(only(decision, "right.psychiatric_discharge"), LOV_295)
    assert reference.verified is verified
    assert (LOV_295 in unverified_citations(decision)) is not verified


def test_psychiatric_right_cites_the_executive_order() -> None:
    """From 2020 the psychiatric right cites LAB § 167, stk. 2 and the executive order's psychiatric provision."""
    finding = only(decide_on(date(2024, 6, 1), **_discharge(date(2024, 6, 1), "offer")), "right.psychiatric_discharge")
    assert [r.citation for r in finding.references][:2] == ["LAB § 167, stk. 2", "BEK § 128, stk. 1"]


MUNICIPALITY = "lov nr. 1750 af 29. december 2025, § 1, nr. 1 (»jobcenteret« ændres til »kommunen«)"


@pytest.mark.parametrize(("day", "cites"), [(date(2026, 1, 31), False), (date(2026, 2, 1), True)])
def test_eligibility_mentor_cites_lov_1750_2025_from_2026_02_01(day: date, cites: bool) -> None:
    """From 2026-02-01 (assumed) eligibility.mentor also cites lov nr. 1750/2025 (unverified, with a law.unverified notice)."""
    decision = decide_on(day)
    citations = [reference.citation for reference in only(decision, "eligibility.mentor").references]
    assert citations == (["LAB § 168", MUNICIPALITY] if cites else ["LAB § 168"])
    assert (MUNICIPALITY in unverified_citations(decision)) is cites


@pytest.mark.parametrize(
    ("day", "da", "en"),
    [
        (date(2019, 12, 31), "eller jobcenteret har indgået", "or the job centre engaged"),
        (date(2026, 1, 31), "eller jobcenteret har indgået", "or the job centre engaged"),
        (date(2026, 2, 1), "eller kommunen har indgået", "or the municipality engaged"),
    ],
)
def test_authority_wording_follows_lov_1750_2025(day: date, da: str, en: str) -> None:
    """Messages say "jobcenteret" before 2026-02-01 and "kommunen" from then (lov nr. 1750/2025)."""
    consultant = {"name": "Mette Jensen", "employer": "external_consultant", "engaged_by": None}
    finding = only(decide_on(day, mentor=consultant), "eligibility.mentor")
    assert (finding.verdict.value, finding.facts["reason"]) == ("missing_facts", "engager_unknown")
    assert da in finding.message("da")
    assert en in finding.message("en")
    other = "kommunen" if "jobcenteret" in da else "jobcenteret"
    text = finding.message("da").rsplit(" (", 1)[0]  # without the appended citations
    assert other not in text


# --- the law module's own data -------------------------------------------------------------


def test_parameters_are_dated_data_with_their_provision() -> None:
    """The six months, three months and age 30 are parameters with the provision that sets them in each version."""
    old = {p.name: (p.value, p.provision) for p in snapshot_for(date(2018, 1, 1)).parameters()}
    new = {p.name: (p.value, p.provision) for p in snapshot_for(date(2024, 1, 1)).parameters()}
    assert old == {
        "period_months": (6, "LAB § 31 c, stk. 1, 2. pkt."),
        "psychiatric_months_before": (3, "LAB § 31 b, stk. 2"),
        "psychiatric_months_total": (6, "LAB § 31 b, stk. 2"),
        "age_limit": (30, "STAR's guidance (under 30 år)"),
    }
    assert new == {
        "period_months": (6, "LAB § 167, stk. 1, 1. pkt."),
        "psychiatric_months_before": (3, "LAB § 167, stk. 2"),
        "psychiatric_months_total": (6, "LAB § 167, stk. 2"),
        "education_months": (6, "LAB § 167, stk. 3"),
        "age_limit": (30, "LAB § 6, nr. 4 og 5 (under 30 år)"),
    }


def test_snapshot_for_every_epoch_boundary() -> None:
    """snapshot_for returns the epoch holding the date, on its first and last day."""
    for snapshot in SNAPSHOTS:
        assert snapshot_for(snapshot.valid_from) is snapshot
        assert snapshot_for(snapshot.valid_to) is snapshot


def test_law_version_to_dict() -> None:
    """A law version describes itself with id, title and its window as ISO dates."""
    assert law_version_for(date(2024, 1, 1)).to_dict() == {
        "id": "lab-2020",
        "title": "Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. maj 2019), kapitel 26, §§ 167–171",
        "valid_from": "2020-01-01",
        "valid_to": "2026-12-31",
    }


def test_source_section_lookup() -> None:
    """An executive order maps a provision's meaning to its section number; unknown meanings are a KeyError."""
    source = Source(
        designation="BEK x",
        url="https://example.org",
        valid_from=date(2020, 1, 1),
        valid_to=date(2020, 1, 2),
        section_map=(("min_plan", "52"),),
    )
    assert source.section("min_plan") == "52"
    with pytest.raises(KeyError):
        source.section("psychiatric")
