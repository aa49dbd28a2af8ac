"""
Outcomes: verdicts, findings, notices and the decision record.

A :class:`Decision` holds one :class:`Finding` per rule and subject (every
rule of the catalogue appears in every decision, as ``not_applicable`` where it
does not apply), the :class:`Notice` objects that inform without changing a
verdict, the law version and interpretation used, and a fingerprint of the
input.  The aggregate verdict is ``not_met`` if any finding is not met, else
``missing_facts`` if any is, else ``needs_assessment`` if any is, else
``met``; findings that are ``not_applicable`` and the ``right.*`` findings
(which only say whether a right exists) do not enter it.

Findings and notices are immutable named tuples: a decision creates some
twenty of them, and a tuple is the cheapest immutable record Python builds.
Their messages are worded lazily, in Danish (authoritative) or English, by
the registry entry that produced them.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Container, Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import attrs

from mentorrules._version import __version__
from mentorrules.model.amounts import plain_decimal
from mentorrules.model.cpr import looks_like_cpr
from mentorrules.model.references import LegalReference
from mentorrules.model.slots import slot_setters


if TYPE_CHECKING:
    from mentorrules.law.interpretation import Interpretation
    from mentorrules.law.versions import LawVersion
    from mentorrules.model.facts import Case


__all__ = [
    "Decision",
    "FactValue",
    "Finding",
    "Notice",
    "Verdict",
    "aggregate_verdict",
]

#: The values a finding's facts may hold (dates become ISO strings in JSON).
FactValue = str | bool | int | Decimal | date | None | tuple[str, ...]

#: Shared empty facts.
NO_FACTS: Mapping[str, FactValue] = MappingProxyType({})

#: The languages of every text: Danish (authoritative) and English.
LANGUAGES = ("da", "en")


class Verdict(enum.StrEnum):
    """
    The verdict of a rule, and of a decision.

    ``MET`` the condition is fulfilled; ``NOT_MET`` it is not; ``NEEDS_ASSESSMENT``
    the law requires a caseworker's concrete assessment that is not recorded
    (or the interpretation asks to flag an ambiguity); ``MISSING_FACTS`` a fact
    the rule needs is unknown; ``NOT_APPLICABLE`` the rule does not apply.
    """

    MET = "met"
    NOT_MET = "not_met"
    NEEDS_ASSESSMENT = "needs_assessment"
    MISSING_FACTS = "missing_facts"
    NOT_APPLICABLE = "not_applicable"


class Explainer(Protocol):
    """What words a finding's or notice's message: a registry entry."""

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Return the message of ``item`` in ``lang`` (``"da"`` or ``"en"``)."""
        ...


#: The words for the verdicts, by language: the one table every text of the library words a verdict with.
#: A verdict is a str (a :class:`~enum.StrEnum`), so its value (``"met"``) finds the same word.
VERDICT_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                Verdict.MET: "opfyldt",
                Verdict.NOT_MET: "ikke opfyldt",
                Verdict.NEEDS_ASSESSMENT: "kræver vurdering",
                Verdict.MISSING_FACTS: "mangler oplysninger",
                Verdict.NOT_APPLICABLE: "ikke relevant",
            }
        ),
        "en": MappingProxyType(
            {
                Verdict.MET: "met",
                Verdict.NOT_MET: "not met",
                Verdict.NEEDS_ASSESSMENT: "needs assessment",
                Verdict.MISSING_FACTS: "missing facts",
                Verdict.NOT_APPLICABLE: "not applicable",
            }
        ),
    }
)


def check_lang(lang: str) -> None:
    """Raise :class:`ValueError` unless ``lang`` is one of :data:`LANGUAGES` (``"da"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'da' or 'en', not {lang!r}")


def fact_to_json(value: FactValue) -> Any:
    """Return a fact as a JSON value: dates as ISO strings, decimals as exact plain strings (no exponent, no trailing zeros)."""
    kind = type(value)
    if kind is str or kind is bool or value is None or kind is int:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain_decimal(value)  # exact, whatever the caller's decimal context
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def facts_to_json(facts: Mapping[str, FactValue]) -> dict[str, Any]:
    """Return a finding's facts as a JSON object."""
    return {key: fact_to_json(value) for key, value in facts.items()}


