"""The user's complete achievements, as the stories a pitch may tell (request.Story).

Only complete ones (their four STAR parts filled): a draft is not yet the user's checked story.
The ones linked to the pitch's CV come first, then the most recently changed.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.achievement import AchievementStatus
from app.domain.achievements import services as achievements
from jobs.pitches.request import Story

MAX_STORIES = 8  # the prompt's data: a pitch tells at most 4 of them


async def complete_stories(
    session: AsyncSession, user_id: str, cv_file_id: str | None = None
) -> tuple[Story, ...]:
    rows = [
        row
        for row in await achievements.list_for_user(session, user_id)
        if row.status == AchievementStatus.COMPLETE
    ]
    rows.sort(key=lambda row: 0 if cv_file_id and row.cv_file_id == cv_file_id else 1)
    return tuple(
        Story(
            title=row.title,
            situation=row.situation,
            task=row.task,
            action=row.action,
            result=row.result,
            skills=tuple(str(s) for s in row.skills or []),
        )
        for row in rows[:MAX_STORIES]
    )
