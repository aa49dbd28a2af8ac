"""``mentorrules rules``: every epoch of a rule says what changes in it, in the language asked for."""

from __future__ import annotations

import attrs
import pytest

from mentorrules import cli, rule_catalogue
from mentorrules.model.references import LegalReference


LAB = LegalReference(act="LAB", section="167", subsection=1, source="LBK nr. 701 af 22. maj 2022", url="u")
BEK = LegalReference(act="BEK", section="52", source="BEK nr. 1216 af 28. september 2023", url="v")
WORDS = cli._WORDS["en"]


def rules_text(capsys: pytest.CaptureFixture[str], lang: str) -> str:
    assert cli.main(["rules", "--lang", lang]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("lang", ["da", "en"])
def test_each_later_epoch_names_its_change_and_the_first_names_its_sources(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    words = cli._WORDS[lang]
    lines = rules_text(capsys, lang).splitlines()
    catalogue = rule_catalogue(lang=lang)
    epochs = sum(len(spans) for info in catalogue for spans in info.references.values())
    dated = [line for line in lines if line.startswith(f"    {words['from']} ")]
    assert len(dated) == epochs
    position = 0
    for info in catalogue:
        for spans in info.references.values():
            first, *later = dated[position : position + len(spans)]
            position += len(spans)
            for reference in spans[0][1]:
                assert f"{reference.citation} ({reference.source}" in first
            for line, (_, references) in zip(later, spans[1:], strict=True):
                changes = (
                    words["now"],
                    words["added"],
                    words["dropped"],
                    words["now_verified"],
                    words["now_unverified"],
                )
                assert any(word in line for word in changes), line
                if words["now"] in line or words["added"] in line:  # the new sources are named, not only the citations
                    assert any(reference.source in line for reference in references), line


def test_the_headings_are_worded_in_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    danish, english = rules_text(capsys, "da"), rules_text(capsys, "en")
    assert " fra " in danish
    assert " from " not in danish
    assert "(pr. sag)" in danish
    assert " from " in english
    assert " fra " not in english
    assert "(per case)" in english


def test_a_new_source_for_the_same_citation() -> None:
    later = attrs.evolve(LAB, source="LBK nr. 280 af 1. marts 2024")
    assert cli._changes((LAB,), (later,), WORDS) == [
        "LAB § 167, stk. 1: the source is now LBK nr. 280 af 1. marts 2024 (was: LBK nr. 701 af 22. maj 2022)"
    ]


def test_citations_with_the_same_new_source_are_named_together() -> None:
    other = attrs.evolve(LAB, subsection=2)
    new = "LBK nr. 280 af 1. marts 2024"
    changes = cli._changes((LAB, other), (attrs.evolve(LAB, source=new), attrs.evolve(other, source=new)), WORDS)
    assert changes == [f"LAB § 167, stk. 1, LAB § 167, stk. 2: the source is now {new} (was: {LAB.source})"]


def test_a_reference_added_and_one_dropped() -> None:
    unverified = attrs.evolve(BEK, verified=False)
    assert cli._changes((LAB,), (unverified,), WORDS) == [
        "added BEK § 52 (BEK nr. 1216 af 28. september 2023, not verified)",
        "no longer cited LAB § 167, stk. 1",
    ]


@pytest.mark.parametrize("verified", [True, False])
def test_a_change_of_verification(verified: bool) -> None:
    before, after = attrs.evolve(BEK, verified=not verified), attrs.evolve(BEK, verified=verified)
    word = "now verified" if verified else "now not verified"
    assert cli._changes((before,), (after,), WORDS) == [f"BEK § 52 {word}"]


def test_only_the_address_changed() -> None:
    assert cli._changes((LAB,), (attrs.evolve(LAB, url="w"),), WORDS) == [WORDS["new_address"]]
