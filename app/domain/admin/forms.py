"""What the admin page's forms post, and how the settings a valid one sets are stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from litestar import Request
from litestar.response import Redirect
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.form_flash import see_other
from app.settings.service import update_setting


async def admin_form(request: Request[Any, Any, Any]) -> dict[str, str]:
    """A form's fields by name, without its CSRF token (a refused form is shown again)."""
    form = await request.form()
    return {k: str(v) for k, v in form.items() if k != "_csrf_token"}


def ticked(form: Mapping[str, Any], name: str) -> str:
    """A checkbox's setting: present ("true") when ticked, absent otherwise."""
    return "true" if form.get(name) == "true" else "false"


async def save_settings(db: AsyncSession, values: Mapping[str, str], saved: str) -> Redirect:
    """Store the form's checked ``values``, commit, and show the page with the notice of the
    section ``saved`` (``name`` or ``name#anchor``)."""
    for name, value in values.items():
        await update_setting(db, name, value)
    await db.commit()
    return see_other(f"/admin?saved={saved}")
