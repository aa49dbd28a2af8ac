"""
Law versions, the sources in force on a date, dated details and parameters.

The library models two versions of the mentor rules (*regelsæt*):

``lab-2014``
    Decisions from 2014-01-01 to 2019-12-31: lov om en aktiv
    beskæftigelsesindsats of 2003 as amended by the cash-benefit reform,
    chapter 9 b, §§ 31 b-31 f (consolidated in LBK nr. 990 af 12. september
    2014, LBK nr. 807 af 1. juli 2015 and LBK nr. 1342 af 21. november 2016).
``lab-2020``
    Decisions from 2020-01-01 to 2026-12-31: lov nr. 548 af 7. maj 2019,
    chapter 26, §§ 167-171 (consolidated in LBK nr. 701 af 22. maj 2022 and
    LBK nr. 280 af 1. marts 2024), with the executive order
    (*bekendtgørelse om en aktiv beskæftigelsesindsats*) in force on the date.

Earlier law (LAB 2003 §§ 78-81) is not modelled, and a new main act is
announced from 2027-01-01 but was not enacted in the sources the rules were
built from: any other date raises :class:`~mentorrules.UnsupportedDateError`.

Within ``lab-2020`` three details depend on the date.  Their in-force dates
were not found (LAW.md A4), so the library uses the dates of DESIGN section 6
and marks the references unverified where the date matters:

* § 167, stk. 3 (the education-admission right) is not in the 2019 act and is
  present in LBK 701/2022; assumed in force from 2022-01-01;
* the words "med samme formål som efter stk. 1" in § 167, stk. 2 (lov nr. 295
  af 20. marts 2023, § 1, nr. 10); assumed from 2023-04-01, certain from LBK
  280/2024 (2024-03-01);
* "kommunen" for "jobcenteret" (lov nr. 1750 af 29. december 2025, § 1,
  nr. 1); assumed from 2026-02-01.

Legal parameters (6 months, 3 months, age 30) are dated data with their
reference, never literals in rule code.

    >>> snapshot_for(date(2024, 3, 1)).lab.designation
    'LBK nr. 280 af 1. marts 2024'
    >>> snapshot_for(date(2024, 2, 29)).lab.designation
    'LBK nr. 701 af 22. maj 2022'
"""

from __future__ import annotations

import bisect
from datetime import date

import attrs

from mentorrules.model.exceptions import UnsupportedDateError
from mentorrules.model.references import LegalReference, ReferenceKind


__all__ = [
    "LAW_VERSIONS",
    "LawSnapshot",
    "LawVersion",
    "Parameter",
    "Source",
    "law_version_for",
    "snapshot_for",
]

_ELI = "https://www.retsinformation.dk/eli/lta"


@attrs.frozen(kw_only=True)
class LawVersion:
    """
    A version of the mentor rules and the decisions it governs.

    Attributes:
        id: Stable identifier (``"lab-2014"``, ``"lab-2020"``).
        title: The act and chapter, in Danish.
        valid_from: First law date governed (inclusive).
        valid_to: Last law date governed (inclusive).
    """

    id: str
    title: str
    valid_from: date
    valid_to: date

    def covers(self, day: date) -> bool:
        """Return whether ``day`` lies within this version's window."""
        return self.valid_from <= day <= self.valid_to

    def to_dict(self) -> dict[str, str]:
        """Return the JSON shape used in decision records."""
        return {
            "id": self.id,
            "title": self.title,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat(),
        }


LAB_2014 = LawVersion(
    id="lab-2014",
    title="Lov om en aktiv beskæftigelsesindsats (LAB 2003 som ændret), kapitel 9 b, §§ 31 b–31 f",
    valid_from=date(2014, 1, 1),
    valid_to=date(2019, 12, 31),
)
LAB_2020 = LawVersion(
    id="lab-2020",
    title="Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. maj 2019), kapitel 26, §§ 167–171",
    valid_from=date(2020, 1, 1),
    valid_to=date(2026, 12, 31),
)
#: Every modelled law version, oldest first; their windows meet without gaps.
LAW_VERSIONS: tuple[LawVersion, ...] = (LAB_2014, LAB_2020)

