"""JSON API of the achievements bank: list, create, read, replace, delete."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement
from app.domain.achievements import services
from app.domain.achievements.schemas import (
    ACHIEVEMENT_BODY,
    AchievementOut,
    achievement_from_json,
    achievement_out,
)
from app.domain.achievements.view import user_language
from app.lib.dependencies import Db, SignedIn
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.web import json_body


async def _out(db: AsyncSession, achievement: Achievement) -> AchievementOut:
    linked = await services.linked_experience(db, achievement)
    shown = (linked.experience.title, linked.experience.company) if linked else None
    return achievement_out(achievement, shown)


class AchievementApi(Controller):
    path = "/api/achievements"
    tags = ["achievements"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/", description="Your achievements, the most recently changed first, by page.")
    async def list_achievements(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[AchievementOut]]:
        page = await services.achievements_page(db, user.id, paging)
        return listed(request, page.with_items([await _out(db, a) for a in page.items]))

    @post(
        "/",
        status_code=HTTP_201_CREATED,
        operation_class=documented_body("The new achievement", ACHIEVEMENT_BODY),
    )
    async def create(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db
    ) -> AchievementOut:
        body = await json_body(request, code="achievement.invalid_json")
        achievement = await services.create(
            db, user.id, achievement_from_json(body, user_language(user))
        )
        await db.commit()
        return await _out(db, achievement)

    @get("/{achievement_id:str}")
    async def read(self, user: SignedIn, db: Db, achievement_id: FromPath[str]) -> AchievementOut:
        return await _out(db, await services.get(db, user.id, achievement_id))

    @put(
        "/{achievement_id:str}",
        operation_class=documented_body("The achievement, all of its fields", ACHIEVEMENT_BODY),
    )
    async def replace(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        achievement_id: FromPath[str],
    ) -> AchievementOut:
        current = await services.get(db, user.id, achievement_id)  # 404 before the body
        body = await json_body(request, code="achievement.invalid_json")
        data = achievement_from_json(body, current.language)
        achievement = await services.update(db, user.id, achievement_id, data)
        await db.commit()
        return await _out(db, achievement)

    @delete("/{achievement_id:str}", status_code=HTTP_200_OK)
    async def remove(
        self, user: SignedIn, db: Db, achievement_id: FromPath[str]
    ) -> dict[str, bool]:
        await services.delete(db, user.id, achievement_id)
        await db.commit()
        return {"success": True}
