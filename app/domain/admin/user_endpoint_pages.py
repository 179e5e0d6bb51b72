"""Admin route for ``allow_user_llm_endpoints``: may users set their own AI endpoint and key on
their account page? Mixed into ``AdminPages``; redirects after its POST. Forbidden, the stored
endpoints stay but no work uses them (app/settings/user_endpoint.py) and the form is refused."""

from __future__ import annotations

from litestar import post
from litestar.enums import MediaType
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect

from app.domain.admin.forms import save_ticked
from app.domain.admin.guards import require_admin
from app.lib.dependencies import Db, SignedIn
from app.settings.user_endpoint import USER_ENDPOINTS_SETTING


class UserEndpointRoutes:
    @post("/user-endpoints", media_type=MediaType.HTML)
    async def save_user_endpoints(self, request: HTMXRequest, user: SignedIn, db: Db) -> Redirect:
        require_admin(user)
        return await save_ticked(
            request, db, USER_ENDPOINTS_SETTING, "user-endpoints#user-endpoints"
        )
