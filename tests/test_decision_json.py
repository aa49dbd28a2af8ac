"""
The one-line JSON of a decision is ``json.dumps(decision.to_dict(), ensure_ascii=False)``, byte for byte.

``Decision.to_json(indent=None)`` (what ``mentorrules check --format jsonl`` writes)
does not build the dict: each registry view writes its findings from JSON text it
prepared once (``RuleView.write_json``), with the templates' literal text escaped
ahead and only the facts' words escaped per finding.  These tests show that this
gives the text ``json.dumps`` gives, for every template of every view with every
kind of fact value, for generated cases under every interpretation, and for the
findings the prepared text does not cover (which take the plain way); and that
``to_dict()`` still means what it meant: messages are the template filled with the
facts' words (:func:`~mentorrules.model.words.display`), the title and the law
version's vocabulary, with the citations appended.

Nothing here is timed.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mentorrules
from builders import complete_case_data
from mentorrules import (
    CaseError,
    Decision,
    Finding,
    Interpretation,
    LegalReference,
    Notice,
    UnsupportedDateError,
    evaluate,
    load_case,
)
from mentorrules.engine.evaluate import all_views
from mentorrules.engine.notices import NOTICE_TEXTS
from mentorrules.law.versions import SNAPSHOTS
from mentorrules.model.outcomes import FactValue, Verdict, facts_json_text, facts_to_json, json_text
from mentorrules.model.words import LABELS, display
from mentorrules.rules._base import (
    AMBIGUOUS_DATES,
    AMBIGUOUS_TEMPLATE,
    PENDING,
    PENDING_TEMPLATE,
    Rule,
    RuleView,
    vocabulary,
)
from mentorrules.testing import cases, interpretations


VIEWS = tuple(view for _, views in all_views() for view in views.values())
FORMATTER = string.Formatter()
REFERENCE = LegalReference(
    act="LAB",
    section="167",
    subsection=2,
    source="LBK nr. 280 af 1. marts 2024",
    url="https://www.retsinformation.dk/eli/lta/2024/280",
)


class Shout(str):
    """A str subclass whose str() differs from its text (str.format puts in str() for a subclass)."""

    __slots__ = ()

    def __str__(self) -> str:
        return self.upper()


class Level(IntEnum):
    """An int enum: its facts are written by value."""

    HIGH = 3


#: Texts JSON must escape, or that look like format fields, or are not Latin-1.
TRICKY_TEXTS = (
    'a "quoted" \\ back\\slash /',
    "line\nbreak\r\ttab \x00 \x1f \x7f",
    "braces {x} {{y}} } {",
    "æøå » § – \u2028 \u2029 \U0001f600 \ud800",
    "",
)
#: Fact values of every kind a message may word, besides the tricky texts.
OTHER_VALUES: tuple[object, ...] = (
    date(2024, 2, 29),
    datetime(2024, 2, 29, 12, 30),
    True,
    False,
    None,
    0,
    -17,
    Level.HIGH,
    Decimal("7.50"),
    Decimal("0"),
    Decimal("-1E+2"),
    0.5,
    (),
    ("offer", 'x"y', "purpose"),
    Verdict.MET,
    Verdict.NEEDS_ASSESSMENT,
    Shout("loud"),
    "offer",  # a code with words (LABELS)
    "periods[1]",
)


def fact_names(texts: tuple[str, str], view: RuleView) -> list[str]:
    """The facts the two templates use (not the title and vocabulary the view puts in)."""
    words = {"title", *vocabulary(view.snapshot, "da")}
    names = {name for text in texts for _, name, _, _ in FORMATTER.parse(text) if name and name not in words}
    return sorted(names)


def keys_of(view: RuleView) -> Iterator[tuple[Verdict, str, tuple[str, str]]]:
    """Every (verdict, reason) key a finding of the view may take, with its two templates."""
    for verdict in Verdict:
        for reason in ("", *sorted({key.partition("/")[2].partition("@")[0] for key in view.rule.texts})):
            if reason == AMBIGUOUS_DATES:
                continue
            try:
                texts = (view.template(verdict, reason, "da"), view.template(verdict, reason, "en"))
            except KeyError:
                continue  # the rule gives no such verdict
            yield verdict, reason, texts
    yield Verdict.NEEDS_ASSESSMENT, AMBIGUOUS_DATES, AMBIGUOUS_TEMPLATE


# --- the meaning of to_dict(), written out plainly ---------------------------------


def plain_fact(value: object) -> object:
    """A fact as JSON: dates in ISO form, decimals as plain strings, tuples as lists, enums by value."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, (Verdict, Level)):
        return value.value
    return value


