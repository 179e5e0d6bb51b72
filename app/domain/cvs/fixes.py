"""Fixes for what an import misfiled, each one form on the review page: bullets read under the
wrong job move to the right one, or start a job of their own (an entry split at a bullet).
Pure: content in, content out; the page saves the result as a new version."""

from __future__ import annotations

from app.lib.cv_content import CvContent, Experience, new_item_id

NEW_ENTRY = "new"  # the target that makes the bullets a job of their own


def move_bullets(
    content: CvContent, source_id: str, first: int, last: int, target_id: str
) -> CvContent | None:
    """Bullets ``first``..``last`` (1-based, inclusive) of the experience ``source_id`` moved
    to the end of ``target_id``'s bullets, or into a new experience right after the source
    (``NEW_ENTRY``: its dates and names left for the user to fill). None when the request
    names no such job or bullets, or moves bullets onto their own job."""
    jobs = content.experience
    source = next((i for i, job in enumerate(jobs) if job.id == source_id), None)
    if source is None or target_id == source_id:
        return None
    bullets = jobs[source].bullets
    if not 1 <= first <= last <= len(bullets):
        return None
    moving = bullets[first - 1 : last]
    updated = content.model_copy(deep=True)
    updated.experience[source].bullets = bullets[: first - 1] + bullets[last:]
    if target_id == NEW_ENTRY:
        updated.experience.insert(source + 1, Experience(id=new_item_id("exp"), bullets=moving))
        return updated
    target = next((job for job in updated.experience if job.id == target_id), None)
    if target is None:
        return None
    target.bullets = [*target.bullets, *moving]
    return updated
