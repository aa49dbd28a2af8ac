"""
The law over time: law versions and dated details, the interpretation choices, month arithmetic.

* :mod:`~mentorrules.law.versions`: ``lab-2014`` and ``lab-2020``, the act and executive
  order in force on a law date, the dated details (:func:`snapshot_for`);
* :mod:`~mentorrules.law.interpretation`: :class:`~mentorrules.Interpretation`;
* :mod:`~mentorrules.law.dates`: how "6 måneder" and "under 30 år" are counted.

The names of :mod:`~mentorrules.law.versions` are re-exported here
(``mentorrules.law.snapshot_for`` keeps working).
"""

from mentorrules.law.versions import (
    LAW_VERSIONS,
    SNAPSHOTS,
    LawSnapshot,
    LawVersion,
    Parameter,
    Source,
    law_version_for,
    snapshot_for,
)


__all__ = [
    "LAW_VERSIONS",
    "SNAPSHOTS",
    "LawSnapshot",
    "LawVersion",
    "Parameter",
    "Source",
    "law_version_for",
    "snapshot_for",
]