_WHY_UNSUPPORTED = (
    "the library models decisions from 2014-01-01 to 2026-12-31: lab-2014 (LAB 2003 as amended, chapter 9 b, "
    "2014-01-01..2019-12-31) and lab-2020 (LAB 2019, chapter 26, 2020-01-01..2026-12-31). Earlier law "
    "(LAB 2003 §§ 78-81) is not modelled, and a new main act on the employment effort is announced from "
    "2027-01-01 but was not enacted in the sources the rules were built from"
)
_WHY_UNSUPPORTED_DA = (
    "biblioteket modellerer afgørelser fra 2014-01-01 til 2026-12-31: lab-2014 (LAB 2003 med senere ændringer, "
    "kapitel 9 b, 2014-01-01..2019-12-31) og lab-2020 (LAB 2019, kapitel 26, 2020-01-01..2026-12-31). Tidligere "
    "regler (LAB 2003 §§ 78-81) er ikke modelleret, og en ny hovedlov om beskæftigelsesindsatsen er varslet fra "
    "2027-01-01, men var ikke vedtaget i de kilder, reglerne bygger på"
)


def law_version_for(day: date) -> LawVersion:
    """
    Return the law version that governs a law date.

    Raises:
        UnsupportedDateError: when ``day`` lies outside 2014-01-01..2026-12-31.

    >>> law_version_for(date(2019, 12, 31)).id, law_version_for(date(2020, 1, 1)).id
    ('lab-2014', 'lab-2020')
    """
    for version in LAW_VERSIONS:
        if version.covers(day):
            return version
    raise UnsupportedDateError(day, what="law date", detail=_WHY_UNSUPPORTED, detail_da=_WHY_UNSUPPORTED_DA)


@attrs.frozen(kw_only=True)
class Source:
    """
    One version of an act or executive order and when it is cited.

    Attributes:
        designation: How it is cited as a source, e.g. ``"LBK nr. 280 af 1. marts 2024"``.
        url: ELI address of that version on Retsinformation.
        valid_from: First law date on which it is cited (inclusive).
        valid_to: Last law date on which it is cited (inclusive).
        section_map: For executive orders, the section numbers of the mentor
            provisions by meaning (``"min_plan"``, ``"usual_work"``, ...).
    """

    designation: str
    url: str
    valid_from: date
    valid_to: date
    section_map: tuple[tuple[str, str], ...] = ()

    def section(self, meaning: str) -> str:
        """Return the section number of a provision by its meaning."""
        return dict(self.section_map)[meaning]


_LAB_SOURCES: tuple[Source, ...] = (
    Source(
        designation="lov nr. 419 af 10. juni 2003 som ændret",
        url=f"{_ELI}/2003/419",
        valid_from=date(2014, 1, 1),
        valid_to=date(2014, 9, 11),
    ),
    Source(
        designation="LBK nr. 990 af 12. september 2014",
        url=f"{_ELI}/2014/990",
        valid_from=date(2014, 9, 12),
        valid_to=date(2015, 6, 30),
    ),
    Source(
        designation="LBK nr. 807 af 1. juli 2015",
        url=f"{_ELI}/2015/807",
        valid_from=date(2015, 7, 1),
        valid_to=date(2016, 11, 20),
    ),
    Source(
        designation="LBK nr. 1342 af 21. november 2016",
        url=f"{_ELI}/2016/1342",
        valid_from=date(2016, 11, 21),
        valid_to=date(2019, 12, 31),
    ),
    Source(
        designation="lov nr. 548 af 7. maj 2019",
        url=f"{_ELI}/2019/548",
        valid_from=date(2020, 1, 1),
        valid_to=date(2022, 5, 21),
    ),
    Source(
        designation="LBK nr. 701 af 22. maj 2022",
        url=f"{_ELI}/2022/701",
        valid_from=date(2022, 5, 22),
        valid_to=date(2024, 2, 29),
    ),
    Source(
        designation="LBK nr. 280 af 1. marts 2024",
        url=f"{_ELI}/2024/280",
        valid_from=date(2024, 3, 1),
        valid_to=date(2026, 12, 31),
    ),
)

