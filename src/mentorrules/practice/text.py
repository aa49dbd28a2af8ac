"""
The practice profile as text and as a self-contained HTML page: the whole profile, or its general rules.

The general rules are a checklist to show the citizen (:func:`general_rules_text`,
:func:`general_rules_html`); the whole profile (task catalogue and every rule) is
:func:`profile_text` and :func:`profile_html`.  Each section cites its source, and
every page says that it is local practice, not law.
"""

from __future__ import annotations

import html
from typing import Final

import attrs

from mentorrules.model.outcomes import check_lang
from mentorrules.practice.profile import Profile, _cited, _pick, _places


__all__ = ["general_rules_html", "general_rules_text", "profile_html", "profile_text"]


@attrs.frozen
class _Block:
    """A section of a rendered document."""

    heading: str
    source: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    checklist: bool = False


@attrs.frozen
class _Document:
    """A document to render as text or HTML."""

    lang: str
    title: str
    intro: tuple[str, ...]
    blocks: tuple[_Block, ...]


def _source_line(profile: Profile, section: str, lang: str) -> str:
    return _pick(lang, "Kilde: ", "Source: ") + _cited(profile.reference(section).citation, lang)


def _practice_line(profile: Profile, lang: str) -> str:
    return _pick(
        lang,
        f"Lokal praksis hos {profile.name}, ikke lov (praksisprofil {profile.id}, version {profile.version}).",
        f"Local practice of {profile.name}, not law (practice profile {profile.id}, version {profile.version}).",
    )


def _general_blocks(profile: Profile, lang: str) -> tuple[_Block, ...]:
    general = profile.general_rules
    disclosure = profile.disclosure
    told = [disclosure.goal_evaluation.text(lang), disclosure.other.text(lang)]
    if disclosure.law_violation is not None:
        told.append(disclosure.law_violation.text(lang))
    return (
        _Block(
            heading=_pick(lang, "Almene regler", "General rules"),
            source=_source_line(profile, general.section, lang),
            items=tuple(item.text(lang) for item in general.items),
            checklist=True,
        ),
        _Block(
            heading=_pick(
                lang, "Det fortæller mentor beskæftigelsesrådgiveren", "What the mentor tells the employment adviser"
            ),
            source=_source_line(profile, disclosure.section, lang),
            items=tuple(told),
        ),
    )


def _general_document(profile: Profile, lang: str) -> _Document:
    check_lang(lang)
    return _Document(
        lang=lang,
        title=_pick(
            lang,
            f"Samarbejdet med din mentor: almene regler ({profile.name})",
            f"Working with your mentor: general rules ({profile.name})",
        ),
        intro=(_practice_line(profile, lang),),
        blocks=_general_blocks(profile, lang),
    )


def _profile_document(profile: Profile, lang: str) -> _Document:
    check_lang(lang)
    intro = [
        _practice_line(profile, lang),
        _pick(lang, "Kilde: ", "Source: ")
        + f"{profile.source.publisher}, {profile.source.title} ({profile.source.kind})",
    ]
    if profile.source.url:
        intro.append(profile.source.url)
    intro.append(
        _pick(
            lang,
            "Lovens krav (LAB §§ 167-171 og »Min Plan«) prøves af mentorrules.evaluate(), ikke af profilen.",
            "The law's requirements (LAB §§ 167-171 and »Min Plan«) are checked by mentorrules.evaluate(), not by "
            "the profile.",
        )
    )
    blocks: list[_Block] = []
    for group in profile.task_groups:
        tasks = [task for task in profile.tasks if task.group == group.id]
        keywords = _pick(lang, "nøgleord", "keywords")
        blocks.append(
            _Block(
                heading=_pick(lang, "Opgavekatalog: ", "Task catalogue: ")
                + _pick(lang, group.label_da, group.label_en),
                source=_source_line(profile, group.section, lang),
                items=tuple(
                    f"{task.label(lang)} [{task.id}; {keywords}: {', '.join(task.keywords)}]" for task in tasks
                ),
            )
        )
    meetings = profile.meetings
    blocks.append(
        _Block(
            heading=_pick(lang, "Mødested", "Meeting place"),
            source=_source_line(profile, meetings.section, lang),
            paragraphs=(
                meetings.text(lang),
                _pick(lang, "Møder holdes som udgangspunkt ", "Meetings are normally held ")
                + _places(meetings.usual_places, lang)
                + ".",
            ),
        )
    )
    home = profile.home_visit
    home_text = (
        home.text(lang)
        if home.allowed
        else _pick(lang, "Der holdes ikke møder i borgerens hjem.", "Meetings are not held in the citizen's home.")
    )
    blocks.append(
        _Block(
            heading=_pick(lang, "Hjemmebesøg", "Home visits"),
            source=_source_line(profile, home.section, lang),
            paragraphs=(home_text,),
            items=tuple(f"{c.text(lang)} [{c.id}]" for c in home.conditions) if home.allowed else (),
            checklist=True,
        )
    )
    blocks.extend(_general_blocks(profile, lang))
    complaint = profile.complaint_guidance
    if complaint is not None:
        required = _pick(
            lang,
            "Profilen kræver klagevejledning i aftalen som lokal praksis; fra 2020 er det ikke et krav i loven."
            if profile.require_complaint_guidance
            else "Profilen kræver ikke klagevejledning i aftalen som lokal praksis.",
            "The profile requires complaint guidance in the agreement as local practice; from 2020 the law does not."
            if profile.require_complaint_guidance
            else "The profile does not require complaint guidance in the agreement as local practice.",
        )
        blocks.append(
            _Block(
                heading=_pick(lang, "Klagevejledning", "Complaint guidance"),
                source=_source_line(profile, complaint.section, lang),
                paragraphs=(complaint.text(lang), required),
            )
        )
    return _Document(
        lang=lang,
        title=_pick(
            lang, f"{profile.name}: praksisprofil for mentorstøtte", f"{profile.name}: mentor support practice profile"
        ),
        intro=tuple(intro),
        blocks=tuple(blocks),
    )