def plain_message(finding: Finding, lang: str) -> str:
    """The message as DESIGN section 4 and the registry describe it: the template filled in, the citations appended."""
    view = finding.explainer
    assert isinstance(view, RuleView)
    reason = finding.facts.get("reason")
    if reason == AMBIGUOUS_DATES:
        template = AMBIGUOUS_TEMPLATE[0 if lang == "da" else 1]
    elif PENDING in finding.facts:  # (contract 2) a finding waiting on a pending right
        template = PENDING_TEMPLATE[0 if lang == "da" else 1]
    else:
        template = view.template(finding.verdict, reason if isinstance(reason, str) else "", lang)
    # The title as the law version words it (agreement.written is "Registrering i »Min Plan«" from 2020).
    words = {**vocabulary(view.snapshot, lang), "title": view.rule.title(lang, view.snapshot.version.id)}
    values = {
        name: display(finding.facts.get(name), lang)
        for _, name, _, _ in FORMATTER.parse(template)
        if name and name not in words
    }
    citations = "; ".join(reference.citation for reference in finding.references)
    return f"{template.format_map({**values, **words})} ({citations})"


def plain_finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "verdict": str(finding.verdict.value),
        "subject": finding.subject,
        "facts": {key: plain_fact(value) for key, value in finding.facts.items()},
        "references": [reference.to_dict() for reference in finding.references],
        "message": {"da": plain_message(finding, "da"), "en": plain_message(finding, "en")},
    }


def plain_notice(notice: Notice) -> dict[str, Any]:
    def message(lang: str) -> str:
        texts = NOTICE_TEXTS.get(f"{notice.code}/{notice.facts.get('reason')}") or NOTICE_TEXTS[notice.code]
        text = texts[0 if lang == "da" else 1]
        text = text.format_map({key: display(value, lang) for key, value in notice.facts.items()})
        if notice.references:
            text += " (" + "; ".join(reference.citation for reference in notice.references) + ")"
        return text

    return {
        "code": notice.code,
        "subject": notice.subject,
        "message": {"da": message("da"), "en": message("en")},
        "references": [reference.to_dict() for reference in notice.references],
    }


def plain_decision(decision: Decision) -> dict[str, Any]:
    return {
        "schema": "mentorrules.decision/2",
        "verdict": str(decision.verdict.value),
        "decision_date": decision.decision_date.isoformat(),
        "law": decision.law.to_dict(),
        "interpretation": decision.interpretation.to_dict(),
        "findings": [plain_finding(finding) for finding in decision.findings],
        "notices": [plain_notice(notice) for notice in decision.notices],
        "library_version": decision.library_version,
        "fingerprint": decision.fingerprint,
    }


def one_line(item: Finding | Decision) -> str:
    return json.dumps(item.to_dict(), ensure_ascii=False)


#: A decision to write findings in: :func:`written` puts each in it alone.
_HOST = evaluate(load_case({"decision_date": "2024-02-20", "periods": [{"start": "2024-03-01", "end": "2024-08-31"}]}))
_FINDINGS_OPEN = '"findings": ['
_FINDINGS_CLOSE = '], "notices": [], '


def written(*findings: Finding) -> str:
    """
    Return the text of ``findings`` as :meth:`Decision.to_json` writes them on one line (``indent=None``).

    The findings stand in a decision without notices; their text is what lies between the
    decision's ``"findings": [`` and ``], "notices": []``, each finding's separated by
    ``", "`` (a JSON string escapes every ``"``, so neither marker can occur inside a
    finding's strings, and the last ``], "notices"`` is the decision's own).
    """
    line = attrs.evolve(_HOST, findings=findings, notices=()).to_json(indent=None)
    return line[line.index(_FINDINGS_OPEN) + len(_FINDINGS_OPEN) : line.rindex(_FINDINGS_CLOSE)]


