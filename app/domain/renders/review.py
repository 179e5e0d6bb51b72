"""The review of a tailored CV: undo one change, or override one classification.

``apply_review`` is pure: from the source content, the tailored content and its
``generation_meta``, it returns the new tailored content and meta. Each change is recorded in
``meta["overrides"]`` as ``{action, target, at, previous?, decision_before?, reason_before?}``
(``previous``: what the change replaced, taken from the tailored CV, so that ``undo`` can put
it back); item changes also set the item's classification decision with the reason code
``user_override``. The operations live in ``review_ops.py`` (bullets, skills),
``review_items.py`` (items) and ``review_undo.py``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Literal, get_args

from app.domain.renders import review_ops as ops
from app.domain.renders.reasons import USER_OVERRIDE
from app.domain.renders.review_items import DECISION_AFTER, ITEM_ACTIONS, apply_item
from app.domain.renders.review_meta import (
    added_evidence,
    recompute_skills_changes,
    record_decision,
    record_skill_reason,
)
from app.domain.renders.review_ops import ReviewError, not_applicable
from app.domain.renders.review_undo import undo
from app.lib.cv_content import CvContent
from app.lib.i18n import N_

ActionName = Literal[
    "revert_bullet",
    "restore_bullet",
    "remove_bullet",
    "restore_item",
    "remove_item",
    "move_to_projects",
    "move_to_experience",
    "condense",
    "expand",
    "restore_skill",
    "remove_skill",
    "revert_summary",
    "revert_title",
    "undo",
]
ACTIONS: tuple[str, ...] = get_args(ActionName)
BULLET_ACTIONS = ("revert_bullet", "restore_bullet", "remove_bullet")
SKILL_ACTIONS = ("restore_skill", "remove_skill")
TEXT_ACTIONS = ("revert_summary", "revert_title")


@dataclass(frozen=True, slots=True)
class ReviewAction:
    action: str
    item: str = ""
    bullet: int | None = None  # tailored index (revert, remove) or source index (restore)
    skill: str = ""
    override: int | None = None  # for undo: its index in meta["overrides"]


def _text(source: CvContent, cv: CvContent, action: str) -> dict[str, Any]:
    if action == "revert_summary":
        if cv.summary == source.summary:
            raise not_applicable()
        previous, cv.summary = cv.summary, source.summary
        return {"text": previous}
    if cv.header.current_title == source.header.current_title:
        raise not_applicable()
    previous = cv.header.current_title
    cv.header.current_title = source.header.current_title
    return {"text": previous}


def _skill_name(source: CvContent, cv: CvContent, name: str) -> str:
    """The skill as the CVs spell it (the source's spelling first): reasons are keyed by it."""
    wanted = name.strip().lower()
    for skill in [*source.skills, *cv.skills]:
        if skill.name.lower() == wanted:
            return skill.name
    return name.strip()


def _apply(source: CvContent, cv: CvContent, change: ReviewAction) -> dict[str, Any]:
    """Run one action on ``cv``; returns what it replaced (for undo)."""
    action = change.action
    if action in (*BULLET_ACTIONS, *ITEM_ACTIONS) and not change.item:
        raise ReviewError(N_("Say which item to change."), code="review.missing_item")
    if action in SKILL_ACTIONS and not change.skill.strip():
        raise ReviewError(N_("Say which skill to change."), code="review.missing_skill")
    if action == "revert_bullet":
        return ops.revert_bullet(source, cv, change.item, change.bullet)
    if action == "restore_bullet":
        return ops.restore_bullet(source, cv, change.item, change.bullet)
    if action == "remove_bullet":
        ops.source_item(source, change.item)
        return ops.remove_bullet(cv, change.item, change.bullet)
    if action in ITEM_ACTIONS:
        return apply_item(source, cv, action, change.item)
    if action == "restore_skill":
        return ops.restore_skill(source, cv, change.skill)
    if action == "remove_skill":
        return ops.remove_skill(source, cv, change.skill)
    if action in TEXT_ACTIONS:
        return _text(source, cv, action)
    raise ReviewError(
        N_("Unknown change “%(action)s”."), code="review.unknown_action", action=action
    )


def _record(
    source: CvContent, cv: CvContent, meta: dict[str, Any], change: ReviewAction, at: str
) -> dict[str, Any]:
    target: dict[str, Any] = {}
    if change.item:
        target["item"] = change.item
    if change.bullet is not None:
        target["bullet"] = change.bullet
    if change.skill:
        target["skill"] = _skill_name(source, cv, change.skill)
    entry: dict[str, Any] = {"action": change.action, "target": target, "at": at}
    previous = _apply(source, cv, change)
    if previous:
        entry["previous"] = previous
    if change.action in DECISION_AFTER:
        entry.update(record_decision(meta, change.item, DECISION_AFTER[change.action]))
    elif change.action in SKILL_ACTIONS:
        reason = {"code": USER_OVERRIDE, "params": {}} if change.action == "remove_skill" else None
        entry["reason_before"] = record_skill_reason(meta, target["skill"], reason)
        if change.action == "remove_skill":  # an added skill's evidence, for undo
            evidence = added_evidence(meta).get(target["skill"].lower())
            if evidence:
                entry["previous"]["evidence"] = evidence
    return entry


def apply_review(
    source: CvContent, tailored: CvContent, meta: dict[str, Any], change: ReviewAction, at: str
) -> tuple[CvContent, dict[str, Any]]:
    """The tailored content and meta after ``change``; raises ``ReviewError`` (nothing changed)."""
    cv = tailored.model_copy(deep=True)
    new_meta = copy.deepcopy(meta)
    overrides: list[dict[str, Any]] = list(new_meta.get("overrides") or [])
    if change.action == "undo":
        undo(source, cv, new_meta, overrides, change.override, at)
    else:
        overrides.append(_record(source, cv, new_meta, change, at))
    new_meta["overrides"] = overrides
    recompute_skills_changes(source, cv, new_meta)
    return CvContent.from_json(cv.to_json()), new_meta
