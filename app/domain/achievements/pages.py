"""HTML pages of the achievements bank: the list, the form for a new one and for editing one,
and deletion through the confirmation page (app/lib/confirm.py). Every post answers with a
redirect: to the next page, or back to the form with the message and what was typed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement, User
from app.domain.achievements import services, view
from app.domain.achievements.checks import (
    MAX_SKILLS,
    MAX_STORY_CHARS,
    MAX_TITLE_CHARS,
    STATUSES,
)
from app.lib.confirm import Confirmation, DeleteForm, confirm_page
from app.lib.dependencies import Db, SignedIn
from app.lib.errors import AppError
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_, SUPPORTED_LOCALES, gettext
from app.lib.pages import attempt, posted_text
from app.lib.paging import Paging, pager
from app.lib.path_rows import PathRow, path_row

Owned = NamedDependency[PathRow[Achievement]]

STORY_HINTS = {
    "situation": N_("Where and when: the context, the problem, with figures if you have them."),
    "task": N_("What you had to achieve: your goal or responsibility."),
    "action": N_("What you did yourself, step by step (say “I”, not “we”)."),
    "result": N_("What changed thanks to you, quantified: time saved, money, people, percentage."),
}


async def form_context(
    db: AsyncSession, user: User, achievement: Achievement | None, **extra: Any
) -> dict[str, Any]:
    language = view.user_language(user)
    return {
        "achievement": achievement,
        "values": extra.pop("values", None) or view.form_values(achievement, language),
        "choices": await view.experience_choices(db, user.id),
        "statuses": STATUSES,
        "languages": SUPPORTED_LOCALES,
        "story_hints": STORY_HINTS,
        "max_title": MAX_TITLE_CHARS,
        "max_story": MAX_STORY_CHARS,
        "max_skills": MAX_SKILLS,
        **extra,
    }


async def _outcome(
    request: HTMXRequest,
    db: AsyncSession,
    user: User,
    action: Callable[[], Awaitable[str]],
    back: str,
    values: dict[str, str],
) -> Redirect:
    """``form_outcome`` (app/lib/pages.py) that also tells the form which field was refused,
    so that field is marked invalid and focused."""
    outcome = await attempt(db, user, action)
    if isinstance(outcome, AppError):
        field = str(outcome.extra.get("field") or "")
        return redirect_back(request, back, outcome, values=values, error_field=field)
    return see_other(outcome)


class AchievementPages(Controller):
    include_in_schema = False
    dependencies = {"owned": path_row("achievement_id", services.get)}  # noqa: RUF012 - Litestar's

    @get("/achievements")
    async def index(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        paging: Paging,
        deleted: FromQuery[bool] = False,
    ) -> Template:
        page = await services.achievements_page(db, user.id, paging)
        context = {
            "rows": await view.rows(db, page.items),
            "deleted": deleted,
            "pager": pager(request, page),
        }
        return Template("achievements/index.html", context=context)

    @get("/achievements/new")
    async def new(self, user: SignedIn, db: Db) -> Template:
        return Template("achievements/form.html", context=await form_context(db, user, None))

    @post("/achievements")
    async def create(self, request: HTMXRequest, user: SignedIn, db: Db) -> Redirect:
        values = await posted_text(request)

        async def action() -> str:
            achievement = await services.create(
                db, user.id, view.input_from_form(values, view.user_language(user))
            )
            await db.commit()
            return f"/achievements/{achievement.id}?saved=1"

        return await _outcome(request, db, user, action, "/achievements/new", values)

    @get("/achievements/{achievement_id:str}")
    async def edit(
        self,
        user: SignedIn,
        db: Db,
        achievement_id: FromPath[str],
        saved: FromQuery[bool] = False,
    ) -> Template:
        achievement = await services.get(db, user.id, achievement_id)
        context = await form_context(db, user, achievement, saved=saved)
        return Template("achievements/form.html", context=context)

    @post("/achievements/{achievement_id:str}")
    async def save(self, request: HTMXRequest, owned: Owned) -> Redirect:
        # Another user's: 404 (the dependency's), not a form error.
        db, user, saved = owned.db, owned.user, owned.row
        values = await posted_text(request)
        known = tuple(saved.skills or ())

        async def action() -> str:
            posted = view.input_from_form(values, view.user_language(user), known)
            await services.update(db, user.id, saved.id, posted)
            await db.commit()
            return f"/achievements/{saved.id}?saved=1"

        return await _outcome(request, db, user, action, f"/achievements/{saved.id}", values)

    @get("/achievements/{achievement_id:str}/delete")
    async def confirm_delete(self, owned: Owned) -> Template:
        return confirm_page(_confirmation(owned.row))

    @post("/achievements/{achievement_id:str}/delete")
    async def delete(self, owned: Owned, data: URLEncodedBody[DeleteForm]) -> Redirect | Template:
        """Only the confirmation page's form deletes; any other post shows that page."""
        if not data.confirmed:
            return confirm_page(_confirmation(owned.row))
        await services.delete(owned.db, owned.user.id, owned.row.id)
        await owned.db.commit()
        return Redirect("/achievements?deleted=1", status_code=303)


def _confirmation(achievement: Achievement) -> Confirmation:
    """The story goes; the CVs already tailored with it keep what it gave them."""
    return Confirmation(
        heading=gettext("Delete this achievement?"),
        subject=achievement.title,
        action=f"/achievements/{achievement.id}/delete",
        back=f"/achievements/{achievement.id}",
        confirm_label=gettext("Delete the achievement"),
        gone=[gettext("its situation, task, action, result and skills")],
        kept=[
            gettext(
                "CVs already tailored with it: they keep the bullets it gave them; the next "
                "tailoring no longer uses it"
            )
        ],
    )
