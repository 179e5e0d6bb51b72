"""Admin routes on each account: its role and a one-time password-reset link (mixed into
``AdminPages``, so they live under /admin). Each redirects after its POST, done or refused."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect

from app.db.models import User
from app.domain.accounts.services import ADMIN_LINK_LIFETIME, issue_reset, reset_link
from app.domain.admin.guards import require_admin
from app.domain.admin.roles import set_role
from app.lib.dependencies import AppSettings, Db, SignedIn
from app.lib.errors import AppError, NotFound
from app.lib.i18n import N_

# The new link waits in the admin's session for the page the redirect leads to, shown once.
RESET_LINK_KEY = "admin_reset_link"


def refused(exc: AppError, anchor: str = "users") -> Redirect:
    return Redirect(f"/admin?error={exc.code}#{anchor}", status_code=303)


class UserRoutes:
    @post("/users/{user_id:str}/role", media_type=MediaType.HTML)
    async def change_role(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db, user_id: FromPath[str]
    ) -> Redirect:
        require_admin(user)
        make_admin = (await request.form()).get("admin") == "1"
        try:
            await set_role(db, user_id, make_admin)
        except AppError as exc:
            await db.rollback()
            return refused(exc)
        await db.commit()
        if user_id == user.id and not make_admin:
            return Redirect("/", status_code=303)  # no admin page for them now
        return Redirect("/admin?saved=role#users", status_code=303)

    @post("/users/{user_id:str}/reset-link", media_type=MediaType.HTML)
    async def make_reset_link(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        user_id: FromPath[str],
    ) -> Redirect:
        require_admin(user)
        target = await db.get(User, user_id)
        if target is None:
            return refused(NotFound(N_("No such user."), code="admin.user_not_found"))
        token = await issue_reset(db, target, ADMIN_LINK_LIFETIME, by=user)
        await db.commit()
        base = settings.public_url or str(request.base_url)
        request.session[RESET_LINK_KEY] = {"link": reset_link(base, token), "email": target.email}
        return Redirect("/admin?saved=reset-link#users", status_code=303)