# Executive orders from 2020 (LAW.md A2.1, VERBATIM-RI): the »Min Plan« items are § 52 in
# all four; the mentor chapter moved from §§ 120-125 to §§ 122-127 (2022) and §§ 123-128 (2024).
_BEK_2020 = (
    ("min_plan", "52"),
    ("usual_work", "120"),
    ("documentation", "121"),
    ("wage_cost", "122"),
    ("direct_contact", "123"),
    ("training", "124"),
    ("psychiatric", "125"),
)
_BEK_2022 = (
    ("min_plan", "52"),
    ("usual_work", "122"),
    ("documentation", "123"),
    ("wage_cost", "124"),
    ("direct_contact", "125"),
    ("training", "126"),
    ("psychiatric", "127"),
)
_BEK_2024 = (
    ("min_plan", "52"),
    ("usual_work", "123"),
    ("documentation", "124"),
    ("wage_cost", "125"),
    ("direct_contact", "126"),
    ("training", "127"),
    ("psychiatric", "128"),
)
_BEK_SOURCES: tuple[Source, ...] = (
    Source(
        designation="BEK nr. 1180 af 25. november 2019",
        url=f"{_ELI}/2019/1180",
        valid_from=date(2020, 1, 1),
        valid_to=date(2020, 12, 31),
        section_map=_BEK_2020,
    ),
    Source(
        designation="BEK nr. 2006 af 11. december 2020",
        url=f"{_ELI}/2020/2006",
        valid_from=date(2021, 1, 1),
        valid_to=date(2021, 12, 31),
        section_map=_BEK_2020,
    ),
    Source(
        designation="BEK nr. 2636 af 28. december 2021",
        url=f"{_ELI}/2021/2636",
        valid_from=date(2022, 1, 1),
        valid_to=date(2023, 12, 31),
        section_map=_BEK_2022,
    ),
    Source(
        designation="BEK nr. 1216 af 28. september 2023",
        url=f"{_ELI}/2023/1216",
        valid_from=date(2024, 1, 1),
        valid_to=date(2026, 12, 31),
        section_map=_BEK_2024,
    ),
)

#: Assumed in-force dates of the dated details of lab-2020 (DESIGN section 6; not verified).
EDUCATION_RIGHT_FROM = date(2022, 1, 1)
PSYCHIATRIC_PURPOSE_FROM = date(2023, 4, 1)
MUNICIPALITY_WORDING_FROM = date(2026, 2, 1)
#: BEK nr. 1216/2023 was amended by BEK nr. 12 af 7. januar 2026, whose text is not verified (LAW.md A2.1):
#: from this law date every reference to BEK nr. 1216/2023 is cited unverified (DESIGN section 5, C2.8).
BEK_AMENDMENT_UNVERIFIED_FROM = date(2026, 1, 7)
#: From these dates a consolidation shows the detail in force, so its date no longer matters.
_EDUCATION_RIGHT_CERTAIN = date(2022, 5, 22)  # present in LBK 701/2022
_PSYCHIATRIC_PURPOSE_CERTAIN = date(2024, 3, 1)  # present in LBK 280/2024
_PSYCHIATRIC_PURPOSE_POSSIBLE = date(2023, 3, 21)  # the day after lov nr. 295 af 20. marts 2023


#: Why a reference to BEK nr. 1216/2023 is unverified from 2026-01-07.
BEK_AMENDMENT_NOTE = (
    "BEK nr. 1216 af 28. september 2023 was amended by BEK nr. 12 af 7. januar 2026, whose text is not verified; "
    "the cited provision may have changed from 2026-01-07."
)


