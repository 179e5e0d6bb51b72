"""Admin route for ``allow_private_offer_urls``: may offer and feed URLs reach the private network
(an intranet job board)? Mixed into ``AdminPages``; redirects after its POST."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.enums import MediaType
from litestar.response import Redirect

from app.domain.admin.forms import save_settings, ticked
from app.domain.admin.guards import require_admin
from app.lib.dependencies import Db, SignedIn

PRIVATE_URLS_SETTING = "allow_private_offer_urls"


class OfferUrlRoutes:
    @post("/offer-urls", media_type=MediaType.HTML)
    async def save_offer_urls(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db
    ) -> Redirect:
        require_admin(user)
        allowed = ticked(await request.form(), PRIVATE_URLS_SETTING)
        return await save_settings(db, {PRIVATE_URLS_SETTING: allowed}, "offer-urls#offer-urls")
