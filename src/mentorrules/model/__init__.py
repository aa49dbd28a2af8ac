"""
The nouns of the library, its lowest layer: facts, outcomes, references, exceptions.

* :mod:`~mentorrules.model.facts`: the frozen attrs classes of a case (``Case`` … and the enums);
* :mod:`~mentorrules.model.outcomes`: ``Verdict``, ``Finding``, ``Notice``, ``Decision``;
* :mod:`~mentorrules.model.references`: ``LegalReference``;
* :mod:`~mentorrules.model.exceptions`: every exception the library raises;
* :mod:`~mentorrules.model.words`: the words for the codes facts hold;
* :mod:`~mentorrules.model.canonical`: the canonical JSON a decision's fingerprint is made of.

Nothing here imports another layer, except that a ``Decision`` reaches the renderer
through a lazy import for ``explain`` and the notebook displays (DESIGN section 2).
"""
