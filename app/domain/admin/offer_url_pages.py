"""Admin route for ``allow_private_offer_urls``: may offer and feed URLs reach the private network
(an intranet job board)? Mixed into ``AdminPages``; redirects after its POST."""

from __future__ import annotations

from litestar import post
from litestar.enums import MediaType
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect

from app.domain.admin.forms import save_ticked
from app.domain.admin.guards import require_admin
from app.lib.dependencies import Db, SignedIn

PRIVATE_URLS_SETTING = "allow_private_offer_urls"


class OfferUrlRoutes:
    @post("/offer-urls", media_type=MediaType.HTML)
    async def save_offer_urls(self, request: HTMXRequest, user: SignedIn, db: Db) -> Redirect:
        require_admin(user)
        return await save_ticked(request, db, PRIVATE_URLS_SETTING, "offer-urls#offer-urls")
