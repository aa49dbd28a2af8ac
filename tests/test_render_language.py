"""
Tests for the language of a report's errors and counts (issue 20: one language at a time).

A report in Danish shows the errors of the cases it could not decide in Danish
(``CaseError.text("da")``, each bad field as ``FieldError.describe("da")``, and
``UnsupportedDateError.text("da")``), and one in English shows them in English;
neither holds the other language's words.  The counts at the top put their nouns
in the right number: ``1 afgørelse``, ``2 afgørelser``, ``1 decision``,
``2 decisions``, ``1 fejl``, ``1 error``, ``2 errors``.
"""

from __future__ import annotations

import html
import re
from typing import Literal

import pytest

from mentorrules import CaseError, Decision, UnsupportedDateError, evaluate, load_case, render


Format = Literal["html", "markdown"]

LANGS = ("da", "en")
FORMATS: tuple[Format, ...] = ("html", "markdown")

#: The errors of the case below, as ``path: text``, in each language.
FIELD_LINES = {
    "da": (
        "decision_date: er ikke en kalenderdato: '2024-02-30'",
        "purpose: ukendt værdi 'fun'; tilladte værdier: 'activity', 'offer', 'ordinary_education', 'flexjob', "
        "'ordinary_employment', 'other'",
    ),
    "en": (
        "decision_date: is not a calendar date: '2024-02-30'",
        "purpose: unknown value 'fun'; allowed values: 'activity', 'offer', 'ordinary_education', 'flexjob', "
        "'ordinary_employment', 'other'",
    ),
}
SUMMARY = {"da": "2 ugyldige felter: ", "en": "2 bad fields: "}
NOT_AN_OBJECT = {
    "da": "1 ugyldigt felt: <dokument>: en sag skal være et JSON-objekt, ikke liste",
    "en": "1 bad field: <document>: a case must be a JSON object, not array",
}
DATE_ERROR = {
    "da": (
        "lovdato 2013-12-31 er ikke modelleret: biblioteket modellerer afgørelser fra 2014-01-01 til 2026-12-31: "
        "lab-2014 (LAB 2003 med senere ændringer, kapitel 9 b, 2014-01-01..2019-12-31) og lab-2020 (LAB 2019, "
        "kapitel 26, 2020-01-01..2026-12-31). Tidligere regler (LAB 2003 §§ 78-81) er ikke modelleret, og en ny "
        "hovedlov om beskæftigelsesindsatsen er varslet fra 2027-01-01, men var ikke vedtaget i de kilder, reglerne "
        "bygger på"
    ),
    "en": (
        "law date 2013-12-31 is not modelled: the library models decisions from 2014-01-01 to 2026-12-31: lab-2014 "
        "(LAB 2003 as amended, chapter 9 b, 2014-01-01..2019-12-31) and lab-2020 (LAB 2019, chapter 26, "
        "2020-01-01..2026-12-31). Earlier law (LAB 2003 §§ 78-81) is not modelled, and a new main act on the "
        "employment effort is announced from 2027-01-01 but was not enacted in the sources the rules were built from"
    ),
}
#: Words of each language that the other's errors must not show.
OTHER_WORDS = {"da": ("is not a calendar date", "bad field", "not modelled"), "en": ("kalenderdato", "ugyldig", "ikke")}


def _raised(document: object) -> CaseError:
    with pytest.raises(CaseError) as info:
        load_case(document)  # type: ignore[arg-type]
    return info.value


@pytest.fixture(scope="module")
def case_error() -> CaseError:
    """A case with two bad fields: a date that is not in the calendar and an unknown purpose."""
    return _raised({"decision_date": "2024-02-30", "purpose": "fun"})


@pytest.fixture(scope="module")
def not_an_object() -> CaseError:
    """A case that is not a JSON object: its error is at the path of the whole document."""
    return _raised("[]")


@pytest.fixture(scope="module")
def date_error() -> UnsupportedDateError:
    """A case decided before the modelled law."""
    with pytest.raises(UnsupportedDateError) as info:
        evaluate(load_case({"decision_date": "2013-12-31"}))
    return info.value


@pytest.fixture(scope="module")
def decision() -> Decision:
    return evaluate(load_case({"decision_date": "2024-02-20"}))


