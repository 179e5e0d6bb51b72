"""The skills section of the editor: one text list of names per category (chips with
static/js/skill_chips.js, a plain textarea without JavaScript), not one card per skill.

Each group posts ``items-<i>-category`` and ``items-<i>-names`` (one per line or comma
separated; a comma inside brackets, or a line that already is a skill, kept whole:
app/lib/name_list.py), and one level per skill it had when the page was drawn:
``items-<i>-level-<k>`` with the skill's name in ``items-<i>-level-<k>-name`` (a plain field,
so it works without JavaScript). A skill posted without a level field (just added, or a client
that does not send levels) keeps the level it had; an empty level field clears it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.lib.cv_content import CvContent
from app.lib.cv_limits import MAX_ENTRIES, MAX_SHORT_CHARS, MAX_TOTAL_CHARS
from app.lib.i18n import N_, gettext
from app.lib.name_list import form_lines, join_names, split_names

if TYPE_CHECKING:  # editor.py imports this module
    from app.domain.cvs.editor import SectionForm

TOO_LONG = N_("This is too long (%(chars)s characters; at most %(limit)s).")


def skill_groups(content: CvContent) -> list[dict[str, str]]:
    """The skills grouped by category, in the order the CV lists them; ``levels`` holds one
    ``name<TAB>level`` line per skill (what the level fields show)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for skill in content.skills:
        groups.setdefault(skill.category, []).append((skill.name, skill.level))
    rows = [
        {
            "category": category,
            "names": join_names(name for name, _ in skills),
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
        for name, level in level_pairs(row.get("levels", "")):
            if name.strip():
                found[name.strip().casefold()] = level.strip()
    return found


def level_pairs(levels: str) -> list[tuple[str, str]]:
    """The ``name<TAB>level`` lines of ``skill_groups`` as pairs. Cut at the last tab: a level
    never holds one (``posted_levels`` makes it a space), a pasted name may."""
    pairs = []
    for line in form_lines(levels):
        if line:
            name, _, level = line.rpartition("\t")
            pairs.append((name, level))
    return pairs


def skills_from_form(form: SectionForm, content: CvContent) -> list[dict[str, Any]]:
    """The skills as posted (errors go to ``form.errors``); a name seen twice is kept once."""
    levels = {skill.name.casefold(): skill.level for skill in content.skills}
    known = {skill.name for skill in content.skills}
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
        for name in split_names(raw, known):
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
    return _in_stored_order(skills, content)


def _grouped(skills: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for skill in skills:
        groups.setdefault(skill["category"], []).append(
            (skill["category"], skill["name"], skill["level"])
        )
    return [skill for group in groups.values() for skill in group]


def _in_stored_order(skills: list[dict[str, Any]], content: CvContent) -> list[dict[str, Any]]:
    """The stored list when the form holds the same skills: the form shows them grouped by
    category, and a save with no change must not reorder a list whose categories alternate."""
    stored = [skill.model_dump() for skill in content.skills]
    return stored if _grouped(stored) == _grouped(skills) else skills