#: A string as a JSON string literal, as ``json.dumps(text, ensure_ascii=False)`` writes it.  CPython's C
#: function; it escapes character by character (``"``, ``\\`` and the control characters), so the escaped
#: form of a concatenation is the concatenation of the escaped forms.
_json_string: Callable[[str], str] = json.encoder.encode_basestring


def _json_encoder() -> Callable[[object], str]:
    """
    Return a function that writes JSON text exactly as ``json.dumps(value, ensure_ascii=False)`` does.

    It is CPython's C encoder, configured once, without the check for circular
    containers (JSON values built here never are), and so without state of its
    own; ``json.dumps`` would configure one for every value.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover  # interpreters without the C accelerator
        return encoder.encode
    c_encoder = make(None, encoder.default, _json_string, None, ": ", ", ", False, False, True)
    return lambda value: "".join(c_encoder(value, 0))


#: Writes JSON text exactly as ``json.dumps(value, ensure_ascii=False)`` does.
json_text = _json_encoder()


def references_json(references: tuple[LegalReference, ...]) -> str:
    """Return the JSON text of a list of references (``json.dumps([r.to_dict() ...], ensure_ascii=False)``)."""
    return json_text([reference.to_dict() for reference in references])


def facts_json_text(facts: Mapping[str, FactValue]) -> str:
    """
    Return ``json.dumps(facts_to_json(facts), ensure_ascii=False)``, written without the intermediate dict.

    The common fact types are written here directly, exactly as ``json.dumps`` writes
    them (``true``, ``null``, an int as ``int.__repr__``, a string through
    :data:`_json_string`); a date's ISO form holds only digits and ``-``, so it needs
    no escaping.  Every other value goes through :func:`fact_to_json`.  The C encoder
    (:data:`json_text`) costs some 0.3 µs per item and per call, more than this loop.

    It writes any flat object of JSON values as ``json.dumps`` does (:func:`fact_to_json`
    leaves those unchanged), which :meth:`Decision.to_json` uses for the law and the
    interpretation.
    """
    if not facts:
        return "{}"
    parts = []
    for key, value in facts.items():
        kind = type(value)
        if kind is date:
            parts.append(f'{_json_string(key)}: "{value.isoformat()}"')  # type: ignore[union-attr]
        elif kind is str:
            parts.append(f"{_json_string(key)}: {_json_string(value)}")  # type: ignore[arg-type]
        elif kind is bool:
            parts.append(f"{_json_string(key)}: {'true' if value else 'false'}")
        elif value is None:
            parts.append(f"{_json_string(key)}: null")
        elif kind is int:
            parts.append(f"{_json_string(key)}: {value}")  # json.dumps writes an int as int.__repr__, i.e. str()
        else:
            # A decimal becomes a str (written as json.dumps writes a str), a tuple a list (the C encoder).
            converted = fact_to_json(value)
            parts.append(
                f"{_json_string(key)}: {_json_string(converted) if type(converted) is str else json_text(converted)}"
            )
    return "{" + ", ".join(parts) + "}"


def _verdict_text(verdict: object) -> str:
    """Return a verdict as a repr shows it: its value (``not_met``), or the repr of anything else."""
    return verdict.value if isinstance(verdict, Verdict) else repr(verdict)


class Finding(NamedTuple):
    """
    The outcome of one rule for one subject.

    Attributes:
        rule: The rule id (``"duration.period_length"``).
        verdict: The verdict.
        subject: Path of the fact it is about, indexing the case as given
            (``"periods[1]"``, ``"periods[0].agreement"``), or ``""`` for the
            whole case.
        references: The legal references, never empty.
        facts: The values the rule used, computed ones included (``max_end``).
        explainer: The registry entry that words the message (not part of
            the JSON record).
    """

    rule: str
    verdict: Verdict
    subject: str
    references: tuple[LegalReference, ...]
    facts: Mapping[str, FactValue]
    explainer: Explainer

    def message(self, lang: str = "da") -> str:
        """Return the explanation in Danish (``"da"``, authoritative) or English (``"en"``)."""
        check_lang(lang)
        return self.explainer.message(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of DESIGN section 4."""
        da, en = self._messages()
        return {
            "rule": self.rule,
            "verdict": self.verdict._value_,  # ``.value`` without the Python-level property
            "subject": self.subject,
            "facts": facts_to_json(self.facts),
            "references": [r.to_dict() for r in self.references],
            "message": {"da": da, "en": en},
        }

    def _messages(self) -> tuple[str, str]:
        """Return the Danish and the English message (at once, where the explainer can word both together)."""
        both = getattr(self.explainer, "messages", None)
        return both(self) if both is not None else (self.message("da"), self.message("en"))

    def _plain_json_text(self) -> str:
        """Return ``json.dumps(self.to_dict(), ensure_ascii=False)``, the parts written one by one."""
        da, en = self._messages()
        shared = getattr(self.explainer, "references_json", None)
        references = shared(self.references) if shared is not None else None
        if references is None:
            references = references_json(self.references)
        return (
            f'{{"rule": {_json_string(self.rule)}, "verdict": {_json_string(self.verdict._value_)}, '
            f'"subject": {_json_string(self.subject)}, "facts": {facts_json_text(self.facts)}, '
            f'"references": {references}, "message": {{"da": {_json_string(da)}, "en": {_json_string(en)}}}}}'
        )

    def __repr__(self) -> str:
        """Return ``<Finding rule='...' verdict=... subject='...'>``: what it is about, not its explainer or facts."""
        return f"<Finding rule={self.rule!r} verdict={_verdict_text(self.verdict)} subject={self.subject!r}>"

    def _repr_markdown_(self) -> str:
        from mentorrules import render  # the one upward import (DESIGN section 2): render is above the engine

        return render.finding_markdown(self)

    def _repr_html_(self) -> str:
        from mentorrules import render  # the one upward import (DESIGN section 2): render is above the engine

        return render.finding_html(self)


