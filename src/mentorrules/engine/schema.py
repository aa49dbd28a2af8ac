"""
The JSON Schema of the decision record (``mentorrules.decision/2``).

:func:`decision_schema` describes exactly what :meth:`Decision.to_dict()
<mentorrules.Decision.to_dict>` returns (DESIGN section 4), so that a
municipal system can validate stored decision records without importing the
library.  The enumerations (rule ids, verdicts, notice codes, reference kinds,
law versions and the interpretation choices) are read from the library
itself, so the schema cannot drift from the code.

    >>> schema = decision_schema()
    >>> schema["properties"]["schema"]["const"]
    'mentorrules.decision/2'
    >>> "duration.period_length" in schema["$defs"]["Finding"]["properties"]["rule"]["enum"]
    True
"""

from __future__ import annotations

from typing import Any

from mentorrules.engine.notices import NOTICE_CODES
from mentorrules.law.interpretation import AmbiguousDates, EducationRightWindow, LawDate
from mentorrules.law.versions import LAW_VERSIONS
from mentorrules.model.outcomes import Verdict
from mentorrules.model.references import ReferenceKind
from mentorrules.rules import CATALOGUE


__all__ = ["DECISION_SCHEMA_ID", "decision_schema"]

DECISION_SCHEMA_ID = "https://mentorrules.readthedocs.io/schema/decision.json"
#: An ISO date as the record writes it.
_DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _date(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "pattern": _DATE_PATTERN, "description": description}


def _closed(properties: dict[str, Any], description: str) -> dict[str, Any]:
    """Return an object schema whose keys are exactly ``properties``, all required."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def decision_schema() -> dict[str, Any]:
    """
    Describe the decision record (:meth:`Decision.to_dict() <mentorrules.Decision.to_dict>`) as JSON Schema.

    The schema (draft 2020-12) fixes the shape of DESIGN section 4: the
    schema tag ``mentorrules.decision/2``, the aggregate verdict, the law
    version, the seven interpretation choices, the findings (rule id from the
    catalogue, verdict, subject, facts, at least one reference, the message in
    Danish and English), the notices, the library version and the
    ``sha256:`` fingerprint.  Objects whose keys are fixed reject unknown
    keys; a finding's ``facts`` is free-form, since every rule records its
    own facts: any JSON value (dates as ISO strings, decimals as plain
    strings).

    Returns:
        A new dict each call, free to change.
    """
    verdicts = [verdict.value for verdict in Verdict]
    message = _closed(
        {
            "da": {"type": "string", "minLength": 1, "description": "Danish (authoritative)"},
            "en": {"type": "string", "minLength": 1, "description": "English"},
        },
        "The explanation in Danish and English; a finding's message ends with its citations.",
    )
    reference = _closed(
        {
            "citation": {
                "type": "string",
                "minLength": 1,
                "description": "Danish citation, e.g. 'LAB § 167, stk. 1, 1. pkt.'",
            },
            "source": {"type": "string", "minLength": 1, "description": "The act or order in force on the law date"},
            "url": {"type": "string", "minLength": 1, "description": "Address of that version (ELI where one exists)"},
            "kind": {"type": "string", "enum": [kind.value for kind in ReferenceKind]},
            "verified": {"type": "boolean", "description": "False where the legal research could not verify the text"},
        },
        "A pinpoint citation into one version of a legal source.",
    )
    fact = {"description": "A fact the rule used, any JSON value: dates as ISO strings, decimals as plain strings."}
    finding = _closed(
        {
            "rule": {"type": "string", "enum": [rule.id for rule in CATALOGUE]},
            "verdict": {"$ref": "#/$defs/Verdict"},
            "subject": {
                "type": "string",
                "description": "Path of the fact it is about, e.g. 'periods[1]'; '' for the whole case.",
            },
            "facts": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Fact"}},
            "references": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Reference"}},
            "message": {"$ref": "#/$defs/Message"},
        },
        "The outcome of one rule for one subject.",
    )
    notice = _closed(
        {
            "code": {"type": "string", "enum": list(NOTICE_CODES)},
            "subject": {"type": "string"},
            "message": {"$ref": "#/$defs/Message"},
            "references": {"type": "array", "items": {"$ref": "#/$defs/Reference"}},
        },
        "Information that does not change a verdict.",
    )
    law = _closed(
        {
            "id": {"type": "string", "enum": [version.id for version in LAW_VERSIONS]},
            "title": {"type": "string", "minLength": 1},
            "valid_from": _date("First law date governed"),
            "valid_to": _date("Last law date governed"),
        },
        "The law version applied.",
    )
    interpretation = _closed(
        {
            "ambiguous_dates": {"type": "string", "enum": [m.value for m in AmbiguousDates]},
            "complaint_guidance_required_from_2020": {"type": "boolean"},
            "strict_mentor_categories": {"type": "boolean"},
            "psychiatric_period_may_exceed_six_months": {"type": "boolean"},
            "education_right_window": {"type": "string", "enum": [m.value for m in EducationRightWindow]},
            "under_30_education_guidance": {"type": "boolean"},
            "law_date": {"type": "string", "enum": [m.value for m in LawDate]},
        },
        "The interpretation choices applied.",
    )
    record = _closed(
        {
            "schema": {"const": "mentorrules.decision/2"},
            "verdict": {
                "type": "string",
                "enum": [v for v in verdicts if v != Verdict.NOT_APPLICABLE.value],
                "description": "The aggregate verdict (never not_applicable).",
            },
            "decision_date": _date("The case's decision date"),
            "law": {"$ref": "#/$defs/Law"},
            "interpretation": {"$ref": "#/$defs/Interpretation"},
            "findings": {"type": "array", "items": {"$ref": "#/$defs/Finding"}},
            "notices": {"type": "array", "items": {"$ref": "#/$defs/Notice"}},
            "library_version": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
        },
        "One mentor-support decision record: every rule's findings, the notices, the law and interpretation used.",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": DECISION_SCHEMA_ID,
        "title": "mentorrules decision",
        **record,
        "$defs": {
            "Verdict": {"type": "string", "enum": verdicts},
            "Message": message,
            "Reference": reference,
            "Fact": fact,
            "Finding": finding,
            "Notice": notice,
            "Law": law,
            "Interpretation": interpretation,
        },
    }
