"""Admin-only access: everyone else gets 403."""

from __future__ import annotations

from app.db.models import User
from app.lib.errors import Forbidden
from app.lib.i18n import N_


def require_admin(user: User) -> User:
    if not user.is_admin:
        raise Forbidden(N_("This page is for administrators."), code="admin.forbidden")
    return user
