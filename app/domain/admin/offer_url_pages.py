"""Admin route for ``allow_private_offer_urls``: may offer and feed URLs reach the private network
(an intranet job board)? Mixed into ``AdminPages``; redirects after its POST."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.enums import MediaType
from litestar.response import Redirect

from app.domain.admin.guards import require_admin
from app.lib.dependencies import Db, SignedIn
from app.settings.service import update_setting

PRIVATE_URLS_SETTING = "allow_private_offer_urls"


class OfferUrlRoutes:
    @post("/offer-urls", media_type=MediaType.HTML)
    async def save_offer_urls(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db
    ) -> Redirect:
        require_admin(user)
        # A checkbox: present ("true") when ticked, absent otherwise.
        allowed = (await request.form()).get(PRIVATE_URLS_SETTING) == "true"
        await update_setting(db, PRIVATE_URLS_SETTING, "true" if allowed else "false")
        await db.commit()
        return Redirect("/admin?saved=offer-urls#offer-urls", status_code=303)
