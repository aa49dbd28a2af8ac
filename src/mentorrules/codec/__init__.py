"""
The case as a JSON document, and the privacy scan of its texts.

* :mod:`~mentorrules.codec.cases`: :func:`~mentorrules.load_case`, :func:`~mentorrules.dump_case`,
  :func:`~mentorrules.case_schema`: thin calls into the code generated from the facts' description
  (:mod:`mentorrules.model.generated`);
* :mod:`~mentorrules.codec.privacy`: which free texts of a case look like a CPR number.

The description itself lives with the facts (:mod:`mentorrules.model.description`) and the code is
generated in the model layer, because the model needs it too: the facts' constructors check their
values with it, and a decision's fingerprint is the canonical JSON it writes.
"""
