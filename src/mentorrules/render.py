"""
Renderings of decisions: plain text, Markdown and HTML, in Danish or English.

A :class:`~mentorrules.Decision` is a record for machines (:meth:`~mentorrules.Decision.to_json`)
and for people.  This module writes it for people:

* :func:`explain` (also :func:`text`): a terminal-friendly explanation, the
  overall verdict first, then what a caseworker must still resolve, then every
  finding grouped by rule family with its legal source, then the notices;
* :func:`decision_markdown` and :func:`decision_html`: the same content for
  notebooks (``Decision._repr_markdown_`` and ``Decision._repr_html_`` call
  them) and documents; :func:`finding_markdown` and :func:`finding_html` do
  the same for one :class:`~mentorrules.Finding`;
* :func:`report`: an auditor's report over many decisions, with counts by
  verdict, by rule and verdict, of the rights and by law version, then one
  section per case (with where it came from, when given).

A statutory right (``right.*``) does not enter the overall verdict: every
rendering shows it apart, with neutral words citing the provision of the law
version applied ("ret efter § 167, stk. 2", "ingen ret efter § 167, stk. 2 —
støtten er skønsmæssig", or pending, with the findings that wait on it).

Danish (``"da"``) is the default and the authoritative language; English
(``"en"``) is a translation.  The HTML is self-contained: one inline
``<style>``, no scripts, no external assets; the only links point to the
legal sources.  Every text that comes from a case or a fact is escaped.  A
``case_id`` that looks like a CPR number (a ``privacy.identifier_in_text``
notice names it) is never repeated.

    >>> from mentorrules import evaluate, load_case
    >>> decision = evaluate(load_case({"decision_date": "2024-02-20"}))
    >>> explain(decision, "en").splitlines()[0]
    'Overall: missing facts'
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal

from mentorrules._version import __version__
from mentorrules.engine.notices import case_id_withheld
from mentorrules.law.interpretation import Interpretation
from mentorrules.model.cpr import looks_like_cpr
from mentorrules.model.exceptions import CaseError, UnsupportedDateError
from mentorrules.model.outcomes import (
    VERDICT_WORDS,
    Decision,
    FactValue,
    Finding,
    Notice,
    Verdict,
    check_lang,
    fact_to_json,
)
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.model.words import counted
from mentorrules.rules import CATALOGUE
from mentorrules.rules._base import PENDING, RuleView


__all__ = [
    "decision_html",
    "decision_markdown",
    "explain",
    "finding_html",
    "finding_markdown",
    "report",
    "text",
]

#: What a report accepts: decisions, and the errors batch evaluation yields in their place.
ReportItem = Decision | CaseError | UnsupportedDateError

WIDTH = 100
#: Only these references become links (a reference's URL is data, not trusted markup).
_WEB = ("https://", "http://")
#: Verdicts in the order a reader needs them: the worst first.
_VERDICT_ORDER = (
    Verdict.NOT_MET,
    Verdict.MISSING_FACTS,
    Verdict.NEEDS_ASSESSMENT,
    Verdict.MET,
    Verdict.NOT_APPLICABLE,
)
_SYMBOLS = MappingProxyType(
    {
        Verdict.MET: "✓",
        Verdict.NOT_MET: "✗",
        Verdict.NEEDS_ASSESSMENT: "!",
        Verdict.MISSING_FACTS: "?",
        Verdict.NOT_APPLICABLE: "–",
    }
)
#: The rule ids of the statutory rights start so: their findings say whether a right exists (DESIGN section 4).
_RIGHT_PREFIX = "right."
#: A right is shown by whether it exists (``yes``), does not (``no``) or is still pending (``pending``).
_RIGHT_STATES = ("yes", "pending", "no")
#: The neutral marks of a right's state: neither a verdict's ✓ and ✗ nor "–".
_RIGHT_SYMBOLS = MappingProxyType({"yes": "◆", "pending": "◈", "no": "◇"})
_FAMILIES = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                "eligibility": "Betingelser for mentorstøtte",
                "duties": "Ud over de sædvanlige opgaver",
                "duration": "Perioder",
                "right": "Retskrav",
                "agreement": "Skriftlig aftale og »Min Plan«",
            }
        ),
        "en": MappingProxyType(
            {
                "eligibility": "Eligibility",
                "duties": "Beyond the usual duties",
                "duration": "Periods",
                "right": "Statutory rights",
                "agreement": "The written record (agreement, »Min Plan«)",
            }
        ),
    }
)
_KINDS = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                "law": "lov",
                "executive_order": "bekendtgørelse",
                "guidance": "vejledning",
                "interpretation": "fortolkning",
                "municipal_practice": "kommunal praksis",
            }
        ),
        "en": MappingProxyType(
            {
                "law": "act",
                "executive_order": "executive order",
                "guidance": "guidance",
                "interpretation": "interpretation",
                "municipal_practice": "municipal practice",
            }
        ),
    }
)
_WORDS = MappingProxyType(
    {
        "da": MappingProxyType(
            {
                "overall": "Samlet vurdering",
                "title": "Mentorstøtte",
                "case": "Sag",
                "decision_date": "Afgørelsesdato",
                "law": "Regelsæt",
                "valid": "gælder",
                "unresolved": "Skal afklares",
                "nothing_unresolved": "Intet at afklare: alle betingelser, der gælder i sagen, er opfyldt.",
                "findings": "Vurderinger efter regel",
                "rights_note": (
                    "Retskravene indgår ikke i den samlede vurdering: findes en ret ikke, er støtten blot skønsmæssig "
                    "({provision}), og de almindelige betingelser gælder."
                ),
                "notices": "Bemærkninger",
                "interpretation": "Fortolkning",
                "default": "standard",
                "chosen": "valgt",
                "setting": "Valg",
                "value": "Værdi",
                "library": "Bibliotek",
                "fingerprint": "Fingeraftryk",
                "rule": "Regel",
                "subject": "Emne",
                "verdict": "Vurdering",
                "message": "Begrundelse",
                "sources": "Kilder",
                "facts": "Fakta",
                "whole_case": "hele sagen",
                "not_verified": "ikke verificeret",
                "hidden_id": "[skjult: ligner et CPR-nummer]",
                "support": (
                    "Beslutningsstøtte: biblioteket siger, hvad loven kræver, og hvad der er opfyldt; det træffer ikke "
                    "afgørelsen, og det foretager ikke sagsbehandlerens konkrete vurdering."
                ),
                "report": "Mentorstøtte – revisionsrapport",
                "overview": "Oversigt",
                "cases": "Sager",
                "case_n": "Sag {n}",
                "errors": "Fejl",
                "count": "Antal",
                "by_law": "Efter regelsæt",
                "by_rule": "Vurderinger pr. regel (én pr. regel og emne)",
                "error_type": "Type",
                "error_message": "Fejlbesked",
                "no": "Nr.",
                "no_cases": "Rapporten indeholder ingen sager.",
                "generated": "Udarbejdet med mentorrules {version}.",
                "right_under": "efter",
                "right_yes": "ret{where}",
                "right_no": "ingen ret{where} — støtten er skønsmæssig",
                "right_pending": "afventer: ret{where}",
                "right_yes_short": "ret",
                "right_no_short": "ingen ret",
                "right_pending_short": "afventer",
                "right_alone": "Et retskrav: det indgår ikke i den samlede vurdering.",
                "waiting": "Vurderinger, der afventer retten: {findings}.",
                "waiting_none": "Ingen andre vurderinger afhænger af retten.",
                "by_right": "Retskrav (indgår ikke i den samlede vurdering; ét pr. sag)",
                "right_legend": (
                    "{yes} ret: retten findes · {pending} afventer: det er ikke afklaret, om retten findes, og "
                    "sagsbehandleren skal handle · {no} ingen ret: retten findes ikke eller angår ikke sagen, og "
                    "støtten er skønsmæssig"
                ),
                "legal_sources": "Retskilder",
                "input": "Inddata",
            }
        ),
        "en": MappingProxyType(
            {
                "overall": "Overall",
                "title": "Mentor support",
                "case": "Case",
                "decision_date": "Decision date",
                "law": "Law version",
                "valid": "valid",
                "unresolved": "To resolve",
                "nothing_unresolved": "Nothing to resolve: every condition that applies to the case is met.",
                "findings": "Findings by rule",
                "rights_note": (
                    "The rights do not enter the overall verdict: where a right does not exist, the support is merely "
                    "discretionary ({provision}) and the ordinary conditions apply."
                ),
                "notices": "Notices",
                "interpretation": "Interpretation",
                "default": "default",
                "chosen": "chosen",
                "setting": "Setting",
                "value": "Value",
                "library": "Library",
                "fingerprint": "Fingerprint",
                "rule": "Rule",
                "subject": "Subject",
                "verdict": "Verdict",
                "message": "Explanation",
                "sources": "Sources",
                "facts": "Facts",
                "whole_case": "the whole case",
                "not_verified": "not verified",
                "hidden_id": "[hidden: looks like a CPR number]",
                "support": (
                    "Decision support: the library says what the law requires and what is met; it does not decide the "
                    "case, and it does not make the caseworker's concrete assessment."
                ),
                "report": "Mentor support – audit report",
                "overview": "Overview",
                "cases": "Cases",
                "case_n": "Case {n}",
                "errors": "Errors",
                "count": "Count",
                "by_law": "By law version",
                "by_rule": "Findings by rule (one per rule and subject)",
                "error_type": "Type",
                "error_message": "Message",
                "no": "No.",
                "no_cases": "The report holds no cases.",
                "generated": "Made with mentorrules {version}.",
                "right_under": "under",
                "right_yes": "right{where}",
                "right_no": "no right{where} — the support is discretionary",
                "right_pending": "pending: right{where}",
                "right_yes_short": "right",
                "right_no_short": "no right",
                "right_pending_short": "pending",
                "right_alone": "A statutory right: it does not enter the overall verdict.",
                "waiting": "Findings that wait on the right: {findings}.",
                "waiting_none": "No other finding depends on the right.",
                "by_right": "Statutory rights (not part of the overall verdict; one per case)",
                "right_legend": (
                    "{yes} right: the right exists · {pending} pending: whether the right exists is not resolved, "
                    "and the caseworker must act · {no} no right: the right does not exist or does not concern the "
                    "case, and the support is discretionary"
                ),
                "legal_sources": "Legal sources",
                "input": "Input",
            }
        ),
    }
)
#: Rule titles by id, in catalogue order: (Danish, English).
_TITLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {rule.id: (rule.title_da, rule.title_en) for rule in CATALOGUE}
)
_DEFAULT_INTERPRETATION: Mapping[str, str | bool] = MappingProxyType(Interpretation().to_dict())

_CSS = """
.mr{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:14px;
line-height:1.45;color:#1f2328;background:#fff;max-width:1180px;text-align:left;overflow-wrap:anywhere}
.mr *{box-sizing:border-box}
.mr h1,.mr h2,.mr h3,.mr h4{line-height:1.25;margin:18px 0 8px;color:#1f2328;font-weight:650}
.mr h1{font-size:24px}.mr h2{font-size:20px}.mr h3{font-size:16px}.mr h4{font-size:14px}
.mr p{margin:6px 0}
.mr code,.mr .mr-mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.mr code{background:#f6f8fa;border:1px solid #eaeef2;border-radius:4px;padding:0 4px}
.mr a{color:#0969da;text-decoration:none}.mr a:hover{text-decoration:underline}
.mr .mr-head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:10px 24px;
padding:14px 18px;background:#f6f8fa;border:1px solid #d0d7de;border-left:8px solid #8c959f;border-radius:8px}
.mr .mr-head>*{min-width:0}
.mr .mr-head.mr-v-met{border-left-color:#1a7f37}.mr .mr-head.mr-v-not_met{border-left-color:#cf222e}
.mr .mr-head.mr-v-needs_assessment{border-left-color:#bf8700}.mr .mr-head.mr-v-missing_facts{border-left-color:#0969da}
.mr .mr-kicker{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#57606a;margin:0}
.mr .mr-headline{font-size:20px;font-weight:650;margin:2px 0 0}
.mr .mr-meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px;margin:0;font-size:13px}
.mr .mr-meta dt{color:#57606a;font-weight:600}.mr .mr-meta dd{margin:0}
.mr .mr-badge{display:inline-block;padding:1px 9px;border:1px solid;border-radius:999px;font-size:12px;
font-weight:600;white-space:nowrap;vertical-align:baseline}
.mr .mr-headline .mr-badge{font-size:15px;padding:2px 12px;margin-left:6px}
.mr .mr-met{background:#dafbe1;color:#116329;border-color:#4ac26b}
.mr .mr-not_met{background:#ffebe9;color:#a40e26;border-color:#ff8182}
.mr .mr-needs_assessment{background:#fff8c5;color:#7d4e00;border-color:#d4a72c}
.mr .mr-missing_facts{background:#ddf4ff;color:#0a3069;border-color:#54aeff}
.mr .mr-not_applicable{background:#f6f8fa;color:#57606a;border-color:#d0d7de}
.mr .mr-right{white-space:normal;background:#fff;color:#3d444d;border-color:#8c959f;border-style:dashed}
.mr .mr-right-yes{background:#f5f0ff;color:#512a97;border-color:#c297ff;border-style:solid}
.mr .mr-right-pending{color:#7d4e00;border-color:#d4a72c}
.mr .mr-waiting{font-size:12px;color:#57606a;margin:4px 0 0}
.mr .mr-note{font-size:12px;color:#57606a}
.mr .mr-box{border:1px solid #d0d7de;border-radius:8px;padding:8px 14px;margin:12px 0}
.mr .mr-box.mr-todo{background:#fffbeb;border-color:#e6c35c}.mr .mr-box.mr-done{background:#f0fff4;border-color:#8fd19e}
.mr .mr-box h3{margin:4px 0 6px}
.mr .mr-box ol{margin:4px 0;padding-left:22px}.mr .mr-box li{margin:6px 0}
.mr .mr-scroll{overflow-x:auto;max-width:100%}
.mr table.mr-table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:13px}
.mr .mr-table th,.mr .mr-table td{border:0;border-bottom:1px solid #d8dee4;padding:6px 8px;text-align:left;
vertical-align:top;background:transparent;overflow-wrap:break-word}
.mr .mr-table thead th{background:#f6f8fa;color:#57606a;font-size:11px;text-transform:uppercase;letter-spacing:.05em}
.mr .mr-table thead th .mr-badge{text-transform:none;letter-spacing:0}
.mr .mr-chosen{color:#9a6700;font-weight:600}
.mr .mr-table td.mr-num,.mr .mr-table th.mr-num{text-align:right;font-variant-numeric:tabular-nums}
.mr .mr-table tr.mr-family th{background:#eef1f4;color:#1f2328;font-size:13px;text-transform:none;letter-spacing:0}
.mr .mr-table tr.mr-family .mr-note{font-weight:400;margin-left:8px}
.mr .mr-table tr.mr-na td{color:#6e7781}
.mr .mr-table tr.mr-na .mr-msg{font-size:12px}
.mr .mr-rule{display:block;color:#6e7781;font-size:11px}
.mr .mr-zero{color:#afb8c1}
.mr ul.mr-cites{list-style:none;margin:0;padding:0}.mr ul.mr-cites li{margin:0 0 4px}
.mr .mr-src{display:block;color:#6e7781;font-size:11px}
.mr .mr-tag{display:inline-block;border-radius:4px;padding:0 4px;font-size:10px;font-weight:600;margin-left:4px;
background:#eaeef2;color:#57606a;text-transform:uppercase;letter-spacing:.03em}
.mr .mr-tag.mr-unverified{background:#fff1c2;color:#7d4e00}
.mr details.mr-facts{margin-top:4px;font-size:12px;color:#57606a}.mr details.mr-facts summary{cursor:pointer}
.mr details.mr-facts dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 10px;margin:4px 0 0}
.mr details.mr-facts dt{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.mr details.mr-facts dd{margin:0}
.mr ul.mr-notices{margin:4px 0;padding-left:20px}.mr ul.mr-notices li{margin:4px 0}
.mr .mr-foot{margin-top:18px;padding-top:10px;border-top:1px solid #d0d7de;font-size:12px;color:#57606a}
.mr .mr-foot table.mr-table{width:auto;font-size:12px;margin:4px 0 8px}
.mr .mr-foot .mr-table td,.mr .mr-foot .mr-table th{padding:2px 10px 2px 0}
.mr .mr-fp{word-break:break-all}
.mr .mr-card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px}
.mr .mr-card p{margin:6px 0}
.mr .mr-tiles{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 14px}
.mr .mr-tile{border:1px solid #d0d7de;border-radius:8px;padding:8px 14px;min-width:150px}
.mr .mr-tile .mr-big{display:block;font-size:24px;font-weight:650;font-variant-numeric:tabular-nums}
.mr section.mr-case{margin-top:28px;padding-top:6px;border-top:3px solid #d0d7de}
.mr .mr-error{background:#ffebe9;border:1px solid #ff8182;border-radius:8px;padding:8px 14px}
.mr .mr-error ul{margin:4px 0}
.mr .mr-top{font-size:12px;float:right}
.mr .mr-source{font-size:13px;font-weight:400;color:#57606a;margin-left:6px}
@media (max-width:640px){
.mr .mr-head{padding:10px 12px;border-left-width:6px}
.mr .mr-headline{font-size:18px}
.mr table.mr-stack,.mr table.mr-stack tbody,.mr table.mr-stack tr,.mr table.mr-stack th,
.mr table.mr-stack td{display:block;width:auto}
.mr table.mr-stack thead,.mr table.mr-stack colgroup{display:none}
.mr table.mr-stack tr{border-bottom:1px solid #d8dee4;padding:4px 0}
.mr table.mr-stack td{border:0;padding:2px 8px;overflow-wrap:anywhere}
.mr table.mr-stack td[data-label]::before{content:attr(data-label) ": ";color:#57606a;font-size:11px;
text-transform:uppercase;letter-spacing:.05em}
}
"""


# --- shared helpers ------------------------------------------------------------------


def _verdict_word(verdict: Verdict, lang: str) -> str:
    return VERDICT_WORDS[lang][verdict]


def _title(rule: str, lang: str) -> str:
    titles = _TITLES.get(rule, (rule, rule))
    return titles[0] if lang == "da" else titles[1]


def _finding_title(finding: Finding, lang: str) -> str:
    """Return the title of a finding's rule as worded in the law version of the finding (its rule's view)."""
    explainer = finding.explainer
    if isinstance(explainer, RuleView):
        return explainer.title(lang)
    return _title(finding.rule, lang)


def _rights_note(decision: Decision, lang: str) -> str:
    """Return the note on the rights, citing the discretionary provision of the decision's law version."""
    provision = "§ 31 b, stk. 1" if decision.law.id == "lab-2014" else "§ 167, stk. 1"
    return _WORDS[lang]["rights_note"].format(provision=provision)


def _is_right(finding: Finding) -> bool:
    """Return whether a finding is a statutory right's (``right.*``): it says whether a right exists."""
    return finding.rule.startswith(_RIGHT_PREFIX)


def _right_state(verdict: Verdict) -> str:
    """
    Return how a right's verdict is shown: ``yes`` (met), ``pending`` or ``no``.

    A right that needs an assessment or a fact is pending (DESIGN section 5,
    C2.11); one that is not met or does not apply does not exist, which only
    means that the support is discretionary.
    """
    if verdict is Verdict.MET:
        return "yes"
    if verdict in (Verdict.NEEDS_ASSESSMENT, Verdict.MISSING_FACTS):
        return "pending"
    return "no"


def _provision(finding: Finding) -> str | None:
    """
    Return the provision a right's finding cites, as ``"§ 167, stk. 2"``, from its own references.

    The first reference into an act (kind ``law``) that names a section, so the
    provision is always the one of the law version applied (``§ 31 b, stk. 2``
    under ``lab-2014``); without one, the first reference that names a section
    (under ``lab-2014`` the education right cites old § 31 b as an
    interpretation); without any, ``None``.
    """
    sections = [r for r in finding.references if r.section]
    laws = [r for r in sections if r.kind is ReferenceKind.LAW]
    if not sections:
        return None
    reference = (laws or sections)[0]
    stk = "" if reference.subsection is None else f", stk. {reference.subsection}"
    return f"§ {reference.section}{stk}"


def _right_words(finding: Finding, lang: str) -> str:
    """Return a right's state in neutral words citing its provision: "ingen ret efter § 167, stk. 2 — ..."."""
    w = _WORDS[lang]
    provision = _provision(finding)
    where = "" if provision is None else f" {w['right_under']} {provision}"
    return w[f"right_{_right_state(finding.verdict)}"].format(where=where)


def _badge_text(finding: Finding, lang: str) -> str:
    """Return the mark and words of a finding's verdict; a right's in neutral words (it is no condition)."""
    if _is_right(finding):
        return f"{_RIGHT_SYMBOLS[_right_state(finding.verdict)]} {_right_words(finding, lang)}"
    return f"{_SYMBOLS[finding.verdict]} {_verdict_word(finding.verdict, lang)}"


def _waiting_on(decision: Decision, right: Finding) -> list[Finding]:
    """
    Return the findings of a decision that wait on a pending right.

    The engine marks each finding whose verdict a pending right's coverage
    would change with the fact ``pending`` naming the right (DESIGN section 5,
    C2.11: such a finding takes the right's verdict, so that nothing is refused
    that the right might cover).
    """
    return [f for f in decision.findings if f.facts.get(PENDING) == right.rule]


def _waiting_text(decision: Decision, right: Finding, lang: str) -> str | None:
    """Return which findings wait on a pending right, in words; ``None`` for a right that is not pending."""
    if _right_state(right.verdict) != "pending":
        return None
    w = _WORDS[lang]
    waiting = _waiting_on(decision, right)
    if not waiting:
        return w["waiting_none"]
    names = "; ".join(f"{_finding_title(f, lang)} ({_subject(f.subject, lang)})" for f in waiting)
    return w["waiting"].format(findings=names)


def _family(rule: str) -> str:
    return rule.partition(".")[0]


def _family_title(family: str, lang: str) -> str:
    return _FAMILIES[lang].get(family, family)


def _subject(subject: str, lang: str) -> str:
    return subject or _WORDS[lang]["whole_case"]


def _by_family(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Group findings by family, keeping the catalogue order they come in."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(_family(finding.rule), []).append(finding)
    return groups


def _case_label(decision: Decision, lang: str) -> str | None:
    """Return the case id to show: ``None`` without one, a placeholder when it looks like a CPR number."""
    case_id = decision.case.case_id
    if case_id is None:
        return None
    if case_id_withheld(decision) or looks_like_cpr(case_id):
        return _WORDS[lang]["hidden_id"]
    return case_id


def _fact_text(value: FactValue) -> str:
    shown = fact_to_json(value)
    return shown if isinstance(shown, str) else json.dumps(shown, ensure_ascii=False)


def _law_line(decision: Decision, lang: str) -> str:
    law = decision.law
    valid = _WORDS[lang]["valid"]
    return f"{law.id} – {law.title} ({valid} {law.valid_from.isoformat()}–{law.valid_to.isoformat()})"


def _interpretation_items(decision: Decision) -> Iterator[tuple[str, str, bool]]:
    """Yield (setting, value, is default) for the interpretation applied."""
    for key, value in decision.interpretation.to_dict().items():
        shown = json.dumps(value) if isinstance(value, bool) else value
        yield key, shown, value == _DEFAULT_INTERPRETATION[key]


# --- plain text ------------------------------------------------------------------------


#: A space a line must not break at: after "§", "stk." and "nr.", and before "pkt." (in citations).
_GLUE = re.compile(r"(?<=§) |(?<=§§) |(?<=\bstk\.) |(?<=\bnr\.) |(?<=[0-9]\.) (?=pkt\.)")
#: A Danish date in words, as sources name their version ("1. marts 2024"): kept on one line in plain text.
_DANISH_DATE = re.compile(
    r"\b[0-9]{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) [0-9]{4}\b"
)


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> str:
    """Wrap at :data:`WIDTH` without breaking dates, hyphenated words or citations such as "§ 167, stk. 1"."""
    glued = _DANISH_DATE.sub(lambda match: match.group(0).replace(" ", "\xa0"), _GLUE.sub("\xa0", text))
    return textwrap.fill(
        glued,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ).replace("\xa0", " ")


def _heading(text: str, underline: str) -> list[str]:
    return [text, underline * len(text)]


def _text_reference(reference: LegalReference, lang: str) -> str:
    """Return a citation with its source (the act or order and its version), as the Markdown and HTML show it."""
    extra: list[str] = []
    if reference.kind not in (ReferenceKind.LAW, ReferenceKind.EXECUTIVE_ORDER):
        extra.append(_KINDS[lang][reference.kind.value])
    if not reference.citation.startswith(reference.source):  # "lov nr. 295 af 20. marts 2023, § 1, nr. 10" names it
        extra.append(reference.source)
    if not reference.verified:
        extra.append(_WORDS[lang]["not_verified"])
    return f"{reference.citation} ({', '.join(extra)})" if extra else reference.citation


def _text_sources(references: Iterable[LegalReference], lang: str, indent: str) -> str:
    """Return the line naming the sources of a finding or notice, wrapped under ``indent``."""
    cited = "; ".join(_text_reference(r, lang) for r in references)
    return _wrap(f"{_WORDS[lang]['sources']}: {cited}", indent, indent + "  ")


def _finding_lines(
    finding: Finding, lang: str, decision: Decision | None = None, *, sources: bool = False
) -> list[str]:
    """
    Return a finding as text: its verdict, title and subject, then its message.

    With ``decision``, a pending right also names the findings that wait on it;
    with ``sources``, a last line names every reference with its source.
    """
    head = f"{_badge_text(finding, lang)} · {_finding_title(finding, lang)} · {_subject(finding.subject, lang)}"
    lines = [_wrap(head, "  ", "      "), _wrap(finding.message(lang), "      ")]
    waiting = None if decision is None or not _is_right(finding) else _waiting_text(decision, finding, lang)
    if waiting is not None:
        lines.append(_wrap(waiting, "      "))
    if sources:
        lines.append(_text_sources(finding.references, lang, "      "))
    return lines


def _legal_sources(decision: Decision) -> list[tuple[str, str]]:
    """Return the distinct sources (act or order in its version, and its address) the decision cites, in order."""
    found: dict[tuple[str, str], None] = {}
    cited = [f.references for f in decision.findings] + [n.references for n in decision.notices]
    for references in cited:
        for reference in references:
            found.setdefault((reference.source, reference.url), None)
    return list(found)


def explain(decision: Decision, lang: str = "da") -> str:
    """
    Explain a decision as plain text for a terminal, in Danish or English.

    The overall verdict comes first (with the case id, the decision date and
    the law version), then what a caseworker must still resolve
    (:meth:`~mentorrules.Decision.unresolved`), then every finding grouped by
    rule family with its verdict, subject and message (which ends with the
    legal citation) and a line naming each reference with its source (the act
    or executive order and the version in force, e.g. "LBK nr. 280 af 1. marts
    2024"), then the notices, the sources with their addresses, the
    interpretation and the fingerprint.  A statutory right is no condition
    (it does not enter the overall verdict): it is shown by whether the right
    exists under the provision cited ("ingen ret efter § 167, stk. 2 — støtten
    er skønsmæssig"), and a pending right names the findings that wait on it.
    Lines are wrapped at 100 characters.

    Args:
        decision: The decision to explain.
        lang: ``"da"`` (default, authoritative) or ``"en"``.

    Returns:
        The explanation: lines joined by newlines, without a trailing newline.

    Raises:
        ValueError: when ``lang`` is not ``"da"`` or ``"en"``.
    """
    check_lang(lang)
    w = _WORDS[lang]
    lines = _heading(f"{w['overall']}: {_verdict_word(decision.verdict, lang)}", "=")
    label = _case_label(decision, lang)
    if label is not None:
        lines.append(_wrap(f"{w['case']}: {label}"))
    lines.append(f"{w['decision_date']}: {decision.decision_date.isoformat()}")
    lines.append(_wrap(f"{w['law']}: {_law_line(decision, lang)}", "", "  "))
    lines += ["", _wrap(w["support"]), ""]

    unresolved = decision.unresolved()
    lines += _heading(f"{w['unresolved']} ({len(unresolved)})", "-")
    if not unresolved:
        lines.append(_wrap(w["nothing_unresolved"], "  "))
    for finding in unresolved:
        lines += _finding_lines(finding, lang, decision)

    lines += ["", *_heading(w["findings"], "-")]
    for family, findings in _by_family(decision.findings).items():
        lines += ["", _family_title(family, lang)]
        if family == "right":
            lines.append(_wrap(_rights_note(decision, lang), "  (", "   ") + ")")
        for finding in findings:
            lines += _finding_lines(finding, lang, decision, sources=True)

    if decision.notices:
        lines += ["", *_heading(f"{w['notices']} ({len(decision.notices)})", "-")]
        for notice in decision.notices:
            where = f" · {notice.subject}" if notice.subject else ""
            lines.append(_wrap(f"• {notice.code}{where}: {notice.message(lang)}", "  ", "    "))
            if notice.references:
                lines.append(_text_sources(notice.references, lang, "    "))

    sources = _legal_sources(decision)
    lines += ["", *_heading(f"{w['legal_sources']} ({len(sources)})", "-")]
    for source, url in sources:
        lines.append(_wrap(f"• {source}", "  ", "    "))
        if url.startswith(_WEB):
            lines.append(f"    {url}")

    settings = ", ".join(f"{key}={value}" for key, value, _ in _interpretation_items(decision))
    lines += [
        "",
        _wrap(f"{w['interpretation']}: {settings}", "", "  "),
        _wrap(f"mentorrules {decision.library_version} · {w['fingerprint']}: {decision.fingerprint}"),
    ]
    return "\n".join(lines)


def text(decision: Decision, lang: str = "da") -> str:
    """
    Return the plain-text rendering of a decision: the same as :func:`explain`.

    Args:
        decision: The decision to render.
        lang: ``"da"`` (default) or ``"en"``.

    Raises:
        ValueError: when ``lang`` is not ``"da"`` or ``"en"``.
    """
    return explain(decision, lang)


# --- Markdown --------------------------------------------------------------------------

_MD_SPECIAL = MappingProxyType(str.maketrans({c: "\\" + c for c in "\\`*_[]|"}))
_CODE_LIKE = re.compile(r"[\w.:=\[\] -]*")
_URL_UNSAFE = MappingProxyType(str.maketrans({" ": "%20", "(": "%28", ")": "%29", "|": "%7C", "<": "%3C", ">": "%3E"}))


def _md(text: str) -> str:
    """Escape text for Markdown: its special characters, ``|`` (table cells) and HTML."""
    return html.escape(" ".join(text.split()).translate(_MD_SPECIAL), quote=False)


def _md_code(text: str) -> str:
    """Return identifier-like text (paths, codes, ids) as a code span; anything else escaped as plain text."""
    if _CODE_LIKE.fullmatch(text):
        return f"`{text}`"
    return _md(text)


def _md_badge(verdict: Verdict, lang: str) -> str:
    return f"{_SYMBOLS[verdict]} {_verdict_word(verdict, lang)}"


def _md_finding_badge(finding: Finding, lang: str) -> str:
    """Return a finding's verdict for Markdown; a right's in neutral words."""
    return _md(_badge_text(finding, lang))


def _md_message(finding: Finding, lang: str, decision: Decision) -> str:
    """Return a finding's message for Markdown, with the findings that wait on it when it is a pending right."""
    waiting = _waiting_text(decision, finding, lang) if _is_right(finding) else None
    return _md(finding.message(lang) if waiting is None else f"{finding.message(lang)} {waiting}")


#: What a source of input (``cases.jsonl:12``, ``cases.json[3]``, ``data/x.json``) may hold to be a code span.
_SOURCE_LIKE = re.compile(r"[\w.:=\[\]/\\ ~+@,()-]*")


def _md_source(source: str) -> str:
    """Return where an item of a report came from as a code span, or escaped text when it holds other characters."""
    if _SOURCE_LIKE.fullmatch(source):
        return f"`{source}`"
    return _md(source)


def _md_reference(reference: LegalReference, lang: str) -> str:
    link = _md(reference.citation)
    if reference.url.startswith(_WEB):
        link = f"[{link}]({reference.url.translate(_URL_UNSAFE)})"
    extra = [_md(reference.source)]
    if not reference.verified:
        extra.append(_WORDS[lang]["not_verified"])
    return f"{link} ({', '.join(extra)})"


def _md_references(references: Iterable[LegalReference], lang: str) -> str:
    return "; ".join(_md_reference(r, lang) for r in references)


def _decision_md(decision: Decision, lang: str, level: int) -> list[str]:
    w = _WORDS[lang]
    h = "#" * level
    meta = []
    label = _case_label(decision, lang)
    if label is not None:
        meta.append(f"**{w['case']}:** {_md(label)}")
    meta.append(f"**{w['decision_date']}:** {decision.decision_date.isoformat()}")
    meta.append(f"**{w['law']}:** {_md(_law_line(decision, lang))}")
    lines = [
        f"{h} {w['overall']}: {_md_badge(decision.verdict, lang)}",
        "",
        " · ".join(meta),
        "",
        f"> {w['support']}",
        "",
    ]

    unresolved = decision.unresolved()
    lines += [f"{h}# {w['unresolved']} ({len(unresolved)})", ""]
    if not unresolved:
        lines.append(w["nothing_unresolved"])
    for number, finding in enumerate(unresolved, 1):
        lines.append(
            f"{number}. **{_md_finding_badge(finding, lang)}** · **{_md(_finding_title(finding, lang))}** · "
            f"{_md_code(_subject(finding.subject, lang))}: {_md_message(finding, lang, decision)}"
        )

    lines += ["", f"{h}# {w['findings']}"]
    header = f"| {w['rule']} | {w['subject']} | {w['verdict']} | {w['message']} | {w['sources']} |"
    for family, findings in _by_family(decision.findings).items():
        lines += ["", f"{h}## {_md(_family_title(family, lang))}", ""]
        if family == "right":
            lines += [f"*{_rights_note(decision, lang)}*", ""]
        lines += [header, "| --- | --- | --- | --- | --- |"]
        lines += [
            f"| {_md(_finding_title(f, lang))} | {_md_code(_subject(f.subject, lang))} | {_md_finding_badge(f, lang)} "
            f"| {_md_message(f, lang, decision)} | {_md_references(f.references, lang)} |"
            for f in findings
        ]

    if decision.notices:
        lines += ["", f"{h}# {w['notices']} ({len(decision.notices)})", ""]
        for notice in decision.notices:
            where = f" · {_md_code(notice.subject)}" if notice.subject else ""
            sources = f" ({_md_references(notice.references, lang)})" if notice.references else ""
            lines.append(f"- {_md_code(notice.code)}{where}: {_md(notice.message(lang))}{sources}")

    settings = ", ".join(f"{_md_code(f'{key}={value}')}" for key, value, _ in _interpretation_items(decision))
    lines += [
        "",
        f"{w['interpretation']}: {settings}. {w['library']}: mentorrules {_md(decision.library_version)}. "
        f"{w['fingerprint']}: {_md_code(decision.fingerprint)}",
    ]
    return lines


def decision_markdown(decision: Decision, lang: str = "da") -> str:
    """
    Render a decision as Markdown (what ``Decision._repr_markdown_`` shows).

    Headings for the verdict, what to resolve, the findings (one table per
    rule family, ``|`` escaped in cells, the sources as links; the rights
    worded as in :func:`explain`) and the notices, then a footer with the
    interpretation and the fingerprint.

    Args:
        decision: The decision to render.
        lang: ``"da"`` (default) or ``"en"``.

    Returns:
        Markdown text ending with a newline.

    Raises:
        ValueError: when ``lang`` is not ``"da"`` or ``"en"``.
    """
    check_lang(lang)
    return "\n".join(_decision_md(decision, lang, 2)) + "\n"


def finding_markdown(finding: Finding, lang: str = "da") -> str:
    """
    Render one finding as Markdown: verdict, rule title, subject, message and sources.

    A statutory right's finding is worded by whether the right exists, with a
    note that it does not enter the overall verdict.

    Args:
        finding: The finding to render.
        lang: ``"da"`` (default) or ``"en"``.

    Returns:
        Markdown text ending with a newline.

    Raises:
        ValueError: when ``lang`` is not ``"da"`` or ``"en"``.
    """
    check_lang(lang)
    w = _WORDS[lang]
    note = f"*{w['right_alone']}*\n\n" if _is_right(finding) else ""
    return (
        f"**{_md_finding_badge(finding, lang)}** · **{_md(_finding_title(finding, lang))}** · "
        f"{_md_code(_subject(finding.subject, lang))} · {_md_code(finding.rule)}\n\n"
        f"{_md(finding.message(lang))}\n\n{note}"
        f"{w['sources']}: {_md_references(finding.references, lang)}\n"
    )


# --- HTML ------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _prose(text: str) -> str:
    """Escape a message or citation, keeping "§ 167", "stk. 1" and "1. pkt." on one line."""
    return _e(_GLUE.sub("\xa0", text))


def _badge(verdict: Verdict, lang: str) -> str:
    return f'<span class="mr-badge mr-{verdict.value}">{_SYMBOLS[verdict]} {_e(_verdict_word(verdict, lang))}</span>'


def _right_badge(state: str, words: str) -> str:
    """Return the neutral badge of a right's state (``yes``, ``pending``, ``no``): no verdict's colour."""
    return f'<span class="mr-badge mr-right mr-right-{state}">{_RIGHT_SYMBOLS[state]} {_prose(words)}</span>'


def _finding_badge(finding: Finding, lang: str) -> str:
    """Return a finding's verdict badge; a right's in neutral words and colours."""
    if _is_right(finding):
        return _right_badge(_right_state(finding.verdict), _right_words(finding, lang))
    return _badge(finding.verdict, lang)


def _waiting_html(decision: Decision, finding: Finding, lang: str) -> str:
    """Return which findings wait on a pending right, as a paragraph; nothing for any other finding."""
    waiting = _waiting_text(decision, finding, lang) if _is_right(finding) else None
    return "" if waiting is None else f'<p class="mr-waiting">{_prose(waiting)}</p>'


def _scroll(table: str) -> str:
    """Wrap a table so that it scrolls sideways inside the page when it is wider than the screen."""
    return f'<div class="mr-scroll">{table}</div>'


def _reference_html(reference: LegalReference, lang: str) -> str:
    citation = _prose(reference.citation)
    if reference.url.startswith(_WEB):
        citation = (
            f'<a href="{_e(reference.url)}" title="{_e(reference.source)}" rel="noopener noreferrer">{citation}</a>'
        )
    tags = ""
    if reference.kind.value not in ("law", "executive_order"):
        tags += f'<span class="mr-tag">{_e(_KINDS[lang][reference.kind.value])}</span>'
    if not reference.verified:
        tags += f'<span class="mr-tag mr-unverified">{_e(_WORDS[lang]["not_verified"])}</span>'
    return f'<li>{citation}{tags}<span class="mr-src">{_e(reference.source)}</span></li>'


def _references_html(references: Iterable[LegalReference], lang: str) -> str:
    return '<ul class="mr-cites">' + "".join(_reference_html(r, lang) for r in references) + "</ul>"


def _facts_html(finding: Finding, lang: str) -> str:
    if not finding.facts:
        return ""
    rows = "".join(f"<dt>{_e(key)}</dt><dd>{_e(_fact_text(value))}</dd>" for key, value in finding.facts.items())
    return f'<details class="mr-facts"><summary>{_e(_WORDS[lang]["facts"])}</summary><dl>{rows}</dl></details>'


def _finding_row(decision: Decision, finding: Finding, lang: str) -> str:
    w = _WORDS[lang]
    na = ' class="mr-na"' if finding.verdict is Verdict.NOT_APPLICABLE and not _is_right(finding) else ""
    return (
        f"<tr{na}><td><strong>{_e(_finding_title(finding, lang))}</strong>"
        f'<span class="mr-rule mr-mono">{_e(finding.rule)}</span></td>'
        f'<td data-label="{_e(w["subject"])}"><code>{_e(_subject(finding.subject, lang))}</code></td>'
        f'<td data-label="{_e(w["verdict"])}">{_finding_badge(finding, lang)}</td>'
        f'<td data-label="{_e(w["message"])}"><div class="mr-msg">{_prose(finding.message(lang))}</div>'
        f"{_waiting_html(decision, finding, lang)}{_facts_html(finding, lang)}</td>"
        f'<td data-label="{_e(w["sources"])}">{_references_html(finding.references, lang)}</td></tr>'
    )


def _notice_html(notice: Notice, lang: str) -> str:
    where = f" <code>{_e(notice.subject)}</code>" if notice.subject else ""
    sources = _references_html(notice.references, lang) if notice.references else ""
    return f"<li><code>{_e(notice.code)}</code>{where}: {_prose(notice.message(lang))}{sources}</li>"


def _interpretation_html(decision: Decision, lang: str) -> str:
    w = _WORDS[lang]
    rows = "".join(
        f"<tr><td><code>{_e(key)}</code></td><td><code>{_e(value)}</code></td>"
        + (
            f'<td class="mr-note">{_e(w["default"])}</td></tr>'
            if is_default
            else f'<td class="mr-chosen">{_e(w["chosen"])}</td></tr>'
        )
        for key, value, is_default in _interpretation_items(decision)
    )
    return _scroll(
        f'<table class="mr-table"><thead><tr><th>{_e(w["setting"])}</th><th>{_e(w["value"])}</th><th></th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )


def _decision_body_html(decision: Decision, lang: str) -> str:
    w = _WORDS[lang]
    verdict = decision.verdict
    meta = ""
    label = _case_label(decision, lang)
    if label is not None:
        meta += f"<dt>{_e(w['case'])}</dt><dd>{_e(label)}</dd>"
    meta += f"<dt>{_e(w['decision_date'])}</dt><dd>{decision.decision_date.isoformat()}</dd>"
    meta += (
        f"<dt>{_e(w['law'])}</dt><dd><code>{_e(decision.law.id)}</code> "
        f'<span class="mr-note">{decision.law.valid_from.isoformat()}–{decision.law.valid_to.isoformat()}</span></dd>'
    )
    parts = [
        f'<header class="mr-head mr-v-{verdict.value}"><div><p class="mr-kicker">{_e(w["title"])}</p>'
        f'<div class="mr-headline">{_e(w["overall"])}: {_badge(verdict, lang)}</div>'
        f'<p class="mr-note">{_e(w["support"])}</p></div>'
        f'<dl class="mr-meta">{meta}</dl></header>'
    ]

    unresolved = decision.unresolved()
    if unresolved:
        items = "".join(
            f"<li>{_finding_badge(f, lang)} <strong>{_e(_finding_title(f, lang))}</strong> "
            f"<code>{_e(_subject(f.subject, lang))}</code><br>{_prose(f.message(lang))}"
            f"{_waiting_html(decision, f, lang)}</li>"
            for f in unresolved
        )
        parts.append(
            f'<section class="mr-box mr-todo"><h3>{_e(w["unresolved"])} ({len(unresolved)})</h3><ol>{items}</ol></section>'
        )
    else:
        parts.append(
            f'<section class="mr-box mr-done"><h3>{_e(w["unresolved"])} (0)</h3>'
            f"<p>{_e(w['nothing_unresolved'])}</p></section>"
        )

    rows = []
    for family, findings in _by_family(decision.findings).items():
        note = f'<span class="mr-note">{_e(_rights_note(decision, lang))}</span>' if family == "right" else ""
        rows.append(f'<tr class="mr-family"><th colspan="5">{_e(_family_title(family, lang))}{note}</th></tr>')
        rows += [_finding_row(decision, f, lang) for f in findings]
    parts.append(
        f"<h3>{_e(w['findings'])}</h3>"
        + _scroll(
            '<table class="mr-table mr-stack"><colgroup><col style="width:19%"><col style="width:12%">'
            '<col style="width:14%"><col><col style="width:19%"></colgroup>'
            f"<thead><tr><th>{_e(w['rule'])}</th><th>{_e(w['subject'])}</th>"
            f"<th>{_e(w['verdict'])}</th><th>{_e(w['message'])}</th><th>{_e(w['sources'])}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    )

    if decision.notices:
        items = "".join(_notice_html(n, lang) for n in decision.notices)
        parts.append(f'<h3>{_e(w["notices"])} ({len(decision.notices)})</h3><ul class="mr-notices">{items}</ul>')

    parts.append(
        f'<footer class="mr-foot"><p><strong>{_e(w["law"])}:</strong> {_e(_law_line(decision, lang))}</p>'
        f"<p><strong>{_e(w['interpretation'])}:</strong></p>{_interpretation_html(decision, lang)}"
        f"<p><strong>{_e(w['library'])}:</strong> mentorrules {_e(decision.library_version)} · "
        f'<strong>{_e(w["fingerprint"])}:</strong> <span class="mr-mono mr-fp">{_e(decision.fingerprint)}</span></p>'
        "</footer>"
    )
    return "".join(parts)


def _document(body: str, title: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title></head><body>{body}</body></html>\n"
    )


def decision_html(decision: Decision, lang: str = "da", *, standalone: bool = False) -> str:
    """
    Render a decision as self-contained HTML (what ``Decision._repr_html_`` shows).

    A header with the overall verdict as a coloured badge, the case id, the
    decision date and the law version; a summary of what to resolve; a table
    of every finding by rule family (rule title, subject, verdict, message,
    facts, and the sources as links); the notices; and a footer with the law
    version, the interpretation, the library version and the fingerprint.
    A statutory right has a neutral badge, worded as in :func:`explain`.
    Styles are inline and scoped to the ``mr`` class; there is no script and
    no external asset, and every text from the case or its facts is escaped.
    It reads on a wide and a narrow screen: every table scrolls sideways
    inside its wrapper, the findings stack one per block under 640 px, and
    long words break.

    Args:
        decision: The decision to render.
        lang: ``"da"`` (default) or ``"en"``.
        standalone: Return a whole HTML document (with ``<meta charset>``
            and a viewport) rather than a fragment for embedding.

    Returns:
        The HTML.

    Raises:
        ValueError: when ``lang`` is not ``"da"`` or ``"en"``.
    """
    check_lang(lang)
    fragment = f'<div class="mr" lang="{lang}"><style>{_CSS}</style>{_decision_body_html(decision, lang)}</div>'
    if not standalone:
        return fragment
    w = _WORDS[lang]
    label = _case_label(decision, lang)
    title = f"{w['title']}: {_verdict_word(decision.verdict, lang)}" + ("" if label is None else f" – {label}")
    return _document(fragment, title, lang)


def finding_html(finding: Finding, lang: str = "da") -> str:
    """
    Render one finding as a self-contained HTML card (what ``Finding._repr_html_`` shows).

    A statutory right's finding has a neutral badge and a note that it does
    not enter the overall verdict.

    Args:
        finding: The finding to render.
        lang: ``"da"`` (default) or ``"en"``.

    Returns:
        An HTML fragment with its own scoped ``<style>``.

    Raises:
        ValueError: when ``lang`` is not ``"da"`` or ``"en"``.
    """
    check_lang(lang)
    note = f'<p class="mr-note">{_e(_WORDS[lang]["right_alone"])}</p>' if _is_right(finding) else ""
    return (
        f'<div class="mr" lang="{lang}"><style>{_CSS}</style><div class="mr-card">'
        f"{_finding_badge(finding, lang)} <strong>{_e(_finding_title(finding, lang))}</strong> "
        f"<code>{_e(_subject(finding.subject, lang))}</code>"
        f'<span class="mr-rule mr-mono">{_e(finding.rule)}</span>'
        f"<p>{_prose(finding.message(lang))}</p>{note}{_facts_html(finding, lang)}"
        f'<p class="mr-note">{_e(_WORDS[lang]["sources"])}:</p>{_references_html(finding.references, lang)}'
        "</div></div>"
    )


# --- reports ---------------------------------------------------------------------------


class _Summary:
    """Counts over the items of a report."""

    def __init__(self, items: list[ReportItem]) -> None:
        decisions = [item for item in items if isinstance(item, Decision)]
        self.decisions = len(decisions)
        self.errors = [(number, item) for number, item in enumerate(items, 1) if not isinstance(item, Decision)]
        self.verdicts = Counter(d.verdict for d in decisions)
        laws = Counter((d.law.valid_from, d.law.id) for d in decisions)
        self.laws = [(law, count) for (_, law), count in sorted(laws.items())]
        rules: dict[str, Counter[Verdict]] = {rule: Counter() for rule in _TITLES if not rule.startswith(_RIGHT_PREFIX)}
        rights: dict[str, Counter[str]] = {rule: Counter() for rule in _TITLES if rule.startswith(_RIGHT_PREFIX)}
        for decision in decisions:
            for finding in decision.findings:
                if _is_right(finding):
                    rights.setdefault(finding.rule, Counter())[_right_state(finding.verdict)] += 1
                else:
                    rules.setdefault(finding.rule, Counter())[finding.verdict] += 1
        #: Findings of the conditions by rule and verdict; the rights by rule and state (exists, pending, not).
        self.rules = rules if decisions else {}
        self.rights = rights if decisions else {}


def _error_type(error: CaseError | UnsupportedDateError) -> str:
    return type(error).__name__


def _error_details(error: CaseError | UnsupportedDateError, lang: str) -> list[str]:
    """Return each bad field of a :class:`CaseError` as ``path: text`` in ``lang`` (nothing for a date error)."""
    if isinstance(error, CaseError):
        return [field.describe(lang) for field in error.errors]
    return []


def _counts_line(summary: _Summary, lang: str) -> str:
    """Return the report's counts in words: ``1 afgørelse · 2 fejl``, ``2 decisions · 1 error``."""
    return f"{counted(summary.decisions, 'decision', lang)} · {counted(len(summary.errors), 'error', lang)}"


def _label(item: ReportItem, number: int, lang: str) -> str:
    label = _case_label(item, lang) if isinstance(item, Decision) else None
    return label if label is not None else _WORDS[lang]["case_n"].format(n=number)


def _anchor(number: int) -> str:
    return f"mr-case-{number}"


def _right_head_html(state: str, lang: str) -> str:
    return _right_badge(state, _WORDS[lang][f"right_{state}_short"])


def _report_html(items: list[ReportItem], lang: str, sources: Sequence[str] | None) -> str:
    w = _WORDS[lang]
    summary = _Summary(items)

    def source_html(number: int) -> str:
        return "" if sources is None else f' <span class="mr-source"><code>{_e(sources[number - 1])}</code></span>'

    def source_cell(number: int) -> str:
        return "" if sources is None else f"<td><code>{_e(sources[number - 1])}</code></td>"

    source_head = "" if sources is None else f"<th>{_e(w['input'])}</th>"
    parts = [
        f'<div class="mr mr-report" lang="{lang}"><style>{_CSS}</style>',
        f'<h1 id="mr-top">{_e(w["report"])}</h1>',
        f'<p class="mr-note">{_e(_counts_line(summary, lang))} · {_e(w["generated"].format(version=__version__))}</p>',
        f'<p class="mr-note">{_e(w["support"])}</p>',
        f"<h2>{_e(w['overview'])}</h2>",
    ]
    if not items:
        parts.append(f"<p>{_e(w['no_cases'])}</p>")

    tiles = "".join(
        f'<div class="mr-tile">{_badge(v, lang)}<span class="mr-big">{summary.verdicts[v]}</span></div>'
        for v in _VERDICT_ORDER[:-1]
    )
    if summary.errors:
        tiles += (
            f'<div class="mr-tile"><span class="mr-badge mr-not_met">{_e(w["errors"])}</span>'
            f'<span class="mr-big">{len(summary.errors)}</span></div>'
        )
    parts.append(f'<h3>{_e(w["overall"])}</h3><div class="mr-tiles">{tiles}</div>')

    if summary.laws:
        rows = "".join(
            f'<tr><td><code>{_e(law)}</code></td><td class="mr-num">{count}</td></tr>' for law, count in summary.laws
        )
        parts.append(
            f"<h3>{_e(w['by_law'])}</h3>"
            + _scroll(
                f'<table class="mr-table" style="width:auto"><thead><tr><th>{_e(w["law"])}</th>'
                f'<th class="mr-num">{_e(w["count"])}</th></tr></thead><tbody>{rows}</tbody></table>'
            )
        )

    def count_cell(count: int) -> str:
        return f'<td class="mr-num">{count}</td>' if count else '<td class="mr-num mr-zero">0</td>'

    def rule_cell(rule: str) -> str:
        return f'<td><strong>{_e(_title(rule, lang))}</strong><span class="mr-rule mr-mono">{_e(rule)}</span></td>'

    def counts_table(head: str, rows: str) -> str:
        return _scroll(
            f'<table class="mr-table"><thead><tr><th>{_e(w["rule"])}</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
        )

    if summary.rules:
        head = "".join(f'<th class="mr-num">{_badge(v, lang)}</th>' for v in _VERDICT_ORDER)
        rows = "".join(
            f"<tr>{rule_cell(rule)}" + "".join(count_cell(counts[v]) for v in _VERDICT_ORDER) + "</tr>"
            for rule, counts in summary.rules.items()
        )
        parts.append(f"<h3>{_e(w['by_rule'])}</h3>" + counts_table(head, rows))
    if summary.rights:
        head = "".join(f'<th class="mr-num">{_right_head_html(state, lang)}</th>' for state in _RIGHT_STATES)
        rows = "".join(
            f"<tr>{rule_cell(rule)}" + "".join(count_cell(counts[state]) for state in _RIGHT_STATES) + "</tr>"
            for rule, counts in summary.rights.items()
        )
        legend = _e(w["right_legend"].format_map(_RIGHT_SYMBOLS))
        parts.append(f'<h3>{_e(w["by_right"])}</h3><p class="mr-note">{legend}</p>' + counts_table(head, rows))

    if summary.errors:
        rows = "".join(
            f'<tr><td><a href="#{_anchor(n)}">{n}</a></td>{source_cell(n)}<td><code>{_e(_error_type(err))}</code></td>'
            f"<td>{_e(err.text(lang))}</td></tr>"
            for n, err in summary.errors
        )
        parts.append(
            f"<h3>{_e(w['errors'])}</h3>"
            + _scroll(
                f'<table class="mr-table"><thead><tr><th>{_e(w["no"])}</th>{source_head}'
                f"<th>{_e(w['error_type'])}</th><th>{_e(w['error_message'])}</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
            )
        )

    if items:
        rows = "".join(
            f'<tr><td class="mr-num">{n}</td><td><a href="#{_anchor(n)}">{_e(_label(item, n, lang))}</a></td>'
            + source_cell(n)
            + "<td>"
            + (
                f"{_badge(item.verdict, lang)}</td><td><code>{_e(item.law.id)}</code></td>"
                f'<td class="mr-num">{len(item.unresolved())}</td></tr>'
                if isinstance(item, Decision)
                else f'<span class="mr-badge mr-not_met">{_e(_error_type(item))}</span></td><td></td><td></td></tr>'
            )
            for n, item in enumerate(items, 1)
        )
        parts.append(
            f"<h3>{_e(w['cases'])}</h3>"
            + _scroll(
                f'<table class="mr-table"><thead><tr><th class="mr-num">{_e(w["no"])}</th>'
                f"<th>{_e(w['case'])}</th>{source_head}<th>{_e(w['verdict'])}</th><th>{_e(w['law'])}</th>"
                f'<th class="mr-num">{_e(w["unresolved"])}</th></tr></thead><tbody>{rows}</tbody></table>'
            )
        )

    for number, item in enumerate(items, 1):
        heading = (
            f'<a class="mr-top" href="#mr-top">↑ {_e(w["overview"])}</a>'
            f"<h2>{number}. {_e(_label(item, number, lang))}{source_html(number)}</h2>"
        )
        if isinstance(item, Decision):
            body = _decision_body_html(item, lang)
        else:
            details = "".join(f"<li>{_e(line)}</li>" for line in _error_details(item, lang))
            body = (
                f'<div class="mr-error"><p><code>{_e(_error_type(item))}</code>: {_e(item.text(lang))}</p>'
                + (f"<ul>{details}</ul>" if details else "")
                + "</div>"
            )
        parts.append(f'<section class="mr-case" id="{_anchor(number)}">{heading}{body}</section>')
    parts.append("</div>")
    return _document("".join(parts), w["report"], lang)


def _md_count_rows(table: Mapping[str, Counter[Any]], columns: Iterable[Any], lang: str) -> list[str]:
    """Return a Markdown table's rows: a rule's title and id, then its count in each column."""
    keys = tuple(columns)
    return [
        f"| {_md(_title(rule, lang))} ({_md_code(rule)}) | " + " | ".join(str(counts[key]) for key in keys) + " |"
        for rule, counts in table.items()
    ]


def _report_markdown(items: list[ReportItem], lang: str, sources: Sequence[str] | None) -> str:
    w = _WORDS[lang]
    summary = _Summary(items)

    def source_md(number: int) -> str:
        return "" if sources is None else f" · {_md_source(sources[number - 1])}"

    def source_cell(number: int) -> str:
        return "" if sources is None else f" {_md_source(sources[number - 1])} |"

    source_head = "" if sources is None else f" {w['input']} |"
    source_rule = "" if sources is None else " --- |"
    lines = [
        f"# {w['report']}",
        "",
        f"{_counts_line(summary, lang)} · {w['generated'].format(version=__version__)}",
        "",
        f"> {w['support']}",
        "",
        f"## {w['overview']}",
        "",
    ]
    if not items:
        lines += [w["no_cases"], ""]
    lines += [f"### {w['overall']}", "", f"| {w['verdict']} | {w['count']} |", "| --- | ---: |"]
    lines += [f"| {_md_badge(v, lang)} | {summary.verdicts[v]} |" for v in _VERDICT_ORDER[:-1]]
    if summary.errors:
        lines.append(f"| {w['errors']} | {len(summary.errors)} |")
    if summary.laws:
        lines += ["", f"### {w['by_law']}", "", f"| {w['law']} | {w['count']} |", "| --- | ---: |"]
        lines += [f"| {_md_code(law)} | {count} |" for law, count in summary.laws]
    if summary.rules:
        lines += [
            "",
            f"### {w['by_rule']}",
            "",
            f"| {w['rule']} | " + " | ".join(_md_badge(v, lang) for v in _VERDICT_ORDER) + " |",
            "| --- |" + " ---: |" * len(_VERDICT_ORDER),
        ]
        lines += _md_count_rows(summary.rules, _VERDICT_ORDER, lang)
    if summary.rights:
        lines += [
            "",
            f"### {w['by_right']}",
            "",
            f"*{_md(w['right_legend'].format_map(_RIGHT_SYMBOLS))}*",
            "",
            f"| {w['rule']} | "
            + " | ".join(f"{_RIGHT_SYMBOLS[state]} {w[f'right_{state}_short']}" for state in _RIGHT_STATES)
            + " |",
            "| --- |" + " ---: |" * len(_RIGHT_STATES),
        ]
        lines += _md_count_rows(summary.rights, _RIGHT_STATES, lang)
    if summary.errors:
        lines += [
            "",
            f"### {w['errors']}",
            "",
            f"| {w['no']} |{source_head} {w['error_type']} | {w['error_message']} |",
            f"| ---: |{source_rule} --- | --- |",
        ]
        lines += [
            f"| [{n}](#{_anchor(n)}) |{source_cell(n)} {_md_code(_error_type(err))} | {_md(err.text(lang))} |"
            for n, err in summary.errors
        ]
    if items:
        lines += [
            "",
            f"### {w['cases']}",
            "",
            f"| {w['no']} | {w['case']} |{source_head} {w['verdict']} |",
            f"| ---: | --- |{source_rule} --- |",
        ]
        lines += [
            f"| {n} | [{_md(_label(item, n, lang))}](#{_anchor(n)}) |{source_cell(n)} "
            + (_md_badge(item.verdict, lang) if isinstance(item, Decision) else _md_code(_error_type(item)))
            + " |"
            for n, item in enumerate(items, 1)
        ]
    for number, item in enumerate(items, 1):
        lines += [
            "",
            f'<a id="{_anchor(number)}"></a>',
            "",
            f"## {number}. {_md(_label(item, number, lang))}{source_md(number)}",
            "",
        ]
        if isinstance(item, Decision):
            lines += _decision_md(item, lang, 3)
        else:
            lines.append(f"{_md_code(_error_type(item))}: {_md(item.text(lang))}")
            lines += [f"- {_md(line)}" for line in _error_details(item, lang)]
    return "\n".join(lines) + "\n"


def report(
    decisions: Iterable[ReportItem],
    *,
    format: Literal["html", "markdown"] = "html",
    lang: str = "da",
    sources: Sequence[str] | None = None,
) -> str:
    """
    Write an auditor's report over many decisions.

    A summary first: the number of decisions and errors, the counts by overall
    verdict, a table of findings by rule and verdict (one finding per rule and
    subject), a table of the statutory rights by whether the right exists, is
    pending or does not exist (the rights do not enter the overall verdict, so
    they are not counted as conditions met or not met), and the counts by law
    version; then one section per item, in input order, headed by its case id
    (or "Sag N"/"Case N"), with the full rendering of the decision or the
    error (worded in ``lang``, as :meth:`~mentorrules.CaseError.text` and
    :meth:`~mentorrules.FieldError.describe` word it; the counts put their
    nouns in the right number: "1 afgørelse", "2 decisions").  The HTML is one self-contained document with a single ``<style>``
    and an anchor per case (``#mr-case-N``); its tables scroll sideways on a
    narrow screen.

    Args:
        decisions: Decisions, and the :class:`~mentorrules.CaseError` or
            :class:`~mentorrules.UnsupportedDateError` instances that batch
            evaluation yields in place of a case it could not decide (listed
            as errors).
        format: ``"html"`` (default) or ``"markdown"``.
        lang: ``"da"`` (default) or ``"en"``.
        sources: Where each item came from, one text per item in the same
            order (``"cases.jsonl:12"``, ``"cases.json[3]"``: what
            ``mentorrules check`` names a record's ``source``).  When given,
            every case's section heading, its row in the table of cases and an
            error's row in the table of errors show it beside the case id, so
            that two cases with the same ``case_id`` are told apart; the
            anchors stay ``#mr-case-N``.

    Returns:
        The report.

    Raises:
        ValueError: when ``format`` or ``lang`` is not one of the values above,
            or when ``sources`` does not hold one text per item.
        TypeError: when an item is neither a decision nor one of those errors.
    """
    check_lang(lang)
    if format not in ("html", "markdown"):
        raise ValueError(f"format must be 'html' or 'markdown', not {format!r}")
    items = list(decisions)
    for item in items:
        if not isinstance(item, Decision | CaseError | UnsupportedDateError):
            raise TypeError(f"a report takes decisions, CaseError and UnsupportedDateError, not {type(item).__name__}")
    shown = None if sources is None else list(sources)
    if shown is not None and len(shown) != len(items):
        raise ValueError(f"sources must hold one text per item: {len(shown)} for {len(items)} items")
    if format == "html":
        return _report_html(items, lang, shown)
    return _report_markdown(items, lang, shown)