# --- every template of every view ----------------------------------------------------


def test_every_template_of_every_view_is_prepared_and_written_as_json_dumps_writes_it() -> None:
    """Every view x key x reference variant, the facts it names set to each kind of value: the prepared path."""
    checked = 0
    for view in VIEWS:
        prepared = view._prepare_json()
        for verdict, reason, texts in keys_of(view):
            names = fact_names(texts, view)
            for references in view.references.values():
                # Every key a finding can reach has prepared text, so no registry finding takes the plain way.
                table = prepared[id(references)]
                assert (verdict, reason) in table or (verdict, "") in table
                batch = []
                for value in (*TRICKY_TEXTS, *OTHER_VALUES):
                    facts: dict[str, Any] = dict.fromkeys(names, value)
                    if reason:
                        facts["reason"] = reason
                    finding = Finding(view.id, verdict, "periods[0]", references, MappingProxyType(facts), view)
                    assert finding.to_dict() == plain_finding(finding)
                    batch.append(finding)
                # Written together, in one decision: its fingerprint is computed once for the batch.
                assert written(*batch) == ", ".join(map(one_line, batch)), (view.id, verdict, reason)
                checked += len(batch)
    assert checked > 20_000


def test_facts_the_templates_do_not_name_are_written_and_missing_ones_worded_as_unknown() -> None:
    view = VIEWS[-1]
    verdict, _, _ = next(keys_of(view))
    references = next(iter(view.references.values()))
    variety: dict[str, Any] = {"extra": 'x "y"', "when": date(2024, 1, 1), "amount": Decimal("1.50")}
    for facts in ({}, variety):
        finding = Finding(view.id, verdict, "", references, MappingProxyType(facts), view)
        assert written(finding) == one_line(finding)
        assert finding.to_dict() == plain_finding(finding)


FACT_VALUES: st.SearchStrategy[object] = st.one_of(
    st.text(),
    st.sampled_from((*TRICKY_TEXTS, *OTHER_VALUES)),
    st.dates(),
    st.booleans(),
    st.none(),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9),
    st.lists(st.one_of(st.text(max_size=4), st.sampled_from(tuple(LABELS))), max_size=3).map(tuple),
    st.sampled_from(Verdict),
    st.sampled_from(tuple(LABELS)),
)


@given(st.data())
def test_a_finding_with_any_facts_is_written_as_json_dumps_writes_it(data: st.DataObject) -> None:
    view = data.draw(st.sampled_from(VIEWS))
    verdict, reason, texts = data.draw(st.sampled_from(list(keys_of(view))))
    references = data.draw(st.sampled_from(list(view.references.values())))
    facts: dict[str, Any] = {name: data.draw(FACT_VALUES) for name in fact_names(texts, view)}
    facts.update(data.draw(st.dictionaries(st.text(max_size=6), FACT_VALUES, max_size=3)))
    if reason:
        facts["reason"] = reason
    subject = data.draw(st.one_of(st.just(""), st.text()))
    finding = Finding(view.id, verdict, subject, references, MappingProxyType(facts), view)
    assert written(finding) == one_line(finding)
    assert finding.to_dict() == plain_finding(finding)


# --- the findings the prepared text does not cover --------------------------------------


def _first_finding() -> Finding:
    return evaluate(load_case(complete_case_data())).findings[0]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"rule": "x.other_rule"}, id="another-rule-id"),
        pytest.param({"references": (REFERENCE,)}, id="references-not-a-variant"),
        pytest.param({"facts": MappingProxyType({"reason": AMBIGUOUS_DATES})}, id="ambiguous-reason-other-verdict"),
        pytest.param({"facts": MappingProxyType({"reason": 3})}, id="reason-not-a-string"),
        pytest.param({"facts": MappingProxyType({"reason": "no_such_reason"})}, id="reason-without-template"),
    ],
)
def test_a_finding_the_prepared_text_does_not_cover_is_written_the_plain_way(change: dict[str, Any]) -> None:
    finding = _first_finding()._replace(**change)
    assert written(finding) == one_line(finding)
    assert finding.to_dict() == plain_finding(finding)


