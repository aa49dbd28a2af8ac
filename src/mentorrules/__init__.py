"""
mentorrules: the Danish rules on mentor support (*mentorstøtte*) as code.

Facts about a case go in (:class:`Case`, from JSON with :func:`load_case`);
:func:`evaluate` returns a reproducible :class:`Decision` with a
:class:`Finding` per rule, each tied to its legal source in the law version in
force on the law date.  It is decision support: it records a caseworker's
concrete assessment and never makes one.
"""

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from mentorrules._version import __version__
from mentorrules.codec.cases import case_schema, dump_case, load_case
from mentorrules.engine.evaluate import evaluate, rule_catalogue
from mentorrules.engine.registry import RuleInfo
from mentorrules.law.dates import max_period_end
from mentorrules.law.interpretation import AmbiguousDates, EducationRightWindow, Interpretation, LawDate
from mentorrules.law.versions import LawVersion
from mentorrules.model.exceptions import (
    CaseError,
    CostClaimError,
    FieldError,
    MentorRulesDeprecationWarning,
    MentorRulesError,
    ProfileError,
    UnsupportedDateError,
)
from mentorrules.model.facts import (
    Agreement,
    Assessment,
    Case,
    Citizen,
    EducationAdmission,
    Engager,
    Hours,
    HoursBasis,
    HoursUnit,
    Mentor,
    MentorEmployer,
    Period,
    PsychiatricDischarge,
    Purpose,
    TargetGroup,
    Task,
)
from mentorrules.model.outcomes import Decision, Finding, Notice, Verdict
from mentorrules.model.references import LegalReference, ReferenceKind
from mentorrules.planning import Window, education_admission_window, next_period_window, psychiatric_discharge_window


if TYPE_CHECKING:  # loaded on first use (see __getattr__), so that `import mentorrules` stays fast
    from mentorrules.batch import evaluate_many
    from mentorrules.costs import CostClaim, CostDecision, CostKind, evaluate_costs, load_cost_claim
    from mentorrules.engine.schema import decision_schema
    from mentorrules.render import report

#: Public names whose modules are imported on first use: batch processing, costs, reports, schemas.
_LAZY = MappingProxyType(
    {
        "CostClaim": "mentorrules.costs",
        "CostDecision": "mentorrules.costs",
        "CostKind": "mentorrules.costs",
        "decision_schema": "mentorrules.engine.schema",
        "evaluate_costs": "mentorrules.costs",
        "evaluate_many": "mentorrules.batch",
        "load_cost_claim": "mentorrules.costs",
        "report": "mentorrules.render",
    }
)


def __getattr__(name: str) -> Any:
    """Import a lazily loaded public name on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mentorrules' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    """List the public names, the lazily loaded ones included."""
    return sorted({*globals(), *__all__})


__all__ = [
    "Agreement",
    "AmbiguousDates",
    "Assessment",
    "Case",
    "CaseError",
    "Citizen",
    "CostClaim",
    "CostClaimError",
    "CostDecision",
    "CostKind",
    "Decision",
    "EducationAdmission",
    "EducationRightWindow",
    "Engager",
    "FieldError",
    "Finding",
    "Hours",
    "HoursBasis",
    "HoursUnit",
    "Interpretation",
    "LawDate",
    "LawVersion",
    "LegalReference",
    "Mentor",
    "MentorEmployer",
    "MentorRulesDeprecationWarning",
    "MentorRulesError",
    "Notice",
    "Period",
    "ProfileError",
    "PsychiatricDischarge",
    "Purpose",
    "ReferenceKind",
    "RuleInfo",
    "TargetGroup",
    "Task",
    "UnsupportedDateError",
    "Verdict",
    "Window",
    "__version__",
    "case_schema",
    "decision_schema",
    "dump_case",
    "education_admission_window",
    "evaluate",
    "evaluate_costs",
    "evaluate_many",
    "load_case",
    "load_cost_claim",
    "max_period_end",
    "next_period_window",
    "psychiatric_discharge_window",
    "report",
    "rule_catalogue",
]
