"""
Legal references: pinpoint citations into one version of a Danish legal source.

Every finding carries at least one :class:`LegalReference`.  A reference
renders as a Danish citation (``LAB § 167, stk. 1, 1. pkt.``), names the
source in force on the law date (the act and the consolidation,
*lovbekendtgørelse*, or the executive order, *bekendtgørelse*), links to the
source on Retsinformation (ELI address of that exact version), says what kind
of source it is, and whether the text was verified (LAW.md tags: VERBATIM and
VERBATIM-RI are verified; INFERENCE and NOT FOUND are not).

    >>> ref = LegalReference(
    ...     act="LAB", section="167", subsection=1, sentence=1,
    ...     source="LBK nr. 280 af 1. marts 2024",
    ...     url="https://www.retsinformation.dk/eli/lta/2024/280",
    ... )
    >>> ref.citation
    'LAB § 167, stk. 1, 1. pkt.'
    >>> ref.to_dict()["verified"]
    True
"""

from __future__ import annotations

import enum

import attrs


__all__ = ["LegalReference", "ReferenceKind"]


class ReferenceKind(enum.StrEnum):
    """
    What kind of source a reference points to.

    ``LAW`` an act or its consolidation; ``EXECUTIVE_ORDER`` a
    *bekendtgørelse*; ``GUIDANCE`` STAR's or another authority's guidance;
    ``INTERPRETATION`` the library's own reading where the sources are silent
    (always explained in the docs); ``MUNICIPAL_PRACTICE`` a municipality's
    local practice (never law).
    """

    LAW = "law"
    EXECUTIVE_ORDER = "executive_order"
    GUIDANCE = "guidance"
    INTERPRETATION = "interpretation"
    MUNICIPAL_PRACTICE = "municipal_practice"


def _render(ref: LegalReference) -> str:
    if ref.text is not None:
        return ref.text
    parts = [f"{ref.act} § {ref.section}"]
    if ref.subsection is not None:
        parts.append(f"stk. {ref.subsection}")
    if ref.item is not None:
        parts.append(f"nr. {ref.item}")
    if ref.sentence is not None:
        parts.append(f"{ref.sentence}. pkt.")
    return ", ".join(parts)


@attrs.frozen(kw_only=True)
class LegalReference:
    """
    A citation into one version of a legal source.

    Attributes:
        act: Short name of the act or order: ``"LAB"``, ``"BEK"``, ``"lov nr. 295/2023"``.
        section: The section number without ``§`` (``"167"``, ``"31 c"``).
        subsection: *stk.*
        item: *nr.*
        sentence: *pkt.*
        source: The act and version in force on the law date, e.g.
            ``"LBK nr. 280 af 1. marts 2024"``.
        url: Address of that version (ELI on Retsinformation where one exists).
        kind: See :class:`ReferenceKind`.
        verified: ``False`` where LAW.md marks the text or its in-force date
            as not verified; such a reference in a decision adds a
            ``law.unverified`` notice.
        text: A citation written out in full where no section can be named
            (e.g. ``"LAB kapitel 9 b (§§ 31 b–31 f)"``).
        note: Why the reference is unverified or interpretative (English).
        citation: The Danish citation text, computed from the fields.
    """

    act: str
    section: str = ""
    subsection: int | None = None
    item: int | None = None
    sentence: int | None = None
    source: str
    url: str
    kind: ReferenceKind = ReferenceKind.LAW
    verified: bool = True
    text: str | None = None
    note: str | None = None
    citation: str = attrs.field(init=False, eq=False, repr=False)
    _json: tuple[tuple[str, str | bool], ...] = attrs.field(init=False, eq=False, repr=False, alias="_json")

    def __attrs_post_init__(self) -> None:
        """Render the citation and the JSON form once; references are shared, so this is paid at import."""
        citation = _render(self)
        object.__setattr__(self, "citation", citation)
        json_items = (
            ("citation", citation),
            ("source", self.source),
            ("url", self.url),
            ("kind", self.kind.value),
            ("verified", self.verified),
        )
        object.__setattr__(self, "_json", json_items)

    def __str__(self) -> str:
        """Render as the Danish citation text."""
        return self.citation

    def to_dict(self) -> dict[str, str | bool]:
        """Return the JSON shape of DESIGN section 4: citation, source, url, kind, verified."""
        return dict(self._json)