def test_a_verdict_without_a_template_fails_alike_both_ways() -> None:
    view = next(view for view in VIEWS if not any(k.startswith("missing_facts") for k in view.rule.texts))
    finding = Finding(view.id, Verdict.MISSING_FACTS, "", view.references[""], MappingProxyType({}), view)
    with pytest.raises(KeyError):
        finding.to_dict()
    with pytest.raises(KeyError):
        written(finding)


def _check(ctx: object, view: RuleView) -> list[Finding]:  # pragma: no cover  # never run
    return []


def prepared_yet(view: RuleView) -> bool:
    return view._json is not None


#: A citation with characters JSON escapes and braces.
ODD_REFERENCE = LegalReference(
    act="LAB",
    text='LAB "kapitel" {9 b} \\ \u2028',
    source="LBK nr. 280 af 1. marts 2024",
    url="https://www.retsinformation.dk/eli/lta/2024/280",
)


def test_a_template_with_a_format_spec_or_conversion_is_not_prepared_and_written_the_plain_way() -> None:
    """
    Literal text, title and citation with quotes, backslashes, braces and line breaks are escaped when prepared;
    str.format would pad or quote a word with a spec or conversion, so such a template takes the plain way.
    No rule of the catalogue has any of these.
    """
    rule = Rule(
        id='x."odd"',
        family="duties",
        per="case",
        title_da='Titel "{x}" \\',
        title_en="Title\n\u2028",
        verdicts=frozenset(Verdict),
        references=lambda snapshot: {"": (REFERENCE,), "odd": (REFERENCE, ODD_REFERENCE)},
        texts={
            "met": ("{count:>5} «{title}»", "{count!r}"),
            "not_met": ("{0}", "{count}"),
            "not_applicable": ('{count} "quoted" \\ {{braces}} }}{{ \n\t{title} {record}', "{{{count}}}{authority}"),
            "missing_facts": ("«{title}» {{x}}", '"{title}"'),
        },
        check=_check,
    )
    view = RuleView(rule, SNAPSHOTS[-1])
    assert not prepared_yet(view)  # prepared on first use
    prepared = view._prepare_json()
    for references in view.references.values():
        assert set(prepared[id(references)]) == {
            (Verdict.NOT_APPLICABLE, ""),
            (Verdict.MISSING_FACTS, ""),
            (Verdict.NEEDS_ASSESSMENT, AMBIGUOUS_DATES),
        }
        for verdict in (Verdict.MET, Verdict.NOT_APPLICABLE, Verdict.MISSING_FACTS):
            for count in ("ab", 'a"{b}"\\', 7):
                facts = MappingProxyType({"count": count})
                finding = Finding(rule.id, verdict, "", references, facts, view)
                assert written(finding) == one_line(finding)
    assert prepared_yet(view)
    assert view._json == view._prepare_json()  # kept from the first use
    positional = Finding(rule.id, Verdict.NOT_MET, "", view.references[""], MappingProxyType({}), view)
    with pytest.raises(ValueError, match="positional"):
        positional.to_dict()
    with pytest.raises(ValueError, match="positional"):
        written(positional)


# --- decisions --------------------------------------------------------------------------


@given(cases(), interpretations())
def test_a_decision_is_written_as_json_dumps_writes_its_dict_which_keeps_its_meaning(
    case: Any, interpretation: Interpretation
) -> None:
    decision = evaluate(case, interpretation=interpretation)
    assert decision.to_json(indent=None) == one_line(decision)
    assert decision.to_dict() == plain_decision(decision)


EXAMPLES = sorted((Path(mentorrules.__file__).parent / "examples").glob("*.json"))