def _render_text(document: _Document) -> str:
    lines = [document.title, "=" * len(document.title), ""]
    lines.extend(f"{paragraph}\n" for paragraph in document.intro)
    for block in document.blocks:
        lines.extend([block.heading, "-" * len(block.heading), ""])
        lines.extend(f"{paragraph}\n" for paragraph in block.paragraphs)
        marker = "[ ]" if block.checklist else "-"
        lines.extend(f"{marker} {item}" for item in block.items)
        if block.items:
            lines.append("")
        lines.extend([block.source, ""])
    return "\n".join(lines).rstrip("\n") + "\n"


_STYLE: Final = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.75rem}"
    "ul.checklist{list-style:none;padding-left:0}ul.checklist li{margin:.35rem 0}"
    ".source,.note{color:#555;font-size:.9rem}"
    "@media print{input{width:1rem;height:1rem}}"
)


def _render_html(document: _Document) -> str:
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(document.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(document.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{esc(document.title)}</h1>",
    ]
    parts.extend(f'<p class="note">{esc(paragraph)}</p>' for paragraph in document.intro)
    for number, block in enumerate(document.blocks):
        parts.append("<section>")
        parts.append(f"<h2>{esc(block.heading)}</h2>")
        parts.extend(f"<p>{esc(paragraph)}</p>" for paragraph in block.paragraphs)
        if block.items and block.checklist:
            parts.append('<ul class="checklist">')
            for index, item in enumerate(block.items):
                box = f"item-{number}-{index}"
                parts.append(f'<li><input type="checkbox" id="{box}"> <label for="{box}">{esc(item)}</label></li>')
            parts.append("</ul>")
        elif block.items:
            parts.append("<ul>")
            parts.extend(f"<li>{esc(item)}</li>" for item in block.items)
            parts.append("</ul>")
        parts.append(f'<p class="source">{esc(block.source)}</p>')
        parts.append("</section>")
    parts.extend(["</main>", "</body>", "</html>"])
    return "\n".join(parts) + "\n"


def general_rules_text(profile: Profile, lang: str = "da") -> str:
    """
    Return the general rules as a plain-text checklist to show the citizen.

    The checklist (``[ ]`` per rule) is followed by what the mentor tells the
    employment adviser, and each section cites its source.

    Args:
        profile: The practice profile.
        lang: ``"da"`` or ``"en"``.

    Raises:
        ValueError: If ``lang`` is neither.

    """
    return _render_text(_general_document(profile, lang))


def general_rules_html(profile: Profile, lang: str = "da") -> str:
    """
    Return the general rules as a self-contained HTML page to show or print for the citizen.

    The page needs no other file: the style is inline, and every text from
    the profile is escaped.

    Args:
        profile: The practice profile.
        lang: ``"da"`` or ``"en"``.

    Raises:
        ValueError: If ``lang`` is neither.

    """
    return _render_html(_general_document(profile, lang))


def profile_text(profile: Profile, lang: str = "da") -> str:
    """Return the whole profile (task catalogue and every rule) as plain text in ``lang``."""
    return _render_text(_profile_document(profile, lang))


def profile_html(profile: Profile, lang: str = "da") -> str:
    """Return the whole profile (task catalogue and every rule) as a self-contained HTML page in ``lang``."""
    return _render_html(_profile_document(profile, lang))
