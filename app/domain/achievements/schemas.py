"""JSON shapes of the achievements API: what it returns, and the body it reads by hand
(``achievement_from_json`` checks it with app/domain/achievements/checks.py)."""

from __future__ import annotations

from typing import Any

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIType
from msgspec import Struct

from app.db.models import Achievement, AchievementStatus
from app.domain.achievements.checks import (
    MAX_SKILL_CHARS,
    MAX_SKILLS,
    MAX_STORY_CHARS,
    MAX_TITLE_CHARS,
    STORY_FIELDS,
    AchievementError,
    AchievementInput,
    parse,
)
from app.domain.achievements.checks import STORY_LABELS as STORY_LABELS  # the coach's form
from app.lib.i18n import N_, SUPPORTED_LOCALES
from app.lib.row_out import row_out

_NULLABLE_STRING: Any = [OpenAPIType.STRING, OpenAPIType.NULL]
# The body's keys, and the keyword of ``checks.parse`` each one fills.
BODY_KEYS = {
    "title": "title",
    **{key: key for key in STORY_FIELDS},
    "skills": "skills",
    "status": "status",
    "language": "language",
    "cvFileId": "cv_file_id",
    "experienceId": "experience_id",
}
ACHIEVEMENT_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="An achievement (the whole of it: an update replaces every field). "
        "`complete` needs situation, task, action and result filled; `cvFileId` and "
        "`experienceId` (both or neither) link it to an experience of one of your source CVs.",
        required=["title"],
        additional_properties=False,
        properties={
            "title": Schema(type=OpenAPIType.STRING, min_length=1, max_length=MAX_TITLE_CHARS),
            **{
                key: Schema(type=OpenAPIType.STRING, max_length=MAX_STORY_CHARS)
                for key in STORY_FIELDS
            },
            "skills": Schema(
                type=OpenAPIType.ARRAY,
                max_items=MAX_SKILLS,
                items=Schema(type=OpenAPIType.STRING, max_length=MAX_SKILL_CHARS),
            ),
            "status": Schema(type=OpenAPIType.STRING, enum=[str(s) for s in AchievementStatus]),
            "language": Schema(type=OpenAPIType.STRING, enum=list(SUPPORTED_LOCALES)),
            "cvFileId": Schema(type=_NULLABLE_STRING, description="One of your source CVs"),
            "experienceId": Schema(
                type=_NULLABLE_STRING, description="The `id` of an experience of that CV"
            ),
        },
    )
}


class LinkOut(Struct):
    cvFileId: str
    experienceId: str
    # The experience as its CV holds it now; empty when it is gone from the CV.
    experienceTitle: str
    company: str


class AchievementOut(Struct):
    id: str
    title: str
    situation: str
    task: str
    action: str
    result: str
    skills: list[str]
    status: str
    language: str
    link: LinkOut | None
    createdAt: str
    updatedAt: str


def achievement_out(
    achievement: Achievement, experience: tuple[str, str] | None = None
) -> AchievementOut:
    """``experience``: (title, company) of the linked experience when it still exists."""
    link = None
    if achievement.cv_file_id and achievement.experience_id:
        title, company = experience or ("", "")
        link = LinkOut(achievement.cv_file_id, achievement.experience_id, title, company)
    skills = [str(s) for s in achievement.skills or []]
    return row_out(AchievementOut, achievement, skills=skills, link=link)


def achievement_from_json(body: Any, default_language: str) -> AchievementInput:
    """The checked input of a JSON body; a wrong shape or type is a 422 naming the field."""
    if not isinstance(body, dict):
        raise AchievementError(
            N_("Send a JSON object with at least a title."), code="achievement.invalid_body"
        )
    unknown = sorted(set(body) - set(BODY_KEYS))
    if unknown:
        raise AchievementError(
            N_("Unknown field: %(name)s."),
            code="achievement.unknown_field",
            where=unknown[0],
            name=unknown[0][:40],
        )
    values: dict[str, Any] = {"language": default_language}
    for key, keyword in BODY_KEYS.items():
        value = body.get(key)
        if value is None:
            continue
        wanted = list if key == "skills" else str
        if not isinstance(value, wanted):
            raise AchievementError(
                N_("%(name)s has the wrong type."),
                code="achievement.wrong_type",
                where=key,
                name=key,
            )
        values[keyword] = value
    values.setdefault("title", "")
    return parse(**values)
