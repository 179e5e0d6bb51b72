"""Fixes for what an import misfiled, each one form on the review page: bullets read under the
wrong job move to the right one, or start a job of their own (an entry split at a bullet); a
line the import placed nowhere goes where it belongs; a language or an extra that is a skill
becomes one. Pure: content in, content out; the page saves the result as a new version."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import EXTRA_GROUPS, CvContent, Experience, Skill, new_item_id
from app.lib.parsing.report.report_live import line_text
from app.lib.text_forms import fold

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


def place_targets(content: CvContent) -> list[tuple[str, str]]:
    """Where an unplaced line may go: (target, the job's label or "") — each job's bullets,
    then the summary, the skills and the interests (the page names the last three)."""
    jobs = [
        (f"bullet:{job.id}", " — ".join(p for p in (job.title, job.company) if p) or "?")
        for job in content.experience
    ]
    return [*jobs, ("summary", ""), ("skill", ""), ("interest", "")]


def place_line(content: CvContent, line: str, target: str) -> CvContent | None:
    """``content`` with ``line`` added where ``target`` (``place_targets``) says: a bullet of a
    job, a sentence of the summary, a skill or an interest; None for an unknown target."""
    text = line_text(line)
    if not text:
        return None
    updated = content.model_copy(deep=True)
    kind, _, item_id = target.partition(":")
    if kind == "bullet":
        job = next((j for j in updated.experience if j.id == item_id), None)
        if job is None:
            return None
        job.bullets = [*job.bullets, text]
    elif target == "summary":
        updated.summary = f"{updated.summary.rstrip()} {text}".strip()
    elif target == "skill":
        updated.skills = [*updated.skills, Skill(name=text)]
    elif target == "interest":
        updated.extras.interests = [*updated.extras.interests, text]
    else:
        return None
    return updated


TO_SKILL_SECTIONS = ("languages", *EXTRA_GROUPS)


def to_skill(content: CvContent, section: str, index: int, name: str) -> CvContent | None:
    """Item ``index`` of ``section`` (a language or an extra the import misfiled: "Python" read
    as a language, "Excel" as a certification) turned into a skill of the same name. ``name``
    must still be the item's (the page may be older than the content); None otherwise."""
    if section not in TO_SKILL_SECTIONS:
        return None
    updated = content.model_copy(deep=True)
    holder: Any = updated if section == "languages" else updated.extras
    items = list(getattr(holder, section))
    if not 0 <= index < len(items) or not name.strip() or items[index].name != name:
        return None
    items.pop(index)
    setattr(holder, section, items)
    if fold(name) not in {fold(skill.name) for skill in updated.skills}:
        updated.skills = [*updated.skills, Skill(name=name.strip())]
    return updated
