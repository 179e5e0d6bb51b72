"""Admin route for ``allow_user_llm_endpoints``: may users set their own AI endpoint and key on
their account page? Mixed into ``AdminPages``; redirects after its POST. Forbidden, the stored
endpoints stay but no work uses them (app/settings/user_endpoint.py) and the form is refused."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.enums import MediaType
from litestar.response import Redirect

from app.domain.admin.forms import save_settings, ticked
from app.domain.admin.guards import require_admin
from app.lib.dependencies import Db, SignedIn
from app.settings.user_endpoint import USER_ENDPOINTS_SETTING


class UserEndpointRoutes:
    @post("/user-endpoints", media_type=MediaType.HTML)
    async def save_user_endpoints(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db
    ) -> Redirect:
        require_admin(user)
        allowed = ticked(await request.form(), USER_ENDPOINTS_SETTING)
        return await save_settings(
            db, {USER_ENDPOINTS_SETTING: allowed}, "user-endpoints#user-endpoints"
        )