def _documents(shared_cases_dir: Path) -> list[Any]:
    """The bundled examples, the shared scenarios that are valid cases, and a case id that looks like a CPR number."""
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    for path in sorted(shared_cases_dir.glob("*.json")):
        documents.append(json.loads(path.read_text(encoding="utf-8"))["case"])
    documents.append(complete_case_data(case_id="010203-1234"))
    return documents


@pytest.mark.parametrize("ambiguous_dates", ["favour_citizen", "strict", "flag"])
def test_every_registry_finding_of_the_examples_takes_the_prepared_path(
    monkeypatch: pytest.MonkeyPatch, shared_cases_dir: Path, ambiguous_dates: str
) -> None:
    """With the plain way disabled, every example and scenario is still written, as json.dumps writes it."""
    interpretation = Interpretation(ambiguous_dates=ambiguous_dates)
    decisions = []
    for document in _documents(shared_cases_dir):
        try:
            decisions.append(evaluate(load_case(document), interpretation=interpretation))
        except (CaseError, UnsupportedDateError):
            continue  # a scenario of an invalid case
    expected = [one_line(decision) for decision in decisions]

    original = Finding._plain_json_text

    def plain_way(self: Finding) -> str:
        # (contract 2) A finding waiting on a pending right is worded by messages(): the only plain way allowed.
        if PENDING not in self.facts:
            raise AssertionError(f"{self.rule} was written the plain way")
        return original(self)

    monkeypatch.setattr(Finding, "_plain_json_text", plain_way)
    assert [decision.to_json(indent=None) for decision in decisions] == expected
    assert len(decisions) >= 15
    assert any(decision.notices for decision in decisions)
    assert [decision.to_dict() for decision in decisions] == [plain_decision(decision) for decision in decisions]


def test_a_pending_finding_takes_the_plain_way_with_the_pending_text() -> None:
    """(contract 2) A finding marked ``pending`` is not prepared: write_json declines it, and it is written as json.dumps writes it."""
    case = load_case(
        complete_case_data(
            decisive_need=None,
            psychiatric_discharge={"discharge_date": "2024-02-01", "inpatient": True, "psychiatric": True},
        )
    )
    decision = evaluate(case)
    (need,) = decision.findings_for("eligibility.decisive_need")
    assert need.facts[PENDING] == "right.psychiatric_discharge"
    view = need.explainer
    assert isinstance(view, RuleView)
    parts: list[str] = []
    assert view.write_json(need, parts) is False
    assert parts == []
    assert written(need) == one_line(need)
    assert need.to_dict() == plain_finding(need)
    assert need.message("en").startswith(f"{view.title('en')}: the result depends on a statutory right")
    assert decision.to_json(indent=None) == one_line(decision)
    assert decision.to_dict() == plain_decision(decision)


# --- facts --------------------------------------------------------------------------------


@given(st.dictionaries(st.text(max_size=8), FACT_VALUES | st.datetimes() | st.floats(allow_nan=False), max_size=6))
def test_facts_json_text_is_json_dumps_of_facts_to_json(facts: dict[str, FactValue]) -> None:
    expected = json.dumps(facts_to_json(facts), ensure_ascii=False)
    assert facts_json_text(facts) == expected
    assert facts_json_text(MappingProxyType(facts)) == expected
    assert json_text(facts_to_json(facts)) == expected


def test_facts_json_text_writes_flat_objects_of_json_values_as_json_dumps() -> None:
    """Decision.to_json writes the law and the interpretation with it."""
    values: Mapping[str, Any] = {"a": "§ –", "b": True, "c": None, "d": 1, "e": 0.25, "f": [1, "x"], "g": {"h": 1}}
    assert facts_json_text(values) == json.dumps(values, ensure_ascii=False)


def test_a_decision_without_findings_is_written_as_json_dumps_writes_it() -> None:
    """A decision built by hand may hold no finding: the one-line writer then writes an empty list."""
    decision = evaluate(load_case({"decision_date": "2024-02-20"}))
    empty = attrs.evolve(decision, findings=())
    assert empty.to_json(indent=None) == json.dumps(empty.to_dict(), ensure_ascii=False)
    assert '"findings": []' in empty.to_json(indent=None)