class Notice(NamedTuple):
    """
    Information that does not change a verdict.

    Codes: ``privacy.identifier_in_text``, ``guidance.conflict``,
    ``law.unverified``, ``law.transition``.

    Attributes:
        code: The notice code.
        subject: The path it is about (``""`` for the whole case).
        references: Legal references (may be empty).
        facts: Values the message uses (never a personal identifier).
        explainer: What words the message.
    """

    code: str
    subject: str
    references: tuple[LegalReference, ...]
    facts: Mapping[str, FactValue]
    explainer: Explainer

    def message(self, lang: str = "da") -> str:
        """Return the explanation in Danish (``"da"``) or English (``"en"``)."""
        check_lang(lang)
        return self.explainer.message(self, lang)

    def __repr__(self) -> str:
        """Return ``<Notice code='...' subject='...'>``: what it is about, not its explainer or facts."""
        return f"<Notice code={self.code!r} subject={self.subject!r}>"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of DESIGN section 4."""
        return {
            "code": self.code,
            "subject": self.subject,
            "message": {"da": self.message("da"), "en": self.message("en")},
            "references": [r.to_dict() for r in self.references],
        }


#: The verdicts that can make a decision worse than ``met``, worst first.
_WORST_FIRST = (Verdict.NOT_MET, Verdict.MISSING_FACTS, Verdict.NEEDS_ASSESSMENT)
_RIGHTS_PREFIX = "right."


#: The verdicts of a right that may still exist (contract 2, C2.11).
_PENDING_RIGHT = frozenset({Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS})


def enters_verdict(finding: Finding) -> bool:
    """Return whether a finding enters the aggregate verdict (not ``not_applicable``, not ``right.*``)."""
    return finding.verdict is not Verdict.NOT_APPLICABLE and not finding.rule.startswith(_RIGHTS_PREFIX)


def worst_verdict(verdicts: Container[Verdict]) -> Verdict:
    """
    Return the aggregate verdict of the verdicts of findings that are not ``right.*`` (DESIGN section 4).

    ``not_met`` if any is not met, else ``missing_facts`` if any is, else
    ``needs_assessment`` if any is, else ``met`` (also when there are none, or
    only ``not_applicable`` ones, which do not enter the verdict).  This is
    the one place the rule is written: :func:`aggregate_verdict` and the
    engine, which gathers the verdicts faster, both end here.
    """
    for verdict in _WORST_FIRST:
        if verdict in verdicts:
            return verdict
    return Verdict.MET


def aggregate_verdict(findings: Iterable[Finding]) -> Verdict:
    """
    Return the aggregate verdict of findings (DESIGN section 4).

    ``not_met`` if any finding that enters the verdict is not met, else
    ``missing_facts`` if any is, else ``needs_assessment`` if any is, else
    ``met`` (also when no finding enters the verdict).  Findings that are
    ``not_applicable`` and the ``right.*`` findings do not enter it
    (:func:`worst_verdict`).
    """
    # A list, not a set: a list of some twenty verdicts is built and searched faster than a set is built.
    return worst_verdict([f.verdict for f in findings if not f.rule.startswith(_RIGHTS_PREFIX)])


@attrs.frozen(kw_only=True)
class Decision:
    """
    The reproducible decision record for one case.

    Attributes:
        case: The case evaluated.
        verdict: The aggregate verdict.
        findings: Every rule's findings, in catalogue order, then by the
            input index of their subject.
        notices: Notices, in the order they were raised.
        law: The law version applied.
        interpretation: The interpretation applied.
        decision_date: The case's decision date.
        library_version: The version of mentorrules that decided.
    """

    case: Case = attrs.field(repr=False)
    verdict: Verdict
    findings: tuple[Finding, ...] = attrs.field(repr=False)
    notices: tuple[Notice, ...] = attrs.field(repr=False)
    law: LawVersion
    interpretation: Interpretation = attrs.field(repr=False)
    decision_date: date
    library_version: str = __version__

    @cached_property
    def fingerprint(self) -> str:
        """
        Return ``"sha256:" + hex`` of the canonical JSON of the input.

        The input is ``{"case": dump_case(case), "interpretation": ..., "law": law id,
        "library": version}``, with keys sorted, separators ``(",", ":")``, UTF-8
        without ASCII escapes and decimals as plain strings, so the same input
        gives the same fingerprint on any machine.
        """
        from mentorrules.model.canonical import _canonical_fingerprint_json  # canonical imports outcomes

        # The canonical text of the payload above, written directly (equal to canonical_json of the dict).
        text = _canonical_fingerprint_json(self.case, self.interpretation.to_dict(), self.law.id, self.library_version)
        return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def unresolved(self) -> tuple[Finding, ...]:
        """
        Return the findings a caseworker must still act on, in catalogue order.

        They are the findings that enter the verdict and are ``not_met``,
        ``needs_assessment`` or ``missing_facts``, and the ``right.*`` findings
        that are ``needs_assessment`` or ``missing_facts`` (a pending right,
        DESIGN section 4, contract 2).
        """
        return tuple(
            f
            for f in self.findings
            if f.verdict is not Verdict.MET
            and (enters_verdict(f) or (f.rule.startswith(_RIGHTS_PREFIX) and f.verdict in _PENDING_RIGHT))
        )

    def findings_for(self, rule: str) -> tuple[Finding, ...]:
        """Return the findings of one rule id, in subject order."""
        return tuple(f for f in self.findings if f.rule == rule)

    def to_dict(self) -> dict[str, Any]:
        """Return the decision record in the JSON shape of DESIGN section 4 (``mentorrules.decision/2``)."""
        return {
            "schema": "mentorrules.decision/2",
            "verdict": self.verdict._value_,  # ``.value`` without the Python-level property
            "decision_date": self.decision_date.isoformat(),
            "law": self.law.to_dict(),
            "interpretation": self.interpretation.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "notices": [n.to_dict() for n in self.notices],
            "library_version": self.library_version,
            "fingerprint": self.fingerprint,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return :meth:`to_dict` as JSON text, byte-identical for the same input on any machine."""
        if indent is not None:
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        # One line (``mentorrules check --format jsonl``): the same text as json.dumps(self.to_dict()), written
        # in parts, the keys in the order of to_dict().  The findings are most of it, each written by the
        # explainer that built it, from text it prepared (an explainer may offer ``write_json``: a rule's view
        # does, see mentorrules.rules._base.RuleView.write_json), else by Finding._plain_json_text.
        # The law and the interpretation are flat objects of strings and booleans: facts_json_text writes them
        # as json.dumps does, and faster than the C encoder, whose cost is mostly per item.
        parts = [
            f'{{"schema": "mentorrules.decision/2", "verdict": {_json_string(self.verdict)}, '
            f'"decision_date": "{self.decision_date.isoformat()}", "law": {facts_json_text(self.law.to_dict())}, '
            f'"interpretation": {facts_json_text(self.interpretation.to_dict())}, "findings": ['
        ]
        # Every part of the line goes into one list and is joined once: a finding's text is not made a
        # string of its own first, nor the findings one string, which would copy the line twice more.
        for finding in self.findings:
            write = getattr(finding.explainer, "write_json", None)
            if write is None or not write(finding, parts):
                parts.append(finding._plain_json_text())
            parts.append(", ")
        if self.findings:
            parts.pop()  # the separator after the last finding
        notices = json_text([n.to_dict() for n in self.notices]) if self.notices else "[]"
        parts.append(
            f'], "notices": {notices}, "library_version": {_json_string(self.library_version)}, '
            f'"fingerprint": {_json_string(self.fingerprint)}}}'
        )
        return "".join(parts)

    def __repr__(self) -> str:
        """
        Return ``<Decision verdict=... law='...' decision_date=... findings=N case_id='...'>``.

        The case's facts are never shown (they may be personal), and the case id
        only when there is one and it does not look like a CPR number (DESIGN
        section 4: such a case id is never shown; it is ``<withheld>``).
        """
        shown = f"<Decision verdict={_verdict_text(self.verdict)} law={self.law.id!r} "
        shown += f"decision_date={self.decision_date.isoformat()} findings={len(self.findings)}"
        case_id = self.case.case_id
        if case_id is not None:
            shown += " case_id=<withheld>" if _case_id_withheld(self, case_id) else f" case_id={case_id!r}"
        return shown + ">"

    def explain(self, lang: str = "da") -> str:
        """Return a readable explanation: verdict, what to resolve, then every finding by family."""
        from mentorrules import render  # the one upward import (DESIGN section 2): render is above the engine

        return render.explain(self, lang)

    def _repr_markdown_(self) -> str:
        from mentorrules import render  # the one upward import (DESIGN section 2): render is above the engine

        return render.decision_markdown(self)

    def _repr_html_(self) -> str:
        from mentorrules import render  # the one upward import (DESIGN section 2): render is above the engine

        return render.decision_html(self)


