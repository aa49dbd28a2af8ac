"""
The rules of mentor support, one module per family, one interface for all.

Every rule module exposes ``RULES``, a tuple of :class:`~mentorrules.rules._base.Rule`
values, and documents the law it encodes in its module docstring:

* :mod:`~mentorrules.rules.eligibility`: purpose, decisive need, who may be mentor;
* :mod:`~mentorrules.rules.duties`: beyond the employer's or school's usual duties;
* :mod:`~mentorrules.rules.duration`: at most six months, new periods;
* :mod:`~mentorrules.rules.rights`: the psychiatric-discharge and education-admission rights;
* :mod:`~mentorrules.rules.agreement`: the written record and its contents.

:data:`CATALOGUE` is every rule in catalogue order (DESIGN section 5), the
order of the findings in a decision.
"""

from __future__ import annotations

from mentorrules.rules import agreement, duration, duties, eligibility, rights
from mentorrules.rules._base import Rule


__all__ = ["CATALOGUE", "agreement", "duration", "duties", "eligibility", "rights"]

#: Every rule, in catalogue order.
CATALOGUE: tuple[Rule, ...] = (
    *eligibility.RULES,
    *duties.RULES,
    *duration.RULES,
    *rights.RULES,
    *agreement.RULES,
)
