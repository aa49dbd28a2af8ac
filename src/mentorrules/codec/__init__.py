"""
The documents' JSON: reading and writing cases, their schema, the privacy scan of their texts.

* :mod:`~mentorrules.codec.cases`: :func:`~mentorrules.load_case`, :func:`~mentorrules.dump_case`,
  :func:`~mentorrules.case_schema`;
* :mod:`~mentorrules.codec.privacy`: what looks like a CPR number, and where;
* :mod:`~mentorrules.codec.constants`: the numbers JSON text may hold (no NaN, no Infinity).
"""
