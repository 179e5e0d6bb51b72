"""The skills section of the editor: one text list of names per category (chips with
static/js/skill_chips.js, a plain textarea without JavaScript), not one card per skill.

Each group posts ``items-<i>-category`` and ``items-<i>-names`` (one per line or comma
separated). A skill's level is not edited here; it stays with its name across saves.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.lib.cv_content import CvContent
from app.lib.cv_limits import MAX_SHORT_CHARS, MAX_TOTAL_CHARS
from app.lib.i18n import N_, gettext

if TYPE_CHECKING:  # editor.py imports this module
    from app.domain.cvs.editor import SectionForm

TOO_LONG = N_("This is too long (%(chars)s characters; at most %(limit)s).")
_SPLIT = re.compile(r"[,\n]")


def skill_groups(content: CvContent) -> list[dict[str, str]]:
    """The skills grouped by category, in the order the CV lists them."""
    groups: dict[str, list[str]] = {}
    for skill in content.skills:
        groups.setdefault(skill.category, []).append(skill.name)
    rows = [
        {"category": category, "names": "\n".join(names), "id": ""}
        for category, names in groups.items()
    ]
    return rows or [{"category": "", "names": "", "id": ""}]


def skills_from_form(form: SectionForm, content: CvContent) -> list[dict[str, Any]]:
    """The skills as posted (errors go to ``form.errors``); a name seen twice is kept once."""
    levels = {skill.name.casefold(): skill.level for skill in content.skills}
    seen: set[str] = set()
    skills: list[dict[str, Any]] = []
    for index, row in enumerate(form.items):
        category = row.get("category", "").strip()
        raw = row.get("names", "")
        if len(category) > MAX_SHORT_CHARS:
            form.errors[f"items-{index}-category"] = gettext(
                TOO_LONG, chars=len(category), limit=MAX_SHORT_CHARS
            )
        if len(raw) > MAX_TOTAL_CHARS:
            form.errors[f"items-{index}-names"] = gettext(
                TOO_LONG, chars=len(raw), limit=MAX_TOTAL_CHARS
            )
            continue
        for name in (part.strip() for part in _SPLIT.split(raw)):
            if not name or name.casefold() in seen:
                continue
            if len(name) > MAX_SHORT_CHARS:
                form.errors[f"items-{index}-names"] = gettext(
                    TOO_LONG, chars=len(name), limit=MAX_SHORT_CHARS
                )
                continue
            seen.add(name.casefold())
            level = levels.get(name.casefold(), "")
            skills.append({"name": name, "category": category, "level": level})
    return skills