def _case_id_withheld(decision: Decision, case_id: str) -> bool:
    """
    Return whether a decision's case id must not be shown: it looks like a CPR number.

    A ``privacy.identifier_in_text`` notice on ``case_id`` says so (what
    :func:`mentorrules.engine.notices.case_id_withheld` reads); the case id is
    also judged here, so that a decision built by hand, without its notices,
    never shows one either.
    """
    return looks_like_cpr(case_id) or any(
        n.code == "privacy.identifier_in_text" and n.subject == "case_id" for n in decision.notices
    )


#: The setters of Decision's slots, in attribute order (see mentorrules.model.slots).
_DECISION_SETTERS: tuple[Callable[[Decision, Any], None], ...] = slot_setters(Decision)


def new_decision(
    case: Case,
    verdict: Verdict,
    findings: tuple[Finding, ...],
    notices: tuple[Notice, ...],
    law: LawVersion,
    interpretation: Interpretation,
) -> Decision:
    """
    Return ``Decision(case=case, verdict=verdict, ...)`` with the case's decision date and this library's version.

    The engine builds one decision per evaluation; this builds the same object as the class does (its
    ``__init__`` only stores the arguments, checking nothing) without the keyword handling, at about half
    the cost.  A test checks that the two are equal field by field.
    """
    decision: Decision = object.__new__(Decision)
    set_case, set_verdict, set_findings, set_notices, set_law, set_interpretation, set_date, set_version = (
        _DECISION_SETTERS
    )
    set_case(decision, case)
    set_verdict(decision, verdict)
    set_findings(decision, findings)
    set_notices(decision, notices)
    set_law(decision, law)
    set_interpretation(decision, interpretation)
    set_date(decision, case.decision_date)
    set_version(decision, __version__)
    return decision
