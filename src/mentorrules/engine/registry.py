"""
The registry: every rule resolved for every epoch of the law, and the public description of a rule.

:func:`build_views` builds, once at import, one :class:`~mentorrules.rules._base.RuleView`
per rule and epoch (references and message templates resolved for the law in force);
:class:`RuleInfo` is a rule as :func:`~mentorrules.rule_catalogue` describes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

import attrs

from mentorrules.law.versions import SNAPSHOTS, LawSnapshot
from mentorrules.model.references import LegalReference
from mentorrules.rules._base import Rule, RuleView


__all__ = ["RuleInfo", "build_epoch_views", "build_views"]


@attrs.frozen(kw_only=True)
class RuleInfo:
    """
    A rule as the public catalogue describes it (see :func:`~mentorrules.rule_catalogue`).

    Attributes:
        id: The rule id.
        family: The rule family.
        per: ``"case"`` or ``"period"``.
        title: The title in the language asked for.
        verdicts: The verdicts the rule gives by itself, by value.  Under
            ``ambiguous_dates = "flag"`` any finding may also become
            ``needs_assessment``, and while a right is pending (DESIGN
            section 5, C2.11) a finding it would change takes the right's
            ``needs_assessment`` or ``missing_facts``.
        references: For each law version id, the references cited on its
            first day and every later citation that differs, as
            ``(valid_from, references)`` pairs.
    """

    id: str
    family: str
    per: str
    title: str
    verdicts: tuple[str, ...]
    references: Mapping[str, tuple[tuple[date, tuple[LegalReference, ...]], ...]]

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready description."""
        return {
            "id": self.id,
            "family": self.family,
            "per": self.per,
            "title": self.title,
            "verdicts": list(self.verdicts),
            "references": {
                law: [
                    {"valid_from": start.isoformat(), "references": [r.to_dict() for r in refs]}
                    for start, refs in spans
                ]
                for law, spans in self.references.items()
            },
        }


def build_epoch_views(rules: tuple[Rule, ...], snapshot: LawSnapshot) -> Mapping[str, RuleView]:
    """Return a view of every rule for one epoch of the law, by rule id."""
    return MappingProxyType({rule.id: RuleView(rule, snapshot) for rule in rules})


def build_views(rules: tuple[Rule, ...]) -> tuple[tuple[LawSnapshot, Mapping[str, RuleView]], ...]:
    """Return, for every epoch of the law, a view of every rule."""
    return tuple(
        (snapshot, MappingProxyType({rule.id: RuleView(rule, snapshot) for rule in rules})) for snapshot in SNAPSHOTS
    )
