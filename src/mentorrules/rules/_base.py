"""
The rule registry: one uniform interface for every rule.

A rule module declares its rules as :class:`Rule` values: an id, the family,
titles in Danish and English, the verdicts it can give, the legal references
per law version (a function of the :class:`~mentorrules.law.versions.LawSnapshot`) and
the message templates, and a ``check`` function that reads the case through a
:class:`Context` and returns findings.  Nothing registers itself at import:
the catalogue is the tuple of every module's ``RULES``, assembled in
:mod:`mentorrules.rules`, and everything derived from it (one
:class:`RuleView` per rule and epoch of the law, with the references and
templates resolved) is built once at import and never changes (a view's JSON text
of findings, for :meth:`RuleView.write_json`, is prepared on its first use, from the
view alone).

Message templates are keyed by verdict, optionally refined by the finding's
``reason`` fact and by law version: ``"not_met"``, ``"not_met/other"``,
``"met@lab-2014"``, ``"not_met/other@lab-2014"``.  They are :meth:`str.format`
templates over the finding's facts (as JSON values), the rule's title and the
law version's vocabulary (``{record}``, ``{authority}``); the citation is
appended to every message, so no message lacks its source.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from mentorrules.law.dates import period_end_day
from mentorrules.law.versions import LawSnapshot
from mentorrules.model.outcomes import (
    NO_FACTS,
    FactValue,
    Finding,
    Notice,
    Verdict,
    _json_string,
    facts_json_text,
    references_json,
)
from mentorrules.model.references import LegalReference
from mentorrules.model.words import LABELS, display
from mentorrules.rules._common import support_to
from mentorrules.rules._coverage import NO_COVERAGE, Coverage, Window


if TYPE_CHECKING:
    from mentorrules.law.interpretation import AmbiguousDates, Interpretation
    from mentorrules.model.facts import Case, Period
    from mentorrules.model.outcomes import Explainer


__all__ = ["Context", "Rule", "RuleView", "Texts", "period_subject", "record_subject", "vocabulary"]

#: (da, en) message templates keyed by "verdict[/reason][@law]".
Texts = Mapping[str, tuple[str, str]]
#: Reference variants of a rule for one snapshot: key "" is the default.
ReferenceSets = Mapping[str, tuple[LegalReference, ...]]
#: A rule's check: read the context, return the findings (one per subject).
Check = Callable[["Context", "RuleView"], list[Finding]]
#: A right's windows: the coverage the known facts allow, as if the right were met (several where an
#: unknown fact leaves several possible: each is tried on its own).
Windows = Callable[["Context"], tuple[Window, ...]]


def vocabulary(snapshot: LawSnapshot, lang: str) -> dict[str, str]:
    """Return the words that differ between law versions, for message templates."""
    if lang == "da":
        return {
            "record": "den skriftlige aftale" if snapshot.is_2014 else "»Min Plan«",
            "authority": "kommunen" if snapshot.municipality_wording else "jobcenteret",
        }
    return {
        "record": "the written agreement" if snapshot.is_2014 else "»Min Plan« (the person's plan)",
        "authority": "the municipality" if snapshot.municipality_wording else "the job centre",
    }


@attrs.frozen(kw_only=True)
class Rule:
    """
    A rule of the catalogue.

    Attributes:
        id: Stable rule id (``"duration.period_length"``), part of the contract.
        family: The rule family (``"eligibility"``, ``"duties"``, ``"duration"``,
            ``"right"``, ``"agreement"``).
        per: ``"case"`` or ``"period"``.
        title_da: Title in Danish.
        title_en: Title in English.
        verdicts: The verdicts the rule can give.
        references: The legal references per law snapshot (variants by key).
        texts: Message templates.
        check: The rule function.
        windows: For a right, the windows it covers as if it were met (the
            engine computes the coverage from them before the other rules run).
        titles: Titles that differ by law version: law id to (Danish, English).
    """

    id: str
    family: str
    per: str
    title_da: str
    title_en: str
    verdicts: frozenset[Verdict]
    references: Callable[[LawSnapshot], ReferenceSets]
    texts: Texts
    check: Check
    windows: Windows | None = None
    titles: Mapping[str, tuple[str, str]] = attrs.field(factory=lambda: MappingProxyType({}))

    def title(self, lang: str, law_id: str | None = None) -> str:
        """Return the title in ``lang``, as worded in the law version ``law_id`` where it differs there."""
        own = self.titles.get(law_id) if law_id is not None else None
        if own is not None:
            return own[0] if lang == "da" else own[1]
        return self.title_da if lang == "da" else self.title_en


def _resolve_texts(texts: Texts, law_id: str) -> Mapping[tuple[Verdict, str], tuple[str, str]]:
    resolved: dict[tuple[Verdict, str], tuple[str, str]] = {}
    for key in sorted(texts, key=lambda k: "@" in k):  # law-specific keys override general ones
        base, _, law = key.partition("@")
        if law and law != law_id:
            continue
        verdict, _, reason = base.partition("/")
        resolved[(Verdict(verdict), reason)] = texts[key]
    return MappingProxyType(resolved)


class RuleView:
    """
    A rule resolved for one epoch of the law: references and templates at hand.

    It builds the rule's findings (:meth:`finding`), words their messages
    (:meth:`message`) and writes their JSON for one-line decisions
    (:meth:`write_json`).  Views are built once at import and shared.
    """

    __slots__ = (
        "_citations",
        "_fields",
        "_json",
        "_references_json",
        "_static",
        "_templates",
        "_variants",
        "_vocab",
        "_words",
        "cites_unverified",
        "id",
        "references",
        "rule",
        "snapshot",
    )

    def __init__(self, rule: Rule, snapshot: LawSnapshot) -> None:
        self.rule = rule
        self.id = rule.id
        self.snapshot = snapshot
        self.references: ReferenceSets = MappingProxyType(dict(rule.references(snapshot)))
        # The same variants in a plain dict, which finding() reads faster than the read-only view.
        self._variants: dict[str, tuple[LegalReference, ...]] = dict(self.references)
        #: Whether any reference of any variant is unverified (a fast test for the law.unverified notice).
        self.cites_unverified = any(not r.verified for refs in self.references.values() for r in refs)
        self._templates = _resolve_texts(rule.texts, snapshot.version.id)
        self._vocab = MappingProxyType({lang: vocabulary(snapshot, lang) for lang in ("da", "en")})
        # What every message template of the view may use besides facts: the vocabulary and the title, per language.
        self._words = (
            MappingProxyType({**self._vocab["da"], "title": rule.title("da", snapshot.version.id)}),
            MappingProxyType({**self._vocab["en"], "title": rule.title("en", snapshot.version.id)}),
        )
        # Precomputed once: the citation text of each reference variant (keyed by the identity of its
        # tuple, which the view holds for its whole life), and the messages whose templates use no fact.
        self._citations = MappingProxyType(
            {id(refs): "; ".join(r.citation for r in refs) for refs in self.references.values()}
        )
        self._references_json = MappingProxyType({id(refs): references_json(refs) for refs in self.references.values()})
        self._static = MappingProxyType({key: self._static_texts(texts) for key, texts in self._templates.items()})
        # The fact names each template uses, so that only those facts are worded.
        self._fields = MappingProxyType(
            {
                text: tuple({name for _, name, _, _ in _FORMATTER.parse(text) if name} - {"title", *self._vocab["da"]})
                for texts in (*self._templates.values(), AMBIGUOUS_TEMPLATE, PENDING_TEMPLATE)
                for text in texts
            }
        )
        # The JSON text of the view's findings, prepared on the first write_json() (see _prepare_json).
        self._json: Mapping[int, Mapping[tuple[Verdict, str], _JsonEntry]] | None = None

    def title(self, lang: str) -> str:
        """Return the rule's title in ``lang`` as worded in this view's law version."""
        return self.rule.title(lang, self.snapshot.version.id)

    def _static_texts(self, texts: tuple[str, str]) -> tuple[str, str] | None:
        """Return both texts worded, if their templates use no fact (only title and vocabulary)."""
        words = {"title", *self._vocab["da"]}
        if any(name not in words for text in texts for _, name, _, _ in _FORMATTER.parse(text) if name is not None):
            return None
        return (texts[0].format_map(self._words[0]), texts[1].format_map(self._words[1]))

    def _prepare_json(self) -> Mapping[int, Mapping[tuple[Verdict, str], _JsonEntry]]:
        """
        Return the JSON text of this view's findings, prepared in parts (see :meth:`write_json`).

        For each reference variant (keyed by the identity of its tuple, as the citations
        are), for each (verdict, reason) key, a :data:`_JsonEntry`.  A template whose
        reason is ``ambiguous_dates`` is never used (:meth:`messages` gives such findings
        the AMBIGUOUS_TEMPLATE), so it gets no entry; the AMBIGUOUS_TEMPLATE gets one for
        ``needs_assessment``, the only verdict ``flag`` gives it.

        This is done on first use rather than in ``__init__``: for the 208 views it takes
        some 13 ms, which would add a tenth to ``import mentorrules`` (DESIGN section 10),
        while a run uses few of the views.  It depends on nothing but the view, so two
        threads preparing it at once make equal tables, and either may be kept.
        """
        keyed = {key: texts for key, texts in self._templates.items() if key[1] != AMBIGUOUS_DATES}
        keyed[(Verdict.NEEDS_ASSESSMENT, AMBIGUOUS_DATES)] = AMBIGUOUS_TEMPLATE
        messages = {key: _json_message(texts, self._words) for key, texts in keyed.items()}
        heads = {
            verdict: f'{{"rule": {_json_string(self.id)}, "verdict": {_json_string(verdict.value)}, "subject": '
            for verdict in {verdict for verdict, _ in keyed}
        }
        return MappingProxyType(
            {
                id(refs): MappingProxyType(
                    {
                        key: _json_entry(
                            heads[key[0]],
                            f', "references": {self._references_json[id(refs)]}, "message": {{"da": "',
                            _escaped(f" ({self._citations[id(refs)]})"),
                            message,
                        )
                        for key, message in messages.items()
                        if message is not None
                    }
                )
                for refs in self.references.values()
            }
        )

    def write_json(self, finding: Finding, parts: list[str]) -> bool:
        """
        Append the parts of ``json.dumps(finding.to_dict(), ensure_ascii=False)`` to ``parts``; return whether it did.

        The text is the prepared entry of the finding's references and (verdict, reason)
        key, with the subject, the facts and, where the messages use facts, the facts
        worded as :meth:`messages` words them and JSON-escaped, put in.  A finding the
        entries do not cover (another rule id, references that are not one of this
        view's variants, a key without an entry) is left to the caller: nothing is
        appended and the answer is False.  Appending to the caller's list, rather than
        returning a string, lets a decision write its whole line with one join.
        """
        facts = finding.facts
        if PENDING in facts and facts.get("reason") != AMBIGUOUS_DATES:  # worded by messages(), not prepared
            return False
        tables = self._json
        if tables is None:
            tables = self._json = self._prepare_json()
        table = tables.get(id(finding.references))
        entry = None
        if table is not None and finding.rule == self.id:
            # The template lookup of messages(): the AMBIGUOUS_TEMPLATE first, then the reason's own
            # template, then the verdict's general one.
            reason = facts.get("reason")
            verdict = finding.verdict
            if reason is None:  # most findings
                entry = table.get((verdict, ""))
            elif reason == AMBIGUOUS_DATES:
                entry = table.get((verdict, AMBIGUOUS_DATES))
            else:
                entry = table.get((verdict, reason if isinstance(reason, str) else "")) or table.get((verdict, ""))
        if entry is None:
            return False
        head, fields, end = entry
        parts += (head, _json_string(finding.subject), ', "facts": ', facts_json_text(facts))
        for literal, name, lang, words in fields:  # none when the messages use no fact: the end holds them
            parts.append(literal)
            value = facts.get(name)
            # What messages() puts in for the fact, JSON-escaped (without the quotes).  The common kinds are
            # worded here as display() words them, the rest by display() itself.
            kind = type(value)
            if kind is date:
                parts.append(value.isoformat())  # type: ignore[union-attr]  # digits and "-": nothing to escape
            elif kind is str or kind is bool or value is None:
                # A code's word, ja/nej, ukendt: escaped at import; any other string: escaped now.
                known = words.get(value)
                parts.append(_escaped(value) if known is None else known)  # type: ignore[arg-type]  # a str
            elif kind is int:
                parts.append(str(value))  # display() gives the int, which str.format writes as str() does
            else:
                # str.format puts in format(word, "") for a field without spec or conversion.
                word = display(value, lang)
                parts.append(_escaped(word if type(word) is str else format(word, "")))
        parts.append(end)
        return True

    def finding(
        self,
        verdict: Verdict,
        subject: str,
        facts: Mapping[str, FactValue] = NO_FACTS,
        variant: str = "",
    ) -> Finding:
        """
        Return a finding of this rule about ``subject``: the one way a rule module writes a finding.

        The finding cites the references of ``variant``, a key of :attr:`references`
        (``""``, the default, or a variant the rule declares for some of its findings, such
        as the hours set per place that cite § 169, stk. 4 as well).  ``facts`` are kept
        as given: a rule writes them afresh where it decides.
        """
        return new_tuple(Finding, (self.id, verdict, subject, self._variants[variant], facts, self))

    def references_json(self, references: tuple[LegalReference, ...]) -> str | None:
        """Return the JSON text of a finding's references if they are one of this view's variants, else None."""
        return self._references_json.get(id(references))

    def template(self, verdict: Verdict, reason: str, lang: str) -> str:
        """Return the template for a verdict and reason (falling back to the verdict's general text)."""
        texts = self._templates.get((verdict, reason)) or self._templates[(verdict, "")]
        return texts[0] if lang == "da" else texts[1]

    def message(self, item: Finding | Notice, lang: str) -> str:
        """Word a finding's message; the citation is appended."""
        return self.messages(item)[0 if lang == "da" else 1]

    def messages(self, item: Finding | Notice) -> tuple[str, str]:
        """Word a finding's message in Danish and English at once (what ``to_dict`` needs)."""
        assert isinstance(item, Finding)
        facts = item.facts
        reason = facts.get("reason")
        citation = self._citations.get(id(item.references))
        if citation is None:  # references not from this view's variants (a combined or hand-made finding)
            citation = "; ".join(r.citation for r in item.references)
        if reason == AMBIGUOUS_DATES:
            templates = AMBIGUOUS_TEMPLATE
        elif PENDING in facts:
            templates = PENDING_TEMPLATE
        else:
            key = (item.verdict, reason if isinstance(reason, str) else "")
            if key not in self._templates:
                key = (item.verdict, "")
            static = self._static[key]
            if static is not None:
                return f"{static[0]} ({citation})", f"{static[1]} ({citation})"
            templates = self._templates[key]
        da, en = templates
        da_args: dict[str, object] = dict(self._words[0])
        for name in self._fields[da]:
            value = facts.get(name)
            da_args[name] = value.isoformat() if type(value) is date else display(value, "da")
        en_args: dict[str, object] = dict(self._words[1])
        for name in self._fields[en]:
            value = facts.get(name)
            en_args[name] = value.isoformat() if type(value) is date else display(value, "en")
        return f"{da.format_map(da_args)} ({citation})", f"{en.format_map(en_args)} ({citation})"


_FORMATTER = string.Formatter()

#: A fact a message uses: its name, the language, and the JSON-escaped words of the common values (_JSON_WORDS).
_Field = tuple[str, str, Mapping[object, str]]
#: A finding's JSON, prepared (see RuleView.write_json): the text up to the subject; for each fact the
#: messages use, in order, the text before it and the fact (_Field); the rest of the text.
_JsonEntry = tuple[str, tuple[tuple[str, str, str, Mapping[object, str]], ...], str]
#: The two messages of a key, JSON-escaped (see _json_message): literal texts, and between each two of them
#: a slot: a fact, or None where the citation goes.
_JsonMessage = tuple[tuple[str, ...], tuple[_Field | None, ...]]


def _escaped(text: str) -> str:
    """Return ``text`` JSON-escaped, without the quotes."""
    return _json_string(text)[1:-1]


def _json_message(texts: tuple[str, str], words: tuple[Mapping[str, str], Mapping[str, str]]) -> _JsonMessage | None:
    """
    Return the two messages of ``texts`` (Danish, English) as JSON-escaped literal texts and slots.

    The result reads: the Danish message, the citation, ``", "en": "``, the English
    message, the citation.  JSON escaping works character by character, so an escaped
    message is its template's escaped literal text with the escaped words put in.  The
    literal text (the parser has already turned ``{{`` and ``}}`` into braces) is
    escaped now, and so are the words of the view (title and vocabulary), which are
    the same whatever the facts hold, as in :meth:`RuleView.messages`; each fact
    becomes a slot, its word put in by :meth:`RuleView.write_json`.  None where a
    field has a format spec or a conversion, or a name that is not a plain identifier
    (str.format would then put in something else than the word); no template does.
    """
    literals: list[str] = []
    slots: list[_Field | None] = []
    literal: list[str] = []  # the literal text since the last slot
    for lang, template, view_words in (("da", texts[0], words[0]), ("en", texts[1], words[1])):
        if lang == "en":
            literal.append('", "en": "')
        # The escaped template parses as the template does, with escaped literal text: escaping leaves the
        # braces alone, and turns no character into a brace; a name that is an identifier has nothing to escape.
        for text, name, spec, conversion in _FORMATTER.parse(_escaped(template)):
            literal.append(text)
            if name is None:
                continue
            if spec or conversion is not None or not name.isidentifier():
                return None
            if name in view_words:
                literal.append(_escaped(view_words[name]))
            else:
                literals.append("".join(literal))
                slots.append((name, lang, _JSON_WORDS[lang]))
                literal = []
        literals.append("".join(literal))
        slots.append(None)  # the citation
        literal = []
    literals.append("")
    return tuple(literals), tuple(slots)


def _json_entry(head: str, references: str, cited: str, message: _JsonMessage) -> _JsonEntry:
    """
    Return a finding's prepared JSON (see RuleView.write_json).

    ``head`` is the text up to the subject, ``references`` the text from the end of the
    facts to the Danish message, ``cited`` the citation as it ends a message, JSON-escaped.
    """
    literals, slots = message
    fields: list[tuple[str, str, str, Mapping[object, str]]] = []
    text = references + literals[0]
    for slot, literal in zip(slots, literals[1:], strict=True):
        if slot is None:
            text += cited + literal
        else:
            fields.append((text, *slot))
            text = literal
    return head, tuple(fields), f'{text}"}}}}'


#: The fact naming the pending right that a finding waits on (DESIGN section 5, C2.11).
PENDING = "pending"
PENDING_TEMPLATE = (
    "{title}: resultatet afhænger af en lovbestemt ret, som endnu ikke er afklaret: {pending}. Er retten "
    "opfyldt, dækker den perioderne, og så ændres resultatet; uden retten er det: {verdict_without_right}. "
    "Afklar retten først.",
    "{title}: the result depends on a statutory right that is not yet resolved: {pending}. If the right is met, it "
    "covers the periods and the result changes; without the right it is: {verdict_without_right}. Resolve the right "
    "first.",
)
#: The reason fact of a finding that ``flag`` turned into ``needs_assessment``.
AMBIGUOUS_DATES = "ambiguous_dates"
AMBIGUOUS_TEMPLATE = (
    "{title}: de to læsninger af datoberegningen giver forskellige resultater (til borgerens fordel: "
    "{verdict_favour_citizen}; den strikse læsning: {verdict_strict}), fordi en dato ikke findes i måneden "
    "(f.eks. 31. august + 6 måneder eller en fødselsdag den 29. februar). Sagsbehandleren må tage stilling.",
    "{title}: the two readings of the date computation give different results (favouring the citizen: "
    "{verdict_favour_citizen}; strict: {verdict_strict}), because a day does not exist in the month (e.g. 31 August "
    "+ 6 months, or a birthday on 29 February). The caseworker must decide.",
)


def _json_words(lang: str) -> Mapping[object, str]:
    """
    Return what :func:`display` gives for the codes of :data:`LABELS`, ``True``, ``False`` and ``None``, JSON-escaped.

    For RuleView.write_json, which looks a fact up here only when it is a str, a bool
    or None: ``True`` equals ``1`` as a key, but an int is never looked up.
    """
    words: list[tuple[object, object]] = [(code, display(code, lang)) for code in LABELS]
    words += [(value, display(value, lang)) for value in (True, False, None)]
    return MappingProxyType({key: _escaped(str(word)) for key, word in words})


#: ``tuple.__new__``: ``new_tuple(Finding, fields)`` is the finding ``Finding(*fields)`` (the six fields in
#: order), built without the Python-level ``__new__`` a named tuple generates: a decision builds some twenty
#: findings, and this saves about 0.1 µs on each.  Only :meth:`RuleView.finding` builds findings this way.
new_tuple = tuple.__new__

#: The subjects of the first 32 periods and of their records, worded once (a case rarely has more periods).
_WORDED = 32
_PERIOD_SUBJECTS = tuple(f"periods[{index}]" for index in range(_WORDED))
_RECORD_SUBJECTS = tuple(f"periods[{index}].agreement" for index in range(_WORDED))


def period_subject(index: int) -> str:
    """Return the subject path of the period at input index ``index``: ``"periods[1]"``."""
    if index < _WORDED:
        return _PERIOD_SUBJECTS[index]
    return f"periods[{index}]"


def record_subject(index: int) -> str:
    """Return the subject path of the written record of the period at input index ``index``: ``"periods[1].agreement"``."""
    if index < _WORDED:
        return _RECORD_SUBJECTS[index]
    return f"periods[{index}].agreement"


class Context:
    """
    What the rules read while one case is evaluated.

    Attributes:
        case: The case.
        interpretation: The interpretation applied.
        snapshot: The law in force on the law date.
        periods: ``(input index, period)`` pairs sorted by start (ties keep
            input order).
        mode: The reading of the month arithmetic in this run.
        strict: Whether ``mode`` is the strict reading.
        coverage: Which periods the rights cover (computed by the engine
            before the rules that read it run; see :mod:`mentorrules.rules._coverage`).
        support_to: Who receives the support (:func:`~mentorrules.rules._common.support_to`
            of the case), read once for the rules that ask.
        period_subjects: The subject path of each period, by input index (:func:`period_subject`).
        record_subjects: The subject path of each period's written record, by input index
            (:func:`record_subject`).
        notices: Notices raised by the rules.
    """

    __slots__ = (
        "case",
        "coverage",
        "interpretation",
        "mode",
        "notice_explainer",
        "notices",
        "own_ends",
        "period_subjects",
        "periods",
        "record_subjects",
        "snapshot",
        "strict",
        "support_to",
    )

    def __init__(
        self,
        case: Case,
        interpretation: Interpretation,
        snapshot: LawSnapshot,
        periods: tuple[tuple[int, Period], ...],
        mode: AmbiguousDates,
        notice_explainer: Explainer,
    ) -> None:
        self.case = case
        self.interpretation = interpretation
        self.snapshot = snapshot
        self.periods = periods
        self.mode = mode
        #: Whether the strict reading of the month arithmetic applies (``mode is AmbiguousDates.STRICT``).
        self.strict = mode == "strict"
        #: The latest end of an ordinary period, by start, as computed in this run: the length of a period
        #: and the duration in its agreement ask for the same day (a scratch pad of one evaluation).
        self.own_ends: dict[date, date] = {}
        self.notice_explainer = notice_explainer
        self.coverage: Coverage = NO_COVERAGE
        self.support_to = support_to(case)
        count = len(periods)
        if count <= _WORDED:  # the common case: the subjects worded at import
            self.period_subjects = _PERIOD_SUBJECTS[:count]
            self.record_subjects = _RECORD_SUBJECTS[:count]
        else:
            self.period_subjects = tuple(map(period_subject, range(count)))
            self.record_subjects = tuple(map(record_subject, range(count)))
        self.notices: list[Notice] = []

    def own_end(self, start: date) -> date:
        """Return the latest end of an ordinary period starting on ``start`` (six months, in this run's reading)."""
        own = self.own_ends.get(start)
        if own is None:
            own = self.own_ends[start] = period_end_day(start, self.snapshot.period_months, self.strict)
        return own

    def with_coverage(self, coverage: Coverage) -> Context:
        """Return a fresh context for the same case and reading with ``coverage`` (no notices)."""
        ctx = Context(self.case, self.interpretation, self.snapshot, self.periods, self.mode, self.notice_explainer)
        ctx.own_ends = self.own_ends
        ctx.coverage = coverage
        return ctx

    @property
    def all_covered(self) -> bool:
        """Return whether the case has periods and a right covers every one."""
        return self.coverage.all_covered(len(self.periods))

    def notice(
        self,
        code: str,
        subject: str,
        facts: Mapping[str, FactValue] = NO_FACTS,
        references: tuple[LegalReference, ...] = (),
    ) -> Notice:
        """Return a notice worded by the notice texts."""
        return Notice(code, subject, references, facts, self.notice_explainer)


#: What display() gives for the common facts, JSON-escaped, per language (see _json_words).
_JSON_WORDS: Mapping[str, Mapping[object, str]] = MappingProxyType({lang: _json_words(lang) for lang in ("da", "en")})
