"""
Filling a frozen, slotted attrs instance without calling its class.

Two fast paths build objects whose values are already known to be valid:
``load_case`` builds the facts after checking every value itself
(:mod:`mentorrules.codec.cases`), and :func:`~mentorrules.evaluate` builds the
decision record (:func:`mentorrules.model.outcomes.new_decision`).  Each takes an
empty instance (``object.__new__``) and stores every attribute through its
slot's descriptor, which is what the ``__init__`` that attrs writes does,
without the keyword handling and the checks.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any

import attrs


__all__ = ["slot_setters"]


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """
    Return the setters of the slots of the attrs class ``cls``, in attribute order.

    Each is the ``__set__`` of the slot's member descriptor: ``setter(instance,
    value)`` stores ``value`` in that slot, past a frozen class's ``__setattr__``,
    exactly as attrs' generated ``__init__`` does.  The callers unpack them into
    one name per attribute, so a change in their number fails loudly.

    Raises:
        AssertionError: If an attribute of ``cls`` is not a slot (at import, where
            the callers build their setters).
    """
    setters = []
    for field in attrs.fields(cls):
        descriptor = vars(cls).get(field.name)
        if type(descriptor) is not MemberDescriptorType:
            raise AssertionError(f"{cls.__name__}.{field.name} is not a slot")
        setters.append(descriptor.__set__)
    return tuple(setters)
