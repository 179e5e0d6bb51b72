"""The skills section of the editor: one text list of names per category (chips with
static/js/skill_chips.js, a plain textarea without JavaScript), not one card per skill.

Each group posts ``items-<i>-category`` and ``items-<i>-names`` (one per line or comma
separated), and one level per skill it had when the page was drawn: ``items-<i>-level-<k>``
with the skill's name in ``items-<i>-level-<k>-name`` (a plain field, so it works without
JavaScript). A skill posted without a level field (just added, or a client that does not send
levels) keeps the level it had; an empty level field clears it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.lib.cv_content import CvContent
from app.lib.cv_limits import MAX_ENTRIES, MAX_SHORT_CHARS, MAX_TOTAL_CHARS
from app.lib.i18n import N_, gettext

if TYPE_CHECKING:  # editor.py imports this module
    from app.domain.cvs.editor import SectionForm

TOO_LONG = N_("This is too long (%(chars)s characters; at most %(limit)s).")
_SPLIT = re.compile(r"[,\n]")


def skill_groups(content: CvContent) -> list[dict[str, str]]:
    """The skills grouped by category, in the order the CV lists them; ``levels`` holds one
    ``name<TAB>level`` line per skill (what the level fields show)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for skill in content.skills:
        groups.setdefault(skill.category, []).append((skill.name, skill.level))
    rows = [
        {
            "category": category,
            "names": "\n".join(name for name, _ in skills),
            "levels": "\n".join(f"{name}\t{level}" for name, level in skills),
            "id": "",
        }
        for category, skills in groups.items()
    ]
    return rows or [{"category": "", "names": "", "levels": "", "id": ""}]


def posted_levels(data: Mapping[str, str], prefix: str) -> str:
    """The level fields of one group (``<prefix>level-<k>`` and its ``-name``), as the
    ``name<TAB>level`` lines ``skill_groups`` makes."""
    lines = []
    for k in range(MAX_ENTRIES["skills"]):
        name = data.get(f"{prefix}level-{k}-name")
        if name is None:
            break
        level = data.get(f"{prefix}level-{k}", "").replace("\t", " ").replace("\n", " ")
        lines.append(f"{name.strip()}\t{level.strip()}")
    return "\n".join(lines)


def _levels_by_name(form: SectionForm) -> dict[str, str]:
    """name (case-folded) → the level posted for it, over every group (a skill moved to
    another category keeps the level set in its old one)."""
    found: dict[str, str] = {}
    for row in form.items:
        for line in row.get("levels", "").splitlines():
            name, _, level = line.partition("\t")
            if name.strip():
                found[name.strip().casefold()] = level.strip()
    return found


def skills_from_form(form: SectionForm, content: CvContent) -> list[dict[str, Any]]:
    """The skills as posted (errors go to ``form.errors``); a name seen twice is kept once."""
    levels = {skill.name.casefold(): skill.level for skill in content.skills}
    levels |= _levels_by_name(form)
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
            if len(level) > MAX_SHORT_CHARS:
                form.errors[f"items-{index}-names"] = gettext(
                    TOO_LONG, chars=len(level), limit=MAX_SHORT_CHARS
                )
                continue
            skills.append({"name": name, "category": category, "level": level})
    return skills
