"""Values with the shape of another field, in every section: an e-mail, an address or a
personal fact among the skills, a place or a contact line as the headline, a page footer or a
link as a school. Read from the content as it is now (report_live.py re-runs them), so a flag
clears once the user fixes the value; and the headline the reader took out at import, told
with the value it held, so the review offers both readings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.fields.headline import headline_doubt
from app.lib.parsing.fields.value_kinds import value_kind
from app.lib.parsing.report.report_entries import finding, list_finding

# One sentence per kind of doubt, so each is translated whole.
HEADLINE_IS = {
    "place": N_("The headline “%(text)s” reads as a place, not a job title."),
    "contact": N_("The headline “%(text)s” reads as a contact detail, not a job title."),
    "personal": N_("The headline “%(text)s” reads as personal data, not a job title."),
    "heading": N_("The headline “%(text)s” is a section's heading, not a job title."),
    "name": N_("The headline “%(text)s” repeats the name, not a job title."),
    "fragment": N_("The headline “%(text)s” seems cut short."),
    "sentence": N_("The headline “%(text)s” reads as sentences, not a job title."),
}
# A reading no cue settles (fields/headline_read.py, fields/header_name.py): the review asks.
UNSURE = {
    "headline": N_(
        "The headline “%(read)s” was read from its place in the header alone; "
        "“%(other)s” may be it instead. Check your headline."
    ),
    "headline_alone": N_(
        "The headline “%(read)s” was read from its place in the header alone "
        "(it names no job). Check your headline."
    ),
    "name": N_(
        "Your name was read as “%(read)s”, but “%(other)s” at the top may be it "
        "instead. Check your name."
    ),
}
HEADLINE_TAKEN_OUT = {
    "place": N_("“%(text)s” was read where the headline goes; it reads as a place and was "
                "kept as your location instead. Add your job title if it is missing."),
    "other": N_("“%(text)s” was read where the headline goes but is no job title, so it was "
                "left out (see the lines placed in no section). Add your job title if it is "
                "missing."),
}  # fmt: skip


def _skills_of_other_kind(content: CvContent) -> list[dict[str, Any]]:
    odd = [s.name for s in content.skills if s.name.strip() and value_kind(s.name)]
    if not odd:
        return []
    return [
        list_finding(
            "skill_is_contact",
            N_("Skills holding a contact detail or personal data: %(count)s (such as "
               "“%(first)s”). Move them to the header or remove them."),
            "skills", odd, first=odd[0][:60],
        )
    ]  # fmt: skip


def _headline_of_other_kind(content: CvContent) -> list[dict[str, Any]]:
    title = content.header.current_title
    kind = headline_doubt(title, content.header.name)
    if kind is None:
        return []
    return [
        finding(
            "headline_other_field", HEADLINE_IS[kind], "header.current_title", None, title,
            text=title[:80],
        )
    ]  # fmt: skip


def _schools_of_other_kind(content: CvContent) -> list[dict[str, Any]]:
    out = []
    for index, edu in enumerate(content.education):
        for name, value in (("institution", edu.institution), ("degree", edu.degree)):
            if value.strip() and value_kind(value):
                out.append(
                    finding(
                        "education_other_field",
                        N_("Degree %(number)s: “%(text)s” reads as a contact detail, a page "
                           "footer or personal data, not a school or a degree."),
                        f"education[{index}].{name}", edu.id, value,
                        number=index + 1, text=value[:60],
                    )
                )  # fmt: skip
                break
    return out


def shape_suspicions(content: CvContent) -> list[dict[str, Any]]:
    """Every value of the content with another field's shape (report items)."""
    return (
        _skills_of_other_kind(content)
        + _headline_of_other_kind(content)
        + _schools_of_other_kind(content)
    )


def _unsure_item(field_name: str, read: str, other: str) -> dict[str, Any]:
    """Recorded against the value read: open until the user changes it (or dismisses it)."""
    path = "header.name" if field_name == "name" else "header.current_title"
    key = field_name if other or field_name == "name" else "headline_alone"
    return finding(f"{field_name}_unsure", UNSURE[key], path, None, read, read=read[:80],
                   other=other[:80])  # fmt: skip


def unsure_items(
    doubts: Iterable[tuple[str, str, str]], content: CvContent, rules: CvContent
) -> list[dict[str, Any]]:
    """The header readings no cue settled (cv_parser.CvParse.header_doubts), each with the other
    reading, where the stored value is still the one the rules read (``rules``)."""
    out = []
    for field_name, kind, other in doubts:
        attribute = "name" if field_name == "name" else "current_title"
        read = getattr(content.header, attribute)
        if kind == "unsure" and read and read == getattr(rules.header, attribute):
            out.append(_unsure_item(field_name, read, other))
    return out


def header_doubt_items(doubts: Iterable[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """The header values the reader took out at import (cv_parser.CvParse.header_doubts)."""
    out = []
    for field_name, kind, value in doubts:
        if field_name != "headline" or kind == "unsure":
            continue
        template = HEADLINE_TAKEN_OUT["place" if kind == "place" else "other"]
        # Recorded against the headline as it is now (empty): open until the user writes one.
        out.append(
            finding("headline_taken_out", template, "header.current_title", None, "",
                    text=value[:80])
        )  # fmt: skip
    return out


# Computed again on the content as it is (report_live.py): the stored ones are not read back.
SHAPE_CODES = frozenset({"skill_is_contact", "headline_other_field", "education_other_field"})
