"""A name cut in two: "Smith &" as the employer and "Jones Consulting." as the job's first bullet.

A reader that breaks a printed line before its end files the rest as the next line: a bullet,
the description. A field ending on a joining character ("&", "+", "/", a dash, a comma) or a
joining word ("and", "of", "de"…) never ends a name, so the name is doubted, whatever reader
read it (rules, model, a JSON Resume), and the line after it is shown as its possible end. A
bullet ending on "&", "+" or "/" before another bullet ("R&" / "D teams") is one bullet cut
in two. Checked on the content as it is, so the flag follows the user's edits.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.report.report_entries import finding

# What joins two parts of one name, at its end: the name goes on after it.
JOIN_MARK_RE = re.compile(r"(?:^|\w|\s)([&+/,\-–—])$")
# Lowercase, or in a name written in capitals ("AG EXPERT ET"): "Portland OR" is a place.
JOIN_WORD_RE = re.compile(r"\s(and|or|of|for|with|et|ou|de|des|du|pour|avec|und)$", re.IGNORECASE)
# In a bullet a dash or a comma at the end is a style; these never end a sentence.
BULLET_MARK_RE = re.compile(r"\S[&+/]$")
NEXT_SHOWN = 120  # characters of the line shown as the possible end

NAME_CUT = {
    "experience": N_("Experience %(number)s: “%(text)s” ends on “%(joiner)s”, as a name cut in "
                     "two: its end may have been read as the next line."),
    "projects": N_("Project %(number)s: “%(text)s” ends on “%(joiner)s”, as a name cut in two: "
                   "its end may have been read as the next line."),
    "education": N_("Education %(number)s: “%(text)s” ends on “%(joiner)s”, as a name cut in "
                    "two: its end may have been read as the next line."),
}  # fmt: skip
FIELDS = {
    "experience": ("company", "title"),
    "projects": ("name", "role"),
    "education": ("institution", "degree", "field"),
}
BULLET_CUT = N_(
    "Experience %(number)s: the bullet “%(text)s” ends on “%(joiner)s”: its end may have been "
    "read as the next bullet."
)


def joiner(text: str) -> str | None:
    """The joining character or word ``text`` ends on, if any ("Smith &" → "&")."""
    value = text.strip()
    found = JOIN_MARK_RE.search(value)
    word = JOIN_WORD_RE.search(value)
    if found is None and word is not None and (word.group(1).islower() or value.isupper()):
        found = word
    return found.group(1) if found and len(value) > len(found.group(1)) else None


def _next_line(entry: Any) -> str:
    """The text a reader files after an entry's heading: its first bullet or description line."""
    lines = [b for b in getattr(entry, "bullets", []) if b.strip()]
    lines = lines or [line for line in entry.description.splitlines() if line.strip()]
    return lines[0].strip()[:NEXT_SHOWN] if lines else ""


def _name_cut(section: str, index: int, entry: Any) -> dict[str, Any] | None:
    for name in FIELDS[section]:
        value = str(getattr(entry, name) or "")
        mark = joiner(value)
        if mark is None:
            continue
        after = _next_line(entry)
        return finding(
            "name_cut", NAME_CUT[section], f"{section}[{index}].{name}", entry.id, value,
            number=index + 1, text=value.strip(), joiner=mark,
        ) | {"samples": [after] if after else []}  # fmt: skip
    return None


def _bullet_cut(index: int, bullets: list[str], item_id: str) -> dict[str, Any] | None:
    for before, after in pairwise(bullets):
        if BULLET_MARK_RE.search(before.strip()) and after.strip():
            return finding(
                "bullet_cut", BULLET_CUT, f"experience[{index}].bullets", item_id,
                list(bullets), number=index + 1, text=before.strip(),
                joiner=before.strip()[-1],
            ) | {"samples": [after.strip()[:NEXT_SHOWN]]}  # fmt: skip
    return None


def cut_name_findings(content: CvContent) -> list[dict[str, Any]]:
    """One finding per entry and kind: its first name cut in two, its first bullet cut so."""
    out: list[dict[str, Any]] = []
    for section in FIELDS:
        for index, entry in enumerate(getattr(content, section)):
            found = _name_cut(section, index, entry)
            if found is not None:
                out.append(found)
    for index, job in enumerate(content.experience):
        cut = _bullet_cut(index, job.bullets, job.id)
        if cut is not None:
            out.append(cut)
    return out
