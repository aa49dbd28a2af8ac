"""
The engine: the registry of rules, the coverage pass, :func:`~mentorrules.evaluate`, the notices.

* :mod:`~mentorrules.engine.registry`: every rule resolved for every epoch of the law;
* :mod:`~mentorrules.engine.coverage`: which periods the rights cover, before the rules run;
* :mod:`~mentorrules.engine.evaluate`: :func:`~mentorrules.evaluate` and
  :func:`~mentorrules.rule_catalogue`;
* :mod:`~mentorrules.engine.notices`: the notices' texts;
* :mod:`~mentorrules.engine.schema`: :func:`~mentorrules.decision_schema`.
"""
