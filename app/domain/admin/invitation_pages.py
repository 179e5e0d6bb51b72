"""Admin routes for invitation links, mixed into ``AdminPages`` (so they live under /admin)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar import post
from litestar.enums import MediaType
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.admin.forms import admin_form
from app.domain.admin.guards import require_admin
from app.domain.invitations.services import (
    MAX_DAYS,
    MIN_DAYS,
    create_invitation,
    list_invitations,
    revoke_invitation,
    status,
)
from app.lib.dependencies import Db, SignedIn
from app.lib.errors import AppError, ValidationFailed
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_
from app.lib.numbers import whole_number


@dataclass(frozen=True, slots=True)
class InvitationRow:
    id: str
    prefix: str
    email: str | None
    created_at: datetime
    expires_at: datetime
    status: str  # active / used / expired / revoked
    used_by: str | None  # the address of the account it opened


async def invitation_rows(db: AsyncSession) -> list[InvitationRow]:
    invitations = await list_invitations(db)
    invitee_ids = {row.used_by for row in invitations if row.used_by}
    emails: dict[str, str] = {}
    if invitee_ids:
        found = await db.execute(select(User.id, User.email).where(User.id.in_(invitee_ids)))
        emails = {user_id: email for user_id, email in found.all()}
    return [
        InvitationRow(
            id=row.id,
            prefix=row.prefix,
            email=row.email,
            created_at=row.created_at,
            expires_at=row.expires_at,
            status=status(row),
            used_by=emails.get(row.used_by) if row.used_by else None,
        )
        for row in invitations
    ]


class InvitationRoutes:
    """The page itself (``_page``, ``_rejected``) comes from ``AdminPages``."""

    _page: Callable[..., Awaitable[Template]]
    _rejected: Callable[..., Awaitable[Redirect]]

    @post("/invitations", media_type=MediaType.HTML)
    async def create_invitation_link(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        require_admin(user)
        form = await admin_form(request)
        days = whole_number(form.get("days", ""), MIN_DAYS, MAX_DAYS)
        try:
            if days is None:
                raise ValidationFailed(
                    N_("An invitation lasts between 1 and 90 days."),
                    code="invitations.days_invalid",
                )
            row, token = await create_invitation(db, user, form.get("email", ""), days)
        except AppError as exc:
            return await self._rejected(request, db, exc)
        await db.commit()
        # Shown once, like an API token: only the hash is stored.
        link = f"{str(request.base_url).rstrip('/')}/register?invite={token}"
        return redirect_back(
            request, "/admin#invitations", new_invitation=link, new_invitation_email=row.email
        )

    @post("/invitations/revoke", media_type=MediaType.HTML)
    async def revoke_invitation_link(
        self, request: HTMXRequest, user: SignedIn, db: Db
    ) -> Redirect:
        require_admin(user)
        await revoke_invitation(db, (await admin_form(request)).get("id", ""))
        await db.commit()
        return see_other("/admin?saved=invitations#invitations")