@attrs.frozen(kw_only=True)
class Parameter:
    """
    A legal parameter (a number of months or years) with its source.

    Attributes:
        name: What it measures (``"period_months"``, ...).
        value: The number.
        provision: The provision that sets it, as cited (resolved per law version).
    """

    name: str
    value: int
    provision: str


@attrs.frozen(kw_only=True)
class LawSnapshot:
    """
    Everything dated, resolved for one stretch of law dates (an *epoch*).

    Rules read the law through a snapshot: the version, the act and executive
    order in force, the dated details and the parameters.  Snapshots are
    built once at import and shared; each is immutable.

    Attributes:
        version: The law version.
        valid_from: First law date of this epoch.
        valid_to: Last law date of this epoch.
        lab: The act (consolidation) cited.
        bek: The executive order cited (``None`` for lab-2014, whose mentor
            rules cite the act only).
        education_right_in_force: § 167, stk. 3 exists on the law date.
        education_right_date_matters: the law date lies before LBK 701/2022,
            so the assumed in-force date of stk. 3 decides.
        psychiatric_purpose_in_force: § 167, stk. 2 carries the stk. 1 purpose.
        psychiatric_purpose_date_matters: the law date lies between lov nr.
            295/2023 and LBK 280/2024.
        municipality_wording: the act says "kommunen" for "jobcenteret".
        bek_verified: the text of the executive order in force is verified
            (false from 2026-01-07, when BEK nr. 1216/2023 was amended by BEK
            nr. 12 af 7. januar 2026, whose text is not verified).
        period_months: Maximum length of a period (6).
        psychiatric_months_before: How long before discharge the right starts (3).
        psychiatric_months_total: Minimum length of the psychiatric right (6).
        education_months: Window and length of the education right (6).
        age_limit: "under 30" (30).
    """

    version: LawVersion
    valid_from: date
    valid_to: date
    lab: Source
    bek: Source | None
    education_right_in_force: bool
    education_right_date_matters: bool
    psychiatric_purpose_in_force: bool
    psychiatric_purpose_date_matters: bool
    municipality_wording: bool
    bek_verified: bool = True
    period_months: int = 6
    psychiatric_months_before: int = 3
    psychiatric_months_total: int = 6
    education_months: int = 6
    age_limit: int = 30

    @property
    def is_2014(self) -> bool:
        """Return whether this is the lab-2014 version (old chapter 9 b)."""
        return self.version is LAB_2014

    def lab_ref(
        self,
        section: str,
        subsection: int | None = None,
        *,
        item: int | None = None,
        sentence: int | None = None,
        kind: ReferenceKind = ReferenceKind.LAW,
        verified: bool = True,
        note: str | None = None,
    ) -> LegalReference:
        """Return a reference into the act in force."""
        return LegalReference(
            act="LAB",
            section=section,
            subsection=subsection,
            item=item,
            sentence=sentence,
            source=self.lab.designation,
            url=self.lab.url,
            kind=kind,
            verified=verified,
            note=note,
        )

    def bek_ref(self, meaning: str, *, item: int | None = None, subsection: int | None = None) -> LegalReference:
        """Return a reference into the executive order in force (lab-2020 only)."""
        assert self.bek is not None
        return LegalReference(
            act="BEK",
            section=self.bek.section(meaning),
            subsection=subsection,
            item=item,
            source=self.bek.designation,
            url=self.bek.url,
            kind=ReferenceKind.EXECUTIVE_ORDER,
            verified=self.bek_verified,
            note=None if self.bek_verified else BEK_AMENDMENT_NOTE,
        )

    def parameters(self) -> tuple[Parameter, ...]:
        """Return the dated parameters with the provisions that set them."""
        if self.is_2014:
            return (
                Parameter(name="period_months", value=self.period_months, provision="LAB § 31 c, stk. 1, 2. pkt."),
                Parameter(
                    name="psychiatric_months_before",
                    value=self.psychiatric_months_before,
                    provision="LAB § 31 b, stk. 2",
                ),
                Parameter(
                    name="psychiatric_months_total", value=self.psychiatric_months_total, provision="LAB § 31 b, stk. 2"
                ),
                Parameter(name="age_limit", value=self.age_limit, provision="STAR's guidance (under 30 år)"),
            )
        return (
            Parameter(name="period_months", value=self.period_months, provision="LAB § 167, stk. 1, 1. pkt."),
            Parameter(
                name="psychiatric_months_before", value=self.psychiatric_months_before, provision="LAB § 167, stk. 2"
            ),
            Parameter(
                name="psychiatric_months_total", value=self.psychiatric_months_total, provision="LAB § 167, stk. 2"
            ),
            Parameter(name="education_months", value=self.education_months, provision="LAB § 167, stk. 3"),
            Parameter(name="age_limit", value=self.age_limit, provision="LAB § 6, nr. 4 og 5 (under 30 år)"),
        )


