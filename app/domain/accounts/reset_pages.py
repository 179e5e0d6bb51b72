"""Pages of the password reset: asking for a link by email, and choosing the new password.

Every form redirects after its POST, accepted or refused; a refusal comes back as a code in the
address, shown by a fixed message (the address never puts its own text on the page).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from litestar import Controller, Request, get, post
from litestar.background_tasks import BackgroundTask
from litestar.enums import MediaType
from litestar.params import FromQuery
from litestar.response import Redirect, Template

from app.domain.accounts.login import end_session
from app.domain.accounts.password_checks import forgive_account
from app.domain.accounts.password_reset import RESET_PATH, open_reset, use_reset
from app.domain.accounts.reset_mail import count_request, send_reset_mail
from app.domain.accounts.services import validate_password
from app.lib import rate_limit
from app.lib.dependencies import AppSettings, Db, MaybeSignedIn, RedisClient, WriteSessions
from app.lib.errors import AppError, TooManyRequests
from app.lib.i18n import N_
from app.lib.sessions import next_session_generation

FORGOT_PATH = "/password/forgot"
# The refusals a redirect may name, and their messages (``%(n)s``: the shortest password).
REFUSALS = {
    "auth.password_too_short": N_("The password must be at least %(n)s characters."),
    "auth.password_too_long": N_("The password is too long."),
    "auth.too_many_reset_requests": N_(
        "Too many reset requests from this address. Wait a few minutes and try again."
    ),
}
PRIVATE = {"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"}


def _see_other(path: str, background: BackgroundTask | None = None, **query: str) -> Redirect:
    target = f"{path}?{urlencode(query)}" if query else path
    return Redirect(target, status_code=303, background=background)


async def _form(request: Request[Any, Any, Any]) -> dict[str, str]:
    form = await request.form()
    return {k: str(v) for k, v in form.items() if k != "_csrf_token"}


class PasswordResetPages(Controller):
    include_in_schema = False

    @get(FORGOT_PATH, media_type=MediaType.HTML)
    async def forgot_page(
        self,
        optional_user: MaybeSignedIn,  # the header shows who is signed in, if anyone
        settings: AppSettings,
        sent: FromQuery[str] = "",
        error: FromQuery[str] = "",
    ) -> Template:
        context = {
            "mail": settings.sends_mail,
            "sent": bool(sent),
            "error": REFUSALS.get(error),
            "error_code": error if error in REFUSALS else None,
        }
        return Template("accounts/forgot_password.html", context=context)

    @post(FORGOT_PATH, media_type=MediaType.HTML)
    async def ask_for_link(
        self,
        request: Request[Any, Any, Any],
        settings: AppSettings,
        redis: RedisClient,
        write_sessions: WriteSessions,
    ) -> Redirect:
        """The same answer for every address: the link is made and sent after it."""
        if not settings.sends_mail:
            return _see_other(FORGOT_PATH)
        email = (await _form(request)).get("email", "").strip()
        try:
            allowed = await count_request(redis, settings, rate_limit.client_of(request), email)
        except TooManyRequests as exc:
            return _see_other(FORGOT_PATH, error=exc.code or "")
        sending = None
        if allowed and email:
            sending = BackgroundTask(send_reset_mail, write_sessions, settings, email)
        return _see_other(FORGOT_PATH, sending, sent="1")

    @get(RESET_PATH, media_type=MediaType.HTML)
    async def reset_page(
        self,
        optional_user: MaybeSignedIn,  # the header shows who is signed in, if anyone
        db: Db,
        settings: AppSettings,
        token: FromQuery[str] = "",
        error: FromQuery[str] = "",
    ) -> Template:
        context: dict[str, Any] = {
            "mail": settings.sends_mail,
            "min_password_length": settings.min_password_length,
        }
        try:
            row = await open_reset(db, token.strip())
        except AppError as exc:  # no form for a link that opens nothing: what to do instead
            context.update(refused=exc.detail, refused_code=exc.code)
        else:
            context.update(token=token.strip(), expires_at=row.expires_at)
            context.update(
                error=REFUSALS.get(error), error_code=error if error in REFUSALS else None
            )
        return Template("accounts/reset_password.html", context=context, headers=PRIVATE)

    @post(RESET_PATH, media_type=MediaType.HTML)
    async def set_new_password(
        self,
        request: Request[Any, Any, Any],
        db: Db,
        settings: AppSettings,
        redis: RedisClient,
    ) -> Redirect:
        form = await _form(request)
        token = form.get("token", "").strip()
        try:
            password = form.get("password", "")
            validate_password(password, settings)
            user = await use_reset(db, token, password)
        except AppError as exc:
            await db.rollback()
            return _see_other(RESET_PATH, token=token, error=exc.code or "")
        # Every session of the account ends (this browser's too, whoever it was signed in as:
        # the new password is typed once more at the sign-in form).
        await next_session_generation(redis, user.id)
        await forgive_account(redis, user.email)
        end_session(request)
        return _see_other("/login", signed_out="password-reset")
