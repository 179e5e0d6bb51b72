"""Achievements: every look-up and change scoped to the user. Callers commit.

Another user's achievement answers like a missing one (404); a link to an experience is only
accepted when the CV is the user's and its content holds an experience with that ``id``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement, AchievementStatus, CvFile
from app.db.session import lock_owner
from app.domain.achievements.checks import (
    MAX_ACHIEVEMENTS,
    MAX_TITLE_CHARS,
    AchievementError,
    AchievementInput,
    parse,
)
from app.lib.achievement_lines import evidence_of
from app.lib.cv_content import CvContent, Experience
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.owned_rows import OwnedList, owned


@dataclass(frozen=True, slots=True)
class LinkedExperience:
    """The experience an achievement belongs to, as its CV holds it now."""

    cv: CvFile
    experience: Experience


def _experience(cv: CvFile, experience_id: str) -> Experience | None:
    content = CvContent.from_json(cv.content)
    return next((exp for exp in content.experience if exp.id == experience_id), None)


async def check_link(
    session: AsyncSession, user_id: str, cv_file_id: str | None, experience_id: str | None
) -> LinkedExperience | None:
    """The linked experience, or None when there is no link; a CV that is not one of the user's
    source CVs, or an experience its content does not hold, is refused (422, one message for
    all: another user's ids cannot be probed)."""
    if cv_file_id is None or experience_id is None:
        return None
    # Only a source CV: a tailored one is remade from its source, whose experience ids it
    # copies, so the source's link already reaches it.
    cv = await session.scalar(
        select(CvFile).where(
            CvFile.id == cv_file_id, CvFile.user_id == user_id, CvFile.kind == "source"
        )
    )
    experience = _experience(cv, experience_id) if cv is not None else None
    if cv is None or experience is None:
        raise AchievementError(
            N_("This experience does not exist in your CVs."),
            code="achievement.experience_not_found",
            where="experience",
        )
    return LinkedExperience(cv, experience)


async def linked_experience(
    session: AsyncSession, achievement: Achievement
) -> LinkedExperience | None:
    """Where the achievement is linked, or None when unlinked or the experience is gone (the
    CV was deleted, or the experience removed from it)."""
    if achievement.cv_file_id is None or achievement.experience_id is None:
        return None
    cv = await session.get(CvFile, achievement.cv_file_id)
    if cv is None or cv.user_id != achievement.user_id:
        return None
    experience = _experience(cv, achievement.experience_id)
    return LinkedExperience(cv, experience) if experience is not None else None


def _apply(achievement: Achievement, data: AchievementInput) -> None:
    achievement.title = data.title
    achievement.situation = data.situation
    achievement.task = data.task
    achievement.action = data.action
    achievement.result = data.result
    achievement.skills = list(data.skills)
    achievement.status = data.status
    achievement.language = data.language
    achievement.cv_file_id = data.cv_file_id
    achievement.experience_id = data.experience_id


async def create(session: AsyncSession, user_id: str, data: AchievementInput) -> Achievement:
    """A new achievement from checked input (``checks.parse``); the link is checked here.
    Counted under a lock on the user's account row: parallel creates count one after another,
    never all the same number."""
    await lock_owner(session, user_id)
    if await LISTED.count(session, user_id) >= MAX_ACHIEVEMENTS:
        raise AchievementError(
            N_("Your bank is full (%(limit)s achievements): delete one before adding another."),
            code="achievement.bank_full",
            http_status=409,
            limit=MAX_ACHIEVEMENTS,
        )
    await check_link(session, user_id, data.cv_file_id, data.experience_id)
    achievement = Achievement(user_id=user_id)
    _apply(achievement, data)
    session.add(achievement)
    await session.flush()
    return achievement


async def get(session: AsyncSession, user_id: str, achievement_id: str) -> Achievement:
    missing = NotFound(N_("No such achievement."), code="achievement.not_found")
    return await owned(session, Achievement, user_id, achievement_id, missing)


# The user's achievements, the most recently changed first.
LISTED = OwnedList(Achievement, Achievement.updated_at.desc())
list_for_user = LISTED.all
achievements_page = LISTED.page


async def update(
    session: AsyncSession, user_id: str, achievement_id: str, data: AchievementInput
) -> Achievement:
    """Replace the achievement's fields with checked input; the link is checked again (an
    unchanged link to an experience since removed from its CV is refused too)."""
    achievement = await get(session, user_id, achievement_id)
    await check_link(session, user_id, data.cv_file_id, data.experience_id)
    _apply(achievement, data)
    await session.flush()
    return achievement


async def delete(session: AsyncSession, user_id: str, achievement_id: str) -> None:
    achievement = await get(session, user_id, achievement_id)
    await session.delete(achievement)
    await session.flush()


async def complete_for_cv(
    session: AsyncSession, user_id: str, cv_file_id: str
) -> list[Achievement]:
    """The user's complete achievements linked to an experience of ``cv_file_id``: the
    evidence tailoring may use for that CV's experiences."""
    rows = await session.scalars(
        select(Achievement)
        .where(
            Achievement.user_id == user_id,
            Achievement.cv_file_id == cv_file_id,
            Achievement.experience_id.is_not(None),
            Achievement.status == AchievementStatus.COMPLETE,
        )
        .order_by(Achievement.created_at, Achievement.id)
    )
    return list(rows)


def bank_cv_id(row: CvFile) -> str:
    """The CV whose achievements reach ``row``: itself for a source CV, its source for a
    tailored one (which keeps its source's experience ids)."""
    if row.kind == "source":
        return row.id
    return str((row.generation_meta or {}).get("source_cv_id") or "")


async def attach_evidence(
    session: AsyncSession, row: CvFile, content: CvContent, language: str | None = None
) -> int:
    """Attach to ``content`` (``row``'s) the user's complete achievements linked to its
    experiences, as each experience's own verified evidence (``Experience.evidence``, in
    memory only); how many were. ``language``: only those written in it (tailoring copies a
    result as written), None for all (the match reads both languages)."""
    cv_id = bank_cv_id(row)
    if not cv_id:
        return 0
    by_id = {exp.id: exp for exp in content.experience}
    attached = 0
    for found in await complete_for_cv(session, row.user_id, cv_id):
        exp = by_id.get(found.experience_id or "")
        if exp is None or (language is not None and found.language != language):
            continue
        if any(e.achievement_id == found.id for e in exp.evidence):
            continue  # attached already
        story = {
            "situation": found.situation,
            "task": found.task,
            "action": found.action,
            "result": found.result,
        }
        skills = [str(s) for s in found.skills or []]
        exp.evidence.append(evidence_of(found.id, found.title, story, skills, found.language))
        attached += 1
    return attached


async def add_statement(
    session: AsyncSession,
    user_id: str,
    *,
    title: str,
    statement: str,
    language: str,
    cv_file_id: str,
    experience_id: str,
) -> Achievement:
    """A fact the user states in their own words (the answer to a requirement their CV does not
    show: app/domain/matching/), saved complete and linked to an experience, so the next
    generation may say it there. The statement is the whole story: each part of it is the
    user's sentence, nothing added; ``title`` (the requirement it answers) names it only, and
    tailoring never reads a title as a fact."""
    text = " ".join(statement.split())
    data = parse(
        title=" ".join(title.split())[:MAX_TITLE_CHARS],
        situation=text,
        task=text,
        action=text,
        result=text,
        status=AchievementStatus.COMPLETE,
        language=language,
        cv_file_id=cv_file_id,
        experience_id=experience_id,
    )
    return await create(session, user_id, data)


# Another feature checks an achievement's fields through this module (the STAR coach's accept:
# app/domain/coach/services.py); the checks themselves are checks.py's.
parse_input = parse