def _source_on(sources: tuple[Source, ...], day: date) -> Source | None:
    for source in sources:
        if source.valid_from <= day <= source.valid_to:
            return source
    return None


def _epoch_starts() -> tuple[date, ...]:
    starts = {v.valid_from for v in LAW_VERSIONS}
    starts |= {s.valid_from for s in _LAB_SOURCES + _BEK_SOURCES}
    starts |= {
        EDUCATION_RIGHT_FROM,
        _EDUCATION_RIGHT_CERTAIN,
        PSYCHIATRIC_PURPOSE_FROM,
        _PSYCHIATRIC_PURPOSE_POSSIBLE,
        _PSYCHIATRIC_PURPOSE_CERTAIN,
        MUNICIPALITY_WORDING_FROM,
        BEK_AMENDMENT_UNVERIFIED_FROM,
    }
    return tuple(sorted(starts))


def _build_snapshot(start: date, end: date) -> LawSnapshot:
    version = law_version_for(start)
    lab = _source_on(_LAB_SOURCES, start)
    assert lab is not None
    in_2020 = version is LAB_2020
    return LawSnapshot(
        version=version,
        valid_from=start,
        valid_to=end,
        lab=lab,
        bek=_source_on(_BEK_SOURCES, start),
        education_right_in_force=in_2020 and start >= EDUCATION_RIGHT_FROM,
        education_right_date_matters=in_2020 and start < _EDUCATION_RIGHT_CERTAIN,
        psychiatric_purpose_in_force=in_2020 and start >= PSYCHIATRIC_PURPOSE_FROM,
        psychiatric_purpose_date_matters=in_2020
        and _PSYCHIATRIC_PURPOSE_POSSIBLE <= start < _PSYCHIATRIC_PURPOSE_CERTAIN,
        municipality_wording=in_2020 and start >= MUNICIPALITY_WORDING_FROM,
        bek_verified=not (in_2020 and start >= BEK_AMENDMENT_UNVERIFIED_FROM),
    )


def _build_snapshots() -> tuple[LawSnapshot, ...]:
    starts = _epoch_starts()
    ends = (*(date.fromordinal(s.toordinal() - 1) for s in starts[1:]), LAW_VERSIONS[-1].valid_to)
    return tuple(_build_snapshot(s, e) for s, e in zip(starts, ends, strict=True))


#: Every epoch of the modelled law, oldest first; built once, immutable.
SNAPSHOTS: tuple[LawSnapshot, ...] = _build_snapshots()
_SNAPSHOT_STARTS: tuple[date, ...] = tuple(s.valid_from for s in SNAPSHOTS)


def snapshot_for(day: date) -> LawSnapshot:
    """
    Return the snapshot of the law in force on a law date.

    Raises:
        UnsupportedDateError: when ``day`` lies outside the modelled law.
    """
    if not LAW_VERSIONS[0].valid_from <= day <= LAW_VERSIONS[-1].valid_to:
        law_version_for(day)  # raises with the explanation
    return SNAPSHOTS[bisect.bisect_right(_SNAPSHOT_STARTS, day) - 1]
