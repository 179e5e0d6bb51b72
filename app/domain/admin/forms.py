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


async def save_ticked(
    request: Request[Any, Any, Any], db: AsyncSession, name: str, saved: str
) -> Redirect:
    """Store the checkbox setting ``name`` of a one-box form: "true" when the box came ticked,
    "false" when it was absent; then as ``save_settings`` with ``saved``."""
    allowed = "true" if (await request.form()).get(name) == "true" else "false"
    return await save_settings(db, {name: allowed}, saved)


async def save_settings(db: AsyncSession, values: Mapping[str, str], saved: str) -> Redirect:
    """Store the form's checked ``values``, commit, and show the page with the notice of the
    section ``saved`` (``name`` or ``name#anchor``)."""
    for name, value in values.items():
        await update_setting(db, name, value)
    await db.commit()
    return see_other(f"/admin?saved={saved}")