def _plain(page: str, fmt: Format) -> str:
    """Return a report's text as a reader sees it: HTML unescaped, Markdown's escapes removed."""
    if fmt == "html":
        return html.unescape(page)
    return html.unescape(re.sub(r"\\(.)", r"\1", page))


def _counts(page: str, fmt: Format) -> str:
    """Return the line of counts at the top of a report (up to the words on the library)."""
    plain = _plain(page, fmt)
    match = re.search(r"(\d+ \w+ · \d+ \w+) · ", plain)
    assert match is not None, plain[:500]
    return match.group(1)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_report_shows_a_case_error_in_its_language(case_error: CaseError, fmt: Format, lang: str) -> None:
    """The summary (in the table of errors and the case's section) and every bad field, in the report's language."""
    plain = _plain(render.report([case_error], format=fmt, lang=lang), fmt)
    summary = SUMMARY[lang] + "; ".join(FIELD_LINES[lang])
    assert summary == case_error.text(lang)
    assert plain.count(summary) == 2  # the table of errors and the case's section
    for line in FIELD_LINES[lang]:
        assert plain.count(line) == 3  # and once more in the list of bad fields
    for word in OTHER_WORDS[lang]:
        assert word not in plain


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_document_is_named_in_the_report_language(not_an_object: CaseError, fmt: Format, lang: str) -> None:
    """An error at the path of the whole document says <dokument> or <document>, and names the document."""
    plain = _plain(render.report([not_an_object], format=fmt, lang=lang), fmt)
    assert NOT_AN_OBJECT[lang] in plain
    detail = NOT_AN_OBJECT[lang].partition(": ")[2]
    assert f"{detail}\n" in plain or f"<li>{detail}</li>" in plain  # the field's own line
    assert NOT_AN_OBJECT["en" if lang == "da" else "da"] not in plain


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_report_shows_a_date_error_in_its_language(date_error: UnsupportedDateError, fmt: Format, lang: str) -> None:
    """A date outside the modelled law is explained in the report's language, with the same facts in both."""
    assert date_error.text(lang) == DATE_ERROR[lang]
    plain = _plain(render.report([date_error], format=fmt, lang=lang), fmt)
    assert plain.count(DATE_ERROR[lang]) == 2
    assert DATE_ERROR["en" if lang == "da" else "da"] not in plain


def test_the_danish_and_english_date_errors_state_the_same_facts() -> None:
    """The dates, law versions, chapters and sections of the two texts are the same."""
    facts = re.compile(r"\d[\d.-]*|lab-\d+|LAB \d+|§§|9 b|26")
    assert facts.findall(DATE_ERROR["da"]) == facts.findall(DATE_ERROR["en"])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("how_many", "da", "en"),
    [
        ((1, 0), "1 afgørelse · 0 fejl", "1 decision · 0 errors"),
        ((2, 1), "2 afgørelser · 1 fejl", "2 decisions · 1 error"),
        ((0, 2), "0 afgørelser · 2 fejl", "0 decisions · 2 errors"),
        ((1, 1), "1 afgørelse · 1 fejl", "1 decision · 1 error"),
    ],
)
def test_the_counts_are_in_the_right_number(
    decision: Decision,
    case_error: CaseError,
    date_error: UnsupportedDateError,
    fmt: Format,
    how_many: tuple[int, int],
    da: str,
    en: str,
) -> None:
    """One decision or error is singular, any other number plural, in both languages and both formats."""
    decisions, errors = how_many
    errors_given: list[render.ReportItem] = [case_error, date_error]
    items = [decision] * decisions + errors_given[:errors]
    assert _counts(render.report(items, format=fmt, lang="da"), fmt) == da
    assert _counts(render.report(items, format=fmt, lang="en"), fmt) == en


def test_an_error_without_field_errors_is_shown_as_its_message() -> None:
    """A CaseError with no field errors (the command line's internal error) reads the same in both languages."""
    bare = CaseError([])
    for lang in LANGS:
        plain = _plain(render.report([bare], format="markdown", lang=lang), "markdown")
        assert bare.text(lang) == str(bare) == "0 bad fields: "
        assert "`CaseError`: 0 bad fields:\n" in plain
        assert "\n- " not in plain
