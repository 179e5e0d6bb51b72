"""Content operations of the review: put one piece of a tailored CV back as the source had it.

Each function edits ``cv`` (the tailored ``CvContent``, a working copy) in place, takes text only
from ``source`` or ``cv`` itself, and raises ``ReviewError`` when it does not apply. Items keep
their ids from source to tailored, so the source item is always looked up by id; restored items
go back at their source position.
"""

from __future__ import annotations

from typing import Any

from app.domain.renders.bullet_pairs import pair_bullets
from app.lib.cv_content import CvContent, Experience, Project, Skill
from app.lib.i18n import N_
from app.lib.input_errors import InputError

Item = Experience | Project


class ReviewError(InputError):
    """A change that cannot be made: nothing is saved."""


def not_applicable() -> ReviewError:
    return ReviewError(
        N_("This change no longer applies to the CV: reload the page to see its current state."),
        code="review.not_applicable",
        http_status=409,
    )


def source_item(source: CvContent, item_id: str) -> Item:
    items: list[Item] = [*source.experience, *source.projects]
    for item in items:
        if item.id == item_id:
            return item
    raise ReviewError(
        N_("No experience or project “%(item)s” in the source CV."),
        code="review.unknown_item",
        item=item_id,
    )


def placed(cv: CvContent, item_id: str) -> tuple[str, int, Item] | None:
    """Where the item is in the tailored CV: ("experience" | "projects", index, item)."""
    for index, exp in enumerate(cv.experience):
        if exp.id == item_id:
            return "experience", index, exp
    for index, proj in enumerate(cv.projects):
        if proj.id == item_id:
            return "projects", index, proj
    return None


def placed_or_fail(cv: CvContent, item_id: str) -> tuple[str, int, Item]:
    found = placed(cv, item_id)
    if found is None:
        raise not_applicable()
    return found


def _order(source: CvContent, section: str) -> dict[str, int]:
    # The projects section lists the source's projects, then experiences moved there (the order
    # the pipeline's assembly uses).
    ids = [e.id for e in source.experience]
    if section == "projects":
        ids = [p.id for p in source.projects] + ids
    return {item_id: rank for rank, item_id in enumerate(ids)}


def insert_in_source_order(source: CvContent, cv: CvContent, section: str, item: Item) -> None:
    items: list[Any] = cv.experience if section == "experience" else cv.projects
    order = _order(source, section)
    rank = order.get(item.id, len(order))
    position = next(
        (i for i, other in enumerate(items) if order.get(other.id, -1) > rank), len(items)
    )
    items.insert(position, item)


def remove_placed(cv: CvContent, item_id: str) -> tuple[str, int, Item]:
    section, index, item = placed_or_fail(cv, item_id)
    del (cv.experience if section == "experience" else cv.projects)[index]
    return section, index, item


def as_experience(source: Experience, current: Item) -> Experience:
    """The source experience's facts with the tailored text it has now."""
    return source.model_copy(
        deep=True,
        update={
            "description": current.description,
            "bullets": list(current.bullets),
            "skills": list(current.skills),
        },
    )


# Bullets -----------------------------------------------------------------------------------


def bullet_index(item: Item, index: int | None, count: int) -> int:
    if index is None or not 0 <= index < count:
        raise ReviewError(
            N_("No bullet number %(n)s in “%(item)s”."),
            code="review.unknown_bullet",
            n=(index or 0) + 1,
            item=item.id,
        )
    return index


def revert_bullet(
    source: CvContent, cv: CvContent, item_id: str, index: int | None
) -> dict[str, Any]:
    """The tailored bullet ``index`` gets its source wording back."""
    src = source_item(source, item_id)
    _, _, item = placed_or_fail(cv, item_id)
    index = bullet_index(item, index, len(item.bullets))
    pair = next(p for p in pair_bullets(src.bullets, item.bullets) if p.tailored_index == index)
    if pair.status != "rewritten" or pair.source_index is None:
        raise ReviewError(
            N_("This bullet is not a rewording of one of yours: there is nothing to revert."),
            code="review.not_rewritten",
        )
    previous = item.bullets[index]
    item.bullets[index] = src.bullets[pair.source_index]
    return {"text": previous, "source_bullet": pair.source_index}


def restore_bullet(
    source: CvContent, cv: CvContent, item_id: str, index: int | None
) -> dict[str, Any]:
    """Source bullet ``index``, which the tailoring left out, goes back at its source place."""
    src = source_item(source, item_id)
    _, _, item = placed_or_fail(cv, item_id)
    index = bullet_index(src, index, len(src.bullets))
    pairs = pair_bullets(src.bullets, item.bullets)
    if any(p.source_index == index and p.tailored is not None for p in pairs):
        raise not_applicable()
    earlier = [
        p.tailored_index
        for p in pairs
        if p.tailored_index is not None and p.source_index is not None and p.source_index < index
    ]
    item.bullets.insert(max(earlier) + 1 if earlier else 0, src.bullets[index])
    return {}


def remove_bullet(cv: CvContent, item_id: str, index: int | None) -> dict[str, Any]:
    _, _, item = placed_or_fail(cv, item_id)
    index = bullet_index(item, index, len(item.bullets))
    return {"text": item.bullets.pop(index), "index": index}


# Skills ------------------------------------------------------------------------------------


def _skill_position(skills: list[Skill], name: str) -> int | None:
    wanted = name.strip().lower()
    return next((i for i, s in enumerate(skills) if s.name.lower() == wanted), None)


def unknown_skill(name: str) -> ReviewError:
    return ReviewError(
        N_("No skill “%(skill)s” in this CV or its source."),
        code="review.unknown_skill",
        skill=name,
    )


def restore_skill(source: CvContent, cv: CvContent, name: str) -> dict[str, Any]:
    at = _skill_position(source.skills, name)
    if at is None:
        raise unknown_skill(name)
    if _skill_position(cv.skills, name) is not None:
        raise not_applicable()
    rank = {s.name.lower(): i for i, s in enumerate(source.skills)}
    position = next(
        (i for i, s in enumerate(cv.skills) if rank.get(s.name.lower(), -1) > at), len(cv.skills)
    )
    cv.skills.insert(position, source.skills[at].model_copy())
    return {}


def remove_skill(source: CvContent, cv: CvContent, name: str) -> dict[str, Any]:
    at = _skill_position(cv.skills, name)
    if at is None:
        if _skill_position(source.skills, name) is None:
            raise unknown_skill(name)
        raise not_applicable()
    return {"skill": cv.skills.pop(at).model_dump(mode="json"), "index": at}
