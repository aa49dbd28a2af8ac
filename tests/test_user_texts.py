"""No text a user can read points at a file users do not have (the project's LAW.md or DESIGN.md)."""

from __future__ import annotations

import pytest

from mentorrules.engine.notices import NOTICE_TEXTS
from mentorrules.law.versions import SNAPSHOTS
from mentorrules.rules import CATALOGUE


PRIVATE_FILES = ("LAW.md", "DESIGN.md", "STYLE.md")


def rule_texts() -> set[str]:
    """Every title, message template and reference text of the rule catalogue, on every epoch of the law."""
    texts: set[str] = set()
    for rule in CATALOGUE:
        texts.update((rule.title_da, rule.title_en))
        for pair in rule.texts.values():
            texts.update(pair)
        for snapshot in SNAPSHOTS:
            for references in rule.references(snapshot).values():
                for reference in references:
                    texts.update(filter(None, (reference.citation, reference.source, reference.note, reference.text)))
    return texts


@pytest.mark.parametrize("name", PRIVATE_FILES)
def test_rule_texts_and_reference_notes_name_no_private_file(name: str) -> None:
    texts = rule_texts()
    assert len(texts) > 100
    assert [text for text in texts if name in text] == []


@pytest.mark.parametrize("name", PRIVATE_FILES)
def test_notice_texts_name_no_private_file(name: str) -> None:
    assert [text for pair in NOTICE_TEXTS.values() for text in pair if name in text] == []
