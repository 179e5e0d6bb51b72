"""Undo one recorded review change: the inverse of each action, using what the change stored
as ``previous`` (text that was in the tailored CV) or the source CV."""

from __future__ import annotations

from typing import Any

from app.domain.renders import review_items as items
from app.domain.renders import review_ops as ops
from app.domain.renders.review_meta import record_skill_reason, restore_decision
from app.domain.renders.review_ops import ReviewError, not_applicable
from app.lib.cv_content import CvContent, Experience, Project, Skill
from app.lib.i18n import N_


def _entry(overrides: list[dict[str, Any]], index: int | None) -> dict[str, Any]:
    entry = overrides[index] if index is not None and 0 <= index < len(overrides) else None
    if not isinstance(entry, dict) or entry.get("undone") or entry.get("action") == "undo":
        raise ReviewError(N_("There is no such change to undo."), code="review.unknown_override")
    return entry


def _source_bullet(source: CvContent, item_id: str, index: Any) -> str:
    bullets = ops.source_item(source, item_id).bullets
    if not isinstance(index, int) or not 0 <= index < len(bullets):
        raise not_applicable()
    return bullets[index]


def _bullet_undo(source: CvContent, cv: CvContent, entry: dict[str, Any]) -> None:
    action, target = entry["action"], entry.get("target") or {}
    previous = entry.get("previous") or {}
    item_id = str(target.get("item") or "")
    _, _, item = ops.placed_or_fail(cv, item_id)
    if action == "remove_bullet":
        item.bullets.insert(min(int(previous.get("index", 0)), len(item.bullets)), previous["text"])
        return
    wanted = previous.get("source_bullet") if action == "revert_bullet" else target.get("bullet")
    text = _source_bullet(source, item_id, wanted)
    if text not in item.bullets:
        raise not_applicable()
    at = item.bullets.index(text)
    if action == "revert_bullet":
        item.bullets[at] = previous["text"]
    else:
        del item.bullets[at]


def _item_undo(source: CvContent, cv: CvContent, entry: dict[str, Any]) -> None:
    action = entry["action"]
    item_id = str((entry.get("target") or {}).get("item") or "")
    previous = entry.get("previous") or {}
    if action == "restore_item":
        items.remove(source, cv, item_id)
    elif action == "remove_item":
        if ops.placed(cv, item_id) is not None:
            raise not_applicable()
        section = previous.get("section")
        model = Experience if section == "experience" else Project
        ops.insert_in_source_order(source, cv, str(section), model.model_validate(previous["item"]))
    elif action in ("move_to_projects", "move_to_experience"):
        items.move(
            source, cv, item_id, "experience" if action == "move_to_projects" else "projects"
        )
    elif action == "expand":
        items.condense(source, cv, item_id)
    else:  # condense: the text it took away comes back
        section, index, item = ops.placed_or_fail(cv, item_id)
        if section != "experience" or item.bullets or item.description:
            raise not_applicable()
        cv.experience[index] = cv.experience[index].model_copy(update=previous)


def _other_undo(
    source: CvContent, cv: CvContent, meta: dict[str, Any], entry: dict[str, Any]
) -> None:
    action, target = entry["action"], entry.get("target") or {}
    previous = entry.get("previous") or {}
    if action == "restore_skill":
        ops.remove_skill(source, cv, str(target.get("skill") or ""))
    elif action == "remove_skill":
        skill = Skill.model_validate(previous["skill"])
        if any(s.name.lower() == skill.name.lower() for s in cv.skills):
            raise not_applicable()
        cv.skills.insert(min(int(previous.get("index", 0)), len(cv.skills)), skill)
        if previous.get("evidence"):  # an added skill comes back with its evidence
            changes = meta.setdefault("skills_changes", {})
            added = [*(changes.get("added") or [])]
            changes["added"] = [*added, {"name": skill.name, "evidence": previous["evidence"]}]
    elif action == "revert_summary":
        if cv.summary != source.summary:
            raise not_applicable()
        cv.summary = str(previous.get("text") or "")
    elif action == "revert_title":
        if cv.header.current_title != source.header.current_title:
            raise not_applicable()
        cv.header.current_title = str(previous.get("text") or "")
    else:
        raise not_applicable()


def undo(
    source: CvContent,
    cv: CvContent,
    meta: dict[str, Any],
    overrides: list[dict[str, Any]],
    index: int | None,
    at: str,
) -> None:
    """Undo ``overrides[index]`` on ``cv`` and ``meta``; marks it undone and records the undo."""
    entry = _entry(overrides, index)
    action = entry.get("action")
    if action in ("revert_bullet", "restore_bullet", "remove_bullet"):
        _bullet_undo(source, cv, entry)
    elif action in items.ITEM_ACTIONS:
        _item_undo(source, cv, entry)
        restore_decision(meta, str(entry["target"]["item"]), entry)
    else:
        _other_undo(source, cv, meta, entry)
    if action in ("restore_skill", "remove_skill"):
        record_skill_reason(meta, str(entry["target"]["skill"]), entry.get("reason_before"))
    assert index is not None  # checked by _entry
    overrides[index] = {**entry, "undone": True}
    overrides.append({"action": "undo", "target": {"override": index}, "at": at})
