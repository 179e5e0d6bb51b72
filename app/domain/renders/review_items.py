"""Item changes of the review: restore, remove, move between experience and projects,
condense to a one-line entry, expand. Same rules as ``review_ops.py``: text from the source or
the tailored CV only, restored items at their source position."""

from __future__ import annotations

from typing import Any

from app.domain.renders import review_ops as ops
from app.domain.renders.changes import CONDENSE, KEEP, MOVE, REMOVE
from app.domain.renders.review_ops import not_applicable
from app.lib.cv_content import CvContent, Experience, as_project


def _experience(source: CvContent, item_id: str) -> Experience:
    item = ops.source_item(source, item_id)
    if not isinstance(item, Experience):
        raise not_applicable()  # only experiences move to projects or shrink to one line
    return item


def restore(source: CvContent, cv: CvContent, item_id: str) -> dict[str, Any]:
    src = ops.source_item(source, item_id)
    if ops.placed(cv, item_id) is not None:
        raise not_applicable()
    section = "experience" if isinstance(src, Experience) else "projects"
    ops.insert_in_source_order(source, cv, section, src.model_copy(deep=True))
    return {}


def remove(source: CvContent, cv: CvContent, item_id: str) -> dict[str, Any]:
    ops.source_item(source, item_id)
    section, _, item = ops.remove_placed(cv, item_id)
    return {"section": section, "item": item.model_dump(mode="json")}


def move(source: CvContent, cv: CvContent, item_id: str, to: str) -> dict[str, Any]:
    """Move an experience to ``to`` ("projects" or "experience"), keeping its tailored text."""
    exp = _experience(source, item_id)
    section, _, item = ops.placed_or_fail(cv, item_id)
    if section == to:
        raise not_applicable()
    ops.remove_placed(cv, item_id)
    moved = as_project(item) if isinstance(item, Experience) else ops.as_experience(exp, item)
    ops.insert_in_source_order(source, cv, to, moved)
    return {}


def _in_experience(source: CvContent, cv: CvContent, item_id: str) -> tuple[int, Experience]:
    _experience(source, item_id)
    section, index, item = ops.placed_or_fail(cv, item_id)
    if section != "experience" or not isinstance(item, Experience):
        raise not_applicable()
    return index, item


def condense(source: CvContent, cv: CvContent, item_id: str) -> dict[str, Any]:
    """Title, employer and dates only: the timeline keeps no hole, the page gets lines back."""
    index, item = _in_experience(source, cv, item_id)
    if not (item.bullets or item.description):
        raise not_applicable()
    previous = {"description": item.description, "bullets": item.bullets, "skills": item.skills}
    cv.experience[index] = item.model_copy(update={"description": "", "bullets": [], "skills": []})
    return previous


def expand(source: CvContent, cv: CvContent, item_id: str) -> dict[str, Any]:
    """A one-line entry gets its source wording back."""
    exp = _experience(source, item_id)
    index, item = _in_experience(source, cv, item_id)
    if item.bullets or item.description or not (exp.bullets or exp.description):
        raise not_applicable()
    cv.experience[index] = ops.as_experience(exp, exp)
    return {}


def apply_item(source: CvContent, cv: CvContent, action: str, item_id: str) -> dict[str, Any]:
    if action == "restore_item":
        return restore(source, cv, item_id)
    if action == "remove_item":
        return remove(source, cv, item_id)
    if action == "move_to_projects":
        return move(source, cv, item_id, "projects")
    if action == "move_to_experience":
        return move(source, cv, item_id, "experience")
    if action == "condense":
        return condense(source, cv, item_id)
    return expand(source, cv, item_id)


# The decision each item action leaves the item with (recorded with reason ``user_override``).
DECISION_AFTER = {
    "restore_item": KEEP,
    "remove_item": REMOVE,
    "move_to_projects": MOVE,
    "move_to_experience": KEEP,
    "condense": CONDENSE,
    "expand": KEEP,
}
ITEM_ACTIONS = tuple(DECISION_AFTER)
